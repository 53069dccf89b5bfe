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
#include "annex-csv-import.h"
#include "annex-database.h"
#include "annex-field.h"
#include "annex-nonconformity.h"
#include "annex-oscal.h"
#include "annex-readiness.h"
#include "annex-register.h"
#include "annex-report.h"
#include "annex-review.h"
#include "annex-risk-method.h"
#include "annex-risk-register.h"
#include "annex-sample.h"

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
static int run_check (const Verb   *verb,
                      char       ***args);
static int run_export (const Verb   *verb,
                       char       ***args);
static int run_import (const Verb   *verb,
                       char       ***args);
static int run_import_catalog (const Verb   *verb,
                               char       ***args);
static int run_import_workspace (const Verb   *verb,
                                 char       ***args);

static const Verb verbs[] = {
  {
    "new",
    N_("annex new FILE [--organization NAME] [--sample ID]"),
    N_("Create a new workspace file, empty or with a sample organization for training "
       "(--sample financial or --sample healthcare; --organization then renames it)."),
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
  {
    "check",
    N_("annex check FILE [--today YYYY-MM-DD]"),
    N_("Run the readiness checks on a workspace and list what an auditor would find, without "
       "modifying the file."),
    N_("Prints one line per finding, errors first, then warnings: the severity (“error” or "
       "“warning”) and the rule id, then the finding in words and the references of the records "
       "concerned (at most 20, then how many more), e.g. “error risk-untreated: Risks above the "
       "acceptance threshold without treatment: R-004, R-007”. The last line is “findings: N”. "
       "--today checks as of another day (default: today).\n"
       "Exit status: 0 when there is no finding, 3 when there are findings, 1 when the "
       "workspace could not be read, 2 on wrong usage."),
    run_check,
  },
  {
    "export",
    N_("annex export FILE --report soa|risks|treatment-plan|audit:REF|review:REF|context|"
       "actions|register:TABLE --format pdf|xlsx|csv|oscal --output OUT"),
    N_("Export a report of a workspace (Statement of Applicability, risk register, treatment "
       "plan, an audit, a management review, context, actions, or any register) as a PDF, "
       "XLSX, CSV or OSCAL file, without modifying the workspace."),
    N_("audit:REF and review:REF name one audit or management review by its reference "
       "(“audit:IA-2026-01”); register:TABLE any register by its name in “annex info” "
       "(“register:risks”). CSV holds the report’s main table (the review minutes have none); "
       "OSCAL is for the Statement of Applicability only. --format may be left out when OUT "
       "ends in .pdf, .xlsx, .csv or .json. OUT is replaced only once it is complete.\n"
       "Prints “Exported OUT”.\n"
       "Exit status: 0 when the report was written, 1 when it was not (no such audit or "
       "review, the workspace cannot be read, OUT cannot be written), 2 on wrong usage."),
    run_export,
  },
  {
    "import",
    N_("annex import FILE --register risks|assets|issues|parties|controls --csv IN "
       "[--map FIELD=COLUMN…]"),
    N_("Import a register from a CSV file (UTF-8, comma or semicolon separated, with a header "
       "row), all or nothing."),
    N_("The columns are matched to the fields by their headers (a field’s name or label); "
       "--map FIELD=COLUMN (a header or a 1-based column number; repeatable) overrides a match, "
       "an empty COLUMN leaves the field out. Controls are updated by their id (the "
       "“reference” column), never added.\n"
       "Prints “Imported N RECORDS”. When a row has a problem, nothing is written and each "
       "problem is printed with its row number (the header is row 1).\n"
       "Exit status: 0 when every row was imported, 1 when nothing was (a problem in the file, "
       "or the workspace cannot be written), 2 on wrong usage."),
    run_import,
  },
  {
    "import-catalog",
    N_("annex import-catalog FILE --oscal IN"),
    N_("Import an OSCAL control catalog (JSON) as a catalogue of the workspace beside Annex A."),
    N_("Prints the catalogue’s title and the number of its controls. Importing the same "
       "catalogue again updates its titles and descriptions and keeps the decisions. A control "
       "id already used by another catalogue refuses the import.\n"
       "Exit status: 0 when the catalogue was imported, 1 when nothing was (not a valid "
       "catalog, an id clash, or the workspace cannot be written), 2 on wrong usage."),
    run_import_catalog,
  },
  {
    "import-workspace",
    N_("annex import-workspace FILE --output NEW"),
    N_("Make a clean workspace NEW from a workspace file someone else made, without trusting "
       "it: its records are checked and copied into a fresh workspace, and anything Annex does "
       "not create (triggers, views, other tables) is left out."),
    N_("FILE is only read. NEW must not exist; nothing is written there when the import is "
       "refused (a damaged file, a newer format, a value far larger than Annex writes).\n"
       "Prints “Imported NEW”.\n"
       "Exit status: 0 when NEW was created, 1 when it was not, 2 on wrong usage."),
    run_import_workspace,
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
  g_autofree char *sample = NULL;
  g_autofree char *path = NULL;
  g_autofree char *display = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "organization", 'o', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &organization,
      N_("The organization the workspace is for (default: the file name without “.isms”)"),
      N_("NAME") },
    { "sample", 's', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &sample,
      N_("Fill the workspace with a sample organization for training: financial or healthcare"),
      N_("ID") },
    G_OPTION_ENTRY_NULL
  };

  status = parse_verb_args (verb, entries, args, &path);
  if (status >= 0)
    return status;

  if (sample != NULL && annex_sample_find (sample) == NULL)
    {
      g_autoptr(GString) ids = g_string_new (NULL);
      g_autofree char *message = NULL;
      guint n_samples = 0;
      const AnnexSampleInfo *samples = annex_sample_get_all (&n_samples);

      for (guint i = 0; i < n_samples; i++)
        g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "", samples[i].id);
      /* TRANSLATORS: %s is the unknown sample id, then the list of valid ones */
      message = g_strdup_printf (_("There is no sample “%s”: use one of %s"), sample, ids->str);
      return usage_error (verb, message);
    }

  /* A sample brings its organization's name; --organization still overrides it. */
  if (organization == NULL && sample == NULL)
    organization = default_organization (path);
  if (organization != NULL)
    {
      g_strstrip (organization);
      if (organization[0] == '\0')
        return usage_error (verb, _("The organization name must not be empty"));
    }

  if (sample != NULL)
    {
      db = annex_sample_create (path, sample, FALSE, NULL, &error);
      if (db == NULL)
        return fail (error);
      if (organization != NULL &&
          !annex_database_set_setting (db, "organization", organization, &error))
        return fail (error);
    }
  else
    {
      db = annex_database_create (path, organization, &error);
      if (db == NULL)
        return fail (error);
    }
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

/* At most this many references per finding line, then "and N more". */
#define CHECK_MAX_REFERENCES 20

/* "error risk-untreated: Risks above …: R-004, R-007": the severity and the rule id (not
 * translated, for scripts), then the translated title and the references. */
static void
append_finding_line (GString                 *out,
                     const AnnexCheckFinding *finding)
{
  g_autoptr(GString) line = g_string_new (NULL);
  guint n = finding->records->len;

  g_string_append_printf (line, "%s %s: %s",
                          finding->severity == ANNEX_CHECK_SEVERITY_ERROR ? "error" : "warning",
                          finding->rule, finding->title);

  for (guint i = 0; i < n && i < CHECK_MAX_REFERENCES; i++)
    {
      const AnnexCheckRecord *record = &g_array_index (finding->records, AnnexCheckRecord, i);

      g_string_append (line, i == 0 ? ": " : ", ");
      g_string_append (line, record->reference != NULL ? record->reference : "");
    }
  if (n > CHECK_MAX_REFERENCES)
    {
      guint more = n - CHECK_MAX_REFERENCES;

      g_string_append_c (line, ' ');
      /* Translators: after a list of 20 record references, e.g. "and 7 more" */
      g_string_append_printf (line, ngettext ("and %u more", "and %u more", more), more);
    }

  /* One line per finding, whatever a reference holds. */
  g_strdelimit (line->str, "\r\n", ' ');
  g_string_append_printf (out, "%s\n", line->str);
}

/* Everything is gathered before anything is printed, like "info". Findings are what the verb
 * reports, not a failure: they have an exit status of their own (ANNEX_CLI_EXIT_FINDINGS), so
 * a script can tell them from a file that could not be read. */
static int
run_check (const Verb   *verb,
           char       ***args)
{
  g_autoptr(AnnexDatabase) db = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *path = NULL;
  g_autofree char *today = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "today", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &today,
      N_("Check as of this day instead of today"), N_("YYYY-MM-DD") },
    G_OPTION_ENTRY_NULL
  };

  status = parse_verb_args (verb, entries, args, &path);
  if (status >= 0)
    return status;

  if (today != NULL && !annex_field_date_is_valid (today))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a date: use YYYY-MM-DD"),
                                                  today);

      return usage_error (verb, message);
    }

  db = annex_database_open (path, ANNEX_DATABASE_OPEN_READ_ONLY, &error);
  if (db == NULL)
    return fail (error);

  findings = annex_readiness_run_checks (db, today, &error);
  if (findings == NULL)
    return fail (error);
  annex_database_close (db);

  out = g_string_new (NULL);
  for (guint i = 0; i < findings->len; i++)
    append_finding_line (out, g_ptr_array_index (findings, i));
  g_string_append_printf (out, "findings: %u\n", findings->len);

  g_print ("%s", out->str);
  return findings->len > 0 ? ANNEX_CLI_EXIT_FINDINGS : ANNEX_CLI_EXIT_OK;
}

/* Reads the whole input file given with an option (the importers limit what they accept). */
static GBytes *
read_input (const char  *path,
            GError     **error)
{
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  return g_bytes_new_take (contents, length);
}

/* For the importers: reads @input (the file given with an option) into *@out_bytes, then opens
 * the workspace at @path for writing. The input is read first, so a missing input leaves the
 * workspace untouched. NULL on error. */
static AnnexDatabase *
open_for_import (const char  *path,
                 const char  *input,
                 GBytes     **out_bytes,
                 GError     **error)
{
  g_autoptr(GBytes) bytes = read_input (input, error);
  AnnexDatabase *db;

  if (bytes == NULL)
    return NULL;

  db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, error);
  if (db != NULL)
    *out_bytes = g_steal_pointer (&bytes);

  return db;
}

static int
run_import (const Verb   *verb,
            char       ***args)
{
  g_autoptr(AnnexDatabase) db = NULL;
  g_autoptr(AnnexCsvImport) import = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *table = NULL;
  g_autofree char *input = NULL;
  g_auto(GStrv) maps = NULL;
  guint n_imported = 0;
  int status;
  const GOptionEntry entries[] = {
    { "register", 'r', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &table,
      N_("The register to import into: risks, assets, issues, parties or controls"),
      N_("REGISTER") },
    { "csv", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &input,
      N_("The CSV file to read"), N_("IN") },
    { "map", 'm', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING_ARRAY, &maps,
      N_("Read FIELD from COLUMN (a header or a 1-based number)"), N_("FIELD=COLUMN") },
    G_OPTION_ENTRY_NULL
  };

  status = parse_verb_args (verb, entries, args, &path);
  if (status >= 0)
    return status;
  if (table == NULL)
    return usage_error (verb, _("No register given (--register)"));
  if (input == NULL)
    return usage_error (verb, _("No CSV file given (--csv)"));

  db = open_for_import (path, input, &bytes, &error);
  if (db == NULL)
    return fail (error);

  import = annex_csv_import_new (db, table, bytes, &error);
  if (import == NULL)
    return fail (error);

  for (guint i = 0; maps != NULL && maps[i] != NULL; i++)
    {
      if (!annex_csv_import_parse_mapping (import, maps[i], &error))
        return usage_error (verb, error->message);
    }

  if (!annex_csv_import_run (import, &n_imported, &error))
    {
      /* One "annex: " line per problem, each with its row number. */
      g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        print_error_line (lines[i]);
      return ANNEX_CLI_EXIT_FAILURE;
    }
  annex_database_close (db);

  /* The table name is the register's, as in "annex info". */
  g_print (_("Imported %u %s\n"), n_imported, table);
  return ANNEX_CLI_EXIT_OK;
}

static int
run_import_catalog (const Verb   *verb,
                    char       ***args)
{
  g_autoptr(AnnexDatabase) db = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *input = NULL;
  g_autofree char *title = NULL;
  guint n_controls = 0;
  int status;
  const GOptionEntry entries[] = {
    { "oscal", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &input,
      N_("The OSCAL catalog (JSON) to read"), N_("IN") },
    G_OPTION_ENTRY_NULL
  };

  status = parse_verb_args (verb, entries, args, &path);
  if (status >= 0)
    return status;
  if (input == NULL)
    return usage_error (verb, _("No catalog given (--oscal)"));

  db = open_for_import (path, input, &bytes, &error);
  if (db == NULL)
    return fail (error);

  if (!annex_oscal_import_catalog (db, bytes, &title, &n_controls, &error))
    return fail (error);
  annex_database_close (db);

  g_strdelimit (title, "\r\n", ' ');
  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported “%s”: %u control\n",
                        "Imported “%s”: %u controls\n", n_controls), title, n_controls);
  return ANNEX_CLI_EXIT_OK;
}

static int
run_import_workspace (const Verb   *verb,
                      char       ***args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *output = NULL;
  g_autofree char *display = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "output", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &output,
      N_("The new workspace file to create"), N_("NEW") },
    G_OPTION_ENTRY_NULL
  };

  status = parse_verb_args (verb, entries, args, &path);
  if (status >= 0)
    return status;
  if (output == NULL)
    return usage_error (verb, _("No new workspace given (--output)"));

  if (!annex_database_import_file (path, output, &error))
    return fail (error);

  display = g_filename_display_name (output);
  g_print (_("Imported %s\n"), display);
  return ANNEX_CLI_EXIT_OK;
}

/* The format named by @output's extension, for an export without --format. */
static gboolean
format_from_extension (const char        *output,
                       AnnexReportFormat *format)
{
  const AnnexReportFormat candidates[] = {
    ANNEX_REPORT_FORMAT_PDF, ANNEX_REPORT_FORMAT_XLSX, ANNEX_REPORT_FORMAT_CSV,
    ANNEX_REPORT_FORMAT_OSCAL,
  };
  const char *dot = strrchr (output, '.');

  for (guint i = 0; dot != NULL && i < G_N_ELEMENTS (candidates); i++)
    {
      if (g_ascii_strcasecmp (dot + 1, annex_report_format_get_extension (candidates[i])) == 0)
        {
          *format = candidates[i];
          return TRUE;
        }
    }

  return FALSE;
}

/* Every combination is checked before the workspace is opened, so wrong usage writes nothing
 * and says what is wrong; what only the workspace can tell (an unknown audit) is a failure. */
static int
run_export (const Verb   *verb,
            char       ***args)
{
  g_autoptr(AnnexDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *report = NULL;
  g_autofree char *format_nick = NULL;
  g_autofree char *output = NULL;
  g_autofree char *kind_nick = NULL;
  g_autofree char *display = NULL;
  const char *argument = NULL;
  const char *colon;
  AnnexReportKind kind;
  AnnexReportFormat format;
  int status;
  const GOptionEntry entries[] = {
    { "report", 'r', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &report,
      N_("The report: soa, risks, treatment-plan, audit:REF, review:REF, context, actions or "
         "register:TABLE"), N_("REPORT") },
    { "format", 'f', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &format_nick,
      N_("The file format: pdf, xlsx, csv or oscal (default: from OUT’s extension)"),
      N_("FORMAT") },
    { "output", 'o', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write"), N_("OUT") },
    G_OPTION_ENTRY_NULL
  };

  status = parse_verb_args (verb, entries, args, &path);
  if (status >= 0)
    return status;
  if (report == NULL)
    return usage_error (verb, _("No report given (--report)"));
  if (output == NULL)
    return usage_error (verb, _("No output file given (--output)"));

  colon = strchr (report, ':');
  kind_nick = colon != NULL ? g_strndup (report, colon - report) : g_strdup (report);
  argument = colon != NULL ? colon + 1 : NULL;
  if (!annex_report_kind_from_nick (kind_nick, &kind))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown report “%s”"), report);

      return usage_error (verb, message);
    }
  if (annex_report_kind_takes_argument (kind) && annex_field_text_is_blank (argument))
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (kind == ANNEX_REPORT_REGISTER
                                   ? _("The report “%s” needs a register: --report %s:TABLE")
                                   : _("The report “%s” needs a reference: --report %s:REF"),
                                 kind_nick, kind_nick);
      return usage_error (verb, message);
    }
  if (!annex_report_kind_takes_argument (kind) && argument != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The report “%s” takes no reference"),
                                                  kind_nick);

      return usage_error (verb, message);
    }
  if (kind == ANNEX_REPORT_REGISTER &&
      !g_strv_contains (annex_database_get_register_tables (), argument))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown register “%s”"), argument);

      return usage_error (verb, message);
    }

  if (format_nick != NULL && !annex_report_format_from_nick (format_nick, &format))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown format “%s”"), format_nick);

      return usage_error (verb, message);
    }
  if (format_nick == NULL && !format_from_extension (output, &format))
    return usage_error (verb, _("No format given (--format)"));
  if (format == ANNEX_REPORT_FORMAT_OSCAL && kind != ANNEX_REPORT_SOA)
    return usage_error (verb, _("Only the Statement of Applicability (soa) can be exported as "
                                "OSCAL"));
  if (format == ANNEX_REPORT_FORMAT_CSV && !annex_report_kind_has_main_table (kind))
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("The report “%s” has no table to export as CSV: use pdf or "
                                   "xlsx"), kind_nick);
      return usage_error (verb, message);
    }

  db = annex_database_open (path, ANNEX_DATABASE_OPEN_READ_ONLY, &error);
  if (db == NULL)
    return fail (error);

  if (!annex_report_export (db, kind, argument, format, output, &error))
    return fail (error);
  annex_database_close (db);

  display = g_filename_display_name (output);
  g_print (_("Exported %s\n"), display);
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
