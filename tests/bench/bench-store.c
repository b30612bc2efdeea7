/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "mix-bench-data.h"
#include "mix-csv-import.h"

/* Loading and saving tracker.json at 10,000 rows per tab, against a bare
 * json-glib parse and a bare json-glib generate + durable write of the same
 * document, measured in the same run; and CSV import (parse, map, add,
 * save) and export of 10,000 and 100,000 rows of a tab. Medians of RUNS
 * runs, in milliseconds. */

#define ROWS 10000
#define RUNS 5

static double
ms_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / 1000.0;
}

static double
median_of (GArray *samples)
{
  return mix_bench_median (samples);
}

static void
add (GArray *samples,
     double  value)
{
  g_array_append_val (samples, value);
}

/* Imports @path into the tab of a fresh store in @dir and saves it. */
static double
time_import (const char *dir,
             const char *path,
             guint       expected)
{
  g_autoptr(MixStore) store = mix_store_new (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  guint n = 0;
  gint64 start;
  double t;

  mix_store_load (store);
  start = g_get_monotonic_time ();
  if (!mix_tracker_import_csv_file (mix_store_get_tracker (store), MIX_TAB_NEW_CONTACTS, path,
                                    &n, &problems, &error) ||
      !mix_store_save (store, MIX_DOMAIN_TRACKER, &error))
    g_error ("%s", error->message);
  t = ms_since (start);
  g_assert_cmpuint (n, ==, expected);
  return t;
}

static void
clear_dir (const char *dir)
{
  const char *names[] = { "tracker.json", "tracker.json.bak", NULL };

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_unlink (path);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mix-bench-store-XXXXXX", &error);
  g_autofree char *import_dir = g_dir_make_tmp ("mix-bench-import-XXXXXX", &error);
  g_autofree char *tracker_path = NULL;
  g_autofree char *csv10k = NULL;
  g_autofree char *csv100k = NULL;
  g_autofree char *out_csv = NULL;
  g_autoptr(GArray) load = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) parse = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) save = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) generate = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) import10 = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) import100 = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) export10 = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) export100 = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(MixStore) store = NULL;
  g_autoptr(MixStore) big = NULL;

  g_assert_no_error (error);
  if (!mix_bench_write_data_dir (dir, ROWS, &error))
    g_error ("%s", error->message);
  tracker_path = g_build_filename (dir, "tracker.json", NULL);
  csv10k = g_build_filename (dir, "contacts-10k.csv", NULL);
  csv100k = g_build_filename (dir, "contacts-100k.csv", NULL);
  out_csv = g_build_filename (dir, "out.csv", NULL);

  /* Load, against json-glib parsing the same file. */
  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(MixStore) loaded = mix_store_new (dir);
      g_autoptr(JsonParser) parser = json_parser_new ();
      gint64 start = g_get_monotonic_time ();

      if (!json_parser_load_from_file (parser, tracker_path, &error))
        g_error ("%s", error->message);
      add (parse, ms_since (start));

      start = g_get_monotonic_time ();
      mix_store_load (loaded);
      add (load, ms_since (start));
      g_assert_cmpuint (mix_tracker_get_n_rows (mix_store_get_tracker (loaded), MIX_TAB_NEW_CONTACTS),
                        ==, ROWS);
      if (run == RUNS - 1)
        store = g_steal_pointer (&loaded);
    }

  /* Save, against json-glib generating the same document and writing it
   * the same durable way. */
  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autofree char *text = NULL;
      g_autofree char *copy = g_build_filename (dir, "baseline.json", NULL);
      gsize length;
      gint64 start;
      g_autoptr(MixRecord) record = g_list_model_get_item (
        mix_tracker_get_rows (mix_store_get_tracker (store), MIX_TAB_NEW_CONTACTS), run);

      if (!json_parser_load_from_file (parser, tracker_path, &error))
        g_error ("%s", error->message);
      start = g_get_monotonic_time ();
      json_generator_set_root (generator, json_parser_get_root (parser));
      text = json_generator_to_data (generator, &length);
      if (!g_file_set_contents_full (copy, text, (gssize) length,
                                     G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                     0600, &error))
        g_error ("%s", error->message);
      add (generate, ms_since (start));

      mix_record_set_value_by_id (record, "next_step", run % 2 ? "Call" : "Write", NULL);
      start = g_get_monotonic_time ();
      if (!mix_store_save (store, MIX_DOMAIN_TRACKER, &error))
        g_error ("%s", error->message);
      add (save, ms_since (start));
    }

  /* CSV: export a tab of 10,000 rows, and of 100,000. */
  for (guint run = 0; run < RUNS; run++)
    {
      guint n = 0;
      gint64 start = g_get_monotonic_time ();

      if (!mix_tracker_export_csv_file (mix_store_get_tracker (store), MIX_TAB_NEW_CONTACTS,
                                        run == 0 ? csv10k : out_csv, &n, &error))
        g_error ("%s", error->message);
      add (export10, ms_since (start));
      g_assert_cmpuint (n, ==, ROWS);
    }

  big = mix_store_new (import_dir);
  mix_store_load (big);
  mix_bench_fill_tracker (mix_store_get_tracker (big), ROWS * 10, 7);
  for (guint run = 0; run < RUNS; run++)
    {
      guint n = 0;
      gint64 start = g_get_monotonic_time ();

      if (!mix_tracker_export_csv_file (mix_store_get_tracker (big), MIX_TAB_NEW_CONTACTS,
                                        run == 0 ? csv100k : out_csv, &n, &error))
        g_error ("%s", error->message);
      add (export100, ms_since (start));
      g_assert_cmpuint (n, ==, ROWS * 10);
    }
  g_clear_object (&big);

  /* CSV: import them into an empty tab, saved. */
  for (guint run = 0; run < RUNS; run++)
    {
      clear_dir (import_dir);
      add (import10, time_import (import_dir, csv10k, ROWS));
      clear_dir (import_dir);
      add (import100, time_import (import_dir, csv100k, ROWS * 10));
    }

  printf ("1..1\n");
  printf ("# tracker.json with %u rows per tab, median of %u runs\n", ROWS, RUNS);
  printf ("# load: %.1f ms; json-glib parse alone: %.1f ms; ratio %.2f (target ≤ 1.5)\n",
           median_of (load), median_of (parse), median_of (load) / median_of (parse));
  printf ("# save: %.1f ms; json-glib generate + durable write: %.1f ms; ratio %.2f (target ≤ 1.5)\n",
           median_of (save), median_of (generate), median_of (save) / median_of (generate));
  printf ("# CSV import of %u rows (parse, map, add, save): %.1f ms (target < 150)\n",
           ROWS, median_of (import10));
  printf ("# CSV import of %u rows: %.1f ms; %.1f× the 10,000-row import (target ≤ 11)\n",
           ROWS * 10, median_of (import100), median_of (import100) / median_of (import10));
  printf ("# CSV export of %u rows: %.1f ms (target < 150)\n", ROWS, median_of (export10));
  printf ("# CSV export of %u rows: %.1f ms; %.1f× the 10,000-row export (target ≤ 11)\n",
           ROWS * 10, median_of (export100), median_of (export100) / median_of (export10));
  printf ("ok 1\n");
  return 0;
}
