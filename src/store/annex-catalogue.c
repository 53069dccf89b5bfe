/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-catalogue.c: the reference catalogue as static tables: the Annex A controls with their
 * attributes, guidance notes and 2013 mapping, clauses 4 to 10, and the attribute vocabularies. */

#define G_LOG_DOMAIN "annex-catalogue"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "annex-catalogue.h"

/* Where the data comes from (../shared/reference/iso27001-2022/): ids, themes, titles and
 * new_in_2022 from annex-a-2022.csv, the attributes from annex-a-2022-attributes.csv, the 2013
 * ids from mapping-2013-2022.csv, the clauses from clauses-2022.csv. tests/test-catalogue.c
 * compares every row with those files. Titles and attribute tags are short factual labels; the
 * guidance notes and clause summaries are our own words. Never paste text of ISO/IEC 27001 or
 * ISO/IEC 27002 (requirement wording, control text, guidance) into this file. */

/* The vocabularies, in the order ISO/IEC 27002:2022 lists them; flags in ascending order. */

static const AnnexCatalogueTag control_type_tags[] = {
  /* Translators: an ISO/IEC 27002 control type attribute value */
  { ANNEX_CONTROL_TYPE_PREVENTIVE, "preventive", N_("Preventive") },
  /* Translators: an ISO/IEC 27002 control type attribute value */
  { ANNEX_CONTROL_TYPE_DETECTIVE, "detective", N_("Detective") },
  /* Translators: an ISO/IEC 27002 control type attribute value */
  { ANNEX_CONTROL_TYPE_CORRECTIVE, "corrective", N_("Corrective") },
};

static const AnnexCatalogueTag property_tags[] = {
  { ANNEX_SECURITY_PROPERTY_CONFIDENTIALITY, "confidentiality", N_("Confidentiality") },
  { ANNEX_SECURITY_PROPERTY_INTEGRITY, "integrity", N_("Integrity") },
  { ANNEX_SECURITY_PROPERTY_AVAILABILITY, "availability", N_("Availability") },
};

static const AnnexCatalogueTag concept_tags[] = {
  /* Translators: an ISO/IEC 27002 cybersecurity concept (a verb, as in the NIST framework) */
  { ANNEX_CYBERSECURITY_CONCEPT_IDENTIFY, "identify", N_("Identify") },
  /* Translators: an ISO/IEC 27002 cybersecurity concept (a verb, as in the NIST framework) */
  { ANNEX_CYBERSECURITY_CONCEPT_PROTECT, "protect", N_("Protect") },
  /* Translators: an ISO/IEC 27002 cybersecurity concept (a verb, as in the NIST framework) */
  { ANNEX_CYBERSECURITY_CONCEPT_DETECT, "detect", N_("Detect") },
  /* Translators: an ISO/IEC 27002 cybersecurity concept (a verb, as in the NIST framework) */
  { ANNEX_CYBERSECURITY_CONCEPT_RESPOND, "respond", N_("Respond") },
  /* Translators: an ISO/IEC 27002 cybersecurity concept (a verb, as in the NIST framework) */
  { ANNEX_CYBERSECURITY_CONCEPT_RECOVER, "recover", N_("Recover") },
};

static const AnnexCatalogueTag capability_tags[] = {
  { ANNEX_OPERATIONAL_CAPABILITY_GOVERNANCE,
    "governance", N_("Governance") },
  { ANNEX_OPERATIONAL_CAPABILITY_ASSET_MANAGEMENT,
    "asset_management", N_("Asset management") },
  { ANNEX_OPERATIONAL_CAPABILITY_INFORMATION_PROTECTION,
    "information_protection", N_("Information protection") },
  { ANNEX_OPERATIONAL_CAPABILITY_HUMAN_RESOURCE_SECURITY,
    "human_resource_security", N_("Human resource security") },
  { ANNEX_OPERATIONAL_CAPABILITY_PHYSICAL_SECURITY,
    "physical_security", N_("Physical security") },
  { ANNEX_OPERATIONAL_CAPABILITY_SYSTEM_AND_NETWORK_SECURITY,
    "system_and_network_security", N_("System and network security") },
  { ANNEX_OPERATIONAL_CAPABILITY_APPLICATION_SECURITY,
    "application_security", N_("Application security") },
  { ANNEX_OPERATIONAL_CAPABILITY_SECURE_CONFIGURATION,
    "secure_configuration", N_("Secure configuration") },
  { ANNEX_OPERATIONAL_CAPABILITY_IDENTITY_AND_ACCESS_MANAGEMENT,
    "identity_and_access_management", N_("Identity and access management") },
  { ANNEX_OPERATIONAL_CAPABILITY_THREAT_AND_VULNERABILITY_MANAGEMENT,
    "threat_and_vulnerability_management", N_("Threat and vulnerability management") },
  { ANNEX_OPERATIONAL_CAPABILITY_CONTINUITY,
    "continuity", N_("Continuity") },
  { ANNEX_OPERATIONAL_CAPABILITY_SUPPLIER_RELATIONSHIPS_SECURITY,
    "supplier_relationships_security", N_("Supplier relationships security") },
  { ANNEX_OPERATIONAL_CAPABILITY_LEGAL_AND_COMPLIANCE,
    "legal_and_compliance", N_("Legal and compliance") },
  { ANNEX_OPERATIONAL_CAPABILITY_INFORMATION_SECURITY_EVENT_MANAGEMENT,
    "information_security_event_management", N_("Information security event management") },
  { ANNEX_OPERATIONAL_CAPABILITY_INFORMATION_SECURITY_ASSURANCE,
    "information_security_assurance", N_("Information security assurance") },
};

static const AnnexCatalogueTag domain_tags[] = {
  { ANNEX_SECURITY_DOMAIN_GOVERNANCE_AND_ECOSYSTEM,
    "governance_and_ecosystem", N_("Governance and Ecosystem") },
  { ANNEX_SECURITY_DOMAIN_PROTECTION, "protection", N_("Protection") },
  { ANNEX_SECURITY_DOMAIN_DEFENCE, "defence", N_("Defence") },
  { ANNEX_SECURITY_DOMAIN_RESILIENCE, "resilience", N_("Resilience") },
};

static const struct
{
  const char              *nick;
  const char              *label;
  const AnnexCatalogueTag *tags;
  guint                    n_tags;
} attributes[ANNEX_CATALOGUE_N_ATTRIBUTES] = {
  [ANNEX_CATALOGUE_ATTRIBUTE_CONTROL_TYPE] = {
    "control_type", N_("Control type"),
    control_type_tags, G_N_ELEMENTS (control_type_tags) },
  [ANNEX_CATALOGUE_ATTRIBUTE_PROPERTY] = {
    "information_security_properties", N_("Information security properties"),
    property_tags, G_N_ELEMENTS (property_tags) },
  [ANNEX_CATALOGUE_ATTRIBUTE_CONCEPT] = {
    "cybersecurity_concepts", N_("Cybersecurity concepts"),
    concept_tags, G_N_ELEMENTS (concept_tags) },
  [ANNEX_CATALOGUE_ATTRIBUTE_CAPABILITY] = {
    "operational_capabilities", N_("Operational capabilities"),
    capability_tags, G_N_ELEMENTS (capability_tags) },
  [ANNEX_CATALOGUE_ATTRIBUTE_DOMAIN] = {
    "security_domains", N_("Security domains"),
    domain_tags, G_N_ELEMENTS (domain_tags) },
};

static const struct
{
  const char *nick;
  const char *label;
} themes[ANNEX_N_CONTROL_THEMES] = {
  /* Translators: a theme of the Annex A controls */
  [ANNEX_THEME_ORGANIZATIONAL] = { "organizational", N_("Organizational") },
  /* Translators: a theme of the Annex A controls */
  [ANNEX_THEME_PEOPLE] = { "people", N_("People") },
  /* Translators: a theme of the Annex A controls */
  [ANNEX_THEME_PHYSICAL] = { "physical", N_("Physical") },
  /* Translators: a theme of the Annex A controls */
  [ANNEX_THEME_TECHNOLOGICAL] = { "technological", N_("Technological") },
};

/* Short forms of the flag names, for the control table below only (#undef'd after it). Each
 * pastes its own prefix, so a value from the wrong vocabulary does not compile. */
#define TYPE(name)    ANNEX_CONTROL_TYPE_##name
#define PROP(name)    ANNEX_SECURITY_PROPERTY_##name
#define CONCEPT(name) ANNEX_CYBERSECURITY_CONCEPT_##name
#define CAP(name)     ANNEX_OPERATIONAL_CAPABILITY_##name
#define DOM(name)     ANNEX_SECURITY_DOMAIN_##name


static const AnnexCatalogueControl controls[] = {
  { .id = "5.1", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = FALSE,
    .title = N_("Policies for information security"),
    .guidance = N_("Set the direction for security in writing: a short overall policy signed off "
                   "by management, plus topic policies (e.g. access, backup, remote work) that "
                   "staff have read and that are revisited yearly."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (IDENTIFY),
    .capabilities = CAP (GOVERNANCE),
    .domains = DOM (GOVERNANCE_AND_ECOSYSTEM) | DOM (RESILIENCE),
    .replaces_2013 = "5.1.1 5.1.2" },
  { .id = "5.2", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = FALSE,
    .title = N_("Information security roles and responsibilities"),
    .guidance = N_("Make clear who does what for security: name an ISMS owner and owners for key "
                   "assets and processes, and record these duties in job descriptions or a "
                   "simple roles table."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (IDENTIFY),
    .capabilities = CAP (GOVERNANCE),
    .domains = DOM (GOVERNANCE_AND_ECOSYSTEM) | DOM (PROTECTION) | DOM (RESILIENCE),
    .replaces_2013 = "6.1.1" },
  { .id = "5.3", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = FALSE,
    .title = N_("Segregation of duties"),
    .guidance = N_("Avoid letting one person both carry out and approve a sensitive task, such "
                   "as paying invoices or granting access; where the team is too small, add "
                   "reviews or logs instead."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (GOVERNANCE) | CAP (IDENTITY_AND_ACCESS_MANAGEMENT),
    .domains = DOM (GOVERNANCE_AND_ECOSYSTEM),
    .replaces_2013 = "6.1.2" },
  { .id = "5.4", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = FALSE,
    .title = N_("Management responsibilities"),
    .guidance = N_("Managers see to it that their people actually follow the security rules, "
                   "lead by example and give staff the time and means to do so."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (IDENTIFY),
    .capabilities = CAP (GOVERNANCE),
    .domains = DOM (GOVERNANCE_AND_ECOSYSTEM),
    .replaces_2013 = "7.2.1" },
  { .id = "5.5", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = FALSE,
    .title = N_("Contact with authorities"),
    .guidance = N_("Know whom to call at regulators, the police or the data protection "
                   "authority, and who in the organization makes that call; keep the contact "
                   "list current."),
    .control_types = TYPE (PREVENTIVE) | TYPE (CORRECTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (IDENTIFY) | CONCEPT (PROTECT) | CONCEPT (RESPOND) | CONCEPT (RECOVER),
    .capabilities = CAP (GOVERNANCE),
    .domains = DOM (DEFENCE) | DOM (RESILIENCE),
    .replaces_2013 = "6.1.3" },
  { .id = "5.6", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = FALSE,
    .title = N_("Contact with special interest groups"),
    .guidance = N_("Stay in touch with security communities, industry associations or vendor "
                   "forums to hear early about threats and good practice; note which ones you "
                   "follow and who takes part."),
    .control_types = TYPE (PREVENTIVE) | TYPE (CORRECTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT) | CONCEPT (RESPOND) | CONCEPT (RECOVER),
    .capabilities = CAP (GOVERNANCE),
    .domains = DOM (DEFENCE),
    .replaces_2013 = "6.1.4" },
  { .id = "5.7", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = TRUE,
    .title = N_("Threat intelligence"),
    .guidance = N_("Gather information about threats that matter to you (e.g. national CERT "
                   "advisories, vendor alerts), look at it regularly and use it to adjust your "
                   "risks and controls."),
    .control_types = TYPE (PREVENTIVE) | TYPE (DETECTIVE) | TYPE (CORRECTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (IDENTIFY) | CONCEPT (DETECT) | CONCEPT (RESPOND),
    .capabilities = CAP (THREAT_AND_VULNERABILITY_MANAGEMENT),
    .domains = DOM (DEFENCE) | DOM (RESILIENCE),
    .replaces_2013 = "" },
  { .id = "5.8", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = FALSE,
    .title = N_("Information security in project management"),
    .guidance = N_("Build security into every project, not just IT ones: look at risks and "
                   "security needs at the start and at each milestone, and plan the measures "
                   "with the rest of the work."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (IDENTIFY) | CONCEPT (PROTECT),
    .capabilities = CAP (GOVERNANCE),
    .domains = DOM (GOVERNANCE_AND_ECOSYSTEM) | DOM (PROTECTION),
    .replaces_2013 = "6.1.5 14.1.1" },
  { .id = "5.9", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = FALSE,
    .title = N_("Inventory of information and other associated assets"),
    .guidance = N_("Keep a list of your important information, systems, devices and services, "
                   "each with an owner, and update it whenever something is added, changed or "
                   "retired."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (IDENTIFY),
    .capabilities = CAP (ASSET_MANAGEMENT),
    .domains = DOM (GOVERNANCE_AND_ECOSYSTEM) | DOM (PROTECTION),
    .replaces_2013 = "8.1.1 8.1.2" },
  { .id = "5.10", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = FALSE,
    .title = N_("Acceptable use of information and other associated assets"),
    .guidance = N_("Write down what people may and may not do with company information and "
                   "equipment (email, laptops, cloud storage, printouts) and make sure everyone "
                   "has seen the rules."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (ASSET_MANAGEMENT) | CAP (INFORMATION_PROTECTION),
    .domains = DOM (GOVERNANCE_AND_ECOSYSTEM) | DOM (PROTECTION),
    .replaces_2013 = "8.1.3 8.2.3" },
  { .id = "5.11", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = FALSE,
    .title = N_("Return of assets"),
    .guidance = N_("When someone leaves or a contract ends, get back laptops, phones, keys, "
                   "badges and documents, and note what came back; a leaver checklist does most "
                   "of the work."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (ASSET_MANAGEMENT),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "8.1.4" },
  { .id = "5.12", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = FALSE,
    .title = N_("Classification of information"),
    .guidance = N_("Sort information into a few levels (e.g. public, internal, confidential) by "
                   "how much harm its loss or disclosure would cause, so people know how to "
                   "handle each kind."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (IDENTIFY),
    .capabilities = CAP (INFORMATION_PROTECTION),
    .domains = DOM (PROTECTION) | DOM (DEFENCE),
    .replaces_2013 = "8.2.1" },
  { .id = "5.13", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = FALSE,
    .title = N_("Labelling of information"),
    .guidance = N_("Make the classification visible on documents, files, e-mails and media, e.g. "
                   "with a footer, a file tag or a sticker, following rules that are easy to "
                   "apply."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (INFORMATION_PROTECTION),
    .domains = DOM (PROTECTION) | DOM (DEFENCE),
    .replaces_2013 = "8.2.2" },
  { .id = "5.14", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = FALSE,
    .title = N_("Information transfer"),
    .guidance = N_("Set rules for passing information on by e-mail, file sharing, post, phone or "
                   "in person, and agree them with the other party where needed, so it stays "
                   "protected on the way."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (ASSET_MANAGEMENT) | CAP (INFORMATION_PROTECTION),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "13.2.1 13.2.2 13.2.3" },
  { .id = "5.15", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = FALSE,
    .title = N_("Access control"),
    .guidance = N_("Decide who may use which information, systems and rooms, based on what each "
                   "job needs, write those rules down and apply them the same way everywhere."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (IDENTITY_AND_ACCESS_MANAGEMENT),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "9.1.1 9.1.2" },
  { .id = "5.16", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = FALSE,
    .title = N_("Identity management"),
    .guidance = N_("Give each person and system its own identity, manage it from creation to "
                   "removal, and avoid shared or generic logins, or keep them under tight "
                   "control."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (IDENTITY_AND_ACCESS_MANAGEMENT),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "9.2.1" },
  { .id = "5.17", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = FALSE,
    .title = N_("Authentication information"),
    .guidance = N_("Handle passwords, PINs and keys with care: hand them out securely, teach "
                   "good password habits, offer a password manager and make resets safe."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (IDENTITY_AND_ACCESS_MANAGEMENT),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "9.2.4 9.3.1 9.4.3" },
  { .id = "5.18", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = FALSE,
    .title = N_("Access rights"),
    .guidance = N_("Grant, change and remove access through a simple request and approval step, "
                   "and check regularly (e.g. twice a year) that everyone's rights still fit "
                   "their job."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (IDENTITY_AND_ACCESS_MANAGEMENT),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "9.2.2 9.2.5 9.2.6" },
  { .id = "5.19", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = FALSE,
    .title = N_("Information security in supplier relationships"),
    .guidance = N_("Decide how you deal with the security risks that suppliers bring: which "
                   "suppliers matter most, what you expect from them and how you check that they "
                   "deliver it."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (IDENTIFY),
    .capabilities = CAP (SUPPLIER_RELATIONSHIPS_SECURITY),
    .domains = DOM (GOVERNANCE_AND_ECOSYSTEM) | DOM (PROTECTION),
    .replaces_2013 = "15.1.1" },
  { .id = "5.20", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = FALSE,
    .title = N_("Addressing information security within supplier agreements"),
    .guidance = N_("Put the security you need from a supplier into the contract, such as "
                   "confidentiality, handling of your data, notice of incidents and the right to "
                   "check."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (IDENTIFY),
    .capabilities = CAP (SUPPLIER_RELATIONSHIPS_SECURITY),
    .domains = DOM (GOVERNANCE_AND_ECOSYSTEM) | DOM (PROTECTION),
    .replaces_2013 = "15.1.2" },
  { .id = "5.21", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = FALSE,
    .title = N_("Managing information security in the ICT supply chain"),
    .guidance = N_("Look beyond your IT suppliers to the chain behind them (subcontractors, "
                   "software components) and ask the important ones how they keep that chain "
                   "secure."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (IDENTIFY),
    .capabilities = CAP (SUPPLIER_RELATIONSHIPS_SECURITY),
    .domains = DOM (GOVERNANCE_AND_ECOSYSTEM) | DOM (PROTECTION),
    .replaces_2013 = "15.1.3" },
  { .id = "5.22", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = FALSE,
    .title = N_("Monitoring, review and change management of supplier services"),
    .guidance = N_("Keep an eye on how key suppliers perform on security, review them at set "
                   "times, and assess changes to their service before you accept them."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (IDENTIFY),
    .capabilities = CAP (SUPPLIER_RELATIONSHIPS_SECURITY) | CAP (INFORMATION_SECURITY_ASSURANCE),
    .domains = DOM (GOVERNANCE_AND_ECOSYSTEM) | DOM (PROTECTION) | DOM (DEFENCE),
    .replaces_2013 = "15.2.1 15.2.2" },
  { .id = "5.23", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = TRUE,
    .title = N_("Information security for use of cloud services"),
    .guidance = N_("Have a way to choose, use, manage and leave cloud services, covering who is "
                   "responsible for what and how your data is protected and can be taken back "
                   "out."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (SUPPLIER_RELATIONSHIPS_SECURITY),
    .domains = DOM (GOVERNANCE_AND_ECOSYSTEM) | DOM (PROTECTION),
    .replaces_2013 = "" },
  { .id = "5.24", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = FALSE,
    .title = N_("Information security incident management planning and preparation"),
    .guidance = N_("Prepare for incidents before they happen: agree roles, contacts and a simple "
                   "response procedure, and make sure the people involved know how to use it."),
    .control_types = TYPE (CORRECTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (RESPOND) | CONCEPT (RECOVER),
    .capabilities = CAP (GOVERNANCE) | CAP (INFORMATION_SECURITY_EVENT_MANAGEMENT),
    .domains = DOM (DEFENCE),
    .replaces_2013 = "16.1.1" },
  { .id = "5.25", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = FALSE,
    .title = N_("Assessment and decision on information security events"),
    .guidance = N_("Look at each reported security event and decide quickly, with simple "
                   "criteria, whether it is an incident that needs a response; record the "
                   "decision."),
    .control_types = TYPE (DETECTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (DETECT) | CONCEPT (RESPOND),
    .capabilities = CAP (INFORMATION_SECURITY_EVENT_MANAGEMENT),
    .domains = DOM (DEFENCE),
    .replaces_2013 = "16.1.4" },
  { .id = "5.26", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = FALSE,
    .title = N_("Response to information security incidents"),
    .guidance = N_("Handle incidents along the prepared procedure: contain the damage, fix the "
                   "cause, keep people informed and notify customers or authorities where "
                   "required."),
    .control_types = TYPE (CORRECTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (RESPOND) | CONCEPT (RECOVER),
    .capabilities = CAP (INFORMATION_SECURITY_EVENT_MANAGEMENT),
    .domains = DOM (DEFENCE),
    .replaces_2013 = "16.1.5" },
  { .id = "5.27", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = FALSE,
    .title = N_("Learning from information security incidents"),
    .guidance = N_("After an incident, work out what happened and why, and use what you learned "
                   "to improve controls and make a repeat less likely."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (IDENTIFY) | CONCEPT (PROTECT),
    .capabilities = CAP (INFORMATION_SECURITY_EVENT_MANAGEMENT),
    .domains = DOM (DEFENCE),
    .replaces_2013 = "16.1.6" },
  { .id = "5.28", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = FALSE,
    .title = N_("Collection of evidence"),
    .guidance = N_("When an incident may lead to legal or disciplinary steps, secure logs, "
                   "devices and files early and in a way that keeps them usable as evidence."),
    .control_types = TYPE (CORRECTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (DETECT) | CONCEPT (RESPOND),
    .capabilities = CAP (INFORMATION_SECURITY_EVENT_MANAGEMENT),
    .domains = DOM (DEFENCE),
    .replaces_2013 = "16.1.7" },
  { .id = "5.29", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = FALSE,
    .title = N_("Information security during disruption"),
    .guidance = N_("Plan how security is kept at a sufficient level during a crisis or outage, "
                   "e.g. emergency access, fallback procedures and backups that stay protected."),
    .control_types = TYPE (PREVENTIVE) | TYPE (CORRECTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT) | CONCEPT (RESPOND),
    .capabilities = CAP (CONTINUITY),
    .domains = DOM (PROTECTION) | DOM (RESILIENCE),
    .replaces_2013 = "17.1.1 17.1.2 17.1.3" },
  { .id = "5.30", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = TRUE,
    .title = N_("ICT readiness for business continuity"),
    .guidance = N_("Make sure IT can be brought back in time to support the activities the "
                   "business cannot do without: set recovery targets, plan for them and test "
                   "recovery."),
    .control_types = TYPE (CORRECTIVE),
    .properties = PROP (AVAILABILITY),
    .concepts = CONCEPT (RESPOND),
    .capabilities = CAP (CONTINUITY),
    .domains = DOM (RESILIENCE),
    .replaces_2013 = "" },
  { .id = "5.31", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = FALSE,
    .title = N_("Legal, statutory, regulatory and contractual requirements"),
    .guidance = N_("List the laws, regulations and contract terms that affect your information "
                   "security, keep the list current and note how you meet each of them."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (IDENTIFY),
    .capabilities = CAP (LEGAL_AND_COMPLIANCE),
    .domains = DOM (GOVERNANCE_AND_ECOSYSTEM) | DOM (PROTECTION),
    .replaces_2013 = "18.1.1 18.1.5" },
  { .id = "5.32", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = FALSE,
    .title = N_("Intellectual property rights"),
    .guidance = N_("Respect copyright and licences: use only properly licensed software and "
                   "content, keep track of licences and prevent unauthorized copying."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (IDENTIFY),
    .capabilities = CAP (LEGAL_AND_COMPLIANCE),
    .domains = DOM (GOVERNANCE_AND_ECOSYSTEM),
    .replaces_2013 = "18.1.2" },
  { .id = "5.33", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = FALSE,
    .title = N_("Protection of records"),
    .guidance = N_("Keep important records (e.g. accounts, HR files, contracts) safe from loss, "
                   "tampering and unauthorized access for as long as they must be kept."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (IDENTIFY) | CONCEPT (PROTECT),
    .capabilities = CAP (ASSET_MANAGEMENT)
                  | CAP (INFORMATION_PROTECTION)
                  | CAP (LEGAL_AND_COMPLIANCE),
    .domains = DOM (DEFENCE),
    .replaces_2013 = "18.1.3" },
  { .id = "5.34", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = FALSE,
    .title = N_("Privacy and protection of PII"),
    .guidance = N_("Know which personal data you handle and meet data protection law such as the "
                   "GDPR, e.g. with a register of processing, privacy notices and a named "
                   "contact."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (IDENTIFY) | CONCEPT (PROTECT),
    .capabilities = CAP (INFORMATION_PROTECTION) | CAP (LEGAL_AND_COMPLIANCE),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "18.1.4" },
  { .id = "5.35", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = FALSE,
    .title = N_("Independent review of information security"),
    .guidance = N_("Have your way of managing security looked at by someone not involved in it, "
                   "e.g. an internal auditor or an outside consultant, at intervals and after "
                   "big changes."),
    .control_types = TYPE (PREVENTIVE) | TYPE (CORRECTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (IDENTIFY) | CONCEPT (PROTECT),
    .capabilities = CAP (INFORMATION_SECURITY_ASSURANCE),
    .domains = DOM (GOVERNANCE_AND_ECOSYSTEM),
    .replaces_2013 = "18.2.1" },
  { .id = "5.36", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = FALSE,
    .title = N_("Compliance with policies, rules and standards for information security"),
    .guidance = N_("Check regularly that your own policies and rules are really followed and put "
                   "right what is not; managers' spot checks and technical scans both help."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (IDENTIFY) | CONCEPT (PROTECT),
    .capabilities = CAP (LEGAL_AND_COMPLIANCE) | CAP (INFORMATION_SECURITY_ASSURANCE),
    .domains = DOM (GOVERNANCE_AND_ECOSYSTEM),
    .replaces_2013 = "18.2.2 18.2.3" },
  { .id = "5.37", .theme = ANNEX_THEME_ORGANIZATIONAL, .new_in_2022 = FALSE,
    .title = N_("Documented operating procedures"),
    .guidance = N_("Write down how important IT and security tasks are done (e.g. backups, "
                   "onboarding, patching) and make these procedures available to the people who "
                   "need them."),
    .control_types = TYPE (PREVENTIVE) | TYPE (CORRECTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT) | CONCEPT (RECOVER),
    .capabilities = CAP (ASSET_MANAGEMENT)
                  | CAP (PHYSICAL_SECURITY)
                  | CAP (SYSTEM_AND_NETWORK_SECURITY)
                  | CAP (APPLICATION_SECURITY)
                  | CAP (SECURE_CONFIGURATION)
                  | CAP (IDENTITY_AND_ACCESS_MANAGEMENT)
                  | CAP (THREAT_AND_VULNERABILITY_MANAGEMENT)
                  | CAP (CONTINUITY)
                  | CAP (INFORMATION_SECURITY_EVENT_MANAGEMENT),
    .domains = DOM (GOVERNANCE_AND_ECOSYSTEM) | DOM (PROTECTION) | DOM (DEFENCE),
    .replaces_2013 = "12.1.1" },
  { .id = "6.1", .theme = ANNEX_THEME_PEOPLE, .new_in_2022 = FALSE,
    .title = N_("Screening"),
    .guidance = N_("Check the background of new staff before they start, in proportion to the "
                   "role and within the law, e.g. identity, references and qualifications."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (HUMAN_RESOURCE_SECURITY),
    .domains = DOM (GOVERNANCE_AND_ECOSYSTEM),
    .replaces_2013 = "7.1.1" },
  { .id = "6.2", .theme = ANNEX_THEME_PEOPLE, .new_in_2022 = FALSE,
    .title = N_("Terms and conditions of employment"),
    .guidance = N_("Make security duties part of employment contracts and contractor terms, so "
                   "everyone knows their obligations from the first day."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (HUMAN_RESOURCE_SECURITY),
    .domains = DOM (GOVERNANCE_AND_ECOSYSTEM),
    .replaces_2013 = "7.1.2" },
  { .id = "6.3", .theme = ANNEX_THEME_PEOPLE, .new_in_2022 = FALSE,
    .title = N_("Information security awareness, education and training"),
    .guidance = N_("Teach everyone the security basics when they join and refresh them "
                   "regularly, e.g. phishing and password exercises, and keep a record of who "
                   "took part."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (HUMAN_RESOURCE_SECURITY),
    .domains = DOM (GOVERNANCE_AND_ECOSYSTEM),
    .replaces_2013 = "7.2.2" },
  { .id = "6.4", .theme = ANNEX_THEME_PEOPLE, .new_in_2022 = FALSE,
    .title = N_("Disciplinary process"),
    .guidance = N_("Have a known and fair process for dealing with breaches of the security "
                   "rules, so the consequences are clear and applied consistently."),
    .control_types = TYPE (PREVENTIVE) | TYPE (CORRECTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT) | CONCEPT (RESPOND),
    .capabilities = CAP (HUMAN_RESOURCE_SECURITY),
    .domains = DOM (GOVERNANCE_AND_ECOSYSTEM),
    .replaces_2013 = "7.2.3" },
  { .id = "6.5", .theme = ANNEX_THEME_PEOPLE, .new_in_2022 = FALSE,
    .title = N_("Responsibilities after termination or change of employment"),
    .guidance = N_("Make clear which security duties, such as confidentiality, continue after "
                   "someone leaves or changes role, and remind them when they go."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (ASSET_MANAGEMENT) | CAP (HUMAN_RESOURCE_SECURITY),
    .domains = DOM (GOVERNANCE_AND_ECOSYSTEM),
    .replaces_2013 = "7.3.1" },
  { .id = "6.6", .theme = ANNEX_THEME_PEOPLE, .new_in_2022 = FALSE,
    .title = N_("Confidentiality or non-disclosure agreements"),
    .guidance = N_("Use confidentiality agreements with staff, contractors and partners that "
                   "match what you need to protect, and look at them again from time to time."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (INFORMATION_PROTECTION)
                  | CAP (HUMAN_RESOURCE_SECURITY)
                  | CAP (SUPPLIER_RELATIONSHIPS_SECURITY),
    .domains = DOM (GOVERNANCE_AND_ECOSYSTEM),
    .replaces_2013 = "13.2.4" },
  { .id = "6.7", .theme = ANNEX_THEME_PEOPLE, .new_in_2022 = FALSE,
    .title = N_("Remote working"),
    .guidance = N_("Set rules for working from home or on the road, e.g. managed devices, VPN, "
                   "privacy from onlookers and safe handling of paper, and make them known."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (ASSET_MANAGEMENT)
                  | CAP (INFORMATION_PROTECTION)
                  | CAP (PHYSICAL_SECURITY)
                  | CAP (SYSTEM_AND_NETWORK_SECURITY),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "6.2.2" },
  { .id = "6.8", .theme = ANNEX_THEME_PEOPLE, .new_in_2022 = FALSE,
    .title = N_("Information security event reporting"),
    .guidance = N_("Give everyone an easy, well-known way to report anything suspicious (a "
                   "phishing e-mail, a lost phone) right away, and encourage them to use it."),
    .control_types = TYPE (DETECTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (DETECT),
    .capabilities = CAP (INFORMATION_SECURITY_EVENT_MANAGEMENT),
    .domains = DOM (DEFENCE),
    .replaces_2013 = "16.1.2 16.1.3" },
  { .id = "7.1", .theme = ANNEX_THEME_PHYSICAL, .new_in_2022 = FALSE,
    .title = N_("Physical security perimeters"),
    .guidance = N_("Define the boundaries of the areas that hold information and equipment "
                   "(offices, server room) and protect them with walls, doors and locks as "
                   "needed."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (PHYSICAL_SECURITY),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "11.1.1" },
  { .id = "7.2", .theme = ANNEX_THEME_PHYSICAL, .new_in_2022 = FALSE,
    .title = N_("Physical entry"),
    .guidance = N_("Control who can enter offices and secure rooms, e.g. with keys, badges and a "
                   "visitor log, and take access back when it is no longer needed."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (PHYSICAL_SECURITY) | CAP (IDENTITY_AND_ACCESS_MANAGEMENT),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "11.1.2 11.1.6" },
  { .id = "7.3", .theme = ANNEX_THEME_PHYSICAL, .new_in_2022 = FALSE,
    .title = N_("Securing offices, rooms and facilities"),
    .guidance = N_("Lay out and use offices so sensitive information is not exposed, e.g. a "
                   "locked server room and no confidential material visible from outside."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (ASSET_MANAGEMENT) | CAP (PHYSICAL_SECURITY),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "11.1.3" },
  { .id = "7.4", .theme = ANNEX_THEME_PHYSICAL, .new_in_2022 = TRUE,
    .title = N_("Physical security monitoring"),
    .guidance = N_("Watch your premises for unauthorized entry, e.g. with an alarm system, "
                   "cameras or guards, as far as the risk justifies."),
    .control_types = TYPE (PREVENTIVE) | TYPE (DETECTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT) | CONCEPT (DETECT),
    .capabilities = CAP (PHYSICAL_SECURITY),
    .domains = DOM (PROTECTION) | DOM (DEFENCE),
    .replaces_2013 = "" },
  { .id = "7.5", .theme = ANNEX_THEME_PHYSICAL, .new_in_2022 = FALSE,
    .title = N_("Protecting against physical and environmental threats"),
    .guidance = N_("Protect premises and equipment against fire, water, power surges and similar "
                   "threats, e.g. with smoke detectors, extinguishers and equipment kept off the "
                   "floor."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (PHYSICAL_SECURITY),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "11.1.4" },
  { .id = "7.6", .theme = ANNEX_THEME_PHYSICAL, .new_in_2022 = FALSE,
    .title = N_("Working in secure areas"),
    .guidance = N_("Set rules for working in sensitive rooms such as a server room, e.g. no "
                   "unaccompanied visitors, no photos and doors kept locked."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (PHYSICAL_SECURITY),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "11.1.5" },
  { .id = "7.7", .theme = ANNEX_THEME_PHYSICAL, .new_in_2022 = FALSE,
    .title = N_("Clear desk and clear screen"),
    .guidance = N_("Ask staff to lock their screens when they step away and not to leave "
                   "confidential papers or media lying around, especially at the end of the day."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (PHYSICAL_SECURITY),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "11.2.9" },
  { .id = "7.8", .theme = ANNEX_THEME_PHYSICAL, .new_in_2022 = FALSE,
    .title = N_("Equipment siting and protection"),
    .guidance = N_("Place and protect equipment so it is safe from damage, theft and prying "
                   "eyes, e.g. screens turned away from windows and servers in a locked rack."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (ASSET_MANAGEMENT) | CAP (PHYSICAL_SECURITY),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "11.2.1" },
  { .id = "7.9", .theme = ANNEX_THEME_PHYSICAL, .new_in_2022 = FALSE,
    .title = N_("Security of assets off-premises"),
    .guidance = N_("Protect laptops, phones and other equipment used away from the office, e.g. "
                   "encrypted disks, never left in a car, and losses reported at once."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (ASSET_MANAGEMENT) | CAP (PHYSICAL_SECURITY),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "11.2.6" },
  { .id = "7.10", .theme = ANNEX_THEME_PHYSICAL, .new_in_2022 = FALSE,
    .title = N_("Storage media"),
    .guidance = N_("Manage USB sticks, external disks and other media throughout their life: "
                   "limit their use, encrypt them, keep track of them and wipe or destroy them "
                   "safely."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (ASSET_MANAGEMENT) | CAP (PHYSICAL_SECURITY),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "8.3.1 8.3.2 8.3.3 11.2.5" },
  { .id = "7.11", .theme = ANNEX_THEME_PHYSICAL, .new_in_2022 = FALSE,
    .title = N_("Supporting utilities"),
    .guidance = N_("Guard against failures of power, internet, cooling and other utilities, e.g. "
                   "with a UPS, a second internet line and regular checks."),
    .control_types = TYPE (PREVENTIVE) | TYPE (DETECTIVE),
    .properties = PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT) | CONCEPT (DETECT),
    .capabilities = CAP (PHYSICAL_SECURITY),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "11.2.2" },
  { .id = "7.12", .theme = ANNEX_THEME_PHYSICAL, .new_in_2022 = FALSE,
    .title = N_("Cabling security"),
    .guidance = N_("Protect power and network cables from damage, interference and tapping, e.g. "
                   "by running them in ducts and keeping network cabinets locked."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (PHYSICAL_SECURITY),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "11.2.3" },
  { .id = "7.13", .theme = ANNEX_THEME_PHYSICAL, .new_in_2022 = FALSE,
    .title = N_("Equipment maintenance"),
    .guidance = N_("Keep equipment serviced as its maker recommends so it stays reliable, and "
                   "control who maintains it and what data leaves with them."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (ASSET_MANAGEMENT) | CAP (PHYSICAL_SECURITY),
    .domains = DOM (PROTECTION) | DOM (RESILIENCE),
    .replaces_2013 = "11.2.4" },
  { .id = "7.14", .theme = ANNEX_THEME_PHYSICAL, .new_in_2022 = FALSE,
    .title = N_("Secure disposal or re-use of equipment"),
    .guidance = N_("Before equipment is thrown away, sold or handed on, wipe its storage "
                   "securely or destroy it, and keep a record of what was done."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (ASSET_MANAGEMENT) | CAP (PHYSICAL_SECURITY),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "11.2.7" },
  { .id = "8.1", .theme = ANNEX_THEME_TECHNOLOGICAL, .new_in_2022 = FALSE,
    .title = N_("User endpoint devices"),
    .guidance = N_("Secure the laptops, phones and tablets that reach company data, e.g. disk "
                   "encryption, screen lock, updates and remote wipe, including personal devices "
                   "used for work."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (ASSET_MANAGEMENT) | CAP (INFORMATION_PROTECTION),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "6.2.1 11.2.8" },
  { .id = "8.2", .theme = ANNEX_THEME_TECHNOLOGICAL, .new_in_2022 = FALSE,
    .title = N_("Privileged access rights"),
    .guidance = N_("Keep administrator rights few and watched: give them only to those who need "
                   "them, use separate admin accounts and review them regularly."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (IDENTITY_AND_ACCESS_MANAGEMENT),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "9.2.3" },
  { .id = "8.3", .theme = ANNEX_THEME_TECHNOLOGICAL, .new_in_2022 = FALSE,
    .title = N_("Information access restriction"),
    .guidance = N_("Set up systems so each person can reach only the information and functions "
                   "they are allowed to, in line with your access rules."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (IDENTITY_AND_ACCESS_MANAGEMENT),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "9.4.1" },
  { .id = "8.4", .theme = ANNEX_THEME_TECHNOLOGICAL, .new_in_2022 = FALSE,
    .title = N_("Access to source code"),
    .guidance = N_("Control who can read and change source code and development tools, e.g. with "
                   "repository permissions and reviewed changes."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (APPLICATION_SECURITY)
                  | CAP (SECURE_CONFIGURATION)
                  | CAP (IDENTITY_AND_ACCESS_MANAGEMENT),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "9.4.5" },
  { .id = "8.5", .theme = ANNEX_THEME_TECHNOLOGICAL, .new_in_2022 = FALSE,
    .title = N_("Secure authentication"),
    .guidance = N_("Use login methods as strong as the risk calls for, such as multi-factor "
                   "authentication for e-mail, remote access and admin accounts."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (IDENTITY_AND_ACCESS_MANAGEMENT),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "9.4.2" },
  { .id = "8.6", .theme = ANNEX_THEME_TECHNOLOGICAL, .new_in_2022 = FALSE,
    .title = N_("Capacity management"),
    .guidance = N_("Watch how much computing, storage and network capacity is used and plan "
                   "ahead, so systems do not run out when they are needed."),
    .control_types = TYPE (PREVENTIVE) | TYPE (DETECTIVE),
    .properties = PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (IDENTIFY) | CONCEPT (PROTECT) | CONCEPT (DETECT),
    .capabilities = CAP (CONTINUITY),
    .domains = DOM (GOVERNANCE_AND_ECOSYSTEM) | DOM (PROTECTION),
    .replaces_2013 = "12.1.3" },
  { .id = "8.7", .theme = ANNEX_THEME_TECHNOLOGICAL, .new_in_2022 = FALSE,
    .title = N_("Protection against malware"),
    .guidance = N_("Protect against malware with up-to-date protection software, careful "
                   "handling of downloads and attachments, and staff who know the warning signs."),
    .control_types = TYPE (PREVENTIVE) | TYPE (DETECTIVE) | TYPE (CORRECTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT) | CONCEPT (DETECT),
    .capabilities = CAP (INFORMATION_PROTECTION) | CAP (SYSTEM_AND_NETWORK_SECURITY),
    .domains = DOM (PROTECTION) | DOM (DEFENCE),
    .replaces_2013 = "12.2.1" },
  { .id = "8.8", .theme = ANNEX_THEME_TECHNOLOGICAL, .new_in_2022 = FALSE,
    .title = N_("Management of technical vulnerabilities"),
    .guidance = N_("Find out about weaknesses in the software and systems you use, judge how "
                   "exposed you are, and install updates or other fixes promptly."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (IDENTIFY) | CONCEPT (PROTECT),
    .capabilities = CAP (THREAT_AND_VULNERABILITY_MANAGEMENT),
    .domains = DOM (GOVERNANCE_AND_ECOSYSTEM) | DOM (PROTECTION) | DOM (DEFENCE),
    .replaces_2013 = "12.6.1 18.2.3" },
  { .id = "8.9", .theme = ANNEX_THEME_TECHNOLOGICAL, .new_in_2022 = TRUE,
    .title = N_("Configuration management"),
    .guidance = N_("Define secure settings for systems, devices and cloud services, apply them "
                   "the same way everywhere, record them and look out for unapproved changes."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (SECURE_CONFIGURATION),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "" },
  { .id = "8.10", .theme = ANNEX_THEME_TECHNOLOGICAL, .new_in_2022 = TRUE,
    .title = N_("Information deletion"),
    .guidance = N_("Delete information once it is no longer needed, in line with retention rules "
                   "and privacy law, including copies held by suppliers."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (INFORMATION_PROTECTION) | CAP (LEGAL_AND_COMPLIANCE),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "" },
  { .id = "8.11", .theme = ANNEX_THEME_TECHNOLOGICAL, .new_in_2022 = TRUE,
    .title = N_("Data masking"),
    .guidance = N_("Hide or pseudonymize sensitive data such as personal data wherever the full "
                   "values are not needed, for example in test systems or reports."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (INFORMATION_PROTECTION),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "" },
  { .id = "8.12", .theme = ANNEX_THEME_TECHNOLOGICAL, .new_in_2022 = TRUE,
    .title = N_("Data leakage prevention"),
    .guidance = N_("Take steps against sensitive information leaving the organization unnoticed, "
                   "e.g. restricting uploads and USB storage and alerting on unusual transfers."),
    .control_types = TYPE (PREVENTIVE) | TYPE (DETECTIVE),
    .properties = PROP (CONFIDENTIALITY),
    .concepts = CONCEPT (PROTECT) | CONCEPT (DETECT),
    .capabilities = CAP (INFORMATION_PROTECTION),
    .domains = DOM (PROTECTION) | DOM (DEFENCE),
    .replaces_2013 = "" },
  { .id = "8.13", .theme = ANNEX_THEME_TECHNOLOGICAL, .new_in_2022 = FALSE,
    .title = N_("Information backup"),
    .guidance = N_("Back up information and systems regularly, keep a copy apart from the "
                   "originals (offline or off-site) and test that restoring works."),
    .control_types = TYPE (CORRECTIVE),
    .properties = PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (RECOVER),
    .capabilities = CAP (CONTINUITY),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "12.3.1" },
  { .id = "8.14", .theme = ANNEX_THEME_TECHNOLOGICAL, .new_in_2022 = FALSE,
    .title = N_("Redundancy of information processing facilities"),
    .guidance = N_("Build in enough spare capacity, e.g. spare hardware, a second connection or "
                   "another cloud region, for the systems that must stay available."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (ASSET_MANAGEMENT) | CAP (CONTINUITY),
    .domains = DOM (PROTECTION) | DOM (RESILIENCE),
    .replaces_2013 = "17.2.1" },
  { .id = "8.15", .theme = ANNEX_THEME_TECHNOLOGICAL, .new_in_2022 = FALSE,
    .title = N_("Logging"),
    .guidance = N_("Record logs of user activity, errors and security events on important "
                   "systems, protect them from tampering and keep them for a set time."),
    .control_types = TYPE (DETECTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (DETECT),
    .capabilities = CAP (INFORMATION_SECURITY_EVENT_MANAGEMENT),
    .domains = DOM (PROTECTION) | DOM (DEFENCE),
    .replaces_2013 = "12.4.1 12.4.2 12.4.3" },
  { .id = "8.16", .theme = ANNEX_THEME_TECHNOLOGICAL, .new_in_2022 = TRUE,
    .title = N_("Monitoring activities"),
    .guidance = N_("Watch networks, systems and applications for unusual behaviour and act on "
                   "what you find, e.g. with login alerts or a managed monitoring service."),
    .control_types = TYPE (DETECTIVE) | TYPE (CORRECTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (DETECT) | CONCEPT (RESPOND),
    .capabilities = CAP (INFORMATION_SECURITY_EVENT_MANAGEMENT),
    .domains = DOM (DEFENCE),
    .replaces_2013 = "" },
  { .id = "8.17", .theme = ANNEX_THEME_TECHNOLOGICAL, .new_in_2022 = FALSE,
    .title = N_("Clock synchronization"),
    .guidance = N_("Set all systems to take their time from the same reliable source, so that "
                   "logs from different systems can be compared and put in order."),
    .control_types = TYPE (DETECTIVE),
    .properties = PROP (INTEGRITY),
    .concepts = CONCEPT (PROTECT) | CONCEPT (DETECT),
    .capabilities = CAP (INFORMATION_SECURITY_EVENT_MANAGEMENT),
    .domains = DOM (PROTECTION) | DOM (DEFENCE),
    .replaces_2013 = "12.4.4" },
  { .id = "8.18", .theme = ANNEX_THEME_TECHNOLOGICAL, .new_in_2022 = FALSE,
    .title = N_("Use of privileged utility programs"),
    .guidance = N_("Restrict and keep track of the use of tools that can get around system or "
                   "application safeguards, such as admin and debugging utilities."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (SYSTEM_AND_NETWORK_SECURITY)
                  | CAP (APPLICATION_SECURITY)
                  | CAP (SECURE_CONFIGURATION),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "9.4.4" },
  { .id = "8.19", .theme = ANNEX_THEME_TECHNOLOGICAL, .new_in_2022 = FALSE,
    .title = N_("Installation of software on operational systems"),
    .guidance = N_("Control which software is installed on live systems and who may install it, "
                   "so that every installation is approved and known."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (APPLICATION_SECURITY) | CAP (SECURE_CONFIGURATION),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "12.5.1 12.6.2" },
  { .id = "8.20", .theme = ANNEX_THEME_TECHNOLOGICAL, .new_in_2022 = FALSE,
    .title = N_("Networks security"),
    .guidance = N_("Secure and manage your networks and network devices, e.g. with firewalls, "
                   "protected Wi-Fi, changed default passwords and current firmware."),
    .control_types = TYPE (PREVENTIVE) | TYPE (DETECTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT) | CONCEPT (DETECT),
    .capabilities = CAP (SYSTEM_AND_NETWORK_SECURITY),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "13.1.1" },
  { .id = "8.21", .theme = ANNEX_THEME_TECHNOLOGICAL, .new_in_2022 = FALSE,
    .title = N_("Security of network services"),
    .guidance = N_("Decide which security features your network services must have (e.g. from "
                   "the internet provider or a VPN service) and make sure they are delivered."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (SYSTEM_AND_NETWORK_SECURITY),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "13.1.2" },
  { .id = "8.22", .theme = ANNEX_THEME_TECHNOLOGICAL, .new_in_2022 = FALSE,
    .title = N_("Segregation of networks"),
    .guidance = N_("Split networks into separate zones, e.g. guest Wi-Fi apart from the office "
                   "network and servers apart from workstations, to limit how far an attack can "
                   "spread."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (SYSTEM_AND_NETWORK_SECURITY),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "13.1.3" },
  { .id = "8.23", .theme = ANNEX_THEME_TECHNOLOGICAL, .new_in_2022 = TRUE,
    .title = N_("Web filtering"),
    .guidance = N_("Limit access to harmful websites, e.g. with DNS filtering or a web filter, "
                   "to reduce exposure to malware and phishing."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (SYSTEM_AND_NETWORK_SECURITY),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "" },
  { .id = "8.24", .theme = ANNEX_THEME_TECHNOLOGICAL, .new_in_2022 = FALSE,
    .title = N_("Use of cryptography"),
    .guidance = N_("Decide where encryption is used (disks, connections, backups) and how keys "
                   "are created, stored, replaced and recovered."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (SECURE_CONFIGURATION),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "10.1.1 10.1.2" },
  { .id = "8.25", .theme = ANNEX_THEME_TECHNOLOGICAL, .new_in_2022 = FALSE,
    .title = N_("Secure development life cycle"),
    .guidance = N_("If you develop software, set security rules for the whole life cycle: "
                   "planning, coding, testing, release and maintenance."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (SYSTEM_AND_NETWORK_SECURITY) | CAP (APPLICATION_SECURITY),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "14.2.1" },
  { .id = "8.26", .theme = ANNEX_THEME_TECHNOLOGICAL, .new_in_2022 = FALSE,
    .title = N_("Application security requirements"),
    .guidance = N_("Work out the security needs of an application before building or buying it, "
                   "e.g. authentication, data protection and logging, and check that they are "
                   "met."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (SYSTEM_AND_NETWORK_SECURITY) | CAP (APPLICATION_SECURITY),
    .domains = DOM (PROTECTION) | DOM (DEFENCE),
    .replaces_2013 = "14.1.2 14.1.3" },
  { .id = "8.27", .theme = ANNEX_THEME_TECHNOLOGICAL, .new_in_2022 = FALSE,
    .title = N_("Secure system architecture and engineering principles"),
    .guidance = N_("Agree on security principles for designing systems, such as least privilege "
                   "and several layers of defence, and apply them to new systems and major "
                   "changes."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (SYSTEM_AND_NETWORK_SECURITY) | CAP (APPLICATION_SECURITY),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "14.2.5" },
  { .id = "8.28", .theme = ANNEX_THEME_TECHNOLOGICAL, .new_in_2022 = TRUE,
    .title = N_("Secure coding"),
    .guidance = N_("Write code that avoids well-known weaknesses, e.g. by following coding "
                   "guidelines, reviewing code and using tools that check code and dependencies."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (SYSTEM_AND_NETWORK_SECURITY) | CAP (APPLICATION_SECURITY),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "" },
  { .id = "8.29", .theme = ANNEX_THEME_TECHNOLOGICAL, .new_in_2022 = FALSE,
    .title = N_("Security testing in development and acceptance"),
    .guidance = N_("Test the security of new or changed systems before they go live, e.g. with "
                   "vulnerability scans, checks of access rights or a penetration test."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (IDENTIFY),
    .capabilities = CAP (SYSTEM_AND_NETWORK_SECURITY)
                  | CAP (APPLICATION_SECURITY)
                  | CAP (INFORMATION_SECURITY_ASSURANCE),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "14.2.8 14.2.9" },
  { .id = "8.30", .theme = ANNEX_THEME_TECHNOLOGICAL, .new_in_2022 = FALSE,
    .title = N_("Outsourced development"),
    .guidance = N_("When others develop software for you, state your security requirements, "
                   "follow the work and check the result before you accept it."),
    .control_types = TYPE (PREVENTIVE) | TYPE (DETECTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (IDENTIFY) | CONCEPT (PROTECT) | CONCEPT (DETECT),
    .capabilities = CAP (SYSTEM_AND_NETWORK_SECURITY)
                  | CAP (APPLICATION_SECURITY)
                  | CAP (SUPPLIER_RELATIONSHIPS_SECURITY),
    .domains = DOM (GOVERNANCE_AND_ECOSYSTEM) | DOM (PROTECTION),
    .replaces_2013 = "14.2.7" },
  { .id = "8.31", .theme = ANNEX_THEME_TECHNOLOGICAL, .new_in_2022 = FALSE,
    .title = N_("Separation of development, test and production environments"),
    .guidance = N_("Keep development, test and live environments apart so that changes and test "
                   "data cannot harm live systems and data."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (SYSTEM_AND_NETWORK_SECURITY) | CAP (APPLICATION_SECURITY),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "12.1.4 14.2.6" },
  { .id = "8.32", .theme = ANNEX_THEME_TECHNOLOGICAL, .new_in_2022 = FALSE,
    .title = N_("Change management"),
    .guidance = N_("Plan, assess, approve and record changes to systems and services, with a way "
                   "back if something goes wrong."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (SYSTEM_AND_NETWORK_SECURITY) | CAP (APPLICATION_SECURITY),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "12.1.2 14.2.2 14.2.3 14.2.4" },
  { .id = "8.33", .theme = ANNEX_THEME_TECHNOLOGICAL, .new_in_2022 = FALSE,
    .title = N_("Test information"),
    .guidance = N_("Choose and protect the data used for testing: avoid real personal or "
                   "confidential data, or mask it, and delete it after use."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (INFORMATION_PROTECTION),
    .domains = DOM (PROTECTION),
    .replaces_2013 = "14.3.1" },
  { .id = "8.34", .theme = ANNEX_THEME_TECHNOLOGICAL, .new_in_2022 = FALSE,
    .title = N_("Protection of information systems during audit testing"),
    .guidance = N_("Plan audits and technical tests of live systems together with the system "
                   "owner so they neither disrupt operations nor expose data."),
    .control_types = TYPE (PREVENTIVE),
    .properties = PROP (CONFIDENTIALITY) | PROP (INTEGRITY) | PROP (AVAILABILITY),
    .concepts = CONCEPT (PROTECT),
    .capabilities = CAP (INFORMATION_PROTECTION) | CAP (SYSTEM_AND_NETWORK_SECURITY),
    .domains = DOM (GOVERNANCE_AND_ECOSYSTEM) | DOM (PROTECTION),
    .replaces_2013 = "12.7.1" },
};

#undef TYPE
#undef PROP
#undef CONCEPT
#undef CAP
#undef DOM

/* Requirements state a doc_type ("document", "record" or "none"); headings have "" and no
 * documented information. */
static const AnnexCatalogueClause clauses[] = {
  { .id = "4", .level = 1, .parent = "", .requirement = FALSE,
    .title = N_("Context of the organization"),
    .summary = N_("Clause heading: understand the organization, its stakeholders and set the "
                  "ISMS scope."),
    .documented_information = "",
    .doc_type = "" },
  { .id = "4.1", .level = 2, .parent = "4", .requirement = TRUE,
    .title = N_("Understanding the organization and its context"),
    .summary = N_("Identify the internal and external issues that bear on the organization's "
                  "purpose and on the ISMS reaching its intended outcomes; since Amd 1:2024 also "
                  "decide whether climate change is a relevant issue."),
    .documented_information = N_("None mandated (issues are commonly recorded in a context "
                                 "register)"),
    .doc_type = "none" },
  { .id = "4.2", .level = 2, .parent = "4", .requirement = TRUE,
    .title = N_("Understanding the needs and expectations of interested parties"),
    .summary = N_("Identify the interested parties relevant to the ISMS, their relevant "
                  "requirements, and which of those requirements the ISMS will address (Amd "
                  "1:2024 note: parties may have climate-change requirements)."),
    .documented_information = N_("None mandated (commonly an interested-parties register)"),
    .doc_type = "none" },
  { .id = "4.3", .level = 2, .parent = "4", .requirement = TRUE,
    .title = N_("Determining the scope of the information security management system"),
    .summary = N_("Fix the boundaries and applicability of the ISMS, considering the 4.1 issues, "
                  "the 4.2 requirements and interfaces/dependencies with activities performed by "
                  "others."),
    .documented_information = N_("ISMS scope"),
    .doc_type = "document" },
  { .id = "4.4", .level = 2, .parent = "4", .requirement = TRUE,
    .title = N_("Information security management system"),
    .summary = N_("Establish, implement, maintain and continually improve the ISMS, including "
                  "the processes it needs and how they interact."),
    .documented_information = N_("None specific"),
    .doc_type = "none" },
  { .id = "5", .level = 1, .parent = "", .requirement = FALSE,
    .title = N_("Leadership"),
    .summary = N_("Clause heading: top-management commitment, policy and roles."),
    .documented_information = "",
    .doc_type = "" },
  { .id = "5.1", .level = 2, .parent = "5", .requirement = TRUE,
    .title = N_("Leadership and commitment"),
    .summary = N_("Top management shows leadership: aligns policy and objectives with strategy, "
                  "embeds ISMS in business processes, provides resources, communicates its "
                  "importance, directs and supports people, promotes continual improvement."),
    .documented_information = N_("None mandated"),
    .doc_type = "none" },
  { .id = "5.2", .level = 2, .parent = "5", .requirement = TRUE,
    .title = N_("Policy"),
    .summary = N_("Top management sets an information security policy suited to the "
                  "organization's purpose, containing or framing objectives and committing to "
                  "meet applicable requirements and to continual improvement; it is communicated "
                  "internally and made available to interested parties as appropriate."),
    .documented_information = N_("Information security policy"),
    .doc_type = "document" },
  { .id = "5.3", .level = 2, .parent = "5", .requirement = TRUE,
    .title = N_("Organizational roles, responsibilities and authorities"),
    .summary = N_("Top management assigns and communicates (within the organization) "
                  "responsibilities and authorities for security-relevant roles, incl. ensuring "
                  "ISMS conformity and reporting ISMS performance to top management."),
    .documented_information = N_("None mandated (roles commonly documented)"),
    .doc_type = "none" },
  { .id = "6", .level = 1, .parent = "", .requirement = FALSE,
    .title = N_("Planning"),
    .summary = N_("Clause heading: risks/opportunities, risk assessment and treatment, "
                  "objectives, changes."),
    .documented_information = "",
    .doc_type = "" },
  { .id = "6.1", .level = 2, .parent = "6", .requirement = FALSE,
    .title = N_("Actions to address risks and opportunities"),
    .summary = N_("Sub-clause heading for 6.1.1-6.1.3."),
    .documented_information = "",
    .doc_type = "" },
  { .id = "6.1.1", .level = 3, .parent = "6.1", .requirement = TRUE,
    .title = N_("General"),
    .summary = N_("When planning the ISMS, use the 4.1 issues and 4.2 requirements to determine "
                  "risks and opportunities, plan actions for them, integrate those actions into "
                  "ISMS processes and evaluate their effectiveness."),
    .documented_information = N_("None mandated"),
    .doc_type = "none" },
  { .id = "6.1.2", .level = 3, .parent = "6.1", .requirement = TRUE,
    .title = N_("Information security risk assessment"),
    .summary = N_("Define and apply a risk assessment process: set risk criteria (risk "
                  "acceptance criteria and criteria for performing assessments); make repeated "
                  "assessments consistent, valid and comparable; identify risks to "
                  "confidentiality, integrity and availability and their risk owners; analyse "
                  "consequences, likelihood and risk levels; evaluate and prioritise against the "
                  "criteria."),
    .documented_information = N_("Information about the risk assessment process (methodology and "
                                 "risk criteria)"),
    .doc_type = "document" },
  { .id = "6.1.3", .level = 3, .parent = "6.1", .requirement = TRUE,
    .title = N_("Information security risk treatment"),
    .summary = N_("Define and apply a risk treatment process: choose treatment options; "
                  "determine the necessary controls; compare them with Annex A so nothing "
                  "necessary is omitted; produce a Statement of Applicability; formulate a risk "
                  "treatment plan; get risk owners to approve the plan and accept residual "
                  "risks."),
    .documented_information = N_("Information about the risk treatment process; Statement of "
                                 "Applicability (necessary controls, justification for "
                                 "inclusion, implementation status, justification for excluding "
                                 "Annex A controls); risk treatment plan"),
    .doc_type = "document" },
  { .id = "6.2", .level = 2, .parent = "6", .requirement = TRUE,
    .title = N_("Information security objectives and planning to achieve them"),
    .summary = N_("Set information security objectives at relevant functions and levels that fit "
                  "the policy, are measurable where practicable, reflect requirements and risk "
                  "results, are monitored, communicated and updated; plan what, resources, who, "
                  "when and how results are evaluated."),
    .documented_information = N_("Information security objectives"),
    .doc_type = "document" },
  { .id = "6.3", .level = 2, .parent = "6", .requirement = TRUE,
    .title = N_("Planning of changes"),
    .summary = N_("When a change to the ISMS is needed, carry it out in a planned way."),
    .documented_information = N_("None mandated"),
    .doc_type = "none" },
  { .id = "7", .level = 1, .parent = "", .requirement = FALSE,
    .title = N_("Support"),
    .summary = N_("Clause heading: resources, competence, awareness, communication, documented "
                  "information."),
    .documented_information = "",
    .doc_type = "" },
  { .id = "7.1", .level = 2, .parent = "7", .requirement = TRUE,
    .title = N_("Resources"),
    .summary = N_("Determine and provide the resources needed to establish, run, maintain and "
                  "improve the ISMS."),
    .documented_information = N_("None mandated"),
    .doc_type = "none" },
  { .id = "7.2", .level = 2, .parent = "7", .requirement = TRUE,
    .title = N_("Competence"),
    .summary = N_("Determine the competence needed by people whose work affects security "
                  "performance, ensure they have it (education, training, experience), act to "
                  "close gaps and check those actions worked."),
    .documented_information = N_("Evidence of competence"),
    .doc_type = "record" },
  { .id = "7.3", .level = 2, .parent = "7", .requirement = TRUE,
    .title = N_("Awareness"),
    .summary = N_("People working under the organization's control know the policy, how they "
                  "contribute to ISMS effectiveness and what happens if they do not conform."),
    .documented_information = N_("None mandated"),
    .doc_type = "none" },
  { .id = "7.4", .level = 2, .parent = "7", .requirement = TRUE,
    .title = N_("Communication"),
    .summary = N_("Decide what internal and external ISMS communication is needed: on what, "
                  "when, with whom and how."),
    .documented_information = N_("None mandated"),
    .doc_type = "none" },
  { .id = "7.5", .level = 2, .parent = "7", .requirement = FALSE,
    .title = N_("Documented information"),
    .summary = N_("Sub-clause heading for 7.5.1-7.5.3."),
    .documented_information = "",
    .doc_type = "" },
  { .id = "7.5.1", .level = 3, .parent = "7.5", .requirement = TRUE,
    .title = N_("General"),
    .summary = N_("The ISMS includes the documented information the standard requires plus "
                  "whatever the organization decides is needed for ISMS effectiveness."),
    .documented_information = N_("Documented information determined by the organization as "
                                 "necessary for ISMS effectiveness"),
    .doc_type = "document" },
  { .id = "7.5.2", .level = 3, .parent = "7.5", .requirement = TRUE,
    .title = N_("Creating and updating"),
    .summary = N_("When creating or updating documented information ensure proper identification "
                  "(title, date, author, reference), suitable format and media, and review and "
                  "approval."),
    .documented_information = N_("None additional (rules apply to all documented information)"),
    .doc_type = "none" },
  { .id = "7.5.3", .level = 3, .parent = "7.5", .requirement = TRUE,
    .title = N_("Control of documented information"),
    .summary = N_("Keep documented information available where needed and protected; manage "
                  "distribution, access, retrieval, use, storage, preservation, version control, "
                  "retention and disposition; identify and control documents of external origin."),
    .documented_information = N_("None additional (rules apply to all documented information)"),
    .doc_type = "none" },
  { .id = "8", .level = 1, .parent = "", .requirement = FALSE,
    .title = N_("Operation"),
    .summary = N_("Clause heading: operational control, performing risk assessment and "
                  "treatment."),
    .documented_information = "",
    .doc_type = "" },
  { .id = "8.1", .level = 2, .parent = "8", .requirement = TRUE,
    .title = N_("Operational planning and control"),
    .summary = N_("Plan, implement and control the processes needed to meet requirements and "
                  "carry out clause 6 actions: set process criteria and control to them, control "
                  "planned changes, review unintended changes, and control externally provided "
                  "processes, products or services relevant to the ISMS."),
    .documented_information = N_("Documented information to the extent needed to have confidence "
                                 "that processes were carried out as planned"),
    .doc_type = "record" },
  { .id = "8.2", .level = 2, .parent = "8", .requirement = TRUE,
    .title = N_("Information security risk assessment"),
    .summary = N_("Perform risk assessments at planned intervals and when significant changes "
                  "are proposed or occur, using the 6.1.2 criteria."),
    .documented_information = N_("Results of the information security risk assessments"),
    .doc_type = "record" },
  { .id = "8.3", .level = 2, .parent = "8", .requirement = TRUE,
    .title = N_("Information security risk treatment"),
    .summary = N_("Implement the risk treatment plan."),
    .documented_information = N_("Results of the information security risk treatment"),
    .doc_type = "record" },
  { .id = "9", .level = 1, .parent = "", .requirement = FALSE,
    .title = N_("Performance evaluation"),
    .summary = N_("Clause heading: monitoring, internal audit, management review."),
    .documented_information = "",
    .doc_type = "" },
  { .id = "9.1", .level = 2, .parent = "9", .requirement = TRUE,
    .title = N_("Monitoring, measurement, analysis and evaluation"),
    .summary = N_("Decide what to monitor and measure (incl. processes and controls), the "
                  "methods (giving comparable, reproducible results), when and by whom, and when "
                  "results are analysed and evaluated; evaluate security performance and ISMS "
                  "effectiveness."),
    .documented_information = N_("Evidence of the monitoring and measurement results"),
    .doc_type = "record" },
  { .id = "9.2", .level = 2, .parent = "9", .requirement = FALSE,
    .title = N_("Internal audit"),
    .summary = N_("Sub-clause heading for 9.2.1-9.2.2 (single clause in 2013)."),
    .documented_information = "",
    .doc_type = "" },
  { .id = "9.2.1", .level = 3, .parent = "9.2", .requirement = TRUE,
    .title = N_("General"),
    .summary = N_("Run internal audits at planned intervals to check that the ISMS conforms to "
                  "the organization's own requirements and to the standard, and is effectively "
                  "implemented and maintained."),
    .documented_information = N_("None mandated here (see 9.2.2)"),
    .doc_type = "none" },
  { .id = "9.2.2", .level = 3, .parent = "9.2", .requirement = TRUE,
    .title = N_("Internal audit programme"),
    .summary = N_("Plan and maintain audit programme(s) (frequency, methods, responsibilities, "
                  "planning and reporting) considering process importance and previous results; "
                  "define criteria and scope per audit; choose objective, impartial auditors; "
                  "report results to relevant management."),
    .documented_information = N_("Evidence of implementation of the audit programme(s) and the "
                                 "audit results"),
    .doc_type = "record" },
  { .id = "9.3", .level = 2, .parent = "9", .requirement = FALSE,
    .title = N_("Management review"),
    .summary = N_("Sub-clause heading for 9.3.1-9.3.3 (single clause in 2013)."),
    .documented_information = "",
    .doc_type = "" },
  { .id = "9.3.1", .level = 3, .parent = "9.3", .requirement = TRUE,
    .title = N_("General"),
    .summary = N_("Top management reviews the ISMS at planned intervals to confirm it remains "
                  "suitable, adequate and effective."),
    .documented_information = N_("None mandated here (see 9.3.3)"),
    .doc_type = "none" },
  { .id = "9.3.2", .level = 3, .parent = "9.3", .requirement = TRUE,
    .title = N_("Management review inputs"),
    .summary = N_("The review considers: the status of actions from earlier reviews; changes in "
                  "internal and external issues and in interested parties' needs and "
                  "expectations; security performance trends (nonconformities and corrective "
                  "actions, monitoring results, audit results, objectives); feedback from "
                  "interested parties; risk assessment results and the status of the treatment "
                  "plan; opportunities for improvement."),
    .documented_information = N_("None mandated here (see 9.3.3)"),
    .doc_type = "none" },
  { .id = "9.3.3", .level = 3, .parent = "9.3", .requirement = TRUE,
    .title = N_("Management review results"),
    .summary = N_("Review outputs include decisions on continual-improvement opportunities and "
                  "any needed changes to the ISMS."),
    .documented_information = N_("Evidence of the results of management reviews"),
    .doc_type = "record" },
  { .id = "10", .level = 1, .parent = "", .requirement = FALSE,
    .title = N_("Improvement"),
    .summary = N_("Clause heading: continual improvement, nonconformity and corrective action."),
    .documented_information = "",
    .doc_type = "" },
  { .id = "10.1", .level = 2, .parent = "10", .requirement = TRUE,
    .title = N_("Continual improvement"),
    .summary = N_("Keep improving the suitability, adequacy and effectiveness of the ISMS."),
    .documented_information = N_("None mandated"),
    .doc_type = "none" },
  { .id = "10.2", .level = 2, .parent = "10", .requirement = TRUE,
    .title = N_("Nonconformity and corrective action"),
    .summary = N_("On a nonconformity: react (control, correct, handle consequences), find "
                  "causes and whether similar cases exist, take proportionate corrective action, "
                  "check its effectiveness and change the ISMS if needed."),
    .documented_information = N_("Evidence of the nature of nonconformities, the actions taken "
                                 "and the results of corrective actions"),
    .doc_type = "record" },
};

/**
 * annex_catalogue_get_controls:
 * @n_controls: (out) (optional): return location for the number of controls (93)
 *
 * The Annex A controls of ISO/IEC 27001:2022 in id order, 5.1 to 8.34. Titles and guidance
 * notes are untranslated: show them through annex_catalogue_gettext().
 *
 * Returns: (array length=n_controls) (transfer none): the static table
 */
const AnnexCatalogueControl *
annex_catalogue_get_controls (guint *n_controls)
{
  if (n_controls != NULL)
    *n_controls = G_N_ELEMENTS (controls);

  return controls;
}

/**
 * annex_catalogue_find_control:
 * @id: an Annex A id such as "5.1", without the "A." prefix
 *
 * Looks up one control.
 *
 * Returns: (nullable) (transfer none): the control, or %NULL when @id is not an Annex A id
 */
const AnnexCatalogueControl *
annex_catalogue_find_control (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    {
      if (strcmp (controls[i].id, id) == 0)
        return &controls[i];
    }

  return NULL;
}

/**
 * annex_catalogue_control_get_flags:
 * @control: a control of the catalogue
 * @attribute: which attribute
 *
 * The flag set @control carries for @attribute, so that code can treat the five attributes
 * alike (filters, exports).
 *
 * Returns: the flags, of the flags type that belongs to @attribute
 */
guint
annex_catalogue_control_get_flags (const AnnexCatalogueControl *control,
                                   AnnexCatalogueAttribute      attribute)
{
  g_return_val_if_fail (control != NULL, 0);
  g_return_val_if_fail (attribute < ANNEX_CATALOGUE_N_ATTRIBUTES, 0);

  switch (attribute)
    {
    case ANNEX_CATALOGUE_ATTRIBUTE_CONTROL_TYPE:
      return control->control_types;

    case ANNEX_CATALOGUE_ATTRIBUTE_PROPERTY:
      return control->properties;

    case ANNEX_CATALOGUE_ATTRIBUTE_CONCEPT:
      return control->concepts;

    case ANNEX_CATALOGUE_ATTRIBUTE_CAPABILITY:
      return control->capabilities;

    case ANNEX_CATALOGUE_ATTRIBUTE_DOMAIN:
      return control->domains;

    default:
      g_assert_not_reached ();
    }

  return 0;
}

/**
 * annex_catalogue_get_clauses:
 * @n_clauses: (out) (optional): return location for the number of clauses (41)
 *
 * The clauses 4 to 10 of ISO/IEC 27001:2022 in document order, headings included (see
 * #AnnexCatalogueClause:requirement). Titles, summaries and documented information are
 * untranslated: show them through annex_catalogue_gettext().
 *
 * Returns: (array length=n_clauses) (transfer none): the static table
 */
const AnnexCatalogueClause *
annex_catalogue_get_clauses (guint *n_clauses)
{
  if (n_clauses != NULL)
    *n_clauses = G_N_ELEMENTS (clauses);

  return clauses;
}

/**
 * annex_catalogue_find_clause:
 * @id: a clause number such as "6.1.2"
 *
 * Looks up one clause.
 *
 * Returns: (nullable) (transfer none): the clause, or %NULL when there is no such clause
 */
const AnnexCatalogueClause *
annex_catalogue_find_clause (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (clauses); i++)
    {
      if (strcmp (clauses[i].id, id) == 0)
        return &clauses[i];
    }

  return NULL;
}

/**
 * annex_catalogue_get_tags:
 * @attribute: which attribute
 * @n_tags: (out) (optional): return location for the size of the vocabulary
 *
 * The closed vocabulary of @attribute in the order of ISO/IEC 27002 (3 control types,
 * 3 properties, 5 concepts, 15 capabilities, 4 domains); each tag is one flag, in ascending
 * order. Labels are untranslated: show them through annex_catalogue_gettext().
 *
 * Returns: (array length=n_tags) (transfer none): the static table
 */
const AnnexCatalogueTag *
annex_catalogue_get_tags (AnnexCatalogueAttribute  attribute,
                          guint                   *n_tags)
{
  g_return_val_if_fail (attribute < ANNEX_CATALOGUE_N_ATTRIBUTES, NULL);

  if (n_tags != NULL)
    *n_tags = attributes[attribute].n_tags;

  return attributes[attribute].tags;
}

/**
 * annex_catalogue_tag_from_nick:
 * @attribute: which attribute
 * @nick: a tag's nick; ASCII case is ignored, so the reference CSV spelling
 *   ("Governance_and_Ecosystem") is accepted too
 *
 * Looks up one value of @attribute's vocabulary.
 *
 * Returns: the tag's flag, or 0 when @nick is not in the vocabulary
 */
guint
annex_catalogue_tag_from_nick (AnnexCatalogueAttribute  attribute,
                               const char              *nick)
{
  g_return_val_if_fail (attribute < ANNEX_CATALOGUE_N_ATTRIBUTES, 0);
  g_return_val_if_fail (nick != NULL, 0);

  for (guint i = 0; i < attributes[attribute].n_tags; i++)
    {
      if (g_ascii_strcasecmp (attributes[attribute].tags[i].nick, nick) == 0)
        return attributes[attribute].tags[i].flag;
    }

  return 0;
}

/**
 * annex_catalogue_format_tags:
 * @attribute: which attribute
 * @flags: a set of @attribute's flags
 *
 * Formats @flags for display: the translated labels in vocabulary order, separated by a comma
 * and a space ("Preventive, Corrective"). Bits outside the vocabulary are ignored.
 *
 * Returns: (transfer full): the text, "" when @flags holds none of the vocabulary
 */
char *
annex_catalogue_format_tags (AnnexCatalogueAttribute attribute,
                             guint                   flags)
{
  GString *text;

  g_return_val_if_fail (attribute < ANNEX_CATALOGUE_N_ATTRIBUTES, NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i < attributes[attribute].n_tags; i++)
    {
      const AnnexCatalogueTag *tag = &attributes[attribute].tags[i];

      if ((flags & tag->flag) == 0)
        continue;
      if (text->len > 0)
        /* Translators: separates the values of an attribute in a list, "Preventive, Corrective" */
        g_string_append (text, _(", "));
      g_string_append (text, _(tag->label));
    }

  return g_string_free (text, FALSE);
}

/**
 * annex_catalogue_attribute_nick:
 * @attribute: which attribute
 *
 * The attribute's stable name, the column name of the reference CSV ("control_type",
 * "information_security_properties", "cybersecurity_concepts", "operational_capabilities",
 * "security_domains").
 *
 * Returns: (transfer none): the nick
 */
const char *
annex_catalogue_attribute_nick (AnnexCatalogueAttribute attribute)
{
  g_return_val_if_fail (attribute < ANNEX_CATALOGUE_N_ATTRIBUTES, NULL);

  return attributes[attribute].nick;
}

/**
 * annex_catalogue_attribute_label:
 * @attribute: which attribute
 *
 * The attribute's name for display, e.g. "Control type".
 *
 * Returns: (transfer none): the translated label
 */
const char *
annex_catalogue_attribute_label (AnnexCatalogueAttribute attribute)
{
  g_return_val_if_fail (attribute < ANNEX_CATALOGUE_N_ATTRIBUTES, NULL);

  return _(attributes[attribute].label);
}

/**
 * annex_catalogue_theme_nick:
 * @theme: a theme
 *
 * The theme's stable name: "organizational", "people", "physical" or "technological".
 *
 * Returns: (transfer none): the nick
 */
const char *
annex_catalogue_theme_nick (AnnexControlTheme theme)
{
  g_return_val_if_fail (theme < ANNEX_N_CONTROL_THEMES, NULL);

  return themes[theme].nick;
}

/**
 * annex_catalogue_theme_label:
 * @theme: a theme
 *
 * The theme's name for display, e.g. "Organizational".
 *
 * Returns: (transfer none): the translated label
 */
const char *
annex_catalogue_theme_label (AnnexControlTheme theme)
{
  g_return_val_if_fail (theme < ANNEX_N_CONTROL_THEMES, NULL);

  return _(themes[theme].label);
}

/**
 * annex_catalogue_theme_from_nick:
 * @nick: a theme's nick; ASCII case is ignored ("Organizational" is accepted)
 * @theme: (out) (optional): return location for the theme
 *
 * Looks up a theme by its nick.
 *
 * Returns: %TRUE if @nick names a theme
 */
gboolean
annex_catalogue_theme_from_nick (const char        *nick,
                                 AnnexControlTheme *theme)
{
  g_return_val_if_fail (nick != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (themes); i++)
    {
      if (g_ascii_strcasecmp (themes[i].nick, nick) == 0)
        {
          if (theme != NULL)
            *theme = (AnnexControlTheme) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * annex_catalogue_gettext:
 * @msgid: an untranslated string of the catalogue (a title, guidance note, summary, label)
 *
 * Translates a string of the catalogue tables. Unlike a bare gettext (), it returns "" for "",
 * where gettext () would return the header of the translation catalogue (the empty
 * documented information of a heading, for one).
 *
 * Returns: (transfer none): the translation, or @msgid itself when there is none
 */
const char *
annex_catalogue_gettext (const char *msgid)
{
  g_return_val_if_fail (msgid != NULL, NULL);

  if (*msgid == '\0')
    return msgid;

  return _(msgid);
}
