/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mix-date.h"
#include "mix-drafts.h"
#include "mix-error.h"
#include "mix-json.h"

/**
 * MixDrafts:
 *
 * The drafts of `messages.json`, in the order they are stored, as a
 * #GListModel of #MixDraft.
 *
 * Drafts that cannot be read are kept as they were and written back after
 * the others, so nothing in the file is lost.
 *
 * The drafts also hold the "preps": one #MixPrep per contact the student
 * prepares a conversation with. They are not items of the list.
 *
 * #MixDrafts::changed is emitted on every change that is saved: a draft
 * or prep added, removed, or changed.
 */

struct _MixDrafts
{
  GObject    parent_instance;

  GPtrArray *drafts;      /* MixDraft, as stored */
  GPtrArray *unreadable;  /* JsonNode, as read */
  GPtrArray *preps;       /* MixPrep, as stored */
  GPtrArray *unreadable_preps;  /* JsonNode, as read */
  MixTombstones *tombstones;    /* the drafts deleted */
  GHashTable *on_disk;    /* id → "modified" of the drafts and preps in the file */
};

static void mix_drafts_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MixDrafts, mix_drafts, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      mix_drafts_list_model_init))

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* GListModel */

static GType
mix_drafts_get_item_type (GListModel *model)
{
  return MIX_TYPE_DRAFT;
}

static guint
mix_drafts_get_n_items (GListModel *model)
{
  return MIX_DRAFTS (model)->drafts->len;
}

static gpointer
mix_drafts_get_item (GListModel *model,
                     guint       position)
{
  MixDrafts *self = MIX_DRAFTS (model);

  if (position >= self->drafts->len)
    return NULL;
  return g_object_ref (self->drafts->pdata[position]);
}

static void
mix_drafts_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = mix_drafts_get_item_type;
  iface->get_n_items = mix_drafts_get_n_items;
  iface->get_item = mix_drafts_get_item;
}

/* GObject */

static void
on_draft_changed_cb (MixDraft  *draft,
                     MixDrafts *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
forget_drafts (MixDrafts *self,
               GPtrArray *drafts)
{
  for (guint i = 0; i < drafts->len; i++)
    g_signal_handlers_disconnect_by_func (drafts->pdata[i], on_draft_changed_cb, self);
}

static void
watch (MixDrafts *self,
       GPtrArray *objects)
{
  for (guint i = 0; i < objects->len; i++)
    g_signal_connect (objects->pdata[i], "changed", G_CALLBACK (on_draft_changed_cb), self);
}

static void
mix_drafts_dispose (GObject *object)
{
  MixDrafts *self = MIX_DRAFTS (object);

  if (self->drafts != NULL)
    forget_drafts (self, self->drafts);
  g_clear_pointer (&self->drafts, g_ptr_array_unref);
  if (self->preps != NULL)
    forget_drafts (self, self->preps);
  g_clear_pointer (&self->preps, g_ptr_array_unref);

  G_OBJECT_CLASS (mix_drafts_parent_class)->dispose (object);
}

static void
mix_drafts_finalize (GObject *object)
{
  MixDrafts *self = MIX_DRAFTS (object);

  g_clear_pointer (&self->unreadable, g_ptr_array_unref);
  g_clear_pointer (&self->unreadable_preps, g_ptr_array_unref);
  g_clear_pointer (&self->tombstones, mix_tombstones_free);
  g_clear_pointer (&self->on_disk, g_hash_table_unref);

  G_OBJECT_CLASS (mix_drafts_parent_class)->finalize (object);
}

static void
mix_drafts_class_init (MixDraftsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mix_drafts_dispose;
  object_class->finalize = mix_drafts_finalize;

  /**
   * MixDrafts::changed:
   *
   * Something that is saved changed: a draft was added, removed or
   * edited. Loading is not a change.
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
mix_drafts_init (MixDrafts *self)
{
  self->drafts = g_ptr_array_new_with_free_func (g_object_unref);
  self->unreadable = new_node_array ();
  self->preps = g_ptr_array_new_with_free_func (g_object_unref);
  self->unreadable_preps = new_node_array ();
  self->tombstones = mix_tombstones_new ();
  self->on_disk = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

MixDrafts *
mix_drafts_new (void)
{
  return g_object_new (MIX_TYPE_DRAFTS, NULL);
}

/* Reading and writing */

/**
 * mix_drafts_load_json:
 * @root: the object read from `messages.json`
 * @n_skipped: (out): how many drafts could not be read; they are kept
 *   aside and written back unchanged
 *
 * Replaces the drafts with those of @root. A document whose "drafts" is
 * not a list is refused as damaged, leaving the drafts as they were. A
 * draft with the id of one before it gets a new id, and is saved with it.
 * Loading does not emit #MixDrafts::changed.
 *
 * Returns: %TRUE on success
 */
gboolean
mix_drafts_load_json (MixDrafts   *self,
                      JsonObject  *root,
                      guint       *n_skipped,
                      GError     **error)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GPtrArray) unreadable = NULL;
  g_autoptr(GPtrArray) preps = NULL;
  g_autoptr(GPtrArray) unreadable_preps = NULL;
  g_autoptr(GHashTable) ids = NULL;
  JsonNode *node;
  JsonArray *array = NULL;
  JsonArray *prep_array = NULL;
  guint n_old;

  g_return_val_if_fail (MIX_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (root != NULL, FALSE);
  g_return_val_if_fail (n_skipped != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *n_skipped = 0;
  node = json_object_get_member (root, "drafts");
  if (node != NULL)
    {
      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          g_set_error (error, MIX_ERROR, MIX_ERROR_DAMAGED,
                       _("Its “%s” member is not a list."), "drafts");
          return FALSE;
        }
      array = json_node_get_array (node);
    }
  node = json_object_get_member (root, "preps");
  if (node != NULL)
    {
      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          g_set_error (error, MIX_ERROR, MIX_ERROR_DAMAGED,
                       _("Its “%s” member is not a list."), "preps");
          return FALSE;
        }
      prep_array = json_node_get_array (node);
    }

  preps = g_ptr_array_new_with_free_func (g_object_unref);
  unreadable_preps = new_node_array ();
  for (guint i = 0; prep_array != NULL && i < json_array_get_length (prep_array); i++)
    {
      JsonNode *element = json_array_get_element (prep_array, i);
      MixPrep *prep = mix_prep_new_from_json (element, NULL);

      if (prep != NULL)
        g_ptr_array_add (preps, prep);
      else
        g_ptr_array_add (unreadable_preps, json_node_copy (element));
    }

  drafts = g_ptr_array_new_with_free_func (g_object_unref);
  unreadable = new_node_array ();
  ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      MixDraft *draft = mix_draft_new_from_json (element, NULL);

      /* A draft with the id of one before it (a copy made by hand, a bad
       * merge) gets an id of its own, so that each one can be found. */
      if (draft != NULL && g_hash_table_contains (ids, mix_draft_get_id (draft)))
        {
          g_autoptr(JsonNode) renamed = mix_json_node_with_new_id (element);
          MixDraft *again = mix_draft_new_from_json (renamed, NULL);

          if (again != NULL)
            {
              g_object_unref (draft);
              draft = again;
            }
        }

      if (draft != NULL)
        {
          g_hash_table_add (ids, (gpointer) mix_draft_get_id (draft));
          g_ptr_array_add (drafts, draft);
        }
      else
        g_ptr_array_add (unreadable, json_node_copy (element));
    }

  /* Everything was read: only now replace what is held. */
  n_old = self->drafts->len;
  forget_drafts (self, self->drafts);
  watch (self, drafts);
  g_ptr_array_unref (self->drafts);
  self->drafts = g_steal_pointer (&drafts);
  g_ptr_array_unref (self->unreadable);
  self->unreadable = g_steal_pointer (&unreadable);
  forget_drafts (self, self->preps);
  watch (self, preps);
  g_ptr_array_unref (self->preps);
  self->preps = g_steal_pointer (&preps);
  g_ptr_array_unref (self->unreadable_preps);
  self->unreadable_preps = g_steal_pointer (&unreadable_preps);

  mix_tombstones_free (self->tombstones);
  self->tombstones = mix_tombstones_new ();
  mix_tombstones_load_json (self->tombstones,
                            json_object_get_member (root, MIX_MERGE_DELETED_MEMBER));
  mix_drafts_set_on_disk (self, mix_drafts_collect_saved (self));

  *n_skipped = self->unreadable->len + self->unreadable_preps->len;
  if (n_old > 0 || self->drafts->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, n_old, self->drafts->len);
  return TRUE;
}

/**
 * mix_drafts_save_json:
 * @root: the document being written; its "drafts" and "preps" members are replaced and
 *   the others are left alone
 *
 * Writes the drafts and preps in order, each followed by those that could
 * not be read, unchanged.
 */
void
mix_drafts_save_json (MixDrafts  *self,
                      JsonObject *root)
{
  JsonArray *array;

  g_return_if_fail (MIX_IS_DRAFTS (self));
  g_return_if_fail (root != NULL);

  array = json_array_sized_new (self->drafts->len + self->unreadable->len);
  for (guint i = 0; i < self->drafts->len; i++)
    json_array_add_element (array, mix_draft_to_json (self->drafts->pdata[i]));
  for (guint i = 0; i < self->unreadable->len; i++)
    json_array_add_element (array, json_node_copy (self->unreadable->pdata[i]));
  json_object_set_array_member (root, "drafts", array);

  if (mix_tombstones_get_size (self->tombstones) > 0)
    json_object_set_member (root, MIX_MERGE_DELETED_MEMBER,
                            mix_tombstones_to_json (self->tombstones));
  else
    json_object_remove_member (root, MIX_MERGE_DELETED_MEMBER);

  if (self->preps->len == 0 && self->unreadable_preps->len == 0 &&
      !json_object_has_member (root, "preps"))
    return;
  array = json_array_sized_new (self->preps->len + self->unreadable_preps->len);
  for (guint i = 0; i < self->preps->len; i++)
    json_array_add_element (array, mix_prep_to_json (self->preps->pdata[i]));
  for (guint i = 0; i < self->unreadable_preps->len; i++)
    json_array_add_element (array, json_node_copy (self->unreadable_preps->pdata[i]));
  json_object_set_array_member (root, "preps", array);
}

/* Changes */

/**
 * mix_drafts_insert:
 * @position: where; past the end appends
 *
 * Puts @draft back where it was, as on Undo. The drafts keep a reference
 * to it and save its later changes. A draft already held is not added
 * twice.
 */
void
mix_drafts_insert (MixDrafts *self,
                   MixDraft  *draft,
                   guint      position)
{
  g_return_if_fail (MIX_IS_DRAFTS (self));
  g_return_if_fail (MIX_IS_DRAFT (draft));
  g_return_if_fail (!g_ptr_array_find (self->drafts, draft, NULL));

  position = MIN (position, self->drafts->len);
  if (mix_tombstones_lookup (self->tombstones, mix_draft_get_id (draft)) != NULL)
    {
      /* A deletion undone: see mix_tracker_insert_row(). */
      mix_tombstones_remove (self->tombstones, mix_draft_get_id (draft));
      mix_draft_bump (draft);
    }
  g_ptr_array_insert (self->drafts, (int) position, g_object_ref (draft));
  g_signal_connect (draft, "changed", G_CALLBACK (on_draft_changed_cb), self);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * mix_drafts_add:
 *
 * Appends @draft. The drafts keep a reference to it and save its later
 * changes.
 */
void
mix_drafts_add (MixDrafts *self,
                MixDraft  *draft)
{
  g_return_if_fail (MIX_IS_DRAFTS (self));

  mix_drafts_insert (self, draft, self->drafts->len);
}

/**
 * mix_drafts_remove:
 * @position: (out) (optional): where it was, for mix_drafts_insert() on
 *   Undo
 *
 * Returns: %FALSE if @draft is not one of the drafts
 */
gboolean
mix_drafts_remove (MixDrafts *self,
                   MixDraft  *draft,
                   guint     *position)
{
  guint index;

  g_return_val_if_fail (MIX_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (MIX_IS_DRAFT (draft), FALSE);

  if (!g_ptr_array_find (self->drafts, draft, &index))
    return FALSE;

  g_signal_handlers_disconnect_by_func (draft, on_draft_changed_cb, self);
  mix_tombstones_add (self->tombstones, mix_draft_get_id (draft), mix_draft_get_modified (draft),
                      NULL);
  g_ptr_array_remove_index (self->drafts, index);
  if (position != NULL)
    *position = index;

  g_list_model_items_changed (G_LIST_MODEL (self), index, 1, 0);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * mix_drafts_find:
 *
 * Returns: (transfer none) (nullable): the draft with this id
 */
MixDraft *
mix_drafts_find (MixDrafts  *self,
                 const char *id)
{
  g_return_val_if_fail (MIX_IS_DRAFTS (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->drafts->len; i++)
    if (g_str_equal (mix_draft_get_id (self->drafts->pdata[i]), id))
      return self->drafts->pdata[i];
  return NULL;
}

/* Preps */

/**
 * mix_drafts_find_prep:
 *
 * Returns: (transfer none) (nullable): the prep for this tracker contact
 */
MixPrep *
mix_drafts_find_prep (MixDrafts  *self,
                      const char *contact_id)
{
  g_return_val_if_fail (MIX_IS_DRAFTS (self), NULL);
  g_return_val_if_fail (contact_id != NULL, NULL);

  for (guint i = 0; i < self->preps->len; i++)
    if (g_str_equal (mix_prep_get_contact_id (self->preps->pdata[i]), contact_id))
      return self->preps->pdata[i];
  return NULL;
}

/**
 * mix_drafts_ensure_prep:
 *
 * Returns: (transfer none): the prep for this tracker contact, made (and
 *   saved) if there was none
 */
MixPrep *
mix_drafts_ensure_prep (MixDrafts  *self,
                        const char *contact_id)
{
  MixPrep *prep;

  g_return_val_if_fail (MIX_IS_DRAFTS (self), NULL);
  g_return_val_if_fail (contact_id != NULL && *contact_id != '\0', NULL);

  prep = mix_drafts_find_prep (self, contact_id);
  if (prep != NULL)
    return prep;

  prep = mix_prep_new (contact_id);
  g_ptr_array_add (self->preps, prep);
  g_signal_connect (prep, "changed", G_CALLBACK (on_draft_changed_cb), self);
  g_signal_emit (self, signals[CHANGED], 0);
  return prep;
}

/* Merging */

/**
 * mix_drafts_get_tombstones:
 *
 * Returns: (transfer none): the drafts deleted, kept to tell other copies
 *   of the file
 */
MixTombstones *
mix_drafts_get_tombstones (MixDrafts *self)
{
  g_return_val_if_fail (MIX_IS_DRAFTS (self), NULL);
  return self->tombstones;
}

/**
 * mix_drafts_collect_saved:
 *
 * Returns: (transfer full): the id and "modified" time stamp of each draft
 *   and prep as they are now, before a save
 */
GHashTable *
mix_drafts_collect_saved (MixDrafts *self)
{
  GHashTable *saved;

  g_return_val_if_fail (MIX_IS_DRAFTS (self), NULL);

  saved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < self->drafts->len; i++)
    g_hash_table_replace (saved, g_strdup (mix_draft_get_id (self->drafts->pdata[i])),
                          g_strdup (mix_draft_get_modified (self->drafts->pdata[i])));
  for (guint i = 0; i < self->preps->len; i++)
    g_hash_table_replace (saved, g_strdup (mix_prep_get_id (self->preps->pdata[i])),
                          g_strdup (mix_prep_get_modified (self->preps->pdata[i])));
  return saved;
}

/**
 * mix_drafts_set_on_disk:
 * @saved: (transfer full): as from mix_drafts_collect_saved(), for what
 *   the file now holds
 */
void
mix_drafts_set_on_disk (MixDrafts  *self,
                        GHashTable *saved)
{
  g_return_if_fail (MIX_IS_DRAFTS (self));
  g_return_if_fail (saved != NULL);

  g_hash_table_unref (self->on_disk);
  self->on_disk = saved;
}

typedef GObject *(*ReadFunc) (JsonNode *node, GError **error);
typedef JsonNode *(*WriteFunc) (gpointer item);
typedef const char *(*GetFunc) (gpointer item);
typedef void (*TakeFunc) (gpointer self, gpointer other);

typedef struct
{
  ReadFunc  read;
  WriteFunc write;
  GetFunc   get_id;
  GetFunc   get_modified;
  TakeFunc  take;
} ItemClass;

static const ItemClass draft_class = {
  (ReadFunc) mix_draft_new_from_json, (WriteFunc) mix_draft_to_json,
  (GetFunc) mix_draft_get_id, (GetFunc) mix_draft_get_modified, (TakeFunc) mix_draft_take,
};

static const ItemClass prep_class = {
  (ReadFunc) mix_prep_new_from_json, (WriteFunc) mix_prep_to_json,
  (GetFunc) mix_prep_get_id, (GetFunc) mix_prep_get_modified, (TakeFunc) mix_prep_take,
};

static char *
item_text (const ItemClass *klass,
           gpointer         item)
{
  g_autoptr(JsonNode) node = klass->write (item);
  GString *out = g_string_new (NULL);

  mix_json_append_node (out, node);
  return g_string_free (out, FALSE);
}

static char *
node_text (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  mix_json_append_node (out, node);
  return g_string_free (out, FALSE);
}

/* Merges the list @member of @theirs into @items; returns whether anything
 * of ours changed. @added and @dropped are the items added at the end and
 * taken out. */
static gboolean
merge_list (MixDrafts       *self,
            const ItemClass *klass,
            GPtrArray       *items,
            GPtrArray       *unreadable,
            JsonObject      *theirs,
            const char      *member,
            MixMerge        *merge,
            GPtrArray       *dropped,
            guint           *n_added)
{
  g_autoptr(GHashTable) their_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) our_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) their_items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) known = NULL;
  JsonNode *node = json_object_get_member (theirs, member);
  JsonArray *array = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  gboolean changed = FALSE;

  *n_added = 0;
  for (guint i = 0; i < items->len; i++)
    g_hash_table_insert (our_ids, (gpointer) klass->get_id (items->pdata[i]), items->pdata[i]);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      GObject *item = klass->read (element, NULL);

      if (item == NULL)
        {
          g_autofree char *text = node_text (element);

          if (known == NULL)
            {
              known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
              for (guint j = 0; j < unreadable->len; j++)
                g_hash_table_add (known, node_text (unreadable->pdata[j]));
            }
          if (!g_hash_table_contains (known, text))
            {
              g_ptr_array_add (unreadable, json_node_copy (element));
              g_hash_table_add (known, g_steal_pointer (&text));
              merge->n_taken++;
              changed = TRUE;
            }
          continue;
        }
      if (g_hash_table_contains (their_ids, klass->get_id (item)))
        {
          g_object_unref (item);
          continue;
        }
      g_hash_table_add (their_ids, (gpointer) klass->get_id (item));
      g_ptr_array_add (their_items, item);
    }

  /* Ours the other copy lacks. */
  for (guint i = 0; i < items->len; i++)
    {
      gpointer ours = items->pdata[i];
      const char *id = klass->get_id (ours);

      if (g_hash_table_contains (their_ids, id))
        continue;
      if (mix_merge_decide (merge, id, klass->get_modified (ours),
                            g_hash_table_lookup (self->on_disk, id), NULL) == MIX_MERGE_DROP)
        g_ptr_array_add (dropped, g_object_ref (ours));
    }

  for (guint i = 0; i < their_items->len; i++)
    {
      gpointer their = their_items->pdata[i];
      const char *id = klass->get_id (their);
      gpointer ours = g_hash_table_lookup (our_ids, id);
      MixMergeVerdict verdict;

      verdict = mix_merge_decide (merge, id, ours ? klass->get_modified (ours) : NULL,
                                  g_hash_table_lookup (self->on_disk, id),
                                  klass->get_modified (their));
      if (verdict == MIX_MERGE_KEEP && ours != NULL &&
          mix_timestamp_compare (klass->get_modified (ours), klass->get_modified (their)) == 0)
        {
          g_autofree char *our_text = item_text (klass, ours);
          g_autofree char *their_text = item_text (klass, their);
          int order = mix_merge_tie_break (our_text, their_text);

          if (order > 0)
            {
              verdict = MIX_MERGE_TAKE;
              merge->n_taken++;
            }
          else if (order < 0)
            merge->n_kept++;
        }
      if (verdict != MIX_MERGE_TAKE)
        continue;

      changed = TRUE;
      if (ours != NULL)
        klass->take (ours, their);
      else
        {
          g_ptr_array_add (items, g_object_ref (their));
          g_signal_connect (their, "changed", G_CALLBACK (on_draft_changed_cb), self);
          (*n_added)++;
        }
    }

  for (guint i = 0; i < dropped->len; i++)
    {
      guint index;

      if (!g_ptr_array_find (items, dropped->pdata[i], &index))
        continue;
      g_signal_handlers_disconnect_by_func (dropped->pdata[i], on_draft_changed_cb, self);
      g_ptr_array_remove_index (items, index);
      changed = TRUE;
    }
  return changed;
}

static GHashTable *
saved_of (JsonObject *theirs)
{
  GHashTable *saved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *members[] = { "drafts", "preps" };

  for (guint m = 0; m < G_N_ELEMENTS (members); m++)
    {
      JsonNode *node = json_object_get_member (theirs, members[m]);
      JsonArray *array;

      if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
        continue;
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          JsonObject *object;
          const char *id, *modified;
          gboolean wrong;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;
          object = json_node_get_object (element);
          id = mix_json_object_get_string_member_or_null (object, "id", &wrong);
          modified = mix_json_object_get_string_member_or_null (object, "modified", &wrong);
          if (id != NULL && modified != NULL)
            g_hash_table_replace (saved, g_strdup (id), g_strdup (modified));
        }
    }
  return saved;
}

/**
 * mix_drafts_merge_json:
 * @theirs: another copy of `messages.json`, as read
 * @merge: how to merge; its tombstones are the drafts' own and the other
 *   copy's
 *
 * Merges another copy of the drafts and preps, item by item (see
 * #MixMerge), in place: a draft being edited is changed where it is.
 * Drafts added come at the end.
 */
void
mix_drafts_merge_json (MixDrafts  *self,
                       JsonObject *theirs,
                       MixMerge   *merge)
{
  g_autoptr(GPtrArray) dropped_drafts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) dropped_preps = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_old = self->drafts->len;
  guint n_added = 0;
  guint n_preps_added = 0;
  gboolean changed;

  g_return_if_fail (MIX_IS_DRAFTS (self));
  g_return_if_fail (theirs != NULL && merge != NULL);
  g_return_if_fail (merge->ours == self->tombstones);

  changed = merge_list (self, &draft_class, self->drafts, self->unreadable, theirs, "drafts",
                        merge, dropped_drafts, &n_added);
  changed |= merge_list (self, &prep_class, self->preps, self->unreadable_preps, theirs, "preps",
                         merge, dropped_preps, &n_preps_added);
  mix_merge_finish (merge);

  /* The file now holds the other copy: ours are unchanged since where
   * they have its time stamps. */
  mix_drafts_set_on_disk (self, saved_of (theirs));

  if (dropped_drafts->len > 0 || n_added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, n_old, self->drafts->len);
  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
}
