/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-register-private.h: register operations for the model's own rules, not for the UI. */

#pragma once

#include "annex-register.h"

G_BEGIN_DECLS

/* annex_register_save_many() for a rule of the model that sets READ_ONLY fields (approving a
 * scope version): the READ_ONLY check and the records' check_write are skipped; validation,
 * the change history and the single transaction are as usual. */
gboolean _annex_register_save_privileged (AnnexRegister  *self,
                                          GPtrArray      *records,
                                          GError        **error);

/* annex_register_add() for a rule of the model that sets READ_ONLY fields (a control imported
 * from a catalogue, with its "catalogue-id"): the class's can_add and the READ_ONLY defaults are
 * skipped; the reference rules, validation, check_write and the change history are as usual. */
gboolean _annex_register_add_privileged  (AnnexRegister  *self,
                                          AnnexRecord    *record,
                                          GError        **error);

G_END_DECLS
