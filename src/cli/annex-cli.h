/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-cli.h: the headless command line ("annex new", "annex info"…), run before GTK starts. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * AnnexCliExit:
 * @ANNEX_CLI_EXIT_OK: the verb did its job
 * @ANNEX_CLI_EXIT_FAILURE: the verb failed; one line "annex: <message>" was printed on stderr
 * @ANNEX_CLI_EXIT_USAGE: wrong usage (unknown option, missing or extra argument); the message and a
 *   usage line were printed on stderr
 * @ANNEX_CLI_EXIT_FINDINGS: the verb ran and reports findings ("annex check": the workspace has
 *   readiness-check findings); not a failure, but a script may want to act on it
 *
 * The exit statuses of annex_cli_run().
 */
typedef enum
{
  ANNEX_CLI_EXIT_OK       = 0,
  ANNEX_CLI_EXIT_FAILURE  = 1,
  ANNEX_CLI_EXIT_USAGE    = 2,
  ANNEX_CLI_EXIT_FINDINGS = 3,
} AnnexCliExit;

/* TRUE when @arg names a command-line verb ("new", "info"): then main() hands over to
 * annex_cli_run() before any GTK start-up, so the verbs need no display. */
gboolean    annex_cli_is_verb              (const char  *arg);

/* Runs the verb argv[1] with its arguments (argv[0] is the program). @argv is not modified. Prints
 * results on stdout and errors on stderr; returns an AnnexCliExit status. */
int         annex_cli_run                  (int          argc,
                                            char       **argv);

/* The translated list of verbs for "annex --help" (the application's option-context
 * description), e.g. "annex info FILE" and what it does. Owned by the library. */
const char *annex_cli_get_help_description (void);

G_END_DECLS
