/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-people.c: the rules of clauses 5 and 7 over the whole workspace: mandated documented
 * information and its coverage, the policy check, competence gaps, and owner fields naming
 * people. */

#define G_LOG_DOMAIN "annex-people"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "annex-action.h"
#include "annex-asset.h"
#include "annex-audit.h"
#include "annex-catalogue.h"
#include "annex-communication.h"
#include "annex-control.h"
#include "annex-document.h"
#include "annex-links.h"
#include "annex-nonconformity.h"
#include "annex-people.h"
#include "annex-requirement.h"
#include "annex-risk-register.h"
#include "annex-risk.h"
#include "annex-role.h"
#include "annex-store-error.h"
#include "annex-training.h"

/* Auxiliary functions */

static gboolean
fail_sqlite (AnnexDatabase  *db,
             int             rc,
             GError        **error)
{
  annex_store_set_error_from_sqlite (error, annex_database_get_handle (db), rc,
                                     _("Could not read the register"));
  return FALSE;
}

/* A name as owner fields are compared: trimmed and casefolded; NULL for a blank one. */
static char *
dup_name_key (const char *name)
{
  g_autofree char *trimmed = NULL;

  if (annex_field_text_is_blank (name))
    return NULL;

  trimmed = g_strstrip (g_strdup (name));
  return g_utf8_casefold (trimmed, -1);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* ---- Mandated documented information ---- */

void
annex_mandated_document_free (AnnexMandatedDocument *item)
{
  if (item == NULL)
    return;

  g_free (item->clause_title);
  g_free (item->documented_information);
  g_clear_pointer (&item->document_ids, g_array_unref);
  g_free (item->document_references);
  g_free (item);
}

/**
 * annex_people_dup_mandated_documents:
 * @db: a workspace
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type AnnexMandatedDocument) (nullable): the mandated
 *   documented information and its coverage
 */
GPtrArray *
annex_people_dup_mandated_documents (AnnexDatabase  *db,
                                     GError        **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) requirement_ids = NULL;  /* clause id (owned) → id */
  const AnnexCatalogueClause *clauses;
  gboolean any_document = FALSE;
  sqlite3_stmt *stmt;
  guint n_clauses;
  int rc;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  requirement_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  stmt = annex_database_prepare (db, "SELECT reference, id FROM requirements", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (requirement_ids, g_strdup (column_text (stmt, 0)),
                         GINT_TO_POINTER ((int) sqlite3_column_int64 (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fail_sqlite (db, rc, error);
      return NULL;
    }

  stmt = annex_database_prepare (db, "SELECT 1 FROM documents WHERE status != 'withdrawn'",
                                 error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      fail_sqlite (db, rc, error);
      return NULL;
    }
  any_document = rc == SQLITE_ROW;

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) annex_mandated_document_free);
  clauses = annex_catalogue_get_clauses (&n_clauses);
  for (guint i = 0; i < n_clauses; i++)
    {
      const AnnexCatalogueClause *clause = &clauses[i];
      AnnexMandatedDocument *item;
      g_autoptr(GString) references = NULL;

      if (g_strcmp0 (clause->doc_type, "document") != 0 &&
          g_strcmp0 (clause->doc_type, "record") != 0)
        continue;

      item = g_new0 (AnnexMandatedDocument, 1);
      item->clause_id = clause->id;
      item->clause_title = g_strdup (annex_catalogue_gettext (clause->title));
      item->documented_information =
        g_strdup (annex_catalogue_gettext (clause->documented_information));
      item->doc_type = clause->doc_type;
      item->requirement_id = GPOINTER_TO_INT (g_hash_table_lookup (requirement_ids, clause->id));
      item->document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_ptr_array_add (items, item);

      if (item->requirement_id <= 0)
        continue;

      stmt = annex_database_prepare (db,
                                     "SELECT d.id, d.reference FROM links l "
                                     "JOIN documents d ON d.id = l.from_id "
                                     "WHERE l.from_table = 'documents' "
                                     "AND l.to_table = 'requirements' AND l.to_id = ? "
                                     "AND d.status != 'withdrawn' ORDER BY d.id",
                                     error);
      if (stmt == NULL)
        return NULL;

      sqlite3_bind_int64 (stmt, 1, item->requirement_id);
      references = g_string_new (NULL);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (item->document_ids, id);
          if (references->len > 0)
            g_string_append (references, ", ");
          g_string_append (references, column_text (stmt, 1));
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          fail_sqlite (db, rc, error);
          return NULL;
        }

      if (references->len > 0)
        item->document_references = g_string_free (g_steal_pointer (&references), FALSE);
      item->covered = item->document_ids->len > 0;
      /* What the organization decides it needs: any document in force or in the making. */
      if (strcmp (clause->id, "7.5.1") == 0)
        item->covered = item->covered || any_document;
    }

  return g_steal_pointer (&items);
}

guint
annex_people_count_covered (GPtrArray *items)
{
  guint n = 0;

  g_return_val_if_fail (items != NULL, 0);

  for (guint i = 0; i < items->len; i++)
    if (((AnnexMandatedDocument *) g_ptr_array_index (items, i))->covered)
      n++;

  return n;
}

/* ---- The information security policy ---- */

void
annex_policy_problem_free (AnnexPolicyProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->message);
  g_free (problem);
}

static void
add_policy_problem (GPtrArray              *problems,
                    AnnexPolicyProblemKind  kind,
                    gint64                  document_id,
                    char                   *message)
{
  AnnexPolicyProblem *problem = g_new0 (AnnexPolicyProblem, 1);

  problem->kind = kind;
  problem->document_id = document_id;
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

/**
 * annex_people_check_policy:
 * @documents: a list model of #AnnexDocument
 * @today: (nullable): "YYYY-MM-DD", or %NULL for the local date now
 *
 * Returns: (transfer full) (element-type AnnexPolicyProblem): what is wrong with the
 *   information security policy; empty when nothing is
 */
GPtrArray *
annex_people_check_policy (GListModel *documents,
                           const char *today)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *own_today = NULL;
  gboolean found = FALSE;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (documents), NULL);

  if (today == NULL)
    today = own_today = annex_field_dup_today ();

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) annex_policy_problem_free);

  n = g_list_model_get_n_items (documents);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexDocument) document = g_list_model_get_item (documents, i);
      const char *status = annex_document_get_status (document);
      const char *reference = annex_record_get_reference (ANNEX_RECORD (document));
      const char *next_review = annex_document_get_next_review (document);
      gint64 id = annex_record_get_id (ANNEX_RECORD (document));

      if (!annex_document_get_security_policy (document) ||
          g_strcmp0 (status, "withdrawn") == 0)
        continue;

      found = TRUE;

      if (g_strcmp0 (status, "approved") != 0)
        add_policy_problem (problems, ANNEX_POLICY_NOT_APPROVED, id,
                            /* Translators: %s is a document reference, e.g. DOC-003 */
                            g_strdup_printf (_("The information security policy %s is not "
                                               "approved: approve a version of it."),
                                             reference != NULL ? reference : ""));
      else if (!annex_field_date_is_valid (next_review))
        add_policy_problem (problems, ANNEX_POLICY_NO_REVIEW_DATE, id,
                            /* Translators: %s is a document reference, e.g. DOC-003 */
                            g_strdup_printf (_("The information security policy %s has no "
                                               "date for its next review."),
                                             reference));
      else if (annex_document_is_review_overdue_on (document, today))
        add_policy_problem (problems, ANNEX_POLICY_REVIEW_OVERDUE, id,
                            /* Translators: %s is a document reference, e.g. DOC-003, then a
                             * date (YYYY-MM-DD) */
                            g_strdup_printf (_("The information security policy %s was due "
                                               "for review on %s."),
                                             reference, next_review));
    }

  if (!found)
    add_policy_problem (problems, ANNEX_POLICY_MISSING, 0,
                        g_strdup (_("There is no information security policy: add it to the "
                                    "documents and mark it as the information security "
                                    "policy.")));

  return g_steal_pointer (&problems);
}

/* ---- Competence ---- */

void
annex_competence_gap_free (AnnexCompetenceGap *gap)
{
  if (gap == NULL)
    return;

  g_free (gap->subject);
  g_free (gap->message);
  g_free (gap);
}

typedef struct
{
  gint64  id;
  char   *name;
  char   *kind;
  char   *title;      /* trainings: the title */
  char   *text;       /* trainings: title and areas, casefolded; roles: competence */
  char   *date;
  char   *valid_until;
  gint64  person_id;
} Row;

static void
row_free (Row *row)
{
  g_free (row->name);
  g_free (row->kind);
  g_free (row->title);
  g_free (row->text);
  g_free (row->date);
  g_free (row->valid_until);
  g_free (row);
}

static int
compare_rows_by_name (gconstpointer a,
                      gconstpointer b)
{
  const Row *row_a = *(const Row * const *) a;
  const Row *row_b = *(const Row * const *) b;
  int result = g_utf8_collate (row_a->name, row_b->name);

  if (result != 0)
    return result;
  return row_a->id < row_b->id ? -1 : row_a->id > row_b->id;
}

static gboolean
evidence_is_valid (const Row  *training,
                   const char *today)
{
  if (annex_field_date_is_valid (training->date) && strcmp (training->date, today) > 0)
    return FALSE;
  if (annex_field_date_is_valid (training->valid_until) &&
      strcmp (training->valid_until, today) < 0)
    return FALSE;
  return TRUE;
}

/* Whether @person_id has valid evidence naming @area (casefolded); @kinds (NULL: any) limits
 * it to some kinds. */
static gboolean
has_evidence (GPtrArray          *trainings,
              gint64              person_id,
              const char         *area,
              const char * const *kinds,
              const char         *today)
{
  for (guint i = 0; i < trainings->len; i++)
    {
      const Row *training = g_ptr_array_index (trainings, i);

      if (training->person_id != person_id || !evidence_is_valid (training, today))
        continue;
      if (kinds != NULL && !g_strv_contains (kinds, training->kind))
        continue;
      if (strstr (training->text, area) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
add_gap (GPtrArray              *gaps,
         AnnexCompetenceGapKind  kind,
         gint64                  person_id,
         gint64                  role_id,
         gint64                  training_id,
         const char             *subject,
         char                   *message)
{
  AnnexCompetenceGap *gap = g_new0 (AnnexCompetenceGap, 1);

  gap->kind = kind;
  gap->person_id = person_id;
  gap->role_id = role_id;
  gap->training_id = training_id;
  gap->subject = g_strdup (subject);
  gap->message = message;
  g_ptr_array_add (gaps, gap);
}

/* Reads id and name of @sql's rows (further columns per @kind of row) into a new array. */
static GPtrArray *
read_rows (AnnexDatabase  *db,
           const char     *sql,
           gboolean        trainings,
           GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = annex_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row *row = g_new0 (Row, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->name = g_strdup (column_text (stmt, 1) != NULL ? column_text (stmt, 1) : "");
      if (trainings)
        {
          g_autofree char *text = NULL;

          row->kind = g_strdup (column_text (stmt, 2));
          row->title = g_strstrip (g_strdup (row->name));
          text = g_strconcat (row->name, " ", column_text (stmt, 3) != NULL ?
                              column_text (stmt, 3) : "", NULL);
          row->text = g_utf8_casefold (text, -1);
          row->date = g_strdup (column_text (stmt, 4));
          row->valid_until = g_strdup (column_text (stmt, 5));
          row->person_id = sqlite3_column_int64 (stmt, 6);
        }
      else if (sqlite3_column_count (stmt) > 2)
        {
          row->kind = g_strdup (column_text (stmt, 2));
          row->text = g_strdup (column_text (stmt, 3));
        }
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      fail_sqlite (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/* Whether @person_id has valid evidence titled like @expired (a renewal). */
static gboolean
is_renewed (GPtrArray  *trainings,
            const Row  *expired,
            const char *today)
{
  g_autofree char *title = g_utf8_casefold (expired->title, -1);

  for (guint i = 0; i < trainings->len; i++)
    {
      const Row *training = g_ptr_array_index (trainings, i);
      g_autofree char *other = NULL;

      if (training == expired || training->person_id != expired->person_id ||
          !evidence_is_valid (training, today))
        continue;

      other = g_utf8_casefold (training->title, -1);
      if (strcmp (title, other) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * annex_people_dup_competence_gaps:
 * @db: a workspace
 * @today: (nullable): "YYYY-MM-DD", or %NULL for the local date now
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type AnnexCompetenceGap) (nullable): the competence gaps
 */
GPtrArray *
annex_people_dup_competence_gaps (AnnexDatabase  *db,
                                  const char     *today,
                                  GError        **error)
{
  static const char * const audit_kinds[] = { "training", "qualification", NULL };
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) roles = NULL;
  g_autoptr(GPtrArray) trainings = NULL;
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GArray) holdings = NULL;  /* pairs of gint64: person id, role id */
  g_autofree char *own_today = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (today == NULL)
    today = own_today = annex_field_dup_today ();

  people = read_rows (db, "SELECT id, name FROM people", FALSE, error);
  if (people == NULL)
    return NULL;
  roles = read_rows (db, "SELECT id, name, kind, competence FROM roles", FALSE, error);
  if (roles == NULL)
    return NULL;
  trainings = read_rows (db,
                         "SELECT id, title, kind, areas, date, valid_until, person_id "
                         "FROM trainings ORDER BY id",
                         TRUE, error);
  if (trainings == NULL)
    return NULL;

  holdings = g_array_new (FALSE, FALSE, sizeof (gint64));
  stmt = annex_database_prepare (db,
                                 "SELECT from_id, to_id FROM links "
                                 "WHERE from_table = 'people' AND to_table = 'roles'",
                                 error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 pair[2] = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      g_array_append_vals (holdings, pair, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fail_sqlite (db, rc, error);
      return NULL;
    }

  g_ptr_array_sort (people, compare_rows_by_name);
  g_ptr_array_sort (roles, compare_rows_by_name);

  gaps = g_ptr_array_new_with_free_func ((GDestroyNotify) annex_competence_gap_free);

  for (guint p = 0; p < people->len; p++)
    {
      const Row *person = g_ptr_array_index (people, p);

      for (guint t = 0; t < trainings->len; t++)
        {
          const Row *training = g_ptr_array_index (trainings, t);

          if (training->person_id != person->id ||
              !annex_field_date_is_valid (training->valid_until) ||
              strcmp (training->valid_until, today) >= 0 ||
              is_renewed (trainings, training, today))
            continue;

          add_gap (gaps, ANNEX_GAP_EXPIRED, person->id, 0, training->id, training->title,
                   /* Translators: the evidence's title, a person's name, a date */
                   g_strdup_printf (_("The evidence “%s” of %s expired on %s."),
                                    training->title, person->name, training->valid_until));
        }

      for (guint r = 0; r < roles->len; r++)
        {
          const Row *role = g_ptr_array_index (roles, r);
          g_auto(GStrv) areas = NULL;
          gboolean holds = FALSE;
          gboolean audit_area_missing = FALSE;

          for (guint h = 0; h + 1 < holdings->len && !holds; h += 2)
            holds = g_array_index (holdings, gint64, h) == person->id &&
                    g_array_index (holdings, gint64, h + 1) == role->id;
          if (!holds)
            continue;

          areas = annex_role_split_competence (role->text);
          for (guint a = 0; areas[a] != NULL; a++)
            {
              g_autofree char *folded = g_utf8_casefold (areas[a], -1);

              if (has_evidence (trainings, person->id, folded, NULL, today))
                continue;

              if (strstr (folded, "audit") != NULL)
                audit_area_missing = TRUE;
              add_gap (gaps, ANNEX_GAP_MISSING_COMPETENCE, person->id, role->id, 0, areas[a],
                       /* Translators: a person's name, a role's name, a competence area */
                       g_strdup_printf (_("%s holds the role “%s” but has no valid evidence "
                                          "of competence in “%s”."),
                                        person->name, role->name, areas[a]));
            }

          if (g_strcmp0 (role->kind, "internal-auditor") == 0 && !audit_area_missing &&
              !has_evidence (trainings, person->id, "audit", audit_kinds, today) &&
              !has_evidence (trainings, person->id, "19011", audit_kinds, today))
            add_gap (gaps, ANNEX_GAP_AUDITOR_TRAINING, person->id, role->id, 0, "audit",
                     /* Translators: a person's name, a role's name */
                     g_strdup_printf (_("%s is an internal auditor (“%s”) but has no valid "
                                        "audit training or qualification."),
                                      person->name, role->name));
        }
    }

  return g_steal_pointer (&gaps);
}

/* ---- People as owners ---- */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/**
 * annex_people_dup_names:
 * @db: a workspace
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the people's names, sorted
 */
GStrv
annex_people_dup_names (AnnexDatabase  *db,
                        GError        **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = annex_database_prepare (db, "SELECT name FROM people ORDER BY id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = column_text (stmt, 0);
      char *key = dup_name_key (name);

      if (key == NULL)
        continue;
      if (!g_hash_table_add (seen, key))
        continue;

      g_ptr_array_add (names, g_strstrip (g_strdup (name)));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      fail_sqlite (db, rc, error);
      return NULL;
    }

  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

void
annex_owner_use_free (AnnexOwnerUse *use)
{
  if (use == NULL)
    return;

  g_free (use->reference);
  g_free (use);
}

/* The owner fields: per register, in display order, its fields (property names) that name a
 * person responsible. The tables and columns are trusted identifiers for the SQL below. */
typedef struct
{
  const char  *table;
  GType      (*get_type) (void);
  const char  *fields[3];   /* property names, NULL-terminated */
  const char  *columns[3];  /* the same as columns */
} OwnerFields;

static const OwnerFields owner_fields[] = {
  { "actions", annex_action_get_type, { "owner", NULL }, { "owner", NULL } },
  { "controls", annex_control_get_type, { "owner", NULL }, { "owner", NULL } },
  { "requirements", annex_requirement_get_type, { "owner", NULL }, { "owner", NULL } },
  { "assets", annex_asset_get_type, { "owner", NULL }, { "owner", NULL } },
  { "risks", annex_risk_get_type, { "owner", NULL }, { "owner", NULL } },
  { "audits", annex_audit_get_type, { "lead-auditor", NULL }, { "lead_auditor", NULL } },
  { "nonconformities", annex_nonconformity_get_type,
    { "owner", "check-by", NULL }, { "owner", "check_by", NULL } },
  { "documents", annex_document_get_type,
    { "owner", "approver", NULL }, { "owner", "approver", NULL } },
  { "communications", annex_communication_get_type,
    { "communicator", NULL }, { "communicator", NULL } },
};

/* Appends the uses of @key (a name key) in @entry's table to @uses. */
static gboolean
find_uses_in (AnnexDatabase      *db,
              const OwnerFields  *entry,
              const char         *key,
              GPtrArray          *uses,
              GError            **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT id, reference");
  AnnexRecordClass *klass;
  sqlite3_stmt *stmt;
  guint n_fields = g_strv_length ((char **) entry->fields);
  int rc;

  for (guint f = 0; f < n_fields; f++)
    g_string_append_printf (sql, ", %s", entry->columns[f]);
  g_string_append_printf (sql, " FROM %s ORDER BY id", entry->table);

  stmt = annex_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  klass = g_type_class_ref (entry->get_type ());
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (guint f = 0; f < n_fields; f++)
        {
          g_autofree char *value_key = dup_name_key (column_text (stmt, 2 + f));
          const AnnexField *field;
          AnnexOwnerUse *use;

          if (value_key == NULL || strcmp (value_key, key) != 0)
            continue;

          field = annex_record_class_find_field (klass, entry->fields[f], NULL);
          use = g_new0 (AnnexOwnerUse, 1);
          use->table = entry->table;
          use->field = entry->fields[f];
          use->field_label = field != NULL ? _(field->label) : entry->fields[f];
          use->record_id = sqlite3_column_int64 (stmt, 0);
          use->reference = g_strdup (column_text (stmt, 1));
          g_ptr_array_add (uses, use);
        }
    }
  sqlite3_reset (stmt);
  g_type_class_unref (klass);

  if (rc != SQLITE_DONE)
    return fail_sqlite (db, rc, error);

  return TRUE;
}

/**
 * annex_people_dup_owner_uses:
 * @db: a workspace
 * @name: a person's name
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type AnnexOwnerUse) (nullable): the owner fields naming
 *   @name
 */
GPtrArray *
annex_people_dup_owner_uses (AnnexDatabase  *db,
                             const char     *name,
                             GError        **error)
{
  g_autoptr(GPtrArray) uses = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  uses = g_ptr_array_new_with_free_func ((GDestroyNotify) annex_owner_use_free);
  key = dup_name_key (name);
  if (key == NULL)
    return g_steal_pointer (&uses);

  for (guint i = 0; i < G_N_ELEMENTS (owner_fields); i++)
    if (!find_uses_in (db, &owner_fields[i], key, uses, error))
      return NULL;

  return g_steal_pointer (&uses);
}

/* Inside the caller's transaction: sets @new_name in @entry's fields that name @key, through
 * a register of the table, one history entry per record. */
static gboolean
replace_in (AnnexDatabase      *db,
            const OwnerFields  *entry,
            const char         *key,
            const char         *new_name,
            guint              *n_changed,
            GError            **error)
{
  g_autoptr(AnnexRiskRegister) risk_register = NULL;
  g_autoptr(AnnexRegister) own_register = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);
  AnnexRegister *records;
  guint n;

  /* Risks validate against the risk method in force, which only their register knows. */
  if (entry->get_type () == ANNEX_TYPE_RISK)
    {
      risk_register = annex_risk_register_new (db);
      records = annex_risk_register_get_register (risk_register);
    }
  else
    {
      own_register = annex_register_new (db, entry->get_type ());
      records = own_register;
    }

  if (!annex_register_load (records, error))
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (records));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexRecord) record = g_list_model_get_item (G_LIST_MODEL (records), i);
      gboolean record_changed = FALSE;

      for (guint f = 0; entry->fields[f] != NULL; f++)
        {
          g_autofree char *value_key =
            dup_name_key (annex_record_get_string (record, entry->fields[f]));

          if (value_key == NULL || strcmp (value_key, key) != 0)
            continue;

          annex_record_set_string (record, entry->fields[f], new_name);
          record_changed = TRUE;
          (*n_changed)++;
        }

      if (record_changed)
        g_ptr_array_add (changed, g_steal_pointer (&record));
    }

  if (changed->len == 0)
    return TRUE;

  return annex_register_save_many (records, changed, error);
}

static gboolean
replace_owner (AnnexDatabase  *db,
               const char     *old_name,
               const char     *new_name,
               guint          *n_changed,
               GError        **error)
{
  g_autofree char *key = dup_name_key (old_name);

  if (key == NULL)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (owner_fields); i++)
    if (!replace_in (db, &owner_fields[i], key, new_name, n_changed, error))
      return FALSE;

  return TRUE;
}

/**
 * annex_people_replace_owner:
 * @db: a workspace
 * @old_name: the name to replace
 * @new_name: the name to put in its place
 * @out_n_changed: (out) (optional): the number of fields changed
 * @error: return location for an error
 *
 * Replaces a name in every owner field, in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
annex_people_replace_owner (AnnexDatabase  *db,
                            const char     *old_name,
                            const char     *new_name,
                            guint          *out_n_changed,
                            GError        **error)
{
  g_autofree char *name = NULL;
  guint n_changed = 0;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_n_changed != NULL)
    *out_n_changed = 0;

  if (annex_field_text_is_blank (new_name))
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("The new name cannot be empty"));
      return FALSE;
    }
  name = g_strstrip (g_strdup (new_name));

  if (!annex_database_begin (db, error))
    return FALSE;

  if (!replace_owner (db, old_name, name, &n_changed, error))
    {
      annex_database_rollback (db);
      return FALSE;
    }

  if (!annex_database_commit (db, error))
    return FALSE;

  if (out_n_changed != NULL)
    *out_n_changed = n_changed;
  return TRUE;
}

/**
 * annex_people_rename_person:
 * @people: the register of #AnnexPerson
 * @person: an item of @people
 * @new_name: its new name
 * @update_owners: whether to replace the old name in the owner fields too
 * @out_n_changed: (out) (optional): the number of owner fields changed
 * @error: return location for an error
 *
 * Renames a person and, if asked, the owner fields naming them, in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
annex_people_rename_person (AnnexRegister  *people,
                            AnnexPerson    *person,
                            const char     *new_name,
                            gboolean        update_owners,
                            guint          *out_n_changed,
                            GError        **error)
{
  g_autofree char *old_name = NULL;
  g_autofree char *name = NULL;
  AnnexDatabase *db;
  guint n_changed = 0;

  g_return_val_if_fail (ANNEX_IS_REGISTER (people), FALSE);
  g_return_val_if_fail (ANNEX_IS_PERSON (person), FALSE);
  g_return_val_if_fail (annex_register_get_position (people, ANNEX_RECORD (person)) != G_MAXUINT,
                        FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_n_changed != NULL)
    *out_n_changed = 0;

  if (annex_field_text_is_blank (new_name))
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                   _("“%s” is required"), _("Name"));
      return FALSE;
    }

  old_name = g_strdup (annex_person_get_name (person));
  name = g_strstrip (g_strdup (new_name));
  db = annex_register_get_database (people);

  if (!annex_database_begin (db, error))
    return FALSE;

  /* The person last: a failure before it leaves the people's register untouched (its items
   * and the rows agree without a reload). */
  if (update_owners && !replace_owner (db, old_name, name, &n_changed, error))
    goto failed;

  annex_record_set_string (ANNEX_RECORD (person), "name", name);
  if (!annex_register_save (people, ANNEX_RECORD (person), error))
    goto failed;

  if (!annex_database_commit (db, error))
    {
      annex_record_set_string (ANNEX_RECORD (person), "name", old_name);
      return FALSE;
    }

  if (out_n_changed != NULL)
    *out_n_changed = n_changed;
  return TRUE;

failed:
  annex_database_rollback (db);
  annex_record_set_string (ANNEX_RECORD (person), "name", old_name);
  return FALSE;
}
