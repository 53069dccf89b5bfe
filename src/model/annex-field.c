/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-field.c: helpers over one field declaration: its choices and date syntax. */

#define G_LOG_DOMAIN "annex-field"

#include "config.h"

#include <string.h>

#include "annex-field.h"

const char *
annex_field_get_choice_label (const AnnexField *field,
                              const char       *nick)
{
  int index;

  g_return_val_if_fail (field != NULL, NULL);

  index = annex_field_get_choice_index (field, nick);
  if (index < 0)
    return NULL;

  return field->choices[index].label;
}

int
annex_field_get_choice_index (const AnnexField *field,
                              const char       *nick)
{
  g_return_val_if_fail (field != NULL, -1);

  if (nick == NULL || field->choices == NULL)
    return -1;

  for (int i = 0; field->choices[i].nick != NULL; i++)
    {
      if (strcmp (field->choices[i].nick, nick) == 0)
        return i;
    }

  return -1;
}

guint
annex_field_get_n_choices (const AnnexField *field)
{
  guint n = 0;

  g_return_val_if_fail (field != NULL, 0);

  if (field->choices == NULL)
    return 0;

  while (field->choices[n].nick != NULL)
    n++;

  return n;
}

gboolean
annex_field_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text++)
    {
      if (!g_ascii_isspace (*text))
        return FALSE;
    }

  return TRUE;
}

static gboolean
parse_digits (const char *text,
              guint       n_digits,
              guint      *out_value)
{
  guint value = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (guint) (text[i] - '0');
    }

  *out_value = value;
  return TRUE;
}

gboolean
annex_field_date_is_valid (const char *text)
{
  guint year, month, day;

  /* Strictly "YYYY-MM-DD": no sign, no spaces, no time part, no shorter forms. */
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  if (!parse_digits (text, 4, &year) ||
      !parse_digits (text + 5, 2, &month) ||
      !parse_digits (text + 8, 2, &day))
    return FALSE;

  if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31)
    return FALSE;

  return g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

char *
annex_field_dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}
