/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "mix-guide.h"

G_BEGIN_DECLS

#define MIX_TYPE_TIMER_STATE (mix_timer_state_get_type ())
#define MIX_TYPE_TIMER (mix_timer_get_type ())

G_DECLARE_FINAL_TYPE (MixTimer, mix_timer, MIX, TIMER, GObject)

/* Returns microseconds: monotonic time like g_get_monotonic_time() for
 * mix_timer_set_clock(), wall-clock time like g_get_real_time() for
 * mix_timer_set_wall_clock(). */
typedef gint64 (*MixClockFunc) (gpointer user_data);

typedef enum
{
  MIX_TIMER_IDLE,
  MIX_TIMER_RUNNING,
  MIX_TIMER_PAUSED,
  MIX_TIMER_FINISHED,
} MixTimerState;

/* One visit of a phase. Times are session-elapsed microseconds, pauses
 * excluded; ended_us and overtime_us are 0 while the visit is current. */
typedef struct
{
  MixPhase phase;
  gint64   started_us;
  gint64   ended_us;
  gint64   overtime_us;
} MixPhaseLogEntry;

/**
 * MixTurn:
 * @index: the speaker's place in the order, from 0; @n once all have spoken
 * @n: how many speak
 * @speaker: (nullable): who speaks now
 * @next: (nullable): who speaks next
 * @share_us: the time of this turn
 * @remaining_us: what is left of it, negative when over
 *
 * A turn in Introductions: see mix_timer_get_turn().
 */
typedef struct
{
  guint       index;
  guint       n;
  const char *speaker;
  const char *next;
  gint64      share_us;
  gint64      remaining_us;
} MixTurn;

GType          mix_timer_state_get_type          (void) G_GNUC_CONST;

MixTimer      *mix_timer_new                     (void);
void           mix_timer_set_clock               (MixTimer       *self,
                                                  MixClockFunc    clock,
                                                  gpointer        user_data,
                                                  GDestroyNotify  destroy);
void           mix_timer_set_wall_clock          (MixTimer       *self,
                                                  MixClockFunc    clock,
                                                  gpointer        user_data,
                                                  GDestroyNotify  destroy);

gboolean       mix_timer_set_planned_minutes     (MixTimer       *self,
                                                  MixPhase        phase,
                                                  guint           minutes);
guint          mix_timer_get_planned_minutes     (MixTimer       *self,
                                                  MixPhase        phase);
guint          mix_timer_get_planned_total       (MixTimer       *self);

gboolean       mix_timer_get_auto_advance        (MixTimer       *self);
void           mix_timer_set_auto_advance        (MixTimer       *self,
                                                  gboolean        auto_advance);
guint          mix_timer_get_warning_seconds     (MixTimer       *self);
void           mix_timer_set_warning_seconds     (MixTimer       *self,
                                                  guint           seconds);

MixTimerState  mix_timer_get_state               (MixTimer       *self);
MixPhase       mix_timer_get_phase               (MixTimer       *self);

void           mix_timer_start                   (MixTimer       *self);
void           mix_timer_pause                   (MixTimer       *self);
void           mix_timer_resume                  (MixTimer       *self);
void           mix_timer_toggle                  (MixTimer       *self);
void           mix_timer_next_phase              (MixTimer       *self);
void           mix_timer_previous_phase          (MixTimer       *self);
void           mix_timer_add_minute              (MixTimer       *self);
void           mix_timer_reset                   (MixTimer       *self);
void           mix_timer_update                  (MixTimer       *self);

gint64         mix_timer_get_phase_duration      (MixTimer       *self);
gint64         mix_timer_get_phase_elapsed       (MixTimer       *self);
gint64         mix_timer_get_remaining           (MixTimer       *self);
gint64         mix_timer_get_session_elapsed     (MixTimer       *self);
double         mix_timer_get_phase_fraction      (MixTimer       *self);
double         mix_timer_get_session_fraction    (MixTimer       *self);
gint64         mix_timer_get_duration            (MixTimer       *self,
                                                  MixPhase        phase);
gint64         mix_timer_get_end_offset          (MixTimer       *self);
gboolean       mix_timer_plan_fit                (MixTimer       *self,
                                                  gint64         *durations);
void           mix_timer_get_fitted              (MixTimer       *self,
                                                  gint64         *fitted);
gboolean       mix_timer_set_fitted              (MixTimer       *self,
                                                  const gint64   *fitted);

void           mix_timer_set_speakers            (MixTimer       *self,
                                                  const char * const *names);
GPtrArray     *mix_timer_get_speakers            (MixTimer       *self);
gboolean       mix_timer_next_speaker            (MixTimer       *self);
gboolean       mix_timer_get_turn                (MixTimer       *self,
                                                  MixTurn        *turn);
gint64         mix_timer_get_airtime             (MixTimer       *self,
                                                  const char     *name);
gint64         mix_timer_get_time_to_next_change (MixTimer       *self);
GArray        *mix_timer_get_phase_log           (MixTimer       *self);

JsonNode      *mix_timer_save_state              (MixTimer       *self);
gboolean       mix_timer_restore_plan            (MixTimer       *self,
                                                  JsonNode       *state);
gboolean       mix_timer_restore_state           (MixTimer       *self,
                                                  JsonNode       *state,
                                                  GError        **error);

char          *mix_timer_format_remaining        (gint64          remaining_us);

G_END_DECLS
