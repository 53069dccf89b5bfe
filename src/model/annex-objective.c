/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-objective.c: the objective record (6.2): its field table, its measurements as children,
 * the links to risks, controls and parties, "overdue" and the latest measurement shown with it. */

#define G_LOG_DOMAIN "annex-objective"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "annex-links.h"
#include "annex-objective.h"
#include "annex-objective-measurement.h"

struct _AnnexObjective
{
  AnnexRecord parent_instance;

  /* owned */
  char *latest_date;
  char *latest_value;
};

G_DEFINE_FINAL_TYPE (AnnexObjective, annex_objective, ANNEX_TYPE_RECORD)

/* Indexes into fields[]. */
enum {
  FIELD_TITLE,
  FIELD_MEASURE,
  FIELD_TARGET,
  FIELD_OWNER,
  FIELD_DUE_DATE,
  FIELD_STATUS,
  FIELD_NOTES,
  N_FIELDS
};

static const AnnexFieldChoice status_choices[] = {
  { "not-started", N_("Not started") },
  { "on-track", N_("On track") },
  { "at-risk", N_("At risk") },
  { "achieved", N_("Achieved") },
  { "missed", N_("Missed") },
  { NULL, NULL }
};

static const AnnexField fields[N_FIELDS] = {
  [FIELD_TITLE] = {
    "title", "title", ANNEX_FIELD_TEXT, N_("Objective"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_MEASURE] = {
    "measure", "measure", ANNEX_FIELD_LONG_TEXT, N_("How it is measured"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_TARGET] = {
    "target", "target", ANNEX_FIELD_TEXT, N_("Target"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_OWNER] = {
    "owner", "owner", ANNEX_FIELD_TEXT, N_("Owner"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_DUE_DATE] = {
    "due-date", "due_date", ANNEX_FIELD_DATE, N_("Due date"),
    ANNEX_FIELD_FLAG_LIST,
    NULL, NULL
  },
  [FIELD_STATUS] = {
    "status", "status", ANNEX_FIELD_CHOICE, N_("Status"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_FILTER,
    status_choices, "not-started"
  },
  [FIELD_NOTES] = {
    "notes", "notes", ANNEX_FIELD_LONG_TEXT, N_("Notes"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
};

enum {
  PROP_0,
  PROP_STATUS_LABEL,
  PROP_OVERDUE,
  PROP_LATEST_DATE,
  PROP_LATEST_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
get_field_string (AnnexObjective *self,
                  guint           index)
{
  return g_value_get_string (annex_record_get_value (ANNEX_RECORD (self), index));
}

static void
annex_objective_field_changed (AnnexRecord *record,
                               guint        index)
{
  if (index == FIELD_STATUS)
    {
      g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_STATUS_LABEL]);
      g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_OVERDUE]);
    }
  else if (index == FIELD_DUE_DATE)
    {
      g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_OVERDUE]);
    }
}

static void
annex_objective_finalize (GObject *object)
{
  AnnexObjective *self = ANNEX_OBJECTIVE (object);

  g_clear_pointer (&self->latest_date, g_free);
  g_clear_pointer (&self->latest_value, g_free);

  G_OBJECT_CLASS (annex_objective_parent_class)->finalize (object);
}

static void
annex_objective_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AnnexObjective *self = ANNEX_OBJECTIVE (object);

  if (pspec->owner_type != ANNEX_TYPE_OBJECTIVE || prop_id >= ANNEX_RECORD_FIRST_FIELD_PROP)
    {
      G_OBJECT_CLASS (annex_objective_parent_class)->get_property (object, prop_id, value, pspec);
      return;
    }

  switch (prop_id)
    {
    case PROP_STATUS_LABEL:
      g_value_set_string (value, annex_record_get_choice_label (ANNEX_RECORD (self), FIELD_STATUS));
      break;

    case PROP_OVERDUE:
      g_value_set_boolean (value, annex_objective_get_overdue (self));
      break;

    case PROP_LATEST_DATE:
      g_value_set_string (value, self->latest_date);
      break;

    case PROP_LATEST_VALUE:
      g_value_set_string (value, self->latest_value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_objective_class_init (AnnexObjectiveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AnnexRecordClass *record_class = ANNEX_RECORD_CLASS (klass);

  object_class->finalize = annex_objective_finalize;
  object_class->get_property = annex_objective_get_property;

  record_class->field_changed = annex_objective_field_changed;

  annex_record_class_install_fields (record_class, "objectives", "OB-", fields, N_FIELDS);
  annex_record_class_add_child (record_class, ANNEX_TYPE_OBJECTIVE_MEASUREMENT, "objective-id");

  properties[PROP_STATUS_LABEL] =
    g_param_spec_string ("status-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OVERDUE] =
    g_param_spec_boolean ("overdue", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LATEST_DATE] =
    g_param_spec_string ("latest-date", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LATEST_VALUE] =
    g_param_spec_string ("latest-value", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
annex_objective_init (AnnexObjective *self)
{
}

/**
 * annex_objective_new:
 *
 * Returns: (transfer full): a new, unsaved objective (not started)
 */
AnnexObjective *
annex_objective_new (void)
{
  return g_object_new (ANNEX_TYPE_OBJECTIVE, NULL);
}

const char *
annex_objective_get_title (AnnexObjective *self)
{
  g_return_val_if_fail (ANNEX_IS_OBJECTIVE (self), NULL);
  return get_field_string (self, FIELD_TITLE);
}

const char *
annex_objective_get_measure (AnnexObjective *self)
{
  g_return_val_if_fail (ANNEX_IS_OBJECTIVE (self), NULL);
  return get_field_string (self, FIELD_MEASURE);
}

const char *
annex_objective_get_target (AnnexObjective *self)
{
  g_return_val_if_fail (ANNEX_IS_OBJECTIVE (self), NULL);
  return get_field_string (self, FIELD_TARGET);
}

const char *
annex_objective_get_owner (AnnexObjective *self)
{
  g_return_val_if_fail (ANNEX_IS_OBJECTIVE (self), NULL);
  return get_field_string (self, FIELD_OWNER);
}

const char *
annex_objective_get_due_date (AnnexObjective *self)
{
  g_return_val_if_fail (ANNEX_IS_OBJECTIVE (self), NULL);
  return get_field_string (self, FIELD_DUE_DATE);
}

const char *
annex_objective_get_status (AnnexObjective *self)
{
  g_return_val_if_fail (ANNEX_IS_OBJECTIVE (self), NULL);
  return get_field_string (self, FIELD_STATUS);
}

/**
 * annex_objective_is_overdue_on:
 * @self: an objective
 * @today: "YYYY-MM-DD"
 *
 * Returns: %TRUE when the objective has a valid due date before @today and is neither achieved
 *   nor missed
 */
gboolean
annex_objective_is_overdue_on (AnnexObjective *self,
                               const char     *today)
{
  const char *due_date;
  const char *status;

  g_return_val_if_fail (ANNEX_IS_OBJECTIVE (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  due_date = get_field_string (self, FIELD_DUE_DATE);
  status = get_field_string (self, FIELD_STATUS);

  if (!annex_field_date_is_valid (due_date))
    return FALSE;
  if (g_strcmp0 (status, "achieved") == 0 || g_strcmp0 (status, "missed") == 0)
    return FALSE;

  /* Both are "YYYY-MM-DD": the byte order is the date order. */
  return strcmp (due_date, today) < 0;
}

gboolean
annex_objective_get_overdue (AnnexObjective *self)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (ANNEX_IS_OBJECTIVE (self), FALSE);

  if (get_field_string (self, FIELD_DUE_DATE) == NULL)
    return FALSE;

  today = annex_field_dup_today ();
  return annex_objective_is_overdue_on (self, today);
}

void
annex_objective_set_latest (AnnexObjective *self,
                            const char     *date,
                            const char     *value)
{
  g_return_if_fail (ANNEX_IS_OBJECTIVE (self));

  if (g_strcmp0 (self->latest_date, date) != 0)
    {
      g_free (self->latest_date);
      self->latest_date = g_strdup (date);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LATEST_DATE]);
    }

  if (g_strcmp0 (self->latest_value, value) != 0)
    {
      g_free (self->latest_value);
      self->latest_value = g_strdup (value);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LATEST_VALUE]);
    }
}

const char *
annex_objective_get_latest_date (AnnexObjective *self)
{
  g_return_val_if_fail (ANNEX_IS_OBJECTIVE (self), NULL);
  return self->latest_date;
}

const char *
annex_objective_get_latest_value (AnnexObjective *self)
{
  g_return_val_if_fail (ANNEX_IS_OBJECTIVE (self), NULL);
  return self->latest_value;
}

/**
 * annex_objective_update_latest:
 * @objectives: a list model of #AnnexObjective
 * @measurements: a list model of #AnnexObjectiveMeasurement
 *
 * Sets each objective's latest measurement from @measurements, in one pass over each model.
 */
void
annex_objective_update_latest (GListModel *objectives,
                               GListModel *measurements)
{
  g_autoptr(GHashTable) latest = NULL;
  guint n;

  g_return_if_fail (G_IS_LIST_MODEL (objectives));
  g_return_if_fail (G_IS_LIST_MODEL (measurements));

  /* objective id → its latest measurement (a reference) */
  latest = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  n = g_list_model_get_n_items (measurements);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexObjectiveMeasurement) m = g_list_model_get_item (measurements, i);
      gint64 objective_id = annex_objective_measurement_get_objective_id (m);
      AnnexObjectiveMeasurement *best = g_hash_table_lookup (latest, &objective_id);

      if (best == NULL || annex_objective_measurement_compare (m, best, NULL) < 0)
        g_hash_table_replace (latest, g_memdup2 (&objective_id, sizeof objective_id),
                              g_object_ref (m));
    }

  n = g_list_model_get_n_items (objectives);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexObjective) objective = g_list_model_get_item (objectives, i);
      gint64 id = annex_record_get_id (ANNEX_RECORD (objective));
      AnnexObjectiveMeasurement *m = g_hash_table_lookup (latest, &id);

      if (m != NULL)
        annex_objective_set_latest (objective,
                                    annex_objective_measurement_get_date (m),
                                    annex_objective_measurement_get_value (m));
      else
        annex_objective_set_latest (objective, NULL, NULL);
    }
}

/**
 * annex_objective_dup_linked_ids:
 * @self: a saved objective
 * @db: its database
 * @to_table: ANNEX_OBJECTIVE_LINK_RISKS, _CONTROLS or _PARTIES
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the ids of the linked records, ascending; %NULL on error
 */
GArray *
annex_objective_dup_linked_ids (AnnexObjective *self,
                                AnnexDatabase  *db,
                                const char     *to_table,
                                GError        **error)
{
  g_return_val_if_fail (ANNEX_IS_OBJECTIVE (self), NULL);
  g_return_val_if_fail (ANNEX_IS_DATABASE (db), NULL);
  g_return_val_if_fail (to_table != NULL, NULL);

  return annex_links_dup_targets (db, "objectives", annex_record_get_id (ANNEX_RECORD (self)),
                                  to_table, error);
}
