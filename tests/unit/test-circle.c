/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mix-circle.h"
#include "mix-record.h"

static void
add_person (MixSessionRecord *record,
            const char       *name,
            guint             confidence)
{
  g_autoptr(MixPerson) person = mix_person_new (name);
  g_autoptr(GError) error = NULL;

  person->confidence = confidence;
  g_assert_true (mix_session_record_add_person (record, person, &error));
  g_assert_no_error (error);
}

static void
add_network_row (MixTracker *tracker,
                 const char *name)
{
  MixRecord *row = mix_tracker_add_row (tracker, MIX_TAB_EXISTING_NETWORK);

  if (name != NULL)
    g_assert_true (mix_record_set_value_by_id (row, "name", name, NULL));
}

static const char *
row_name (GPtrArray *rows,
          guint      index)
{
  return mix_record_get_value_by_id (rows->pdata[index], "name");
}

/* Each person of the group once, as a new row of Existing Network. */
static void
test_network_rows (void)
{
  g_autoptr(MixSessionRecord) record = mix_session_record_new ();
  g_autoptr(MixTracker) tracker = mix_tracker_new ();
  g_autoptr(GPtrArray) rows = NULL;

  rows = mix_circle_new_network_rows (record, tracker, "2026-11-28");
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  add_person (record, "Ada Lovelace", 0);
  add_person (record, "Lin Wu", 0);
  rows = mix_circle_new_network_rows (record, tracker, "2026-11-28");
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (row_name (rows, 0), ==, "Ada Lovelace");
  g_assert_cmpstr (row_name (rows, 1), ==, "Lin Wu");
  g_assert_cmpstr (mix_record_get_value_by_id (rows->pdata[0], "relationship"), ==, "turing");
  g_assert_cmpstr (mix_record_get_value_by_id (rows->pdata[0], "last_contact"), ==, "2026-11-28");
  g_assert_cmpstr (mix_record_get_value_by_id (rows->pdata[0], "notes"), ==,
                   "Met at Mix It Up on 2026-11-28");
  /* Not added: the caller does, for Undo. */
  g_assert_cmpuint (mix_tracker_get_n_rows (tracker, MIX_TAB_EXISTING_NETWORK), ==, 0);

  mix_tracker_append_rows (tracker, MIX_TAB_EXISTING_NETWORK, rows);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = mix_circle_new_network_rows (record, tracker, "2026-11-29");
  g_assert_cmpuint (rows->len, ==, 0);
}

/* Names are the same whatever their case and surrounding space, and rows
 * without a name (many, in a tracker) match no one and leak nothing. */
static void
test_network_rows_names (void)
{
  g_autoptr(MixSessionRecord) record = mix_session_record_new ();
  g_autoptr(MixTracker) tracker = mix_tracker_new ();
  g_autoptr(GPtrArray) rows = NULL;

  for (guint i = 0; i < 50; i++)
    add_network_row (tracker, i % 2 ? "" : NULL);
  add_network_row (tracker, "  ADA lovelace ");
  add_network_row (tracker, "Ærøskøbing Ünal");

  add_person (record, "Ada Lovelace", 0);
  add_person (record, "ærøskøbing ünal", 0);
  add_person (record, " Grace Hopper", 0);
  rows = mix_circle_new_network_rows (record, tracker, "2026-11-28");
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (row_name (rows, 0), ==, "Grace Hopper");
}

/* Two of the group with one name are one row. */
static void
test_network_rows_duplicates (void)
{
  g_autoptr(MixSessionRecord) record = mix_session_record_new ();
  g_autoptr(MixTracker) tracker = mix_tracker_new ();
  g_autoptr(GPtrArray) rows = NULL;

  add_person (record, "Lin Wu", 0);
  add_person (record, "lin wu", 0);
  add_person (record, "Grace", 0);
  add_person (record, "Lin Wu ", 0);
  rows = mix_circle_new_network_rows (record, tracker, "2026-11-28");
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (row_name (rows, 0), ==, "Lin Wu");
  g_assert_cmpstr (row_name (rows, 1), ==, "Grace");
}

/* A goal's progress counts the New Contacts reached and the conversations
 * logged on the day it was set or later. */
static void
test_goal_progress (void)
{
  g_autoptr(MixTracker) tracker = mix_tracker_new ();
  g_autoptr(MixCircleProgress) progress = NULL;
  g_autofree char *text = NULL;
  g_autofree char *day = NULL;
  MixGoal goal = { .id = (char *) "g", .text = (char *) "Reach out",
                   .created = (char *) "2026-11-28T12:00:00Z" };
  struct { MixTab tab; const char *status; const char *date; } rows[] = {
    { MIX_TAB_NEW_CONTACTS, "messaged", "2026-12-01" },
    { MIX_TAB_NEW_CONTACTS, "replied", "2026-12-05" },
    { MIX_TAB_NEW_CONTACTS, "not-contacted", "2026-12-05" },  /* not reached */
    { MIX_TAB_NEW_CONTACTS, "messaged", NULL },               /* no date */
    { MIX_TAB_NEW_CONTACTS, "messaged", "2001-01-01" },       /* before the goal */
    { MIX_TAB_NETWORKING_LOG, NULL, "2026-12-02" },
    { MIX_TAB_NETWORKING_LOG, NULL, NULL },
    { MIX_TAB_NETWORKING_LOG, NULL, "2001-01-01" },
  };
  guint reached, talks;

  progress = mix_circle_progress_new (tracker);
  mix_circle_progress_count (progress, "2000-01-01", &reached, &talks);
  g_assert_cmpuint (reached, ==, 0);
  g_assert_cmpuint (talks, ==, 0);
  g_clear_pointer (&progress, mix_circle_progress_free);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      MixRecord *row = mix_tracker_add_row (tracker, rows[i].tab);

      if (rows[i].tab == MIX_TAB_NEW_CONTACTS)
        {
          g_assert_true (mix_record_set_value_by_id (row, "status", rows[i].status, NULL));
          if (rows[i].date != NULL)
            g_assert_true (mix_record_set_value_by_id (row, "contacted_on", rows[i].date, NULL));
        }
      else if (rows[i].date != NULL)
        g_assert_true (mix_record_set_value_by_id (row, "date", rows[i].date, NULL));
    }

  progress = mix_circle_progress_new (tracker);
  mix_circle_progress_count (progress, "2026-11-28", &reached, &talks);
  g_assert_cmpuint (reached, ==, 2);
  g_assert_cmpuint (talks, ==, 1);
  mix_circle_progress_count (progress, "2026-12-02", &reached, &talks);
  g_assert_cmpuint (reached, ==, 1);
  g_assert_cmpuint (talks, ==, 1);
  mix_circle_progress_count (progress, "2026-12-03", &reached, &talks);
  g_assert_cmpuint (reached, ==, 1);
  g_assert_cmpuint (talks, ==, 0);
  mix_circle_progress_count (progress, "2027-01-01", &reached, &talks);
  g_assert_cmpuint (reached, ==, 0);
  g_assert_cmpuint (talks, ==, 0);
  mix_circle_progress_count (progress, "1999-01-01", &reached, &talks);
  g_assert_cmpuint (reached, ==, 3);
  g_assert_cmpuint (talks, ==, 2);

  /* Counted from the local day it was set. */
  day = mix_circle_local_date (goal.created);
  text = mix_circle_goal_progress (progress, &goal);
  mix_circle_progress_count (progress, day, &reached, &talks);
  {
    g_autofree char *expected =
      g_strdup_printf ("Since %s: %u new contact%s reached, %u conversation%s logged", day,
                       reached, reached == 1 ? "" : "s", talks, talks == 1 ? "" : "s");

    g_assert_cmpstr (text, ==, expected);
  }
}

static void
test_local_date (void)
{
  g_autofree char *none = mix_circle_local_date (NULL);
  g_autofree char *bad = mix_circle_local_date ("not a date");
  g_autofree char *day = mix_circle_local_date ("2026-06-15T12:00:00Z");

  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (bad, ==, "not a date");
  /* Noon UTC is the same day in every time zone but the farthest. */
  g_assert_true (g_str_has_prefix (day, "2026-06-1"));
  g_assert_cmpuint (strlen (day), ==, 10);
}

/* The roster's description: how many, and the average confidence over
 * those who said theirs. */
static void
test_roster_description (void)
{
  g_autoptr(MixSessionRecord) record = mix_session_record_new ();
  g_autofree char *empty = mix_circle_roster_description (record);
  g_autofree char *unsaid = NULL;
  g_autofree char *one = NULL;
  g_autofree char *three = NULL;

  g_assert_cmpstr (empty, ==, "Add each person as they introduce themselves.");
  add_person (record, "Ada", 0);
  unsaid = mix_circle_roster_description (record);
  g_assert_cmpstr (unsaid, ==, "1 person.");
  g_assert_cmpfloat (mix_session_record_get_average_confidence (record), ==, -1);

  add_person (record, "Lin", 4);
  one = mix_circle_roster_description (record);
  g_assert_cmpstr (one, ==, "2 people. Average confidence about networking: 4.0 of 5.");

  add_person (record, "Grace", 1);
  add_person (record, "Alan", 2);
  three = mix_circle_roster_description (record);
  /* (4 + 1 + 2) / 3, Ada not counted. */
  g_assert_cmpstr (three, ==, "4 people. Average confidence about networking: 2.3 of 5.");
}

static gint64 fake_now;

static gint64
fake_clock (gpointer data)
{
  return fake_now;
}

/* What the timer shows: the time, the phase, what is next, the button. */
static void
test_clock (void)
{
  g_autoptr(MixTimer) timer = mix_timer_new ();
  MixCircleClock clock;

  fake_now = 1000 * G_USEC_PER_SEC;
  mix_timer_set_clock (timer, fake_clock, NULL, NULL);
  mix_timer_set_wall_clock (timer, fake_clock, NULL, NULL);
  mix_circle_clock_init (&clock, timer);
  g_assert_cmpstr (clock.time, ==, "2:00");
  g_assert_cmpstr (clock.phase, ==, "Introductions");
  g_assert_cmpstr (clock.next, ==, "Next: Leaders Share");
  g_assert_cmpstr (clock.session, ==, "0 of 30 minutes");
  g_assert_cmpstr (clock.toggle, ==, "_Start");
  g_assert_false (clock.overtime);
  mix_circle_clock_clear (&clock);

  mix_timer_toggle (timer);
  fake_now += 30 * G_USEC_PER_SEC;
  mix_timer_update (timer);
  mix_circle_clock_init (&clock, timer);
  g_assert_cmpstr (clock.time, ==, "1:30");
  g_assert_cmpstr (clock.toggle, ==, "_Pause");
  g_assert_cmpfloat_with_epsilon (clock.phase_fraction, 0.25, 0.001);
  mix_circle_clock_clear (&clock);

  mix_timer_toggle (timer);
  for (guint i = 0; i < 3; i++)
    mix_timer_next_phase (timer);
  mix_circle_clock_init (&clock, timer);
  g_assert_cmpstr (clock.toggle, ==, "_Resume");
  g_assert_cmpstr (clock.next, ==, "Last phase");
  mix_circle_clock_clear (&clock);
  g_assert_null (clock.time);
}

/* What presentation mode shows the group talking about: the phase's
 * prompts in a line, the leader questions picked (or what to do before
 * they are), the topic chosen (or that one is to be chosen). */
static void
test_phase_prompt (void)
{
  g_autoptr(MixSessionRecord) record = mix_session_record_new ();
  g_autofree char *intro = mix_circle_phase_prompt (record, MIX_PHASE_INTRODUCTIONS);
  g_autofree char *leaders = mix_circle_phase_prompt (record, MIX_PHASE_LEADERS_SHARE);
  g_autofree char *group = mix_circle_phase_prompt (record, MIX_PHASE_GROUP_DISCUSSION);
  g_autofree char *picked = NULL;
  g_autofree char *topic = NULL;

  g_assert_true (g_str_has_prefix (intro, "Names · Pronouns · Program · Cohort · "));
  g_assert_cmpstr (leaders, ==, "The student lead picks one or two questions to answer.");
  g_assert_cmpstr (group, ==, "Choose a topic together.");

  g_assert_true (mix_session_record_set_leader_question (record, 1, TRUE));
  mix_session_record_set_topic (record, "right-person");
  picked = mix_circle_phase_prompt (record, MIX_PHASE_LEADERS_SHARE);
  topic = mix_circle_phase_prompt (record, MIX_PHASE_GROUP_DISCUSSION);
  g_assert_cmpstr (picked, ==, "What is your process when it comes to networking?");
  g_assert_cmpstr (topic, ==, "Finding the Right Person to Network With");
}

static gint64 summary_now;

static gint64
summary_clock (gpointer user_data)
{
  return summary_now;
}

/* The summary for the group chat: everything of the circle a person
 * would paste, what they typed shown as typed (Markdown's characters
 * escaped), each person's airtime from the timer, and nothing for what
 * was left empty. */
static void
test_summary (void)
{
  g_autoptr(JsonNode) node = json_from_string ("{\"id\": \"c1\", \"started\": \"2026-12-01T12:00:00Z\"}", NULL);
  g_autoptr(MixSessionRecord) record = mix_session_record_new_from_json (node, NULL);
  g_autoptr(MixSessionRecord) empty = mix_session_record_new_from_json (node, NULL);
  g_autoptr(MixTimer) timer = mix_timer_new ();
  g_autoptr(MixPerson) priya = mix_person_new ("Priya Raman");
  g_autoptr(MixPerson) sam = mix_person_new ("Sam *Sammy* Rivera");
  g_autofree char *text = NULL;
  g_autofree char *blank = NULL;
  g_autofree char *group = NULL;

  g_assert_nonnull (record);
  priya->pronouns = g_strdup ("she/her");
  priya->program = g_strdup (MIX_PROGRAM_FRONT_END);
  priya->cohort = g_strdup ("2507");
  priya->leader = TRUE;
  g_assert_true (mix_session_record_add_person (record, priya, NULL));
  g_assert_true (mix_session_record_add_person (record, sam, NULL));
  mix_session_record_set_topic (record, "right-person");
  g_assert_true (mix_session_record_set_leader_question (record, 1, TRUE));
  g_assert_true (mix_session_record_set_person_goal (record, 0, "Message 2 developers at Hooli ",
                                                     "2026-12-08", "Sam *Sammy* Rivera", NULL));
  g_assert_true (mix_session_record_set_person_goal (record, 1, "Ask one question in #jobs",
                                                     NULL, NULL, NULL));
  mix_session_record_set_notes (record, MIX_PHASE_GROUP_DISCUSSION,
                                "Try LinkedIn's alumni tool\n# not a heading\n");

  /* Sam spoke 40 s; Priya, last, a few. */
  mix_timer_set_clock (timer, summary_clock, NULL, NULL);
  mix_timer_set_speakers (timer, (const char *[]) { "Sam *Sammy* Rivera", "Priya Raman", NULL });
  mix_timer_start (timer);
  summary_now += 40 * G_USEC_PER_SEC;
  g_assert_true (mix_timer_next_speaker (timer));
  summary_now += 500000;

  text = mix_circle_summary (record, timer);
  g_test_message ("%s", text);
  g_assert_cmpstr (text, ==,
                   "# Mix It Up circle, 2026-12-01\n"
                   "\n"
                   "**Topic:** Finding the Right Person to Network With\n"
                   "\n"
                   "**The lead answered:**\n"
                   "- What is your process when it comes to networking?\n"
                   "\n"
                   "## Who came (2)\n"
                   "- Priya Raman (she/her, Front-End, cohort 2507, led the group)\n"
                   "- Sam \\*Sammy\\* Rivera (spoke 0:40)\n"
                   "\n"
                   "## Goals (2)\n"
                   "- **Priya Raman:** Message 2 developers at Hooli (by 2026-12-08; buddy: Sam \\*Sammy\\* Rivera)\n"
                   "- **Sam \\*Sammy\\* Rivera:** Ask one question in \\#jobs\n"
                   "\n"
                   "## Notes\n"
                   "### Group Discussion\n"
                   "Try LinkedIn's alumni tool  \n"
                   "\\# not a heading\n");

  /* A circle of an earlier version: the group's one goal. */
  mix_session_record_set_goal_text (empty, "Message 2 developers at Hooli");
  g_assert_true (mix_session_record_set_goal_due (empty, "2026-12-08", NULL));
  mix_session_record_set_buddy (empty, "Sam Rivera");
  group = mix_circle_summary (empty, NULL);
  g_assert_cmpstr (group, ==,
                   "# Mix It Up circle, 2026-12-01\n"
                   "\n"
                   "## Who came (0)\n"
                   "No one was added to the roster.\n"
                   "\n"
                   "## The group’s goal\n"
                   "Message 2 developers at Hooli\n"
                   "By 2026-12-08.\n"
                   "Buddy: Sam Rivera\n");
  mix_session_record_set_goal_text (empty, NULL);
  blank = mix_circle_summary (empty, NULL);
  g_assert_cmpstr (blank, ==,
                   "# Mix It Up circle, 2026-12-01\n"
                   "\n"
                   "## Who came (0)\n"
                   "No one was added to the roster.\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/circle/network-rows", test_network_rows);
  g_test_add_func ("/circle/network-rows-names", test_network_rows_names);
  g_test_add_func ("/circle/network-rows-duplicates", test_network_rows_duplicates);
  g_test_add_func ("/circle/goal-progress", test_goal_progress);
  g_test_add_func ("/circle/local-date", test_local_date);
  g_test_add_func ("/circle/roster-description", test_roster_description);
  g_test_add_func ("/circle/summary", test_summary);
  g_test_add_func ("/circle/phase-prompt", test_phase_prompt);

  g_test_add_func ("/circle/clock", test_clock);

  return g_test_run ();
}
