/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-risk-method-dialog.c: the risk method dialog and its re-mapping preview. */

#define G_LOG_DOMAIN "annex-risk-method-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-level-badge.h"
#include "annex-risk-method-dialog.h"

/* The preview lists this many re-mapped risks, then says how many more. */
#define PREVIEW_MAX_LINES 200

struct _AnnexRiskMethodDialog
{
  AdwWindow          parent_instance;

  /* template widgets */
  GtkWidget         *apply_button;
  GtkRevealer       *error_revealer;
  GtkLabel          *error_label;
  GtkWidget         *page_slot;

  /* owned */
  AnnexRiskRegister *risks;
  AnnexRiskMethod   *method;          /* the copy being edited */
  GPtrArray         *preview;         /* AnnexRiskRemap of the last preview */
  GtkWidget         *preview_dialog;  /* weak */
  guint              preset_choice;   /* the preset row's selection */
  gboolean           rebuilding;

  /* the page's widgets that follow edits */
  GtkWidget         *page;
  GPtrArray         *level_badges;    /* AnnexLevelBadge of the level rows, 1..n at 0..n-1 */
  GPtrArray         *cell_badges;     /* AnnexLevelBadge of the grid, by (l-1)*ni + (i-1) */
  AdwComboRow       *threshold_row;
};

G_DEFINE_FINAL_TYPE (AnnexRiskMethodDialog, annex_risk_method_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_RISK_REGISTER,
  PROP_VALID,
  N_PROPS
};

enum {
  APPLIED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void rebuild (AnnexRiskMethodDialog *self);

/* Auxiliary methods */

char *
annex_risk_remap_format (const AnnexRiskRemap *remap,
                         AnnexRiskMethod      *old_method,
                         AnnexRiskMethod      *new_method)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *reference = annex_record_get_reference (ANNEX_RECORD (remap->risk));
  const guint *olds[2] = { remap->old_inherent, remap->old_residual };
  const guint *news[2] = { remap->new_inherent, remap->new_residual };

  for (guint k = 0; k < 2; k++)
    {
      const char *before = annex_risk_method_get_label (old_method, ANNEX_RISK_SCALE_LEVEL,
                                                        olds[k][2]);
      const char *after = annex_risk_method_get_label (new_method, ANNEX_RISK_SCALE_LEVEL,
                                                       news[k][2]);

      if (g_strcmp0 (before, after) == 0)
        continue;

      if (text->len > 0)
        g_string_append (text, _(", "));
      g_string_append_printf (text,
                              k == 0
                              /* Translators: how a risk's inherent level changes with a new
                               * risk method: "inherent High → Medium". */
                              ? _("inherent %s → %s")
                              /* Translators: the same for the residual level. */
                              : _("residual %s → %s"),
                              before != NULL ? before : _("not assessed"),
                              after != NULL ? after : _("not assessed"));
    }

  if (text->len == 0)
    /* Translators: a risk whose likelihood or impact numbers change, but not its level. */
    g_string_append (text, _("same level, re-numbered scales"));

  return g_strdup_printf ("%s: %s", reference, text->str);
}

static void
validate (AnnexRiskMethodDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean valid = annex_risk_method_validate (self->method, &error);

  gtk_label_set_text (self->error_label, valid ? "" : error->message);
  gtk_revealer_set_reveal_child (self->error_revealer, !valid);
  if (gtk_widget_get_sensitive (self->apply_button) != valid)
    {
      gtk_widget_set_sensitive (self->apply_button, valid);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
}

static void
update_badges (AnnexRiskMethodDialog *self)
{
  guint ni = annex_risk_method_get_n_impacts (self->method);

  for (guint i = 0; self->level_badges != NULL && i < self->level_badges->len; i++)
    annex_level_badge_set_level (g_ptr_array_index (self->level_badges, i),
                                 annex_risk_method_get_label (self->method,
                                                              ANNEX_RISK_SCALE_LEVEL, i + 1),
                                 annex_risk_method_get_color (self->method, i + 1));

  for (guint c = 0; self->cell_badges != NULL && c < self->cell_badges->len; c++)
    {
      guint level = annex_risk_method_get_level (self->method, c / ni + 1, c % ni + 1);

      annex_level_badge_set_level (g_ptr_array_index (self->cell_badges, c),
                                   annex_risk_method_get_label (self->method,
                                                                ANNEX_RISK_SCALE_LEVEL, level),
                                   annex_risk_method_get_color (self->method, level));
    }
}

/* The scale rows: an expander per entry with its label and description */

static void
on_label_changed_cb (GtkEditable           *entry,
                     AnnexRiskMethodDialog *self)
{
  AnnexRiskScale scale = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "annex-scale"));
  guint n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "annex-n"));
  AdwExpanderRow *expander = g_object_get_data (G_OBJECT (entry), "annex-expander");
  const char *text = gtk_editable_get_text (entry);

  if (self->rebuilding)
    return;

  annex_risk_method_set_label (self->method, scale, n, text);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), text);
  if (scale == ANNEX_RISK_SCALE_LEVEL)
    update_badges (self);
  validate (self);
}

static void
on_description_changed_cb (GtkEditable           *entry,
                           AnnexRiskMethodDialog *self)
{
  AnnexRiskScale scale = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "annex-scale"));
  guint n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "annex-n"));
  AdwExpanderRow *expander = g_object_get_data (G_OBJECT (entry), "annex-expander");
  const char *text = gtk_editable_get_text (entry);

  if (self->rebuilding)
    return;

  annex_risk_method_set_description (self->method, scale, n, *text != '\0' ? text : NULL);
  adw_expander_row_set_subtitle (expander, text);
}

static void
on_color_set_cb (GtkColorButton        *button,
                 AnnexRiskMethodDialog *self)
{
  guint n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "annex-n"));
  g_autofree char *color = NULL;
  GdkRGBA rgba;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  G_GNUC_END_IGNORE_DEPRECATIONS
  color = g_strdup_printf ("#%02x%02x%02x", (guint) (rgba.red * 255 + 0.5),
                           (guint) (rgba.green * 255 + 0.5), (guint) (rgba.blue * 255 + 0.5));
  annex_risk_method_set_color (self->method, n, color);
  update_badges (self);
  validate (self);
}

static GtkWidget *
create_entry_row (AnnexRiskMethodDialog *self,
                  const char            *title,
                  const char            *text,
                  AnnexRiskScale         scale,
                  guint                  n,
                  GtkWidget             *expander,
                  GCallback              callback)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  g_object_set_data (G_OBJECT (row), "annex-scale", GUINT_TO_POINTER (scale));
  g_object_set_data (G_OBJECT (row), "annex-n", GUINT_TO_POINTER (n));
  g_object_set_data (G_OBJECT (row), "annex-expander", expander);
  g_signal_connect_object (row, "changed", callback, self, 0);
  return row;
}

static GtkWidget *
create_scale_group (AnnexRiskMethodDialog *self,
                    AnnexRiskScale         scale,
                    const char            *title,
                    const char            *description)
{
  GtkWidget *group = adw_preferences_group_new ();
  guint n = annex_risk_method_get_size (self->method, scale);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  for (guint i = 1; i <= n; i++)
    {
      const char *label = annex_risk_method_get_label (self->method, scale, i);
      const char *text = annex_risk_method_get_description (self->method, scale, i);
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *number;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), label);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), text != NULL ? text : "");

      if (scale == ANNEX_RISK_SCALE_LEVEL)
        {
          GtkWidget *badge = annex_level_badge_new ();
          GtkWidget *color_row = adw_action_row_new ();
          GtkWidget *button;
          GdkRGBA rgba = { 0.5f, 0.5f, 0.5f, 1 };

          adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander), badge);
          g_ptr_array_add (self->level_badges, badge);

          gdk_rgba_parse (&rgba, annex_risk_method_get_color (self->method, i));
          G_GNUC_BEGIN_IGNORE_DEPRECATIONS
          button = gtk_color_button_new_with_rgba (&rgba);
          G_GNUC_END_IGNORE_DEPRECATIONS
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          g_object_set_data (G_OBJECT (button), "annex-n", GUINT_TO_POINTER (i));
          g_signal_connect_object (button, "color-set", G_CALLBACK (on_color_set_cb), self, 0);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (color_row), _("Colour"));
          adw_action_row_add_suffix (ADW_ACTION_ROW (color_row), button);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (color_row), button);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                    create_entry_row (self, _("Label"), label, scale, i, expander,
                                                      G_CALLBACK (on_label_changed_cb)));
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                    create_entry_row (self, _("Description"), text, scale, i,
                                                      expander,
                                                      G_CALLBACK (on_description_changed_cb)));
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), color_row);
        }
      else
        {
          g_autofree char *digits = g_strdup_printf ("%u", i);

          number = gtk_label_new (digits);
          gtk_widget_add_css_class (number, "dim-label");
          gtk_widget_add_css_class (number, "numeric");
          adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander), number);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                    create_entry_row (self, _("Label"), label, scale, i, expander,
                                                      G_CALLBACK (on_label_changed_cb)));
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                    create_entry_row (self, _("Description"), text, scale, i,
                                                      expander,
                                                      G_CALLBACK (on_description_changed_cb)));
        }

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
    }

  return group;
}

/* The grid: a button per cell opening the list of levels */

static void
on_level_picked_cb (GtkButton             *button,
                    AnnexRiskMethodDialog *self)
{
  guint l = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "annex-likelihood"));
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "annex-impact"));
  guint level = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "annex-level"));
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);

  annex_risk_method_dialog_set_cell (self, l, i, level);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static GtkWidget *
create_cell_button (AnnexRiskMethodDialog *self,
                    guint                  l,
                    guint                  i)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *badge = annex_level_badge_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  guint n_levels = annex_risk_method_get_n_levels (self->method);
  g_autofree char *name = NULL;

  gtk_widget_set_halign (badge, GTK_ALIGN_CENTER);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), badge);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "risk-grid-cell");
  gtk_widget_set_hexpand (button, TRUE);
  /* Translators: the accessible name of a cell of the risk matrix: likelihood × impact. */
  name = g_strdup_printf (_("%s × %s"),
                          annex_risk_method_get_label (self->method, ANNEX_RISK_SCALE_LIKELIHOOD,
                                                       l),
                          annex_risk_method_get_label (self->method, ANNEX_RISK_SCALE_IMPACT, i));
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  g_ptr_array_add (self->cell_badges, badge);

  for (guint level = n_levels; level >= 1; level--)
    {
      GtkWidget *item = gtk_button_new ();
      GtkWidget *item_badge = annex_level_badge_new ();

      annex_level_badge_set_level (ANNEX_LEVEL_BADGE (item_badge),
                                   annex_risk_method_get_label (self->method,
                                                                ANNEX_RISK_SCALE_LEVEL, level),
                                   annex_risk_method_get_color (self->method, level));
      gtk_widget_set_halign (item_badge, GTK_ALIGN_START);
      gtk_button_set_child (GTK_BUTTON (item), item_badge);
      gtk_widget_add_css_class (item, "flat");
      g_object_set_data (G_OBJECT (item), "annex-likelihood", GUINT_TO_POINTER (l));
      g_object_set_data (G_OBJECT (item), "annex-impact", GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (item), "annex-level", GUINT_TO_POINTER (level));
      g_signal_connect_object (item, "clicked", G_CALLBACK (on_level_picked_cb), self, 0);
      gtk_box_append (GTK_BOX (box), item);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  return button;
}

static GtkWidget *
create_axis_label (const char *text,
                   gboolean    row)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (label, text);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  if (row)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
      gtk_label_set_width_chars (GTK_LABEL (label), 4);
    }
  else
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), 2);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_label_set_width_chars (GTK_LABEL (label), 3);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 10);
    }
  return label;
}

static GtkWidget *
create_grid_group (AnnexRiskMethodDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *axis;
  guint nl = annex_risk_method_get_n_likelihoods (self->method);
  guint ni = annex_risk_method_get_n_impacts (self->method);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Risk Matrix"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The level of each combination of likelihood (rows) "
                                           "and impact (columns)."));
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 2);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), FALSE);
  gtk_widget_set_hexpand (grid, TRUE);
  gtk_widget_add_css_class (grid, "card");
  gtk_widget_add_css_class (grid, "risk-grid");

  for (guint l = nl; l >= 1; l--)
    {
      int row = (int) (nl - l);

      gtk_grid_attach (GTK_GRID (grid),
                       create_axis_label (annex_risk_method_get_label (self->method,
                                                                       ANNEX_RISK_SCALE_LIKELIHOOD,
                                                                       l), TRUE),
                       0, row, 1, 1);
      for (guint i = 1; i <= ni; i++)
        gtk_grid_attach (GTK_GRID (grid), create_cell_button (self, l, i), (int) i, row, 1, 1);
    }
  for (guint i = 1; i <= ni; i++)
    gtk_grid_attach (GTK_GRID (grid),
                     create_axis_label (annex_risk_method_get_label (self->method,
                                                                     ANNEX_RISK_SCALE_IMPACT, i),
                                        FALSE),
                     (int) i, (int) nl, 1, 1);

  axis = gtk_label_new (_("Impact →"));
  gtk_widget_add_css_class (axis, "caption-heading");
  gtk_grid_attach (GTK_GRID (grid), axis, 1, (int) nl + 1, (int) ni, 1);
  axis = gtk_label_new (_("Likelihood ↑"));
  gtk_widget_add_css_class (axis, "caption-heading");
  gtk_label_set_xalign (GTK_LABEL (axis), 1);
  gtk_grid_attach (GTK_GRID (grid), axis, 0, (int) nl + 1, 1, 1);

  /* The cell badges were added top row first: put them in (l-1)*ni + (i-1) order. */
  {
    g_autoptr(GPtrArray) ordered = g_ptr_array_new ();

    for (guint l = 1; l <= nl; l++)
      for (guint i = 1; i <= ni; i++)
        g_ptr_array_add (ordered, g_ptr_array_index (self->cell_badges, (nl - l) * ni + (i - 1)));
    g_ptr_array_set_size (self->cell_badges, 0);
    g_ptr_array_extend (self->cell_badges, ordered, NULL, NULL);
  }

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), grid);
  return group;
}

/* Preset and threshold */

static void
on_preset_selected_cb (AdwComboRow           *row,
                       GParamSpec            *pspec,
                       AnnexRiskMethodDialog *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->rebuilding || selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return;

  annex_risk_method_dialog_use_preset (self, (AnnexRiskPreset) (selected - 1));
}

static void
on_threshold_selected_cb (AdwComboRow           *row,
                          GParamSpec            *pspec,
                          AnnexRiskMethodDialog *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->rebuilding || selected == GTK_INVALID_LIST_POSITION)
    return;

  annex_risk_method_set_threshold (self->method, selected + 1);
  validate (self);
}

static GtkWidget *
create_preset_group (AnnexRiskMethodDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_combo_row_new ();
  const char *presets[] = {
    /* Translators: the first choice of the risk method presets: keep the scales as they are */
    _("As Now"),
    _("3 × 3, Three Levels"),
    _("4 × 4, Four Levels"),
    _("5 × 5, Five Levels"),
    NULL
  };
  g_autoptr(GtkStringList) list = gtk_string_list_new (presets);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("How risks are scored (clause 6.1.2 a): the scales of "
                                           "likelihood and impact, the risk levels they lead "
                                           "to, and the level up to which a risk may be accepted "
                                           "without treatment."));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Start From"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), self->preset_choice);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_preset_selected_cb), self, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return group;
}

static GtkWidget *
create_acceptance_group (AnnexRiskMethodDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint n = annex_risk_method_get_n_levels (self->method);

  for (guint i = 1; i <= n; i++)
    gtk_string_list_append (list, annex_risk_method_get_label (self->method,
                                                               ANNEX_RISK_SCALE_LEVEL, i));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Acceptance"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Acceptance Threshold"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("The highest level a risk may be retained at without an "
                                 "acceptance by its owner"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row),
                              annex_risk_method_get_threshold (self->method) - 1);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_threshold_selected_cb), self,
                           0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  self->threshold_row = ADW_COMBO_ROW (row);
  return group;
}

static void
rebuild (AnnexRiskMethodDialog *self)
{
  AdwPreferencesPage *page;

  self->rebuilding = TRUE;

  if (self->page != NULL)
    gtk_box_remove (GTK_BOX (self->page_slot), self->page);
  g_ptr_array_set_size (self->level_badges, 0);
  g_ptr_array_set_size (self->cell_badges, 0);

  page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (page), TRUE);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (create_preset_group (self)));
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (create_grid_group (self)));
  adw_preferences_page_add (page,
                            ADW_PREFERENCES_GROUP (create_scale_group (self,
                                                                       ANNEX_RISK_SCALE_LEVEL,
                                                                       _("Risk Levels"),
                                                                       _("From the lowest to the "
                                                                         "highest, each with its "
                                                                         "colour."))));
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (create_acceptance_group (self)));
  adw_preferences_page_add (page,
                            ADW_PREFERENCES_GROUP (create_scale_group (self,
                                                                       ANNEX_RISK_SCALE_LIKELIHOOD,
                                                                       _("Likelihood"),
                                                                       _("How probable the risk "
                                                                         "is, from the least "
                                                                         "to the most likely."))));
  adw_preferences_page_add (page,
                            ADW_PREFERENCES_GROUP (create_scale_group (self,
                                                                       ANNEX_RISK_SCALE_IMPACT,
                                                                       _("Impact"),
                                                                       _("How much harm it "
                                                                         "does, from the least "
                                                                         "to the most."))));
  self->page = GTK_WIDGET (page);
  gtk_box_append (GTK_BOX (self->page_slot), self->page);

  update_badges (self);
  validate (self);
  self->rebuilding = FALSE;
}

/* Applying */

static guint
count_level_changes (GPtrArray *preview)
{
  guint n = 0;

  for (guint i = 0; preview != NULL && i < preview->len; i++)
    if (((AnnexRiskRemap *) g_ptr_array_index (preview, i))->level_changed)
      n++;
  return n;
}

static gboolean
destroy_idle_cb (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
do_apply (AnnexRiskMethodDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint n_changed = count_level_changes (self->preview);

  if (!annex_risk_register_apply_method (self->risks, self->method, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
      return;
    }

  g_signal_emit (self, signals[APPLIED], 0, n_changed);

  /* The preview, transient for this window, is still answering its response: this window goes
   * once it has. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_idle_cb, g_object_ref (self), g_object_unref);
}

static void
on_preview_response_cb (AdwMessageDialog      *dialog,
                        const char            *response,
                        AnnexRiskMethodDialog *self)
{
  if (g_strcmp0 (response, "apply") == 0)
    do_apply (self);
}

static GtkWidget *
create_preview_list (AnnexRiskMethodDialog *self,
                     AnnexRiskMethod       *current)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *label = gtk_label_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) lines = annex_risk_method_dialog_dup_preview_lines (self);
  guint n = lines != NULL ? g_strv_length (lines) : 0;

  for (guint i = 0; i < n && i < PREVIEW_MAX_LINES; i++)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, lines[i]);
    }
  if (n > PREVIEW_MAX_LINES)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "… and %u more",
                                                 "… and %u more", n - PREVIEW_MAX_LINES),
                              n - PREVIEW_MAX_LINES);
    }

  gtk_label_set_text (GTK_LABEL (label), text->str);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
  return scroller;
}

/* Signal callbacks */

static void
on_apply_clicked_cb (AnnexRiskMethodDialog *self)
{
  annex_risk_method_dialog_apply (self);
}

/* GObject */

static void
annex_risk_method_dialog_constructed (GObject *object)
{
  AnnexRiskMethodDialog *self = ANNEX_RISK_METHOD_DIALOG (object);

  G_OBJECT_CLASS (annex_risk_method_dialog_parent_class)->constructed (object);

  g_assert (ANNEX_IS_RISK_REGISTER (self->risks));
  self->method = annex_risk_method_copy (annex_risk_register_get_method (self->risks));
  rebuild (self);
}

static void
annex_risk_method_dialog_dispose (GObject *object)
{
  AnnexRiskMethodDialog *self = ANNEX_RISK_METHOD_DIALOG (object);

  if (self->preview_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->preview_dialog),
                                    (gpointer *) &self->preview_dialog);
      gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->preview_dialog)));
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), ANNEX_TYPE_RISK_METHOD_DIALOG);

  g_clear_object (&self->risks);
  g_clear_object (&self->method);
  g_clear_pointer (&self->preview, g_ptr_array_unref);
  g_clear_pointer (&self->level_badges, g_ptr_array_unref);
  g_clear_pointer (&self->cell_badges, g_ptr_array_unref);

  G_OBJECT_CLASS (annex_risk_method_dialog_parent_class)->dispose (object);
}

static void
annex_risk_method_dialog_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  AnnexRiskMethodDialog *self = ANNEX_RISK_METHOD_DIALOG (object);

  switch (prop_id)
    {
    case PROP_RISK_REGISTER:
      g_value_set_object (value, self->risks);
      break;
    case PROP_VALID:
      g_value_set_boolean (value, annex_risk_method_dialog_get_valid (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_risk_method_dialog_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  AnnexRiskMethodDialog *self = ANNEX_RISK_METHOD_DIALOG (object);

  switch (prop_id)
    {
    case PROP_RISK_REGISTER:
      self->risks = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_risk_method_dialog_class_init (AnnexRiskMethodDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = annex_risk_method_dialog_constructed;
  object_class->dispose = annex_risk_method_dialog_dispose;
  object_class->get_property = annex_risk_method_dialog_get_property;
  object_class->set_property = annex_risk_method_dialog_set_property;

  properties[PROP_RISK_REGISTER] =
    g_param_spec_object ("risk-register", NULL, NULL, ANNEX_TYPE_RISK_REGISTER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, TRUE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[APPLIED] =
    g_signal_new ("applied",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH
                                               "/ui/annex-risk-method-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnexRiskMethodDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, AnnexRiskMethodDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, AnnexRiskMethodDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AnnexRiskMethodDialog, page_slot);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_clicked_cb);
}

static void
annex_risk_method_dialog_init (AnnexRiskMethodDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->level_badges = g_ptr_array_new ();
  self->cell_badges = g_ptr_array_new ();
}

/* Public API */

GtkWidget *
annex_risk_method_dialog_new (GtkWindow         *parent,
                              AnnexRiskRegister *risks)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ANNEX_IS_RISK_REGISTER (risks), NULL);

  return g_object_new (ANNEX_TYPE_RISK_METHOD_DIALOG,
                       "transient-for", parent,
                       "risk-register", risks,
                       NULL);
}

AnnexRiskMethod *
annex_risk_method_dialog_get_method (AnnexRiskMethodDialog *self)
{
  g_return_val_if_fail (ANNEX_IS_RISK_METHOD_DIALOG (self), NULL);

  return self->method;
}

void
annex_risk_method_dialog_use_preset (AnnexRiskMethodDialog *self,
                                     AnnexRiskPreset        preset)
{
  g_return_if_fail (ANNEX_IS_RISK_METHOD_DIALOG (self));

  g_clear_object (&self->method);
  self->method = annex_risk_method_new_preset (preset);
  self->preset_choice = (guint) preset + 1;
  rebuild (self);
}

void
annex_risk_method_dialog_set_cell (AnnexRiskMethodDialog *self,
                                   guint                  likelihood,
                                   guint                  impact,
                                   guint                  level)
{
  g_return_if_fail (ANNEX_IS_RISK_METHOD_DIALOG (self));

  annex_risk_method_set_level (self->method, likelihood, impact, level);
  update_badges (self);
  validate (self);
}

gboolean
annex_risk_method_dialog_get_valid (AnnexRiskMethodDialog *self)
{
  g_return_val_if_fail (ANNEX_IS_RISK_METHOD_DIALOG (self), FALSE);

  return annex_risk_method_validate (self->method, NULL);
}

GtkWidget *
annex_risk_method_dialog_apply (AnnexRiskMethodDialog *self)
{
  AnnexRiskMethod *current;
  GtkWidget *dialog;
  g_autofree char *body = NULL;
  guint n_changed = 0, n_values = 0, n_problems = 0;

  g_return_val_if_fail (ANNEX_IS_RISK_METHOD_DIALOG (self), NULL);

  if (!annex_risk_method_dialog_get_valid (self))
    return NULL;

  current = annex_risk_register_get_method (self->risks);
  if (annex_risk_method_equal (current, self->method))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }

  g_clear_pointer (&self->preview, g_ptr_array_unref);
  self->preview = annex_risk_register_preview_method (self->risks, self->method);
  for (guint i = 0; i < self->preview->len; i++)
    {
      AnnexRiskRemap *remap = g_ptr_array_index (self->preview, i);

      n_changed += remap->level_changed ? 1 : 0;
      n_values += remap->values_changed || remap->level_changed ? 1 : 0;
      n_problems += remap->problem != NULL ? 1 : 0;
    }

  /* Nothing any risk shows changes: the method (labels, colours, threshold) applies at once. */
  if (n_values == 0 && n_problems == 0)
    {
      do_apply (self);
      return NULL;
    }

  if (n_problems > 0)
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The new method cannot be applied yet: %u risk would be "
                                         "retained above the acceptance threshold without an "
                                         "acceptance. Record the acceptance or change the "
                                         "treatment first.",
                                         "The new method cannot be applied yet: %u risks would "
                                         "be retained above the acceptance threshold without an "
                                         "acceptance. Record the acceptance or change the "
                                         "treatment first.", n_problems), n_problems);
  else
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The new method changes %u of %u risks. Nothing is "
                                         "changed until you apply it, and every change is "
                                         "recorded in the history.",
                                         "The new method changes %u of %u risks. Nothing is "
                                         "changed until you apply it, and every change is "
                                         "recorded in the history.", n_values),
                            n_values, self->preview->len);

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   n_problems > 0 ? _("Risks Need Attention First")
                                                  : _("Re-score Risks?"),
                                   body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog),
                                      create_preview_list (self, current));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "apply", _("_Apply and Re-score"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply",
                                           n_problems == 0);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_preview_response_cb), self, 0);

  if (self->preview_dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->preview_dialog),
                                  (gpointer *) &self->preview_dialog);
  self->preview_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->preview_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

GStrv
annex_risk_method_dialog_dup_preview_lines (AnnexRiskMethodDialog *self)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  AnnexRiskMethod *current;

  g_return_val_if_fail (ANNEX_IS_RISK_METHOD_DIALOG (self), NULL);

  if (self->preview == NULL)
    return NULL;

  current = annex_risk_register_get_method (self->risks);
  builder = g_strv_builder_new ();

  /* Problems first: they stop the apply. */
  for (guint i = 0; i < self->preview->len; i++)
    {
      AnnexRiskRemap *remap = g_ptr_array_index (self->preview, i);

      if (remap->problem != NULL)
        {
          g_autofree char *line = NULL;

          line = g_strdup_printf ("%s: %s", annex_record_get_reference (ANNEX_RECORD (remap->risk)),
                                  remap->problem);
          g_strv_builder_add (builder, line);
        }
    }
  for (guint i = 0; i < self->preview->len; i++)
    {
      AnnexRiskRemap *remap = g_ptr_array_index (self->preview, i);
      g_autofree char *line = NULL;

      if (remap->problem != NULL || !(remap->level_changed || remap->values_changed))
        continue;
      line = annex_risk_remap_format (remap, current, self->method);
      g_strv_builder_add (builder, line);
    }

  return g_strv_builder_end (builder);
}
