/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-toast.h: the toast every page, view and section shows for a failed operation. */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A high-priority toast showing @error's message (escaped: toast titles are markup). */
AdwToast *annex_toast_new_for_error (const GError *error);

G_END_DECLS
