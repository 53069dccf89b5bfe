/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-person.c: the person record (5.3): its field table and its evidence of competence as
 * children. */

#define G_LOG_DOMAIN "annex-person"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-person.h"
#include "annex-training.h"

struct _AnnexPerson
{
  AnnexRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AnnexPerson, annex_person, ANNEX_TYPE_RECORD)

/* Indexes into fields[]. */
enum {
  FIELD_NAME,
  FIELD_JOB_TITLE,
  FIELD_UNIT,
  FIELD_CONTACT,
  FIELD_NOTES,
  N_FIELDS
};

static const AnnexField fields[N_FIELDS] = {
  [FIELD_NAME] = {
    "name", "name", ANNEX_FIELD_TEXT, N_("Name"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_JOB_TITLE] = {
    "job-title", "job_title", ANNEX_FIELD_TEXT, N_("Job title"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_UNIT] = {
    "unit", "unit", ANNEX_FIELD_TEXT, N_("Unit"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_CONTACT] = {
    "contact", "contact", ANNEX_FIELD_TEXT, N_("Contact"),
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
get_field_string (AnnexPerson *self,
                  guint        index)
{
  return g_value_get_string (annex_record_get_value (ANNEX_RECORD (self), index));
}

static void
annex_person_class_init (AnnexPersonClass *klass)
{
  AnnexRecordClass *record_class = ANNEX_RECORD_CLASS (klass);

  annex_record_class_install_fields (record_class, "people", "P-", fields, N_FIELDS);
  annex_record_class_add_child (record_class, ANNEX_TYPE_TRAINING, "person-id");
}

static void
annex_person_init (AnnexPerson *self)
{
}

/**
 * annex_person_new:
 *
 * Returns: (transfer full): a new, unsaved person
 */
AnnexPerson *
annex_person_new (void)
{
  return g_object_new (ANNEX_TYPE_PERSON, NULL);
}

const char *
annex_person_get_name (AnnexPerson *self)
{
  g_return_val_if_fail (ANNEX_IS_PERSON (self), NULL);
  return get_field_string (self, FIELD_NAME);
}

const char *
annex_person_get_job_title (AnnexPerson *self)
{
  g_return_val_if_fail (ANNEX_IS_PERSON (self), NULL);
  return get_field_string (self, FIELD_JOB_TITLE);
}

const char *
annex_person_get_unit (AnnexPerson *self)
{
  g_return_val_if_fail (ANNEX_IS_PERSON (self), NULL);
  return get_field_string (self, FIELD_UNIT);
}

const char *
annex_person_get_contact (AnnexPerson *self)
{
  g_return_val_if_fail (ANNEX_IS_PERSON (self), NULL);
  return get_field_string (self, FIELD_CONTACT);
}
