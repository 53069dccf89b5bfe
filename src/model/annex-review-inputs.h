/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-review-inputs.h: the inputs a–g of a management review (clause 9.3.2), prepared from the
 * workspace as it stands and kept with the review as a snapshot, so the minutes show what the
 * meeting saw even after the registers change; with discussion notes and an annotation per
 * input. */

#pragma once

#include <json-glib/json-glib.h>

#include "annex-register.h"
#include "annex-review.h"

G_BEGIN_DECLS

typedef enum
{
  ANNEX_REVIEW_INPUT_ACTIONS,      /* a: status of actions from earlier reviews */
  ANNEX_REVIEW_INPUT_ISSUES,       /* b: changes in external and internal issues */
  ANNEX_REVIEW_INPUT_PARTIES,      /* c: changes in interested parties' needs and expectations */
  ANNEX_REVIEW_INPUT_PERFORMANCE,  /* d: nonconformities, corrective actions, monitoring and
                                    *    measurement, audit results, objectives */
  ANNEX_REVIEW_INPUT_FEEDBACK,     /* e: feedback from interested parties */
  ANNEX_REVIEW_INPUT_RISKS,        /* f: risk assessment results, treatment plan status */
  ANNEX_REVIEW_INPUT_IMPROVEMENT,  /* g: opportunities for continual improvement */
  ANNEX_REVIEW_N_INPUTS
} AnnexReviewInput;

/* "a" … "g". */
const char *annex_review_input_get_letter (AnnexReviewInput input);
/* The translated heading, e.g. "Status of actions from earlier reviews". */
const char *annex_review_input_get_title  (AnnexReviewInput input);
/* A translated sentence on what the input covers (for a subtitle or tooltip). */
const char *annex_review_input_get_help   (AnnexReviewInput input);
/* The input for "a" … "g", or -1. */
int         annex_review_input_from_letter (const char     *letter);

/* ---- One line of an input's content ----------------------------------------------------- */

typedef enum
{
  ANNEX_REVIEW_LINE_HEADING,  /* a sub-heading within the input ("Nonconformities"); @text */
  ANNEX_REVIEW_LINE_FACT,     /* a "label: value" fact ("Open: 3"); @text the label, @detail
                               * the value */
  ANNEX_REVIEW_LINE_RECORD,   /* one record: @reference ("IS-004"), @table ("issues", may be
                               * NULL when the record is gone), @text (its title), @detail (its
                               * state, e.g. "Added · External" or "Open · due 2026-05-01") */
  ANNEX_REVIEW_LINE_NOTE,     /* a paragraph ("No changes since MR-2025-01"); @text */
} AnnexReviewLineKind;

typedef struct
{
  AnnexReviewLineKind  kind;
  char                *text;
  char                *detail;
  char                *reference;
  char                *table;
  gboolean             warning;  /* worth the reader's attention (overdue, above threshold,
                                  * carried forward) */
} AnnexReviewLine;

/* ---- The snapshot ------------------------------------------------------------------------ */

/* The parsed "inputs" JSON of a review. The JSON: {"version":1, "inputs":{"a":{...},…}} where
 * each prepared input has "prepared" (ISO 8601 UTC time of its last refresh), "since" (the start
 * of its "since the previous review" window: an ISO time or date), "previous" (the previous
 * review's reference or null), "summary" (one translated line), "lines" (the content as shown:
 * objects with "kind", "text", "detail", "reference", "table", "warning"), "data" (the same
 * facts, structured: see annex-review-inputs.c for the members of each input); and, whether
 * prepared or not, "notes" (discussion notes) and "annotation" (a note added while preparing).
 * The text is written in the language of whoever prepared it: the minutes keep what was seen. */
typedef struct _AnnexReviewSnapshot AnnexReviewSnapshot;

#define ANNEX_TYPE_REVIEW_SNAPSHOT (annex_review_snapshot_get_type ())
GType                annex_review_snapshot_get_type    (void) G_GNUC_CONST;
/* Parses @json (NULL or empty: an empty snapshot, no input prepared). INVALID for malformed
 * JSON. */
AnnexReviewSnapshot *annex_review_snapshot_new_from_json (const char          *json,
                                                        GError             **error);
/* The snapshot of @review (an empty one when its JSON cannot be read: the error is logged). */
AnnexReviewSnapshot *annex_review_dup_snapshot         (AnnexReview         *review);
AnnexReviewSnapshot *annex_review_snapshot_ref         (AnnexReviewSnapshot *self);
void                 annex_review_snapshot_unref       (AnnexReviewSnapshot *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnnexReviewSnapshot, annex_review_snapshot_unref)

/* Whether @input was prepared. */
gboolean             annex_review_snapshot_has_input   (AnnexReviewSnapshot *self,
                                                        AnnexReviewInput     input);
/* The time of the input's last refresh (ISO 8601 UTC), or NULL when not prepared. */
const char          *annex_review_snapshot_get_prepared (AnnexReviewSnapshot *self,
                                                         AnnexReviewInput     input);
/* The start of the input's window (ISO time or "YYYY-MM-DD") and the previous review's
 * reference (NULL: since the workspace was created). */
const char          *annex_review_snapshot_get_since   (AnnexReviewSnapshot *self,
                                                        AnnexReviewInput     input);
const char          *annex_review_snapshot_get_previous (AnnexReviewSnapshot *self,
                                                         AnnexReviewInput     input);
const char          *annex_review_snapshot_get_summary (AnnexReviewSnapshot *self,
                                                        AnnexReviewInput     input);
/* The lines of the input's content (a GPtrArray of AnnexReviewLine owned by @self; empty when
 * not prepared). */
GPtrArray           *annex_review_snapshot_get_lines   (AnnexReviewSnapshot *self,
                                                        AnnexReviewInput     input);
/* The structured facts of the input (owned by @self), or NULL when not prepared. */
JsonObject          *annex_review_snapshot_get_data    (AnnexReviewSnapshot *self,
                                                        AnnexReviewInput     input);
const char          *annex_review_snapshot_get_notes   (AnnexReviewSnapshot *self,
                                                        AnnexReviewInput     input);
const char          *annex_review_snapshot_get_annotation (AnnexReviewSnapshot *self,
                                                           AnnexReviewInput     input);

/* ---- Preparing, refreshing, annotating --------------------------------------------------- */

/* Prepares every input a–g of @self (saved, an item of @reviews) from @reviews' database as it
 * stands, keeping the notes and annotations already written, and saves the review (one
 * change-history entry); a planned review becomes prepared. The "since the previous review"
 * window (annex_review_find_previous() among @reviews) starts when the previous review's
 * snapshot of that input was prepared (what that meeting saw), else on its actual date; with no
 * previous review, when the workspace was created (and dates kept in the registers, such as an
 * audit's or an action's completion, count however early they are). @today ("YYYY-MM-DD"; NULL: the local date
 * now) decides what is overdue. Refused (INVALID) for a signed-off review. */
gboolean     annex_review_prepare_inputs   (AnnexRegister     *reviews,
                                            AnnexReview       *self,
                                            const char        *today,
                                            GError           **error);
/* The same for one input. */
gboolean     annex_review_refresh_input    (AnnexRegister     *reviews,
                                            AnnexReview       *self,
                                            AnnexReviewInput   input,
                                            const char        *today,
                                            GError           **error);

/* Set the discussion notes / the annotation of @input on @self (NULL or blank clears them) in
 * memory, notifying "inputs": save the review with annex_register_save() (refused when it is
 * signed off). */
void         annex_review_set_input_notes  (AnnexReview       *self,
                                            AnnexReviewInput   input,
                                            const char        *notes);
void         annex_review_set_input_annotation (AnnexReview   *self,
                                                AnnexReviewInput input,
                                                const char    *annotation);

G_END_DECLS
