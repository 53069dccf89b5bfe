/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-training.c: the evidence of competence record (7.2): its field table, the rule that its
 * person exists, and expiry. */

#define G_LOG_DOMAIN "annex-training"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "annex-store-error.h"
#include "annex-training.h"

struct _AnnexTraining
{
  AnnexRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AnnexTraining, annex_training, ANNEX_TYPE_RECORD)

/* Indexes into fields[]. */
enum {
  FIELD_PERSON_ID,
  FIELD_KIND,
  FIELD_TITLE,
  FIELD_AREAS,
  FIELD_DATE,
  FIELD_VALID_UNTIL,
  FIELD_PROVIDER,
  FIELD_EVIDENCE,
  FIELD_NOTES,
  N_FIELDS
};

static const AnnexFieldChoice kind_choices[] = {
  { "training", N_("Training") },
  { "qualification", N_("Qualification") },
  { "experience", N_("Experience") },
  { NULL, NULL }
};

static const AnnexField fields[N_FIELDS] = {
  [FIELD_PERSON_ID] = {
    "person-id", "person_id", ANNEX_FIELD_INT, N_("Person"),
    ANNEX_FIELD_FLAG_NONE,
    NULL, "0"
  },
  [FIELD_KIND] = {
    "kind", "kind", ANNEX_FIELD_CHOICE, N_("Kind"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_FILTER,
    kind_choices, "training"
  },
  [FIELD_TITLE] = {
    "title", "title", ANNEX_FIELD_TEXT, N_("Title"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_AREAS] = {
    "areas", "areas", ANNEX_FIELD_TEXT, N_("Competence areas"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_DATE] = {
    "date", "date", ANNEX_FIELD_DATE, N_("Date"),
    ANNEX_FIELD_FLAG_LIST,
    NULL, NULL
  },
  [FIELD_VALID_UNTIL] = {
    "valid-until", "valid_until", ANNEX_FIELD_DATE, N_("Valid until"),
    ANNEX_FIELD_FLAG_LIST,
    NULL, NULL
  },
  [FIELD_PROVIDER] = {
    "provider", "provider", ANNEX_FIELD_TEXT, N_("Provider"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_EVIDENCE] = {
    "evidence", "evidence", ANNEX_FIELD_TEXT, N_("Where the evidence is kept"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
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
  PROP_KIND_LABEL,
  PROP_EXPIRED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
get_field_string (AnnexTraining *self,
                  guint          index)
{
  return g_value_get_string (annex_record_get_value (ANNEX_RECORD (self), index));
}

static void
annex_training_field_changed (AnnexRecord *record,
                              guint        index)
{
  if (index == FIELD_KIND)
    g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_KIND_LABEL]);
  else if (index == FIELD_VALID_UNTIL)
    g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_EXPIRED]);
}

static gboolean
annex_training_validate (AnnexRecord  *record,
                         GError      **error)
{
  AnnexTraining *self = ANNEX_TRAINING (record);
  const char *date = get_field_string (self, FIELD_DATE);
  const char *valid_until = get_field_string (self, FIELD_VALID_UNTIL);

  if (annex_training_get_person_id (self) <= 0)
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("Evidence of competence belongs to a person: choose one"));
      return FALSE;
    }

  /* Both are valid dates here (the base class checked them): ISO dates compare as strings. */
  if (date != NULL && valid_until != NULL && strcmp (valid_until, date) < 0)
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("“Valid until” cannot be before the date it was gained"));
      return FALSE;
    }

  return TRUE;
}

/* The foreign key would refuse a missing person too, but without a sentence for the user. */
static gboolean
annex_training_check_write (AnnexRecord       *record,
                            AnnexDatabase     *db,
                            AnnexRecordWrite   write,
                            GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (write == ANNEX_RECORD_WRITE_REMOVE)
    return TRUE;

  stmt = annex_database_prepare (db, "SELECT 1 FROM people WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, annex_training_get_person_id (ANNEX_TRAINING (record)));
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("The person of this evidence no longer exists"));
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
annex_training_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AnnexTraining *self = ANNEX_TRAINING (object);

  if (pspec->owner_type != ANNEX_TYPE_TRAINING || prop_id >= ANNEX_RECORD_FIRST_FIELD_PROP)
    {
      G_OBJECT_CLASS (annex_training_parent_class)->get_property (object, prop_id, value, pspec);
      return;
    }

  switch (prop_id)
    {
    case PROP_KIND_LABEL:
      g_value_set_string (value, annex_record_get_choice_label (ANNEX_RECORD (self), FIELD_KIND));
      break;

    case PROP_EXPIRED:
      g_value_set_boolean (value, annex_training_get_expired (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_training_class_init (AnnexTrainingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AnnexRecordClass *record_class = ANNEX_RECORD_CLASS (klass);

  object_class->get_property = annex_training_get_property;

  record_class->field_changed = annex_training_field_changed;
  record_class->validate = annex_training_validate;
  record_class->check_write = annex_training_check_write;

  annex_record_class_install_fields (record_class, "trainings", "CE-", fields, N_FIELDS);

  properties[PROP_KIND_LABEL] =
    g_param_spec_string ("kind-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPIRED] =
    g_param_spec_boolean ("expired", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
annex_training_init (AnnexTraining *self)
{
}

/**
 * annex_training_new:
 * @person_id: the id of its person
 *
 * Returns: (transfer full): a new, unsaved training of the person
 */
AnnexTraining *
annex_training_new (gint64 person_id)
{
  AnnexTraining *self = g_object_new (ANNEX_TYPE_TRAINING, NULL);

  annex_record_set_int (ANNEX_RECORD (self), "person-id", person_id);
  return self;
}

gint64
annex_training_get_person_id (AnnexTraining *self)
{
  g_return_val_if_fail (ANNEX_IS_TRAINING (self), 0);
  return g_value_get_int64 (annex_record_get_value (ANNEX_RECORD (self), FIELD_PERSON_ID));
}

const char *
annex_training_get_kind (AnnexTraining *self)
{
  g_return_val_if_fail (ANNEX_IS_TRAINING (self), NULL);
  return get_field_string (self, FIELD_KIND);
}

const char *
annex_training_get_title (AnnexTraining *self)
{
  g_return_val_if_fail (ANNEX_IS_TRAINING (self), NULL);
  return get_field_string (self, FIELD_TITLE);
}

const char *
annex_training_get_areas (AnnexTraining *self)
{
  g_return_val_if_fail (ANNEX_IS_TRAINING (self), NULL);
  return get_field_string (self, FIELD_AREAS);
}

const char *
annex_training_get_date (AnnexTraining *self)
{
  g_return_val_if_fail (ANNEX_IS_TRAINING (self), NULL);
  return get_field_string (self, FIELD_DATE);
}

const char *
annex_training_get_valid_until (AnnexTraining *self)
{
  g_return_val_if_fail (ANNEX_IS_TRAINING (self), NULL);
  return get_field_string (self, FIELD_VALID_UNTIL);
}

gboolean
annex_training_is_expired_on (AnnexTraining *self,
                              const char    *today)
{
  const char *valid_until;

  g_return_val_if_fail (ANNEX_IS_TRAINING (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  valid_until = get_field_string (self, FIELD_VALID_UNTIL);
  return annex_field_date_is_valid (valid_until) && strcmp (valid_until, today) < 0;
}

gboolean
annex_training_is_valid_on (AnnexTraining *self,
                            const char    *today)
{
  const char *date;

  g_return_val_if_fail (ANNEX_IS_TRAINING (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  date = get_field_string (self, FIELD_DATE);
  if (annex_field_date_is_valid (date) && strcmp (date, today) > 0)
    return FALSE;

  return !annex_training_is_expired_on (self, today);
}

gboolean
annex_training_get_expired (AnnexTraining *self)
{
  g_autofree char *today = annex_field_dup_today ();

  g_return_val_if_fail (ANNEX_IS_TRAINING (self), FALSE);
  return annex_training_is_expired_on (self, today);
}
