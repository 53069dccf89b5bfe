/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-review.c: the management review record (9.3): its field table, yearly references, its
 * attendees as children, the sign-off lock and the explicit reopen, its actions, the previous
 * review and the review interval. The inputs a–g are in annex-review-inputs.c. */

#define G_LOG_DOMAIN "annex-review"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "annex-register-private.h"
#include "annex-review.h"
#include "annex-review-attendee.h"
#include "annex-review-private.h"
#include "annex-store-error.h"

struct _AnnexReview
{
  AnnexRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AnnexReview, annex_review, ANNEX_TYPE_RECORD)

/* Indexes into fields[]. */
enum {
  FIELD_TITLE,
  FIELD_PLANNED_DATE,
  FIELD_ACTUAL_DATE,
  FIELD_CHAIR,
  FIELD_STATUS,
  FIELD_INPUTS,
  FIELD_FEEDBACK,
  FIELD_OPPORTUNITIES,
  FIELD_SUITABLE,
  FIELD_ADEQUATE,
  FIELD_EFFECTIVE,
  FIELD_CONCLUSION,
  FIELD_DECISIONS_IMPROVEMENT,
  FIELD_CHANGES_SCOPE,
  FIELD_CHANGES_POLICY,
  FIELD_CHANGES_OBJECTIVES,
  FIELD_CHANGES_RESOURCES,
  FIELD_CHANGES_RISK_ACCEPTANCE,
  FIELD_SIGNED_OFF_BY,
  FIELD_SIGNED_OFF_ON,
  FIELD_REOPEN_REASON,
  N_FIELDS
};

static const AnnexFieldChoice status_choices[] = {
  { "planned", N_("Planned") },
  { "prepared", N_("Inputs prepared") },
  { "held", N_("Held") },
  { "signed-off", N_("Signed off") },
  { NULL, NULL }
};

static const AnnexFieldChoice conclusion_choices[] = {
  { "undecided", N_("Not yet concluded") },
  { "yes", N_("Yes") },
  { "partly", N_("Partly") },
  { "no", N_("No") },
  { NULL, NULL }
};

#define LONG_TEXT(n, c, l) \
  { n, c, ANNEX_FIELD_LONG_TEXT, l, ANNEX_FIELD_FLAG_SEARCHABLE, NULL, NULL }
#define CONCLUSION(n, l) \
  { n, n, ANNEX_FIELD_CHOICE, l, ANNEX_FIELD_FLAG_REQUIRED, conclusion_choices, "undecided" }

static const AnnexField fields[N_FIELDS] = {
  [FIELD_TITLE] = {
    "title", "title", ANNEX_FIELD_TEXT, N_("Title"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_PLANNED_DATE] = {
    "planned-date", "planned_date", ANNEX_FIELD_DATE, N_("Planned date"),
    ANNEX_FIELD_FLAG_LIST,
    NULL, NULL
  },
  [FIELD_ACTUAL_DATE] = {
    "actual-date", "actual_date", ANNEX_FIELD_DATE, N_("Held on"),
    ANNEX_FIELD_FLAG_LIST,
    NULL, NULL
  },
  [FIELD_CHAIR] = {
    "chair", "chair", ANNEX_FIELD_TEXT, N_("Chair"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_STATUS] = {
    "status", "status", ANNEX_FIELD_CHOICE, N_("Status"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_FILTER,
    status_choices, "planned"
  },
  [FIELD_INPUTS] = {
    "inputs", "inputs", ANNEX_FIELD_LONG_TEXT, N_("Inputs"),
    ANNEX_FIELD_FLAG_NONE,
    NULL, NULL
  },
  [FIELD_FEEDBACK] = LONG_TEXT ("feedback", "feedback", N_("Feedback from interested parties")),
  [FIELD_OPPORTUNITIES] = LONG_TEXT ("opportunities", "opportunities",
                                     N_("Opportunities for improvement")),
  [FIELD_SUITABLE] = CONCLUSION ("suitable", N_("Suitable")),
  [FIELD_ADEQUATE] = CONCLUSION ("adequate", N_("Adequate")),
  [FIELD_EFFECTIVE] = CONCLUSION ("effective", N_("Effective")),
  [FIELD_CONCLUSION] = LONG_TEXT ("conclusion", "conclusion", N_("Conclusion")),
  [FIELD_DECISIONS_IMPROVEMENT] = LONG_TEXT ("decisions-improvement", "decisions_improvement",
                                             N_("Decisions on improvement")),
  [FIELD_CHANGES_SCOPE] = LONG_TEXT ("changes-scope", "changes_scope",
                                     N_("Changes to the scope")),
  [FIELD_CHANGES_POLICY] = LONG_TEXT ("changes-policy", "changes_policy",
                                      N_("Changes to the policy")),
  [FIELD_CHANGES_OBJECTIVES] = LONG_TEXT ("changes-objectives", "changes_objectives",
                                          N_("Changes to the objectives")),
  [FIELD_CHANGES_RESOURCES] = LONG_TEXT ("changes-resources", "changes_resources",
                                         N_("Resources")),
  [FIELD_CHANGES_RISK_ACCEPTANCE] = LONG_TEXT ("changes-risk-acceptance",
                                               "changes_risk_acceptance",
                                               N_("Changes to risk acceptance")),
  [FIELD_SIGNED_OFF_BY] = {
    "signed-off-by", "signed_off_by", ANNEX_FIELD_TEXT, N_("Signed off by"),
    ANNEX_FIELD_FLAG_READ_ONLY,
    NULL, NULL
  },
  [FIELD_SIGNED_OFF_ON] = {
    "signed-off-on", "signed_off_on", ANNEX_FIELD_DATE, N_("Signed off on"),
    ANNEX_FIELD_FLAG_READ_ONLY,
    NULL, NULL
  },
  [FIELD_REOPEN_REASON] = {
    "reopen-reason", "reopen_reason", ANNEX_FIELD_LONG_TEXT, N_("Reason for reopening"),
    ANNEX_FIELD_FLAG_READ_ONLY,
    NULL, NULL
  },
};

#undef LONG_TEXT
#undef CONCLUSION

enum {
  PROP_0,
  PROP_STATUS_LABEL,
  PROP_SUITABLE_LABEL,
  PROP_ADEQUATE_LABEL,
  PROP_EFFECTIVE_LABEL,
  PROP_SIGNED_OFF,
  PROP_DISPLAY_TITLE,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
get_field_string (AnnexReview *self,
                  guint        index)
{
  return g_value_get_string (annex_record_get_value (ANNEX_RECORD (self), index));
}

static void
set_field_string (AnnexReview *self,
                  guint        index,
                  const char  *text)
{
  GValue value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  annex_record_set_value (ANNEX_RECORD (self), index, &value);
  g_value_unset (&value);
}

char *
_annex_review_dup_locked_message (const char *reference)
{
  /* Translators: %s is a management review's reference, e.g. MR-2026-01 */
  return g_strdup_printf (_("%s is signed off: reopen it to change it"),
                          reference != NULL ? reference : "");
}

gboolean
_annex_review_check_unlocked (AnnexDatabase  *db,
                              gint64          review_id,
                              gboolean        must_exist,
                              GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = annex_database_prepare (db, "SELECT reference, status FROM reviews WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, review_id);
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      if (!must_exist)
        return TRUE;
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("The management review this belongs to no longer exists"));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      annex_store_set_error_from_sqlite (error, annex_database_get_handle (db), rc,
                                         _("Could not save the record"));
      sqlite3_reset (stmt);
      return FALSE;
    }

  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "signed-off") == 0)
    {
      g_autofree char *message =
        _annex_review_dup_locked_message ((const char *) sqlite3_column_text (stmt, 0));

      sqlite3_reset (stmt);
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID, message);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
annex_review_validate (AnnexRecord  *record,
                       GError      **error)
{
  AnnexReview *self = ANNEX_REVIEW (record);
  const char *actual = get_field_string (self, FIELD_ACTUAL_DATE);
  g_autofree char *today = annex_field_dup_today ();

  if (actual != NULL && strcmp (actual, today) > 0)
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("The date a review was held cannot lie in the future: "
                             "use the planned date"));
      return FALSE;
    }

  if (annex_review_is_signed_off (self) &&
      (annex_field_text_is_blank (get_field_string (self, FIELD_SIGNED_OFF_BY)) ||
       get_field_string (self, FIELD_SIGNED_OFF_ON) == NULL))
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("Only the chair can sign a review off, with “Sign Off”: "
                             "their name and the date are recorded with it"));
      return FALSE;
    }

  return TRUE;
}

/* The lock. The database holds the state before the write: a review stored as signed off
 * refuses every change and its deletion (the privileged save of annex_review_reopen() does not
 * come here). */
static gboolean
annex_review_check_write (AnnexRecord       *record,
                          AnnexDatabase     *db,
                          AnnexRecordWrite   write,
                          GError           **error)
{
  if (write != ANNEX_RECORD_WRITE_SAVE && write != ANNEX_RECORD_WRITE_REMOVE)
    return TRUE;

  return _annex_review_check_unlocked (db, annex_record_get_id (record), FALSE, error);
}

static gboolean
annex_review_can_delete (AnnexRecord  *record,
                         GError      **error)
{
  if (annex_review_is_signed_off (ANNEX_REVIEW (record)))
    {
      g_autofree char *message =
        _annex_review_dup_locked_message (annex_record_get_reference (record));

      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID, message);
      return FALSE;
    }

  return TRUE;
}

static void
annex_review_field_changed (AnnexRecord *record,
                            guint        index)
{
  GObject *object = G_OBJECT (record);

  switch (index)
    {
    case FIELD_STATUS:
      g_object_notify_by_pspec (object, properties[PROP_STATUS_LABEL]);
      g_object_notify_by_pspec (object, properties[PROP_SIGNED_OFF]);
      break;

    case FIELD_SUITABLE:
      g_object_notify_by_pspec (object, properties[PROP_SUITABLE_LABEL]);
      break;

    case FIELD_ADEQUATE:
      g_object_notify_by_pspec (object, properties[PROP_ADEQUATE_LABEL]);
      break;

    case FIELD_EFFECTIVE:
      g_object_notify_by_pspec (object, properties[PROP_EFFECTIVE_LABEL]);
      break;

    case FIELD_TITLE:
      g_object_notify_by_pspec (object, properties[PROP_DISPLAY_TITLE]);
      break;

    case FIELD_PLANNED_DATE:
    case FIELD_ACTUAL_DATE:
      g_object_notify_by_pspec (object, properties[PROP_DATE]);
      g_object_notify_by_pspec (object, properties[PROP_DISPLAY_TITLE]);
      break;

    default:
      break;
    }
}

static char *
dup_display_title (AnnexReview *self)
{
  const char *title = get_field_string (self, FIELD_TITLE);
  const char *date = annex_review_get_date (self);

  if (!annex_field_text_is_blank (title))
    return g_strdup (title);
  if (date != NULL)
    /* Translators: the heading of a management review without a title; %s is its date */
    return g_strdup_printf (_("Management review of %s"), date);
  return g_strdup (_("Management review"));
}

static void
annex_review_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AnnexReview *self = ANNEX_REVIEW (object);
  AnnexRecord *record = ANNEX_RECORD (object);

  if (pspec->owner_type != ANNEX_TYPE_REVIEW || prop_id >= ANNEX_RECORD_FIRST_FIELD_PROP)
    {
      G_OBJECT_CLASS (annex_review_parent_class)->get_property (object, prop_id, value, pspec);
      return;
    }

  switch (prop_id)
    {
    case PROP_STATUS_LABEL:
      g_value_set_string (value, annex_record_get_choice_label (record, FIELD_STATUS));
      break;

    case PROP_SUITABLE_LABEL:
      g_value_set_string (value, annex_record_get_choice_label (record, FIELD_SUITABLE));
      break;

    case PROP_ADEQUATE_LABEL:
      g_value_set_string (value, annex_record_get_choice_label (record, FIELD_ADEQUATE));
      break;

    case PROP_EFFECTIVE_LABEL:
      g_value_set_string (value, annex_record_get_choice_label (record, FIELD_EFFECTIVE));
      break;

    case PROP_SIGNED_OFF:
      g_value_set_boolean (value, annex_review_is_signed_off (self));
      break;

    case PROP_DISPLAY_TITLE:
      g_value_take_string (value, dup_display_title (self));
      break;

    case PROP_DATE:
      g_value_set_string (value, annex_review_get_date (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_review_class_init (AnnexReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AnnexRecordClass *record_class = ANNEX_RECORD_CLASS (klass);

  object_class->get_property = annex_review_get_property;

  record_class->validate = annex_review_validate;
  record_class->check_write = annex_review_check_write;
  record_class->can_delete = annex_review_can_delete;
  record_class->field_changed = annex_review_field_changed;

  annex_record_class_install_fields (record_class, "reviews", "MR-", fields, N_FIELDS);
  annex_record_class_set_yearly_reference (record_class, "planned-date");
  annex_record_class_add_child (record_class, ANNEX_TYPE_REVIEW_ATTENDEE, "review-id");

  properties[PROP_STATUS_LABEL] =
    g_param_spec_string ("status-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUITABLE_LABEL] =
    g_param_spec_string ("suitable-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ADEQUATE_LABEL] =
    g_param_spec_string ("adequate-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EFFECTIVE_LABEL] =
    g_param_spec_string ("effective-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIGNED_OFF] =
    g_param_spec_boolean ("signed-off", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_TITLE] =
    g_param_spec_string ("display-title", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
annex_review_init (AnnexReview *self)
{
}

/**
 * annex_review_new:
 *
 * Returns: (transfer full): a new, unsaved review (planned, nothing concluded)
 */
AnnexReview *
annex_review_new (void)
{
  return g_object_new (ANNEX_TYPE_REVIEW, NULL);
}

#define GETTER(name, index) \
  const char * \
  annex_review_get_##name (AnnexReview *self) \
  { \
    g_return_val_if_fail (ANNEX_IS_REVIEW (self), NULL); \
    return get_field_string (self, index); \
  }

GETTER (title, FIELD_TITLE)
GETTER (planned_date, FIELD_PLANNED_DATE)
GETTER (actual_date, FIELD_ACTUAL_DATE)
GETTER (chair, FIELD_CHAIR)
GETTER (status, FIELD_STATUS)
GETTER (inputs_json, FIELD_INPUTS)
GETTER (feedback, FIELD_FEEDBACK)
GETTER (opportunities, FIELD_OPPORTUNITIES)
GETTER (signed_off_by, FIELD_SIGNED_OFF_BY)
GETTER (signed_off_on, FIELD_SIGNED_OFF_ON)
GETTER (reopen_reason, FIELD_REOPEN_REASON)

#undef GETTER

const char *
annex_review_get_date (AnnexReview *self)
{
  const char *actual;

  g_return_val_if_fail (ANNEX_IS_REVIEW (self), NULL);

  actual = get_field_string (self, FIELD_ACTUAL_DATE);
  return actual != NULL ? actual : get_field_string (self, FIELD_PLANNED_DATE);
}

gboolean
annex_review_is_signed_off (AnnexReview *self)
{
  g_return_val_if_fail (ANNEX_IS_REVIEW (self), FALSE);
  return g_strcmp0 (get_field_string (self, FIELD_STATUS), "signed-off") == 0;
}

/* Held: the meeting took place. */
static gboolean
review_was_held (AnnexReview *review)
{
  return get_field_string (review, FIELD_ACTUAL_DATE) != NULL ||
         annex_review_is_signed_off (review);
}

/**
 * annex_review_find_previous:
 * @reviews: a list model of #AnnexReview
 * @self: a review
 *
 * Returns: (transfer none) (nullable): the latest other review held before @self's date
 */
AnnexReview *
annex_review_find_previous (GListModel  *reviews,
                            AnnexReview *self)
{
  g_autofree char *today = NULL;
  AnnexReview *best = NULL;
  const char *best_date = NULL;
  const char *date;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (reviews), NULL);
  g_return_val_if_fail (ANNEX_IS_REVIEW (self), NULL);

  date = annex_review_get_date (self);
  if (date == NULL)
    date = today = annex_field_dup_today ();

  n = g_list_model_get_n_items (reviews);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexReview) other = g_list_model_get_item (reviews, i);
      const char *other_date;

      if (other == self ||
          (annex_record_get_id (ANNEX_RECORD (other)) != 0 &&
           annex_record_get_id (ANNEX_RECORD (other)) == annex_record_get_id (ANNEX_RECORD (self))))
        continue;
      if (!review_was_held (other))
        continue;

      other_date = annex_review_get_date (other);
      if (other_date == NULL || strcmp (other_date, date) >= 0)
        continue;

      if (best == NULL || strcmp (other_date, best_date) > 0 ||
          (strcmp (other_date, best_date) == 0 &&
           g_strcmp0 (annex_record_get_reference (ANNEX_RECORD (other)),
                      annex_record_get_reference (ANNEX_RECORD (best))) > 0))
        {
          /* The model holds its items: the pointer stays valid. */
          best = other;
          best_date = other_date;
        }
    }

  return best;
}

/* Saves @self alone with the privileged save (its READ_ONLY fields set by a rule of ours). */
static gboolean
save_privileged (AnnexRegister  *reviews,
                 AnnexReview    *self,
                 GError        **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new ();

  g_ptr_array_add (records, self);
  return _annex_register_save_privileged (reviews, records, error);
}

/* Puts the values of @fields_to_restore back from @saved (copies taken before a change). */
static void
restore_fields (AnnexReview *self,
                AnnexRecord *saved,
                const guint *indexes,
                guint        n_indexes)
{
  for (guint i = 0; i < n_indexes; i++)
    annex_record_set_value (ANNEX_RECORD (self), indexes[i],
                            annex_record_get_value (saved, indexes[i]));
}

static gboolean
same_person (const char *a,
             const char *b)
{
  g_autofree char *ta = g_strstrip (g_utf8_casefold (a != NULL ? a : "", -1));
  g_autofree char *tb = g_strstrip (g_utf8_casefold (b != NULL ? b : "", -1));

  return ta[0] != '\0' && strcmp (ta, tb) == 0;
}

/**
 * annex_review_sign_off:
 * @reviews: the register of reviews
 * @self: a saved review of @reviews
 * @name: who signs: the chair
 * @date: (nullable): the date of the sign-off, "YYYY-MM-DD"; %NULL for today
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the review is signed off (and saved)
 */
gboolean
annex_review_sign_off (AnnexRegister  *reviews,
                       AnnexReview    *self,
                       const char     *name,
                       const char     *date,
                       GError        **error)
{
  static const guint changed[] = { FIELD_STATUS, FIELD_SIGNED_OFF_BY, FIELD_SIGNED_OFF_ON };
  g_autoptr(AnnexRecord) saved = NULL;
  g_autofree char *today = annex_field_dup_today ();
  const char *actual;
  const char *chair;

  g_return_val_if_fail (ANNEX_IS_REGISTER (reviews), FALSE);
  g_return_val_if_fail (ANNEX_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (annex_record_get_id (ANNEX_RECORD (self)) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_annex_review_check_unlocked (annex_register_get_database (reviews),
                                     annex_record_get_id (ANNEX_RECORD (self)), TRUE, error))
    return FALSE;

  actual = get_field_string (self, FIELD_ACTUAL_DATE);
  chair = get_field_string (self, FIELD_CHAIR);
  if (date == NULL)
    date = today;

  if (annex_field_text_is_blank (chair))
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("Fill in who chairs the review: the chair signs it off"));
      return FALSE;
    }
  if (!same_person (name, chair))
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                   /* Translators: %s is the name of the review's chair */
                   _("Only the chair, %s, can sign the review off"), chair);
      return FALSE;
    }
  if (actual == NULL)
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("Fill in the date the review was held before signing it off"));
      return FALSE;
    }
  if (!annex_field_date_is_valid (date) || strcmp (date, actual) < 0 || strcmp (date, today) > 0)
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("The sign-off date must lie between the day the review was held "
                             "and today"));
      return FALSE;
    }

  saved = annex_record_copy (ANNEX_RECORD (self));
  set_field_string (self, FIELD_SIGNED_OFF_BY, chair);
  set_field_string (self, FIELD_SIGNED_OFF_ON, date);
  set_field_string (self, FIELD_STATUS, "signed-off");

  if (!save_privileged (reviews, self, error))
    {
      restore_fields (self, saved, changed, G_N_ELEMENTS (changed));
      return FALSE;
    }

  return TRUE;
}

/**
 * annex_review_reopen:
 * @reviews: the register of reviews
 * @self: a saved, signed-off review of @reviews
 * @reason: why it is reopened
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the review is reopened (status held) and saved
 */
gboolean
annex_review_reopen (AnnexRegister  *reviews,
                     AnnexReview    *self,
                     const char     *reason,
                     GError        **error)
{
  static const guint changed[] = {
    FIELD_STATUS, FIELD_SIGNED_OFF_BY, FIELD_SIGNED_OFF_ON, FIELD_REOPEN_REASON
  };
  g_autoptr(AnnexRecord) saved = NULL;
  g_autofree char *trimmed = NULL;
  GError *local_error = NULL;
  gboolean locked;

  g_return_val_if_fail (ANNEX_IS_REGISTER (reviews), FALSE);
  g_return_val_if_fail (ANNEX_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (annex_record_get_id (ANNEX_RECORD (self)) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The stored state decides: reopening is the one way past the lock. */
  locked = !_annex_review_check_unlocked (annex_register_get_database (reviews),
                                          annex_record_get_id (ANNEX_RECORD (self)), TRUE,
                                          &local_error);
  if (locked && !g_error_matches (local_error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID))
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  g_clear_error (&local_error);

  if (!locked || !annex_review_is_signed_off (self))
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("Only a signed-off review can be reopened"));
      return FALSE;
    }

  trimmed = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("Say why the review is reopened: the reason is kept in its history"));
      return FALSE;
    }

  saved = annex_record_copy (ANNEX_RECORD (self));
  set_field_string (self, FIELD_STATUS, "held");
  set_field_string (self, FIELD_SIGNED_OFF_BY, NULL);
  set_field_string (self, FIELD_SIGNED_OFF_ON, NULL);
  set_field_string (self, FIELD_REOPEN_REASON, trimmed);

  if (!save_privileged (reviews, self, error))
    {
      restore_fields (self, saved, changed, G_N_ELEMENTS (changed));
      return FALSE;
    }

  return TRUE;
}

gboolean
annex_review_owns_action (AnnexReview *self,
                          AnnexAction *action)
{
  const char *reference;
  const char *origin_reference;
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (ANNEX_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (ANNEX_IS_ACTION (action), FALSE);

  reference = annex_record_get_reference (ANNEX_RECORD (self));
  if (reference == NULL)
    return FALSE;
  if (g_strcmp0 (annex_record_get_string (ANNEX_RECORD (action), "origin"),
                 "management-review") != 0)
    return FALSE;

  origin_reference = annex_record_get_string (ANNEX_RECORD (action), "origin-reference");
  if (origin_reference == NULL)
    return FALSE;

  trimmed = g_strstrip (g_strdup (origin_reference));
  return strcmp (trimmed, reference) == 0;
}

/**
 * annex_review_dup_actions:
 * @self: a review
 * @actions: a list model of #AnnexAction
 *
 * Returns: (transfer full) (element-type AnnexAction): the review's actions
 */
GPtrArray *
annex_review_dup_actions (AnnexReview *self,
                          GListModel  *actions)
{
  GPtrArray *result;
  guint n;

  g_return_val_if_fail (ANNEX_IS_REVIEW (self), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (actions), NULL);

  result = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (actions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexAction) action = g_list_model_get_item (actions, i);

      if (annex_review_owns_action (self, action))
        g_ptr_array_add (result, g_steal_pointer (&action));
    }

  return result;
}

/**
 * annex_review_add_action:
 * @self: a saved review
 * @actions: the action register
 * @title: the action's title
 * @owner: (nullable): who carries it out
 * @due_date: (nullable): "YYYY-MM-DD"
 * @error: return location for a #GError
 *
 * Returns: (transfer none) (nullable): the new action, an item of @actions
 */
AnnexAction *
annex_review_add_action (AnnexReview    *self,
                         AnnexRegister  *actions,
                         const char     *title,
                         const char     *owner,
                         const char     *due_date,
                         GError        **error)
{
  g_autoptr(AnnexAction) action = NULL;
  AnnexRecord *record;

  g_return_val_if_fail (ANNEX_IS_REVIEW (self), NULL);
  g_return_val_if_fail (ANNEX_IS_REGISTER (actions), NULL);
  g_return_val_if_fail (annex_record_get_id (ANNEX_RECORD (self)) > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (annex_review_is_signed_off (self) ||
      !_annex_review_check_unlocked (annex_register_get_database (actions),
                                     annex_record_get_id (ANNEX_RECORD (self)), TRUE, error))
    {
      if (error != NULL && *error == NULL)
        {
          g_autofree char *message =
            _annex_review_dup_locked_message (annex_record_get_reference (ANNEX_RECORD (self)));

          g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID, message);
        }
      return NULL;
    }

  action = ANNEX_ACTION (annex_register_new_record (actions));
  record = ANNEX_RECORD (action);
  annex_action_set_title (action, title);
  annex_record_set_string (record, "owner", owner);
  annex_record_set_string (record, "due-date", due_date);
  annex_record_set_string (record, "origin", "management-review");
  annex_record_set_string (record, "origin-reference",
                           annex_record_get_reference (ANNEX_RECORD (self)));

  if (!annex_register_add (actions, record, error))
    return NULL;

  /* The register holds the action now. */
  return action;
}

/**
 * annex_review_get_interval_months:
 * @db: a workspace
 *
 * Returns: the planned months between reviews
 */
guint
annex_review_get_interval_months (AnnexDatabase *db)
{
  g_autofree char *text = NULL;
  guint64 months = 0;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), ANNEX_REVIEW_INTERVAL_DEFAULT);

  text = annex_database_dup_setting (db, ANNEX_REVIEW_INTERVAL_SETTING);
  if (text == NULL ||
      !g_ascii_string_to_unsigned (text, 10, 1, ANNEX_REVIEW_INTERVAL_MAX, &months, NULL))
    return ANNEX_REVIEW_INTERVAL_DEFAULT;

  return (guint) months;
}

gboolean
annex_review_set_interval_months (AnnexDatabase  *db,
                                  guint           months,
                                  GError        **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), FALSE);

  if (months < 1 || months > ANNEX_REVIEW_INTERVAL_MAX)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                   _("The review interval must be between 1 and %d months"),
                   ANNEX_REVIEW_INTERVAL_MAX);
      return FALSE;
    }

  text = g_strdup_printf ("%u", months);
  return annex_database_set_setting (db, ANNEX_REVIEW_INTERVAL_SETTING, text, error);
}

/* "YYYY-MM-DD" @months after @date ("YYYY-MM-DD…"; the end of a shorter month when the day does
 * not exist there), or NULL when @date is not a date. */
static char *
dup_date_plus_months (const char *date,
                      guint       months)
{
  g_autofree char *day = NULL;
  GDate d;
  char buffer[16];

  if (date == NULL || strlen (date) < 10)
    return NULL;

  day = g_strndup (date, 10);
  if (!annex_field_date_is_valid (day))
    return NULL;

  g_date_clear (&d, 1);
  g_date_set_parse (&d, day);
  if (!g_date_valid (&d))
    return NULL;

  g_date_add_months (&d, months);
  g_snprintf (buffer, sizeof buffer, "%04u-%02u-%02u",
              (guint) g_date_get_year (&d), (guint) g_date_get_month (&d),
              (guint) g_date_get_day (&d));
  return g_strdup (buffer);
}

void
annex_review_schedule_clear (AnnexReviewSchedule *schedule)
{
  g_return_if_fail (schedule != NULL);

  g_clear_pointer (&schedule->last_reference, g_free);
  g_clear_pointer (&schedule->last_date, g_free);
  g_clear_pointer (&schedule->due_date, g_free);
  g_clear_pointer (&schedule->planned_reference, g_free);
  g_clear_pointer (&schedule->planned_date, g_free);
  schedule->overdue = FALSE;
  schedule->interval_months = 0;
}

/**
 * annex_review_compute_schedule:
 * @db: the workspace
 * @reviews: (nullable): a list model of #AnnexReview, or %NULL to read them from @db
 * @today: (nullable): "YYYY-MM-DD", or %NULL for the local date now
 * @out: (out caller-allocates): the schedule
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
annex_review_compute_schedule (AnnexDatabase        *db,
                               GListModel           *reviews,
                               const char           *today,
                               AnnexReviewSchedule  *out,
                               GError              **error)
{
  g_autoptr(AnnexRegister) own = NULL;
  g_autofree char *own_today = NULL;
  AnnexReview *last = NULL;
  AnnexReview *planned = NULL;
  guint n;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (reviews == NULL || G_IS_LIST_MODEL (reviews), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);

  if (reviews == NULL)
    {
      own = annex_register_new (db, ANNEX_TYPE_REVIEW);
      if (!annex_register_load (own, error))
        return FALSE;
      reviews = G_LIST_MODEL (own);
    }
  if (today == NULL)
    today = own_today = annex_field_dup_today ();

  out->interval_months = annex_review_get_interval_months (db);

  n = g_list_model_get_n_items (reviews);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexReview) review = g_list_model_get_item (reviews, i);
      const char *actual = get_field_string (review, FIELD_ACTUAL_DATE);

      if (actual != NULL)
        {
          if (last == NULL || strcmp (actual, get_field_string (last, FIELD_ACTUAL_DATE)) > 0)
            last = review;
        }
      else if (!annex_review_is_signed_off (review))
        {
          const char *date = get_field_string (review, FIELD_PLANNED_DATE);
          const char *best = planned != NULL ? get_field_string (planned, FIELD_PLANNED_DATE)
                                             : NULL;

          /* Earliest planned date first; a review without a date after every dated one. */
          if (planned == NULL || (date != NULL && (best == NULL || strcmp (date, best) < 0)))
            planned = review;
        }
    }

  if (last != NULL)
    {
      out->last_reference = g_strdup (annex_record_get_reference (ANNEX_RECORD (last)));
      out->last_date = g_strdup (get_field_string (last, FIELD_ACTUAL_DATE));
      out->due_date = dup_date_plus_months (out->last_date, out->interval_months);
    }
  else
    {
      g_autofree char *created = annex_database_dup_setting (db, "created");

      out->due_date = dup_date_plus_months (created, out->interval_months);
    }

  if (planned != NULL)
    {
      out->planned_reference = g_strdup (annex_record_get_reference (ANNEX_RECORD (planned)));
      out->planned_date = g_strdup (get_field_string (planned, FIELD_PLANNED_DATE));
    }

  out->overdue = out->due_date != NULL && strcmp (out->due_date, today) < 0;
  return TRUE;
}

gboolean
annex_review_count_signed_off (AnnexDatabase  *db,
                               gint64         *out_count,
                               GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out_count != NULL, FALSE);

  stmt = annex_database_prepare (db, "SELECT count(*) FROM reviews WHERE status = 'signed-off'",
                                 error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      annex_store_set_error_from_sqlite (error, annex_database_get_handle (db), rc,
                                         _("Could not count the reviews"));
      sqlite3_reset (stmt);
      return FALSE;
    }

  *out_count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}
