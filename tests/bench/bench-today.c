/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include "mix-bench-data.h"
#include "mix-date.h"
#include "mix-today.h"
#include "mix-week.h"

/* The Today list is worked out again whenever the tracker or the messages
 * change: its time for 10,000 rows in each tab and 2,000 messages, the
 * median of 11 runs, against the 20 ms the page may take, and beside it,
 * measured in the same run, a walk that only reads each row's name (the
 * least any list of the rows costs). The generated rows have follow-up
 * dates all over two years: more than a third of the rows are due, far
 * more than a student's list. The week above the list (people messaged,
 * replies, talks, the streak) is measured too, as the page works both out
 * at each change; it is reported, the target being the list's. */

#define ROWS_PER_TAB 10000
#define N_DRAFTS 2000
#define RUNS 11
#define TARGET_MS 20.0

int
main (void)
{
  g_autoptr(MixTracker) tracker = mix_tracker_new ();
  g_autoptr(MixDrafts) drafts = mix_drafts_new ();
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_items = 0;
  double median, walk, week_median;
  GDate today;

  mix_bench_fill_tracker (tracker, ROWS_PER_TAB, 20261203);
  mix_bench_fill_drafts (drafts, tracker, N_DRAFTS, 20261203);
  g_assert_true (mix_date_parse ("2026-06-01", &today));

  for (guint run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) items = mix_today_compute (tracker, drafts, &today);
      double ms = (double) (g_get_monotonic_time () - start) / 1000.0;

      g_array_append_val (samples, ms);
      n_items = items->len;
      /* A tenth of them snoozed a week, as a user goes through the list. */
      if (run == 0)
        {
          GDate week = today;

          g_date_add_days (&week, 7);
          for (guint i = 0; i < items->len; i += 10)
            mix_today_snooze (tracker, items->pdata[i], &week);
        }
    }
  median = mix_bench_median (samples);

  {
    g_autoptr(GArray) weeks = g_array_new (FALSE, FALSE, sizeof (double));
    MixWeek week;

    for (guint run = 0; run < RUNS; run++)
      {
        gint64 start = g_get_monotonic_time ();
        double ms;

        mix_week_compute (&week, tracker, drafts, &today, 3);
        ms = (double) (g_get_monotonic_time () - start) / 1000.0;
        g_array_append_val (weeks, ms);
      }
    week_median = mix_bench_median (weeks);
  }

  {
    g_autoptr(GArray) walks = g_array_new (FALSE, FALSE, sizeof (double));
    guint named = 0;

    for (guint run = 0; run < RUNS; run++)
      {
        gint64 start = g_get_monotonic_time ();
        double ms;

        for (guint t = 0; t < MIX_N_TABS; t++)
          {
            GListModel *rows = mix_tracker_get_rows (tracker, t);
            guint n = g_list_model_get_n_items (rows);

            for (guint i = 0; i < n; i++)
              {
                g_autoptr(MixRecord) row = g_list_model_get_item (rows, i);

                named += mix_record_get_value (row, 0) != NULL;
              }
          }
        ms = (double) (g_get_monotonic_time () - start) / 1000.0;
        g_array_append_val (walks, ms);
      }
    walk = mix_bench_median (walks);
    g_assert_cmpuint (named, >, 0);
  }

  printf ("1..1\n");
  printf ("# Today for %u rows per tab and %u messages: %.2f ms (median of %u runs, "
          "max %.2f ms), %u items; target %.0f ms\n",
          ROWS_PER_TAB, N_DRAFTS, median, RUNS, mix_bench_max (samples), n_items, TARGET_MS);
  printf ("# a walk reading each row's name: %.2f ms; Today takes %.1f× that\n", walk,
          median / walk);
  printf ("# the week above it: %.2f ms (median of %u runs)\n", week_median, RUNS);
  printf ("%s 1\n", median <= TARGET_MS && n_items > 0 ? "ok" : "not ok");
  return 0;
}
