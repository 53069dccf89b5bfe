/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-treatment-plan.c: the risk treatment plan query. */

#define G_LOG_DOMAIN "annex-treatment-plan"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "annex-store-error.h"
#include "annex-treatment-plan.h"

G_DEFINE_BOXED_TYPE (AnnexTreatmentPlanEntry, annex_treatment_plan_entry,
                     annex_treatment_plan_entry_copy, annex_treatment_plan_entry_free)

AnnexTreatmentPlanEntry *
annex_treatment_plan_entry_copy (const AnnexTreatmentPlanEntry *entry)
{
  AnnexTreatmentPlanEntry *copy;

  g_return_val_if_fail (entry != NULL, NULL);

  copy = g_new0 (AnnexTreatmentPlanEntry, 1);
  copy->risk_id = entry->risk_id;
  copy->risk_reference = g_strdup (entry->risk_reference);
  copy->risk_title = g_strdup (entry->risk_title);
  copy->risk_owner = g_strdup (entry->risk_owner);
  copy->action_id = entry->action_id;
  copy->action_reference = g_strdup (entry->action_reference);
  copy->action_title = g_strdup (entry->action_title);
  copy->action_owner = g_strdup (entry->action_owner);
  copy->due_date = g_strdup (entry->due_date);
  copy->status = g_strdup (entry->status);
  copy->completed_on = g_strdup (entry->completed_on);
  copy->overdue = entry->overdue;

  return copy;
}

void
annex_treatment_plan_entry_free (AnnexTreatmentPlanEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->risk_reference);
  g_free (entry->risk_title);
  g_free (entry->risk_owner);
  g_free (entry->action_reference);
  g_free (entry->action_title);
  g_free (entry->action_owner);
  g_free (entry->due_date);
  g_free (entry->status);
  g_free (entry->completed_on);
  g_free (entry);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* References are "R-" + a number of at least three digits: order by length first, so R-1000
 * comes after R-999. Actions whose risk does not exist sort last. */
static const char plan_sql[] =
  "SELECT r.id, a.origin_reference, r.title, r.owner,"
  "       a.id, a.reference, a.title, a.owner, a.due_date, a.status, a.completed_on "
  "FROM actions a LEFT JOIN risks r ON r.reference = a.origin_reference "
  "WHERE a.origin = 'risk-treatment' "
  "ORDER BY r.id IS NULL, length (a.origin_reference), a.origin_reference,"
  "         a.due_date IS NULL, a.due_date, length (a.reference), a.reference";

/**
 * annex_treatment_plan_query:
 * @db: a workspace
 * @today: (nullable): "YYYY-MM-DD" for the overdue test, or %NULL for the local date now
 * @out_counts: (out) (optional): the counts
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type AnnexTreatmentPlanEntry) (nullable): the plan
 */
GPtrArray *
annex_treatment_plan_query (AnnexDatabase             *db,
                            const char                *today,
                            AnnexTreatmentPlanCounts  *out_counts,
                            GError                   **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *today_now = NULL;
  AnnexTreatmentPlanCounts counts = { 0, };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (today == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      today = today_now = g_date_time_format (now, "%Y-%m-%d");
    }

  stmt = annex_database_prepare (db, plan_sql, error);
  if (stmt == NULL)
    return NULL;

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) annex_treatment_plan_entry_free);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AnnexTreatmentPlanEntry *entry = g_new0 (AnnexTreatmentPlanEntry, 1);
      gboolean open;

      entry->risk_id = sqlite3_column_int64 (stmt, 0);
      entry->risk_reference = dup_column (stmt, 1);
      if (entry->risk_id != 0)
        {
          entry->risk_title = dup_column (stmt, 2);
          entry->risk_owner = dup_column (stmt, 3);
        }
      entry->action_id = sqlite3_column_int64 (stmt, 4);
      entry->action_reference = dup_column (stmt, 5);
      entry->action_title = dup_column (stmt, 6);
      entry->action_owner = dup_column (stmt, 7);
      entry->due_date = dup_column (stmt, 8);
      entry->status = dup_column (stmt, 9);
      entry->completed_on = dup_column (stmt, 10);

      open = g_strcmp0 (entry->status, "open") == 0 || g_strcmp0 (entry->status, "in-progress") == 0;
      /* "YYYY-MM-DD" strings: the byte order is the date order. */
      entry->overdue = open && entry->due_date != NULL && strcmp (entry->due_date, today) < 0;

      counts.total++;
      if (open)
        counts.open++;
      else if (g_strcmp0 (entry->status, "done") == 0)
        counts.done++;
      else if (g_strcmp0 (entry->status, "cancelled") == 0)
        counts.cancelled++;
      if (entry->overdue)
        counts.overdue++;

      g_ptr_array_add (entries, entry);
    }

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_FAILED,
                   _("Could not read the risk treatment plan: %s"),
                   sqlite3_errmsg (annex_database_get_handle (db)));
      sqlite3_reset (stmt);
      return NULL;
    }

  sqlite3_reset (stmt);

  if (out_counts != NULL)
    *out_counts = counts;

  return g_steal_pointer (&entries);
}
