/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-logic.c: the register page's pure "values → text" functions (headless, no GTK
 * initialisation), then the register page and record editor over a real workspace under a virtual
 * display (skipped without one). */

#define G_LOG_DOMAIN "test-ui-logic"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "annex-action.h"
#include "annex-bulk-edit-dialog.h"
#include "annex-change-log.h"
#include "annex-controls-view.h"
#include "annex-record-editor.h"
#include "annex-register-format.h"
#include "annex-register-page.h"
#include "annex-test-ui-util.h"
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
  g_autofree char *placeholder = annex_format_search_placeholder ();
  g_autofree char *empty = annex_format_empty_title ("Actions");
  g_autofree char *empty_none = annex_format_empty_title ("");

  /* The fallback names no register: "Search %s…" with a lowercased name is wrong in German. */
  g_assert_cmpstr (placeholder, ==, "Search…");
  g_assert_cmpstr (empty, ==, "No Actions Yet");
  g_assert_cmpstr (empty_none, ==, "Nothing Here Yet");
}

/* Controls: texts, info, rows, filters and bulk edits over a new workspace's controls */

typedef struct
{
  char          *dir;
  AnnexDatabase *db;
  AnnexRegister *controls;
  AnnexRegister *requirements;
} Workspace;

static void
workspace_open (Workspace *ws)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  ws->dir = annex_test_make_tmpdir ();
  path = g_build_filename (ws->dir, "controls.isms", NULL);
  ws->db = annex_database_create (path, "Test organization", &error);
  g_assert_no_error (error);
  ws->controls = annex_register_new (ws->db, ANNEX_TYPE_CONTROL);
  annex_register_load (ws->controls, &error);
  g_assert_no_error (error);
  ws->requirements = annex_register_new (ws->db, ANNEX_TYPE_REQUIREMENT);
  annex_register_load (ws->requirements, &error);
  g_assert_no_error (error);
}

static void
workspace_close (Workspace *ws)
{
  g_assert_finalize_object (g_steal_pointer (&ws->controls));
  g_assert_finalize_object (g_steal_pointer (&ws->requirements));
  annex_database_close (ws->db);
  g_clear_object (&ws->db);
  annex_test_rm_rf (ws->dir);
  g_clear_pointer (&ws->dir, g_free);
}

/* The item of @register_ with @reference (borrowed). */
static AnnexRecord *
find_reference (AnnexRegister *register_,
                const char    *reference)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (register_));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexRecord) record = g_list_model_get_item (G_LIST_MODEL (register_), i);

      if (g_strcmp0 (annex_record_get_reference (record), reference) == 0)
        return record;
    }

  g_assert_not_reached ();
}

static void
test_soa_summary_text (void)
{
  AnnexSoaSummary summary = {
    .total = 93, .applicable = 61, .excluded = 12, .undecided = 20, .implemented = 34,
    .no_reason = 5, .no_justification = 2, .no_plan = 9,
  };
  AnnexSoaSummary complete = { .total = 93, .applicable = 93, .implemented = 93 };
  AnnexSoaSummary one_gap = { .total = 2, .applicable = 1, .excluded = 1, .no_plan = 1 };
  g_autofree char *line = annex_soa_format_summary (&summary, FALSE);
  g_autofree char *gaps = annex_soa_format_gaps (&summary, FALSE);
  g_autofree char *no_gaps = annex_soa_format_gaps (&complete, FALSE);
  g_autofree char *one = annex_soa_format_gaps (&one_gap, FALSE);
  g_autofree char *markup = annex_soa_format_summary (&complete, TRUE);
  g_autofree char *gaps_markup = annex_soa_format_gaps (&summary, TRUE);

  g_assert_cmpstr (line, ==, "61 applicable · 12 excluded · 20 undecided · 34 implemented");
  g_assert_cmpstr (gaps, ==, "5 without a reason · 2 without a justification · 9 without a plan");
  g_assert_null (no_gaps);
  g_assert_cmpstr (one, ==, "1 without a plan");

  /* Each count is a link named after its part, except a zero; a part never wraps inside. */
  g_assert_cmpstr (markup, ==,
                   "<a href=\"applicable\">93\u00a0applicable</a> · 0\u00a0excluded · "
                   "0\u00a0undecided · <a href=\"implemented\">93\u00a0implemented</a>");
  g_assert_nonnull (strstr (gaps_markup, "<a href=\"no-justification\">2\u00a0without\u00a0a"
                                         "\u00a0justification</a>"));

  for (guint i = 0; i < ANNEX_SOA_N_PARTS; i++)
    {
      AnnexSoaPart part = ANNEX_SOA_N_PARTS;

      g_assert_true (annex_soa_part_from_name (annex_soa_part_get_name (i), &part));
      g_assert_cmpint (part, ==, i);
    }
  g_assert_false (annex_soa_part_from_name ("bogus", NULL));
  g_assert_false (annex_soa_part_from_name (NULL, NULL));
}

static void
test_control_issue_text (void)
{
  g_autofree char *none = annex_control_format_issues (ANNEX_CONTROL_ISSUE_NONE);
  g_autofree char *undecided = annex_control_format_issues (ANNEX_CONTROL_ISSUE_UNDECIDED);
  g_autofree char *two = annex_control_format_issues (ANNEX_CONTROL_ISSUE_NO_REASON |
                                                      ANNEX_CONTROL_ISSUE_NO_PLAN);
  g_autofree char *excluded = annex_control_format_issues (ANNEX_CONTROL_ISSUE_NO_JUSTIFICATION);

  /* No decision yet is work to do, not a gap worth a warning. */
  g_assert_null (none);
  g_assert_null (undecided);
  g_assert_cmpstr (two, ==, "Applicable, but no reason for including it is given.\n"
                            "Not implemented yet, and neither a target date nor an open action "
                            "says when it will be.");
  g_assert_cmpstr (excluded, ==, "Excluded, but the justification for excluding it is empty.");
}

static AnnexInfoItem *
info_item (GPtrArray  *items,
           guint       index)
{
  g_assert_cmpuint (index, <, items->len);
  return g_ptr_array_index (items, index);
}

static void
test_control_info (void)
{
  Workspace ws = { 0 };
  g_autoptr(GPtrArray) info = NULL;
  g_autoptr(GPtrArray) new_info = NULL;
  g_autoptr(GPtrArray) custom_info = NULL;
  g_autoptr(GPtrArray) requirement_info = NULL;
  g_autoptr(AnnexRecord) custom = NULL;
  AnnexControl *control;
  AnnexInfoItem *item;
  static const char * const attribute_labels[] = {
    "Control type", "Information security properties", "Cybersecurity concepts",
    "Operational capabilities", "Security domains",
  };

  workspace_open (&ws);

  /* 5.1: its theme as a tag, the guidance note, the five attributes, the 2013 ids. */
  control = ANNEX_CONTROL (find_reference (ws.controls, "5.1"));
  info = annex_control_dup_info (control);
  g_assert_cmpuint (info->len, ==, 8);
  item = info_item (info, 0);
  g_assert_cmpint (item->kind, ==, ANNEX_INFO_TAG);
  g_assert_cmpstr (item->value, ==, "Organizational");
  item = info_item (info, 1);
  g_assert_cmpint (item->kind, ==, ANNEX_INFO_NOTE);
  g_assert_cmpstr (item->value, ==, annex_control_get_guidance (control));
  g_assert_cmpuint (strlen (item->value), >, 20);
  for (guint i = 0; i < G_N_ELEMENTS (attribute_labels); i++)
    {
      item = info_item (info, 2 + i);
      g_assert_cmpint (item->kind, ==, ANNEX_INFO_PROPERTY);
      g_assert_cmpstr (item->label, ==, attribute_labels[i]);
      g_assert_cmpstr (item->value, !=, "");
    }
  g_assert_cmpstr (info_item (info, 2)->value, ==, "Preventive");
  item = info_item (info, 7);
  g_assert_cmpstr (item->label, ==, "Replaces (2013)");
  g_assert_cmpstr (item->value, ==, "A.5.1.1, A.5.1.2");
  /* The linked risks are a link section of the editor now (test-risks-view). */

  /* 8.12 is new in 2022: a tag, and it replaces nothing. */
  new_info = annex_control_dup_info (ANNEX_CONTROL (find_reference (ws.controls, "8.12")));
  g_assert_cmpstr (info_item (new_info, 0)->value, ==, "Technological");
  g_assert_cmpint (info_item (new_info, 1)->kind, ==, ANNEX_INFO_TAG);
  g_assert_cmpstr (info_item (new_info, 1)->value, ==, "New in 2022");
  g_assert_cmpstr (info_item (new_info, 8)->value, ==, "None: new in 2022");

  /* An organization's own control: a tag, no catalogue data. */
  custom = annex_register_new_record (ws.controls);
  custom_info = annex_control_dup_info (ANNEX_CONTROL (custom));
  g_assert_cmpuint (custom_info->len, ==, 1);
  g_assert_cmpstr (info_item (custom_info, 0)->value, ==, "Organization-specific");

  /* A requirement: the summary, the clause it belongs to, the documented information. */
  requirement_info = annex_requirement_dup_info (ANNEX_REQUIREMENT (find_reference (ws.requirements,
                                                                                    "6.1.2")));
  g_assert_cmpuint (requirement_info->len, ==, 3);
  g_assert_cmpint (info_item (requirement_info, 0)->kind, ==, ANNEX_INFO_NOTE);
  g_assert_cmpstr (info_item (requirement_info, 1)->label, ==, "Part of");
  g_assert_cmpstr (info_item (requirement_info, 1)->value, ==,
                   "6.1 Actions to address risks and opportunities");
  g_assert_cmpstr (info_item (requirement_info, 2)->label, ==, "Documented information");

  g_clear_object (&custom);
  workspace_close (&ws);
}

static gboolean
control_row_visible (AnnexRecord *record,
                     const char  *name)
{
  const AnnexField *field = annex_record_class_find_field (ANNEX_RECORD_GET_CLASS (record), name,
                                                           NULL);

  g_assert_nonnull (field);
  return annex_control_field_visible (record, field, NULL);
}

static void
test_control_rows (void)
{
  Workspace ws = { 0 };
  g_autoptr(AnnexRecord) custom = NULL;
  AnnexRecord *control;
  const AnnexField *field;
  static const char * const reasons[] = {
    "reason-risk", "reason-legal", "reason-contractual", "reason-business",
    "reason-best-practice",
  };

  workspace_open (&ws);
  control = find_reference (ws.controls, "5.1");

  /* The catalogue's title, theme and description of an Annex A control are not edited. */
  g_assert_false (control_row_visible (control, "title"));
  g_assert_false (control_row_visible (control, "theme"));
  g_assert_false (control_row_visible (control, "description"));
  g_assert_true (control_row_visible (control, "applicability"));
  g_assert_true (control_row_visible (control, "status"));

  /* The decision decides the rows that follow it. */
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    g_assert_false (control_row_visible (control, reasons[i]));
  g_assert_false (control_row_visible (control, "justification"));

  annex_record_set_string (control, "applicability", "applicable");
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    g_assert_true (control_row_visible (control, reasons[i]));
  g_assert_false (control_row_visible (control, "justification"));

  annex_record_set_string (control, "applicability", "excluded");
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    g_assert_false (control_row_visible (control, reasons[i]));
  g_assert_true (control_row_visible (control, "justification"));

  /* An organization's own control has its own title, theme and description. */
  custom = annex_register_new_record (ws.controls);
  g_assert_true (control_row_visible (custom, "title"));
  g_assert_true (control_row_visible (custom, "theme"));
  g_assert_true (control_row_visible (custom, "description"));

  /* The editor's sections. */
  field = annex_record_class_find_field (ANNEX_RECORD_GET_CLASS (control), "justification", NULL);
  g_assert_cmpstr (annex_control_field_group (field, NULL), ==, "Decision");
  field = annex_record_class_find_field (ANNEX_RECORD_GET_CLASS (control), "reason-legal", NULL);
  g_assert_cmpstr (annex_control_field_group (field, NULL), ==, "Reasons for Inclusion");
  field = annex_record_class_find_field (ANNEX_RECORD_GET_CLASS (control), "evidence", NULL);
  g_assert_cmpstr (annex_control_field_group (field, NULL), ==, "Implementation");
  field = annex_record_class_find_field (ANNEX_RECORD_GET_CLASS (control), "title", NULL);
  g_assert_null (annex_control_field_group (field, NULL));

  g_clear_object (&custom);
  workspace_close (&ws);
}

static guint
count_matches (AnnexRecordFilter *filter,
               AnnexRegister     *register_)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (register_));
  guint matched = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexRecord) record = g_list_model_get_item (G_LIST_MODEL (register_), i);

      if (gtk_filter_match (GTK_FILTER (filter), record))
        matched++;
    }

  return matched;
}

static void
on_filter_changed_cb (GtkFilter       *filter,
                      GtkFilterChange  change,
                      GArray          *changes)
{
  g_array_append_val (changes, change);
}

static GtkFilterChange
last_change (GArray *changes)
{
  g_assert_cmpuint (changes->len, >, 0);
  return g_array_index (changes, GtkFilterChange, changes->len - 1);
}

static gboolean
governance_match (AnnexRecord *record,
                  guint        choice,
                  gpointer     user_data)
{
  /* choice 0: governance, 1: continuity */
  AnnexControlFilter filter = ANNEX_CONTROL_FILTER_INIT;

  filter.attribute = ANNEX_CATALOGUE_ATTRIBUTE_CAPABILITY;
  filter.flag = choice == 0 ? ANNEX_OPERATIONAL_CAPABILITY_GOVERNANCE
                            : ANNEX_OPERATIONAL_CAPABILITY_CONTINUITY;
  return annex_control_matches_filter (ANNEX_CONTROL (record), &filter);
}

static void
test_filter_combination (void)
{
  Workspace ws = { 0 };
  g_autoptr(AnnexRecordFilter) filter = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (GtkFilterChange));
  g_autoptr(GTypeClass) klass = NULL;
  const char * const capability_choices[] = { "Governance", "Continuity", NULL };
  guint n_governance = 0;
  guint n_catalogue = 0;
  const AnnexCatalogueControl *catalogue = annex_catalogue_get_controls (&n_catalogue);

  for (guint i = 0; i < n_catalogue; i++)
    if (catalogue[i].capabilities & ANNEX_OPERATIONAL_CAPABILITY_GOVERNANCE)
      n_governance++;

  workspace_open (&ws);
  klass = g_type_class_ref (ANNEX_TYPE_CONTROL);
  filter = annex_record_filter_new ();
  g_signal_connect (filter, "changed", G_CALLBACK (on_filter_changed_cb), changes);

  /* The facets of the field table come first, then those added. */
  annex_record_filter_set_record_class (filter, ANNEX_RECORD_CLASS (klass));
  annex_record_filter_add_facet (filter, "capability", "Operational capabilities",
                                 capability_choices, governance_match, NULL, NULL);
  g_assert_cmpuint (annex_record_filter_get_n_facets (filter), ==, 4);
  g_assert_cmpstr (annex_record_filter_get_facet_name (filter, 0), ==, "theme");
  g_assert_cmpstr (annex_record_filter_get_facet_label (filter, 1), ==, "Applicability");
  g_assert_cmpstr (annex_record_filter_get_facet_choices (filter, 1)[2], ==, "Excluded");
  g_assert_cmpstr (annex_record_filter_get_facet_name (filter, 2), ==, "status");
  g_assert_cmpint (annex_record_filter_find_facet (filter, "capability"), ==, 3);
  g_assert_cmpint (annex_record_filter_find_facet (filter, "bogus"), ==, -1);

  /* Nothing set: the filter lets everything through without looking. */
  g_assert_cmpint (gtk_filter_get_strictness (GTK_FILTER (filter)), ==, GTK_FILTER_MATCH_ALL);
  g_assert_cmpuint (count_matches (filter, ws.controls), ==, 93);

  /* Theme People: 8; and the search on top: 1. */
  g_assert_true (annex_record_filter_set_facet (filter, "theme", 1));
  g_assert_cmpint (last_change (changes), ==, GTK_FILTER_CHANGE_MORE_STRICT);
  g_assert_cmpint (gtk_filter_get_strictness (GTK_FILTER (filter)), ==, GTK_FILTER_MATCH_SOME);
  g_assert_cmpuint (count_matches (filter, ws.controls), ==, 8);
  annex_record_filter_set_search (filter, "scr");
  g_assert_cmpint (last_change (changes), ==, GTK_FILTER_CHANGE_MORE_STRICT);
  annex_record_filter_set_search (filter, "Screening");
  g_assert_cmpint (last_change (changes), ==, GTK_FILTER_CHANGE_MORE_STRICT);
  g_assert_cmpuint (count_matches (filter, ws.controls), ==, 1);
  annex_record_filter_set_search (filter, "scre");
  g_assert_cmpint (last_change (changes), ==, GTK_FILTER_CHANGE_LESS_STRICT);
  annex_record_filter_set_search (filter, "terms");
  g_assert_cmpint (last_change (changes), ==, GTK_FILTER_CHANGE_DIFFERENT);
  annex_record_filter_set_search (filter, "   ");
  g_assert_cmpint (last_change (changes), ==, GTK_FILTER_CHANGE_LESS_STRICT);
  g_assert_null (annex_record_filter_get_query (filter));
  g_assert_cmpuint (count_matches (filter, ws.controls), ==, 8);

  /* Theme People and applicable: none yet; the filter follows the records' values. */
  g_assert_true (annex_record_filter_set_facet (filter, "applicability", 1));
  g_assert_cmpuint (annex_record_filter_get_n_active (filter), ==, 2);
  g_assert_cmpuint (count_matches (filter, ws.controls), ==, 0);
  annex_record_set_string (find_reference (ws.controls, "6.3"), "applicability", "applicable");
  g_assert_cmpuint (count_matches (filter, ws.controls), ==, 1);
  g_assert_true (annex_record_filter_set_facet (filter, "applicability", 2));
  g_assert_cmpint (last_change (changes), ==, GTK_FILTER_CHANGE_DIFFERENT);
  g_assert_cmpuint (count_matches (filter, ws.controls), ==, 0);
  g_assert_true (annex_record_filter_set_facet (filter, "applicability", ANNEX_FACET_ANY));
  g_assert_cmpint (last_change (changes), ==, GTK_FILTER_CHANGE_LESS_STRICT);
  g_assert_cmpuint (annex_record_filter_get_facet (filter, "applicability"), ==, ANNEX_FACET_ANY);

  /* An added facet combines the same way: governance over every theme. */
  annex_record_filter_set_facet (filter, "theme", ANNEX_FACET_ANY);
  g_assert_true (annex_record_filter_set_facet (filter, "capability", 0));
  g_assert_cmpuint (count_matches (filter, ws.controls), ==, n_governance);
  g_assert_cmpuint (annex_record_filter_get_facet (filter, "capability"), ==, 0);

  /* Unknown facets and choices are refused; setting the same choice changes nothing. */
  g_assert_false (annex_record_filter_set_facet (filter, "bogus", 0));
  g_assert_false (annex_record_filter_set_facet (filter, "capability", 2));
  g_array_set_size (changes, 0);
  g_assert_true (annex_record_filter_set_facet (filter, "capability", 0));
  g_assert_cmpuint (changes->len, ==, 0);

  /* Clearing the facets leaves everything through again. */
  annex_record_filter_clear_facets (filter);
  g_assert_cmpint (last_change (changes), ==, GTK_FILTER_CHANGE_LESS_STRICT);
  g_assert_cmpuint (annex_record_filter_get_n_active (filter), ==, 0);
  g_assert_cmpint (gtk_filter_get_strictness (GTK_FILTER (filter)), ==, GTK_FILTER_MATCH_ALL);
  g_assert_true (annex_record_filter_matches (filter, find_reference (ws.controls, "8.1")));

  /* Another record type replaces the field facets and keeps the added ones. */
  {
    g_autoptr(GTypeClass) action_class = g_type_class_ref (ANNEX_TYPE_ACTION);

    annex_record_filter_set_record_class (filter, ANNEX_RECORD_CLASS (action_class));
    g_assert_cmpuint (annex_record_filter_get_n_facets (filter), ==, 3);
    g_assert_cmpstr (annex_record_filter_get_facet_name (filter, 0), ==, "status");
    g_assert_cmpstr (annex_record_filter_get_facet_name (filter, 1), ==, "origin");
    g_assert_cmpstr (annex_record_filter_get_facet_name (filter, 2), ==, "capability");
  }

  g_signal_handlers_disconnect_by_func (filter, on_filter_changed_cb, changes);
  workspace_close (&ws);
}

static void
test_bulk_change (void)
{
  Workspace ws = { 0 };
  g_autoptr(AnnexBulkEdit) edit = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new ();
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) wrong = G_VALUE_INIT;
  AnnexRecord *a, *b, *c;
  gboolean reason = FALSE;

  workspace_open (&ws);
  a = find_reference (ws.controls, "5.1");
  b = find_reference (ws.controls, "5.2");
  c = find_reference (ws.controls, "5.3");
  g_ptr_array_add (records, a);
  g_ptr_array_add (records, b);
  g_ptr_array_add (records, c);
  annex_record_set_string (b, "applicability", "applicable");
  annex_record_set_string (c, "owner", "HR");

  edit = annex_bulk_edit_new (ANNEX_TYPE_CONTROL);
  g_assert_cmpuint (annex_bulk_edit_get_n_fields (edit), ==, 0);
  g_assert_cmpuint (annex_bulk_edit_count_changes (edit, records), ==, 0);

  /* Only the records whose value differs count: 5.2 is applicable already. */
  g_assert_true (annex_bulk_edit_set_string (edit, "applicability", "applicable"));
  g_assert_true (annex_bulk_edit_is_set (edit, "applicability"));
  g_assert_cmpuint (annex_bulk_edit_count_changes (edit, records), ==, 2);
  g_assert_true (annex_bulk_edit_set_boolean (edit, "reason-legal", TRUE));
  g_assert_cmpuint (annex_bulk_edit_count_changes (edit, records), ==, 3);
  g_assert_cmpuint (annex_bulk_edit_get_n_fields (edit), ==, 2);

  /* Unknown fields and values of the wrong type are refused, nothing set. */
  g_value_init (&wrong, G_TYPE_BOOLEAN);
  g_assert_false (annex_bulk_edit_set_value (edit, "owner", &wrong));
  g_assert_false (annex_bulk_edit_set_string (edit, "bogus", "x"));
  g_assert_false (annex_bulk_edit_is_set (edit, "owner"));

  /* An empty text clears the field; leaving it again is unset. */
  g_assert_true (annex_bulk_edit_set_string (edit, "owner", ""));
  g_assert_cmpuint (annex_bulk_edit_get_n_fields (edit), ==, 3);
  annex_bulk_edit_unset (edit, "owner");
  g_assert_cmpuint (annex_bulk_edit_get_n_fields (edit), ==, 2);
  g_assert_true (annex_bulk_edit_set_string (edit, "owner", ""));

  /* Applying: every record changed, snapshots of what they were. */
  changed = annex_bulk_edit_apply (edit, records, &before);
  g_assert_cmpuint (changed->len, ==, 3);
  g_assert_cmpuint (before->len, ==, 3);
  g_assert_true (g_ptr_array_index (changed, 0) == a);
  g_assert_true (g_ptr_array_index (changed, 2) == c);
  g_assert_cmpstr (annex_record_get_string (a, "applicability"), ==, "applicable");
  g_object_get (a, "reason-legal", &reason, NULL);
  g_assert_true (reason);
  g_assert_null (annex_record_get_string (c, "owner"));
  g_assert_cmpstr (annex_record_get_string (g_ptr_array_index (before, 0), "applicability"), ==,
                   "undecided");
  g_assert_cmpstr (annex_record_get_string (g_ptr_array_index (before, 2), "owner"), ==, "HR");
  /* Other fields are untouched. */
  g_assert_cmpstr (annex_record_get_string (a, "status"), ==, "not-started");
  g_assert_cmpuint (annex_bulk_edit_count_changes (edit, records), ==, 0);

  /* The values the records share. */
  {
    guint applicability = 0;
    guint theme = 0;

    annex_record_class_find_field (ANNEX_RECORD_GET_CLASS (a), "applicability", &applicability);
    annex_record_class_find_field (ANNEX_RECORD_GET_CLASS (a), "theme", &theme);
    g_assert_true (annex_bulk_edit_common_value (records, applicability, &value));
    g_assert_cmpstr (g_value_get_string (&value), ==, "applicable");
    g_value_unset (&value);
    g_assert_true (annex_bulk_edit_common_value (records, theme, NULL));
    g_ptr_array_add (records, find_reference (ws.controls, "8.1"));
    g_assert_false (annex_bulk_edit_common_value (records, theme, NULL));
    g_ptr_array_remove_index (records, 3);
  }

  /* Restoring gives each record its snapshot's values back. */
  annex_bulk_edit_restore (changed, before);
  g_assert_cmpstr (annex_record_get_string (a, "applicability"), ==, "undecided");
  g_assert_cmpstr (annex_record_get_string (b, "applicability"), ==, "applicable");
  g_assert_cmpstr (annex_record_get_string (c, "owner"), ==, "HR");
  g_object_get (a, "reason-legal", &reason, NULL);
  g_assert_false (reason);

  workspace_close (&ws);
}

static void
test_selection_texts (void)
{
  g_autofree char *one = annex_format_bulk_updated ("controls", 1);
  g_autofree char *seven = annex_format_bulk_updated ("controls", 7);
  g_autofree char *actions = annex_format_bulk_updated ("actions", 3);
  g_autofree char *requirements = annex_format_bulk_updated ("requirements", 2);
  g_autofree char *other = annex_format_bulk_updated ("risks", 4);
  g_autofree char *title = annex_format_bulk_title ("controls", 7);
  g_autofree char *title_other = annex_format_bulk_title (NULL, 2);
  g_autofree char *selected = annex_format_selected (7);
  g_autofree char *no_filters = annex_format_filters_tooltip (0);
  g_autofree char *filters = annex_format_filters_tooltip (2);

  g_assert_cmpstr (one, ==, "1 control updated");
  g_assert_cmpstr (seven, ==, "7 controls updated");
  g_assert_cmpstr (actions, ==, "3 actions updated");
  g_assert_cmpstr (requirements, ==, "2 requirements updated");
  g_assert_cmpstr (other, ==, "4 records updated");
  g_assert_cmpstr (title, ==, "Edit 7 Controls");
  g_assert_cmpstr (title_other, ==, "Edit 2 Records");
  g_assert_cmpstr (selected, ==, "7 selected");
  g_assert_cmpstr (no_filters, ==, "Filters (Shift+Ctrl+F)");
  g_assert_cmpstr (filters, ==, "Filters: 2 set (Shift+Ctrl+F)");
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
  annex_test_iterate_main_loop ();
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
  annex_test_iterate_main_loop ();
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
  return ANNEX_RECORD_EDITOR (annex_test_find_descendant (fixture->page, ANNEX_TYPE_RECORD_EDITOR));
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

  status = ADW_STATUS_PAGE (annex_test_find_descendant (fixture.page, ADW_TYPE_STATUS_PAGE));
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
  GtkColumnView *view = GTK_COLUMN_VIEW (annex_test_find_descendant (fixture->page, GTK_TYPE_COLUMN_VIEW));
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

  view = GTK_COLUMN_VIEW (annex_test_find_descendant (fixture.page, GTK_TYPE_COLUMN_VIEW));
  columns = gtk_column_view_get_columns (view);
  n = g_list_model_get_n_items (columns);
  /* The first column holds the check boxes of selection mode, hidden until then. */
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (titles) + 1);
  {
    g_autoptr(GtkColumnViewColumn) check = g_list_model_get_item (columns, 0);

    g_assert_false (gtk_column_view_column_get_visible (check));
    g_object_set (fixture.page, "selection-mode", TRUE, NULL);
    g_assert_true (gtk_column_view_column_get_visible (check));
    g_object_set (fixture.page, "selection-mode", FALSE, NULL);
    g_assert_false (gtk_column_view_column_get_visible (check));
  }
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, titles[i - 1]);
      g_assert_nonnull (gtk_column_view_column_get_sorter (column));
    }

  /* Reference, descending: numeric order, A-012 before A-002. */
  {
    g_autoptr(GtkColumnViewColumn) ref = g_list_model_get_item (columns, 1);

    gtk_column_view_sort_by_column (view, ref, GTK_SORT_DESCENDING);
    annex_test_iterate_main_loop ();
    g_assert_cmpstr (annex_record_get_reference (shown_item (&fixture, 0)), ==, "A-012");
    g_assert_cmpstr (annex_record_get_reference (shown_item (&fixture, 10)), ==, "A-002");
  }

  /* Status: in the declared order (open, in progress, done), not alphabetically. */
  {
    g_autoptr(GtkColumnViewColumn) status = g_list_model_get_item (columns, 5);

    gtk_column_view_sort_by_column (view, status, GTK_SORT_ASCENDING);
    annex_test_iterate_main_loop ();
    g_assert_cmpstr (annex_record_get_string (shown_item (&fixture, 0), "status"), ==, "open");
    g_assert_cmpstr (annex_record_get_string (shown_item (&fixture, 4), "status"), ==,
                     "in-progress");
    g_assert_cmpstr (annex_record_get_string (shown_item (&fixture, 11), "status"), ==, "done");
  }

  /* Due date: records without one come last. */
  {
    g_autoptr(GtkColumnViewColumn) due = g_list_model_get_item (columns, 4);

    gtk_column_view_sort_by_column (view, due, GTK_SORT_ASCENDING);
    annex_test_iterate_main_loop ();
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
    annex_test_iterate_main_loop ();
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

/* Presses Escape on the page: activates the page's shortcut for it, as the key would. */
static void
press_escape (GtkWidget *page)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (page);
  g_autoptr(GtkShortcutTrigger) escape = gtk_keyval_trigger_new (GDK_KEY_Escape, 0);
  gboolean activated = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !activated; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (!gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), escape))
            continue;

          activated = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                    GTK_SHORTCUT_ACTION_EXCLUSIVE, page,
                                                    gtk_shortcut_get_arguments (shortcut));
          break;
        }
    }

  g_assert_true (activated);
  annex_test_iterate_main_loop ();
}

static void
test_page_unsaved_draft (void)
{
  Fixture fixture = { 0 };
  AnnexRecordEditor *editor;
  g_autoptr(AnnexRecord) draft = NULL;
  GtkWidget *row;
  AdwToast *toast;

  if (!require_display ())
    return;

  fixture_set_up (&fixture, 3);
  editor = get_editor (&fixture);

  /* A valid draft left with Escape is added, as if Add had been pressed; no toast. */
  g_assert_true (gtk_widget_activate_action (fixture.page, "register.new", NULL));
  draft = g_object_ref (annex_record_editor_get_record (editor));
  row = find_row (GTK_WIDGET (editor), "Title (required)");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "Patch the mail server");
  annex_test_iterate_main_loop ();
  press_escape (fixture.page);
  g_assert_null (annex_record_editor_get_record (editor));
  g_assert_cmpint (annex_record_get_id (draft), !=, 0);
  g_assert_true (annex_register_find (fixture.register_, annex_record_get_id (draft)) == draft);
  g_assert_cmpstr (annex_record_get_string (draft, "title"), ==, "Patch the mail server");
  g_assert_cmpuint (get_uint (fixture.page, "n-total"), ==, 4);
  g_assert_cmpuint (fixture.toasts->len, ==, 0);
  g_clear_object (&draft);

  /* A valid draft left by selecting another row is added too. */
  g_assert_true (gtk_widget_activate_action (fixture.page, "register.new", NULL));
  draft = g_object_ref (annex_record_editor_get_record (editor));
  row = find_row (GTK_WIDGET (editor), "Title (required)");
  gtk_editable_set_text (GTK_EDITABLE (row), "Rotate the keys");
  annex_test_iterate_main_loop ();
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (gtk_column_view_get_model (
                                     GTK_COLUMN_VIEW (annex_test_find_descendant (fixture.page,
                                                                       GTK_TYPE_COLUMN_VIEW)))),
                                   0, TRUE);
  annex_test_iterate_main_loop ();
  g_assert_cmpint (annex_record_get_id (draft), !=, 0);
  g_assert_cmpuint (get_uint (fixture.page, "n-total"), ==, 5);
  g_assert_true (annex_record_editor_get_record (editor) != draft);
  g_assert_cmpuint (fixture.toasts->len, ==, 0);
  g_clear_object (&draft);
  g_assert_true (gtk_widget_activate_action (fixture.page, "register.close-editor", NULL));

  /* An invalid draft the user typed into (no title): discarded with a toast offering Undo. */
  g_assert_true (gtk_widget_activate_action (fixture.page, "register.new", NULL));
  draft = g_object_ref (annex_record_editor_get_record (editor));
  row = find_row (GTK_WIDGET (editor), "Owner");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "Dana");
  annex_test_iterate_main_loop ();
  g_assert_false (annex_record_editor_get_valid (editor));
  press_escape (fixture.page);
  g_assert_null (annex_record_editor_get_record (editor));
  g_assert_cmpint (annex_record_get_id (draft), ==, 0);
  g_assert_cmpuint (get_uint (fixture.page, "n-total"), ==, 5);
  g_assert_cmpuint (fixture.toasts->len, ==, 1);
  toast = g_ptr_array_index (fixture.toasts, 0);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Unsaved record discarded");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");

  /* Undo reopens the draft in the editor with what was typed. */
  g_signal_emit_by_name (toast, "button-clicked");
  annex_test_iterate_main_loop ();
  g_assert_true (annex_record_editor_get_record (editor) == draft);
  g_assert_cmpint (annex_record_get_id (draft), ==, 0);
  g_assert_cmpstr (annex_record_get_string (draft, "owner"), ==, "Dana");
  row = find_row (GTK_WIDGET (editor), "Owner");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Dana");
  g_assert_cmpuint (get_uint (fixture.page, "n-total"), ==, 5);
  g_signal_emit_by_name (toast, "dismissed");
  g_assert_null (g_object_get_data (G_OBJECT (toast), "annex-record"));

  /* Completed now, closing the editor adds it. */
  row = find_row (GTK_WIDGET (editor), "Title (required)");
  gtk_editable_set_text (GTK_EDITABLE (row), "Train the staff");
  annex_test_iterate_main_loop ();
  g_assert_true (gtk_widget_activate_action (fixture.page, "register.close-editor", NULL));
  g_assert_cmpint (annex_record_get_id (draft), !=, 0);
  g_assert_cmpstr (annex_record_get_string (draft, "owner"), ==, "Dana");
  g_assert_cmpuint (get_uint (fixture.page, "n-total"), ==, 6);
  g_assert_cmpuint (fixture.toasts->len, ==, 1);
  g_clear_object (&draft);

  /* An untouched draft goes silently. */
  g_assert_true (gtk_widget_activate_action (fixture.page, "register.new", NULL));
  draft = g_object_ref (annex_record_editor_get_record (editor));
  press_escape (fixture.page);
  g_assert_null (annex_record_editor_get_record (editor));
  g_assert_cmpint (annex_record_get_id (draft), ==, 0);
  g_assert_cmpuint (get_uint (fixture.page, "n-total"), ==, 6);
  g_assert_cmpuint (fixture.toasts->len, ==, 1);
  g_clear_object (&draft);

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
  annex_test_iterate_main_loop ();
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
  annex_test_iterate_main_loop ();
  g_assert_true (gtk_widget_has_css_class (title_row, "error"));
  g_assert_cmpstr (annex_record_get_string (record, "title"), ==, "Renamed action");
  g_assert_false (annex_record_editor_get_valid (editor));
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Renamed action");
  annex_test_iterate_main_loop ();
  g_assert_false (gtk_widget_has_css_class (title_row, "error"));

  /* A malformed date is refused the same way; a valid one saves. */
  due_row = find_row (GTK_WIDGET (editor), "Due date");
  entry = annex_test_find_descendant (due_row, GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "2026-02-30");
  annex_test_iterate_main_loop ();
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpstr (annex_record_get_string (record, "due-date"), ==, "2020-01-15");
  gtk_editable_set_text (GTK_EDITABLE (entry), "2026-03-05");
  annex_test_iterate_main_loop ();
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
    GtkExpander *expander = GTK_EXPANDER (annex_test_find_descendant (GTK_WIDGET (editor), GTK_TYPE_EXPANDER));
    GtkWidget *list;
    guint n_rows = 0;

    gtk_expander_set_expanded (expander, TRUE);
    list = annex_test_find_descendant (GTK_WIDGET (expander), GTK_TYPE_LIST_BOX);
    for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
         row = gtk_widget_get_next_sibling (row))
      n_rows++;
    g_assert_cmpuint (n_rows, ==, 4);
  }

  /* Picking a day in the calendar popover fills the date in, saves at once and closes it. */
  {
    GtkWidget *menu_button = annex_test_find_descendant (due_row, GTK_TYPE_MENU_BUTTON);
    GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button));
    GtkWidget *calendar = gtk_popover_get_child (popover);
    g_autoptr(GDateTime) day = g_date_time_new_local (2026, 4, 20, 0, 0, 0);

    gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
    annex_test_iterate_main_loop ();
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
    gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
    annex_test_iterate_main_loop ();
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
  annex_test_iterate_main_loop ();
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
  GtkSelectionModel *selection;

  if (!require_display ())
    return;

  fixture_set_up_sized (&fixture, 5, 360);
  editor = get_editor (&fixture);
  leaflet = ADW_LEAFLET (annex_test_find_descendant (fixture.page, ADW_TYPE_LEAFLET));
  view = GTK_COLUMN_VIEW (annex_test_find_descendant (fixture.page, GTK_TYPE_COLUMN_VIEW));
  selection = GTK_SELECTION_MODEL (gtk_column_view_get_model (view));
  g_assert_true (gtk_column_view_get_single_click_activate (view));

  /* Narrow, selecting (hovering) does not cover the list; activating opens the full-page editor. */
  gtk_selection_model_select_item (selection, 2, TRUE);
  g_assert_null (annex_record_editor_get_record (editor));
  g_signal_emit_by_name (view, "activate", 2);
  /* The leaflet folds at the next layout, when the editor pane has become visible: wait for
   * it (a slow machine or a sanitizer build may take more than a frame or two). */
  for (guint i = 0; i < 100 && !adw_leaflet_get_folded (leaflet); i++)
    wait_ms (100);
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

static GtkWidget *
find_label_containing (GtkWidget  *widget,
                       const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_label (GTK_LABEL (child)), text) != NULL)
        return child;

      found = find_label_containing (child, text);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_button_labelled (GtkWidget  *widget,
                      const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;

      found = find_button_labelled (child, label);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static AnnexBulkEditDialog *
find_bulk_dialog (void)
{
  AnnexBulkEditDialog *dialog = NULL;
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL && dialog == NULL; l = l->next)
    if (ANNEX_IS_BULK_EDIT_DIALOG (l->data))
      dialog = l->data;
  g_list_free (toplevels);

  return dialog;
}

static GPtrArray *
shown_items (Fixture *fixture,
             guint    first,
             guint    n)
{
  GPtrArray *records = g_ptr_array_new ();

  for (guint i = first; i < first + n; i++)
    g_ptr_array_add (records, shown_item (fixture, i));

  return records;
}

static void
test_page_multi_select_bulk (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GPtrArray) three = NULL;
  AnnexBulkEditDialog *dialog;
  GtkActionBar *bar;
  GtkWidget *status_row, *owner_row, *due_row, *check;
  AdwToast *toast;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  if (!require_display ())
    return;

  fixture_set_up (&fixture, 12);
  bar = GTK_ACTION_BAR (annex_test_find_descendant (fixture.page, GTK_TYPE_ACTION_BAR));
  g_assert_false (gtk_action_bar_get_revealed (bar));

  /* One selected: the editor shows it (wide); more: the editor makes way for the bar. */
  g_assert_true (annex_register_page_show_record (ANNEX_REGISTER_PAGE (fixture.page), 1));
  g_assert_nonnull (annex_record_editor_get_record (get_editor (&fixture)));
  three = shown_items (&fixture, 0, 3);
  g_assert_cmpuint (annex_register_page_select_records (ANNEX_REGISTER_PAGE (fixture.page), three),
                    ==, 3);
  g_assert_cmpuint (get_uint (fixture.page, "n-selected"), ==, 3);
  g_assert_true (gtk_action_bar_get_revealed (bar));
  g_assert_null (annex_record_editor_get_record (get_editor (&fixture)));
  {
    g_autoptr(GPtrArray) selected = NULL;

    selected = annex_register_page_dup_selected (ANNEX_REGISTER_PAGE (fixture.page));

    g_assert_cmpuint (selected->len, ==, 3);
    g_assert_true (g_ptr_array_index (selected, 2) == g_ptr_array_index (three, 2));
  }
  /* Delete acts on one record, not on a selection. */
  g_assert_false (gtk_widget_activate_action (fixture.page, "register.delete", NULL) &&
                  get_uint (fixture.page, "n-total") != 12);
  g_assert_cmpuint (get_uint (fixture.page, "n-total"), ==, 12);

  /* Edit…: the dialog offers the list's optional fields; nothing to apply yet. */
  g_assert_true (gtk_widget_activate_action (fixture.page, "register.edit-selected", NULL));
  dialog = find_bulk_dialog ();
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit 3 Actions");
  g_assert_null (find_row (GTK_WIDGET (dialog), "Title (required)"));
  g_assert_null (find_row (GTK_WIDGET (dialog), "Title"));
  status_row = find_row (GTK_WIDGET (dialog), "Status");
  owner_row = find_row (GTK_WIDGET (dialog), "Owner");
  due_row = find_row (GTK_WIDGET (dialog), "Due date (YYYY-MM-DD)");
  g_assert_nonnull (status_row);
  g_assert_nonnull (owner_row);
  g_assert_nonnull (due_row);
  g_assert_nonnull (find_row (GTK_WIDGET (dialog), "Origin"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (status_row)), ==, "Now: mixed");
  g_assert_false (annex_bulk_edit_dialog_apply (dialog));

  /* Choosing a status and typing an owner set them; a bad date blocks Apply until unticked. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (status_row), 3);
  gtk_editable_set_text (GTK_EDITABLE (owner_row), "Facilities");
  check = annex_test_find_descendant (owner_row, GTK_TYPE_CHECK_BUTTON);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_true (annex_bulk_edit_is_set (annex_bulk_edit_dialog_get_edit (dialog), "status"));
  g_assert_true (annex_bulk_edit_is_set (annex_bulk_edit_dialog_get_edit (dialog), "owner"));
  gtk_editable_set_text (GTK_EDITABLE (due_row), "2026-02-30");
  g_assert_true (gtk_widget_has_css_class (due_row, "error"));
  g_assert_false (annex_bulk_edit_dialog_apply (dialog));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (annex_test_find_descendant (due_row, GTK_TYPE_CHECK_BUTTON)),
                               FALSE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due_row)), ==, "");
  g_assert_false (annex_bulk_edit_is_set (annex_bulk_edit_dialog_get_edit (dialog), "due-date"));

  /* Apply: one transaction, the dialog closes, a toast with Undo. */
  g_assert_true (annex_bulk_edit_dialog_apply (dialog));
  annex_test_iterate_main_loop ();
  g_assert_null (dialog);
  for (guint i = 0; i < three->len; i++)
    {
      AnnexRecord *record = g_ptr_array_index (three, i);

      g_assert_cmpstr (annex_record_get_string (record, "status"), ==, "done");
      g_assert_cmpstr (annex_record_get_string (record, "owner"), ==, "Facilities");
    }
  entries = annex_change_log_list (fixture.db, "actions", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpuint (fixture.toasts->len, ==, 1);
  toast = g_ptr_array_index (fixture.toasts, 0);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "3 actions updated");

  /* Undo: the previous values, written as another transaction. */
  g_signal_emit_by_name (toast, "button-clicked");
  g_assert_cmpstr (annex_record_get_string (g_ptr_array_index (three, 0), "status"), ==, "open");
  g_assert_cmpstr (annex_record_get_string (g_ptr_array_index (three, 1), "status"), ==, "done");
  g_assert_cmpstr (annex_record_get_string (g_ptr_array_index (three, 2), "status"), ==,
                   "in-progress");
  g_assert_null (annex_record_get_string (g_ptr_array_index (three, 0), "owner"));
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = annex_change_log_list (fixture.db, "actions", 1, &error);
  g_assert_cmpuint (entries->len, ==, 3);
  g_signal_emit_by_name (toast, "dismissed");

  /* Escape clears the selection; the bar goes. */
  g_assert_true (gtk_widget_activate_action (fixture.page, "register.clear-selection", NULL));
  g_assert_cmpuint (get_uint (fixture.page, "n-selected"), ==, 0);
  g_assert_false (gtk_action_bar_get_revealed (bar));

  /* Selection mode: the check boxes select; the bar offers Edit… for one record too. */
  g_object_set (fixture.page, "selection-mode", TRUE, NULL);
  gtk_widget_activate_action (fixture.page, "register.select-all", NULL);
  g_assert_cmpuint (get_uint (fixture.page, "n-selected"), ==, 12);
  gtk_widget_activate_action (fixture.page, "register.clear-selection", NULL);
  {
    GtkColumnView *view = GTK_COLUMN_VIEW (annex_test_find_descendant (fixture.page, GTK_TYPE_COLUMN_VIEW));

    g_signal_emit_by_name (view, "activate", 4);
    g_assert_cmpuint (get_uint (fixture.page, "n-selected"), ==, 1);
    g_assert_true (gtk_action_bar_get_revealed (bar));
    g_assert_null (annex_record_editor_get_record (get_editor (&fixture)));
    g_signal_emit_by_name (view, "activate", 4);
    g_assert_cmpuint (get_uint (fixture.page, "n-selected"), ==, 0);
  }
  g_object_set (fixture.page, "selection-mode", FALSE, NULL);

  fixture_tear_down (&fixture);
}

static void
test_page_facets (void)
{
  Fixture fixture = { 0 };
  GtkWidget *filter_button;
  GtkLabel *count;

  if (!require_display ())
    return;

  fixture_set_up (&fixture, 12);
  count = find_count_label (fixture.page);

  /* The actions' status and origin are facets: done is every third action. */
  g_assert_true (annex_register_page_set_facet (ANNEX_REGISTER_PAGE (fixture.page), "status", 2));
  g_assert_cmpuint (get_uint (fixture.page, "n-shown"), ==, 4);
  g_assert_cmpuint (get_uint (fixture.page, "n-active-filters"), ==, 1);
  g_assert_cmpstr (gtk_label_get_label (count), ==, "4 of 12");
  filter_button = annex_test_find_descendant (fixture.page, GTK_TYPE_MENU_BUTTON);
  g_assert_true (gtk_widget_has_css_class (filter_button, "filters-active"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (filter_button), ==,
                   "Filters: 1 set (Shift+Ctrl+F)");

  /* The search combines with it. */
  annex_register_page_set_search_text (ANNEX_REGISTER_PAGE (fixture.page), "Action 1");
  /* Done: actions 2, 5, 8 and 11; with "1" in the reference or title: A-011 only. */
  g_assert_cmpuint (get_uint (fixture.page, "n-shown"), ==, 1);
  annex_register_page_set_search_text (ANNEX_REGISTER_PAGE (fixture.page), "");

  /* Nothing passes: the no-results page offers to clear the filters. */
  g_assert_true (annex_register_page_set_facet (ANNEX_REGISTER_PAGE (fixture.page), "origin", 3));
  g_assert_cmpuint (get_uint (fixture.page, "n-shown"), ==, 0);
  g_assert_cmpstr (visible_state (&fixture), ==, "no-results");
  g_assert_true (gtk_widget_activate_action (fixture.page, "register.clear-filters", NULL));
  g_assert_cmpuint (get_uint (fixture.page, "n-shown"), ==, 12);
  g_assert_cmpuint (get_uint (fixture.page, "n-active-filters"), ==, 0);
  g_assert_false (gtk_widget_has_css_class (filter_button, "filters-active"));
  g_assert_cmpstr (visible_state (&fixture), ==, "list");

  /* A record hidden by a filter is shown anyway when asked for. */
  annex_register_page_set_facet (ANNEX_REGISTER_PAGE (fixture.page), "status", 0);
  g_assert_true (annex_register_page_show_record (ANNEX_REGISTER_PAGE (fixture.page), 2));
  g_assert_cmpuint (get_uint (fixture.page, "n-active-filters"), ==, 0);
  g_assert_cmpuint (get_uint (fixture.page, "n-shown"), ==, 12);

  g_assert_false (annex_register_page_set_facet (ANNEX_REGISTER_PAGE (fixture.page), "bogus", 0));

  fixture_tear_down (&fixture);
}

/* The Controls view in a window over a new workspace: the control editor's rows follow the
 * decision, Annex A controls cannot be deleted, an organization's own control gets its id. */
static void
test_controls_editor (void)
{
  Workspace ws = { 0 };
  g_autoptr(GtkWidget) view = NULL;
  AnnexRegisterPage *page, *requirements_page;
  AnnexRecordEditor *editor;
  AnnexRecord *control;
  g_autoptr(AnnexRecord) custom = NULL;
  GtkWindow *window;
  GtkWidget *row;

  if (!require_display ())
    return;

  workspace_open (&ws);
  view = g_object_ref (annex_controls_view_new ());
  annex_controls_view_set_registers (ANNEX_CONTROLS_VIEW (view), ws.controls, ws.requirements,
                                     NULL);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1100, 700);
  gtk_window_set_child (window, view);
  gtk_window_present (window);
  annex_test_iterate_main_loop ();

  page = annex_controls_view_get_controls_page (ANNEX_CONTROLS_VIEW (view));
  editor = annex_register_page_get_editor (page);
  control = find_reference (ws.controls, "5.1");
  g_assert_cmpuint (annex_register_page_get_n_total (page), ==, 93);

  /* An Annex A control: catalogue rows hidden, the reasons and justification follow the
   * decision. */
  g_assert_true (annex_register_page_show_record (page, annex_record_get_id (control)));
  g_assert_true (annex_record_editor_get_record (editor) == control);
  g_assert_false (annex_record_editor_get_field_visible (editor, "catalogue"));
  g_assert_false (annex_record_editor_get_field_visible (editor, "title"));
  g_assert_true (annex_record_editor_get_field_visible (editor, "applicability"));
  g_assert_false (annex_record_editor_get_field_visible (editor, "reason-risk"));
  g_assert_false (annex_record_editor_get_field_visible (editor, "justification"));
  row = find_row (GTK_WIDGET (editor), "Applicability");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 2);
  g_assert_cmpstr (annex_record_get_string (control, "applicability"), ==, "excluded");
  g_assert_true (annex_record_editor_get_field_visible (editor, "justification"));
  g_assert_false (annex_record_editor_get_field_visible (editor, "reason-risk"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  g_assert_true (annex_record_editor_get_field_visible (editor, "reason-risk"));
  g_assert_false (annex_record_editor_get_field_visible (editor, "justification"));

  /* The summary follows the saved decision. */
  annex_controls_view_update (ANNEX_CONTROLS_VIEW (view));
  {
    g_autofree char *summary = annex_controls_view_dup_summary_text (ANNEX_CONTROLS_VIEW (view));

    g_assert_cmpstr (summary, ==, "1 applicable · 0 excluded · 92 undecided · 0 implemented\n"
                                  "1 without a reason · 1 without a plan");
  }

  /* Annex A controls stay: no Delete, a note says why. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (page), "register.delete", NULL) &&
                  annex_register_page_get_n_total (page) != 93);
  g_assert_cmpuint (annex_register_page_get_n_total (page), ==, 93);
  {
    GtkWidget *note = find_label_containing (GTK_WIDGET (editor), "excluded instead");

    g_assert_nonnull (note);
    g_assert_true (gtk_widget_get_visible (note));
    g_assert_false (gtk_widget_get_visible (find_button_labelled (GTK_WIDGET (editor),
                                                                  "_Delete")));
  }

  /* New: an Id row first; the control is added with the id typed. */
  g_assert_true (annex_register_page_get_can_add (page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "register.new", NULL));
  custom = g_object_ref (annex_record_editor_get_record (editor));
  row = find_row (GTK_WIDGET (editor), "Id (required)");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_true (annex_record_editor_get_field_visible (editor, "title"));
  g_assert_false (annex_record_editor_get_valid (editor));
  gtk_editable_set_text (GTK_EDITABLE (row), "ORG 1");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (row), "ORG-1");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (editor), "Title (required)")),
                         "Clean desk audits");
  annex_test_iterate_main_loop ();
  g_assert_true (annex_record_editor_get_valid (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "register.add", NULL));
  g_assert_cmpint (annex_record_get_id (custom), !=, 0);
  g_assert_cmpstr (annex_record_get_reference (custom), ==, "ORG-1");
  g_assert_cmpuint (annex_register_page_get_n_total (page), ==, 94);
  g_assert_false (gtk_widget_get_visible (row));

  /* The requirements: no New. */
  requirements_page = annex_controls_view_get_requirements_page (ANNEX_CONTROLS_VIEW (view));
  g_assert_false (annex_register_page_get_can_add (requirements_page));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (requirements_page), "register.new",
                                              NULL) &&
                  annex_record_editor_get_record (annex_register_page_get_editor (
                    requirements_page)) != NULL);

  gtk_window_destroy (window);
  annex_test_iterate_main_loop ();
  g_assert_finalize_object (g_steal_pointer (&view));
  g_clear_object (&custom);
  workspace_close (&ws);
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
  annex_test_iterate_main_loop ();
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
  g_test_add_func ("/annex/ui-logic/soa-summary-text", test_soa_summary_text);
  g_test_add_func ("/annex/ui-logic/control-issue-text", test_control_issue_text);
  g_test_add_func ("/annex/ui-logic/control-info", test_control_info);
  g_test_add_func ("/annex/ui-logic/control-rows", test_control_rows);
  g_test_add_func ("/annex/ui-logic/filter-combination", test_filter_combination);
  g_test_add_func ("/annex/ui-logic/bulk-change", test_bulk_change);
  g_test_add_func ("/annex/ui-logic/selection-texts", test_selection_texts);

  g_test_add_func ("/annex/ui/register-page/empty-and-loading", test_page_empty_and_loading);
  g_test_add_func ("/annex/ui/register-page/search-and-count", test_page_search_and_count);
  g_test_add_func ("/annex/ui/register-page/columns-and-sorting", test_page_columns_and_sorting);
  g_test_add_func ("/annex/ui/register-page/new-add-delete-undo", test_page_new_add_delete_undo);
  g_test_add_func ("/annex/ui/register-page/unsaved-draft", test_page_unsaved_draft);
  g_test_add_func ("/annex/ui/register-page/narrow", test_page_narrow);
  g_test_add_func ("/annex/ui/record-editor/autosave-and-history",
                   test_editor_autosave_and_history);
  g_test_add_func ("/annex/ui/record-editor/save-error", test_editor_save_error);
  g_test_add_func ("/annex/ui/register-page/multi-select-bulk", test_page_multi_select_bulk);
  g_test_add_func ("/annex/ui/register-page/facets", test_page_facets);
  g_test_add_func ("/annex/ui/controls/editor", test_controls_editor);

  return g_test_run ();
}
