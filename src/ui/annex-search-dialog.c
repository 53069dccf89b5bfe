/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-search-dialog.c: the "search everywhere" window: runs annex_search_run_async() as the
 * user types (the newest query cancels the one before), shows the groups as rows of one list
 * with a header per register, and keeps the keyboard in the entry (arrows move the selection,
 * Enter opens it). */

#define G_LOG_DOMAIN "annex-search-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-search-dialog.h"
#include "annex-search.h"

/* Enough to recognize a register's matches; the rest is a more precise query away. */
#define MAX_PER_REGISTER 20

struct _AnnexSearchDialog
{
  AdwWindow       parent_instance;

  /* template widgets */
  GtkSearchEntry *search_entry;
  GtkSpinner     *spinner;
  GtkStack       *stack;
  AdwStatusPage  *no_results_page;
  GtkScrolledWindow *scrolled_window;
  GtkListBox     *results_list;

  /* owned */
  AnnexDatabase  *database;
  GCancellable   *cancellable;  /* the running search */
  guint           n_results;
};

G_DEFINE_FINAL_TYPE (AnnexSearchDialog, annex_search_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a result row stands for (the row's data "hit"). */
typedef struct
{
  char       *table;
  gint64      id;
  const char *label;     /* the register's name, static */
  gboolean    has_more;  /* its register had more matches than shown */
} RowData;

static void
row_data_free (RowData *data)
{
  g_free (data->table);
  g_free (data);
}

/* Auxiliary functions */

static void
set_busy (AnnexSearchDialog *self,
          gboolean           busy)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->spinner)) == busy)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
clear_results (AnnexSearchDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);
  self->n_results = 0;
}

static GtkWidget *
create_row (AnnexSearchGroup *group,
            AnnexSearchHit   *hit)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *reference = gtk_label_new (hit->reference);
  GtkWidget *title = gtk_label_new (hit->title != NULL ? hit->title : "");
  RowData *data = g_new0 (RowData, 1);

  data->table = g_strdup (hit->table);
  data->id = hit->id;
  data->label = group->label;
  data->has_more = group->has_more;
  g_object_set_data_full (G_OBJECT (row), "hit", data, (GDestroyNotify) row_data_free);

  /* References are short ("R-004", "IA-2026-01"): a fixed column keeps the titles aligned. */
  gtk_label_set_xalign (GTK_LABEL (reference), 0);
  gtk_label_set_width_chars (GTK_LABEL (reference), 11);
  gtk_label_set_ellipsize (GTK_LABEL (reference), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (reference, "dim-label");
  gtk_widget_add_css_class (reference, "numeric");

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_set_tooltip_text (title, hit->title);

  gtk_box_append (GTK_BOX (box), reference);
  gtk_box_append (GTK_BOX (box), title);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  RowData *data = g_object_get_data (G_OBJECT (row), "hit");
  RowData *before_data = before != NULL ? g_object_get_data (G_OBJECT (before), "hit") : NULL;
  GtkWidget *header, *label;

  if (before_data != NULL && g_strcmp0 (before_data->table, data->table) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (header, "search-header");
  gtk_widget_set_margin_top (header, before != NULL ? 18 : 12);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);

  label = gtk_label_new (data->label);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (header), label);

  if (data->has_more)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("First %d shown", "First %d shown",
                                                         MAX_PER_REGISTER),
                                               MAX_PER_REGISTER);
      GtkWidget *more_label = gtk_label_new (more);

      gtk_widget_add_css_class (more_label, "dim-label");
      gtk_widget_add_css_class (more_label, "caption");
      gtk_box_append (GTK_BOX (header), more_label);
    }

  gtk_list_box_row_set_header (row, header);
}

static void
show_groups (AnnexSearchDialog *self,
             GPtrArray         *groups)
{
  GtkListBoxRow *first;

  clear_results (self);

  for (guint i = 0; i < groups->len; i++)
    {
      AnnexSearchGroup *group = g_ptr_array_index (groups, i);

      for (guint j = 0; j < group->hits->len; j++)
        {
          gtk_list_box_append (self->results_list,
                               create_row (group, g_ptr_array_index (group->hits, j)));
          self->n_results++;
        }
    }

  if (self->n_results == 0)
    {
      g_autofree char *description =
        g_strdup_printf (_("No record matches “%s”. Check the spelling, or try fewer or "
                           "shorter words."),
                         gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

      adw_status_page_set_description (self->no_results_page, description);
      gtk_stack_set_visible_child_name (self->stack, "no-results");
      return;
    }

  first = gtk_list_box_get_row_at_index (self->results_list, 0);
  gtk_list_box_select_row (self->results_list, first);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  gtk_stack_set_visible_child_name (self->stack, "results");
}

static void
open_row (AnnexSearchDialog *self,
          GtkListBoxRow     *row)
{
  RowData *data = g_object_get_data (G_OBJECT (row), "hit");
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  g_return_if_fail (data != NULL);

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-record", "(sx)",
                                data->table, data->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Signal callbacks */

static void
on_search_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AnnexSearchDialog) self = user_data;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;

  groups = annex_search_run_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (groups == NULL)
    {
      g_autofree char *description = g_strdup_printf (_("The search failed: %s"),
                                                      error->message);

      clear_results (self);
      adw_status_page_set_description (self->no_results_page, description);
      gtk_stack_set_visible_child_name (self->stack, "no-results");
      return;
    }

  show_groups (self, groups);
}

static void
start_search (AnnexSearchDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (stripped[0] == '\0' || self->database == NULL)
    {
      clear_results (self);
      set_busy (self, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  /* The results of the previous query stay until the new ones replace them. */
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  annex_search_run_async (annex_database_get_path (self->database), text, MAX_PER_REGISTER,
                          self->cancellable, on_search_done_cb, g_object_ref (self));
}

static void
on_search_entry_search_changed_cb (AnnexSearchDialog *self)
{
  start_search (self);
}

static void
on_search_entry_activate_cb (AnnexSearchDialog *self)
{
  annex_search_dialog_activate_selected (self);
}

static void
on_search_entry_stop_search_cb (AnnexSearchDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_results_list_row_activated_cb (AnnexSearchDialog *self,
                                  GtkListBoxRow     *row)
{
  open_row (self, row);
}

static gboolean
on_entry_key_pressed_cb (AnnexSearchDialog     *self,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         GtkEventControllerKey *controller)
{
  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      annex_search_dialog_move_selection (self, 1);
      return TRUE;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      annex_search_dialog_move_selection (self, -1);
      return TRUE;

    case GDK_KEY_Page_Down:
      annex_search_dialog_move_selection (self, 10);
      return TRUE;

    case GDK_KEY_Page_Up:
      annex_search_dialog_move_selection (self, -10);
      return TRUE;

    default:
      return FALSE;
    }
}

/* Parent overrides */

static void
annex_search_dialog_dispose (GObject *object)
{
  AnnexSearchDialog *self = ANNEX_SEARCH_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANNEX_TYPE_SEARCH_DIALOG);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (annex_search_dialog_parent_class)->dispose (object);
}

static void
annex_search_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AnnexSearchDialog *self = ANNEX_SEARCH_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, annex_search_dialog_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_search_dialog_class_init (AnnexSearchDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = annex_search_dialog_dispose;
  object_class->get_property = annex_search_dialog_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/annex-search-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnexSearchDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AnnexSearchDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnnexSearchDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AnnexSearchDialog, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, AnnexSearchDialog, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, AnnexSearchDialog, results_list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_results_list_row_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
annex_search_dialog_init (AnnexSearchDialog *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_header_func (self->results_list, update_header, NULL, NULL);

  /* The arrows move through the results while the typing goes on in the entry. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_entry_key_pressed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);

  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* Public API */

/**
 * annex_search_dialog_new:
 * @parent: the window whose "win.show-record" opens the results
 * @database: the open workspace to search
 *
 * Returns: (transfer none): a new dialog (owned by GTK's list of toplevels); present it
 */
AnnexSearchDialog *
annex_search_dialog_new (GtkWindow     *parent,
                         AnnexDatabase *database)
{
  AnnexSearchDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ANNEX_IS_DATABASE (database), NULL);

  self = g_object_new (ANNEX_TYPE_SEARCH_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->database = g_object_ref (database);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  return self;
}

void
annex_search_dialog_set_text (AnnexSearchDialog *self,
                              const char        *text)
{
  g_return_if_fail (ANNEX_IS_SEARCH_DIALOG (self));
  g_return_if_fail (text != NULL);

  /* Blocked, so the entry's delayed "search-changed" does not search a second time. */
  g_signal_handlers_block_by_func (self->search_entry, on_search_entry_search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  g_signal_handlers_unblock_by_func (self->search_entry, on_search_entry_search_changed_cb, self);
  start_search (self);
}

gboolean
annex_search_dialog_get_busy (AnnexSearchDialog *self)
{
  g_return_val_if_fail (ANNEX_IS_SEARCH_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

guint
annex_search_dialog_get_n_results (AnnexSearchDialog *self)
{
  g_return_val_if_fail (ANNEX_IS_SEARCH_DIALOG (self), 0);

  return self->n_results;
}

const char *
annex_search_dialog_get_state (AnnexSearchDialog *self)
{
  g_return_val_if_fail (ANNEX_IS_SEARCH_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
annex_search_dialog_activate_selected (AnnexSearchDialog *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (ANNEX_IS_SEARCH_DIALOG (self), FALSE);

  row = gtk_list_box_get_selected_row (self->results_list);
  if (row == NULL || self->n_results == 0)
    return FALSE;

  open_row (self, row);
  return TRUE;
}

void
annex_search_dialog_move_selection (AnnexSearchDialog *self,
                                    int                delta)
{
  GtkListBoxRow *row;
  int index;

  g_return_if_fail (ANNEX_IS_SEARCH_DIALOG (self));

  if (self->n_results == 0)
    return;

  row = gtk_list_box_get_selected_row (self->results_list);
  index = row != NULL ? gtk_list_box_row_get_index (row) + delta : 0;
  index = CLAMP (index, 0, (int) self->n_results - 1);
  row = gtk_list_box_get_row_at_index (self->results_list, index);
  gtk_list_box_select_row (self->results_list, row);

  /* Keep the selected row in sight (with its header for the first of a register). */
  {
    graphene_rect_t bounds;
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
    GtkWidget *target = gtk_list_box_row_get_header (row) != NULL && index > 0
                          ? gtk_list_box_row_get_header (row) : GTK_WIDGET (row);

    if (index == 0)
      gtk_adjustment_set_value (adjustment, 0);
    else if (gtk_widget_compute_bounds (target, GTK_WIDGET (self->results_list), &bounds))
      {
        double top = bounds.origin.y;
        double bottom = top + bounds.size.height;

        if (target != GTK_WIDGET (row) &&
            gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->results_list),
                                       &bounds))
          bottom = bounds.origin.y + bounds.size.height;

        gtk_adjustment_clamp_page (adjustment, top, bottom);
      }
  }
}
