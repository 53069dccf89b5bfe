/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-register-format.h: pure "values → text" functions behind the register page and the record
 * editor (dates, counts, reference order, change summaries), kept free of widgets so that they are
 * tested headless. */

#pragma once

#include <glib-object.h>

#include "annex-field.h"

G_BEGIN_DECLS

/* "2026-03-05" → "5 Mar 2026" in the user's language; NULL when @iso_date is NULL, empty or not a
 * valid calendar date. */
char      *annex_format_date                (const char       *iso_date);

/* An ISO 8601 timestamp ("2026-11-28T06:29:31.123456Z") → "28 Nov 2026, 06:29" in @tz (NULL: the
 * local time zone); NULL when it cannot be parsed. */
char      *annex_format_timestamp           (const char       *iso8601,
                                             GTimeZone        *tz);

/* The count beside the search entry: "12 of 40". */
char      *annex_format_count               (guint             n_shown,
                                             guint             n_total);

/* Natural order of references, so that "A-002" < "A-010" and "A-9" < "A-10": runs of digits
 * compare by value, everything else by (ASCII case-insensitive) character. NULL sorts first. */
int        annex_format_compare_references  (const char       *a,
                                             const char       *b);

/* The text a list cell or summary shows for @value of @field: a CHOICE's translated label, a DATE
 * formatted with annex_format_date(), an INT in decimal, a BOOL as "Yes"/"No", text as is. Empty
 * values give "". */
char      *annex_format_field_value         (const AnnexField *field,
                                             const GValue     *value);

/* The "Overdue since …" tooltip for a record due on @iso_due. */
char      *annex_format_overdue_tooltip     (const char       *iso_due);

/* One line per field whose value differs between the JSON objects @before_json and @after_json
 * (keyed by column, as in the change history), in field-table order: "Status: Open → Done".
 * Long text fields give "Description changed". Unknown keys are skipped. Returns an empty
 * vector when either side is missing or not a JSON object. */
char     **annex_format_change_lines        (const AnnexField *fields,
                                             guint             n_fields,
                                             const char       *before_json,
                                             const char       *after_json);

/* The search entry's placeholder of a page not given its own: a generic "Search…" (each page
 * sets a whole sentence, "Search actions…"). */
char      *annex_format_search_placeholder  (void);
/* The title of an empty register derived from a page's title ("Actions") when the page was not
 * given its own: "No Actions Yet". */
char      *annex_format_empty_title         (const char       *title);

/* The selection bar's label: "7 selected". */
char      *annex_format_selected            (guint             n_selected);
/* The filter button's tooltip: "Filters (Shift+Ctrl+F)", "Filters: 2 set (Shift+Ctrl+F)". */
char      *annex_format_filters_tooltip     (guint             n_active);
/* After a bulk edit of @n records of the register in @table: "7 controls updated" (a generic
 * "7 records updated" for a table without its own sentence). */
char      *annex_format_bulk_updated        (const char       *table,
                                             guint             n);
/* The bulk edit dialog's title: "Edit 7 Controls". */
char      *annex_format_bulk_title          (const char       *table,
                                             guint             n);

G_END_DECLS
