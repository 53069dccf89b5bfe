/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-risk.c: the risk record: its field table, the levels computed with the risk method, the
 * acceptance rule and the default review date. */

#define G_LOG_DOMAIN "annex-risk"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "annex-links.h"
#include "annex-risk-private.h"
#include "annex-risk.h"
#include "annex-store-error.h"

struct _AnnexRisk
{
  AnnexRecord parent_instance;

  /* owned */
  AnnexRiskMethod *method;  /* NULL: the default method */

  /* The four assessment numbers (inherent L, I, residual L, I), read from the fields on first
   * use and dropped when one of them changes: counting 100,000 risks for the heat map then
   * costs a few loads per risk instead of four checked field lookups. Values above the largest
   * method are kept as 0xff (out of range for every method). */
  guint8           assessment[4];
  gboolean         assessment_valid;
};

G_DEFINE_FINAL_TYPE (AnnexRisk, annex_risk, ANNEX_TYPE_RECORD)

/* Indexes into fields[]. */
enum {
  FIELD_TITLE,
  FIELD_DESCRIPTION,
  FIELD_THREAT,
  FIELD_VULNERABILITY,
  FIELD_OWNER,
  FIELD_CATEGORY,
  FIELD_INHERENT_LIKELIHOOD,
  FIELD_INHERENT_IMPACT,
  FIELD_TREATMENT,
  FIELD_RESIDUAL_LIKELIHOOD,
  FIELD_RESIDUAL_IMPACT,
  FIELD_ACCEPTED_BY,
  FIELD_ACCEPTED_ON,
  FIELD_ACCEPTED_UNTIL,
  FIELD_NEXT_REVIEW,
  FIELD_STATUS,
  N_FIELDS
};

static const AnnexFieldChoice treatment_choices[] = {
  { "modify", N_("Modify (reduce)") },
  { "retain", N_("Retain (accept)") },
  { "avoid", N_("Avoid") },
  { "share", N_("Share (transfer)") },
  { NULL, NULL }
};

static const AnnexFieldChoice status_choices[] = {
  { "identified", N_("Identified") },
  { "assessed", N_("Assessed") },
  { "treated", N_("Treated") },
  { "accepted", N_("Accepted") },
  { "closed", N_("Closed") },
  { NULL, NULL }
};

static const AnnexField fields[N_FIELDS] = {
  [FIELD_TITLE] = {
    "title", "title", ANNEX_FIELD_TEXT, N_("Title"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_DESCRIPTION] = {
    "description", "description", ANNEX_FIELD_LONG_TEXT, N_("Description"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_THREAT] = {
    "threat", "threat", ANNEX_FIELD_LONG_TEXT, N_("Threat"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_VULNERABILITY] = {
    "vulnerability", "vulnerability", ANNEX_FIELD_LONG_TEXT, N_("Vulnerability"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_OWNER] = {
    "owner", "owner", ANNEX_FIELD_TEXT, N_("Owner"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_CATEGORY] = {
    "category", "category", ANNEX_FIELD_TEXT, N_("Category"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_INHERENT_LIKELIHOOD] = {
    "inherent-likelihood", "inherent_likelihood", ANNEX_FIELD_INT, N_("Inherent likelihood"),
    ANNEX_FIELD_FLAG_NONE,
    NULL, "0"
  },
  [FIELD_INHERENT_IMPACT] = {
    "inherent-impact", "inherent_impact", ANNEX_FIELD_INT, N_("Inherent impact"),
    ANNEX_FIELD_FLAG_NONE,
    NULL, "0"
  },
  [FIELD_TREATMENT] = {
    "treatment", "treatment", ANNEX_FIELD_CHOICE, N_("Treatment"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_FILTER,
    treatment_choices, NULL
  },
  [FIELD_RESIDUAL_LIKELIHOOD] = {
    "residual-likelihood", "residual_likelihood", ANNEX_FIELD_INT, N_("Residual likelihood"),
    ANNEX_FIELD_FLAG_NONE,
    NULL, "0"
  },
  [FIELD_RESIDUAL_IMPACT] = {
    "residual-impact", "residual_impact", ANNEX_FIELD_INT, N_("Residual impact"),
    ANNEX_FIELD_FLAG_NONE,
    NULL, "0"
  },
  [FIELD_ACCEPTED_BY] = {
    "accepted-by", "accepted_by", ANNEX_FIELD_TEXT, N_("Accepted by"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_ACCEPTED_ON] = {
    "accepted-on", "accepted_on", ANNEX_FIELD_DATE, N_("Accepted on"),
    ANNEX_FIELD_FLAG_NONE,
    NULL, NULL
  },
  [FIELD_ACCEPTED_UNTIL] = {
    "accepted-until", "accepted_until", ANNEX_FIELD_DATE, N_("Accepted until"),
    ANNEX_FIELD_FLAG_NONE,
    NULL, NULL
  },
  [FIELD_NEXT_REVIEW] = {
    "next-review", "next_review", ANNEX_FIELD_DATE, N_("Next review"),
    ANNEX_FIELD_FLAG_LIST,
    NULL, NULL
  },
  [FIELD_STATUS] = {
    "status", "status", ANNEX_FIELD_CHOICE, N_("Status"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_FILTER,
    status_choices, "identified"
  },
};

enum {
  PROP_0,
  PROP_METHOD,
  PROP_INHERENT_LEVEL,
  PROP_INHERENT_LEVEL_LABEL,
  PROP_INHERENT_LEVEL_COLOR,
  PROP_RESIDUAL_LEVEL,
  PROP_RESIDUAL_LEVEL_LABEL,
  PROP_RESIDUAL_LEVEL_COLOR,
  PROP_LEVEL,
  PROP_LEVEL_LABEL,
  PROP_LEVEL_COLOR,
  PROP_NEEDS_ACCEPTANCE,
  PROP_INHERENT_LIKELIHOOD_LABEL,
  PROP_INHERENT_IMPACT_LABEL,
  PROP_RESIDUAL_LIKELIHOOD_LABEL,
  PROP_RESIDUAL_IMPACT_LABEL,
  PROP_TREATMENT_LABEL,
  PROP_STATUS_LABEL,
  PROP_REVIEW_OVERDUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- Helpers ------------------------------------------------------------------------------ */

static const char *
get_field_string (AnnexRisk *self,
                  guint      index)
{
  return g_value_get_string (annex_record_get_value (ANNEX_RECORD (self), index));
}

static guint
get_field_level (AnnexRisk *self,
                 guint      index)
{
  gint64 value = g_value_get_int64 (annex_record_get_value (ANNEX_RECORD (self), index));

  return value > 0 && value <= G_MAXUINT ? (guint) value : 0;
}

/* Indexes of the assessment fields, in the order of AnnexRisk.assessment. */
static const guint assessment_fields[4] = {
  FIELD_INHERENT_LIKELIHOOD, FIELD_INHERENT_IMPACT, FIELD_RESIDUAL_LIKELIHOOD, FIELD_RESIDUAL_IMPACT,
};

const guint8 *
_annex_risk_peek_assessment (AnnexRisk *self)
{
  if (G_UNLIKELY (!self->assessment_valid))
    {
      for (guint i = 0; i < G_N_ELEMENTS (assessment_fields); i++)
        {
          guint value = get_field_level (self, assessment_fields[i]);

          self->assessment[i] = value <= ANNEX_RISK_METHOD_MAX_LEVELS ? value : 0xff;
        }
      self->assessment_valid = TRUE;
    }

  return self->assessment;
}

static guint
get_assessment (AnnexRisk *self,
                guint      which)
{
  guint8 value = _annex_risk_peek_assessment (self)[which];

  /* 0xff stands for a stored value too large for any method: out of range, as the field. */
  return value != 0xff ? value : get_field_level (self, assessment_fields[which]);
}

static void
set_field_level (AnnexRisk *self,
                 guint      index,
                 guint      level)
{
  GValue value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, level);
  annex_record_set_value (ANNEX_RECORD (self), index, &value);
  g_value_unset (&value);
}

static void
notify_levels (AnnexRisk *self,
               gboolean   inherent,
               gboolean   residual)
{
  GObject *object = G_OBJECT (self);

  if (inherent)
    {
      g_object_notify_by_pspec (object, properties[PROP_INHERENT_LEVEL]);
      g_object_notify_by_pspec (object, properties[PROP_INHERENT_LEVEL_LABEL]);
      g_object_notify_by_pspec (object, properties[PROP_INHERENT_LEVEL_COLOR]);
    }

  if (residual)
    {
      g_object_notify_by_pspec (object, properties[PROP_RESIDUAL_LEVEL]);
      g_object_notify_by_pspec (object, properties[PROP_RESIDUAL_LEVEL_LABEL]);
      g_object_notify_by_pspec (object, properties[PROP_RESIDUAL_LEVEL_COLOR]);
    }

  g_object_notify_by_pspec (object, properties[PROP_LEVEL]);
  g_object_notify_by_pspec (object, properties[PROP_LEVEL_LABEL]);
  g_object_notify_by_pspec (object, properties[PROP_LEVEL_COLOR]);
  g_object_notify_by_pspec (object, properties[PROP_NEEDS_ACCEPTANCE]);
}

/* When a risk gets a level and no review date yet, the date follows from the level. */
static void
apply_default_review_date (AnnexRisk *self)
{
  g_autofree char *today = NULL;
  g_autofree char *date = NULL;
  guint level;

  if (get_field_string (self, FIELD_NEXT_REVIEW) != NULL)
    return;

  level = annex_risk_get_level (self);
  if (level == 0)
    return;

  today = annex_field_dup_today ();
  date = annex_risk_dup_default_review_date (annex_risk_get_method (self), level, today);
  annex_record_set_string (ANNEX_RECORD (self), "next-review", date);
}

/* ---- Record vfuncs ------------------------------------------------------------------------ */

static void
annex_risk_field_changed (AnnexRecord *record,
                          guint        index)
{
  AnnexRisk *self = ANNEX_RISK (record);
  GObject *object = G_OBJECT (self);

  switch (index)
    {
    case FIELD_INHERENT_LIKELIHOOD:
    case FIELD_INHERENT_IMPACT:
    case FIELD_RESIDUAL_LIKELIHOOD:
    case FIELD_RESIDUAL_IMPACT:
      {
        gboolean inherent = index == FIELD_INHERENT_LIKELIHOOD || index == FIELD_INHERENT_IMPACT;

        self->assessment_valid = FALSE;
        g_object_freeze_notify (object);
        switch (index)
          {
          case FIELD_INHERENT_LIKELIHOOD:
            g_object_notify_by_pspec (object, properties[PROP_INHERENT_LIKELIHOOD_LABEL]);
            break;
          case FIELD_INHERENT_IMPACT:
            g_object_notify_by_pspec (object, properties[PROP_INHERENT_IMPACT_LABEL]);
            break;
          case FIELD_RESIDUAL_LIKELIHOOD:
            g_object_notify_by_pspec (object, properties[PROP_RESIDUAL_LIKELIHOOD_LABEL]);
            break;
          default:
            g_object_notify_by_pspec (object, properties[PROP_RESIDUAL_IMPACT_LABEL]);
            break;
          }
        notify_levels (self, inherent, !inherent);
        apply_default_review_date (self);
        g_object_thaw_notify (object);
      }
      break;

    case FIELD_TREATMENT:
      g_object_notify_by_pspec (object, properties[PROP_TREATMENT_LABEL]);
      break;

    case FIELD_STATUS:
      g_object_notify_by_pspec (object, properties[PROP_STATUS_LABEL]);
      g_object_notify_by_pspec (object, properties[PROP_REVIEW_OVERDUE]);
      break;

    case FIELD_NEXT_REVIEW:
      g_object_notify_by_pspec (object, properties[PROP_REVIEW_OVERDUE]);
      break;

    default:
      break;
    }
}

static gboolean
check_scale (AnnexRisk       *self,
             guint            index,
             AnnexRiskScale   scale,
             GError         **error)
{
  AnnexRiskMethod *method = annex_risk_get_method (self);
  gint64 value = g_value_get_int64 (annex_record_get_value (ANNEX_RECORD (self), index));
  guint size = annex_risk_method_get_size (method, scale);

  if (value >= 0 && value <= size)
    return TRUE;

  g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
               _("“%s” must be one of the risk method’s levels (1 to %u), or not assessed."),
               _(fields[index].label), size);
  return FALSE;
}

static gboolean
annex_risk_validate (AnnexRecord  *record,
                     GError      **error)
{
  AnnexRisk *self = ANNEX_RISK (record);
  g_autofree char *today = NULL;

  if (!check_scale (self, FIELD_INHERENT_LIKELIHOOD, ANNEX_RISK_SCALE_LIKELIHOOD, error) ||
      !check_scale (self, FIELD_INHERENT_IMPACT, ANNEX_RISK_SCALE_IMPACT, error) ||
      !check_scale (self, FIELD_RESIDUAL_LIKELIHOOD, ANNEX_RISK_SCALE_LIKELIHOOD, error) ||
      !check_scale (self, FIELD_RESIDUAL_IMPACT, ANNEX_RISK_SCALE_IMPACT, error))
    return FALSE;

  today = annex_field_dup_today ();
  return annex_risk_check_acceptance_on (self, today, error);
}

/* ---- GObject ------------------------------------------------------------------------------ */

static const char *
get_level_label (AnnexRisk *self,
                 guint      level)
{
  return annex_risk_method_get_label (annex_risk_get_method (self), ANNEX_RISK_SCALE_LEVEL, level);
}

static const char *
get_scale_label (AnnexRisk      *self,
                 AnnexRiskScale  scale,
                 guint           index)
{
  return annex_risk_method_get_label (annex_risk_get_method (self), scale,
                                      get_field_level (self, index));
}

static void
annex_risk_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AnnexRisk *self = ANNEX_RISK (object);
  AnnexRiskMethod *method;

  if (pspec->owner_type != ANNEX_TYPE_RISK || prop_id >= ANNEX_RECORD_FIRST_FIELD_PROP)
    {
      G_OBJECT_CLASS (annex_risk_parent_class)->get_property (object, prop_id, value, pspec);
      return;
    }

  method = annex_risk_get_method (self);

  switch (prop_id)
    {
    case PROP_METHOD:
      g_value_set_object (value, self->method);
      break;

    case PROP_INHERENT_LEVEL:
      g_value_set_int (value, annex_risk_get_inherent_level (self));
      break;

    case PROP_INHERENT_LEVEL_LABEL:
      g_value_set_string (value, get_level_label (self, annex_risk_get_inherent_level (self)));
      break;

    case PROP_INHERENT_LEVEL_COLOR:
      g_value_set_string (value,
                          annex_risk_method_get_color (method,
                                                       annex_risk_get_inherent_level (self)));
      break;

    case PROP_RESIDUAL_LEVEL:
      g_value_set_int (value, annex_risk_get_residual_level (self));
      break;

    case PROP_RESIDUAL_LEVEL_LABEL:
      g_value_set_string (value, get_level_label (self, annex_risk_get_residual_level (self)));
      break;

    case PROP_RESIDUAL_LEVEL_COLOR:
      g_value_set_string (value,
                          annex_risk_method_get_color (method,
                                                       annex_risk_get_residual_level (self)));
      break;

    case PROP_LEVEL:
      g_value_set_int (value, annex_risk_get_level (self));
      break;

    case PROP_LEVEL_LABEL:
      g_value_set_string (value, get_level_label (self, annex_risk_get_level (self)));
      break;

    case PROP_LEVEL_COLOR:
      g_value_set_string (value, annex_risk_method_get_color (method, annex_risk_get_level (self)));
      break;

    case PROP_NEEDS_ACCEPTANCE:
      g_value_set_boolean (value,
                           annex_risk_get_level (self) > annex_risk_method_get_threshold (method));
      break;

    case PROP_INHERENT_LIKELIHOOD_LABEL:
      g_value_set_string (value, get_scale_label (self, ANNEX_RISK_SCALE_LIKELIHOOD,
                                                  FIELD_INHERENT_LIKELIHOOD));
      break;

    case PROP_INHERENT_IMPACT_LABEL:
      g_value_set_string (value, get_scale_label (self, ANNEX_RISK_SCALE_IMPACT,
                                                  FIELD_INHERENT_IMPACT));
      break;

    case PROP_RESIDUAL_LIKELIHOOD_LABEL:
      g_value_set_string (value, get_scale_label (self, ANNEX_RISK_SCALE_LIKELIHOOD,
                                                  FIELD_RESIDUAL_LIKELIHOOD));
      break;

    case PROP_RESIDUAL_IMPACT_LABEL:
      g_value_set_string (value, get_scale_label (self, ANNEX_RISK_SCALE_IMPACT,
                                                  FIELD_RESIDUAL_IMPACT));
      break;

    case PROP_TREATMENT_LABEL:
      g_value_set_string (value, annex_record_get_choice_label (ANNEX_RECORD (self),
                                                                FIELD_TREATMENT));
      break;

    case PROP_STATUS_LABEL:
      g_value_set_string (value, annex_record_get_choice_label (ANNEX_RECORD (self),
                                                                FIELD_STATUS));
      break;

    case PROP_REVIEW_OVERDUE:
      {
        g_autofree char *today = annex_field_dup_today ();

        g_value_set_boolean (value, annex_risk_is_review_overdue_on (self, today));
      }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_risk_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  AnnexRisk *self = ANNEX_RISK (object);

  if (pspec->owner_type != ANNEX_TYPE_RISK || prop_id >= ANNEX_RECORD_FIRST_FIELD_PROP)
    {
      G_OBJECT_CLASS (annex_risk_parent_class)->set_property (object, prop_id, value, pspec);
      return;
    }

  switch (prop_id)
    {
    case PROP_METHOD:
      annex_risk_set_method (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_risk_dispose (GObject *object)
{
  AnnexRisk *self = ANNEX_RISK (object);

  g_clear_object (&self->method);

  G_OBJECT_CLASS (annex_risk_parent_class)->dispose (object);
}

static GParamSpec *
readable_string (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
readable_level (const char *name)
{
  return g_param_spec_int (name, NULL, NULL, 0, ANNEX_RISK_METHOD_MAX_LEVELS, 0,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
readable_boolean (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE,
                               G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                               G_PARAM_STATIC_STRINGS);
}

static void
annex_risk_class_init (AnnexRiskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AnnexRecordClass *record_class = ANNEX_RECORD_CLASS (klass);

  object_class->get_property = annex_risk_get_property;
  object_class->set_property = annex_risk_set_property;
  object_class->dispose = annex_risk_dispose;

  record_class->field_changed = annex_risk_field_changed;
  record_class->validate = annex_risk_validate;

  annex_record_class_install_fields (record_class, "risks", "R-", fields, N_FIELDS);

  properties[PROP_METHOD] =
    g_param_spec_object ("method", NULL, NULL,
                         ANNEX_TYPE_RISK_METHOD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INHERENT_LEVEL] = readable_level ("inherent-level");
  properties[PROP_INHERENT_LEVEL_LABEL] = readable_string ("inherent-level-label");
  properties[PROP_INHERENT_LEVEL_COLOR] = readable_string ("inherent-level-color");
  properties[PROP_RESIDUAL_LEVEL] = readable_level ("residual-level");
  properties[PROP_RESIDUAL_LEVEL_LABEL] = readable_string ("residual-level-label");
  properties[PROP_RESIDUAL_LEVEL_COLOR] = readable_string ("residual-level-color");
  properties[PROP_LEVEL] = readable_level ("level");
  properties[PROP_LEVEL_LABEL] = readable_string ("level-label");
  properties[PROP_LEVEL_COLOR] = readable_string ("level-color");
  properties[PROP_NEEDS_ACCEPTANCE] = readable_boolean ("needs-acceptance");
  properties[PROP_INHERENT_LIKELIHOOD_LABEL] = readable_string ("inherent-likelihood-label");
  properties[PROP_INHERENT_IMPACT_LABEL] = readable_string ("inherent-impact-label");
  properties[PROP_RESIDUAL_LIKELIHOOD_LABEL] = readable_string ("residual-likelihood-label");
  properties[PROP_RESIDUAL_IMPACT_LABEL] = readable_string ("residual-impact-label");
  properties[PROP_TREATMENT_LABEL] = readable_string ("treatment-label");
  properties[PROP_STATUS_LABEL] = readable_string ("status-label");
  properties[PROP_REVIEW_OVERDUE] = readable_boolean ("review-overdue");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
annex_risk_init (AnnexRisk *self)
{
}

/* ---- Public API --------------------------------------------------------------------------- */

/**
 * annex_risk_new:
 *
 * Returns: (transfer full): a new, unsaved risk with status "identified", not assessed
 */
AnnexRisk *
annex_risk_new (void)
{
  return g_object_new (ANNEX_TYPE_RISK, NULL);
}

/**
 * annex_risk_get_method:
 * @self: a risk
 *
 * Returns: (transfer none): the method @self is scored with (the default when none is set)
 */
AnnexRiskMethod *
annex_risk_get_method (AnnexRisk *self)
{
  g_return_val_if_fail (ANNEX_IS_RISK (self), NULL);

  return self->method != NULL ? self->method : annex_risk_method_get_default ();
}

void
annex_risk_set_method (AnnexRisk       *self,
                       AnnexRiskMethod *method)
{
  GObject *object = G_OBJECT (self);
  AnnexRiskMethod *old_method;

  g_return_if_fail (ANNEX_IS_RISK (self));
  g_return_if_fail (method == NULL || ANNEX_IS_RISK_METHOD (method));

  if (self->method == method)
    return;

  old_method = annex_risk_get_method (self);
  g_set_object (&self->method, method);

  g_object_notify_by_pspec (object, properties[PROP_METHOD]);

  /* A risk just loaded gets the shared default method when the workspace has none: nothing it
   * computes changes, so 100,000 risks skip a dozen notifications each. */
  if (annex_risk_get_method (self) == old_method)
    return;

  g_object_freeze_notify (object);
  notify_levels (self, TRUE, TRUE);
  g_object_notify_by_pspec (object, properties[PROP_INHERENT_LIKELIHOOD_LABEL]);
  g_object_notify_by_pspec (object, properties[PROP_INHERENT_IMPACT_LABEL]);
  g_object_notify_by_pspec (object, properties[PROP_RESIDUAL_LIKELIHOOD_LABEL]);
  g_object_notify_by_pspec (object, properties[PROP_RESIDUAL_IMPACT_LABEL]);
  g_object_thaw_notify (object);
}

const char *
annex_risk_get_title (AnnexRisk *self)
{
  g_return_val_if_fail (ANNEX_IS_RISK (self), NULL);
  return get_field_string (self, FIELD_TITLE);
}

void
annex_risk_set_title (AnnexRisk  *self,
                      const char *title)
{
  g_return_if_fail (ANNEX_IS_RISK (self));
  annex_record_set_string (ANNEX_RECORD (self), "title", title);
}

const char *
annex_risk_get_owner (AnnexRisk *self)
{
  g_return_val_if_fail (ANNEX_IS_RISK (self), NULL);
  return get_field_string (self, FIELD_OWNER);
}

const char *
annex_risk_get_treatment (AnnexRisk *self)
{
  g_return_val_if_fail (ANNEX_IS_RISK (self), NULL);
  return get_field_string (self, FIELD_TREATMENT);
}

const char *
annex_risk_get_status (AnnexRisk *self)
{
  g_return_val_if_fail (ANNEX_IS_RISK (self), NULL);
  return get_field_string (self, FIELD_STATUS);
}

const char *
annex_risk_get_next_review (AnnexRisk *self)
{
  g_return_val_if_fail (ANNEX_IS_RISK (self), NULL);
  return get_field_string (self, FIELD_NEXT_REVIEW);
}

guint
annex_risk_get_inherent_likelihood (AnnexRisk *self)
{
  g_return_val_if_fail (ANNEX_IS_RISK (self), 0);
  return get_assessment (self, 0);
}

guint
annex_risk_get_inherent_impact (AnnexRisk *self)
{
  g_return_val_if_fail (ANNEX_IS_RISK (self), 0);
  return get_assessment (self, 1);
}

guint
annex_risk_get_residual_likelihood (AnnexRisk *self)
{
  g_return_val_if_fail (ANNEX_IS_RISK (self), 0);
  return get_assessment (self, 2);
}

guint
annex_risk_get_residual_impact (AnnexRisk *self)
{
  g_return_val_if_fail (ANNEX_IS_RISK (self), 0);
  return get_assessment (self, 3);
}

void
annex_risk_set_inherent (AnnexRisk *self,
                         guint      likelihood,
                         guint      impact)
{
  g_return_if_fail (ANNEX_IS_RISK (self));

  set_field_level (self, FIELD_INHERENT_LIKELIHOOD, likelihood);
  set_field_level (self, FIELD_INHERENT_IMPACT, impact);
}

void
annex_risk_set_residual (AnnexRisk *self,
                         guint      likelihood,
                         guint      impact)
{
  g_return_if_fail (ANNEX_IS_RISK (self));

  set_field_level (self, FIELD_RESIDUAL_LIKELIHOOD, likelihood);
  set_field_level (self, FIELD_RESIDUAL_IMPACT, impact);
}

guint
annex_risk_get_inherent_level (AnnexRisk *self)
{
  g_return_val_if_fail (ANNEX_IS_RISK (self), 0);

  return annex_risk_method_get_level (annex_risk_get_method (self),
                                      get_assessment (self, 0), get_assessment (self, 1));
}

guint
annex_risk_get_residual_level (AnnexRisk *self)
{
  g_return_val_if_fail (ANNEX_IS_RISK (self), 0);

  return annex_risk_method_get_level (annex_risk_get_method (self),
                                      get_assessment (self, 2), get_assessment (self, 3));
}

guint
annex_risk_get_level (AnnexRisk *self)
{
  guint residual;

  g_return_val_if_fail (ANNEX_IS_RISK (self), 0);

  residual = annex_risk_get_residual_level (self);
  return residual != 0 ? residual : annex_risk_get_inherent_level (self);
}

/**
 * annex_risk_check_acceptance_on:
 * @self: a risk
 * @today: the date to check against, "YYYY-MM-DD"
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the treatment and acceptance of @self agree with the method's threshold;
 *   else %FALSE with ANNEX_STORE_ERROR_INVALID and a sentence for the user
 */
gboolean
annex_risk_check_acceptance_on (AnnexRisk   *self,
                                const char  *today,
                                GError     **error)
{
  AnnexRiskMethod *method;
  const char *accepted_on;
  const char *accepted_until;
  guint threshold;

  g_return_val_if_fail (ANNEX_IS_RISK (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  accepted_on = get_field_string (self, FIELD_ACCEPTED_ON);
  accepted_until = get_field_string (self, FIELD_ACCEPTED_UNTIL);

  /* Both are "YYYY-MM-DD" (validated before): the byte order is the date order. */
  if (accepted_on != NULL && accepted_until != NULL && strcmp (accepted_until, accepted_on) < 0)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                   _("“Accepted until” cannot be before “Accepted on”."));
      return FALSE;
    }

  if (g_strcmp0 (get_field_string (self, FIELD_TREATMENT), "retain") != 0)
    return TRUE;

  method = annex_risk_get_method (self);
  threshold = annex_risk_method_get_threshold (method);
  if (annex_risk_get_level (self) <= threshold)
    return TRUE;

  if (annex_field_text_is_blank (get_field_string (self, FIELD_ACCEPTED_BY)) ||
      accepted_on == NULL)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                   _("A residual risk above “%s” can only be retained when its owner accepts "
                     "it: fill in Accepted by and Accepted on."),
                   annex_risk_method_get_label (method, ANNEX_RISK_SCALE_LEVEL, threshold));
      return FALSE;
    }

  return TRUE;
}

/**
 * annex_risk_is_acceptance_expired_on:
 * @self: a risk
 * @today: the date to check against, "YYYY-MM-DD"
 *
 * An acceptance that ran out is something to act on (renew it or treat the risk), not a reason to
 * refuse every later edit of the risk: it is a warning, never a validation error.
 *
 * Returns: %TRUE when @self is retained above the method's threshold and its acceptance's
 *   "accepted-until" is before @today
 */
gboolean
annex_risk_is_acceptance_expired_on (AnnexRisk  *self,
                                     const char *today)
{
  const char *accepted_until;

  g_return_val_if_fail (ANNEX_IS_RISK (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  accepted_until = get_field_string (self, FIELD_ACCEPTED_UNTIL);
  if (accepted_until == NULL ||
      g_strcmp0 (get_field_string (self, FIELD_TREATMENT), "retain") != 0 ||
      annex_risk_get_level (self) <= annex_risk_method_get_threshold (annex_risk_get_method (self)))
    return FALSE;

  return strcmp (accepted_until, today) < 0;
}

gboolean
annex_risk_is_review_overdue_on (AnnexRisk  *self,
                                 const char *today)
{
  const char *next_review;

  g_return_val_if_fail (ANNEX_IS_RISK (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  next_review = get_field_string (self, FIELD_NEXT_REVIEW);
  if (!annex_field_date_is_valid (next_review))
    return FALSE;

  if (g_strcmp0 (get_field_string (self, FIELD_STATUS), "closed") == 0)
    return FALSE;

  return strcmp (next_review, today) < 0;
}

guint
annex_risk_get_review_months (AnnexRiskMethod *method,
                              guint            level)
{
  guint n_levels;

  g_return_val_if_fail (ANNEX_IS_RISK_METHOD (method), 0);

  n_levels = annex_risk_method_get_n_levels (method);
  if (level == 0)
    return 0;
  if (level >= n_levels)
    return 3;
  if (level + 1 == n_levels)
    return 6;
  return 12;
}

/**
 * annex_risk_dup_default_review_date:
 * @method: the risk method
 * @level: a risk level of @method
 * @today: the date to count from, "YYYY-MM-DD"
 *
 * Returns: (transfer full) (nullable): the default next review date, or %NULL for level 0
 */
char *
annex_risk_dup_default_review_date (AnnexRiskMethod *method,
                                    guint            level,
                                    const char      *today)
{
  guint months;
  guint year, month, day;
  GDate date;

  g_return_val_if_fail (ANNEX_IS_RISK_METHOD (method), NULL);
  g_return_val_if_fail (annex_field_date_is_valid (today), NULL);

  months = annex_risk_get_review_months (method, level);
  if (months == 0)
    return NULL;

  if (sscanf (today, "%4u-%2u-%2u", &year, &month, &day) != 3)
    return NULL;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  /* 31 January + 3 months is 30 April: GDate clamps to the month's last day. */
  g_date_add_months (&date, months);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

/**
 * annex_risk_dup_linked_ids:
 * @self: a saved risk
 * @db: its workspace
 * @to_table: "assets" or "controls"
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the ids (gint64) linked from @self
 */
GArray *
annex_risk_dup_linked_ids (AnnexRisk      *self,
                           AnnexDatabase  *db,
                           const char     *to_table,
                           GError        **error)
{
  g_return_val_if_fail (ANNEX_IS_RISK (self), NULL);
  g_return_val_if_fail (ANNEX_IS_DATABASE (db), NULL);
  g_return_val_if_fail (to_table != NULL, NULL);

  return annex_links_dup_targets (db, "risks", annex_record_get_id (ANNEX_RECORD (self)),
                                  to_table, error);
}
