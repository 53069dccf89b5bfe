/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-context-view.c: the Context view under a virtual display: its three pages over the
 * context registers, the climate-change question, a party's requirements section (add, link a
 * control, delete with Undo, a party's delete and Undo), the scope page (approve, versions, in
 * force on a date) and the window's "win.show-record". */

#define G_LOG_DOMAIN "test-context-view"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "annex-context-view.h"
#include "annex-issue.h"
#include "annex-link-section.h"
#include "annex-links.h"
#include "annex-party-requirement.h"
#include "annex-party.h"
#include "annex-record-editor.h"
#include "annex-register-page.h"
#include "annex-scope-exclusion.h"
#include "annex-scope-page.h"
#include "annex-test-ui-util.h"
#include "annex-test-util.h"
#include "annex-window.h"

static gboolean has_display;
static char *tmpdir;

typedef struct
{
  gboolean      done;
  GAsyncResult *result;
} OpenCall;

static void
on_opened_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  OpenCall *call = user_data;

  call->result = g_object_ref (result);
  call->done = TRUE;
}

typedef struct
{
  guint    n;
  gboolean reached;
} CountWait;

static void
on_count_items_changed_cb (GListModel *model,
                           guint       position,
                           guint       removed,
                           guint       added,
                           CountWait  *wait)
{
  wait->reached = g_list_model_get_n_items (model) == wait->n;
}

/* Waits until @model holds @n items (a register reloading after another's write). */
static void
wait_n_items (gpointer model,
              guint    n)
{
  CountWait wait = { n, g_list_model_get_n_items (G_LIST_MODEL (model)) == n };
  gulong handler = g_signal_connect (model, "items-changed",
                                     G_CALLBACK (on_count_items_changed_cb), &wait);

  annex_test_wait_for (&wait.reached);
  g_signal_handler_disconnect (model, handler);
}

static void
on_toast_cb (GtkWidget *widget,
             AdwToast  *toast,
             GPtrArray *toasts)
{
  g_ptr_array_add (toasts, g_object_ref (toast));
}

typedef struct
{
  AnnexWorkspaceList *list;
  AnnexWindow        *window;
  AnnexContextView   *view;
  AnnexDatabase      *db;
  AnnexRegister      *issues;
  AnnexRegister      *parties;
  AnnexRegister      *requirements;
  AnnexRegister      *controls;
  AnnexScopePage     *scope_page;
  GPtrArray          *toasts;
} Fixture;

/* A new workspace open in a shown window, its registers loaded. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static guint serial;
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  AnnexWorkspace *workspace;
  OpenCall call = { FALSE, NULL };
  gboolean opened;

  memset (fixture, 0, sizeof *fixture);
  if (!has_display)
    return;

  name = g_strdup_printf ("workspaces-%u", serial++);
  folder = g_build_filename (tmpdir, name, NULL);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  fixture->list = annex_workspace_list_new (folder);
  workspace = annex_workspace_list_create (fixture->list, "Acme Ltd", &error);
  g_assert_no_error (error);
  /* A copy: the window re-reads the folder, which replaces the list's items. */
  path = g_strdup (annex_workspace_get_path (workspace));

  fixture->window = g_object_ref (annex_window_new (NULL, fixture->list));
  /* Slow runs (sanitizers) must still find the Undo toasts up. */
  annex_window_set_toast_timeout (fixture->window, 0);
  gtk_window_present (GTK_WINDOW (fixture->window));
  annex_test_iterate_main_loop ();

  annex_window_open_workspace_async (fixture->window, path, NULL, on_opened_cb, &call);
  annex_test_wait_for (&call.done);
  opened = annex_window_open_workspace_finish (fixture->window, call.result, &error);
  g_object_unref (call.result);
  g_assert_no_error (error);
  g_assert_true (opened);

  fixture->db = annex_window_get_database (fixture->window);
  fixture->view = ANNEX_CONTEXT_VIEW (annex_test_find_descendant (GTK_WIDGET (fixture->window),
                                                       ANNEX_TYPE_CONTEXT_VIEW));
  g_assert_nonnull (fixture->view);
  fixture->issues = annex_register_page_get_register (
    annex_context_view_get_issues_page (fixture->view));
  fixture->parties = annex_register_page_get_register (
    annex_context_view_get_parties_page (fixture->view));
  fixture->scope_page = annex_context_view_get_scope_page (fixture->view);
  fixture->controls = annex_window_get_control_register (fixture->window);
  g_assert_nonnull (fixture->issues);
  g_assert_nonnull (fixture->parties);
  g_object_get (annex_context_view_get_requirements_section (fixture->view),
                "requirements", &fixture->requirements, NULL);
  g_assert_nonnull (fixture->requirements);
  g_object_unref (fixture->requirements);  /* the window holds it */

  annex_test_wait_loaded (fixture->issues);
  annex_test_wait_loaded (fixture->parties);
  annex_test_wait_loaded (fixture->requirements);
  annex_test_wait_loaded (fixture->controls);
  annex_test_wait_loaded (annex_scope_page_get_versions (fixture->scope_page));
  annex_test_wait_loaded (annex_scope_page_get_exclusions (fixture->scope_page));

  fixture->toasts = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (fixture->view, "add-toast", G_CALLBACK (on_toast_cb), fixture->toasts);

  annex_window_set_view (fixture->window, "context");
  annex_test_iterate_main_loop ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window == NULL)
    return;

  g_signal_handlers_disconnect_by_func (fixture->view, on_toast_cb, fixture->toasts);
  g_clear_pointer (&fixture->toasts, g_ptr_array_unref);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  annex_test_iterate_main_loop ();
  g_assert_finalize_object (g_steal_pointer (&fixture->window));
  g_assert_finalize_object (g_steal_pointer (&fixture->list));
}

static AnnexRecord *
add_record (AnnexRegister *register_,
            const char    *first_property,
            ...)
{
  g_autoptr(AnnexRecord) record = annex_register_new_record (register_);
  g_autoptr(GError) error = NULL;
  va_list args;

  va_start (args, first_property);
  g_object_set_valist (G_OBJECT (record), first_property, args);
  va_end (args);

  g_assert_true (annex_register_add (register_, record, &error));
  g_assert_no_error (error);
  return record;  /* borrowed: the register holds it */
}

static AnnexRecord *
find_control (AnnexRegister *controls,
              const char    *reference)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (controls));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexRecord) record = g_list_model_get_item (G_LIST_MODEL (controls), i);

      if (g_strcmp0 (annex_record_get_reference (record), reference) == 0)
        return record;
    }

  return NULL;
}

/* The view holds the three pages over the context registers. */
static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  AdwViewStack *stack;
  const char *names[] = { "issues", "parties", "scope" };

  if (!annex_test_require_display (has_display))
    return;

  g_assert_cmpstr (annex_window_get_view (fixture->window), ==, "context");
  g_assert_true (ANNEX_IS_PAGED_VIEW (fixture->view));
  stack = annex_paged_view_get_stack (ANNEX_PAGED_VIEW (fixture->view));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      annex_context_view_set_visible_page (fixture->view, names[i]);
      annex_test_iterate_main_loop ();
      g_assert_cmpstr (annex_context_view_get_visible_page (fixture->view), ==, names[i]);
      g_assert_true (gtk_widget_get_mapped (adw_view_stack_get_visible_child (stack)));
    }

  g_assert_true (annex_register_get_record_type (fixture->issues) == ANNEX_TYPE_ISSUE);
  g_assert_true (annex_register_get_record_type (fixture->parties) == ANNEX_TYPE_PARTY);
  g_assert_true (annex_register_get_record_type (annex_scope_page_get_versions (
                                                   fixture->scope_page)) ==
                 ANNEX_TYPE_SCOPE_VERSION);
  /* No scope yet: the page invites the first draft. */
  g_assert_null (annex_scope_page_get_version (fixture->scope_page));

  /* The issues' CHOICE fields flagged as filters are facets. */
  g_assert_true (annex_register_page_set_facet (annex_context_view_get_issues_page (fixture->view),
                                                "kind", 0));
  g_assert_cmpuint (annex_register_page_get_n_active_filters (
                      annex_context_view_get_issues_page (fixture->view)), ==, 1);
  annex_register_page_clear_filters (annex_context_view_get_issues_page (fixture->view));
}

/* The question stays until it is answered by a climate issue or a note, and comes back when
 * the answer goes. */
static void
test_climate (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  AnnexRecord *issue;

  if (!annex_test_require_display (has_display))
    return;

  g_assert_true (annex_context_view_get_climate_question_visible (fixture->view));
  g_assert_null (annex_context_view_get_climate_answer (fixture->view));

  /* An unrelated issue does not answer it. */
  add_record (fixture->issues, "title", "NIS2 applies to us", "category", "legal", NULL);
  annex_test_iterate_main_loop ();
  g_assert_true (annex_context_view_get_climate_question_visible (fixture->view));

  /* "Record an Issue": a climate issue, shown in the editor. */
  issue = annex_context_view_record_climate_issue (fixture->view);
  g_assert_nonnull (issue);
  g_assert_true (annex_issue_get_climate (ANNEX_ISSUE (issue)));
  g_assert_cmpstr (annex_issue_get_category (ANNEX_ISSUE (issue)), ==, "environmental");
  g_assert_cmpstr (annex_issue_get_kind (ANNEX_ISSUE (issue)), ==, "external");
  annex_test_iterate_main_loop ();
  g_assert_false (annex_context_view_get_climate_question_visible (fixture->view));
  g_assert_cmpint (annex_context_view_get_climate_decision (fixture->view), ==,
                   ANNEX_CLIMATE_RELEVANT);
  g_assert_nonnull (strstr (annex_context_view_get_climate_answer (fixture->view), "IS-002"));
  g_assert_true (annex_record_editor_get_record (annex_register_page_get_editor (
                   annex_context_view_get_issues_page (fixture->view))) == issue);

  /* Closing the issue reopens the question (the view follows the save). */
  annex_record_set_string (issue, "status", "closed");
  g_assert_true (annex_register_save (fixture->issues, issue, &error));
  g_assert_no_error (error);
  annex_test_iterate_main_loop ();
  g_assert_true (annex_context_view_get_climate_question_visible (fixture->view));

  /* "Not relevant, because…" answers it too, and shows the reason. */
  g_assert_true (annex_context_view_set_climate_not_relevant (fixture->view,
                                                              "we run no physical sites",
                                                              &error));
  g_assert_no_error (error);
  annex_test_iterate_main_loop ();
  g_assert_false (annex_context_view_get_climate_question_visible (fixture->view));
  g_assert_cmpint (annex_context_view_get_climate_decision (fixture->view), ==,
                   ANNEX_CLIMATE_NOT_RELEVANT);
  g_assert_nonnull (strstr (annex_context_view_get_climate_answer (fixture->view),
                            "we run no physical sites"));
  note = annex_context_dup_climate_note (fixture->db);
  g_assert_cmpstr (note, ==, "we run no physical sites");

  /* Withdrawn, the question is back. */
  g_assert_true (annex_context_view_set_climate_not_relevant (fixture->view, NULL, &error));
  g_assert_no_error (error);
  annex_test_iterate_main_loop ();
  g_assert_true (annex_context_view_get_climate_question_visible (fixture->view));
}

/* A party's requirement added through its section's dialog, a control linked, the requirement
 * deleted and restored with Undo; then the party deleted, and its Undo restoring both. */
static void
test_party_requirements (Fixture       *fixture,
                         gconstpointer  data)
{
  AnnexRegisterPage *page = annex_context_view_get_parties_page (fixture->view);
  AnnexPartyRequirementsSection *section;
  g_autoptr(GArray) targets = NULL;
  g_autoptr(GError) error = NULL;
  AnnexRecordEditor *editor;
  AnnexRecord *party, *requirement, *control;
  GtkWindow *dialog;
  GtkWidget *links;
  AdwToast *toast;
  gint64 party_id, requirement_id;

  if (!annex_test_require_display (has_display))
    return;

  party = add_record (fixture->parties, "name", "Customers", "needs", "Confidentiality", NULL);
  party_id = annex_record_get_id (party);
  annex_context_view_set_visible_page (fixture->view, "parties");
  g_assert_true (annex_register_page_show_record (page, party_id));
  annex_test_iterate_main_loop ();

  section = annex_context_view_get_requirements_section (fixture->view);
  g_assert_true (annex_party_requirements_section_get_party (section) == party);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (section)));
  ANNEX_TEST_WAIT_UNTIL (annex_party_requirements_section_get_n_requirements (section) == 0);
  g_assert_cmpuint (annex_party_requirements_section_get_n_requirements (section), ==, 0);

  /* The dialog of a new requirement: fill it in, Add. */
  dialog = annex_party_requirements_section_open_dialog (section, NULL);
  g_assert_nonnull (dialog);
  annex_test_iterate_main_loop ();
  editor = ANNEX_RECORD_EDITOR (annex_test_find_descendant (GTK_WIDGET (dialog),
                                                 ANNEX_TYPE_RECORD_EDITOR));
  requirement = annex_record_editor_get_record (editor);
  g_assert_cmpint (annex_record_get_id (requirement), ==, 0);
  g_object_set (requirement,
                "type", "contractual",
                "requirement", "Report data breaches within 48 hours",
                "addressed", "yes",
                NULL);
  annex_test_iterate_main_loop ();
  g_signal_emit_by_name (annex_test_find_button (GTK_WIDGET (dialog), "_Add"), "clicked");
  annex_test_iterate_main_loop ();
  requirement_id = annex_record_get_id (requirement);
  g_assert_cmpint (requirement_id, >, 0);
  g_assert_cmpint (annex_party_requirement_get_party_id (ANNEX_PARTY_REQUIREMENT (requirement)),
                   ==, party_id);
  ANNEX_TEST_WAIT_UNTIL (annex_party_requirements_section_get_n_requirements (section) == 1);
  g_assert_cmpuint (annex_party_requirements_section_get_n_requirements (section), ==, 1);

  /* Saved, the dialog offers the controls: link 5.24. */
  links = annex_test_find_descendant (GTK_WIDGET (dialog), ANNEX_TYPE_LINK_SECTION);
  g_assert_nonnull (links);
  g_assert_true (gtk_widget_get_visible (links));
  control = find_control (fixture->controls, "5.24");
  g_assert_nonnull (control);
  g_assert_true (annex_link_section_set_linked (ANNEX_LINK_SECTION (links),
                                                annex_record_get_id (control), TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (annex_link_section_get_n_links (ANNEX_LINK_SECTION (links)), ==, 1);
  targets = annex_links_dup_targets (fixture->db, "party_requirements", requirement_id,
                                     "controls", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (targets->len, ==, 1);
  g_assert_cmpint (g_array_index (targets, gint64, 0), ==, annex_record_get_id (control));
  gtk_window_close (dialog);
  annex_test_iterate_main_loop ();

  /* Delete the requirement from the section; Undo brings it back with its link. */
  g_assert_true (annex_party_requirements_section_delete (section, requirement, &error));
  g_assert_no_error (error);
  annex_test_iterate_main_loop ();
  ANNEX_TEST_WAIT_UNTIL (annex_party_requirements_section_get_n_requirements (section) == 0);
  g_assert_cmpuint (annex_party_requirements_section_get_n_requirements (section), ==, 0);
  g_assert_cmpuint (fixture->toasts->len, >=, 1);
  toast = g_ptr_array_index (fixture->toasts, fixture->toasts->len - 1);
  g_signal_emit_by_name (toast, "button-clicked");
  annex_test_iterate_main_loop ();
  ANNEX_TEST_WAIT_UNTIL (annex_party_requirements_section_get_n_requirements (section) == 1);
  g_assert_cmpuint (annex_party_requirements_section_get_n_requirements (section), ==, 1);
  g_clear_pointer (&targets, g_array_unref);
  targets = annex_links_dup_targets (fixture->db, "party_requirements", requirement_id,
                                     "controls", &error);
  g_assert_cmpuint (targets->len, ==, 1);

  /* Delete the party through its page: its requirement goes with it… */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "register.delete", NULL));
  annex_test_iterate_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->parties)), ==, 0);
  wait_n_items (fixture->requirements, 0);
  toast = g_ptr_array_index (fixture->toasts, fixture->toasts->len - 1);

  /* …and its Undo restores both. */
  g_signal_emit_by_name (toast, "button-clicked");
  annex_test_iterate_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->parties)), ==, 1);
  wait_n_items (fixture->requirements, 1);
  requirement = annex_register_find (fixture->requirements, requirement_id);
  g_assert_nonnull (requirement);
  g_assert_cmpstr (annex_party_requirement_get_requirement (ANNEX_PARTY_REQUIREMENT (requirement)),
                   ==, "Report data breaches within 48 hours");
  g_assert_true (annex_register_page_show_record (page, party_id));
  annex_test_iterate_main_loop ();
  ANNEX_TEST_WAIT_UNTIL (annex_party_requirements_section_get_n_requirements (section) == 1);
  g_assert_cmpuint (annex_party_requirements_section_get_n_requirements (section), ==, 1);
}

/* Types into the first text view of the page: the statement's. */
static void
set_statement_text (AnnexScopePage *page,
                    const char     *text)
{
  GtkWidget *view = annex_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_TEXT_VIEW);

  g_assert_nonnull (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

/* A draft written on the page, refused for approval without a statement, then approved through
 * the dialog; a second version; "which version applied on a date". */
static void
test_scope (Fixture       *fixture,
            gconstpointer  data)
{
  AnnexScopePage *page = fixture->scope_page;
  AnnexRegister *versions = annex_scope_page_get_versions (page);
  AnnexScopeVersion *first, *second;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  GListModel *toplevels;
  guint n_toplevels;

  if (!annex_test_require_display (has_display))
    return;

  annex_context_view_set_visible_page (fixture->view, "scope");
  annex_test_iterate_main_loop ();

  /* The first draft starts empty and is editable. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "scope.new-draft", NULL));
  annex_test_iterate_main_loop ();
  first = annex_scope_page_get_version (page);
  g_assert_nonnull (first);
  g_assert_true (annex_scope_version_is_draft (first));
  g_assert_true (annex_scope_page_get_editable (page));

  /* Without a statement the approval is refused with the model's reason; nothing changes. */
  g_assert_false (annex_scope_page_approve (page, "Dana Lee", "2026-01-10", NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (annex_scope_version_is_draft (first));

  /* Typed into the page, saved as typed (flushed by the approval). */
  set_statement_text (page, "The booking platform and its support.");
  g_assert_cmpstr (annex_scope_version_get_statement (first), ==,
                   "The booking platform and its support.");

  /* The dialog, prefilled with today; Approve. */
  toplevels = gtk_window_get_toplevels ();
  n_toplevels = g_list_model_get_n_items (toplevels);
  dialog = annex_scope_page_open_approve_dialog (page);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_toplevels + 1);
  {
    GtkWidget *list = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
    GtkWidget *by = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
    GtkWidget *on = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
    GtkWidget *from = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2));
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (on)), ==, today);
    /* No approver yet: Approve is disabled. */
    g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                             "approve"));
    gtk_editable_set_text (GTK_EDITABLE (by), "Dana Lee");
    gtk_editable_set_text (GTK_EDITABLE (on), "2026-01-10");
    gtk_editable_set_text (GTK_EDITABLE (from), "2026-02-01");
    g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                            "approve"));
  }
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "approve");
  annex_test_iterate_main_loop ();
  g_assert_cmpstr (annex_scope_version_get_status (first), ==, "approved");
  g_assert_true (annex_scope_page_get_version (page) == first);
  g_assert_false (annex_scope_page_get_editable (page));
  g_assert_cmpstr (annex_scope_page_get_state_text (page), ==,
                   "SC-001 · Approved by Dana Lee on 10 Jan 2026 · in force from 1 Feb 2026");

  /* The next version: a copy of the first, approved in force from March. */
  g_assert_true (annex_scope_page_new_draft (page, &error));
  g_assert_no_error (error);
  second = annex_scope_page_get_version (page);
  g_assert_true (second != first);
  g_assert_cmpstr (annex_scope_version_get_statement (second), ==,
                   "The booking platform and its support.");
  g_assert_true (annex_scope_page_approve (page, "Dana Lee", "2026-02-20", "2026-03-01",
                                           &error));
  g_assert_no_error (error);
  g_assert_cmpstr (annex_scope_version_get_status (first), ==, "superseded");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (versions)), ==, 2);

  /* Which version applied when. */
  g_assert_true (annex_scope_page_show_in_force_on (page, "2026-02-15"));
  g_assert_true (annex_scope_page_get_version (page) == first);
  g_assert_false (annex_scope_page_get_editable (page));
  g_assert_nonnull (strstr (annex_scope_page_get_state_text (page), "Superseded"));
  g_assert_true (annex_scope_page_show_in_force_on (page, "2026-03-01"));
  g_assert_true (annex_scope_page_get_version (page) == second);
  g_assert_false (annex_scope_page_show_in_force_on (page, "2026-01-31"));
  g_assert_true (annex_scope_page_get_version (page) == second);
}

/* "win.show-record" switches to the view and page of the record's table and shows it. */
static void
test_show_record (Fixture       *fixture,
                  gconstpointer  data)
{
  AnnexRecord *issue, *control;
  AnnexRegisterPage *page;

  if (!annex_test_require_display (has_display))
    return;

  issue = add_record (fixture->issues, "title", "Office lease ends in 2027", NULL);
  annex_window_set_view (fixture->window, "actions");
  annex_test_iterate_main_loop ();

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "show-record",
                                  g_variant_new ("(sx)", "issues",
                                                 annex_record_get_id (issue)));
  annex_test_iterate_main_loop ();
  g_assert_cmpstr (annex_window_get_view (fixture->window), ==, "context");
  g_assert_cmpstr (annex_context_view_get_visible_page (fixture->view), ==, "issues");
  page = annex_context_view_get_issues_page (fixture->view);
  g_assert_true (annex_record_editor_get_record (annex_register_page_get_editor (page)) == issue);

  /* A control: the Controls view. */
  control = find_control (fixture->controls, "5.15");
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "show-record",
                                  g_variant_new ("(sx)", "controls",
                                                 annex_record_get_id (control)));
  annex_test_iterate_main_loop ();
  g_assert_cmpstr (annex_window_get_view (fixture->window), ==, "controls");
}

/* The row text of a linked record. */
static void
test_format_record (void)
{
  g_autoptr(AnnexIssue) issue = annex_issue_new ();
  g_autofree char *text = NULL;

  annex_record_set_string (ANNEX_RECORD (issue), "title", "Heat in the server room");
  text = annex_link_section_format_record (ANNEX_RECORD (issue));
  g_assert_cmpstr (text, ==, "Heat in the server room");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmpdir = annex_test_make_tmpdir ();
  {
    g_autofree char *data_home = g_build_filename (tmpdir, "data", NULL);

    g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  }

  g_test_init (&argc, &argv, NULL);

  has_display = gtk_init_check ();
  if (has_display)
    adw_init ();

  g_test_add_func ("/annex/context-view/format-record", test_format_record);
  g_test_add ("/annex/context-view/pages", Fixture, NULL, fixture_set_up, test_pages,
              fixture_tear_down);
  g_test_add ("/annex/context-view/climate", Fixture, NULL, fixture_set_up, test_climate,
              fixture_tear_down);
  g_test_add ("/annex/context-view/party-requirements", Fixture, NULL, fixture_set_up,
              test_party_requirements, fixture_tear_down);
  g_test_add ("/annex/context-view/scope", Fixture, NULL, fixture_set_up, test_scope,
              fixture_tear_down);
  g_test_add ("/annex/context-view/show-record", Fixture, NULL, fixture_set_up,
              test_show_record, fixture_tear_down);

  status = g_test_run ();

  annex_test_rm_rf (tmpdir);
  g_free (tmpdir);

  return status;
}
