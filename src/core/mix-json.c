/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "mix-json.h"
#include "mix-json-reader.h"

static void append_node (GString  *out,
                         JsonNode *node,
                         int       depth);


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
 * mix_json_parse_object_streaming:
 * @member: (nullable): the name of a member of the root object that
 *   @read_member reads itself, or %NULL
 * @read_member: (nullable): reads the value of @member from the reader,
 *   without building it as a tree; it stops the reader to refuse it
 *
 * Parses @data safely (see #MixJsonReader): refuses empty or blank text,
 * text larger than %MIX_JSON_MAX_BYTES, invalid UTF-8, nesting deeper than
 * %MIX_JSON_MAX_DEPTH, anything that is not JSON, any root that is not an
 * object, and what could not be kept exactly: text after the first value,
 * `\u` escapes that are no character (half of a surrogate pair, or
 * U+0000), integers beyond 64 bits and objects with the same member twice.
 *
 * Returns: (transfer full): the root node, an object, without @member
 */
JsonNode *
mix_json_parse_object_streaming (const char          *data,
                                 gsize                length,
                                 const char          *member,
                                 MixJsonMemberFunc    read_member,
                                 gpointer             user_data,
                                 GError             **error)
{
  MixJsonReader reader;
  g_autoptr(JsonObject) root = NULL;
  const char *end = NULL;
  const char *name;
  gboolean member_seen = FALSE;

  g_return_val_if_fail ((member == NULL) == (read_member == NULL), NULL);

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

  /* A byte order mark, as some editors write, is not part of the text. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  mix_json_reader_init (&reader, data, length);

  if (mix_json_reader_peek (&reader) != MIX_JSON_TOKEN_OBJECT)
    {
      if (!mix_json_reader_failed (&reader))
        mix_json_reader_fail (&reader,
                              g_error_new_literal (MIX_JSON_ERROR, MIX_JSON_ERROR_NOT_OBJECT,
                                                   _("The file does not hold a JSON object.")));
      goto out;
    }

  root = json_object_new ();
  mix_json_reader_enter_object (&reader);
  while (mix_json_reader_next_member (&reader, &name))
    {
      if (member != NULL && g_str_equal (name, member))
        {
          if (member_seen)
            {
              mix_json_reader_fail_duplicate (&reader);
              break;
            }
          member_seen = TRUE;
          if (!read_member (&reader, user_data))
            break;
          continue;
        }

      if (!mix_json_reader_keep_member (&reader, &root, name))
        break;
    }
  mix_json_reader_finish (&reader);

out:
  if (mix_json_reader_failed (&reader))
    {
      mix_json_reader_propagate_error (&reader, error);
      mix_json_reader_clear (&reader);
      return NULL;
    }
  mix_json_reader_clear (&reader);
  return json_node_init_object (json_node_alloc (), root);
}

/**
 * mix_json_parse_object:
 *
 * Parses @data as mix_json_parse_object_streaming() does, building all of
 * it as a tree.
 *
 * Returns: (transfer full): the root node, an object
 */
JsonNode *
mix_json_parse_object (const char  *data,
                       gsize        length,
                       GError     **error)
{
  return mix_json_parse_object_streaming (data, length, NULL, NULL, NULL, error);
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
  GString *out = g_string_sized_new (4096);

  g_return_val_if_fail (root != NULL, NULL);

  append_node (out, root, 0);
  g_string_append_c (out, '\n');
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
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
 * mix_json_node_with_new_id:
 * @node: a JSON object
 *
 * For an entry whose id another entry of the file already has.
 *
 * Returns: (transfer full): a copy of @node with a new random UUID as its
 *   "id" member and every other member as it was
 */
JsonNode *
mix_json_node_with_new_id (JsonNode *node)
{
  JsonObject *copy;
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;
  g_autofree char *id = g_uuid_string_random ();

  g_return_val_if_fail (JSON_NODE_HOLDS_OBJECT (node), NULL);

  copy = json_object_new ();
  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &member, &value))
    json_object_set_member (copy, member, json_node_copy (value));
  json_object_set_string_member (copy, "id", id);
  node = json_node_init_object (json_node_alloc (), copy);
  json_object_unref (copy);
  return node;
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
  /* What ends a run of text copied as it is: the end, a quote, a
   * backslash or a control character. Saving 10,000 rows a tab writes
   * some 15 MB through here. */
  static const guint8 stops[256] = {
    [0x00] = TRUE, [0x01] = TRUE, [0x02] = TRUE, [0x03] = TRUE,
    [0x04] = TRUE, [0x05] = TRUE, [0x06] = TRUE, [0x07] = TRUE,
    [0x08] = TRUE, [0x09] = TRUE, [0x0a] = TRUE, [0x0b] = TRUE,
    [0x0c] = TRUE, [0x0d] = TRUE, [0x0e] = TRUE, [0x0f] = TRUE,
    [0x10] = TRUE, [0x11] = TRUE, [0x12] = TRUE, [0x13] = TRUE,
    [0x14] = TRUE, [0x15] = TRUE, [0x16] = TRUE, [0x17] = TRUE,
    [0x18] = TRUE, [0x19] = TRUE, [0x1a] = TRUE, [0x1b] = TRUE,
    [0x1c] = TRUE, [0x1d] = TRUE, [0x1e] = TRUE, [0x1f] = TRUE,
    ['"'] = TRUE, ['\\'] = TRUE,
  };
  static const char hex[] = "0123456789abcdef";
  const char *p = text;
  gsize start = out->len;

  while (!stops[(guchar) *p])
    p++;
  if (*p == '\0')
    {
      /* Most text needs no escaping: it goes in at once. */
      gsize length = p - text;

      g_string_set_size (out, start + length + 2);
      out->str[start] = '"';
      memcpy (out->str + start + 1, text, length);
      out->str[start + length + 1] = '"';
      return;
    }

  /* The plain text before the first stop, then an escape and the plain
   * text after it, until the end. */
  g_string_append_c (out, '"');
  g_string_append_len (out, text, p - text);
  while (*p != '\0')
    {
      const char *run;
      guchar c = (guchar) *p++;

      switch (c)
        {
        case '"': g_string_append_len (out, "\\\"", 2); break;
        case '\\': g_string_append_len (out, "\\\\", 2); break;
        case '\n': g_string_append_len (out, "\\n", 2); break;
        case '\r': g_string_append_len (out, "\\r", 2); break;
        case '\t': g_string_append_len (out, "\\t", 2); break;
        case '\b': g_string_append_len (out, "\\b", 2); break;
        case '\f': g_string_append_len (out, "\\f", 2); break;
        default:
          {
            char escape[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf] };

            g_string_append_len (out, escape, 6);
          }
          break;
        }

      for (run = p; !stops[(guchar) *p]; p++)
        ;
      g_string_append_len (out, run, p - run);
    }
  g_string_append_c (out, '"');
}

/* A double as JSON: json-glib 1.6 writes 1e22 as "1e+22.0" and infinity
 * as "inf.0", which no JSON reader takes back, so doubles are written
 * here. An infinity (read from a number too large for a double, such as
 * 1e999) is written as 1e999 again, which reads back the same. */
static void
append_double (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    {
      g_string_append (out, "null");
      return;
    }
  if (isinf (value))
    {
      g_string_append (out, value > 0 ? "1e999" : "-1e999");
      return;
    }
  g_ascii_dtostr (buffer, sizeof buffer, value);
  g_string_append (out, buffer);
  /* Still a double when read back. */
  if (strpbrk (buffer, ".eE") == NULL)
    g_string_append (out, ".0");
}

static void
append_indent (GString *out,
               int      depth)
{
  g_string_append_c (out, '\n');
  for (int i = 0; i < depth; i++)
    g_string_append_c (out, '\t');
}

/* @depth < 0 writes compact JSON; otherwise one member or element a line,
 * indented with tabs. */
static void
append_node (GString  *out,
             JsonNode *node,
             int       depth)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        /* In the order they were read or set, as json-glib writes them. */
        g_autoptr(GList) members = json_object_get_members (object);
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        for (GList *l = members; l != NULL; l = l->next)
          {
            const char *member = l->data;
            JsonNode *value = json_object_get_member (object, member);

            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            if (depth >= 0)
              append_indent (out, depth + 1);
            mix_json_append_string (out, member);
            g_string_append (out, depth >= 0 ? " : " : ":");
            append_node (out, value, depth >= 0 ? depth + 1 : -1);
          }
        if (depth >= 0 && !first)
          append_indent (out, depth);
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            if (depth >= 0)
              append_indent (out, depth + 1);
            append_node (out, json_array_get_element (array, i), depth >= 0 ? depth + 1 : -1);
          }
        if (depth >= 0 && n > 0)
          append_indent (out, depth);
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          mix_json_append_string (out, json_node_get_string (node));
          break;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          append_double (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        default:
          g_string_append (out, "null");
          break;
        }
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

/**
 * mix_json_append_document_start:
 * @kept: members of the document this version does not know, as read
 * @written_member: the member the caller writes itself, after this
 *
 * Starts a data file as text: its format and version, then the members of
 * @kept as they were (but format, version and @written_member), ending
 * ready for the caller's own member and the closing "}\n".
 */
void
mix_json_append_document_start (GString    *out,
                                const char *format,
                                int         version,
                                JsonObject *kept,
                                const char *written_member)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  g_string_append (out, "{\"format\":");
  mix_json_append_string (out, format);
  g_string_append_printf (out, ",\"version\":%d", version);

  json_object_iter_init (&iter, kept);
  while (json_object_iter_next (&iter, &member, &value))
    {
      if (g_str_equal (member, "format") || g_str_equal (member, "version") ||
          g_str_equal (member, written_member))
        continue;
      g_string_append (out, ",\n");
      mix_json_append_string (out, member);
      g_string_append_c (out, ':');
      mix_json_append_node (out, value);
    }
  g_string_append (out, ",\n");
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
  g_return_if_fail (out != NULL);
  g_return_if_fail (node != NULL);

  append_node (out, node, -1);
}

/**
 * mix_json_node_holds_string:
 *
 * Returns: whether @node is a string value
 */
gboolean
mix_json_node_holds_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/**
 * mix_json_keep_member:
 * @kept: (inout) (nullable): the members kept so far, made on the first
 *
 * Keeps a copy of a member this version does not know, to be written back
 * with mix_json_object_add_kept().
 */
void
mix_json_keep_member (JsonObject **kept,
                      const char  *member,
                      JsonNode    *value)
{
  g_return_if_fail (kept != NULL);

  if (*kept == NULL)
    *kept = json_object_new ();
  json_object_set_member (*kept, member, json_node_copy (value));
}

/**
 * mix_json_object_add_kept:
 * @kept: (nullable): members kept by mix_json_keep_member()
 *
 * Adds to @object the kept members it does not have itself.
 */
void
mix_json_object_add_kept (JsonObject *object,
                          JsonObject *kept)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  if (kept == NULL)
    return;
  json_object_iter_init (&iter, kept);
  while (json_object_iter_next (&iter, &member, &value))
    if (!json_object_has_member (object, member))
      json_object_set_member (object, member, json_node_copy (value));
}
