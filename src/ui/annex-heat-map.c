/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-heat-map.c: the risk heat map, drawn with GtkSnapshot. */

#define G_LOG_DOMAIN "annex-heat-map"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-heat-map.h"
#include "annex-level-badge.h"
#include "annex-text-scale.h"

#define PAD 4
#define GAP 3
#define AXIS_SPACING 6
#define LABEL_SPACING 8
#define CELL_MIN_WIDTH 30
#define CELL_NAT_WIDTH 96
#define CELL_MAX_WIDTH 128
#define CELL_MIN_HEIGHT 24
#define CELL_NAT_HEIGHT 34
#define CELL_MAX_HEIGHT 48
#define N_LABEL_LINES 2
/* The axis labels shrink, when they lack room, down to this fraction of the normal text size
 * (whatever the larger-text mode) before they are cut short. */
#define LABEL_MIN_SCALE 0.75

/* Where things are drawn at the current size. */
typedef struct
{
  float axis_width;     /* the rotated "Likelihood" title */
  float label_width;    /* the likelihood labels */
  double label_scale;   /* their font scale */
  float x0, y0;         /* the grid's top left corner */
  float cell_width, cell_height;
  float line_height;
} Geometry;

struct _AnnexHeatMap
{
  GtkWidget         parent_instance;

  /* owned */
  AnnexRiskMethod  *method;
  AnnexRiskHeatMap  counts;
  guint             selected_likelihood;
  guint             selected_impact;
  guint             cursor_likelihood;
  guint             cursor_impact;
};

G_DEFINE_FINAL_TYPE (AnnexHeatMap, annex_heat_map, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_METHOD,
  PROP_SELECTED_LIKELIHOOD,
  PROP_SELECTED_IMPACT,
  N_PROPS
};

enum {
  CELL_PICKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Auxiliary methods */

static guint
n_likelihoods (AnnexHeatMap *self)
{
  return self->method != NULL ? annex_risk_method_get_n_likelihoods (self->method) : 0;
}

static guint
n_impacts (AnnexHeatMap *self)
{
  return self->method != NULL ? annex_risk_method_get_n_impacts (self->method) : 0;
}

static PangoLayout *
create_layout (AnnexHeatMap *self,
               const char   *text)
{
  return gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
}

static int
text_width (AnnexHeatMap *self,
            const char   *text)
{
  g_autoptr(PangoLayout) layout = create_layout (self, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static int
line_height (AnnexHeatMap *self)
{
  g_autoptr(PangoLayout) layout = create_layout (self, "Xg");
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static int
max_label_width (AnnexHeatMap   *self,
                 AnnexRiskScale  scale)
{
  guint n = annex_risk_method_get_size (self->method, scale);
  int width = 0;

  for (guint i = 1; i <= n; i++)
    width = MAX (width, text_width (self, annex_risk_method_get_label (self->method, scale, i)));

  return width;
}

/* The same at @font_scale of the font. */
static int
max_scaled_label_width (AnnexHeatMap   *self,
                        AnnexRiskScale  scale,
                        double          font_scale)
{
  guint n = annex_risk_method_get_size (self->method, scale);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  int width = 0;

  pango_attr_list_insert (attrs, pango_attr_scale_new (font_scale));
  for (guint i = 1; i <= n; i++)
    {
      g_autoptr(PangoLayout) layout =
        create_layout (self, annex_risk_method_get_label (self->method, scale, i));
      int w;

      pango_layout_set_attributes (layout, attrs);
      pango_layout_get_pixel_size (layout, &w, NULL);
      width = MAX (width, w);
    }

  return width;
}

/* The smallest font scale of the axis labels: LABEL_MIN_SCALE of the normal text size, so in
 * the larger-text mode they may shrink further before they are cut short. */
static double
min_label_scale (AnnexHeatMap *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  guint percent = root != NULL ? annex_text_scale_get (GTK_WIDGET (root))
                               : ANNEX_TEXT_SCALE_DEFAULT;

  return MIN (LABEL_MIN_SCALE * ANNEX_TEXT_SCALE_DEFAULT / percent, 1.0);
}

/* The width of the widest word of @text, at @scale of the font. */
static int
widest_word (AnnexHeatMap *self,
             const char   *text,
             double        scale)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  int widest = 0;

  pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = create_layout (self, words[i]);
      int width;

      pango_layout_set_attributes (layout, attrs);
      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }

  return widest;
}

/* One font scale for all impact labels, so they read alike: the largest (up to 1) at which
 * every word fits @available px, but no less than min_label_scale(). */
static double
impact_label_scale (AnnexHeatMap *self,
                    float         available)
{
  guint n = n_impacts (self);
  double min_scale = min_label_scale (self);
  double scale;
  int widest = 0;

  for (guint i = 1; i <= n; i++)
    widest = MAX (widest, widest_word (self, annex_risk_method_get_label (self->method,
                                                                         ANNEX_RISK_SCALE_IMPACT,
                                                                         i), 1.0));

  if (widest <= available || widest == 0)
    return 1.0;

  scale = MAX (available / widest, min_scale);
  /* Text does not scale quite linearly (hinting): step down until the words fit. */
  for (guint i = 1; i <= n && scale - 0.02 >= min_scale; i++)
    while (widest_word (self, annex_risk_method_get_label (self->method,
                                                          ANNEX_RISK_SCALE_IMPACT, i),
                        scale) > available &&
           scale - 0.02 >= min_scale)
      scale -= 0.02;

  return scale;
}

/* The layout of an impact label @available px wide: wrapped at spaces on up to two lines, never
 * inside a word ("Negligi-ble"); a word too long even at @scale is cut short with an ellipsis
 * on a single line (the cells' tooltips say the labels in full). */
static PangoLayout *
create_impact_layout (AnnexHeatMap *self,
                      const char   *label,
                      float         available,
                      double        scale)
{
  PangoLayout *layout = create_layout (self, label);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_width (layout, (int) MAX (available, 1) * PANGO_SCALE);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  if (widest_word (self, label, scale) <= available)
    {
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_set_height (layout, -N_LABEL_LINES);
    }
  else
    pango_layout_set_height (layout, -1);

  return layout;
}

static float
bottom_height (float line)
{
  /* The impact labels (up to two lines) and the axis title. */
  return LABEL_SPACING + N_LABEL_LINES * line + AXIS_SPACING + line;
}

static void
compute_geometry (AnnexHeatMap *self,
                  int           width,
                  int           height,
                  Geometry     *geo)
{
  guint nl = n_likelihoods (self), ni = n_impacts (self);
  float available;

  geo->line_height = line_height (self);
  geo->axis_width = geo->line_height + AXIS_SPACING;

  /* The likelihood labels take their width up to a third of the widget; longer ones shrink,
   * then ellipsize (their tooltip and the accessible description still say them in full). */
  geo->label_width = max_label_width (self, ANNEX_RISK_SCALE_LIKELIHOOD);
  geo->label_scale = 1.0;
  if (geo->label_width > width / 3 && geo->label_width > 0)
    {
      double min_scale = min_label_scale (self);
      int scaled;

      /* Text does not scale quite linearly (hinting): step down until the labels fit. */
      geo->label_scale = MAX ((width / 3) / geo->label_width, min_scale);
      while ((scaled = max_scaled_label_width (self, ANNEX_RISK_SCALE_LIKELIHOOD,
                                               geo->label_scale)) > width / 3 &&
             geo->label_scale - 0.02 >= min_scale)
        geo->label_scale -= 0.02;
      geo->label_width = MIN (scaled, width / 3);
    }
  geo->label_width = MAX (geo->label_width, 24);

  geo->x0 = PAD + geo->axis_width + geo->label_width + LABEL_SPACING;
  available = width - geo->x0 - PAD;
  geo->cell_width = ni > 0 ? CLAMP (available / ni, 1, CELL_MAX_WIDTH) : 0;

  geo->y0 = PAD;
  available = height - 2 * PAD - bottom_height (geo->line_height);
  geo->cell_height = nl > 0 ? CLAMP (available / nl, 1, CELL_MAX_HEIGHT) : 0;
}

static gboolean
cell_rect (AnnexHeatMap    *self,
           const Geometry  *geo,
           guint            likelihood,
           guint            impact,
           graphene_rect_t *rect)
{
  guint nl = n_likelihoods (self), ni = n_impacts (self);

  if (likelihood < 1 || likelihood > nl || impact < 1 || impact > ni)
    return FALSE;

  /* The highest likelihood is the top row. */
  graphene_rect_init (rect,
                      geo->x0 + (impact - 1) * geo->cell_width + GAP / 2.0f,
                      geo->y0 + (nl - likelihood) * geo->cell_height + GAP / 2.0f,
                      geo->cell_width - GAP, geo->cell_height - GAP);
  return TRUE;
}

static void
get_foreground (GtkWidget *widget,
                GdkRGBA   *color)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
update_accessible (AnnexHeatMap *self)
{
  g_autofree char *text = NULL;

  if (self->method == NULL || self->cursor_likelihood == 0)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  text = annex_heat_map_format_cell (self->method, self->cursor_likelihood, self->cursor_impact,
                                     annex_heat_map_get_count (self, self->cursor_likelihood,
                                                               self->cursor_impact));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text, -1);
}

static void
set_cursor (AnnexHeatMap *self,
            guint         likelihood,
            guint         impact)
{
  guint nl = n_likelihoods (self), ni = n_impacts (self);

  if (nl == 0 || ni == 0)
    likelihood = impact = 0;
  else
    {
      likelihood = CLAMP (likelihood, 1, nl);
      impact = CLAMP (impact, 1, ni);
    }

  if (likelihood == self->cursor_likelihood && impact == self->cursor_impact)
    return;

  self->cursor_likelihood = likelihood;
  self->cursor_impact = impact;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Signal callbacks */

static void
on_click_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      AnnexHeatMap    *self)
{
  guint likelihood, impact;

  if (!annex_heat_map_get_cell_at (self, x, y, &likelihood, &impact))
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  set_cursor (self, likelihood, impact);
  annex_heat_map_pick (self, likelihood, impact);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   AnnexHeatMap          *self)
{
  guint l = self->cursor_likelihood, i = self->cursor_impact;

  if (self->method == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (l >= n_likelihoods (self))
        return FALSE;  /* let the focus leave the grid */
      set_cursor (self, l + 1, i);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (l <= 1)
        return FALSE;
      set_cursor (self, l - 1, i);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
        set_cursor (self, l, i + 1);
      else
        set_cursor (self, l, i > 1 ? i - 1 : 1);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
        set_cursor (self, l, i > 1 ? i - 1 : 1);
      else
        set_cursor (self, l, i + 1);
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      set_cursor (self, l, 1);
      return TRUE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      set_cursor (self, l, n_impacts (self));
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      annex_heat_map_pick (self, l, i);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
on_query_tooltip_cb (GtkWidget    *widget,
                     int           x,
                     int           y,
                     gboolean      keyboard_mode,
                     GtkTooltip   *tooltip,
                     AnnexHeatMap *self)
{
  g_autofree char *text = NULL;
  guint likelihood, impact;

  if (keyboard_mode)
    {
      likelihood = self->cursor_likelihood;
      impact = self->cursor_impact;
      if (likelihood == 0)
        return FALSE;
    }
  else if (!annex_heat_map_get_cell_at (self, x, y, &likelihood, &impact))
    return FALSE;

  text = annex_heat_map_format_cell (self->method, likelihood, impact,
                                     annex_heat_map_get_count (self, likelihood, impact));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* GtkWidget */

static void
annex_heat_map_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  AnnexHeatMap *self = ANNEX_HEAT_MAP (widget);
  guint nl = n_likelihoods (self), ni = n_impacts (self);
  int line = line_height (self);

  if (self->method == NULL)
    {
      *minimum = *natural = 0;
      return;
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int fixed = 2 * PAD + line + AXIS_SPACING + LABEL_SPACING;
      int labels = max_label_width (self, ANNEX_RISK_SCALE_LIKELIHOOD);

      *minimum = fixed + 24 + (int) ni * CELL_MIN_WIDTH;
      *natural = fixed + labels + (int) ni * CELL_NAT_WIDTH;
    }
  else
    {
      int fixed = 2 * PAD + (int) bottom_height (line);

      *minimum = fixed + (int) nl * CELL_MIN_HEIGHT;
      *natural = fixed + (int) nl * CELL_NAT_HEIGHT;
    }
}

static void
append_text (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             float          x,
             float          y,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
append_outline (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                float                  width,
                float                  radius,
                const GdkRGBA         *color)
{
  GskRoundedRect outline;
  const float widths[4] = { width, width, width, width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&outline, rect, radius);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

static void
annex_heat_map_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  AnnexHeatMap *self = ANNEX_HEAT_MAP (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guint nl = n_likelihoods (self), ni = n_impacts (self);
  gboolean has_selection = self->selected_likelihood > 0;
  PangoAttrList *bold;
  GdkRGBA fg, dim_fg;
  Geometry geo;
  double label_scale;

  if (self->method == NULL || nl == 0 || ni == 0)
    return;

  compute_geometry (self, width, height, &geo);
  get_foreground (widget, &fg);
  dim_fg = fg;
  dim_fg.alpha *= 0.7f;

  bold = pango_attr_list_new ();
  pango_attr_list_insert (bold, pango_attr_weight_new (PANGO_WEIGHT_BOLD));

  /* The cells, with their counts. */
  for (guint l = 1; l <= nl; l++)
    for (guint i = 1; i <= ni; i++)
      {
        guint count = annex_heat_map_get_count (self, l, i);
        guint level = annex_risk_method_get_level (self->method, l, i);
        const char *color = annex_risk_method_get_color (self->method, level);
        gboolean selected = l == self->selected_likelihood && i == self->selected_impact;
        graphene_rect_t rect;
        GskRoundedRect rounded;
        GdkRGBA fill = { 0.5f, 0.5f, 0.5f, 1 };

        cell_rect (self, &geo, l, i, &rect);
        if (color != NULL)
          gdk_rgba_parse (&fill, color);

        /* Empty cells are paler, so the eye goes where the risks are; a picked cell stands out
         * from the others. */
        if (has_selection && !selected)
          fill.alpha = count > 0 ? 0.45f : 0.2f;
        else if (count == 0)
          fill.alpha = 0.4f;

        gsk_rounded_rect_init_from_rect (&rounded, &rect, 5);
        gtk_snapshot_push_rounded_clip (snapshot, &rounded);
        gtk_snapshot_append_color (snapshot, &fill, &rect);
        gtk_snapshot_pop (snapshot);

        if (count > 0)
          {
            g_autofree char *text = g_strdup_printf ("%u", count);
            g_autoptr(PangoLayout) layout = create_layout (self, text);
            GdkRGBA text_color;
            int tw, th;

            pango_layout_set_attributes (layout, bold);
            pango_layout_get_pixel_size (layout, &tw, &th);
            if (fill.alpha < 1)
              text_color = fg;  /* on a pale cell the background decides */
            else if (annex_level_color_wants_dark_text (&fill))
              text_color = (GdkRGBA) { 0, 0, 0, 0.87f };
            else
              text_color = (GdkRGBA) { 1, 1, 1, 1 };

            if (tw <= rect.size.width)
              append_text (snapshot, layout, rect.origin.x + (rect.size.width - tw) / 2,
                           rect.origin.y + (rect.size.height - th) / 2, &text_color);
          }

        if (selected)
          append_outline (snapshot, &rect, 3, 5, &fg);
      }

  /* The keyboard cursor, while the focus came from the keyboard. */
  if (gtk_widget_has_visible_focus (widget) && self->cursor_likelihood > 0)
    {
      graphene_rect_t rect;
      GdkRGBA focus = fg;

      cell_rect (self, &geo, self->cursor_likelihood, self->cursor_impact, &rect);
      graphene_rect_inset (&rect, -2, -2);
      focus.alpha = 0.8f;
      append_outline (snapshot, &rect, 2, 7, &focus);
    }

  /* The likelihood labels, right-aligned beside their rows. */
  for (guint l = 1; l <= nl; l++)
    {
      const char *label = annex_risk_method_get_label (self->method, ANNEX_RISK_SCALE_LIKELIHOOD,
                                                       l);
      g_autoptr(PangoLayout) layout = create_layout (self, label);
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
      graphene_rect_t rect;
      int tw, th;

      pango_attr_list_insert (attrs, pango_attr_scale_new (geo.label_scale));
      pango_layout_set_attributes (layout, attrs);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_width (layout, (int) geo.label_width * PANGO_SCALE);
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      pango_layout_get_pixel_size (layout, &tw, &th);
      cell_rect (self, &geo, l, 1, &rect);
      append_text (snapshot, layout, geo.x0 - LABEL_SPACING - geo.label_width,
                   rect.origin.y + (rect.size.height - th) / 2, &dim_fg);
    }

  /* The impact labels, centred below their columns, on up to two lines. */
  label_scale = impact_label_scale (self, geo.cell_width - 2);
  for (guint i = 1; i <= ni; i++)
    {
      const char *label = annex_risk_method_get_label (self->method, ANNEX_RISK_SCALE_IMPACT, i);
      g_autoptr(PangoLayout) layout = create_impact_layout (self, label, geo.cell_width - 2,
                                                            label_scale);
      graphene_rect_t rect;

      cell_rect (self, &geo, 1, i, &rect);
      append_text (snapshot, layout, rect.origin.x - GAP / 2.0f + 1,
                   geo.y0 + nl * geo.cell_height + LABEL_SPACING / 2.0f, &dim_fg);
    }

  /* The axis titles: "Impact" below the grid, "Likelihood" upwards at the left. */
  {
    g_autoptr(PangoLayout) layout = create_layout (self, _("Impact"));
    float grid_width = ni * geo.cell_width;
    int tw, th;

    pango_layout_set_attributes (layout, bold);
    pango_layout_get_pixel_size (layout, &tw, &th);
    append_text (snapshot, layout, geo.x0 + (grid_width - tw) / 2,
                 geo.y0 + nl * geo.cell_height + LABEL_SPACING + N_LABEL_LINES * geo.line_height +
                 AXIS_SPACING / 2.0f, &fg);
  }
  {
    g_autoptr(PangoLayout) layout = create_layout (self, _("Likelihood"));
    float grid_height = nl * geo.cell_height;
    int tw, th;

    pango_layout_set_attributes (layout, bold);
    pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    pango_layout_set_width (layout, (int) MAX (grid_height, 1) * PANGO_SCALE);
    pango_layout_get_pixel_size (layout, &tw, &th);
    gtk_snapshot_save (snapshot);
    gtk_snapshot_translate (snapshot,
                            &GRAPHENE_POINT_INIT (PAD, geo.y0 + (grid_height + tw) / 2));
    gtk_snapshot_rotate (snapshot, -90);
    gtk_snapshot_append_layout (snapshot, layout, &fg);
    gtk_snapshot_restore (snapshot);
  }

  pango_attr_list_unref (bold);
}

static void
annex_heat_map_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (annex_heat_map_parent_class)->css_changed (widget, change);
  gtk_widget_queue_resize (widget);
}

static void
annex_heat_map_state_flags_changed (GtkWidget     *widget,
                                    GtkStateFlags  previous)
{
  GTK_WIDGET_CLASS (annex_heat_map_parent_class)->state_flags_changed (widget, previous);

  /* The focus ring comes and goes with the focus. */
  if ((gtk_widget_get_state_flags (widget) ^ previous) & GTK_STATE_FLAG_FOCUS_VISIBLE)
    gtk_widget_queue_draw (widget);
}

/* GObject */

static void
annex_heat_map_dispose (GObject *object)
{
  AnnexHeatMap *self = ANNEX_HEAT_MAP (object);

  g_clear_object (&self->method);

  G_OBJECT_CLASS (annex_heat_map_parent_class)->dispose (object);
}

static void
annex_heat_map_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AnnexHeatMap *self = ANNEX_HEAT_MAP (object);

  switch (prop_id)
    {
    case PROP_METHOD:
      g_value_set_object (value, self->method);
      break;
    case PROP_SELECTED_LIKELIHOOD:
      g_value_set_uint (value, self->selected_likelihood);
      break;
    case PROP_SELECTED_IMPACT:
      g_value_set_uint (value, self->selected_impact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_heat_map_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AnnexHeatMap *self = ANNEX_HEAT_MAP (object);

  switch (prop_id)
    {
    case PROP_METHOD:
      annex_heat_map_set_method (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_heat_map_class_init (AnnexHeatMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = annex_heat_map_dispose;
  object_class->get_property = annex_heat_map_get_property;
  object_class->set_property = annex_heat_map_set_property;

  widget_class->measure = annex_heat_map_measure;
  widget_class->snapshot = annex_heat_map_snapshot;
  widget_class->css_changed = annex_heat_map_css_changed;
  widget_class->state_flags_changed = annex_heat_map_state_flags_changed;

  properties[PROP_METHOD] =
    g_param_spec_object ("method", NULL, NULL, ANNEX_TYPE_RISK_METHOD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_LIKELIHOOD] =
    g_param_spec_uint ("selected-likelihood", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_IMPACT] =
    g_param_spec_uint ("selected-impact", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CELL_PICKED] =
    g_signal_new ("cell-picked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "heatmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
annex_heat_map_init (AnnexHeatMap *self)
{
  GtkGesture *click;
  GtkEventController *key;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), self);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
}

/* Public API */

GtkWidget *
annex_heat_map_new (void)
{
  return g_object_new (ANNEX_TYPE_HEAT_MAP, NULL);
}

AnnexRiskMethod *
annex_heat_map_get_method (AnnexHeatMap *self)
{
  g_return_val_if_fail (ANNEX_IS_HEAT_MAP (self), NULL);

  return self->method;
}

void
annex_heat_map_set_method (AnnexHeatMap    *self,
                           AnnexRiskMethod *method)
{
  guint old_nl, old_ni;

  g_return_if_fail (ANNEX_IS_HEAT_MAP (self));
  g_return_if_fail (method == NULL || ANNEX_IS_RISK_METHOD (method));

  old_nl = n_likelihoods (self);
  old_ni = n_impacts (self);
  if (!g_set_object (&self->method, method))
    return;

  if (old_nl != n_likelihoods (self) || old_ni != n_impacts (self))
    {
      memset (&self->counts, 0, sizeof self->counts);
      annex_heat_map_set_selected (self, 0, 0);
      self->cursor_likelihood = self->cursor_impact = 0;
    }
  if (self->cursor_likelihood == 0)
    set_cursor (self, 1, 1);
  update_accessible (self);

  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METHOD]);
}

void
annex_heat_map_set_counts (AnnexHeatMap           *self,
                           const AnnexRiskHeatMap *map)
{
  g_return_if_fail (ANNEX_IS_HEAT_MAP (self));
  g_return_if_fail (map != NULL);

  if (memcmp (&self->counts, map, sizeof *map) == 0)
    return;

  self->counts = *map;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
annex_heat_map_get_count (AnnexHeatMap *self,
                          guint         likelihood,
                          guint         impact)
{
  g_return_val_if_fail (ANNEX_IS_HEAT_MAP (self), 0);

  if (likelihood < 1 || likelihood > MIN (self->counts.n_likelihoods, n_likelihoods (self)) ||
      impact < 1 || impact > MIN (self->counts.n_impacts, n_impacts (self)))
    return 0;

  return annex_risk_heat_map_get (&self->counts, likelihood, impact);
}

guint
annex_heat_map_get_selected_likelihood (AnnexHeatMap *self)
{
  g_return_val_if_fail (ANNEX_IS_HEAT_MAP (self), 0);

  return self->selected_likelihood;
}

guint
annex_heat_map_get_selected_impact (AnnexHeatMap *self)
{
  g_return_val_if_fail (ANNEX_IS_HEAT_MAP (self), 0);

  return self->selected_impact;
}

void
annex_heat_map_set_selected (AnnexHeatMap *self,
                             guint         likelihood,
                             guint         impact)
{
  g_return_if_fail (ANNEX_IS_HEAT_MAP (self));

  if (likelihood == 0 || impact == 0 || likelihood > n_likelihoods (self) ||
      impact > n_impacts (self))
    likelihood = impact = 0;

  if (likelihood == self->selected_likelihood && impact == self->selected_impact)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (likelihood != self->selected_likelihood)
    {
      self->selected_likelihood = likelihood;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_LIKELIHOOD]);
    }
  if (impact != self->selected_impact)
    {
      self->selected_impact = impact;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_IMPACT]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
annex_heat_map_pick (AnnexHeatMap *self,
                     guint         likelihood,
                     guint         impact)
{
  g_return_if_fail (ANNEX_IS_HEAT_MAP (self));

  if (likelihood == 0 || impact == 0 || likelihood > n_likelihoods (self) ||
      impact > n_impacts (self))
    return;

  if (likelihood == self->selected_likelihood && impact == self->selected_impact)
    likelihood = impact = 0;

  annex_heat_map_set_selected (self, likelihood, impact);
  g_signal_emit (self, signals[CELL_PICKED], 0, likelihood, impact);
}

gboolean
annex_heat_map_get_cell_at (AnnexHeatMap *self,
                            double        x,
                            double        y,
                            guint        *likelihood,
                            guint        *impact)
{
  guint nl, ni;
  Geometry geo;
  int col, row;

  g_return_val_if_fail (ANNEX_IS_HEAT_MAP (self), FALSE);

  nl = n_likelihoods (self);
  ni = n_impacts (self);
  if (nl == 0 || ni == 0)
    return FALSE;

  compute_geometry (self, gtk_widget_get_width (GTK_WIDGET (self)),
                    gtk_widget_get_height (GTK_WIDGET (self)), &geo);
  if (geo.cell_width <= 0 || geo.cell_height <= 0 || x < geo.x0 || y < geo.y0)
    return FALSE;

  col = (int) ((x - geo.x0) / geo.cell_width);
  row = (int) ((y - geo.y0) / geo.cell_height);
  if (col >= (int) ni || row >= (int) nl)
    return FALSE;

  if (likelihood != NULL)
    *likelihood = nl - (guint) row;
  if (impact != NULL)
    *impact = (guint) col + 1;
  return TRUE;
}

gboolean
annex_heat_map_get_cell_center (AnnexHeatMap *self,
                                guint         likelihood,
                                guint         impact,
                                double       *x,
                                double       *y)
{
  graphene_rect_t rect;
  Geometry geo;

  g_return_val_if_fail (ANNEX_IS_HEAT_MAP (self), FALSE);

  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    return FALSE;

  compute_geometry (self, gtk_widget_get_width (GTK_WIDGET (self)),
                    gtk_widget_get_height (GTK_WIDGET (self)), &geo);
  if (!cell_rect (self, &geo, likelihood, impact, &rect))
    return FALSE;

  *x = rect.origin.x + rect.size.width / 2;
  *y = rect.origin.y + rect.size.height / 2;
  return TRUE;
}

void
annex_heat_map_get_cursor (AnnexHeatMap *self,
                           guint        *likelihood,
                           guint        *impact)
{
  g_return_if_fail (ANNEX_IS_HEAT_MAP (self));

  if (likelihood != NULL)
    *likelihood = self->cursor_likelihood;
  if (impact != NULL)
    *impact = self->cursor_impact;
}

char *
annex_heat_map_format_cell (AnnexRiskMethod *method,
                            guint            likelihood,
                            guint            impact,
                            guint            count)
{
  g_autofree char *risks = NULL;
  const char *level;

  g_return_val_if_fail (ANNEX_IS_RISK_METHOD (method), NULL);

  level = annex_risk_method_get_label (method, ANNEX_RISK_SCALE_LEVEL,
                                       annex_risk_method_get_level (method, likelihood, impact));
  risks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u risk", "%u risks", count), count);

  /* Translators: a cell of the risk heat map: "Likely × Major: 3 risks (High)". */
  return g_strdup_printf (_("%s × %s: %s (%s)"),
                          annex_risk_method_get_label (method, ANNEX_RISK_SCALE_LIKELIHOOD,
                                                       likelihood),
                          annex_risk_method_get_label (method, ANNEX_RISK_SCALE_IMPACT, impact),
                          risks, level != NULL ? level : "");
}
