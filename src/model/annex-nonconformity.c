/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-nonconformity.c: the nonconformity record (10.2): its field table, yearly references,
 * the closing rule, raising one from a finding or an incident, and its corrective actions. */

#define G_LOG_DOMAIN "annex-nonconformity"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "annex-audit-private.h"
#include "annex-nonconformity.h"
#include "annex-store-error.h"

struct _AnnexNonconformity
{
  AnnexRecord parent_instance;

  gboolean    overdue;
};

G_DEFINE_FINAL_TYPE (AnnexNonconformity, annex_nonconformity, ANNEX_TYPE_RECORD)

/* Indexes into fields[]. */
enum {
  FIELD_TITLE,
  FIELD_SOURCE,
  FIELD_SOURCE_REFERENCE,
  FIELD_GRADE,
  FIELD_CONCERNS,
  FIELD_RAISED_ON,
  FIELD_OWNER,
  FIELD_DESCRIPTION,
  FIELD_CORRECTION,
  FIELD_ROOT_CAUSE,
  FIELD_CHECK_DATE,
  FIELD_CHECK_BY,
  FIELD_CHECK_RESULT,
  FIELD_CHECK_NOTES,
  FIELD_STATUS,
  N_FIELDS
};

static const AnnexFieldChoice source_choices[] = {
  { "audit", N_("Audit") },
  { "incident", N_("Incident") },
  { "management-review", N_("Management review") },
  { "complaint", N_("Complaint") },
  { "other", N_("Other") },
  { NULL, NULL }
};

static const AnnexFieldChoice grade_choices[] = {
  { "minor", N_("Minor") },
  { "major", N_("Major") },
  { NULL, NULL }
};

static const AnnexFieldChoice check_result_choices[] = {
  { "effective", N_("Effective") },
  { "not-effective", N_("Not effective") },
  { NULL, NULL }
};

static const AnnexFieldChoice status_choices[] = {
  { "open", N_("Open") },
  { "action-planned", N_("Action planned") },
  { "awaiting-check", N_("Awaiting effectiveness check") },
  { "closed", N_("Closed") },
  { NULL, NULL }
};

static const AnnexField fields[N_FIELDS] = {
  [FIELD_TITLE] = {
    "title", "title", ANNEX_FIELD_TEXT, N_("Title"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_SOURCE] = {
    "source", "source", ANNEX_FIELD_CHOICE, N_("Source"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_FILTER,
    source_choices, "other"
  },
  [FIELD_SOURCE_REFERENCE] = {
    "source-reference", "source_reference", ANNEX_FIELD_TEXT, N_("Raised from"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_GRADE] = {
    "grade", "grade", ANNEX_FIELD_CHOICE, N_("Grade"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_FILTER,
    grade_choices, "minor"
  },
  [FIELD_CONCERNS] = {
    "concerns", "concerns", ANNEX_FIELD_TEXT, N_("Clause or control"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_RAISED_ON] = {
    "raised-on", "raised_on", ANNEX_FIELD_DATE, N_("Raised on"),
    ANNEX_FIELD_FLAG_LIST,
    NULL, NULL
  },
  [FIELD_OWNER] = {
    "owner", "owner", ANNEX_FIELD_TEXT, N_("Owner"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_DESCRIPTION] = {
    "description", "description", ANNEX_FIELD_LONG_TEXT, N_("What happened"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_CORRECTION] = {
    "correction", "correction", ANNEX_FIELD_LONG_TEXT, N_("Correction"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_ROOT_CAUSE] = {
    "root-cause", "root_cause", ANNEX_FIELD_LONG_TEXT, N_("Root cause"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_CHECK_DATE] = {
    "check-date", "check_date", ANNEX_FIELD_DATE, N_("Effectiveness checked on"),
    ANNEX_FIELD_FLAG_NONE,
    NULL, NULL
  },
  [FIELD_CHECK_BY] = {
    "check-by", "check_by", ANNEX_FIELD_TEXT, N_("Checked by"),
    ANNEX_FIELD_FLAG_NONE,
    NULL, NULL
  },
  [FIELD_CHECK_RESULT] = {
    "check-result", "check_result", ANNEX_FIELD_CHOICE, N_("Effectiveness"),
    ANNEX_FIELD_FLAG_NONE,
    check_result_choices, NULL
  },
  [FIELD_CHECK_NOTES] = {
    "check-notes", "check_notes", ANNEX_FIELD_LONG_TEXT, N_("Notes on the check"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_STATUS] = {
    "status", "status", ANNEX_FIELD_CHOICE, N_("Status"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_FILTER,
    status_choices, "open"
  },
};

enum {
  PROP_0,
  PROP_SOURCE_LABEL,
  PROP_GRADE_LABEL,
  PROP_CHECK_RESULT_LABEL,
  PROP_STATUS_LABEL,
  PROP_OVERDUE,
  PROP_IS_OPEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The longest title taken from a finding's description. */
#define MAX_DERIVED_TITLE_CHARS 80

static const char *
get_field_string (AnnexNonconformity *self,
                  guint               index)
{
  return g_value_get_string (annex_record_get_value (ANNEX_RECORD (self), index));
}

static gboolean
annex_nonconformity_validate (AnnexRecord  *record,
                              GError      **error)
{
  AnnexNonconformity *self = ANNEX_NONCONFORMITY (record);
  const char *raised_on = get_field_string (self, FIELD_RAISED_ON);
  const char *check_date = get_field_string (self, FIELD_CHECK_DATE);

  if (annex_field_date_is_valid (raised_on) && annex_field_date_is_valid (check_date) &&
      strcmp (check_date, raised_on) < 0)
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("The effectiveness check cannot be before the nonconformity was "
                             "raised"));
      return FALSE;
    }

  if (g_strcmp0 (get_field_string (self, FIELD_STATUS), "closed") == 0 &&
      (g_strcmp0 (get_field_string (self, FIELD_CHECK_RESULT), "effective") != 0 ||
       check_date == NULL ||
       annex_field_text_is_blank (get_field_string (self, FIELD_CHECK_BY))))
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("A nonconformity can only be closed once the effectiveness of its "
                             "corrective actions was checked: fill in the check date, who "
                             "checked it and the result “Effective”."));
      return FALSE;
    }

  return TRUE;
}

static void
annex_nonconformity_field_changed (AnnexRecord *record,
                                   guint        index)
{
  switch (index)
    {
    case FIELD_SOURCE:
      g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_SOURCE_LABEL]);
      break;

    case FIELD_GRADE:
      g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_GRADE_LABEL]);
      break;

    case FIELD_CHECK_RESULT:
      g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_CHECK_RESULT_LABEL]);
      break;

    case FIELD_STATUS:
      g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_STATUS_LABEL]);
      g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_IS_OPEN]);
      break;

    default:
      break;
    }
}

static void
annex_nonconformity_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AnnexNonconformity *self = ANNEX_NONCONFORMITY (object);
  AnnexRecord *record = ANNEX_RECORD (object);

  if (pspec->owner_type != ANNEX_TYPE_NONCONFORMITY || prop_id >= ANNEX_RECORD_FIRST_FIELD_PROP)
    {
      G_OBJECT_CLASS (annex_nonconformity_parent_class)->get_property (object, prop_id, value,
                                                                       pspec);
      return;
    }

  switch (prop_id)
    {
    case PROP_SOURCE_LABEL:
      g_value_set_string (value, annex_record_get_choice_label (record, FIELD_SOURCE));
      break;

    case PROP_GRADE_LABEL:
      g_value_set_string (value, annex_record_get_choice_label (record, FIELD_GRADE));
      break;

    case PROP_CHECK_RESULT_LABEL:
      g_value_set_string (value, annex_record_get_choice_label (record, FIELD_CHECK_RESULT));
      break;

    case PROP_STATUS_LABEL:
      g_value_set_string (value, annex_record_get_choice_label (record, FIELD_STATUS));
      break;

    case PROP_OVERDUE:
      g_value_set_boolean (value, self->overdue);
      break;

    case PROP_IS_OPEN:
      g_value_set_boolean (value, annex_nonconformity_is_open (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_nonconformity_class_init (AnnexNonconformityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AnnexRecordClass *record_class = ANNEX_RECORD_CLASS (klass);

  object_class->get_property = annex_nonconformity_get_property;

  record_class->validate = annex_nonconformity_validate;
  record_class->field_changed = annex_nonconformity_field_changed;

  annex_record_class_install_fields (record_class, "nonconformities", "NC-", fields, N_FIELDS);
  annex_record_class_set_yearly_reference (record_class, "raised-on");

  properties[PROP_SOURCE_LABEL] =
    g_param_spec_string ("source-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GRADE_LABEL] =
    g_param_spec_string ("grade-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHECK_RESULT_LABEL] =
    g_param_spec_string ("check-result-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_LABEL] =
    g_param_spec_string ("status-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OVERDUE] =
    g_param_spec_boolean ("overdue", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_OPEN] =
    g_param_spec_boolean ("is-open", NULL, NULL,
                          TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
annex_nonconformity_init (AnnexNonconformity *self)
{
}

/**
 * annex_nonconformity_new:
 *
 * Returns: (transfer full): a new, unsaved nonconformity (source other, minor, open)
 */
AnnexNonconformity *
annex_nonconformity_new (void)
{
  return g_object_new (ANNEX_TYPE_NONCONFORMITY, NULL);
}

#define DEFINE_STRING_GETTER(name, index)                           \
  const char *                                                      \
  annex_nonconformity_get_##name (AnnexNonconformity *self)         \
  {                                                                 \
    g_return_val_if_fail (ANNEX_IS_NONCONFORMITY (self), NULL);     \
    return get_field_string (self, index);                          \
  }

DEFINE_STRING_GETTER (title, FIELD_TITLE)
DEFINE_STRING_GETTER (source, FIELD_SOURCE)
DEFINE_STRING_GETTER (source_reference, FIELD_SOURCE_REFERENCE)
DEFINE_STRING_GETTER (concerns, FIELD_CONCERNS)
DEFINE_STRING_GETTER (raised_on, FIELD_RAISED_ON)
DEFINE_STRING_GETTER (owner, FIELD_OWNER)
DEFINE_STRING_GETTER (check_result, FIELD_CHECK_RESULT)
DEFINE_STRING_GETTER (status, FIELD_STATUS)

#undef DEFINE_STRING_GETTER

gboolean
annex_nonconformity_is_open (AnnexNonconformity *self)
{
  g_return_val_if_fail (ANNEX_IS_NONCONFORMITY (self), FALSE);
  return g_strcmp0 (get_field_string (self, FIELD_STATUS), "closed") != 0;
}

/* The reference of a nonconformity raised from @source / @source_reference, or NULL. */
static gboolean
find_raised_from (AnnexDatabase  *db,
                  const char     *source,
                  const char     *source_reference,
                  char          **out_reference,
                  GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *out_reference = NULL;

  stmt = annex_database_prepare (db,
                                 "SELECT reference FROM nonconformities "
                                 "WHERE source = ? AND source_reference = ? "
                                 "ORDER BY id LIMIT 1",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, source, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, source_reference, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_reference = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      annex_store_set_error_from_sqlite (error, annex_database_get_handle (db), rc,
                                         _("Could not raise the nonconformity"));
      return FALSE;
    }

  return TRUE;
}

/* Refuses a second nonconformity from the same finding or incident. */
static gboolean
check_not_raised (AnnexDatabase  *db,
                  const char     *source,
                  const char     *source_reference,
                  GError        **error)
{
  g_autofree char *existing = NULL;

  if (!find_raised_from (db, source, source_reference, &existing, error))
    return FALSE;

  if (existing != NULL)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                   /* Translators: the first %s is a nonconformity id ("NC-2026-03"), the
                    * second a finding or incident id */
                   _("Nonconformity %s was raised from %s already"), existing, source_reference);
      return FALSE;
    }

  return TRUE;
}

/* The first non-blank line of @text, shortened to MAX_DERIVED_TITLE_CHARS with an ellipsis. */
static char *
dup_title_from_text (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (line[0] == '\0')
        continue;

      if (g_utf8_strlen (line, -1) > MAX_DERIVED_TITLE_CHARS)
        {
          g_autofree char *shortened = g_utf8_substring (line, 0, MAX_DERIVED_TITLE_CHARS - 1);

          return g_strconcat (g_strchomp (shortened), "…", NULL);
        }

      return g_strdup (line);
    }

  return g_strdup ("");
}

static AnnexNonconformity *
add_raised (AnnexRegister       *nonconformities,
            AnnexNonconformity  *nonconformity,
            GError             **error)
{
  if (!annex_register_add (nonconformities, ANNEX_RECORD (nonconformity), error))
    return NULL;

  /* The register holds it now. */
  return nonconformity;
}

/**
 * annex_nonconformity_raise_from_finding:
 * @finding: a saved finding (major or minor nonconformity)
 * @nonconformities: the register of #AnnexNonconformity
 * @error: return location for an error
 *
 * Returns: (transfer none) (nullable): the new nonconformity, an item of @nonconformities
 */
AnnexNonconformity *
annex_nonconformity_raise_from_finding (AnnexFinding   *finding,
                                        AnnexRegister  *nonconformities,
                                        GError        **error)
{
  g_autoptr(AnnexNonconformity) nonconformity = NULL;
  g_autoptr(GString) description = NULL;
  g_autofree char *title = NULL;
  g_autofree char *today = NULL;
  const char *reference;
  const char *evidence;
  AnnexRecord *record;

  g_return_val_if_fail (ANNEX_IS_FINDING (finding), NULL);
  g_return_val_if_fail (annex_record_get_id (ANNEX_RECORD (finding)) > 0, NULL);
  g_return_val_if_fail (ANNEX_IS_REGISTER (nonconformities), NULL);
  g_return_val_if_fail (annex_register_get_record_type (nonconformities) ==
                        ANNEX_TYPE_NONCONFORMITY, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!annex_finding_is_nonconformity (finding))
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("Only a finding classified as a major or minor nonconformity can "
                             "raise a nonconformity"));
      return NULL;
    }

  reference = annex_record_get_reference (ANNEX_RECORD (finding));
  if (!check_not_raised (annex_register_get_database (nonconformities), "audit", reference,
                         error))
    return NULL;

  nonconformity = annex_nonconformity_new ();
  record = ANNEX_RECORD (nonconformity);
  today = annex_field_dup_today ();
  title = dup_title_from_text (annex_finding_get_description (finding));

  description = g_string_new (annex_finding_get_description (finding));
  evidence = annex_finding_get_evidence (finding);
  if (!annex_field_text_is_blank (evidence))
    {
      g_string_append (description, "\n\n");
      /* Translators: heads the evidence copied from a finding into a nonconformity */
      g_string_append_printf (description, _("Evidence: %s"), evidence);
    }

  annex_record_set_string (record, "title", title);
  annex_record_set_string (record, "source", "audit");
  annex_record_set_string (record, "source-reference", reference);
  annex_record_set_string (record, "grade", annex_finding_get_classification (finding));
  annex_record_set_string (record, "concerns", annex_finding_get_concerns (finding));
  annex_record_set_string (record, "raised-on", today);
  annex_record_set_string (record, "description", description->str);

  return add_raised (nonconformities, nonconformity, error);
}

/**
 * annex_nonconformity_raise_from_incident:
 * @incident: a saved incident
 * @nonconformities: the register of #AnnexNonconformity
 * @error: return location for an error
 *
 * Returns: (transfer none) (nullable): the new nonconformity, an item of @nonconformities
 */
AnnexNonconformity *
annex_nonconformity_raise_from_incident (AnnexIncident  *incident,
                                         AnnexRegister  *nonconformities,
                                         GError        **error)
{
  g_autoptr(AnnexNonconformity) nonconformity = NULL;
  g_autofree char *today = NULL;
  const char *reference;
  AnnexRecord *record;

  g_return_val_if_fail (ANNEX_IS_INCIDENT (incident), NULL);
  g_return_val_if_fail (annex_record_get_id (ANNEX_RECORD (incident)) > 0, NULL);
  g_return_val_if_fail (ANNEX_IS_REGISTER (nonconformities), NULL);
  g_return_val_if_fail (annex_register_get_record_type (nonconformities) ==
                        ANNEX_TYPE_NONCONFORMITY, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reference = annex_record_get_reference (ANNEX_RECORD (incident));
  if (!check_not_raised (annex_register_get_database (nonconformities), "incident", reference,
                         error))
    return NULL;

  nonconformity = annex_nonconformity_new ();
  record = ANNEX_RECORD (nonconformity);
  today = annex_field_dup_today ();

  annex_record_set_string (record, "title", annex_incident_get_title (incident));
  annex_record_set_string (record, "source", "incident");
  annex_record_set_string (record, "source-reference", reference);
  annex_record_set_string (record, "raised-on", today);
  annex_record_set_string (record, "description", annex_incident_get_description (incident));

  return add_raised (nonconformities, nonconformity, error);
}

gboolean
annex_nonconformity_owns_action (AnnexNonconformity *self,
                                 AnnexAction        *action)
{
  g_autofree char *origin_reference = NULL;
  const char *reference;
  const char *text;

  g_return_val_if_fail (ANNEX_IS_NONCONFORMITY (self), FALSE);
  g_return_val_if_fail (ANNEX_IS_ACTION (action), FALSE);

  reference = annex_record_get_reference (ANNEX_RECORD (self));
  if (reference == NULL)
    return FALSE;

  if (g_strcmp0 (annex_record_get_string (ANNEX_RECORD (action), "origin"),
                 "corrective-action") != 0)
    return FALSE;

  text = annex_record_get_string (ANNEX_RECORD (action), "origin-reference");
  if (text == NULL)
    return FALSE;

  origin_reference = g_strstrip (g_strdup (text));
  return strcmp (origin_reference, reference) == 0;
}

/**
 * annex_nonconformity_dup_actions:
 * @self: a nonconformity
 * @actions: a list model of #AnnexAction
 *
 * Returns: (transfer full) (element-type AnnexAction): its corrective actions
 */
GPtrArray *
annex_nonconformity_dup_actions (AnnexNonconformity *self,
                                 GListModel         *actions)
{
  GPtrArray *result;
  guint n;

  g_return_val_if_fail (ANNEX_IS_NONCONFORMITY (self), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (actions), NULL);

  result = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (actions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexAction) action = g_list_model_get_item (actions, i);

      if (annex_nonconformity_owns_action (self, action))
        g_ptr_array_add (result, g_steal_pointer (&action));
    }

  return result;
}

static void
reload_quietly (AnnexRegister *register_)
{
  g_autoptr(GError) error = NULL;

  if (!annex_register_load (register_, &error))
    g_warning ("Could not reload a register: %s", error->message);
}

/**
 * annex_nonconformity_add_action:
 * @nonconformities: the register of #AnnexNonconformity that holds @self
 * @self: a saved nonconformity
 * @actions: the register of #AnnexAction
 * @title: the action's title
 * @owner: (nullable): its owner; %NULL: the nonconformity's
 * @due_date: (nullable): its due date ("YYYY-MM-DD")
 * @error: return location for an error
 *
 * Returns: (transfer none) (nullable): the new corrective action, an item of @actions
 */
AnnexAction *
annex_nonconformity_add_action (AnnexRegister       *nonconformities,
                                AnnexNonconformity  *self,
                                AnnexRegister       *actions,
                                const char          *title,
                                const char          *owner,
                                const char          *due_date,
                                GError             **error)
{
  g_autoptr(AnnexAction) action = NULL;
  AnnexDatabase *db;
  gboolean planned = FALSE;

  g_return_val_if_fail (ANNEX_IS_REGISTER (nonconformities), NULL);
  g_return_val_if_fail (ANNEX_IS_NONCONFORMITY (self), NULL);
  g_return_val_if_fail (annex_record_get_id (ANNEX_RECORD (self)) > 0, NULL);
  g_return_val_if_fail (ANNEX_IS_REGISTER (actions), NULL);
  g_return_val_if_fail (annex_register_get_record_type (actions) == ANNEX_TYPE_ACTION, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = annex_register_get_database (actions);

  action = annex_action_new ();
  annex_action_set_title (action, title);
  annex_record_set_string (ANNEX_RECORD (action), "owner",
                           owner != NULL ? owner : annex_nonconformity_get_owner (self));
  annex_record_set_string (ANNEX_RECORD (action), "due-date", due_date);
  annex_record_set_string (ANNEX_RECORD (action), "origin", "corrective-action");
  annex_record_set_string (ANNEX_RECORD (action), "origin-reference",
                           annex_record_get_reference (ANNEX_RECORD (self)));

  if (!annex_database_begin (db, error))
    return NULL;

  if (!annex_register_add (actions, ANNEX_RECORD (action), error))
    goto failed;

  if (g_strcmp0 (annex_nonconformity_get_status (self), "open") == 0)
    {
      planned = TRUE;
      annex_record_set_string (ANNEX_RECORD (self), "status", "action-planned");
      if (!annex_register_save (nonconformities, ANNEX_RECORD (self), error))
        goto failed;
    }

  if (!annex_database_commit (db, error))
    {
      reload_quietly (actions);
      reload_quietly (nonconformities);
      return NULL;
    }

  return action;

failed:
  annex_database_rollback (db);
  if (planned)
    {
      annex_record_set_string (ANNEX_RECORD (self), "status", "open");
      reload_quietly (nonconformities);
    }
  reload_quietly (actions);
  return NULL;
}

gboolean
annex_nonconformity_is_overdue_on (AnnexNonconformity *self,
                                   GListModel         *actions,
                                   const char         *today)
{
  guint n;

  g_return_val_if_fail (ANNEX_IS_NONCONFORMITY (self), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (actions), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  if (!annex_nonconformity_is_open (self))
    return FALSE;

  n = g_list_model_get_n_items (actions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexAction) action = g_list_model_get_item (actions, i);

      if (annex_nonconformity_owns_action (self, action) &&
          annex_action_is_overdue_on (action, today))
        return TRUE;
    }

  return FALSE;
}

gboolean
annex_nonconformity_get_overdue (AnnexNonconformity *self)
{
  g_return_val_if_fail (ANNEX_IS_NONCONFORMITY (self), FALSE);
  return self->overdue;
}

void
annex_nonconformity_set_overdue (AnnexNonconformity *self,
                                 gboolean            overdue)
{
  g_return_if_fail (ANNEX_IS_NONCONFORMITY (self));

  overdue = !!overdue;
  if (self->overdue == overdue)
    return;

  self->overdue = overdue;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE]);
}

void
annex_nonconformity_update_overdue (GListModel *nonconformities,
                                    GListModel *actions)
{
  g_autoptr(GHashTable) overdue_references = NULL;
  g_autofree char *today = NULL;
  guint n;

  g_return_if_fail (G_IS_LIST_MODEL (nonconformities));
  g_return_if_fail (G_IS_LIST_MODEL (actions));

  today = annex_field_dup_today ();

  /* One pass over the actions, not one per nonconformity. */
  overdue_references = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  n = g_list_model_get_n_items (actions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexAction) action = g_list_model_get_item (actions, i);
      const char *origin_reference;

      if (g_strcmp0 (annex_record_get_string (ANNEX_RECORD (action), "origin"),
                     "corrective-action") != 0 ||
          !annex_action_is_overdue_on (action, today))
        continue;

      origin_reference = annex_record_get_string (ANNEX_RECORD (action), "origin-reference");
      if (origin_reference != NULL)
        g_hash_table_add (overdue_references, g_strstrip (g_strdup (origin_reference)));
    }

  n = g_list_model_get_n_items (nonconformities);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexNonconformity) nonconformity = g_list_model_get_item (nonconformities, i);
      const char *reference = annex_record_get_reference (ANNEX_RECORD (nonconformity));

      annex_nonconformity_set_overdue (nonconformity,
                                       annex_nonconformity_is_open (nonconformity) &&
                                       reference != NULL &&
                                       g_hash_table_contains (overdue_references, reference));
    }
}

gboolean
annex_nonconformity_count_open (AnnexDatabase  *db,
                                gint64         *out_n_open,
                                GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out_n_open != NULL, FALSE);

  *out_n_open = 0;

  stmt = annex_database_prepare (db,
                                 "SELECT count(*) FROM nonconformities WHERE status <> 'closed'",
                                 error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_n_open = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    {
      annex_store_set_error_from_sqlite (error, annex_database_get_handle (db), rc,
                                         _("Could not count the nonconformities"));
      return FALSE;
    }

  return TRUE;
}
