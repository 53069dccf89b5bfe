/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-test-model-util.h: helpers shared by the tests that work on a workspace through the
 * registers: a workspace in a temporary directory, loaded registers, records and links added
 * with their errors asserted. Kept apart from annex-test-util so store tests need no model. */

#pragma once

#include "annex-database.h"
#include "annex-register.h"

G_BEGIN_DECLS

/* A workspace file in a temporary directory of its own: the fixture of most model tests
 * (use it as the test's fixture type and call the two functions below from its set-up and
 * tear-down). */
typedef struct
{
  char          *tmpdir;
  AnnexDatabase *db;
} AnnexTestWorkspace;

/* Creates @file_name for @organization in a fresh temporary directory. */
void           annex_test_workspace_init      (AnnexTestWorkspace *workspace,
                                               const char         *file_name,
                                               const char         *organization);
/* Closes the workspace, asserts that nothing still holds it, and removes the directory. */
void           annex_test_workspace_clear     (AnnexTestWorkspace *workspace);

/* A new register of @type on @db, loaded (asserts it worked); the caller owns it. */
AnnexRegister *annex_test_load_register       (AnnexDatabase      *db,
                                               GType               type);

/* The record of @reg whose reference is @reference, borrowed; NULL when there is none. */
AnnexRecord   *annex_test_find_record         (AnnexRegister      *reg,
                                               const char         *reference);

/* Adds or saves @record through @reg, asserting it worked. */
void           annex_test_add_record          (AnnexRegister      *reg,
                                               AnnexRecord        *record);
void           annex_test_save_record         (AnnexRegister      *reg,
                                               AnnexRecord        *record);

/* Links @from (a record of @from_table) to @to (of @to_table), asserting it worked. */
void           annex_test_add_link            (AnnexDatabase      *db,
                                               const char         *from_table,
                                               AnnexRecord        *from,
                                               const char         *to_table,
                                               AnnexRecord        *to);

G_END_DECLS
