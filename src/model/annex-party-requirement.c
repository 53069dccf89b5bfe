/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-party-requirement.c: the requirement of an interested party (4.2 b, c): its field table,
 * the rule that its party exists, and the label properties. */

#define G_LOG_DOMAIN "annex-party-requirement"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "annex-party-requirement.h"
#include "annex-store-error.h"

struct _AnnexPartyRequirement
{
  AnnexRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AnnexPartyRequirement, annex_party_requirement, ANNEX_TYPE_RECORD)

/* Indexes into fields[]. */
enum {
  FIELD_PARTY_ID,
  FIELD_TYPE,
  FIELD_REQUIREMENT,
  FIELD_ADDRESSED,
  FIELD_HOW,
  N_FIELDS
};

static const AnnexFieldChoice type_choices[] = {
  { "legal", N_("Legal or regulatory") },
  { "contractual", N_("Contractual") },
  { "other", N_("Other") },
  { NULL, NULL }
};

static const AnnexFieldChoice addressed_choices[] = {
  { "undecided", N_("Not yet decided") },
  { "yes", N_("Yes") },
  { "partly", N_("Partly") },
  { "no", N_("No") },
  { NULL, NULL }
};

static const AnnexField fields[N_FIELDS] = {
  [FIELD_PARTY_ID] = {
    "party-id", "party_id", ANNEX_FIELD_INT, N_("Interested party"),
    ANNEX_FIELD_FLAG_NONE,
    NULL, "0"
  },
  [FIELD_TYPE] = {
    "type", "type", ANNEX_FIELD_CHOICE, N_("Type"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_FILTER,
    type_choices, "legal"
  },
  [FIELD_REQUIREMENT] = {
    "requirement", "requirement", ANNEX_FIELD_LONG_TEXT, N_("Requirement"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_ADDRESSED] = {
    "addressed", "addressed", ANNEX_FIELD_CHOICE, N_("Addressed by the ISMS"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_FILTER,
    addressed_choices, "undecided"
  },
  [FIELD_HOW] = {
    "how", "how", ANNEX_FIELD_LONG_TEXT, N_("How it is addressed"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
};

enum {
  PROP_0,
  PROP_TYPE_LABEL,
  PROP_ADDRESSED_LABEL,
  PROP_DISPLAY_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
annex_party_requirement_field_changed (AnnexRecord *record,
                                       guint        index)
{
  if (index == FIELD_TYPE)
    g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_TYPE_LABEL]);
  else if (index == FIELD_ADDRESSED)
    g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_ADDRESSED_LABEL]);
  else if (index == FIELD_REQUIREMENT)
    g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_DISPLAY_TITLE]);
}

/* The editor's heading: the first line of the requirement, shortened. */
static char *
dup_display_title (AnnexRecord *record)
{
  const char *text = g_value_get_string (annex_record_get_value (record, FIELD_REQUIREMENT));
  g_autofree char *line = NULL;
  const char *end;

  if (annex_field_text_is_blank (text))
    return g_strdup (_("New requirement"));

  end = strchr (text, '\n');
  line = g_strstrip (end != NULL ? g_strndup (text, end - text) : g_strdup (text));
  if (g_utf8_strlen (line, -1) > 80)
    {
      g_autofree char *start = g_utf8_substring (line, 0, 79);

      return g_strconcat (start, "…", NULL);
    }

  return g_steal_pointer (&line);
}

static gboolean
annex_party_requirement_validate (AnnexRecord  *record,
                                  GError      **error)
{
  if (annex_party_requirement_get_party_id (ANNEX_PARTY_REQUIREMENT (record)) <= 0)
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("A requirement belongs to an interested party: choose one"));
      return FALSE;
    }

  return TRUE;
}

/* The foreign key would refuse a missing party too, but without a sentence for the user. */
static gboolean
annex_party_requirement_check_write (AnnexRecord       *record,
                                     AnnexDatabase     *db,
                                     AnnexRecordWrite   write,
                                     GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (write == ANNEX_RECORD_WRITE_REMOVE)
    return TRUE;

  stmt = annex_database_prepare (db, "SELECT 1 FROM parties WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1,
                      annex_party_requirement_get_party_id (ANNEX_PARTY_REQUIREMENT (record)));
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("The interested party of this requirement no longer exists"));
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
annex_party_requirement_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AnnexRecord *record = ANNEX_RECORD (object);

  if (pspec->owner_type != ANNEX_TYPE_PARTY_REQUIREMENT || prop_id >= ANNEX_RECORD_FIRST_FIELD_PROP)
    {
      G_OBJECT_CLASS (annex_party_requirement_parent_class)->get_property (object, prop_id, value,
                                                                           pspec);
      return;
    }

  switch (prop_id)
    {
    case PROP_TYPE_LABEL:
      g_value_set_string (value, annex_record_get_choice_label (record, FIELD_TYPE));
      break;

    case PROP_ADDRESSED_LABEL:
      g_value_set_string (value, annex_record_get_choice_label (record, FIELD_ADDRESSED));
      break;

    case PROP_DISPLAY_TITLE:
      g_value_take_string (value, dup_display_title (record));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_party_requirement_class_init (AnnexPartyRequirementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AnnexRecordClass *record_class = ANNEX_RECORD_CLASS (klass);

  object_class->get_property = annex_party_requirement_get_property;

  record_class->field_changed = annex_party_requirement_field_changed;
  record_class->validate = annex_party_requirement_validate;
  record_class->check_write = annex_party_requirement_check_write;

  annex_record_class_install_fields (record_class, "party_requirements", "PR-", fields, N_FIELDS);

  properties[PROP_TYPE_LABEL] =
    g_param_spec_string ("type-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ADDRESSED_LABEL] =
    g_param_spec_string ("addressed-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_TITLE] =
    g_param_spec_string ("display-title", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
annex_party_requirement_init (AnnexPartyRequirement *self)
{
}

/**
 * annex_party_requirement_new:
 * @party_id: the id of its interested party
 *
 * Returns: (transfer full): a new, unsaved requirement of the party (legal, not yet decided)
 */
AnnexPartyRequirement *
annex_party_requirement_new (gint64 party_id)
{
  AnnexPartyRequirement *self = g_object_new (ANNEX_TYPE_PARTY_REQUIREMENT, NULL);

  annex_record_set_int (ANNEX_RECORD (self), "party-id", party_id);
  return self;
}

gint64
annex_party_requirement_get_party_id (AnnexPartyRequirement *self)
{
  g_return_val_if_fail (ANNEX_IS_PARTY_REQUIREMENT (self), 0);
  return g_value_get_int64 (annex_record_get_value (ANNEX_RECORD (self), FIELD_PARTY_ID));
}

const char *
annex_party_requirement_get_requirement (AnnexPartyRequirement *self)
{
  g_return_val_if_fail (ANNEX_IS_PARTY_REQUIREMENT (self), NULL);
  return g_value_get_string (annex_record_get_value (ANNEX_RECORD (self), FIELD_REQUIREMENT));
}

const char *
annex_party_requirement_get_addressed (AnnexPartyRequirement *self)
{
  g_return_val_if_fail (ANNEX_IS_PARTY_REQUIREMENT (self), NULL);
  return g_value_get_string (annex_record_get_value (ANNEX_RECORD (self), FIELD_ADDRESSED));
}
