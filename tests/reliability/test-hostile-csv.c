/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mix-csv.h"
#include "mix-csv-import.h"
#include "mix-date.h"
#include "mix-record.h"
#include "mix-tracker.h"

/*
 * CSV files made to hurt the reader and the import: 100 MB files, a million
 * columns on a line, quotes never closed, every kind of line end in one
 * file, NUL bytes and text that is not UTF-8.
 *
 * For each, what a person relies on: the import is refused with a sentence
 * that names the file and the line to look at; the tracker is left exactly
 * as it was (no row added, no change signalled), as nothing was chosen to
 * be imported; and the memory the attempt takes stays within a bound set by
 * the size of the file (at most 8 times its size, plus 64 MB), never by what
 * the file claims to hold. The peak is measured from /proc/self/status
 * (VmHWM), reset before each attempt through /proc/self/clear_refs.
 *
 * The import's limits (MIX_CSV_IMPORT_MAX_*: bytes, columns, rows and cells)
 * are what keeps that bound: each is checked as the file is read, and the
 * line that goes past one is the line named.
 */

#define MiB (1024 * 1024)

/* AddressSanitizer keeps freed memory in quarantine and pads every block, so what it
 * measures says nothing about the app's own use: there the bound is not checked. */
#if defined(__SANITIZE_ADDRESS__)
#define MEMORY_MEASURED FALSE
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MEMORY_MEASURED FALSE
#endif
#endif
#ifndef MEMORY_MEASURED
#define MEMORY_MEASURED TRUE
#endif

/* Rows that are already in the tab an import goes into. */
#define N_EXISTING 2

typedef struct
{
  char       *dir;
  MixTracker *tracker;
  guint       n_changed;
} Fixture;

static void
on_changed_cb (MixTracker *tracker,
               Fixture    *f)
{
  f->n_changed++;
}

/* A tracker with N_EXISTING rows in New Contacts, and no change seen yet. */
static void
fixture_new_tracker (Fixture *f)
{
  g_clear_object (&f->tracker);
  f->n_changed = 0;
  f->tracker = mix_tracker_new ();
  for (guint i = 0; i < N_EXISTING; i++)
    {
      MixRecord *record = mix_tracker_add_row (f->tracker, MIX_TAB_NEW_CONTACTS);

      g_assert_true (mix_record_set_value_by_id (record, "name", i == 0 ? "Ada" : "Grace",
                                                 NULL));
    }
  g_signal_connect (f->tracker, "changed", G_CALLBACK (on_changed_cb), f);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("mix-hostile-csv-XXXXXX", &error);
  g_assert_no_error (error);
  fixture_new_tracker (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_clear_object (&f->tracker);
}

/* Memory ------------------------------------------------------------------------------ */

/* A field of /proc/self/status, in KiB. */
static gsize
status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, field);
  g_assert_nonnull (line);
  return (gsize) g_ascii_strtoull (line + strlen (field), NULL, 10);
}

/* Makes the peak resident size the current one, and returns it in bytes. Memory freed
 * earlier goes back to the system first, so that an attempt cannot hide in it. */
static gsize
peak_reset (void)
{
  int fd;

#ifdef __GLIBC__
  malloc_trim (0);
#endif

  fd = g_open ("/proc/self/clear_refs", O_WRONLY, 0);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "5", 1), ==, 1);
  g_assert_true (g_close (fd, NULL));

  return status_kib ("VmRSS:") * 1024;
}

/* Asserts that the peak resident size grew by at most 8 × @input_size + 64 MB since
 * @baseline, and says by how much. Returns the growth. */
static gsize
assert_memory_bounded (const char *what,
                       gsize       baseline,
                       gsize       input_size)
{
  gsize peak = status_kib ("VmHWM:") * 1024;
  gsize growth = peak > baseline ? peak - baseline : 0;
  gsize bound = 8 * input_size + 64 * MiB;

  g_test_message ("%s: %.1f MB of input, peak RSS grew by %.1f MB (bound %.1f MB%s)", what,
                  input_size / 1e6, growth / 1e6, bound / 1e6,
                  MEMORY_MEASURED ? "" : ", not checked under AddressSanitizer");
  if (MEMORY_MEASURED)
    g_assert_cmpuint (growth, <, bound);
  return growth;
}

/* Files ------------------------------------------------------------------------------- */

typedef void (*ChunkFunc) (GString *chunk,
                           guint    index,
                           gpointer user_data);

/* Writes a file of @n_chunks chunks, each made by @func into a buffer that is reused, so
 * that a file of 100 MB costs the test 1 MB or so. Returns its size. */
static gsize
write_chunks (const char *path,
              guint       n_chunks,
              ChunkFunc   func,
              gpointer    user_data)
{
  g_autoptr(GString) chunk = g_string_sized_new (MiB + 4096);
  FILE *file = fopen (path, "wb");
  gsize size = 0;

  g_assert_nonnull (file);
  for (guint i = 0; i < n_chunks; i++)
    {
      g_string_truncate (chunk, 0);
      func (chunk, i, user_data);
      g_assert_cmpuint (fwrite (chunk->str, 1, chunk->len, file), ==, chunk->len);
      size += chunk->len;
    }
  g_assert_cmpint (fclose (file), ==, 0);

  return size;
}

static char *
write_text (Fixture    *f,
            const char *name,
            const char *text,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, length, &error));
  g_assert_no_error (error);
  return path;
}

/* Refusals ---------------------------------------------------------------------------- */

/* TRUE if @message names line @line ("Line 12" but not "Line 123"). */
static gboolean
names_line (const char *message,
            guint       line)
{
  g_autofree char *needle = g_strdup_printf ("Line %u", line);
  const char *p = strstr (message, needle);

  return p != NULL && !g_ascii_isdigit (p[strlen (needle)]);
}

/* Imports @path into the New Contacts tab as the command line does, and asserts that it
 * is refused with @code, a message naming the file and line @line (unless it is 0), and
 * that the tracker is as it was. Memory is checked against @input_size; the growth of
 * the peak is returned. */
static gsize
assert_refused (Fixture    *f,
                const char *path,
                gsize       input_size,
                MixCsvError code,
                guint       line)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (path);
  guint n_imported = 99;
  gsize baseline;
  gsize growth;

  baseline = peak_reset ();
  g_assert_false (mix_tracker_import_csv_file (f->tracker, MIX_TAB_NEW_CONTACTS, path,
                                               &n_imported, &problems, &error));
  growth = assert_memory_bounded (name, baseline, input_size);

  g_assert_error (error, MIX_CSV_ERROR, (int) code);
  g_test_message ("%s: %s", name, error->message);
  g_assert_nonnull (strstr (error->message, name));
  if (line > 0)
    g_assert_true (names_line (error->message, line));

  /* Nothing was imported, not even the good rows before the problem. */
  g_assert_cmpuint (n_imported, ==, 0);
  g_assert_null (problems);
  g_assert_cmpuint (f->n_changed, ==, 0);
  for (MixTab tab = 0; tab < MIX_N_TABS; tab++)
    g_assert_cmpuint (mix_tracker_get_n_rows (f->tracker, tab), ==,
                      tab == MIX_TAB_NEW_CONTACTS ? N_EXISTING : 0);

  return growth;
}

/* Good rows of the New Contacts tab, about 1 MB a chunk; the second kind has no quotes. */
#define ROW "Lin Chen,Globex,Staff Engineer,lin@example.com,\"Podcasts, accessibility\"\n"
#define ROWS_PER_CHUNK (MiB / (sizeof ROW - 1))
#define PLAIN_ROW "Lin Chen,Globex,Staff Engineer,lin@example.com,Podcasts and more podcasts\n"

static void
good_rows_chunk (GString  *chunk,
                 guint     index,
                 gpointer  user_data)
{
  if (index == 0)
    g_string_append (chunk, "Name,Company,Role,Email,Research Notes\n");
  for (guint i = 0; i < ROWS_PER_CHUNK; i++)
    g_string_append (chunk, ROW);
}

/* 100 MB files ------------------------------------------------------------------------ */

static void
test_huge_file (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "huge.csv", NULL);
  g_autofree char *limit = g_format_size (MIX_CSV_IMPORT_MAX_BYTES);
  g_autoptr(GError) error = NULL;
  gsize size;
  gsize baseline;
  gsize growth;

  /* A real file of 100 MB of good rows: refused for its size before it is read, so it
   * costs next to no memory. */
  size = write_chunks (path, 100, good_rows_chunk, NULL);
  g_assert_cmpuint (size, >, 99 * MiB);
  growth = assert_refused (f, path, size, MIX_CSV_ERROR_TOO_LARGE, 0);
  if (MEMORY_MEASURED)
    g_assert_cmpuint (growth, <, 16 * MiB);

  baseline = peak_reset ();
  g_assert_null (mix_csv_import_new_from_file (MIX_TAB_NEW_CONTACTS, path, &error));
  growth = assert_memory_bounded ("huge.csv, the import dialog", baseline, size);
  if (MEMORY_MEASURED)
    g_assert_cmpuint (growth, <, 16 * MiB);
  g_assert_error (error, MIX_CSV_ERROR, MIX_CSV_ERROR_TOO_LARGE);
  /* The sentence gives the limit, so the person knows how much to cut. */
  g_assert_nonnull (strstr (error->message, limit));
}

typedef struct
{
  char  *path;
  gsize  written;
} PipeWriter;

/* Writes good rows into the FIFO until 100 MB are written or the reader goes away. */
static gpointer
pipe_writer_thread (gpointer data)
{
  PipeWriter *writer = data;
  g_autoptr(GString) chunk = g_string_new (NULL);
  int fd = g_open (writer->path, O_WRONLY, 0);

  g_assert_cmpint (fd, >=, 0);
  for (guint i = 0; i < 100; i++)
    {
      gsize done = 0;

      g_string_truncate (chunk, 0);
      good_rows_chunk (chunk, i, NULL);
      while (done < chunk->len)
        {
          gssize n = write (fd, chunk->str + done, chunk->len - done);

          if (n < 0 && errno == EINTR)
            continue;
          if (n < 0)
            goto out;  /* EPIPE: the import stopped reading, as it should */
          done += (gsize) n;
          writer->written += (gsize) n;
        }
    }
out:
  g_close (fd, NULL);
  return NULL;
}

static void
test_huge_pipe (Fixture       *f,
                gconstpointer  data)
{
  PipeWriter writer = { g_build_filename (f->dir, "stream.csv", NULL), 0 };
  GThread *thread;

  /* A file whose size is not known until it is read, such as `--import-csv=/dev/stdin`:
   * reading stops just past the limit, so memory stays near the limit whatever comes. */
  g_assert_cmpint (mkfifo (writer.path, 0600), ==, 0);
  thread = g_thread_new ("writer", pipe_writer_thread, &writer);
  assert_refused (f, writer.path, MIX_CSV_IMPORT_MAX_BYTES, MIX_CSV_ERROR_TOO_LARGE, 0);
  g_thread_join (thread);

  g_test_message ("%.1f MB were written before the import stopped reading",
                  writer.written / 1e6);
  g_assert_cmpuint (writer.written, <, 100 * MiB);
  g_free (writer.path);
}

/* A million columns ------------------------------------------------------------------- */

static void
test_million_columns (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GString) text = g_string_sized_new (2 * 1000000 + 64);
  g_autofree char *path = NULL;
  g_autofree char *header_path = NULL;

  /* On a data row, then on the header. */
  g_string_append (text, "Name,Email\n");
  for (guint i = 0; i < 1000000; i++)
    g_string_append (text, "x,");
  g_string_append (text, "x\n");
  path = write_text (f, "million-columns.csv", text->str, text->len);
  assert_refused (f, path, text->len, MIX_CSV_ERROR_TOO_MANY_FIELDS, 2);

  g_string_erase (text, 0, strlen ("Name,Email\n"));
  g_string_append (text, "Ada\n");
  header_path = write_text (f, "million-headers.csv", text->str, text->len);
  assert_refused (f, header_path, text->len, MIX_CSV_ERROR_TOO_MANY_FIELDS, 1);
}

static void
test_column_limit (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("Name");
  g_autoptr(MixCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *count = g_strdup_printf ("%u columns", MIX_CSV_IMPORT_MAX_COLUMNS);

  /* As many columns as allowed are read; one more is refused, and the sentence says
   * how many are allowed. */
  for (guint i = 1; i < MIX_CSV_IMPORT_MAX_COLUMNS; i++)
    g_string_append_printf (text, ",c%u", i);
  g_string_append (text, "\nAda\n");
  import = mix_csv_import_new_from_data (MIX_TAB_NEW_CONTACTS, text->str, text->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mix_csv_import_get_n_source_columns (import), ==,
                    MIX_CSV_IMPORT_MAX_COLUMNS);

  g_string_append (text, "Grace");
  for (guint i = 0; i < MIX_CSV_IMPORT_MAX_COLUMNS; i++)
    g_string_append (text, ",x");
  g_string_append (text, "\n");
  path = write_text (f, "one-too-many.csv", text->str, text->len);
  assert_refused (f, path, text->len, MIX_CSV_ERROR_TOO_MANY_FIELDS, 3);

  {
    g_autoptr(GPtrArray) problems = NULL;

    g_assert_false (mix_tracker_import_csv_file (f->tracker, MIX_TAB_NEW_CONTACTS, path,
                                                 NULL, &problems, &error));
    g_assert_nonnull (strstr (error->message, count));
  }
}

/* Rows and cells past the limits: refused while reading, before they fill memory. */
static void
test_row_and_cell_limits (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("Name\n\n");
  g_autofree char *rows_path = NULL;
  g_autofree char *cells_path = NULL;
  guint n_cell_rows;

  /* One row too many besides the header; the empty line after the header is not a row
   * but is a line. */
  for (guint i = 0; i < MIX_CSV_IMPORT_MAX_ROWS + 1; i++)
    g_string_append (text, "a\n");
  rows_path = write_text (f, "rows.csv", text->str, text->len);
  assert_refused (f, rows_path, text->len, MIX_CSV_ERROR_TOO_MANY_ROWS,
                  MIX_CSV_IMPORT_MAX_ROWS + 3);


  /* Full rows of tiny cells, one row more than the cells allow. */
  n_cell_rows = MIX_CSV_IMPORT_MAX_CELLS / MIX_CSV_IMPORT_MAX_COLUMNS + 1;
  g_string_truncate (text, 0);
  for (guint r = 0; r < n_cell_rows; r++)
    {
      for (guint c = 0; c < MIX_CSV_IMPORT_MAX_COLUMNS; c++)
        g_string_append (text, c == 0 ? "a" : ",a");
      g_string_append (text, "\r\n");
    }
  cells_path = write_text (f, "cells.csv", text->str, text->len);
  assert_refused (f, cells_path, text->len, MIX_CSV_ERROR_TOO_MANY_CELLS, n_cell_rows);

  /* Exactly as many rows as a tracker tab may hold come in. */
  {
    g_autoptr(GPtrArray) problems = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *full_path = NULL;
    guint n = 0;
    guint before = mix_tracker_get_n_rows (f->tracker, MIX_TAB_NEW_CONTACTS);

    g_string_assign (text, "Name\n");
    for (guint i = 0; i < MIX_CSV_IMPORT_MAX_ROWS; i++)
      g_string_append (text, "a\n");
    full_path = write_text (f, "full.csv", text->str, text->len);
    g_assert_true (mix_tracker_import_csv_file (f->tracker, MIX_TAB_NEW_CONTACTS, full_path,
                                                &n, &problems, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, MIX_CSV_IMPORT_MAX_ROWS);
    g_assert_cmpuint (mix_tracker_get_n_rows (f->tracker, MIX_TAB_NEW_CONTACTS), ==,
                      before + MIX_CSV_IMPORT_MAX_ROWS);
  }
}

/* Quotes ------------------------------------------------------------------------------ */

#define QUOTE_CHUNKS 10
#define QUOTE_LINE   40000

/* Good rows, with a quote opened on line QUOTE_LINE and never closed: no row has a quote,
 * or the next one would close it. */
static void
open_quote_chunk (GString  *chunk,
                  guint     index,
                  gpointer  user_data)
{
  guint *line = user_data;

  if (index == 0)
    {
      g_string_append (chunk, "Name,Company,Role,Email,Research Notes\n");
      (*line)++;
    }
  for (guint i = 0; i < ROWS_PER_CHUNK; i++)
    {
      (*line)++;
      if (*line == QUOTE_LINE)
        g_string_append (chunk, "Kay,\"Acme, Inc,Boss,kay@example.com,Notes\n");
      else
        g_string_append (chunk, PLAIN_ROW);
    }
}

static void
test_unterminated_quote (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "open-quote.csv", NULL);
  g_autofree char *last = NULL;
  guint line = 0;
  gsize size;

  /* The rest of a 10 MB file becomes one field until the end, where the quote is still
   * open: refused, naming the line where the quote was opened. */
  size = write_chunks (path, QUOTE_CHUNKS, open_quote_chunk, &line);
  g_assert_cmpuint (line, >, QUOTE_LINE);
  assert_refused (f, path, size, MIX_CSV_ERROR_UNTERMINATED_QUOTE, QUOTE_LINE);

  /* On the last line, without a final line end. */
  last = write_text (f, "open-quote-last.csv", "Name,Company\r\nAda,ACME\r\nGrace,\"Navy", -1);
  assert_refused (f, last, 36, MIX_CSV_ERROR_UNTERMINATED_QUOTE, 3);
}

/* Line ends --------------------------------------------------------------------------- */

static const char * const line_ends[] = { "\r\n", "\n", "\r" };

#define MIXED_CHUNKS   4
#define MIXED_ROWS     (MiB / 256)  /* a chunk */
#define MIXED_BAD_LINE 12345

/* Rows ending in CRLF, LF and CR in turn, with a Latin-1 byte on line MIXED_BAD_LINE
 * when @user_data says so. */
static void
mixed_chunk (GString  *chunk,
             guint     index,
             gpointer  user_data)
{
  gboolean bad = GPOINTER_TO_INT (user_data);

  for (guint i = 0; i < MIXED_ROWS; i++)
    {
      guint line = index * MIXED_ROWS + i + 1;

      if (line == 1)
        g_string_append (chunk, "Name,Company,Role,Research Notes");
      else if (bad && line == MIXED_BAD_LINE)
        g_string_append (chunk, "Zo\xEB,Caf\xE9,Barista,");
      else
        g_string_append_printf (chunk, "Person %u,\"Company, %u\",Role,", line, line % 97);
      /* Pad each row with notes to about 256 bytes. */
      while (chunk->len % 256 < 250)
        g_string_append_c (chunk, 'n');
      g_string_append (chunk, line_ends[line % 3]);
    }
}

static void
test_mixed_line_ends (Fixture       *f,
                      gconstpointer  data)
{
  const char *text =
    "Name,Company,Research Notes\r\n"
    "Ada,ACME,one\n"
    "Grace,Navy,two\r"
    "Katherine,NASA,\"three\r\nlines\rin\none\"\n\r"
    "Dorothy,NACA,four";
  g_autofree char *small = write_text (f, "mixed.csv", text, -1);
  g_autofree char *big = g_build_filename (f->dir, "mixed-big.csv", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "mixed-bad.csv", NULL);
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(MixRecord) katherine = NULL;
  g_autoptr(MixRecord) dorothy = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *rows = mix_tracker_get_rows (f->tracker, MIX_TAB_NEW_CONTACTS);
  guint n_imported = 0;
  gsize size;
  gsize baseline;

  /* Every line end counts once, a line break inside quotes is kept as "\n", and "\n\r"
   * is two line ends around an empty line, which is skipped. */
  g_assert_true (mix_tracker_import_csv_file (f->tracker, MIX_TAB_NEW_CONTACTS, small,
                                              &n_imported, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_imported, ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, N_EXISTING + 4);
  katherine = g_list_model_get_item (rows, N_EXISTING + 2);
  g_assert_cmpstr (mix_record_get_value_by_id (katherine, "research_notes"), ==,
                   "three\nlines\nin\none");
  dorothy = g_list_model_get_item (rows, N_EXISTING + 3);
  g_assert_cmpstr (mix_record_get_value_by_id (dorothy, "company"), ==, "NACA");

  /* Lines 1 to 9 above, each line end counted once: the bad byte is on line 10. */
  after = g_strconcat (text, "\r\nZo\xEB,Caf\xE9,five\n", NULL);
  fixture_new_tracker (f);
  g_clear_pointer (&small, g_free);
  small = write_text (f, "mixed-then-bad.csv", after, -1);
  assert_refused (f, small, strlen (after), MIX_CSV_ERROR_INVALID_UTF8, 10);

  /* 4 MB in the three kinds of line end, with one bad line far down: the count holds. */
  size = write_chunks (bad, MIXED_CHUNKS, mixed_chunk, GINT_TO_POINTER (TRUE));
  assert_refused (f, bad, size, MIX_CSV_ERROR_INVALID_UTF8, MIXED_BAD_LINE);

  /* Without the bad line, all of it is imported, within the same bound. */
  rows = mix_tracker_get_rows (f->tracker, MIX_TAB_NEW_CONTACTS);
  size = write_chunks (big, MIXED_CHUNKS, mixed_chunk, GINT_TO_POINTER (FALSE));
  g_clear_pointer (&problems, g_ptr_array_unref);
  baseline = peak_reset ();
  g_assert_true (mix_tracker_import_csv_file (f->tracker, MIX_TAB_NEW_CONTACTS, big,
                                              &n_imported, &problems, &error));
  assert_memory_bounded ("mixed-big.csv imported", baseline, size);
  g_assert_no_error (error);
  g_assert_cmpuint (n_imported, ==, MIXED_CHUNKS * MIXED_ROWS - 1);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, N_EXISTING + n_imported);
}

/* NUL bytes --------------------------------------------------------------------------- */

#define NUL_CHUNKS 20

/* 20 MB of good rows with a NUL byte in the middle of the last row. */
static void
nul_chunk (GString  *chunk,
           guint     index,
           gpointer  user_data)
{
  guint *lines = user_data;

  good_rows_chunk (chunk, index, NULL);
  *lines += ROWS_PER_CHUNK + (index == 0);
  if (index == NUL_CHUNKS - 1)
    {
      g_string_append (chunk, "Nul");
      g_string_append_c (chunk, '\0');
      g_string_append (chunk, "Person,Co\n");
      (*lines)++;
    }
}

static void
test_nul_bytes (Fixture       *f,
                gconstpointer  data)
{
  static const char utf16[] = "N\0a\0m\0e\0\r\0\n\0A\0d\0a\0\r\0\n\0";
  static const char utf16_bom[] = "\xFF\xFEN\0a\0m\0e\0\r\0\n\0";
  g_autofree char *small = NULL;
  g_autofree char *wide = NULL;
  g_autofree char *wide_bom = NULL;
  g_autofree char *big = g_build_filename (f->dir, "nul-big.csv", NULL);
  guint lines = 0;
  gsize size;

  small = write_text (f, "nul.csv", "Name,Company\nAda,ACME\nGr\0ace,Navy\n", 33);
  assert_refused (f, small, 33, MIX_CSV_ERROR_NUL_BYTE, 3);

  /* Spreadsheets save "Unicode text" as UTF-16: refused on line 1, whether or not it
   * starts with a byte order mark. */
  wide = write_text (f, "utf16.csv", utf16, sizeof utf16 - 1);
  assert_refused (f, wide, sizeof utf16 - 1, MIX_CSV_ERROR_NUL_BYTE, 1);
  wide_bom = write_text (f, "utf16-bom.csv", utf16_bom, sizeof utf16_bom - 1);
  assert_refused (f, wide_bom, sizeof utf16_bom - 1, MIX_CSV_ERROR_INVALID_UTF8, 1);

  /* Found on the last line of 20 MB. */
  size = write_chunks (big, NUL_CHUNKS, nul_chunk, &lines);
  assert_refused (f, big, size, MIX_CSV_ERROR_NUL_BYTE, lines);
}

/* Invalid UTF-8 ----------------------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *text;
  guint       line;
} BadText;

static const BadText bad_texts[] = {
  { "latin1.csv", "Name,Company\nAda,ACME\nGrace,Navy\nZo\xEB,Caf\xE9\n", 4 },
  { "truncated-end.csv", "Name,Company\r\nAda,ACME\r\nZo\xC3", 3 },
  { "overlong.csv", "Name\n\xC0\xAF\n", 2 },
  { "surrogate.csv", "Name\nA\xED\xA0\x80\n", 2 },
  { "beyond-unicode.csv", "Name\n\xF4\x90\x80\x80\n", 2 },
  { "bom-then-bad.csv", "\xEF\xBB\xBFN\xFFme\n", 1 },
  { "in-quotes.csv", "Name,Notes\nAda,\"one\ntwo\r\nthr\xFF\"\n", 4 },
  { "lone-continuation.csv", "Name\r\rAda\r\x80\r", 4 },
};

static void
test_invalid_utf8 (Fixture       *f,
                   gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_texts); i++)
    {
      g_autofree char *path = write_text (f, bad_texts[i].name, bad_texts[i].text, -1);

      assert_refused (f, path, strlen (bad_texts[i].text), MIX_CSV_ERROR_INVALID_UTF8,
                      bad_texts[i].line);
    }
}

/* Found by fuzzing -------------------------------------------------------------------- */

/* fuzz-csv: a first field that begins with a byte order mark was written bare at the
 * start of the file, read back as the file's BOM and lost. */
static void
test_leading_bom_round_trip (Fixture       *f,
                             gconstpointer  data)
{
  const char * const row[] = { "\xEF\xBB\xBFName", "x" };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  mix_csv_append_row (out, row, G_N_ELEMENTS (row), TRUE);
  rows = mix_csv_parse (out->str, out->len, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstrv (g_ptr_array_index (rows, 0), ((const char * const []) {
    "\xEF\xBB\xBFName", "x", NULL }));
}

/* fuzz-csv: a file of one field of tabs, written without the formula guard, was read
 * back as an empty file. */
static void
test_blank_field_round_trip (Fixture       *f,
                             gconstpointer  data)
{
  static const char * const values[] = { "\t\t\t", "\t", " \t ", "x\t", NULL };

  for (guint i = 0; values[i] != NULL; i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GError) error = NULL;

      mix_csv_append_row (out, &values[i], 1, FALSE);
      rows = mix_csv_parse (out->str, out->len, 0, 0, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, 1);
      g_assert_cmpstrv (g_ptr_array_index (rows, 0), ((const char * const []) {
        values[i], NULL }));
    }
}

/* A date column took any text after a date that began with a digit for a time, so
 * "2026-03-05 2pm call" was stored as 2026-03-05 and the rest was lost without a word. */
static void
test_date_with_trailing_text (Fixture       *f,
                              gconstpointer  data)
{
  static const struct {
    const char *text;
    const char *iso;  /* NULL: not a date */
  } cases[] = {
    { "2026-03-05 2pm call with Ada", NULL },
    { "2026-03-05 1", NULL },
    { "2026-03-05 10:00 and more", NULL },
    { "2026-03-05T", NULL },
    { "2026-03-05T25:00", NULL },
    { "2026-03-05T10:61", NULL },
    { "2026-03-05T10:00:00Z", "2026-03-05" },
    { "2026-03-05T10:00:00.123+01:00", "2026-03-05" },
    { "2026-03-05T10:00:00-0500", "2026-03-05" },
    { "2026-03-05 9:30", "2026-03-05" },
    { "2026-03-05 9:30 PM", "2026-03-05" },
    { "2026-03-05 ", "2026-03-05" },
  };
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MixRecord) record = NULL;
  guint n_imported = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = mix_date_normalize (cases[i].text);

      g_test_message ("date “%s”", cases[i].text);
      g_assert_cmpstr (iso, ==, cases[i].iso);
    }

  /* Imported, the text is kept whole as an extra field, and the person is told. */
  path = write_text (f, "dates.csv", "Name,Contacted On\nAda,2026-03-05 2pm call\n", -1);
  g_assert_true (mix_tracker_import_csv_file (f->tracker, MIX_TAB_NEW_CONTACTS, path,
                                              &n_imported, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_imported, ==, 1);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (g_str_has_prefix (problems->pdata[0], "Row 2:"));
  record = g_list_model_get_item (mix_tracker_get_rows (f->tracker, MIX_TAB_NEW_CONTACTS),
                                  N_EXISTING);
  g_assert_null (mix_record_get_value_by_id (record, "contacted_on"));
  g_assert_cmpstr (mix_record_get_extra (record, "Contacted On"), ==, "2026-03-05 2pm call");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* The pipe's writer must see EPIPE when the import stops reading, not die of it. */
  signal (SIGPIPE, SIG_IGN);

#define ADD(path, func) \
  g_test_add ("/hostile-csv/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("huge-file", test_huge_file);
  ADD ("huge-pipe", test_huge_pipe);
  ADD ("million-columns", test_million_columns);
  ADD ("column-limit", test_column_limit);
  ADD ("row-and-cell-limits", test_row_and_cell_limits);
  ADD ("unterminated-quote", test_unterminated_quote);
  ADD ("mixed-line-ends", test_mixed_line_ends);
  ADD ("nul-bytes", test_nul_bytes);
  ADD ("invalid-utf8", test_invalid_utf8);
  ADD ("regression/leading-bom", test_leading_bom_round_trip);
  ADD ("regression/blank-field", test_blank_field_round_trip);
  ADD ("regression/date-with-trailing-text", test_date_with_trailing_text);

#undef ADD

  return g_test_run ();
}
