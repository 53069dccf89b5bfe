/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-test-util.h: helpers shared by the tests: a temporary directory per test, file
 * comparison, fixture paths. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A fresh temporary directory, removed with its contents by annex_test_rm_rf(). */
char     *annex_test_make_tmpdir   (void);
void      annex_test_rm_rf         (const char *path);

/* The bytes of @path (asserts it can be read). */
GBytes   *annex_test_read_file     (const char *path);
/* Asserts that @path holds exactly @expected. */
void      annex_test_assert_file_equals (const char *path,
                                         GBytes     *expected);

/* Writes @len bytes of @data to @path (asserts it worked). */
void      annex_test_write_file    (const char *path,
                                    const void *data,
                                    gssize      len);

/* A handler for any signal with one argument ("notify", "changed"…) that counts its emissions:
 * g_signal_connect (object, "notify::name", G_CALLBACK (annex_test_count_cb), &counter). */
void      annex_test_count_cb      (gpointer    instance,
                                    gpointer    arg,
                                    guint      *counter);

/* Item @position of @model, borrowed (the model keeps it alive); asserts that it exists. */
gpointer  annex_test_list_get_item (GListModel *model,
                                    guint       position);

/* Runs the default main context until *@flag is TRUE (asserting after 30 s). */
void      annex_test_wait_for      (gboolean   *flag);

/* Dispatches what is pending on the default main context, without blocking. */
void      annex_test_iterate_main_loop (void);

/* Drops the caller's reference to @object and waits until it is finalized (asserting after
 * 10 s): a register's reload on a worker may hold a workspace a moment. */
void      annex_test_finalize_eventually (gpointer object);

/* Runs the main loop until @cond holds, for at most 30 s: a register re-reads on a worker after
 * another register wrote its table (children restored with their parent), which takes long
 * under the sanitizers. The caller asserts @cond afterwards. */
#define ANNEX_TEST_WAIT_UNTIL(cond) \
  G_STMT_START { \
    gint64 annex_deadline_ = g_get_monotonic_time () + 30 * G_USEC_PER_SEC; \
    while (!(cond) && g_get_monotonic_time () < annex_deadline_) \
      { \
        while (g_main_context_iteration (NULL, FALSE)) \
          ; \
        g_usleep (1000); \
      } \
  } G_STMT_END

G_END_DECLS
