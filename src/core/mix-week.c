/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mix-date.h"
#include "mix-schema.h"
#include "mix-week.h"

/**
 * SECTION:mix-week
 *
 * The week's side of Today: the weekly goal of people to message, what was
 * done this week, and the streak of weeks the goal was met, all counted
 * from the tracker and the messages on an injected day, so nothing more is
 * kept than what the student typed. Weeks start on Monday, as ISO 8601
 * and the curriculum's calendars count them.
 */

/* The Julian day of the Monday of @date's week. */
static guint32
monday_of (const GDate *date)
{
  return g_date_get_julian (date) - ((guint32) g_date_get_weekday (date) - 1);
}

static gboolean
week_of (const char *iso,
         guint32    *monday)
{
  GDate date;

  g_date_clear (&date, 1);
  if (iso == NULL || !mix_date_parse (iso, &date))
    return FALSE;
  *monday = monday_of (&date);
  return TRUE;
}

/* Each week's people messaged: Monday's Julian day → set of who, the
 * strings borrowed (from the rows and the messages, or @owned). Only the
 * weeks a streak can reach are kept. */
typedef struct
{
  GHashTable *weeks;
  guint32     first_monday;
  guint32     last_monday;
} Messaged;

static void
add_messaged (Messaged   *messaged,
              guint32     monday,
              const char *who)
{
  GHashTable *people;

  if (monday < messaged->first_monday || monday > messaged->last_monday)
    return;
  people = g_hash_table_lookup (messaged->weeks, GUINT_TO_POINTER (monday));
  if (people == NULL)
    {
      people = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_insert (messaged->weeks, GUINT_TO_POINTER (monday), people);
    }
  g_hash_table_add (people, (gpointer) who);
}

static guint
n_messaged (GHashTable *weeks,
            guint32     monday)
{
  GHashTable *people = g_hash_table_lookup (weeks, GUINT_TO_POINTER (monday));

  return people != NULL ? g_hash_table_size (people) : 0;
}

/* Local midnight at the start of @julian, as microseconds since 1970. */
static gint64
local_midnight_usec (guint32 julian)
{
  g_autoptr(GDateTime) midnight = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  midnight = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                    g_date_get_day (&date), 0, 0, 0);
  return midnight != NULL ? g_date_time_to_unix (midnight) * G_USEC_PER_SEC : 0;
}

/* The local day of an ISO 8601 UTC time, as a Julian day. */
static gboolean
local_day_of (const char *timestamp,
              guint32    *julian)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  gint64 usec;
  GDate date;
  int y, m, d;

  if (timestamp == NULL || !mix_timestamp_to_usec (timestamp, &usec))
    return FALSE;
  utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  if (utc == NULL)
    return FALSE;
  local = g_date_time_to_local (utc);
  g_date_time_get_ymd (local, &y, &m, &d);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  *julian = g_date_get_julian (&date);
  return TRUE;
}

static gboolean
is_reply (const char *status)
{
  return status != NULL &&
         (g_str_equal (status, "replied") || g_str_equal (status, "meeting-scheduled") ||
          g_str_equal (status, "met"));
}

/**
 * mix_week_compute:
 * @week: (out caller-allocates): filled in
 * @drafts: (nullable): the messages
 * @today: the day whose week it is
 * @goal: people to message each week, 0 for none
 *
 * Counts the week of @today. A person is counted once a week however many
 * messages they were sent: a message linked to a New Contact counts as
 * that row, so a message sent and the row's Contacted On on the same week
 * are one person.
 */
void
mix_week_compute (MixWeek     *week,
                  MixTracker  *tracker,
                  MixDrafts   *drafts,
                  const GDate *today,
                  guint        goal)
{
  g_autoptr(GHashTable) weeks = g_hash_table_new_full (NULL, NULL, NULL,
                                                       (GDestroyNotify) g_hash_table_unref);
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  Messaged messaged;
  GListModel *rows;
  guint32 this_monday, monday;
  gint64 week_start, week_end;
  guint n, status_column, contacted_column, date_column;

  g_return_if_fail (week != NULL);
  g_return_if_fail (MIX_IS_TRACKER (tracker));
  g_return_if_fail (drafts == NULL || MIX_IS_DRAFTS (drafts));
  g_return_if_fail (today != NULL && g_date_valid (today));

  memset (week, 0, sizeof *week);
  this_monday = monday_of (today);
  g_date_clear (&week->monday, 1);
  g_date_set_julian (&week->monday, this_monday);
  week->goal = goal;
  /* The week, as times: a reply counts when its row changed in it. */
  week_start = local_midnight_usec (this_monday);
  week_end = local_midnight_usec (this_monday + 7);

  messaged.weeks = weeks;
  messaged.last_monday = this_monday;
  messaged.first_monday = goal > 0 && this_monday > 7 * (MIX_WEEK_MAX_STREAK + 1)
                          ? this_monday - 7 * (MIX_WEEK_MAX_STREAK + 1) : this_monday;

  status_column = (guint) mix_tab_find_column (MIX_TAB_NEW_CONTACTS, "status");
  contacted_column = (guint) mix_tab_find_column (MIX_TAB_NEW_CONTACTS, "contacted_on");
  rows = mix_tracker_get_rows (tracker, MIX_TAB_NEW_CONTACTS);
  n = g_list_model_get_n_items (rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MixRecord) row = g_list_model_get_item (rows, i);
      gint64 changed;

      if (week_of (mix_record_get_value (row, contacted_column), &monday))
        add_messaged (&messaged, monday, mix_record_get_id (row));
      if (is_reply (mix_record_get_value (row, status_column)) &&
          mix_timestamp_to_usec (mix_record_get_modified (row), &changed) &&
          changed >= week_start && changed < week_end)
        week->replies++;
    }

  n = drafts != NULL ? g_list_model_get_n_items (G_LIST_MODEL (drafts)) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MixDraft) draft = g_list_model_get_item (G_LIST_MODEL (drafts), i);
      const char *contact = mix_draft_get_contact_id (draft);
      const char *recipient = mix_draft_get_recipient (draft);

      if (mix_draft_get_status (draft) != MIX_DRAFT_STATUS_SENT ||
          !week_of (mix_draft_get_sent_on (draft), &monday) ||
          monday < messaged.first_monday || monday > messaged.last_monday)
        continue;
      if (contact != NULL)
        add_messaged (&messaged, monday, contact);
      else if (recipient != NULL && *recipient != '\0')
        {
          g_autofree char *trimmed = g_strstrip (g_strdup (recipient));
          char *folded = mix_text_fold (trimmed, -1);

          /* Told apart from row ids, which have no spaces or capitals but
           * could be anything: a prefix no id has. */
          char *who = g_strconcat ("to:", folded, NULL);

          g_free (folded);
          g_ptr_array_add (owned, who);
          add_messaged (&messaged, monday, who);
        }
      else
        add_messaged (&messaged, monday, mix_draft_get_id (draft));
    }
  week->messaged = n_messaged (weeks, this_monday);

  date_column = (guint) mix_tab_find_column (MIX_TAB_NETWORKING_LOG, "date");
  rows = mix_tracker_get_rows (tracker, MIX_TAB_NETWORKING_LOG);
  n = g_list_model_get_n_items (rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MixRecord) row = g_list_model_get_item (rows, i);

      if (week_of (mix_record_get_value (row, date_column), &monday) && monday == this_monday)
        week->conversations++;
    }

  if (goal == 0)
    return;
  /* This week counts once it is met; until then the streak is the one
   * up to last week, not broken yet. */
  monday = week->messaged >= goal ? this_monday : this_monday - 7;
  while (week->streak < MIX_WEEK_MAX_STREAK && monday >= 8 && n_messaged (weeks, monday) >= goal)
    {
      week->streak++;
      monday -= 7;
    }
}

/**
 * mix_week_goal_met:
 *
 * Returns: whether there is a weekly goal and this week met it
 */
gboolean
mix_week_goal_met (const MixWeek *week)
{
  g_return_val_if_fail (week != NULL, FALSE);
  return week->goal > 0 && week->messaged >= week->goal;
}

static int
compare_goals (gconstpointer a,
               gconstpointer b)
{
  const MixGoal *goal_a = *(const MixGoal * const *) a;
  const MixGoal *goal_b = *(const MixGoal * const *) b;

  /* The soonest due first; those without a date last, the newest first. */
  if (goal_a->due != NULL && goal_b->due != NULL)
    return strcmp (goal_a->due, goal_b->due);
  if ((goal_a->due == NULL) != (goal_b->due == NULL))
    return goal_a->due == NULL ? 1 : -1;
  return -g_strcmp0 (goal_a->created, goal_b->created);
}

/**
 * mix_week_open_goals:
 * @today: the day
 *
 * The goals set in circles that are still to reach: not done, and due this
 * week or later, or without a date and set in the last four weeks. Soonest
 * due first.
 *
 * Returns: (transfer container) (element-type MixGoal): the goals, owned
 *   by @log
 */
GPtrArray *
mix_week_open_goals (MixSessionLog *log,
                     const GDate   *today)
{
  GPtrArray *goals = g_ptr_array_new ();
  guint32 this_monday;
  guint n;

  g_return_val_if_fail (MIX_IS_SESSION_LOG (log), goals);
  g_return_val_if_fail (today != NULL && g_date_valid (today), goals);

  this_monday = monday_of (today);
  n = mix_session_log_get_n_goals (log);
  for (guint i = 0; i < n; i++)
    {
      const MixGoal *goal = mix_session_log_get_goal (log, i);
      guint32 due_monday, set_on;

      if (goal->done)
        continue;
      if (goal->due != NULL && week_of (goal->due, &due_monday))
        {
          if (due_monday < this_monday)
            continue;
        }
      else if (!local_day_of (goal->created, &set_on) ||
               set_on + 28 < g_date_get_julian (today))
        continue;
      g_ptr_array_add (goals, (gpointer) goal);
    }
  g_ptr_array_sort (goals, compare_goals);
  return goals;
}
