/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-controls-view.c: the Controls view: the controls with the SoA summary bar, their facets,
 * warnings, editor rows and info; the requirements checklist; the pure texts behind them. */

#define G_LOG_DOMAIN "annex-controls-view"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-control-catalogue.h"
#include "annex-controls-view.h"
#include "annex-link-section.h"

/* The gaps a control's warning icon and the summary's second line are about. Undecided is
 * counted on the first line: no decision yet is work to do, not an inconsistency. */
#define GAP_ISSUES (ANNEX_CONTROL_ISSUE_NO_REASON | ANNEX_CONTROL_ISSUE_NO_JUSTIFICATION | \
                    ANNEX_CONTROL_ISSUE_NO_PLAN)

/* The name of the completeness facet and its choices, in this order. */
#define GAPS_FACET "gaps"

/* The facet of the catalogue a control comes from: Annex A, organization-specific, then each
 * imported catalogue (OSCAL) in the order of the catalogues register. Offered once a catalogue
 * has been imported. */
#define CATALOGUE_FACET "catalogue-id"
#define CATALOGUE_FIXED_CHOICES 2

static const AnnexControlIssues gaps_choices[] = {
  GAP_ISSUES,
  ANNEX_CONTROL_ISSUE_NO_REASON,
  ANNEX_CONTROL_ISSUE_NO_JUSTIFICATION,
  ANNEX_CONTROL_ISSUE_NO_PLAN,
};

struct _AnnexControlsView
{
  GtkWidget          parent_instance;

  /* template widgets */
  GtkWidget         *box;
  AdwViewStack      *stack;
  AnnexRegisterPage *controls_page;
  AnnexRegisterPage *requirements_page;
  AdwViewSwitcherBar *switcher_bar;

  /* owned */
  AnnexRegister     *controls;
  AnnexRegister     *requirements;
  AnnexRegister     *actions;
  AnnexRegister     *risks;
  GtkWidget         *risks_section;  /* the control editor's linked risks */
  AnnexRegister     *catalogues;     /* the imported catalogues, for the catalogue facet */
  GArray            *catalogue_ids;  /* gint64: the catalogue of each facet choice past the
                                      * fixed ones */
  GSignalGroup      *control_signals;
  GSignalGroup      *action_signals;
  GSignalGroup      *database_signals;
  guint              update_source;

  /* the summary bar (a child of the controls page) */
  GtkWidget         *summary_box;
  GtkLabel          *summary_label;
  GtkWidget         *gaps_box;
  GtkLabel          *gaps_label;
  AnnexSoaSummary    summary;
};

static void annex_controls_view_paged_view_init (AnnexPagedViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AnnexControlsView, annex_controls_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ANNEX_TYPE_PAGED_VIEW,
                                                      annex_controls_view_paged_view_init))

enum {
  PROP_0,
  PROP_CONTROL_REGISTER,
  PROP_REQUIREMENT_REGISTER,
  PROP_ACTION_REGISTER,
  PROP_VISIBLE_PAGE,
  N_PROPS
};

enum {
  ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Pure texts */

static const char * const part_names[ANNEX_SOA_N_PARTS] = {
  [ANNEX_SOA_PART_APPLICABLE] = "applicable",
  [ANNEX_SOA_PART_EXCLUDED] = "excluded",
  [ANNEX_SOA_PART_UNDECIDED] = "undecided",
  [ANNEX_SOA_PART_IMPLEMENTED] = "implemented",
  [ANNEX_SOA_PART_NO_REASON] = "no-reason",
  [ANNEX_SOA_PART_NO_JUSTIFICATION] = "no-justification",
  [ANNEX_SOA_PART_NO_PLAN] = "no-plan",
};

/**
 * annex_soa_format_part:
 * @part: which count
 * @n: the count
 *
 * Returns: (transfer full): the count in words, e.g. "61 applicable"
 */
char *
annex_soa_format_part (AnnexSoaPart part,
                       guint        n)
{
  switch (part)
    {
    case ANNEX_SOA_PART_APPLICABLE:
      /* Translators: in the summary of the Statement of Applicability: controls that apply. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u applicable", "%u applicable",
                                           n), n);
    case ANNEX_SOA_PART_EXCLUDED:
      /* Translators: in the SoA summary: controls excluded from the SoA. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u excluded", "%u excluded", n), n);
    case ANNEX_SOA_PART_UNDECIDED:
      /* Translators: in the SoA summary: controls without a decision yet. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u undecided", "%u undecided", n),
                              n);
    case ANNEX_SOA_PART_IMPLEMENTED:
      /* Translators: in the SoA summary: applicable controls that are implemented. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u implemented", "%u implemented",
                                           n), n);
    case ANNEX_SOA_PART_NO_REASON:
      /* Translators: in the SoA summary: applicable controls without a reason for inclusion. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u without a reason",
                                           "%u without a reason", n), n);
    case ANNEX_SOA_PART_NO_JUSTIFICATION:
      /* Translators: in the SoA summary: excluded controls without a justification. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u without a justification",
                                           "%u without a justification", n), n);
    case ANNEX_SOA_PART_NO_PLAN:
      /* Translators: in the SoA summary: applicable controls, not implemented, with neither a
       * target date nor an open action. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u without a plan",
                                           "%u without a plan", n), n);
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
annex_soa_part_get_name (AnnexSoaPart part)
{
  g_return_val_if_fail ((guint) part < ANNEX_SOA_N_PARTS, NULL);

  return part_names[part];
}

gboolean
annex_soa_part_from_name (const char   *name,
                          AnnexSoaPart *part)
{
  for (guint i = 0; name != NULL && i < ANNEX_SOA_N_PARTS; i++)
    {
      if (g_str_equal (part_names[i], name))
        {
          if (part != NULL)
            *part = (AnnexSoaPart) i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
append_part (GString      *text,
             AnnexSoaPart  part,
             guint         n,
             gboolean      markup)
{
  g_autofree char *words = annex_soa_format_part (part, n);

  if (text->len > 0)
    /* Translators: separates the parts of the SoA summary: "61 applicable · 12 excluded". */
    g_string_append (text, _(" · "));

  if (markup)
    {
      /* A part wraps as a whole, at the separators: "34 implemented", never "34" then
       * "implemented" on the next line. */
      g_auto(GStrv) pieces = g_strsplit (words, " ", -1);
      g_free (words);
      words = g_strjoinv ("\u00a0", pieces);
    }

  if (markup && n > 0)
    {
      g_autofree char *escaped = g_markup_escape_text (words, -1);

      g_string_append_printf (text, "<a href=\"%s\">%s</a>", part_names[part], escaped);
    }
  else if (markup)
    {
      g_autofree char *escaped = g_markup_escape_text (words, -1);

      g_string_append (text, escaped);
    }
  else
    g_string_append (text, words);
}

char *
annex_soa_format_summary (const AnnexSoaSummary *summary,
                          gboolean               markup)
{
  GString *text;

  g_return_val_if_fail (summary != NULL, NULL);

  text = g_string_new (NULL);
  append_part (text, ANNEX_SOA_PART_APPLICABLE, summary->applicable, markup);
  append_part (text, ANNEX_SOA_PART_EXCLUDED, summary->excluded, markup);
  append_part (text, ANNEX_SOA_PART_UNDECIDED, summary->undecided, markup);
  append_part (text, ANNEX_SOA_PART_IMPLEMENTED, summary->implemented, markup);

  return g_string_free (text, FALSE);
}

char *
annex_soa_format_gaps (const AnnexSoaSummary *summary,
                       gboolean               markup)
{
  GString *text;

  g_return_val_if_fail (summary != NULL, NULL);

  text = g_string_new (NULL);
  if (summary->no_reason > 0)
    append_part (text, ANNEX_SOA_PART_NO_REASON, summary->no_reason, markup);
  if (summary->no_justification > 0)
    append_part (text, ANNEX_SOA_PART_NO_JUSTIFICATION, summary->no_justification, markup);
  if (summary->no_plan > 0)
    append_part (text, ANNEX_SOA_PART_NO_PLAN, summary->no_plan, markup);

  if (text->len == 0)
    {
      g_string_free (text, TRUE);
      return NULL;
    }

  return g_string_free (text, FALSE);
}

char *
annex_control_format_issues (AnnexControlIssues issues)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (issues & ANNEX_CONTROL_ISSUE_NO_REASON)
    g_string_append (text, _("Applicable, but no reason for including it is given."));
  if (issues & ANNEX_CONTROL_ISSUE_NO_JUSTIFICATION)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, _("Excluded, but the justification for excluding it is empty."));
    }
  if (issues & ANNEX_CONTROL_ISSUE_NO_PLAN)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, _("Not implemented yet, and neither a target date nor an open "
                               "action says when it will be."));
    }

  if (text->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "5.1.1 5.1.2" → "A.5.1.1, A.5.1.2" */
static char *
format_replaces (const char *replaces_2013)
{
  g_auto(GStrv) ids = g_strsplit (replaces_2013, " ", -1);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (*ids[i] == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, _(", "));
      g_string_append_printf (text, "A.%s", ids[i]);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

GPtrArray *
annex_control_dup_info (AnnexControl *control)
{
  const AnnexCatalogueControl *entry;
  GPtrArray *items;

  g_return_val_if_fail (ANNEX_IS_CONTROL (control), NULL);

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) annex_info_item_free);
  entry = annex_control_get_catalogue_entry (control);

  if (entry != NULL)
    {
      g_autofree char *replaces = NULL;

      g_ptr_array_add (items, annex_info_item_new (ANNEX_INFO_TAG, NULL,
                                                   annex_catalogue_theme_label (entry->theme)));
      if (entry->new_in_2022)
        /* Translators: a tag on the Annex A controls that ISO/IEC 27001:2013 did not have. */
        g_ptr_array_add (items, annex_info_item_new (ANNEX_INFO_TAG, NULL, _("New in 2022")));

      g_ptr_array_add (items, annex_info_item_new (ANNEX_INFO_NOTE, NULL,
                                                   annex_catalogue_gettext (entry->guidance)));

      for (guint i = 0; i < ANNEX_CATALOGUE_N_ATTRIBUTES; i++)
        {
          g_autofree char *tags = NULL;

          tags = annex_catalogue_format_tags (i, annex_catalogue_control_get_flags (entry, i));
          g_ptr_array_add (items, annex_info_item_new (ANNEX_INFO_PROPERTY,
                                                       annex_catalogue_attribute_label (i),
                                                       tags));
        }

      replaces = format_replaces (entry->replaces_2013);
      g_ptr_array_add (items,
                       annex_info_item_new (ANNEX_INFO_PROPERTY,
                                            /* Translators: the Annex A ids of ISO/IEC
                                             * 27001:2013 a 2022 control replaces. */
                                            _("Replaces (2013)"),
                                            *replaces != '\0' ? replaces
                                                              : _("None: new in 2022")));
    }
  else
    {
      /* Translators: a tag on the controls the organization added beside Annex A. */
      g_ptr_array_add (items, annex_info_item_new (ANNEX_INFO_TAG, NULL,
                                                   _("Organization-specific")));
    }

  return items;
}

GPtrArray *
annex_requirement_dup_info (AnnexRequirement *requirement)
{
  const AnnexCatalogueClause *clause;
  const char *text;
  GPtrArray *items;

  g_return_val_if_fail (ANNEX_IS_REQUIREMENT (requirement), NULL);

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) annex_info_item_free);
  clause = annex_requirement_get_clause (requirement);

  text = annex_requirement_get_summary (requirement);
  if (text != NULL && *text != '\0')
    g_ptr_array_add (items, annex_info_item_new (ANNEX_INFO_NOTE, NULL, text));

  if (clause != NULL && clause->parent != NULL && *clause->parent != '\0')
    {
      const AnnexCatalogueClause *parent = annex_catalogue_find_clause (clause->parent);

      if (parent != NULL)
        {
          g_autofree char *value = g_strdup_printf ("%s %s", parent->id,
                                                    annex_catalogue_gettext (parent->title));

          /* Translators: the clause a requirement belongs to, e.g. "6.1 Actions to address
           * risks and opportunities". */
          g_ptr_array_add (items, annex_info_item_new (ANNEX_INFO_PROPERTY, _("Part of"), value));
        }
    }

  text = annex_requirement_get_documented_information (requirement);
  if (text != NULL && *text != '\0')
    g_ptr_array_add (items, annex_info_item_new (ANNEX_INFO_PROPERTY,
                                                 _("Documented information"), text));

  return items;
}

gboolean
annex_control_field_visible (AnnexRecord      *record,
                             const AnnexField *field,
                             gpointer          user_data)
{
  AnnexControl *control = ANNEX_CONTROL (record);
  const char *applicability;

  if (g_str_equal (field->name, "title") || g_str_equal (field->name, "theme") ||
      g_str_equal (field->name, "description"))
    return !annex_control_is_annex_a (control);

  applicability = annex_control_get_applicability (control);
  if (g_str_has_prefix (field->name, "reason-"))
    return g_strcmp0 (applicability, "applicable") == 0;
  if (g_str_equal (field->name, "justification"))
    return g_strcmp0 (applicability, "excluded") == 0;

  return TRUE;
}

const char *
annex_control_field_group (const AnnexField *field,
                           gpointer          user_data)
{
  if (g_str_equal (field->name, "applicability") || g_str_equal (field->name, "justification"))
    /* Translators: a section of the control editor: the SoA decision */
    return _("Decision");
  if (g_str_has_prefix (field->name, "reason-"))
    /* Translators: a section of the control editor: why the control is applicable */
    return _("Reasons for Inclusion");
  if (g_str_equal (field->name, "status") || g_str_equal (field->name, "owner") ||
      g_str_equal (field->name, "target-date") || g_str_equal (field->name, "last-reviewed") ||
      g_str_equal (field->name, "implementation-notes") || g_str_equal (field->name, "evidence"))
    /* Translators: a section of the control editor */
    return _("Implementation");

  return NULL;
}

/* Facets and warnings of the controls page */

static gboolean
attribute_facet_match (AnnexRecord *record,
                       guint        choice,
                       gpointer     user_data)
{
  AnnexCatalogueAttribute attribute = GPOINTER_TO_UINT (user_data);
  const AnnexCatalogueTag *tags = annex_catalogue_get_tags (attribute, NULL);
  AnnexControlFilter filter = ANNEX_CONTROL_FILTER_INIT;

  filter.attribute = (int) attribute;
  filter.flag = tags[choice].flag;
  return annex_control_matches_filter (ANNEX_CONTROL (record), &filter);
}

static gboolean
gaps_facet_match (AnnexRecord *record,
                  guint        choice,
                  gpointer     user_data)
{
  AnnexControlFilter filter = ANNEX_CONTROL_FILTER_INIT;

  filter.issues = gaps_choices[choice];
  return annex_control_matches_filter (ANNEX_CONTROL (record), &filter);
}

static char *
control_warning (AnnexRecord *record,
                 gpointer     user_data)
{
  return annex_control_format_issues (annex_control_get_issues (ANNEX_CONTROL (record)) &
                                      GAP_ISSUES);
}

static GPtrArray *
control_info (AnnexRecord *record,
              gpointer     user_data)
{
  return annex_control_dup_info (ANNEX_CONTROL (record));
}

static GPtrArray *
requirement_info (AnnexRecord *record,
                  gpointer     user_data)
{
  return annex_requirement_dup_info (ANNEX_REQUIREMENT (record));
}

static gboolean
catalogue_facet_match (AnnexRecord *record,
                       guint        choice,
                       gpointer     user_data)
{
  AnnexControlsView *self = user_data;
  AnnexControlFilter filter = ANNEX_CONTROL_FILTER_INIT;

  if (choice == 0)
    filter.catalogue = ANNEX_CONTROL_CATALOGUE_ANNEX_A;
  else if (choice == 1)
    filter.catalogue = ANNEX_CONTROL_CATALOGUE_CUSTOM;
  else if (choice - CATALOGUE_FIXED_CHOICES < self->catalogue_ids->len)
    filter.catalogue = g_array_index (self->catalogue_ids, gint64,
                                      choice - CATALOGUE_FIXED_CHOICES);
  else
    return FALSE;

  return annex_control_matches_filter (ANNEX_CONTROL (record), &filter);
}

/* The catalogue facet follows the imported catalogues: rebuilt when one is added or renamed,
 * keeping the catalogue chosen when it is still there. */
static void
update_catalogue_facet (AnnexControlsView *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint n = self->catalogues != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->catalogues))
                                     : 0;
  guint old_choice = annex_register_page_get_facet (self->controls_page, CATALOGUE_FACET);
  gint64 old_id = 0;
  guint new_choice = ANNEX_FACET_ANY;

  if (old_choice != ANNEX_FACET_ANY && old_choice < CATALOGUE_FIXED_CHOICES)
    new_choice = old_choice;
  else if (old_choice != ANNEX_FACET_ANY &&
           old_choice - CATALOGUE_FIXED_CHOICES < self->catalogue_ids->len)
    old_id = g_array_index (self->catalogue_ids, gint64, old_choice - CATALOGUE_FIXED_CHOICES);

  annex_register_page_remove_facet (self->controls_page, CATALOGUE_FACET);
  g_array_set_size (self->catalogue_ids, 0);
  if (n == 0)
    return;

  /* Translators: a choice of the controls' "Catalog" filter */
  g_ptr_array_add (labels, (gpointer) _("ISO/IEC 27001 Annex A"));
  /* Translators: a choice of the controls' "Catalog" filter: controls the organization added */
  g_ptr_array_add (labels, (gpointer) _("Organization-specific"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexControlCatalogue) catalogue = g_list_model_get_item (G_LIST_MODEL (self->catalogues),
                                                                          i);
      gint64 id = annex_record_get_id (ANNEX_RECORD (catalogue));

      g_array_append_val (self->catalogue_ids, id);
      g_ptr_array_add (labels, (gpointer) annex_control_catalogue_get_title (catalogue));
      if (id == old_id)
        new_choice = CATALOGUE_FIXED_CHOICES + i;
    }
  g_ptr_array_add (labels, NULL);

  /* Translators: the filter of controls by the catalogue they come from */
  annex_register_page_add_facet (self->controls_page, CATALOGUE_FACET, _("Catalog"),
                                 (const char * const *) labels->pdata,
                                 catalogue_facet_match, self, NULL);
  if (new_choice != ANNEX_FACET_ANY)
    annex_register_page_set_facet (self->controls_page, CATALOGUE_FACET, new_choice);
}

static void
on_catalogues_loaded_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(AnnexControlsView) self = user_data;
  g_autoptr(GError) error = NULL;

  /* Without the catalogues the facet is not offered; the controls still show. */
  if (!annex_register_load_finish (ANNEX_REGISTER (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not load the control catalogues: %s", error->message);
}

static void
add_control_facets (AnnexControlsView *self)
{
  for (guint i = 0; i < ANNEX_CATALOGUE_N_ATTRIBUTES; i++)
    {
      guint n_tags = 0;
      const AnnexCatalogueTag *tags = annex_catalogue_get_tags (i, &n_tags);
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      for (guint j = 0; j < n_tags; j++)
        g_ptr_array_add (labels, (gpointer) annex_catalogue_gettext (tags[j].label));
      g_ptr_array_add (labels, NULL);

      annex_register_page_add_facet (self->controls_page, annex_catalogue_attribute_nick (i),
                                     annex_catalogue_attribute_label (i),
                                     (const char * const *) labels->pdata,
                                     attribute_facet_match, GUINT_TO_POINTER (i), NULL);
    }

  {
    const char *labels[] = {
      /* Translators: a choice of the "Completeness" filter: controls with any gap */
      _("Any gap"),
      _("No reason for inclusion"),
      _("No justification for exclusion"),
      _("No implementation plan"),
      NULL
    };

    G_STATIC_ASSERT (G_N_ELEMENTS (labels) == G_N_ELEMENTS (gaps_choices) + 1);
    /* Translators: the filter of controls by what the SoA still lacks */
    annex_register_page_add_facet (self->controls_page, GAPS_FACET, _("Completeness"), labels,
                                   gaps_facet_match, NULL, NULL);
  }
}

/* The summary bar */

static void
update_summary (AnnexControlsView *self)
{
  g_autofree char *summary = NULL;
  g_autofree char *gaps = NULL;
  gboolean loaded = self->controls != NULL && annex_register_get_loaded (self->controls);

  gtk_widget_set_visible (self->summary_box, loaded &&
                          g_list_model_get_n_items (G_LIST_MODEL (self->controls)) > 0);
  if (!loaded)
    return;

  annex_soa_summary_compute (G_LIST_MODEL (self->controls), &self->summary);
  summary = annex_soa_format_summary (&self->summary, TRUE);
  gaps = annex_soa_format_gaps (&self->summary, TRUE);

  gtk_label_set_markup (self->summary_label, summary);
  gtk_label_set_markup (self->gaps_label, gaps != NULL ? gaps : "");
  gtk_widget_set_visible (self->gaps_box, gaps != NULL);
}

static void
do_update (AnnexControlsView *self)
{
  g_clear_handle_id (&self->update_source, g_source_remove);

  if (self->controls == NULL || !annex_register_get_loaded (self->controls))
    {
      update_summary (self);
      return;
    }

  /* Before the actions have loaded, no control has an open action yet: the plan gaps show
   * once they are in. */
  if (self->actions != NULL && annex_register_get_loaded (self->actions))
    annex_control_update_open_actions (G_LIST_MODEL (self->controls),
                                       G_LIST_MODEL (self->actions));

  update_summary (self);
}

static gboolean
update_idle_cb (gpointer user_data)
{
  AnnexControlsView *self = user_data;

  self->update_source = 0;
  do_update (self);
  return G_SOURCE_REMOVE;
}

/* After the registers have taken a change in (a write, a load): once per main loop turn. */
static void
queue_update (AnnexControlsView *self)
{
  if (self->update_source != 0)
    return;

  self->update_source = g_idle_add (update_idle_cb, self);
  g_source_set_name_by_id (self->update_source, "[annex] controls view update");
}

static gboolean
on_summary_link_cb (GtkLabel          *label,
                    const char        *uri,
                    AnnexControlsView *self)
{
  AnnexRegisterPage *page = self->controls_page;
  AnnexSoaPart part;
  g_autoptr(GTypeClass) klass = NULL;
  const AnnexField *field;

  if (!annex_soa_part_from_name (uri, &part))
    return FALSE;

  klass = g_type_class_ref (ANNEX_TYPE_CONTROL);

  /* The counts are of the whole register: the list then shows exactly the controls counted. */
  annex_register_page_set_search_text (page, NULL);
  annex_register_page_clear_filters (page);

  field = annex_record_class_find_field (ANNEX_RECORD_CLASS (klass), "applicability", NULL);
  switch (part)
    {
    case ANNEX_SOA_PART_APPLICABLE:
      annex_register_page_set_facet (page, "applicability",
                                     annex_field_get_choice_index (field, "applicable"));
      break;
    case ANNEX_SOA_PART_EXCLUDED:
      annex_register_page_set_facet (page, "applicability",
                                     annex_field_get_choice_index (field, "excluded"));
      break;
    case ANNEX_SOA_PART_UNDECIDED:
      annex_register_page_set_facet (page, "applicability",
                                     annex_field_get_choice_index (field, "undecided"));
      break;
    case ANNEX_SOA_PART_IMPLEMENTED:
      {
        const AnnexField *status =
          annex_record_class_find_field (ANNEX_RECORD_CLASS (klass), "status", NULL);

        annex_register_page_set_facet (page, "applicability",
                                       annex_field_get_choice_index (field, "applicable"));
        annex_register_page_set_facet (page, "status",
                                       annex_field_get_choice_index (status, "implemented"));
      }
      break;
    case ANNEX_SOA_PART_NO_REASON:
      annex_register_page_set_facet (page, GAPS_FACET, 1);
      break;
    case ANNEX_SOA_PART_NO_JUSTIFICATION:
      annex_register_page_set_facet (page, GAPS_FACET, 2);
      break;
    case ANNEX_SOA_PART_NO_PLAN:
      annex_register_page_set_facet (page, GAPS_FACET, 3);
      break;
    default:
      return FALSE;
    }

  return TRUE;
}

static GtkWidget *
create_summary_bar (AnnexControlsView *self)
{
  GtkWidget *outer, *box, *icon, *label;

  outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_add_css_class (box, "soa-summary");
  gtk_box_append (GTK_BOX (outer), box);

  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "numeric");
  g_signal_connect_object (label, "activate-link", G_CALLBACK (on_summary_link_cb), self, 0);
  gtk_box_append (GTK_BOX (box), label);
  self->summary_label = GTK_LABEL (label);

  self->gaps_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (self->gaps_box), icon);
  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "numeric");
  g_signal_connect_object (label, "activate-link", G_CALLBACK (on_summary_link_cb), self, 0);
  gtk_box_append (GTK_BOX (self->gaps_box), label);
  self->gaps_label = GTK_LABEL (label);
  gtk_box_append (GTK_BOX (box), self->gaps_box);

  gtk_box_append (GTK_BOX (outer), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  self->summary_box = outer;
  gtk_widget_set_visible (outer, FALSE);
  return outer;
}

/* Signal callbacks */

static void
on_page_add_toast_cb (AnnexControlsView *self,
                      AdwToast          *toast)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static void
on_stack_visible_child_cb (AnnexControlsView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_PAGE]);
}

static void
on_database_changed_cb (AnnexControlsView *self,
                        const char        *table)
{
  if (g_strcmp0 (table, "controls") == 0 || g_strcmp0 (table, "actions") == 0)
    queue_update (self);
}

/* GObject */

static void
annex_controls_view_dispose (GObject *object)
{
  AnnexControlsView *self = ANNEX_CONTROLS_VIEW (object);

  g_clear_handle_id (&self->update_source, g_source_remove);
  if (self->control_signals != NULL)
    g_signal_group_set_target (self->control_signals, NULL);
  if (self->action_signals != NULL)
    g_signal_group_set_target (self->action_signals, NULL);
  if (self->database_signals != NULL)
    g_signal_group_set_target (self->database_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANNEX_TYPE_CONTROLS_VIEW);

  g_clear_object (&self->control_signals);
  g_clear_object (&self->action_signals);
  g_clear_object (&self->database_signals);
  g_clear_object (&self->controls);
  g_clear_object (&self->requirements);
  g_clear_object (&self->actions);
  g_clear_object (&self->risks);
  g_clear_object (&self->risks_section);
  if (self->catalogues != NULL)
    g_signal_handlers_disconnect_by_data (self->catalogues, self);
  g_clear_object (&self->catalogues);
  g_clear_pointer (&self->catalogue_ids, g_array_unref);

  G_OBJECT_CLASS (annex_controls_view_parent_class)->dispose (object);
}

static void
annex_controls_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AnnexControlsView *self = ANNEX_CONTROLS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTROL_REGISTER:
      g_value_set_object (value, self->controls);
      break;
    case PROP_REQUIREMENT_REGISTER:
      g_value_set_object (value, self->requirements);
      break;
    case PROP_ACTION_REGISTER:
      g_value_set_object (value, self->actions);
      break;
    case PROP_VISIBLE_PAGE:
      g_value_set_string (value, annex_controls_view_get_visible_page (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_controls_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AnnexControlsView *self = ANNEX_CONTROLS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTROL_REGISTER:
      annex_controls_view_set_registers (self, g_value_get_object (value), self->requirements,
                                         self->actions);
      break;
    case PROP_REQUIREMENT_REGISTER:
      annex_controls_view_set_registers (self, self->controls, g_value_get_object (value),
                                         self->actions);
      break;
    case PROP_ACTION_REGISTER:
      annex_controls_view_set_registers (self, self->controls, self->requirements,
                                         g_value_get_object (value));
      break;
    case PROP_VISIBLE_PAGE:
      annex_controls_view_set_visible_page (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static AdwViewStack *
annex_controls_view_get_stack (AnnexPagedView *view)
{
  return ANNEX_CONTROLS_VIEW (view)->stack;
}

static void
annex_controls_view_set_reveal_switcher_bar (AnnexPagedView *view,
                                             gboolean        reveal)
{
  adw_view_switcher_bar_set_reveal (ANNEX_CONTROLS_VIEW (view)->switcher_bar, reveal);
}

static void
annex_controls_view_paged_view_init (AnnexPagedViewInterface *iface)
{
  iface->get_stack = annex_controls_view_get_stack;
  iface->set_reveal_switcher_bar = annex_controls_view_set_reveal_switcher_bar;
}

static void
annex_controls_view_class_init (AnnexControlsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = annex_controls_view_dispose;
  object_class->get_property = annex_controls_view_get_property;
  object_class->set_property = annex_controls_view_set_property;

  properties[PROP_CONTROL_REGISTER] =
    g_param_spec_object ("control-register", NULL, NULL, ANNEX_TYPE_REGISTER, rw);
  properties[PROP_REQUIREMENT_REGISTER] =
    g_param_spec_object ("requirement-register", NULL, NULL, ANNEX_TYPE_REGISTER, rw);
  properties[PROP_ACTION_REGISTER] =
    g_param_spec_object ("action-register", NULL, NULL, ANNEX_TYPE_REGISTER, rw);
  properties[PROP_VISIBLE_PAGE] =
    g_param_spec_string ("visible-page", NULL, NULL, "controls", rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ADD_TOAST] =
    g_signal_new ("add-toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  g_type_ensure (ANNEX_TYPE_REGISTER_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/annex-controls-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnexControlsView, box);
  gtk_widget_class_bind_template_child (widget_class, AnnexControlsView, stack);
  gtk_widget_class_bind_template_child (widget_class, AnnexControlsView, controls_page);
  gtk_widget_class_bind_template_child (widget_class, AnnexControlsView, requirements_page);
  gtk_widget_class_bind_template_child (widget_class, AnnexControlsView, switcher_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_page_add_toast_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
annex_controls_view_init (AnnexControlsView *self)
{
  static const char * const control_bulk_fields[] = {
    "applicability", "reason-risk", "reason-legal", "reason-contractual", "reason-business",
    "reason-best-practice", "justification", "status", "owner", "target-date", NULL
  };
  static const char * const control_column_priority[] = {
    "applicability", "status", "owner", "theme", NULL
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->catalogue_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* Controls: the SoA summary above the list, warnings on incomplete decisions, the 27002
   * attributes and completeness as filters, decision rows that follow the decision. */
  annex_register_page_set_header_widget (self->controls_page, create_summary_bar (self));
  annex_register_page_set_warning_func (self->controls_page, control_warning, NULL, NULL);
  annex_register_page_set_column_priority (self->controls_page, control_column_priority);
  annex_register_page_set_visible_func (self->controls_page, annex_control_field_visible, NULL,
                                        NULL);
  annex_register_page_set_info_func (self->controls_page, control_info, NULL, NULL);
  annex_register_page_set_group_func (self->controls_page, annex_control_field_group, NULL, NULL);
  annex_register_page_set_bulk_fields (self->controls_page, control_bulk_fields);
  add_control_facets (self);

  /* Requirements: the clause's summary and documented information with each. */
  annex_register_page_set_info_func (self->requirements_page, requirement_info, NULL, NULL);

  self->control_signals = g_signal_group_new (ANNEX_TYPE_REGISTER);
  g_signal_group_connect_data (self->control_signals, "items-changed",
                               G_CALLBACK (queue_update), self, NULL,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_group_connect_swapped (self->control_signals, "notify::loaded",
                                  G_CALLBACK (queue_update), self);

  self->action_signals = g_signal_group_new (ANNEX_TYPE_REGISTER);
  g_signal_group_connect_data (self->action_signals, "items-changed",
                               G_CALLBACK (queue_update), self, NULL,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_group_connect_swapped (self->action_signals, "notify::loaded",
                                  G_CALLBACK (queue_update), self);

  self->database_signals = g_signal_group_new (ANNEX_TYPE_DATABASE);
  g_signal_group_connect_swapped (self->database_signals, "changed",
                                  G_CALLBACK (on_database_changed_cb), self);
}

/* Public API */

GtkWidget *
annex_controls_view_new (void)
{
  return g_object_new (ANNEX_TYPE_CONTROLS_VIEW, NULL);
}

void
annex_controls_view_set_registers (AnnexControlsView *self,
                                   AnnexRegister     *controls,
                                   AnnexRegister     *requirements,
                                   AnnexRegister     *actions)
{
  g_return_if_fail (ANNEX_IS_CONTROLS_VIEW (self));
  g_return_if_fail (controls == NULL || ANNEX_IS_REGISTER (controls));
  g_return_if_fail (requirements == NULL || ANNEX_IS_REGISTER (requirements));
  g_return_if_fail (actions == NULL || ANNEX_IS_REGISTER (actions));
  g_return_if_fail (controls == NULL ||
                    annex_register_get_record_type (controls) == ANNEX_TYPE_CONTROL);
  g_return_if_fail (requirements == NULL ||
                    annex_register_get_record_type (requirements) == ANNEX_TYPE_REQUIREMENT);

  if (g_set_object (&self->controls, controls))
    {
      g_signal_group_set_target (self->control_signals, controls);
      g_signal_group_set_target (self->database_signals,
                                 controls != NULL ? annex_register_get_database (controls) : NULL);
      annex_register_page_set_register (self->controls_page, controls);

      /* The imported catalogues, read on the worker like the controls; the register reloads
       * itself after an import. */
      if (self->catalogues != NULL)
        g_signal_handlers_disconnect_by_data (self->catalogues, self);
      g_clear_object (&self->catalogues);
      if (controls != NULL)
        {
          self->catalogues = annex_register_new (annex_register_get_database (controls),
                                                 ANNEX_TYPE_CONTROL_CATALOGUE);
          g_signal_connect_swapped (self->catalogues, "items-changed",
                                    G_CALLBACK (update_catalogue_facet), self);
          annex_register_load_async (self->catalogues, NULL, on_catalogues_loaded_cb,
                                     g_object_ref (self));
        }
      update_catalogue_facet (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTROL_REGISTER]);
    }

  if (g_set_object (&self->requirements, requirements))
    {
      annex_register_page_set_register (self->requirements_page, requirements);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUIREMENT_REGISTER]);
    }

  if (g_set_object (&self->actions, actions))
    {
      g_signal_group_set_target (self->action_signals, actions);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTION_REGISTER]);
    }

  do_update (self);
}

AnnexRegister *
annex_controls_view_get_control_register (AnnexControlsView *self)
{
  g_return_val_if_fail (ANNEX_IS_CONTROLS_VIEW (self), NULL);

  return self->controls;
}

AnnexRegister *
annex_controls_view_get_requirement_register (AnnexControlsView *self)
{
  g_return_val_if_fail (ANNEX_IS_CONTROLS_VIEW (self), NULL);

  return self->requirements;
}

AnnexRegisterPage *
annex_controls_view_get_controls_page (AnnexControlsView *self)
{
  g_return_val_if_fail (ANNEX_IS_CONTROLS_VIEW (self), NULL);

  return self->controls_page;
}

AnnexRegisterPage *
annex_controls_view_get_requirements_page (AnnexControlsView *self)
{
  g_return_val_if_fail (ANNEX_IS_CONTROLS_VIEW (self), NULL);

  return self->requirements_page;
}

const char *
annex_controls_view_get_visible_page (AnnexControlsView *self)
{
  g_return_val_if_fail (ANNEX_IS_CONTROLS_VIEW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

void
annex_controls_view_set_visible_page (AnnexControlsView *self,
                                      const char        *name)
{
  g_return_if_fail (ANNEX_IS_CONTROLS_VIEW (self));

  if (g_strcmp0 (name, "controls") == 0 || g_strcmp0 (name, "requirements") == 0)
    adw_view_stack_set_visible_child_name (self->stack, name);
}

void
annex_controls_view_update (AnnexControlsView *self)
{
  g_return_if_fail (ANNEX_IS_CONTROLS_VIEW (self));

  do_update (self);
}

char *
annex_controls_view_dup_summary_text (AnnexControlsView *self)
{
  g_autofree char *summary = NULL;
  g_autofree char *gaps = NULL;

  g_return_val_if_fail (ANNEX_IS_CONTROLS_VIEW (self), NULL);

  if (!gtk_widget_get_visible (self->summary_box))
    return g_strdup ("");

  summary = annex_soa_format_summary (&self->summary, FALSE);
  gaps = annex_soa_format_gaps (&self->summary, FALSE);
  return gaps != NULL ? g_strdup_printf ("%s\n%s", summary, gaps) : g_steal_pointer (&summary);
}

void
annex_controls_view_set_risk_register (AnnexControlsView *self,
                                       AnnexRegister     *risks)
{
  g_return_if_fail (ANNEX_IS_CONTROLS_VIEW (self));
  g_return_if_fail (risks == NULL || ANNEX_IS_REGISTER (risks));

  if (!g_set_object (&self->risks, risks))
    return;

  /* A section lists the links of one workspace: the next one gets its own. */
  if (self->risks_section != NULL)
    {
      GtkWidget *parent = gtk_widget_get_parent (self->risks_section);

      if (GTK_IS_BOX (parent))
        gtk_box_remove (GTK_BOX (parent), self->risks_section);
      g_clear_object (&self->risks_section);
    }

  if (risks != NULL)
    {
      self->risks_section = g_object_ref_sink (annex_link_section_new (_("Linked Risks"), risks,
                                                                       ANNEX_LINK_TO_RECORD));
      annex_link_section_set_empty_text (ANNEX_LINK_SECTION (self->risks_section),
                                         _("No risk is treated with this control yet."));
      annex_link_section_attach (ANNEX_LINK_SECTION (self->risks_section),
                                 annex_register_page_get_editor (self->controls_page));
    }
}

GtkWidget *
annex_controls_view_get_risks_section (AnnexControlsView *self)
{
  g_return_val_if_fail (ANNEX_IS_CONTROLS_VIEW (self), NULL);

  return self->risks_section;
}
