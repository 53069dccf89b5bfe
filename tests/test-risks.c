/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-risks.c: the risk method (presets, custom grids, JSON, validation), risks scored with it,
 * the acceptance rule, review date defaults, re-mapping on a method change, links to assets and
 * controls through edits and deletes, the treatment plan, heat-map counts and the change
 * history. */

#define G_LOG_DOMAIN "test-risks"

#include "config.h"

#include <string.h>

#include "annex-action.h"
#include "annex-asset.h"
#include "annex-change-log.h"
#include "annex-database.h"
#include "annex-links.h"
#include "annex-register.h"
#include "annex-risk-method.h"
#include "annex-risk-register.h"
#include "annex-risk.h"
#include "annex-store-error.h"
#include "annex-test-util.h"
#include "annex-treatment-plan.h"

typedef struct
{
  char              *tmpdir;
  char              *path;
  AnnexDatabase     *db;
  AnnexRiskRegister *risks;
  AnnexRegister     *reg;     /* borrowed from risks */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->tmpdir = annex_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->tmpdir, "acme.isms", NULL);
  fixture->db = annex_database_create (fixture->path, "Acme Ltd", &error);
  g_assert_no_error (error);

  fixture->risks = annex_risk_register_new (fixture->db);
  fixture->reg = annex_risk_register_get_register (fixture->risks);
  annex_register_load (fixture->reg, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->risks);
  g_clear_object (&fixture->db);
  annex_test_rm_rf (fixture->tmpdir);
  g_free (fixture->tmpdir);
  g_free (fixture->path);
}

static AnnexRisk *
add_risk (Fixture    *fixture,
          const char *title,
          guint       inherent_l,
          guint       inherent_i,
          guint       residual_l,
          guint       residual_i)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexRecord) record = annex_register_new_record (fixture->reg);
  AnnexRisk *risk = ANNEX_RISK (record);

  annex_risk_set_title (risk, title);
  annex_risk_set_inherent (risk, inherent_l, inherent_i);
  annex_risk_set_residual (risk, residual_l, residual_i);
  annex_register_add (fixture->reg, record, &error);
  g_assert_no_error (error);

  return risk;  /* borrowed: the register keeps it */
}

static guint
count_history (AnnexDatabase *db,
               const char    *table,
               gint64         record_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = annex_change_log_list (db, table, record_id, &error);

  g_assert_no_error (error);
  return entries->len;
}

/* ---- Method ------------------------------------------------------------------------------- */

static void
test_method_presets (void)
{
  static const struct {
    AnnexRiskPreset preset;
    guint n;
    guint threshold;
    guint cells[4][3];  /* likelihood, impact, level */
  } cases[] = {
    { ANNEX_RISK_PRESET_3X3, 3, 1, { { 1, 1, 1 }, { 2, 2, 2 }, { 3, 3, 3 }, { 3, 1, 2 } } },
    { ANNEX_RISK_PRESET_4X4, 4, 1, { { 1, 1, 1 }, { 3, 3, 3 }, { 4, 4, 4 }, { 4, 2, 3 } } },
    { ANNEX_RISK_PRESET_5X5, 5, 2, { { 1, 1, 1 }, { 3, 3, 3 }, { 5, 5, 5 }, { 5, 1, 3 } } },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(AnnexRiskMethod) method = annex_risk_method_new_preset (cases[c].preset);
      g_autoptr(AnnexRisk) risk = annex_risk_new ();
      g_autoptr(GError) error = NULL;

      annex_risk_method_validate (method, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (annex_risk_method_get_n_likelihoods (method), ==, cases[c].n);
      g_assert_cmpuint (annex_risk_method_get_n_impacts (method), ==, cases[c].n);
      g_assert_cmpuint (annex_risk_method_get_n_levels (method), ==, cases[c].n);
      g_assert_cmpuint (annex_risk_method_get_threshold (method), ==, cases[c].threshold);

      /* Every cell holds a level, the grid never decreases along a row or a column. */
      for (guint l = 1; l <= cases[c].n; l++)
        for (guint i = 1; i <= cases[c].n; i++)
          {
            guint level = annex_risk_method_get_level (method, l, i);

            g_assert_cmpuint (level, >=, 1);
            g_assert_cmpuint (level, <=, cases[c].n);
            if (l > 1)
              g_assert_cmpuint (level, >=, annex_risk_method_get_level (method, l - 1, i));
            if (i > 1)
              g_assert_cmpuint (level, >=, annex_risk_method_get_level (method, l, i - 1));
          }

      g_assert_cmpuint (annex_risk_method_get_level (method, 0, 1), ==, 0);
      g_assert_cmpuint (annex_risk_method_get_level (method, 1, 0), ==, 0);
      g_assert_cmpuint (annex_risk_method_get_level (method, cases[c].n + 1, 1), ==, 0);
      g_assert_null (annex_risk_method_get_label (method, ANNEX_RISK_SCALE_LEVEL, 0));
      g_assert_null (annex_risk_method_get_color (method, cases[c].n + 1));

      /* A risk scored with the preset. */
      annex_risk_set_method (risk, method);
      for (guint k = 0; k < G_N_ELEMENTS (cases[c].cells); k++)
        {
          guint level = cases[c].cells[k][2];
          g_autofree char *label = NULL;
          g_autofree char *color = NULL;
          g_autofree char *likelihood_label = NULL;
          int inherent_level;

          g_assert_cmpuint (annex_risk_method_get_level (method, cases[c].cells[k][0],
                                                         cases[c].cells[k][1]), ==, level);

          annex_risk_set_inherent (risk, cases[c].cells[k][0], cases[c].cells[k][1]);
          g_object_get (risk,
                        "inherent-level", &inherent_level,
                        "inherent-level-label", &label,
                        "inherent-level-color", &color,
                        "inherent-likelihood-label", &likelihood_label,
                        NULL);
          g_assert_cmpint (inherent_level, ==, level);
          g_assert_cmpstr (label, ==, annex_risk_method_get_label (method, ANNEX_RISK_SCALE_LEVEL,
                                                                   level));
          g_assert_cmpstr (color, ==, annex_risk_method_get_color (method, level));
          g_assert_cmpstr (likelihood_label, ==,
                           annex_risk_method_get_label (method, ANNEX_RISK_SCALE_LIKELIHOOD,
                                                        cases[c].cells[k][0]));
          /* Not assessed after treatment: "level" is the inherent one. */
          g_assert_cmpuint (annex_risk_get_residual_level (risk), ==, 0);
          g_assert_cmpuint (annex_risk_get_level (risk), ==, level);
        }
    }

  /* The default is the 5 × 5 preset, shared. */
  {
    g_autoptr(AnnexRiskMethod) five = annex_risk_method_new_preset (ANNEX_RISK_PRESET_5X5);
    g_autoptr(AnnexRisk) risk = annex_risk_new ();

    g_assert_true (annex_risk_method_equal (five, annex_risk_method_get_default ()));
    g_assert_true (annex_risk_get_method (risk) == annex_risk_method_get_default ());
    g_assert_cmpstr (annex_risk_method_get_label (five, ANNEX_RISK_SCALE_LEVEL, 3), ==, "Medium");
  }
}

static void
test_method_custom (void)
{
  g_autoptr(AnnexRiskMethod) method = annex_risk_method_new_custom (4, 3, 2);
  g_autoptr(AnnexRiskMethod) bad = NULL;
  g_autoptr(AnnexRisk) risk = annex_risk_new ();
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  annex_risk_method_validate (method, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (annex_risk_method_get_n_likelihoods (method), ==, 4);
  g_assert_cmpuint (annex_risk_method_get_n_impacts (method), ==, 3);
  g_assert_cmpuint (annex_risk_method_get_n_levels (method), ==, 2);
  g_assert_cmpuint (annex_risk_method_get_level (method, 1, 1), ==, 1);
  g_assert_cmpuint (annex_risk_method_get_level (method, 4, 3), ==, 2);

  /* A hand-made grid: only likelihood 4 × impact 3 is "Intolerable". */
  for (guint l = 1; l <= 4; l++)
    for (guint i = 1; i <= 3; i++)
      annex_risk_method_set_level (method, l, i, 1);
  annex_risk_method_set_level (method, 4, 3, 2);
  annex_risk_method_set_label (method, ANNEX_RISK_SCALE_LEVEL, 1, "Tolerable");
  annex_risk_method_set_label (method, ANNEX_RISK_SCALE_LEVEL, 2, "Intolerable");
  annex_risk_method_set_color (method, 2, "#a51d2d");
  annex_risk_method_validate (method, &error);
  g_assert_no_error (error);

  g_signal_connect (risk, "notify::inherent-level-label", G_CALLBACK (annex_test_count_cb),
                    &notified);
  annex_risk_set_inherent (risk, 4, 3);
  g_assert_cmpuint (notified, ==, 2);  /* likelihood, then impact */
  notified = 0;
  /* Under the default 5 × 5, 4 × 3 is "High"; the custom method says otherwise. */
  g_assert_cmpuint (annex_risk_get_inherent_level (risk), ==, 4);
  annex_risk_set_method (risk, method);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (annex_risk_get_inherent_level (risk), ==, 2);
  annex_risk_set_inherent (risk, 3, 3);
  g_assert_cmpuint (annex_risk_get_inherent_level (risk), ==, 1);

  /* Validation. */
  bad = annex_risk_method_copy (method);
  annex_risk_method_set_label (bad, ANNEX_RISK_SCALE_IMPACT, 2, "  ");
  g_assert_false (annex_risk_method_validate (bad, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&bad);

  bad = annex_risk_method_copy (method);
  annex_risk_method_set_label (bad, ANNEX_RISK_SCALE_LIKELIHOOD, 2, "likelihood 1");
  g_assert_false (annex_risk_method_validate (bad, &error));
  g_assert_nonnull (strstr (error->message, "likelihood 1"));
  g_clear_error (&error);
  g_clear_object (&bad);

  bad = annex_risk_method_copy (method);
  annex_risk_method_set_color (bad, 1, "green");
  g_assert_false (annex_risk_method_validate (bad, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&bad);

  bad = annex_risk_method_copy (method);
  annex_risk_method_set_level (bad, 2, 2, 3);
  g_assert_false (annex_risk_method_validate (bad, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&bad);

  bad = annex_risk_method_copy (method);
  annex_risk_method_set_threshold (bad, 0);
  g_assert_false (annex_risk_method_validate (bad, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&bad);

  /* Sizes are clamped to 2 … 7. */
  bad = annex_risk_method_new_custom (1, 9, 7);
  g_assert_cmpuint (annex_risk_method_get_n_likelihoods (bad), ==, 2);
  g_assert_cmpuint (annex_risk_method_get_n_impacts (bad), ==, 7);
  annex_risk_method_validate (bad, &error);
  g_assert_no_error (error);
}

static void
test_method_json (void)
{
  static const char * const malformed[] = {
    "",
    "not json",
    "[1, 2]",
    "{\"likelihood\": []}",
    /* a grid row too short */
    "{\"likelihood\":[{\"label\":\"a\"},{\"label\":\"b\"}],\"impact\":[{\"label\":\"x\"},"
    "{\"label\":\"y\"}],\"levels\":[{\"label\":\"lo\",\"color\":\"#00ff00\"},"
    "{\"label\":\"hi\",\"color\":\"#ff0000\"}],\"grid\":[[1,2],[2]],\"threshold\":1}",
    /* a level out of range */
    "{\"likelihood\":[{\"label\":\"a\"},{\"label\":\"b\"}],\"impact\":[{\"label\":\"x\"},"
    "{\"label\":\"y\"}],\"levels\":[{\"label\":\"lo\",\"color\":\"#00ff00\"},"
    "{\"label\":\"hi\",\"color\":\"#ff0000\"}],\"grid\":[[1,2],[2,3]],\"threshold\":1}",
    /* a label that is not text */
    "{\"likelihood\":[{\"label\":1},{\"label\":\"b\"}],\"impact\":[{\"label\":\"x\"},"
    "{\"label\":\"y\"}],\"levels\":[{\"label\":\"lo\",\"color\":\"#00ff00\"},"
    "{\"label\":\"hi\",\"color\":\"#ff0000\"}],\"grid\":[[1,2],[2,2]],\"threshold\":1}",
    /* no threshold */
    "{\"likelihood\":[{\"label\":\"a\"},{\"label\":\"b\"}],\"impact\":[{\"label\":\"x\"},"
    "{\"label\":\"y\"}],\"levels\":[{\"label\":\"lo\",\"color\":\"#00ff00\"},"
    "{\"label\":\"hi\",\"color\":\"#ff0000\"}],\"grid\":[[1,2],[2,2]]}",
    /* from a newer Annex */
    "{\"version\":99}",
  };
  const char *good =
    "{\"likelihood\":[{\"label\":\"a\"},{\"label\":\"b\"}],\"impact\":[{\"label\":\"x\"},"
    "{\"label\":\"y\"}],\"levels\":[{\"label\":\"lo\",\"color\":\"#00ff00\"},"
    "{\"label\":\"hi\",\"color\":\"#ff0000\"}],\"grid\":[[1,2],[2,2]],\"threshold\":1}";

  for (AnnexRiskPreset p = ANNEX_RISK_PRESET_3X3; p <= ANNEX_RISK_PRESET_5X5; p++)
    {
      g_autoptr(AnnexRiskMethod) method = annex_risk_method_new_preset (p);
      g_autoptr(AnnexRiskMethod) back = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *json = NULL;
      g_autofree char *json_again = NULL;

      annex_risk_method_set_label (method, ANNEX_RISK_SCALE_IMPACT, 1, "Kaum “spürbar” \\ \n");
      json = annex_risk_method_to_json (method);
      back = annex_risk_method_new_from_json (json, &error);
      g_assert_no_error (error);
      g_assert_true (annex_risk_method_equal (method, back));
      json_again = annex_risk_method_to_json (back);
      g_assert_cmpstr (json, ==, json_again);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AnnexRiskMethod) method = annex_risk_method_new_from_json (good, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (annex_risk_method_get_level (method, 2, 1), ==, 2);
    g_assert_null (annex_risk_method_get_description (method, ANNEX_RISK_SCALE_IMPACT, 1));
  }

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AnnexRiskMethod) method = annex_risk_method_new_from_json (malformed[i], &error);

      g_assert_null (method);
      g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "The risk method is not valid: "));
    }
}

static void
test_method_load (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexRiskMethod) method = NULL;
  g_autofree char *stored = NULL;
  guint history;
  guint notified = 0;

  /* Unset: the default, nothing written. */
  method = annex_risk_method_load (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_true (annex_risk_method_equal (method, annex_risk_method_get_default ()));
  g_assert_null (annex_database_dup_setting (fixture->db, ANNEX_RISK_METHOD_SETTING));
  g_assert_true (annex_risk_register_get_method (fixture->risks) ==
                 annex_risk_method_get_default ());
  g_assert_null (annex_risk_register_get_method_error (fixture->risks));
  g_clear_object (&method);

  /* Malformed: an error; the register scores with the default and says why; nothing written
   * back. */
  g_signal_connect (fixture->risks, "notify::method", G_CALLBACK (annex_test_count_cb),
                    &notified);
  annex_database_set_setting (fixture->db, ANNEX_RISK_METHOD_SETTING, "{\"grid\": [", &error);
  g_assert_no_error (error);
  history = count_history (fixture->db, NULL, 0);

  method = annex_risk_method_load (fixture->db, &error);
  g_assert_null (method);
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "risk method cannot be read"));
  g_clear_error (&error);

  g_assert_nonnull (annex_risk_register_get_method_error (fixture->risks));
  g_assert_true (annex_risk_register_get_method (fixture->risks) ==
                 annex_risk_method_get_default ());
  stored = annex_database_dup_setting (fixture->db, ANNEX_RISK_METHOD_SETTING);
  g_assert_cmpstr (stored, ==, "{\"grid\": [");
  g_assert_cmpuint (count_history (fixture->db, NULL, 0), ==, history);
  g_assert_cmpuint (notified, ==, 0);

  /* Another writer sets a good method: the register follows it. */
  {
    g_autoptr(AnnexRiskMethod) three = annex_risk_method_new_preset (ANNEX_RISK_PRESET_3X3);
    g_autofree char *json = annex_risk_method_to_json (three);

    annex_database_set_setting (fixture->db, ANNEX_RISK_METHOD_SETTING, json, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (notified, ==, 1);
    g_assert_null (annex_risk_register_get_method_error (fixture->risks));
    g_assert_true (annex_risk_method_equal (annex_risk_register_get_method (fixture->risks),
                                            three));
    method = annex_risk_method_load (fixture->db, &error);
    g_assert_no_error (error);
    g_assert_true (annex_risk_method_equal (method, three));
  }
}

static void
test_remap_value (void)
{
  /* value, n_old, n_new, expected */
  static const guint cases[][4] = {
    { 0, 5, 3, 0 }, { 1, 5, 3, 1 }, { 2, 5, 3, 2 }, { 3, 5, 3, 2 }, { 4, 5, 3, 3 },
    { 5, 5, 3, 3 }, { 1, 3, 5, 1 }, { 2, 3, 5, 3 }, { 3, 3, 5, 5 }, { 2, 4, 5, 2 },
    { 3, 4, 5, 4 }, { 4, 4, 4, 4 }, { 7, 5, 3, 3 }, { 2, 2, 7, 7 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpuint (annex_risk_method_remap_value (cases[i][0], cases[i][1], cases[i][2]), ==,
                      cases[i][3]);
}

/* ---- Risks -------------------------------------------------------------------------------- */

static void
test_acceptance_rule (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexRecord) record = annex_register_new_record (fixture->reg);
  AnnexRisk *risk = ANNEX_RISK (record);

  annex_risk_set_title (risk, "Ransomware on the file servers");
  annex_record_set_string (record, "treatment", "retain");

  /* Default method: threshold "Low" (2). Inherent 3 × 3 = Medium, not yet treated. */
  annex_risk_set_inherent (risk, 3, 3);
  g_assert_false (annex_risk_check_acceptance_on (risk, "2026-01-01", &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "A residual risk above “Low” can only be retained when its owner accepts it: "
                   "fill in Accepted by and Accepted on.");
  g_clear_error (&error);

  g_assert_false (annex_register_add (fixture->reg, record, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->reg)), ==, 0);

  /* The residual risk, when assessed, is what counts: 2 × 2 is Low. */
  annex_risk_set_residual (risk, 2, 2);
  g_assert_true (annex_risk_check_acceptance_on (risk, "2026-01-01", &error));
  g_assert_no_error (error);
  annex_risk_set_residual (risk, 4, 4);

  /* Accepted by the owner: fine; only the name is not enough. */
  annex_record_set_string (record, "accepted-by", "Chief Information Officer");
  g_assert_false (annex_risk_check_acceptance_on (risk, "2026-01-01", NULL));
  annex_record_set_string (record, "accepted-on", "2025-12-01");
  g_assert_true (annex_risk_check_acceptance_on (risk, "2026-01-01", &error));
  g_assert_no_error (error);

  /* The acceptance runs out: a warning, not an error (the risk stays editable). */
  annex_record_set_string (record, "accepted-until", "2026-06-30");
  g_assert_true (annex_risk_check_acceptance_on (risk, "2026-06-30", &error));
  g_assert_no_error (error);
  g_assert_false (annex_risk_is_acceptance_expired_on (risk, "2026-06-30"));
  g_assert_true (annex_risk_check_acceptance_on (risk, "2026-07-01", &error));
  g_assert_no_error (error);
  g_assert_true (annex_risk_is_acceptance_expired_on (risk, "2026-07-01"));

  /* Until before on: never. */
  annex_record_set_string (record, "accepted-until", "2025-11-30");
  g_assert_false (annex_risk_check_acceptance_on (risk, "2025-12-01", &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  annex_record_set_string (record, "accepted-until", NULL);

  annex_register_add (fixture->reg, record, &error);
  g_assert_no_error (error);

  /* Another treatment needs no acceptance; a level at the threshold neither. */
  annex_record_set_string (record, "accepted-by", NULL);
  g_assert_false (annex_register_save (fixture->reg, record, &error));
  g_clear_error (&error);
  annex_record_set_string (record, "treatment", "modify");
  annex_register_save (fixture->reg, record, &error);
  g_assert_no_error (error);
  annex_record_set_string (record, "treatment", "retain");
  annex_risk_set_residual (risk, 1, 2);
  g_assert_false (annex_risk_get_level (risk) > 2);
  annex_register_save (fixture->reg, record, &error);
  g_assert_no_error (error);

  /* Values outside the method's scales are refused. */
  annex_risk_set_inherent (risk, 6, 1);
  g_assert_false (annex_register_save (fixture->reg, record, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Inherent likelihood"));
}

static void
test_review_default (void)
{
  g_autoptr(AnnexRiskMethod) five = annex_risk_method_new_default ();
  g_autoptr(AnnexRiskMethod) three = annex_risk_method_new_preset (ANNEX_RISK_PRESET_3X3);
  static const struct {
    guint level;
    const char *today;
    const char *expected;
  } cases[] = {
    { 5, "2026-01-31", "2026-04-30" },
    { 4, "2026-01-31", "2026-07-31" },
    { 3, "2026-01-31", "2027-01-31" },
    { 1, "2024-02-29", "2025-02-28" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = annex_risk_dup_default_review_date (five, cases[i].level,
                                                                  cases[i].today);

      g_assert_cmpstr (date, ==, cases[i].expected);
    }

  g_assert_null (annex_risk_dup_default_review_date (five, 0, "2026-01-01"));
  g_assert_cmpuint (annex_risk_get_review_months (three, 3), ==, 3);
  g_assert_cmpuint (annex_risk_get_review_months (three, 2), ==, 6);
  g_assert_cmpuint (annex_risk_get_review_months (three, 1), ==, 12);

  /* On a risk: set when it is first assessed, from today; a set date is kept. */
  {
    g_autoptr(AnnexRisk) risk = annex_risk_new ();
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
    g_autofree char *expected = annex_risk_dup_default_review_date (five, 5, today);

    annex_risk_set_inherent (risk, 5, 0);
    g_assert_null (annex_risk_get_next_review (risk));
    annex_risk_set_inherent (risk, 5, 5);
    g_assert_cmpstr (annex_risk_get_next_review (risk), ==, expected);

    annex_record_set_string (ANNEX_RECORD (risk), "next-review", "2030-01-01");
    annex_risk_set_residual (risk, 1, 1);
    g_assert_cmpstr (annex_risk_get_next_review (risk), ==, "2030-01-01");

    g_assert_false (annex_risk_is_review_overdue_on (risk, "2030-01-01"));
    g_assert_true (annex_risk_is_review_overdue_on (risk, "2030-01-02"));
    annex_record_set_string (ANNEX_RECORD (risk), "status", "closed");
    g_assert_false (annex_risk_is_review_overdue_on (risk, "2030-01-02"));
  }
}

static void
test_remap (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexRiskMethod) three = annex_risk_method_new_preset (ANNEX_RISK_PRESET_3X3);
  g_autoptr(GPtrArray) preview = NULL;
  g_autoptr(AnnexRiskRegister) other = NULL;
  g_autofree char *stored = NULL;
  AnnexRisk *a, *b, *d;
  AnnexRiskRemap *remap;
  guint history_before;
  guint notified = 0;

  a = add_risk (fixture, "Laptop stolen", 5, 5, 2, 4);
  b = add_risk (fixture, "Phishing", 1, 1, 0, 0);
  add_risk (fixture, "Not assessed", 0, 0, 0, 0);
  d = add_risk (fixture, "Supplier outage", 3, 2, 0, 0);
  annex_record_set_string (ANNEX_RECORD (d), "treatment", "retain");
  annex_record_set_string (ANNEX_RECORD (d), "accepted-by", "CEO");
  annex_record_set_string (ANNEX_RECORD (d), "accepted-on", "2025-01-01");
  annex_register_save (fixture->reg, ANNEX_RECORD (d), &error);
  g_assert_no_error (error);

  /* Preview: nothing changes yet. */
  preview = annex_risk_register_preview_method (fixture->risks, three);
  g_assert_cmpuint (preview->len, ==, 4);

  remap = g_ptr_array_index (preview, 0);
  g_assert_true (remap->risk == a);
  g_assert_cmpuint (remap->old_inherent[0], ==, 5);
  g_assert_cmpuint (remap->old_inherent[1], ==, 5);
  g_assert_cmpuint (remap->old_inherent[2], ==, 5);
  g_assert_cmpuint (remap->new_inherent[0], ==, 3);
  g_assert_cmpuint (remap->new_inherent[1], ==, 3);
  g_assert_cmpuint (remap->new_inherent[2], ==, 3);
  g_assert_cmpuint (remap->old_residual[2], ==, 3);     /* 2 × 4 Medium … */
  g_assert_cmpuint (remap->new_residual[0], ==, 2);     /* … becomes 2 × 3 */
  g_assert_cmpuint (remap->new_residual[1], ==, 3);
  g_assert_cmpuint (remap->new_residual[2], ==, 3);     /* High */
  g_assert_true (remap->values_changed);
  g_assert_true (remap->level_changed);
  g_assert_null (remap->problem);

  remap = g_ptr_array_index (preview, 1);
  g_assert_false (remap->values_changed);               /* 1 × 1 stays 1 × 1 … */
  g_assert_true (remap->level_changed);                 /* … but "Very low" becomes "Low" */

  remap = g_ptr_array_index (preview, 2);
  g_assert_false (remap->values_changed);
  g_assert_false (remap->level_changed);
  g_assert_cmpuint (remap->new_inherent[2], ==, 0);

  /* d: 3 × 2 (Low, at the default threshold) → 2 × 2 Medium, above the 3 × 3 threshold; it is
   * accepted, so there is no problem. */
  remap = g_ptr_array_index (preview, 3);
  g_assert_cmpuint (remap->new_inherent[2], ==, 2);
  g_assert_null (remap->problem);

  g_assert_cmpuint (annex_risk_get_inherent_likelihood (a), ==, 5);
  g_assert_null (annex_database_dup_setting (fixture->db, ANNEX_RISK_METHOD_SETTING));

  /* Apply. */
  g_signal_connect (a, "notify::inherent-level-label", G_CALLBACK (annex_test_count_cb),
                    &notified);
  history_before = count_history (fixture->db, NULL, 0);
  annex_risk_register_apply_method (fixture->risks, three, &error);
  g_assert_no_error (error);

  g_assert_true (annex_risk_method_equal (annex_risk_register_get_method (fixture->risks), three));
  g_assert_true (annex_risk_get_method (b) == annex_risk_register_get_method (fixture->risks));
  g_assert_cmpuint (annex_risk_get_inherent_likelihood (a), ==, 3);
  g_assert_cmpuint (annex_risk_get_residual_impact (a), ==, 3);
  g_assert_cmpuint (annex_risk_get_residual_level (a), ==, 3);
  g_assert_cmpuint (annex_risk_get_inherent_level (b), ==, 1);
  g_assert_cmpuint (annex_risk_get_inherent_likelihood (d), ==, 2);
  g_assert_cmpuint (notified, >=, 1);

  /* History: the setting, and a (3 values changed) and d (1 changed): not b, not c. */
  g_assert_cmpuint (count_history (fixture->db, NULL, 0), ==, history_before + 3);
  g_assert_cmpuint (count_history (fixture->db, "risks", annex_record_get_id (ANNEX_RECORD (b))),
                    ==, 1);
  g_assert_cmpuint (count_history (fixture->db, "risks", annex_record_get_id (ANNEX_RECORD (a))),
                    ==, 2);
  {
    g_autoptr(GPtrArray) entries = annex_change_log_list (fixture->db, "workspace", 0, &error);
    AnnexChangeEntry *last;

    g_assert_no_error (error);
    last = g_ptr_array_index (entries, entries->len - 1);
    g_assert_nonnull (strstr (last->after, "risk-method"));
    g_assert_nonnull (strstr (last->after, "threshold"));
  }

  /* Stored: a fresh register reads the same. */
  stored = annex_database_dup_setting (fixture->db, ANNEX_RISK_METHOD_SETTING);
  g_assert_nonnull (stored);
  other = annex_risk_register_new (fixture->db);
  annex_register_load (annex_risk_register_get_register (other), &error);
  g_assert_no_error (error);
  {
    AnnexRisk *a2 = annex_test_list_get_item (
      G_LIST_MODEL (annex_risk_register_get_register (other)), 0);

    g_assert_cmpuint (annex_risk_get_inherent_level (a2), ==, 3);
    g_assert_cmpuint (annex_risk_get_residual_likelihood (a2), ==, 2);
    g_assert_true (annex_risk_method_equal (annex_risk_get_method (a2), three));
  }
}

static void
test_remap_refused (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexRiskMethod) strict = annex_risk_method_new_default ();
  g_autoptr(GPtrArray) preview = NULL;
  AnnexRisk *a, *b;
  AnnexRiskRemap *remap;
  guint history_before;

  a = add_risk (fixture, "Fire in the server room", 2, 4, 0, 0);   /* Medium */
  b = add_risk (fixture, "Retained, Low", 2, 3, 0, 0);             /* Low */
  annex_record_set_string (ANNEX_RECORD (b), "treatment", "retain");
  annex_register_save (fixture->reg, ANNEX_RECORD (b), &error);
  g_assert_no_error (error);

  /* Same scales, but a threshold of "Very low": b would need an acceptance. */
  annex_risk_method_set_threshold (strict, 1);
  preview = annex_risk_register_preview_method (fixture->risks, strict);
  remap = g_ptr_array_index (preview, 1);
  g_assert_false (remap->values_changed);
  g_assert_nonnull (remap->problem);
  g_assert_nonnull (strstr (remap->problem, "Very low"));

  history_before = count_history (fixture->db, NULL, 0);
  g_assert_false (annex_risk_register_apply_method (fixture->risks, strict, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "R-002"));
  g_clear_error (&error);

  /* Nothing written, nothing changed in memory. */
  g_assert_cmpuint (count_history (fixture->db, NULL, 0), ==, history_before);
  g_assert_null (annex_database_dup_setting (fixture->db, ANNEX_RISK_METHOD_SETTING));
  g_assert_true (annex_risk_register_get_method (fixture->risks) ==
                 annex_risk_method_get_default ());
  g_assert_true (annex_risk_get_method (b) == annex_risk_method_get_default ());
  g_assert_cmpuint (annex_risk_get_inherent_level (a), ==, 3);

  /* An invalid method is refused before anything. */
  annex_risk_method_set_threshold (strict, 6);
  g_assert_false (annex_risk_register_apply_method (fixture->risks, strict, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_assert_cmpuint (count_history (fixture->db, NULL, 0), ==, history_before);
}

static gint64
first_control_id (AnnexDatabase *db)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = annex_database_prepare (db, "SELECT min(id) FROM controls", &error);
  gint64 id;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  g_assert_cmpint (id, >, 0);

  return id;
}

static void
assert_ids (GArray       *ids,
            guint         n,
            const gint64 *expected)
{
  g_assert_nonnull (ids);
  g_assert_cmpuint (ids->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, expected[i]);
}

static void
test_links (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexRegister) assets = annex_register_new (fixture->db, ANNEX_TYPE_ASSET);
  g_autoptr(AnnexAsset) laptop = annex_asset_new ();
  g_autoptr(AnnexAsset) crm = annex_asset_new ();
  g_autoptr(GArray) ids = NULL;
  g_autofree char *type_label = NULL;
  AnnexRisk *risk, *other;
  gint64 risk_id, control_id, asset_ids[2];

  annex_register_load (assets, &error);
  g_assert_no_error (error);
  annex_asset_set_name (laptop, "Laptops");
  annex_record_set_string (ANNEX_RECORD (laptop), "type", "hardware");
  annex_record_set_string (ANNEX_RECORD (laptop), "confidentiality", "high");
  annex_register_add (assets, ANNEX_RECORD (laptop), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (laptop)), ==, "AS-001");
  g_object_get (laptop, "type-label", &type_label, NULL);
  g_assert_cmpstr (type_label, ==, "Hardware");
  annex_asset_set_name (crm, "CRM");
  annex_register_add (assets, ANNEX_RECORD (crm), &error);
  g_assert_no_error (error);

  asset_ids[0] = annex_record_get_id (ANNEX_RECORD (laptop));
  asset_ids[1] = annex_record_get_id (ANNEX_RECORD (crm));
  control_id = first_control_id (fixture->db);

  risk = add_risk (fixture, "Laptop stolen", 3, 3, 0, 0);
  other = add_risk (fixture, "CRM data leak", 2, 2, 0, 0);
  risk_id = annex_record_get_id (ANNEX_RECORD (risk));
  g_object_ref (risk);
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (risk)), ==, "R-001");

  annex_links_set_targets (fixture->db, "risks", risk_id, "assets", asset_ids, 2, &error);
  g_assert_no_error (error);
  annex_links_add (fixture->db, "risks", risk_id, "controls", control_id, &error);
  g_assert_no_error (error);
  annex_links_add (fixture->db, "risks", annex_record_get_id (ANNEX_RECORD (other)), "assets",
                   asset_ids[1], &error);
  g_assert_no_error (error);

  /* An edit leaves the links alone. */
  annex_risk_set_title (risk, "Laptop stolen from a car");
  annex_register_save (fixture->reg, ANNEX_RECORD (risk), &error);
  g_assert_no_error (error);
  ids = annex_risk_dup_linked_ids (risk, fixture->db, "assets", &error);
  g_assert_no_error (error);
  assert_ids (ids, 2, asset_ids);
  g_clear_pointer (&ids, g_array_unref);
  ids = annex_risk_dup_linked_ids (risk, fixture->db, "controls", &error);
  assert_ids (ids, 1, &control_id);
  g_clear_pointer (&ids, g_array_unref);

  /* The asset lists its risks. */
  ids = annex_asset_dup_risk_ids (crm, fixture->db, &error);
  g_assert_no_error (error);
  {
    gint64 expected[] = { risk_id, annex_record_get_id (ANNEX_RECORD (other)) };

    assert_ids (ids, 2, expected);
  }
  g_clear_pointer (&ids, g_array_unref);

  /* Deleting the risk deletes its links; Undo brings them back. */
  annex_register_remove (fixture->reg, ANNEX_RECORD (risk), &error);
  g_assert_no_error (error);
  ids = annex_asset_dup_risk_ids (laptop, fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);
  ids = annex_links_dup_sources (fixture->db, "controls", control_id, "risks", &error);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);

  annex_register_restore (fixture->reg, ANNEX_RECORD (risk), &error);
  g_assert_no_error (error);
  ids = annex_risk_dup_linked_ids (risk, fixture->db, "assets", &error);
  assert_ids (ids, 2, asset_ids);
  g_clear_pointer (&ids, g_array_unref);
  ids = annex_risk_dup_linked_ids (risk, fixture->db, "controls", &error);
  assert_ids (ids, 1, &control_id);
  g_clear_pointer (&ids, g_array_unref);

  /* Deleting an asset removes it from its risks; Undo puts it back. */
  annex_register_remove (assets, ANNEX_RECORD (laptop), &error);
  g_assert_no_error (error);
  ids = annex_risk_dup_linked_ids (risk, fixture->db, "assets", &error);
  assert_ids (ids, 1, &asset_ids[1]);
  g_clear_pointer (&ids, g_array_unref);
  annex_register_restore (assets, ANNEX_RECORD (laptop), &error);
  g_assert_no_error (error);
  ids = annex_risk_dup_linked_ids (risk, fixture->db, "assets", &error);
  assert_ids (ids, 2, asset_ids);
  g_clear_pointer (&ids, g_array_unref);

  /* The link changes are in the history. */
  g_assert_cmpuint (count_history (fixture->db, "links", 0) +
                    count_history (fixture->db, NULL, 0), >, 0);
  {
    g_autoptr(GPtrArray) all = annex_change_log_list (fixture->db, NULL, 0, &error);
    guint n_links = 0;

    for (guint i = 0; i < all->len; i++)
      if (g_strcmp0 (((AnnexChangeEntry *) g_ptr_array_index (all, i))->table_name, "links") == 0)
        n_links++;
    /* 4 added, 3 removed with the risk, 3 restored, 1 removed with the asset, 1 restored */
    g_assert_cmpuint (n_links, ==, 12);
  }

  g_object_unref (risk);
}

static void
add_action (AnnexRegister *actions,
            const char    *title,
            const char    *origin,
            const char    *origin_reference,
            const char    *due_date,
            const char    *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexAction) action = annex_action_new ();

  annex_action_set_title (action, title);
  annex_record_set_string (ANNEX_RECORD (action), "origin", origin);
  annex_record_set_string (ANNEX_RECORD (action), "origin-reference", origin_reference);
  annex_record_set_string (ANNEX_RECORD (action), "due-date", due_date);
  annex_record_set_string (ANNEX_RECORD (action), "owner", "IT");
  annex_record_set_string (ANNEX_RECORD (action), "status", status);
  annex_register_add (actions, ANNEX_RECORD (action), &error);
  g_assert_no_error (error);
}

static void
test_treatment_plan (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexRegister) actions = annex_register_new (fixture->db, ANNEX_TYPE_ACTION);
  g_autoptr(GPtrArray) plan = NULL;
  AnnexTreatmentPlanCounts counts;
  AnnexTreatmentPlanEntry *entry;
  static const char * const expected[] = {
    "Encrypt disks", "Train staff", "Backup tests", "Patch CRM", "Orphan",
  };

  add_risk (fixture, "Laptop stolen", 3, 3, 0, 0);     /* */
  add_risk (fixture, "Phishing", 4, 3, 0, 0);          /* */
  annex_record_set_string (annex_test_list_get_item (G_LIST_MODEL (fixture->reg), 0), "owner",
                           "CIO");
  annex_register_save (fixture->reg, annex_test_list_get_item (G_LIST_MODEL (fixture->reg), 0),
                       &error);
  g_assert_no_error (error);

  annex_register_load (actions, &error);
  g_assert_no_error (error);
  add_action (actions, "Patch CRM", "risk-treatment", "R-002", NULL, "open");
  add_action (actions, "Train staff", "risk-treatment", "R-001", "2026-03-01", "done");
  add_action (actions, "Not a treatment", "audit", "R-001", "2026-01-01", "open");
  add_action (actions, "Encrypt disks", "risk-treatment", "R-001", "2026-02-01", "in-progress");
  add_action (actions, "Orphan", "risk-treatment", "R-999", "2020-01-01", "cancelled");
  add_action (actions, "Backup tests", "risk-treatment", "R-002", "2026-02-15", "open");

  plan = annex_treatment_plan_query (fixture->db, "2026-02-10", &counts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < plan->len; i++)
    {
      entry = g_ptr_array_index (plan, i);
      g_assert_cmpstr (entry->action_title, ==, expected[i]);
    }

  entry = g_ptr_array_index (plan, 0);
  g_assert_cmpstr (entry->risk_reference, ==, "R-001");
  g_assert_cmpstr (entry->risk_title, ==, "Laptop stolen");
  g_assert_cmpstr (entry->risk_owner, ==, "CIO");
  g_assert_cmpstr (entry->action_owner, ==, "IT");
  g_assert_cmpstr (entry->due_date, ==, "2026-02-01");
  g_assert_cmpstr (entry->status, ==, "in-progress");
  g_assert_true (entry->overdue);
  entry = g_ptr_array_index (plan, 1);
  g_assert_false (entry->overdue);                 /* done */
  entry = g_ptr_array_index (plan, 4);
  g_assert_cmpint (entry->risk_id, ==, 0);
  g_assert_null (entry->risk_title);
  g_assert_cmpstr (entry->risk_reference, ==, "R-999");

  g_assert_cmpuint (counts.total, ==, 5);
  g_assert_cmpuint (counts.open, ==, 3);
  g_assert_cmpuint (counts.done, ==, 1);
  g_assert_cmpuint (counts.cancelled, ==, 1);
  g_assert_cmpuint (counts.overdue, ==, 1);

  /* An empty plan. */
  g_clear_pointer (&plan, g_ptr_array_unref);
  {
    g_autofree char *path = g_build_filename (fixture->tmpdir, "empty.isms", NULL);
    g_autoptr(AnnexDatabase) empty = annex_database_create (path, "Empty", &error);

    g_assert_no_error (error);
    plan = annex_treatment_plan_query (empty, NULL, &counts, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (plan->len, ==, 0);
    g_assert_cmpuint (counts.total, ==, 0);
  }
}

static void
test_heat_map (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) some = g_list_store_new (ANNEX_TYPE_RISK);
  AnnexRiskHeatMap map;
  guint counts[6];

  add_risk (fixture, "a", 5, 5, 2, 2);
  add_risk (fixture, "b", 5, 5, 1, 1);
  add_risk (fixture, "c", 1, 2, 0, 0);
  add_risk (fixture, "d", 0, 0, 0, 0);
  add_risk (fixture, "e", 3, 3, 3, 3);

  annex_risk_heat_map_compute (&map, G_LIST_MODEL (fixture->reg),
                               annex_risk_register_get_method (fixture->risks), FALSE);
  g_assert_cmpuint (map.total, ==, 5);
  g_assert_cmpuint (map.n_likelihoods, ==, 5);
  g_assert_cmpuint (annex_risk_heat_map_get (&map, 5, 5), ==, 2);
  g_assert_cmpuint (annex_risk_heat_map_get (&map, 1, 2), ==, 1);
  g_assert_cmpuint (annex_risk_heat_map_get (&map, 3, 3), ==, 1);
  g_assert_cmpuint (annex_risk_heat_map_get (&map, 2, 2), ==, 0);
  g_assert_cmpuint (annex_risk_heat_map_get (&map, 0, 2), ==, 0);
  g_assert_cmpuint (map.levels[0], ==, 1);
  g_assert_cmpuint (map.levels[1], ==, 1);
  g_assert_cmpuint (map.levels[3], ==, 1);
  g_assert_cmpuint (map.levels[5], ==, 2);

  annex_risk_heat_map_compute (&map, G_LIST_MODEL (fixture->reg),
                               annex_risk_register_get_method (fixture->risks), TRUE);
  g_assert_cmpuint (annex_risk_heat_map_get (&map, 2, 2), ==, 1);
  g_assert_cmpuint (annex_risk_heat_map_get (&map, 5, 5), ==, 0);
  g_assert_cmpuint (map.levels[0], ==, 2);
  g_assert_cmpuint (map.levels[1], ==, 1);
  g_assert_cmpuint (map.levels[2], ==, 1);
  g_assert_cmpuint (map.levels[3], ==, 1);

  /* The SQL count agrees with the model. */
  annex_risk_count_residual_levels (fixture->db, annex_risk_register_get_method (fixture->risks),
                                    counts, &error);
  g_assert_no_error (error);
  for (guint i = 0; i <= 5; i++)
    g_assert_cmpuint (counts[i], ==, map.levels[i]);

  /* Over a subset (a filtered list). */
  g_list_store_append (some, annex_test_list_get_item (G_LIST_MODEL (fixture->reg), 0));
  g_list_store_append (some, annex_test_list_get_item (G_LIST_MODEL (fixture->reg), 4));
  annex_risk_heat_map_compute (&map, G_LIST_MODEL (some),
                               annex_risk_register_get_method (fixture->risks), FALSE);
  g_assert_cmpuint (map.total, ==, 2);
  g_assert_cmpuint (annex_risk_heat_map_get (&map, 5, 5), ==, 1);
  g_assert_cmpuint (annex_risk_heat_map_get (&map, 3, 3), ==, 1);
}

static void
test_history (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  AnnexRisk *risk = add_risk (fixture, "Insider", 2, 3, 0, 0);
  gint64 id = annex_record_get_id (ANNEX_RECORD (risk));
  AnnexChangeEntry *entry;

  g_assert_cmpuint (annex_risk_get_inherent_level (risk), ==, 2);
  annex_risk_set_residual (risk, 1, 3);
  annex_register_save (fixture->reg, ANNEX_RECORD (risk), &error);
  g_assert_no_error (error);
  g_object_ref (risk);
  annex_register_remove (fixture->reg, ANNEX_RECORD (risk), &error);
  g_assert_no_error (error);
  g_object_unref (risk);

  entries = annex_change_log_list (fixture->db, "risks", id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpint (entry->kind, ==, ANNEX_CHANGE_INSERT);
  g_assert_nonnull (strstr (entry->after, "\"inherent_likelihood\":\"2\""));
  /* The review date default was set with the assessment. */
  g_assert_null (strstr (entry->after, "\"next_review\":null"));
  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpint (entry->kind, ==, ANNEX_CHANGE_UPDATE);
  g_assert_nonnull (strstr (entry->before, "\"residual_likelihood\":\"0\""));
  g_assert_nonnull (strstr (entry->after, "\"residual_likelihood\":\"1\""));
  entry = g_ptr_array_index (entries, 2);
  g_assert_cmpint (entry->kind, ==, ANNEX_CHANGE_DELETE);
}

static void
on_loaded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  annex_register_load_finish (ANNEX_REGISTER (source), result, &error);
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
test_async_load (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexRiskMethod) four = annex_risk_method_new_preset (ANNEX_RISK_PRESET_4X4);
  g_autoptr(AnnexRiskRegister) other = NULL;
  g_autofree char *json = annex_risk_method_to_json (four);
  AnnexRegister *reg;
  gboolean done = FALSE;

  annex_database_set_setting (fixture->db, ANNEX_RISK_METHOD_SETTING, json, &error);
  g_assert_no_error (error);
  add_risk (fixture, "a", 4, 4, 0, 0);

  other = annex_risk_register_new (fixture->db);
  reg = annex_risk_register_get_register (other);
  annex_register_load_async (reg, NULL, on_loaded_cb, &done);
  annex_test_wait_for (&done);
  g_assert_true (annex_register_get_loaded (reg));

  /* Loaded on a worker: the risk holds the register's method. */
  {
    AnnexRisk *risk = annex_test_list_get_item (G_LIST_MODEL (reg), 0);
    g_autofree char *label = NULL;

    g_assert_true (annex_risk_get_method (risk) == annex_risk_register_get_method (other));
    g_object_get (risk, "level-label", &label, NULL);
    g_assert_cmpstr (label, ==, "Critical");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/annex/risks/method/presets", test_method_presets);
  g_test_add_func ("/annex/risks/method/custom", test_method_custom);
  g_test_add_func ("/annex/risks/method/json", test_method_json);
  g_test_add_func ("/annex/risks/method/remap-value", test_remap_value);
  g_test_add_func ("/annex/risks/review-default", test_review_default);
  ADD ("/annex/risks/method/load", test_method_load);
  ADD ("/annex/risks/acceptance", test_acceptance_rule);
  ADD ("/annex/risks/remap/apply", test_remap);
  ADD ("/annex/risks/remap/refused", test_remap_refused);
  ADD ("/annex/risks/links", test_links);
  ADD ("/annex/risks/treatment-plan", test_treatment_plan);
  ADD ("/annex/risks/heat-map", test_heat_map);
  ADD ("/annex/risks/history", test_history);
  ADD ("/annex/risks/load-async", test_async_load);

  return g_test_run ();
}
