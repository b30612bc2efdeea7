/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mix-drafts.h"
#include "mix-schema.h"
#include "mix-tracker.h"

G_BEGIN_DECLS

/**
 * MixTodayKind:
 * @MIX_TODAY_SECOND_PERSON: a New Contact messaged 3 business days ago
 *   without a reply: reach a second person at their company
 * @MIX_TODAY_FOLLOW_UP_ONCE: 7 business days without a reply: follow up
 *   once with them
 * @MIX_TODAY_NO_RESPONSE: the follow-up went unanswered for 7 business
 *   days: mark them "No response"
 * @MIX_TODAY_FOLLOW_UP_DATE: a row's follow-up date has come
 * @MIX_TODAY_THANK_YOU: a conversation logged without a thank-you, which
 *   is due within 24 hours
 * @MIX_TODAY_KEEP_IN_TOUCH: someone of the Existing Network is due a
 *   word, by the cadence chosen for them
 *
 * Why something is on the Today list.
 */
typedef enum
{
  MIX_TODAY_SECOND_PERSON,
  MIX_TODAY_FOLLOW_UP_ONCE,
  MIX_TODAY_NO_RESPONSE,
  MIX_TODAY_FOLLOW_UP_DATE,
  MIX_TODAY_THANK_YOU,
  MIX_TODAY_KEEP_IN_TOUCH,
} MixTodayKind;

/* Business days, as the 3B7 routine counts them. */
#define MIX_TODAY_SECOND_PERSON_DAYS 3
#define MIX_TODAY_FOLLOW_UP_DAYS     7
/* A thank-you is no longer asked for this many days after the talk. */
#define MIX_TODAY_THANK_YOU_DAYS     7

/**
 * MixTodayItem:
 * @kind: why it is there
 * @tab: the tab of the row it is about
 * @row_id: the row's id
 * @name: (nullable): the person's name, as in the row
 * @company: (nullable): their company, as in the row
 * @since: what it counts from, as `YYYY-MM-DD`: the day they were
 *   messaged, followed up, talked to, last contacted, or the follow-up date
 * @due: the day it became due, as `YYYY-MM-DD`
 * @key: stable for this item and this due date: what a snooze or a done
 *   is kept under
 * @due_day: @due as a Julian day, to sort by
 *
 * Something to do today, or overdue.
 */
typedef struct
{
  MixTodayKind  kind;
  MixTab        tab;
  char         *row_id;
  char         *name;
  char         *company;
  char         *since;
  char         *due;
  char         *key;
  guint32       due_day;
} MixTodayItem;

#define MIX_TYPE_TODAY_ITEM (mix_today_item_get_type ())

GType         mix_today_item_get_type (void) G_GNUC_CONST;
MixTodayItem *mix_today_item_copy     (const MixTodayItem *item);
void          mix_today_item_free     (MixTodayItem       *item);
char         *mix_today_item_title    (const MixTodayItem *item);
char         *mix_today_item_reason   (const MixTodayItem *item,
                                       const GDate        *today);
gboolean      mix_today_item_is_overdue (const MixTodayItem *item,
                                         const GDate        *today);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MixTodayItem, mix_today_item_free)

void       mix_date_add_business_days (GDate              *date,
                                       guint               days);
GPtrArray *mix_today_compute          (MixTracker         *tracker,
                                       MixDrafts          *drafts,
                                       const GDate        *today);
GPtrArray *mix_today_compute_ahead    (MixTracker         *tracker,
                                       MixDrafts          *drafts,
                                       const GDate        *today,
                                       guint               days_ahead);

gboolean   mix_today_mark_done        (MixTracker         *tracker,
                                       const MixTodayItem *item);
gboolean   mix_today_snooze           (MixTracker         *tracker,
                                       const MixTodayItem *item,
                                       const GDate        *until);
void       mix_today_unmark           (MixTracker         *tracker,
                                       const MixTodayItem *item);

G_END_DECLS
