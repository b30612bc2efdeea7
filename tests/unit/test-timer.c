/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mix-error.h"
#include "mix-timer.h"

#define MS(x) ((gint64) (x) * 1000)
#define S(x) ((gint64) (x) * G_USEC_PER_SEC)

/* The fake clock starts far from zero, so that clock time and session time
 * differ; test times are milliseconds after BASE. */
#define BASE S (86400)
/* The wall clock when the fake clock reads BASE: 14 November 2023. */
#define WALL_BASE S (G_GINT64_CONSTANT (1700000000))
/* The monotonic clock of a process started after a reboot, when a timer
 * is reopened: far from BASE, and smaller. */
#define REOPEN_BASE S (42)

typedef struct
{
  gint64    now;          /* the fake clock, µs */
  gint64    base;         /* what the fake clock read at the test's time 0 */
  gint64    wall_offset;  /* the fake wall clock is now + wall_offset */
  MixTimer *timer;
  GString  *events;       /* "name(phase)@ms" separated by spaces */
  guint     changed;      /* emissions of MixTimer::changed */
} Fixture;

static gint64
fake_clock (gpointer user_data)
{
  Fixture *f = user_data;

  return f->now;
}

static gint64
fake_wall_clock (gpointer user_data)
{
  Fixture *f = user_data;

  return f->now + f->wall_offset;
}

static void
set_time (Fixture *f,
          gint64   ms)
{
  f->now = f->base + MS (ms);
}

static void
record (Fixture    *f,
        const char *what)
{
  if (f->events->len > 0)
    g_string_append_c (f->events, ' ');
  g_string_append_printf (f->events, "%s@%" G_GINT64_FORMAT, what, (f->now - f->base) / 1000);
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
on_changed (MixTimer *timer,
            Fixture  *f)
{
  f->changed++;
}

/* A new timer on the fixture's clocks, its signals recorded. */
static void
open_timer (Fixture *f)
{
  f->timer = mix_timer_new ();
  mix_timer_set_clock (f->timer, fake_clock, f, NULL);
  mix_timer_set_wall_clock (f->timer, fake_wall_clock, f, NULL);
  f->changed = 0;

  g_signal_connect (f->timer, "changed", G_CALLBACK (on_changed), f);

  g_signal_connect (f->timer, "phase-changed", G_CALLBACK (on_phase_changed), f);
  g_signal_connect (f->timer, "warning", G_CALLBACK (on_warning), f);
  g_signal_connect (f->timer, "phase-ended", G_CALLBACK (on_phase_ended), f);
  g_signal_connect (f->timer, "finished", G_CALLBACK (on_finished), f);
  g_signal_connect (f->timer, "notify::state", G_CALLBACK (on_notify_state), f);
  g_signal_connect (f->timer, "notify::phase", G_CALLBACK (on_notify_phase), f);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->base = BASE;
  f->wall_offset = WALL_BASE - BASE;
  set_time (f, 0);
  f->events = g_string_new (NULL);
  open_timer (f);
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

/* Closes the app: the timer's state is written as text and the timer
 * dropped. A new process then starts, @gap_us of wall-clock time later,
 * with a monotonic clock that reads REOPEN_BASE, and opens a new timer,
 * idle with the default plan. Returns the state read back from the text. */
static JsonNode *
close_and_reopen (Fixture *f,
                  gint64   gap_us)
{
  g_autoptr(JsonNode) saved = mix_timer_save_state (f->timer);
  g_autofree char *text = json_to_string (saved, FALSE);
  g_autoptr(GError) error = NULL;
  gint64 wall_closed = f->now + f->wall_offset;
  JsonNode *state;

  g_test_message ("saved: %s", text);
  g_assert_finalize_object (f->timer);

  f->base = REOPEN_BASE;
  f->now = REOPEN_BASE;
  f->wall_offset = wall_closed + gap_us - REOPEN_BASE;
  open_timer (f);
  g_string_truncate (f->events, 0);

  state = json_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_nonnull (state);
  return state;
}

static void
restore (Fixture  *f,
         JsonNode *state)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mix_timer_restore_state (f->timer, state, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changed, ==, 1);
  f->changed = 0;
}

static void
reopen (Fixture *f,
        gint64   gap_us)
{
  g_autoptr(JsonNode) state = close_and_reopen (f, gap_us);

  restore (f, state);
}

static GArray *
copy_log (Fixture *f)
{
  GArray *log = mix_timer_get_phase_log (f->timer);
  GArray *copy = g_array_sized_new (FALSE, TRUE, sizeof (MixPhaseLogEntry), log->len);

  g_array_append_vals (copy, log->data, log->len);
  return copy;
}

static void
assert_log_equal (Fixture *f,
                  GArray  *expected)
{
  GArray *log = mix_timer_get_phase_log (f->timer);

  g_assert_cmpuint (log->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      const MixPhaseLogEntry *entry = &g_array_index (expected, MixPhaseLogEntry, i);

      assert_log_entry (f, i, entry->phase, entry->started_us, entry->ended_us,
                        entry->overtime_us);
    }
}

static void
assert_changed (Fixture *f,
                guint    count)
{
  g_assert_cmpuint (f->changed, ==, count);
  f->changed = 0;
}

static gint64
get_int_member (JsonObject *object,
                const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
  return json_node_get_int (node);
}

static void
test_state_json_shape (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(JsonNode) idle = NULL;
  g_autoptr(JsonNode) paused = NULL;
  JsonObject *object;
  JsonArray *array;
  JsonObject *entry;

  idle = mix_timer_save_state (f->timer);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (idle));
  object = json_node_get_object (idle);
  g_assert_cmpint (get_int_member (object, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "state"), ==, "idle");
  g_assert_cmpstr (json_object_get_string_member (object, "phase"), ==, "introductions");
  g_assert_false (json_object_get_boolean_member (object, "auto-advance"));
  g_assert_false (json_object_has_member (object, "start-time"));
  g_assert_false (json_object_has_member (object, "log"));
  g_assert_cmpuint (json_object_get_size (object), ==, 5);

  /* Paused 30 s into a session that began at WALL_BASE, after a 5 s
   * pause, with a minute added. */
  mix_timer_start (f->timer);
  set_time (f, 10000);
  mix_timer_pause (f->timer);
  set_time (f, 15000);
  mix_timer_resume (f->timer);
  set_time (f, 20000);
  mix_timer_next_phase (f->timer);
  mix_timer_add_minute (f->timer);
  set_time (f, 35000);
  mix_timer_pause (f->timer);
  set_time (f, 90000);

  paused = mix_timer_save_state (f->timer);
  object = json_node_get_object (paused);
  g_assert_cmpstr (json_object_get_string_member (object, "state"), ==, "paused");
  g_assert_cmpstr (json_object_get_string_member (object, "phase"), ==, "leaders-share");
  array = json_object_get_array_member (object, "plan");
  g_assert_cmpuint (json_array_get_length (array), ==, 4);
  g_assert_cmpint (json_array_get_int_element (array, 0), ==, 2);
  g_assert_cmpint (json_array_get_int_element (array, 3), ==, 5);
  g_assert_cmpint (get_int_member (object, "start-time"), ==, WALL_BASE);
  g_assert_cmpint (get_int_member (object, "pause-time"), ==, WALL_BASE + S (35));
  g_assert_cmpint (get_int_member (object, "paused-total"), ==, S (5));
  g_assert_cmpint (get_int_member (object, "elapsed"), ==, S (30));
  g_assert_cmpint (get_int_member (object, "phase-start"), ==, S (15));
  g_assert_cmpint (get_int_member (object, "added"), ==, S (60));
  g_assert_cmpint (get_int_member (object, "added-total"), ==, S (60));
  g_assert_false (json_object_get_boolean_member (object, "warned"));
  g_assert_false (json_object_get_boolean_member (object, "ended"));
  array = json_object_get_array_member (object, "log");
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  entry = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "phase"), ==, "introductions");
  g_assert_cmpint (get_int_member (entry, "started"), ==, 0);
  g_assert_cmpint (get_int_member (entry, "ended"), ==, S (15));
  g_assert_cmpint (get_int_member (entry, "overtime"), ==, 0);
  entry = json_array_get_object_element (array, 1);
  g_assert_cmpstr (json_object_get_string_member (entry, "phase"), ==, "leaders-share");
  g_assert_cmpint (get_int_member (entry, "started"), ==, S (15));
  g_assert_cmpint (get_int_member (entry, "ended"), ==, 0);

  /* Saving changes nothing. */
  g_assert_cmpint (mix_timer_get_state (f->timer), ==, MIX_TIMER_PAUSED);
  g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, S (540 - 15));
}

static void
test_state_running (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GArray) log = NULL;

  /* Leaders Share planned at 9 minutes, a minute added, after a 10 s
   * pause in Introductions; saved 50 s and 123 µs into it. */
  g_assert_true (mix_timer_set_planned_minutes (f->timer, MIX_PHASE_LEADERS_SHARE, 9));
  mix_timer_start (f->timer);
  set_time (f, 30000);
  mix_timer_pause (f->timer);
  set_time (f, 40000);
  mix_timer_resume (f->timer);
  set_time (f, 50000);
  mix_timer_next_phase (f->timer);
  mix_timer_add_minute (f->timer);
  set_time (f, 100000);
  f->now += 123;
  mix_timer_update (f->timer);
  g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, S (550) - 123);
  g_assert_cmpint (mix_timer_get_session_elapsed (f->timer), ==, S (90) + 123);
  log = copy_log (f);

  /* Reopened 5 minutes later: 5 minutes less, to the microsecond. */
  reopen (f, S (300));
  assert_events (f, "state=running@0 phase=leaders-share@0");
  g_assert_cmpint (mix_timer_get_state (f->timer), ==, MIX_TIMER_RUNNING);
  g_assert_cmpint (mix_timer_get_phase (f->timer), ==, MIX_PHASE_LEADERS_SHARE);
  g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, S (250) - 123);
  g_assert_cmpint (mix_timer_get_phase_duration (f->timer), ==, S (600));
  g_assert_cmpint (mix_timer_get_phase_elapsed (f->timer), ==, S (350) + 123);
  g_assert_cmpint (mix_timer_get_session_elapsed (f->timer), ==, S (390) + 123);
  g_assert_cmpuint (mix_timer_get_planned_minutes (f->timer, MIX_PHASE_LEADERS_SHARE), ==, 9);
  g_assert_false (mix_timer_get_auto_advance (f->timer));
  /* The added minute still counts in the session's length: 2+9+15+5+1. */
  g_assert_cmpfloat_with_epsilon (mix_timer_get_session_fraction (f->timer),
                                  (390.0 + 123e-6) / (32 * 60.0), 1e-12);
  assert_log_equal (f, log);

  mix_timer_update (f->timer);
  assert_events (f, "");
  assert_changed (f, 0);

  /* It carries on: the warning comes with 60 s left, not a µs before. */
  f->now = REOPEN_BASE + S (190) - 123 - 1;
  mix_timer_update (f->timer);
  assert_events (f, "");
  f->now++;
  mix_timer_update (f->timer);
  assert_events (f, "warning(leaders-share)@189999");
  g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, S (60));
  expect_at (f, 250000, "phase-ended(leaders-share)@250000", -123);
}

static void
test_state_paused (Fixture       *f,
                   gconstpointer  data)
{
  mix_timer_start (f->timer);
  set_time (f, 45000);
  mix_timer_next_phase (f->timer);
  f->now = f->base + MS (100000) + 7;
  mix_timer_pause (f->timer);
  g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, S (425) - 7);
  set_time (f, 200000);

  /* Reopened 2 hours later: still paused, the same time left. */
  reopen (f, S (2 * 3600));
  assert_events (f, "state=paused@0 phase=leaders-share@0");
  g_assert_cmpint (mix_timer_get_state (f->timer), ==, MIX_TIMER_PAUSED);
  g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, S (425) - 7);
  g_assert_cmpint (mix_timer_get_session_elapsed (f->timer), ==, S (100) + 7);
  g_assert_cmpint (mix_timer_get_time_to_next_change (f->timer), ==, -1);
  assert_log_entry (f, 0, MIX_PHASE_INTRODUCTIONS, 0, S (45), 0);
  assert_log_entry (f, 1, MIX_PHASE_LEADERS_SHARE, S (45), 0, 0);

  check_at (f, 60000, "", S (425) - 7);

  /* Resumed, it counts from the resume. */
  mix_timer_resume (f->timer);
  assert_events (f, "state=running@60000");
  g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, S (425) - 7);
  f->now = REOPEN_BASE + S (60 + 365) - 7 - 1;
  mix_timer_update (f->timer);
  assert_events (f, "");
  f->now++;
  mix_timer_update (f->timer);
  assert_events (f, "warning(leaders-share)@424999");
  g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, S (60));
}

static void
test_state_overtime (Fixture       *f,
                     gconstpointer  data)
{
  mix_timer_start (f->timer);
  check_at (f, 150000, "state=running@0 phase-changed(introductions)@0 "
                       "warning(introductions)@150000 phase-ended(introductions)@150000",
            -S (30));

  /* Closed 5 minutes: 5 more minutes over, and nothing fired again. */
  reopen (f, S (300));
  assert_events (f, "state=running@0");
  g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, -S (330));
  assert_format (mix_timer_get_remaining (f->timer), "+5:30");
  check_at (f, 0, "", -S (330));
  check_at (f, 10000, "", -S (340));

  mix_timer_next_phase (f->timer);
  assert_events (f, "phase=leaders-share@10000 phase-changed(leaders-share)@10000");
  assert_log_entry (f, 0, MIX_PHASE_INTRODUCTIONS, 0, S (460), S (340));
  assert_log_entry (f, 1, MIX_PHASE_LEADERS_SHARE, S (460), 0, 0);
}

static void
test_state_ended_while_closed (Fixture       *f,
                               gconstpointer  data)
{
  mix_timer_start (f->timer);
  check_at (f, 30000, "state=running@0 phase-changed(introductions)@0", S (90));

  /* Closed 5 minutes: the warning and the end come on the first update,
   * once each. */
  reopen (f, S (300));
  assert_events (f, "state=running@0");
  g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, -S (210));
  check_at (f, 0, "warning(introductions)@0 phase-ended(introductions)@0", -S (210));
  assert_changed (f, 1);
  check_at (f, 0, "", -S (210));
  check_at (f, 5000, "", -S (215));
  assert_changed (f, 0);

  /* And having fired here, they do not fire in a third process. */
  reopen (f, S (60));
  assert_events (f, "state=running@0");
  check_at (f, 0, "", -S (275));
  assert_changed (f, 0);
}

static void
test_state_warned_before_save (Fixture       *f,
                               gconstpointer  data)
{
  mix_timer_start (f->timer);
  check_at (f, 70000, "state=running@0 phase-changed(introductions)@0 "
                      "warning(introductions)@70000", S (50));

  reopen (f, S (10));
  assert_events (f, "state=running@0");
  check_at (f, 0, "", S (40));
  expect_at (f, 40000, "phase-ended(introductions)@40000", 0);
  check_at (f, 50000, "", -S (10));
}

static void
test_state_auto_advance_while_closed (Fixture       *f,
                                      gconstpointer  data)
{
  mix_timer_set_auto_advance (f->timer, TRUE);
  mix_timer_start (f->timer);
  check_at (f, 30000, "state=running@0 phase-changed(introductions)@0", S (90));

  /* Closed 5 minutes: Leaders Share began when Introductions ended, at
   * 2:00, so 3:30 of it has passed. */
  reopen (f, S (300));
  g_assert_true (mix_timer_get_auto_advance (f->timer));
  assert_events (f, "state=running@0");
  check_at (f, 0, "warning(introductions)@0 phase-ended(introductions)@0 "
                  "phase=leaders-share@0 phase-changed(leaders-share)@0", S (270));
  assert_log_entry (f, 0, MIX_PHASE_INTRODUCTIONS, 0, S (120), 0);
  assert_log_entry (f, 1, MIX_PHASE_LEADERS_SHARE, S (120), 0, 0);
  check_at (f, 0, "", S (270));
}

static void
test_state_finished (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GArray) log = NULL;

  mix_timer_start (f->timer);
  set_time (f, 100000);
  mix_timer_next_phase (f->timer);
  set_time (f, 200000);
  mix_timer_next_phase (f->timer);
  set_time (f, 300000);
  mix_timer_next_phase (f->timer);
  set_time (f, 700000);
  mix_timer_next_phase (f->timer);
  g_assert_cmpint (mix_timer_get_state (f->timer), ==, MIX_TIMER_FINISHED);
  log = copy_log (f);
  assert_log_entry (f, 3, MIX_PHASE_CLOSE_OUT, S (300), S (700), S (100));

  /* A day later, the finished session is as it was. */
  reopen (f, S (86400));
  assert_events (f, "state=finished@0 phase=close-out@0");
  g_assert_cmpint (mix_timer_get_state (f->timer), ==, MIX_TIMER_FINISHED);
  g_assert_cmpint (mix_timer_get_phase (f->timer), ==, MIX_PHASE_CLOSE_OUT);
  g_assert_cmpint (mix_timer_get_session_elapsed (f->timer), ==, S (700));
  g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, -S (100));
  g_assert_cmpint (mix_timer_get_time_to_next_change (f->timer), ==, -1);
  assert_log_equal (f, log);

  check_at (f, 50000, "", -S (100));
  mix_timer_toggle (f->timer);
  mix_timer_next_phase (f->timer);
  assert_events (f, "");
  assert_changed (f, 0);
  g_assert_cmpint (mix_timer_get_session_elapsed (f->timer), ==, S (700));

  mix_timer_reset (f->timer);
  assert_events (f, "state=idle@50000 phase=introductions@50000");
  assert_log_length (f, 0);
}

static void
test_state_idle (Fixture       *f,
                 gconstpointer  data)
{
  g_assert_true (mix_timer_set_planned_minutes (f->timer, MIX_PHASE_INTRODUCTIONS, 4));
  g_assert_true (mix_timer_set_planned_minutes (f->timer, MIX_PHASE_CLOSE_OUT, 7));
  mix_timer_set_auto_advance (f->timer, TRUE);

  /* An idle timer keeps its plan; nothing else happens. */
  reopen (f, S (3600));
  assert_events (f, "");
  g_assert_cmpint (mix_timer_get_state (f->timer), ==, MIX_TIMER_IDLE);
  g_assert_cmpint (mix_timer_get_phase (f->timer), ==, MIX_PHASE_INTRODUCTIONS);
  g_assert_cmpuint (mix_timer_get_planned_minutes (f->timer, MIX_PHASE_INTRODUCTIONS), ==, 4);
  g_assert_cmpuint (mix_timer_get_planned_minutes (f->timer, MIX_PHASE_LEADERS_SHARE), ==, 8);
  g_assert_cmpuint (mix_timer_get_planned_minutes (f->timer, MIX_PHASE_GROUP_DISCUSSION), ==, 15);
  g_assert_cmpuint (mix_timer_get_planned_minutes (f->timer, MIX_PHASE_CLOSE_OUT), ==, 7);
  g_assert_true (mix_timer_get_auto_advance (f->timer));
  g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, S (240));
  g_assert_cmpint (mix_timer_get_session_elapsed (f->timer), ==, 0);
  assert_log_length (f, 0);
  check_at (f, 500000, "", S (240));

  mix_timer_start (f->timer);
  assert_events (f, "state=running@500000 phase-changed(introductions)@500000");
  expect_at (f, 680000, "warning(introductions)@680000", S (60));
}

static void
test_state_log (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GArray) log = NULL;

  mix_timer_start (f->timer);
  set_time (f, 10000);
  mix_timer_next_phase (f->timer);
  set_time (f, 20000);
  mix_timer_previous_phase (f->timer);
  set_time (f, 30000);
  mix_timer_next_phase (f->timer);
  set_time (f, 40000);
  mix_timer_next_phase (f->timer);
  set_time (f, 50000);
  mix_timer_add_minute (f->timer);
  log = copy_log (f);
  g_assert_cmpuint (log->len, ==, 5);

  reopen (f, S (60));
  assert_log_equal (f, log);
  assert_log_entry (f, 1, MIX_PHASE_LEADERS_SHARE, S (10), S (20), 0);
  assert_log_entry (f, 2, MIX_PHASE_INTRODUCTIONS, S (20), S (30), 0);
  assert_log_entry (f, 4, MIX_PHASE_GROUP_DISCUSSION, S (40), 0, 0);
  g_assert_cmpint (mix_timer_get_phase_duration (f->timer), ==, S (16 * 60));

  /* The current visit goes on in the new process and closes there. */
  set_time (f, 1000);
  mix_timer_next_phase (f->timer);
  assert_log_length (f, 6);
  assert_log_entry (f, 4, MIX_PHASE_GROUP_DISCUSSION, S (40), S (111), 0);
  assert_log_entry (f, 5, MIX_PHASE_CLOSE_OUT, S (111), 0, 0);
}

static void
test_state_clock_skew (Fixture       *f,
                       gconstpointer  data)
{
  g_assert_true (mix_timer_set_planned_minutes (f->timer, MIX_PHASE_CLOSE_OUT, 7));
  mix_timer_start (f->timer);
  check_at (f, 30000, "state=running@0 phase-changed(introductions)@0", S (90));

  /* The wall clock went back 30 s while the app was closed: the session
   * is restored, and its time does not go back with the clock. */
  reopen (f, -S (30));
  assert_events (f, "state=running@0");
  g_assert_cmpint (mix_timer_get_state (f->timer), ==, MIX_TIMER_RUNNING);
  check_at (f, 0, "", S (90));
  check_at (f, 1000, "", S (89));

  /* Set back two hours (a dual-boot time zone): the same, and the plan
   * stays as it was. */
  reopen (f, -S (7200));
  assert_events (f, "state=running@0");
  g_assert_cmpint (mix_timer_get_state (f->timer), ==, MIX_TIMER_RUNNING);
  check_at (f, 0, "", S (89));
  g_assert_cmpuint (mix_timer_get_planned_minutes (f->timer, MIX_PHASE_CLOSE_OUT), ==, 7);

  /* Paused, then set back: still paused, with its time left. */
  mix_timer_pause (f->timer);
  reopen (f, -S (7200));
  assert_events (f, "state=paused@0");
  g_assert_cmpint (mix_timer_get_state (f->timer), ==, MIX_TIMER_PAUSED);
  check_at (f, 5000, "", S (89));
  mix_timer_resume (f->timer);
  check_at (f, 6000, "state=running@5000", S (88));
}

static void
save_on_changed (MixTimer  *timer,
                 JsonNode **saved)
{
  g_clear_pointer (saved, json_node_unref);
  *saved = mix_timer_save_state (timer);
}

static gboolean
saved_boolean (JsonNode   *saved,
               const char *member)
{
  return json_object_get_boolean_member (json_node_get_object (saved), member);
}

static void
test_state_changed (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JsonNode) saved = NULL;
  g_autoptr(JsonNode) idle_state = NULL;
  g_autoptr(JsonNode) bad_state = NULL;

  g_signal_connect (f->timer, "changed", G_CALLBACK (save_on_changed), &saved);

  /* Idle */
  mix_timer_update (f->timer);
  mix_timer_reset (f->timer);
  mix_timer_pause (f->timer);
  mix_timer_next_phase (f->timer);
  mix_timer_add_minute (f->timer);
  assert_changed (f, 0);
  g_assert_true (mix_timer_set_planned_minutes (f->timer, MIX_PHASE_INTRODUCTIONS, 3));
  assert_changed (f, 1);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (
                     json_node_get_object (saved), "plan"), 0), ==, 3);
  g_assert_true (mix_timer_set_planned_minutes (f->timer, MIX_PHASE_INTRODUCTIONS, 3));
  g_assert_false (mix_timer_set_planned_minutes (f->timer, MIX_PHASE_INTRODUCTIONS, 0));
  assert_changed (f, 0);
  mix_timer_set_auto_advance (f->timer, TRUE);
  assert_changed (f, 1);
  g_assert_true (saved_boolean (saved, "auto-advance"));
  mix_timer_set_auto_advance (f->timer, TRUE);
  assert_changed (f, 0);
  mix_timer_set_auto_advance (f->timer, FALSE);
  assert_changed (f, 1);
  mix_timer_set_warning_seconds (f->timer, 30);
  mix_timer_set_warning_seconds (f->timer, 60);
  assert_changed (f, 0);

  /* Running: each change once, time passing never. */
  mix_timer_start (f->timer);
  assert_changed (f, 1);
  mix_timer_start (f->timer);
  g_assert_false (mix_timer_set_planned_minutes (f->timer, MIX_PHASE_INTRODUCTIONS, 4));
  check_at (f, 10000, "state=running@0 phase-changed(introductions)@0", S (170));
  assert_changed (f, 0);
  mix_timer_pause (f->timer);
  assert_changed (f, 1);
  mix_timer_pause (f->timer);
  check_at (f, 20000, "state=paused@10000", S (170));
  assert_changed (f, 0);
  mix_timer_resume (f->timer);
  assert_changed (f, 1);
  mix_timer_resume (f->timer);
  assert_changed (f, 0);
  mix_timer_add_minute (f->timer);
  assert_changed (f, 1);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (saved), "added"), ==, S (60));
  check_at (f, 189999, "state=running@20000", MS (60001));
  assert_changed (f, 0);

  /* A warning fired: saved once, after it fired. */
  check_at (f, 190000, "warning(introductions)@190000", S (60));
  assert_changed (f, 1);
  g_assert_true (saved_boolean (saved, "warned"));
  check_at (f, 190000, "", S (60));
  assert_changed (f, 0);

  /* A shorter warning time arms the warning again, a longer one not. */
  mix_timer_set_warning_seconds (f->timer, 30);
  assert_changed (f, 1);
  g_assert_false (saved_boolean (saved, "warned"));
  mix_timer_set_warning_seconds (f->timer, 90);
  assert_changed (f, 0);
  check_at (f, 190000, "warning(introductions)@190000", S (60));
  assert_changed (f, 1);

  check_at (f, 250000, "phase-ended(introductions)@250000", 0);
  assert_changed (f, 1);
  g_assert_true (saved_boolean (saved, "ended"));

  mix_timer_next_phase (f->timer);
  assert_changed (f, 1);
  mix_timer_previous_phase (f->timer);
  assert_changed (f, 1);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (saved), "phase"), ==,
                   "introductions");
  assert_events (f, "phase=leaders-share@250000 phase-changed(leaders-share)@250000 "
                    "phase=introductions@250000 phase-changed(introductions)@250000");

  /* Auto-advance: warning, end and the next phase in one update, one
   * change. */
  mix_timer_set_auto_advance (f->timer, TRUE);
  assert_changed (f, 1);
  check_at (f, 430000, "warning(introductions)@430000 phase-ended(introductions)@430000 "
                       "phase=leaders-share@430000 phase-changed(leaders-share)@430000",
            S (480));
  assert_changed (f, 1);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (saved), "phase"), ==,
                   "leaders-share");

  mix_timer_next_phase (f->timer);
  mix_timer_next_phase (f->timer);
  assert_changed (f, 2);
  mix_timer_next_phase (f->timer);
  assert_changed (f, 1);
  g_assert_cmpint (mix_timer_get_state (f->timer), ==, MIX_TIMER_FINISHED);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (saved), "state"), ==,
                   "finished");

  assert_events (f, "phase=group-discussion@430000 phase-changed(group-discussion)@430000 "
                    "phase=close-out@430000 phase-changed(close-out)@430000 "
                    "state=finished@430000 finished@430000");

  /* Finished: nothing changes until the reset. */
  check_at (f, 900000, "", S (300));
  mix_timer_toggle (f->timer);
  mix_timer_add_minute (f->timer);
  assert_changed (f, 0);
  mix_timer_reset (f->timer);
  assert_changed (f, 1);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (saved), "state"), ==,
                   "idle");

  /* Restoring is a change; failing to restore is not. */
  g_string_truncate (f->events, 0);
  idle_state = mix_timer_save_state (f->timer);
  bad_state = json_from_string ("{\"version\": 1}", NULL);
  g_assert_false (mix_timer_restore_state (f->timer, bad_state, NULL));
  assert_changed (f, 0);
  g_assert_true (mix_timer_restore_state (f->timer, idle_state, NULL));
  assert_changed (f, 1);
  assert_events (f, "");
}

static void
assert_untouched (Fixture *f)
{
  static const guint defaults[] = { 2, 8, 15, 5 };

  g_assert_cmpint (mix_timer_get_state (f->timer), ==, MIX_TIMER_IDLE);
  g_assert_cmpint (mix_timer_get_phase (f->timer), ==, MIX_PHASE_INTRODUCTIONS);
  for (guint i = 0; i < MIX_N_PHASES; i++)
    g_assert_cmpuint (mix_timer_get_planned_minutes (f->timer, (MixPhase) i), ==, defaults[i]);
  g_assert_false (mix_timer_get_auto_advance (f->timer));
  g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, S (120));
  g_assert_cmpint (mix_timer_get_session_elapsed (f->timer), ==, 0);
  assert_log_length (f, 0);
  assert_events (f, "");
  assert_changed (f, 0);
}

/* json_node_copy() shares the object. */
static JsonNode *
deep_copy (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  return json_from_string (text, NULL);
}

/* @member: what the error message names, or %NULL */
static void
assert_refused (Fixture    *f,
                JsonNode   *state,
                const char *member)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = json_to_string (state, FALSE);

  g_test_message ("refusing %s", text);
  g_assert_false (mix_timer_restore_state (f->timer, state, &error));
  g_assert_error (error, MIX_ERROR, MIX_ERROR_DAMAGED);
  if (member != NULL)
    {
      g_autofree char *quoted = g_strdup_printf ("“%s”", member);

      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, quoted));
    }
  assert_untouched (f);
}

static void
test_state_malformed (Fixture       *f,
                      gconstpointer  data)
{
  /* Each replaces a member of a good state with the JSON text, or removes
   * it when the text is NULL. */
  static const struct {
    const char *member;
    const char *value;
  } cases[] = {
    { "version", "2" },
    { "version", NULL },
    { "state", "\"sleeping\"" },
    { "state", "\"Running\"" },
    { "state", "1" },
    { "state", NULL },
    { "phase", "\"lunch\"" },
    { "phase", "2" },
    { "plan", "[3, 9, 12]" },
    { "plan", "[3, 9, 12, 6, 6]" },
    { "plan", "[0, 9, 12, 6]" },
    { "plan", "[3, 9, 12, 31]" },
    { "plan", "[3, \"9\", 12, 6]" },
    { "plan", "[3, 9.5, 12, 6]" },
    { "plan", "{\"introductions\": 3}" },
    { "auto-advance", "\"yes\"" },
    { "auto-advance", "1" },
    { "start-time", "\"1700000000000000\"" },
    { "start-time", "-1" },
    { "start-time", NULL },
    { "paused-total", "\"10000000\"" },
    { "paused-total", "-1" },
    { "elapsed", "90000000.5" },
    { "elapsed", "[]" },
    { "added", "-60000000" },
    { "added-total", "0" },
    { "phase-start", "true" },
    { "phase-start", "-1" },
    { "phase-start", "999999999999" },
    { "warned", "1" },
    { "ended", "\"false\"" },
    { "turns", "[]" },
    { "turns", "{\"speakers\": [\"Ana\"], \"airtime\": [], \"speaker\": 0, \"turn-start\": 0}" },
    { "turns", "{\"speakers\": [\"Ana\", \"Ana\"], \"airtime\": [0, 0], \"speaker\": 0, \"turn-start\": 0}" },
    { "turns", "{\"speakers\": [\"\"], \"airtime\": [0], \"speaker\": 0, \"turn-start\": 0}" },
    { "turns", "{\"speakers\": [\"Ana\"], \"airtime\": [-1], \"speaker\": 0, \"turn-start\": 0}" },
    { "turns", "{\"speakers\": [\"Ana\"], \"airtime\": [0], \"speaker\": 2, \"turn-start\": 0}" },
    { "turns", "{\"speakers\": [\"Ana\"], \"airtime\": [0], \"speaker\": 0, \"turn-start\": 999999999999}" },
    { "turns", "{\"speakers\": [7], \"airtime\": [0], \"speaker\": 0, \"turn-start\": 0}" },
    { "fitted", "[0, 59000000, 0, 0]" },
    { "fitted", "[0, 420000500, 0, 0]" },
    { "fitted", "[0, 0, 0]" },
    { "fitted", "\"420000000\"" },
    { "log", "[]" },
    { "log", "{}" },
    { "log", NULL },
    { "log", "[1, 2]" },
    /* One visit, but the state is in Leaders Share. */
    { "log", "[{\"phase\": \"introductions\", \"started\": 0, \"ended\": 0, \"overtime\": 0}]" },
    /* A gap between the visits */
    { "log", "[{\"phase\": \"introductions\", \"started\": 0, \"ended\": 30000000, "
             "\"overtime\": 0}, {\"phase\": \"leaders-share\", \"started\": 40000000, "
             "\"ended\": 0, \"overtime\": 0}]" },
    /* More overtime than the visit lasted */
    { "log", "[{\"phase\": \"introductions\", \"started\": 0, \"ended\": 40000000, "
             "\"overtime\": 50000000}, {\"phase\": \"leaders-share\", \"started\": 40000000, "
             "\"ended\": 0, \"overtime\": 0}]" },
    { "log", "[{\"phase\": \"introductions\", \"started\": 0, \"ended\": 40000000, "
             "\"overtime\": \"0\"}, {\"phase\": \"leaders-share\", \"started\": 40000000, "
             "\"ended\": 0, \"overtime\": 0}]" },
    { "log", "[{\"phase\": \"lunch\", \"started\": 0, \"ended\": 40000000, "
             "\"overtime\": 0}, {\"phase\": \"leaders-share\", \"started\": 40000000, "
             "\"ended\": 0, \"overtime\": 0}]" },
  };
  static const char * const not_objects[] = { "[1, 2]", "\"running\"", "42", "true" };
  g_autoptr(JsonNode) good = NULL;
  g_autoptr(JsonNode) null_node = json_node_new (JSON_NODE_NULL);
  g_autoptr(GError) error = NULL;
  gint64 wall_now;

  /* A good state that differs from a new timer's in every part: another
   * plan, auto-advance, a pause, a second phase, an added minute,
   * Group Discussion fitted to 11 minutes and two speakers. */
  g_assert_true (mix_timer_set_planned_minutes (f->timer, MIX_PHASE_INTRODUCTIONS, 3));
  g_assert_true (mix_timer_set_planned_minutes (f->timer, MIX_PHASE_LEADERS_SHARE, 9));
  g_assert_true (mix_timer_set_planned_minutes (f->timer, MIX_PHASE_GROUP_DISCUSSION, 12));
  g_assert_true (mix_timer_set_planned_minutes (f->timer, MIX_PHASE_CLOSE_OUT, 6));
  mix_timer_set_auto_advance (f->timer, TRUE);
  mix_timer_start (f->timer);
  set_time (f, 30000);
  mix_timer_pause (f->timer);
  set_time (f, 40000);
  mix_timer_resume (f->timer);
  set_time (f, 50000);
  mix_timer_next_phase (f->timer);
  mix_timer_add_minute (f->timer);
  g_assert_true (mix_timer_set_fitted (f->timer, (gint64[MIX_N_PHASES]) { 0, 0, S (660), 0 }));
  mix_timer_set_speakers (f->timer, (const char *[]) { "Ana", "Ben", NULL });
  set_time (f, 100000);
  good = close_and_reopen (f, S (60));
  wall_now = f->now + f->wall_offset;
  assert_untouched (f);

  for (guint i = 0; i < G_N_ELEMENTS (not_objects); i++)
    {
      g_autoptr(JsonNode) state = json_from_string (not_objects[i], NULL);

      assert_refused (f, state, NULL);
    }
  assert_refused (f, null_node, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) state = deep_copy (good);
      JsonObject *object = json_node_get_object (state);

      g_assert_true (json_object_has_member (object, cases[i].member));
      if (cases[i].value != NULL)
        {
          g_autoptr(GError) parse_error = NULL;
          JsonNode *value = json_from_string (cases[i].value, &parse_error);

          g_assert_no_error (parse_error);
          json_object_set_member (object, cases[i].member, value);
        }
      else
        {
          json_object_remove_member (object, cases[i].member);
        }
      assert_refused (f, state, cases[i].member);
    }

  /* Times in the future are a wall clock set back since, by NTP or a
   * dual-boot time zone: the session goes on from where it was saved. A
   * start 2 hours in the future… */
  {
    g_autoptr(JsonNode) state = deep_copy (good);

    json_object_set_int_member (json_node_get_object (state), "start-time", wall_now + S (7200));
    g_assert_true (mix_timer_restore_state (f->timer, state, &error));
    g_assert_no_error (error);
    g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, S (600 - 50));
    mix_timer_reset (f->timer);
    g_assert_true (mix_timer_set_planned_minutes (f->timer, MIX_PHASE_INTRODUCTIONS, 2));
    g_assert_true (mix_timer_set_planned_minutes (f->timer, MIX_PHASE_LEADERS_SHARE, 8));
    g_assert_true (mix_timer_set_planned_minutes (f->timer, MIX_PHASE_GROUP_DISCUSSION, 15));
    g_assert_true (mix_timer_set_planned_minutes (f->timer, MIX_PHASE_CLOSE_OUT, 5));
    mix_timer_set_auto_advance (f->timer, FALSE);
    g_string_truncate (f->events, 0);
    f->changed = 0;
    assert_untouched (f);
  }

  /* A pause that disagrees with the elapsed time is refused. */
  {
    g_autoptr(JsonNode) state = deep_copy (good);
    JsonObject *object = json_node_get_object (state);
    gint64 start = json_object_get_int_member (object, "start-time");

    json_object_set_string_member (object, "state", "paused");
    json_object_set_int_member (object, "pause-time", start + S (10) + S (90) + 1);
    assert_refused (f, state, "elapsed");
    json_object_remove_member (object, "pause-time");
    assert_refused (f, state, "pause-time");

    /* As a check on the check: right, it is restored. */
    json_object_set_int_member (object, "pause-time", start + S (10) + S (90));
    g_assert_true (mix_timer_restore_state (f->timer, state, &error));
    g_assert_no_error (error);
    g_assert_cmpint (mix_timer_get_state (f->timer), ==, MIX_TIMER_PAUSED);
    g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, S (600 - 50));
    mix_timer_reset (f->timer);
    g_assert_true (mix_timer_set_planned_minutes (f->timer, MIX_PHASE_INTRODUCTIONS, 2));
    g_assert_true (mix_timer_set_planned_minutes (f->timer, MIX_PHASE_LEADERS_SHARE, 8));
    g_assert_true (mix_timer_set_planned_minutes (f->timer, MIX_PHASE_GROUP_DISCUSSION, 15));
    g_assert_true (mix_timer_set_planned_minutes (f->timer, MIX_PHASE_CLOSE_OUT, 5));
    mix_timer_set_auto_advance (f->timer, FALSE);
    g_string_truncate (f->events, 0);
    f->changed = 0;
    assert_untouched (f);
  }

  /* The good state itself is restored, into an idle timer only. */
  restore (f, good);
  assert_events (f, "state=running@0 phase=leaders-share@0");
  g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, S (600 - 50 - 60));
  g_assert_true (mix_timer_get_auto_advance (f->timer));

  g_assert_false (mix_timer_restore_state (f->timer, good, &error));
  g_assert_error (error, MIX_ERROR, MIX_ERROR_FAILED);
  assert_changed (f, 0);
  assert_events (f, "");
  g_assert_cmpint (mix_timer_get_state (f->timer), ==, MIX_TIMER_RUNNING);
  g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, S (600 - 50 - 60));
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

/* Runs the current phase to the end of its time, on the fake clock, and
 * goes on, as a facilitator does when the time is up. */
static void
run_phase_out (Fixture *f)
{
  f->now += mix_timer_get_remaining (f->timer);
  mix_timer_update (f->timer);
  mix_timer_next_phase (f->timer);
}

/* A circle of the default plan (2 + 8 + 15 + 5) whose Introductions run
 * three minutes over: the circle shows 3:00 behind; Fit the Rest shares the
 * 25 minutes left in proportion (the guide's ranges cannot hold: they add
 * up to 28) and the circle, run to the fitted times, ends at 30:00. */
static void
test_fit_after_overrun (Fixture       *f,
                        gconstpointer  data)
{
  gint64 durations[MIX_N_PHASES];
  gint64 before[MIX_N_PHASES];
  g_autoptr(JsonNode) state = NULL;

  mix_timer_start (f->timer);
  g_assert_cmpint (mix_timer_get_end_offset (f->timer), ==, 0);
  /* On time, the fit is the plan. */
  g_assert_true (mix_timer_plan_fit (f->timer, durations));
  g_assert_cmpint (durations[MIX_PHASE_LEADERS_SHARE], ==, S (480));
  g_assert_cmpint (durations[MIX_PHASE_GROUP_DISCUSSION], ==, S (900));
  g_assert_cmpint (durations[MIX_PHASE_CLOSE_OUT], ==, S (300));
  g_assert_false (mix_timer_set_fitted (f->timer, durations));
  set_time (f, 5 * 60 * 1000);
  mix_timer_update (f->timer);
  g_assert_cmpint (mix_timer_get_end_offset (f->timer), ==, S (180));
  /* Still in Introductions, 3:00 over: the rest gets 25 minutes. */
  g_assert_true (mix_timer_plan_fit (f->timer, durations));
  g_assert_cmpint (durations[MIX_PHASE_INTRODUCTIONS], ==, S (120));
  /* 25 × 8⁄28, 25 × 15⁄28, 25 × 5⁄28, to the second, adding up to 25:00. */
  g_assert_cmpint (durations[MIX_PHASE_LEADERS_SHARE], ==, S (429));
  g_assert_cmpint (durations[MIX_PHASE_GROUP_DISCUSSION], ==, S (803));
  g_assert_cmpint (durations[MIX_PHASE_CLOSE_OUT], ==, S (268));
  /* Only worked out: nothing changed yet. */
  g_assert_cmpint (mix_timer_get_duration (f->timer, MIX_PHASE_LEADERS_SHARE), ==, S (480));

  mix_timer_get_fitted (f->timer, before);
  g_assert_true (mix_timer_set_fitted (f->timer, durations));
  g_assert_cmpint (mix_timer_get_end_offset (f->timer), ==, 0);
  g_assert_cmpint (mix_timer_get_duration (f->timer, MIX_PHASE_GROUP_DISCUSSION), ==, S (803));
  /* The plan itself is kept for the next circle. */
  g_assert_cmpuint (mix_timer_get_planned_minutes (f->timer, MIX_PHASE_GROUP_DISCUSSION), ==, 15);

  /* Undone, and done again. */
  g_assert_true (mix_timer_set_fitted (f->timer, before));
  g_assert_cmpint (mix_timer_get_end_offset (f->timer), ==, S (180));
  g_assert_true (mix_timer_set_fitted (f->timer, durations));
  g_assert_false (mix_timer_set_fitted (f->timer, durations));

  /* The fitted times outlive the app. */
  reopen (f, 0);
  g_assert_cmpint (mix_timer_get_duration (f->timer, MIX_PHASE_CLOSE_OUT), ==, S (268));

  mix_timer_next_phase (f->timer);
  g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, S (429));
  run_phase_out (f);
  run_phase_out (f);
  run_phase_out (f);
  g_assert_cmpint (mix_timer_get_state (f->timer), ==, MIX_TIMER_FINISHED);
  g_assert_cmpint (ABS (mix_timer_get_session_elapsed (f->timer) - S (30 * 60)), <=, S (10));

  /* A new circle is planned as before. */
  mix_timer_reset (f->timer);
  g_assert_cmpint (mix_timer_get_duration (f->timer, MIX_PHASE_LEADERS_SHARE), ==, S (480));
}

/* Two overruns, each fitted as it happens: a minute added to Leaders
 * Share, then Group Discussion two minutes late. The circle still ends
 * within ten seconds of 30:00. */
static void
test_fit_twice (Fixture       *f,
                gconstpointer  data)
{
  gint64 durations[MIX_N_PHASES];

  mix_timer_start (f->timer);
  run_phase_out (f);
  mix_timer_add_minute (f->timer);
  g_assert_cmpint (mix_timer_get_end_offset (f->timer), ==, S (60));
  g_assert_true (mix_timer_plan_fit (f->timer, durations));
  g_assert_true (mix_timer_set_fitted (f->timer, durations));
  g_assert_cmpint (durations[MIX_PHASE_GROUP_DISCUSSION] + durations[MIX_PHASE_CLOSE_OUT], ==, S (19 * 60));
  run_phase_out (f);

  f->now += mix_timer_get_remaining (f->timer) + S (120);
  mix_timer_update (f->timer);
  g_assert_cmpint (mix_timer_get_end_offset (f->timer), ==, S (120));
  g_assert_true (mix_timer_plan_fit (f->timer, durations));
  g_assert_true (mix_timer_set_fitted (f->timer, durations));
  mix_timer_next_phase (f->timer);
  run_phase_out (f);
  g_assert_cmpint (mix_timer_get_state (f->timer), ==, MIX_TIMER_FINISHED);
  g_assert_cmpint (ABS (mix_timer_get_session_elapsed (f->timer) - S (30 * 60)), <=, S (10));
}

/* With room in the guide's ranges (Leaders Share planned at 10 minutes,
 * a circle of 32), the rest is fitted within them: Group Discussion and
 * Close Out keep their fixed times and Leaders Share gives up the two
 * minutes. Too little time for a minute a phase cannot be fitted. */
static void
test_fit_within_ranges (Fixture       *f,
                        gconstpointer  data)
{
  gint64 durations[MIX_N_PHASES];

  g_assert_true (mix_timer_set_planned_minutes (f->timer, MIX_PHASE_LEADERS_SHARE, 10));
  g_assert_cmpint (mix_timer_get_end_offset (f->timer), ==, S (120));
  mix_timer_start (f->timer);
  set_time (f, 30 * 1000);
  g_assert_true (mix_timer_plan_fit (f->timer, durations));
  g_assert_cmpint (durations[MIX_PHASE_INTRODUCTIONS], ==, S (120));  /* current: as it is */
  g_assert_cmpint (durations[MIX_PHASE_LEADERS_SHARE], ==, S (480));
  g_assert_cmpint (durations[MIX_PHASE_GROUP_DISCUSSION], ==, S (15 * 60));
  g_assert_cmpint (durations[MIX_PHASE_CLOSE_OUT], ==, S (5 * 60));
  g_assert_true (mix_timer_set_fitted (f->timer, durations));
  g_assert_cmpint (mix_timer_get_end_offset (f->timer), ==, 0);
  mix_timer_next_phase (f->timer);
  g_assert_cmpint (mix_timer_get_remaining (f->timer), ==, S (480));

  /* Leaders Share 21:00 over, with 29:30 gone: 30 s for two phases. */
  set_time (f, (29 * 60 + 30) * 1000);
  g_assert_false (mix_timer_plan_fit (f->timer, durations));
  /* In the last phase, nothing is left to fit. */
  mix_timer_next_phase (f->timer);
  mix_timer_next_phase (f->timer);
  g_assert_false (mix_timer_plan_fit (f->timer, durations));
}

static void
assert_turn (Fixture    *f,
             const char *speaker,
             const char *next,
             gint64      share_us,
             gint64      remaining_us)
{
  MixTurn turn;

  g_assert_true (mix_timer_get_turn (f->timer, &turn));
  g_assert_cmpstr (turn.speaker, ==, speaker);
  g_assert_cmpstr (turn.next, ==, next);
  g_assert_cmpint (turn.share_us, ==, share_us);
  g_assert_cmpint (turn.remaining_us, ==, remaining_us);
}

static const char * const four[] = { "Ana", "Ben", "Cal", "Dee", NULL };

/* Four people share Introductions' two minutes: 30 s each. Ana speaks
 * 40 s; the three after her share the 80 s left; Dee's turn ends with the
 * phase. Each person's airtime is kept, pauses left out. */
static void
test_turns_equal (Fixture       *f,
                  gconstpointer  data)
{
  MixTurn turn;

  mix_timer_set_speakers (f->timer, four);
  g_assert_false (mix_timer_get_turn (f->timer, &turn));  /* not before the start */
  mix_timer_start (f->timer);
  assert_turn (f, "Ana", "Ben", S (30), S (30));
  set_time (f, 40 * 1000);
  assert_turn (f, "Ana", "Ben", S (30), -S (10));
  g_assert_cmpint (mix_timer_get_airtime (f->timer, "Ana"), ==, S (40));
  g_assert_true (mix_timer_next_speaker (f->timer));
  assert_turn (f, "Ben", "Cal", S (80) / 3, S (80) / 3);

  /* A 20 s pause counts for no one. */
  set_time (f, 50 * 1000);
  mix_timer_pause (f->timer);
  set_time (f, 70 * 1000);
  mix_timer_resume (f->timer);
  set_time (f, 80 * 1000);
  g_assert_true (mix_timer_next_speaker (f->timer));
  g_assert_cmpint (mix_timer_get_airtime (f->timer, "Ben"), ==, S (20));
  assert_turn (f, "Cal", "Dee", S (30), S (30));
  set_time (f, 110 * 1000);
  g_assert_true (mix_timer_next_speaker (f->timer));
  assert_turn (f, "Dee", NULL, S (30), S (30));

  /* Dee's turn ends with the phase. */
  set_time (f, 140 * 1000);
  mix_timer_next_phase (f->timer);
  g_assert_false (mix_timer_get_turn (f->timer, &turn));
  g_assert_false (mix_timer_next_speaker (f->timer));
  g_assert_cmpint (mix_timer_get_airtime (f->timer, "Ana"), ==, S (40));
  g_assert_cmpint (mix_timer_get_airtime (f->timer, "Cal"), ==, S (30));
  g_assert_cmpint (mix_timer_get_airtime (f->timer, "Dee"), ==, S (30));

  /* Kept with the circle's state. */
  reopen (f, S (60));
  g_assert_cmpint (mix_timer_get_airtime (f->timer, "Ana"), ==, S (40));
  g_assert_cmpint (mix_timer_get_airtime (f->timer, "Ben"), ==, S (20));
  g_assert_cmpuint (mix_timer_get_speakers (f->timer)->len, ==, 4);

  mix_timer_reset (f->timer);
  g_assert_cmpint (mix_timer_get_airtime (f->timer, "Ana"), ==, 0);
}

/* The roster changes while people speak: those who have spoken and the
 * one speaking keep their place, a new order (a shuffle, the facilitator
 * last) applies to those still to come, someone taken off the roster
 * while speaking gives the floor to the next, and someone added once all
 * have spoken gets the time that is left. */
static void
test_turns_roster_changes (Fixture       *f,
                           gconstpointer  data)
{
  static const char * const reordered[] = { "Dee", "Cal", "Ben", "Ana", NULL };
  static const char * const without_ben[] = { "Dee", "Cal", "Ana", NULL };
  static const char * const with_eve[] = { "Ana", "Dee", "Cal", "Eve", NULL };
  GPtrArray *speakers;

  mix_timer_set_speakers (f->timer, four);
  mix_timer_start (f->timer);
  set_time (f, 30 * 1000);
  g_assert_true (mix_timer_next_speaker (f->timer));
  assert_turn (f, "Ben", "Cal", S (30), S (30));

  set_time (f, 40 * 1000);
  mix_timer_set_speakers (f->timer, reordered);
  speakers = mix_timer_get_speakers (f->timer);
  g_assert_cmpstr (speakers->pdata[0], ==, "Ana");
  g_assert_cmpstr (speakers->pdata[1], ==, "Ben");
  g_assert_cmpstr (speakers->pdata[2], ==, "Dee");
  g_assert_cmpstr (speakers->pdata[3], ==, "Cal");
  assert_turn (f, "Ben", "Dee", S (30), S (20));

  mix_timer_set_speakers (f->timer, without_ben);
  /* Dee shares the 80 s left with Cal, from now. */
  assert_turn (f, "Dee", "Cal", S (40), S (40));
  g_assert_cmpint (mix_timer_get_airtime (f->timer, "Ben"), ==, 0);

  set_time (f, 80 * 1000);
  g_assert_true (mix_timer_next_speaker (f->timer));
  set_time (f, 100 * 1000);
  g_assert_true (mix_timer_next_speaker (f->timer));
  g_assert_null (mix_timer_get_turn (f->timer, &(MixTurn) { 0 }) ? NULL : "no turns");
  mix_timer_set_speakers (f->timer, with_eve);
  assert_turn (f, "Eve", NULL, S (20), S (20));
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
  ADD ("state/json-shape", test_state_json_shape);
  ADD ("state/running", test_state_running);
  ADD ("state/paused", test_state_paused);
  ADD ("state/overtime", test_state_overtime);
  ADD ("state/ended-while-closed", test_state_ended_while_closed);
  ADD ("state/warned-before-save", test_state_warned_before_save);
  ADD ("state/auto-advance-while-closed", test_state_auto_advance_while_closed);
  ADD ("state/finished", test_state_finished);
  ADD ("state/idle", test_state_idle);
  ADD ("state/log", test_state_log);
  ADD ("state/clock-skew", test_state_clock_skew);
  ADD ("state/changed", test_state_changed);
  ADD ("state/malformed", test_state_malformed);
  ADD ("fit/after-overrun", test_fit_after_overrun);
  ADD ("fit/twice", test_fit_twice);
  ADD ("fit/within-ranges", test_fit_within_ranges);
  ADD ("turns/equal", test_turns_equal);
  ADD ("turns/roster-changes", test_turns_roster_changes);

#undef ADD

  g_test_add_func ("/timer/format", test_format);
  g_test_add_func ("/timer/real-clock", test_real_clock);
  g_test_add_func ("/timer/state-enum-type", test_state_enum_type);

  return g_test_run ();
}
