/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-setup-assistant.c: the guided start: a stack of steps with Back, Skip and Next; the
 * answers are kept per step and applied together, in step order, when the last step is left. */

#define G_LOG_DOMAIN "annex-setup-assistant"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-register.h"
#include "annex-risk-method.h"
#include "annex-risk-register.h"
#include "annex-sample.h"
#include "annex-scope-version.h"
#include "annex-setup-assistant.h"

typedef enum
{
  STEP_ORGANIZATION,
  STEP_SECTOR,
  STEP_SIZE,
  STEP_METHOD,
  STEP_SCOPE,
  STEP_STARTER,
  N_STEPS
} Step;

static const char * const step_names[N_STEPS] = {
  "organization", "sector", "size", "method", "scope", "starter",
};

/* The stored values of the size step, in the order of its rows. */
static const char * const size_values[] = { "1-10", "11-50", "51-250", "250+" };

struct _AnnexSetupAssistant
{
  AdwWindow       parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkWidget      *back_button;
  GtkWidget      *next_button;
  GtkWidget      *skip_button;
  GtkStack       *stack;
  GtkWidget      *organization_page;
  GtkWidget      *sector_page;
  GtkWidget      *size_page;
  GtkWidget      *method_page;
  GtkWidget      *scope_page;
  GtkWidget      *starter_page;
  AdwEntryRow    *organization_row;
  GtkListBox     *sector_list;
  GtkCheckButton *size_1_check;
  GtkCheckButton *size_11_check;
  GtkCheckButton *size_51_check;
  GtkCheckButton *size_250_check;
  GtkCheckButton *method_3x3_check;
  GtkCheckButton *method_4x4_check;
  GtkCheckButton *method_5x5_check;
  AdwEntryRow    *scope_row;
  AdwActionRow   *starter_row;
  GtkSwitch      *starter_switch;

  /* owned */
  AnnexDatabase  *database;
  GPtrArray      *sector_checks;   /* GtkCheckButton, in annex_sample_get_sectors () order */
  Step            step;
  gboolean        skipped[N_STEPS];
  gboolean        finished;
};

G_DEFINE_FINAL_TYPE (AnnexSetupAssistant, annex_setup_assistant, ADW_TYPE_WINDOW)

enum {
  ADD_TOAST,
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Auxiliary functions */

static GtkWidget *
get_page (AnnexSetupAssistant *self,
          Step                 step)
{
  GtkWidget *pages[N_STEPS] = {
    self->organization_page, self->sector_page, self->size_page, self->method_page,
    self->scope_page, self->starter_page,
  };

  return pages[step];
}

static GtkCheckButton **
get_size_checks (AnnexSetupAssistant *self,
                 GtkCheckButton      *checks[G_N_ELEMENTS (size_values)])
{
  checks[0] = self->size_1_check;
  checks[1] = self->size_11_check;
  checks[2] = self->size_51_check;
  checks[3] = self->size_250_check;
  return checks;
}

/* The id of the sector chosen, or NULL. */
static const char *
get_chosen_sector (AnnexSetupAssistant *self)
{
  const AnnexSectorInfo *sectors = annex_sample_get_sectors (NULL);

  for (guint i = 0; i < self->sector_checks->len; i++)
    {
      if (gtk_check_button_get_active (g_ptr_array_index (self->sector_checks, i)))
        return sectors[i].id;
    }

  return NULL;
}

static const char *
get_chosen_size (AnnexSetupAssistant *self)
{
  GtkCheckButton *checks[G_N_ELEMENTS (size_values)];

  get_size_checks (self, checks);
  for (guint i = 0; i < G_N_ELEMENTS (size_values); i++)
    {
      if (gtk_check_button_get_active (checks[i]))
        return size_values[i];
    }

  return NULL;
}

static AnnexRiskPreset
get_chosen_preset (AnnexSetupAssistant *self)
{
  if (gtk_check_button_get_active (self->method_3x3_check))
    return ANNEX_RISK_PRESET_3X3;
  if (gtk_check_button_get_active (self->method_4x4_check))
    return ANNEX_RISK_PRESET_4X4;
  return ANNEX_RISK_PRESET_5X5;
}

/* The sector whose starter content is offered: the one chosen (and not skipped), else the
 * general one. */
static const char *
get_starter_sector (AnnexSetupAssistant *self)
{
  const char *sector = self->skipped[STEP_SECTOR] ? NULL : get_chosen_sector (self);

  return sector != NULL ? sector : "general";
}

static void
update_starter_row (AnnexSetupAssistant *self)
{
  const char *sector = get_starter_sector (self);
  const AnnexSectorInfo *sectors;
  guint n_sectors;

  sectors = annex_sample_get_sectors (&n_sectors);
  for (guint i = 0; i < n_sectors; i++)
    {
      if (g_strcmp0 (sectors[i].id, sector) == 0)
        adw_action_row_set_subtitle (self->starter_row, sectors[i].name);
    }
}

static void
update_step (AnnexSetupAssistant *self,
             gboolean             animate)
{
  g_autofree char *subtitle = NULL;
  gboolean last = self->step == N_STEPS - 1;

  gtk_stack_set_transition_type (self->stack, animate ? GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT_RIGHT
                                                      : GTK_STACK_TRANSITION_TYPE_NONE);
  gtk_stack_set_visible_child (self->stack, get_page (self, self->step));

  /* Translators: the setup assistant's progress, e.g. "Step 2 of 6" */
  subtitle = g_strdup_printf (_("Step %u of %u"), self->step + 1, (guint) N_STEPS);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  gtk_widget_set_visible (self->back_button, self->step > 0);
  gtk_button_set_label (GTK_BUTTON (self->next_button), last ? _("_Finish") : _("_Next"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "setup.back", self->step > 0);

  if (self->step == STEP_STARTER)
    update_starter_row (self);

  /* The first field of the step takes the typing. */
  if (self->step == STEP_ORGANIZATION)
    gtk_widget_grab_focus (GTK_WIDGET (self->organization_row));
  else if (self->step == STEP_SCOPE)
    gtk_widget_grab_focus (GTK_WIDGET (self->scope_row));
  else
    gtk_widget_grab_focus (self->next_button);
}

static void
add_toast_printf (AnnexSetupAssistant *self,
                  const char          *format,
                  ...) G_GNUC_PRINTF (2, 3);

/* A toast for the window behind the assistant; the arguments are escaped (titles are markup). */
static void
add_toast_printf (AnnexSetupAssistant *self,
                  const char          *format,
                  ...)
{
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *title = NULL;
  va_list args;

  va_start (args, format);
  title = g_markup_vprintf_escaped (format, args);
  va_end (args);

  toast = g_object_ref_sink (adw_toast_new (title));
  adw_toast_set_timeout (toast, 0);  /* stays until read: the assistant is gone by then */
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static gboolean
apply_setting (AnnexSetupAssistant *self,
               const char          *key,
               const char          *value,
               const char          *what)
{
  g_autoptr(GError) error = NULL;

  if (annex_database_set_setting (self->database, key, value, &error))
    return TRUE;

  /* Translators: %s is what could not be saved ("the sector"), then the reason */
  add_toast_printf (self, _("Could not save %s: %s"), what, error->message);
  return FALSE;
}

/* A draft scope version holding @statement: the draft there is (its statement kept when it has
 * one already, the sentence added after it), else a new one. */
static gboolean
apply_scope (AnnexSetupAssistant  *self,
             const char           *statement,
             GError              **error)
{
  g_autoptr(AnnexRegister) versions = annex_register_new (self->database,
                                                          ANNEX_TYPE_SCOPE_VERSION);
  AnnexScopeVersion *draft;
  g_autoptr(AnnexRecord) record = NULL;

  if (!annex_register_load (versions, error))
    return FALSE;

  draft = annex_scope_version_find_draft (G_LIST_MODEL (versions));
  if (draft != NULL)
    {
      const char *current = annex_scope_version_get_statement (draft);
      g_autofree char *text = NULL;

      text = current != NULL && current[0] != '\0' ? g_strconcat (current, "\n\n", statement, NULL)
                                                   : g_strdup (statement);
      annex_record_set_string (ANNEX_RECORD (draft), "statement", text);
      return annex_register_save (versions, ANNEX_RECORD (draft), error);
    }

  record = annex_register_new_record (versions);
  annex_record_set_string (record, "statement", statement);
  return annex_register_add (versions, record, error);
}

/* Applies the answers kept, in step order (except the risk method, last); each failure is a
 * toast and the rest goes on. Returns whether anything was written. */
static gboolean
apply_answers (AnnexSetupAssistant *self)
{
  g_autoptr(GError) error = NULL;
  gboolean applied = FALSE;

  if (!self->skipped[STEP_ORGANIZATION])
    {
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (
                                            GTK_EDITABLE (self->organization_row))));
      g_autofree char *current = annex_database_dup_organization (self->database);

      if (name[0] != '\0' && g_strcmp0 (name, current) != 0)
        applied |= apply_setting (self, "organization", name, _("the organization name"));
    }

  if (!self->skipped[STEP_SECTOR] && get_chosen_sector (self) != NULL)
    applied |= apply_setting (self, ANNEX_SETUP_SECTOR_SETTING, get_chosen_sector (self),
                              _("the sector"));

  if (!self->skipped[STEP_SIZE] && get_chosen_size (self) != NULL)
    applied |= apply_setting (self, ANNEX_SETUP_SIZE_SETTING, get_chosen_size (self),
                              _("the size"));

  if (!self->skipped[STEP_SCOPE])
    {
      g_autofree char *statement = g_strstrip (g_strdup (gtk_editable_get_text (
                                                 GTK_EDITABLE (self->scope_row))));

      if (statement[0] != '\0')
        {
          if (apply_scope (self, statement, &error))
            applied = TRUE;
          else
            add_toast_printf (self, _("Could not save the scope: %s"), error->message);
          g_clear_error (&error);
        }
    }

  if (!self->skipped[STEP_STARTER] && gtk_switch_get_active (self->starter_switch))
    {
      if (annex_sample_load_starter (self->database, get_starter_sector (self), &error))
        applied = TRUE;
      else
        add_toast_printf (self, _("Could not add the starter content: %s"), error->message);
      g_clear_error (&error);
    }

  /* The method last: the starter risks are scored on the default scales, and applying the
   * method re-maps every risk there is onto the new ones. */
  if (!self->skipped[STEP_METHOD])
    {
      g_autoptr(AnnexRiskMethod) method = annex_risk_method_new_preset (get_chosen_preset (self));
      g_autoptr(AnnexRiskRegister) risks = annex_risk_register_new (self->database);

      if (annex_register_load (annex_risk_register_get_register (risks), &error) &&
          annex_risk_register_apply_method (risks, method, &error))
        applied = TRUE;
      else
        add_toast_printf (self, _("Could not save the risk method: %s"), error->message);
      g_clear_error (&error);
    }

  return applied;
}

static void
finish (AnnexSetupAssistant *self)
{
  gboolean applied;

  if (self->finished)
    return;

  self->finished = TRUE;
  applied = apply_answers (self);
  g_signal_emit (self, signals[FINISHED], 0, applied);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
go_on (AnnexSetupAssistant *self,
       gboolean             skip)
{
  self->skipped[self->step] = skip;

  if (self->step == N_STEPS - 1)
    {
      finish (self);
      return;
    }

  self->step++;
  update_step (self, TRUE);
}

static GtkWidget *
create_sector_row (const AnnexSectorInfo *sector,
                   GtkCheckButton        *group)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sector->name);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  return row;
}

/* Actions */

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  go_on (ANNEX_SETUP_ASSISTANT (widget), FALSE);
}

static void
skip_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  go_on (ANNEX_SETUP_ASSISTANT (widget), TRUE);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AnnexSetupAssistant *self = ANNEX_SETUP_ASSISTANT (widget);

  if (self->step == 0)
    return;

  self->step--;
  update_step (self, TRUE);
}

/* Parent overrides */

static void
annex_setup_assistant_dispose (GObject *object)
{
  AnnexSetupAssistant *self = ANNEX_SETUP_ASSISTANT (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANNEX_TYPE_SETUP_ASSISTANT);
  g_clear_object (&self->database);
  g_clear_pointer (&self->sector_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (annex_setup_assistant_parent_class)->dispose (object);
}

static void
annex_setup_assistant_class_init (AnnexSetupAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = annex_setup_assistant_dispose;

  signals[ADD_TOAST] =
    g_signal_new ("add-toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/annex-setup-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnexSetupAssistant, window_title);
  gtk_widget_class_bind_template_child (widget_class, AnnexSetupAssistant, back_button);
  gtk_widget_class_bind_template_child (widget_class, AnnexSetupAssistant, next_button);
  gtk_widget_class_bind_template_child (widget_class, AnnexSetupAssistant, skip_button);
  gtk_widget_class_bind_template_child (widget_class, AnnexSetupAssistant, stack);
  gtk_widget_class_bind_template_child (widget_class, AnnexSetupAssistant, organization_page);
  gtk_widget_class_bind_template_child (widget_class, AnnexSetupAssistant, sector_page);
  gtk_widget_class_bind_template_child (widget_class, AnnexSetupAssistant, size_page);
  gtk_widget_class_bind_template_child (widget_class, AnnexSetupAssistant, method_page);
  gtk_widget_class_bind_template_child (widget_class, AnnexSetupAssistant, scope_page);
  gtk_widget_class_bind_template_child (widget_class, AnnexSetupAssistant, starter_page);
  gtk_widget_class_bind_template_child (widget_class, AnnexSetupAssistant, organization_row);
  gtk_widget_class_bind_template_child (widget_class, AnnexSetupAssistant, sector_list);
  gtk_widget_class_bind_template_child (widget_class, AnnexSetupAssistant, size_1_check);
  gtk_widget_class_bind_template_child (widget_class, AnnexSetupAssistant, size_11_check);
  gtk_widget_class_bind_template_child (widget_class, AnnexSetupAssistant, size_51_check);
  gtk_widget_class_bind_template_child (widget_class, AnnexSetupAssistant, size_250_check);
  gtk_widget_class_bind_template_child (widget_class, AnnexSetupAssistant, method_3x3_check);
  gtk_widget_class_bind_template_child (widget_class, AnnexSetupAssistant, method_4x4_check);
  gtk_widget_class_bind_template_child (widget_class, AnnexSetupAssistant, method_5x5_check);
  gtk_widget_class_bind_template_child (widget_class, AnnexSetupAssistant, scope_row);
  gtk_widget_class_bind_template_child (widget_class, AnnexSetupAssistant, starter_row);
  gtk_widget_class_bind_template_child (widget_class, AnnexSetupAssistant, starter_switch);

  gtk_widget_class_install_action (widget_class, "setup.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "setup.skip", NULL, skip_action);
  gtk_widget_class_install_action (widget_class, "setup.back", NULL, back_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "setup.back",
                                       NULL);
}

static void
annex_setup_assistant_init (AnnexSetupAssistant *self)
{
  const AnnexSectorInfo *sectors;
  guint n_sectors;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->sector_checks = g_ptr_array_new ();
  sectors = annex_sample_get_sectors (&n_sectors);
  for (guint i = 0; i < n_sectors; i++)
    {
      GtkCheckButton *group = self->sector_checks->len > 0
                                ? g_ptr_array_index (self->sector_checks, 0) : NULL;
      GtkWidget *row = create_sector_row (&sectors[i], group);

      g_ptr_array_add (self->sector_checks,
                       adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));
      gtk_list_box_append (self->sector_list, row);
    }

  /* The default method, as a workspace without a choice scores with it. */
  gtk_check_button_set_active (self->method_5x5_check, TRUE);

  /* Enter in a text step goes on, as Next does. */
  gtk_window_set_default_widget (GTK_WINDOW (self), self->next_button);
}

/* Public API */

/**
 * annex_setup_assistant_new:
 * @parent: the window the assistant is modal over
 * @database: the workspace to set up (open on this thread)
 *
 * Returns: (transfer none): a new assistant (owned by GTK's list of toplevels); present it
 */
AnnexSetupAssistant *
annex_setup_assistant_new (GtkWindow     *parent,
                           AnnexDatabase *database)
{
  AnnexSetupAssistant *self;
  g_autofree char *organization = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ANNEX_IS_DATABASE (database), NULL);

  self = g_object_new (ANNEX_TYPE_SETUP_ASSISTANT,
                       "transient-for", parent,
                       NULL);
  self->database = g_object_ref (database);

  organization = annex_database_dup_organization (database);
  gtk_editable_set_text (GTK_EDITABLE (self->organization_row),
                         organization != NULL ? organization : "");
  update_step (self, FALSE);

  return self;
}

const char *
annex_setup_assistant_get_step (AnnexSetupAssistant *self)
{
  g_return_val_if_fail (ANNEX_IS_SETUP_ASSISTANT (self), NULL);

  return step_names[self->step];
}

void
annex_setup_assistant_set_organization (AnnexSetupAssistant *self,
                                        const char          *name)
{
  g_return_if_fail (ANNEX_IS_SETUP_ASSISTANT (self));
  g_return_if_fail (name != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->organization_row), name);
}

void
annex_setup_assistant_set_sector (AnnexSetupAssistant *self,
                                  const char          *sector)
{
  const AnnexSectorInfo *sectors;
  guint n_sectors;

  g_return_if_fail (ANNEX_IS_SETUP_ASSISTANT (self));

  sectors = annex_sample_get_sectors (&n_sectors);
  for (guint i = 0; i < n_sectors && i < self->sector_checks->len; i++)
    {
      if (g_strcmp0 (sectors[i].id, sector) == 0)
        {
          gtk_check_button_set_active (g_ptr_array_index (self->sector_checks, i), TRUE);
          return;
        }
    }

  g_critical ("Unknown sector “%s”", sector);
}

void
annex_setup_assistant_set_size (AnnexSetupAssistant *self,
                                const char          *size)
{
  GtkCheckButton *checks[G_N_ELEMENTS (size_values)];

  g_return_if_fail (ANNEX_IS_SETUP_ASSISTANT (self));

  get_size_checks (self, checks);
  for (guint i = 0; i < G_N_ELEMENTS (size_values); i++)
    {
      if (g_strcmp0 (size_values[i], size) == 0)
        {
          gtk_check_button_set_active (checks[i], TRUE);
          return;
        }
    }

  g_critical ("Unknown size “%s”", size);
}

void
annex_setup_assistant_set_preset (AnnexSetupAssistant *self,
                                  AnnexRiskPreset      preset)
{
  g_return_if_fail (ANNEX_IS_SETUP_ASSISTANT (self));

  switch (preset)
    {
    case ANNEX_RISK_PRESET_3X3:
      gtk_check_button_set_active (self->method_3x3_check, TRUE);
      break;

    case ANNEX_RISK_PRESET_4X4:
      gtk_check_button_set_active (self->method_4x4_check, TRUE);
      break;

    case ANNEX_RISK_PRESET_5X5:
    default:
      gtk_check_button_set_active (self->method_5x5_check, TRUE);
      break;
    }
}

void
annex_setup_assistant_set_scope (AnnexSetupAssistant *self,
                                 const char          *statement)
{
  g_return_if_fail (ANNEX_IS_SETUP_ASSISTANT (self));
  g_return_if_fail (statement != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->scope_row), statement);
}

void
annex_setup_assistant_set_add_starter (AnnexSetupAssistant *self,
                                       gboolean             add_starter)
{
  g_return_if_fail (ANNEX_IS_SETUP_ASSISTANT (self));

  gtk_switch_set_active (self->starter_switch, add_starter);
}
