/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-objective-measurement.c: one measured value of an objective: its field table, the rules
 * that its objective exists and that it is not dated in the future, and the newest-first order. */

#define G_LOG_DOMAIN "annex-objective-measurement"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "annex-objective-measurement.h"
#include "annex-store-error.h"

struct _AnnexObjectiveMeasurement
{
  AnnexRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AnnexObjectiveMeasurement, annex_objective_measurement, ANNEX_TYPE_RECORD)

/* Indexes into fields[]. */
enum {
  FIELD_OBJECTIVE_ID,
  FIELD_DATE,
  FIELD_VALUE,
  FIELD_NOTE,
  N_FIELDS
};

static const AnnexField fields[N_FIELDS] = {
  [FIELD_OBJECTIVE_ID] = {
    "objective-id", "objective_id", ANNEX_FIELD_INT, N_("Objective"),
    ANNEX_FIELD_FLAG_NONE,
    NULL, "0"
  },
  [FIELD_DATE] = {
    "date", "date", ANNEX_FIELD_DATE, N_("Date"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST,
    NULL, NULL
  },
  [FIELD_VALUE] = {
    "value", "value", ANNEX_FIELD_TEXT, N_("Value"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_NOTE] = {
    "note", "note", ANNEX_FIELD_LONG_TEXT, N_("Note"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
};

static const char *
get_field_string (AnnexObjectiveMeasurement *self,
                  guint                      index)
{
  return g_value_get_string (annex_record_get_value (ANNEX_RECORD (self), index));
}

static gboolean
annex_objective_measurement_validate (AnnexRecord  *record,
                                      GError      **error)
{
  AnnexObjectiveMeasurement *self = ANNEX_OBJECTIVE_MEASUREMENT (record);
  const char *date = get_field_string (self, FIELD_DATE);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  if (annex_objective_measurement_get_objective_id (self) <= 0)
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("A measurement belongs to an objective: choose one"));
      return FALSE;
    }

  if (date != NULL && strcmp (date, today) > 0)
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("A measurement cannot be dated in the future"));
      return FALSE;
    }

  return TRUE;
}

/* The foreign key would refuse a missing objective too, but without a sentence for the user. */
static gboolean
annex_objective_measurement_check_write (AnnexRecord       *record,
                                         AnnexDatabase     *db,
                                         AnnexRecordWrite   write,
                                         GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (write == ANNEX_RECORD_WRITE_REMOVE)
    return TRUE;

  stmt = annex_database_prepare (db, "SELECT 1 FROM objectives WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1,
                      annex_objective_measurement_get_objective_id (
                        ANNEX_OBJECTIVE_MEASUREMENT (record)));
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("The objective of this measurement no longer exists"));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      annex_store_set_error_from_sqlite (error, annex_database_get_handle (db), rc,
                                         _("Could not save the record"));
      return FALSE;
    }

  return TRUE;
}

static void
annex_objective_measurement_class_init (AnnexObjectiveMeasurementClass *klass)
{
  AnnexRecordClass *record_class = ANNEX_RECORD_CLASS (klass);

  record_class->validate = annex_objective_measurement_validate;
  record_class->check_write = annex_objective_measurement_check_write;

  annex_record_class_install_fields (record_class, "objective_measurements", "OM-",
                                     fields, N_FIELDS);
}

static void
annex_objective_measurement_init (AnnexObjectiveMeasurement *self)
{
}

/**
 * annex_objective_measurement_new:
 * @objective_id: the id of its objective
 *
 * Returns: (transfer full): a new, unsaved measurement of the objective
 */
AnnexObjectiveMeasurement *
annex_objective_measurement_new (gint64 objective_id)
{
  AnnexObjectiveMeasurement *self = g_object_new (ANNEX_TYPE_OBJECTIVE_MEASUREMENT, NULL);

  annex_record_set_int (ANNEX_RECORD (self), "objective-id", objective_id);
  return self;
}

gint64
annex_objective_measurement_get_objective_id (AnnexObjectiveMeasurement *self)
{
  g_return_val_if_fail (ANNEX_IS_OBJECTIVE_MEASUREMENT (self), 0);
  return g_value_get_int64 (annex_record_get_value (ANNEX_RECORD (self), FIELD_OBJECTIVE_ID));
}

const char *
annex_objective_measurement_get_date (AnnexObjectiveMeasurement *self)
{
  g_return_val_if_fail (ANNEX_IS_OBJECTIVE_MEASUREMENT (self), NULL);
  return get_field_string (self, FIELD_DATE);
}

const char *
annex_objective_measurement_get_value (AnnexObjectiveMeasurement *self)
{
  g_return_val_if_fail (ANNEX_IS_OBJECTIVE_MEASUREMENT (self), NULL);
  return get_field_string (self, FIELD_VALUE);
}

const char *
annex_objective_measurement_get_note (AnnexObjectiveMeasurement *self)
{
  g_return_val_if_fail (ANNEX_IS_OBJECTIVE_MEASUREMENT (self), NULL);
  return get_field_string (self, FIELD_NOTE);
}

void
annex_objective_measurement_set (AnnexObjectiveMeasurement *self,
                                 const char                *date,
                                 const char                *value,
                                 const char                *note)
{
  g_return_if_fail (ANNEX_IS_OBJECTIVE_MEASUREMENT (self));

  annex_record_set_string (ANNEX_RECORD (self), "date", date);
  annex_record_set_string (ANNEX_RECORD (self), "value", value);
  annex_record_set_string (ANNEX_RECORD (self), "note", note);
}

/**
 * annex_objective_measurement_compare:
 *
 * Newest first: by date descending (measurements without a date last), then by id descending
 * (an unsaved one, id 0, after the saved ones of the same date).
 */
int
annex_objective_measurement_compare (gconstpointer a,
                                     gconstpointer b,
                                     gpointer      user_data)
{
  AnnexObjectiveMeasurement *ma = (AnnexObjectiveMeasurement *) a;
  AnnexObjectiveMeasurement *mb = (AnnexObjectiveMeasurement *) b;
  const char *da = get_field_string (ma, FIELD_DATE);
  const char *db = get_field_string (mb, FIELD_DATE);
  gint64 ia;
  gint64 ib;
  int cmp;

  if (da == NULL && db != NULL)
    return 1;
  if (da != NULL && db == NULL)
    return -1;

  cmp = g_strcmp0 (db, da);
  if (cmp != 0)
    return cmp < 0 ? -1 : 1;

  ia = annex_record_get_id (ANNEX_RECORD (ma));
  ib = annex_record_get_id (ANNEX_RECORD (mb));
  return ia > ib ? -1 : ia < ib ? 1 : 0;
}

/**
 * annex_objective_measurement_find_latest:
 * @measurements: a list model of #AnnexObjectiveMeasurement
 * @objective_id: an objective's id
 *
 * Returns: (transfer none) (nullable): the newest measurement of the objective
 */
AnnexObjectiveMeasurement *
annex_objective_measurement_find_latest (GListModel *measurements,
                                         gint64      objective_id)
{
  AnnexObjectiveMeasurement *best = NULL;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (measurements), NULL);

  n = g_list_model_get_n_items (measurements);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexObjectiveMeasurement) m = g_list_model_get_item (measurements, i);

      if (annex_objective_measurement_get_objective_id (m) != objective_id)
        continue;
      if (best == NULL || annex_objective_measurement_compare (m, best, NULL) < 0)
        best = m;
    }

  /* The model holds its items: the pointer stays valid after the local reference is gone. */
  return best;
}
