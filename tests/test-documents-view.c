/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-documents-view.c: the "Documents & people" view under a virtual display: its sidebar row
 * and pages, a document's version added and approved through the versions section and its
 * dialog, the mandated-documents header with one-click creation, show-record, and the people's
 * names offered in owner fields everywhere (the name completion). */

#define G_LOG_DOMAIN "test-documents-view"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "annex-document-version.h"
#include "annex-document.h"
#include "annex-documents-view.h"
#include "annex-name-completion.h"
#include "annex-person.h"
#include "annex-record-editor.h"
#include "annex-register-page.h"
#include "annex-test-ui-util.h"
#include "annex-test-util.h"
#include "annex-versions-section.h"
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
  AnnexDocumentsView *view;
  AnnexDatabase      *db;
  AnnexRegister      *documents;
  AnnexRegister      *versions;
  AnnexRegister      *people;
  GPtrArray          *toasts;
} Fixture;

static AnnexRegister *
page_register (Fixture    *fixture,
               const char *name)
{
  return annex_register_page_get_register (annex_documents_view_get_page (fixture->view, name));
}

/* A new workspace open in a shown window, the view's registers loaded. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static guint serial;
  const char *pages[] = { "documents", "people", "roles", "trainings", "awareness",
                          "communications" };
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
  fixture->view = ANNEX_DOCUMENTS_VIEW (annex_test_find_descendant (GTK_WIDGET (fixture->window),
                                                         ANNEX_TYPE_DOCUMENTS_VIEW));
  g_assert_nonnull (fixture->view);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_assert_nonnull (page_register (fixture, pages[i]));
      annex_test_wait_loaded (page_register (fixture, pages[i]));
    }
  fixture->documents = page_register (fixture, "documents");
  fixture->people = page_register (fixture, "people");
  g_object_get (annex_documents_view_get_versions_section (fixture->view),
                "versions", &fixture->versions, NULL);
  g_assert_nonnull (fixture->versions);
  g_object_unref (fixture->versions);  /* the window holds it */
  annex_test_wait_loaded (fixture->versions);
  annex_test_wait_loaded (annex_window_get_requirement_register (fixture->window));
  annex_test_wait_loaded (annex_window_get_action_register (fixture->window));

  fixture->toasts = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (fixture->view, "add-toast", G_CALLBACK (on_toast_cb), fixture->toasts);

  annex_window_set_view (fixture->window, "documents");
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

/* The entry row of field @title in @editor (its title as the editor shows it). */
static GtkWidget *
find_entry_row (GtkWidget  *widget,
                const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_ENTRY_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;

      found = find_entry_row (child, title);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The sidebar row and the view's pages. */
static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  const char *names[] = { "documents", "people", "roles", "support" };
  const char * const *views = annex_window_get_view_names ();
  AdwViewStack *stack;
  guint i;

  if (!annex_test_require_display (has_display))
    return;

  /* Between Objectives and Audits in the sidebar. */
  for (i = 0; views[i] != NULL && g_strcmp0 (views[i], "documents") != 0; i++)
    ;
  g_assert_nonnull (views[i]);
  g_assert_cmpstr (views[i - 1], ==, "objectives");
  g_assert_cmpstr (views[i + 1], ==, "audits");
  g_assert_cmpstr (annex_window_get_view (fixture->window), ==, "documents");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->view)));

  g_assert_true (ANNEX_IS_PAGED_VIEW (fixture->view));
  stack = annex_paged_view_get_stack (ANNEX_PAGED_VIEW (fixture->view));
  for (i = 0; i < G_N_ELEMENTS (names); i++)
    {
      annex_documents_view_set_visible_page (fixture->view, names[i]);
      annex_test_iterate_main_loop ();
      g_assert_cmpstr (annex_documents_view_get_visible_page (fixture->view), ==, names[i]);
      g_assert_true (gtk_widget_get_mapped (adw_view_stack_get_visible_child (stack)));
    }

  /* The support page shows one of its three registers at a time. */
  annex_documents_view_set_visible_page (fixture->view, "awareness");
  annex_test_iterate_main_loop ();
  g_assert_cmpstr (annex_documents_view_get_visible_page (fixture->view), ==, "support");
  g_assert_true (gtk_widget_get_mapped (
                   GTK_WIDGET (annex_documents_view_get_page (fixture->view, "awareness"))));
  g_assert_false (gtk_widget_get_mapped (
                    GTK_WIDGET (annex_documents_view_get_page (fixture->view, "trainings"))));
  g_assert_false (gtk_widget_get_mapped (
                    GTK_WIDGET (annex_documents_view_get_page (fixture->view,
                                                               "communications"))));

  g_assert_true (annex_register_get_record_type (fixture->documents) == ANNEX_TYPE_DOCUMENT);
  g_assert_true (annex_register_get_record_type (fixture->people) == ANNEX_TYPE_PERSON);
  g_assert_null (annex_documents_view_get_page (fixture->view, "bogus"));
}

/* A draft version added, then approved through the approval dialog: in force, the document
 * approved; a second one approved supersedes the first, which stays readable. */
static void
test_versions (Fixture       *fixture,
               gconstpointer  data)
{
  AnnexVersionsSection *section = annex_documents_view_get_versions_section (fixture->view);
  AnnexRegisterPage *page = annex_documents_view_get_page (fixture->view, "documents");
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  AnnexDocumentVersion *first, *second;
  AnnexRecord *document;
  GtkWindow *dialog;
  GtkWidget *approver;

  if (!annex_test_require_display (has_display))
    return;

  document = add_record (fixture->documents, "title", "Access control procedure",
                         "approver", "Thomas Berger", NULL);
  g_assert_true (annex_register_page_show_record (page, annex_record_get_id (document)));
  annex_test_iterate_main_loop ();
  g_assert_true (annex_versions_section_get_document (section) == document);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (section)));
  g_assert_cmpuint (annex_versions_section_get_n_versions (section), ==, 0);

  /* "New Version": a draft numbered 1.0, opened in its dialog. */
  first = annex_versions_section_add_draft (section, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_cmpstr (annex_document_version_get_version (first), ==, "1.0");
  g_assert_true (annex_document_version_is_draft (first));
  g_assert_cmpuint (annex_versions_section_get_n_versions (section), ==, 1);
  dialog = annex_versions_section_open_version (section, first);
  g_assert_nonnull (dialog);
  annex_test_iterate_main_loop ();
  gtk_window_destroy (dialog);
  annex_test_iterate_main_loop ();

  /* "Approve…": the dialog offers the document's approver; its Approve puts the draft in
   * force. */
  dialog = annex_versions_section_open_approve_dialog (section, first);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  annex_test_iterate_main_loop ();
  approver = find_entry_row (GTK_WIDGET (dialog), "Approved by");
  g_assert_nonnull (approver);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (approver)), ==, "Thomas Berger");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                          "approve"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "approve");
  annex_test_iterate_main_loop ();

  g_assert_cmpstr (annex_document_version_get_status (first), ==, "approved");
  g_assert_cmpstr (annex_document_version_get_approved_by (first), ==, "Thomas Berger");
  g_assert_cmpstr (annex_document_get_status (ANNEX_DOCUMENT (document)), ==, "approved");
  g_assert_cmpstr (annex_document_get_current_version (ANNEX_DOCUMENT (document)), ==, "1.0");
  g_assert_nonnull (annex_document_get_next_review (ANNEX_DOCUMENT (document)));
  g_assert_cmpuint (fixture->toasts->len, >=, 1);
  state = annex_versions_section_format_state (first);
  g_assert_nonnull (strstr (state, "Thomas Berger"));

  /* An approved version opens read-only; it cannot be approved again. */
  dialog = annex_versions_section_open_version (section, first);
  g_assert_nonnull (dialog);
  g_assert_null (annex_test_find_descendant (GTK_WIDGET (dialog), ANNEX_TYPE_RECORD_EDITOR));
  gtk_window_destroy (dialog);
  g_assert_null (annex_versions_section_open_approve_dialog (section, first));

  /* A second version: 1.1, newest first; approving it supersedes 1.0. */
  second = annex_versions_section_add_draft (section, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (annex_document_version_get_version (second), ==, "1.1");
  g_assert_true (annex_versions_section_get_version (section, 0) == second);
  g_assert_true (annex_versions_section_approve (section, second, "Maria Keller", "2026-03-01",
                                                 &error));
  g_assert_no_error (error);
  annex_test_iterate_main_loop ();
  g_assert_cmpstr (annex_document_version_get_status (first), ==, "superseded");
  g_assert_cmpstr (annex_document_version_get_status (second), ==, "approved");
  g_assert_cmpstr (annex_document_get_current_version (ANNEX_DOCUMENT (document)), ==, "1.1");
  g_assert_cmpuint (annex_versions_section_get_n_versions (section), ==, 2);

  /* A draft deleted comes back with Undo. */
  {
    AnnexDocumentVersion *third = annex_versions_section_add_draft (section, &error);
    AdwToast *toast;

    g_assert_no_error (error);
    g_assert_true (annex_versions_section_delete (section, third, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (annex_versions_section_get_n_versions (section), ==, 2);
    toast = g_ptr_array_index (fixture->toasts, fixture->toasts->len - 1);
    g_signal_emit_by_name (toast, "button-clicked");
    annex_test_iterate_main_loop ();
    g_assert_cmpuint (annex_versions_section_get_n_versions (section), ==, 3);
  }
}

/* The header counts the mandated documents in place, lists the missing ones, and creates a
 * document for one in one click; the policy line follows the policy. */
static void
test_mandated (Fixture       *fixture,
               gconstpointer  data)
{
  AnnexRegisterPage *page = annex_documents_view_get_page (fixture->view, "documents");
  g_auto(GStrv) missing = NULL;
  g_auto(GStrv) missing_after = NULL;
  AnnexRecord *document;
  guint n_total, n_covered;

  if (!annex_test_require_display (has_display))
    return;

  n_total = annex_documents_view_get_n_mandated (fixture->view);
  n_covered = annex_documents_view_get_n_covered (fixture->view);
  g_assert_cmpuint (n_total, >, 10);
  g_assert_cmpuint (n_covered, ==, 0);
  missing = annex_documents_view_dup_missing (fixture->view);
  g_assert_cmpuint (g_strv_length (missing), ==, n_total);
  g_assert_true (g_strv_contains ((const char * const *) missing, "6.1.2"));
  g_assert_true (g_strv_contains ((const char * const *) missing, "5.2"));
  g_assert_nonnull (strstr (annex_documents_view_get_mandated_text (fixture->view),
                            "0 of "));
  g_assert_nonnull (strstr (annex_documents_view_get_mandated_text (fixture->view),
                            "missing:"));
  /* No policy yet: the policy line says so. */
  g_assert_nonnull (annex_documents_view_get_policy_text (fixture->view));

  /* "Create" on 6.1.2: a draft document linked to the clause, shown in the editor. */
  document = annex_documents_view_create_for_clause (fixture->view, "6.1.2");
  g_assert_nonnull (document);
  annex_test_iterate_main_loop ();
  g_assert_true (annex_record_editor_get_record (annex_register_page_get_editor (page)) ==
                 document);
  missing_after = annex_documents_view_dup_missing (fixture->view);
  g_assert_false (g_strv_contains ((const char * const *) missing_after, "6.1.2"));
  /* Any document counts for 7.5.1 (documented information the organization determines). */
  g_assert_cmpuint (annex_documents_view_get_n_covered (fixture->view), >=, 1);
  g_assert_cmpuint (annex_documents_view_get_n_covered (fixture->view) +
                    g_strv_length (missing_after), ==, n_total);

  /* The policy: created in one click too, and then the line names it. */
  document = annex_documents_view_create_for_clause (fixture->view, "5.2");
  g_assert_nonnull (document);
  g_assert_true (annex_document_get_security_policy (ANNEX_DOCUMENT (document)));
  g_assert_nonnull (strstr (annex_documents_view_get_policy_text (fixture->view),
                            annex_record_get_reference (document)));

  /* A clause that mandates nothing is refused with a toast. */
  g_assert_null (annex_documents_view_create_for_clause (fixture->view, "4.1"));
  g_assert_cmpuint (fixture->toasts->len, >=, 1);
}

/* "win.show-record" finds documents, versions and people in the view. */
static void
test_show_record (Fixture       *fixture,
                  gconstpointer  data)
{
  AnnexRecord *person, *document;
  g_autoptr(GError) error = NULL;
  AnnexDocumentVersion *version;

  if (!annex_test_require_display (has_display))
    return;

  person = add_record (fixture->people, "name", "Aylin Demir", NULL);
  document = add_record (fixture->documents, "title", "Backup standard", NULL);
  annex_window_set_view (fixture->window, "actions");
  annex_test_iterate_main_loop ();

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "show-record",
                                  g_variant_new ("(sx)", "people",
                                                 annex_record_get_id (person)));
  annex_test_iterate_main_loop ();
  g_assert_cmpstr (annex_window_get_view (fixture->window), ==, "documents");
  g_assert_cmpstr (annex_documents_view_get_visible_page (fixture->view), ==, "people");
  g_assert_true (annex_record_editor_get_record (annex_register_page_get_editor (
                   annex_documents_view_get_page (fixture->view, "people"))) == person);

  g_assert_true (annex_register_page_show_record (
                   annex_documents_view_get_page (fixture->view, "documents"),
                   annex_record_get_id (document)));
  version = annex_versions_section_add_draft (annex_documents_view_get_versions_section (
                                                fixture->view), &error);
  g_assert_no_error (error);
  annex_window_set_view (fixture->window, "actions");
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "show-record",
                                  g_variant_new ("(sx)", "document_versions",
                                                 annex_record_get_id (ANNEX_RECORD (version))));
  annex_test_iterate_main_loop ();
  g_assert_cmpstr (annex_documents_view_get_visible_page (fixture->view), ==, "documents");
  g_assert_true (annex_record_editor_get_record (annex_register_page_get_editor (
                   annex_documents_view_get_page (fixture->view, "documents"))) == document);
}

/* Owner fields anywhere offer the people's names while typing: an action's owner here. A
 * rename shows at once, a removed person is no longer offered, and free text stays. */
static void
test_owner_suggestions (Fixture       *fixture,
                        gconstpointer  data)
{
  AnnexRegister *actions = annex_window_get_action_register (fixture->window);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) shown = NULL;
  AnnexRecordEditor *editor;
  AnnexRecord *maria, *mario, *action;
  GtkWidget *owner;

  if (!annex_test_require_display (has_display))
    return;

  maria = add_record (fixture->people, "name", "Maria Keller", NULL);
  mario = add_record (fixture->people, "name", "Mario Rossi", NULL);
  add_record (fixture->people, "name", "Jonas Weber", NULL);
  action = add_record (actions, "title", "Renew the backup contract", NULL);

  annex_window_set_view (fixture->window, "actions");
  annex_test_iterate_main_loop ();
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "show-record",
                                  g_variant_new ("(sx)", "actions",
                                                 annex_record_get_id (action)));
  annex_test_iterate_main_loop ();
  editor = NULL;
  {
    /* Every record editor is searched for the one whose record is the action. */
    GPtrArray *editors = g_ptr_array_new ();
    GPtrArray *queue = g_ptr_array_new ();

    g_ptr_array_add (queue, fixture->window);
    while (queue->len > 0)
      {
        GtkWidget *w = g_ptr_array_steal_index (queue, queue->len - 1);

        if (ANNEX_IS_RECORD_EDITOR (w))
          g_ptr_array_add (editors, w);
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL;
             c = gtk_widget_get_next_sibling (c))
          g_ptr_array_add (queue, c);
      }
    for (guint i = 0; i < editors->len; i++)
      if (annex_record_editor_get_record (g_ptr_array_index (editors, i)) == action)
        editor = g_ptr_array_index (editors, i);
    g_ptr_array_unref (editors);
    g_ptr_array_unref (queue);
  }
  g_assert_nonnull (editor);
  owner = find_entry_row (GTK_WIDGET (editor), "Owner");
  g_assert_nonnull (owner);

  /* Typing "mar" offers both names that have a word starting so. */
  gtk_widget_grab_focus (owner);
  annex_test_iterate_main_loop ();
  /* As typed into the focused field (the popover opens without being asked). */
  gtk_editable_set_text (GTK_EDITABLE (owner), "mar");
  shown = annex_name_completion_dup_shown (owner);
  g_assert_nonnull (shown);
  g_assert_cmpuint (g_strv_length (shown), ==, 2);
  g_assert_cmpstr (shown[0], ==, "Maria Keller");
  g_assert_cmpstr (shown[1], ==, "Mario Rossi");
  g_clear_pointer (&shown, g_strfreev);

  /* Taking one fills the field and saves it. */
  g_assert_true (annex_name_completion_choose (owner, 0));
  annex_test_iterate_main_loop ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (owner)), ==, "Maria Keller");
  g_assert_true (annex_record_editor_flush (editor));
  g_assert_cmpstr (annex_record_get_string (action, "owner"), ==, "Maria Keller");
  g_assert_null (annex_name_completion_dup_shown (owner));

  /* A renamed person is offered by the new name; a removed one not at all. */
  annex_record_set_string (maria, "name", "Maria Keller-Braun");
  g_assert_true (annex_register_save (fixture->people, maria, &error));
  g_assert_no_error (error);
  g_assert_true (annex_register_remove (fixture->people, mario, &error));
  g_assert_no_error (error);
  gtk_editable_set_text (GTK_EDITABLE (owner), "Mar");
  annex_name_completion_update (owner, FALSE);
  shown = annex_name_completion_dup_shown (owner);
  g_assert_nonnull (shown);
  g_assert_cmpuint (g_strv_length (shown), ==, 1);
  g_assert_cmpstr (shown[0], ==, "Maria Keller-Braun");
  g_clear_pointer (&shown, g_strfreev);

  /* Free text stays: a name nobody has is kept as typed, with nothing offered. */
  gtk_editable_set_text (GTK_EDITABLE (owner), "External auditor");
  annex_name_completion_update (owner, FALSE);
  g_assert_null (annex_name_completion_dup_shown (owner));
  g_assert_true (annex_record_editor_flush (editor));
  annex_test_iterate_main_loop ();
  g_assert_cmpstr (annex_record_get_string (action, "owner"), ==, "External auditor");
}

/* The pure parts: which fields name people, and the matching. */
static void
test_name_matching (void)
{
  static const AnnexField owner = { "owner", "owner", ANNEX_FIELD_TEXT, "Owner", 0, NULL, NULL };
  static const AnnexField risk_owner = { "risk-owner", "x", ANNEX_FIELD_TEXT, "x", 0, NULL, NULL };
  static const AnnexField lead = { "lead-auditor", "x", ANNEX_FIELD_TEXT, "x", 0, NULL, NULL };
  static const AnnexField accepted = { "accepted-by", "x", ANNEX_FIELD_TEXT, "x", 0, NULL, NULL };
  static const AnnexField team = { "team", "x", ANNEX_FIELD_TEXT, "x", 0, NULL, NULL };
  static const AnnexField title = { "title", "x", ANNEX_FIELD_TEXT, "x", 0, NULL, NULL };
  static const AnnexField approved = {
    "approved-by", "x", ANNEX_FIELD_TEXT, "x", ANNEX_FIELD_FLAG_READ_ONLY, NULL, NULL
  };
  static const AnnexField owner_choice = {
    "owner", "x", ANNEX_FIELD_CHOICE, "x", 0, NULL, NULL
  };
  g_autoptr(GListStore) people = g_list_store_new (ANNEX_TYPE_PERSON);
  const char *names[] = { "Maria Keller", "Jonas Weber", "Anna-Maria Brandt", "maria keller",
                          "  ", "Marek Nowak" };
  g_auto(GStrv) all = NULL;
  g_auto(GStrv) ma = NULL;
  g_auto(GStrv) exact = NULL;
  g_auto(GStrv) limited = NULL;

  g_assert_true (annex_field_names_person (&owner));
  g_assert_true (annex_field_names_person (&risk_owner));
  g_assert_true (annex_field_names_person (&lead));
  g_assert_true (annex_field_names_person (&accepted));
  g_assert_true (annex_field_names_person (&team));
  g_assert_true (annex_field_names_people (&team));
  g_assert_false (annex_field_names_people (&owner));
  g_assert_false (annex_field_names_person (&title));
  g_assert_false (annex_field_names_person (&approved));
  g_assert_false (annex_field_names_person (&owner_choice));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(AnnexPerson) person = annex_person_new ();

      annex_record_set_string (ANNEX_RECORD (person), "name", names[i]);
      g_list_store_append (people, person);
    }

  /* Empty text: every name once (case-insensitive duplicates and blanks left out). */
  all = annex_name_completion_match (G_LIST_MODEL (people), "name", "", 8);
  g_assert_cmpuint (g_strv_length (all), ==, 4);
  /* Names starting with the text first, then those with a later word starting so. */
  ma = annex_name_completion_match (G_LIST_MODEL (people), "name", " ma", 8);
  g_assert_cmpuint (g_strv_length (ma), ==, 3);
  g_assert_cmpstr (ma[0], ==, "Maria Keller");
  g_assert_cmpstr (ma[1], ==, "Marek Nowak");
  g_assert_cmpstr (ma[2], ==, "Anna-Maria Brandt");
  /* The text itself is no suggestion. */
  exact = annex_name_completion_match (G_LIST_MODEL (people), "name", "jonas weber", 8);
  g_assert_cmpuint (g_strv_length (exact), ==, 0);
  limited = annex_name_completion_match (G_LIST_MODEL (people), "name", "", 2);
  g_assert_cmpuint (g_strv_length (limited), ==, 2);
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

  g_test_add_func ("/annex/documents-view/name-matching", test_name_matching);
  g_test_add ("/annex/documents-view/pages", Fixture, NULL, fixture_set_up, test_pages,
              fixture_tear_down);
  g_test_add ("/annex/documents-view/versions", Fixture, NULL, fixture_set_up, test_versions,
              fixture_tear_down);
  g_test_add ("/annex/documents-view/mandated", Fixture, NULL, fixture_set_up, test_mandated,
              fixture_tear_down);
  g_test_add ("/annex/documents-view/show-record", Fixture, NULL, fixture_set_up,
              test_show_record, fixture_tear_down);
  g_test_add ("/annex/documents-view/owner-suggestions", Fixture, NULL, fixture_set_up,
              test_owner_suggestions, fixture_tear_down);

  status = g_test_run ();

  annex_test_rm_rf (tmpdir);
  g_free (tmpdir);

  return status;
}
