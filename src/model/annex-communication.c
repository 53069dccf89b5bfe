/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-communication.c: the communication plan entry (7.4): its field table, the direction
 * label and the overdue flag. */

#define G_LOG_DOMAIN "annex-communication"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "annex-communication.h"

struct _AnnexCommunication
{
  AnnexRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AnnexCommunication, annex_communication, ANNEX_TYPE_RECORD)

/* Indexes into fields[]. */
enum {
  FIELD_SUBJECT,
  FIELD_DIRECTION,
  FIELD_FREQUENCY,
  FIELD_AUDIENCE,
  FIELD_COMMUNICATOR,
  FIELD_METHOD,
  FIELD_LAST_DONE,
  FIELD_NEXT_DUE,
  FIELD_NOTES,
  N_FIELDS
};

static const AnnexFieldChoice direction_choices[] = {
  { "internal", N_("Internal") },
  { "external", N_("External") },
  { NULL, NULL }
};

static const AnnexField fields[N_FIELDS] = {
  [FIELD_SUBJECT] = {
    "subject", "subject", ANNEX_FIELD_TEXT, N_("What"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_DIRECTION] = {
    "direction", "direction", ANNEX_FIELD_CHOICE, N_("Direction"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_FILTER,
    direction_choices, "internal"
  },
  [FIELD_FREQUENCY] = {
    "frequency", "frequency", ANNEX_FIELD_TEXT, N_("When"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_AUDIENCE] = {
    "audience", "audience", ANNEX_FIELD_TEXT, N_("With whom"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_COMMUNICATOR] = {
    "communicator", "communicator", ANNEX_FIELD_TEXT, N_("Who communicates"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_METHOD] = {
    "method", "method", ANNEX_FIELD_TEXT, N_("How"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_LAST_DONE] = {
    "last-done", "last_done", ANNEX_FIELD_DATE, N_("Last done"),
    ANNEX_FIELD_FLAG_NONE,
    NULL, NULL
  },
  [FIELD_NEXT_DUE] = {
    "next-due", "next_due", ANNEX_FIELD_DATE, N_("Next due"),
    ANNEX_FIELD_FLAG_LIST,
    NULL, NULL
  },
  [FIELD_NOTES] = {
    "notes", "notes", ANNEX_FIELD_LONG_TEXT, N_("Notes"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
};

enum {
  PROP_0,
  PROP_DIRECTION_LABEL,
  PROP_OVERDUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
get_field_string (AnnexCommunication *self,
                  guint               index)
{
  return g_value_get_string (annex_record_get_value (ANNEX_RECORD (self), index));
}

static void
annex_communication_field_changed (AnnexRecord *record,
                                   guint        index)
{
  if (index == FIELD_DIRECTION)
    g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_DIRECTION_LABEL]);
  else if (index == FIELD_NEXT_DUE)
    g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_OVERDUE]);
}

static void
annex_communication_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AnnexCommunication *self = ANNEX_COMMUNICATION (object);

  if (pspec->owner_type != ANNEX_TYPE_COMMUNICATION || prop_id >= ANNEX_RECORD_FIRST_FIELD_PROP)
    {
      G_OBJECT_CLASS (annex_communication_parent_class)->get_property (object, prop_id, value,
                                                                       pspec);
      return;
    }

  switch (prop_id)
    {
    case PROP_DIRECTION_LABEL:
      g_value_set_string (value, annex_record_get_choice_label (ANNEX_RECORD (self),
                                                                FIELD_DIRECTION));
      break;

    case PROP_OVERDUE:
      {
        g_autofree char *today = annex_field_dup_today ();

        g_value_set_boolean (value, annex_communication_is_overdue_on (self, today));
      }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_communication_class_init (AnnexCommunicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AnnexRecordClass *record_class = ANNEX_RECORD_CLASS (klass);

  object_class->get_property = annex_communication_get_property;

  record_class->field_changed = annex_communication_field_changed;

  annex_record_class_install_fields (record_class, "communications", "COM-", fields, N_FIELDS);

  properties[PROP_DIRECTION_LABEL] =
    g_param_spec_string ("direction-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OVERDUE] =
    g_param_spec_boolean ("overdue", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
annex_communication_init (AnnexCommunication *self)
{
}

/**
 * annex_communication_new:
 *
 * Returns: (transfer full): a new, unsaved internal communication
 */
AnnexCommunication *
annex_communication_new (void)
{
  return g_object_new (ANNEX_TYPE_COMMUNICATION, NULL);
}

const char *
annex_communication_get_subject (AnnexCommunication *self)
{
  g_return_val_if_fail (ANNEX_IS_COMMUNICATION (self), NULL);
  return get_field_string (self, FIELD_SUBJECT);
}

const char *
annex_communication_get_communicator (AnnexCommunication *self)
{
  g_return_val_if_fail (ANNEX_IS_COMMUNICATION (self), NULL);
  return get_field_string (self, FIELD_COMMUNICATOR);
}

const char *
annex_communication_get_next_due (AnnexCommunication *self)
{
  g_return_val_if_fail (ANNEX_IS_COMMUNICATION (self), NULL);
  return get_field_string (self, FIELD_NEXT_DUE);
}

gboolean
annex_communication_is_overdue_on (AnnexCommunication *self,
                                   const char         *today)
{
  const char *next_due;

  g_return_val_if_fail (ANNEX_IS_COMMUNICATION (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  next_due = get_field_string (self, FIELD_NEXT_DUE);
  return annex_field_date_is_valid (next_due) && strcmp (next_due, today) < 0;
}
