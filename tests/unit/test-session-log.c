/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mix-error.h"
#include "mix-json.h"
#include "mix-session-log.h"

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = mix_json_parse_object (text, strlen (text), &error);

  g_assert_no_error (error);
  return node;
}

static MixSessionRecord *
record_from (const char *text)
{
  g_autoptr(JsonNode) node = parse (text);
  g_autoptr(GError) error = NULL;
  MixSessionRecord *record = mix_session_record_new_from_json (node, &error);

  g_assert_no_error (error);
  return record;
}

/* A finished session with an id and end time of its own. */
static MixSessionRecord *
finished_session (const char *id,
                  const char *finished,
                  const char *goal)
{
  g_autofree char *text =
    g_strdup_printf ("{\"id\":\"%s\",\"started\":\"2026-01-01T10:00:00Z\",\"finished\":\"%s\","
                     "\"goal\":{\"text\":\"%s\",\"due\":\"2026-12-12\",\"buddy\":\"Grace\"}}",
                     id, finished, goal);

  return record_from (text);
}

static void
count_changes (gpointer  object,
               guint    *count)
{
  (*count)++;
}

typedef struct
{
  guint calls;
  guint position, removed, added;
} ItemsChanged;

static void
on_items_changed_cb (GListModel   *model,
                     guint         position,
                     guint         removed,
                     guint         added,
                     ItemsChanged *seen)
{
  seen->calls++;
  seen->position = position;
  seen->removed = removed;
  seen->added = added;
}

static const char *
id_at (MixSessionLog *log,
       guint          position)
{
  g_autoptr(MixSessionRecord) record = g_list_model_get_item (G_LIST_MODEL (log), position);

  g_assert_nonnull (record);
  return mix_session_record_get_id (record);
}

/* Finished sessions are listed newest first, each addition announced. */
static void
test_add_finished (void)
{
  g_autoptr(MixSessionLog) log = mix_session_log_new ();
  g_autoptr(MixSessionRecord) older = finished_session ("older", "2020-11-01T17:30:00Z", "");
  g_autoptr(MixSessionRecord) newer = finished_session ("newer", "2020-11-29T17:30:00Z", "");
  g_autoptr(MixSessionRecord) middle = finished_session ("middle", "2020-11-15T17:30:00+00:00", "");
  g_autoptr(MixSessionRecord) now = mix_session_record_new ();
  ItemsChanged seen = { 0, };
  guint changes = 0;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (log)) == MIX_TYPE_SESSION_RECORD);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (log), 0));
  g_signal_connect (log, "items-changed", G_CALLBACK (on_items_changed_cb), &seen);
  g_signal_connect (log, "changed", G_CALLBACK (count_changes), &changes);

  mix_session_log_add_finished (log, older);
  g_assert_cmpuint (seen.calls, ==, 1);
  g_assert_cmpuint (seen.position, ==, 0);
  g_assert_cmpuint (seen.removed, ==, 0);
  g_assert_cmpuint (seen.added, ==, 1);
  g_assert_cmpuint (changes, ==, 1);

  mix_session_log_add_finished (log, newer);
  g_assert_cmpuint (seen.calls, ==, 2);
  g_assert_cmpuint (seen.position, ==, 0);
  mix_session_log_add_finished (log, middle);
  g_assert_cmpuint (seen.calls, ==, 3);
  g_assert_cmpuint (seen.position, ==, 1);
  g_assert_cmpuint (seen.added, ==, 1);
  g_assert_cmpuint (changes, ==, 3);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 3);
  g_assert_cmpstr (id_at (log, 0), ==, "newer");
  g_assert_cmpstr (id_at (log, 1), ==, "middle");
  g_assert_cmpstr (id_at (log, 2), ==, "older");
  g_assert_true (mix_session_log_find_session (log, "middle") == middle);
  g_assert_null (mix_session_log_find_session (log, "none"));

  /* A session just finished is the newest. */
  mix_session_record_finish (now);
  mix_session_log_add_finished (log, now);
  g_assert_cmpuint (seen.position, ==, 0);
  g_assert_cmpstr (id_at (log, 0), ==, mix_session_record_get_id (now));
  g_assert_cmpuint (changes, ==, 4);

  /* Later edits of a logged session are changes to save. */
  mix_session_record_set_notes (middle, MIX_PHASE_CLOSE_OUT, "Corrected");
  g_assert_cmpuint (changes, ==, 5);

  /* Adding the same session again does not list it twice. */
  mix_session_log_add_finished (log, middle);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 4);
  g_assert_cmpuint (changes, ==, 5);
}

/* The goal set at the close of a session joins the goals, not done. */
static void
test_goal_from_session (void)
{
  g_autoptr(MixSessionLog) log = mix_session_log_new ();
  g_autoptr(MixSessionRecord) record = mix_session_record_new ();
  g_autoptr(MixSessionRecord) without = finished_session ("quiet", "2020-11-01T17:30:00Z", "  ");
  g_autoptr(MixSessionRecord) older = finished_session ("older", "2020-10-01T17:30:00Z",
                                                        "Update my LinkedIn");
  g_autoptr(MixSessionRecord) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MixGoal) goal = NULL;

  mix_session_record_set_goal_text (record, "Message three alumni");
  g_assert_true (mix_session_record_set_goal_due (record, "2026-12-05", &error));
  mix_session_record_set_buddy (record, "Grace");
  mix_session_record_finish (record);

  mix_session_log_add_finished (log, without);
  g_assert_cmpuint (mix_session_log_get_n_goals (log), ==, 0);

  mix_session_log_add_finished (log, record);
  g_assert_cmpuint (mix_session_log_get_n_goals (log), ==, 1);
  goal = mix_goal_copy (mix_session_log_get_goal (log, 0));
  g_assert_true (g_uuid_string_is_valid (goal->id));
  g_assert_cmpstr (goal->text, ==, "Message three alumni");
  g_assert_cmpstr (goal->due, ==, "2026-12-05");
  g_assert_cmpstr (goal->buddy, ==, "Grace");
  g_assert_cmpstr (goal->created, ==, mix_session_record_get_finished (record));
  g_assert_false (goal->done);
  g_assert_cmpstr (goal->session_id, ==, mix_session_record_get_id (record));
  g_assert_true (mix_session_log_find_goal (log, goal->id) == mix_session_log_get_goal (log, 0));
  g_assert_null (mix_session_log_find_goal (log, "no-such-goal"));

  /* Goals are newest first too. */
  mix_session_log_add_finished (log, older);
  g_assert_cmpuint (mix_session_log_get_n_goals (log), ==, 2);
  g_assert_cmpstr (mix_session_log_get_goal (log, 0)->id, ==, goal->id);
  g_assert_cmpstr (mix_session_log_get_goal (log, 1)->text, ==, "Update my LinkedIn");
  g_assert_cmpstr (mix_session_log_get_goal (log, 1)->session_id, ==, "older");

  /* The same session again (such as read back) adds no second goal. */
  {
    g_autoptr(JsonNode) node = mix_session_record_to_json (record);

    copy = mix_session_record_new_from_json (node, &error);
    g_assert_no_error (error);
  }
  mix_session_log_add_finished (log, copy);
  g_assert_cmpuint (mix_session_log_get_n_goals (log), ==, 2);
  g_assert_true (mix_session_log_find_session (log, mix_session_record_get_id (record)) == copy);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 3);
}

/* A finished circle gives a goal for each person who set one, in the
 * roster's order, with whose it is and their buddy; kept in the file, and
 * not set twice when the same session comes back. */
static void
test_goals_of_each_person (void)
{
  g_autoptr(MixSessionLog) log = mix_session_log_new ();
  g_autoptr(MixSessionLog) back = mix_session_log_new ();
  g_autoptr(MixSessionRecord) record = mix_session_record_new ();
  g_autoptr(MixSessionRecord) copy = NULL;
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  const char *names[] = { "Ada Lovelace", "Sam Rivera", "Lin Chen" };
  guint n_skipped = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(MixPerson) person = mix_person_new (names[i]);

      g_assert_true (mix_session_record_add_person (record, person, NULL));
    }
  g_assert_true (mix_session_record_set_person_goal (record, 0, "Message two alumni",
                                                     "2026-12-10", "Sam Rivera", NULL));
  /* Lin set none; Sam's has no date. */
  g_assert_true (mix_session_record_set_person_goal (record, 1, "Ask one question in #jobs",
                                                     NULL, "Ada Lovelace", NULL));
  g_assert_true (mix_session_record_set_person_goal (record, 2, "  ", NULL, "Ada Lovelace", NULL));
  mix_session_record_finish (record);
  mix_session_log_add_finished (log, record);

  g_assert_cmpuint (mix_session_log_get_n_goals (log), ==, 2);
  g_assert_cmpstr (mix_session_log_get_goal (log, 0)->person, ==, "Ada Lovelace");
  g_assert_cmpstr (mix_session_log_get_goal (log, 0)->text, ==, "Message two alumni");
  g_assert_cmpstr (mix_session_log_get_goal (log, 0)->due, ==, "2026-12-10");
  g_assert_cmpstr (mix_session_log_get_goal (log, 0)->buddy, ==, "Sam Rivera");
  g_assert_cmpstr (mix_session_log_get_goal (log, 1)->person, ==, "Sam Rivera");
  g_assert_null (mix_session_log_get_goal (log, 1)->due);
  g_assert_cmpstr (mix_session_log_get_goal (log, 1)->buddy, ==, "Ada Lovelace");
  g_assert_cmpstr (mix_session_log_get_goal (log, 1)->session_id, ==,
                   mix_session_record_get_id (record));

  /* Each is marked done alone. */
  g_assert_true (mix_session_log_set_goal_done (log, mix_session_log_get_goal (log, 1)->id, TRUE));
  g_assert_false (mix_session_log_get_goal (log, 0)->done);

  /* Read back from the file, in the same order, with whose each is. */
  mix_session_log_save_json (log, root);
  g_assert_true (mix_session_log_load_json (back, root, &n_skipped, NULL));
  g_assert_cmpuint (n_skipped, ==, 0);
  g_assert_cmpuint (mix_session_log_get_n_goals (back), ==, 2);
  g_assert_cmpstr (mix_session_log_get_goal (back, 0)->person, ==, "Ada Lovelace");
  g_assert_cmpstr (mix_session_log_get_goal (back, 1)->person, ==, "Sam Rivera");
  g_assert_true (mix_session_log_get_goal (back, 1)->done);

  /* The same session again adds none. */
  node = mix_session_record_to_json (record);
  copy = mix_session_record_new_from_json (node, NULL);
  mix_session_log_add_finished (back, copy);
  g_assert_cmpuint (mix_session_log_get_n_goals (back), ==, 2);
}

/* A goal is marked done and back; only a real change is announced. */
static void
test_goal_done (void)
{
  g_autoptr(MixSessionLog) log = mix_session_log_new ();
  g_autoptr(MixSessionRecord) record = finished_session ("s", "2026-11-01T17:30:00Z", "Two chats");
  const char *id;
  guint changes = 0;

  mix_session_log_add_finished (log, record);
  g_signal_connect (log, "changed", G_CALLBACK (count_changes), &changes);
  id = mix_session_log_get_goal (log, 0)->id;

  g_assert_true (mix_session_log_set_goal_done (log, id, TRUE));
  g_assert_true (mix_session_log_get_goal (log, 0)->done);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_true (mix_session_log_set_goal_done (log, id, TRUE));
  g_assert_cmpuint (changes, ==, 1);
  g_assert_true (mix_session_log_set_goal_done (log, id, FALSE));
  g_assert_false (mix_session_log_get_goal (log, 0)->done);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_false (mix_session_log_set_goal_done (log, "no-such-goal", TRUE));
  g_assert_cmpuint (changes, ==, 2);
}

static const char *document =
  "{\"format\":\"mix-it-up/sessions\",\"version\":1,"
  "\"sessions\":["
  "{\"id\":\"a\",\"started\":\"2026-10-01T17:00:00Z\",\"finished\":\"2026-10-01T17:30:00Z\"},"
  "\"not a session\","
  "{\"id\":\"bad\",\"leader_questions\":\"1\"},"
  "{\"id\":\"b\",\"started\":\"2026-11-01T17:00:00Z\",\"finished\":\"2026-11-01T17:30:00Z\","
  "\"roster\":[{\"name\":\"Ada\",\"linkedin\":\"x\"}],\"phase_log\":[1]},"
  "{\"id\":\"c\",\"started\":\"2026-10-15T17:00:00Z\"}"
  "],"
  "\"goals\":["
  "{\"id\":\"g1\",\"text\":\"Two chats\",\"due\":\"2026-12-01\",\"buddy\":\"Ada\","
  "\"created\":\"2026-10-01T17:30:00Z\",\"done\":true,\"session_id\":\"a\",\"progress\":3},"
  "5,"
  "{\"id\":\"g-bad\",\"done\":\"yes\"},"
  "{\"id\":\"g-bad-date\",\"due\":\"someday\"},"
  "{\"id\":\"g2\",\"text\":\"Coffee\",\"created\":\"2026-11-01T17:30:00Z\"}"
  "]}";

/* Unreadable sessions and goals are counted, kept as they were and written
 * back; the readable ones are listed newest first. */
static void
test_json_round_trip (void)
{
  g_autoptr(JsonNode) node = parse (document);
  g_autoptr(JsonNode) original = parse (document);
  g_autoptr(MixSessionLog) log = mix_session_log_new ();
  g_autoptr(MixSessionLog) again = mix_session_log_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) saved = json_object_new ();
  JsonArray *sessions;
  JsonArray *goals;
  JsonArray *original_sessions;
  JsonArray *original_goals;
  ItemsChanged seen = { 0, };
  guint changes = 0;
  guint n_skipped = 99;
  const MixGoal *goal;

  g_signal_connect (log, "items-changed", G_CALLBACK (on_items_changed_cb), &seen);
  g_signal_connect (log, "changed", G_CALLBACK (count_changes), &changes);
  g_assert_true (mix_session_log_load_json (log, json_node_get_object (node), &n_skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_skipped, ==, 5);
  g_assert_cmpuint (seen.calls, ==, 1);
  g_assert_cmpuint (seen.position, ==, 0);
  g_assert_cmpuint (seen.removed, ==, 0);
  g_assert_cmpuint (seen.added, ==, 3);
  g_assert_cmpuint (changes, ==, 0);

  /* A past session without an end is placed by its start. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 3);
  g_assert_cmpstr (id_at (log, 0), ==, "b");
  g_assert_cmpstr (id_at (log, 1), ==, "c");
  g_assert_cmpstr (id_at (log, 2), ==, "a");

  g_assert_cmpuint (mix_session_log_get_n_goals (log), ==, 2);
  goal = mix_session_log_get_goal (log, 0);
  g_assert_cmpstr (goal->id, ==, "g2");
  g_assert_cmpstr (goal->buddy, ==, "");
  g_assert_null (goal->due);
  g_assert_null (goal->session_id);
  g_assert_false (goal->done);
  goal = mix_session_log_get_goal (log, 1);
  g_assert_cmpstr (goal->id, ==, "g1");
  g_assert_cmpstr (goal->text, ==, "Two chats");
  g_assert_cmpstr (goal->due, ==, "2026-12-01");
  g_assert_cmpstr (goal->buddy, ==, "Ada");
  g_assert_cmpstr (goal->created, ==, "2026-10-01T17:30:00Z");
  g_assert_true (goal->done);
  g_assert_cmpstr (goal->session_id, ==, "a");

  /* Written back: readable entries first, then the unreadable, unchanged. */
  mix_session_log_save_json (log, saved);
  sessions = json_object_get_array_member (saved, "sessions");
  goals = json_object_get_array_member (saved, "goals");
  original_sessions = json_object_get_array_member (json_node_get_object (original), "sessions");
  original_goals = json_object_get_array_member (json_node_get_object (original), "goals");
  g_assert_cmpuint (json_array_get_length (sessions), ==, 5);
  g_assert_cmpuint (json_array_get_length (goals), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (sessions, 0), "id"),
                   ==, "b");
  g_assert_true (json_node_equal (json_array_get_element (sessions, 3),
                                  json_array_get_element (original_sessions, 1)));
  g_assert_true (json_node_equal (json_array_get_element (sessions, 4),
                                  json_array_get_element (original_sessions, 2)));
  g_assert_true (json_node_equal (json_array_get_element (goals, 2),
                                  json_array_get_element (original_goals, 1)));
  g_assert_true (json_node_equal (json_array_get_element (goals, 3),
                                  json_array_get_element (original_goals, 2)));
  g_assert_true (json_node_equal (json_array_get_element (goals, 4),
                                  json_array_get_element (original_goals, 3)));

  /* A readable goal is written as it was read, unknown members included. */
  g_assert_true (json_node_equal (json_array_get_element (goals, 1),
                                  json_array_get_element (original_goals, 0)));
  /* And so are a session's unknown members, and its people's. */
  {
    JsonObject *b = json_array_get_object_element (sessions, 0);
    JsonObject *ada = json_array_get_object_element (json_object_get_array_member (b, "roster"), 0);

    g_assert_true (json_object_has_member (b, "phase_log"));
    g_assert_cmpstr (json_object_get_string_member (ada, "linkedin"), ==, "x");
  }

  /* Read again, the same is found and the same is still unreadable. */
  g_assert_true (mix_session_log_load_json (again, saved, &n_skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_skipped, ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 3);
  g_assert_cmpstr (id_at (again, 2), ==, "a");
  g_assert_cmpuint (mix_session_log_get_n_goals (again), ==, 2);
  g_assert_true (mix_session_log_find_goal (again, "g1")->done);
}

/* Saving a log read from a file loses nothing, even after changes. */
static void
test_save_without_loss (void)
{
  static const char *text =
    "{\"sessions\":[{\"id\":\"s1\",\"started\":\"2026-11-28T17:00:00Z\","
    "\"finished\":\"2026-11-28T17:31:00Z\",\"leader_questions\":[1],\"topic\":\"messaging\","
    "\"prompt_checks\":[0],\"notes\":{\"introductions\":\"a\",\"leaders-share\":\"b\","
    "\"group-discussion\":\"c\",\"close-out\":\"d\"},"
    "\"roster\":[{\"name\":\"Ada\",\"pronouns\":\"she/her\",\"program\":\"back-end\","
    "\"cohort\":\"2511\",\"module\":4,\"confidence\":2,\"leader\":true}],"
    "\"goal\":{\"text\":\"Two chats\",\"due\":\"2026-12-12\",\"buddy\":\"Ada\"},"
    "\"timer\":{\"phase\":3},\"future\":[true]}],"
    "\"goals\":[{\"id\":\"g1\",\"text\":\"Two chats\",\"due\":\"2026-12-12\",\"buddy\":\"Ada\","
    "\"created\":\"2026-11-28T17:31:00Z\",\"done\":false,\"session_id\":\"s1\"}]}";
  g_autoptr(JsonNode) node = parse (text);
  g_autoptr(JsonNode) original = parse (text);
  g_autoptr(MixSessionLog) log = mix_session_log_new ();
  g_autoptr(MixSessionRecord) added = finished_session ("s2", "2026-12-05T17:31:00Z", "Apply");
  g_autoptr(GError) error = NULL;
  JsonObject *root = json_node_get_object (node);
  JsonArray *sessions;
  JsonArray *goals;
  guint n_skipped;

  /* The store saves into the document it read; other members stay. */
  g_assert_true (mix_session_log_load_json (log, root, &n_skipped, &error));
  g_assert_cmpuint (n_skipped, ==, 0);
  json_object_set_string_member (root, "format", "mix-it-up/sessions");
  mix_session_log_save_json (log, root);
  json_object_set_string_member (json_node_get_object (original), "format", "mix-it-up/sessions");
  g_assert_true (json_node_equal (node, original));

  mix_session_log_add_finished (log, added);
  g_assert_true (mix_session_log_set_goal_done (log, "g1", TRUE));
  mix_session_log_save_json (log, root);
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "mix-it-up/sessions");
  sessions = json_object_get_array_member (root, "sessions");
  goals = json_object_get_array_member (root, "goals");
  g_assert_cmpuint (json_array_get_length (sessions), ==, 2);
  g_assert_cmpuint (json_array_get_length (goals), ==, 2);
  g_assert_true (json_node_equal (
    json_array_get_element (sessions, 1),
    json_array_get_element (json_object_get_array_member (json_node_get_object (original),
                                                          "sessions"), 0)));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (sessions, 0), "id"),
                   ==, "s2");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (goals, 0), "text"),
                   ==, "Apply");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (goals, 0),
                                                  "session_id"), ==, "s2");
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (goals, 1), "done"));
}

/* Lists that are not lists are refused as damaged and change nothing. */
static void
test_load_refused (void)
{
  static const char *bad[] = {
    "{\"sessions\":{}}",
    "{\"sessions\":null}",
    "{\"sessions\":[],\"goals\":\"none\"}",
  };
  g_autoptr(MixSessionLog) log = mix_session_log_new ();
  g_autoptr(MixSessionRecord) record = finished_session ("kept", "2026-11-01T17:30:00Z", "Goal");
  guint changes = 0;

  mix_session_log_add_finished (log, record);
  g_signal_connect (log, "changed", G_CALLBACK (count_changes), &changes);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = parse (bad[i]);
      g_autoptr(GError) error = NULL;
      guint n_skipped = 99;

      g_test_message ("document %s", bad[i]);
      g_assert_false (mix_session_log_load_json (log, json_node_get_object (node), &n_skipped,
                                                 &error));
      g_assert_error (error, MIX_ERROR, MIX_ERROR_DAMAGED);
      g_assert_cmpuint (n_skipped, ==, 0);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 1);
      g_assert_cmpuint (mix_session_log_get_n_goals (log), ==, 1);
    }
  g_assert_cmpuint (changes, ==, 0);

  /* A document without sessions or goals is an empty log. */
  {
    g_autoptr(JsonNode) node = parse ("{}");
    g_autoptr(GError) error = NULL;
    guint n_skipped = 99;

    g_assert_true (mix_session_log_load_json (log, json_node_get_object (node), &n_skipped,
                                              &error));
    g_assert_cmpuint (n_skipped, ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 0);
    g_assert_cmpuint (mix_session_log_get_n_goals (log), ==, 0);
  }

  /* The record is no longer the log's: its changes are not the log's. */
  mix_session_record_set_notes (record, MIX_PHASE_CLOSE_OUT, "After");
  g_assert_cmpuint (changes, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/session-log/add-finished", test_add_finished);
  g_test_add_func ("/session-log/goal-from-session", test_goal_from_session);
  g_test_add_func ("/session-log/goal-done", test_goal_done);
  g_test_add_func ("/session-log/goals-of-each-person", test_goals_of_each_person);
  g_test_add_func ("/session-log/json/round-trip", test_json_round_trip);
  g_test_add_func ("/session-log/json/save-without-loss", test_save_without_loss);
  g_test_add_func ("/session-log/json/refused", test_load_refused);

  return g_test_run ();
}
