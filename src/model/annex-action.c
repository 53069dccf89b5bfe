/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-action.c: the action record: its field table, the computed "overdue" and label
 * properties, and the completion date rule. */

#define G_LOG_DOMAIN "annex-action"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "annex-action.h"

struct _AnnexAction
{
  AnnexRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AnnexAction, annex_action, ANNEX_TYPE_RECORD)

/* Indexes into fields[]. */
enum {
  FIELD_TITLE,
  FIELD_OWNER,
  FIELD_DUE_DATE,
  FIELD_STATUS,
  FIELD_ORIGIN,
  FIELD_ORIGIN_REFERENCE,
  FIELD_DESCRIPTION,
  FIELD_COMPLETED_ON,
  N_FIELDS
};

static const AnnexFieldChoice status_choices[] = {
  { "open", N_("Open") },
  { "in-progress", N_("In progress") },
  { "done", N_("Done") },
  { "cancelled", N_("Cancelled") },
  { NULL, NULL }
};

static const AnnexFieldChoice origin_choices[] = {
  { "other", N_("Other") },
  { "risk-treatment", N_("Risk treatment") },
  { "corrective-action", N_("Corrective action") },
  { "audit", N_("Audit follow-up") },
  { "management-review", N_("Management review") },
  { "objective", N_("Objective") },
  { "incident", N_("Incident") },
  { NULL, NULL }
};

/* status and origin are NOT NULL columns: required, so an empty value is refused with a message
 * rather than by a constraint. */
static const AnnexField fields[N_FIELDS] = {
  [FIELD_TITLE] = {
    "title", "title", ANNEX_FIELD_TEXT, N_("Title"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
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
    status_choices, "open"
  },
  [FIELD_ORIGIN] = {
    "origin", "origin", ANNEX_FIELD_CHOICE, N_("Origin"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_FILTER,
    origin_choices, "other"
  },
  [FIELD_ORIGIN_REFERENCE] = {
    "origin-reference", "origin_reference", ANNEX_FIELD_TEXT, N_("Origin reference"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_DESCRIPTION] = {
    "description", "description", ANNEX_FIELD_LONG_TEXT, N_("Description"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_COMPLETED_ON] = {
    "completed-on", "completed_on", ANNEX_FIELD_DATE, N_("Completed on"),
    ANNEX_FIELD_FLAG_NONE,
    NULL, NULL
  },
};

enum {
  PROP_0,
  PROP_OVERDUE,
  PROP_STATUS_LABEL,
  PROP_ORIGIN_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
get_field_string (AnnexAction *self,
                  guint        index)
{
  return g_value_get_string (annex_record_get_value (ANNEX_RECORD (self), index));
}

/* Keeps the computed properties in step with the fields they follow, and records the completion
 * date: when the status becomes "done" and "completed-on" is empty, it is set to today (local
 * date). Reopening an action keeps its completion date: the user clears it if it no longer
 * applies. */
static void
annex_action_field_changed (AnnexRecord *record,
                            guint        index)
{
  AnnexAction *self = ANNEX_ACTION (record);

  switch (index)
    {
    case FIELD_DUE_DATE:
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE]);
      break;

    case FIELD_STATUS:
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_LABEL]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE]);

      if (g_strcmp0 (get_field_string (self, FIELD_STATUS), "done") == 0 &&
          get_field_string (self, FIELD_COMPLETED_ON) == NULL)
        {
          g_autofree char *today = annex_field_dup_today ();

          annex_record_set_string (record, "completed-on", today);
        }
      break;

    case FIELD_ORIGIN:
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORIGIN_LABEL]);
      break;

    default:
      break;
    }
}

static void
annex_action_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AnnexAction *self = ANNEX_ACTION (object);

  if (pspec->owner_type != ANNEX_TYPE_ACTION || prop_id >= ANNEX_RECORD_FIRST_FIELD_PROP)
    {
      /* The field properties are the base class's business. */
      G_OBJECT_CLASS (annex_action_parent_class)->get_property (object, prop_id, value, pspec);
      return;
    }

  switch (prop_id)
    {
    case PROP_OVERDUE:
      g_value_set_boolean (value, annex_action_get_overdue (self));
      break;

    case PROP_STATUS_LABEL:
      g_value_set_string (value,
                          annex_record_get_choice_label (ANNEX_RECORD (self), FIELD_STATUS));
      break;

    case PROP_ORIGIN_LABEL:
      g_value_set_string (value,
                          annex_record_get_choice_label (ANNEX_RECORD (self), FIELD_ORIGIN));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_action_class_init (AnnexActionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AnnexRecordClass *record_class = ANNEX_RECORD_CLASS (klass);

  object_class->get_property = annex_action_get_property;

  record_class->field_changed = annex_action_field_changed;

  annex_record_class_install_fields (record_class, "actions", "A-", fields, N_FIELDS);

  properties[PROP_OVERDUE] =
    g_param_spec_boolean ("overdue", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_LABEL] =
    g_param_spec_string ("status-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORIGIN_LABEL] =
    g_param_spec_string ("origin-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
annex_action_init (AnnexAction *self)
{
}

/**
 * annex_action_new:
 *
 * Returns: (transfer full): a new, unsaved action with status "open" and origin "other"
 */
AnnexAction *
annex_action_new (void)
{
  return g_object_new (ANNEX_TYPE_ACTION, NULL);
}

const char *
annex_action_get_title (AnnexAction *self)
{
  g_return_val_if_fail (ANNEX_IS_ACTION (self), NULL);
  return get_field_string (self, FIELD_TITLE);
}

void
annex_action_set_title (AnnexAction *self,
                        const char  *title)
{
  GValue value = G_VALUE_INIT;

  g_return_if_fail (ANNEX_IS_ACTION (self));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_static_string (&value, title);
  annex_record_set_value (ANNEX_RECORD (self), FIELD_TITLE, &value);
  g_value_unset (&value);
}

const char *
annex_action_get_owner (AnnexAction *self)
{
  g_return_val_if_fail (ANNEX_IS_ACTION (self), NULL);
  return get_field_string (self, FIELD_OWNER);
}

const char *
annex_action_get_due_date (AnnexAction *self)
{
  g_return_val_if_fail (ANNEX_IS_ACTION (self), NULL);
  return get_field_string (self, FIELD_DUE_DATE);
}

const char *
annex_action_get_status (AnnexAction *self)
{
  g_return_val_if_fail (ANNEX_IS_ACTION (self), NULL);
  return get_field_string (self, FIELD_STATUS);
}

/**
 * annex_action_is_overdue_on:
 * @self: an action
 * @today: the date to compare with, "YYYY-MM-DD"
 *
 * Returns: %TRUE when the action has a valid due date before @today and is still open or in
 *   progress
 */
gboolean
annex_action_is_overdue_on (AnnexAction *self,
                            const char  *today)
{
  const char *due_date;
  const char *status;

  g_return_val_if_fail (ANNEX_IS_ACTION (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  due_date = get_field_string (self, FIELD_DUE_DATE);
  status = get_field_string (self, FIELD_STATUS);

  if (!annex_field_date_is_valid (due_date))
    return FALSE;

  if (g_strcmp0 (status, "open") != 0 && g_strcmp0 (status, "in-progress") != 0)
    return FALSE;

  /* Both are "YYYY-MM-DD": the byte order is the date order. */
  return strcmp (due_date, today) < 0;
}

gboolean
annex_action_get_overdue (AnnexAction *self)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (ANNEX_IS_ACTION (self), FALSE);

  if (get_field_string (self, FIELD_DUE_DATE) == NULL)
    return FALSE;

  today = annex_field_dup_today ();
  return annex_action_is_overdue_on (self, today);
}
