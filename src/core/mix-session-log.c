/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mix-date.h"
#include "mix-error.h"
#include "mix-json.h"
#include "mix-session-log.h"

/**
 * MixSessionLog:
 *
 * The finished sessions of `sessions.json`, newest first, as a #GListModel
 * of #MixSessionRecord, and the networking goals set in them, newest first.
 *
 * Entries that cannot be read are kept as they were and written back after
 * the others, so nothing in the file is lost. Members of a goal this
 * version does not know are kept too.
 *
 * #MixSessionLog::changed is emitted on every change that is saved.
 */

/* A goal, with what this version does not know of it. */
typedef struct
{
  MixGoal     goal;              /* first: handed out as a MixGoal */
  char       *modified;          /* nullable: never changed, or by an older version */
  JsonObject *unknown;           /* nullable */
} GoalEntry;

struct _MixSessionLog
{
  GObject    parent_instance;

  GPtrArray *sessions;             /* MixSessionRecord, newest first */
  GPtrArray *goals;                /* GoalEntry, newest first */
  GPtrArray *unreadable_sessions;  /* JsonNode, as read */
  GPtrArray *unreadable_goals;     /* JsonNode, as read */
};

static void mix_session_log_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MixSessionLog, mix_session_log, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      mix_session_log_list_model_init))

G_DEFINE_BOXED_TYPE (MixGoal, mix_goal, mix_goal_copy, mix_goal_free)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

MixGoal *
mix_goal_copy (const MixGoal *goal)
{
  MixGoal *copy;

  g_return_val_if_fail (goal != NULL, NULL);

  copy = g_new0 (MixGoal, 1);
  copy->id = g_strdup (goal->id);
  copy->text = g_strdup (goal->text);
  copy->due = g_strdup (goal->due);
  copy->buddy = g_strdup (goal->buddy);
  copy->created = g_strdup (goal->created);
  copy->done = goal->done;
  copy->session_id = g_strdup (goal->session_id);
  copy->person = g_strdup (goal->person);
  return copy;
}

static void
goal_clear (MixGoal *goal)
{
  g_clear_pointer (&goal->id, g_free);
  g_clear_pointer (&goal->text, g_free);
  g_clear_pointer (&goal->due, g_free);
  g_clear_pointer (&goal->buddy, g_free);
  g_clear_pointer (&goal->created, g_free);
  g_clear_pointer (&goal->session_id, g_free);
  g_clear_pointer (&goal->person, g_free);
}

void
mix_goal_free (MixGoal *goal)
{
  if (goal == NULL)
    return;
  goal_clear (goal);
  g_free (goal);
}

static void
goal_entry_free (GoalEntry *entry)
{
  goal_clear (&entry->goal);
  g_free (entry->modified);
  g_clear_pointer (&entry->unknown, json_object_unref);
  g_free (entry);
}

/* GListModel */

static GType
mix_session_log_get_item_type (GListModel *model)
{
  return MIX_TYPE_SESSION_RECORD;
}

static guint
mix_session_log_get_n_items (GListModel *model)
{
  return MIX_SESSION_LOG (model)->sessions->len;
}

static gpointer
mix_session_log_get_item (GListModel *model,
                          guint       position)
{
  MixSessionLog *self = MIX_SESSION_LOG (model);

  if (position >= self->sessions->len)
    return NULL;
  return g_object_ref (self->sessions->pdata[position]);
}

static void
mix_session_log_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = mix_session_log_get_item_type;
  iface->get_n_items = mix_session_log_get_n_items;
  iface->get_item = mix_session_log_get_item;
}

/* GObject */

static void
on_record_changed_cb (MixSessionRecord *record,
                      MixSessionLog    *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
forget_sessions (MixSessionLog *self,
                 GPtrArray     *sessions)
{
  for (guint i = 0; i < sessions->len; i++)
    g_signal_handlers_disconnect_by_func (sessions->pdata[i], on_record_changed_cb, self);
}

static void
mix_session_log_dispose (GObject *object)
{
  MixSessionLog *self = MIX_SESSION_LOG (object);

  if (self->sessions != NULL)
    forget_sessions (self, self->sessions);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);

  G_OBJECT_CLASS (mix_session_log_parent_class)->dispose (object);
}

static void
mix_session_log_finalize (GObject *object)
{
  MixSessionLog *self = MIX_SESSION_LOG (object);

  g_clear_pointer (&self->goals, g_ptr_array_unref);
  g_clear_pointer (&self->unreadable_sessions, g_ptr_array_unref);
  g_clear_pointer (&self->unreadable_goals, g_ptr_array_unref);

  G_OBJECT_CLASS (mix_session_log_parent_class)->finalize (object);
}

static void
mix_session_log_class_init (MixSessionLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mix_session_log_dispose;
  object_class->finalize = mix_session_log_finalize;

  /**
   * MixSessionLog::changed:
   *
   * Something that is saved changed: a session was added or edited, or a
   * goal was added or marked done. Loading is not a change.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static GPtrArray *
new_node_array (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
}

static void
mix_session_log_init (MixSessionLog *self)
{
  self->sessions = g_ptr_array_new_with_free_func (g_object_unref);
  self->goals = g_ptr_array_new_with_free_func ((GDestroyNotify) goal_entry_free);
  self->unreadable_sessions = new_node_array ();
  self->unreadable_goals = new_node_array ();
}

MixSessionLog *
mix_session_log_new (void)
{
  return g_object_new (MIX_TYPE_SESSION_LOG, NULL);
}

/* Ordering */

/* Compares two ISO 8601 times, a missing or unreadable one being the
 * oldest. Negative when @a is later, so that sorting puts the newest
 * first. */
static int
compare_newest_first (const char *a,
                      const char *b)
{
  g_autoptr(GDateTime) ta = a != NULL ? g_date_time_new_from_iso8601 (a, NULL) : NULL;
  g_autoptr(GDateTime) tb = b != NULL ? g_date_time_new_from_iso8601 (b, NULL) : NULL;

  if (ta != NULL && tb != NULL)
    return g_date_time_compare (tb, ta);
  if (ta != NULL)
    return -1;
  if (tb != NULL)
    return 1;
  return 0;
}

/* A past session is placed by when it ended, or else when it started. */
static const char *
session_time (MixSessionRecord *record)
{
  const char *finished = mix_session_record_get_finished (record);

  return finished != NULL ? finished : mix_session_record_get_started (record);
}

static int
compare_sessions (gconstpointer a,
                  gconstpointer b)
{
  MixSessionRecord *ra = *(MixSessionRecord * const *) a;
  MixSessionRecord *rb = *(MixSessionRecord * const *) b;

  return compare_newest_first (session_time (ra), session_time (rb));
}

static int
compare_goals (gconstpointer a,
               gconstpointer b)
{
  const GoalEntry *ga = *(GoalEntry * const *) a;
  const GoalEntry *gb = *(GoalEntry * const *) b;

  return compare_newest_first (ga->goal.created, gb->goal.created);
}

/* Reading and writing */

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

static gboolean
read_goal_member (MixGoal    *goal,
                  const char *member,
                  JsonNode   *value,
                  gboolean   *known)
{
  *known = TRUE;
  if (g_str_equal (member, "id"))
    return read_text (value, &goal->id);
  if (g_str_equal (member, "text"))
    return read_text (value, &goal->text);
  if (g_str_equal (member, "buddy"))
    return read_text (value, &goal->buddy);
  if (g_str_equal (member, "session_id"))
    return read_text (value, &goal->session_id);
  if (g_str_equal (member, "person"))
    return read_text (value, &goal->person);
  if (g_str_equal (member, "created"))
    return read_text (value, &goal->created) &&
           (goal->created == NULL || mix_timestamp_is_valid (goal->created));
  if (g_str_equal (member, "due"))
    {
      g_autofree char *due = NULL;

      if (!read_text (value, &due))
        return FALSE;
      if (due == NULL || *due == '\0')
        return TRUE;
      goal->due = mix_date_normalize (due);
      return goal->due != NULL;
    }
  if (g_str_equal (member, "done"))
    {
      if (JSON_NODE_HOLDS_NULL (value))
        return TRUE;
      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_BOOLEAN)
        return FALSE;
      goal->done = json_node_get_boolean (value);
      return TRUE;
    }
  *known = FALSE;
  return TRUE;
}

/* A goal as stored; %NULL if it has members of the wrong types, or a due
 * date or creation time that is not one. */
static GoalEntry *
goal_entry_new_from_json (JsonNode *node)
{
  GoalEntry *entry;
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  entry = g_new0 (GoalEntry, 1);
  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &member, &value))
    {
      gboolean known;

      if (g_str_equal (member, "modified"))
        {
          if (!read_text (value, &entry->modified) ||
              (entry->modified != NULL && !mix_timestamp_is_valid (entry->modified)))
            {
              goal_entry_free (entry);
              return NULL;
            }
          continue;
        }
      if (!read_goal_member (&entry->goal, member, value, &known))
        {
          goal_entry_free (entry);
          return NULL;
        }
      if (!known)
        {
          if (entry->unknown == NULL)
            entry->unknown = json_object_new ();
          json_object_set_member (entry->unknown, member, json_node_copy (value));
        }
    }

  if (entry->goal.id == NULL || *entry->goal.id == '\0')
    {
      g_free (entry->goal.id);
      entry->goal.id = g_uuid_string_random ();
    }
  if (entry->goal.text == NULL)
    entry->goal.text = g_strdup ("");
  if (entry->goal.buddy == NULL)
    entry->goal.buddy = g_strdup ("");
  return entry;
}

/* When the goal last changed: when it was set if it never did. */
static const char *
goal_modified (GoalEntry *entry)
{
  return entry->modified != NULL ? entry->modified : entry->goal.created;
}

static void
set_string_or_null (JsonObject *object,
                    const char *member,
                    const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
  else
    json_object_set_null_member (object, member);
}

static JsonNode *
goal_entry_to_json (GoalEntry *entry)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  json_object_set_string_member (object, "id", entry->goal.id);
  json_object_set_string_member (object, "text", entry->goal.text);
  set_string_or_null (object, "due", entry->goal.due);
  json_object_set_string_member (object, "buddy", entry->goal.buddy);
  set_string_or_null (object, "created", entry->goal.created);
  json_object_set_boolean_member (object, "done", entry->goal.done);
  set_string_or_null (object, "session_id", entry->goal.session_id);
  if (entry->goal.person != NULL)
    json_object_set_string_member (object, "person", entry->goal.person);
  if (entry->modified != NULL)
    json_object_set_string_member (object, "modified", entry->modified);

  if (entry->unknown != NULL)
    {
      json_object_iter_init (&iter, entry->unknown);
      while (json_object_iter_next (&iter, &member, &value))
        json_object_set_member (object, member, json_node_copy (value));
    }

  return json_node_init_object (json_node_alloc (), object);
}

static gboolean
get_list (JsonObject  *root,
          const char  *member,
          JsonArray  **array,
          GError     **error)
{
  JsonNode *node = json_object_get_member (root, member);

  *array = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, MIX_ERROR, MIX_ERROR_DAMAGED,
                   _("Its “%s” member is not a list."), member);
      return FALSE;
    }
  *array = json_node_get_array (node);
  return TRUE;
}

/**
 * mix_session_log_load_json:
 * @root: the object read from `sessions.json`
 * @n_skipped: (out): how many sessions and goals could not be read; they
 *   are kept aside and written back unchanged
 *
 * Replaces the log's sessions and goals with those of @root. A document
 * whose "sessions" or "goals" is not a list is refused as damaged, leaving
 * the log as it was. A session or goal with the id of one before it gets a
 * new id, and is saved with it. Loading does not emit
 * #MixSessionLog::changed.
 *
 * Returns: %TRUE on success
 */
gboolean
mix_session_log_load_json (MixSessionLog  *self,
                           JsonObject     *root,
                           guint          *n_skipped,
                           GError        **error)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GPtrArray) unreadable_sessions = NULL;
  g_autoptr(GPtrArray) unreadable_goals = NULL;
  g_autoptr(GHashTable) ids = NULL;
  JsonArray *session_array;
  JsonArray *goal_array;
  guint n_old;

  g_return_val_if_fail (MIX_IS_SESSION_LOG (self), FALSE);
  g_return_val_if_fail (root != NULL, FALSE);
  g_return_val_if_fail (n_skipped != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *n_skipped = 0;
  if (!get_list (root, "sessions", &session_array, error) ||
      !get_list (root, "goals", &goal_array, error))
    return FALSE;

  /* An entry with the id of one before it (a copy made by hand, a bad
   * merge) gets an id of its own, so that each one can be found, and a
   * session finished again does not replace another. */
  sessions = g_ptr_array_new_with_free_func (g_object_unref);
  unreadable_sessions = new_node_array ();
  ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; session_array != NULL && i < json_array_get_length (session_array); i++)
    {
      JsonNode *node = json_array_get_element (session_array, i);
      MixSessionRecord *record = mix_session_record_new_from_json (node, NULL);

      if (record != NULL && g_hash_table_contains (ids, mix_session_record_get_id (record)))
        {
          g_autoptr(JsonNode) renamed = mix_json_node_with_new_id (node);
          MixSessionRecord *again = mix_session_record_new_from_json (renamed, NULL);

          if (again != NULL)
            {
              g_object_unref (record);
              record = again;
            }
        }

      if (record != NULL)
        {
          g_hash_table_add (ids, (gpointer) mix_session_record_get_id (record));
          g_ptr_array_add (sessions, record);
        }
      else
        g_ptr_array_add (unreadable_sessions, json_node_copy (node));
    }
  g_ptr_array_sort (sessions, compare_sessions);

  goals = g_ptr_array_new_with_free_func ((GDestroyNotify) goal_entry_free);
  unreadable_goals = new_node_array ();
  g_hash_table_remove_all (ids);
  for (guint i = 0; goal_array != NULL && i < json_array_get_length (goal_array); i++)
    {
      JsonNode *node = json_array_get_element (goal_array, i);
      GoalEntry *entry = goal_entry_new_from_json (node);

      if (entry == NULL)
        {
          g_ptr_array_add (unreadable_goals, json_node_copy (node));
          continue;
        }
      if (g_hash_table_contains (ids, entry->goal.id))
        {
          g_free (entry->goal.id);
          entry->goal.id = g_uuid_string_random ();
        }
      g_hash_table_add (ids, entry->goal.id);
      g_ptr_array_add (goals, entry);
    }
  g_ptr_array_sort (goals, compare_goals);

  /* Everything was read: only now replace what the log holds. */
  n_old = self->sessions->len;
  forget_sessions (self, self->sessions);
  for (guint i = 0; i < sessions->len; i++)
    g_signal_connect (sessions->pdata[i], "changed", G_CALLBACK (on_record_changed_cb), self);
  g_ptr_array_unref (self->sessions);
  self->sessions = g_steal_pointer (&sessions);
  g_ptr_array_unref (self->goals);
  self->goals = g_steal_pointer (&goals);
  g_ptr_array_unref (self->unreadable_sessions);
  self->unreadable_sessions = g_steal_pointer (&unreadable_sessions);
  g_ptr_array_unref (self->unreadable_goals);
  self->unreadable_goals = g_steal_pointer (&unreadable_goals);

  *n_skipped = self->unreadable_sessions->len + self->unreadable_goals->len;
  if (n_old > 0 || self->sessions->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, n_old, self->sessions->len);
  return TRUE;
}

/**
 * mix_session_log_save_json:
 * @root: the document being written; its "sessions" and "goals" members
 *   are replaced
 *
 * Writes the sessions and goals, newest first, each list followed by the
 * entries that could not be read, unchanged.
 */
void
mix_session_log_save_json (MixSessionLog *self,
                           JsonObject    *root)
{
  JsonArray *sessions;
  JsonArray *goals;

  g_return_if_fail (MIX_IS_SESSION_LOG (self));
  g_return_if_fail (root != NULL);

  sessions = json_array_sized_new (self->sessions->len + self->unreadable_sessions->len);
  for (guint i = 0; i < self->sessions->len; i++)
    json_array_add_element (sessions, mix_session_record_to_json (self->sessions->pdata[i]));
  for (guint i = 0; i < self->unreadable_sessions->len; i++)
    json_array_add_element (sessions, json_node_copy (self->unreadable_sessions->pdata[i]));
  json_object_set_array_member (root, "sessions", sessions);

  goals = json_array_sized_new (self->goals->len + self->unreadable_goals->len);
  for (guint i = 0; i < self->goals->len; i++)
    json_array_add_element (goals, goal_entry_to_json (self->goals->pdata[i]));
  for (guint i = 0; i < self->unreadable_goals->len; i++)
    json_array_add_element (goals, json_node_copy (self->unreadable_goals->pdata[i]));
  json_object_set_array_member (root, "goals", goals);
}

/* Sessions */

static gboolean
find_session_index (MixSessionLog *self,
                    const char    *session_id,
                    guint         *index)
{
  for (guint i = 0; i < self->sessions->len; i++)
    if (g_strcmp0 (mix_session_record_get_id (self->sessions->pdata[i]), session_id) == 0)
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * mix_session_log_find_session:
 *
 * Returns: (transfer none) (nullable): the past session with this id
 */
MixSessionRecord *
mix_session_log_find_session (MixSessionLog *self,
                              const char    *session_id)
{
  guint index;

  g_return_val_if_fail (MIX_IS_SESSION_LOG (self), NULL);
  g_return_val_if_fail (session_id != NULL, NULL);

  return find_session_index (self, session_id, &index) ? self->sessions->pdata[index] : NULL;
}

static gboolean
has_goal_from (MixSessionLog *self,
               const char    *session_id,
               const char    *person)
{
  for (guint i = 0; i < self->goals->len; i++)
    {
      const MixGoal *goal = &((GoalEntry *) self->goals->pdata[i])->goal;

      if (g_strcmp0 (goal->session_id, session_id) == 0 && g_strcmp0 (goal->person, person) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
add_goal (MixSessionLog    *self,
          MixSessionRecord *record,
          const char       *person,
          const char       *text,
          const char       *due,
          const char       *buddy)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  GoalEntry *entry;
  guint position = 0;

  if (*stripped == '\0' || has_goal_from (self, mix_session_record_get_id (record), person))
    return;

  entry = g_new0 (GoalEntry, 1);
  entry->goal.id = g_uuid_string_random ();
  entry->goal.text = g_strdup (text);
  entry->goal.due = due != NULL && *due != '\0' ? g_strdup (due) : NULL;
  entry->goal.buddy = g_strdup (buddy);
  entry->goal.created = g_strdup (mix_session_record_get_finished (record));
  entry->goal.done = FALSE;
  entry->goal.session_id = g_strdup (mix_session_record_get_id (record));
  entry->goal.person = g_strdup (person);

  while (position < self->goals->len && compare_goals (&entry, &self->goals->pdata[position]) > 0)
    position++;
  g_ptr_array_insert (self->goals, (int) position, entry);
}

/* The goals of a finished session: the group's, as earlier versions kept
 * it, then each person's in the roster's order. */
static void
add_goals_from (MixSessionLog    *self,
                MixSessionRecord *record)
{
  guint n = mix_session_record_get_n_people (record);

  /* Each is inserted before those of the same time: the last first. */
  for (guint i = n; i-- > 0;)
    {
      const MixPerson *person = mix_session_record_get_person (record, i);

      add_goal (self, record, person->name, person->goal, person->goal_due, person->buddy);
    }
  add_goal (self, record, NULL, mix_session_record_get_goal_text (record),
            mix_session_record_get_goal_due (record), mix_session_record_get_buddy (record));
}

/**
 * mix_session_log_add_finished:
 * @record: a session on which mix_session_record_finish() was called
 *
 * Adds a finished session to the log, in its place by when it ended, and
 * the networking goals set in it, each person's (and the group's, from an
 * earlier version), to the goals, not done yet. The
 * log keeps a reference to @record and saves its later changes.
 *
 * A session already in the log (the same id) is replaced by @record; a
 * goal already set from it for the same person is kept as it is.
 */
void
mix_session_log_add_finished (MixSessionLog    *self,
                              MixSessionRecord *record)
{
  guint position = 0;
  guint old;

  g_return_if_fail (MIX_IS_SESSION_LOG (self));
  g_return_if_fail (MIX_IS_SESSION_RECORD (record));
  g_return_if_fail (mix_session_record_get_finished (record) != NULL);

  if (find_session_index (self, mix_session_record_get_id (record), &old))
    {
      if (self->sessions->pdata[old] == (gpointer) record)
        return;
      g_signal_handlers_disconnect_by_func (self->sessions->pdata[old], on_record_changed_cb, self);
      g_ptr_array_remove_index (self->sessions, old);
      g_list_model_items_changed (G_LIST_MODEL (self), old, 1, 0);
    }

  while (position < self->sessions->len &&
         compare_sessions (&record, &self->sessions->pdata[position]) > 0)
    position++;
  g_ptr_array_insert (self->sessions, (int) position, g_object_ref (record));
  g_signal_connect (record, "changed", G_CALLBACK (on_record_changed_cb), self);

  add_goals_from (self, record);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Goals */

guint
mix_session_log_get_n_goals (MixSessionLog *self)
{
  g_return_val_if_fail (MIX_IS_SESSION_LOG (self), 0);
  return self->goals->len;
}

/**
 * mix_session_log_get_goal:
 *
 * Returns: (transfer none): the goal at @index, newest first, valid until
 *   the goals change
 */
const MixGoal *
mix_session_log_get_goal (MixSessionLog *self,
                          guint          index)
{
  g_return_val_if_fail (MIX_IS_SESSION_LOG (self), NULL);
  g_return_val_if_fail (index < self->goals->len, NULL);

  return &((GoalEntry *) self->goals->pdata[index])->goal;
}

static GoalEntry *
find_goal (MixSessionLog *self,
           const char    *goal_id)
{
  for (guint i = 0; i < self->goals->len; i++)
    {
      GoalEntry *entry = self->goals->pdata[i];

      if (g_str_equal (entry->goal.id, goal_id))
        return entry;
    }
  return NULL;
}

/**
 * mix_session_log_find_goal:
 *
 * Returns: (transfer none) (nullable): the goal with this id, valid until
 *   the goals change
 */
const MixGoal *
mix_session_log_find_goal (MixSessionLog *self,
                           const char    *goal_id)
{
  GoalEntry *entry;

  g_return_val_if_fail (MIX_IS_SESSION_LOG (self), NULL);
  g_return_val_if_fail (goal_id != NULL, NULL);

  entry = find_goal (self, goal_id);
  return entry != NULL ? &entry->goal : NULL;
}

/**
 * mix_session_log_set_goal_done:
 *
 * Marks a goal as reached, or not.
 *
 * Returns: %FALSE if there is no goal with this id
 */
gboolean
mix_session_log_set_goal_done (MixSessionLog *self,
                               const char    *goal_id,
                               gboolean       done)
{
  GoalEntry *entry;

  g_return_val_if_fail (MIX_IS_SESSION_LOG (self), FALSE);
  g_return_val_if_fail (goal_id != NULL, FALSE);

  entry = find_goal (self, goal_id);
  if (entry == NULL)
    return FALSE;
  if (!!entry->goal.done == !!done)
    return TRUE;
  entry->goal.done = !!done;
  {
    char *modified = mix_timestamp_after (goal_modified (entry));

    g_free (entry->modified);
    entry->modified = modified;
  }
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/* Merging */

static char *
node_text (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  mix_json_append_node (out, node);
  return g_string_free (out, FALSE);
}

/* Adds the entries of @theirs that could not be read and @ours lacks. */
static gboolean
merge_unreadable (GPtrArray *ours,
                  GPtrArray *theirs,
                  MixMerge  *merge)
{
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean changed = FALSE;

  for (guint i = 0; i < ours->len; i++)
    g_hash_table_add (known, node_text (ours->pdata[i]));
  for (guint i = 0; i < theirs->len; i++)
    {
      g_autofree char *text = node_text (theirs->pdata[i]);

      if (g_hash_table_contains (known, text))
        continue;
      g_ptr_array_add (ours, json_node_ref (theirs->pdata[i]));
      g_hash_table_add (known, g_steal_pointer (&text));
      merge->n_taken++;
      changed = TRUE;
    }
  return changed;
}

static char *
session_text (MixSessionRecord *record)
{
  g_autoptr(JsonNode) node = mix_session_record_to_json (record);
  return node_text (node);
}

static char *
goal_text (GoalEntry *entry)
{
  g_autoptr(JsonNode) node = goal_entry_to_json (entry);
  return node_text (node);
}

/* Decides between two versions with time stamps @ours and @theirs, the same
 * when their texts say so; returns whether theirs is taken. */
static gboolean
take_theirs (MixMerge   *merge,
             const char *id,
             const char *ours,
             const char *theirs,
             char     *(*text) (gpointer),
             gpointer    our_item,
             gpointer    their_item)
{
  MixMergeVerdict verdict = mix_merge_decide (merge, id, ours, NULL, theirs);

  if (verdict == MIX_MERGE_KEEP && our_item != NULL && mix_timestamp_compare (ours, theirs) == 0)
    {
      g_autofree char *our_text = text (our_item);
      g_autofree char *their_text = text (their_item);
      int order = mix_merge_tie_break (our_text, their_text);

      if (order > 0)
        {
          merge->n_taken++;
          return TRUE;
        }
      if (order < 0)
        merge->n_kept++;
      return FALSE;
    }
  return verdict == MIX_MERGE_TAKE;
}

/**
 * mix_session_log_merge_json:
 * @theirs: another copy of `sessions.json`, as read
 * @merge: how to merge
 *
 * Merges the past sessions and goals of another copy of the file, each by
 * its id (see #MixMerge): of two versions of one, the later wins; those
 * added on either side are kept. Nothing here is ever deleted.
 *
 * Returns: %FALSE if @theirs is not a sessions document
 */
gboolean
mix_session_log_merge_json (MixSessionLog *self,
                            JsonObject    *theirs,
                            MixMerge      *merge)
{
  g_autoptr(MixSessionLog) other = mix_session_log_new ();
  guint n_skipped = 0;
  guint n_old;
  gboolean changed = FALSE;
  gboolean list_changed = FALSE;

  g_return_val_if_fail (MIX_IS_SESSION_LOG (self), FALSE);
  g_return_val_if_fail (theirs != NULL && merge != NULL, FALSE);

  if (!mix_session_log_load_json (other, theirs, &n_skipped, NULL))
    return FALSE;

  n_old = self->sessions->len;
  for (guint i = 0; i < other->sessions->len; i++)
    {
      MixSessionRecord *their = other->sessions->pdata[i];
      const char *id = mix_session_record_get_id (their);
      guint index;
      gboolean have = find_session_index (self, id, &index);
      MixSessionRecord *ours = have ? self->sessions->pdata[index] : NULL;

      if (!take_theirs (merge, id, ours ? mix_session_record_get_modified (ours) : NULL,
                        mix_session_record_get_modified (their),
                        (char *(*) (gpointer)) session_text, ours, their))
        continue;
      if (have)
        {
          g_signal_handlers_disconnect_by_func (ours, on_record_changed_cb, self);
          g_ptr_array_remove_index (self->sessions, index);
        }
      g_ptr_array_add (self->sessions, g_object_ref (their));
      g_signal_connect (their, "changed", G_CALLBACK (on_record_changed_cb), self);
      list_changed = TRUE;
    }
  /* Ours the other copy lacks are kept: counted for the write. */
  for (guint i = 0; i < self->sessions->len; i++)
    {
      const char *id = mix_session_record_get_id (self->sessions->pdata[i]);
      guint index;

      if (!find_session_index (other, id, &index))
        mix_merge_decide (merge, id, mix_session_record_get_modified (self->sessions->pdata[i]),
                          NULL, NULL);
    }

  for (guint i = 0; i < self->goals->len; i++)
    {
      GoalEntry *ours = self->goals->pdata[i];

      if (find_goal (other, ours->goal.id) == NULL)
        mix_merge_decide (merge, ours->goal.id, goal_modified (ours), NULL, NULL);
    }
  for (guint i = 0; i < other->goals->len; i++)
    {
      GoalEntry *their = other->goals->pdata[i];
      GoalEntry *ours = find_goal (self, their->goal.id);

      if (!take_theirs (merge, their->goal.id, ours ? goal_modified (ours) : NULL,
                        goal_modified (their), (char *(*) (gpointer)) goal_text, ours, their))
        continue;
      if (ours != NULL)
        g_ptr_array_remove (self->goals, ours);
      g_ptr_array_add (self->goals, g_ptr_array_steal_index (other->goals, i));
      i--;
      changed = TRUE;
    }

  changed |= merge_unreadable (self->unreadable_sessions, other->unreadable_sessions, merge);
  changed |= merge_unreadable (self->unreadable_goals, other->unreadable_goals, merge);
  mix_merge_finish (merge);

  if (list_changed)
    {
      g_ptr_array_sort (self->sessions, compare_sessions);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, n_old, self->sessions->len);
    }
  if (changed)
    g_ptr_array_sort (self->goals, compare_goals);
  if (changed || list_changed)
    g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}
