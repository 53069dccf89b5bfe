/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-reviews-view.c: the Reviews and Objectives views under a virtual display: preparing the
 * inputs a–g through the review editor, the sign-off lock (widgets read-only, edits refused),
 * reopening with a reason, a new action from the review, the "next review due" bar, and an
 * objective's measurements with the latest one in the list. */

#define G_LOG_DOMAIN "test-reviews-view"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "annex-action.h"
#include "annex-objective-measurement.h"
#include "annex-objectives-view.h"
#include "annex-review-attendee.h"
#include "annex-reviews-view.h"
#include "annex-store-error.h"
#include "annex-test-ui-util.h"
#include "annex-test-util.h"

static gboolean has_display;

typedef struct
{
  char             *dir;
  AnnexDatabase    *db;
  AnnexRegister    *reviews;
  AnnexRegister    *attendees;
  AnnexRegister    *actions;
  AnnexRegister    *objectives;
  AnnexRegister    *measurements;
  GtkWidget        *window;
  AnnexReviewsView *view;
  AnnexRecord      *review;     /* borrowed from the register */
  char             *today;
} Fixture;

static AnnexRegister *
load_register (AnnexDatabase *db,
               GType          type)
{
  g_autoptr(GError) error = NULL;
  AnnexRegister *register_ = annex_register_new (db, type);

  annex_register_load (register_, &error);
  g_assert_no_error (error);
  return register_;
}

/* A workspace with one review (held today, chaired by Dana Lee) shown in the Reviews view. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(AnnexRecord) review = NULL;

  if (!has_display)
    return;

  f->today = g_date_time_format (now, "%Y-%m-%d");
  f->dir = annex_test_make_tmpdir ();
  path = g_build_filename (f->dir, "reviews.isms", NULL);
  f->db = annex_database_create (path, "Test organization", &error);
  g_assert_no_error (error);

  f->reviews = load_register (f->db, ANNEX_TYPE_REVIEW);
  f->attendees = load_register (f->db, ANNEX_TYPE_REVIEW_ATTENDEE);
  f->actions = load_register (f->db, ANNEX_TYPE_ACTION);
  f->objectives = load_register (f->db, ANNEX_TYPE_OBJECTIVE);
  f->measurements = load_register (f->db, ANNEX_TYPE_OBJECTIVE_MEASUREMENT);

  review = annex_register_new_record (f->reviews);
  annex_record_set_string (review, "title", "Annual management review");
  annex_record_set_string (review, "planned-date", f->today);
  annex_record_set_string (review, "actual-date", f->today);
  annex_record_set_string (review, "chair", "Dana Lee");
  annex_register_add (f->reviews, review, &error);
  g_assert_no_error (error);
  f->review = review;

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 900);
  f->view = ANNEX_REVIEWS_VIEW (annex_reviews_view_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  annex_reviews_view_set_registers (f->view, f->reviews, f->attendees, f->actions);
  gtk_window_present (GTK_WINDOW (f->window));
  annex_test_iterate_main_loop ();

  g_assert_true (annex_register_page_show_record (annex_reviews_view_get_page (f->view),
                                                  annex_record_get_id (f->review)));
  annex_test_iterate_main_loop ();
  g_assert_true (annex_reviews_view_get_review (f->view) == ANNEX_REVIEW (f->review));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (!has_display)
    return;

  annex_reviews_view_set_registers (f->view, NULL, NULL, NULL);
  gtk_window_destroy (GTK_WINDOW (f->window));
  annex_test_iterate_main_loop ();
  g_clear_object (&f->reviews);
  g_clear_object (&f->attendees);
  g_clear_object (&f->actions);
  g_clear_object (&f->objectives);
  g_clear_object (&f->measurements);
  annex_database_close (f->db);
  g_clear_object (&f->db);
  annex_test_rm_rf (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->today, g_free);
}

static void
test_prepare_inputs (Fixture       *f,
                     gconstpointer  data)
{
  AnnexReviewInputsSection *section;
  g_autofree char *text = NULL;

  if (!annex_test_require_display (has_display))
    return;

  section = annex_reviews_view_get_inputs_section (f->view);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (section)));
  g_assert_true (annex_review_inputs_section_get_review (section) == ANNEX_REVIEW (f->review));
  for (guint i = 0; i < ANNEX_REVIEW_N_INPUTS; i++)
    g_assert_false (annex_review_inputs_section_get_card_prepared (section, i));
  text = annex_review_inputs_section_dup_card_text (section, ANNEX_REVIEW_INPUT_ISSUES);
  g_assert_nonnull (strstr (text, "Not prepared"));
  g_clear_pointer (&text, g_free);

  /* The button's action fills a–g at once and stores them with the review. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "inputs.prepare", NULL));
  annex_test_iterate_main_loop ();
  for (guint i = 0; i < ANNEX_REVIEW_N_INPUTS; i++)
    {
      g_assert_true (annex_review_inputs_section_get_card_prepared (section, i));
      text = annex_review_inputs_section_dup_card_text (section, i);
      g_assert_cmpuint (strlen (text), >, 0);
      g_assert_null (strstr (text, "Not prepared"));
      g_assert_null (strstr (text, "{"));
      g_clear_pointer (&text, g_free);
    }
  g_assert_nonnull (annex_review_get_inputs_json (ANNEX_REVIEW (f->review)));

  /* A discussion note typed into a card is saved with the review. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (annex_review_inputs_section_get_notes_view (section,
                                                                                                 ANNEX_REVIEW_INPUT_RISKS)),
                            "Residual risk of R-001 accepted by the board.", -1);
  g_assert_true (annex_review_inputs_section_flush (section, NULL));
  {
    g_autoptr(AnnexReviewSnapshot) snapshot = annex_review_dup_snapshot (ANNEX_REVIEW (f->review));

    g_assert_cmpstr (annex_review_snapshot_get_notes (snapshot, ANNEX_REVIEW_INPUT_RISKS), ==,
                     "Residual risk of R-001 accepted by the board.");
  }

  /* One input refreshes alone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "inputs.refresh", "y",
                                             (guchar) ANNEX_REVIEW_INPUT_ACTIONS));
  g_assert_true (annex_review_inputs_section_get_card_prepared (section,
                                                                ANNEX_REVIEW_INPUT_ACTIONS));
}

static void
test_sign_off_and_reopen (Fixture       *f,
                          gconstpointer  data)
{
  AnnexRecordEditor *editor;
  AnnexReviewInputsSection *inputs;
  AnnexChildListSection *attendees;
  g_autoptr(AnnexRecord) attendee = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  GtkTextView *notes;

  if (!annex_test_require_display (has_display))
    return;

  editor = annex_register_page_get_editor (annex_reviews_view_get_page (f->view));
  inputs = annex_reviews_view_get_inputs_section (f->view);
  attendees = annex_reviews_view_get_attendees_section (f->view);

  /* An attendee, added as the section's dialog does. */
  attendee = ANNEX_RECORD (annex_review_attendee_new (0));
  annex_record_set_string (attendee, "name", "Marc Weber");
  annex_record_set_string (attendee, "role", "ISMS manager");
  g_assert_true (annex_child_list_section_add (attendees, attendee, &error));
  g_assert_no_error (error);
  annex_test_iterate_main_loop ();
  g_assert_cmpuint (annex_child_list_section_get_n_children (attendees), ==, 1);

  g_assert_true (annex_record_editor_get_field_visible (editor, "chair"));
  g_assert_cmpstr (annex_reviews_view_get_sign_off_text (f->view), ==, "Not signed off yet");

  /* The dialog offers the chair and today; its response signs off. */
  dialog = annex_reviews_view_open_sign_off_dialog (f->view);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                          "sign-off"));
  g_signal_emit_by_name (dialog, "response", "sign-off");
  gtk_window_destroy (GTK_WINDOW (dialog));
  annex_test_iterate_main_loop ();

  g_assert_true (annex_review_is_signed_off (ANNEX_REVIEW (f->review)));
  g_assert_cmpstr (annex_review_get_signed_off_by (ANNEX_REVIEW (f->review)), ==, "Dana Lee");
  g_assert_true (g_str_has_prefix (annex_reviews_view_get_sign_off_text (f->view),
                                   "Signed off by Dana Lee on "));

  /* Locked: no field row to edit, the notes read-only, no add or delete of attendees, no new
   * action; and the register refuses a change all the same. */
  g_assert_false (annex_record_editor_get_field_visible (editor, "chair"));
  g_assert_false (annex_record_editor_get_field_visible (editor, "conclusion"));
  g_assert_true (annex_review_inputs_section_get_locked (inputs));
  notes = annex_review_inputs_section_get_notes_view (inputs, ANNEX_REVIEW_INPUT_ISSUES);
  g_assert_false (gtk_text_view_get_editable (notes));
  g_assert_false (gtk_editable_get_editable (annex_review_inputs_section_get_annotation_entry (inputs,
                                                                                               ANNEX_REVIEW_INPUT_ISSUES)));
  g_assert_false (annex_review_inputs_section_prepare (inputs, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (annex_child_list_section_get_locked (attendees));
  g_assert_null (annex_child_list_section_open_dialog (attendees, NULL));
  g_assert_null (annex_reviews_view_open_new_action_dialog (f->view));
  g_assert_null (annex_reviews_view_new_action (f->view, "Too late", NULL, NULL, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  annex_record_set_string (f->review, "chair", "Somebody else");
  g_assert_false (annex_register_save (f->reviews, f->review, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    gint64 id = annex_record_get_id (f->review);

    /* The stored review is unchanged: read it again (the items are new objects). */
    g_assert_true (annex_register_load (f->reviews, &error));
    g_assert_no_error (error);
    annex_test_iterate_main_loop ();
    f->review = annex_register_find (f->reviews, id);
  }
  g_assert_true (annex_register_page_show_record (annex_reviews_view_get_page (f->view),
                                                  annex_record_get_id (f->review)));
  annex_test_iterate_main_loop ();
  g_assert_cmpstr (annex_review_get_chair (ANNEX_REVIEW (f->review)), ==, "Dana Lee");
  g_assert_true (annex_review_inputs_section_get_locked (inputs));

  /* Reopening needs a reason. */
  dialog = annex_reviews_view_open_reopen_dialog (f->view);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                           "reopen"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (annex_reviews_view_reopen (f->view, "The decision on resources was missing",
                                            &error));
  g_assert_no_error (error);
  annex_test_iterate_main_loop ();

  g_assert_false (annex_review_is_signed_off (ANNEX_REVIEW (f->review)));
  g_assert_cmpstr (annex_review_get_reopen_reason (ANNEX_REVIEW (f->review)), ==,
                   "The decision on resources was missing");
  g_assert_true (annex_record_editor_get_field_visible (editor, "chair"));
  g_assert_false (annex_review_inputs_section_get_locked (inputs));
  g_assert_true (gtk_text_view_get_editable (notes));
  g_assert_false (annex_child_list_section_get_locked (attendees));
  g_assert_cmpstr (annex_reviews_view_get_sign_off_text (f->view), ==, "Not signed off yet");
}

static void
test_new_action (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *dialog;
  AnnexRecord *action;
  g_autoptr(GError) error = NULL;

  if (!annex_test_require_display (has_display))
    return;

  g_assert_cmpuint (annex_reviews_view_get_n_editor_actions (f->view), ==, 0);

  /* The dialog needs a title, and a due date if any must be a date. */
  dialog = annex_reviews_view_open_new_action_dialog (f->view);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  action = ANNEX_RECORD (annex_reviews_view_new_action (f->view, "Budget for a SOC service",
                                                        "Marc Weber", "2027-03-31", &error));
  g_assert_no_error (error);
  g_assert_nonnull (action);
  g_assert_cmpstr (annex_record_get_string (action, "origin"), ==, "management-review");
  g_assert_cmpstr (annex_record_get_string (action, "origin-reference"), ==,
                   annex_record_get_reference (f->review));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->actions)), ==, 1);
  annex_test_iterate_main_loop ();
  g_assert_cmpuint (annex_reviews_view_get_n_editor_actions (f->view), ==, 1);
}

static void
test_schedule (Fixture       *f,
               gconstpointer  data)
{
  const char *text;

  if (!annex_test_require_display (has_display))
    return;

  /* Held today, every 12 months: the next one is due in a year. */
  text = annex_reviews_view_update_schedule (f->view);
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "Next review due "));
}

static void
test_objective_measurement (Fixture       *f,
                            gconstpointer  data)
{
  GtkWidget *window;
  AnnexObjectivesView *view;
  AnnexChildListSection *section;
  g_autoptr(AnnexRecord) objective = NULL;
  g_autoptr(AnnexRecord) measurement = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *latest = NULL;
  GtkWindow *dialog;

  if (!annex_test_require_display (has_display))
    return;

  objective = annex_register_new_record (f->objectives);
  annex_record_set_string (objective, "title", "Phishing click rate below 5 %");
  annex_record_set_string (objective, "target", "< 5 %");
  annex_register_add (f->objectives, objective, &error);
  g_assert_no_error (error);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 800);
  view = ANNEX_OBJECTIVES_VIEW (annex_objectives_view_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  annex_objectives_view_set_registers (view, f->objectives, f->measurements, NULL, NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));
  annex_test_iterate_main_loop ();

  g_assert_true (annex_register_page_show_record (annex_objectives_view_get_page (view),
                                                  annex_record_get_id (objective)));
  annex_test_iterate_main_loop ();
  section = annex_objectives_view_get_measurements_section (view);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (section)));
  g_assert_cmpuint (annex_child_list_section_get_n_children (section), ==, 0);

  /* The dialog starts a measurement dated today. */
  dialog = annex_child_list_section_open_dialog (section, NULL);
  g_assert_nonnull (dialog);
  gtk_window_destroy (dialog);
  annex_test_iterate_main_loop ();

  measurement = ANNEX_RECORD (annex_objective_measurement_new (0));
  annex_objective_measurement_set (ANNEX_OBJECTIVE_MEASUREMENT (measurement), f->today, "7.5 %",
                                   "Q3 campaign");
  g_assert_true (annex_child_list_section_add (section, measurement, &error));
  g_assert_no_error (error);
  annex_test_iterate_main_loop ();
  g_assert_cmpint (annex_objective_measurement_get_objective_id (ANNEX_OBJECTIVE_MEASUREMENT (measurement)),
                   ==, annex_record_get_id (objective));
  g_assert_cmpuint (annex_child_list_section_get_n_children (section), ==, 1);

  annex_objectives_view_update (view);
  latest = annex_objective_format_latest (ANNEX_OBJECTIVE (objective));
  g_assert_true (g_str_has_prefix (latest, "7.5 % on "));

  /* Deleting it offers Undo (the toast) and the list empties. */
  g_assert_true (annex_child_list_section_delete (section, measurement, &error));
  g_assert_no_error (error);
  annex_test_iterate_main_loop ();
  g_assert_cmpuint (annex_child_list_section_get_n_children (section), ==, 0);

  annex_objectives_view_set_registers (view, NULL, NULL, NULL, NULL, NULL);
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

  g_test_add ("/annex/reviews-view/prepare-inputs", Fixture, NULL, fixture_set_up,
              test_prepare_inputs, fixture_tear_down);
  g_test_add ("/annex/reviews-view/sign-off-and-reopen", Fixture, NULL, fixture_set_up,
              test_sign_off_and_reopen, fixture_tear_down);
  g_test_add ("/annex/reviews-view/new-action", Fixture, NULL, fixture_set_up, test_new_action,
              fixture_tear_down);
  g_test_add ("/annex/reviews-view/schedule", Fixture, NULL, fixture_set_up, test_schedule,
              fixture_tear_down);
  g_test_add ("/annex/objectives-view/measurement", Fixture, NULL, fixture_set_up,
              test_objective_measurement, fixture_tear_down);

  return g_test_run ();
}
