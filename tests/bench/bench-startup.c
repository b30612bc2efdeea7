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
 * Medians of RUNS starts; the ratios compare figures of the same run.
 *
 * Two more windows are measured for reference, with no target: one with
 * only an empty header bar, the least a window with a title and window
 * buttons draws, and the app's frame without its pages (a header bar with
 * a view switcher, three empty pages, the narrow-width switcher bar). */

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

static GtkWidget *
reference_content (gboolean with_switcher)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  gtk_box_append (GTK_BOX (box), header);
  if (with_switcher)
    {
      static const char * const names[] = { "session", "tracker", "messages" };
      static const char * const titles[] = { "Session", "Tracker", "Messages" };
      static const char * const icons[] = { "alarm-symbolic", "x-office-spreadsheet-symbolic",
                                            "mail-send-symbolic" };
      GtkWidget *stack = adw_view_stack_new ();
      GtkWidget *title = adw_view_switcher_title_new ();
      GtkWidget *bar = adw_view_switcher_bar_new ();

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        adw_view_stack_add_titled_with_icon (ADW_VIEW_STACK (stack),
                                             gtk_box_new (GTK_ORIENTATION_VERTICAL, 0),
                                             names[i], titles[i], icons[i]);
      gtk_widget_set_vexpand (stack, TRUE);
      adw_view_switcher_title_set_stack (ADW_VIEW_SWITCHER_TITLE (title), ADW_VIEW_STACK (stack));
      adw_view_switcher_bar_set_stack (ADW_VIEW_SWITCHER_BAR (bar), ADW_VIEW_STACK (stack));
      g_object_bind_property (title, "title-visible", bar, "reveal", G_BINDING_SYNC_CREATE);
      adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
      gtk_box_append (GTK_BOX (box), stack);
      gtk_box_append (GTK_BOX (box), bar);
    }
  return box;
}

static gboolean
is_reference (const char *mode)
{
  return g_str_equal (mode, "bare") || g_str_equal (mode, "header") || g_str_equal (mode, "switcher");
}

static void
on_activate_cb (GApplication *app,
                const char   *mode)
{
  GtkWindow *window;

  if (is_reference (mode))
    {
      window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app)));
      gtk_window_set_default_size (window, 960, 720);
      if (!g_str_equal (mode, "bare"))
        adw_application_window_set_content (ADW_APPLICATION_WINDOW (window),
                                            reference_content (g_str_equal (mode, "switcher")));
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

  if (is_reference (mode))
    app = G_APPLICATION (adw_application_new ("io.github.mixitup.MixItUp.Bench",
                                              G_APPLICATION_NON_UNIQUE));
  else
    {
      app = G_APPLICATION (mix_application_new ());
      g_application_set_flags (app, G_APPLICATION_NON_UNIQUE);
    }
  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), (gpointer) mode);

  if (!is_reference (mode))
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
  g_autoptr(GArray) header = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) switcher = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) reference_mb = g_array_new (FALSE, FALSE, sizeof (double));
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

  /* Interleaved, so that a busy moment of the machine falls on all of them. */
  for (guint run = 0; run < RUNS; run++)
    {
      start_once (self_path, "bare", empty_home, bare, bare_mb);
      start_once (self_path, "header", empty_home, header, reference_mb);
      start_once (self_path, "switcher", empty_home, switcher, reference_mb);
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
  printf ("# for reference, a window with only a header bar: %.1f ms, %.2f× the bare window\n",
          mix_bench_median (header), mix_bench_median (header) / t_bare);
  printf ("# for reference, the app's frame without its pages (header bar, view switcher, "
          "switcher bar): %.1f ms, %.2f× the bare window\n",
          mix_bench_median (switcher), mix_bench_median (switcher) / t_bare);
  printf ("# Mix It Up, no data: %.1f ms, peak %.1f MB; %.2f× the bare window (target ≤ 1.15)\n",
           t_empty, m_empty, t_empty / t_bare);
  printf ("# Mix It Up, %u rows per tab, %u drafts, %u sessions: %.1f ms, peak %.1f MB; "
          "%.2f× no data (target ≤ 1.3); +%.1f MB (target ≤ +40)\n",
           ROWS, DRAFTS, SESSIONS, t_full, m_full, t_full / t_empty, m_full - m_empty);
  printf ("ok 1\n");
  return 0;
}
