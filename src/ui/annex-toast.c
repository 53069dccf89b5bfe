/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-toast.c: the toast every page, view and section shows for a failed operation. */

#define G_LOG_DOMAIN "annex-toast"

#include "config.h"

#include "annex-toast.h"

AdwToast *
annex_toast_new_for_error (const GError *error)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_val_if_fail (error != NULL, NULL);

  escaped = g_markup_escape_text (error->message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);

  return toast;
}
