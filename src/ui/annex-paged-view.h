/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-paged-view.h: a view of several pages (Context, Risks, Controls) whose page switcher
 * the window shows in its header bar, or at the view's bottom when the header is too narrow. */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ANNEX_TYPE_PAGED_VIEW (annex_paged_view_get_type ())
G_DECLARE_INTERFACE (AnnexPagedView, annex_paged_view, ANNEX, PAGED_VIEW, GtkWidget)

struct _AnnexPagedViewInterface
{
  GTypeInterface parent_iface;

  /* The stack of the view's pages. */
  AdwViewStack *(*get_stack)               (AnnexPagedView *self);
  /* Shows the view's own switcher bar (the window's header has no room for the switcher). */
  void          (*set_reveal_switcher_bar) (AnnexPagedView *self,
                                            gboolean        reveal);
  /* Goes back one step inside the visible page (e.g. from an editor to its list); FALSE when
   * the page is at its start. May be NULL: then a visible AnnexRegisterPage goes back. */
  gboolean      (*navigate_back)           (AnnexPagedView *self);
};

AdwViewStack *annex_paged_view_get_stack               (AnnexPagedView *self);
void          annex_paged_view_set_reveal_switcher_bar (AnnexPagedView *self,
                                                        gboolean        reveal);
gboolean      annex_paged_view_navigate_back           (AnnexPagedView *self);

G_END_DECLS
