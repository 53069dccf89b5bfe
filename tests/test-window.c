/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c: the application shell under a virtual display: the welcome screen, opening a
 * workspace (on a worker), visiting every view and closing it again, a workspace operation's
 * progress on its welcome row; plus the shell's pure helpers. */

#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "annex-action.h"
#include "annex-application.h"
#include "annex-change-log.h"
#include "annex-controls-view.h"
#include "annex-register-page.h"
#include "annex-store-error.h"
#include "annex-test-ui-util.h"
#include "annex-test-util.h"
#include "annex-welcome-page.h"
#include "annex-window.h"

static gboolean has_display;
static char *tmpdir;

/* A new window over @list, shown, with a reference of the test's own (for
 * g_assert_finalize_object). */
static AnnexWindow *
create_window (AnnexWorkspaceList *list)
{
  AnnexWindow *window = annex_window_new (NULL, list);

  /* Slow runs (sanitizers) must still find the Undo toasts up. */
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

static char *
make_folder (const char *name)
{
  char *folder = g_build_filename (tmpdir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  return folder;
}

typedef struct
{
  GAsyncResult *result;
  gboolean      done;
} OpenCall;

static void
on_workspace_opened_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  OpenCall *call = user_data;

  call->result = g_object_ref (result);
  call->done = TRUE;
}

/* Opens @path in @window and waits until it is shown or refused; meanwhile its welcome row is
 * busy. */
static gboolean
open_workspace (AnnexWindow  *window,
                const char   *path,
                GError      **error)
{
  AnnexWelcomePage *welcome;
  OpenCall call = { NULL, FALSE };
  gboolean opened;

  welcome = ANNEX_WELCOME_PAGE (annex_test_find_descendant (GTK_WIDGET (window), ANNEX_TYPE_WELCOME_PAGE));
  annex_window_open_workspace_async (window, path, NULL, on_workspace_opened_cb, &call);
  g_assert_false (call.done);
  g_assert_true (annex_welcome_page_get_workspace_busy (welcome, path));

  annex_test_wait_for (&call.done);
  opened = annex_window_open_workspace_finish (window, call.result, error);
  g_object_unref (call.result);
  g_assert_false (annex_welcome_page_get_workspace_busy (welcome, path));

  return opened;
}

/* The child of the window's view stack that shows @name. */
static GtkWidget *
find_view (AnnexWindow *window,
           const char  *name)
{
  GtkWidget *controls = annex_test_find_descendant (GTK_WIDGET (window), ANNEX_TYPE_CONTROLS_VIEW);
  GtkWidget *view_stack;

  g_assert_nonnull (controls);
  view_stack = gtk_widget_get_parent (controls);
  g_assert_true (GTK_IS_STACK (view_stack));
  return gtk_stack_get_child_by_name (GTK_STACK (view_stack), name);
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     gboolean   *changed)
{
  *changed = TRUE;
}

static void
on_view_changed_cb (AnnexWindow *window,
                    GParamSpec  *pspec,
                    guint       *n_changes)
{
  (*n_changes)++;
}

static void
test_view_names (void)
{
  const char * const *names = annex_window_get_view_names ();

  g_assert_cmpuint (g_strv_length ((char **) names), ==, 10);
  g_assert_cmpstr (names[0], ==, "overview");
  g_assert_cmpstr (names[5], ==, "documents");
  g_assert_cmpstr (names[9], ==, "actions");

  for (guint i = 0; names[i] != NULL; i++)
    g_assert_true (annex_window_is_view_name (names[i]));

  g_assert_false (annex_window_is_view_name ("bogus"));
  g_assert_false (annex_window_is_view_name (""));
  g_assert_false (annex_window_is_view_name ("Risks"));
  g_assert_false (annex_window_is_view_name (NULL));
}

static void
test_format_modified (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new (utc, 2026, 3, 10, 15, 0, 0);
  static const struct {
    int         year, month, day, hour, minute;
    const char *expected;
  } cases[] = {
    { 2026, 3, 10, 9, 5, "Modified today at 09:05" },
    { 2026, 3, 10, 0, 0, "Modified today at 00:00" },
    { 2026, 3, 9, 23, 59, "Modified yesterday" },
    { 2026, 3, 8, 12, 0, "Modified 2 days ago" },
    { 2026, 3, 4, 12, 0, "Modified 6 days ago" },
    { 2026, 3, 3, 12, 0, "Modified on 3 March 2026" },
    { 2025, 12, 24, 8, 0, "Modified on 24 December 2025" },
    { 2026, 3, 11, 8, 0, "Modified on 11 March 2026" },   /* a clock set wrong */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) modified = g_date_time_new (utc, cases[i].year, cases[i].month,
                                                       cases[i].day, cases[i].hour,
                                                       cases[i].minute, 0);
      g_autofree char *text = annex_welcome_page_format_modified (modified, now);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  g_assert_null (annex_welcome_page_format_modified (NULL, now));
}

static void
test_unknown_view_option (void)
{
  g_autoptr(AnnexApplication) app = annex_application_new ();
  g_autoptr(GVariantDict) options = g_variant_dict_new (NULL);
  int status = 0;

  g_variant_dict_insert (options, "view", "s", "bogus");
  g_signal_emit_by_name (app, "handle-local-options", options, &status);
  g_assert_cmpint (status, ==, 2);

  g_assert_finalize_object (g_steal_pointer (&app));
}

static void
test_welcome_empty (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(AnnexWorkspaceList) list = NULL;
  AnnexWindow *window;
  GtkWidget *welcome;

  if (!annex_test_require_display (has_display))
    return;

  folder = make_folder ("empty");
  list = annex_workspace_list_new (folder);
  window = create_window (list);

  g_assert_cmpstr (annex_window_get_visible_page (window), ==, "welcome");
  g_assert_null (annex_window_get_database (window));
  g_assert_null (annex_window_get_action_register (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Annex");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "close-workspace"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-workspace"));

  welcome = annex_test_find_descendant (GTK_WIDGET (window), ANNEX_TYPE_WELCOME_PAGE);
  g_assert_nonnull (welcome);
  g_assert_true (gtk_widget_get_mapped (welcome));
  g_assert_true (annex_welcome_page_get_workspace_list (ANNEX_WELCOME_PAGE (welcome)) == list);
  g_assert_false (annex_welcome_page_get_has_workspaces (ANNEX_WELCOME_PAGE (welcome)));

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&list));
}

static void
test_open_failure (void)
{
  static const char garbage[] = "This is not an Annex workspace, not even SQLite.";
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr(AnnexWorkspaceList) list = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  AnnexWindow *window;

  if (!annex_test_require_display (has_display))
    return;

  folder = make_folder ("broken");
  path = g_build_filename (folder, "broken.isms", NULL);
  annex_test_write_file (path, garbage, sizeof garbage - 1);
  before = annex_test_read_file (path);

  list = annex_workspace_list_new (folder);
  window = create_window (list);

  g_assert_false (open_workspace (window, path, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_NOT_SQLITE);

  /* Nothing changed: still the welcome screen, and the file is untouched. */
  g_assert_cmpstr (annex_window_get_visible_page (window), ==, "welcome");
  g_assert_null (annex_window_get_database (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Annex");
  annex_test_assert_file_equals (path, before);

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&list));
}

static void
test_open_visit_close (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(AnnexWorkspaceList) list = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last_workspace = NULL;
  g_autofree char *last_view = NULL;
  g_autofree char *path = NULL;
  const char * const *views = annex_window_get_view_names ();
  AnnexWorkspace *workspace;
  AnnexWindow *window;
  AnnexRegister *register_;
  GtkWidget *welcome;
  GtkWidget *actions_page;
  GtkStack *view_stack;
  gboolean opened;
  guint n_changes = 0;

  if (!annex_test_require_display (has_display))
    return;

  folder = make_folder ("workspaces");
  list = annex_workspace_list_new (folder);
  workspace = annex_workspace_list_create (list, "Acme & Sons Ltd", &error);
  g_assert_no_error (error);
  g_assert_nonnull (workspace);
  /* A copy: the window re-reads the folder, which replaces the list's items. */
  path = g_strdup (annex_workspace_get_path (workspace));

  window = create_window (list);
  welcome = annex_test_find_descendant (GTK_WIDGET (window), ANNEX_TYPE_WELCOME_PAGE);
  g_assert_true (annex_welcome_page_get_has_workspaces (ANNEX_WELCOME_PAGE (welcome)));

  opened = open_workspace (window, path, &error);
  g_assert_no_error (error);
  g_assert_true (opened);

  g_assert_cmpstr (annex_window_get_visible_page (window), ==, "workspace");
  g_assert_nonnull (annex_window_get_database (window));
  g_assert_cmpstr (annex_database_get_path (annex_window_get_database (window)), ==, path);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Acme & Sons Ltd — Annex");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "close-workspace"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-workspace"));

  settings = g_settings_new (ANNEX_SETTINGS_SCHEMA_ID);
  last_workspace = g_settings_get_string (settings, "last-workspace");
  g_assert_cmpstr (last_workspace, ==, path);

  /* The Actions register loads in the background. */
  register_ = annex_window_get_action_register (window);
  g_assert_nonnull (register_);
  g_assert_true (annex_register_get_record_type (register_) == ANNEX_TYPE_ACTION);
  actions_page = find_view (window, "actions");
  g_assert_true (ANNEX_IS_REGISTER_PAGE (actions_page));
  g_assert_true (annex_register_page_get_register (ANNEX_REGISTER_PAGE (actions_page)) ==
                 register_);
  annex_test_wait_loaded (register_);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (register_)), ==, 0);
  /* So do the controls and the requirements checklist. */
  annex_test_wait_loaded (annex_window_get_control_register (window));
  annex_test_wait_loaded (annex_window_get_requirement_register (window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (annex_window_get_control_register (
                                                                window))), ==, 93);

  /* Every view, through the action the sidebar and Alt+1…9 use: each becomes the visible
   * (mapped) child of the view stack. Starting from the last one, every step is a change. */
  view_stack = GTK_STACK (gtk_widget_get_parent (actions_page));
  g_assert_true (GTK_IS_STACK (view_stack));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-view",
                                  g_variant_new_string ("actions"));
  annex_test_iterate_main_loop ();
  g_signal_connect (window, "notify::view", G_CALLBACK (on_view_changed_cb), &n_changes);

  for (guint i = 0; views[i] != NULL; i++)
    {
      GtkWidget *previous = gtk_stack_get_visible_child (view_stack);
      GtkWidget *child;

      g_action_group_activate_action (G_ACTION_GROUP (window), "show-view",
                                      g_variant_new_string (views[i]));
      annex_test_iterate_main_loop ();

      child = gtk_stack_get_visible_child (view_stack);
      g_assert_cmpstr (annex_window_get_view (window), ==, views[i]);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (view_stack), ==, views[i]);
      g_assert_true (child != previous);
      g_assert_true (gtk_widget_get_mapped (child));
      g_assert_cmpuint (n_changes, ==, i + 1);
    }
  g_assert_true (gtk_stack_get_visible_child (view_stack) == actions_page);

  /* An unknown name changes nothing. */
  g_assert_false (annex_window_set_view (window, "bogus"));
  g_assert_cmpstr (annex_window_get_view (window), ==, "actions");
  g_assert_cmpuint (n_changes, ==, g_strv_length ((char **) views));
  g_signal_handlers_disconnect_by_func (window, on_view_changed_cb, &n_changes);

  last_view = g_settings_get_string (settings, "last-view");
  g_assert_cmpstr (last_view, ==, "actions");

  /* Closing returns to the welcome screen and forgets the workspace. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "close-workspace", NULL);
  annex_test_iterate_main_loop ();
  g_assert_cmpstr (annex_window_get_visible_page (window), ==, "welcome");
  g_assert_null (annex_window_get_database (window));
  g_assert_null (annex_window_get_action_register (window));
  g_assert_null (annex_window_get_control_register (window));
  g_assert_null (annex_window_get_requirement_register (window));
  g_assert_null (annex_register_page_get_register (ANNEX_REGISTER_PAGE (actions_page)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Annex");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "close-workspace"));
  g_clear_pointer (&last_workspace, g_free);
  last_workspace = g_settings_get_string (settings, "last-workspace");
  g_assert_cmpstr (last_workspace, ==, "");
  g_assert_true (gtk_widget_get_mapped (welcome));
  g_assert_true (annex_welcome_page_get_has_workspaces (ANNEX_WELCOME_PAGE (welcome)));

  /* And the same workspace opens again. */
  opened = open_workspace (window, path, &error);
  g_assert_no_error (error);
  g_assert_true (opened);
  g_assert_cmpstr (annex_window_get_visible_page (window), ==, "workspace");
  register_ = annex_window_get_action_register (window);
  annex_test_wait_loaded (register_);
  annex_test_wait_loaded (annex_window_get_control_register (window));
  annex_test_wait_loaded (annex_window_get_requirement_register (window));

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&list));
}

/* The label whose text (markup included) contains @text. */
static GtkWidget *
find_label_with (GtkWidget  *widget,
                 const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_label (GTK_LABEL (child)), text) != NULL)
        return child;

      found = find_label_with (child, text);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static AnnexRecord *
find_by_reference (AnnexRegister *register_,
                   const char    *reference)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (register_));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexRecord) record = g_list_model_get_item (G_LIST_MODEL (register_), i);

      if (g_strcmp0 (annex_record_get_reference (record), reference) == 0)
        return record;  /* borrowed: the register keeps it */
    }

  return NULL;
}

static void
on_page_toast_cb (GtkWidget *page,
                  AdwToast  *toast,
                  GPtrArray *toasts)
{
  g_ptr_array_add (toasts, g_object_ref (toast));
}

/* A new workspace's Controls view: 93 controls and 30 requirements, the SoA summary, a bulk
 * edit of three controls through the page (one transaction, with Undo), and the facets. */
static void
test_controls_view (void)
{
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr(AnnexWorkspaceList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) toasts = NULL;
  g_autoptr(GPtrArray) three = NULL;
  g_autoptr(AnnexBulkEdit) edit = NULL;
  g_autofree char *summary = NULL;
  AnnexRegister *controls, *requirements;
  AnnexControlsView *view;
  AnnexRegisterPage *page, *requirements_page;
  GtkColumnView *column_view;
  AnnexWindow *window;
  AdwToast *toast;
  const char *refs[] = { "5.1", "5.2", "8.34" };

  if (!annex_test_require_display (has_display))
    return;

  folder = make_folder ("controls");
  list = annex_workspace_list_new (folder);
  path = g_strdup (annex_workspace_get_path (annex_workspace_list_create (list, "Controls Ltd",
                                                                          &error)));
  g_assert_no_error (error);
  window = create_window (list);
  g_assert_true (open_workspace (window, path, &error));
  g_assert_no_error (error);

  controls = annex_window_get_control_register (window);
  requirements = annex_window_get_requirement_register (window);
  g_assert_nonnull (controls);
  g_assert_true (annex_register_get_record_type (controls) == ANNEX_TYPE_CONTROL);
  g_assert_true (annex_register_get_record_type (requirements) == ANNEX_TYPE_REQUIREMENT);
  annex_test_wait_loaded (controls);
  annex_test_wait_loaded (requirements);
  annex_test_wait_loaded (annex_window_get_action_register (window));

  g_assert_true (annex_window_set_view (window, "controls"));
  annex_test_iterate_main_loop ();
  view = ANNEX_CONTROLS_VIEW (find_view (window, "controls"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  /* The header bar switches between the controls and the requirements (each view of several
   * pages has its switcher in the header's title stack, named after the view). */
  {
    GtkWidget *switcher = annex_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE);
    GtkStack *title_stack = GTK_STACK (gtk_widget_get_parent (switcher));

    g_assert_true (gtk_widget_get_mapped (gtk_stack_get_child_by_name (title_stack,
                                                                       "controls")));
  }

  /* 93 rows in the list, every one undecided. */
  page = annex_controls_view_get_controls_page (view);
  column_view = GTK_COLUMN_VIEW (annex_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));
  g_assert_cmpuint (annex_register_page_get_n_total (page), ==, 93);
  g_assert_cmpuint (annex_register_page_get_n_shown (page), ==, 93);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (
                                                                           column_view))), ==, 93);
  g_assert_true (annex_register_page_get_can_add (page));
  annex_controls_view_update (view);
  summary = annex_controls_view_dup_summary_text (view);
  g_assert_cmpstr (summary, ==, "0 applicable · 0 excluded · 93 undecided · 0 implemented");
  g_clear_pointer (&summary, g_free);

  /* The requirements checklist: 30 rows, nothing to add. */
  requirements_page = annex_controls_view_get_requirements_page (view);
  g_assert_cmpuint (annex_register_page_get_n_total (requirements_page), ==, 30);
  g_assert_false (annex_register_page_get_can_add (requirements_page));
  annex_controls_view_set_visible_page (view, "requirements");
  annex_test_iterate_main_loop ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (requirements_page)));
  annex_controls_view_set_visible_page (view, "controls");
  annex_test_iterate_main_loop ();

  /* A bulk edit of three controls through the page: one transaction, a toast with Undo. */
  toasts = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (page, "add-toast", G_CALLBACK (on_page_toast_cb), toasts);
  three = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (refs); i++)
    g_ptr_array_add (three, find_by_reference (controls, refs[i]));
  g_assert_cmpuint (annex_register_page_select_records (page, three), ==, 3);
  g_assert_cmpuint (annex_register_page_get_n_selected (page), ==, 3);

  edit = annex_bulk_edit_new (ANNEX_TYPE_CONTROL);
  g_assert_true (annex_bulk_edit_set_string (edit, "applicability", "applicable"));
  g_assert_true (annex_bulk_edit_set_boolean (edit, "reason-risk", TRUE));
  g_assert_true (annex_bulk_edit_set_string (edit, "owner", "CISO"));
  g_assert_true (annex_register_page_apply_bulk_edit (page, NULL, edit, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < three->len; i++)
    {
      AnnexRecord *record = g_ptr_array_index (three, i);
      g_autoptr(GPtrArray) entries = NULL;
      const AnnexChangeEntry *last;
      gboolean reason_risk = FALSE;

      g_assert_cmpstr (annex_record_get_string (record, "applicability"), ==, "applicable");
      g_assert_cmpstr (annex_record_get_string (record, "owner"), ==, "CISO");
      g_object_get (record, "reason-risk", &reason_risk, NULL);
      g_assert_true (reason_risk);
      entries = annex_change_log_list (annex_window_get_database (window), "controls",
                                       annex_record_get_id (record), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (entries->len, >=, 1);
      last = g_ptr_array_index (entries, entries->len - 1);
      g_assert_cmpint (last->kind, ==, ANNEX_CHANGE_UPDATE);
    }
  g_assert_cmpstr (annex_record_get_string (find_by_reference (controls, "5.3"), "applicability"),
                   ==, "undecided");

  /* The summary follows the write by itself (at the next idle). */
  annex_test_iterate_main_loop ();
  summary = annex_controls_view_dup_summary_text (view);
  g_assert_cmpstr (summary, ==, "3 applicable · 0 excluded · 90 undecided · 0 implemented\n"
                                "3 without a plan");
  g_clear_pointer (&summary, g_free);

  /* Its counts are links to the controls counted. */
  {
    GtkWidget *gaps = find_label_with (GTK_WIDGET (view), "href=\"no-plan\"");
    gboolean handled = FALSE;

    g_assert_nonnull (gaps);
    g_signal_emit_by_name (gaps, "activate-link", "no-plan", &handled);
    g_assert_true (handled);
    g_assert_cmpuint (annex_register_page_get_n_shown (page), ==, 3);
    g_assert_cmpuint (annex_register_page_get_n_active_filters (page), ==, 1);
    g_signal_emit_by_name (gaps, "activate-link", "undecided", &handled);
    g_assert_cmpuint (annex_register_page_get_n_shown (page), ==, 90);
    annex_register_page_clear_filters (page);
  }

  g_assert_cmpuint (toasts->len, ==, 1);
  toast = g_ptr_array_index (toasts, 0);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "3 controls updated");

  /* The facets: applicable shows the three. */
  g_assert_true (annex_register_page_set_facet (page, "applicability", 1));
  g_assert_cmpuint (annex_register_page_get_n_shown (page), ==, 3);
  g_assert_cmpuint (annex_register_page_get_n_active_filters (page), ==, 1);
  annex_register_page_clear_filters (page);
  g_assert_cmpuint (annex_register_page_get_n_shown (page), ==, 93);

  /* Undo: the three are undecided and without an owner again. */
  g_signal_emit_by_name (toast, "button-clicked");
  for (guint i = 0; i < three->len; i++)
    {
      AnnexRecord *record = g_ptr_array_index (three, i);

      g_assert_cmpstr (annex_record_get_string (record, "applicability"), ==, "undecided");
      g_assert_null (annex_record_get_string (record, "owner"));
    }
  annex_test_iterate_main_loop ();
  summary = annex_controls_view_dup_summary_text (view);
  g_assert_cmpstr (summary, ==, "0 applicable · 0 excluded · 93 undecided · 0 implemented");
  g_signal_emit_by_name (toast, "dismissed");

  g_signal_handlers_disconnect_by_func (page, on_page_toast_cb, toasts);
  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&list));
}

/* The narrowest window the layout is made for (the issue: "usable at 360 px wide"). */
#define NARROW_WINDOW_WIDTH 360

static gboolean
on_allocate_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Waits (at most 30 s: sanitizer builds on a busy machine are slow) until @widget has been
 * allocated, then for what the allocation queued. */
static void
wait_allocated (GtkWidget *widget)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (30, on_allocate_timeout_cb, &timed_out);

  while (gtk_widget_get_width (widget) == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout_id);
  annex_test_iterate_main_loop ();
}

/* The window's content asks for no more than 360 px: every view, the hidden ones included (the
 * window's stacks count them), in whatever state their bars were last left in. */
static void
assert_fits_narrow (AnnexWindow *window,
                    const char  *when)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  int minimum = 0;

  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_test_message ("%s: minimum width %d", when, minimum);
  g_assert_cmpint (minimum, <=, NARROW_WINDOW_WIDTH);
}

/* Wide pages (their toolbars with labels, the selection bar with text buttons) left hidden
 * behind another view do not make the window wider than 360 px. */
static void
test_narrow_minimum (void)
{
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr(AnnexWorkspaceList) list = NULL;
  g_autoptr(GError) error = NULL;
  AnnexControlsView *view;
  AnnexRegisterPage *page;
  AnnexWindow *window;

  if (!annex_test_require_display (has_display))
    return;

  folder = make_folder ("narrow");
  list = annex_workspace_list_new (folder);
  path = g_strdup (annex_workspace_get_path (annex_workspace_list_create (list, "Narrow Ltd",
                                                                          &error)));
  g_assert_no_error (error);
  window = create_window (list);
  assert_fits_narrow (window, "welcome");

  g_assert_true (open_workspace (window, path, &error));
  g_assert_no_error (error);
  annex_test_wait_loaded (annex_window_get_control_register (window));
  annex_test_wait_loaded (annex_window_get_requirement_register (window));
  annex_test_wait_loaded (annex_window_get_action_register (window));
  assert_fits_narrow (window, "opened");

  /* Each page shown (wide) in selection mode, then left for the next one. */
  g_assert_true (annex_window_set_view (window, "controls"));
  view = ANNEX_CONTROLS_VIEW (find_view (window, "controls"));
  page = annex_controls_view_get_controls_page (view);
  g_object_set (page, "selection-mode", TRUE, NULL);
  wait_allocated (GTK_WIDGET (page));
  assert_fits_narrow (window, "controls");

  annex_controls_view_set_visible_page (view, "requirements");
  page = annex_controls_view_get_requirements_page (view);
  g_object_set (page, "selection-mode", TRUE, NULL);
  wait_allocated (GTK_WIDGET (page));
  assert_fits_narrow (window, "requirements");

  g_assert_true (annex_window_set_view (window, "actions"));
  page = ANNEX_REGISTER_PAGE (find_view (window, "actions"));
  g_object_set (page, "selection-mode", TRUE, NULL);
  wait_allocated (GTK_WIDGET (page));
  assert_fits_narrow (window, "actions");

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&list));
}

/* A duplicate runs on a worker: meanwhile the row shows a spinner and offers no menu. */
static void
test_duplicate_busy (void)
{
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr(AnnexWorkspaceList) list = NULL;
  g_autoptr(GError) error = NULL;
  AnnexWindow *window;
  AnnexWelcomePage *welcome;
  GtkWidget *spinner;
  GtkWidget *menu_button;
  gboolean changed = FALSE;

  if (!annex_test_require_display (has_display))
    return;

  folder = make_folder ("busy");
  list = annex_workspace_list_new (folder);
  path = g_strdup (annex_workspace_get_path (annex_workspace_list_create (list, "Acme Ltd",
                                                                          &error)));
  g_assert_no_error (error);
  window = create_window (list);
  welcome = ANNEX_WELCOME_PAGE (annex_test_find_descendant (GTK_WIDGET (window), ANNEX_TYPE_WELCOME_PAGE));
  spinner = annex_test_find_descendant (GTK_WIDGET (welcome), GTK_TYPE_SPINNER);
  menu_button = annex_test_find_descendant (GTK_WIDGET (welcome), GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (spinner);
  g_assert_nonnull (menu_button);
  g_assert_false (gtk_widget_get_visible (spinner));
  g_assert_true (gtk_widget_get_sensitive (menu_button));

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &changed);
  g_action_group_activate_action (G_ACTION_GROUP (window), "duplicate-workspace",
                                  g_variant_new_string (path));
  g_assert_true (annex_welcome_page_get_workspace_busy (welcome, path));
  g_assert_true (gtk_widget_get_visible (spinner));
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  g_assert_false (gtk_widget_get_sensitive (menu_button));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  annex_test_wait_for (&changed);
  annex_test_iterate_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_false (annex_welcome_page_get_workspace_busy (welcome, path));
  g_assert_false (gtk_widget_get_visible (spinner));
  g_assert_true (gtk_widget_get_sensitive (menu_button));
  g_signal_handlers_disconnect_by_func (list, on_items_changed_cb, &changed);

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&list));
}

/* The message dialog the window has presented, or NULL. */
static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not a new reference */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

/* Renaming the open workspace runs on a worker (its row busy meanwhile); then the list item and
 * the window title follow the new name. */
static void
test_rename_open_workspace (void)
{
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr(AnnexWorkspaceList) list = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  AnnexWindow *window;
  AnnexWelcomePage *welcome;
  AnnexWorkspace *workspace;
  GtkEditable *entry;
  gboolean changed = FALSE;

  if (!annex_test_require_display (has_display))
    return;

  folder = make_folder ("renaming");
  list = annex_workspace_list_new (folder);
  path = g_strdup (annex_workspace_get_path (annex_workspace_list_create (list, "Acme Ltd",
                                                                          &error)));
  g_assert_no_error (error);
  window = create_window (list);
  welcome = ANNEX_WELCOME_PAGE (annex_test_find_descendant (GTK_WIDGET (window), ANNEX_TYPE_WELCOME_PAGE));
  g_assert_true (open_workspace (window, path, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Acme Ltd — Annex");

  g_action_group_activate_action (G_ACTION_GROUP (window), "rename-workspace",
                                  g_variant_new_string (path));
  annex_test_iterate_main_loop ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_object_ref (dialog);
  entry = g_object_get_data (G_OBJECT (dialog), "name-entry");
  g_assert_nonnull (entry);
  gtk_editable_set_text (entry, "Globex Corp");

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &changed);
  adw_message_dialog_response (dialog, "apply");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);

  /* On a worker: the row is busy, nothing has changed yet. */
  g_assert_true (annex_welcome_page_get_workspace_busy (welcome, path));
  workspace = annex_workspace_list_find_by_path (list, path);
  g_assert_cmpstr (annex_workspace_get_name (workspace), ==, "Acme Ltd");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Acme Ltd — Annex");

  annex_test_wait_for (&changed);
  annex_test_iterate_main_loop ();
  g_signal_handlers_disconnect_by_func (list, on_items_changed_cb, &changed);
  g_assert_false (annex_welcome_page_get_workspace_busy (welcome, path));
  workspace = annex_workspace_list_find_by_path (list, path);
  g_assert_cmpstr (annex_workspace_get_name (workspace), ==, "Globex Corp");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Globex Corp — Annex");

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&list));
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  g_error ("timed out waiting for the window's operation");
  return G_SOURCE_REMOVE;
}

/* A window closed while an operation runs: the operation completes on its worker, its callback
 * leaves the destroyed window alone, and the window is then finalized. */
static void
test_close_while_busy (void)
{
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr(AnnexWorkspaceList) list = NULL;
  g_autoptr(GError) error = NULL;
  AnnexWindow *window;
  gboolean changed = FALSE;
  guint timeout_id;

  if (!annex_test_require_display (has_display))
    return;

  folder = make_folder ("closing");
  list = annex_workspace_list_new (folder);
  path = g_strdup (annex_workspace_get_path (annex_workspace_list_create (list, "Acme Ltd",
                                                                          &error)));
  g_assert_no_error (error);
  window = create_window (list);

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &changed);
  g_action_group_activate_action (G_ACTION_GROUP (window), "duplicate-workspace",
                                  g_variant_new_string (path));
  gtk_window_destroy (GTK_WINDOW (window));

  /* Cancelled before the worker started, or completed: either way, nothing half-done. The
   * operation holds the window until its callback has run. */
  timeout_id = g_timeout_add_seconds (30, on_timeout_cb, NULL);
  while (G_OBJECT (window)->ref_count > 1)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout_id);
  annex_test_iterate_main_loop ();
  g_test_message ("the duplicate %s", changed ? "completed" : "was cancelled");
  g_assert_finalize_object (window);
  g_signal_handlers_disconnect_by_func (list, on_items_changed_cb, &changed);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, changed ? 2 : 1);

  g_assert_finalize_object (g_steal_pointer (&list));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before anything reads (and caches) the user data directory. */
  tmpdir = annex_test_make_tmpdir ();
  {
    g_autofree char *data_home = g_build_filename (tmpdir, "data", NULL);

    g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  }

  g_test_init (&argc, &argv, NULL);

  has_display = gtk_init_check ();
  if (has_display)
    adw_init ();

  g_test_add_func ("/annex/ui/view-names", test_view_names);
  g_test_add_func ("/annex/ui/format-modified", test_format_modified);
  g_test_add_func ("/annex/ui/unknown-view-option", test_unknown_view_option);
  g_test_add_func ("/annex/ui/welcome-empty", test_welcome_empty);
  g_test_add_func ("/annex/ui/open-failure", test_open_failure);
  g_test_add_func ("/annex/ui/open-visit-close", test_open_visit_close);
  g_test_add_func ("/annex/ui/controls-view", test_controls_view);
  g_test_add_func ("/annex/ui/narrow-minimum", test_narrow_minimum);
  g_test_add_func ("/annex/ui/duplicate-busy", test_duplicate_busy);
  g_test_add_func ("/annex/ui/rename-open-workspace", test_rename_open_workspace);
  g_test_add_func ("/annex/ui/close-while-busy", test_close_while_busy);

  status = g_test_run ();

  annex_test_rm_rf (tmpdir);
  g_free (tmpdir);

  return status;
}
