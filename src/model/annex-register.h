/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-register.h: a GListModel of the records of one register (one record type, one table), with
 * the create/update/delete operations generated from the record type's field table. Every write
 * runs in a transaction with its change-history entry. */

#pragma once

#include <gio/gio.h>

#include "annex-database.h"
#include "annex-record.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_REGISTER (annex_register_get_type ())
G_DECLARE_FINAL_TYPE (AnnexRegister, annex_register, ANNEX, REGISTER, GObject)

/* Properties: "database" (AnnexDatabase, construct-only), "record-type" (GType, construct-only),
 * "loaded" (gboolean), "n-items" (guint). Items are the records, in id order (creation order).
 *
 * The register's own writes update its items directly after their commit (no reload). A write to
 * its table by anyone else on the same connection (another register, an import; seen through the
 * database's "changed") makes a loaded register re-read it with annex_register_load_async(). When
 * the register's writes run inside a caller's transaction, they reach the file with the caller's
 * commit; if the caller rolls back instead, the caller reloads the register. */
AnnexRegister *annex_register_new            (AnnexDatabase        *database,
                                              GType                 record_type);

AnnexDatabase *annex_register_get_database   (AnnexRegister        *self);
GType          annex_register_get_record_type (AnnexRegister       *self);
gboolean       annex_register_get_loaded     (AnnexRegister        *self);

/* Loads every row, replacing the current items with one items-changed emission. */
gboolean       annex_register_load           (AnnexRegister        *self,
                                              GError              **error);
/* The same, reading through a second, read-only connection on a worker thread; the items are
 * replaced on the calling thread's main context in one items-changed emission. */
void           annex_register_load_async     (AnnexRegister        *self,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean       annex_register_load_finish    (AnnexRegister        *self,
                                              GAsyncResult         *result,
                                              GError              **error);

/* A new, unsaved record of the register's type with the fields' default values. */
AnnexRecord   *annex_register_new_record     (AnnexRegister        *self);

/* Inserts @record (id 0): validates it, assigns id, the next reference and timestamps, records the
 * change, commits, then appends it (one items-changed). A record type without a reference
 * prefix (controls) takes the reference set with annex_record_set_reference(), trimmed; it must
 * not be empty, longer than 20 characters, hold white space or be used already. The class's
 * can_add may refuse (requirements, Annex A controls), and READ_ONLY fields must hold their
 * defaults. Every refusal is ANNEX_STORE_ERROR_INVALID with a message for the user. */
gboolean       annex_register_add            (AnnexRegister        *self,
                                              AnnexRecord          *record,
                                              GError              **error);
/* Writes @record's current values (it must be an item of @self): validates, records before/after in
 * the change history, commits, updates "updated". Nothing is written when no value differs from the
 * stored row. On failure nothing is written and @record keeps the values as the user typed them. */
gboolean       annex_register_save           (AnnexRegister        *self,
                                              AnnexRecord          *record,
                                              GError              **error);
/* Writes several records of the register at once (a bulk edit) in ONE transaction: every
 * record is validated first; nothing is written unless all are valid and every write succeeds.
 * One change-history entry per record that changed (unchanged ones are skipped); one "changed"
 * signal of the database; no items-changed (the items are the same objects; their "updated" is
 * notified after the commit). On failure the error names the record ("5.3: …") and the records
 * keep the values the caller set: reload the register to go back to the stored ones. */
gboolean       annex_register_save_many      (AnnexRegister        *self,
                                              GPtrArray            *records,
                                              GError              **error);
/* Deletes @record, records the change, commits, removes the item (one items-changed). Keep a
 * reference to @record to restore it. The class's can_delete and check_write may refuse (Annex A
 * controls, requirements, an approved scope: ANNEX_STORE_ERROR_INVALID).
 * In the same transaction, before the record itself: its children (annex_record_class_add_child(),
 * recursively) are deleted, and the links of the record and of every child (annex-links.h, both
 * directions), each with its change-history entry. @record keeps what was removed with it, so
 * annex_register_restore() can bring it back. Registers of the child types see the write through
 * the database's "changed" signal and reload. */
gboolean       annex_register_remove         (AnnexRegister        *self,
                                              AnnexRecord          *record,
                                              GError              **error);
/* Undoes a remove: inserts @record again with its id, reference, timestamps and values (recorded
 * as an insert in the change history), at its place in id order; in the same transaction, the
 * children removed with it (same ids, references and values) and the links removed with it whose
 * other end still exists (links to records deleted meanwhile are dropped silently). */
gboolean       annex_register_restore        (AnnexRegister        *self,
                                              AnnexRecord          *record,
                                              GError              **error);

/* The item with @id, or NULL (borrowed). */
AnnexRecord   *annex_register_find           (AnnexRegister        *self,
                                              gint64                id);
/* The position of @record, or G_MAXUINT. */
guint          annex_register_get_position   (AnnexRegister        *self,
                                              AnnexRecord          *record);

G_END_DECLS
