/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-ui-bench.c: how long a register page blocks the main thread when it loads, sorts and
 * searches a large action register. Needs a display; for humans, never run by the tests:
 *   xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- build/tests/annex-ui-bench */

#define G_LOG_DOMAIN "annex-ui-bench"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "annex-action.h"
#include "annex-database.h"
#include "annex-record-view.h"
#include "annex-register-page.h"
#include "annex-register.h"

/* The main thread is busy from the moment poll() returns until it is called again: everything
 * one main-loop iteration dispatches (input, idle slices, layout and painting). */
static GPollFunc default_poll;
static gint64 busy_since;
static gint64 max_busy;
static guint n_iterations;

static int
timing_poll_cb (GPollFD *fds,
                guint    n_fds,
                int      timeout)
{
  gint64 now = g_get_monotonic_time ();
  int result;

  if (busy_since != 0 && now - busy_since > max_busy)
    max_busy = now - busy_since;
  n_iterations++;

  result = default_poll (fds, n_fds, timeout);
  busy_since = g_get_monotonic_time ();
  return result;
}

static void
reset_busy (void)
{
  max_busy = 0;
  n_iterations = 0;
  busy_since = g_get_monotonic_time ();
}

static const char * const verbs[] = {
  "Patch", "Replace", "Review", "Harden", "Back up", "Encrypt", "Document", "Audit",
  "Monitor", "Decommission", "Segment", "Test restore of",
};
static const char * const objects[] = {
  "the file server", "the mail server", "firewall rules", "staff laptops", "the VPN gateway",
  "the HR database", "backup tapes", "the web server", "access reviews", "supplier contracts",
  "the database server", "mobile phones", "the print server", "the wiki", "door badges",
  "the payroll system",
};
static const char * const owners[] = {
  "IT lead", "CISO", "HR manager", "Facilities", "Finance", "Service desk", "DPO",
};
static const char * const statuses[] = { "open", "in-progress", "done", "cancelled" };

static void
die_on_error (const GError *error,
              const char   *what)
{
  if (error != NULL)
    {
      g_printerr ("annex-ui-bench: %s: %s\n", what, error->message);
      exit (1);
    }
}

static void
create_workspace (const char *path,
                  guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = annex_database_create (path, "Benchmark Ltd", &error);
  g_autoptr(AnnexRegister) actions = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (27001);

  die_on_error (error, "create");
  actions = annex_register_new (db, ANNEX_TYPE_ACTION);
  annex_register_load (actions, &error);
  die_on_error (error, "load");

  annex_database_begin (db, &error);
  die_on_error (error, "begin");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexRecord) record = annex_register_new_record (actions);
      g_autofree char *title =
        g_strdup_printf ("%s %s", verbs[g_rand_int_range (rand, 0, G_N_ELEMENTS (verbs))],
                         objects[g_rand_int_range (rand, 0, G_N_ELEMENTS (objects))]);
      g_autofree char *due = g_strdup_printf ("20%02d-%02d-%02d", g_rand_int_range (rand, 24, 29),
                                              g_rand_int_range (rand, 1, 13),
                                              g_rand_int_range (rand, 1, 29));

      annex_action_set_title (ANNEX_ACTION (record), title);
      annex_record_set_string (record, "owner",
                               owners[g_rand_int_range (rand, 0, G_N_ELEMENTS (owners))]);
      annex_record_set_string (record, "due-date", due);
      annex_record_set_string (record, "status",
                               statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))]);
      if (!annex_register_add (actions, record, &error))
        die_on_error (error, "add");
    }
  annex_database_commit (db, &error);
  die_on_error (error, "commit");

  g_clear_object (&actions);
  annex_database_close (db);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GtkWidget       *window;
  GtkWidget       *page;
  GtkColumnView   *column_view;
  AnnexRecordView *view;
  AnnexRegister   *register_;
  guint            n_paints;
} Bench;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Bench         *bench)
{
  bench->n_paints++;
}

/* Runs the main loop until the view has its result and a frame showing it was painted. */
static void
wait_for_result (Bench *bench)
{
  guint paints;

  while (annex_record_view_get_pending (bench->view) ||
         (bench->register_ != NULL && !annex_register_get_loaded (bench->register_)))
    g_main_context_iteration (NULL, TRUE);

  gtk_widget_queue_draw (bench->window);
  paints = bench->n_paints;
  while (bench->n_paints == paints)
    g_main_context_iteration (NULL, TRUE);
}

typedef void (*OpFunc) (Bench      *bench,
                        gpointer    data);

typedef struct
{
  double call_ms;
  double max_ms;
  double total_ms;
  guint  n_shown;
} Figure;

static Figure
measure_op (Bench      *bench,
            OpFunc      op,
            gpointer    data)
{
  Figure figure;
  gint64 start;

  wait_for_result (bench);
  reset_busy ();
  start = g_get_monotonic_time ();
  op (bench, data);
  figure.call_ms = (g_get_monotonic_time () - start) / 1000.0;
  wait_for_result (bench);
  figure.total_ms = (g_get_monotonic_time () - start) / 1000.0;
  /* The call itself runs inside one iteration. */
  figure.max_ms = MAX (max_busy / 1000.0, figure.call_ms);
  figure.n_shown = g_list_model_get_n_items (G_LIST_MODEL (bench->view));
  return figure;
}

static void
sort_op (Bench   *bench,
         gpointer data)
{
  const char *spec = data;   /* "Title+" / "Title-" / "" (unsorted) */
  GListModel *columns = gtk_column_view_get_columns (bench->column_view);
  g_autofree char *title = g_strndup (spec, MAX (strlen (spec), 1) - 1);

  if (*spec == '\0')
    {
      gtk_column_view_sort_by_column (bench->column_view, NULL, GTK_SORT_ASCENDING);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        {
          gtk_column_view_sort_by_column (bench->column_view, column,
                                          g_str_has_suffix (spec, "-") ? GTK_SORT_DESCENDING
                                                                       : GTK_SORT_ASCENDING);
          return;
        }
    }

  g_printerr ("annex-ui-bench: no column “%s”\n", title);
  exit (1);
}

static void
search_op (Bench   *bench,
           gpointer data)
{
  annex_register_page_set_search_text (ANNEX_REGISTER_PAGE (bench->page), data);
}

static void
print_figure (const char *what,
              Figure      figure)
{
  printf ("  %-28s call %7.1f ms   longest iteration %7.1f ms   until painted %7.1f ms   %u shown\n",
          what, figure.call_ms, figure.max_ms, figure.total_ms, figure.n_shown);
}

typedef struct
{
  gboolean done;
  gint64   first_rows_us;
} LoadWatch;

static void
on_load_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  LoadWatch *watch = user_data;
  g_autoptr(GError) error = NULL;

  annex_register_load_finish (ANNEX_REGISTER (source), result, &error);
  die_on_error (error, "load");
  watch->done = TRUE;
}

static void
on_first_rows_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  LoadWatch  *watch)
{
  if (watch->first_rows_us == 0 && g_list_model_get_n_items (model) > 0)
    watch->first_rows_us = g_get_monotonic_time ();
}

static void
run (const char *path,
     guint       count)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  static const char * const sorts[] = {
    "Title+", "Title-", "Due date+", "Status+", "Owner+", "Ref.-", "",
  };
  static const char * const searches[] = {
    "server", "server f", "server fi", "mail", "", "zzz", "",
  };
  LoadWatch watch = { FALSE, 0 };
  Bench bench = { 0 };
  gint64 start;
  Figure figure;

  die_on_error (error, "open");
  printf ("%u actions\n", count);

  bench.window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (bench.window), 1280, 800);
  bench.page = annex_register_page_new ();
  g_object_set (bench.page, "title", "Actions", NULL);
  gtk_window_set_child (GTK_WINDOW (bench.window), bench.page);
  bench.column_view = GTK_COLUMN_VIEW (find_descendant (bench.page, GTK_TYPE_COLUMN_VIEW));
  bench.view = ANNEX_RECORD_VIEW (gtk_multi_selection_get_model (
    GTK_MULTI_SELECTION (gtk_column_view_get_model (bench.column_view))));
  gtk_window_present (GTK_WINDOW (bench.window));
  g_signal_connect (gtk_widget_get_frame_clock (bench.window), "after-paint",
                    G_CALLBACK (on_after_paint_cb), &bench);
  wait_for_result (&bench);

  /* Load: on a worker; the page shows the first rows when the register publishes them. */
  bench.register_ = annex_register_new (db, ANNEX_TYPE_ACTION);
  annex_register_page_set_register (ANNEX_REGISTER_PAGE (bench.page), bench.register_);
  g_signal_connect (bench.view, "items-changed", G_CALLBACK (on_first_rows_cb), &watch);
  reset_busy ();
  start = g_get_monotonic_time ();
  annex_register_load_async (bench.register_, NULL, on_load_done_cb, &watch);
  while (!watch.done)
    g_main_context_iteration (NULL, TRUE);
  figure.total_ms = (g_get_monotonic_time () - start) / 1000.0;
  wait_for_result (&bench);
  printf ("  %-28s first rows %7.1f ms   longest iteration %7.1f ms   loaded %7.1f ms   until painted %7.1f ms\n",
          "load (async)", watch.first_rows_us != 0 ? (watch.first_rows_us - start) / 1000.0 : -1,
          max_busy / 1000.0, figure.total_ms, (g_get_monotonic_time () - start) / 1000.0);
  g_signal_handlers_disconnect_by_func (bench.view, on_first_rows_cb, &watch);

  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    {
      g_autofree char *what = g_strdup_printf ("sort by %s", *sorts[i] ? sorts[i] : "(none)");

      print_figure (what, measure_op (&bench, sort_op, (gpointer) sorts[i]));
    }

  /* Searching while sorted by title (the search filters the sorted list). */
  measure_op (&bench, sort_op, (gpointer) "Title+");
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autofree char *what = g_strdup_printf ("search \"%s\"", searches[i]);

      print_figure (what, measure_op (&bench, search_op, (gpointer) searches[i]));
    }

  gtk_window_destroy (GTK_WINDOW (bench.window));
  g_clear_object (&bench.register_);
  annex_database_close (db);
}

static void
remove_workspace (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_auto(GStrv) counts = NULL;
  char *counts_arg = NULL;
  const GOptionEntry entries[] = {
    { "counts", 'n', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &counts_arg,
      "Register sizes, comma-separated (default 10000,100000)", "N,…" },
    { "dir", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &dir,
      "Folder for the workspaces, kept there between runs (default: a temporary folder)", "DIR" },
    G_OPTION_ENTRY_NULL
  };
  gboolean made_dir = FALSE;

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                "Shows a register page with N actions and prints, per load, "
                                "sort and search: how long the call blocked, the longest "
                                "main-loop iteration until the result was painted (what a user "
                                "feels as input lag), and the time until then.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc > 1)
    {
      g_printerr ("annex-ui-bench: %s\n", error != NULL ? error->message : "unexpected argument");
      return 2;
    }

  if (!gtk_init_check ())
    {
      g_printerr ("annex-ui-bench: needs a display (run it under xvfb-run)\n");
      return 2;
    }
  adw_init ();

  default_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, timing_poll_cb);

  if (dir == NULL)
    {
      dir = g_dir_make_tmp ("annex-ui-bench-XXXXXX", &error);
      die_on_error (error, "temporary folder");
      made_dir = TRUE;
    }

  counts = g_strsplit (counts_arg != NULL ? counts_arg : "10000,100000", ",", -1);
  for (guint i = 0; counts[i] != NULL; i++)
    {
      guint count = (guint) g_ascii_strtoull (counts[i], NULL, 10);
      g_autofree char *name = g_strdup_printf ("annex-ui-bench-%u.isms", count);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (count == 0)
        continue;
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        create_workspace (path, count);
      run (path, count);
      if (made_dir)
        remove_workspace (path);
    }

  if (made_dir)
    g_rmdir (dir);
  g_free (counts_arg);
  return 0;
}
