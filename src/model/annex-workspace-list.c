/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-workspace-list.c: the workspaces in one folder as a GListModel sorted by name, and
 * creating, renaming, duplicating, deleting, exporting and importing them. */

#define G_LOG_DOMAIN "annex-workspace-list"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "annex-database.h"
#include "annex-store-error.h"
#include "annex-workspace-list.h"

#define WORKSPACE_SUFFIX ".isms"
#define SLUG_MAX_LENGTH 40

struct _AnnexWorkspaceList
{
  GObject    parent_instance;

  /* owned */
  char      *directory;
  GPtrArray *items;        /* AnnexWorkspace, sorted by compare_workspaces() */
};

static void annex_workspace_list_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AnnexWorkspaceList, annex_workspace_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      annex_workspace_list_list_model_iface_init))

enum {
  PROP_0,
  PROP_DIRECTORY,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The files SQLite may keep beside a database, and the file itself (""). */
static const char * const companion_suffixes[] = { "", "-wal", "-shm", "-journal" };

static int
compare_workspaces (AnnexWorkspace *a,
                    AnnexWorkspace *b)
{
  g_autofree char *folded_a = g_utf8_casefold (annex_workspace_get_name (a), -1);
  g_autofree char *folded_b = g_utf8_casefold (annex_workspace_get_name (b), -1);
  int result;

  /* Case-insensitive first ("acme" next to "Acme"), then a stable order for equal names: by file
   * name, as a file manager sorts them ("acme-ltd.isms" before "acme-ltd-2.isms"). */
  result = g_utf8_collate (folded_a, folded_b);
  if (result == 0)
    result = g_utf8_collate (annex_workspace_get_name (a), annex_workspace_get_name (b));
  if (result == 0)
    {
      g_autofree char *display_a = g_filename_display_basename (annex_workspace_get_path (a));
      g_autofree char *display_b = g_filename_display_basename (annex_workspace_get_path (b));
      g_autofree char *key_a = g_utf8_collate_key_for_filename (display_a, -1);
      g_autofree char *key_b = g_utf8_collate_key_for_filename (display_b, -1);

      result = strcmp (key_a, key_b);
    }
  if (result == 0)
    result = strcmp (annex_workspace_get_path (a), annex_workspace_get_path (b));

  return result;
}

static int
compare_workspaces_indirect (gconstpointer a,
                             gconstpointer b)
{
  return compare_workspaces (*(AnnexWorkspace **) a, *(AnnexWorkspace **) b);
}

/* Where @workspace belongs in the sorted items. */
static guint
find_sorted_position (AnnexWorkspaceList *self,
                      AnnexWorkspace     *workspace)
{
  guint position = 0;

  for (; position < self->items->len; position++)
    {
      if (compare_workspaces (workspace, g_ptr_array_index (self->items, position)) < 0)
        break;
    }

  return position;
}

static guint
find_position (AnnexWorkspaceList *self,
               AnnexWorkspace     *workspace)
{
  guint position;

  if (g_ptr_array_find (self->items, workspace, &position))
    return position;

  return G_MAXUINT;
}

static void
insert_sorted (AnnexWorkspaceList *self,
               AnnexWorkspace     *workspace)
{
  guint position = find_sorted_position (self, workspace);

  g_ptr_array_insert (self->items, (int) position, g_object_ref (workspace));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* After a rename: moves @workspace to its sorted place with one items-changed over the range
 * between its old and new positions (over the item alone when it stays in place, so that views
 * show the new name). */
static void
resort_item (AnnexWorkspaceList *self,
             AnnexWorkspace     *workspace)
{
  guint old_position = find_position (self, workspace);
  guint new_position;
  guint first, n;

  g_assert (old_position != G_MAXUINT);

  g_ptr_array_steal_index (self->items, old_position);  /* keeps the list's reference */
  new_position = find_sorted_position (self, workspace);
  g_ptr_array_insert (self->items, (int) new_position, workspace);

  first = MIN (old_position, new_position);
  n = MAX (old_position, new_position) - first + 1;
  g_list_model_items_changed (G_LIST_MODEL (self), first, n, n);
}

static gboolean
ensure_directory (const char  *directory,
                  GError     **error)
{
  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int errsv = errno;
      g_autofree char *display = g_filename_display_name (directory);

      g_set_error (error, ANNEX_STORE_ERROR, annex_store_error_from_errno (errsv),
                   _("Could not create the folder “%s”: %s"), display, g_strerror (errsv));
      return FALSE;
    }

  return TRUE;
}

/* Removes @path and its companions; errors other than "does not exist" are reported only for
 * the main file. */
static gboolean
remove_database_files (const char  *path,
                       GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (companion_suffixes); i++)
    {
      g_autofree char *file_path = g_strconcat (path, companion_suffixes[i], NULL);

      if (g_unlink (file_path) != 0 && errno != ENOENT && i == 0)
        {
          int errsv = errno;
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error, ANNEX_STORE_ERROR, annex_store_error_from_errno (errsv),
                       _("Could not delete “%s”: %s"), display, g_strerror (errsv));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
any_database_file_exists (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (companion_suffixes); i++)
    {
      g_autofree char *file_path = g_strconcat (path, companion_suffixes[i], NULL);

      if (g_file_test (file_path, G_FILE_TEST_EXISTS))
        return TRUE;
    }

  return FALSE;
}

/* A file name stem for @organization: transliterated to ASCII (with the "C" locale's rules, so the
 * result does not depend on the user's locale), lowercase letters and digits, every other run of
 * characters one '-', no '-' at either end, at most 40 characters; "workspace" when nothing is
 * left.
 */
static char *
make_slug (const char *organization)
{
  g_autofree char *ascii = g_str_to_ascii (organization, "C");
  GString *slug = g_string_new (NULL);
  gboolean pending_dash = FALSE;

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (pending_dash && slug->len > 0)
            g_string_append_c (slug, '-');
          pending_dash = FALSE;
          g_string_append_c (slug, g_ascii_tolower (*p));
        }
      else
        {
          pending_dash = TRUE;
        }
    }

  if (slug->len > SLUG_MAX_LENGTH)
    g_string_truncate (slug, SLUG_MAX_LENGTH);
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);

  if (slug->len == 0)
    g_string_assign (slug, "workspace");

  return g_string_free (slug, FALSE);
}

/* Held from choosing a file name with dup_unique_path () until the file is in place under it,
 * so that two operations of this process (say, two imports on workers) never take the same
 * name. Not held while copying or migrating. */
static GMutex name_lock;

/* The first free "<slug>.isms", "<slug>-2.isms"… in the folder (no file of that name and no
 * leftover -wal/-shm/-journal either). Call with name_lock held. */
static char *
dup_unique_path (const char *directory,
                 const char *organization)
{
  g_autofree char *slug = make_slug (organization);

  for (guint n = 1; ; n++)
    {
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;

      if (n == 1)
        name = g_strconcat (slug, WORKSPACE_SUFFIX, NULL);
      else
        name = g_strdup_printf ("%s-%u" WORKSPACE_SUFFIX, slug, n);

      path = g_build_filename (directory, name, NULL);
      if (!any_database_file_exists (path))
        return g_steal_pointer (&path);
    }
}

static char *
dup_checked_organization (const char  *organization,
                          GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (organization));

  if (stripped[0] == '\0')
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("The organization name is required"));
      return NULL;
    }

  return g_steal_pointer (&stripped);
}

/* Adds @workspace (read on whichever thread made its file) to the list, unless a refresh has
 * listed that file meanwhile. On the main thread. Returns the list's item (borrowed). */
static AnnexWorkspace *
add_workspace (AnnexWorkspaceList *self,
               AnnexWorkspace     *workspace)
{
  AnnexWorkspace *listed;

  listed = annex_workspace_list_find_by_path (self, annex_workspace_get_path (workspace));
  if (listed != NULL)
    return listed;

  insert_sorted (self, workspace);
  return workspace;
}

static GType
annex_workspace_list_get_item_type (GListModel *model)
{
  return ANNEX_TYPE_WORKSPACE;
}

static guint
annex_workspace_list_get_n_items (GListModel *model)
{
  AnnexWorkspaceList *self = ANNEX_WORKSPACE_LIST (model);

  return self->items->len;
}

static gpointer
annex_workspace_list_get_item (GListModel *model,
                               guint       position)
{
  AnnexWorkspaceList *self = ANNEX_WORKSPACE_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
annex_workspace_list_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = annex_workspace_list_get_item_type;
  iface->get_n_items = annex_workspace_list_get_n_items;
  iface->get_item = annex_workspace_list_get_item;
}

static void
annex_workspace_list_finalize (GObject *object)
{
  AnnexWorkspaceList *self = ANNEX_WORKSPACE_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->directory, g_free);

  G_OBJECT_CLASS (annex_workspace_list_parent_class)->finalize (object);
}

static void
annex_workspace_list_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AnnexWorkspaceList *self = ANNEX_WORKSPACE_LIST (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_value_set_string (value, self->directory);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_workspace_list_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AnnexWorkspaceList *self = ANNEX_WORKSPACE_LIST (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      self->directory = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_workspace_list_class_init (AnnexWorkspaceListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = annex_workspace_list_finalize;
  object_class->get_property = annex_workspace_list_get_property;
  object_class->set_property = annex_workspace_list_set_property;

  properties[PROP_DIRECTORY] =
    g_param_spec_string ("directory", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
annex_workspace_list_init (AnnexWorkspaceList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * annex_workspace_list_dup_default_directory:
 *
 * Returns: (transfer full): g_get_user_data_dir()/annex/workspaces
 */
char *
annex_workspace_list_dup_default_directory (void)
{
  return g_build_filename (g_get_user_data_dir (), "annex", "workspaces", NULL);
}

AnnexWorkspaceList *
annex_workspace_list_new (const char *directory)
{
  g_return_val_if_fail (directory != NULL, NULL);

  return g_object_new (ANNEX_TYPE_WORKSPACE_LIST,
                       "directory", directory,
                       NULL);
}

const char *
annex_workspace_list_get_directory (AnnexWorkspaceList *self)
{
  g_return_val_if_fail (ANNEX_IS_WORKSPACE_LIST (self), NULL);
  return self->directory;
}

/**
 * annex_workspace_list_refresh:
 * @self: a workspace list
 * @error: return location for an error
 *
 * Re-reads the folder: one item per "*.isms" file (a missing folder is an empty list). Files
 * that cannot be used are listed with their "error" set. Replaces the items with one
 * items-changed emission.
 *
 * Returns: %FALSE when the folder exists but cannot be read
 */
gboolean
annex_workspace_list_refresh (AnnexWorkspaceList  *self,
                              GError             **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) old = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;
  guint n_removed;

  g_return_val_if_fail (ANNEX_IS_WORKSPACE_LIST (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  items = g_ptr_array_new_with_free_func (g_object_unref);

  dir = g_dir_open (self->directory, 0, &local_error);
  if (dir == NULL && !g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_autofree char *display = g_filename_display_name (self->directory);

      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_FAILED,
                   _("Could not read the folder “%s”: %s"), display, local_error->message);
      return FALSE;
    }

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_str_has_suffix (name, WORKSPACE_SUFFIX) || name[0] == '.')
        continue;

      path = g_build_filename (self->directory, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;

      g_ptr_array_add (items, annex_workspace_new_for_path (path));
    }

  g_ptr_array_sort (items, compare_workspaces_indirect);

  old = g_steal_pointer (&self->items);
  n_removed = old->len;
  self->items = g_steal_pointer (&items);

  if (n_removed > 0 || self->items->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, n_removed, self->items->len);
  if (n_removed != self->items->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  return TRUE;
}

/**
 * annex_workspace_list_contains_path:
 * @self: a workspace list
 * @path: a file path
 *
 * Returns: %TRUE when @path is a file directly in the list's folder
 */
gboolean
annex_workspace_list_contains_path (AnnexWorkspaceList *self,
                                    const char         *path)
{
  g_autofree char *canonical = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *directory = NULL;

  g_return_val_if_fail (ANNEX_IS_WORKSPACE_LIST (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  canonical = g_canonicalize_filename (path, NULL);
  parent = g_path_get_dirname (canonical);
  directory = g_canonicalize_filename (self->directory, NULL);

  return strcmp (parent, directory) == 0;
}

/**
 * annex_workspace_list_find_by_path:
 * @self: a workspace list
 * @path: a file path
 *
 * Returns: (transfer none) (nullable): the item for @path
 */
AnnexWorkspace *
annex_workspace_list_find_by_path (AnnexWorkspaceList *self,
                                   const char         *path)
{
  g_autofree char *canonical = NULL;

  g_return_val_if_fail (ANNEX_IS_WORKSPACE_LIST (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  canonical = g_canonicalize_filename (path, NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      AnnexWorkspace *workspace = g_ptr_array_index (self->items, i);
      g_autofree char *item_path = g_canonicalize_filename (annex_workspace_get_path (workspace),
                                                            NULL);

      if (strcmp (item_path, canonical) == 0)
        return workspace;
    }

  return NULL;
}

/**
 * annex_workspace_list_create:
 * @self: a workspace list
 * @organization: the organization's name (not only blanks)
 * @error: return location for an error
 *
 * Creates a workspace in the folder, named after @organization ("acme-ltd.isms", then
 * "acme-ltd-2.isms"…), and adds it to the list.
 *
 * Returns: (transfer none): the new item
 */
AnnexWorkspace *
annex_workspace_list_create (AnnexWorkspaceList  *self,
                             const char          *organization,
                             GError             **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (ANNEX_IS_WORKSPACE_LIST (self), NULL);
  g_return_val_if_fail (organization != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = dup_checked_organization (organization, error);
  if (name == NULL)
    return NULL;

  if (!ensure_directory (self->directory, error))
    return NULL;

  /* Retry when another program took the name between the check and the create. */
  for (guint attempt = 0; ; attempt++)
    {
      g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&name_lock);
      g_autofree char *path = dup_unique_path (self->directory, name);
      g_autoptr(AnnexDatabase) db = NULL;
      g_autoptr(GError) local_error = NULL;

      db = annex_database_create (path, name, &local_error);
      if (db != NULL)
        {
          g_autoptr(AnnexWorkspace) workspace = NULL;

          annex_database_close (db);
          g_clear_pointer (&locker, g_mutex_locker_free);

          workspace = annex_workspace_new_for_path (path);
          return add_workspace (self, workspace);
        }

      if (attempt >= 10 ||
          !g_error_matches (local_error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
}

/**
 * annex_workspace_list_delete:
 * @self: a workspace list
 * @workspace: an item of @self
 * @error: return location for an error
 *
 * Deletes the workspace file and its -wal, -shm and -journal companions, and removes the item.
 * Copies made before migrations ("*.before-vN.bak") are kept.
 *
 * Returns: %TRUE on success
 */
gboolean
annex_workspace_list_delete (AnnexWorkspaceList  *self,
                             AnnexWorkspace      *workspace,
                             GError             **error)
{
  guint position;

  g_return_val_if_fail (ANNEX_IS_WORKSPACE_LIST (self), FALSE);
  g_return_val_if_fail (ANNEX_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  position = find_position (self, workspace);
  g_return_val_if_fail (position != G_MAXUINT, FALSE);

  if (!remove_database_files (annex_workspace_get_path (workspace), error))
    return FALSE;

  g_ptr_array_remove_index (self->items, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  return TRUE;
}

/* The file work of export, import, duplicate and rename. These functions run on a worker thread
 * for the asynchronous calls and on the caller's thread for the synchronous ones: they touch
 * neither the list nor its items, and every AnnexDatabase they open is theirs alone. */

/* Deletes the copies the store made of @path before migrating it ("<path>.before-vN.bak"). */
static void
remove_migration_backups (const char *path)
{
  g_autofree char *directory = g_path_get_dirname (path);
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (basename, ".before-v", NULL);
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".bak"))
        {
          g_autofree char *backup = g_build_filename (directory, name, NULL);

          g_unlink (backup);
        }
    }
}

/* Moves the closed database @from (and any companions) to @to, which must not exist. When one
 * file cannot be moved, those moved already go back: @to is never left without its companions. */
static gboolean
move_database_files (const char  *from,
                     const char  *to,
                     GError     **error)
{
  gboolean moved[G_N_ELEMENTS (companion_suffixes)] = { FALSE, };

  for (guint i = 0; i < G_N_ELEMENTS (companion_suffixes); i++)
    {
      g_autofree char *from_path = g_strconcat (from, companion_suffixes[i], NULL);
      g_autofree char *to_path = g_strconcat (to, companion_suffixes[i], NULL);
      int errsv;
      g_autofree char *display = NULL;

      if (i > 0 && !g_file_test (from_path, G_FILE_TEST_EXISTS))
        continue;

      if (g_rename (from_path, to_path) == 0)
        {
          moved[i] = TRUE;
          continue;
        }

      errsv = errno;
      display = g_filename_display_name (to);
      g_set_error (error, ANNEX_STORE_ERROR, annex_store_error_from_errno (errsv),
                   _("Could not move the workspace to “%s”: %s"), display, g_strerror (errsv));

      for (guint j = 0; j < i; j++)
        {
          g_autofree char *back_from = g_strconcat (to, companion_suffixes[j], NULL);
          g_autofree char *back_to = g_strconcat (from, companion_suffixes[j], NULL);

          if (moved[j])
            g_rename (back_from, back_to);
        }
      return FALSE;
    }

  return TRUE;
}

/* A new empty file ".<what>-XXXXXX" in @directory: hidden and without the .isms suffix, so that
 * a refresh meanwhile does not list the workspace being built in it. */
static char *
make_temporary_file (const char  *directory,
                     const char  *what,
                     GError     **error)
{
  g_autofree char *name = g_strdup_printf (".%s-XXXXXX", what);
  g_autofree char *path = g_build_filename (directory, name, NULL);
  int fd;

  fd = g_mkstemp (path);
  if (fd < 0)
    {
      int errsv = errno;
      g_autofree char *display = g_filename_display_name (directory);

      g_set_error (error, ANNEX_STORE_ERROR, annex_store_error_from_errno (errsv),
                   _("Could not write to the folder “%s”: %s"), display, g_strerror (errsv));
      return NULL;
    }
  g_close (fd, NULL);

  return g_steal_pointer (&path);
}

/* Moves the finished workspace at @tmp_path to the first free name for @organization in
 * @directory. Returns the new path. */
static char *
move_to_unique_path (const char  *directory,
                     const char  *tmp_path,
                     const char  *organization,
                     GError     **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&name_lock);
  g_autofree char *final_path = dup_unique_path (directory, organization);

  if (!move_database_files (tmp_path, final_path, error))
    return NULL;

  return g_steal_pointer (&final_path);
}

/* Writes a consistent copy of @source_path to @dest_path. */
static gboolean
export_file (const char    *source_path,
             const char    *dest_path,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(AnnexDatabase) db = NULL;
  gboolean ok;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  db = annex_database_open (source_path, ANNEX_DATABASE_OPEN_DEFAULT, error);
  if (db == NULL)
    return FALSE;

  /* The backup goes through a temporary file: stopping before it leaves nothing behind. */
  ok = !g_cancellable_set_error_if_cancelled (cancellable, error) &&
       annex_database_backup (db, dest_path, error);
  annex_database_close (db);

  return ok;
}

/* Makes a clean copy of @source_path (never modifying it) in @directory under a temporary name
 * with annex_database_import_file(): a file from elsewhere is not trusted as it is, only the
 * records Annex knows are copied into a fresh workspace, at the latest format. Then moves it to a
 * name derived from its organization. Returns the new path; on failure (or when cancelled) the
 * partial copy is removed. */
static char *
import_file (const char    *directory,
             const char    *source_path,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *tmp_path = NULL;
  g_autofree char *organization = NULL;
  g_autoptr(AnnexDatabase) db = NULL;
  char *final_path;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (!ensure_directory (directory, error))
    return NULL;

  /* A hidden name of our own; the import creates the file (it must not exist). */
  tmp_path = make_temporary_file (directory, "import", error);
  if (tmp_path == NULL)
    return NULL;
  g_unlink (tmp_path);

  /* Reads the source immutably: nothing is written to it or beside it. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !annex_database_import_file (source_path, tmp_path, error))
    goto failed;

  db = annex_database_open (tmp_path, ANNEX_DATABASE_OPEN_DEFAULT, error);
  if (db == NULL)
    goto failed;

  organization = annex_database_dup_organization (db);
  annex_database_close (db);
  remove_migration_backups (tmp_path);

  if (organization == NULL || g_strstrip (organization)[0] == '\0')
    {
      g_autofree char *basename = g_path_get_basename (source_path);

      g_free (organization);
      if (g_str_has_suffix (basename, WORKSPACE_SUFFIX))
        basename[strlen (basename) - strlen (WORKSPACE_SUFFIX)] = '\0';
      organization = g_filename_display_name (basename);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto failed;

  final_path = move_to_unique_path (directory, tmp_path, organization, error);
  if (final_path == NULL)
    goto failed;

  return final_path;

failed:
  remove_database_files (tmp_path, NULL);
  remove_migration_backups (tmp_path);
  return NULL;
}

/* Writes a consistent copy of @source_path into @directory, named "<organization> (copy)"
 * (@fallback_name when the workspace has no organization). Returns the new path; on failure (or
 * when cancelled) no copy is left behind. */
static char *
duplicate_file (const char    *directory,
                const char    *source_path,
                const char    *fallback_name,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(AnnexDatabase) source = NULL;
  g_autoptr(AnnexDatabase) copy = NULL;
  g_autofree char *organization = NULL;
  g_autofree char *copy_name = NULL;
  g_autofree char *tmp_path = NULL;
  char *final_path;
  gboolean ok;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (!ensure_directory (directory, error))
    return NULL;

  source = annex_database_open (source_path, ANNEX_DATABASE_OPEN_DEFAULT, error);
  if (source == NULL)
    return NULL;

  organization = annex_database_dup_organization (source);
  if (organization == NULL || organization[0] == '\0')
    {
      g_free (organization);
      organization = g_strdup (fallback_name);
    }

  /* Translators: the organization name of a duplicated workspace; %s is the original name. */
  copy_name = g_strdup_printf (_("%s (copy)"), organization);

  tmp_path = make_temporary_file (directory, "duplicate", error);
  if (tmp_path == NULL)
    return NULL;

  ok = annex_database_backup (source, tmp_path, error);
  annex_database_close (source);
  if (!ok || g_cancellable_set_error_if_cancelled (cancellable, error))
    goto failed;

  copy = annex_database_open (tmp_path, ANNEX_DATABASE_OPEN_DEFAULT, error);
  ok = copy != NULL && annex_database_set_setting (copy, "organization", copy_name, error);
  if (copy != NULL)
    annex_database_close (copy);
  if (!ok || g_cancellable_set_error_if_cancelled (cancellable, error))
    goto failed;

  final_path = move_to_unique_path (directory, tmp_path, copy_name, error);
  if (final_path == NULL)
    goto failed;

  return final_path;

failed:
  remove_database_files (tmp_path, NULL);
  return NULL;
}

/* One operation: its inputs, copied so that a worker never reads the list or its items, and
 * its results, handed to the main thread when it is done. */
typedef enum
{
  OPERATION_EXPORT,
  OPERATION_IMPORT,
  OPERATION_DUPLICATE,
  OPERATION_OPEN,
  OPERATION_RENAME,
} OperationKind;

typedef struct
{
  OperationKind   kind;
  char           *directory;
  char           *source_path;
  char           *dest_path;       /* export */
  char           *fallback_name;   /* duplicate: the item's name */
  char           *organization;    /* rename: the new name, checked and stripped */

  AnnexWorkspace *workspace;       /* import, duplicate: the new file's item */
  AnnexDatabase  *database;        /* open */
} Operation;

static Operation *
operation_new (AnnexWorkspaceList *self,
               OperationKind       kind,
               const char         *source_path)
{
  Operation *op = g_new0 (Operation, 1);

  op->kind = kind;
  op->directory = g_strdup (self->directory);
  op->source_path = g_strdup (source_path);

  return op;
}

static void
operation_free (Operation *op)
{
  g_clear_pointer (&op->directory, g_free);
  g_clear_pointer (&op->source_path, g_free);
  g_clear_pointer (&op->dest_path, g_free);
  g_clear_pointer (&op->fallback_name, g_free);
  g_clear_pointer (&op->organization, g_free);
  g_clear_object (&op->workspace);
  /* Only a database that was never handed over: closed on the thread that opened it or the one
   * the result came back to, never on both. */
  g_clear_object (&op->database);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Operation, operation_free)

/* A rename of @workspace to @organization, or NULL (and @error set) when the name is blank. */
static Operation *
operation_new_rename (AnnexWorkspaceList  *self,
                      AnnexWorkspace      *workspace,
                      const char          *organization,
                      GError             **error)
{
  g_autofree char *name = dup_checked_organization (organization, error);
  Operation *op;

  if (name == NULL)
    return NULL;

  op = operation_new (self, OPERATION_RENAME, annex_workspace_get_path (workspace));
  op->organization = g_steal_pointer (&name);
  return op;
}

/* Stores the new organization name in the workspace at @path, through a connection of its
 * own. */
static gboolean
rename_file (const char    *path,
             const char    *organization,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(AnnexDatabase) db = NULL;
  gboolean ok;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, error);
  if (db == NULL)
    return FALSE;

  ok = annex_database_set_setting (db, "organization", organization, error);
  annex_database_close (db);
  return ok;
}

/* After a rename's file work, on the main thread: the item (if still listed: a refresh may
 * have dropped it meanwhile) takes the new name and moves to its sorted place. */
static void
finish_rename (AnnexWorkspaceList *self,
               Operation          *op)
{
  AnnexWorkspace *workspace = annex_workspace_list_find_by_path (self, op->source_path);

  if (workspace == NULL)
    return;

  _annex_workspace_set_name (workspace, op->organization);
  _annex_workspace_update_modified (workspace);
  resort_item (self, workspace);
}

/* Does @op's file and SQLite work. The same function for the synchronous calls (on the
 * caller's thread) and the asynchronous ones (on a worker). */
static gboolean
run_operation (Operation     *op,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *new_path = NULL;

  switch (op->kind)
    {
    case OPERATION_EXPORT:
      return export_file (op->source_path, op->dest_path, cancellable, error);

    case OPERATION_IMPORT:
      new_path = import_file (op->directory, op->source_path, cancellable, error);
      break;

    case OPERATION_DUPLICATE:
      new_path = duplicate_file (op->directory, op->source_path, op->fallback_name, cancellable,
                                 error);
      break;

    case OPERATION_OPEN:
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      op->database = annex_database_open (op->source_path, ANNEX_DATABASE_OPEN_DEFAULT, error);
      return op->database != NULL;

    case OPERATION_RENAME:
      return rename_file (op->source_path, op->organization, cancellable, error);

    default:
      g_assert_not_reached ();
    }

  if (new_path == NULL)
    return FALSE;

  /* Reading the new file's name (it opens the file) is disk work too: done here as well. */
  op->workspace = annex_workspace_new_for_path (new_path);
  return TRUE;
}

static void
operation_thread_func (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  Operation *op = task_data;
  GError *error = NULL;

  if (run_operation (op, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* On the caller's main context once the worker is done: the list changes here, never on the
 * worker; then the caller's task completes. */
static void
on_operation_done_cb (GObject      *source_object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AnnexWorkspaceList *self = g_task_get_source_object (task);
  Operation *op = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  switch (op->kind)
    {
    case OPERATION_EXPORT:
      g_task_return_boolean (task, TRUE);
      break;

    case OPERATION_IMPORT:
    case OPERATION_DUPLICATE:
      {
        g_autoptr(AnnexWorkspace) workspace = g_steal_pointer (&op->workspace);

        g_task_return_pointer (task, g_object_ref (add_workspace (self, workspace)),
                               g_object_unref);
      }
      break;

    case OPERATION_OPEN:
      g_task_return_pointer (task, g_steal_pointer (&op->database), g_object_unref);
      break;

    case OPERATION_RENAME:
      finish_rename (self, op);
      g_task_return_boolean (task, TRUE);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Runs @op (taken over) on a worker and completes a task of @self tagged @source_tag. */
static void
start_operation (AnnexWorkspaceList  *self,
                 Operation           *op,
                 gpointer             source_tag,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) thread_task = NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  /* A file operation reports what happened on disk: CANCELLED only when it stopped and cleaned
   * up, success when the new file is in place (and listed) even if cancelled meanwhile. An
   * open cancelled meanwhile just drops the connection. */
  g_task_set_check_cancellable (task, op->kind == OPERATION_OPEN);

  /* Without a source object: the worker may drop the last reference to this task, and must
   * never drop the last one to the list. */
  thread_task = g_task_new (NULL, cancellable, on_operation_done_cb, g_steal_pointer (&task));
  g_task_set_source_tag (thread_task, operation_thread_func);
  g_task_set_check_cancellable (thread_task, FALSE);
  g_task_set_task_data (thread_task, op, (GDestroyNotify) operation_free);
  g_task_run_in_thread (thread_task, operation_thread_func);
}

/**
 * annex_workspace_list_rename:
 * @self: a workspace list
 * @workspace: an item of @self
 * @organization: the new organization name (not only blanks)
 * @error: return location for an error
 *
 * Stores the new organization name in the workspace (recorded in its change history), updates
 * the item's "name" and moves it to its sorted place. The file name stays.
 *
 * Returns: %TRUE on success
 */
gboolean
annex_workspace_list_rename (AnnexWorkspaceList  *self,
                             AnnexWorkspace      *workspace,
                             const char          *organization,
                             GError             **error)
{
  g_autoptr(Operation) op = NULL;

  g_return_val_if_fail (ANNEX_IS_WORKSPACE_LIST (self), FALSE);
  g_return_val_if_fail (ANNEX_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (find_position (self, workspace) != G_MAXUINT, FALSE);
  g_return_val_if_fail (organization != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  op = operation_new_rename (self, workspace, organization, error);
  if (op == NULL || !run_operation (op, NULL, error))
    return FALSE;

  finish_rename (self, op);
  return TRUE;
}

/**
 * annex_workspace_list_rename_async:
 * @self: a workspace list
 * @workspace: an item of @self
 * @organization: the new organization name (not only blanks)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the caller's main context when done
 * @user_data: data for @callback
 *
 * Does annex_workspace_list_rename() on a worker thread (the file work only); the item's name
 * changes and it moves to its sorted place (one items-changed, on the caller's main context)
 * before @callback runs. A blank name fails with %ANNEX_STORE_ERROR_INVALID.
 */
void
annex_workspace_list_rename_async (AnnexWorkspaceList  *self,
                                   AnnexWorkspace      *workspace,
                                   const char          *organization,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GError *error = NULL;
  Operation *op;

  g_return_if_fail (ANNEX_IS_WORKSPACE_LIST (self));
  g_return_if_fail (ANNEX_IS_WORKSPACE (workspace));
  g_return_if_fail (find_position (self, workspace) != G_MAXUINT);
  g_return_if_fail (organization != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  op = operation_new_rename (self, workspace, organization, &error);
  if (op == NULL)
    {
      g_task_report_error (self, callback, user_data, annex_workspace_list_rename_async, error);
      return;
    }

  start_operation (self, op, annex_workspace_list_rename_async, cancellable, callback,
                   user_data);
}

/**
 * annex_workspace_list_rename_finish:
 * @self: a workspace list
 * @result: the result passed to the callback
 * @error: return location for an error: the store's, or %G_IO_ERROR_CANCELLED when cancelled
 *   before the name was stored (nothing changed then)
 *
 * Returns: %TRUE when the new name was stored
 */
gboolean
annex_workspace_list_rename_finish (AnnexWorkspaceList  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  g_return_val_if_fail (ANNEX_IS_WORKSPACE_LIST (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        annex_workspace_list_rename_async, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * annex_workspace_list_duplicate:
 * @self: a workspace list
 * @workspace: an item of @self
 * @error: return location for an error
 *
 * Writes a consistent copy (SQLite backup) into the folder and names its organization
 * "<name> (copy)". The copy is built under a hidden temporary name and appears under its own
 * name only when complete; on failure no copy is left behind.
 *
 * Returns: (transfer none): the new item
 */
AnnexWorkspace *
annex_workspace_list_duplicate (AnnexWorkspaceList  *self,
                                AnnexWorkspace      *workspace,
                                GError             **error)
{
  g_autoptr(Operation) op = NULL;

  g_return_val_if_fail (ANNEX_IS_WORKSPACE_LIST (self), NULL);
  g_return_val_if_fail (ANNEX_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (find_position (self, workspace) != G_MAXUINT, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  op = operation_new (self, OPERATION_DUPLICATE, annex_workspace_get_path (workspace));
  op->fallback_name = g_strdup (annex_workspace_get_name (workspace));
  if (!run_operation (op, NULL, error))
    return NULL;

  return add_workspace (self, op->workspace);
}

/**
 * annex_workspace_list_duplicate_async:
 * @self: a workspace list
 * @workspace: an item of @self
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the caller's main context when done
 * @user_data: data for @callback
 *
 * Does annex_workspace_list_duplicate() on a worker thread; the new item is added (one
 * items-changed, on the caller's main context) before @callback runs.
 */
void
annex_workspace_list_duplicate_async (AnnexWorkspaceList  *self,
                                      AnnexWorkspace      *workspace,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  Operation *op;

  g_return_if_fail (ANNEX_IS_WORKSPACE_LIST (self));
  g_return_if_fail (ANNEX_IS_WORKSPACE (workspace));
  g_return_if_fail (find_position (self, workspace) != G_MAXUINT);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  op = operation_new (self, OPERATION_DUPLICATE, annex_workspace_get_path (workspace));
  op->fallback_name = g_strdup (annex_workspace_get_name (workspace));
  start_operation (self, op, annex_workspace_list_duplicate_async, cancellable, callback,
                   user_data);
}

/**
 * annex_workspace_list_duplicate_finish:
 * @self: a workspace list
 * @result: the result passed to the callback
 * @error: return location for an error: the store's, or %G_IO_ERROR_CANCELLED when cancelled
 *   before the copy was in place (nothing is left behind then)
 *
 * Returns: (transfer full): the new item
 */
AnnexWorkspace *
annex_workspace_list_duplicate_finish (AnnexWorkspaceList  *self,
                                       GAsyncResult        *result,
                                       GError             **error)
{
  g_return_val_if_fail (ANNEX_IS_WORKSPACE_LIST (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        annex_workspace_list_duplicate_async, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * annex_workspace_list_export:
 * @self: a workspace list
 * @workspace: a workspace (an item of @self or not: only its path is read)
 * @dest_path: the file to write (replaced when it exists)
 * @error: return location for an error
 *
 * Writes a consistent, self-contained copy (SQLite backup, rollback-journal mode) to @dest_path,
 * through a temporary file, so @dest_path is never half-written. The workspace is read through
 * a connection of its own, so it may be open elsewhere meanwhile.
 *
 * Returns: %TRUE on success
 */
gboolean
annex_workspace_list_export (AnnexWorkspaceList  *self,
                             AnnexWorkspace      *workspace,
                             const char          *dest_path,
                             GError             **error)
{
  g_autoptr(Operation) op = NULL;

  g_return_val_if_fail (ANNEX_IS_WORKSPACE_LIST (self), FALSE);
  g_return_val_if_fail (ANNEX_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  op = operation_new (self, OPERATION_EXPORT, annex_workspace_get_path (workspace));
  op->dest_path = g_strdup (dest_path);

  return run_operation (op, NULL, error);
}

/**
 * annex_workspace_list_export_async:
 * @self: a workspace list
 * @workspace: a workspace (an item of @self or not: only its path is read)
 * @dest_path: the file to write (replaced when it exists)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the caller's main context when done
 * @user_data: data for @callback
 *
 * Does annex_workspace_list_export() on a worker thread.
 */
void
annex_workspace_list_export_async (AnnexWorkspaceList  *self,
                                   AnnexWorkspace      *workspace,
                                   const char          *dest_path,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  Operation *op;

  g_return_if_fail (ANNEX_IS_WORKSPACE_LIST (self));
  g_return_if_fail (ANNEX_IS_WORKSPACE (workspace));
  g_return_if_fail (dest_path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  op = operation_new (self, OPERATION_EXPORT, annex_workspace_get_path (workspace));
  op->dest_path = g_strdup (dest_path);
  start_operation (self, op, annex_workspace_list_export_async, cancellable, callback,
                   user_data);
}

/**
 * annex_workspace_list_export_finish:
 * @self: a workspace list
 * @result: the result passed to the callback
 * @error: return location for an error: the store's, or %G_IO_ERROR_CANCELLED when cancelled
 *   before the copy was written (@dest_path is then unchanged)
 *
 * Returns: %TRUE when the copy was written
 */
gboolean
annex_workspace_list_export_finish (AnnexWorkspaceList  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  g_return_val_if_fail (ANNEX_IS_WORKSPACE_LIST (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        annex_workspace_list_export_async, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * annex_workspace_list_import:
 * @self: a workspace list
 * @source_path: a workspace file, e.g. one written by annex_workspace_list_export()
 * @error: return location for an error (the store's codes from annex_database_validate_file())
 *
 * Validates @source_path without modifying it (the source is never opened for writing), copies
 * it into the folder under a temporary name, opens the copy (migrating it when it comes from an
 * older Annex), reads its organization and moves it to a file name derived from that. On any
 * failure the partial copy is removed.
 *
 * Returns: (transfer none): the new item
 */
AnnexWorkspace *
annex_workspace_list_import (AnnexWorkspaceList  *self,
                             const char          *source_path,
                             GError             **error)
{
  g_autoptr(Operation) op = NULL;

  g_return_val_if_fail (ANNEX_IS_WORKSPACE_LIST (self), NULL);
  g_return_val_if_fail (source_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  op = operation_new (self, OPERATION_IMPORT, source_path);
  if (!run_operation (op, NULL, error))
    return NULL;

  return add_workspace (self, op->workspace);
}

/**
 * annex_workspace_list_import_async:
 * @self: a workspace list
 * @source_path: a workspace file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the caller's main context when done
 * @user_data: data for @callback
 *
 * Does annex_workspace_list_import() on a worker thread; the new item is added (one
 * items-changed, on the caller's main context) before @callback runs.
 */
void
annex_workspace_list_import_async (AnnexWorkspaceList  *self,
                                   const char          *source_path,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (ANNEX_IS_WORKSPACE_LIST (self));
  g_return_if_fail (source_path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_operation (self, operation_new (self, OPERATION_IMPORT, source_path),
                   annex_workspace_list_import_async, cancellable, callback, user_data);
}

/**
 * annex_workspace_list_import_finish:
 * @self: a workspace list
 * @result: the result passed to the callback
 * @error: return location for an error: the store's (as annex_workspace_list_import()), or
 *   %G_IO_ERROR_CANCELLED when cancelled before the copy was in place (nothing is left behind
 *   then)
 *
 * Returns: (transfer full): the new item
 */
AnnexWorkspace *
annex_workspace_list_import_finish (AnnexWorkspaceList  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  g_return_val_if_fail (ANNEX_IS_WORKSPACE_LIST (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        annex_workspace_list_import_async, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * annex_workspace_list_open_async:
 * @self: a workspace list
 * @path: a workspace file (in the folder or not)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the caller's main context when done
 * @user_data: data for @callback
 *
 * Opens the workspace at @path for writing with annex_database_open() (validation, integrity
 * check, migration) on a worker thread. The connection is handed to the caller's thread and
 * must be used only there.
 */
void
annex_workspace_list_open_async (AnnexWorkspaceList  *self,
                                 const char          *path,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (ANNEX_IS_WORKSPACE_LIST (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_operation (self, operation_new (self, OPERATION_OPEN, path),
                   annex_workspace_list_open_async, cancellable, callback, user_data);
}

/**
 * annex_workspace_list_open_finish:
 * @self: a workspace list
 * @result: the result passed to the callback
 * @error: return location for an error: the store's (as annex_database_open()), or
 *   %G_IO_ERROR_CANCELLED when cancelled (the connection is then closed)
 *
 * Returns: (transfer full): the open workspace, for use on this thread
 */
AnnexDatabase *
annex_workspace_list_open_finish (AnnexWorkspaceList  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  g_return_val_if_fail (ANNEX_IS_WORKSPACE_LIST (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        annex_workspace_list_open_async, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
