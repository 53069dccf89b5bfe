/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-record-filter.h: the filter of a register page: the search text and the facets (a
 * choice per facet, such as a status or an attribute), all combined, as one GtkFilter. */

#pragma once

#include <gtk/gtk.h>

#include "annex-record.h"

G_BEGIN_DECLS

/* The choice of a facet that lets every record through. */
#define ANNEX_FACET_ANY G_MAXUINT

/* Whether @record matches choice @choice (an index into the facet's choices). Called for every
 * record while the facet is set: keep it cheap. */
typedef gboolean (*AnnexFacetMatchFunc) (AnnexRecord *record,
                                         guint        choice,
                                         gpointer     user_data);

#define ANNEX_TYPE_RECORD_FILTER (annex_record_filter_get_type ())
G_DECLARE_FINAL_TYPE (AnnexRecordFilter, annex_record_filter, ANNEX, RECORD_FILTER, GtkFilter)

/* A record passes when it matches the search (annex_record_matches()) and the choice of every
 * facet that is set. With no search and no facet set, the filter's strictness is
 * GTK_FILTER_MATCH_ALL, so a GtkFilterListModel does not look at the records at all. Every
 * change emits GtkFilter::changed with the narrowest change kind (typing on, or setting a facet,
 * only looks at the records shown). Facets are kept in the order they were added; the facets of
 * a record class's fields (annex_record_filter_set_record_class()) come first. */

AnnexRecordFilter  *annex_record_filter_new              (void);

/* The search as typed; NULL, empty or blank: no search. */
void                annex_record_filter_set_search       (AnnexRecordFilter   *self,
                                                          const char          *text);
/* The normalized, casefolded search, or NULL when not searching. */
const char         *annex_record_filter_get_query        (AnnexRecordFilter   *self);

/* Adds a facet named @name (unique), shown as @label, offering @choices (translated labels,
 * NULL-terminated; copied). It starts unset (ANNEX_FACET_ANY). */
void                annex_record_filter_add_facet        (AnnexRecordFilter   *self,
                                                          const char          *name,
                                                          const char          *label,
                                                          const char * const  *choices,
                                                          AnnexFacetMatchFunc  match,
                                                          gpointer             user_data,
                                                          GDestroyNotify       destroy);
/* Removes the facet @name added with annex_record_filter_add_facet() (to offer other choices:
 * remove, then add again). FALSE for an unknown name. */
gboolean            annex_record_filter_remove_facet     (AnnexRecordFilter   *self,
                                                          const char          *name);
/* Replaces the field facets with one per CHOICE field of @klass flagged ANNEX_FIELD_FLAG_FILTER
 * (named after the field, labelled and offering its choices translated); NULL removes them. The
 * facets added with annex_record_filter_add_facet() stay. */
void                annex_record_filter_set_record_class (AnnexRecordFilter   *self,
                                                          AnnexRecordClass    *klass);

guint               annex_record_filter_get_n_facets     (AnnexRecordFilter   *self);
const char         *annex_record_filter_get_facet_name   (AnnexRecordFilter   *self,
                                                          guint                index);
const char         *annex_record_filter_get_facet_label  (AnnexRecordFilter   *self,
                                                          guint                index);
const char * const *annex_record_filter_get_facet_choices (AnnexRecordFilter  *self,
                                                          guint                index);
/* The index of the facet named @name, or -1. */
int                 annex_record_filter_find_facet       (AnnexRecordFilter   *self,
                                                          const char          *name);

/* The choice of the facet @name: an index into its choices, or ANNEX_FACET_ANY (also for an
 * unknown name). */
guint               annex_record_filter_get_facet        (AnnexRecordFilter   *self,
                                                          const char          *name);
/* Sets the facet @name to @choice (ANNEX_FACET_ANY unsets it). FALSE for an unknown name or a
 * choice out of range. */
gboolean            annex_record_filter_set_facet        (AnnexRecordFilter   *self,
                                                          const char          *name,
                                                          guint                choice);
/* Unsets every facet (the search stays). */
void                annex_record_filter_clear_facets     (AnnexRecordFilter   *self);
/* How many facets are set. */
guint               annex_record_filter_get_n_active     (AnnexRecordFilter   *self);

/* The same test the filter applies, for one record. */
gboolean            annex_record_filter_matches          (AnnexRecordFilter   *self,
                                                          AnnexRecord         *record);

/* Replaces the choices of facet @name (one added with annex_record_filter_add_facet(), not a
 * field's) with @choices (copied), e.g. the owners found in a register. A choice that is set stays
 * set when its label is among the new choices (at its new index), else the facet is unset. FALSE
 * for an unknown or field facet. */
gboolean            annex_record_filter_set_facet_choices (AnnexRecordFilter  *self,
                                                          const char         *name,
                                                          const char * const *choices);

G_END_DECLS
