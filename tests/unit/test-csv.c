/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "mix-csv.h"

#define STRV(...) ((const char * const []) { __VA_ARGS__, NULL })

/* Parses @text (with an explicit length, so it may hold NUL bytes) and asserts success. */
static GPtrArray *
parse_len (const char *text,
           gsize       length)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;

  rows = mix_csv_parse (text, length, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);

  return rows;
}

static GPtrArray *
parse (const char *text)
{
  return parse_len (text, strlen (text));
}

/* Parses @text, asserts that it fails with @code and that the message mentions @needle. */
static void
assert_parse_error (const char *text,
                    gsize       length,
                    guint       max_fields,
                    gsize       max_bytes,
                    MixCsvError code,
                    const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  rows = mix_csv_parse (text, length, max_fields, max_bytes, &error);
  g_assert_error (error, MIX_CSV_ERROR, (gint) code);
  g_assert_null (rows);
  if (needle != NULL)
    g_assert_nonnull (strstr (error->message, needle));
}

#define assert_row(rows, i, ...) \
  g_assert_cmpstrv (g_ptr_array_index ((rows), (i)), STRV (__VA_ARGS__))

/* Reading ----------------------------------------------------------------------------- */

static void
test_read_simple (void)
{
  g_autoptr(GPtrArray) rows = parse ("name,email\nAda,ada@example.com\n");

  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (rows, 0, "name", "email");
  assert_row (rows, 1, "Ada", "ada@example.com");
}

static void
test_read_bom (void)
{
  g_autoptr(GPtrArray) rows = parse ("\xEF\xBB\xBFname,email\r\nAda,ada@example.com\r\n");

  g_assert_cmpuint (rows->len, ==, 2);
  /* The BOM is not part of the first header cell. */
  assert_row (rows, 0, "name", "email");
  assert_row (rows, 1, "Ada", "ada@example.com");
}

static void
test_read_crlf (void)
{
  g_autoptr(GPtrArray) rows = parse ("a,b\r\nc,d\r\n");

  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (rows, 0, "a", "b");
  assert_row (rows, 1, "c", "d");
}

static void
test_read_lf (void)
{
  g_autoptr(GPtrArray) rows = parse ("a,b\nc,d\n");

  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (rows, 0, "a", "b");
  assert_row (rows, 1, "c", "d");
}

static void
test_read_cr (void)
{
  g_autoptr(GPtrArray) rows = parse ("a,b\rc,d\re,f\r");

  g_assert_cmpuint (rows->len, ==, 3);
  assert_row (rows, 0, "a", "b");
  assert_row (rows, 1, "c", "d");
  assert_row (rows, 2, "e", "f");
}

static void
test_read_mixed_line_ends (void)
{
  g_autoptr(GPtrArray) rows = parse ("a,b\r\nc,d\ne,f\rg,h");

  g_assert_cmpuint (rows->len, ==, 4);
  assert_row (rows, 0, "a", "b");
  assert_row (rows, 1, "c", "d");
  assert_row (rows, 2, "e", "f");
  assert_row (rows, 3, "g", "h");
}

static void
test_read_quoted_comma (void)
{
  g_autoptr(GPtrArray) rows = parse ("name,city\r\n\"Lovelace, Ada\",\"London, UK\"\r\n");

  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (rows, 1, "Lovelace, Ada", "London, UK");
}

static void
test_read_doubled_quotes (void)
{
  g_autoptr(GPtrArray) rows = parse ("\"say \"\"hi\"\"\",\"\"\"\"\r\n\"\"\"a\"\"\"\r\n");

  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (rows, 0, "say \"hi\"", "\"");
  assert_row (rows, 1, "\"a\"");
}

static void
test_read_quoted_newline (void)
{
  g_autoptr(GPtrArray) rows =
    parse ("note,n\r\n"
           "\"one\r\ntwo\",1\r\n"
           "\"three\rfour\",2\r\n"
           "\"five\nsix\",3\r\n"
           "\"\r\n\r\n\",4\r\n");

  g_assert_cmpuint (rows->len, ==, 5);
  /* CRLF and lone CR inside quotes become "\n"; LF stays "\n". */
  assert_row (rows, 1, "one\ntwo", "1");
  assert_row (rows, 2, "three\nfour", "2");
  assert_row (rows, 3, "five\nsix", "3");
  /* Blank lines inside quotes are part of the field, not skipped. */
  assert_row (rows, 4, "\n\n", "4");
}

static void
test_read_ragged (void)
{
  g_autoptr(GPtrArray) rows = parse ("a,b,c\r\n1\r\n1,2,3,4,5\r\n1,2\r\n");

  g_assert_cmpuint (rows->len, ==, 4);
  assert_row (rows, 0, "a", "b", "c");
  assert_row (rows, 1, "1");
  assert_row (rows, 2, "1", "2", "3", "4", "5");
  assert_row (rows, 3, "1", "2");
}

static void
test_read_empty_fields (void)
{
  g_autoptr(GPtrArray) rows = parse ("a,,c\r\n,,\r\n\"\",x,\"\"\r\n");

  g_assert_cmpuint (rows->len, ==, 3);
  assert_row (rows, 0, "a", "", "c");
  assert_row (rows, 1, "", "", "");
  assert_row (rows, 2, "", "x", "");
}

static void
test_read_trailing_comma (void)
{
  g_autoptr(GPtrArray) rows = parse ("a,b,\r\nc,d,");

  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (rows, 0, "a", "b", "");
  /* Also at the very end of the text, without a line end. */
  assert_row (rows, 1, "c", "d", "");
}

static void
test_read_no_final_newline (void)
{
  g_autoptr(GPtrArray) rows = parse ("a,b\r\nc,\"d\"");

  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (rows, 0, "a", "b");
  assert_row (rows, 1, "c", "d");
}

static void
test_read_blank_lines (void)
{
  g_autoptr(GPtrArray) rows = parse ("\r\n\na,b\r\n\r\n\n\rc,d\r\n\r\n");

  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (rows, 0, "a", "b");
  assert_row (rows, 1, "c", "d");
}

static void
test_read_header_only (void)
{
  g_autoptr(GPtrArray) rows = parse ("name,email,phone\r\n");

  g_assert_cmpuint (rows->len, ==, 1);
  assert_row (rows, 0, "name", "email", "phone");
}

static void
test_read_lenient_quotes (void)
{
  g_autoptr(GPtrArray) rows = parse ("5'11\",a\"b\"c,\"ab\"cd,\"x\" y\r\n a \"q\" ,\"\"z\r\n");

  g_assert_cmpuint (rows->len, ==, 2);
  /* Quotes inside unquoted fields are literal; text after a closing quote is kept. */
  assert_row (rows, 0, "5'11\"", "a\"b\"c", "abcd", "x y");
  /* A field starting with a space is unquoted, so its quotes are literal too. */
  assert_row (rows, 1, " a \"q\" ", "z");
}

static void
test_read_non_ascii (void)
{
  g_autoptr(GPtrArray) rows =
    parse ("nom,note\r\nZoë Ångström,\"Café 🎉, très bien\"\r\n日本語,👩‍💻\r\n");

  g_assert_cmpuint (rows->len, ==, 3);
  assert_row (rows, 1, "Zoë Ångström", "Café 🎉, très bien");
  assert_row (rows, 2, "日本語", "👩‍💻");
}

static void
test_read_large (void)
{
  g_autoptr(GString) csv = g_string_new ("id,name,note\r\n");
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *last_id = NULL;
  const guint n_rows = 100000;

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (csv, "%u,Person %u,\"a note, with \"\"quotes\"\"\nand a break\"\r\n",
                            i, i);

  rows = parse_len (csv->str, csv->len);

  g_assert_cmpuint (rows->len, ==, n_rows + 1);
  last_id = g_strdup_printf ("%u", n_rows - 1);
  assert_row (rows, n_rows, last_id, "Person 99999", "a note, with \"quotes\"\nand a break");
}

static void
test_read_wide_and_long (void)
{
  const guint n_fields = 250000;
  const gsize field_len = 8 * 1024 * 1024;
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;
  char **row;

  /* One line with many short columns... */
  for (guint i = 0; i < n_fields; i++)
    g_string_append (csv, "x,");
  g_string_append (csv, "end\n");

  /* ...then one huge quoted field full of doubled quotes and line breaks. */
  g_string_append_c (csv, '"');
  for (gsize i = 0; i < field_len / 4; i++)
    g_string_append (csv, "a\"\"\n");
  g_string_append (csv, "\"\n");

  rows = parse_len (csv->str, csv->len);

  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (g_strv_length (row), ==, n_fields + 1);
  g_assert_cmpstr (row[n_fields - 1], ==, "x");
  g_assert_cmpstr (row[n_fields], ==, "end");

  row = g_ptr_array_index (rows, 1);
  g_assert_cmpuint (g_strv_length (row), ==, 1);
  g_assert_cmpuint (strlen (row[0]), ==, field_len / 4 * 3);
  g_assert_true (g_str_has_prefix (row[0], "a\"\na\"\n"));
}

/* Reading errors ---------------------------------------------------------------------- */

static void
test_error_empty (void)
{
  assert_parse_error ("", 0, 0, 0, MIX_CSV_ERROR_EMPTY, NULL);
  assert_parse_error (NULL, 0, 0, 0, MIX_CSV_ERROR_EMPTY, NULL);
}

static void
test_error_bom_only (void)
{
  assert_parse_error ("\xEF\xBB\xBF", 3, 0, 0, MIX_CSV_ERROR_EMPTY, NULL);
}

static void
test_error_blank_only (void)
{
  const char *text = "\xEF\xBB\xBF\r\n  \n\t\r\n";

  assert_parse_error (text, strlen (text), 0, 0, MIX_CSV_ERROR_EMPTY, NULL);
}

static void
test_error_invalid_utf8 (void)
{
  const char *text = "a,b\r\nc,d\r\ne,caf\xE9\r\ng,h\r\n";
  const char *truncated = "a\nb\n\xF0\x9F\x8E";

  /* A Latin-1 "é" on line 3. */
  assert_parse_error (text, strlen (text), 0, 0, MIX_CSV_ERROR_INVALID_UTF8, "Line 3 ");
  /* A multi-byte sequence cut off by the end of the file. */
  assert_parse_error (truncated, strlen (truncated), 0, 0, MIX_CSV_ERROR_INVALID_UTF8, "Line 3 ");
}

static void
test_error_invalid_utf8_quoted (void)
{
  /* Lines: 1 header, 2 `x,"a` (CRLF), 3 `b` (CR), 4 `c` (LF), 5 `d\xFF",y`. The CRLF
   * counts once and the line breaks inside quotes count like any others. */
  const char *text = "h1,h2\r\nx,\"a\r\nb\rc\nd\xFF\",y\r\n";

  assert_parse_error (text, strlen (text), 0, 0, MIX_CSV_ERROR_INVALID_UTF8, "Line 5 ");
}

static void
test_error_nul_byte (void)
{
  static const char text[] = "a,b\r\nc,d\r\ne,f\0g\r\n";
  static const char nul_first[] = "a\n\0\n\xFF\n";
  static const char bad_first[] = "a\n\xFF\n\0\n";

  assert_parse_error (text, sizeof text - 1, 0, 0, MIX_CSV_ERROR_NUL_BYTE, "Line 3 ");

  /* Whichever problem comes first is the one reported. */
  assert_parse_error (nul_first, sizeof nul_first - 1, 0, 0, MIX_CSV_ERROR_NUL_BYTE, "Line 2 ");
  assert_parse_error (bad_first, sizeof bad_first - 1, 0, 0, MIX_CSV_ERROR_INVALID_UTF8,
                      "Line 2 ");
}

static void
test_error_unterminated_quote (void)
{
  const char *text = "a,b\r\nc,\"open\r\nstill open\r\nto the end\r\n";
  const char *doubled = "a,\"b\"\"\r\n";

  /* The error names the line where the quoted field starts, not where the file ends. */
  assert_parse_error (text, strlen (text), 0, 0, MIX_CSV_ERROR_UNTERMINATED_QUOTE, "Line 2:");
  /* A doubled quote is not a closing quote. */
  assert_parse_error (doubled, strlen (doubled), 0, 0, MIX_CSV_ERROR_UNTERMINATED_QUOTE,
                      "Line 1:");
}

static void
test_error_too_many_fields (void)
{
  const char *text = "a,b,c\r\n1,2,3\r\n\"x\ny\",2,3,4\r\n";
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  /* Exactly at the limit is fine. */
  rows = mix_csv_parse ("a,b,c\r\n1,2,3\r\n", 14, 3, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);

  /* The message names the line where the record starts and the limit. */
  assert_parse_error (text, strlen (text), 3, 0, MIX_CSV_ERROR_TOO_MANY_FIELDS,
                      "Line 3 has more than 3 columns");
  assert_parse_error (text, strlen (text), 2, 0, MIX_CSV_ERROR_TOO_MANY_FIELDS,
                      "Line 1 has more than 2 columns");
}

static void
test_error_too_large (void)
{
  const char *text = "a,b\r\nc,d\r\n";
  gsize len = strlen (text);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  assert_parse_error (text, len, 0, len - 1, MIX_CSV_ERROR_TOO_LARGE, NULL);

  rows = mix_csv_parse (text, len, 0, len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
}

/* Writing ----------------------------------------------------------------------------- */

/* Returns what mix_csv_append_field() writes for @value. */
static char *
field_to_csv (const char *value,
              gboolean    guard)
{
  GString *out = g_string_new (NULL);

  mix_csv_append_field (out, value, guard);
  return g_string_free (out, FALSE);
}

#define assert_field(value, guard, expected) \
  G_STMT_START { \
    g_autofree char *_written = field_to_csv ((value), (guard)); \
    g_assert_cmpstr (_written, ==, (expected)); \
  } G_STMT_END

static void
test_write_quoting (void)
{
  /* Quoted only where needed. */
  assert_field ("plain", FALSE, "plain");
  assert_field ("two words", FALSE, "two words");
  assert_field ("Zoë 🎉", FALSE, "Zoë 🎉");
  assert_field ("it's", FALSE, "it's");
  assert_field ("", FALSE, "");
  assert_field (NULL, FALSE, "");

  assert_field ("a,b", FALSE, "\"a,b\"");
  assert_field ("say \"hi\"", FALSE, "\"say \"\"hi\"\"\"");
  assert_field ("\"", FALSE, "\"\"\"\"");
  assert_field ("one\ntwo", FALSE, "\"one\ntwo\"");
  assert_field ("one\r\ntwo", FALSE, "\"one\r\ntwo\"");
  assert_field ("one\rtwo", FALSE, "\"one\rtwo\"");
  assert_field (" lead", FALSE, "\" lead\"");
  assert_field ("trail ", FALSE, "\"trail \"");
  assert_field (" ", FALSE, "\" \"");
  /* Semicolons and tabs, which other spreadsheets separate fields with:
   * quoted, so that reading the file back finds the commas. */
  assert_field ("a;b", FALSE, "\"a;b\"");
  assert_field ("a\tb", FALSE, "\"a\tb\"");
}

static void
test_write_row (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  mix_csv_append_row (out, STRV ("a", "b,c", NULL, ""), 4, FALSE);
  mix_csv_append_row (out, STRV ("x"), 1, FALSE);
  g_assert_cmpstr (out->str, ==, "a,\"b,c\",,\r\nx\r\n");

  /* A lone empty field is quoted, or it would read back as a skipped blank line. */
  g_string_truncate (out, 0);
  mix_csv_append_row (out, STRV (""), 1, FALSE);
  mix_csv_append_row (out, STRV (NULL), 1, TRUE);
  g_assert_cmpstr (out->str, ==, "\"\"\r\n\"\"\r\n");

  g_string_truncate (out, 0);
  mix_csv_append_row (out, NULL, 0, FALSE);
  g_assert_cmpstr (out->str, ==, "\r\n");
}

static void
test_write_guard (void)
{
  assert_field ("=SUM(A1:A9)", TRUE, "'=SUM(A1:A9)");
  assert_field ("+33 6 12 34 56 78", TRUE, "'+33 6 12 34 56 78");
  assert_field ("-5", TRUE, "'-5");
  assert_field ("@handle", TRUE, "'@handle");
  /* A tab is guarded, and quoted as every tab is (see test_write_quoting). */
  assert_field ("\tcmd", TRUE, "\"'\tcmd\"");
  /* CR is guarded, and the value still needs quotes for the CR itself. */
  assert_field ("\rcmd", TRUE, "\"'\rcmd\"");

  /* Without the guard, the same values are written as they are. */
  assert_field ("=SUM(A1:A9)", FALSE, "=SUM(A1:A9)");
  assert_field ("-5", FALSE, "-5");
  assert_field ("@handle", FALSE, "@handle");
}

static void
test_write_guard_other_text (void)
{
  assert_field ("a-b", TRUE, "a-b");
  assert_field ("a=b", TRUE, "a=b");
  assert_field ("hello", TRUE, "hello");
  assert_field ("", TRUE, "");
  assert_field (NULL, TRUE, "");
  assert_field ("'already", TRUE, "'already");
  /* A leading space is not a formula (but it is quoted). */
  assert_field (" =1", TRUE, "\" =1\"");
}

static void
test_write_guard_quoted (void)
{
  assert_field ("=HYPERLINK(\"http://x\",\"y\")", TRUE,
                "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  assert_field ("=1,2", TRUE, "\"'=1,2\"");
  assert_field ("-a\nb", TRUE, "\"'-a\nb\"");
  assert_field ("@x ", TRUE, "\"'@x \"");
}

static void
test_unguard (void)
{
  static const char * const values[] = { "=1+2", "+33", "-5", "@me", "\tx", "\ry", "=a,b" };

  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *guarded = field_to_csv (values[i], TRUE);
      g_autoptr(GPtrArray) rows = NULL;
      g_autofree char *unguarded = NULL;
      const char *read;

      /* Write guarded, read back, and the guard comes off again. (CR inside quotes reads
       * back as "\n", so compare the CR case directly on the unquoted guarded value.) */
      if (values[i][0] == '\r')
        {
          g_autofree char *plain = g_strconcat ("'", values[i], NULL);
          g_autofree char *back = mix_csv_unguard (plain);

          g_assert_cmpstr (back, ==, values[i]);
          continue;
        }

      rows = parse (guarded);
      read = ((char **) g_ptr_array_index (rows, 0))[0];
      g_assert_true (read[0] == '\'');
      unguarded = mix_csv_unguard (read);
      g_assert_cmpstr (unguarded, ==, values[i]);
    }

  /* Anything else is copied unchanged. */
  {
    static const char * const others[] = { "'hello", "'", "''", "plain", "", "=raw", "'a-b" };

    for (gsize i = 0; i < G_N_ELEMENTS (others); i++)
      {
        g_autofree char *copy = mix_csv_unguard (others[i]);

        g_assert_cmpstr (copy, ==, others[i]);
        g_assert_true (copy != others[i]);
      }
  }

  /* Quotes before a formula character are a guard over a guarded value:
   * one quote comes off. */
  {
    g_autofree char *once = mix_csv_unguard ("''=x");
    g_assert_cmpstr (once, ==, "'=x");
  }

  g_assert_null (mix_csv_unguard (NULL));
}

/* Round trip -------------------------------------------------------------------------- */

#define MAX_COLUMNS 5

typedef struct
{
  gsize       n_values;
  const char *values[MAX_COLUMNS];
} TableRow;

/* Tricky rows. Line breaks are "\n" only: the reader turns CR inside quotes into "\n". */
static const TableRow table[] = {
  { 3, { "Name", "Email", "Note" } },
  { 3, { "Lovelace, Ada", "say \"hi\"", "line one\nline two" } },
  { 3, { " leading", "trailing ", "  " } },
  { 4, { "=SUM(A1:A2)", "+33 6 12", "-5", "@handle" } },
  { 3, { "\tindented", "", "'quoted already" } },
  { 3, { "Zoë Ångström 🎉", "a-b", "\"\"" } },
  { 1, { "" } },
  { 1, { "only" } },
  { 5, { "a", "", "", "", "" } },
  { 2, { "=1,2", "\"=quoted\"" } },
  { 1, { "multi\nline\n\nwith a blank line\n" } },
  { 3, { ",", "\n", "\"" } },
  { 2, { "\"starts with a quote", "ends with a quote\"" } },
};

static void
check_round_trip (gboolean guard)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (table); i++)
    mix_csv_append_row (out, table[i].values, table[i].n_values, guard);

  rows = parse_len (out->str, out->len);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (table));

  for (gsize i = 0; i < G_N_ELEMENTS (table); i++)
    {
      char **row = g_ptr_array_index (rows, i);

      g_assert_cmpuint (g_strv_length (row), ==, table[i].n_values);

      for (gsize j = 0; j < table[i].n_values; j++)
        {
          const char *original = table[i].values[j];
          g_autofree char *unguarded = mix_csv_unguard (row[j]);
          gboolean guarded = guard && original[0] != '\0' && strchr ("=+-@\t", original[0]) != NULL;

          if (guarded)
            {
              g_assert_true (row[j][0] == '\'');
              g_assert_cmpstr (row[j] + 1, ==, original);
              g_assert_cmpstr (unguarded, ==, original);
            }
          else
            {
              g_assert_cmpstr (row[j], ==, original);
            }
        }
    }
}

static void
test_round_trip (void)
{
  check_round_trip (TRUE);
}

/* Text that already starts with the guard ('=…) comes back unchanged. */
static void
test_round_trip_apostrophe (void)
{
  static const char * const values[] = { "'=SUM(A1)", "'-5", "'@home", "'plain", "''=x", NULL };

  for (guint i = 0; values[i] != NULL; i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *back = NULL;

      mix_csv_append_row (out, &values[i], 1, TRUE);
      rows = mix_csv_parse (out->str, out->len, 0, 0, &error);
      g_assert_no_error (error);
      back = mix_csv_unguard (((char **) rows->pdata[0])[0]);
      g_assert_cmpstr (back, ==, values[i]);
    }
}

static void
test_round_trip_unguarded (void)
{
  check_round_trip (FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/read/simple", test_read_simple);
  g_test_add_func ("/csv/read/bom", test_read_bom);
  g_test_add_func ("/csv/read/crlf", test_read_crlf);
  g_test_add_func ("/csv/read/lf", test_read_lf);
  g_test_add_func ("/csv/read/cr", test_read_cr);
  g_test_add_func ("/csv/read/mixed-line-ends", test_read_mixed_line_ends);
  g_test_add_func ("/csv/read/quoted-comma", test_read_quoted_comma);
  g_test_add_func ("/csv/read/doubled-quotes", test_read_doubled_quotes);
  g_test_add_func ("/csv/read/quoted-newline", test_read_quoted_newline);
  g_test_add_func ("/csv/read/ragged", test_read_ragged);
  g_test_add_func ("/csv/read/empty-fields", test_read_empty_fields);
  g_test_add_func ("/csv/read/trailing-comma", test_read_trailing_comma);
  g_test_add_func ("/csv/read/no-final-newline", test_read_no_final_newline);
  g_test_add_func ("/csv/read/blank-lines", test_read_blank_lines);
  g_test_add_func ("/csv/read/header-only", test_read_header_only);
  g_test_add_func ("/csv/read/lenient-quotes", test_read_lenient_quotes);
  g_test_add_func ("/csv/read/non-ascii", test_read_non_ascii);
  g_test_add_func ("/csv/read/large", test_read_large);
  g_test_add_func ("/csv/read/wide-and-long", test_read_wide_and_long);

  g_test_add_func ("/csv/error/empty", test_error_empty);
  g_test_add_func ("/csv/error/bom-only", test_error_bom_only);
  g_test_add_func ("/csv/error/blank-only", test_error_blank_only);
  g_test_add_func ("/csv/error/invalid-utf8", test_error_invalid_utf8);
  g_test_add_func ("/csv/error/invalid-utf8-quoted", test_error_invalid_utf8_quoted);
  g_test_add_func ("/csv/error/nul-byte", test_error_nul_byte);
  g_test_add_func ("/csv/error/unterminated-quote", test_error_unterminated_quote);
  g_test_add_func ("/csv/error/too-many-fields", test_error_too_many_fields);
  g_test_add_func ("/csv/error/too-large", test_error_too_large);

  g_test_add_func ("/csv/write/quoting", test_write_quoting);
  g_test_add_func ("/csv/write/row", test_write_row);
  g_test_add_func ("/csv/write/guard", test_write_guard);
  g_test_add_func ("/csv/write/guard-other-text", test_write_guard_other_text);
  g_test_add_func ("/csv/write/guard-quoted", test_write_guard_quoted);
  g_test_add_func ("/csv/unguard", test_unguard);

  g_test_add_func ("/csv/round-trip/guarded", test_round_trip);
  g_test_add_func ("/csv/round-trip/unguarded", test_round_trip_unguarded);
  g_test_add_func ("/csv/round-trip/apostrophe", test_round_trip_apostrophe);

  return g_test_run ();
}
