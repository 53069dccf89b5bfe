/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-catalogue.h: the reference catalogue compiled into Annex: the 93 Annex A controls of
 * ISO/IEC 27001:2022 with their ISO/IEC 27002:2022 attributes and 2013 mapping, and the
 * clauses 4–10 that make up the requirements checklist. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * AnnexControlTheme:
 * @ANNEX_THEME_ORGANIZATIONAL: controls 5.1–5.37
 * @ANNEX_THEME_PEOPLE: controls 6.1–6.8
 * @ANNEX_THEME_PHYSICAL: controls 7.1–7.14
 * @ANNEX_THEME_TECHNOLOGICAL: controls 8.1–8.34
 *
 * The four themes that group the Annex A controls.
 */
typedef enum
{
  ANNEX_THEME_ORGANIZATIONAL,
  ANNEX_THEME_PEOPLE,
  ANNEX_THEME_PHYSICAL,
  ANNEX_THEME_TECHNOLOGICAL,
} AnnexControlTheme;

#define ANNEX_N_CONTROL_THEMES 4

/**
 * AnnexCatalogueAttribute:
 * @ANNEX_CATALOGUE_ATTRIBUTE_CONTROL_TYPE: control type (#AnnexControlType)
 * @ANNEX_CATALOGUE_ATTRIBUTE_PROPERTY: information security properties (#AnnexSecurityProperty)
 * @ANNEX_CATALOGUE_ATTRIBUTE_CONCEPT: cybersecurity concepts (#AnnexCybersecurityConcept)
 * @ANNEX_CATALOGUE_ATTRIBUTE_CAPABILITY: operational capabilities (#AnnexOperationalCapability)
 * @ANNEX_CATALOGUE_ATTRIBUTE_DOMAIN: security domains (#AnnexSecurityDomain)
 *
 * The five ISO/IEC 27002:2022 attributes. Each has a closed vocabulary of flags; a control
 * carries a set of them per attribute.
 */
typedef enum
{
  ANNEX_CATALOGUE_ATTRIBUTE_CONTROL_TYPE,
  ANNEX_CATALOGUE_ATTRIBUTE_PROPERTY,
  ANNEX_CATALOGUE_ATTRIBUTE_CONCEPT,
  ANNEX_CATALOGUE_ATTRIBUTE_CAPABILITY,
  ANNEX_CATALOGUE_ATTRIBUTE_DOMAIN,
} AnnexCatalogueAttribute;

#define ANNEX_CATALOGUE_N_ATTRIBUTES 5

/**
 * AnnexControlType:
 * @ANNEX_CONTROL_TYPE_PREVENTIVE: acts before an incident
 * @ANNEX_CONTROL_TYPE_DETECTIVE: acts when an incident occurs
 * @ANNEX_CONTROL_TYPE_CORRECTIVE: acts after an incident
 *
 * Flags of the control type attribute.
 */
typedef enum /*< flags >*/
{
  ANNEX_CONTROL_TYPE_PREVENTIVE = 1 << 0,
  ANNEX_CONTROL_TYPE_DETECTIVE  = 1 << 1,
  ANNEX_CONTROL_TYPE_CORRECTIVE = 1 << 2,
} AnnexControlType;

/**
 * AnnexSecurityProperty:
 * @ANNEX_SECURITY_PROPERTY_CONFIDENTIALITY: confidentiality
 * @ANNEX_SECURITY_PROPERTY_INTEGRITY: integrity
 * @ANNEX_SECURITY_PROPERTY_AVAILABILITY: availability
 *
 * Flags of the information security properties attribute.
 */
typedef enum /*< flags >*/
{
  ANNEX_SECURITY_PROPERTY_CONFIDENTIALITY = 1 << 0,
  ANNEX_SECURITY_PROPERTY_INTEGRITY       = 1 << 1,
  ANNEX_SECURITY_PROPERTY_AVAILABILITY    = 1 << 2,
} AnnexSecurityProperty;

/**
 * AnnexCybersecurityConcept:
 * @ANNEX_CYBERSECURITY_CONCEPT_IDENTIFY: identify
 * @ANNEX_CYBERSECURITY_CONCEPT_PROTECT: protect
 * @ANNEX_CYBERSECURITY_CONCEPT_DETECT: detect
 * @ANNEX_CYBERSECURITY_CONCEPT_RESPOND: respond
 * @ANNEX_CYBERSECURITY_CONCEPT_RECOVER: recover
 *
 * Flags of the cybersecurity concepts attribute.
 */
typedef enum /*< flags >*/
{
  ANNEX_CYBERSECURITY_CONCEPT_IDENTIFY = 1 << 0,
  ANNEX_CYBERSECURITY_CONCEPT_PROTECT  = 1 << 1,
  ANNEX_CYBERSECURITY_CONCEPT_DETECT   = 1 << 2,
  ANNEX_CYBERSECURITY_CONCEPT_RESPOND  = 1 << 3,
  ANNEX_CYBERSECURITY_CONCEPT_RECOVER  = 1 << 4,
} AnnexCybersecurityConcept;

/**
 * AnnexOperationalCapability:
 * @ANNEX_OPERATIONAL_CAPABILITY_GOVERNANCE: governance
 * @ANNEX_OPERATIONAL_CAPABILITY_ASSET_MANAGEMENT: asset management
 * @ANNEX_OPERATIONAL_CAPABILITY_INFORMATION_PROTECTION: information protection
 * @ANNEX_OPERATIONAL_CAPABILITY_HUMAN_RESOURCE_SECURITY: human resource security
 * @ANNEX_OPERATIONAL_CAPABILITY_PHYSICAL_SECURITY: physical security
 * @ANNEX_OPERATIONAL_CAPABILITY_SYSTEM_AND_NETWORK_SECURITY: system and network security
 * @ANNEX_OPERATIONAL_CAPABILITY_APPLICATION_SECURITY: application security
 * @ANNEX_OPERATIONAL_CAPABILITY_SECURE_CONFIGURATION: secure configuration
 * @ANNEX_OPERATIONAL_CAPABILITY_IDENTITY_AND_ACCESS_MANAGEMENT: identity and access management
 * @ANNEX_OPERATIONAL_CAPABILITY_THREAT_AND_VULNERABILITY_MANAGEMENT: threat and vulnerability
 *   management
 * @ANNEX_OPERATIONAL_CAPABILITY_CONTINUITY: continuity
 * @ANNEX_OPERATIONAL_CAPABILITY_SUPPLIER_RELATIONSHIPS_SECURITY: supplier relationships security
 * @ANNEX_OPERATIONAL_CAPABILITY_LEGAL_AND_COMPLIANCE: legal and compliance
 * @ANNEX_OPERATIONAL_CAPABILITY_INFORMATION_SECURITY_EVENT_MANAGEMENT: information security event
 *   management
 * @ANNEX_OPERATIONAL_CAPABILITY_INFORMATION_SECURITY_ASSURANCE: information security assurance
 *
 * Flags of the operational capabilities attribute.
 */
typedef enum /*< flags >*/
{
  ANNEX_OPERATIONAL_CAPABILITY_GOVERNANCE                            = 1 << 0,
  ANNEX_OPERATIONAL_CAPABILITY_ASSET_MANAGEMENT                      = 1 << 1,
  ANNEX_OPERATIONAL_CAPABILITY_INFORMATION_PROTECTION                = 1 << 2,
  ANNEX_OPERATIONAL_CAPABILITY_HUMAN_RESOURCE_SECURITY               = 1 << 3,
  ANNEX_OPERATIONAL_CAPABILITY_PHYSICAL_SECURITY                     = 1 << 4,
  ANNEX_OPERATIONAL_CAPABILITY_SYSTEM_AND_NETWORK_SECURITY           = 1 << 5,
  ANNEX_OPERATIONAL_CAPABILITY_APPLICATION_SECURITY                  = 1 << 6,
  ANNEX_OPERATIONAL_CAPABILITY_SECURE_CONFIGURATION                  = 1 << 7,
  ANNEX_OPERATIONAL_CAPABILITY_IDENTITY_AND_ACCESS_MANAGEMENT        = 1 << 8,
  ANNEX_OPERATIONAL_CAPABILITY_THREAT_AND_VULNERABILITY_MANAGEMENT   = 1 << 9,
  ANNEX_OPERATIONAL_CAPABILITY_CONTINUITY                            = 1 << 10,
  ANNEX_OPERATIONAL_CAPABILITY_SUPPLIER_RELATIONSHIPS_SECURITY       = 1 << 11,
  ANNEX_OPERATIONAL_CAPABILITY_LEGAL_AND_COMPLIANCE                  = 1 << 12,
  ANNEX_OPERATIONAL_CAPABILITY_INFORMATION_SECURITY_EVENT_MANAGEMENT = 1 << 13,
  ANNEX_OPERATIONAL_CAPABILITY_INFORMATION_SECURITY_ASSURANCE        = 1 << 14,
} AnnexOperationalCapability;

/**
 * AnnexSecurityDomain:
 * @ANNEX_SECURITY_DOMAIN_GOVERNANCE_AND_ECOSYSTEM: governance and ecosystem
 * @ANNEX_SECURITY_DOMAIN_PROTECTION: protection
 * @ANNEX_SECURITY_DOMAIN_DEFENCE: defence
 * @ANNEX_SECURITY_DOMAIN_RESILIENCE: resilience
 *
 * Flags of the security domains attribute.
 */
typedef enum /*< flags >*/
{
  ANNEX_SECURITY_DOMAIN_GOVERNANCE_AND_ECOSYSTEM = 1 << 0,
  ANNEX_SECURITY_DOMAIN_PROTECTION               = 1 << 1,
  ANNEX_SECURITY_DOMAIN_DEFENCE                  = 1 << 2,
  ANNEX_SECURITY_DOMAIN_RESILIENCE               = 1 << 3,
} AnnexSecurityDomain;

/**
 * AnnexCatalogueControl:
 * @id: the Annex A id without the "A." prefix, e.g. "5.1"
 * @theme: the theme (follows from the first digit of @id)
 * @title: the control's title, untranslated (translate with annex_catalogue_gettext())
 * @guidance: a note in our own words on what the control is about and what a small organization
 *   typically does for it, untranslated
 * @new_in_2022: whether the control has no counterpart in ISO/IEC 27001:2013
 * @control_types: #AnnexControlType flags
 * @properties: #AnnexSecurityProperty flags
 * @concepts: #AnnexCybersecurityConcept flags
 * @capabilities: #AnnexOperationalCapability flags
 * @domains: #AnnexSecurityDomain flags
 * @replaces_2013: the ISO/IEC 27001:2013 Annex A ids this control replaces, space-separated in
 *   numeric order ("5.1.1 5.1.2"); "" for a new control. One 2013 id (18.2.3) maps to two
 *   controls (5.36 and 8.8).
 *
 * One Annex A control of ISO/IEC 27001:2022. Static data: never free or modify it.
 */
typedef struct
{
  const char        *id;
  AnnexControlTheme  theme;
  const char        *title;
  const char        *guidance;
  gboolean           new_in_2022;
  guint              control_types;
  guint              properties;
  guint              concepts;
  guint              capabilities;
  guint              domains;
  const char        *replaces_2013;
} AnnexCatalogueControl;

/**
 * AnnexCatalogueClause:
 * @id: the clause number, e.g. "6.1.2"
 * @title: the clause title, untranslated
 * @level: 1 for a main clause (4 … 10), 2 for "6.1", 3 for "6.1.2"
 * @parent: the id of the enclosing clause, "" for a main clause
 * @requirement: %TRUE for a clause that states requirements (one row of the checklist);
 *   %FALSE for a heading that only groups its sub-clauses (the main clauses, 6.1, 7.5, 9.2, 9.3)
 * @summary: a one-line paraphrase in our own words, untranslated; never empty
 * @documented_information: the documented information the clause mandates, or a note that it
 *   mandates none, untranslated; "" for a heading
 * @doc_type: "document", "record" or "none" for a requirement; "" for a heading
 *
 * One clause of ISO/IEC 27001:2022 clauses 4–10. Static data: never free or modify it.
 */
typedef struct
{
  const char *id;
  const char *title;
  guint       level;
  const char *parent;
  gboolean    requirement;
  const char *summary;
  const char *documented_information;
  const char *doc_type;
} AnnexCatalogueClause;

/**
 * AnnexCatalogueTag:
 * @flag: the flag (one bit) of the attribute's flags type
 * @nick: a stable lowercase name, the CSV spelling lowercased ("governance_and_ecosystem");
 *   for storage and filters
 * @label: the label to show, untranslated ("Governance and Ecosystem")
 *
 * One value of an attribute's vocabulary.
 */
typedef struct
{
  guint       flag;
  const char *nick;
  const char *label;
} AnnexCatalogueTag;

const AnnexCatalogueControl *annex_catalogue_get_controls (guint      *n_controls);
const AnnexCatalogueControl *annex_catalogue_find_control (const char *id);
guint annex_catalogue_control_get_flags (const AnnexCatalogueControl *control,
                                         AnnexCatalogueAttribute      attribute);

const AnnexCatalogueClause  *annex_catalogue_get_clauses  (guint      *n_clauses);
const AnnexCatalogueClause  *annex_catalogue_find_clause  (const char *id);

const AnnexCatalogueTag *annex_catalogue_get_tags        (AnnexCatalogueAttribute  attribute,
                                                          guint                   *n_tags);
guint                    annex_catalogue_tag_from_nick   (AnnexCatalogueAttribute  attribute,
                                                          const char              *nick);
char                    *annex_catalogue_format_tags     (AnnexCatalogueAttribute  attribute,
                                                          guint                    flags);
const char              *annex_catalogue_attribute_nick  (AnnexCatalogueAttribute  attribute);
const char              *annex_catalogue_attribute_label (AnnexCatalogueAttribute  attribute);

const char *annex_catalogue_theme_nick      (AnnexControlTheme  theme);
const char *annex_catalogue_theme_label     (AnnexControlTheme  theme);
gboolean    annex_catalogue_theme_from_nick (const char        *nick,
                                             AnnexControlTheme *theme);

const char *annex_catalogue_gettext         (const char        *msgid);

G_END_DECLS
