/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-record-filter.c: a GtkFilter combining a register page's search with its facets. */

#define G_LOG_DOMAIN "annex-record-filter"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-record-filter.h"

typedef struct
{
  char                *name;
  char                *label;
  GStrv                choices;
  guint                n_choices;
  AnnexFacetMatchFunc  match;
  gpointer             user_data;
  GDestroyNotify       destroy;
  gboolean             from_field;  /* made by annex_record_filter_set_record_class() */
  guint                active;      /* index into choices, or ANNEX_FACET_ANY */
} Facet;

/* What a field facet's match function needs. */
typedef struct
{
  guint             index;
  const AnnexField *field;
} FieldFacet;

struct _AnnexRecordFilter
{
  GtkFilter  parent_instance;

  /* owned */
  GPtrArray *facets;   /* Facet, in order */
  GPtrArray *active;   /* Facet (borrowed from facets): those set, for the per-record loop */
  char      *query;    /* normalized and casefolded; NULL when not searching */
};

G_DEFINE_FINAL_TYPE (AnnexRecordFilter, annex_record_filter, GTK_TYPE_FILTER)

/* Auxiliary methods */

static void
facet_free (gpointer data)
{
  Facet *facet = data;

  if (facet->destroy != NULL)
    facet->destroy (facet->user_data);
  g_free (facet->name);
  g_free (facet->label);
  g_strfreev (facet->choices);
  g_free (facet);
}

static Facet *
find_facet (AnnexRecordFilter *self,
            const char        *name)
{
  int index = annex_record_filter_find_facet (self, name);

  return index >= 0 ? g_ptr_array_index (self->facets, index) : NULL;
}

static void
update_active (AnnexRecordFilter *self)
{
  g_ptr_array_set_size (self->active, 0);
  for (guint i = 0; i < self->facets->len; i++)
    {
      Facet *facet = g_ptr_array_index (self->facets, i);

      if (facet->active != ANNEX_FACET_ANY)
        g_ptr_array_add (self->active, facet);
    }
}

static gboolean
field_facet_match (AnnexRecord *record,
                   guint        choice,
                   gpointer     user_data)
{
  FieldFacet *ff = user_data;
  const GValue *value = annex_record_get_value (record, ff->index);
  const char *nick = value != NULL ? g_value_get_string (value) : NULL;

  return g_strcmp0 (nick, ff->field->choices[choice].nick) == 0;
}

static void
insert_facet (AnnexRecordFilter   *self,
              guint                position,
              const char          *name,
              const char          *label,
              const char * const  *choices,
              AnnexFacetMatchFunc  match,
              gpointer             user_data,
              GDestroyNotify       destroy,
              gboolean             from_field)
{
  Facet *facet = g_new0 (Facet, 1);

  facet->name = g_strdup (name);
  facet->label = g_strdup (label);
  facet->choices = g_strdupv ((char **) choices);
  facet->n_choices = g_strv_length (facet->choices);
  facet->match = match;
  facet->user_data = user_data;
  facet->destroy = destroy;
  facet->from_field = from_field;
  facet->active = ANNEX_FACET_ANY;

  g_ptr_array_insert (self->facets, position, facet);
}

/* GtkFilter */

static gboolean
annex_record_filter_match (GtkFilter *filter,
                           gpointer   item)
{
  AnnexRecordFilter *self = (AnnexRecordFilter *) filter;
  /* Called for every record: no type check on the cast. */
  AnnexRecord *record = item;

  if (self->query != NULL && !annex_record_matches (record, self->query))
    return FALSE;

  for (guint i = 0; i < self->active->len; i++)
    {
      Facet *facet = g_ptr_array_index (self->active, i);

      if (!facet->match (record, facet->active, facet->user_data))
        return FALSE;
    }

  return TRUE;
}

static GtkFilterMatch
annex_record_filter_get_strictness (GtkFilter *filter)
{
  AnnexRecordFilter *self = ANNEX_RECORD_FILTER (filter);

  if (self->query == NULL && self->active->len == 0)
    return GTK_FILTER_MATCH_ALL;

  return GTK_FILTER_MATCH_SOME;
}

/* GObject */

static void
annex_record_filter_finalize (GObject *object)
{
  AnnexRecordFilter *self = ANNEX_RECORD_FILTER (object);

  g_clear_pointer (&self->active, g_ptr_array_unref);
  g_clear_pointer (&self->facets, g_ptr_array_unref);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (annex_record_filter_parent_class)->finalize (object);
}

static void
annex_record_filter_class_init (AnnexRecordFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->finalize = annex_record_filter_finalize;

  filter_class->match = annex_record_filter_match;
  filter_class->get_strictness = annex_record_filter_get_strictness;
}

static void
annex_record_filter_init (AnnexRecordFilter *self)
{
  self->facets = g_ptr_array_new_with_free_func (facet_free);
  self->active = g_ptr_array_new ();
}

/* Public API */

AnnexRecordFilter *
annex_record_filter_new (void)
{
  return g_object_new (ANNEX_TYPE_RECORD_FILTER, NULL);
}

void
annex_record_filter_set_search (AnnexRecordFilter *self,
                                const char        *text)
{
  g_autofree char *stripped = NULL;
  g_autofree char *query = NULL;
  g_autofree char *old = NULL;
  GtkFilterChange change;

  g_return_if_fail (ANNEX_IS_RECORD_FILTER (self));

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (*stripped != '\0')
    query = annex_record_prepare_query (stripped);

  if (g_strcmp0 (query, self->query) == 0)
    return;

  old = g_steal_pointer (&self->query);
  self->query = g_steal_pointer (&query);

  if (old == NULL || (self->query != NULL && g_str_has_prefix (self->query, old)))
    /* Typing on narrows the result: only the records shown now need a look. */
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (self->query == NULL || g_str_has_prefix (old, self->query))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  gtk_filter_changed (GTK_FILTER (self), change);
}

const char *
annex_record_filter_get_query (AnnexRecordFilter *self)
{
  g_return_val_if_fail (ANNEX_IS_RECORD_FILTER (self), NULL);

  return self->query;
}

void
annex_record_filter_add_facet (AnnexRecordFilter   *self,
                               const char          *name,
                               const char          *label,
                               const char * const  *choices,
                               AnnexFacetMatchFunc  match,
                               gpointer             user_data,
                               GDestroyNotify       destroy)
{
  g_return_if_fail (ANNEX_IS_RECORD_FILTER (self));
  g_return_if_fail (name != NULL && label != NULL && choices != NULL && match != NULL);
  g_return_if_fail (find_facet (self, name) == NULL);

  insert_facet (self, self->facets->len, name, label, choices, match, user_data, destroy, FALSE);
}

gboolean
annex_record_filter_remove_facet (AnnexRecordFilter *self,
                                  const char        *name)
{
  int index;
  gboolean was_active;

  g_return_val_if_fail (ANNEX_IS_RECORD_FILTER (self), FALSE);

  index = annex_record_filter_find_facet (self, name);
  if (index < 0)
    return FALSE;

  was_active = ((Facet *) g_ptr_array_index (self->facets, index))->active != ANNEX_FACET_ANY;
  g_ptr_array_remove_index (self->facets, index);
  update_active (self);
  if (was_active)
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_LESS_STRICT);

  return TRUE;
}

void
annex_record_filter_set_record_class (AnnexRecordFilter *self,
                                      AnnexRecordClass  *klass)
{
  const AnnexField *fields = NULL;
  guint n_fields = 0;
  guint position = 0;
  gboolean was_active;

  g_return_if_fail (ANNEX_IS_RECORD_FILTER (self));
  g_return_if_fail (klass == NULL || ANNEX_IS_RECORD_CLASS (klass));

  was_active = self->active->len > 0;

  for (guint i = self->facets->len; i > 0; i--)
    {
      Facet *facet = g_ptr_array_index (self->facets, i - 1);

      if (facet->from_field)
        g_ptr_array_remove_index (self->facets, i - 1);
    }

  if (klass != NULL)
    fields = annex_record_class_get_fields (klass, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autoptr(GPtrArray) labels = NULL;
      FieldFacet *ff;
      guint n_choices;

      if (fields[i].type != ANNEX_FIELD_CHOICE || (fields[i].flags & ANNEX_FIELD_FLAG_FILTER) == 0)
        continue;

      n_choices = annex_field_get_n_choices (&fields[i]);
      labels = g_ptr_array_new ();
      for (guint j = 0; j < n_choices; j++)
        g_ptr_array_add (labels, (gpointer) _(fields[i].choices[j].label));
      g_ptr_array_add (labels, NULL);

      ff = g_new0 (FieldFacet, 1);
      ff->index = i;
      ff->field = &fields[i];
      insert_facet (self, position++, fields[i].name, _(fields[i].label),
                    (const char * const *) labels->pdata, field_facet_match, ff, g_free, TRUE);
    }

  update_active (self);
  if (was_active)
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_LESS_STRICT);
}

guint
annex_record_filter_get_n_facets (AnnexRecordFilter *self)
{
  g_return_val_if_fail (ANNEX_IS_RECORD_FILTER (self), 0);

  return self->facets->len;
}

const char *
annex_record_filter_get_facet_name (AnnexRecordFilter *self,
                                    guint              index)
{
  g_return_val_if_fail (ANNEX_IS_RECORD_FILTER (self), NULL);
  g_return_val_if_fail (index < self->facets->len, NULL);

  return ((Facet *) g_ptr_array_index (self->facets, index))->name;
}

const char *
annex_record_filter_get_facet_label (AnnexRecordFilter *self,
                                     guint              index)
{
  g_return_val_if_fail (ANNEX_IS_RECORD_FILTER (self), NULL);
  g_return_val_if_fail (index < self->facets->len, NULL);

  return ((Facet *) g_ptr_array_index (self->facets, index))->label;
}

const char * const *
annex_record_filter_get_facet_choices (AnnexRecordFilter *self,
                                       guint              index)
{
  g_return_val_if_fail (ANNEX_IS_RECORD_FILTER (self), NULL);
  g_return_val_if_fail (index < self->facets->len, NULL);

  return (const char * const *) ((Facet *) g_ptr_array_index (self->facets, index))->choices;
}

int
annex_record_filter_find_facet (AnnexRecordFilter *self,
                                const char        *name)
{
  g_return_val_if_fail (ANNEX_IS_RECORD_FILTER (self), -1);

  for (guint i = 0; name != NULL && i < self->facets->len; i++)
    {
      Facet *facet = g_ptr_array_index (self->facets, i);

      if (g_str_equal (facet->name, name))
        return (int) i;
    }

  return -1;
}

guint
annex_record_filter_get_facet (AnnexRecordFilter *self,
                               const char        *name)
{
  Facet *facet;

  g_return_val_if_fail (ANNEX_IS_RECORD_FILTER (self), ANNEX_FACET_ANY);

  facet = find_facet (self, name);
  return facet != NULL ? facet->active : ANNEX_FACET_ANY;
}

gboolean
annex_record_filter_set_facet (AnnexRecordFilter *self,
                               const char        *name,
                               guint              choice)
{
  Facet *facet;
  GtkFilterChange change;

  g_return_val_if_fail (ANNEX_IS_RECORD_FILTER (self), FALSE);

  facet = find_facet (self, name);
  if (facet == NULL || (choice != ANNEX_FACET_ANY && choice >= facet->n_choices))
    return FALSE;

  if (facet->active == choice)
    return TRUE;

  if (facet->active == ANNEX_FACET_ANY)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (choice == ANNEX_FACET_ANY)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  facet->active = choice;
  update_active (self);
  gtk_filter_changed (GTK_FILTER (self), change);
  return TRUE;
}

void
annex_record_filter_clear_facets (AnnexRecordFilter *self)
{
  g_return_if_fail (ANNEX_IS_RECORD_FILTER (self));

  if (self->active->len == 0)
    return;

  for (guint i = 0; i < self->facets->len; i++)
    ((Facet *) g_ptr_array_index (self->facets, i))->active = ANNEX_FACET_ANY;

  update_active (self);
  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_LESS_STRICT);
}

guint
annex_record_filter_get_n_active (AnnexRecordFilter *self)
{
  g_return_val_if_fail (ANNEX_IS_RECORD_FILTER (self), 0);

  return self->active->len;
}

gboolean
annex_record_filter_matches (AnnexRecordFilter *self,
                             AnnexRecord       *record)
{
  g_return_val_if_fail (ANNEX_IS_RECORD_FILTER (self), FALSE);
  g_return_val_if_fail (ANNEX_IS_RECORD (record), FALSE);

  return annex_record_filter_match (GTK_FILTER (self), record);
}

gboolean
annex_record_filter_set_facet_choices (AnnexRecordFilter  *self,
                                       const char         *name,
                                       const char * const *choices)
{
  Facet *facet;
  g_autofree char *active_label = NULL;
  guint active = ANNEX_FACET_ANY;
  guint n;

  g_return_val_if_fail (ANNEX_IS_RECORD_FILTER (self), FALSE);
  g_return_val_if_fail (choices != NULL, FALSE);

  facet = find_facet (self, name);
  if (facet == NULL || facet->from_field)
    return FALSE;

  if (facet->active != ANNEX_FACET_ANY)
    active_label = g_strdup (facet->choices[facet->active]);

  n = g_strv_length ((char **) choices);
  for (guint i = 0; active_label != NULL && i < n; i++)
    if (g_str_equal (choices[i], active_label))
      active = i;

  g_strfreev (facet->choices);
  facet->choices = g_strdupv ((char **) choices);
  facet->n_choices = n;

  /* The choice set stays set by its label (the same records pass); gone, the facet lets every
   * record through. */
  facet->active = active;
  if (active_label != NULL && active == ANNEX_FACET_ANY)
    {
      update_active (self);
      gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_LESS_STRICT);
    }

  return TRUE;
}
