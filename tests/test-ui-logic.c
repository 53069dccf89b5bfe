/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-logic.c: the register page's pure "values → text" functions (headless, no GTK
 * initialisation), then the register page and record editor over a real workspace under a virtual
 * display (skipped without one). */

#define G_LOG_DOMAIN "test-ui-logic"

#include "config.h"

#include <adwaita.h>

#include "annex-action.h"
#include "annex-change-log.h"
#include "annex-record-editor.h"
#include "annex-register-format.h"
#include "annex-register-page.h"
#include "annex-test-util.h"

/* A field table of every type, for the formatting tests. */
static const AnnexFieldChoice status_choices[] = {
  { "open", "Open" },
  { "in-progress", "In progress" },
  { "done", "Done" },
  { NULL, NULL }
};

static const AnnexField test_fields[] = {
  { "title", "title", ANNEX_FIELD_TEXT, "Title", ANNEX_FIELD_FLAG_REQUIRED, NULL, NULL },
  { "due-date", "due_date", ANNEX_FIELD_DATE, "Due date", ANNEX_FIELD_FLAG_NONE, NULL, NULL },
  { "status", "status", ANNEX_FIELD_CHOICE, "Status", ANNEX_FIELD_FLAG_NONE, status_choices,
    "open" },
  { "effort", "effort", ANNEX_FIELD_INT, "Effort", ANNEX_FIELD_FLAG_NONE, NULL, NULL },
  { "approved", "approved", ANNEX_FIELD_BOOL, "Approved", ANNEX_FIELD_FLAG_NONE, NULL, NULL },
  { "description", "description", ANNEX_FIELD_LONG_TEXT, "Description", ANNEX_FIELD_FLAG_NONE,
    NULL, NULL },
};

/* Pure functions */

static void
test_format_date (void)
{
  const char *invalid[] = {
    "", "2026-02-30", "2026-13-01", "2026-3-5", " 2026-03-05", "2026-03-05T00:00", "abcd-ef-gh",
    "0000-01-01", "2026/03/05",
  };

  g_assert_null (annex_format_date (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autofree char *text = annex_format_date (invalid[i]);

      g_assert_null (text);
    }

  {
    g_autofree char *a = annex_format_date ("2026-03-05");
    g_autofree char *b = annex_format_date ("2024-02-29");
    g_autofree char *c = annex_format_date ("1999-12-31");

    g_assert_cmpstr (a, ==, "5 Mar 2026");
    g_assert_cmpstr (b, ==, "29 Feb 2024");
    g_assert_cmpstr (c, ==, "31 Dec 1999");
  }
}

static void
test_format_timestamp (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GTimeZone) plus2 = g_time_zone_new_identifier ("+02:00");
  g_autofree char *a = annex_format_timestamp ("2026-11-28T06:29:31.123456Z", utc);
  g_autofree char *b = annex_format_timestamp ("2026-11-28T23:05:00Z", plus2);
  g_autofree char *c = annex_format_timestamp ("yesterday", utc);
  g_autofree char *d = annex_format_timestamp ("", utc);
  g_autofree char *local = annex_format_timestamp ("2026-11-28T06:29:31Z", NULL);

  g_assert_cmpstr (a, ==, "28 Nov 2026, 06:29");
  /* Shifted into the time zone, across midnight. */
  g_assert_cmpstr (b, ==, "29 Nov 2026, 01:05");
  g_assert_null (c);
  g_assert_null (d);
  /* TZ=UTC in the test environment. */
  g_assert_cmpstr (local, ==, "28 Nov 2026, 06:29");
}

static void
test_format_count (void)
{
  g_autofree char *a = annex_format_count (12, 40);
  g_autofree char *b = annex_format_count (0, 0);
  g_autofree char *c = annex_format_count (100000, 100000);

  g_assert_cmpstr (a, ==, "12 of 40");
  g_assert_cmpstr (b, ==, "0 of 0");
  g_assert_cmpstr (c, ==, "100000 of 100000");
}

static int
compare_references_qsort (gconstpointer a,
                          gconstpointer b)
{
  return annex_format_compare_references (*(const char * const *) a, *(const char * const *) b);
}

static void
test_reference_order (void)
{
  const char *shuffled[] = {
    "A-010", "A-2", "A-100", "A-002", "A-9", "A-001", "A-1000", "A-011", "A-099",
  };
  const char *sorted[] = {
    "A-001", "A-2", "A-002", "A-9", "A-010", "A-011", "A-099", "A-100", "A-1000",
  };

  g_assert_cmpint (annex_format_compare_references ("A-002", "A-010"), <, 0);
  g_assert_cmpint (annex_format_compare_references ("A-010", "A-002"), >, 0);
  g_assert_cmpint (annex_format_compare_references ("A-9", "A-10"), <, 0);
  g_assert_cmpint (annex_format_compare_references ("A-010", "A-010"), ==, 0);
  g_assert_cmpint (annex_format_compare_references ("a-010", "A-010"), ==, 0);
  g_assert_cmpint (annex_format_compare_references (NULL, "A-001"), <, 0);
  g_assert_cmpint (annex_format_compare_references ("A-001", NULL), >, 0);
  g_assert_cmpint (annex_format_compare_references (NULL, NULL), ==, 0);
  g_assert_cmpint (annex_format_compare_references ("A-1", "A-1b"), <, 0);
  g_assert_cmpint (annex_format_compare_references ("NC-2026-03", "NC-2026-10"), <, 0);
  g_assert_cmpint (annex_format_compare_references ("NC-2026-10", "NC-2027-01"), <, 0);
  /* Longer than any integer type: compared digit by digit. */
  g_assert_cmpint (annex_format_compare_references ("R-99999999999999999999",
                                                    "R-100000000000000000000"), <, 0);

  qsort (shuffled, G_N_ELEMENTS (shuffled), sizeof shuffled[0], compare_references_qsort);
  for (guint i = 0; i < G_N_ELEMENTS (sorted); i++)
    g_assert_cmpstr (shuffled[i], ==, sorted[i]);
}

static char *
format_string (guint       field,
               const char *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  return annex_format_field_value (&test_fields[field], &value);
}

static void
test_field_value (void)
{
  g_auto(GValue) int_value = G_VALUE_INIT;
  g_auto(GValue) bool_value = G_VALUE_INIT;
  g_autofree char *title = format_string (0, "Patch the file servers");
  g_autofree char *empty = format_string (0, NULL);
  g_autofree char *date = format_string (1, "2026-03-05");
  g_autofree char *bad_date = format_string (1, "someday");
  g_autofree char *choice = format_string (2, "in-progress");
  g_autofree char *unknown = format_string (2, "archived");
  g_autofree char *number = NULL;
  g_autofree char *flag = NULL;
  g_autofree char *unset = annex_format_field_value (&test_fields[0], NULL);

  g_value_init (&int_value, G_TYPE_INT64);
  g_value_set_int64 (&int_value, -42);
  number = annex_format_field_value (&test_fields[3], &int_value);
  g_value_init (&bool_value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&bool_value, TRUE);
  flag = annex_format_field_value (&test_fields[4], &bool_value);

  g_assert_cmpstr (title, ==, "Patch the file servers");
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (date, ==, "5 Mar 2026");
  /* What cannot be formatted is shown as stored, never hidden. */
  g_assert_cmpstr (bad_date, ==, "someday");
  g_assert_cmpstr (choice, ==, "In progress");
  g_assert_cmpstr (unknown, ==, "archived");
  g_assert_cmpstr (number, ==, "-42");
  g_assert_cmpstr (flag, ==, "Yes");
  g_assert_cmpstr (unset, ==, "");
}

static void
test_overdue_tooltip (void)
{
  g_autofree char *a = annex_format_overdue_tooltip ("2026-03-05");
  g_autofree char *b = annex_format_overdue_tooltip (NULL);

  g_assert_cmpstr (a, ==, "Overdue since 5 Mar 2026");
  g_assert_cmpstr (b, ==, "Overdue");
}

static void
test_change_lines (void)
{
  const char *before = "{\"reference\": \"A-001\", \"title\": \"Old title\", \"due_date\": null,"
                       " \"status\": \"open\", \"effort\": 3, \"approved\": false,"
                       " \"description\": \"first\", \"gone\": \"x\"}";
  const char *after = "{\"reference\": \"A-001\", \"title\": \"New title\","
                      " \"due_date\": \"2026-03-05\", \"status\": \"done\", \"effort\": 5,"
                      " \"approved\": true, \"description\": \"second\", \"gone\": \"y\"}";
  g_auto(GStrv) lines = annex_format_change_lines (test_fields, G_N_ELEMENTS (test_fields),
                                                   before, after);
  g_auto(GStrv) same = annex_format_change_lines (test_fields, G_N_ELEMENTS (test_fields),
                                                  before, before);
  g_auto(GStrv) insert = annex_format_change_lines (test_fields, G_N_ELEMENTS (test_fields),
                                                    NULL, after);
  g_auto(GStrv) broken = annex_format_change_lines (test_fields, G_N_ELEMENTS (test_fields),
                                                    "{\"title\": ", after);
  g_auto(GStrv) not_object = annex_format_change_lines (test_fields, G_N_ELEMENTS (test_fields),
                                                        "[1, 2]", after);

  /* In field-table order, with labels, choice labels and formatted dates; unknown keys skipped. */
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_cmpstr (lines[0], ==, "Title: Old title → New title");
  g_assert_cmpstr (lines[1], ==, "Due date: — → 5 Mar 2026");
  g_assert_cmpstr (lines[2], ==, "Status: Open → Done");
  g_assert_cmpstr (lines[3], ==, "Effort: 3 → 5");
  g_assert_cmpstr (lines[4], ==, "Approved: No → Yes");
  g_assert_cmpstr (lines[5], ==, "Description changed");

  g_assert_cmpuint (g_strv_length (same), ==, 0);
  g_assert_cmpuint (g_strv_length (insert), ==, 0);
  g_assert_cmpuint (g_strv_length (broken), ==, 0);
  g_assert_cmpuint (g_strv_length (not_object), ==, 0);
}

static void
test_change_lines_shortened (void)
{
  g_autofree char *long_title = g_strnfill (100, 'x');
  g_autofree char *before = g_strdup_printf ("{\"title\": \"%s\", \"effort\": 1,"
                                             " \"approved\": 0}", long_title);
  const char *after = "{\"title\": \"Short\nand two lines\", \"effort\": 1, \"approved\": 1}";
  g_auto(GStrv) lines = annex_format_change_lines (test_fields, G_N_ELEMENTS (test_fields),
                                                   before, after);
  g_autofree char *expected = NULL;
  g_autofree char *head = g_strnfill (47, 'x');

  /* Values are one line and at most 48 characters; 0/1 of a bool field read as No/Yes; a member
   * missing on both sides is no change. */
  expected = g_strdup_printf ("Title: %s… → Short and two lines", head);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_cmpstr (lines[0], ==, expected);
  g_assert_cmpstr (lines[1], ==, "Approved: No → Yes");
}

static void
test_fallback_texts (void)
{
  g_autofree char *placeholder = annex_format_search_placeholder ("Actions");
  g_autofree char *placeholder_none = annex_format_search_placeholder (NULL);
  g_autofree char *empty = annex_format_empty_title ("Actions");
  g_autofree char *empty_none = annex_format_empty_title ("");

  g_assert_cmpstr (placeholder, ==, "Search actions…");
  g_assert_cmpstr (placeholder_none, ==, "Search…");
  g_assert_cmpstr (empty, ==, "No Actions Yet");
  g_assert_cmpstr (empty_none, ==, "Nothing Here Yet");
}

/* Widgets, under a virtual display */

typedef struct
{
  char          *dir;
  AnnexDatabase *db;
  AnnexRegister *register_;
  GtkWindow     *window;
  GtkWidget     *page;
  GPtrArray     *toasts;
} Fixture;

static gboolean
require_display (void)
{
  static int has_display = -1;

  /* Initialised on first use only: the pure tests above never touch GTK. */
  if (has_display < 0)
    {
      has_display = gtk_init_check ();
      if (has_display)
        adw_init ();
    }
  if (has_display)
    return TRUE;

  if (g_strcmp0 (g_getenv ("ANNEX_TEST_REQUIRE_DISPLAY"), "1") == 0)
    {
      g_test_message ("no display, but ANNEX_TEST_REQUIRE_DISPLAY=1");
      g_test_fail ();
    }
  else
    g_test_skip ("no display");

  return FALSE;
}

static void
iterate_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag_cb, &done);
  annex_test_wait_for (&done);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;

      found = find_descendant (child, type);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The editor's row titled @title (an AdwPreferencesRow). */
static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_PREFERENCES_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;

      found = find_row (child, title);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
on_add_toast_cb (GtkWidget *page,
                 AdwToast  *toast,
                 Fixture   *fixture)
{
  g_ptr_array_add (fixture->toasts, g_object_ref (toast));
}

static AnnexRecord *
add_action (Fixture    *fixture,
            const char *title,
            const char *due_date,
            const char *status)
{
  g_autoptr(AnnexRecord) record = annex_register_new_record (fixture->register_);
  g_autoptr(GError) error = NULL;

  annex_record_set_string (record, "title", title);
  annex_record_set_string (record, "due-date", due_date);
  annex_record_set_string (record, "status", status);
  annex_register_add (fixture->register_, record, &error);
  g_assert_no_error (error);

  return record;
}

static void
fixture_set_up_sized (Fixture *fixture,
                      guint    n_actions,
                      int      width)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = annex_test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "test.isms", NULL);
  fixture->db = annex_database_create (path, "Test organization", &error);
  g_assert_no_error (error);
  fixture->register_ = annex_register_new (fixture->db, ANNEX_TYPE_ACTION);
  annex_register_load (fixture->register_, &error);
  g_assert_no_error (error);

  /* … overdue; … done; … open without a date. */
  for (guint i = 0; i < n_actions; i++)
    {
      g_autofree char *title = g_strdup_printf ("Action %u", i + 1);

      switch (i % 3)
        {
        case 0:
          add_action (fixture, title, "2020-01-15", "open");
          break;
        case 1:
          add_action (fixture, title, "2020-01-15", "done");
          break;
        default:
          add_action (fixture, title, NULL, "in-progress");
          break;
        }
    }

  fixture->toasts = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->page = g_object_ref (annex_register_page_new ());
  g_object_set (fixture->page, "title", "Actions", NULL);
  g_signal_connect (fixture->page, "add-toast", G_CALLBACK (on_add_toast_cb), fixture);
  annex_register_page_set_register (ANNEX_REGISTER_PAGE (fixture->page), fixture->register_);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, width, 700);
  gtk_window_set_child (fixture->window, fixture->page);
  gtk_window_present (fixture->window);
  iterate_main_loop ();
}

static void
fixture_set_up (Fixture *fixture,
                guint    n_actions)
{
  fixture_set_up_sized (fixture, n_actions, 1100);
}

static void
fixture_tear_down (Fixture *fixture)
{
  GtkWidget *page = g_steal_pointer (&fixture->page);

  g_signal_handlers_disconnect_by_data (page, fixture);
  g_clear_pointer (&fixture->toasts, g_ptr_array_unref);
  gtk_window_destroy (fixture->window);
  iterate_main_loop ();
  g_assert_finalize_object (page);

  g_assert_finalize_object (g_steal_pointer (&fixture->register_));
  annex_database_close (fixture->db);
  g_clear_object (&fixture->db);
  annex_test_rm_rf (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static guint
get_uint (gpointer    object,
          const char *property)
{
  guint value = 0;

  g_object_get (object, property, &value, NULL);
  return value;
}

/* The page's content stack: the GtkStack with a "loading" page (calendars have stacks too). */
static GtkStack *
find_content_stack (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *found;

      if (GTK_IS_STACK (child) && gtk_stack_get_child_by_name (GTK_STACK (child), "loading"))
        return GTK_STACK (child);

      found = find_content_stack (child);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static const char *
visible_state (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (find_content_stack (fixture->page));
}

static AnnexRecordEditor *
get_editor (Fixture *fixture)
{
  return ANNEX_RECORD_EDITOR (find_descendant (fixture->page, ANNEX_TYPE_RECORD_EDITOR));
}

static void
test_page_empty_and_loading (void)
{
  Fixture fixture = { 0 };
  g_autoptr(AnnexRegister) unloaded = NULL;
  AdwStatusPage *status;

  if (!require_display ())
    return;

  fixture_set_up (&fixture, 0);

  status = ADW_STATUS_PAGE (find_descendant (fixture.page, ADW_TYPE_STATUS_PAGE));
  g_assert_cmpstr (visible_state (&fixture), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "No Actions Yet");
  g_assert_true (gtk_widget_activate_action (fixture.page, "register.new", NULL));
  g_assert_nonnull (annex_record_editor_get_record (get_editor (&fixture)));
  g_assert_true (gtk_widget_activate_action (fixture.page, "register.close-editor", NULL));
  g_assert_null (annex_record_editor_get_record (get_editor (&fixture)));

  /* A register that has not loaded yet shows the spinner, then its content. */
  unloaded = annex_register_new (fixture.db, ANNEX_TYPE_ACTION);
  annex_register_page_set_register (ANNEX_REGISTER_PAGE (fixture.page), unloaded);
  g_assert_cmpstr (visible_state (&fixture), ==, "loading");
  annex_register_load (unloaded, NULL);
  g_assert_cmpstr (visible_state (&fixture), ==, "empty");

  annex_register_page_set_register (ANNEX_REGISTER_PAGE (fixture.page), NULL);
  g_assert_cmpstr (visible_state (&fixture), ==, "empty");
  g_assert_false (gtk_widget_activate_action (fixture.page, "register.new", NULL) &&
                  annex_record_editor_get_record (get_editor (&fixture)) != NULL);

  fixture_tear_down (&fixture);
}

/* The "N of M" label: the dim numeric label of the toolbar. */
static GtkLabel *
find_count_label (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "numeric") &&
          gtk_widget_has_css_class (child, "dim-label"))
        return GTK_LABEL (child);

      found = find_count_label (child);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_page_search_and_count (void)
{
  Fixture fixture = { 0 };
  GtkLabel *count;

  if (!require_display ())
    return;

  fixture_set_up (&fixture, 40);

  g_assert_cmpuint (get_uint (fixture.page, "n-total"), ==, 40);
  g_assert_cmpuint (get_uint (fixture.page, "n-shown"), ==, 40);
  g_assert_cmpstr (visible_state (&fixture), ==, "list");

  /* Every word must occur, in the reference or a searchable field, in any case. */
  annex_register_page_set_search_text (ANNEX_REGISTER_PAGE (fixture.page), "A-01");
  g_assert_cmpuint (get_uint (fixture.page, "n-shown"), ==, 10);
  g_assert_cmpstr (visible_state (&fixture), ==, "list");
  count = find_count_label (fixture.page);
  g_assert_cmpstr (gtk_label_get_label (count), ==, "10 of 40");
  annex_register_page_set_search_text (ANNEX_REGISTER_PAGE (fixture.page), "a-01 ACTION");
  g_assert_cmpuint (get_uint (fixture.page, "n-shown"), ==, 10);
  annex_register_page_set_search_text (ANNEX_REGISTER_PAGE (fixture.page), "a-01 action 5");
  g_assert_cmpuint (get_uint (fixture.page, "n-shown"), ==, 1);
  annex_register_page_set_search_text (ANNEX_REGISTER_PAGE (fixture.page), "a-01");
  g_assert_cmpuint (get_uint (fixture.page, "n-shown"), ==, 10);
  annex_register_page_set_search_text (ANNEX_REGISTER_PAGE (fixture.page), "a-02");
  g_assert_cmpuint (get_uint (fixture.page, "n-shown"), ==, 10);

  annex_register_page_set_search_text (ANNEX_REGISTER_PAGE (fixture.page), "no such thing");
  g_assert_cmpuint (get_uint (fixture.page, "n-shown"), ==, 0);
  g_assert_cmpstr (visible_state (&fixture), ==, "no-results");

  /* Escape clears the search when no editor is open. */
  g_assert_true (gtk_widget_activate_action (fixture.page, "register.close-editor", NULL));
  annex_register_page_set_search_text (ANNEX_REGISTER_PAGE (fixture.page), "");
  g_assert_cmpuint (get_uint (fixture.page, "n-shown"), ==, 40);
  g_assert_cmpstr (visible_state (&fixture), ==, "list");

  fixture_tear_down (&fixture);
}

static AnnexRecord *
shown_item (Fixture *fixture,
            guint    position)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (find_descendant (fixture->page, GTK_TYPE_COLUMN_VIEW));
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr(AnnexRecord) item = g_list_model_get_item (model, position);

  /* Borrowed: the register keeps its items. */
  return item;
}

static void
test_page_columns_and_sorting (void)
{
  Fixture fixture = { 0 };
  GtkColumnView *view;
  GListModel *columns;
  const char *titles[] = { "Ref.", "Title", "Owner", "Due date", "Status", "Origin" };
  guint n;

  if (!require_display ())
    return;

  fixture_set_up (&fixture, 12);

  view = GTK_COLUMN_VIEW (find_descendant (fixture.page, GTK_TYPE_COLUMN_VIEW));
  columns = gtk_column_view_get_columns (view);
  n = g_list_model_get_n_items (columns);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (titles));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, titles[i]);
      g_assert_nonnull (gtk_column_view_column_get_sorter (column));
    }

  /* Reference, descending: numeric order, A-012 before A-002. */
  {
    g_autoptr(GtkColumnViewColumn) ref = g_list_model_get_item (columns, 0);

    gtk_column_view_sort_by_column (view, ref, GTK_SORT_DESCENDING);
    iterate_main_loop ();
    g_assert_cmpstr (annex_record_get_reference (shown_item (&fixture, 0)), ==, "A-012");
    g_assert_cmpstr (annex_record_get_reference (shown_item (&fixture, 10)), ==, "A-002");
  }

  /* Status: in the declared order (open, in progress, done), not alphabetically. */
  {
    g_autoptr(GtkColumnViewColumn) status = g_list_model_get_item (columns, 4);

    gtk_column_view_sort_by_column (view, status, GTK_SORT_ASCENDING);
    iterate_main_loop ();
    g_assert_cmpstr (annex_record_get_string (shown_item (&fixture, 0), "status"), ==, "open");
    g_assert_cmpstr (annex_record_get_string (shown_item (&fixture, 4), "status"), ==,
                     "in-progress");
    g_assert_cmpstr (annex_record_get_string (shown_item (&fixture, 11), "status"), ==, "done");
  }

  /* Due date: records without one come last. */
  {
    g_autoptr(GtkColumnViewColumn) due = g_list_model_get_item (columns, 3);

    gtk_column_view_sort_by_column (view, due, GTK_SORT_ASCENDING);
    iterate_main_loop ();
    g_assert_cmpstr (annex_record_get_string (shown_item (&fixture, 0), "due-date"), ==,
                     "2020-01-15");
    g_assert_null (annex_record_get_string (shown_item (&fixture, 11), "due-date"));
  }

  fixture_tear_down (&fixture);
}

static void
test_page_new_add_delete_undo (void)
{
  Fixture fixture = { 0 };
  AnnexRecordEditor *editor;
  g_autoptr(AnnexRecord) record = NULL;
  AdwToast *toast;
  gint64 id;

  if (!require_display ())
    return;

  fixture_set_up (&fixture, 3);
  editor = get_editor (&fixture);

  /* New: an unsaved record in the editor; Add stays disabled until the title is set. */
  g_assert_true (gtk_widget_activate_action (fixture.page, "register.new", NULL));
  record = g_object_ref (annex_record_editor_get_record (editor));
  g_assert_cmpint (annex_record_get_id (record), ==, 0);
  g_assert_false (annex_record_editor_get_valid (editor));
  g_assert_false (gtk_widget_activate_action (fixture.page, "register.add", NULL) &&
                  annex_record_get_id (record) != 0);

  {
    GtkWidget *title_row = find_row (GTK_WIDGET (editor), "Title (required)");

    g_assert_nonnull (title_row);
    gtk_editable_set_text (GTK_EDITABLE (title_row), "Review the backup policy");
    iterate_main_loop ();
  }
  g_assert_cmpstr (annex_record_get_string (record, "title"), ==, "Review the backup policy");
  g_assert_true (annex_record_editor_get_valid (editor));
  g_assert_true (gtk_widget_activate_action (fixture.page, "register.add", NULL));
  id = annex_record_get_id (record);
  g_assert_cmpint (id, !=, 0);
  g_assert_cmpstr (annex_record_get_reference (record), ==, "A-004");
  g_assert_cmpuint (get_uint (fixture.page, "n-total"), ==, 4);
  g_assert_true (annex_record_editor_get_record (editor) == record);

  /* Delete: gone from the register, a toast with Undo that holds the record. */
  g_assert_true (gtk_widget_activate_action (fixture.page, "register.delete", NULL));
  g_assert_cmpuint (get_uint (fixture.page, "n-total"), ==, 3);
  g_assert_null (annex_register_find (fixture.register_, id));
  g_assert_null (annex_record_editor_get_record (editor));
  g_assert_cmpuint (fixture.toasts->len, ==, 1);
  toast = g_ptr_array_index (fixture.toasts, 0);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "“Review the backup policy” deleted");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");

  /* Undo: the same record, same id and reference, back in the list and in the editor. */
  g_signal_emit_by_name (toast, "button-clicked");
  g_assert_cmpuint (get_uint (fixture.page, "n-total"), ==, 4);
  g_assert_true (annex_register_find (fixture.register_, id) == record);
  g_assert_cmpstr (annex_record_get_reference (record), ==, "A-004");
  g_assert_true (annex_record_editor_get_record (editor) == record);

  /* Dismissing the toast (the overlay emits "dismissed") lets go of the record. */
  g_signal_emit_by_name (toast, "dismissed");
  g_assert_null (g_object_get_data (G_OBJECT (toast), "annex-record"));

  fixture_tear_down (&fixture);
}

static void
test_editor_autosave_and_history (void)
{
  Fixture fixture = { 0 };
  AnnexRecordEditor *editor;
  AnnexRecord *record;
  GtkWidget *title_row, *due_row, *entry;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  AnnexChangeEntry *last;
  const AnnexField *fields;
  guint n_fields = 0;

  if (!require_display ())
    return;

  fixture_set_up (&fixture, 3);
  editor = get_editor (&fixture);
  record = annex_register_find (fixture.register_, 2);
  g_assert_true (annex_register_page_show_record (ANNEX_REGISTER_PAGE (fixture.page), 2));
  g_assert_true (annex_record_editor_get_record (editor) == record);

  /* Typing changes the record at once and the workspace after the pause. */
  title_row = find_row (GTK_WIDGET (editor), "Title (required)");
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Renamed action");
  iterate_main_loop ();
  g_assert_cmpstr (annex_record_get_string (record, "title"), ==, "Renamed action");
  entries = annex_change_log_list (fixture.db, "actions", 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_clear_pointer (&entries, g_ptr_array_unref);

  wait_ms (700);
  entries = annex_change_log_list (fixture.db, "actions", 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  last = g_ptr_array_index (entries, 1);
  g_assert_cmpint (last->kind, ==, ANNEX_CHANGE_UPDATE);
  fields = annex_record_class_get_fields (ANNEX_RECORD_GET_CLASS (record), &n_fields);
  lines = annex_format_change_lines (fields, n_fields, last->before, last->after);
  g_assert_cmpstr (lines[0], ==, "Title: Action 2 → Renamed action");
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* A required field emptied is not written: the row shows the error, the record keeps its
   * title. */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "");
  iterate_main_loop ();
  g_assert_true (gtk_widget_has_css_class (title_row, "error"));
  g_assert_cmpstr (annex_record_get_string (record, "title"), ==, "Renamed action");
  g_assert_false (annex_record_editor_get_valid (editor));
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Renamed action");
  iterate_main_loop ();
  g_assert_false (gtk_widget_has_css_class (title_row, "error"));

  /* A malformed date is refused the same way; a valid one saves. */
  due_row = find_row (GTK_WIDGET (editor), "Due date");
  entry = find_descendant (due_row, GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "2026-02-30");
  iterate_main_loop ();
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpstr (annex_record_get_string (record, "due-date"), ==, "2020-01-15");
  gtk_editable_set_text (GTK_EDITABLE (entry), "2026-03-05");
  iterate_main_loop ();
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpstr (annex_record_get_string (record, "due-date"), ==, "2026-03-05");
  g_assert_true (annex_record_editor_flush (editor));
  entries = annex_change_log_list (fixture.db, "actions", 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* Choosing a value saves at once. */
  {
    GtkWidget *status_row = find_row (GTK_WIDGET (editor), "Status");

    adw_combo_row_set_selected (ADW_COMBO_ROW (status_row), 0);
    g_assert_cmpstr (annex_record_get_string (record, "status"), ==, "open");
    entries = annex_change_log_list (fixture.db, "actions", 2, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (entries->len, ==, 4);
  }

  /* Changes made elsewhere show in the editor. */
  annex_record_set_string (record, "owner", "IT lead");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (GTK_WIDGET (editor), "Owner"))),
                   ==, "IT lead");

  /* The History section lists the entries, newest first. */
  {
    GtkExpander *expander = GTK_EXPANDER (find_descendant (GTK_WIDGET (editor), GTK_TYPE_EXPANDER));
    GtkWidget *list;
    guint n_rows = 0;

    gtk_expander_set_expanded (expander, TRUE);
    list = find_descendant (GTK_WIDGET (expander), GTK_TYPE_LIST_BOX);
    for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
         row = gtk_widget_get_next_sibling (row))
      n_rows++;
    g_assert_cmpuint (n_rows, ==, 4);
  }

  /* Picking a day in the calendar popover fills the date in, saves at once and closes it. */
  {
    GtkWidget *menu_button = find_descendant (due_row, GTK_TYPE_MENU_BUTTON);
    GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button));
    GtkWidget *calendar = gtk_popover_get_child (popover);
    g_autoptr(GDateTime) day = g_date_time_new_local (2026, 4, 20, 0, 0, 0);

    gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
    iterate_main_loop ();
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
    gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
    iterate_main_loop ();
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "2026-04-20");
    g_assert_cmpstr (annex_record_get_string (record, "due-date"), ==, "2026-04-20");
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
    g_clear_pointer (&entries, g_ptr_array_unref);
    entries = annex_change_log_list (fixture.db, "actions", 2, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (entries->len, ==, 5);

    /* The clear button empties the date, saved at once too. */
    g_signal_emit_by_name (gtk_widget_get_next_sibling (menu_button), "clicked");
    g_assert_null (annex_record_get_string (record, "due-date"));
    g_clear_pointer (&entries, g_ptr_array_unref);
    entries = annex_change_log_list (fixture.db, "actions", 2, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (entries->len, ==, 6);
  }

  /* Closing the editor writes what is pending. */
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (editor), "Owner")), "CISO");
  iterate_main_loop ();
  g_assert_true (gtk_widget_activate_action (fixture.page, "register.close-editor", NULL));
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = annex_change_log_list (fixture.db, "actions", 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 7);
  g_assert_cmpuint (fixture.toasts->len, ==, 0);

  fixture_tear_down (&fixture);
}

static void
test_page_narrow (void)
{
  Fixture fixture = { 0 };
  AnnexRecordEditor *editor;
  AdwLeaflet *leaflet;
  GtkColumnView *view;
  GtkSingleSelection *selection;

  if (!require_display ())
    return;

  fixture_set_up_sized (&fixture, 5, 360);
  editor = get_editor (&fixture);
  leaflet = ADW_LEAFLET (find_descendant (fixture.page, ADW_TYPE_LEAFLET));
  view = GTK_COLUMN_VIEW (find_descendant (fixture.page, GTK_TYPE_COLUMN_VIEW));
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (view));
  g_assert_true (gtk_column_view_get_single_click_activate (view));

  /* Narrow, selecting (hovering) does not cover the list; activating opens the full-page editor. */
  gtk_single_selection_set_selected (selection, 2);
  g_assert_null (annex_record_editor_get_record (editor));
  g_signal_emit_by_name (view, "activate", 2);
  /* The leaflet folds at the next layout, when the editor pane has become visible. */
  wait_ms (300);
  g_assert_nonnull (annex_record_editor_get_record (editor));
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) ==
                 gtk_widget_get_ancestor (GTK_WIDGET (editor), GTK_TYPE_BOX));

  /* Back (Escape) returns to the list. */
  g_assert_true (gtk_widget_activate_action (fixture.page, "register.close-editor", NULL));
  g_assert_null (annex_record_editor_get_record (editor));
  g_assert_false (adw_leaflet_get_visible_child (leaflet) ==
                  gtk_widget_get_ancestor (GTK_WIDGET (editor), GTK_TYPE_BOX));

  fixture_tear_down (&fixture);
}

static void
test_editor_save_error (void)
{
  Fixture fixture = { 0 };
  AnnexRecordEditor *editor;
  AnnexRecord *record;
  GtkWidget *owner_row;
  AdwToast *toast;

  if (!require_display ())
    return;

  fixture_set_up (&fixture, 2);
  editor = get_editor (&fixture);
  record = annex_register_find (fixture.register_, 1);
  g_assert_true (annex_register_page_show_record (ANNEX_REGISTER_PAGE (fixture.page), 1));

  /* The workspace can no longer be written (as on a full or read-only disk). */
  annex_database_close (fixture.db);

  owner_row = find_row (GTK_WIDGET (editor), "Owner");
  gtk_editable_set_text (GTK_EDITABLE (owner_row), "Facilities");
  iterate_main_loop ();
  g_assert_false (annex_record_editor_flush (editor));

  /* A toast says why; nothing typed is lost. */
  g_assert_cmpuint (fixture.toasts->len, ==, 1);
  toast = g_ptr_array_index (fixture.toasts, 0);
  g_assert_cmpstr (adw_toast_get_title (toast), !=, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (owner_row)), ==, "Facilities");
  g_assert_cmpstr (annex_record_get_string (record, "owner"), ==, "Facilities");
  g_assert_true (annex_record_editor_get_record (editor) == record);

  fixture_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/annex/ui-logic/format-date", test_format_date);
  g_test_add_func ("/annex/ui-logic/format-timestamp", test_format_timestamp);
  g_test_add_func ("/annex/ui-logic/format-count", test_format_count);
  g_test_add_func ("/annex/ui-logic/reference-order", test_reference_order);
  g_test_add_func ("/annex/ui-logic/field-value", test_field_value);
  g_test_add_func ("/annex/ui-logic/overdue-tooltip", test_overdue_tooltip);
  g_test_add_func ("/annex/ui-logic/change-lines", test_change_lines);
  g_test_add_func ("/annex/ui-logic/change-lines-shortened", test_change_lines_shortened);
  g_test_add_func ("/annex/ui-logic/fallback-texts", test_fallback_texts);

  g_test_add_func ("/annex/ui/register-page/empty-and-loading", test_page_empty_and_loading);
  g_test_add_func ("/annex/ui/register-page/search-and-count", test_page_search_and_count);
  g_test_add_func ("/annex/ui/register-page/columns-and-sorting", test_page_columns_and_sorting);
  g_test_add_func ("/annex/ui/register-page/new-add-delete-undo", test_page_new_add_delete_undo);
  g_test_add_func ("/annex/ui/register-page/narrow", test_page_narrow);
  g_test_add_func ("/annex/ui/record-editor/autosave-and-history",
                   test_editor_autosave_and_history);
  g_test_add_func ("/annex/ui/record-editor/save-error", test_editor_save_error);

  return g_test_run ();
}
