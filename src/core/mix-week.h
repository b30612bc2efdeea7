/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mix-drafts.h"
#include "mix-session-log.h"
#include "mix-tracker.h"

G_BEGIN_DECLS

/* Weeks a streak is counted back at most: ten years. */
#define MIX_WEEK_MAX_STREAK 520

/**
 * MixWeek:
 * @monday: the first day of the week, Monday
 * @messaged: people messaged this week, each once: a New Contact whose
 *   Contacted On falls in it, or someone a message was sent to in it
 * @replies: New Contacts who answered (Replied, Meeting scheduled, Met)
 *   whose row was changed this week
 * @conversations: rows of the Networking Log dated this week
 * @goal: people to message each week; 0 for no weekly goal
 * @streak: weeks in a row, to this one or the one before it while this one
 *   is not over, in which @goal people or more were messaged
 *
 * The week of a day, counted in the tracker and the messages.
 */
typedef struct
{
  GDate monday;
  guint messaged;
  guint replies;
  guint conversations;
  guint goal;
  guint streak;
} MixWeek;

void       mix_week_compute    (MixWeek       *week,
                                MixTracker    *tracker,
                                MixDrafts     *drafts,
                                const GDate   *today,
                                guint          goal);
gboolean   mix_week_goal_met   (const MixWeek *week);
GPtrArray *mix_week_open_goals (MixSessionLog *log,
                                const GDate   *today);

G_END_DECLS
