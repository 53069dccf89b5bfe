/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-register-format.c: pure formatting and ordering functions for register pages and
 * editors. */

#define G_LOG_DOMAIN "annex-register-format"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "annex-register-format.h"

/* A value in the change summary longer than this is shortened with an ellipsis. */
#define SUMMARY_MAX_CHARS 48

static GDateTime *
parse_iso_date (const char *iso_date)
{
  guint year, month, day;

  if (iso_date == NULL || strlen (iso_date) != 10 || iso_date[4] != '-' || iso_date[7] != '-')
    return NULL;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (iso_date[i]))
      return NULL;

  year = g_ascii_digit_value (iso_date[0]) * 1000 + g_ascii_digit_value (iso_date[1]) * 100 +
         g_ascii_digit_value (iso_date[2]) * 10 + g_ascii_digit_value (iso_date[3]);
  month = g_ascii_digit_value (iso_date[5]) * 10 + g_ascii_digit_value (iso_date[6]);
  day = g_ascii_digit_value (iso_date[8]) * 10 + g_ascii_digit_value (iso_date[9]);
  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return NULL;

  return g_date_time_new_utc (year, month, day, 0, 0, 0);
}

char *
annex_format_date (const char *iso_date)
{
  g_autoptr(GDateTime) dt = parse_iso_date (iso_date);

  if (dt == NULL)
    return NULL;

  /* Translators: how a date is shown in lists and the editor (g_date_time_format() syntax);
   * "%-d %b %Y" gives "5 Mar 2026". */
  return g_date_time_format (dt, _("%-d %b %Y"));
}

char *
annex_format_timestamp (const char *iso8601,
                        GTimeZone  *tz)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GTimeZone) local_tz = NULL;

  if (iso8601 == NULL || *iso8601 == '\0')
    return NULL;

  utc = g_date_time_new_from_iso8601 (iso8601, NULL);
  if (utc == NULL)
    return NULL;

  if (tz == NULL)
    tz = local_tz = g_time_zone_new_local ();
  local = g_date_time_to_timezone (utc, tz);

  /* Translators: a date and time in the change history (g_date_time_format() syntax);
   * "%-d %b %Y, %H:%M" gives "28 Nov 2026, 06:29". */
  return g_date_time_format (local, _("%-d %b %Y, %H:%M"));
}

char *
annex_format_count (guint n_shown,
                    guint n_total)
{
  /* Translators: records shown by the search out of all records, e.g. "12 of 40". */
  return g_strdup_printf (_("%u of %u"), n_shown, n_total);
}

int
annex_format_compare_references (const char *a,
                                 const char *b)
{
  if (a == b)
    return 0;
  if (a == NULL)
    return -1;
  if (b == NULL)
    return 1;

  while (*a != '\0' && *b != '\0')
    {
      if (g_ascii_isdigit (*a) && g_ascii_isdigit (*b))
        {
          const char *da = a, *db = b;
          gsize la, lb, za, zb;
          int cmp;

          /* Skip leading zeros, then a longer run of significant digits is the larger number. */
          while (*da == '0')
            da++;
          while (*db == '0')
            db++;
          za = da - a;
          zb = db - b;
          for (la = 0; g_ascii_isdigit (da[la]); la++)
            ;
          for (lb = 0; g_ascii_isdigit (db[lb]); lb++)
            ;
          if (la != lb)
            return la < lb ? -1 : 1;
          cmp = memcmp (da, db, la);
          if (cmp != 0)
            return cmp < 0 ? -1 : 1;
          /* Equal values: "A-2" before "A-002", so that the order stays total. */
          if (za != zb)
            return za < zb ? -1 : 1;
          a = da + la;
          b = db + lb;
        }
      else
        {
          int ca = g_ascii_tolower ((guchar) *a);
          int cb = g_ascii_tolower ((guchar) *b);

          if (ca != cb)
            return ca < cb ? -1 : 1;
          a++;
          b++;
        }
    }

  if (*a == *b)
    return 0;
  return *a == '\0' ? -1 : 1;
}

static const char *
choice_label (const AnnexField *field,
              const char       *nick)
{
  if (field->choices == NULL || nick == NULL)
    return NULL;

  for (guint i = 0; field->choices[i].nick != NULL; i++)
    if (g_str_equal (field->choices[i].nick, nick))
      return field->choices[i].label;

  return NULL;
}

/* The display text of a raw string value of @field (a choice nick, an ISO date, text). */
static char *
format_string_value (const AnnexField *field,
                     const char       *text)
{
  if (text == NULL || *text == '\0')
    return g_strdup ("");

  switch (field->type)
    {
    case ANNEX_FIELD_CHOICE:
      {
        const char *label = choice_label (field, text);

        /* An unknown nick (a newer file, a manual edit) is shown as stored, never dropped. */
        return g_strdup (label != NULL ? _(label) : text);
      }

    case ANNEX_FIELD_DATE:
      {
        char *date = annex_format_date (text);

        return date != NULL ? date : g_strdup (text);
      }

    case ANNEX_FIELD_TEXT:
    case ANNEX_FIELD_LONG_TEXT:
    case ANNEX_FIELD_INT:
    case ANNEX_FIELD_BOOL:
    default:
      return g_strdup (text);
    }
}

char *
annex_format_field_value (const AnnexField *field,
                          const GValue     *value)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (value == NULL || !G_IS_VALUE (value))
    return g_strdup ("");

  if (G_VALUE_HOLDS_STRING (value))
    return format_string_value (field, g_value_get_string (value));
  if (G_VALUE_HOLDS_INT64 (value))
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));
  if (G_VALUE_HOLDS_INT (value))
    return g_strdup_printf ("%d", g_value_get_int (value));
  if (G_VALUE_HOLDS_BOOLEAN (value))
    return g_strdup (g_value_get_boolean (value) ? _("Yes") : _("No"));

  return g_strdup ("");
}

char *
annex_format_overdue_tooltip (const char *iso_due)
{
  g_autofree char *date = annex_format_date (iso_due);

  if (date == NULL)
    return g_strdup (_("Overdue"));

  /* Translators: tooltip of an overdue record; %s is its due date, e.g. "5 Mar 2026". */
  return g_strdup_printf (_("Overdue since %s"), date);
}

/* The stored value of @node as text, for comparison and display: NULL for null or missing. */
static char *
node_to_text (const AnnexField *field,
              JsonNode         *node)
{
  GType type;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? _("Yes") : _("No"));
  if (type == G_TYPE_INT64)
    {
      gint64 v = json_node_get_int (node);

      if (field->type == ANNEX_FIELD_BOOL)
        return g_strdup (v != 0 ? _("Yes") : _("No"));
      return g_strdup_printf ("%" G_GINT64_FORMAT, v);
    }
  if (type == G_TYPE_DOUBLE)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      return g_strdup (g_ascii_dtostr (buf, sizeof buf, json_node_get_double (node)));
    }

  return NULL;
}

/* @text on one line, shortened to SUMMARY_MAX_CHARS characters. */
static char *
shorten (const char *text)
{
  g_autofree char *one_line = g_strdup (text);
  glong len;

  g_strdelimit (one_line, "\r\n\t", ' ');
  len = g_utf8_strlen (one_line, -1);
  if (len <= SUMMARY_MAX_CHARS)
    return g_steal_pointer (&one_line);

  {
    const char *end = g_utf8_offset_to_pointer (one_line, SUMMARY_MAX_CHARS - 1);
    g_autofree char *head = g_strndup (one_line, end - one_line);

    return g_strconcat (g_strchomp (head), "…", NULL);
  }
}

static char *
summary_value (const AnnexField *field,
               const char       *raw)
{
  g_autofree char *display = NULL;

  if (raw == NULL || *raw == '\0')
    return g_strdup ("—");

  display = format_string_value (field, raw);
  return shorten (display);
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *json)
{
  JsonNode *root;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  return json_object_ref (json_node_get_object (root));
}

char **
annex_format_change_lines (const AnnexField *fields,
                           guint             n_fields,
                           const char       *before_json,
                           const char       *after_json)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(JsonParser) before_parser = json_parser_new ();
  g_autoptr(JsonParser) after_parser = json_parser_new ();
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;

  g_return_val_if_fail (fields != NULL || n_fields == 0, NULL);

  before = parse_object (before_parser, before_json);
  after = parse_object (after_parser, after_json);
  if (before == NULL || after == NULL)
    return g_strv_builder_end (builder);

  for (guint i = 0; i < n_fields; i++)
    {
      const AnnexField *field = &fields[i];
      g_autofree char *old_text = NULL;
      g_autofree char *new_text = NULL;
      g_autofree char *line = NULL;

      if (!json_object_has_member (before, field->column) &&
          !json_object_has_member (after, field->column))
        continue;

      old_text = node_to_text (field, json_object_get_member (before, field->column));
      new_text = node_to_text (field, json_object_get_member (after, field->column));

      /* NULL and "" are both "empty": not a change worth a line. */
      if (g_strcmp0 (old_text != NULL ? old_text : "", new_text != NULL ? new_text : "") == 0)
        continue;

      if (field->type == ANNEX_FIELD_LONG_TEXT)
        {
          /* Translators: a change-history line for a long text field, e.g.
           * "Description changed". */
          line = g_strdup_printf (_("%s changed"), _(field->label));
        }
      else
        {
          g_autofree char *old_display = summary_value (field, old_text);
          g_autofree char *new_display = summary_value (field, new_text);

          /* Translators: a change-history line: field, old value, new value, e.g.
           * "Status: Open → Done". */
          line = g_strdup_printf (_("%s: %s → %s"), _(field->label), old_display, new_display);
        }

      g_strv_builder_add (builder, line);
    }

  return g_strv_builder_end (builder);
}

char *
annex_format_search_placeholder (void)
{
  /* A register's name cannot be put into a sentence for every language (German capitalizes
   * nouns, other languages inflect them): pages set their own "search-placeholder", and the
   * fallback names no register. */
  return g_strdup (_("Search…"));
}

char *
annex_format_empty_title (const char *title)
{
  if (title == NULL || *title == '\0')
    return g_strdup (_("Nothing Here Yet"));

  /* Translators: title of an empty register, %s is its name, e.g. "No Actions Yet". Pages may
   * set their own text instead. */
  return g_strdup_printf (_("No %s Yet"), title);
}

char *
annex_format_selected (guint n_selected)
{
  /* Translators: the bar below a register list when records are selected. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u selected", "%u selected", n_selected),
                          n_selected);
}

char *
annex_format_filters_tooltip (guint n_active)
{
  if (n_active == 0)
    return g_strdup (_("Filters (Shift+Ctrl+F)"));

  /* Translators: the tooltip of the filter button when filters are set. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Filters: %u set (Shift+Ctrl+F)",
                                       "Filters: %u set (Shift+Ctrl+F)", n_active),
                          n_active);
}

char *
annex_format_bulk_updated (const char *table,
                           guint       n)
{
  /* A sentence per register: other languages decline the noun with the number. */
  if (g_strcmp0 (table, "controls") == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u control updated",
                                         "%u controls updated", n), n);
  if (g_strcmp0 (table, "requirements") == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u requirement updated",
                                         "%u requirements updated", n), n);
  if (g_strcmp0 (table, "actions") == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action updated",
                                         "%u actions updated", n), n);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record updated",
                                       "%u records updated", n), n);
}

char *
annex_format_bulk_title (const char *table,
                         guint       n)
{
  /* Translators: the title of the bulk edit dialog, e.g. "Edit 7 Controls". */
  if (g_strcmp0 (table, "controls") == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Edit %u Control",
                                         "Edit %u Controls", n), n);
  if (g_strcmp0 (table, "requirements") == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Edit %u Requirement",
                                         "Edit %u Requirements", n), n);
  if (g_strcmp0 (table, "actions") == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Edit %u Action",
                                         "Edit %u Actions", n), n);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Edit %u Record",
                                       "Edit %u Records", n), n);
}
