/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-name-completion.c: a popover of people's names under a record editor's person field,
 * fed from the people register the window sets per workspace. */

#define G_LOG_DOMAIN "annex-name-completion"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "annex-name-completion.h"

#define PEOPLE_KEY "annex-name-completion-people"
#define COMPLETION_KEY "annex-name-completion"

/* What a database offers; the model is only watched, the window keeps it. */
typedef struct
{
  GWeakRef  people;
  char     *property;
} Provider;

/* One person field's completion, kept on its entry row. */
typedef struct
{
  GtkWidget                       *row;      /* the entry row: it owns this */
  const AnnexField                *field;    /* static */
  AnnexNameCompletionDatabaseFunc  database_func;
  gpointer                         user_data;
  GtkEventController              *focus;    /* owned by the row */
  GtkWidget                       *popover;  /* owned; a child of the row while it exists */
  GtkListBox                      *list;     /* in the popover */
  GStrv                            shown;    /* the names in the list */
  gboolean                         choosing; /* writing a chosen name into the row */
} Completion;

/* Which fields name people */

static const char * const person_names[] = {
  "approver", "auditor", "chair", "communicator", "holder", "lead-auditor", "owner",
  "responsible", "reviewer", NULL
};
static const char * const people_names[] = {
  "attendees", "participants", "team", NULL
};

gboolean
annex_field_names_people (const AnnexField *field)
{
  g_return_val_if_fail (field != NULL, FALSE);

  return field->type == ANNEX_FIELD_TEXT &&
         (field->flags & ANNEX_FIELD_FLAG_READ_ONLY) == 0 &&
         g_strv_contains (people_names, field->name);
}

gboolean
annex_field_names_person (const AnnexField *field)
{
  g_return_val_if_fail (field != NULL, FALSE);

  if (field->type != ANNEX_FIELD_TEXT || (field->flags & ANNEX_FIELD_FLAG_READ_ONLY) != 0)
    return FALSE;

  return g_strv_contains (person_names, field->name) ||
         g_str_has_suffix (field->name, "-owner") ||
         g_str_has_suffix (field->name, "-by") ||
         annex_field_names_people (field);
}

/* The provider */

static void
provider_free (gpointer data)
{
  Provider *provider = data;

  g_weak_ref_clear (&provider->people);
  g_free (provider->property);
  g_free (provider);
}

void
annex_name_completion_set_people (AnnexDatabase *database,
                                  GListModel    *people,
                                  const char    *property)
{
  Provider *provider;

  g_return_if_fail (ANNEX_IS_DATABASE (database));
  g_return_if_fail (people == NULL || G_IS_LIST_MODEL (people));
  g_return_if_fail (people == NULL || property != NULL);

  if (people == NULL)
    {
      g_object_set_data (G_OBJECT (database), PEOPLE_KEY, NULL);
      return;
    }

  provider = g_new0 (Provider, 1);
  g_weak_ref_init (&provider->people, people);
  provider->property = g_strdup (property);
  g_object_set_data_full (G_OBJECT (database), PEOPLE_KEY, provider, provider_free);
}

GListModel *
annex_name_completion_get_people (AnnexDatabase  *database,
                                  const char    **out_property)
{
  Provider *provider;
  g_autoptr(GListModel) people = NULL;

  g_return_val_if_fail (ANNEX_IS_DATABASE (database), NULL);

  provider = g_object_get_data (G_OBJECT (database), PEOPLE_KEY);
  if (provider != NULL)
    people = g_weak_ref_get (&provider->people);
  if (out_property != NULL)
    *out_property = people != NULL ? provider->property : NULL;

  /* Borrowed: the window keeps it alive while the database is open. */
  return people;
}

/* Matching */

/* Whether a word of @folded_name (casefolded) begins with @folded_text; *out_at_start tells
 * whether that word is the first. */
static gboolean
name_matches (const char *folded_name,
              const char *folded_text,
              gboolean   *out_at_start)
{
  gsize len = strlen (folded_text);
  const char *p = folded_name;

  *out_at_start = FALSE;
  if (len == 0)
    return TRUE;

  while (*p != '\0')
    {
      if (strncmp (p, folded_text, len) == 0)
        {
          *out_at_start = p == folded_name;
          return TRUE;
        }

      /* On to the next word. */
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)) && *p != '-')
        p = g_utf8_next_char (p);
      while (*p != '\0' && (g_unichar_isspace (g_utf8_get_char (p)) || *p == '-'))
        p = g_utf8_next_char (p);
    }

  return FALSE;
}

char **
annex_name_completion_match (GListModel *people,
                             const char *property,
                             const char *text,
                             guint       max)
{
  g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) later = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *stripped = NULL;
  g_autofree char *folded_text = NULL;
  guint n;

  g_return_val_if_fail (people == NULL || G_IS_LIST_MODEL (people), NULL);

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  folded_text = g_utf8_casefold (stripped, -1);
  /* The text itself is no suggestion: the user has it already. */
  g_hash_table_add (seen, g_strdup (folded_text));

  n = people != NULL && property != NULL ? g_list_model_get_n_items (people) : 0;
  for (guint i = 0; i < n && first->len < max; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (people, i);
      g_autofree char *name = NULL;
      g_autofree char *folded_name = NULL;
      gboolean at_start;

      if (g_object_class_find_property (G_OBJECT_GET_CLASS (item), property) == NULL)
        continue;
      g_object_get (item, property, &name, NULL);
      if (name == NULL)
        continue;
      g_strstrip (name);
      if (*name == '\0')
        continue;

      folded_name = g_utf8_casefold (name, -1);
      if (g_hash_table_contains (seen, folded_name) ||
          !name_matches (folded_name, folded_text, &at_start))
        continue;

      g_hash_table_add (seen, g_steal_pointer (&folded_name));
      g_ptr_array_add (at_start ? first : later, g_steal_pointer (&name));
    }

  for (guint i = 0; i < first->len && i < max; i++)
    g_strv_builder_add (builder, g_ptr_array_index (first, i));
  for (guint i = 0; i < later->len && first->len + i < max; i++)
    g_strv_builder_add (builder, g_ptr_array_index (later, i));

  return g_strv_builder_end (builder);
}

/* The popover */

static Completion *
get_completion (GtkWidget *entry_row)
{
  return g_object_get_data (G_OBJECT (entry_row), COMPLETION_KEY);
}

/* For a field of several names, the text before the name being typed ("Ann Lee, ") and the
 * name itself; else "" and the whole text. */
static void
split_text (Completion  *completion,
            const char  *text,
            char       **out_prefix,
            char       **out_current)
{
  const char *comma = annex_field_names_people (completion->field) ? strrchr (text, ',') : NULL;

  if (comma == NULL)
    {
      *out_prefix = g_strdup ("");
      *out_current = g_strdup (text);
      return;
    }

  *out_prefix = g_strndup (text, comma + 1 - text);
  *out_current = g_strdup (comma + 1);
}

static void
hide_popover (Completion *completion)
{
  if (completion->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (completion->popover));
  g_clear_pointer (&completion->shown, g_strfreev);
}

static void
remove_list_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
choose (Completion *completion,
        guint       index)
{
  g_autofree char *prefix = NULL;
  g_autofree char *current = NULL;
  g_autofree char *text = NULL;
  const char *name;

  if (completion->shown == NULL || index >= g_strv_length (completion->shown))
    return;

  name = completion->shown[index];
  split_text (completion, gtk_editable_get_text (GTK_EDITABLE (completion->row)), &prefix,
              &current);
  text = g_strconcat (prefix, *prefix != '\0' ? " " : "", name, NULL);

  completion->choosing = TRUE;
  hide_popover (completion);
  gtk_editable_set_text (GTK_EDITABLE (completion->row), text);
  gtk_editable_set_position (GTK_EDITABLE (completion->row), -1);
  completion->choosing = FALSE;

  /* Taken as Enter takes a typed value: written at once. */
  g_signal_emit_by_name (completion->row, "entry-activated");
}

static void
on_list_row_activated_cb (GtkListBox    *list,
                          GtkListBoxRow *row,
                          Completion    *completion)
{
  choose (completion, (guint) gtk_list_box_row_get_index (row));
  gtk_widget_grab_focus (completion->row);
}

static void
ensure_popover (Completion *completion)
{
  GtkWidget *scroller;

  if (completion->popover != NULL)
    return;

  completion->popover = g_object_ref_sink (gtk_popover_new ());
  gtk_popover_set_autohide (GTK_POPOVER (completion->popover), FALSE);
  gtk_popover_set_has_arrow (GTK_POPOVER (completion->popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (completion->popover), GTK_POS_BOTTOM);
  gtk_widget_set_halign (completion->popover, GTK_ALIGN_START);
  /* The focus stays in the entry: the keys there move through the list. */
  gtk_widget_set_can_focus (completion->popover, FALSE);
  gtk_widget_add_css_class (completion->popover, "name-completion");

  completion->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_can_focus (GTK_WIDGET (completion->list), FALSE);
  gtk_list_box_set_selection_mode (completion->list, GTK_SELECTION_BROWSE);
  gtk_list_box_set_activate_on_single_click (completion->list, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (completion->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: the list of people (not the control theme) */
                                  C_("register", "People"), -1);
  g_signal_connect (completion->list, "row-activated", G_CALLBACK (on_list_row_activated_cb),
                    completion);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 280);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (completion->list));
  gtk_popover_set_child (GTK_POPOVER (completion->popover), scroller);

  gtk_widget_set_parent (completion->popover, completion->row);
}

static void
show_names (Completion *completion,
            GStrv       names)
{
  int width;

  ensure_popover (completion);
  remove_list_rows (completion->list);
  g_strfreev (completion->shown);
  completion->shown = names;

  for (guint i = 0; names[i] != NULL; i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (names[i]);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_focusable (row, FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_list_box_append (completion->list, row);
    }
  gtk_list_box_unselect_all (completion->list);

  /* As wide as the row, so the names line up under what is typed. */
  width = gtk_widget_get_width (completion->row);
  gtk_widget_set_size_request (completion->popover, width > 48 ? width - 24 : -1, -1);
  gtk_popover_popup (GTK_POPOVER (completion->popover));
}

void
annex_name_completion_update (GtkWidget *entry_row,
                              gboolean   show_all)
{
  Completion *completion;
  AnnexDatabase *database;
  GListModel *people = NULL;
  const char *property = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *current = NULL;
  g_auto(GStrv) names = NULL;

  g_return_if_fail (GTK_IS_WIDGET (entry_row));

  completion = get_completion (entry_row);
  g_return_if_fail (completion != NULL);

  database = completion->database_func (completion->user_data);
  if (database != NULL)
    people = annex_name_completion_get_people (database, &property);

  split_text (completion, gtk_editable_get_text (GTK_EDITABLE (entry_row)), &prefix, &current);
  g_strstrip (current);
  /* Nothing typed yet: the list opens only when asked (Down), not on every visit. */
  if (people == NULL || (*current == '\0' && !show_all))
    {
      hide_popover (completion);
      return;
    }

  names = annex_name_completion_match (people, property, current, ANNEX_NAME_COMPLETION_MAX);
  if (names[0] == NULL)
    {
      hide_popover (completion);
      return;
    }

  show_names (completion, g_steal_pointer (&names));
}

static void
on_changed_cb (GtkEditable *editable,
               Completion  *completion)
{
  /* Only what the user types is completed, not a value the editor loads. */
  if (completion->choosing ||
      !gtk_event_controller_focus_contains_focus (GTK_EVENT_CONTROLLER_FOCUS (completion->focus)))
    return;

  annex_name_completion_update (completion->row, FALSE);
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   Completion              *completion)
{
  hide_popover (completion);
}

static gboolean
popover_shown (Completion *completion)
{
  return completion->popover != NULL && gtk_widget_get_visible (completion->popover) &&
         completion->shown != NULL;
}

static void
move_selection (Completion *completion,
                int         delta)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (completion->list);
  int n = (int) g_strv_length (completion->shown);
  int index;

  if (selected == NULL)
    index = delta > 0 ? 0 : n - 1;
  else
    index = CLAMP (gtk_list_box_row_get_index (selected) + delta, 0, n - 1);

  gtk_list_box_select_row (completion->list, gtk_list_box_get_row_at_index (completion->list,
                                                                            index));
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   Completion            *completion)
{
  GtkListBoxRow *selected;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (!popover_shown (completion))
        {
          annex_name_completion_update (completion->row, TRUE);
          return popover_shown (completion) ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
        }
      move_selection (completion, 1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (!popover_shown (completion))
        return GDK_EVENT_PROPAGATE;
      move_selection (completion, -1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (!popover_shown (completion))
        return GDK_EVENT_PROPAGATE;
      selected = gtk_list_box_get_selected_row (completion->list);
      if (selected == NULL)
        {
          /* Enter keeps the typed text as it is: free text is allowed. */
          hide_popover (completion);
          return GDK_EVENT_PROPAGATE;
        }
      choose (completion, (guint) gtk_list_box_row_get_index (selected));
      return GDK_EVENT_STOP;

    case GDK_KEY_Escape:
      if (!popover_shown (completion))
        return GDK_EVENT_PROPAGATE;
      hide_popover (completion);
      return GDK_EVENT_STOP;

    case GDK_KEY_Tab:
    case GDK_KEY_ISO_Left_Tab:
      hide_popover (completion);
      return GDK_EVENT_PROPAGATE;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
on_row_destroy_cb (GtkWidget  *row,
                   Completion *completion)
{
  /* A popover is a child of its row: it leaves before the row goes. */
  if (completion->popover != NULL)
    gtk_widget_unparent (completion->popover);
  g_clear_object (&completion->popover);
  completion->list = NULL;
}

static void
completion_free (gpointer data)
{
  Completion *completion = data;

  if (completion->popover != NULL)
    gtk_widget_unparent (completion->popover);
  g_clear_object (&completion->popover);
  g_strfreev (completion->shown);
  g_free (completion);
}

void
annex_name_completion_attach (GtkWidget                       *entry_row,
                              const AnnexField                *field,
                              AnnexNameCompletionDatabaseFunc  database_func,
                              gpointer                         user_data)
{
  Completion *completion;
  GtkEventController *key;

  g_return_if_fail (ADW_IS_ENTRY_ROW (entry_row));
  g_return_if_fail (field != NULL);
  g_return_if_fail (database_func != NULL);
  g_return_if_fail (get_completion (entry_row) == NULL);

  completion = g_new0 (Completion, 1);
  completion->row = entry_row;
  completion->field = field;
  completion->database_func = database_func;
  completion->user_data = user_data;
  g_object_set_data_full (G_OBJECT (entry_row), COMPLETION_KEY, completion, completion_free);

  completion->focus = gtk_event_controller_focus_new ();
  g_signal_connect (completion->focus, "leave", G_CALLBACK (on_focus_leave_cb), completion);
  gtk_widget_add_controller (entry_row, completion->focus);

  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), completion);
  gtk_widget_add_controller (entry_row, key);

  g_signal_connect (entry_row, "changed", G_CALLBACK (on_changed_cb), completion);
  g_signal_connect (entry_row, "destroy", G_CALLBACK (on_row_destroy_cb), completion);
}

char **
annex_name_completion_dup_shown (GtkWidget *entry_row)
{
  Completion *completion;

  g_return_val_if_fail (GTK_IS_WIDGET (entry_row), NULL);

  completion = get_completion (entry_row);
  if (completion == NULL || !popover_shown (completion))
    return NULL;

  return g_strdupv (completion->shown);
}

gboolean
annex_name_completion_choose (GtkWidget *entry_row,
                              guint      index)
{
  Completion *completion;

  g_return_val_if_fail (GTK_IS_WIDGET (entry_row), FALSE);

  completion = get_completion (entry_row);
  if (completion == NULL || !popover_shown (completion) ||
      index >= g_strv_length (completion->shown))
    return FALSE;

  choose (completion, index);
  return TRUE;
}
