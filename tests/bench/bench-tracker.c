/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "mix-bench-data.h"
#include "mix-sheet-view.h"

/* The tracker at 10,000 rows per tab: loading the file, showing a tab,
 * sorting by a text and a date column, and filtering per keystroke, each
 * the median of several runs, in milliseconds, each until the window has
 * painted the result. A baseline measured in the
 * same run (GLib sorting the same names with g_utf8_collate) gives a ratio
 * that does not depend on how busy the machine is. */

#define ROWS 10000
#define RUNS 7

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef struct
{
  gint64 before;  /* the frame clock's phases, in µs */
  gint64 after;
} Frame;

static void
on_before_paint_cb (GdkFrameClock *clock,
                    Frame         *frame)
{
  if (frame->before == 0)
    frame->before = g_get_monotonic_time ();
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Frame         *frame)
{
  if (frame->before != 0 && frame->after == 0)
    frame->after = g_get_monotonic_time ();
}

/* How long a change takes to show, in ms from @start: until the models
 * and widgets are done, then the frame that lays out and paints the
 * window. Waiting for that frame to begin is left out: it depends on the
 * screen's refresh, not on the app. */
static double
settle (GtkWidget *window,
        gint64     start)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  Frame frame = { 0, 0 };
  gulong before;
  gulong after;
  gint64 done;

  spin ();
  done = g_get_monotonic_time ();
  before = g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint_cb), &frame);
  after = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &frame);
  gtk_widget_queue_draw (window);
  while (frame.after == 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, before);
  g_signal_handler_disconnect (clock, after);
  spin ();
  return (double) (done - start + frame.after - frame.before) / 1000.0;
}

/* The rows at the top of the table: about what a 1280×800 window shows. */
#define ON_SCREEN 24

static void
rows_on_screen (MixSheetView *sheet,
                MixRecord   **rows)
{
  guint n = mix_sheet_view_get_n_visible_rows (sheet);

  for (guint i = 0; i < ON_SCREEN; i++)
    rows[i] = i < n ? mix_sheet_view_get_visible_row (sheet, i) : NULL;
}

static double
ms_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_collate (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mix-bench-XXXXXX", &error);
  g_autoptr(GArray) load = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) baseline = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sort_text = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sort_date = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) filter = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) narrowing = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) widening = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) changing = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) show = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(MixStore) store = NULL;
  static const char * const typed[] = { "a", "an", "ann", "anna", "ann", "an", "a", "" };
  double t_base;

  gtk_init ();
  adw_init ();
  g_assert_no_error (error);

  /* The table as the app shows it: with the app's stylesheet, which
   * AdwApplication loads there. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, RESOURCE_BASE "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  if (!mix_bench_write_data_dir (dir, ROWS, &error))
    g_error ("%s", error->message);

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(MixStore) loaded = mix_store_new (dir);
      gint64 start = g_get_monotonic_time ();
      double t;

      mix_store_load (loaded);
      t = ms_since (start);
      g_assert_cmpuint (mix_tracker_get_n_rows (mix_store_get_tracker (loaded), MIX_TAB_NEW_CONTACTS), ==, ROWS);
      g_array_append_val (load, t);
      if (run == RUNS - 1)
        store = g_steal_pointer (&loaded);
    }

  for (guint run = 0; run < RUNS; run++)
    {
      GListModel *rows = mix_tracker_get_rows (mix_store_get_tracker (store), MIX_TAB_NEW_CONTACTS);
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      gint64 start;
      double t;

      for (guint i = 0; i < ROWS; i++)
        {
          g_autoptr(MixRecord) record = g_list_model_get_item (rows, i);
          g_ptr_array_add (names, (gpointer) mix_record_get_value (record, 0));
        }
      start = g_get_monotonic_time ();
      g_ptr_array_sort (names, compare_collate);
      t = ms_since (start);
      g_array_append_val (baseline, t);
    }
  t_base = mix_bench_median (baseline);

  for (guint run = 0; run < RUNS; run++)
    {
      GtkWidget *window = gtk_window_new ();
      MixSheetView *sheet = mix_sheet_view_new (mix_store_get_tracker (store), MIX_TAB_NEW_CONTACTS);
      GtkColumnView *view = mix_sheet_view_get_column_view (sheet);
      GListModel *columns = gtk_column_view_get_columns (view);
      g_autoptr(GtkColumnViewColumn) name_column = g_list_model_get_item (columns, 0);
      g_autoptr(GtkColumnViewColumn) date_column = g_list_model_get_item (columns, 8);
      gint64 start;
      double t;

      gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
      start = g_get_monotonic_time ();
      gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (sheet));
      gtk_window_present (GTK_WINDOW (window));
      t = settle (window, start);
      g_array_append_val (show, t);

      start = g_get_monotonic_time ();
      start = g_get_monotonic_time ();
      gtk_column_view_sort_by_column (view, name_column, GTK_SORT_ASCENDING);
      t = settle (window, start);
      g_array_append_val (sort_text, t);

      start = g_get_monotonic_time ();
      gtk_column_view_sort_by_column (view, date_column, GTK_SORT_DESCENDING);
      t = settle (window, start);
      g_array_append_val (sort_date, t);

      for (guint k = 0; k < G_N_ELEMENTS (typed); k++)
        {
          MixRecord *before[ON_SCREEN], *after[ON_SCREEN];

          rows_on_screen (sheet, before);
          start = g_get_monotonic_time ();
          mix_sheet_view_set_search (sheet, typed[k]);
          t = settle (window, start);
          g_array_append_val (filter, t);
          /* Some letters leave the rows on screen as they were: those that
           * change them are the ones to be quick. */
          rows_on_screen (sheet, after);
          if (memcmp (before, after, sizeof before) != 0)
            g_array_append_val (changing, t);
          /* A letter typed narrows the rows shown; one deleted widens them. */
          if (k > 0 && strlen (typed[k]) < strlen (typed[k - 1]))
            g_array_append_val (widening, t);
          else
            g_array_append_val (narrowing, t);
        }

      gtk_window_destroy (GTK_WINDOW (window));
      spin ();
    }

  g_print ("1..1\n");
  g_print ("# tracker, %u rows per tab, median of %u runs\n", ROWS, RUNS);
  g_print ("# load tracker.json (3 × %u rows): %.1f ms\n", ROWS, mix_bench_median (load));
  g_print ("# show a tab: %.1f ms\n", mix_bench_median (show));
  g_print ("# baseline, g_ptr_array_sort of the names with g_utf8_collate: %.1f ms\n", t_base);
  g_print ("# sort by name: %.1f ms (%.2f× baseline; target ≤ 50 ms)\n", mix_bench_median (sort_text),
           mix_bench_median (sort_text) / t_base);
  g_print ("# sort by date: %.1f ms (%.2f× baseline; target ≤ 50 ms)\n", mix_bench_median (sort_date),
           mix_bench_median (sort_date) / t_base);
  g_print ("# filter per keystroke: %.1f ms; a letter typed %.1f ms, a letter deleted %.1f ms\n",
           mix_bench_median (filter), mix_bench_median (narrowing), mix_bench_median (widening));
  g_print ("# filter per keystroke that changes the rows on screen (%u of %u): %.1f ms, worst %.1f ms "
           "(target ≤ 20)\n",
           changing->len, filter->len, mix_bench_median (changing), mix_bench_max (changing));
  g_print ("ok 1 - tracker at %u rows\n", ROWS);

  {
    g_autofree char *path = g_build_filename (dir, "tracker.json", NULL);
    g_autofree char *bak = g_build_filename (dir, "tracker.json.bak", NULL);
    g_unlink (path);
    g_unlink (bak);
    g_rmdir (dir);
  }
  return 0;
}
