/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-review-attendee.c: a person at a management review: the field table, and the rules that
 * the review exists and is not signed off. */

#define G_LOG_DOMAIN "annex-review-attendee"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-review-attendee.h"
#include "annex-review-private.h"
#include "annex-store-error.h"

struct _AnnexReviewAttendee
{
  AnnexRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AnnexReviewAttendee, annex_review_attendee, ANNEX_TYPE_RECORD)

/* Indexes into fields[]. */
enum {
  FIELD_REVIEW_ID,
  FIELD_NAME,
  FIELD_ROLE,
  FIELD_ATTENDANCE,
  N_FIELDS
};

static const AnnexFieldChoice attendance_choices[] = {
  { "present", N_("Present") },
  { "apologies", N_("Sent apologies") },
  { "absent", N_("Absent") },
  { NULL, NULL }
};

static const AnnexField fields[N_FIELDS] = {
  [FIELD_REVIEW_ID] = {
    "review-id", "review_id", ANNEX_FIELD_INT, N_("Management review"),
    ANNEX_FIELD_FLAG_NONE,
    NULL, "0"
  },
  [FIELD_NAME] = {
    "name", "name", ANNEX_FIELD_TEXT, N_("Name"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_ROLE] = {
    "role", "role", ANNEX_FIELD_TEXT, N_("Role"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_ATTENDANCE] = {
    "attendance", "attendance", ANNEX_FIELD_CHOICE, N_("Attendance"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_FILTER,
    attendance_choices, "present"
  },
};

enum {
  PROP_0,
  PROP_ATTENDANCE_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
annex_review_attendee_field_changed (AnnexRecord *record,
                                     guint        index)
{
  if (index == FIELD_ATTENDANCE)
    g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_ATTENDANCE_LABEL]);
}

static gboolean
annex_review_attendee_validate (AnnexRecord  *record,
                                GError      **error)
{
  if (annex_review_attendee_get_review_id (ANNEX_REVIEW_ATTENDEE (record)) <= 0)
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("An attendee belongs to a management review: choose one"));
      return FALSE;
    }

  return TRUE;
}

/* A signed-off review's attendance list is part of its minutes: locked with it. A removal with
 * the review itself only happens for a review that is not signed off (the review refuses it
 * otherwise), so the check holds for every write. */
static gboolean
annex_review_attendee_check_write (AnnexRecord       *record,
                                   AnnexDatabase     *db,
                                   AnnexRecordWrite   write,
                                   GError           **error)
{
  return _annex_review_check_unlocked (db,
                                       annex_review_attendee_get_review_id (
                                         ANNEX_REVIEW_ATTENDEE (record)),
                                       write != ANNEX_RECORD_WRITE_REMOVE,
                                       error);
}

static void
annex_review_attendee_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  if (pspec->owner_type != ANNEX_TYPE_REVIEW_ATTENDEE || prop_id >= ANNEX_RECORD_FIRST_FIELD_PROP)
    {
      G_OBJECT_CLASS (annex_review_attendee_parent_class)->get_property (object, prop_id, value,
                                                                         pspec);
      return;
    }

  switch (prop_id)
    {
    case PROP_ATTENDANCE_LABEL:
      g_value_set_string (value,
                          annex_record_get_choice_label (ANNEX_RECORD (object), FIELD_ATTENDANCE));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_review_attendee_class_init (AnnexReviewAttendeeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AnnexRecordClass *record_class = ANNEX_RECORD_CLASS (klass);

  object_class->get_property = annex_review_attendee_get_property;

  record_class->field_changed = annex_review_attendee_field_changed;
  record_class->validate = annex_review_attendee_validate;
  record_class->check_write = annex_review_attendee_check_write;

  annex_record_class_install_fields (record_class, "review_attendees", "MRA-", fields, N_FIELDS);

  properties[PROP_ATTENDANCE_LABEL] =
    g_param_spec_string ("attendance-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
annex_review_attendee_init (AnnexReviewAttendee *self)
{
}

/**
 * annex_review_attendee_new:
 * @review_id: the id of its review
 *
 * Returns: (transfer full): a new, unsaved attendee of the review (present)
 */
AnnexReviewAttendee *
annex_review_attendee_new (gint64 review_id)
{
  AnnexReviewAttendee *self = g_object_new (ANNEX_TYPE_REVIEW_ATTENDEE, NULL);

  annex_record_set_int (ANNEX_RECORD (self), "review-id", review_id);
  return self;
}

gint64
annex_review_attendee_get_review_id (AnnexReviewAttendee *self)
{
  g_return_val_if_fail (ANNEX_IS_REVIEW_ATTENDEE (self), 0);
  return g_value_get_int64 (annex_record_get_value (ANNEX_RECORD (self), FIELD_REVIEW_ID));
}

const char *
annex_review_attendee_get_name (AnnexReviewAttendee *self)
{
  g_return_val_if_fail (ANNEX_IS_REVIEW_ATTENDEE (self), NULL);
  return g_value_get_string (annex_record_get_value (ANNEX_RECORD (self), FIELD_NAME));
}

const char *
annex_review_attendee_get_role (AnnexReviewAttendee *self)
{
  g_return_val_if_fail (ANNEX_IS_REVIEW_ATTENDEE (self), NULL);
  return g_value_get_string (annex_record_get_value (ANNEX_RECORD (self), FIELD_ROLE));
}

const char *
annex_review_attendee_get_attendance (AnnexReviewAttendee *self)
{
  g_return_val_if_fail (ANNEX_IS_REVIEW_ATTENDEE (self), NULL);
  return g_value_get_string (annex_record_get_value (ANNEX_RECORD (self), FIELD_ATTENDANCE));
}
