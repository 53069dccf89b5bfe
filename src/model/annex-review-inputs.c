/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-review-inputs.c: preparing the inputs a–g of a management review from the workspace as
 * it stands, the snapshot JSON kept with the review, and reading it back.
 *
 * The "data" member of each input (what tests and reports read; lists are in reference order):
 *  a  {"actions":[{"reference","title","owner","due_date","status","review","overdue",
 *      "carried_forward"}], "total","open","done","cancelled","overdue"}: the actions of earlier
 *      reviews that are still open (carried forward), those of the previous review, and those
 *      completed within the window
 *  b  {"changes":[CHANGE + "kind"], "added","changed","closed","removed",
 *      "current_internal","current_external","climate"}
 *  c  {"parties":[CHANGE], "requirements":[CHANGE + "party"], "added","changed","removed",
 *      "requirements_not_addressed"}
 *  d  {"nonconformities":{"raised","closed","open","open_list":[{"reference","title","status",
 *      "grade"}]}, "corrective_actions":{"open","done","overdue"},
 *      "audits":[{"reference","title","type","status","date","findings":{CLASS: n}}],
 *      "findings":{"major","minor","observation","improvement"},
 *      "objectives":[{"reference","title","status","target","due_date","overdue",
 *      "latest_date","latest_value","measurements_since"}]}
 *  e  {"feedback": text or null, "complaints":[{"reference","title","status","raised_on"}]}
 *  f  {"levels":[labels], "inherent":[n per level], "residual":[n per level],
 *      "inherent_not_assessed","residual_not_assessed","threshold", "above_threshold":[{
 *      "reference","title","owner","level","treatment","accepted"}], "treatment_plan":{"total",
 *      "open","done","overdue","cancelled"}, "overdue_reviews":[{"reference","title","owner",
 *      "next_review"}]}   (closed risks are left out)
 *  g  {"findings":[{"reference","audit","concerns","description"}], "from_review": text or null}
 * where CHANGE is {"reference","title","change" (added, changed, closed, removed),"fields":[the
 * labels of the fields that changed]}. */

#define G_LOG_DOMAIN "annex-review-inputs"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "annex-audit.h"
#include "annex-context.h"
#include "annex-finding.h"
#include "annex-issue.h"
#include "annex-nonconformity.h"
#include "annex-objective.h"
#include "annex-party.h"
#include "annex-party-requirement.h"
#include "annex-review-inputs.h"
#include "annex-review-private.h"
#include "annex-risk.h"
#include "annex-risk-method.h"
#include "annex-store-error.h"
#include "annex-treatment-plan.h"

#define SNAPSHOT_VERSION 1

static const struct
{
  const char *letter;
  const char *title;
  const char *help;
} input_info[ANNEX_REVIEW_N_INPUTS] = {
  { "a", N_("Status of actions from earlier reviews"),
    N_("The actions decided in earlier management reviews and where they stand; open ones carry "
       "forward") },
  { "b", N_("Changes in external and internal issues"),
    N_("Issues of the context added, changed or closed since the previous review") },
  { "c", N_("Changes in interested parties’ needs and expectations"),
    N_("Interested parties and their requirements added, changed or removed since the previous "
       "review") },
  { "d", N_("Information security performance"),
    N_("Nonconformities and corrective actions, audit results, objectives and their "
       "measurements") },
  { "e", N_("Feedback from interested parties"),
    N_("Feedback recorded for the review and complaints raised since the previous review") },
  { "f", N_("Risk assessment and risk treatment"),
    N_("Risks per level before and after treatment, risks above the acceptance threshold, "
       "progress of the treatment plan, overdue risk reviews") },
  { "g", N_("Opportunities for continual improvement"),
    N_("Opportunities for improvement from audits and from the review itself") },
};

/* ---- Input metadata ---------------------------------------------------------------------- */

const char *
annex_review_input_get_letter (AnnexReviewInput input)
{
  g_return_val_if_fail (input < ANNEX_REVIEW_N_INPUTS, NULL);
  return input_info[input].letter;
}

const char *
annex_review_input_get_title (AnnexReviewInput input)
{
  g_return_val_if_fail (input < ANNEX_REVIEW_N_INPUTS, NULL);
  return _(input_info[input].title);
}

const char *
annex_review_input_get_help (AnnexReviewInput input)
{
  g_return_val_if_fail (input < ANNEX_REVIEW_N_INPUTS, NULL);
  return _(input_info[input].help);
}

int
annex_review_input_from_letter (const char *letter)
{
  for (int i = 0; i < ANNEX_REVIEW_N_INPUTS; i++)
    if (g_strcmp0 (letter, input_info[i].letter) == 0)
      return i;
  return -1;
}

/* ---- Small JSON helpers ------------------------------------------------------------------ */

/* The string member @name of @object, NULL when absent, null or not a string. */
static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;
  node = json_object_get_member (object, name);
  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static void
set_string (JsonObject *object,
            const char *name,
            const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
  else
    json_object_set_null_member (object, name);
}

static JsonObject *
get_object (JsonObject *object,
            const char *name)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;
  node = json_object_get_member (object, name);
  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_OBJECT)
    return NULL;
  return json_node_get_object (node);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static char *
dup_first_line (const char *text)
{
  const char *end;
  g_autofree char *line = NULL;

  if (text == NULL)
    return NULL;

  end = strchr (text, '\n');
  line = g_strstrip (end != NULL ? g_strndup (text, end - text) : g_strdup (text));
  if (g_utf8_strlen (line, -1) > 100)
    {
      g_autofree char *start = g_utf8_substring (line, 0, 99);

      return g_strconcat (start, "…", NULL);
    }
  return g_steal_pointer (&line);
}

/* ---- The preparation of one input -------------------------------------------------------- */

typedef struct
{
  AnnexDatabase *db;
  AnnexReview   *review;
  const char    *today;
  char          *since;      /* start of the window: ISO time or "YYYY-MM-DD" (exclusive) */
  char          *since_day;  /* its "YYYY-MM-DD" for dates in the registers (inclusive) */
  char          *previous;   /* the previous review's reference, or NULL */
  JsonArray     *lines;
  JsonObject    *data;
  char          *summary;
} Prep;

static void
prep_clear (Prep *prep)
{
  g_clear_pointer (&prep->since, g_free);
  g_clear_pointer (&prep->since_day, g_free);
  g_clear_pointer (&prep->previous, g_free);
  g_clear_pointer (&prep->lines, json_array_unref);
  g_clear_pointer (&prep->data, json_object_unref);
  g_clear_pointer (&prep->summary, g_free);
}

static const char * const line_kinds[] = { "heading", "fact", "record", "note" };

static void
add_line_to (JsonArray           *lines,
             AnnexReviewLineKind  kind,
             const char          *text,
             const char          *detail,
             const char          *reference,
             const char          *table,
             gboolean             warning)
{
  JsonObject *line = json_object_new ();

  json_object_set_string_member (line, "kind", line_kinds[kind]);
  set_string (line, "text", text);
  set_string (line, "detail", detail);
  set_string (line, "reference", reference);
  set_string (line, "table", table);
  json_object_set_boolean_member (line, "warning", warning);
  json_array_add_object_element (lines, line);
}

static void
add_line (Prep                *prep,
          AnnexReviewLineKind  kind,
          const char          *text,
          const char          *detail,
          const char          *reference,
          const char          *table,
          gboolean             warning)
{
  add_line_to (prep->lines, kind, text, detail, reference, table, warning);
}

static void
add_heading (Prep       *prep,
             const char *text)
{
  add_line (prep, ANNEX_REVIEW_LINE_HEADING, text, NULL, NULL, NULL, FALSE);
}

static void
add_note (Prep       *prep,
          const char *text)
{
  add_line (prep, ANNEX_REVIEW_LINE_NOTE, text, NULL, NULL, NULL, FALSE);
}

static void
add_count (Prep       *prep,
           const char *label,
           gint64      n,
           gboolean    warning)
{
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, n);

  add_line (prep, ANNEX_REVIEW_LINE_FACT, label, value, NULL, NULL, warning);
}

/* Hands over the lines added so far and starts a new list: to put facts before the records
 * gathered first. */
static JsonArray *
take_lines (Prep *prep)
{
  JsonArray *lines = prep->lines;

  prep->lines = json_array_new ();
  return lines;
}

static void
append_lines (Prep      *prep,
              JsonArray *lines)
{
  for (guint i = 0; i < json_array_get_length (lines); i++)
    json_array_add_element (prep->lines, json_node_copy (json_array_get_element (lines, i)));
}

/* "since MR-2025-01" or "since the workspace was created": for sentences. */
static char *
dup_since_phrase (Prep *prep)
{
  if (prep->previous != NULL)
    /* Translators: %s is the reference of the previous management review */
    return g_strdup_printf (_("since %s"), prep->previous);
  return g_strdup (_("since the workspace was created"));
}

static gboolean
sql_error (AnnexDatabase  *db,
           int             rc,
           GError        **error)
{
  annex_store_set_error_from_sqlite (error, annex_database_get_handle (db), rc,
                                     _("Could not prepare the review inputs"));
  return FALSE;
}

/* Runs a one-number query with optional text parameters. */
static gboolean
query_count (Prep        *prep,
             const char  *sql,
             const char  *param1,
             const char  *param2,
             gint64      *out,
             GError     **error)
{
  sqlite3_stmt *stmt = annex_database_prepare (prep->db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (param1 != NULL)
    sqlite3_bind_text (stmt, 1, param1, -1, SQLITE_TRANSIENT);
  if (param2 != NULL)
    sqlite3_bind_text (stmt, 2, param2, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return sql_error (prep->db, rc, error);
    }
  *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

/* The translated label of @nick in the field named @column of @type, or @nick itself. */
static const char *
choice_label (GType       type,
              const char *column,
              const char *nick)
{
  AnnexRecordClass *klass;
  const AnnexField *fields;
  guint n_fields;

  if (nick == NULL)
    return NULL;

  klass = g_type_class_ref (type);
  fields = annex_record_class_get_fields (klass, &n_fields);
  g_type_class_unref (klass);  /* record classes stay loaded: the static table outlives this */

  for (guint i = 0; i < n_fields; i++)
    {
      if (strcmp (fields[i].column, column) == 0 && fields[i].type == ANNEX_FIELD_CHOICE)
        {
          const char *label = annex_field_get_choice_label (&fields[i], nick);

          return label != NULL ? _(label) : nick;
        }
    }

  return nick;
}

/* ---- Changes from the history ------------------------------------------------------------ */

typedef struct
{
  gint64      record_id;
  gboolean    first_is_insert;
  gboolean    deleted;
  JsonObject *first_before;  /* the state before the window (NULL when inserted in it) */
  JsonObject *last_before;   /* the state before the last entry */
  JsonObject *last_after;    /* the state after the last entry (NULL when deleted) */
} Change;

static void
change_free (Change *change)
{
  g_clear_pointer (&change->first_before, json_object_unref);
  g_clear_pointer (&change->last_before, json_object_unref);
  g_clear_pointer (&change->last_after, json_object_unref);
  g_free (change);
}

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonNode) node = NULL;

  if (json == NULL)
    return NULL;
  node = json_from_string (json, NULL);
  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_OBJECT)
    return NULL;
  return json_object_ref (json_node_get_object (node));
}

/* The records of @table changed within the window, in the order of their first change: an
 * array of Change. */
static GPtrArray *
collect_changes (Prep        *prep,
                 const char  *table,
                 GError     **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  int rc;

  stmt = annex_database_prepare (prep->db,
                                 "SELECT record_id, kind, before, after FROM change_log"
                                 " WHERE table_name = ? AND time > ? ORDER BY id",
                                 error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, prep->since, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 record_id = sqlite3_column_int64 (stmt, 0);
      const char *kind = column_text (stmt, 1);
      Change *change = g_hash_table_lookup (by_id, &record_id);

      if (change == NULL)
        {
          change = g_new0 (Change, 1);
          change->record_id = record_id;
          change->first_is_insert = g_strcmp0 (kind, "insert") == 0;
          change->first_before = parse_object (column_text (stmt, 2));
          g_ptr_array_add (changes, change);
          g_hash_table_insert (by_id, &change->record_id, change);
        }

      g_clear_pointer (&change->last_before, json_object_unref);
      g_clear_pointer (&change->last_after, json_object_unref);
      change->last_before = parse_object (column_text (stmt, 2));
      change->last_after = parse_object (column_text (stmt, 3));
      change->deleted = g_strcmp0 (kind, "delete") == 0;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sql_error (prep->db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&changes);
}

/* What a Change amounts to, or NULL when nothing is left of it (added and removed again, or
 * changed back). *out_state is the record's state to describe it by; @fields receives the
 * translated labels of the fields that changed. */
static const char *
classify_change (Change      *change,
                 GType        type,
                 const char  *status_column,
                 const char  *closed_value,
                 JsonObject **out_state,
                 JsonArray   *fields)
{
  AnnexRecordClass *klass;
  const AnnexField *table;
  guint n_fields;
  gboolean differs = FALSE;

  *out_state = NULL;

  if (change->first_is_insert && change->deleted)
    return NULL;
  if (change->deleted)
    {
      *out_state = change->last_before;
      return "removed";
    }
  *out_state = change->last_after;
  if (change->first_is_insert)
    return "added";
  if (change->first_before == NULL || change->last_after == NULL)
    return "changed";

  klass = g_type_class_ref (type);
  table = annex_record_class_get_fields (klass, &n_fields);
  g_type_class_unref (klass);

  for (guint i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (get_string (change->first_before, table[i].column),
                     get_string (change->last_after, table[i].column)) != 0)
        {
          differs = TRUE;
          json_array_add_string_element (fields, _(table[i].label));
        }
    }

  if (!differs)
    return NULL;

  if (status_column != NULL &&
      g_strcmp0 (get_string (change->last_after, status_column), closed_value) == 0 &&
      g_strcmp0 (get_string (change->first_before, status_column), closed_value) != 0)
    return "closed";

  return "changed";
}

static const char *
change_label (const char *change)
{
  if (g_strcmp0 (change, "added") == 0)
    return _("Added");
  if (g_strcmp0 (change, "closed") == 0)
    return _("Closed");
  if (g_strcmp0 (change, "removed") == 0)
    return _("Removed");
  return _("Changed");
}

/* "Changed: Status, Effect on the ISMS" or "Added · External". */
static char *
dup_change_detail (const char *change,
                   JsonArray  *fields,
                   const char *extra)
{
  GString *detail = g_string_new (change_label (change));

  if (g_strcmp0 (change, "changed") == 0 && json_array_get_length (fields) > 0)
    {
      g_string_append (detail, ": ");
      for (guint i = 0; i < json_array_get_length (fields); i++)
        {
          if (i > 0)
            g_string_append (detail, ", ");
          g_string_append (detail, json_array_get_string_element (fields, i));
        }
    }
  if (extra != NULL)
    g_string_append_printf (detail, " · %s", extra);

  return g_string_free (detail, FALSE);
}

/* References in creation order for one prefix: shorter first ("IS-999" < "IS-1000"). */
static int
compare_references (const char *a,
                    const char *b)
{
  size_t la = a != NULL ? strlen (a) : 0;
  size_t lb = b != NULL ? strlen (b) : 0;

  if (la != lb)
    return la < lb ? -1 : 1;
  return g_strcmp0 (a, b);
}

static int
compare_change_objects (gconstpointer a,
                        gconstpointer b)
{
  JsonObject *oa = json_node_get_object (*(JsonNode **) a);
  JsonObject *ob = json_node_get_object (*(JsonNode **) b);

  return compare_references (get_string (oa, "reference"), get_string (ob, "reference"));
}

/* The change objects of @table (CHANGE of the header comment), sorted by reference; counts the
 * kinds into @counts (added, changed, closed, removed). @describe adds table-specific members
 * and returns an extra detail (or NULL). */
typedef char *(*DescribeFunc) (Prep       *prep,
                               JsonObject *state,
                               JsonObject *object);

static JsonArray *
build_changes (Prep          *prep,
               const char    *table,
               GType          type,
               const char    *title_column,
               const char    *status_column,
               const char    *closed_value,
               DescribeFunc   describe,
               guint          counts[4],
               GError       **error)
{
  g_autoptr(GPtrArray) changes = collect_changes (prep, table, error);
  g_autoptr(GPtrArray) nodes = NULL;
  JsonArray *result;

  if (changes == NULL)
    return NULL;

  nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  for (guint i = 0; i < changes->len; i++)
    {
      Change *change = g_ptr_array_index (changes, i);
      g_autoptr(JsonArray) fields = json_array_new ();
      g_autofree char *title = NULL;
      JsonObject *state = NULL;
      JsonObject *object;
      const char *kind;
      JsonNode *node;

      kind = classify_change (change, type, status_column, closed_value, &state, fields);
      if (kind == NULL)
        continue;

      object = json_object_new ();
      title = dup_first_line (get_string (state, title_column));
      set_string (object, "reference", get_string (state, "reference"));
      set_string (object, "title", title);
      json_object_set_string_member (object, "change", kind);
      json_object_set_array_member (object, "fields", json_array_ref (fields));

      {
        g_autofree char *extra = describe != NULL ? describe (prep, state, object) : NULL;
        g_autofree char *detail = dup_change_detail (kind, fields, extra);

        json_object_set_string_member (object, "detail", detail);
      }

      node = json_node_init_object (json_node_alloc (), object);
      json_object_unref (object);
      g_ptr_array_add (nodes, node);

      if (strcmp (kind, "added") == 0)
        counts[0]++;
      else if (strcmp (kind, "changed") == 0)
        counts[1]++;
      else if (strcmp (kind, "closed") == 0)
        counts[2]++;
      else
        counts[3]++;
    }

  g_ptr_array_sort (nodes, compare_change_objects);
  result = json_array_new ();
  for (guint i = 0; i < nodes->len; i++)
    json_array_add_element (result, json_node_ref (g_ptr_array_index (nodes, i)));

  return result;
}

/* Adds one record line per change object of @changes. */
static void
add_change_lines (Prep       *prep,
                  JsonArray  *changes,
                  const char *table)
{
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *object = json_array_get_object_element (changes, i);
      const char *change = get_string (object, "change");

      add_line (prep, ANNEX_REVIEW_LINE_RECORD, get_string (object, "title"),
                get_string (object, "detail"), get_string (object, "reference"),
                g_strcmp0 (change, "removed") == 0 ? NULL : table, FALSE);
    }
}

static gboolean
is_open_action_status (const char *status)
{
  return g_strcmp0 (status, "open") == 0 || g_strcmp0 (status, "in-progress") == 0;
}

/* ---- a: actions from earlier reviews ----------------------------------------------------- */

static gboolean
prepare_actions (Prep    *prep,
                 GError **error)
{
  g_autoptr(GHashTable) earlier = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JsonArray) records = NULL;
  JsonArray *list = json_array_new ();
  const char *date = annex_review_get_date (prep->review);
  guint n_open = 0, n_done = 0, n_cancelled = 0, n_overdue = 0;
  sqlite3_stmt *stmt;
  int rc;

  json_object_set_array_member (prep->data, "actions", list);

  if (date == NULL)
    date = prep->today;

  /* The reviews before this one: their actions are "from earlier reviews". */
  stmt = annex_database_prepare (prep->db,
                                 "SELECT reference, COALESCE(actual_date, planned_date)"
                                 " FROM reviews WHERE id <> ?",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, annex_record_get_id (ANNEX_RECORD (prep->review)));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *other_date = column_text (stmt, 1);

      if (other_date != NULL && strcmp (other_date, date) < 0)
        g_hash_table_add (earlier, g_strdup (column_text (stmt, 0)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sql_error (prep->db, rc, error);

  stmt = annex_database_prepare (prep->db,
                                 "SELECT reference, title, owner, due_date, status,"
                                 " trim(origin_reference), completed_on FROM actions"
                                 " WHERE origin = 'management-review' ORDER BY id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *reference = column_text (stmt, 0);
      const char *title = column_text (stmt, 1);
      const char *owner = column_text (stmt, 2);
      const char *due_date = column_text (stmt, 3);
      const char *status = column_text (stmt, 4);
      const char *review = column_text (stmt, 5);
      const char *completed_on = column_text (stmt, 6);
      gboolean open = is_open_action_status (status);
      gboolean overdue = open && due_date != NULL && strcmp (due_date, prep->today) < 0;
      g_autoptr(GString) detail = NULL;
      JsonObject *object;

      if (review == NULL || !g_hash_table_contains (earlier, review))
        continue;
      /* Everything still open carries forward; of the rest, what the previous review decided
       * and what was completed since. */
      if (!open && g_strcmp0 (review, prep->previous) != 0 &&
          (completed_on == NULL || strcmp (completed_on, prep->since_day) < 0))
        continue;

      if (open)
        n_open++;
      else if (g_strcmp0 (status, "done") == 0)
        n_done++;
      else
        n_cancelled++;
      if (overdue)
        n_overdue++;

      object = json_object_new ();
      set_string (object, "reference", reference);
      set_string (object, "title", title);
      set_string (object, "owner", owner);
      set_string (object, "due_date", due_date);
      set_string (object, "status", status);
      set_string (object, "review", review);
      json_object_set_boolean_member (object, "overdue", overdue);
      json_object_set_boolean_member (object, "carried_forward", open);
      json_array_add_object_element (list, object);

      detail = g_string_new (choice_label (ANNEX_TYPE_ACTION, "status", status));
      if (owner != NULL)
        g_string_append_printf (detail, " · %s", owner);
      if (due_date != NULL)
        {
          g_string_append (detail, " · ");
          if (overdue)
            /* Translators: in an action's summary line; %s is its due date */
            g_string_append_printf (detail, _("overdue since %s"), due_date);
          else
            /* Translators: in an action's summary line; %s is its due date */
            g_string_append_printf (detail, _("due %s"), due_date);
        }
      g_string_append (detail, " · ");
      /* Translators: in an action's summary line; %s is the review that decided it */
      g_string_append_printf (detail, _("from %s"), review);
      add_line (prep, ANNEX_REVIEW_LINE_RECORD, title, detail->str, reference, "actions",
                overdue);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sql_error (prep->db, rc, error);

  records = take_lines (prep);
  json_object_set_int_member (prep->data, "total", json_array_get_length (list));
  json_object_set_int_member (prep->data, "open", n_open);
  json_object_set_int_member (prep->data, "done", n_done);
  json_object_set_int_member (prep->data, "cancelled", n_cancelled);
  json_object_set_int_member (prep->data, "overdue", n_overdue);

  if (json_array_get_length (list) == 0)
    {
      prep->summary = g_strdup (_("No actions from earlier reviews"));
      add_note (prep, prep->summary);
      return TRUE;
    }

  prep->summary = g_strdup_printf (_("%u open (carried forward), %u done, %u overdue"),
                                   n_open, n_done, n_overdue);
  add_count (prep, _("Open, carried forward"), n_open, n_open > 0);
  add_count (prep, _("Done"), n_done, FALSE);
  if (n_cancelled > 0)
    add_count (prep, _("Cancelled"), n_cancelled, FALSE);
  add_count (prep, _("Overdue"), n_overdue, n_overdue > 0);
  append_lines (prep, records);
  return TRUE;
}

/* ---- b: issues --------------------------------------------------------------------------- */

static char *
describe_issue (Prep       *prep,
                JsonObject *state,
                JsonObject *object)
{
  const char *kind = get_string (state, "kind");
  const char *category = get_string (state, "category");

  set_string (object, "kind", kind);
  if (category != NULL)
    return g_strdup_printf ("%s · %s", choice_label (ANNEX_TYPE_ISSUE, "kind", kind),
                            choice_label (ANNEX_TYPE_ISSUE, "category", category));
  return g_strdup (choice_label (ANNEX_TYPE_ISSUE, "kind", kind));
}

static const char *
climate_label (AnnexClimateDecision decision)
{
  switch (decision)
    {
    case ANNEX_CLIMATE_RELEVANT:
      return _("Relevant");
    case ANNEX_CLIMATE_NOT_RELEVANT:
      return _("Not relevant");
    case ANNEX_CLIMATE_UNANSWERED:
    default:
      return _("Not yet decided");
    }
}

/* "2 added, 1 changed, 1 closed since MR-2025-01", leaving out the kinds that did not occur. */
static char *
dup_changes_summary (Prep        *prep,
                     const guint  counts[4],
                     const char  *nothing)
{
  g_autofree char *since = dup_since_phrase (prep);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *part = NULL;

      if (counts[i] == 0)
        continue;
      if (i == 0)
        part = g_strdup_printf (_("%u added"), counts[i]);
      else if (i == 1)
        part = g_strdup_printf (_("%u changed"), counts[i]);
      else if (i == 2)
        part = g_strdup_printf (_("%u closed"), counts[i]);
      else
        part = g_strdup_printf (_("%u removed"), counts[i]);
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, part);
    }

  if (text->len == 0)
    /* Translators: the first %s says there were no changes, the second since when */
    return g_strdup_printf (_("%s %s"), nothing, since);

  g_string_append_printf (text, " %s", since);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
prepare_issues (Prep    *prep,
                GError **error)
{
  guint counts[4] = { 0, 0, 0, 0 };
  g_autoptr(JsonArray) changes = NULL;
  gint64 n_internal = 0;
  gint64 n_external = 0;
  AnnexClimateDecision climate;

  changes = build_changes (prep, "issues", ANNEX_TYPE_ISSUE, "title", "status", "closed",
                           describe_issue, counts, error);
  if (changes == NULL)
    return FALSE;

  if (!query_count (prep, "SELECT count(*) FROM issues WHERE status <> 'closed' AND kind = ?",
                    "internal", NULL, &n_internal, error) ||
      !query_count (prep, "SELECT count(*) FROM issues WHERE status <> 'closed' AND kind = ?",
                    "external", NULL, &n_external, error))
    return FALSE;

  climate = annex_context_get_climate_decision (prep->db, NULL, NULL, NULL);

  json_object_set_array_member (prep->data, "changes", json_array_ref (changes));
  json_object_set_int_member (prep->data, "added", counts[0]);
  json_object_set_int_member (prep->data, "changed", counts[1]);
  json_object_set_int_member (prep->data, "closed", counts[2]);
  json_object_set_int_member (prep->data, "removed", counts[3]);
  json_object_set_int_member (prep->data, "current_internal", n_internal);
  json_object_set_int_member (prep->data, "current_external", n_external);
  json_object_set_string_member (prep->data, "climate",
                                 annex_climate_decision_to_string (climate));

  prep->summary = dup_changes_summary (prep, counts, _("No changes in issues"));

  add_count (prep, _("Current external issues"), n_external, FALSE);
  add_count (prep, _("Current internal issues"), n_internal, FALSE);
  add_line (prep, ANNEX_REVIEW_LINE_FACT, _("Climate change"), climate_label (climate), NULL,
            NULL, climate == ANNEX_CLIMATE_UNANSWERED);

  if (json_array_get_length (changes) == 0)
    {
      add_note (prep, prep->summary);
      return TRUE;
    }

  add_heading (prep, _("Changes"));
  add_change_lines (prep, changes, "issues");
  return TRUE;
}

/* ---- c: interested parties --------------------------------------------------------------- */

static char *
describe_party (Prep       *prep,
                JsonObject *state,
                JsonObject *object)
{
  const char *category = get_string (state, "category");

  return category != NULL ? g_strdup (choice_label (ANNEX_TYPE_PARTY, "category", category))
                          : NULL;
}

/* A requirement is described by its party: the current name, else the one the history shows. */
static char *
describe_requirement (Prep       *prep,
                      JsonObject *state,
                      JsonObject *object)
{
  const char *party_id = get_string (state, "party_id");
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;

  if (party_id == NULL)
    return NULL;

  stmt = annex_database_prepare (prep->db, "SELECT name FROM parties WHERE id = ?", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, g_ascii_strtoll (party_id, NULL, 10));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        name = g_strdup (column_text (stmt, 0));
      sqlite3_reset (stmt);
    }

  set_string (object, "party", name);
  return g_steal_pointer (&name);
}

static gboolean
prepare_parties (Prep    *prep,
                 GError **error)
{
  guint party_counts[4] = { 0, 0, 0, 0 };
  guint requirement_counts[4] = { 0, 0, 0, 0 };
  guint counts[4];
  g_autoptr(JsonArray) parties = NULL;
  g_autoptr(JsonArray) requirements = NULL;
  gint64 n_not_addressed = 0;

  parties = build_changes (prep, "parties", ANNEX_TYPE_PARTY, "name", NULL, NULL,
                           describe_party, party_counts, error);
  if (parties == NULL)
    return FALSE;
  requirements = build_changes (prep, "party_requirements", ANNEX_TYPE_PARTY_REQUIREMENT,
                                "requirement", NULL, NULL, describe_requirement,
                                requirement_counts, error);
  if (requirements == NULL)
    return FALSE;

  if (!query_count (prep,
                    "SELECT count(*) FROM party_requirements"
                    " WHERE addressed IN ('undecided', 'no')",
                    NULL, NULL, &n_not_addressed, error))
    return FALSE;

  for (guint i = 0; i < 4; i++)
    counts[i] = party_counts[i] + requirement_counts[i];

  json_object_set_array_member (prep->data, "parties", json_array_ref (parties));
  json_object_set_array_member (prep->data, "requirements", json_array_ref (requirements));
  json_object_set_int_member (prep->data, "added", counts[0]);
  json_object_set_int_member (prep->data, "changed", counts[1]);
  json_object_set_int_member (prep->data, "removed", counts[3]);
  json_object_set_int_member (prep->data, "requirements_not_addressed", n_not_addressed);

  prep->summary = dup_changes_summary (prep, counts,
                                       _("No changes in interested parties or their "
                                         "requirements"));

  add_count (prep, _("Requirements not addressed or not yet decided"), n_not_addressed,
             n_not_addressed > 0);

  if (json_array_get_length (parties) == 0 && json_array_get_length (requirements) == 0)
    {
      add_note (prep, prep->summary);
      return TRUE;
    }

  if (json_array_get_length (parties) > 0)
    {
      add_heading (prep, _("Interested parties"));
      add_change_lines (prep, parties, "parties");
    }
  if (json_array_get_length (requirements) > 0)
    {
      add_heading (prep, _("Requirements"));
      add_change_lines (prep, requirements, "party_requirements");
    }
  return TRUE;
}

/* ---- d: performance ---------------------------------------------------------------------- */

static const char * const finding_classes[] = { "major", "minor", "observation", "improvement" };

static gboolean
prepare_nonconformities (Prep    *prep,
                         GError **error)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(JsonArray) records = NULL;
  JsonObject *ncs = json_object_new ();
  JsonObject *corrective = json_object_new ();
  JsonArray *open_list = json_array_new ();
  gint64 n_raised = 0;
  guint n_closed = 0;
  guint n_actions_open = 0, n_actions_done = 0, n_actions_overdue = 0;
  sqlite3_stmt *stmt;
  int rc;

  json_object_set_object_member (prep->data, "nonconformities", ncs);
  json_object_set_object_member (prep->data, "corrective_actions", corrective);
  json_object_set_array_member (ncs, "open_list", open_list);

  if (!query_count (prep, "SELECT count(*) FROM nonconformities WHERE created > ?",
                    prep->since, NULL, &n_raised, error))
    return FALSE;

  /* Closed within the window: the history shows the move to closed. */
  changes = collect_changes (prep, "nonconformities", error);
  if (changes == NULL)
    return FALSE;
  for (guint i = 0; i < changes->len; i++)
    {
      Change *change = g_ptr_array_index (changes, i);

      if (!change->deleted &&
          g_strcmp0 (get_string (change->last_after, "status"), "closed") == 0 &&
          g_strcmp0 (get_string (change->first_before, "status"), "closed") != 0)
        n_closed++;
    }

  add_heading (prep, _("Nonconformities and corrective actions"));
  records = take_lines (prep);

  stmt = annex_database_prepare (prep->db,
                                 "SELECT reference, title, status, grade FROM nonconformities"
                                 " WHERE status <> 'closed' ORDER BY id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *object = json_object_new ();
      const char *status = column_text (stmt, 2);
      const char *grade = column_text (stmt, 3);
      g_autofree char *detail = NULL;

      set_string (object, "reference", column_text (stmt, 0));
      set_string (object, "title", column_text (stmt, 1));
      set_string (object, "status", status);
      set_string (object, "grade", grade);
      json_array_add_object_element (open_list, object);

      detail = g_strdup_printf ("%s · %s",
                                choice_label (ANNEX_TYPE_NONCONFORMITY, "status", status),
                                choice_label (ANNEX_TYPE_NONCONFORMITY, "grade", grade));
      add_line (prep, ANNEX_REVIEW_LINE_RECORD, column_text (stmt, 1), detail,
                column_text (stmt, 0), "nonconformities", g_strcmp0 (grade, "major") == 0);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sql_error (prep->db, rc, error);

  stmt = annex_database_prepare (prep->db,
                                 "SELECT status, due_date FROM actions"
                                 " WHERE origin = 'corrective-action'",
                                 error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *status = column_text (stmt, 0);
      const char *due_date = column_text (stmt, 1);

      if (is_open_action_status (status))
        {
          n_actions_open++;
          if (due_date != NULL && strcmp (due_date, prep->today) < 0)
            n_actions_overdue++;
        }
      else if (g_strcmp0 (status, "done") == 0)
        {
          n_actions_done++;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sql_error (prep->db, rc, error);

  json_object_set_int_member (ncs, "raised", n_raised);
  json_object_set_int_member (ncs, "closed", n_closed);
  json_object_set_int_member (ncs, "open", json_array_get_length (open_list));
  json_object_set_int_member (corrective, "open", n_actions_open);
  json_object_set_int_member (corrective, "done", n_actions_done);
  json_object_set_int_member (corrective, "overdue", n_actions_overdue);

  {
    g_autoptr(JsonArray) open_lines = take_lines (prep);

    append_lines (prep, records);
    add_count (prep, _("Raised since the previous review"), n_raised, FALSE);
    add_count (prep, _("Closed since the previous review"), n_closed, FALSE);
    add_count (prep, _("Open"), json_array_get_length (open_list), FALSE);
    add_count (prep, _("Corrective actions open"), n_actions_open, FALSE);
    add_count (prep, _("Corrective actions done"), n_actions_done, FALSE);
    add_count (prep, _("Corrective actions overdue"), n_actions_overdue, n_actions_overdue > 0);
    append_lines (prep, open_lines);
  }

  return TRUE;
}

static gboolean
prepare_audits (Prep    *prep,
                GError **error)
{
  JsonArray *audits = json_array_new ();
  JsonObject *totals = json_object_new ();
  guint total_counts[G_N_ELEMENTS (finding_classes)] = { 0, };
  sqlite3_stmt *stmt;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  json_object_set_array_member (prep->data, "audits", audits);
  json_object_set_object_member (prep->data, "findings", totals);

  add_heading (prep, _("Audits"));

  /* The audits carried out within the window (or in progress), by the date they took place;
   * none after @today, so inputs prepared as of a past meeting (a sample's) show what it saw. */
  stmt = annex_database_prepare (prep->db,
                                 "SELECT id, reference, title, type, status,"
                                 " COALESCE(actual_end, actual_start, planned_end, planned_start)"
                                 " AS day FROM audits"
                                 " WHERE status IN ('in-progress', 'reported', 'closed')"
                                 " AND (day >= ? OR (day IS NULL AND updated > ?))"
                                 " AND (day IS NULL OR substr(day, 1, 10) <= ?)"
                                 " ORDER BY id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, prep->since_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, prep->since, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, prep->today, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *object = json_object_new ();
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      set_string (object, "reference", column_text (stmt, 1));
      set_string (object, "title", column_text (stmt, 2));
      set_string (object, "type", column_text (stmt, 3));
      set_string (object, "status", column_text (stmt, 4));
      set_string (object, "date", column_text (stmt, 5));
      json_array_add_object_element (audits, object);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sql_error (prep->db, rc, error);

  for (guint i = 0; i < ids->len; i++)
    {
      JsonObject *object = json_array_get_object_element (audits, i);
      JsonObject *counts = json_object_new ();
      g_autoptr(GString) detail = NULL;
      guint n_findings = 0;

      stmt = annex_database_prepare (prep->db,
                                     "SELECT classification, count(*) FROM findings"
                                     " WHERE audit_id = ? GROUP BY classification",
                                     error);
      if (stmt == NULL)
        {
          json_object_unref (counts);
          return FALSE;
        }
      for (guint c = 0; c < G_N_ELEMENTS (finding_classes); c++)
        json_object_set_int_member (counts, finding_classes[c], 0);
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *classification = column_text (stmt, 0);
          gint64 n = sqlite3_column_int64 (stmt, 1);

          for (guint c = 0; c < G_N_ELEMENTS (finding_classes); c++)
            if (g_strcmp0 (classification, finding_classes[c]) == 0)
              {
                json_object_set_int_member (counts, finding_classes[c], n);
                total_counts[c] += n;
                n_findings += n;
              }
        }
      sqlite3_reset (stmt);
      json_object_set_object_member (object, "findings", counts);
      if (rc != SQLITE_DONE)
        return sql_error (prep->db, rc, error);

      detail = g_string_new (choice_label (ANNEX_TYPE_AUDIT, "status",
                                           get_string (object, "status")));
      if (get_string (object, "date") != NULL)
        g_string_append_printf (detail, " · %s", get_string (object, "date"));
      if (n_findings == 0)
        g_string_append_printf (detail, " · %s", _("no findings"));
      for (guint c = 0; c < G_N_ELEMENTS (finding_classes); c++)
        {
          gint64 n = json_object_get_int_member (counts, finding_classes[c]);

          if (n > 0)
            g_string_append_printf (detail, " · %" G_GINT64_FORMAT " %s", n,
                                    choice_label (ANNEX_TYPE_FINDING, "classification",
                                                  finding_classes[c]));
        }
      add_line (prep, ANNEX_REVIEW_LINE_RECORD, get_string (object, "title"), detail->str,
                get_string (object, "reference"), "audits",
                json_object_get_int_member (counts, "major") > 0);
    }

  for (guint c = 0; c < G_N_ELEMENTS (finding_classes); c++)
    json_object_set_int_member (totals, finding_classes[c], total_counts[c]);

  if (ids->len == 0)
    {
      g_autofree char *since = dup_since_phrase (prep);
      /* Translators: %s is "since MR-2025-01" or "since the workspace was created" */
      g_autofree char *text = g_strdup_printf (_("No audits carried out %s"), since);

      add_note (prep, text);
      return TRUE;
    }

  for (guint c = 0; c < G_N_ELEMENTS (finding_classes); c++)
    add_count (prep, choice_label (ANNEX_TYPE_FINDING, "classification", finding_classes[c]),
               total_counts[c], c == 0 && total_counts[c] > 0);
  return TRUE;
}

static gboolean
prepare_objectives (Prep    *prep,
                    GError **error)
{
  JsonArray *objectives = json_array_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  json_object_set_array_member (prep->data, "objectives", objectives);
  add_heading (prep, _("Objectives and their measurements"));

  stmt = annex_database_prepare (prep->db,
                                 "SELECT id, reference, title, status, target, due_date"
                                 " FROM objectives ORDER BY id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *object = json_object_new ();
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *status = column_text (stmt, 3);
      const char *due_date = column_text (stmt, 5);

      g_array_append_val (ids, id);
      set_string (object, "reference", column_text (stmt, 1));
      set_string (object, "title", column_text (stmt, 2));
      set_string (object, "status", status);
      set_string (object, "target", column_text (stmt, 4));
      set_string (object, "due_date", due_date);
      json_object_set_boolean_member (object, "overdue",
                                      due_date != NULL && strcmp (due_date, prep->today) < 0 &&
                                      g_strcmp0 (status, "achieved") != 0 &&
                                      g_strcmp0 (status, "missed") != 0);
      json_array_add_object_element (objectives, object);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sql_error (prep->db, rc, error);

  for (guint i = 0; i < ids->len; i++)
    {
      JsonObject *object = json_array_get_object_element (objectives, i);
      gint64 id = g_array_index (ids, gint64, i);
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_autoptr(GString) detail = NULL;
      const char *status = get_string (object, "status");
      gint64 n_since = 0;
      gboolean warning;

      stmt = annex_database_prepare (prep->db,
                                     "SELECT date, value FROM objective_measurements"
                                     " WHERE objective_id = ? AND (date IS NULL OR date <= ?)"
                                     " ORDER BY date DESC, id DESC LIMIT 1",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      /* The latest as of @today (a past meeting's, for a sample's review). */
      sqlite3_bind_text (stmt, 2, prep->today, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          set_string (object, "latest_date", column_text (stmt, 0));
          set_string (object, "latest_value", column_text (stmt, 1));
        }
      else
        {
          json_object_set_null_member (object, "latest_date");
          json_object_set_null_member (object, "latest_value");
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return sql_error (prep->db, rc, error);

      if (!query_count (prep,
                        "SELECT count(*) FROM objective_measurements"
                        " WHERE objective_id = CAST(? AS INTEGER) AND created > ?",
                        id_text, prep->since, &n_since, error))
        return FALSE;
      json_object_set_int_member (object, "measurements_since", n_since);

      detail = g_string_new (choice_label (ANNEX_TYPE_OBJECTIVE, "status", status));
      if (get_string (object, "target") != NULL)
        {
          g_string_append (detail, " · ");
          /* Translators: in an objective's summary line; %s is its target */
          g_string_append_printf (detail, _("target %s"), get_string (object, "target"));
        }
      g_string_append (detail, " · ");
      if (get_string (object, "latest_value") != NULL)
        /* Translators: in an objective's summary line: its latest measured value and its date */
        g_string_append_printf (detail, _("latest %s (%s)"),
                                get_string (object, "latest_value"),
                                get_string (object, "latest_date"));
      else
        g_string_append (detail, _("not measured yet"));
      if (json_object_get_boolean_member (object, "overdue"))
        g_string_append_printf (detail, " · %s", _("overdue"));

      warning = json_object_get_boolean_member (object, "overdue") ||
                g_strcmp0 (status, "at-risk") == 0 || g_strcmp0 (status, "missed") == 0;
      add_line (prep, ANNEX_REVIEW_LINE_RECORD, get_string (object, "title"), detail->str,
                get_string (object, "reference"), "objectives", warning);
    }

  if (ids->len == 0)
    add_note (prep, _("No objectives recorded"));
  return TRUE;
}

static gboolean
prepare_performance (Prep    *prep,
                     GError **error)
{
  JsonArray *objectives;
  guint n_objectives_attention = 0;
  JsonObject *ncs;

  if (!prepare_nonconformities (prep, error) ||
      !prepare_audits (prep, error) ||
      !prepare_objectives (prep, error))
    return FALSE;

  ncs = get_object (prep->data, "nonconformities");
  objectives = json_object_get_array_member (prep->data, "objectives");
  for (guint i = 0; i < json_array_get_length (objectives); i++)
    {
      JsonObject *object = json_array_get_object_element (objectives, i);
      const char *status = get_string (object, "status");

      if (json_object_get_boolean_member (object, "overdue") ||
          g_strcmp0 (status, "at-risk") == 0 || g_strcmp0 (status, "missed") == 0)
        n_objectives_attention++;
    }

  {
    guint n_open = json_object_get_int_member (ncs, "open");
    guint n_audits = json_array_get_length (json_object_get_array_member (prep->data, "audits"));
    guint n_objectives = json_array_get_length (objectives);
    g_autofree char *ncs_part = g_strdup_printf (ngettext ("%u open nonconformity",
                                                           "%u open nonconformities", n_open),
                                                 n_open);
    g_autofree char *audits_part = g_strdup_printf (ngettext ("%u audit", "%u audits", n_audits),
                                                    n_audits);
    g_autofree char *objectives_part =
      /* Translators: the first %u is the number of objectives that need attention */
      g_strdup_printf (ngettext ("%u of %u objectives needs attention",
                                 "%u of %u objectives need attention", n_objectives_attention),
                       n_objectives_attention, n_objectives);

    /* Translators: the review input's summary: nonconformities, audits, objectives */
    prep->summary = g_strdup_printf (_("%s, %s, %s"), ncs_part, audits_part, objectives_part);
  }
  return TRUE;
}

/* ---- e: feedback ------------------------------------------------------------------------- */

static gboolean
prepare_feedback (Prep    *prep,
                  GError **error)
{
  const char *feedback = annex_review_get_feedback (prep->review);
  JsonArray *complaints = json_array_new ();
  sqlite3_stmt *stmt;
  int rc;

  set_string (prep->data, "feedback",
              annex_field_text_is_blank (feedback) ? NULL : feedback);
  json_object_set_array_member (prep->data, "complaints", complaints);

  if (!annex_field_text_is_blank (feedback))
    {
      add_heading (prep, _("Recorded feedback"));
      add_note (prep, feedback);
    }

  stmt = annex_database_prepare (prep->db,
                                 "SELECT reference, title, status, raised_on FROM nonconformities"
                                 " WHERE source = 'complaint' AND created > ? ORDER BY id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, prep->since, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *object = json_object_new ();
      const char *status = column_text (stmt, 2);

      if (json_array_get_length (complaints) == 0)
        add_heading (prep, _("Complaints"));

      set_string (object, "reference", column_text (stmt, 0));
      set_string (object, "title", column_text (stmt, 1));
      set_string (object, "status", status);
      set_string (object, "raised_on", column_text (stmt, 3));
      json_array_add_object_element (complaints, object);

      add_line (prep, ANNEX_REVIEW_LINE_RECORD, column_text (stmt, 1),
                choice_label (ANNEX_TYPE_NONCONFORMITY, "status", status),
                column_text (stmt, 0), "nonconformities", FALSE);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sql_error (prep->db, rc, error);

  if (annex_field_text_is_blank (feedback) && json_array_get_length (complaints) == 0)
    {
      prep->summary = g_strdup (_("No feedback recorded"));
      add_note (prep, _("No feedback recorded: write what interested parties said in "
                        "“Feedback from interested parties” and refresh this input"));
    }
  else
    {
      prep->summary = g_strdup_printf (_("%s, %u complaints"),
                                       annex_field_text_is_blank (feedback)
                                       ? _("No feedback recorded") : _("Feedback recorded"),
                                       json_array_get_length (complaints));
    }

  return TRUE;
}

/* ---- f: risks ---------------------------------------------------------------------------- */

static gboolean
prepare_risks (Prep    *prep,
               GError **error)
{
  g_autoptr(AnnexRiskMethod) method = NULL;
  g_autoptr(GError) method_error = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  AnnexTreatmentPlanCounts plan_counts;
  guint inherent[ANNEX_RISK_METHOD_MAX_LEVELS + 1] = { 0, };
  guint residual[ANNEX_RISK_METHOD_MAX_LEVELS + 1] = { 0, };
  JsonArray *levels = json_array_new ();
  JsonArray *inherent_counts = json_array_new ();
  JsonArray *residual_counts = json_array_new ();
  JsonArray *above = json_array_new ();
  JsonArray *overdue = json_array_new ();
  JsonObject *plan_object = json_object_new ();
  g_autoptr(JsonArray) above_lines = json_array_new ();
  g_autoptr(JsonArray) overdue_lines = json_array_new ();
  guint n_levels;
  guint threshold;
  sqlite3_stmt *stmt;
  int rc;

  json_object_set_array_member (prep->data, "levels", levels);
  json_object_set_array_member (prep->data, "inherent", inherent_counts);
  json_object_set_array_member (prep->data, "residual", residual_counts);
  json_object_set_array_member (prep->data, "above_threshold", above);
  json_object_set_array_member (prep->data, "overdue_reviews", overdue);
  json_object_set_object_member (prep->data, "treatment_plan", plan_object);

  /* A malformed method must not stop the review: the default scores, and the lines say so. */
  method = annex_risk_method_load (prep->db, &method_error);
  if (method == NULL)
    method = annex_risk_method_new_default ();
  n_levels = annex_risk_method_get_n_levels (method);
  threshold = annex_risk_method_get_threshold (method);

  stmt = annex_database_prepare (prep->db,
                                 "SELECT reference, title, owner, inherent_likelihood,"
                                 " inherent_impact, residual_likelihood, residual_impact,"
                                 " treatment, next_review, accepted_by FROM risks"
                                 " WHERE status <> 'closed' ORDER BY id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *reference = column_text (stmt, 0);
      const char *title = column_text (stmt, 1);
      const char *owner = column_text (stmt, 2);
      guint level_in = annex_risk_method_get_level (method,
                                                    (guint) sqlite3_column_int64 (stmt, 3),
                                                    (guint) sqlite3_column_int64 (stmt, 4));
      guint level_res = annex_risk_method_get_level (method,
                                                     (guint) sqlite3_column_int64 (stmt, 5),
                                                     (guint) sqlite3_column_int64 (stmt, 6));
      const char *treatment = column_text (stmt, 7);
      const char *next_review = column_text (stmt, 8);
      const char *accepted_by = column_text (stmt, 9);
      guint level = level_res > 0 ? level_res : level_in;

      inherent[MIN (level_in, n_levels)]++;
      residual[MIN (level_res, n_levels)]++;

      if (level > threshold)
        {
          JsonObject *object = json_object_new ();
          const char *label = annex_risk_method_get_label (method, ANNEX_RISK_SCALE_LEVEL, level);
          g_autoptr(GString) detail = g_string_new (label);

          set_string (object, "reference", reference);
          set_string (object, "title", title);
          set_string (object, "owner", owner);
          set_string (object, "level", label);
          set_string (object, "treatment", treatment);
          json_object_set_boolean_member (object, "accepted", accepted_by != NULL);
          json_array_add_object_element (above, object);

          if (treatment != NULL)
            g_string_append_printf (detail, " · %s",
                                    choice_label (ANNEX_TYPE_RISK, "treatment", treatment));
          else
            g_string_append_printf (detail, " · %s", _("no treatment decided"));
          if (owner != NULL)
            g_string_append_printf (detail, " · %s", owner);
          add_line_to (above_lines, ANNEX_REVIEW_LINE_RECORD, title, detail->str, reference,
                       "risks", treatment == NULL);
        }

      if (next_review != NULL && strcmp (next_review, prep->today) < 0)
        {
          JsonObject *object = json_object_new ();
          /* Translators: %s is a date */
          g_autofree char *detail = g_strdup_printf (_("Review was due %s"), next_review);

          set_string (object, "reference", reference);
          set_string (object, "title", title);
          set_string (object, "owner", owner);
          set_string (object, "next_review", next_review);
          json_array_add_object_element (overdue, object);

          add_line_to (overdue_lines, ANNEX_REVIEW_LINE_RECORD, title, detail, reference,
                       "risks", TRUE);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sql_error (prep->db, rc, error);

  plan = annex_treatment_plan_query (prep->db, prep->today, &plan_counts, error);
  if (plan == NULL)
    return FALSE;

  for (guint level = 1; level <= n_levels; level++)
    {
      json_array_add_string_element (levels,
                                     annex_risk_method_get_label (method, ANNEX_RISK_SCALE_LEVEL,
                                                                  level));
      json_array_add_int_element (inherent_counts, inherent[level]);
      json_array_add_int_element (residual_counts, residual[level]);
    }
  json_object_set_int_member (prep->data, "inherent_not_assessed", inherent[0]);
  json_object_set_int_member (prep->data, "residual_not_assessed", residual[0]);
  json_object_set_string_member (prep->data, "threshold",
                                 annex_risk_method_get_label (method, ANNEX_RISK_SCALE_LEVEL,
                                                              threshold));
  json_object_set_int_member (plan_object, "total", plan_counts.total);
  json_object_set_int_member (plan_object, "open", plan_counts.open);
  json_object_set_int_member (plan_object, "done", plan_counts.done);
  json_object_set_int_member (plan_object, "overdue", plan_counts.overdue);
  json_object_set_int_member (plan_object, "cancelled", plan_counts.cancelled);

  if (method_error != NULL)
    add_note (prep, method_error->message);

  add_heading (prep, _("Risks per level (before → after treatment)"));
  for (guint level = n_levels; level >= 1; level--)
    {
      g_autofree char *value = g_strdup_printf ("%u → %u", inherent[level], residual[level]);

      add_line (prep, ANNEX_REVIEW_LINE_FACT,
                annex_risk_method_get_label (method, ANNEX_RISK_SCALE_LEVEL, level), value,
                NULL, NULL, FALSE);
    }
  {
    g_autofree char *value = g_strdup_printf ("%u → %u", inherent[0], residual[0]);

    add_line (prep, ANNEX_REVIEW_LINE_FACT, _("Not assessed"), value, NULL, NULL, FALSE);
  }

  {
    /* Translators: %s is the label of the acceptance threshold's risk level, e.g. "Low" */
    g_autofree char *heading = g_strdup_printf (_("Risks above “%s”"),
                                                annex_risk_method_get_label (
                                                  method, ANNEX_RISK_SCALE_LEVEL, threshold));

    add_heading (prep, heading);
    if (json_array_get_length (above_lines) == 0)
      add_note (prep, _("No risk is above the acceptance threshold"));
    append_lines (prep, above_lines);
  }

  add_heading (prep, _("Risk treatment plan"));
  add_count (prep, _("Treatment actions open"), plan_counts.open, FALSE);
  add_count (prep, _("Treatment actions done"), plan_counts.done, FALSE);
  add_count (prep, _("Treatment actions overdue"), plan_counts.overdue, plan_counts.overdue > 0);

  add_heading (prep, _("Overdue risk reviews"));
  if (json_array_get_length (overdue_lines) == 0)
    add_note (prep, _("No risk review is overdue"));
  append_lines (prep, overdue_lines);

  {
    guint n_above = json_array_get_length (above);
    guint n_overdue = json_array_get_length (overdue);
    g_autofree char *above_part =
      g_strdup_printf (ngettext ("%u risk above the acceptance threshold",
                                 "%u risks above the acceptance threshold", n_above), n_above);
    g_autofree char *plan_part =
      /* Translators: the treatment actions done of those planned (not counting cancelled ones) */
      g_strdup_printf (_("treatment plan %u of %u done"), plan_counts.done,
                       plan_counts.total - plan_counts.cancelled);
    g_autofree char *overdue_part =
      g_strdup_printf (ngettext ("%u overdue risk review", "%u overdue risk reviews", n_overdue),
                       n_overdue);

    /* Translators: the review input's summary: risks above the threshold, plan, reviews */
    prep->summary = g_strdup_printf (_("%s, %s, %s"), above_part, plan_part, overdue_part);
  }
  return TRUE;
}

/* ---- g: improvement ---------------------------------------------------------------------- */

static gboolean
prepare_improvement (Prep    *prep,
                     GError **error)
{
  const char *opportunities = annex_review_get_opportunities (prep->review);
  JsonArray *findings = json_array_new ();
  sqlite3_stmt *stmt;
  int rc;

  json_object_set_array_member (prep->data, "findings", findings);
  set_string (prep->data, "from_review",
              annex_field_text_is_blank (opportunities) ? NULL : opportunities);

  stmt = annex_database_prepare (prep->db,
                                 "SELECT f.reference, a.reference, f.concerns, f.description"
                                 " FROM findings AS f JOIN audits AS a ON a.id = f.audit_id"
                                 " WHERE f.classification = 'improvement' AND f.created > ?"
                                 " ORDER BY f.id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, prep->since, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *object = json_object_new ();
      g_autofree char *title = dup_first_line (column_text (stmt, 3));
      g_autofree char *detail = NULL;

      if (json_array_get_length (findings) == 0)
        add_heading (prep, _("From audits"));

      set_string (object, "reference", column_text (stmt, 0));
      set_string (object, "audit", column_text (stmt, 1));
      set_string (object, "concerns", column_text (stmt, 2));
      set_string (object, "description", column_text (stmt, 3));
      json_array_add_object_element (findings, object);

      if (column_text (stmt, 2) != NULL)
        detail = g_strdup_printf ("%s · %s", column_text (stmt, 1), column_text (stmt, 2));
      else
        detail = g_strdup (column_text (stmt, 1));
      add_line (prep, ANNEX_REVIEW_LINE_RECORD, title, detail, column_text (stmt, 0),
                "findings", FALSE);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sql_error (prep->db, rc, error);

  if (!annex_field_text_is_blank (opportunities))
    {
      add_heading (prep, _("Raised for the review"));
      add_note (prep, opportunities);
    }

  if (json_array_get_length (findings) == 0 && annex_field_text_is_blank (opportunities))
    {
      g_autofree char *since = dup_since_phrase (prep);

      /* Translators: %s is "since MR-2025-01" or "since the workspace was created" */
      prep->summary = g_strdup_printf (_("No opportunities for improvement recorded %s"), since);
      add_note (prep, prep->summary);
    }
  else
    {
      guint n = json_array_get_length (findings);

      if (annex_field_text_is_blank (opportunities))
        prep->summary = g_strdup_printf (_("%u from audits"), n);
      else
        prep->summary = g_strdup_printf (_("%u from audits, and those raised for the review"), n);
    }

  return TRUE;
}

/* ---- The snapshot ------------------------------------------------------------------------ */

struct _AnnexReviewSnapshot
{
  grefcount   ref_count;
  JsonNode   *root;                             /* an object */
  GPtrArray  *lines[ANNEX_REVIEW_N_INPUTS];     /* AnnexReviewLine, built on first use */
};

G_DEFINE_BOXED_TYPE (AnnexReviewSnapshot, annex_review_snapshot,
                     annex_review_snapshot_ref, annex_review_snapshot_unref)

static void
review_line_free (AnnexReviewLine *line)
{
  g_free (line->text);
  g_free (line->detail);
  g_free (line->reference);
  g_free (line->table);
  g_free (line);
}

/* @json parsed as the root of a snapshot: NULL or empty gives {"version":1,"inputs":{}}. */
static JsonNode *
parse_root (const char  *json,
            GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *root;

  if (json != NULL && json[0] != '\0')
    {
      g_autoptr(GError) local_error = NULL;

      node = json_from_string (json, &local_error);
      if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_OBJECT)
        {
          g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                       _("The review’s inputs cannot be read: %s"),
                       local_error != NULL ? local_error->message : _("not a JSON object"));
          return NULL;
        }
    }
  else
    {
      node = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (node, json_object_new ());
    }

  root = json_node_get_object (node);
  if (!json_object_has_member (root, "version"))
    json_object_set_int_member (root, "version", SNAPSHOT_VERSION);
  if (get_object (root, "inputs") == NULL)
    json_object_set_object_member (root, "inputs", json_object_new ());

  return g_steal_pointer (&node);
}

static JsonObject *
root_get_input (JsonNode         *root,
                AnnexReviewInput  input)
{
  return get_object (get_object (json_node_get_object (root), "inputs"),
                     input_info[input].letter);
}

AnnexReviewSnapshot *
annex_review_snapshot_new_from_json (const char  *json,
                                     GError     **error)
{
  AnnexReviewSnapshot *self;
  JsonNode *root = parse_root (json, error);

  if (root == NULL)
    return NULL;

  self = g_new0 (AnnexReviewSnapshot, 1);
  g_ref_count_init (&self->ref_count);
  self->root = root;
  return self;
}

AnnexReviewSnapshot *
annex_review_dup_snapshot (AnnexReview *review)
{
  g_autoptr(GError) error = NULL;
  AnnexReviewSnapshot *self;

  g_return_val_if_fail (ANNEX_IS_REVIEW (review), NULL);

  self = annex_review_snapshot_new_from_json (annex_review_get_inputs_json (review), &error);
  if (self == NULL)
    {
      g_message ("%s: %s", annex_record_get_reference (ANNEX_RECORD (review)), error->message);
      self = annex_review_snapshot_new_from_json (NULL, NULL);
    }
  return self;
}

AnnexReviewSnapshot *
annex_review_snapshot_ref (AnnexReviewSnapshot *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_ref_count_inc (&self->ref_count);
  return self;
}

void
annex_review_snapshot_unref (AnnexReviewSnapshot *self)
{
  g_return_if_fail (self != NULL);

  if (!g_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < ANNEX_REVIEW_N_INPUTS; i++)
    g_clear_pointer (&self->lines[i], g_ptr_array_unref);
  json_node_unref (self->root);
  g_free (self);
}

static JsonObject *
snapshot_input (AnnexReviewSnapshot *self,
                AnnexReviewInput     input)
{
  return root_get_input (self->root, input);
}

gboolean
annex_review_snapshot_has_input (AnnexReviewSnapshot *self,
                                 AnnexReviewInput     input)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (input < ANNEX_REVIEW_N_INPUTS, FALSE);
  return get_string (snapshot_input (self, input), "prepared") != NULL;
}

#define SNAPSHOT_STRING_GETTER(name, member) \
  const char * \
  annex_review_snapshot_get_##name (AnnexReviewSnapshot *self, \
                                    AnnexReviewInput     input) \
  { \
    g_return_val_if_fail (self != NULL, NULL); \
    g_return_val_if_fail (input < ANNEX_REVIEW_N_INPUTS, NULL); \
    return get_string (snapshot_input (self, input), member); \
  }

SNAPSHOT_STRING_GETTER (prepared, "prepared")
SNAPSHOT_STRING_GETTER (since, "since")
SNAPSHOT_STRING_GETTER (previous, "previous")
SNAPSHOT_STRING_GETTER (summary, "summary")
SNAPSHOT_STRING_GETTER (notes, "notes")
SNAPSHOT_STRING_GETTER (annotation, "annotation")

#undef SNAPSHOT_STRING_GETTER

GPtrArray *
annex_review_snapshot_get_lines (AnnexReviewSnapshot *self,
                                 AnnexReviewInput     input)
{
  JsonObject *object;
  JsonNode *node;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (input < ANNEX_REVIEW_N_INPUTS, NULL);

  if (self->lines[input] != NULL)
    return self->lines[input];

  self->lines[input] = g_ptr_array_new_with_free_func ((GDestroyNotify) review_line_free);
  object = snapshot_input (self, input);
  node = object != NULL ? json_object_get_member (object, "lines") : NULL;
  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_ARRAY)
    return self->lines[input];

  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (node), i);
      JsonObject *line_object;
      AnnexReviewLine *line;
      const char *kind;

      if (JSON_NODE_TYPE (element) != JSON_NODE_OBJECT)
        continue;
      line_object = json_node_get_object (element);
      kind = get_string (line_object, "kind");

      line = g_new0 (AnnexReviewLine, 1);
      line->kind = ANNEX_REVIEW_LINE_NOTE;
      for (guint k = 0; k < G_N_ELEMENTS (line_kinds); k++)
        if (g_strcmp0 (kind, line_kinds[k]) == 0)
          line->kind = k;
      line->text = g_strdup (get_string (line_object, "text"));
      line->detail = g_strdup (get_string (line_object, "detail"));
      line->reference = g_strdup (get_string (line_object, "reference"));
      line->table = g_strdup (get_string (line_object, "table"));
      line->warning = json_object_get_boolean_member_with_default (line_object, "warning",
                                                                   FALSE);
      g_ptr_array_add (self->lines[input], line);
    }

  return self->lines[input];
}

JsonObject *
annex_review_snapshot_get_data (AnnexReviewSnapshot *self,
                                AnnexReviewInput     input)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (input < ANNEX_REVIEW_N_INPUTS, NULL);
  return get_object (snapshot_input (self, input), "data");
}

/* ---- Preparing --------------------------------------------------------------------------- */

static char *
dup_now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

/* The start of @input's window: when the previous review's snapshot of it was prepared, else
 * the previous review's date; with no previous review, the workspace's creation. */
static char *
dup_window_start (AnnexDatabase    *db,
                  AnnexReview      *previous,
                  AnnexReviewInput  input)
{
  g_autofree char *created = NULL;

  if (previous != NULL)
    {
      g_autoptr(JsonNode) root = parse_root (annex_review_get_inputs_json (previous), NULL);
      const char *prepared = root != NULL ? get_string (root_get_input (root, input), "prepared")
                                          : NULL;

      if (prepared != NULL)
        return g_strdup (prepared);
      if (annex_review_get_date (previous) != NULL)
        return g_strdup (annex_review_get_date (previous));
    }

  created = annex_database_dup_setting (db, "created");
  /* Before every entry of the history: "0" sorts before any date. */
  return created != NULL ? g_steal_pointer (&created) : g_strdup ("0");
}

static gboolean
prepare_input (Prep              *prep,
               AnnexReviewInput   input,
               GError           **error)
{
  switch (input)
    {
    case ANNEX_REVIEW_INPUT_ACTIONS:
      return prepare_actions (prep, error);
    case ANNEX_REVIEW_INPUT_ISSUES:
      return prepare_issues (prep, error);
    case ANNEX_REVIEW_INPUT_PARTIES:
      return prepare_parties (prep, error);
    case ANNEX_REVIEW_INPUT_PERFORMANCE:
      return prepare_performance (prep, error);
    case ANNEX_REVIEW_INPUT_FEEDBACK:
      return prepare_feedback (prep, error);
    case ANNEX_REVIEW_INPUT_RISKS:
      return prepare_risks (prep, error);
    case ANNEX_REVIEW_INPUT_IMPROVEMENT:
      return prepare_improvement (prep, error);
    case ANNEX_REVIEW_N_INPUTS:
    default:
      g_assert_not_reached ();
    }
}

/* Prepares the inputs @first … @last of @self into its JSON and saves it. */
static gboolean
prepare_range (AnnexRegister     *reviews,
               AnnexReview       *self,
               AnnexReviewInput   first,
               AnnexReviewInput   last,
               const char        *today,
               GError           **error)
{
  AnnexDatabase *db = annex_register_get_database (reviews);
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *own_today = NULL;
  g_autofree char *now = dup_now_utc ();
  g_autofree char *old_json = NULL;
  g_autofree char *old_status = NULL;
  g_autofree char *json = NULL;
  AnnexReview *previous;
  JsonObject *inputs;

  g_return_val_if_fail (ANNEX_IS_REGISTER (reviews), FALSE);
  g_return_val_if_fail (ANNEX_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (annex_record_get_id (ANNEX_RECORD (self)) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (annex_review_is_signed_off (self))
    {
      g_autofree char *message =
        _annex_review_dup_locked_message (annex_record_get_reference (ANNEX_RECORD (self)));

      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID, message);
      return FALSE;
    }
  if (!_annex_review_check_unlocked (db, annex_record_get_id (ANNEX_RECORD (self)), TRUE, error))
    return FALSE;

  if (today == NULL)
    today = own_today = annex_field_dup_today ();

  /* A snapshot that cannot be read is replaced rather than blocking the preparation. */
  root = parse_root (annex_review_get_inputs_json (self), NULL);
  if (root == NULL)
    root = parse_root (NULL, NULL);
  inputs = get_object (json_node_get_object (root), "inputs");

  previous = annex_review_find_previous (G_LIST_MODEL (reviews), self);

  /* Every input reads the same state of the workspace. */
  if (!annex_database_begin (db, error))
    return FALSE;

  for (guint input = first; input <= last; input++)
    {
      Prep prep = { 0, };
      JsonObject *old = get_object (inputs, input_info[input].letter);
      JsonObject *object;

      prep.db = db;
      prep.review = self;
      prep.today = today;
      prep.previous = previous != NULL
                      ? g_strdup (annex_record_get_reference (ANNEX_RECORD (previous))) : NULL;
      prep.since = dup_window_start (db, previous, input);
      /* The dates of the registers (an audit's, an action's completion) may lie before the
       * workspace was created: the first review sees all of them. */
      prep.since_day = previous != NULL ? g_strndup (prep.since, 10) : g_strdup ("0000-00-00");
      prep.lines = json_array_new ();
      prep.data = json_object_new ();

      if (!prepare_input (&prep, input, error))
        {
          prep_clear (&prep);
          annex_database_rollback (db);
          return FALSE;
        }

      object = json_object_new ();
      json_object_set_string_member (object, "prepared", now);
      json_object_set_string_member (object, "since", prep.since);
      set_string (object, "previous", prep.previous);
      set_string (object, "summary", prep.summary);
      json_object_set_array_member (object, "lines", g_steal_pointer (&prep.lines));
      json_object_set_object_member (object, "data", g_steal_pointer (&prep.data));
      set_string (object, "notes", get_string (old, "notes"));
      set_string (object, "annotation", get_string (old, "annotation"));
      json_object_set_object_member (inputs, input_info[input].letter, object);

      prep_clear (&prep);
    }

  json = json_to_string (root, FALSE);
  old_json = g_strdup (annex_review_get_inputs_json (self));
  old_status = g_strdup (annex_review_get_status (self));

  annex_record_set_string (ANNEX_RECORD (self), "inputs", json);
  if (g_strcmp0 (old_status, "planned") == 0)
    annex_record_set_string (ANNEX_RECORD (self), "status", "prepared");

  if (!annex_register_save (reviews, ANNEX_RECORD (self), error))
    {
      annex_database_rollback (db);
      annex_record_set_string (ANNEX_RECORD (self), "inputs", old_json);
      annex_record_set_string (ANNEX_RECORD (self), "status", old_status);
      return FALSE;
    }

  if (!annex_database_commit (db, error))
    {
      annex_record_set_string (ANNEX_RECORD (self), "inputs", old_json);
      annex_record_set_string (ANNEX_RECORD (self), "status", old_status);
      return FALSE;
    }

  return TRUE;
}

/**
 * annex_review_prepare_inputs:
 * @reviews: the register of reviews
 * @self: a saved review of @reviews
 * @today: (nullable): "YYYY-MM-DD", or %NULL for the local date now
 * @error: return location for a #GError
 *
 * Returns: %TRUE when every input is prepared and the review saved
 */
gboolean
annex_review_prepare_inputs (AnnexRegister  *reviews,
                             AnnexReview    *self,
                             const char     *today,
                             GError        **error)
{
  return prepare_range (reviews, self, 0, ANNEX_REVIEW_N_INPUTS - 1, today, error);
}

gboolean
annex_review_refresh_input (AnnexRegister     *reviews,
                            AnnexReview       *self,
                            AnnexReviewInput   input,
                            const char        *today,
                            GError           **error)
{
  g_return_val_if_fail (input < ANNEX_REVIEW_N_INPUTS, FALSE);
  return prepare_range (reviews, self, input, input, today, error);
}

static void
set_input_text (AnnexReview      *self,
                AnnexReviewInput  input,
                const char       *member,
                const char       *text)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  JsonObject *inputs;
  JsonObject *object;

  root = parse_root (annex_review_get_inputs_json (self), NULL);
  if (root == NULL)
    root = parse_root (NULL, NULL);
  inputs = get_object (json_node_get_object (root), "inputs");
  object = get_object (inputs, input_info[input].letter);
  if (object == NULL)
    {
      object = json_object_new ();
      json_object_set_object_member (inputs, input_info[input].letter, object);
    }

  set_string (object, member, annex_field_text_is_blank (text) ? NULL : text);
  json = json_to_string (root, FALSE);
  annex_record_set_string (ANNEX_RECORD (self), "inputs", json);
}

void
annex_review_set_input_notes (AnnexReview      *self,
                              AnnexReviewInput  input,
                              const char       *notes)
{
  g_return_if_fail (ANNEX_IS_REVIEW (self));
  g_return_if_fail (input < ANNEX_REVIEW_N_INPUTS);
  set_input_text (self, input, "notes", notes);
}

void
annex_review_set_input_annotation (AnnexReview      *self,
                                   AnnexReviewInput  input,
                                   const char       *annotation)
{
  g_return_if_fail (ANNEX_IS_REVIEW (self));
  g_return_if_fail (input < ANNEX_REVIEW_N_INPUTS);
  set_input_text (self, input, "annotation", annotation);
}
