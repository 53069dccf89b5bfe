/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: hands a command-line verb to src/cli before any GTK start-up, otherwise runs the app. */

#define G_LOG_DOMAIN "annex-main"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "annex-application.h"
#include "annex-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AnnexApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* "annex new …", "annex info …": headless, no display, no D-Bus, no GTK. */
  if (argc > 1 && annex_cli_is_verb (argv[1]))
    return annex_cli_run (argc, argv);

  app = annex_application_new ();
  /* "annex --help" is GApplication's (handled before start-up, so it needs no display either):
   * it shows that files can be opened and lists the verbs too. */
  g_application_set_option_context_parameter_string (G_APPLICATION (app), _("[FILE…]"));
  g_application_set_option_context_description (G_APPLICATION (app),
                                                 annex_cli_get_help_description ());

  return g_application_run (G_APPLICATION (app), argc, argv);
}
