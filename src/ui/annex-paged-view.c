/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-paged-view.c: the interface of views with several pages. */

#define G_LOG_DOMAIN "annex-paged-view"

#include "config.h"

#include "annex-paged-view.h"
#include "annex-register-page.h"

G_DEFINE_INTERFACE (AnnexPagedView, annex_paged_view, GTK_TYPE_WIDGET)

static void
annex_paged_view_default_init (AnnexPagedViewInterface *iface)
{
}

AdwViewStack *
annex_paged_view_get_stack (AnnexPagedView *self)
{
  g_return_val_if_fail (ANNEX_IS_PAGED_VIEW (self), NULL);

  return ANNEX_PAGED_VIEW_GET_IFACE (self)->get_stack (self);
}

void
annex_paged_view_set_reveal_switcher_bar (AnnexPagedView *self,
                                          gboolean        reveal)
{
  g_return_if_fail (ANNEX_IS_PAGED_VIEW (self));

  ANNEX_PAGED_VIEW_GET_IFACE (self)->set_reveal_switcher_bar (self, reveal);
}

gboolean
annex_paged_view_navigate_back (AnnexPagedView *self)
{
  AnnexPagedViewInterface *iface;
  GtkWidget *page;

  g_return_val_if_fail (ANNEX_IS_PAGED_VIEW (self), FALSE);

  iface = ANNEX_PAGED_VIEW_GET_IFACE (self);
  if (iface->navigate_back != NULL)
    return iface->navigate_back (self);

  /* By default, the visible page goes back when it is a register page. */
  page = adw_view_stack_get_visible_child (annex_paged_view_get_stack (self));
  return ANNEX_IS_REGISTER_PAGE (page) &&
         annex_register_page_navigate_back (ANNEX_REGISTER_PAGE (page));
}
