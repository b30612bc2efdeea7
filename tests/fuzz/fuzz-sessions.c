/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fuzz-common.h"
#include "mix-json.h"
#include "mix-session-log.h"
#include "mix-session-record.h"
#include "mix-timer.h"

/*
 * sessions.json as MixStore reads it: the safe parse and the store's checks,
 * then load_sessions() of mix-store.c (mix_session_log_load_json() and the
 * session in progress with mix_session_record_new_from_json()), the timer
 * state the Session page restores, and the document the store would save
 * (save_sessions()), which must read back the same. A document the checks
 * accept also goes through a real MixStore on disk.
 */

/* Fixed clocks, so that a run does not depend on the time of day. */
#define FUZZ_MONOTONIC 1000000000000
#define FUZZ_WALL      1795894993008502

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

static gint64
fixed_clock (gpointer user_data)
{
  return GPOINTER_TO_SIZE (user_data) == 0 ? FUZZ_MONOTONIC : FUZZ_WALL;
}

typedef struct
{
  MixSessionLog    *log;
  MixSessionRecord *current;   /* nullable */
  guint             n_skipped;
} Sessions;

static void
sessions_clear (Sessions *sessions)
{
  g_clear_object (&sessions->log);
  g_clear_object (&sessions->current);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Sessions, sessions_clear)

/* load_sessions() in mix-store.c. */
static gboolean
load (Sessions    *sessions,
      JsonObject  *root,
      GError     **error)
{
  JsonNode *current = json_object_get_member (root, "current");
  guint log_skipped = 0;

  sessions->log = mix_session_log_new ();
  sessions->n_skipped = 0;
  if (!mix_session_log_load_json (sessions->log, root, &log_skipped, error))
    return FALSE;
  sessions->n_skipped = log_skipped;

  if (current == NULL || JSON_NODE_HOLDS_NULL (current))
    return TRUE;

  sessions->current = mix_session_record_new_from_json (current, NULL);
  if (sessions->current == NULL)
    sessions->n_skipped++;
  return TRUE;
}

/* The Session page restores the timer of the session in progress. */
static void
restore_timer (MixSessionRecord *record)
{
  JsonNode *state = mix_session_record_get_timer_state (record);
  g_autoptr(MixTimer) timer = NULL;
  g_autoptr(JsonNode) saved = NULL;

  if (state == NULL)
    return;

  timer = mix_timer_new ();
  mix_timer_set_clock (timer, fixed_clock, GSIZE_TO_POINTER (0), NULL);
  mix_timer_set_wall_clock (timer, fixed_clock, GSIZE_TO_POINTER (1), NULL);
  if (!mix_timer_restore_state (timer, state, NULL))
    return;

  mix_timer_update (timer);
  mix_timer_get_remaining (timer);
  mix_timer_get_phase_fraction (timer);
  mix_timer_get_session_fraction (timer);
  mix_timer_get_time_to_next_change (timer);
  mix_timer_get_phase_log (timer);
  g_free (mix_timer_format_remaining (mix_timer_get_remaining (timer)));
  saved = mix_timer_save_state (timer);
  mix_session_record_set_timer_state (record, saved);
}

/* build_document() with save_sessions() of mix-store.c. */
static char *
save (Sessions   *sessions,
      JsonObject *old,
      gsize      *length)
{
  g_autoptr(JsonObject) root = fuzz_copy_document (MIX_DOMAIN_SESSIONS, old);
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonNode *current = json_object_get_member (root, "current");

  mix_session_log_save_json (sessions->log, root);
  if (sessions->current != NULL)
    {
      if (current != NULL && !JSON_NODE_HOLDS_NULL (current) &&
          !json_object_has_member (root, "unreadable_current"))
        {
          g_autoptr(MixSessionRecord) readable = mix_session_record_new_from_json (current, NULL);

          if (readable == NULL)
            json_object_set_member (root, "unreadable_current", json_node_ref (current));
        }
      json_object_set_member (root, "current", mix_session_record_to_json (sessions->current));
    }

  json_node_set_object (node, root);
  return mix_json_to_data (node, length);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(JsonObject) again = NULL;
  g_auto(Sessions) sessions = { NULL, };
  g_auto(Sessions) reread = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  gsize saved_length = 0;
  gsize saved_again_length = 0;
  gboolean newer = FALSE;
  guint n_sessions;

  root = fuzz_read_document (MIX_DOMAIN_SESSIONS, (const char *) data, size, &newer);
  if (root == NULL)
    return 0;

  if (newer)
    {
      load (&sessions, root, NULL);
      return 0;
    }
  if (!load (&sessions, root, &error))
    return 0;

  /* What the pages ask of what was read. */
  n_sessions = g_list_model_get_n_items (G_LIST_MODEL (sessions.log));
  for (guint i = 0; i < n_sessions; i++)
    {
      g_autoptr(MixSessionRecord) record = g_list_model_get_item (G_LIST_MODEL (sessions.log), i);

      mix_session_record_get_average_confidence (record);
      mix_session_record_count_leader_questions (record);
      mix_session_log_find_session (sessions.log, mix_session_record_get_id (record));
    }
  for (guint i = 0; i < mix_session_log_get_n_goals (sessions.log); i++)
    mix_session_log_find_goal (sessions.log, mix_session_log_get_goal (sessions.log, i)->id);
  if (sessions.current != NULL)
    restore_timer (sessions.current);

  saved = save (&sessions, root, &saved_length);
  again = fuzz_reread_document (MIX_DOMAIN_SESSIONS, saved, saved_length);

  if (!load (&reread, again, &error))
    fuzz_fail ("the saved sessions are refused: %s", error->message);
  if (reread.n_skipped != sessions.n_skipped ||
      g_list_model_get_n_items (G_LIST_MODEL (reread.log)) != n_sessions ||
      mix_session_log_get_n_goals (reread.log) != mix_session_log_get_n_goals (sessions.log) ||
      (reread.current == NULL) != (sessions.current == NULL))
    fuzz_fail ("the saved sessions read back differently (%u unreadable before, %u after)",
               sessions.n_skipped, reread.n_skipped);

  saved_again = save (&reread, again, &saved_again_length);
  fuzz_check_same_document (saved, saved_length, saved_again, saved_again_length);

  fuzz_store_round_trip (MIX_DOMAIN_SESSIONS, (const char *) data, size);

  return 0;
}
