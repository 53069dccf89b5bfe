/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-register-page.c: temporary skeleton, replaced by the real page. */

#define G_LOG_DOMAIN "annex-register-page"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-register-page.h"

struct _AnnexRegisterPage
{
  GtkWidget      parent_instance;

  AnnexRegister *register_;
};

G_DEFINE_FINAL_TYPE (AnnexRegisterPage, annex_register_page, GTK_TYPE_WIDGET)

static void
annex_register_page_dispose (GObject *object)
{
  AnnexRegisterPage *self = ANNEX_REGISTER_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANNEX_TYPE_REGISTER_PAGE);
  g_clear_object (&self->register_);

  G_OBJECT_CLASS (annex_register_page_parent_class)->dispose (object);
}

static void
annex_register_page_class_init (AnnexRegisterPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = annex_register_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/annex-register-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
annex_register_page_init (AnnexRegisterPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

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

void
annex_register_page_set_register (AnnexRegisterPage *self,
                                  AnnexRegister     *register_)
{
  g_return_if_fail (ANNEX_IS_REGISTER_PAGE (self));
  g_set_object (&self->register_, register_);
}

gboolean
annex_register_page_show_record (AnnexRegisterPage *self,
                                 gint64             id)
{
  g_return_val_if_fail (ANNEX_IS_REGISTER_PAGE (self), FALSE);
  return FALSE;
}
