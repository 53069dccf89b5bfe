/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-awareness.c: the awareness activity record (7.3): its field table. */

#define G_LOG_DOMAIN "annex-awareness"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-awareness.h"
#include "annex-store-error.h"

struct _AnnexAwareness
{
  AnnexRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AnnexAwareness, annex_awareness, ANNEX_TYPE_RECORD)

/* Indexes into fields[]. */
enum {
  FIELD_TITLE,
  FIELD_DATE,
  FIELD_AUDIENCE,
  FIELD_TOPICS,
  FIELD_ATTENDANCE,
  FIELD_OTHER_ATTENDEES,
  FIELD_NOTES,
  N_FIELDS
};

static const AnnexField fields[N_FIELDS] = {
  [FIELD_TITLE] = {
    "title", "title", ANNEX_FIELD_TEXT, N_("Title"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_DATE] = {
    "date", "date", ANNEX_FIELD_DATE, N_("Date"),
    ANNEX_FIELD_FLAG_LIST,
    NULL, NULL
  },
  [FIELD_AUDIENCE] = {
    "audience", "audience", ANNEX_FIELD_TEXT, N_("Audience"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_TOPICS] = {
    "topics", "topics", ANNEX_FIELD_LONG_TEXT, N_("Topics"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_ATTENDANCE] = {
    "attendance", "attendance", ANNEX_FIELD_INT, N_("Number attending"),
    ANNEX_FIELD_FLAG_LIST,
    NULL, "0"
  },
  [FIELD_OTHER_ATTENDEES] = {
    "other-attendees", "other_attendees", ANNEX_FIELD_LONG_TEXT, N_("Other attendees"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_NOTES] = {
    "notes", "notes", ANNEX_FIELD_LONG_TEXT, N_("Notes"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
};

static const char *
get_field_string (AnnexAwareness *self,
                  guint           index)
{
  return g_value_get_string (annex_record_get_value (ANNEX_RECORD (self), index));
}

static gboolean
annex_awareness_validate (AnnexRecord  *record,
                          GError      **error)
{
  if (g_value_get_int64 (annex_record_get_value (record, FIELD_ATTENDANCE)) < 0)
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("The number attending cannot be negative"));
      return FALSE;
    }

  return TRUE;
}

static void
annex_awareness_class_init (AnnexAwarenessClass *klass)
{
  AnnexRecordClass *record_class = ANNEX_RECORD_CLASS (klass);

  record_class->validate = annex_awareness_validate;

  annex_record_class_install_fields (record_class, "awareness_activities", "AW-", fields,
                                     N_FIELDS);
}

static void
annex_awareness_init (AnnexAwareness *self)
{
}

/**
 * annex_awareness_new:
 *
 * Returns: (transfer full): a new, unsaved awareness activity
 */
AnnexAwareness *
annex_awareness_new (void)
{
  return g_object_new (ANNEX_TYPE_AWARENESS, NULL);
}

const char *
annex_awareness_get_title (AnnexAwareness *self)
{
  g_return_val_if_fail (ANNEX_IS_AWARENESS (self), NULL);
  return get_field_string (self, FIELD_TITLE);
}

const char *
annex_awareness_get_date (AnnexAwareness *self)
{
  g_return_val_if_fail (ANNEX_IS_AWARENESS (self), NULL);
  return get_field_string (self, FIELD_DATE);
}

const char *
annex_awareness_get_audience (AnnexAwareness *self)
{
  g_return_val_if_fail (ANNEX_IS_AWARENESS (self), NULL);
  return get_field_string (self, FIELD_AUDIENCE);
}
