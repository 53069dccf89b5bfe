/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-document-version.c: the versions of a document: the record, its immutability once
 * approved, the next version number, and approval. */

#define G_LOG_DOMAIN "annex-document-version"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "annex-document-version.h"
#include "annex-register-private.h"
#include "annex-store-error.h"

struct _AnnexDocumentVersion
{
  AnnexRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AnnexDocumentVersion, annex_document_version, ANNEX_TYPE_RECORD)

/* Indexes into fields[]. */
enum {
  FIELD_DOCUMENT_ID,
  FIELD_VERSION,
  FIELD_DATE,
  FIELD_SUMMARY,
  FIELD_STATUS,
  FIELD_APPROVED_BY,
  FIELD_APPROVED_ON,
  N_FIELDS
};

static const AnnexFieldChoice status_choices[] = {
  { "draft", N_("Draft") },
  { "approved", N_("In force") },
  { "superseded", N_("Superseded") },
  { NULL, NULL }
};

static const AnnexField fields[N_FIELDS] = {
  [FIELD_DOCUMENT_ID] = {
    "document-id", "document_id", ANNEX_FIELD_INT, N_("Document"),
    ANNEX_FIELD_FLAG_NONE,
    NULL, "0"
  },
  [FIELD_VERSION] = {
    "version", "version", ANNEX_FIELD_TEXT, N_("Version"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_DATE] = {
    "date", "date", ANNEX_FIELD_DATE, N_("Date"),
    ANNEX_FIELD_FLAG_LIST,
    NULL, NULL
  },
  [FIELD_SUMMARY] = {
    "summary", "summary", ANNEX_FIELD_LONG_TEXT, N_("Summary of changes"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_STATUS] = {
    "status", "status", ANNEX_FIELD_CHOICE, N_("Status"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_READ_ONLY,
    status_choices, "draft"
  },
  [FIELD_APPROVED_BY] = {
    "approved-by", "approved_by", ANNEX_FIELD_TEXT, N_("Approved by"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_READ_ONLY,
    NULL, NULL
  },
  [FIELD_APPROVED_ON] = {
    "approved-on", "approved_on", ANNEX_FIELD_DATE, N_("Approved on"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_READ_ONLY,
    NULL, NULL
  },
};

enum {
  PROP_0,
  PROP_STATUS_LABEL,
  PROP_IS_DRAFT,
  PROP_DISPLAY_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
get_field_string (AnnexDocumentVersion *self,
                  guint                 index)
{
  return g_value_get_string (annex_record_get_value (ANNEX_RECORD (self), index));
}

static void
set_field_string (AnnexDocumentVersion *self,
                  guint                 index,
                  const char           *text)
{
  GValue value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  annex_record_set_value (ANNEX_RECORD (self), index, &value);
  g_value_unset (&value);
}

static char *
dup_display_title (AnnexDocumentVersion *self)
{
  const char *version = get_field_string (self, FIELD_VERSION);

  if (annex_field_text_is_blank (version))
    return g_strdup (_("New version"));

  /* Translators: %s is a version number, e.g. 1.2 */
  return g_strdup_printf (_("Version %s"), version);
}

static void
annex_document_version_field_changed (AnnexRecord *record,
                                      guint        index)
{
  switch (index)
    {
    case FIELD_STATUS:
      g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_STATUS_LABEL]);
      g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_IS_DRAFT]);
      break;

    case FIELD_VERSION:
      g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_DISPLAY_TITLE]);
      break;

    default:
      break;
    }
}

static gboolean
annex_document_version_validate (AnnexRecord  *record,
                                 GError      **error)
{
  AnnexDocumentVersion *self = ANNEX_DOCUMENT_VERSION (record);

  if (annex_document_version_get_document_id (self) <= 0)
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("A version belongs to a document: choose one"));
      return FALSE;
    }

  if (annex_document_version_is_draft (self))
    return TRUE;

  /* What approval recorded must stay complete. */
  if (annex_field_text_is_blank (get_field_string (self, FIELD_APPROVED_BY)))
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                   _("“%s” is required"), _(fields[FIELD_APPROVED_BY].label));
      return FALSE;
    }
  if (get_field_string (self, FIELD_APPROVED_ON) == NULL)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                   _("“%s” is required"), _(fields[FIELD_APPROVED_ON].label));
      return FALSE;
    }

  return TRUE;
}

/* Runs @sql (one int64 parameter) and returns its first text column (NULL for no row or a
 * NULL), newly allocated; *out_found says whether there was a row. */
static gboolean
query_text (AnnexDatabase  *db,
            const char     *sql,
            gint64          id,
            gboolean       *out_found,
            char          **out_text,
            GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *out_text = NULL;
  *out_found = FALSE;

  stmt = annex_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_found = TRUE;
      *out_text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      annex_store_set_error_from_sqlite (error, annex_database_get_handle (db), rc,
                                         _("Could not read the register"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_number_unique (AnnexDocumentVersion  *self,
                     AnnexDatabase         *db,
                     GError               **error)
{
  g_autofree char *number = g_strstrip (g_strdup (get_field_string (self, FIELD_VERSION)));
  sqlite3_stmt *stmt;
  int rc;

  stmt = annex_database_prepare (db,
                                 "SELECT 1 FROM document_versions "
                                 "WHERE document_id = ? AND trim (version) = ? AND id != ?",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, annex_document_version_get_document_id (self));
  sqlite3_bind_text (stmt, 2, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, annex_record_get_id (ANNEX_RECORD (self)));
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                   /* Translators: %s is a version number, e.g. 1.2 */
                   _("The document has a version %s already"), number);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      annex_store_set_error_from_sqlite (error, annex_database_get_handle (db), rc,
                                         _("Could not save the record"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
annex_document_version_check_write (AnnexRecord       *record,
                                    AnnexDatabase     *db,
                                    AnnexRecordWrite   write,
                                    GError           **error)
{
  AnnexDocumentVersion *self = ANNEX_DOCUMENT_VERSION (record);
  g_autofree char *stored_status = NULL;
  g_autofree char *document_status = NULL;
  gboolean found = FALSE;

  switch (write)
    {
    case ANNEX_RECORD_WRITE_SAVE:
      if (!query_text (db, "SELECT status FROM document_versions WHERE id = ?",
                       annex_record_get_id (record), &found, &stored_status, error))
        return FALSE;
      if (found && g_strcmp0 (stored_status, "draft") != 0)
        {
          g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                               _("An approved version is kept as it was approved and cannot "
                                 "be changed: add a new version"));
          return FALSE;
        }
      return check_number_unique (self, db, error);

    case ANNEX_RECORD_WRITE_REMOVE:
      if (!query_text (db, "SELECT status FROM document_versions WHERE id = ?",
                       annex_record_get_id (record), &found, &stored_status, error))
        return FALSE;
      if (!found || g_strcmp0 (stored_status, "draft") == 0)
        return TRUE;
      if (!query_text (db, "SELECT status FROM documents WHERE id = ?",
                       annex_document_version_get_document_id (self), &found, &document_status,
                       error))
        return FALSE;
      if (g_strcmp0 (document_status, "withdrawn") != 0)
        {
          g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                               _("Approved versions of a document are kept: withdraw the "
                                 "document first to dispose of it"));
          return FALSE;
        }
      return TRUE;

    case ANNEX_RECORD_WRITE_ADD:
    case ANNEX_RECORD_WRITE_RESTORE:
      if (!query_text (db, "SELECT status FROM documents WHERE id = ?",
                       annex_document_version_get_document_id (self), &found, &document_status,
                       error))
        return FALSE;
      if (!found)
        {
          g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                               _("The document of this version no longer exists"));
          return FALSE;
        }
      return check_number_unique (self, db, error);

    default:
      return TRUE;
    }
}

static void
annex_document_version_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AnnexDocumentVersion *self = ANNEX_DOCUMENT_VERSION (object);

  if (pspec->owner_type != ANNEX_TYPE_DOCUMENT_VERSION ||
      prop_id >= ANNEX_RECORD_FIRST_FIELD_PROP)
    {
      G_OBJECT_CLASS (annex_document_version_parent_class)->get_property (object, prop_id, value,
                                                                          pspec);
      return;
    }

  switch (prop_id)
    {
    case PROP_STATUS_LABEL:
      g_value_set_string (value,
                          annex_record_get_choice_label (ANNEX_RECORD (self), FIELD_STATUS));
      break;

    case PROP_IS_DRAFT:
      g_value_set_boolean (value, annex_document_version_is_draft (self));
      break;

    case PROP_DISPLAY_TITLE:
      g_value_take_string (value, dup_display_title (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_document_version_class_init (AnnexDocumentVersionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AnnexRecordClass *record_class = ANNEX_RECORD_CLASS (klass);

  object_class->get_property = annex_document_version_get_property;

  record_class->field_changed = annex_document_version_field_changed;
  record_class->validate = annex_document_version_validate;
  record_class->check_write = annex_document_version_check_write;

  annex_record_class_install_fields (record_class, "document_versions", "DV-", fields,
                                     N_FIELDS);

  properties[PROP_STATUS_LABEL] =
    g_param_spec_string ("status-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_DRAFT] =
    g_param_spec_boolean ("is-draft", NULL, NULL,
                          TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_TITLE] =
    g_param_spec_string ("display-title", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
annex_document_version_init (AnnexDocumentVersion *self)
{
}

/**
 * annex_document_version_new:
 * @document_id: the id of its document
 *
 * Returns: (transfer full): a new, unsaved draft version of the document
 */
AnnexDocumentVersion *
annex_document_version_new (gint64 document_id)
{
  AnnexDocumentVersion *self = g_object_new (ANNEX_TYPE_DOCUMENT_VERSION, NULL);

  annex_record_set_int (ANNEX_RECORD (self), "document-id", document_id);
  return self;
}

gint64
annex_document_version_get_document_id (AnnexDocumentVersion *self)
{
  g_return_val_if_fail (ANNEX_IS_DOCUMENT_VERSION (self), 0);
  return g_value_get_int64 (annex_record_get_value (ANNEX_RECORD (self), FIELD_DOCUMENT_ID));
}

const char *
annex_document_version_get_version (AnnexDocumentVersion *self)
{
  g_return_val_if_fail (ANNEX_IS_DOCUMENT_VERSION (self), NULL);
  return get_field_string (self, FIELD_VERSION);
}

const char *
annex_document_version_get_date (AnnexDocumentVersion *self)
{
  g_return_val_if_fail (ANNEX_IS_DOCUMENT_VERSION (self), NULL);
  return get_field_string (self, FIELD_DATE);
}

const char *
annex_document_version_get_summary (AnnexDocumentVersion *self)
{
  g_return_val_if_fail (ANNEX_IS_DOCUMENT_VERSION (self), NULL);
  return get_field_string (self, FIELD_SUMMARY);
}

const char *
annex_document_version_get_status (AnnexDocumentVersion *self)
{
  g_return_val_if_fail (ANNEX_IS_DOCUMENT_VERSION (self), NULL);
  return get_field_string (self, FIELD_STATUS);
}

gboolean
annex_document_version_is_draft (AnnexDocumentVersion *self)
{
  g_return_val_if_fail (ANNEX_IS_DOCUMENT_VERSION (self), FALSE);
  return g_strcmp0 (get_field_string (self, FIELD_STATUS), "draft") == 0;
}

const char *
annex_document_version_get_approved_by (AnnexDocumentVersion *self)
{
  g_return_val_if_fail (ANNEX_IS_DOCUMENT_VERSION (self), NULL);
  return get_field_string (self, FIELD_APPROVED_BY);
}

const char *
annex_document_version_get_approved_on (AnnexDocumentVersion *self)
{
  g_return_val_if_fail (ANNEX_IS_DOCUMENT_VERSION (self), NULL);
  return get_field_string (self, FIELD_APPROVED_ON);
}

/**
 * annex_document_version_find_current:
 * @versions: a list model of #AnnexDocumentVersion
 * @document_id: a document
 *
 * Returns: (transfer none) (nullable): the document's version in force
 */
AnnexDocumentVersion *
annex_document_version_find_current (GListModel *versions,
                                     gint64      document_id)
{
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (versions), NULL);

  n = g_list_model_get_n_items (versions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexDocumentVersion) version = g_list_model_get_item (versions, i);

      if (annex_document_version_get_document_id (version) == document_id &&
          g_strcmp0 (get_field_string (version, FIELD_STATUS), "approved") == 0)
        return version;  /* the model keeps it alive */
    }

  return NULL;
}

/**
 * annex_document_version_suggest_number:
 * @versions: a list model of #AnnexDocumentVersion
 * @document_id: a document
 *
 * Returns: (transfer full): a number for the document's next version
 */
char *
annex_document_version_suggest_number (GListModel *versions,
                                       gint64      document_id)
{
  g_autoptr(AnnexDocumentVersion) latest = NULL;
  const char *number;
  const char *digits_end = NULL;
  const char *digits_start;
  guint n, n_versions = 0;
  guint64 value;

  g_return_val_if_fail (G_IS_LIST_MODEL (versions), NULL);

  n = g_list_model_get_n_items (versions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexDocumentVersion) version = g_list_model_get_item (versions, i);

      if (annex_document_version_get_document_id (version) != document_id)
        continue;

      n_versions++;
      /* Items are in id order: the last one is the latest created. */
      g_set_object (&latest, version);
    }

  if (latest == NULL)
    return g_strdup ("1.0");

  number = get_field_string (latest, FIELD_VERSION);
  for (const char *p = number != NULL ? number : ""; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      digits_end = p + 1;

  if (digits_end == NULL)
    return g_strdup_printf ("%u", n_versions + 1);

  digits_start = digits_end;
  while (digits_start > number && g_ascii_isdigit (digits_start[-1]))
    digits_start--;

  /* A run too long for a number is left as it is and grows by a suffix. */
  if (digits_end - digits_start > 18)
    return g_strdup_printf ("%s.1", number);

  value = g_ascii_strtoull (digits_start, NULL, 10);
  return g_strdup_printf ("%.*s%" G_GUINT64_FORMAT "%s",
                          (int) (digits_start - number), number, value + 1, digits_end);
}

static void
reload_quietly (AnnexRegister *register_)
{
  g_autoptr(GError) error = NULL;

  if (!annex_register_load (register_, &error))
    g_warning ("Could not reload a register: %s", error->message);
}

/* What approval sets on a version. */
static const guint approval_fields[] = {
  FIELD_STATUS, FIELD_APPROVED_BY, FIELD_APPROVED_ON, FIELD_DATE,
};

/* What approval sets on the document. */
static const char * const document_fields[] = {
  "status", "current-version", "next-review",
};

typedef struct
{
  AnnexDocumentVersion *version;
  GPtrArray            *saved_version;   /* approval_fields' values */
  AnnexDocumentVersion *previous;
  char                 *saved_previous;  /* its status */
  AnnexDocument        *document;        /* may be NULL */
  GPtrArray            *saved_document;  /* document_fields' values */
} Approval;

static void
approval_restore (Approval *approval)
{
  for (guint i = 0; i < G_N_ELEMENTS (approval_fields); i++)
    set_field_string (approval->version, approval_fields[i],
                      g_ptr_array_index (approval->saved_version, i));
  if (approval->previous != NULL)
    set_field_string (approval->previous, FIELD_STATUS, approval->saved_previous);
  if (approval->document != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (document_fields); i++)
      annex_record_set_string (ANNEX_RECORD (approval->document), document_fields[i],
                               g_ptr_array_index (approval->saved_document, i));
}

static void
approval_clear (Approval *approval)
{
  g_clear_pointer (&approval->saved_version, g_ptr_array_unref);
  g_clear_pointer (&approval->saved_previous, g_free);
  g_clear_pointer (&approval->saved_document, g_ptr_array_unref);
  g_clear_object (&approval->document);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Approval, approval_clear)

/**
 * annex_document_version_approve:
 * @versions: the register of #AnnexDocumentVersion
 * @version: a draft of @versions
 * @documents: (nullable): the register of #AnnexDocument
 * @approved_by: who approved it
 * @approved_on: (nullable): the date of approval, "YYYY-MM-DD"; %NULL: today
 * @error: return location for an error
 *
 * Makes @version the one in force, supersedes the one before, and marks the document approved
 * with its next review date, in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
annex_document_version_approve (AnnexRegister         *versions,
                                AnnexDocumentVersion  *version,
                                AnnexRegister         *documents,
                                const char            *approved_by,
                                const char            *approved_on,
                                GError               **error)
{
  g_auto(Approval) approval = { 0 };
  g_autoptr(AnnexRegister) own_documents = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *approver = NULL;
  g_autofree char *today = NULL;
  g_autofree char *next_review = NULL;
  g_autofree char *number = NULL;
  AnnexDatabase *db;
  gint64 document_id;
  gint64 interval;

  g_return_val_if_fail (ANNEX_IS_REGISTER (versions), FALSE);
  g_return_val_if_fail (ANNEX_IS_DOCUMENT_VERSION (version), FALSE);
  g_return_val_if_fail (annex_register_get_position (versions, ANNEX_RECORD (version)) !=
                        G_MAXUINT, FALSE);
  g_return_val_if_fail (documents == NULL || ANNEX_IS_REGISTER (documents), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!annex_document_version_is_draft (version))
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("Only a draft version can be approved"));
      return FALSE;
    }

  if (annex_field_text_is_blank (approved_by))
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("Say who approves the version"));
      return FALSE;
    }
  approver = g_strstrip (g_strdup (approved_by));

  if (approved_on == NULL)
    approved_on = today = annex_field_dup_today ();
  if (!annex_field_date_is_valid (approved_on))
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                   _("“%s” must be a date written as YYYY-MM-DD, not “%s”"),
                   _("Approved on"), approved_on);
      return FALSE;
    }

  db = annex_register_get_database (versions);
  document_id = annex_document_version_get_document_id (version);

  if (documents == NULL)
    {
      own_documents = annex_register_new (db, ANNEX_TYPE_DOCUMENT);
      if (!annex_register_load (own_documents, error))
        return FALSE;
      documents = own_documents;
    }

  approval.document = (AnnexDocument *) annex_register_find (documents, document_id);
  if (approval.document == NULL)
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("The document of this version no longer exists"));
      return FALSE;
    }
  g_object_ref (approval.document);

  interval = annex_document_get_review_interval (approval.document);
  if (interval > 0)
    next_review = annex_document_add_months (approved_on, (guint) interval);

  approval.version = version;
  approval.saved_version = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (approval_fields); i++)
    g_ptr_array_add (approval.saved_version,
                     g_strdup (get_field_string (version, approval_fields[i])));
  approval.saved_document = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (document_fields); i++)
    g_ptr_array_add (approval.saved_document,
                     g_strdup (annex_record_get_string (ANNEX_RECORD (approval.document),
                                                        document_fields[i])));

  records = g_ptr_array_new ();
  approval.previous = annex_document_version_find_current (G_LIST_MODEL (versions), document_id);
  if (approval.previous != NULL)
    {
      approval.saved_previous = g_strdup (get_field_string (approval.previous, FIELD_STATUS));
      set_field_string (approval.previous, FIELD_STATUS, "superseded");
      g_ptr_array_add (records, approval.previous);
    }

  set_field_string (version, FIELD_STATUS, "approved");
  set_field_string (version, FIELD_APPROVED_BY, approver);
  set_field_string (version, FIELD_APPROVED_ON, approved_on);
  if (get_field_string (version, FIELD_DATE) == NULL)
    set_field_string (version, FIELD_DATE, approved_on);
  g_ptr_array_add (records, version);

  annex_record_set_string (ANNEX_RECORD (approval.document), "status", "approved");
  number = g_strstrip (g_strdup (get_field_string (version, FIELD_VERSION)));
  annex_record_set_string (ANNEX_RECORD (approval.document), "current-version", number);
  if (next_review != NULL)
    annex_record_set_string (ANNEX_RECORD (approval.document), "next-review", next_review);

  if (!annex_database_begin (db, error))
    {
      approval_restore (&approval);
      return FALSE;
    }

  /* The document first: when the versions then fail, only the documents' register has
   * written in the rolled-back transaction, and it is reloaded (the register's contract). */
  {
    g_autoptr(GPtrArray) document_records = g_ptr_array_new ();

    g_ptr_array_add (document_records, approval.document);
    if (!_annex_register_save_privileged (documents, document_records, error))
      goto failed;
  }

  if (!_annex_register_save_privileged (versions, records, error))
    {
      annex_database_rollback (db);
      approval_restore (&approval);
      if (documents != own_documents)
        reload_quietly (documents);
      return FALSE;
    }

  if (!annex_database_commit (db, error))
    {
      approval_restore (&approval);
      return FALSE;
    }

  return TRUE;

failed:
  annex_database_rollback (db);
  approval_restore (&approval);
  return FALSE;
}
