/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

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
                                    "\"roster\":[{\"name\":\"Ada\"}]}");
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
  /* What this version does not know yet, such as the roster, is kept. */
  g_assert_true (json_object_has_member (object, "roster"));
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
  g_test_add_func ("/session-record/store-keeps-current", test_store_keeps_current);

  return g_test_run ();
}
