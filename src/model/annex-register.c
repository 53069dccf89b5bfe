/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-register.c: a GListModel of the records of one register, with its SQL generated once per
 * record type from the field table, and every write committed together with its change-history
 * entry before the model changes. */

#define G_LOG_DOMAIN "annex-register"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "annex-change-log.h"
#include "annex-links-private.h"
#include "annex-register-private.h"
#include "annex-store-error.h"

/* The statements of one record type. Identifiers come only from the class's static field table,
 * values are always bound. Built once per type and kept for the life of the process. */
typedef struct
{
  char        *select_all;        /* id, reference, created, updated, <columns> … ORDER BY id */
  char        *select_base;       /* the same without ORDER BY, for a WHERE of one's own */
  char        *select_one;        /* reference, <columns> … WHERE id = ? */
  char        *insert;            /* (id, reference, created, updated, <columns>) */
  char        *update;            /* SET updated = ?, <column> = ?… WHERE id = ? */
  char        *delete;            /* WHERE id = ? */
  char        *reference_exists;  /* WHERE reference = ? */
  char        *next_id;           /* an id no record of the table ever had */
  const char **json_keys;         /* "reference", <columns> */
} RegisterSql;

#define NEXT_REFERENCE_SQL \
  "INSERT INTO reference_counters (prefix, next) VALUES (?, 2) " \
  "ON CONFLICT (prefix) DO UPDATE SET next = next + 1 " \
  "RETURNING next - 1"

/* Columns before the fields in select_all. */
#define N_IDENTITY_COLUMNS 4

struct _AnnexRegister
{
  GObject            parent_instance;

  /* owned */
  AnnexDatabase     *database;
  GPtrArray         *items;             /* AnnexRecord, ascending id */
  GCancellable      *reload_cancellable;

  /* borrowed (static) */
  const RegisterSql *sql;

  GType              record_type;
  AnnexRecordClass  *record_class;      /* a reference held for our life */
  gulong             changed_handler;

  /* Each load gets a serial; a result is applied only if no later load was started. Own writes
   * bump write_serial, so a worker result that may predate a write is re-read. */
  guint              load_serial;
  guint              write_serial;
  /* The first load's first rows, shown before the rest arrives: items holds exactly them (the
   * same objects the full result starts with) while this is non-zero. */
  guint              n_first_rows;

  guint              loaded : 1;
  guint              in_own_write : 1;
  guint              expect_changed : 1;
};

static void annex_register_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AnnexRegister, annex_register, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      annex_register_list_model_iface_init))

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_RECORD_TYPE,
  PROP_LOADED,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The first rows of a first load, on their way from the worker to the caller's main context.
 * Made on the caller's thread: the worker never holds a strong reference to the register. */
typedef struct
{
  GWeakRef   register_;
  GPtrArray *records;
  guint      load_serial;
} FirstRows;

static void
first_rows_free (gpointer data)
{
  FirstRows *first = data;

  g_weak_ref_clear (&first->register_);
  g_clear_pointer (&first->records, g_ptr_array_unref);
  g_free (first);
}

typedef struct
{
  char              *path;
  GType              record_type;
  const RegisterSql *sql;
  guint              load_serial;
  guint              write_serial;
  GMainContext      *context;      /* the caller's */
  FirstRows         *first_rows;   /* NULL: the register has rows already */
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_clear_pointer (&data->context, g_main_context_unref);
  g_clear_pointer (&data->first_rows, first_rows_free);
  g_free (data);
}

/* How many rows a first load shows before the rest of a large register has been read. */
#define FIRST_ROWS 1000

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

static RegisterSql *
build_sql (AnnexRecordClass *klass)
{
  RegisterSql *sql = g_new0 (RegisterSql, 1);
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autoptr(GString) placeholders = g_string_new (NULL);
  g_autoptr(GString) assignments = g_string_new (NULL);
  const char *table = klass->table;

  sql->json_keys = g_new0 (const char *, klass->n_fields + 2);
  sql->json_keys[0] = "reference";

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const char *column = klass->fields[i].column;

      g_string_append_printf (columns, ", %s", column);
      g_string_append (placeholders, ", ?");
      g_string_append_printf (assignments, ", %s = ?", column);
      sql->json_keys[i + 1] = column;
    }

  sql->select_base = g_strdup_printf ("SELECT id, reference, created, updated%s FROM %s",
                                      columns->str, table);
  sql->select_all = g_strdup_printf ("%s ORDER BY id", sql->select_base);
  sql->select_one = g_strdup_printf ("SELECT reference%s FROM %s WHERE id = ?",
                                     columns->str, table);
  sql->insert = g_strdup_printf ("INSERT INTO %s (id, reference, created, updated%s) "
                                 "VALUES (?, ?, ?, ?%s)",
                                 table, columns->str, placeholders->str);
  sql->update = g_strdup_printf ("UPDATE %s SET updated = ?%s WHERE id = ?",
                                 table, assignments->str);
  sql->delete = g_strdup_printf ("DELETE FROM %s WHERE id = ?", table);
  sql->reference_exists = g_strdup_printf ("SELECT 1 FROM %s WHERE reference = ?", table);
  /* Past the largest id in the table and in its change history: SQLite would reuse the id of a
   * deleted last row (the tables of formats 1, 2 and 4 have no AUTOINCREMENT), and an Undo that
   * restores that row with its id would then collide. The history index makes this cheap. */
  sql->next_id = g_strdup_printf ("SELECT max (coalesce ((SELECT max (id) FROM %s), 0), "
                                  "coalesce ((SELECT max (record_id) FROM change_log "
                                  "WHERE table_name = ?), 0)) + 1",
                                  table);

  return sql;
}

static const RegisterSql *
get_sql (AnnexRecordClass *klass)
{
  static GMutex mutex;
  static GHashTable *by_type;  /* GType → RegisterSql, never freed */
  RegisterSql *sql;

  g_mutex_lock (&mutex);

  if (by_type == NULL)
    by_type = g_hash_table_new (NULL, NULL);

  sql = g_hash_table_lookup (by_type, GSIZE_TO_POINTER (G_TYPE_FROM_CLASS (klass)));
  if (sql == NULL)
    {
      sql = build_sql (klass);
      g_hash_table_insert (by_type, GSIZE_TO_POINTER (G_TYPE_FROM_CLASS (klass)), sql);
    }

  g_mutex_unlock (&mutex);

  return sql;
}

static char *
dup_now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

/* Reads column @column of the current row into @value (zeroed), typed for @field. */
static void
read_column_value (sqlite3_stmt     *stmt,
                   int               column,
                   const AnnexField *field,
                   GValue           *value)
{
  switch (field->type)
    {
    case ANNEX_FIELD_INT:
      g_value_init (value, G_TYPE_INT64);
      g_value_set_int64 (value, sqlite3_column_int64 (stmt, column));
      break;

    case ANNEX_FIELD_BOOL:
      g_value_init (value, G_TYPE_BOOLEAN);
      g_value_set_boolean (value, sqlite3_column_int64 (stmt, column) != 0);
      break;

    case ANNEX_FIELD_CHOICE:
      {
        const char *text = (const char *) sqlite3_column_text (stmt, column);
        int index = annex_field_get_choice_index (field, text);

        g_value_init (value, G_TYPE_STRING);
        /* A known nick points at the field table's static string: no copy per row. */
        if (index >= 0)
          g_value_set_static_string (value, field->choices[index].nick);
        else if (text != NULL && text[0] != '\0')
          g_value_set_string (value, text);
      }
      break;

    case ANNEX_FIELD_TEXT:
    case ANNEX_FIELD_LONG_TEXT:
    case ANNEX_FIELD_DATE:
    default:
      {
        const char *text = (const char *) sqlite3_column_text (stmt, column);

        g_value_init (value, G_TYPE_STRING);
        if (text != NULL && text[0] != '\0')
          g_value_set_string (value, text);
      }
      break;
    }
}

/* The change-history string of column @column of the current row (the same form as
 * _annex_record_dup_value_string()). */
static char *
dup_column_string (sqlite3_stmt     *stmt,
                   int               column,
                   const AnnexField *field)
{
  const char *text;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    {
      if (field->type == ANNEX_FIELD_BOOL)
        return g_strdup ("false");
      if (field->type == ANNEX_FIELD_INT)
        return g_strdup ("0");
      return NULL;
    }

  switch (field->type)
    {
    case ANNEX_FIELD_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, column));

    case ANNEX_FIELD_BOOL:
      return g_strdup (sqlite3_column_int64 (stmt, column) != 0 ? "true" : "false");

    case ANNEX_FIELD_TEXT:
    case ANNEX_FIELD_LONG_TEXT:
    case ANNEX_FIELD_DATE:
    case ANNEX_FIELD_CHOICE:
    default:
      text = (const char *) sqlite3_column_text (stmt, column);
      return (text != NULL && text[0] != '\0') ? g_strdup (text) : NULL;
    }
}

/* A new record of @record_type from the current row of a select_all-shaped statement. @values:
 * scratch space for n_fields GValues (zeroed; left zeroed). */
static AnnexRecord *
record_from_row (sqlite3_stmt     *stmt,
                 GType             record_type,
                 AnnexRecordClass *klass,
                 GValue           *values)
{
  AnnexRecord *record = g_object_new (record_type, NULL);

  _annex_record_set_identity (record,
                              sqlite3_column_int64 (stmt, 0),
                              (const char *) sqlite3_column_text (stmt, 1),
                              (const char *) sqlite3_column_text (stmt, 2),
                              (const char *) sqlite3_column_text (stmt, 3));

  for (guint i = 0; i < klass->n_fields; i++)
    read_column_value (stmt, N_IDENTITY_COLUMNS + (int) i, &klass->fields[i], &values[i]);
  _annex_record_load_values (record, values);

  return record;
}

typedef void (*FirstRowsFunc) (GPtrArray *first_rows,
                               gpointer   user_data);

/* Reads every row with @db's connection. Runs on whichever thread owns @db. With @first_rows_func,
 * hands it the first FIRST_ROWS records (a new array holding references) as soon as they are
 * read, when there are more. */
static GPtrArray *
read_all (AnnexDatabase      *db,
          GType               record_type,
          const RegisterSql  *sql,
          FirstRowsFunc       first_rows_func,
          gpointer            first_rows_data,
          GCancellable       *cancellable,
          GError            **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GTypeClass) type_class = g_type_class_ref (record_type);
  AnnexRecordClass *klass = ANNEX_RECORD_CLASS (type_class);
  g_autofree GValue *values = NULL;
  sqlite3_stmt *stmt;
  guint n_rows = 0;
  int rc;

  stmt = annex_database_prepare (db, sql->select_all, error);
  if (stmt == NULL)
    return NULL;

  records = g_ptr_array_new_with_free_func (g_object_unref);
  values = g_new0 (GValue, klass->n_fields);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AnnexRecord *record;

      if ((++n_rows & 1023) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_reset (stmt);
          return NULL;
        }

      record = record_from_row (stmt, record_type, klass, values);
      g_ptr_array_add (records, record);

      if (first_rows_func != NULL && n_rows == FIRST_ROWS + 1)
        {
          GPtrArray *first_rows = g_ptr_array_new_full (FIRST_ROWS, g_object_unref);

          for (guint i = 0; i < FIRST_ROWS; i++)
            g_ptr_array_add (first_rows, g_object_ref (g_ptr_array_index (records, i)));
          first_rows_func (first_rows, first_rows_data);
        }
    }

  if (rc != SQLITE_DONE)
    {
      annex_store_set_error_from_sqlite (error, annex_database_get_handle (db), rc,
                                         _("Could not read the register"));
      sqlite3_reset (stmt);
      return NULL;
    }

  sqlite3_reset (stmt);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return g_steal_pointer (&records);
}

static void
replace_items (AnnexRegister *self,
               GPtrArray     *records)
{
  g_autoptr(GPtrArray) old = self->items;
  guint n_removed = old->len;
  guint n_added = records->len;
  guint position = 0;
  gboolean was_loaded = self->loaded;

  /* The first rows shown already are the start of @records: only the rest is new. */
  if (self->n_first_rows > 0 && self->n_first_rows == old->len && records->len >= old->len &&
      memcmp (old->pdata, records->pdata, old->len * sizeof (gpointer)) == 0)
    {
      position = old->len;
      n_removed = 0;
      n_added = records->len - old->len;
    }
  self->n_first_rows = 0;

  self->items = g_ptr_array_ref (records);
  self->loaded = TRUE;

  if (n_removed > 0 || n_added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, n_removed, n_added);
  if (n_removed != n_added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  if (!was_loaded)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

/* The position where a record with @id is or would be inserted. */
static guint
search_position (AnnexRegister *self,
                 gint64         id,
                 gboolean      *out_found)
{
  guint low = 0;
  guint high = self->items->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      gint64 mid_id = annex_record_get_id (g_ptr_array_index (self->items, mid));

      if (mid_id == id)
        {
          *out_found = TRUE;
          return mid;
        }
      if (mid_id < id)
        low = mid + 1;
      else
        high = mid;
    }

  *out_found = FALSE;
  return low;
}

static void
insert_item (AnnexRegister *self,
             AnnexRecord   *record)
{
  gboolean found;
  guint position = search_position (self, annex_record_get_id (record), &found);

  g_assert (!found);

  g_ptr_array_insert (self->items, (int) position, g_object_ref (record));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static gboolean
bind_record_values (sqlite3_stmt   *stmt,
                    int             first_param,
                    AnnexRecord    *record)
{
  guint n_fields = ANNEX_RECORD_GET_CLASS (record)->n_fields;
  int rc = SQLITE_OK;

  for (guint i = 0; i < n_fields && rc == SQLITE_OK; i++)
    {
      const GValue *value = annex_record_get_value (record, i);
      int param = first_param + (int) i;

      if (G_VALUE_HOLDS_INT64 (value))
        rc = sqlite3_bind_int64 (stmt, param, g_value_get_int64 (value));
      else if (G_VALUE_HOLDS_BOOLEAN (value))
        rc = sqlite3_bind_int (stmt, param, g_value_get_boolean (value) ? 1 : 0);
      else if (g_value_get_string (value) == NULL)
        rc = sqlite3_bind_null (stmt, param);
      else
        rc = sqlite3_bind_text (stmt, param, g_value_get_string (value), -1, SQLITE_STATIC);
    }

  return rc == SQLITE_OK;
}

/* "reference" then the fields, as change-history strings (NULL-terminated, n_fields + 1). */
static char **
dup_record_strings (AnnexRecord   *record,
                    const char    *reference)
{
  guint n_fields = ANNEX_RECORD_GET_CLASS (record)->n_fields;
  char **strings = g_new0 (char *, n_fields + 2);

  strings[0] = g_strdup (reference);
  for (guint i = 0; i < n_fields; i++)
    strings[i + 1] = _annex_record_dup_value_string (record, i);

  return strings;
}

static void
free_strings (char  **strings,
              guint   n)
{
  if (strings == NULL)
    return;

  for (guint i = 0; i < n; i++)
    g_free (strings[i]);
  g_free (strings);
}

static char *
strings_to_json (AnnexRegister  *self,
                 char          **strings)
{
  return annex_change_log_json_object (self->sql->json_keys, (const char * const *) strings,
                                       self->record_class->n_fields + 1);
}

/* The stored row of @id as change-history strings ("reference" first), or NULL with
 * ANNEX_STORE_ERROR_NOT_FOUND when it does not exist. */
static char **
read_row_strings (AnnexRegister  *self,
                  gint64          id,
                  GError        **error)
{
  guint n_fields = self->record_class->n_fields;
  sqlite3_stmt *stmt;
  char **strings;
  int rc;

  stmt = annex_database_prepare (self->database, self->sql->select_one, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_NOT_FOUND,
                   _("The record no longer exists in the workspace"));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      annex_store_set_error_from_sqlite (error, annex_database_get_handle (self->database), rc,
                                         _("Could not read the record"));
      sqlite3_reset (stmt);
      return NULL;
    }

  strings = g_new0 (char *, n_fields + 2);
  strings[0] = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  for (guint i = 0; i < n_fields; i++)
    strings[i + 1] = dup_column_string (stmt, 1 + (int) i, &self->record_class->fields[i]);

  sqlite3_reset (stmt);
  return strings;
}

static gboolean
reference_exists (AnnexRegister  *self,
                  const char     *reference,
                  gboolean       *out_exists,
                  GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = annex_database_prepare (self->database, self->sql->reference_exists, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      annex_store_set_error_from_sqlite (error, annex_database_get_handle (self->database), rc,
                                         _("Could not assign a reference"));
      return FALSE;
    }

  *out_exists = rc == SQLITE_ROW;
  return TRUE;
}

/* The counter prefix of @record: the class's prefix, followed for yearly references by the
 * year of the record's date field, else of @now ("YYYY-…"), and a dash ("IA-2026-"). */
static char *
dup_counter_prefix (AnnexRegister *self,
                    AnnexRecord   *record,
                    const char    *now)
{
  const char *prefix = self->record_class->reference_prefix;
  const char *yearly_field;
  const char *date;

  yearly_field = annex_record_class_get_yearly_reference_field (self->record_class);
  if (yearly_field == NULL)
    return g_strdup (prefix);

  date = annex_record_get_string (record, yearly_field);
  if (!annex_field_date_is_valid (date))
    date = now;

  return g_strdup_printf ("%s%.4s-", prefix, date);
}

/* The next free reference ("A-001"…, or "IA-2026-01"… for yearly references) from the counter of
 * @record's prefix, inside the caller's transaction. Numbers already taken (rows written by
 * other means) are skipped. */
static char *
next_reference (AnnexRegister  *self,
                AnnexRecord    *record,
                const char     *now,
                GError        **error)
{
  g_autofree char *prefix = dup_counter_prefix (self, record, now);
  gboolean yearly = annex_record_class_get_yearly_reference_field (self->record_class) != NULL;

  for (;;)
    {
      g_autofree char *reference = NULL;
      sqlite3_stmt *stmt;
      gboolean exists = FALSE;
      gboolean in_range;
      gint64 number;
      int rc;

      stmt = annex_database_prepare (self->database, NEXT_REFERENCE_SQL, error);
      if (stmt == NULL)
        return NULL;

      sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          annex_store_set_error_from_sqlite (error, annex_database_get_handle (self->database), rc,
                                             _("Could not assign a reference"));
          sqlite3_reset (stmt);
          return NULL;
        }
      /* At G_MAXINT64 SQLite's "next + 1" turns into a REAL that no longer grows: refuse a
       * counter that is not a positive integer (an edited file), or this loop would not end. */
      in_range = sqlite3_column_type (stmt, 0) == SQLITE_INTEGER;
      number = sqlite3_column_int64 (stmt, 0);
      in_range = in_range && number >= 1 && number < G_MAXINT64;
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          annex_store_set_error_from_sqlite (error, annex_database_get_handle (self->database), rc,
                                             _("Could not assign a reference"));
          return NULL;
        }
      if (!in_range)
        {
          /* An existing msgid: a new one would need a translation first. */
          g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_CORRUPT,
                               _("Could not assign a reference"));
          return NULL;
        }

      if (yearly)
        reference = g_strdup_printf ("%s%02" G_GINT64_FORMAT, prefix, number);
      else
        reference = g_strdup_printf ("%s%03" G_GINT64_FORMAT, prefix, number);

      if (!reference_exists (self, reference, &exists, error))
        return NULL;
      if (!exists)
        return g_steal_pointer (&reference);
    }
}

/* The longest reference a user may choose (record types without a reference prefix). */
#define MAX_USER_REFERENCE_LENGTH 20

/* For a record type without a reference prefix: @record's reference as the user typed it,
 * trimmed, or NULL with ANNEX_STORE_ERROR_INVALID when it is empty, too long or holds white
 * space. Whether it is used already is checked in the transaction (reference_exists()). */
static char *
dup_user_reference (AnnexRecord  *record,
                    GError      **error)
{
  const char *given = annex_record_get_reference (record);
  g_autofree char *reference = g_strstrip (g_strdup (given != NULL ? given : ""));

  if (reference[0] == '\0')
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("An id is required"));
      return NULL;
    }

  if (!g_utf8_validate (reference, -1, NULL))
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("The id is not valid text"));
      return NULL;
    }

  if (g_utf8_strlen (reference, -1) > MAX_USER_REFERENCE_LENGTH)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The id “%s” is too long: at most %d character is allowed",
                                "The id “%s” is too long: at most %d characters are allowed",
                                MAX_USER_REFERENCE_LENGTH),
                   reference, MAX_USER_REFERENCE_LENGTH);
      return NULL;
    }

  for (const char *p = reference; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_isspace (g_utf8_get_char (p)))
        {
          g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                       _("The id “%s” must not contain spaces"), reference);
          return NULL;
        }
    }

  return g_steal_pointer (&reference);
}

/* A new record must hold the default value in each READ_ONLY field: those are Annex's to set. */
static gboolean
check_read_only_defaults (AnnexRegister  *self,
                          AnnexRecord    *record,
                          GError        **error)
{
  const AnnexRecordClass *klass = self->record_class;
  g_autoptr(AnnexRecord) defaults = NULL;

  for (guint i = 0; i < klass->n_fields; i++)
    {
      g_autofree char *value = NULL;
      g_autofree char *default_value = NULL;

      if ((klass->fields[i].flags & ANNEX_FIELD_FLAG_READ_ONLY) == 0)
        continue;

      if (defaults == NULL)
        defaults = annex_register_new_record (self);
      value = _annex_record_dup_value_string (record, i);
      default_value = _annex_record_dup_value_string (defaults, i);
      if (g_strcmp0 (value, default_value) != 0)
        {
          g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                       _("“%s” cannot be changed"), _(klass->fields[i].label));
          return FALSE;
        }
    }

  return TRUE;
}

/* INSERT of @record's values with the given identity; @id 0 picks a new id. Returns the id. */
static gint64
insert_row_with (AnnexDatabase      *db,
                 const RegisterSql  *sql,
                 AnnexRecord        *record,
                 gint64              id,
                 const char         *reference,
                 const char         *created,
                 const char         *updated,
                 GError            **error)
{
  sqlite3 *handle = annex_database_get_handle (db);
  sqlite3_stmt *stmt;
  gboolean bound;

  if (id <= 0)
    {
      stmt = annex_database_prepare (db, sql->next_id, error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_text (stmt, 1, annex_record_class_get_table (ANNEX_RECORD_GET_CLASS (record)),
                         -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }

  stmt = annex_database_prepare (db, sql->insert, error);
  if (stmt == NULL)
    return 0;

  bound = (id > 0 ? sqlite3_bind_int64 (stmt, 1, id) : sqlite3_bind_null (stmt, 1)) == SQLITE_OK &&
          sqlite3_bind_text (stmt, 2, reference, -1, SQLITE_STATIC) == SQLITE_OK &&
          sqlite3_bind_text (stmt, 3, created, -1, SQLITE_STATIC) == SQLITE_OK &&
          sqlite3_bind_text (stmt, 4, updated, -1, SQLITE_STATIC) == SQLITE_OK &&
          bind_record_values (stmt, 5, record);
  if (!bound)
    {
      annex_store_set_error_from_sqlite (error, handle, sqlite3_errcode (handle),
                                         _("Could not save the record"));
      sqlite3_clear_bindings (stmt);
      return 0;
    }

  if (!annex_database_step_done (db, stmt, error))
    return 0;

  return id > 0 ? id : sqlite3_last_insert_rowid (handle);
}

static gint64
insert_row (AnnexRegister  *self,
            AnnexRecord    *record,
            gint64          id,
            const char     *reference,
            const char     *created,
            const char     *updated,
            GError        **error)
{
  return insert_row_with (self->database, self->sql, record, id, reference, created, updated,
                          error);
}

/* Marks the table and commits; "changed" caused by this commit is ours, not a reason to reload. */
static gboolean
commit_own_write (AnnexRegister  *self,
                  GError        **error)
{
  gboolean ok;

  annex_database_mark_changed (self->database, self->record_class->table);

  self->in_own_write = TRUE;
  ok = annex_database_commit (self->database, error);
  self->in_own_write = FALSE;

  if (ok)
    {
      self->write_serial++;
      /* Inside a caller's transaction "changed" comes with the caller's commit: that one is
       * (at least partly) ours too. */
      if (annex_database_in_transaction (self->database))
        self->expect_changed = TRUE;
    }

  return ok;
}

/* What annex_register_remove() took away with a record (its children, each carrying its own, and
 * its links), kept on the record until annex_register_restore() puts it back. */
typedef struct
{
  GPtrArray *children;  /* AnnexRecord */
  GPtrArray *links;     /* AnnexLinkRow */
} RemovedDependents;

static GQuark
removed_dependents_quark (void)
{
  return g_quark_from_static_string ("annex-register-removed-dependents");
}

static RemovedDependents *
removed_dependents_new (void)
{
  RemovedDependents *deps = g_new0 (RemovedDependents, 1);

  deps->children = g_ptr_array_new_with_free_func (g_object_unref);
  deps->links = g_ptr_array_new_with_free_func ((GDestroyNotify) _annex_link_row_free);
  return deps;
}

static void
removed_dependents_free (RemovedDependents *deps)
{
  if (deps == NULL)
    return;

  g_ptr_array_unref (deps->children);
  g_ptr_array_unref (deps->links);
  g_free (deps);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RemovedDependents, removed_dependents_free)

/* The children of @parent_id of the declared @child (of class @child_class), as records. */
static GPtrArray *
read_children (AnnexDatabase           *db,
               const AnnexRecordChild  *child,
               AnnexRecordClass        *child_class,
               const RegisterSql       *child_sql,
               gint64                   parent_id,
               GError                 **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autofree GValue *values = NULL;
  g_autofree char *sql = NULL;
  const AnnexField *field;
  sqlite3_stmt *stmt;
  int rc;

  field = annex_record_class_find_field (child_class, child->parent_field, NULL);
  if (field == NULL || field->type != ANNEX_FIELD_INT)
    {
      g_critical ("%s has no INT field “%s” to name its parent",
                  g_type_name (child->child_type), child->parent_field);
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_FAILED,
                           _("Could not read the register"));
      return NULL;
    }

  /* Identifiers from the static field table only. */
  sql = g_strdup_printf ("%s WHERE %s = ? ORDER BY id", child_sql->select_base, field->column);
  stmt = annex_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, parent_id);

  records = g_ptr_array_new_with_free_func (g_object_unref);
  values = g_new0 (GValue, child_class->n_fields);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, record_from_row (stmt, child->child_type, child_class, values));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      annex_store_set_error_from_sqlite (error, annex_database_get_handle (db), rc,
                                         _("Could not read the register"));
      return NULL;
    }

  return g_steal_pointer (&records);
}

/* Inside the caller's transaction: removes, recursively, the children of @record and its links,
 * each with its change-history entry. *out_deps receives what was removed. */
static gboolean
remove_dependents (AnnexDatabase      *db,
                   AnnexRecord        *record,
                   RemovedDependents **out_deps,
                   GError            **error)
{
  AnnexRecordClass *klass = ANNEX_RECORD_GET_CLASS (record);
  g_autoptr(RemovedDependents) deps = removed_dependents_new ();
  const AnnexRecordChild *children;
  guint n_children;

  children = annex_record_class_get_children (klass, &n_children);
  for (guint c = 0; c < n_children; c++)
    {
      g_autoptr(GTypeClass) type_class = g_type_class_ref (children[c].child_type);
      AnnexRecordClass *child_class = ANNEX_RECORD_CLASS (type_class);
      const RegisterSql *child_sql = get_sql (child_class);
      g_autoptr(GPtrArray) records = NULL;

      records = read_children (db, &children[c], child_class, child_sql,
                               annex_record_get_id (record), error);
      if (records == NULL)
        return FALSE;

      for (guint i = 0; i < records->len; i++)
        {
          AnnexRecord *child = g_ptr_array_index (records, i);
          RemovedDependents *child_deps = NULL;
          g_autofree char *before_json = NULL;
          char **strings;
          sqlite3_stmt *stmt;

          if (!annex_record_can_delete (child, error) ||
              !annex_record_check_write (child, db, ANNEX_RECORD_WRITE_REMOVE, error) ||
              !remove_dependents (db, child, &child_deps, error))
            return FALSE;
          g_object_set_qdata_full (G_OBJECT (child), removed_dependents_quark (), child_deps,
                                   (GDestroyNotify) removed_dependents_free);

          strings = dup_record_strings (child, annex_record_get_reference (child));
          before_json = annex_change_log_json_object (child_sql->json_keys,
                                                      (const char * const *) strings,
                                                      child_class->n_fields + 1);
          free_strings (strings, child_class->n_fields + 1);

          stmt = annex_database_prepare (db, child_sql->delete, error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, annex_record_get_id (child));
          if (!annex_database_step_done (db, stmt, error) ||
              !annex_change_log_append (db, child_class->table, annex_record_get_id (child),
                                        ANNEX_CHANGE_DELETE, before_json, NULL, error))
            return FALSE;

          annex_database_mark_changed (db, child_class->table);
          g_ptr_array_add (deps->children, g_object_ref (child));
        }
    }

  if (!_annex_links_remove_all (db, klass->table, annex_record_get_id (record), deps->links,
                                error))
    return FALSE;

  *out_deps = g_steal_pointer (&deps);
  return TRUE;
}

/* Inside the caller's transaction, after @record was inserted again: restores what
 * remove_dependents() removed with it (children first, then the links). */
static gboolean
restore_dependents (AnnexDatabase  *db,
                    AnnexRecord    *record,
                    GError        **error)
{
  RemovedDependents *deps = g_object_get_qdata (G_OBJECT (record), removed_dependents_quark ());

  if (deps == NULL)
    return TRUE;

  for (guint i = 0; i < deps->children->len; i++)
    {
      AnnexRecord *child = g_ptr_array_index (deps->children, i);
      AnnexRecordClass *child_class = ANNEX_RECORD_GET_CLASS (child);
      const RegisterSql *child_sql = get_sql (child_class);
      g_autofree char *after_json = NULL;
      char **strings;
      gint64 id;

      if (!annex_record_can_add (child, error) ||
          !annex_record_check_write (child, db, ANNEX_RECORD_WRITE_RESTORE, error))
        return FALSE;

      id = insert_row_with (db, child_sql, child, annex_record_get_id (child),
                            annex_record_get_reference (child),
                            annex_record_get_created (child),
                            annex_record_get_updated (child), error);
      if (id == 0)
        return FALSE;

      strings = dup_record_strings (child, annex_record_get_reference (child));
      after_json = annex_change_log_json_object (child_sql->json_keys,
                                                 (const char * const *) strings,
                                                 child_class->n_fields + 1);
      free_strings (strings, child_class->n_fields + 1);

      if (!annex_change_log_append (db, child_class->table, id, ANNEX_CHANGE_INSERT, NULL,
                                    after_json, error))
        return FALSE;

      annex_database_mark_changed (db, child_class->table);

      if (!restore_dependents (db, child, error))
        return FALSE;
    }

  return _annex_links_restore (db, deps->links, error);
}

static void
on_database_changed_cb (AnnexRegister *self,
                        const char    *table,
                        AnnexDatabase *database)
{
  /* Our own writes are already in the items; someone else's (another register over the same
   * table, an import) make us re-read, off the main thread, if we were loaded at all. When our
   * writes share a caller's transaction with someone else's, the caller reloads us. */
  if (g_strcmp0 (table, self->record_class->table) != 0)
    return;
  if (self->in_own_write || !self->loaded)
    return;
  if (self->expect_changed)
    {
      self->expect_changed = FALSE;
      return;
    }

  annex_register_load_async (self, self->reload_cancellable, NULL, NULL);
}

static GType
annex_register_get_item_type (GListModel *model)
{
  AnnexRegister *self = ANNEX_REGISTER (model);

  return self->record_type;
}

static guint
annex_register_get_n_items (GListModel *model)
{
  AnnexRegister *self = ANNEX_REGISTER (model);

  return self->items->len;
}

static gpointer
annex_register_get_item (GListModel *model,
                         guint       position)
{
  AnnexRegister *self = ANNEX_REGISTER (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
annex_register_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = annex_register_get_item_type;
  iface->get_n_items = annex_register_get_n_items;
  iface->get_item = annex_register_get_item;
}

static void
annex_register_constructed (GObject *object)
{
  AnnexRegister *self = ANNEX_REGISTER (object);

  G_OBJECT_CLASS (annex_register_parent_class)->constructed (object);

  g_assert (ANNEX_IS_DATABASE (self->database));
  g_assert (g_type_is_a (self->record_type, ANNEX_TYPE_RECORD));

  self->record_class = g_type_class_ref (self->record_type);
  g_assert (self->record_class->table != NULL);

  self->sql = get_sql (self->record_class);

  self->changed_handler =
    g_signal_connect_object (self->database, "changed",
                             G_CALLBACK (on_database_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

static void
annex_register_dispose (GObject *object)
{
  AnnexRegister *self = ANNEX_REGISTER (object);

  g_cancellable_cancel (self->reload_cancellable);

  if (self->database != NULL)
    g_clear_signal_handler (&self->changed_handler, self->database);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (annex_register_parent_class)->dispose (object);
}

static void
annex_register_finalize (GObject *object)
{
  AnnexRegister *self = ANNEX_REGISTER (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->reload_cancellable);
  g_clear_pointer (&self->record_class, g_type_class_unref);

  G_OBJECT_CLASS (annex_register_parent_class)->finalize (object);
}

static void
annex_register_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AnnexRegister *self = ANNEX_REGISTER (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_RECORD_TYPE:
      g_value_set_gtype (value, self->record_type);
      break;

    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_register_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AnnexRegister *self = ANNEX_REGISTER (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_RECORD_TYPE:
      self->record_type = g_value_get_gtype (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_register_class_init (AnnexRegisterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = annex_register_constructed;
  object_class->dispose = annex_register_dispose;
  object_class->finalize = annex_register_finalize;
  object_class->get_property = annex_register_get_property;
  object_class->set_property = annex_register_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         ANNEX_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD_TYPE] =
    g_param_spec_gtype ("record-type", NULL, NULL,
                        ANNEX_TYPE_RECORD,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
annex_register_init (AnnexRegister *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->reload_cancellable = g_cancellable_new ();
}

/**
 * annex_register_new:
 * @database: an open workspace
 * @record_type: a subtype of %ANNEX_TYPE_RECORD that installed its fields
 *
 * Returns: (transfer full): a new, empty register; call annex_register_load() or
 *   annex_register_load_async() to fill it
 */
AnnexRegister *
annex_register_new (AnnexDatabase *database,
                    GType          record_type)
{
  g_return_val_if_fail (ANNEX_IS_DATABASE (database), NULL);
  g_return_val_if_fail (g_type_is_a (record_type, ANNEX_TYPE_RECORD), NULL);
  g_return_val_if_fail (!G_TYPE_IS_ABSTRACT (record_type), NULL);

  return g_object_new (ANNEX_TYPE_REGISTER,
                       "database", database,
                       "record-type", record_type,
                       NULL);
}

AnnexDatabase *
annex_register_get_database (AnnexRegister *self)
{
  g_return_val_if_fail (ANNEX_IS_REGISTER (self), NULL);
  return self->database;
}

GType
annex_register_get_record_type (AnnexRegister *self)
{
  g_return_val_if_fail (ANNEX_IS_REGISTER (self), G_TYPE_INVALID);
  return self->record_type;
}

gboolean
annex_register_get_loaded (AnnexRegister *self)
{
  g_return_val_if_fail (ANNEX_IS_REGISTER (self), FALSE);
  return self->loaded;
}

gboolean
annex_register_load (AnnexRegister  *self,
                     GError        **error)
{
  g_autoptr(GPtrArray) records = NULL;

  g_return_val_if_fail (ANNEX_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Any load still running on a worker is now stale. */
  self->load_serial++;

  records = read_all (self->database, self->record_type, self->sql, NULL, NULL, NULL, error);
  if (records == NULL)
    return FALSE;

  replace_items (self, records);
  return TRUE;
}

/* On the caller's main context: shows the first rows of a first load, unless something else
 * filled the register meanwhile or a later load superseded this one. */
static gboolean
show_first_rows_cb (gpointer user_data)
{
  FirstRows *first = user_data;
  g_autoptr(AnnexRegister) self = g_weak_ref_get (&first->register_);
  guint n;

  if (self == NULL || self->loaded || self->items->len > 0 ||
      first->load_serial != self->load_serial)
    return G_SOURCE_REMOVE;

  n = first->records->len;
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = g_ptr_array_ref (first->records);
  self->n_first_rows = n;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, n);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  return G_SOURCE_REMOVE;
}

/* On the worker: passes the first rows to the caller's main context. */
static void
send_first_rows (GPtrArray *records,
                 gpointer   user_data)
{
  LoadData *data = user_data;
  FirstRows *first = g_steal_pointer (&data->first_rows);

  if (first == NULL)
    {
      g_ptr_array_unref (records);
      return;
    }

  first->records = records;
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, show_first_rows_cb, first,
                              first_rows_free);
}

static void
load_thread_func (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(AnnexDatabase) db = NULL;
  g_autoptr(GPtrArray) records = NULL;
  GError *error = NULL;

  /* The workspace is open (and was checked) on the main connection already. */
  db = annex_database_open (data->path,
                            ANNEX_DATABASE_OPEN_READ_ONLY | ANNEX_DATABASE_OPEN_NO_INTEGRITY_CHECK,
                            &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  records = read_all (db, data->record_type, data->sql,
                      data->first_rows != NULL ? send_first_rows : NULL, data,
                      cancellable, &error);
  annex_database_close (db);

  if (records == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&records), (GDestroyNotify) g_ptr_array_unref);
}

/* On the caller's main context: apply the worker's rows (unless a later load superseded them),
 * then complete the caller's task. */
static void
on_load_thread_done_cb (GObject      *source_object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AnnexRegister *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) records = NULL;
  GError *error = NULL;

  records = g_task_propagate_pointer (G_TASK (result), &error);
  if (records == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (data->load_serial == self->load_serial)
    {
      if (data->write_serial != self->write_serial)
        {
          /* We wrote while the worker read: its snapshot may miss that write. Rare; re-read on
           * the write connection, which sees everything committed. */
          g_clear_pointer (&records, g_ptr_array_unref);
          records = read_all (self->database, self->record_type, self->sql, NULL, NULL, NULL,
                              &error);
          if (records == NULL)
            {
              g_task_return_error (task, error);
              return;
            }
        }

      replace_items (self, records);
    }

  g_task_return_boolean (task, TRUE);
}

void
annex_register_load_async (AnnexRegister       *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) thread_task = NULL;
  LoadData *data;

  g_return_if_fail (ANNEX_IS_REGISTER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  /* The task holds a reference on self: the rows are stored even when the caller drops the
   * register meanwhile. */
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, annex_register_load_async);

  data = g_new0 (LoadData, 1);
  data->path = g_strdup (annex_database_get_path (self->database));
  data->record_type = self->record_type;
  data->sql = self->sql;
  data->load_serial = ++self->load_serial;
  data->write_serial = self->write_serial;
  data->context = g_main_context_ref_thread_default ();
  /* A first load of a large register shows its first rows while the rest is read. */
  if (!self->loaded && self->items->len == 0)
    {
      data->first_rows = g_new0 (FirstRows, 1);
      data->first_rows->load_serial = data->load_serial;
      g_weak_ref_init (&data->first_rows->register_, self);
    }

  /* Without a source object: the worker may drop the last reference to this task, and must
   * never drop the last one to the register (its finalize belongs to this thread). */
  thread_task = g_task_new (NULL, cancellable, on_load_thread_done_cb, g_steal_pointer (&task));
  g_task_set_source_tag (thread_task, load_thread_func);
  g_task_set_task_data (thread_task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (thread_task, load_thread_func);
}

gboolean
annex_register_load_finish (AnnexRegister  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (ANNEX_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == annex_register_load_async,
                        FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * annex_register_new_record:
 * @self: a register
 *
 * Returns: (transfer full): a new, unsaved record of the register's type with the fields'
 *   default values
 */
AnnexRecord *
annex_register_new_record (AnnexRegister *self)
{
  g_return_val_if_fail (ANNEX_IS_REGISTER (self), NULL);

  return g_object_new (self->record_type, NULL);
}

static gboolean add_record (AnnexRegister  *self,
                            AnnexRecord    *record,
                            gboolean        privileged,
                            GError        **error);

/* Inside the transaction the caller began: inserts @record's row with the given identity (@id 0:
 * SQLite chooses) and its insert entry in the change history, and commits; only then does
 * @record get its identity (notified) and become an item. On failure the transaction is rolled
 * back (or was ended by the failed commit) and @record is unchanged. The strings may be
 * @record's own. */
static gboolean
insert_and_commit (AnnexRegister  *self,
                   AnnexRecord    *record,
                   gint64          id,
                   const char     *reference,
                   const char     *created,
                   const char     *updated,
                   gboolean        restoring,
                   GError        **error)
{
  g_autofree char *after = NULL;
  char **strings;

  id = insert_row (self, record, id, reference, created, updated, error);
  if (id == 0)
    goto failed;

  strings = dup_record_strings (record, reference);
  after = strings_to_json (self, strings);
  free_strings (strings, self->record_class->n_fields + 1);

  if (!annex_change_log_append (self->database, self->record_class->table, id,
                                ANNEX_CHANGE_INSERT, NULL, after, error))
    goto failed;

  if (restoring && !restore_dependents (self->database, record, error))
    goto failed;

  if (!commit_own_write (self, error))
    return FALSE;

  if (restoring)
    g_object_set_qdata (G_OBJECT (record), removed_dependents_quark (), NULL);

  _annex_record_assign_identity (record, id, reference, created, updated);
  insert_item (self, record);
  return TRUE;

failed:
  annex_database_rollback (self->database);
  return FALSE;
}

/**
 * annex_register_add:
 * @self: a register
 * @record: an unsaved record (id 0) of the register's type
 * @error: return location for an error
 *
 * Checks that the user may add @record (the class's can_add), its reference when the record type
 * has no reference prefix (the user's choice: not empty, at most 20 characters, no white space,
 * not used yet; trimmed), its read-only fields (their defaults) and its values, then in one
 * transaction takes the next reference (types with a prefix), inserts the row and records the
 * insert in the change history. Only after the commit does @record get its id, reference and
 * timestamps (notified) and become an item (one items-changed). On failure nothing is written
 * and @record stays unsaved. Refusals are ANNEX_STORE_ERROR_INVALID.
 *
 * Returns: %TRUE on success
 */
gboolean
annex_register_add (AnnexRegister  *self,
                    AnnexRecord    *record,
                    GError        **error)
{
  g_return_val_if_fail (ANNEX_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (record, self->record_type), FALSE);
  g_return_val_if_fail (annex_record_get_id (record) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return add_record (self, record, FALSE, error);
}

gboolean
_annex_register_add_privileged (AnnexRegister  *self,
                                AnnexRecord    *record,
                                GError        **error)
{
  g_return_val_if_fail (ANNEX_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (record, self->record_type), FALSE);
  g_return_val_if_fail (annex_record_get_id (record) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return add_record (self, record, TRUE, error);
}

/* annex_register_add(); @privileged skips can_add and the READ_ONLY defaults (a rule of the
 * model sets them). */
static gboolean
add_record (AnnexRegister  *self,
            AnnexRecord    *record,
            gboolean        privileged,
            GError        **error)
{
  g_autofree char *reference = NULL;
  g_autofree char *now = NULL;
  gboolean user_reference;

  if (!privileged && !annex_record_can_add (record, error))
    return FALSE;

  user_reference = self->record_class->reference_prefix == NULL;
  if (user_reference)
    {
      reference = dup_user_reference (record, error);
      if (reference == NULL)
        return FALSE;
    }

  if ((!privileged && !check_read_only_defaults (self, record, error)) ||
      !annex_record_validate (record, error))
    return FALSE;

  if (!annex_database_begin (self->database, error))
    return FALSE;

  if (user_reference)
    {
      gboolean exists = FALSE;

      if (!reference_exists (self, reference, &exists, error))
        goto failed;
      if (exists)
        {
          g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                       _("The id “%s” is already used"), reference);
          goto failed;
        }
    }
  now = dup_now_utc ();

  if (!user_reference)
    {
      reference = next_reference (self, record, now, error);
      if (reference == NULL)
        goto failed;
    }

  if (!annex_record_check_write (record, self->database, ANNEX_RECORD_WRITE_ADD, error))
    goto failed;

  return insert_and_commit (self, record, 0, reference, now, now, FALSE, error);

failed:
  annex_database_rollback (self->database);
  return FALSE;
}

/* Inside the caller's transaction: writes @record's values with "updated" = @now and the
 * before/after change-history entry, unless they equal the stored row (*out_changed FALSE, nothing
 * written). A READ_ONLY field whose value differs from the stored one is refused. */
static gboolean
update_row (AnnexRegister  *self,
            AnnexRecord    *record,
            const char     *now,
            gboolean        privileged,
            gboolean       *out_changed,
            GError        **error)
{
  const AnnexRecordClass *klass = self->record_class;
  guint n_strings = klass->n_fields + 1;
  char **before = NULL;
  char **after = NULL;
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;
  sqlite3_stmt *stmt;
  gboolean changed = FALSE;
  gboolean ok = FALSE;
  gint64 id = annex_record_get_id (record);

  *out_changed = FALSE;

  before = read_row_strings (self, id, error);
  if (before == NULL)
    return FALSE;

  after = dup_record_strings (record, annex_record_get_reference (record));
  for (guint i = 0; i < n_strings && !changed; i++)
    changed = g_strcmp0 (before[i], after[i]) != 0;

  if (!changed)
    {
      ok = TRUE;
      goto out;
    }

  for (guint i = 0; i < klass->n_fields && !privileged; i++)
    {
      if ((klass->fields[i].flags & ANNEX_FIELD_FLAG_READ_ONLY) != 0 &&
          g_strcmp0 (before[i + 1], after[i + 1]) != 0)
        {
          g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                       _("“%s” cannot be changed"), _(klass->fields[i].label));
          goto out;
        }
    }

  if (!privileged &&
      !annex_record_check_write (record, self->database, ANNEX_RECORD_WRITE_SAVE, error))
    goto out;

  stmt = annex_database_prepare (self->database, self->sql->update, error);
  if (stmt == NULL)
    goto out;

  if (sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC) != SQLITE_OK ||
      !bind_record_values (stmt, 2, record) ||
      sqlite3_bind_int64 (stmt, (int) klass->n_fields + 2, id) != SQLITE_OK)
    {
      sqlite3 *handle = annex_database_get_handle (self->database);

      annex_store_set_error_from_sqlite (error, handle, sqlite3_errcode (handle),
                                         _("Could not save the record"));
      sqlite3_clear_bindings (stmt);
      goto out;
    }

  if (!annex_database_step_done (self->database, stmt, error))
    goto out;

  before_json = strings_to_json (self, before);
  after_json = strings_to_json (self, after);
  if (!annex_change_log_append (self->database, klass->table, id,
                                ANNEX_CHANGE_UPDATE, before_json, after_json, error))
    goto out;

  *out_changed = TRUE;
  ok = TRUE;

out:
  free_strings (before, n_strings);
  free_strings (after, n_strings);
  return ok;
}

static void
prefix_error_with_reference (GError      **error,
                             AnnexRecord  *record)
{
  /* Translators: prefixed to why one record of a bulk edit was refused; %s is its id */
  g_prefix_error (error, _("%s: "), annex_record_get_reference (record));
}

/* annex_register_save() and annex_register_save_many(): validates every record of @records,
 * then writes those that differ from their stored rows in one transaction and, after the
 * commit, sets (and notifies) their "updated". @name_record: prefix errors with the record's
 * reference (a bulk edit). */
static gboolean
save_records (AnnexRegister  *self,
              GPtrArray      *records,
              gboolean        name_record,
              gboolean        privileged,
              GError        **error)
{
  g_autoptr(GPtrArray) written = NULL;
  g_autofree char *now = NULL;

  for (guint i = 0; i < records->len; i++)
    {
      AnnexRecord *record = g_ptr_array_index (records, i);

      if (!annex_record_validate (record, error))
        {
          if (name_record)
            prefix_error_with_reference (error, record);
          return FALSE;
        }
    }

  if (records->len == 0)
    return TRUE;

  if (!annex_database_begin (self->database, error))
    return FALSE;

  now = dup_now_utc ();
  written = g_ptr_array_new ();
  for (guint i = 0; i < records->len; i++)
    {
      AnnexRecord *record = g_ptr_array_index (records, i);
      gboolean changed = FALSE;

      if (!update_row (self, record, now, privileged, &changed, error))
        {
          if (name_record)
            prefix_error_with_reference (error, record);
          annex_database_rollback (self->database);
          return FALSE;
        }
      if (changed)
        g_ptr_array_add (written, record);
    }

  if (written->len == 0)
    return annex_database_commit (self->database, error);

  if (!commit_own_write (self, error))
    return FALSE;

  for (guint i = 0; i < written->len; i++)
    {
      AnnexRecord *record = g_ptr_array_index (written, i);

      _annex_record_assign_identity (record, annex_record_get_id (record),
                                     annex_record_get_reference (record),
                                     annex_record_get_created (record), now);
    }

  return TRUE;
}

/**
 * annex_register_save:
 * @self: a register
 * @record: an item of @self
 * @error: return location for an error
 *
 * Writes @record's values when they differ from the stored row: the update, its before/after
 * change-history entry and the new "updated" time commit together. When the write fails (invalid
 * values, a changed read-only field, a read-only or full disk) nothing is written and @record
 * keeps the values the user typed, so the caller can show the error and let the user correct them
 * or retry.
 *
 * Returns: %TRUE when the stored row now equals @record (also when nothing had to be written)
 */
gboolean
annex_register_save (AnnexRegister  *self,
                     AnnexRecord    *record,
                     GError        **error)
{
  g_autoptr(GPtrArray) records = NULL;

  g_return_val_if_fail (ANNEX_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (ANNEX_IS_RECORD (record), FALSE);
  g_return_val_if_fail (annex_register_get_position (self, record) != G_MAXUINT, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  records = g_ptr_array_new ();
  g_ptr_array_add (records, record);
  return save_records (self, records, FALSE, FALSE, error);
}

/**
 * annex_register_save_many:
 * @self: a register
 * @records: (element-type AnnexRecord): items of @self whose values the caller has set (a bulk
 *   edit); the same record may appear twice
 * @error: return location for an error
 *
 * Writes every record of @records in one transaction. All are validated first; then each one
 * whose values differ from its stored row is written with its own change-history entry (records
 * without a change are skipped), and the whole commits at once: the database emits "changed" for
 * the register's table once, and each written record's "updated" is set (and notified) after the
 * commit. When any record is invalid or any write fails, nothing at all is written and the error
 * names the record ("5.3: …"); the records keep the values the caller set, so the caller can
 * show the error and reload the register (annex_register_load()) to go back to the stored values,
 * or correct them and retry. An empty array succeeds without writing.
 *
 * Returns: %TRUE when every stored row now equals its record
 */
gboolean
annex_register_save_many (AnnexRegister  *self,
                          GPtrArray      *records,
                          GError        **error)
{
  g_return_val_if_fail (ANNEX_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < records->len; i++)
    {
      AnnexRecord *record = g_ptr_array_index (records, i);

      g_return_val_if_fail (ANNEX_IS_RECORD (record), FALSE);
      g_return_val_if_fail (annex_register_get_position (self, record) != G_MAXUINT, FALSE);
    }

  return save_records (self, records, TRUE, FALSE, error);
}

/**
 * annex_register_remove:
 * @self: a register
 * @record: an item of @self
 * @error: return location for an error
 *
 * Deletes the row and records it (with its values) in the change history, commits, then removes
 * the item (one items-changed). A record the user may not delete (the class's can_delete: an
 * Annex A control, a requirement) is refused with ANNEX_STORE_ERROR_INVALID. @record keeps its
 * id, reference and values, so it can be given to annex_register_restore() to undo.
 *
 * Returns: %TRUE on success
 */
gboolean
annex_register_remove (AnnexRegister  *self,
                       AnnexRecord    *record,
                       GError        **error)
{
  g_autoptr(AnnexRecord) keep = NULL;
  g_autoptr(RemovedDependents) deps = NULL;
  g_autofree char *before_json = NULL;
  char **before;
  sqlite3_stmt *stmt;
  guint position;
  gint64 id;

  g_return_val_if_fail (ANNEX_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (ANNEX_IS_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  position = annex_register_get_position (self, record);
  g_return_val_if_fail (position != G_MAXUINT, FALSE);

  if (!annex_record_can_delete (record, error))
    return FALSE;

  id = annex_record_get_id (record);

  if (!annex_database_begin (self->database, error))
    return FALSE;

  if (!annex_record_check_write (record, self->database, ANNEX_RECORD_WRITE_REMOVE, error) ||
      !remove_dependents (self->database, record, &deps, error))
    goto failed;

  before = read_row_strings (self, id, error);
  if (before == NULL)
    goto failed;
  before_json = strings_to_json (self, before);
  free_strings (before, self->record_class->n_fields + 1);

  stmt = annex_database_prepare (self->database, self->sql->delete, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!annex_database_step_done (self->database, stmt, error))
    goto failed;

  if (!annex_change_log_append (self->database, self->record_class->table, id,
                                ANNEX_CHANGE_DELETE, before_json, NULL, error))
    goto failed;

  if (!commit_own_write (self, error))
    return FALSE;

  g_object_set_qdata_full (G_OBJECT (record), removed_dependents_quark (),
                           g_steal_pointer (&deps), (GDestroyNotify) removed_dependents_free);

  /* The caller may hold the only other reference through the list: keep it alive until the
   * removal has been announced. */
  keep = g_object_ref (record);
  g_ptr_array_remove_index (self->items, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  return TRUE;

failed:
  annex_database_rollback (self->database);
  return FALSE;
}

/**
 * annex_register_restore:
 * @self: a register
 * @record: a record removed with annex_register_remove()
 * @error: return location for an error
 *
 * Inserts @record again with its id, reference, created and updated times and values, records
 * the insert in the change history, commits, and puts it back at its place in id order.
 *
 * Returns: %TRUE on success
 */
gboolean
annex_register_restore (AnnexRegister  *self,
                        AnnexRecord    *record,
                        GError        **error)
{
  g_autofree char *now = NULL;
  const char *created;
  const char *updated;
  gint64 id;

  g_return_val_if_fail (ANNEX_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (record, self->record_type), FALSE);
  g_return_val_if_fail (annex_record_get_id (record) > 0, FALSE);
  g_return_val_if_fail (annex_record_get_reference (record) != NULL, FALSE);
  g_return_val_if_fail (annex_register_get_position (self, record) == G_MAXUINT, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!annex_record_can_add (record, error))
    return FALSE;

  id = annex_record_get_id (record);
  now = dup_now_utc ();
  created = annex_record_get_created (record) != NULL ? annex_record_get_created (record) : now;
  updated = annex_record_get_updated (record) != NULL ? annex_record_get_updated (record) : now;

  if (!annex_database_begin (self->database, error))
    return FALSE;

  if (!annex_record_check_write (record, self->database, ANNEX_RECORD_WRITE_RESTORE, error))
    {
      annex_database_rollback (self->database);
      return FALSE;
    }

  return insert_and_commit (self, record, id, annex_record_get_reference (record), created,
                            updated, TRUE, error);
}

/**
 * annex_register_find:
 * @self: a register
 * @id: a record id
 *
 * Returns: (transfer none) (nullable): the item with @id
 */
AnnexRecord *
annex_register_find (AnnexRegister *self,
                     gint64         id)
{
  gboolean found;
  guint position;

  g_return_val_if_fail (ANNEX_IS_REGISTER (self), NULL);

  if (id <= 0)
    return NULL;

  position = search_position (self, id, &found);
  return found ? g_ptr_array_index (self->items, position) : NULL;
}

guint
annex_register_get_position (AnnexRegister *self,
                             AnnexRecord   *record)
{
  gboolean found;
  guint position;

  g_return_val_if_fail (ANNEX_IS_REGISTER (self), G_MAXUINT);
  g_return_val_if_fail (ANNEX_IS_RECORD (record), G_MAXUINT);

  if (annex_record_get_id (record) <= 0)
    return G_MAXUINT;

  position = search_position (self, annex_record_get_id (record), &found);
  if (!found || g_ptr_array_index (self->items, position) != (gpointer) record)
    return G_MAXUINT;

  return position;
}

gboolean
_annex_register_save_privileged (AnnexRegister  *self,
                                 GPtrArray      *records,
                                 GError        **error)
{
  g_return_val_if_fail (ANNEX_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < records->len; i++)
    g_return_val_if_fail (annex_register_get_position (self, g_ptr_array_index (records, i)) !=
                          G_MAXUINT, FALSE);

  return save_records (self, records, TRUE, TRUE, error);
}
