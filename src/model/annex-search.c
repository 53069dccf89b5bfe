/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-search.c: "search everywhere": one SQL query per register with a bound LIKE pattern per
 * word over the casefolded reference and searchable text of each row. */

#define G_LOG_DOMAIN "annex-search"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "annex-action.h"
#include "annex-asset.h"
#include "annex-audit-item.h"
#include "annex-audit.h"
#include "annex-awareness.h"
#include "annex-catalogue.h"
#include "annex-communication.h"
#include "annex-control-catalogue.h"
#include "annex-control.h"
#include "annex-document-version.h"
#include "annex-document.h"
#include "annex-finding.h"
#include "annex-incident.h"
#include "annex-issue.h"
#include "annex-nonconformity.h"
#include "annex-objective-measurement.h"
#include "annex-objective.h"
#include "annex-party-requirement.h"
#include "annex-party.h"
#include "annex-person.h"
#include "annex-record.h"
#include "annex-requirement.h"
#include "annex-review-attendee.h"
#include "annex-review.h"
#include "annex-risk.h"
#include "annex-role.h"
#include "annex-scope-exclusion.h"
#include "annex-scope-version.h"
#include "annex-search.h"
#include "annex-store-error.h"
#include "annex-training.h"

/* More words than this add little and only make the statement longer. */
#define MAX_WORDS 16

/* The SQL functions registered on a connection the first time it is searched. */
#define FOLD_FUNCTION      "annex_search_fold"
#define CATALOGUE_FUNCTION "annex_search_catalogue"
#define FUNCTIONS_KEY      "annex-search-functions"

typedef struct
{
  const char *table;
  GType     (*get_type) (void);
  const char *label;
} RegisterInfo;

/* Every register table of annex_database_get_register_tables() with its record type. */
static const RegisterInfo registers[] = {
  { "actions", annex_action_get_type, N_("Actions") },
  { "controls", annex_control_get_type, N_("Controls") },
  { "requirements", annex_requirement_get_type, N_("Requirements") },
  { "issues", annex_issue_get_type, N_("Issues") },
  { "parties", annex_party_get_type, N_("Interested Parties") },
  { "party_requirements", annex_party_requirement_get_type, N_("Party Requirements") },
  { "scope_versions", annex_scope_version_get_type, N_("Scope Versions") },
  { "scope_exclusions", annex_scope_exclusion_get_type, N_("Scope Exclusions") },
  { "assets", annex_asset_get_type, N_("Assets") },
  { "risks", annex_risk_get_type, N_("Risks") },
  { "audits", annex_audit_get_type, N_("Audits") },
  { "audit_items", annex_audit_item_get_type, N_("Audit Checklist Items") },
  { "findings", annex_finding_get_type, N_("Audit Findings") },
  { "nonconformities", annex_nonconformity_get_type, N_("Nonconformities") },
  { "incidents", annex_incident_get_type, N_("Incidents") },
  { "objectives", annex_objective_get_type, N_("Objectives") },
  { "objective_measurements", annex_objective_measurement_get_type, N_("Measurements") },
  { "reviews", annex_review_get_type, N_("Management Reviews") },
  { "review_attendees", annex_review_attendee_get_type, N_("Review Attendees") },
  { "documents", annex_document_get_type, N_("Documents") },
  { "document_versions", annex_document_version_get_type, N_("Document Versions") },
  { "people", annex_person_get_type, N_("People") },
  { "roles", annex_role_get_type, N_("Roles") },
  { "trainings", annex_training_get_type, N_("Training") },
  { "awareness_activities", annex_awareness_get_type, N_("Awareness Activities") },
  { "communications", annex_communication_get_type, N_("Communications") },
  { "catalogues", annex_control_catalogue_get_type, N_("Control Catalogues") },
};

/* Auxiliary functions */

/* Whether the register's stored titles are English catalogue titles with translations. */
static gboolean
has_catalogue (const RegisterInfo *info)
{
  return strcmp (info->table, "controls") == 0 || strcmp (info->table, "requirements") == 0;
}

static const RegisterInfo *
find_register (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (registers); i++)
    {
      if (g_strcmp0 (registers[i].table, table) == 0)
        return &registers[i];
    }

  return NULL;
}

/* annex_search_fold (text): @text casefolded where it is not ASCII. LIKE ignores the case of
 * ASCII letters itself, so ASCII text (most rows) is returned as it is. */
static void
fold_func (sqlite3_context  *context,
           int               argc,
           sqlite3_value   **argv)
{
  const unsigned char *text = sqlite3_value_text (argv[0]);
  gboolean ascii = TRUE;

  if (text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }

  for (const unsigned char *p = text; *p != '\0'; p++)
    {
      if (*p >= 0x80)
        {
          ascii = FALSE;
          break;
        }
    }

  if (ascii)
    sqlite3_result_value (context, argv[0]);
  else
    sqlite3_result_text (context,
                         g_utf8_casefold ((const char *) text, sqlite3_value_bytes (argv[0])),
                         -1, g_free);
}

/* annex_search_catalogue (table, reference): the translated catalogue title (and summary) of
 * an Annex A control or a clause requirement, whose stored title is English; else NULL. */
static void
catalogue_func (sqlite3_context  *context,
                int               argc,
                sqlite3_value   **argv)
{
  const char *table = (const char *) sqlite3_value_text (argv[0]);
  const char *reference = (const char *) sqlite3_value_text (argv[1]);

  if (table == NULL || reference == NULL)
    {
      sqlite3_result_null (context);
      return;
    }

  if (strcmp (table, "controls") == 0)
    {
      const AnnexCatalogueControl *control = annex_catalogue_find_control (reference);

      if (control != NULL)
        {
          sqlite3_result_text (context, annex_catalogue_gettext (control->title), -1,
                               SQLITE_TRANSIENT);
          return;
        }
    }
  else if (strcmp (table, "requirements") == 0)
    {
      const AnnexCatalogueClause *clause = annex_catalogue_find_clause (reference);

      if (clause != NULL)
        {
          sqlite3_result_text (context,
                               g_strconcat (annex_catalogue_gettext (clause->title), "\n",
                                            annex_catalogue_gettext (clause->summary), NULL),
                               -1, g_free);
          return;
        }
    }

  sqlite3_result_null (context);
}

static gboolean
ensure_functions (AnnexDatabase  *db,
                  GError        **error)
{
  sqlite3 *handle = annex_database_get_handle (db);
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  int rc;

  if (g_object_get_data (G_OBJECT (db), FUNCTIONS_KEY) != NULL)
    return TRUE;

  rc = sqlite3_create_function_v2 (handle, FOLD_FUNCTION, 1, flags, NULL, fold_func, NULL, NULL,
                                   NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2 (handle, CATALOGUE_FUNCTION, 2, flags, NULL, catalogue_func,
                                     NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      annex_store_set_error_from_sqlite (error, handle, rc, _("Could not search"));
      return FALSE;
    }

  g_object_set_data (G_OBJECT (db), FUNCTIONS_KEY, GINT_TO_POINTER (TRUE));
  return TRUE;
}

/* "%word%" with the LIKE wildcards and the escape character of @word escaped by "\". */
static char *
make_pattern (const char *word)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = word; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}

/* A word of the query: its LIKE pattern, and whether the word as typed was plain ASCII. */
typedef struct
{
  char     *pattern;
  gboolean  ascii;
} Word;

static void
word_free (Word *word)
{
  g_free (word->pattern);
  g_free (word);
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if ((guchar) *p >= 0x80)
        return FALSE;
    }

  return TRUE;
}

/* The words of @text (at most MAX_WORDS), normalized and casefolded like the records' text. */
static GPtrArray *
split_words (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, " \t\r\n\f\v", -1);
  GPtrArray *words = g_ptr_array_new_with_free_func ((GDestroyNotify) word_free);

  for (guint i = 0; parts[i] != NULL && words->len < MAX_WORDS; i++)
    {
      g_autofree char *folded = NULL;
      Word *word;

      if (parts[i][0] == '\0')
        continue;

      folded = annex_record_prepare_query (parts[i]);
      word = g_new0 (Word, 1);
      word->pattern = make_pattern (folded);
      word->ascii = is_ascii (parts[i]);
      g_ptr_array_add (words, word);
    }

  return words;
}

/* The condition that the word bound to ?@param occurs in a row: in its reference, one of its
 * searchable text fields (CHOICE fields are stored as identifiers, not as the words the user
 * sees) or the catalogue's translated title. A word typed in ASCII is matched by LIKE alone,
 * which ignores the case of ASCII letters and needs no copy of the row's text; any other word
 * is matched against the text casefolded by annex_search_fold (), as annex_record_matches()
 * does. The columns are the record type's own trusted identifiers. */
static void
append_word_condition (GString            *sql,
                       const RegisterInfo *info,
                       AnnexRecordClass   *klass,
                       guint               param,
                       gboolean            ascii)
{
  const AnnexField *fields;
  guint n_fields;

  g_string_append_printf (sql, " AND (reference LIKE ?%u ESCAPE '\\'", param);

  fields = annex_record_class_get_fields (klass, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      if ((fields[i].flags & ANNEX_FIELD_FLAG_SEARCHABLE) == 0 ||
          (fields[i].type != ANNEX_FIELD_TEXT && fields[i].type != ANNEX_FIELD_LONG_TEXT))
        continue;

      if (ascii)
        g_string_append_printf (sql, " OR %s LIKE ?%u ESCAPE '\\'", fields[i].column, param);
      else
        g_string_append_printf (sql, " OR " FOLD_FUNCTION " (%s) LIKE ?%u ESCAPE '\\'",
                                fields[i].column, param);
    }

  if (has_catalogue (info))
    g_string_append_printf (sql, " OR " FOLD_FUNCTION " (" CATALOGUE_FUNCTION " ('%s', "
                            "reference)) LIKE ?%u ESCAPE '\\'", info->table, param);

  g_string_append (sql, ")");
}

/* The column of the line that says what a record is: its first text field (title, name,
 * subject, statement…), or NULL. */
static const char *
find_title_column (AnnexRecordClass *klass)
{
  const AnnexField *fields;
  guint n_fields;

  fields = annex_record_class_get_fields (klass, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      if (fields[i].type == ANNEX_FIELD_TEXT || fields[i].type == ANNEX_FIELD_LONG_TEXT)
        return fields[i].column;
    }

  return NULL;
}

/* The first non-blank line of @text, stripped, or NULL. */
static char *
dup_first_line (const char *text)
{
  g_auto(GStrv) lines = NULL;

  if (text == NULL)
    return NULL;

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0')
        return g_strdup (lines[i]);
    }

  return NULL;
}

static AnnexSearchHit *
read_hit (const RegisterInfo *info,
          sqlite3_stmt       *stmt)
{
  AnnexSearchHit *hit = g_new0 (AnnexSearchHit, 1);
  const char *catalogue = (const char *) sqlite3_column_text (stmt, 3);

  hit->table = g_strdup (info->table);
  hit->id = sqlite3_column_int64 (stmt, 0);
  hit->reference = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  /* The catalogue's first line is its translated title. */
  hit->title = dup_first_line (catalogue != NULL ? catalogue
                                                 : (const char *) sqlite3_column_text (stmt, 2));

  return hit;
}

/* Searches one register; NULL with @error set on failure, else a group (maybe empty). */
static AnnexSearchGroup *
search_register (AnnexDatabase       *db,
                 const RegisterInfo  *info,
                 const char          *exact,
                 GPtrArray           *words,
                 guint                limit,
                 GError             **error)
{
  g_autoptr(AnnexSearchGroup) group = g_new0 (AnnexSearchGroup, 1);
  g_autoptr(GTypeClass) klass = g_type_class_ref (info->get_type ());
  const char *title_column = find_title_column (ANNEX_RECORD_CLASS (klass));
  g_autofree char *upper = g_ascii_strup (exact, -1);
  g_autofree char *columns = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);
  gint64 exact_id = 0;
  sqlite3_stmt *stmt;
  int rc;

  group->table = info->table;
  group->label = _(info->label);
  group->hits = g_ptr_array_new_with_free_func ((GDestroyNotify) annex_search_hit_free);

  if (has_catalogue (info))
    columns = g_strdup_printf ("id, reference, %s, " CATALOGUE_FUNCTION " ('%s', reference)",
                               title_column, info->table);
  else
    columns = g_strdup_printf ("id, reference, %s, NULL",
                               title_column != NULL ? title_column : "NULL");

  /* A record whose reference is the whole query ("R-004", "r-004", "5.15") comes first. The
   * references are upper case: two lookups in the reference's unique index. */
  g_string_printf (sql, "SELECT %s FROM %s WHERE reference IN (?1, ?2) LIMIT 1",
                   columns, info->table);
  stmt = annex_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, exact, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, upper, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      AnnexSearchHit *hit = read_hit (info, stmt);

      exact_id = hit->id;
      g_ptr_array_add (group->hits, hit);
      rc = sqlite3_step (stmt);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      annex_store_set_error_from_sqlite (error, annex_database_get_handle (db), rc,
                                         _("Could not search"));
      return NULL;
    }

  /* One bound pattern per word; the statement holds only identifiers and placeholders. One
   * row more than fits tells whether there are more. */
  g_string_printf (sql, "SELECT %s FROM %s WHERE id != ?1", columns, info->table);
  for (guint i = 0; i < words->len; i++)
    append_word_condition (sql, info, ANNEX_RECORD_CLASS (klass), i + 3,
                           ((Word *) g_ptr_array_index (words, i))->ascii);
  g_string_append (sql, " ORDER BY id LIMIT ?2");

  stmt = annex_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, exact_id);
  sqlite3_bind_int64 (stmt, 2, (gint64) limit + 1 - group->hits->len);
  for (guint i = 0; i < words->len; i++)
    sqlite3_bind_text (stmt, i + 3, ((Word *) g_ptr_array_index (words, i))->pattern, -1,
                       SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (group->hits->len == limit)
        {
          group->has_more = TRUE;
          continue;
        }
      g_ptr_array_add (group->hits, read_hit (info, stmt));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      annex_store_set_error_from_sqlite (error, annex_database_get_handle (db), rc,
                                         _("Could not search"));
      return NULL;
    }

  return g_steal_pointer (&group);
}

/* Public API */

void
annex_search_hit_free (AnnexSearchHit *hit)
{
  if (hit == NULL)
    return;

  g_free (hit->table);
  g_free (hit->reference);
  g_free (hit->title);
  g_free (hit);
}

void
annex_search_group_free (AnnexSearchGroup *group)
{
  if (group == NULL)
    return;

  g_clear_pointer (&group->hits, g_ptr_array_unref);
  g_free (group);
}

/**
 * annex_search_get_register_label:
 * @table: a register table
 *
 * Returns: (nullable): the translated name of the register, or %NULL for an unknown table
 */
const char *
annex_search_get_register_label (const char *table)
{
  const RegisterInfo *info = find_register (table);

  return info != NULL ? _(info->label) : NULL;
}

/**
 * annex_search_run:
 * @db: an open workspace
 * @text: the query as the user typed it
 * @max_per_register: the most hits per register (at least 1)
 * @error: return location for a #GError
 *
 * Searches every register for records whose reference or searchable text holds every word of
 * @text (casefolded; LIKE wildcards in @text are literal).
 *
 * Returns: (transfer full) (element-type AnnexSearchGroup): the non-empty groups in register
 *   order, or %NULL with @error set
 */
GPtrArray *
annex_search_run (AnnexDatabase  *db,
                  const char     *text,
                  guint           max_per_register,
                  GError        **error)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) words = NULL;
  g_autofree char *exact = NULL;
  const char * const *tables;
  gboolean in_transaction = FALSE;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (max_per_register > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  groups = g_ptr_array_new_with_free_func ((GDestroyNotify) annex_search_group_free);
  words = split_words (text);
  if (words->len == 0)
    return g_steal_pointer (&groups);

  if (!ensure_functions (db, error))
    return NULL;

  exact = g_strstrip (g_strdup (text));

  /* One snapshot for all registers on a read-only connection (there a transaction is a
   * deferred BEGIN; on a writable one it would take the write lock). */
  if (annex_database_is_read_only (db))
    {
      if (!annex_database_begin (db, error))
        return NULL;
      in_transaction = TRUE;
    }

  tables = annex_database_get_register_tables ();
  for (guint i = 0; tables[i] != NULL; i++)
    {
      const RegisterInfo *info = find_register (tables[i]);
      AnnexSearchGroup *group;

      /* A register added to the schema without a record type here is not searched (the
       * test checks that every table has one). */
      if (info == NULL)
        continue;

      group = search_register (db, info, exact, words, max_per_register, error);
      if (group == NULL)
        {
          if (in_transaction)
            annex_database_rollback (db);
          return NULL;
        }

      if (group->hits->len > 0)
        g_ptr_array_add (groups, group);
      else
        annex_search_group_free (group);
    }

  if (in_transaction && !annex_database_commit (db, error))
    return NULL;

  return g_steal_pointer (&groups);
}

typedef struct
{
  char  *path;
  char  *text;
  guint  max_per_register;
} SearchData;

static void
search_data_free (SearchData *data)
{
  g_free (data->path);
  g_free (data->text);
  g_free (data);
}

static void
search_thread_func (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  SearchData *data = task_data;
  g_autoptr(AnnexDatabase) db = NULL;
  GPtrArray *groups;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  /* The workspace is open (and was checked) on the caller's connection already. */
  db = annex_database_open (data->path,
                            ANNEX_DATABASE_OPEN_READ_ONLY | ANNEX_DATABASE_OPEN_NO_INTEGRITY_CHECK,
                            &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  groups = annex_search_run (db, data->text, data->max_per_register, &error);
  annex_database_close (db);

  if (groups == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, groups, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * annex_search_run_async:
 * @path: the workspace file (open elsewhere in this process, so it is not checked again)
 * @text: the query as the user typed it
 * @max_per_register: the most hits per register (at least 1)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result on the caller's thread-default main context
 * @user_data: data for @callback
 *
 * Runs annex_search_run() on a worker thread through a read-only connection of its own.
 */
void
annex_search_run_async (const char          *path,
                        const char          *text,
                        guint                max_per_register,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SearchData *data;

  g_return_if_fail (path != NULL);
  g_return_if_fail (text != NULL);
  g_return_if_fail (max_per_register > 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (SearchData, 1);
  data->path = g_strdup (path);
  data->text = g_strdup (text);
  data->max_per_register = max_per_register;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, annex_search_run_async);
  g_task_set_task_data (task, data, (GDestroyNotify) search_data_free);
  /* A newer query cancels this one: its result is not waited for. */
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, search_thread_func);
}

/**
 * annex_search_run_finish:
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type AnnexSearchGroup): the groups, or %NULL with @error set
 */
GPtrArray *
annex_search_run_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == annex_search_run_async, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
