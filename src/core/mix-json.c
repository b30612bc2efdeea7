/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mix-json.h"

G_DEFINE_QUARK (mix-json-error-quark, mix_json_error)

/**
 * mix_json_scan_depth:
 * @data: JSON text
 * @length: its length in bytes
 *
 * Returns the deepest nesting of arrays and objects in @data, skipping
 * over strings (and their escapes) so that brackets inside text do not
 * count. The scan stops early once the depth passes %MIX_JSON_MAX_DEPTH.
 */
guint
mix_json_scan_depth (const char *data,
                     gsize       length)
{
  guint depth = 0;
  guint deepest = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          depth++;
          if (depth > deepest)
            {
              deepest = depth;
              if (deepest > MIX_JSON_MAX_DEPTH)
                return deepest;
            }
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;
        default:
          break;
        }
    }

  return deepest;
}

static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

/**
 * mix_json_parse_object:
 *
 * Parses @data safely: refuses empty or blank text (which json-glib 1.6
 * "parses" to a %NULL root), text larger than %MIX_JSON_MAX_BYTES,
 * invalid UTF-8, nesting deeper than %MIX_JSON_MAX_DEPTH, syntax errors and
 * any root that is not an object.
 *
 * Returns: (transfer full): the root node, an object
 */
JsonNode *
mix_json_parse_object (const char  *data,
                       gsize        length,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *end = NULL;
  JsonNode *root;

  if (length > MIX_JSON_MAX_BYTES)
    {
      g_set_error (error, MIX_JSON_ERROR, MIX_JSON_ERROR_TOO_LARGE,
                   _("The file is larger than %u MiB."), MIX_JSON_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  if (data == NULL || length == 0 || is_blank (data, length))
    {
      g_set_error_literal (error, MIX_JSON_ERROR, MIX_JSON_ERROR_EMPTY, _("The file is empty."));
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, &end))
    {
      g_set_error (error, MIX_JSON_ERROR, MIX_JSON_ERROR_INVALID_UTF8,
                   _("The file is not valid UTF-8 text (at byte %lu)."),
                   (unsigned long) (end - data));
      return NULL;
    }

  if (mix_json_scan_depth (data, length) > MIX_JSON_MAX_DEPTH)
    {
      g_set_error (error, MIX_JSON_ERROR, MIX_JSON_ERROR_TOO_DEEP,
                   _("The file is nested more than %d levels deep."), MIX_JSON_MAX_DEPTH);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib's message starts with a location such as
       * "<data>:1:30: Parse error: …"; the position is what a person can use. */
      const char *detail = local_error->message;

      if (g_str_has_prefix (detail, "<data>:"))
        detail += strlen ("<data>:");
      g_set_error (error, MIX_JSON_ERROR, MIX_JSON_ERROR_SYNTAX,
                   _("The file is not valid JSON (at line:column %s)."), detail);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, MIX_JSON_ERROR, MIX_JSON_ERROR_NOT_OBJECT,
                           _("The file does not hold a JSON object."));
      return NULL;
    }

  return json_node_ref (root);
}

/**
 * mix_json_to_data:
 *
 * Returns: (transfer full): @root as pretty-printed JSON text, ending with a
 *   newline so the file reads well in a text editor
 */
char *
mix_json_to_data (JsonNode *root,
                  gsize    *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  gsize len = 0;
  char *ret;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 1);
  json_generator_set_indent_char (generator, '\t');
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &len);

  ret = g_realloc (g_steal_pointer (&text), len + 2);
  ret[len] = '\n';
  ret[len + 1] = '\0';
  if (length != NULL)
    *length = len + 1;
  return ret;
}

/**
 * mix_json_object_get_string_member_or_null:
 * @wrong_type: (out): set to %TRUE when the member exists but is not a
 *   string or null
 *
 * Returns: (nullable): the member's string, or %NULL when it is missing,
 *   null, or of another type
 */
const char *
mix_json_object_get_string_member_or_null (JsonObject *object,
                                           const char *member,
                                           gboolean   *wrong_type)
{
  JsonNode *node = json_object_get_member (object, member);

  *wrong_type = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      *wrong_type = TRUE;
      return NULL;
    }
  return json_node_get_string (node);
}

/**
 * mix_json_append_string:
 *
 * Appends @text to @out as a JSON string literal, quoted and escaped.
 * Text is written as UTF-8; only what JSON requires is escaped.
 */
void
mix_json_append_string (GString    *out,
                        const char *text)
{
  static const char hex[] = "0123456789abcdef";
  const char *run = text;
  const char *p;

  g_string_append_c (out, '"');
  for (p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      const char *escape = NULL;
      char buffer[7];

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        default:
          buffer[0] = '\\';
          buffer[1] = 'u';
          buffer[2] = '0';
          buffer[3] = '0';
          buffer[4] = hex[c >> 4];
          buffer[5] = hex[c & 0xf];
          buffer[6] = '\0';
          escape = buffer;
          break;
        }
      g_string_append_len (out, run, p - run);
      g_string_append (out, escape);
      run = p + 1;
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

/**
 * mix_json_append_node:
 *
 * Appends @node to @out as compact JSON.
 */
void
mix_json_append_node (GString  *out,
                      JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  gsize length = 0;

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &length);
  g_string_append_len (out, text, (gssize) length);
}
