/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mix-timer.h"

#include <string.h>

#include "mix-error.h"

#define USEC_PER_MINUTE (60 * G_USEC_PER_SEC)

/* The version of mix_timer_save_state()'s object. */
#define STATE_VERSION 1
/* No saved duration may be longer, which keeps the arithmetic on saved
 * times far from overflow: ten years. */
#define MAX_SAVED_DURATION ((gint64) 10 * 366 * 24 * 60 * USEC_PER_MINUTE)

/**
 * MixTimer:
 *
 * The facilitator's phase timer. Nothing is counted: the timer keeps the
 * clock time the session started, the total length of finished pauses and
 * the session-elapsed time each phase visit began, and works everything
 * out from the clock when asked:
 *
 *   session elapsed = now − start − paused
 *   remaining       = duration − (session elapsed − phase start)
 *
 * While paused "now" stays at the pause's start; once finished, the session
 * elapsed time stays at the finish.
 *
 * The timer owns no main-loop source. Whoever shows it calls
 * mix_timer_update() on each tick (mix_timer_get_time_to_next_change()
 * says when the display changes next); due signals are emitted from there,
 * in order and once each, however late the call is. With #MixTimer:auto-advance
 * the next phase starts at the instant the previous one ended, not at the
 * late update.
 *
 * #MixTimer::phase-changed is emitted each time a phase visit begins: on
 * start, next, previous (also when phase 0 is restarted) and auto-advance.
 *
 * A session in progress outlives the process with mix_timer_save_state()
 * and mix_timer_restore_state(). The monotonic clock means nothing in
 * another process, so saved instants are wall-clock times: a running
 * session counts the time the app was closed. #MixTimer::changed says when
 * the saved state is out of date.
 */
struct _MixTimer
{
  GObject         parent_instance;

  MixClockFunc    clock;
  gpointer        clock_data;
  GDestroyNotify  clock_destroy;
  MixClockFunc    wall_clock;
  gpointer        wall_clock_data;
  GDestroyNotify  wall_clock_destroy;

  guint           planned[MIX_N_PHASES];  /* minutes */
  gboolean        auto_advance;
  guint           warning_seconds;

  MixTimerState   state;
  MixPhase        phase;

  gint64          start_time;    /* clock µs */
  gint64          paused_total;  /* µs of finished pauses */
  gint64          pause_time;    /* clock µs, while paused */
  gint64          finished_at;   /* session-elapsed µs, once finished */
  gint64          added_total;   /* µs added to any phase in this session */

  gint64          phase_start;   /* session-elapsed µs the visit began */
  gint64          added;         /* µs added to this visit */
  guint           visit;         /* counts visits, to notice changes made by handlers */
  gboolean        warned;
  gboolean        ended;

  GArray         *log;           /* MixPhaseLogEntry */
  gint64          fitted[MIX_N_PHASES];  /* µs re-planned by Fit the Rest, or 0 */

  /* Equal turns in Introductions: who speaks, in order; those before
   * @speaker have spoken. */
  GPtrArray      *speakers;      /* names */
  GArray         *airtime;       /* gint64 µs each speaker has spoken */
  guint           speaker;       /* speaking now, or speakers->len once all have */
  gint64          turn_start;    /* session-elapsed µs the turn began */
};

G_DEFINE_FINAL_TYPE (MixTimer, mix_timer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_PHASE,
  PROP_AUTO_ADVANCE,
  PROP_WARNING_SECONDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PHASE_CHANGED,
  WARNING,
  PHASE_ENDED,
  FINISHED,
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GType
mix_timer_state_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { MIX_TIMER_IDLE, "MIX_TIMER_IDLE", "idle" },
        { MIX_TIMER_RUNNING, "MIX_TIMER_RUNNING", "running" },
        { MIX_TIMER_PAUSED, "MIX_TIMER_PAUSED", "paused" },
        { MIX_TIMER_FINISHED, "MIX_TIMER_FINISHED", "finished" },
        { 0, NULL, NULL }
      };
      GType type = g_enum_register_static (g_intern_static_string ("MixTimerState"), values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

static gint64
monotonic_clock (gpointer user_data)
{
  return g_get_monotonic_time ();
}

static gint64
real_clock (gpointer user_data)
{
  return g_get_real_time ();
}

static gint64
read_clock (MixTimer *self)
{
  return self->clock (self->clock_data);
}

static gint64
read_wall_clock (MixTimer *self)
{
  return self->wall_clock (self->wall_clock_data);
}

static void
emit_changed (MixTimer *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
is_active (MixTimer *self)
{
  return self->state == MIX_TIMER_RUNNING || self->state == MIX_TIMER_PAUSED;
}

/* Session-elapsed µs, pauses excluded. */
static gint64
session_now (MixTimer *self)
{
  switch (self->state)
    {
    case MIX_TIMER_RUNNING:
      return read_clock (self) - self->start_time - self->paused_total;
    case MIX_TIMER_PAUSED:
      return self->pause_time - self->start_time - self->paused_total;
    case MIX_TIMER_FINISHED:
      return self->finished_at;
    case MIX_TIMER_IDLE:
    default:
      return 0;
    }
}

/* A phase's time in this session, without added minutes: as fitted, or
 * as planned. */
static gint64
planned_us (MixTimer *self,
            MixPhase  phase)
{
  if (self->fitted[phase] > 0)
    return self->fitted[phase];
  return (gint64) self->planned[phase] * USEC_PER_MINUTE;
}

static gint64
phase_duration (MixTimer *self)
{
  return planned_us (self, self->phase) + self->added;
}

static gint64
warning_us (MixTimer *self)
{
  return (gint64) self->warning_seconds * G_USEC_PER_SEC;
}

static void
set_state (MixTimer      *self,
           MixTimerState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_phase (MixTimer *self,
           MixPhase  phase)
{
  if (self->phase == phase)
    return;
  self->phase = phase;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
}

/* Closes the current visit's log entry at session-elapsed @at. */
static void
end_visit (MixTimer *self,
           gint64    at)
{
  MixPhaseLogEntry *entry;

  g_assert (self->log->len > 0);

  entry = &g_array_index (self->log, MixPhaseLogEntry, self->log->len - 1);
  entry->ended_us = at;
  entry->overtime_us = MAX (0, at - self->phase_start - phase_duration (self));
}

/* Whether a speaker has the floor: in Introductions, under way. */
static gboolean
in_turns (MixTimer *self)
{
  return (self->state == MIX_TIMER_RUNNING || self->state == MIX_TIMER_PAUSED) &&
         self->phase == MIX_PHASE_INTRODUCTIONS && self->speaker < self->speakers->len;
}

/* The current speaker's turn ends at session-elapsed @at. */
static void
end_turn (MixTimer *self,
          gint64    at)
{
  if (self->phase != MIX_PHASE_INTRODUCTIONS || self->speaker >= self->speakers->len)
    return;
  g_array_index (self->airtime, gint64, self->speaker) += MAX (at - self->turn_start, 0);
  self->speaker = self->speakers->len;
}

/* Ends the current visit, if any, and begins one of @phase at @at. */
static void
begin_visit (MixTimer *self,
             MixPhase  phase,
             gint64    at)
{
  MixPhaseLogEntry entry = { phase, at, 0, 0 };

  if (self->log->len > 0)
    {
      end_turn (self, at);
      end_visit (self, at);
    }
  if (phase == MIX_PHASE_INTRODUCTIONS)
    {
      /* Each visit of Introductions goes round from the first. */
      self->speaker = 0;
      self->turn_start = at;
    }

  self->phase_start = at;
  self->added = 0;
  self->warned = FALSE;
  self->ended = FALSE;
  self->visit++;
  g_array_append_val (self->log, entry);

  set_phase (self, phase);
  g_signal_emit (self, signals[PHASE_CHANGED], 0, phase);
}

static void
finish (MixTimer *self,
        gint64    at)
{
  end_turn (self, at);
  end_visit (self, at);
  self->finished_at = at;
  self->visit++;
  set_state (self, MIX_TIMER_FINISHED);
  g_signal_emit (self, signals[FINISHED], 0);
}

/* Goes on from the current phase at session-elapsed @at. */
static void
advance (MixTimer *self,
         gint64    at)
{
  if (self->phase + 1 < MIX_N_PHASES)
    begin_visit (self, self->phase + 1, at);
  else
    finish (self, at);
}

static void
mix_timer_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MixTimer *self = MIX_TIMER (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_PHASE:
      g_value_set_enum (value, self->phase);
      break;
    case PROP_AUTO_ADVANCE:
      g_value_set_boolean (value, self->auto_advance);
      break;
    case PROP_WARNING_SECONDS:
      g_value_set_uint (value, self->warning_seconds);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mix_timer_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  MixTimer *self = MIX_TIMER (object);

  switch (prop_id)
    {
    case PROP_AUTO_ADVANCE:
      mix_timer_set_auto_advance (self, g_value_get_boolean (value));
      break;
    case PROP_WARNING_SECONDS:
      mix_timer_set_warning_seconds (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mix_timer_finalize (GObject *object)
{
  MixTimer *self = (MixTimer *) object;

  if (self->clock_destroy != NULL)
    self->clock_destroy (self->clock_data);
  if (self->wall_clock_destroy != NULL)
    self->wall_clock_destroy (self->wall_clock_data);
  g_clear_pointer (&self->log, g_array_unref);
  g_clear_pointer (&self->speakers, g_ptr_array_unref);
  g_clear_pointer (&self->airtime, g_array_unref);

  G_OBJECT_CLASS (mix_timer_parent_class)->finalize (object);
}

static void
mix_timer_class_init (MixTimerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = mix_timer_get_property;
  object_class->set_property = mix_timer_set_property;
  object_class->finalize = mix_timer_finalize;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       MIX_TYPE_TIMER_STATE, MIX_TIMER_IDLE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_PHASE] =
    g_param_spec_enum ("phase", NULL, NULL,
                       MIX_TYPE_PHASE, MIX_PHASE_INTRODUCTIONS,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * MixTimer:auto-advance:
   *
   * Whether a phase that reaches its end gives way to the next one, rather
   * than running into overtime.
   */
  properties[PROP_AUTO_ADVANCE] =
    g_param_spec_boolean ("auto-advance", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * MixTimer:warning-seconds:
   *
   * How long before a phase's end #MixTimer::warning is emitted; 0 for
   * never. Phases no longer than this get no warning.
   */
  properties[PROP_WARNING_SECONDS] =
    g_param_spec_uint ("warning-seconds", NULL, NULL,
                       0, 3600, 60,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MixTimer::phase-changed:
   * @phase: the phase that begins
   *
   * A phase visit begins: on start, next, previous and auto-advance.
   */
  signals[PHASE_CHANGED] =
    g_signal_new ("phase-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, MIX_TYPE_PHASE);

  /**
   * MixTimer::warning:
   * @phase: the current phase
   *
   * The remaining time reached #MixTimer:warning-seconds; once a visit.
   */
  signals[WARNING] =
    g_signal_new ("warning",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, MIX_TYPE_PHASE);

  /**
   * MixTimer::phase-ended:
   * @phase: the current phase
   *
   * The remaining time reached zero; once a visit, unless an added minute
   * brings it back above zero.
   */
  signals[PHASE_ENDED] =
    g_signal_new ("phase-ended",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, MIX_TYPE_PHASE);

  /**
   * MixTimer::finished:
   *
   * The last phase was left, by mix_timer_next_phase() or auto-advance.
   */
  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * MixTimer::changed:
   *
   * What mix_timer_save_state() returns changed other than by time
   * passing: on start, pause, resume, next, previous, an added minute,
   * reset, restore, a change of plan or #MixTimer:auto-advance, and when
   * mix_timer_update() emitted anything. Time for the app to save.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
mix_timer_init (MixTimer *self)
{
  self->clock = monotonic_clock;
  self->wall_clock = real_clock;
  self->warning_seconds = 60;
  self->state = MIX_TIMER_IDLE;
  self->phase = MIX_PHASE_INTRODUCTIONS;
  self->log = g_array_new (FALSE, TRUE, sizeof (MixPhaseLogEntry));
  self->speakers = g_ptr_array_new_with_free_func (g_free);
  self->airtime = g_array_new (FALSE, TRUE, sizeof (gint64));

  for (guint i = 0; i < MIX_N_PHASES; i++)
    self->planned[i] = mix_guide_get_phase ((MixPhase) i)->default_minutes;
}

/**
 * mix_timer_new:
 *
 * Returns: (transfer full): an idle timer planned with the guide's default
 *   minutes, reading g_get_monotonic_time()
 */
MixTimer *
mix_timer_new (void)
{
  return g_object_new (MIX_TYPE_TIMER, NULL);
}

/**
 * mix_timer_set_clock:
 * @clock: (nullable): returns monotonic microseconds; %NULL for
 *   g_get_monotonic_time()
 *
 * Replaces the clock, for tests. Call it while the timer is idle.
 */
void
mix_timer_set_clock (MixTimer       *self,
                     MixClockFunc    clock,
                     gpointer        user_data,
                     GDestroyNotify  destroy)
{
  g_return_if_fail (MIX_IS_TIMER (self));

  if (self->clock_destroy != NULL)
    self->clock_destroy (self->clock_data);

  self->clock = clock != NULL ? clock : monotonic_clock;
  self->clock_data = user_data;
  self->clock_destroy = destroy;
}

/**
 * mix_timer_set_wall_clock:
 * @clock: (nullable): returns wall-clock microseconds; %NULL for
 *   g_get_real_time()
 *
 * Replaces the wall clock that saved states are written and read with,
 * for tests.
 */
void
mix_timer_set_wall_clock (MixTimer       *self,
                          MixClockFunc    clock,
                          gpointer        user_data,
                          GDestroyNotify  destroy)
{
  g_return_if_fail (MIX_IS_TIMER (self));

  if (self->wall_clock_destroy != NULL)
    self->wall_clock_destroy (self->wall_clock_data);

  self->wall_clock = clock != NULL ? clock : real_clock;
  self->wall_clock_data = user_data;
  self->wall_clock_destroy = destroy;
}

/**
 * mix_timer_set_planned_minutes:
 *
 * Plans @minutes (1–30) for @phase. The plan can only change while the
 * timer is idle.
 *
 * Returns: whether the plan was changed or already was @minutes
 */
gboolean
mix_timer_set_planned_minutes (MixTimer *self,
                               MixPhase  phase,
                               guint     minutes)
{
  g_return_val_if_fail (MIX_IS_TIMER (self), FALSE);
  g_return_val_if_fail (phase < MIX_N_PHASES, FALSE);

  if (self->state != MIX_TIMER_IDLE)
    return FALSE;
  if (minutes < 1 || minutes > MIX_GUIDE_SESSION_MINUTES)
    return FALSE;
  if (self->planned[phase] == minutes)
    return TRUE;

  self->planned[phase] = minutes;
  emit_changed (self);
  return TRUE;
}

guint
mix_timer_get_planned_minutes (MixTimer *self,
                               MixPhase  phase)
{
  g_return_val_if_fail (MIX_IS_TIMER (self), 0);
  g_return_val_if_fail (phase < MIX_N_PHASES, 0);

  return self->planned[phase];
}

/**
 * mix_timer_get_planned_total:
 *
 * Returns: the planned minutes of all phases, without added minutes
 */
guint
mix_timer_get_planned_total (MixTimer *self)
{
  guint total = 0;

  g_return_val_if_fail (MIX_IS_TIMER (self), 0);

  for (guint i = 0; i < MIX_N_PHASES; i++)
    total += self->planned[i];
  return total;
}

gboolean
mix_timer_get_auto_advance (MixTimer *self)
{
  g_return_val_if_fail (MIX_IS_TIMER (self), FALSE);

  return self->auto_advance;
}

void
mix_timer_set_auto_advance (MixTimer *self,
                            gboolean  auto_advance)
{
  g_return_if_fail (MIX_IS_TIMER (self));

  auto_advance = !!auto_advance;
  if (self->auto_advance == auto_advance)
    return;
  self->auto_advance = auto_advance;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTO_ADVANCE]);
  emit_changed (self);
}

guint
mix_timer_get_warning_seconds (MixTimer *self)
{
  g_return_val_if_fail (MIX_IS_TIMER (self), 0);

  return self->warning_seconds;
}

/**
 * mix_timer_set_warning_seconds:
 *
 * Sets #MixTimer:warning-seconds. If the current phase was warned but has
 * more than @seconds left, it will be warned again.
 */
void
mix_timer_set_warning_seconds (MixTimer *self,
                               guint     seconds)
{
  gboolean rearmed = FALSE;

  g_return_if_fail (MIX_IS_TIMER (self));
  g_return_if_fail (seconds <= 3600);

  if (self->warning_seconds == seconds)
    return;
  self->warning_seconds = seconds;
  if (self->warned && is_active (self) && mix_timer_get_remaining (self) > warning_us (self))
    {
      self->warned = FALSE;
      rearmed = TRUE;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WARNING_SECONDS]);
  if (rearmed)
    emit_changed (self);
}

MixTimerState
mix_timer_get_state (MixTimer *self)
{
  g_return_val_if_fail (MIX_IS_TIMER (self), MIX_TIMER_IDLE);

  return self->state;
}

/**
 * mix_timer_get_phase:
 *
 * Returns: the current phase; the first while idle, the last once finished
 */
MixPhase
mix_timer_get_phase (MixTimer *self)
{
  g_return_val_if_fail (MIX_IS_TIMER (self), MIX_PHASE_INTRODUCTIONS);

  return self->phase;
}

/**
 * mix_timer_start:
 *
 * Starts the first phase, if the timer is idle.
 */
void
mix_timer_start (MixTimer *self)
{
  g_return_if_fail (MIX_IS_TIMER (self));

  if (self->state != MIX_TIMER_IDLE)
    return;

  self->start_time = read_clock (self);
  self->paused_total = 0;
  self->added_total = 0;
  self->finished_at = 0;
  g_array_set_size (self->log, 0);

  set_state (self, MIX_TIMER_RUNNING);
  begin_visit (self, MIX_PHASE_INTRODUCTIONS, 0);
  emit_changed (self);
}

void
mix_timer_pause (MixTimer *self)
{
  g_return_if_fail (MIX_IS_TIMER (self));

  if (self->state != MIX_TIMER_RUNNING)
    return;

  self->pause_time = read_clock (self);
  set_state (self, MIX_TIMER_PAUSED);
  emit_changed (self);
}

void
mix_timer_resume (MixTimer *self)
{
  g_return_if_fail (MIX_IS_TIMER (self));

  if (self->state != MIX_TIMER_PAUSED)
    return;

  self->paused_total += read_clock (self) - self->pause_time;
  set_state (self, MIX_TIMER_RUNNING);
  emit_changed (self);
}

/**
 * mix_timer_toggle:
 *
 * Starts, pauses or resumes; does nothing once finished.
 */
void
mix_timer_toggle (MixTimer *self)
{
  g_return_if_fail (MIX_IS_TIMER (self));

  switch (self->state)
    {
    case MIX_TIMER_IDLE:
      mix_timer_start (self);
      break;
    case MIX_TIMER_RUNNING:
      mix_timer_pause (self);
      break;
    case MIX_TIMER_PAUSED:
      mix_timer_resume (self);
      break;
    case MIX_TIMER_FINISHED:
    default:
      break;
    }
}

/**
 * mix_timer_next_phase:
 *
 * Begins the next phase now, or finishes from the last one. A paused timer
 * stays paused. Does nothing while idle or finished.
 */
void
mix_timer_next_phase (MixTimer *self)
{
  g_return_if_fail (MIX_IS_TIMER (self));

  if (!is_active (self))
    return;

  advance (self, session_now (self));
  emit_changed (self);
}

/**
 * mix_timer_previous_phase:
 *
 * Begins the previous phase again from its full planned time, or restarts
 * the first phase. A paused timer stays paused. Does nothing while idle or
 * finished.
 */
void
mix_timer_previous_phase (MixTimer *self)
{
  g_return_if_fail (MIX_IS_TIMER (self));

  if (!is_active (self))
    return;

  begin_visit (self, self->phase > 0 ? self->phase - 1 : 0, session_now (self));
  emit_changed (self);
}

/**
 * mix_timer_add_minute:
 *
 * Gives the current phase one more minute, also in overtime. The warning
 * comes again if more than #MixTimer:warning-seconds are now left, and the
 * end if any time is left. Does nothing while idle or finished.
 */
void
mix_timer_add_minute (MixTimer *self)
{
  gint64 remaining;

  g_return_if_fail (MIX_IS_TIMER (self));

  if (!is_active (self))
    return;

  self->added += USEC_PER_MINUTE;
  self->added_total += USEC_PER_MINUTE;

  remaining = mix_timer_get_remaining (self);
  if (remaining > warning_us (self))
    self->warned = FALSE;
  if (remaining > 0)
    self->ended = FALSE;
  emit_changed (self);
}

/**
 * mix_timer_reset:
 *
 * Goes back to idle at the first phase and forgets the phase log; the plan
 * is kept.
 */
void
mix_timer_reset (MixTimer *self)
{
  gboolean was_idle;

  g_return_if_fail (MIX_IS_TIMER (self));

  was_idle = self->state == MIX_TIMER_IDLE;
  self->start_time = 0;
  self->paused_total = 0;
  self->pause_time = 0;
  self->finished_at = 0;
  self->added_total = 0;
  self->phase_start = 0;
  self->added = 0;
  self->warned = FALSE;
  self->ended = FALSE;
  self->visit++;
  g_array_set_size (self->log, 0);
  memset (self->fitted, 0, sizeof self->fitted);
  for (guint i = 0; i < self->airtime->len; i++)
    g_array_index (self->airtime, gint64, i) = 0;
  self->speaker = 0;
  self->turn_start = 0;

  set_state (self, MIX_TIMER_IDLE);
  set_phase (self, MIX_PHASE_INTRODUCTIONS);
  if (!was_idle)
    emit_changed (self);
}

/**
 * mix_timer_update:
 *
 * Reads the clock and emits the signals that are due, in order: for each
 * phase visit #MixTimer::warning, then #MixTimer::phase-ended, then with
 * auto-advance #MixTimer::phase-changed or #MixTimer::finished. Handlers
 * may call any method of the timer.
 */
void
mix_timer_update (MixTimer *self)
{
  /* The visit whose end this call saw: with auto-advance, the next phase
   * begins at that visit's end instant. A phase already in overtime before
   * (auto-advance just turned on) gives way now instead. Visits count
   * from 1. */
  guint ended_visit = 0;
  gboolean emitted = FALSE;

  g_return_if_fail (MIX_IS_TIMER (self));

  g_object_ref (self);

  while (self->state == MIX_TIMER_RUNNING)
    {
      gint64 remaining = mix_timer_get_remaining (self);
      gint64 warning = warning_us (self);

      if (!self->warned && warning > 0 && phase_duration (self) > warning && remaining <= warning)
        {
          self->warned = TRUE;
          emitted = TRUE;
          g_signal_emit (self, signals[WARNING], 0, self->phase);
          continue;
        }

      if (!self->ended && remaining <= 0)
        {
          self->ended = TRUE;
          ended_visit = self->visit;
          emitted = TRUE;
          g_signal_emit (self, signals[PHASE_ENDED], 0, self->phase);
          continue;
        }

      if (self->auto_advance && remaining <= 0)
        {
          gint64 end = self->phase_start + phase_duration (self);

          if (ended_visit == self->visit)
            advance (self, end);
          else
            advance (self, session_now (self));
          emitted = TRUE;
          continue;
        }

      break;
    }

  if (emitted)
    emit_changed (self);

  g_object_unref (self);
}

/**
 * mix_timer_get_phase_duration:
 *
 * Returns: the current phase's planned time plus its added minutes, in µs
 */
gint64
mix_timer_get_phase_duration (MixTimer *self)
{
  g_return_val_if_fail (MIX_IS_TIMER (self), 0);

  return phase_duration (self);
}

/**
 * mix_timer_get_phase_elapsed:
 *
 * Returns: the time spent in the current phase visit, pauses excluded, in µs
 */
gint64
mix_timer_get_phase_elapsed (MixTimer *self)
{
  g_return_val_if_fail (MIX_IS_TIMER (self), 0);

  if (self->state == MIX_TIMER_IDLE)
    return 0;
  return session_now (self) - self->phase_start;
}

/**
 * mix_timer_get_remaining:
 *
 * Returns: the time left in the current phase in µs, negative in overtime
 */
gint64
mix_timer_get_remaining (MixTimer *self)
{
  g_return_val_if_fail (MIX_IS_TIMER (self), 0);

  return phase_duration (self) - mix_timer_get_phase_elapsed (self);
}

/**
 * mix_timer_get_session_elapsed:
 *
 * Returns: the time since the start in µs, pauses excluded; frozen once
 *   finished
 */
gint64
mix_timer_get_session_elapsed (MixTimer *self)
{
  g_return_val_if_fail (MIX_IS_TIMER (self), 0);

  return session_now (self);
}

static double
fraction (gint64 part,
          gint64 whole)
{
  if (whole <= 0)
    return part > 0 ? 1.0 : 0.0;
  return CLAMP ((double) part / (double) whole, 0.0, 1.0);
}

/**
 * mix_timer_get_phase_fraction:
 *
 * Returns: how much of the current phase has passed, from 0 to 1
 */
double
mix_timer_get_phase_fraction (MixTimer *self)
{
  g_return_val_if_fail (MIX_IS_TIMER (self), 0.0);

  return fraction (mix_timer_get_phase_elapsed (self), phase_duration (self));
}

/**
 * mix_timer_get_session_fraction:
 *
 * Returns: how much of the planned total plus the added minutes has
 *   passed, from 0 to 1
 */
double
mix_timer_get_session_fraction (MixTimer *self)
{
  gint64 total;

  g_return_val_if_fail (MIX_IS_TIMER (self), 0.0);

  total = self->added_total;
  for (guint p = 0; p < MIX_N_PHASES; p++)
    total += planned_us (self, (MixPhase) p);
  return fraction (session_now (self), total);
}

/* The circle's slot: Fit the Rest and the end offset aim at its end. */
#define SESSION_US ((gint64) MIX_GUIDE_SESSION_MINUTES * USEC_PER_MINUTE)
/* Fit the Rest leaves no phase shorter. */
#define MIN_FITTED_US USEC_PER_MINUTE

/**
 * mix_timer_get_duration:
 *
 * Returns: @phase's time in this session in µs: as planned, or as fitted
 *   by mix_timer_set_fitted(); the current phase's with its added minutes
 */
gint64
mix_timer_get_duration (MixTimer *self,
                        MixPhase  phase)
{
  g_return_val_if_fail (MIX_IS_TIMER (self), 0);
  g_return_val_if_fail (phase < MIX_N_PHASES, 0);

  if (phase == self->phase && self->state != MIX_TIMER_IDLE)
    return phase_duration (self);
  return planned_us (self, phase);
}

/**
 * mix_timer_get_end_offset:
 *
 * How far from the 30-minute end the circle ends at this pace: the time
 * so far, what is left of the current phase (nothing once it is over
 * time: it lasts until the facilitator goes on) and the times of the
 * phases after it, less 30 minutes. Before the start, the plan's; once
 * finished, where it ended.
 *
 * Returns: µs, positive when the circle runs behind, negative ahead
 */
gint64
mix_timer_get_end_offset (MixTimer *self)
{
  gint64 end = 0;

  g_return_val_if_fail (MIX_IS_TIMER (self), 0);

  switch (self->state)
    {
    case MIX_TIMER_IDLE:
      for (guint p = 0; p < MIX_N_PHASES; p++)
        end += planned_us (self, (MixPhase) p);
      break;
    case MIX_TIMER_FINISHED:
      end = self->finished_at;
      break;
    case MIX_TIMER_RUNNING:
    case MIX_TIMER_PAUSED:
    default:
      end = session_now (self) + MAX (mix_timer_get_remaining (self), 0);
      for (guint p = self->phase + 1; p < MIX_N_PHASES; p++)
        end += planned_us (self, (MixPhase) p);
      break;
    }
  return end - SESSION_US;
}

/* Shares @available µs among @n phases in proportion to @planned, each
 * within its [@lo, @hi]: those the share would put outside are held at
 * their bound and the rest is shared again among the others. @available
 * must lie between the sums of @lo and of @hi. */
static void
share_within (const gint64 *planned,
              const gint64 *lo,
              const gint64 *hi,
              guint         n,
              gint64        available,
              gint64       *shares)
{
  gboolean held[MIX_N_PHASES] = { FALSE };

  g_assert (n <= MIX_N_PHASES);

  for (;;)
    {
      gint64 left = available;
      double free_planned = 0;
      gboolean moved = FALSE;

      for (guint i = 0; i < n; i++)
        {
          if (held[i])
            left -= shares[i];
          else
            free_planned += (double) planned[i];
        }
      for (guint i = 0; i < n; i++)
        {
          if (held[i])
            continue;
          shares[i] = free_planned > 0 ? (gint64) ((double) planned[i] * (double) left / free_planned)
                                       : left;
        }
      /* Hold the one furthest out, then share again: bounds on both sides
       * are met one at a time. */
      for (guint i = 0; i < n && !moved; i++)
        {
          if (held[i])
            continue;
          if (shares[i] < lo[i] || shares[i] > hi[i])
            {
              shares[i] = CLAMP (shares[i], lo[i], hi[i]);
              held[i] = TRUE;
              moved = TRUE;
            }
        }
      if (!moved)
        return;
    }
}

/**
 * mix_timer_plan_fit:
 * @durations: (out caller-allocates) (array fixed-size=4): each phase's
 *   time in µs, with the phases after the current one fitted
 *
 * Works out "Fit the Rest" (without applying it; see
 * mix_timer_set_fitted()): the phases after the current one shared in
 * proportion to their planned times so that the circle ends at 30:00.
 * The current phase ends at its end, or now if it is over time. Each
 * stays within the guide's recommended range when the time left allows
 * it; otherwise all of them are shortened (or lengthened) in proportion,
 * none below one minute. Whole seconds, summing to the time left.
 *
 * Returns: whether there is something to fit: the circle is under way,
 *   the current phase is not the last, and the time left gives each phase
 *   after it at least a minute
 */
gboolean
mix_timer_plan_fit (MixTimer *self,
                    gint64   *durations)
{
  gint64 planned[MIX_N_PHASES], lo[MIX_N_PHASES], hi[MIX_N_PHASES], shares[MIX_N_PHASES];
  gint64 sum_lo = 0, sum_hi = 0, sum = 0;
  gint64 available;
  guint first, n;

  g_return_val_if_fail (MIX_IS_TIMER (self), FALSE);
  g_return_val_if_fail (durations != NULL, FALSE);

  for (guint p = 0; p < MIX_N_PHASES; p++)
    durations[p] = mix_timer_get_duration (self, (MixPhase) p);

  if (!is_active (self) || self->phase + 1 >= MIX_N_PHASES)
    return FALSE;

  first = self->phase + 1;
  n = MIX_N_PHASES - first;
  /* Whole seconds from here to 30:00. */
  available = SESSION_US - session_now (self) - MAX (mix_timer_get_remaining (self), 0);
  available -= available % G_USEC_PER_SEC;
  if (available < (gint64) n * MIN_FITTED_US)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      const MixPhaseInfo *info = mix_guide_get_phase ((MixPhase) (first + i));

      planned[i] = planned_us (self, (MixPhase) (first + i));
      lo[i] = (gint64) info->min_minutes * USEC_PER_MINUTE;
      hi[i] = (gint64) info->max_minutes * USEC_PER_MINUTE;
      sum_lo += lo[i];
      sum_hi += hi[i];
    }
  if (available < sum_lo || available > sum_hi)
    {
      /* The guide's ranges cannot hold: in proportion, from a minute. */
      for (guint i = 0; i < n; i++)
        {
          lo[i] = MIN_FITTED_US;
          hi[i] = SESSION_US;
        }
    }
  share_within (planned, lo, hi, n, available, shares);

  /* To the second; what rounding leaves goes to the longest. */
  for (guint i = 0; i < n; i++)
    {
      shares[i] = (shares[i] + G_USEC_PER_SEC / 2) / G_USEC_PER_SEC * G_USEC_PER_SEC;
      sum += shares[i];
    }
  for (guint i = 1, longest = 0; i <= n; i++)
    {
      if (i == n)
        shares[longest] += available - sum;
      else if (shares[i] > shares[longest])
        longest = i;
    }

  for (guint i = 0; i < n; i++)
    durations[first + i] = shares[i];
  return TRUE;
}

/**
 * mix_timer_get_fitted:
 * @fitted: (out caller-allocates) (array fixed-size=4): each phase's
 *   fitted time in µs, or 0 where it keeps its planned time
 *
 * For undoing mix_timer_set_fitted().
 */
void
mix_timer_get_fitted (MixTimer *self,
                      gint64   *fitted)
{
  g_return_if_fail (MIX_IS_TIMER (self));
  g_return_if_fail (fitted != NULL);

  memcpy (fitted, self->fitted, sizeof self->fitted);
}

/**
 * mix_timer_set_fitted:
 * @fitted: (array fixed-size=4): each phase's time in µs, as from
 *   mix_timer_plan_fit(), or 0 for its planned time
 *
 * Gives the phases after the current one their times for this session
 * (Fit the Rest); the current phase and those before keep theirs. Times
 * are whole seconds of at least a minute. A reset goes back to the plan.
 * Does nothing while idle or finished.
 *
 * Returns: whether any time changed
 */
gboolean
mix_timer_set_fitted (MixTimer     *self,
                      const gint64 *fitted)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (MIX_IS_TIMER (self), FALSE);
  g_return_val_if_fail (fitted != NULL, FALSE);

  if (!is_active (self))
    return FALSE;

  for (guint p = self->phase + 1; p < MIX_N_PHASES; p++)
    {
      gint64 value = fitted[p];

      g_return_val_if_fail (value == 0 || (value >= MIN_FITTED_US && value <= SESSION_US &&
                                           value % G_USEC_PER_SEC == 0), changed);
      if (value == (gint64) self->planned[p] * USEC_PER_MINUTE)
        value = 0;
      if (self->fitted[p] != value)
        {
          self->fitted[p] = value;
          changed = TRUE;
        }
    }
  if (changed)
    emit_changed (self);
  return changed;
}

static gboolean
in_introductions (MixTimer *self)
{
  return is_active (self) && self->phase == MIX_PHASE_INTRODUCTIONS;
}

static gint64
airtime_of (GPtrArray  *speakers,
            GArray     *airtime,
            const char *name)
{
  for (guint i = 0; i < speakers->len; i++)
    if (g_str_equal (speakers->pdata[i], name))
      return g_array_index (airtime, gint64, i);
  return 0;
}

static gboolean
has_speaker (GPtrArray  *speakers,
             const char *name)
{
  for (guint i = 0; i < speakers->len; i++)
    if (g_str_equal (speakers->pdata[i], name))
      return TRUE;
  return FALSE;
}

/**
 * mix_timer_set_speakers:
 * @names: (array zero-terminated=1): the people of the circle, in the
 *   order they are to speak in Introductions
 *
 * Gives Introductions its equal turns: its time shared among @names, in
 * turn. While Introductions is under way, those who have spoken and the
 * one speaking keep their place at the front (if still in @names) and
 * the others follow in the order of @names; a speaker no longer there
 * gives the floor to the next. Each person's airtime is kept by name.
 * Empty and repeated names are left out.
 */
void
mix_timer_set_speakers (MixTimer           *self,
                        const char * const *names)
{
  g_autoptr(GPtrArray) speakers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) airtime = g_array_new (FALSE, TRUE, sizeof (gint64));
  const char *current = NULL;
  guint speaker = 0;
  gboolean changed;

  g_return_if_fail (MIX_IS_TIMER (self));
  g_return_if_fail (names != NULL);

  if (in_introductions (self))
    {
      guint upto = MIN (self->speaker + 1, self->speakers->len);

      if (self->speaker < self->speakers->len)
        current = self->speakers->pdata[self->speaker];
      for (guint i = 0; i < upto; i++)
        {
          const char *name = self->speakers->pdata[i];

          if (!g_strv_contains (names, name))
            continue;
          g_ptr_array_add (speakers, g_strdup (name));
          if (name != current)
            speaker++;
        }
    }
  for (guint i = 0; names[i] != NULL; i++)
    if (names[i][0] != '\0' && !has_speaker (speakers, names[i]))
      g_ptr_array_add (speakers, g_strdup (names[i]));
  for (guint i = 0; i < speakers->len; i++)
    {
      gint64 spoken = airtime_of (self->speakers, self->airtime, speakers->pdata[i]);

      g_array_append_val (airtime, spoken);
    }

  changed = speakers->len != self->speakers->len || speaker != self->speaker;
  for (guint i = 0; !changed && i < speakers->len; i++)
    changed = !g_str_equal (speakers->pdata[i], self->speakers->pdata[i]);
  if (!changed)
    return;

  /* The one speaking went: the next one has the floor from now. */
  if (in_introductions (self) && (current == NULL || !g_strv_contains (names, current)))
    self->turn_start = session_now (self);
  g_ptr_array_unref (self->speakers);
  self->speakers = g_steal_pointer (&speakers);
  g_array_unref (self->airtime);
  self->airtime = g_steal_pointer (&airtime);
  self->speaker = speaker;
  emit_changed (self);
}

/**
 * mix_timer_get_speakers:
 *
 * Returns: (transfer none) (element-type utf8): the speakers, in order
 */
GPtrArray *
mix_timer_get_speakers (MixTimer *self)
{
  g_return_val_if_fail (MIX_IS_TIMER (self), NULL);

  return self->speakers;
}

/**
 * mix_timer_next_speaker:
 *
 * Ends the current speaker's turn and gives the floor to the next, who
 * shares what is left of Introductions with those still to come.
 *
 * Returns: whether there was a turn to end
 */
gboolean
mix_timer_next_speaker (MixTimer *self)
{
  gint64 now;

  g_return_val_if_fail (MIX_IS_TIMER (self), FALSE);

  if (!in_turns (self))
    return FALSE;
  now = session_now (self);
  g_array_index (self->airtime, gint64, self->speaker) += MAX (now - self->turn_start, 0);
  self->speaker++;
  self->turn_start = now;
  emit_changed (self);
  return TRUE;
}

/**
 * mix_timer_get_turn:
 * @turn: (out caller-allocates): the turn now
 *
 * A turn's time is what is left of Introductions when it begins, shared
 * equally among the speakers still to come: a long turn shortens the
 * later ones, and Introductions still ends on time.
 *
 * Returns: whether Introductions is under way with speakers; @turn is
 *   filled in only then (with no speaker once all have spoken)
 */
gboolean
mix_timer_get_turn (MixTimer *self,
                    MixTurn  *turn)
{
  guint n;

  g_return_val_if_fail (MIX_IS_TIMER (self), FALSE);
  g_return_val_if_fail (turn != NULL, FALSE);

  n = self->speakers->len;
  if (!in_introductions (self) || n == 0)
    return FALSE;

  turn->index = self->speaker;
  turn->n = n;
  turn->speaker = self->speaker < n ? self->speakers->pdata[self->speaker] : NULL;
  turn->next = self->speaker + 1 < n ? self->speakers->pdata[self->speaker + 1] : NULL;
  if (self->speaker < n)
    {
      gint64 left = self->phase_start + phase_duration (self) - self->turn_start;

      turn->share_us = MAX (left, 0) / (n - self->speaker);
      turn->remaining_us = turn->share_us - (session_now (self) - self->turn_start);
    }
  else
    {
      turn->share_us = 0;
      turn->remaining_us = 0;
    }
  return TRUE;
}

/**
 * mix_timer_get_airtime:
 *
 * Returns: how long @name has spoken in Introductions, in µs, the turn
 *   under way included
 */
gint64
mix_timer_get_airtime (MixTimer   *self,
                       const char *name)
{
  gint64 spoken;

  g_return_val_if_fail (MIX_IS_TIMER (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  spoken = airtime_of (self->speakers, self->airtime, name);
  if (in_turns (self) && g_str_equal (self->speakers->pdata[self->speaker], name))
    spoken += MAX (session_now (self) - self->turn_start, 0);
  return spoken;
}

/**
 * mix_timer_get_time_to_next_change:
 *
 * Tells when the text of mix_timer_format_remaining() changes next, so a
 * display can tick once a second, aligned to the second. At exactly zero
 * it is 1 µs: "0:00" gives way to "+0:00".
 *
 * Returns: µs until the displayed time changes, or -1 when not running
 */
gint64
mix_timer_get_time_to_next_change (MixTimer *self)
{
  gint64 remaining;

  g_return_val_if_fail (MIX_IS_TIMER (self), -1);

  if (self->state != MIX_TIMER_RUNNING)
    return -1;

  remaining = mix_timer_get_remaining (self);
  if (remaining > 0)
    return (remaining - 1) % G_USEC_PER_SEC + 1;
  if (remaining == 0)
    return 1;
  return G_USEC_PER_SEC - (-MAX (remaining, G_MININT64 + 1)) % G_USEC_PER_SEC;
}

/**
 * mix_timer_get_phase_log:
 *
 * Returns: (transfer none) (element-type MixPhaseLogEntry): one entry per
 *   phase visit since the start, in order; emptied by reset
 */
GArray *
mix_timer_get_phase_log (MixTimer *self)
{
  g_return_val_if_fail (MIX_IS_TIMER (self), NULL);

  return self->log;
}

static const char * const state_ids[] = { "idle", "running", "paused", "finished" };

G_STATIC_ASSERT (G_N_ELEMENTS (state_ids) == MIX_TIMER_FINISHED + 1);

/**
 * mix_timer_save_state:
 *
 * Writes down the timer's whole state, so that another process can carry
 * on with mix_timer_restore_state(). Every instant is written as the
 * wall-clock time it was (g_get_real_time() microseconds); durations and
 * session-elapsed times are written as they are:
 *
 * |[
 * { "version": 1, "state": "running", "phase": "leaders-share",
 *   "plan": [2, 8, 15, 5], "auto-advance": false,
 *   "start-time": wall µs, "paused-total": µs, "pause-time": wall µs (paused only),
 *   "elapsed": session µs now (frozen while paused and once finished),
 *   "added-total": µs, "phase-start": session µs, "added": µs,
 *   "warned": false, "ended": false,
 *   "fitted": [0, 390000000, …] (µs each phase was fitted to by Fit the Rest, 0 as planned; only if any),
 *   "turns": { "speakers": ["Ana", …], "airtime": [µs, …], "speaker": 1,
 *              "turn-start": session µs } (only with speakers),
 *   "log": [{ "phase": "introductions", "started": µs, "ended": µs, "overtime": µs }, …] }
 * ]|
 *
 * An idle timer writes only the version, state, phase, plan and
 * auto-advance.
 *
 * Returns: (transfer full): a JSON object
 */
JsonNode *
mix_timer_save_state (MixTimer *self)
{
  g_autoptr(JsonBuilder) builder = NULL;

  g_return_val_if_fail (MIX_IS_TIMER (self), NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, STATE_VERSION);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, state_ids[self->state]);
  json_builder_set_member_name (builder, "phase");
  json_builder_add_string_value (builder, mix_guide_get_phase (self->phase)->id);

  json_builder_set_member_name (builder, "plan");
  json_builder_begin_array (builder);
  for (guint i = 0; i < MIX_N_PHASES; i++)
    json_builder_add_int_value (builder, self->planned[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "auto-advance");
  json_builder_add_boolean_value (builder, self->auto_advance);

  if (self->state != MIX_TIMER_IDLE)
    {
      /* Read once each, so that every instant is converted alike. */
      gint64 mono_now = read_clock (self);
      gint64 wall_now = read_wall_clock (self);
      gint64 elapsed;

      if (self->state == MIX_TIMER_RUNNING)
        elapsed = mono_now - self->start_time - self->paused_total;
      else
        elapsed = session_now (self);

      json_builder_set_member_name (builder, "start-time");
      json_builder_add_int_value (builder, wall_now - (mono_now - self->start_time));
      json_builder_set_member_name (builder, "paused-total");
      json_builder_add_int_value (builder, self->paused_total);
      if (self->state == MIX_TIMER_PAUSED)
        {
          json_builder_set_member_name (builder, "pause-time");
          json_builder_add_int_value (builder, wall_now - (mono_now - self->pause_time));
        }
      json_builder_set_member_name (builder, "elapsed");
      json_builder_add_int_value (builder, elapsed);
      json_builder_set_member_name (builder, "added-total");
      json_builder_add_int_value (builder, self->added_total);
      json_builder_set_member_name (builder, "phase-start");
      json_builder_add_int_value (builder, self->phase_start);
      json_builder_set_member_name (builder, "added");
      json_builder_add_int_value (builder, self->added);
      json_builder_set_member_name (builder, "warned");
      json_builder_add_boolean_value (builder, self->warned);
      json_builder_set_member_name (builder, "ended");
      json_builder_add_boolean_value (builder, self->ended);

      if (self->fitted[MIX_PHASE_LEADERS_SHARE] != 0 || self->fitted[MIX_PHASE_GROUP_DISCUSSION] != 0 ||
          self->fitted[MIX_PHASE_CLOSE_OUT] != 0)
        {
          json_builder_set_member_name (builder, "fitted");
          json_builder_begin_array (builder);
          for (guint i = 0; i < MIX_N_PHASES; i++)
            json_builder_add_int_value (builder, self->fitted[i]);
          json_builder_end_array (builder);
        }

      if (self->speakers->len > 0)
        {
          json_builder_set_member_name (builder, "turns");
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "speakers");
          json_builder_begin_array (builder);
          for (guint i = 0; i < self->speakers->len; i++)
            json_builder_add_string_value (builder, self->speakers->pdata[i]);
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "airtime");
          json_builder_begin_array (builder);
          for (guint i = 0; i < self->airtime->len; i++)
            json_builder_add_int_value (builder, g_array_index (self->airtime, gint64, i));
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "speaker");
          json_builder_add_int_value (builder, self->speaker);
          json_builder_set_member_name (builder, "turn-start");
          json_builder_add_int_value (builder, self->turn_start);
          json_builder_end_object (builder);
        }

      json_builder_set_member_name (builder, "log");
      json_builder_begin_array (builder);
      for (guint i = 0; i < self->log->len; i++)
        {
          const MixPhaseLogEntry *entry = &g_array_index (self->log, MixPhaseLogEntry, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "phase");
          json_builder_add_string_value (builder, mix_guide_get_phase (entry->phase)->id);
          json_builder_set_member_name (builder, "started");
          json_builder_add_int_value (builder, entry->started_us);
          json_builder_set_member_name (builder, "ended");
          json_builder_add_int_value (builder, entry->ended_us);
          json_builder_set_member_name (builder, "overtime");
          json_builder_add_int_value (builder, entry->overtime_us);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* A saved state, read and checked but not yet applied. */
typedef struct
{
  MixTimerState state;
  MixPhase      phase;
  guint         planned[MIX_N_PHASES];
  gboolean      auto_advance;
  gint64        start_wall;
  gint64        paused_total;
  gint64        pause_wall;
  gint64        elapsed;
  gint64        added_total;
  gint64        phase_start;
  gint64        added;
  gboolean      warned;
  gboolean      ended;
  gint64        fitted[MIX_N_PHASES];
  GPtrArray    *speakers;
  GArray       *airtime;
  gint64        speaker;
  gint64        turn_start;
} SavedState;

static gboolean
damaged (GError     **error,
         const char  *member)
{
  g_set_error (error, MIX_ERROR, MIX_ERROR_DAMAGED, "Bad “%s” in the saved timer state", member);
  return FALSE;
}

static gboolean
holds_type (JsonNode *node,
            GType     type)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* An integer from @min to @max; a number with a fraction is refused. */
static gboolean
read_int (JsonObject  *object,
          const char  *member,
          gint64       min,
          gint64       max,
          gint64      *value,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (!holds_type (node, G_TYPE_INT64))
    return damaged (error, member);
  *value = json_node_get_int (node);
  if (*value < min || *value > max)
    return damaged (error, member);
  return TRUE;
}

static gboolean
read_boolean (JsonObject  *object,
              const char  *member,
              gboolean    *value,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (!holds_type (node, G_TYPE_BOOLEAN))
    return damaged (error, member);
  *value = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
read_phase (JsonObject  *object,
            const char  *member,
            MixPhase    *phase,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (!holds_type (node, G_TYPE_STRING) ||
      !mix_guide_phase_from_id (json_node_get_string (node), phase))
    return damaged (error, member);
  return TRUE;
}

static gboolean
read_state (JsonObject     *object,
            MixTimerState  *state,
            GError        **error)
{
  JsonNode *node = json_object_get_member (object, "state");

  if (holds_type (node, G_TYPE_STRING))
    {
      const char *id = json_node_get_string (node);

      for (guint i = 0; i < G_N_ELEMENTS (state_ids); i++)
        if (g_str_equal (id, state_ids[i]))
          {
            *state = (MixTimerState) i;
            return TRUE;
          }
    }
  return damaged (error, "state");
}

static gboolean
read_plan (JsonObject  *object,
           guint       *planned,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, "plan");
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return damaged (error, "plan");
  array = json_node_get_array (node);
  if (json_array_get_length (array) != MIX_N_PHASES)
    return damaged (error, "plan");

  for (guint i = 0; i < MIX_N_PHASES; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gint64 minutes;

      if (!holds_type (element, G_TYPE_INT64))
        return damaged (error, "plan");
      minutes = json_node_get_int (element);
      if (minutes < 1 || minutes > MIX_GUIDE_SESSION_MINUTES)
        return damaged (error, "plan");
      planned[i] = (guint) minutes;
    }
  return TRUE;
}

/* Reads Fit the Rest's times, if there are any. */
static gboolean
read_fitted (JsonObject  *object,
             gint64      *fitted,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, "fitted");
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return damaged (error, "fitted");
  array = json_node_get_array (node);
  if (json_array_get_length (array) != MIX_N_PHASES)
    return damaged (error, "fitted");

  for (guint i = 0; i < MIX_N_PHASES; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gint64 value;

      if (!holds_type (element, G_TYPE_INT64))
        return damaged (error, "fitted");
      value = json_node_get_int (element);
      if (value != 0 && (value < MIN_FITTED_US || value > SESSION_US || value % G_USEC_PER_SEC != 0))
        return damaged (error, "fitted");
      fitted[i] = value;
    }
  return TRUE;
}

/* Reads the turns of Introductions, if there are any, into @saved's new
 * arrays. */
static gboolean
read_turns (JsonObject  *object,
            SavedState  *saved,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, "turns");
  JsonObject *turns;
  JsonNode *member;
  JsonArray *names, *airtime;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return damaged (error, "turns");
  turns = json_node_get_object (node);

  member = json_object_get_member (turns, "speakers");
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    return damaged (error, "turns");
  names = json_node_get_array (member);
  member = json_object_get_member (turns, "airtime");
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    return damaged (error, "turns");
  airtime = json_node_get_array (member);
  if (json_array_get_length (names) != json_array_get_length (airtime))
    return damaged (error, "turns");

  for (guint i = 0; i < json_array_get_length (names); i++)
    {
      JsonNode *name = json_array_get_element (names, i);
      JsonNode *spoken = json_array_get_element (airtime, i);
      gint64 value;

      if (!holds_type (name, G_TYPE_STRING) || *json_node_get_string (name) == '\0' ||
          has_speaker (saved->speakers, json_node_get_string (name)) ||
          !holds_type (spoken, G_TYPE_INT64))
        return damaged (error, "turns");
      value = json_node_get_int (spoken);
      if (value < 0 || value > MAX_SAVED_DURATION)
        return damaged (error, "turns");
      g_ptr_array_add (saved->speakers, g_strdup (json_node_get_string (name)));
      g_array_append_val (saved->airtime, value);
    }

  if (!read_int (turns, "speaker", 0, saved->speakers->len, &saved->speaker, NULL) ||
      !read_int (turns, "turn-start", 0, saved->elapsed, &saved->turn_start, NULL))
    return damaged (error, "turns");
  return TRUE;
}

/* Reads the phase log into @log and checks that its visits follow one
 * another without gaps and agree with @saved. */
static gboolean
read_log (JsonObject        *object,
          const SavedState  *saved,
          GArray            *log,
          GError           **error)
{
  JsonNode *node = json_object_get_member (object, "log");
  JsonArray *array;
  guint length;
  gint64 previous_end = 0;
  const MixPhaseLogEntry *last;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return damaged (error, "log");
  array = json_node_get_array (node);
  length = json_array_get_length (array);
  if (length == 0)
    return damaged (error, "log");

  for (guint i = 0; i < length; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *item;
      MixPhaseLogEntry entry;
      gboolean current = i + 1 == length && saved->state != MIX_TIMER_FINISHED;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return damaged (error, "log");
      item = json_node_get_object (element);
      if (!read_phase (item, "phase", &entry.phase, NULL) ||
          !read_int (item, "started", 0, MAX_SAVED_DURATION, &entry.started_us, NULL) ||
          !read_int (item, "ended", 0, MAX_SAVED_DURATION, &entry.ended_us, NULL) ||
          !read_int (item, "overtime", 0, MAX_SAVED_DURATION, &entry.overtime_us, NULL))
        return damaged (error, "log");

      if (entry.started_us != previous_end)
        return damaged (error, "log");
      if (current && (entry.ended_us != 0 || entry.overtime_us != 0))
        return damaged (error, "log");
      if (!current &&
          (entry.ended_us < entry.started_us ||
           entry.overtime_us > entry.ended_us - entry.started_us))
        return damaged (error, "log");

      previous_end = entry.ended_us;
      g_array_append_val (log, entry);
    }

  last = &g_array_index (log, MixPhaseLogEntry, length - 1);
  if (last->phase != saved->phase || last->started_us != saved->phase_start)
    return damaged (error, "log");
  if (saved->state == MIX_TIMER_FINISHED && last->ended_us != saved->elapsed)
    return damaged (error, "log");
  return TRUE;
}

/* Reads and checks everything; @wall_now bounds the saved instants. */
static gboolean
read_saved_state (JsonNode    *node,
                  gint64       wall_now,
                  SavedState  *saved,
                  GArray      *log,
                  GError     **error)
{
  JsonObject *object;
  gint64 version;
  /* Saved instants in the future mean the wall clock was set back since
   * (NTP, a dual-boot time zone): the session goes on from where it was
   * saved. Only the arithmetic bounds them. */
  gint64 latest = wall_now + MAX_SAVED_DURATION;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, MIX_ERROR, MIX_ERROR_DAMAGED,
                           "The saved timer state is not an object");
      return FALSE;
    }
  object = json_node_get_object (node);

  if (!read_int (object, "version", STATE_VERSION, STATE_VERSION, &version, error) ||
      !read_state (object, &saved->state, error) ||
      !read_phase (object, "phase", &saved->phase, error) ||
      !read_plan (object, saved->planned, error) ||
      !read_boolean (object, "auto-advance", &saved->auto_advance, error))
    return FALSE;

  if (saved->state == MIX_TIMER_IDLE)
    return TRUE;

  if (!read_int (object, "start-time", 0, latest, &saved->start_wall, error) ||
      !read_int (object, "paused-total", 0, MAX_SAVED_DURATION, &saved->paused_total, error) ||
      !read_int (object, "elapsed", 0, MAX_SAVED_DURATION, &saved->elapsed, error) ||
      !read_int (object, "added", 0, MAX_SAVED_DURATION, &saved->added, error) ||
      !read_int (object, "added-total", saved->added, MAX_SAVED_DURATION,
                 &saved->added_total, error) ||
      !read_int (object, "phase-start", 0, saved->elapsed, &saved->phase_start, error) ||
      !read_boolean (object, "warned", &saved->warned, error) ||
      !read_boolean (object, "ended", &saved->ended, error) ||
      !read_fitted (object, saved->fitted, error) ||
      !read_turns (object, saved, error))
    return FALSE;

  if (saved->state == MIX_TIMER_PAUSED)
    {
      /* The session stopped at the pause, which the other times must say
       * too. */
      if (!read_int (object, "pause-time", 0, latest, &saved->pause_wall, error))
        return FALSE;
      if (saved->pause_wall - saved->start_wall - saved->paused_total != saved->elapsed)
        return damaged (error, "elapsed");
    }

  return read_log (object, saved, log, error);
}

/**
 * mix_timer_restore_state:
 * @state: as from mix_timer_save_state(), maybe in another process
 *
 * Carries on where mix_timer_save_state() left off, in an idle timer. A
 * running session counts the time since it was saved, by the wall clock;
 * should that clock have gone back, however far, the session time does
 * not: it goes on from where it was saved. A paused one keeps its
 * remaining time. No signal but notifications and
 * #MixTimer::changed is emitted: call mix_timer_update() next, which emits
 * the warning and end that became due meanwhile, once each, and with
 * auto-advance moves on as if the app had been open.
 *
 * A state that does not hold together is refused, leaving the timer as it
 * was: wrong types, an unknown version, state or phase, planned minutes
 * out of 1–30, negative durations, a pause that disagrees with the elapsed
 * time, a log that disagrees with the rest.
 *
 * Returns: whether @state was restored
 */
gboolean
mix_timer_restore_state (MixTimer  *self,
                         JsonNode  *state,
                         GError   **error)
{
  g_autoptr(GArray) log = NULL;
  SavedState saved = { 0 };
  g_autoptr(GPtrArray) speakers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) airtime = g_array_new (FALSE, TRUE, sizeof (gint64));
  MixPhase old_phase;
  gboolean old_auto_advance;
  gint64 mono_now;
  gint64 wall_now;

  g_return_val_if_fail (MIX_IS_TIMER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->state != MIX_TIMER_IDLE)
    {
      g_set_error_literal (error, MIX_ERROR, MIX_ERROR_FAILED,
                           "Only an idle timer can be restored");
      return FALSE;
    }

  mono_now = read_clock (self);
  wall_now = read_wall_clock (self);
  log = g_array_new (FALSE, TRUE, sizeof (MixPhaseLogEntry));
  saved.speakers = speakers;
  saved.airtime = airtime;
  if (!read_saved_state (state, wall_now, &saved, log, error))
    return FALSE;

  /* Everything is set before anyone is told, so that handlers see the
   * whole state. */
  old_phase = self->phase;
  old_auto_advance = self->auto_advance;

  memcpy (self->planned, saved.planned, sizeof self->planned);
  self->auto_advance = saved.auto_advance;

  if (saved.state != MIX_TIMER_IDLE)
    {
      self->paused_total = saved.paused_total;
      self->added_total = saved.added_total;
      self->phase_start = saved.phase_start;
      self->added = saved.added;
      self->warned = saved.warned;
      self->ended = saved.ended;
      self->finished_at = 0;
      self->pause_time = 0;
      memcpy (self->fitted, saved.fitted, sizeof self->fitted);
      if (saved.speakers->len > 0)
        {
          g_ptr_array_unref (self->speakers);
          self->speakers = g_ptr_array_ref (saved.speakers);
          g_array_unref (self->airtime);
          self->airtime = g_array_ref (saved.airtime);
        }
      self->speaker = (guint) saved.speaker;
      self->turn_start = saved.turn_start;

      switch (saved.state)
        {
        case MIX_TIMER_RUNNING:
          {
            /* m = mono_now − (wall_now − saved_wall), for the start; but
             * the session time never goes back behind the saved one. */
            gint64 elapsed = wall_now - saved.start_wall - saved.paused_total;

            elapsed = MAX (elapsed, saved.elapsed);
            self->start_time = mono_now - elapsed - saved.paused_total;
          }
          break;
        case MIX_TIMER_PAUSED:
          /* Paused in the future of a clock set back: paused now. */
          self->pause_time = mono_now - MAX (wall_now - saved.pause_wall, 0);
          self->start_time = self->pause_time - saved.paused_total - saved.elapsed;
          break;
        case MIX_TIMER_FINISHED:
          self->start_time = mono_now - MAX (wall_now - saved.start_wall, saved.elapsed);
          self->finished_at = saved.elapsed;
          break;
        case MIX_TIMER_IDLE:
        default:
          g_assert_not_reached ();
        }

      self->visit++;
      g_array_set_size (self->log, 0);
      g_array_append_vals (self->log, log->data, log->len);
      self->phase = saved.phase;
      self->state = saved.state;
    }

  g_object_ref (self);
  if (self->state != MIX_TIMER_IDLE)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  if (self->phase != old_phase)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
  if (self->auto_advance != old_auto_advance)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTO_ADVANCE]);
  emit_changed (self);
  g_object_unref (self);

  return TRUE;
}

/**
 * mix_timer_restore_plan:
 * @state: as from mix_timer_save_state(), one mix_timer_restore_state()
 *   refused
 *
 * Takes the plan (each phase's minutes) of a saved state whose times could
 * not be restored, in an idle timer, so that a plan made for the circle is
 * not lost with them.
 *
 * Returns: whether the state had a plan to take
 */
gboolean
mix_timer_restore_plan (MixTimer *self,
                        JsonNode *state)
{
  guint planned[MIX_N_PHASES];

  g_return_val_if_fail (MIX_IS_TIMER (self), FALSE);

  if (self->state != MIX_TIMER_IDLE || state == NULL || !JSON_NODE_HOLDS_OBJECT (state) ||
      !read_plan (json_node_get_object (state), planned, NULL))
    return FALSE;
  for (guint p = 0; p < MIX_N_PHASES; p++)
    mix_timer_set_planned_minutes (self, (MixPhase) p, planned[p]);
  return TRUE;
}

/**
 * mix_timer_format_remaining:
 * @remaining_us: as from mix_timer_get_remaining()
 *
 * Formats a countdown as M:SS. A positive time is rounded up, so a phase
 * shows "5:00" until a whole second has passed and "0:01" until its end;
 * exactly zero is "0:00". Overtime is rounded down after a "+": "+0:00"
 * during the first second of overtime, then "+0:01". Minutes are not
 * padded: "15:00", "+12:03".
 *
 * Returns: (transfer full): the text
 */
char *
mix_timer_format_remaining (gint64 remaining_us)
{
  gint64 seconds;

  if (remaining_us >= 0)
    {
      seconds = remaining_us / G_USEC_PER_SEC + (remaining_us % G_USEC_PER_SEC != 0);
      return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d",
                              seconds / 60, (int) (seconds % 60));
    }

  /* −G_MININT64 does not fit; a microsecond makes no difference there. */
  seconds = -MAX (remaining_us, G_MININT64 + 1) / G_USEC_PER_SEC;
  return g_strdup_printf ("+%" G_GINT64_FORMAT ":%02d", seconds / 60, (int) (seconds % 60));
}
