/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-document.c: the document record (5.2, 7.5): its field table, its versions as children,
 * the rule that "approved" comes from an approved version, the review date, and new documents
 * for mandated documented information. */

#define G_LOG_DOMAIN "annex-document"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "annex-catalogue.h"
#include "annex-document.h"
#include "annex-document-version.h"
#include "annex-links.h"
#include "annex-store-error.h"

struct _AnnexDocument
{
  AnnexRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AnnexDocument, annex_document, ANNEX_TYPE_RECORD)

/* Indexes into fields[]. */
enum {
  FIELD_TITLE,
  FIELD_TYPE,
  FIELD_SECURITY_POLICY,
  FIELD_STATUS,
  FIELD_CURRENT_VERSION,
  FIELD_OWNER,
  FIELD_APPROVER,
  FIELD_CLASSIFICATION,
  FIELD_LOCATION,
  FIELD_REVIEW_INTERVAL,
  FIELD_NEXT_REVIEW,
  FIELD_DESCRIPTION,
  N_FIELDS
};

#define MAX_REVIEW_INTERVAL 120

static const AnnexFieldChoice type_choices[] = {
  { "policy", N_("Policy") },
  { "procedure", N_("Procedure") },
  { "standard", N_("Standard") },
  { "plan", N_("Plan") },
  { "record", N_("Record") },
  { "template", N_("Template") },
  { "other", N_("Other") },
  { NULL, NULL }
};

static const AnnexFieldChoice status_choices[] = {
  { "draft", N_("Draft") },
  { "in-review", N_("In review") },
  { "approved", N_("Approved") },
  { "withdrawn", N_("Withdrawn") },
  { NULL, NULL }
};

static const AnnexField fields[N_FIELDS] = {
  [FIELD_TITLE] = {
    "title", "title", ANNEX_FIELD_TEXT, N_("Title"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_TYPE] = {
    "type", "type", ANNEX_FIELD_CHOICE, N_("Type"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_FILTER,
    type_choices, "procedure"
  },
  [FIELD_SECURITY_POLICY] = {
    "security-policy", "security_policy", ANNEX_FIELD_BOOL,
    N_("Information security policy (5.2)"),
    ANNEX_FIELD_FLAG_NONE,
    NULL, "false"
  },
  [FIELD_STATUS] = {
    "status", "status", ANNEX_FIELD_CHOICE, N_("Status"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_FILTER,
    status_choices, "draft"
  },
  [FIELD_CURRENT_VERSION] = {
    "current-version", "current_version", ANNEX_FIELD_TEXT, N_("Version in force"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_READ_ONLY,
    NULL, NULL
  },
  [FIELD_OWNER] = {
    "owner", "owner", ANNEX_FIELD_TEXT, N_("Owner"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_APPROVER] = {
    "approver", "approver", ANNEX_FIELD_TEXT, N_("Approver"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_CLASSIFICATION] = {
    "classification", "classification", ANNEX_FIELD_TEXT, N_("Classification"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_LOCATION] = {
    "location", "location", ANNEX_FIELD_TEXT, N_("Location"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_REVIEW_INTERVAL] = {
    "review-interval", "review_interval", ANNEX_FIELD_INT, N_("Review interval (months)"),
    ANNEX_FIELD_FLAG_NONE,
    NULL, "12"
  },
  [FIELD_NEXT_REVIEW] = {
    "next-review", "next_review", ANNEX_FIELD_DATE, N_("Next review"),
    ANNEX_FIELD_FLAG_LIST,
    NULL, NULL
  },
  [FIELD_DESCRIPTION] = {
    "description", "description", ANNEX_FIELD_LONG_TEXT, N_("Description"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
};

enum {
  PROP_0,
  PROP_TYPE_LABEL,
  PROP_STATUS_LABEL,
  PROP_REVIEW_OVERDUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
get_field_string (AnnexDocument *self,
                  guint          index)
{
  return g_value_get_string (annex_record_get_value (ANNEX_RECORD (self), index));
}

static void
annex_document_field_changed (AnnexRecord *record,
                              guint        index)
{
  switch (index)
    {
    case FIELD_TYPE:
      g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_TYPE_LABEL]);
      break;

    case FIELD_STATUS:
      g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_STATUS_LABEL]);
      g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_REVIEW_OVERDUE]);
      break;

    case FIELD_NEXT_REVIEW:
      g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_REVIEW_OVERDUE]);
      break;

    default:
      break;
    }
}

static gboolean
annex_document_validate (AnnexRecord  *record,
                         GError      **error)
{
  gint64 interval = g_value_get_int64 (annex_record_get_value (record, FIELD_REVIEW_INTERVAL));

  if (interval < 0 || interval > MAX_REVIEW_INTERVAL)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                   _("The review interval must be between 0 and %d months"),
                   MAX_REVIEW_INTERVAL);
      return FALSE;
    }

  return TRUE;
}

/* Whether document @id has a version in force, as stored. */
static gboolean
has_approved_version (AnnexDatabase  *db,
                      gint64          id,
                      gboolean       *out_has,
                      GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *out_has = FALSE;

  stmt = annex_database_prepare (db,
                                 "SELECT 1 FROM document_versions "
                                 "WHERE document_id = ? AND status = 'approved'",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      annex_store_set_error_from_sqlite (error, annex_database_get_handle (db), rc,
                                         _("Could not read the register"));
      return FALSE;
    }

  *out_has = rc == SQLITE_ROW;
  return TRUE;
}

/* "Approved" means a version was approved (annex_document_version_approve() sets it, with the
 * privilege of skipping this check); a user may set it back after "in review" only while that
 * version is still in force. Restoring a deleted document brings its versions back after it,
 * so a restore is not checked. */
static gboolean
annex_document_check_write (AnnexRecord       *record,
                            AnnexDatabase     *db,
                            AnnexRecordWrite   write,
                            GError           **error)
{
  gboolean has_approved = FALSE;

  if (write != ANNEX_RECORD_WRITE_ADD && write != ANNEX_RECORD_WRITE_SAVE)
    return TRUE;
  if (g_strcmp0 (get_field_string (ANNEX_DOCUMENT (record), FIELD_STATUS), "approved") != 0)
    return TRUE;

  if (write == ANNEX_RECORD_WRITE_SAVE &&
      !has_approved_version (db, annex_record_get_id (record), &has_approved, error))
    return FALSE;

  if (!has_approved)
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("A document becomes approved when a version of it is approved: "
                             "add a version and approve it"));
      return FALSE;
    }

  return TRUE;
}

static void
annex_document_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AnnexDocument *self = ANNEX_DOCUMENT (object);

  if (pspec->owner_type != ANNEX_TYPE_DOCUMENT || prop_id >= ANNEX_RECORD_FIRST_FIELD_PROP)
    {
      G_OBJECT_CLASS (annex_document_parent_class)->get_property (object, prop_id, value, pspec);
      return;
    }

  switch (prop_id)
    {
    case PROP_TYPE_LABEL:
      g_value_set_string (value, annex_record_get_choice_label (ANNEX_RECORD (self), FIELD_TYPE));
      break;

    case PROP_STATUS_LABEL:
      g_value_set_string (value,
                          annex_record_get_choice_label (ANNEX_RECORD (self), FIELD_STATUS));
      break;

    case PROP_REVIEW_OVERDUE:
      g_value_set_boolean (value, annex_document_get_review_overdue (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_document_class_init (AnnexDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AnnexRecordClass *record_class = ANNEX_RECORD_CLASS (klass);

  object_class->get_property = annex_document_get_property;

  record_class->field_changed = annex_document_field_changed;
  record_class->validate = annex_document_validate;
  record_class->check_write = annex_document_check_write;

  annex_record_class_install_fields (record_class, "documents", "DOC-", fields, N_FIELDS);
  annex_record_class_add_child (record_class, ANNEX_TYPE_DOCUMENT_VERSION, "document-id");

  properties[PROP_TYPE_LABEL] =
    g_param_spec_string ("type-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_LABEL] =
    g_param_spec_string ("status-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVIEW_OVERDUE] =
    g_param_spec_boolean ("review-overdue", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
annex_document_init (AnnexDocument *self)
{
}

/**
 * annex_document_new:
 *
 * Returns: (transfer full): a new, unsaved draft procedure reviewed every 12 months
 */
AnnexDocument *
annex_document_new (void)
{
  return g_object_new (ANNEX_TYPE_DOCUMENT, NULL);
}

const char *
annex_document_get_title (AnnexDocument *self)
{
  g_return_val_if_fail (ANNEX_IS_DOCUMENT (self), NULL);
  return get_field_string (self, FIELD_TITLE);
}

const char *
annex_document_get_document_type (AnnexDocument *self)
{
  g_return_val_if_fail (ANNEX_IS_DOCUMENT (self), NULL);
  return get_field_string (self, FIELD_TYPE);
}

const char *
annex_document_get_status (AnnexDocument *self)
{
  g_return_val_if_fail (ANNEX_IS_DOCUMENT (self), NULL);
  return get_field_string (self, FIELD_STATUS);
}

gboolean
annex_document_get_security_policy (AnnexDocument *self)
{
  g_return_val_if_fail (ANNEX_IS_DOCUMENT (self), FALSE);
  return g_value_get_boolean (annex_record_get_value (ANNEX_RECORD (self),
                                                     FIELD_SECURITY_POLICY));
}

const char *
annex_document_get_current_version (AnnexDocument *self)
{
  g_return_val_if_fail (ANNEX_IS_DOCUMENT (self), NULL);
  return get_field_string (self, FIELD_CURRENT_VERSION);
}

const char *
annex_document_get_owner (AnnexDocument *self)
{
  g_return_val_if_fail (ANNEX_IS_DOCUMENT (self), NULL);
  return get_field_string (self, FIELD_OWNER);
}

const char *
annex_document_get_approver (AnnexDocument *self)
{
  g_return_val_if_fail (ANNEX_IS_DOCUMENT (self), NULL);
  return get_field_string (self, FIELD_APPROVER);
}

gint64
annex_document_get_review_interval (AnnexDocument *self)
{
  g_return_val_if_fail (ANNEX_IS_DOCUMENT (self), 0);
  return g_value_get_int64 (annex_record_get_value (ANNEX_RECORD (self), FIELD_REVIEW_INTERVAL));
}

const char *
annex_document_get_next_review (AnnexDocument *self)
{
  g_return_val_if_fail (ANNEX_IS_DOCUMENT (self), NULL);
  return get_field_string (self, FIELD_NEXT_REVIEW);
}

gboolean
annex_document_is_review_overdue_on (AnnexDocument *self,
                                     const char    *today)
{
  const char *next_review;

  g_return_val_if_fail (ANNEX_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  if (g_strcmp0 (get_field_string (self, FIELD_STATUS), "approved") != 0)
    return FALSE;

  next_review = get_field_string (self, FIELD_NEXT_REVIEW);
  return annex_field_date_is_valid (next_review) && strcmp (next_review, today) < 0;
}

gboolean
annex_document_get_review_overdue (AnnexDocument *self)
{
  g_autofree char *today = annex_field_dup_today ();

  g_return_val_if_fail (ANNEX_IS_DOCUMENT (self), FALSE);
  return annex_document_is_review_overdue_on (self, today);
}

/**
 * annex_document_add_months:
 * @date: a date, "YYYY-MM-DD"
 * @months: the months to add
 *
 * Returns: (transfer full) (nullable): the date @months later, clamped to the month's end
 */
char *
annex_document_add_months (const char *date,
                           guint       months)
{
  guint year, month, day;
  guint total;

  if (!annex_field_date_is_valid (date))
    return NULL;
  if (sscanf (date, "%4u-%2u-%2u", &year, &month, &day) != 3)
    return NULL;

  total = (month - 1) + months;
  year += total / 12;
  month = total % 12 + 1;
  if (year > 9999)
    return NULL;
  day = MIN (day, g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year));

  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

/* What a document created for a mandated item is called and what it is. */
typedef struct
{
  const char *clause_id;
  const char *title;
  const char *type;
} MandatedTemplate;

static const MandatedTemplate mandated_templates[] = {
  { "4.3", N_("ISMS scope"), "other" },
  { "5.2", N_("Information security policy"), "policy" },
  { "6.1.2", N_("Risk assessment methodology"), "procedure" },
  { "6.1.3", N_("Risk treatment process and plan"), "procedure" },
  { "6.2", N_("Information security objectives"), "plan" },
  { "7.2", N_("Evidence of competence"), "record" },
  { "7.5.1", N_("Control of documented information"), "procedure" },
  { "8.1", N_("Records of operational planning and control"), "record" },
  { "8.2", N_("Risk assessment results"), "record" },
  { "8.3", N_("Risk treatment results"), "record" },
  { "9.1", N_("Monitoring and measurement results"), "record" },
  { "9.2.2", N_("Audit programme and audit results"), "record" },
  { "9.3.3", N_("Management review results"), "record" },
  { "10.2", N_("Nonconformities and corrective actions"), "record" },
};

static gboolean
find_requirement_id (AnnexDatabase  *db,
                     const char     *clause_id,
                     gint64         *out_id,
                     GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *out_id = 0;

  stmt = annex_database_prepare (db, "SELECT id FROM requirements WHERE reference = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, clause_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      annex_store_set_error_from_sqlite (error, annex_database_get_handle (db), rc,
                                         _("Could not read the register"));
      return FALSE;
    }

  return TRUE;
}

static void
reload_quietly (AnnexRegister *register_)
{
  g_autoptr(GError) error = NULL;

  if (!annex_register_load (register_, &error))
    g_warning ("Could not reload a register: %s", error->message);
}

/**
 * annex_document_create_for_clause:
 * @documents: the register of #AnnexDocument
 * @clause_id: a clause that mandates documented information
 * @error: return location for an error
 *
 * Adds a draft document for the clause's mandated documented information, linked to the
 * clause.
 *
 * Returns: (transfer none) (nullable): the new document, an item of @documents
 */
AnnexDocument *
annex_document_create_for_clause (AnnexRegister  *documents,
                                  const char     *clause_id,
                                  GError        **error)
{
  const AnnexCatalogueClause *clause;
  const MandatedTemplate *template = NULL;
  g_autoptr(AnnexDocument) document = NULL;
  g_autofree char *title = NULL;
  AnnexDatabase *db;
  gint64 requirement_id = 0;

  g_return_val_if_fail (ANNEX_IS_REGISTER (documents), NULL);
  g_return_val_if_fail (annex_register_get_record_type (documents) == ANNEX_TYPE_DOCUMENT, NULL);
  g_return_val_if_fail (clause_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  clause = annex_catalogue_find_clause (clause_id);
  if (clause == NULL || (g_strcmp0 (clause->doc_type, "document") != 0 &&
                         g_strcmp0 (clause->doc_type, "record") != 0))
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                   /* Translators: %s is a clause number, e.g. 5.1 */
                   _("Clause %s mandates no documented information"), clause_id);
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (mandated_templates); i++)
    if (strcmp (mandated_templates[i].clause_id, clause->id) == 0)
      template = &mandated_templates[i];

  if (template != NULL)
    {
      title = g_strdup (_(template->title));
    }
  else
    {
      const char *text = annex_catalogue_gettext (clause->documented_information);
      const char *end = strchr (text, ';');

      title = end != NULL ? g_strndup (text, end - text) : g_strdup (text);
    }

  document = annex_document_new ();
  annex_record_set_string (ANNEX_RECORD (document), "title", title);
  if (template != NULL)
    annex_record_set_string (ANNEX_RECORD (document), "type", template->type);
  else if (strcmp (clause->doc_type, "record") == 0)
    annex_record_set_string (ANNEX_RECORD (document), "type", "record");
  if (strcmp (clause->id, "5.2") == 0)
    g_object_set (document, "security-policy", TRUE, NULL);

  db = annex_register_get_database (documents);
  if (!annex_database_begin (db, error))
    return NULL;

  if (!find_requirement_id (db, clause->id, &requirement_id, error))
    goto failed;
  if (!annex_register_add (documents, ANNEX_RECORD (document), error))
    goto failed;
  if (requirement_id > 0 &&
      !annex_links_add (db, "documents", annex_record_get_id (ANNEX_RECORD (document)),
                        ANNEX_DOCUMENT_LINK_CLAUSES, requirement_id, error))
    goto failed;

  if (!annex_database_commit (db, error))
    {
      reload_quietly (documents);
      return NULL;
    }

  return document;

failed:
  annex_database_rollback (db);
  if (annex_record_get_id (ANNEX_RECORD (document)) != 0)
    reload_quietly (documents);
  return NULL;
}
