/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-scope-version.c: the scope of the ISMS as versions: the record, its immutability once
 * approved, one draft at a time, approval, and the version in force on a date. */

#define G_LOG_DOMAIN "annex-scope-version"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "annex-register-private.h"
#include "annex-scope-exclusion.h"
#include "annex-scope-version.h"
#include "annex-store-error.h"

struct _AnnexScopeVersion
{
  AnnexRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AnnexScopeVersion, annex_scope_version, ANNEX_TYPE_RECORD)

/* Indexes into fields[]. */
enum {
  FIELD_STATUS,
  FIELD_STATEMENT,
  FIELD_LOCATIONS,
  FIELD_UNITS,
  FIELD_PROCESSES,
  FIELD_SYSTEMS,
  FIELD_INTERFACES,
  FIELD_CHANGE_SUMMARY,
  FIELD_APPROVED_BY,
  FIELD_APPROVED_ON,
  FIELD_IN_FORCE_FROM,
  N_FIELDS
};

static const AnnexFieldChoice status_choices[] = {
  { "draft", N_("Draft") },
  { "approved", N_("Approved") },
  { "superseded", N_("Superseded") },
  { NULL, NULL }
};

static const AnnexField fields[N_FIELDS] = {
  [FIELD_STATUS] = {
    "status", "status", ANNEX_FIELD_CHOICE, N_("Status"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_FILTER |
    ANNEX_FIELD_FLAG_READ_ONLY,
    status_choices, "draft"
  },
  [FIELD_STATEMENT] = {
    "statement", "statement", ANNEX_FIELD_LONG_TEXT, N_("Scope statement"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_LOCATIONS] = {
    "locations", "locations", ANNEX_FIELD_LONG_TEXT, N_("Locations"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_UNITS] = {
    "units", "units", ANNEX_FIELD_LONG_TEXT, N_("Organizational units"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_PROCESSES] = {
    "processes", "processes", ANNEX_FIELD_LONG_TEXT, N_("Processes"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_SYSTEMS] = {
    "systems", "systems", ANNEX_FIELD_LONG_TEXT, N_("Information systems"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_INTERFACES] = {
    "interfaces", "interfaces", ANNEX_FIELD_LONG_TEXT, N_("Interfaces and dependencies"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_CHANGE_SUMMARY] = {
    "change-summary", "change_summary", ANNEX_FIELD_LONG_TEXT,
    N_("Changes from the previous version"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_APPROVED_BY] = {
    "approved-by", "approved_by", ANNEX_FIELD_TEXT, N_("Approved by"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_READ_ONLY,
    NULL, NULL
  },
  [FIELD_APPROVED_ON] = {
    "approved-on", "approved_on", ANNEX_FIELD_DATE, N_("Approved on"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_READ_ONLY,
    NULL, NULL
  },
  [FIELD_IN_FORCE_FROM] = {
    "in-force-from", "in_force_from", ANNEX_FIELD_DATE, N_("In force from"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_READ_ONLY,
    NULL, NULL
  },
};

/* The texts a new draft copies from the version in force. */
static const guint copied_fields[] = {
  FIELD_STATEMENT, FIELD_LOCATIONS, FIELD_UNITS, FIELD_PROCESSES, FIELD_SYSTEMS, FIELD_INTERFACES,
};

enum {
  PROP_0,
  PROP_STATUS_LABEL,
  PROP_IS_DRAFT,
  PROP_DISPLAY_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
get_field_string (AnnexScopeVersion *self,
                  guint              index)
{
  return g_value_get_string (annex_record_get_value (ANNEX_RECORD (self), index));
}

static void
set_field_string (AnnexScopeVersion *self,
                  guint              index,
                  const char        *text)
{
  GValue value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  annex_record_set_value (ANNEX_RECORD (self), index, &value);
  g_value_unset (&value);
}

static char *
dup_display_title (AnnexScopeVersion *self)
{
  const char *status = get_field_string (self, FIELD_STATUS);
  const char *from = get_field_string (self, FIELD_IN_FORCE_FROM);

  if (g_strcmp0 (status, "approved") == 0 && from != NULL)
    /* Translators: a version of the scope; %s is a date (YYYY-MM-DD) */
    return g_strdup_printf (_("In force from %s"), from);
  if (g_strcmp0 (status, "superseded") == 0 && from != NULL)
    /* Translators: a version of the scope; %s is a date (YYYY-MM-DD) */
    return g_strdup_printf (_("Superseded, in force from %s"), from);
  if (g_strcmp0 (status, "draft") == 0)
    return g_strdup (_("Draft"));

  return g_strdup (annex_record_get_choice_label (ANNEX_RECORD (self), FIELD_STATUS));
}

static void
annex_scope_version_field_changed (AnnexRecord *record,
                                   guint        index)
{
  switch (index)
    {
    case FIELD_STATUS:
      g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_STATUS_LABEL]);
      g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_IS_DRAFT]);
      g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_DISPLAY_TITLE]);
      break;

    case FIELD_IN_FORCE_FROM:
      g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_DISPLAY_TITLE]);
      break;

    default:
      break;
    }
}

static void
set_immutable_error (GError     **error,
                     const char  *status)
{
  if (g_strcmp0 (status, "superseded") == 0)
    g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                         _("A superseded version of the scope is kept as it was approved and "
                           "cannot be changed or deleted"));
  else
    g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                         _("An approved scope cannot be changed or deleted: start a new draft "
                           "to change it"));
}

static gboolean
annex_scope_version_can_delete (AnnexRecord  *record,
                                GError      **error)
{
  const char *status = get_field_string (ANNEX_SCOPE_VERSION (record), FIELD_STATUS);

  if (g_strcmp0 (status, "draft") != 0)
    {
      set_immutable_error (error, status);
      return FALSE;
    }

  return TRUE;
}

static gboolean
annex_scope_version_validate (AnnexRecord  *record,
                              GError      **error)
{
  AnnexScopeVersion *self = ANNEX_SCOPE_VERSION (record);

  if (g_strcmp0 (get_field_string (self, FIELD_STATUS), "draft") == 0)
    return TRUE;

  /* What approval recorded must stay complete. */
  if (annex_field_text_is_blank (get_field_string (self, FIELD_APPROVED_BY)))
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                   _("“%s” is required"), _(fields[FIELD_APPROVED_BY].label));
      return FALSE;
    }
  if (get_field_string (self, FIELD_APPROVED_ON) == NULL)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                   _("“%s” is required"), _(fields[FIELD_APPROVED_ON].label));
      return FALSE;
    }
  if (get_field_string (self, FIELD_IN_FORCE_FROM) == NULL)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                   _("“%s” is required"), _(fields[FIELD_IN_FORCE_FROM].label));
      return FALSE;
    }

  return TRUE;
}

/* The stored status of version @id (NULL when it does not exist), newly allocated. */
static gboolean
read_stored_status (AnnexDatabase  *db,
                    gint64          id,
                    char          **out_status,
                    GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *out_status = NULL;

  stmt = annex_database_prepare (db, "SELECT status FROM scope_versions WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_status = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      annex_store_set_error_from_sqlite (error, annex_database_get_handle (db), rc,
                                         _("Could not read the record"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
annex_scope_version_check_write (AnnexRecord       *record,
                                 AnnexDatabase     *db,
                                 AnnexRecordWrite   write,
                                 GError           **error)
{
  g_autofree char *stored_status = NULL;
  sqlite3_stmt *stmt;
  int rc;

  switch (write)
    {
    case ANNEX_RECORD_WRITE_SAVE:
    case ANNEX_RECORD_WRITE_REMOVE:
      if (!read_stored_status (db, annex_record_get_id (record), &stored_status, error))
        return FALSE;
      if (stored_status != NULL && strcmp (stored_status, "draft") != 0)
        {
          set_immutable_error (error, stored_status);
          return FALSE;
        }
      return TRUE;

    case ANNEX_RECORD_WRITE_ADD:
    case ANNEX_RECORD_WRITE_RESTORE:
      if (g_strcmp0 (get_field_string (ANNEX_SCOPE_VERSION (record), FIELD_STATUS), "draft") != 0)
        return TRUE;

      stmt = annex_database_prepare (db,
                                     "SELECT 1 FROM scope_versions "
                                     "WHERE status = 'draft' AND id != ?",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, annex_record_get_id (record));
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);

      if (rc == SQLITE_ROW)
        {
          g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                               _("There is a draft of the scope already: edit that draft, or "
                                 "delete it to start another"));
          return FALSE;
        }
      if (rc != SQLITE_DONE)
        {
          annex_store_set_error_from_sqlite (error, annex_database_get_handle (db), rc,
                                             _("Could not save the record"));
          return FALSE;
        }
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

static void
annex_scope_version_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AnnexScopeVersion *self = ANNEX_SCOPE_VERSION (object);

  if (pspec->owner_type != ANNEX_TYPE_SCOPE_VERSION || prop_id >= ANNEX_RECORD_FIRST_FIELD_PROP)
    {
      G_OBJECT_CLASS (annex_scope_version_parent_class)->get_property (object, prop_id, value,
                                                                       pspec);
      return;
    }

  switch (prop_id)
    {
    case PROP_STATUS_LABEL:
      g_value_set_string (value, annex_record_get_choice_label (ANNEX_RECORD (self),
                                                                FIELD_STATUS));
      break;

    case PROP_IS_DRAFT:
      g_value_set_boolean (value, annex_scope_version_is_draft (self));
      break;

    case PROP_DISPLAY_TITLE:
      g_value_take_string (value, dup_display_title (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_scope_version_class_init (AnnexScopeVersionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AnnexRecordClass *record_class = ANNEX_RECORD_CLASS (klass);

  object_class->get_property = annex_scope_version_get_property;

  record_class->field_changed = annex_scope_version_field_changed;
  record_class->validate = annex_scope_version_validate;
  record_class->can_delete = annex_scope_version_can_delete;
  record_class->check_write = annex_scope_version_check_write;

  annex_record_class_install_fields (record_class, "scope_versions", "SC-", fields, N_FIELDS);
  annex_record_class_add_child (record_class, ANNEX_TYPE_SCOPE_EXCLUSION, "scope-id");

  properties[PROP_STATUS_LABEL] =
    g_param_spec_string ("status-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_DRAFT] =
    g_param_spec_boolean ("is-draft", NULL, NULL,
                          TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_TITLE] =
    g_param_spec_string ("display-title", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
annex_scope_version_init (AnnexScopeVersion *self)
{
}

/**
 * annex_scope_version_new:
 *
 * Returns: (transfer full): a new, unsaved, empty draft
 */
AnnexScopeVersion *
annex_scope_version_new (void)
{
  return g_object_new (ANNEX_TYPE_SCOPE_VERSION, NULL);
}

const char *
annex_scope_version_get_status (AnnexScopeVersion *self)
{
  g_return_val_if_fail (ANNEX_IS_SCOPE_VERSION (self), NULL);
  return get_field_string (self, FIELD_STATUS);
}

gboolean
annex_scope_version_is_draft (AnnexScopeVersion *self)
{
  g_return_val_if_fail (ANNEX_IS_SCOPE_VERSION (self), FALSE);
  return g_strcmp0 (get_field_string (self, FIELD_STATUS), "draft") == 0;
}

const char *
annex_scope_version_get_statement (AnnexScopeVersion *self)
{
  g_return_val_if_fail (ANNEX_IS_SCOPE_VERSION (self), NULL);
  return get_field_string (self, FIELD_STATEMENT);
}

const char *
annex_scope_version_get_approved_on (AnnexScopeVersion *self)
{
  g_return_val_if_fail (ANNEX_IS_SCOPE_VERSION (self), NULL);
  return get_field_string (self, FIELD_APPROVED_ON);
}

const char *
annex_scope_version_get_in_force_from (AnnexScopeVersion *self)
{
  g_return_val_if_fail (ANNEX_IS_SCOPE_VERSION (self), NULL);
  return get_field_string (self, FIELD_IN_FORCE_FROM);
}

/* The first (lowest position) item of @versions with @status, or the last one when @last. */
static AnnexScopeVersion *
find_with_status (GListModel *versions,
                  const char *status,
                  gboolean    last)
{
  AnnexScopeVersion *found = NULL;
  guint n = g_list_model_get_n_items (versions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexScopeVersion) version = g_list_model_get_item (versions, i);

      if (g_strcmp0 (get_field_string (version, FIELD_STATUS), status) == 0)
        {
          /* Borrowed: the model keeps its items alive. */
          found = version;
          if (!last)
            break;
        }
    }

  return found;
}

/**
 * annex_scope_version_find_draft:
 * @versions: a list model of #AnnexScopeVersion
 *
 * Returns: (transfer none) (nullable): the draft
 */
AnnexScopeVersion *
annex_scope_version_find_draft (GListModel *versions)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (versions), NULL);
  return find_with_status (versions, "draft", FALSE);
}

/**
 * annex_scope_version_find_current:
 * @versions: a list model of #AnnexScopeVersion
 *
 * Returns: (transfer none) (nullable): the approved version
 */
AnnexScopeVersion *
annex_scope_version_find_current (GListModel *versions)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (versions), NULL);
  return find_with_status (versions, "approved", TRUE);
}

/* Whether @a applied later than @b when both came into force on the same day. */
static gboolean
approved_later (AnnexScopeVersion *a,
                AnnexScopeVersion *b)
{
  int cmp = g_strcmp0 (get_field_string (a, FIELD_APPROVED_ON),
                       get_field_string (b, FIELD_APPROVED_ON));

  if (cmp != 0)
    return cmp > 0;

  return annex_record_get_id (ANNEX_RECORD (a)) > annex_record_get_id (ANNEX_RECORD (b));
}

/**
 * annex_scope_version_in_force_on:
 * @versions: a list model of #AnnexScopeVersion
 * @date: a date, "YYYY-MM-DD"
 *
 * Returns: (transfer none) (nullable): the version that applied on @date
 */
AnnexScopeVersion *
annex_scope_version_in_force_on (GListModel *versions,
                                 const char *date)
{
  AnnexScopeVersion *best = NULL;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (versions), NULL);
  g_return_val_if_fail (annex_field_date_is_valid (date), NULL);

  n = g_list_model_get_n_items (versions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexScopeVersion) version = g_list_model_get_item (versions, i);
      const char *status = get_field_string (version, FIELD_STATUS);
      const char *from = get_field_string (version, FIELD_IN_FORCE_FROM);
      int cmp;

      if (g_strcmp0 (status, "approved") != 0 && g_strcmp0 (status, "superseded") != 0)
        continue;
      /* Both "YYYY-MM-DD": the byte order is the date order. */
      if (!annex_field_date_is_valid (from) || strcmp (from, date) > 0)
        continue;

      if (best == NULL)
        {
          best = version;
          continue;
        }

      cmp = strcmp (from, get_field_string (best, FIELD_IN_FORCE_FROM));
      if (cmp > 0 || (cmp == 0 && approved_later (version, best)))
        best = version;
    }

  return best;
}

/* Reverts the items of @versions (after a failed write inside our transaction) to the stored
 * rows; the write already failed, so a failure here is only logged. */
static void
reload_quietly (AnnexRegister *register_)
{
  g_autoptr(GError) error = NULL;

  if (register_ != NULL && !annex_register_load (register_, &error))
    g_warning ("Could not reload a register: %s", error->message);
}

/**
 * annex_scope_version_new_draft:
 * @versions: the register of #AnnexScopeVersion
 * @exclusions: (nullable): the register of #AnnexScopeExclusion
 * @error: return location for an error
 *
 * Starts a new draft: a copy of the version in force and its exclusions, or an empty one.
 *
 * Returns: (transfer none) (nullable): the new draft, an item of @versions
 */
AnnexScopeVersion *
annex_scope_version_new_draft (AnnexRegister  *versions,
                               AnnexRegister  *exclusions,
                               GError        **error)
{
  AnnexDatabase *db;
  AnnexScopeVersion *current;
  g_autoptr(AnnexScopeVersion) draft = NULL;
  g_autoptr(AnnexRegister) source = NULL;
  AnnexRegister *target;

  g_return_val_if_fail (ANNEX_IS_REGISTER (versions), NULL);
  g_return_val_if_fail (annex_register_get_record_type (versions) == ANNEX_TYPE_SCOPE_VERSION,
                        NULL);
  g_return_val_if_fail (exclusions == NULL || ANNEX_IS_REGISTER (exclusions), NULL);
  g_return_val_if_fail (exclusions == NULL ||
                        annex_register_get_record_type (exclusions) ==
                        ANNEX_TYPE_SCOPE_EXCLUSION, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = annex_register_get_database (versions);
  current = annex_scope_version_find_current (G_LIST_MODEL (versions));

  /* check_write refuses it too; asking first spares the caller a reload after a rollback. */
  if (annex_scope_version_find_draft (G_LIST_MODEL (versions)) != NULL)
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("There is a draft of the scope already: edit that draft, or "
                             "delete it to start another"));
      return NULL;
    }

  draft = annex_scope_version_new ();
  for (guint i = 0; current != NULL && i < G_N_ELEMENTS (copied_fields); i++)
    set_field_string (draft, copied_fields[i], get_field_string (current, copied_fields[i]));

  if (!annex_database_begin (db, error))
    return NULL;

  if (!annex_register_add (versions, ANNEX_RECORD (draft), error))
    {
      /* Nothing reached the registers: no reload needed. */
      annex_database_rollback (db);
      return NULL;
    }

  if (current != NULL)
    {
      gint64 current_id = annex_record_get_id (ANNEX_RECORD (current));
      guint n;

      /* Read the exclusions as stored, whatever the caller's register has loaded. */
      source = annex_register_new (db, ANNEX_TYPE_SCOPE_EXCLUSION);
      if (!annex_register_load (source, error))
        goto failed;
      target = exclusions != NULL ? exclusions : source;

      n = g_list_model_get_n_items (G_LIST_MODEL (source));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AnnexScopeExclusion) exclusion = NULL;
          g_autoptr(AnnexScopeExclusion) copy = NULL;

          exclusion = g_list_model_get_item (G_LIST_MODEL (source), i);

          if (annex_scope_exclusion_get_scope_id (exclusion) != current_id)
            continue;

          copy = annex_scope_exclusion_new (annex_record_get_id (ANNEX_RECORD (draft)));
          annex_record_set_string (ANNEX_RECORD (copy), "exclusion",
                                   annex_scope_exclusion_get_exclusion (exclusion));
          annex_record_set_string (ANNEX_RECORD (copy), "justification",
                                   annex_scope_exclusion_get_justification (exclusion));
          if (!annex_register_add (target, ANNEX_RECORD (copy), error))
            goto failed;
        }
    }

  if (!annex_database_commit (db, error))
    {
      reload_quietly (versions);
      reload_quietly (exclusions);
      return NULL;
    }

  return draft;

failed:
  annex_database_rollback (db);
  reload_quietly (versions);
  reload_quietly (exclusions);
  return NULL;
}

/* The reference of the first exclusion of version @id without a justification, if any. */
static gboolean
find_unjustified_exclusion (AnnexDatabase  *db,
                            gint64          id,
                            char          **out_reference,
                            GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *out_reference = NULL;

  stmt = annex_database_prepare (db,
                                 "SELECT reference FROM scope_exclusions WHERE scope_id = ? "
                                 "AND (justification IS NULL OR trim (justification) = '') "
                                 "ORDER BY id LIMIT 1",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_reference = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      annex_store_set_error_from_sqlite (error, annex_database_get_handle (db), rc,
                                         _("Could not read the register"));
      return FALSE;
    }

  return TRUE;
}

/* What approval sets on the draft. */
static const guint approval_fields[] = {
  FIELD_STATUS, FIELD_APPROVED_BY, FIELD_APPROVED_ON, FIELD_IN_FORCE_FROM,
};

/* After a failed approval: the items get back the values they had, as the stored rows do. */
static void
restore_fields (AnnexScopeVersion  *draft,
                GPtrArray          *saved_draft,
                AnnexScopeVersion  *current,
                const char         *saved_current_status)
{
  for (guint i = 0; i < G_N_ELEMENTS (approval_fields); i++)
    set_field_string (draft, approval_fields[i], g_ptr_array_index (saved_draft, i));
  if (current != NULL)
    set_field_string (current, FIELD_STATUS, saved_current_status);
}

/**
 * annex_scope_version_approve:
 * @versions: the register of #AnnexScopeVersion
 * @draft: its draft
 * @approved_by: who approved it
 * @approved_on: (nullable): the date of approval, "YYYY-MM-DD"; %NULL: today
 * @in_force_from: (nullable): the date it applies from; %NULL: @approved_on
 * @error: return location for an error
 *
 * Approves the draft and supersedes the version approved before it, in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
annex_scope_version_approve (AnnexRegister      *versions,
                             AnnexScopeVersion  *draft,
                             const char         *approved_by,
                             const char         *approved_on,
                             const char         *in_force_from,
                             GError            **error)
{
  AnnexDatabase *db;
  AnnexScopeVersion *current;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *approver = NULL;
  g_autofree char *today = NULL;
  g_autofree char *unjustified = NULL;
  g_autofree char *saved_current_status = NULL;
  g_autoptr(GPtrArray) saved_draft = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (ANNEX_IS_REGISTER (versions), FALSE);
  g_return_val_if_fail (ANNEX_IS_SCOPE_VERSION (draft), FALSE);
  g_return_val_if_fail (annex_register_get_position (versions, ANNEX_RECORD (draft)) != G_MAXUINT,
                        FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!annex_scope_version_is_draft (draft))
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("Only a draft of the scope can be approved"));
      return FALSE;
    }

  if (annex_field_text_is_blank (approved_by))
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("Say who approves the scope"));
      return FALSE;
    }
  approver = g_strstrip (g_strdup (approved_by));

  if (approved_on == NULL)
    approved_on = today = annex_field_dup_today ();
  if (in_force_from == NULL)
    in_force_from = approved_on;

  if (!annex_field_date_is_valid (approved_on) || !annex_field_date_is_valid (in_force_from))
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                   _("“%s” must be a date written as YYYY-MM-DD, not “%s”"),
                   annex_field_date_is_valid (approved_on) ? _("In force from") : _("Approved on"),
                   annex_field_date_is_valid (approved_on) ? in_force_from : approved_on);
      return FALSE;
    }

  if (annex_field_text_is_blank (get_field_string (draft, FIELD_STATEMENT)))
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("Write the scope statement before approving the scope"));
      return FALSE;
    }

  db = annex_register_get_database (versions);
  if (!annex_database_begin (db, error))
    return FALSE;

  if (!find_unjustified_exclusion (db, annex_record_get_id (ANNEX_RECORD (draft)), &unjustified,
                                   error))
    goto failed;
  if (unjustified != NULL)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                   /* Translators: %s is the reference of an exclusion, e.g. SX-003 */
                   _("The exclusion %s needs a justification before the scope can be approved"),
                   unjustified);
      goto failed;
    }

  records = g_ptr_array_new ();
  current = annex_scope_version_find_current (G_LIST_MODEL (versions));
  for (guint i = 0; i < G_N_ELEMENTS (approval_fields); i++)
    g_ptr_array_add (saved_draft, g_strdup (get_field_string (draft, approval_fields[i])));
  if (current != NULL)
    {
      saved_current_status = g_strdup (get_field_string (current, FIELD_STATUS));
      set_field_string (current, FIELD_STATUS, "superseded");
      g_ptr_array_add (records, current);
    }

  set_field_string (draft, FIELD_STATUS, "approved");
  set_field_string (draft, FIELD_APPROVED_BY, approver);
  set_field_string (draft, FIELD_APPROVED_ON, approved_on);
  set_field_string (draft, FIELD_IN_FORCE_FROM, in_force_from);
  g_ptr_array_add (records, draft);

  if (!_annex_register_save_privileged (versions, records, error))
    {
      annex_database_rollback (db);
      restore_fields (draft, saved_draft, current, saved_current_status);
      return FALSE;
    }

  if (!annex_database_commit (db, error))
    {
      restore_fields (draft, saved_draft, current, saved_current_status);
      return FALSE;
    }

  return TRUE;

failed:
  annex_database_rollback (db);
  return FALSE;
}
