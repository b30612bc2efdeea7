/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "mix-json-reader.h"

/**
 * MixJsonReader:
 *
 * Reads JSON text from memory one value at a time. The caller asks what
 * comes next (mix_json_reader_peek()), steps into objects and arrays, and
 * reads strings, booleans, or whole values as #JsonNode trees.
 *
 * It refuses, with a #MixJsonError naming the line and column, whatever
 * is not RFC 8259 JSON, and also what the app could not keep exactly:
 * nesting deeper than %MIX_JSON_MAX_DEPTH (checked on entering, so depth
 * never costs stack), an integer beyond 64 bits, an escape that is no
 * character (half of a surrogate pair, U+0000) and, in the objects it
 * builds, a member given twice. The text must already be valid UTF-8.
 */

G_DEFINE_QUARK (mix-json-error-quark, mix_json_error)

void
mix_json_reader_init (MixJsonReader *reader,
                      const char    *data,
                      gsize          length)
{
  memset (reader, 0, sizeof *reader);
  reader->data = data;
  reader->length = length;
  reader->name = g_string_sized_new (64);
  reader->text = g_string_sized_new (256);
}

void
mix_json_reader_clear (MixJsonReader *reader)
{
  if (reader->name != NULL)
    g_string_free (reader->name, TRUE);
  if (reader->text != NULL)
    g_string_free (reader->text, TRUE);
  g_clear_error (&reader->error);
  reader->name = NULL;
  reader->text = NULL;
}

gboolean
mix_json_reader_failed (MixJsonReader *reader)
{
  return reader->error != NULL;
}

/* Moves the reader's error, if any, to @error. */
void
mix_json_reader_propagate_error (MixJsonReader  *reader,
                                 GError        **error)
{
  if (reader->error != NULL)
    g_propagate_error (error, g_steal_pointer (&reader->error));
}

/**
 * mix_json_reader_fail:
 * @error: (transfer full): why the text cannot be used
 *
 * Stops the reader for a reason found by its caller, such as a member of
 * the wrong shape. The first reason given is kept.
 */
void
mix_json_reader_fail (MixJsonReader *reader,
                      GError        *error)
{
  if (reader->error == NULL)
    reader->error = error;
  else
    g_error_free (error);
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

typedef enum
{
  PROBLEM_SYNTAX,
  PROBLEM_TRAILING,
  PROBLEM_BIG_NUMBER,
  PROBLEM_BAD_ESCAPE,
} Problem;

/* Stops the reader with @problem, found at byte @at. */
static gboolean
fail_at (MixJsonReader *reader,
         gsize          at,
         Problem        problem)
{
  g_autofree char *where = NULL;

  if (reader->error != NULL)
    return FALSE;
  where = describe_position (reader->data, MIN (at, reader->length));
  switch (problem)
    {
    case PROBLEM_TRAILING:
      /* A second document after the first would be lost at the next save. */
      reader->error = g_error_new (MIX_JSON_ERROR, MIX_JSON_ERROR_SYNTAX,
                                   _("The file is not valid JSON: more text follows the end "
                                     "of its data (at line:column %s)."), where);
      break;
    case PROBLEM_BIG_NUMBER:
      reader->error = g_error_new (MIX_JSON_ERROR, MIX_JSON_ERROR_SYNTAX,
                                   _("The file holds a whole number too large to keep exactly "
                                     "(at line:column %s)."), where);
      break;
    case PROBLEM_BAD_ESCAPE:
      reader->error = g_error_new (MIX_JSON_ERROR, MIX_JSON_ERROR_INVALID_UTF8,
                                   _("The file holds an escaped character that is not valid "
                                     "text (at line:column %s)."), where);
      break;
    case PROBLEM_SYNTAX:
    default:
      reader->error = g_error_new (MIX_JSON_ERROR, MIX_JSON_ERROR_SYNTAX,
                                   _("The file is not valid JSON (at line:column %s)."), where);
      break;
    }
  return FALSE;
}

static gboolean
fail_syntax (MixJsonReader *reader)
{
  return fail_at (reader, reader->pos, PROBLEM_SYNTAX);
}

/* An object that gives a member twice could be read only by dropping one
 * of them, which the next save would lose. */
void
mix_json_reader_fail_duplicate (MixJsonReader *reader)
{
  if (reader->error != NULL)
    return;
  reader->error = g_error_new_literal (MIX_JSON_ERROR, MIX_JSON_ERROR_DUPLICATE_MEMBER,
                                       _("The file gives the same member twice in one object, "
                                         "and only one of them could be kept."));
}

static inline void
skip_blank (MixJsonReader *reader)
{
  while (reader->pos < reader->length)
    {
      char c = reader->data[reader->pos];

      if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
        break;
      reader->pos++;
    }
}

/* The next byte that is not blank, or 0 at the end of the text. */
static inline char
next_char (MixJsonReader *reader)
{
  skip_blank (reader);
  return reader->pos < reader->length ? reader->data[reader->pos] : '\0';
}

MixJsonToken
mix_json_reader_peek (MixJsonReader *reader)
{
  if (reader->error != NULL)
    return MIX_JSON_TOKEN_NONE;

  switch (next_char (reader))
    {
    case '{':
      return MIX_JSON_TOKEN_OBJECT;
    case '[':
      return MIX_JSON_TOKEN_ARRAY;
    case '"':
      return MIX_JSON_TOKEN_STRING;
    case 't':
    case 'f':
      return MIX_JSON_TOKEN_BOOLEAN;
    case 'n':
      return MIX_JSON_TOKEN_NULL;
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return MIX_JSON_TOKEN_NUMBER;
    default:
      fail_syntax (reader);
      return MIX_JSON_TOKEN_NONE;
    }
}

void
mix_json_reader_mark (MixJsonReader *reader,
                      MixJsonMark   *mark)
{
  skip_blank (reader);
  mark->pos = reader->pos;
  mark->depth = reader->depth;
}

/* Goes back to the value at @mark, in the object or array it was in, to
 * read it again another way. */
void
mix_json_reader_rewind (MixJsonReader     *reader,
                        const MixJsonMark *mark)
{
  if (reader->error != NULL)
    return;
  reader->pos = mark->pos;
  reader->depth = mark->depth;
}

static gboolean
enter (MixJsonReader *reader,
       char           open)
{
  if (reader->error != NULL)
    return FALSE;
  if (next_char (reader) != open)
    return fail_syntax (reader);
  if (reader->depth >= MIX_JSON_MAX_DEPTH)
    {
      reader->error = g_error_new (MIX_JSON_ERROR, MIX_JSON_ERROR_TOO_DEEP,
                                   _("The file is nested more than %d levels deep."),
                                   MIX_JSON_MAX_DEPTH);
      return FALSE;
    }
  reader->pos++;
  reader->depth++;
  reader->first[reader->depth] = TRUE;
  return TRUE;
}

gboolean
mix_json_reader_enter_object (MixJsonReader *reader)
{
  return enter (reader, '{');
}

gboolean
mix_json_reader_enter_array (MixJsonReader *reader)
{
  return enter (reader, '[');
}

/* Steps over the comma before the next item of the object or array the
 * reader is in. Returns FALSE, having stepped out of it, at its end. */
static gboolean
next_item (MixJsonReader *reader,
           char           close)
{
  char c;

  if (reader->error != NULL || reader->depth == 0)
    return FALSE;

  c = next_char (reader);
  if (c == close)
    {
      reader->pos++;
      reader->depth--;
      return FALSE;
    }
  if (reader->first[reader->depth])
    reader->first[reader->depth] = FALSE;
  else if (c != ',')
    return fail_syntax (reader);
  else
    reader->pos++;
  return TRUE;
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

static gboolean
fail_escape (MixJsonReader *reader,
             gsize          at)
{
  return fail_at (reader, at, PROBLEM_BAD_ESCAPE);
}

/* Reads the `\u` escape at the reader's position (its backslash) into
 * @out: one character, or a surrogate pair. */
static gboolean
read_unicode_escape (MixJsonReader *reader,
                     GString       *out)
{
  const char *data = reader->data;
  gsize at = reader->pos;
  gunichar high;
  gunichar low;

  if (!read_hex4 (data + at + 2, reader->length - (at + 2), &high) ||
      high == 0 || (high >= 0xdc00 && high <= 0xdfff))
    return fail_escape (reader, at);

  if (high >= 0xd800 && high <= 0xdbff)
    {
      if (at + 7 >= reader->length || data[at + 6] != '\\' || data[at + 7] != 'u' ||
          !read_hex4 (data + at + 8, reader->length - (at + 8), &low) ||
          low < 0xdc00 || low > 0xdfff)
        return fail_escape (reader, at);
      g_string_append_unichar (out, 0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00));
      reader->pos += 12;
      return TRUE;
    }

  g_string_append_unichar (out, high);
  reader->pos += 6;
  return TRUE;
}

/* Reads the string at the reader's position, its opening quote, into @out. */
static gboolean
read_string_into (MixJsonReader *reader,
                  GString       *out)
{
  const char *data = reader->data;
  gsize length = reader->length;

  g_string_truncate (out, 0);
  if (next_char (reader) != '"')
    return fail_syntax (reader);
  reader->pos++;

  for (;;)
    {
      gsize run = reader->pos;
      guchar c = 0;

      while (reader->pos < length)
        {
          c = (guchar) data[reader->pos];
          if (c == '"' || c == '\\' || c < 0x20)
            break;
          reader->pos++;
        }
      g_string_append_len (out, data + run, (gssize) (reader->pos - run));

      if (reader->pos >= length || c < 0x20)
        return fail_syntax (reader);  /* unclosed, or a control character */

      if (c == '"')
        {
          reader->pos++;
          return TRUE;
        }

      /* A backslash. */
      if (reader->pos + 1 >= length)
        return fail_syntax (reader);
      switch (data[reader->pos + 1])
        {
        case '"': g_string_append_c (out, '"'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case '/': g_string_append_c (out, '/'); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          if (!read_unicode_escape (reader, out))
            return FALSE;
          continue;
        default:
          return fail_syntax (reader);
        }
      reader->pos += 2;
    }
}

/**
 * mix_json_reader_next_member:
 * @name: (out): the member's name, valid until the reader reads another
 *   name (a nested object's, for instance)
 *
 * Moves to the next member of the object the reader is in, leaving it
 * before the member's value, which the caller must read.
 *
 * Returns: %FALSE at the end of the object (then out of it) or on a problem
 */
gboolean
mix_json_reader_next_member (MixJsonReader  *reader,
                             const char    **name)
{
  *name = NULL;
  if (!next_item (reader, '}'))
    return FALSE;
  if (!read_string_into (reader, reader->name))
    return FALSE;
  if (next_char (reader) != ':')
    return fail_syntax (reader);
  reader->pos++;
  *name = reader->name->str;
  return TRUE;
}

/**
 * mix_json_reader_next_element:
 *
 * Moves to the next element of the array the reader is in.
 *
 * Returns: %FALSE at the end of the array (then out of it) or on a problem
 */
gboolean
mix_json_reader_next_element (MixJsonReader *reader)
{
  return next_item (reader, ']');
}

/**
 * mix_json_reader_read_string:
 *
 * Returns: (nullable): the string, valid until the next string value is
 *   read; %NULL if the value is not a string
 */
const char *
mix_json_reader_read_string (MixJsonReader *reader)
{
  if (reader->error != NULL || !read_string_into (reader, reader->text))
    return NULL;
  return reader->text->str;
}

static gboolean
read_literal (MixJsonReader *reader,
              const char    *literal)
{
  gsize n = strlen (literal);

  if (reader->error != NULL)
    return FALSE;
  if (next_char (reader) != literal[0] || reader->length - reader->pos < n ||
      memcmp (reader->data + reader->pos, literal, n) != 0)
    return fail_syntax (reader);
  reader->pos += n;
  return TRUE;
}

gboolean
mix_json_reader_read_boolean (MixJsonReader *reader,
                              gboolean      *value)
{
  if (mix_json_reader_peek (reader) != MIX_JSON_TOKEN_BOOLEAN)
    return fail_syntax (reader);
  *value = reader->data[reader->pos] == 't';
  return read_literal (reader, *value ? "true" : "false");
}

gboolean
mix_json_reader_read_null (MixJsonReader *reader)
{
  return read_literal (reader, "null");
}

/* Whether the integer literal of @n_digits digits at @digits (no sign)
 * does not fit in 64 bits. */
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

/* Moves *@pos past the one or more digits there, or fails @reader. */
static gboolean
read_digits (MixJsonReader *reader,
             gsize         *pos)
{
  gsize p = *pos;

  if (p >= reader->length || !g_ascii_isdigit (reader->data[p]))
    {
      reader->pos = p;
      fail_syntax (reader);
      return FALSE;
    }
  while (p < reader->length && g_ascii_isdigit (reader->data[p]))
    p++;
  *pos = p;
  return TRUE;
}

/* A number as RFC 8259 writes it: an integer that fits in 64 bits becomes
 * an integer node, anything with a fraction or exponent a double (one too
 * large for a double becomes an infinity, which is written back as 1e999). */
static JsonNode *
read_number (MixJsonReader *reader)
{
  const char *data = reader->data;
  gsize length = reader->length;
  gsize start = reader->pos;
  gsize pos = start;
  gsize digits_start;
  gboolean negative = FALSE;
  gboolean integer = TRUE;
  char buffer[64];
  g_autofree char *copy = NULL;
  const char *text;
  gsize n;

  if (pos < length && data[pos] == '-')
    {
      negative = TRUE;
      pos++;
    }
  digits_start = pos;
  /* No leading zeros: "01" is the number 0, then text that fails. */
  if (pos < length && data[pos] == '0')
    pos++;
  else if (!read_digits (reader, &pos))
    return NULL;

  if (pos < length && data[pos] == '.')
    {
      integer = FALSE;
      pos++;
      if (!read_digits (reader, &pos))
        return NULL;
    }
  if (pos < length && (data[pos] == 'e' || data[pos] == 'E'))
    {
      integer = FALSE;
      pos++;
      if (pos < length && (data[pos] == '+' || data[pos] == '-'))
        pos++;
      if (!read_digits (reader, &pos))
        return NULL;
    }

  if (integer && integer_too_big (data + digits_start, pos - digits_start, negative))
    {
      fail_at (reader, start, PROBLEM_BIG_NUMBER);
      return NULL;
    }

  /* The digits alone, so that strtod cannot read further than they go. */
  n = pos - start;
  if (n < sizeof buffer)
    {
      memcpy (buffer, data + start, n);
      buffer[n] = '\0';
      text = buffer;
    }
  else
    text = copy = g_strndup (data + start, n);
  reader->pos = pos;

  if (integer)
    return json_node_init_int (json_node_alloc (), g_ascii_strtoll (text, NULL, 10));
  return json_node_init_double (json_node_alloc (), g_ascii_strtod (text, NULL));
}

/**
 * mix_json_reader_read_node:
 *
 * Reads the next value whole.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL on a problem
 */
JsonNode *
mix_json_reader_read_node (MixJsonReader *reader)
{
  switch (mix_json_reader_peek (reader))
    {
    case MIX_JSON_TOKEN_OBJECT:
      {
        g_autoptr(JsonObject) object = json_object_new ();
        const char *name;

        mix_json_reader_enter_object (reader);
        while (mix_json_reader_next_member (reader, &name))
          if (!mix_json_reader_keep_member (reader, &object, name))
            return NULL;
        if (reader->error != NULL)
          return NULL;
        return json_node_init_object (json_node_alloc (), object);
      }

    case MIX_JSON_TOKEN_ARRAY:
      {
        g_autoptr(JsonArray) array = json_array_new ();

        mix_json_reader_enter_array (reader);
        while (mix_json_reader_next_element (reader))
          {
            JsonNode *value = mix_json_reader_read_node (reader);

            if (value == NULL)
              return NULL;
            json_array_add_element (array, value);
          }
        if (reader->error != NULL)
          return NULL;
        return json_node_init_array (json_node_alloc (), array);
      }

    case MIX_JSON_TOKEN_STRING:
      {
        const char *text = mix_json_reader_read_string (reader);

        return text != NULL ? json_node_init_string (json_node_alloc (), text) : NULL;
      }

    case MIX_JSON_TOKEN_NUMBER:
      return read_number (reader);

    case MIX_JSON_TOKEN_BOOLEAN:
      {
        gboolean value;

        if (!mix_json_reader_read_boolean (reader, &value))
          return NULL;
        return json_node_init_boolean (json_node_alloc (), value);
      }

    case MIX_JSON_TOKEN_NULL:
      return mix_json_reader_read_null (reader) ? json_node_init_null (json_node_alloc ()) : NULL;

    case MIX_JSON_TOKEN_NONE:
    default:
      return NULL;
    }
}

/**
 * mix_json_reader_keep_member:
 * @kept: (inout) (nullable): the object the member goes in, made for the
 *   first one
 * @name: the member's name, as mix_json_reader_next_member() gave it
 *
 * Reads the value of the member the reader is at whole into @kept: for
 * members kept as they are. A name @kept already has stops the reader:
 * one of the two would be lost.
 *
 * Returns: %FALSE if the reader stopped
 */
gboolean
mix_json_reader_keep_member (MixJsonReader  *reader,
                             JsonObject    **kept,
                             const char     *name)
{
  /* The name is the reader's, and a nested object reads its own. */
  g_autofree char *member = g_strdup (name);
  JsonNode *value;

  if (*kept != NULL && json_object_has_member (*kept, member))
    {
      mix_json_reader_fail_duplicate (reader);
      return FALSE;
    }
  value = mix_json_reader_read_node (reader);
  if (value == NULL)
    return FALSE;
  if (*kept == NULL)
    *kept = json_object_new ();
  json_object_set_member (*kept, member, value);
  return TRUE;
}

/**
 * mix_json_reader_finish:
 *
 * Checks that only blank space follows the value that was read: a second
 * document after the first would otherwise be lost at the next save.
 *
 * Returns: %TRUE if the whole text was read without a problem
 */
gboolean
mix_json_reader_finish (MixJsonReader *reader)
{
  if (reader->error != NULL)
    return FALSE;
  skip_blank (reader);
  if (reader->pos < reader->length)
    return fail_at (reader, reader->pos, PROBLEM_TRAILING);
  return TRUE;
}
