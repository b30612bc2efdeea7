/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mix-application.h"
#include "mix-bench-data.h"
#include "mix-window.h"

/* Start-up to the first frame, in a fresh process each time: a bare
 * AdwApplicationWindow built the same way (an application registered,
 * a window presented), the app with no data, and the app with 10,000 rows
 * per tab. Also the peak memory (VmHWM) of each at its first frame.
 * Medians of RUNS starts; the ratios compare figures of the same run. */

#define ROWS 10000
#define DRAFTS 200
#define SESSIONS 50
#define RUNS 7

static gint64 process_start;

static double
peak_rss_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtod (line + 6, NULL) / 1024.0 : 0;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   GApplication  *app)
{
  printf ("%.3f %.1f\n", (double) (g_get_monotonic_time () - process_start) / 1000.0,
          peak_rss_mb ());
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, app);
  g_application_quit (app);
}

static void
on_map_cb (GtkWidget    *window,
           GApplication *app)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), app);
}

static void
on_activate_cb (GApplication *app,
                const char   *mode)
{
  GtkWindow *window;

  if (g_str_equal (mode, "bare"))
    {
      window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app)));
      gtk_window_set_default_size (window, 960, 720);
    }
  else
    window = GTK_WINDOW (mix_window_new (MIX_APPLICATION (app)));

  g_signal_connect (window, "map", G_CALLBACK (on_map_cb), app);
  gtk_window_present (window);
}

/* One start, in this process: prints "milliseconds peak-MB". */
static int
child (const char *mode)
{
  g_autoptr(GApplication) app = NULL;

  if (g_str_equal (mode, "bare"))
    app = G_APPLICATION (adw_application_new ("io.github.mixitup.MixItUp.Bench",
                                              G_APPLICATION_NON_UNIQUE));
  else
    {
      app = G_APPLICATION (mix_application_new ());
      g_application_set_flags (app, G_APPLICATION_NON_UNIQUE);
    }
  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), (gpointer) mode);

  if (!g_str_equal (mode, "bare"))
    {
      g_autoptr(GSettings) settings = g_settings_new ("io.github.mixitup.MixItUp");

      g_settings_set_boolean (settings, "welcome-shown", TRUE);
    }
  return g_application_run (app, 0, NULL);
}

static void
start_once (const char *self_path,
            const char *mode,
            const char *data_home,
            GArray     *times,
            GArray     *memory)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *argv[] = { self_path, "--child", mode, NULL };
  double ms = 0, mb = 0;
  int status;

  env = g_environ_setenv (env, "XDG_DATA_HOME", data_home, TRUE);
  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                     &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s", error->message);
  if (sscanf (out, "%lf %lf", &ms, &mb) != 2)
    g_error ("unexpected output from a start: %s", out);
  g_array_append_val (times, ms);
  g_array_append_val (memory, mb);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *empty_home = NULL;
  g_autofree char *full_home = NULL;
  g_autofree char *full_dir = NULL;
  g_autofree char *self_path = NULL;
  g_autoptr(GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) empty = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) full = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_mb = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) empty_mb = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) full_mb = g_array_new (FALSE, FALSE, sizeof (double));
  double t_bare, t_empty, t_full, m_empty, m_full;

  process_start = g_get_monotonic_time ();
  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return child (argv[2]);

  empty_home = g_dir_make_tmp ("mix-bench-empty-XXXXXX", &error);
  g_assert_no_error (error);
  full_home = g_dir_make_tmp ("mix-bench-full-XXXXXX", &error);
  g_assert_no_error (error);
  full_dir = g_build_filename (full_home, "mix-it-up", NULL);
  if (!mix_bench_write_data_dir_full (full_dir, ROWS, DRAFTS, SESSIONS, &error))
    g_error ("%s", error->message);
  self_path = g_file_read_link ("/proc/self/exe", &error);
  g_assert_no_error (error);

  /* Interleaved, so that a busy moment of the machine falls on all three. */
  for (guint run = 0; run < RUNS; run++)
    {
      start_once (self_path, "bare", empty_home, bare, bare_mb);
      start_once (self_path, "app", empty_home, empty, empty_mb);
      start_once (self_path, "app", full_home, full, full_mb);
    }

  t_bare = mix_bench_median (bare);
  t_empty = mix_bench_median (empty);
  t_full = mix_bench_median (full);
  m_empty = mix_bench_median (empty_mb);
  m_full = mix_bench_median (full_mb);
  printf ("1..1\n");
  printf ("# start-up to the first frame, median of %u starts each\n", RUNS);
  printf ("# bare AdwApplicationWindow: %.1f ms, peak %.1f MB\n", t_bare, mix_bench_median (bare_mb));
  printf ("# Mix It Up, no data: %.1f ms, peak %.1f MB; %.2f× the bare window (target ≤ 1.15)\n",
           t_empty, m_empty, t_empty / t_bare);
  printf ("# Mix It Up, %u rows per tab, %u drafts, %u sessions: %.1f ms, peak %.1f MB; "
          "%.2f× no data (target ≤ 1.3); +%.1f MB (target ≤ +40)\n",
           ROWS, DRAFTS, SESSIONS, t_full, m_full, t_full / t_empty, m_full - m_empty);
  printf ("ok 1\n");
  return 0;
}
