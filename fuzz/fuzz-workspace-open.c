/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-workspace-open.c: libFuzzer target for validating and opening a workspace file
 * (annex_database_validate_file, annex_database_open).
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
  annex_fuzz_workspace_open (data, size);
  return 0;
}
