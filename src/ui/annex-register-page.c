/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-register-page.c: the register page: search and facet filters, a sortable column view
 * generated from the record type's field table, multi-selection with a bulk edit, the record
 * editor beside the list (or over it when narrow), new, delete and undo. */

#define G_LOG_DOMAIN "annex-register-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "annex-bulk-edit-dialog.h"
#include "annex-clause-guide.h"
#include "annex-record-editor.h"
#include "annex-record-view.h"
#include "annex-register-format.h"
#include "annex-register-page.h"
#include "annex-text-scale.h"
#include "annex-toast.h"

/* The title column keeps at least this width; other columns give way when the list is narrow. */
#define TITLE_MIN_WIDTH 160
/* Narrower than this, the list and the editor do not fit side by side (their width-requests in
 * the .ui plus the separator): the editor becomes a full page, opened by activating a row. */
#define NARROW_WIDTH 721
/* A list narrower than this gets the compact toolbar and selection bar (icon-only filter, New,
 * Select All and Clear buttons). The labels only the wide state shows can ellipsize, so a page's
 * minimum width does not grow with the state its bars were last left in (hidden pages count). */
#define COMPACT_LIST_WIDTH 600
/* The widths of the check box and warning columns. */
#define CHECK_COLUMN_WIDTH 40
#define WARNING_COLUMN_WIDTH 28
/* The width of the reference column: "A-001", "5.10", "9.2.1". */
#define REFERENCE_COLUMN_WIDTH 72
#define YEARLY_REFERENCE_COLUMN_WIDTH 112

typedef enum
{
  COLUMN_REFERENCE,
  COLUMN_FIELD,
  COLUMN_WARNING,
  COLUMN_CHECK,
  COLUMN_CUSTOM,   /* annex_register_page_add_column() */
} ColumnKind;

/* What one generated column shows. */
typedef struct
{
  ColumnKind        kind;
  AnnexRegisterPage *page;         /* borrowed: columns live no longer than the page */
  guint             index;         /* COLUMN_FIELD: into the field table */
  const AnnexField *field;         /* COLUMN_FIELD */
  gboolean          display_title; /* the title column shows the "display-title" property */
  guint             due_index;     /* the DATE field the "overdue" marking refers to */
  gboolean          has_overdue;   /* the record type has a boolean "overdue" property */
  gboolean          marks_overdue; /* this column is that date: error style and a warning icon */
  int               width;         /* fixed width; -1 for the column that takes the spare width */
  guint             priority;      /* lower keeps its place longer when the list is narrow */
  GtkSorter        *sorter;        /* COLUMN_CUSTOM: the column's own sorter (borrowed from the
                                    * custom column, which lives as long as the page) */
} ColumnInfo;

struct _AnnexRegisterPage
{
  GtkWidget           parent_instance;

  /* template widgets */
  AdwLeaflet         *leaflet;
  GtkWidget          *back_button;
  GtkWidget          *list_pane;
  GtkSearchEntry     *search_entry;
  GtkMenuButton      *filter_button;
  GtkLabel           *filter_label;
  GtkGrid            *facets_grid;
  GtkLabel           *count_label;
  GtkWidget          *select_button;
  GtkWidget          *new_button;
  GtkWidget          *new_button_label;
  GtkWidget          *editor_toolbar;
  GtkWidget          *editor_toolbar_separator;
  GtkWidget          *guide_box;
  AnnexClauseGuide   *clause_guide;
  GtkWidget          *header_slot;
  GtkStack           *content_stack;
  GtkSpinner         *spinner;
  AdwStatusPage      *empty_status;
  GtkButton          *empty_new_button;
  AdwStatusPage      *no_results_status;
  GtkWidget          *no_results_clear_button;
  GtkColumnView      *column_view;
  GtkMultiSelection  *selection;
  AnnexRecordView    *view;
  GtkActionBar       *selection_bar;
  GtkLabel           *selection_label;
  GtkWidget          *select_all_button;
  GtkWidget          *select_all_icon;
  GtkWidget          *select_all_label;
  GtkWidget          *clear_selection_button;
  GtkWidget          *clear_selection_icon;
  GtkWidget          *clear_selection_label;
  GtkWidget          *editor_separator;
  GtkWidget          *editor_pane;
  GtkWidget          *add_button;
  AnnexRecordEditor  *editor;

  /* owned */
  AnnexRegister      *register_;
  GSignalGroup       *register_signals;
  AnnexRecordFilter  *filter;
  GPtrArray          *columns;     /* GtkColumnViewColumn added for the current record type */
  gpointer            probed_column; /* ColumnInfo: see "Sorting" */
  GType               columns_type;
  GtkColumnViewColumn *check_column;
  guint               fit_columns_source;
  int                 fitted_width;
  guint               text_scale;  /* percent: the fixed column widths grow with the text */
  gboolean            narrow;
  gboolean            compact;
  gboolean            show_back_button;
  gboolean            selection_mode;
  gboolean            can_add;
  gboolean            syncing_facets;  /* copying the filter's state into the drop-downs */
  gboolean            settling_draft;  /* adding the draft the editor leaves */
  guint               n_selected;
  guint               n_active_filters;
  char               *title;
  char               *icon_name;
  char               *description;
  char               *empty_title;
  char               *search_placeholder;
  char               *new_label;
  guint               n_shown;
  guint               n_total;
  AnnexRecordWarningFunc warning_func;
  gpointer            warning_data;
  GDestroyNotify      warning_destroy;
  AnnexFieldVisibleFunc visible_func;
  gpointer            visible_data;
  GDestroyNotify      visible_destroy;
  GStrv               bulk_fields;
  GStrv               column_priority;
  GPtrArray          *custom_columns;  /* CustomColumn: annex_register_page_add_column() */
  GtkWidget          *bulk_dialog;     /* weak pointer: the open bulk edit dialog */
};

G_DEFINE_FINAL_TYPE (AnnexRegisterPage, annex_register_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REGISTER,
  PROP_TITLE,
  PROP_ICON_NAME,
  PROP_DESCRIPTION,
  PROP_EMPTY_TITLE,
  PROP_SEARCH_PLACEHOLDER,
  PROP_NEW_LABEL,
  PROP_N_SHOWN,
  PROP_N_TOTAL,
  PROP_SHOW_BACK_BUTTON,
  PROP_SELECTION_MODE,
  PROP_N_SELECTED,
  PROP_N_ACTIVE_FILTERS,
  PROP_CAN_ADD,
  PROP_CLAUSE,
  PROP_CLAUSE_EXAMPLE,
  N_PROPS
};

enum {
  ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void build_columns (AnnexRegisterPage *self,
                           GType              record_type);
static void remove_columns (AnnexRegisterPage *self);

/* Auxiliary methods */

static void
emit_toast (AnnexRegisterPage *self,
            AdwToast          *toast)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static void
emit_error_toast (AnnexRegisterPage *self,
                  const GError      *error)
{
  g_autoptr(AdwToast) toast = annex_toast_new_for_error (error);

  emit_toast (self, toast);
}

/* What a toast calls a record: its title, else its reference. */
static char *
dup_record_label (AnnexRecord *record)
{
  g_autofree char *display_title = NULL;
  const char *text = NULL;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (record), "display-title") != NULL)
    {
      g_object_get (record, "display-title", &display_title, NULL);
      text = display_title;
    }
  else if (annex_record_class_find_field (ANNEX_RECORD_GET_CLASS (record), "title", NULL) != NULL)
    text = annex_record_get_string (record, "title");
  if (text == NULL || *text == '\0')
    text = annex_record_get_reference (record);
  if (text == NULL || *text == '\0')
    text = _("Untitled");

  return g_strdup (text);
}

static const char *
get_table (AnnexRegisterPage *self)
{
  g_autoptr(GTypeClass) klass = NULL;

  if (self->register_ == NULL)
    return NULL;

  /* The class lives as long as the type (static types are never unloaded). */
  klass = g_type_class_ref (annex_register_get_record_type (self->register_));
  return annex_record_class_get_table (ANNEX_RECORD_CLASS (klass));
}

static AnnexRecord *
get_editor_record (AnnexRegisterPage *self)
{
  return annex_record_editor_get_record (self->editor);
}

static gboolean
editor_is_open (AnnexRegisterPage *self)
{
  return get_editor_record (self) != NULL;
}

static GtkSelectionModel *
get_selection_model (AnnexRegisterPage *self)
{
  return GTK_SELECTION_MODEL (self->selection);
}

static guint
count_selected (AnnexRegisterPage *self)
{
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (get_selection_model (self));

  return (guint) MIN (gtk_bitset_get_size (set), G_MAXUINT);
}

/* The selected record when exactly one is selected (borrowed: the register keeps its items). */
static AnnexRecord *
get_single_selected (AnnexRegisterPage *self)
{
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (get_selection_model (self));
  g_autoptr(AnnexRecord) item = NULL;

  if (gtk_bitset_get_size (set) != 1)
    return NULL;

  item = g_list_model_get_item (G_LIST_MODEL (self->selection), gtk_bitset_get_minimum (set));
  return item;
}

/* Folded, the editor covers the list and needs a way back, unless the page's container
 * routes its own back button here (annex_register_page_navigate_back()). */
static void
update_back_button (AnnexRegisterPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->back_button),
                          self->show_back_button && adw_leaflet_get_folded (self->leaflet));
}

/* The editor's toolbar holds a back button (folded), Add (a new record) and a close button
 * (unfolded); when it would be empty (folded, the window's back button serving), it goes. */
static void
update_editor_toolbar (AnnexRegisterPage *self)
{
  gboolean empty = adw_leaflet_get_folded (self->leaflet) && !self->show_back_button &&
                   !gtk_widget_get_visible (self->add_button);

  gtk_widget_set_visible (self->editor_toolbar, !empty);
  gtk_widget_set_visible (self->editor_toolbar_separator, !empty);
}

/* The record Delete acts on: the one selected, or else the saved record in the editor. */
static AnnexRecord *
get_delete_target (AnnexRegisterPage *self)
{
  AnnexRecord *record = get_editor_record (self);

  if (self->n_selected > 1)
    return NULL;
  if (self->n_selected == 1)
    return get_single_selected (self);
  if (record != NULL && annex_record_get_id (record) != 0)
    return record;
  return NULL;
}

static void
update_actions (AnnexRegisterPage *self)
{
  AnnexRecord *record = get_editor_record (self);
  AnnexRecord *target = get_delete_target (self);
  gboolean loaded = self->register_ != NULL && annex_register_get_loaded (self->register_);
  gboolean is_new = record != NULL && annex_record_get_id (record) == 0;
  gboolean can_delete = target != NULL && annex_record_can_delete (target, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.new", loaded && self->can_add);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.add",
                                 is_new && annex_record_editor_get_valid (self->editor));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.delete", loaded && can_delete);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.edit-selected",
                                 loaded && self->n_selected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.clear-selection",
                                 self->n_selected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.select-all",
                                 loaded && self->n_shown > self->n_selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.clear-filters",
                                 self->n_active_filters > 0);
  gtk_widget_set_visible (self->add_button, is_new);
  update_editor_toolbar (self);
}

static void
update_texts (AnnexRegisterPage *self)
{
  g_autofree char *placeholder = NULL;
  g_autofree char *empty_title = NULL;

  if (self->search_placeholder != NULL)
    placeholder = g_strdup (self->search_placeholder);
  else
    placeholder = annex_format_search_placeholder ();
  g_object_set (self->search_entry, "placeholder-text", placeholder, NULL);

  if (self->empty_title != NULL)
    empty_title = g_strdup (self->empty_title);
  else
    empty_title = annex_format_empty_title (self->title);
  adw_status_page_set_title (self->empty_status, empty_title);
  adw_status_page_set_description (self->empty_status, self->description);
  adw_status_page_set_icon_name (self->empty_status, self->icon_name);
  gtk_button_set_label (self->empty_new_button,
                        self->new_label != NULL ? self->new_label : _("_New Record"));
}

static void
update_filter_button (AnnexRegisterPage *self)
{
  g_autofree char *label = NULL;
  g_autofree char *tooltip = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->filter_button),
                          annex_record_filter_get_n_facets (self->filter) > 0);

  if (self->n_active_filters == 0)
    label = self->compact ? NULL : g_strdup (_("_Filters"));
  else if (self->compact)
    label = g_strdup_printf ("%u", self->n_active_filters);
  else
    /* Translators: the filter button when filters are set; %u is how many. */
    label = g_strdup_printf (_("_Filters (%u)"), self->n_active_filters);

  gtk_label_set_label (self->filter_label, label != NULL ? label : "");
  gtk_widget_set_visible (GTK_WIDGET (self->filter_label), label != NULL);
  if (self->n_active_filters > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "filters-active");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "filters-active");

  tooltip = annex_format_filters_tooltip (self->n_active_filters);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_button), tooltip);
}

/* The clause guide shows above the list and the search's "No Results"; the empty state's
 * description already says what the clause asks. */
static void
update_guide (AnnexRegisterPage *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->content_stack);
  const char *clause = annex_clause_guide_get_text (self->clause_guide);

  gtk_widget_set_visible (self->guide_box,
                          clause != NULL && *clause != '\0' &&
                          (g_strcmp0 (page, "list") == 0 || g_strcmp0 (page, "no-results") == 0));
}

static void
update_state (AnnexRegisterPage *self)
{
  const char *page;
  gboolean loaded = self->register_ != NULL && annex_register_get_loaded (self->register_);
  gboolean pending = annex_record_view_get_pending (self->view);

  if (self->register_ == NULL)
    page = "empty";
  else if (!loaded)
    page = "loading";
  else if (self->n_total == 0)
    page = "empty";
  else if (self->n_shown == 0 && !pending)
    page = "no-results";
  else
    page = "list";

  gtk_stack_set_visible_child_name (self->content_stack, page);
  update_guide (self);
  gtk_spinner_set_spinning (self->spinner, g_str_equal (page, "loading"));
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), loaded && self->n_total > 0);
  /* Nothing to search in an empty register. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), self->n_total > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->filter_button), self->n_total > 0);
  gtk_widget_set_sensitive (self->select_button, self->n_total > 0);

  adw_status_page_set_description (self->no_results_status,
                                   self->n_active_filters > 0
                                   ? _("Try a different search, or clear the filters")
                                   : _("Try a different search"));
  gtk_widget_set_visible (self->no_results_clear_button, self->n_active_filters > 0);
  update_actions (self);
}

static void
update_count (AnnexRegisterPage *self)
{
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->view));
  guint n_total = 0;
  g_autofree char *text = NULL;

  if (self->register_ != NULL)
    n_total = g_list_model_get_n_items (G_LIST_MODEL (self->register_));
  text = annex_format_count (n_shown, n_total);
  gtk_label_set_label (self->count_label, text);

  if (n_shown != self->n_shown)
    {
      self->n_shown = n_shown;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SHOWN]);
    }
  if (n_total != self->n_total)
    {
      self->n_total = n_total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
    }

  update_state (self);
}

/* The position of @record in the list as shown (after filters and sort), or G_MAXUINT. */
static guint
find_shown_position (AnnexRegisterPage *self,
                     AnnexRecord       *record)
{
  guint position = annex_record_view_find (self->view, record);

  /* A large register may still be computing the list that holds @record (a reload, a sort):
   * the caller wants it now. */
  if (position == G_MAXUINT && annex_record_view_get_pending (self->view))
    {
      annex_record_view_flush (self->view);
      position = annex_record_view_find (self->view, record);
    }

  return position;
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        return child;
    }

  return NULL;
}

static void
select_record (AnnexRegisterPage *self,
               AnnexRecord       *record)
{
  guint position = find_shown_position (self, record);
  GtkWidget *list_view;

  if (position == G_MAXUINT)
    return;

  gtk_selection_model_select_item (get_selection_model (self), position, TRUE);

  /* GTK 4.8 has no gtk_column_view_scroll_to(): its list view has list.scroll-to-item. */
  list_view = find_list_view (GTK_WIDGET (self->column_view));
  if (list_view != NULL)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position);
}

static void open_editor (AnnexRegisterPage *self,
                         AnnexRecord       *record,
                         gboolean           focus_editor);
static void on_toast_dismissed_cb (AdwToast *toast);

/* Unsaved new records */

/* TRUE when the user typed something into @draft: a value (or the reference) differs from a
 * fresh new record's. */
static gboolean
draft_was_edited (AnnexRegisterPage *self,
                  AnnexRecord       *draft)
{
  g_autoptr(AnnexRecord) fresh = annex_register_new_record (self->register_);
  guint n_fields = 0;

  annex_record_class_get_fields (ANNEX_RECORD_GET_CLASS (draft), &n_fields);

  if (g_strcmp0 (annex_record_get_reference (draft), annex_record_get_reference (fresh)) != 0)
    return TRUE;

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *value = _annex_record_dup_value_string (draft, i);
      g_autofree char *initial = _annex_record_dup_value_string (fresh, i);

      if (g_strcmp0 (value, initial) != 0)
        return TRUE;
    }

  return FALSE;
}

static void
on_draft_undo_clicked_cb (AdwToast          *toast,
                          AnnexRegisterPage *self)
{
  AnnexRecord *draft = g_object_get_data (G_OBJECT (toast), "annex-record");
  AnnexRegister *register_ = g_object_get_data (G_OBJECT (toast), "annex-register");

  /* Only into the register it was typed for, while it is still loaded there. */
  if (draft == NULL || register_ == NULL || register_ != self->register_ ||
      !annex_register_get_loaded (register_))
    return;

  g_object_ref (draft);
  gtk_selection_model_unselect_all (get_selection_model (self));
  open_editor (self, draft, TRUE);
  g_object_unref (draft);
}

/* The editor is about to leave a new record that was never added ("New", then another row,
 * Escape or closing the editor): a valid one is added as if Add had been pressed; an invalid
 * one the user typed into is discarded with a toast offering Undo; an untouched one goes
 * silently. */
static void
settle_draft (AnnexRegisterPage *self)
{
  g_autoptr(AnnexRecord) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) toast = NULL;
  AnnexRecord *record = get_editor_record (self);

  if (self->register_ == NULL || record == NULL || annex_record_get_id (record) != 0 ||
      self->settling_draft)
    return;

  draft = g_object_ref (record);
  annex_record_editor_flush (self->editor);

  if (annex_record_editor_get_valid (self->editor) && annex_record_validate (draft, NULL))
    {
      self->settling_draft = TRUE;
      if (!annex_register_add (self->register_, draft, &error))
        emit_error_toast (self, error);
      self->settling_draft = FALSE;
      return;
    }

  if (!draft_was_edited (self, draft))
    return;

  toast = adw_toast_new (_("Unsaved record discarded"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "annex-record", g_steal_pointer (&draft),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "annex-register", g_object_ref (self->register_),
                          g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_draft_undo_clicked_cb), self,
                           0);
  g_signal_connect (toast, "dismissed", G_CALLBACK (on_toast_dismissed_cb), NULL);
  emit_toast (self, toast);
}

static void
open_editor (AnnexRegisterPage *self,
             AnnexRecord       *record,
             gboolean           focus_editor)
{
  if (record != get_editor_record (self))
    settle_draft (self);

  annex_record_editor_set_record (self->editor, record);

  gtk_widget_set_visible (self->editor_separator, TRUE);
  gtk_widget_set_visible (self->editor_pane, TRUE);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->editor_pane);

  update_actions (self);

  if (focus_editor)
    annex_record_editor_focus_first (self->editor);
}

/* Closes the editor; @unselect also clears the selection (closing it by hand), else the
 * selection stays (the editor makes way for a multi-selection). */
static gboolean
hide_editor (AnnexRegisterPage *self,
             gboolean           unselect)
{
  GtkRoot *root;
  GtkWidget *focus = NULL;
  gboolean focus_was_in_editor = FALSE;

  if (!editor_is_open (self))
    return FALSE;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (root != NULL)
    focus = gtk_root_get_focus (root);
  if (focus != NULL && gtk_widget_is_ancestor (focus, self->editor_pane))
    focus_was_in_editor = TRUE;

  annex_record_editor_flush (self->editor);
  annex_record_editor_set_record (self->editor, NULL);
  if (unselect)
    gtk_selection_model_unselect_all (get_selection_model (self));

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_set_visible (self->editor_pane, FALSE);
  gtk_widget_set_visible (self->editor_separator, FALSE);

  if (focus_was_in_editor)
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));

  update_actions (self);
  return TRUE;
}

static gboolean
close_editor (AnnexRegisterPage *self)
{
  settle_draft (self);
  return hide_editor (self, TRUE);
}

static void
set_query (AnnexRegisterPage *self,
           const char        *text)
{
  annex_record_filter_set_search (self->filter, text);
  update_count (self);
}

static void
update_selection (AnnexRegisterPage *self)
{
  guint n = count_selected (self);
  gboolean show_bar = n > 1 || (self->selection_mode && n > 0);

  if (n != self->n_selected)
    {
      g_autofree char *text = annex_format_selected (n);

      self->n_selected = n;
      gtk_label_set_label (self->selection_label, text);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SELECTED]);
    }

  if (gtk_action_bar_get_revealed (self->selection_bar) != show_bar)
    gtk_action_bar_set_revealed (self->selection_bar, show_bar);
}

/* Filters */

static void
update_n_active_filters (AnnexRegisterPage *self)
{
  guint n = annex_record_filter_get_n_active (self->filter);

  if (n != self->n_active_filters)
    {
      self->n_active_filters = n;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ACTIVE_FILTERS]);
    }

  update_filter_button (self);
}

/* Copies the filter's facet choices into the popover's drop-downs. */
static void
sync_facets_ui (AnnexRegisterPage *self)
{
  GtkWidget *child;

  self->syncing_facets = TRUE;
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->facets_grid));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *name = g_object_get_data (G_OBJECT (child), "annex-facet-name");
      guint choice;
      guint position;

      if (!GTK_IS_DROP_DOWN (child) || name == NULL)
        continue;

      choice = annex_record_filter_get_facet (self->filter, name);
      position = choice == ANNEX_FACET_ANY ? 0 : choice + 1;
      if (gtk_drop_down_get_selected (GTK_DROP_DOWN (child)) != position)
        gtk_drop_down_set_selected (GTK_DROP_DOWN (child), position);
    }
  self->syncing_facets = FALSE;

  update_n_active_filters (self);
}

static void
on_facet_selected_cb (GtkDropDown       *drop_down,
                      GParamSpec        *pspec,
                      AnnexRegisterPage *self)
{
  const char *name = g_object_get_data (G_OBJECT (drop_down), "annex-facet-name");
  guint position = gtk_drop_down_get_selected (drop_down);

  if (self->syncing_facets || name == NULL || position == GTK_INVALID_LIST_POSITION)
    return;

  annex_register_page_set_facet (self, name, position == 0 ? ANNEX_FACET_ANY : position - 1);
}

static void
facet_item_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  button)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* The button shows the choice in a bounded width, so a long choice ("Threat and
   * vulnerability management") does not widen the popover beyond a narrow window. */
  if (button != NULL)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
    }
  gtk_list_item_set_child (item, label);
}

static void
facet_item_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  button)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (string));
}

static GtkListItemFactory *
create_facet_factory (gboolean button)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (facet_item_setup_cb),
                    button ? GINT_TO_POINTER (1) : NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (facet_item_bind_cb), NULL);
  return factory;
}

static void
rebuild_facets_ui (AnnexRegisterPage *self)
{
  GtkWidget *child;
  guint n = annex_record_filter_get_n_facets (self->filter);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->facets_grid))) != NULL)
    gtk_grid_remove (self->facets_grid, child);

  for (guint i = 0; i < n; i++)
    {
      const char * const *choices = annex_record_filter_get_facet_choices (self->filter, i);
      const char *label_text = annex_record_filter_get_facet_label (self->filter, i);
      g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
      g_autoptr(GtkListItemFactory) button_factory = NULL;
      g_autoptr(GtkListItemFactory) list_factory = NULL;
      GtkWidget *label, *drop_down;

      /* Translators: the choice of a filter that lets every record through. */
      gtk_string_list_append (model, C_("filter", "Any"));
      for (guint j = 0; choices[j] != NULL; j++)
        gtk_string_list_append (model, choices[j]);

      label = gtk_label_new (label_text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      /* Long compounds ("Informationssicherheitseigenschaften") break inside the word rather
       * than widen the popover beyond a narrow window. */
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
      gtk_widget_set_hexpand (label, TRUE);

      drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&model)), NULL);
      button_factory = create_facet_factory (TRUE);
      list_factory = create_facet_factory (FALSE);
      gtk_drop_down_set_factory (GTK_DROP_DOWN (drop_down), button_factory);
      gtk_drop_down_set_list_factory (GTK_DROP_DOWN (drop_down), list_factory);
      gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (drop_down),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
      g_object_set_data_full (G_OBJECT (drop_down), "annex-facet-name",
                              g_strdup (annex_record_filter_get_facet_name (self->filter, i)),
                              g_free);
      g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (on_facet_selected_cb),
                               self, 0);

      gtk_grid_attach (self->facets_grid, label, 0, (int) i, 1, 1);
      gtk_grid_attach (self->facets_grid, drop_down, 1, (int) i, 1, 1);
    }

  sync_facets_ui (self);
}

/* A value that decides a facet may have changed on some records (a bulk edit, an undo): shown
 * records may no longer pass and hidden ones may now. */
static void
refilter (AnnexRegisterPage *self)
{
  if (gtk_filter_get_strictness (GTK_FILTER (self->filter)) != GTK_FILTER_MATCH_ALL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static gboolean
view_filter_cb (AnnexRecord *record,
                gpointer     user_data)
{
  return annex_record_filter_matches (user_data, record);
}

/* The search or a facet changed: the view recomputes what it shows. */
static void
on_filter_changed_cb (AnnexRegisterPage *self,
                      GtkFilterChange    change)
{
  gboolean match_all = gtk_filter_get_strictness (GTK_FILTER (self->filter)) ==
                       GTK_FILTER_MATCH_ALL;
  AnnexRefilter refilter = ANNEX_REFILTER_DIFFERENT;

  if (change == GTK_FILTER_CHANGE_MORE_STRICT)
    refilter = ANNEX_REFILTER_MORE_STRICT;
  else if (change == GTK_FILTER_CHANGE_LESS_STRICT)
    refilter = ANNEX_REFILTER_LESS_STRICT;

  annex_record_view_refilter (self->view, refilter, match_all);
}

/* Cells */

static GtkWidget *
cell_get_label (GtkWidget *child)
{
  if (GTK_IS_INSCRIPTION (child))
    return child;
  return gtk_widget_get_first_child (child);
}

static void
cell_update (GtkListItem *item,
             ColumnInfo  *info,
             AnnexRecord *record)
{
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;
  GtkWidget *label;

  if (info->kind == COLUMN_WARNING)
    {
      AnnexRegisterPage *self = info->page;

      if (self->warning_func != NULL)
        text = self->warning_func (record, self->warning_data);
      gtk_widget_set_visible (gtk_widget_get_first_child (child), text != NULL);
      return;
    }

  label = cell_get_label (child);
  if (info->kind == COLUMN_REFERENCE)
    text = g_strdup (annex_record_get_reference (record));
  else if (info->display_title)
    g_object_get (record, "display-title", &text, NULL);
  else
    text = annex_format_field_value (info->field, annex_record_get_value (record, info->index));

  gtk_inscription_set_text (GTK_INSCRIPTION (label), text);

  if (info->marks_overdue)
    {
      GtkWidget *icon = gtk_widget_get_last_child (child);
      gboolean overdue = FALSE;

      g_object_get (record, "overdue", &overdue, NULL);
      if (overdue)
        gtk_widget_add_css_class (label, "error");
      else
        gtk_widget_remove_css_class (label, "error");
      gtk_widget_set_visible (icon, overdue);
    }
}

/* The "Overdue since …" tooltip, computed only when the pointer rests on a cell: setting tooltips
 * while binding costs a pointer query per cell. GTK 4.8 gives cells no access to their row, so
 * every cell of an overdue row answers. */
static gboolean
on_cell_query_tooltip_cb (GtkWidget   *child,
                          int          x,
                          int          y,
                          gboolean     keyboard_mode,
                          GtkTooltip  *tooltip,
                          GtkListItem *item)
{
  ColumnInfo *info = g_object_get_data (G_OBJECT (item), "annex-column-info");
  AnnexRecord *record = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;
  const GValue *due;
  gboolean overdue = FALSE;

  if (record == NULL || !info->has_overdue)
    return FALSE;

  g_object_get (record, "overdue", &overdue, NULL);
  if (!overdue)
    return FALSE;

  due = annex_record_get_value (record, info->due_index);
  text = annex_format_overdue_tooltip (due != NULL ? g_value_get_string (due) : NULL);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static gboolean
on_warning_query_tooltip_cb (GtkWidget   *child,
                             int          x,
                             int          y,
                             gboolean     keyboard_mode,
                             GtkTooltip  *tooltip,
                             GtkListItem *item)
{
  ColumnInfo *info = g_object_get_data (G_OBJECT (item), "annex-column-info");
  AnnexRecord *record = gtk_list_item_get_item (item);
  AnnexRegisterPage *self = info->page;
  g_autofree char *text = NULL;

  if (record == NULL || self->warning_func == NULL)
    return FALSE;

  text = self->warning_func (record, self->warning_data);
  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_cell_record_notify_cb (AnnexRecord *record,
                          GParamSpec  *pspec,
                          GtkListItem *item)
{
  ColumnInfo *info = g_object_get_data (G_OBJECT (item), "annex-column-info");
  const char *name;

  /* Whatever changed may change what the warning function says. */
  if (info->kind == COLUMN_WARNING)
    {
      cell_update (item, info, record);
      return;
    }

  if (info->kind == COLUMN_REFERENCE)
    name = "reference";
  else if (info->display_title)
    name = "display-title";
  else
    name = info->field->name;

  if (g_str_equal (pspec->name, name) ||
      (info->marks_overdue && g_str_equal (pspec->name, "overdue")))
    cell_update (item, info, record);
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               ColumnInfo               *info)
{
  GtkWidget *label;
  GtkWidget *child;

  if (info->kind == COLUMN_WARNING)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_visible (icon, FALSE);
      child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      gtk_widget_set_halign (icon, GTK_ALIGN_CENTER);
      gtk_widget_set_hexpand (icon, TRUE);
      gtk_box_append (GTK_BOX (child), icon);
      gtk_widget_set_has_tooltip (child, TRUE);
      g_signal_connect (child, "query-tooltip", G_CALLBACK (on_warning_query_tooltip_cb), item);
      g_object_set_data (G_OBJECT (item), "annex-column-info", info);
      gtk_list_item_set_child (item, child);
      return;
    }

  child = label = gtk_inscription_new (NULL);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (label),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (label), 0);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), info->kind == COLUMN_REFERENCE ? 5 : 6);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label), info->kind == COLUMN_REFERENCE ? 6 : 14);
  gtk_widget_set_hexpand (label, TRUE);

  if (info->kind == COLUMN_REFERENCE || info->field->type == ANNEX_FIELD_DATE)
    gtk_widget_add_css_class (label, "numeric");

  if (info->marks_overdue)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "error");
      gtk_widget_set_visible (icon, FALSE);
      child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_box_append (GTK_BOX (child), label);
      gtk_box_append (GTK_BOX (child), icon);
    }

  if (info->has_overdue)
    {
      gtk_widget_set_has_tooltip (child, TRUE);
      g_signal_connect (child, "query-tooltip", G_CALLBACK (on_cell_query_tooltip_cb), item);
    }

  g_object_set_data (G_OBJECT (item), "annex-column-info", info);
  gtk_list_item_set_child (item, child);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ColumnInfo               *info)
{
  AnnexRecord *record = gtk_list_item_get_item (item);
  gulong handler;

  cell_update (item, info, record);

  /* One handler per visible cell, removed on unbind: rows are recycled while scrolling. */
  handler = g_signal_connect (record, "notify", G_CALLBACK (on_cell_record_notify_cb), item);
  g_object_set_data (G_OBJECT (item), "annex-notify-handler", GSIZE_TO_POINTER (handler));
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                ColumnInfo               *info)
{
  AnnexRecord *record = gtk_list_item_get_item (item);
  gulong handler = GPOINTER_TO_SIZE (g_object_steal_data (G_OBJECT (item), "annex-notify-handler"));

  if (record != NULL && handler != 0)
    g_signal_handler_disconnect (record, handler);
}

/* The check box of a row in selection mode: it shows and toggles the row's selection. */
static void
on_check_toggled_cb (GtkCheckButton *check,
                     GtkListItem    *item)
{
  GtkWidget *widget = GTK_WIDGET (check);
  AnnexRegisterPage *self;
  gboolean active = gtk_check_button_get_active (check);
  guint position = gtk_list_item_get_position (item);

  if (active == gtk_list_item_get_selected (item) || position == GTK_INVALID_LIST_POSITION)
    return;

  self = ANNEX_REGISTER_PAGE (gtk_widget_get_ancestor (widget, ANNEX_TYPE_REGISTER_PAGE));
  if (active)
    gtk_selection_model_select_item (get_selection_model (self), position, FALSE);
  else
    gtk_selection_model_unselect_item (get_selection_model (self), position);
}

static void
check_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Select"), -1);
  g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled_cb), item);
  gtk_list_item_set_child (item, check);
}

static void
check_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GBinding *binding = g_object_bind_property (item, "selected",
                                              gtk_list_item_get_child (item), "active",
                                              G_BINDING_SYNC_CREATE);

  g_object_set_data (G_OBJECT (item), "annex-check-binding", binding);
}

static void
check_unbind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GBinding *binding = g_object_steal_data (G_OBJECT (item), "annex-check-binding");

  if (binding != NULL)
    g_binding_unbind (binding);
}

static GtkColumnViewColumn *
create_check_column (void)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (check_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (check_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (check_unbind_cb), NULL);

  column = gtk_column_view_column_new (NULL, g_steal_pointer (&factory));
  gtk_column_view_column_set_fixed_width (column, 0);
  gtk_column_view_column_set_visible (column, FALSE);
  return column;
}

/* Sorting
 *
 * The column view keeps the header state (which column, which direction, the arrows); the
 * AnnexRecordView does the sorting. Each sortable column gets a marker GtkSorter that never
 * sorts records. GTK 4.8 has no getter for the column view sorter's primary column (4.10 has),
 * so on its "changed" the page asks it to compare two probe objects: GtkColumnViewSorter consults
 * its columns' sorters primary first and stops at the first that is not EQUAL, and a marker
 * answers SMALLER after noting its column. The column noted is the primary one; the answer
 * SMALLER means ascending and LARGER descending (the column view inverts a descending column's
 * answer); EQUAL with no column noted means unsorted. Nothing else may sort with the column
 * view's sorter. */

static int
marker_compare_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  ColumnInfo *info = user_data;

  info->page->probed_column = info;
  return GTK_ORDERING_SMALLER;
}

static int
compare_references_cb (gconstpointer a,
                       gconstpointer b)
{
  return annex_format_compare_references (a, b);
}

/* The key a record sorts by in the column @user_data (a ColumnInfo); the view copies it on the
 * main thread and sorts the copies on a worker. */
static void
sort_key_cb (AnnexRecord  *record,
             AnnexSortKey *key,
             gpointer      user_data)
{
  ColumnInfo *info = user_data;
  const GValue *value;

  if (info->kind == COLUMN_REFERENCE)
    {
      key->text = g_strdup (annex_record_get_reference (record));
      return;
    }
  if (info->display_title)
    {
      g_object_get (record, "display-title", &key->text, NULL);
      return;
    }

  value = annex_record_get_value (record, info->index);
  switch (info->field->type)
    {
    case ANNEX_FIELD_CHOICE:
      {
        /* In the order the field declares its choices (open, in progress, done…), not
         * alphabetical; records without a value come last. */
        int index = annex_field_get_choice_index (info->field,
                                                  value != NULL ? g_value_get_string (value)
                                                                : NULL);

        key->number = index < 0 ? G_MAXINT64 : index;
      }
      break;

    case ANNEX_FIELD_INT:
      key->number = value != NULL ? g_value_get_int64 (value) : 0;
      break;

    case ANNEX_FIELD_BOOL:
      key->number = value != NULL && g_value_get_boolean (value);
      break;

    case ANNEX_FIELD_DATE:
    case ANNEX_FIELD_TEXT:
    case ANNEX_FIELD_LONG_TEXT:
    default:
      key->text = value != NULL ? g_value_dup_string (value) : NULL;
      break;
    }
}

static int
custom_compare_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  return gtk_sorter_compare (user_data, (gpointer) a, (gpointer) b);
}

static AnnexSortKind
column_sort_kind (ColumnInfo *info)
{
  if (info->kind == COLUMN_REFERENCE)
    return ANNEX_SORT_CUSTOM;
  if (info->display_title)
    return ANNEX_SORT_TEXT;

  switch (info->field->type)
    {
    case ANNEX_FIELD_CHOICE:
    case ANNEX_FIELD_INT:
    case ANNEX_FIELD_BOOL:
      return ANNEX_SORT_NUMBER;
    case ANNEX_FIELD_DATE:
      /* ISO dates compare as plain strings; records without a date come last. */
      return ANNEX_SORT_PLAIN;
    case ANNEX_FIELD_TEXT:
    case ANNEX_FIELD_LONG_TEXT:
    default:
      return ANNEX_SORT_TEXT;
    }
}

static GtkSorter *
create_sorter (ColumnInfo *info)
{
  if (info->kind != COLUMN_REFERENCE && info->kind != COLUMN_FIELD &&
      !(info->kind == COLUMN_CUSTOM && info->sorter != NULL))
    return NULL;

  return GTK_SORTER (gtk_custom_sorter_new (marker_compare_cb, g_rc_box_acquire (info),
                                            (GDestroyNotify) g_rc_box_release));
}

/* The column view's sort changed (a header click, gtk_column_view_sort_by_column(), a column
 * removed): learn its primary column and order, and sort the view by it. */
static void
on_sorter_changed_cb (AnnexRegisterPage *self,
                      GtkSorterChange    change,
                      GtkSorter         *sorter)
{
  ColumnInfo *info;
  GtkOrdering order;

  if (self->view == NULL)
    return;

  self->probed_column = NULL;
  order = gtk_sorter_compare (sorter, self, self->view);
  info = g_steal_pointer (&self->probed_column);

  if (info == NULL || order == GTK_ORDERING_EQUAL)
    {
      if (annex_record_view_get_sort_kind (self->view) != ANNEX_SORT_NONE)
        annex_record_view_set_sort (self->view, ANNEX_SORT_NONE, NULL, NULL, FALSE, NULL, NULL);
      return;
    }

  /* A custom column's sorter compares live records: the view merge-sorts with it in slices. */
  if (info->kind == COLUMN_CUSTOM)
    {
      annex_record_view_set_sort_func (self->view, custom_compare_cb,
                                       order == GTK_ORDERING_LARGER,
                                       g_object_ref (info->sorter), g_object_unref);
      return;
    }

  annex_record_view_set_sort (self->view, column_sort_kind (info), sort_key_cb,
                              compare_references_cb, order == GTK_ORDERING_LARGER,
                              g_rc_box_acquire (info), (GDestroyNotify) g_rc_box_release);
}

/* Columns */

static ColumnInfo *
column_get_info (GtkColumnViewColumn *column)
{
  return g_object_get_data (G_OBJECT (gtk_column_view_column_get_factory (column)),
                            "annex-column-info");
}

static void
remove_columns (AnnexRegisterPage *self)
{
  for (guint i = 0; self->columns != NULL && i < self->columns->len; i++)
    gtk_column_view_remove_column (self->column_view, g_ptr_array_index (self->columns, i));

  g_clear_pointer (&self->columns, g_ptr_array_unref);
  self->columns_type = G_TYPE_INVALID;
  self->fitted_width = 0;
}

/* A fixed column width (given at the normal text size) at the window's text size: in the
 * larger-text mode (annex-text-scale.h) columns widen with their text instead of clipping it. */
static int
scale_width (AnnexRegisterPage *self,
             int                width)
{
  if (width <= 0 || self->text_scale <= ANNEX_TEXT_SCALE_DEFAULT)
    return width;

  return (width * (int) self->text_scale + 50) / 100;
}

/* A choice column is as wide as its longest label or its title (about 7 px a character at the
 * default font), within bounds. */
static int
choice_column_width (const AnnexField *field,
                     const char       *title)
{
  guint n = annex_field_get_n_choices (field);
  glong longest = g_utf8_strlen (title, -1);

  for (guint i = 0; i < n; i++)
    longest = MAX (longest, g_utf8_strlen (_(field->choices[i].label), -1));

  return CLAMP ((int) longest * 7 + 28, 96, 180);
}

static void
add_column (AnnexRegisterPage *self,
            GType              record_type,
            ColumnInfo        *info,
            const char        *title)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  g_autoptr(GtkSorter) sorter = NULL;
  int width = -1;

  info->page = self;
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), info);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), info);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), info);
  /* The column info lives as long as the factory and the sorter that use it. */
  g_object_set_data_full (G_OBJECT (factory), "annex-column-info", info,
                          (GDestroyNotify) g_rc_box_release);

  column = gtk_column_view_column_new (title, g_object_ref (factory));
  sorter = create_sorter (info);
  if (sorter != NULL)
    gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, info->kind != COLUMN_WARNING);

  if (info->kind == COLUMN_REFERENCE)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (record_type);

      /* "IA-2026-01" and "INC-2026-114" need more room than "R-014". */
      width = annex_record_class_get_yearly_reference_field (ANNEX_RECORD_CLASS (klass)) != NULL
              ? YEARLY_REFERENCE_COLUMN_WIDTH
              : REFERENCE_COLUMN_WIDTH;
    }
  else if (info->kind == COLUMN_WARNING)
    width = WARNING_COLUMN_WIDTH;
  else if (g_str_equal (info->field->name, "title"))
    gtk_column_view_column_set_expand (column, TRUE);
  else if (info->field->type == ANNEX_FIELD_DATE)
    width = 120;
  else if (info->field->type == ANNEX_FIELD_CHOICE)
    width = choice_column_width (info->field, title);
  else if (info->field->type == ANNEX_FIELD_INT || info->field->type == ANNEX_FIELD_BOOL)
    width = 90;
  else
    width = 150;

  /* Fixed widths: columns do not jump while rows of different lengths scroll by. */
  info->width = width;
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, scale_width (self, width));

  gtk_column_view_append_column (self->column_view, column);
  g_ptr_array_add (self->columns, g_steal_pointer (&column));
}

static guint
find_priority_name (AnnexRegisterPage *self,
                    const char        *name)
{
  for (guint i = 0; self->column_priority != NULL && self->column_priority[i] != NULL; i++)
    if (g_str_equal (self->column_priority[i], name))
      return i;

  return G_MAXUINT;
}

/* A column of the page's user (annex_register_page_add_column()). */
typedef struct
{
  char               *name;
  char               *title;
  char               *after;
  int                 width;
  GtkListItemFactory *factory;
  GtkSorter          *sorter;
} CustomColumn;

static void
custom_column_free (gpointer data)
{
  CustomColumn *custom = data;

  g_free (custom->name);
  g_free (custom->title);
  g_free (custom->after);
  g_clear_object (&custom->factory);
  g_clear_object (&custom->sorter);
  g_free (custom);
}

/* Appends the custom columns placed after the field @after (NULL: those whose field is not
 * listed), once each (@added tracks them). */
static void
add_custom_columns (AnnexRegisterPage *self,
                    const char        *after,
                    gboolean          *added)
{
  for (guint i = 0; self->custom_columns != NULL && i < self->custom_columns->len; i++)
    {
      CustomColumn *custom = g_ptr_array_index (self->custom_columns, i);
      g_autoptr(GtkColumnViewColumn) column = NULL;
      ColumnInfo *info;

      if (added[i] || (after != NULL && g_strcmp0 (custom->after, after) != 0))
        continue;

      added[i] = TRUE;
      info = g_rc_box_new0 (ColumnInfo);
      info->kind = COLUMN_CUSTOM;
      info->page = self;
      info->index = G_MAXUINT;
      info->width = custom->width;
      info->priority = find_priority_name (self, custom->name);
      if (info->priority == G_MAXUINT)
        info->priority = 101;
      /* The factory is shared by the columns of successive record types: the info is replaced. */
      g_object_set_data_full (G_OBJECT (custom->factory), "annex-column-info", info,
                              (GDestroyNotify) g_rc_box_release);

      column = gtk_column_view_column_new (custom->title, g_object_ref (custom->factory));
      if (custom->sorter != NULL)
        {
          g_autoptr(GtkSorter) marker = NULL;

          info->sorter = custom->sorter;
          marker = create_sorter (info);
          gtk_column_view_column_set_sorter (column, marker);
        }
      gtk_column_view_column_set_resizable (column, TRUE);
      if (custom->width > 0)
        gtk_column_view_column_set_fixed_width (column, scale_width (self, custom->width));
      gtk_column_view_append_column (self->column_view, column);
      g_ptr_array_add (self->columns, g_steal_pointer (&column));
    }
}

static void
build_columns (AnnexRegisterPage *self,
               GType              record_type)
{
  g_autofree gboolean *custom_added = NULL;
  g_autoptr(GTypeClass) type_class = NULL;
  AnnexRecordClass *klass;
  const AnnexField *fields;
  GParamSpec *pspec;
  guint n_fields = 0;
  guint due_index = G_MAXUINT;
  gboolean has_overdue;
  gboolean has_display_title;
  gboolean has_title_column = FALSE;

  if (self->columns_type == record_type)
    return;

  remove_columns (self);
  if (record_type == G_TYPE_INVALID)
    return;

  type_class = g_type_class_ref (record_type);
  klass = ANNEX_RECORD_CLASS (type_class);
  fields = annex_record_class_get_fields (klass, &n_fields);

  self->columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->columns_type = record_type;
  custom_added = g_new0 (gboolean, self->custom_columns != NULL ? self->custom_columns->len : 1);

  /* A record type marks overdue rows generically: a boolean "overdue" property, shown on its
   * "due-date" field (or else its first listed date). */
  pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), "overdue");
  has_overdue = pspec != NULL && pspec->value_type == G_TYPE_BOOLEAN;
  if (has_overdue)
    {
      const AnnexField *due = annex_record_class_find_field (klass, "due-date", &due_index);

      if (due == NULL || due->type != ANNEX_FIELD_DATE)
        {
          due_index = G_MAXUINT;
          for (guint i = 0; i < n_fields && due_index == G_MAXUINT; i++)
            if (fields[i].type == ANNEX_FIELD_DATE && (fields[i].flags & ANNEX_FIELD_FLAG_LIST))
              due_index = i;
        }
      has_overdue = due_index != G_MAXUINT;
    }

  /* A record type with a title to show (a translated catalogue title) lists that. */
  pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), "display-title");
  has_display_title = pspec != NULL && pspec->value_type == G_TYPE_STRING;

  {
    ColumnInfo *info = g_rc_box_new0 (ColumnInfo);

    info->kind = COLUMN_REFERENCE;
    info->index = G_MAXUINT;
    info->has_overdue = has_overdue;
    info->due_index = due_index;
    /* Translators: the column of reference codes (A-001…) in a register list. */
    add_column (self, record_type, info, C_("column", "Ref."));
  }

  if (self->warning_func != NULL)
    {
      ColumnInfo *info = g_rc_box_new0 (ColumnInfo);

      info->kind = COLUMN_WARNING;
      info->index = G_MAXUINT;
      add_column (self, record_type, info, NULL);
    }

  for (guint i = 0; i < n_fields; i++)
    {
      ColumnInfo *info;

      if ((fields[i].flags & ANNEX_FIELD_FLAG_LIST) == 0)
        continue;

      info = g_rc_box_new0 (ColumnInfo);
      info->kind = COLUMN_FIELD;
      info->index = i;
      info->field = &fields[i];
      info->display_title = has_display_title && g_str_equal (fields[i].name, "title");
      info->has_overdue = has_overdue;
      info->due_index = due_index;
      info->marks_overdue = has_overdue && i == due_index;
      add_column (self, record_type, info, _(fields[i].label));
      add_custom_columns (self, fields[i].name, custom_added);

      if (g_str_equal (fields[i].name, "title"))
        has_title_column = TRUE;
    }
  add_custom_columns (self, NULL, custom_added);

  /* When the list is narrow (the editor is open beside it), columns give way in this order of
   * importance: the reference and the title stay, then the columns the page was told to keep,
   * then the date that marks overdue records, the first choice (a status), then the others in
   * table order. */
  {
    gboolean first_choice_seen = FALSE;

    for (guint i = 0; i < self->columns->len; i++)
      {
        GtkColumnViewColumn *column = g_ptr_array_index (self->columns, i);
        ColumnInfo *info = column_get_info (column);
        guint named;

        if (info->kind != COLUMN_FIELD)
          continue;

        named = find_priority_name (self, info->field->name);
        if (named != G_MAXUINT)
          info->priority = named;
        else if (info->marks_overdue)
          info->priority = 100;
        else if (info->field->type == ANNEX_FIELD_CHOICE && !first_choice_seen)
          {
            info->priority = 101;
            first_choice_seen = TRUE;
          }
        else
          info->priority = 102 + i;
      }
  }

  /* Without a "title" field, the first text column takes the spare width. */
  if (!has_title_column)
    {
      for (guint i = 0; i < self->columns->len; i++)
        {
          GtkColumnViewColumn *column = g_ptr_array_index (self->columns, i);
          ColumnInfo *info = column_get_info (column);

          if (info->kind == COLUMN_FIELD && info->field->type == ANNEX_FIELD_TEXT)
            {
              info->width = -1;
              gtk_column_view_column_set_fixed_width (column, -1);
              gtk_column_view_column_set_expand (column, TRUE);
              break;
            }
        }
    }
}

static void
rebuild_columns (AnnexRegisterPage *self)
{
  GType type = self->columns_type;

  if (type == G_TYPE_INVALID)
    return;

  remove_columns (self);
  build_columns (self, type);
}

/* Shows as many columns as fit beside the title at the list's current width, most important
 * first (GTK 4.8 has no breakpoints; the page measures itself). */
static void
fit_columns (AnnexRegisterPage *self)
{
  g_autoptr(GPtrArray) by_priority = NULL;
  int available = gtk_widget_get_width (self->list_pane);

  if (self->columns == NULL || available <= 0)
    return;

  self->fitted_width = available;
  available -= scale_width (self, TITLE_MIN_WIDTH);
  if (self->selection_mode)
    available -= scale_width (self, CHECK_COLUMN_WIDTH);

  by_priority = g_ptr_array_new ();
  for (guint i = 0; i < self->columns->len; i++)
    {
      GtkColumnViewColumn *column = g_ptr_array_index (self->columns, i);
      ColumnInfo *info = column_get_info (column);

      /* The reference, the warning icons and the spare-width column are always shown. */
      if (info->kind != COLUMN_FIELD && info->kind != COLUMN_CUSTOM)
        available -= scale_width (self, info->width);
      else if (info->width > 0)
        g_ptr_array_add (by_priority, column);
    }

  for (guint i = 0; i < by_priority->len; i++)
    for (guint j = i + 1; j < by_priority->len; j++)
      if (column_get_info (g_ptr_array_index (by_priority, j))->priority <
          column_get_info (g_ptr_array_index (by_priority, i))->priority)
        {
          gpointer tmp = by_priority->pdata[i];

          by_priority->pdata[i] = by_priority->pdata[j];
          by_priority->pdata[j] = tmp;
        }

  for (guint i = 0; i < by_priority->len; i++)
    {
      GtkColumnViewColumn *column = g_ptr_array_index (by_priority, i);
      int width = scale_width (self, column_get_info (column)->width);
      gboolean fits = width <= available;

      /* Once one column does not fit, the less important ones stay hidden too. */
      available = fits ? available - width : -1;
      if (gtk_column_view_column_get_visible (column) != fits)
        {
          /* GTK 4.8 still counts a hidden column's width when it shares out the spare width
           * (later versions do not): a hidden column gets a width of 0 too. */
          gtk_column_view_column_set_fixed_width (column, fits ? width : 0);
          gtk_column_view_column_set_visible (column, fits);
        }
    }
}

/* A toolbar button is an icon when compact: @label goes (and @icon, if any, shows), and the
 * button's style class follows (@wide_class when it has its label). */
static void
set_button_compact (GtkWidget  *button,
                    GtkWidget  *icon,
                    GtkWidget  *label,
                    gboolean    compact,
                    const char *wide_class)
{
  gtk_widget_set_visible (label, !compact);
  if (icon != NULL)
    gtk_widget_set_visible (icon, compact);
  gtk_widget_add_css_class (button, compact ? "image-button" : wide_class);
  gtk_widget_remove_css_class (button, compact ? wide_class : "image-button");
}

static gboolean
fit_columns_cb (gpointer user_data)
{
  AnnexRegisterPage *self = user_data;
  gboolean single_click = self->narrow && !self->selection_mode;
  gboolean compact = gtk_widget_get_width (self->list_pane) < COMPACT_LIST_WIDTH;

  self->fit_columns_source = 0;
  fit_columns (self);
  /* Narrow, a tap (or click) opens a record; wide, a click selects it and shows it beside. In
   * selection mode a click selects: single-click activation would select on hover. */
  if (gtk_column_view_get_single_click_activate (self->column_view) != single_click)
    gtk_column_view_set_single_click_activate (self->column_view, single_click);
  if (compact != self->compact)
    {
      self->compact = compact;
      update_filter_button (self);
      /* Narrow, "New" is its icon, so the search entry keeps room to type in. */
      set_button_compact (self->new_button, NULL, self->new_button_label, compact,
                          "image-text-button");
      /* The count is never shortened where it could be short of room. */
      gtk_label_set_ellipsize (self->count_label,
                               compact ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
      /* The selection bar keeps room for "7 selected" and a labelled Edit button. */
      set_button_compact (self->select_all_button, self->select_all_icon, self->select_all_label,
                          compact, "text-button");
      set_button_compact (self->clear_selection_button, self->clear_selection_icon,
                          self->clear_selection_label, compact, "text-button");
    }
  return G_SOURCE_REMOVE;
}

static void
queue_fit_columns (AnnexRegisterPage *self)
{
  if (self->fit_columns_source != 0)
    return;

  self->fit_columns_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fit_columns_cb, self, NULL);
  g_source_set_name_by_id (self->fit_columns_source, "[annex] fit register columns");
}

/* Commands */

static void
new_record (AnnexRegisterPage *self)
{
  g_autoptr(AnnexRecord) record = NULL;

  if (self->register_ == NULL || !annex_register_get_loaded (self->register_) || !self->can_add)
    return;

  record = annex_register_new_record (self->register_);
  gtk_selection_model_unselect_all (get_selection_model (self));
  open_editor (self, record, TRUE);
}

static void
add_record (AnnexRegisterPage *self)
{
  g_autoptr(GError) error = NULL;
  AnnexRecord *record = get_editor_record (self);

  if (self->register_ == NULL || record == NULL || annex_record_get_id (record) != 0)
    return;

  /* Takes in what was typed just now; a field that is still not acceptable keeps Add disabled. */
  annex_record_editor_flush (self->editor);
  if (!annex_record_editor_get_valid (self->editor))
    return;

  if (!annex_register_add (self->register_, record, &error))
    {
      emit_error_toast (self, error);
      return;
    }

  annex_record_editor_refresh (self->editor);
  select_record (self, record);
  update_actions (self);
}

static void
on_undo_clicked_cb (AdwToast          *toast,
                    AnnexRegisterPage *self)
{
  AnnexRecord *record = g_object_get_data (G_OBJECT (toast), "annex-record");
  AnnexRegister *register_ = g_object_get_data (G_OBJECT (toast), "annex-register");
  g_autoptr(GError) error = NULL;

  if (record == NULL || register_ == NULL)
    return;

  if (!annex_register_restore (register_, record, &error))
    {
      emit_error_toast (self, error);
      return;
    }

  /* Selected again (wide, that shows it in the editor too). */
  if (register_ == self->register_)
    select_record (self, record);
}

static void
on_toast_dismissed_cb (AdwToast *toast)
{
  /* After the toast is gone, Undo is no longer possible: drop what it would restore. */
  g_object_set_data (G_OBJECT (toast), "annex-record", NULL);
  g_object_set_data (G_OBJECT (toast), "annex-register", NULL);
  g_object_set_data (G_OBJECT (toast), "annex-records", NULL);
  g_object_set_data (G_OBJECT (toast), "annex-before", NULL);
}

static void
delete_record (AnnexRegisterPage *self)
{
  g_autoptr(AnnexRecord) record = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  AnnexRecord *target = get_delete_target (self);
  AnnexRecord *editing = get_editor_record (self);

  if (self->register_ == NULL || target == NULL)
    return;

  record = g_object_ref (target);

  /* Pending edits are part of what Undo brings back. */
  if (record == editing)
    annex_record_editor_flush (self->editor);

  if (!annex_register_remove (self->register_, record, &error))
    {
      emit_error_toast (self, error);
      return;
    }

  if (record == editing)
    close_editor (self);

  label = dup_record_label (record);
  escaped = g_markup_escape_text (label, -1);
  /* Translators: a toast after deleting a record; %s is its title. */
  title = g_strdup_printf (_("“%s” deleted"), escaped);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "annex-record",
                          g_object_ref (record), g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "annex-register",
                          g_object_ref (self->register_), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), self, 0);
  g_signal_connect (toast, "dismissed", G_CALLBACK (on_toast_dismissed_cb), NULL);

  emit_toast (self, toast);
  update_actions (self);
}

/* Bulk edit */

static void
on_bulk_undo_clicked_cb (AdwToast          *toast,
                         AnnexRegisterPage *self)
{
  AnnexRegister *register_ = g_object_get_data (G_OBJECT (toast), "annex-register");
  GPtrArray *records = g_object_get_data (G_OBJECT (toast), "annex-records");
  GPtrArray *before = g_object_get_data (G_OBJECT (toast), "annex-before");
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;

  if (register_ == NULL || records == NULL || before == NULL)
    return;

  if (register_ == self->register_)
    annex_record_editor_flush (self->editor);

  /* What the records hold now, in case the undo cannot be written. */
  after = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (after, annex_record_copy (g_ptr_array_index (records, i)));

  annex_bulk_edit_restore (records, before);
  if (!annex_register_save_many (register_, records, &error))
    {
      annex_bulk_edit_restore (records, after);
      emit_error_toast (self, error);
      return;
    }

  if (register_ == self->register_)
    refilter (self);
}

static void
show_bulk_toast (AnnexRegisterPage *self,
                 GPtrArray         *records,
                 GPtrArray         *before)
{
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *title = annex_format_bulk_updated (get_table (self), records->len);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "annex-register",
                          g_object_ref (self->register_), g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "annex-records",
                          g_ptr_array_ref (records), (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (toast), "annex-before",
                          g_ptr_array_ref (before), (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_bulk_undo_clicked_cb), self,
                           0);
  g_signal_connect (toast, "dismissed", G_CALLBACK (on_toast_dismissed_cb), NULL);

  emit_toast (self, toast);
}

static void
on_bulk_dialog_apply_cb (AnnexBulkEditDialog *dialog,
                         AnnexBulkEdit       *edit,
                         AnnexRegisterPage   *self)
{
  g_autoptr(GError) error = NULL;

  if (!annex_register_page_apply_bulk_edit (self, annex_bulk_edit_dialog_get_records (dialog),
                                            edit, &error))
    {
      /* The dialog stays open with the user's choices: they may fix the cause and retry. */
      emit_error_toast (self, error);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static char **
dup_bulk_field_names (AnnexRegisterPage *self)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  const AnnexField *fields;
  guint n_fields = 0;

  if (self->bulk_fields != NULL)
    return g_strdupv (self->bulk_fields);

  klass = g_type_class_ref (annex_register_get_record_type (self->register_));
  fields = annex_record_class_get_fields (ANNEX_RECORD_CLASS (klass), &n_fields);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < n_fields; i++)
    if (annex_bulk_edit_dialog_offers_field (&fields[i]))
      g_strv_builder_add (builder, fields[i].name);

  return g_strv_builder_end (builder);
}

static void
edit_selected (AnnexRegisterPage *self)
{
  g_autoptr(GPtrArray) records = NULL;
  g_auto(GStrv) names = NULL;
  AnnexBulkEditDialog *dialog;
  GtkRoot *root;

  if (self->register_ == NULL || self->n_selected == 0 || self->bulk_dialog != NULL)
    return;

  annex_record_editor_flush (self->editor);
  records = annex_register_page_dup_selected (self);
  names = dup_bulk_field_names (self);

  dialog = annex_bulk_edit_dialog_new (records, (const char * const *) names,
                                       self->visible_func, self->visible_data);
  {
    g_autofree char *title = annex_format_bulk_title (get_table (self), records->len);

    gtk_window_set_title (GTK_WINDOW (dialog), title);
  }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "apply", G_CALLBACK (on_bulk_dialog_apply_cb), self, 0);

  self->bulk_dialog = GTK_WIDGET (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->bulk_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions */

static void
register_new_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  new_record (ANNEX_REGISTER_PAGE (widget));
}

static void
register_add_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  add_record (ANNEX_REGISTER_PAGE (widget));
}

static void
register_delete_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  delete_record (ANNEX_REGISTER_PAGE (widget));
}

static void
register_search_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AnnexRegisterPage *self = ANNEX_REGISTER_PAGE (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    close_editor (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
register_close_editor_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  close_editor (ANNEX_REGISTER_PAGE (widget));
}

static void
register_filters_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  AnnexRegisterPage *self = ANNEX_REGISTER_PAGE (widget);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->filter_button)) ||
      !gtk_widget_is_sensitive (GTK_WIDGET (self->filter_button)))
    return;

  if (adw_leaflet_get_folded (self->leaflet))
    close_editor (self);
  gtk_menu_button_popup (self->filter_button);
}

static void
register_clear_filters_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  annex_register_page_clear_filters (ANNEX_REGISTER_PAGE (widget));
}

static void
register_select_all_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  AnnexRegisterPage *self = ANNEX_REGISTER_PAGE (widget);

  gtk_selection_model_select_all (get_selection_model (self));
}

static void
register_clear_selection_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  AnnexRegisterPage *self = ANNEX_REGISTER_PAGE (widget);

  gtk_selection_model_unselect_all (get_selection_model (self));
}

static void
register_edit_selected_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  edit_selected (ANNEX_REGISTER_PAGE (widget));
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  AnnexRegisterPage *self = ANNEX_REGISTER_PAGE (widget);

  if (close_editor (self))
    return TRUE;

  if (self->n_selected > 1 || (self->selection_mode && self->n_selected > 0))
    {
      gtk_selection_model_unselect_all (get_selection_model (self));
      return TRUE;
    }

  if (self->selection_mode)
    {
      g_object_set (self, "selection-mode", FALSE, NULL);
      return TRUE;
    }

  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      return TRUE;
    }

  return FALSE;
}

static gboolean
focus_in_list (AnnexRegisterPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL &&
         (focus == GTK_WIDGET (self->column_view) ||
          gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view)));
}

static gboolean
delete_key_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  AnnexRegisterPage *self = ANNEX_REGISTER_PAGE (widget);

  /* Only while the list has the focus: elsewhere Delete belongs to the text being edited. */
  if (!focus_in_list (self) || self->n_selected != 1)
    return FALSE;

  delete_record (self);
  return TRUE;
}

static gboolean
edit_selected_key_cb (GtkWidget *widget,
                      GVariant  *args,
                      gpointer   user_data)
{
  AnnexRegisterPage *self = ANNEX_REGISTER_PAGE (widget);

  /* One record is edited in the editor; the key is free for the text being edited then. */
  if (self->n_selected < 2 && !(self->selection_mode && self->n_selected > 0))
    return FALSE;

  edit_selected (self);
  return TRUE;
}

/* Signal callbacks */

static void
on_register_items_changed_cb (AnnexRegisterPage *self,
                              guint              position,
                              guint              removed,
                              guint              added,
                              GListModel        *model)
{
  AnnexRecord *editing = get_editor_record (self);

  /* A reload replaces the record objects: keep editing the same record, or close the editor when
   * it is gone. */
  if (editing != NULL && annex_record_get_id (editing) != 0 && removed > 0)
    {
      AnnexRecord *current = annex_register_find (self->register_, annex_record_get_id (editing));

      if (current == NULL)
        close_editor (self);
      else if (current != editing)
        open_editor (self, current, FALSE);
    }

  update_count (self);
}

static void
on_register_loaded_cb (AnnexRegisterPage *self)
{
  update_count (self);
}

static void
on_shown_items_changed_cb (AnnexRegisterPage *self)
{
  update_count (self);
}

static void
on_view_pending_cb (AnnexRegisterPage *self)
{
  update_state (self);
}

static void
on_search_changed_cb (AnnexRegisterPage *self)
{
  set_query (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_search_stopped_cb (AnnexRegisterPage *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    close_editor (self);
}

static void
on_search_activate_cb (AnnexRegisterPage *self)
{
  g_autoptr(AnnexRecord) first = NULL;

  /* Enter in the search entry opens the first match. */
  set_query (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  first = g_list_model_get_item (G_LIST_MODEL (self->selection), 0);
  if (first != NULL)
    {
      gtk_selection_model_select_item (get_selection_model (self), 0, TRUE);
      open_editor (self, first, FALSE);
    }
}

static void
on_selection_changed_cb (AnnexRegisterPage *self)
{
  AnnexRecord *record;

  update_selection (self);
  record = self->n_selected == 1 ? get_single_selected (self) : NULL;

  if (self->n_selected > 1)
    {
      /* Several records: the bar at the bottom acts on them; the editor makes way. */
      AnnexRecord *editing = get_editor_record (self);

      if (editing != NULL && annex_record_get_id (editing) != 0)
        hide_editor (self, FALSE);
    }
  else if (record != NULL && record != get_editor_record (self) && !self->narrow &&
           !self->selection_mode)
    {
      /* Wide, the editor beside the list follows the selection (arrow keys browse the records).
       * Narrow, the editor would cover the list: only activating a row opens it. */
      open_editor (self, record, FALSE);
    }

  update_actions (self);
}

static void
on_column_view_activate_cb (AnnexRegisterPage *self,
                            guint              position)
{
  g_autoptr(AnnexRecord) record = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  GtkSelectionModel *model = get_selection_model (self);

  if (record == NULL)
    return;

  /* In selection mode, activating a row (Enter, a double click) ticks or unticks it. */
  if (self->selection_mode)
    {
      if (gtk_selection_model_is_selected (model, position))
        gtk_selection_model_unselect_item (model, position);
      else
        gtk_selection_model_select_item (model, position, FALSE);
      return;
    }

  gtk_selection_model_select_item (model, position, TRUE);
  open_editor (self, record, TRUE);
}

static void
on_leaflet_folded_cb (AnnexRegisterPage *self)
{
  update_back_button (self);
  update_editor_toolbar (self);

  /* Narrowing the page while a record is open keeps the record in front. */
  if (adw_leaflet_get_folded (self->leaflet) && editor_is_open (self))
    adw_leaflet_set_visible_child (self->leaflet, self->editor_pane);
}

static void
on_leaflet_visible_child_cb (AnnexRegisterPage *self)
{
  /* Swiping back (or Alt+Left) to the list closes the editor. */
  if (adw_leaflet_get_folded (self->leaflet) &&
      adw_leaflet_get_visible_child (self->leaflet) == self->list_pane &&
      editor_is_open (self) &&
      !adw_leaflet_get_child_transition_running (self->leaflet))
    close_editor (self);
}

static void
on_editor_add_toast_cb (AnnexRegisterPage *self,
                        AdwToast          *toast)
{
  emit_toast (self, toast);
}

static void
on_editor_valid_cb (AnnexRegisterPage *self)
{
  update_actions (self);
}

static void
on_editor_record_cb (AnnexRegisterPage *self)
{
  update_actions (self);
}

/* GtkWidget */

static void
annex_register_page_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  AnnexRegisterPage *self = ANNEX_REGISTER_PAGE (widget);

  gtk_widget_measure (GTK_WIDGET (self->leaflet), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
annex_register_page_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  AnnexRegisterPage *self = ANNEX_REGISTER_PAGE (widget);
  gboolean single_click;

  gtk_widget_allocate (GTK_WIDGET (self->leaflet), width, height, baseline, NULL);

  self->narrow = width < NARROW_WIDTH;
  single_click = self->narrow && !self->selection_mode;

  /* Columns are shown or hidden after this allocation, never during it. */
  if (gtk_widget_get_width (self->list_pane) != self->fitted_width ||
      gtk_column_view_get_single_click_activate (self->column_view) != single_click)
    queue_fit_columns (self);
}

/* The window's text size changed (its style class, so every widget's style): the fixed column
 * widths follow, and the columns are fitted again. */
static void
annex_register_page_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  AnnexRegisterPage *self = ANNEX_REGISTER_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  guint text_scale = root != NULL ? annex_text_scale_get (GTK_WIDGET (root))
                                  : ANNEX_TEXT_SCALE_DEFAULT;

  GTK_WIDGET_CLASS (annex_register_page_parent_class)->css_changed (widget, change);

  if (text_scale == self->text_scale)
    return;

  self->text_scale = text_scale;
  for (guint i = 0; self->columns != NULL && i < self->columns->len; i++)
    {
      GtkColumnViewColumn *column = g_ptr_array_index (self->columns, i);
      ColumnInfo *info = column_get_info (column);

      if (info->width > 0 && gtk_column_view_column_get_visible (column))
        gtk_column_view_column_set_fixed_width (column, scale_width (self, info->width));
    }
  if (self->selection_mode)
    gtk_column_view_column_set_fixed_width (self->check_column,
                                            scale_width (self, CHECK_COLUMN_WIDTH));
  self->fitted_width = 0;
  queue_fit_columns (self);
}

/* GObject */

static void
annex_register_page_dispose (GObject *object)
{
  AnnexRegisterPage *self = ANNEX_REGISTER_PAGE (object);

  if (self->register_signals != NULL)
    g_signal_group_set_target (self->register_signals, NULL);

  if (self->bulk_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->bulk_dialog), (gpointer *) &self->bulk_dialog);
      gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->bulk_dialog)));
    }

  g_clear_handle_id (&self->fit_columns_source, g_source_remove);
  remove_columns (self);
  if (self->check_column != NULL)
    {
      if (gtk_column_view_column_get_column_view (self->check_column) != NULL)
        gtk_column_view_remove_column (self->column_view, self->check_column);
      g_clear_object (&self->check_column);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), ANNEX_TYPE_REGISTER_PAGE);

  g_clear_object (&self->register_signals);
  g_clear_object (&self->filter);
  g_clear_object (&self->register_);

  /* After the editor is gone: it borrowed the visible function. */
  if (self->visible_destroy != NULL)
    g_clear_pointer (&self->visible_data, self->visible_destroy);
  self->visible_func = NULL;
  if (self->warning_destroy != NULL)
    g_clear_pointer (&self->warning_data, self->warning_destroy);
  self->warning_func = NULL;

  G_OBJECT_CLASS (annex_register_page_parent_class)->dispose (object);
}

static void
annex_register_page_finalize (GObject *object)
{
  AnnexRegisterPage *self = ANNEX_REGISTER_PAGE (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->icon_name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->empty_title, g_free);
  g_clear_pointer (&self->search_placeholder, g_free);
  g_clear_pointer (&self->new_label, g_free);
  g_clear_pointer (&self->bulk_fields, g_strfreev);
  g_clear_pointer (&self->column_priority, g_strfreev);
  g_clear_pointer (&self->custom_columns, g_ptr_array_unref);

  G_OBJECT_CLASS (annex_register_page_parent_class)->finalize (object);
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
set_selection_mode (AnnexRegisterPage *self,
                    gboolean           selection_mode)
{
  selection_mode = !!selection_mode;
  if (self->selection_mode == selection_mode)
    return;

  self->selection_mode = selection_mode;

  /* Selection mode is about several records: the editor makes way. */
  if (selection_mode)
    {
      settle_draft (self);
      hide_editor (self, FALSE);
    }
  else if (self->n_selected > 1)
    gtk_selection_model_unselect_all (get_selection_model (self));

  gtk_column_view_column_set_fixed_width (self->check_column,
                                          selection_mode
                                          ? scale_width (self, CHECK_COLUMN_WIDTH) : 0);
  gtk_column_view_column_set_visible (self->check_column, selection_mode);
  if (selection_mode)
    gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "selection-mode");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->column_view), "selection-mode");

  update_selection (self);
  self->fitted_width = 0;
  queue_fit_columns (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION_MODE]);
}

static void
annex_register_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AnnexRegisterPage *self = ANNEX_REGISTER_PAGE (object);

  switch (prop_id)
    {
    case PROP_REGISTER:
      g_value_set_object (value, self->register_);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_EMPTY_TITLE:
      g_value_set_string (value, self->empty_title);
      break;
    case PROP_SEARCH_PLACEHOLDER:
      g_value_set_string (value, self->search_placeholder);
      break;
    case PROP_NEW_LABEL:
      g_value_set_string (value, self->new_label);
      break;
    case PROP_N_SHOWN:
      g_value_set_uint (value, self->n_shown);
      break;
    case PROP_SHOW_BACK_BUTTON:
      g_value_set_boolean (value, self->show_back_button);
      break;
    case PROP_N_TOTAL:
      g_value_set_uint (value, self->n_total);
      break;
    case PROP_SELECTION_MODE:
      g_value_set_boolean (value, self->selection_mode);
      break;
    case PROP_N_SELECTED:
      g_value_set_uint (value, self->n_selected);
      break;
    case PROP_N_ACTIVE_FILTERS:
      g_value_set_uint (value, self->n_active_filters);
      break;
    case PROP_CAN_ADD:
      g_value_set_boolean (value, self->can_add);
      break;
    case PROP_CLAUSE:
      g_value_set_string (value, annex_clause_guide_get_text (self->clause_guide));
      break;
    case PROP_CLAUSE_EXAMPLE:
      g_value_set_string (value, annex_clause_guide_get_example (self->clause_guide));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_register_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AnnexRegisterPage *self = ANNEX_REGISTER_PAGE (object);
  char **field = NULL;

  switch (prop_id)
    {
    case PROP_REGISTER:
      annex_register_page_set_register (self, g_value_get_object (value));
      return;
    case PROP_TITLE:
      annex_register_page_set_title (self, g_value_get_string (value));
      return;
    case PROP_ICON_NAME:
      field = &self->icon_name;
      break;
    case PROP_DESCRIPTION:
      field = &self->description;
      break;
    case PROP_EMPTY_TITLE:
      field = &self->empty_title;
      break;
    case PROP_SEARCH_PLACEHOLDER:
      field = &self->search_placeholder;
      break;
    case PROP_NEW_LABEL:
      field = &self->new_label;
      break;
    case PROP_SHOW_BACK_BUTTON:
      annex_register_page_set_show_back_button (self, g_value_get_boolean (value));
      return;
    case PROP_SELECTION_MODE:
      set_selection_mode (self, g_value_get_boolean (value));
      return;
    case PROP_CLAUSE:
      if (g_strcmp0 (g_value_get_string (value),
                     annex_clause_guide_get_text (self->clause_guide)) != 0)
        {
          annex_clause_guide_set_text (self->clause_guide, g_value_get_string (value));
          update_guide (self);
          g_object_notify_by_pspec (object, pspec);
        }
      return;
    case PROP_CLAUSE_EXAMPLE:
      if (g_strcmp0 (g_value_get_string (value),
                     annex_clause_guide_get_example (self->clause_guide)) != 0)
        {
          annex_clause_guide_set_example (self->clause_guide, g_value_get_string (value));
          g_object_notify_by_pspec (object, pspec);
        }
      return;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (set_string (field, g_value_get_string (value)))
    {
      update_texts (self);
      g_object_notify_by_pspec (object, pspec);
    }
}

static void
annex_register_page_class_init (AnnexRegisterPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = annex_register_page_dispose;
  object_class->finalize = annex_register_page_finalize;
  object_class->get_property = annex_register_page_get_property;
  object_class->set_property = annex_register_page_set_property;

  properties[PROP_REGISTER] =
    g_param_spec_object ("register", NULL, NULL, ANNEX_TYPE_REGISTER, rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_ICON_NAME] = g_param_spec_string ("icon-name", NULL, NULL, NULL, rw);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, rw);
  properties[PROP_EMPTY_TITLE] = g_param_spec_string ("empty-title", NULL, NULL, NULL, rw);
  properties[PROP_SEARCH_PLACEHOLDER] =
    g_param_spec_string ("search-placeholder", NULL, NULL, NULL, rw);
  properties[PROP_NEW_LABEL] = g_param_spec_string ("new-label", NULL, NULL, NULL, rw);
  properties[PROP_N_SHOWN] = g_param_spec_uint ("n-shown", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_TOTAL] = g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_SHOW_BACK_BUTTON] =
    g_param_spec_boolean ("show-back-button", NULL, NULL, TRUE, rw);
  properties[PROP_SELECTION_MODE] =
    g_param_spec_boolean ("selection-mode", NULL, NULL, FALSE, rw);
  properties[PROP_N_SELECTED] =
    g_param_spec_uint ("n-selected", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_ACTIVE_FILTERS] =
    g_param_spec_uint ("n-active-filters", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_CAN_ADD] = g_param_spec_boolean ("can-add", NULL, NULL, FALSE, ro);
  properties[PROP_CLAUSE] = g_param_spec_string ("clause", NULL, NULL, NULL, rw);
  properties[PROP_CLAUSE_EXAMPLE] = g_param_spec_string ("clause-example", NULL, NULL, NULL, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ADD_TOAST] =
    g_signal_new ("add-toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  g_type_ensure (ANNEX_TYPE_CLAUSE_GUIDE);
  g_type_ensure (ANNEX_TYPE_RECORD_EDITOR);
  g_type_ensure (ANNEX_TYPE_RECORD_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/annex-register-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, filter_label);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, facets_grid);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, select_button);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, new_button_label);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, editor_toolbar);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, editor_toolbar_separator);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, guide_box);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, clause_guide);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, header_slot);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, empty_new_button);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, no_results_status);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, no_results_clear_button);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, selection);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, view);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, selection_bar);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, selection_label);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, select_all_button);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, select_all_icon);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, select_all_label);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, clear_selection_button);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, clear_selection_icon);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, clear_selection_label);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, editor_separator);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, editor_pane);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, AnnexRegisterPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_shown_items_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_pending_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_add_toast_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_valid_cb);

  gtk_widget_class_install_action (widget_class, "register.new", NULL, register_new_action);
  gtk_widget_class_install_action (widget_class, "register.add", NULL, register_add_action);
  gtk_widget_class_install_action (widget_class, "register.delete", NULL, register_delete_action);
  gtk_widget_class_install_action (widget_class, "register.search", NULL, register_search_action);
  gtk_widget_class_install_action (widget_class, "register.close-editor", NULL,
                                   register_close_editor_action);
  gtk_widget_class_install_action (widget_class, "register.filters", NULL,
                                   register_filters_action);
  gtk_widget_class_install_action (widget_class, "register.clear-filters", NULL,
                                   register_clear_filters_action);
  gtk_widget_class_install_action (widget_class, "register.select-all", NULL,
                                   register_select_all_action);
  gtk_widget_class_install_action (widget_class, "register.clear-selection", NULL,
                                   register_clear_selection_action);
  gtk_widget_class_install_action (widget_class, "register.edit-selected", NULL,
                                   register_edit_selected_action);
  gtk_widget_class_install_property_action (widget_class, "register.selection-mode",
                                            "selection-mode");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "register.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "register.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "register.filters", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "register.filters", NULL);
  /* Delete, Escape and Ctrl+Return are callbacks: they pass the key on when they have nothing
   * to do. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, 0, delete_key_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Delete, 0, delete_key_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                edit_selected_key_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                edit_selected_key_cb, NULL);

  widget_class->measure = annex_register_page_measure;
  widget_class->size_allocate = annex_register_page_size_allocate;
  widget_class->css_changed = annex_register_page_css_changed;
}

static void
annex_register_page_init (AnnexRegisterPage *self)
{
  self->show_back_button = TRUE;
  self->text_scale = ANNEX_TEXT_SCALE_DEFAULT;

  gtk_widget_init_template (GTK_WIDGET (self));
  update_back_button (self);

  self->filter = annex_record_filter_new ();
  annex_record_view_set_filter_func (self->view, view_filter_cb, self->filter, NULL);
  g_signal_connect_object (self->filter, "changed", G_CALLBACK (on_filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed_cb), self, G_CONNECT_SWAPPED);

  /* The check boxes of selection mode: always the first column, shown only in that mode. */
  self->check_column = create_check_column ();
  gtk_column_view_append_column (self->column_view, self->check_column);

  self->register_signals = g_signal_group_new (ANNEX_TYPE_REGISTER);
  /* After the models stacked on the register have taken the change in. */
  g_signal_group_connect_data (self->register_signals, "items-changed",
                               G_CALLBACK (on_register_items_changed_cb), self, NULL,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_group_connect_swapped (self->register_signals, "notify::loaded",
                                  G_CALLBACK (on_register_loaded_cb), self);

  g_signal_connect_object (self->editor, "notify::record", G_CALLBACK (on_editor_record_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_search_entry_set_key_capture_widget (self->search_entry, self->list_pane);

  update_texts (self);
  update_selection (self);
  update_filter_button (self);
  update_count (self);
}

/* Public API */

GtkWidget *
annex_register_page_new (void)
{
  return g_object_new (ANNEX_TYPE_REGISTER_PAGE, NULL);
}

AnnexRegister *
annex_register_page_get_register (AnnexRegisterPage *self)
{
  g_return_val_if_fail (ANNEX_IS_REGISTER_PAGE (self), NULL);

  return self->register_;
}

static void
update_can_add (AnnexRegisterPage *self)
{
  gboolean can_add = FALSE;

  /* Asked of a new record: requirements and Annex A controls come with the workspace. */
  if (self->register_ != NULL)
    {
      g_autoptr(AnnexRecord) probe = annex_register_new_record (self->register_);

      can_add = annex_record_can_add (probe, NULL);
    }

  gtk_widget_set_visible (self->new_button, can_add);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_new_button), can_add);

  if (can_add != self->can_add)
    {
      self->can_add = can_add;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_ADD]);
    }
}

void
annex_register_page_set_register (AnnexRegisterPage *self,
                                  AnnexRegister     *register_)
{
  GType type;

  g_return_if_fail (ANNEX_IS_REGISTER_PAGE (self));
  g_return_if_fail (register_ == NULL || ANNEX_IS_REGISTER (register_));

  if (self->register_ == register_)
    return;

  if (self->bulk_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->bulk_dialog));

  /* Another register (or none: the workspace closes): nothing is written to the old one. */
  hide_editor (self, TRUE);
  g_object_set (self, "selection-mode", FALSE, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  set_query (self, NULL);
  /* Another register (another workspace) starts unfiltered. */
  annex_record_filter_clear_facets (self->filter);
  sync_facets_ui (self);

  g_set_object (&self->register_, register_);
  g_signal_group_set_target (self->register_signals, register_);
  annex_record_editor_set_register (self->editor, register_);

  type = register_ != NULL ? annex_register_get_record_type (register_) : G_TYPE_INVALID;
  if (type != self->columns_type && type != G_TYPE_INVALID)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (type);

      annex_record_filter_set_record_class (self->filter, ANNEX_RECORD_CLASS (klass));
      rebuild_facets_ui (self);
    }

  annex_record_view_set_model (self->view, G_LIST_MODEL (register_));
  build_columns (self, type);
  update_can_add (self);

  update_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGISTER]);
}

gboolean
annex_register_page_show_record (AnnexRegisterPage *self,
                                 gint64             id)
{
  AnnexRecord *record;

  g_return_val_if_fail (ANNEX_IS_REGISTER_PAGE (self), FALSE);

  if (self->register_ == NULL)
    return FALSE;

  record = annex_register_find (self->register_, id);
  if (record == NULL)
    return FALSE;

  /* A record hidden by the search or the filters is shown anyway: they make way. */
  if (find_shown_position (self, record) == G_MAXUINT)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      set_query (self, NULL);
      if (!annex_record_filter_matches (self->filter, record))
        annex_register_page_clear_filters (self);
    }

  select_record (self, record);
  open_editor (self, record, FALSE);
  return TRUE;
}

void
annex_register_page_set_search_text (AnnexRegisterPage *self,
                                     const char        *text)
{
  g_return_if_fail (ANNEX_IS_REGISTER_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  set_query (self, text);
}

const char *
annex_register_page_get_title (AnnexRegisterPage *self)
{
  g_return_val_if_fail (ANNEX_IS_REGISTER_PAGE (self), NULL);

  return self->title;
}

void
annex_register_page_set_title (AnnexRegisterPage *self,
                               const char        *title)
{
  g_return_if_fail (ANNEX_IS_REGISTER_PAGE (self));

  if (!set_string (&self->title, title))
    return;

  update_texts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

guint
annex_register_page_get_n_shown (AnnexRegisterPage *self)
{
  g_return_val_if_fail (ANNEX_IS_REGISTER_PAGE (self), 0);

  return self->n_shown;
}

guint
annex_register_page_get_n_total (AnnexRegisterPage *self)
{
  g_return_val_if_fail (ANNEX_IS_REGISTER_PAGE (self), 0);

  return self->n_total;
}

/**
 * annex_register_page_set_show_back_button:
 * @self: a #AnnexRegisterPage
 * @show_back_button: whether the folded editor shows its own back button
 *
 * A container with a back button of its own (the window's header bar) turns the page's off and
 * calls annex_register_page_navigate_back() first, so a narrow window never shows two.
 */
void
annex_register_page_set_show_back_button (AnnexRegisterPage *self,
                                          gboolean           show_back_button)
{
  g_return_if_fail (ANNEX_IS_REGISTER_PAGE (self));

  show_back_button = !!show_back_button;
  if (self->show_back_button == show_back_button)
    return;

  self->show_back_button = show_back_button;
  update_back_button (self);
  update_editor_toolbar (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_BACK_BUTTON]);
}

/**
 * annex_register_page_navigate_back:
 * @self: a #AnnexRegisterPage
 *
 * Goes back from the editor to the list when the editor covers the list (folded).
 *
 * Returns: %TRUE when the page went back, %FALSE when it had nowhere to go
 */
gboolean
annex_register_page_navigate_back (AnnexRegisterPage *self)
{
  g_return_val_if_fail (ANNEX_IS_REGISTER_PAGE (self), FALSE);

  if (!adw_leaflet_get_folded (self->leaflet) ||
      adw_leaflet_get_visible_child (self->leaflet) != self->editor_pane)
    return FALSE;

  return close_editor (self);
}

AnnexRecordEditor *
annex_register_page_get_editor (AnnexRegisterPage *self)
{
  g_return_val_if_fail (ANNEX_IS_REGISTER_PAGE (self), NULL);

  return self->editor;
}

gboolean
annex_register_page_get_can_add (AnnexRegisterPage *self)
{
  g_return_val_if_fail (ANNEX_IS_REGISTER_PAGE (self), FALSE);

  return self->can_add;
}

void
annex_register_page_add_facet (AnnexRegisterPage   *self,
                               const char          *name,
                               const char          *label,
                               const char * const  *choices,
                               AnnexFacetMatchFunc  match,
                               gpointer             user_data,
                               GDestroyNotify       destroy)
{
  g_return_if_fail (ANNEX_IS_REGISTER_PAGE (self));

  annex_record_filter_add_facet (self->filter, name, label, choices, match, user_data, destroy);
  rebuild_facets_ui (self);
}

gboolean
annex_register_page_remove_facet (AnnexRegisterPage *self,
                                  const char        *name)
{
  g_return_val_if_fail (ANNEX_IS_REGISTER_PAGE (self), FALSE);

  if (!annex_record_filter_remove_facet (self->filter, name))
    return FALSE;

  rebuild_facets_ui (self);
  update_n_active_filters (self);
  update_count (self);
  return TRUE;
}

gboolean
annex_register_page_set_facet (AnnexRegisterPage *self,
                               const char        *name,
                               guint              choice)
{
  g_return_val_if_fail (ANNEX_IS_REGISTER_PAGE (self), FALSE);

  if (!annex_record_filter_set_facet (self->filter, name, choice))
    return FALSE;

  sync_facets_ui (self);
  update_count (self);
  return TRUE;
}

guint
annex_register_page_get_facet (AnnexRegisterPage *self,
                               const char        *name)
{
  g_return_val_if_fail (ANNEX_IS_REGISTER_PAGE (self), ANNEX_FACET_ANY);

  return annex_record_filter_get_facet (self->filter, name);
}

void
annex_register_page_clear_filters (AnnexRegisterPage *self)
{
  g_return_if_fail (ANNEX_IS_REGISTER_PAGE (self));

  annex_record_filter_clear_facets (self->filter);
  sync_facets_ui (self);
  update_count (self);
}

guint
annex_register_page_get_n_active_filters (AnnexRegisterPage *self)
{
  g_return_val_if_fail (ANNEX_IS_REGISTER_PAGE (self), 0);

  return self->n_active_filters;
}

void
annex_register_page_set_header_widget (AnnexRegisterPage *self,
                                       GtkWidget         *widget)
{
  GtkWidget *child;

  g_return_if_fail (ANNEX_IS_REGISTER_PAGE (self));
  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));

  while ((child = gtk_widget_get_first_child (self->header_slot)) != NULL)
    gtk_box_remove (GTK_BOX (self->header_slot), child);

  if (widget != NULL)
    gtk_box_append (GTK_BOX (self->header_slot), widget);
  gtk_widget_set_visible (self->header_slot, widget != NULL);
}

void
annex_register_page_set_warning_func (AnnexRegisterPage      *self,
                                      AnnexRecordWarningFunc  func,
                                      gpointer                user_data,
                                      GDestroyNotify          destroy)
{
  g_return_if_fail (ANNEX_IS_REGISTER_PAGE (self));

  if (self->warning_destroy != NULL)
    self->warning_destroy (self->warning_data);
  self->warning_func = func;
  self->warning_data = user_data;
  self->warning_destroy = destroy;

  rebuild_columns (self);
}

void
annex_register_page_set_column_priority (AnnexRegisterPage  *self,
                                         const char * const *names)
{
  g_return_if_fail (ANNEX_IS_REGISTER_PAGE (self));

  g_strfreev (self->column_priority);
  self->column_priority = g_strdupv ((char **) names);
  rebuild_columns (self);
}

void
annex_register_page_set_visible_func (AnnexRegisterPage     *self,
                                      AnnexFieldVisibleFunc  func,
                                      gpointer               user_data,
                                      GDestroyNotify         destroy)
{
  g_return_if_fail (ANNEX_IS_REGISTER_PAGE (self));

  /* The editor borrows it; the page keeps it for the bulk edit dialog and frees it. */
  annex_record_editor_set_visible_func (self->editor, func, user_data, NULL);
  if (self->visible_destroy != NULL)
    self->visible_destroy (self->visible_data);
  self->visible_func = func;
  self->visible_data = user_data;
  self->visible_destroy = destroy;
}

void
annex_register_page_set_group_func (AnnexRegisterPage   *self,
                                    AnnexFieldGroupFunc  func,
                                    gpointer             user_data,
                                    GDestroyNotify       destroy)
{
  g_return_if_fail (ANNEX_IS_REGISTER_PAGE (self));

  annex_record_editor_set_group_func (self->editor, func, user_data, destroy);
}

void
annex_register_page_set_info_func (AnnexRegisterPage   *self,
                                   AnnexRecordInfoFunc  func,
                                   gpointer             user_data,
                                   GDestroyNotify       destroy)
{
  g_return_if_fail (ANNEX_IS_REGISTER_PAGE (self));

  annex_record_editor_set_info_func (self->editor, func, user_data, destroy);
}

void
annex_register_page_set_bulk_fields (AnnexRegisterPage  *self,
                                     const char * const *names)
{
  g_return_if_fail (ANNEX_IS_REGISTER_PAGE (self));

  g_strfreev (self->bulk_fields);
  self->bulk_fields = g_strdupv ((char **) names);
}

guint
annex_register_page_get_n_selected (AnnexRegisterPage *self)
{
  g_return_val_if_fail (ANNEX_IS_REGISTER_PAGE (self), 0);

  return self->n_selected;
}

GPtrArray *
annex_register_page_dup_selected (AnnexRegisterPage *self)
{
  g_autoptr(GtkBitset) set = NULL;
  GtkBitsetIter iter;
  GPtrArray *records;
  guint position;

  g_return_val_if_fail (ANNEX_IS_REGISTER_PAGE (self), NULL);

  records = g_ptr_array_new_with_free_func (g_object_unref);
  set = gtk_selection_model_get_selection (get_selection_model (self));
  if (gtk_bitset_iter_init_first (&iter, set, &position))
    {
      do
        g_ptr_array_add (records, g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                         position));
      while (gtk_bitset_iter_next (&iter, &position));
    }

  return records;
}

guint
annex_register_page_select_records (AnnexRegisterPage *self,
                                    GPtrArray         *records)
{
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GtkBitset) mask = NULL;
  g_autoptr(GHashTable) wanted = NULL;
  GListModel *model;
  guint n;

  g_return_val_if_fail (ANNEX_IS_REGISTER_PAGE (self), 0);
  g_return_val_if_fail (records != NULL, 0);

  wanted = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < records->len; i++)
    g_hash_table_add (wanted, g_ptr_array_index (records, i));

  model = G_LIST_MODEL (self->selection);
  n = g_list_model_get_n_items (model);
  selected = gtk_bitset_new_empty ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (g_hash_table_contains (wanted, item))
        gtk_bitset_add (selected, i);
    }

  mask = gtk_bitset_new_range (0, n);
  gtk_selection_model_set_selection (get_selection_model (self), selected, mask);
  return (guint) gtk_bitset_get_size (selected);
}

void
annex_register_page_edit_selected (AnnexRegisterPage *self)
{
  g_return_if_fail (ANNEX_IS_REGISTER_PAGE (self));

  edit_selected (self);
}

gboolean
annex_register_page_apply_bulk_edit (AnnexRegisterPage  *self,
                                     GPtrArray          *records,
                                     AnnexBulkEdit      *edit,
                                     GError            **error)
{
  g_autoptr(GPtrArray) selected = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GPtrArray) before = NULL;

  g_return_val_if_fail (ANNEX_IS_REGISTER_PAGE (self), FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->register_ == NULL)
    return TRUE;

  g_return_val_if_fail (annex_bulk_edit_get_record_type (edit) ==
                        annex_register_get_record_type (self->register_), FALSE);

  if (records == NULL)
    records = selected = annex_register_page_dup_selected (self);

  /* Edits typed into the editor a moment ago are written first, on their own. */
  annex_record_editor_flush (self->editor);

  changed = annex_bulk_edit_apply (edit, records, &before);
  if (changed->len == 0)
    return TRUE;

  if (!annex_register_save_many (self->register_, changed, error))
    {
      annex_bulk_edit_restore (changed, before);
      return FALSE;
    }

  show_bulk_toast (self, changed, before);
  refilter (self);
  return TRUE;
}

void
annex_register_page_add_column (AnnexRegisterPage  *self,
                                const char         *name,
                                const char         *title,
                                const char         *after,
                                int                 width,
                                GtkListItemFactory *factory,
                                GtkSorter          *sorter)
{
  CustomColumn *custom;

  g_return_if_fail (ANNEX_IS_REGISTER_PAGE (self));
  g_return_if_fail (name != NULL && title != NULL);
  g_return_if_fail (GTK_IS_LIST_ITEM_FACTORY (factory));
  g_return_if_fail (sorter == NULL || GTK_IS_SORTER (sorter));

  custom = g_new0 (CustomColumn, 1);
  custom->name = g_strdup (name);
  custom->title = g_strdup (title);
  custom->after = g_strdup (after);
  custom->width = width > 0 ? width : 100;
  custom->factory = g_object_ref (factory);
  custom->sorter = sorter != NULL ? g_object_ref (sorter) : NULL;

  if (self->custom_columns == NULL)
    self->custom_columns = g_ptr_array_new_with_free_func (custom_column_free);
  g_ptr_array_add (self->custom_columns, custom);

  rebuild_columns (self);
  queue_fit_columns (self);
}

gboolean
annex_register_page_set_facet_choices (AnnexRegisterPage  *self,
                                       const char         *name,
                                       const char * const *choices)
{
  g_return_val_if_fail (ANNEX_IS_REGISTER_PAGE (self), FALSE);

  if (!annex_record_filter_set_facet_choices (self->filter, name, choices))
    return FALSE;

  rebuild_facets_ui (self);
  update_count (self);
  return TRUE;
}
