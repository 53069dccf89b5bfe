/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-incident.c: the incident record: its field table, yearly references, its affected
 * assets (links) and the label properties. */

#define G_LOG_DOMAIN "annex-incident"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-incident.h"
#include "annex-links.h"

struct _AnnexIncident
{
  AnnexRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AnnexIncident, annex_incident, ANNEX_TYPE_RECORD)

/* Indexes into fields[]. */
enum {
  FIELD_TITLE,
  FIELD_DETECTED_ON,
  FIELD_DESCRIPTION,
  FIELD_SEVERITY,
  FIELD_STATUS,
  FIELD_LESSONS_LEARNED,
  N_FIELDS
};

static const AnnexFieldChoice severity_choices[] = {
  { "low", N_("Low") },
  { "medium", N_("Medium") },
  { "high", N_("High") },
  { "critical", N_("Critical") },
  { NULL, NULL }
};

static const AnnexFieldChoice status_choices[] = {
  { "open", N_("Open") },
  { "contained", N_("Contained") },
  { "resolved", N_("Resolved") },
  { NULL, NULL }
};

static const AnnexField fields[N_FIELDS] = {
  [FIELD_TITLE] = {
    "title", "title", ANNEX_FIELD_TEXT, N_("Title"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_DETECTED_ON] = {
    "detected-on", "detected_on", ANNEX_FIELD_DATE, N_("Detected on"),
    ANNEX_FIELD_FLAG_LIST,
    NULL, NULL
  },
  [FIELD_DESCRIPTION] = {
    "description", "description", ANNEX_FIELD_LONG_TEXT, N_("Description"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_SEVERITY] = {
    "severity", "severity", ANNEX_FIELD_CHOICE, N_("Severity"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_FILTER,
    severity_choices, "medium"
  },
  [FIELD_STATUS] = {
    "status", "status", ANNEX_FIELD_CHOICE, N_("Status"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_FILTER,
    status_choices, "open"
  },
  [FIELD_LESSONS_LEARNED] = {
    "lessons-learned", "lessons_learned", ANNEX_FIELD_LONG_TEXT, N_("Lessons learned"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
};

enum {
  PROP_0,
  PROP_SEVERITY_LABEL,
  PROP_STATUS_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
get_field_string (AnnexIncident *self,
                  guint          index)
{
  return g_value_get_string (annex_record_get_value (ANNEX_RECORD (self), index));
}

static void
annex_incident_field_changed (AnnexRecord *record,
                              guint        index)
{
  if (index == FIELD_SEVERITY)
    g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_SEVERITY_LABEL]);
  else if (index == FIELD_STATUS)
    g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_STATUS_LABEL]);
}

static void
annex_incident_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AnnexRecord *record = ANNEX_RECORD (object);

  if (pspec->owner_type != ANNEX_TYPE_INCIDENT || prop_id >= ANNEX_RECORD_FIRST_FIELD_PROP)
    {
      G_OBJECT_CLASS (annex_incident_parent_class)->get_property (object, prop_id, value, pspec);
      return;
    }

  switch (prop_id)
    {
    case PROP_SEVERITY_LABEL:
      g_value_set_string (value, annex_record_get_choice_label (record, FIELD_SEVERITY));
      break;

    case PROP_STATUS_LABEL:
      g_value_set_string (value, annex_record_get_choice_label (record, FIELD_STATUS));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_incident_class_init (AnnexIncidentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AnnexRecordClass *record_class = ANNEX_RECORD_CLASS (klass);

  object_class->get_property = annex_incident_get_property;

  record_class->field_changed = annex_incident_field_changed;

  annex_record_class_install_fields (record_class, "incidents", "INC-", fields, N_FIELDS);
  annex_record_class_set_yearly_reference (record_class, "detected-on");

  properties[PROP_SEVERITY_LABEL] =
    g_param_spec_string ("severity-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_LABEL] =
    g_param_spec_string ("status-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
annex_incident_init (AnnexIncident *self)
{
}

/**
 * annex_incident_new:
 *
 * Returns: (transfer full): a new, unsaved incident (medium severity, open)
 */
AnnexIncident *
annex_incident_new (void)
{
  return g_object_new (ANNEX_TYPE_INCIDENT, NULL);
}

const char *
annex_incident_get_title (AnnexIncident *self)
{
  g_return_val_if_fail (ANNEX_IS_INCIDENT (self), NULL);
  return get_field_string (self, FIELD_TITLE);
}

const char *
annex_incident_get_detected_on (AnnexIncident *self)
{
  g_return_val_if_fail (ANNEX_IS_INCIDENT (self), NULL);
  return get_field_string (self, FIELD_DETECTED_ON);
}

const char *
annex_incident_get_description (AnnexIncident *self)
{
  g_return_val_if_fail (ANNEX_IS_INCIDENT (self), NULL);
  return get_field_string (self, FIELD_DESCRIPTION);
}

const char *
annex_incident_get_severity (AnnexIncident *self)
{
  g_return_val_if_fail (ANNEX_IS_INCIDENT (self), NULL);
  return get_field_string (self, FIELD_SEVERITY);
}

const char *
annex_incident_get_status (AnnexIncident *self)
{
  g_return_val_if_fail (ANNEX_IS_INCIDENT (self), NULL);
  return get_field_string (self, FIELD_STATUS);
}

/**
 * annex_incident_dup_asset_ids:
 * @self: a saved incident
 * @db: its database
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the ids of the affected assets (gint64), ascending
 */
GArray *
annex_incident_dup_asset_ids (AnnexIncident  *self,
                              AnnexDatabase  *db,
                              GError        **error)
{
  g_return_val_if_fail (ANNEX_IS_INCIDENT (self), NULL);
  g_return_val_if_fail (ANNEX_IS_DATABASE (db), NULL);

  return annex_links_dup_targets (db, "incidents", annex_record_get_id (ANNEX_RECORD (self)),
                                  ANNEX_INCIDENT_LINK_TO, error);
}
