/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-risk-register.c: the risk register with its method: keeps the risks scored with the
 * method in force, re-maps them on a method change, and counts them for the heat map. */

#define G_LOG_DOMAIN "annex-risk-register"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "annex-risk-private.h"
#include "annex-risk-register.h"
#include "annex-store-error.h"

struct _AnnexRiskRegister
{
  GObject parent_instance;

  /* owned */
  AnnexDatabase   *database;
  AnnexRegister   *register_;
  AnnexRiskMethod *method;
  GError          *method_error;
  char            *method_json;   /* the setting the method was read from (NULL: unset) */
};

G_DEFINE_FINAL_TYPE (AnnexRiskRegister, annex_risk_register, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_REGISTER,
  PROP_METHOD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- Boxed re-mapping entries ------------------------------------------------------------- */

G_DEFINE_BOXED_TYPE (AnnexRiskRemap, annex_risk_remap, annex_risk_remap_copy,
                     annex_risk_remap_free)

AnnexRiskRemap *
annex_risk_remap_copy (const AnnexRiskRemap *remap)
{
  AnnexRiskRemap *copy;

  g_return_val_if_fail (remap != NULL, NULL);

  copy = g_memdup2 (remap, sizeof *remap);
  copy->risk = remap->risk != NULL ? g_object_ref (remap->risk) : NULL;
  copy->problem = g_strdup (remap->problem);

  return copy;
}

void
annex_risk_remap_free (AnnexRiskRemap *remap)
{
  if (remap == NULL)
    return;

  g_clear_object (&remap->risk);
  g_free (remap->problem);
  g_free (remap);
}

/* ---- Counting ----------------------------------------------------------------------------- */

/**
 * annex_risk_heat_map_compute:
 * @map: (out caller-allocates): the counts
 * @risks: a list model of #AnnexRisk
 * @method: the method whose cells and levels are counted
 * @residual: count the residual assessment instead of the inherent one
 */
void
annex_risk_heat_map_compute (AnnexRiskHeatMap *map,
                             GListModel       *risks,
                             AnnexRiskMethod  *method,
                             gboolean          residual)
{
  guint n_items;
  guint n_l, n_i;
  guint grid[ANNEX_RISK_METHOD_MAX_LEVELS][ANNEX_RISK_METHOD_MAX_LEVELS];

  g_return_if_fail (map != NULL);
  g_return_if_fail (G_IS_LIST_MODEL (risks));
  g_return_if_fail (ANNEX_IS_RISK_METHOD (method));

  memset (map, 0, sizeof *map);
  n_l = map->n_likelihoods = annex_risk_method_get_n_likelihoods (method);
  n_i = map->n_impacts = annex_risk_method_get_n_impacts (method);
  map->n_levels = annex_risk_method_get_n_levels (method);

  n_items = g_list_model_get_n_items (risks);
  map->total = n_items;

  for (guint i = 0; i < n_items; i++)
    {
      GObject *item = g_list_model_get_item (risks, i);
      const guint8 *assessment;
      guint likelihood, impact;

      if (G_UNLIKELY (!ANNEX_IS_RISK (item)))
        {
          map->total--;
          g_clear_object (&item);
          continue;
        }

      assessment = _annex_risk_peek_assessment ((AnnexRisk *) item);
      likelihood = assessment[residual ? 2 : 0];
      impact = assessment[residual ? 3 : 1];
      g_object_unref (item);

      if (likelihood >= 1 && likelihood <= n_l && impact >= 1 && impact <= n_i)
        map->cells[likelihood - 1][impact - 1]++;
    }

  /* Levels from the cells: one lookup per cell instead of one per risk. */
  for (guint l = 1; l <= n_l; l++)
    for (guint i = 1; i <= n_i; i++)
      grid[l - 1][i - 1] = annex_risk_method_get_level (method, l, i);

  map->levels[0] = map->total;
  for (guint l = 0; l < n_l; l++)
    for (guint i = 0; i < n_i; i++)
      {
        map->levels[grid[l][i]] += map->cells[l][i];
        map->levels[0] -= map->cells[l][i];
      }
}

guint
annex_risk_heat_map_get (const AnnexRiskHeatMap *map,
                         guint                   likelihood,
                         guint                   impact)
{
  g_return_val_if_fail (map != NULL, 0);

  if (likelihood < 1 || likelihood > map->n_likelihoods || impact < 1 || impact > map->n_impacts)
    return 0;

  return map->cells[likelihood - 1][impact - 1];
}

/**
 * annex_risk_count_residual_levels:
 * @db: a workspace
 * @method: the method to score with
 * @counts: (array): n_levels + 1 counters, filled
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
annex_risk_count_residual_levels (AnnexDatabase    *db,
                                  AnnexRiskMethod  *method,
                                  guint            *counts,
                                  GError          **error)
{
  sqlite3_stmt *stmt;
  guint n_levels;
  int rc;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (ANNEX_IS_RISK_METHOD (method), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  n_levels = annex_risk_method_get_n_levels (method);
  memset (counts, 0, sizeof *counts * (n_levels + 1));

  stmt = annex_database_prepare (db,
                                 "SELECT residual_likelihood, residual_impact, count(*) "
                                 "FROM risks GROUP BY residual_likelihood, residual_impact",
                                 error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      sqlite3_int64 likelihood = sqlite3_column_int64 (stmt, 0);
      sqlite3_int64 impact = sqlite3_column_int64 (stmt, 1);
      guint level = 0;

      if (likelihood > 0 && likelihood <= ANNEX_RISK_METHOD_MAX_LEVELS &&
          impact > 0 && impact <= ANNEX_RISK_METHOD_MAX_LEVELS)
        level = annex_risk_method_get_level (method, likelihood, impact);

      counts[level] += (guint) sqlite3_column_int64 (stmt, 2);
    }

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_FAILED,
                   _("Could not count the risks: %s"),
                   sqlite3_errmsg (annex_database_get_handle (db)));
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * annex_risk_heat_map_count_residual:
 * @map: (out caller-allocates): the counts
 * @db: a workspace
 * @method: the method whose cells and levels are counted
 * @error: return location for a #GError
 *
 * What annex_risk_heat_map_compute() counts for the residual assessment, straight from the
 * table with one GROUP BY (for the Overview, which needs no register loaded).
 *
 * Returns: %TRUE on success
 */
gboolean
annex_risk_heat_map_count_residual (AnnexRiskHeatMap  *map,
                                    AnnexDatabase     *db,
                                    AnnexRiskMethod   *method,
                                    GError           **error)
{
  sqlite3_stmt *stmt;
  guint n_l, n_i;
  int rc;

  g_return_val_if_fail (map != NULL, FALSE);
  g_return_val_if_fail (ANNEX_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (ANNEX_IS_RISK_METHOD (method), FALSE);

  memset (map, 0, sizeof *map);
  n_l = map->n_likelihoods = annex_risk_method_get_n_likelihoods (method);
  n_i = map->n_impacts = annex_risk_method_get_n_impacts (method);
  map->n_levels = annex_risk_method_get_n_levels (method);

  stmt = annex_database_prepare (db,
                                 "SELECT residual_likelihood, residual_impact, count(*) "
                                 "FROM risks GROUP BY residual_likelihood, residual_impact",
                                 error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      sqlite3_int64 likelihood = sqlite3_column_int64 (stmt, 0);
      sqlite3_int64 impact = sqlite3_column_int64 (stmt, 1);
      guint count = (guint) sqlite3_column_int64 (stmt, 2);

      map->total += count;
      if (likelihood >= 1 && likelihood <= n_l && impact >= 1 && impact <= n_i)
        {
          guint level = annex_risk_method_get_level (method, likelihood, impact);

          map->cells[likelihood - 1][impact - 1] += count;
          map->levels[level] += count;
        }
      else
        map->levels[0] += count;
    }

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_FAILED,
                   _("Could not count the risks: %s"),
                   sqlite3_errmsg (annex_database_get_handle (db)));
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

/* ---- Method ------------------------------------------------------------------------------- */

static void
set_method_on_items (AnnexRiskRegister *self,
                     guint              position,
                     guint              n_items)
{
  GListModel *model = G_LIST_MODEL (self->register_);

  for (guint i = position; i < position + n_items; i++)
    {
      g_autoptr(AnnexRisk) risk = g_list_model_get_item (model, i);

      annex_risk_set_method (risk, self->method);
    }
}

/* Makes @method (may be NULL: the shared default) the method of the register and its risks. */
static void
install_method (AnnexRiskRegister *self,
                AnnexRiskMethod   *method)
{
  if (method == NULL)
    method = annex_risk_method_get_default ();

  if (self->method == method)
    return;

  g_set_object (&self->method, method);
  set_method_on_items (self, 0, g_list_model_get_n_items (G_LIST_MODEL (self->register_)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METHOD]);
}

/* Reads the setting again; does nothing when it did not change. */
static void
reload_method (AnnexRiskRegister *self)
{
  g_autofree char *json = annex_database_dup_setting (self->database, ANNEX_RISK_METHOD_SETTING);
  g_autoptr(AnnexRiskMethod) method = NULL;

  if (self->method != NULL && g_strcmp0 (json, self->method_json) == 0)
    return;

  g_clear_error (&self->method_error);
  g_free (self->method_json);
  self->method_json = g_strdup (json);

  if (json != NULL)
    {
      method = annex_risk_method_new_from_json (json, &self->method_error);
      if (method == NULL)
        g_prefix_error (&self->method_error, _("This workspace’s risk method cannot be read. "));
    }

  install_method (self, method);
}

static void
on_database_changed_cb (AnnexRiskRegister *self,
                        const char        *table,
                        AnnexDatabase     *database)
{
  reload_method (self);
}

static void
on_items_changed_cb (AnnexRiskRegister *self,
                     guint              position,
                     guint              removed,
                     guint              added,
                     GListModel        *model)
{
  set_method_on_items (self, position, added);
}

/* ---- GObject ------------------------------------------------------------------------------ */

static void
annex_risk_register_constructed (GObject *object)
{
  AnnexRiskRegister *self = ANNEX_RISK_REGISTER (object);

  G_OBJECT_CLASS (annex_risk_register_parent_class)->constructed (object);

  g_assert (self->database != NULL);

  self->register_ = annex_register_new (self->database, ANNEX_TYPE_RISK);
  /* First handler of items-changed: risks hold the method before anyone else sees them. */
  g_signal_connect_object (self->register_, "items-changed",
                           G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->database, "changed::workspace",
                           G_CALLBACK (on_database_changed_cb), self, G_CONNECT_SWAPPED);

  reload_method (self);
}

static void
annex_risk_register_dispose (GObject *object)
{
  AnnexRiskRegister *self = ANNEX_RISK_REGISTER (object);

  g_clear_object (&self->register_);
  g_clear_object (&self->method);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (annex_risk_register_parent_class)->dispose (object);
}

static void
annex_risk_register_finalize (GObject *object)
{
  AnnexRiskRegister *self = ANNEX_RISK_REGISTER (object);

  g_clear_error (&self->method_error);
  g_clear_pointer (&self->method_json, g_free);

  G_OBJECT_CLASS (annex_risk_register_parent_class)->finalize (object);
}

static void
annex_risk_register_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AnnexRiskRegister *self = ANNEX_RISK_REGISTER (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_REGISTER:
      g_value_set_object (value, self->register_);
      break;

    case PROP_METHOD:
      g_value_set_object (value, self->method);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_risk_register_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AnnexRiskRegister *self = ANNEX_RISK_REGISTER (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_risk_register_class_init (AnnexRiskRegisterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = annex_risk_register_constructed;
  object_class->dispose = annex_risk_register_dispose;
  object_class->finalize = annex_risk_register_finalize;
  object_class->get_property = annex_risk_register_get_property;
  object_class->set_property = annex_risk_register_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         ANNEX_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGISTER] =
    g_param_spec_object ("register", NULL, NULL,
                         ANNEX_TYPE_REGISTER,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_METHOD] =
    g_param_spec_object ("method", NULL, NULL,
                         ANNEX_TYPE_RISK_METHOD,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
annex_risk_register_init (AnnexRiskRegister *self)
{
}

/**
 * annex_risk_register_new:
 * @database: an open workspace
 *
 * Returns: (transfer full): a new, unloaded risk register
 */
AnnexRiskRegister *
annex_risk_register_new (AnnexDatabase *database)
{
  g_return_val_if_fail (ANNEX_IS_DATABASE (database), NULL);

  return g_object_new (ANNEX_TYPE_RISK_REGISTER, "database", database, NULL);
}

AnnexDatabase *
annex_risk_register_get_database (AnnexRiskRegister *self)
{
  g_return_val_if_fail (ANNEX_IS_RISK_REGISTER (self), NULL);
  return self->database;
}

AnnexRegister *
annex_risk_register_get_register (AnnexRiskRegister *self)
{
  g_return_val_if_fail (ANNEX_IS_RISK_REGISTER (self), NULL);
  return self->register_;
}

AnnexRiskMethod *
annex_risk_register_get_method (AnnexRiskRegister *self)
{
  g_return_val_if_fail (ANNEX_IS_RISK_REGISTER (self), NULL);
  return self->method;
}

const GError *
annex_risk_register_get_method_error (AnnexRiskRegister *self)
{
  g_return_val_if_fail (ANNEX_IS_RISK_REGISTER (self), NULL);
  return self->method_error;
}

/* ---- Re-mapping --------------------------------------------------------------------------- */

static void
remap_pair (AnnexRiskMethod *old_method,
            AnnexRiskMethod *new_method,
            guint            likelihood,
            guint            impact,
            guint           *old_out,
            guint           *new_out)
{
  old_out[0] = likelihood;
  old_out[1] = impact;
  old_out[2] = annex_risk_method_get_level (old_method, likelihood, impact);

  new_out[0] = annex_risk_method_remap_value (likelihood,
                                              annex_risk_method_get_n_likelihoods (old_method),
                                              annex_risk_method_get_n_likelihoods (new_method));
  new_out[1] = annex_risk_method_remap_value (impact,
                                              annex_risk_method_get_n_impacts (old_method),
                                              annex_risk_method_get_n_impacts (new_method));
  new_out[2] = annex_risk_method_get_level (new_method, new_out[0], new_out[1]);
}

static AnnexRiskRemap *
compute_remap (AnnexRisk       *risk,
               AnnexRiskMethod *new_method,
               const char      *today)
{
  AnnexRiskMethod *old_method = annex_risk_get_method (risk);
  AnnexRiskRemap *remap = g_new0 (AnnexRiskRemap, 1);

  remap->risk = g_object_ref (risk);
  remap_pair (old_method, new_method,
              annex_risk_get_inherent_likelihood (risk), annex_risk_get_inherent_impact (risk),
              remap->old_inherent, remap->new_inherent);
  remap_pair (old_method, new_method,
              annex_risk_get_residual_likelihood (risk), annex_risk_get_residual_impact (risk),
              remap->old_residual, remap->new_residual);

  remap->values_changed = remap->old_inherent[0] != remap->new_inherent[0] ||
                          remap->old_inherent[1] != remap->new_inherent[1] ||
                          remap->old_residual[0] != remap->new_residual[0] ||
                          remap->old_residual[1] != remap->new_residual[1];
  remap->level_changed =
    g_strcmp0 (annex_risk_method_get_label (old_method, ANNEX_RISK_SCALE_LEVEL,
                                            remap->old_inherent[2]),
               annex_risk_method_get_label (new_method, ANNEX_RISK_SCALE_LEVEL,
                                            remap->new_inherent[2])) != 0 ||
    g_strcmp0 (annex_risk_method_get_label (old_method, ANNEX_RISK_SCALE_LEVEL,
                                            remap->old_residual[2]),
               annex_risk_method_get_label (new_method, ANNEX_RISK_SCALE_LEVEL,
                                            remap->new_residual[2])) != 0;

  /* Only a retained risk can break the acceptance rule; try it on a copy. */
  if (g_strcmp0 (annex_risk_get_treatment (risk), "retain") == 0)
    {
      g_autoptr(AnnexRisk) copy = ANNEX_RISK (annex_record_copy (ANNEX_RECORD (risk)));
      g_autoptr(GError) error = NULL;

      annex_risk_set_method (copy, new_method);
      annex_risk_set_inherent (copy, remap->new_inherent[0], remap->new_inherent[1]);
      annex_risk_set_residual (copy, remap->new_residual[0], remap->new_residual[1]);

      if (!annex_risk_check_acceptance_on (copy, today, &error))
        remap->problem = g_strdup (error->message);
    }

  return remap;
}

/**
 * annex_risk_register_preview_method:
 * @self: a loaded risk register
 * @method: a new method
 *
 * Returns: (transfer full) (element-type AnnexRiskRemap): one entry per risk, in register order
 */
GPtrArray *
annex_risk_register_preview_method (AnnexRiskRegister *self,
                                    AnnexRiskMethod   *method)
{
  GListModel *model;
  g_autofree char *today = NULL;
  GPtrArray *remaps;
  guint n_items;

  g_return_val_if_fail (ANNEX_IS_RISK_REGISTER (self), NULL);
  g_return_val_if_fail (ANNEX_IS_RISK_METHOD (method), NULL);

  model = G_LIST_MODEL (self->register_);
  n_items = g_list_model_get_n_items (model);
  remaps = g_ptr_array_new_full (n_items, (GDestroyNotify) annex_risk_remap_free);
  today = annex_field_dup_today ();

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AnnexRisk) risk = g_list_model_get_item (model, i);

      g_ptr_array_add (remaps, compute_remap (risk, method, today));
    }

  return remaps;
}

/* Sets the re-mapped values (or the old ones back) on a risk without letting the default review
 * date rule touch "next-review": re-mapping is not an assessment. */
static void
set_remapped_values (AnnexRisk       *risk,
                     AnnexRiskMethod *method,
                     const guint     *inherent,
                     const guint     *residual)
{
  g_autofree char *next_review = g_strdup (annex_risk_get_next_review (risk));

  annex_risk_set_method (risk, method);
  annex_risk_set_inherent (risk, inherent[0], inherent[1]);
  annex_risk_set_residual (risk, residual[0], residual[1]);

  if (g_strcmp0 (next_review, annex_risk_get_next_review (risk)) != 0)
    annex_record_set_string (ANNEX_RECORD (risk), "next-review", next_review);
}

/**
 * annex_risk_register_apply_method:
 * @self: a loaded risk register
 * @method: the new method
 * @error: return location for a #GError
 *
 * Returns: %TRUE when @method is in force and every risk re-mapped; %FALSE with nothing written
 */
gboolean
annex_risk_register_apply_method (AnnexRiskRegister  *self,
                                  AnnexRiskMethod    *method,
                                  GError            **error)
{
  g_autoptr(AnnexRiskMethod) old_method = NULL;
  g_autoptr(AnnexRiskMethod) copy = NULL;
  g_autoptr(GPtrArray) remaps = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  g_autofree char *json = NULL;
  g_autofree char *old_json = NULL;
  gboolean saved = FALSE;

  g_return_val_if_fail (ANNEX_IS_RISK_REGISTER (self), FALSE);
  g_return_val_if_fail (ANNEX_IS_RISK_METHOD (method), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (annex_register_get_loaded (self->register_), FALSE);

  if (!annex_risk_method_validate (method, error))
    return FALSE;

  copy = annex_risk_method_copy (method);
  json = annex_risk_method_to_json (copy);
  old_method = g_object_ref (self->method);

  remaps = annex_risk_register_preview_method (self, copy);
  changed = g_ptr_array_new ();
  for (guint i = 0; i < remaps->len; i++)
    {
      AnnexRiskRemap *remap = g_ptr_array_index (remaps, i);

      if (remap->values_changed || remap->problem != NULL)
        {
          set_remapped_values (remap->risk, copy, remap->new_inherent, remap->new_residual);
          g_ptr_array_add (changed, remap->risk);
        }
    }

  /* Our own "changed::workspace" must not re-read the setting halfway. */
  old_json = g_steal_pointer (&self->method_json);
  self->method_json = g_strdup (json);

  if (!annex_database_begin (self->database, error))
    goto failed;

  if (!annex_database_set_setting (self->database, ANNEX_RISK_METHOD_SETTING, json, error) ||
      (changed->len > 0 && !(saved = annex_register_save_many (self->register_, changed, error))))
    {
      annex_database_rollback (self->database);
      goto failed;
    }

  if (!annex_database_commit (self->database, error))
    goto failed;

  g_clear_error (&self->method_error);
  install_method (self, copy);
  return TRUE;

failed:
  g_free (self->method_json);
  self->method_json = g_steal_pointer (&old_json);

  for (guint i = 0; i < remaps->len; i++)
    {
      AnnexRiskRemap *remap = g_ptr_array_index (remaps, i);

      if (remap->values_changed || remap->problem != NULL)
        set_remapped_values (remap->risk, old_method, remap->old_inherent, remap->old_residual);
    }

  /* save_many wrote into a transaction that did not commit: the items claim a newer "updated";
   * read the stored rows again. */
  if (saved)
    annex_register_load (self->register_, NULL);

  return FALSE;
}
