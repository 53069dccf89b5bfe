/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-window.c: the main window: the welcome screen or an open workspace (sidebar of views and
 * their content in a leaflet), the workspace operations (on worker threads, with their progress
 * shown) and their dialogs, and the window state kept in GSettings. */

#define G_LOG_DOMAIN "annex-window"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>

#include "annex-action.h"
#include "annex-application.h"
#include "annex-asset.h"
#include "annex-audit-item.h"
#include "annex-audit.h"
#include "annex-audits-view.h"
#include "annex-context-view.h"
#include "annex-control.h"
#include "annex-controls-view.h"
#include "annex-csv-import-dialog.h"
#include "annex-export-dialog.h"
#include "annex-oscal.h"
#include "annex-toast.h"
#include "annex-awareness.h"
#include "annex-communication.h"
#include "annex-document-version.h"
#include "annex-document.h"
#include "annex-documents-view.h"
#include "annex-name-completion.h"
#include "annex-person.h"
#include "annex-role.h"
#include "annex-training.h"
#include "annex-finding.h"
#include "annex-improvement-view.h"
#include "annex-incident.h"
#include "annex-nonconformity.h"
#include "annex-objective-measurement.h"
#include "annex-objective.h"
#include "annex-objectives-view.h"
#include "annex-overview-view.h"
#include "annex-issue.h"
#include "annex-party-requirement.h"
#include "annex-party.h"
#include "annex-register-page.h"
#include "annex-requirement.h"
#include "annex-review-attendee.h"
#include "annex-review.h"
#include "annex-reviews-view.h"
#include "annex-risk-register.h"
#include "annex-risks-view.h"
#include "annex-sample.h"
#include "annex-scope-exclusion.h"
#include "annex-scope-version.h"
#include "annex-text-scale.h"
#include "annex-search-dialog.h"
#include "annex-setup-assistant.h"
#include "annex-store-error.h"
#include "annex-welcome-page.h"
#include "annex-window.h"

struct _AnnexWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  int                   toast_timeout;          /* seconds; -1: each toast's own */
  gboolean              view_requested;         /* a view was asked for (--view) before the
                                                 * workspace opened: show it, not the sidebar */
  GtkStack             *main_stack;
  AnnexWelcomePage     *welcome_page;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_box;
  GtkWidget            *content_box;
  AdwWindowTitle       *sidebar_title;
  AdwWindowTitle       *view_title;
  GtkStack             *title_stack;
  AnnexOverviewView    *overview_view;
  AnnexContextView     *context_view;
  AnnexControlsView    *controls_view;
  AnnexRisksView       *risks_view;
  AnnexAuditsView      *audits_view;
  AnnexImprovementView *improvement_view;
  AnnexObjectivesView  *objectives_view;
  AnnexReviewsView     *reviews_view;
  AnnexDocumentsView   *documents_view;
  GtkListBox           *sidebar_list;
  GtkStack             *view_stack;
  AnnexRegisterPage    *actions_page;
  GtkSpinner           *welcome_spinner;
  GtkSpinner           *sidebar_spinner;
  GtkMenuButton        *export_menu_button;

  /* owned */
  GSettings            *settings;
  AnnexWorkspaceList   *workspace_list;
  AnnexDatabase        *database;
  AnnexRegister        *action_register;
  AnnexRegister        *control_register;
  AnnexRegister        *requirement_register;
  AnnexRiskRegister    *risk_register;
  AnnexRegister        *asset_register;
  AnnexRegister        *issue_register;
  AnnexRegister        *party_register;
  AnnexRegister        *party_requirement_register;
  AnnexRegister        *scope_version_register;
  AnnexRegister        *scope_exclusion_register;
  AnnexRegister        *audit_register;
  AnnexRegister        *audit_item_register;
  AnnexRegister        *finding_register;
  AnnexRegister        *nonconformity_register;
  AnnexRegister        *incident_register;
  AnnexRegister        *objective_register;
  AnnexRegister        *measurement_register;
  AnnexRegister        *review_register;
  AnnexRegister        *attendee_register;
  AnnexRegister        *document_register;
  AnnexRegister        *document_version_register;
  AnnexRegister        *person_register;
  AnnexRegister        *role_register;
  AnnexRegister        *training_register;
  AnnexRegister        *awareness_register;
  AnnexRegister        *communication_register;
  GCancellable         *cancellable;            /* the open workspace's loads */
  GCancellable         *operations_cancellable; /* workspace operations; cancelled on dispose */
  char                 *organization;
  guint                 n_operations;           /* running workspace operations… */
  guint                 n_unlisted_operations;  /* …of which without a welcome row (imports) */
  guint                 open_serial;            /* a newer open or a close supersedes an open */
};

G_DEFINE_FINAL_TYPE (AnnexWindow, annex_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_WORKSPACE_LIST,
  PROP_DATABASE,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In sidebar order; the rows of the sidebar and the pages of the view stack in the .ui follow it
 * (the row at index i shows view_names[i]). */
static const char * const view_names[] = {
  "overview",
  "context",
  "risks",
  "controls",
  "objectives",
  "documents",
  "audits",
  "reviews",
  "improvement",
  "actions",
  NULL
};

#define WORKSPACE_FILE_MIME_TYPE "application/x-annex-workspace"

/* The sidebar's width at 100 % text (annex-window.ui). */
#define SIDEBAR_WIDTH 220

/* Auxiliary functions */

/* The register page of a view made of one page with sections of its own around it. */
static GtkWidget *
single_page (GtkWidget *view)
{
  if (ANNEX_IS_OBJECTIVES_VIEW (view))
    return GTK_WIDGET (annex_objectives_view_get_page (ANNEX_OBJECTIVES_VIEW (view)));
  if (ANNEX_IS_REVIEWS_VIEW (view))
    return GTK_WIDGET (annex_reviews_view_get_page (ANNEX_REVIEWS_VIEW (view)));
  return NULL;
}

static int
view_index (const char *name)
{
  for (int i = 0; view_names[i] != NULL; i++)
    {
      if (g_strcmp0 (view_names[i], name) == 0)
        return i;
    }

  return -1;
}

static void
show_error_dialog (AnnexWindow *self,
                   const char  *heading,
                   const char  *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void add_toast_printf (AnnexWindow *self,
                              const char  *format,
                              ...) G_GNUC_PRINTF (2, 3);

/* A toast with a printf-style title; the arguments are escaped (toast titles are markup). */
static void
add_toast_printf (AnnexWindow *self,
                  const char  *format,
                  ...)
{
  g_autofree char *title = NULL;
  va_list args;

  va_start (args, format);
  title = g_markup_vprintf_escaped (format, args);
  va_end (args);

  annex_window_add_toast (self, adw_toast_new (title));
}

/* The window of this application that has @path open, if any. */
static AnnexWindow *
find_window_with_workspace (AnnexWindow *self,
                            const char  *path)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GList *windows;

  if (self->database != NULL && g_strcmp0 (annex_database_get_path (self->database), path) == 0)
    return self;

  if (app == NULL)
    return NULL;

  windows = gtk_application_get_windows (app);
  for (GList *l = windows; l != NULL; l = l->next)
    {
      AnnexWindow *window = l->data;

      if (ANNEX_IS_WINDOW (window) && window->database != NULL &&
          g_strcmp0 (annex_database_get_path (window->database), path) == 0)
        return window;
    }

  return NULL;
}

static AnnexWorkspace *
lookup_workspace (AnnexWindow *self,
                  const char  *path)
{
  AnnexWorkspace *workspace = annex_workspace_list_find_by_path (self->workspace_list, path);

  if (workspace == NULL)
    show_error_dialog (self, _("Workspace Not Found"),
                       _("The workspace is no longer in the workspace folder."));

  return workspace;
}

/* TRUE once the window is being destroyed: the operations' callbacks then leave it alone. */
static gboolean
is_closing (AnnexWindow *self)
{
  return self->operations_cancellable == NULL ||
         g_cancellable_is_cancelled (self->operations_cancellable);
}

/* Whether a failed operation's @error is worth a message: not when it was cancelled, nor when
 * the window is closing. */
static gboolean
should_report (AnnexWindow  *self,
               const GError *error)
{
  return !is_closing (self) && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The header bars' spinners: on the welcome screen for operations without a row of their own
 * (the rows show theirs), beside the sidebar for any. */
static void
update_spinners (AnnexWindow *self)
{
  gboolean welcome_busy = self->n_unlisted_operations > 0;
  gboolean busy = self->n_operations > 0;

  gtk_widget_set_visible (GTK_WIDGET (self->welcome_spinner), welcome_busy);
  gtk_spinner_set_spinning (self->welcome_spinner, welcome_busy);
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_spinner), busy);
  gtk_spinner_set_spinning (self->sidebar_spinner, busy);
}

/* A workspace operation running on a worker, from its start to its callback. */
typedef struct
{
  AnnexWindow *window;   /* a reference: the window stays (disposed, maybe) until the end */
  char        *path;     /* the workspace worked on (its welcome row is busy), or NULL */
  char        *name;     /* what the messages call it */
  GTask       *task;     /* open: the caller's task */
  guint        serial;   /* open: open_serial at the start */
} WindowOperation;

/* Starts showing progress for an operation on @path (NULL: a file outside the folder). */
static WindowOperation *
begin_operation (AnnexWindow *self,
                 const char  *path,
                 const char  *name,
                 const char  *description)
{
  WindowOperation *op = g_new0 (WindowOperation, 1);

  op->window = g_object_ref (self);
  op->path = g_strdup (path);
  op->name = g_strdup (name);

  self->n_operations++;
  if (path != NULL)
    annex_welcome_page_set_workspace_busy (self->welcome_page, path, TRUE);
  else
    self->n_unlisted_operations++;

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->welcome_spinner), description);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sidebar_spinner), description);
  update_spinners (self);

  return op;
}

/* Ends the operation's progress (unless the window is gone meanwhile) and frees it. */
static void
window_operation_free (WindowOperation *op)
{
  AnnexWindow *self = op->window;

  if (!is_closing (self))
    {
      g_assert (self->n_operations > 0);
      self->n_operations--;
      if (op->path != NULL)
        annex_welcome_page_set_workspace_busy (self->welcome_page, op->path, FALSE);
      else
        self->n_unlisted_operations--;
      update_spinners (self);
    }

  g_clear_object (&op->task);
  g_clear_object (&op->window);
  g_clear_pointer (&op->path, g_free);
  g_clear_pointer (&op->name, g_free);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WindowOperation, window_operation_free)

/* The folder of the sample organizations' practice copies (outside the workspace folder, so
 * they are not listed among the user's workspaces). */
static char *
dup_samples_directory (void)
{
  return g_build_filename (g_get_user_data_dir (), "annex", "samples", NULL);
}

static gboolean
is_sample_path (const char *path)
{
  g_autofree char *directory = dup_samples_directory ();
  g_autofree char *parent = path != NULL ? g_path_get_dirname (path) : NULL;

  return g_strcmp0 (parent, directory) == 0;
}

static void
update_title (AnnexWindow *self)
{
  if (self->organization != NULL)
    {
      /* Translators: the window title, %s is the organization of the open workspace */
      g_autofree char *title = g_strdup_printf (_("%s — Annex"), self->organization);

      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), "Annex");

  adw_window_title_set_title (self->sidebar_title, self->organization);
  /* A sample's copy says that it is for practice (opening the sample again starts over). */
  adw_window_title_set_subtitle (self->sidebar_title,
                                 self->database != NULL &&
                                 is_sample_path (annex_database_get_path (self->database))
                                   ? _("Sample for practice") : NULL);
}

static void
update_actions (AnnexWindow *self)
{
  static const char * const workspace_actions[] = { "export-workspace", "close-workspace",
                                                     "search-everywhere", "text-larger",
                                                     "text-smaller", "text-reset", "export",
                                                     "print", "import-csv", "import-catalog" };

  for (guint i = 0; i < G_N_ELEMENTS (workspace_actions); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), workspace_actions[i]);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->database != NULL);
    }
}

static void
refresh_workspace_list (AnnexWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->workspace_list == NULL)
    return;

  if (!annex_workspace_list_refresh (self->workspace_list, &error))
    add_toast_printf (self, _("Could not read the workspace folder: %s"), error->message);
}

/* Forgets the open workspace without changing the page shown. */
/* Applies the text size and widens the sidebar by half as much, so its rows keep their labels
 * (the longest, "Documents & People", fits at 175 %) while the window folds no sooner than it
 * must. */
static void
set_text_scale (AnnexWindow *self,
                guint        percent)
{
  int growth = ((int) percent - ANNEX_TEXT_SCALE_DEFAULT) / 2;

  annex_text_scale_apply (GTK_WIDGET (self), percent);
  gtk_widget_set_size_request (self->sidebar_box, SIDEBAR_WIDTH * (100 + growth) / 100, -1);
}

static void
clear_workspace (AnnexWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->overview_view != NULL)
    annex_overview_view_set_database (self->overview_view, NULL);
  set_text_scale (self, ANNEX_TEXT_SCALE_DEFAULT);
  if (self->actions_page != NULL)
    annex_register_page_set_register (self->actions_page, NULL);
  if (self->controls_view != NULL)
    annex_controls_view_set_registers (self->controls_view, NULL, NULL, NULL);
  if (self->risks_view != NULL)
    annex_risks_view_set_registers (self->risks_view, NULL, NULL, NULL, NULL);
  if (self->controls_view != NULL)
    annex_controls_view_set_risk_register (self->controls_view, NULL);
  if (self->context_view != NULL)
    annex_context_view_set_registers (self->context_view, NULL, NULL, NULL, NULL, NULL, NULL);
  if (self->audits_view != NULL)
    annex_audits_view_set_registers (self->audits_view, NULL, NULL, NULL, NULL, NULL, NULL);
  if (self->improvement_view != NULL)
    annex_improvement_view_set_registers (self->improvement_view, NULL, NULL, NULL, NULL);
  if (self->objectives_view != NULL)
    annex_objectives_view_set_registers (self->objectives_view, NULL, NULL, NULL, NULL, NULL);
  if (self->reviews_view != NULL)
    annex_reviews_view_set_registers (self->reviews_view, NULL, NULL, NULL);
  if (self->documents_view != NULL)
    annex_documents_view_set_registers (self->documents_view, NULL, NULL, NULL, NULL, NULL, NULL,
                                        NULL, NULL, NULL);
  g_clear_object (&self->action_register);
  g_clear_object (&self->control_register);
  g_clear_object (&self->requirement_register);
  g_clear_object (&self->risk_register);
  g_clear_object (&self->asset_register);
  g_clear_object (&self->issue_register);
  g_clear_object (&self->party_register);
  g_clear_object (&self->party_requirement_register);
  g_clear_object (&self->scope_version_register);
  g_clear_object (&self->scope_exclusion_register);
  g_clear_object (&self->audit_register);
  g_clear_object (&self->audit_item_register);
  g_clear_object (&self->finding_register);
  g_clear_object (&self->nonconformity_register);
  g_clear_object (&self->incident_register);
  g_clear_object (&self->objective_register);
  g_clear_object (&self->measurement_register);
  g_clear_object (&self->review_register);
  g_clear_object (&self->attendee_register);
  g_clear_object (&self->document_register);
  g_clear_object (&self->document_version_register);
  g_clear_object (&self->person_register);
  g_clear_object (&self->role_register);
  g_clear_object (&self->training_register);
  g_clear_object (&self->awareness_register);
  g_clear_object (&self->communication_register);

  if (self->database != NULL)
    {
      annex_name_completion_set_people (self->database, NULL, NULL);
      annex_database_close (self->database);
    }
  g_clear_object (&self->database);

  g_clear_pointer (&self->organization, g_free);
}

static void
save_window_state (AnnexWindow *self)
{
  int width, height;

  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      if (width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }

  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static void
restore_window_state (AnnexWindow *self)
{
  g_autofree char *view = g_settings_get_string (self->settings, "last-view");

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  if (annex_window_is_view_name (view))
    gtk_stack_set_visible_child_name (self->view_stack, view);
}

/* The larger-text mode of the workspace just opened (kept per workspace, for trainers). */
static void
restore_text_scale (AnnexWindow *self)
{
  g_autofree char *value = annex_database_dup_setting (self->database, ANNEX_TEXT_SCALE_SETTING);

  set_text_scale (self, annex_text_scale_parse (value));
}

static void update_export_menu (AnnexWindow *self);
static void on_register_loaded_cb (GObject      *source,
                                   GAsyncResult *result,
                                   gpointer      user_data);
static void on_actions_loaded_cb (GObject      *source,
                                  GAsyncResult *result,
                                  gpointer      user_data);

/* Refuses (with a dialog) to change a workspace while an operation runs on it. */
static gboolean
check_not_busy (AnnexWindow *self,
                const char  *path,
                const char  *heading)
{
  if (!annex_welcome_page_get_workspace_busy (self->welcome_page, path))
    return TRUE;

  show_error_dialog (self, heading,
                     _("The workspace is busy. Try again when the current operation has "
                       "finished."));
  return FALSE;
}

/* Shows the workspace just opened on a worker (the connection is this thread's from now on). */
static void
set_database (AnnexWindow   *self,
              AnnexDatabase *database)
{
  g_autofree char *organization = NULL;

  clear_workspace (self);

  organization = annex_database_dup_organization (database);
  if (organization == NULL || organization[0] == '\0')
    {
      g_free (organization);
      organization = g_path_get_basename (annex_database_get_path (database));
    }

  self->database = database;
  self->organization = g_steal_pointer (&organization);
  self->cancellable = g_cancellable_new ();
  self->action_register = annex_register_new (self->database, ANNEX_TYPE_ACTION);
  annex_register_page_set_register (self->actions_page, self->action_register);
  annex_register_load_async (self->action_register, self->cancellable, on_actions_loaded_cb,
                             g_object_ref (self));

  /* The controls and the requirements checklist, each loaded on the worker like the actions. */
  self->control_register = annex_register_new (self->database, ANNEX_TYPE_CONTROL);
  self->requirement_register = annex_register_new (self->database, ANNEX_TYPE_REQUIREMENT);
  annex_controls_view_set_registers (self->controls_view, self->control_register,
                                     self->requirement_register, self->action_register);
  annex_register_load_async (self->control_register, self->cancellable, on_register_loaded_cb,
                             g_object_ref (self));
  annex_register_load_async (self->requirement_register, self->cancellable,
                             on_register_loaded_cb, g_object_ref (self));

  /* The context of the organization (clause 4); the party requirements link to the controls. */
  self->issue_register = annex_register_new (self->database, ANNEX_TYPE_ISSUE);
  self->party_register = annex_register_new (self->database, ANNEX_TYPE_PARTY);
  self->party_requirement_register = annex_register_new (self->database,
                                                         ANNEX_TYPE_PARTY_REQUIREMENT);
  self->scope_version_register = annex_register_new (self->database, ANNEX_TYPE_SCOPE_VERSION);
  self->scope_exclusion_register = annex_register_new (self->database,
                                                       ANNEX_TYPE_SCOPE_EXCLUSION);
  annex_context_view_set_registers (self->context_view, self->issue_register,
                                    self->party_register, self->party_requirement_register,
                                    self->scope_version_register, self->scope_exclusion_register,
                                    self->control_register);
  {
    AnnexRegister *context_registers[] = {
      self->issue_register, self->party_register, self->party_requirement_register,
      self->scope_version_register, self->scope_exclusion_register,
    };

    for (guint i = 0; i < G_N_ELEMENTS (context_registers); i++)
      annex_register_load_async (context_registers[i], self->cancellable,
                                 on_register_loaded_cb, g_object_ref (self));
  }

  /* The risks (scored with the workspace's risk method) and the assets they attach to. */
  self->risk_register = annex_risk_register_new (self->database);
  self->asset_register = annex_register_new (self->database, ANNEX_TYPE_ASSET);
  annex_risks_view_set_registers (self->risks_view, self->risk_register, self->asset_register,
                                  self->control_register, self->action_register);
  annex_controls_view_set_risk_register (self->controls_view,
                                         annex_risk_register_get_register (self->risk_register));
  annex_register_load_async (annex_risk_register_get_register (self->risk_register),
                             self->cancellable, on_register_loaded_cb, g_object_ref (self));
  annex_register_load_async (self->asset_register, self->cancellable, on_register_loaded_cb,
                             g_object_ref (self));

  /* Internal audit (9.2) and improvement (10): audits with their checklists and findings,
   * nonconformities (their corrective actions are actions) and incidents. */
  self->audit_register = annex_register_new (self->database, ANNEX_TYPE_AUDIT);
  self->audit_item_register = annex_register_new (self->database, ANNEX_TYPE_AUDIT_ITEM);
  self->finding_register = annex_register_new (self->database, ANNEX_TYPE_FINDING);
  self->nonconformity_register = annex_register_new (self->database, ANNEX_TYPE_NONCONFORMITY);
  self->incident_register = annex_register_new (self->database, ANNEX_TYPE_INCIDENT);
  annex_audits_view_set_registers (self->audits_view, self->audit_register,
                                   self->audit_item_register, self->finding_register,
                                   self->nonconformity_register, self->requirement_register,
                                   self->control_register);
  annex_improvement_view_set_registers (self->improvement_view, self->nonconformity_register,
                                        self->incident_register, self->action_register,
                                        self->asset_register);
  {
    AnnexRegister *audit_registers[] = {
      self->audit_register, self->audit_item_register, self->finding_register,
      self->nonconformity_register, self->incident_register,
    };

    for (guint i = 0; i < G_N_ELEMENTS (audit_registers); i++)
      annex_register_load_async (audit_registers[i], self->cancellable,
                                 on_register_loaded_cb, g_object_ref (self));
  }

  /* Objectives (6.2) with their measurements, and management reviews (9.3) with their
   * attendees; their actions are in the action tracker. */
  self->objective_register = annex_register_new (self->database, ANNEX_TYPE_OBJECTIVE);
  self->measurement_register = annex_register_new (self->database,
                                                   ANNEX_TYPE_OBJECTIVE_MEASUREMENT);
  self->review_register = annex_register_new (self->database, ANNEX_TYPE_REVIEW);
  self->attendee_register = annex_register_new (self->database, ANNEX_TYPE_REVIEW_ATTENDEE);
  annex_objectives_view_set_registers (self->objectives_view, self->objective_register,
                                       self->measurement_register,
                                       annex_risk_register_get_register (self->risk_register),
                                       self->control_register, self->party_register);
  annex_reviews_view_set_registers (self->reviews_view, self->review_register,
                                    self->attendee_register, self->action_register);
  {
    AnnexRegister *review_registers[] = {
      self->objective_register, self->measurement_register, self->review_register,
      self->attendee_register,
    };

    for (guint i = 0; i < G_N_ELEMENTS (review_registers); i++)
      annex_register_load_async (review_registers[i], self->cancellable,
                                 on_register_loaded_cb, g_object_ref (self));
  }

  /* Documents and people (5.2, 5.3, 7.2–7.5); the people's names are offered in every owner
   * field of the workspace. */
  self->document_register = annex_register_new (self->database, ANNEX_TYPE_DOCUMENT);
  self->document_version_register = annex_register_new (self->database,
                                                        ANNEX_TYPE_DOCUMENT_VERSION);
  self->person_register = annex_register_new (self->database, ANNEX_TYPE_PERSON);
  self->role_register = annex_register_new (self->database, ANNEX_TYPE_ROLE);
  self->training_register = annex_register_new (self->database, ANNEX_TYPE_TRAINING);
  self->awareness_register = annex_register_new (self->database, ANNEX_TYPE_AWARENESS);
  self->communication_register = annex_register_new (self->database, ANNEX_TYPE_COMMUNICATION);
  annex_documents_view_set_registers (self->documents_view, self->document_register,
                                      self->document_version_register, self->person_register,
                                      self->role_register, self->training_register,
                                      self->awareness_register, self->communication_register,
                                      self->requirement_register, self->control_register);
  annex_name_completion_set_people (self->database, G_LIST_MODEL (self->person_register),
                                    "name");
  {
    AnnexRegister *people_registers[] = {
      self->document_register, self->document_version_register, self->person_register,
      self->role_register, self->training_register, self->awareness_register,
      self->communication_register,
    };

    for (guint i = 0; i < G_N_ELEMENTS (people_registers); i++)
      annex_register_load_async (people_registers[i], self->cancellable,
                                 on_register_loaded_cb, g_object_ref (self));
  }

  /* The overview reads the workspace with SQL and needs no register loaded. */
  annex_overview_view_set_database (self->overview_view, self->database);
  restore_text_scale (self);

  g_settings_set_string (self->settings, "last-workspace",
                         annex_database_get_path (self->database));

  update_title (self);
  update_actions (self);
  /* Folded, a workspace opens on the list of views, unless one was asked for. */
  adw_leaflet_set_visible_child (self->leaflet, self->view_requested ? self->content_box
                                                                     : self->sidebar_box);
  self->view_requested = FALSE;
  gtk_stack_set_visible_child_name (self->main_stack, "workspace");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

static void on_workspace_imported_cb (GObject      *source,
                                      GAsyncResult *result,
                                      gpointer      user_data);

typedef struct
{
  char *path;
  char *name;
} OpenRequest;

static void
open_request_free (OpenRequest *request)
{
  g_free (request->path);
  g_free (request->name);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenRequest, open_request_free)

static void
on_untrusted_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          AnnexWindow      *self)
{
  OpenRequest *request = g_object_get_data (G_OBJECT (dialog), "request");
  g_autofree char *description = NULL;
  WindowOperation *op;

  if (g_strcmp0 (response, "import") != 0)
    return;

  /* A clean copy beside it, under a name of its own (annex_database_import_file()). */
  description = g_strdup_printf (_("Importing “%s”…"), request->name);
  op = begin_operation (self, NULL, request->name, description);
  annex_workspace_list_import_async (self->workspace_list, request->path,
                                     self->operations_cancellable, on_workspace_imported_cb, op);
}

static void
on_open_for_user_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  AnnexWindow *self = ANNEX_WINDOW (source);
  g_autoptr(OpenRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (annex_window_open_workspace_finish (self, result, &error) || !should_report (self, error))
    return;

  heading = g_strdup_printf (_("Could Not Open “%s”"), request->name);
  if (!g_error_matches (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_UNTRUSTED))
    {
      show_error_dialog (self, heading, error->message);
      return;
    }

  /* Changed by another program (a trigger, a view): never opened as it is, but what Annex
   * knows of it can be copied into a fresh workspace. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import a Clean Copy"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "request", g_steal_pointer (&request),
                          (GDestroyNotify) open_request_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_untrusted_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_path_or_show_error (AnnexWindow *self,
                         const char  *path,
                         const char  *name)
{
  OpenRequest *request = g_new0 (OpenRequest, 1);

  request->path = g_strdup (path);
  request->name = g_strdup (name);
  annex_window_open_workspace_async (self, path, NULL, on_open_for_user_cb, request);
}

static GtkFileFilter *
create_workspace_file_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Annex Workspaces"));
  gtk_file_filter_add_pattern (filter, "*.isms");
  gtk_file_filter_add_mime_type (filter, WORKSPACE_FILE_MIME_TYPE);

  return filter;
}

/* Signal callbacks */

static void
on_actions_loaded_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(AnnexWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!annex_register_load_finish (ANNEX_REGISTER (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      ANNEX_REGISTER (source) == self->action_register)
    add_toast_printf (self, _("Could not load the actions: %s"), error->message);
}

static void
on_register_loaded_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(AnnexWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  AnnexRegister *register_ = ANNEX_REGISTER (source);

  if (annex_register_load_finish (register_, result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (register_ == self->control_register)
    add_toast_printf (self, _("Could not load the controls: %s"), error->message);
  else if (register_ == self->requirement_register)
    add_toast_printf (self, _("Could not load the requirements: %s"), error->message);
  else if (register_ == self->issue_register || register_ == self->party_register ||
           register_ == self->party_requirement_register ||
           register_ == self->scope_version_register ||
           register_ == self->scope_exclusion_register)
    add_toast_printf (self, _("Could not load the context: %s"), error->message);
  else if (register_ == self->audit_register || register_ == self->audit_item_register ||
           register_ == self->finding_register)
    add_toast_printf (self, _("Could not load the audits: %s"), error->message);
  else if (register_ == self->nonconformity_register || register_ == self->incident_register)
    add_toast_printf (self, _("Could not load the nonconformities and incidents: %s"),
                      error->message);
  else if (register_ == self->asset_register)
    add_toast_printf (self, _("Could not load the assets: %s"), error->message);
  else if (register_ == self->objective_register || register_ == self->measurement_register)
    add_toast_printf (self, _("Could not load the objectives: %s"), error->message);
  else if (register_ == self->review_register || register_ == self->attendee_register)
    add_toast_printf (self, _("Could not load the management reviews: %s"), error->message);
  else if (register_ == self->document_register ||
           register_ == self->document_version_register ||
           register_ == self->person_register || register_ == self->role_register ||
           register_ == self->training_register || register_ == self->awareness_register ||
           register_ == self->communication_register)
    add_toast_printf (self, _("Could not load the documents and people: %s"), error->message);
  else if (self->risk_register != NULL &&
           register_ == annex_risk_register_get_register (self->risk_register))
    add_toast_printf (self, _("Could not load the risks: %s"), error->message);
}

/* Takes ownership of @toast. */
static void
show_toast (AnnexWindow *self,
            AdwToast    *toast)
{
  if (self->toast_timeout >= 0)
    adw_toast_set_timeout (toast, self->toast_timeout);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_register_page_add_toast_cb (AnnexWindow *self,
                               AdwToast    *toast,
                               GtkWidget   *page)
{
  /* The page only lends the toast for the emission (annex-register-page.h). */
  show_toast (self, g_object_ref (toast));
}

/* A cell of the overview's heat map: the Risks view listing the risks of that cell (residual). */
static void
on_overview_view_show_risks_cb (AnnexWindow *self,
                                guint        likelihood,
                                guint        impact)
{
  AnnexHeatMap *map = annex_risks_view_get_heat_map (self->risks_view);

  annex_window_set_view (self, "risks");
  annex_risks_view_set_visible_page (self->risks_view, "risks");
  annex_risks_view_set_residual (self->risks_view, TRUE);
  g_object_set (self->risks_view, "heat-map-revealed", TRUE, NULL);
  if (annex_heat_map_get_selected_likelihood (map) != likelihood ||
      annex_heat_map_get_selected_impact (map) != impact)
    annex_heat_map_pick (map, likelihood, impact);
}

static void
on_view_stack_visible_child_changed_cb (AnnexWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->view_stack);
  GtkWidget *child = gtk_stack_get_visible_child (self->view_stack);
  int index = view_index (name);
  GtkListBoxRow *row;

  if (child == NULL || index < 0 || self->settings == NULL)
    return;

  adw_window_title_set_title (self->view_title,
                              gtk_stack_page_get_title (gtk_stack_get_page (self->view_stack,
                                                                            child)));
  /* A view of several pages has its switcher in the header bar (add_page_switchers()). */
  gtk_stack_set_visible_child_name (self->title_stack,
                                    ANNEX_IS_PAGED_VIEW (child) ? name : "title");

  row = gtk_list_box_get_row_at_index (self->sidebar_list, index);
  if (row != NULL && gtk_list_box_get_selection_mode (self->sidebar_list) != GTK_SELECTION_NONE &&
      gtk_list_box_get_selected_row (self->sidebar_list) != row)
    gtk_list_box_select_row (self->sidebar_list, row);

  g_settings_set_string (self->settings, "last-view", name);
  update_export_menu (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

static void
on_page_switcher_title_visible_cb (AdwViewSwitcherTitle *switcher,
                                   GParamSpec           *pspec,
                                   AnnexPagedView       *view)
{
  /* Too narrow for the switcher in the header bar: the view shows it at the bottom. */
  annex_paged_view_set_reveal_switcher_bar (view,
                                            adw_view_switcher_title_get_title_visible (switcher));
}

static void
on_paged_view_page_changed_cb (AdwViewStack         *stack,
                               GParamSpec           *pspec,
                               AdwViewSwitcherTitle *switcher)
{
  GtkWidget *child = adw_view_stack_get_visible_child (stack);
  const char *page_title = NULL;

  if (child != NULL)
    page_title = adw_view_stack_page_get_title (adw_view_stack_get_page (stack, child));
  /* Shown under the view's title when the switcher gives way to it (a narrow window); not
   * when the page is named like its view ("Risks" in Risks). */
  if (g_strcmp0 (page_title, adw_view_switcher_title_get_title (switcher)) == 0)
    page_title = NULL;
  adw_view_switcher_title_set_subtitle (switcher, page_title);
}

/* Gives each view of several pages (AnnexPagedView) a switcher in the header bar's title stack,
 * named after the view. */
static void
add_page_switchers (AnnexWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->view_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStackPage *page = gtk_stack_get_page (self->view_stack, child);
      AdwViewStack *stack;
      GtkWidget *switcher;

      if (!ANNEX_IS_PAGED_VIEW (child))
        continue;

      stack = annex_paged_view_get_stack (ANNEX_PAGED_VIEW (child));
      switcher = adw_view_switcher_title_new ();
      adw_view_switcher_title_set_title (ADW_VIEW_SWITCHER_TITLE (switcher),
                                         gtk_stack_page_get_title (page));
      adw_view_switcher_title_set_stack (ADW_VIEW_SWITCHER_TITLE (switcher), stack);
      g_signal_connect_object (switcher, "notify::title-visible",
                               G_CALLBACK (on_page_switcher_title_visible_cb), child, 0);
      g_signal_connect_object (stack, "notify::visible-child",
                               G_CALLBACK (on_paged_view_page_changed_cb), switcher, 0);
      on_paged_view_page_changed_cb (stack, NULL, ADW_VIEW_SWITCHER_TITLE (switcher));
      gtk_stack_add_named (self->title_stack, switcher, gtk_stack_page_get_name (page));
    }
}

static void
on_sidebar_list_row_selected_cb (AnnexWindow   *self,
                                 GtkListBoxRow *row)
{
  if (row != NULL)
    gtk_stack_set_visible_child_name (self->view_stack, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
on_sidebar_list_row_activated_cb (AnnexWindow   *self,
                                  GtkListBoxRow *row)
{
  gtk_stack_set_visible_child_name (self->view_stack, gtk_widget_get_name (GTK_WIDGET (row)));
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
on_back_button_clicked_cb (AnnexWindow *self)
{
  GtkWidget *view = gtk_stack_get_visible_child (self->view_stack);

  /* A register showing its editor over the list goes back to the list first. */
  if (ANNEX_IS_REGISTER_PAGE (view) &&
      annex_register_page_navigate_back (ANNEX_REGISTER_PAGE (view)))
    return;
  if (ANNEX_IS_PAGED_VIEW (view) && annex_paged_view_navigate_back (ANNEX_PAGED_VIEW (view)))
    return;
  if (single_page (view) != NULL &&
      annex_register_page_navigate_back (ANNEX_REGISTER_PAGE (single_page (view))))
    return;

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar_box);
}

/* Folded, the sidebar is a list to pick from (no row stays highlighted); unfolded, it shows
 * the current view. */
static void
on_leaflet_folded_changed_cb (AnnexWindow *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  /* The empty states of the views get the smaller icon on a narrow window. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->view_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!ADW_IS_STATUS_PAGE (child))
        continue;

      if (folded)
        gtk_widget_add_css_class (child, "compact");
      else
        gtk_widget_remove_css_class (child, "compact");
    }

  if (folded)
    gtk_list_box_set_selection_mode (self->sidebar_list, GTK_SELECTION_NONE);
  else
    {
      int index = view_index (gtk_stack_get_visible_child_name (self->view_stack));

      gtk_list_box_set_selection_mode (self->sidebar_list, GTK_SELECTION_BROWSE);
      if (index >= 0)
        gtk_list_box_select_row (self->sidebar_list,
                                 gtk_list_box_get_row_at_index (self->sidebar_list, index));
    }
}

static void
on_name_entry_changed_cb (GtkEditable      *entry,
                          AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "apply", name[0] != '\0');
}

/* The organization name typed into a dialog of create_name_dialog (), stripped. */
static char *
dup_dialog_name (AdwMessageDialog *dialog)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "name-entry");

  return g_strstrip (g_strdup (gtk_editable_get_text (entry)));
}

static void on_new_workspace_opened_cb (GObject      *source,
                                        GAsyncResult *result,
                                        gpointer      user_data);

static void
on_new_dialog_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           AnnexWindow      *self)
{
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  AnnexWorkspace *workspace;

  if (g_strcmp0 (response, "apply") != 0)
    return;

  name = dup_dialog_name (dialog);
  workspace = annex_workspace_list_create (self->workspace_list, name, &error);
  if (workspace == NULL)
    {
      show_error_dialog (self, _("Could Not Create the Workspace"), error->message);
      return;
    }

  /* Once it is shown, the guided start is offered over it. */
  annex_window_open_workspace_async (self, annex_workspace_get_path (workspace), NULL,
                                     on_new_workspace_opened_cb, g_strdup (name));
}

/* The windows showing the workspace at @path (this one or others of the application) take its
 * new organization name into their titles. */
static void
update_renamed_workspace (AnnexWindow *self,
                          const char  *path,
                          const char  *organization)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GList) windows = NULL;

  windows = app != NULL ? g_list_copy (gtk_application_get_windows (app)) : NULL;
  if (g_list_find (windows, self) == NULL)
    windows = g_list_prepend (windows, self);

  for (GList *l = windows; l != NULL; l = l->next)
    {
      AnnexWindow *window = l->data;

      if (!ANNEX_IS_WINDOW (window) || window->database == NULL ||
          g_strcmp0 (annex_database_get_path (window->database), path) != 0 ||
          g_strcmp0 (window->organization, organization) == 0)
        continue;

      g_free (window->organization);
      window->organization = g_strdup (organization);
      update_title (window);
    }
}

static void
on_setup_assistant_add_toast_cb (AnnexWindow *self,
                                 AdwToast    *toast)
{
  /* The assistant only lends the toast for the emission. */
  show_toast (self, g_object_ref (toast));
}

static void
on_setup_assistant_finished_cb (AnnexWindow *self,
                                gboolean     applied)
{
  g_autofree char *organization = NULL;

  if (!applied || self->database == NULL)
    return;

  /* The assistant may have renamed the organization. */
  organization = annex_database_dup_organization (self->database);
  if (organization != NULL && organization[0] != '\0')
    update_renamed_workspace (self, annex_database_get_path (self->database), organization);
  refresh_workspace_list (self);
}

static void
on_new_workspace_opened_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  AnnexWindow *self = ANNEX_WINDOW (source);
  g_autofree char *name = user_data;
  g_autoptr(GError) error = NULL;

  if (!annex_window_open_workspace_finish (self, result, &error))
    {
      if (should_report (self, error))
        {
          g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

          show_error_dialog (self, heading, error->message);
        }
      return;
    }

  annex_window_show_setup_assistant (self);
}

static void
on_workspace_renamed_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(WindowOperation) op = user_data;
  AnnexWindow *self = op->window;
  g_autoptr(GError) error = NULL;

  if (annex_workspace_list_rename_finish (ANNEX_WORKSPACE_LIST (source), result, &error))
    {
      if (!is_closing (self))
        update_renamed_workspace (self, op->path, op->name);
    }
  else if (should_report (self, error))
    show_error_dialog (self, _("Could Not Rename the Workspace"), error->message);
}

static void
on_rename_dialog_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              AnnexWindow      *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "workspace-path");
  g_autofree char *name = NULL;
  AnnexWorkspace *workspace;
  WindowOperation *op;

  if (g_strcmp0 (response, "apply") != 0)
    return;

  workspace = lookup_workspace (self, path);
  if (workspace == NULL || !check_not_busy (self, path, _("Could Not Rename the Workspace")))
    return;

  /* The file work (an open with its integrity check) runs on a worker; the row is busy. */
  name = dup_dialog_name (dialog);
  op = begin_operation (self, path, name, _("Renaming the workspace…"));
  annex_workspace_list_rename_async (self->workspace_list, workspace, name,
                                     self->operations_cancellable, on_workspace_renamed_cb, op);
}

static void
on_delete_dialog_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              AnnexWindow      *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "workspace-path");
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  AnnexWorkspace *workspace;

  if (g_strcmp0 (response, "delete") != 0)
    return;

  workspace = lookup_workspace (self, path);
  if (workspace == NULL || !check_not_busy (self, path, _("Could Not Delete the Workspace")))
    return;

  if (find_window_with_workspace (self, path) != NULL)
    {
      show_error_dialog (self, _("Could Not Delete the Workspace"),
                         _("The workspace is open in another window. Close it there first."));
      return;
    }

  name = g_strdup (annex_workspace_get_name (workspace));
  if (!annex_workspace_list_delete (self->workspace_list, workspace, &error))
    {
      show_error_dialog (self, _("Could Not Delete the Workspace"), error->message);
      return;
    }

  add_toast_printf (self, _("Deleted “%s”"), name);
}

static void
on_workspace_exported_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(WindowOperation) op = user_data;
  AnnexWindow *self = op->window;
  g_autoptr(GError) error = NULL;

  if (annex_workspace_list_export_finish (ANNEX_WORKSPACE_LIST (source), result, &error))
    {
      if (!is_closing (self))
        add_toast_printf (self, _("Exported to %s"), op->name);
    }
  else if (should_report (self, error))
    show_error_dialog (self, _("Could Not Export the Workspace"), error->message);
}

static void
on_export_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               AnnexWindow     *self)
{
  const char *path = g_object_get_data (G_OBJECT (chooser), "workspace-path");
  g_autoptr(GFile) file = NULL;
  g_autofree char *dest_path = NULL;
  g_autofree char *dest_name = NULL;
  AnnexWorkspace *workspace;
  WindowOperation *op;

  gtk_native_dialog_destroy (chooser);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL)
    {
      dest_path = g_file_get_path (file);
      dest_name = g_file_get_basename (file);
    }

  if (dest_path == NULL)
    goto out;

  if (g_strcmp0 (dest_path, path) == 0)
    {
      show_error_dialog (self, _("Could Not Export the Workspace"),
                         _("A workspace cannot be exported onto itself. Choose another file."));
      goto out;
    }

  workspace = annex_workspace_list_find_by_path (self->workspace_list, path);
  if (workspace == NULL && self->database != NULL &&
      g_strcmp0 (annex_database_get_path (self->database), path) == 0)
    {
      g_autoptr(GError) error = NULL;

      /* The open workspace lies outside the workspace folder (rare: reopened from a folder
       * used before): a copy through its own connection, which only this thread may use. */
      if (annex_database_backup (self->database, dest_path, &error))
        add_toast_printf (self, _("Exported to %s"), dest_name);
      else
        show_error_dialog (self, _("Could Not Export the Workspace"), error->message);
      goto out;
    }

  if (workspace == NULL)
    {
      lookup_workspace (self, path);  /* says it is gone */
      goto out;
    }

  /* Read through a connection of the worker's own, also when the workspace is open here: the
   * copy holds what is committed. */
  op = begin_operation (self, path, dest_name, _("Exporting the workspace…"));
  annex_workspace_list_export_async (self->workspace_list, workspace, dest_path,
                                     self->operations_cancellable, on_workspace_exported_cb, op);

out:
  g_object_unref (chooser);
}

static void
on_import_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               AnnexWindow     *self)
{
  g_autoptr(GFile) file = NULL;

  gtk_native_dialog_destroy (chooser);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL)
    annex_window_open_file (self, file);

  g_object_unref (chooser);
}

/* Dialogs */

/* A message dialog asking for an organization name: responses "cancel" and "apply" (enabled
 * while the name is not empty). */
static AdwMessageDialog *
create_name_dialog (AnnexWindow *self,
                    const char  *heading,
                    const char  *body,
                    const char  *apply_label,
                    const char  *initial_name)
{
  AdwMessageDialog *dialog;
  GtkWidget *list_box;
  GtkWidget *entry;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));

  entry = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Organization Name"));
  gtk_editable_set_text (GTK_EDITABLE (entry), initial_name != NULL ? initial_name : "");
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_name_entry_changed_cb), dialog, 0);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (entry), TRUE);
  g_object_set_data (G_OBJECT (dialog), "name-entry", entry);

  list_box = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list_box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list_box, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list_box), entry);
  adw_message_dialog_set_extra_child (dialog, list_box);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "apply", apply_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "apply");
  adw_message_dialog_set_close_response (dialog, "cancel");
  on_name_entry_changed_cb (GTK_EDITABLE (entry), dialog);

  gtk_window_set_focus (GTK_WINDOW (dialog), entry);
  return dialog;
}

static void
show_export_chooser (AnnexWindow *self,
                     const char  *path)
{
  g_autofree char *suggested_name = g_path_get_basename (path);
  g_autoptr(GtkFileFilter) filter = create_workspace_file_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Workspace"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data_full (G_OBJECT (chooser), "workspace-path", g_strdup (path), g_free);

  /* The chooser's reference is dropped in the response handler. */
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_chooser_response_cb),
                           self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Actions */

static void
open_workspace_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  AnnexWindow *self = ANNEX_WINDOW (user_data);
  const char *path = g_variant_get_string (parameter, NULL);
  AnnexWindow *other = find_window_with_workspace (self, path);
  AnnexWorkspace *workspace;

  if (other != NULL)
    {
      gtk_window_present (GTK_WINDOW (other));
      return;
    }

  workspace = annex_workspace_list_find_by_path (self->workspace_list, path);
  if (workspace != NULL)
    open_path_or_show_error (self, path, annex_workspace_get_name (workspace));
  else
    {
      g_autofree char *name = g_path_get_basename (path);

      open_path_or_show_error (self, path, name);
    }
}

static void
rename_workspace_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  AnnexWindow *self = ANNEX_WINDOW (user_data);
  const char *path = g_variant_get_string (parameter, NULL);
  AnnexWorkspace *workspace = lookup_workspace (self, path);
  AdwMessageDialog *dialog;

  if (workspace == NULL)
    return;

  dialog = create_name_dialog (self, _("Rename Workspace"),
                               _("The name of the organization appears on the welcome "
                                 "screen, in the window title and in reports."),
                               _("_Rename"), annex_workspace_get_name (workspace));
  g_object_set_data_full (G_OBJECT (dialog), "workspace-path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_workspace_duplicated_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(WindowOperation) op = user_data;
  AnnexWindow *self = op->window;
  g_autoptr(AnnexWorkspace) copy = NULL;
  g_autoptr(GError) error = NULL;

  copy = annex_workspace_list_duplicate_finish (ANNEX_WORKSPACE_LIST (source), result, &error);
  if (copy != NULL)
    {
      if (!is_closing (self))
        add_toast_printf (self, _("Duplicated as “%s”"), annex_workspace_get_name (copy));
    }
  else if (should_report (self, error))
    show_error_dialog (self, _("Could Not Duplicate the Workspace"), error->message);
}

static void
duplicate_workspace_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  AnnexWindow *self = ANNEX_WINDOW (user_data);
  const char *path = g_variant_get_string (parameter, NULL);
  AnnexWorkspace *workspace = lookup_workspace (self, path);
  WindowOperation *op;

  if (workspace == NULL)
    return;

  op = begin_operation (self, path, NULL, _("Duplicating the workspace…"));
  annex_workspace_list_duplicate_async (self->workspace_list, workspace,
                                        self->operations_cancellable, on_workspace_duplicated_cb,
                                        op);
}

static void
delete_workspace_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  AnnexWindow *self = ANNEX_WINDOW (user_data);
  const char *path = g_variant_get_string (parameter, NULL);
  AnnexWorkspace *workspace = lookup_workspace (self, path);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (workspace == NULL)
    return;

  heading = g_strdup_printf (_("Delete “%s”?"), annex_workspace_get_name (workspace));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("The workspace and its change history are deleted from "
                                     "this computer. Export it first if you may need it "
                                     "again."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "workspace-path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_listed_workspace_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  AnnexWindow *self = ANNEX_WINDOW (user_data);

  show_export_chooser (self, g_variant_get_string (parameter, NULL));
}

static void
export_workspace_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  AnnexWindow *self = ANNEX_WINDOW (user_data);

  if (self->database != NULL)
    show_export_chooser (self, annex_database_get_path (self->database));
}

static void
close_workspace_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  annex_window_close_workspace (ANNEX_WINDOW (user_data));
}

static void
show_view_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  annex_window_set_view (ANNEX_WINDOW (user_data), g_variant_get_string (parameter, NULL));
}

static gboolean
page_shows_table (GtkWidget  *widget,
                  const char *table)
{
  AnnexRegister *register_;
  g_autoptr(GTypeClass) klass = NULL;

  if (!ANNEX_IS_REGISTER_PAGE (widget))
    return FALSE;

  register_ = annex_register_page_get_register (ANNEX_REGISTER_PAGE (widget));
  if (register_ == NULL)
    return FALSE;

  klass = g_type_class_ref (annex_register_get_record_type (register_));
  return g_strcmp0 (annex_record_class_get_table (ANNEX_RECORD_CLASS (klass)), table) == 0;
}

/* Shows the record (@table, @id) where it lives: the register page of its table, in a view of
 * its own or a page of a view of several pages (the context view also knows its child
 * records). */
static gboolean
show_record (AnnexWindow *self,
             const char  *table,
             gint64       id)
{
  for (GtkWidget *view = gtk_widget_get_first_child (GTK_WIDGET (self->view_stack));
       view != NULL;
       view = gtk_widget_get_next_sibling (view))
    {
      const char *view_name = gtk_stack_page_get_name (gtk_stack_get_page (self->view_stack,
                                                                           view));
      GtkWidget *page = NULL;

      if (ANNEX_IS_DOCUMENTS_VIEW (view))
        {
          if (annex_documents_view_show_record (ANNEX_DOCUMENTS_VIEW (view), table, id))
            {
              annex_window_set_view (self, view_name);
              return TRUE;
            }
          continue;
        }
      if (ANNEX_IS_CONTEXT_VIEW (view))
        {
          if (annex_context_view_show_record (ANNEX_CONTEXT_VIEW (view), table, id))
            {
              annex_window_set_view (self, view_name);
              return TRUE;
            }
          continue;
        }

      if (single_page (view) != NULL && page_shows_table (single_page (view), table))
        page = single_page (view);
      else if (page_shows_table (view, table))
        page = view;
      else if (ANNEX_IS_PAGED_VIEW (view))
        {
          AdwViewStack *stack = annex_paged_view_get_stack (ANNEX_PAGED_VIEW (view));
          g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (stack);
          guint n = g_list_model_get_n_items (G_LIST_MODEL (pages));

          for (guint i = 0; page == NULL && i < n; i++)
            {
              g_autoptr(AdwViewStackPage) stack_page = g_list_model_get_item (G_LIST_MODEL (pages),
                                                                              i);
              GtkWidget *child = adw_view_stack_page_get_child (stack_page);

              if (page_shows_table (child, table))
                {
                  page = child;
                  adw_view_stack_set_visible_child (stack, child);
                }
            }
        }

      if (page != NULL)
        {
          annex_window_set_view (self, view_name);
          return annex_register_page_show_record (ANNEX_REGISTER_PAGE (page), id);
        }
    }

  return FALSE;
}

static void
show_record_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  AnnexWindow *self = ANNEX_WINDOW (user_data);
  const char *table = NULL;
  gint64 id = 0;

  g_variant_get (parameter, "(&sx)", &table, &id);
  if (self->database != NULL && !show_record (self, table, id))
    add_toast_printf (self, _("The record is no longer there."));
}

typedef struct
{
  char *id;
  char *path;
} SampleData;

static void
sample_data_free (SampleData *data)
{
  g_free (data->id);
  g_free (data->path);
  g_free (data);
}

static void
create_sample_thread_func (GTask        *task,
                           gpointer      source_object,
                           gpointer      task_data,
                           GCancellable *cancellable)
{
  SampleData *data = task_data;
  g_autoptr(AnnexDatabase) database = NULL;
  g_autofree char *directory = g_path_get_dirname (data->path);
  GError *error = NULL;

  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int errsv = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (errsv),
                               "%s: %s", directory, g_strerror (errsv));
      return;
    }

  /* Always a fresh copy: the practice of the last workshop is replaced. */
  database = annex_sample_create (data->path, data->id, TRUE, NULL, &error);
  if (database == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* The window opens it on its own thread's connection. */
  annex_database_close (database);
  g_task_return_boolean (task, TRUE);
}

static void
on_sample_opened_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  AnnexWindow *self = ANNEX_WINDOW (source);
  g_autofree char *name = user_data;
  g_autoptr(GError) error = NULL;

  if (annex_window_open_workspace_finish (self, result, &error))
    add_toast_printf (self, _("This is a fresh copy of “%s”. Your changes are practice: open "
                              "the sample again from the welcome screen to start over."), name);
  else if (should_report (self, error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      show_error_dialog (self, heading, error->message);
    }
}

static void
on_sample_created_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(WindowOperation) op = user_data;
  AnnexWindow *self = op->window;
  SampleData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (should_report (self, error))
        {
          g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), op->name);

          show_error_dialog (self, heading, error->message);
        }
      return;
    }

  if (!is_closing (self))
    annex_window_open_workspace_async (self, data->path, NULL, on_sample_opened_cb,
                                       g_strdup (op->name));
}

static void
open_sample_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  AnnexWindow *self = ANNEX_WINDOW (user_data);
  const char *id = g_variant_get_string (parameter, NULL);
  const AnnexSampleInfo *sample = annex_sample_find (id);
  g_autoptr(GTask) task = NULL;
  SampleData *data;
  AnnexWindow *other;
  WindowOperation *op;

  if (sample == NULL)
    {
      show_error_dialog (self, _("Sample Not Found"),
                         _("This version of Annex does not have that sample organization."));
      return;
    }

  data = g_new0 (SampleData, 1);
  data->id = g_strdup (id);
  data->path = annex_window_dup_sample_path (id);

  /* The copy is replaced: a window that has the old one open closes it first (its connection
   * would otherwise go on with the replaced file). */
  while ((other = find_window_with_workspace (self, data->path)) != NULL)
    annex_window_close_workspace (other);

  op = begin_operation (self, NULL, sample->organization, _("Preparing the sample…"));
  task = g_task_new (self, self->operations_cancellable, on_sample_created_cb, op);
  g_task_set_source_tag (task, open_sample_action);
  g_task_set_task_data (task, data, (GDestroyNotify) sample_data_free);
  g_task_run_in_thread (task, create_sample_thread_func);
}

static void
search_everywhere_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  AnnexWindow *self = ANNEX_WINDOW (user_data);

  if (self->database != NULL)
    gtk_window_present (GTK_WINDOW (annex_search_dialog_new (GTK_WINDOW (self),
                                                             self->database)));
}

/* Ctrl+plus, Ctrl+minus, Ctrl+0: the text size of this window, kept in the workspace. */
static void
text_scale_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  AnnexWindow *self = ANNEX_WINDOW (user_data);
  const char *name = g_action_get_name (G_ACTION (action));
  int direction = 0;
  guint percent;
  g_autofree char *value = NULL;
  g_autoptr(GError) error = NULL;

  if (self->database == NULL)
    return;

  if (g_str_equal (name, "text-larger"))
    direction = 1;
  else if (g_str_equal (name, "text-smaller"))
    direction = -1;
  percent = annex_text_scale_step (annex_text_scale_get (GTK_WIDGET (self)), direction);
  set_text_scale (self, percent);

  /* 100 % is the default: the setting goes away rather than stay as noise. */
  if (percent != ANNEX_TEXT_SCALE_DEFAULT)
    value = g_strdup_printf ("%u", percent);
  if (!annex_database_set_setting (self->database, ANNEX_TEXT_SCALE_SETTING, value, &error))
    add_toast_printf (self, _("Could not keep the text size: %s"), error->message);
}

/* Reports and data exchange: the view's report for Export and Print, the CSV imports and the
 * control catalogue import. */

/* The register page shown in the visible view (a view of one page, or the visible page of a
 * view of several), or NULL. */
static AnnexRegisterPage *
get_visible_register_page (AnnexWindow *self)
{
  GtkWidget *view = gtk_stack_get_visible_child (self->view_stack);
  GtkWidget *page = NULL;

  if (view == NULL)
    return NULL;

  if (single_page (view) != NULL)
    page = single_page (view);
  else if (ANNEX_IS_PAGED_VIEW (view))
    page = adw_view_stack_get_visible_child (annex_paged_view_get_stack (ANNEX_PAGED_VIEW (view)));
  else
    page = view;

  return ANNEX_IS_REGISTER_PAGE (page) ? ANNEX_REGISTER_PAGE (page) : NULL;
}

/* The reference of the record selected in @page (the first one), or NULL. */
static char *
dup_selected_reference (AnnexRegisterPage *page)
{
  g_autoptr(GPtrArray) selected = page != NULL ? annex_register_page_dup_selected (page) : NULL;

  if (selected == NULL || selected->len == 0)
    return NULL;

  return g_strdup (annex_record_get_reference (g_ptr_array_index (selected, 0)));
}

/* "register:TABLE" for the register of @page, with the page's title as *@label. */
static char *
dup_register_report (AnnexRegisterPage  *page,
                     char              **label)
{
  AnnexRegister *register_ = page != NULL ? annex_register_page_get_register (page) : NULL;
  g_autoptr(GTypeClass) klass = NULL;

  if (register_ == NULL)
    return NULL;

  klass = g_type_class_ref (annex_register_get_record_type (register_));
  g_free (*label);
  *label = g_strdup (annex_register_page_get_title (page));
  return g_strconcat ("register:", annex_record_class_get_table (ANNEX_RECORD_CLASS (klass)),
                      NULL);
}

/* The report of the visible view, as Export preselects it and Print prints it: the SoA in
 * Controls, the risk register or treatment plan in Risks, the selected audit or review, the
 * context register, the action list; any other register as a table. *@label: the label of a
 * register report (NULL for the others: the dialog names them). */
static char *
dup_view_report (AnnexWindow  *self,
                 char        **label)
{
  const char *view = annex_window_get_view (self);
  g_autofree char *reference = NULL;
  char *report;

  *label = NULL;

  if (g_strcmp0 (view, "controls") == 0 || g_strcmp0 (view, "overview") == 0)
    return g_strdup ("soa");
  if (g_strcmp0 (view, "context") == 0)
    return g_strdup ("context");
  if (g_strcmp0 (view, "actions") == 0)
    return g_strdup ("actions");
  if (g_strcmp0 (view, "risks") == 0)
    {
      const char *page = annex_risks_view_get_visible_page (self->risks_view);

      if (g_strcmp0 (page, "plan") == 0)
        return g_strdup ("treatment-plan");
      if (g_strcmp0 (page, "assets") == 0 &&
          (report = dup_register_report (get_visible_register_page (self), label)) != NULL)
        return report;
      return g_strdup ("risks");
    }
  if (g_strcmp0 (view, "audits") == 0)
    reference = dup_selected_reference (annex_audits_view_get_audits_page (self->audits_view));
  else if (g_strcmp0 (view, "reviews") == 0)
    reference = dup_selected_reference (annex_reviews_view_get_page (self->reviews_view));

  if (reference != NULL)
    return g_strdup_printf ("%s:%s", g_strcmp0 (view, "audits") == 0 ? "audit" : "review",
                            reference);

  report = dup_register_report (get_visible_register_page (self), label);
  return report != NULL ? report : g_strdup ("soa");
}

/* The register a CSV import from the visible view goes into. */
static const char *
get_view_csv_table (AnnexWindow *self)
{
  const char *view = annex_window_get_view (self);

  if (g_strcmp0 (view, "controls") == 0)
    return "controls";
  if (g_strcmp0 (view, "context") == 0)
    return g_strcmp0 (annex_context_view_get_visible_page (self->context_view), "parties") == 0
           ? "parties" : "issues";
  if (g_strcmp0 (view, "risks") == 0 &&
      g_strcmp0 (annex_risks_view_get_visible_page (self->risks_view), "assets") == 0)
    return "assets";

  return "risks";
}

/* The header bar's Export menu: export and print the view's report, and the imports that fill
 * the view's registers. */
static void
update_export_menu (AnnexWindow *self)
{
  const char *view = annex_window_get_view (self);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) reports = g_menu_new ();
  g_autoptr(GMenu) imports = g_menu_new ();

  if (self->export_menu_button == NULL)
    return;

  g_menu_append (reports, _("_Export…"), "win.export");
  g_menu_append (reports, _("_Print…"), "win.print");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (reports));

  if (g_strcmp0 (view, "risks") == 0)
    {
      g_menu_append (imports, _("Import _Risks from CSV…"), "win.import-csv::risks");
      g_menu_append (imports, _("Import _Assets from CSV…"), "win.import-csv::assets");
    }
  else if (g_strcmp0 (view, "context") == 0)
    {
      g_menu_append (imports, _("Import _Issues from CSV…"), "win.import-csv::issues");
      g_menu_append (imports, _("Import Interested _Parties from CSV…"),
                     "win.import-csv::parties");
    }
  else if (g_strcmp0 (view, "controls") == 0)
    {
      g_menu_append (imports, _("Import Control _Status from CSV…"), "win.import-csv::controls");
      g_menu_append (imports, _("Import Control _Catalog…"), "win.import-catalog");
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (imports)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (imports));

  gtk_menu_button_set_menu_model (self->export_menu_button, G_MENU_MODEL (menu));
}

static void
export_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  AnnexWindow *self = ANNEX_WINDOW (user_data);
  static const char * const standard[] = { "soa", "risks", "treatment-plan", "context",
                                           "actions", NULL };
  g_autofree char *label = NULL;
  g_autofree char *report = NULL;
  GtkWidget *dialog;

  if (self->database == NULL)
    return;

  report = dup_view_report (self, &label);
  dialog = annex_export_dialog_new (GTK_WINDOW (self), self->database);
  for (guint i = 0; standard[i] != NULL; i++)
    annex_export_dialog_add_report (ANNEX_EXPORT_DIALOG (dialog), standard[i], NULL);
  /* The view's own report when it is not a standard one: the selected audit or review, or the
   * register shown. */
  annex_export_dialog_add_report (ANNEX_EXPORT_DIALOG (dialog), report, label);
  annex_export_dialog_set_report (ANNEX_EXPORT_DIALOG (dialog), report);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  AnnexWindow *self = ANNEX_WINDOW (user_data);
  g_autofree char *label = NULL;
  g_autofree char *report = NULL;
  g_autoptr(GError) error = NULL;

  if (self->database == NULL)
    return;

  report = dup_view_report (self, &label);
  if (!annex_export_print_report (GTK_WINDOW (self), self->database, report, &error))
    annex_window_add_toast (self, annex_toast_new_for_error (error));
}

static void
import_csv_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  AnnexWindow *self = ANNEX_WINDOW (user_data);
  const char *table = g_variant_get_string (parameter, NULL);

  if (self->database == NULL)
    return;

  /* "" (the primary menu): the register of the visible view; the dialog offers the others. */
  if (!g_strv_contains (annex_csv_import_dialog_get_tables (), table))
    table = get_view_csv_table (self);
  annex_csv_import_dialog_choose_file (GTK_WINDOW (self), self->database, table);
}

static void
on_catalog_loaded_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(AnnexWindow) self = user_data;
  AnnexDatabase *database = g_object_get_data (G_OBJECT (source), "annex-database");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (source));
  g_autofree char *heading = NULL;
  g_autofree char *title = NULL;
  char *contents = NULL;
  gsize length = 0;
  guint n = 0;

  if (is_closing (self))
    return;

  heading = g_strdup_printf (_("Could Not Import “%s”"), name);
  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      show_error_dialog (self, heading, error->message);
      return;
    }
  bytes = g_bytes_new_take (contents, length);

  /* Only into the workspace the file was chosen for. */
  if (self->database == NULL || self->database != database)
    return;

  /* One transaction on this thread's connection; the registers reload after it. */
  if (!annex_oscal_import_catalog (self->database, bytes, &title, &n, &error))
    {
      show_error_dialog (self, heading, error->message);
      return;
    }

  add_toast_printf (self, ngettext ("Imported %u control of “%s”",
                                    "Imported %u controls of “%s”", n), n, title);
  annex_window_set_view (self, "controls");
  annex_controls_view_set_visible_page (self->controls_view, "controls");
}

static void
on_catalog_chooser_response_cb (GtkNativeDialog *chooser,
                                int              response,
                                AnnexWindow     *self)
{
  g_autoptr(GFile) file = NULL;

  gtk_native_dialog_destroy (chooser);
  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);

  if (file != NULL)
    annex_window_import_catalog (self, file);
}

static void
import_catalog_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  AnnexWindow *self = ANNEX_WINDOW (user_data);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->database == NULL)
    return;

  gtk_file_filter_set_name (filter, _("OSCAL Catalogs (JSON)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_mime_type (filter, "application/json");

  chooser = gtk_file_chooser_native_new (_("Import Control Catalog"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  /* The chooser's reference is dropped in the response handler. */
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_catalog_chooser_response_cb),
                           self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* In the window's GActionMap ("win." with GtkApplicationWindow), so that they can be enabled
 * and disabled. */
static const GActionEntry win_actions[] = {
  { "open-workspace", open_workspace_action, "s" },
  { "rename-workspace", rename_workspace_action, "s" },
  { "duplicate-workspace", duplicate_workspace_action, "s" },
  { "delete-workspace", delete_workspace_action, "s" },
  { "export-listed-workspace", export_listed_workspace_action, "s" },
  { "export-workspace", export_workspace_action },
  { "close-workspace", close_workspace_action },
  { "show-view", show_view_action, "s" },
  { "show-record", show_record_action, "(sx)" },
  { "text-larger", text_scale_action },
  { "text-smaller", text_scale_action },
  { "text-reset", text_scale_action },
  { "search-everywhere", search_everywhere_action },
  { "export", export_action },
  { "print", print_action },
  { "import-csv", import_csv_action, "s" },
  { "import-catalog", import_catalog_action },
  { "open-sample", open_sample_action, "s" },
};

/* Parent overrides */

static gboolean
annex_window_close_request (GtkWindow *window)
{
  save_window_state (ANNEX_WINDOW (window));

  if (GTK_WINDOW_CLASS (annex_window_parent_class)->close_request != NULL)
    return GTK_WINDOW_CLASS (annex_window_parent_class)->close_request (window);

  return FALSE;
}

static void
annex_window_constructed (GObject *object)
{
  AnnexWindow *self = ANNEX_WINDOW (object);

  G_OBJECT_CLASS (annex_window_parent_class)->constructed (object);

  annex_welcome_page_set_workspace_list (self->welcome_page, self->workspace_list);
  refresh_workspace_list (self);
}

static void
annex_window_dispose (GObject *object)
{
  AnnexWindow *self = ANNEX_WINDOW (object);

  /* Operations still running finish on their workers (a file being copied is either completed
   * or removed), and their callbacks then leave the window alone. */
  g_cancellable_cancel (self->operations_cancellable);
  g_clear_object (&self->operations_cancellable);

  clear_workspace (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANNEX_TYPE_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->workspace_list);

  G_OBJECT_CLASS (annex_window_parent_class)->dispose (object);
}

static void
annex_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AnnexWindow *self = ANNEX_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE_LIST:
      g_value_set_object (value, self->workspace_list);
      break;

    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_VIEW:
      g_value_set_string (value, annex_window_get_view (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AnnexWindow *self = ANNEX_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE_LIST:
      self->workspace_list = g_value_dup_object (value);
      break;

    case PROP_VIEW:
      annex_window_set_view (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_window_class_init (AnnexWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = annex_window_constructed;
  object_class->dispose = annex_window_dispose;
  object_class->get_property = annex_window_get_property;
  object_class->set_property = annex_window_set_property;

  window_class->close_request = annex_window_close_request;

  properties[PROP_WORKSPACE_LIST] =
    g_param_spec_object ("workspace-list", NULL, NULL,
                         ANNEX_TYPE_WORKSPACE_LIST,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         ANNEX_TYPE_DATABASE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL,
                         "overview",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ANNEX_TYPE_REGISTER_PAGE);
  g_type_ensure (ANNEX_TYPE_AUDITS_VIEW);
  g_type_ensure (ANNEX_TYPE_CONTEXT_VIEW);
  g_type_ensure (ANNEX_TYPE_CONTROLS_VIEW);
  g_type_ensure (ANNEX_TYPE_DOCUMENTS_VIEW);
  g_type_ensure (ANNEX_TYPE_IMPROVEMENT_VIEW);
  g_type_ensure (ANNEX_TYPE_OBJECTIVES_VIEW);
  g_type_ensure (ANNEX_TYPE_OVERVIEW_VIEW);
  g_type_ensure (ANNEX_TYPE_REVIEWS_VIEW);
  g_type_ensure (ANNEX_TYPE_RISKS_VIEW);
  g_type_ensure (ANNEX_TYPE_WELCOME_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/annex-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnexWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AnnexWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AnnexWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, AnnexWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AnnexWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, AnnexWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, AnnexWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, AnnexWindow, view_title);
  gtk_widget_class_bind_template_child (widget_class, AnnexWindow, title_stack);
  gtk_widget_class_bind_template_child (widget_class, AnnexWindow, overview_view);
  gtk_widget_class_bind_template_child (widget_class, AnnexWindow, context_view);
  gtk_widget_class_bind_template_child (widget_class, AnnexWindow, controls_view);
  gtk_widget_class_bind_template_child (widget_class, AnnexWindow, risks_view);
  gtk_widget_class_bind_template_child (widget_class, AnnexWindow, audits_view);
  gtk_widget_class_bind_template_child (widget_class, AnnexWindow, improvement_view);
  gtk_widget_class_bind_template_child (widget_class, AnnexWindow, objectives_view);
  gtk_widget_class_bind_template_child (widget_class, AnnexWindow, reviews_view);
  gtk_widget_class_bind_template_child (widget_class, AnnexWindow, documents_view);
  gtk_widget_class_bind_template_child (widget_class, AnnexWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, AnnexWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AnnexWindow, actions_page);
  gtk_widget_class_bind_template_child (widget_class, AnnexWindow, welcome_spinner);
  gtk_widget_class_bind_template_child (widget_class, AnnexWindow, sidebar_spinner);
  gtk_widget_class_bind_template_child (widget_class, AnnexWindow, export_menu_button);
  gtk_widget_class_bind_template_callback (widget_class, on_register_page_add_toast_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_stack_visible_child_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_overview_view_show_risks_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked_cb);
}

static void
annex_window_init (AnnexWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->toast_timeout = -1;
  add_page_switchers (self);

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions),
                                   self);

  self->settings = g_settings_new (ANNEX_SETTINGS_SCHEMA_ID);
  self->operations_cancellable = g_cancellable_new ();

  g_signal_connect_object (self->leaflet, "notify::folded",
                           G_CALLBACK (on_leaflet_folded_changed_cb), self, G_CONNECT_SWAPPED);

  restore_window_state (self);
  on_view_stack_visible_child_changed_cb (self);
  on_leaflet_folded_changed_cb (self);
  update_title (self);
  update_actions (self);
}

/* Public API */

/**
 * annex_window_get_view_names:
 *
 * Returns: (transfer none): the names of the views in sidebar order, %NULL-terminated
 */
const char * const *
annex_window_get_view_names (void)
{
  return view_names;
}

/**
 * annex_window_is_view_name:
 * @name: (nullable): a string
 *
 * Returns: whether @name names a view
 */
gboolean
annex_window_is_view_name (const char *name)
{
  return name != NULL && view_index (name) >= 0;
}

/**
 * annex_window_new:
 * @application: (nullable): the application
 * @workspace_list: the workspaces the welcome screen lists and the operations act on
 *
 * Returns: (transfer none): a new window (owned by GTK's list of toplevels)
 */
AnnexWindow *
annex_window_new (GtkApplication     *application,
                  AnnexWorkspaceList *workspace_list)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (ANNEX_IS_WORKSPACE_LIST (workspace_list), NULL);

  return g_object_new (ANNEX_TYPE_WINDOW,
                       "application", application,
                       "workspace-list", workspace_list,
                       NULL);
}

AnnexWorkspaceList *
annex_window_get_workspace_list (AnnexWindow *self)
{
  g_return_val_if_fail (ANNEX_IS_WINDOW (self), NULL);

  return self->workspace_list;
}

AnnexDatabase *
annex_window_get_database (AnnexWindow *self)
{
  g_return_val_if_fail (ANNEX_IS_WINDOW (self), NULL);

  return self->database;
}

AnnexRegister *
annex_window_get_action_register (AnnexWindow *self)
{
  g_return_val_if_fail (ANNEX_IS_WINDOW (self), NULL);

  return self->action_register;
}

AnnexRegister *
annex_window_get_control_register (AnnexWindow *self)
{
  g_return_val_if_fail (ANNEX_IS_WINDOW (self), NULL);

  return self->control_register;
}

AnnexRegister *
annex_window_get_requirement_register (AnnexWindow *self)
{
  g_return_val_if_fail (ANNEX_IS_WINDOW (self), NULL);

  return self->requirement_register;
}

const char *
annex_window_get_visible_page (AnnexWindow *self)
{
  g_return_val_if_fail (ANNEX_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

const char *
annex_window_get_view (AnnexWindow *self)
{
  g_return_val_if_fail (ANNEX_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->view_stack);
}

/**
 * annex_window_set_view:
 * @self: an #AnnexWindow
 * @view: the name of a view
 *
 * Shows @view; on a narrow (folded) window the content replaces the sidebar.
 *
 * Returns: %FALSE when @view is not a view's name
 */
gboolean
annex_window_set_view (AnnexWindow *self,
                       const char  *view)
{
  g_return_val_if_fail (ANNEX_IS_WINDOW (self), FALSE);

  if (!annex_window_is_view_name (view))
    return FALSE;

  gtk_stack_set_visible_child_name (self->view_stack, view);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  self->view_requested = self->database == NULL;

  return TRUE;
}

static void
on_workspace_opened_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(WindowOperation) op = user_data;
  AnnexWindow *self = op->window;
  AnnexDatabase *database;
  GError *error = NULL;

  database = annex_workspace_list_open_finish (ANNEX_WORKSPACE_LIST (source), result, &error);
  if (database == NULL)
    {
      g_task_return_error (op->task, error);
      return;
    }

  if (is_closing (self) || op->serial != self->open_serial ||
      g_cancellable_is_cancelled (g_task_get_cancellable (op->task)))
    {
      /* The window closed, another open or a close came after this one, or the caller gave
       * up: the window stays as it is. */
      annex_database_close (database);
      g_object_unref (database);
      g_task_return_new_error (op->task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "The workspace was not shown");
      return;
    }

  set_database (self, database);
  g_task_return_boolean (op->task, TRUE);
}

/**
 * annex_window_open_workspace_async:
 * @self: an #AnnexWindow
 * @path: the workspace file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the workspace is shown or could not be opened
 * @user_data: data for @callback
 *
 * Opens the workspace on a worker thread (validation, integrity check and migration take
 * time), meanwhile showing progress on its welcome row; then closes the open one, shows the new
 * one's views, loads its registers in the background and remembers it as the last workspace.
 * A later open or a close supersedes a pending one, which then fails with
 * %G_IO_ERROR_CANCELLED.
 */
void
annex_window_open_workspace_async (AnnexWindow         *self,
                                   const char          *path,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  WindowOperation *op;

  g_return_if_fail (ANNEX_IS_WINDOW (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, annex_window_open_workspace_async);

  if (is_closing (self))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The window is closing");
      return;
    }

  if (self->database != NULL && g_strcmp0 (annex_database_get_path (self->database), path) == 0)
    {
      self->open_serial++;  /* what the user sees wins over an open still pending */
      g_task_return_boolean (task, TRUE);
      return;
    }

  name = g_path_get_basename (path);
  op = begin_operation (self, path, name, _("Opening the workspace…"));
  op->task = g_steal_pointer (&task);
  op->serial = ++self->open_serial;
  annex_workspace_list_open_async (self->workspace_list, path, self->operations_cancellable,
                                   on_workspace_opened_cb, op);
}

/**
 * annex_window_open_workspace_finish:
 * @self: an #AnnexWindow
 * @result: the result passed to the callback
 * @error: return location for a #GError: the store's, or %G_IO_ERROR_CANCELLED
 *
 * Returns: %TRUE when the workspace is shown; on failure the window is unchanged
 */
gboolean
annex_window_open_workspace_finish (AnnexWindow   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (ANNEX_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        annex_window_open_workspace_async, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * annex_window_close_workspace:
 * @self: an #AnnexWindow
 *
 * Closes the open workspace (if any) and shows the welcome screen. The next start then shows
 * the welcome screen too.
 */
void
annex_window_close_workspace (AnnexWindow *self)
{
  g_return_if_fail (ANNEX_IS_WINDOW (self));

  self->open_serial++;  /* an open still pending no longer shows its workspace */

  if (self->database != NULL)
    {
      clear_workspace (self);
      g_settings_set_string (self->settings, "last-workspace", "");
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
    }

  update_title (self);
  update_actions (self);
  refresh_workspace_list (self);
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
}

static void
on_workspace_imported_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(WindowOperation) op = user_data;
  AnnexWindow *self = op->window;
  g_autoptr(AnnexWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;

  workspace = annex_workspace_list_import_finish (ANNEX_WORKSPACE_LIST (source), result, &error);
  if (workspace == NULL)
    {
      if (should_report (self, error))
        {
          g_autofree char *heading = g_strdup_printf (_("Could Not Import “%s”"), op->name);

          show_error_dialog (self, heading, error->message);
        }
      return;
    }

  if (is_closing (self))
    return;

  add_toast_printf (self, _("Imported “%s”"), annex_workspace_get_name (workspace));
  open_path_or_show_error (self, annex_workspace_get_path (workspace),
                           annex_workspace_get_name (workspace));
}

/**
 * annex_window_open_file:
 * @self: an #AnnexWindow
 * @file: a workspace file
 *
 * Opens @file: directly when it lies in the workspace folder, else after importing a copy into
 * the folder (on a worker thread, with a spinner in the header bar). A failure is shown in a
 * dialog.
 */
void
annex_window_open_file (AnnexWindow *self,
                        GFile       *file)
{
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *description = NULL;
  WindowOperation *op;

  g_return_if_fail (ANNEX_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  basename = g_file_get_basename (file);

  if (path == NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), basename);

      show_error_dialog (self, heading, _("Only files on this computer can be opened."));
      return;
    }

  if (annex_workspace_list_contains_path (self->workspace_list, path))
    {
      open_path_or_show_error (self, path, basename);
      return;
    }

  description = g_strdup_printf (_("Importing “%s”…"), basename);
  op = begin_operation (self, NULL, basename, description);
  annex_workspace_list_import_async (self->workspace_list, path, self->operations_cancellable,
                                     on_workspace_imported_cb, op);
}

void
annex_window_new_workspace (AnnexWindow *self)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (ANNEX_IS_WINDOW (self));

  dialog = create_name_dialog (self, _("New Workspace"),
                               _("A workspace holds the information security management system "
                                 "of one organization. Which organization is it for?"),
                               _("_Create"), NULL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_new_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * annex_window_dup_sample_path:
 * @id: the id of a sample organization ("financial")
 *
 * Returns: (transfer full): where "win.open-sample" puts the fresh copy of sample @id:
 *   g_get_user_data_dir()/annex/samples/<id>.isms
 */
char *
annex_window_dup_sample_path (const char *id)
{
  g_autofree char *directory = dup_samples_directory ();
  g_autofree char *basename = NULL;

  g_return_val_if_fail (id != NULL, NULL);

  basename = g_strconcat (id, ".isms", NULL);
  return g_build_filename (directory, basename, NULL);
}

/**
 * annex_window_show_setup_assistant:
 * @self: an #AnnexWindow
 *
 * Offers the guided start (annex-setup-assistant.h) for the open workspace: done after a new
 * workspace is created. Its failures become toasts of this window.
 *
 * Returns: (transfer none) (nullable): the assistant, presented; %NULL without a workspace
 */
AnnexSetupAssistant *
annex_window_show_setup_assistant (AnnexWindow *self)
{
  AnnexSetupAssistant *assistant;

  g_return_val_if_fail (ANNEX_IS_WINDOW (self), NULL);

  if (self->database == NULL)
    return NULL;

  assistant = annex_setup_assistant_new (GTK_WINDOW (self), self->database);
  g_signal_connect_object (assistant, "add-toast",
                           G_CALLBACK (on_setup_assistant_add_toast_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (assistant, "finished",
                           G_CALLBACK (on_setup_assistant_finished_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (assistant));

  return assistant;
}

void
annex_window_import_workspace (AnnexWindow *self)
{
  g_autoptr(GtkFileFilter) filter = NULL;
  GtkFileChooserNative *chooser;

  g_return_if_fail (ANNEX_IS_WINDOW (self));

  filter = create_workspace_file_filter ();
  chooser = gtk_file_chooser_native_new (_("Import Workspace"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  /* The chooser's reference is dropped in the response handler. */
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_chooser_response_cb),
                           self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
annex_window_add_toast (AnnexWindow *self,
                        AdwToast    *toast)
{
  g_return_if_fail (ANNEX_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  show_toast (self, toast);
}

/**
 * annex_window_set_toast_timeout:
 * @self: a window
 * @seconds: how long each toast stays, 0 for until dismissed, -1 for the toast's own timeout
 *
 * For tests, which may be slower than a toast's few seconds (under the sanitizers): an Undo
 * toast that went away can no longer be clicked.
 */
void
annex_window_set_toast_timeout (AnnexWindow *self,
                                int          seconds)
{
  g_return_if_fail (ANNEX_IS_WINDOW (self));

  self->toast_timeout = seconds;
}

/**
 * annex_window_import_catalog:
 * @self: an #AnnexWindow
 * @file: an OSCAL catalog (JSON)
 *
 * Reads @file on a worker, imports it into the open workspace as a control catalogue (one
 * transaction), then shows the Controls view and a toast; a refused file is shown in a dialog.
 */
void
annex_window_import_catalog (AnnexWindow *self,
                             GFile       *file)
{
  g_return_if_fail (ANNEX_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->database == NULL)
    return;

  /* Read off the main thread: a catalog such as NIST SP 800-53 is several megabytes. */
  g_object_set_data_full (G_OBJECT (file), "annex-database", g_object_ref (self->database),
                          g_object_unref);
  g_file_load_contents_async (file, self->operations_cancellable, on_catalog_loaded_cb,
                              g_object_ref (self));
}
