/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-overview-view.c: the Overview view, the first screen of a workspace: the readiness score
 * with its parts and the next step, the residual risk heat map, the Statement of Applicability
 * by theme, the follow-up and the readiness checks with the records each concerns. */

#define G_LOG_DOMAIN "annex-overview-view"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "annex-catalogue.h"
#include "annex-clause-guide.h"
#include "annex-overview-view.h"
#include "annex-readiness.h"
#include "annex-register-format.h"
#include "annex-risk-register.h"
#include "annex-search.h"

/* At most this wide, the two columns stack into one. */
#define NARROW_WIDTH 600
/* A burst of edits (an import, typing in an editor) recomputes once, this long after the last. */
#define REFRESH_DELAY_MS 300
/* The records listed under a finding; the rest are in its view. */
#define MAX_RECORDS 25
#define RING_MIN_SIZE 112

struct _AnnexOverviewView
{
  GtkWidget          parent_instance;

  /* template widgets */
  GtkWidget         *scroller;
  GtkBox            *columns_box;
  GtkListBox        *score_list;
  GtkWidget         *score_overlay;
  GtkDrawingArea    *score_ring;
  GtkLabel          *score_label;
  GtkLabel          *score_title;
  GtkLabel          *next_step_label;
  GtkWidget         *next_step_button;
  AnnexHeatMap      *heat_map;
  GtkLabel          *risk_total_label;
  AdwPreferencesGroup *soa_group;
  AdwActionRow      *nonconformities_row;
  GtkLabel          *nonconformities_label;
  AdwActionRow      *actions_row;
  GtkLabel          *actions_label;
  AdwActionRow      *audit_row;
  AdwActionRow      *review_row;
  GtkListBox        *checks_list;

  /* borrowed (children of the template's lists) */
  AdwActionRow      *part_rows[ANNEX_READINESS_N_PARTS];
  GtkLevelBar       *part_bars[ANNEX_READINESS_N_PARTS];
  AdwActionRow      *theme_rows[4];
  GtkLevelBar       *theme_decided_bars[4];
  GtkLevelBar       *theme_implemented_bars[4];

  /* owned */
  AnnexDatabase     *database;
  AnnexReadiness    *readiness;
  AnnexRiskMethod   *method;
  GHashTable        *expanded;       /* rule ids of the findings the user expanded */
  char              *today;
  GCancellable      *refresh_cancellable;  /* the refresh running on a worker, if any */
  guint              refresh_source;
  guint              layout_source;
  guint              n_refreshes;
  gboolean           dirty;          /* the database changed while the view was not mapped */
  gboolean           narrow;
  int                ring_size;      /* the score ring's diameter, around its label */
};

G_DEFINE_FINAL_TYPE (AnnexOverviewView, annex_overview_view, GTK_TYPE_WIDGET)

enum {
  SHOW_RISKS,
  ADD_TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The view that fixes a part of the score. */
static const char * const part_views[ANNEX_READINESS_N_PARTS] = {
  [ANNEX_READINESS_PART_CLAUSES] = "controls",
  [ANNEX_READINESS_PART_SOA] = "controls",
  [ANNEX_READINESS_PART_IMPLEMENTED] = "controls",
  [ANNEX_READINESS_PART_REGISTERS] = "context",
  [ANNEX_READINESS_PART_AUDIT] = "audits",
  [ANNEX_READINESS_PART_REVIEW] = "reviews",
};

/* Auxiliary functions */

/* How far along a score is, in words a trainer can point at. A readiness check an auditor
 * would raise as a nonconformity (an error) holds back "ready" whatever the score. */
static const char *
score_title (guint    score,
             gboolean has_errors)
{
  if (score >= 90 && !has_errors)
    return _("Ready for a certification audit");
  if (score >= 90)
    return _("Nearly ready: fix the errors first");
  if (score >= 70)
    return _("Nearly ready for certification");
  if (score >= 40)
    return _("On the way to certification");
  return _("Getting started");
}

static gboolean
has_error_findings (const AnnexReadiness *readiness)
{
  for (guint i = 0; i < readiness->findings->len; i++)
    {
      const AnnexCheckFinding *finding = g_ptr_array_index (readiness->findings, i);

      if (finding->severity == ANNEX_CHECK_SEVERITY_ERROR)
        return TRUE;
    }
  return FALSE;
}

static double
fraction (guint done,
          guint total)
{
  return total > 0 ? MIN (1.0, (double) done / total) : 0.0;
}

static GtkLevelBar *
create_level_bar (void)
{
  GtkWidget *bar = gtk_level_bar_new_for_interval (0.0, 1.0);

  gtk_widget_set_size_request (bar, 96, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  return GTK_LEVEL_BAR (bar);
}

/* The rows of the score's parts and of the SoA themes; their numbers come with each refresh. */
static void
create_rows (AnnexOverviewView *self)
{
  for (guint i = 0; i < ANNEX_READINESS_N_PARTS; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", part_views[i]);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-view");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      self->part_bars[i] = create_level_bar ();
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->part_bars[i]));
      self->part_rows[i] = ADW_ACTION_ROW (row);
      gtk_list_box_append (self->score_list, row);
    }

  for (guint t = 0; t < 4; t++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *bars = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     annex_catalogue_theme_label ((AnnexControlTheme) t));
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", "controls");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-view");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_valign (bars, GTK_ALIGN_CENTER);
      self->theme_decided_bars[t] = create_level_bar ();
      self->theme_implemented_bars[t] = create_level_bar ();
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->theme_decided_bars[t]), _("Decided"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->theme_implemented_bars[t]),
                                   _("Implemented"));
      gtk_box_append (GTK_BOX (bars), GTK_WIDGET (self->theme_decided_bars[t]));
      gtk_box_append (GTK_BOX (bars), GTK_WIDGET (self->theme_implemented_bars[t]));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), bars);
      self->theme_rows[t] = ADW_ACTION_ROW (row);
      adw_preferences_group_add (self->soa_group, row);
    }
}

static void
update_score (AnnexOverviewView *self)
{
  AnnexReadiness *r = self->readiness;
  g_autofree char *score = NULL;
  const AnnexCheckFinding *first = NULL;

  /* Translators: the readiness score, a percentage */
  score = g_strdup_printf (_("%u %%"), r->score);
  gtk_label_set_label (self->score_label, score);
  gtk_label_set_label (self->score_title, score_title (r->score, has_error_findings (r)));
  gtk_widget_queue_draw (GTK_WIDGET (self->score_ring));

  for (guint i = 0; i < ANNEX_READINESS_N_PARTS; i++)
    {
      const AnnexReadinessPartScore *part = &r->parts[i];
      g_autofree char *subtitle = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->part_rows[i]), part->title);
      /* Translators: a part of the readiness score: "12 of 40 · weighs 30 %" */
      subtitle = g_strdup_printf (_("%u of %u · weighs %u %%"), part->done, part->total,
                                  part->weight);
      adw_action_row_set_subtitle (self->part_rows[i], subtitle);
      gtk_level_bar_set_value (self->part_bars[i], fraction (part->done, part->total));
    }

  /* What to do next: the first finding (errors come first), else the part furthest behind. */
  if (r->findings != NULL && r->findings->len > 0)
    first = g_ptr_array_index (r->findings, 0);

  if (first != NULL)
    {
      g_autofree char *next = g_strdup_printf (_("Next: %s"), first->title);

      gtk_label_set_label (self->next_step_label, next);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->next_step_button), "s",
                                        first->view);
      gtk_widget_set_visible (self->next_step_button, TRUE);
    }
  else
    {
      int weakest = -1;
      double weakest_fraction = 1.0;

      for (guint i = 0; i < ANNEX_READINESS_N_PARTS; i++)
        {
          double f = fraction (r->parts[i].done, r->parts[i].total);

          if (f < weakest_fraction)
            {
              weakest = i;
              weakest_fraction = f;
            }
        }

      if (weakest >= 0)
        {
          /* Translators: the next step when no check fails: "Next: Controls implemented" */
          g_autofree char *next = g_strdup_printf (_("Next: %s"), r->parts[weakest].title);

          gtk_label_set_label (self->next_step_label, next);
          gtk_actionable_set_action_target (GTK_ACTIONABLE (self->next_step_button), "s",
                                            part_views[weakest]);
          gtk_widget_set_visible (self->next_step_button, TRUE);
        }
      else
        {
          gtk_label_set_label (self->next_step_label,
                               _("Everything checked is in place: keep the records current."));
          gtk_widget_set_visible (self->next_step_button, FALSE);
        }
    }
}

/* What a refresh computes from the workspace: the readiness and the residual heat map. */
typedef struct
{
  AnnexReadiness   *readiness;
  AnnexRiskMethod  *method;
  AnnexRiskHeatMap  map;
  GError           *map_error;  /* the map could not be counted (the rest still shows) */
} Refresh;

static void
refresh_free (Refresh *refresh)
{
  g_clear_pointer (&refresh->readiness, annex_readiness_free);
  g_clear_object (&refresh->method);
  g_clear_error (&refresh->map_error);
  g_free (refresh);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Refresh, refresh_free)

/* Reads everything the view shows; no widget is touched, so that it can run on a worker with a
 * connection of its own. */
static Refresh *
compute_refresh (AnnexDatabase  *database,
                 const char     *today,
                 GError        **error)
{
  g_autoptr(Refresh) refresh = g_new0 (Refresh, 1);

  refresh->readiness = annex_readiness_compute (database, today, error);
  if (refresh->readiness == NULL)
    return NULL;

  refresh->method = annex_risk_method_load (database, NULL);
  if (refresh->method == NULL)
    refresh->method = g_object_ref (annex_risk_method_get_default ());

  annex_risk_heat_map_count_residual (&refresh->map, database, refresh->method,
                                      &refresh->map_error);

  return g_steal_pointer (&refresh);
}

static void
update_heat_map (AnnexOverviewView *self,
                 Refresh           *refresh)
{
  const AnnexRiskHeatMap *map = &refresh->map;
  g_autofree char *total = NULL;
  guint assessed = 0;

  annex_heat_map_set_method (self->heat_map, refresh->method);
  g_set_object (&self->method, refresh->method);

  if (refresh->map_error != NULL)
    {
      g_signal_emit (self, signals[ADD_TOAST], 0, adw_toast_new (refresh->map_error->message));
      return;
    }

  annex_heat_map_set_counts (self->heat_map, map);
  assessed = map->total - map->levels[0];

  if (map->total == 0)
    total = g_strdup (_("No risks recorded yet."));
  else
    /* Translators: under the residual heat map */
    total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u risk assessed after treatment",
                                          "%u of %u risks assessed after treatment", map->total),
                             assessed, map->total);
  gtk_label_set_label (self->risk_total_label, total);
}

static void
update_follow_up (AnnexOverviewView *self)
{
  AnnexReadiness *r = self->readiness;
  g_autofree char *nonconformities = g_strdup_printf ("%u", r->nonconformities_open);
  g_autofree char *actions = g_strdup_printf ("%u", r->actions_overdue);
  g_autofree char *open_actions = NULL;
  g_autofree char *audit = NULL;
  g_autofree char *review = NULL;

  for (guint t = 0; t < 4; t++)
    {
      g_autofree char *subtitle = NULL;

      /* Translators: SoA progress of a theme: "37 of 37 decided · 20 of 30 implemented" */
      subtitle = g_strdup_printf (_("%u of %u decided · %u of %u implemented"),
                                  r->theme_decided[t], r->theme_total[t],
                                  r->theme_implemented[t], r->theme_applicable[t]);
      adw_action_row_set_subtitle (self->theme_rows[t], subtitle);
      gtk_level_bar_set_value (self->theme_decided_bars[t],
                               fraction (r->theme_decided[t], r->theme_total[t]));
      gtk_level_bar_set_value (self->theme_implemented_bars[t],
                               fraction (r->theme_implemented[t], r->theme_applicable[t]));
    }

  gtk_label_set_label (self->nonconformities_label, nonconformities);
  gtk_label_set_label (self->actions_label, actions);
  open_actions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action open",
                                               "%u actions open", r->actions_open),
                                  r->actions_open);
  adw_action_row_set_subtitle (self->actions_row, open_actions);
  if (r->actions_overdue > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->actions_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->actions_label), "warning");

  if (r->next_audit_reference != NULL)
    {
      g_autofree char *date = annex_format_date (r->next_audit_date);

      if (date != NULL)
        /* Translators: the next audit: "A-2026-02 Access control audit · 5 Mar 2026" */
        audit = g_strdup_printf (_("%s %s · %s"), r->next_audit_reference,
                                 r->next_audit_title != NULL ? r->next_audit_title : "", date);
      else
        audit = g_strdup_printf ("%s %s", r->next_audit_reference,
                                 r->next_audit_title != NULL ? r->next_audit_title : "");
    }
  adw_action_row_set_subtitle (self->audit_row, audit != NULL ? audit : _("None planned"));

  /* The row opens the next audit itself, else the Audits view to plan one. The name is unset
   * while the target changes type, so the helper never sees a mismatched pair. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->audit_row), NULL);
  if (r->next_audit_id > 0)
    {
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->audit_row),
                                              g_variant_new ("(sx)", "audits",
                                                             r->next_audit_id));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->audit_row), "win.show-record");
    }
  else
    {
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->audit_row),
                                              g_variant_new_string ("audits"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->audit_row), "win.show-view");
    }

  review = annex_format_date (r->next_review_date);
  adw_action_row_set_subtitle (self->review_row, review != NULL ? review : _("None planned"));
}

static GtkWidget *
create_severity_icon (const AnnexCheckFinding *finding)
{
  gboolean error = finding->severity == ANNEX_CHECK_SEVERITY_ERROR;
  GtkWidget *icon = gtk_image_new_from_icon_name (error ? "dialog-error-symbolic"
                                                        : "dialog-warning-symbolic");

  gtk_widget_add_css_class (icon, error ? "error" : "warning");
  gtk_widget_set_tooltip_text (icon, error ? _("An auditor would raise a nonconformity")
                                           : _("An auditor would ask about it"));
  return icon;
}

static GtkWidget *
create_show_button (const AnnexCheckFinding *finding)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Show"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", finding->view);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-view");
  gtk_widget_set_tooltip_text (button, _("Open the view to fix it"));
  return button;
}

static GtkWidget *
create_record_row (const AnnexCheckRecord *record)
{
  GtkWidget *row = adw_action_row_new ();
  const char *label = annex_search_get_register_label (record->table);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (record->reference != NULL && record->reference[0] != '\0')
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), record->reference);
  else
    {
      g_autofree char *title = g_strdup_printf ("#%" G_GINT64_FORMAT, record->id);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
    }
  if (label != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), label);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                          g_variant_new ("(sx)", record->table, record->id));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-record");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

/* The record rows of a finding, made when it is first expanded: a large workspace has hundreds
 * of them, rebuilt on every refresh, and most are never looked at. */
static void
fill_finding_row (AdwExpanderRow *row)
{
  GArray *records = g_object_get_data (G_OBJECT (row), "records");
  const char *view = g_object_get_data (G_OBJECT (row), "view");
  guint n;

  if (records == NULL)
    return;
  n = records->len;

  for (guint i = 0; i < n && i < MAX_RECORDS; i++)
    adw_expander_row_add_row (row, create_record_row (&g_array_index (records,
                                                                      AnnexCheckRecord, i)));
  if (n > MAX_RECORDS)
    {
      GtkWidget *more = adw_action_row_new ();
      g_autofree char *title = NULL;

      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more record",
                                            "%u more records", n - MAX_RECORDS),
                               n - MAX_RECORDS);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (more), _("Open the view to see them all"));
      gtk_actionable_set_action_target (GTK_ACTIONABLE (more), "s", view);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (more), "win.show-view");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (more), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (more),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      adw_expander_row_add_row (row, more);
    }

  /* Filled once. */
  g_object_set_data (G_OBJECT (row), "records", NULL);
}

static void
on_finding_expanded_cb (AdwExpanderRow    *row,
                        GParamSpec        *pspec,
                        AnnexOverviewView *self)
{
  const char *rule = gtk_widget_get_name (GTK_WIDGET (row));

  if (adw_expander_row_get_expanded (row))
    {
      fill_finding_row (row);
      g_hash_table_add (self->expanded, g_strdup (rule));
    }
  else
    {
      g_hash_table_remove (self->expanded, rule);
    }
}

static GtkWidget *
create_finding_row (AnnexOverviewView       *self,
                    const AnnexCheckFinding *finding)
{
  guint n = finding->records != NULL ? finding->records->len : 0;
  GtkWidget *row;

  if (n == 0)
    {
      /* About the workspace as a whole: nothing to expand. */
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), finding->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), finding->explanation);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), create_severity_icon (finding));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), create_show_button (finding));
    }
  else
    {
      g_autofree char *count = g_strdup_printf ("%u", n);
      GtkWidget *count_label = gtk_label_new (count);

      row = adw_expander_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), finding->title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), finding->explanation);
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), create_severity_icon (finding));
      gtk_widget_set_name (count_label, "count");
      gtk_widget_add_css_class (count_label, "numeric");
      gtk_widget_add_css_class (count_label, "heading");
      gtk_widget_set_valign (count_label, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (count_label, _("Records concerned"));
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), count_label);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), create_show_button (finding));

      /* The record rows wait for the first expansion (fill_finding_row()); the records stay
       * with the row, whatever becomes of this readiness. */
      g_object_set_data_full (G_OBJECT (row), "records", g_array_ref (finding->records),
                              (GDestroyNotify) g_array_unref);
      g_object_set_data (G_OBJECT (row), "view", (gpointer) finding->view);

      /* An edit elsewhere recomputes the checks: what the user opened stays open. */
      gtk_widget_set_name (row, finding->rule);
      if (g_hash_table_contains (self->expanded, finding->rule))
        {
          fill_finding_row (ADW_EXPANDER_ROW (row));
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
        }
      g_signal_connect_object (row, "notify::expanded", G_CALLBACK (on_finding_expanded_cb),
                               self, 0);
    }

  gtk_widget_set_name (row, finding->rule);
  return row;
}

static void
update_checks (AnnexOverviewView *self)
{
  GPtrArray *findings = self->readiness->findings;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->checks_list))) != NULL)
    gtk_list_box_remove (self->checks_list, child);

  if (findings == NULL || findings->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

      gtk_widget_add_css_class (icon, "success");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("All Checks Pass"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Nothing inconsistent was found. Keep the registers current, "
                                     "and audit and review the ISMS every year."));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_set_name (row, "no-findings");
      gtk_list_box_append (self->checks_list, row);
      return;
    }

  for (guint i = 0; i < findings->len; i++)
    gtk_list_box_append (self->checks_list,
                         create_finding_row (self, g_ptr_array_index (findings, i)));
}

static void
apply_refresh (AnnexOverviewView *self,
               Refresh           *refresh)
{
  g_clear_pointer (&self->readiness, annex_readiness_free);
  self->readiness = g_steal_pointer (&refresh->readiness);

  update_score (self);
  update_heat_map (self, refresh);
  update_follow_up (self);
  update_checks (self);
}

static void
cancel_refresh (AnnexOverviewView *self)
{
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
}

/* On the calling thread: the first view of a workspace (so that it never shows an empty
 * Overview) and annex_overview_view_refresh(). */
static void
do_refresh (AnnexOverviewView *self)
{
  g_autoptr(Refresh) refresh = NULL;
  g_autoptr(GError) error = NULL;

  cancel_refresh (self);
  self->dirty = FALSE;

  if (self->database == NULL)
    return;

  self->n_refreshes++;
  refresh = compute_refresh (self->database, self->today, &error);
  if (refresh == NULL)
    {
      g_signal_emit (self, signals[ADD_TOAST], 0, adw_toast_new (error->message));
      return;
    }

  apply_refresh (self, refresh);
}

typedef struct
{
  char *path;
  char *today;
} RefreshData;

static void
refresh_data_free (RefreshData *data)
{
  g_free (data->path);
  g_free (data->today);
  g_free (data);
}

static void
refresh_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RefreshData *data = task_data;
  g_autoptr(AnnexDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  Refresh *refresh;

  /* A connection of its own: the main one belongs to the main thread. It sees what the edits
   * committed. The workspace was checked when it was opened. */
  db = annex_database_open (data->path,
                            ANNEX_DATABASE_OPEN_READ_ONLY | ANNEX_DATABASE_OPEN_NO_INTEGRITY_CHECK,
                            &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  refresh = compute_refresh (db, data->today, &error);
  annex_database_close (db);
  if (refresh == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, refresh, (GDestroyNotify) refresh_free);
}

static void
on_refresh_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  AnnexOverviewView *self = ANNEX_OVERVIEW_VIEW (source);
  g_autoptr(Refresh) refresh = NULL;
  g_autoptr(GError) error = NULL;

  refresh = g_task_propagate_pointer (G_TASK (result), &error);
  /* Cancelled: a newer refresh or another workspace took its place. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->refresh_cancellable);
  self->n_refreshes++;
  if (refresh == NULL)
    {
      g_signal_emit (self, signals[ADD_TOAST], 0, adw_toast_new (error->message));
      return;
    }

  apply_refresh (self, refresh);
}

/* After edits: the readiness reads every large table (100,000 risks take a few hundred
 * milliseconds), so it is computed on a worker and applied here when ready; the view shows the
 * previous figures meanwhile. */
static void
start_refresh (AnnexOverviewView *self)
{
  g_autoptr(GTask) task = NULL;
  RefreshData *data;

  cancel_refresh (self);
  self->dirty = FALSE;

  if (self->database == NULL)
    return;

  data = g_new0 (RefreshData, 1);
  data->path = g_strdup (annex_database_get_path (self->database));
  data->today = g_strdup (self->today);
  self->refresh_cancellable = g_cancellable_new ();

  task = g_task_new (self, self->refresh_cancellable, on_refresh_done_cb, NULL);
  g_task_set_source_tag (task, start_refresh);
  g_task_set_task_data (task, data, (GDestroyNotify) refresh_data_free);
  g_task_run_in_thread (task, refresh_thread);
}

static void
draw_score_ring (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        user_data)
{
  AnnexOverviewView *self = user_data;
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (area));
  guint score = self->readiness != NULL ? self->readiness->score : 0;
  double size = MIN (width, height);
  double line = MAX (8.0, size * 0.09);
  double radius = size / 2.0 - line / 2.0;
  const char *color_name;
  GdkRGBA track, color;

  gtk_style_context_get_color (context, &track);
  track.alpha *= 0.12;

  if (score >= 90)
    color_name = "success_color";
  else if (score >= 40)
    color_name = "accent_color";
  else
    color_name = "warning_color";
  if (!gtk_style_context_lookup_color (context, color_name, &color))
    gtk_style_context_get_color (context, &color);

  cairo_set_line_width (cr, line);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  gdk_cairo_set_source_rgba (cr, &track);
  cairo_arc (cr, width / 2.0, height / 2.0, radius, 0, 2 * G_PI);
  cairo_stroke (cr);

  if (score > 0)
    {
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_arc (cr, width / 2.0, height / 2.0, radius, -G_PI / 2,
                 -G_PI / 2 + 2 * G_PI * MIN (score, 100) / 100.0);
      cairo_stroke (cr);
    }
}

static gboolean
apply_layout_cb (gpointer user_data)
{
  AnnexOverviewView *self = user_data;

  self->layout_source = 0;
  gtk_widget_set_size_request (GTK_WIDGET (self->score_ring), self->ring_size, self->ring_size);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->columns_box),
                                  self->narrow ? GTK_ORIENTATION_VERTICAL
                                               : GTK_ORIENTATION_HORIZONTAL);
  return G_SOURCE_REMOVE;
}

/* Signal callbacks */

static gboolean
refresh_timeout_cb (gpointer user_data)
{
  AnnexOverviewView *self = user_data;

  self->refresh_source = 0;
  start_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_database_changed_cb (AnnexOverviewView *self,
                        const char        *table)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->refresh_source = g_timeout_add (REFRESH_DELAY_MS, refresh_timeout_cb, self);
}

static void
on_heat_map_cell_picked_cb (AnnexOverviewView *self,
                            guint              likelihood,
                            guint              impact)
{
  /* The map here only points to the Risks view; it keeps no selection of its own. */
  annex_heat_map_set_selected (self->heat_map, 0, 0);
  if (likelihood > 0 && impact > 0)
    g_signal_emit (self, signals[SHOW_RISKS], 0, likelihood, impact);
}

/* Parent overrides */

static void
annex_overview_view_map (GtkWidget *widget)
{
  AnnexOverviewView *self = ANNEX_OVERVIEW_VIEW (widget);

  GTK_WIDGET_CLASS (annex_overview_view_parent_class)->map (widget);

  if (self->dirty)
    start_refresh (self);
}

static void
annex_overview_view_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  AnnexOverviewView *self = ANNEX_OVERVIEW_VIEW (widget);

  gtk_widget_measure (self->scroller, orientation, for_size, minimum, natural, NULL, NULL);
}

static void
annex_overview_view_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  AnnexOverviewView *self = ANNEX_OVERVIEW_VIEW (widget);
  gboolean narrow = width <= NARROW_WIDTH;
  int label_width, label_height, ring_size;

  /* The ring holds the score whatever the text size (the larger-text mode): its diameter
   * follows the label's. */
  gtk_widget_measure (GTK_WIDGET (self->score_label), GTK_ORIENTATION_HORIZONTAL, -1, NULL,
                      &label_width, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->score_label), GTK_ORIENTATION_VERTICAL, -1, NULL,
                      &label_height, NULL, NULL);
  ring_size = MAX (RING_MIN_SIZE, (int) (MAX (label_width, label_height) * 1.45));

  /* One column when narrow. The sizes change after this allocation, not during it. */
  if (narrow != self->narrow || ring_size != self->ring_size)
    {
      self->narrow = narrow;
      self->ring_size = ring_size;
      if (self->layout_source == 0)
        self->layout_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_layout_cb, self,
                                               NULL);
    }

  gtk_widget_allocate (self->scroller, width, height, baseline, NULL);
}

static void
annex_overview_view_dispose (GObject *object)
{
  AnnexOverviewView *self = ANNEX_OVERVIEW_VIEW (object);

  annex_overview_view_set_database (self, NULL);
  g_clear_handle_id (&self->layout_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANNEX_TYPE_OVERVIEW_VIEW);

  G_OBJECT_CLASS (annex_overview_view_parent_class)->dispose (object);
}

static void
annex_overview_view_finalize (GObject *object)
{
  AnnexOverviewView *self = ANNEX_OVERVIEW_VIEW (object);

  g_clear_pointer (&self->readiness, annex_readiness_free);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (annex_overview_view_parent_class)->finalize (object);
}

static void
annex_overview_view_class_init (AnnexOverviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = annex_overview_view_dispose;
  object_class->finalize = annex_overview_view_finalize;

  widget_class->map = annex_overview_view_map;
  widget_class->measure = annex_overview_view_measure;
  widget_class->size_allocate = annex_overview_view_size_allocate;

  signals[SHOW_RISKS] =
    g_signal_new ("show-risks",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  signals[ADD_TOAST] =
    g_signal_new ("add-toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  g_type_ensure (ANNEX_TYPE_CLAUSE_GUIDE);
  g_type_ensure (ANNEX_TYPE_HEAT_MAP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/annex-overview-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnexOverviewView, scroller);
  gtk_widget_class_bind_template_child (widget_class, AnnexOverviewView, columns_box);
  gtk_widget_class_bind_template_child (widget_class, AnnexOverviewView, score_list);
  gtk_widget_class_bind_template_child (widget_class, AnnexOverviewView, score_overlay);
  gtk_widget_class_bind_template_child (widget_class, AnnexOverviewView, score_ring);
  gtk_widget_class_bind_template_child (widget_class, AnnexOverviewView, score_label);
  gtk_widget_class_bind_template_child (widget_class, AnnexOverviewView, score_title);
  gtk_widget_class_bind_template_child (widget_class, AnnexOverviewView, next_step_label);
  gtk_widget_class_bind_template_child (widget_class, AnnexOverviewView, next_step_button);
  gtk_widget_class_bind_template_child (widget_class, AnnexOverviewView, heat_map);
  gtk_widget_class_bind_template_child (widget_class, AnnexOverviewView, risk_total_label);
  gtk_widget_class_bind_template_child (widget_class, AnnexOverviewView, soa_group);
  gtk_widget_class_bind_template_child (widget_class, AnnexOverviewView, nonconformities_row);
  gtk_widget_class_bind_template_child (widget_class, AnnexOverviewView, nonconformities_label);
  gtk_widget_class_bind_template_child (widget_class, AnnexOverviewView, actions_row);
  gtk_widget_class_bind_template_child (widget_class, AnnexOverviewView, actions_label);
  gtk_widget_class_bind_template_child (widget_class, AnnexOverviewView, audit_row);
  gtk_widget_class_bind_template_child (widget_class, AnnexOverviewView, review_row);
  gtk_widget_class_bind_template_child (widget_class, AnnexOverviewView, checks_list);
  gtk_widget_class_bind_template_callback (widget_class, on_heat_map_cell_picked_cb);
}

static void
annex_overview_view_init (AnnexOverviewView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Start in one column: its minimum width fits any window; wide allocations switch. */
  self->narrow = TRUE;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->columns_box), GTK_ORIENTATION_VERTICAL);
  self->ring_size = RING_MIN_SIZE;
  gtk_drawing_area_set_draw_func (self->score_ring, draw_score_ring, self, NULL);
  create_rows (self);
}

/* Public API */

GtkWidget *
annex_overview_view_new (void)
{
  return g_object_new (ANNEX_TYPE_OVERVIEW_VIEW, NULL);
}

void
annex_overview_view_set_database (AnnexOverviewView *self,
                                  AnnexDatabase     *database)
{
  g_return_if_fail (ANNEX_IS_OVERVIEW_VIEW (self));
  g_return_if_fail (database == NULL || ANNEX_IS_DATABASE (database));

  if (self->database == database)
    return;

  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, on_database_changed_cb, self);
  cancel_refresh (self);
  g_set_object (&self->database, database);
  g_hash_table_remove_all (self->expanded);

  if (database == NULL)
    {
      g_clear_pointer (&self->readiness, annex_readiness_free);
      g_clear_object (&self->method);
      return;
    }

  g_signal_connect_object (database, "changed", G_CALLBACK (on_database_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)),
                            0);
  do_refresh (self);
}

AnnexDatabase *
annex_overview_view_get_database (AnnexOverviewView *self)
{
  g_return_val_if_fail (ANNEX_IS_OVERVIEW_VIEW (self), NULL);

  return self->database;
}

void
annex_overview_view_set_today (AnnexOverviewView *self,
                               const char        *today)
{
  g_return_if_fail (ANNEX_IS_OVERVIEW_VIEW (self));

  g_free (self->today);
  self->today = g_strdup (today);
}

void
annex_overview_view_refresh (AnnexOverviewView *self)
{
  g_return_if_fail (ANNEX_IS_OVERVIEW_VIEW (self));

  do_refresh (self);
}

guint
annex_overview_view_get_n_refreshes (AnnexOverviewView *self)
{
  g_return_val_if_fail (ANNEX_IS_OVERVIEW_VIEW (self), 0);

  return self->n_refreshes;
}

guint
annex_overview_view_get_score (AnnexOverviewView *self)
{
  g_return_val_if_fail (ANNEX_IS_OVERVIEW_VIEW (self), 0);

  return self->readiness != NULL ? self->readiness->score : 0;
}

GtkLabel *
annex_overview_view_get_score_label (AnnexOverviewView *self)
{
  g_return_val_if_fail (ANNEX_IS_OVERVIEW_VIEW (self), NULL);

  return self->score_label;
}

AnnexHeatMap *
annex_overview_view_get_heat_map (AnnexOverviewView *self)
{
  g_return_val_if_fail (ANNEX_IS_OVERVIEW_VIEW (self), NULL);

  return self->heat_map;
}

GtkListBox *
annex_overview_view_get_checks_list (AnnexOverviewView *self)
{
  g_return_val_if_fail (ANNEX_IS_OVERVIEW_VIEW (self), NULL);

  return self->checks_list;
}

GtkWidget *
annex_overview_view_get_check_row (AnnexOverviewView *self,
                                   const char        *rule)
{
  g_return_val_if_fail (ANNEX_IS_OVERVIEW_VIEW (self), NULL);
  g_return_val_if_fail (rule != NULL, NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->checks_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (g_strcmp0 (gtk_widget_get_name (row), rule) == 0)
        return row;
    }

  return NULL;
}
