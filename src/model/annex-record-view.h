/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-record-view.h: the filtered and sorted list of a register that a register page shows.
 * Large registers are filtered in short slices on the main thread and sorted on a worker thread,
 * and each result is published at once, so the main thread is never blocked for long. */

#pragma once

#include <gio/gio.h>

#include "annex-record.h"

G_BEGIN_DECLS

/* How the keys of the sort compare. Empty keys (NULL or "" text) come after every other key for
 * the text kinds; a descending sort reverses the whole order. Records with equal keys keep their
 * id order. */
typedef enum
{
  ANNEX_SORT_NONE,      /* id order: the register's own */
  ANNEX_SORT_TEXT,      /* key text, casefolded and collated for the current locale */
  ANNEX_SORT_PLAIN,     /* key text compared byte by byte (ISO dates) */
  ANNEX_SORT_CUSTOM,    /* key text compared with the view's compare function (references) */
  ANNEX_SORT_NUMBER,    /* key number */
  ANNEX_SORT_COMPARE,   /* live records compared on the main thread (annex_record_view_set_sort_func()) */
} AnnexSortKind;

/* What one record sorts by: set @text (a new string, or NULL) or @number. */
typedef struct
{
  char   *text;
  gint64  number;
} AnnexSortKey;

/* Fills @key for @record. Called on the main thread: it may read the record; the worker only
 * ever sees the copied keys. */
typedef void     (*AnnexSortKeyFunc)          (AnnexRecord  *record,
                                               AnnexSortKey *key,
                                               gpointer      user_data);
/* Whether @record is shown. Called on the main thread. */
typedef gboolean (*AnnexRecordViewFilterFunc) (AnnexRecord  *record,
                                               gpointer      user_data);

/* What changed in the filter, as GtkFilterChange: MORE_STRICT only looks at the records shown. */
typedef enum
{
  ANNEX_REFILTER_DIFFERENT,
  ANNEX_REFILTER_LESS_STRICT,
  ANNEX_REFILTER_MORE_STRICT,
} AnnexRefilter;

#define ANNEX_TYPE_RECORD_VIEW (annex_record_view_get_type ())
G_DECLARE_FINAL_TYPE (AnnexRecordView, annex_record_view, ANNEX, RECORD_VIEW, GObject)

/* Properties: "model" (GListModel of AnnexRecord in ascending id order, such as an AnnexRegister;
 * may be NULL), "pending" (gboolean, read-only: a new result is being computed; the items are the
 * previous result until it is published), "n-items" (guint, read-only).
 *
 * Up to "async-threshold" records (default 2000) every change is computed at once, inside the
 * call that asked for it. Above it, a change of the filter or the sort is computed in slices of a
 * few milliseconds from idle callbacks (filtering, and copying each record's sort key) and on a
 * worker thread (collation keys and the sort itself); the result replaces the items in one
 * items-changed emission (narrowed to the range that differs). A newer change supersedes one
 * being computed. A small change of the model (a record added, removed or restored) is applied
 * at once and in place, without a new sort; a larger one (a reload) recomputes everything,
 * the previous items (references held) staying until then. A record whose values change keeps
 * its place until the next refilter or sort, as in a GtkSortListModel. */
AnnexRecordView *annex_record_view_new                 (GListModel                *model);

GListModel      *annex_record_view_get_model           (AnnexRecordView           *self);
void             annex_record_view_set_model           (AnnexRecordView           *self,
                                                        GListModel                *model);

/* @func NULL shows every record. Call annex_record_view_refilter() when what it decides
 * changes. */
void             annex_record_view_set_filter_func     (AnnexRecordView           *self,
                                                        AnnexRecordViewFilterFunc  func,
                                                        gpointer                   user_data,
                                                        GDestroyNotify             destroy);
/* The filter function changed its mind by @change; @match_all: it now shows every record (it
 * need not be called at all). */
void             annex_record_view_refilter            (AnnexRecordView           *self,
                                                        AnnexRefilter              change,
                                                        gboolean                   match_all);

/* Sorts by the keys @key_func gives (ignored for ANNEX_SORT_NONE); @compare (for
 * ANNEX_SORT_CUSTOM: two key texts, either may be NULL; it runs on the worker thread, so it must
 * only look at its arguments). Replaces the previous sort, dropping its @user_data. */
void             annex_record_view_set_sort            (AnnexRecordView           *self,
                                                        AnnexSortKind              kind,
                                                        AnnexSortKeyFunc           key_func,
                                                        GCompareFunc               compare,
                                                        gboolean                   descending,
                                                        gpointer                   user_data,
                                                        GDestroyNotify             destroy);
/* Sorts by @compare (two AnnexRecords and @user_data), for orders that have no key (a GtkSorter).
 * It runs on the main thread: a large register is merge-sorted in slices, so it takes longer
 * than a keyed sort but blocks no more. */
void             annex_record_view_set_sort_func       (AnnexRecordView           *self,
                                                        GCompareDataFunc           compare,
                                                        gboolean                   descending,
                                                        gpointer                   user_data,
                                                        GDestroyNotify             destroy);
AnnexSortKind    annex_record_view_get_sort_kind       (AnnexRecordView           *self);
gboolean         annex_record_view_get_sort_descending (AnnexRecordView           *self);

gboolean         annex_record_view_get_pending         (AnnexRecordView           *self);
/* Computes what is pending now, on this thread (waiting for a sort already running on the
 * worker), and publishes it. For code that needs the new result at once. */
void             annex_record_view_flush               (AnnexRecordView           *self);

guint            annex_record_view_get_async_threshold (AnnexRecordView           *self);
void             annex_record_view_set_async_threshold (AnnexRecordView           *self,
                                                        guint                      n_items);

/* The position of @record in the items, or G_MAXUINT. */
guint            annex_record_view_find                (AnnexRecordView           *self,
                                                        AnnexRecord               *record);

G_END_DECLS
