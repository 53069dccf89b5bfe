/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-control.c: the control record of the Statement of Applicability: its field table, the
 * rules of Annex A controls, the completeness issues, filters and the SoA summary. */

#define G_LOG_DOMAIN "annex-control"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "annex-action.h"
#include "annex-control.h"
#include "annex-store-error.h"

/* No issues computed yet: the record was just created, loaded or copied (loading sets the
 * values without field_changed), so the first reader computes them. */
#define ISSUES_UNKNOWN G_MAXUINT

struct _AnnexControl
{
  AnnexRecord parent_instance;

  guint       issues;           /* AnnexControlIssues, or ISSUES_UNKNOWN */
  guint       has_open_action : 1;
};

G_DEFINE_FINAL_TYPE (AnnexControl, annex_control, ANNEX_TYPE_RECORD)

/* Indexes into fields[]. */
enum {
  FIELD_CATALOGUE,
  FIELD_THEME,
  FIELD_TITLE,
  FIELD_DESCRIPTION,
  FIELD_APPLICABILITY,
  FIELD_REASON_RISK,
  FIELD_REASON_LEGAL,
  FIELD_REASON_CONTRACTUAL,
  FIELD_REASON_BUSINESS,
  FIELD_REASON_BEST_PRACTICE,
  FIELD_JUSTIFICATION,
  FIELD_STATUS,
  FIELD_OWNER,
  FIELD_TARGET_DATE,
  FIELD_IMPLEMENTATION_NOTES,
  FIELD_EVIDENCE,
  FIELD_LAST_REVIEWED,
  FIELD_CATALOGUE_ID,
  N_FIELDS
};

static const AnnexFieldChoice catalogue_choices[] = {
  /* Translators: the catalogue of a control: ISO/IEC 27001:2022 Annex A */
  { "annex-a", N_("Annex A") },
  /* Translators: the catalogue of a control the organization added itself */
  { "custom", N_("Organization-specific") },
  { NULL, NULL }
};

/* The catalogue's themes (annex_catalogue_theme_nick() / _label(): the same msgids). */
static const AnnexFieldChoice theme_choices[] = {
  /* Translators: a theme of the Annex A controls */
  { "organizational", N_("Organizational") },
  /* Translators: a theme of the Annex A controls */
  { "people", N_("People") },
  /* Translators: a theme of the Annex A controls */
  { "physical", N_("Physical") },
  /* Translators: a theme of the Annex A controls */
  { "technological", N_("Technological") },
  { NULL, NULL }
};

static const AnnexFieldChoice applicability_choices[] = {
  /* Translators: the Statement of Applicability has no decision on the control yet */
  { "undecided", N_("Undecided") },
  /* Translators: the control is applicable (included in the Statement of Applicability) */
  { "applicable", N_("Applicable") },
  /* Translators: the control is excluded from the Statement of Applicability */
  { "excluded", N_("Excluded") },
  { NULL, NULL }
};

static const AnnexFieldChoice status_choices[] = {
  /* Translators: the implementation status of a control */
  { "not-started", N_("Not started") },
  /* Translators: the implementation status of a control */
  { "planned", N_("Planned") },
  /* Translators: the implementation status of a control */
  { "partial", N_("Partially implemented") },
  /* Translators: the implementation status of a control */
  { "implemented", N_("Implemented") },
  { NULL, NULL }
};

/* catalogue, applicability and status are NOT NULL columns: required, so an empty value is
 * refused with a message rather than by a constraint. */
static const AnnexField fields[N_FIELDS] = {
  [FIELD_CATALOGUE] = {
    "catalogue", "catalogue", ANNEX_FIELD_CHOICE, N_("Catalogue"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_READ_ONLY,
    catalogue_choices, "custom"
  },
  [FIELD_THEME] = {
    "theme", "theme", ANNEX_FIELD_CHOICE, N_("Theme"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_FILTER,
    theme_choices, NULL
  },
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
  [FIELD_APPLICABILITY] = {
    "applicability", "applicability", ANNEX_FIELD_CHOICE, N_("Applicability"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_FILTER,
    applicability_choices, "undecided"
  },
  [FIELD_REASON_RISK] = {
    "reason-risk", "reason_risk", ANNEX_FIELD_BOOL,
    /* Translators: a reason for including a control in the SoA: the risk treatment calls for it */
    N_("Risk treatment"),
    ANNEX_FIELD_FLAG_NONE,
    NULL, "false"
  },
  [FIELD_REASON_LEGAL] = {
    "reason-legal", "reason_legal", ANNEX_FIELD_BOOL,
    /* Translators: a reason for including a control in the SoA: a law or regulation calls for it */
    N_("Legal or regulatory"),
    ANNEX_FIELD_FLAG_NONE,
    NULL, "false"
  },
  [FIELD_REASON_CONTRACTUAL] = {
    "reason-contractual", "reason_contractual", ANNEX_FIELD_BOOL,
    /* Translators: a reason for including a control in the SoA: a contract calls for it */
    N_("Contractual"),
    ANNEX_FIELD_FLAG_NONE,
    NULL, "false"
  },
  [FIELD_REASON_BUSINESS] = {
    "reason-business", "reason_business", ANNEX_FIELD_BOOL,
    /* Translators: a reason for including a control in the SoA: the business needs it */
    N_("Business requirement"),
    ANNEX_FIELD_FLAG_NONE,
    NULL, "false"
  },
  [FIELD_REASON_BEST_PRACTICE] = {
    "reason-best-practice", "reason_best_practice", ANNEX_FIELD_BOOL,
    /* Translators: a reason for including a control in the SoA: it is good practice */
    N_("Best practice"),
    ANNEX_FIELD_FLAG_NONE,
    NULL, "false"
  },
  [FIELD_JUSTIFICATION] = {
    "justification", "justification", ANNEX_FIELD_LONG_TEXT, N_("Justification for exclusion"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_STATUS] = {
    "status", "status", ANNEX_FIELD_CHOICE, N_("Implementation status"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_FILTER,
    status_choices, "not-started"
  },
  [FIELD_OWNER] = {
    "owner", "owner", ANNEX_FIELD_TEXT, N_("Owner"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_TARGET_DATE] = {
    "target-date", "target_date", ANNEX_FIELD_DATE, N_("Target date"),
    ANNEX_FIELD_FLAG_NONE,
    NULL, NULL
  },
  [FIELD_IMPLEMENTATION_NOTES] = {
    "implementation-notes", "implementation_notes", ANNEX_FIELD_LONG_TEXT,
    N_("Implementation notes"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_EVIDENCE] = {
    "evidence", "evidence", ANNEX_FIELD_LONG_TEXT, N_("Evidence"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_LAST_REVIEWED] = {
    "last-reviewed", "last_reviewed", ANNEX_FIELD_DATE, N_("Last reviewed"),
    ANNEX_FIELD_FLAG_NONE,
    NULL, NULL
  },
  /* The imported catalogue (annex-control-catalogue.h) of the control, 0 for none: only the
   * OSCAL import sets it (a privileged add), so the user never edits it. */
  [FIELD_CATALOGUE_ID] = {
    "catalogue-id", "catalogue_id", ANNEX_FIELD_INT, N_("Imported catalogue"),
    ANNEX_FIELD_FLAG_READ_ONLY,
    NULL, "0"
  },
};

enum {
  PROP_0,
  PROP_DISPLAY_TITLE,
  PROP_GUIDANCE,
  PROP_IS_ANNEX_A,
  PROP_ISSUES,
  PROP_HAS_OPEN_ACTION,
  PROP_THEME_LABEL,
  PROP_APPLICABILITY_LABEL,
  PROP_STATUS_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
get_field_string (AnnexControl *self,
                  guint         index)
{
  return g_value_get_string (annex_record_get_value (ANNEX_RECORD (self), index));
}

static gboolean
get_field_bool (AnnexControl *self,
                guint         index)
{
  return g_value_get_boolean (annex_record_get_value (ANNEX_RECORD (self), index));
}

static gboolean
has_reason (AnnexControl *self)
{
  return get_field_bool (self, FIELD_REASON_RISK) ||
         get_field_bool (self, FIELD_REASON_LEGAL) ||
         get_field_bool (self, FIELD_REASON_CONTRACTUAL) ||
         get_field_bool (self, FIELD_REASON_BUSINESS) ||
         get_field_bool (self, FIELD_REASON_BEST_PRACTICE);
}

/* Recomputes the issues; notifies "issues" when they differ from what a reader last saw. */
static void
update_issues (AnnexControl *self)
{
  guint issues;

  /* Nobody has read them since the record was created or loaded: computed on first read. */
  if (self->issues == ISSUES_UNKNOWN)
    return;

  issues = annex_control_compute_issues (self, self->has_open_action);
  if (issues == self->issues)
    return;

  self->issues = issues;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ISSUES]);
}

static void
annex_control_field_changed (AnnexRecord *record,
                             guint        index)
{
  AnnexControl *self = ANNEX_CONTROL (record);

  switch (index)
    {
    case FIELD_CATALOGUE:
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_ANNEX_A]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_TITLE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GUIDANCE]);
      break;

    case FIELD_THEME:
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THEME_LABEL]);
      break;

    case FIELD_TITLE:
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_TITLE]);
      break;

    case FIELD_APPLICABILITY:
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLICABILITY_LABEL]);
      update_issues (self);
      break;

    case FIELD_STATUS:
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_LABEL]);
      update_issues (self);
      break;

    case FIELD_REASON_RISK:
    case FIELD_REASON_LEGAL:
    case FIELD_REASON_CONTRACTUAL:
    case FIELD_REASON_BUSINESS:
    case FIELD_REASON_BEST_PRACTICE:
    case FIELD_JUSTIFICATION:
    case FIELD_TARGET_DATE:
      update_issues (self);
      break;

    default:
      break;
    }
}

/* The catalogue decides an Annex A control's title and theme. A control that claims to be one
 * must be one: the register refuses to add such a control, so this only matters for edits. */
static gboolean
annex_control_validate (AnnexRecord  *record,
                        GError      **error)
{
  AnnexControl *self = ANNEX_CONTROL (record);
  const AnnexCatalogueControl *entry;

  if (!annex_control_is_annex_a (self))
    return TRUE;

  entry = annex_control_get_catalogue_entry (self);
  if (entry == NULL)
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("Only the controls of Annex A belong to the Annex A catalogue"));
      return FALSE;
    }

  if (g_strcmp0 (get_field_string (self, FIELD_TITLE), entry->title) != 0)
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("The title of an Annex A control cannot be changed"));
      return FALSE;
    }

  if (g_strcmp0 (get_field_string (self, FIELD_THEME),
                 annex_catalogue_theme_nick (entry->theme)) != 0)
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("The theme of an Annex A control cannot be changed"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
annex_control_can_add (AnnexRecord  *record,
                       GError      **error)
{
  if (annex_control_is_annex_a (ANNEX_CONTROL (record)))
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("Annex A controls come with the workspace and cannot be added"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
annex_control_can_delete (AnnexRecord  *record,
                          GError      **error)
{
  if (annex_control_is_annex_a (ANNEX_CONTROL (record)))
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("Annex A controls cannot be deleted; mark them as excluded "
                             "instead"));
      return FALSE;
    }

  return TRUE;
}

/* An Annex A control is found by its translated title too (the stored one is English). */
static char *
annex_control_dup_search_text (AnnexRecord *record)
{
  const AnnexCatalogueControl *entry = annex_control_get_catalogue_entry (ANNEX_CONTROL (record));

  if (entry == NULL)
    return NULL;

  return g_strdup (annex_catalogue_gettext (entry->title));
}

static void
annex_control_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AnnexControl *self = ANNEX_CONTROL (object);

  if (pspec->owner_type != ANNEX_TYPE_CONTROL || prop_id >= ANNEX_RECORD_FIRST_FIELD_PROP)
    {
      /* The field properties are the base class's business. */
      G_OBJECT_CLASS (annex_control_parent_class)->get_property (object, prop_id, value, pspec);
      return;
    }

  switch (prop_id)
    {
    case PROP_DISPLAY_TITLE:
      g_value_set_string (value, annex_control_get_display_title (self));
      break;

    case PROP_GUIDANCE:
      g_value_set_string (value, annex_control_get_guidance (self));
      break;

    case PROP_IS_ANNEX_A:
      g_value_set_boolean (value, annex_control_is_annex_a (self));
      break;

    case PROP_ISSUES:
      g_value_set_uint (value, annex_control_get_issues (self));
      break;

    case PROP_HAS_OPEN_ACTION:
      g_value_set_boolean (value, self->has_open_action);
      break;

    case PROP_THEME_LABEL:
      g_value_set_string (value,
                          annex_record_get_choice_label (ANNEX_RECORD (self), FIELD_THEME));
      break;

    case PROP_APPLICABILITY_LABEL:
      g_value_set_string (value,
                          annex_record_get_choice_label (ANNEX_RECORD (self), FIELD_APPLICABILITY));
      break;

    case PROP_STATUS_LABEL:
      g_value_set_string (value,
                          annex_record_get_choice_label (ANNEX_RECORD (self), FIELD_STATUS));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_control_class_init (AnnexControlClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AnnexRecordClass *record_class = ANNEX_RECORD_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = annex_control_get_property;

  record_class->validate = annex_control_validate;
  record_class->field_changed = annex_control_field_changed;
  record_class->can_add = annex_control_can_add;
  record_class->can_delete = annex_control_can_delete;
  record_class->dup_search_text = annex_control_dup_search_text;

  /* No reference prefix: the reference is the control's id, from the catalogue or the user. */
  annex_record_class_install_fields (record_class, "controls", NULL, fields, N_FIELDS);

  properties[PROP_DISPLAY_TITLE] =
    g_param_spec_string ("display-title", NULL, NULL, NULL, flags);
  properties[PROP_GUIDANCE] =
    g_param_spec_string ("guidance", NULL, NULL, NULL, flags);
  properties[PROP_IS_ANNEX_A] =
    g_param_spec_boolean ("is-annex-a", NULL, NULL, FALSE, flags);
  properties[PROP_ISSUES] =
    g_param_spec_uint ("issues", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_HAS_OPEN_ACTION] =
    g_param_spec_boolean ("has-open-action", NULL, NULL, FALSE, flags);
  properties[PROP_THEME_LABEL] =
    g_param_spec_string ("theme-label", NULL, NULL, NULL, flags);
  properties[PROP_APPLICABILITY_LABEL] =
    g_param_spec_string ("applicability-label", NULL, NULL, NULL, flags);
  properties[PROP_STATUS_LABEL] =
    g_param_spec_string ("status-label", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
annex_control_init (AnnexControl *self)
{
  self->issues = ISSUES_UNKNOWN;
}

/**
 * annex_control_new:
 *
 * Returns: (transfer full): a new, unsaved organization-specific control (catalogue "custom",
 *   undecided, not started); give it a reference with annex_record_set_reference()
 */
AnnexControl *
annex_control_new (void)
{
  return g_object_new (ANNEX_TYPE_CONTROL, NULL);
}

const char *
annex_control_get_title (AnnexControl *self)
{
  g_return_val_if_fail (ANNEX_IS_CONTROL (self), NULL);

  return get_field_string (self, FIELD_TITLE);
}

/**
 * annex_control_get_display_title:
 * @self: a control
 *
 * Returns: (nullable): the title to show: an Annex A control's catalogue title, translated; the
 *   stored title of any other control
 */
const char *
annex_control_get_display_title (AnnexControl *self)
{
  const AnnexCatalogueControl *entry;

  g_return_val_if_fail (ANNEX_IS_CONTROL (self), NULL);

  entry = annex_control_get_catalogue_entry (self);
  if (entry != NULL)
    return annex_catalogue_gettext (entry->title);

  return get_field_string (self, FIELD_TITLE);
}

/**
 * annex_control_get_guidance:
 * @self: a control
 *
 * Returns: (nullable): the guidance note of an Annex A control, translated; %NULL for others
 */
const char *
annex_control_get_guidance (AnnexControl *self)
{
  const AnnexCatalogueControl *entry;

  g_return_val_if_fail (ANNEX_IS_CONTROL (self), NULL);

  entry = annex_control_get_catalogue_entry (self);
  return entry != NULL ? annex_catalogue_gettext (entry->guidance) : NULL;
}

const char *
annex_control_get_applicability (AnnexControl *self)
{
  g_return_val_if_fail (ANNEX_IS_CONTROL (self), NULL);

  return get_field_string (self, FIELD_APPLICABILITY);
}

const char *
annex_control_get_status (AnnexControl *self)
{
  g_return_val_if_fail (ANNEX_IS_CONTROL (self), NULL);

  return get_field_string (self, FIELD_STATUS);
}

/**
 * annex_control_is_annex_a:
 * @self: a control
 *
 * Returns: %TRUE when @self is one of the Annex A controls (catalogue "annex-a")
 */
gboolean
annex_control_is_annex_a (AnnexControl *self)
{
  g_return_val_if_fail (ANNEX_IS_CONTROL (self), FALSE);

  return g_strcmp0 (get_field_string (self, FIELD_CATALOGUE), "annex-a") == 0;
}

/**
 * annex_control_get_catalogue_id:
 * @self: a control
 *
 * Returns: the id of the imported catalogue (an #AnnexControlCatalogue of the "catalogues"
 *   register) @self belongs to; 0 for Annex A and organization-specific controls
 */
gint64
annex_control_get_catalogue_id (AnnexControl *self)
{
  const GValue *value;

  g_return_val_if_fail (ANNEX_IS_CONTROL (self), 0);

  value = annex_record_get_value (ANNEX_RECORD (self), FIELD_CATALOGUE_ID);
  return g_value_get_int64 (value);
}

/**
 * annex_control_get_catalogue_entry:
 * @self: a control
 *
 * Returns: (nullable) (transfer none): the catalogue entry of an Annex A control (found by its
 *   reference), %NULL for any other control
 */
const AnnexCatalogueControl *
annex_control_get_catalogue_entry (AnnexControl *self)
{
  const char *reference;

  g_return_val_if_fail (ANNEX_IS_CONTROL (self), NULL);

  if (!annex_control_is_annex_a (self))
    return NULL;

  reference = annex_record_get_reference (ANNEX_RECORD (self));
  if (reference == NULL)
    return NULL;

  return annex_catalogue_find_control (reference);
}

/**
 * annex_control_get_attribute_flags:
 * @self: a control
 * @attribute: one of the ISO/IEC 27002 attributes
 *
 * Returns: the flags of @attribute the control carries; 0 for an organization-specific control
 */
guint
annex_control_get_attribute_flags (AnnexControl            *self,
                                   AnnexCatalogueAttribute  attribute)
{
  const AnnexCatalogueControl *entry;

  g_return_val_if_fail (ANNEX_IS_CONTROL (self), 0);
  g_return_val_if_fail (attribute < ANNEX_CATALOGUE_N_ATTRIBUTES, 0);

  entry = annex_control_get_catalogue_entry (self);
  return entry != NULL ? annex_catalogue_control_get_flags (entry, attribute) : 0;
}

/**
 * annex_control_compute_issues:
 * @self: a control
 * @has_open_action: whether an open or in-progress action refers to the control
 *
 * The SoA completeness rules: no decision yet (UNDECIDED); applicable without any reason for
 * inclusion (NO_REASON); excluded without a justification (NO_JUSTIFICATION); applicable, not
 * implemented, with neither a target date nor an open action (NO_PLAN).
 *
 * Returns: the #AnnexControlIssues of @self
 */
AnnexControlIssues
annex_control_compute_issues (AnnexControl *self,
                              gboolean      has_open_action)
{
  const char *applicability;
  guint issues = ANNEX_CONTROL_ISSUE_NONE;

  g_return_val_if_fail (ANNEX_IS_CONTROL (self), ANNEX_CONTROL_ISSUE_NONE);

  applicability = get_field_string (self, FIELD_APPLICABILITY);

  if (g_strcmp0 (applicability, "applicable") == 0)
    {
      if (!has_reason (self))
        issues |= ANNEX_CONTROL_ISSUE_NO_REASON;

      if (g_strcmp0 (get_field_string (self, FIELD_STATUS), "implemented") != 0 &&
          get_field_string (self, FIELD_TARGET_DATE) == NULL &&
          !has_open_action)
        issues |= ANNEX_CONTROL_ISSUE_NO_PLAN;
    }
  else if (g_strcmp0 (applicability, "excluded") == 0)
    {
      if (annex_field_text_is_blank (get_field_string (self, FIELD_JUSTIFICATION)))
        issues |= ANNEX_CONTROL_ISSUE_NO_JUSTIFICATION;
    }
  else
    {
      issues |= ANNEX_CONTROL_ISSUE_UNDECIDED;
    }

  return issues;
}

/**
 * annex_control_get_issues:
 * @self: a control
 *
 * Returns: the issues of @self, with the open-action state last set with
 *   annex_control_set_has_open_action() (none until then)
 */
AnnexControlIssues
annex_control_get_issues (AnnexControl *self)
{
  g_return_val_if_fail (ANNEX_IS_CONTROL (self), ANNEX_CONTROL_ISSUE_NONE);

  if (self->issues == ISSUES_UNKNOWN)
    self->issues = annex_control_compute_issues (self, self->has_open_action);

  return self->issues;
}

/**
 * annex_control_set_has_open_action:
 * @self: a control
 * @has_open_action: whether an open or in-progress action refers to the control
 *
 * Sets what the NO_PLAN rule knows about the actions; notifies "has-open-action" and, when they
 * change, "issues".
 */
void
annex_control_set_has_open_action (AnnexControl *self,
                                   gboolean      has_open_action)
{
  g_return_if_fail (ANNEX_IS_CONTROL (self));

  has_open_action = !!has_open_action;
  if (self->has_open_action == (guint) has_open_action)
    return;

  self->has_open_action = has_open_action;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_OPEN_ACTION]);
  update_issues (self);
}

gboolean
annex_control_get_has_open_action (AnnexControl *self)
{
  g_return_val_if_fail (ANNEX_IS_CONTROL (self), FALSE);

  return self->has_open_action;
}

/* An action's origin reference as a control's reference: trimmed, and "A.5.1" read as the
 * Annex A id "5.1". NULL when empty. */
static char *
dup_origin_key (const char *origin_reference)
{
  g_autofree char *key = NULL;

  if (origin_reference == NULL)
    return NULL;

  key = g_strstrip (g_strdup (origin_reference));
  if (key[0] == '\0')
    return NULL;

  if ((key[0] == 'A' || key[0] == 'a') && key[1] == '.' &&
      annex_catalogue_find_control (key + 2) != NULL)
    return g_strdup (key + 2);

  return g_steal_pointer (&key);
}

/**
 * annex_control_update_open_actions:
 * @controls: a #GListModel of #AnnexControl (the controls register)
 * @actions: a #GListModel of #AnnexAction (the actions register)
 *
 * Sets each control's "has-open-action" from the actions: %TRUE when an action with status
 * "open" or "in-progress" has the control's reference as its origin reference.
 */
void
annex_control_update_open_actions (GListModel *controls,
                                   GListModel *actions)
{
  g_autoptr(GHashTable) open_references = NULL;
  guint n_actions;
  guint n_controls;

  g_return_if_fail (G_IS_LIST_MODEL (controls));
  g_return_if_fail (G_IS_LIST_MODEL (actions));

  open_references = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  n_actions = g_list_model_get_n_items (actions);
  for (guint i = 0; i < n_actions; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (actions, i);
      const char *status;
      char *key;

      if (!ANNEX_IS_ACTION (item))
        continue;

      status = annex_action_get_status (ANNEX_ACTION (item));
      if (g_strcmp0 (status, "open") != 0 && g_strcmp0 (status, "in-progress") != 0)
        continue;

      key = dup_origin_key (annex_record_get_string (ANNEX_RECORD (item), "origin-reference"));
      if (key != NULL)
        g_hash_table_add (open_references, key);
    }

  n_controls = g_list_model_get_n_items (controls);
  for (guint i = 0; i < n_controls; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (controls, i);
      const char *reference;

      if (!ANNEX_IS_CONTROL (item))
        continue;

      reference = annex_record_get_reference (ANNEX_RECORD (item));
      annex_control_set_has_open_action (ANNEX_CONTROL (item),
                                         reference != NULL &&
                                         g_hash_table_contains (open_references, reference));
    }
}

/**
 * annex_control_filter_init:
 * @filter: a filter to reset
 *
 * Sets every criterion of @filter to "any" (ANNEX_CONTROL_FILTER_INIT).
 */
void
annex_control_filter_init (AnnexControlFilter *filter)
{
  const AnnexControlFilter any = ANNEX_CONTROL_FILTER_INIT;

  g_return_if_fail (filter != NULL);

  *filter = any;
}

/**
 * annex_control_matches_filter:
 * @self: a control
 * @filter: the criteria
 *
 * Returns: %TRUE when @self meets every criterion of @filter
 */
gboolean
annex_control_matches_filter (AnnexControl             *self,
                              const AnnexControlFilter *filter)
{
  g_return_val_if_fail (ANNEX_IS_CONTROL (self), FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);

  if (filter->theme >= 0)
    {
      if (filter->theme >= ANNEX_N_CONTROL_THEMES ||
          g_strcmp0 (get_field_string (self, FIELD_THEME),
                     annex_catalogue_theme_nick ((AnnexControlTheme) filter->theme)) != 0)
        return FALSE;
    }

  if (filter->applicability != NULL &&
      g_strcmp0 (get_field_string (self, FIELD_APPLICABILITY), filter->applicability) != 0)
    return FALSE;

  if (filter->status != NULL &&
      g_strcmp0 (get_field_string (self, FIELD_STATUS), filter->status) != 0)
    return FALSE;

  if (filter->attribute >= 0 && filter->flag != 0)
    {
      if (filter->attribute >= ANNEX_CATALOGUE_N_ATTRIBUTES ||
          (annex_control_get_attribute_flags (self, (AnnexCatalogueAttribute) filter->attribute) &
           filter->flag) == 0)
        return FALSE;
    }

  if (filter->issues != ANNEX_CONTROL_ISSUE_NONE &&
      (annex_control_get_issues (self) & filter->issues) == 0)
    return FALSE;

  if (filter->catalogue != ANNEX_CONTROL_CATALOGUE_ANY)
    {
      gint64 catalogue_id = annex_control_get_catalogue_id (self);

      if (filter->catalogue == ANNEX_CONTROL_CATALOGUE_ANNEX_A)
        return annex_control_is_annex_a (self);
      if (filter->catalogue == ANNEX_CONTROL_CATALOGUE_CUSTOM)
        return !annex_control_is_annex_a (self) && catalogue_id == 0;
      return catalogue_id == filter->catalogue;
    }

  return TRUE;
}

/**
 * annex_soa_summary_compute:
 * @controls: a #GListModel of #AnnexControl
 * @summary: (out caller-allocates): the counts
 *
 * Counts the SoA decisions and the completeness issues (as last computed: see
 * annex_control_get_issues()) over @controls.
 */
void
annex_soa_summary_compute (GListModel      *controls,
                           AnnexSoaSummary *summary)
{
  guint n_items;

  g_return_if_fail (G_IS_LIST_MODEL (controls));
  g_return_if_fail (summary != NULL);

  memset (summary, 0, sizeof *summary);

  n_items = g_list_model_get_n_items (controls);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (controls, i);
      AnnexControl *control;
      const char *applicability;
      guint issues;

      if (!ANNEX_IS_CONTROL (item))
        continue;

      control = ANNEX_CONTROL (item);
      summary->total++;

      applicability = get_field_string (control, FIELD_APPLICABILITY);
      if (g_strcmp0 (applicability, "applicable") == 0)
        {
          summary->applicable++;
          if (g_strcmp0 (get_field_string (control, FIELD_STATUS), "implemented") == 0)
            summary->implemented++;
        }
      else if (g_strcmp0 (applicability, "excluded") == 0)
        {
          summary->excluded++;
        }
      else
        {
          summary->undecided++;
        }

      issues = annex_control_get_issues (control);
      if ((issues & ANNEX_CONTROL_ISSUE_NO_REASON) != 0)
        summary->no_reason++;
      if ((issues & ANNEX_CONTROL_ISSUE_NO_JUSTIFICATION) != 0)
        summary->no_justification++;
      if ((issues & ANNEX_CONTROL_ISSUE_NO_PLAN) != 0)
        summary->no_plan++;
    }
}
