/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-audits-view.c: the Audits and Improvement views in a window under a virtual display:
 * the programme's coverage and warnings (and opening an audit from its timeline), generating a
 * checklist through the audit editor, a finding raised from an item and a nonconformity from the
 * finding (shown in the Improvement view), the refusal to close a nonconformity early, a
 * corrective action, an incident's nonconformity, and deleting an audit with Undo. */

#define G_LOG_DOMAIN "test-audits-view"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "annex-audit-programme-page.h"
#include "annex-audit.h"
#include "annex-audits-view.h"
#include "annex-checklist-section.h"
#include "annex-control.h"
#include "annex-findings-section.h"
#include "annex-improvement-view.h"
#include "annex-incident.h"
#include "annex-links.h"
#include "annex-nonconformity.h"
#include "annex-register-page.h"
#include "annex-requirement.h"
#include "annex-store-error.h"
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

static void
on_toast_cb (GtkWidget *widget,
             AdwToast  *toast,
             GPtrArray *toasts)
{
  g_ptr_array_add (toasts, g_object_ref (toast));
}

typedef struct
{
  AnnexWorkspaceList   *list;
  AnnexWindow          *window;
  AnnexDatabase        *db;
  AnnexAuditsView      *audits_view;
  AnnexImprovementView *improvement_view;
  AnnexRegister        *audits;
  AnnexRegister        *nonconformities;
  AnnexRegister        *incidents;
  AnnexRegister        *controls;
  AnnexRegister        *requirements;
  GPtrArray            *toasts;
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
  path = g_strdup (annex_workspace_get_path (workspace));

  fixture->window = g_object_ref (annex_window_new (NULL, fixture->list));
  /* Slow runs (sanitizers) must still find the Undo toasts up. */
  annex_window_set_toast_timeout (fixture->window, 0);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 900);
  gtk_window_present (GTK_WINDOW (fixture->window));
  annex_test_iterate_main_loop ();

  annex_window_open_workspace_async (fixture->window, path, NULL, on_opened_cb, &call);
  annex_test_wait_for (&call.done);
  opened = annex_window_open_workspace_finish (fixture->window, call.result, &error);
  g_object_unref (call.result);
  g_assert_no_error (error);
  g_assert_true (opened);

  fixture->db = annex_window_get_database (fixture->window);
  fixture->audits_view = ANNEX_AUDITS_VIEW (annex_test_find_descendant (GTK_WIDGET (fixture->window),
                                                             ANNEX_TYPE_AUDITS_VIEW));
  fixture->improvement_view =
    ANNEX_IMPROVEMENT_VIEW (annex_test_find_descendant (GTK_WIDGET (fixture->window),
                                             ANNEX_TYPE_IMPROVEMENT_VIEW));
  g_assert_nonnull (fixture->audits_view);
  g_assert_nonnull (fixture->improvement_view);
  fixture->audits = annex_register_page_get_register (
    annex_audits_view_get_audits_page (fixture->audits_view));
  fixture->nonconformities = annex_register_page_get_register (
    annex_improvement_view_get_nonconformities_page (fixture->improvement_view));
  fixture->incidents = annex_register_page_get_register (
    annex_improvement_view_get_incidents_page (fixture->improvement_view));
  fixture->controls = annex_window_get_control_register (fixture->window);
  fixture->requirements = annex_window_get_requirement_register (fixture->window);
  g_assert_nonnull (fixture->audits);
  g_assert_nonnull (fixture->nonconformities);
  g_assert_nonnull (fixture->incidents);

  annex_test_wait_loaded (fixture->audits);
  annex_test_wait_loaded (fixture->nonconformities);
  annex_test_wait_loaded (fixture->incidents);
  annex_test_wait_loaded (fixture->controls);
  annex_test_wait_loaded (fixture->requirements);
  annex_test_wait_loaded (annex_window_get_action_register (fixture->window));

  fixture->toasts = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (fixture->audits_view, "add-toast", G_CALLBACK (on_toast_cb),
                    fixture->toasts);
  g_signal_connect (fixture->improvement_view, "add-toast", G_CALLBACK (on_toast_cb),
                    fixture->toasts);

  annex_window_set_view (fixture->window, "audits");
  annex_test_iterate_main_loop ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window == NULL)
    return;

  g_signal_handlers_disconnect_by_func (fixture->audits_view, on_toast_cb, fixture->toasts);
  g_signal_handlers_disconnect_by_func (fixture->improvement_view, on_toast_cb,
                                        fixture->toasts);
  g_clear_pointer (&fixture->toasts, g_ptr_array_unref);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  annex_test_iterate_main_loop ();
  g_assert_finalize_object (g_steal_pointer (&fixture->window));
  g_assert_finalize_object (g_steal_pointer (&fixture->list));
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

/* "2026-03-14": today moved by @months months (local time, as the model's "today"). */
static char *
dup_date (int months)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) date = g_date_time_add_months (now, months);

  return g_date_time_format (date, "%Y-%m-%d");
}

/* An internal audit planned from @start to @end months from now, saved, sampling the clause
 * @clause and the control @control (either may be NULL). */
static AnnexRecord *
add_audit (Fixture    *fixture,
           const char *title,
           int         start,
           int         end,
           const char *clause,
           const char *control)
{
  g_autoptr(AnnexRecord) audit = annex_register_new_record (fixture->audits);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = dup_date (start);
  g_autofree char *last = dup_date (end);

  annex_record_set_string (audit, "title", title);
  annex_record_set_string (audit, "planned-start", first);
  annex_record_set_string (audit, "planned-end", last);
  annex_record_set_string (audit, "lead-auditor", "Marc Weber");
  g_assert_true (annex_register_add (fixture->audits, audit, &error));
  g_assert_no_error (error);

  if (clause != NULL)
    {
      annex_links_add (fixture->db, "audits", annex_record_get_id (audit), "requirements",
                       annex_record_get_id (find_reference (fixture->requirements, clause)),
                       &error);
      g_assert_no_error (error);
    }
  if (control != NULL)
    {
      annex_links_add (fixture->db, "audits", annex_record_get_id (audit), "controls",
                       annex_record_get_id (find_reference (fixture->controls, control)),
                       &error);
      g_assert_no_error (error);
    }

  return audit;  /* borrowed: the register holds it */
}

static void
set_applicable (Fixture    *fixture,
                const char *reference)
{
  AnnexRecord *control = find_reference (fixture->controls, reference);
  g_autoptr(GError) error = NULL;

  annex_record_set_string (control, "applicability", "applicable");
  g_assert_true (annex_register_save (fixture->controls, control, &error));
  g_assert_no_error (error);
}

static gboolean
has_warning (AnnexAuditProgramme       *programme,
             AnnexProgrammeWarningKind  kind,
             gint64                     audit_id)
{
  guint n = 0;
  const AnnexProgrammeWarning *warnings = annex_audit_programme_get_warnings (programme, &n);

  for (guint i = 0; i < n; i++)
    if (warnings[i].kind == kind && warnings[i].audit_id == audit_id)
      return TRUE;

  return FALSE;
}

/* The programme page shows the cycle's coverage gaps and warnings, follows the workspace, and
 * opens an audit from its timeline. */
static void
test_programme (Fixture       *fixture,
                gconstpointer  data)
{
  AnnexAuditProgrammePage *page;
  AnnexAuditProgramme *programme;
  AnnexRecord *overdue, *later;
  GtkWidget *button;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  if (!annex_test_require_display (has_display))
    return;

  page = annex_audits_view_get_programme_page (fixture->audits_view);
  programme = annex_audit_programme_page_get_programme (page);
  g_assert_true (annex_audit_cycle_set (fixture->db, g_date_time_get_year (now), 3, &error));
  g_assert_no_error (error);

  /* No audits: every main clause is a gap (no control is applicable yet: no theme is
   * expected), and no internal audit was done in the last twelve months. */
  annex_audit_programme_page_update (page);
  g_assert_cmpuint (annex_audit_programme_page_get_n_gaps (page), ==, 7);
  g_assert_true (has_warning (programme, ANNEX_PROGRAMME_WARNING_NO_RECENT_INTERNAL_AUDIT, 0));

  /* An audit planned last month and still planned samples 9.2.1 and control 5.15; one next
   * month samples 4.1. */
  overdue = add_audit (fixture, "Internal audit programme", -1, -1, "9.2.1", "5.15");
  later = add_audit (fixture, "Context", 1, 1, "4.1", NULL);
  set_applicable (fixture, "5.15");
  set_applicable (fixture, "8.2");
  annex_audit_programme_page_update (page);

  /* Clauses 5, 6, 7, 8 and 10 and the technological theme (8.2 applicable, not sampled). */
  g_assert_cmpuint (annex_audit_programme_get_n_audits (programme), >=, 1);
  g_assert_cmpuint (annex_audit_programme_page_get_n_gaps (page), ==, 6);
  g_assert_true (has_warning (programme, ANNEX_PROGRAMME_WARNING_AUDIT_OVERDUE,
                              annex_record_get_id (overdue)));
  g_assert_false (has_warning (programme, ANNEX_PROGRAMME_WARNING_AUDIT_OVERDUE,
                               annex_record_get_id (later)));
  g_assert_true (has_warning (programme, ANNEX_PROGRAMME_WARNING_CONTROLS_NOT_COVERED, 0));
  g_assert_cmpuint (annex_audit_programme_page_get_n_warnings (page), >=, 3);

  /* The page follows the workspace by itself: reporting the audit ends its overdue warning. */
  annex_record_set_string (overdue, "status", "reported");
  g_assert_true (annex_register_save (fixture->audits, overdue, &error));
  g_assert_no_error (error);
  annex_test_iterate_main_loop ();
  g_assert_false (has_warning (programme, ANNEX_PROGRAMME_WARNING_AUDIT_OVERDUE,
                               annex_record_get_id (overdue)));

  /* Activating an audit of the timeline opens it on the audits page. */
  annex_audits_view_set_visible_page (fixture->audits_view, "programme");
  button = annex_test_find_button (GTK_WIDGET (page), annex_record_get_reference (later));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  annex_test_iterate_main_loop ();
  g_assert_cmpstr (annex_audits_view_get_visible_page (fixture->audits_view), ==, "audits");
  g_assert_true (annex_record_editor_get_record (annex_register_page_get_editor (
    annex_audits_view_get_audits_page (fixture->audits_view))) == later);
}

/* An incident raises a nonconformity in one step (source incident). */
static void
check_incident (Fixture *fixture)
{
  g_autoptr(AnnexRecord) incident = annex_register_new_record (fixture->incidents);
  g_autoptr(GError) error = NULL;
  AnnexNonconformity *nc;

  annex_record_set_string (incident, "title", "Phishing mailbox compromise");
  g_assert_true (annex_register_add (fixture->incidents, incident, &error));
  g_assert_no_error (error);

  nc = annex_improvement_view_raise_from_incident (fixture->improvement_view,
                                                   ANNEX_INCIDENT (incident), &error);
  g_assert_no_error (error);
  g_assert_nonnull (nc);
  g_assert_cmpstr (annex_nonconformity_get_source (nc), ==, "incident");
  g_assert_cmpstr (annex_nonconformity_get_source_reference (nc), ==,
                   annex_record_get_reference (incident));
  g_assert_cmpstr (annex_improvement_view_get_visible_page (fixture->improvement_view), ==,
                   "nonconformities");
}

/* Deleting an audit from its page takes its checklist and findings with it; Undo brings all
 * back. */
static void
check_delete_undo (Fixture *fixture)
{
  AnnexRegisterPage *page = annex_audits_view_get_audits_page (fixture->audits_view);
  AnnexChecklistSection *checklist = annex_audits_view_get_checklist (fixture->audits_view);
  AnnexRecord *audit;
  AdwToast *toast;
  gint64 id, n_items;
  guint n_added = 0, n_toasts;
  g_autoptr(GError) error = NULL;

  audit = add_audit (fixture, "Suppliers", 1, 1, "8.1", "5.19");
  id = annex_record_get_id (audit);
  g_assert_true (annex_audits_view_show_audit (fixture->audits_view, id));
  annex_test_iterate_main_loop ();
  g_assert_true (annex_checklist_section_generate (checklist, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 2);

  n_items = annex_database_count_rows (fixture->db, "audit_items", &error);
  g_assert_no_error (error);
  n_toasts = fixture->toasts->len;
  /* No main loop iteration until Undo: a slow run (sanitizers) could let the toast time out,
   * and a dismissed toast no longer offers Undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "register.delete", NULL));
  g_assert_null (annex_register_find (fixture->audits, id));
  g_assert_cmpint (annex_database_count_rows (fixture->db, "audit_items", &error), ==,
                   n_items - 2);
  g_assert_no_error (error);

  /* The toast with the Undo button (others may follow it). */
  toast = NULL;
  for (guint i = n_toasts; toast == NULL && i < fixture->toasts->len; i++)
    if (adw_toast_get_button_label (g_ptr_array_index (fixture->toasts, i)) != NULL)
      toast = g_ptr_array_index (fixture->toasts, i);
  g_assert_nonnull (toast);
  g_signal_emit_by_name (toast, "button-clicked");
  annex_test_iterate_main_loop ();
  g_assert_nonnull (annex_register_find (fixture->audits, id));
  g_assert_cmpint (annex_database_count_rows (fixture->db, "audit_items", &error), ==, n_items);
  g_assert_no_error (error);

  g_assert_true (annex_audits_view_show_audit (fixture->audits_view, id));
  ANNEX_TEST_WAIT_UNTIL (annex_checklist_section_get_n_items (checklist) == 2);
  g_assert_cmpuint (annex_checklist_section_get_n_items (checklist), ==, 2);
}

/* The checklist is generated through the audit editor (once per clause and control), items
 * are added by hand, a finding is raised from an item and a nonconformity from the finding in
 * one step each; the nonconformity opens in the Improvement view. Then an audit is deleted and
 * restored with Undo. */
static void
test_checklist_finding_nonconformity (Fixture       *fixture,
                                      gconstpointer  data)
{
  AnnexChecklistSection *checklist = annex_audits_view_get_checklist (fixture->audits_view);
  AnnexFindingsSection *findings = annex_audits_view_get_findings (fixture->audits_view);
  AnnexRecord *audit;
  AnnexAuditItem *item, *added;
  AnnexFinding *finding;
  AnnexNonconformity *nc;
  AnnexRecordEditor *nc_editor;
  GtkWindow *dialog;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  if (!annex_test_require_display (has_display))
    return;

  audit = add_audit (fixture, "Access control", -1, 0, "9.2.1", "5.15");
  g_assert_true (annex_audits_view_show_audit (fixture->audits_view,
                                               annex_record_get_id (audit)));
  annex_test_iterate_main_loop ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (checklist)));
  g_assert_cmpuint (annex_checklist_section_get_n_items (checklist), ==, 0);

  /* "Generate from Scope": one item for the clause, one for the control, clause first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (checklist), "checklist.generate",
                                             NULL));
  annex_test_iterate_main_loop ();
  g_assert_cmpuint (annex_checklist_section_get_n_items (checklist), ==, 2);
  item = annex_checklist_section_get_item (checklist, 0);
  g_assert_cmpstr (annex_audit_item_get_subject (item), ==, "9.2.1");
  g_assert_nonnull (annex_audit_item_get_question (item));
  g_assert_cmpstr (annex_audit_item_get_subject (annex_checklist_section_get_item (checklist, 1)),
                   ==, "5.15");

  /* Again: nothing new. By hand: a third item at the end. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (checklist), "checklist.generate",
                                             NULL));
  annex_test_iterate_main_loop ();
  g_assert_cmpuint (annex_checklist_section_get_n_items (checklist), ==, 2);
  added = annex_checklist_section_add_item (checklist, &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
  annex_test_iterate_main_loop ();
  g_assert_cmpuint (annex_checklist_section_get_n_items (checklist), ==, 3);
  g_assert_true (annex_checklist_section_get_item (checklist, 2) == added);

  /* The result drop-down of the first row writes the item at once. */
  {
    AdwComboRow *combo = ADW_COMBO_ROW (annex_test_find_descendant (GTK_WIDGET (checklist),
                                                         ADW_TYPE_COMBO_ROW));
    g_autoptr(AnnexRegister) stored = annex_register_new (fixture->db, ANNEX_TYPE_AUDIT_ITEM);
    AnnexRecord *copy;

    g_assert_nonnull (combo);
    adw_combo_row_set_selected (combo, 3);  /* not sampled, conform, nonconformity, observation */
    annex_test_iterate_main_loop ();
    g_assert_cmpstr (annex_audit_item_get_result (item), ==, "observation");
    g_assert_true (annex_register_load (stored, &error));
    g_assert_no_error (error);
    copy = annex_register_find (stored, annex_record_get_id (ANNEX_RECORD (item)));
    g_assert_nonnull (copy);
    g_assert_cmpstr (annex_audit_item_get_result (ANNEX_AUDIT_ITEM (copy)), ==, "observation");
  }

  /* A conforming item raises no finding. */
  annex_record_set_string (ANNEX_RECORD (item), "result", "conform");
  g_assert_null (annex_checklist_section_raise_finding (checklist, item, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A nonconforming one does, with its notes; the row then names the finding. */
  annex_record_set_string (ANNEX_RECORD (item), "result", "nonconformity");
  annex_record_set_string (ANNEX_RECORD (item), "notes", "No audit programme for 2026.");
  finding = annex_checklist_section_raise_finding (checklist, item, &error);
  g_assert_no_error (error);
  g_assert_nonnull (finding);
  annex_test_iterate_main_loop ();
  g_assert_cmpstr (annex_finding_get_classification (finding), ==, "minor");
  g_assert_cmpstr (annex_finding_get_description (finding), ==, "No audit programme for 2026.");
  g_assert_cmpuint (annex_findings_section_get_n_findings (findings), ==, 1);
  label = g_strdup_printf ("Finding %s Raised",
                           annex_record_get_reference (ANNEX_RECORD (finding)));
  g_assert_nonnull (annex_test_find_button (GTK_WIDGET (checklist), label));

  /* "Raise Nonconformity" in one step: recorded, and shown in the Improvement view. */
  nc = annex_findings_section_raise_nonconformity (findings, finding, &error);
  g_assert_no_error (error);
  g_assert_nonnull (nc);
  annex_test_iterate_main_loop ();
  g_assert_cmpstr (annex_nonconformity_get_source (nc), ==, "audit");
  g_assert_cmpstr (annex_nonconformity_get_source_reference (nc), ==,
                   annex_record_get_reference (ANNEX_RECORD (finding)));
  g_assert_true (annex_findings_section_find_nonconformity (findings, finding) == nc);
  g_assert_cmpstr (annex_window_get_view (fixture->window), ==, "improvement");
  g_assert_cmpstr (annex_improvement_view_get_visible_page (fixture->improvement_view), ==,
                   "nonconformities");
  nc_editor = annex_register_page_get_editor (
    annex_improvement_view_get_nonconformities_page (fixture->improvement_view));
  g_assert_true (annex_record_editor_get_record (nc_editor) == ANNEX_RECORD (nc));

  /* A second time is refused. */
  g_assert_null (annex_findings_section_raise_nonconformity (findings, finding, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);

  /* "Add Finding…" opens the finding dialog of the audit. */
  dialog = annex_findings_section_open_dialog (findings, NULL);
  g_assert_nonnull (dialog);
  annex_test_iterate_main_loop ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  gtk_window_destroy (dialog);
  annex_test_iterate_main_loop ();

  /* A window setup is costly under the sanitizers: the delete and Undo of an audit in the
   * same workspace. */
  annex_window_set_view (fixture->window, "audits");
  check_delete_undo (fixture);
}

/* Closing a nonconformity before its effectiveness check shows the model's refusal in the
 * editor; a corrective action is added from the editor; recording the check lets it close.
 * Then an incident raises a nonconformity. */
static void
test_close_early (Fixture       *fixture,
                  gconstpointer  data)
{
  AnnexRegisterPage *page = annex_improvement_view_get_nonconformities_page (
    fixture->improvement_view);
  g_autoptr(AnnexRecord) nc = annex_register_new_record (fixture->nonconformities);
  g_autoptr(GError) error = NULL;
  g_autofree char *today = dup_date (0);
  AnnexAction *action;

  if (!annex_test_require_display (has_display))
    return;

  annex_record_set_string (nc, "title", "Leavers keep their accounts");
  annex_record_set_string (nc, "raised-on", today);
  g_assert_true (annex_register_add (fixture->nonconformities, nc, &error));
  g_assert_no_error (error);
  annex_window_set_view (fixture->window, "improvement");
  g_assert_true (annex_register_page_show_record (page, annex_record_get_id (nc)));
  annex_test_iterate_main_loop ();
  g_assert_null (annex_improvement_view_get_refusal (fixture->improvement_view));

  /* "New Corrective Action": an action of the tracker, listed in the editor. */
  action = annex_improvement_view_new_corrective_action (fixture->improvement_view,
                                                         ANNEX_NONCONFORMITY (nc), &error);
  g_assert_no_error (error);
  g_assert_nonnull (action);
  annex_test_iterate_main_loop ();
  g_assert_cmpstr (annex_record_get_string (ANNEX_RECORD (action), "origin"), ==,
                   "corrective-action");
  /* The window showed the new action in the Actions view: back to the nonconformity. */
  annex_window_set_view (fixture->window, "improvement");
  g_assert_true (annex_register_page_show_record (page, annex_record_get_id (nc)));
  annex_test_iterate_main_loop ();
  g_assert_cmpuint (annex_improvement_view_get_n_editor_actions (fixture->improvement_view), ==,
                    1);

  /* Closed too early: the editor says why, and the workspace keeps the stored status. */
  annex_record_set_string (nc, "status", "closed");
  annex_test_iterate_main_loop ();
  g_assert_nonnull (annex_improvement_view_get_refusal (fixture->improvement_view));
  g_assert_nonnull (strstr (annex_improvement_view_get_refusal (fixture->improvement_view),
                            "effectiveness"));
  g_assert_false (annex_register_save (fixture->nonconformities, nc, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* With the check recorded, the refusal goes and the nonconformity closes. */
  annex_record_set_string (nc, "check-date", today);
  annex_record_set_string (nc, "check-by", "Priya Shah");
  annex_record_set_string (nc, "check-result", "effective");
  annex_test_iterate_main_loop ();
  g_assert_null (annex_improvement_view_get_refusal (fixture->improvement_view));
  g_assert_true (annex_register_save (fixture->nonconformities, nc, &error));
  g_assert_no_error (error);

  check_incident (fixture);
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

  g_test_add ("/annex/audits-view/programme", Fixture, NULL, fixture_set_up, test_programme,
              fixture_tear_down);
  g_test_add ("/annex/audits-view/checklist-finding-nonconformity", Fixture, NULL,
              fixture_set_up, test_checklist_finding_nonconformity, fixture_tear_down);
  g_test_add ("/annex/audits-view/close-early", Fixture, NULL, fixture_set_up,
              test_close_early, fixture_tear_down);

  status = g_test_run ();

  annex_test_rm_rf (tmpdir);
  g_free (tmpdir);

  return status;
}
