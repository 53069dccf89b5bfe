/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-risks-view.c: the Risks view under a virtual display: the risks with their heat map
 * (counts, picking a cell filters the list, inherent and residual), the risk method dialog and
 * its re-mapping preview, a new treatment action from the risk editor, an asset's risks, the
 * treatment plan, and a control's linked risks in the Controls view. */

#define G_LOG_DOMAIN "test-risks-view"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "annex-action.h"
#include "annex-asset.h"
#include "annex-control.h"
#include "annex-controls-view.h"
#include "annex-heat-map.h"
#include "annex-link-section.h"
#include "annex-links.h"
#include "annex-requirement.h"
#include "annex-risk-method-dialog.h"
#include "annex-risks-view.h"
#include "annex-test-ui-util.h"
#include "annex-test-util.h"

static gboolean has_display;

typedef struct
{
  char              *dir;
  AnnexDatabase     *db;
  AnnexRiskRegister *risks;
  AnnexRegister     *assets;
  AnnexRegister     *controls;
  AnnexRegister     *actions;
  GtkWidget         *window;
  AnnexRisksView    *view;
} Fixture;

static AnnexRegister *
risk_register (Fixture *f)
{
  return annex_risk_register_get_register (f->risks);
}

static AnnexRecord *
add_risk (Fixture    *f,
          const char *title,
          const char *owner,
          guint       il,
          guint       ii,
          guint       rl,
          guint       ri)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexRecord) risk = annex_register_new_record (risk_register (f));

  annex_risk_set_title (ANNEX_RISK (risk), title);
  annex_record_set_string (risk, "owner", owner);
  annex_record_set_string (risk, "treatment", "modify");
  annex_risk_set_inherent (ANNEX_RISK (risk), il, ii);
  annex_risk_set_residual (ANNEX_RISK (risk), rl, ri);
  annex_register_add (risk_register (f), risk, &error);
  g_assert_no_error (error);
  return risk;
}

static AnnexRecord *
add_asset (Fixture    *f,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexRecord) asset = annex_register_new_record (f->assets);

  annex_asset_set_name (ANNEX_ASSET (asset), name);
  annex_register_add (f->assets, asset, &error);
  g_assert_no_error (error);
  return asset;
}

static AnnexRecord *
find_reference (AnnexRegister *register_,
                const char    *reference)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (register_));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexRecord) record = g_list_model_get_item (G_LIST_MODEL (register_), i);

      if (g_strcmp0 (annex_record_get_reference (record), reference) == 0)
        return record;
    }

  g_assert_not_reached ();
}

/* A workspace with two assets, three risks (R-001 on both assets and control 5.15) and the
 * view showing them in a window. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  AnnexRecord *r1, *a1, *a2;

  if (!has_display)
    return;

  f->dir = annex_test_make_tmpdir ();
  path = g_build_filename (f->dir, "risks.isms", NULL);
  f->db = annex_database_create (path, "Test organization", &error);
  g_assert_no_error (error);

  f->risks = annex_risk_register_new (f->db);
  f->assets = annex_register_new (f->db, ANNEX_TYPE_ASSET);
  f->controls = annex_register_new (f->db, ANNEX_TYPE_CONTROL);
  f->actions = annex_register_new (f->db, ANNEX_TYPE_ACTION);
  annex_register_load (risk_register (f), &error);
  g_assert_no_error (error);
  annex_register_load (f->assets, &error);
  g_assert_no_error (error);
  annex_register_load (f->controls, &error);
  g_assert_no_error (error);
  annex_register_load (f->actions, &error);
  g_assert_no_error (error);

  /* Default 5 × 5 method. */
  r1 = add_risk (f, "Ransomware", "Marc", 4, 5, 2, 4);
  add_risk (f, "Lost laptop", "Dana", 4, 5, 2, 2);
  add_risk (f, "Fire", "Dana", 1, 5, 0, 0);
  a1 = add_asset (f, "Customer database");
  a2 = add_asset (f, "Laptops");
  annex_links_add (f->db, "risks", annex_record_get_id (r1), "assets", annex_record_get_id (a1),
                   &error);
  g_assert_no_error (error);
  annex_links_add (f->db, "risks", annex_record_get_id (r1), "assets", annex_record_get_id (a2),
                   &error);
  g_assert_no_error (error);
  annex_links_add (f->db, "risks", annex_record_get_id (r1), "controls",
                   annex_record_get_id (find_reference (f->controls, "5.15")), &error);
  g_assert_no_error (error);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 900);
  f->view = ANNEX_RISKS_VIEW (annex_risks_view_new ());
  g_object_set (f->view, "heat-map-revealed", TRUE, NULL);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  annex_risks_view_set_registers (f->view, f->risks, f->assets, f->controls, f->actions);
  gtk_window_present (GTK_WINDOW (f->window));
  annex_test_iterate_main_loop ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (!has_display)
    return;

  annex_risks_view_set_registers (f->view, NULL, NULL, NULL, NULL);
  gtk_window_destroy (GTK_WINDOW (f->window));
  annex_test_iterate_main_loop ();
  g_clear_object (&f->risks);
  g_clear_object (&f->assets);
  g_clear_object (&f->controls);
  g_clear_object (&f->actions);
  annex_database_close (f->db);
  g_clear_object (&f->db);
  annex_test_rm_rf (f->dir);
  g_clear_pointer (&f->dir, g_free);
}

static void
test_heat_map (Fixture       *f,
               gconstpointer  data)
{
  AnnexRegisterPage *page;
  AnnexHeatMap *map;
  g_autofree char *cell = NULL;

  if (!annex_test_require_display (has_display))
    return;

  page = annex_risks_view_get_risks_page (f->view);
  map = annex_risks_view_get_heat_map (f->view);
  annex_risks_view_update (f->view);

  g_assert_cmpuint (annex_register_page_get_n_total (page), ==, 3);
  g_assert_cmpuint (annex_register_page_get_n_shown (page), ==, 3);

  /* Inherent: two risks at likely × severe, one at rare × severe. */
  g_assert_false (annex_risks_view_get_residual (f->view));
  g_assert_cmpuint (annex_heat_map_get_count (map, 4, 5), ==, 2);
  g_assert_cmpuint (annex_heat_map_get_count (map, 1, 5), ==, 1);
  g_assert_cmpuint (annex_heat_map_get_count (map, 2, 4), ==, 0);
  cell = annex_heat_map_format_cell (annex_heat_map_get_method (map), 4, 5, 2);
  g_assert_nonnull (strstr (cell, "2 risks"));

  /* Picking a cell filters the list to it; picking it again clears the filter. */
  annex_heat_map_pick (map, 4, 5);
  g_assert_cmpuint (annex_heat_map_get_selected_likelihood (map), ==, 4);
  g_assert_cmpuint (annex_register_page_get_n_shown (page), ==, 2);
  g_assert_cmpuint (annex_register_page_get_n_active_filters (page), ==, 1);
  annex_heat_map_pick (map, 4, 5);
  g_assert_cmpuint (annex_heat_map_get_selected_likelihood (map), ==, 0);
  g_assert_cmpuint (annex_register_page_get_n_shown (page), ==, 3);

  /* The filters' "Clear" clears the heat map's cell too. */
  annex_heat_map_pick (map, 1, 5);
  g_assert_cmpuint (annex_register_page_get_n_shown (page), ==, 1);
  annex_register_page_clear_filters (page);
  g_assert_cmpuint (annex_heat_map_get_selected_likelihood (map), ==, 0);

  /* A cell is found where it is drawn. */
  {
    double x, y;
    guint l = 0, i = 0;

    g_assert_true (annex_heat_map_get_cell_center (map, 2, 3, &x, &y));
    g_assert_true (annex_heat_map_get_cell_at (map, x, y, &l, &i));
    g_assert_cmpuint (l, ==, 2);
    g_assert_cmpuint (i, ==, 3);
  }

  /* Residual: the risks' residual assessments; one is not assessed. */
  annex_risks_view_set_residual (f->view, TRUE);
  g_assert_cmpuint (annex_heat_map_get_count (map, 4, 5), ==, 0);
  g_assert_cmpuint (annex_heat_map_get_count (map, 2, 4), ==, 1);
  g_assert_cmpuint (annex_heat_map_get_count (map, 2, 2), ==, 1);
  annex_heat_map_pick (map, 2, 2);
  g_assert_cmpuint (annex_register_page_get_n_shown (page), ==, 1);
  g_assert_cmpuint (annex_register_page_get_facet (page, "residual-cell"), ==, 1 * 5 + 1);
  /* Back to inherent: the residual cell no longer filters. */
  annex_risks_view_set_residual (f->view, FALSE);
  g_assert_cmpuint (annex_register_page_get_n_shown (page), ==, 3);
}

static void
test_facets (Fixture       *f,
             gconstpointer  data)
{
  AnnexRegisterPage *page;

  if (!annex_test_require_display (has_display))
    return;

  page = annex_risks_view_get_risks_page (f->view);
  annex_risks_view_update (f->view);

  /* Owners come from the values, sorted: Dana, Marc. */
  g_assert_true (annex_register_page_set_facet (page, "owner", 0));
  g_assert_cmpuint (annex_register_page_get_n_shown (page), ==, 2);
  g_assert_true (annex_register_page_set_facet (page, "owner", 1));
  g_assert_cmpuint (annex_register_page_get_n_shown (page), ==, 1);
  annex_register_page_clear_filters (page);

  /* The residual level: "Not assessed" is the last choice (5 levels). */
  g_assert_true (annex_register_page_set_facet (page, "residual-level", 5));
  g_assert_cmpuint (annex_register_page_get_n_shown (page), ==, 1);
  annex_register_page_clear_filters (page);

  /* The asset: the customer database has one risk. */
  g_assert_true (annex_register_page_set_facet (page, "asset", 0));
  g_assert_cmpuint (annex_register_page_get_n_shown (page), ==, 1);
  annex_register_page_clear_filters (page);
}

static void
on_applied_cb (GtkWidget *dialog,
               guint      n_rescored,
               guint     *result)
{
  *result = n_rescored;
}

static void
test_method_dialog (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *dialog, *preview;
  g_auto(GStrv) lines = NULL;
  guint rescored = G_MAXUINT;
  AnnexHeatMap *map;

  if (!annex_test_require_display (has_display))
    return;

  dialog = annex_risks_view_open_method_dialog (f->view);
  g_assert_true (ANNEX_IS_RISK_METHOD_DIALOG (dialog));
  g_signal_connect (dialog, "applied", G_CALLBACK (on_applied_cb), &rescored);
  annex_test_iterate_main_loop ();

  /* A 3 × 3 method re-maps every risk: a preview first, nothing written yet. */
  annex_risk_method_dialog_use_preset (ANNEX_RISK_METHOD_DIALOG (dialog), ANNEX_RISK_PRESET_3X3);
  g_assert_true (annex_risk_method_dialog_get_valid (ANNEX_RISK_METHOD_DIALOG (dialog)));
  preview = annex_risk_method_dialog_apply (ANNEX_RISK_METHOD_DIALOG (dialog));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (preview));
  lines = annex_risk_method_dialog_dup_preview_lines (ANNEX_RISK_METHOD_DIALOG (dialog));
  g_assert_nonnull (lines);
  g_assert_cmpuint (g_strv_length (lines), >=, 1);
  g_assert_true (g_str_has_prefix (lines[0], "R-00"));
  g_assert_nonnull (strstr (lines[0], "→"));
  g_assert_cmpuint (annex_risk_method_get_n_levels (annex_risk_register_get_method (f->risks)),
                    ==, 5);

  /* Applying re-scores: the register holds the 3 × 3 method, the heat map follows. */
  g_signal_emit_by_name (preview, "response", "apply");
  annex_test_iterate_main_loop ();
  g_assert_cmpuint (rescored, !=, G_MAXUINT);
  g_assert_cmpuint (annex_risk_method_get_n_levels (annex_risk_register_get_method (f->risks)),
                    ==, 3);
  annex_risks_view_update (f->view);
  map = annex_risks_view_get_heat_map (f->view);
  g_assert_cmpuint (annex_risk_method_get_n_likelihoods (annex_heat_map_get_method (map)), ==, 3);
  g_assert_cmpuint (annex_heat_map_get_count (map, 3, 3), ==, 2);
  /* The level facet offers the new levels. */
  g_assert_true (annex_register_page_set_facet (annex_risks_view_get_risks_page (f->view),
                                                "inherent-level", 3));
  g_assert_false (annex_register_page_set_facet (annex_risks_view_get_risks_page (f->view),
                                                 "inherent-level", 4));
}

static void
test_treatment_action (Fixture       *f,
                       gconstpointer  data)
{
  AnnexRegisterPage *page;
  AnnexRecord *risk, *action;
  g_autoptr(GError) error = NULL;
  AnnexTreatmentPlanPage *plan;

  if (!annex_test_require_display (has_display))
    return;

  page = annex_risks_view_get_risks_page (f->view);
  risk = find_reference (risk_register (f), "R-002");
  g_assert_true (annex_register_page_show_record (page, annex_record_get_id (risk)));
  annex_test_iterate_main_loop ();
  g_assert_cmpuint (annex_risks_view_get_n_editor_actions (f->view), ==, 0);

  action = annex_risks_view_new_treatment_action (f->view, ANNEX_RISK (risk), &error);
  g_assert_no_error (error);
  g_assert_nonnull (action);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->actions)), ==, 1);
  g_assert_cmpstr (annex_record_get_string (action, "origin"), ==, "risk-treatment");
  g_assert_cmpstr (annex_record_get_string (action, "origin-reference"), ==, "R-002");
  g_assert_cmpstr (annex_action_get_owner (ANNEX_ACTION (action)), ==, "Dana");
  annex_test_iterate_main_loop ();
  g_assert_cmpuint (annex_risks_view_get_n_editor_actions (f->view), ==, 1);

  /* The treatment plan lists it under its risk. */
  plan = annex_risks_view_get_plan_page (f->view);
  annex_treatment_plan_page_refresh (plan);
  g_assert_cmpuint (annex_treatment_plan_page_get_n_entries (plan), ==, 1);
  g_assert_cmpstr (annex_treatment_plan_page_get_entry (plan, 0)->risk_reference, ==, "R-002");
}

static GtkWidget *
find_link_section (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ANNEX_IS_LINK_SECTION (child) &&
          annex_link_section_get_record (ANNEX_LINK_SECTION (child)) != NULL)
        return child;
      found = find_link_section (child);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_asset_risks (Fixture       *f,
                  gconstpointer  data)
{
  AnnexRegisterPage *page;
  AnnexRecord *asset;
  GtkWidget *section;

  if (!annex_test_require_display (has_display))
    return;

  annex_risks_view_set_visible_page (f->view, "assets");
  page = annex_risks_view_get_assets_page (f->view);
  asset = find_reference (f->assets, "AS-002");
  g_assert_true (annex_register_page_show_record (page, annex_record_get_id (asset)));
  annex_test_iterate_main_loop ();

  section = find_link_section (GTK_WIDGET (annex_register_page_get_editor (page)));
  g_assert_nonnull (section);
  g_assert_true (annex_link_section_get_record (ANNEX_LINK_SECTION (section)) == asset);
  g_assert_cmpuint (annex_link_section_get_n_links (ANNEX_LINK_SECTION (section)), ==, 1);
}

static void
test_control_risks (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(AnnexRegister) requirements = NULL;
  AnnexControlsView *controls_view;
  GtkWidget *window, *section;
  AnnexRecord *control;
  g_autoptr(GError) error = NULL;

  if (!annex_test_require_display (has_display))
    return;

  requirements = annex_register_new (f->db, ANNEX_TYPE_REQUIREMENT);
  annex_register_load (requirements, &error);
  g_assert_no_error (error);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 800);
  controls_view = ANNEX_CONTROLS_VIEW (annex_controls_view_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (controls_view));
  annex_controls_view_set_registers (controls_view, f->controls, requirements, f->actions);
  annex_controls_view_set_risk_register (controls_view, risk_register (f));
  gtk_window_present (GTK_WINDOW (window));
  annex_test_iterate_main_loop ();

  control = find_reference (f->controls, "5.15");
  g_assert_true (annex_register_page_show_record (annex_controls_view_get_controls_page (controls_view),
                                                  annex_record_get_id (control)));
  annex_test_iterate_main_loop ();
  section = annex_controls_view_get_risks_section (controls_view);
  g_assert_true (ANNEX_IS_LINK_SECTION (section));
  g_assert_true (annex_link_section_get_record (ANNEX_LINK_SECTION (section)) == control);
  g_assert_cmpuint (annex_link_section_get_n_links (ANNEX_LINK_SECTION (section)), ==, 1);

  /* Another control has none. */
  control = find_reference (f->controls, "5.1");
  annex_register_page_show_record (annex_controls_view_get_controls_page (controls_view),
                                   annex_record_get_id (control));
  annex_test_iterate_main_loop ();
  g_assert_cmpuint (annex_link_section_get_n_links (ANNEX_LINK_SECTION (section)), ==, 0);

  annex_controls_view_set_risk_register (controls_view, NULL);
  annex_controls_view_set_registers (controls_view, NULL, NULL, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  annex_test_iterate_main_loop ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  has_display = gtk_init_check ();
  if (has_display)
    adw_init ();

  g_test_add ("/annex/risks-view/heat-map", Fixture, NULL, fixture_set_up, test_heat_map,
              fixture_tear_down);
  g_test_add ("/annex/risks-view/facets", Fixture, NULL, fixture_set_up, test_facets,
              fixture_tear_down);
  g_test_add ("/annex/risks-view/method-dialog", Fixture, NULL, fixture_set_up,
              test_method_dialog, fixture_tear_down);
  g_test_add ("/annex/risks-view/treatment-action", Fixture, NULL, fixture_set_up,
              test_treatment_action, fixture_tear_down);
  g_test_add ("/annex/risks-view/asset-risks", Fixture, NULL, fixture_set_up, test_asset_risks,
              fixture_tear_down);
  g_test_add ("/annex/risks-view/control-risks", Fixture, NULL, fixture_set_up,
              test_control_risks, fixture_tear_down);

  return g_test_run ();
}
