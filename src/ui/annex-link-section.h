/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-link-section.h: an editor section listing the records of another register linked to the
 * editor's record (annex-links.h), with a remove button per row and an "Add…" picker. */

#pragma once

#include <adwaita.h>

#include "annex-record-editor.h"
#include "annex-register.h"

G_BEGIN_DECLS

/**
 * AnnexLinkDirection:
 * @ANNEX_LINK_FROM_RECORD: links are stored from the section's record to the target records
 *   (a party requirement → its controls, a risk → its assets and controls)
 * @ANNEX_LINK_TO_RECORD: links are stored from the target records to the section's record
 *   (a control listing the risks that link to it)
 *
 * Which end of the stored link (from_table/from_id → to_table/to_id) the section's record is.
 * Only the storage differs: the section looks and behaves the same either way.
 */
typedef enum
{
  ANNEX_LINK_FROM_RECORD,
  ANNEX_LINK_TO_RECORD,
} AnnexLinkDirection;

#define ANNEX_TYPE_LINK_DIRECTION (annex_link_direction_get_type ())
GType annex_link_direction_get_type (void);

#define ANNEX_TYPE_LINK_SECTION (annex_link_section_get_type ())
G_DECLARE_FINAL_TYPE (AnnexLinkSection, annex_link_section, ANNEX, LINK_SECTION, GtkWidget)

/* Properties:
 *   "title"           (string) the heading, e.g. "Controls"
 *   "targets"         (AnnexRegister, construct-only) the register whose records can be linked
 *                     (e.g. the controls); its database holds the links. Its table is the other
 *                     end of every link.
 *   "direction"       (AnnexLinkDirection, construct-only) see above
 *   "record"          (AnnexRecord or NULL) the record whose links are listed; NULL or an unsaved
 *                     record (id 0) hides the section. Set by annex_link_section_attach(), or by
 *                     hand when the section is not in a record editor.
 *   "empty-text"      (string) shown when nothing is linked ("No controls linked yet.")
 *   "n-links"         (guint, read-only) how many records are linked now
 *
 * Each row reads "<reference> <title>" ("5.15 Access control"; the title is the record's
 * "display-title" property when its type has one, else its "title" or "name" field, else its
 * first text field) with a remove button. Activating a row activates the window action
 * "win.show-record" with the parameter (s table, x id) of the linked record, so the window
 * shows it in its register page. "Add…" opens a popover with a search entry and every record of
 * "targets" (a check box per record, the linked ones checked; toggling one links or unlinks it
 * at once). The rows follow the database's "changed::links" and the targets' changes.
 * Failures (a refused link) are shown through the "add-toast" signal (AdwToast *toast, lent for
 * the emission as with AnnexRegisterPage's). */

GtkWidget     *annex_link_section_new            (const char         *title,
                                                  AnnexRegister      *targets,
                                                  AnnexLinkDirection  direction);

/* Adds @self to @editor (annex_record_editor_add_section()) and makes it follow the editor's
 * "record"; also forwards the section's "add-toast" to the editor's "add-toast", which the
 * register page already shows. The usual way to use the section:
 *
 *   annex_link_section_attach (ANNEX_LINK_SECTION (annex_link_section_new (_("Controls"),
 *                                                                          controls,
 *                                                                          ANNEX_LINK_FROM_RECORD)),
 *                              annex_register_page_get_editor (page));
 *
 * The targets register must be loaded (or loading) for the rows to have titles; rows of records
 * it does not hold (yet) show their id only until it has loaded. */
void           annex_link_section_attach         (AnnexLinkSection   *self,
                                                  AnnexRecordEditor  *editor);

AnnexRecord   *annex_link_section_get_record     (AnnexLinkSection   *self);
void           annex_link_section_set_record     (AnnexLinkSection   *self,
                                                  AnnexRecord        *record);
AnnexRegister *annex_link_section_get_targets    (AnnexLinkSection   *self);
void           annex_link_section_set_empty_text (AnnexLinkSection   *self,
                                                  const char         *text);
guint          annex_link_section_get_n_links    (AnnexLinkSection   *self);

/* The ids of the linked target records, ascending (a new array of gint64). */
GArray        *annex_link_section_dup_linked_ids (AnnexLinkSection   *self);
/* Links (@linked TRUE) or unlinks the target record @target_id, as the picker's check box does.
 * On failure nothing changes and @error is set (the picker shows it as a toast). */
gboolean       annex_link_section_set_linked     (AnnexLinkSection   *self,
                                                  gint64              target_id,
                                                  gboolean            linked,
                                                  GError            **error);
/* Opens the "Add…" popover (for keyboard users and tests). */
void           annex_link_section_open_picker    (AnnexLinkSection   *self);

/* "5.15 Access control": the reference and the title of @record as the rows show them. */
char          *annex_link_section_format_record  (AnnexRecord        *record);

G_END_DECLS
