/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-record-view.c: a register's records filtered and sorted without blocking the main
 * thread: slices of filtering and key copying in idle callbacks, the sort on a worker, one
 * items-changed per result. */

#define G_LOG_DOMAIN "annex-record-view"

#include "config.h"

#include <string.h>

#include "annex-record-view.h"

/* How long one idle slice may run: well inside a 16 ms frame, with room for the frame. */
#define SLICE_USEC 4000
/* Items handled between two looks at the clock. */
#define CLOCK_STRIDE 128
/* Model changes up to this many records are applied in place (no new sort). */
#define SMALL_CHANGE 16
#define DEFAULT_ASYNC_THRESHOLD 2000

typedef enum
{
  PHASE_IDLE,
  PHASE_SNAPSHOT,  /* copying records and their keys (main thread, slices) */
  PHASE_SORTING,   /* the worker sorts the snapshot */
  PHASE_MERGE,     /* merge-sorting live records with a compare function (main thread, slices) */
  PHASE_FILTER,    /* filtering the sorted records (main thread, slices) */
} Phase;

typedef struct
{
  AnnexRecord *record;  /* a reference */
  char        *text;    /* the copied key text; on the worker, its collation key */
  gint64       number;
  gint64       id;
} Entry;

/* What the worker needs: nothing of the view itself. */
typedef struct
{
  AnnexSortKind kind;
  GCompareFunc  compare;
  gboolean      descending;
  Entry        *entries;
  guint         n_entries;
  guint         generation;
} SortJob;

struct _AnnexRecordView
{
  GObject                    parent_instance;

  /* owned */
  GListModel                *model;
  gulong                     items_changed_handler;
  GPtrArray                 *shown;    /* AnnexRecord references: the items */
  GPtrArray                 *sorted;   /* every record of the model in sort order, or NULL */

  AnnexRecordViewFilterFunc  filter_func;
  gpointer                   filter_data;
  GDestroyNotify             filter_destroy;
  gboolean                   match_all;

  AnnexSortKind              sort_kind;
  AnnexSortKeyFunc           key_func;
  GCompareFunc               compare;
  GCompareDataFunc           record_compare;
  gboolean                   descending;
  gpointer                   sort_data;
  GDestroyNotify             sort_destroy;

  guint                      async_threshold;

  /* the work in progress */
  Phase                      phase;
  guint                      generation;    /* bumped when a sort is superseded */
  gboolean                   sort_needed;
  gboolean                   filter_needed;
  AnnexRefilter              filter_change; /* accumulated while filter_needed */
  gboolean                   running;       /* inside run_work(): no re-entry */
  gboolean                   pending;
  guint                      idle_source;
  Entry                     *snapshot;
  guint                      snapshot_len;
  guint                      snapshot_pos;
  /* PHASE_MERGE: a bottom-up merge sort, resumable between slices */
  gpointer                  *merge_src;
  gpointer                  *merge_dst;
  guint                      merge_n;
  guint                      merge_width;
  guint                      merge_start;
  guint                      merge_l, merge_r, merge_k;
  gboolean                   merge_in_pair;
  GPtrArray                 *filter_source; /* a reference to sorted or shown */
  GPtrArray                 *filtered;
  guint                      filter_pos;
};

static void annex_record_view_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AnnexRecordView, annex_record_view, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      annex_record_view_list_model_iface_init))

enum {
  PROP_0,
  PROP_MODEL,
  PROP_PENDING,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void run_work (AnnexRecordView *self,
                      gint64           deadline);

/* Comparing keys (worker and main thread) */

static int
compare_texts (const SortJob *job,
               const char    *a,
               const char    *b)
{
  gboolean empty_a, empty_b;

  if (job->kind == ANNEX_SORT_CUSTOM)
    return job->compare (a, b);

  empty_a = a == NULL || *a == '\0';
  empty_b = b == NULL || *b == '\0';
  if (empty_a || empty_b)
    return empty_a == empty_b ? 0 : empty_a ? 1 : -1;

  return strcmp (a, b);
}

/* @a and @b hold their final keys (collation keys for ANNEX_SORT_TEXT). */
static int
compare_entries (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const SortJob *job = user_data;
  const Entry *ea = a;
  const Entry *eb = b;
  int result;

  if (job->kind == ANNEX_SORT_NUMBER)
    result = ea->number < eb->number ? -1 : ea->number > eb->number ? 1 : 0;
  else if (job->kind == ANNEX_SORT_NONE)
    result = 0;
  else
    result = compare_texts (job, ea->text, eb->text);

  if (job->descending)
    result = -result;
  if (result == 0)
    result = ea->id < eb->id ? -1 : ea->id > eb->id ? 1 : 0;

  return result;
}

static char *
dup_collation_key (const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL || *text == '\0')
    return NULL;

  folded = g_utf8_casefold (text, -1);
  return g_utf8_collate_key (folded, -1);
}

/* Turns the snapshot into the sorted records (references moved) and frees the keys. Runs on the
 * worker, or on the main thread for a small register. */
static GPtrArray *
sort_entries (SortJob *job)
{
  GPtrArray *records = g_ptr_array_new_full (job->n_entries, g_object_unref);

  if (job->kind == ANNEX_SORT_TEXT)
    for (guint i = 0; i < job->n_entries; i++)
      {
        char *key = dup_collation_key (job->entries[i].text);

        g_free (job->entries[i].text);
        job->entries[i].text = key;
      }

  if (job->kind != ANNEX_SORT_NONE)
    g_qsort_with_data (job->entries, (gint) job->n_entries, sizeof (Entry), compare_entries, job);

  for (guint i = 0; i < job->n_entries; i++)
    {
      g_ptr_array_add (records, job->entries[i].record);
      g_clear_pointer (&job->entries[i].text, g_free);
    }
  g_clear_pointer (&job->entries, g_free);
  job->n_entries = 0;

  return records;
}

static void
entries_free (Entry *entries,
              guint  n)
{
  for (guint i = 0; i < n; i++)
    {
      g_clear_object (&entries[i].record);
      g_free (entries[i].text);
    }
  g_free (entries);
}

static void
sort_job_free (SortJob *job)
{
  /* Only reached with entries left when the worker never ran. */
  entries_free (job->entries, job->n_entries);
  g_free (job);
}

static void
fill_entry (AnnexRecordView *self,
            Entry           *entry,
            AnnexRecord     *record)
{
  AnnexSortKey key = { NULL, 0 };

  entry->record = record;
  entry->id = annex_record_get_id (record);
  if (self->sort_kind != ANNEX_SORT_NONE && self->sort_kind != ANNEX_SORT_COMPARE &&
      self->key_func != NULL)
    self->key_func (record, &key, self->sort_data);
  entry->text = key.text;
  entry->number = key.number;
}

/* The main thread's comparison of two live records, for placing one record in the order. */
static int
compare_records (AnnexRecordView *self,
                 AnnexRecord     *a,
                 AnnexRecord     *b)
{
  SortJob job = { self->sort_kind, self->compare, self->descending, NULL, 0, 0 };
  Entry ea = { 0 }, eb = { 0 };
  int result;

  if (self->sort_kind == ANNEX_SORT_COMPARE)
    {
      gint64 ia = annex_record_get_id (a);
      gint64 ib = annex_record_get_id (b);

      result = self->record_compare (a, b, self->sort_data);
      if (self->descending)
        result = -result;
      return result != 0 ? result : ia < ib ? -1 : ia > ib ? 1 : 0;
    }

  fill_entry (self, &ea, a);
  fill_entry (self, &eb, b);
  if (self->sort_kind == ANNEX_SORT_TEXT)
    {
      char *ka = dup_collation_key (ea.text);
      char *kb = dup_collation_key (eb.text);

      g_free (ea.text);
      g_free (eb.text);
      ea.text = ka;
      eb.text = kb;
    }

  result = compare_entries (&ea, &eb, &job);
  g_free (ea.text);
  g_free (eb.text);
  return result;
}

/* Where @record belongs in @array (sorted in the view's order). */
static guint
find_insert_position (AnnexRecordView *self,
                      GPtrArray       *array,
                      AnnexRecord     *record)
{
  guint low = 0, high = array->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (compare_records (self, g_ptr_array_index (array, mid), record) < 0)
        low = mid + 1;
      else
        high = mid;
    }

  return low;
}

static guint
find_in_array (GPtrArray *array,
               gpointer   item)
{
  guint index;

  if (array != NULL && g_ptr_array_find (array, item, &index))
    return index;
  return G_MAXUINT;
}

/* State */

static void
update_pending (AnnexRecordView *self)
{
  gboolean pending = self->phase != PHASE_IDLE || self->sort_needed || self->filter_needed;

  if (pending == self->pending)
    return;

  self->pending = pending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

static guint
get_model_n_items (AnnexRecordView *self)
{
  return self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
}

static gboolean
is_async (AnnexRecordView *self)
{
  return get_model_n_items (self) > self->async_threshold;
}

/* Replaces the items with @records, announcing only the range that differs. In GTK 4.8 a
 * GtkColumnView takes in such a change at a cost that grows with the list's size and its number
 * of columns; emitting it in several smaller changes costs more in total, not less. */
static void
publish (AnnexRecordView *self,
         GPtrArray       *records)
{
  g_autoptr(GPtrArray) old = self->shown;
  guint old_n = old->len;
  guint new_n = records->len;
  guint prefix = 0, suffix = 0;

  while (prefix < old_n && prefix < new_n &&
         old->pdata[prefix] == records->pdata[prefix])
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         old->pdata[old_n - 1 - suffix] == records->pdata[new_n - 1 - suffix])
    suffix++;

  self->shown = g_ptr_array_ref (records);

  if (prefix == old_n && prefix == new_n)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_n - prefix - suffix,
                              new_n - prefix - suffix);
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Drops the work in progress (a sort on the worker is ignored when it returns). */
static void
abort_work (AnnexRecordView *self)
{
  if (self->phase == PHASE_SNAPSHOT || self->phase == PHASE_SORTING ||
      self->phase == PHASE_MERGE)
    {
      self->generation++;
      self->sort_needed = TRUE;
    }
  if (self->phase == PHASE_FILTER)
    {
      self->filter_needed = TRUE;
      /* The pass started from the sorted records or the shown ones: redo it the same way. */
      if (self->filter_source != self->shown)
        self->filter_change = ANNEX_REFILTER_DIFFERENT;
    }

  if (self->merge_src != NULL)
    for (guint i = 0; i < self->merge_n; i++)
      g_object_unref (self->merge_src[i]);
  g_clear_pointer (&self->merge_src, g_free);
  g_clear_pointer (&self->merge_dst, g_free);
  self->merge_n = 0;
  entries_free (g_steal_pointer (&self->snapshot), self->snapshot_len);
  self->snapshot_len = self->snapshot_pos = 0;
  g_clear_pointer (&self->filter_source, g_ptr_array_unref);
  g_clear_pointer (&self->filtered, g_ptr_array_unref);
  self->filter_pos = 0;
  self->phase = PHASE_IDLE;
}

static gboolean
idle_cb (gpointer user_data)
{
  AnnexRecordView *self = user_data;

  self->idle_source = 0;
  run_work (self, g_get_monotonic_time () + SLICE_USEC);
  return G_SOURCE_REMOVE;
}

/* Whether there is something to do on this thread (not just a sort to wait for). */
static gboolean
has_work (AnnexRecordView *self)
{
  return self->sort_needed || self->filter_needed || self->phase == PHASE_SNAPSHOT ||
         self->phase == PHASE_MERGE || self->phase == PHASE_FILTER;
}

static void
schedule (AnnexRecordView *self)
{
  update_pending (self);

  if (self->running || !has_work (self))
    return;

  if (!is_async (self))
    {
      run_work (self, G_MAXINT64);
      return;
    }

  if (self->idle_source == 0)
    {
      /* After input and redraws: a slice never delays a frame that is due. */
      self->idle_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, idle_cb, self, NULL);
      g_source_set_name_by_id (self->idle_source, "[annex] record view");
    }
}

static void
request_filter (AnnexRecordView *self,
                AnnexRefilter    change)
{
  if (self->phase == PHASE_FILTER)
    abort_work (self);

  if (!self->filter_needed)
    self->filter_change = change;
  else if (self->filter_change != change || change == ANNEX_REFILTER_LESS_STRICT)
    self->filter_change = ANNEX_REFILTER_DIFFERENT;
  self->filter_needed = TRUE;
}

static void
request_sort (AnnexRecordView *self)
{
  abort_work (self);
  self->sort_needed = TRUE;
}

/* The worker */

static void
sort_thread_func (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  SortJob *job = task_data;

  g_task_return_pointer (task, sort_entries (job), (GDestroyNotify) g_ptr_array_unref);
}

static void
install_sorted (AnnexRecordView *self,
                GPtrArray       *records)
{
  g_clear_pointer (&self->sorted, g_ptr_array_unref);
  self->sorted = records;
  /* The new order is shown through a full filter pass over it. */
  self->filter_needed = TRUE;
  self->filter_change = ANNEX_REFILTER_DIFFERENT;
}

static void
on_sort_done_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AnnexRecordView) self = user_data;
  SortJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) records = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Superseded by a newer sort or a model change, or the view is being dropped. */
  if (job->generation != self->generation || self->phase != PHASE_SORTING)
    return;

  self->phase = PHASE_IDLE;
  install_sorted (self, g_steal_pointer (&records));
  schedule (self);
}

/* The work loop */

static void
start_snapshot (AnnexRecordView *self)
{
  self->sort_needed = FALSE;
  self->snapshot_len = get_model_n_items (self);
  self->snapshot = g_new0 (Entry, MAX (self->snapshot_len, 1));
  self->snapshot_pos = 0;
  self->phase = PHASE_SNAPSHOT;
}

static void
start_filter (AnnexRecordView *self)
{
  /* A stricter filter only needs to look at what is shown, when that is of the current order. */
  gboolean from_shown = self->filter_change == ANNEX_REFILTER_MORE_STRICT && !self->match_all;

  self->filter_needed = FALSE;
  self->filter_source = g_ptr_array_ref (from_shown ? self->shown : self->sorted);
  self->filtered = g_ptr_array_new_full (self->filter_source->len, g_object_unref);
  self->filter_pos = 0;
  self->phase = PHASE_FILTER;
}

/* Copies records and keys until @deadline; TRUE when the snapshot is complete. */
static gboolean
run_snapshot (AnnexRecordView *self,
              gint64           deadline)
{
  while (self->snapshot_pos < self->snapshot_len)
    {
      guint end = MIN (self->snapshot_pos + CLOCK_STRIDE, self->snapshot_len);

      for (; self->snapshot_pos < end; self->snapshot_pos++)
        fill_entry (self, &self->snapshot[self->snapshot_pos],
                    g_list_model_get_item (self->model, self->snapshot_pos));

      if (g_get_monotonic_time () >= deadline)
        return self->snapshot_pos == self->snapshot_len;
    }

  return TRUE;
}

static void
finish_snapshot (AnnexRecordView *self)
{
  SortJob *job = g_new0 (SortJob, 1);

  job->kind = self->sort_kind;
  job->compare = self->compare;
  job->descending = self->descending;
  job->entries = g_steal_pointer (&self->snapshot);
  job->n_entries = self->snapshot_len;
  job->generation = ++self->generation;
  self->snapshot_len = self->snapshot_pos = 0;

  if (job->kind == ANNEX_SORT_COMPARE)
    {
      /* The records move into the merge arrays; their references with them. */
      self->merge_n = job->n_entries;
      self->merge_src = g_new (gpointer, MAX (job->n_entries, 1));
      self->merge_dst = g_new (gpointer, MAX (job->n_entries, 1));
      for (guint i = 0; i < job->n_entries; i++)
        {
          self->merge_src[i] = g_steal_pointer (&job->entries[i].record);
          g_clear_pointer (&job->entries[i].text, g_free);
        }
      self->merge_width = 1;
      self->merge_start = 0;
      self->merge_in_pair = FALSE;
      self->phase = PHASE_MERGE;
      sort_job_free (job);
    }
  else if (job->kind == ANNEX_SORT_NONE || !is_async (self))
    {
      /* Already in id order, or small: no thread. */
      self->phase = PHASE_IDLE;
      install_sorted (self, sort_entries (job));
      sort_job_free (job);
    }
  else
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, on_sort_done_cb, g_object_ref (self));

      g_task_set_source_tag (task, sort_thread_func);
      g_task_set_task_data (task, job, (GDestroyNotify) sort_job_free);
      self->phase = PHASE_SORTING;
      g_task_run_in_thread (task, sort_thread_func);
    }
}

static int
merge_compare (AnnexRecordView *self,
               gpointer         a,
               gpointer         b)
{
  int result = self->record_compare (a, b, self->sort_data);

  return self->descending ? -result : result;
}

/* Merges runs until @deadline; TRUE when sorted (the records are then in merge_src). Equal
 * records keep their model (id) order: a merge takes from the left run first. */
static gboolean
run_merge (AnnexRecordView *self,
           gint64           deadline)
{
  guint n = self->merge_n;

  while (self->merge_width < n)
    {
      while (self->merge_start < n)
        {
          guint width = self->merge_width;
          guint mid = MIN (self->merge_start + width, n);
          guint end = MIN (self->merge_start + 2 * width, n);
          gpointer *src = self->merge_src;
          gpointer *dst = self->merge_dst;

          if (!self->merge_in_pair)
            {
              self->merge_l = self->merge_start;
              self->merge_r = mid;
              self->merge_k = self->merge_start;
              self->merge_in_pair = TRUE;
            }

          while (self->merge_k < end)
            {
              if (self->merge_l < mid &&
                  (self->merge_r >= end ||
                   merge_compare (self, src[self->merge_l], src[self->merge_r]) <= 0))
                dst[self->merge_k++] = src[self->merge_l++];
              else
                dst[self->merge_k++] = src[self->merge_r++];

              if ((self->merge_k % CLOCK_STRIDE) == 0 && g_get_monotonic_time () >= deadline)
                return FALSE;
            }

          self->merge_in_pair = FALSE;
          self->merge_start = end;
        }

      {
        gpointer *tmp = self->merge_src;

        self->merge_src = self->merge_dst;
        self->merge_dst = tmp;
      }
      self->merge_width *= 2;
      self->merge_start = 0;
    }

  return TRUE;
}

static void
finish_merge (AnnexRecordView *self)
{
  GPtrArray *records = g_ptr_array_new_full (self->merge_n, g_object_unref);

  for (guint i = 0; i < self->merge_n; i++)
    g_ptr_array_add (records, self->merge_src[i]);
  g_clear_pointer (&self->merge_src, g_free);
  g_clear_pointer (&self->merge_dst, g_free);
  self->merge_n = 0;
  self->phase = PHASE_IDLE;
  install_sorted (self, records);
}

static gboolean
run_filter (AnnexRecordView *self,
            gint64           deadline)
{
  GPtrArray *source = self->filter_source;

  while (self->filter_pos < source->len)
    {
      guint end = MIN (self->filter_pos + CLOCK_STRIDE, source->len);

      for (; self->filter_pos < end; self->filter_pos++)
        {
          AnnexRecord *record = g_ptr_array_index (source, self->filter_pos);

          if (self->match_all || self->filter_func == NULL ||
              self->filter_func (record, self->filter_data))
            g_ptr_array_add (self->filtered, g_object_ref (record));
        }

      if (g_get_monotonic_time () >= deadline)
        return self->filter_pos == source->len;
    }

  return TRUE;
}

static void
finish_filter (AnnexRecordView *self)
{
  g_autoptr(GPtrArray) filtered = g_steal_pointer (&self->filtered);

  g_clear_pointer (&self->filter_source, g_ptr_array_unref);
  self->phase = PHASE_IDLE;
  publish (self, filtered);
}

/* Advances the work until it is done, waits for the worker, or @deadline passes (then it goes
 * on from an idle callback). */
static void
run_work (AnnexRecordView *self,
          gint64           deadline)
{
  g_object_ref (self);
  self->running = TRUE;

  for (;;)
    {
      if (self->phase == PHASE_IDLE)
        {
          if (self->sort_needed || self->sorted == NULL)
            start_snapshot (self);
          else if (self->filter_needed)
            start_filter (self);
          else
            break;
        }

      if (self->phase == PHASE_SORTING)
        break;

      if (self->phase == PHASE_SNAPSHOT)
        {
          if (!run_snapshot (self, deadline))
            break;
          finish_snapshot (self);
          continue;
        }

      if (self->phase == PHASE_MERGE)
        {
          if (!run_merge (self, deadline))
            break;
          finish_merge (self);
          continue;
        }

      if (self->phase == PHASE_FILTER)
        {
          if (!run_filter (self, deadline))
            break;
          /* Publishing may make handlers ask for more: the loop takes it on. */
          finish_filter (self);
        }

      if (g_get_monotonic_time () >= deadline)
        break;
    }

  self->running = FALSE;
  schedule (self);
  g_object_unref (self);
}

/* Model changes */

static void
remove_record_at (AnnexRecordView *self,
                  GPtrArray       *array,
                  guint            index)
{
  g_autoptr(AnnexRecord) record = g_object_ref (g_ptr_array_index (array, index));

  g_ptr_array_remove_index (array, index);
  if (array == self->shown)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), index, 1, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
}

/* Removes the records whose id lies strictly between @low and @high: those the model dropped
 * between its neighbours (the model is in id order). */
static void
remove_between (AnnexRecordView *self,
                gint64           low,
                gint64           high)
{
  for (guint i = self->sorted->len; i > 0; i--)
    {
      AnnexRecord *record = g_ptr_array_index (self->sorted, i - 1);
      gint64 id = annex_record_get_id (record);
      guint index;

      if (id <= low || id >= high)
        continue;

      index = find_in_array (self->shown, record);
      if (index != G_MAXUINT)
        remove_record_at (self, self->shown, index);
      g_ptr_array_remove_index (self->sorted, i - 1);
    }
}

static gint64
get_model_id (AnnexRecordView *self,
              guint            position)
{
  g_autoptr(AnnexRecord) record = g_list_model_get_item (self->model, position);

  return annex_record_get_id (record);
}

static void
apply_small_change (AnnexRecordView *self,
                    guint            position,
                    guint            removed,
                    guint            added)
{
  guint n = get_model_n_items (self);
  gint64 low = position > 0 ? get_model_id (self, position - 1) : G_MININT64;
  gint64 high = position + added < n ? get_model_id (self, position + added) : G_MAXINT64;

  if (removed > 0)
    remove_between (self, low, high);

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(AnnexRecord) record = g_list_model_get_item (self->model, position + i);
      guint index;

      if (find_in_array (self->sorted, record) != G_MAXUINT)
        continue;

      index = find_insert_position (self, self->sorted, record);
      g_ptr_array_insert (self->sorted, (int) index, g_object_ref (record));

      if (self->match_all || self->filter_func == NULL ||
          self->filter_func (record, self->filter_data))
        {
          index = find_insert_position (self, self->shown, record);
          g_ptr_array_insert (self->shown, (int) index, g_object_ref (record));
          g_list_model_items_changed (G_LIST_MODEL (self), index, 0, 1);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
        }
    }
}

static void
on_model_items_changed_cb (AnnexRecordView *self,
                           guint            position,
                           guint            removed,
                           guint            added,
                           GListModel      *model)
{
  gboolean small = removed + added <= SMALL_CHANGE;

  /* In place when nothing is being computed from the model as it was. */
  if (small && self->sorted != NULL && !self->sort_needed &&
      self->phase != PHASE_SNAPSHOT && self->phase != PHASE_SORTING)
    {
      if (self->phase == PHASE_FILTER)
        abort_work (self);
      apply_small_change (self, position, removed, added);
      schedule (self);
      return;
    }

  request_sort (self);
  schedule (self);
}

/* GListModel */

static GType
annex_record_view_get_item_type (GListModel *list)
{
  return ANNEX_TYPE_RECORD;
}

static guint
annex_record_view_get_n_items (GListModel *list)
{
  return ANNEX_RECORD_VIEW (list)->shown->len;
}

static gpointer
annex_record_view_get_item (GListModel *list,
                            guint       position)
{
  AnnexRecordView *self = ANNEX_RECORD_VIEW (list);

  if (position >= self->shown->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->shown, position));
}

static void
annex_record_view_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = annex_record_view_get_item_type;
  iface->get_n_items = annex_record_view_get_n_items;
  iface->get_item = annex_record_view_get_item;
}

/* GObject */

static void
annex_record_view_dispose (GObject *object)
{
  AnnexRecordView *self = ANNEX_RECORD_VIEW (object);

  g_clear_handle_id (&self->idle_source, g_source_remove);
  abort_work (self);
  if (self->model != NULL)
    g_clear_signal_handler (&self->items_changed_handler, self->model);
  g_clear_object (&self->model);
  if (self->filter_destroy != NULL)
    g_clear_pointer (&self->filter_data, self->filter_destroy);
  self->filter_func = NULL;
  if (self->sort_destroy != NULL)
    g_clear_pointer (&self->sort_data, self->sort_destroy);
  self->key_func = NULL;

  G_OBJECT_CLASS (annex_record_view_parent_class)->dispose (object);
}

static void
annex_record_view_finalize (GObject *object)
{
  AnnexRecordView *self = ANNEX_RECORD_VIEW (object);

  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->sorted, g_ptr_array_unref);

  G_OBJECT_CLASS (annex_record_view_parent_class)->finalize (object);
}

static void
annex_record_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AnnexRecordView *self = ANNEX_RECORD_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_PENDING:
      g_value_set_boolean (value, self->pending);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->shown->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_record_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AnnexRecordView *self = ANNEX_RECORD_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      annex_record_view_set_model (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_record_view_class_init (AnnexRecordViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = annex_record_view_dispose;
  object_class->finalize = annex_record_view_finalize;
  object_class->get_property = annex_record_view_get_property;
  object_class->set_property = annex_record_view_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
annex_record_view_init (AnnexRecordView *self)
{
  self->shown = g_ptr_array_new_with_free_func (g_object_unref);
  self->sorted = g_ptr_array_new_with_free_func (g_object_unref);
  self->match_all = TRUE;
  self->async_threshold = DEFAULT_ASYNC_THRESHOLD;
}

/* Public API */

AnnexRecordView *
annex_record_view_new (GListModel *model)
{
  g_return_val_if_fail (model == NULL || G_IS_LIST_MODEL (model), NULL);

  return g_object_new (ANNEX_TYPE_RECORD_VIEW, "model", model, NULL);
}

GListModel *
annex_record_view_get_model (AnnexRecordView *self)
{
  g_return_val_if_fail (ANNEX_IS_RECORD_VIEW (self), NULL);

  return self->model;
}

void
annex_record_view_set_model (AnnexRecordView *self,
                             GListModel      *model)
{
  g_return_if_fail (ANNEX_IS_RECORD_VIEW (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_clear_signal_handler (&self->items_changed_handler, self->model);
  g_set_object (&self->model, model);
  if (model != NULL)
    self->items_changed_handler =
      g_signal_connect_object (model, "items-changed", G_CALLBACK (on_model_items_changed_cb),
                               self, G_CONNECT_SWAPPED);

  request_sort (self);
  /* Another model: nothing of the previous one stays on show while the new one is computed. */
  g_clear_pointer (&self->sorted, g_ptr_array_unref);
  {
    g_autoptr(GPtrArray) empty = g_ptr_array_new_with_free_func (g_object_unref);

    publish (self, empty);
  }
  schedule (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

void
annex_record_view_set_filter_func (AnnexRecordView           *self,
                                   AnnexRecordViewFilterFunc  func,
                                   gpointer                   user_data,
                                   GDestroyNotify             destroy)
{
  g_return_if_fail (ANNEX_IS_RECORD_VIEW (self));

  if (self->filter_destroy != NULL)
    self->filter_destroy (self->filter_data);
  self->filter_func = func;
  self->filter_data = user_data;
  self->filter_destroy = destroy;

  request_filter (self, ANNEX_REFILTER_DIFFERENT);
  schedule (self);
}

void
annex_record_view_refilter (AnnexRecordView *self,
                            AnnexRefilter    change,
                            gboolean         match_all)
{
  g_return_if_fail (ANNEX_IS_RECORD_VIEW (self));

  self->match_all = match_all;
  request_filter (self, change);
  schedule (self);
}

void
annex_record_view_set_sort (AnnexRecordView  *self,
                            AnnexSortKind     kind,
                            AnnexSortKeyFunc  key_func,
                            GCompareFunc      compare,
                            gboolean          descending,
                            gpointer          user_data,
                            GDestroyNotify    destroy)
{
  g_return_if_fail (ANNEX_IS_RECORD_VIEW (self));
  g_return_if_fail (kind == ANNEX_SORT_NONE || key_func != NULL);
  g_return_if_fail (kind != ANNEX_SORT_CUSTOM || compare != NULL);
  g_return_if_fail (kind != ANNEX_SORT_COMPARE);

  if (self->sort_destroy != NULL)
    self->sort_destroy (self->sort_data);
  self->sort_kind = kind;
  self->key_func = key_func;
  self->compare = compare;
  self->record_compare = NULL;
  self->descending = kind != ANNEX_SORT_NONE && descending;
  self->sort_data = user_data;
  self->sort_destroy = destroy;

  request_sort (self);
  schedule (self);
}

void
annex_record_view_set_sort_func (AnnexRecordView  *self,
                                 GCompareDataFunc  compare,
                                 gboolean          descending,
                                 gpointer          user_data,
                                 GDestroyNotify    destroy)
{
  g_return_if_fail (ANNEX_IS_RECORD_VIEW (self));
  g_return_if_fail (compare != NULL);

  if (self->sort_destroy != NULL)
    self->sort_destroy (self->sort_data);
  self->sort_kind = ANNEX_SORT_COMPARE;
  self->key_func = NULL;
  self->compare = NULL;
  self->record_compare = compare;
  self->descending = descending;
  self->sort_data = user_data;
  self->sort_destroy = destroy;

  request_sort (self);
  schedule (self);
}

AnnexSortKind
annex_record_view_get_sort_kind (AnnexRecordView *self)
{
  g_return_val_if_fail (ANNEX_IS_RECORD_VIEW (self), ANNEX_SORT_NONE);

  return self->sort_kind;
}

gboolean
annex_record_view_get_sort_descending (AnnexRecordView *self)
{
  g_return_val_if_fail (ANNEX_IS_RECORD_VIEW (self), FALSE);

  return self->descending;
}

gboolean
annex_record_view_get_pending (AnnexRecordView *self)
{
  g_return_val_if_fail (ANNEX_IS_RECORD_VIEW (self), FALSE);

  return self->pending;
}

void
annex_record_view_flush (AnnexRecordView *self)
{
  g_return_if_fail (ANNEX_IS_RECORD_VIEW (self));

  if (self->running)
    return;

  /* A sort on the worker is redone here rather than waited for: the worker's result is then
   * ignored. */
  if (self->phase == PHASE_SORTING)
    abort_work (self);

  g_clear_handle_id (&self->idle_source, g_source_remove);
  while (self->phase != PHASE_IDLE || self->sort_needed || self->filter_needed)
    {
      guint threshold = self->async_threshold;

      /* Everything on this thread, at once. */
      self->async_threshold = G_MAXUINT;
      run_work (self, G_MAXINT64);
      self->async_threshold = threshold;
    }
  update_pending (self);
}

guint
annex_record_view_get_async_threshold (AnnexRecordView *self)
{
  g_return_val_if_fail (ANNEX_IS_RECORD_VIEW (self), 0);

  return self->async_threshold;
}

void
annex_record_view_set_async_threshold (AnnexRecordView *self,
                                       guint            n_items)
{
  g_return_if_fail (ANNEX_IS_RECORD_VIEW (self));

  self->async_threshold = n_items;
}

guint
annex_record_view_find (AnnexRecordView *self,
                        AnnexRecord     *record)
{
  g_return_val_if_fail (ANNEX_IS_RECORD_VIEW (self), G_MAXUINT);

  return find_in_array (self->shown, record);
}
