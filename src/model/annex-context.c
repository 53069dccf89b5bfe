/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-context.c: whether the organization decided if climate change is a relevant issue
 * (4.1, Amd 1:2024): from the issues and a workspace setting. */

#define G_LOG_DOMAIN "annex-context"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-context.h"
#include "annex-register.h"
#include "annex-store-error.h"

static gboolean
is_climate_issue (AnnexIssue *issue)
{
  return annex_issue_get_climate (issue) &&
         g_strcmp0 (annex_issue_get_status (issue), "closed") != 0;
}

/* The first issue of @issues that makes climate change relevant, or NULL (a new reference). */
static AnnexIssue *
find_climate_issue (GListModel *issues)
{
  guint n = g_list_model_get_n_items (issues);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexIssue) issue = g_list_model_get_item (issues, i);

      if (is_climate_issue (issue))
        return g_steal_pointer (&issue);
    }

  return NULL;
}

/**
 * annex_context_get_climate_decision:
 * @db: an open workspace
 * @issues: (nullable): a list model of #AnnexIssue, or %NULL to read them from @db
 * @out_issue: (out) (optional) (transfer full) (nullable): the issue that makes it relevant
 * @out_note: (out) (optional) (transfer full) (nullable): the note, when one is set
 *
 * Returns: the organization's answer to whether climate change is a relevant issue
 */
AnnexClimateDecision
annex_context_get_climate_decision (AnnexDatabase  *db,
                                    GListModel     *issues,
                                    AnnexIssue    **out_issue,
                                    char          **out_note)
{
  g_autoptr(AnnexRegister) own = NULL;
  g_autoptr(AnnexIssue) issue = NULL;
  g_autofree char *note = NULL;
  AnnexClimateDecision decision;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), ANNEX_CLIMATE_UNANSWERED);
  g_return_val_if_fail (issues == NULL || G_IS_LIST_MODEL (issues), ANNEX_CLIMATE_UNANSWERED);

  if (issues == NULL)
    {
      g_autoptr(GError) error = NULL;

      own = annex_register_new (db, ANNEX_TYPE_ISSUE);
      if (!annex_register_load (own, &error))
        g_warning ("Could not read the issues: %s", error->message);
      issues = G_LIST_MODEL (own);
    }

  issue = find_climate_issue (issues);
  note = annex_context_dup_climate_note (db);

  if (issue != NULL)
    decision = ANNEX_CLIMATE_RELEVANT;
  else if (note != NULL)
    decision = ANNEX_CLIMATE_NOT_RELEVANT;
  else
    decision = ANNEX_CLIMATE_UNANSWERED;

  if (out_issue != NULL)
    *out_issue = g_steal_pointer (&issue);
  if (out_note != NULL)
    *out_note = g_steal_pointer (&note);

  return decision;
}

const char *
annex_climate_decision_to_string (AnnexClimateDecision decision)
{
  switch (decision)
    {
    case ANNEX_CLIMATE_RELEVANT:
      return "relevant";
    case ANNEX_CLIMATE_NOT_RELEVANT:
      return "not-relevant";
    case ANNEX_CLIMATE_UNANSWERED:
    default:
      return "unanswered";
    }
}

/**
 * annex_context_dup_climate_note:
 * @db: an open workspace
 *
 * Returns: (transfer full) (nullable): why climate change is not a relevant issue, or %NULL when
 *   no (non-blank) note is set
 */
char *
annex_context_dup_climate_note (AnnexDatabase *db)
{
  g_autofree char *note = NULL;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), NULL);

  note = annex_database_dup_setting (db, ANNEX_CONTEXT_CLIMATE_SETTING);
  if (annex_field_text_is_blank (note))
    return NULL;

  return g_steal_pointer (&note);
}

/**
 * annex_context_set_climate_note:
 * @db: an open workspace
 * @note: why climate change is not a relevant issue
 * @error: return location for an error
 *
 * Returns: %TRUE when the note is recorded
 */
gboolean
annex_context_set_climate_note (AnnexDatabase  *db,
                                const char     *note,
                                GError        **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (annex_field_text_is_blank (note))
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("Say why climate change is not a relevant issue"));
      return FALSE;
    }

  trimmed = g_strstrip (g_strdup (note));
  return annex_database_set_setting (db, ANNEX_CONTEXT_CLIMATE_SETTING, trimmed, error);
}

gboolean
annex_context_clear_climate_note (AnnexDatabase  *db,
                                  GError        **error)
{
  g_return_val_if_fail (ANNEX_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return annex_database_set_setting (db, ANNEX_CONTEXT_CLIMATE_SETTING, NULL, error);
}
