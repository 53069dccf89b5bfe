/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-documents-view.c: the "Documents & people" view: documents with their versions and the
 * mandated-documents header, people and roles with competence gaps, competence evidence and
 * awareness, and the communication plan. */

#define G_LOG_DOMAIN "annex-documents-view"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-awareness.h"
#include "annex-child-list-section.h"
#include "annex-communication.h"
#include "annex-document-version.h"
#include "annex-document.h"
#include "annex-documents-view.h"
#include "annex-link-section.h"
#include "annex-links.h"
#include "annex-people.h"
#include "annex-person.h"
#include "annex-register-format.h"
#include "annex-role.h"
#include "annex-toast.h"
#include "annex-training.h"

/* At most this many missing documents are named in the header's sentence. */
#define MAX_NAMED_MISSING 3

struct _AnnexDocumentsView
{
  GtkWidget             parent_instance;

  /* template widgets */
  GtkWidget            *box;
  AdwViewStack         *stack;
  AnnexRegisterPage    *documents_page;
  AnnexRegisterPage    *people_page;
  AnnexRegisterPage    *roles_page;
  AnnexRegisterPage    *trainings_page;
  AnnexRegisterPage    *awareness_page;
  AnnexRegisterPage    *communications_page;
  GtkStack             *support_stack;
  GtkBox               *support_switcher;
  AdwViewSwitcherBar   *switcher_bar;

  /* the documents page's header */
  GtkWidget            *mandated_icon;
  GtkLabel             *mandated_label;
  GtkWidget            *missing_button;
  GtkRevealer          *missing_revealer;
  GtkListBox           *missing_list;
  GtkWidget            *policy_icon;
  GtkLabel             *policy_label;
  GtkWidget            *policy_button;

  /* the evidence editor's person row */
  AdwComboRow          *person_row;
  GtkStringList        *person_names;

  /* borrowed */
  AnnexVersionsSection *versions_section;
  AnnexChildListSection *evidence_section;   /* one of sections[] */

  /* owned: the editor sections that follow the workspace's registers */
  GtkWidget            *sections[6];

  /* owned */
  AnnexRegister        *documents;
  AnnexRegister        *versions;
  AnnexRegister        *people;
  AnnexRegister        *roles;
  AnnexRegister        *trainings;
  AnnexRegister        *awareness;
  AnnexRegister        *communications;
  AnnexRegister        *requirements;
  AnnexRegister        *controls;
  GSignalGroup         *database_signals;
  GPtrArray            *mandated;        /* AnnexMandatedDocument */
  GPtrArray            *gaps;            /* AnnexCompetenceGap */
  GHashTable           *role_holders;    /* role id → number of holders */
  GArray               *person_ids;      /* of the person row's items (0 first: none) */
  char                 *gaps_key;        /* what the gaps say, to notice a change */
  char                 *mandated_text;
  char                 *policy_text;
  char                 *today;
  gint64                policy_id;       /* the policy the header's button shows, or 0 */
  guint                 update_source;
  gboolean              updating_person_row;
};

static void annex_documents_view_paged_view_init (AnnexPagedViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AnnexDocumentsView, annex_documents_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ANNEX_TYPE_PAGED_VIEW,
                                                      annex_documents_view_paged_view_init))

enum {
  PROP_0,
  PROP_VISIBLE_PAGE,
  N_PROPS
};

enum {
  ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void update (AnnexDocumentsView *self);

/* A date for a sentence: "" when there is none. */
static char *
format_date (const char *iso_date)
{
  char *text = annex_format_date (iso_date);

  return text != NULL ? text : g_strdup ("");
}

/* Pure texts */

char *
annex_documents_format_mandated (guint      n_covered,
                                 guint      n_total,
                                 GPtrArray *items)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint n_missing = n_total - MIN (n_covered, n_total);
  guint n_named = 0;

  if (n_total == 0)
    return g_strdup (_("No mandated documents known"));
  if (n_missing == 0)
    /* Translators: the documents page's header when nothing the standard mandates is missing */
    return g_strdup_printf (ngettext ("The mandated document is in place",
                                      "All %u mandated documents are in place", n_total),
                            n_total);

  for (guint i = 0; items != NULL && i < items->len && n_named < MAX_NAMED_MISSING; i++)
    {
      AnnexMandatedDocument *item = g_ptr_array_index (items, i);

      if (item->covered)
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      /* Translators: a missing mandated document in the header: the clause title and its
       * number ("Information security risk assessment (6.1.2)") */
      g_string_append_printf (names, _("%s (%s)"), item->clause_title, item->clause_id);
      n_named++;
    }
  if (n_missing > n_named)
    {
      g_autofree char *more = NULL;

      /* Translators: ends the list of missing documents when it names only some */
      more = g_strdup_printf (ngettext ("and %u more", "and %u more", n_missing - n_named),
                              n_missing - n_named);
      g_string_append_printf (names, " %s", more);
    }

  /* Translators: the documents page's header: how many of the documents the standard mandates
   * exist, and which are missing ("7 of 14 mandated documents in place — missing: …") */
  return g_strdup_printf (ngettext ("%u of %u mandated document in place — missing: %s",
                                    "%u of %u mandated documents in place — missing: %s",
                                    n_total),
                          n_covered, n_total, names->str);
}

/* Auxiliary functions */

static AnnexDatabase *
get_database (AnnexDocumentsView *self)
{
  return self->documents != NULL ? annex_register_get_database (self->documents) : NULL;
}

static void
emit_toast (AnnexDocumentsView *self,
            AdwToast           *toast)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static void
emit_error_toast (AnnexDocumentsView *self,
                  const GError       *error)
{
  g_autoptr(AdwToast) toast = annex_toast_new_for_error (error);

  emit_toast (self, toast);
}

static gboolean
update_cb (gpointer user_data)
{
  AnnexDocumentsView *self = user_data;

  self->update_source = 0;
  update (self);
  return G_SOURCE_REMOVE;
}

static void
queue_update (AnnexDocumentsView *self)
{
  if (self->update_source == 0)
    {
      self->update_source = g_idle_add (update_cb, self);
      g_source_set_name_by_id (self->update_source, "[annex] documents view update");
    }
}

/* The gaps that concern a person (@person_id) or a role (@role_id), as lines. */
static char *
dup_gap_lines (AnnexDocumentsView *self,
               gint64              person_id,
               gint64              role_id)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; self->gaps != NULL && i < self->gaps->len; i++)
    {
      AnnexCompetenceGap *gap = g_ptr_array_index (self->gaps, i);

      if ((person_id > 0 && gap->person_id != person_id) ||
          (role_id > 0 && gap->role_id != role_id))
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, gap->message);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* Documents */

static char *
document_warning (AnnexRecord *record,
                  gpointer     user_data)
{
  AnnexDocumentsView *self = user_data;
  AnnexDocument *document = ANNEX_DOCUMENT (record);
  g_autoptr(GString) text = g_string_new (NULL);
  const char *status = annex_document_get_status (document);

  if (annex_document_get_security_policy (document) &&
      g_strcmp0 (status, "approved") != 0 && g_strcmp0 (status, "withdrawn") != 0)
    g_string_append (text, _("The information security policy is not approved: approve a "
                             "version of it."));
  if (self->today != NULL && annex_document_is_review_overdue_on (document, self->today))
    {
      g_autofree char *date = format_date (annex_document_get_next_review (document));

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: the tooltip of a document whose review date has passed */
      g_string_append_printf (text, _("The review planned for %s is overdue."), date);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static gboolean
review_facet_match (AnnexRecord *record,
                    guint        choice,
                    gpointer     user_data)
{
  AnnexDocumentsView *self = user_data;

  /* Choice 0: overdue. The date is read before filtering starts (see update()). */
  return self->today != NULL &&
         annex_document_is_review_overdue_on (ANNEX_DOCUMENT (record), self->today);
}

static const char *
document_field_group (const AnnexField *field,
                      gpointer          user_data)
{
  const char *name = field->name;

  if (g_str_equal (name, "owner") || g_str_equal (name, "approver") ||
      g_str_equal (name, "classification") || g_str_equal (name, "location"))
    /* Translators: a section of the document editor */
    return _("Responsibility and Storage");
  if (g_str_equal (name, "review-interval") || g_str_equal (name, "next-review"))
    /* Translators: a section of the document editor */
    return _("Review");

  return NULL;
}

/* The mandated documents header */

static void
on_create_missing_clicked_cb (GtkButton          *button,
                              AnnexDocumentsView *self)
{
  const char *clause_id = g_object_get_data (G_OBJECT (button), "clause-id");

  if (clause_id != NULL)
    annex_documents_view_create_for_clause (self, clause_id);
}

static GtkWidget *
create_missing_row (AnnexDocumentsView    *self,
                    AnnexMandatedDocument *item)
{
  GtkWidget *row, *button;
  g_autofree char *subtitle = NULL;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->documented_information);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  subtitle = g_strdup_printf ("%s %s · %s", item->clause_id, item->clause_title,
                              g_strcmp0 (item->doc_type, "record") == 0
                              /* Translators: documented information the standard says to
                               * retain (evidence of what was done) */
                              ? _("record to retain")
                              /* Translators: documented information the standard says to
                               * maintain (a document kept up to date) */
                              : _("document to maintain"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  button = gtk_button_new_with_label (_("Create"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Translators: the tooltip of the button that creates a document for a mandated item */
  gtk_widget_set_tooltip_text (button, _("Create a draft document for this and open it"));
  g_object_set_data_full (G_OBJECT (button), "clause-id", g_strdup (item->clause_id), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_create_missing_clicked_cb), self,
                           0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
update_mandated (AnnexDocumentsView *self)
{
  AnnexDatabase *db = get_database (self);
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint n_covered, n_total;
  gboolean complete;

  g_clear_pointer (&self->mandated, g_ptr_array_unref);
  if (db != NULL)
    self->mandated = annex_people_dup_mandated_documents (db, &error);
  if (error != NULL)
    g_debug ("mandated documents: %s", error->message);

  n_total = self->mandated != NULL ? self->mandated->len : 0;
  n_covered = self->mandated != NULL ? annex_people_count_covered (self->mandated) : 0;
  complete = n_total > 0 && n_covered == n_total;

  g_free (self->mandated_text);
  self->mandated_text = annex_documents_format_mandated (n_covered, n_total, self->mandated);
  gtk_label_set_label (self->mandated_label, self->mandated_text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->mandated_label), self->mandated_text);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->mandated_icon),
                                complete ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  if (complete)
    {
      gtk_widget_remove_css_class (self->mandated_icon, "warning");
      gtk_widget_add_css_class (self->mandated_icon, "success");
    }
  else
    {
      gtk_widget_remove_css_class (self->mandated_icon, "success");
      gtk_widget_add_css_class (self->mandated_icon, "warning");
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->missing_list))) != NULL)
    gtk_list_box_remove (self->missing_list, child);
  for (guint i = 0; self->mandated != NULL && i < self->mandated->len; i++)
    {
      AnnexMandatedDocument *item = g_ptr_array_index (self->mandated, i);

      if (!item->covered)
        gtk_list_box_append (self->missing_list, create_missing_row (self, item));
    }

  gtk_widget_set_visible (self->missing_button, n_total > 0 && !complete);
  if (complete || n_total == 0)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->missing_button), FALSE);
}

static void
update_policy (AnnexDocumentsView *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *text = NULL;
  gboolean ok = FALSE;

  self->policy_id = 0;
  if (self->documents == NULL)
    {
      g_clear_pointer (&self->policy_text, g_free);
      gtk_label_set_label (self->policy_label, NULL);
      return;
    }

  problems = annex_people_check_policy (G_LIST_MODEL (self->documents), self->today);
  if (problems->len > 0)
    {
      AnnexPolicyProblem *problem = g_ptr_array_index (problems, 0);

      self->policy_id = problem->document_id;
      if (problems->len > 1)
        /* Translators: the policy line when it has several problems: the first one's
         * sentence, then how many more */
        text = g_strdup_printf (ngettext ("%s (and %u more problem)",
                                          "%s (and %u more problems)", problems->len - 1),
                                problem->message, problems->len - 1);
      else
        text = g_strdup (problem->message);
    }
  else
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));

      for (guint i = 0; i < n && self->policy_id == 0; i++)
        {
          g_autoptr(AnnexDocument) document = g_list_model_get_item (
            G_LIST_MODEL (self->documents), i);

          if (annex_document_get_security_policy (document) &&
              g_strcmp0 (annex_document_get_status (document), "approved") == 0)
            {
              g_autofree char *date = format_date (
                annex_document_get_next_review (document));
              const char *version = annex_document_get_current_version (document);

              self->policy_id = annex_record_get_id (ANNEX_RECORD (document));
              /* Translators: the policy line when all is well: the policy's reference, its
               * version in force and the next review ("The information security policy
               * DOC-001 is in force (version 1.0); next review 3 Mar 2026.") */
              text = g_strdup_printf (_("The information security policy %s is in force "
                                        "(version %s); next review %s."),
                                      annex_record_get_reference (ANNEX_RECORD (document)),
                                      version != NULL ? version : "?", date);
            }
        }
      ok = TRUE;
    }

  g_free (self->policy_text);
  self->policy_text = g_steal_pointer (&text);
  gtk_label_set_label (self->policy_label, self->policy_text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->policy_label), self->policy_text);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->policy_icon),
                                ok ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  if (ok)
    {
      gtk_widget_remove_css_class (self->policy_icon, "warning");
      gtk_widget_add_css_class (self->policy_icon, "success");
    }
  else
    {
      gtk_widget_remove_css_class (self->policy_icon, "success");
      gtk_widget_add_css_class (self->policy_icon, "warning");
    }

  gtk_button_set_label (GTK_BUTTON (self->policy_button),
                        self->policy_id > 0 ? _("_Show") : _("Create _Policy"));
}

static void
on_policy_button_clicked_cb (AnnexDocumentsView *self)
{
  if (self->policy_id > 0)
    annex_documents_view_show_record (self, "documents", self->policy_id);
  else
    annex_documents_view_create_for_clause (self, "5.2");
}

static GtkWidget *
create_line (GtkWidget **out_icon,
             GtkLabel  **out_label,
             GtkWidget  *button)
{
  GtkWidget *line, *icon, *label;

  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  gtk_widget_add_css_class (line, "documents-status");

  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (line), icon);

  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* Short on a narrow window: the list keeps its room; the tooltip has the whole text. */
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (line), label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (line), button);

  *out_icon = icon;
  *out_label = GTK_LABEL (label);
  return line;
}

static GtkWidget *
create_documents_header (AnnexDocumentsView *self)
{
  GtkWidget *box, *button, *scroller;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (box, "documents-header");

  /* Translators: opens the list of the mandated documents that are missing */
  button = gtk_toggle_button_new_with_mnemonic (_("_Missing"));
  gtk_widget_add_css_class (button, "flat");
  self->missing_button = button;
  gtk_box_append (GTK_BOX (box), create_line (&self->mandated_icon, &self->mandated_label,
                                              button));

  self->missing_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->missing_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->missing_list), "boxed-list");
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 260);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller),
                                 GTK_WIDGET (self->missing_list));
  gtk_widget_add_css_class (scroller, "documents-missing");
  self->missing_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->missing_revealer, scroller);
  g_object_bind_property (button, "active", self->missing_revealer, "reveal-child",
                          G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->missing_revealer));

  button = gtk_button_new_with_mnemonic (_("_Show"));
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_policy_button_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  self->policy_button = button;
  gtk_box_append (GTK_BOX (box), create_line (&self->policy_icon, &self->policy_label, button));

  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  return box;
}

/* People */

static char *
person_warning (AnnexRecord *record,
                gpointer     user_data)
{
  return dup_gap_lines (user_data, annex_record_get_id (record), 0);
}

static GPtrArray *
person_info (AnnexRecord *record,
             gpointer     user_data)
{
  AnnexDocumentsView *self = user_data;
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) annex_info_item_free);
  g_autofree char *gaps = NULL;
  g_autoptr(GPtrArray) uses = NULL;
  const char *name;

  if (annex_record_get_id (record) == 0)
    return items;

  gaps = dup_gap_lines (self, annex_record_get_id (record), 0);
  if (gaps != NULL)
    g_ptr_array_add (items, annex_info_item_new (ANNEX_INFO_SECTION, _("Competence Gaps"),
                                                 gaps));

  name = annex_person_get_name (ANNEX_PERSON (record));
  if (get_database (self) != NULL && !annex_field_text_is_blank (name))
    uses = annex_people_dup_owner_uses (get_database (self), name, NULL);
  if (uses != NULL && uses->len > 0)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < uses->len; i++)
        {
          AnnexOwnerUse *use = g_ptr_array_index (uses, i);

          if (text->len > 0)
            g_string_append (text, ", ");
          /* Translators: where a person is named: a record's reference and the field
           * ("R-014 (Owner)") */
          g_string_append_printf (text, _("%s (%s)"), use->reference, use->field_label);
        }
      g_ptr_array_add (items, annex_info_item_new (ANNEX_INFO_SECTION, _("Named As Owner In"),
                                                   text->str));
    }

  return items;
}

static void
evidence_row (AnnexRecord  *child,
              char        **title,
              char        **subtitle,
              gpointer      user_data)
{
  AnnexTraining *training = ANNEX_TRAINING (child);
  AnnexDocumentsView *self = user_data;
  g_autofree char *date = format_date (annex_training_get_date (training));
  g_autofree char *until = format_date (annex_training_get_valid_until (training));
  g_autofree char *kind = NULL;

  g_object_get (training, "kind-label", &kind, NULL);
  *title = g_strdup (annex_training_get_title (training));
  if (self->today != NULL && annex_training_is_expired_on (training, self->today))
    /* Translators: an expired piece of competence evidence: its kind and expiry date */
    *subtitle = g_strdup_printf (_("%s · expired on %s"), kind, until);
  else if (*until != '\0')
    /* Translators: competence evidence: its kind, date gained, date it expires */
    *subtitle = g_strdup_printf (_("%s · %s · valid until %s"), kind,
                                 *date != '\0' ? date : "—", until);
  else if (*date != '\0')
    *subtitle = g_strdup_printf ("%s · %s", kind, date);
  else
    *subtitle = g_steal_pointer (&kind);
}

static void
evidence_init (AnnexRecord *child,
               gpointer     user_data)
{
  AnnexDocumentsView *self = user_data;

  annex_record_set_string (child, "date", self->today);
}

/* Roles */

static char *
role_warning (AnnexRecord *record,
              gpointer     user_data)
{
  AnnexDocumentsView *self = user_data;
  gint64 id = annex_record_get_id (record);
  g_autofree char *gaps = dup_gap_lines (self, 0, id);

  if (id > 0 && self->role_holders != NULL && !g_hash_table_contains (self->role_holders, &id))
    {
      /* Translators: the tooltip of a role nobody holds */
      const char *nobody = _("Nobody holds this role yet.");

      return gaps != NULL ? g_strconcat (nobody, "\n", gaps, NULL) : g_strdup (nobody);
    }

  return g_steal_pointer (&gaps);
}

static GPtrArray *
role_info (AnnexRecord *record,
           gpointer     user_data)
{
  AnnexDocumentsView *self = user_data;
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) annex_info_item_free);
  g_autofree char *gaps = NULL;

  if (annex_record_get_id (record) == 0)
    return items;

  gaps = dup_gap_lines (self, 0, annex_record_get_id (record));
  if (gaps != NULL)
    g_ptr_array_add (items, annex_info_item_new (ANNEX_INFO_SECTION, _("Competence Gaps"),
                                                 gaps));
  return items;
}

/* Competence evidence */

static char *
training_warning (AnnexRecord *record,
                  gpointer     user_data)
{
  AnnexDocumentsView *self = user_data;
  AnnexTraining *training = ANNEX_TRAINING (record);
  g_autofree char *date = NULL;

  if (self->today == NULL || !annex_training_is_expired_on (training, self->today))
    return NULL;

  date = format_date (annex_training_get_valid_until (training));
  /* Translators: the tooltip of expired competence evidence */
  return g_strdup_printf (_("Expired on %s."), date);
}

static gboolean
validity_facet_match (AnnexRecord *record,
                      guint        choice,
                      gpointer     user_data)
{
  AnnexDocumentsView *self = user_data;
  gboolean expired = self->today != NULL &&
                     annex_training_is_expired_on (ANNEX_TRAINING (record), self->today);

  /* 0: expired, 1: valid */
  return choice == 0 ? expired : !expired;
}

static gboolean
training_field_visible (AnnexRecord      *record,
                        const AnnexField *field,
                        gpointer          user_data)
{
  /* The person row above the fields says whose evidence it is. */
  return !g_str_equal (field->name, "person-id");
}

static const char *
person_name (AnnexDocumentsView *self,
             gint64              id)
{
  AnnexRecord *person = self->people != NULL ? annex_register_find (self->people, id) : NULL;

  return person != NULL ? annex_person_get_name (ANNEX_PERSON (person)) : NULL;
}

static void
person_cell_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item)
{
  GtkWidget *label = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (label),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
person_cell_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     AnnexDocumentsView       *self)
{
  AnnexTraining *training = gtk_list_item_get_item (item);

  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)),
                            person_name (self, annex_training_get_person_id (training)));
}

static int
person_sort_func (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  AnnexDocumentsView *self = user_data;
  const char *name_a = person_name (self, annex_training_get_person_id ((AnnexTraining *) a));
  const char *name_b = person_name (self, annex_training_get_person_id ((AnnexTraining *) b));

  return g_utf8_collate (name_a != NULL ? name_a : "", name_b != NULL ? name_b : "");
}

static void
add_person_column (AnnexDocumentsView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (person_sort_func, self, NULL));

  g_signal_connect (factory, "setup", G_CALLBACK (person_cell_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (person_cell_bind_cb), self);
  annex_register_page_add_column (self->trainings_page, "person", _("Person"), "kind", 160,
                                  factory, sorter);
}

/* The person row of the evidence editor: whose evidence it is (a new one: choose). */
static void
update_person_row (AnnexDocumentsView *self)
{
  AnnexRecordEditor *editor = annex_register_page_get_editor (self->trainings_page);
  AnnexRecord *record = annex_record_editor_get_record (editor);
  gint64 chosen = record != NULL ? annex_training_get_person_id (ANNEX_TRAINING (record)) : 0;
  guint n = self->people != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->people)) : 0;
  guint selected = 0;
  gint64 none = 0;

  self->updating_person_row = TRUE;

  g_array_set_size (self->person_ids, 0);
  g_array_append_val (self->person_ids, none);
  gtk_string_list_splice (self->person_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->person_names)), NULL);
  /* Translators: the person row of new competence evidence before a person is chosen */
  gtk_string_list_append (self->person_names, _("Choose a person"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexPerson) person = g_list_model_get_item (G_LIST_MODEL (self->people), i);
      gint64 id = annex_record_get_id (ANNEX_RECORD (person));
      const char *name = annex_person_get_name (person);

      g_array_append_val (self->person_ids, id);
      gtk_string_list_append (self->person_names, name != NULL ? name : "");
      if (id == chosen)
        selected = i + 1;
    }
  adw_combo_row_set_selected (self->person_row, selected);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->person_row)), record != NULL);

  self->updating_person_row = FALSE;
}

static void
on_person_row_selected_cb (AnnexDocumentsView *self)
{
  AnnexRecordEditor *editor = annex_register_page_get_editor (self->trainings_page);
  AnnexRecord *record = annex_record_editor_get_record (editor);
  guint selected = adw_combo_row_get_selected (self->person_row);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->updating_person_row || record == NULL || selected >= self->person_ids->len)
    return;

  id = g_array_index (self->person_ids, gint64, selected);
  if (id == annex_training_get_person_id (ANNEX_TRAINING (record)))
    return;

  annex_record_set_int (record, "person-id", id);
  if (annex_record_get_id (record) > 0 &&
      !annex_register_save (self->trainings, record, &error))
    emit_error_toast (self, error);
}

static GtkWidget *
create_person_section (AnnexDocumentsView *self)
{
  GtkWidget *list, *row;

  self->person_names = gtk_string_list_new (NULL);
  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Person"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (self->person_names));
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_person_row_selected_cb), self,
                           G_CONNECT_SWAPPED);
  self->person_row = ADW_COMBO_ROW (row);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return list;
}

/* The support page's switcher: linked toggle buttons whose labels may shorten, so that the
 * page fits a narrow window (a GtkStackSwitcher's labels do not). */

static void
on_support_button_toggled_cb (GtkToggleButton    *button,
                              AnnexDocumentsView *self)
{
  if (gtk_toggle_button_get_active (button))
    gtk_stack_set_visible_child_name (self->support_stack,
                                      g_object_get_data (G_OBJECT (button), "page"));
}

static void
on_support_stack_child_cb (AnnexDocumentsView *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->support_stack);

  for (GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (self->support_switcher));
       button != NULL;
       button = gtk_widget_get_next_sibling (button))
    {
      if (g_strcmp0 (g_object_get_data (G_OBJECT (button), "page"), name) == 0)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
    }
}

static void
create_support_switcher (AnnexDocumentsView *self)
{
  static const struct {
    const char *page;
    const char *label;
    const char *tooltip;
  } buttons[] = {
    /* Translators: the support page's switcher; mnemonics must differ from the others */
    { "trainings", N_("_Competence"), N_("Evidence of competence (clause 7.2)") },
    { "awareness", N_("A_wareness"), N_("Awareness activities (clause 7.3)") },
    { "communications", N_("Co_mmunication"), N_("The communication plan (clause 7.4)") },
  };
  GtkWidget *group = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *label = gtk_label_new_with_mnemonic (_(buttons[i].label));

      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), button);
      gtk_button_set_child (GTK_BUTTON (button), label);
      gtk_widget_set_tooltip_text (button, _(buttons[i].tooltip));
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (group));
      else
        group = button;
      g_object_set_data (G_OBJECT (button), "page", (gpointer) buttons[i].page);
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_support_button_toggled_cb),
                               self, 0);
      gtk_box_append (self->support_switcher, button);
    }

  g_signal_connect_object (self->support_stack, "notify::visible-child",
                           G_CALLBACK (on_support_stack_child_cb), self, G_CONNECT_SWAPPED);
  on_support_stack_child_cb (self);
}

/* The whole view */

/* The competence gaps and the role holders, read again after a change. The warning columns
 * are asked again (by setting their functions anew) only when the gaps changed. */
static void
update_gaps (AnnexDocumentsView *self)
{
  AnnexDatabase *db = get_database (self);
  g_autoptr(GString) key = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->gaps, g_ptr_array_unref);
  g_clear_pointer (&self->role_holders, g_hash_table_unref);
  if (db != NULL)
    {
      self->gaps = annex_people_dup_competence_gaps (db, self->today, &error);
      if (self->gaps == NULL)
        g_debug ("competence gaps: %s", error->message);
      g_clear_error (&error);
      self->role_holders = annex_links_count_sources (db, "people", "roles", &error);
      if (self->role_holders == NULL)
        g_debug ("role holders: %s", error->message);
    }

  for (guint i = 0; self->gaps != NULL && i < self->gaps->len; i++)
    g_string_append_printf (key, "%s\n",
                            ((AnnexCompetenceGap *) g_ptr_array_index (self->gaps, i))->message);
  if (self->role_holders != NULL)
    {
      GHashTableIter iter;
      gpointer id;

      g_string_append_c (key, '|');
      g_hash_table_iter_init (&iter, self->role_holders);
      while (g_hash_table_iter_next (&iter, &id, NULL))
        g_string_append_printf (key, "%" G_GINT64_FORMAT ",", *(gint64 *) id);
    }

  if (g_strcmp0 (key->str, self->gaps_key) != 0)
    {
      g_free (self->gaps_key);
      self->gaps_key = g_string_free (g_steal_pointer (&key), FALSE);
      annex_register_page_set_warning_func (self->people_page, person_warning, self, NULL);
      annex_register_page_set_warning_func (self->roles_page, role_warning, self, NULL);
    }
}

static void
update (AnnexDocumentsView *self)
{
  g_free (self->today);
  self->today = annex_field_dup_today ();

  update_mandated (self);
  update_policy (self);
  update_gaps (self);
}

/* Signal callbacks */

static void
on_page_add_toast_cb (AnnexDocumentsView *self,
                      AdwToast           *toast)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static void
on_stack_visible_child_cb (AnnexDocumentsView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_PAGE]);
}

static void
on_database_changed_cb (AnnexDocumentsView *self,
                        const char         *table)
{
  static const char * const tables[] = {
    "documents", "document_versions", "links", "requirements", "people", "roles", "trainings",
    NULL
  };

  if (table == NULL || g_strv_contains (tables, table))
    queue_update (self);
}

static void
on_people_changed_cb (AnnexDocumentsView *self)
{
  update_person_row (self);
  queue_update (self);
}

static gboolean
navigate_back (AnnexPagedView *view)
{
  AnnexDocumentsView *self = ANNEX_DOCUMENTS_VIEW (view);
  GtkWidget *page = adw_view_stack_get_visible_child (self->stack);

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "support") == 0)
    page = gtk_stack_get_visible_child (self->support_stack);

  return ANNEX_IS_REGISTER_PAGE (page) &&
         annex_register_page_navigate_back (ANNEX_REGISTER_PAGE (page));
}

/* GObject */

static void
annex_documents_view_dispose (GObject *object)
{
  AnnexDocumentsView *self = ANNEX_DOCUMENTS_VIEW (object);

  g_clear_handle_id (&self->update_source, g_source_remove);
  if (self->database_signals != NULL)
    g_signal_group_set_target (self->database_signals, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (self->sections); i++)
    g_clear_object (&self->sections[i]);
  self->evidence_section = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (object), ANNEX_TYPE_DOCUMENTS_VIEW);

  g_clear_object (&self->database_signals);
  g_clear_object (&self->person_names);
  g_clear_pointer (&self->person_ids, g_array_unref);
  g_clear_pointer (&self->mandated, g_ptr_array_unref);
  g_clear_pointer (&self->gaps, g_ptr_array_unref);
  g_clear_pointer (&self->role_holders, g_hash_table_unref);
  g_clear_object (&self->documents);
  g_clear_object (&self->versions);
  g_clear_object (&self->people);
  g_clear_object (&self->roles);
  g_clear_object (&self->trainings);
  g_clear_object (&self->awareness);
  g_clear_object (&self->communications);
  g_clear_object (&self->requirements);
  g_clear_object (&self->controls);

  G_OBJECT_CLASS (annex_documents_view_parent_class)->dispose (object);
}

static void
annex_documents_view_finalize (GObject *object)
{
  AnnexDocumentsView *self = ANNEX_DOCUMENTS_VIEW (object);

  g_free (self->gaps_key);
  g_free (self->mandated_text);
  g_free (self->policy_text);
  g_free (self->today);

  G_OBJECT_CLASS (annex_documents_view_parent_class)->finalize (object);
}

static void
annex_documents_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AnnexDocumentsView *self = ANNEX_DOCUMENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_VISIBLE_PAGE:
      g_value_set_string (value, annex_documents_view_get_visible_page (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_documents_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AnnexDocumentsView *self = ANNEX_DOCUMENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_VISIBLE_PAGE:
      annex_documents_view_set_visible_page (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static AdwViewStack *
annex_documents_view_get_stack (AnnexPagedView *view)
{
  return ANNEX_DOCUMENTS_VIEW (view)->stack;
}

static void
annex_documents_view_set_reveal_switcher_bar (AnnexPagedView *view,
                                              gboolean        reveal)
{
  adw_view_switcher_bar_set_reveal (ANNEX_DOCUMENTS_VIEW (view)->switcher_bar, reveal);
}

static void
annex_documents_view_paged_view_init (AnnexPagedViewInterface *iface)
{
  iface->get_stack = annex_documents_view_get_stack;
  iface->set_reveal_switcher_bar = annex_documents_view_set_reveal_switcher_bar;
  iface->navigate_back = navigate_back;
}

static void
annex_documents_view_class_init (AnnexDocumentsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = annex_documents_view_dispose;
  object_class->finalize = annex_documents_view_finalize;
  object_class->get_property = annex_documents_view_get_property;
  object_class->set_property = annex_documents_view_set_property;

  properties[PROP_VISIBLE_PAGE] =
    g_param_spec_string ("visible-page", NULL, NULL, "documents",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
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
                                               RESOURCE_BASE_PATH "/ui/annex-documents-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnexDocumentsView, box);
  gtk_widget_class_bind_template_child (widget_class, AnnexDocumentsView, stack);
  gtk_widget_class_bind_template_child (widget_class, AnnexDocumentsView, documents_page);
  gtk_widget_class_bind_template_child (widget_class, AnnexDocumentsView, people_page);
  gtk_widget_class_bind_template_child (widget_class, AnnexDocumentsView, roles_page);
  gtk_widget_class_bind_template_child (widget_class, AnnexDocumentsView, trainings_page);
  gtk_widget_class_bind_template_child (widget_class, AnnexDocumentsView, awareness_page);
  gtk_widget_class_bind_template_child (widget_class, AnnexDocumentsView, communications_page);
  gtk_widget_class_bind_template_child (widget_class, AnnexDocumentsView, support_stack);
  gtk_widget_class_bind_template_child (widget_class, AnnexDocumentsView, support_switcher);
  gtk_widget_class_bind_template_child (widget_class, AnnexDocumentsView, switcher_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_page_add_toast_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
annex_documents_view_init (AnnexDocumentsView *self)
{
  static const char * const document_columns[] = {
    "type", "status", "owner", "next-review", "current-version", NULL
  };
  static const char * const people_columns[] = { "job-title", "unit", NULL };
  static const char * const role_columns[] = { "kind", NULL };
  static const char * const training_columns[] = {
    "person", "kind", "valid-until", "date", "areas", NULL
  };
  static const char * const awareness_columns[] = { "date", "audience", "attendance", NULL };
  static const char * const communication_columns[] = {
    "next-due", "direction", "frequency", "audience", "communicator", "method", NULL
  };
  const char *review_choices[] = {
    /* Translators: the choice of the "Review" filter of documents */
    _("Overdue"),
    NULL
  };
  const char *validity_choices[] = {
    /* Translators: the choices of the "Validity" filter of competence evidence */
    _("Expired"),
    _("Valid"),
    NULL
  };
  AnnexRecordEditor *editor;
  GtkWidget *section;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Documents */
  annex_register_page_set_header_widget (self->documents_page, create_documents_header (self));
  annex_register_page_set_warning_func (self->documents_page, document_warning, self, NULL);
  annex_register_page_set_column_priority (self->documents_page, document_columns);
  annex_register_page_set_group_func (self->documents_page, document_field_group, NULL, NULL);
  /* Translators: the filter of documents whose review date has passed */
  annex_register_page_add_facet (self->documents_page, "review", _("Review"), review_choices,
                                 review_facet_match, self, NULL);
  editor = annex_register_page_get_editor (self->documents_page);
  section = annex_versions_section_new ();
  self->versions_section = ANNEX_VERSIONS_SECTION (section);
  annex_versions_section_attach (self->versions_section, editor);

  /* People and roles (their clause guides are in the .ui) */
  annex_register_page_set_warning_func (self->people_page, person_warning, self, NULL);
  annex_register_page_set_column_priority (self->people_page, people_columns);
  annex_register_page_set_info_func (self->people_page, person_info, self, NULL);

  annex_register_page_set_warning_func (self->roles_page, role_warning, self, NULL);
  annex_register_page_set_column_priority (self->roles_page, role_columns);
  annex_register_page_set_info_func (self->roles_page, role_info, self, NULL);

  /* Competence evidence, awareness and communication */
  create_support_switcher (self);
  annex_register_page_set_warning_func (self->trainings_page, training_warning, self, NULL);
  annex_register_page_set_column_priority (self->trainings_page, training_columns);
  annex_register_page_set_visible_func (self->trainings_page, training_field_visible, NULL,
                                        NULL);
  annex_register_page_add_facet (self->trainings_page, "validity", _("Validity"),
                                 validity_choices, validity_facet_match, self, NULL);
  add_person_column (self);
  editor = annex_register_page_get_editor (self->trainings_page);
  annex_record_editor_add_section (editor, create_person_section (self));
  g_signal_connect_object (editor, "notify::record", G_CALLBACK (update_person_row), self,
                           G_CONNECT_SWAPPED);

  annex_register_page_set_column_priority (self->awareness_page, awareness_columns);

  /* Communication */
  annex_register_page_set_column_priority (self->communications_page, communication_columns);

  self->database_signals = g_signal_group_new (ANNEX_TYPE_DATABASE);
  g_signal_group_connect_swapped (self->database_signals, "changed",
                                  G_CALLBACK (on_database_changed_cb), self);
}

/* Public API */

GtkWidget *
annex_documents_view_new (void)
{
  return g_object_new (ANNEX_TYPE_DOCUMENTS_VIEW, NULL);
}

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

static GtkWidget *
attach_link_section (AnnexRegisterPage  *page,
                     const char         *title,
                     const char         *empty_text,
                     AnnexRegister      *targets,
                     AnnexLinkDirection  direction)
{
  GtkWidget *section;

  if (targets == NULL)
    return NULL;

  section = g_object_ref_sink (annex_link_section_new (title, targets, direction));
  annex_link_section_set_empty_text (ANNEX_LINK_SECTION (section), empty_text);
  annex_link_section_attach (ANNEX_LINK_SECTION (section), annex_register_page_get_editor (page));
  return section;
}

/* The link sections and the evidence list, made anew for the registers of the workspace open
 * now (a link section's targets are fixed when it is made). */
static void
rebuild_sections (AnnexDocumentsView *self)
{
  GtkWidget *section;

  for (guint i = 0; i < G_N_ELEMENTS (self->sections); i++)
    remove_section (&self->sections[i]);
  self->evidence_section = NULL;

  if (self->documents == NULL || self->people == NULL)
    return;

  self->sections[0] = attach_link_section (self->documents_page, _("Clauses Served"),
                                           _("No clause linked yet: link the clauses whose "
                                             "documented information this is, so that the "
                                             "mandated documents count it."),
                                           self->requirements, ANNEX_LINK_FROM_RECORD);
  self->sections[1] = attach_link_section (self->documents_page, _("Controls Served"),
                                           _("No controls linked yet."), self->controls,
                                           ANNEX_LINK_FROM_RECORD);
  self->sections[2] = attach_link_section (self->people_page, _("Roles Held"),
                                           _("No ISMS roles held yet."), self->roles,
                                           ANNEX_LINK_FROM_RECORD);
  self->sections[3] = attach_link_section (self->roles_page, _("Holders"),
                                           _("Nobody holds this role yet: add the people who "
                                             "do."), self->people, ANNEX_LINK_TO_RECORD);
  self->sections[4] = attach_link_section (self->awareness_page, _("Attendees"),
                                           _("No attendees from the people register yet."),
                                           self->people, ANNEX_LINK_FROM_RECORD);

  if (self->trainings == NULL)
    return;

  section = g_object_ref_sink (annex_child_list_section_new ("person-id"));
  self->sections[5] = section;
  self->evidence_section = ANNEX_CHILD_LIST_SECTION (section);
  annex_child_list_section_set_texts (self->evidence_section, _("Competence Evidence"),
                                      _("_Add Evidence…"),
                                      _("No evidence of competence yet: add trainings, "
                                        "qualifications and experience."),
                                      _("New Evidence"), _("Competence Evidence"));
  annex_child_list_section_set_row_func (self->evidence_section, evidence_row, self);
  annex_child_list_section_set_init_func (self->evidence_section, evidence_init, self);
  annex_child_list_section_set_children (self->evidence_section, self->trainings);
  annex_child_list_section_attach (self->evidence_section,
                                   annex_register_page_get_editor (self->people_page), NULL);
}

void
annex_documents_view_set_registers (AnnexDocumentsView *self,
                                    AnnexRegister      *documents,
                                    AnnexRegister      *versions,
                                    AnnexRegister      *people,
                                    AnnexRegister      *roles,
                                    AnnexRegister      *trainings,
                                    AnnexRegister      *awareness,
                                    AnnexRegister      *communications,
                                    AnnexRegister      *requirements,
                                    AnnexRegister      *controls)
{
  gboolean changed;

  g_return_if_fail (ANNEX_IS_DOCUMENTS_VIEW (self));
  g_return_if_fail (documents == NULL ||
                    annex_register_get_record_type (documents) == ANNEX_TYPE_DOCUMENT);
  g_return_if_fail (versions == NULL ||
                    annex_register_get_record_type (versions) == ANNEX_TYPE_DOCUMENT_VERSION);
  g_return_if_fail (people == NULL ||
                    annex_register_get_record_type (people) == ANNEX_TYPE_PERSON);
  g_return_if_fail (roles == NULL || annex_register_get_record_type (roles) == ANNEX_TYPE_ROLE);
  g_return_if_fail (trainings == NULL ||
                    annex_register_get_record_type (trainings) == ANNEX_TYPE_TRAINING);
  g_return_if_fail (awareness == NULL ||
                    annex_register_get_record_type (awareness) == ANNEX_TYPE_AWARENESS);
  g_return_if_fail (communications == NULL ||
                    annex_register_get_record_type (communications) ==
                    ANNEX_TYPE_COMMUNICATION);
  g_return_if_fail (requirements == NULL || ANNEX_IS_REGISTER (requirements));
  g_return_if_fail (controls == NULL || ANNEX_IS_REGISTER (controls));

  changed = self->documents != documents || self->people != people ||
            self->roles != roles || self->trainings != trainings ||
            self->requirements != requirements || self->controls != controls;

  if (g_set_object (&self->documents, documents))
    g_signal_group_set_target (self->database_signals,
                               documents != NULL ? annex_register_get_database (documents)
                                                 : NULL);
  annex_register_page_set_register (self->documents_page, documents);
  g_set_object (&self->versions, versions);
  annex_versions_section_set_registers (self->versions_section, versions, documents);

  if (self->people != NULL)
    g_signal_handlers_disconnect_by_func (self->people, on_people_changed_cb, self);
  g_set_object (&self->people, people);
  if (people != NULL)
    g_signal_connect_object (people, "items-changed", G_CALLBACK (on_people_changed_cb), self,
                             G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  annex_register_page_set_register (self->people_page, people);

  g_set_object (&self->roles, roles);
  annex_register_page_set_register (self->roles_page, roles);
  g_set_object (&self->trainings, trainings);
  annex_register_page_set_register (self->trainings_page, trainings);
  g_set_object (&self->awareness, awareness);
  annex_register_page_set_register (self->awareness_page, awareness);
  g_set_object (&self->communications, communications);
  annex_register_page_set_register (self->communications_page, communications);
  g_set_object (&self->requirements, requirements);
  g_set_object (&self->controls, controls);

  if (changed)
    rebuild_sections (self);

  update_person_row (self);
  update (self);
}

const char *
annex_documents_view_get_visible_page (AnnexDocumentsView *self)
{
  g_return_val_if_fail (ANNEX_IS_DOCUMENTS_VIEW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

void
annex_documents_view_set_visible_page (AnnexDocumentsView *self,
                                       const char         *name)
{
  g_return_if_fail (ANNEX_IS_DOCUMENTS_VIEW (self));

  if (g_strcmp0 (name, "trainings") == 0 || g_strcmp0 (name, "awareness") == 0 ||
      g_strcmp0 (name, "communications") == 0)
    {
      gtk_stack_set_visible_child_name (self->support_stack, name);
      name = "support";
    }
  if (name != NULL && adw_view_stack_get_child_by_name (self->stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
}

AnnexRegisterPage *
annex_documents_view_get_page (AnnexDocumentsView *self,
                               const char         *name)
{
  g_return_val_if_fail (ANNEX_IS_DOCUMENTS_VIEW (self), NULL);

  if (g_strcmp0 (name, "documents") == 0)
    return self->documents_page;
  if (g_strcmp0 (name, "people") == 0)
    return self->people_page;
  if (g_strcmp0 (name, "roles") == 0)
    return self->roles_page;
  if (g_strcmp0 (name, "trainings") == 0)
    return self->trainings_page;
  if (g_strcmp0 (name, "awareness") == 0)
    return self->awareness_page;
  if (g_strcmp0 (name, "communications") == 0)
    return self->communications_page;

  return NULL;
}

AnnexVersionsSection *
annex_documents_view_get_versions_section (AnnexDocumentsView *self)
{
  g_return_val_if_fail (ANNEX_IS_DOCUMENTS_VIEW (self), NULL);

  return self->versions_section;
}

gboolean
annex_documents_view_show_record (AnnexDocumentsView *self,
                                  const char         *table,
                                  gint64              id)
{
  static const struct {
    const char *table;
    const char *page;
  } pages[] = {
    { "documents", "documents" },
    { "people", "people" },
    { "roles", "roles" },
    { "trainings", "trainings" },
    { "awareness_activities", "awareness" },
    { "communications", "communications" },
  };

  g_return_val_if_fail (ANNEX_IS_DOCUMENTS_VIEW (self), FALSE);

  if (g_strcmp0 (table, "document_versions") == 0)
    {
      AnnexRecord *version = self->versions != NULL ? annex_register_find (self->versions, id)
                                                     : NULL;

      /* A version shows in its document's editor. */
      if (version == NULL)
        return FALSE;
      table = "documents";
      id = annex_document_version_get_document_id (ANNEX_DOCUMENT_VERSION (version));
    }

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      AnnexRegisterPage *page;

      if (g_strcmp0 (table, pages[i].table) != 0)
        continue;

      page = annex_documents_view_get_page (self, pages[i].page);
      if (annex_register_page_get_register (page) == NULL)
        return FALSE;
      annex_documents_view_set_visible_page (self, pages[i].page);
      return annex_register_page_show_record (page, id);
    }

  return FALSE;
}

guint
annex_documents_view_get_n_mandated (AnnexDocumentsView *self)
{
  g_return_val_if_fail (ANNEX_IS_DOCUMENTS_VIEW (self), 0);

  return self->mandated != NULL ? self->mandated->len : 0;
}

guint
annex_documents_view_get_n_covered (AnnexDocumentsView *self)
{
  g_return_val_if_fail (ANNEX_IS_DOCUMENTS_VIEW (self), 0);

  return self->mandated != NULL ? annex_people_count_covered (self->mandated) : 0;
}

const char *
annex_documents_view_get_mandated_text (AnnexDocumentsView *self)
{
  g_return_val_if_fail (ANNEX_IS_DOCUMENTS_VIEW (self), NULL);

  return self->mandated_text;
}

GStrv
annex_documents_view_dup_missing (AnnexDocumentsView *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (ANNEX_IS_DOCUMENTS_VIEW (self), NULL);

  for (guint i = 0; self->mandated != NULL && i < self->mandated->len; i++)
    {
      AnnexMandatedDocument *item = g_ptr_array_index (self->mandated, i);

      if (!item->covered)
        g_strv_builder_add (builder, item->clause_id);
    }

  return g_strv_builder_end (builder);
}

const char *
annex_documents_view_get_policy_text (AnnexDocumentsView *self)
{
  g_return_val_if_fail (ANNEX_IS_DOCUMENTS_VIEW (self), NULL);

  return self->policy_text;
}

AnnexRecord *
annex_documents_view_create_for_clause (AnnexDocumentsView *self,
                                        const char         *clause_id)
{
  g_autoptr(GError) error = NULL;
  AnnexDocument *document;

  g_return_val_if_fail (ANNEX_IS_DOCUMENTS_VIEW (self), NULL);
  g_return_val_if_fail (clause_id != NULL, NULL);

  if (self->documents == NULL)
    return NULL;

  document = annex_document_create_for_clause (self->documents, clause_id, &error);
  if (document == NULL)
    {
      emit_error_toast (self, error);
      return NULL;
    }

  /* At once, not on the next change signal: the header and the tests see it now. */
  update (self);
  adw_view_stack_set_visible_child_name (self->stack, "documents");
  annex_register_page_show_record (self->documents_page,
                                   annex_record_get_id (ANNEX_RECORD (document)));
  return ANNEX_RECORD (document);
}
