/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-csv-import.c: libFuzzer target for the CSV importer
 * (annex_csv_import_new, check, run) for every importable table.
 * Built with -Dfuzzing=true (make fuzz); the entry point is in annex-fuzz-targets.c. */

#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "annex-fuzz-targets.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  annex_fuzz_csv_import (data, size);
  return 0;
}
