/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-overview-view.c: the Overview view under a virtual display, in a window with a workspace
 * open: the score and the readiness checks as computed, a record of a finding opening in its
 * view, the delayed refresh after a burst of edits, a heat-map cell opening the Risks view
 * filtered, the next audit's row opening that audit; and the larger-text mode kept per
 * workspace. */

#define G_LOG_DOMAIN "test-overview-view"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "annex-audits-view.h"
#include "annex-overview-view.h"
#include "annex-readiness.h"
#include "annex-record-editor.h"
#include "annex-register-page.h"
#include "annex-risk.h"
#include "annex-risks-view.h"
#include "annex-test-ui-util.h"
#include "annex-test-util.h"
#include "annex-text-scale.h"
#include "annex-window.h"

#define TODAY "2026-03-01"

static gboolean has_display;
static char *tmpdir;

typedef struct
{
  gboolean      done;
  GAsyncResult *result;
} OpenCall;

typedef struct
{
  AnnexWorkspaceList *list;
  AnnexWindow        *window;
  AnnexOverviewView  *view;
  AnnexRisksView     *risks_view;
  char               *path;
} Fixture;

static void
on_opened_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  OpenCall *call = user_data;

  call->result = g_object_ref (result);
  call->done = TRUE;
}

static void
open_workspace (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  OpenCall call = { FALSE, NULL };
  gboolean opened;

  annex_window_open_workspace_async (fixture->window, fixture->path, NULL, on_opened_cb, &call);
  annex_test_wait_for (&call.done);
  opened = annex_window_open_workspace_finish (fixture->window, call.result, &error);
  g_object_unref (call.result);
  g_assert_no_error (error);
  g_assert_true (opened);
  annex_test_wait_loaded (annex_risk_register_get_register (
                            annex_risks_view_get_risk_register (fixture->risks_view)));
}

static AnnexRegister *
risk_register (Fixture *fixture)
{
  return annex_risk_register_get_register (annex_risks_view_get_risk_register (
                                             fixture->risks_view));
}

/* A new workspace open in a shown window on the Overview. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static guint serial;
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  AnnexWorkspace *workspace;

  memset (fixture, 0, sizeof *fixture);
  if (!has_display)
    return;

  name = g_strdup_printf ("workspaces-%u", serial++);
  folder = g_build_filename (tmpdir, name, NULL);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  fixture->list = annex_workspace_list_new (folder);
  workspace = annex_workspace_list_create (fixture->list, "Acme Ltd", &error);
  g_assert_no_error (error);
  fixture->path = g_strdup (annex_workspace_get_path (workspace));

  fixture->window = g_object_ref (annex_window_new (NULL, fixture->list));
  annex_window_set_toast_timeout (fixture->window, 0);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 900);
  gtk_window_present (GTK_WINDOW (fixture->window));
  annex_test_iterate_main_loop ();

  fixture->view = ANNEX_OVERVIEW_VIEW (annex_test_find_descendant (GTK_WIDGET (fixture->window),
                                                                   ANNEX_TYPE_OVERVIEW_VIEW));
  fixture->risks_view = ANNEX_RISKS_VIEW (annex_test_find_descendant (GTK_WIDGET (fixture->window),
                                                                      ANNEX_TYPE_RISKS_VIEW));
  g_assert_nonnull (fixture->view);
  g_assert_nonnull (fixture->risks_view);
  annex_overview_view_set_today (fixture->view, TODAY);

  open_workspace (fixture);
  annex_window_set_view (fixture->window, "overview");
  annex_test_iterate_main_loop ();
  g_assert_true (annex_overview_view_get_database (fixture->view) ==
                 annex_window_get_database (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (!has_display)
    return;

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  annex_test_iterate_main_loop ();
  g_assert_finalize_object (fixture->window);
  g_clear_object (&fixture->list);
  g_clear_pointer (&fixture->path, g_free);
}

/* A risk at @l × @i (inherent and residual), with no treatment: above the default threshold it
 * is a "risk-untreated" finding. */
static AnnexRecord *
add_risk (Fixture    *fixture,
          const char *title,
          guint       l,
          guint       i)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexRecord) risk = annex_register_new_record (risk_register (fixture));

  annex_risk_set_title (ANNEX_RISK (risk), title);
  annex_risk_set_inherent (ANNEX_RISK (risk), l, i);
  annex_risk_set_residual (ANNEX_RISK (risk), l, i);
  annex_register_add (risk_register (fixture), risk, &error);
  g_assert_no_error (error);
  return risk;  /* the register holds it */
}

/* The record rows under a finding's expander row. */
static GtkWidget *
find_record_row (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_ACTION_ROW (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)),
                     "win.show-record") == 0)
        return child;
      if ((found = find_record_row (child)) != NULL)
        return found;
    }

  return NULL;
}

/* The score and the checks as the model computes them for the same day. */
static void
test_score_and_checks (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(AnnexReadiness) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *score = NULL;

  if (!annex_test_require_display (has_display))
    return;

  add_risk (fixture, "Ransomware", 5, 5);
  add_risk (fixture, "Stolen laptop", 5, 4);
  annex_overview_view_refresh (fixture->view);

  expected = annex_readiness_compute (annex_window_get_database (fixture->window), TODAY,
                                      &error);
  g_assert_no_error (error);
  g_assert_cmpuint (annex_overview_view_get_score (fixture->view), ==, expected->score);
  score = g_strdup_printf ("%u %%", expected->score);
  g_assert_cmpstr (gtk_label_get_label (annex_overview_view_get_score_label (fixture->view)), ==,
                   score);

  /* One row per finding, in order; the count of records on those that list records. */
  g_assert_cmpuint (expected->findings->len, >, 0);
  for (guint i = 0; i < expected->findings->len; i++)
    {
      const AnnexCheckFinding *finding = g_ptr_array_index (expected->findings, i);
      GtkWidget *row = annex_overview_view_get_check_row (fixture->view, finding->rule);
      GtkListBoxRow *nth = gtk_list_box_get_row_at_index (
                             annex_overview_view_get_checks_list (fixture->view), i);

      g_assert_nonnull (row);
      g_assert_true (GTK_WIDGET (nth) == row);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                       finding->title);
      if (finding->records->len > 0)
        {
          g_autofree char *count = g_strdup_printf ("%u", finding->records->len);
          GtkWidget *label = annex_test_find_named (row, "count");

          g_assert_true (ADW_IS_EXPANDER_ROW (row));
          g_assert_nonnull (label);
          g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, count);
        }
    }

  g_assert_nonnull (annex_readiness_find (expected->findings, ANNEX_CHECK_RISK_UNTREATED));
  g_assert_cmpuint (annex_readiness_find (expected->findings,
                                          ANNEX_CHECK_RISK_UNTREATED)->records->len, ==, 2);
  g_assert_null (annex_overview_view_get_check_row (fixture->view, "no-findings"));

  /* The residual heat map counts the risks straight from the table. */
  g_assert_cmpuint (annex_heat_map_get_count (annex_overview_view_get_heat_map (fixture->view),
                                              5, 5), ==, 1);
  g_assert_cmpuint (annex_heat_map_get_count (annex_overview_view_get_heat_map (fixture->view),
                                              5, 4), ==, 1);
}

/* A record under a finding opens in its view, selected. */
static void
test_show_record (Fixture       *fixture,
                  gconstpointer  data)
{
  AnnexRecord *risk;
  GtkWidget *row, *record_row;
  AnnexRecordEditor *editor;

  if (!annex_test_require_display (has_display))
    return;

  risk = add_risk (fixture, "Ransomware", 5, 5);
  annex_overview_view_refresh (fixture->view);

  row = annex_overview_view_get_check_row (fixture->view, ANNEX_CHECK_RISK_UNTREATED);
  g_assert_nonnull (row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  record_row = find_record_row (row);
  g_assert_nonnull (record_row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (record_row)), ==,
                   annex_record_get_reference (risk));

  g_assert_true (gtk_widget_activate (record_row));
  annex_test_iterate_main_loop ();
  g_assert_cmpstr (annex_window_get_view (fixture->window), ==, "risks");
  editor = annex_register_page_get_editor (annex_risks_view_get_risks_page (fixture->risks_view));
  g_assert_true (annex_record_editor_get_record (editor) == risk);

  /* The expanded finding stays expanded when the checks are recomputed. */
  annex_overview_view_refresh (fixture->view);
  row = annex_overview_view_get_check_row (fixture->view, ANNEX_CHECK_RISK_UNTREATED);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
}

/* Edits recompute the overview once, shortly after the last of a burst; a view not shown
 * recomputes when it is shown again. */
static void
test_refresh (Fixture       *fixture,
              gconstpointer  data)
{
  guint before;

  if (!annex_test_require_display (has_display))
    return;

  g_assert_null (annex_overview_view_get_check_row (fixture->view, ANNEX_CHECK_RISK_UNTREATED));
  before = annex_overview_view_get_n_refreshes (fixture->view);

  add_risk (fixture, "Ransomware", 5, 5);
  add_risk (fixture, "Flood", 4, 5);
  add_risk (fixture, "Phishing", 5, 3);
  g_assert_cmpuint (annex_overview_view_get_n_refreshes (fixture->view), ==, before);

  ANNEX_TEST_WAIT_UNTIL (annex_overview_view_get_n_refreshes (fixture->view) > before);
  g_assert_cmpuint (annex_overview_view_get_n_refreshes (fixture->view), ==, before + 1);
  g_assert_nonnull (annex_overview_view_get_check_row (fixture->view,
                                                       ANNEX_CHECK_RISK_UNTREATED));

  /* Not shown: nothing computed until the view is shown again. */
  annex_window_set_view (fixture->window, "actions");
  annex_test_iterate_main_loop ();
  before = annex_overview_view_get_n_refreshes (fixture->view);
  add_risk (fixture, "Fire", 5, 5);
  g_usleep (400 * 1000);
  annex_test_iterate_main_loop ();
  g_assert_cmpuint (annex_overview_view_get_n_refreshes (fixture->view), ==, before);
  /* (On a worker, like every refresh after edits.) */
  annex_window_set_view (fixture->window, "overview");
  ANNEX_TEST_WAIT_UNTIL (annex_overview_view_get_n_refreshes (fixture->view) > before);
  g_assert_cmpuint (annex_overview_view_get_n_refreshes (fixture->view), ==, before + 1);
}

/* A cell of the overview's heat map opens the Risks view filtered by it (residual). */
static void
test_heat_map_cell (Fixture       *fixture,
                    gconstpointer  data)
{
  AnnexHeatMap *map, *risks_map;

  if (!annex_test_require_display (has_display))
    return;

  add_risk (fixture, "Ransomware", 5, 5);
  add_risk (fixture, "Stolen laptop", 2, 2);
  annex_overview_view_refresh (fixture->view);
  map = annex_overview_view_get_heat_map (fixture->view);

  annex_heat_map_pick (map, 5, 5);
  annex_test_iterate_main_loop ();
  g_assert_cmpstr (annex_window_get_view (fixture->window), ==, "risks");
  g_assert_true (annex_risks_view_get_residual (fixture->risks_view));
  risks_map = annex_risks_view_get_heat_map (fixture->risks_view);
  g_assert_cmpuint (annex_heat_map_get_selected_likelihood (risks_map), ==, 5);
  g_assert_cmpuint (annex_heat_map_get_selected_impact (risks_map), ==, 5);
  g_assert_cmpuint (annex_register_page_get_n_shown (
                      annex_risks_view_get_risks_page (fixture->risks_view)), ==, 1);
  /* The overview's own map keeps no selection. */
  g_assert_cmpuint (annex_heat_map_get_selected_likelihood (map), ==, 0);
}

/* The "Next audit" row opens the Audits view; with an audit planned, that audit in the editor. */
static void
test_next_audit (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(AnnexRecord) audit = NULL;
  g_autoptr(GError) error = NULL;
  AnnexAuditsView *audits_view;
  AnnexRegisterPage *page;
  AnnexRegister *audits;
  GtkWidget *row;

  if (!annex_test_require_display (has_display))
    return;

  row = annex_test_find_row (GTK_WIDGET (fixture->view), "Next audit");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, "win.show-view");

  audits_view = ANNEX_AUDITS_VIEW (annex_test_find_descendant (GTK_WIDGET (fixture->window),
                                                               ANNEX_TYPE_AUDITS_VIEW));
  page = annex_audits_view_get_audits_page (audits_view);
  audits = annex_register_page_get_register (page);
  annex_test_wait_loaded (audits);
  audit = annex_register_new_record (audits);
  annex_record_set_string (audit, "title", "Access control audit");
  annex_record_set_string (audit, "planned-start", "2026-06-01");
  g_assert_true (annex_register_add (audits, audit, &error));
  g_assert_no_error (error);
  annex_overview_view_refresh (fixture->view);

  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, "win.show-record");
  g_assert_true (gtk_widget_activate (row));
  annex_test_iterate_main_loop ();
  g_assert_cmpstr (annex_window_get_view (fixture->window), ==, "audits");
  g_assert_cmpstr (annex_audits_view_get_visible_page (audits_view), ==, "audits");
  g_assert_true (annex_record_editor_get_record (annex_register_page_get_editor (page)) == audit);
}

/* An empty workspace has findings (no scope, no audit…); once they are gone the list says so. */
static void
test_no_findings_text (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *first;

  if (!annex_test_require_display (has_display))
    return;

  first = GTK_WIDGET (gtk_list_box_get_row_at_index (
                        annex_overview_view_get_checks_list (fixture->view), 0));
  g_assert_nonnull (first);
  g_assert_cmpstr (gtk_widget_get_name (first), !=, "no-findings");
}

static guint
window_scale (Fixture *fixture)
{
  return annex_text_scale_get (GTK_WIDGET (fixture->window));
}

/* Ctrl+plus and Ctrl+minus step the text size of the window; the workspace keeps it and gives
 * it back when it is opened again; the welcome screen has the normal size. */
static void
test_text_scale (Fixture       *fixture,
                 gconstpointer  data)
{
  GActionGroup *actions;
  g_autofree char *value = NULL;

  if (!annex_test_require_display (has_display))
    return;

  actions = G_ACTION_GROUP (fixture->window);
  g_assert_cmpuint (window_scale (fixture), ==, 100);
  g_action_group_activate_action (actions, "text-larger", NULL);
  g_action_group_activate_action (actions, "text-larger", NULL);
  g_assert_cmpuint (window_scale (fixture), ==, 150);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (fixture->window), "text-scale-150"));
  value = annex_database_dup_setting (annex_window_get_database (fixture->window),
                                      ANNEX_TEXT_SCALE_SETTING);
  g_assert_cmpstr (value, ==, "150");

  annex_window_close_workspace (fixture->window);
  annex_test_iterate_main_loop ();
  g_assert_cmpuint (window_scale (fixture), ==, 100);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (fixture->window), "text-scale-150"));
  g_assert_false (g_action_group_get_action_enabled (actions, "text-larger"));

  open_workspace (fixture);
  g_assert_cmpuint (window_scale (fixture), ==, 150);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (fixture->window), "text-scale-150"));

  g_action_group_activate_action (actions, "text-smaller", NULL);
  g_assert_cmpuint (window_scale (fixture), ==, 125);
  g_action_group_activate_action (actions, "text-reset", NULL);
  g_assert_cmpuint (window_scale (fixture), ==, 100);
  g_clear_pointer (&value, g_free);
  value = annex_database_dup_setting (annex_window_get_database (fixture->window),
                                      ANNEX_TEXT_SCALE_SETTING);
  g_assert_null (value);
}

static void
test_text_scale_steps (void)
{
  g_assert_cmpuint (annex_text_scale_step (100, 1), ==, 125);
  g_assert_cmpuint (annex_text_scale_step (175, 1), ==, 200);
  g_assert_cmpuint (annex_text_scale_step (200, 1), ==, 200);
  g_assert_cmpuint (annex_text_scale_step (100, -1), ==, 100);
  g_assert_cmpuint (annex_text_scale_step (150, -1), ==, 125);
  g_assert_cmpuint (annex_text_scale_step (130, -1), ==, 125);
  g_assert_cmpuint (annex_text_scale_step (130, 1), ==, 150);
  g_assert_cmpuint (annex_text_scale_step (175, 0), ==, 100);

  g_assert_cmpuint (annex_text_scale_parse ("175"), ==, 175);
  g_assert_cmpuint (annex_text_scale_parse (NULL), ==, 100);
  g_assert_cmpuint (annex_text_scale_parse (""), ==, 100);
  g_assert_cmpuint (annex_text_scale_parse ("130"), ==, 100);
  g_assert_cmpuint (annex_text_scale_parse ("150%"), ==, 100);
  g_assert_cmpuint (annex_text_scale_parse ("-150"), ==, 100);
  g_assert_cmpuint (annex_text_scale_parse ("99999999999999999999999"), ==, 100);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmpdir = annex_test_ui_init (&argc, &argv, &has_display);

  g_test_add_func ("/annex/overview-view/text-scale-steps", test_text_scale_steps);
  g_test_add ("/annex/overview-view/score-and-checks", Fixture, NULL, fixture_set_up,
              test_score_and_checks, fixture_tear_down);
  g_test_add ("/annex/overview-view/show-record", Fixture, NULL, fixture_set_up,
              test_show_record, fixture_tear_down);
  g_test_add ("/annex/overview-view/refresh", Fixture, NULL, fixture_set_up, test_refresh,
              fixture_tear_down);
  g_test_add ("/annex/overview-view/heat-map-cell", Fixture, NULL, fixture_set_up,
              test_heat_map_cell, fixture_tear_down);
  g_test_add ("/annex/overview-view/next-audit", Fixture, NULL, fixture_set_up, test_next_audit,
              fixture_tear_down);
  g_test_add ("/annex/overview-view/findings-of-new-workspace", Fixture, NULL, fixture_set_up,
              test_no_findings_text, fixture_tear_down);
  g_test_add ("/annex/overview-view/text-scale", Fixture, NULL, fixture_set_up, test_text_scale,
              fixture_tear_down);

  status = g_test_run ();

  annex_test_rm_rf (tmpdir);
  g_free (tmpdir);

  return status;
}
