/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mix-timer.h"

#define MS(x) ((gint64) (x) * 1000)
#define S(x) ((gint64) (x) * G_USEC_PER_SEC)

/* The fake clock starts far from zero, so that clock time and session time
 * differ; test times are milliseconds after BASE. */
#define BASE S (86400)

typedef struct
{
  gint64    now;     /* the fake clock, µs */
  MixTimer *timer;
  GString  *events;  /* "name(phase)@ms" separated by spaces */
} Fixture;

static gint64
fake_clock (gpointer user_data)
{
  Fixture *f = user_data;

  return f->now;
}

static void
set_time (Fixture *f,
          gint64   ms)
{
  f->now = BASE + MS (ms);
}

static void
record (Fixture    *f,
        const char *what)
{
  if (f->events->len > 0)
    g_string_append_c (f->events, ' ');
  g_string_append_printf (f->events, "%s@%" G_GINT64_FORMAT, what, (f->now - BASE) / 1000);
}

static void
record_phase (Fixture    *f,
              const char *signal,
              MixPhase    phase)
{
  g_autofree char *what = g_strdup_printf ("%s(%s)", signal, mix_guide_get_phase (phase)->id);

  record (f, what);
}

static void
on_phase_changed (MixTimer *timer,
                  MixPhase  phase,
                  Fixture  *f)
{
  record_phase (f, "phase-changed", phase);
}

static void
on_warning (MixTimer *timer,
            MixPhase  phase,
            Fixture  *f)
{
  record_phase (f, "warning", phase);
}

static void
on_phase_ended (MixTimer *timer,
                MixPhase  phase,
                Fixture  *f)
{
  record_phase (f, "phase-ended", phase);
}

static void
on_finished (MixTimer *timer,
             Fixture  *f)
{
  record (f, "finished");
}

static void
on_notify_state (MixTimer   *timer,
                 GParamSpec *pspec,
                 Fixture    *f)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (MIX_TYPE_TIMER_STATE);
  g_autofree char *what = NULL;

  what = g_strdup_printf ("state=%s",
                          g_enum_get_value (klass, mix_timer_get_state (timer))->value_nick);
  record (f, what);
}

static void
on_notify_phase (MixTimer   *timer,
                 GParamSpec *pspec,
                 Fixture    *f)
{
  g_autofree char *what = NULL;

  what = g_strdup_printf ("phase=%s", mix_guide_get_phase (mix_timer_get_phase (timer))->id);
  record (f, what);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  set_time (f, 0);
  f->events = g_string_new (NULL);
  f->timer = mix_timer_new ();
  mix_timer_set_clock (f->timer, fake_clock, f, NULL);

  g_signal_connect (f->timer, "phase-changed", G_CALLBACK (on_phase_changed), f);
  g_signal_connect (f->timer, "warning", G_CALLBACK (on_warning), f);
  g_signal_connect (f->timer, "phase-ended", G_CALLBACK (on_phase_ended), f);
  g_signal_connect (f->timer, "finished", G_CALLBACK (on_finished), f);
  g_signal_connect (f->timer, "notify::state", G_CALLBACK (on_notify_state), f);
  g_signal_connect (f->timer, "notify::phase", G_CALLBACK (on_notify_phase), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->timer);
  g_string_free (f->events, TRUE);
}

static void
assert_events (Fixture    *f,
               const char *expected)
{
  g_assert_cmpstr (f->events->str, ==, expected);
  g_string_truncate (f->events, 0);
}

static void
assert_format (gint64      remaining_us,
               const char *expected)
{
  g_autofree char *text = mix_timer_format_remaining (remaining_us);

  g_test_message ("%" G_GINT64_FORMAT " µs → “%s”", remaining_us, text);
  g_assert_cmpstr (text, ==, expected);
}

/* Updates at @ms and checks the signals emitted and the remaining time. */
static void
check_at (Fixture    *f,
          gint64      ms,
          const char *events,
          gint64      remaining_us)
{
  set_time (f, ms);
  mix_timer_update (f->timer);
  assert_events (f, events);
  g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, remaining_us);
}

/* Checks that @events happen at @ms to the millisecond: not 1 ms before. */
static void
expect_at (Fixture    *f,
           gint64      ms,
           const char *events,
           gint64      remaining_us)
{
  check_at (f, ms - 1, "", remaining_us + MS (1));
  check_at (f, ms, events, remaining_us);
}

static void
assert_log_entry (Fixture  *f,
                  guint     index,
                  MixPhase  phase,
                  gint64    started_us,
                  gint64    ended_us,
                  gint64    overtime_us)
{
  GArray *log = mix_timer_get_phase_log (f->timer);
  MixPhaseLogEntry *entry;

  g_assert_cmpuint (index, <, log->len);
  entry = &g_array_index (log, MixPhaseLogEntry, index);
  g_assert_cmpint (entry->phase, ==, phase);
  g_assert_cmpint (entry->started_us, ==, started_us);
  g_assert_cmpint (entry->ended_us, ==, ended_us);
  g_assert_cmpint (entry->overtime_us, ==, overtime_us);
}

static void
assert_log_length (Fixture *f,
                   guint    length)
{
  g_assert_cmpuint (mix_timer_get_phase_log (f->timer)->len, ==, length);
}

/* The facilitator plans the guide's 2/8/15/5 minutes and runs 35: a
 * 2-minute pause in Leaders Share, a minute added to Group Discussion and
 * 2 minutes of overtime in Close Out. */
static void
test_session_35_minutes (Fixture       *f,
                         gconstpointer  data)
{
  g_assert_cmpuint (mix_timer_get_planned_total (f->timer), ==, 30);
  g_assert_cmpint (mix_timer_get_state (f->timer), ==, MIX_TIMER_IDLE);

  /* 0:00 Introductions, 2 minutes */
  set_time (f, 0);
  mix_timer_start (f->timer);
  assert_events (f, "state=running@0 phase-changed(introductions)@0");
  g_assert_cmpint (mix_timer_get_state (f->timer), ==, MIX_TIMER_RUNNING);
  g_assert_cmpint (mix_timer_get_phase (f->timer), ==, MIX_PHASE_INTRODUCTIONS);
  g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, S (120));
  g_assert_cmpint (mix_timer_get_phase_duration (f->timer), ==, S (120));
  g_assert_cmpint (mix_timer_get_time_to_next_change (f->timer), ==, S (1));
  g_assert_cmpfloat (mix_timer_get_phase_fraction (f->timer), ==, 0.0);
  g_assert_cmpfloat (mix_timer_get_session_fraction (f->timer), ==, 0.0);
  assert_log_length (f, 1);
  assert_log_entry (f, 0, MIX_PHASE_INTRODUCTIONS, 0, 0, 0);

  check_at (f, 59999, "", MS (60001));
  assert_format (mix_timer_get_remaining (f->timer), "1:01");
  g_assert_cmpint (mix_timer_get_time_to_next_change (f->timer), ==, MS (1));
  check_at (f, 60000, "warning(introductions)@60000", S (60));
  assert_format (mix_timer_get_remaining (f->timer), "1:00");
  g_assert_cmpint (mix_timer_get_time_to_next_change (f->timer), ==, S (1));
  g_assert_cmpfloat (mix_timer_get_phase_fraction (f->timer), ==, 0.5);

  expect_at (f, 120000, "phase-ended(introductions)@120000", 0);
  assert_format (mix_timer_get_remaining (f->timer), "0:00");
  g_assert_cmpint (mix_timer_get_state (f->timer), ==, MIX_TIMER_RUNNING);

  /* 2:00 Leaders Share, 8 minutes, with a 2-minute pause at 5:00 */
  mix_timer_next_phase (f->timer);
  assert_events (f, "phase=leaders-share@120000 phase-changed(leaders-share)@120000");
  g_assert_cmpint (mix_timer_get_phase (f->timer), ==, MIX_PHASE_LEADERS_SHARE);
  g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, S (480));
  assert_log_length (f, 2);
  assert_log_entry (f, 0, MIX_PHASE_INTRODUCTIONS, 0, S (120), 0);
  assert_log_entry (f, 1, MIX_PHASE_LEADERS_SHARE, S (120), 0, 0);

  check_at (f, 300000, "", S (300));
  mix_timer_toggle (f->timer);
  assert_events (f, "state=paused@300000");
  g_assert_cmpint (mix_timer_get_state (f->timer), ==, MIX_TIMER_PAUSED);
  g_assert_cmpint (mix_timer_get_phase_elapsed (f->timer), ==, S (180));
  g_assert_cmpint (mix_timer_get_session_elapsed (f->timer), ==, S (300));
  g_assert_cmpint (mix_timer_get_time_to_next_change (f->timer), ==, -1);

  check_at (f, 360000, "", S (300));
  check_at (f, 420000, "", S (300));
  g_assert_cmpint (mix_timer_get_session_elapsed (f->timer), ==, S (300));
  mix_timer_toggle (f->timer);
  assert_events (f, "state=running@420000");
  g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, S (300));

  check_at (f, 420500, "", MS (299500));
  assert_format (mix_timer_get_remaining (f->timer), "5:00");
  g_assert_cmpint (mix_timer_get_time_to_next_change (f->timer), ==, MS (500));

  expect_at (f, 660000, "warning(leaders-share)@660000", S (60));
  g_assert_cmpint (mix_timer_get_session_elapsed (f->timer), ==, S (540));
  expect_at (f, 720000, "phase-ended(leaders-share)@720000", 0);
  g_assert_cmpint (mix_timer_get_phase_elapsed (f->timer), ==, S (480));

  /* 12:00 (10:00 of session time) Group Discussion, 15 minutes + 1 */
  mix_timer_next_phase (f->timer);
  assert_events (f, "phase=group-discussion@720000 phase-changed(group-discussion)@720000");
  assert_log_entry (f, 1, MIX_PHASE_LEADERS_SHARE, S (120), S (600), 0);
  assert_log_entry (f, 2, MIX_PHASE_GROUP_DISCUSSION, S (600), 0, 0);
  g_assert_cmpint (mix_timer_get_session_elapsed (f->timer), ==, S (600));
  g_assert_cmpfloat_with_epsilon (mix_timer_get_session_fraction (f->timer), 1.0 / 3.0, 1e-9);

  expect_at (f, 1560000, "warning(group-discussion)@1560000", S (60));
  check_at (f, 1590000, "", S (30));
  mix_timer_add_minute (f->timer);
  assert_events (f, "");
  g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, S (90));
  g_assert_cmpint (mix_timer_get_phase_duration (f->timer), ==, S (960));
  /* The warning comes again, since more than a minute is left. */
  expect_at (f, 1620000, "warning(group-discussion)@1620000", S (60));
  expect_at (f, 1680000, "phase-ended(group-discussion)@1680000", 0);

  /* 28:00 (26:00) Close Out, 5 minutes and 2 of overtime */
  mix_timer_next_phase (f->timer);
  assert_events (f, "phase=close-out@1680000 phase-changed(close-out)@1680000");
  assert_log_entry (f, 2, MIX_PHASE_GROUP_DISCUSSION, S (600), S (1560), 0);
  g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, S (300));
  g_assert_cmpfloat_with_epsilon (mix_timer_get_session_fraction (f->timer),
                                  1560.0 / 1860.0, 1e-9);

  expect_at (f, 1920000, "warning(close-out)@1920000", S (60));
  expect_at (f, 1980000, "phase-ended(close-out)@1980000", 0);
  g_assert_cmpfloat (mix_timer_get_session_fraction (f->timer), ==, 1.0);
  g_assert_cmpfloat (mix_timer_get_phase_fraction (f->timer), ==, 1.0);

  f->now++;
  mix_timer_update (f->timer);
  assert_events (f, "");
  g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, -1);
  assert_format (mix_timer_get_remaining (f->timer), "+0:00");
  check_at (f, 2040000, "", -S (60));
  assert_format (mix_timer_get_remaining (f->timer), "+1:00");
  check_at (f, 2100000, "", -S (120));
  assert_format (mix_timer_get_remaining (f->timer), "+2:00");
  g_assert_cmpint (mix_timer_get_state (f->timer), ==, MIX_TIMER_RUNNING);
  g_assert_cmpint (mix_timer_get_session_elapsed (f->timer), ==, S (1980));

  /* 35:00 (33:00) Next Phase from Close Out finishes. */
  g_assert_cmpint (f->now - BASE, ==, S (35 * 60));
  mix_timer_next_phase (f->timer);
  assert_events (f, "state=finished@2100000 finished@2100000");
  g_assert_cmpint (mix_timer_get_state (f->timer), ==, MIX_TIMER_FINISHED);
  g_assert_cmpint (mix_timer_get_phase (f->timer), ==, MIX_PHASE_CLOSE_OUT);
  assert_log_length (f, 4);
  assert_log_entry (f, 0, MIX_PHASE_INTRODUCTIONS, 0, S (120), 0);
  assert_log_entry (f, 1, MIX_PHASE_LEADERS_SHARE, S (120), S (600), 0);
  assert_log_entry (f, 2, MIX_PHASE_GROUP_DISCUSSION, S (600), S (1560), 0);
  assert_log_entry (f, 3, MIX_PHASE_CLOSE_OUT, S (1560), S (1980), S (120));

  /* Finished: everything stays where it was. */
  check_at (f, 2200000, "", -S (120));
  g_assert_cmpint (mix_timer_get_session_elapsed (f->timer), ==, S (1980));
  g_assert_cmpint (mix_timer_get_time_to_next_change (f->timer), ==, -1);
  g_assert_cmpfloat (mix_timer_get_session_fraction (f->timer), ==, 1.0);
  mix_timer_toggle (f->timer);
  mix_timer_next_phase (f->timer);
  mix_timer_previous_phase (f->timer);
  mix_timer_add_minute (f->timer);
  mix_timer_start (f->timer);
  assert_events (f, "");
  g_assert_cmpint (mix_timer_get_state (f->timer), ==, MIX_TIMER_FINISHED);
  g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, -S (120));
  assert_log_length (f, 4);
}

static void
test_pause (Fixture       *f,
            gconstpointer  data)
{
  mix_timer_start (f->timer);
  assert_events (f, "state=running@0 phase-changed(introductions)@0");

  /* Resume and pause do nothing in the wrong state. */
  mix_timer_resume (f->timer);
  assert_events (f, "");

  check_at (f, 30000, "", S (90));
  mix_timer_pause (f->timer);
  mix_timer_pause (f->timer);
  assert_events (f, "state=paused@30000");

  /* Frozen while paused, even long past the phase's end. */
  check_at (f, 500000, "", S (90));
  g_assert_cmpint (mix_timer_get_phase_elapsed (f->timer), ==, S (30));
  g_assert_cmpint (mix_timer_get_session_elapsed (f->timer), ==, S (30));
  g_assert_cmpfloat (mix_timer_get_phase_fraction (f->timer), ==, 0.25);

  mix_timer_resume (f->timer);
  assert_events (f, "state=running@500000");
  g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, S (90));
  check_at (f, 510000, "", S (80));
  g_assert_cmpint (mix_timer_get_phase_elapsed (f->timer), ==, S (40));

  /* A second pause adds up with the first. */
  mix_timer_toggle (f->timer);
  set_time (f, 520000);
  mix_timer_toggle (f->timer);
  assert_events (f, "state=paused@510000 state=running@520000");
  g_assert_cmpint (mix_timer_get_session_elapsed (f->timer), ==, S (40));
  expect_at (f, 540000, "warning(introductions)@540000", S (60));

  /* Next Phase while paused: the new phase waits, full, for the resume. */
  check_at (f, 550000, "", S (50));
  mix_timer_pause (f->timer);
  mix_timer_next_phase (f->timer);
  assert_events (f, "state=paused@550000 phase=leaders-share@550000 "
                    "phase-changed(leaders-share)@550000");
  g_assert_cmpint (mix_timer_get_state (f->timer), ==, MIX_TIMER_PAUSED);
  check_at (f, 600000, "", S (480));
  mix_timer_resume (f->timer);
  check_at (f, 610000, "state=running@600000", S (470));
  assert_log_entry (f, 0, MIX_PHASE_INTRODUCTIONS, 0, S (70), 0);
  assert_log_entry (f, 1, MIX_PHASE_LEADERS_SHARE, S (70), 0, 0);
  g_assert_cmpint (mix_timer_get_session_elapsed (f->timer), ==, S (80));
}

static void
test_add_minute_before_warning (Fixture       *f,
                                gconstpointer  data)
{
  mix_timer_start (f->timer);
  assert_events (f, "state=running@0 phase-changed(introductions)@0");

  check_at (f, 30000, "", S (90));
  mix_timer_add_minute (f->timer);
  assert_events (f, "");
  g_assert_cmpint (mix_timer_get_phase_duration (f->timer), ==, S (180));
  g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, S (150));

  /* The warning and the end move by the added minute. */
  check_at (f, 60000, "", S (120));
  expect_at (f, 120000, "warning(introductions)@120000", S (60));
  expect_at (f, 180000, "phase-ended(introductions)@180000", 0);
  g_assert_cmpfloat_with_epsilon (mix_timer_get_session_fraction (f->timer),
                                  180.0 / 1860.0, 1e-9);
}

static void
test_add_minute_after_warning (Fixture       *f,
                               gconstpointer  data)
{
  mix_timer_start (f->timer);
  assert_events (f, "state=running@0 phase-changed(introductions)@0");
  expect_at (f, 60000, "warning(introductions)@60000", S (60));

  check_at (f, 100000, "", S (20));
  mix_timer_add_minute (f->timer);
  assert_events (f, "");
  g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, S (80));
  expect_at (f, 120000, "warning(introductions)@120000", S (60));

  /* Added while paused: counted at once, the clock still frozen. */
  check_at (f, 130000, "", S (50));
  mix_timer_pause (f->timer);
  mix_timer_add_minute (f->timer);
  check_at (f, 200000, "state=paused@130000", S (110));
  mix_timer_resume (f->timer);
  assert_events (f, "state=running@200000");
  expect_at (f, 250000, "warning(introductions)@250000", S (60));
  expect_at (f, 310000, "phase-ended(introductions)@310000", 0);
  g_assert_cmpint (mix_timer_get_phase_duration (f->timer), ==, S (240));
  g_assert_cmpint (mix_timer_get_phase_elapsed (f->timer), ==, S (240));
}

static void
test_add_minute_overtime (Fixture       *f,
                          gconstpointer  data)
{
  mix_timer_start (f->timer);
  check_at (f, 60000, "state=running@0 phase-changed(introductions)@0 "
                      "warning(introductions)@60000", S (60));
  check_at (f, 120000, "phase-ended(introductions)@120000", 0);

  /* From zero to exactly the warning time: the end comes again, the
   * warning does not. */
  mix_timer_add_minute (f->timer);
  g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, S (60));
  check_at (f, 150000, "", S (30));
  expect_at (f, 180000, "phase-ended(introductions)@180000", 0);

  /* 30 s into overtime, a minute brings 30 s back: the end comes again. */
  check_at (f, 210000, "", -S (30));
  assert_format (mix_timer_get_remaining (f->timer), "+0:30");
  mix_timer_add_minute (f->timer);
  assert_events (f, "");
  g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, S (30));
  assert_format (mix_timer_get_remaining (f->timer), "0:30");
  expect_at (f, 240000, "phase-ended(introductions)@240000", 0);

  /* 90 s into overtime, a minute leaves it 30 s over: nothing again. */
  check_at (f, 330000, "", -S (90));
  mix_timer_add_minute (f->timer);
  check_at (f, 330000, "", -S (30));
  check_at (f, 331000, "", -S (31));
  assert_format (mix_timer_get_remaining (f->timer), "+0:31");
  g_assert_cmpint (mix_timer_get_phase_duration (f->timer), ==, S (300));
  g_assert_cmpfloat (mix_timer_get_phase_fraction (f->timer), ==, 1.0);

  mix_timer_next_phase (f->timer);
  assert_events (f, "phase=leaders-share@331000 phase-changed(leaders-share)@331000");
  assert_log_entry (f, 0, MIX_PHASE_INTRODUCTIONS, 0, S (331), S (31));
  /* The added minutes belonged to that visit only. */
  g_assert_cmpint (mix_timer_get_phase_duration (f->timer), ==, S (480));
}

static void
test_previous_from_overtime (Fixture       *f,
                             gconstpointer  data)
{
  mix_timer_start (f->timer);
  check_at (f, 10000, "state=running@0 phase-changed(introductions)@0", S (110));
  mix_timer_next_phase (f->timer);
  assert_events (f, "phase=leaders-share@10000 phase-changed(leaders-share)@10000");

  /* 20 s into Leaders Share's overtime */
  check_at (f, 510000, "warning(leaders-share)@510000 phase-ended(leaders-share)@510000",
            -S (20));

  mix_timer_previous_phase (f->timer);
  assert_events (f, "phase=introductions@510000 phase-changed(introductions)@510000");
  g_assert_cmpint (mix_timer_get_phase (f->timer), ==, MIX_PHASE_INTRODUCTIONS);
  g_assert_cmpint (mix_timer_get_state (f->timer), ==, MIX_TIMER_RUNNING);
  g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, S (120));
  g_assert_cmpint (mix_timer_get_phase_duration (f->timer), ==, S (120));
  g_assert_cmpint (mix_timer_get_phase_elapsed (f->timer), ==, 0);
  assert_format (mix_timer_get_remaining (f->timer), "2:00");
  assert_log_length (f, 3);
  assert_log_entry (f, 0, MIX_PHASE_INTRODUCTIONS, 0, S (10), 0);
  assert_log_entry (f, 1, MIX_PHASE_LEADERS_SHARE, S (10), S (510), S (20));
  assert_log_entry (f, 2, MIX_PHASE_INTRODUCTIONS, S (510), 0, 0);

  /* The new visit has its own warning and end. */
  expect_at (f, 570000, "warning(introductions)@570000", S (60));
  expect_at (f, 630000, "phase-ended(introductions)@630000", 0);
}

static void
test_previous_first_phase (Fixture       *f,
                           gconstpointer  data)
{
  mix_timer_start (f->timer);
  check_at (f, 90000, "state=running@0 phase-changed(introductions)@0 "
                      "warning(introductions)@90000", S (30));
  mix_timer_add_minute (f->timer);
  g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, S (90));

  /* From the first phase, Previous restarts it, without its added minute;
   * the phase does not change, but a new visit begins. */
  mix_timer_pause (f->timer);
  mix_timer_previous_phase (f->timer);
  assert_events (f, "state=paused@90000 phase-changed(introductions)@90000");
  g_assert_cmpint (mix_timer_get_state (f->timer), ==, MIX_TIMER_PAUSED);
  g_assert_cmpint (mix_timer_get_phase_duration (f->timer), ==, S (120));
  check_at (f, 100000, "", S (120));
  mix_timer_resume (f->timer);
  assert_events (f, "state=running@100000");
  expect_at (f, 160000, "warning(introductions)@160000", S (60));

  assert_log_length (f, 2);
  assert_log_entry (f, 0, MIX_PHASE_INTRODUCTIONS, 0, S (90), 0);
  assert_log_entry (f, 1, MIX_PHASE_INTRODUCTIONS, S (90), 0, 0);
}

static void
test_reset (Fixture       *f,
            gconstpointer  data)
{
  /* Nothing to reset while idle. */
  mix_timer_reset (f->timer);
  assert_events (f, "");

  g_assert_true (mix_timer_set_planned_minutes (f->timer, MIX_PHASE_INTRODUCTIONS, 3));
  mix_timer_start (f->timer);
  check_at (f, 30000, "state=running@0 phase-changed(introductions)@0", S (150));
  mix_timer_next_phase (f->timer);
  set_time (f, 40000);
  mix_timer_pause (f->timer);
  assert_events (f, "phase=leaders-share@30000 phase-changed(leaders-share)@30000 "
                    "state=paused@40000");

  set_time (f, 100000);
  mix_timer_reset (f->timer);
  assert_events (f, "state=idle@100000 phase=introductions@100000");
  g_assert_cmpint (mix_timer_get_state (f->timer), ==, MIX_TIMER_IDLE);
  g_assert_cmpint (mix_timer_get_phase (f->timer), ==, MIX_PHASE_INTRODUCTIONS);
  assert_log_length (f, 0);
  g_assert_cmpuint (mix_timer_get_planned_minutes (f->timer, MIX_PHASE_INTRODUCTIONS), ==, 3);
  g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, S (180));
  g_assert_cmpint (mix_timer_get_phase_elapsed (f->timer), ==, 0);
  g_assert_cmpint (mix_timer_get_session_elapsed (f->timer), ==, 0);
  g_assert_cmpint (mix_timer_get_time_to_next_change (f->timer), ==, -1);
  g_assert_cmpfloat (mix_timer_get_session_fraction (f->timer), ==, 0.0);

  /* Idle again: the plan can change, and nothing happens on update. */
  g_assert_true (mix_timer_set_planned_minutes (f->timer, MIX_PHASE_INTRODUCTIONS, 2));
  check_at (f, 500000, "", S (120));

  /* A new start owes nothing to the old session's pause. */
  mix_timer_start (f->timer);
  assert_events (f, "state=running@500000 phase-changed(introductions)@500000");
  assert_log_length (f, 1);
  assert_log_entry (f, 0, MIX_PHASE_INTRODUCTIONS, 0, 0, 0);
  expect_at (f, 560000, "warning(introductions)@560000", S (60));
  g_assert_cmpint (mix_timer_get_session_elapsed (f->timer), ==, S (60));

  /* Reset from finished. */
  for (guint i = 0; i < MIX_N_PHASES; i++)
    mix_timer_next_phase (f->timer);
  g_assert_cmpint (mix_timer_get_state (f->timer), ==, MIX_TIMER_FINISHED);
  assert_log_length (f, 4);
  g_string_truncate (f->events, 0);
  mix_timer_reset (f->timer);
  assert_events (f, "state=idle@560000 phase=introductions@560000");
  assert_log_length (f, 0);
}

static void
test_auto_advance (Fixture       *f,
                   gconstpointer  data)
{
  mix_timer_set_auto_advance (f->timer, TRUE);
  mix_timer_start (f->timer);
  assert_events (f, "state=running@0 phase-changed(introductions)@0");

  expect_at (f, 60000, "warning(introductions)@60000", S (60));
  check_at (f, 119999, "", MS (1));
  check_at (f, 120000, "phase-ended(introductions)@120000 phase=leaders-share@120000 "
                       "phase-changed(leaders-share)@120000", S (480));
  expect_at (f, 540000, "warning(leaders-share)@540000", S (60));
  check_at (f, 599999, "", MS (1));
  check_at (f, 600000, "phase-ended(leaders-share)@600000 phase=group-discussion@600000 "
                       "phase-changed(group-discussion)@600000", S (900));

  /* Late by 100 s: Close Out began when Group Discussion ended, not now. */
  check_at (f, 1600000, "warning(group-discussion)@1600000 "
                        "phase-ended(group-discussion)@1600000 phase=close-out@1600000 "
                        "phase-changed(close-out)@1600000", S (200));
  assert_log_entry (f, 2, MIX_PHASE_GROUP_DISCUSSION, S (600), S (1500), 0);
  assert_log_entry (f, 3, MIX_PHASE_CLOSE_OUT, S (1500), 0, 0);

  expect_at (f, 1740000, "warning(close-out)@1740000", S (60));
  expect_at (f, 1800000, "phase-ended(close-out)@1800000 state=finished@1800000 "
                         "finished@1800000", 0);
  g_assert_cmpint (mix_timer_get_state (f->timer), ==, MIX_TIMER_FINISHED);
  g_assert_cmpint (mix_timer_get_phase (f->timer), ==, MIX_PHASE_CLOSE_OUT);
  assert_log_length (f, 4);
  assert_log_entry (f, 0, MIX_PHASE_INTRODUCTIONS, 0, S (120), 0);
  assert_log_entry (f, 1, MIX_PHASE_LEADERS_SHARE, S (120), S (600), 0);
  assert_log_entry (f, 3, MIX_PHASE_CLOSE_OUT, S (1500), S (1800), 0);

  check_at (f, 1900000, "", 0);
  g_assert_cmpint (mix_timer_get_session_elapsed (f->timer), ==, S (1800));
  g_assert_cmpfloat (mix_timer_get_session_fraction (f->timer), ==, 1.0);
}

static void
test_auto_advance_late (Fixture       *f,
                        gconstpointer  data)
{
  mix_timer_set_auto_advance (f->timer, TRUE);
  mix_timer_start (f->timer);
  assert_events (f, "state=running@0 phase-changed(introductions)@0");

  /* One update long after the session's end plays the whole session. */
  check_at (f, 2000000,
            "warning(introductions)@2000000 phase-ended(introductions)@2000000 "
            "phase=leaders-share@2000000 phase-changed(leaders-share)@2000000 "
            "warning(leaders-share)@2000000 phase-ended(leaders-share)@2000000 "
            "phase=group-discussion@2000000 phase-changed(group-discussion)@2000000 "
            "warning(group-discussion)@2000000 phase-ended(group-discussion)@2000000 "
            "phase=close-out@2000000 phase-changed(close-out)@2000000 "
            "warning(close-out)@2000000 phase-ended(close-out)@2000000 "
            "state=finished@2000000 finished@2000000", 0);
  g_assert_cmpint (mix_timer_get_session_elapsed (f->timer), ==, S (1800));
  assert_log_length (f, 4);
  assert_log_entry (f, 0, MIX_PHASE_INTRODUCTIONS, 0, S (120), 0);
  assert_log_entry (f, 1, MIX_PHASE_LEADERS_SHARE, S (120), S (600), 0);
  assert_log_entry (f, 2, MIX_PHASE_GROUP_DISCUSSION, S (600), S (1500), 0);
  assert_log_entry (f, 3, MIX_PHASE_CLOSE_OUT, S (1500), S (1800), 0);
}

static void
test_auto_advance_in_overtime (Fixture       *f,
                               gconstpointer  data)
{
  mix_timer_start (f->timer);
  check_at (f, 150000, "state=running@0 phase-changed(introductions)@0 "
                       "warning(introductions)@150000 phase-ended(introductions)@150000",
            -S (30));

  /* Turned on in overtime, it moves on at the next update, from then. */
  mix_timer_set_auto_advance (f->timer, TRUE);
  assert_events (f, "");
  check_at (f, 151000, "phase=leaders-share@151000 phase-changed(leaders-share)@151000",
            S (480));
  assert_log_entry (f, 0, MIX_PHASE_INTRODUCTIONS, 0, S (151), S (31));
  assert_log_entry (f, 1, MIX_PHASE_LEADERS_SHARE, S (151), 0, 0);
}

static void
test_late_update (Fixture       *f,
                  gconstpointer  data)
{
  mix_timer_start (f->timer);
  assert_events (f, "state=running@0 phase-changed(introductions)@0");

  /* After a 3-minute sleep: the warning, then the end, once each. */
  check_at (f, 180000, "warning(introductions)@180000 phase-ended(introductions)@180000",
            -S (60));
  assert_format (mix_timer_get_remaining (f->timer), "+1:00");
  check_at (f, 180000, "", -S (60));
  check_at (f, 240000, "", -S (120));
  g_assert_cmpint (mix_timer_get_state (f->timer), ==, MIX_TIMER_RUNNING);
  g_assert_cmpint (mix_timer_get_phase (f->timer), ==, MIX_PHASE_INTRODUCTIONS);
}

static void
next_phase_cb (MixTimer *timer,
               MixPhase  phase,
               gpointer  user_data)
{
  mix_timer_next_phase (timer);
}

static void
test_handler_reentrancy (Fixture       *f,
                         gconstpointer  data)
{
  /* A handler of phase-ended that moves on itself, with auto-advance on:
   * the timer must not move on a second time. */
  g_signal_connect (f->timer, "phase-ended", G_CALLBACK (next_phase_cb), NULL);
  mix_timer_set_auto_advance (f->timer, TRUE);
  mix_timer_start (f->timer);
  check_at (f, 120000, "state=running@0 phase-changed(introductions)@0 "
                       "warning(introductions)@120000 phase-ended(introductions)@120000 "
                       "phase=leaders-share@120000 phase-changed(leaders-share)@120000",
            S (480));
  g_assert_cmpint (mix_timer_get_phase (f->timer), ==, MIX_PHASE_LEADERS_SHARE);
  assert_log_length (f, 2);
}

static void
test_format (void)
{
  static const struct {
    gint64      remaining_us;
    const char *text;
  } cases[] = {
    { 0, "0:00" },
    { 1, "0:01" },
    { 999999, "0:01" },
    { S (1), "0:01" },
    { S (1) + 1, "0:02" },
    { S (59), "0:59" },
    { S (59) + 1, "1:00" },
    { S (60), "1:00" },
    { S (60) + 1, "1:01" },
    { S (299), "4:59" },
    { MS (299250), "5:00" },
    { S (300), "5:00" },
    { S (15 * 60), "15:00" },
    { S (60 * 60), "60:00" },
    { S (100 * 60) + 1, "100:01" },
    { -1, "+0:00" },
    { -999999, "+0:00" },
    { -S (1), "+0:01" },
    { -S (1) - 1, "+0:01" },
    { -S (59) - 999999, "+0:59" },
    { -S (60), "+1:00" },
    { -S (61), "+1:01" },
    { -S (12 * 60 + 3), "+12:03" },
  };
  g_autofree char *most = mix_timer_format_remaining (G_MAXINT64);
  g_autofree char *least = mix_timer_format_remaining (G_MININT64);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_format (cases[i].remaining_us, cases[i].text);

  g_assert_true (g_ascii_isdigit (most[0]));
  g_assert_true (least[0] == '+');
}

static void
test_time_to_next_change (Fixture       *f,
                          gconstpointer  data)
{
  static const struct {
    gint64 remaining_us;
    gint64 next_us;
  } cases[] = {
    { S (600), S (1) },
    { MS (299250), MS (250) },
    { S (299), S (1) },
    { S (60) + 1, 1 },
    { 1, 1 },
    { 0, 1 },
    { -1, S (1) - 1 },
    { -S (1), S (1) },
    { -MS (1500), MS (500) },
  };

  g_assert_cmpint (mix_timer_get_time_to_next_change (f->timer), ==, -1);
  g_assert_true (mix_timer_set_planned_minutes (f->timer, MIX_PHASE_INTRODUCTIONS, 10));
  mix_timer_start (f->timer);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      f->now = BASE + S (600) - cases[i].remaining_us;
      g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, cases[i].remaining_us);
      g_assert_cmpint (mix_timer_get_time_to_next_change (f->timer), ==, cases[i].next_us);
    }

  /* Against the formatting, every 7 ms across the end: the text is the
   * same until the change and different at it. */
  for (gint64 r = S (3); r > -S (3); r -= MS (7) + 1)
    {
      gint64 next;
      g_autofree char *now_text = NULL;
      g_autofree char *before_text = NULL;
      g_autofree char *after_text = NULL;

      f->now = BASE + S (600) - r;
      next = mix_timer_get_time_to_next_change (f->timer);
      g_assert_cmpint (next, >, 0);
      g_assert_cmpint (next, <=, S (1));
      now_text = mix_timer_format_remaining (r);
      before_text = mix_timer_format_remaining (r - next + 1);
      after_text = mix_timer_format_remaining (r - next);
      g_assert_cmpstr (now_text, ==, before_text);
      g_assert_cmpstr (now_text, !=, after_text);
    }

  mix_timer_pause (f->timer);
  g_assert_cmpint (mix_timer_get_time_to_next_change (f->timer), ==, -1);
}

static void
test_plan (Fixture       *f,
           gconstpointer  data)
{
  static const guint defaults[] = { 2, 8, 15, 5 };

  for (guint i = 0; i < MIX_N_PHASES; i++)
    g_assert_cmpuint (mix_timer_get_planned_minutes (f->timer, (MixPhase) i), ==, defaults[i]);
  g_assert_cmpuint (mix_timer_get_planned_total (f->timer), ==, 30);

  g_assert_false (mix_timer_set_planned_minutes (f->timer, MIX_PHASE_CLOSE_OUT, 0));
  g_assert_false (mix_timer_set_planned_minutes (f->timer, MIX_PHASE_CLOSE_OUT, 31));
  g_assert_cmpuint (mix_timer_get_planned_minutes (f->timer, MIX_PHASE_CLOSE_OUT), ==, 5);

  g_assert_true (mix_timer_set_planned_minutes (f->timer, MIX_PHASE_CLOSE_OUT, 30));
  g_assert_true (mix_timer_set_planned_minutes (f->timer, MIX_PHASE_INTRODUCTIONS, 1));
  g_assert_cmpuint (mix_timer_get_planned_total (f->timer), ==, 1 + 8 + 15 + 30);
  g_assert_cmpint (mix_timer_get_phase_duration (f->timer), ==, S (60));
  g_assert_true (mix_timer_set_planned_minutes (f->timer, MIX_PHASE_INTRODUCTIONS, 5));
  g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, S (300));

  mix_timer_start (f->timer);
  g_assert_false (mix_timer_set_planned_minutes (f->timer, MIX_PHASE_LEADERS_SHARE, 10));
  mix_timer_pause (f->timer);
  g_assert_false (mix_timer_set_planned_minutes (f->timer, MIX_PHASE_LEADERS_SHARE, 10));
  for (guint i = 0; i < MIX_N_PHASES; i++)
    mix_timer_next_phase (f->timer);
  g_assert_cmpint (mix_timer_get_state (f->timer), ==, MIX_TIMER_FINISHED);
  g_assert_false (mix_timer_set_planned_minutes (f->timer, MIX_PHASE_LEADERS_SHARE, 10));
  g_assert_cmpuint (mix_timer_get_planned_minutes (f->timer, MIX_PHASE_LEADERS_SHARE), ==, 8);

  mix_timer_reset (f->timer);
  g_assert_true (mix_timer_set_planned_minutes (f->timer, MIX_PHASE_LEADERS_SHARE, 10));
  g_assert_cmpuint (mix_timer_get_planned_total (f->timer), ==, 5 + 10 + 15 + 30);
}

static void
test_warning_short_phase (Fixture       *f,
                          gconstpointer  data)
{
  /* A one-minute phase is not warned a minute before its end… */
  g_assert_true (mix_timer_set_planned_minutes (f->timer, MIX_PHASE_INTRODUCTIONS, 1));
  mix_timer_start (f->timer);
  assert_events (f, "state=running@0 phase-changed(introductions)@0");
  check_at (f, 0, "", S (60));
  expect_at (f, 60000, "phase-ended(introductions)@60000", 0);
  mix_timer_reset (f->timer);

  /* …but is with a shorter warning… */
  set_time (f, 0);
  mix_timer_set_warning_seconds (f->timer, 30);
  mix_timer_start (f->timer);
  assert_events (f, "state=idle@60000 state=running@0 phase-changed(introductions)@0");
  expect_at (f, 30000, "warning(introductions)@30000", S (30));
  mix_timer_reset (f->timer);

  /* …or once a minute is added. */
  set_time (f, 0);
  mix_timer_set_warning_seconds (f->timer, 60);
  mix_timer_start (f->timer);
  check_at (f, 10000, "state=idle@30000 state=running@0 phase-changed(introductions)@0",
            S (50));
  mix_timer_add_minute (f->timer);
  expect_at (f, 60000, "warning(introductions)@60000", S (60));
  mix_timer_reset (f->timer);

  /* No warning at all with warning-seconds 0. */
  set_time (f, 0);
  mix_timer_set_warning_seconds (f->timer, 0);
  g_assert_true (mix_timer_set_planned_minutes (f->timer, MIX_PHASE_INTRODUCTIONS, 2));
  mix_timer_start (f->timer);
  check_at (f, 119999, "state=idle@60000 state=running@0 phase-changed(introductions)@0",
            MS (1));
  check_at (f, 120000, "phase-ended(introductions)@120000", 0);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_properties (Fixture       *f,
                 gconstpointer  data)
{
  guint auto_advance_notifies = 0;
  guint warning_notifies = 0;
  gboolean auto_advance;
  guint warning_seconds;
  MixTimerState state;
  MixPhase phase;

  g_signal_connect (f->timer, "notify::auto-advance", G_CALLBACK (count_notify),
                    &auto_advance_notifies);
  g_signal_connect (f->timer, "notify::warning-seconds", G_CALLBACK (count_notify),
                    &warning_notifies);

  g_object_get (f->timer,
                "auto-advance", &auto_advance,
                "warning-seconds", &warning_seconds,
                "state", &state,
                "phase", &phase,
                NULL);
  g_assert_false (auto_advance);
  g_assert_cmpuint (warning_seconds, ==, 60);
  g_assert_cmpint (state, ==, MIX_TIMER_IDLE);
  g_assert_cmpint (phase, ==, MIX_PHASE_INTRODUCTIONS);

  g_object_set (f->timer, "auto-advance", FALSE, "warning-seconds", 60, NULL);
  g_assert_cmpuint (auto_advance_notifies, ==, 0);
  g_assert_cmpuint (warning_notifies, ==, 0);
  g_object_set (f->timer, "auto-advance", TRUE, "warning-seconds", 90, NULL);
  g_object_set (f->timer, "auto-advance", TRUE, "warning-seconds", 90, NULL);
  g_assert_cmpuint (auto_advance_notifies, ==, 1);
  g_assert_cmpuint (warning_notifies, ==, 1);
  g_assert_true (mix_timer_get_auto_advance (f->timer));
  g_assert_cmpuint (mix_timer_get_warning_seconds (f->timer), ==, 90);

  mix_timer_start (f->timer);
  mix_timer_next_phase (f->timer);
  assert_events (f, "state=running@0 phase-changed(introductions)@0 "
                    "phase=leaders-share@0 phase-changed(leaders-share)@0");
  g_object_get (f->timer, "state", &state, "phase", &phase, NULL);
  g_assert_cmpint (state, ==, MIX_TIMER_RUNNING);
  g_assert_cmpint (phase, ==, MIX_PHASE_LEADERS_SHARE);

  /* Warned at 90 s; a shorter warning time arms the warning again. */
  expect_at (f, 390000, "warning(leaders-share)@390000", S (90));
  mix_timer_set_warning_seconds (f->timer, 30);
  expect_at (f, 450000, "warning(leaders-share)@450000", S (30));
}

static void
test_idle (Fixture       *f,
           gconstpointer  data)
{
  /* Nothing but start does anything while idle. */
  set_time (f, 500000);
  mix_timer_update (f->timer);
  mix_timer_pause (f->timer);
  mix_timer_resume (f->timer);
  mix_timer_next_phase (f->timer);
  mix_timer_previous_phase (f->timer);
  mix_timer_add_minute (f->timer);
  assert_events (f, "");
  g_assert_cmpint (mix_timer_get_state (f->timer), ==, MIX_TIMER_IDLE);
  g_assert_cmpint (mix_timer_get_phase (f->timer), ==, MIX_PHASE_INTRODUCTIONS);
  g_assert_cmpint (mix_timer_get_phase_duration (f->timer), ==, S (120));
  g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, S (120));
  g_assert_cmpint (mix_timer_get_session_elapsed (f->timer), ==, 0);
  g_assert_cmpfloat (mix_timer_get_phase_fraction (f->timer), ==, 0.0);
  assert_log_length (f, 0);

  mix_timer_toggle (f->timer);
  assert_events (f, "state=running@500000 phase-changed(introductions)@500000");
  mix_timer_start (f->timer);
  assert_events (f, "");
}

static void
test_real_clock (void)
{
  g_autoptr(MixTimer) timer = mix_timer_new ();
  gint64 remaining;

  mix_timer_start (timer);
  mix_timer_update (timer);
  remaining = mix_timer_get_remaining (timer);
  g_assert_cmpint (remaining, <=, S (120));
  g_assert_cmpint (remaining, >, S (110));
  g_assert_cmpint (mix_timer_get_state (timer), ==, MIX_TIMER_RUNNING);
}

static void
test_state_enum_type (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (MIX_TYPE_TIMER_STATE);

  g_assert_cmpuint (klass->n_values, ==, 4);
  g_assert_cmpstr (g_enum_get_value (klass, MIX_TIMER_FINISHED)->value_nick, ==, "finished");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/timer/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("session/35-minutes", test_session_35_minutes);
  ADD ("pause", test_pause);
  ADD ("add-minute/before-warning", test_add_minute_before_warning);
  ADD ("add-minute/after-warning", test_add_minute_after_warning);
  ADD ("add-minute/overtime", test_add_minute_overtime);
  ADD ("previous/from-overtime", test_previous_from_overtime);
  ADD ("previous/first-phase", test_previous_first_phase);
  ADD ("reset", test_reset);
  ADD ("auto-advance", test_auto_advance);
  ADD ("auto-advance/late", test_auto_advance_late);
  ADD ("auto-advance/in-overtime", test_auto_advance_in_overtime);
  ADD ("late-update", test_late_update);
  ADD ("handler-reentrancy", test_handler_reentrancy);
  ADD ("time-to-next-change", test_time_to_next_change);
  ADD ("plan", test_plan);
  ADD ("warning/short-phase", test_warning_short_phase);
  ADD ("properties", test_properties);
  ADD ("idle", test_idle);

#undef ADD

  g_test_add_func ("/timer/format", test_format);
  g_test_add_func ("/timer/real-clock", test_real_clock);
  g_test_add_func ("/timer/state-enum-type", test_state_enum_type);

  return g_test_run ();
}
