/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-database.c: one open workspace file: validation, migrations, pragmas, statements,
 * transactions, settings, backup and the "changed" signal. */

#define G_LOG_DOMAIN "annex-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "annex-catalogue.h"
#include "annex-change-log.h"
#include "annex-database-private.h"
#include "annex-store-error.h"

/* The SQLite file header: 100 bytes, starting with this 16-byte magic string. */
#define SQLITE_HEADER_SIZE  100
#define SQLITE_MAGIC        "SQLite format 3"     /* with its NUL: 16 bytes */
#define BUSY_TIMEOUT_MS     5000

struct _AnnexDatabase
{
  GObject     parent_instance;

  /* owned */
  char       *path;
  sqlite3    *handle;
  GHashTable *statements;      /* SQL text → sqlite3_stmt* */
  GArray     *changed_tables;  /* GQuark, in marking order, without duplicates */

  int         schema_version;
  guint       depth;           /* transaction nesting */
  guint       read_only : 1;
  guint       rolled_back : 1; /* a level of the current transaction rolled back */
};

G_DEFINE_FINAL_TYPE (AnnexDatabase, annex_database, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_READ_ONLY,
  PROP_SCHEMA_VERSION,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* A migration step that needs more than SQL fills tables from data compiled into Annex (prepared
 * statements with bound values) after its SQL ran, in the same transaction. @new_workspace is
 * TRUE when the step runs while a new workspace is created, FALSE when an existing one is
 * updated. */
typedef gboolean (*MigrationFunc) (AnnexDatabase  *self,
                                   gboolean        new_workspace,
                                   GError        **error);

typedef struct
{
  const char    *sql;
  MigrationFunc  populate;  /* may be NULL */
} Migration;

static gboolean seed_catalogue (AnnexDatabase  *self,
                                gboolean        new_workspace,
                                GError        **error);

/* The schema, one step per version: migration N takes a workspace from version N-1 to N.
 * Never edit a released step; add a new one. migrate() sets PRAGMA application_id with step 1
 * and PRAGMA user_version after the last step, in the same transaction. */
static const Migration builtin_migrations[] = {
  /* 1: workspace metadata, change history, reference counters, the action tracker. */
  {
    "CREATE TABLE workspace ("
    "  key   TEXT PRIMARY KEY,"
    "  value TEXT"
    ");"
    "CREATE TABLE change_log ("
    "  id         INTEGER PRIMARY KEY,"
    "  time       TEXT NOT NULL,"
    "  table_name TEXT NOT NULL,"
    "  record_id  INTEGER NOT NULL,"
    "  kind       TEXT NOT NULL CHECK (kind IN ('insert', 'update', 'delete')),"
    "  before     TEXT,"
    "  after      TEXT,"
    "  prev_hash  TEXT NOT NULL,"
    "  hash       TEXT NOT NULL"
    ");"
    "CREATE INDEX change_log_record ON change_log (table_name, record_id);"
    "CREATE TABLE reference_counters ("
    "  prefix TEXT PRIMARY KEY,"
    "  next   INTEGER NOT NULL"
    ");"
    "CREATE TABLE actions ("
    "  id               INTEGER PRIMARY KEY,"
    "  reference        TEXT NOT NULL UNIQUE,"
    "  created          TEXT NOT NULL,"
    "  updated          TEXT NOT NULL,"
    "  title            TEXT NOT NULL,"
    "  owner            TEXT,"
    "  due_date         TEXT,"
    "  status           TEXT NOT NULL DEFAULT 'open',"
    "  origin           TEXT NOT NULL DEFAULT 'other',"
    "  origin_reference TEXT,"
    "  description      TEXT,"
    "  completed_on     TEXT"
    ");"
    "CREATE INDEX actions_due_date ON actions (due_date);"
    "CREATE INDEX actions_status ON actions (status);",
    NULL
  },
  /* 2: the controls of the Statement of Applicability and the clause 4–10 requirements
   * checklist, seeded from the catalogue (seed_catalogue()). */
  {
    "CREATE TABLE controls ("
    "  id                   INTEGER PRIMARY KEY,"
    "  reference            TEXT NOT NULL UNIQUE,"
    "  created              TEXT NOT NULL,"
    "  updated              TEXT NOT NULL,"
    "  catalogue            TEXT NOT NULL DEFAULT 'custom'"
    "                       CHECK (catalogue IN ('annex-a', 'custom')),"
    "  theme                TEXT CHECK (theme IS NULL OR theme IN ('organizational', 'people',"
    "                                                              'physical', 'technological')),"
    "  title                TEXT NOT NULL,"
    "  description          TEXT,"
    "  applicability        TEXT NOT NULL DEFAULT 'undecided'"
    "                       CHECK (applicability IN ('undecided', 'applicable', 'excluded')),"
    "  reason_risk          INTEGER NOT NULL DEFAULT 0 CHECK (reason_risk IN (0, 1)),"
    "  reason_legal         INTEGER NOT NULL DEFAULT 0 CHECK (reason_legal IN (0, 1)),"
    "  reason_contractual   INTEGER NOT NULL DEFAULT 0 CHECK (reason_contractual IN (0, 1)),"
    "  reason_business      INTEGER NOT NULL DEFAULT 0 CHECK (reason_business IN (0, 1)),"
    "  reason_best_practice INTEGER NOT NULL DEFAULT 0 CHECK (reason_best_practice IN (0, 1)),"
    "  justification        TEXT,"
    "  status               TEXT NOT NULL DEFAULT 'not-started'"
    "                       CHECK (status IN ('not-started', 'planned', 'partial',"
    "                                         'implemented')),"
    "  owner                TEXT,"
    "  target_date          TEXT,"
    "  implementation_notes TEXT,"
    "  evidence             TEXT,"
    "  last_reviewed        TEXT"
    ");"
    "CREATE INDEX controls_applicability ON controls (applicability);"
    "CREATE INDEX controls_status ON controls (status);"
    "CREATE TABLE requirements ("
    "  id        INTEGER PRIMARY KEY,"
    "  reference TEXT NOT NULL UNIQUE,"
    "  created   TEXT NOT NULL,"
    "  updated   TEXT NOT NULL,"
    "  title     TEXT NOT NULL,"
    "  status    TEXT NOT NULL DEFAULT 'not-started'"
    "            CHECK (status IN ('not-started', 'partial', 'done')),"
    "  owner     TEXT,"
    "  evidence  TEXT"
    ");",
    seed_catalogue
  },
  /* 3: context of the organization (4.1 issues, 4.2 interested parties and their requirements,
   * 4.3 the versioned scope and its exclusions) and the links between records of any two
   * registers (a risk's assets and controls, a party requirement's controls…). Links name their
   * tables (trusted register table names), so they carry no foreign key: the model deletes and
   * restores a record's links with the record. AUTOINCREMENT: a deleted record's id is never
   * given to a new one, so Undo can always put it (and its children and links) back. */
  {
    "CREATE TABLE links ("
    "  id         INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  from_table TEXT NOT NULL,"
    "  from_id    INTEGER NOT NULL,"
    "  to_table   TEXT NOT NULL,"
    "  to_id      INTEGER NOT NULL,"
    "  created    TEXT NOT NULL,"
    "  UNIQUE (from_table, from_id, to_table, to_id)"
    ");"
    "CREATE INDEX links_to ON links (to_table, to_id);"
    "CREATE TABLE issues ("
    "  id            INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  reference     TEXT NOT NULL UNIQUE,"
    "  created       TEXT NOT NULL,"
    "  updated       TEXT NOT NULL,"
    "  title         TEXT NOT NULL,"
    "  kind          TEXT NOT NULL DEFAULT 'external' CHECK (kind IN ('internal', 'external')),"
    "  category      TEXT,"
    "  climate       INTEGER NOT NULL DEFAULT 0 CHECK (climate IN (0, 1)),"
    "  description   TEXT,"
    "  effect        TEXT,"
    "  source        TEXT,"
    "  status        TEXT NOT NULL DEFAULT 'current'"
    "                CHECK (status IN ('current', 'monitored', 'closed')),"
    "  last_reviewed TEXT"
    ");"
    "CREATE TABLE parties ("
    "  id         INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  reference  TEXT NOT NULL UNIQUE,"
    "  created    TEXT NOT NULL,"
    "  updated    TEXT NOT NULL,"
    "  name       TEXT NOT NULL,"
    "  category   TEXT NOT NULL DEFAULT 'customers',"
    "  needs      TEXT,"
    "  relevance  TEXT NOT NULL DEFAULT 'medium' CHECK (relevance IN ('high', 'medium', 'low')),"
    "  notes      TEXT"
    ");"
    "CREATE TABLE party_requirements ("
    "  id          INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  reference   TEXT NOT NULL UNIQUE,"
    "  created     TEXT NOT NULL,"
    "  updated     TEXT NOT NULL,"
    "  party_id    INTEGER NOT NULL REFERENCES parties (id),"
    "  type        TEXT NOT NULL DEFAULT 'legal' CHECK (type IN ('legal', 'contractual', 'other')),"
    "  requirement TEXT NOT NULL,"
    "  addressed   TEXT NOT NULL DEFAULT 'undecided'"
    "              CHECK (addressed IN ('undecided', 'yes', 'partly', 'no')),"
    "  how         TEXT"
    ");"
    "CREATE INDEX party_requirements_party ON party_requirements (party_id);"
    "CREATE TABLE scope_versions ("
    "  id             INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  reference      TEXT NOT NULL UNIQUE,"
    "  created        TEXT NOT NULL,"
    "  updated        TEXT NOT NULL,"
    "  status         TEXT NOT NULL DEFAULT 'draft'"
    "                 CHECK (status IN ('draft', 'approved', 'superseded')),"
    "  statement      TEXT,"
    "  locations      TEXT,"
    "  units          TEXT,"
    "  processes      TEXT,"
    "  systems        TEXT,"
    "  interfaces     TEXT,"
    "  change_summary TEXT,"
    "  approved_by    TEXT,"
    "  approved_on    TEXT,"
    "  in_force_from  TEXT"
    ");"
    "CREATE TABLE scope_exclusions ("
    "  id            INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  reference     TEXT NOT NULL UNIQUE,"
    "  created       TEXT NOT NULL,"
    "  updated       TEXT NOT NULL,"
    "  scope_id      INTEGER NOT NULL REFERENCES scope_versions (id),"
    "  exclusion     TEXT NOT NULL,"
    "  justification TEXT"
    ");"
    "CREATE INDEX scope_exclusions_scope ON scope_exclusions (scope_id);",
    NULL
  },
  /* 4: assets and the risk register. The risk method is the workspace setting "risk-method"
   * (JSON); likelihood and impact are level numbers of that method, 1 = lowest, 0 = not
   * assessed. */
  {
    "CREATE TABLE assets ("
    "  id              INTEGER PRIMARY KEY,"
    "  reference       TEXT NOT NULL UNIQUE,"
    "  created         TEXT NOT NULL,"
    "  updated         TEXT NOT NULL,"
    "  name            TEXT NOT NULL,"
    "  type            TEXT NOT NULL DEFAULT 'information'"
    "                  CHECK (type IN ('information', 'software', 'hardware', 'service',"
    "                                  'people', 'site', 'supplier')),"
    "  owner           TEXT,"
    "  location        TEXT,"
    "  classification  TEXT,"
    "  confidentiality TEXT,"
    "  integrity       TEXT,"
    "  availability    TEXT,"
    "  notes           TEXT"
    ");"
    "CREATE TABLE risks ("
    "  id                  INTEGER PRIMARY KEY,"
    "  reference           TEXT NOT NULL UNIQUE,"
    "  created             TEXT NOT NULL,"
    "  updated             TEXT NOT NULL,"
    "  title               TEXT NOT NULL,"
    "  description         TEXT,"
    "  threat              TEXT,"
    "  vulnerability       TEXT,"
    "  owner               TEXT,"
    "  category            TEXT,"
    "  inherent_likelihood INTEGER NOT NULL DEFAULT 0 CHECK (inherent_likelihood >= 0),"
    "  inherent_impact     INTEGER NOT NULL DEFAULT 0 CHECK (inherent_impact >= 0),"
    "  treatment           TEXT CHECK (treatment IS NULL OR"
    "                                  treatment IN ('modify', 'retain', 'avoid', 'share')),"
    "  residual_likelihood INTEGER NOT NULL DEFAULT 0 CHECK (residual_likelihood >= 0),"
    "  residual_impact     INTEGER NOT NULL DEFAULT 0 CHECK (residual_impact >= 0),"
    "  accepted_by         TEXT,"
    "  accepted_on         TEXT,"
    "  accepted_until      TEXT,"
    "  next_review         TEXT,"
    "  status              TEXT NOT NULL DEFAULT 'identified'"
    "                      CHECK (status IN ('identified', 'assessed', 'treated', 'accepted',"
    "                                        'closed'))"
    ");"
    "CREATE INDEX risks_status ON risks (status);"
    "CREATE INDEX risks_next_review ON risks (next_review);",
    NULL
  },
  /* 5: internal audit (9.2) and improvement (10.2): audits with their checklist items and
   * findings as children, nonconformities, incidents. An audit's clauses and controls and an
   * incident's assets are links. A finding's item_id carries no foreign key: 0 means none, and
   * deleting the item leaves the finding. */
  {
    "CREATE TABLE audits ("
    "  id                INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  reference         TEXT NOT NULL UNIQUE,"
    "  created           TEXT NOT NULL,"
    "  updated           TEXT NOT NULL,"
    "  title             TEXT NOT NULL,"
    "  type              TEXT NOT NULL DEFAULT 'internal'"
    "                    CHECK (type IN ('internal', 'supplier', 'certification',"
    "                                    'surveillance')),"
    "  scope             TEXT,"
    "  criteria          TEXT,"
    "  planned_start     TEXT,"
    "  planned_end       TEXT,"
    "  actual_start      TEXT,"
    "  actual_end        TEXT,"
    "  lead_auditor      TEXT,"
    "  team              TEXT,"
    "  auditee_areas     TEXT,"
    "  auditee_contacts  TEXT,"
    "  status            TEXT NOT NULL DEFAULT 'planned'"
    "                    CHECK (status IN ('planned', 'in-preparation', 'in-progress',"
    "                                      'reported', 'closed')),"
    "  conclusion        TEXT,"
    "  independence_note TEXT"
    ");"
    "CREATE INDEX audits_planned_start ON audits (planned_start);"
    "CREATE TABLE audit_items ("
    "  id           INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  reference    TEXT NOT NULL UNIQUE,"
    "  created      TEXT NOT NULL,"
    "  updated      TEXT NOT NULL,"
    "  audit_id     INTEGER NOT NULL REFERENCES audits (id),"
    "  position     INTEGER NOT NULL DEFAULT 0,"
    "  subject_kind TEXT NOT NULL DEFAULT 'other'"
    "               CHECK (subject_kind IN ('clause', 'control', 'other')),"
    "  subject      TEXT,"
    "  title        TEXT NOT NULL,"
    "  question     TEXT,"
    "  result       TEXT NOT NULL DEFAULT 'not-sampled'"
    "               CHECK (result IN ('not-sampled', 'conform', 'nonconformity',"
    "                                 'observation', 'improvement')),"
    "  notes        TEXT,"
    "  evidence     TEXT"
    ");"
    "CREATE INDEX audit_items_audit ON audit_items (audit_id);"
    "CREATE TABLE findings ("
    "  id             INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  reference      TEXT NOT NULL UNIQUE,"
    "  created        TEXT NOT NULL,"
    "  updated        TEXT NOT NULL,"
    "  audit_id       INTEGER NOT NULL REFERENCES audits (id),"
    "  item_id        INTEGER NOT NULL DEFAULT 0,"
    "  classification TEXT NOT NULL DEFAULT 'minor'"
    "                 CHECK (classification IN ('major', 'minor', 'observation',"
    "                                           'improvement')),"
    "  concerns       TEXT,"
    "  description    TEXT NOT NULL,"
    "  evidence       TEXT"
    ");"
    "CREATE INDEX findings_audit ON findings (audit_id);"
    "CREATE TABLE nonconformities ("
    "  id               INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  reference        TEXT NOT NULL UNIQUE,"
    "  created          TEXT NOT NULL,"
    "  updated          TEXT NOT NULL,"
    "  title            TEXT NOT NULL,"
    "  source           TEXT NOT NULL DEFAULT 'other'"
    "                   CHECK (source IN ('audit', 'incident', 'management-review',"
    "                                     'complaint', 'other')),"
    "  source_reference TEXT,"
    "  grade            TEXT NOT NULL DEFAULT 'minor' CHECK (grade IN ('minor', 'major')),"
    "  concerns         TEXT,"
    "  raised_on        TEXT,"
    "  owner            TEXT,"
    "  description      TEXT,"
    "  correction       TEXT,"
    "  root_cause       TEXT,"
    "  check_date       TEXT,"
    "  check_by         TEXT,"
    "  check_result     TEXT CHECK (check_result IS NULL OR"
    "                               check_result IN ('effective', 'not-effective')),"
    "  check_notes      TEXT,"
    "  status           TEXT NOT NULL DEFAULT 'open'"
    "                   CHECK (status IN ('open', 'action-planned', 'awaiting-check', 'closed'))"
    ");"
    "CREATE INDEX nonconformities_status ON nonconformities (status);"
    "CREATE TABLE incidents ("
    "  id              INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  reference       TEXT NOT NULL UNIQUE,"
    "  created         TEXT NOT NULL,"
    "  updated         TEXT NOT NULL,"
    "  title           TEXT NOT NULL,"
    "  detected_on     TEXT,"
    "  description     TEXT,"
    "  severity        TEXT NOT NULL DEFAULT 'medium'"
    "                  CHECK (severity IN ('low', 'medium', 'high', 'critical')),"
    "  status          TEXT NOT NULL DEFAULT 'open'"
    "                  CHECK (status IN ('open', 'contained', 'resolved')),"
    "  lessons_learned TEXT"
    ");",
    NULL
  },
  /* 6: objectives (6.2) with their measurements, and management reviews (9.3) with their
   * attendees. A review keeps the inputs a–g it was prepared with as JSON (inputs), so the
   * minutes show what the meeting saw; its actions are rows of "actions" (origin
   * 'management-review'). An objective's risks, controls and parties are links. */
  {
    "CREATE TABLE objectives ("
    "  id           INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  reference    TEXT NOT NULL UNIQUE,"
    "  created      TEXT NOT NULL,"
    "  updated      TEXT NOT NULL,"
    "  title        TEXT NOT NULL,"
    "  measure      TEXT,"
    "  target       TEXT,"
    "  owner        TEXT,"
    "  due_date     TEXT,"
    "  status       TEXT NOT NULL DEFAULT 'not-started'"
    "               CHECK (status IN ('not-started', 'on-track', 'at-risk', 'achieved',"
    "                                 'missed')),"
    "  notes        TEXT"
    ");"
    "CREATE TABLE objective_measurements ("
    "  id           INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  reference    TEXT NOT NULL UNIQUE,"
    "  created      TEXT NOT NULL,"
    "  updated      TEXT NOT NULL,"
    "  objective_id INTEGER NOT NULL REFERENCES objectives (id),"
    "  date         TEXT NOT NULL,"
    "  value        TEXT NOT NULL,"
    "  note         TEXT"
    ");"
    "CREATE INDEX objective_measurements_objective ON objective_measurements (objective_id);"
    "CREATE TABLE reviews ("
    "  id                      INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  reference               TEXT NOT NULL UNIQUE,"
    "  created                 TEXT NOT NULL,"
    "  updated                 TEXT NOT NULL,"
    "  title                   TEXT,"
    "  planned_date            TEXT,"
    "  actual_date             TEXT,"
    "  chair                   TEXT,"
    "  status                  TEXT NOT NULL DEFAULT 'planned'"
    "                          CHECK (status IN ('planned', 'prepared', 'held', 'signed-off')),"
    "  inputs                  TEXT,"
    "  feedback                TEXT,"
    "  opportunities           TEXT,"
    "  suitable                TEXT NOT NULL DEFAULT 'undecided'"
    "                          CHECK (suitable IN ('undecided', 'yes', 'partly', 'no')),"
    "  adequate                TEXT NOT NULL DEFAULT 'undecided'"
    "                          CHECK (adequate IN ('undecided', 'yes', 'partly', 'no')),"
    "  effective               TEXT NOT NULL DEFAULT 'undecided'"
    "                          CHECK (effective IN ('undecided', 'yes', 'partly', 'no')),"
    "  conclusion              TEXT,"
    "  decisions_improvement   TEXT,"
    "  changes_scope           TEXT,"
    "  changes_policy          TEXT,"
    "  changes_objectives      TEXT,"
    "  changes_resources       TEXT,"
    "  changes_risk_acceptance TEXT,"
    "  signed_off_by           TEXT,"
    "  signed_off_on           TEXT,"
    "  reopen_reason           TEXT"
    ");"
    "CREATE TABLE review_attendees ("
    "  id         INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  reference  TEXT NOT NULL UNIQUE,"
    "  created    TEXT NOT NULL,"
    "  updated    TEXT NOT NULL,"
    "  review_id  INTEGER NOT NULL REFERENCES reviews (id),"
    "  name       TEXT NOT NULL,"
    "  role       TEXT,"
    "  attendance TEXT NOT NULL DEFAULT 'present'"
    "             CHECK (attendance IN ('present', 'apologies', 'absent'))"
    ");"
    "CREATE INDEX review_attendees_review ON review_attendees (review_id);",
    NULL
  },
  /* 7: documents and people (5.2, 5.3, 7.2–7.5): documented information with its versions as
   * children, people with their evidence of competence as children, ISMS roles, awareness
   * activities and the communication plan. Who holds a role, who attended an activity and what
   * a document serves are links. */
  {
    "CREATE TABLE documents ("
    "  id              INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  reference       TEXT NOT NULL UNIQUE,"
    "  created         TEXT NOT NULL,"
    "  updated         TEXT NOT NULL,"
    "  title           TEXT NOT NULL,"
    "  type            TEXT NOT NULL DEFAULT 'procedure'"
    "                  CHECK (type IN ('policy', 'procedure', 'standard', 'plan', 'record',"
    "                                  'template', 'other')),"
    "  security_policy INTEGER NOT NULL DEFAULT 0 CHECK (security_policy IN (0, 1)),"
    "  status          TEXT NOT NULL DEFAULT 'draft'"
    "                  CHECK (status IN ('draft', 'in-review', 'approved', 'withdrawn')),"
    "  current_version TEXT,"
    "  owner           TEXT,"
    "  approver        TEXT,"
    "  classification  TEXT,"
    "  location        TEXT,"
    "  review_interval INTEGER NOT NULL DEFAULT 12 CHECK (review_interval >= 0),"
    "  next_review     TEXT,"
    "  description     TEXT"
    ");"
    "CREATE TABLE document_versions ("
    "  id          INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  reference   TEXT NOT NULL UNIQUE,"
    "  created     TEXT NOT NULL,"
    "  updated     TEXT NOT NULL,"
    "  document_id INTEGER NOT NULL REFERENCES documents (id),"
    "  version     TEXT NOT NULL,"
    "  date        TEXT,"
    "  summary     TEXT,"
    "  status      TEXT NOT NULL DEFAULT 'draft'"
    "              CHECK (status IN ('draft', 'approved', 'superseded')),"
    "  approved_by TEXT,"
    "  approved_on TEXT"
    ");"
    "CREATE INDEX document_versions_document ON document_versions (document_id);"
    "CREATE TABLE people ("
    "  id         INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  reference  TEXT NOT NULL UNIQUE,"
    "  created    TEXT NOT NULL,"
    "  updated    TEXT NOT NULL,"
    "  name       TEXT NOT NULL,"
    "  job_title  TEXT,"
    "  unit       TEXT,"
    "  contact    TEXT,"
    "  notes      TEXT"
    ");"
    "CREATE TABLE roles ("
    "  id               INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  reference        TEXT NOT NULL UNIQUE,"
    "  created          TEXT NOT NULL,"
    "  updated          TEXT NOT NULL,"
    "  name             TEXT NOT NULL,"
    "  kind             TEXT NOT NULL DEFAULT 'custom'"
    "                   CHECK (kind IN ('isms-manager', 'risk-owner', 'control-owner',"
    "                                   'internal-auditor', 'top-management', 'custom')),"
    "  responsibilities TEXT,"
    "  authorities      TEXT,"
    "  competence       TEXT,"
    "  notes            TEXT"
    ");"
    "CREATE TABLE trainings ("
    "  id          INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  reference   TEXT NOT NULL UNIQUE,"
    "  created     TEXT NOT NULL,"
    "  updated     TEXT NOT NULL,"
    "  person_id   INTEGER NOT NULL REFERENCES people (id),"
    "  kind        TEXT NOT NULL DEFAULT 'training'"
    "              CHECK (kind IN ('training', 'qualification', 'experience')),"
    "  title       TEXT NOT NULL,"
    "  areas       TEXT,"
    "  date        TEXT,"
    "  valid_until TEXT,"
    "  provider    TEXT,"
    "  evidence    TEXT,"
    "  notes       TEXT"
    ");"
    "CREATE INDEX trainings_person ON trainings (person_id);"
    "CREATE TABLE awareness_activities ("
    "  id              INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  reference       TEXT NOT NULL UNIQUE,"
    "  created         TEXT NOT NULL,"
    "  updated         TEXT NOT NULL,"
    "  title           TEXT NOT NULL,"
    "  date            TEXT,"
    "  audience        TEXT,"
    "  topics          TEXT,"
    "  attendance      INTEGER NOT NULL DEFAULT 0 CHECK (attendance >= 0),"
    "  other_attendees TEXT,"
    "  notes           TEXT"
    ");"
    "CREATE TABLE communications ("
    "  id           INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  reference    TEXT NOT NULL UNIQUE,"
    "  created      TEXT NOT NULL,"
    "  updated      TEXT NOT NULL,"
    "  subject      TEXT NOT NULL,"
    "  direction    TEXT NOT NULL DEFAULT 'internal'"
    "               CHECK (direction IN ('internal', 'external')),"
    "  frequency    TEXT,"
    "  audience     TEXT,"
    "  communicator TEXT,"
    "  method       TEXT,"
    "  last_done    TEXT,"
    "  next_due     TEXT,"
    "  notes        TEXT"
    ");",
    NULL
  },
  /* 8: control catalogues imported from OSCAL beside Annex A. An imported control is a row of
   * "controls" like any other (catalogue 'custom', so the CHECK of migration 2 stays as it is)
   * whose catalogue_id names its catalogue; 0 for Annex A and organization-specific controls.
   * No foreign key: the register writes 0 for "none", and catalogues are never deleted while
   * controls point at them (the model refuses it). A re-import finds its catalogue by source
   * (the OSCAL document's uuid) or title. */
  {
    "CREATE TABLE catalogues ("
    "  id        INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  reference TEXT NOT NULL UNIQUE,"
    "  created   TEXT NOT NULL,"
    "  updated   TEXT NOT NULL,"
    "  title     TEXT NOT NULL,"
    "  version   TEXT,"
    "  source    TEXT,"
    "  format    TEXT NOT NULL DEFAULT 'oscal' CHECK (format IN ('oscal')),"
    "  imported  TEXT"
    ");"
    "ALTER TABLE controls ADD COLUMN catalogue_id INTEGER NOT NULL DEFAULT 0;"
    "CREATE INDEX controls_catalogue_id ON controls (catalogue_id);",
    NULL
  },
};

/* Tests only: steps appended after the built-in ones. */
static char **extra_migrations = NULL;

/* The register tables, in display order. Grows with the migrations that add registers. */
static const char * const register_tables[] = {
  "actions",
  "controls",
  "requirements",
  "issues",
  "parties",
  "party_requirements",
  "scope_versions",
  "scope_exclusions",
  "assets",
  "risks",
  "audits",
  "audit_items",
  "findings",
  "nonconformities",
  "incidents",
  /* objectives and reviews (migration 6) */
  "objectives",
  "objective_measurements",
  "reviews",
  "review_attendees",
  /* documents and people (migration 7) */
  "documents",
  "document_versions",
  "people",
  "roles",
  "trainings",
  "awareness_activities",
  "communications",
  /* imported control catalogues (migration 8) */
  "catalogues",
  NULL
};

/* Keys of the workspace table that only the change history writes. */
static const char * const reserved_settings[] = {
  "history-head",
  "history-count",
  NULL
};

/* Auxiliary functions */

static void
set_error_from_errno (GError     **error,
                      int          errsv,
                      const char  *context)
{
  g_set_error (error, ANNEX_STORE_ERROR, annex_store_error_from_errno (errsv),
               /* Translators: the first %s is what failed, the second the system's reason */
               _("%s: %s"), context, g_strerror (errsv));
}

static void
set_error_from_io_error (GError     **error,
                         GError      *io_error,
                         const char  *context)
{
  g_set_error (error, ANNEX_STORE_ERROR, annex_store_error_from_io_error (io_error), _("%s: %s"),
               context, io_error->message);
}

/* The SQL of migration @version, and in *out_populate its function (NULL for none). */
static const char *
get_migration (int            version,
               MigrationFunc *out_populate)
{
  int n_builtin = G_N_ELEMENTS (builtin_migrations);

  g_assert (version >= 1 && version <= annex_database_get_latest_version ());

  if (version <= n_builtin)
    {
      *out_populate = builtin_migrations[version - 1].populate;
      return builtin_migrations[version - 1].sql;
    }

  *out_populate = NULL;
  return extra_migrations[version - n_builtin - 1];
}

static gboolean
is_reserved_setting (const char *key)
{
  return g_strv_contains (reserved_settings, key);
}

/* "file:" URI for @path with immutable=1. SQLite decodes %HH escapes in the path part, and ends
 * the path at '?' or '#', so those three characters must be escaped. An absolute path gets an
 * empty authority ("file:///…") so that a path starting with "//" is not read as a host. */
static char *
build_immutable_uri (const char *path)
{
  GString *uri = g_string_new (g_path_is_absolute (path) ? "file://" : "file:");

  for (const char *p = path; *p != '\0'; p++)
    {
      if (*p == '?' || *p == '#' || *p == '%')
        g_string_append_printf (uri, "%%%02X", (guint) (guchar) *p);
      else
        g_string_append_c (uri, *p);
    }
  g_string_append (uri, "?immutable=1");

  return g_string_free (uri, FALSE);
}

/* Size of @path, or -1 when it does not exist. */
static gint64
get_file_size (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return -1;
  return st.st_size;
}

static gboolean
has_nonempty_wal (const char *path)
{
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);

  return get_file_size (wal_path) > 0;
}

static gboolean
exists_with_suffix (const char *path,
                    const char *suffix)
{
  g_autofree char *companion = g_strconcat (path, suffix, NULL);

  return g_file_test (companion, G_FILE_TEST_EXISTS);
}

static gboolean
is_directory_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return g_access (dir, W_OK) == 0;
}

/* Prepares @sql on a raw connection (no statement cache) and steps it once. Returns SQLITE_ROW
 * with *out_stmt on the first row, SQLITE_DONE (no row) or the SQLite error; the caller
 * finalizes *out_stmt in every case. */
static int
step_first_row (sqlite3       *db,
                const char    *sql,
                sqlite3_stmt **out_stmt)
{
  int rc;

  *out_stmt = NULL;
  rc = sqlite3_prepare_v2 (db, sql, -1, out_stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;

  return sqlite3_step (*out_stmt);
}

/* Runs a one-row query on a raw connection and returns its first column as an integer (0 for
 * no row). On failure returns the SQLite result code in *out_rc. */
static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           gint64      *out_value,
           int         *out_rc)
{
  sqlite3_stmt *stmt;
  int rc = step_first_row (db, sql, &stmt);

  *out_value = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_finalize (stmt);

  *out_rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
  return *out_rc == SQLITE_OK;
}

/* The same for a text result (a newly allocated string, or NULL for no row or a NULL). */
static gboolean
query_text (sqlite3     *db,
            const char  *sql,
            char       **out_value,
            int         *out_rc)
{
  sqlite3_stmt *stmt;
  int rc = step_first_row (db, sql, &stmt);

  *out_value = rc == SQLITE_ROW ? g_strdup ((const char *) sqlite3_column_text (stmt, 0)) : NULL;
  sqlite3_finalize (stmt);

  *out_rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
  return *out_rc == SQLITE_OK;
}

/* An SQLite failure while checking the file named @name, reported by what it means for it. */
static void
set_validation_error (GError     **error,
                      sqlite3     *db,
                      int          rc,
                      const char  *name)
{
  g_autofree char *context = NULL;

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_NOT_SQLITE,
                   _("“%s” is not an Annex workspace: it is not an SQLite database"), name);
      return;

    case SQLITE_CORRUPT:
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged or incomplete (%s)"), name,
                   db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      return;

    default:
      context = g_strdup_printf (_("“%s” could not be read"), name);
      annex_store_set_error_from_sqlite (error, db, rc, context);
      return;
    }
}

/* Reads the first bytes of @path and checks that it can be an SQLite database. */
static gboolean
check_header (const char  *path,
              const char  *name,
              gint64       size,
              GError     **error)
{
  guint8 header[SQLITE_HEADER_SIZE];
  gsize n_read = 0;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int errsv = errno;
      g_autofree char *context = g_strdup_printf (_("“%s” could not be read"), name);

      set_error_from_errno (error, errsv, context);
      return FALSE;
    }

  while (n_read < sizeof header)
    {
      gssize n = read (fd, header + n_read, sizeof header - n_read);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int errsv = errno;
          g_autofree char *context = g_strdup_printf (_("“%s” could not be read"), name);

          close (fd);
          set_error_from_errno (error, errsv, context);
          return FALSE;
        }
      if (n == 0)
        break;
      n_read += n;
    }
  close (fd);

  if (size == 0 || n_read == 0)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_NOT_SQLITE,
                   _("“%s” is not an Annex workspace: the file is empty"), name);
      return FALSE;
    }

  if (n_read < sizeof SQLITE_MAGIC || memcmp (header, SQLITE_MAGIC, sizeof SQLITE_MAGIC) != 0)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_NOT_SQLITE,
                   _("“%s” is not an Annex workspace: it is not an SQLite database"), name);
      return FALSE;
    }

  /* It starts like an SQLite file but does not even hold the whole header: cut off. */
  if (n_read < sizeof header)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged or incomplete (the file ends inside its header)"), name);
      return FALSE;
    }

  return TRUE;
}

/* Object */

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
annex_database_finalize (GObject *object)
{
  AnnexDatabase *self = ANNEX_DATABASE (object);

  annex_database_close (self);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->changed_tables, g_array_unref);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (annex_database_parent_class)->finalize (object);
}

static void
annex_database_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AnnexDatabase *self = ANNEX_DATABASE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    case PROP_SCHEMA_VERSION:
      g_value_set_int (value, self->schema_version);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_database_class_init (AnnexDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = annex_database_finalize;
  object_class->get_property = annex_database_get_property;

  /**
   * AnnexDatabase:path:
   *
   * The workspace file.
   */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AnnexDatabase:read-only:
   *
   * Whether the connection was opened for reading only.
   */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AnnexDatabase:schema-version:
   *
   * The workspace format (PRAGMA user_version) of the open file.
   */
  properties[PROP_SCHEMA_VERSION] =
    g_param_spec_int ("schema-version", NULL, NULL,
                      0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AnnexDatabase::changed:
   * @self: the database
   * @table: the table that changed
   *
   * Emitted after a transaction that wrote to @table committed, once per table; the detail is
   * the table name ("changed::actions").
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
annex_database_init (AnnexDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->changed_tables = g_array_new (FALSE, FALSE, sizeof (GQuark));
}

/* Connection setup */

static gboolean
check_open (AnnexDatabase  *self,
            GError        **error)
{
  if (self->handle != NULL)
    return TRUE;

  g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_FAILED,
                       _("The workspace is closed"));
  return FALSE;
}

static gboolean
check_writable_connection (AnnexDatabase  *self,
                           GError        **error)
{
  if (!check_open (self, error))
    return FALSE;

  if (!self->read_only)
    return TRUE;

  g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_READ_ONLY,
                       _("The workspace is open for reading only"));
  return FALSE;
}

/* The per-connection settings (not stored in the file): nothing here writes to the file. */
static gboolean
configure_connection (AnnexDatabase  *self,
                      GError        **error)
{
  sqlite3 *db = self->handle;

  sqlite3_extended_result_codes (db, 1);
  /* First, so that the pragmas below wait for a lock rather than fail (same as the pragma). */
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);

  if (self->read_only && !annex_database_exec (self, "PRAGMA query_only = ON", error))
    return FALSE;

  return annex_database_exec (self,
                              "PRAGMA foreign_keys = ON;"
                              "PRAGMA synchronous = FULL;"
                              "PRAGMA busy_timeout = " G_STRINGIFY (BUSY_TIMEOUT_MS) ";"
                              "PRAGMA trusted_schema = OFF;",
                              error);
}

static gboolean
set_journal_mode (AnnexDatabase  *self,
                  const char     *mode,
                  GError        **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = %s", mode);
  g_autofree char *result = NULL;
  int rc;

  if (!query_text (self->handle, sql, &result, &rc))
    {
      annex_store_set_error_from_sqlite (error, self->handle, rc,
                                         _("Could not set up the workspace’s journal"));
      return FALSE;
    }

  if (g_ascii_strcasecmp (result != NULL ? result : "", mode) != 0)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_FAILED,
                   _("Could not set up the workspace’s journal: the file system does not "
                     "support it (journal mode “%s”)"),
                   result != NULL ? result : "");
      return FALSE;
    }

  return TRUE;
}

static AnnexDatabase *
database_new (const char *path,
              sqlite3    *handle,
              gboolean    read_only)
{
  AnnexDatabase *self = g_object_new (ANNEX_TYPE_DATABASE, NULL);

  self->path = g_strdup (path);
  self->handle = handle;
  self->read_only = !!read_only;

  return self;
}

/* Migration 2: the 93 Annex A controls, in catalogue order, and one row per requirement clause
 * of the checklist. Titles are stored untranslated (the data must not depend on the language of
 * whoever created the workspace); the model shows Annex A titles translated.
 *
 * The seeded rows are not recorded one by one in the change history. When an existing workspace
 * is updated, one entry records the seeding (table "controls", record 0, an insert whose "after"
 * names the catalogue and the counts), so that its history explains where the rows came from.
 * A new workspace gets no such entry: the catalogue is part of what a new workspace is, like its
 * schema, and its history starts with its creation (the "organization" and "created"
 * settings). */
static gboolean
seed_catalogue (AnnexDatabase  *self,
                gboolean        new_workspace,
                GError        **error)
{
  static const char * const json_keys[] = { "seeded", "controls", "requirements" };
  const AnnexCatalogueControl *controls;
  const AnnexCatalogueClause *clauses;
  g_autofree char *now = _annex_database_dup_now ();
  g_autofree char *n_controls_text = NULL;
  g_autofree char *n_requirements_text = NULL;
  g_autofree char *after = NULL;
  guint n_controls = 0;
  guint n_clauses = 0;
  guint n_requirements = 0;
  sqlite3_stmt *stmt;

  controls = annex_catalogue_get_controls (&n_controls);
  stmt = annex_database_prepare (self,
                                 "INSERT INTO controls (reference, created, updated, catalogue, "
                                 "theme, title) VALUES (?1, ?2, ?2, 'annex-a', ?3, ?4)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_controls; i++)
    {
      sqlite3_bind_text (stmt, 1, controls[i].id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, annex_catalogue_theme_nick (controls[i].theme), -1,
                         SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, controls[i].title, -1, SQLITE_STATIC);
      if (!annex_database_step_done (self, stmt, error))
        return FALSE;
    }
  sqlite3_clear_bindings (stmt);

  clauses = annex_catalogue_get_clauses (&n_clauses);
  stmt = annex_database_prepare (self,
                                 "INSERT INTO requirements (reference, created, updated, title) "
                                 "VALUES (?1, ?2, ?2, ?3)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_clauses; i++)
    {
      if (!clauses[i].requirement)
        continue;

      sqlite3_bind_text (stmt, 1, clauses[i].id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, clauses[i].title, -1, SQLITE_STATIC);
      if (!annex_database_step_done (self, stmt, error))
        return FALSE;
      n_requirements++;
    }
  sqlite3_clear_bindings (stmt);

  annex_database_mark_changed (self, "controls");
  annex_database_mark_changed (self, "requirements");

  if (new_workspace)
    return TRUE;

  n_controls_text = g_strdup_printf ("%u", n_controls);
  n_requirements_text = g_strdup_printf ("%u", n_requirements);
  {
    const char * const values[] = { "annex-a-2022", n_controls_text, n_requirements_text };

    after = annex_change_log_json_object (json_keys, values, G_N_ELEMENTS (json_keys));
  }

  return annex_change_log_append (self, "controls", 0, ANNEX_CHANGE_INSERT, NULL, after, error);
}

/* Runs migrations @from + 1 … @to. Must be called inside a transaction. */
static gboolean
migrate (AnnexDatabase  *self,
         int             from,
         int             to,
         GError        **error)
{
  g_autofree char *set_version = NULL;

  g_assert (self->depth > 0);

  for (int version = from + 1; version <= to; version++)
    {
      MigrationFunc populate = NULL;
      const char *sql = get_migration (version, &populate);

      if (!annex_database_exec (self, sql, error) ||
          (populate != NULL && !populate (self, from == 0, error)))
        {
          g_prefix_error (error, _("Update to workspace format %d failed: "), version);
          return FALSE;
        }

      if (version == 1)
        {
          g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d",
                                                     (int) ANNEX_DATABASE_APPLICATION_ID);

          if (!annex_database_exec (self, set_id, error))
            return FALSE;
        }
    }

  set_version = g_strdup_printf ("PRAGMA user_version = %d", to);
  return annex_database_exec (self, set_version, error);
}

/* Makes @path's data durable. */
static gboolean
sync_file (const char  *path,
           GError     **error)
{
  int fd = g_open (path, O_RDWR | O_CLOEXEC, 0);
  int errsv;

  if (fd < 0)
    goto failed;
  if (fsync (fd) != 0)
    {
      errsv = errno;
      close (fd);
      errno = errsv;
      goto failed;
    }
  close (fd);
  return TRUE;

failed:
  errsv = errno;
  {
    g_autofree char *name = g_filename_display_basename (path);
    g_autofree char *context = g_strdup_printf (_("Could not write “%s”"), name);

    set_error_from_errno (error, errsv, context);
  }
  return FALSE;
}

static void
sync_directory_of (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_CLOEXEC, 0);

  /* Best effort: makes a rename durable; not every file system allows it. */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

static void
unlink_with_companions (const char *path)
{
  static const char * const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);

      g_unlink (p);
    }
}

/* Copies a workspace aside before its migration; the caller holds the write lock. */
static gboolean
copy_aside (const char  *path,
            const char  *backup_path,
            GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (path);
  g_autoptr(GFile) dest = g_file_new_for_path (backup_path);
  g_autoptr(GError) local_error = NULL;

  if (!g_file_copy (source, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &local_error))
    {
      g_autofree char *name = g_filename_display_basename (backup_path);
      g_autofree char *context = g_strdup_printf (_("Could not keep a copy in “%s”"), name);

      set_error_from_io_error (error, local_error, context);
      return FALSE;
    }

  return sync_file (backup_path, error);
}

/* Brings an open workspace at an older version to the latest: copies the file aside to
 * "<path>.before-v<N>.bak", then runs the missing migrations in one transaction. On failure the
 * file is as before (the transaction rolls back) and the copy is removed. */
static gboolean
upgrade (AnnexDatabase  *self,
         GError        **error)
{
  g_autofree char *name = g_filename_display_basename (self->path);
  g_autofree char *backup_path = NULL;
  g_autoptr(GError) local_error = NULL;
  int latest = annex_database_get_latest_version ();
  gint64 busy = 0;
  gint64 version = 0;
  int rc;

  /* Everything committed is in the main file once the WAL (if any) is checkpointed … */
  if (!query_int (self->handle, "PRAGMA wal_checkpoint(TRUNCATE)", &busy, &rc) || busy != 0)
    {
      g_autofree char *context = g_strdup_printf (_("Could not update “%s”"), name);

      annex_store_set_error_from_sqlite (error, self->handle,
                                         rc != SQLITE_OK ? rc : SQLITE_BUSY, context);
      return FALSE;
    }

  /* … and stays so while we hold the write lock. */
  if (!annex_database_begin (self, &local_error))
    goto failed;

  if (!query_int (self->handle, "PRAGMA user_version", &version, &rc))
    {
      annex_store_set_error_from_sqlite (&local_error, self->handle, rc,
                                         _("Could not read the workspace format"));
      goto failed;
    }
  if (version >= latest)
    {
      /* Another program updated it meanwhile. */
      self->schema_version = (int) version;
      return annex_database_commit (self, error);
    }
  if (has_nonempty_wal (self->path))
    {
      g_set_error_literal (&local_error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_BUSY,
                           _("Another program is writing to the workspace"));
      goto failed;
    }

  backup_path = g_strdup_printf ("%s.before-v%d.bak", self->path, (int) version);
  if (!copy_aside (self->path, backup_path, &local_error))
    {
      g_clear_pointer (&backup_path, g_free);
      goto failed;
    }

  if (!migrate (self, (int) version, latest, &local_error))
    goto failed;

  if (!annex_database_commit (self, &local_error))
    goto failed;

  g_debug ("Updated %s from workspace format %d to %d (copy kept in %s)",
           self->path, (int) version, latest, backup_path);
  self->schema_version = latest;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEMA_VERSION]);
  return TRUE;

failed:
  while (self->depth > 0)
    annex_database_rollback (self);
  if (backup_path != NULL)
    g_unlink (backup_path);
  g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                              _("Could not update “%s” to the current workspace format: "),
                              name);
  return FALSE;
}

/* Refuses, before anything is opened, a workspace that cannot be written. */
static gboolean
check_file_writable (const char  *path,
                     GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);

  if (g_access (path, W_OK) != 0)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_READ_ONLY,
                   _("“%s” cannot be written: the file is read-only. Open it read-only, or "
                     "make a copy in a folder you can write to."), name);
      return FALSE;
    }

  /* The write-ahead log and its index are files beside the workspace. */
  if (!is_directory_writable (path))
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_READ_ONLY,
                   _("“%s” cannot be written: its folder is read-only. Open it read-only, or "
                     "make a copy in a folder you can write to."), name);
      return FALSE;
    }

  return TRUE;
}

static sqlite3 *
open_handle (const char  *path,
             gboolean     read_only,
             GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *context = g_strdup_printf (_("Could not open “%s”"), name);

      if ((rc & 0xff) == SQLITE_CANTOPEN && !read_only &&
          (g_access (path, W_OK) != 0 || !is_directory_writable (path)))
        g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_READ_ONLY,
                     _("“%s” cannot be written"), name);
      else
        annex_store_set_error_from_sqlite (error, db, rc, context);
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

/* Creates a workspace at @path at @version. Everything happens in a temporary file beside it,
 * renamed into place at the end, so a failure leaves nothing behind. */
static gboolean
create_file (const char  *path,
             const char  *organization,
             int          version,
             GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *tmp_path = g_strconcat (path, ".tmp-XXXXXX", NULL);
  g_autoptr(AnnexDatabase) self = NULL;
  g_autofree char *created = NULL;
  g_autofree char *stripped = NULL;
  GStatBuf st;
  sqlite3 *handle;
  int fd;

  stripped = g_strstrip (g_strdup (organization));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("The organization’s name is empty"));
      return FALSE;
    }

  if (g_lstat (path, &st) == 0)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_EXISTS,
                   _("Could not create “%s”: a file of that name exists already"), name);
      return FALSE;
    }

  fd = g_mkstemp (tmp_path);
  if (fd < 0)
    {
      int errsv = errno;
      g_autofree char *context = g_strdup_printf (_("Could not create “%s”"), name);

      set_error_from_errno (error, errsv, context);
      return FALSE;
    }
  close (fd);

  handle = open_handle (tmp_path, FALSE, error);
  if (handle == NULL)
    goto failed;

  self = database_new (tmp_path, handle, FALSE);
  if (!configure_connection (self, error))
    goto failed;

  created = _annex_database_dup_now ();
  if (!annex_database_begin (self, error))
    goto failed;
  if (!migrate (self, 0, version, error) ||
      !annex_database_set_setting (self, "organization", stripped, error) ||
      !annex_database_set_setting (self, "created", created, error))
    {
      annex_database_rollback (self);
      goto failed;
    }
  /* The changes are committed to the main file directly (rollback journal, synchronous=FULL):
   * after close there is nothing but the file itself. */
  if (!annex_database_commit (self, error))
    goto failed;
  annex_database_close (self);

  /* A log left behind by a deleted file of the same name (a "-wal" or "-journal" whose
   * database is gone) would be replayed into the new workspace on its first open. */
  {
    static const char * const suffixes[] = { "-journal", "-wal", "-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *companion = g_strconcat (path, suffixes[i], NULL);

        g_unlink (companion);
      }
  }

  /* Publish without replacing: link() fails if @path appeared meanwhile. */
  if (link (tmp_path, path) == 0)
    {
      g_unlink (tmp_path);
    }
  else
    {
      int errsv = errno;

      if (errsv == EEXIST || g_lstat (path, &st) == 0)
        {
          g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_EXISTS,
                       _("Could not create “%s”: a file of that name exists already"), name);
          goto failed;
        }
      /* A file system without hard links. */
      if (g_rename (tmp_path, path) != 0)
        {
          g_autofree char *context = NULL;

          errsv = errno;  /* before anything that may change errno */
          context = g_strdup_printf (_("Could not create “%s”"), name);
          set_error_from_errno (error, errsv, context);
          goto failed;
        }
    }
  sync_directory_of (path);

  return TRUE;

failed:
  if (self != NULL)
    annex_database_close (self);
  else if (handle != NULL)
    sqlite3_close (handle);
  unlink_with_companions (tmp_path);
  return FALSE;
}

/* Public API */

/**
 * annex_database_get_latest_version:
 *
 * Returns: the schema version this build writes (the number of migrations)
 */
int
annex_database_get_latest_version (void)
{
  int n = G_N_ELEMENTS (builtin_migrations);

  if (extra_migrations != NULL)
    n += g_strv_length (extra_migrations);
  return n;
}

/**
 * annex_database_validate_file:
 * @path: a file
 * @out_version: (out) (optional): its schema version
 * @error: return location for a #GError
 *
 * Checks @path without writing anything to it or beside it. The file is opened with
 * SQLite's immutable=1 (no locks, no -wal/-shm files), except when a "<path>-wal" lies beside
 * it: the newest committed data may then be in the log, which immutable would ignore, and a
 * writer may be at work, so the file is opened normally for reading (that writes nothing to the
 * workspace itself; at most SQLite creates the -shm index if it is missing).
 *
 * Returns: %TRUE when @path is an Annex workspace this build can open
 */
static gboolean validate_file (const char  *path,
                               gboolean     integrity_check,
                               int         *out_version,
                               GError     **error);

gboolean
annex_database_validate_file (const char  *path,
                              int         *out_version,
                              GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return validate_file (path, TRUE, out_version, error);
}

static gboolean
validate_file (const char  *path,
               gboolean     integrity_check,
               int         *out_version,
               GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *check = NULL;
  gboolean use_wal;
  sqlite3 *db = NULL;
  gint64 app_id = 0;
  gint64 version = 0;
  gint64 page_count = 0;
  gint64 page_size = 0;
  gboolean ret = FALSE;
  GStatBuf st;
  int latest = annex_database_get_latest_version ();
  int rc;

  name = g_filename_display_basename (path);

  if (g_stat (path, &st) != 0)
    {
      int errsv = errno;

      if (errsv == ENOENT || errsv == ENOTDIR)
        g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_NOT_FOUND,
                     _("The workspace “%s” does not exist"), name);
      else
        {
          g_autofree char *context = g_strdup_printf (_("“%s” could not be read"), name);

          set_error_from_errno (error, errsv, context);
          /* Unreadable is not the same as unwritable. */
          if (error != NULL && (*error)->code == ANNEX_STORE_ERROR_READ_ONLY)
            (*error)->code = ANNEX_STORE_ERROR_FAILED;
        }
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_NOT_SQLITE,
                   _("“%s” is not an Annex workspace: it is not a file"), name);
      return FALSE;
    }

  if (!check_header (path, name, st.st_size, error))
    {
      if (error != NULL && (*error)->code == ANNEX_STORE_ERROR_READ_ONLY)
        (*error)->code = ANNEX_STORE_ERROR_FAILED;
      return FALSE;
    }

  /* Any -wal file, even an empty one, means a writer may have the workspace open right now: its
   * next checkpoint would change the main file under an immutable reader's feet. */
  use_wal = exists_with_suffix (path, "-wal");
  if (use_wal)
    {
      rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
    }
  else
    {
      uri = build_immutable_uri (path);
      rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
    }
  if (rc != SQLITE_OK)
    {
      set_validation_error (error, db, rc, name);
      goto out;
    }

  sqlite3_extended_result_codes (db, 1);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);

  if (!query_int (db, "PRAGMA application_id", &app_id, &rc))
    {
      set_validation_error (error, db, rc, name);
      goto out;
    }
  if (app_id != ANNEX_DATABASE_APPLICATION_ID)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_NOT_WORKSPACE,
                   _("“%s” is an SQLite database but not an Annex workspace"), name);
      goto out;
    }

  if (!query_int (db, "PRAGMA user_version", &version, &rc))
    {
      set_validation_error (error, db, rc, name);
      goto out;
    }
  if (version <= 0)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_NOT_WORKSPACE,
                   _("“%s” is not an Annex workspace: it was never completed (workspace "
                     "format 0)"), name);
      goto out;
    }
  if (version > latest)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Annex (workspace format %d; this "
                     "version reads up to %d). Update Annex to open it."),
                   name, (int) MIN (version, G_MAXINT), latest);
      goto out;
    }

  /* Annex never creates triggers, views or virtual tables: in a file changed by someone else
   * they would run on our writes or reads. Such a file is only imported as a clean copy
   * (annex_database_import_file()). */
  {
    sqlite3_stmt *stmt = NULL;

    rc = step_first_row (db,
                         "SELECT type, name FROM sqlite_schema WHERE type IN ('trigger', 'view') "
                         "OR sql LIKE 'CREATE VIRTUAL TABLE%' LIMIT 1",
                         &stmt);
    if (rc == SQLITE_ROW)
      {
        const char *type = (const char *) sqlite3_column_text (stmt, 0);

        g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_UNTRUSTED,
                     g_strcmp0 (type, "trigger") == 0
                     ? _("“%s” contains a trigger (“%s”), which Annex workspaces never have: it "
                         "was changed by another program. Import a clean copy of it instead.")
                     : g_strcmp0 (type, "view") == 0
                     ? _("“%s” contains a view (“%s”), which Annex workspaces never have: it "
                         "was changed by another program. Import a clean copy of it instead.")
                     : _("“%s” contains a virtual table (“%s”), which Annex workspaces never "
                         "have: it was changed by another program. Import a clean copy of it "
                         "instead."),
                     name, (const char *) sqlite3_column_text (stmt, 1));
        sqlite3_finalize (stmt);
        goto out;
      }
    sqlite3_finalize (stmt);
    if (rc != SQLITE_DONE)
      {
        set_validation_error (error, db, rc, name);
        goto out;
      }
  }

  /* A file cut short (an interrupted copy) is shorter than its pages. Only meaningful without a
   * WAL: with one, the log may hold pages beyond the end of the file. */
  if (!use_wal)
    {
      if (!query_int (db, "PRAGMA page_count", &page_count, &rc) ||
          !query_int (db, "PRAGMA page_size", &page_size, &rc))
        {
          set_validation_error (error, db, rc, name);
          goto out;
        }
      if (page_count * page_size > st.st_size)
        {
          g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_CORRUPT,
                       _("“%s” is damaged or incomplete (the file is shorter than its "
                         "content)"), name);
          goto out;
        }
    }

  /* The integrity check reads every page: skipped for a second connection to a workspace that
   * this process opened (and checked) already. */
  if (integrity_check && !query_text (db, "PRAGMA quick_check(1)", &check, &rc))
    {
      set_validation_error (error, db, rc, name);
      goto out;
    }
  if (integrity_check && g_strcmp0 (check, "ok") != 0)
    {
      g_autoptr(GString) detail = g_string_new (check);

      /* SQLite's report spans lines and names its internal schema: one line, the finding. */
      g_string_replace (detail, "*** in database main ***", "", 0);
      g_string_replace (detail, "\n", " ", 0);
      g_strstrip (detail->str);
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged or incomplete (integrity check: %s)"), name,
                   *detail->str != '\0' ? detail->str : _("failed"));
      goto out;
    }

  if (out_version != NULL)
    *out_version = (int) version;
  ret = TRUE;

out:
  sqlite3_close (db);
  return ret;
}

/**
 * annex_database_create:
 * @path: where to create the workspace; must not exist
 * @organization: the organization's name (not empty)
 * @error: return location for a #GError
 *
 * Creates a new workspace at the latest schema version and opens it. Nothing is left at @path
 * when this fails.
 *
 * Returns: (transfer full): the open workspace, or %NULL
 */
AnnexDatabase *
annex_database_create (const char  *path,
                       const char  *organization,
                       GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (organization != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!create_file (path, organization, annex_database_get_latest_version (), error))
    return NULL;

  return annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, error);
}

/**
 * annex_database_open:
 * @path: a workspace file
 * @flags: how to open it
 * @error: return location for a #GError
 *
 * Opens an existing workspace; see the header for what happens.
 *
 * With %ANNEX_DATABASE_OPEN_READ_ONLY nothing is written through the connection
 * (PRAGMA query_only, or an SQLite read-only connection when the file is not writable). When no
 * "-wal" file exists (nobody has the workspace open for writing) and the file or its folder is
 * not writable, the file is opened immutable, so that no -wal/-shm files are left beside it.
 *
 * Returns: (transfer full): the open workspace, or %NULL
 */
AnnexDatabase *
annex_database_open (const char              *path,
                     AnnexDatabaseOpenFlags   flags,
                     GError                 **error)
{
  g_autoptr(AnnexDatabase) self = NULL;
  g_autofree char *name = NULL;
  gboolean read_only = (flags & ANNEX_DATABASE_OPEN_READ_ONLY) != 0;
  gboolean integrity_check;
  int latest = annex_database_get_latest_version ();
  int version = 0;
  gint64 current = 0;
  sqlite3 *handle = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  integrity_check = (flags & ANNEX_DATABASE_OPEN_NO_INTEGRITY_CHECK) == 0;
  if (!validate_file (path, integrity_check, &version, error))
    return NULL;

  name = g_filename_display_basename (path);

  if (read_only && version < latest)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_FAILED,
                   _("“%s” was saved by an older version of Annex (workspace format %d); open "
                     "it for writing once to update it"), name, version);
      return NULL;
    }

  if (!read_only && !check_file_writable (path, error))
    return NULL;

  if (read_only && !exists_with_suffix (path, "-wal") &&
      (!is_directory_writable (path) || g_access (path, W_OK) != 0))
    {
      /* Nobody has the workspace open for writing (that keeps a -wal file), and we could not
       * clean up the -wal/-shm files a read-only connection would leave (nor create them, in a
       * read-only folder): read the file as it is. */
      g_autofree char *uri = build_immutable_uri (path);

      rc = sqlite3_open_v2 (uri, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
      if (rc != SQLITE_OK)
        {
          g_autofree char *context = g_strdup_printf (_("Could not open “%s”"), name);

          annex_store_set_error_from_sqlite (error, handle, rc, context);
          sqlite3_close (handle);
          return NULL;
        }
    }
  else
    {
      /* A reader of a file it could write opens it read-write with query_only: the same
       * guarantee for its own statements, and when it is the last connection to close, SQLite
       * removes the -wal/-shm files, which it never does for a read-only connection. */
      handle = open_handle (path, read_only && g_access (path, W_OK) != 0, error);
      if (handle == NULL)
        return NULL;
    }

  self = database_new (path, handle, read_only);
  if (!configure_connection (self, error))
    return NULL;

  /* The authoritative version, read through this connection. */
  if (!query_int (self->handle, "PRAGMA user_version", &current, &rc))
    {
      g_autofree char *context = g_strdup_printf (_("Could not open “%s”"), name);

      annex_store_set_error_from_sqlite (error, self->handle, rc, context);
      return NULL;
    }
  if (current > latest)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Annex (workspace format %d; this "
                     "version reads up to %d). Update Annex to open it."),
                   name, (int) MIN (current, G_MAXINT), latest);
      return NULL;
    }
  self->schema_version = (int) current;

  if (!read_only)
    {
      if (self->schema_version < latest && !upgrade (self, error))
        return NULL;

      if (!set_journal_mode (self, "wal", error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * annex_database_get_path:
 * @self: a #AnnexDatabase
 *
 * Returns: the workspace file
 */
const char *
annex_database_get_path (AnnexDatabase *self)
{
  g_return_val_if_fail (ANNEX_IS_DATABASE (self), NULL);

  return self->path;
}

/**
 * annex_database_is_read_only:
 * @self: a #AnnexDatabase
 *
 * Returns: whether @self was opened for reading only
 */
gboolean
annex_database_is_read_only (AnnexDatabase *self)
{
  g_return_val_if_fail (ANNEX_IS_DATABASE (self), TRUE);

  return self->read_only;
}

/**
 * annex_database_get_schema_version:
 * @self: a #AnnexDatabase
 *
 * Returns: the workspace format of the open file
 */
int
annex_database_get_schema_version (AnnexDatabase *self)
{
  g_return_val_if_fail (ANNEX_IS_DATABASE (self), 0);

  return self->schema_version;
}

/**
 * annex_database_get_handle:
 * @self: a #AnnexDatabase
 *
 * Returns: (nullable): the connection, %NULL once closed
 */
sqlite3 *
annex_database_get_handle (AnnexDatabase *self)
{
  g_return_val_if_fail (ANNEX_IS_DATABASE (self), NULL);

  return self->handle;
}

/**
 * annex_database_prepare:
 * @self: a #AnnexDatabase
 * @sql: one SQL statement
 * @error: return location for a #GError
 *
 * Returns: (transfer none): the cached statement, reset, bindings cleared; or %NULL
 */
sqlite3_stmt *
annex_database_prepare (AnnexDatabase  *self,
                        const char     *sql,
                        GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ANNEX_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_open (self, error))
    return NULL;

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      annex_store_set_error_from_sqlite (error, self->handle, rc,
                                         _("Could not prepare a query on the workspace"));
      return NULL;
    }
  if (stmt == NULL)
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("Could not prepare a query on the workspace: it is empty"));
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/**
 * annex_database_step_done:
 * @self: a #AnnexDatabase
 * @stmt: a statement of @self
 * @error: return location for a #GError
 *
 * Runs @stmt to its end, ignoring rows, and resets it.
 *
 * Returns: %TRUE on success
 */
gboolean
annex_database_step_done (AnnexDatabase  *self,
                          sqlite3_stmt   *stmt,
                          GError        **error)
{
  int rc;

  g_return_val_if_fail (ANNEX_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (stmt != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_open (self, error))
    return FALSE;

  do
    rc = sqlite3_step (stmt);
  while (rc == SQLITE_ROW);

  if (rc != SQLITE_DONE)
    {
      annex_store_set_error_from_sqlite (error, self->handle, rc,
                                         _("The workspace could not be updated"));
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * annex_database_exec:
 * @self: a #AnnexDatabase
 * @sql: SQL without parameters, possibly several statements
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
annex_database_exec (AnnexDatabase  *self,
                     const char     *sql,
                     GError        **error)
{
  int rc;

  g_return_val_if_fail (ANNEX_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_open (self, error))
    return FALSE;

  rc = sqlite3_exec (self->handle, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      annex_store_set_error_from_sqlite (error, self->handle, rc,
                                         _("The workspace could not be updated"));
      return FALSE;
    }

  return TRUE;
}

static void
clear_changed_tables (AnnexDatabase *self)
{
  g_array_set_size (self->changed_tables, 0);
}

static void
emit_changed (AnnexDatabase *self)
{
  g_autoptr(GArray) tables = NULL;

  if (self->changed_tables->len == 0)
    return;

  /* Handlers may start transactions of their own: hand them a clean state. */
  tables = g_steal_pointer (&self->changed_tables);
  self->changed_tables = g_array_new (FALSE, FALSE, sizeof (GQuark));

  g_object_ref (self);
  for (guint i = 0; i < tables->len; i++)
    {
      GQuark table = g_array_index (tables, GQuark, i);

      g_signal_emit (self, signals[CHANGED], table, g_quark_to_string (table));
    }
  g_object_unref (self);
}

/* Ends the outermost transaction with a ROLLBACK. */
static void
rollback_outermost (AnnexDatabase *self)
{
  /* SQLite may have rolled back already by itself (after SQLITE_FULL, an I/O error…). */
  if (self->handle != NULL && !sqlite3_get_autocommit (self->handle))
    {
      int rc = sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);

      if (rc != SQLITE_OK)
        g_debug ("ROLLBACK failed: %s", sqlite3_errmsg (self->handle));
    }

  self->rolled_back = FALSE;
  clear_changed_tables (self);
}

/**
 * annex_database_begin:
 * @self: a #AnnexDatabase
 * @error: return location for a #GError
 *
 * Starts a transaction, or a nested level of the current one: BEGIN IMMEDIATE, or a deferred
 * BEGIN (a read snapshot) on a read-only connection.
 *
 * Returns: %TRUE on success
 */
gboolean
annex_database_begin (AnnexDatabase  *self,
                      GError        **error)
{
  int rc;

  g_return_val_if_fail (ANNEX_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_open (self, error))
    return FALSE;

  if (self->depth > 0)
    {
      self->depth++;
      return TRUE;
    }

  /* A writer takes the write lock at once (no deadlock-prone upgrade later); a reader gets a
   * consistent snapshot for its queries. */
  rc = sqlite3_exec (self->handle, self->read_only ? "BEGIN" : "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      annex_store_set_error_from_sqlite (error, self->handle, rc,
                                         _("Could not start a change to the workspace"));
      return FALSE;
    }

  self->depth = 1;
  self->rolled_back = FALSE;
  clear_changed_tables (self);
  return TRUE;
}

/**
 * annex_database_commit:
 * @self: a #AnnexDatabase
 * @error: return location for a #GError
 *
 * Ends one level of the current transaction. The outermost level commits, unless a level
 * rolled back: then the whole transaction is rolled back and this returns %FALSE. An inner level
 * also returns %FALSE once the transaction is bound to roll back.
 *
 * Returns: %TRUE when the changes are (or, at an inner level, will be) kept
 */
gboolean
annex_database_commit (AnnexDatabase  *self,
                       GError        **error)
{
  int rc;

  g_return_val_if_fail (ANNEX_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->depth--;

  if (self->depth > 0)
    {
      if (self->rolled_back)
        {
          g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_FAILED,
                               _("The change was cancelled and nothing was saved"));
          return FALSE;
        }
      return TRUE;
    }

  if (self->rolled_back || self->handle == NULL)
    {
      rollback_outermost (self);
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_FAILED,
                           _("The change was cancelled and nothing was saved"));
      return FALSE;
    }

  if (sqlite3_get_autocommit (self->handle))
    {
      /* SQLite ended the transaction itself after an error. */
      rollback_outermost (self);
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_FAILED,
                           _("The change failed and nothing was saved"));
      return FALSE;
    }

  rc = sqlite3_exec (self->handle, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      annex_store_set_error_from_sqlite (error, self->handle, rc,
                                         _("Could not save the change"));
      rollback_outermost (self);
      return FALSE;
    }

  emit_changed (self);
  return TRUE;
}

/**
 * annex_database_rollback:
 * @self: a #AnnexDatabase
 *
 * Ends one level of the current transaction and dooms the whole of it: the outermost level
 * rolls back (now, or at its commit).
 */
void
annex_database_rollback (AnnexDatabase *self)
{
  g_return_if_fail (ANNEX_IS_DATABASE (self));
  g_return_if_fail (self->depth > 0);

  self->depth--;
  self->rolled_back = TRUE;

  if (self->depth == 0)
    rollback_outermost (self);
}

/**
 * annex_database_in_transaction:
 * @self: a #AnnexDatabase
 *
 * Returns: whether a transaction is open
 */
gboolean
annex_database_in_transaction (AnnexDatabase *self)
{
  g_return_val_if_fail (ANNEX_IS_DATABASE (self), FALSE);

  return self->depth > 0;
}

/**
 * annex_database_mark_changed:
 * @self: a #AnnexDatabase
 * @table: a table written in the current transaction
 *
 * Makes the commit of the current transaction emit "changed::@table". Outside a transaction
 * the signal is emitted at once.
 */
void
annex_database_mark_changed (AnnexDatabase *self,
                             const char    *table)
{
  GQuark quark;

  g_return_if_fail (ANNEX_IS_DATABASE (self));
  g_return_if_fail (table != NULL);

  quark = g_quark_from_string (table);
  for (guint i = 0; i < self->changed_tables->len; i++)
    {
      if (g_array_index (self->changed_tables, GQuark, i) == quark)
        return;
    }
  g_array_append_val (self->changed_tables, quark);

  if (self->depth == 0)
    emit_changed (self);
}

static gboolean
read_setting (AnnexDatabase  *self,
              const char     *key,
              char          **out_value,
              GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *out_value = NULL;

  stmt = annex_database_prepare (self, "SELECT value FROM workspace WHERE key = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    annex_store_set_error_from_sqlite (error, self->handle, rc,
                                       _("Could not read the workspace’s settings"));
  sqlite3_reset (stmt);

  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/**
 * annex_database_dup_setting:
 * @self: a #AnnexDatabase
 * @key: a setting
 *
 * Returns: (transfer full) (nullable): the value of @key, %NULL when unset or unreadable
 */
char *
annex_database_dup_setting (AnnexDatabase *self,
                            const char    *key)
{
  g_autoptr(GError) error = NULL;
  char *value = NULL;

  g_return_val_if_fail (ANNEX_IS_DATABASE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (!read_setting (self, key, &value, &error))
    g_debug ("Could not read setting %s: %s", key, error->message);

  return value;
}

/**
 * annex_database_set_setting:
 * @self: a #AnnexDatabase
 * @key: a setting, not one that the store keeps itself ("history-head", "history-count")
 * @value: (nullable): its new value; %NULL removes the setting
 * @error: return location for a #GError
 *
 * Stores @value and records the change in the history (table "workspace", record 0, before and
 * after as {"key":…,"value":…}), in its own transaction or the current one. Nothing is written
 * when the value does not change.
 *
 * Returns: %TRUE on success
 */
gboolean
annex_database_set_setting (AnnexDatabase  *self,
                            const char     *key,
                            const char     *value,
                            GError        **error)
{
  static const char * const json_keys[] = { "key", "value" };
  g_autofree char *old_value = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AnnexChangeKind kind;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ANNEX_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (key != NULL && *key != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (is_reserved_setting (key))
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                   _("The setting “%s” is kept by Annex itself"), key);
      return FALSE;
    }

  if (!check_writable_connection (self, error))
    return FALSE;

  if (!annex_database_begin (self, error))
    return FALSE;

  if (!read_setting (self, key, &old_value, error))
    goto failed;

  if (g_strcmp0 (old_value, value) == 0)
    return annex_database_commit (self, error);

  if (value != NULL)
    {
      stmt = annex_database_prepare (self,
                                     "INSERT INTO workspace (key, value) VALUES (?1, ?2) "
                                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                     error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
    }
  else
    {
      stmt = annex_database_prepare (self, "DELETE FROM workspace WHERE key = ?1", error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
    }
  if (!annex_database_step_done (self, stmt, error))
    goto failed;

  if (old_value != NULL)
    {
      const char *pair[] = { key, old_value };

      before = annex_change_log_json_object (json_keys, pair, 2);
    }
  if (value != NULL)
    {
      const char *pair[] = { key, value };

      after = annex_change_log_json_object (json_keys, pair, 2);
    }
  if (old_value == NULL)
    kind = ANNEX_CHANGE_INSERT;
  else if (value == NULL)
    kind = ANNEX_CHANGE_DELETE;
  else
    kind = ANNEX_CHANGE_UPDATE;

  if (!annex_change_log_append (self, "workspace", 0, kind, before, after, error))
    goto failed;

  annex_database_mark_changed (self, "workspace");
  return annex_database_commit (self, error);

failed:
  annex_database_rollback (self);
  return FALSE;
}

/**
 * annex_database_dup_organization:
 * @self: a #AnnexDatabase
 *
 * Returns: (transfer full) (nullable): the organization's name
 */
char *
annex_database_dup_organization (AnnexDatabase *self)
{
  g_return_val_if_fail (ANNEX_IS_DATABASE (self), NULL);

  return annex_database_dup_setting (self, "organization");
}

/**
 * annex_database_get_register_tables:
 *
 * Returns: (transfer none): the register tables, %NULL-terminated
 */
const char * const *
annex_database_get_register_tables (void)
{
  return register_tables;
}

/**
 * annex_database_count_rows:
 * @self: a #AnnexDatabase
 * @table: one of annex_database_get_register_tables()
 * @error: return location for a #GError
 *
 * Returns: the number of rows, or -1 on error
 */
gint64
annex_database_count_rows (AnnexDatabase  *self,
                           const char     *table,
                           GError        **error)
{
  g_autofree char *sql = NULL;
  const char *known = NULL;
  sqlite3_stmt *stmt;
  gint64 count = -1;
  int rc;

  g_return_val_if_fail (ANNEX_IS_DATABASE (self), -1);
  g_return_val_if_fail (table != NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  for (guint i = 0; register_tables[i] != NULL; i++)
    {
      if (strcmp (register_tables[i], table) == 0)
        known = register_tables[i];
    }
  if (known == NULL)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                   _("“%s” is not a register of the workspace"), table);
      return -1;
    }

  /* The table name comes from the static list above, never from the caller's string. */
  sql = g_strdup_printf ("SELECT count(*) FROM %s", known);
  stmt = annex_database_prepare (self, sql, error);
  if (stmt == NULL)
    return -1;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    annex_store_set_error_from_sqlite (error, self->handle, rc,
                                       _("Could not count the records"));
  sqlite3_reset (stmt);

  return count;
}

/**
 * annex_database_backup:
 * @self: a #AnnexDatabase
 * @dest_path: the copy to write (replaced if it exists)
 * @error: return location for a #GError
 *
 * Writes a consistent, self-contained copy of the workspace (see the header). Refused while a
 * transaction is open (the copy would hold uncommitted changes).
 *
 * Returns: %TRUE on success
 */
gboolean
annex_database_backup (AnnexDatabase  *self,
                       const char     *dest_path,
                       GError        **error)
{
  g_autofree char *name = NULL;
  g_autofree char *context = NULL;
  g_autofree char *tmp_path = NULL;
  GStatBuf source_st, dest_st;
  sqlite3_backup *backup;
  sqlite3 *dest = NULL;
  int fd;
  int rc;

  g_return_val_if_fail (ANNEX_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_open (self, error))
    return FALSE;

  name = g_filename_display_basename (dest_path);
  context = g_strdup_printf (_("Could not write a copy to “%s”"), name);

  if (self->depth > 0)
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("The workspace cannot be copied while a change is in progress"));
      return FALSE;
    }

  if (g_stat (self->path, &source_st) == 0 && g_stat (dest_path, &dest_st) == 0 &&
      source_st.st_dev == dest_st.st_dev && source_st.st_ino == dest_st.st_ino)
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("The workspace cannot be copied over itself"));
      return FALSE;
    }

  tmp_path = g_strconcat (dest_path, ".tmp-XXXXXX", NULL);
  fd = g_mkstemp (tmp_path);
  if (fd < 0)
    {
      set_error_from_errno (error, errno, context);
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      annex_store_set_error_from_sqlite (error, dest, rc, context);
      goto failed;
    }
  sqlite3_extended_result_codes (dest, 1);

  backup = sqlite3_backup_init (dest, "main", self->handle, "main");
  if (backup == NULL)
    {
      annex_store_set_error_from_sqlite (error, dest, sqlite3_extended_errcode (dest), context);
      goto failed;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      /* A failure can come from either side; report the destination's when it has one. */
      if (sqlite3_extended_errcode (dest) != SQLITE_OK)
        annex_store_set_error_from_sqlite (error, dest, rc, context);
      else
        annex_store_set_error_from_sqlite (error, self->handle, rc, context);
      goto failed;
    }

  /* The copy carries the source's WAL flag in its header: make it a single self-contained
   * file. */
  {
    g_autofree char *mode = NULL;

    if (!query_text (dest, "PRAGMA journal_mode = DELETE", &mode, &rc))
      {
        annex_store_set_error_from_sqlite (error, dest, rc, context);
        goto failed;
      }
    if (g_strcmp0 (mode, "delete") != 0)
      {
        g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_FAILED,
                     _("%s: the copy is still in journal mode “%s”"), context,
                     mode != NULL ? mode : "");
        goto failed;
      }
  }

  rc = sqlite3_close (dest);
  dest = NULL;
  if (rc != SQLITE_OK)
    {
      annex_store_set_error_from_sqlite (error, NULL, rc, context);
      goto failed;
    }

  if (!sync_file (tmp_path, error))
    goto failed;

  /* Companions of a file previously at @dest_path would be taken for the new one's. */
  {
    static const char * const suffixes[] = { "-wal", "-shm", "-journal" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *p = g_strconcat (dest_path, suffixes[i], NULL);

        g_unlink (p);
      }
  }

  if (g_rename (tmp_path, dest_path) != 0)
    {
      set_error_from_errno (error, errno, context);
      goto failed;
    }
  sync_directory_of (dest_path);

  return TRUE;

failed:
  if (dest != NULL)
    sqlite3_close (dest);
  unlink_with_companions (tmp_path);
  return FALSE;
}

/**
 * annex_database_close:
 * @self: a #AnnexDatabase
 *
 * Closes the connection: an open transaction is rolled back, the cached statements are
 * finalized and, when writable, the WAL is checkpointed into the main file first.
 */
void
annex_database_close (AnnexDatabase *self)
{
  g_return_if_fail (ANNEX_IS_DATABASE (self));

  if (self->handle == NULL)
    return;

  if (self->depth > 0)
    {
      g_debug ("Closing %s inside a transaction: rolled back", self->path);
      self->depth = 0;
      rollback_outermost (self);
    }

  g_hash_table_remove_all (self->statements);

  if (!self->read_only)
    {
      int rc = sqlite3_wal_checkpoint_v2 (self->handle, NULL, SQLITE_CHECKPOINT_TRUNCATE,
                                          NULL, NULL);

      if (rc != SQLITE_OK)
        g_debug ("Checkpoint of %s failed: %s", self->path, sqlite3_errmsg (self->handle));
    }

  sqlite3_close_v2 (self->handle);
  self->handle = NULL;
}

/* Private API */

char *
_annex_database_dup_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

gboolean
_annex_database_create_at_version (const char  *path,
                                   const char  *organization,
                                   int          version,
                                   GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (organization != NULL, FALSE);
  g_return_val_if_fail (version >= 1 && version <= annex_database_get_latest_version (), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return create_file (path, organization, version, error);
}

void
_annex_database_set_extra_migrations_for_testing (const char * const *sql_steps)
{
  g_clear_pointer (&extra_migrations, g_strfreev);
  if (sql_steps != NULL && sql_steps[0] != NULL)
    extra_migrations = g_strdupv ((char **) sql_steps);
}
