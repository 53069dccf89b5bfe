/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-review-inputs-section.c: the inputs a–g of a review as cards: prepare and refresh from
 * the registers, the snapshot's content as readable lines, the annotation and the discussion
 * notes (saved as the user types), read-only once signed off. */

#define G_LOG_DOMAIN "annex-review-inputs-section"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-clause-guide.h"
#include "annex-register-format.h"
#include "annex-review-inputs-section.h"

/* Typing pauses this long before the notes are written (like the record editor). */
#define SAVE_DELAY_MS 400

typedef struct
{
  AnnexReviewInputsSection *self;    /* borrowed: the cards live as long as the section */
  AnnexReviewInput          input;
  GtkWidget                *card;
  GtkLabel                 *summary_label;
  GtkWidget                *lines_box;
  GtkLabel                 *prepared_label;
  GtkWidget                *refresh_button;
  GtkWidget                *annotation_entry;
  GtkWidget                *notes_heading;
  GtkWidget                *notes_frame;
  GtkTextView              *notes_view;
  char                     *shown_prepared;  /* the snapshot time the lines show */
  GString                  *text;            /* what the card shows, for tests */
  gboolean                  prepared;
} Card;

struct _AnnexReviewInputsSection
{
  GtkWidget          parent_instance;

  /* template widgets */
  GtkWidget         *box;
  GtkLabel          *status_label;
  GtkButton         *prepare_button;
  GtkBox            *cards_box;

  /* owned */
  AnnexReview       *review;
  AnnexRegister     *reviews;
  GSignalGroup      *review_signals;
  AnnexRecordEditor *editor;           /* weak */
  Card               cards[ANNEX_REVIEW_N_INPUTS];
  guint              save_source;
  gboolean           updating;         /* filling the widgets from the review: no writes */
  gboolean           dirty;            /* notes or annotations not written yet */
  gboolean           locked;
};

G_DEFINE_FINAL_TYPE (AnnexReviewInputsSection, annex_review_inputs_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REVIEW,
  PROP_REVIEWS,
  PROP_LOCKED,
  N_PROPS
};

enum {
  ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Auxiliary functions */

static void
emit_error_toast (AnnexReviewInputsSection *self,
                  const char               *prefix,
                  const GError             *error)
{
  g_autofree char *text = g_strdup_printf ("%s: %s", prefix, error->message);
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_autoptr(AdwToast) toast = adw_toast_new (escaped);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static gboolean
review_is_saved (AnnexReviewInputsSection *self)
{
  return self->review != NULL && annex_record_get_id (ANNEX_RECORD (self->review)) > 0;
}

static void
remove_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_box_remove (GTK_BOX (widget), child);
}

static char *
dup_text_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static GtkWidget *
create_label (const char *text,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* One line of an input's content as a widget; appends its text to @text. */
static GtkWidget *
create_line (const AnnexReviewLine *line,
             GString               *text)
{
  GtkWidget *box, *label, *inner;

  switch (line->kind)
    {
    case ANNEX_REVIEW_LINE_HEADING:
      label = create_label (line->text, "heading");
      gtk_widget_add_css_class (label, "review-line-heading");
      g_string_append_printf (text, "%s\n", line->text != NULL ? line->text : "");
      return label;

    case ANNEX_REVIEW_LINE_FACT:
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      label = create_label (line->text, NULL);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), label);
      label = gtk_label_new (line->detail);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_valign (label, GTK_ALIGN_START);
      gtk_widget_add_css_class (label, "numeric");
      if (line->warning)
        gtk_widget_add_css_class (label, "warning");
      gtk_box_append (GTK_BOX (box), label);
      g_string_append_printf (text, "%s: %s\n", line->text != NULL ? line->text : "",
                              line->detail != NULL ? line->detail : "");
      return box;

    case ANNEX_REVIEW_LINE_RECORD:
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      label = gtk_label_new (line->reference);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_valign (label, GTK_ALIGN_START);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "monospace");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "review-line-reference");
      gtk_box_append (GTK_BOX (box), label);
      inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_widget_set_hexpand (inner, TRUE);
      gtk_box_append (GTK_BOX (inner), create_label (line->text, NULL));
      if (line->detail != NULL && line->detail[0] != '\0')
        {
          label = create_label (line->detail, "caption");
          gtk_widget_add_css_class (label, line->warning ? "warning" : "dim-label");
          gtk_box_append (GTK_BOX (inner), label);
        }
      gtk_box_append (GTK_BOX (box), inner);
      if (line->warning)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_set_valign (icon, GTK_ALIGN_START);
          gtk_widget_add_css_class (icon, "warning");
          gtk_box_append (GTK_BOX (box), icon);
        }
      g_string_append_printf (text, "%s %s%s%s\n", line->reference != NULL ? line->reference : "",
                              line->text != NULL ? line->text : "",
                              line->detail != NULL ? " · " : "",
                              line->detail != NULL ? line->detail : "");
      return box;

    case ANNEX_REVIEW_LINE_NOTE:
    default:
      label = create_label (line->text, "dim-label");
      g_string_append_printf (text, "%s\n", line->text != NULL ? line->text : "");
      return label;
    }
}

/* "Prepared 28 Nov 2026, 10:00 · since MR-2025-01" */
static char *
format_prepared (AnnexReviewSnapshot *snapshot,
                 AnnexReviewInput     input)
{
  g_autofree char *time = annex_format_timestamp (annex_review_snapshot_get_prepared (snapshot,
                                                                                      input),
                                                  NULL);
  const char *previous = annex_review_snapshot_get_previous (snapshot, input);

  if (time == NULL)
    return NULL;
  if (previous != NULL)
    /* Translators: under an input of a management review: when it was prepared, and the
     * review whose changes it starts from */
    return g_strdup_printf (_("Prepared %s · changes since %s"), time, previous);
  /* Translators: under an input of the first management review */
  return g_strdup_printf (_("Prepared %s · since the workspace was created"), time);
}

static void
set_entry_text (GtkWidget  *entry,
                const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
}

static void
set_view_text (GtkTextView *view,
               const char  *text)
{
  g_autofree char *current = dup_text_view_text (view);

  if (g_strcmp0 (current, text != NULL ? text : "") != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

static void
update_card (Card                *card,
             AnnexReviewSnapshot *snapshot,
             gboolean             force)
{
  AnnexReviewInputsSection *self = card->self;
  const char *prepared = snapshot != NULL
                         ? annex_review_snapshot_get_prepared (snapshot, card->input) : NULL;
  const char *notes = snapshot != NULL
                      ? annex_review_snapshot_get_notes (snapshot, card->input) : NULL;
  const char *annotation = snapshot != NULL
                           ? annex_review_snapshot_get_annotation (snapshot, card->input) : NULL;
  gboolean has_notes = notes != NULL && notes[0] != '\0';
  gboolean has_annotation = annotation != NULL && annotation[0] != '\0';

  card->prepared = snapshot != NULL && annex_review_snapshot_has_input (snapshot, card->input);

  /* The content changes only with a refresh: typing notes does not rebuild it. */
  if (force || g_strcmp0 (prepared, card->shown_prepared) != 0)
    {
      GPtrArray *lines = snapshot != NULL
                         ? annex_review_snapshot_get_lines (snapshot, card->input) : NULL;
      const char *summary = snapshot != NULL
                            ? annex_review_snapshot_get_summary (snapshot, card->input) : NULL;
      g_autofree char *prepared_text = NULL;

      g_free (card->shown_prepared);
      card->shown_prepared = g_strdup (prepared);
      g_string_truncate (card->text, 0);
      remove_children (card->lines_box);

      if (!card->prepared)
        {
          gtk_label_set_text (card->summary_label, _("Not prepared yet."));
          g_string_append (card->text, _("Not prepared yet."));
          g_string_append_c (card->text, '\n');
        }
      else
        {
          gtk_label_set_text (card->summary_label, summary != NULL ? summary : "");
          if (summary != NULL)
            g_string_append_printf (card->text, "%s\n", summary);
        }

      for (guint i = 0; card->prepared && lines != NULL && i < lines->len; i++)
        gtk_box_append (GTK_BOX (card->lines_box),
                        create_line (g_ptr_array_index (lines, i), card->text));
      gtk_widget_set_visible (card->lines_box, card->prepared && lines != NULL && lines->len > 0);

      prepared_text = card->prepared ? format_prepared (snapshot, card->input) : NULL;
      gtk_label_set_text (card->prepared_label, prepared_text != NULL ? prepared_text : "");
      gtk_widget_set_visible (GTK_WIDGET (card->prepared_label), prepared_text != NULL);
    }

  self->updating = TRUE;
  if (!self->dirty || force)
    {
      set_entry_text (card->annotation_entry, annotation);
      set_view_text (card->notes_view, notes);
    }
  self->updating = FALSE;

  /* Signed off, the minutes show what was written and nothing to type into. */
  gtk_widget_set_visible (card->refresh_button, !self->locked);
  gtk_editable_set_editable (GTK_EDITABLE (card->annotation_entry), !self->locked);
  gtk_widget_set_can_focus (card->annotation_entry, !self->locked);
  gtk_widget_set_visible (card->annotation_entry, !self->locked || has_annotation);
  gtk_text_view_set_editable (card->notes_view, !self->locked);
  gtk_text_view_set_cursor_visible (card->notes_view, !self->locked);
  gtk_widget_set_visible (card->notes_frame, !self->locked || has_notes);
  gtk_widget_set_visible (card->notes_heading, !self->locked || has_notes);
  if (self->locked)
    gtk_widget_add_css_class (card->card, "locked");
  else
    gtk_widget_remove_css_class (card->card, "locked");
}

static void
update_cards (AnnexReviewInputsSection *self,
              gboolean                  force)
{
  g_autoptr(AnnexReviewSnapshot) snapshot = NULL;
  gboolean locked = self->review != NULL && annex_review_is_signed_off (self->review);
  guint n_prepared = 0;

  gtk_widget_set_visible (GTK_WIDGET (self), review_is_saved (self) && self->reviews != NULL);

  if (locked != self->locked)
    {
      self->locked = locked;
      force = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
    }

  if (self->review != NULL)
    snapshot = annex_review_dup_snapshot (self->review);

  for (guint i = 0; i < ANNEX_REVIEW_N_INPUTS; i++)
    {
      update_card (&self->cards[i], snapshot, force);
      if (self->cards[i].prepared)
        n_prepared++;
    }

  /* The buttons hide instead of being disabled, and call no action: the section is moved into
   * the editor's field groups after its construction, and GTK 4.8's actionable widgets inside
   * it then lose track of the section's actions. The actions refuse what they cannot do. */
  gtk_widget_set_visible (GTK_WIDGET (self->prepare_button), !self->locked);
  if (n_prepared == 0)
    {
      gtk_button_set_label (self->prepare_button, _("_Prepare Inputs"));
      gtk_widget_add_css_class (GTK_WIDGET (self->prepare_button), "suggested-action");
      gtk_label_set_text (self->status_label,
                          _("Prepare the inputs to fill them from the registers as they stand: "
                            "the review keeps what the meeting saw, even when the registers "
                            "change later."));
    }
  else
    {
      g_autofree char *status = NULL;

      gtk_button_set_label (self->prepare_button, _("_Refresh All"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->prepare_button), "suggested-action");
      if (self->locked)
        status = g_strdup (_("What the meeting saw, as prepared before it was held."));
      else if (n_prepared < ANNEX_REVIEW_N_INPUTS)
        status = g_strdup_printf (_("%u of %u inputs prepared."), n_prepared,
                                  (guint) ANNEX_REVIEW_N_INPUTS);
      else
        status = g_strdup (_("All inputs are prepared. Refresh one before the meeting if its "
                             "register changed."));
      gtk_label_set_text (self->status_label, status);
    }
}

/* Saving the notes */

static gboolean
save_now (AnnexReviewInputsSection  *self,
          GError                   **error)
{
  g_clear_handle_id (&self->save_source, g_source_remove);

  if (!self->dirty || !review_is_saved (self) || self->reviews == NULL)
    return TRUE;

  self->dirty = FALSE;
  return annex_register_save (self->reviews, ANNEX_RECORD (self->review), error);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  AnnexReviewInputsSection *self = user_data;
  g_autoptr(GError) error = NULL;

  self->save_source = 0;
  if (!save_now (self, &error))
    emit_error_toast (self, _("Could not save the notes"), error);
  return G_SOURCE_REMOVE;
}

static void
queue_save (AnnexReviewInputsSection *self)
{
  self->dirty = TRUE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
  g_source_set_name_by_id (self->save_source, "[annex] review notes save");
}

static void
on_annotation_changed_cb (GtkEditable *entry,
                          Card        *card)
{
  AnnexReviewInputsSection *self = card->self;

  if (self->updating || self->locked || self->review == NULL)
    return;

  annex_review_set_input_annotation (self->review, card->input, gtk_editable_get_text (entry));
  queue_save (self);
}

static void
on_notes_changed_cb (GtkTextBuffer *buffer,
                     Card          *card)
{
  AnnexReviewInputsSection *self = card->self;
  g_autofree char *text = NULL;

  if (self->updating || self->locked || self->review == NULL)
    return;

  text = dup_text_view_text (card->notes_view);
  annex_review_set_input_notes (self->review, card->input, text);
  queue_save (self);
}

static void
on_refresh_clicked_cb (GtkButton *button,
                       Card      *card)
{
  g_autoptr(GError) error = NULL;

  if (!card->self->locked &&
      !annex_review_inputs_section_refresh (card->self, card->input, &error))
    emit_error_toast (card->self, _("Could not refresh the input"), error);
}

static void
on_focus_leave_cb (GtkEventControllerFocus  *controller,
                   AnnexReviewInputsSection *self)
{
  g_autoptr(GError) error = NULL;

  if (!save_now (self, &error))
    emit_error_toast (self, _("Could not save the notes"), error);
}

static void
create_card (AnnexReviewInputsSection *self,
             AnnexReviewInput          input)
{
  Card *card = &self->cards[input];
  GtkWidget *box, *header, *label, *button, *frame;
  GtkEventController *focus;
  g_autofree char *refresh_tooltip = NULL;

  card->self = self;
  card->input = input;
  card->text = g_string_new (NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "review-input-card");
  card->card = box;

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  label = gtk_label_new (annex_review_input_get_letter (input));
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "review-input-letter");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  annex_review_input_get_letter (input), -1);
  gtk_box_append (GTK_BOX (header), label);

  {
    GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

    gtk_widget_set_hexpand (titles, TRUE);
    gtk_box_append (GTK_BOX (titles), create_label (annex_review_input_get_title (input),
                                                    "heading"));
    label = create_label (NULL, "dim-label");
    gtk_box_append (GTK_BOX (titles), label);
    card->summary_label = GTK_LABEL (label);
    gtk_box_append (GTK_BOX (header), titles);
  }

  button = gtk_button_new_from_icon_name ("view-refresh-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  /* Translators: the tooltip of an input's refresh button: "Refresh Input b" */
  refresh_tooltip = g_strdup_printf (_("Refresh Input %s"), annex_review_input_get_letter (input));
  gtk_widget_set_tooltip_text (button, refresh_tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  refresh_tooltip, -1);
  g_signal_connect (button, "clicked", G_CALLBACK (on_refresh_clicked_cb), card);
  gtk_box_append (GTK_BOX (header), button);
  card->refresh_button = button;
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_tooltip_text (header, annex_review_input_get_help (input));

  card->lines_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_add_css_class (card->lines_box, "review-input-lines");
  gtk_box_append (GTK_BOX (box), card->lines_box);

  label = create_label (NULL, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  card->prepared_label = GTK_LABEL (label);
  gtk_box_append (GTK_BOX (box), label);

  card->annotation_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (card->annotation_entry),
                                  _("Annotation for the meeting"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (card->annotation_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Annotation"), -1);
  g_signal_connect (card->annotation_entry, "changed", G_CALLBACK (on_annotation_changed_cb),
                    card);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave_cb), self, 0);
  gtk_widget_add_controller (card->annotation_entry, focus);
  gtk_box_append (GTK_BOX (box), card->annotation_entry);

  label = create_label (_("Discussion"), "caption-heading");
  gtk_box_append (GTK_BOX (box), label);
  card->notes_heading = label;

  card->notes_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (card->notes_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (card->notes_view, FALSE);
  gtk_text_view_set_top_margin (card->notes_view, 8);
  gtk_text_view_set_bottom_margin (card->notes_view, 8);
  gtk_text_view_set_left_margin (card->notes_view, 8);
  gtk_text_view_set_right_margin (card->notes_view, 8);
  gtk_widget_set_size_request (GTK_WIDGET (card->notes_view), -1, 64);
  gtk_accessible_update_property (GTK_ACCESSIBLE (card->notes_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Discussion notes"), -1);
  g_signal_connect (gtk_text_view_get_buffer (card->notes_view), "changed",
                    G_CALLBACK (on_notes_changed_cb), card);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (card->notes_view), focus);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (card->notes_view));
  gtk_widget_add_css_class (frame, "review-notes");
  gtk_box_append (GTK_BOX (box), frame);
  card->notes_frame = frame;

  gtk_box_append (self->cards_box, box);
}

/* Signal callbacks */

static void
on_review_notify_cb (AnnexReviewInputsSection *self,
                     GParamSpec               *pspec)
{
  if (g_str_equal (pspec->name, "inputs") || g_str_equal (pspec->name, "status") ||
      g_str_equal (pspec->name, "id"))
    update_cards (self, FALSE);
}

static void
on_editor_record_changed_cb (AnnexReviewInputsSection *self,
                             GParamSpec               *pspec,
                             AnnexRecordEditor        *editor)
{
  AnnexRecord *record = annex_record_editor_get_record (editor);

  annex_review_inputs_section_set_review (self,
                                          record != NULL && ANNEX_IS_REVIEW (record)
                                          ? ANNEX_REVIEW (record) : NULL);
}

static void
on_forward_toast_cb (AnnexReviewInputsSection *self,
                     AdwToast                 *toast)
{
  if (self->editor != NULL)
    g_signal_emit_by_name (self->editor, "add-toast", toast);
}

static void
prepare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AnnexReviewInputsSection *self = ANNEX_REVIEW_INPUTS_SECTION (widget);
  g_autoptr(GError) error = NULL;

  if (!annex_review_inputs_section_prepare (self, &error))
    emit_error_toast (self, _("Could not prepare the inputs"), error);
}

static void
on_prepare_clicked_cb (AnnexReviewInputsSection *self)
{
  prepare_action (GTK_WIDGET (self), "inputs.prepare", NULL);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AnnexReviewInputsSection *self = ANNEX_REVIEW_INPUTS_SECTION (widget);
  guint8 input = g_variant_get_byte (parameter);
  g_autoptr(GError) error = NULL;

  if (input < ANNEX_REVIEW_N_INPUTS &&
      !annex_review_inputs_section_refresh (self, input, &error))
    emit_error_toast (self, _("Could not refresh the input"), error);
}

/* GObject */

static void
annex_review_inputs_section_dispose (GObject *object)
{
  AnnexReviewInputsSection *self = ANNEX_REVIEW_INPUTS_SECTION (object);
  g_autoptr(GError) error = NULL;

  if (self->save_source != 0 && !save_now (self, &error))
    g_warning ("Could not save the notes of a review: %s", error->message);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_weak_pointer (&self->editor);
  if (self->review_signals != NULL)
    g_signal_group_set_target (self->review_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANNEX_TYPE_REVIEW_INPUTS_SECTION);

  g_clear_object (&self->review_signals);
  g_clear_object (&self->review);
  g_clear_object (&self->reviews);

  G_OBJECT_CLASS (annex_review_inputs_section_parent_class)->dispose (object);
}

static void
annex_review_inputs_section_finalize (GObject *object)
{
  AnnexReviewInputsSection *self = ANNEX_REVIEW_INPUTS_SECTION (object);

  for (guint i = 0; i < ANNEX_REVIEW_N_INPUTS; i++)
    {
      g_free (self->cards[i].shown_prepared);
      if (self->cards[i].text != NULL)
        g_string_free (self->cards[i].text, TRUE);
    }

  G_OBJECT_CLASS (annex_review_inputs_section_parent_class)->finalize (object);
}

static void
annex_review_inputs_section_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  AnnexReviewInputsSection *self = ANNEX_REVIEW_INPUTS_SECTION (object);

  switch (prop_id)
    {
    case PROP_REVIEW:
      g_value_set_object (value, self->review);
      break;
    case PROP_REVIEWS:
      g_value_set_object (value, self->reviews);
      break;
    case PROP_LOCKED:
      g_value_set_boolean (value, self->locked);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_review_inputs_section_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  AnnexReviewInputsSection *self = ANNEX_REVIEW_INPUTS_SECTION (object);

  switch (prop_id)
    {
    case PROP_REVIEW:
      annex_review_inputs_section_set_review (self, g_value_get_object (value));
      break;
    case PROP_REVIEWS:
      annex_review_inputs_section_set_reviews (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_review_inputs_section_class_init (AnnexReviewInputsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = annex_review_inputs_section_dispose;
  object_class->finalize = annex_review_inputs_section_finalize;
  object_class->get_property = annex_review_inputs_section_get_property;
  object_class->set_property = annex_review_inputs_section_set_property;

  properties[PROP_REVIEW] =
    g_param_spec_object ("review", NULL, NULL, ANNEX_TYPE_REVIEW, rw);
  properties[PROP_REVIEWS] =
    g_param_spec_object ("reviews", NULL, NULL, ANNEX_TYPE_REGISTER, rw);
  properties[PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ADD_TOAST] =
    g_signal_new ("add-toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_install_action (widget_class, "inputs.prepare", NULL, prepare_action);
  gtk_widget_class_install_action (widget_class, "inputs.refresh", "y", refresh_action);

  g_type_ensure (ANNEX_TYPE_CLAUSE_GUIDE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH
                                               "/ui/annex-review-inputs-section.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnexReviewInputsSection, box);
  gtk_widget_class_bind_template_child (widget_class, AnnexReviewInputsSection, status_label);
  gtk_widget_class_bind_template_child (widget_class, AnnexReviewInputsSection, prepare_button);
  gtk_widget_class_bind_template_child (widget_class, AnnexReviewInputsSection, cards_box);
  gtk_widget_class_bind_template_callback (widget_class, on_prepare_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
annex_review_inputs_section_init (AnnexReviewInputsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < ANNEX_REVIEW_N_INPUTS; i++)
    create_card (self, i);

  self->review_signals = g_signal_group_new (ANNEX_TYPE_REVIEW);
  g_signal_group_connect_swapped (self->review_signals, "notify",
                                  G_CALLBACK (on_review_notify_cb), self);

  update_cards (self, TRUE);
}

/* Public API */

GtkWidget *
annex_review_inputs_section_new (void)
{
  return g_object_new (ANNEX_TYPE_REVIEW_INPUTS_SECTION, NULL);
}

void
annex_review_inputs_section_attach (AnnexReviewInputsSection *self,
                                    AnnexRecordEditor        *editor,
                                    const char               *group)
{
  g_return_if_fail (ANNEX_IS_REVIEW_INPUTS_SECTION (self));
  g_return_if_fail (ANNEX_IS_RECORD_EDITOR (editor));

  if (group != NULL)
    annex_record_editor_add_section_after (editor, GTK_WIDGET (self), group);
  else
    annex_record_editor_add_section (editor, GTK_WIDGET (self));
  g_set_weak_pointer (&self->editor, editor);
  g_signal_connect_object (editor, "notify::record", G_CALLBACK (on_editor_record_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "add-toast", G_CALLBACK (on_forward_toast_cb), NULL);
  on_editor_record_changed_cb (self, NULL, editor);
}

void
annex_review_inputs_section_set_reviews (AnnexReviewInputsSection *self,
                                         AnnexRegister            *reviews)
{
  g_return_if_fail (ANNEX_IS_REVIEW_INPUTS_SECTION (self));
  g_return_if_fail (reviews == NULL || ANNEX_IS_REGISTER (reviews));

  if (g_set_object (&self->reviews, reviews))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEWS]);
  update_cards (self, FALSE);
}

AnnexReview *
annex_review_inputs_section_get_review (AnnexReviewInputsSection *self)
{
  g_return_val_if_fail (ANNEX_IS_REVIEW_INPUTS_SECTION (self), NULL);

  return self->review;
}

void
annex_review_inputs_section_set_review (AnnexReviewInputsSection *self,
                                        AnnexReview              *review)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ANNEX_IS_REVIEW_INPUTS_SECTION (self));
  g_return_if_fail (review == NULL || ANNEX_IS_REVIEW (review));

  if (self->review == review)
    return;

  /* The notes typed for the previous review go with it. */
  if (!save_now (self, &error))
    emit_error_toast (self, _("Could not save the notes"), error);

  g_set_object (&self->review, review);
  g_signal_group_set_target (self->review_signals, review);
  self->dirty = FALSE;
  update_cards (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW]);
}

gboolean
annex_review_inputs_section_get_locked (AnnexReviewInputsSection *self)
{
  g_return_val_if_fail (ANNEX_IS_REVIEW_INPUTS_SECTION (self), FALSE);

  return self->locked;
}

gboolean
annex_review_inputs_section_prepare (AnnexReviewInputsSection  *self,
                                     GError                   **error)
{
  g_return_val_if_fail (ANNEX_IS_REVIEW_INPUTS_SECTION (self), FALSE);

  if (!review_is_saved (self) || self->reviews == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("Save the review first."));
      return FALSE;
    }

  if (!save_now (self, error) ||
      !annex_review_prepare_inputs (self->reviews, self->review, NULL, error))
    return FALSE;

  update_cards (self, TRUE);
  return TRUE;
}

gboolean
annex_review_inputs_section_refresh (AnnexReviewInputsSection  *self,
                                     AnnexReviewInput           input,
                                     GError                   **error)
{
  g_return_val_if_fail (ANNEX_IS_REVIEW_INPUTS_SECTION (self), FALSE);
  g_return_val_if_fail (input < ANNEX_REVIEW_N_INPUTS, FALSE);

  if (!review_is_saved (self) || self->reviews == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("Save the review first."));
      return FALSE;
    }

  if (!save_now (self, error) ||
      !annex_review_refresh_input (self->reviews, self->review, input, NULL, error))
    return FALSE;

  update_cards (self, TRUE);
  return TRUE;
}

gboolean
annex_review_inputs_section_flush (AnnexReviewInputsSection  *self,
                                   GError                   **error)
{
  g_return_val_if_fail (ANNEX_IS_REVIEW_INPUTS_SECTION (self), FALSE);

  return save_now (self, error);
}

char *
annex_review_inputs_section_dup_card_text (AnnexReviewInputsSection *self,
                                           AnnexReviewInput          input)
{
  g_return_val_if_fail (ANNEX_IS_REVIEW_INPUTS_SECTION (self), NULL);
  g_return_val_if_fail (input < ANNEX_REVIEW_N_INPUTS, NULL);

  return g_strdup (self->cards[input].text->str);
}

gboolean
annex_review_inputs_section_get_card_prepared (AnnexReviewInputsSection *self,
                                               AnnexReviewInput          input)
{
  g_return_val_if_fail (ANNEX_IS_REVIEW_INPUTS_SECTION (self), FALSE);
  g_return_val_if_fail (input < ANNEX_REVIEW_N_INPUTS, FALSE);

  return self->cards[input].prepared;
}

GtkTextView *
annex_review_inputs_section_get_notes_view (AnnexReviewInputsSection *self,
                                            AnnexReviewInput          input)
{
  g_return_val_if_fail (ANNEX_IS_REVIEW_INPUTS_SECTION (self), NULL);
  g_return_val_if_fail (input < ANNEX_REVIEW_N_INPUTS, NULL);

  return self->cards[input].notes_view;
}

GtkEditable *
annex_review_inputs_section_get_annotation_entry (AnnexReviewInputsSection *self,
                                                  AnnexReviewInput          input)
{
  g_return_val_if_fail (ANNEX_IS_REVIEW_INPUTS_SECTION (self), NULL);
  g_return_val_if_fail (input < ANNEX_REVIEW_N_INPUTS, NULL);

  return GTK_EDITABLE (self->cards[input].annotation_entry);
}
