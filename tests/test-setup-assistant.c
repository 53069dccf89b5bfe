/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-setup-assistant.c: the ways into a workspace under a virtual display: the guided start
 * (filled in and finished, skipped, closed, offered after New Workspace), the sample
 * organizations of the welcome screen (each opening is a fresh copy), and the search over every
 * register (Ctrl+K) opening a record in its view. */

#define G_LOG_DOMAIN "test-setup-assistant"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "annex-issue.h"
#include "annex-party.h"
#include "annex-register.h"
#include "annex-risk-method.h"
#include "annex-risk.h"
#include "annex-sample.h"
#include "annex-asset.h"
#include "annex-scope-version.h"
#include "annex-search-dialog.h"
#include "annex-setup-assistant.h"
#include "annex-test-ui-util.h"
#include "annex-test-util.h"
#include "annex-welcome-page.h"
#include "annex-window.h"

static gboolean has_display;
static char *tmpdir;

typedef struct
{
  guint    n_toasts;
  guint    n_finished;
  gboolean applied;
} Outcome;

static void
on_add_toast_cb (AnnexSetupAssistant *assistant,
                 AdwToast            *toast,
                 Outcome             *outcome)
{
  g_test_message ("toast: %s", adw_toast_get_title (toast));
  outcome->n_toasts++;
}

static void
on_finished_cb (AnnexSetupAssistant *assistant,
                gboolean             applied,
                Outcome             *outcome)
{
  outcome->n_finished++;
  outcome->applied = applied;
}

static AnnexDatabase *
create_database (const char *name)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;
  AnnexDatabase *db = annex_database_create (path, "Acme Ltd", &error);

  g_assert_no_error (error);
  return db;
}

static AnnexSetupAssistant *
create_assistant (AnnexDatabase *db,
                  Outcome       *outcome)
{
  AnnexSetupAssistant *assistant = annex_setup_assistant_new (NULL, db);

  g_object_ref (assistant);
  g_signal_connect (assistant, "add-toast", G_CALLBACK (on_add_toast_cb), outcome);
  g_signal_connect (assistant, "finished", G_CALLBACK (on_finished_cb), outcome);
  gtk_window_present (GTK_WINDOW (assistant));
  annex_test_iterate_main_loop ();

  return assistant;
}

static void
step (AnnexSetupAssistant *assistant,
      const char          *action,
      const char          *expected_step)
{
  g_assert_cmpstr (annex_setup_assistant_get_step (assistant), ==, expected_step);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), action, NULL));
  annex_test_iterate_main_loop ();
}

static gint64
count_rows (AnnexDatabase *db,
            const char    *table)
{
  g_autoptr(GError) error = NULL;
  gint64 n = annex_database_count_rows (db, table, &error);

  g_assert_no_error (error);
  return n;
}

static void
assert_setting (AnnexDatabase *db,
                const char    *key,
                const char    *expected)
{
  g_autofree char *value = annex_database_dup_setting (db, key);

  g_assert_cmpstr (value, ==, expected);
}

static void
test_assistant_finish (void)
{
  g_autoptr(AnnexDatabase) db = NULL;
  g_autoptr(AnnexRegister) versions = NULL;
  g_autoptr(AnnexRiskMethod) method = NULL;
  g_autoptr(GError) error = NULL;
  AnnexSetupAssistant *assistant;
  AnnexScopeVersion *draft;
  Outcome outcome = { 0 };

  if (!annex_test_require_display (has_display))
    return;

  db = create_database ("finish.isms");
  assistant = create_assistant (db, &outcome);

  /* Back returns to the step before, keeping the answers. */
  annex_setup_assistant_set_organization (assistant, "  Acme Health Services ");
  step (assistant, "setup.next", "organization");
  annex_setup_assistant_set_sector (assistant, "healthcare");
  step (assistant, "setup.back", "sector");
  step (assistant, "setup.next", "organization");
  step (assistant, "setup.next", "sector");
  annex_setup_assistant_set_size (assistant, "11-50");
  step (assistant, "setup.next", "size");
  annex_setup_assistant_set_preset (assistant, ANNEX_RISK_PRESET_3X3);
  step (assistant, "setup.next", "method");
  annex_setup_assistant_set_scope (assistant, "The patient portal and the clinic's network.");
  step (assistant, "setup.next", "scope");
  annex_setup_assistant_set_add_starter (assistant, TRUE);
  g_assert_cmpuint (outcome.n_finished, ==, 0);
  g_assert_cmpint (count_rows (db, "issues"), ==, 0);
  step (assistant, "setup.next", "starter");

  /* Finished: applied, and the window is gone. */
  g_assert_cmpuint (outcome.n_finished, ==, 1);
  g_assert_true (outcome.applied);
  g_assert_cmpuint (outcome.n_toasts, ==, 0);
  g_assert_finalize_object (assistant);

  assert_setting (db, "organization", "Acme Health Services");
  assert_setting (db, ANNEX_SETUP_SECTOR_SETTING, "healthcare");
  assert_setting (db, ANNEX_SETUP_SIZE_SETTING, "11-50");

  method = annex_risk_method_load (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (annex_risk_method_get_n_likelihoods (method), ==, 3);
  g_assert_cmpuint (annex_risk_method_get_n_impacts (method), ==, 3);

  versions = annex_register_new (db, ANNEX_TYPE_SCOPE_VERSION);
  annex_register_load (versions, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (versions)), ==, 1);
  draft = annex_scope_version_find_draft (G_LIST_MODEL (versions));
  g_assert_nonnull (draft);
  g_assert_cmpstr (annex_scope_version_get_statement (draft), ==,
                   "The patient portal and the clinic's network.");

  /* The starter content of the sector. */
  g_assert_cmpint (count_rows (db, "issues"), >, 0);
  g_assert_cmpint (count_rows (db, "parties"), >, 0);
  g_assert_cmpint (count_rows (db, "assets"), >, 0);
  g_assert_cmpint (count_rows (db, "risks"), >, 0);

  annex_database_close (db);
}

static void
test_assistant_skip (void)
{
  g_autoptr(AnnexDatabase) db = NULL;
  AnnexSetupAssistant *assistant;
  Outcome outcome = { 0 };
  const char * const steps[] = { "organization", "sector", "size", "method", "scope", "starter" };

  if (!annex_test_require_display (has_display))
    return;

  db = create_database ("skip.isms");
  assistant = create_assistant (db, &outcome);

  /* Answers given, then skipped: none of them is applied. */
  annex_setup_assistant_set_organization (assistant, "Other Name");
  annex_setup_assistant_set_sector (assistant, "software");
  annex_setup_assistant_set_size (assistant, "1-10");
  annex_setup_assistant_set_preset (assistant, ANNEX_RISK_PRESET_4X4);
  annex_setup_assistant_set_scope (assistant, "Everything");
  annex_setup_assistant_set_add_starter (assistant, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    step (assistant, "setup.skip", steps[i]);

  g_assert_cmpuint (outcome.n_finished, ==, 1);
  g_assert_false (outcome.applied);
  g_assert_cmpuint (outcome.n_toasts, ==, 0);
  g_assert_finalize_object (assistant);

  assert_setting (db, "organization", "Acme Ltd");
  assert_setting (db, ANNEX_SETUP_SECTOR_SETTING, NULL);
  assert_setting (db, ANNEX_SETUP_SIZE_SETTING, NULL);
  assert_setting (db, ANNEX_RISK_METHOD_SETTING, NULL);
  g_assert_cmpint (count_rows (db, "scope_versions"), ==, 0);
  g_assert_cmpint (count_rows (db, "issues"), ==, 0);
  g_assert_cmpint (count_rows (db, "parties"), ==, 0);
  g_assert_cmpint (count_rows (db, "assets"), ==, 0);
  g_assert_cmpint (count_rows (db, "risks"), ==, 0);

  annex_database_close (db);
}

static void
test_assistant_close (void)
{
  g_autoptr(AnnexDatabase) db = NULL;
  AnnexSetupAssistant *assistant;
  Outcome outcome = { 0 };

  if (!annex_test_require_display (has_display))
    return;

  db = create_database ("close.isms");
  assistant = create_assistant (db, &outcome);
  annex_setup_assistant_set_sector (assistant, "software");
  step (assistant, "setup.next", "organization");
  step (assistant, "setup.next", "sector");

  /* Closed half-way (Escape, the close button): nothing is applied. */
  gtk_window_close (GTK_WINDOW (assistant));
  annex_test_iterate_main_loop ();
  g_assert_cmpuint (outcome.n_finished, ==, 0);
  g_assert_finalize_object (assistant);
  assert_setting (db, ANNEX_SETUP_SECTOR_SETTING, NULL);
  assert_setting (db, ANNEX_RISK_METHOD_SETTING, NULL);

  annex_database_close (db);
}

static AnnexWindow *
create_window (AnnexWorkspaceList *list)
{
  AnnexWindow *window = annex_window_new (NULL, list);

  annex_window_set_toast_timeout (window, 0);
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  annex_test_iterate_main_loop ();

  return window;
}

static void
destroy_window (AnnexWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  annex_test_iterate_main_loop ();
  g_assert_finalize_object (window);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static void
test_new_workspace_offers_assistant (void)
{
  g_autofree char *folder = g_build_filename (tmpdir, "new", NULL);
  g_autoptr(AnnexWorkspaceList) list = annex_workspace_list_new (folder);
  AdwMessageDialog *dialog;
  GtkWindow *assistant;
  AnnexWindow *window;
  GtkEditable *entry;

  if (!annex_test_require_display (has_display))
    return;

  window = create_window (list);
  annex_window_new_workspace (window);
  annex_test_iterate_main_loop ();
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  entry = g_object_get_data (G_OBJECT (dialog), "name-entry");
  gtk_editable_set_text (entry, "Initech");
  adw_message_dialog_response (dialog, "apply");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Once the new workspace is shown, the assistant is offered over it, with its name. */
  ANNEX_TEST_WAIT_UNTIL (find_toplevel (ANNEX_TYPE_SETUP_ASSISTANT) != NULL);
  assistant = find_toplevel (ANNEX_TYPE_SETUP_ASSISTANT);
  g_assert_nonnull (assistant);
  g_assert_nonnull (annex_window_get_database (window));
  g_assert_true (gtk_window_get_transient_for (assistant) == GTK_WINDOW (window));

  /* Renamed in the assistant: the window's title follows. */
  annex_setup_assistant_set_organization (ANNEX_SETUP_ASSISTANT (assistant), "Initech Ltd");
  for (guint i = 0; i < 6; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant),
                                               i == 0 ? "setup.next" : "setup.skip", NULL));
  annex_test_iterate_main_loop ();
  g_assert_null (find_toplevel (ANNEX_TYPE_SETUP_ASSISTANT));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Initech Ltd — Annex");

  destroy_window (window);
}

static void
on_notify_database_cb (AnnexWindow *window,
                       GParamSpec  *pspec,
                       guint       *n_opened)
{
  if (annex_window_get_database (window) != NULL)
    (*n_opened)++;
}

static void
test_sample_opens_fresh (void)
{
  g_autofree char *folder = g_build_filename (tmpdir, "workspaces", NULL);
  g_autoptr(AnnexWorkspaceList) list = annex_workspace_list_new (folder);
  g_autofree char *path = annex_window_dup_sample_path ("financial");
  g_autoptr(GError) error = NULL;
  const AnnexSampleInfo *sample = annex_sample_find ("financial");
  AnnexWindow *window;
  AnnexDatabase *db;
  GtkWidget *welcome;
  guint n_opened = 0;
  gint64 n_issues;

  if (!annex_test_require_display (has_display))
    return;

  g_assert_nonnull (sample);
  window = create_window (list);
  welcome = annex_test_find_descendant (GTK_WIDGET (window), ANNEX_TYPE_WELCOME_PAGE);
  g_assert_nonnull (annex_test_find_button (welcome, "_Open Sample"));
  g_signal_connect (window, "notify::database", G_CALLBACK (on_notify_database_cb), &n_opened);

  g_action_group_activate_action (G_ACTION_GROUP (window), "open-sample",
                                  g_variant_new_string ("financial"));
  ANNEX_TEST_WAIT_UNTIL (n_opened == 1);
  g_assert_cmpuint (n_opened, ==, 1);
  db = annex_window_get_database (window);
  g_assert_cmpstr (annex_database_get_path (db), ==, path);
  {
    g_autofree char *title = g_strconcat (sample->organization, " — Annex", NULL);

    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);
  }
  n_issues = count_rows (db, "issues");
  g_assert_cmpint (n_issues, >=, 10);

  /* The sample is not one of the user's workspaces. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  /* Practice: delete every issue and rename the organization. */
  {
    g_autoptr(AnnexRegister) issues = annex_register_new (db, ANNEX_TYPE_ISSUE);

    annex_register_load (issues, &error);
    g_assert_no_error (error);
    while (g_list_model_get_n_items (G_LIST_MODEL (issues)) > 0)
      {
        g_autoptr(AnnexRecord) issue = g_list_model_get_item (G_LIST_MODEL (issues), 0);

        annex_register_remove (issues, issue, &error);
        g_assert_no_error (error);
      }
    annex_database_set_setting (db, "organization", "Practice Bank", &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (count_rows (db, "issues"), ==, 0);

  /* Opened again: a fresh copy, as the sample was. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "open-sample",
                                  g_variant_new_string ("financial"));
  ANNEX_TEST_WAIT_UNTIL (n_opened == 2);
  g_assert_cmpuint (n_opened, ==, 2);
  db = annex_window_get_database (window);
  g_assert_cmpint (count_rows (db, "issues"), ==, n_issues);
  {
    g_autofree char *organization = annex_database_dup_organization (db);

    g_assert_cmpstr (organization, ==, sample->organization);
  }

  destroy_window (window);
}

static void
on_window_opened_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (annex_window_open_workspace_finish (ANNEX_WINDOW (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_search_dialog (void)
{
  g_autofree char *folder = g_build_filename (tmpdir, "search", NULL);
  g_autoptr(AnnexWorkspaceList) list = annex_workspace_list_new (folder);
  g_autoptr(GError) error = NULL;
  AnnexSearchDialog *dialog;
  AnnexWindow *window;
  g_autofree char *path = NULL;
  gboolean opened = FALSE;

  if (!annex_test_require_display (has_display))
    return;

  /* A copy: the window refreshes the list, replacing its items. */
  path = g_strdup (annex_workspace_get_path (annex_workspace_list_create (list, "Acme Ltd",
                                                                          &error)));
  g_assert_no_error (error);
  {
    g_autoptr(AnnexDatabase) db = annex_database_open (path,
                                                       ANNEX_DATABASE_OPEN_DEFAULT, &error);
    g_autoptr(AnnexRegister) risks = annex_register_new (db, ANNEX_TYPE_RISK);
    g_autoptr(AnnexRegister) assets = annex_register_new (db, ANNEX_TYPE_ASSET);
    const char * const titles[] = { "Ransomware on file servers", "Ransomware on laptops" };

    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
      {
        g_autoptr(AnnexRecord) risk = annex_register_new_record (risks);

        annex_record_set_string (risk, "title", titles[i]);
        annex_register_add (risks, risk, &error);
        g_assert_no_error (error);
      }
    {
      g_autoptr(AnnexRecord) asset = annex_register_new_record (assets);

      annex_record_set_string (asset, "name", "File server");
      annex_register_add (assets, asset, &error);
      g_assert_no_error (error);
    }
    annex_database_close (db);
  }

  window = create_window (list);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window),
                                                     "search-everywhere"));
  annex_window_open_workspace_async (window, path, NULL, on_window_opened_cb, &opened);
  annex_test_wait_for (&opened);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window),
                                                    "search-everywhere"));
  annex_window_set_view (window, "overview");

  /* The window action opens the dialog. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "search-everywhere", NULL);
  annex_test_iterate_main_loop ();
  dialog = ANNEX_SEARCH_DIALOG (find_toplevel (ANNEX_TYPE_SEARCH_DIALOG));
  g_assert_nonnull (dialog);
  g_object_ref (dialog);
  g_assert_cmpstr (annex_search_dialog_get_state (dialog), ==, "empty");

  annex_search_dialog_set_text (dialog, "no such thing");
  ANNEX_TEST_WAIT_UNTIL (!annex_search_dialog_get_busy (dialog));
  g_assert_cmpstr (annex_search_dialog_get_state (dialog), ==, "no-results");
  g_assert_false (annex_search_dialog_activate_selected (dialog));

  /* "server": one asset and one risk, assets first (register order). */
  annex_search_dialog_set_text (dialog, "server");
  ANNEX_TEST_WAIT_UNTIL (!annex_search_dialog_get_busy (dialog));
  g_assert_cmpstr (annex_search_dialog_get_state (dialog), ==, "results");
  g_assert_cmpuint (annex_search_dialog_get_n_results (dialog), ==, 2);

  annex_search_dialog_set_text (dialog, "   ");
  g_assert_cmpstr (annex_search_dialog_get_state (dialog), ==, "empty");

  annex_search_dialog_set_text (dialog, "ransomware");
  ANNEX_TEST_WAIT_UNTIL (!annex_search_dialog_get_busy (dialog));
  g_assert_cmpuint (annex_search_dialog_get_n_results (dialog), ==, 2);

  /* Down, then Enter: the second risk opens in the Risks view; the dialog is gone. */
  annex_search_dialog_move_selection (dialog, 1);
  annex_search_dialog_move_selection (dialog, 5);
  g_assert_true (annex_search_dialog_activate_selected (dialog));
  annex_test_iterate_main_loop ();
  g_assert_finalize_object (dialog);
  g_assert_cmpstr (annex_window_get_view (window), ==, "risks");

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The sample copies go to the user data directory. */
  tmpdir = annex_test_ui_init (&argc, &argv, &has_display);

  g_test_add_func ("/annex/ui/setup-assistant/finish", test_assistant_finish);
  g_test_add_func ("/annex/ui/setup-assistant/skip", test_assistant_skip);
  g_test_add_func ("/annex/ui/setup-assistant/close", test_assistant_close);
  g_test_add_func ("/annex/ui/setup-assistant/after-new-workspace",
                   test_new_workspace_offers_assistant);
  g_test_add_func ("/annex/ui/sample-opens-fresh", test_sample_opens_fresh);
  g_test_add_func ("/annex/ui/search-dialog", test_search_dialog);

  status = g_test_run ();

  annex_test_rm_rf (tmpdir);
  g_free (tmpdir);

  return status;
}
