/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-scope-exclusion.c: an exclusion from the scope (4.3): its field table and the rule that
 * only a draft scope's exclusions change. */

#define G_LOG_DOMAIN "annex-scope-exclusion"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "annex-scope-exclusion.h"
#include "annex-store-error.h"

struct _AnnexScopeExclusion
{
  AnnexRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AnnexScopeExclusion, annex_scope_exclusion, ANNEX_TYPE_RECORD)

/* Indexes into fields[]. */
enum {
  FIELD_SCOPE_ID,
  FIELD_EXCLUSION,
  FIELD_JUSTIFICATION,
  N_FIELDS
};

static const AnnexField fields[N_FIELDS] = {
  [FIELD_SCOPE_ID] = {
    "scope-id", "scope_id", ANNEX_FIELD_INT, N_("Scope version"),
    ANNEX_FIELD_FLAG_NONE,
    NULL, "0"
  },
  [FIELD_EXCLUSION] = {
    "exclusion", "exclusion", ANNEX_FIELD_LONG_TEXT, N_("Exclusion"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_JUSTIFICATION] = {
    "justification", "justification", ANNEX_FIELD_LONG_TEXT, N_("Justification"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
};

static gboolean
annex_scope_exclusion_validate (AnnexRecord  *record,
                                GError      **error)
{
  if (annex_scope_exclusion_get_scope_id (ANNEX_SCOPE_EXCLUSION (record)) <= 0)
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("An exclusion belongs to a version of the scope"));
      return FALSE;
    }

  return TRUE;
}

/* Only a draft's exclusions change: an approved scope is a record of what applied. */
static gboolean
annex_scope_exclusion_check_write (AnnexRecord       *record,
                                   AnnexDatabase     *db,
                                   AnnexRecordWrite   write,
                                   GError           **error)
{
  const char *status = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = annex_database_prepare (db, "SELECT status FROM scope_versions WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, annex_scope_exclusion_get_scope_id (ANNEX_SCOPE_EXCLUSION (record)));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    status = (const char *) sqlite3_column_text (stmt, 0);

  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("The version of the scope this exclusion belongs to no longer "
                             "exists"));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      annex_store_set_error_from_sqlite (error, annex_database_get_handle (db), rc,
                                         _("Could not save the record"));
      return FALSE;
    }

  if (g_strcmp0 (status, "draft") != 0)
    {
      sqlite3_reset (stmt);
      if (write == ANNEX_RECORD_WRITE_REMOVE)
        g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                             _("The exclusions of an approved scope cannot be deleted: start a "
                               "new draft of the scope to change them"));
      else
        g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                             _("The exclusions of an approved scope cannot be changed: start a "
                               "new draft of the scope to change them"));
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

static void
annex_scope_exclusion_class_init (AnnexScopeExclusionClass *klass)
{
  AnnexRecordClass *record_class = ANNEX_RECORD_CLASS (klass);

  record_class->validate = annex_scope_exclusion_validate;
  record_class->check_write = annex_scope_exclusion_check_write;

  annex_record_class_install_fields (record_class, "scope_exclusions", "SX-", fields, N_FIELDS);
}

static void
annex_scope_exclusion_init (AnnexScopeExclusion *self)
{
}

/**
 * annex_scope_exclusion_new:
 * @scope_id: the id of its scope version (a draft)
 *
 * Returns: (transfer full): a new, unsaved exclusion of the scope version
 */
AnnexScopeExclusion *
annex_scope_exclusion_new (gint64 scope_id)
{
  AnnexScopeExclusion *self = g_object_new (ANNEX_TYPE_SCOPE_EXCLUSION, NULL);

  annex_record_set_int (ANNEX_RECORD (self), "scope-id", scope_id);
  return self;
}

gint64
annex_scope_exclusion_get_scope_id (AnnexScopeExclusion *self)
{
  g_return_val_if_fail (ANNEX_IS_SCOPE_EXCLUSION (self), 0);
  return g_value_get_int64 (annex_record_get_value (ANNEX_RECORD (self), FIELD_SCOPE_ID));
}

const char *
annex_scope_exclusion_get_exclusion (AnnexScopeExclusion *self)
{
  g_return_val_if_fail (ANNEX_IS_SCOPE_EXCLUSION (self), NULL);
  return g_value_get_string (annex_record_get_value (ANNEX_RECORD (self), FIELD_EXCLUSION));
}

const char *
annex_scope_exclusion_get_justification (AnnexScopeExclusion *self)
{
  g_return_val_if_fail (ANNEX_IS_SCOPE_EXCLUSION (self), NULL);
  return g_value_get_string (annex_record_get_value (ANNEX_RECORD (self), FIELD_JUSTIFICATION));
}
