/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-fuzz-targets.h: the entry points of the fuzz targets, without libFuzzer: each takes one
 * input and runs it through the code under test. fuzz/fuzz-*.c wrap them for libFuzzer;
 * tests/test-fuzz-regressions.c replays every input that once crashed one of them. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Makes every GLib warning and critical fatal (a critical in the importers is a bug), then
 * prepares the per-process temporary workspace on first use. */
void annex_fuzz_init             (void);

/* The input as a CSV file, read for each importable table (annex_csv_import_new); when it reads,
 * every cell is visited and the rows are checked; when they check, they are imported inside a
 * transaction that is then rolled back, so the workspace stays the same across inputs. */
void annex_fuzz_csv_import       (const guint8 *data,
                                  gsize         size);

/* The input as an OSCAL catalog (annex_oscal_import_catalog), inside a transaction rolled back
 * afterwards. */
void annex_fuzz_oscal_import     (const guint8 *data,
                                  gsize         size);

/* The input as a workspace file: annex_database_validate_file; when it passes, opened
 * (annex_database_open, migrations included), its history verified and two registers loaded. */
void annex_fuzz_workspace_open   (const guint8 *data,
                                  gsize         size);

/* Removes the temporary workspace (also done at exit). */
void annex_fuzz_cleanup          (void);

G_END_DECLS
