/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-risk-method.c: the risk method value object: presets, JSON, validation and lookups. */

#define G_LOG_DOMAIN "annex-risk-method"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "annex-field.h"
#include "annex-risk-method.h"
#include "annex-store-error.h"

#define N_SCALES 3
#define MAX_LEVELS ANNEX_RISK_METHOD_MAX_LEVELS
#define METHOD_JSON_VERSION 1

typedef struct
{
  char *label;
  char *description;
  char *color;        /* risk levels only */
} Entry;

struct _AnnexRiskMethod
{
  GObject parent_instance;

  guint   size[N_SCALES];
  Entry   entries[N_SCALES][MAX_LEVELS];
  guint8  grid[MAX_LEVELS][MAX_LEVELS];  /* [likelihood - 1][impact - 1] → level */
  guint   threshold;
};

G_DEFINE_FINAL_TYPE (AnnexRiskMethod, annex_risk_method, G_TYPE_OBJECT)

/* ---- Presets ------------------------------------------------------------------------------ */

typedef struct
{
  const char *label;
  const char *description;
} PresetEntry;

typedef struct
{
  guint              n_likelihoods;
  guint              n_impacts;
  guint              n_levels;
  const PresetEntry *likelihoods;
  const PresetEntry *impacts;
  const PresetEntry *levels;
  const char *const *colors;
  const guint8      *grid;       /* n_likelihoods × n_impacts, row by likelihood */
  guint              threshold;
} Preset;

static const PresetEntry likelihoods_3[] = {
  { N_("Unlikely"), N_("Not expected in the next few years") },
  { N_("Possible"), N_("Could happen within a year or two") },
  { N_("Likely"), N_("Expected within a year") },
};
static const PresetEntry impacts_3[] = {
  { N_("Minor"), N_("Small disruption, no lasting harm") },
  { N_("Moderate"), N_("Noticeable harm to operations, customers or compliance") },
  { N_("Major"), N_("Serious, lasting harm") },
};
static const PresetEntry levels_3[] = {
  { N_("Low"), N_("Acceptable as it is") },
  { N_("Medium"), N_("Treat or accept explicitly") },
  { N_("High"), N_("Treat with priority") },
};
static const char * const colors_3[] = { "#33d17a", "#f6d32d", "#e01b24" };
static const guint8 grid_3[] = {
  1, 1, 2,
  1, 2, 3,
  2, 3, 3,
};

static const PresetEntry likelihoods_4[] = {
  { N_("Rare"), N_("Less than once in ten years") },
  { N_("Unlikely"), N_("Once in three to ten years") },
  { N_("Likely"), N_("Once in one to three years") },
  { N_("Almost certain"), N_("Once a year or more often") },
};
static const PresetEntry impacts_4[] = {
  { N_("Minor"), N_("Small disruption, no lasting harm") },
  { N_("Moderate"), N_("Noticeable harm to operations, customers or compliance") },
  { N_("Major"), N_("Serious harm: lost customers, fines, long outages") },
  { N_("Severe"), N_("Threatens the organization") },
};
static const PresetEntry levels_4[] = {
  { N_("Low"), N_("Acceptable as it is") },
  { N_("Medium"), N_("Treat or accept explicitly") },
  { N_("High"), N_("Treat with priority") },
  { N_("Critical"), N_("Treat at once; top management informed") },
};
static const char * const colors_4[] = { "#33d17a", "#f6d32d", "#ff7800", "#e01b24" };
static const guint8 grid_4[] = {
  1, 1, 2, 2,
  1, 2, 2, 3,
  2, 2, 3, 4,
  2, 3, 4, 4,
};

static const PresetEntry likelihoods_5[] = {
  { N_("Rare"), N_("Less than once in ten years") },
  { N_("Unlikely"), N_("Once in five to ten years") },
  { N_("Possible"), N_("Once in two to five years") },
  { N_("Likely"), N_("Once in one to two years") },
  { N_("Almost certain"), N_("Once a year or more often") },
};
static const PresetEntry impacts_5[] = {
  { N_("Negligible"), N_("Hardly noticed") },
  { N_("Minor"), N_("Small disruption, no lasting harm") },
  { N_("Moderate"), N_("Noticeable harm to operations, customers or compliance") },
  { N_("Major"), N_("Serious harm: lost customers, fines, long outages") },
  { N_("Severe"), N_("Threatens the organization") },
};
static const PresetEntry levels_5[] = {
  { N_("Very low"), N_("Acceptable as it is") },
  { N_("Low"), N_("Acceptable; watch it") },
  { N_("Medium"), N_("Treat or accept explicitly") },
  { N_("High"), N_("Treat with priority") },
  { N_("Very high"), N_("Treat at once; top management informed") },
};
static const char * const colors_5[] = { "#33d17a", "#a8d14d", "#f6d32d", "#ff7800", "#e01b24" };
/* The shape of the 5 × 5 matrix commonly used with ISO/IEC 27005. */
static const guint8 grid_5[] = {
  1, 1, 2, 2, 2,
  1, 2, 2, 3, 3,
  2, 2, 3, 4, 4,
  2, 3, 4, 4, 5,
  3, 4, 4, 5, 5,
};

static const Preset presets[] = {
  [ANNEX_RISK_PRESET_3X3] = {
    3, 3, 3, likelihoods_3, impacts_3, levels_3, colors_3, grid_3, 1
  },
  [ANNEX_RISK_PRESET_4X4] = {
    4, 4, 4, likelihoods_4, impacts_4, levels_4, colors_4, grid_4, 1
  },
  [ANNEX_RISK_PRESET_5X5] = {
    5, 5, 5, likelihoods_5, impacts_5, levels_5, colors_5, grid_5, 2
  },
};

/* Green to red for custom methods, picked by position. */
static const char * const ramp_colors[] = {
  "#33d17a", "#a8d14d", "#f6d32d", "#ffa348", "#ff7800", "#e01b24", "#a51d2d"
};

/* ---- Object ------------------------------------------------------------------------------- */

static void
clear_entry (Entry *entry)
{
  g_clear_pointer (&entry->label, g_free);
  g_clear_pointer (&entry->description, g_free);
  g_clear_pointer (&entry->color, g_free);
}

static void
annex_risk_method_finalize (GObject *object)
{
  AnnexRiskMethod *self = ANNEX_RISK_METHOD (object);

  for (guint s = 0; s < N_SCALES; s++)
    for (guint i = 0; i < MAX_LEVELS; i++)
      clear_entry (&self->entries[s][i]);

  G_OBJECT_CLASS (annex_risk_method_parent_class)->finalize (object);
}

static void
annex_risk_method_class_init (AnnexRiskMethodClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = annex_risk_method_finalize;
}

static void
annex_risk_method_init (AnnexRiskMethod *self)
{
}

static AnnexRiskMethod *
new_empty (guint n_likelihoods,
           guint n_impacts,
           guint n_levels)
{
  AnnexRiskMethod *self = g_object_new (ANNEX_TYPE_RISK_METHOD, NULL);

  self->size[ANNEX_RISK_SCALE_LIKELIHOOD] = n_likelihoods;
  self->size[ANNEX_RISK_SCALE_IMPACT] = n_impacts;
  self->size[ANNEX_RISK_SCALE_LEVEL] = n_levels;
  self->threshold = 1;

  return self;
}

static void
fill_entries (AnnexRiskMethod   *self,
              AnnexRiskScale     scale,
              const PresetEntry *entries)
{
  for (guint i = 0; i < self->size[scale]; i++)
    {
      self->entries[scale][i].label = g_strdup (_(entries[i].label));
      self->entries[scale][i].description = g_strdup (_(entries[i].description));
    }
}

/**
 * annex_risk_method_new_preset:
 * @preset: which preset
 *
 * Returns: (transfer full): a new method with the preset's translated labels
 */
AnnexRiskMethod *
annex_risk_method_new_preset (AnnexRiskPreset preset)
{
  const Preset *p;
  AnnexRiskMethod *self;

  g_return_val_if_fail (preset <= ANNEX_RISK_PRESET_5X5, NULL);

  p = &presets[preset];
  self = new_empty (p->n_likelihoods, p->n_impacts, p->n_levels);

  fill_entries (self, ANNEX_RISK_SCALE_LIKELIHOOD, p->likelihoods);
  fill_entries (self, ANNEX_RISK_SCALE_IMPACT, p->impacts);
  fill_entries (self, ANNEX_RISK_SCALE_LEVEL, p->levels);

  for (guint i = 0; i < p->n_levels; i++)
    self->entries[ANNEX_RISK_SCALE_LEVEL][i].color = g_strdup (p->colors[i]);

  for (guint l = 0; l < p->n_likelihoods; l++)
    for (guint i = 0; i < p->n_impacts; i++)
      self->grid[l][i] = p->grid[l * p->n_impacts + i];

  self->threshold = p->threshold;

  return self;
}

AnnexRiskMethod *
annex_risk_method_new_default (void)
{
  return annex_risk_method_new_preset (ANNEX_RISK_PRESET_5X5);
}

/**
 * annex_risk_method_get_default:
 *
 * Returns: (transfer none): the shared default method
 */
AnnexRiskMethod *
annex_risk_method_get_default (void)
{
  static AnnexRiskMethod *method = NULL;

  /* Used from any thread that filters or sorts risks; never freed (one small object). */
  if (g_once_init_enter (&method))
    g_once_init_leave (&method, annex_risk_method_new_default ());

  return method;
}

/**
 * annex_risk_method_new_custom:
 * @n_likelihoods: the number of likelihood levels
 * @n_impacts: the number of impact levels
 * @n_levels: the number of risk levels
 *
 * Returns: (transfer full): a new method with numbered labels and a grid by likelihood + impact
 */
AnnexRiskMethod *
annex_risk_method_new_custom (guint n_likelihoods,
                              guint n_impacts,
                              guint n_levels)
{
  AnnexRiskMethod *self;

  n_likelihoods = CLAMP (n_likelihoods, ANNEX_RISK_METHOD_MIN_LEVELS, MAX_LEVELS);
  n_impacts = CLAMP (n_impacts, ANNEX_RISK_METHOD_MIN_LEVELS, MAX_LEVELS);
  n_levels = CLAMP (n_levels, ANNEX_RISK_METHOD_MIN_LEVELS, MAX_LEVELS);

  self = new_empty (n_likelihoods, n_impacts, n_levels);

  for (guint i = 0; i < n_likelihoods; i++)
    self->entries[ANNEX_RISK_SCALE_LIKELIHOOD][i].label =
      g_strdup_printf (_("Likelihood %u"), i + 1);
  for (guint i = 0; i < n_impacts; i++)
    self->entries[ANNEX_RISK_SCALE_IMPACT][i].label = g_strdup_printf (_("Impact %u"), i + 1);
  for (guint i = 0; i < n_levels; i++)
    {
      guint color = n_levels == 1 ? 0 : (i * (G_N_ELEMENTS (ramp_colors) - 1) + (n_levels - 1) / 2)
                                          / (n_levels - 1);

      self->entries[ANNEX_RISK_SCALE_LEVEL][i].label = g_strdup_printf (_("Level %u"), i + 1);
      self->entries[ANNEX_RISK_SCALE_LEVEL][i].color = g_strdup (ramp_colors[color]);
    }

  /* The sum of the two positions, 0 … (n_l - 1) + (n_i - 1), spread over the levels. */
  for (guint l = 0; l < n_likelihoods; l++)
    for (guint i = 0; i < n_impacts; i++)
      {
        guint max_sum = (n_likelihoods - 1) + (n_impacts - 1);

        self->grid[l][i] = annex_risk_method_remap_value (l + i + 1, max_sum + 1, n_levels);
      }

  return self;
}

/**
 * annex_risk_method_copy:
 * @self: a method
 *
 * Returns: (transfer full): a new method equal to @self
 */
AnnexRiskMethod *
annex_risk_method_copy (AnnexRiskMethod *self)
{
  AnnexRiskMethod *copy;

  g_return_val_if_fail (ANNEX_IS_RISK_METHOD (self), NULL);

  copy = new_empty (self->size[0], self->size[1], self->size[2]);

  for (guint s = 0; s < N_SCALES; s++)
    for (guint i = 0; i < MAX_LEVELS; i++)
      {
        copy->entries[s][i].label = g_strdup (self->entries[s][i].label);
        copy->entries[s][i].description = g_strdup (self->entries[s][i].description);
        copy->entries[s][i].color = g_strdup (self->entries[s][i].color);
      }

  memcpy (copy->grid, self->grid, sizeof copy->grid);
  copy->threshold = self->threshold;

  return copy;
}

gboolean
annex_risk_method_equal (AnnexRiskMethod *a,
                         AnnexRiskMethod *b)
{
  g_return_val_if_fail (ANNEX_IS_RISK_METHOD (a), FALSE);
  g_return_val_if_fail (ANNEX_IS_RISK_METHOD (b), FALSE);

  if (a == b)
    return TRUE;

  if (memcmp (a->size, b->size, sizeof a->size) != 0 || a->threshold != b->threshold)
    return FALSE;

  for (guint s = 0; s < N_SCALES; s++)
    for (guint i = 0; i < a->size[s]; i++)
      {
        if (g_strcmp0 (a->entries[s][i].label, b->entries[s][i].label) != 0 ||
            g_strcmp0 (a->entries[s][i].description, b->entries[s][i].description) != 0 ||
            g_strcmp0 (a->entries[s][i].color, b->entries[s][i].color) != 0)
          return FALSE;
      }

  for (guint l = 0; l < a->size[ANNEX_RISK_SCALE_LIKELIHOOD]; l++)
    for (guint i = 0; i < a->size[ANNEX_RISK_SCALE_IMPACT]; i++)
      if (a->grid[l][i] != b->grid[l][i])
        return FALSE;

  return TRUE;
}

/* ---- Validation --------------------------------------------------------------------------- */

static const char *
scale_name (AnnexRiskScale scale)
{
  switch (scale)
    {
    case ANNEX_RISK_SCALE_LIKELIHOOD:
      return _("likelihood levels");
    case ANNEX_RISK_SCALE_IMPACT:
      return _("impact levels");
    case ANNEX_RISK_SCALE_LEVEL:
    default:
      return _("risk levels");
    }
}

static gboolean
color_is_valid (const char *color)
{
  if (color == NULL || strlen (color) != 7 || color[0] != '#')
    return FALSE;

  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;

  return TRUE;
}

/**
 * annex_risk_method_validate:
 * @self: a method
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the method can be used; else %FALSE with ANNEX_STORE_ERROR_INVALID
 */
gboolean
annex_risk_method_validate (AnnexRiskMethod  *self,
                            GError          **error)
{
  g_return_val_if_fail (ANNEX_IS_RISK_METHOD (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint s = 0; s < N_SCALES; s++)
    {
      if (self->size[s] < ANNEX_RISK_METHOD_MIN_LEVELS || self->size[s] > MAX_LEVELS)
        {
          g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                       _("A risk method needs between %d and %d %s, not %u."),
                       ANNEX_RISK_METHOD_MIN_LEVELS, MAX_LEVELS, scale_name (s), self->size[s]);
          return FALSE;
        }

      for (guint i = 0; i < self->size[s]; i++)
        {
          const char *label = self->entries[s][i].label;

          if (annex_field_text_is_blank (label))
            {
              g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("Every one of the %s needs a name: number %u has none."),
                           scale_name (s), i + 1);
              return FALSE;
            }

          for (guint j = 0; j < i; j++)
            {
              g_autofree char *a = g_utf8_casefold (label, -1);
              g_autofree char *b = g_utf8_casefold (self->entries[s][j].label, -1);

              if (g_strcmp0 (g_strstrip (a), g_strstrip (b)) == 0)
                {
                  g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                               _("Two of the %s are both called “%s”: give each its own name."),
                               scale_name (s), label);
                  return FALSE;
                }
            }

          if (s == ANNEX_RISK_SCALE_LEVEL && !color_is_valid (self->entries[s][i].color))
            {
              g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("The risk level “%s” needs a colour written as #rrggbb."), label);
              return FALSE;
            }
        }
    }

  for (guint l = 0; l < self->size[ANNEX_RISK_SCALE_LIKELIHOOD]; l++)
    for (guint i = 0; i < self->size[ANNEX_RISK_SCALE_IMPACT]; i++)
      if (self->grid[l][i] < 1 || self->grid[l][i] > self->size[ANNEX_RISK_SCALE_LEVEL])
        {
          g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                       _("The risk matrix has no risk level for likelihood “%s” and impact “%s”."),
                       self->entries[ANNEX_RISK_SCALE_LIKELIHOOD][l].label,
                       self->entries[ANNEX_RISK_SCALE_IMPACT][i].label);
          return FALSE;
        }

  if (self->threshold < 1 || self->threshold > self->size[ANNEX_RISK_SCALE_LEVEL])
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                   _("The acceptance threshold must be one of the risk levels."));
      return FALSE;
    }

  return TRUE;
}

/* ---- JSON --------------------------------------------------------------------------------- */

static gboolean
set_json_error (GError     **error,
                const char  *detail)
{
  g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
               _("The risk method is not valid: %s"), detail);
  return FALSE;
}

static gboolean
read_scale (AnnexRiskMethod  *self,
            JsonObject       *root,
            const char       *member,
            AnnexRiskScale    scale,
            GError          **error)
{
  JsonNode *node = json_object_get_member (root, member);
  JsonArray *array;
  guint n;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *detail = g_strdup_printf (_("“%s” is missing or not a list."), member);
      return set_json_error (error, detail);
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);

  if (n < ANNEX_RISK_METHOD_MIN_LEVELS || n > MAX_LEVELS)
    {
      g_autofree char *detail = NULL;

      detail = g_strdup_printf (_("“%s” must have between %d and %d entries, not %u."),
                                member, ANNEX_RISK_METHOD_MIN_LEVELS, MAX_LEVELS, n);
      return set_json_error (error, detail);
    }

  self->size[scale] = n;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object;
      const char *members[] = { "label", "description", "color" };
      char **targets[] = {
        &self->entries[scale][i].label,
        &self->entries[scale][i].description,
        &self->entries[scale][i].color,
      };

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_autofree char *detail = NULL;

          detail = g_strdup_printf (_("entry %u of “%s” is not an object."), i + 1, member);
          return set_json_error (error, detail);
        }

      object = json_node_get_object (element);

      for (guint m = 0; m < G_N_ELEMENTS (members); m++)
        {
          JsonNode *value = json_object_get_member (object, members[m]);

          if (value == NULL || JSON_NODE_HOLDS_NULL (value))
            continue;

          if (json_node_get_value_type (value) != G_TYPE_STRING)
            {
              g_autofree char *detail = NULL;

              detail = g_strdup_printf (_("“%s” of entry %u of “%s” is not text."),
                                        members[m], i + 1, member);
              return set_json_error (error, detail);
            }

          *targets[m] = g_strdup (json_node_get_string (value));
        }
    }

  return TRUE;
}

static gboolean
read_level_number (JsonNode  *node,
                   guint     *out)
{
  gint64 value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;

  value = json_node_get_int (node);
  if (value < 1 || value > MAX_LEVELS)
    return FALSE;

  *out = (guint) value;
  return TRUE;
}

/**
 * annex_risk_method_new_from_json:
 * @json: the method as annex_risk_method_to_json() writes it
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the method, or %NULL with ANNEX_STORE_ERROR_INVALID
 */
AnnexRiskMethod *
annex_risk_method_new_from_json (const char  *json,
                                 GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(AnnexRiskMethod) self = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonNode *node;
  JsonArray *grid;
  guint n_l, n_i;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, json, -1, &local_error))
    {
      set_json_error (error, local_error->message);
      return NULL;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      set_json_error (error, _("it is not a JSON object."));
      return NULL;
    }

  root = json_node_get_object (node);

  node = json_object_get_member (root, "version");
  if (node != NULL && (!JSON_NODE_HOLDS_VALUE (node) ||
                       json_node_get_value_type (node) != G_TYPE_INT64 ||
                       json_node_get_int (node) > METHOD_JSON_VERSION))
    {
      set_json_error (error, _("it was written by a newer version of Annex."));
      return NULL;
    }

  self = new_empty (0, 0, 0);

  if (!read_scale (self, root, "likelihood", ANNEX_RISK_SCALE_LIKELIHOOD, error) ||
      !read_scale (self, root, "impact", ANNEX_RISK_SCALE_IMPACT, error) ||
      !read_scale (self, root, "levels", ANNEX_RISK_SCALE_LEVEL, error))
    return NULL;

  n_l = self->size[ANNEX_RISK_SCALE_LIKELIHOOD];
  n_i = self->size[ANNEX_RISK_SCALE_IMPACT];

  node = json_object_get_member (root, "grid");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      json_array_get_length (json_node_get_array (node)) != n_l)
    {
      set_json_error (error, _("the matrix needs one row per likelihood level."));
      return NULL;
    }

  grid = json_node_get_array (node);
  for (guint l = 0; l < n_l; l++)
    {
      JsonNode *row_node = json_array_get_element (grid, l);
      JsonArray *row;

      if (!JSON_NODE_HOLDS_ARRAY (row_node) ||
          json_array_get_length (json_node_get_array (row_node)) != n_i)
        {
          set_json_error (error, _("every row of the matrix needs one risk level per impact level."));
          return NULL;
        }

      row = json_node_get_array (row_node);
      for (guint i = 0; i < n_i; i++)
        {
          guint level;

          if (!read_level_number (json_array_get_element (row, i), &level))
            {
              set_json_error (error, _("a cell of the matrix is not a risk level number."));
              return NULL;
            }

          self->grid[l][i] = level;
        }
    }

  if (!read_level_number (json_object_get_member (root, "threshold"), &self->threshold))
    {
      set_json_error (error, _("the acceptance threshold is missing or not a risk level number."));
      return NULL;
    }

  if (!annex_risk_method_validate (self, error))
    {
      g_prefix_error (error, _("The risk method is not valid: "));
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * annex_risk_method_load:
 * @db: a workspace
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the method in force, or %NULL when the setting is malformed
 */
AnnexRiskMethod *
annex_risk_method_load (AnnexDatabase  *db,
                        GError        **error)
{
  g_autofree char *json = NULL;
  AnnexRiskMethod *method;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  json = annex_database_dup_setting (db, ANNEX_RISK_METHOD_SETTING);
  if (json == NULL)
    return annex_risk_method_new_default ();

  method = annex_risk_method_new_from_json (json, error);
  if (method == NULL)
    g_prefix_error (error, _("This workspace’s risk method cannot be read. "));

  return method;
}

static void
write_scale (JsonBuilder     *builder,
             AnnexRiskMethod *self,
             const char      *member,
             AnnexRiskScale   scale)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);

  for (guint i = 0; i < self->size[scale]; i++)
    {
      const Entry *entry = &self->entries[scale][i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, entry->label != NULL ? entry->label : "");
      if (entry->description != NULL)
        {
          json_builder_set_member_name (builder, "description");
          json_builder_add_string_value (builder, entry->description);
        }
      if (scale == ANNEX_RISK_SCALE_LEVEL)
        {
          json_builder_set_member_name (builder, "color");
          json_builder_add_string_value (builder, entry->color != NULL ? entry->color : "");
        }
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
}

/**
 * annex_risk_method_to_json:
 * @self: a method
 *
 * Returns: (transfer full): the method as compact JSON
 */
char *
annex_risk_method_to_json (AnnexRiskMethod *self)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (ANNEX_IS_RISK_METHOD (self), NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, METHOD_JSON_VERSION);

  write_scale (builder, self, "likelihood", ANNEX_RISK_SCALE_LIKELIHOOD);
  write_scale (builder, self, "impact", ANNEX_RISK_SCALE_IMPACT);
  write_scale (builder, self, "levels", ANNEX_RISK_SCALE_LEVEL);

  json_builder_set_member_name (builder, "grid");
  json_builder_begin_array (builder);
  for (guint l = 0; l < self->size[ANNEX_RISK_SCALE_LIKELIHOOD]; l++)
    {
      json_builder_begin_array (builder);
      for (guint i = 0; i < self->size[ANNEX_RISK_SCALE_IMPACT]; i++)
        json_builder_add_int_value (builder, self->grid[l][i]);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "threshold");
  json_builder_add_int_value (builder, self->threshold);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}

/* ---- Lookups ------------------------------------------------------------------------------ */

guint
annex_risk_method_get_n_likelihoods (AnnexRiskMethod *self)
{
  g_return_val_if_fail (ANNEX_IS_RISK_METHOD (self), 0);
  return self->size[ANNEX_RISK_SCALE_LIKELIHOOD];
}

guint
annex_risk_method_get_n_impacts (AnnexRiskMethod *self)
{
  g_return_val_if_fail (ANNEX_IS_RISK_METHOD (self), 0);
  return self->size[ANNEX_RISK_SCALE_IMPACT];
}

guint
annex_risk_method_get_n_levels (AnnexRiskMethod *self)
{
  g_return_val_if_fail (ANNEX_IS_RISK_METHOD (self), 0);
  return self->size[ANNEX_RISK_SCALE_LEVEL];
}

guint
annex_risk_method_get_size (AnnexRiskMethod *self,
                            AnnexRiskScale   scale)
{
  g_return_val_if_fail (ANNEX_IS_RISK_METHOD (self), 0);
  g_return_val_if_fail (scale < N_SCALES, 0);
  return self->size[scale];
}

static const Entry *
get_entry (AnnexRiskMethod *self,
           AnnexRiskScale   scale,
           guint            n)
{
  if (scale >= N_SCALES || n < 1 || n > self->size[scale])
    return NULL;

  return &self->entries[scale][n - 1];
}

const char *
annex_risk_method_get_label (AnnexRiskMethod *self,
                             AnnexRiskScale   scale,
                             guint            n)
{
  const Entry *entry;

  g_return_val_if_fail (ANNEX_IS_RISK_METHOD (self), NULL);

  entry = get_entry (self, scale, n);
  return entry != NULL ? entry->label : NULL;
}

const char *
annex_risk_method_get_description (AnnexRiskMethod *self,
                                   AnnexRiskScale   scale,
                                   guint            n)
{
  const Entry *entry;

  g_return_val_if_fail (ANNEX_IS_RISK_METHOD (self), NULL);

  entry = get_entry (self, scale, n);
  return entry != NULL ? entry->description : NULL;
}

const char *
annex_risk_method_get_color (AnnexRiskMethod *self,
                             guint            level)
{
  const Entry *entry;

  g_return_val_if_fail (ANNEX_IS_RISK_METHOD (self), NULL);

  entry = get_entry (self, ANNEX_RISK_SCALE_LEVEL, level);
  return entry != NULL ? entry->color : NULL;
}

guint
annex_risk_method_get_level (AnnexRiskMethod *self,
                             guint            likelihood,
                             guint            impact)
{
  g_return_val_if_fail (ANNEX_IS_RISK_METHOD (self), 0);

  if (likelihood < 1 || likelihood > self->size[ANNEX_RISK_SCALE_LIKELIHOOD] ||
      impact < 1 || impact > self->size[ANNEX_RISK_SCALE_IMPACT])
    return 0;

  return self->grid[likelihood - 1][impact - 1];
}

guint
annex_risk_method_get_threshold (AnnexRiskMethod *self)
{
  g_return_val_if_fail (ANNEX_IS_RISK_METHOD (self), 0);
  return self->threshold;
}

/* ---- Setters ------------------------------------------------------------------------------ */

static Entry *
get_entry_for_set (AnnexRiskMethod *self,
                   AnnexRiskScale   scale,
                   guint            n)
{
  g_return_val_if_fail (scale < N_SCALES, NULL);
  g_return_val_if_fail (n >= 1 && n <= self->size[scale], NULL);

  return &self->entries[scale][n - 1];
}

void
annex_risk_method_set_label (AnnexRiskMethod *self,
                             AnnexRiskScale   scale,
                             guint            n,
                             const char      *label)
{
  Entry *entry;

  g_return_if_fail (ANNEX_IS_RISK_METHOD (self));

  entry = get_entry_for_set (self, scale, n);
  if (entry == NULL)
    return;

  g_free (entry->label);
  entry->label = g_strdup (label);
}

void
annex_risk_method_set_description (AnnexRiskMethod *self,
                                   AnnexRiskScale   scale,
                                   guint            n,
                                   const char      *description)
{
  Entry *entry;

  g_return_if_fail (ANNEX_IS_RISK_METHOD (self));

  entry = get_entry_for_set (self, scale, n);
  if (entry == NULL)
    return;

  g_free (entry->description);
  entry->description = annex_field_text_is_blank (description) ? NULL : g_strdup (description);
}

void
annex_risk_method_set_color (AnnexRiskMethod *self,
                             guint            level,
                             const char      *color)
{
  Entry *entry;

  g_return_if_fail (ANNEX_IS_RISK_METHOD (self));

  entry = get_entry_for_set (self, ANNEX_RISK_SCALE_LEVEL, level);
  if (entry == NULL)
    return;

  g_free (entry->color);
  entry->color = g_strdup (color);
}

void
annex_risk_method_set_level (AnnexRiskMethod *self,
                             guint            likelihood,
                             guint            impact,
                             guint            level)
{
  g_return_if_fail (ANNEX_IS_RISK_METHOD (self));
  g_return_if_fail (likelihood >= 1 && likelihood <= self->size[ANNEX_RISK_SCALE_LIKELIHOOD]);
  g_return_if_fail (impact >= 1 && impact <= self->size[ANNEX_RISK_SCALE_IMPACT]);
  g_return_if_fail (level <= MAX_LEVELS);

  self->grid[likelihood - 1][impact - 1] = level;
}

void
annex_risk_method_set_threshold (AnnexRiskMethod *self,
                                 guint            level)
{
  g_return_if_fail (ANNEX_IS_RISK_METHOD (self));
  g_return_if_fail (level <= MAX_LEVELS);

  self->threshold = level;
}

guint
annex_risk_method_remap_value (guint value,
                               guint n_old,
                               guint n_new)
{
  if (value == 0 || n_new == 0)
    return 0;

  if (value > n_old)
    return n_new;

  if (n_old <= 1)
    return 1;

  /* round (x / d) for x, d > 0, halves up, in integers */
  return (2 * (value - 1) * (n_new - 1) + (n_old - 1)) / (2 * (n_old - 1)) + 1;
}
