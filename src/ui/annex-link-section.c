/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-link-section.c: the linked records of an editor's record: a row per linked record of the
 * target register, a remove button on each, and a searchable picker of the target records. */

#define G_LOG_DOMAIN "annex-link-section"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-link-section.h"
#include "annex-links.h"

struct _AnnexLinkSection
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkWidget          *box;
  GtkLabel           *title_label;
  GtkMenuButton      *add_button;
  GtkPopover         *picker;
  GtkSearchEntry     *picker_entry;
  GtkListBox         *picker_list;
  GtkListBox         *list;
  GtkLabel           *empty_label;

  /* owned */
  AnnexRegister      *targets;
  AnnexRecord        *record;
  GTypeClass         *target_class;
  GSignalGroup       *record_signals;
  GSignalGroup       *database_signals;
  AnnexRecordEditor  *editor;          /* weak */
  GHashTable         *linked;          /* gint64 * target id → itself */
  GtkFilterListModel *picker_model;
  GtkCustomFilter    *picker_filter;
  char               *query;
  char               *title;
  char               *empty_text;
  guint               refresh_source;

  AnnexLinkDirection  direction;
  guint               n_links;
  gboolean            updating_picker;  /* a check box is set by the code, not the user */
};

G_DEFINE_FINAL_TYPE (AnnexLinkSection, annex_link_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_TARGETS,
  PROP_DIRECTION,
  PROP_RECORD,
  PROP_EMPTY_TEXT,
  PROP_N_LINKS,
  N_PROPS
};

enum {
  ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_ENUM_TYPE (AnnexLinkDirection, annex_link_direction,
                    G_DEFINE_ENUM_VALUE (ANNEX_LINK_FROM_RECORD, "from-record"),
                    G_DEFINE_ENUM_VALUE (ANNEX_LINK_TO_RECORD, "to-record"))

/* Auxiliary functions */

static const char *
record_table (AnnexRecord *record)
{
  return annex_record_class_get_table (ANNEX_RECORD_GET_CLASS (record));
}

static const char *
target_table (AnnexLinkSection *self)
{
  return annex_record_class_get_table (ANNEX_RECORD_CLASS (self->target_class));
}

static gboolean
has_saved_record (AnnexLinkSection *self)
{
  return self->record != NULL && annex_record_get_id (self->record) > 0;
}

static void
emit_toast (AnnexLinkSection *self,
            const char       *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  g_autoptr(AdwToast) toast = adw_toast_new (escaped);

  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

/* The ids linked now, read from the database (NULL on error). */
static GArray *
read_linked_ids (AnnexLinkSection  *self,
                 GError           **error)
{
  AnnexDatabase *db = annex_register_get_database (self->targets);
  gint64 id = annex_record_get_id (self->record);

  if (self->direction == ANNEX_LINK_FROM_RECORD)
    return annex_links_dup_targets (db, record_table (self->record), id, target_table (self),
                                    error);

  return annex_links_dup_sources (db, record_table (self->record), id, target_table (self), error);
}

char *
annex_link_section_format_record (AnnexRecord *record)
{
  AnnexRecordClass *klass;
  const AnnexField *fields;
  g_autofree char *title = NULL;
  const char *reference;
  guint n_fields = 0;

  g_return_val_if_fail (ANNEX_IS_RECORD (record), NULL);

  klass = ANNEX_RECORD_GET_CLASS (record);
  if (g_object_class_find_property (G_OBJECT_CLASS (klass), "display-title") != NULL)
    g_object_get (record, "display-title", &title, NULL);
  if (title == NULL)
    title = g_strdup (annex_record_get_string (record, "title"));
  if (title == NULL)
    title = g_strdup (annex_record_get_string (record, "name"));

  fields = annex_record_class_get_fields (klass, &n_fields);
  for (guint i = 0; title == NULL && i < n_fields; i++)
    {
      if (fields[i].type == ANNEX_FIELD_TEXT || fields[i].type == ANNEX_FIELD_LONG_TEXT)
        title = g_strdup (annex_record_get_string (record, fields[i].name));
    }

  reference = annex_record_get_reference (record);
  if (reference == NULL || *reference == '\0')
    return g_steal_pointer (&title);
  if (title == NULL || *title == '\0')
    return g_strdup (reference);

  /* Translators: a linked record: its reference, then its title ("5.15 Access control") */
  return g_strdup_printf (_("%s %s"), reference, title);
}

static void
remove_all_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void on_remove_button_clicked_cb (GtkButton        *button,
                                         AnnexLinkSection *self);

static GtkWidget *
create_link_row (AnnexLinkSection *self,
                 gint64            id)
{
  AnnexRecord *target = annex_register_find (self->targets, id);
  g_autofree char *label = NULL;
  GtkWidget *row, *button;

  if (target != NULL)
    label = annex_link_section_format_record (target);
  else
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      /* Translators: a linked record the list has not loaded (yet): its id */
      label = g_strdup_printf (_("Record %s"), number);
    }

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Show this record"));
  g_object_set_data_full (G_OBJECT (row), "target-id", g_memdup2 (&id, sizeof id), g_free);

  button = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove Link"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Link"), -1);
  g_object_set_data_full (G_OBJECT (button), "target-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_button_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
set_n_links (AnnexLinkSection *self,
             guint             n_links)
{
  if (self->n_links == n_links)
    return;

  self->n_links = n_links;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_LINKS]);
}

/* Syncs the picker's check boxes with the links. */
static void
update_picker_checks (AnnexLinkSection *self)
{
  self->updating_picker = TRUE;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->picker_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");
      gint64 *id = g_object_get_data (G_OBJECT (row), "target-id");

      if (check != NULL && id != NULL)
        gtk_check_button_set_active (check, g_hash_table_contains (self->linked, id));
    }
  self->updating_picker = FALSE;
}

static void
refresh (AnnexLinkSection *self)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->refresh_source, g_source_remove);

  gtk_widget_set_visible (GTK_WIDGET (self), has_saved_record (self));
  remove_all_rows (self->list);
  g_hash_table_remove_all (self->linked);

  if (has_saved_record (self))
    {
      ids = read_linked_ids (self, &error);
      if (ids == NULL)
        g_warning ("Could not read the links: %s", error->message);
    }

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      g_hash_table_add (self->linked, g_memdup2 (&id, sizeof id));
      gtk_list_box_append (self->list, create_link_row (self, id));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->list), ids != NULL && ids->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), ids == NULL || ids->len == 0);
  set_n_links (self, ids != NULL ? ids->len : 0);
  update_picker_checks (self);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  AnnexLinkSection *self = user_data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Once per main loop turn, after a burst of changes (a bulk link, a register reload). */
static void
queue_refresh (AnnexLinkSection *self)
{
  if (self->refresh_source != 0)
    return;

  self->refresh_source = g_idle_add (refresh_idle_cb, self);
  g_source_set_name_by_id (self->refresh_source, "[annex] link section refresh");
}

/* The picker */

static gboolean
picker_filter_func (gpointer item,
                    gpointer user_data)
{
  AnnexLinkSection *self = user_data;

  return self->query == NULL || annex_record_matches (ANNEX_RECORD (item), self->query);
}

static void
on_picker_check_toggled_cb (GtkCheckButton   *check,
                            AnnexLinkSection *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (check), "target-id");
  g_autoptr(GError) error = NULL;

  if (self->updating_picker || id == NULL)
    return;

  if (!annex_link_section_set_linked (self, *id, gtk_check_button_get_active (check), &error))
    {
      emit_toast (self, error->message);
      update_picker_checks (self);
    }
}

static GtkWidget *
create_picker_row (gpointer item,
                   gpointer user_data)
{
  AnnexLinkSection *self = user_data;
  AnnexRecord *record = ANNEX_RECORD (item);
  g_autofree char *label = annex_link_section_format_record (record);
  gint64 id = annex_record_get_id (record);
  GtkWidget *row, *check;

  check = gtk_check_button_new ();
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (self->linked, &id));
  g_object_set_data_full (G_OBJECT (check), "target-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_picker_check_toggled_cb), self, 0);

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data (G_OBJECT (row), "check", check);
  g_object_set_data_full (G_OBJECT (row), "target-id", g_memdup2 (&id, sizeof id), g_free);

  return row;
}

/* Signal callbacks */

static void
on_remove_button_clicked_cb (GtkButton        *button,
                             AnnexLinkSection *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "target-id");
  g_autoptr(GError) error = NULL;

  if (!annex_link_section_set_linked (self, *id, FALSE, &error))
    emit_toast (self, error->message);
}

static void
on_list_row_activated_cb (AnnexLinkSection *self,
                          GtkListBoxRow    *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "target-id");

  if (id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(sx)",
                                target_table (self), *id);
}

static void
on_picker_show_cb (AnnexLinkSection *self)
{
  /* Bound only while open: a closed picker costs no rows. */
  gtk_list_box_bind_model (self->picker_list, G_LIST_MODEL (self->picker_model),
                           create_picker_row, self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->picker_entry));
}

static void
on_picker_closed_cb (AnnexLinkSection *self)
{
  gtk_list_box_bind_model (self->picker_list, NULL, NULL, NULL, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->picker_entry), "");
}

static void
on_picker_search_changed_cb (AnnexLinkSection *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->picker_entry));

  g_clear_pointer (&self->query, g_free);
  if (text != NULL && *text != '\0')
    self->query = annex_record_prepare_query (text);
  gtk_filter_changed (GTK_FILTER (self->picker_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Enter in the search toggles the first record shown. */
static void
on_picker_entry_activate_cb (AnnexLinkSection *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->picker_list, 0);
  GtkCheckButton *check = row != NULL ? g_object_get_data (G_OBJECT (row), "check") : NULL;

  if (check != NULL)
    gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
}

static void
on_picker_stop_search_cb (AnnexLinkSection *self)
{
  gtk_popover_popdown (self->picker);
}

static void
on_database_changed_cb (AnnexLinkSection *self,
                        const char       *table)
{
  if (g_strcmp0 (table, "links") == 0)
    queue_refresh (self);
}

static void
on_editor_record_changed_cb (AnnexLinkSection  *self,
                             GParamSpec        *pspec,
                             AnnexRecordEditor *editor)
{
  annex_link_section_set_record (self, annex_record_editor_get_record (editor));
}

static void
on_editor_add_toast_cb (AnnexLinkSection *self,
                        AdwToast         *toast)
{
  if (self->editor != NULL)
    g_signal_emit_by_name (self->editor, "add-toast", toast);
}

/* GObject */

static void
annex_link_section_constructed (GObject *object)
{
  AnnexLinkSection *self = ANNEX_LINK_SECTION (object);

  G_OBJECT_CLASS (annex_link_section_parent_class)->constructed (object);

  g_assert (ANNEX_IS_REGISTER (self->targets));

  self->target_class = g_type_class_ref (annex_register_get_record_type (self->targets));
  g_signal_group_set_target (self->database_signals, annex_register_get_database (self->targets));
  g_signal_connect_object (self->targets, "items-changed", G_CALLBACK (queue_refresh), self,
                           G_CONNECT_SWAPPED);

  self->picker_filter = gtk_custom_filter_new (picker_filter_func, self, NULL);
  self->picker_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->targets)),
                                                  g_object_ref (GTK_FILTER (self->picker_filter)));

  refresh (self);
}

static void
annex_link_section_dispose (GObject *object)
{
  AnnexLinkSection *self = ANNEX_LINK_SECTION (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->picker_list != NULL)
    gtk_list_box_bind_model (self->picker_list, NULL, NULL, NULL, NULL);
  if (self->record_signals != NULL)
    g_signal_group_set_target (self->record_signals, NULL);
  if (self->database_signals != NULL)
    g_signal_group_set_target (self->database_signals, NULL);
  g_clear_weak_pointer (&self->editor);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANNEX_TYPE_LINK_SECTION);

  g_clear_object (&self->picker_model);
  g_clear_object (&self->picker_filter);
  g_clear_object (&self->record_signals);
  g_clear_object (&self->database_signals);
  g_clear_object (&self->record);
  g_clear_object (&self->targets);
  g_clear_pointer (&self->target_class, g_type_class_unref);

  G_OBJECT_CLASS (annex_link_section_parent_class)->dispose (object);
}

static void
annex_link_section_finalize (GObject *object)
{
  AnnexLinkSection *self = ANNEX_LINK_SECTION (object);

  g_clear_pointer (&self->linked, g_hash_table_unref);
  g_free (self->query);
  g_free (self->title);
  g_free (self->empty_text);

  G_OBJECT_CLASS (annex_link_section_parent_class)->finalize (object);
}

static void
annex_link_section_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AnnexLinkSection *self = ANNEX_LINK_SECTION (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_TARGETS:
      g_value_set_object (value, self->targets);
      break;
    case PROP_DIRECTION:
      g_value_set_enum (value, self->direction);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    case PROP_EMPTY_TEXT:
      g_value_set_string (value, self->empty_text);
      break;
    case PROP_N_LINKS:
      g_value_set_uint (value, self->n_links);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_link_section_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AnnexLinkSection *self = ANNEX_LINK_SECTION (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_free (self->title);
      self->title = g_value_dup_string (value);
      gtk_label_set_label (self->title_label, self->title);
      g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_TARGETS:
      self->targets = g_value_dup_object (value);
      break;
    case PROP_DIRECTION:
      self->direction = g_value_get_enum (value);
      break;
    case PROP_RECORD:
      annex_link_section_set_record (self, g_value_get_object (value));
      break;
    case PROP_EMPTY_TEXT:
      annex_link_section_set_empty_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_link_section_class_init (AnnexLinkSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = annex_link_section_constructed;
  object_class->dispose = annex_link_section_dispose;
  object_class->finalize = annex_link_section_finalize;
  object_class->get_property = annex_link_section_get_property;
  object_class->set_property = annex_link_section_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_TARGETS] =
    g_param_spec_object ("targets", NULL, NULL, ANNEX_TYPE_REGISTER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL, ANNEX_TYPE_LINK_DIRECTION,
                       ANNEX_LINK_FROM_RECORD,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, ANNEX_TYPE_RECORD, rw);
  properties[PROP_EMPTY_TEXT] =
    g_param_spec_string ("empty-text", NULL, NULL, NULL, rw);
  properties[PROP_N_LINKS] =
    g_param_spec_uint ("n-links", NULL, NULL, 0, G_MAXUINT, 0,
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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/annex-link-section.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnexLinkSection, box);
  gtk_widget_class_bind_template_child (widget_class, AnnexLinkSection, title_label);
  gtk_widget_class_bind_template_child (widget_class, AnnexLinkSection, add_button);
  gtk_widget_class_bind_template_child (widget_class, AnnexLinkSection, picker);
  gtk_widget_class_bind_template_child (widget_class, AnnexLinkSection, picker_entry);
  gtk_widget_class_bind_template_child (widget_class, AnnexLinkSection, picker_list);
  gtk_widget_class_bind_template_child (widget_class, AnnexLinkSection, list);
  gtk_widget_class_bind_template_child (widget_class, AnnexLinkSection, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, on_picker_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_picker_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_picker_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_picker_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
annex_link_section_init (AnnexLinkSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->linked = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gtk_label_set_label (self->empty_label, _("Nothing linked yet."));

  g_signal_connect_object (self->picker, "closed", G_CALLBACK (on_picker_closed_cb), self,
                           G_CONNECT_SWAPPED);

  self->record_signals = g_signal_group_new (ANNEX_TYPE_RECORD);
  g_signal_group_connect_swapped (self->record_signals, "notify::id",
                                  G_CALLBACK (queue_refresh), self);

  self->database_signals = g_signal_group_new (ANNEX_TYPE_DATABASE);
  g_signal_group_connect_swapped (self->database_signals, "changed",
                                  G_CALLBACK (on_database_changed_cb), self);

}

/* Public API */

GtkWidget *
annex_link_section_new (const char         *title,
                        AnnexRegister      *targets,
                        AnnexLinkDirection  direction)
{
  g_return_val_if_fail (ANNEX_IS_REGISTER (targets), NULL);

  return g_object_new (ANNEX_TYPE_LINK_SECTION,
                       "title", title,
                       "targets", targets,
                       "direction", direction,
                       NULL);
}

void
annex_link_section_attach (AnnexLinkSection  *self,
                           AnnexRecordEditor *editor)
{
  g_return_if_fail (ANNEX_IS_LINK_SECTION (self));
  g_return_if_fail (ANNEX_IS_RECORD_EDITOR (editor));

  annex_record_editor_add_section (editor, GTK_WIDGET (self));
  /* Not a GSignalGroup: the editor is disposed before the section, and a signal group loses
   * track of a target being disposed. */
  g_set_weak_pointer (&self->editor, editor);
  g_signal_connect_object (editor, "notify::record", G_CALLBACK (on_editor_record_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "add-toast", G_CALLBACK (on_editor_add_toast_cb), NULL);
  annex_link_section_set_record (self, annex_record_editor_get_record (editor));
}

AnnexRecord *
annex_link_section_get_record (AnnexLinkSection *self)
{
  g_return_val_if_fail (ANNEX_IS_LINK_SECTION (self), NULL);

  return self->record;
}

void
annex_link_section_set_record (AnnexLinkSection *self,
                               AnnexRecord      *record)
{
  g_return_if_fail (ANNEX_IS_LINK_SECTION (self));
  g_return_if_fail (record == NULL || ANNEX_IS_RECORD (record));

  if (!g_set_object (&self->record, record))
    return;

  g_signal_group_set_target (self->record_signals, record);
  if (gtk_widget_get_visible (GTK_WIDGET (self->picker)))
    gtk_popover_popdown (self->picker);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

AnnexRegister *
annex_link_section_get_targets (AnnexLinkSection *self)
{
  g_return_val_if_fail (ANNEX_IS_LINK_SECTION (self), NULL);

  return self->targets;
}

void
annex_link_section_set_empty_text (AnnexLinkSection *self,
                                   const char       *text)
{
  g_return_if_fail (ANNEX_IS_LINK_SECTION (self));

  if (g_strcmp0 (self->empty_text, text) == 0)
    return;

  g_free (self->empty_text);
  self->empty_text = g_strdup (text);
  gtk_label_set_label (self->empty_label, text != NULL ? text : _("Nothing linked yet."));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY_TEXT]);
}

guint
annex_link_section_get_n_links (AnnexLinkSection *self)
{
  g_return_val_if_fail (ANNEX_IS_LINK_SECTION (self), 0);

  return self->n_links;
}

GArray *
annex_link_section_dup_linked_ids (AnnexLinkSection *self)
{
  GArray *ids;

  g_return_val_if_fail (ANNEX_IS_LINK_SECTION (self), NULL);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      gint64 *id = g_object_get_data (G_OBJECT (row), "target-id");

      if (id != NULL)
        g_array_append_val (ids, *id);
    }

  return ids;
}

gboolean
annex_link_section_set_linked (AnnexLinkSection  *self,
                               gint64             target_id,
                               gboolean           linked,
                               GError           **error)
{
  AnnexDatabase *db;
  const char *from_table, *to_table;
  gint64 from_id, to_id;
  gboolean ok;

  g_return_val_if_fail (ANNEX_IS_LINK_SECTION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!has_saved_record (self))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("Save the record before linking it."));
      return FALSE;
    }

  db = annex_register_get_database (self->targets);
  if (self->direction == ANNEX_LINK_FROM_RECORD)
    {
      from_table = record_table (self->record);
      from_id = annex_record_get_id (self->record);
      to_table = target_table (self);
      to_id = target_id;
    }
  else
    {
      from_table = target_table (self);
      from_id = target_id;
      to_table = record_table (self->record);
      to_id = annex_record_get_id (self->record);
    }

  if (linked)
    ok = annex_links_add (db, from_table, from_id, to_table, to_id, error);
  else
    ok = annex_links_remove (db, from_table, from_id, to_table, to_id, error);

  /* The rows follow at once ("changed::links" would also bring them at the next idle). */
  if (ok)
    refresh (self);

  return ok;
}

void
annex_link_section_open_picker (AnnexLinkSection *self)
{
  g_return_if_fail (ANNEX_IS_LINK_SECTION (self));

  if (has_saved_record (self))
    gtk_popover_popup (self->picker);
}
