/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "mix-bench-data.h"
#include "mix-csv-import.h"

/* The headless CSV command, process start included, against a spreadsheet
 * converter doing the same job: Gnumeric's ssconvert reading the same CSV
 * of 10,000 rows and writing its own file, then writing CSV from that file.
 * Mix It Up's import reads the CSV, maps its columns, adds the rows to the
 * tracker and saves it; its export writes the tab as CSV. Medians of RUNS
 * runs of each, interleaved, so that a busy moment falls on both. */

#define ROWS 10000
#define RUNS 5

static double
run (const char * const *argv,
     const char         *data_home)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 start;
  int status;

  if (data_home != NULL)
    env = g_environ_setenv (env, "XDG_DATA_HOME", data_home, TRUE);
  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                     &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s\n%s", argv[0], error->message, err != NULL ? err : "");
  return (double) (g_get_monotonic_time () - start) / 1000.0;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MixTracker) tracker = mix_tracker_new ();
  g_autofree char *ssconvert = g_find_program_in_path ("ssconvert");
  g_autofree char *dir = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *home = NULL;
  g_autofree char *data = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *ours_out = NULL;
  g_autofree char *theirs_out = NULL;
  g_autofree char *import_arg = NULL;
  g_autofree char *export_arg = NULL;
  g_autoptr(GArray) ours_import = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) theirs_import = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ours_export = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) theirs_export = g_array_new (FALSE, FALSE, sizeof (double));
  double oi, ti, oe, te;

  if (argc != 2)
    g_error ("usage: %s PATH-TO-MIX-IT-UP", argv[0]);

  if (ssconvert == NULL)
    {
      printf ("1..0 # SKIP ssconvert (Debian's gnumeric package) is not installed\n");
      return 0;
    }

  dir = g_dir_make_tmp ("mix-bench-command-XXXXXX", &error);
  g_assert_no_error (error);
  csv = g_build_filename (dir, "contacts.csv", NULL);
  home = g_build_filename (dir, "home", NULL);
  data = g_build_filename (home, "mix-it-up", NULL);
  sheet = g_build_filename (dir, "contacts.gnumeric", NULL);
  ours_out = g_build_filename (dir, "ours.csv", NULL);
  theirs_out = g_build_filename (dir, "theirs.csv", NULL);
  import_arg = g_strconcat ("--import-csv=", csv, NULL);
  export_arg = g_strconcat ("--export-csv=", ours_out, NULL);

  mix_bench_fill_tracker (tracker, ROWS, 11);
  if (!mix_tracker_export_csv_file (tracker, MIX_TAB_NEW_CONTACTS, csv, NULL, &error))
    g_error ("%s", error->message);

  for (guint i = 0; i < RUNS; i++)
    {
      const char *import[] = { argv[1], import_arg, "--tab=new-contacts", NULL };
      const char *export[] = { argv[1], export_arg, "--tab=new-contacts", NULL };
      const char *convert_in[] = { ssconvert, csv, sheet, NULL };
      const char *convert_out[] = { ssconvert, sheet, theirs_out, NULL };
      double t;

      /* Into an empty tracker each time. */
      remove_tree (home);
      t = run (import, home);
      g_array_append_val (ours_import, t);
      t = run (convert_in, NULL);
      g_array_append_val (theirs_import, t);
      t = run (export, home);
      g_array_append_val (ours_export, t);
      t = run (convert_out, NULL);
      g_array_append_val (theirs_export, t);
    }

  /* Both did the whole job. */
  {
    g_autofree char *tracker_json = g_build_filename (data, "tracker.json", NULL);
    g_autoptr(MixTracker) reread = mix_tracker_new ();
    guint n = 0;

    g_assert_true (g_file_test (tracker_json, G_FILE_TEST_IS_REGULAR));
    g_assert_true (g_file_test (sheet, G_FILE_TEST_IS_REGULAR));
    g_assert_true (g_file_test (theirs_out, G_FILE_TEST_IS_REGULAR));
    if (!mix_tracker_import_csv_file (reread, MIX_TAB_NEW_CONTACTS, ours_out, &n, NULL, &error))
      g_error ("%s", error->message);
    g_assert_cmpuint (n, ==, ROWS);
  }

  oi = mix_bench_median (ours_import);
  ti = mix_bench_median (theirs_import);
  oe = mix_bench_median (ours_export);
  te = mix_bench_median (theirs_export);
  printf ("1..1\n");
  printf ("# headless CSV command, %u rows, process start included, median of %u runs\n",
          ROWS, RUNS);
  printf ("# import (read, map, add, save): %.1f ms; ssconvert CSV to .gnumeric: %.1f ms; "
          "ratio %.2f (target < 1)\n", oi, ti, oi / ti);
  printf ("# export: %.1f ms; ssconvert .gnumeric to CSV: %.1f ms; ratio %.2f (target < 1)\n",
          oe, te, oe / te);
  printf ("ok 1 - headless CSV command\n");

  remove_tree (dir);
  return 0;
}
