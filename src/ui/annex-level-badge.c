/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-level-badge.c: a risk level drawn as a pill in the level's colour. */

#define G_LOG_DOMAIN "annex-level-badge"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-level-badge.h"

#define PAD_X 8
#define PAD_Y 2

struct _AnnexLevelBadge
{
  GtkWidget    parent_instance;

  /* owned */
  char        *label;
  char        *color;
  char        *placeholder;
  PangoLayout *layout;
};

G_DEFINE_FINAL_TYPE (AnnexLevelBadge, annex_level_badge, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_COLOR,
  PROP_PLACEHOLDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Auxiliary methods */

static gboolean
has_level (AnnexLevelBadge *self)
{
  return self->label != NULL && *self->label != '\0';
}

static PangoLayout *
ensure_layout (AnnexLevelBadge *self)
{
  const char *text = has_level (self) ? self->label : self->placeholder;

  if (self->layout == NULL)
    self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  pango_layout_set_text (self->layout, text != NULL ? text : "", -1);
  return self->layout;
}

static void
update_accessible (AnnexLevelBadge *self)
{
  const char *text = has_level (self) ? self->label : self->placeholder;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text != NULL ? text : "", -1);
}

gboolean
annex_level_color_wants_dark_text (const GdkRGBA *color)
{
  double channels[3] = { color->red, color->green, color->blue };
  double luminance;

  /* WCAG relative luminance (its 2.4 power taken as a square: close enough to choose between
   * black and white); above ~0.18 black text has the better contrast. */
  for (guint i = 0; i < 3; i++)
    channels[i] = channels[i] <= 0.04045 ? channels[i] / 12.92
                                         : ((channels[i] + 0.055) / 1.055) *
                                           ((channels[i] + 0.055) / 1.055);
  luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
  return luminance > 0.179;
}

/* GtkWidget */

static void
annex_level_badge_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  AnnexLevelBadge *self = ANNEX_LEVEL_BADGE (widget);
  PangoLayout *layout = ensure_layout (self);
  int width, height;

  pango_layout_set_width (layout, -1);
  pango_layout_get_pixel_size (layout, &width, &height);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Narrow, the label ellipsizes: the pill keeps room for a few characters. */
      *natural = width + 2 * PAD_X;
      *minimum = MIN (*natural, 4 * PAD_X);
    }
  else
    {
      *minimum = *natural = height + 2 * PAD_Y;
      *minimum_baseline = *natural_baseline =
        PAD_Y + pango_layout_get_baseline (layout) / PANGO_SCALE;
    }
}

static void
annex_level_badge_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  AnnexLevelBadge *self = ANNEX_LEVEL_BADGE (widget);
  PangoLayout *layout = ensure_layout (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int text_width, text_height;
  GdkRGBA background, foreground;
  gboolean pill = has_level (self) && self->color != NULL &&
                  gdk_rgba_parse (&background, self->color);

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, MAX (width - 2 * PAD_X, 1) * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);

  if (pill)
    {
      GskRoundedRect rect;
      int pill_width = MIN (width, text_width + 2 * PAD_X);

      gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (0, 0, pill_width, height),
                                       height / 2.0f);
      gtk_snapshot_push_rounded_clip (snapshot, &rect);
      gtk_snapshot_append_color (snapshot, &background, &rect.bounds);
      gtk_snapshot_pop (snapshot);

      if (annex_level_color_wants_dark_text (&background))
        foreground = (GdkRGBA) { 0, 0, 0, 0.87f };
      else
        foreground = (GdkRGBA) { 1, 1, 1, 1 };
    }
  else
    {
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_get_color (gtk_widget_get_style_context (widget), &foreground);
      G_GNUC_END_IGNORE_DEPRECATIONS
      foreground.alpha *= 0.55f;
    }

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (pill ? PAD_X : 0, (height - text_height) / 2.0f));
  gtk_snapshot_append_layout (snapshot, layout, &foreground);
  gtk_snapshot_restore (snapshot);
}

/* A label cut short in a narrow column says itself in full as a tooltip. */
static gboolean
annex_level_badge_query_tooltip (GtkWidget  *widget,
                                 int         x,
                                 int         y,
                                 gboolean    keyboard_tooltip,
                                 GtkTooltip *tooltip)
{
  AnnexLevelBadge *self = ANNEX_LEVEL_BADGE (widget);
  const char *text = has_level (self) ? self->label : self->placeholder;
  PangoLayout *layout;

  if (text == NULL || *text == '\0')
    return FALSE;

  layout = ensure_layout (self);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, MAX (gtk_widget_get_width (widget) - 2 * PAD_X, 1) * PANGO_SCALE);
  if (!pango_layout_is_ellipsized (layout))
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
annex_level_badge_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  AnnexLevelBadge *self = ANNEX_LEVEL_BADGE (widget);

  GTK_WIDGET_CLASS (annex_level_badge_parent_class)->css_changed (widget, change);

  /* The font may have changed. */
  g_clear_object (&self->layout);
  gtk_widget_queue_resize (widget);
}

/* GObject */

static void
annex_level_badge_finalize (GObject *object)
{
  AnnexLevelBadge *self = ANNEX_LEVEL_BADGE (object);

  g_clear_object (&self->layout);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->placeholder, g_free);

  G_OBJECT_CLASS (annex_level_badge_parent_class)->finalize (object);
}

static void
annex_level_badge_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AnnexLevelBadge *self = ANNEX_LEVEL_BADGE (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_PLACEHOLDER:
      g_value_set_string (value, self->placeholder);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_level_badge_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AnnexLevelBadge *self = ANNEX_LEVEL_BADGE (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      annex_level_badge_set_level (self, g_value_get_string (value), self->color);
      break;
    case PROP_COLOR:
      annex_level_badge_set_level (self, self->label, g_value_get_string (value));
      break;
    case PROP_PLACEHOLDER:
      annex_level_badge_set_placeholder (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_level_badge_class_init (AnnexLevelBadgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = annex_level_badge_finalize;
  object_class->get_property = annex_level_badge_get_property;
  object_class->set_property = annex_level_badge_set_property;

  widget_class->measure = annex_level_badge_measure;
  widget_class->snapshot = annex_level_badge_snapshot;
  widget_class->css_changed = annex_level_badge_css_changed;
  widget_class->query_tooltip = annex_level_badge_query_tooltip;

  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, rw);
  properties[PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, NULL, rw);
  properties[PROP_PLACEHOLDER] = g_param_spec_string ("placeholder", NULL, NULL, NULL, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "levelbadge");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
annex_level_badge_init (AnnexLevelBadge *self)
{
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

/* Public API */

GtkWidget *
annex_level_badge_new (void)
{
  return g_object_new (ANNEX_TYPE_LEVEL_BADGE, NULL);
}

void
annex_level_badge_set_level (AnnexLevelBadge *self,
                             const char      *label,
                             const char      *color)
{
  gboolean label_changed, color_changed;

  g_return_if_fail (ANNEX_IS_LEVEL_BADGE (self));

  label_changed = g_strcmp0 (self->label, label) != 0;
  color_changed = g_strcmp0 (self->color, color) != 0;
  if (!label_changed && !color_changed)
    return;

  if (label_changed)
    {
      g_free (self->label);
      self->label = g_strdup (label);
    }
  if (color_changed)
    {
      g_free (self->color);
      self->color = g_strdup (color);
    }

  update_accessible (self);
  if (label_changed)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (label_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
  if (color_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

const char *
annex_level_badge_get_label (AnnexLevelBadge *self)
{
  g_return_val_if_fail (ANNEX_IS_LEVEL_BADGE (self), NULL);

  return self->label;
}

const char *
annex_level_badge_get_color (AnnexLevelBadge *self)
{
  g_return_val_if_fail (ANNEX_IS_LEVEL_BADGE (self), NULL);

  return self->color;
}

void
annex_level_badge_set_placeholder (AnnexLevelBadge *self,
                                   const char      *placeholder)
{
  g_return_if_fail (ANNEX_IS_LEVEL_BADGE (self));

  if (g_strcmp0 (self->placeholder, placeholder) == 0)
    return;

  g_free (self->placeholder);
  self->placeholder = g_strdup (placeholder);
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACEHOLDER]);
}
