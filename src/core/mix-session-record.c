/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mix-date.h"
#include "mix-error.h"
#include "mix-session-record.h"

/**
 * MixSessionRecord:
 *
 * What a group chose and wrote during a circle: the leader's questions
 * (one or two, never more), the discussion topic and which of its
 * activities were done, and notes for each phase. Members of the stored
 * object this version does not know are kept and written back.
 *
 * #MixSessionRecord::changed is emitted on every change that is saved.
 */
struct _MixSessionRecord
{
  GObject     parent_instance;

  char       *id;
  char       *started;
  guint       leader_questions;  /* bit i: question i picked */
  char       *topic;             /* nullable */
  guint64     activities;        /* bit i: activity i of the topic done */
  char       *notes[MIX_N_PHASES];
  JsonObject *unknown;           /* nullable */
};

G_DEFINE_FINAL_TYPE (MixSessionRecord, mix_session_record, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
mix_session_record_finalize (GObject *object)
{
  MixSessionRecord *self = MIX_SESSION_RECORD (object);

  g_free (self->id);
  g_free (self->started);
  g_free (self->topic);
  for (guint p = 0; p < MIX_N_PHASES; p++)
    g_free (self->notes[p]);
  g_clear_pointer (&self->unknown, json_object_unref);

  G_OBJECT_CLASS (mix_session_record_parent_class)->finalize (object);
}

static void
mix_session_record_class_init (MixSessionRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mix_session_record_finalize;

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
mix_session_record_init (MixSessionRecord *self)
{
}

MixSessionRecord *
mix_session_record_new (void)
{
  MixSessionRecord *self = g_object_new (MIX_TYPE_SESSION_RECORD, NULL);

  self->id = g_uuid_string_random ();
  self->started = mix_timestamp_now ();
  return self;
}

static void
changed (MixSessionRecord *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static const char * const notes_keys[MIX_N_PHASES] = {
  "introductions", "leaders-share", "group-discussion", "close-out"
};

static gboolean
refuse (GError     **error,
        const char  *what)
{
  g_set_error (error, MIX_ERROR, MIX_ERROR_DAMAGED, "%s", what);
  return FALSE;
}

static guint
count_bits (guint64 bits)
{
  guint n = 0;

  for (; bits != 0; bits &= bits - 1)
    n++;
  return n;
}

static gboolean
read_indices (JsonNode *node,
              guint     limit,
              guint64  *bits)
{
  JsonArray *array;

  *bits = 0;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gint64 index;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_INT64)
        return FALSE;
      index = json_node_get_int (element);
      if (index < 0 || index >= (gint64) limit)
        return FALSE;
      *bits |= G_GUINT64_CONSTANT (1) << index;
    }
  return TRUE;
}

/**
 * mix_session_record_new_from_json:
 *
 * Reads a session as stored in `sessions.json`. One with members of the
 * wrong types is refused, so the caller can keep it aside unchanged.
 *
 * Returns: (transfer full) (nullable): the session
 */
MixSessionRecord *
mix_session_record_new_from_json (JsonNode  *node,
                                  GError   **error)
{
  g_autoptr(MixSessionRecord) self = NULL;
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;
  guint n_questions = 0;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      refuse (error, "the session is not an object");
      return NULL;
    }

  while (mix_guide_get_leader_questions ()[n_questions] != NULL)
    n_questions++;

  self = g_object_new (MIX_TYPE_SESSION_RECORD, NULL);
  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &member, &value))
    {
      gboolean is_string = JSON_NODE_HOLDS_VALUE (value) &&
                           json_node_get_value_type (value) == G_TYPE_STRING;

      if (g_str_equal (member, "id") || g_str_equal (member, "started") ||
          g_str_equal (member, "topic"))
        {
          if (JSON_NODE_HOLDS_NULL (value) && g_str_equal (member, "topic"))
            continue;
          if (!is_string)
            {
              refuse (error, "a session's id, start or topic is not text");
              return NULL;
            }
          if (g_str_equal (member, "id"))
            self->id = g_strdup (json_node_get_string (value));
          else if (g_str_equal (member, "started"))
            self->started = g_strdup (json_node_get_string (value));
          else if (mix_guide_find_topic (json_node_get_string (value)) != NULL)
            self->topic = g_strdup (json_node_get_string (value));
        }
      else if (g_str_equal (member, "leader_questions"))
        {
          guint64 bits;

          if (!read_indices (value, n_questions, &bits) ||
              count_bits (bits) > MIX_GUIDE_MAX_LEADER_QUESTIONS)
            {
              refuse (error, "the leader questions are not one or two of the guide's");
              return NULL;
            }
          self->leader_questions = (guint) bits;
        }
      else if (g_str_equal (member, "prompt_checks"))
        {
          if (!read_indices (value, 64, &self->activities))
            {
              refuse (error, "the checked activities are not a list of numbers");
              return NULL;
            }
        }
      else if (g_str_equal (member, "notes"))
        {
          JsonObject *notes;

          if (!JSON_NODE_HOLDS_OBJECT (value))
            {
              refuse (error, "the notes are not an object");
              return NULL;
            }
          notes = json_node_get_object (value);
          for (guint p = 0; p < MIX_N_PHASES; p++)
            {
              JsonNode *text = json_object_get_member (notes, notes_keys[p]);

              if (text == NULL || JSON_NODE_HOLDS_NULL (text))
                continue;
              if (!JSON_NODE_HOLDS_VALUE (text) || json_node_get_value_type (text) != G_TYPE_STRING)
                {
                  refuse (error, "a phase's notes are not text");
                  return NULL;
                }
              self->notes[p] = g_strdup (json_node_get_string (text));
            }
        }
      else
        {
          if (self->unknown == NULL)
            self->unknown = json_object_new ();
          json_object_set_member (self->unknown, member, json_node_copy (value));
        }
    }

  if (self->id == NULL)
    self->id = g_uuid_string_random ();
  if (self->started == NULL)
    self->started = mix_timestamp_now ();
  return g_steal_pointer (&self);
}

static void
add_indices (JsonBuilder *builder,
             const char  *member,
             guint64      bits)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < 64; i++)
    if (bits & (G_GUINT64_CONSTANT (1) << i))
      json_builder_add_int_value (builder, i);
  json_builder_end_array (builder);
}

/**
 * mix_session_record_to_json:
 *
 * Returns: (transfer full): the session as stored in `sessions.json`
 */
JsonNode *
mix_session_record_to_json (MixSessionRecord *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  g_return_val_if_fail (MIX_IS_SESSION_RECORD (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, self->id);
  json_builder_set_member_name (builder, "started");
  json_builder_add_string_value (builder, self->started);
  add_indices (builder, "leader_questions", self->leader_questions);
  json_builder_set_member_name (builder, "topic");
  if (self->topic != NULL)
    json_builder_add_string_value (builder, self->topic);
  else
    json_builder_add_null_value (builder);
  add_indices (builder, "prompt_checks", self->activities);
  json_builder_set_member_name (builder, "notes");
  json_builder_begin_object (builder);
  for (guint p = 0; p < MIX_N_PHASES; p++)
    {
      json_builder_set_member_name (builder, notes_keys[p]);
      json_builder_add_string_value (builder, self->notes[p] ? self->notes[p] : "");
    }
  json_builder_end_object (builder);

  if (self->unknown != NULL)
    {
      json_object_iter_init (&iter, self->unknown);
      while (json_object_iter_next (&iter, &member, &value))
        {
          json_builder_set_member_name (builder, member);
          json_builder_add_value (builder, json_node_copy (value));
        }
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

const char *
mix_session_record_get_id (MixSessionRecord *self)
{
  g_return_val_if_fail (MIX_IS_SESSION_RECORD (self), NULL);
  return self->id;
}

gboolean
mix_session_record_get_leader_question (MixSessionRecord *self,
                                        guint             index)
{
  g_return_val_if_fail (MIX_IS_SESSION_RECORD (self), FALSE);
  return index < 32 && (self->leader_questions & (1u << index)) != 0;
}

guint
mix_session_record_count_leader_questions (MixSessionRecord *self)
{
  g_return_val_if_fail (MIX_IS_SESSION_RECORD (self), 0);
  return count_bits (self->leader_questions);
}

/**
 * mix_session_record_set_leader_question:
 *
 * Picks or unpicks a leader question. The guide has the leader choose one
 * or two: a third is refused.
 *
 * Returns: %TRUE if the question is now as asked
 */
gboolean
mix_session_record_set_leader_question (MixSessionRecord *self,
                                        guint             index,
                                        gboolean          picked)
{
  guint bit;

  g_return_val_if_fail (MIX_IS_SESSION_RECORD (self), FALSE);
  g_return_val_if_fail (index < 32, FALSE);

  bit = 1u << index;
  if (!!(self->leader_questions & bit) == !!picked)
    return TRUE;
  if (picked && mix_session_record_count_leader_questions (self) >= MIX_GUIDE_MAX_LEADER_QUESTIONS)
    return FALSE;

  self->leader_questions ^= bit;
  changed (self);
  return TRUE;
}

const char *
mix_session_record_get_topic (MixSessionRecord *self)
{
  g_return_val_if_fail (MIX_IS_SESSION_RECORD (self), NULL);
  return self->topic;
}

/**
 * mix_session_record_set_topic:
 *
 * Chooses the discussion topic; the checked activities belong to the
 * topic, so they start afresh with another one.
 */
void
mix_session_record_set_topic (MixSessionRecord *self,
                              const char       *topic_id)
{
  g_return_if_fail (MIX_IS_SESSION_RECORD (self));
  g_return_if_fail (topic_id == NULL || mix_guide_find_topic (topic_id) != NULL);

  if (g_strcmp0 (self->topic, topic_id) == 0)
    return;
  g_free (self->topic);
  self->topic = g_strdup (topic_id);
  self->activities = 0;
  changed (self);
}

gboolean
mix_session_record_get_activity (MixSessionRecord *self,
                                 guint             index)
{
  g_return_val_if_fail (MIX_IS_SESSION_RECORD (self), FALSE);
  return index < 64 && (self->activities & (G_GUINT64_CONSTANT (1) << index)) != 0;
}

void
mix_session_record_set_activity (MixSessionRecord *self,
                                 guint             index,
                                 gboolean          done)
{
  guint64 bit;

  g_return_if_fail (MIX_IS_SESSION_RECORD (self));
  g_return_if_fail (index < 64);

  bit = G_GUINT64_CONSTANT (1) << index;
  if (!!(self->activities & bit) == !!done)
    return;
  self->activities ^= bit;
  changed (self);
}

const char *
mix_session_record_get_notes (MixSessionRecord *self,
                              MixPhase          phase)
{
  g_return_val_if_fail (MIX_IS_SESSION_RECORD (self), NULL);
  g_return_val_if_fail (phase < MIX_N_PHASES, NULL);
  return self->notes[phase] ? self->notes[phase] : "";
}

void
mix_session_record_set_notes (MixSessionRecord *self,
                              MixPhase          phase,
                              const char       *notes)
{
  g_return_if_fail (MIX_IS_SESSION_RECORD (self));
  g_return_if_fail (phase < MIX_N_PHASES);

  if (g_strcmp0 (mix_session_record_get_notes (self, phase), notes ? notes : "") == 0)
    return;
  g_free (self->notes[phase]);
  self->notes[phase] = g_strdup (notes);
  changed (self);
}
