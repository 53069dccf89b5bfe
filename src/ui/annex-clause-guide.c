/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-clause-guide.c: the line that says what the standard's clause asks of a view or page,
 * with an optional example. */

#define G_LOG_DOMAIN "annex-clause-guide"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-clause-guide.h"

struct _AnnexClauseGuide
{
  GtkWidget    parent_instance;

  /* template widgets */
  GtkWidget   *box;
  GtkLabel    *text_label;
  GtkExpander *expander;
  GtkLabel    *example_label;

  /* owned */
  char        *text;
  char        *example;
};

G_DEFINE_FINAL_TYPE (AnnexClauseGuide, annex_clause_guide, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_EXAMPLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Auxiliary methods */

/* g_set_str () is GLib 2.76. */
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

/* GObject */

static void
annex_clause_guide_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ANNEX_TYPE_CLAUSE_GUIDE);

  G_OBJECT_CLASS (annex_clause_guide_parent_class)->dispose (object);
}

static void
annex_clause_guide_finalize (GObject *object)
{
  AnnexClauseGuide *self = ANNEX_CLAUSE_GUIDE (object);

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->example, g_free);

  G_OBJECT_CLASS (annex_clause_guide_parent_class)->finalize (object);
}

static void
annex_clause_guide_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AnnexClauseGuide *self = ANNEX_CLAUSE_GUIDE (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_EXAMPLE:
      g_value_set_string (value, self->example);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_clause_guide_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AnnexClauseGuide *self = ANNEX_CLAUSE_GUIDE (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      annex_clause_guide_set_text (self, g_value_get_string (value));
      break;
    case PROP_EXAMPLE:
      annex_clause_guide_set_example (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_clause_guide_class_init (AnnexClauseGuideClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = annex_clause_guide_dispose;
  object_class->finalize = annex_clause_guide_finalize;
  object_class->get_property = annex_clause_guide_get_property;
  object_class->set_property = annex_clause_guide_set_property;

  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, rw);
  properties[PROP_EXAMPLE] = g_param_spec_string ("example", NULL, NULL, NULL, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/annex/Annex/ui/annex-clause-guide.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnexClauseGuide, box);
  gtk_widget_class_bind_template_child (widget_class, AnnexClauseGuide, text_label);
  gtk_widget_class_bind_template_child (widget_class, AnnexClauseGuide, expander);
  gtk_widget_class_bind_template_child (widget_class, AnnexClauseGuide, example_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
annex_clause_guide_init (AnnexClauseGuide *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
annex_clause_guide_new (const char *text,
                        const char *example)
{
  return g_object_new (ANNEX_TYPE_CLAUSE_GUIDE, "text", text, "example", example, NULL);
}

const char *
annex_clause_guide_get_text (AnnexClauseGuide *self)
{
  g_return_val_if_fail (ANNEX_IS_CLAUSE_GUIDE (self), NULL);

  return self->text;
}

void
annex_clause_guide_set_text (AnnexClauseGuide *self,
                             const char       *text)
{
  g_return_if_fail (ANNEX_IS_CLAUSE_GUIDE (self));

  if (!set_string (&self->text, text))
    return;

  gtk_label_set_label (self->text_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->text_label), text != NULL && *text != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
annex_clause_guide_get_example (AnnexClauseGuide *self)
{
  g_return_val_if_fail (ANNEX_IS_CLAUSE_GUIDE (self), NULL);

  return self->example;
}

void
annex_clause_guide_set_example (AnnexClauseGuide *self,
                                const char       *example)
{
  g_return_if_fail (ANNEX_IS_CLAUSE_GUIDE (self));

  if (!set_string (&self->example, example))
    return;

  gtk_label_set_label (self->example_label, example != NULL ? example : "");
  gtk_widget_set_visible (GTK_WIDGET (self->expander), example != NULL && *example != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXAMPLE]);
}
