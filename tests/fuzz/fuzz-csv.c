/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "mix-csv.h"
#include "mix-csv-import.h"
#include "mix-tracker.h"

/*
 * The CSV reader and the import on what it reads. The first byte of the
 * input chooses the tab and how the mapping is changed; the rest is the file.
 *
 * Checked: the reader either fails with a message or gives rows that, written
 * back with mix_csv_append_row(), read back identical; with small limits it
 * gives the same rows, or refuses exactly the text that goes past one, naming
 * the line; the import maps, builds records and appends them to a tracker; and
 * the tracker's export reads back as an import of as many rows.
 */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

/* Writing rows and reading them back gives the same rows. */
static void
check_rows_round_trip (GPtrArray *rows)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      const char * const *row = g_ptr_array_index (rows, i);

      mix_csv_append_row (out, row, g_strv_length ((GStrv) row), FALSE);
    }

  again = mix_csv_parse (out->str, out->len, 0, 0, &error);
  if (again == NULL)
    fuzz_fail ("rows written by mix_csv_append_row() cannot be read: %s\n%s",
               error->message, out->str);
  if (again->len != rows->len)
    fuzz_fail ("%u rows written, %u read back:\n%s", rows->len, again->len, out->str);
  for (guint i = 0; i < rows->len; i++)
    if (!g_strv_equal (g_ptr_array_index (rows, i), g_ptr_array_index (again, i)))
      fuzz_fail ("row %u reads back differently:\n%s", i, out->str);
}

/* Small limits, chosen by @seed: the reader stops exactly where the text goes past one,
 * and gives the same rows as without limits when it does not. */
static void
check_limits (const char *text,
              gsize       length,
              guint8      seed,
              GPtrArray  *unlimited)
{
  MixCsvLimits limits = {
    .max_fields = 1 + seed % 4,
    .max_rows = 1 + (seed / 4) % 4,
    .max_cells = 1 + (seed / 16) % 16,
  };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gboolean over = FALSE;
  guint64 n_cells = 0;

  rows = mix_csv_parse_limited (text, length, &limits, &error);
  if (unlimited == NULL)
    {
      if (rows != NULL)
        fuzz_fail ("text refused without limits is read with limits");
      return;
    }

  /* The first row, the header, is not counted against max_rows. */
  if (unlimited->len > limits.max_rows + 1)
    over = TRUE;
  for (guint i = 0; i < unlimited->len; i++)
    {
      guint n = g_strv_length (g_ptr_array_index (unlimited, i));

      n_cells += n;
      if (n > limits.max_fields)
        over = TRUE;
    }
  if (n_cells > limits.max_cells)
    over = TRUE;

  if (rows == NULL)
    {
      if (!over)
        fuzz_fail ("text within the limits was refused: %s", error->message);
      if (!g_error_matches (error, MIX_CSV_ERROR, MIX_CSV_ERROR_TOO_MANY_FIELDS) &&
          !g_error_matches (error, MIX_CSV_ERROR, MIX_CSV_ERROR_TOO_MANY_ROWS) &&
          !g_error_matches (error, MIX_CSV_ERROR, MIX_CSV_ERROR_TOO_MANY_CELLS))
        fuzz_fail ("a limit was passed, but the error is: %s", error->message);
      if (strstr (error->message, "Line ") == NULL)
        fuzz_fail ("the error does not name the line: %s", error->message);
      return;
    }

  if (over)
    fuzz_fail ("text past the limits was read");
  if (rows->len != unlimited->len)
    fuzz_fail ("%u rows with limits, %u without", rows->len, unlimited->len);
  for (guint i = 0; i < rows->len; i++)
    if (!g_strv_equal (g_ptr_array_index (rows, i), g_ptr_array_index (unlimited, i)))
      fuzz_fail ("row %u differs with limits", i);
}

static void
import (MixTab         tab,
        guint8         mapping_seed,
        const char    *text,
        gsize          length)
{
  g_autoptr(MixCsvImport) import = NULL;
  g_autoptr(MixCsvImport) reimport = NULL;
  g_autoptr(MixTracker) tracker = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  const MixTabInfo *info = mix_tab_get_info (tab);
  gsize exported_length = 0;
  guint n_columns;
  guint n_rows;
  guint n_nonempty;

  import = mix_csv_import_new_from_data (tab, text, length, &error);
  if (import == NULL)
    {
      if (error == NULL || error->message[0] == '\0')
        fuzz_fail ("an import failed without saying why");
      return;
    }

  n_columns = mix_csv_import_get_n_source_columns (import);
  n_rows = mix_csv_import_get_n_rows (import);
  for (guint s = 0; s < n_columns; s++)
    {
      const char *title = mix_csv_import_get_source_title (import, s);

      if (title == NULL || !g_utf8_validate (title, -1, NULL))
        fuzz_fail ("column %u has no valid title", s);
    }
  for (guint r = 0; r < n_rows; r++)
    for (guint s = 0; s < n_columns; s++)
      if (mix_csv_import_get_cell (import, r, s) == NULL)
        fuzz_fail ("cell %u,%u is NULL", r, s);

  /* Change the mapping as a person might in the dialog: a column of the tab,
   * extra or skipped, chosen from the seed. */
  for (guint s = 0; s < n_columns && mapping_seed != 0; s++)
    {
      guint choice = (mapping_seed + s * 7u) % (info->n_columns + 3);
      int target;

      if (choice < info->n_columns)
        target = (int) choice;
      else if (choice == info->n_columns)
        target = MIX_CSV_IMPORT_SKIP;
      else
        target = MIX_CSV_IMPORT_EXTRA;
      mix_csv_import_set_mapping (import, s, target);
      if (mix_csv_import_get_mapping (import, s) != target)
        fuzz_fail ("column %u was mapped to %d but reads %d", s, target,
                   mix_csv_import_get_mapping (import, s));
    }

  records = mix_csv_import_build_records (import, &problems);
  if (records->len != n_rows)
    fuzz_fail ("%u rows to import, %u records", n_rows, records->len);

  tracker = mix_tracker_new ();
  mix_tracker_append_rows (tracker, tab, records);
  if (mix_tracker_get_n_rows (tracker, tab) != n_rows)
    fuzz_fail ("%u records appended, %u rows in the tab", n_rows,
               mix_tracker_get_n_rows (tracker, tab));

  /* The export reads back, with a row for every record that has a value. */
  exported = mix_csv_export_rows (tab, mix_tracker_get_rows (tracker, tab), &exported_length);
  reimport = mix_csv_import_new_from_data (tab, exported, exported_length, &error);
  if (reimport == NULL)
    fuzz_fail ("the export cannot be imported: %s\n%s", error->message, exported);

  n_nonempty = 0;
  for (guint i = 0; i < records->len; i++)
    {
      MixRecord *record = g_ptr_array_index (records, i);
      GList *extra = mix_record_list_extra (record);
      gboolean empty = extra == NULL;

      for (guint c = 0; empty && c < info->n_columns; c++)
        if (mix_record_get_value (record, c) != NULL ||
            info->columns[c].type == MIX_COLUMN_BOOLEAN)
          empty = FALSE;
      g_list_free (extra);
      if (!empty)
        n_nonempty++;
    }
  if (mix_csv_import_get_n_rows (reimport) != n_nonempty)
    fuzz_fail ("%u rows with values exported, %u read back:\n%s", n_nonempty,
               mix_csv_import_get_n_rows (reimport), exported);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;
  gsize length;
  MixTab tab;

  if (size < 1)
    return 0;

  tab = (MixTab) (data[0] % MIX_N_TABS);
  text = (const char *) data + 1;
  length = size - 1;

  rows = mix_csv_parse (text, length, 0, 0, &error);
  if (rows == NULL)
    {
      if (error == NULL || error->message[0] == '\0')
        fuzz_fail ("the reader failed without saying why");
    }
  else
    {
      if (rows->len == 0)
        fuzz_fail ("the reader gave no rows and no error");
      check_rows_round_trip (rows);
    }
  check_limits (text, length, data[0], rows);

  import (tab, data[0] / MIX_N_TABS, text, length);

  return 0;
}
