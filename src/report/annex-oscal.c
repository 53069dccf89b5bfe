/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-oscal.c: NIST OSCAL catalogs imported as control catalogues of the workspace, and the
 * Statement of Applicability exported as an OSCAL component-definition.
 *
 * Ids: an imported control keeps its OSCAL id as its reference ("ac-2", "ac-2.1", "s1.1.1").
 * References are unique across the controls table, so an id already used by Annex A ("5.1"), an
 * organization-specific control or another catalogue refuses the whole import with a message
 * naming the id; ids are never rewritten, so a catalogue's ids stay the ones its readers know.
 * OSCAL ids cannot clash with Annex A's in practice (NIST ids start with a letter). A catalogue
 * is the same as an imported one when its document uuid or its title is the same: the import
 * then updates titles and descriptions and adds new controls, keeping every decision; controls
 * that left the catalogue stay (they may carry decisions and links).
 * In the export, an Annex A control's id is written in OSCAL style as "a.5.1" (lower case, like
 * NIST's ids; "a." for Annex A); other controls keep their references. */

#define G_LOG_DOMAIN "annex-oscal"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "annex-control-catalogue.h"
#include "annex-control.h"
#include "annex-oscal.h"
#include "annex-register-private.h"
#include "annex-register.h"
#include "annex-store-error.h"

#define MAX_DOCUMENT_SIZE  (64 * 1024 * 1024)
#define MAX_STRING_LENGTH  (64 * 1024)
#define MAX_CONTROLS       20000
#define MAX_NESTING        32
/* The raw JSON nesting json-glib is allowed to see (its parser recurses): real catalogs stay
 * below 20; the OSCAL structure is limited to MAX_NESTING levels separately. */
#define MAX_JSON_DEPTH     128
#define MAX_REFERENCE      20

#define OSCAL_VERSION      "1.0.6"
#define ANNEX_NS           "https://github.com/annex-isms/annex/ns/oscal"
#define ANNEX_A_SOURCE     "https://www.iso.org/standard/27001"

typedef struct
{
  char      *id;
  char      *title;
  char      *description;
  JsonArray *parts;  /* borrowed from the document; rendered once every parameter is known */
} ParsedControl;

typedef struct
{
  GPtrArray  *controls;  /* ParsedControl * */
  GHashTable *ids;       /* control ids seen */
  GHashTable *params;    /* param id → JsonObject (borrowed from the document) */
} Parsed;

/* Auxiliary functions */

static void
parsed_control_free (ParsedControl *control)
{
  g_free (control->id);
  g_free (control->title);
  g_free (control->description);
  g_free (control);
}

static gboolean
refuse (GError     **error,
        const char  *format,
        ...) G_GNUC_PRINTF (2, 3);

static gboolean
refuse (GError     **error,
        const char  *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
               _("This is not a catalog Annex can import: %s"), message);
  return FALSE;
}

/* Before json-glib sees the text: its size, its nesting and the length of every string, so that
 * a hostile document cannot exhaust the stack or the memory of the parser. */
static gboolean
prescan (const char  *data,
         gsize        len,
         GError     **error)
{
  guint depth = 0;
  gboolean in_string = FALSE;
  gsize string_start = 0;

  if (len > MAX_DOCUMENT_SIZE)
    return refuse (error, _("the file is larger than %u MiB"), MAX_DOCUMENT_SIZE / 1024 / 1024);

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            {
              in_string = FALSE;
              if (i - string_start > MAX_STRING_LENGTH)
                return refuse (error, _("a text is longer than %u KiB"),
                               MAX_STRING_LENGTH / 1024);
            }
          continue;
        }

      if (c == '"')
        {
          in_string = TRUE;
          string_start = i;
        }
      else if (c == '{' || c == '[')
        {
          if (++depth > MAX_JSON_DEPTH)
            return refuse (error, _("it is nested deeper than %u levels"), MAX_JSON_DEPTH);
        }
      else if ((c == '}' || c == ']') && depth > 0)
        {
          depth--;
        }
    }

  if (in_string && len - string_start > MAX_STRING_LENGTH)
    return refuse (error, _("a text is longer than %u KiB"), MAX_STRING_LENGTH / 1024);

  return TRUE;
}

/* The member @name of @object as a string: NULL when absent (set *ok FALSE with an error when
 * present but not a string). */
static const char *
get_string_member (JsonObject  *object,
                   const char  *name,
                   const char  *what,
                   gboolean    *ok,
                   GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !*ok)
    return NULL;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      *ok = refuse (error, _("“%s” of %s is not a text"), name, what);
      return NULL;
    }

  return json_node_get_string (node);
}

/* The member @name of @object as an array of objects: NULL when absent. */
static JsonArray *
get_array_member (JsonObject  *object,
                  const char  *name,
                  const char  *what,
                  gboolean    *ok,
                  GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  JsonArray *array;

  if (node == NULL || !*ok)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      *ok = refuse (error, _("“%s” of %s is not a list"), name, what);
      return NULL;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i)))
        {
          *ok = refuse (error, _("an entry of “%s” of %s is not an object"), name, what);
          return NULL;
        }
    }

  return array;
}

static gboolean
collect_params (Parsed      *parsed,
                JsonObject  *owner,
                const char  *what,
                GError     **error)
{
  gboolean ok = TRUE;
  JsonArray *params = get_array_member (owner, "params", what, &ok, error);

  for (guint i = 0; ok && params != NULL && i < json_array_get_length (params); i++)
    {
      JsonObject *param = json_array_get_object_element (params, i);
      const char *id = get_string_member (param, "id", _("a parameter"), &ok, error);

      if (!ok)
        return FALSE;
      if (id == NULL || id[0] == '\0')
        return refuse (error, _("a parameter of %s has no id"), what);
      g_hash_table_replace (parsed->params, (gpointer) id, param);
    }

  return ok;
}

static void append_substituted (Parsed     *parsed,
                                GString    *out,
                                const char *prose,
                                guint       depth);

/* What stands for a parameter in prose: "[Assignment: its label]", "[Selection (one or more):
 * a; b]", or "[Assignment: its id]" when it says nothing more. */
static void
append_param (Parsed     *parsed,
              GString    *out,
              const char *id,
              guint       depth)
{
  JsonObject *param = g_hash_table_lookup (parsed->params, id);
  JsonNode *node;

  if (param != NULL && (node = json_object_get_member (param, "select")) != NULL &&
      JSON_NODE_HOLDS_OBJECT (node) && depth < 2)
    {
      JsonObject *select = json_node_get_object (node);
      JsonNode *how_many = json_object_get_member (select, "how-many");
      JsonNode *choices = json_object_get_member (select, "choice");

      if (how_many != NULL && JSON_NODE_HOLDS_VALUE (how_many) &&
          g_strcmp0 (json_node_get_string (how_many), "one-or-more") == 0)
        g_string_append (out, _("[Selection (one or more): "));
      else
        g_string_append (out, _("[Selection: "));

      if (choices != NULL && JSON_NODE_HOLDS_ARRAY (choices))
        {
          JsonArray *array = json_node_get_array (choices);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *choice = json_array_get_element (array, i);

              if (i > 0)
                g_string_append (out, "; ");
              if (JSON_NODE_HOLDS_VALUE (choice) &&
                  json_node_get_value_type (choice) == G_TYPE_STRING)
                append_substituted (parsed, out, json_node_get_string (choice), depth + 1);
            }
        }
      g_string_append_c (out, ']');
      return;
    }

  if (param != NULL && (node = json_object_get_member (param, "label")) != NULL &&
      JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_string_append_printf (out, _("[Assignment: %s]"), json_node_get_string (node));
      return;
    }

  g_string_append_printf (out, _("[Assignment: %s]"), id);
}

/* @prose with every "{{ insert: param, ID }}" replaced (append_param()). */
static void
append_substituted (Parsed     *parsed,
                    GString    *out,
                    const char *prose,
                    guint       depth)
{
  const char *p = prose;

  while (*p != '\0')
    {
      const char *open = strstr (p, "{{");
      const char *close;
      g_autofree char *inner = NULL;
      g_auto(GStrv) words = NULL;

      if (open == NULL || (close = strstr (open + 2, "}}")) == NULL)
        {
          g_string_append (out, p);
          return;
        }

      g_string_append_len (out, p, open - p);
      inner = g_strstrip (g_strndup (open + 2, (gsize) (close - open - 2)));
      words = g_strsplit (inner, ",", 2);
      if (g_str_has_prefix (inner, "insert:") && words[0] != NULL && words[1] != NULL &&
          strstr (words[0], "param") != NULL)
        append_param (parsed, out, g_strstrip (words[1]), depth);
      else
        g_string_append_len (out, open, close + 2 - open);
      p = close + 2;
    }
}

/* A part with its nested parts, as plain text: "a. prose" lines indented by depth. */
static gboolean
append_part (Parsed      *parsed,
             GString     *out,
             JsonObject  *part,
             guint        depth,
             GError     **error)
{
  gboolean ok = TRUE;
  const char *name = get_string_member (part, "name", _("a part"), &ok, error);
  const char *prose = get_string_member (part, "prose", _("a part"), &ok, error);
  const char *label = NULL;
  JsonArray *props;
  JsonArray *parts;

  if (!ok)
    return FALSE;
  if (name == NULL)
    return refuse (error, _("a part has no name"));
  if (depth > MAX_NESTING)
    return refuse (error, _("it is nested deeper than %u levels"), MAX_NESTING);

  props = get_array_member (part, "props", _("a part"), &ok, error);
  for (guint i = 0; ok && props != NULL && i < json_array_get_length (props); i++)
    {
      JsonObject *prop = json_array_get_object_element (props, i);
      const char *prop_name = get_string_member (prop, "name", _("a property"), &ok, error);
      const char *value = get_string_member (prop, "value", _("a property"), &ok, error);

      if (g_strcmp0 (prop_name, "label") == 0)
        label = value;
    }
  parts = get_array_member (part, "parts", _("a part"), &ok, error);
  if (!ok)
    return FALSE;

  if (prose != NULL || label != NULL)
    {
      if (out->len > 0)
        g_string_append_c (out, '\n');
      for (guint i = 1; i < depth; i++)
        g_string_append (out, "  ");
      if (label != NULL)
        g_string_append_printf (out, "%s ", label);
      if (prose != NULL)
        append_substituted (parsed, out, prose, 0);
    }

  for (guint i = 0; parts != NULL && i < json_array_get_length (parts); i++)
    {
      if (!append_part (parsed, out, json_array_get_object_element (parts, i), depth + 1, error))
        return FALSE;
    }

  return TRUE;
}

/* The statement, then the guidance, of a control (any other top-level parts when it has
 * neither). */
static gboolean
build_description (Parsed      *parsed,
                   JsonArray   *parts,
                   char       **out_description,
                   GError     **error)
{
  static const char * const wanted[] = { "statement", "guidance" };
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_parts = parts != NULL ? json_array_get_length (parts) : 0;
  gboolean found = FALSE;

  for (guint w = 0; w < G_N_ELEMENTS (wanted); w++)
    {
      for (guint i = 0; i < n_parts; i++)
        {
          JsonObject *part = json_array_get_object_element (parts, i);
          JsonNode *name = json_object_get_member (part, "name");
          g_autoptr(GString) section = g_string_new (NULL);

          if (name == NULL || !JSON_NODE_HOLDS_VALUE (name) ||
              g_strcmp0 (json_node_get_string (name), wanted[w]) != 0)
            continue;

          if (!append_part (parsed, section, part, 1, error))
            return FALSE;
          found = TRUE;
          if (section->len == 0)
            continue;
          if (text->len > 0)
            g_string_append (text, "\n\n");
          if (w == 1)
            g_string_append_printf (text, "%s\n", _("Guidance:"));
          g_string_append (text, section->str);
        }
    }

  for (guint i = 0; !found && i < n_parts; i++)
    {
      if (!append_part (parsed, text, json_array_get_object_element (parts, i), 1, error))
        return FALSE;
    }

  *out_description = text->len > 0 ? g_strdup (text->str) : NULL;
  return TRUE;
}

static gboolean walk_container (Parsed      *parsed,
                                JsonObject  *container,
                                const char  *what,
                                guint        depth,
                                GError     **error);

static gboolean
parse_control (Parsed      *parsed,
               JsonObject  *object,
               guint        depth,
               GError     **error)
{
  gboolean ok = TRUE;
  const char *id = get_string_member (object, "id", _("a control"), &ok, error);
  const char *title;
  g_autofree char *what = NULL;
  ParsedControl *control;
  JsonArray *parts;

  if (!ok)
    return FALSE;
  if (id == NULL || id[0] == '\0')
    return refuse (error, _("a control has no id"));

  what = g_strdup_printf (_("control “%s”"), id);
  title = get_string_member (object, "title", what, &ok, error);
  if (!ok)
    return FALSE;
  if (title == NULL || annex_field_text_is_blank (title))
    return refuse (error, _("control “%s” has no title"), id);

  if (strlen (id) > MAX_REFERENCE || strpbrk (id, " \t\r\n") != NULL)
    return refuse (error, _("the id “%s” is longer than %u characters or holds spaces"),
                   id, MAX_REFERENCE);
  if (!g_hash_table_add (parsed->ids, (gpointer) id))
    return refuse (error, _("the id “%s” is used twice"), id);
  if (parsed->controls->len >= MAX_CONTROLS)
    return refuse (error, _("it has more than %u controls"), MAX_CONTROLS);

  parts = get_array_member (object, "parts", what, &ok, error);
  if (!ok)
    return FALSE;

  control = g_new0 (ParsedControl, 1);
  control->id = g_strdup (id);
  control->title = g_strstrip (g_strdup (title));
  g_ptr_array_add (parsed->controls, control);

  control->parts = parts;

  /* Control enhancements. */
  return walk_container (parsed, object, what, depth + 1, error);
}

static gboolean
walk_container (Parsed      *parsed,
                JsonObject  *container,
                const char  *what,
                guint        depth,
                GError     **error)
{
  gboolean ok = TRUE;
  JsonArray *groups;
  JsonArray *controls;

  if (depth > MAX_NESTING)
    return refuse (error, _("it is nested deeper than %u levels"), MAX_NESTING);

  if (!collect_params (parsed, container, what, error))
    return FALSE;

  groups = get_array_member (container, "groups", what, &ok, error);
  controls = get_array_member (container, "controls", what, &ok, error);
  if (!ok)
    return FALSE;

  for (guint i = 0; groups != NULL && i < json_array_get_length (groups); i++)
    {
      JsonObject *group = json_array_get_object_element (groups, i);
      const char *id = get_string_member (group, "id", _("a group"), &ok, error);
      const char *title = get_string_member (group, "title", _("a group"), &ok, error);
      g_autofree char *group_what = NULL;

      if (!ok)
        return FALSE;
      if (title == NULL || annex_field_text_is_blank (title))
        return refuse (error, _("group “%s” has no title"), id != NULL ? id : "");

      group_what = g_strdup_printf (_("group “%s”"), title);
      if (!walk_container (parsed, group, group_what, depth + 1, error))
        return FALSE;
    }

  for (guint i = 0; controls != NULL && i < json_array_get_length (controls); i++)
    {
      if (!parse_control (parsed, json_array_get_object_element (controls, i), depth + 1, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
render_descriptions (Parsed  *parsed,
                     GError **error)
{
  for (guint i = 0; i < parsed->controls->len; i++)
    {
      ParsedControl *control = g_ptr_array_index (parsed->controls, i);

      if (!build_description (parsed, control->parts, &control->description, error))
        return FALSE;
    }

  return TRUE;
}

/* ---- Storing ----------------------------------------------------------------------------- */

/* The catalogue record for @title / @uuid: the imported one with the same source or title
 * (updated), else a new one (added). */
static AnnexRecord *
store_catalogue (AnnexDatabase  *db,
                 const char     *title,
                 const char     *version,
                 const char     *uuid,
                 GError        **error)
{
  g_autoptr(AnnexRegister) catalogues = annex_register_new (db, ANNEX_TYPE_CONTROL_CATALOGUE);
  g_autofree char *today = annex_field_dup_today ();
  AnnexRecord *found = NULL;
  guint n;

  if (!annex_register_load (catalogues, error))
    return NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (catalogues));
  for (guint i = 0; i < n && found == NULL; i++)
    {
      g_autoptr(AnnexRecord) record = g_list_model_get_item (G_LIST_MODEL (catalogues), i);

      if ((uuid != NULL && g_strcmp0 (annex_record_get_string (record, "source"), uuid) == 0) ||
          g_strcmp0 (annex_record_get_string (record, "title"), title) == 0)
        found = record;
    }

  if (found != NULL)
    {
      AnnexRecord *record = g_object_ref (found);

      annex_record_set_string (record, "title", title);
      annex_record_set_string (record, "version", version);
      annex_record_set_string (record, "source", uuid);
      annex_record_set_string (record, "imported", today);
      if (!annex_register_save (catalogues, record, error))
        {
          g_object_unref (record);
          return NULL;
        }
      return record;
    }
  else
    {
      g_autoptr(AnnexRecord) record = ANNEX_RECORD (annex_control_catalogue_new ());

      annex_record_set_string (record, "title", title);
      annex_record_set_string (record, "version", version);
      annex_record_set_string (record, "source", uuid);
      annex_record_set_string (record, "imported", today);
      if (!annex_register_add (catalogues, record, error))
        return NULL;
      return g_steal_pointer (&record);
    }
}

static gboolean
store_controls (AnnexDatabase  *db,
                gint64          catalogue_id,
                const char     *catalogue_title,
                GPtrArray      *parsed_controls,
                GError        **error)
{
  g_autoptr(AnnexRegister) controls = annex_register_new (db, ANNEX_TYPE_CONTROL);
  g_autoptr(GHashTable) by_reference = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  guint n;

  if (!annex_register_load (controls, error))
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (controls));
  for (guint i = 0; i < n; i++)
    {
      AnnexRecord *record = g_list_model_get_item (G_LIST_MODEL (controls), i);

      g_hash_table_insert (by_reference, (gpointer) annex_record_get_reference (record), record);
      g_object_unref (record);  /* the register keeps it */
    }

  /* Every clash first, so that the message names the first one before anything is written. */
  for (guint i = 0; i < parsed_controls->len; i++)
    {
      ParsedControl *parsed = g_ptr_array_index (parsed_controls, i);
      AnnexRecord *existing = g_hash_table_lookup (by_reference, parsed->id);

      if (existing != NULL &&
          annex_control_get_catalogue_id (ANNEX_CONTROL (existing)) != catalogue_id)
        {
          g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                       _("The id “%s” of “%s” is already used by another control of the "
                         "workspace (%s); nothing was imported"),
                       parsed->id, catalogue_title,
                       annex_control_get_display_title (ANNEX_CONTROL (existing)));
          return FALSE;
        }
    }

  for (guint i = 0; i < parsed_controls->len; i++)
    {
      ParsedControl *parsed = g_ptr_array_index (parsed_controls, i);
      AnnexRecord *existing = g_hash_table_lookup (by_reference, parsed->id);

      if (existing != NULL)
        {
          if (g_strcmp0 (annex_record_get_string (existing, "title"), parsed->title) != 0 ||
              g_strcmp0 (annex_record_get_string (existing, "description"),
                         parsed->description) != 0)
            {
              annex_record_set_string (existing, "title", parsed->title);
              annex_record_set_string (existing, "description", parsed->description);
              g_ptr_array_add (changed, existing);
            }
        }
      else
        {
          g_autoptr(AnnexControl) control = annex_control_new ();

          annex_record_set_reference (ANNEX_RECORD (control), parsed->id);
          annex_record_set_string (ANNEX_RECORD (control), "title", parsed->title);
          annex_record_set_string (ANNEX_RECORD (control), "description", parsed->description);
          annex_record_set_int (ANNEX_RECORD (control), "catalogue-id", catalogue_id);
          if (!_annex_register_add_privileged (controls, ANNEX_RECORD (control), error))
            {
              g_prefix_error (error, _("Control “%s”: "), parsed->id);
              return FALSE;
            }
        }
    }

  return changed->len == 0 || annex_register_save_many (controls, changed, error);
}

/**
 * annex_oscal_import_catalog:
 * @db: an open workspace
 * @json: the catalog document
 * @out_catalogue_title: (out) (optional): the catalogue's title
 * @n_controls: (out) (optional): the controls imported (added or updated)
 * @error: return location for an error
 *
 * Returns: %TRUE when the catalogue was imported; %FALSE with nothing written otherwise
 */
gboolean
annex_oscal_import_catalog (AnnexDatabase  *db,
                            GBytes         *json,
                            char          **out_catalogue_title,
                            guint          *n_controls,
                            GError        **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GPtrArray) controls = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_autoptr(AnnexRecord) catalogue = NULL;
  g_autofree char *title = NULL;
  JsonNode *root;
  JsonNode *catalog_node;
  JsonObject *catalog;
  JsonNode *metadata_node;
  JsonObject *metadata;
  const char *data;
  const char *title_text;
  const char *version;
  const char *uuid;
  gsize len = 0;
  gboolean ok = TRUE;
  Parsed parsed;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_catalogue_title != NULL)
    *out_catalogue_title = NULL;
  if (n_controls != NULL)
    *n_controls = 0;

  data = g_bytes_get_data (json, &len);
  if (data == NULL || len == 0)
    return refuse (error, _("the file is empty"));
  if (!prescan (data, len, error))
    return FALSE;
  if (!g_utf8_validate_len (data, len, NULL))
    return refuse (error, _("it is not UTF-8 text"));

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) len, &parse_error))
    return refuse (error, _("it is not JSON (%s)"), parse_error->message);

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return refuse (error, _("it is not an OSCAL document (a JSON object)"));

  catalog_node = json_object_get_member (json_node_get_object (root), "catalog");
  if (catalog_node == NULL)
    {
      if (json_object_has_member (json_node_get_object (root), "profile"))
        return refuse (error, _("it is an OSCAL profile; import its resolved catalog"));
      return refuse (error, _("it has no “catalog”"));
    }
  if (!JSON_NODE_HOLDS_OBJECT (catalog_node))
    return refuse (error, _("“catalog” is not an object"));
  catalog = json_node_get_object (catalog_node);

  metadata_node = json_object_get_member (catalog, "metadata");
  if (metadata_node == NULL || !JSON_NODE_HOLDS_OBJECT (metadata_node))
    return refuse (error, _("the catalog has no metadata"));
  metadata = json_node_get_object (metadata_node);

  title_text = get_string_member (metadata, "title", _("the metadata"), &ok, error);
  version = get_string_member (metadata, "version", _("the metadata"), &ok, error);
  uuid = get_string_member (catalog, "uuid", _("the catalog"), &ok, error);
  if (!ok)
    return FALSE;
  if (title_text == NULL || annex_field_text_is_blank (title_text))
    return refuse (error, _("the catalog has no title"));
  title = g_strstrip (g_strdup (title_text));

  controls = g_ptr_array_new_with_free_func ((GDestroyNotify) parsed_control_free);
  ids = g_hash_table_new (g_str_hash, g_str_equal);
  params = g_hash_table_new (g_str_hash, g_str_equal);
  parsed.controls = controls;
  parsed.ids = ids;
  parsed.params = params;

  if (!walk_container (&parsed, catalog, _("the catalog"), 0, error) ||
      !render_descriptions (&parsed, error))
    return FALSE;
  if (controls->len == 0)
    return refuse (error, _("it has no controls"));

  if (!annex_database_begin (db, error))
    return FALSE;

  catalogue = store_catalogue (db, title, version, uuid, error);
  if (catalogue == NULL ||
      !store_controls (db, annex_record_get_id (catalogue), title, controls, error))
    {
      annex_database_rollback (db);
      return FALSE;
    }

  if (!annex_database_commit (db, error))
    return FALSE;

  if (out_catalogue_title != NULL)
    *out_catalogue_title = g_steal_pointer (&title);
  if (n_controls != NULL)
    *n_controls = controls->len;
  return TRUE;
}

/* ---- Export ------------------------------------------------------------------------------ */

static void
add_prop (JsonBuilder *builder,
          const char  *name,
          const char  *value,
          const char  *remarks)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "ns");
  json_builder_add_string_value (builder, ANNEX_NS);
  json_builder_set_member_name (builder, "value");
  json_builder_add_string_value (builder, value);
  if (remarks != NULL && !annex_field_text_is_blank (remarks))
    {
      json_builder_set_member_name (builder, "remarks");
      json_builder_add_string_value (builder, remarks);
    }
  json_builder_end_object (builder);
}

/* The OSCAL control-id of @control: "a.5.1" for Annex A, else its reference lower-cased (OSCAL
 * ids are tokens; NIST writes them in lower case). */
static char *
dup_control_id (AnnexControl *control)
{
  const char *reference = annex_record_get_reference (ANNEX_RECORD (control));

  if (annex_control_is_annex_a (control))
    return g_strconcat ("a.", reference, NULL);
  return g_strdup (reference);
}

static char *
dup_requirement_description (AnnexControl *control)
{
  static const struct { const char *field; const char *label; } reasons[] = {
    { "reason-risk", N_("Risk treatment") },
    { "reason-legal", N_("Legal or regulatory") },
    { "reason-contractual", N_("Contractual") },
    { "reason-business", N_("Business requirement") },
    { "reason-best-practice", N_("Best practice") },
  };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) list = g_string_new (NULL);
  const char *notes;
  gboolean value;

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    {
      g_object_get (control, reasons[i].field, &value, NULL);
      if (value)
        g_string_append_printf (list, "%s%s", list->len > 0 ? ", " : "", _(reasons[i].label));
    }

  g_string_append_printf (text, _("%s: applicable."),
                          annex_control_get_display_title (control));
  if (list->len > 0)
    g_string_append_printf (text, " %s %s.", _("Reasons for inclusion:"), list->str);

  notes = annex_record_get_string (ANNEX_RECORD (control), "implementation-notes");
  if (notes != NULL && !annex_field_text_is_blank (notes))
    g_string_append_printf (text, "\n\n%s", notes);

  return g_strdup (text->str);
}

/* The source URI of a control-implementation for @catalogue_id. */
static char *
dup_source (AnnexRegister *catalogues,
            gint64         catalogue_id,
            gboolean       annex_a)
{
  AnnexRecord *catalogue;

  if (annex_a)
    return g_strdup (ANNEX_A_SOURCE);
  if (catalogue_id == 0)
    return g_strdup ("#organization-specific");

  catalogue = annex_register_find (catalogues, catalogue_id);
  if (catalogue != NULL && annex_record_get_string (catalogue, "source") != NULL)
    return g_strconcat ("urn:uuid:", annex_record_get_string (catalogue, "source"), NULL);
  return g_strdup_printf ("#catalogue-%" G_GINT64_FORMAT, catalogue_id);
}

/* One control-implementation for the controls of one catalogue (Annex A: @annex_a; else the
 * imported catalogue @catalogue_id, 0 for the organization-specific ones). */
static void
add_control_implementation (JsonBuilder   *builder,
                            AnnexRegister *controls,
                            AnnexRegister *catalogues,
                            gboolean       annex_a,
                            gint64         catalogue_id)
{
  g_autofree char *source = dup_source (catalogues, catalogue_id, annex_a);
  g_autofree char *uuid = g_uuid_string_random ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (controls));
  AnnexRecord *catalogue = catalogue_id > 0 ? annex_register_find (catalogues, catalogue_id)
                                            : NULL;
  gboolean any_excluded = FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "uuid");
  json_builder_add_string_value (builder, uuid);
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, source);
  json_builder_set_member_name (builder, "description");
  if (annex_a)
    json_builder_add_string_value (builder, _("Statement of Applicability: ISO/IEC 27001:2022 "
                                              "Annex A"));
  else if (catalogue != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Statement of Applicability: %s"),
                                               annex_record_get_string (catalogue, "title"));
      json_builder_add_string_value (builder, text);
    }
  else
    json_builder_add_string_value (builder, _("Statement of Applicability: "
                                              "organization-specific controls"));

  /* Excluded controls: the SoA's justification of each, as properties. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexControl) control = g_list_model_get_item (G_LIST_MODEL (controls), i);
      g_autofree char *control_id = NULL;

      if (annex_control_is_annex_a (control) != annex_a ||
          (!annex_a && annex_control_get_catalogue_id (control) != catalogue_id) ||
          g_strcmp0 (annex_control_get_applicability (control), "excluded") != 0)
        continue;

      if (!any_excluded)
        {
          json_builder_set_member_name (builder, "props");
          json_builder_begin_array (builder);
          any_excluded = TRUE;
        }
      control_id = dup_control_id (control);
      add_prop (builder, "excluded-control", control_id,
                annex_record_get_string (ANNEX_RECORD (control), "justification"));
    }
  if (any_excluded)
    json_builder_end_array (builder);

  json_builder_set_member_name (builder, "implemented-requirements");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexControl) control = g_list_model_get_item (G_LIST_MODEL (controls), i);
      g_autofree char *control_id = NULL;
      g_autofree char *requirement_uuid = NULL;
      g_autofree char *description = NULL;
      const char *owner;
      const char *target_date;

      if (annex_control_is_annex_a (control) != annex_a ||
          (!annex_a && annex_control_get_catalogue_id (control) != catalogue_id) ||
          g_strcmp0 (annex_control_get_applicability (control), "applicable") != 0)
        continue;

      control_id = dup_control_id (control);
      requirement_uuid = g_uuid_string_random ();
      description = dup_requirement_description (control);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "uuid");
      json_builder_add_string_value (builder, requirement_uuid);
      json_builder_set_member_name (builder, "control-id");
      json_builder_add_string_value (builder, control_id);
      json_builder_set_member_name (builder, "description");
      json_builder_add_string_value (builder, description);
      json_builder_set_member_name (builder, "props");
      json_builder_begin_array (builder);
      add_prop (builder, "applicability", "applicable", NULL);
      add_prop (builder, "implementation-status", annex_control_get_status (control), NULL);
      owner = annex_record_get_string (ANNEX_RECORD (control), "owner");
      if (owner != NULL && !annex_field_text_is_blank (owner) && strchr (owner, '\n') == NULL)
        {
          g_autofree char *trimmed = g_strstrip (g_strdup (owner));

          add_prop (builder, "owner", trimmed, NULL);
        }
      target_date = annex_record_get_string (ANNEX_RECORD (control), "target-date");
      if (target_date != NULL)
        add_prop (builder, "target-date", target_date, NULL);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* Whether some control of the group (see add_control_implementation()) is decided. */
static gboolean
group_has_decisions (AnnexRegister *controls,
                     gboolean       annex_a,
                     gint64         catalogue_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (controls));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexControl) control = g_list_model_get_item (G_LIST_MODEL (controls), i);

      if (annex_control_is_annex_a (control) == annex_a &&
          (annex_a || annex_control_get_catalogue_id (control) == catalogue_id) &&
          g_strcmp0 (annex_control_get_applicability (control), "undecided") != 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * annex_oscal_export_soa:
 * @db: an open workspace
 * @path: the file to write
 * @error: return location for an error
 *
 * Returns: %TRUE when @path was written (atomically)
 */
gboolean
annex_oscal_export_soa (AnnexDatabase  *db,
                        const char     *path,
                        GError        **error)
{
  g_autoptr(AnnexRegister) controls = NULL;
  g_autoptr(AnnexRegister) catalogues = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *organization = NULL;
  g_autofree char *title = NULL;
  g_autofree char *last_modified = NULL;
  g_autofree char *version = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *component_uuid = g_uuid_string_random ();
  g_autofree char *text = NULL;
  gsize length = 0;
  guint n_catalogues;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  controls = annex_register_new (db, ANNEX_TYPE_CONTROL);
  catalogues = annex_register_new (db, ANNEX_TYPE_CONTROL_CATALOGUE);
  if (!annex_register_load (controls, error) || !annex_register_load (catalogues, error))
    return FALSE;

  organization = annex_database_dup_organization (db);
  if (organization == NULL || annex_field_text_is_blank (organization))
    {
      g_free (organization);
      organization = g_strdup (_("The organization"));
    }
  title = g_strdup_printf (_("Statement of Applicability of %s"), organization);
  last_modified = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  version = g_strdup_printf ("schema-%d-%s", annex_database_get_schema_version (db),
                             last_modified);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "component-definition");
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "uuid");
  json_builder_add_string_value (builder, uuid);
  json_builder_set_member_name (builder, "metadata");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "last-modified");
  json_builder_add_string_value (builder, last_modified);
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, version);
  json_builder_set_member_name (builder, "oscal-version");
  json_builder_add_string_value (builder, OSCAL_VERSION);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "components");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "uuid");
  json_builder_add_string_value (builder, component_uuid);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "this-system");
  json_builder_set_member_name (builder, "title");
  {
    g_autofree char *component_title = g_strdup_printf (_("Information security management "
                                                          "system of %s"), organization);
    json_builder_add_string_value (builder, component_title);
  }
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, _("The controls of the Statement of Applicability, "
                                            "their decisions and their implementation."));
  json_builder_set_member_name (builder, "control-implementations");
  json_builder_begin_array (builder);

  add_control_implementation (builder, controls, catalogues, TRUE, 0);
  if (group_has_decisions (controls, FALSE, 0))
    add_control_implementation (builder, controls, catalogues, FALSE, 0);
  n_catalogues = g_list_model_get_n_items (G_LIST_MODEL (catalogues));
  for (guint i = 0; i < n_catalogues; i++)
    {
      g_autoptr(AnnexRecord) catalogue = g_list_model_get_item (G_LIST_MODEL (catalogues), i);
      gint64 id = annex_record_get_id (catalogue);

      if (group_has_decisions (controls, FALSE, id))
        add_control_implementation (builder, controls, catalogues, FALSE, id);
    }

  json_builder_end_array (builder);  /* control-implementations */
  json_builder_end_object (builder);  /* component */
  json_builder_end_array (builder);  /* components */
  json_builder_end_object (builder);  /* component-definition */
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);

  /* A temporary file beside @path, renamed over it once complete. */
  return g_file_set_contents_full (path, text, (gssize) length,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}
