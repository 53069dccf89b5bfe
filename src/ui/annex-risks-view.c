/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-risks-view.c: the Risks view: risks (heat map, level columns, facets, the assessment,
 * links and treatment actions in the editor), assets and the treatment plan. */

#define G_LOG_DOMAIN "annex-risks-view"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-action.h"
#include "annex-asset.h"
#include "annex-level-badge.h"
#include "annex-link-section.h"
#include "annex-links.h"
#include "annex-register-format.h"
#include "annex-risk-method-dialog.h"
#include "annex-risks-view.h"

/* Narrower than this, the heat map starts collapsed: the list keeps the room. */
#define HEAT_MAP_REVEAL_WIDTH 720

#define FACET_INHERENT_LEVEL "inherent-level"
#define FACET_RESIDUAL_LEVEL "residual-level"
#define FACET_OWNER "owner"
#define FACET_ASSET "asset"
#define FACET_REVIEW "review"
#define FACET_INHERENT_CELL "inherent-cell"
#define FACET_RESIDUAL_CELL "residual-cell"

struct _AnnexRisksView
{
  GtkWidget               parent_instance;

  /* template widgets */
  GtkWidget              *box;
  AdwViewStack           *stack;
  AnnexRegisterPage      *risks_page;
  AnnexRegisterPage      *assets_page;
  AnnexTreatmentPlanPage *plan_page;
  AdwViewSwitcherBar     *switcher_bar;

  /* the heat map bar (the risks page's header widget) */
  GtkToggleButton        *reveal_button;
  GtkRevealer            *revealer;
  AnnexHeatMap           *heat_map;
  GtkToggleButton        *inherent_button;
  GtkToggleButton        *residual_button;
  GtkLabel               *summary_label;

  /* the risk editor's sections */
  GtkWidget              *assessment_box;
  GtkWidget              *residual_box;
  AdwComboRow            *combos[4];   /* inherent likelihood, impact, residual likelihood, impact */
  AnnexLevelBadge        *inherent_badge;
  AnnexLevelBadge        *residual_badge;
  AdwActionRow           *acceptance_row;
  GtkWidget              *actions_group;
  GtkListBox             *actions_list;
  GtkWidget              *link_sections[3];  /* risk → assets, risk → controls, asset → risks */

  /* owned */
  AnnexRiskRegister      *risks;
  AnnexRegister          *assets;
  AnnexRegister          *controls;
  AnnexRegister          *actions;
  AnnexRiskMethod        *method;           /* the method the facets and heat map show */
  GSignalGroup           *risk_signals;     /* the risks' AnnexRegister */
  GSignalGroup           *method_signals;   /* the AnnexRiskRegister */
  GSignalGroup           *database_signals;
  GSignalGroup           *record_signals;   /* the risk in the editor */
  AnnexRisk              *editor_risk;
  GStrv                   owners;           /* the owner facet's choices */
  GArray                 *asset_ids;        /* gint64: the asset facet's choices */
  GHashTable             *asset_risks;      /* risk ids linked to asset_ids[asset_risks_choice] */
  guint                   asset_risks_choice;
  char                   *today;
  guint                   update_source;
  guint                   actions_source;
  guint                   reveal_source;
  gboolean                residual;
  gboolean                reveal_chosen;    /* the user opened or closed the heat map */
  gboolean                updating;         /* setting widgets from the record */
  guint                   n_editor_actions;
};

static void annex_risks_view_paged_view_init (AnnexPagedViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AnnexRisksView, annex_risks_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ANNEX_TYPE_PAGED_VIEW,
                                                      annex_risks_view_paged_view_init))

enum {
  PROP_0,
  PROP_VISIBLE_PAGE,
  PROP_RESIDUAL,
  PROP_HEAT_MAP_REVEALED,
  N_PROPS
};

enum {
  ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void queue_update (AnnexRisksView *self);
static void queue_actions_refresh (AnnexRisksView *self);

/* Auxiliary functions */

static AnnexRiskMethod *
get_method (AnnexRisksView *self)
{
  if (self->method == NULL)
    self->method = annex_risk_method_new_default ();
  return self->method;
}

static AnnexRegister *
get_risk_register (AnnexRisksView *self)
{
  return self->risks != NULL ? annex_risk_register_get_register (self->risks) : NULL;
}

static void
emit_toast (AnnexRisksView *self,
            const char     *title)
{
  g_autoptr(AdwToast) toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 5);
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

/* Level labels of the method, then "Not assessed": the choices of a level facet. */
static GStrv
dup_level_choices (AnnexRiskMethod *method)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = annex_risk_method_get_n_levels (method);

  for (guint i = 1; i <= n; i++)
    g_strv_builder_add (builder, annex_risk_method_get_label (method, ANNEX_RISK_SCALE_LEVEL, i));
  /* Translators: a choice of the risk level filters: risks without likelihood and impact. */
  g_strv_builder_add (builder, _("Not assessed"));
  return g_strv_builder_end (builder);
}

/* "Likely × Major" for every cell, likelihood by likelihood: the choices of a cell facet. */
static GStrv
dup_cell_choices (AnnexRiskMethod *method)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint nl = annex_risk_method_get_n_likelihoods (method);
  guint ni = annex_risk_method_get_n_impacts (method);

  for (guint l = 1; l <= nl; l++)
    for (guint i = 1; i <= ni; i++)
      {
        /* Translators: a cell of the heat map, likelihood × impact: "Likely × Major". */
        g_autofree char *text = g_strdup_printf (_("%s × %s"),
                                                 annex_risk_method_get_label (method,
                                                                              ANNEX_RISK_SCALE_LIKELIHOOD,
                                                                              l),
                                                 annex_risk_method_get_label (method,
                                                                              ANNEX_RISK_SCALE_IMPACT,
                                                                              i));
        g_strv_builder_add (builder, text);
      }
  return g_strv_builder_end (builder);
}

/* Facets */

static gboolean
level_facet_match (AnnexRecord *record,
                   guint        choice,
                   gpointer     user_data)
{
  AnnexRisk *risk = ANNEX_RISK (record);
  gboolean residual = GPOINTER_TO_INT (user_data);
  guint n_levels = annex_risk_method_get_n_levels (annex_risk_get_method (risk));
  guint level = residual ? annex_risk_get_residual_level (risk)
                         : annex_risk_get_inherent_level (risk);

  return choice < n_levels ? level == choice + 1 : level == 0;
}

static gboolean
cell_facet_match (AnnexRecord *record,
                  guint        choice,
                  gpointer     user_data)
{
  AnnexRisk *risk = ANNEX_RISK (record);
  gboolean residual = GPOINTER_TO_INT (user_data);
  guint ni = annex_risk_method_get_n_impacts (annex_risk_get_method (risk));
  guint l = residual ? annex_risk_get_residual_likelihood (risk)
                     : annex_risk_get_inherent_likelihood (risk);
  guint i = residual ? annex_risk_get_residual_impact (risk)
                     : annex_risk_get_inherent_impact (risk);

  return l > 0 && i > 0 && ni > 0 && (l - 1) * ni + (i - 1) == choice;
}

static gboolean
owner_facet_match (AnnexRecord *record,
                   guint        choice,
                   gpointer     user_data)
{
  AnnexRisksView *self = user_data;

  if (self->owners == NULL || choice >= g_strv_length (self->owners))
    return FALSE;

  return g_strcmp0 (annex_risk_get_owner (ANNEX_RISK (record)), self->owners[choice]) == 0;
}

static gboolean
review_facet_match (AnnexRecord *record,
                    guint        choice,
                    gpointer     user_data)
{
  AnnexRisksView *self = user_data;

  return annex_risk_is_review_overdue_on (ANNEX_RISK (record), self->today);
}

static gboolean
asset_facet_match (AnnexRecord *record,
                   guint        choice,
                   gpointer     user_data)
{
  AnnexRisksView *self = user_data;
  gint64 id;

  if (self->asset_ids == NULL || choice >= self->asset_ids->len || self->assets == NULL)
    return FALSE;

  /* The risks of the chosen asset, read once per choice (the cache goes when links change). */
  if (self->asset_risks == NULL || self->asset_risks_choice != choice)
    {
      g_autoptr(GArray) ids = NULL;

      g_clear_pointer (&self->asset_risks, g_hash_table_unref);
      self->asset_risks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      self->asset_risks_choice = choice;
      ids = annex_links_dup_sources (annex_register_get_database (self->assets), "assets",
                                     g_array_index (self->asset_ids, gint64, choice), "risks",
                                     NULL);
      for (guint i = 0; ids != NULL && i < ids->len; i++)
        g_hash_table_add (self->asset_risks, g_memdup2 (&g_array_index (ids, gint64, i),
                                                        sizeof (gint64)));
    }

  id = annex_record_get_id (record);
  return g_hash_table_contains (self->asset_risks, &id);
}

static void
add_risk_facets (AnnexRisksView *self)
{
  AnnexRiskMethod *method = get_method (self);
  g_auto(GStrv) levels = dup_level_choices (method);
  g_auto(GStrv) cells = dup_cell_choices (method);
  const char *none[] = { NULL };
  const char *review[] = {
    /* Translators: the choice of the "Review" filter of risks. */
    _("Overdue"),
    NULL
  };

  annex_register_page_add_facet (self->risks_page, FACET_INHERENT_LEVEL, _("Inherent level"),
                                 (const char * const *) levels, level_facet_match,
                                 GINT_TO_POINTER (FALSE), NULL);
  annex_register_page_add_facet (self->risks_page, FACET_RESIDUAL_LEVEL, _("Residual level"),
                                 (const char * const *) levels, level_facet_match,
                                 GINT_TO_POINTER (TRUE), NULL);
  annex_register_page_add_facet (self->risks_page, FACET_OWNER, _("Owner"), none,
                                 owner_facet_match, self, NULL);
  annex_register_page_add_facet (self->risks_page, FACET_ASSET, _("Asset"), none,
                                 asset_facet_match, self, NULL);
  /* Translators: the filter of risks whose next review date has passed. */
  annex_register_page_add_facet (self->risks_page, FACET_REVIEW, _("Review"), review,
                                 review_facet_match, self, NULL);
  /* Translators: the filters the heat map sets: a likelihood × impact cell. */
  annex_register_page_add_facet (self->risks_page, FACET_INHERENT_CELL, _("Inherent cell"),
                                 (const char * const *) cells, cell_facet_match,
                                 GINT_TO_POINTER (FALSE), NULL);
  annex_register_page_add_facet (self->risks_page, FACET_RESIDUAL_CELL, _("Residual cell"),
                                 (const char * const *) cells, cell_facet_match,
                                 GINT_TO_POINTER (TRUE), NULL);
}

static void
update_method_facets (AnnexRisksView *self)
{
  g_auto(GStrv) levels = dup_level_choices (get_method (self));
  g_auto(GStrv) cells = dup_cell_choices (get_method (self));

  annex_register_page_set_facet_choices (self->risks_page, FACET_INHERENT_LEVEL,
                                         (const char * const *) levels);
  annex_register_page_set_facet_choices (self->risks_page, FACET_RESIDUAL_LEVEL,
                                         (const char * const *) levels);
  annex_register_page_set_facet_choices (self->risks_page, FACET_INHERENT_CELL,
                                         (const char * const *) cells);
  annex_register_page_set_facet_choices (self->risks_page, FACET_RESIDUAL_CELL,
                                         (const char * const *) cells);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* The owners found among the risks, sorted; only a change reaches the page. */
static void
update_owner_choices (AnnexRisksView *self,
                      GListModel     *risks)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();
  guint n = risks != NULL ? g_list_model_get_n_items (risks) : 0;
  g_auto(GStrv) choices = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexRisk) risk = g_list_model_get_item (risks, i);
      const char *owner = annex_risk_get_owner (risk);

      if (owner != NULL && *owner != '\0' && g_hash_table_add (seen, (gpointer) owner))
        g_ptr_array_add (owners, (gpointer) owner);
    }
  g_ptr_array_sort (owners, compare_strings);
  g_ptr_array_add (owners, NULL);

  if (self->owners != NULL && g_strv_equal ((const char * const *) self->owners,
                                            (const char * const *) owners->pdata))
    return;

  choices = g_strdupv ((char **) owners->pdata);
  annex_register_page_set_facet_choices (self->risks_page, FACET_OWNER,
                                         (const char * const *) choices);
  g_strfreev (self->owners);
  self->owners = g_steal_pointer (&choices);
}

static void
update_asset_choices (AnnexRisksView *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = self->assets != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->assets)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexRecord) asset = g_list_model_get_item (G_LIST_MODEL (self->assets), i);
      gint64 id = annex_record_get_id (asset);

      g_ptr_array_add (labels, annex_link_section_format_record (asset));
      g_array_append_val (ids, id);
    }
  g_ptr_array_add (labels, NULL);

  g_clear_pointer (&self->asset_risks, g_hash_table_unref);
  g_clear_pointer (&self->asset_ids, g_array_unref);
  self->asset_ids = g_steal_pointer (&ids);
  annex_register_page_set_facet_choices (self->risks_page, FACET_ASSET,
                                         (const char * const *) labels->pdata);
}

/* The heat map and the summary */

static void
update_summary (AnnexRisksView         *self,
                const AnnexRiskHeatMap *map)
{
  AnnexRiskMethod *method = get_method (self);
  guint threshold = annex_risk_method_get_threshold (method);
  guint above = 0;
  g_autoptr(GString) text = g_string_new (NULL);
  const GError *method_error = self->risks != NULL
                               ? annex_risk_register_get_method_error (self->risks) : NULL;

  for (guint level = threshold + 1; level <= map->n_levels; level++)
    above += map->levels[level];

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u risk", "%u risks", map->total),
                          map->total);
  if (map->levels[0] > 0)
    {
      g_string_append (text, _(" · "));
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u not assessed",
                                                 "%u not assessed", map->levels[0]),
                              map->levels[0]);
    }
  if (above > 0)
    {
      g_string_append (text, _(" · "));
      /* Translators: risks whose level is above the method's acceptance threshold, e.g.
       * "3 above Medium". */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u above %s", "%u above %s",
                                                 above), above,
                              annex_risk_method_get_label (method, ANNEX_RISK_SCALE_LEVEL,
                                                           threshold));
    }
  if (method_error != NULL)
    {
      g_string_append_c (text, '\n');
      /* Translators: shown when the stored risk method is damaged. */
      g_string_append_printf (text, _("The stored risk method could not be read (%s): the "
                                      "default method is used until another is chosen."),
                              method_error->message);
    }

  gtk_label_set_text (self->summary_label, text->str);
}

static void
do_update (AnnexRisksView *self)
{
  AnnexRegister *risks = get_risk_register (self);
  AnnexRiskHeatMap map = { 0, };

  g_clear_handle_id (&self->update_source, g_source_remove);
  g_free (self->today);
  self->today = annex_field_dup_today ();

  if (risks == NULL || !annex_register_get_loaded (risks))
    {
      map.n_likelihoods = annex_risk_method_get_n_likelihoods (get_method (self));
      map.n_impacts = annex_risk_method_get_n_impacts (get_method (self));
      map.n_levels = annex_risk_method_get_n_levels (get_method (self));
      annex_heat_map_set_counts (self->heat_map, &map);
      update_summary (self, &map);
      return;
    }

  annex_risk_heat_map_compute (&map, G_LIST_MODEL (risks), get_method (self), self->residual);
  annex_heat_map_set_counts (self->heat_map, &map);
  update_summary (self, &map);
  update_owner_choices (self, G_LIST_MODEL (risks));
}

static gboolean
update_idle_cb (gpointer user_data)
{
  AnnexRisksView *self = user_data;

  self->update_source = 0;
  do_update (self);
  return G_SOURCE_REMOVE;
}

/* After a change of the risks: once, when the main loop is idle (a bulk edit, a load or a
 * re-mapping of many risks costs one count). */
static void
queue_update (AnnexRisksView *self)
{
  if (self->update_source != 0)
    return;

  self->update_source = g_idle_add_full (G_PRIORITY_LOW, update_idle_cb, self, NULL);
  g_source_set_name_by_id (self->update_source, "[annex] risks view update");
}

/* The heat map picks the cell facet of the assessment it shows; the other one is left alone. */
static const char *
cell_facet_name (AnnexRisksView *self)
{
  return self->residual ? FACET_RESIDUAL_CELL : FACET_INHERENT_CELL;
}

static void
sync_heat_map_selection (AnnexRisksView *self)
{
  guint choice = annex_register_page_get_facet (self->risks_page, cell_facet_name (self));
  guint ni = annex_risk_method_get_n_impacts (get_method (self));

  if (choice == ANNEX_FACET_ANY || ni == 0)
    annex_heat_map_set_selected (self->heat_map, 0, 0);
  else
    annex_heat_map_set_selected (self->heat_map, choice / ni + 1, choice % ni + 1);
}

static void
set_method (AnnexRisksView  *self,
            AnnexRiskMethod *method)
{
  if (method == NULL || method == self->method)
    return;

  g_set_object (&self->method, method);
  annex_heat_map_set_method (self->heat_map, method);
  update_method_facets (self);
  sync_heat_map_selection (self);
  queue_update (self);
}

/* Level columns */

static void
level_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *badge = annex_level_badge_new ();

  gtk_widget_set_halign (badge, GTK_ALIGN_START);
  /* Translators: the placeholder of a risk level column: not assessed yet. */
  annex_level_badge_set_placeholder (ANNEX_LEVEL_BADGE (badge), C_("level", "—"));
  gtk_list_item_set_child (item, badge);
}

static void
level_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               const char               *prefix)
{
  GObject *risk = gtk_list_item_get_item (item);
  GtkWidget *badge = gtk_list_item_get_child (item);
  g_autofree char *label = g_strconcat (prefix, "-level-label", NULL);
  g_autofree char *color = g_strconcat (prefix, "-level-color", NULL);
  GBinding *bindings[2];

  bindings[0] = g_object_bind_property (risk, label, badge, "label", G_BINDING_SYNC_CREATE);
  bindings[1] = g_object_bind_property (risk, color, badge, "color", G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (item), "annex-label-binding", bindings[0]);
  g_object_set_data (G_OBJECT (item), "annex-color-binding", bindings[1]);
}

static void
level_unbind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GBinding *binding;

  if ((binding = g_object_steal_data (G_OBJECT (item), "annex-label-binding")) != NULL)
    g_binding_unbind (binding);
  if ((binding = g_object_steal_data (G_OBJECT (item), "annex-color-binding")) != NULL)
    g_binding_unbind (binding);
}

static void
add_level_column (AnnexRisksView *self,
                  const char     *prefix,
                  const char     *title)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSorter) sorter = NULL;
  g_autofree char *name = g_strconcat (prefix, "-level", NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (level_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (level_bind_cb), (gpointer) prefix);
  g_signal_connect (factory, "unbind", G_CALLBACK (level_unbind_cb), NULL);
  sorter = GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (ANNEX_TYPE_RISK, NULL,
                                                                            name)));
  annex_register_page_add_column (self->risks_page, name, title, "title", 96, factory, sorter);
}

/* The risks page: warnings, editor groups */

static char *
risk_warning (AnnexRecord *record,
              gpointer     user_data)
{
  AnnexRisksView *self = user_data;
  AnnexRisk *risk = ANNEX_RISK (record);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (!annex_risk_check_acceptance_on (risk, self->today, &error))
    g_string_append (text, error->message);
  if (annex_risk_is_review_overdue_on (risk, self->today))
    {
      g_autofree char *date = annex_format_date (annex_risk_get_next_review (risk));

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: the tooltip of a risk whose review date has passed. */
      g_string_append_printf (text, _("The review planned for %s is overdue."), date);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static const char *
risk_field_group (const AnnexField *field,
                  gpointer          user_data)
{
  const char *name = field->name;

  if (g_str_equal (name, "treatment"))
    /* Translators: a section of the risk editor */
    return _("Treatment");
  if (g_str_has_prefix (name, "accepted-"))
    /* Translators: a section of the risk editor: the acceptance of the residual risk */
    return _("Acceptance");
  if (g_str_equal (name, "next-review") || g_str_equal (name, "status"))
    /* Translators: a section of the risk editor */
    return _("Review");

  /* Translators: the first section of the risk editor: what the risk is */
  return _("Risk");
}

/* Likelihood and impact are picked by their labels in the Assessment section instead. */
static gboolean
risk_field_visible (AnnexRecord      *record,
                    const AnnexField *field,
                    gpointer          user_data)
{
  return field->type != ANNEX_FIELD_INT;
}

static const char *
asset_field_group (const AnnexField *field,
                   gpointer          user_data)
{
  if (g_str_equal (field->name, "confidentiality") || g_str_equal (field->name, "integrity") ||
      g_str_equal (field->name, "availability"))
    /* Translators: a section of the asset editor: confidentiality, integrity, availability */
    return _("Protection Needs");
  return NULL;
}

/* The Assessment section of the risk editor */

static GtkStringList *
create_scale_model (AnnexRiskMethod *method,
                    AnnexRiskScale   scale)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  guint n = annex_risk_method_get_size (method, scale);

  gtk_string_list_append (list, _("Not assessed"));
  for (guint i = 1; i <= n; i++)
    gtk_string_list_append (list, annex_risk_method_get_label (method, scale, i));
  return list;
}

static void
update_assessment (AnnexRisksView *self)
{
  AnnexRisk *risk = self->editor_risk;
  g_autoptr(GError) error = NULL;
  guint values[4];
  char *label, *color;

  gtk_widget_set_visible (self->assessment_box, risk != NULL);
  gtk_widget_set_visible (self->residual_box, risk != NULL);
  if (risk == NULL)
    return;

  values[0] = annex_risk_get_inherent_likelihood (risk);
  values[1] = annex_risk_get_inherent_impact (risk);
  values[2] = annex_risk_get_residual_likelihood (risk);
  values[3] = annex_risk_get_residual_impact (risk);

  self->updating = TRUE;
  for (guint i = 0; i < 4; i++)
    {
      AnnexRiskScale scale = i % 2 == 0 ? ANNEX_RISK_SCALE_LIKELIHOOD : ANNEX_RISK_SCALE_IMPACT;
      g_autoptr(GtkStringList) model = create_scale_model (annex_risk_get_method (risk), scale);
      GListModel *old = adw_combo_row_get_model (self->combos[i]);
      guint n_old = old != NULL ? g_list_model_get_n_items (old) : 0;
      gboolean same = n_old == g_list_model_get_n_items (G_LIST_MODEL (model));

      for (guint j = 0; same && j < n_old; j++)
        same = g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (old), j),
                          gtk_string_list_get_string (model, j)) == 0;
      if (!same)
        adw_combo_row_set_model (self->combos[i], G_LIST_MODEL (model));
      adw_combo_row_set_selected (self->combos[i],
                                  values[i] < g_list_model_get_n_items (G_LIST_MODEL (model))
                                  ? values[i] : 0);
    }
  self->updating = FALSE;

  g_object_get (risk, "inherent-level-label", &label, "inherent-level-color", &color, NULL);
  annex_level_badge_set_level (self->inherent_badge, label, color);
  g_free (label);
  g_free (color);
  g_object_get (risk, "residual-level-label", &label, "residual-level-color", &color, NULL);
  annex_level_badge_set_level (self->residual_badge, label, color);
  g_free (label);
  g_free (color);

  if (!annex_risk_check_acceptance_on (risk, self->today, &error))
    {
      adw_action_row_set_subtitle (self->acceptance_row, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->acceptance_row), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->acceptance_row), FALSE);
}

static void
on_combo_selected_cb (AnnexRisksView *self,
                      GParamSpec     *pspec,
                      AdwComboRow    *combo)
{
  AnnexRisk *risk = self->editor_risk;
  AnnexRegister *risks = get_risk_register (self);
  guint values[4];
  g_autoptr(GError) error = NULL;

  if (self->updating || risk == NULL)
    return;

  for (guint i = 0; i < 4; i++)
    {
      values[i] = adw_combo_row_get_selected (self->combos[i]);
      if (values[i] == GTK_INVALID_LIST_POSITION)
        values[i] = 0;
    }

  annex_risk_set_inherent (risk, values[0], values[1]);
  annex_risk_set_residual (risk, values[2], values[3]);

  /* A saved risk is written at once, as the editor does with a choice; a new one is added by
   * the page once it is valid. */
  if (annex_record_get_id (ANNEX_RECORD (risk)) != 0 && risks != NULL &&
      !annex_register_save (risks, ANNEX_RECORD (risk), &error) &&
      annex_risk_check_acceptance_on (risk, self->today, NULL))
    {
      /* The acceptance rule explains itself in the section; anything else is a toast. */
      g_autofree char *title = g_strdup_printf (_("Could not save the risk: %s"), error->message);

      emit_toast (self, title);
    }

  update_assessment (self);
}

static void
on_editor_risk_notify_cb (AnnexRisksView *self,
                          GParamSpec     *pspec)
{
  if (g_str_has_prefix (pspec->name, "inherent-") || g_str_has_prefix (pspec->name, "residual-") ||
      g_str_has_prefix (pspec->name, "accepted-") || g_str_equal (pspec->name, "treatment") ||
      g_str_equal (pspec->name, "method") || g_str_equal (pspec->name, "reference"))
    update_assessment (self);
  if (g_str_equal (pspec->name, "reference") || g_str_equal (pspec->name, "id"))
    queue_actions_refresh (self);
}

static GtkWidget *
create_combo (AnnexRisksView *self,
              const char     *title,
              guint           index)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_combo_selected_cb), self,
                           G_CONNECT_SWAPPED);
  self->combos[index] = ADW_COMBO_ROW (row);
  return row;
}

static GtkWidget *
create_level_row (const char       *title,
                  AnnexLevelBadge **badge)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *widget = annex_level_badge_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  annex_level_badge_set_placeholder (ANNEX_LEVEL_BADGE (widget), _("Not assessed"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
  *badge = ANNEX_LEVEL_BADGE (widget);
  return row;
}

static void
create_assessment_sections (AnnexRisksView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *group, *icon;

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Assessment"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The risk before treatment, scored with the risk "
                                           "method."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             create_combo (self, _("Likelihood"), 0));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), create_combo (self, _("Impact"), 1));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             create_level_row (_("Inherent level"), &self->inherent_badge));
  gtk_box_append (GTK_BOX (box), group);
  gtk_widget_set_visible (box, FALSE);
  self->assessment_box = box;

  /* The residual risk follows the treatment (annex_record_editor_add_section_after()). */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Residual Risk"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("What remains once the treatment is in place."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             create_combo (self, _("Likelihood"), 2));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), create_combo (self, _("Impact"), 3));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             create_level_row (_("Residual level"), &self->residual_badge));

  self->acceptance_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->acceptance_row),
                                 _("Acceptance needed"));
  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, "warning");
  adw_action_row_add_prefix (self->acceptance_row, icon);
  gtk_widget_add_css_class (GTK_WIDGET (self->acceptance_row), "acceptance-row");
  gtk_widget_set_visible (GTK_WIDGET (self->acceptance_row), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->acceptance_row));
  gtk_box_append (GTK_BOX (box), group);

  gtk_widget_set_visible (box, FALSE);
  self->residual_box = box;
}

/* The treatment actions of the risk in the editor */

static gboolean
is_treatment_of (AnnexRecord *action,
                 const char  *reference)
{
  return g_strcmp0 (annex_record_get_string (action, "origin"), "risk-treatment") == 0 &&
         g_strcmp0 (annex_record_get_string (action, "origin-reference"), reference) == 0;
}

static void
on_action_row_activated_cb (AnnexRisksView *self,
                            GtkListBoxRow  *row)
{
  const gint64 *id = g_object_get_data (G_OBJECT (row), "annex-id");

  if (id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(sx)", "actions", *id);
}

static void
refresh_actions (AnnexRisksView *self)
{
  AnnexRisk *risk = self->editor_risk;
  const char *reference = risk != NULL ? annex_record_get_reference (ANNEX_RECORD (risk)) : NULL;
  guint n = self->actions != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->actions)) : 0;
  GtkWidget *child;

  g_clear_handle_id (&self->actions_source, g_source_remove);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_list))) != NULL)
    gtk_list_box_remove (self->actions_list, child);
  self->n_editor_actions = 0;

  gtk_widget_set_visible (self->actions_group, reference != NULL && self->actions != NULL &&
                          annex_record_get_id (ANNEX_RECORD (risk)) != 0);
  if (reference == NULL)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexRecord) action = g_list_model_get_item (G_LIST_MODEL (self->actions), i);
      g_autofree char *title = NULL;
      g_autoptr(GString) subtitle = g_string_new (NULL);
      const char *owner, *due;
      gint64 id;
      guint status_index = 0;
      GtkWidget *row, *status;

      if (!is_treatment_of (action, reference))
        continue;

      row = adw_action_row_new ();
      title = g_strdup_printf ("%s  %s", annex_record_get_reference (action),
                               annex_action_get_title (ANNEX_ACTION (action)));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      owner = annex_action_get_owner (ANNEX_ACTION (action));
      due = annex_action_get_due_date (ANNEX_ACTION (action));
      g_string_append (subtitle, owner != NULL ? owner : _("No owner"));
      if (due != NULL)
        {
          g_autofree char *date = annex_format_date (due);

          g_string_append (subtitle, _(" · "));
          g_string_append_printf (subtitle, _("due %s"), date);
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

      annex_record_class_find_field (ANNEX_RECORD_GET_CLASS (action), "status", &status_index);
      status = gtk_label_new (annex_record_get_choice_label (action, status_index));
      if (annex_action_get_overdue (ANNEX_ACTION (action)))
        {
          gtk_label_set_text (GTK_LABEL (status), _("Overdue"));
          gtk_widget_add_css_class (status, "error");
        }
      gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      id = annex_record_get_id (action);
      g_object_set_data_full (G_OBJECT (row), "annex-id", g_memdup2 (&id, sizeof id), g_free);
      gtk_list_box_append (self->actions_list, row);
      self->n_editor_actions++;
    }

  if (self->n_editor_actions == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No treatment actions yet."));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->actions_list, row);
    }
}

static gboolean
actions_idle_cb (gpointer user_data)
{
  AnnexRisksView *self = user_data;

  self->actions_source = 0;
  refresh_actions (self);
  return G_SOURCE_REMOVE;
}

static void
queue_actions_refresh (AnnexRisksView *self)
{
  if (self->actions_source != 0)
    return;

  self->actions_source = g_idle_add (actions_idle_cb, self);
  g_source_set_name_by_id (self->actions_source, "[annex] risk treatment actions");
}

static void
on_new_action_clicked_cb (AnnexRisksView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->editor_risk == NULL)
    return;

  if (annex_risks_view_new_treatment_action (self, self->editor_risk, &error) == NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Could not add the action: %s"),
                                                error->message);

      emit_toast (self, title);
    }
}

static GtkWidget *
create_actions_section (AnnexRisksView *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *button, *content;
  GtkWidget *list = gtk_list_box_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Treatment Actions"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The actions that carry out the treatment, in the "
                                           "Actions register."));

  button = gtk_button_new ();
  content = adw_button_content_new ();
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("New _Treatment Action"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_new_action_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  g_signal_connect_object (list, "row-activated", G_CALLBACK (on_action_row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);

  self->actions_list = GTK_LIST_BOX (list);
  self->actions_group = group;
  gtk_widget_set_visible (group, FALSE);
  return group;
}

static void
on_editor_record_cb (AnnexRisksView    *self,
                     GParamSpec        *pspec,
                     AnnexRecordEditor *editor)
{
  AnnexRecord *record = annex_record_editor_get_record (editor);

  AnnexRisk *risk = record != NULL && ANNEX_IS_RISK (record) ? ANNEX_RISK (record) : NULL;

  g_set_object (&self->editor_risk, risk);
  g_signal_group_set_target (self->record_signals, self->editor_risk);
  update_assessment (self);
  refresh_actions (self);
}

/* The heat map bar */

static void
set_reveal (AnnexRisksView *self,
            gboolean        reveal)
{
  if (gtk_revealer_get_reveal_child (self->revealer) == reveal)
    return;

  gtk_revealer_set_reveal_child (self->revealer, reveal);
  gtk_toggle_button_set_active (self->reveal_button, reveal);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEAT_MAP_REVEALED]);
}

static void
on_reveal_toggled_cb (AnnexRisksView  *self,
                      GtkToggleButton *button)
{
  gboolean active = gtk_toggle_button_get_active (button);

  if (active == gtk_revealer_get_reveal_child (self->revealer))
    return;

  self->reveal_chosen = TRUE;
  set_reveal (self, active);
}

static void
on_mode_toggled_cb (AnnexRisksView  *self,
                    GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button))
    annex_risks_view_set_residual (self, button == self->residual_button);
}

static void
on_cell_picked_cb (AnnexRisksView *self,
                   guint           likelihood,
                   guint           impact)
{
  guint ni = annex_risk_method_get_n_impacts (get_method (self));
  guint choice = likelihood > 0 && impact > 0 ? (likelihood - 1) * ni + (impact - 1)
                                              : ANNEX_FACET_ANY;

  annex_register_page_set_facet (self->risks_page, cell_facet_name (self), choice);
}

static void
on_n_active_filters_cb (AnnexRisksView *self)
{
  /* The filters popover or "Clear Filters" may have changed the heat map's cell. */
  sync_heat_map_selection (self);
}

static void
on_method_clicked_cb (AnnexRisksView *self)
{
  annex_risks_view_open_method_dialog (self);
}

static GtkWidget *
create_heat_map_bar (AnnexRisksView *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *linked, *button, *content, *body, *label;

  gtk_widget_add_css_class (outer, "risk-heat-map-bar");
  gtk_widget_add_css_class (bar, "toolbar");

  button = gtk_toggle_button_new ();
  content = adw_button_content_new ();
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "view-grid-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Heat Map"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Show or hide the heat map"));
  g_signal_connect_object (button, "toggled", G_CALLBACK (on_reveal_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (bar), button);
  self->reveal_button = GTK_TOGGLE_BUTTON (button);

  label = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (bar), label);
  self->summary_label = GTK_LABEL (label);

  button = gtk_button_new_from_icon_name ("emblem-system-symbolic");
  gtk_widget_set_tooltip_text (button, _("Risk Method…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Risk Method…"), -1);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_method_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (bar), button);
  gtk_box_append (GTK_BOX (outer), bar);

  body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (body, 12);
  gtk_widget_set_margin_end (body, 12);
  gtk_widget_set_margin_bottom (body, 8);

  linked = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (linked, "linked");
  gtk_widget_set_halign (linked, GTK_ALIGN_CENTER);
  /* Translators: the heat map shows the risks before treatment */
  button = gtk_toggle_button_new_with_mnemonic (_("_Inherent"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  g_signal_connect_object (button, "toggled", G_CALLBACK (on_mode_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (linked), button);
  self->inherent_button = GTK_TOGGLE_BUTTON (button);
  /* Translators: the heat map shows the risks after treatment */
  button = gtk_toggle_button_new_with_mnemonic (_("Re_sidual"));
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->inherent_button);
  g_signal_connect_object (button, "toggled", G_CALLBACK (on_mode_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (linked), button);
  self->residual_button = GTK_TOGGLE_BUTTON (button);
  gtk_box_append (GTK_BOX (body), linked);

  self->heat_map = ANNEX_HEAT_MAP (annex_heat_map_new ());
  gtk_widget_set_halign (GTK_WIDGET (self->heat_map), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->heat_map), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Heat map of the inherent risk"), -1);
  g_signal_connect_object (self->heat_map, "cell-picked", G_CALLBACK (on_cell_picked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->heat_map));

  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_revealer_set_child (self->revealer, body);
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->revealer));
  gtk_box_append (GTK_BOX (outer), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  return outer;
}

static gboolean
reveal_idle_cb (gpointer user_data)
{
  AnnexRisksView *self = user_data;

  self->reveal_source = 0;
  if (!self->reveal_chosen)
    set_reveal (self, gtk_widget_get_width (GTK_WIDGET (self)) >= HEAT_MAP_REVEAL_WIDTH);
  return G_SOURCE_REMOVE;
}

/* Signal callbacks */

static void
on_page_add_toast_cb (AnnexRisksView *self,
                      AdwToast       *toast)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static void
on_stack_visible_child_cb (AnnexRisksView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_PAGE]);
}

static void
on_method_notify_cb (AnnexRisksView *self)
{
  if (self->risks != NULL)
    set_method (self, annex_risk_register_get_method (self->risks));
  update_assessment (self);
}

static void
on_database_changed_cb (AnnexRisksView *self,
                        const char     *table)
{
  if (g_strcmp0 (table, "risks") == 0)
    queue_update (self);
  else if (g_strcmp0 (table, "links") == 0)
    {
      g_clear_pointer (&self->asset_risks, g_hash_table_unref);
      /* A set asset facet shows the links as they are now. */
      if (annex_register_page_get_facet (self->risks_page, FACET_ASSET) != ANNEX_FACET_ANY)
        {
          guint choice = annex_register_page_get_facet (self->risks_page, FACET_ASSET);

          annex_register_page_set_facet (self->risks_page, FACET_ASSET, ANNEX_FACET_ANY);
          annex_register_page_set_facet (self->risks_page, FACET_ASSET, choice);
        }
    }
  else if (g_strcmp0 (table, "actions") == 0)
    queue_actions_refresh (self);
}

static void
on_assets_changed_cb (AnnexRisksView *self)
{
  update_asset_choices (self);
}

/* Actions */

static void
method_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  annex_risks_view_open_method_dialog (ANNEX_RISKS_VIEW (widget));
}

/* GtkWidget */

static void
annex_risks_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  AnnexRisksView *self = ANNEX_RISKS_VIEW (widget);
  gboolean wide = width >= HEAT_MAP_REVEAL_WIDTH;

  gtk_widget_allocate (self->box, width, height, baseline, NULL);

  /* Until the user decides, the heat map is open when there is room for it and the list. */
  if (!self->reveal_chosen && wide != gtk_revealer_get_reveal_child (self->revealer) &&
      self->reveal_source == 0)
    {
      self->reveal_source = g_idle_add (reveal_idle_cb, self);
      g_source_set_name_by_id (self->reveal_source, "[annex] heat map reveal");
    }
}

static void
annex_risks_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  gtk_widget_measure (ANNEX_RISKS_VIEW (widget)->box, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

/* GObject */

static void
remove_section (GtkWidget **section)
{
  GtkWidget *parent;

  if (*section == NULL)
    return;

  parent = gtk_widget_get_parent (*section);
  if (GTK_IS_BOX (parent))
    gtk_box_remove (GTK_BOX (parent), *section);
  g_clear_object (section);
}

static void
annex_risks_view_dispose (GObject *object)
{
  AnnexRisksView *self = ANNEX_RISKS_VIEW (object);

  g_clear_handle_id (&self->update_source, g_source_remove);
  g_clear_handle_id (&self->actions_source, g_source_remove);
  g_clear_handle_id (&self->reveal_source, g_source_remove);
  if (self->risk_signals != NULL)
    g_signal_group_set_target (self->risk_signals, NULL);
  if (self->method_signals != NULL)
    g_signal_group_set_target (self->method_signals, NULL);
  if (self->database_signals != NULL)
    g_signal_group_set_target (self->database_signals, NULL);
  if (self->record_signals != NULL)
    g_signal_group_set_target (self->record_signals, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (self->link_sections); i++)
    g_clear_object (&self->link_sections[i]);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANNEX_TYPE_RISKS_VIEW);

  g_clear_object (&self->risk_signals);
  g_clear_object (&self->method_signals);
  g_clear_object (&self->database_signals);
  g_clear_object (&self->record_signals);
  g_clear_object (&self->editor_risk);
  g_clear_object (&self->risks);
  g_clear_object (&self->assets);
  g_clear_object (&self->controls);
  g_clear_object (&self->actions);
  g_clear_object (&self->method);
  g_clear_pointer (&self->owners, g_strfreev);
  g_clear_pointer (&self->asset_ids, g_array_unref);
  g_clear_pointer (&self->asset_risks, g_hash_table_unref);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (annex_risks_view_parent_class)->dispose (object);
}

static void
annex_risks_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AnnexRisksView *self = ANNEX_RISKS_VIEW (object);

  switch (prop_id)
    {
    case PROP_VISIBLE_PAGE:
      g_value_set_string (value, annex_risks_view_get_visible_page (self));
      break;
    case PROP_RESIDUAL:
      g_value_set_boolean (value, self->residual);
      break;
    case PROP_HEAT_MAP_REVEALED:
      g_value_set_boolean (value, gtk_revealer_get_reveal_child (self->revealer));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_risks_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AnnexRisksView *self = ANNEX_RISKS_VIEW (object);

  switch (prop_id)
    {
    case PROP_VISIBLE_PAGE:
      annex_risks_view_set_visible_page (self, g_value_get_string (value));
      break;
    case PROP_RESIDUAL:
      annex_risks_view_set_residual (self, g_value_get_boolean (value));
      break;
    case PROP_HEAT_MAP_REVEALED:
      self->reveal_chosen = TRUE;
      set_reveal (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static AdwViewStack *
annex_risks_view_get_stack (AnnexPagedView *view)
{
  return ANNEX_RISKS_VIEW (view)->stack;
}

static void
annex_risks_view_set_reveal_switcher_bar (AnnexPagedView *view,
                                          gboolean        reveal)
{
  adw_view_switcher_bar_set_reveal (ANNEX_RISKS_VIEW (view)->switcher_bar, reveal);
}

static void
annex_risks_view_paged_view_init (AnnexPagedViewInterface *iface)
{
  iface->get_stack = annex_risks_view_get_stack;
  iface->set_reveal_switcher_bar = annex_risks_view_set_reveal_switcher_bar;
}

static void
annex_risks_view_class_init (AnnexRisksViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = annex_risks_view_dispose;
  object_class->get_property = annex_risks_view_get_property;
  object_class->set_property = annex_risks_view_set_property;

  widget_class->measure = annex_risks_view_measure;
  widget_class->size_allocate = annex_risks_view_size_allocate;

  properties[PROP_VISIBLE_PAGE] =
    g_param_spec_string ("visible-page", NULL, NULL, "risks", rw);
  properties[PROP_RESIDUAL] =
    g_param_spec_boolean ("residual", NULL, NULL, FALSE, rw);
  properties[PROP_HEAT_MAP_REVEALED] =
    g_param_spec_boolean ("heat-map-revealed", NULL, NULL, FALSE, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ADD_TOAST] =
    g_signal_new ("add-toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_install_action (widget_class, "risks.method", NULL, method_action);

  g_type_ensure (ANNEX_TYPE_REGISTER_PAGE);
  g_type_ensure (ANNEX_TYPE_TREATMENT_PLAN_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/annex-risks-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnexRisksView, box);
  gtk_widget_class_bind_template_child (widget_class, AnnexRisksView, stack);
  gtk_widget_class_bind_template_child (widget_class, AnnexRisksView, risks_page);
  gtk_widget_class_bind_template_child (widget_class, AnnexRisksView, assets_page);
  gtk_widget_class_bind_template_child (widget_class, AnnexRisksView, plan_page);
  gtk_widget_class_bind_template_child (widget_class, AnnexRisksView, switcher_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_page_add_toast_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_cb);
}

static void
annex_risks_view_init (AnnexRisksView *self)
{
  static const char * const risk_column_priority[] = {
    "residual-level", "inherent-level", "status", "owner", "treatment", "next-review", NULL
  };
  static const char * const risk_bulk_fields[] = {
    "owner", "category", "treatment", "next-review", "status", NULL
  };
  AnnexRecordEditor *editor;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->today = annex_field_dup_today ();

  /* Risks: the heat map above the list, levels in colour, the assessment by labels. */
  annex_register_page_set_header_widget (self->risks_page, create_heat_map_bar (self));
  annex_heat_map_set_method (self->heat_map, get_method (self));
  annex_register_page_set_column_priority (self->risks_page, risk_column_priority);
  add_level_column (self, "inherent", _("Inherent"));
  add_level_column (self, "residual", _("Residual"));
  annex_register_page_set_warning_func (self->risks_page, risk_warning, self, NULL);
  annex_register_page_set_group_func (self->risks_page, risk_field_group, NULL, NULL);
  annex_register_page_set_visible_func (self->risks_page, risk_field_visible, NULL, NULL);
  annex_register_page_set_bulk_fields (self->risks_page, risk_bulk_fields);
  add_risk_facets (self);
  g_signal_connect_object (self->risks_page, "notify::n-active-filters",
                           G_CALLBACK (on_n_active_filters_cb), self, G_CONNECT_SWAPPED);

  editor = annex_register_page_get_editor (self->risks_page);
  create_assessment_sections (self);
  /* The editor reads as the assessment goes: the risk, its inherent level, the treatment, the
   * residual level, its acceptance, the review. The group headings are risk_field_group()'s. */
  annex_record_editor_add_section_after (editor, self->assessment_box, _("Risk"));
  annex_record_editor_add_section_after (editor, self->residual_box, _("Treatment"));
  annex_record_editor_add_section (editor, create_actions_section (self));
  g_signal_connect_object (editor, "notify::record", G_CALLBACK (on_editor_record_cb), self,
                           G_CONNECT_SWAPPED);

  /* Assets: C, I and A together. */
  annex_register_page_set_group_func (self->assets_page, asset_field_group, NULL, NULL);

  self->risk_signals = g_signal_group_new (ANNEX_TYPE_REGISTER);
  g_signal_group_connect_data (self->risk_signals, "items-changed",
                               G_CALLBACK (queue_update), self, NULL,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_group_connect_swapped (self->risk_signals, "notify::loaded",
                                  G_CALLBACK (queue_update), self);

  self->method_signals = g_signal_group_new (ANNEX_TYPE_RISK_REGISTER);
  g_signal_group_connect_swapped (self->method_signals, "notify::method",
                                  G_CALLBACK (on_method_notify_cb), self);

  self->database_signals = g_signal_group_new (ANNEX_TYPE_DATABASE);
  g_signal_group_connect_swapped (self->database_signals, "changed",
                                  G_CALLBACK (on_database_changed_cb), self);

  self->record_signals = g_signal_group_new (ANNEX_TYPE_RISK);
  g_signal_group_connect_swapped (self->record_signals, "notify",
                                  G_CALLBACK (on_editor_risk_notify_cb), self);
}

/* Public API */

GtkWidget *
annex_risks_view_new (void)
{
  return g_object_new (ANNEX_TYPE_RISKS_VIEW, NULL);
}

void
annex_risks_view_set_registers (AnnexRisksView    *self,
                                AnnexRiskRegister *risks,
                                AnnexRegister     *assets,
                                AnnexRegister     *controls,
                                AnnexRegister     *actions)
{
  gboolean risks_changed, assets_changed, controls_changed;

  g_return_if_fail (ANNEX_IS_RISKS_VIEW (self));
  g_return_if_fail (risks == NULL || ANNEX_IS_RISK_REGISTER (risks));
  g_return_if_fail (assets == NULL || ANNEX_IS_REGISTER (assets));
  g_return_if_fail (controls == NULL || ANNEX_IS_REGISTER (controls));
  g_return_if_fail (actions == NULL || ANNEX_IS_REGISTER (actions));

  risks_changed = g_set_object (&self->risks, risks);
  assets_changed = g_set_object (&self->assets, assets);
  controls_changed = g_set_object (&self->controls, controls);
  if (g_set_object (&self->actions, actions))
    queue_actions_refresh (self);

  if (risks_changed)
    {
      AnnexRegister *register_ = get_risk_register (self);

      g_signal_group_set_target (self->risk_signals, register_);
      g_signal_group_set_target (self->method_signals, risks);
      g_signal_group_set_target (self->database_signals,
                                 risks != NULL ? annex_risk_register_get_database (risks) : NULL);
      annex_register_page_set_register (self->risks_page, register_);
      annex_treatment_plan_page_set_database (self->plan_page,
                                              risks != NULL
                                              ? annex_risk_register_get_database (risks) : NULL);
      if (risks != NULL)
        set_method (self, annex_risk_register_get_method (risks));
    }

  if (assets_changed)
    {
      annex_register_page_set_register (self->assets_page, assets);
      if (assets != NULL)
        g_signal_connect_object (assets, "items-changed", G_CALLBACK (on_assets_changed_cb), self,
                                 G_CONNECT_SWAPPED);
      update_asset_choices (self);
    }

  /* The link sections follow the registers of the workspace open now. */
  if (risks_changed || assets_changed)
    {
      remove_section (&self->link_sections[0]);
      remove_section (&self->link_sections[2]);
      if (risks != NULL && assets != NULL)
        {
          self->link_sections[0] = g_object_ref_sink (annex_link_section_new (_("Assets"), assets,
                                                                              ANNEX_LINK_FROM_RECORD));
          annex_link_section_set_empty_text (ANNEX_LINK_SECTION (self->link_sections[0]),
                                             _("No assets linked yet."));
          annex_link_section_attach (ANNEX_LINK_SECTION (self->link_sections[0]),
                                     annex_register_page_get_editor (self->risks_page));
          self->link_sections[2] =
            g_object_ref_sink (annex_link_section_new (_("Risks"), get_risk_register (self),
                                                       ANNEX_LINK_TO_RECORD));
          annex_link_section_set_empty_text (ANNEX_LINK_SECTION (self->link_sections[2]),
                                             _("No risks concern this asset yet."));
          annex_link_section_attach (ANNEX_LINK_SECTION (self->link_sections[2]),
                                     annex_register_page_get_editor (self->assets_page));
        }
    }
  if (risks_changed || controls_changed)
    {
      remove_section (&self->link_sections[1]);
      if (risks != NULL && controls != NULL)
        {
          self->link_sections[1] =
            g_object_ref_sink (annex_link_section_new (_("Controls"), controls,
                                                       ANNEX_LINK_FROM_RECORD));
          annex_link_section_set_empty_text (ANNEX_LINK_SECTION (self->link_sections[1]),
                                             _("No controls chosen yet."));
          annex_link_section_attach (ANNEX_LINK_SECTION (self->link_sections[1]),
                                     annex_register_page_get_editor (self->risks_page));
        }
    }

  do_update (self);
}

AnnexRiskRegister *
annex_risks_view_get_risk_register (AnnexRisksView *self)
{
  g_return_val_if_fail (ANNEX_IS_RISKS_VIEW (self), NULL);

  return self->risks;
}

AnnexRegisterPage *
annex_risks_view_get_risks_page (AnnexRisksView *self)
{
  g_return_val_if_fail (ANNEX_IS_RISKS_VIEW (self), NULL);

  return self->risks_page;
}

AnnexRegisterPage *
annex_risks_view_get_assets_page (AnnexRisksView *self)
{
  g_return_val_if_fail (ANNEX_IS_RISKS_VIEW (self), NULL);

  return self->assets_page;
}

AnnexTreatmentPlanPage *
annex_risks_view_get_plan_page (AnnexRisksView *self)
{
  g_return_val_if_fail (ANNEX_IS_RISKS_VIEW (self), NULL);

  return self->plan_page;
}

AnnexHeatMap *
annex_risks_view_get_heat_map (AnnexRisksView *self)
{
  g_return_val_if_fail (ANNEX_IS_RISKS_VIEW (self), NULL);

  return self->heat_map;
}

const char *
annex_risks_view_get_visible_page (AnnexRisksView *self)
{
  g_return_val_if_fail (ANNEX_IS_RISKS_VIEW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

void
annex_risks_view_set_visible_page (AnnexRisksView *self,
                                   const char     *name)
{
  g_return_if_fail (ANNEX_IS_RISKS_VIEW (self));

  if (g_strcmp0 (name, "risks") == 0 || g_strcmp0 (name, "assets") == 0 ||
      g_strcmp0 (name, "plan") == 0)
    adw_view_stack_set_visible_child_name (self->stack, name);
}

gboolean
annex_risks_view_get_residual (AnnexRisksView *self)
{
  g_return_val_if_fail (ANNEX_IS_RISKS_VIEW (self), FALSE);

  return self->residual;
}

void
annex_risks_view_set_residual (AnnexRisksView *self,
                               gboolean        residual)
{
  g_return_if_fail (ANNEX_IS_RISKS_VIEW (self));

  residual = !!residual;
  if (self->residual == residual)
    return;

  /* The cell picked on the other map does not mean anything on this one. */
  annex_register_page_set_facet (self->risks_page, cell_facet_name (self), ANNEX_FACET_ANY);
  self->residual = residual;
  gtk_toggle_button_set_active (residual ? self->residual_button : self->inherent_button, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->heat_map), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  residual ? _("Heat map of the residual risk")
                                           : _("Heat map of the inherent risk"), -1);
  sync_heat_map_selection (self);
  do_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESIDUAL]);
}

void
annex_risks_view_update (AnnexRisksView *self)
{
  g_return_if_fail (ANNEX_IS_RISKS_VIEW (self));

  do_update (self);
  refresh_actions (self);
}

static void
on_method_applied_cb (AnnexRisksView *self,
                      guint           n_rescored)
{
  g_autofree char *title = NULL;

  if (n_rescored == 0)
    title = g_strdup (_("Risk method applied"));
  else
    /* Translators: a toast after the risk method changed */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Risk method applied: %u risk re-scored",
                                          "Risk method applied: %u risks re-scored", n_rescored),
                             n_rescored);
  emit_toast (self, title);
}

GtkWidget *
annex_risks_view_open_method_dialog (AnnexRisksView *self)
{
  GtkWidget *dialog;
  GtkRoot *root;

  g_return_val_if_fail (ANNEX_IS_RISKS_VIEW (self), NULL);

  if (self->risks == NULL)
    return NULL;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = annex_risk_method_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         self->risks);
  g_signal_connect_object (dialog, "applied", G_CALLBACK (on_method_applied_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

AnnexRecord *
annex_risks_view_new_treatment_action (AnnexRisksView  *self,
                                       AnnexRisk       *risk,
                                       GError         **error)
{
  g_autoptr(AnnexRecord) action = NULL;
  g_autofree char *title = NULL;
  const char *risk_title;

  g_return_val_if_fail (ANNEX_IS_RISKS_VIEW (self), NULL);
  g_return_val_if_fail (ANNEX_IS_RISK (risk), NULL);

  if (self->actions == NULL || annex_record_get_id (ANNEX_RECORD (risk)) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("Save the risk first."));
      return NULL;
    }

  risk_title = annex_risk_get_title (risk);
  action = annex_register_new_record (self->actions);
  /* Translators: the title a new treatment action starts with; the user edits it. */
  title = g_strdup_printf (_("Treat: %s"), risk_title != NULL ? risk_title : "");
  annex_action_set_title (ANNEX_ACTION (action), title);
  annex_record_set_string (action, "origin", "risk-treatment");
  annex_record_set_string (action, "origin-reference",
                           annex_record_get_reference (ANNEX_RECORD (risk)));
  annex_record_set_string (action, "owner", annex_risk_get_owner (risk));

  if (!annex_register_add (self->actions, action, error))
    return NULL;

  refresh_actions (self);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(sx)", "actions",
                              annex_record_get_id (action));
  return action;
}

guint
annex_risks_view_get_n_editor_actions (AnnexRisksView *self)
{
  g_return_val_if_fail (ANNEX_IS_RISKS_VIEW (self), 0);

  return self->n_editor_actions;
}
