/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-export-dialog.c: the Export dialog, the export itself (build here, write on a worker)
 * and printing a report. */

#define G_LOG_DOMAIN "annex-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "annex-export-dialog.h"
#include "annex-field.h"
#include "annex-oscal.h"
#include "annex-report-render.h"
#include "annex-toast.h"
#include "annex-window.h"

typedef struct
{
  char *report;
  char *label;
} ReportChoice;

struct _AnnexExportDialog
{
  AdwWindow          parent_instance;

  /* template widgets */
  AdwComboRow       *report_row;
  AdwComboRow       *format_row;
  GtkWidget         *export_button;

  /* owned */
  AnnexDatabase     *database;
  GPtrArray         *reports;        /* ReportChoice, in the order of report_row's model */
  GtkStringList     *report_labels;
  GtkStringList     *format_labels;
  AnnexReportFormat  formats[4];     /* what format_row offers for the chosen report */
  guint              n_formats;
  AnnexReportFormat  preferred;      /* the format last chosen by the user, kept across reports */
  gboolean           updating;
};

G_DEFINE_FINAL_TYPE (AnnexExportDialog, annex_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A document on its way to a file: built on the main thread, written on a worker. */
typedef struct
{
  AnnexReportDocument *document;
  AnnexReportFormat    format;
  char                *path;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_pointer (&job->document, annex_report_document_free);
  g_clear_pointer (&job->path, g_free);
  g_free (job);
}

/* Auxiliary methods */

gboolean
annex_export_parse_report (const char       *report,
                           AnnexReportKind  *kind,
                           char            **argument)
{
  g_autofree char *nick = NULL;
  const char *colon;
  const char *arg = NULL;

  g_return_val_if_fail (kind != NULL, FALSE);

  if (report == NULL)
    return FALSE;

  colon = strchr (report, ':');
  if (colon != NULL)
    {
      nick = g_strndup (report, colon - report);
      arg = colon + 1;
    }
  else
    nick = g_strdup (report);

  if (!annex_report_kind_from_nick (nick, kind))
    return FALSE;
  /* An argument where none is taken, or none where one is needed, names no report. */
  if (annex_report_kind_takes_argument (*kind) != (arg != NULL && arg[0] != '\0'))
    return FALSE;

  if (argument != NULL)
    *argument = g_strdup (arg);
  return TRUE;
}

guint
annex_export_get_formats (AnnexReportKind   kind,
                          AnnexReportFormat formats[4])
{
  guint n = 0;

  g_return_val_if_fail (formats != NULL, 0);

  formats[n++] = ANNEX_REPORT_FORMAT_PDF;
  formats[n++] = ANNEX_REPORT_FORMAT_XLSX;
  if (annex_report_kind_has_main_table (kind))
    formats[n++] = ANNEX_REPORT_FORMAT_CSV;
  if (kind == ANNEX_REPORT_SOA)
    formats[n++] = ANNEX_REPORT_FORMAT_OSCAL;

  return n;
}

const char *
annex_export_format_get_label (AnnexReportFormat format)
{
  switch (format)
    {
    case ANNEX_REPORT_FORMAT_PDF:
      return _("PDF Document");
    case ANNEX_REPORT_FORMAT_XLSX:
      return _("Excel Workbook (XLSX)");
    case ANNEX_REPORT_FORMAT_CSV:
      return _("CSV Table");
    case ANNEX_REPORT_FORMAT_OSCAL:
      return _("OSCAL JSON");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
annex_export_format_get_description (AnnexReportFormat format)
{
  switch (format)
    {
    case ANNEX_REPORT_FORMAT_PDF:
      return _("To print or hand to the auditor");
    case ANNEX_REPORT_FORMAT_XLSX:
      return _("A sheet per table, with filters");
    case ANNEX_REPORT_FORMAT_CSV:
      return _("The main table, to import elsewhere");
    case ANNEX_REPORT_FORMAT_OSCAL:
      return _("The decisions as an OSCAL component definition");
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
annex_export_suggest_file_name (const char        *organization,
                                const char        *title,
                                const char        *date,
                                AnnexReportFormat  format)
{
  g_autoptr(GString) name = g_string_new (NULL);

  g_return_val_if_fail (title != NULL, NULL);

  if (organization != NULL && !annex_field_text_is_blank (organization))
    g_string_append_printf (name, "%s – ", organization);
  g_string_append (name, title);
  if (date != NULL && date[0] != '\0')
    g_string_append_printf (name, " – %s", date);

  /* Characters some file system refuses (Windows, FAT sticks, network shares) become "-". */
  for (char *p = name->str; *p != '\0'; p++)
    {
      if (strchr ("/\\:*?\"<>|", *p) != NULL || (guchar) *p < 0x20)
        *p = '-';
    }

  g_string_append_printf (name, ".%s", annex_report_format_get_extension (format));
  return g_string_free (g_steal_pointer (&name), FALSE);
}

static void
report_choice_free (ReportChoice *choice)
{
  g_free (choice->report);
  g_free (choice->label);
  g_free (choice);
}

static char *
dup_default_label (const char *report)
{
  AnnexReportKind kind;
  g_autofree char *argument = NULL;

  if (!annex_export_parse_report (report, &kind, &argument))
    return g_strdup (report);

  if (kind == ANNEX_REPORT_REGISTER)
    /* Translators: a report choice: any register as a table, %s is its table name */
    return g_strdup_printf (_("Register “%s”"), argument);
  if (argument != NULL)
    /* Translators: a report choice: "Audit report IA-2026-01" */
    return g_strdup_printf (C_("report with reference", "%s %s"),
                            annex_report_kind_get_title (kind), argument);

  return g_strdup (annex_report_kind_get_title (kind));
}

static ReportChoice *
get_choice (AnnexExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->report_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->reports->len)
    return NULL;

  return g_ptr_array_index (self->reports, selected);
}

/* The format row offers what the chosen report can be written as; it keeps the format the
 * user picked when the next report has it too. */
static void
update_formats (AnnexExportDialog *self)
{
  ReportChoice *choice = get_choice (self);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  AnnexReportKind kind = ANNEX_REPORT_SOA;
  guint selected = 0;

  self->n_formats = 0;
  if (choice != NULL && annex_export_parse_report (choice->report, &kind, NULL))
    self->n_formats = annex_export_get_formats (kind, self->formats);

  for (guint i = 0; i < self->n_formats; i++)
    {
      g_ptr_array_add (labels, (gpointer) annex_export_format_get_label (self->formats[i]));
      if (self->formats[i] == self->preferred)
        selected = i;
    }
  g_ptr_array_add (labels, NULL);

  self->updating = TRUE;
  gtk_string_list_splice (self->format_labels, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->format_labels)),
                          (const char * const *) labels->pdata);
  adw_combo_row_set_selected (self->format_row, selected);
  self->updating = FALSE;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->format_row),
                               self->n_formats > 0
                               ? annex_export_format_get_description (self->formats[selected])
                               : NULL);
  gtk_widget_set_sensitive (self->export_button, self->n_formats > 0);
}

/* The title the document will have, for the file name. */
static char *
dup_document_title (AnnexExportDialog *self)
{
  ReportChoice *choice = get_choice (self);
  AnnexReportKind kind;
  g_autofree char *argument = NULL;

  if (choice == NULL || !annex_export_parse_report (choice->report, &kind, &argument))
    return g_strdup (_("Report"));

  /* A register is named by its label ("Assets"), audits and reviews with their reference. */
  if (kind == ANNEX_REPORT_REGISTER || argument != NULL)
    return g_strdup (choice->label);

  return g_strdup (annex_report_kind_get_title (kind));
}

/* Writing on the worker */

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;
  gboolean ok = FALSE;

  switch (job->format)
    {
    case ANNEX_REPORT_FORMAT_PDF:
      ok = annex_report_write_pdf (job->document, job->path, &error);
      break;
    case ANNEX_REPORT_FORMAT_XLSX:
      ok = annex_report_write_xlsx (job->document, job->path, &error);
      break;
    case ANNEX_REPORT_FORMAT_CSV:
      ok = annex_report_write_csv (job->document, job->path, &error);
      break;
    case ANNEX_REPORT_FORMAT_OSCAL:
    default:
      g_assert_not_reached ();
    }

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The toast of an export started from the dialog, shown on the window it was opened from. */

static void
on_open_toast_button_clicked_cb (AdwToast   *toast,
                                 const char *uri)
{
  GtkApplication *app = GTK_APPLICATION (g_application_get_default ());
  GtkWindow *window = app != NULL ? gtk_application_get_active_window (app) : NULL;

  gtk_show_uri (window, uri, GDK_CURRENT_TIME);
}

static void
on_dialog_export_done_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  GWeakRef *window_ref = user_data;
  g_autoptr(GtkWidget) window = g_weak_ref_get (window_ref);
  g_autoptr(GError) error = NULL;
  const char *path = g_object_get_data (G_OBJECT (result), "annex-export-path");
  AdwToast *toast;

  g_weak_ref_clear (window_ref);
  g_free (window_ref);

  if (!annex_export_dialog_export_to_path_finish (ANNEX_EXPORT_DIALOG (source), result, &error))
    {
      if (window != NULL && ANNEX_IS_WINDOW (window) &&
          annex_window_get_database (ANNEX_WINDOW (window)) != NULL)
        annex_window_add_toast (ANNEX_WINDOW (window), annex_toast_new_for_error (error));
      else
        g_message ("Export failed: %s", error->message);
      return;
    }

  if (window != NULL && ANNEX_IS_WINDOW (window) && path != NULL &&
      annex_window_get_database (ANNEX_WINDOW (window)) != NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *title = g_markup_printf_escaped (_("Exported “%s”"), name);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Open"));
      g_signal_connect_data (toast, "button-clicked",
                             G_CALLBACK (on_open_toast_button_clicked_cb),
                             g_file_get_uri (file), (GClosureNotify) g_free, 0);
      annex_window_add_toast (ANNEX_WINDOW (window), toast);
    }
}

/* Signal callbacks */

static void
on_report_row_selected_cb (AnnexExportDialog *self)
{
  if (!self->updating)
    update_formats (self);
}

static void
on_format_row_selected_cb (AnnexExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->format_row);

  if (self->updating || selected >= self->n_formats)
    return;

  self->preferred = self->formats[selected];
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->format_row),
                               annex_export_format_get_description (self->preferred));
}

static void
on_chooser_response_cb (GtkNativeDialog   *chooser,
                        int                response,
                        AnnexExportDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  GWeakRef *window_ref;

  gtk_native_dialog_destroy (chooser);
  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);

  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      AnnexWindow *window = ANNEX_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (self)));
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                     _("Reports can only be saved to files "
                                                       "on this computer."));

      if (ANNEX_IS_WINDOW (window))
        annex_window_add_toast (window, annex_toast_new_for_error (error));
      return;
    }

  /* The dialog goes away at once; the toast comes from the window when the file is written. */
  window_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (window_ref, gtk_window_get_transient_for (GTK_WINDOW (self)));
  annex_export_dialog_export_to_path_async (self, path, NULL, on_dialog_export_done_cb,
                                            window_ref);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_export_button_clicked_cb (AnnexExportDialog *self)
{
  g_autofree char *name = annex_export_dialog_dup_file_name (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = NULL;
  AnnexReportFormat format = annex_export_dialog_get_format (self);
  GtkFileChooserNative *chooser;

  pattern = g_strdup_printf ("*.%s", annex_report_format_get_extension (format));
  gtk_file_filter_set_name (filter, annex_export_format_get_label (format));
  gtk_file_filter_add_pattern (filter, pattern);

  chooser = gtk_file_chooser_native_new (_("Export Report"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  /* The chooser's reference is dropped in the response handler. */
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Parent overrides */

static void
annex_export_dialog_dispose (GObject *object)
{
  AnnexExportDialog *self = ANNEX_EXPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANNEX_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->database);
  g_clear_object (&self->report_labels);
  g_clear_object (&self->format_labels);

  G_OBJECT_CLASS (annex_export_dialog_parent_class)->dispose (object);
}

static void
annex_export_dialog_finalize (GObject *object)
{
  AnnexExportDialog *self = ANNEX_EXPORT_DIALOG (object);

  g_clear_pointer (&self->reports, g_ptr_array_unref);

  G_OBJECT_CLASS (annex_export_dialog_parent_class)->finalize (object);
}

static void
annex_export_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AnnexExportDialog *self = ANNEX_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_export_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AnnexExportDialog *self = ANNEX_EXPORT_DIALOG (object);

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
annex_export_dialog_class_init (AnnexExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = annex_export_dialog_dispose;
  object_class->finalize = annex_export_dialog_finalize;
  object_class->get_property = annex_export_dialog_get_property;
  object_class->set_property = annex_export_dialog_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         ANNEX_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/annex-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnexExportDialog, report_row);
  gtk_widget_class_bind_template_child (widget_class, AnnexExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, AnnexExportDialog, export_button);
  gtk_widget_class_bind_template_callback (widget_class, on_report_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_format_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_button_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
annex_export_dialog_init (AnnexExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->reports = g_ptr_array_new_with_free_func ((GDestroyNotify) report_choice_free);
  self->report_labels = gtk_string_list_new (NULL);
  self->format_labels = gtk_string_list_new (NULL);
  self->preferred = ANNEX_REPORT_FORMAT_PDF;
  adw_combo_row_set_model (self->report_row, G_LIST_MODEL (self->report_labels));
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (self->format_labels));
  update_formats (self);
}

/* Public API */

/**
 * annex_export_dialog_new:
 * @parent: (nullable): the window it is modal to (toasts go there when it is an AnnexWindow)
 * @database: the workspace to export from
 *
 * Returns: (transfer none): a new dialog without report choices yet (add them with
 *   annex_export_dialog_add_report())
 */
GtkWidget *
annex_export_dialog_new (GtkWindow     *parent,
                         AnnexDatabase *database)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ANNEX_IS_DATABASE (database), NULL);

  return g_object_new (ANNEX_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "database", database,
                       NULL);
}

void
annex_export_dialog_add_report (AnnexExportDialog *self,
                                const char        *report,
                                const char        *label)
{
  ReportChoice *choice;
  AnnexReportKind kind;

  g_return_if_fail (ANNEX_IS_EXPORT_DIALOG (self));
  g_return_if_fail (annex_export_parse_report (report, &kind, NULL));

  for (guint i = 0; i < self->reports->len; i++)
    {
      ReportChoice *other = g_ptr_array_index (self->reports, i);

      if (g_str_equal (other->report, report))
        return;
    }

  choice = g_new0 (ReportChoice, 1);
  choice->report = g_strdup (report);
  choice->label = label != NULL ? g_strdup (label) : dup_default_label (report);
  g_ptr_array_add (self->reports, choice);

  self->updating = TRUE;
  gtk_string_list_append (self->report_labels, choice->label);
  self->updating = FALSE;

  if (self->reports->len == 1)
    {
      adw_combo_row_set_selected (self->report_row, 0);
      update_formats (self);
    }
}

gboolean
annex_export_dialog_set_report (AnnexExportDialog *self,
                                const char        *report)
{
  g_return_val_if_fail (ANNEX_IS_EXPORT_DIALOG (self), FALSE);

  for (guint i = 0; report != NULL && i < self->reports->len; i++)
    {
      ReportChoice *choice = g_ptr_array_index (self->reports, i);

      if (g_str_equal (choice->report, report))
        {
          adw_combo_row_set_selected (self->report_row, i);
          update_formats (self);
          return TRUE;
        }
    }

  return FALSE;
}

const char *
annex_export_dialog_get_report (AnnexExportDialog *self)
{
  ReportChoice *choice;

  g_return_val_if_fail (ANNEX_IS_EXPORT_DIALOG (self), NULL);

  choice = get_choice (self);
  return choice != NULL ? choice->report : NULL;
}

guint
annex_export_dialog_get_formats (AnnexExportDialog *self,
                                 AnnexReportFormat  formats[4])
{
  g_return_val_if_fail (ANNEX_IS_EXPORT_DIALOG (self), 0);
  g_return_val_if_fail (formats != NULL, 0);

  for (guint i = 0; i < self->n_formats; i++)
    formats[i] = self->formats[i];

  return self->n_formats;
}

gboolean
annex_export_dialog_set_format (AnnexExportDialog *self,
                                AnnexReportFormat  format)
{
  g_return_val_if_fail (ANNEX_IS_EXPORT_DIALOG (self), FALSE);

  for (guint i = 0; i < self->n_formats; i++)
    {
      if (self->formats[i] == format)
        {
          adw_combo_row_set_selected (self->format_row, i);
          return TRUE;
        }
    }

  return FALSE;
}

AnnexReportFormat
annex_export_dialog_get_format (AnnexExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (ANNEX_IS_EXPORT_DIALOG (self), ANNEX_REPORT_FORMAT_PDF);

  selected = adw_combo_row_get_selected (self->format_row);
  if (selected >= self->n_formats)
    return ANNEX_REPORT_FORMAT_PDF;

  return self->formats[selected];
}

char *
annex_export_dialog_dup_file_name (AnnexExportDialog *self)
{
  g_autofree char *organization = NULL;
  g_autofree char *title = NULL;
  g_autofree char *today = annex_field_dup_today ();

  g_return_val_if_fail (ANNEX_IS_EXPORT_DIALOG (self), NULL);

  organization = annex_database_dup_organization (self->database);
  title = dup_document_title (self);

  return annex_export_suggest_file_name (organization, title, today,
                                         annex_export_dialog_get_format (self));
}

/**
 * annex_export_dialog_export_to_path_async:
 * @self: an #AnnexExportDialog
 * @path: the file to write (replaced when it exists, only once the new one is complete)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written or the export failed
 * @user_data: data for @callback
 *
 * Builds the chosen report from the workspace on this thread (reads are fast, and the
 * connection belongs to this thread), then writes it on a worker, so that the window never
 * waits on the disk. The OSCAL export reads and writes in one call of the report layer: it
 * runs here (a small JSON file).
 */
void
annex_export_dialog_export_to_path_async (AnnexExportDialog   *self,
                                          const char          *path,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *argument = NULL;
  ReportChoice *choice;
  AnnexReportKind kind;
  ExportJob *job;

  g_return_if_fail (ANNEX_IS_EXPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, annex_export_dialog_export_to_path_async);
  g_object_set_data_full (G_OBJECT (task), "annex-export-path", g_strdup (path), g_free);

  choice = get_choice (self);
  if (choice == NULL || !annex_export_parse_report (choice->report, &kind, &argument))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("No report chosen"));
      return;
    }

  job = g_new0 (ExportJob, 1);
  job->format = annex_export_dialog_get_format (self);
  job->path = g_strdup (path);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);

  if (job->format == ANNEX_REPORT_FORMAT_OSCAL)
    {
      if (annex_oscal_export_soa (self->database, path, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  job->document = annex_report_build (self->database, kind, argument, NULL, &error);
  if (job->document == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_run_in_thread (task, write_thread);
}

gboolean
annex_export_dialog_export_to_path_finish (AnnexExportDialog  *self,
                                           GAsyncResult       *result,
                                           GError            **error)
{
  g_return_val_if_fail (ANNEX_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        annex_export_dialog_export_to_path_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Printing */

typedef struct
{
  AnnexReportDocument *document;
  AnnexReportRenderer *renderer;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  /* The renderer borrows the document: it goes first. */
  g_clear_pointer (&job->renderer, annex_report_renderer_free);
  g_clear_pointer (&job->document, annex_report_document_free);
  g_free (job);
}

static void
on_print_begin_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   PrintJob          *job)
{
  /* The pages are laid out for the paper chosen in the print dialog, in points like the PDF. */
  g_clear_pointer (&job->renderer, annex_report_renderer_free);
  job->renderer = annex_report_renderer_new (job->document,
                                             gtk_print_context_get_width (context),
                                             gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation,
                                   (int) annex_report_renderer_paginate (
                                     job->renderer, gtk_print_context_get_cairo_context (context)));
}

static void
on_print_request_page_setup_cb (GtkPrintOperation *operation,
                                GtkPrintContext   *context,
                                int                page,
                                GtkPageSetup      *setup,
                                PrintJob          *job)
{
  /* Wide tables are printed across (the renderer lays those pages out as landscape). */
  if (job->renderer != NULL && annex_report_renderer_page_is_landscape (job->renderer, page))
    gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
}

static void
on_print_draw_page_cb (GtkPrintOperation *operation,
                       GtkPrintContext   *context,
                       int                page,
                       PrintJob          *job)
{
  if (job->renderer != NULL)
    annex_report_renderer_draw_page (job->renderer, gtk_print_context_get_cairo_context (context),
                                     page);
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  GtkWindow               *parent)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (error != NULL && ANNEX_IS_WINDOW (parent))
        annex_window_add_toast (ANNEX_WINDOW (parent), annex_toast_new_for_error (error));
    }
}

/**
 * annex_export_print_report:
 * @parent: (nullable): the window the print dialog belongs to
 * @database: the workspace
 * @report: a report as annex_export_parse_report() reads it
 * @error: return location for a #GError: the report could not be built
 *
 * Builds @report and shows the print dialog for it; the pages are drawn by the same renderer
 * as the PDF export.
 *
 * Returns: %FALSE when the report could not be built or printing failed at once
 */
gboolean
annex_export_print_report (GtkWindow      *parent,
                           AnnexDatabase  *database,
                           const char     *report,
                           GError        **error)
{
  g_autofree char *argument = NULL;
  AnnexReportKind kind;
  GtkPrintOperation *operation;
  GtkPrintOperationResult result;
  PrintJob *job;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);
  g_return_val_if_fail (ANNEX_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!annex_export_parse_report (report, &kind, &argument))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("No report “%s”"), report);
      return FALSE;
    }

  job = g_new0 (PrintJob, 1);
  job->document = annex_report_build (database, kind, argument, NULL, error);
  if (job->document == NULL)
    {
      print_job_free (job);
      return FALSE;
    }

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, job->document->title);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* The renderer draws its own margins, as in the PDF. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "annex-print-job", job,
                          (GDestroyNotify) print_job_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_print_begin_cb), job);
  g_signal_connect (operation, "request-page-setup",
                    G_CALLBACK (on_print_request_page_setup_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_print_draw_page_cb), job);
  if (parent != NULL)
    g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done_cb), parent, 0);

  /* While printing goes on asynchronously, GTK keeps its own reference. */
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                                    error);
  g_object_unref (operation);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}
