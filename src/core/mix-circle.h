/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "mix-session-log.h"
#include "mix-session-record.h"
#include "mix-timer.h"
#include "mix-tracker.h"

G_BEGIN_DECLS

/**
 * MixCircleProgress:
 *
 * The dates progress on a goal is counted from: when each New Contact was
 * reached and each conversation logged, sorted, gathered once for all the
 * goals (a tracker may hold tens of thousands of rows).
 */
typedef struct _MixCircleProgress MixCircleProgress;

MixCircleProgress *mix_circle_progress_new   (MixTracker              *tracker);
void               mix_circle_progress_free  (MixCircleProgress       *progress);
void               mix_circle_progress_count (const MixCircleProgress *progress,
                                              const char              *since,
                                              guint                   *reached,
                                              guint                   *talks);
char              *mix_circle_goal_progress  (const MixCircleProgress *progress,
                                              const MixGoal           *goal);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MixCircleProgress, mix_circle_progress_free)

char      *mix_circle_local_date         (const char       *iso);
char      *mix_circle_summary            (MixSessionRecord *record,
                                          MixTimer         *timer);
char      *mix_circle_roster_description (MixSessionRecord *record);
GPtrArray *mix_circle_new_network_rows   (MixSessionRecord *record,
                                          MixTracker       *tracker,
                                          const char       *date);

/**
 * MixCircleClock:
 * @time: the time left in the phase, as shown
 * @phase: the phase's title, or that the session is finished; translated
 * @next: what comes next
 * @session: the whole session's progress, in minutes
 * @toggle: what the timer's button does now, with a mnemonic; translated
 * @overtime: the phase went over its time
 * @phase_fraction: how much of the phase has passed, 0 to 1
 * @session_fraction: how much of the session has passed, 0 to 1
 * @pace: (nullable): how far from the 30-minute end the circle runs, while
 *   it is off by a second or more
 * @can_fit: Fit the Rest would change the times of the phases to come
 * @turn: (nullable): in Introductions with speakers, who speaks and their
 *   time left, such as "Ana: 0:21 left"
 * @next_turn: (nullable): who speaks after them
 *
 * What the timer shows, now.
 */
typedef struct
{
  char       *time;
  const char *phase;
  char       *next;
  char       *session;
  const char *toggle;
  gboolean    overtime;
  double      phase_fraction;
  double      session_fraction;
  char       *pace;
  gboolean    can_fit;
  char       *turn;
  char       *next_turn;
} MixCircleClock;

char *mix_circle_format_duration (gint64 us);
char *mix_circle_format_turn     (const MixTurn    *turn);
char *mix_circle_phase_prompt    (MixSessionRecord *record,
                                  MixPhase          phase);

void mix_circle_clock_init  (MixCircleClock *clock,
                             MixTimer       *timer);
void mix_circle_clock_clear (MixCircleClock *clock);

G_END_DECLS
