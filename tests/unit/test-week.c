/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mix-date.h"
#include "mix-draft.h"
#include "mix-week.h"

static void
set_day (GDate      *date,
         const char *iso)
{
  g_date_clear (date, 1);
  g_assert_true (mix_date_parse (iso, date));
}

static MixRecord *
add_contact (MixTracker *tracker,
             const char *name,
             const char *status,
             const char *contacted_on)
{
  MixRecord *row = mix_tracker_add_row (tracker, MIX_TAB_NEW_CONTACTS);

  g_assert_true (mix_record_set_value_by_id (row, "name", name, NULL));
  g_assert_true (mix_record_set_value_by_id (row, "status", status, NULL));
  if (contacted_on != NULL)
    g_assert_true (mix_record_set_value_by_id (row, "contacted_on", contacted_on, NULL));
  return row;
}

static void
add_sent (MixDrafts  *drafts,
          const char *contact_id,
          const char *recipient,
          const char *sent_on)
{
  g_autoptr(MixDraft) draft = mix_draft_new ();

  if (contact_id != NULL)
    mix_draft_set_contact_id (draft, contact_id);
  if (recipient != NULL)
    mix_draft_set_recipient (draft, recipient);
  g_assert_true (mix_draft_mark_sent (draft, sent_on, NULL));
  mix_drafts_add (drafts, draft);
}

static void
add_talk (MixTracker *tracker,
          const char *date)
{
  MixRecord *row = mix_tracker_add_row (tracker, MIX_TAB_NETWORKING_LOG);

  g_assert_true (mix_record_set_value_by_id (row, "date", date, NULL));
}

static MixWeek
week_on (MixTracker *tracker,
         MixDrafts  *drafts,
         const char *today,
         guint       goal)
{
  MixWeek week;
  GDate day;

  set_day (&day, today);
  mix_week_compute (&week, tracker, drafts, &day, goal);
  return week;
}

/* The week runs Monday to Sunday; a person is counted once however they
 * were reached; a message not sent does not count. */
static void
test_counts (void)
{
  g_autoptr(MixTracker) tracker = mix_tracker_new ();
  g_autoptr(MixDrafts) drafts = mix_drafts_new ();
  MixRecord *priya = add_contact (tracker, "Priya Raman", "messaged", "2026-11-30");
  g_autoptr(MixDraft) unsent = mix_draft_new ();
  MixWeek week;
  g_autofree char *monday = NULL;

  add_contact (tracker, "Sam Rivera", "messaged", "2026-11-29");  /* Sunday before */
  add_contact (tracker, "Ana Souza", "replied", "2026-12-06");    /* this Sunday */
  add_contact (tracker, "Lee Chen", "not-contacted", NULL);
  add_sent (drafts, mix_record_get_id (priya), NULL, "2026-12-02");  /* the same person */
  add_sent (drafts, NULL, "Grace Hopper", "2026-12-03");
  add_sent (drafts, NULL, "grace hopper ", "2026-12-04");            /* her again */
  add_sent (drafts, NULL, "Kim Park", "2026-12-07");                 /* next Monday */
  mix_draft_set_recipient (unsent, "Jo Bloggs");
  mix_drafts_add (drafts, unsent);
  add_talk (tracker, "2026-12-01");
  add_talk (tracker, "2026-12-06");
  add_talk (tracker, "2026-11-29");

  week = week_on (tracker, drafts, "2026-12-03", 3);
  monday = mix_date_to_iso (&week.monday);
  g_assert_cmpstr (monday, ==, "2026-11-30");
  g_assert_cmpuint (week.messaged, ==, 3);        /* Priya, Ana, Grace */
  g_assert_cmpuint (week.conversations, ==, 2);
  g_assert_true (mix_week_goal_met (&week));

  /* On the Sunday it is the same week; on the Monday, a new one. */
  week = week_on (tracker, drafts, "2026-12-06", 3);
  g_assert_cmpuint (week.messaged, ==, 3);
  week = week_on (tracker, drafts, "2026-12-07", 3);
  g_assert_cmpuint (week.messaged, ==, 1);
  g_assert_cmpuint (week.conversations, ==, 0);
  g_assert_false (mix_week_goal_met (&week));

  /* No weekly goal: counted, never met, no streak. */
  week = week_on (tracker, drafts, "2026-12-03", 0);
  g_assert_cmpuint (week.messaged, ==, 3);
  g_assert_false (mix_week_goal_met (&week));
  g_assert_cmpuint (week.streak, ==, 0);
}

/* A reply counts in the week its row was changed to say so. */
static void
test_replies (void)
{
  g_autoptr(MixTracker) tracker = mix_tracker_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GDateTime) later = g_date_time_add_weeks (now, 1);
  g_autofree char *next_week = g_date_time_format (later, "%Y-%m-%d");
  MixRecord *ana = add_contact (tracker, "Ana Souza", "messaged", "2026-01-05");
  MixWeek week;

  add_contact (tracker, "Sam Rivera", "messaged", "2026-01-05");
  week = week_on (tracker, NULL, today, 3);
  g_assert_cmpuint (week.replies, ==, 0);

  /* Ana answers: her row changes now. */
  g_assert_true (mix_record_set_value_by_id (ana, "status", "meeting-scheduled", NULL));
  week = week_on (tracker, NULL, today, 3);
  g_assert_cmpuint (week.replies, ==, 1);
  week = week_on (tracker, NULL, next_week, 3);
  g_assert_cmpuint (week.replies, ==, 0);
}

/* The streak: weeks in a row with the goal met, back from this week once
 * it is met, else from last week; a week short ends it. */
static void
test_streak (void)
{
  g_autoptr(MixTracker) tracker = mix_tracker_new ();
  g_autoptr(MixDrafts) drafts = mix_drafts_new ();
  /* Two people each week of November 9, 16 and 23; one the week of the
   * 2nd; one on Monday 30th. */
  const char *sent[] = { "2026-11-02", "2026-11-09", "2026-11-13", "2026-11-16",
                         "2026-11-22", "2026-11-23", "2026-11-27", "2026-11-30" };
  MixWeek week;

  for (guint i = 0; i < G_N_ELEMENTS (sent); i++)
    {
      g_autofree char *who = g_strdup_printf ("Person %u", i);

      add_sent (drafts, NULL, who, sent[i]);
    }

  /* This week not met yet: the streak is the three weeks before it. */
  week = week_on (tracker, drafts, "2026-12-01", 2);
  g_assert_cmpuint (week.messaged, ==, 1);
  g_assert_cmpuint (week.streak, ==, 3);

  /* Met: four. */
  add_sent (drafts, NULL, "Someone new", "2026-12-02");
  week = week_on (tracker, drafts, "2026-12-03", 2);
  g_assert_cmpuint (week.streak, ==, 4);

  /* A goal of one: the week of the 2nd counts too. */
  week = week_on (tracker, drafts, "2026-12-03", 1);
  g_assert_cmpuint (week.streak, ==, 5);

  /* A week missed ends it: the week after, nothing sent. */
  week = week_on (tracker, drafts, "2026-12-15", 2);
  g_assert_cmpuint (week.messaged, ==, 0);
  g_assert_cmpuint (week.streak, ==, 0);
  /* A goal too high for any week: no streak. */
  week = week_on (tracker, drafts, "2026-12-03", 5);
  g_assert_cmpuint (week.streak, ==, 0);
}

/* The circles' goals still to reach: not done, due this week or later, or
 * without a date and recent; soonest first. */
static void
test_open_goals (void)
{
  g_autoptr(MixSessionLog) log = mix_session_log_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) old = g_date_time_add_weeks (now, -6);
  g_autofree char *recent = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *long_ago = g_date_time_format (old, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *today_iso = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *text =
    g_strdup_printf ("{\"sessions\":[],\"goals\":["
                     "{\"id\":\"a\",\"text\":\"Message 2 developers\",\"due\":\"2999-01-08\","
                     " \"buddy\":\"Ana Souza\",\"person\":\"Sam Rivera\",\"done\":false},"
                     "{\"id\":\"b\",\"text\":\"Ask in #jobs\",\"due\":\"2999-01-02\","
                     " \"buddy\":\"Sam Rivera\",\"person\":\"Ana Souza\",\"done\":false},"
                     "{\"id\":\"c\",\"text\":\"Reached already\",\"due\":\"2999-01-02\","
                     " \"buddy\":\"\",\"done\":true},"
                     "{\"id\":\"d\",\"text\":\"Past its week\",\"due\":\"2000-01-02\","
                     " \"buddy\":\"\",\"done\":false},"
                     "{\"id\":\"e\",\"text\":\"No date, recent\",\"buddy\":\"\","
                     " \"created\":\"%s\",\"done\":false},"
                     "{\"id\":\"f\",\"text\":\"No date, long ago\",\"buddy\":\"\","
                     " \"created\":\"%s\",\"done\":false}]}",
                     recent, long_ago);
  g_autoptr(JsonNode) node = json_from_string (text, NULL);
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;
  guint n_skipped = 0;

  g_assert_true (mix_session_log_load_json (log, json_node_get_object (node), &n_skipped, &error));
  g_assert_no_error (error);
  set_day (&today, today_iso);
  goals = mix_week_open_goals (log, &today);
  g_assert_cmpuint (goals->len, ==, 3);
  g_assert_cmpstr (((MixGoal *) goals->pdata[0])->id, ==, "b");
  g_assert_cmpstr (((MixGoal *) goals->pdata[0])->buddy, ==, "Sam Rivera");
  g_assert_cmpstr (((MixGoal *) goals->pdata[1])->id, ==, "a");
  g_assert_cmpstr (((MixGoal *) goals->pdata[2])->id, ==, "e");

  /* Reached: off the list. */
  g_assert_true (mix_session_log_set_goal_done (log, "b", TRUE));
  g_clear_pointer (&goals, g_ptr_array_unref);
  goals = mix_week_open_goals (log, &today);
  g_assert_cmpuint (goals->len, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/week/counts", test_counts);
  g_test_add_func ("/week/replies", test_replies);
  g_test_add_func ("/week/streak", test_streak);
  g_test_add_func ("/week/open-goals", test_open_goals);

  return g_test_run ();
}
