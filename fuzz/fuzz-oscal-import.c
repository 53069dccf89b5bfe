/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-oscal-import.c: libFuzzer target for the OSCAL catalog importer
 * (annex_oscal_import_catalog).
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
  annex_fuzz_oscal_import (data, size);
  return 0;
}
