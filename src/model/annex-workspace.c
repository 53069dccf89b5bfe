/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-workspace.c: one workspace file as the welcome screen shows it: path, organization name,
 * modification time, and why it cannot be opened, read without writing to the file. */

#define G_LOG_DOMAIN "annex-workspace"

#include "config.h"

#include <string.h>

#include "annex-database.h"
#include "annex-workspace.h"

struct _AnnexWorkspace
{
  GObject    parent_instance;

  /* owned */
  char      *path;
  char      *name;
  GDateTime *modified;
  char      *error;
};

G_DEFINE_FINAL_TYPE (AnnexWorkspace, annex_workspace, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_NAME,
  PROP_MODIFIED,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The file name without its ".isms" extension. */
static char *
dup_fallback_name (const char *path)
{
  g_autofree char *basename = g_path_get_basename (path);

  if (g_str_has_suffix (basename, ".isms") && strlen (basename) > strlen (".isms"))
    basename[strlen (basename) - strlen (".isms")] = '\0';

  return g_steal_pointer (&basename);
}

static GDateTime *
query_modified (const char *path)
{
  g_autoptr(GDateTime) modified = NULL;
  static const char * const suffixes[] = { "", "-wal" };

  /* In WAL mode recent edits may only have touched the -wal file. */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file_path = g_strconcat (path, suffixes[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (file_path);
      g_autoptr(GFileInfo) info = NULL;
      g_autoptr(GDateTime) time = NULL;

      info = g_file_query_info (file,
                                G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                G_FILE_QUERY_INFO_NONE, NULL, NULL);
      if (info == NULL)
        continue;

      time = g_file_info_get_modification_date_time (info);
      if (time != NULL && (modified == NULL || g_date_time_compare (time, modified) > 0))
        {
          g_clear_pointer (&modified, g_date_time_unref);
          modified = g_steal_pointer (&time);
        }
    }

  if (modified == NULL)
    return NULL;

  return g_date_time_to_local (modified);
}

static void
read_workspace (AnnexWorkspace *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = NULL;
  g_autofree char *organization = NULL;

  self->modified = query_modified (self->path);

  /* The usual case costs one validation: the read-only open validates the file first. */
  db = annex_database_open (self->path, ANNEX_DATABASE_OPEN_READ_ONLY, &error);
  if (db == NULL)
    {
      g_autoptr(GError) validate_error = NULL;
      int version = 0;

      self->name = dup_fallback_name (self->path);

      /* Why? A read-only connection also refuses a schema older than ours (it cannot migrate);
       * such a file is fine: it is migrated when it is opened, and until then goes by its file
       * name. Anything else is a reason not to open it. */
      if (!annex_database_validate_file (self->path, &version, &validate_error))
        self->error = g_strdup (validate_error->message);
      else if (version >= annex_database_get_latest_version ())
        self->error = g_strdup (error->message);

      return;
    }

  organization = annex_database_dup_organization (db);
  annex_database_close (db);

  if (organization != NULL && g_strstrip (organization)[0] != '\0')
    self->name = g_steal_pointer (&organization);
  else
    self->name = dup_fallback_name (self->path);
}

static void
annex_workspace_finalize (GObject *object)
{
  AnnexWorkspace *self = ANNEX_WORKSPACE (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->modified, g_date_time_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (annex_workspace_parent_class)->finalize (object);
}

static void
annex_workspace_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AnnexWorkspace *self = ANNEX_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_MODIFIED:
      g_value_set_boxed (value, self->modified);
      break;

    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_workspace_class_init (AnnexWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = annex_workspace_finalize;
  object_class->get_property = annex_workspace_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boxed ("modified", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
annex_workspace_init (AnnexWorkspace *self)
{
}

/**
 * annex_workspace_new_for_path:
 * @path: a workspace file
 *
 * Reads @path's organization name without writing to the file. Never fails: a file that cannot be
 * used gets its file name (without ".isms") as name and the reason in "error".
 *
 * Returns: (transfer full): a new workspace item
 */
AnnexWorkspace *
annex_workspace_new_for_path (const char *path)
{
  AnnexWorkspace *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (ANNEX_TYPE_WORKSPACE, NULL);
  self->path = g_strdup (path);
  read_workspace (self);

  return self;
}

const char *
annex_workspace_get_path (AnnexWorkspace *self)
{
  g_return_val_if_fail (ANNEX_IS_WORKSPACE (self), NULL);
  return self->path;
}

const char *
annex_workspace_get_name (AnnexWorkspace *self)
{
  g_return_val_if_fail (ANNEX_IS_WORKSPACE (self), NULL);
  return self->name;
}

/**
 * annex_workspace_get_modified:
 * @self: a workspace
 *
 * Returns: (transfer none) (nullable): the local time the file (or its -wal) was last written
 */
GDateTime *
annex_workspace_get_modified (AnnexWorkspace *self)
{
  g_return_val_if_fail (ANNEX_IS_WORKSPACE (self), NULL);
  return self->modified;
}

const char *
annex_workspace_get_error (AnnexWorkspace *self)
{
  g_return_val_if_fail (ANNEX_IS_WORKSPACE (self), NULL);
  return self->error;
}

void
_annex_workspace_set_name (AnnexWorkspace *self,
                           const char     *name)
{
  g_return_if_fail (ANNEX_IS_WORKSPACE (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/* Re-reads the modification time after a write (rename), notifying when it changed. */
void
_annex_workspace_update_modified (AnnexWorkspace *self)
{
  g_autoptr(GDateTime) modified = NULL;

  g_return_if_fail (ANNEX_IS_WORKSPACE (self));

  modified = query_modified (self->path);
  if (modified == self->modified ||
      (modified != NULL && self->modified != NULL && g_date_time_equal (modified, self->modified)))
    return;

  g_clear_pointer (&self->modified, g_date_time_unref);
  self->modified = g_steal_pointer (&modified);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}
