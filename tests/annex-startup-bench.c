/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-startup-bench.c: from process start to the first frame of the Annex window opening a
 * typical workspace (the bank sample), beside a minimal libadwaita window (an
 * AdwApplicationWindow with a label) in the same run. Each figure is the median of several
 * fresh processes, started alternately. Needs a display and a session bus; for humans, never
 * run by the tests (`make bench-startup`):
 *   dbus-run-session -- xvfb-run -a -s '-screen 0 1280x800x24' build/tests/annex-startup-bench */

#define G_LOG_DOMAIN "annex-startup-bench"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "annex-application.h"
#include "annex-overview-view.h"
#include "annex-sample.h"
#include "annex-test-util.h"
#include "annex-window.h"
#include "annex-workspace-list.h"

/* The parent's monotonic clock just before it started the child (CLOCK_MONOTONIC is the same
 * for every process), so the child's figures count from the exec. */
#define START_ENV "ANNEX_STARTUP_BENCH_T0"

static gint64 t0;          /* the parent's time before the spawn */
static gint64 main_us;     /* main() reached */
static gint64 first_us;    /* first frame of the window painted */
static gint64 shown_us;    /* first frame painted with the workspace open */
static gboolean workspace_open;

static void
die_on_error (const GError *error,
              const char   *what)
{
  if (error != NULL)
    {
      g_printerr ("annex-startup-bench: %s: %s\n", what, error->message);
      exit (1);
    }
}

/* The child's one line: microseconds from the exec to main, to the first frame, to the frame
 * showing the workspace (0: none). */
static void
report_and_exit (void)
{
  printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
          main_us - t0, first_us - t0, shown_us != 0 ? shown_us - t0 : 0);
  fflush (stdout);
  /* Not a shutdown benchmark. */
  _exit (0);
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  gboolean wait_for_workspace = GPOINTER_TO_INT (user_data);
  gint64 now = g_get_monotonic_time ();

  if (first_us == 0)
    first_us = now;
  if (workspace_open && shown_us == 0)
    shown_us = now;

  if (!wait_for_workspace || shown_us != 0)
    report_and_exit ();
}

static void
on_realize_cb (GtkWidget *window,
               gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint_cb), user_data);
}

static void
on_database_changed_cb (AnnexWindow *window,
                        GParamSpec  *pspec,
                        gpointer     user_data)
{
  if (annex_window_get_database (window) != NULL)
    {
      workspace_open = TRUE;
      gtk_widget_queue_draw (GTK_WIDGET (window));
    }
}

static void
on_window_added_cb (GtkApplication *app,
                    GtkWindow      *window,
                    gpointer        user_data)
{
  g_signal_connect (window, "realize", G_CALLBACK (on_realize_cb), GINT_TO_POINTER (TRUE));
  if (ANNEX_IS_WINDOW (window))
    g_signal_connect (window, "notify::database", G_CALLBACK (on_database_changed_cb), NULL);
}

static void
on_minimal_activate_cb (GApplication *app,
                        gpointer      user_data)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new ("Hello"));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize_cb), GINT_TO_POINTER (FALSE));
  gtk_window_present (GTK_WINDOW (window));
}

/* The child: "--child minimal" or "--child annex WORKSPACE". */
static int
run_child (int    argc,
           char **argv)
{
  const char *start = g_getenv (START_ENV);

  t0 = start != NULL ? g_ascii_strtoll (start, NULL, 10) : main_us;

  if (g_str_equal (argv[2], "minimal"))
    {
      g_autoptr(AdwApplication) app =
        adw_application_new ("io.github.annex.StartupBench", G_APPLICATION_NON_UNIQUE);

      g_signal_connect (app, "activate", G_CALLBACK (on_minimal_activate_cb), NULL);
      return g_application_run (G_APPLICATION (app), 1, argv);
    }
  else
    {
      g_autoptr(AnnexApplication) app = annex_application_new ();
      char *app_argv[] = { argv[0], argv[3], NULL };

      g_signal_connect (app, "window-added", G_CALLBACK (on_window_added_cb), NULL);
      return g_application_run (G_APPLICATION (app), 2, app_argv);
    }
}

static double median (double *values,
                      int     n);

/* ---- The Overview after an edit (--overview WORKSPACE) ---------------------------------------- */

/* The main thread is busy from the moment poll() returns until it is called again. */
static GPollFunc default_poll;
static gint64 busy_since;
static gint64 max_busy;

static int
timing_poll_cb (GPollFD *fds,
                guint    n_fds,
                int      timeout)
{
  gint64 now = g_get_monotonic_time ();
  int result;

  if (busy_since != 0 && now - busy_since > max_busy)
    max_busy = now - busy_since;

  result = default_poll (fds, n_fds, timeout);
  busy_since = g_get_monotonic_time ();
  return result;
}

/* How long the Overview holds the main thread when the workspace changes: the refresh on the
 * calling thread (annex_overview_view_refresh(), what every refresh after an edit did before
 * it moved to a worker) beside the longest main-loop iteration of the refresh after an edit. */
static int
run_overview (const char *path,
              int         repeat)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = NULL;
  GtkWidget *window;
  AnnexOverviewView *view;
  double sync_ms[64], async_ms[64], until_ms[64], paint_ms[64];

  if (!gtk_init_check ())
    {
      g_printerr ("annex-startup-bench: needs a display (run it under xvfb-run)\n");
      return 2;
    }
  adw_init ();
  default_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, timing_poll_cb);

  db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  die_on_error (error, "open");

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  view = ANNEX_OVERVIEW_VIEW (annex_overview_view_new ());
  annex_overview_view_set_today (view, "2026-06-30");
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  annex_overview_view_set_database (view, db);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  for (int i = 0; i < repeat; i++)
    {
      guint before = annex_overview_view_get_n_refreshes (view);
      gint64 start = g_get_monotonic_time ();

      annex_overview_view_refresh (view);
      sync_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      while (g_main_context_iteration (NULL, FALSE))
        ;

      /* An edit: the view refreshes shortly after, on a worker, and applies it here. */
      before = annex_overview_view_get_n_refreshes (view);
      annex_database_mark_changed (db, "risks");
      max_busy = 0;
      busy_since = start = g_get_monotonic_time ();
      while (annex_overview_view_get_n_refreshes (view) == before)
        g_main_context_iteration (NULL, TRUE);
      /* The iteration that applied the result ends here. */
      max_busy = MAX (max_busy, g_get_monotonic_time () - busy_since);
      until_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      async_ms[i] = max_busy / 1000.0;
      /* Its layout and painting come in the next iterations (as after the refresh on main). */
      max_busy = 0;
      while (g_main_context_iteration (NULL, FALSE))
        ;
      paint_ms[i] = max_busy / 1000.0;
    }

  printf ("annex-startup-bench: the Overview of %s, median of %d refreshes\n", path, repeat);
  printf ("%-22s %9.1f ms   main thread blocked (annex_readiness_compute + heat map, as "
          "before)\n", "refresh on main", median (sync_ms, repeat));
  printf ("%-22s %9.1f ms  %7.2f×   longest main-loop iteration of a refresh after an edit "
          "(worker)\n", "refresh after edit", median (async_ms, repeat),
          median (async_ms, repeat) / median (sync_ms, repeat));
  printf ("%-22s %9.1f ms   until applied (the %d ms delay after the last edit included)\n",
          "  until applied", median (until_ms, repeat), 300);
  printf ("%-22s %9.1f ms   then the longest iteration of layout and painting (either way)\n",
          "  layout and paint", median (paint_ms, repeat));

  gtk_window_destroy (GTK_WINDOW (window));
  annex_database_close (db);
  return 0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        int     n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  if (n % 2 == 1)
    return values[n / 2];
  return (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* Starts this program as a child doing @what; its three figures in ms. */
static void
spawn_child (const char *self_exe,
             const char *what,
             const char *workspace,
             double      out[3])
{
  const char *argv[] = { self_exe, "--child", what, workspace, NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *out_text = NULL;
  g_autofree char *err_text = NULL;
  g_autofree char *start = NULL;
  g_autoptr(GError) error = NULL;
  gint64 values[3] = { 0, 0, 0 };
  int status = 0;

  start = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
  envp = g_environ_setenv (envp, START_ENV, start, TRUE);
  if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out_text,
                     &err_text, &status, &error) ||
      !g_spawn_check_wait_status (status, &error) ||
      sscanf (out_text, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
              &values[0], &values[1], &values[2]) != 3)
    {
      g_printerr ("annex-startup-bench: the %s child failed: %s\n%s", what,
                  error != NULL ? error->message : "no figures", err_text);
      exit (1);
    }

  for (int i = 0; i < 3; i++)
    out[i] = values[i] / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *config_home = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *workspace = NULL;
  g_autofree char *self_exe = NULL;
  g_autofree char *overview = NULL;
  double minimal[3][64], annex[3][64];
  double first_floor;
  int repeat = 7;
  const GOptionEntry entries[] = {
    { "repeat", 'r', G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &repeat,
      "Processes per figure; the median is printed (default 7)", "R" },
    { "overview", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &overview,
      "Instead: how long the Overview of WORKSPACE holds the main thread when it refreshes",
      "WORKSPACE" },
    G_OPTION_ENTRY_NULL
  };

  main_us = g_get_monotonic_time ();
  if (argc >= 3 && g_str_equal (argv[1], "--child"))
    return run_child (argc, argv);

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                "Starts Annex opening the bank sample, and a minimal "
                                "libadwaita window, R times each (alternately, fresh "
                                "processes), and prints the median time from the exec to "
                                "main, to the first frame of the window and, for Annex, to "
                                "the first frame with the workspace open, with the ratio to "
                                "the minimal window's first frame.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc > 1)
    {
      g_printerr ("annex-startup-bench: %s\n",
                  error != NULL ? error->message : "unexpected argument");
      return 2;
    }
  if (repeat < 1 || repeat > 64)
    {
      g_printerr ("annex-startup-bench: R must be between 1 and 64\n");
      return 2;
    }
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("annex-startup-bench: needs a display (run it under xvfb-run)\n");
      return 2;
    }

  if (overview != NULL)
    return run_overview (overview, repeat);

  self_exe = g_file_read_link ("/proc/self/exe", &error);
  die_on_error (error, "/proc/self/exe");

  /* A private data and settings home: the sample sits in the workspace folder (so Annex opens
   * it as one of the user's workspaces, without importing it), nothing of the user's is read. */
  data_home = g_dir_make_tmp ("annex-startup-bench-XXXXXX", &error);
  die_on_error (error, "temporary folder");
  config_home = g_build_filename (data_home, "config", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  if (g_getenv ("GSETTINGS_BACKEND") == NULL)
    g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  if (g_getenv ("GSK_RENDERER") == NULL)
    g_setenv ("GSK_RENDERER", "cairo", TRUE);
  if (g_getenv ("GTK_A11Y") == NULL)
    g_setenv ("GTK_A11Y", "none", TRUE);

  directory = g_build_filename (data_home, "annex", "workspaces", NULL);
  g_mkdir_with_parents (directory, 0700);
  workspace = g_build_filename (directory, "Bank.isms", NULL);
  db = annex_sample_create (workspace, "financial", TRUE, NULL, &error);
  die_on_error (error, "sample");
  annex_database_close (db);

  for (int i = 0; i < repeat; i++)
    {
      double m[3], a[3];

      spawn_child (self_exe, "minimal", workspace, m);
      spawn_child (self_exe, "annex", workspace, a);
      for (int k = 0; k < 3; k++)
        {
          minimal[k][i] = m[k];
          annex[k][i] = a[k];
        }
    }

  for (int k = 0; k < 3; k++)
    {
      median (minimal[k], repeat);
      median (annex[k], repeat);
    }
  first_floor = median (minimal[1], repeat);

  printf ("annex-startup-bench: bank sample (%s), GSK_RENDERER=%s, median of %d processes "
          "each\n", "financial", g_getenv ("GSK_RENDERER"), repeat);
  printf ("%-22s %9.1f ms  %7.2f×   exec → main\n", "minimal: main",
          median (minimal[0], repeat), median (minimal[0], repeat) / first_floor);
  printf ("%-22s %9.1f ms  %7.2f×   AdwApplicationWindow with a label, exec → first frame\n",
          "minimal: first frame", first_floor, 1.0);
  printf ("%-22s %9.1f ms  %7.2f×   exec → main\n", "annex: main",
          median (annex[0], repeat), median (annex[0], repeat) / first_floor);
  printf ("%-22s %9.1f ms  %7.2f×   exec → first frame of the window\n", "annex: first frame",
          median (annex[1], repeat), median (annex[1], repeat) / first_floor);
  printf ("%-22s %9.1f ms  %7.2f×   exec → first frame with the workspace open\n",
          "annex: workspace shown", median (annex[2], repeat),
          median (annex[2], repeat) / first_floor);

  /* With what the children made there (settings, caches). */
  annex_test_rm_rf (data_home);

  return 0;
}
