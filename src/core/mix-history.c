/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mix-history.h"

/**
 * MixHistory:
 *
 * A window's changes, for Undo (Ctrl+Z) and Redo (Ctrl+Shift+Z): each a
 * label for the user ("Deleted 3 rows") and how to undo and redo it. A
 * toast's Undo button is a view of the same history. A new change after
 * an undo drops what could have been redone, as in every editor; the
 * oldest changes go past #MIX_HISTORY_DEPTH.
 *
 * While a change is being undone or redone (mix_history_is_busy()), what
 * it changes is not a new change: those who push changes check.
 */

#define MIX_HISTORY_DEPTH 200

typedef struct
{
  char           *label;
  MixHistoryFunc  undo;
  MixHistoryFunc  redo;
  gpointer        data;
  GDestroyNotify  free_data;
} Change;

struct _MixHistory
{
  GObject    parent_instance;

  GPtrArray *changes;  /* Change, oldest first */
  guint      done;     /* how many of them are done; the rest were undone */
  guint      serial;   /* counts pushes, undos and redos */
  gboolean   busy;
};

G_DEFINE_FINAL_TYPE (MixHistory, mix_history, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
change_free (Change *change)
{
  if (change->free_data != NULL)
    change->free_data (change->data);
  g_free (change->label);
  g_free (change);
}

static void
mix_history_finalize (GObject *object)
{
  MixHistory *self = MIX_HISTORY (object);

  g_ptr_array_unref (self->changes);

  G_OBJECT_CLASS (mix_history_parent_class)->finalize (object);
}

static void
mix_history_class_init (MixHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mix_history_finalize;

  /**
   * MixHistory::changed:
   *
   * A change was pushed, undone or redone: what can be undone or redone,
   * and their labels, may be different.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
mix_history_init (MixHistory *self)
{
  self->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
}

MixHistory *
mix_history_new (void)
{
  return g_object_new (MIX_TYPE_HISTORY, NULL);
}

static void
emit_changed (MixHistory *self)
{
  self->serial++;
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * mix_history_push:
 * @label: what the change was, for the user: "Deleted 3 rows"
 * @undo: undoes the change
 * @redo: makes it again
 * @data: (transfer full): for @undo and @redo
 * @free_data: (nullable): frees @data when the change leaves the history
 *
 * Adds a change just made. What was undone before can no longer be redone.
 */
void
mix_history_push (MixHistory     *self,
                  const char     *label,
                  MixHistoryFunc  undo,
                  MixHistoryFunc  redo,
                  gpointer        data,
                  GDestroyNotify  free_data)
{
  Change *change;

  g_return_if_fail (MIX_IS_HISTORY (self));
  g_return_if_fail (label != NULL && undo != NULL && redo != NULL);
  g_return_if_fail (!self->busy);

  if (self->done < self->changes->len)
    g_ptr_array_set_size (self->changes, self->done);
  if (self->changes->len >= MIX_HISTORY_DEPTH)
    {
      g_ptr_array_remove_index (self->changes, 0);
      self->done--;
    }

  change = g_new0 (Change, 1);
  change->label = g_strdup (label);
  change->undo = undo;
  change->redo = redo;
  change->data = data;
  change->free_data = free_data;
  g_ptr_array_add (self->changes, change);
  self->done = self->changes->len;
  emit_changed (self);
}

/* Runs @func on the change at @index; a change that can no longer be made
 * goes from the history. */
static gboolean
run (MixHistory     *self,
     guint           index,
     gboolean        undo)
{
  Change *change = self->changes->pdata[index];
  gboolean made;

  self->busy = TRUE;
  made = (undo ? change->undo : change->redo) (change->data);
  self->busy = FALSE;

  if (!made)
    {
      g_ptr_array_remove_index (self->changes, index);
      if (index < self->done)
        self->done--;
    }
  return made;
}

/**
 * mix_history_undo:
 *
 * Undoes the last change done.
 *
 * Returns: %TRUE if a change was undone
 */
gboolean
mix_history_undo (MixHistory *self)
{
  g_return_val_if_fail (MIX_IS_HISTORY (self), FALSE);

  while (self->done > 0 && !self->busy)
    {
      guint index = self->done - 1;

      if (run (self, index, TRUE))
        {
          self->done = index;
          emit_changed (self);
          return TRUE;
        }
    }
  emit_changed (self);
  return FALSE;
}

/**
 * mix_history_redo:
 *
 * Makes again the last change undone.
 *
 * Returns: %TRUE if a change was redone
 */
gboolean
mix_history_redo (MixHistory *self)
{
  g_return_val_if_fail (MIX_IS_HISTORY (self), FALSE);

  while (self->done < self->changes->len && !self->busy)
    {
      if (run (self, self->done, FALSE))
        {
          self->done++;
          emit_changed (self);
          return TRUE;
        }
    }
  emit_changed (self);
  return FALSE;
}

gboolean
mix_history_can_undo (MixHistory *self)
{
  g_return_val_if_fail (MIX_IS_HISTORY (self), FALSE);
  return self->done > 0;
}

gboolean
mix_history_can_redo (MixHistory *self)
{
  g_return_val_if_fail (MIX_IS_HISTORY (self), FALSE);
  return self->done < self->changes->len;
}

/**
 * mix_history_get_undo_label:
 *
 * Returns: (nullable): what Undo would undo
 */
const char *
mix_history_get_undo_label (MixHistory *self)
{
  g_return_val_if_fail (MIX_IS_HISTORY (self), NULL);
  return self->done > 0 ? ((Change *) self->changes->pdata[self->done - 1])->label : NULL;
}

/**
 * mix_history_get_redo_label:
 *
 * Returns: (nullable): what Redo would make again
 */
const char *
mix_history_get_redo_label (MixHistory *self)
{
  g_return_val_if_fail (MIX_IS_HISTORY (self), NULL);
  return self->done < self->changes->len ?
         ((Change *) self->changes->pdata[self->done])->label : NULL;
}

/**
 * mix_history_get_serial:
 *
 * Returns: a number that changes with every push, undo and redo: a toast
 *   offering to undo a change is out of date once it has moved on
 */
guint
mix_history_get_serial (MixHistory *self)
{
  g_return_val_if_fail (MIX_IS_HISTORY (self), 0);
  return self->serial;
}

/**
 * mix_history_is_busy:
 *
 * Returns: %TRUE while a change is being undone or redone
 */
gboolean
mix_history_is_busy (MixHistory *self)
{
  g_return_val_if_fail (MIX_IS_HISTORY (self), FALSE);
  return self->busy;
}

/**
 * mix_history_peek_last:
 * @undo: the undo function of the change looked for
 *
 * The data of the last change made (not undone), if it was undone by
 * @undo: a change that goes on (a number stepped up several times) can be
 * made one change, by updating that data, rather than many.
 *
 * Returns: (transfer none) (nullable): the last change's data
 */
gpointer
mix_history_peek_last (MixHistory     *self,
                       MixHistoryFunc  undo)
{
  Change *change;

  g_return_val_if_fail (MIX_IS_HISTORY (self), NULL);

  if (self->done == 0 || self->done != self->changes->len)
    return NULL;
  change = self->changes->pdata[self->done - 1];
  return change->undo == undo ? change->data : NULL;
}
