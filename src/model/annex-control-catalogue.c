/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-control-catalogue.c: the record of an imported control catalogue: its field table and
 * the rule that it stays as long as the workspace does. */

#define G_LOG_DOMAIN "annex-control-catalogue"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-control-catalogue.h"
#include "annex-store-error.h"

struct _AnnexControlCatalogue
{
  AnnexRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AnnexControlCatalogue, annex_control_catalogue, ANNEX_TYPE_RECORD)

/* Indexes into fields[]. */
enum {
  FIELD_TITLE,
  FIELD_VERSION,
  FIELD_SOURCE,
  FIELD_IMPORTED,
  N_FIELDS
};

static const AnnexField fields[N_FIELDS] = {
  [FIELD_TITLE] = {
    "title", "title", ANNEX_FIELD_TEXT, N_("Title"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_VERSION] = {
    "version", "version", ANNEX_FIELD_TEXT, N_("Version"),
    ANNEX_FIELD_FLAG_LIST,
    NULL, NULL
  },
  [FIELD_SOURCE] = {
    /* Translators: the identifier (a UUID) of the document a catalogue was imported from */
    "source", "source", ANNEX_FIELD_TEXT, N_("Source"),
    ANNEX_FIELD_FLAG_NONE,
    NULL, NULL
  },
  [FIELD_IMPORTED] = {
    "imported", "imported", ANNEX_FIELD_DATE, N_("Imported on"),
    ANNEX_FIELD_FLAG_LIST,
    NULL, NULL
  },
};

/* Its controls may carry SoA decisions, links and actions: a catalogue is kept. */
static gboolean
annex_control_catalogue_can_delete (AnnexRecord  *record,
                                    GError      **error)
{
  g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                       _("An imported catalogue cannot be deleted; exclude its controls "
                         "instead"));
  return FALSE;
}

static void
annex_control_catalogue_class_init (AnnexControlCatalogueClass *klass)
{
  AnnexRecordClass *record_class = ANNEX_RECORD_CLASS (klass);

  record_class->can_delete = annex_control_catalogue_can_delete;

  annex_record_class_install_fields (record_class, "catalogues", "CAT-", fields, N_FIELDS);
}

static void
annex_control_catalogue_init (AnnexControlCatalogue *self)
{
}

/**
 * annex_control_catalogue_new:
 *
 * Returns: (transfer full): a new, unsaved catalogue record
 */
AnnexControlCatalogue *
annex_control_catalogue_new (void)
{
  return g_object_new (ANNEX_TYPE_CONTROL_CATALOGUE, NULL);
}

const char *
annex_control_catalogue_get_title (AnnexControlCatalogue *self)
{
  g_return_val_if_fail (ANNEX_IS_CONTROL_CATALOGUE (self), NULL);

  return annex_record_get_string (ANNEX_RECORD (self), "title");
}
