/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-bench.c: measures opening, loading and filtering a large action register, and opening,
 * loading, filtering, sorting and counting (heat map) a large risk register, each against a plain
 * SQLite read of the same rows; for humans, not run by the tests. */

#define G_LOG_DOMAIN "annex-bench"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "annex-action.h"
#include "annex-database.h"
#include "annex-readiness.h"
#include "annex-register.h"
#include "annex-risk-register.h"
#include "annex-risk.h"
#include "annex-search.h"

typedef double (*MeasureFunc) (const char *path,
                               gpointer    user_data);

static int repeat = 5;

/* Titles are built from these, so a typical query ("server") matches a known share of them. */
static const char * const verbs[] = {
  "Patch", "Replace", "Review", "Harden", "Back up", "Encrypt", "Document", "Audit",
  "Monitor", "Decommission", "Segment", "Test restore of",
};
static const char * const objects[] = {
  "the file server", "the mail server", "firewall rules", "staff laptops", "the VPN gateway",
  "the HR database", "backup tapes", "the web server", "access reviews", "supplier contracts",
  "the database server", "mobile phones", "the print server", "the wiki", "door badges",
  "the payroll system",
};
static const char * const owners[] = {
  "IT lead", "CISO", "HR manager", "Facilities", "Finance", "Service desk", "DPO",
};
static const char * const statuses[] = { "open", "in-progress", "done", "cancelled" };
static const char * const origins[] = {
  "other", "risk-treatment", "corrective-action", "audit", "management-review", "objective",
  "incident",
};

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        int     n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  if (n % 2 == 1)
    return values[n / 2];
  return (values[n / 2 - 1] + values[n / 2]) / 2;
}

static void
die_on_error (const GError *error,
              const char   *what)
{
  if (error != NULL)
    {
      g_printerr ("annex-bench: %s: %s\n", what, error->message);
      exit (1);
    }
}

/* Peak resident set size in kB (VmHWM), or -1. */
static gint64
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  if (line == NULL)
    return -1;

  return g_ascii_strtoll (line + strlen ("VmHWM:"), NULL, 10);
}

static void
fill_record (AnnexRecord *record,
             GRand       *rand,
             guint        i)
{
  const char *verb = verbs[g_rand_int_range (rand, 0, G_N_ELEMENTS (verbs))];
  const char *object = objects[g_rand_int_range (rand, 0, G_N_ELEMENTS (objects))];
  g_autofree char *title = g_strdup_printf ("%s %s", verb, object);
  g_autofree char *due = g_strdup_printf ("20%02d-%02d-%02d", g_rand_int_range (rand, 24, 29),
                                          g_rand_int_range (rand, 1, 13),
                                          g_rand_int_range (rand, 1, 29));
  g_autofree char *reference = g_strdup_printf ("R-%03u", g_rand_int_range (rand, 1, 500));
  g_autofree char *lower_verb = g_ascii_strdown (verb, -1);
  g_autofree char *description =
    g_strdup_printf ("Action %u: %s %s before the next surveillance audit, and record the "
                     "evidence in the ISMS.", i + 1, lower_verb, object);
  const char *status = statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))];

  annex_action_set_title (ANNEX_ACTION (record), title);
  annex_record_set_string (record, "owner", owners[g_rand_int_range (rand, 0,
                                                                      G_N_ELEMENTS (owners))]);
  annex_record_set_string (record, "due-date", due);
  annex_record_set_string (record, "status", status);
  annex_record_set_string (record, "origin",
                           origins[g_rand_int_range (rand, 0, G_N_ELEMENTS (origins))]);
  annex_record_set_string (record, "origin-reference", reference);
  annex_record_set_string (record, "description", description);
  if (g_str_equal (status, "done"))
    annex_record_set_string (record, "completed-on", due);
}

/* N actions through the model (validation, references, change history), in one transaction. */
static void
create_workspace (const char *path,
                  guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = annex_database_create (path, "Benchmark Ltd", &error);
  g_autoptr(AnnexRegister) actions = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (27001);

  die_on_error (error, "create");
  actions = annex_register_new (db, ANNEX_TYPE_ACTION);
  annex_register_load (actions, &error);
  die_on_error (error, "load");

  annex_database_begin (db, &error);
  die_on_error (error, "begin");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexRecord) record = annex_register_new_record (actions);

      fill_record (record, rand, i);
      if (!annex_register_add (actions, record, &error))
        die_on_error (error, "add");
    }
  annex_database_commit (db, &error);
  die_on_error (error, "commit");

  g_clear_object (&actions);
  annex_database_close (db);
}

static AnnexDatabase *
open_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  AnnexDatabase *db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);

  die_on_error (error, "open");
  return db;
}

static double
measure_open (const char *path,
              gpointer    user_data)
{
  g_autoptr(AnnexDatabase) db = NULL;
  gint64 start = g_get_monotonic_time ();
  double ms;

  db = open_database (path);
  ms = elapsed_ms (start);
  annex_database_close (db);

  return ms;
}

/* The part of opening that checks the file first (header, version, quick integrity check). */
static double
measure_validate (const char *path,
                  gpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double ms;

  annex_database_validate_file (path, NULL, &error);
  ms = elapsed_ms (start);
  die_on_error (error, "validate");

  return ms;
}

static double
measure_load (const char *path,
              gpointer    user_data)
{
  g_autoptr(AnnexDatabase) db = open_database (path);
  g_autoptr(AnnexRegister) actions = annex_register_new (db, ANNEX_TYPE_ACTION);
  g_autoptr(GError) error = NULL;
  guint *n_items = user_data;
  gint64 start = g_get_monotonic_time ();
  double ms;

  annex_register_load (actions, &error);
  ms = elapsed_ms (start);
  die_on_error (error, "load");
  *n_items = g_list_model_get_n_items (G_LIST_MODEL (actions));

  g_clear_object (&actions);
  annex_database_close (db);
  return ms;
}

typedef struct
{
  gboolean done;
  GError  *error;
} AsyncLoad;

static void
on_load_finished_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  AsyncLoad *load = user_data;

  annex_register_load_finish (ANNEX_REGISTER (source), result, &load->error);
  load->done = TRUE;
}

static double
measure_load_async (const char *path,
                    gpointer    user_data)
{
  g_autoptr(AnnexDatabase) db = open_database (path);
  g_autoptr(AnnexRegister) actions = annex_register_new (db, ANNEX_TYPE_ACTION);
  AsyncLoad load = { FALSE, NULL };
  guint *n_items = user_data;
  gint64 start = g_get_monotonic_time ();
  double ms;

  annex_register_load_async (actions, NULL, on_load_finished_cb, &load);
  while (!load.done)
    g_main_context_iteration (NULL, TRUE);
  ms = elapsed_ms (start);
  die_on_error (load.error, "load_async");
  *n_items = g_list_model_get_n_items (G_LIST_MODEL (actions));

  g_clear_object (&actions);
  annex_database_close (db);
  return ms;
}

typedef struct
{
  const char *casefolded_query;
  double      warm_ms[64];
  int         run;
  guint       n_matches;
} Filter;

static guint
filter_pass (GListModel *model,
             const char *casefolded_query)
{
  guint n = g_list_model_get_n_items (model);
  guint n_matches = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexRecord) record = g_list_model_get_item (model, i);

      if (annex_record_matches (record, casefolded_query))
        n_matches++;
    }

  return n_matches;
}

/* Returns the cold figure (fresh records: the first pass builds any cache) and keeps the warm one
 * (the same records again) in @user_data. */
static double
measure_filter (const char *path,
                gpointer    user_data)
{
  g_autoptr(AnnexDatabase) db = open_database (path);
  g_autoptr(AnnexRegister) actions = annex_register_new (db, ANNEX_TYPE_ACTION);
  g_autoptr(GError) error = NULL;
  Filter *filter = user_data;
  gint64 start;
  double cold_ms;
  guint n_cold, n_warm;

  annex_register_load (actions, &error);
  die_on_error (error, "load");

  start = g_get_monotonic_time ();
  n_cold = filter_pass (G_LIST_MODEL (actions), filter->casefolded_query);
  cold_ms = elapsed_ms (start);

  start = g_get_monotonic_time ();
  n_warm = filter_pass (G_LIST_MODEL (actions), filter->casefolded_query);
  filter->warm_ms[filter->run++] = elapsed_ms (start);

  g_assert (n_cold == n_warm);
  filter->n_matches = n_cold;

  g_clear_object (&actions);
  annex_database_close (db);
  return cold_ms;
}

/* The floor: the same rows with every column read as text, and nothing else. */
static double
read_sqlite (const char *path,
             const char *sql,
             gsize      *n_bytes)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gsize total = 0;
  gint64 start;
  double ms;
  int rc;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_printerr ("annex-bench: sqlite3_open_v2: %s\n", sqlite3_errmsg (db));
      exit (1);
    }

  start = g_get_monotonic_time ();
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_printerr ("annex-bench: prepare: %s\n", sqlite3_errmsg (db));
      exit (1);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int n_columns = sqlite3_column_count (stmt);

      for (int c = 0; c < n_columns; c++)
        {
          const unsigned char *text = sqlite3_column_text (stmt, c);

          if (text != NULL)
            total += sqlite3_column_bytes (stmt, c);
        }
    }
  sqlite3_finalize (stmt);
  ms = elapsed_ms (start);
  if (rc != SQLITE_DONE)
    {
      g_printerr ("annex-bench: step: %s\n", sqlite3_errmsg (db));
      exit (1);
    }
  sqlite3_close (db);

  *n_bytes = total;
  return ms;
}

static double
measure_sqlite (const char *path,
                gpointer    user_data)
{
  return read_sqlite (path, "SELECT * FROM actions ORDER BY id", user_data);
}

static double
measure_sqlite_risks (const char *path,
                      gpointer    user_data)
{
  return read_sqlite (path, "SELECT * FROM risks ORDER BY id", user_data);
}

static double
measure (MeasureFunc  func,
         const char  *path,
         gpointer     user_data)
{
  double values[64];

  for (int i = 0; i < repeat; i++)
    values[i] = func (path, user_data);

  return median (values, repeat);
}

static void
print_figure (const char *label,
              double      ms,
              double      floor_ms,
              const char *note)
{
  printf ("%-22s %9.1f ms  %7.2f×%s%s\n", label, ms, ms / floor_ms,
          note != NULL ? "   " : "", note != NULL ? note : "");
}

static void
remove_workspace (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* ---- Risks -------------------------------------------------------------------------------- */

static const char * const threats[] = {
  "Ransomware on", "Theft of", "Outage of", "Misconfiguration of", "Data leak from",
  "Phishing against", "Insider misuse of", "Fire damage to", "Unpatched flaws in",
  "Supplier failure for",
};
static const char * const categories[] = {
  "Technical", "Organizational", "People", "Physical", "Supplier", "Legal",
};
static const char * const treatments[] = { "modify", "retain", "avoid", "share" };
static const char * const risk_statuses[] = {
  "identified", "assessed", "treated", "accepted", "closed",
};

static guint
random_level (GRand *rand)
{
  /* One in twenty not assessed. */
  return g_rand_int_range (rand, 0, 20) == 0 ? 0 : (guint) g_rand_int_range (rand, 1, 6);
}

static void
fill_risk (AnnexRecord *record,
           GRand       *rand,
           guint        i)
{
  AnnexRisk *risk = ANNEX_RISK (record);
  const char *threat = threats[g_rand_int_range (rand, 0, G_N_ELEMENTS (threats))];
  const char *object = objects[g_rand_int_range (rand, 0, G_N_ELEMENTS (objects))];
  g_autofree char *title = g_strdup_printf ("%s %s", threat, object);
  g_autofree char *description =
    g_strdup_printf ("Risk %u: %s %s would disrupt the services in scope and harm customers.",
                     i + 1, threat, object);
  const char *treatment = treatments[g_rand_int_range (rand, 0, G_N_ELEMENTS (treatments))];
  guint il = random_level (rand), ii = random_level (rand);

  annex_risk_set_title (risk, title);
  annex_record_set_string (record, "description", description);
  annex_record_set_string (record, "owner", owners[g_rand_int_range (rand, 0,
                                                                      G_N_ELEMENTS (owners))]);
  annex_record_set_string (record, "category",
                           categories[g_rand_int_range (rand, 0, G_N_ELEMENTS (categories))]);
  annex_risk_set_inherent (risk, il, ii);
  if (il > 0 && ii > 0 && g_rand_boolean (rand))
    annex_risk_set_residual (risk, MAX (1, il - 1), MAX (1, ii - 1));
  annex_record_set_string (record, "treatment", treatment);
  if (g_str_equal (treatment, "retain"))
    {
      annex_record_set_string (record, "accepted-by", "CEO");
      annex_record_set_string (record, "accepted-on", "2026-01-15");
    }
  annex_record_set_string (record, "status",
                           risk_statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (risk_statuses))]);
}

static void
create_risk_workspace (const char *path,
                       guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = annex_database_create (path, "Benchmark Ltd", &error);
  g_autoptr(AnnexRiskRegister) risks = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (27005);
  AnnexRegister *reg;

  die_on_error (error, "create");
  risks = annex_risk_register_new (db);
  reg = annex_risk_register_get_register (risks);
  annex_register_load (reg, &error);
  die_on_error (error, "load");

  annex_database_begin (db, &error);
  die_on_error (error, "begin");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexRecord) record = annex_register_new_record (reg);

      fill_risk (record, rand, i);
      if (!annex_register_add (reg, record, &error))
        die_on_error (error, "add risk");
    }
  annex_database_commit (db, &error);
  die_on_error (error, "commit");

  g_clear_object (&risks);
  annex_database_close (db);
}

/* The loaded risk register of a freshly opened workspace. */
typedef struct
{
  AnnexDatabase     *db;
  AnnexRiskRegister *risks;
} LoadedRisks;

static void
load_risks (LoadedRisks *loaded,
            const char  *path)
{
  g_autoptr(GError) error = NULL;

  loaded->db = open_database (path);
  loaded->risks = annex_risk_register_new (loaded->db);
  annex_register_load (annex_risk_register_get_register (loaded->risks), &error);
  die_on_error (error, "load risks");
}

static void
unload_risks (LoadedRisks *loaded)
{
  g_clear_object (&loaded->risks);
  annex_database_close (loaded->db);
  g_clear_object (&loaded->db);
}

static double
measure_risk_load (const char *path,
                   gpointer    user_data)
{
  g_autoptr(AnnexDatabase) db = open_database (path);
  g_autoptr(AnnexRiskRegister) risks = NULL;
  g_autoptr(GError) error = NULL;
  guint *n_items = user_data;
  gint64 start = g_get_monotonic_time ();
  double ms;

  /* The register as the Risks view makes it: with its method, set on every risk. */
  risks = annex_risk_register_new (db);
  annex_register_load (annex_risk_register_get_register (risks), &error);
  ms = elapsed_ms (start);
  die_on_error (error, "load");
  *n_items = g_list_model_get_n_items (G_LIST_MODEL (annex_risk_register_get_register (risks)));

  g_clear_object (&risks);
  annex_database_close (db);
  return ms;
}

static double
measure_risk_load_async (const char *path,
                         gpointer    user_data)
{
  g_autoptr(AnnexDatabase) db = open_database (path);
  g_autoptr(AnnexRiskRegister) risks = annex_risk_register_new (db);
  AnnexRegister *reg = annex_risk_register_get_register (risks);
  AsyncLoad load = { FALSE, NULL };
  guint *n_items = user_data;
  gint64 start = g_get_monotonic_time ();
  double ms;

  annex_register_load_async (reg, NULL, on_load_finished_cb, &load);
  while (!load.done)
    g_main_context_iteration (NULL, TRUE);
  ms = elapsed_ms (start);
  die_on_error (load.error, "load_async");
  *n_items = g_list_model_get_n_items (G_LIST_MODEL (reg));

  g_clear_object (&risks);
  annex_database_close (db);
  return ms;
}

static double
measure_risk_filter (const char *path,
                     gpointer    user_data)
{
  LoadedRisks loaded;
  GListModel *model;
  Filter *filter = user_data;
  gint64 start;
  double cold_ms;
  guint n_cold, n_warm;

  load_risks (&loaded, path);
  model = G_LIST_MODEL (annex_risk_register_get_register (loaded.risks));

  start = g_get_monotonic_time ();
  n_cold = filter_pass (model, filter->casefolded_query);
  cold_ms = elapsed_ms (start);

  start = g_get_monotonic_time ();
  n_warm = filter_pass (model, filter->casefolded_query);
  filter->warm_ms[filter->run++] = elapsed_ms (start);

  g_assert (n_cold == n_warm);
  filter->n_matches = n_cold;

  unload_risks (&loaded);
  return cold_ms;
}

typedef struct
{
  AnnexRisk *risk;
  char      *key;     /* title sort: collation key */
  guint      level;   /* level sort */
} SortItem;

static int
compare_by_key (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const SortItem *x = a, *y = b;

  return strcmp (x->key, y->key);
}

static int
compare_by_level (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const SortItem *x = a, *y = b;

  /* Highest first, then in register order (a stable tie-break, as a sorter needs). */
  if (x->level != y->level)
    return x->level > y->level ? -1 : 1;
  return (x->risk > y->risk) - (x->risk < y->risk);
}

typedef struct
{
  gboolean by_level;
} Sort;

/* The sort a GtkSortListModel does with a GtkStringSorter (collation keys, computed once per
 * item) or a GtkNumericSorter over "level": read every item, then sort the array. */
static double
measure_risk_sort (const char *path,
                   gpointer    user_data)
{
  LoadedRisks loaded;
  GListModel *model;
  Sort *sort = user_data;
  SortItem *items;
  guint n;
  gint64 start;
  double ms;

  load_risks (&loaded, path);
  model = G_LIST_MODEL (annex_risk_register_get_register (loaded.risks));
  n = g_list_model_get_n_items (model);
  items = g_new0 (SortItem, n);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      AnnexRisk *risk = g_list_model_get_item (model, i);

      items[i].risk = risk;
      if (sort->by_level)
        items[i].level = annex_risk_get_level (risk);
      else
        items[i].key = g_utf8_collate_key (annex_risk_get_title (risk), -1);
      g_object_unref (risk);  /* the register keeps it */
    }
  g_qsort_with_data (items, n, sizeof (SortItem),
                     sort->by_level ? compare_by_level : compare_by_key, NULL);
  ms = elapsed_ms (start);

  for (guint i = 0; i < n; i++)
    g_free (items[i].key);
  g_free (items);
  unload_risks (&loaded);
  return ms;
}

static double
measure_risk_heat_map (const char *path,
                       gpointer    user_data)
{
  LoadedRisks loaded;
  AnnexRiskHeatMap map;
  guint *n_assessed = user_data;
  gint64 start;
  double ms;

  load_risks (&loaded, path);

  start = g_get_monotonic_time ();
  annex_risk_heat_map_compute (&map, G_LIST_MODEL (annex_risk_register_get_register (loaded.risks)),
                               annex_risk_register_get_method (loaded.risks), FALSE);
  annex_risk_heat_map_compute (&map, G_LIST_MODEL (annex_risk_register_get_register (loaded.risks)),
                               annex_risk_register_get_method (loaded.risks), TRUE);
  ms = elapsed_ms (start);
  *n_assessed = map.total - map.levels[0];

  unload_risks (&loaded);
  return ms;
}

/* The same counts straight from SQL, for comparison. */
static double
measure_risk_count_sql (const char *path,
                        gpointer    user_data)
{
  g_autoptr(AnnexDatabase) db = open_database (path);
  g_autoptr(AnnexRiskMethod) method = NULL;
  g_autoptr(GError) error = NULL;
  guint counts[ANNEX_RISK_METHOD_MAX_LEVELS + 1];
  gint64 start;
  double ms;

  method = annex_risk_method_load (db, &error);
  die_on_error (error, "method");
  start = g_get_monotonic_time ();
  annex_risk_count_residual_levels (db, method, counts, &error);
  ms = elapsed_ms (start);
  die_on_error (error, "count");

  annex_database_close (db);
  return ms;
}

/* The readiness checks (what `annex check` runs) and the whole Overview computation, in SQL
 * over the stored workspace. */
typedef struct
{
  gboolean with_score;
  guint    n_findings;
  guint    n_records;
} Readiness;

static double
measure_readiness (const char *path,
                   gpointer    user_data)
{
  g_autoptr(AnnexDatabase) db = open_database (path);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(AnnexReadiness) readiness = NULL;
  g_autoptr(GError) error = NULL;
  Readiness *result = user_data;
  gint64 start;
  double ms;

  start = g_get_monotonic_time ();
  if (result->with_score)
    {
      readiness = annex_readiness_compute (db, "2026-06-30", &error);
      die_on_error (error, "readiness");
      findings = g_ptr_array_ref (readiness->findings);
    }
  else
    {
      findings = annex_readiness_run_checks (db, "2026-06-30", &error);
      die_on_error (error, "checks");
    }
  ms = elapsed_ms (start);

  result->n_findings = findings->len;
  result->n_records = 0;
  for (guint i = 0; i < findings->len; i++)
    result->n_records += ((AnnexCheckFinding *) g_ptr_array_index (findings, i))->records->len;

  annex_database_close (db);
  return ms;
}

/* Search everywhere (every register, at most 20 hits each) for the query, and for words
 * that match nothing (the worst case: every row of every register is read). */
typedef struct
{
  const char *query;
  guint       n_hits;
} Search;

static double
measure_search (const char *path,
                gpointer    user_data)
{
  g_autoptr(AnnexDatabase) db = open_database (path);
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;
  Search *search = user_data;
  gint64 start;
  double ms;

  start = g_get_monotonic_time ();
  groups = annex_search_run (db, search->query, 20, &error);
  ms = elapsed_ms (start);
  die_on_error (error, "search");

  search->n_hits = 0;
  for (guint i = 0; i < groups->len; i++)
    search->n_hits += ((AnnexSearchGroup *) g_ptr_array_index (groups, i))->hits->len;

  annex_database_close (db);
  return ms;
}

static void
bench_risks (const char *dir,
             guint       count,
             const char *query,
             gboolean    keep)
{
  g_autofree char *path = g_strdup_printf ("%s/annex-bench-risks-%u-%d.isms", dir, count,
                                           (int) getpid ());
  g_autofree char *casefolded = g_utf8_casefold (query, -1);
  g_autofree char *label = NULL;
  g_autofree char *note = NULL;
  Filter filter = { 0 };
  Sort by_title = { FALSE }, by_level = { TRUE };
  GStatBuf st;
  gint64 start;
  double setup_ms, floor_ms;
  guint n_loaded = 0, n_async = 0, n_assessed = 0;
  gsize n_bytes = 0;

  remove_workspace (path);
  start = g_get_monotonic_time ();
  create_risk_workspace (path, count);
  setup_ms = elapsed_ms (start);
  if (g_stat (path, &st) != 0)
    {
      g_printerr ("annex-bench: %s was not created\n", path);
      exit (1);
    }

  printf ("\nannex-bench: %u risks in %s (%.1f MB), median of %d runs\n",
          count, path, st.st_size / 1e6, repeat);
  printf ("%-22s %9.1f ms   (through the model, one transaction; not a measured figure)\n",
          "setup", setup_ms);

  floor_ms = measure (measure_sqlite_risks, path, &n_bytes);
  print_figure ("open", measure (measure_open, path, NULL), floor_ms, "annex_database_open");
  print_figure ("load", measure (measure_risk_load, path, &n_loaded), floor_ms,
                "AnnexRiskRegister + annex_register_load");
  print_figure ("load async", measure (measure_risk_load_async, path, &n_async), floor_ms,
                "annex_register_load_async, until the callback");
  if (n_loaded != count || n_async != count)
    {
      g_printerr ("annex-bench: loaded %u (async %u) of %u risks\n", n_loaded, n_async, count);
      exit (1);
    }

  filter.casefolded_query = casefolded;
  {
    double cold_ms = measure (measure_risk_filter, path, &filter);
    double warm_ms = median (filter.warm_ms, filter.run);

    note = g_strdup_printf ("%u of %u match", filter.n_matches, count);
    label = g_strdup_printf ("filter \"%s\" cold", query);
    print_figure (label, cold_ms, floor_ms, note);
    g_clear_pointer (&label, g_free);
    label = g_strdup_printf ("filter \"%s\" warm", query);
    print_figure (label, warm_ms, floor_ms, NULL);
  }

  print_figure ("sort by title", measure (measure_risk_sort, path, &by_title), floor_ms,
                "collation keys + qsort, as a string sorter");
  print_figure ("sort by level", measure (measure_risk_sort, path, &by_level), floor_ms,
                "level per risk + qsort, as a numeric sorter");
  g_clear_pointer (&note, g_free);
  {
    double heat_ms = measure (measure_risk_heat_map, path, &n_assessed);

    note = g_strdup_printf ("inherent + residual; %u residual assessed", n_assessed);
    print_figure ("heat map counts", heat_ms, floor_ms, note);
  }
  print_figure ("  residual in SQL", measure (measure_risk_count_sql, path, NULL), floor_ms,
                "annex_risk_count_residual_levels (GROUP BY)");
  g_clear_pointer (&note, g_free);
  {
    Readiness checks = { FALSE, 0, 0 };
    Readiness overview = { TRUE, 0, 0 };
    double checks_ms = measure (measure_readiness, path, &checks);

    note = g_strdup_printf ("annex_readiness_run_checks: %u findings, %u records",
                            checks.n_findings, checks.n_records);
    print_figure ("readiness checks", checks_ms, floor_ms, note);
    print_figure ("  with the score", measure (measure_readiness, path, &overview), floor_ms,
                  "annex_readiness_compute (the Overview)");
  }
  g_clear_pointer (&note, g_free);
  {
    Search search = { query, 0 };
    Search nothing = { "qqzx nomatch", 0 };
    double search_ms = measure (measure_search, path, &search);

    note = g_strdup_printf ("annex_search_run, all registers, %u hits (20 per register)",
                            search.n_hits);
    print_figure ("search everywhere", search_ms, floor_ms, note);
    g_clear_pointer (&note, g_free);
    print_figure ("  no match", measure (measure_search, path, &nothing), floor_ms,
                  "every row of every register read");
  }
  g_clear_pointer (&note, g_free);
  note = g_strdup_printf ("SELECT * + sqlite3_column_text, %.1f MB of text", n_bytes / 1e6);
  print_figure ("plain SQLite read", floor_ms, floor_ms, note);
  printf ("%-22s %9.1f MB\n", "peak RSS", peak_rss_kb () / 1024.0);

  if (keep)
    printf ("kept %s\n", path);
  else
    remove_workspace (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *made_dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *query = NULL;
  g_autofree char *casefolded = NULL;
  g_autofree char *label = NULL;
  g_autofree char *note = NULL;
  int count = 100000;
  g_autofree char *risk_counts = NULL;
  g_auto(GStrv) risk_sizes = NULL;
  gboolean keep = FALSE;
  Filter filter = { 0 };
  GStatBuf st;
  gint64 start;
  double setup_ms, floor_ms, open_ms, validate_ms, load_ms, async_ms, cold_ms, warm_ms;
  guint n_loaded = 0, n_async = 0;
  gsize n_bytes = 0;
  const GOptionEntry entries[] = {
    { "count", 'n', G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &count,
      "Number of actions (default 100000; 0: no action figures)", "N" },
    { "risks", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &risk_counts,
      "Sizes of the risk registers, comma-separated (default 10000,100000; 0: none)", "N,…" },
    { "dir", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &dir,
      "Folder for the temporary workspace (default: a new temporary folder)", "DIR" },
    { "query", 'q', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &query,
      "Search text for the filter (default “server”)", "QUERY" },
    { "repeat", 'r', G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &repeat,
      "Runs per figure; the median is printed (default 5)", "R" },
    { "keep", 'k', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &keep,
      "Keep the workspace file", NULL },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                "Creates a workspace with N actions, then prints the median time "
                                "to open it, load its action register (synchronously and on a "
                                "worker), filter it by a search text (cold and warm), and read "
                                "the same rows with plain SQLite, with the ratio of each to that "
                                "plain read. Then the same for workspaces of risks (10,000 and "
                                "100,000 by default), with sorting by title and by level and the "
                                "heat-map counts.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc > 1)
    {
      g_printerr ("annex-bench: %s\n", error != NULL ? error->message : "unexpected argument");
      return 2;
    }
  if (count < 0 || repeat < 1 || repeat > (int) G_N_ELEMENTS (filter.warm_ms))
    {
      g_printerr ("annex-bench: N must be at least 0 and R between 1 and %u\n",
                  (guint) G_N_ELEMENTS (filter.warm_ms));
      return 2;
    }
  if (query == NULL)
    query = g_strdup ("server");

  if (dir == NULL)
    {
      made_dir = g_dir_make_tmp ("annex-bench-XXXXXX", &error);
      die_on_error (error, "temporary folder");
      dir = g_strdup (made_dir);
    }
  path = g_strdup_printf ("%s/annex-bench-%d.isms", dir, (int) getpid ());
  risk_sizes = g_strsplit (risk_counts != NULL ? risk_counts : "10000,100000", ",", -1);
  if (count == 0)
    goto risks;
  remove_workspace (path);

  start = g_get_monotonic_time ();
  create_workspace (path, count);
  setup_ms = elapsed_ms (start);
  if (g_stat (path, &st) != 0)
    {
      g_printerr ("annex-bench: %s was not created\n", path);
      return 1;
    }

  printf ("annex-bench: %d actions in %s (%.1f MB), SQLite %s, median of %d runs\n",
          count, path, st.st_size / 1e6, sqlite3_libversion (), repeat);
  printf ("%-22s %9.1f ms   (through the model, one transaction; not a measured figure)\n",
          "setup", setup_ms);

  floor_ms = measure (measure_sqlite, path, &n_bytes);
  open_ms = measure (measure_open, path, NULL);
  validate_ms = measure (measure_validate, path, NULL);
  load_ms = measure (measure_load, path, &n_loaded);
  async_ms = measure (measure_load_async, path, &n_async);
  casefolded = g_utf8_casefold (query, -1);
  filter.casefolded_query = casefolded;
  cold_ms = measure (measure_filter, path, &filter);
  warm_ms = median (filter.warm_ms, filter.run);

  if (n_loaded != (guint) count || n_async != (guint) count)
    {
      g_printerr ("annex-bench: loaded %u (async %u) of %d actions\n", n_loaded, n_async, count);
      return 1;
    }

  print_figure ("open", open_ms, floor_ms, "annex_database_open");
  print_figure ("  of which validate", validate_ms, floor_ms, "annex_database_validate_file");
  print_figure ("load", load_ms, floor_ms, "annex_register_load");
  print_figure ("load async", async_ms, floor_ms, "annex_register_load_async, until the callback");
  note = g_strdup_printf ("%u of %d match", filter.n_matches, count);
  label = g_strdup_printf ("filter \"%s\" cold", query);
  print_figure (label, cold_ms, floor_ms, note);
  g_clear_pointer (&label, g_free);
  label = g_strdup_printf ("filter \"%s\" warm", query);
  print_figure (label, warm_ms, floor_ms, NULL);
  g_clear_pointer (&note, g_free);
  note = g_strdup_printf ("SELECT * + sqlite3_column_text, %.1f MB of text", n_bytes / 1e6);
  print_figure ("plain SQLite read", floor_ms, floor_ms, note);
  printf ("%-22s %9.1f MB\n", "peak RSS", peak_rss_kb () / 1024.0);

  if (keep)
    printf ("kept %s\n", path);
  else
    remove_workspace (path);

risks:
  for (guint i = 0; risk_sizes[i] != NULL; i++)
    {
      guint64 n = 0;

      if (!g_ascii_string_to_unsigned (risk_sizes[i], 10, 0, G_MAXUINT / 2, &n, &error))
        die_on_error (error, "--risks");
      if (n > 0)
        bench_risks (dir, (guint) n, query, keep);
    }

  if (made_dir != NULL && !keep)
    g_rmdir (made_dir);

  return 0;
}
