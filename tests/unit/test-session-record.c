/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "mix-date.h"
#include "mix-error.h"
#include "mix-json.h"
#include "mix-session-record.h"
#include "mix-store.h"

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = mix_json_parse_object (text, strlen (text), &error);

  g_assert_no_error (error);
  return node;
}

static void
count_changes (MixSessionRecord *record,
               guint            *count)
{
  (*count)++;
}

/* The leader picks one or two questions, never more. */
static void
test_leader_question_limit (void)
{
  g_autoptr(MixSessionRecord) record = mix_session_record_new ();
  guint changes = 0;

  g_signal_connect (record, "changed", G_CALLBACK (count_changes), &changes);
  g_assert_true (mix_session_record_set_leader_question (record, 0, TRUE));
  g_assert_true (mix_session_record_set_leader_question (record, 3, TRUE));
  g_assert_false (mix_session_record_set_leader_question (record, 1, TRUE));
  g_assert_false (mix_session_record_get_leader_question (record, 1));
  g_assert_cmpuint (mix_session_record_count_leader_questions (record), ==, 2);
  g_assert_cmpuint (changes, ==, 2);

  /* Unpicking one makes room for another. */
  g_assert_true (mix_session_record_set_leader_question (record, 0, FALSE));
  g_assert_true (mix_session_record_set_leader_question (record, 1, TRUE));
  g_assert_true (mix_session_record_get_leader_question (record, 1));
  g_assert_true (mix_session_record_get_leader_question (record, 3));
  g_assert_false (mix_session_record_get_leader_question (record, 0));
}

/* The checked activities belong to the topic. */
static void
test_topic_and_activities (void)
{
  g_autoptr(MixSessionRecord) record = mix_session_record_new ();

  g_assert_null (mix_session_record_get_topic (record));
  mix_session_record_set_topic (record, "messaging");
  mix_session_record_set_activity (record, 2, TRUE);
  g_assert_true (mix_session_record_get_activity (record, 2));
  mix_session_record_set_topic (record, "blockers");
  g_assert_cmpstr (mix_session_record_get_topic (record), ==, "blockers");
  g_assert_false (mix_session_record_get_activity (record, 2));
}

static void
test_json_round_trip (void)
{
  g_autoptr(JsonNode) node = parse ("{\"id\":\"s1\",\"started\":\"2026-11-28T17:00:00Z\","
                                    "\"leader_questions\":[1,2],\"topic\":\"preparing\","
                                    "\"prompt_checks\":[0,4],\"notes\":{\"close-out\":\"Add on LinkedIn\"},"
                                    "\"phase_log\":[{\"phase\":\"introductions\"}]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(MixSessionRecord) record = mix_session_record_new_from_json (node, &error);
  g_autoptr(JsonNode) out = NULL;
  JsonObject *object;

  g_assert_no_error (error);
  g_assert_cmpstr (mix_session_record_get_id (record), ==, "s1");
  g_assert_true (mix_session_record_get_leader_question (record, 2));
  g_assert_cmpstr (mix_session_record_get_topic (record), ==, "preparing");
  g_assert_true (mix_session_record_get_activity (record, 4));
  g_assert_cmpstr (mix_session_record_get_notes (record, MIX_PHASE_CLOSE_OUT), ==, "Add on LinkedIn");
  g_assert_cmpstr (mix_session_record_get_notes (record, MIX_PHASE_INTRODUCTIONS), ==, "");

  out = mix_session_record_to_json (record);
  object = json_node_get_object (out);
  /* What this version does not know yet, such as the phase log, is kept. */
  g_assert_true (json_object_has_member (object, "phase_log"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "leader_questions")), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (object, "topic"), ==, "preparing");
}

static void
test_json_refused (void)
{
  static const char *bad[] = {
    "{\"leader_questions\":[0,1,2]}",
    "{\"leader_questions\":[7]}",
    "{\"leader_questions\":\"1\"}",
    "{\"prompt_checks\":[\"a\"]}",
    "{\"notes\":{\"introductions\":5}}",
    "{\"topic\":3}",
    "[]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(MixSessionRecord) record = NULL;

      g_test_message ("session %s", bad[i]);
      g_assert_true (json_parser_load_from_data (parser, bad[i], -1, NULL));
      record = mix_session_record_new_from_json (json_parser_get_root (parser), &error);
      g_assert_null (record);
      g_assert_nonnull (error);
    }
}

static MixSessionRecord *
record_from (const char  *text,
             GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  return mix_session_record_new_from_json (json_parser_get_root (parser), error);
}

/* People are added, corrected and removed; a person without a name, or
 * with a module or confidence out of range, is refused and changes
 * nothing. */
static void
test_roster (void)
{
  g_autoptr(MixSessionRecord) record = mix_session_record_new ();
  g_autoptr(MixPerson) person = mix_person_new ("  Ada Lovelace ");
  g_autoptr(GError) error = NULL;
  const MixPerson *got;
  guint changes = 0;

  g_signal_connect (record, "changed", G_CALLBACK (count_changes), &changes);
  g_assert_cmpuint (mix_session_record_get_n_people (record), ==, 0);

  person->program = g_strdup (MIX_PROGRAM_BACK_END);
  person->module = 3;
  person->confidence = 4;
  person->leader = TRUE;
  g_assert_true (mix_session_record_add_person (record, person, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (mix_session_record_get_n_people (record), ==, 1);
  got = mix_session_record_get_person (record, 0);
  g_assert_true (got != person);
  g_assert_cmpstr (got->name, ==, "Ada Lovelace");
  g_assert_cmpstr (got->pronouns, ==, "");
  g_assert_cmpstr (got->program, ==, "back-end");
  g_assert_cmpstr (got->cohort, ==, "");
  g_assert_cmpuint (got->module, ==, 3);
  g_assert_cmpuint (got->confidence, ==, 4);
  g_assert_true (got->leader);

  /* The record keeps its own copy. */
  g_free (person->name);
  person->name = g_strdup ("Grace");
  g_assert_cmpstr (mix_session_record_get_person (record, 0)->name, ==, "Ada Lovelace");

  g_assert_true (mix_session_record_add_person (record, person, &error));
  g_assert_cmpuint (mix_session_record_get_n_people (record), ==, 2);
  g_assert_cmpuint (changes, ==, 2);

  /* Refused: no name, a module past 4, a confidence past 5. */
  {
    struct { const char *name; guint module, confidence; } bad[] = {
      { NULL, 0, 0 }, { "", 0, 0 }, { " \t ", 1, 1 }, { "Lin", 5, 0 }, { "Lin", 0, 6 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        MixPerson refused = { (char *) bad[i].name, NULL, NULL, NULL,
                              bad[i].module, bad[i].confidence, FALSE };

        g_assert_false (mix_session_record_add_person (record, &refused, &error));
        g_assert_error (error, MIX_ERROR, MIX_ERROR_INVALID_VALUE);
        g_assert_cmpstr (error->message, !=, "");
        g_clear_error (&error);

        g_assert_false (mix_session_record_update_person (record, 0, &refused, &error));
        g_assert_error (error, MIX_ERROR, MIX_ERROR_INVALID_VALUE);
        g_clear_error (&error);
      }
  }
  g_assert_cmpuint (mix_session_record_get_n_people (record), ==, 2);
  g_assert_cmpstr (mix_session_record_get_person (record, 0)->name, ==, "Ada Lovelace");
  g_assert_cmpuint (changes, ==, 2);

  /* Updating to the same is no change; a real correction is one. */
  {
    g_autoptr(MixPerson) same = mix_person_copy (mix_session_record_get_person (record, 0));
    g_autoptr(MixPerson) corrected = NULL;

    g_assert_true (mix_session_record_update_person (record, 0, same, &error));
    g_assert_cmpuint (changes, ==, 2);

    corrected = mix_person_copy (same);
    g_free (corrected->pronouns);
    corrected->pronouns = g_strdup ("she/her");
    corrected->confidence = 0;
    g_assert_true (mix_person_equal (same, mix_session_record_get_person (record, 0)));
    g_assert_false (mix_person_equal (same, corrected));
    g_assert_true (mix_session_record_update_person (record, 0, corrected, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (changes, ==, 3);
    got = mix_session_record_get_person (record, 0);
    g_assert_cmpstr (got->pronouns, ==, "she/her");
    g_assert_cmpuint (got->confidence, ==, 0);
    g_assert_cmpuint (got->module, ==, 3);
  }

  mix_session_record_remove_person (record, 0);
  g_assert_cmpuint (changes, ==, 4);
  g_assert_cmpuint (mix_session_record_get_n_people (record), ==, 1);
  g_assert_cmpstr (mix_session_record_get_person (record, 0)->name, ==, "Grace");
}

static void
add (MixSessionRecord *record,
     const char       *name,
     guint             confidence)
{
  MixPerson person = { (char *) name, NULL, NULL, NULL, 0, confidence, FALSE };
  g_autoptr(GError) error = NULL;

  g_assert_true (mix_session_record_add_person (record, &person, &error));
  g_assert_no_error (error);
}

/* The average is over those who said how confident they are. */
static void
test_average_confidence (void)
{
  g_autoptr(MixSessionRecord) record = mix_session_record_new ();

  g_assert_cmpfloat (mix_session_record_get_average_confidence (record), ==, -1);
  add (record, "Ada", 0);
  add (record, "Grace", 0);
  g_assert_cmpfloat (mix_session_record_get_average_confidence (record), ==, -1);
  add (record, "Lin", 3);
  g_assert_cmpfloat (mix_session_record_get_average_confidence (record), ==, 3);
  add (record, "Sam", 4);
  g_assert_cmpfloat_with_epsilon (mix_session_record_get_average_confidence (record), 3.5, 1e-9);
  add (record, "Kai", 5);
  g_assert_cmpfloat_with_epsilon (mix_session_record_get_average_confidence (record), 4, 1e-9);
  mix_session_record_remove_person (record, 2);
  g_assert_cmpfloat_with_epsilon (mix_session_record_get_average_confidence (record), 4.5, 1e-9);
}

/* The goal, when it is due and the buddy; a due date that is not a date is
 * refused and the old one kept. */
static void
test_goal (void)
{
  g_autoptr(MixSessionRecord) record = mix_session_record_new ();
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  g_signal_connect (record, "changed", G_CALLBACK (count_changes), &changes);
  g_assert_cmpstr (mix_session_record_get_goal_text (record), ==, "");
  g_assert_null (mix_session_record_get_goal_due (record));
  g_assert_cmpstr (mix_session_record_get_buddy (record), ==, "");

  mix_session_record_set_goal_text (record, "Message three alumni");
  mix_session_record_set_goal_text (record, "Message three alumni");
  g_assert_cmpstr (mix_session_record_get_goal_text (record), ==, "Message three alumni");
  g_assert_cmpuint (changes, ==, 1);

  g_assert_true (mix_session_record_set_goal_due (record, "2026/12/05", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (mix_session_record_get_goal_due (record), ==, "2026-12-05");
  g_assert_cmpuint (changes, ==, 2);
  g_assert_true (mix_session_record_set_goal_due (record, " 2026-12-05 ", &error));
  g_assert_cmpuint (changes, ==, 2);

  g_assert_false (mix_session_record_set_goal_due (record, "2026-02-30", &error));
  g_assert_error (error, MIX_ERROR, MIX_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
  g_clear_error (&error);
  g_assert_false (mix_session_record_set_goal_due (record, "next Friday", &error));
  g_assert_error (error, MIX_ERROR, MIX_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpstr (mix_session_record_get_goal_due (record), ==, "2026-12-05");
  g_assert_cmpuint (changes, ==, 2);

  mix_session_record_set_buddy (record, "Grace");
  mix_session_record_set_buddy (record, "Grace");
  g_assert_cmpstr (mix_session_record_get_buddy (record), ==, "Grace");
  g_assert_cmpuint (changes, ==, 3);

  g_assert_true (mix_session_record_set_goal_due (record, "", &error));
  g_assert_null (mix_session_record_get_goal_due (record));
  g_assert_cmpuint (changes, ==, 4);
  g_assert_true (mix_session_record_set_goal_due (record, NULL, &error));
  g_assert_cmpuint (changes, ==, 4);
  mix_session_record_set_goal_text (record, NULL);
  g_assert_cmpstr (mix_session_record_get_goal_text (record), ==, "");
  g_assert_cmpuint (changes, ==, 5);
}

/* Each person of the group sets a goal, a date and a buddy in Close Out:
 * kept through an edit of what the roster's form shows, through a rename
 * of their buddy, and in the file; a date that is not one is refused and
 * changes nothing. A roster without goals is written as before. */
static void
test_person_goal (void)
{
  g_autoptr(MixSessionRecord) record = mix_session_record_new ();
  g_autoptr(MixSessionRecord) back = NULL;
  g_autoptr(MixPerson) ada = mix_person_new ("Ada Lovelace");
  g_autoptr(MixPerson) sam = mix_person_new ("Sam Rivera");
  g_autoptr(MixPerson) edit = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const MixPerson *person;
  guint changes = 0;

  g_assert_true (mix_session_record_add_person (record, ada, NULL));
  g_assert_true (mix_session_record_add_person (record, sam, NULL));
  node = mix_session_record_to_json (record);
  text = json_to_string (node, FALSE);
  g_assert_null (strstr (text, "goal_due"));
  g_assert_null (strstr (text, "\"goal\":\""));
  g_clear_pointer (&node, json_node_unref);
  g_clear_pointer (&text, g_free);
  g_assert_cmpuint (mix_session_record_count_goals (record), ==, 0);

  g_signal_connect (record, "changed", G_CALLBACK (count_changes), &changes);
  g_assert_true (mix_session_record_set_person_goal (record, 0, "Message two alumni",
                                                     "2026/12/10", " Sam Rivera ", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
  person = mix_session_record_get_person (record, 0);
  g_assert_cmpstr (person->goal, ==, "Message two alumni");
  g_assert_cmpstr (person->goal_due, ==, "2026-12-10");
  g_assert_cmpstr (person->buddy, ==, "Sam Rivera");
  g_assert_true (mix_person_has_goal (person));
  g_assert_false (mix_person_has_goal (mix_session_record_get_person (record, 1)));
  g_assert_cmpuint (mix_session_record_count_goals (record), ==, 1);

  /* The same again is no change; a bad date is refused, nothing changed. */
  g_assert_true (mix_session_record_set_person_goal (record, 0, "Message two alumni",
                                                     "2026-12-10", "Sam Rivera", NULL));
  g_assert_cmpuint (changes, ==, 1);
  g_assert_false (mix_session_record_set_person_goal (record, 0, "Message two alumni",
                                                      "next Friday", "Sam Rivera", &error));
  g_assert_error (error, MIX_ERROR, MIX_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "next Friday"));
  g_clear_error (&error);
  g_assert_cmpstr (mix_session_record_get_person (record, 0)->goal_due, ==, "2026-12-10");
  g_assert_cmpuint (changes, ==, 1);

  /* Sam's goal, with Ada as buddy; then Ada is renamed: Sam's buddy too. */
  g_assert_true (mix_session_record_set_person_goal (record, 1, "Ask one question in #jobs",
                                                     NULL, "Ada Lovelace", NULL));
  edit = mix_person_copy (mix_session_record_get_person (record, 0));
  g_free (edit->name);
  edit->name = g_strdup ("Ada King");
  g_assert_true (mix_session_record_update_person (record, 0, edit, NULL));
  g_assert_cmpstr (mix_session_record_get_person (record, 1)->buddy, ==, "Ada King");
  g_assert_cmpstr (mix_session_record_get_person (record, 1)->goal_due, ==, "");
  g_assert_cmpstr (mix_session_record_get_person (record, 0)->goal, ==, "Message two alumni");
  g_assert_cmpuint (mix_session_record_count_goals (record), ==, 2);

  /* Written and read back. */
  node = mix_session_record_to_json (record);
  back = mix_session_record_new_from_json (node, &error);
  g_assert_no_error (error);
  person = mix_session_record_get_person (back, 0);
  g_assert_cmpstr (person->goal, ==, "Message two alumni");
  g_assert_cmpstr (person->goal_due, ==, "2026-12-10");
  g_assert_cmpstr (person->buddy, ==, "Sam Rivera");
  g_assert_true (mix_person_equal (mix_session_record_get_person (back, 1),
                                   mix_session_record_get_person (record, 1)));
  g_clear_pointer (&node, json_node_unref);

  /* A goal's date in the file that is not one is refused, as damaged. */
  g_clear_object (&back);
  back = record_from ("{\"roster\":[{\"name\":\"Ada\",\"goal\":\"x\",\"goal_due\":\"soon\"}]}",
                      &error);
  g_assert_null (back);
  g_assert_error (error, MIX_ERROR, MIX_ERROR_DAMAGED);
  g_clear_error (&error);
  back = record_from ("{\"roster\":[{\"name\":\"Ada\",\"goal\":7}]}", &error);
  g_assert_null (back);
  g_assert_error (error, MIX_ERROR, MIX_ERROR_DAMAGED);
}

/* The timer's state is kept as given, copied, and written back as it was. */
static void
test_timer_state (void)
{
  g_autoptr(MixSessionRecord) record = mix_session_record_new ();
  g_autoptr(JsonNode) state = parse ("{\"plan\":[{\"phase\":\"introductions\",\"minutes\":3}],"
                                     "\"phase\":1,\"paused\":true,\"elapsed_us\":123456789012,"
                                     "\"later\":{\"x\":[1,2.5,null,\"y\"]}}");
  g_autoptr(JsonNode) original = parse ("{\"plan\":[{\"phase\":\"introductions\",\"minutes\":3}],"
                                        "\"phase\":1,\"paused\":true,\"elapsed_us\":123456789012,"
                                        "\"later\":{\"x\":[1,2.5,null,\"y\"]}}");
  g_autoptr(JsonNode) out = NULL;
  g_autoptr(MixSessionRecord) again = NULL;
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  g_signal_connect (record, "changed", G_CALLBACK (count_changes), &changes);
  g_assert_null (mix_session_record_get_timer_state (record));

  mix_session_record_set_timer_state (record, state);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_true (json_node_equal (mix_session_record_get_timer_state (record), original));
  mix_session_record_set_timer_state (record, original);
  g_assert_cmpuint (changes, ==, 1);

  /* Changing the caller's object afterwards does not reach the record. */
  json_array_add_int_element (json_object_get_array_member (json_node_get_object (state), "plan"), 9);
  json_object_set_int_member (json_node_get_object (state), "phase", 2);
  g_assert_true (json_node_equal (mix_session_record_get_timer_state (record), original));

  out = mix_session_record_to_json (record);
  g_assert_true (json_node_equal (json_object_get_member (json_node_get_object (out), "timer"),
                                  original));
  again = mix_session_record_new_from_json (out, &error);
  g_assert_no_error (error);
  g_assert_true (json_node_equal (mix_session_record_get_timer_state (again), original));

  mix_session_record_set_timer_state (record, NULL);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_null (mix_session_record_get_timer_state (record));
  g_clear_pointer (&out, json_node_unref);
  out = mix_session_record_to_json (record);
  g_assert_false (json_object_has_member (json_node_get_object (out), "timer"));
  mix_session_record_set_timer_state (record, NULL);
  g_assert_cmpuint (changes, ==, 2);
}

/* Finishing stamps the time once; it is written and read back. */
static void
test_finish (void)
{
  g_autoptr(MixSessionRecord) record = mix_session_record_new ();
  g_autoptr(MixSessionRecord) again = NULL;
  g_autoptr(JsonNode) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *finished = NULL;
  guint changes = 0;

  g_signal_connect (record, "changed", G_CALLBACK (count_changes), &changes);
  g_assert_true (mix_timestamp_is_valid (mix_session_record_get_started (record)));
  g_assert_null (mix_session_record_get_finished (record));
  out = mix_session_record_to_json (record);
  g_assert_false (json_object_has_member (json_node_get_object (out), "finished"));
  g_clear_pointer (&out, json_node_unref);

  mix_session_record_finish (record);
  g_assert_cmpuint (changes, ==, 1);
  finished = g_strdup (mix_session_record_get_finished (record));
  g_assert_true (mix_timestamp_is_valid (finished));
  g_assert_true (g_str_has_suffix (finished, "Z"));
  g_assert_cmpstr (finished, >=, mix_session_record_get_started (record));

  mix_session_record_finish (record);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpstr (mix_session_record_get_finished (record), ==, finished);

  out = mix_session_record_to_json (record);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (out), "finished"), ==,
                   finished);
  again = mix_session_record_new_from_json (out, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mix_session_record_get_finished (again), ==, finished);
  g_assert_cmpstr (mix_session_record_get_started (again), ==,
                   mix_session_record_get_started (record));
}

/* Everything is read and written back, and members this version does not
 * know are kept: of the session, of each person and of the goal. */
static void
test_json_full_round_trip (void)
{
  static const char *text =
    "{\"id\":\"s2\",\"started\":\"2026-11-28T17:00:00Z\",\"finished\":\"2026-11-28T17:31:00Z\","
    "\"leader_questions\":[0],\"topic\":\"blockers\",\"prompt_checks\":[1],"
    "\"notes\":{\"introductions\":\"\",\"leaders-share\":\"\",\"group-discussion\":\"\","
    "\"close-out\":\"Thanks all\"},"
    "\"roster\":[{\"name\":\"Ada\",\"pronouns\":\"she/her\",\"program\":\"front-end\","
    "\"cohort\":\"2511\",\"module\":2,\"confidence\":3,\"leader\":true,"
    "\"linkedin\":\"https://example.com/ada\"},"
    "{\"name\":\"Grace\",\"pronouns\":\"\",\"program\":\"Launch\",\"cohort\":\"\","
    "\"module\":0,\"confidence\":0,\"leader\":false}],"
    "\"goal\":{\"text\":\"Two coffee chats\",\"due\":\"2026-12-12\",\"buddy\":\"Grace\","
    "\"progress\":{\"counted\":1}},"
    "\"timer\":{\"phase\":3,\"plan\":[2,8,15,5]},"
    "\"phase_log\":[{\"phase\":\"introductions\",\"overtime_s\":12}]}";
  g_autoptr(JsonNode) node = parse (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(MixSessionRecord) record = mix_session_record_new_from_json (node, &error);
  g_autoptr(JsonNode) out = NULL;
  g_autoptr(MixSessionRecord) again = NULL;
  const MixPerson *ada;
  const MixPerson *grace;

  g_assert_no_error (error);
  g_assert_cmpuint (mix_session_record_get_n_people (record), ==, 2);
  ada = mix_session_record_get_person (record, 0);
  g_assert_cmpstr (ada->name, ==, "Ada");
  g_assert_cmpstr (ada->pronouns, ==, "she/her");
  g_assert_cmpstr (ada->program, ==, MIX_PROGRAM_FRONT_END);
  g_assert_cmpstr (ada->cohort, ==, "2511");
  g_assert_cmpuint (ada->module, ==, 2);
  g_assert_cmpuint (ada->confidence, ==, 3);
  g_assert_true (ada->leader);
  grace = mix_session_record_get_person (record, 1);
  g_assert_cmpstr (grace->program, ==, "Launch");
  g_assert_false (grace->leader);
  g_assert_cmpstr (mix_session_record_get_goal_text (record), ==, "Two coffee chats");
  g_assert_cmpstr (mix_session_record_get_goal_due (record), ==, "2026-12-12");
  g_assert_cmpstr (mix_session_record_get_buddy (record), ==, "Grace");
  g_assert_cmpstr (mix_session_record_get_finished (record), ==, "2026-11-28T17:31:00Z");
  g_assert_cmpfloat (mix_session_record_get_average_confidence (record), ==, 3);

  /* Written as it was read, unknown members included, in any order. */
  out = mix_session_record_to_json (record);
  g_assert_true (json_node_equal (out, node));

  /* Unknown members of a person stay with that person when it is edited. */
  {
    g_autoptr(MixPerson) edited = mix_person_copy (ada);
    JsonObject *person;

    edited->confidence = 5;
    g_assert_true (mix_session_record_update_person (record, 0, edited, &error));
    mix_session_record_remove_person (record, 1);
    g_clear_pointer (&out, json_node_unref);
    out = mix_session_record_to_json (record);
    person = json_array_get_object_element (
      json_object_get_array_member (json_node_get_object (out), "roster"), 0);
    g_assert_cmpint (json_object_get_int_member (person, "confidence"), ==, 5);
    g_assert_cmpstr (json_object_get_string_member (person, "linkedin"), ==,
                     "https://example.com/ada");
    g_assert_cmpuint (json_array_get_length (
      json_object_get_array_member (json_node_get_object (out), "roster")), ==, 1);
  }

  again = mix_session_record_new_from_json (out, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mix_session_record_get_person (again, 0)->confidence, ==, 5);
  g_assert_true (json_object_has_member (
    json_object_get_object_member (json_node_get_object (out), "goal"), "progress"));
}

/* Optional members may be null or missing, as older files have them. */
static void
test_json_nulls (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MixSessionRecord) record =
    record_from ("{\"roster\":[{\"name\":\"Ada\",\"pronouns\":null,\"module\":null,"
                 "\"confidence\":null,\"leader\":null},{\"name\":\"Lin\"}],"
                 "\"goal\":{\"text\":null,\"due\":null},\"timer\":null,\"finished\":null}",
                 &error);
  const MixPerson *ada;

  g_assert_no_error (error);
  g_assert_cmpuint (mix_session_record_get_n_people (record), ==, 2);
  ada = mix_session_record_get_person (record, 0);
  g_assert_cmpstr (ada->pronouns, ==, "");
  g_assert_cmpuint (ada->module, ==, 0);
  g_assert_false (ada->leader);
  g_assert_cmpstr (mix_session_record_get_person (record, 1)->program, ==, "");
  g_assert_cmpstr (mix_session_record_get_goal_text (record), ==, "");
  g_assert_null (mix_session_record_get_goal_due (record));
  g_assert_null (mix_session_record_get_timer_state (record));
  g_assert_null (mix_session_record_get_finished (record));
}

/* A roster, goal, timer or end of the wrong type refuses the session, so
 * the caller can keep it aside unchanged. */
static void
test_json_refused_new_members (void)
{
  static const char *bad[] = {
    "{\"roster\":{\"name\":\"Ada\"}}",
    "{\"roster\":\"Ada\"}",
    "{\"roster\":[\"Ada\"]}",
    "{\"roster\":[{\"name\":5}]}",
    "{\"roster\":[{\"pronouns\":\"she/her\"}]}",
    "{\"roster\":[{\"name\":\"  \"}]}",
    "{\"roster\":[{\"name\":\"Ada\",\"pronouns\":3}]}",
    "{\"roster\":[{\"name\":\"Ada\",\"program\":true}]}",
    "{\"roster\":[{\"name\":\"Ada\",\"cohort\":[]}]}",
    "{\"roster\":[{\"name\":\"Ada\",\"module\":\"2\"}]}",
    "{\"roster\":[{\"name\":\"Ada\",\"module\":5}]}",
    "{\"roster\":[{\"name\":\"Ada\",\"module\":2.5}]}",
    "{\"roster\":[{\"name\":\"Ada\",\"confidence\":6}]}",
    "{\"roster\":[{\"name\":\"Ada\",\"confidence\":-1}]}",
    "{\"roster\":[{\"name\":\"Ada\",\"leader\":\"yes\"}]}",
    "{\"roster\":[{\"name\":\"Ada\",\"leader\":1}]}",
    "{\"goal\":\"Two chats\"}",
    "{\"goal\":{\"text\":3}}",
    "{\"goal\":{\"buddy\":{}}}",
    "{\"goal\":{\"due\":\"soon\"}}",
    "{\"goal\":{\"due\":20261212}}",
    "{\"timer\":[1,2]}",
    "{\"timer\":\"running\"}",
    "{\"finished\":\"yesterday\"}",
    "{\"finished\":5}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MixSessionRecord) record = NULL;

      g_test_message ("session %s", bad[i]);
      record = record_from (bad[i], &error);
      g_assert_null (record);
      g_assert_error (error, MIX_ERROR, MIX_ERROR_DAMAGED);
    }
}

/* The session in progress is saved with the store and found again. */
static void
test_store_keeps_current (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mix-session-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "sessions.json", NULL);

  g_assert_no_error (error);
  {
    g_autoptr(MixStore) store = mix_store_new (dir);
    MixSessionRecord *record;

    mix_store_load (store);
    record = mix_store_get_current_session (store);
    mix_session_record_set_notes (record, MIX_PHASE_LEADERS_SHARE, "Priya shared her process");
    g_assert_true (mix_store_is_dirty (store, MIX_DOMAIN_SESSIONS));
    g_assert_true (mix_store_flush (store, NULL));
  }
  {
    g_autoptr(MixStore) store = mix_store_new (dir);

    mix_store_load (store);
    g_assert_cmpuint (mix_store_get_problems (store)->len, ==, 0);
    g_assert_cmpstr (mix_session_record_get_notes (mix_store_get_current_session (store),
                                                   MIX_PHASE_LEADERS_SHARE),
                     ==, "Priya shared her process");
  }

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/session-record/leader-question-limit", test_leader_question_limit);
  g_test_add_func ("/session-record/topic-and-activities", test_topic_and_activities);
  g_test_add_func ("/session-record/json/round-trip", test_json_round_trip);
  g_test_add_func ("/session-record/json/refused", test_json_refused);
  g_test_add_func ("/session-record/roster", test_roster);
  g_test_add_func ("/session-record/average-confidence", test_average_confidence);
  g_test_add_func ("/session-record/goal", test_goal);
  g_test_add_func ("/session-record/person-goal", test_person_goal);
  g_test_add_func ("/session-record/timer-state", test_timer_state);
  g_test_add_func ("/session-record/finish", test_finish);
  g_test_add_func ("/session-record/json/full-round-trip", test_json_full_round_trip);
  g_test_add_func ("/session-record/json/nulls", test_json_nulls);
  g_test_add_func ("/session-record/json/refused-new-members", test_json_refused_new_members);
  g_test_add_func ("/session-record/store-keeps-current", test_store_keeps_current);

  return g_test_run ();
}
