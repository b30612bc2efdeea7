/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mix-date.h"
#include "mix-json.h"
#include "mix-merge.h"

typedef struct
{
  char *modified;  /* of the version deleted */
  char *deleted;   /* when */
} Tombstone;

struct _MixTombstones
{
  GHashTable *by_id;  /* char * → Tombstone */
};

static void
tombstone_free (Tombstone *tombstone)
{
  g_free (tombstone->modified);
  g_free (tombstone->deleted);
  g_free (tombstone);
}

MixTombstones *
mix_tombstones_new (void)
{
  MixTombstones *self = g_new0 (MixTombstones, 1);

  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) tombstone_free);
  return self;
}

void
mix_tombstones_free (MixTombstones *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->by_id);
  g_free (self);
}

guint
mix_tombstones_get_size (MixTombstones *self)
{
  return g_hash_table_size (self->by_id);
}

/**
 * mix_tombstones_add:
 * @modified: the "modified" time stamp of the version deleted
 * @deleted: (nullable): when it was deleted; %NULL for now
 *
 * Records a deletion. Of two deletions of one id, the one of the later
 * version is kept.
 */
void
mix_tombstones_add (MixTombstones *self,
                    const char    *id,
                    const char    *modified,
                    const char    *deleted)
{
  Tombstone *old;
  Tombstone *tombstone;

  g_return_if_fail (self != NULL);
  g_return_if_fail (id != NULL && modified != NULL);

  old = g_hash_table_lookup (self->by_id, id);
  if (old != NULL && mix_timestamp_compare (old->modified, modified) >= 0)
    return;

  tombstone = g_new0 (Tombstone, 1);
  tombstone->modified = g_strdup (modified);
  tombstone->deleted = deleted != NULL ? g_strdup (deleted) : mix_timestamp_now ();
  g_hash_table_replace (self->by_id, g_strdup (id), tombstone);
}

/**
 * mix_tombstones_lookup:
 *
 * Returns: (nullable): the "modified" time stamp of the version of @id
 *   that was deleted
 */
const char *
mix_tombstones_lookup (MixTombstones *self,
                       const char    *id)
{
  Tombstone *tombstone;

  g_return_val_if_fail (self != NULL, NULL);

  tombstone = id != NULL ? g_hash_table_lookup (self->by_id, id) : NULL;
  return tombstone != NULL ? tombstone->modified : NULL;
}

void
mix_tombstones_remove (MixTombstones *self,
                       const char    *id)
{
  g_return_if_fail (self != NULL);
  g_hash_table_remove (self->by_id, id);
}

void
mix_tombstones_clear (MixTombstones *self)
{
  g_return_if_fail (self != NULL);
  g_hash_table_remove_all (self->by_id);
}

/**
 * mix_tombstones_merge:
 *
 * Adds the deletions of @other that @self does not know.
 */
void
mix_tombstones_merge (MixTombstones *self,
                      MixTombstones *other)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (self != NULL && other != NULL);

  g_hash_table_iter_init (&iter, other->by_id);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Tombstone *tombstone = value;
      mix_tombstones_add (self, key, tombstone->modified, tombstone->deleted);
    }
}

/**
 * mix_tombstones_forget_older:
 * @before: a time stamp
 *
 * Forgets deletions made before @before. A copy of the file that has been
 * away longer than that could bring back what was deleted, which loses
 * nothing.
 */
void
mix_tombstones_forget_older (MixTombstones *self,
                             const char    *before)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (self != NULL);

  g_hash_table_iter_init (&iter, self->by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (mix_timestamp_compare (((Tombstone *) value)->deleted, before) < 0)
      g_hash_table_iter_remove (&iter);
}

/**
 * mix_tombstones_load_json:
 * @node: (nullable): the "deleted" member of a document
 *
 * Adds the deletions @node lists. Entries that are not deletions are
 * ignored: a deletion that cannot be read only means that an item could
 * come back.
 *
 * Returns: %FALSE if @node is there and is not a list
 */
gboolean
mix_tombstones_load_json (MixTombstones *self,
                          JsonNode      *node)
{
  JsonArray *array;

  g_return_val_if_fail (self != NULL, FALSE);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object;
      const char *id, *modified, *deleted;
      gboolean wrong;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      object = json_node_get_object (element);
      id = mix_json_object_get_string_member_or_null (object, "id", &wrong);
      modified = mix_json_object_get_string_member_or_null (object, "modified", &wrong);
      deleted = mix_json_object_get_string_member_or_null (object, "deleted", &wrong);
      if (id == NULL || *id == '\0' || !mix_timestamp_is_valid (modified))
        continue;
      if (!mix_timestamp_is_valid (deleted))
        deleted = modified;
      mix_tombstones_add (self, id, modified, deleted);
    }
  return TRUE;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The ids in a stable order, so that two computers write the same text. */
static GPtrArray *
sorted_ids (MixTombstones *self)
{
  GPtrArray *ids = g_ptr_array_sized_new (g_hash_table_size (self->by_id));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->by_id);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (ids, key);
  g_ptr_array_sort (ids, compare_ids);
  return ids;
}

JsonNode *
mix_tombstones_to_json (MixTombstones *self)
{
  g_autoptr(GPtrArray) ids = NULL;
  JsonArray *array;

  g_return_val_if_fail (self != NULL, NULL);

  ids = sorted_ids (self);
  array = json_array_sized_new (ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      Tombstone *tombstone = g_hash_table_lookup (self->by_id, ids->pdata[i]);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "id", ids->pdata[i]);
      json_object_set_string_member (object, "modified", tombstone->modified);
      json_object_set_string_member (object, "deleted", tombstone->deleted);
      json_array_add_object_element (array, object);
    }
  return json_node_init_array (json_node_alloc (), array);
}

/**
 * mix_tombstones_append_json:
 *
 * Appends the deletions to @out as the value of a "deleted" member: a
 * list, one a line.
 */
void
mix_tombstones_append_json (MixTombstones *self,
                            GString       *out)
{
  g_autoptr(GPtrArray) ids = NULL;

  g_return_if_fail (self != NULL);

  ids = sorted_ids (self);
  g_string_append_c (out, '[');
  for (guint i = 0; i < ids->len; i++)
    {
      Tombstone *tombstone = g_hash_table_lookup (self->by_id, ids->pdata[i]);

      g_string_append (out, i == 0 ? "\n{\"id\":" : ",\n{\"id\":");
      mix_json_append_string (out, ids->pdata[i]);
      g_string_append (out, ",\"modified\":");
      mix_json_append_string (out, tombstone->modified);
      g_string_append (out, ",\"deleted\":");
      mix_json_append_string (out, tombstone->deleted);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}

/**
 * mix_merge_decide:
 * @id: the item's id
 * @our_modified: (nullable): our version's time stamp; %NULL when we have none
 * @our_on_disk: (nullable): the time stamp of our version as it was in the
 *   file when we last read or wrote it; %NULL when it was not there
 * @their_modified: (nullable): the other copy's; %NULL when it has none
 *
 * Decides one item and counts it. Two versions with the same time stamp
 * are #MIX_MERGE_KEEP: if their contents differ, the caller asks
 * mix_merge_tie_break(), so that both sides choose the same one.
 */
MixMergeVerdict
mix_merge_decide (MixMerge   *merge,
                  const char *id,
                  const char *our_modified,
                  const char *our_on_disk,
                  const char *their_modified)
{
  const char *deleted;

  g_return_val_if_fail (merge != NULL, MIX_MERGE_KEEP);

  if (our_modified != NULL && their_modified != NULL)
    {
      int order = mix_timestamp_compare (their_modified, our_modified);

      if (order > 0)
        {
          merge->n_taken++;
          return MIX_MERGE_TAKE;
        }
      if (order < 0)
        merge->n_kept++;
      return MIX_MERGE_KEEP;
    }

  if (our_modified != NULL)
    {
      /* Deleted there, in this version or a later one. */
      deleted = merge->theirs != NULL ? mix_tombstones_lookup (merge->theirs, id) : NULL;
      if (deleted != NULL && mix_timestamp_compare (deleted, our_modified) >= 0)
        {
          g_debug ("merge: %s deleted there (version %s, ours %s)", id, deleted, our_modified);
          mix_tombstones_add (merge->ours, id, deleted, NULL);
          merge->n_taken++;
          return MIX_MERGE_DROP;
        }
      /* Gone from a file edited by hand, unchanged here since. */
      if (merge->infer_deletions && our_on_disk != NULL &&
          mix_timestamp_compare (our_on_disk, our_modified) == 0)
        {
          g_debug ("merge: %s gone from a file edited elsewhere", id);
          mix_tombstones_add (merge->ours, id, our_modified, NULL);
          merge->n_taken++;
          return MIX_MERGE_DROP;
        }
      merge->n_kept++;
      return MIX_MERGE_KEEP;
    }

  if (their_modified == NULL)
    return MIX_MERGE_NONE;

  /* Deleted here, in this version or a later one. */
  deleted = mix_tombstones_lookup (merge->ours, id);
  if (deleted != NULL && mix_timestamp_compare (deleted, their_modified) >= 0)
    {
      merge->n_kept++;
      return MIX_MERGE_NONE;
    }
  merge->n_taken++;
  return MIX_MERGE_TAKE;
}

/**
 * mix_merge_finish:
 *
 * Takes in the other copy's deletions, once every item is decided.
 */
void
mix_merge_finish (MixMerge *merge)
{
  g_return_if_fail (merge != NULL);

  if (merge->theirs == NULL)
    return;
  mix_tombstones_merge (merge->ours, merge->theirs);
}

/**
 * mix_merge_tie_break:
 * @ours: our version as text
 * @theirs: theirs as text
 *
 * Chooses between two versions of an item with the same time stamp and
 * different contents (made in the same millisecond on two computers): the
 * same one on both sides, so that both end with the same file.
 *
 * Returns: > 0 if theirs is to be taken
 */
int
mix_merge_tie_break (const char *ours,
                     const char *theirs)
{
  return g_strcmp0 (theirs, ours);
}
