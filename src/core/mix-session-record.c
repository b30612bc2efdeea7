/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mix-date.h"
#include "mix-error.h"
#include "mix-session-record.h"

/**
 * MixSessionRecord:
 *
 * What a group chose and wrote during a circle: the roster of people
 * introduced, the leader's questions (one or two, never more), the
 * discussion topic and which of its activities were done, notes for each
 * phase, each person's networking goal with its due date and
 * accountability buddy (and the one goal of the group that earlier
 * versions kept), and the timer's state, kept as the timer gives it. Members of the stored
 * object this version does not know are kept and written back, also those
 * of each person and of the goal.
 *
 * #MixSessionRecord::changed is emitted on every change that is saved.
 */

/* A person on the roster, with what this version does not know of them. */
typedef struct _MixRosterEntry
{
  MixPerson   person;            /* first: handed out as a MixPerson */
  JsonObject *unknown;           /* nullable */
} Member;

struct _MixSessionRecord
{
  GObject     parent_instance;

  char       *id;
  char       *started;
  char       *finished;          /* nullable: in progress */
  char       *modified;          /* nullable: never changed since made, or by an older version */
  guint       leader_questions;  /* bit i: question i picked */
  char       *topic;             /* nullable */
  guint64     activities;        /* bit i: activity i of the topic done */
  char       *notes[MIX_N_PHASES];
  GPtrArray  *roster;            /* Member */
  char       *goal_text;         /* nullable */
  char       *goal_due;          /* nullable, else YYYY-MM-DD */
  char       *buddy;             /* nullable */
  JsonObject *goal_unknown;      /* nullable */
  JsonNode   *timer;             /* nullable, an object */
  JsonObject *unknown;           /* nullable */
};

G_DEFINE_BOXED_TYPE (MixPerson, mix_person, mix_person_copy, mix_person_free)

/**
 * mix_person_new:
 * @name: (nullable): the person's name
 *
 * Returns: (transfer full): a person with only a name, and nothing said
 */
MixPerson *
mix_person_new (const char *name)
{
  MixPerson *person = g_new0 (MixPerson, 1);

  person->name = g_strdup (name);
  return person;
}

MixPerson *
mix_person_copy (const MixPerson *person)
{
  MixPerson *copy;

  g_return_val_if_fail (person != NULL, NULL);

  copy = g_new0 (MixPerson, 1);
  copy->name = g_strdup (person->name);
  copy->pronouns = g_strdup (person->pronouns);
  copy->program = g_strdup (person->program);
  copy->cohort = g_strdup (person->cohort);
  copy->module = person->module;
  copy->confidence = person->confidence;
  copy->leader = person->leader;
  copy->goal = g_strdup (person->goal);
  copy->goal_due = g_strdup (person->goal_due);
  copy->buddy = g_strdup (person->buddy);
  return copy;
}

static void
person_clear (MixPerson *person)
{
  g_clear_pointer (&person->name, g_free);
  g_clear_pointer (&person->pronouns, g_free);
  g_clear_pointer (&person->program, g_free);
  g_clear_pointer (&person->cohort, g_free);
  g_clear_pointer (&person->goal, g_free);
  g_clear_pointer (&person->goal_due, g_free);
  g_clear_pointer (&person->buddy, g_free);
}

void
mix_person_free (MixPerson *person)
{
  if (person == NULL)
    return;
  person_clear (person);
  g_free (person);
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

/**
 * mix_person_equal:
 *
 * Text that is %NULL and text that is empty are the same.
 *
 * Returns: whether @a and @b say the same of a person
 */
gboolean
mix_person_equal (const MixPerson *a,
                  const MixPerson *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_str_equal (or_empty (a->name), or_empty (b->name)) &&
         g_str_equal (or_empty (a->pronouns), or_empty (b->pronouns)) &&
         g_str_equal (or_empty (a->program), or_empty (b->program)) &&
         g_str_equal (or_empty (a->cohort), or_empty (b->cohort)) &&
         a->module == b->module &&
         a->confidence == b->confidence &&
         !!a->leader == !!b->leader &&
         g_str_equal (or_empty (a->goal), or_empty (b->goal)) &&
         g_str_equal (or_empty (a->goal_due), or_empty (b->goal_due)) &&
         g_str_equal (or_empty (a->buddy), or_empty (b->buddy));
}

/**
 * mix_person_has_goal:
 *
 * Returns: whether the person set a goal: its text is more than space
 */
gboolean
mix_person_has_goal (const MixPerson *person)
{
  g_return_val_if_fail (person != NULL, FALSE);

  for (const char *c = or_empty (person->goal); *c != '\0'; c++)
    if (!g_ascii_isspace (*c))
      return TRUE;
  return FALSE;
}

static void
member_free (Member *member)
{
  person_clear (&member->person);
  g_clear_pointer (&member->unknown, json_object_unref);
  g_free (member);
}

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
  g_free (self->finished);
  g_free (self->modified);
  g_free (self->topic);
  for (guint p = 0; p < MIX_N_PHASES; p++)
    g_free (self->notes[p]);
  g_clear_pointer (&self->roster, g_ptr_array_unref);
  g_free (self->goal_text);
  g_free (self->goal_due);
  g_free (self->buddy);
  g_clear_pointer (&self->goal_unknown, json_object_unref);
  g_clear_pointer (&self->timer, json_node_unref);
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
  self->roster = g_ptr_array_new_with_free_func ((GDestroyNotify) member_free);
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
  char *modified = mix_timestamp_after (self->modified != NULL ? self->modified : self->started);

  g_free (self->modified);
  self->modified = modified;
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

/* Copies @node and everything in it, so that no object or array is shared
 * with the caller's. */
static JsonNode *
deep_copy (JsonNode *node)
{
  JsonNode *copy;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_object_new ();
        JsonObjectIter iter;
        const char *member;
        JsonNode *value;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, &member, &value))
          json_object_set_member (object, member, deep_copy (value));
        copy = json_node_init_object (json_node_alloc (), object);
        json_object_unref (object);
        return copy;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *source = json_node_get_array (node);
        JsonArray *array = json_array_sized_new (json_array_get_length (source));

        for (guint i = 0; i < json_array_get_length (source); i++)
          json_array_add_element (array, deep_copy (json_array_get_element (source, i)));
        copy = json_node_init_array (json_node_alloc (), array);
        json_array_unref (array);
        return copy;
      }

    case JSON_NODE_VALUE:
      {
        g_auto(GValue) value = G_VALUE_INIT;

        json_node_get_value (node, &value);
        copy = json_node_new (JSON_NODE_VALUE);
        json_node_set_value (copy, &value);
        return copy;
      }

    case JSON_NODE_NULL:
    default:
      return json_node_new (JSON_NODE_NULL);
    }
}

static void
keep_unknown (JsonObject **unknown,
              const char  *member,
              JsonNode    *value)
{
  if (*unknown == NULL)
    *unknown = json_object_new ();
  json_object_set_member (*unknown, member, json_node_copy (value));
}

static void
add_unknown (JsonBuilder *builder,
             JsonObject  *unknown)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  if (unknown == NULL)
    return;
  json_object_iter_init (&iter, unknown);
  while (json_object_iter_next (&iter, &member, &value))
    {
      json_builder_set_member_name (builder, member);
      json_builder_add_value (builder, json_node_copy (value));
    }
}

/* Text or null (read as %NULL); anything else is refused. */
static gboolean
read_text (JsonNode  *node,
           char     **text)
{
  g_assert (*text == NULL);

  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  *text = g_strdup (json_node_get_string (node));
  return TRUE;
}

/* A whole number from 0 to @max, or null (read as 0). */
static gboolean
read_count (JsonNode *node,
            guint     max,
            guint    *count)
{
  gint64 value;

  *count = 0;
  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  value = json_node_get_int (node);
  if (value < 0 || value > (gint64) max)
    return FALSE;
  *count = (guint) value;
  return TRUE;
}

/* The person as it is kept: the name without surrounding space, and text
 * that was not given as the empty string. */
static void
person_init_normalized (MixPerson       *person,
                        const MixPerson *from)
{
  person->name = g_strstrip (g_strdup (or_empty (from->name)));
  person->pronouns = g_strdup (or_empty (from->pronouns));
  person->program = g_strdup (or_empty (from->program));
  person->cohort = g_strdup (or_empty (from->cohort));
  person->module = from->module;
  person->confidence = from->confidence;
  person->leader = !!from->leader;
  person->goal = g_strdup (or_empty (from->goal));
  person->goal_due = g_strstrip (g_strdup (or_empty (from->goal_due)));
  if (*person->goal_due != '\0')
    {
      char *normalized = mix_date_normalize (person->goal_due);

      /* Checked by person_validate() first. */
      g_free (person->goal_due);
      person->goal_due = normalized != NULL ? normalized : g_strdup ("");
    }
  person->buddy = g_strstrip (g_strdup (or_empty (from->buddy)));
}

static gboolean
mix_person_has_name (const MixPerson *person)
{
  for (const char *c = or_empty (person->name); *c != '\0'; c++)
    if (!g_ascii_isspace (*c))
      return TRUE;
  return FALSE;
}

static gboolean
person_validate (const MixPerson  *person,
                 GError          **error)
{
  if (!mix_person_has_name (person))
    {
      g_set_error_literal (error, MIX_ERROR, MIX_ERROR_INVALID_VALUE,
                           _("Give the person’s name."));
      return FALSE;
    }
  if (person->module > MIX_PERSON_MAX_MODULE)
    {
      g_set_error (error, MIX_ERROR, MIX_ERROR_INVALID_VALUE,
                   _("The module must be from 1 to %u, or left unknown."),
                   MIX_PERSON_MAX_MODULE);
      return FALSE;
    }
  if (person->confidence > MIX_PERSON_MAX_CONFIDENCE)
    {
      g_set_error (error, MIX_ERROR, MIX_ERROR_INVALID_VALUE,
                   _("The confidence must be from 1 to %u, or left unsaid."),
                   MIX_PERSON_MAX_CONFIDENCE);
      return FALSE;
    }
  if (person->goal_due != NULL)
    {
      g_autofree char *due = g_strstrip (g_strdup (person->goal_due));
      g_autofree char *normalized = *due != '\0' ? mix_date_normalize (due) : NULL;

      if (*due != '\0' && normalized == NULL)
        {
          g_set_error (error, MIX_ERROR, MIX_ERROR_INVALID_VALUE,
                       _("“%s” is not a date. Write it as YYYY-MM-DD."), due);
          return FALSE;
        }
    }
  return TRUE;
}

static Member *
member_new (const MixPerson *person)
{
  Member *member = g_new0 (Member, 1);

  person_init_normalized (&member->person, person);
  return member;
}

/* A person as stored on the roster; one with members of the wrong types,
 * without a name, or with a module or confidence out of range is refused. */
static Member *
member_new_from_json (JsonNode  *node,
                      GError   **error)
{
  MixPerson read = { NULL, };
  g_autoptr(JsonObject) unknown = NULL;
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;
  gboolean ok = TRUE;
  Member *result = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      refuse (error, _("A person on the roster is not an object."));
      return NULL;
    }

  json_object_iter_init (&iter, json_node_get_object (node));
  while (ok && json_object_iter_next (&iter, &member, &value))
    {
      if (g_str_equal (member, "name"))
        ok = read_text (value, &read.name);
      else if (g_str_equal (member, "pronouns"))
        ok = read_text (value, &read.pronouns);
      else if (g_str_equal (member, "program"))
        ok = read_text (value, &read.program);
      else if (g_str_equal (member, "cohort"))
        ok = read_text (value, &read.cohort);
      else if (g_str_equal (member, "goal"))
        ok = read_text (value, &read.goal);
      else if (g_str_equal (member, "goal_due"))
        ok = read_text (value, &read.goal_due);
      else if (g_str_equal (member, "buddy"))
        ok = read_text (value, &read.buddy);
      else if (g_str_equal (member, "module"))
        ok = read_count (value, MIX_PERSON_MAX_MODULE, &read.module);
      else if (g_str_equal (member, "confidence"))
        ok = read_count (value, MIX_PERSON_MAX_CONFIDENCE, &read.confidence);
      else if (g_str_equal (member, "leader"))
        {
          if (JSON_NODE_HOLDS_NULL (value))
            read.leader = FALSE;
          else if (JSON_NODE_HOLDS_VALUE (value) &&
                   json_node_get_value_type (value) == G_TYPE_BOOLEAN)
            read.leader = json_node_get_boolean (value);
          else
            ok = FALSE;
        }
      else
        keep_unknown (&unknown, member, value);
    }

  if (!ok)
    refuse (error, _("A person on the roster has a member of the wrong type or out of range."));
  else if (!person_validate (&read, NULL))
    /* The module and confidence were read in range: the name is missing,
     * or the goal's date is not a date. */
    refuse (error, mix_person_has_name (&read)
                   ? _("A person’s goal on the roster has a due date that is not a date.")
                   : _("A person on the roster has no name."));
  else
    {
      result = member_new (&read);
      result->unknown = g_steal_pointer (&unknown);
    }
  person_clear (&read);
  return result;
}

static void
add_member (JsonBuilder *builder,
            Member      *member)
{
  const MixPerson *person = &member->person;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, person->name);
  json_builder_set_member_name (builder, "pronouns");
  json_builder_add_string_value (builder, person->pronouns);
  json_builder_set_member_name (builder, "program");
  json_builder_add_string_value (builder, person->program);
  json_builder_set_member_name (builder, "cohort");
  json_builder_add_string_value (builder, person->cohort);
  json_builder_set_member_name (builder, "module");
  json_builder_add_int_value (builder, person->module);
  json_builder_set_member_name (builder, "confidence");
  json_builder_add_int_value (builder, person->confidence);
  json_builder_set_member_name (builder, "leader");
  json_builder_add_boolean_value (builder, person->leader);
  /* Only when set: the roster of a circle without goals is written as an
   * earlier version wrote it. */
  if (*person->goal != '\0' || *person->goal_due != '\0' || *person->buddy != '\0')
    {
      json_builder_set_member_name (builder, "goal");
      json_builder_add_string_value (builder, person->goal);
      json_builder_set_member_name (builder, "goal_due");
      if (*person->goal_due != '\0')
        json_builder_add_string_value (builder, person->goal_due);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "buddy");
      json_builder_add_string_value (builder, person->buddy);
    }
  add_unknown (builder, member->unknown);
  json_builder_end_object (builder);
}

static gboolean
read_roster (MixSessionRecord  *self,
             JsonNode          *node,
             GError           **error)
{
  JsonArray *array;

  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return refuse (error, _("The roster is not a list."));

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      Member *member = member_new_from_json (json_array_get_element (array, i), error);

      if (member == NULL)
        return FALSE;
      g_ptr_array_add (self->roster, member);
    }
  return TRUE;
}

static gboolean
read_goal (MixSessionRecord  *self,
           JsonNode          *node,
           GError           **error)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return refuse (error, _("The session’s goal is not an object."));

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &member, &value))
    {
      if (g_str_equal (member, "text"))
        {
          if (!read_text (value, &self->goal_text))
            return refuse (error, _("The goal is not text."));
        }
      else if (g_str_equal (member, "buddy"))
        {
          if (!read_text (value, &self->buddy))
            return refuse (error, _("The accountability buddy is not text."));
        }
      else if (g_str_equal (member, "due"))
        {
          g_autofree char *due = NULL;

          if (!read_text (value, &due))
            return refuse (error, _("The goal’s due date is not text."));
          if (due != NULL && *due != '\0')
            {
              self->goal_due = mix_date_normalize (due);
              if (self->goal_due == NULL)
                return refuse (error, _("The goal’s due date is not a date."));
            }
        }
      else
        keep_unknown (&self->goal_unknown, member, value);
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
      refuse (error, _("The session is not an object."));
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

      if (g_str_equal (member, "modified"))
        {
          if (!is_string || !mix_timestamp_is_valid (json_node_get_string (value)))
            {
              refuse (error, _("A session’s time of change is not a time."));
              return NULL;
            }
          self->modified = g_strdup (json_node_get_string (value));
        }
      else if (g_str_equal (member, "id") || g_str_equal (member, "started") ||
          g_str_equal (member, "topic") || g_str_equal (member, "finished"))
        {
          if (JSON_NODE_HOLDS_NULL (value) &&
              (g_str_equal (member, "topic") || g_str_equal (member, "finished")))
            continue;
          if (!is_string)
            {
              refuse (error, _("A session’s id, start, end or topic is not text."));
              return NULL;
            }
          if (g_str_equal (member, "id"))
            self->id = g_strdup (json_node_get_string (value));
          else if (g_str_equal (member, "started"))
            self->started = g_strdup (json_node_get_string (value));
          else if (g_str_equal (member, "finished"))
            {
              if (!mix_timestamp_is_valid (json_node_get_string (value)))
                {
                  refuse (error, _("A session’s end is not a time."));
                  return NULL;
                }
              self->finished = g_strdup (json_node_get_string (value));
            }
          else if (mix_guide_find_topic (json_node_get_string (value)) != NULL)
            self->topic = g_strdup (json_node_get_string (value));
        }
      else if (g_str_equal (member, "leader_questions"))
        {
          guint64 bits;

          if (!read_indices (value, n_questions, &bits) ||
              count_bits (bits) > MIX_GUIDE_MAX_LEADER_QUESTIONS)
            {
              refuse (error, _("The leader questions are not one or two of the guide’s."));
              return NULL;
            }
          self->leader_questions = (guint) bits;
        }
      else if (g_str_equal (member, "prompt_checks"))
        {
          if (!read_indices (value, 64, &self->activities))
            {
              refuse (error, _("The checked activities are not a list of numbers."));
              return NULL;
            }
        }
      else if (g_str_equal (member, "notes"))
        {
          JsonObject *notes;

          if (!JSON_NODE_HOLDS_OBJECT (value))
            {
              refuse (error, _("The notes are not an object."));
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
                  refuse (error, _("A phase’s notes are not text."));
                  return NULL;
                }
              self->notes[p] = g_strdup (json_node_get_string (text));
            }
        }
      else if (g_str_equal (member, "roster"))
        {
          if (!read_roster (self, value, error))
            return NULL;
        }
      else if (g_str_equal (member, "goal"))
        {
          if (!read_goal (self, value, error))
            return NULL;
        }
      else if (g_str_equal (member, "timer"))
        {
          if (JSON_NODE_HOLDS_OBJECT (value))
            self->timer = deep_copy (value);
          else if (!JSON_NODE_HOLDS_NULL (value))
            {
              refuse (error, _("The timer’s state is not an object."));
              return NULL;
            }
        }
      else
        keep_unknown (&self->unknown, member, value);
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

  g_return_val_if_fail (MIX_IS_SESSION_RECORD (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, self->id);
  json_builder_set_member_name (builder, "started");
  json_builder_add_string_value (builder, self->started);
  if (self->finished != NULL)
    {
      json_builder_set_member_name (builder, "finished");
      json_builder_add_string_value (builder, self->finished);
    }
  if (self->modified != NULL)
    {
      json_builder_set_member_name (builder, "modified");
      json_builder_add_string_value (builder, self->modified);
    }
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

  json_builder_set_member_name (builder, "roster");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->roster->len; i++)
    add_member (builder, self->roster->pdata[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "goal");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, or_empty (self->goal_text));
  json_builder_set_member_name (builder, "due");
  if (self->goal_due != NULL)
    json_builder_add_string_value (builder, self->goal_due);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "buddy");
  json_builder_add_string_value (builder, or_empty (self->buddy));
  add_unknown (builder, self->goal_unknown);
  json_builder_end_object (builder);

  if (self->timer != NULL)
    {
      json_builder_set_member_name (builder, "timer");
      json_builder_add_value (builder, deep_copy (self->timer));
    }

  add_unknown (builder, self->unknown);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * mix_session_record_get_modified:
 *
 * Returns: when the session last changed: its start if it never did
 */
const char *
mix_session_record_get_modified (MixSessionRecord *self)
{
  g_return_val_if_fail (MIX_IS_SESSION_RECORD (self), NULL);
  return self->modified != NULL ? self->modified : self->started;
}

/**
 * mix_session_record_is_blank:
 *
 * Returns: %TRUE if nothing was entered in the session and its timer was
 *   never started or planned
 */
gboolean
mix_session_record_is_blank (MixSessionRecord *self)
{
  g_return_val_if_fail (MIX_IS_SESSION_RECORD (self), FALSE);

  for (guint p = 0; p < MIX_N_PHASES; p++)
    if (self->notes[p] != NULL && *self->notes[p] != '\0')
      return FALSE;
  return self->finished == NULL && self->leader_questions == 0 && self->topic == NULL &&
         self->activities == 0 && self->roster->len == 0 &&
         (self->goal_text == NULL || *self->goal_text == '\0') && self->goal_due == NULL &&
         (self->buddy == NULL || *self->buddy == '\0') && self->timer == NULL;
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

const char *
mix_session_record_get_started (MixSessionRecord *self)
{
  g_return_val_if_fail (MIX_IS_SESSION_RECORD (self), NULL);
  return self->started;
}

/**
 * mix_session_record_get_finished:
 *
 * Returns: (nullable): when the session was finished, as ISO 8601 UTC, or
 *   %NULL while it is in progress
 */
const char *
mix_session_record_get_finished (MixSessionRecord *self)
{
  g_return_val_if_fail (MIX_IS_SESSION_RECORD (self), NULL);
  return self->finished;
}

/**
 * mix_session_record_finish:
 *
 * Stamps the session as finished now. A session already finished keeps
 * the time it was first finished.
 */
void
mix_session_record_finish (MixSessionRecord *self)
{
  g_return_if_fail (MIX_IS_SESSION_RECORD (self));

  if (self->finished != NULL)
    return;
  self->finished = mix_timestamp_now ();
  changed (self);
}

/* Roster */

guint
mix_session_record_get_n_people (MixSessionRecord *self)
{
  g_return_val_if_fail (MIX_IS_SESSION_RECORD (self), 0);
  return self->roster->len;
}

/**
 * mix_session_record_get_person:
 *
 * Returns: (transfer none): the person at @index on the roster, valid until
 *   the roster changes; its text is never %NULL
 */
const MixPerson *
mix_session_record_get_person (MixSessionRecord *self,
                               guint             index)
{
  g_return_val_if_fail (MIX_IS_SESSION_RECORD (self), NULL);
  g_return_val_if_fail (index < self->roster->len, NULL);

  return &((Member *) self->roster->pdata[index])->person;
}

/**
 * mix_session_record_add_person:
 * @person: the person introduced; copied
 *
 * Adds someone to the end of the roster. The name is required (surrounding
 * space is removed); the module is 1 to 4 and the confidence 1 to 5, or 0
 * when not said. Anything else is refused with a sentence to show.
 *
 * Returns: %TRUE if the person was added
 */
gboolean
mix_session_record_add_person (MixSessionRecord  *self,
                               const MixPerson   *person,
                               GError           **error)
{
  g_return_val_if_fail (MIX_IS_SESSION_RECORD (self), FALSE);
  g_return_val_if_fail (person != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!person_validate (person, error))
    return FALSE;
  g_ptr_array_add (self->roster, member_new (person));
  changed (self);
  return TRUE;
}

/**
 * mix_session_record_update_person:
 * @person: what is now known of the person at @index; copied
 *
 * Replaces what the roster says of someone, checked as
 * mix_session_record_add_person() does. What this version does not know of
 * the person is kept.
 *
 * Returns: %TRUE if the person is now as given
 */
gboolean
mix_session_record_update_person (MixSessionRecord  *self,
                                  guint              index,
                                  const MixPerson   *person,
                                  GError           **error)
{
  Member *member;
  MixPerson normalized;
  gboolean same;

  g_return_val_if_fail (MIX_IS_SESSION_RECORD (self), FALSE);
  g_return_val_if_fail (index < self->roster->len, FALSE);
  g_return_val_if_fail (person != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!person_validate (person, error))
    return FALSE;

  member = self->roster->pdata[index];
  person_init_normalized (&normalized, person);
  same = mix_person_equal (&member->person, &normalized);
  /* Whoever had them as a buddy still has, under their new name. */
  if (!g_str_equal (member->person.name, normalized.name))
    for (guint i = 0; i < self->roster->len; i++)
      {
        Member *other = self->roster->pdata[i];

        if (i != index && g_str_equal (other->person.buddy, member->person.name))
          {
            g_free (other->person.buddy);
            other->person.buddy = g_strdup (normalized.name);
          }
      }
  person_clear (&member->person);
  member->person = normalized;
  if (!same)
    changed (self);
  return TRUE;
}

void
mix_session_record_remove_person (MixSessionRecord *self,
                                  guint             index)
{
  g_return_if_fail (MIX_IS_SESSION_RECORD (self));
  g_return_if_fail (index < self->roster->len);

  g_ptr_array_remove_index (self->roster, index);
  changed (self);
}

/**
 * mix_session_record_take_person:
 *
 * Takes the person at @index off the roster, all that is known of them
 * included, to be put back by mix_session_record_restore_person() (Undo).
 *
 * Returns: (transfer full): the person's entry
 */
MixRosterEntry *
mix_session_record_take_person (MixSessionRecord *self,
                                guint             index)
{
  MixRosterEntry *entry;

  g_return_val_if_fail (MIX_IS_SESSION_RECORD (self), NULL);
  g_return_val_if_fail (index < self->roster->len, NULL);

  entry = g_ptr_array_steal_index (self->roster, index);
  changed (self);
  return entry;
}

/**
 * mix_session_record_restore_person:
 * @entry: (transfer full): from mix_session_record_take_person()
 *
 * Puts a person taken off the roster back at @index (at the end if the
 * roster is shorter now).
 */
void
mix_session_record_restore_person (MixSessionRecord *self,
                                   guint             index,
                                   MixRosterEntry   *entry)
{
  g_return_if_fail (MIX_IS_SESSION_RECORD (self));
  g_return_if_fail (entry != NULL);

  g_ptr_array_insert (self->roster, (int) MIN (index, self->roster->len), entry);
  changed (self);
}

/**
 * mix_roster_entry_get_person:
 *
 * Returns: (transfer none): who @entry is
 */
const MixPerson *
mix_roster_entry_get_person (MixRosterEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);
  return &entry->person;
}

void
mix_roster_entry_free (MixRosterEntry *entry)
{
  if (entry != NULL)
    member_free (entry);
}

/**
 * mix_session_record_get_average_confidence:
 *
 * Returns: the group's average confidence about networking, over the
 *   people who said theirs, or -1 when nobody did
 */
double
mix_session_record_get_average_confidence (MixSessionRecord *self)
{
  guint sum = 0;
  guint n = 0;

  g_return_val_if_fail (MIX_IS_SESSION_RECORD (self), -1);

  for (guint i = 0; i < self->roster->len; i++)
    {
      const MixPerson *person = &((Member *) self->roster->pdata[i])->person;

      if (person->confidence > 0)
        {
          sum += person->confidence;
          n++;
        }
    }
  return n > 0 ? (double) sum / n : -1;
}

/**
 * mix_session_record_set_person_goal:
 * @goal: (nullable): what the person at @index will do
 * @due: (nullable): by when, a date as mix_date_parse() reads it, or
 *   %NULL or empty for none
 * @buddy: (nullable): who holds them to it
 *
 * Sets the goal someone of the group set in Close Out, the rest of what is
 * known of them kept. A due date that is not a date is refused with a
 * sentence to show, and nothing changes.
 *
 * Returns: %TRUE if the goal is now as given
 */
gboolean
mix_session_record_set_person_goal (MixSessionRecord  *self,
                                    guint              index,
                                    const char        *goal,
                                    const char        *due,
                                    const char        *buddy,
                                    GError           **error)
{
  g_autoptr(MixPerson) person = NULL;

  g_return_val_if_fail (MIX_IS_SESSION_RECORD (self), FALSE);
  g_return_val_if_fail (index < self->roster->len, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  person = mix_person_copy (mix_session_record_get_person (self, index));
  g_free (person->goal);
  person->goal = g_strdup (goal);
  g_free (person->goal_due);
  person->goal_due = g_strdup (due);
  g_free (person->buddy);
  person->buddy = g_strdup (buddy);
  return mix_session_record_update_person (self, index, person, error);
}

/**
 * mix_session_record_count_goals:
 *
 * Returns: how many of the group set a goal
 */
guint
mix_session_record_count_goals (MixSessionRecord *self)
{
  guint n = 0;

  g_return_val_if_fail (MIX_IS_SESSION_RECORD (self), 0);

  for (guint i = 0; i < self->roster->len; i++)
    if (mix_person_has_goal (&((Member *) self->roster->pdata[i])->person))
      n++;
  return n;
}

/* Close Out: the group's goal, as versions before goals for each person
 * kept it */

static gboolean
set_text (char       **field,
          const char  *text)
{
  if (g_strcmp0 (or_empty (*field), or_empty (text)) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (text);
  return TRUE;
}

/**
 * mix_session_record_get_goal_text:
 *
 * Returns: the networking goal the group set, or the empty string
 */
const char *
mix_session_record_get_goal_text (MixSessionRecord *self)
{
  g_return_val_if_fail (MIX_IS_SESSION_RECORD (self), NULL);
  return or_empty (self->goal_text);
}

void
mix_session_record_set_goal_text (MixSessionRecord *self,
                                  const char       *text)
{
  g_return_if_fail (MIX_IS_SESSION_RECORD (self));

  if (set_text (&self->goal_text, text))
    changed (self);
}

/**
 * mix_session_record_get_goal_due:
 *
 * Returns: (nullable): when the goal is due, as `YYYY-MM-DD`, or %NULL
 */
const char *
mix_session_record_get_goal_due (MixSessionRecord *self)
{
  g_return_val_if_fail (MIX_IS_SESSION_RECORD (self), NULL);
  return self->goal_due;
}

/**
 * mix_session_record_set_goal_due:
 * @due: (nullable): a date as mix_date_parse() reads it, or %NULL or empty
 *   for none
 *
 * Sets when the goal is due, kept as `YYYY-MM-DD`. Text that is not a date
 * is refused with a sentence to show, and the due date stays as it was.
 *
 * Returns: %TRUE if the due date is now as given
 */
gboolean
mix_session_record_set_goal_due (MixSessionRecord  *self,
                                 const char        *due,
                                 GError           **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (MIX_IS_SESSION_RECORD (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = g_strstrip (g_strdup (or_empty (due)));
  if (*stripped != '\0')
    {
      normalized = mix_date_normalize (stripped);
      if (normalized == NULL)
        {
          g_set_error (error, MIX_ERROR, MIX_ERROR_INVALID_VALUE,
                       _("“%s” is not a date. Write it as YYYY-MM-DD."), stripped);
          return FALSE;
        }
    }

  if (g_strcmp0 (self->goal_due, normalized) == 0)
    return TRUE;
  g_free (self->goal_due);
  self->goal_due = g_steal_pointer (&normalized);
  changed (self);
  return TRUE;
}

/**
 * mix_session_record_get_buddy:
 *
 * Returns: the accountability buddy, usually a name from the roster, or the
 *   empty string
 */
const char *
mix_session_record_get_buddy (MixSessionRecord *self)
{
  g_return_val_if_fail (MIX_IS_SESSION_RECORD (self), NULL);
  return or_empty (self->buddy);
}

void
mix_session_record_set_buddy (MixSessionRecord *self,
                              const char       *buddy)
{
  g_return_if_fail (MIX_IS_SESSION_RECORD (self));

  if (set_text (&self->buddy, buddy))
    changed (self);
}

/* Timer */

/**
 * mix_session_record_get_timer_state:
 *
 * Returns: (transfer none) (nullable): the timer's state as last given to
 *   mix_session_record_set_timer_state(); not to be changed
 */
JsonNode *
mix_session_record_get_timer_state (MixSessionRecord *self)
{
  g_return_val_if_fail (MIX_IS_SESSION_RECORD (self), NULL);
  return self->timer;
}

/**
 * mix_session_record_set_timer_state:
 * @state: (nullable): a JSON object the timer can be restored from, or
 *   %NULL for none; copied
 *
 * Keeps the timer's state with the session, as it is given: the plan and
 * the clock belong to the timer, which alone reads them.
 */
void
mix_session_record_set_timer_state (MixSessionRecord *self,
                                    JsonNode         *state)
{
  g_return_if_fail (MIX_IS_SESSION_RECORD (self));
  g_return_if_fail (state == NULL || JSON_NODE_HOLDS_OBJECT (state));

  if (self->timer == NULL && state == NULL)
    return;
  if (self->timer != NULL && state != NULL && json_node_equal (self->timer, state))
    return;
  g_clear_pointer (&self->timer, json_node_unref);
  if (state != NULL)
    self->timer = deep_copy (state);
  changed (self);
}
