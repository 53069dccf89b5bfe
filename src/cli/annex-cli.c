/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-cli.c: the headless command-line verbs: their options, output and exit statuses. */

#define G_LOG_DOMAIN "annex-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "annex-change-log.h"
#include "annex-cli.h"
#include "annex-context.h"
#include "annex-control.h"
#include "annex-database.h"
#include "annex-nonconformity.h"
#include "annex-register.h"
#include "annex-review.h"
#include "annex-risk-method.h"
#include "annex-risk-register.h"

/* The name in messages ("annex: …") and usage lines, whatever the binary is called. */
#define PROGRAM_NAME "annex"

typedef struct _Verb Verb;

struct _Verb
{
  const char *name;
  const char *synopsis;  /* N_(): the usage line after "Usage: " */
  const char *summary;   /* N_(): one sentence, for "annex --help" and "annex VERB --help" */
  const char *details;   /* N_(): the end of "annex VERB --help": output and exit statuses */
  int       (*run)     (const Verb   *verb,
                        char       ***args);
};

static int run_new  (const Verb   *verb,
                     char       ***args);
static int run_info (const Verb   *verb,
                     char       ***args);

static const Verb verbs[] = {
  {
    "new",
    N_("annex new FILE [--organization NAME]"),
    N_("Create a new workspace file."),
    N_("Exit status: 0 when the workspace was created, 1 when it could not be (the file exists "
       "already, or cannot be written), 2 on wrong usage."),
    run_new,
  },
  {
    "info",
    N_("annex info FILE"),
    N_("Show a workspace’s organization, schema version, history check and number of records, "
       "without modifying the file."),
    N_("Prints “organization: NAME”, “schema: N”, “history: verified (N entries)” or “history: "
       "TAMPERED at entry N”, then one “REGISTER: COUNT” line per register (after "
       "“nonconformities: N” also “nonconformities-open: N”, those not closed), whether climate "
       "change was decided to be a relevant issue (“climate-change: unanswered”, “relevant” or "
       "“not-relevant”), then the Statement "
       "of Applicability’s decisions: “soa-applicable: N”, “soa-excluded: N” and "
       "“soa-undecided: N”, then the risk method’s levels, lowest first (“risk-levels: LABEL, "
       "LABEL, …”), and the number of risks per residual level (“residual-1: N” … and "
       "“residual-unassessed: N”); “risk-method: invalid” instead when the stored method "
       "cannot be read.\n"
       "Exit status: 0 when the workspace could be read, even if its history was tampered with "
       "(see the “history:” line), 1 when it could not be read, 2 on wrong usage."),
    run_info,
  },
};

static const Verb *
find_verb (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      if (g_strcmp0 (verbs[i].name, name) == 0)
        return &verbs[i];
    }

  return NULL;
}

/* One line on stderr, whatever the message holds: scripts and tests rely on it. */
static void
print_error_line (const char *message)
{
  g_autofree char *line = g_strdup (message != NULL ? message : "");

  g_strdelimit (line, "\r\n", ' ');
  g_strchomp (line);
  g_printerr ("%s: %s\n", PROGRAM_NAME, line);
}

static int
fail (const GError *error)
{
  print_error_line (error->message);
  return ANNEX_CLI_EXIT_FAILURE;
}

static int
usage_error (const Verb *verb,
             const char *message)
{
  print_error_line (message);
  g_printerr (_("Usage: %s\n"), _(verb->synopsis));
  return ANNEX_CLI_EXIT_USAGE;
}

/* Parses the verb's @args (args[0] stands for "annex VERB") with @entries plus -h/--help and
 * exactly one FILE argument. Returns -1 when the verb should go on (*out_path set), otherwise the
 * exit status to return (help printed, or a usage error). */
static int
parse_verb_args (const Verb          *verb,
                 const GOptionEntry  *entries,
                 char              ***args,
                 char               **out_path)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved_prgname = NULL;
  g_autofree char *verb_prgname = NULL;
  g_auto(GStrv) files = NULL;
  gboolean show_help = FALSE;
  gboolean parsed;
  const GOptionEntry common_entries[] = {
    { "help", 'h', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &show_help,
      N_("Show this help"), NULL },
    { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, &files,
      NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  /* Translated with the domain when the help is built, like the summary. */
  context = g_option_context_new (N_("FILE"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, verb->summary);
  g_option_context_set_description (context, verb->details);
  /* GOptionContext's own --help calls exit(): handle it here, so the verbs can run in-process. */
  g_option_context_set_help_enabled (context, FALSE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common_entries, GETTEXT_PACKAGE);

  /* The help's usage line is built from the program name: make it read "annex VERB". */
  saved_prgname = g_strdup (g_get_prgname ());
  verb_prgname = g_strdup_printf ("%s %s", PROGRAM_NAME, verb->name);
  g_set_prgname (verb_prgname);

  parsed = g_option_context_parse_strv (context, args, &error);
  if (parsed && show_help)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_set_prgname (saved_prgname);
      g_print ("%s", help);
      return ANNEX_CLI_EXIT_OK;
    }
  g_set_prgname (saved_prgname);

  if (!parsed)
    return usage_error (verb, error->message);

  if (files == NULL || files[0] == NULL)
    return usage_error (verb, _("No workspace file given"));

  if (files[1] != NULL)
    {
      g_autofree char *display = g_filename_display_name (files[1]);
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”"), display);

      return usage_error (verb, message);
    }

  *out_path = g_strdup (files[0]);
  return -1;
}

/* "acme.isms" → "acme"; the file name itself when nothing would be left. */
static char *
default_organization (const char *path)
{
  g_autofree char *base = g_filename_display_basename (path);

  if (g_str_has_suffix (base, ".isms") && strlen (base) > strlen (".isms"))
    base[strlen (base) - strlen (".isms")] = '\0';

  return g_steal_pointer (&base);
}

static int
run_new (const Verb   *verb,
         char       ***args)
{
  g_autoptr(AnnexDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *organization = NULL;
  g_autofree char *path = NULL;
  g_autofree char *display = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "organization", 'o', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &organization,
      N_("The organization the workspace is for (default: the file name without “.isms”)"),
      N_("NAME") },
    G_OPTION_ENTRY_NULL
  };

  status = parse_verb_args (verb, entries, args, &path);
  if (status >= 0)
    return status;

  if (organization == NULL)
    organization = default_organization (path);
  g_strstrip (organization);
  if (organization[0] == '\0')
    return usage_error (verb, _("The organization name must not be empty"));

  db = annex_database_create (path, organization, &error);
  if (db == NULL)
    return fail (error);
  annex_database_close (db);

  display = g_filename_display_name (path);
  g_print (_("Created %s\n"), display);
  return ANNEX_CLI_EXIT_OK;
}

/* Everything is gathered before anything is printed, so a failure half-way prints only the
 * error line. The keys ("organization:", "schema:", the table names…) are not translated: they
 * are meant to be read by scripts too. A tampered history is reported, not treated as a failure
 * of "info" (exit status 0). */
static int
run_info (const Verb   *verb,
          char       ***args)
{
  g_autoptr(AnnexDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *path = NULL;
  g_autofree char *organization = NULL;
  const char * const *tables;
  gint64 first_bad = 0;
  gint64 n_entries = 0;
  int status;

  status = parse_verb_args (verb, NULL, args, &path);
  if (status >= 0)
    return status;

  /* annex_database_open() runs annex_database_validate_file() first: a non-SQLite, foreign,
   * newer or damaged file is refused untouched. Validating here as well would run SQLite's
   * integrity check twice, which is most of the time "info" takes on a large workspace. */
  db = annex_database_open (path, ANNEX_DATABASE_OPEN_READ_ONLY, &error);
  if (db == NULL)
    return fail (error);

  if (!annex_change_log_verify (db, &first_bad, &n_entries, &error))
    return fail (error);

  /* One line per key, whatever the name holds. */
  organization = annex_database_dup_organization (db);
  if (organization != NULL)
    g_strdelimit (organization, "\r\n", ' ');

  out = g_string_new (NULL);
  g_string_append_printf (out, "organization: %s\n", organization != NULL ? organization : "");
  g_string_append_printf (out, "schema: %d\n", annex_database_get_schema_version (db));
  if (first_bad == 0)
    g_string_append_printf (out, "history: verified (%" G_GINT64_FORMAT " entries)\n", n_entries);
  else
    g_string_append_printf (out, "history: TAMPERED at entry %" G_GINT64_FORMAT "\n", first_bad);

  tables = annex_database_get_register_tables ();
  for (guint i = 0; tables != NULL && tables[i] != NULL; i++)
    {
      gint64 n_rows = annex_database_count_rows (db, tables[i], &error);
      g_autofree char *key = g_strdelimit (g_strdup (tables[i]), "_", '-');

      if (error != NULL)
        return fail (error);
      g_string_append_printf (out, "%s: %" G_GINT64_FORMAT "\n", key, n_rows);

      /* The open ones right after the count of all nonconformities. */
      if (strcmp (tables[i], "nonconformities") == 0)
        {
          gint64 n_open = 0;

          if (!annex_nonconformity_count_open (db, &n_open, &error))
            return fail (error);
          g_string_append_printf (out, "nonconformities-open: %" G_GINT64_FORMAT "\n", n_open);
        }

      /* The signed-off ones right after the count of all reviews. */
      if (strcmp (tables[i], "reviews") == 0)
        {
          gint64 n_signed_off = 0;

          if (!annex_review_count_signed_off (db, &n_signed_off, &error))
            return fail (error);
          g_string_append_printf (out, "reviews-signed-off: %" G_GINT64_FORMAT "\n",
                                  n_signed_off);
        }
    }

  g_string_append_printf (out, "climate-change: %s\n",
                          annex_climate_decision_to_string (
                            annex_context_get_climate_decision (db, NULL, NULL, NULL)));

  /* The SoA counts come from the model's rules, not from SQL of our own. */
  {
    g_autoptr(AnnexRegister) controls = annex_register_new (db, ANNEX_TYPE_CONTROL);
    AnnexSoaSummary summary;

    if (!annex_register_load (controls, &error))
      return fail (error);
    annex_soa_summary_compute (G_LIST_MODEL (controls), &summary);
    g_string_append_printf (out, "soa-applicable: %u\n", summary.applicable);
    g_string_append_printf (out, "soa-excluded: %u\n", summary.excluded);
    g_string_append_printf (out, "soa-undecided: %u\n", summary.undecided);
  }

  /* Residual levels with the method in force, counted in SQL (no register load). */
  {
    g_autoptr(AnnexRiskMethod) method = NULL;
    g_autoptr(GError) method_error = NULL;
    guint counts[ANNEX_RISK_METHOD_MAX_LEVELS + 1];
    guint n_levels;

    method = annex_risk_method_load (db, &method_error);
    if (method == NULL)
      {
        g_string_append (out, "risk-method: invalid\n");
      }
    else
      {
        n_levels = annex_risk_method_get_n_levels (method);
        if (!annex_risk_count_residual_levels (db, method, counts, &error))
          return fail (error);

        g_string_append (out, "risk-levels: ");
        for (guint level = 1; level <= n_levels; level++)
          {
            g_autofree char *label = NULL;

            label = g_strdup (annex_risk_method_get_label (method, ANNEX_RISK_SCALE_LEVEL, level));
            g_string_append_printf (out, "%s%s", level > 1 ? ", " : "",
                                    g_strdelimit (label, "\r\n", ' '));
          }
        g_string_append_c (out, '\n');

        for (guint level = 1; level <= n_levels; level++)
          g_string_append_printf (out, "residual-%u: %u\n", level, counts[level]);
        g_string_append_printf (out, "residual-unassessed: %u\n", counts[0]);
      }
  }

  annex_database_close (db);

  g_print ("%s", out->str);
  return ANNEX_CLI_EXIT_OK;
}

gboolean
annex_cli_is_verb (const char *arg)
{
  if (arg == NULL)
    return FALSE;

  return find_verb (arg) != NULL;
}

int
annex_cli_run (int    argc,
               char **argv)
{
  g_auto(GStrv) args = NULL;
  const Verb *verb;

  g_return_val_if_fail (argc >= 2, ANNEX_CLI_EXIT_USAGE);
  g_return_val_if_fail (argv != NULL && argv[1] != NULL, ANNEX_CLI_EXIT_USAGE);

  verb = find_verb (argv[1]);
  if (verb == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Unknown command “%s”"), argv[1]);

      print_error_line (message);
      return ANNEX_CLI_EXIT_USAGE;
    }

  /* A copy the option parser may rearrange; args[0] stands for "annex VERB". */
  args = g_new0 (char *, argc);
  args[0] = g_strdup_printf ("%s %s", PROGRAM_NAME, verb->name);
  for (int i = 2; i < argc; i++)
    args[i - 1] = g_strdup (argv[i]);

  return verb->run (verb, &args);
}

const char *
annex_cli_get_help_description (void)
{
  static char *description = NULL;

  if (g_once_init_enter (&description))
    {
      GString *text = g_string_new (_("Commands (they need no display):"));

      g_string_append_c (text, '\n');
      for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
        g_string_append_printf (text, "  %s\n      %s\n",
                                _(verbs[i].synopsis), _(verbs[i].summary));
      g_string_append (text, _("Run “annex COMMAND --help” for the options of a command."));

      g_once_init_leave (&description, g_string_free (text, FALSE));
    }

  return description;
}
