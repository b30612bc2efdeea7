/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mix-csv.h"

#define UTF8_BOM     "\xEF\xBB\xBF"
#define UTF8_BOM_LEN 3

G_DEFINE_QUARK (mix-csv-error-quark, mix_csv_error)

/* Reading state: a cursor over the (already validated) text, the physical line the
 * cursor is on, and the row being read: its fields' text, each followed by a NUL, and
 * where each field starts in it. Both buffers are reused for every row. */
typedef struct
{
  const char *p;
  const char *end;
  guint       line;
  GString    *text;
  GArray     *starts;   /* gsize */
  char        delimiter;
} CsvReader;

static inline gboolean
is_line_end (char c)
{
  return c == '\r' || c == '\n';
}

/* The first byte at or after @p that ends an unquoted field: the delimiter, a line end or
 * @end. */
static const char *
find_field_end (const char *p,
                const char *end,
                char        delimiter)
{
  while (p < end && *p != delimiter && !is_line_end (*p))
    p++;

  return p;
}

/* The 1-based physical line of @pos: one plus the number of line ends before it, where
 * CRLF, LF and a lone CR each count once. */
static guint
line_of (const char *start,
         const char *pos)
{
  gsize n = 0;

  for (const char *p = start; p < pos; p++)
    {
      if (*p == '\r')
        n++;
      else if (*p == '\n' && (p == start || p[-1] != '\r'))
        n++;
    }

  return (guint) MIN (n, (gsize) G_MAXUINT - 1) + 1;
}

/* Consumes one line end (CRLF, LF or CR) at the cursor. */
static void
skip_line_end (CsvReader *reader)
{
  g_assert (reader->p < reader->end && is_line_end (*reader->p));

  if (*reader->p == '\r' && reader->p + 1 < reader->end && reader->p[1] == '\n')
    reader->p += 2;
  else
    reader->p++;

  if (reader->line < G_MAXUINT)
    reader->line++;
}

/* TRUE if [p, end) holds nothing but spaces, tabs and line ends. */
static gboolean
is_blank (const char *p,
          const char *end)
{
  for (; p < end; p++)
    {
      if (*p != ' ' && *p != '\t' && !is_line_end (*p))
        return FALSE;
    }

  return TRUE;
}

/* Ends the field whose text was appended to the row since @start: an empty field takes no
 * room of its own, as every empty field of a row shares the NUL at the start of its text. */
static void
end_field (CsvReader *reader,
           gsize      start)
{
  if (reader->text->len == start)
    start = 0;
  else
    g_string_append_c (reader->text, '\0');

  g_array_append_val (reader->starts, start);
}

/* Reads a field that starts with a quote. The cursor is on the opening quote; on return it
 * is on the comma or line end after the field, or at the end of the text. */
static gboolean
read_quoted_field (CsvReader  *reader,
                   GError    **error)
{
  guint start_line = reader->line;
  gsize start = reader->text->len;
  const char *p;

  g_assert (*reader->p == '"');

  reader->p++;

  for (;;)
    {
      /* Copy the run of ordinary characters in one go; this keeps huge fields linear. */
      p = reader->p;
      while (p < reader->end && *p != '"' && !is_line_end (*p))
        p++;
      g_string_append_len (reader->text, reader->p, p - reader->p);
      reader->p = p;

      if (reader->p == reader->end)
        {
          g_set_error (error, MIX_CSV_ERROR, MIX_CSV_ERROR_UNTERMINATED_QUOTE,
                       _("Line %u: a quoted field is never closed."), start_line);
          return FALSE;
        }

      if (*reader->p == '"')
        {
          /* A doubled quote stands for one quote; a single one closes the field. */
          if (reader->p + 1 < reader->end && reader->p[1] == '"')
            {
              g_string_append_c (reader->text, '"');
              reader->p += 2;
              continue;
            }

          reader->p++;
          break;
        }

      /* A line break inside the quotes belongs to the field, written as "\n" whatever
       * the file used. */
      g_string_append_c (reader->text, '\n');
      skip_line_end (reader);
    }

  /* Lenient, as spreadsheets are: text between the closing quote and the next comma is
   * kept literally (`"ab"cd` reads as `abcd`). */
  p = find_field_end (reader->p, reader->end, reader->delimiter);
  g_string_append_len (reader->text, reader->p, p - reader->p);
  reader->p = p;

  end_field (reader, start);
  return TRUE;
}

/* The row just read as one block: the NULL-terminated array of fields, followed by their
 * text. One allocation a row, freed with g_free(), keeps memory close to the size of the
 * file even when it holds millions of tiny fields. */
static GStrv
take_row (CsvReader *reader)
{
  guint n = reader->starts->len;
  gsize pointers = ((gsize) n + 1) * sizeof (char *);
  char **row = g_malloc (pointers + reader->text->len);
  char *text = (char *) row + pointers;

  memcpy (text, reader->text->str, reader->text->len);
  for (guint i = 0; i < n; i++)
    row[i] = text + g_array_index (reader->starts, gsize, i);
  row[n] = NULL;

  return row;
}

/* Reads one record starting at the cursor, which must not be on a line end. On return the
 * cursor is past the record's line end (if any). @n_cells counts the fields of the rows
 * read so far, this one included on return. */
static GStrv
read_record (CsvReader           *reader,
             const MixCsvLimits  *limits,
             guint64             *n_cells,
             GError             **error)
{
  guint record_line = reader->line;

  /* Every empty field of the row points at this NUL. */
  g_string_truncate (reader->text, 0);
  g_string_append_c (reader->text, '\0');
  g_array_set_size (reader->starts, 0);

  for (;;)
    {
      if (reader->p < reader->end && *reader->p == '"')
        {
          if (!read_quoted_field (reader, error))
            return NULL;
        }
      else
        {
          /* Unquoted: everything up to the next comma or line end, quotes included. */
          const char *field_end = find_field_end (reader->p, reader->end, reader->delimiter);
          gsize start = reader->text->len;

          g_string_append_len (reader->text, reader->p, field_end - reader->p);
          reader->p = field_end;
          end_field (reader, start);
        }

      if (limits->max_fields > 0 && reader->starts->len > limits->max_fields)
        {
          g_set_error (error, MIX_CSV_ERROR, MIX_CSV_ERROR_TOO_MANY_FIELDS,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "Line %u has more than %u column.",
                                    "Line %u has more than %u columns.",
                                    limits->max_fields),
                       record_line, limits->max_fields);
          return NULL;
        }

      if (limits->max_cells > 0 && *n_cells + reader->starts->len > limits->max_cells)
        {
          g_set_error (error, MIX_CSV_ERROR, MIX_CSV_ERROR_TOO_MANY_CELLS,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "Line %u: the file has more than %u cell. Import it in "
                                    "smaller parts.",
                                    "Line %u: the file has more than %u cells. Import it in "
                                    "smaller parts.",
                                    limits->max_cells),
                       record_line, limits->max_cells);
          return NULL;
        }

      if (reader->p == reader->end)
        break;

      if (*reader->p == reader->delimiter)
        {
          /* Another field follows, even at the end of the text: `a,` has two fields. */
          reader->p++;
          continue;
        }

      skip_line_end (reader);
      break;
    }

  *n_cells += reader->starts->len;
  return take_row (reader);
}

/* The length of a `sep=X` line at @p, its line end included, or 0; *@delimiter is X. */
static gsize
sep_line_length (const char *p,
                 const char *end,
                 char       *delimiter)
{
  const char *q;

  if (end - p < 5 || g_ascii_strncasecmp (p, "sep=", 4) != 0 || is_line_end (p[4]))
    return 0;
  q = p + 5;
  if (q < end && !is_line_end (*q))
    return 0;
  if (delimiter != NULL)
    *delimiter = p[4];
  if (q < end && *q == '\r')
    q++;
  if (q < end && *q == '\n')
    q++;
  return (gsize) (q - p);
}

/* How many times @delimiter separates fields in each of the first lines at @p, outside
 * quotes; returns how many lines were looked at. */
static guint
count_in_lines (const char *p,
                const char *end,
                char        delimiter,
                guint      *counts,
                guint       max_lines)
{
  guint n_lines = 0;
  guint count = 0;
  gboolean quoted = FALSE;
  gboolean any = FALSE;

  for (; p < end && n_lines < max_lines; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == delimiter)
        count++;
      else if (!quoted && is_line_end (*p))
        {
          if (any)
            counts[n_lines++] = count;
          count = 0;
          any = FALSE;
          continue;
        }
      any = TRUE;
    }
  if (any && n_lines < max_lines)
    counts[n_lines++] = count;
  return n_lines;
}

/**
 * mix_csv_detect_delimiter:
 * @data: (array length=length): the start of the CSV text, or all of it
 * @length: the length of @data in bytes
 *
 * Finds what separates the fields: the one a `sep=` first line names (as Excel writes
 * it), or else the one of comma, semicolon (Excel in most of Europe) and tab that
 * splits the first lines into the same number of fields, and the most, a comma when
 * they tie or none does.
 *
 * Returns: the delimiter
 */
char
mix_csv_detect_delimiter (const char *data,
                          gsize       length)
{
  static const char candidates[] = { ',', ';', '\t' };
  const char *p = data;
  const char *end;
  char named = '\0';
  char best = ',';
  double best_score = 0;

  g_return_val_if_fail (data != NULL || length == 0, ',');

  if (length == 0)
    return ',';
  end = data + length;
  if (length >= UTF8_BOM_LEN && memcmp (p, UTF8_BOM, UTF8_BOM_LEN) == 0)
    p += UTF8_BOM_LEN;
  if (sep_line_length (p, end, &named) > 0)
    return named;

  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    {
      guint counts[20];
      guint n_lines = count_in_lines (p, MIN (end, p + 64 * 1024), candidates[c], counts,
                                      G_N_ELEMENTS (counts));
      guint n_like_header = 0;
      double score;

      if (n_lines == 0 || counts[0] == 0)
        continue;
      for (guint i = 0; i < n_lines; i++)
        if (counts[i] == counts[0])
          n_like_header++;
      /* Lines that split as the header does, weighed by how many fields that makes. */
      score = (double) n_like_header / n_lines * 1000 + counts[0];
      if (score > best_score)
        {
          best_score = score;
          best = candidates[c];
        }
    }
  return best;
}

/**
 * mix_csv_parse:
 * @data: (array length=length): the CSV text
 * @length: the length of @data in bytes
 * @max_fields: the most fields a row may have, or 0 for no limit
 * @max_bytes: the most bytes @data may hold, or 0 for no limit
 * @error: return location for a #MixCsvError
 *
 * Parses a whole CSV document as mix_csv_parse_limited() does, with these two limits only.
 *
 * Returns: (transfer full) (element-type GStrv): the rows, or %NULL with @error set
 */
GPtrArray *
mix_csv_parse (const char  *data,
               gsize        length,
               guint        max_fields,
               gsize        max_bytes,
               GError     **error)
{
  MixCsvLimits limits = { .max_bytes = max_bytes, .max_fields = max_fields };

  return mix_csv_parse_limited (data, length, &limits, error);
}

/**
 * mix_csv_parse_limited:
 * @data: (array length=length): the CSV text
 * @length: the length of @data in bytes
 * @limits: what the text may hold at most; a limit of 0 is no limit
 * @error: return location for a #MixCsvError
 *
 * Parses a whole CSV document as RFC 4180 describes, with the leniency spreadsheets show:
 *
 * - a UTF-8 byte order mark at the start is skipped, and so is a `sep=X` first line;
 * - fields are separated by @limits' delimiter, a comma if it has none;
 * - CRLF, LF and a lone CR all end a record; completely empty lines are skipped and a
 *   final line end does not make an extra row;
 * - quoted fields may hold commas, doubled quotes and line breaks; a line break inside
 *   quotes is read as `\n` whatever the file used;
 * - a quote inside an unquoted field is kept literally, and so is any text between a
 *   closing quote and the next comma;
 * - rows may have different numbers of fields.
 *
 * The text must be UTF-8 without NUL bytes; a bad byte is reported with the physical line
 * it is on (every line end counts, including those inside quoted fields), and so is the
 * line where the text goes past one of @limits. Time is linear in @length, and so is
 * memory: a row is one allocation, its fields and their text together.
 *
 * Returns: (transfer full) (element-type GStrv): the rows, row 0 being the header as
 *   written, each a %NULL-terminated array of fields allocated as one block with the
 *   fields' text (free a row with g_free(), not g_strfreev(); the array frees them); or
 *   %NULL with @error set
 */
GPtrArray *
mix_csv_parse_limited (const char          *data,
                       gsize                length,
                       const MixCsvLimits  *limits,
                       GError             **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GString) text_buffer = NULL;
  g_autoptr(GArray) starts = NULL;
  CsvReader reader;
  const char *text;
  const char *end;
  const char *bad;
  guint64 n_cells = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (limits != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (limits->max_bytes > 0 && length > limits->max_bytes)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *limit = g_format_size (limits->max_bytes);

      g_set_error (error, MIX_CSV_ERROR, MIX_CSV_ERROR_TOO_LARGE,
                   _("The file is too large (%s); the limit is %s."), size, limit);
      return NULL;
    }

  if (length == 0)
    {
      g_set_error_literal (error, MIX_CSV_ERROR, MIX_CSV_ERROR_EMPTY, _("The file is empty."));
      return NULL;
    }

  text = data;
  end = data + length;
  if (length >= UTF8_BOM_LEN && memcmp (data, UTF8_BOM, UTF8_BOM_LEN) == 0)
    text += UTF8_BOM_LEN;
  /* Excel's `sep=;` first line names the delimiter; it is no row. */
  text += sep_line_length (text, end, NULL);

  /* One pass over the whole text up front. With an explicit length, g_utf8_validate_len()
   * also stops at a NUL byte, so the first problem of either kind is the one reported. */
  if (!g_utf8_validate_len (text, end - text, &bad))
    {
      guint line = line_of (data, bad);

      if (*bad == '\0')
        g_set_error (error, MIX_CSV_ERROR, MIX_CSV_ERROR_NUL_BYTE,
                     _("Line %u contains a NUL byte; this is not a text file."), line);
      else
        g_set_error (error, MIX_CSV_ERROR, MIX_CSV_ERROR_INVALID_UTF8,
                     _("Line %u is not valid UTF-8 text. Save the file as UTF-8 and try again."),
                     line);
      return NULL;
    }

  if (is_blank (text, end))
    {
      g_set_error_literal (error, MIX_CSV_ERROR, MIX_CSV_ERROR_EMPTY, _("The file is empty."));
      return NULL;
    }

  text_buffer = g_string_new (NULL);
  starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  reader = (CsvReader) { .p = text, .end = end, .line = 1, .text = text_buffer,
                         .starts = starts,
                         .delimiter = limits->delimiter != '\0' ? limits->delimiter : ',' };
  rows = g_ptr_array_new_with_free_func (g_free);

  while (reader.p < reader.end)
    {
      GStrv row;

      /* A line end where a record would start is an empty line: skip it. */
      if (is_line_end (*reader.p))
        {
          skip_line_end (&reader);
          continue;
        }

      /* The first row is the header, which is not one of the rows counted. */
      if (limits->max_rows > 0 && rows->len > limits->max_rows)
        {
          g_set_error (error, MIX_CSV_ERROR, MIX_CSV_ERROR_TOO_MANY_ROWS,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "Line %u: the file has more than %u row besides its "
                                    "header. Import it in smaller parts.",
                                    "Line %u: the file has more than %u rows besides its "
                                    "header. Import it in smaller parts.",
                                    limits->max_rows),
                       reader.line, limits->max_rows);
          return NULL;
        }

      row = read_record (&reader, limits, &n_cells, error);
      if (row == NULL)
        return NULL;

      g_ptr_array_add (rows, row);
    }

  /* The text is not blank, so at least one record was read. */
  g_assert (rows->len > 0);

  return g_steal_pointer (&rows);
}

/* TRUE if a spreadsheet could take @value, written as it is, for a formula. */
static inline gboolean
starts_like_formula (const char *value)
{
  switch (value[0])
    {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return TRUE;
    default:
      return FALSE;
    }
}

/* The text after any leading single quotes. */
static const char *
skip_quotes (const char *value)
{
  while (*value == '\'')
    value++;
  return value;
}

/**
 * mix_csv_append_field:
 * @out: the string to append to
 * @value: (nullable): the field's text; %NULL is written as an empty field
 * @guard_formula: whether to defuse values a spreadsheet would run as a formula
 *
 * Appends one field to @out, in quotes only where needed: when it holds a comma, a quote,
 * a CR or an LF, begins or ends with a space or a tab, or begins with a byte order mark.
 * Quotes inside are doubled.
 *
 * With @guard_formula, a value beginning with `=`, `+`, `-`, `@`, a tab or a CR is written
 * with a `'` in front, so spreadsheets show it as text instead of evaluating it (the
 * defence OWASP recommends against CSV injection). mix_csv_unguard() undoes this.
 */
void
mix_csv_append_field (GString    *out,
                      const char *value,
                      gboolean    guard_formula)
{
  gboolean guard;
  gboolean quote;
  gsize len;
  const char *p;

  g_return_if_fail (out != NULL);

  if (value == NULL || value[0] == '\0')
    return;

  len = strlen (value);
  /* A value that already looks guarded ('=…, ''=…) is guarded again, so
   * that mix_csv_unguard() gives it back exactly. */
  guard = guard_formula && starts_like_formula (skip_quotes (value));

  /* A guarded value begins with the quote mark, never with a space. Spaces and tabs at
   * either end are quoted so that no tool trims them, and so that a file of nothing but
   * such a value is not read back as empty. A value that begins with a byte order mark
   * is quoted too: as the first field of a file, it would otherwise be read back as the
   * file's BOM and lost. */
  /* Semicolons and tabs are quoted too, so that whatever reads the file
   * back takes the commas for what separates the fields. */
  quote = strpbrk (value, ",;\t\"\r\n") != NULL
          || (!guard && (value[0] == ' ' || value[0] == '\t'))
          || (!guard && g_str_has_prefix (value, UTF8_BOM))
          || value[len - 1] == ' ' || value[len - 1] == '\t';

  if (quote)
    g_string_append_c (out, '"');
  if (guard)
    g_string_append_c (out, '\'');

  if (!quote)
    {
      g_string_append_len (out, value, len);
      return;
    }

  /* Copy up to and including each quote, then write it a second time. */
  for (p = value; *p != '\0';)
    {
      const char *q = strchr (p, '"');

      if (q == NULL)
        {
          g_string_append (out, p);
          break;
        }

      g_string_append_len (out, p, q - p + 1);
      g_string_append_c (out, '"');
      p = q + 1;
    }

  g_string_append_c (out, '"');
}

/**
 * mix_csv_append_row:
 * @out: the string to append to
 * @values: (array length=n_values) (nullable): the fields; %NULL entries are empty fields
 * @n_values: the number of fields
 * @guard_formula: passed to mix_csv_append_field() for every field
 *
 * Appends a record: the fields separated by commas, then CRLF.
 *
 * A row of a single empty field is written as `""`, as a bare line end would be read back
 * as an empty line and skipped. A row of no fields is a bare line end.
 */
void
mix_csv_append_row (GString            *out,
                    const char * const *values,
                    gsize               n_values,
                    gboolean            guard_formula)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (values != NULL || n_values == 0);

  if (n_values == 1 && (values[0] == NULL || values[0][0] == '\0'))
    {
      g_string_append (out, "\"\"");
    }
  else
    {
      for (gsize i = 0; i < n_values; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          mix_csv_append_field (out, values[i], guard_formula);
        }
    }

  g_string_append (out, "\r\n");
}

/**
 * mix_csv_is_guarded:
 * @value: a field as read from a file
 *
 * Returns: %TRUE if @value carries the formula guard of mix_csv_append_field(): one or
 *   more `'` followed by `=`, `+`, `-`, `@`, a tab or a CR; the value is then @value + 1
 */
gboolean
mix_csv_is_guarded (const char *value)
{
  g_return_val_if_fail (value != NULL, FALSE);

  return value[0] == '\'' && starts_like_formula (skip_quotes (value));
}

/**
 * mix_csv_unguard:
 * @value: (nullable): a field as read from a file
 *
 * Undoes the formula guard of mix_csv_append_field(): if @value is one or more `'`
 * followed by `=`, `+`, `-`, `@`, a tab or a CR, the first `'` is dropped.
 *
 * Returns: (transfer full) (nullable): the field without its guard, or a copy of @value;
 *   %NULL if @value is %NULL
 */
char *
mix_csv_unguard (const char *value)
{
  if (value == NULL)
    return NULL;

  if (mix_csv_is_guarded (value))
    return g_strdup (value + 1);

  return g_strdup (value);
}
