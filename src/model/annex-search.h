/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-search.h: "search everywhere": one query over every register of a workspace, by
 * reference and by the text of the searchable fields, with the matches grouped by register.
 * Straight from SQL (parameter-bound LIKE patterns), so it needs no register loaded and stays
 * fast on large registers; nothing is written. */

#pragma once

#include <gio/gio.h>

#include "annex-database.h"

G_BEGIN_DECLS

/* One matching record. */
typedef struct
{
  char   *table;      /* the register table: one of annex_database_get_register_tables() */
  gint64  id;
  char   *reference;  /* "R-004", "5.15" */
  char   *title;      /* one line saying what the record is (its title, name or the first line
                       * of its main text; a translated catalogue title for Annex A controls
                       * and clause requirements), or NULL */
} AnnexSearchHit;

/* The matches in one register, in id order, except that a record whose reference equals the
 * whole query comes first. */
typedef struct
{
  const char *table;     /* static string */
  const char *label;     /* translated register name ("Risks", "Interested Parties") */
  GPtrArray  *hits;      /* of AnnexSearchHit, at most the limit */
  gboolean    has_more;  /* more records matched than the limit */
} AnnexSearchGroup;

void        annex_search_hit_free        (AnnexSearchHit   *hit);
void        annex_search_group_free      (AnnexSearchGroup *group);

/* The translated name of the register @table (one of annex_database_get_register_tables()), or
 * NULL for an unknown table. */
const char *annex_search_get_register_label (const char *table);

/* Searches every register of @db for @text as the user typed it: each word (split at white
 * space; at most 16 words are used) must occur, ignoring case, in the record's reference or
 * in one of its searchable text fields (a record matches when all words match somewhere in
 * it). A word with non-ASCII letters is compared casefolded ("ÜBER" finds "über"); a word
 * typed in ASCII is compared by LIKE, ignoring ASCII case, which keeps large registers fast
 * (so "strasse" does not find "Straße", while "straße" does). LIKE wildcards and the escape character in @text ("%", "_",
 * "\") match only themselves. @max_per_register: at most this many hits per register (at least
 * 1). Returns the non-empty groups in register order (annex_database_get_register_tables()), as
 * a GPtrArray of AnnexSearchGroup that frees them; empty for a blank @text. NULL with @error set
 * when a query fails. Runs on the thread that uses @db. */
GPtrArray  *annex_search_run             (AnnexDatabase   *db,
                                          const char      *text,
                                          guint            max_per_register,
                                          GError         **error);

/* The same on a worker thread through a read-only connection of its own to the workspace file
 * at @path (what is committed there), so the caller's thread never waits for SQLite. Finish
 * returns the groups (transfer full) or NULL with the error (G_IO_ERROR_CANCELLED when
 * @cancellable was cancelled before the result was ready). */
void        annex_search_run_async       (const char          *path,
                                          const char          *text,
                                          guint                max_per_register,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
GPtrArray  *annex_search_run_finish      (GAsyncResult        *result,
                                          GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnnexSearchHit, annex_search_hit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnnexSearchGroup, annex_search_group_free)

G_END_DECLS
