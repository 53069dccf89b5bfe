/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-crash-harness.c: proves that a workspace survives its writer being killed at any moment.
 *
 * The parent creates a workspace, then N times: starts a writer child (this program with
 * --writer), lets it edit for a random while and kills it with SIGKILL; reopens the workspace
 * and checks that PRAGMA integrity_check is ok, that every write the writer reported as
 * committed is there with the values it reported (the last one of each record), that nothing
 * else changed, and that the change history verifies.
 *
 * The writer opens the workspace through the model (AnnexRegister of actions and of risks,
 * annex-links.h) and makes small edits: add, save, remove, link, unlink. Around each write it
 * prints a line to its standard output, flushed:
 *   pending <table> <id|new> <reference|-> <hash|removed|present|absent>   before the write
 *   committed <table> <id> <reference> <hash|removed|present|absent>       after its commit
 * <hash> is the SHA-256 of annex_record_to_json(); for links, <table> is "links", <id> is
 * "<risk id>:<action id>". A write whose "committed" line was not printed (the kill came between
 * the commit and the line) may or may not be in the file: only the last "pending" write is in
 * doubt, and the check accepts both states for it.
 *
 * Prints TAP (one test) so `meson test` counts it: `annex-crash-harness --kills 10` in the core
 * suite, `make crash-test` runs 200 kills. --seed repeats a run; the seed is always printed. */

#define G_LOG_DOMAIN "annex-crash-harness"

#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "annex-action.h"
#include "annex-change-log.h"
#include "annex-database.h"
#include "annex-links.h"
#include "annex-register.h"
#include "annex-risk.h"
#include "annex-test-util.h"

/* The writer keeps about this many records per register, so removes and adds balance. */
#define TARGET_RECORDS 24
/* A writer stops by itself after this many writes (if its parent never kills it). */
#define MAX_WRITES 200000

static const char * const words[] = {
  "server", "laptop", "backup", "firewall", "supplier", "badge", "payroll", "wiki", "VPN",
  "mail", "tape", "policy", "Ünïcödé", "quote\"d", "comma,separated", "new\nline",
};
static const char * const owners[] = { "IT lead", "CISO", "HR manager", "Facilities", NULL };
static const char * const action_statuses[] = { "open", "in-progress", "done", "cancelled" };

/* ---------------------------------------------------------------------------------------- */
/* The writer                                                                                 */
/* ---------------------------------------------------------------------------------------- */

static char *
dup_record_hash (AnnexRecord *record)
{
  g_autofree char *json = annex_record_to_json (record);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, json, -1);
}

static void
emit_line (const char *format,
           ...) G_GNUC_PRINTF (1, 2);

static void
emit_line (const char *format,
           ...)
{
  va_list args;

  va_start (args, format);
  vfprintf (stdout, format, args);
  va_end (args);
  fputc ('\n', stdout);
  /* The line must be in the pipe before the next write starts: the kill may come any time. */
  if (fflush (stdout) != 0)
    exit (3);
}

static char *
random_title (GRand *rand)
{
  return g_strdup_printf ("%s %s %u",
                          words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                          words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                          g_rand_int_range (rand, 0, 100000));
}

static void
randomize_record (AnnexRecord *record,
                  GRand       *rand)
{
  g_autofree char *title = random_title (rand);
  const char *owner = owners[g_rand_int_range (rand, 0, G_N_ELEMENTS (owners))];

  annex_record_set_string (record, "title", title);
  annex_record_set_string (record, "owner", owner);
  if (ANNEX_IS_ACTION (record))
    {
      annex_record_set_string (record, "status",
                               action_statuses[g_rand_int_range (rand, 0,
                                                                 G_N_ELEMENTS (action_statuses))]);
    }
  else
    {
      annex_risk_set_inherent (ANNEX_RISK (record), g_rand_int_range (rand, 0, 6),
                               g_rand_int_range (rand, 0, 6));
      /* A long value now and then, so some writes span several pages. */
      if (g_rand_int_range (rand, 0, 8) == 0)
        {
          g_autoptr(GString) text = g_string_new (NULL);
          guint n = g_rand_int_range (rand, 100, 3000);

          for (guint i = 0; i < n; i++)
            g_string_append_printf (text, "%s ", words[i % G_N_ELEMENTS (words)]);
          annex_record_set_string (record, "description", text->str);
        }
    }
}

static AnnexRecord *
pick_record (AnnexRegister *reg,
             GRand         *rand)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (reg));

  if (n == 0)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (reg), g_rand_int_range (rand, 0, n));
}

static void
writer_fail (const char   *what,
             const GError *error)
{
  g_printerr ("writer: %s failed: %s\n", what, error != NULL ? error->message : "?");
  exit (2);
}

static void
writer_add (AnnexRegister *reg,
            const char    *table,
            GRand         *rand)
{
  g_autoptr(AnnexRecord) record = annex_register_new_record (reg);
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;

  randomize_record (record, rand);
  emit_line ("pending %s new - -", table);
  if (!annex_register_add (reg, record, &error))
    writer_fail ("add", error);
  hash = dup_record_hash (record);
  emit_line ("committed %s %" G_GINT64_FORMAT " %s %s", table, annex_record_get_id (record),
             annex_record_get_reference (record), hash);
}

static void
writer_save (AnnexRegister *reg,
             const char    *table,
             GRand         *rand)
{
  g_autoptr(AnnexRecord) record = pick_record (reg, rand);
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;

  if (record == NULL)
    return;
  randomize_record (record, rand);
  hash = dup_record_hash (record);
  emit_line ("pending %s %" G_GINT64_FORMAT " %s %s", table, annex_record_get_id (record),
             annex_record_get_reference (record), hash);
  if (!annex_register_save (reg, record, &error))
    writer_fail ("save", error);
  g_clear_pointer (&hash, g_free);
  hash = dup_record_hash (record);
  emit_line ("committed %s %" G_GINT64_FORMAT " %s %s", table, annex_record_get_id (record),
             annex_record_get_reference (record), hash);
}

static void
writer_remove (AnnexRegister *reg,
               const char    *table,
               GRand         *rand)
{
  g_autoptr(AnnexRecord) record = pick_record (reg, rand);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (record == NULL)
    return;
  id = annex_record_get_id (record);
  emit_line ("pending %s %" G_GINT64_FORMAT " %s removed", table, id,
             annex_record_get_reference (record));
  if (!annex_register_remove (reg, record, &error))
    writer_fail ("remove", error);
  emit_line ("committed %s %" G_GINT64_FORMAT " %s removed", table, id,
             annex_record_get_reference (record));
}

static void
writer_link (AnnexDatabase *db,
             AnnexRegister *risks,
             AnnexRegister *actions,
             GRand         *rand)
{
  g_autoptr(AnnexRecord) risk = pick_record (risks, rand);
  g_autoptr(AnnexRecord) action = pick_record (actions, rand);
  g_autoptr(GError) error = NULL;
  gboolean add = g_rand_boolean (rand);
  gint64 risk_id, action_id;
  gboolean ok;

  if (risk == NULL || action == NULL)
    return;
  risk_id = annex_record_get_id (risk);
  action_id = annex_record_get_id (action);
  emit_line ("pending links %" G_GINT64_FORMAT ":%" G_GINT64_FORMAT " - %s", risk_id, action_id,
             add ? "present" : "absent");
  if (add)
    ok = annex_links_add (db, "risks", risk_id, "actions", action_id, &error);
  else
    ok = annex_links_remove (db, "risks", risk_id, "actions", action_id, &error);
  if (!ok)
    writer_fail ("link", error);
  emit_line ("committed links %" G_GINT64_FORMAT ":%" G_GINT64_FORMAT " - %s", risk_id,
             action_id, add ? "present" : "absent");
}

static int
run_writer (const char *path,
            guint32     seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = NULL;
  g_autoptr(AnnexRegister) actions = NULL;
  g_autoptr(AnnexRegister) risks = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    writer_fail ("open", error);
  actions = annex_register_new (db, ANNEX_TYPE_ACTION);
  risks = annex_register_new (db, ANNEX_TYPE_RISK);
  if (!annex_register_load (actions, &error) || !annex_register_load (risks, &error))
    writer_fail ("load", error);

  emit_line ("ready");

  for (guint i = 0; i < MAX_WRITES; i++)
    {
      gboolean use_risks = g_rand_boolean (rand);
      AnnexRegister *reg = use_risks ? risks : actions;
      const char *table = use_risks ? "risks" : "actions";
      guint n = g_list_model_get_n_items (G_LIST_MODEL (reg));
      guint op = g_rand_int_range (rand, 0, 100);

      if (op < 15)
        writer_link (db, risks, actions, rand);
      else if (op < 40)
        {
          if (n < TARGET_RECORDS)
            writer_add (reg, table, rand);
          else
            writer_remove (reg, table, rand);
        }
      else if (op < 50 && n > TARGET_RECORDS / 2)
        writer_remove (reg, table, rand);
      else if (n == 0)
        writer_add (reg, table, rand);
      else
        writer_save (reg, table, rand);
    }

  return 0;
}

/* ---------------------------------------------------------------------------------------- */
/* The parent                                                                                 */
/* ---------------------------------------------------------------------------------------- */

typedef struct
{
  /* "<table> <id>" → "<reference> <hash>", and "links <risk>:<action>" → "present", as the
   * writers reported them committed (the last value of each). */
  GHashTable *expected;
  /* The write the last writer announced and did not report committed, or NULL. */
  char       *pending_table;
  char       *pending_id;     /* "new" for an add */
  char       *pending_value;  /* "<reference> <hash>", "removed", "present", "absent" */

  guint       n_committed;    /* all rounds */
  guint       n_verified;     /* committed writes whose round has been checked */
  guint       n_round_committed;
  guint       n_pending_done; /* doubtful writes found committed */
  guint       n_pending_lost; /* doubtful writes found not committed */
  guint       n_records_checked;
} State;

static void
state_clear_pending (State *state)
{
  g_clear_pointer (&state->pending_table, g_free);
  g_clear_pointer (&state->pending_id, g_free);
  g_clear_pointer (&state->pending_value, g_free);
}

static void
state_drop_links_of (State      *state,
                     const char *table,
                     const char *id)
{
  GHashTableIter iter;
  gpointer key;
  gboolean risk = g_str_equal (table, "risks");

  g_hash_table_iter_init (&iter, state->expected);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_auto(GStrv) parts = NULL;

      if (!g_str_has_prefix (key, "links "))
        continue;
      parts = g_strsplit ((const char *) key + strlen ("links "), ":", 2);
      if (g_strv_length (parts) == 2 && g_str_equal (parts[risk ? 0 : 1], id))
        g_hash_table_iter_remove (&iter);
    }
}

/* Applies one line of the writer; FALSE (with a message) for a line that makes no sense. */
static gboolean
state_apply_line (State       *state,
                  const char  *line,
                  GString     *problems)
{
  g_auto(GStrv) f = g_strsplit (line, " ", 0);
  g_autofree char *key = NULL;

  if (g_str_equal (line, "ready"))
    return TRUE;
  if (g_strv_length (f) != 5)
    {
      g_string_append_printf (problems, "unexpected line from the writer: %s\n", line);
      return FALSE;
    }

  if (g_str_equal (f[0], "pending"))
    {
      state_clear_pending (state);
      state->pending_table = g_strdup (f[1]);
      state->pending_id = g_strdup (f[2]);
      if (g_str_equal (f[4], "removed") || g_str_equal (f[1], "links"))
        state->pending_value = g_strdup (f[4]);
      else
        state->pending_value = g_strdup_printf ("%s %s", f[3], f[4]);
      return TRUE;
    }
  if (!g_str_equal (f[0], "committed"))
    {
      g_string_append_printf (problems, "unexpected line from the writer: %s\n", line);
      return FALSE;
    }

  state_clear_pending (state);
  state->n_committed++;
  state->n_round_committed++;
  key = g_strdup_printf ("%s %s", f[1], f[2]);
  if (g_str_equal (f[1], "links"))
    {
      if (g_str_equal (f[4], "present"))
        g_hash_table_insert (state->expected, g_steal_pointer (&key), g_strdup ("present"));
      else
        g_hash_table_remove (state->expected, key);
    }
  else if (g_str_equal (f[4], "removed"))
    {
      g_hash_table_remove (state->expected, key);
      /* The register removes a record's links with it, in the same transaction. */
      state_drop_links_of (state, f[1], f[2]);
    }
  else
    {
      g_hash_table_insert (state->expected, g_steal_pointer (&key),
                           g_strdup_printf ("%s %s", f[3], f[4]));
    }
  return TRUE;
}

/* Reads the workspace as it is on disk into "<table> <id>" → "<reference> <hash>" and
 * "links <risk>:<action>" → "present". */
static GHashTable *
read_workspace (AnnexDatabase *db,
                GString       *problems)
{
  g_autoptr(GHashTable) actual = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(AnnexRegister) actions = annex_register_new (db, ANNEX_TYPE_ACTION);
  g_autoptr(AnnexRegister) risks = annex_register_new (db, ANNEX_TYPE_RISK);
  g_autoptr(GError) error = NULL;
  AnnexRegister *regs[] = { actions, risks };
  const char *tables[] = { "actions", "risks" };

  for (guint r = 0; r < G_N_ELEMENTS (regs); r++)
    {
      guint n;

      if (!annex_register_load (regs[r], &error))
        {
          g_string_append_printf (problems, "loading %s failed: %s\n", tables[r], error->message);
          return NULL;
        }
      n = g_list_model_get_n_items (G_LIST_MODEL (regs[r]));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AnnexRecord) record = g_list_model_get_item (G_LIST_MODEL (regs[r]), i);
          g_autofree char *hash = dup_record_hash (record);

          g_hash_table_insert (actual,
                               g_strdup_printf ("%s %" G_GINT64_FORMAT, tables[r],
                                                annex_record_get_id (record)),
                               g_strdup_printf ("%s %s", annex_record_get_reference (record),
                                                hash));
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (risks)); i++)
    {
      g_autoptr(AnnexRecord) risk = g_list_model_get_item (G_LIST_MODEL (risks), i);
      gint64 risk_id = annex_record_get_id (risk);
      g_autoptr(GArray) targets = annex_links_dup_targets (db, "risks", risk_id, "actions",
                                                           &error);

      if (targets == NULL)
        {
          g_string_append_printf (problems, "reading links failed: %s\n", error->message);
          return NULL;
        }
      for (guint t = 0; t < targets->len; t++)
        g_hash_table_insert (actual,
                             g_strdup_printf ("links %" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                              risk_id, g_array_index (targets, gint64, t)),
                             g_strdup ("present"));
    }

  return g_steal_pointer (&actual);
}

/* Whether @key's state in the file (@actual_value, NULL when absent) is the one of the write in
 * doubt. */
static gboolean
is_pending_state (State      *state,
                  const char *key,
                  const char *actual_value)
{
  g_autofree char *pending_key = NULL;

  if (state->pending_table == NULL)
    return FALSE;

  if (g_str_equal (state->pending_id, "new"))
    {
      /* An add: one new record of that table, whatever its id and values. */
      return actual_value != NULL && g_str_has_prefix (key, state->pending_table) &&
             key[strlen (state->pending_table)] == ' ';
    }

  pending_key = g_strdup_printf ("%s %s", state->pending_table, state->pending_id);
  if (!g_str_equal (key, pending_key))
    return FALSE;
  if (g_str_equal (state->pending_value, "removed") || g_str_equal (state->pending_value, "absent"))
    return actual_value == NULL;
  return g_strcmp0 (actual_value, state->pending_value) == 0;
}

/* After a link's record was removed (a remove in doubt that did commit), its links are gone too. */
static gboolean
is_link_of_pending_remove (State      *state,
                           const char *key)
{
  g_auto(GStrv) parts = NULL;
  gboolean risk;

  if (state->pending_table == NULL || !g_str_equal (state->pending_value, "removed") ||
      !g_str_has_prefix (key, "links "))
    return FALSE;
  risk = g_str_equal (state->pending_table, "risks");
  parts = g_strsplit (key + strlen ("links "), ":", 2);
  return g_strv_length (parts) == 2 && g_str_equal (parts[risk ? 0 : 1], state->pending_id);
}

/* Reopens the workspace and checks it against what the writers reported. */
static gboolean
verify_workspace (State      *state,
                  const char *path,
                  GString    *problems)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = NULL;
  g_autoptr(GHashTable) actual = NULL;
  sqlite3_stmt *stmt = NULL;
  GHashTableIter iter;
  gpointer key, value;
  gint64 first_bad = -1, count = 0;
  gboolean pending_committed = FALSE;
  guint n_new = 0;
  gsize problems_len = problems->len;
  int rc;

  db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      g_string_append_printf (problems, "reopening failed: %s\n", error->message);
      return FALSE;
    }

  rc = sqlite3_prepare_v2 (annex_database_get_handle (db), "PRAGMA integrity_check", -1, &stmt,
                           NULL);
  if (rc != SQLITE_OK || sqlite3_step (stmt) != SQLITE_ROW ||
      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      g_string_append_printf (problems, "integrity_check: %s\n",
                              stmt != NULL ? (const char *) sqlite3_column_text (stmt, 0)
                                           : sqlite3_errstr (rc));
    }
  sqlite3_finalize (stmt);

  if (!annex_change_log_verify (db, &first_bad, &count, &error))
    g_string_append_printf (problems, "the change history cannot be read: %s\n", error->message);
  else if (first_bad != 0)
    g_string_append_printf (problems, "the change history breaks at entry %" G_GINT64_FORMAT
                            " of %" G_GINT64_FORMAT "\n", first_bad, count);

  actual = read_workspace (db, problems);
  if (actual == NULL)
    return FALSE;

  /* Every committed write is there, with its last values… */
  g_hash_table_iter_init (&iter, state->expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *found = g_hash_table_lookup (actual, key);

      state->n_records_checked++;
      if (g_strcmp0 (found, value) == 0)
        continue;
      if (is_pending_state (state, key, found) || (found == NULL &&
                                                   is_link_of_pending_remove (state, key)))
        {
          pending_committed = TRUE;
          continue;
        }
      g_string_append_printf (problems, "%s: expected “%s”, found “%s”\n",
                              (const char *) key, (const char *) value,
                              found != NULL ? found : "(nothing)");
    }
  /* …and nothing else is, except the write in doubt. */
  g_hash_table_iter_init (&iter, actual);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_hash_table_contains (state->expected, key))
        continue;
      if (is_pending_state (state, key, value) && n_new++ == 0)
        {
          pending_committed = TRUE;
          continue;
        }
      g_string_append_printf (problems, "%s: unexpected “%s”\n", (const char *) key,
                              (const char *) value);
    }

  if (state->pending_table != NULL)
    {
      if (pending_committed)
        state->n_pending_done++;
      else
        state->n_pending_lost++;
    }

  /* The file as it is becomes what the next writer starts from. */
  g_hash_table_unref (state->expected);
  state->expected = g_steal_pointer (&actual);
  state_clear_pending (state);

  annex_database_close (db);
  state->n_verified += state->n_round_committed;
  state->n_round_committed = 0;
  return problems->len == problems_len;
}

/* Starts a writer on @path, reads its lines for @run_ms after it is ready, kills it with
 * SIGKILL and reads what it wrote before dying. */
static gboolean
run_round (State      *state,
           const char *self_exe,
           const char *path,
           guint32     seed,
           guint       run_ms,
           GString    *problems)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autofree char *seed_arg = g_strdup_printf ("%u", seed);
  const char *argv[] = { self_exe, "--writer", path, seed_arg, NULL };
  gint64 deadline = 0;
  gboolean ok = TRUE;
  gboolean exited = FALSE;
  GPid pid;
  int out_fd;
  int status;

  if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                                 NULL, &pid, NULL, &out_fd, NULL, &error))
    {
      g_string_append_printf (problems, "cannot start the writer: %s\n", error->message);
      return FALSE;
    }

  for (;;)
    {
      struct pollfd pfd = { out_fd, POLLIN, 0 };
      int timeout = -1;
      char chunk[4096];
      ssize_t n;
      char *newline;

      if (deadline != 0)
        {
          gint64 now = g_get_monotonic_time ();

          if (now >= deadline)
            break;
          timeout = MAX (1, (int) ((deadline - now) / 1000));
        }
      else
        {
          timeout = 120 * 1000;    /* the writer never got ready */
        }

      if (poll (&pfd, 1, timeout) < 0)
        {
          if (errno == EINTR)
            continue;
          break;
        }
      if (pfd.revents == 0)
        {
          if (deadline == 0)
            {
              g_string_append (problems, "the writer did not get ready in 120 s\n");
              ok = FALSE;
            }
          break;
        }
      n = read (out_fd, chunk, sizeof chunk);
      if (n <= 0)
        {
          exited = TRUE;    /* the writer ended by itself: a failure it printed */
          break;
        }
      g_string_append_len (buffer, chunk, n);
      while ((newline = strchr (buffer->str, '\n')) != NULL)
        {
          *newline = '\0';
          if (deadline == 0 && g_str_equal (buffer->str, "ready"))
            deadline = g_get_monotonic_time () + (gint64) run_ms * 1000;
          ok = state_apply_line (state, buffer->str, problems) && ok;
          g_string_erase (buffer, 0, newline - buffer->str + 1);
        }
    }

  kill (pid, SIGKILL);
  while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
    ;
  g_spawn_close_pid (pid);

  /* What the writer printed before the kill: complete lines only. */
  for (;;)
    {
      char chunk[4096];
      ssize_t n = read (out_fd, chunk, sizeof chunk);
      char *newline;

      if (n <= 0)
        break;
      g_string_append_len (buffer, chunk, n);
      while ((newline = strchr (buffer->str, '\n')) != NULL)
        {
          *newline = '\0';
          ok = state_apply_line (state, buffer->str, problems) && ok;
          g_string_erase (buffer, 0, newline - buffer->str + 1);
        }
    }
  close (out_fd);

  if (exited || !WIFSIGNALED (status) || WTERMSIG (status) != SIGKILL)
    {
      g_string_append_printf (problems, "the writer ended by itself (status %d)\n", status);
      ok = FALSE;
    }
  return ok;
}

static int
run_parent (guint    kills,
            guint32  seed,
            guint    max_run_ms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", &error);
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  State state = { 0, };
  gint64 start = g_get_monotonic_time ();
  guint survived = 0;
  double seconds;

  printf ("1..1\n# seed %u, %u kills\n", seed, kills);
  fflush (stdout);
  if (self_exe == NULL)
    {
      printf ("not ok 1 /annex/crash/kill-writer # %s\n", error->message);
      return 1;
    }

  tmpdir = annex_test_make_tmpdir ();
  path = g_build_filename (tmpdir, "crash.isms", NULL);
  {
    g_autoptr(AnnexDatabase) db = annex_database_create (path, "Crash Test Ltd", &error);

    if (db == NULL)
      {
        printf ("not ok 1 /annex/crash/kill-writer # %s\n", error->message);
        return 1;
      }
  }

  state.expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint k = 0; k < kills; k++)
    {
      guint run_ms = g_rand_int_range (rand, 0, max_run_ms + 1);
      guint32 writer_seed = g_rand_int (rand);
      gboolean ok;

      ok = run_round (&state, self_exe, path, writer_seed, run_ms, problems);
      ok = verify_workspace (&state, path, problems) && ok;
      if (!ok)
        {
          printf ("# kill %u of %u (writer seed %u, after %u ms) failed:\n", k + 1, kills,
                  writer_seed, run_ms);
          break;
        }
      survived++;
      if (kills >= 20 && (k + 1) % 20 == 0)
        {
          printf ("# %u kills survived, %u writes verified, %.1f s\n", survived,
                  state.n_verified, (g_get_monotonic_time () - start) / 1e6);
          fflush (stdout);
        }
    }

  seconds = (g_get_monotonic_time () - start) / 1e6;
  printf ("# kills survived: %u of %u\n", survived, kills);
  printf ("# writes verified: %u (committed writes reported by the writers)\n", state.n_verified);
  printf ("# writes in doubt at the kill: %u found committed, %u found not committed\n",
          state.n_pending_done, state.n_pending_lost);
  printf ("# record and link states compared: %u\n", state.n_records_checked);
  printf ("# time: %.1f s\n", seconds);

  if (problems->len > 0)
    {
      g_auto(GStrv) lines = g_strsplit (problems->str, "\n", 0);

      for (guint i = 0; lines[i] != NULL; i++)
        if (*lines[i] != '\0')
          printf ("# %s\n", lines[i]);
      printf ("not ok 1 /annex/crash/kill-writer # seed %u\n", seed);
    }
  else
    {
      printf ("ok 1 /annex/crash/kill-writer\n");
      annex_test_rm_rf (tmpdir);
    }

  state_clear_pending (&state);
  g_hash_table_unref (state.expected);
  return problems->len > 0 ? 1 : 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  gboolean writer = FALSE;
  int kills = 10;
  gint64 seed = -1;
  int max_run_ms = 300;
  GOptionEntry entries[] = {
    { "writer", 0, 0, G_OPTION_ARG_NONE, &writer, "Be the writer (PATH SEED)", NULL },
    { "kills", 'k', 0, G_OPTION_ARG_INT, &kills, "Kill the writer N times (10)", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Seed of the random choices", "SEED" },
    { "max-run", 0, 0, G_OPTION_ARG_INT, &max_run_ms,
      "Let each writer run at most MS milliseconds (300)", "MS" },
    { NULL }
  };

  context = g_option_context_new ("- kill a workspace writer and check what survives");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (writer)
    {
      if (argc != 3)
        {
          g_printerr ("usage: %s --writer PATH SEED\n", argv[0]);
          return 2;
        }
      return run_writer (argv[1], (guint32) g_ascii_strtoull (argv[2], NULL, 10));
    }

  if (kills < 1 || max_run_ms < 0)
    {
      g_printerr ("--kills must be at least 1\n");
      return 2;
    }
  if (seed < 0)
    seed = g_random_int ();
  return run_parent (kills, (guint32) seed, max_run_ms);
}
