/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-scale-bench.c: one large workspace (100,000 risks, 10,000 assets, 5,000 actions, 2,000
 * nonconformities by default), written fast with plain SQL inserts and then used through the
 * model as a user would: open, load each register (on the calling thread and on a worker),
 * filter and sort the risks, the heat-map counts, the readiness checks, search everywhere, the
 * SoA and risk-register exports and the peak memory; each figure beside a plain SQLite read in
 * the same run, with the ratio. For humans, not run by the tests (`make bench-scale`). */

#define G_LOG_DOMAIN "annex-scale-bench"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "annex-action.h"
#include "annex-asset.h"
#include "annex-database.h"
#include "annex-nonconformity.h"
#include "annex-readiness.h"
#include "annex-record.h"
#include "annex-register.h"
#include "annex-report.h"
#include "annex-risk-register.h"
#include "annex-risk.h"
#include "annex-search.h"

typedef double (*MeasureFunc) (const char *path,
                               gpointer    user_data);

static int repeat = 5;

static const char * const threats[] = {
  "Ransomware on", "Theft of", "Outage of", "Misconfiguration of", "Data leak from",
  "Phishing against", "Insider misuse of", "Fire damage to", "Unpatched flaws in",
  "Supplier failure for",
};
static const char * const objects[] = {
  "the file server", "the mail server", "firewall rules", "staff laptops", "the VPN gateway",
  "the HR database", "backup tapes", "the web server", "access reviews", "supplier contracts",
  "the database server", "mobile phones", "the print server", "the wiki", "door badges",
  "the payroll system",
};
static const char * const verbs[] = {
  "Patch", "Replace", "Review", "Harden", "Back up", "Encrypt", "Document", "Audit",
  "Monitor", "Decommission", "Segment", "Test restore of",
};
static const char * const owners[] = {
  "IT lead", "CISO", "HR manager", "Facilities", "Finance", "Service desk", "DPO",
};
static const char * const categories[] = {
  "Technical", "Organizational", "People", "Physical", "Supplier", "Legal",
};
static const char * const treatments[] = { "modify", "retain", "avoid", "share" };
static const char * const risk_statuses[] = {
  "identified", "assessed", "treated", "accepted", "closed",
};
static const char * const asset_types[] = {
  "information", "software", "hardware", "service", "people", "site", "supplier",
};
static const char * const action_statuses[] = { "open", "in-progress", "done", "cancelled" };
static const char * const origins[] = {
  "other", "risk-treatment", "corrective-action", "audit", "management-review",
};
static const char * const nc_sources[] = {
  "audit", "incident", "management-review", "complaint", "other",
};
static const char * const nc_statuses[] = { "open", "action-planned", "awaiting-check", "closed" };

typedef struct
{
  guint n_risks;
  guint n_assets;
  guint n_actions;
  guint n_ncs;
} Sizes;

/* ---- Helpers (as in annex-bench.c) ---------------------------------------------------------- */

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
      g_printerr ("annex-scale-bench: %s: %s\n", what, error->message);
      exit (1);
    }
}

static void
die_on_sqlite (sqlite3    *db,
               int         rc,
               const char *what)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      g_printerr ("annex-scale-bench: %s: %s\n", what, sqlite3_errmsg (db));
      exit (1);
    }
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

static AnnexDatabase *
open_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  AnnexDatabase *db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);

  die_on_error (error, "open");
  return db;
}

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

/* ---- Setup: plain SQL inserts into a workspace the store created ------------------------------ */

static sqlite3_stmt *
prepare_insert (sqlite3    *db,
                const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  die_on_sqlite (db, sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), "prepare insert");
  return stmt;
}

static void
step_insert (sqlite3      *db,
             sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    die_on_sqlite (db, rc == SQLITE_ROW ? SQLITE_ERROR : rc, "insert");
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static void
random_date (GRand *rand,
             char   out[11],
             int    first_year,
             int    last_year)
{
  g_snprintf (out, 11, "%04d-%02d-%02d", g_rand_int_range (rand, first_year, last_year + 1),
              g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
}

static guint
random_level (GRand *rand)
{
  /* One in twenty not assessed. */
  return g_rand_int_range (rand, 0, 20) == 0 ? 0 : (guint) g_rand_int_range (rand, 1, 6);
}

static void
insert_assets (sqlite3 *db,
               GRand   *rand,
               guint    n)
{
  sqlite3_stmt *stmt = prepare_insert (db,
    "INSERT INTO assets (id, reference, created, updated, name, type, owner, location, "
    "classification, confidentiality, integrity, availability, notes) "
    "VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, ?7, ?8, 'high', 'medium', 'high', ?9)");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *reference = g_strdup_printf ("AS-%03u", i + 1);
      g_autofree char *name = g_strdup_printf ("%s %u", PICK (rand, objects) + 4, i + 1);
      g_autofree char *notes = g_strdup_printf ("Asset %u, kept in the inventory since the "
                                                "first audit.", i + 1);

      sqlite3_bind_int64 (stmt, 1, i + 1);
      bind_text (stmt, 2, reference);
      bind_text (stmt, 3, "2026-01-15T09:00:00.000000Z");
      bind_text (stmt, 4, name);
      bind_text (stmt, 5, PICK (rand, asset_types));
      bind_text (stmt, 6, PICK (rand, owners));
      bind_text (stmt, 7, g_rand_boolean (rand) ? "Head office" : "Data centre");
      bind_text (stmt, 8, g_rand_boolean (rand) ? "internal" : "confidential");
      bind_text (stmt, 9, notes);
      step_insert (db, stmt);
    }
  sqlite3_finalize (stmt);
}

/* Each risk concerns one asset (a link) and one in ten relies on an Annex A control. */
static void
insert_risks (sqlite3 *db,
              GRand   *rand,
              guint    n,
              guint    n_assets)
{
  sqlite3_stmt *stmt = prepare_insert (db,
    "INSERT INTO risks (id, reference, created, updated, title, description, owner, category, "
    "inherent_likelihood, inherent_impact, treatment, residual_likelihood, residual_impact, "
    "accepted_by, accepted_on, next_review, status) "
    "VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
  sqlite3_stmt *link = prepare_insert (db,
    "INSERT INTO links (from_table, from_id, to_table, to_id, created) "
    "VALUES ('risks', ?1, ?2, ?3, '2026-01-15T09:00:00.000000Z')");

  for (guint i = 0; i < n; i++)
    {
      const char *threat = PICK (rand, threats);
      const char *object = PICK (rand, objects);
      const char *treatment = PICK (rand, treatments);
      g_autofree char *reference = g_strdup_printf ("R-%03u", i + 1);
      g_autofree char *title = g_strdup_printf ("%s %s", threat, object);
      g_autofree char *description =
        g_strdup_printf ("Risk %u: %s %s would disrupt the services in scope and harm "
                         "customers.", i + 1, threat, object);
      guint il = random_level (rand), ii = random_level (rand);
      gboolean residual = il > 0 && ii > 0 && g_rand_boolean (rand);
      char review[11];

      random_date (rand, review, 2025, 2027);
      sqlite3_bind_int64 (stmt, 1, i + 1);
      bind_text (stmt, 2, reference);
      bind_text (stmt, 3, "2026-01-15T09:00:00.000000Z");
      bind_text (stmt, 4, title);
      bind_text (stmt, 5, description);
      bind_text (stmt, 6, PICK (rand, owners));
      bind_text (stmt, 7, PICK (rand, categories));
      sqlite3_bind_int (stmt, 8, il);
      sqlite3_bind_int (stmt, 9, ii);
      bind_text (stmt, 10, treatment);
      sqlite3_bind_int (stmt, 11, residual ? MAX (1, il - 1) : 0);
      sqlite3_bind_int (stmt, 12, residual ? MAX (1, ii - 1) : 0);
      if (g_str_equal (treatment, "retain") && g_rand_int_range (rand, 0, 4) != 0)
        {
          bind_text (stmt, 13, "CEO");
          bind_text (stmt, 14, "2026-01-15");
        }
      bind_text (stmt, 15, review);
      bind_text (stmt, 16, PICK (rand, risk_statuses));
      step_insert (db, stmt);

      if (n_assets > 0)
        {
          sqlite3_bind_int64 (link, 1, i + 1);
          bind_text (link, 2, "assets");
          sqlite3_bind_int64 (link, 3, g_rand_int_range (rand, 1, n_assets + 1));
          step_insert (db, link);
        }
      if (i % 10 == 0)
        {
          sqlite3_bind_int64 (link, 1, i + 1);
          bind_text (link, 2, "controls");
          sqlite3_bind_int64 (link, 3, g_rand_int_range (rand, 1, 94));
          step_insert (db, link);
        }
    }
  sqlite3_finalize (link);
  sqlite3_finalize (stmt);
}

/* A third of the actions treat a risk (origin reference = the risk). */
static void
insert_actions (sqlite3 *db,
                GRand   *rand,
                guint    n,
                guint    n_risks)
{
  sqlite3_stmt *stmt = prepare_insert (db,
    "INSERT INTO actions (id, reference, created, updated, title, owner, due_date, status, "
    "origin, origin_reference, description, completed_on) "
    "VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");

  for (guint i = 0; i < n; i++)
    {
      const char *verb = PICK (rand, verbs);
      const char *object = PICK (rand, objects);
      const char *status = PICK (rand, action_statuses);
      const char *origin = i % 3 == 0 && n_risks > 0 ? "risk-treatment" : PICK (rand, origins);
      g_autofree char *reference = g_strdup_printf ("A-%03u", i + 1);
      g_autofree char *title = g_strdup_printf ("%s %s", verb, object);
      g_autofree char *origin_reference = NULL;
      g_autofree char *description =
        g_strdup_printf ("Action %u: %s %s before the next surveillance audit.", i + 1, verb,
                         object);
      char due[11];

      if (g_str_equal (origin, "risk-treatment"))
        origin_reference = g_strdup_printf ("R-%03u", g_rand_int_range (rand, 1, n_risks + 1));
      random_date (rand, due, 2025, 2027);
      sqlite3_bind_int64 (stmt, 1, i + 1);
      bind_text (stmt, 2, reference);
      bind_text (stmt, 3, "2026-01-15T09:00:00.000000Z");
      bind_text (stmt, 4, title);
      bind_text (stmt, 5, PICK (rand, owners));
      bind_text (stmt, 6, due);
      bind_text (stmt, 7, status);
      bind_text (stmt, 8, origin);
      if (origin_reference != NULL)
        bind_text (stmt, 9, origin_reference);
      bind_text (stmt, 10, description);
      if (g_str_equal (status, "done"))
        bind_text (stmt, 11, due);
      step_insert (db, stmt);
    }
  sqlite3_finalize (stmt);
}

static void
insert_nonconformities (sqlite3 *db,
                        GRand   *rand,
                        guint    n)
{
  sqlite3_stmt *stmt = prepare_insert (db,
    "INSERT INTO nonconformities (id, reference, created, updated, title, source, grade, "
    "raised_on, owner, description, root_cause, check_date, check_by, check_result, status) "
    "VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");

  for (guint i = 0; i < n; i++)
    {
      const char *object = PICK (rand, objects);
      const char *status = PICK (rand, nc_statuses);
      g_autofree char *reference = g_strdup_printf ("NC-%03u", i + 1);
      g_autofree char *title = g_strdup_printf ("No evidence of reviews for %s", object);
      g_autofree char *description =
        g_strdup_printf ("Nonconformity %u: the records for %s were not kept.", i + 1, object);
      char raised[11];

      random_date (rand, raised, 2025, 2026);
      sqlite3_bind_int64 (stmt, 1, i + 1);
      bind_text (stmt, 2, reference);
      bind_text (stmt, 3, "2026-01-15T09:00:00.000000Z");
      bind_text (stmt, 4, title);
      bind_text (stmt, 5, PICK (rand, nc_sources));
      bind_text (stmt, 6, g_rand_int_range (rand, 0, 5) == 0 ? "major" : "minor");
      bind_text (stmt, 7, raised);
      bind_text (stmt, 8, PICK (rand, owners));
      bind_text (stmt, 9, description);
      if (g_rand_boolean (rand))
        bind_text (stmt, 10, "The procedure did not say who keeps the records.");
      if (g_str_equal (status, "closed") && g_rand_int_range (rand, 0, 4) != 0)
        {
          bind_text (stmt, 11, raised);
          bind_text (stmt, 12, "CISO");
          bind_text (stmt, 13, "effective");
        }
      bind_text (stmt, 14, status);
      step_insert (db, stmt);
    }
  sqlite3_finalize (stmt);
}

static void
create_workspace (const char  *path,
                  const Sizes *sizes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) created = annex_database_create (path, "Scale Ltd", &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (27001);
  sqlite3 *db = NULL;

  die_on_error (error, "create");
  annex_database_close (created);

  die_on_sqlite (db, sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), "open");
  die_on_sqlite (db, sqlite3_exec (db, "PRAGMA foreign_keys = ON; BEGIN", NULL, NULL, NULL),
                 "begin");
  insert_assets (db, rand, sizes->n_assets);
  insert_risks (db, rand, sizes->n_risks, sizes->n_assets);
  insert_actions (db, rand, sizes->n_actions, sizes->n_risks);
  insert_nonconformities (db, rand, sizes->n_ncs);
  die_on_sqlite (db, sqlite3_exec (db, "COMMIT; PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL,
                                   NULL), "commit");
  sqlite3_close (db);
}

/* ---- The plain SQLite reference ------------------------------------------------------------- */

/* The floor: the rows of @table with every column read as text, and nothing else. */
static double
read_sqlite (const char *path,
             const char *table,
             gsize      *n_bytes)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY id", table);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gsize total = 0;
  gint64 start;
  double ms;
  int rc;

  die_on_sqlite (db, sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), "sqlite3_open_v2");

  start = g_get_monotonic_time ();
  die_on_sqlite (db, sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), "prepare");
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
  die_on_sqlite (db, rc, "step");
  sqlite3_close (db);

  if (n_bytes != NULL)
    *n_bytes = total;
  return ms;
}

static double
measure_sqlite (const char *path,
                gpointer    user_data)
{
  return read_sqlite (path, user_data, NULL);
}

/* ---- Open and load -------------------------------------------------------------------------- */

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

typedef struct
{
  GType    type;      /* ANNEX_TYPE_RISK: through an AnnexRiskRegister, as the Risks view */
  gboolean async;
  guint    n_items;
} Load;

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
measure_load (const char *path,
              gpointer    user_data)
{
  g_autoptr(AnnexDatabase) db = open_database (path);
  g_autoptr(AnnexRiskRegister) risks = NULL;
  g_autoptr(AnnexRegister) owned = NULL;
  g_autoptr(GError) error = NULL;
  Load *load = user_data;
  AnnexRegister *reg;
  gint64 start = g_get_monotonic_time ();
  double ms;

  if (load->type == ANNEX_TYPE_RISK)
    {
      risks = annex_risk_register_new (db);
      reg = annex_risk_register_get_register (risks);
    }
  else
    {
      reg = owned = annex_register_new (db, load->type);
    }

  if (load->async)
    {
      AsyncLoad async = { FALSE, NULL };

      annex_register_load_async (reg, NULL, on_load_finished_cb, &async);
      while (!async.done)
        g_main_context_iteration (NULL, TRUE);
      error = async.error;
    }
  else
    {
      annex_register_load (reg, &error);
    }
  ms = elapsed_ms (start);
  die_on_error (error, "load");
  load->n_items = g_list_model_get_n_items (G_LIST_MODEL (reg));

  g_clear_object (&owned);
  g_clear_object (&risks);
  annex_database_close (db);
  return ms;
}

/* ---- Filter, sort, heat map (the risks) ----------------------------------------------------- */

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

static double
measure_filter (const char *path,
                gpointer    user_data)
{
  LoadedRisks loaded;
  GListModel *model;
  Filter *filter = user_data;
  gint64 start;
  double cold_ms;

  load_risks (&loaded, path);
  model = G_LIST_MODEL (annex_risk_register_get_register (loaded.risks));

  start = g_get_monotonic_time ();
  filter->n_matches = filter_pass (model, filter->casefolded_query);
  cold_ms = elapsed_ms (start);

  start = g_get_monotonic_time ();
  filter_pass (model, filter->casefolded_query);
  filter->warm_ms[filter->run++] = elapsed_ms (start);

  unload_risks (&loaded);
  return cold_ms;
}

typedef struct
{
  AnnexRisk *risk;
  char      *key;
  guint      level;
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

  if (x->level != y->level)
    return x->level > y->level ? -1 : 1;
  return (x->risk > y->risk) - (x->risk < y->risk);
}

/* What a GtkSortListModel does with a string sorter (collation keys once per item) or a numeric
 * sorter over "level": read every item, then sort. @user_data: non-NULL to sort by level. */
static double
measure_sort (const char *path,
              gpointer    user_data)
{
  LoadedRisks loaded;
  GListModel *model;
  gboolean by_level = user_data != NULL;
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
      if (by_level)
        items[i].level = annex_risk_get_level (risk);
      else
        items[i].key = g_utf8_collate_key (annex_risk_get_title (risk), -1);
      g_object_unref (risk);  /* the register keeps it */
    }
  g_qsort_with_data (items, n, sizeof (SortItem), by_level ? compare_by_level : compare_by_key,
                     NULL);
  ms = elapsed_ms (start);

  for (guint i = 0; i < n; i++)
    g_free (items[i].key);
  g_free (items);
  unload_risks (&loaded);
  return ms;
}

static double
measure_heat_map (const char *path,
                  gpointer    user_data)
{
  LoadedRisks loaded;
  AnnexRiskHeatMap map;
  GListModel *model;
  AnnexRiskMethod *method;
  guint *n_assessed = user_data;
  gint64 start;
  double ms;

  load_risks (&loaded, path);
  model = G_LIST_MODEL (annex_risk_register_get_register (loaded.risks));
  method = annex_risk_register_get_method (loaded.risks);

  start = g_get_monotonic_time ();
  annex_risk_heat_map_compute (&map, model, method, FALSE);
  annex_risk_heat_map_compute (&map, model, method, TRUE);
  ms = elapsed_ms (start);
  *n_assessed = map.total - map.levels[0];

  unload_risks (&loaded);
  return ms;
}

/* The residual counts of the Overview's heat map, straight from SQL. */
static double
measure_count_sql (const char *path,
                   gpointer    user_data)
{
  g_autoptr(AnnexDatabase) db = open_database (path);
  g_autoptr(AnnexRiskMethod) method = NULL;
  g_autoptr(GError) error = NULL;
  AnnexRiskHeatMap map;
  gint64 start;
  double ms;

  method = annex_risk_method_load (db, &error);
  die_on_error (error, "method");
  start = g_get_monotonic_time ();
  annex_risk_heat_map_count_residual (&map, db, method, &error);
  ms = elapsed_ms (start);
  die_on_error (error, "count");

  annex_database_close (db);
  return ms;
}

/* ---- Readiness, search, exports ------------------------------------------------------------- */

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
  g_autoptr(GError) error = NULL;
  AnnexReadiness *readiness = NULL;
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

  g_clear_pointer (&readiness, annex_readiness_free);
  annex_database_close (db);
  return ms;
}

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

typedef struct
{
  AnnexReportKind    kind;
  AnnexReportFormat  format;
  const char        *dir;
  gboolean           build_only;   /* annex_report_build() alone, no file */
  gint64             size;
} Export;

static double
measure_export (const char *path,
                gpointer    user_data)
{
  g_autoptr(AnnexDatabase) db = open_database (path);
  g_autoptr(GError) error = NULL;
  Export *export = user_data;
  g_autofree char *name = g_strdup_printf ("annex-scale-bench-%s-%d.%s",
                                           annex_report_kind_to_nick (export->kind),
                                           (int) getpid (),
                                           annex_report_format_get_extension (export->format));
  g_autofree char *out = g_build_filename (export->dir, name, NULL);
  GStatBuf st;
  gint64 start;
  double ms;

  start = g_get_monotonic_time ();
  if (export->build_only)
    {
      g_autoptr(AnnexReportDocument) document = NULL;

      document = annex_report_build (db, export->kind, NULL, "2026-06-30", &error);
    }
  else
    {
      annex_report_export (db, export->kind, NULL, export->format, out, &error);
    }
  ms = elapsed_ms (start);
  die_on_error (error, "export");

  export->size = g_stat (out, &st) == 0 ? st.st_size : -1;
  g_unlink (out);
  annex_database_close (db);
  return ms;
}

/* ---- Peak memory ---------------------------------------------------------------------------- */

/* Peak resident set size of this process in kB (VmHWM), or -1. Read from /proc rather than
 * getrusage(): a child's ru_maxrss starts from its parent's peak (Linux keeps it across fork and
 * exec), so only a fresh process's VmHWM tells its own peak. */
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

/* The child's side of the peak-memory figure: the four registers held loaded at once through
 * the model, or the same rows read with plain SQLite. Prints its peak RSS in kB. */
static int
run_rss_child (const char *what,
               const char *path)
{
  static const char * const tables[] = { "risks", "assets", "actions", "nonconformities" };

  if (g_str_equal (what, "sqlite"))
    {
      for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
        read_sqlite (path, tables[i], NULL);
    }
  else
    {
      g_autoptr(AnnexDatabase) db = open_database (path);
      g_autoptr(AnnexRiskRegister) risks = annex_risk_register_new (db);
      g_autoptr(AnnexRegister) assets = annex_register_new (db, ANNEX_TYPE_ASSET);
      g_autoptr(AnnexRegister) actions = annex_register_new (db, ANNEX_TYPE_ACTION);
      g_autoptr(AnnexRegister) ncs = annex_register_new (db, ANNEX_TYPE_NONCONFORMITY);
      g_autoptr(GError) error = NULL;

      if (!annex_register_load (annex_risk_register_get_register (risks), &error) ||
          !annex_register_load (assets, &error) ||
          !annex_register_load (actions, &error) ||
          !annex_register_load (ncs, &error))
        die_on_error (error, "load");
    }

  printf ("%" G_GINT64_FORMAT "\n", peak_rss_kb ());
  return 0;
}

/* Runs this program again as a fresh process doing @what, and returns its peak RSS in kB. */
static gint64
measure_child_rss (const char *self_exe,
                   const char *what,
                   const char *path)
{
  const char *argv[] = { self_exe, "--rss-child", what, path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                     &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    die_on_error (error, what);

  return g_ascii_strtoll (out, NULL, 10);
}

/* ---- Main ----------------------------------------------------------------------------------- */

static void
bench (const char  *self_exe,
       const char  *dir,
       const Sizes *sizes,
       const char  *query,
       gboolean     reuse,
       gboolean     keep,
       gboolean     exports)
{
  static const struct
  {
    const char *label;
    const char *table;
    GType     (*get_type) (void);
  } registers[] = {
    { "risks", "risks", annex_risk_get_type },
    { "assets", "assets", annex_asset_get_type },
    { "actions", "actions", annex_action_get_type },
    { "nonconformities", "nonconformities", annex_nonconformity_get_type },
  };
  g_autofree char *name = g_strdup_printf ("annex-scale-bench-%u-%u-%u-%u.isms", sizes->n_risks,
                                           sizes->n_assets, sizes->n_actions, sizes->n_ncs);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *casefolded = g_utf8_casefold (query, -1);
  g_autofree char *note = NULL;
  g_autofree char *label = NULL;
  Filter filter = { 0 };
  GStatBuf st;
  gint64 start;
  double setup_ms, floor_ms, ms;
  gsize n_bytes = 0;
  guint n_assessed = 0;
  gint64 model_kb, sqlite_kb;

  start = g_get_monotonic_time ();
  if (reuse && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      setup_ms = -1;
    }
  else
    {
      remove_workspace (path);
      create_workspace (path, sizes);
      setup_ms = elapsed_ms (start);
    }
  if (g_stat (path, &st) != 0)
    {
      g_printerr ("annex-scale-bench: %s was not created\n", path);
      exit (1);
    }

  printf ("annex-scale-bench: %u risks, %u assets, %u actions, %u nonconformities in %s "
          "(%.1f MB), SQLite %s, median of %d runs\n",
          sizes->n_risks, sizes->n_assets, sizes->n_actions, sizes->n_ncs, path,
          st.st_size / 1e6, sqlite3_libversion (), repeat);
  if (setup_ms < 0)
    printf ("%-22s %12s   (the workspace of an earlier run in --dir)\n", "setup", "reused");
  else
    printf ("%-22s %9.1f ms   (plain SQL inserts, one transaction; not a measured figure)\n",
            "setup", setup_ms);

  /* The reference for every figure that is not about one smaller register: the whole risk
   * table read with plain SQLite. */
  floor_ms = measure (measure_sqlite, path, (gpointer) "risks");
  read_sqlite (path, "risks", &n_bytes);

  print_figure ("open", measure (measure_open, path, NULL), floor_ms, "annex_database_open");
  print_figure ("  of which validate", measure (measure_validate, path, NULL), floor_ms,
                "annex_database_validate_file");

  for (guint i = 0; i < G_N_ELEMENTS (registers); i++)
    {
      double table_floor = measure (measure_sqlite, path, (gpointer) registers[i].table);
      Load sync = { registers[i].get_type (), FALSE, 0 };
      Load async = { registers[i].get_type (), TRUE, 0 };
      double sync_ms = measure (measure_load, path, &sync);
      double async_ms = measure (measure_load, path, &async);

      g_clear_pointer (&label, g_free);
      g_clear_pointer (&note, g_free);
      label = g_strdup_printf ("load %s", registers[i].label);
      note = g_strdup_printf ("%u rows; plain read of the table %.1f ms", sync.n_items,
                              table_floor);
      print_figure (label, sync_ms, table_floor, note);
      g_clear_pointer (&label, g_free);
      print_figure ("  async", async_ms, table_floor,
                    "annex_register_load_async, until the callback");
      if (sync.n_items != async.n_items)
        {
          g_printerr ("annex-scale-bench: loaded %u (async %u) %s\n", sync.n_items,
                      async.n_items, registers[i].label);
          exit (1);
        }
    }

  filter.casefolded_query = casefolded;
  ms = measure (measure_filter, path, &filter);
  g_clear_pointer (&label, g_free);
  g_clear_pointer (&note, g_free);
  label = g_strdup_printf ("filter \"%s\" cold", query);
  note = g_strdup_printf ("risks: %u of %u match", filter.n_matches, sizes->n_risks);
  print_figure (label, ms, floor_ms, note);
  g_clear_pointer (&label, g_free);
  label = g_strdup_printf ("filter \"%s\" warm", query);
  print_figure (label, median (filter.warm_ms, filter.run), floor_ms, NULL);

  print_figure ("sort by title", measure (measure_sort, path, NULL), floor_ms,
                "collation keys + qsort, as a string sorter");
  print_figure ("sort by level", measure (measure_sort, path, GINT_TO_POINTER (1)), floor_ms,
                "level per risk + qsort, as a numeric sorter");
  ms = measure (measure_heat_map, path, &n_assessed);
  g_clear_pointer (&note, g_free);
  note = g_strdup_printf ("inherent + residual; %u residual assessed", n_assessed);
  print_figure ("heat map counts", ms, floor_ms, note);
  print_figure ("  residual in SQL", measure (measure_count_sql, path, NULL), floor_ms,
                "annex_risk_heat_map_count_residual (the Overview's map)");

  {
    Readiness checks = { FALSE, 0, 0 };
    Readiness overview = { TRUE, 0, 0 };

    ms = measure (measure_readiness, path, &checks);
    g_clear_pointer (&note, g_free);
    note = g_strdup_printf ("annex_readiness_run_checks: %u findings, %u records",
                            checks.n_findings, checks.n_records);
    print_figure ("readiness checks", ms, floor_ms, note);
    print_figure ("  with the score", measure (measure_readiness, path, &overview), floor_ms,
                  "annex_readiness_compute (the Overview)");
  }

  {
    Search search = { query, 0 };
    Search nothing = { "qqzx nomatch", 0 };

    ms = measure (measure_search, path, &search);
    g_clear_pointer (&note, g_free);
    note = g_strdup_printf ("annex_search_run, all registers, %u hits (20 per register)",
                            search.n_hits);
    print_figure ("search everywhere", ms, floor_ms, note);
    print_figure ("  no match", measure (measure_search, path, &nothing), floor_ms,
                  "every row of every register read");
  }

  if (exports)
    {
      static const struct
      {
        const char        *label;
        AnnexReportKind    kind;
        AnnexReportFormat  format;
      } reports[] = {
        { "SoA PDF", ANNEX_REPORT_SOA, ANNEX_REPORT_FORMAT_PDF },
        { "SoA XLSX", ANNEX_REPORT_SOA, ANNEX_REPORT_FORMAT_XLSX },
        { "risk register XLSX", ANNEX_REPORT_RISKS, ANNEX_REPORT_FORMAT_XLSX },
      };

      for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
        {
          Export export = { reports[i].kind, reports[i].format, dir, FALSE, 0 };
          Export build = { reports[i].kind, reports[i].format, dir, TRUE, 0 };

          ms = measure (measure_export, path, &export);
          g_clear_pointer (&note, g_free);
          note = g_strdup_printf ("annex_report_export, %.1f MB", export.size / 1e6);
          print_figure (reports[i].label, ms, floor_ms, note);
          if (reports[i].kind == ANNEX_REPORT_RISKS)
            print_figure ("  of which build", measure (measure_export, path, &build), floor_ms,
                          "annex_report_build, the document before any writer");
        }
    }

  g_clear_pointer (&note, g_free);
  note = g_strdup_printf ("risks: SELECT * + sqlite3_column_text, %.1f MB of text",
                          n_bytes / 1e6);
  print_figure ("plain SQLite read", floor_ms, floor_ms, note);

  model_kb = measure_child_rss (self_exe, "model", path);
  sqlite_kb = measure_child_rss (self_exe, "sqlite", path);
  printf ("%-22s %9.1f MB  %7.2f×   the four registers loaded at once; plain read %.1f MB\n",
          "peak RSS", model_kb / 1024.0, (double) model_kb / sqlite_kb, sqlite_kb / 1024.0);

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
  g_autofree char *query = NULL;
  g_autofree char *self_exe = NULL;
  int n_risks = 100000, n_assets = 10000, n_actions = 5000, n_ncs = 2000;
  gboolean keep = FALSE;
  gboolean no_exports = FALSE;
  Sizes sizes;
  const GOptionEntry entries[] = {
    { "risks", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_risks,
      "Number of risks (default 100000)", "N" },
    { "assets", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_assets,
      "Number of assets (default 10000)", "N" },
    { "actions", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_actions,
      "Number of actions (default 5000)", "N" },
    { "nonconformities", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_ncs,
      "Number of nonconformities (default 2000)", "N" },
    { "dir", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &dir,
      "Folder for the workspace, kept there and reused by the next run of the same size "
      "(default: a temporary folder)", "DIR" },
    { "query", 'q', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &query,
      "Search text for the filter and search (default “server”)", "QUERY" },
    { "repeat", 'r', G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &repeat,
      "Runs per figure; the median is printed (default 5)", "R" },
    { "no-exports", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &no_exports,
      "Leave out the report exports (the slowest figures)", NULL },
    { "keep", 'k', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &keep,
      "Keep the workspace file", NULL },
    G_OPTION_ENTRY_NULL
  };

  /* The peak-memory child (measure_child_rss()): argv = --rss-child WHAT PATH. */
  if (argc == 4 && g_str_equal (argv[1], "--rss-child"))
    return run_rss_child (argv[2], argv[3]);

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                "Creates one workspace with many risks, assets, actions and "
                                "nonconformities (plain SQL inserts), then prints the median "
                                "time to open it, load each register (synchronously and on a "
                                "worker), filter and sort the risks, count the heat maps, run "
                                "the readiness checks, search everywhere and export the SoA and "
                                "the risk register, each with its ratio to a plain SQLite read "
                                "of the risk table (a register's load: of its own table), and "
                                "the peak memory with all four registers loaded.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc > 1)
    {
      g_printerr ("annex-scale-bench: %s\n",
                  error != NULL ? error->message : "unexpected argument");
      return 2;
    }
  if (n_risks < 1 || n_assets < 0 || n_actions < 0 || n_ncs < 0 || repeat < 1 ||
      repeat > 64)
    {
      g_printerr ("annex-scale-bench: counts must be at least 0 (risks 1), R between 1 and 64\n");
      return 2;
    }
  if (query == NULL)
    query = g_strdup ("server");

  self_exe = g_file_read_link ("/proc/self/exe", &error);
  die_on_error (error, "/proc/self/exe");

  if (dir == NULL)
    {
      made_dir = g_dir_make_tmp ("annex-scale-bench-XXXXXX", &error);
      die_on_error (error, "temporary folder");
      dir = g_strdup (made_dir);
    }

  sizes.n_risks = n_risks;
  sizes.n_assets = n_assets;
  sizes.n_actions = n_actions;
  sizes.n_ncs = n_ncs;
  /* A workspace in the caller's folder is kept there and reused by the next run. */
  bench (self_exe, dir, &sizes, query, made_dir == NULL, keep || made_dir == NULL, !no_exports);

  if (made_dir != NULL && !keep)
    g_rmdir (made_dir);

  return 0;
}
