/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-scope-page.c: the scope of the ISMS as a document: a version read-only or the draft
 * edited in place, its exclusions, the versions, approval and "in force on a date". */

#define G_LOG_DOMAIN "annex-scope-page"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-clause-guide.h"
#include "annex-register-format.h"
#include "annex-scope-exclusion.h"
#include "annex-scope-page.h"
#include "annex-toast.h"

/* Edits are written this long after typing stops (like the record editor). */
#define SAVE_DELAY_MS 400

typedef struct
{
  const char *name;      /* the field of AnnexScopeVersion */
  const char *heading;   /* N_() */
  const char *hint;      /* N_(): what to write, shown while editing */
  gboolean    subfield;  /* under the "Boundaries" heading */
} FieldSpec;

static const FieldSpec field_specs[] = {
  { "statement", N_("Scope Statement"),
    N_("In a sentence or two: which activities, services and parts of the organization the ISMS "
       "covers."), FALSE },
  { "locations", N_("Locations"),
    N_("Offices, sites, data centres and cloud regions inside the scope."), TRUE },
  { "units", N_("Organizational Units"),
    N_("Departments and teams inside the scope."), TRUE },
  { "processes", N_("Processes"),
    N_("The business and support processes covered."), TRUE },
  { "systems", N_("Information Systems"),
    N_("Applications, platforms and networks covered."), TRUE },
  { "interfaces", N_("Interfaces and Dependencies"),
    N_("Where the scope meets the outside: suppliers, cloud services, other parts of the "
       "group, and what they do for you."), FALSE },
  { "change-summary", N_("Changes from the Previous Version"),
    N_("What this version changes, for those who approve it."), FALSE },
};

#define N_FIELD_SPECS G_N_ELEMENTS (field_specs)

typedef struct
{
  GtkWidget   *box;
  GtkWidget   *hint;
  GtkLabel    *label;      /* read-only */
  GtkWidget   *frame;      /* the text view's card, while editing */
  GtkTextView *view;
} FieldView;

struct _AnnexScopePage
{
  GtkWidget          parent_instance;

  /* template widgets */
  GtkStack          *stack;
  AdwStatusPage     *empty_page;
  GtkWidget         *scroller;
  GtkWidget         *toolbar;
  GtkMenuButton     *versions_button;
  GtkPopover        *versions_popover;
  GtkListBox        *versions_list;
  GtkMenuButton     *in_force_button;
  GtkCalendar       *calendar;
  GtkLabel          *in_force_label;
  GtkWidget         *in_force_show_button;
  GtkWidget         *new_draft_button;
  GtkWidget         *approve_button;
  GtkWidget         *state_box;
  GtkImage          *state_icon;
  GtkLabel          *state_title;
  GtkLabel          *state_label;
  GtkButton         *state_button;
  GtkBox            *fields_box;

  /* built in init */
  FieldView          fields[N_FIELD_SPECS];
  GtkWidget         *boundaries_heading;
  GtkWidget         *exclusions_box;     /* heading, list, add row */
  GtkListBox        *exclusions_list;
  GtkWidget         *exclusions_empty;
  AdwEntryRow       *add_exclusion_row;
  GtkWidget         *add_exclusion_list;

  /* owned */
  AnnexRegister     *versions;
  AnnexRegister     *exclusions;
  AnnexScopeVersion *version;            /* shown */
  AnnexScopeVersion *in_force_result;    /* the calendar's answer */
  GSignalGroup      *version_list_signals;
  GSignalGroup      *exclusion_list_signals;
  GSignalGroup      *version_signals;
  GHashTable        *dirty_exclusions;   /* AnnexRecord → itself, pending saves */
  char              *state_text;
  guint              save_source;
  guint              update_source;
  gboolean           version_dirty;
  gboolean           chosen;             /* the user picked the version shown */
  gboolean           loading;            /* filling the widgets: no saves */
};

G_DEFINE_FINAL_TYPE (AnnexScopePage, annex_scope_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VERSIONS,
  PROP_EXCLUSIONS,
  PROP_VERSION,
  N_PROPS
};

enum {
  ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void update_page (AnnexScopePage *self);

/* Pure texts */

char *
annex_scope_version_format_state (AnnexScopeVersion *version)
{
  AnnexRecord *record;
  const char *reference, *status, *approved_by;
  g_autofree char *approved_on = NULL;
  g_autofree char *in_force_from = NULL;

  g_return_val_if_fail (ANNEX_IS_SCOPE_VERSION (version), NULL);

  record = ANNEX_RECORD (version);
  reference = annex_record_get_reference (record);
  status = annex_scope_version_get_status (version);
  approved_by = annex_record_get_string (record, "approved-by");
  approved_on = annex_format_date (annex_scope_version_get_approved_on (version));
  in_force_from = annex_format_date (annex_scope_version_get_in_force_from (version));

  if (g_strcmp0 (status, "draft") == 0)
    /* Translators: the state of a scope version; %s is its reference ("SC-003") */
    return g_strdup_printf (_("%s · Draft, not approved yet"), reference);

  if (approved_by == NULL)
    approved_by = "?";
  if (approved_on == NULL)
    approved_on = g_strdup ("?");
  if (in_force_from == NULL)
    in_force_from = g_strdup (approved_on);

  if (g_strcmp0 (status, "superseded") == 0)
    /* Translators: the state of a scope version: reference, approver, approval date, the date
     * it came into force */
    return g_strdup_printf (_("%s · Superseded · approved by %s on %s · in force from %s"),
                            reference, approved_by, approved_on, in_force_from);

  /* Translators: the state of a scope version: reference, approver, approval date, the date it
   * came into force */
  return g_strdup_printf (_("%s · Approved by %s on %s · in force from %s"),
                          reference, approved_by, approved_on, in_force_from);
}

/* Auxiliary functions */

static void
emit_error_toast (AnnexScopePage *self,
                  const GError   *error)
{
  g_autoptr(AdwToast) toast = annex_toast_new_for_error (error);

  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
is_draft (AnnexScopePage *self)
{
  return self->version != NULL && annex_scope_version_is_draft (self->version);
}

static AnnexScopeVersion *
find_draft (AnnexScopePage *self)
{
  return self->versions != NULL ? annex_scope_version_find_draft (G_LIST_MODEL (self->versions))
                                : NULL;
}

static AnnexScopeVersion *
find_current (AnnexScopePage *self)
{
  return self->versions != NULL
         ? annex_scope_version_find_current (G_LIST_MODEL (self->versions))
         : NULL;
}

static void
remove_all_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static gboolean
flush (AnnexScopePage *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->version_dirty && self->version != NULL && self->versions != NULL)
    {
      self->version_dirty = FALSE;
      if (!annex_register_save (self->versions, ANNEX_RECORD (self->version), &error))
        {
          emit_error_toast (self, error);
          g_clear_error (&error);
          ok = FALSE;
        }
    }

  if (self->exclusions != NULL && g_hash_table_size (self->dirty_exclusions) > 0)
    {
      GHashTableIter iter;
      gpointer record;

      g_hash_table_iter_init (&iter, self->dirty_exclusions);
      while (g_hash_table_iter_next (&iter, &record, NULL))
        {
          if (annex_register_get_position (self->exclusions, record) != G_MAXUINT &&
              !annex_register_save (self->exclusions, record, &error))
            {
              emit_error_toast (self, error);
              g_clear_error (&error);
              ok = FALSE;
            }
        }
      g_hash_table_remove_all (self->dirty_exclusions);
    }

  return ok;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  AnnexScopePage *self = user_data;

  self->save_source = 0;
  flush (self);
  return G_SOURCE_REMOVE;
}

static void
queue_save (AnnexScopePage *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
  g_source_set_name_by_id (self->save_source, "[annex] scope page save");
}

/* The exclusions */

static void
on_exclusion_entry_changed_cb (GtkEditable    *entry,
                               AnnexScopePage *self)
{
  AnnexRecord *record = g_object_get_data (G_OBJECT (entry), "exclusion");
  const char *field = g_object_get_data (G_OBJECT (entry), "field");

  if (self->loading || record == NULL)
    return;

  annex_record_set_string (record, field, gtk_editable_get_text (entry));
  g_hash_table_add (self->dirty_exclusions, g_object_ref (record));
  queue_save (self);
}

static void
on_remove_exclusion_clicked_cb (GtkButton      *button,
                                AnnexScopePage *self)
{
  AnnexRecord *record = g_object_get_data (G_OBJECT (button), "exclusion");
  g_autoptr(AnnexRecord) kept = NULL;
  g_autoptr(GError) error = NULL;

  if (record == NULL || self->exclusions == NULL)
    return;

  kept = g_object_ref (record);
  flush (self);
  if (!annex_register_remove (self->exclusions, kept, &error))
    emit_error_toast (self, error);
}

static GtkWidget *
create_entry_row (AnnexScopePage *self,
                  AnnexRecord    *exclusion,
                  const char     *field,
                  const char     *title)
{
  GtkWidget *row = adw_entry_row_new ();
  const char *text = annex_record_get_string (exclusion, field);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  g_object_set_data_full (G_OBJECT (row), "exclusion", g_object_ref (exclusion), g_object_unref);
  g_object_set_data (G_OBJECT (row), "field", (gpointer) field);
  g_signal_connect_object (row, "changed", G_CALLBACK (on_exclusion_entry_changed_cb), self, 0);
  return row;
}

static void
update_exclusions (AnnexScopePage *self)
{
  gboolean editable = is_draft (self);
  gint64 scope_id = self->version != NULL ? annex_record_get_id (ANNEX_RECORD (self->version)) : 0;
  guint n = self->exclusions != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->exclusions))
                                     : 0;
  guint shown = 0;

  self->loading = TRUE;
  remove_all_rows (self->exclusions_list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexRecord) exclusion = g_list_model_get_item (G_LIST_MODEL (self->exclusions),
                                                                i);
      const char *justification;
      GtkWidget *row;

      if (annex_scope_exclusion_get_scope_id (ANNEX_SCOPE_EXCLUSION (exclusion)) != scope_id)
        continue;

      shown++;
      justification = annex_scope_exclusion_get_justification (ANNEX_SCOPE_EXCLUSION (exclusion));

      if (editable)
        {
          GtkWidget *box, *list, *button, *entry;

          /* Each exclusion is a small card: what is excluded, why, and its remove button. */
          box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
          list = gtk_list_box_new ();
          gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
          gtk_widget_add_css_class (list, "boxed-list");

          entry = create_entry_row (self, exclusion, "exclusion", _("Excluded"));
          button = gtk_button_new_from_icon_name ("user-trash-symbolic");
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_tooltip_text (button, _("Remove Exclusion"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Remove Exclusion"), -1);
          g_object_set_data_full (G_OBJECT (button), "exclusion", g_object_ref (exclusion),
                                  g_object_unref);
          g_signal_connect_object (button, "clicked",
                                   G_CALLBACK (on_remove_exclusion_clicked_cb), self, 0);
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (entry), button);
          gtk_list_box_append (GTK_LIST_BOX (list), entry);

          entry = create_entry_row (self, exclusion, "justification", _("Justification"));
          if (annex_field_text_is_blank (justification))
            gtk_widget_add_css_class (entry, "warning");
          gtk_list_box_append (GTK_LIST_BOX (list), entry);

          gtk_box_append (GTK_BOX (box), list);
          row = gtk_list_box_row_new ();
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
          gtk_widget_set_focusable (row, FALSE);
          gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
          gtk_widget_add_css_class (row, "scope-exclusion");
        }
      else
        {
          g_autofree char *subtitle = NULL;

          row = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                         annex_scope_exclusion_get_exclusion (
                                           ANNEX_SCOPE_EXCLUSION (exclusion)));
          if (annex_field_text_is_blank (justification))
            subtitle = g_strdup (_("No justification given."));
          else
            /* Translators: under an exclusion from the scope: why it is excluded */
            subtitle = g_strdup_printf (_("Justification: %s"), justification);
          {
            g_autofree char *escaped = g_markup_escape_text (subtitle, -1);

            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
          }
          adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
        }

      gtk_list_box_append (self->exclusions_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->exclusions_list), shown > 0);
  if (editable)
    gtk_widget_remove_css_class (GTK_WIDGET (self->exclusions_list), "boxed-list");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->exclusions_list), "boxed-list");
  gtk_widget_set_visible (self->exclusions_empty, shown == 0 && !editable);
  gtk_widget_set_visible (self->add_exclusion_list, editable);
  self->loading = FALSE;
}

static void
on_add_exclusion_apply_cb (AdwEntryRow    *row,
                           AnnexScopePage *self)
{
  g_autoptr(AnnexScopeExclusion) exclusion = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (self->exclusions == NULL || !is_draft (self) || annex_field_text_is_blank (text))
    return;

  flush (self);
  exclusion = annex_scope_exclusion_new (annex_record_get_id (ANNEX_RECORD (self->version)));
  annex_record_set_string (ANNEX_RECORD (exclusion), "exclusion", text);
  if (!annex_register_add (self->exclusions, ANNEX_RECORD (exclusion), &error))
    {
      emit_error_toast (self, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (row), "");
  update_exclusions (self);

  /* The justification comes next. */
  {
    GtkListBoxRow *last = NULL;
    GtkWidget *child;

    for (child = gtk_widget_get_first_child (GTK_WIDGET (self->exclusions_list));
         child != NULL;
         child = gtk_widget_get_next_sibling (child))
      last = GTK_LIST_BOX_ROW (child);

    if (last != NULL)
      {
        GtkWidget *list = gtk_widget_get_first_child (gtk_list_box_row_get_child (last));
        GtkListBoxRow *justification = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1);

        if (justification != NULL)
          gtk_widget_grab_focus (GTK_WIDGET (justification));
      }
  }
}

static GtkWidget *
create_heading (const char *text,
                gboolean    sub)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, sub ? "heading" : "title-4");
  return label;
}

static void
create_exclusions_section (AnnexScopePage *self)
{
  GtkWidget *box, *hint, *list;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_box_append (GTK_BOX (box), create_heading (_("Exclusions"), FALSE));

  hint = gtk_label_new (_("Parts of the organization, sites or systems left out of the ISMS, each "
                          "with why leaving it out does not weaken information security."));
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_box_append (GTK_BOX (box), hint);

  self->exclusions_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->exclusions_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->exclusions_list), "scope-exclusions");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->exclusions_list));

  self->exclusions_empty = gtk_label_new (_("Nothing is excluded."));
  gtk_label_set_xalign (GTK_LABEL (self->exclusions_empty), 0);
  gtk_widget_add_css_class (self->exclusions_empty, "dim-label");
  gtk_box_append (GTK_BOX (box), self->exclusions_empty);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  self->add_exclusion_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_exclusion_row),
                                 _("Add an exclusion"));
  adw_entry_row_set_show_apply_button (self->add_exclusion_row, TRUE);
  g_signal_connect_object (self->add_exclusion_row, "apply",
                           G_CALLBACK (on_add_exclusion_apply_cb), self, 0);
  g_signal_connect_object (self->add_exclusion_row, "entry-activated",
                           G_CALLBACK (on_add_exclusion_apply_cb), self, 0);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->add_exclusion_row));
  gtk_box_append (GTK_BOX (box), list);
  self->add_exclusion_list = list;

  self->exclusions_box = box;
}

/* The text fields */

static void
on_field_buffer_changed_cb (GtkTextBuffer  *buffer,
                            AnnexScopePage *self)
{
  const char *name = g_object_get_data (G_OBJECT (buffer), "field");
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->loading || !is_draft (self))
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  annex_record_set_string (ANNEX_RECORD (self->version), name, text);
  self->version_dirty = TRUE;
  queue_save (self);
}

static void
on_field_focus_leave_cb (AnnexScopePage *self)
{
  if (self->save_source != 0)
    flush (self);
}

static void
create_fields (AnnexScopePage *self)
{
  for (guint i = 0; i < N_FIELD_SPECS; i++)
    {
      FieldView *field = &self->fields[i];
      GtkWidget *label, *view;
      GtkEventController *focus;
      GtkTextBuffer *buffer;

      if (g_str_equal (field_specs[i].name, "interfaces"))
        {
          create_exclusions_section (self);
          gtk_box_append (self->fields_box, self->exclusions_box);
        }
      if (field_specs[i].subfield && self->boundaries_heading == NULL)
        {
          self->boundaries_heading = create_heading (_("Boundaries"), FALSE);
          gtk_box_append (self->fields_box, self->boundaries_heading);
        }

      field->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      gtk_box_append (GTK_BOX (field->box), create_heading (_(field_specs[i].heading),
                                                            field_specs[i].subfield));

      field->hint = gtk_label_new (_(field_specs[i].hint));
      gtk_label_set_wrap (GTK_LABEL (field->hint), TRUE);
      gtk_label_set_xalign (GTK_LABEL (field->hint), 0);
      gtk_widget_add_css_class (field->hint, "dim-label");
      gtk_widget_add_css_class (field->hint, "caption");
      gtk_box_append (GTK_BOX (field->box), field->hint);

      label = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "scope-text");
      gtk_box_append (GTK_BOX (field->box), label);
      field->label = GTK_LABEL (label);

      view = gtk_text_view_new ();
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 10);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 10);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
      gtk_widget_set_size_request (view, -1, g_str_equal (field_specs[i].name, "statement")
                                             ? 96 : 64);
      gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(field_specs[i].heading), -1);
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
      g_object_set_data (G_OBJECT (buffer), "field", (gpointer) field_specs[i].name);
      g_signal_connect_object (buffer, "changed", G_CALLBACK (on_field_buffer_changed_cb), self,
                               0);
      focus = gtk_event_controller_focus_new ();
      g_signal_connect_object (focus, "leave", G_CALLBACK (on_field_focus_leave_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_widget_add_controller (view, focus);
      field->view = GTK_TEXT_VIEW (view);

      field->frame = gtk_frame_new (NULL);
      gtk_frame_set_child (GTK_FRAME (field->frame), view);
      gtk_widget_add_css_class (field->frame, "scope-field");
      gtk_box_append (GTK_BOX (field->box), field->frame);

      gtk_box_append (self->fields_box, field->box);
    }
}

static void
update_fields (AnnexScopePage *self)
{
  gboolean editable = is_draft (self);

  self->loading = TRUE;
  for (guint i = 0; i < N_FIELD_SPECS; i++)
    {
      FieldView *field = &self->fields[i];
      const char *text = self->version != NULL
                         ? annex_record_get_string (ANNEX_RECORD (self->version),
                                                    field_specs[i].name)
                         : NULL;
      gboolean blank = annex_field_text_is_blank (text);
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (field->view);

      gtk_widget_set_visible (field->hint, editable);
      gtk_widget_set_visible (field->frame, editable);
      gtk_widget_set_visible (GTK_WIDGET (field->label), !editable);
      gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);

      gtk_label_set_label (field->label, blank ? _("Not stated.") : text);
      if (blank)
        gtk_widget_add_css_class (GTK_WIDGET (field->label), "dim-label");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (field->label), "dim-label");

      /* What changed is only worth a section while it is written, or when it says something. */
      if (g_str_equal (field_specs[i].name, "change-summary"))
        gtk_widget_set_visible (field->box, editable || !blank);
    }
  self->loading = FALSE;
}

/* The versions */

static void
update_versions_list (AnnexScopePage *self)
{
  guint n = self->versions != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->versions)) : 0;
  AnnexScopeVersion *current = find_current (self);

  remove_all_rows (self->versions_list);

  /* Newest first. */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(AnnexScopeVersion) version = g_list_model_get_item (G_LIST_MODEL (self->versions),
                                                                    i - 1);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *escaped = NULL;
      GtkWidget *row;

      g_object_get (version, "display-title", &title, NULL);
      if (version == current)
        /* Translators: in the list of scope versions: the version in force */
        subtitle = g_strdup_printf (_("%s · in force"), title);
      else
        subtitle = g_strdup (title);
      escaped = g_markup_escape_text (subtitle, -1);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     annex_record_get_reference (ANNEX_RECORD (version)));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      if (version == self->version)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   gtk_image_new_from_icon_name ("object-select-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "version", g_object_ref (version), g_object_unref);
      gtk_list_box_append (self->versions_list, row);
    }
}

static void
update_state (AnnexScopePage *self)
{
  AnnexScopeVersion *draft = find_draft (self);
  AnnexScopeVersion *current = find_current (self);
  const char *status = self->version != NULL ? annex_scope_version_get_status (self->version)
                                             : NULL;
  const char *button_label = NULL;

  g_clear_pointer (&self->state_text, g_free);
  if (self->version != NULL)
    self->state_text = annex_scope_version_format_state (self->version);

  gtk_widget_remove_css_class (self->state_box, "draft");
  gtk_widget_remove_css_class (self->state_box, "superseded");

  if (g_strcmp0 (status, "draft") == 0)
    {
      gtk_label_set_label (self->state_title, _("Draft"));
      gtk_image_set_from_icon_name (self->state_icon, "document-edit-symbolic");
      gtk_widget_add_css_class (self->state_box, "draft");
      if (current != NULL)
        button_label = _("Show _Version in Force");
    }
  else if (g_strcmp0 (status, "superseded") == 0)
    {
      gtk_label_set_label (self->state_title, _("Superseded Version"));
      gtk_image_set_from_icon_name (self->state_icon, "document-open-recent-symbolic");
      gtk_widget_add_css_class (self->state_box, "superseded");
      if (current != NULL)
        button_label = _("Show _Version in Force");
    }
  else
    {
      gtk_label_set_label (self->state_title, _("Version in Force"));
      gtk_image_set_from_icon_name (self->state_icon, "emblem-ok-symbolic");
      if (draft != NULL)
        button_label = _("Open _Draft");
    }

  gtk_label_set_label (self->state_label, self->state_text != NULL ? self->state_text : "");
  gtk_button_set_label (self->state_button, button_label != NULL ? button_label : "");
  gtk_widget_set_visible (GTK_WIDGET (self->state_button), button_label != NULL);

  gtk_menu_button_set_label (self->versions_button,
                             self->version != NULL
                             ? annex_record_get_reference (ANNEX_RECORD (self->version))
                             : _("Versions"));
  gtk_widget_set_visible (self->new_draft_button, draft == NULL);
  gtk_widget_set_visible (self->approve_button, is_draft (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scope.new-draft",
                                 self->versions != NULL && draft == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scope.approve", is_draft (self));
}

/* Picks the version to show after the register changed: the one chosen while it exists, else
 * the draft, else the version in force. */
static void
update_page (AnnexScopePage *self)
{
  AnnexScopeVersion *version = self->version;
  gboolean loaded = self->versions != NULL && annex_register_get_loaded (self->versions);

  g_clear_handle_id (&self->update_source, g_source_remove);

  if (version != NULL && (!loaded ||
                          annex_register_get_position (self->versions, ANNEX_RECORD (version)) ==
                          G_MAXUINT))
    {
      version = NULL;
      self->chosen = FALSE;
    }
  if (!self->chosen && loaded)
    {
      version = find_draft (self);
      if (version == NULL)
        version = find_current (self);
      if (version == NULL && g_list_model_get_n_items (G_LIST_MODEL (self->versions)) > 0)
        version = g_list_model_get_item (G_LIST_MODEL (self->versions), 0),
        g_object_unref (version);
    }

  if (version != self->version)
    {
      flush (self);
      g_set_object (&self->version, version);
      g_signal_group_set_target (self->version_signals, version);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
    }

  gtk_stack_set_visible_child_name (self->stack, self->version != NULL ? "document" : "empty");
  /* Until the versions are in, "No Scope Yet" would be a false statement: show nothing. */
  gtk_widget_set_opacity (GTK_WIDGET (self->empty_page), loaded ? 1.0 : 0.0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->empty_page), loaded);
  update_state (self);
  update_fields (self);
  update_exclusions (self);
  update_versions_list (self);
}

static gboolean
update_idle_cb (gpointer user_data)
{
  AnnexScopePage *self = user_data;

  self->update_source = 0;
  update_page (self);
  return G_SOURCE_REMOVE;
}

static void
queue_update (AnnexScopePage *self)
{
  if (self->update_source != 0)
    return;

  self->update_source = g_idle_add (update_idle_cb, self);
  g_source_set_name_by_id (self->update_source, "[annex] scope page update");
}

static void
on_exclusions_changed_cb (AnnexScopePage *self)
{
  /* Our own adds and removes rebuild the rows at once; a reload (a copy into a new draft, an
   * undo elsewhere) at the next idle. Rows being typed in are not rebuilt under the user. */
  if (!self->loading)
    update_exclusions (self);
}

/* The in-force question */

static void
on_calendar_day_selected_cb (AnnexScopePage *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *day = g_date_time_format (date, "%Y-%m-%d");
  g_autofree char *shown_day = annex_format_date (day);
  g_autofree char *text = NULL;
  AnnexScopeVersion *version = NULL;

  if (self->versions != NULL)
    version = annex_scope_version_in_force_on (G_LIST_MODEL (self->versions), day);
  g_set_object (&self->in_force_result, version);

  if (version != NULL)
    /* Translators: the answer to "which scope applied on…": a version's reference and a date */
    text = g_strdup_printf (_("%s applied on %s."),
                            annex_record_get_reference (ANNEX_RECORD (version)), shown_day);
  else
    /* Translators: %s is a date */
    text = g_strdup_printf (_("No approved scope applied on %s."), shown_day);

  gtk_label_set_label (self->in_force_label, text);
  gtk_widget_set_sensitive (self->in_force_show_button, version != NULL);
}

static void
on_in_force_show_clicked_cb (AnnexScopePage *self)
{
  if (self->in_force_result != NULL)
    annex_scope_page_show_version (self, self->in_force_result);
  gtk_menu_button_popdown (self->in_force_button);
}

static void
on_versions_row_activated_cb (AnnexScopePage *self,
                              GtkListBoxRow  *row)
{
  AnnexScopeVersion *version = g_object_get_data (G_OBJECT (row), "version");

  gtk_popover_popdown (self->versions_popover);
  if (version != NULL)
    annex_scope_page_show_version (self, version);
}

static void
on_state_button_clicked_cb (AnnexScopePage *self)
{
  if (is_draft (self) || g_strcmp0 (annex_scope_version_get_status (self->version),
                                    "superseded") == 0)
    annex_scope_page_show_version (self, find_current (self));
  else
    annex_scope_page_show_version (self, find_draft (self));
}

/* Approval dialog */

typedef struct
{
  AdwEntryRow *approved_by;
  AdwEntryRow *approved_on;
  AdwEntryRow *in_force_from;
} ApproveRows;

static void
on_approve_entry_changed_cb (GtkEditable      *entry,
                             AdwMessageDialog *dialog)
{
  ApproveRows *rows = g_object_get_data (G_OBJECT (dialog), "rows");
  const char *by = gtk_editable_get_text (GTK_EDITABLE (rows->approved_by));
  const char *on = gtk_editable_get_text (GTK_EDITABLE (rows->approved_on));
  const char *from = gtk_editable_get_text (GTK_EDITABLE (rows->in_force_from));
  gboolean on_ok = annex_field_date_is_valid (on);
  gboolean from_ok = annex_field_date_is_valid (from) || *from == '\0';

  if (on_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (rows->approved_on), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (rows->approved_on), "error");
  if (from_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (rows->in_force_from), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (rows->in_force_from), "error");

  adw_message_dialog_set_response_enabled (dialog, "approve",
                                           !annex_field_text_is_blank (by) && on_ok && from_ok);
}

static void
on_approve_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        AnnexScopePage   *self)
{
  ApproveRows *rows = g_object_get_data (G_OBJECT (dialog), "rows");
  g_autoptr(GError) error = NULL;
  const char *from;

  if (g_strcmp0 (response, "approve") != 0)
    return;

  from = gtk_editable_get_text (GTK_EDITABLE (rows->in_force_from));
  if (!annex_scope_page_approve (self,
                                 gtk_editable_get_text (GTK_EDITABLE (rows->approved_by)),
                                 gtk_editable_get_text (GTK_EDITABLE (rows->approved_on)),
                                 *from != '\0' ? from : NULL, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *message;

      message = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        _("The Draft Cannot Be Approved Yet"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (message), "close");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (message), "close");
      gtk_window_present (GTK_WINDOW (message));
    }
}

static AdwEntryRow *
add_approve_row (GtkWidget        *list,
                 const char       *title,
                 const char       *text,
                 AdwMessageDialog *dialog)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  g_signal_connect_object (row, "changed", G_CALLBACK (on_approve_entry_changed_cb), dialog, 0);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return ADW_ENTRY_ROW (row);
}

/* Actions */

static void
new_draft_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AnnexScopePage *self = ANNEX_SCOPE_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!annex_scope_page_new_draft (self, &error))
    emit_error_toast (self, error);
}

static void
approve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  annex_scope_page_open_approve_dialog (ANNEX_SCOPE_PAGE (widget));
}

static void
show_draft_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AnnexScopePage *self = ANNEX_SCOPE_PAGE (widget);

  if (find_draft (self) != NULL)
    annex_scope_page_show_version (self, find_draft (self));
}

static void
show_current_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AnnexScopePage *self = ANNEX_SCOPE_PAGE (widget);

  if (find_current (self) != NULL)
    annex_scope_page_show_version (self, find_current (self));
}

static void
add_exclusion_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AnnexScopePage *self = ANNEX_SCOPE_PAGE (widget);

  if (is_draft (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->add_exclusion_row));
}

/* GObject */

static void
annex_scope_page_dispose (GObject *object)
{
  AnnexScopePage *self = ANNEX_SCOPE_PAGE (object);

  if (self->versions != NULL)
    flush (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->update_source, g_source_remove);
  if (self->version_list_signals != NULL)
    g_signal_group_set_target (self->version_list_signals, NULL);
  if (self->exclusion_list_signals != NULL)
    g_signal_group_set_target (self->exclusion_list_signals, NULL);
  if (self->version_signals != NULL)
    g_signal_group_set_target (self->version_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANNEX_TYPE_SCOPE_PAGE);

  g_clear_object (&self->version_list_signals);
  g_clear_object (&self->exclusion_list_signals);
  g_clear_object (&self->version_signals);
  g_clear_object (&self->version);
  g_clear_object (&self->in_force_result);
  g_clear_object (&self->versions);
  g_clear_object (&self->exclusions);
  if (self->dirty_exclusions != NULL)
    g_hash_table_remove_all (self->dirty_exclusions);

  G_OBJECT_CLASS (annex_scope_page_parent_class)->dispose (object);
}

static void
annex_scope_page_finalize (GObject *object)
{
  AnnexScopePage *self = ANNEX_SCOPE_PAGE (object);

  g_clear_pointer (&self->dirty_exclusions, g_hash_table_unref);
  g_free (self->state_text);

  G_OBJECT_CLASS (annex_scope_page_parent_class)->finalize (object);
}

static void
annex_scope_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AnnexScopePage *self = ANNEX_SCOPE_PAGE (object);

  switch (prop_id)
    {
    case PROP_VERSIONS:
      g_value_set_object (value, self->versions);
      break;
    case PROP_EXCLUSIONS:
      g_value_set_object (value, self->exclusions);
      break;
    case PROP_VERSION:
      g_value_set_object (value, self->version);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_scope_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AnnexScopePage *self = ANNEX_SCOPE_PAGE (object);

  switch (prop_id)
    {
    case PROP_VERSIONS:
      annex_scope_page_set_registers (self, g_value_get_object (value), self->exclusions);
      break;
    case PROP_EXCLUSIONS:
      annex_scope_page_set_registers (self, self->versions, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_scope_page_class_init (AnnexScopePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = annex_scope_page_dispose;
  object_class->finalize = annex_scope_page_finalize;
  object_class->get_property = annex_scope_page_get_property;
  object_class->set_property = annex_scope_page_set_property;

  properties[PROP_VERSIONS] =
    g_param_spec_object ("versions", NULL, NULL, ANNEX_TYPE_REGISTER, rw);
  properties[PROP_EXCLUSIONS] =
    g_param_spec_object ("exclusions", NULL, NULL, ANNEX_TYPE_REGISTER, rw);
  properties[PROP_VERSION] =
    g_param_spec_object ("version", NULL, NULL, ANNEX_TYPE_SCOPE_VERSION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ADD_TOAST] =
    g_signal_new ("add-toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_install_action (widget_class, "scope.new-draft", NULL, new_draft_action);
  gtk_widget_class_install_action (widget_class, "scope.approve", NULL, approve_action);
  gtk_widget_class_install_action (widget_class, "scope.show-draft", NULL, show_draft_action);
  gtk_widget_class_install_action (widget_class, "scope.show-current", NULL,
                                   show_current_action);
  gtk_widget_class_install_action (widget_class, "scope.add-exclusion", NULL,
                                   add_exclusion_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "scope.new-draft", NULL);

  g_type_ensure (ANNEX_TYPE_CLAUSE_GUIDE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/annex-scope-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnexScopePage, stack);
  gtk_widget_class_bind_template_child (widget_class, AnnexScopePage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AnnexScopePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, AnnexScopePage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, AnnexScopePage, versions_button);
  gtk_widget_class_bind_template_child (widget_class, AnnexScopePage, versions_popover);
  gtk_widget_class_bind_template_child (widget_class, AnnexScopePage, versions_list);
  gtk_widget_class_bind_template_child (widget_class, AnnexScopePage, in_force_button);
  gtk_widget_class_bind_template_child (widget_class, AnnexScopePage, calendar);
  gtk_widget_class_bind_template_child (widget_class, AnnexScopePage, in_force_label);
  gtk_widget_class_bind_template_child (widget_class, AnnexScopePage, in_force_show_button);
  gtk_widget_class_bind_template_child (widget_class, AnnexScopePage, new_draft_button);
  gtk_widget_class_bind_template_child (widget_class, AnnexScopePage, approve_button);
  gtk_widget_class_bind_template_child (widget_class, AnnexScopePage, state_box);
  gtk_widget_class_bind_template_child (widget_class, AnnexScopePage, state_icon);
  gtk_widget_class_bind_template_child (widget_class, AnnexScopePage, state_title);
  gtk_widget_class_bind_template_child (widget_class, AnnexScopePage, state_label);
  gtk_widget_class_bind_template_child (widget_class, AnnexScopePage, state_button);
  gtk_widget_class_bind_template_child (widget_class, AnnexScopePage, fields_box);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_in_force_show_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_versions_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_state_button_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
annex_scope_page_init (AnnexScopePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->dirty_exclusions = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  create_fields (self);

  self->version_list_signals = g_signal_group_new (ANNEX_TYPE_REGISTER);
  g_signal_group_connect_data (self->version_list_signals, "items-changed",
                               G_CALLBACK (queue_update), self, NULL,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_group_connect_swapped (self->version_list_signals, "notify::loaded",
                                  G_CALLBACK (queue_update), self);

  self->exclusion_list_signals = g_signal_group_new (ANNEX_TYPE_REGISTER);
  g_signal_group_connect_data (self->exclusion_list_signals, "items-changed",
                               G_CALLBACK (on_exclusions_changed_cb), self, NULL,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  /* An approval changes the version shown in place (its status and approval fields). */
  self->version_signals = g_signal_group_new (ANNEX_TYPE_SCOPE_VERSION);
  g_signal_group_connect_swapped (self->version_signals, "notify::status",
                                  G_CALLBACK (queue_update), self);

  update_page (self);
}

/* Public API */

GtkWidget *
annex_scope_page_new (void)
{
  return g_object_new (ANNEX_TYPE_SCOPE_PAGE, NULL);
}

void
annex_scope_page_set_registers (AnnexScopePage *self,
                                AnnexRegister  *versions,
                                AnnexRegister  *exclusions)
{
  g_return_if_fail (ANNEX_IS_SCOPE_PAGE (self));
  g_return_if_fail (versions == NULL || ANNEX_IS_REGISTER (versions));
  g_return_if_fail (exclusions == NULL || ANNEX_IS_REGISTER (exclusions));

  if (self->versions != versions || self->exclusions != exclusions)
    flush (self);

  if (g_set_object (&self->versions, versions))
    {
      g_signal_group_set_target (self->version_list_signals, versions);
      self->chosen = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSIONS]);
    }
  if (g_set_object (&self->exclusions, exclusions))
    {
      g_signal_group_set_target (self->exclusion_list_signals, exclusions);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXCLUSIONS]);
    }

  update_page (self);
}

AnnexRegister *
annex_scope_page_get_versions (AnnexScopePage *self)
{
  g_return_val_if_fail (ANNEX_IS_SCOPE_PAGE (self), NULL);

  return self->versions;
}

AnnexRegister *
annex_scope_page_get_exclusions (AnnexScopePage *self)
{
  g_return_val_if_fail (ANNEX_IS_SCOPE_PAGE (self), NULL);

  return self->exclusions;
}

AnnexScopeVersion *
annex_scope_page_get_version (AnnexScopePage *self)
{
  g_return_val_if_fail (ANNEX_IS_SCOPE_PAGE (self), NULL);

  return self->version;
}

void
annex_scope_page_show_version (AnnexScopePage    *self,
                               AnnexScopeVersion *version)
{
  g_return_if_fail (ANNEX_IS_SCOPE_PAGE (self));
  g_return_if_fail (version == NULL || ANNEX_IS_SCOPE_VERSION (version));

  flush (self);
  self->chosen = version != NULL;
  if (version != self->version)
    {
      g_set_object (&self->version, version);
      g_signal_group_set_target (self->version_signals, version);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
    }
  update_page (self);
}

gboolean
annex_scope_page_show_in_force_on (AnnexScopePage *self,
                                   const char     *date)
{
  AnnexScopeVersion *version;

  g_return_val_if_fail (ANNEX_IS_SCOPE_PAGE (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (self->versions == NULL)
    return FALSE;

  version = annex_scope_version_in_force_on (G_LIST_MODEL (self->versions), date);
  if (version == NULL)
    return FALSE;

  annex_scope_page_show_version (self, version);
  return TRUE;
}

gboolean
annex_scope_page_get_editable (AnnexScopePage *self)
{
  g_return_val_if_fail (ANNEX_IS_SCOPE_PAGE (self), FALSE);

  return is_draft (self);
}

const char *
annex_scope_page_get_state_text (AnnexScopePage *self)
{
  g_return_val_if_fail (ANNEX_IS_SCOPE_PAGE (self), NULL);

  return self->state_text;
}

gboolean
annex_scope_page_new_draft (AnnexScopePage  *self,
                            GError         **error)
{
  AnnexScopeVersion *draft;

  g_return_val_if_fail (ANNEX_IS_SCOPE_PAGE (self), FALSE);
  g_return_val_if_fail (self->versions != NULL, FALSE);

  flush (self);
  draft = annex_scope_version_new_draft (self->versions, self->exclusions, error);
  if (draft == NULL)
    return FALSE;

  annex_scope_page_show_version (self, draft);
  gtk_widget_grab_focus (GTK_WIDGET (self->fields[0].view));
  return TRUE;
}

gboolean
annex_scope_page_approve (AnnexScopePage  *self,
                          const char      *approved_by,
                          const char      *approved_on,
                          const char      *in_force_from,
                          GError         **error)
{
  AnnexScopeVersion *draft;

  g_return_val_if_fail (ANNEX_IS_SCOPE_PAGE (self), FALSE);
  g_return_val_if_fail (self->versions != NULL, FALSE);

  if (!flush (self))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The draft’s last changes could not be saved."));
      return FALSE;
    }

  draft = find_draft (self);
  if (draft == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no draft."));
      return FALSE;
    }

  if (!annex_scope_version_approve (self->versions, draft, approved_by, approved_on,
                                    in_force_from, error))
    return FALSE;

  /* The approved draft is the version in force now: show it. */
  annex_scope_page_show_version (self, draft);
  self->chosen = FALSE;
  return TRUE;
}

GtkWindow *
annex_scope_page_open_approve_dialog (AnnexScopePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AnnexScopeVersion *draft, *current;
  g_autofree char *body = NULL;
  g_autofree char *date = today ();
  ApproveRows *rows;
  GtkWidget *dialog, *list;

  g_return_val_if_fail (ANNEX_IS_SCOPE_PAGE (self), NULL);

  draft = find_draft (self);
  if (draft == NULL)
    return NULL;
  current = find_current (self);
  flush (self);

  if (current != NULL)
    /* Translators: the approval dialog of a scope draft; the references of the draft and of
     * the version in force */
    body = g_strdup_printf (_("%s becomes the version in force and can no longer be changed. "
                              "%s, in force now, is kept as a superseded version."),
                            annex_record_get_reference (ANNEX_RECORD (draft)),
                            annex_record_get_reference (ANNEX_RECORD (current)));
  else
    body = g_strdup_printf (_("%s becomes the version in force and can no longer be changed."),
                            annex_record_get_reference (ANNEX_RECORD (draft)));

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Approve the Scope?"), body);

  rows = g_new0 (ApproveRows, 1);
  g_object_set_data_full (G_OBJECT (dialog), "rows", rows, g_free);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  rows->approved_by = add_approve_row (list, _("Approved by"),
                                       current != NULL
                                       ? annex_record_get_string (ANNEX_RECORD (current),
                                                                  "approved-by")
                                       : NULL,
                                       ADW_MESSAGE_DIALOG (dialog));
  rows->approved_on = add_approve_row (list, _("Approval date"), date,
                                       ADW_MESSAGE_DIALOG (dialog));
  rows->in_force_from = add_approve_row (list, _("In force from"), date,
                                         ADW_MESSAGE_DIALOG (dialog));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "approve", _("_Approve"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "approve",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "approve");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_approve_response_cb), self, 0);
  on_approve_entry_changed_cb (GTK_EDITABLE (rows->approved_by), ADW_MESSAGE_DIALOG (dialog));

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (rows->approved_by));
  return GTK_WINDOW (dialog);
}
