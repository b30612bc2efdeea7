/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mix-session-page.h"

/* The session clock on screen, over a real minute: how far each change of
 * the shown time is from the exact second it stands for (drift), and how
 * often the main loop wakes up while the timer runs and while it is
 * paused. A wake-up is a poll that could sleep (a timeout other than 0):
 * once awake, the loop also polls without waiting between the steps of a
 * frame, which costs no wake-up; those are counted apart. Run with
 * `meson test --benchmark`; it takes about 75 seconds. */

#define RUN_SECONDS 60
#define PAUSED_SECONDS 10

static guint wakeups;
static guint polls;
static GPollFunc default_poll;

static int
counting_poll (GPollFD *fds,
               guint    nfds,
               int      timeout)
{
  polls++;
  if (timeout != 0)
    wakeups++;
  return default_poll (fds, nfds, timeout);
}

static GtkWidget *
find_time_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "timer-time"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_time_label (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  gint64  start;
  GArray *changes;  /* gint64, monotonic µs of each change of the shown time */
} Run;

static void
on_label_changed (GtkLabel   *label,
                  GParamSpec *pspec,
                  Run        *run)
{
  gint64 now = g_get_monotonic_time ();

  if (run->start != 0)
    g_array_append_val (run->changes, now);
}

static gboolean
quit_cb (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GArray) drifts = g_array_new (FALSE, FALSE, sizeof (gint64));
  Run run = { 0, g_array_new (FALSE, FALSE, sizeof (gint64)) };
  GtkWidget *window;
  GtkWidget *page;
  GtkWidget *label;
  MixTimer *timer;
  guint running_wakeups, running_polls, paused_wakeups;
  gint64 worst = 0;

  gtk_init ();
  adw_init ();

  window = gtk_window_new ();
  page = g_object_new (MIX_TYPE_SESSION_PAGE, NULL);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 900);
  gtk_window_present (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  label = find_time_label (page);
  g_assert_nonnull (label);
  timer = mix_session_page_get_timer (MIX_SESSION_PAGE (page));
  /* A first phase longer than the run, so that neither the chime a minute
   * before its end nor the one at its end plays during the measurement:
   * the sound's playback is not the clock's. */
  mix_timer_set_planned_minutes (timer, MIX_PHASE_INTRODUCTIONS, 5);
  g_signal_connect (label, "notify::label", G_CALLBACK (on_label_changed), &run);

  default_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, counting_poll);

  /* Running: the shown time should change once a second, on the second. */
  gtk_widget_activate_action (page, "session.toggle", NULL);
  run.start = g_get_monotonic_time ();
  wakeups = polls = 0;
  /* Half a second more, so that the last change, due on the last second,
   * is not raced by the end of the run. */
  g_timeout_add (RUN_SECONDS * 1000 + 500, quit_cb, loop);
  g_main_loop_run (loop);
  running_wakeups = wakeups;
  running_polls = polls;

  for (guint i = 0; i < run.changes->len; i++)
    {
      /* The k-th change stands for k seconds gone. */
      gint64 expected = run.start + (gint64) (i + 1) * G_USEC_PER_SEC;
      gint64 drift = g_array_index (run.changes, gint64, i) - expected;

      if (drift < 0)
        drift = -drift;
      g_array_append_val (drifts, drift);
      worst = MAX (worst, drift);
    }
  g_array_sort (drifts, compare_gint64);

  /* Paused: nothing to show changes, so nothing should wake up. */
  gtk_widget_activate_action (page, "session.toggle", NULL);
  g_assert_cmpint (mix_timer_get_state (timer), ==, MIX_TIMER_PAUSED);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  wakeups = 0;
  g_timeout_add_seconds (PAUSED_SECONDS, quit_cb, loop);
  g_main_loop_run (loop);
  paused_wakeups = wakeups - 1;  /* the timeout that ends the measurement */

  g_print ("1..1\n");
  g_print ("# session clock over a real %d s run\n", RUN_SECONDS);
  g_print ("# changes of the shown time: %u (expected %d)\n", run.changes->len, RUN_SECONDS);
  if (drifts->len > 0)
    g_print ("# drift of a change from its second: median %.2f ms, worst %.2f ms\n",
             g_array_index (drifts, gint64, drifts->len / 2) / 1000.0, worst / 1000.0);
  g_print ("# main loop wake-ups per second: running %.2f, paused %.2f\n",
           (double) running_wakeups / (RUN_SECONDS + 0.5), (double) paused_wakeups / PAUSED_SECONDS);
  g_print ("# polls per second while running, those without waiting included: %.2f\n",
           (double) running_polls / (RUN_SECONDS + 0.5));
  g_print ("ok 1 - session clock\n");

  g_array_unref (run.changes);
  return 0;
}
