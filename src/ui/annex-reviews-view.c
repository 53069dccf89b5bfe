/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-reviews-view.c: the Reviews view: the reviews with the "next review due" bar, and the
 * review editor as minutes (attendees, inputs, conclusion, decisions, actions, sign-off). */

#define G_LOG_DOMAIN "annex-reviews-view"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-register-format.h"
#include "annex-review-attendee.h"
#include "annex-reviews-view.h"

#define GROUP_MEETING N_("Meeting")

struct _AnnexReviewsView
{
  GtkWidget                 parent_instance;

  /* template widgets */
  AnnexRegisterPage        *page;

  /* the "next review due" bar (the page's header widget) */
  GtkWidget                *schedule_bar;
  GtkImage                 *schedule_icon;
  GtkLabel                 *schedule_label;
  GtkLabel                 *schedule_detail;
  GtkMenuButton            *interval_button;
  GtkSpinButton            *interval_spin;

  /* built in init (the editor's sections) */
  AnnexChildListSection    *attendees_section;
  AnnexReviewInputsSection *inputs_section;
  GtkWidget                *actions_group;
  GtkListBox               *actions_list;
  GtkWidget                *new_action_button;
  GtkWidget                *sign_off_box;
  GtkImage                 *sign_off_icon;
  GtkLabel                 *sign_off_title;
  GtkLabel                 *sign_off_label;
  GtkWidget                *sign_off_button;
  GtkWidget                *reopen_button;

  /* owned */
  AnnexRegister            *reviews;
  AnnexRegister            *attendees;
  AnnexRegister            *actions;
  AnnexReview              *review;           /* in the editor */
  GSignalGroup             *review_list_signals;
  GSignalGroup             *action_list_signals;
  GSignalGroup             *database_signals;
  GSignalGroup             *review_signals;
  char                     *schedule_text;
  guint                     schedule_source;
  guint                     actions_source;
  guint                     n_editor_actions;
  gboolean                  updating_interval;
};

G_DEFINE_FINAL_TYPE (AnnexReviewsView, annex_reviews_view, GTK_TYPE_WIDGET)

enum {
  ADD_TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Pure texts */

char *
annex_review_format_schedule (const AnnexReviewSchedule *schedule)
{
  g_autofree char *due = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (schedule != NULL, NULL);

  due = annex_format_date (schedule->due_date);
  if (due == NULL)
    /* Translators: the "next review due" bar when nothing is known yet */
    g_string_append (text, _("No review held yet"));
  else if (schedule->overdue)
    /* Translators: the "next review due" bar: the planned interval has passed */
    g_string_append_printf (text, _("Review overdue since %s"), due);
  else
    g_string_append_printf (text, _("Next review due %s"), due);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The second line of the bar: what was held last and what is planned. */
static char *
format_schedule_detail (const AnnexReviewSchedule *schedule)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (schedule->last_reference != NULL)
    {
      g_autofree char *date = annex_format_date (schedule->last_date);

      /* Translators: "Last held: MR-2026-01 on 3 Mar 2026" */
      g_string_append_printf (text, _("Last held: %s on %s"), schedule->last_reference,
                              date != NULL ? date : "?");
    }
  if (schedule->planned_reference != NULL)
    {
      g_autofree char *date = annex_format_date (schedule->planned_date);

      if (text->len > 0)
        g_string_append (text, _(" · "));
      if (date != NULL)
        /* Translators: "MR-2027-01 planned for 20 Feb 2027" */
        g_string_append_printf (text, _("%s planned for %s"), schedule->planned_reference, date);
      else
        g_string_append_printf (text, _("%s planned, no date yet"), schedule->planned_reference);
    }
  else
    {
      if (text->len > 0)
        g_string_append (text, _(" · "));
      g_string_append (text, _("No review planned yet"));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
annex_review_format_sign_off (AnnexReview *review)
{
  g_autofree char *date = NULL;
  const char *by;

  g_return_val_if_fail (ANNEX_IS_REVIEW (review), NULL);

  if (!annex_review_is_signed_off (review))
    return NULL;

  by = annex_review_get_signed_off_by (review);
  date = annex_format_date (annex_review_get_signed_off_on (review));
  /* Translators: the state of signed-off minutes: "Signed off by Dana Lee on 1 Mar 2027" */
  return g_strdup_printf (_("Signed off by %s on %s"), by != NULL ? by : "?",
                          date != NULL ? date : "?");
}

/* Auxiliary functions */

static void
emit_toast (AnnexReviewsView *self,
            const char       *prefix,
            const GError     *error)
{
  g_autofree char *text = prefix != NULL ? g_strdup_printf ("%s: %s", prefix, error->message)
                                         : g_strdup (error->message);
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_autoptr(AdwToast) toast = adw_toast_new (escaped);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static gboolean
review_is_saved (AnnexReviewsView *self)
{
  return self->review != NULL && annex_record_get_id (ANNEX_RECORD (self->review)) > 0;
}

static gboolean
review_is_locked (AnnexReviewsView *self)
{
  return self->review != NULL && annex_review_is_signed_off (self->review);
}

/* The "next review due" bar */

static void
update_schedule (AnnexReviewsView *self)
{
  AnnexReviewSchedule schedule = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;
  AnnexDatabase *db = self->reviews != NULL ? annex_register_get_database (self->reviews) : NULL;

  g_clear_handle_id (&self->schedule_source, g_source_remove);
  g_clear_pointer (&self->schedule_text, g_free);

  if (db == NULL || !annex_register_get_loaded (self->reviews))
    {
      gtk_widget_set_visible (self->schedule_bar, FALSE);
      return;
    }

  if (!annex_review_compute_schedule (db, G_LIST_MODEL (self->reviews), NULL, &schedule, &error))
    {
      g_warning ("Could not compute the review schedule: %s", error->message);
      gtk_widget_set_visible (self->schedule_bar, FALSE);
      return;
    }

  self->schedule_text = annex_review_format_schedule (&schedule);
  detail = format_schedule_detail (&schedule);
  gtk_label_set_text (self->schedule_label, self->schedule_text);
  gtk_label_set_text (self->schedule_detail, detail);
  gtk_image_set_from_icon_name (self->schedule_icon,
                                schedule.overdue ? "dialog-warning-symbolic"
                                                 : "x-office-calendar-symbolic");
  if (schedule.overdue)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->schedule_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->schedule_icon), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->schedule_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->schedule_icon), "error");
    }

  {
    g_autofree char *label = NULL;

    /* Translators: the button that sets the planned interval between reviews */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %u month",
                                          "Every %u months", schedule.interval_months),
                             schedule.interval_months);
    gtk_menu_button_set_label (self->interval_button, label);
    self->updating_interval = TRUE;
    gtk_spin_button_set_value (self->interval_spin, schedule.interval_months);
    self->updating_interval = FALSE;
  }

  gtk_widget_set_visible (self->schedule_bar, TRUE);
  annex_review_schedule_clear (&schedule);
}

static gboolean
schedule_idle_cb (gpointer user_data)
{
  AnnexReviewsView *self = user_data;

  self->schedule_source = 0;
  update_schedule (self);
  return G_SOURCE_REMOVE;
}

static void
queue_schedule_update (AnnexReviewsView *self)
{
  if (self->schedule_source != 0)
    return;

  self->schedule_source = g_idle_add_full (G_PRIORITY_LOW, schedule_idle_cb, self, NULL);
  g_source_set_name_by_id (self->schedule_source, "[annex] review schedule");
}

static void
on_interval_changed_cb (AnnexReviewsView *self,
                        GtkSpinButton    *spin)
{
  g_autoptr(GError) error = NULL;
  AnnexDatabase *db = self->reviews != NULL ? annex_register_get_database (self->reviews) : NULL;

  if (self->updating_interval || db == NULL)
    return;

  if (!annex_review_set_interval_months (db, gtk_spin_button_get_value_as_int (spin), &error))
    emit_toast (self, _("Could not set the review interval"), error);
  queue_schedule_update (self);
}

static GtkWidget *
create_schedule_bar (AnnexReviewsView *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *popover, *box, *label, *spin;

  gtk_widget_add_css_class (bar, "review-schedule-bar");

  self->schedule_icon = GTK_IMAGE (gtk_image_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->schedule_icon), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->schedule_icon));

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (texts), label);
  self->schedule_label = GTK_LABEL (label);
  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (texts), label);
  self->schedule_detail = GTK_LABEL (label);
  gtk_box_append (GTK_BOX (bar), texts);

  /* The planned interval is the workspace's (its reviews), not a preference of the app. */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  label = gtk_label_new_with_mnemonic (_("Months between _reviews"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  spin = gtk_spin_button_new_with_range (1, ANNEX_REVIEW_INTERVAL_MAX, 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), spin);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_interval_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), spin);
  self->interval_spin = GTK_SPIN_BUTTON (spin);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  self->interval_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_popover (self->interval_button, popover);
  gtk_widget_set_valign (GTK_WIDGET (self->interval_button), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->interval_button),
                               _("The planned interval between management reviews"));
  gtk_widget_add_css_class (GTK_WIDGET (self->interval_button), "flat");
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->interval_button));

  self->schedule_bar = bar;
  gtk_widget_set_visible (bar, FALSE);
  return bar;
}

/* The editor: groups, rows, facts */

static const char *
review_field_group (const AnnexField *field,
                    gpointer          user_data)
{
  const char *name = field->name;

  if (g_str_equal (name, "feedback") || g_str_equal (name, "opportunities"))
    /* Translators: a section of the review editor: inputs e and g as recorded for the meeting */
    return _("Feedback and Opportunities");
  if (g_str_equal (name, "suitable") || g_str_equal (name, "adequate") ||
      g_str_equal (name, "effective") || g_str_equal (name, "conclusion"))
    /* Translators: a section of the review editor: is the ISMS suitable, adequate, effective */
    return _("Conclusion");
  if (g_str_equal (name, "decisions-improvement"))
    return _("Decisions on Improvement");
  if (g_str_has_prefix (name, "changes-"))
    return _("Decisions on Changes to the ISMS");

  /* Translators: the first section of the review editor: when, who, how far */
  return _(GROUP_MEETING);
}

static gboolean
review_field_visible (AnnexRecord      *record,
                      const AnnexField *field,
                      gpointer          user_data)
{
  /* The inputs are shown by their cards; a signed-off review shows its minutes as text. */
  if (g_str_equal (field->name, "inputs"))
    return FALSE;
  return !annex_review_is_signed_off (ANNEX_REVIEW (record));
}

static void
add_text_section (GPtrArray  *items,
                  const char *heading,
                  const char *text)
{
  if (text != NULL && text[0] != '\0')
    g_ptr_array_add (items, annex_info_item_new (ANNEX_INFO_SECTION, heading, text));
}

static GPtrArray *
review_info (AnnexRecord *record,
             gpointer     user_data)
{
  AnnexReview *review = ANNEX_REVIEW (record);
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) annex_info_item_free);
  const char *reason = annex_review_get_reopen_reason (review);

  if (annex_review_is_signed_off (review))
    {
      g_autofree char *state = annex_review_format_sign_off (review);
      g_autofree char *note = NULL;
      g_autofree char *planned = annex_format_date (annex_review_get_planned_date (review));
      g_autofree char *held = annex_format_date (annex_review_get_actual_date (review));
      g_autofree char *conclusion = NULL;
      const char *chair = annex_review_get_chair (review);
      char *labels[3];

      /* Translators: the tag of a signed-off review in its editor */
      g_ptr_array_add (items, annex_info_item_new (ANNEX_INFO_TAG, NULL, _("Signed off")));
      /* Translators: below the title of signed-off minutes */
      note = g_strdup_printf (_("%s. The minutes are locked: reopen the review to change "
                                "them."), state);
      g_ptr_array_add (items, annex_info_item_new (ANNEX_INFO_NOTE, NULL, note));
      if (planned != NULL)
        g_ptr_array_add (items, annex_info_item_new (ANNEX_INFO_PROPERTY, _("Planned for"),
                                                     planned));
      if (held != NULL)
        g_ptr_array_add (items, annex_info_item_new (ANNEX_INFO_PROPERTY, _("Held on"), held));
      if (chair != NULL)
        g_ptr_array_add (items, annex_info_item_new (ANNEX_INFO_PROPERTY, _("Chair"), chair));

      g_object_get (review, "suitable-label", &labels[0], "adequate-label", &labels[1],
                    "effective-label", &labels[2], NULL);
      /* Translators: the conclusion of signed-off minutes, then the conclusion in words */
      conclusion = g_strdup_printf (_("Suitable: %s · Adequate: %s · Effective: %s%s%s"),
                                    labels[0] != NULL ? labels[0] : "",
                                    labels[1] != NULL ? labels[1] : "",
                                    labels[2] != NULL ? labels[2] : "",
                                    annex_record_get_string (record, "conclusion") != NULL
                                    ? "\n\n" : "",
                                    annex_record_get_string (record, "conclusion") != NULL
                                    ? annex_record_get_string (record, "conclusion") : "");
      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        g_free (labels[i]);

      add_text_section (items, _("Feedback from Interested Parties"),
                        annex_review_get_feedback (review));
      add_text_section (items, _("Opportunities for Improvement"),
                        annex_review_get_opportunities (review));
      add_text_section (items, _("Conclusion"), conclusion);
      add_text_section (items, _("Decisions on Improvement"),
                        annex_record_get_string (record, "decisions-improvement"));
      add_text_section (items, _("Changes to the Scope"),
                        annex_record_get_string (record, "changes-scope"));
      add_text_section (items, _("Changes to the Policy"),
                        annex_record_get_string (record, "changes-policy"));
      add_text_section (items, _("Changes to the Objectives"),
                        annex_record_get_string (record, "changes-objectives"));
      add_text_section (items, _("Resources"),
                        annex_record_get_string (record, "changes-resources"));
      add_text_section (items, _("Changes to Risk Acceptance"),
                        annex_record_get_string (record, "changes-risk-acceptance"));
    }
  else if (reason != NULL && reason[0] != '\0')
    {
      /* Translators: a reopened review: why it was reopened */
      g_ptr_array_add (items, annex_info_item_new (ANNEX_INFO_PROPERTY, _("Reopened because"),
                                                   reason));
    }

  if (items->len == 0)
    {
      g_ptr_array_unref (items);
      return NULL;
    }
  return items;
}

/* The actions of the review in the editor */

static void
on_action_row_activated_cb (AnnexReviewsView *self,
                            GtkListBoxRow    *row)
{
  const gint64 *id = g_object_get_data (G_OBJECT (row), "annex-id");

  if (id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(sx)", "actions", *id);
}

static void
refresh_actions (AnnexReviewsView *self)
{
  g_autoptr(GPtrArray) actions = NULL;
  GtkWidget *child;

  g_clear_handle_id (&self->actions_source, g_source_remove);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_list))) != NULL)
    gtk_list_box_remove (self->actions_list, child);
  self->n_editor_actions = 0;

  gtk_widget_set_visible (self->actions_group, review_is_saved (self) && self->actions != NULL);
  gtk_widget_set_visible (self->new_action_button, !review_is_locked (self));
  if (!review_is_saved (self) || self->actions == NULL)
    return;

  actions = annex_review_dup_actions (self->review, G_LIST_MODEL (self->actions));
  for (guint i = 0; i < actions->len; i++)
    {
      AnnexRecord *action = g_ptr_array_index (actions, i);
      g_autofree char *title = NULL;
      g_autoptr(GString) subtitle = g_string_new (NULL);
      const char *owner = annex_action_get_owner (ANNEX_ACTION (action));
      const char *due = annex_action_get_due_date (ANNEX_ACTION (action));
      guint status_index = 0;
      gint64 id;
      GtkWidget *row, *status;

      row = adw_action_row_new ();
      title = g_strdup_printf ("%s  %s", annex_record_get_reference (action),
                               annex_action_get_title (ANNEX_ACTION (action)));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      g_string_append (subtitle, owner != NULL ? owner : _("No owner"));
      if (due != NULL)
        {
          g_autofree char *date = annex_format_date (due);

          g_string_append (subtitle, _(" · "));
          g_string_append_printf (subtitle, _("due %s"), date != NULL ? date : due);
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

      annex_record_class_find_field (ANNEX_RECORD_GET_CLASS (action), "status", &status_index);
      status = gtk_label_new (annex_record_get_choice_label (action, status_index));
      if (annex_action_get_overdue (ANNEX_ACTION (action)))
        {
          gtk_label_set_text (GTK_LABEL (status), _("Overdue"));
          gtk_widget_add_css_class (status, "error");
        }
      gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      id = annex_record_get_id (action);
      g_object_set_data_full (G_OBJECT (row), "annex-id", g_memdup2 (&id, sizeof id), g_free);
      gtk_list_box_append (self->actions_list, row);
      self->n_editor_actions++;
    }

  if (self->n_editor_actions == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     review_is_locked (self)
                                     ? _("No actions were decided.")
                                     : _("No actions yet: add those decided at the meeting, "
                                         "each with an owner and a due date."));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->actions_list, row);
    }
}

static gboolean
actions_idle_cb (gpointer user_data)
{
  AnnexReviewsView *self = user_data;

  self->actions_source = 0;
  refresh_actions (self);
  return G_SOURCE_REMOVE;
}

static void
queue_actions_refresh (AnnexReviewsView *self)
{
  if (self->actions_source != 0)
    return;

  self->actions_source = g_idle_add (actions_idle_cb, self);
  g_source_set_name_by_id (self->actions_source, "[annex] review actions");
}

static GtkWidget *
create_actions_section (AnnexReviewsView *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *button, *content;
  GtkWidget *list = gtk_list_box_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Actions"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The actions decided at the review, tracked in the "
                                           "Actions register. Open ones carry into the next "
                                           "review."));

  button = gtk_button_new ();
  content = adw_button_content_new ();
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("New _Action…"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "reviews.new-action");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
  self->new_action_button = button;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  g_signal_connect_object (list, "row-activated", G_CALLBACK (on_action_row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);

  self->actions_list = GTK_LIST_BOX (list);
  self->actions_group = group;
  gtk_widget_set_visible (group, FALSE);
  return group;
}

/* The sign-off section */

static void
update_sign_off (AnnexReviewsView *self)
{
  gboolean locked = review_is_locked (self);

  gtk_widget_set_visible (self->sign_off_box, review_is_saved (self));
  if (!review_is_saved (self))
    return;

  gtk_widget_set_visible (self->sign_off_button, !locked);
  gtk_widget_set_visible (self->reopen_button, locked);
  if (locked)
    {
      g_autofree char *state = annex_review_format_sign_off (self->review);

      gtk_image_set_from_icon_name (self->sign_off_icon, "changes-prevent-symbolic");
      gtk_label_set_text (self->sign_off_title, state);
      gtk_label_set_text (self->sign_off_label,
                          _("The minutes are the record of this review: nothing can change "
                            "until it is reopened, and reopening is recorded with its "
                            "reason."));
      gtk_widget_add_css_class (self->sign_off_box, "signed-off");
    }
  else
    {
      const char *chair = annex_review_get_chair (self->review);
      g_autofree char *text = NULL;

      gtk_image_set_from_icon_name (self->sign_off_icon, "document-edit-symbolic");
      gtk_label_set_text (self->sign_off_title, _("Not signed off yet"));
      if (chair != NULL)
        /* Translators: %s is the chair of the review */
        text = g_strdup_printf (_("When the minutes are complete, %s as the chair signs them "
                                  "off. Signing off locks the review."), chair);
      else
        text = g_strdup (_("When the minutes are complete, the chair signs them off. Fill in "
                           "the chair first. Signing off locks the review."));
      gtk_label_set_text (self->sign_off_label, text);
      gtk_widget_remove_css_class (self->sign_off_box, "signed-off");
    }
}

static GtkWidget *
create_sign_off_section (AnnexReviewsView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *widget;

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "review-sign-off");

  widget = gtk_image_new ();
  gtk_image_set_icon_size (GTK_IMAGE (widget), GTK_ICON_SIZE_LARGE);
  gtk_widget_set_valign (widget, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), widget);
  self->sign_off_icon = GTK_IMAGE (widget);

  gtk_widget_set_hexpand (texts, TRUE);
  widget = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (widget), 0);
  gtk_label_set_wrap (GTK_LABEL (widget), TRUE);
  gtk_widget_add_css_class (widget, "heading");
  gtk_box_append (GTK_BOX (texts), widget);
  self->sign_off_title = GTK_LABEL (widget);
  widget = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (widget), 0);
  gtk_label_set_wrap (GTK_LABEL (widget), TRUE);
  gtk_widget_add_css_class (widget, "dim-label");
  gtk_box_append (GTK_BOX (texts), widget);
  self->sign_off_label = GTK_LABEL (widget);
  gtk_box_append (GTK_BOX (box), texts);

  widget = gtk_button_new_with_mnemonic (_("_Sign Off…"));
  gtk_widget_add_css_class (widget, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (widget), "reviews.sign-off");
  gtk_box_append (GTK_BOX (buttons), widget);
  self->sign_off_button = widget;
  widget = gtk_button_new_with_mnemonic (_("_Reopen…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (widget), "reviews.reopen");
  gtk_box_append (GTK_BOX (buttons), widget);
  self->reopen_button = widget;
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), buttons);

  /* Narrow, the button goes under the text (the card's CSS does not wrap a box). */
  self->sign_off_box = box;
  gtk_widget_set_visible (box, FALSE);
  return box;
}

/* The state of the review in the editor */

static void
update_review_state (AnnexReviewsView *self)
{
  gboolean locked = review_is_locked (self);

  annex_child_list_section_set_locked (self->attendees_section, locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reviews.sign-off",
                                 review_is_saved (self) && !locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reviews.reopen", locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reviews.new-action",
                                 review_is_saved (self) && !locked && self->actions != NULL);
  update_sign_off (self);
  refresh_actions (self);
}

static void
on_review_notify_cb (AnnexReviewsView *self,
                     GParamSpec       *pspec)
{
  if (g_str_equal (pspec->name, "status") || g_str_equal (pspec->name, "signed-off-by") ||
      g_str_equal (pspec->name, "signed-off-on") || g_str_equal (pspec->name, "reopen-reason"))
    {
      update_review_state (self);
      /* The facts and the Delete button follow the lock. */
      annex_record_editor_refresh (annex_register_page_get_editor (self->page));
    }
  else if (g_str_equal (pspec->name, "chair") || g_str_equal (pspec->name, "id"))
    update_review_state (self);
  else if (g_str_equal (pspec->name, "reference"))
    queue_actions_refresh (self);
}

static void
on_editor_record_cb (AnnexReviewsView  *self,
                     GParamSpec        *pspec,
                     AnnexRecordEditor *editor)
{
  AnnexRecord *record = annex_record_editor_get_record (editor);
  AnnexReview *review = record != NULL && ANNEX_IS_REVIEW (record) ? ANNEX_REVIEW (record) : NULL;

  g_set_object (&self->review, review);
  g_signal_group_set_target (self->review_signals, self->review);
  update_review_state (self);
}

/* Attendees */

static void
attendee_row (AnnexRecord  *child,
              char        **title,
              char        **subtitle,
              gpointer      user_data)
{
  AnnexReviewAttendee *attendee = ANNEX_REVIEW_ATTENDEE (child);
  const char *name = annex_review_attendee_get_name (attendee);
  const char *role = annex_review_attendee_get_role (attendee);
  g_autofree char *attendance = NULL;

  g_object_get (attendee, "attendance-label", &attendance, NULL);
  *title = g_strdup (name != NULL ? name : "");
  if (role != NULL && attendance != NULL)
    /* Translators: under an attendee of a review: the role, then the attendance */
    *subtitle = g_strdup_printf (_("%s · %s"), role, attendance);
  else
    *subtitle = g_strdup (role != NULL ? role : attendance);
}

/* Dialogs */

typedef struct
{
  AnnexReviewsView *view;     /* weak */
  GtkWidget        *rows[3];
  const char       *response; /* the response enabled by valid values */
} DialogData;

static void
dialog_data_free (gpointer data)
{
  DialogData *dialog_data = data;

  g_clear_weak_pointer (&dialog_data->view);
  g_free (dialog_data);
}

static const char *
row_text (DialogData *data,
          guint       i)
{
  return data->rows[i] != NULL ? gtk_editable_get_text (GTK_EDITABLE (data->rows[i])) : NULL;
}

static gboolean
date_row_valid (GtkWidget *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  gboolean valid = text[0] == '\0' || annex_field_date_is_valid (text);

  if (valid)
    gtk_widget_remove_css_class (row, "error");
  else
    gtk_widget_add_css_class (row, "error");
  return valid;
}

static GtkWidget *
add_entry_row (GtkWidget  *list,
               const char *title,
               const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

static GtkWidget *
create_dialog (AnnexReviewsView *self,
               const char       *heading,
               const char       *body,
               const char       *response,
               const char       *response_label,
               AdwResponseAppearance appearance,
               GtkWidget       **list_out)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog, *list;
  DialogData *data = g_new0 (DialogData, 1);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    response, response_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response, appearance);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), response);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  g_set_weak_pointer (&data->view, self);
  data->response = response;
  g_object_set_data_full (G_OBJECT (dialog), "dialog-data", data, dialog_data_free);
  *list_out = list;
  return dialog;
}

static void
on_sign_off_changed_cb (GtkEditable      *editable,
                        AdwMessageDialog *dialog)
{
  DialogData *data = g_object_get_data (G_OBJECT (dialog), "dialog-data");
  gboolean valid = !annex_field_text_is_blank (row_text (data, 0)) &&
                   date_row_valid (data->rows[1]) && row_text (data, 1)[0] != '\0';

  adw_message_dialog_set_response_enabled (dialog, "sign-off", valid);
}

static void
on_sign_off_response_cb (AdwMessageDialog *dialog,
                         const char       *response)
{
  DialogData *data = g_object_get_data (G_OBJECT (dialog), "dialog-data");
  g_autoptr(GError) error = NULL;

  if (data->view == NULL || g_strcmp0 (response, "sign-off") != 0)
    return;

  if (!annex_reviews_view_sign_off (data->view, row_text (data, 0), row_text (data, 1), &error))
    emit_toast (data->view, _("Could not sign off the review"), error);
}

static void
on_reopen_changed_cb (GtkEditable      *editable,
                      AdwMessageDialog *dialog)
{
  DialogData *data = g_object_get_data (G_OBJECT (dialog), "dialog-data");

  adw_message_dialog_set_response_enabled (dialog, "reopen",
                                           !annex_field_text_is_blank (row_text (data, 0)));
}

static void
on_reopen_response_cb (AdwMessageDialog *dialog,
                       const char       *response)
{
  DialogData *data = g_object_get_data (G_OBJECT (dialog), "dialog-data");
  g_autoptr(GError) error = NULL;

  if (data->view == NULL || g_strcmp0 (response, "reopen") != 0)
    return;

  if (!annex_reviews_view_reopen (data->view, row_text (data, 0), &error))
    emit_toast (data->view, _("Could not reopen the review"), error);
}

static void
on_new_action_changed_cb (GtkEditable      *editable,
                          AdwMessageDialog *dialog)
{
  DialogData *data = g_object_get_data (G_OBJECT (dialog), "dialog-data");
  gboolean valid = !annex_field_text_is_blank (row_text (data, 0)) &&
                   date_row_valid (data->rows[2]);

  adw_message_dialog_set_response_enabled (dialog, "add", valid);
}

static void
on_new_action_response_cb (AdwMessageDialog *dialog,
                           const char       *response)
{
  DialogData *data = g_object_get_data (G_OBJECT (dialog), "dialog-data");
  g_autoptr(GError) error = NULL;
  const char *owner, *due;

  if (data->view == NULL || g_strcmp0 (response, "add") != 0)
    return;

  owner = row_text (data, 1);
  due = row_text (data, 2);
  if (annex_reviews_view_new_action (data->view, row_text (data, 0),
                                     owner[0] != '\0' ? owner : NULL,
                                     due[0] != '\0' ? due : NULL, &error) == NULL)
    emit_toast (data->view, _("Could not add the action"), error);
}

static void
sign_off_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  annex_reviews_view_open_sign_off_dialog (ANNEX_REVIEWS_VIEW (widget));
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  annex_reviews_view_open_reopen_dialog (ANNEX_REVIEWS_VIEW (widget));
}

static void
new_action_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  annex_reviews_view_open_new_action_dialog (ANNEX_REVIEWS_VIEW (widget));
}

/* Signal callbacks */

static void
on_page_add_toast_cb (AnnexReviewsView *self,
                      AdwToast         *toast)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static void
on_database_changed_cb (AnnexReviewsView *self,
                        const char       *table)
{
  if (g_strcmp0 (table, "reviews") == 0 || g_strcmp0 (table, "workspace") == 0)
    queue_schedule_update (self);
  if (g_strcmp0 (table, "actions") == 0)
    queue_actions_refresh (self);
}

/* GObject */

static void
annex_reviews_view_dispose (GObject *object)
{
  AnnexReviewsView *self = ANNEX_REVIEWS_VIEW (object);

  g_clear_handle_id (&self->schedule_source, g_source_remove);
  g_clear_handle_id (&self->actions_source, g_source_remove);
  if (self->review_list_signals != NULL)
    g_signal_group_set_target (self->review_list_signals, NULL);
  if (self->action_list_signals != NULL)
    g_signal_group_set_target (self->action_list_signals, NULL);
  if (self->database_signals != NULL)
    g_signal_group_set_target (self->database_signals, NULL);
  if (self->review_signals != NULL)
    g_signal_group_set_target (self->review_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANNEX_TYPE_REVIEWS_VIEW);

  g_clear_object (&self->review_list_signals);
  g_clear_object (&self->action_list_signals);
  g_clear_object (&self->database_signals);
  g_clear_object (&self->review_signals);
  g_clear_object (&self->review);
  g_clear_object (&self->reviews);
  g_clear_object (&self->attendees);
  g_clear_object (&self->actions);
  g_clear_pointer (&self->schedule_text, g_free);

  G_OBJECT_CLASS (annex_reviews_view_parent_class)->dispose (object);
}

static void
annex_reviews_view_class_init (AnnexReviewsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = annex_reviews_view_dispose;

  signals[ADD_TOAST] =
    g_signal_new ("add-toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_install_action (widget_class, "reviews.sign-off", NULL, sign_off_action);
  gtk_widget_class_install_action (widget_class, "reviews.reopen", NULL, reopen_action);
  gtk_widget_class_install_action (widget_class, "reviews.new-action", NULL, new_action_action);

  g_type_ensure (ANNEX_TYPE_REGISTER_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/annex-reviews-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnexReviewsView, page);
  gtk_widget_class_bind_template_callback (widget_class, on_page_add_toast_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
annex_reviews_view_init (AnnexReviewsView *self)
{
  static const char * const column_priority[] = {
    "status", "planned-date", "actual-date", "chair", NULL
  };
  AnnexRecordEditor *editor;
  GtkWidget *section;

  gtk_widget_init_template (GTK_WIDGET (self));
  editor = annex_register_page_get_editor (self->page);

  annex_register_page_set_header_widget (self->page, create_schedule_bar (self));

  annex_register_page_set_group_func (self->page, review_field_group, NULL, NULL);
  annex_register_page_set_visible_func (self->page, review_field_visible, NULL, NULL);
  annex_register_page_set_info_func (self->page, review_info, NULL, NULL);
  annex_register_page_set_column_priority (self->page, column_priority);

  /* Sections placed after the same group come out in the reverse order of these calls: the
   * attendees, then the inputs. */
  section = annex_review_inputs_section_new ();
  self->inputs_section = ANNEX_REVIEW_INPUTS_SECTION (section);
  annex_review_inputs_section_attach (self->inputs_section, editor, _(GROUP_MEETING));

  section = annex_child_list_section_new ("review-id");
  self->attendees_section = ANNEX_CHILD_LIST_SECTION (section);
  annex_child_list_section_set_texts (self->attendees_section,
                                      _("Attendees"),
                                      _("_Add Attendee…"),
                                      _("No attendees recorded yet: add top management and the "
                                        "others taking part, each with their role."),
                                      _("New Attendee"),
                                      _("Attendee"));
  annex_child_list_section_set_row_func (self->attendees_section, attendee_row, self);
  annex_child_list_section_attach (self->attendees_section, editor, _(GROUP_MEETING));

  annex_record_editor_add_section (editor, create_actions_section (self));
  annex_record_editor_add_section (editor, create_sign_off_section (self));
  g_signal_connect_object (editor, "notify::record", G_CALLBACK (on_editor_record_cb), self,
                           G_CONNECT_SWAPPED);

  self->review_signals = g_signal_group_new (ANNEX_TYPE_REVIEW);
  g_signal_group_connect_swapped (self->review_signals, "notify",
                                  G_CALLBACK (on_review_notify_cb), self);
  self->review_list_signals = g_signal_group_new (ANNEX_TYPE_REGISTER);
  g_signal_group_connect_data (self->review_list_signals, "items-changed",
                               G_CALLBACK (queue_schedule_update), self, NULL,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_group_connect_swapped (self->review_list_signals, "notify::loaded",
                                  G_CALLBACK (queue_schedule_update), self);
  self->action_list_signals = g_signal_group_new (ANNEX_TYPE_REGISTER);
  g_signal_group_connect_data (self->action_list_signals, "items-changed",
                               G_CALLBACK (queue_actions_refresh), self, NULL,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  self->database_signals = g_signal_group_new (ANNEX_TYPE_DATABASE);
  g_signal_group_connect_swapped (self->database_signals, "changed",
                                  G_CALLBACK (on_database_changed_cb), self);

  update_review_state (self);
}

/* Public API */

GtkWidget *
annex_reviews_view_new (void)
{
  return g_object_new (ANNEX_TYPE_REVIEWS_VIEW, NULL);
}

void
annex_reviews_view_set_registers (AnnexReviewsView *self,
                                  AnnexRegister    *reviews,
                                  AnnexRegister    *attendees,
                                  AnnexRegister    *actions)
{
  g_return_if_fail (ANNEX_IS_REVIEWS_VIEW (self));
  g_return_if_fail (reviews == NULL ||
                    annex_register_get_record_type (reviews) == ANNEX_TYPE_REVIEW);
  g_return_if_fail (attendees == NULL ||
                    annex_register_get_record_type (attendees) == ANNEX_TYPE_REVIEW_ATTENDEE);
  g_return_if_fail (actions == NULL ||
                    annex_register_get_record_type (actions) == ANNEX_TYPE_ACTION);

  if (g_set_object (&self->reviews, reviews))
    {
      g_signal_group_set_target (self->review_list_signals, reviews);
      g_signal_group_set_target (self->database_signals,
                                 reviews != NULL ? annex_register_get_database (reviews) : NULL);
      annex_review_inputs_section_set_reviews (self->inputs_section, reviews);
      annex_register_page_set_register (self->page, reviews);
    }
  if (g_set_object (&self->attendees, attendees))
    annex_child_list_section_set_children (self->attendees_section, attendees);
  if (g_set_object (&self->actions, actions))
    g_signal_group_set_target (self->action_list_signals, actions);

  update_review_state (self);
  queue_schedule_update (self);
}

AnnexRegisterPage *
annex_reviews_view_get_page (AnnexReviewsView *self)
{
  g_return_val_if_fail (ANNEX_IS_REVIEWS_VIEW (self), NULL);

  return self->page;
}

AnnexReviewInputsSection *
annex_reviews_view_get_inputs_section (AnnexReviewsView *self)
{
  g_return_val_if_fail (ANNEX_IS_REVIEWS_VIEW (self), NULL);

  return self->inputs_section;
}

AnnexChildListSection *
annex_reviews_view_get_attendees_section (AnnexReviewsView *self)
{
  g_return_val_if_fail (ANNEX_IS_REVIEWS_VIEW (self), NULL);

  return self->attendees_section;
}

AnnexReview *
annex_reviews_view_get_review (AnnexReviewsView *self)
{
  g_return_val_if_fail (ANNEX_IS_REVIEWS_VIEW (self), NULL);

  return self->review;
}

static gboolean
check_review (AnnexReviewsView  *self,
              GError           **error)
{
  if (review_is_saved (self) && self->reviews != NULL)
    return TRUE;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                       _("Save the review first."));
  return FALSE;
}

gboolean
annex_reviews_view_sign_off (AnnexReviewsView  *self,
                             const char        *name,
                             const char        *date,
                             GError           **error)
{
  AnnexRecordEditor *editor;

  g_return_val_if_fail (ANNEX_IS_REVIEWS_VIEW (self), FALSE);

  if (!check_review (self, error))
    return FALSE;

  /* What was typed last belongs in the minutes that are signed. */
  editor = annex_register_page_get_editor (self->page);
  if (!annex_record_editor_flush (editor) ||
      !annex_review_inputs_section_flush (self->inputs_section, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                             _("The last changes could not be saved."));
      return FALSE;
    }

  return annex_review_sign_off (self->reviews, self->review, name, date, error);
}

gboolean
annex_reviews_view_reopen (AnnexReviewsView  *self,
                           const char        *reason,
                           GError           **error)
{
  g_return_val_if_fail (ANNEX_IS_REVIEWS_VIEW (self), FALSE);

  if (!check_review (self, error))
    return FALSE;

  return annex_review_reopen (self->reviews, self->review, reason, error);
}

AnnexAction *
annex_reviews_view_new_action (AnnexReviewsView  *self,
                               const char        *title,
                               const char        *owner,
                               const char        *due_date,
                               GError           **error)
{
  AnnexAction *action;

  g_return_val_if_fail (ANNEX_IS_REVIEWS_VIEW (self), NULL);

  if (!check_review (self, error))
    return NULL;
  if (self->actions == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("The actions are not loaded."));
      return NULL;
    }

  action = annex_review_add_action (self->review, self->actions, title, owner, due_date, error);
  if (action != NULL)
    refresh_actions (self);
  return action;
}

GtkWidget *
annex_reviews_view_open_sign_off_dialog (AnnexReviewsView *self)
{
  g_autofree char *heading = NULL;
  g_autofree char *today = annex_field_dup_today ();
  GtkWidget *dialog, *list;
  DialogData *data;

  g_return_val_if_fail (ANNEX_IS_REVIEWS_VIEW (self), NULL);

  if (!review_is_saved (self) || review_is_locked (self))
    return NULL;

  /* Translators: the heading of the sign-off dialog; %s is the review's reference */
  heading = g_strdup_printf (_("Sign Off %s?"),
                             annex_record_get_reference (ANNEX_RECORD (self->review)));
  dialog = create_dialog (self, heading,
                          _("The chair signs off the minutes. A signed-off review is locked: "
                            "no field can change until it is reopened with a reason."),
                          "sign-off", _("_Sign Off"), ADW_RESPONSE_SUGGESTED, &list);
  data = g_object_get_data (G_OBJECT (dialog), "dialog-data");
  data->rows[0] = add_entry_row (list, _("_Chair"), annex_review_get_chair (self->review));
  data->rows[1] = add_entry_row (list, _("_Date (YYYY-MM-DD)"), today);
  for (guint i = 0; i < 2; i++)
    g_signal_connect_object (data->rows[i], "changed", G_CALLBACK (on_sign_off_changed_cb),
                             dialog, 0);
  g_signal_connect (dialog, "response", G_CALLBACK (on_sign_off_response_cb), NULL);
  on_sign_off_changed_cb (NULL, ADW_MESSAGE_DIALOG (dialog));

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (data->rows[0]);
  return dialog;
}

GtkWidget *
annex_reviews_view_open_reopen_dialog (AnnexReviewsView *self)
{
  g_autofree char *heading = NULL;
  GtkWidget *dialog, *list;
  DialogData *data;

  g_return_val_if_fail (ANNEX_IS_REVIEWS_VIEW (self), NULL);

  if (!review_is_locked (self))
    return NULL;

  /* Translators: the heading of the reopen dialog; %s is the review's reference */
  heading = g_strdup_printf (_("Reopen %s?"),
                             annex_record_get_reference (ANNEX_RECORD (self->review)));
  dialog = create_dialog (self, heading,
                          _("Reopening unlocks the signed-off minutes. The reason is recorded "
                            "in the change history; the chair signs them off again when the "
                            "changes are made."),
                          "reopen", _("_Reopen"), ADW_RESPONSE_DESTRUCTIVE, &list);
  data = g_object_get_data (G_OBJECT (dialog), "dialog-data");
  data->rows[0] = add_entry_row (list, _("_Reason"), NULL);
  g_signal_connect_object (data->rows[0], "changed", G_CALLBACK (on_reopen_changed_cb), dialog,
                           0);
  g_signal_connect (dialog, "response", G_CALLBACK (on_reopen_response_cb), NULL);
  on_reopen_changed_cb (NULL, ADW_MESSAGE_DIALOG (dialog));

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (data->rows[0]);
  return dialog;
}

GtkWidget *
annex_reviews_view_open_new_action_dialog (AnnexReviewsView *self)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog, *list;
  DialogData *data;

  g_return_val_if_fail (ANNEX_IS_REVIEWS_VIEW (self), NULL);

  if (!review_is_saved (self) || review_is_locked (self) || self->actions == NULL)
    return NULL;

  /* Translators: %s is the review's reference */
  body = g_strdup_printf (_("An action decided at %s, tracked in the Actions register."),
                          annex_record_get_reference (ANNEX_RECORD (self->review)));
  dialog = create_dialog (self, _("New Action"), body, "add", _("_Add"),
                          ADW_RESPONSE_SUGGESTED, &list);
  data = g_object_get_data (G_OBJECT (dialog), "dialog-data");
  data->rows[0] = add_entry_row (list, _("_Title"), NULL);
  data->rows[1] = add_entry_row (list, _("_Owner"), NULL);
  data->rows[2] = add_entry_row (list, _("_Due Date (YYYY-MM-DD)"), NULL);
  for (guint i = 0; i < 3; i++)
    g_signal_connect_object (data->rows[i], "changed", G_CALLBACK (on_new_action_changed_cb),
                             dialog, 0);
  g_signal_connect (dialog, "response", G_CALLBACK (on_new_action_response_cb), NULL);
  on_new_action_changed_cb (NULL, ADW_MESSAGE_DIALOG (dialog));

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (data->rows[0]);
  return dialog;
}

guint
annex_reviews_view_get_n_editor_actions (AnnexReviewsView *self)
{
  g_return_val_if_fail (ANNEX_IS_REVIEWS_VIEW (self), 0);

  return self->n_editor_actions;
}

const char *
annex_reviews_view_get_sign_off_text (AnnexReviewsView *self)
{
  g_return_val_if_fail (ANNEX_IS_REVIEWS_VIEW (self), NULL);

  return gtk_label_get_text (self->sign_off_title);
}

const char *
annex_reviews_view_update_schedule (AnnexReviewsView *self)
{
  g_return_val_if_fail (ANNEX_IS_REVIEWS_VIEW (self), NULL);

  update_schedule (self);
  return self->schedule_text;
}
