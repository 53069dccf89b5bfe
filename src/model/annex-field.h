/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-field.h: the declaration of one field of a record type. A record type's static table of
 * fields drives its GObject properties, its SQL, its change-history capture, its list columns and
 * its editor rows. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  ANNEX_FIELD_TEXT,       /* one line of text; property type string */
  ANNEX_FIELD_LONG_TEXT,  /* several lines; property type string */
  ANNEX_FIELD_DATE,       /* "YYYY-MM-DD" or NULL; property type string */
  ANNEX_FIELD_CHOICE,     /* one nick of @choices; property type string; stored as the nick */
  ANNEX_FIELD_INT,        /* property type gint64 */
  ANNEX_FIELD_BOOL,       /* property type gboolean; stored as 0/1 */
} AnnexFieldType;

typedef enum
{
  ANNEX_FIELD_FLAG_NONE       = 0,
  ANNEX_FIELD_FLAG_REQUIRED   = 1 << 0,  /* an empty value is refused on save */
  ANNEX_FIELD_FLAG_LIST       = 1 << 1,  /* shown as a column in the register list */
  ANNEX_FIELD_FLAG_SEARCHABLE = 1 << 2,  /* matched by the register's search filter */
  ANNEX_FIELD_FLAG_FILTER     = 1 << 3,  /* CHOICE: offered as a filter on the register page */
  ANNEX_FIELD_FLAG_READ_ONLY  = 1 << 4,  /* set by Annex, never by the user: editors show it at
                                          * most; the register refuses to save a changed value
                                          * or to add a record whose value is not the default */
} AnnexFieldFlags;

typedef struct
{
  const char *nick;    /* stored value, e.g. "in-progress" */
  const char *label;   /* N_("In progress"): translate with _() when shown */
} AnnexFieldChoice;

typedef struct
{
  const char             *name;           /* property name, kebab-case: "due-date" */
  const char             *column;         /* SQL column: "due_date" (a trusted identifier) */
  AnnexFieldType          type;
  const char             *label;          /* N_("Due date"): translate with _() when shown */
  AnnexFieldFlags         flags;
  const AnnexFieldChoice *choices;        /* ANNEX_FIELD_CHOICE: terminated by { NULL, NULL } */
  const char             *default_value;  /* for TEXT/CHOICE/DATE: a string; INT/BOOL: parsed */
} AnnexField;

/* The label of @nick in @field's choices (untranslated), or NULL. */
const char *annex_field_get_choice_label (const AnnexField *field,
                                          const char       *nick);
/* Index of @nick in @field's choices, or -1. */
int         annex_field_get_choice_index (const AnnexField *field,
                                          const char       *nick);
guint       annex_field_get_n_choices    (const AnnexField *field);

/* TRUE when @text is NULL, empty or only ASCII white space (a required field left blank). */
gboolean    annex_field_text_is_blank    (const char       *text);

/* TRUE when @text is a valid "YYYY-MM-DD" calendar date. */
gboolean    annex_field_date_is_valid    (const char       *text);
/* Today's local date as "YYYY-MM-DD" (the form of every DATE field); free with g_free(). */
char       *annex_field_dup_today        (void);

G_END_DECLS
