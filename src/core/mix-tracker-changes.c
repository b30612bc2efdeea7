/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mix-tracker-changes.h"

/* Whether @record is a row of @tracker now: a row deleted meanwhile, or
 * merged away from another computer, is not changed again. */
static gboolean
holds (MixTracker *tracker,
       MixRecord  *record)
{
  return mix_tracker_find (tracker, mix_record_get_id (record)) == record;
}

/* A cell's value changed */

typedef struct
{
  MixTracker *tracker;
  MixRecord  *record;
  guint       column;
  char       *before;
  char       *after;
} Edit;

static void
edit_free (Edit *edit)
{
  g_object_unref (edit->tracker);
  g_object_unref (edit->record);
  g_free (edit->before);
  g_free (edit->after);
  g_free (edit);
}

static gboolean
set_edit (Edit       *edit,
          const char *value)
{
  if (!holds (edit->tracker, edit->record))
    return FALSE;
  /* The value was taken once, perhaps kept as typed: it is taken again
   * so (mix_record_set_value() would refuse an address kept as typed). */
  return mix_record_set_value_as_typed (edit->record, edit->column, value, NULL);
}

static gboolean
undo_edit (gpointer data)
{
  Edit *edit = data;
  return set_edit (edit, edit->before);
}

static gboolean
redo_edit (gpointer data)
{
  Edit *edit = data;
  return set_edit (edit, edit->after);
}

/**
 * mix_tracker_changes_edited:
 * @history: (nullable): where the change goes; %NULL for none
 * @old_value: (nullable): the value before, as stored
 *
 * Says that @column of @record has just changed from @old_value.
 */
void
mix_tracker_changes_edited (MixHistory *history,
                            MixTracker *tracker,
                            MixRecord  *record,
                            guint       column,
                            const char *old_value)
{
  const MixTabInfo *info;
  g_autofree char *label = NULL;
  Edit *edit;

  g_return_if_fail (MIX_IS_TRACKER (tracker));
  g_return_if_fail (MIX_IS_RECORD (record));

  if (history == NULL || mix_history_is_busy (history) ||
      g_strcmp0 (old_value, mix_record_get_value (record, column)) == 0)
    return;

  info = mix_tab_get_info (mix_record_get_tab (record));
  edit = g_new0 (Edit, 1);
  edit->tracker = g_object_ref (tracker);
  edit->record = g_object_ref (record);
  edit->column = column;
  edit->before = g_strdup (old_value);
  edit->after = g_strdup (mix_record_get_value (record, column));
  /* Translators: %s is a column of the tracker, such as Company. */
  label = g_strdup_printf (_("Changed %s"), _(info->columns[column].title));
  mix_history_push (history, label, undo_edit, redo_edit, edit, (GDestroyNotify) edit_free);
}

/* Rows added or deleted */

typedef struct
{
  MixTracker *tracker;
  GPtrArray  *records;    /* MixRecord */
  GArray     *positions;  /* guint, of each record in its tab, for deleted rows */
} Rows;

static void
rows_free (Rows *rows)
{
  g_object_unref (rows->tracker);
  g_ptr_array_unref (rows->records);
  g_clear_pointer (&rows->positions, g_array_unref);
  g_free (rows);
}

/* Takes the rows out that are in the tracker, the last first, so that the
 * positions of those before stay true. */
static gboolean
remove_rows (Rows *rows)
{
  gboolean any = FALSE;

  for (guint i = rows->records->len; i > 0; i--)
    {
      MixRecord *record = rows->records->pdata[i - 1];

      if (holds (rows->tracker, record))
        any |= mix_tracker_remove_row (rows->tracker, record, NULL);
    }
  return any;
}

/* Puts the rows back that are not in the tracker: where they were, the
 * first first, or at the end of their tabs. */
static gboolean
insert_rows (Rows *rows)
{
  gboolean any = FALSE;

  for (guint i = 0; i < rows->records->len; i++)
    {
      MixRecord *record = rows->records->pdata[i];

      if (mix_tracker_find (rows->tracker, mix_record_get_id (record)) != NULL)
        continue;
      mix_tracker_insert_row (rows->tracker, record,
                              rows->positions != NULL ?
                                g_array_index (rows->positions, guint, i) : G_MAXUINT);
      any = TRUE;
    }
  return any;
}

static Rows *
rows_new (MixTracker *tracker,
          GPtrArray  *records,
          GArray     *positions)
{
  Rows *rows = g_new0 (Rows, 1);

  rows->tracker = g_object_ref (tracker);
  rows->records = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (rows->records, g_object_ref (records->pdata[i]));
  if (positions != NULL)
    rows->positions = g_array_ref (positions);
  return rows;
}

/**
 * mix_tracker_changes_added:
 * @history: (nullable): where the change goes; %NULL for none
 * @records: (element-type MixRecord): rows just added to @tracker
 * @label: what the change was, for the user
 *
 * Says that @records were just added, by Add Row, an import, or from a
 * session's group.
 */
void
mix_tracker_changes_added (MixHistory *history,
                           MixTracker *tracker,
                           GPtrArray  *records,
                           const char *label)
{
  g_return_if_fail (MIX_IS_TRACKER (tracker));
  g_return_if_fail (records != NULL && label != NULL);

  if (history == NULL || mix_history_is_busy (history) || records->len == 0)
    return;
  mix_history_push (history, label, (MixHistoryFunc) remove_rows, (MixHistoryFunc) insert_rows,
                    rows_new (tracker, records, NULL), (GDestroyNotify) rows_free);
}

/**
 * mix_tracker_changes_deleted:
 * @records: (element-type MixRecord): rows just taken out of @tracker, in
 *   the order of their positions
 * @positions: (element-type guint): where each was in its tab
 *
 * Says that @records were just deleted.
 */
void
mix_tracker_changes_deleted (MixHistory *history,
                             MixTracker *tracker,
                             GPtrArray  *records,
                             GArray     *positions,
                             const char *label)
{
  g_return_if_fail (MIX_IS_TRACKER (tracker));
  g_return_if_fail (records != NULL && positions != NULL && label != NULL);
  g_return_if_fail (records->len == positions->len);

  if (history == NULL || mix_history_is_busy (history) || records->len == 0)
    return;
  mix_history_push (history, label, (MixHistoryFunc) insert_rows, (MixHistoryFunc) remove_rows,
                    rows_new (tracker, records, positions), (GDestroyNotify) rows_free);
}

typedef struct
{
  MixRecord *record;
  guint      position;
} Placed;

static int
compare_placed (gconstpointer a,
                gconstpointer b)
{
  const Placed *pa = a;
  const Placed *pb = b;
  MixTab ta = mix_record_get_tab (pa->record);
  MixTab tb = mix_record_get_tab (pb->record);

  if (ta != tb)
    return (ta > tb) - (ta < tb);
  return (pa->position > pb->position) - (pa->position < pb->position);
}

/**
 * mix_tracker_delete_rows:
 * @records: (element-type MixRecord): rows of @tracker
 * @history: (nullable): where the deletion goes, to be undone
 *
 * Deletes @records, and says so in @history: "Deleted 3 rows".
 *
 * Returns: %TRUE if any row was deleted
 */
gboolean
mix_tracker_delete_rows (MixTracker *tracker,
                         GPtrArray  *records,
                         MixHistory *history)
{
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  g_autoptr(GPtrArray) deleted = g_ptr_array_new ();
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *label = NULL;

  g_return_val_if_fail (MIX_IS_TRACKER (tracker), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);

  for (guint i = 0; i < records->len; i++)
    {
      Placed p = { records->pdata[i], 0 };
      GListModel *rows = mix_tracker_get_rows (tracker, mix_record_get_tab (p.record));

      if (holds (tracker, p.record) && g_list_store_find (G_LIST_STORE (rows), p.record, &p.position))
        g_array_append_val (placed, p);
    }
  if (placed->len == 0)
    return FALSE;

  /* Put back from the start, so taken out from the end. */
  g_array_sort (placed, compare_placed);
  for (guint i = 0; i < placed->len; i++)
    {
      g_ptr_array_add (deleted, g_array_index (placed, Placed, i).record);
      g_array_append_val (positions, g_array_index (placed, Placed, i).position);
    }
  {
    g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < deleted->len; i++)
      g_ptr_array_add (held, g_object_ref (deleted->pdata[i]));
    for (guint i = held->len; i > 0; i--)
      mix_tracker_remove_row (tracker, held->pdata[i - 1], NULL);

    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Deleted %u row", "Deleted %u rows",
                                          held->len),
                             held->len);
    mix_tracker_changes_deleted (history, tracker, held, positions, label);
  }
  return TRUE;
}
