/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-audit-programme.c: the audit programme of a certification cycle: its audits by month,
 * the coverage matrix of clauses and controls, and the programme's warnings. */

#define G_LOG_DOMAIN "annex-audit-programme"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "annex-audit-private.h"
#include "annex-audit-programme.h"
#include "annex-catalogue.h"
#include "annex-links.h"
#include "annex-store-error.h"

/* The most control ids a theme's warning lists before "and N more". */
#define MAX_LISTED_CONTROLS 12

struct _AnnexAuditProgramme
{
  GObject     parent_instance;

  guint       start_year;
  guint       years;
  char       *first_day;
  char       *last_day;

  GPtrArray  *audits;        /* AnnexAudit, in date order */
  GArray     *first_months;  /* guint per audit */
  GArray     *last_months;   /* guint per audit */

  GArray     *rows;          /* AnnexCoverageRow; id and title point into strings */
  GPtrArray  *strings;       /* owned strings of the rows */
  guint8     *covered;       /* n_rows × n_audits, row-major */

  GArray     *warnings;      /* AnnexProgrammeWarning */
};

G_DEFINE_FINAL_TYPE (AnnexAuditProgramme, annex_audit_programme, G_TYPE_OBJECT)

static const char * const theme_titles[ANNEX_N_CONTROL_THEMES] = {
  [ANNEX_THEME_ORGANIZATIONAL] = N_("Organizational controls"),
  [ANNEX_THEME_PEOPLE] = N_("People controls"),
  [ANNEX_THEME_PHYSICAL] = N_("Physical controls"),
  [ANNEX_THEME_TECHNOLOGICAL] = N_("Technological controls"),
};

/* Cycle settings */

static guint
read_uint_setting (AnnexDatabase *db,
                   const char    *key,
                   guint          min,
                   guint          max,
                   guint          fallback)
{
  g_autofree char *text = annex_database_dup_setting (db, key);
  guint64 value = 0;

  if (text == NULL ||
      !g_ascii_string_to_unsigned (g_strstrip (text), 10, min, max, &value, NULL))
    return fallback;

  return (guint) value;
}

guint
annex_audit_cycle_get_start_year (AnnexDatabase *db)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), 0);

  return read_uint_setting (db, ANNEX_AUDIT_CYCLE_START_SETTING, 1900, 9999,
                            (guint) g_date_time_get_year (now));
}

guint
annex_audit_cycle_get_years (AnnexDatabase *db)
{
  g_return_val_if_fail (ANNEX_IS_DATABASE (db), ANNEX_AUDIT_CYCLE_DEFAULT_YEARS);

  return read_uint_setting (db, ANNEX_AUDIT_CYCLE_YEARS_SETTING, 1, 10,
                            ANNEX_AUDIT_CYCLE_DEFAULT_YEARS);
}

/**
 * annex_audit_cycle_set:
 * @db: a workspace
 * @start_year: the cycle's first calendar year
 * @years: its length in years
 * @error: return location for an error
 *
 * Stores the certification cycle in the workspace settings, in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
annex_audit_cycle_set (AnnexDatabase  *db,
                       guint           start_year,
                       guint           years,
                       GError        **error)
{
  g_autofree char *start_text = NULL;
  g_autofree char *years_text = NULL;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (start_year < 1900 || start_year > 9999)
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("The cycle must start in a year between 1900 and 9999"));
      return FALSE;
    }
  if (years < 1 || years > 10)
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("A certification cycle lasts from one to ten years"));
      return FALSE;
    }

  start_text = g_strdup_printf ("%u", start_year);
  years_text = g_strdup_printf ("%u", years);

  if (!annex_database_begin (db, error))
    return FALSE;

  if (!annex_database_set_setting (db, ANNEX_AUDIT_CYCLE_START_SETTING, start_text, error) ||
      !annex_database_set_setting (db, ANNEX_AUDIT_CYCLE_YEARS_SETTING, years_text, error))
    {
      annex_database_rollback (db);
      return FALSE;
    }

  return annex_database_commit (db, error);
}

/* The object */

static void
clear_warning (gpointer data)
{
  AnnexProgrammeWarning *warning = data;

  g_clear_pointer (&warning->subject, g_free);
  g_clear_pointer (&warning->message, g_free);
}

static void
reset (AnnexAuditProgramme *self)
{
  g_clear_pointer (&self->first_day, g_free);
  g_clear_pointer (&self->last_day, g_free);
  g_ptr_array_set_size (self->audits, 0);
  g_array_set_size (self->first_months, 0);
  g_array_set_size (self->last_months, 0);
  g_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->strings, 0);
  g_clear_pointer (&self->covered, g_free);
  g_array_set_size (self->warnings, 0);
  self->start_year = 0;
  self->years = 0;
}

static void
annex_audit_programme_finalize (GObject *object)
{
  AnnexAuditProgramme *self = ANNEX_AUDIT_PROGRAMME (object);

  reset (self);
  g_clear_pointer (&self->audits, g_ptr_array_unref);
  g_clear_pointer (&self->first_months, g_array_unref);
  g_clear_pointer (&self->last_months, g_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->strings, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_array_unref);

  G_OBJECT_CLASS (annex_audit_programme_parent_class)->finalize (object);
}

static void
annex_audit_programme_class_init (AnnexAuditProgrammeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = annex_audit_programme_finalize;
}

static void
annex_audit_programme_init (AnnexAuditProgramme *self)
{
  self->audits = g_ptr_array_new_with_free_func (g_object_unref);
  self->first_months = g_array_new (FALSE, FALSE, sizeof (guint));
  self->last_months = g_array_new (FALSE, FALSE, sizeof (guint));
  self->rows = g_array_new (FALSE, TRUE, sizeof (AnnexCoverageRow));
  self->strings = g_ptr_array_new_with_free_func (g_free);
  self->warnings = g_array_new (FALSE, TRUE, sizeof (AnnexProgrammeWarning));
  g_array_set_clear_func (self->warnings, clear_warning);
}

/**
 * annex_audit_programme_new:
 *
 * Returns: (transfer full): an empty programme; fill it with annex_audit_programme_compute()
 */
AnnexAuditProgramme *
annex_audit_programme_new (void)
{
  return g_object_new (ANNEX_TYPE_AUDIT_PROGRAMME, NULL);
}

/* Computing */

static const char *
keep_string (AnnexAuditProgramme *self,
             char                *text)
{
  g_ptr_array_add (self->strings, text);
  return text;
}

static guint
add_row (AnnexAuditProgramme *self,
         AnnexCoverageKind    kind,
         const char          *id,
         const char          *title,
         int                  parent,
         gboolean             expected)
{
  AnnexCoverageRow row = { 0, };

  row.kind = kind;
  row.id = keep_string (self, g_strdup (id));
  row.title = keep_string (self, g_strdup (title));
  row.parent = parent;
  row.expected = expected;
  g_array_append_val (self->rows, row);

  return self->rows->len - 1;
}

static AnnexCoverageRow *
get_row (AnnexAuditProgramme *self,
         guint                index)
{
  return &g_array_index (self->rows, AnnexCoverageRow, index);
}

/* The month index of @date in the cycle, clamped to it. */
static guint
month_of (AnnexAuditProgramme *self,
          const char          *date)
{
  int year = atoi (date);
  int month = atoi (date + 5);
  int index = (year - (int) self->start_year) * 12 + (month - 1);
  int n_months = (int) self->years * 12;

  return (guint) CLAMP (index, 0, n_months - 1);
}

static const char *
first_valid (const char *a,
             const char *b)
{
  if (annex_field_date_is_valid (a))
    return a;
  if (annex_field_date_is_valid (b))
    return b;
  return NULL;
}

static int
compare_audits_by_date (gconstpointer a,
                        gconstpointer b)
{
  AnnexAudit *audit_a = *(AnnexAudit * const *) a;
  AnnexAudit *audit_b = *(AnnexAudit * const *) b;
  int by_date = g_strcmp0 (annex_audit_get_date (audit_a), annex_audit_get_date (audit_b));

  if (by_date != 0)
    return by_date;
  return g_strcmp0 (annex_record_get_reference (ANNEX_RECORD (audit_a)),
                    annex_record_get_reference (ANNEX_RECORD (audit_b)));
}

static void
collect_audits (AnnexAuditProgramme *self,
                GListModel          *audits)
{
  guint n = g_list_model_get_n_items (audits);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexAudit) audit = g_list_model_get_item (audits, i);
      const char *date = annex_audit_get_date (audit);

      if (date == NULL || strcmp (date, self->first_day) < 0 || strcmp (date, self->last_day) > 0)
        continue;

      g_ptr_array_add (self->audits, g_steal_pointer (&audit));
    }

  g_ptr_array_sort (self->audits, compare_audits_by_date);

  for (guint i = 0; i < self->audits->len; i++)
    {
      AnnexAudit *audit = g_ptr_array_index (self->audits, i);
      const char *start;
      const char *end;
      guint first;
      guint last;

      start = first_valid (annex_audit_get_actual_start (audit),
                           annex_audit_get_planned_start (audit));
      end = first_valid (annex_audit_get_actual_end (audit), annex_audit_get_planned_end (audit));
      if (start == NULL)
        start = end;
      if (end == NULL || strcmp (end, start) < 0)
        end = start;

      first = month_of (self, start);
      last = month_of (self, end);
      g_array_append_val (self->first_months, first);
      g_array_append_val (self->last_months, last);
    }
}

typedef struct
{
  gint64             id;
  char              *reference;
  char              *title;
  int                theme;       /* AnnexControlTheme, or -1 */
  gboolean           applicable;
  guint              order;       /* catalogue order; organization-specific ones after */
} ControlInfo;

static void
clear_control_info (gpointer data)
{
  ControlInfo *info = data;

  g_clear_pointer (&info->reference, g_free);
  g_clear_pointer (&info->title, g_free);
}

static int
compare_controls (gconstpointer a,
                  gconstpointer b)
{
  const ControlInfo *info_a = a;
  const ControlInfo *info_b = b;

  if (info_a->order != info_b->order)
    return info_a->order < info_b->order ? -1 : 1;
  return g_strcmp0 (info_a->reference, info_b->reference);
}

static gboolean
read_controls (AnnexDatabase  *db,
               GArray         *controls,
               GError        **error)
{
  const AnnexCatalogueControl *catalogue;
  g_autoptr(GHashTable) order = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt;
  guint n_catalogue = 0;
  int rc;

  catalogue = annex_catalogue_get_controls (&n_catalogue);
  for (guint i = 0; i < n_catalogue; i++)
    g_hash_table_insert (order, (gpointer) catalogue[i].id, GUINT_TO_POINTER (i + 1));

  stmt = annex_database_prepare (db,
                                 "SELECT id, reference, title, theme, applicability, catalogue "
                                 "FROM controls",
                                 error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ControlInfo info = { 0, };
      const char *theme = (const char *) sqlite3_column_text (stmt, 3);
      const char *applicability = (const char *) sqlite3_column_text (stmt, 4);
      const char *catalogue_name = (const char *) sqlite3_column_text (stmt, 5);
      AnnexControlTheme theme_value;
      gpointer position;

      info.id = sqlite3_column_int64 (stmt, 0);
      info.reference = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      info.title = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      info.theme = theme != NULL && annex_catalogue_theme_from_nick (theme, &theme_value) ?
                   (int) theme_value : -1;
      info.applicable = g_strcmp0 (applicability, "applicable") == 0;

      position = info.reference != NULL && g_strcmp0 (catalogue_name, "annex-a") == 0 ?
                 g_hash_table_lookup (order, info.reference) : NULL;
      info.order = position != NULL ? GPOINTER_TO_UINT (position) : G_MAXUINT;

      if (info.reference == NULL)
        {
          clear_control_info (&info);
          continue;
        }
      g_array_append_val (controls, info);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      annex_store_set_error_from_sqlite (error, annex_database_get_handle (db), rc,
                                         _("Could not read the controls"));
      return FALSE;
    }

  g_array_sort (controls, compare_controls);
  return TRUE;
}

/* Maps requirement ids to their clause ids (references). */
static gboolean
read_requirements (AnnexDatabase  *db,
                   GHashTable     *references,
                   GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = annex_database_prepare (db, "SELECT id, reference FROM requirements", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *reference = (const char *) sqlite3_column_text (stmt, 1);

      if (reference != NULL)
        g_hash_table_insert (references, g_memdup2 (&id, sizeof id), g_strdup (reference));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      annex_store_set_error_from_sqlite (error, annex_database_get_handle (db), rc,
                                         _("Could not read the requirements"));
      return FALSE;
    }

  return TRUE;
}

/* The main clause ("9") of a clause id ("9.2.1"). */
static char *
dup_main_clause (const char *id)
{
  const char *dot = strchr (id, '.');

  return dot != NULL ? g_strndup (id, dot - id) : g_strdup (id);
}

/* Builds the rows; fills @row_of_clause (clause id → row index + 1) and @row_of_control
 * (control id → row index + 1, gint64 keys). */
static void
build_rows (AnnexAuditProgramme *self,
            GArray              *controls,
            GHashTable          *row_of_clause,
            GHashTable          *row_of_control)
{
  const AnnexCatalogueClause *clauses;
  guint n_clauses = 0;

  clauses = annex_catalogue_get_clauses (&n_clauses);

  for (guint i = 0; i < n_clauses; i++)
    {
      guint main_row;

      if (clauses[i].level != 1)
        continue;

      main_row = add_row (self, ANNEX_COVERAGE_CLAUSE, clauses[i].id,
                          annex_catalogue_gettext (clauses[i].title), -1, TRUE);
      g_hash_table_insert (row_of_clause, (gpointer) clauses[i].id,
                           GUINT_TO_POINTER (main_row + 1));

      for (guint j = 0; j < n_clauses; j++)
        {
          g_autofree char *main_id = NULL;
          guint row;

          if (!clauses[j].requirement)
            continue;
          main_id = dup_main_clause (clauses[j].id);
          if (strcmp (main_id, clauses[i].id) != 0)
            continue;

          row = add_row (self, ANNEX_COVERAGE_REQUIREMENT, clauses[j].id,
                         annex_catalogue_gettext (clauses[j].title), (int) main_row, TRUE);
          g_hash_table_insert (row_of_clause, (gpointer) clauses[j].id,
                               GUINT_TO_POINTER (row + 1));
        }
    }

  /* The themes in order, then (current -1) organization-specific controls without a theme. */
  for (int t = 0; t <= ANNEX_N_CONTROL_THEMES; t++)
    {
      int current = t < ANNEX_N_CONTROL_THEMES ? t : -1;
      int theme_row = -1;

      if (current >= 0)
        {
          gboolean expected = FALSE;

          for (guint i = 0; i < controls->len; i++)
            {
              ControlInfo *info = &g_array_index (controls, ControlInfo, i);

              if (info->theme == current && info->applicable)
                expected = TRUE;
            }

          theme_row = (int) add_row (self, ANNEX_COVERAGE_THEME,
                                     annex_catalogue_theme_nick ((AnnexControlTheme) current),
                                     _(theme_titles[current]), -1, expected);
        }

      for (guint i = 0; i < controls->len; i++)
        {
          ControlInfo *info = &g_array_index (controls, ControlInfo, i);
          const AnnexCatalogueControl *entry;
          const char *title;
          guint row;

          if (info->theme != current)
            continue;

          entry = info->order != G_MAXUINT ? annex_catalogue_find_control (info->reference)
                                           : NULL;
          title = entry != NULL ? annex_catalogue_gettext (entry->title) : info->title;
          row = add_row (self, ANNEX_COVERAGE_CONTROL, info->reference,
                         title != NULL ? title : info->reference, theme_row, info->applicable);
          g_hash_table_insert (row_of_control, g_memdup2 (&info->id, sizeof info->id),
                               GUINT_TO_POINTER (row + 1));
        }
    }
}

static void
mark_covered (AnnexAuditProgramme *self,
              guint                row,
              guint                audit)
{
  guint n_audits = self->audits->len;

  self->covered[row * n_audits + audit] = 1;

  if (get_row (self, row)->parent >= 0)
    self->covered[(guint) get_row (self, row)->parent * n_audits + audit] = 1;
}

static gboolean
compute_coverage (AnnexAuditProgramme  *self,
                  AnnexDatabase        *db,
                  GHashTable           *requirement_refs,
                  GHashTable           *row_of_clause,
                  GHashTable           *row_of_control,
                  GError              **error)
{
  guint n_audits = self->audits->len;

  self->covered = g_new0 (guint8, MAX (self->rows->len * n_audits, 1));

  for (guint a = 0; a < n_audits; a++)
    {
      AnnexAudit *audit = g_ptr_array_index (self->audits, a);
      g_autoptr(GArray) clause_ids = NULL;
      g_autoptr(GArray) control_ids = NULL;

      clause_ids = annex_audit_dup_linked_ids (audit, db, ANNEX_AUDIT_LINK_CLAUSES, error);
      if (clause_ids == NULL)
        return FALSE;
      control_ids = annex_audit_dup_linked_ids (audit, db, ANNEX_AUDIT_LINK_CONTROLS, error);
      if (control_ids == NULL)
        return FALSE;

      for (guint i = 0; i < clause_ids->len; i++)
        {
          const char *reference = g_hash_table_lookup (requirement_refs,
                                                       &g_array_index (clause_ids, gint64, i));
          guint row = reference != NULL ?
                      GPOINTER_TO_UINT (g_hash_table_lookup (row_of_clause, reference)) : 0;

          if (row > 0)
            mark_covered (self, row - 1, a);
        }

      for (guint i = 0; i < control_ids->len; i++)
        {
          guint row = GPOINTER_TO_UINT (g_hash_table_lookup (row_of_control,
                                                             &g_array_index (control_ids,
                                                                             gint64, i)));

          if (row > 0)
            mark_covered (self, row - 1, a);
        }
    }

  for (guint r = 0; r < self->rows->len; r++)
    {
      AnnexCoverageRow *row = get_row (self, r);

      row->n_covering = 0;
      for (guint a = 0; a < n_audits; a++)
        row->n_covering += self->covered[r * n_audits + a];
    }

  return TRUE;
}

static void
add_warning (AnnexAuditProgramme       *self,
             AnnexProgrammeWarningKind  kind,
             const char                *subject,
             gint64                     audit_id,
             char                      *message)
{
  AnnexProgrammeWarning warning = { 0, };

  warning.kind = kind;
  warning.subject = g_strdup (subject);
  warning.audit_id = audit_id;
  warning.message = message;
  g_array_append_val (self->warnings, warning);
}

/* "YYYY-MM-DD" twelve months before @today (the same day of the month, or the month's last). */
static char *
dup_year_before (const char *today)
{
  GDate date;
  char text[16];

  g_date_clear (&date, 1);
  g_date_set_parse (&date, today);
  if (!g_date_valid (&date))
    return g_strdup (today);

  g_date_subtract_months (&date, 12);
  g_snprintf (text, sizeof text, "%04u-%02u-%02u",
              (guint) g_date_get_year (&date), (guint) g_date_get_month (&date),
              (guint) g_date_get_day (&date));
  return g_strdup (text);
}

static void
add_audit_warnings (AnnexAuditProgramme *self,
                    GListModel          *audits,
                    const char          *today)
{
  g_autofree char *year_before = dup_year_before (today);
  gboolean recent_internal = FALSE;
  guint n = g_list_model_get_n_items (audits);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexAudit) audit = g_list_model_get_item (audits, i);
      const char *done;

      if (annex_audit_is_overdue_on (audit, today))
        add_warning (self, ANNEX_PROGRAMME_WARNING_AUDIT_OVERDUE,
                     annex_record_get_reference (ANNEX_RECORD (audit)),
                     annex_record_get_id (ANNEX_RECORD (audit)),
                     /* Translators: the first %s is an audit id ("IA-2026-01"), the second its
                      * title, the third a date */
                     g_strdup_printf (_("Audit %s “%s” is overdue: it was planned to end on %s "
                                        "and is not reported yet."),
                                      annex_record_get_reference (ANNEX_RECORD (audit)),
                                      annex_audit_get_title (audit),
                                      annex_audit_get_planned_end (audit)));

      done = annex_audit_get_done_date (audit);
      if (g_strcmp0 (annex_audit_get_audit_type (audit), "internal") == 0 && done != NULL &&
          strcmp (done, year_before) > 0 && strcmp (done, today) <= 0)
        recent_internal = TRUE;
    }

  if (!recent_internal)
    add_warning (self, ANNEX_PROGRAMME_WARNING_NO_RECENT_INTERNAL_AUDIT, NULL, 0,
                 g_strdup (_("No internal audit was completed in the last twelve months.")));
}

static void
add_coverage_warnings (AnnexAuditProgramme *self)
{
  for (guint r = 0; r < self->rows->len; r++)
    {
      AnnexCoverageRow *row = get_row (self, r);
      g_autoptr(GPtrArray) gaps = NULL;
      guint n_children = 0;
      AnnexCoverageKind child_kind;

      if (row->kind != ANNEX_COVERAGE_CLAUSE && row->kind != ANNEX_COVERAGE_THEME)
        continue;

      child_kind = row->kind == ANNEX_COVERAGE_CLAUSE ? ANNEX_COVERAGE_REQUIREMENT
                                                      : ANNEX_COVERAGE_CONTROL;
      gaps = g_ptr_array_new ();
      for (guint c = r + 1; c < self->rows->len && get_row (self, c)->parent == (int) r; c++)
        {
          AnnexCoverageRow *child = get_row (self, c);

          if (child->kind != child_kind || !child->expected)
            continue;
          n_children++;
          if (child->n_covering == 0)
            g_ptr_array_add (gaps, (gpointer) child->id);
        }

      if (gaps->len == 0)
        continue;

      if (row->kind == ANNEX_COVERAGE_CLAUSE)
        {
          g_autofree char *list = NULL;

          g_ptr_array_add (gaps, NULL);
          list = g_strjoinv (", ", (char **) gaps->pdata);

          if (gaps->len - 1 == n_children)
            add_warning (self, ANNEX_PROGRAMME_WARNING_CLAUSE_NOT_COVERED, row->id, 0,
                         /* Translators: the first %s is a clause number ("9"), the second its
                          * title */
                         g_strdup_printf (_("Clause %s (%s) is not audited in this cycle."),
                                          row->id, row->title));
          else
            add_warning (self, ANNEX_PROGRAMME_WARNING_CLAUSE_NOT_COVERED, row->id, 0,
                         /* Translators: the first %s is a clause number ("9"), the second its
                          * title, the third a list of clause ids ("9.1, 9.3.2") */
                         g_strdup_printf (_("Clause %s (%s) is not fully audited in this "
                                            "cycle; not sampled: %s."),
                                          row->id, row->title, list));
        }
      else
        {
          g_autoptr(GString) list = g_string_new (NULL);
          guint n_gaps = gaps->len;

          for (guint i = 0; i < MIN (n_gaps, MAX_LISTED_CONTROLS); i++)
            {
              if (i > 0)
                g_string_append (list, ", ");
              g_string_append (list, g_ptr_array_index (gaps, i));
            }
          if (n_gaps > MAX_LISTED_CONTROLS)
            {
              guint more = n_gaps - MAX_LISTED_CONTROLS;

              g_string_append (list, " ");
              /* Translators: ends a shortened list of control ids */
              g_string_append_printf (list, ngettext ("and %u more", "and %u more", more), more);
            }

          add_warning (self, ANNEX_PROGRAMME_WARNING_CONTROLS_NOT_COVERED, row->id, 0,
                       /* Translators: the first %s names a group of controls ("People
                        * controls"), %u is a number, the last %s a list of control ids */
                       g_strdup_printf (ngettext ("%s: %u applicable control is not audited in "
                                                  "this cycle: %s.",
                                                  "%s: %u applicable controls are not audited "
                                                  "in this cycle: %s.",
                                                  n_gaps),
                                        row->title, n_gaps, list->str));
        }
    }
}

/**
 * annex_audit_programme_compute:
 * @self: a programme
 * @db: the workspace
 * @audits: a list model of #AnnexAudit
 * @today: (nullable): "YYYY-MM-DD", or %NULL for the local date now
 * @error: return location for an error
 *
 * Computes the programme; see the header.
 *
 * Returns: %TRUE on success
 */
gboolean
annex_audit_programme_compute (AnnexAuditProgramme  *self,
                               AnnexDatabase        *db,
                               GListModel           *audits,
                               const char           *today,
                               GError              **error)
{
  g_autoptr(GArray) controls = NULL;
  g_autoptr(GHashTable) requirement_refs = NULL;
  g_autoptr(GHashTable) row_of_clause = NULL;
  g_autoptr(GHashTable) row_of_control = NULL;
  g_autofree char *local_today = NULL;

  g_return_val_if_fail (ANNEX_IS_AUDIT_PROGRAMME (self), FALSE);
  g_return_val_if_fail (ANNEX_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (audits), FALSE);
  g_return_val_if_fail (today == NULL || annex_field_date_is_valid (today), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  reset (self);

  if (today == NULL)
    today = local_today = annex_field_dup_today ();

  self->start_year = annex_audit_cycle_get_start_year (db);
  self->years = annex_audit_cycle_get_years (db);
  self->first_day = g_strdup_printf ("%04u-01-01", self->start_year);
  self->last_day = g_strdup_printf ("%04u-12-31", self->start_year + self->years - 1);

  collect_audits (self, audits);

  controls = g_array_new (FALSE, TRUE, sizeof (ControlInfo));
  g_array_set_clear_func (controls, clear_control_info);
  requirement_refs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  row_of_clause = g_hash_table_new (g_str_hash, g_str_equal);
  row_of_control = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (!read_controls (db, controls, error) ||
      !read_requirements (db, requirement_refs, error))
    goto failed;

  build_rows (self, controls, row_of_clause, row_of_control);

  if (!compute_coverage (self, db, requirement_refs, row_of_clause, row_of_control, error))
    goto failed;

  add_audit_warnings (self, audits, today);
  add_coverage_warnings (self);
  return TRUE;

failed:
  reset (self);
  return FALSE;
}

guint
annex_audit_programme_get_start_year (AnnexAuditProgramme *self)
{
  g_return_val_if_fail (ANNEX_IS_AUDIT_PROGRAMME (self), 0);
  return self->start_year;
}

guint
annex_audit_programme_get_years (AnnexAuditProgramme *self)
{
  g_return_val_if_fail (ANNEX_IS_AUDIT_PROGRAMME (self), 0);
  return self->years;
}

guint
annex_audit_programme_get_n_months (AnnexAuditProgramme *self)
{
  g_return_val_if_fail (ANNEX_IS_AUDIT_PROGRAMME (self), 0);
  return self->years * 12;
}

const char *
annex_audit_programme_get_first_day (AnnexAuditProgramme *self)
{
  g_return_val_if_fail (ANNEX_IS_AUDIT_PROGRAMME (self), NULL);
  return self->first_day;
}

const char *
annex_audit_programme_get_last_day (AnnexAuditProgramme *self)
{
  g_return_val_if_fail (ANNEX_IS_AUDIT_PROGRAMME (self), NULL);
  return self->last_day;
}

guint
annex_audit_programme_get_n_audits (AnnexAuditProgramme *self)
{
  g_return_val_if_fail (ANNEX_IS_AUDIT_PROGRAMME (self), 0);
  return self->audits->len;
}

/**
 * annex_audit_programme_get_audit:
 * @self: a programme
 * @index: an audit index
 *
 * Returns: (transfer none): the audit at @index
 */
AnnexAudit *
annex_audit_programme_get_audit (AnnexAuditProgramme *self,
                                 guint                index)
{
  g_return_val_if_fail (ANNEX_IS_AUDIT_PROGRAMME (self), NULL);
  g_return_val_if_fail (index < self->audits->len, NULL);
  return g_ptr_array_index (self->audits, index);
}

void
annex_audit_programme_get_audit_months (AnnexAuditProgramme *self,
                                        guint                index,
                                        guint               *out_first,
                                        guint               *out_last)
{
  g_return_if_fail (ANNEX_IS_AUDIT_PROGRAMME (self));
  g_return_if_fail (index < self->audits->len);

  if (out_first != NULL)
    *out_first = g_array_index (self->first_months, guint, index);
  if (out_last != NULL)
    *out_last = g_array_index (self->last_months, guint, index);
}

/**
 * annex_audit_programme_dup_audits_in_month:
 * @self: a programme
 * @month: a month index of the cycle
 *
 * Returns: (transfer full) (element-type guint): indexes of the audits in @month
 */
GArray *
annex_audit_programme_dup_audits_in_month (AnnexAuditProgramme *self,
                                           guint                month)
{
  GArray *result;

  g_return_val_if_fail (ANNEX_IS_AUDIT_PROGRAMME (self), NULL);

  result = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < self->audits->len; i++)
    if (g_array_index (self->first_months, guint, i) <= month &&
        month <= g_array_index (self->last_months, guint, i))
      g_array_append_val (result, i);

  return result;
}

/**
 * annex_audit_programme_get_rows:
 * @self: a programme
 * @n_rows: (out): the number of rows
 *
 * Returns: (transfer none) (array length=n_rows): the rows of the coverage matrix
 */
const AnnexCoverageRow *
annex_audit_programme_get_rows (AnnexAuditProgramme *self,
                                guint               *n_rows)
{
  g_return_val_if_fail (ANNEX_IS_AUDIT_PROGRAMME (self), NULL);
  g_return_val_if_fail (n_rows != NULL, NULL);

  *n_rows = self->rows->len;
  return (const AnnexCoverageRow *) (gpointer) self->rows->data;
}

gboolean
annex_audit_programme_covers (AnnexAuditProgramme *self,
                              guint                row_index,
                              guint                audit_index)
{
  g_return_val_if_fail (ANNEX_IS_AUDIT_PROGRAMME (self), FALSE);
  g_return_val_if_fail (row_index < self->rows->len, FALSE);
  g_return_val_if_fail (audit_index < self->audits->len, FALSE);

  return self->covered[row_index * self->audits->len + audit_index] != 0;
}

gboolean
annex_audit_programme_row_is_gap (AnnexAuditProgramme *self,
                                  guint                row_index)
{
  AnnexCoverageRow *row;

  g_return_val_if_fail (ANNEX_IS_AUDIT_PROGRAMME (self), FALSE);
  g_return_val_if_fail (row_index < self->rows->len, FALSE);

  row = get_row (self, row_index);
  return row->expected && row->n_covering == 0;
}

/**
 * annex_audit_programme_get_warnings:
 * @self: a programme
 * @n_warnings: (out): the number of warnings
 *
 * Returns: (transfer none) (array length=n_warnings): the warnings
 */
const AnnexProgrammeWarning *
annex_audit_programme_get_warnings (AnnexAuditProgramme *self,
                                    guint               *n_warnings)
{
  g_return_val_if_fail (ANNEX_IS_AUDIT_PROGRAMME (self), NULL);
  g_return_val_if_fail (n_warnings != NULL, NULL);

  *n_warnings = self->warnings->len;
  return (const AnnexProgrammeWarning *) (gpointer) self->warnings->data;
}
