/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-context-view.c: the Context view: the issues with the climate-change question, the
 * interested parties with their requirements, and the scope page. */

#define G_LOG_DOMAIN "annex-context-view"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-context-view.h"
#include "annex-context.h"
#include "annex-party-requirement.h"
#include "annex-party-requirements-section.h"
#include "annex-party.h"
#include "annex-scope-exclusion.h"
#include "annex-scope-page.h"
#include "annex-toast.h"

struct _AnnexContextView
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkWidget          *box;
  AdwViewStack       *stack;
  AnnexRegisterPage  *issues_page;
  AnnexRegisterPage  *parties_page;
  AnnexScopePage     *scope_page;
  AdwViewSwitcherBar *switcher_bar;

  /* the climate bar (in the issues page's header) */
  GtkWidget          *climate_question;
  GtkWidget          *climate_answer;
  GtkLabel           *climate_answer_label;
  GtkWidget          *climate_show_button;
  GtkWidget          *climate_change_button;

  /* borrowed */
  AnnexPartyRequirementsSection *requirements_section;

  /* owned */
  AnnexRegister      *issues;
  AnnexRegister      *parties;
  AnnexRegister      *party_requirements;
  AnnexRegister      *controls;
  GSignalGroup       *issue_signals;
  GSignalGroup       *database_signals;
  AnnexIssue         *climate_issue;
  guint               update_source;
  AnnexClimateDecision climate;
};

static void annex_context_view_paged_view_init (AnnexPagedViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AnnexContextView, annex_context_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ANNEX_TYPE_PAGED_VIEW,
                                                      annex_context_view_paged_view_init))

enum {
  PROP_0,
  PROP_VISIBLE_PAGE,
  N_PROPS
};

enum {
  ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Pure texts */

char *
annex_context_format_climate_answer (AnnexClimateDecision  decision,
                                     AnnexIssue           *issue,
                                     const char           *note)
{
  switch (decision)
    {
    case ANNEX_CLIMATE_RELEVANT:
      g_return_val_if_fail (ANNEX_IS_ISSUE (issue), NULL);
      /* Translators: the answer to the climate-change question; %s is the issue's reference
       * and title ("IS-004 Heat waves in the server room") */
      return g_strdup_printf (_("Climate change is a relevant issue: %s %s"),
                              annex_record_get_reference (ANNEX_RECORD (issue)),
                              annex_issue_get_title (issue));
    case ANNEX_CLIMATE_NOT_RELEVANT:
      /* Translators: the answer to the climate-change question; %s is the user's reason */
      return g_strdup_printf (_("Climate change is not a relevant issue, because %s"),
                              note != NULL ? note : "");
    case ANNEX_CLIMATE_UNANSWERED:
    default:
      return NULL;
    }
}

/* The climate bar */

static GtkWidget *
create_climate_buttons (void)
{
  GtkWidget *buttons, *button;

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);

  button = gtk_button_new_with_mnemonic (_("_Not Relevant…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "context.climate-not-relevant");
  gtk_box_append (GTK_BOX (buttons), button);

  button = gtk_button_new_with_mnemonic (_("_Record an Issue"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "context.climate-record-issue");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), button);

  return buttons;
}

static GtkWidget *
create_climate_label (void)
{
  GtkWidget *label;

  label = gtk_label_new (_("Is climate change a relevant issue for the ISMS?"));
  gtk_widget_set_tooltip_text (label, _("Since 2024 the standard asks every organization to "
                                        "decide, and to record the answer."));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

/* The question, side by side with its buttons when there is room, else above them. */
static GtkWidget *
create_climate_question (void)
{
  GtkWidget *squeezer, *wide, *narrow, *label, *icon;

  squeezer = adw_squeezer_new ();
  adw_squeezer_set_homogeneous (ADW_SQUEEZER (squeezer), FALSE);
  adw_squeezer_set_transition_type (ADW_SQUEEZER (squeezer), ADW_SQUEEZER_TRANSITION_TYPE_NONE);
  adw_squeezer_set_interpolate_size (ADW_SQUEEZER (squeezer), TRUE);
  gtk_widget_add_css_class (squeezer, "context-banner");

  wide = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  icon = gtk_image_new_from_icon_name ("weather-few-clouds-symbolic");
  gtk_box_append (GTK_BOX (wide), icon);
  label = create_climate_label ();
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (wide), label);
  gtk_box_append (GTK_BOX (wide), create_climate_buttons ());
  adw_squeezer_add (ADW_SQUEEZER (squeezer), wide);

  narrow = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  label = create_climate_label ();
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (narrow), label);
  gtk_box_append (GTK_BOX (narrow), create_climate_buttons ());
  adw_squeezer_add (ADW_SQUEEZER (squeezer), narrow);

  return squeezer;
}

static GtkWidget *
create_climate_answer (AnnexContextView *self)
{
  GtkWidget *box, *icon, *label, *button;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_add_css_class (box, "context-answer");

  icon = gtk_image_new_from_icon_name ("weather-few-clouds-symbolic");
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_box_append (GTK_BOX (box), icon);

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  self->climate_answer_label = GTK_LABEL (label);

  button = gtk_button_new_with_mnemonic (_("_Show"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "context.climate-show-issue");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), button);
  self->climate_show_button = button;

  button = gtk_button_new_with_mnemonic (_("_Change…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "context.climate-not-relevant");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), button);
  self->climate_change_button = button;

  return box;
}

static GtkWidget *
create_issues_header (AnnexContextView *self)
{
  GtkWidget *box;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->climate_question = create_climate_question ();
  gtk_widget_set_visible (self->climate_question, FALSE);
  gtk_box_append (GTK_BOX (box), self->climate_question);

  self->climate_answer = create_climate_answer (self);
  gtk_widget_set_visible (self->climate_answer, FALSE);
  gtk_box_append (GTK_BOX (box), self->climate_answer);

  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  return box;
}

static void
update_climate (AnnexContextView *self)
{
  g_autoptr(AnnexIssue) issue = NULL;
  g_autofree char *note = NULL;
  g_autofree char *answer = NULL;
  gboolean loaded = self->issues != NULL && annex_register_get_loaded (self->issues);

  g_clear_handle_id (&self->update_source, g_source_remove);

  if (!loaded)
    {
      gtk_widget_set_visible (self->climate_question, FALSE);
      gtk_widget_set_visible (self->climate_answer, FALSE);
      g_clear_object (&self->climate_issue);
      return;
    }

  self->climate = annex_context_get_climate_decision (annex_register_get_database (self->issues),
                                                      G_LIST_MODEL (self->issues), &issue, &note);
  g_set_object (&self->climate_issue, issue);

  answer = annex_context_format_climate_answer (self->climate, issue, note);
  gtk_widget_set_visible (self->climate_question, answer == NULL);
  gtk_widget_set_visible (self->climate_answer, answer != NULL);
  gtk_label_set_label (self->climate_answer_label, answer != NULL ? answer : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->climate_answer_label), answer);
  gtk_widget_set_visible (self->climate_show_button, self->climate == ANNEX_CLIMATE_RELEVANT);
  gtk_widget_set_visible (self->climate_change_button,
                          self->climate == ANNEX_CLIMATE_NOT_RELEVANT);
}

static gboolean
update_idle_cb (gpointer user_data)
{
  AnnexContextView *self = user_data;

  self->update_source = 0;
  update_climate (self);
  return G_SOURCE_REMOVE;
}

static void
queue_update (AnnexContextView *self)
{
  if (self->update_source != 0)
    return;

  self->update_source = g_idle_add (update_idle_cb, self);
  g_source_set_name_by_id (self->update_source, "[annex] context view update");
}

static void
emit_error_toast (AnnexContextView *self,
                  const GError     *error)
{
  g_autoptr(AdwToast) toast = annex_toast_new_for_error (error);

  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

/* Warnings and editor details */

static char *
issue_warning (AnnexRecord *record,
               gpointer     user_data)
{
  if (g_strcmp0 (annex_issue_get_status (ANNEX_ISSUE (record)), "closed") == 0)
    return NULL;
  if (annex_field_text_is_blank (annex_record_get_string (record, "effect")))
    return g_strdup (_("The effect on the ISMS is not described yet."));
  if (annex_record_get_string (record, "category") == NULL)
    return g_strdup (_("No category yet."));

  return NULL;
}

static char *
party_warning (AnnexRecord *record,
               gpointer     user_data)
{
  if (annex_field_text_is_blank (annex_record_get_string (record, "needs")))
    return g_strdup (_("Their needs and expectations are not described yet."));

  return NULL;
}

static gboolean
party_field_visible (AnnexRecord      *record,
                     const AnnexField *field,
                     gpointer          user_data)
{
  return TRUE;
}

/* Actions */

static void
record_climate_issue_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  AnnexContextView *self = ANNEX_CONTEXT_VIEW (widget);

  annex_context_view_record_climate_issue (self);
}

static void
on_not_relevant_text_changed_cb (GtkTextBuffer    *buffer,
                                 AdwMessageDialog *dialog)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  adw_message_dialog_set_response_enabled (dialog, "save", !annex_field_text_is_blank (text));
}

static void
on_not_relevant_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             AnnexContextView *self)
{
  GtkTextBuffer *buffer = g_object_get_data (G_OBJECT (dialog), "buffer");
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->issues == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  if (g_strcmp0 (response, "save") == 0)
    annex_context_view_set_climate_not_relevant (self, text, &error);
  else if (g_strcmp0 (response, "reconsider") == 0)
    annex_context_view_set_climate_not_relevant (self, NULL, &error);

  if (error != NULL)
    emit_error_toast (self, error);
}

static void
climate_not_relevant_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  AnnexContextView *self = ANNEX_CONTEXT_VIEW (widget);
  g_autofree char *note = NULL;
  GtkWidget *dialog, *scroller, *text_view;
  GtkTextBuffer *buffer;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->issues == NULL)
    return;

  note = annex_context_dup_climate_note (annex_register_get_database (self->issues));

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Climate Change Not Relevant"),
                                   _("Say why climate change does not affect what the ISMS "
                                     "must achieve, so that an auditor can follow the "
                                     "decision. It is not relevant, because…"));

  text_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (text_view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text_view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (text_view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text_view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text_view), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason"), -1);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  if (note != NULL)
    gtk_text_buffer_set_text (buffer, note, -1);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 96);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), text_view);
  gtk_widget_add_css_class (scroller, "card");
  gtk_widget_add_css_class (scroller, "context-note");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  if (note != NULL)
    {
      /* Translators: withdraws the "not relevant" answer: the question is asked again */
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "reconsider",
                                       _("_Withdraw Answer"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reconsider",
                                                  ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "save", _("_Save"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save", note != NULL);

  g_object_set_data (G_OBJECT (dialog), "buffer", buffer);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_not_relevant_text_changed_cb),
                           dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_not_relevant_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (text_view);
}

static void
climate_show_issue_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  AnnexContextView *self = ANNEX_CONTEXT_VIEW (widget);

  if (self->climate_issue != NULL)
    annex_context_view_show_record (self, "issues",
                                    annex_record_get_id (ANNEX_RECORD (self->climate_issue)));
}

/* Signal callbacks */

static void
on_page_add_toast_cb (AnnexContextView *self,
                      AdwToast         *toast)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static void
on_stack_visible_child_cb (AnnexContextView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_PAGE]);
}

static void
on_database_changed_cb (AnnexContextView *self,
                        const char       *table)
{
  if (g_strcmp0 (table, "issues") == 0 || g_strcmp0 (table, "workspace") == 0)
    queue_update (self);
}

/* GObject */

static void
annex_context_view_dispose (GObject *object)
{
  AnnexContextView *self = ANNEX_CONTEXT_VIEW (object);

  g_clear_handle_id (&self->update_source, g_source_remove);
  if (self->issue_signals != NULL)
    g_signal_group_set_target (self->issue_signals, NULL);
  if (self->database_signals != NULL)
    g_signal_group_set_target (self->database_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (object), ANNEX_TYPE_CONTEXT_VIEW);

  g_clear_object (&self->issue_signals);
  g_clear_object (&self->database_signals);
  g_clear_object (&self->climate_issue);
  g_clear_object (&self->issues);
  g_clear_object (&self->parties);
  g_clear_object (&self->party_requirements);
  g_clear_object (&self->controls);

  G_OBJECT_CLASS (annex_context_view_parent_class)->dispose (object);
}

static void
annex_context_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AnnexContextView *self = ANNEX_CONTEXT_VIEW (object);

  switch (prop_id)
    {
    case PROP_VISIBLE_PAGE:
      g_value_set_string (value, annex_context_view_get_visible_page (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_context_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AnnexContextView *self = ANNEX_CONTEXT_VIEW (object);

  switch (prop_id)
    {
    case PROP_VISIBLE_PAGE:
      annex_context_view_set_visible_page (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static AdwViewStack *
annex_context_view_get_stack (AnnexPagedView *view)
{
  return ANNEX_CONTEXT_VIEW (view)->stack;
}

static void
annex_context_view_set_reveal_switcher_bar (AnnexPagedView *view,
                                            gboolean        reveal)
{
  adw_view_switcher_bar_set_reveal (ANNEX_CONTEXT_VIEW (view)->switcher_bar, reveal);
}

static void
annex_context_view_paged_view_init (AnnexPagedViewInterface *iface)
{
  iface->get_stack = annex_context_view_get_stack;
  iface->set_reveal_switcher_bar = annex_context_view_set_reveal_switcher_bar;
}

static void
annex_context_view_class_init (AnnexContextViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = annex_context_view_dispose;
  object_class->get_property = annex_context_view_get_property;
  object_class->set_property = annex_context_view_set_property;

  properties[PROP_VISIBLE_PAGE] =
    g_param_spec_string ("visible-page", NULL, NULL, "issues",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ADD_TOAST] =
    g_signal_new ("add-toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  g_type_ensure (ANNEX_TYPE_REGISTER_PAGE);
  g_type_ensure (ANNEX_TYPE_SCOPE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/annex-context-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnexContextView, box);
  gtk_widget_class_bind_template_child (widget_class, AnnexContextView, stack);
  gtk_widget_class_bind_template_child (widget_class, AnnexContextView, issues_page);
  gtk_widget_class_bind_template_child (widget_class, AnnexContextView, parties_page);
  gtk_widget_class_bind_template_child (widget_class, AnnexContextView, scope_page);
  gtk_widget_class_bind_template_child (widget_class, AnnexContextView, switcher_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_page_add_toast_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_cb);

  gtk_widget_class_install_action (widget_class, "context.climate-record-issue", NULL,
                                   record_climate_issue_action);
  gtk_widget_class_install_action (widget_class, "context.climate-not-relevant", NULL,
                                   climate_not_relevant_action);
  gtk_widget_class_install_action (widget_class, "context.climate-show-issue", NULL,
                                   climate_show_issue_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
annex_context_view_init (AnnexContextView *self)
{
  static const char * const issue_column_priority[] = {
    "kind", "category", "status", "climate", "last-reviewed", NULL
  };
  static const char * const party_column_priority[] = {
    "category", "relevance", NULL
  };
  GtkWidget *section;

  gtk_widget_init_template (GTK_WIDGET (self));

  annex_register_page_set_header_widget (self->issues_page, create_issues_header (self));
  annex_register_page_set_warning_func (self->issues_page, issue_warning, NULL, NULL);
  annex_register_page_set_column_priority (self->issues_page, issue_column_priority);

  annex_register_page_set_warning_func (self->parties_page, party_warning, NULL, NULL);
  annex_register_page_set_column_priority (self->parties_page, party_column_priority);
  annex_register_page_set_visible_func (self->parties_page, party_field_visible, NULL, NULL);

  section = annex_party_requirements_section_new ();
  self->requirements_section = ANNEX_PARTY_REQUIREMENTS_SECTION (section);
  annex_party_requirements_section_attach (self->requirements_section,
                                           annex_register_page_get_editor (self->parties_page));

  self->issue_signals = g_signal_group_new (ANNEX_TYPE_REGISTER);
  g_signal_group_connect_data (self->issue_signals, "items-changed",
                               G_CALLBACK (queue_update), self, NULL,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_group_connect_swapped (self->issue_signals, "notify::loaded",
                                  G_CALLBACK (queue_update), self);

  self->database_signals = g_signal_group_new (ANNEX_TYPE_DATABASE);
  g_signal_group_connect_swapped (self->database_signals, "changed",
                                  G_CALLBACK (on_database_changed_cb), self);
}

/* Public API */

GtkWidget *
annex_context_view_new (void)
{
  return g_object_new (ANNEX_TYPE_CONTEXT_VIEW, NULL);
}

void
annex_context_view_set_registers (AnnexContextView *self,
                                  AnnexRegister    *issues,
                                  AnnexRegister    *parties,
                                  AnnexRegister    *party_requirements,
                                  AnnexRegister    *scope_versions,
                                  AnnexRegister    *scope_exclusions,
                                  AnnexRegister    *controls)
{
  g_return_if_fail (ANNEX_IS_CONTEXT_VIEW (self));
  g_return_if_fail (issues == NULL ||
                    annex_register_get_record_type (issues) == ANNEX_TYPE_ISSUE);
  g_return_if_fail (parties == NULL ||
                    annex_register_get_record_type (parties) == ANNEX_TYPE_PARTY);
  g_return_if_fail (party_requirements == NULL ||
                    annex_register_get_record_type (party_requirements) ==
                    ANNEX_TYPE_PARTY_REQUIREMENT);
  g_return_if_fail (scope_versions == NULL ||
                    annex_register_get_record_type (scope_versions) ==
                    ANNEX_TYPE_SCOPE_VERSION);
  g_return_if_fail (scope_exclusions == NULL ||
                    annex_register_get_record_type (scope_exclusions) ==
                    ANNEX_TYPE_SCOPE_EXCLUSION);
  g_return_if_fail (controls == NULL || ANNEX_IS_REGISTER (controls));

  if (g_set_object (&self->issues, issues))
    {
      g_signal_group_set_target (self->issue_signals, issues);
      g_signal_group_set_target (self->database_signals,
                                 issues != NULL ? annex_register_get_database (issues) : NULL);
      annex_register_page_set_register (self->issues_page, issues);
    }
  if (g_set_object (&self->parties, parties))
    annex_register_page_set_register (self->parties_page, parties);
  g_set_object (&self->party_requirements, party_requirements);
  g_set_object (&self->controls, controls);
  annex_party_requirements_section_set_registers (self->requirements_section,
                                                  party_requirements, controls);
  annex_scope_page_set_registers (self->scope_page, scope_versions, scope_exclusions);

  update_climate (self);
}

const char *
annex_context_view_get_visible_page (AnnexContextView *self)
{
  g_return_val_if_fail (ANNEX_IS_CONTEXT_VIEW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

void
annex_context_view_set_visible_page (AnnexContextView *self,
                                     const char       *name)
{
  g_return_if_fail (ANNEX_IS_CONTEXT_VIEW (self));

  if (name != NULL && adw_view_stack_get_child_by_name (self->stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
}

AnnexRegisterPage *
annex_context_view_get_issues_page (AnnexContextView *self)
{
  g_return_val_if_fail (ANNEX_IS_CONTEXT_VIEW (self), NULL);

  return self->issues_page;
}

AnnexRegisterPage *
annex_context_view_get_parties_page (AnnexContextView *self)
{
  g_return_val_if_fail (ANNEX_IS_CONTEXT_VIEW (self), NULL);

  return self->parties_page;
}

AnnexScopePage *
annex_context_view_get_scope_page (AnnexContextView *self)
{
  g_return_val_if_fail (ANNEX_IS_CONTEXT_VIEW (self), NULL);

  return self->scope_page;
}

AnnexPartyRequirementsSection *
annex_context_view_get_requirements_section (AnnexContextView *self)
{
  g_return_val_if_fail (ANNEX_IS_CONTEXT_VIEW (self), NULL);

  return self->requirements_section;
}

gboolean
annex_context_view_show_record (AnnexContextView *self,
                                const char       *table,
                                gint64            id)
{
  AnnexRecord *record;

  g_return_val_if_fail (ANNEX_IS_CONTEXT_VIEW (self), FALSE);

  if (g_strcmp0 (table, "issues") == 0 && self->issues != NULL)
    {
      adw_view_stack_set_visible_child_name (self->stack, "issues");
      return annex_register_page_show_record (self->issues_page, id);
    }
  if (g_strcmp0 (table, "parties") == 0 && self->parties != NULL)
    {
      adw_view_stack_set_visible_child_name (self->stack, "parties");
      return annex_register_page_show_record (self->parties_page, id);
    }
  if (g_strcmp0 (table, "party_requirements") == 0 && self->party_requirements != NULL &&
      self->parties != NULL)
    {
      /* A requirement shows in its party's editor. */
      record = annex_register_find (self->party_requirements, id);
      if (record == NULL)
        return FALSE;
      adw_view_stack_set_visible_child_name (self->stack, "parties");
      return annex_register_page_show_record (self->parties_page,
                                              annex_party_requirement_get_party_id (
                                                ANNEX_PARTY_REQUIREMENT (record)));
    }
  if (g_strcmp0 (table, "scope_versions") == 0 || g_strcmp0 (table, "scope_exclusions") == 0)
    {
      AnnexRegister *versions = annex_scope_page_get_versions (self->scope_page);
      AnnexRegister *exclusions = annex_scope_page_get_exclusions (self->scope_page);

      if (versions == NULL)
        return FALSE;
      if (g_strcmp0 (table, "scope_exclusions") == 0)
        {
          record = exclusions != NULL ? annex_register_find (exclusions, id) : NULL;
          if (record == NULL)
            return FALSE;
          id = annex_scope_exclusion_get_scope_id (ANNEX_SCOPE_EXCLUSION (record));
        }
      record = annex_register_find (versions, id);
      if (record == NULL)
        return FALSE;
      adw_view_stack_set_visible_child_name (self->stack, "scope");
      annex_scope_page_show_version (self->scope_page, ANNEX_SCOPE_VERSION (record));
      return TRUE;
    }

  return FALSE;
}

AnnexClimateDecision
annex_context_view_get_climate_decision (AnnexContextView *self)
{
  g_return_val_if_fail (ANNEX_IS_CONTEXT_VIEW (self), ANNEX_CLIMATE_UNANSWERED);

  return self->climate;
}

gboolean
annex_context_view_get_climate_question_visible (AnnexContextView *self)
{
  g_return_val_if_fail (ANNEX_IS_CONTEXT_VIEW (self), FALSE);

  return gtk_widget_get_visible (self->climate_question);
}

const char *
annex_context_view_get_climate_answer (AnnexContextView *self)
{
  g_return_val_if_fail (ANNEX_IS_CONTEXT_VIEW (self), NULL);

  if (!gtk_widget_get_visible (self->climate_answer))
    return NULL;

  return gtk_label_get_label (self->climate_answer_label);
}

AnnexRecord *
annex_context_view_record_climate_issue (AnnexContextView *self)
{
  g_autoptr(AnnexRecord) issue = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ANNEX_IS_CONTEXT_VIEW (self), NULL);

  if (self->issues == NULL)
    return NULL;

  /* Recorded at once (that answers the question); the user then describes it in the editor. */
  issue = annex_register_new_record (self->issues);
  g_object_set (issue,
                "title", _("Climate change"),
                "kind", "external",
                "category", "environmental",
                "climate", TRUE,
                "description", _("Effects of climate change on the organization: heat, storms, "
                                 "floods, and on energy, suppliers and customers."),
                NULL);

  if (!annex_register_add (self->issues, issue, &error))
    {
      emit_error_toast (self, error);
      return NULL;
    }

  update_climate (self);
  adw_view_stack_set_visible_child_name (self->stack, "issues");
  annex_register_page_show_record (self->issues_page, annex_record_get_id (issue));
  return issue;  /* borrowed: the register holds it */
}

gboolean
annex_context_view_set_climate_not_relevant (AnnexContextView  *self,
                                             const char        *note,
                                             GError           **error)
{
  AnnexDatabase *db;
  gboolean ok;

  g_return_val_if_fail (ANNEX_IS_CONTEXT_VIEW (self), FALSE);
  g_return_val_if_fail (self->issues != NULL, FALSE);

  db = annex_register_get_database (self->issues);
  if (note != NULL)
    ok = annex_context_set_climate_note (db, note, error);
  else
    ok = annex_context_clear_climate_note (db, error);

  update_climate (self);
  return ok;
}
