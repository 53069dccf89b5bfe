/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-audit.c: the audit record: its field table, yearly references, its checklist and
 * findings as children, the date rules, checklist generation and the auditor independence
 * rule. */

#define G_LOG_DOMAIN "annex-audit"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "annex-audit.h"
#include "annex-audit-item.h"
#include "annex-audit-private.h"
#include "annex-catalogue.h"
#include "annex-finding.h"
#include "annex-links.h"
#include "annex-store-error.h"

struct _AnnexAudit
{
  AnnexRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AnnexAudit, annex_audit, ANNEX_TYPE_RECORD)

/* Indexes into fields[]. */
enum {
  FIELD_TITLE,
  FIELD_TYPE,
  FIELD_SCOPE,
  FIELD_CRITERIA,
  FIELD_PLANNED_START,
  FIELD_PLANNED_END,
  FIELD_ACTUAL_START,
  FIELD_ACTUAL_END,
  FIELD_LEAD_AUDITOR,
  FIELD_TEAM,
  FIELD_AUDITEE_AREAS,
  FIELD_AUDITEE_CONTACTS,
  FIELD_STATUS,
  FIELD_CONCLUSION,
  FIELD_INDEPENDENCE_NOTE,
  N_FIELDS
};

static const AnnexFieldChoice type_choices[] = {
  { "internal", N_("Internal") },
  { "supplier", N_("Supplier") },
  { "certification", N_("Certification") },
  { "surveillance", N_("Surveillance") },
  { NULL, NULL }
};

static const AnnexFieldChoice status_choices[] = {
  { "planned", N_("Planned") },
  { "in-preparation", N_("In preparation") },
  { "in-progress", N_("In progress") },
  { "reported", N_("Reported") },
  { "closed", N_("Closed") },
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
    type_choices, "internal"
  },
  [FIELD_SCOPE] = {
    "scope", "scope", ANNEX_FIELD_LONG_TEXT, N_("Scope"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_CRITERIA] = {
    "criteria", "criteria", ANNEX_FIELD_LONG_TEXT, N_("Criteria"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_PLANNED_START] = {
    "planned-start", "planned_start", ANNEX_FIELD_DATE, N_("Planned start"),
    ANNEX_FIELD_FLAG_LIST,
    NULL, NULL
  },
  [FIELD_PLANNED_END] = {
    "planned-end", "planned_end", ANNEX_FIELD_DATE, N_("Planned end"),
    ANNEX_FIELD_FLAG_NONE,
    NULL, NULL
  },
  [FIELD_ACTUAL_START] = {
    "actual-start", "actual_start", ANNEX_FIELD_DATE, N_("Actual start"),
    ANNEX_FIELD_FLAG_NONE,
    NULL, NULL
  },
  [FIELD_ACTUAL_END] = {
    "actual-end", "actual_end", ANNEX_FIELD_DATE, N_("Actual end"),
    ANNEX_FIELD_FLAG_NONE,
    NULL, NULL
  },
  [FIELD_LEAD_AUDITOR] = {
    "lead-auditor", "lead_auditor", ANNEX_FIELD_TEXT, N_("Lead auditor"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_TEAM] = {
    "team", "team", ANNEX_FIELD_TEXT, N_("Audit team"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_AUDITEE_AREAS] = {
    "auditee-areas", "auditee_areas", ANNEX_FIELD_LONG_TEXT, N_("Areas audited"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_AUDITEE_CONTACTS] = {
    "auditee-contacts", "auditee_contacts", ANNEX_FIELD_LONG_TEXT, N_("Auditee contacts"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_STATUS] = {
    "status", "status", ANNEX_FIELD_CHOICE, N_("Status"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_FILTER,
    status_choices, "planned"
  },
  [FIELD_CONCLUSION] = {
    "conclusion", "conclusion", ANNEX_FIELD_LONG_TEXT, N_("Conclusion"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_INDEPENDENCE_NOTE] = {
    "independence-note", "independence_note", ANNEX_FIELD_LONG_TEXT, N_("Independence note"),
    ANNEX_FIELD_FLAG_NONE,
    NULL, NULL
  },
};

enum {
  PROP_0,
  PROP_TYPE_LABEL,
  PROP_STATUS_LABEL,
  PROP_OVERDUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
get_field_string (AnnexAudit *self,
                  guint       index)
{
  return g_value_get_string (annex_record_get_value (ANNEX_RECORD (self), index));
}

/* The foreign key would refuse a missing audit too, but without a sentence for the user. */
gboolean
_annex_audit_check_child_write (AnnexDatabase     *db,
                                gint64             audit_id,
                                AnnexRecordWrite   write,
                                GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (write == ANNEX_RECORD_WRITE_REMOVE)
    return TRUE;

  stmt = annex_database_prepare (db, "SELECT 1 FROM audits WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, audit_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("The audit this belongs to no longer exists"));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      annex_store_set_error_from_sqlite (error, annex_database_get_handle (db), rc,
                                         _("Could not save the record"));
      return FALSE;
    }

  return TRUE;
}

/* Both dates valid and @end before @start: "YYYY-MM-DD" compares in byte order. */
static gboolean
ends_before_start (const char *start,
                   const char *end)
{
  return annex_field_date_is_valid (start) && annex_field_date_is_valid (end) &&
         strcmp (end, start) < 0;
}

static gboolean
annex_audit_validate (AnnexRecord  *record,
                      GError      **error)
{
  AnnexAudit *self = ANNEX_AUDIT (record);

  if (ends_before_start (get_field_string (self, FIELD_PLANNED_START),
                         get_field_string (self, FIELD_PLANNED_END)))
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("The planned end cannot be before the planned start"));
      return FALSE;
    }

  if (ends_before_start (get_field_string (self, FIELD_ACTUAL_START),
                         get_field_string (self, FIELD_ACTUAL_END)))
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("The actual end cannot be before the actual start"));
      return FALSE;
    }

  return TRUE;
}

static void
annex_audit_field_changed (AnnexRecord *record,
                           guint        index)
{
  switch (index)
    {
    case FIELD_TYPE:
      g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_TYPE_LABEL]);
      break;

    case FIELD_STATUS:
      g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_STATUS_LABEL]);
      g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_OVERDUE]);
      break;

    case FIELD_PLANNED_END:
      g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_OVERDUE]);
      break;

    default:
      break;
    }
}

static void
annex_audit_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AnnexAudit *self = ANNEX_AUDIT (object);

  if (pspec->owner_type != ANNEX_TYPE_AUDIT || prop_id >= ANNEX_RECORD_FIRST_FIELD_PROP)
    {
      G_OBJECT_CLASS (annex_audit_parent_class)->get_property (object, prop_id, value, pspec);
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

    case PROP_OVERDUE:
      g_value_set_boolean (value, annex_audit_get_overdue (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_audit_class_init (AnnexAuditClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AnnexRecordClass *record_class = ANNEX_RECORD_CLASS (klass);

  object_class->get_property = annex_audit_get_property;

  record_class->validate = annex_audit_validate;
  record_class->field_changed = annex_audit_field_changed;

  annex_record_class_install_fields (record_class, "audits", "IA-", fields, N_FIELDS);
  annex_record_class_set_yearly_reference (record_class, "planned-start");
  annex_record_class_add_child (record_class, ANNEX_TYPE_AUDIT_ITEM, "audit-id");
  annex_record_class_add_child (record_class, ANNEX_TYPE_FINDING, "audit-id");

  properties[PROP_TYPE_LABEL] =
    g_param_spec_string ("type-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_LABEL] =
    g_param_spec_string ("status-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OVERDUE] =
    g_param_spec_boolean ("overdue", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
annex_audit_init (AnnexAudit *self)
{
}

/**
 * annex_audit_new:
 *
 * Returns: (transfer full): a new, unsaved audit (internal, planned)
 */
AnnexAudit *
annex_audit_new (void)
{
  return g_object_new (ANNEX_TYPE_AUDIT, NULL);
}

#define DEFINE_STRING_GETTER(name, index)                   \
  const char *                                              \
  annex_audit_get_##name (AnnexAudit *self)                 \
  {                                                         \
    g_return_val_if_fail (ANNEX_IS_AUDIT (self), NULL);     \
    return get_field_string (self, index);                  \
  }

DEFINE_STRING_GETTER (title, FIELD_TITLE)
DEFINE_STRING_GETTER (audit_type, FIELD_TYPE)
DEFINE_STRING_GETTER (status, FIELD_STATUS)
DEFINE_STRING_GETTER (planned_start, FIELD_PLANNED_START)
DEFINE_STRING_GETTER (planned_end, FIELD_PLANNED_END)
DEFINE_STRING_GETTER (actual_start, FIELD_ACTUAL_START)
DEFINE_STRING_GETTER (actual_end, FIELD_ACTUAL_END)
DEFINE_STRING_GETTER (lead_auditor, FIELD_LEAD_AUDITOR)
DEFINE_STRING_GETTER (team, FIELD_TEAM)
DEFINE_STRING_GETTER (independence_note, FIELD_INDEPENDENCE_NOTE)

#undef DEFINE_STRING_GETTER

gboolean
annex_audit_is_overdue_on (AnnexAudit *self,
                           const char *today)
{
  const char *planned_end;
  const char *status;

  g_return_val_if_fail (ANNEX_IS_AUDIT (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  planned_end = get_field_string (self, FIELD_PLANNED_END);
  status = get_field_string (self, FIELD_STATUS);

  if (!annex_field_date_is_valid (planned_end))
    return FALSE;
  if (g_strcmp0 (status, "planned") != 0 && g_strcmp0 (status, "in-preparation") != 0 &&
      g_strcmp0 (status, "in-progress") != 0)
    return FALSE;

  return strcmp (planned_end, today) < 0;
}

gboolean
annex_audit_get_overdue (AnnexAudit *self)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (ANNEX_IS_AUDIT (self), FALSE);

  if (get_field_string (self, FIELD_PLANNED_END) == NULL)
    return FALSE;

  today = annex_field_dup_today ();
  return annex_audit_is_overdue_on (self, today);
}

/* The first valid date of the fields at @indexes (terminated by N_FIELDS), or NULL. */
static const char *
first_date (AnnexAudit  *self,
            const guint *indexes)
{
  for (guint i = 0; indexes[i] != N_FIELDS; i++)
    {
      const char *date = get_field_string (self, indexes[i]);

      if (annex_field_date_is_valid (date))
        return date;
    }

  return NULL;
}

const char *
annex_audit_get_date (AnnexAudit *self)
{
  static const guint order[] = {
    FIELD_ACTUAL_START, FIELD_PLANNED_START, FIELD_ACTUAL_END, FIELD_PLANNED_END, N_FIELDS
  };

  g_return_val_if_fail (ANNEX_IS_AUDIT (self), NULL);
  return first_date (self, order);
}

const char *
annex_audit_get_done_date (AnnexAudit *self)
{
  static const guint order[] = {
    FIELD_ACTUAL_START, FIELD_PLANNED_END, FIELD_PLANNED_START, N_FIELDS
  };
  const char *status;

  g_return_val_if_fail (ANNEX_IS_AUDIT (self), NULL);

  if (annex_field_date_is_valid (get_field_string (self, FIELD_ACTUAL_END)))
    return get_field_string (self, FIELD_ACTUAL_END);

  status = get_field_string (self, FIELD_STATUS);
  if (g_strcmp0 (status, "reported") != 0 && g_strcmp0 (status, "closed") != 0)
    return NULL;

  return first_date (self, order);
}

/* @name trimmed, runs of white space made one space, casefolded: for comparing names. */
static char *
dup_name_key (const char *name)
{
  g_auto(GStrv) words = NULL;
  g_autofree char *joined = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  if (name == NULL)
    return g_strdup ("");

  words = g_strsplit_set (name, " \t\r\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_ptr_array_add (kept, words[i]);
  g_ptr_array_add (kept, NULL);

  joined = g_strjoinv (" ", (char **) kept->pdata);
  return g_utf8_casefold (joined, -1);
}

char **
annex_audit_dup_auditors (AnnexAudit *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) team = NULL;
  const char *lead;

  g_return_val_if_fail (ANNEX_IS_AUDIT (self), NULL);

  lead = get_field_string (self, FIELD_LEAD_AUDITOR);
  team = g_strsplit_set (get_field_string (self, FIELD_TEAM) != NULL ?
                         get_field_string (self, FIELD_TEAM) : "",
                         ",;\n", -1);

  for (int i = -1; i < 0 || team[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (i < 0 ? (lead != NULL ? lead : "")
                                                          : team[i]));
      g_autofree char *key = NULL;

      if (name[0] == '\0')
        continue;

      key = dup_name_key (name);
      if (g_hash_table_contains (seen, key))
        continue;

      g_strv_builder_add (builder, name);
      g_hash_table_add (seen, g_steal_pointer (&key));
    }

  return g_strv_builder_end (builder);
}

GArray *
annex_audit_dup_linked_ids (AnnexAudit     *self,
                            AnnexDatabase  *db,
                            const char     *to_table,
                            GError        **error)
{
  g_return_val_if_fail (ANNEX_IS_AUDIT (self), NULL);
  g_return_val_if_fail (ANNEX_IS_DATABASE (db), NULL);
  g_return_val_if_fail (to_table != NULL, NULL);

  return annex_links_dup_targets (db, "audits", annex_record_get_id (ANNEX_RECORD (self)),
                                  to_table, error);
}

/* Checklist generation */

typedef struct
{
  char  *kind;      /* "clause" or "control" */
  char  *subject;   /* clause or control id */
  char  *title;     /* translated */
  char  *question;  /* translated */
  guint  order;     /* catalogue order; organization-specific controls after Annex A */
} PlannedItem;

static void
planned_item_free (gpointer data)
{
  PlannedItem *item = data;

  g_free (item->kind);
  g_free (item->subject);
  g_free (item->title);
  g_free (item->question);
  g_free (item);
}

static int
compare_planned_items (gconstpointer a,
                       gconstpointer b)
{
  const PlannedItem *item_a = *(const PlannedItem * const *) a;
  const PlannedItem *item_b = *(const PlannedItem * const *) b;
  int by_kind = strcmp (item_a->kind, item_b->kind);

  /* "clause" sorts before "control". */
  if (by_kind != 0)
    return by_kind;
  if (item_a->order != item_b->order)
    return item_a->order < item_b->order ? -1 : 1;
  return strcmp (item_a->subject, item_b->subject);
}

static guint
catalogue_clause_index (const char *id)
{
  guint n = 0;
  const AnnexCatalogueClause *clauses = annex_catalogue_get_clauses (&n);

  for (guint i = 0; i < n; i++)
    if (strcmp (clauses[i].id, id) == 0)
      return i;
  return n;
}

static guint
catalogue_control_index (const char *id)
{
  guint n = 0;
  const AnnexCatalogueControl *controls = annex_catalogue_get_controls (&n);

  for (guint i = 0; i < n; i++)
    if (strcmp (controls[i].id, id) == 0)
      return i;
  return n;
}

/* The question for a clause row, in our own words from the catalogue's paraphrase. */
static char *
dup_clause_question (const AnnexCatalogueClause *clause,
                     const char                 *id)
{
  GString *question = g_string_new (NULL);

  if (clause == NULL)
    {
      /* Translators: a checklist question; %s is a clause id such as "9.2.1" */
      g_string_append_printf (question, _("What shows that clause %s is met in practice? Ask "
                                          "for examples and check a sample of them."), id);
      return g_string_free (question, FALSE);
    }

  /* Translators: a checklist question; the first %s is a clause id such as "9.2.1", the second
   * a one-sentence summary of what the clause asks for */
  g_string_append_printf (question, _("What shows that clause %s is met in practice? What we "
                                      "look for: %s"),
                          id, annex_catalogue_gettext (clause->summary));

  if (g_strcmp0 (clause->doc_type, "document") == 0 ||
      g_strcmp0 (clause->doc_type, "record") == 0)
    {
      g_string_append_c (question, '\n');
      /* Translators: part of a checklist question; %s names documented information, such as
       * "Evidence of the monitoring and measurement results" */
      g_string_append_printf (question, _("Ask to see: %s."),
                              annex_catalogue_gettext (clause->documented_information));
    }

  return g_string_free (question, FALSE);
}

/* The question for a control, in our own words from the catalogue's guidance (Annex A) or the
 * control's own description. */
static char *
dup_control_question (const char *id,
                      const char *guidance)
{
  if (guidance != NULL && guidance[0] != '\0')
    /* Translators: a checklist question; the first %s is a control id such as "5.15", the
     * second a note on what the control is about */
    return g_strdup_printf (_("Is control %s in place and working as intended? What we look "
                              "for: %s Ask for examples and check a sample of them."),
                            id, guidance);

  /* Translators: a checklist question; %s is a control id such as "5.15" or "ORG-1" */
  return g_strdup_printf (_("Is control %s in place and working as intended? Ask for examples "
                            "and check a sample of them."), id);
}

/* The clause title to show on an item: sub-clauses titled "General" get their parent's title in
 * front, so the checklist reads well. */
static char *
dup_clause_title (const AnnexCatalogueClause *clause,
                  const char                 *stored_title)
{
  const AnnexCatalogueClause *parent;

  if (clause == NULL)
    return g_strdup (stored_title != NULL ? stored_title : "");

  parent = strcmp (clause->title, "General") == 0 ? annex_catalogue_find_clause (clause->parent)
                                                  : NULL;
  if (parent != NULL)
    /* Translators: a checklist item's title: a clause's parent title, then its own title, e.g.
     * "Internal audit: General" */
    return g_strdup_printf (_("%s: %s"), annex_catalogue_gettext (parent->title),
                            annex_catalogue_gettext (clause->title));

  return g_strdup (annex_catalogue_gettext (clause->title));
}

static void
set_sqlite_error (AnnexDatabase  *db,
                  int             rc,
                  GError        **error)
{
  annex_store_set_error_from_sqlite (error, annex_database_get_handle (db), rc,
                                     _("Could not read the audit’s scope"));
}

/* Reads the first two (or, with @out_third, three) text columns of the row of @sql, bound to
 * @id, into the out strings (each NULL when the row or the value is missing). */
static gboolean
read_row_texts (AnnexDatabase  *db,
                const char     *sql,
                gint64          id,
                char          **out_first,
                char          **out_second,
                char          **out_third,
                GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *out_first = NULL;
  *out_second = NULL;
  if (out_third != NULL)
    *out_third = NULL;

  stmt = annex_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_first = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *out_second = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      if (out_third != NULL)
        *out_third = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      set_sqlite_error (db, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* The items the audit has: "kind\x1fsubject" keys, and the highest position. */
static gboolean
read_existing_items (AnnexDatabase  *db,
                     gint64          audit_id,
                     GHashTable     *existing,
                     gint64         *out_highest,
                     GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *out_highest = 0;

  stmt = annex_database_prepare (db,
                                 "SELECT subject_kind, subject, position FROM audit_items "
                                 "WHERE audit_id = ?",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, audit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *kind = (const char *) sqlite3_column_text (stmt, 0);
      const char *subject = (const char *) sqlite3_column_text (stmt, 1);

      g_hash_table_add (existing, g_strdup_printf ("%s\x1f%s", kind != NULL ? kind : "",
                                                   subject != NULL ? subject : ""));
      *out_highest = MAX (*out_highest, sqlite3_column_int64 (stmt, 2));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (db, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* Adds to @planned an item for each linked record of @to_table not in @existing. */
static gboolean
plan_items (AnnexAudit     *self,
            AnnexDatabase  *db,
            const char     *to_table,
            GHashTable     *existing,
            GPtrArray      *planned,
            GError        **error)
{
  g_autoptr(GArray) ids = NULL;
  gboolean clauses = strcmp (to_table, ANNEX_AUDIT_LINK_CLAUSES) == 0;
  const char *kind = clauses ? "clause" : "control";

  ids = annex_audit_dup_linked_ids (self, db, to_table, error);
  if (ids == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *reference = NULL;
      g_autofree char *title = NULL;
      g_autofree char *description = NULL;
      g_autofree char *key = NULL;
      PlannedItem *item;

      if (!read_row_texts (db,
                           clauses ? "SELECT reference, title, NULL FROM requirements WHERE id = ?"
                                   : "SELECT reference, title, description FROM controls "
                                     "WHERE id = ?",
                           g_array_index (ids, gint64, i),
                           &reference, &title, &description, error))
        return FALSE;
      if (reference == NULL)
        continue;

      key = g_strdup_printf ("%s\x1f%s", kind, reference);
      if (g_hash_table_contains (existing, key))
        continue;
      g_hash_table_add (existing, g_steal_pointer (&key));

      item = g_new0 (PlannedItem, 1);
      item->kind = g_strdup (kind);
      item->subject = g_strdup (reference);

      if (clauses)
        {
          const AnnexCatalogueClause *clause = annex_catalogue_find_clause (reference);

          item->title = dup_clause_title (clause, title);
          item->question = dup_clause_question (clause, reference);
          item->order = catalogue_clause_index (reference);
        }
      else
        {
          const AnnexCatalogueControl *control = annex_catalogue_find_control (reference);

          if (control != NULL)
            {
              item->title = g_strdup (annex_catalogue_gettext (control->title));
              item->question = dup_control_question (reference,
                                                     annex_catalogue_gettext (control->guidance));
            }
          else
            {
              item->title = g_strdup (title != NULL ? title : reference);
              item->question = dup_control_question (reference, description);
            }
          item->order = catalogue_control_index (reference);
        }

      g_ptr_array_add (planned, item);
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
 * annex_audit_generate_checklist:
 * @self: a saved audit
 * @items: the register of #AnnexAuditItem
 * @out_n_added: (out) (optional): the number of items added
 * @error: return location for an error
 *
 * Adds the missing checklist items for the audit's clauses and controls; see the header.
 *
 * Returns: %TRUE on success
 */
gboolean
annex_audit_generate_checklist (AnnexAudit     *self,
                                AnnexRegister  *items,
                                guint          *out_n_added,
                                GError        **error)
{
  g_autoptr(GHashTable) existing = NULL;
  g_autoptr(GPtrArray) planned = NULL;
  AnnexDatabase *db;
  gint64 audit_id;
  gint64 position = 0;

  g_return_val_if_fail (ANNEX_IS_AUDIT (self), FALSE);
  g_return_val_if_fail (annex_record_get_id (ANNEX_RECORD (self)) > 0, FALSE);
  g_return_val_if_fail (ANNEX_IS_REGISTER (items), FALSE);
  g_return_val_if_fail (annex_register_get_record_type (items) == ANNEX_TYPE_AUDIT_ITEM, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_n_added != NULL)
    *out_n_added = 0;

  db = annex_register_get_database (items);
  audit_id = annex_record_get_id (ANNEX_RECORD (self));
  existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  planned = g_ptr_array_new_with_free_func (planned_item_free);

  if (!annex_database_begin (db, error))
    return FALSE;

  if (!read_existing_items (db, audit_id, existing, &position, error) ||
      !plan_items (self, db, ANNEX_AUDIT_LINK_CLAUSES, existing, planned, error) ||
      !plan_items (self, db, ANNEX_AUDIT_LINK_CONTROLS, existing, planned, error))
    {
      annex_database_rollback (db);
      return FALSE;
    }

  g_ptr_array_sort (planned, compare_planned_items);

  for (guint i = 0; i < planned->len; i++)
    {
      PlannedItem *plan = g_ptr_array_index (planned, i);
      g_autoptr(AnnexAuditItem) item = annex_audit_item_new (audit_id);
      AnnexRecord *record = ANNEX_RECORD (item);

      annex_record_set_int (record, "position", ++position);
      annex_record_set_string (record, "subject-kind", plan->kind);
      annex_record_set_string (record, "subject", plan->subject);
      annex_record_set_string (record, "title", plan->title);
      annex_record_set_string (record, "question", plan->question);

      if (!annex_register_add (items, record, error))
        {
          annex_database_rollback (db);
          reload_quietly (items);
          return FALSE;
        }
    }

  if (!annex_database_commit (db, error))
    {
      reload_quietly (items);
      return FALSE;
    }

  if (out_n_added != NULL)
    *out_n_added = planned->len;
  return TRUE;
}

/* Auditor independence */

/* The auditor of @auditors (with their keys in @keys) who is @owner, or NULL. */
static const char *
find_auditor (char       **auditors,
              char       **keys,
              const char  *owner)
{
  g_autofree char *owner_key = NULL;

  if (annex_field_text_is_blank (owner))
    return NULL;

  owner_key = dup_name_key (owner);
  for (guint i = 0; keys[i] != NULL; i++)
    if (strcmp (keys[i], owner_key) == 0)
      return auditors[i];

  return NULL;
}

/**
 * annex_audit_dup_independence_conflicts:
 * @self: a saved audit
 * @db: its database
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type utf8) (nullable): one sentence per conflict
 */
GPtrArray *
annex_audit_dup_independence_conflicts (AnnexAudit     *self,
                                        AnnexDatabase  *db,
                                        GError        **error)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) clause_ids = NULL;
  g_autoptr(GArray) control_ids = NULL;
  g_autoptr(GHashTable) risks_seen = NULL;
  g_auto(GStrv) auditors = NULL;
  g_auto(GStrv) keys = NULL;
  guint n_auditors;

  g_return_val_if_fail (ANNEX_IS_AUDIT (self), NULL);
  g_return_val_if_fail (ANNEX_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  auditors = annex_audit_dup_auditors (self);
  n_auditors = g_strv_length (auditors);
  if (n_auditors == 0 || annex_record_get_id (ANNEX_RECORD (self)) <= 0)
    return g_steal_pointer (&conflicts);

  keys = g_new0 (char *, n_auditors + 1);
  for (guint i = 0; i < n_auditors; i++)
    keys[i] = dup_name_key (auditors[i]);

  control_ids = annex_audit_dup_linked_ids (self, db, ANNEX_AUDIT_LINK_CONTROLS, error);
  if (control_ids == NULL)
    return NULL;
  clause_ids = annex_audit_dup_linked_ids (self, db, ANNEX_AUDIT_LINK_CLAUSES, error);
  if (clause_ids == NULL)
    return NULL;

  risks_seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < control_ids->len; i++)
    {
      gint64 control_id = g_array_index (control_ids, gint64, i);
      g_autofree char *reference = NULL;
      g_autofree char *owner = NULL;
      g_autoptr(GArray) risk_ids = NULL;
      const char *auditor;

      if (!read_row_texts (db, "SELECT reference, owner FROM controls WHERE id = ?",
                           control_id, &reference, &owner, NULL, error))
        return NULL;
      if (reference == NULL)
        continue;

      auditor = find_auditor (auditors, keys, owner);
      if (auditor != NULL)
        /* Translators: an auditor independence conflict; the first %s is a person's name, the
         * second a control id such as "5.15" */
        g_ptr_array_add (conflicts, g_strdup_printf (_("%s owns control %s, which this audit "
                                                       "samples"),
                                                     auditor, reference));

      risk_ids = annex_links_dup_sources (db, "controls", control_id, "risks", error);
      if (risk_ids == NULL)
        return NULL;

      for (guint j = 0; j < risk_ids->len; j++)
        {
          gint64 risk_id = g_array_index (risk_ids, gint64, j);
          g_autofree char *risk_reference = NULL;
          g_autofree char *risk_owner = NULL;

          if (g_hash_table_contains (risks_seen, &risk_id))
            continue;
          g_hash_table_add (risks_seen, g_memdup2 (&risk_id, sizeof risk_id));

          if (!read_row_texts (db, "SELECT reference, owner FROM risks WHERE id = ?",
                               risk_id, &risk_reference, &risk_owner, NULL, error))
            return NULL;
          if (risk_reference == NULL)
            continue;

          auditor = find_auditor (auditors, keys, risk_owner);
          if (auditor != NULL)
            /* Translators: an auditor independence conflict; the first %s is a person's name,
             * the second a risk id such as "R-004", the third a control id such as "5.15" */
            g_ptr_array_add (conflicts,
                             g_strdup_printf (_("%s owns risk %s, which control %s in this "
                                                "audit’s scope treats"),
                                              auditor, risk_reference, reference));
        }
    }

  for (guint i = 0; i < clause_ids->len; i++)
    {
      g_autofree char *reference = NULL;
      g_autofree char *owner = NULL;
      const char *auditor;

      if (!read_row_texts (db, "SELECT reference, owner FROM requirements WHERE id = ?",
                           g_array_index (clause_ids, gint64, i), &reference, &owner, NULL,
                           error))
        return NULL;
      if (reference == NULL)
        continue;

      auditor = find_auditor (auditors, keys, owner);
      if (auditor != NULL)
        /* Translators: an auditor independence conflict; the first %s is a person's name, the
         * second a clause id such as "9.2.1" */
        g_ptr_array_add (conflicts, g_strdup_printf (_("%s is responsible for clause %s, which "
                                                       "this audit samples"),
                                                     auditor, reference));
    }

  return g_steal_pointer (&conflicts);
}

gboolean
annex_audit_independence_flagged (AnnexAudit *self,
                                  GPtrArray  *conflicts)
{
  g_return_val_if_fail (ANNEX_IS_AUDIT (self), FALSE);

  if (conflicts == NULL || conflicts->len == 0)
    return FALSE;

  return annex_field_text_is_blank (get_field_string (self, FIELD_INDEPENDENCE_NOTE));
}
