/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "mix-json.h"

static void append_node (GString  *out,
                         JsonNode *node,
                         int       depth);

G_DEFINE_QUARK (mix-json-error-quark, mix_json_error)

/* What one pass over JSON text finds, before the parser sees it. */
typedef struct
{
  guint  deepest;       /* the deepest nesting of arrays and objects */
  gsize  n_members;     /* the members of all objects, as written */
  gsize  trailing_at;   /* where text follows the first value, or 0 */
  gsize  bad_escape_at; /* where a \u escape is no character, or 0 */
  gsize  big_number_at; /* where an integer too large for 64 bits is */
  gboolean found_trailing;
  gboolean found_bad_escape;
  gboolean found_big_number;
} Scan;

/* Whether the integer literal of @n_digits digits at @digits (no sign) is
 * beyond what json-glib 1.6 reads: it reads a larger one as -1. */
static gboolean
integer_too_big (const char *digits,
                 gsize       n_digits,
                 gboolean    negative)
{
  const char *limit = negative ? "9223372036854775808" : "9223372036854775807";

  while (n_digits > 1 && *digits == '0')
    digits++, n_digits--;
  if (n_digits != 19)
    return n_digits > 19;
  return memcmp (digits, limit, 19) > 0;
}

static gboolean
read_hex4 (const char *data,
           gsize       length,
           gunichar   *value)
{
  *value = 0;
  if (length < 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (data[i]);

      if (digit < 0)
        return FALSE;
      *value = *value * 16 + (gunichar) digit;
    }
  return TRUE;
}

/* Checks the `\u` escape at @data[@i] (the backslash). json-glib 1.6 reads
 * half of a surrogate pair into text that is not UTF-8, \u0000 into the end
 * of the text, and an escape of fewer than four hex digits by taking the
 * bytes after it, a quote included: all are refused here. Returns the index
 * of the last byte to skip. */
static gsize
check_unicode_escape (const char *data,
                      gsize       length,
                      gsize       i,
                      Scan       *scan)
{
  gunichar high;
  gunichar low;
  gboolean bad = FALSE;

  /* json-glib takes the next four bytes whatever they are, even a quote,
   * and would no longer see the end of the string where this scan does. */
  if (!read_hex4 (data + i + 2, length - (i + 2), &high))
    bad = TRUE;
  else if (high == 0 || (high >= 0xdc00 && high <= 0xdfff))
    bad = TRUE;
  else if (high >= 0xd800 && high <= 0xdbff)
    {
      if (i + 7 < length && data[i + 6] == '\\' && data[i + 7] == 'u' &&
          read_hex4 (data + i + 8, length - (i + 8), &low) &&
          low >= 0xdc00 && low <= 0xdfff)
        return i + 11;
      bad = TRUE;
    }

  if (bad)
    {
      if (!scan->found_bad_escape)
        {
          scan->found_bad_escape = TRUE;
          scan->bad_escape_at = i;
        }
      return i + 1;
    }
  return i + 5;
}

/* One pass over @data, reading it as json-glib 1.6 does: nesting, skipping
 * over strings (the JSON kind and the single-quoted kind json-glib also
 * reads) and comments, so that brackets in them do not count; members;
 * escapes; and whether anything but blank space and comments follows the
 * first value. A scan that saw the text otherwise than the parser could let
 * a deep document through, so where they would part (an escape json-glib
 * reads differently) the text is refused. It stops early once the depth
 * passes %MIX_JSON_MAX_DEPTH. */
static void
scan_text (const char *data,
           gsize       length,
           Scan       *scan)
{
  guint depth = 0;
  gboolean ended = FALSE;
  char quote = 0;

  memset (scan, 0, sizeof *scan);

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (quote != 0)
        {
          if (c == quote)
            quote = 0;
          else if (c == '\\' && quote == '"')
            {
              if (i + 1 < length && data[i + 1] == 'u')
                i = check_unicode_escape (data, length, i, scan);
              else
                i++;
            }
          continue;
        }

      /* json-glib 1.6 reads everything from a slash to the next slash as a
       * comment, which covers C comments too. */
      if (c == '/')
        {
          const char *close = memchr (data + i + 1, '/', length - i - 1);

          if (close == NULL)
            return;  /* an unclosed comment: the parser will say so */
          i = (gsize) (close - data);
          continue;
        }

      if (ended)
        {
          if (!g_ascii_isspace (c))
            {
              scan->found_trailing = TRUE;
              scan->trailing_at = i;
              return;
            }
          continue;
        }

      switch (c)
        {
        case '"':
        case '\'':
          quote = c;
          break;
        case '[':
        case '{':
          depth++;
          if (depth > scan->deepest)
            {
              scan->deepest = depth;
              if (scan->deepest > MIX_JSON_MAX_DEPTH)
                return;
            }
          break;
        case ']':
        case '}':
          if (depth > 0)
            {
              depth--;
              ended = depth == 0;
            }
          break;
        case ':':
          scan->n_members++;
          break;
        case '-':
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
          {
            gboolean negative = c == '-';
            gsize start = negative ? i + 1 : i;
            gsize end = start;

            while (end < length && g_ascii_isdigit (data[end]))
              end++;
            if ((end >= length || (data[end] != '.' && data[end] != 'e' && data[end] != 'E')) &&
                integer_too_big (data + start, end - start, negative) &&
                !scan->found_big_number)
              {
                scan->found_big_number = TRUE;
                scan->big_number_at = i;
              }
            if (end > i + 1)
              i = end - 1;
          }
          break;
        default:
          break;
        }
    }
}

/**
 * mix_json_scan_depth:
 * @data: JSON text
 * @length: its length in bytes
 *
 * Returns the deepest nesting of arrays and objects in @data, skipping
 * over strings (and their escapes) and comments so that brackets inside
 * text do not count. The scan stops early once the depth passes
 * %MIX_JSON_MAX_DEPTH.
 */
guint
mix_json_scan_depth (const char *data,
                     gsize       length)
{
  Scan scan;

  scan_text (data, length, &scan);
  return scan.deepest;
}

/* The members of all the objects in @node. json-glib keeps only the last
 * of two members with the same name, so fewer here than in the text
 * means one was dropped. The depth is bounded by the scan. */
static gsize
count_members (JsonNode *node)
{
  gsize n = 0;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonObjectIter iter;
      const char *member;
      JsonNode *value;

      n = json_object_get_size (object);
      json_object_iter_init (&iter, object);
      while (json_object_iter_next (&iter, &member, &value))
        n += count_members (value);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint length = json_array_get_length (array);

      for (guint i = 0; i < length; i++)
        n += count_members (json_array_get_element (array, i));
    }
  return n;
}

/* Where @offset is, as a person counts: lines and characters from 1. */
static char *
describe_position (const char *data,
                   gsize       offset)
{
  const char *line_start = data;
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      {
        line++;
        line_start = data + i + 1;
      }
  return g_strdup_printf ("%u:%ld", line,
                          g_utf8_strlen (line_start, (gssize) (data + offset - line_start)) + 1);
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
 * invalid UTF-8, nesting deeper than %MIX_JSON_MAX_DEPTH, syntax errors,
 * any root that is not an object, and what json-glib would read with a
 * loss: text after the first document, `\u` escapes that are no character
 * (half of a surrogate pair, or U+0000) and objects with the same member
 * twice.
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
  Scan scan;

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

  scan_text (data, length, &scan);

  if (scan.deepest > MIX_JSON_MAX_DEPTH)
    {
      g_set_error (error, MIX_JSON_ERROR, MIX_JSON_ERROR_TOO_DEEP,
                   _("The file is nested more than %d levels deep."), MIX_JSON_MAX_DEPTH);
      return NULL;
    }

  /* json-glib reads the first of several documents and ignores the rest,
   * which would be lost at the next save. */
  if (scan.found_trailing)
    {
      g_autofree char *where = describe_position (data, scan.trailing_at);

      g_set_error (error, MIX_JSON_ERROR, MIX_JSON_ERROR_SYNTAX,
                   _("The file is not valid JSON: more text follows the end of its data "
                     "(at line:column %s)."), where);
      return NULL;
    }

  /* json-glib would read it as -1, and the next save would write that. */
  if (scan.found_big_number)
    {
      g_autofree char *where = describe_position (data, scan.big_number_at);

      g_set_error (error, MIX_JSON_ERROR, MIX_JSON_ERROR_SYNTAX,
                   _("The file holds a whole number too large to keep exactly "
                     "(at line:column %s)."), where);
      return NULL;
    }

  if (scan.found_bad_escape)
    {
      g_autofree char *where = describe_position (data, scan.bad_escape_at);

      g_set_error (error, MIX_JSON_ERROR, MIX_JSON_ERROR_INVALID_UTF8,
                   _("The file holds an escaped character that is not valid text "
                     "(at line:column %s)."), where);
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

  if (count_members (root) != scan.n_members)
    {
      g_set_error_literal (error, MIX_JSON_ERROR, MIX_JSON_ERROR_DUPLICATE_MEMBER,
                           _("The file gives the same member twice in one object, and only one "
                             "of them could be kept."));
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
