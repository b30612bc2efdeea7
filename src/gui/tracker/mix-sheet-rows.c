/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mix-sheet-rows.h"

/**
 * MixSheetRows:
 *
 * The rows of a tracker tab as its table shows them: those that match the
 * search, in the order of the table's sorter, ties in the tracker's order.
 *
 * Its items are #MixSheetSlot, one per position, each showing a record.
 * When the search or the sort changes, the slots on screen stay where they
 * are and show other records: the table only sets new text in the cells
 * it has. GTK 4.8's list views make new cells for every item they have not
 * seen, which for 10,000 rows made each keystroke of a search cost 70 ms.
 *
 * When rows are added to or removed from the tab, the slots of the other
 * rows go with their records, so that a row being edited keeps its cells.
 */

/* Slots */

struct _MixSheetSlot
{
  GObject    parent_instance;

  MixRecord *record;
  guint      holds;            /* cells showing it */
  gulong     changed_handler;  /* on the record, while held */
};

G_DEFINE_FINAL_TYPE (MixSheetSlot, mix_sheet_slot, G_TYPE_OBJECT)

enum {
  SLOT_CHANGED,
  N_SLOT_SIGNALS
};

static guint slot_signals[N_SLOT_SIGNALS];

static void
on_record_changed_cb (MixRecord    *record,
                      int           column,
                      MixSheetSlot *self)
{
  g_signal_emit (self, slot_signals[SLOT_CHANGED], 0, column);
}

static void
slot_set_record (MixSheetSlot *self,
                 MixRecord    *record)
{
  if (self->record == record)
    return;

  if (self->holds > 0)
    g_clear_signal_handler (&self->changed_handler, self->record);
  g_set_object (&self->record, record);
  if (self->holds > 0)
    self->changed_handler = g_signal_connect (record, "changed",
                                              G_CALLBACK (on_record_changed_cb), self);
  g_signal_emit (self, slot_signals[SLOT_CHANGED], 0, -1);
}

static MixSheetSlot *
slot_new (MixRecord *record)
{
  MixSheetSlot *self = g_object_new (MIX_TYPE_SHEET_SLOT, NULL);

  self->record = g_object_ref (record);
  return self;
}

/**
 * mix_sheet_slot_get_record:
 *
 * Returns: (transfer none): the record the slot shows now
 */
MixRecord *
mix_sheet_slot_get_record (MixSheetSlot *self)
{
  g_return_val_if_fail (MIX_IS_SHEET_SLOT (self), NULL);
  return self->record;
}

/**
 * mix_sheet_slot_hold:
 *
 * Says that a cell on screen shows the slot: while one does, the slot
 * passes on the changes of its record's values.
 */
void
mix_sheet_slot_hold (MixSheetSlot *self)
{
  g_return_if_fail (MIX_IS_SHEET_SLOT (self));

  if (self->holds++ == 0)
    self->changed_handler = g_signal_connect (self->record, "changed",
                                              G_CALLBACK (on_record_changed_cb), self);
}

void
mix_sheet_slot_release (MixSheetSlot *self)
{
  g_return_if_fail (MIX_IS_SHEET_SLOT (self));
  g_return_if_fail (self->holds > 0);

  if (--self->holds == 0)
    g_clear_signal_handler (&self->changed_handler, self->record);
}

static void
mix_sheet_slot_dispose (GObject *object)
{
  MixSheetSlot *self = MIX_SHEET_SLOT (object);

  if (self->record != NULL)
    g_clear_signal_handler (&self->changed_handler, self->record);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (mix_sheet_slot_parent_class)->dispose (object);
}

static void
mix_sheet_slot_class_init (MixSheetSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mix_sheet_slot_dispose;

  /**
   * MixSheetSlot::changed:
   * @column: the column whose value changed, or -1 when the slot shows
   *   another record
   */
  slot_signals[SLOT_CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__INT,
                  G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
mix_sheet_slot_init (MixSheetSlot *self)
{
}

/* The rows */

/* Changes to more rows than this at once are worked out again from the
 * whole tab, rather than row by row. */
#define MAX_STEPWISE 64

struct _MixSheetRows
{
  GObject            parent_instance;

  GListModel        *records;  /* the tab, in the tracker's order */
  GPtrArray         *mirror;   /* owned: the same, to know what a change removed */
  GPtrArray         *sorted;   /* every record, in the sorter's order */
  GPtrArray         *shown;    /* the records that matched, in the sorter's order */
  GPtrArray         *slots;    /* a MixSheetSlot or %NULL for each shown record */
  GtkSorter         *sorter;   /* nullable */
  MixSheetRowsMatch  match;
  gpointer           match_data;
};

static void mix_sheet_rows_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MixSheetRows, mix_sheet_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      mix_sheet_rows_list_model_init))

static GType
mix_sheet_rows_get_item_type (GListModel *model)
{
  return MIX_TYPE_SHEET_SLOT;
}

static guint
mix_sheet_rows_get_n_items (GListModel *model)
{
  return MIX_SHEET_ROWS (model)->shown->len;
}

/* Slots are made as the table asks for them: it asks for the rows around
 * the ones on screen, not for all 10,000. */
static gpointer
mix_sheet_rows_get_item (GListModel *model,
                         guint       position)
{
  MixSheetRows *self = MIX_SHEET_ROWS (model);

  if (position >= self->shown->len)
    return NULL;
  if (self->slots->pdata[position] == NULL)
    self->slots->pdata[position] = slot_new (self->shown->pdata[position]);
  return g_object_ref (self->slots->pdata[position]);
}

static void
mix_sheet_rows_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = mix_sheet_rows_get_item_type;
  iface->get_n_items = mix_sheet_rows_get_n_items;
  iface->get_item = mix_sheet_rows_get_item;
}

static void
free_slot (gpointer slot)
{
  if (slot != NULL)
    g_object_unref (slot);
}

static gboolean
is_sorting (MixSheetRows *self)
{
  return self->sorter != NULL && gtk_sorter_get_order (self->sorter) != GTK_SORTER_ORDER_NONE;
}

typedef struct
{
  MixRecord *record;
  guint      index;   /* in the tracker's order */
} Entry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const Entry *ea = a;
  const Entry *eb = b;
  int result = gtk_sorter_compare (user_data, ea->record, eb->record);

  if (result == 0)
    result = (ea->index > eb->index) - (ea->index < eb->index);
  return result;
}

/* Every record in the sorter's order. */
static void
sort_all (MixSheetRows *self)
{
  g_ptr_array_set_size (self->sorted, 0);

  if (!is_sorting (self))
    {
      for (guint i = 0; i < self->mirror->len; i++)
        g_ptr_array_add (self->sorted, self->mirror->pdata[i]);
    }
  else
    {
      g_autofree Entry *entries = g_new (Entry, self->mirror->len);

      for (guint i = 0; i < self->mirror->len; i++)
        entries[i] = (Entry) { self->mirror->pdata[i], i };
      g_qsort_with_data (entries, (int) self->mirror->len, sizeof (Entry),
                         compare_entries, self->sorter);
      for (guint i = 0; i < self->mirror->len; i++)
        g_ptr_array_add (self->sorted, entries[i].record);
    }
}

static guint
index_in (GPtrArray *array,
          gpointer   item)
{
  guint index;

  return g_ptr_array_find (array, item, &index) ? index : GTK_INVALID_LIST_POSITION;
}

/* Where @record, at @index in the tracker's order, goes in @array, which
 * is in the sorter's order, ties in the tracker's order. */
static guint
insert_position (MixSheetRows *self,
                 GPtrArray    *array,
                 MixRecord    *record,
                 guint         index)
{
  guint low = 0;
  guint high = array->len;
  guint at;

  if (is_sorting (self))
    {
      guint end = array->len;

      /* The first that does not sort before @record… */
      while (low < high)
        {
          guint middle = low + (high - low) / 2;

          if (gtk_sorter_compare (self->sorter, array->pdata[middle], record) < 0)
            low = middle + 1;
          else
            high = middle;
        }
      /* …and the first that sorts after it. */
      high = end;
      for (guint from = low; from < high;)
        {
          guint middle = from + (high - from) / 2;

          if (gtk_sorter_compare (self->sorter, array->pdata[middle], record) <= 0)
            from = middle + 1;
          else
            high = middle;
        }
    }

  /* Those that sort the same are in the tracker's order, the order of
   * self->mirror: one walk counts those that come before @index. This
   * needs no lookup of where each one is in the tracker, which made
   * putting back 5,000 deleted rows take a second. */
  at = low;
  for (guint i = 0; i < index && at < high; i++)
    if (self->mirror->pdata[i] == array->pdata[at])
      at++;
  return at;
}

/* Shows @shown (taken) instead, keeping the slots of the records shown
 * both before and after: used when rows come and go. */
static void
replace_shown (MixSheetRows *self,
               GPtrArray    *shown)
{
  g_autoptr(GPtrArray) old = self->shown;
  g_autoptr(GPtrArray) old_slots = self->slots;
  g_autoptr(GHashTable) reusable = g_hash_table_new (NULL, NULL);
  guint n_old = old->len;
  guint n_new = shown->len;
  guint prefix = 0;
  guint suffix = 0;

  while (prefix < n_old && prefix < n_new && old->pdata[prefix] == shown->pdata[prefix])
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         old->pdata[n_old - 1 - suffix] == shown->pdata[n_new - 1 - suffix])
    suffix++;

  for (guint i = prefix; i < n_old - suffix; i++)
    if (old_slots->pdata[i] != NULL)
      g_hash_table_insert (reusable, old->pdata[i], old_slots->pdata[i]);

  self->shown = shown;
  self->slots = g_ptr_array_new_full (n_new, free_slot);
  for (guint i = 0; i < n_new; i++)
    {
      gpointer slot;

      if (i < prefix)
        slot = old_slots->pdata[i];
      else if (i >= n_new - suffix)
        slot = old_slots->pdata[n_old - (n_new - i)];
      else
        slot = g_hash_table_lookup (reusable, shown->pdata[i]);
      g_ptr_array_add (self->slots, slot != NULL ? g_object_ref (slot) : NULL);
    }

  if (n_old - prefix - suffix > 0 || n_new - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                n_old - prefix - suffix, n_new - prefix - suffix);
}

/* Shows @shown (taken) instead in the same slots: used when the search or
 * the sort changes, so that the table keeps its cells. */
static void
reassign_shown (MixSheetRows *self,
                GPtrArray    *shown)
{
  guint n_old = self->shown->len;
  guint n_new = shown->len;
  guint common = MIN (n_old, n_new);

  g_ptr_array_unref (self->shown);
  self->shown = shown;

  if (n_new < n_old)
    g_ptr_array_remove_range (self->slots, n_new, n_old - n_new);
  else
    g_ptr_array_set_size (self->slots, n_new);

  for (guint i = 0; i < common; i++)
    if (self->slots->pdata[i] != NULL)
      slot_set_record (self->slots->pdata[i], shown->pdata[i]);

  if (n_old != n_new)
    g_list_model_items_changed (G_LIST_MODEL (self), common, n_old - common, n_new - common);
}

static GPtrArray *
filter (MixSheetRows *self,
        GPtrArray    *from)
{
  GPtrArray *shown = g_ptr_array_sized_new (from->len);

  for (guint i = 0; i < from->len; i++)
    if (self->match (from->pdata[i], self->match_data))
      g_ptr_array_add (shown, from->pdata[i]);
  return shown;
}

static void
reload (MixSheetRows *self)
{
  guint n = g_list_model_get_n_items (self->records);

  g_ptr_array_set_size (self->mirror, 0);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->mirror, g_list_model_get_item (self->records, i));
  sort_all (self);
}

static void
on_records_changed_cb (GListModel   *records,
                       guint         position,
                       guint         removed,
                       guint         added,
                       MixSheetRows *self)
{
  g_autoptr(GPtrArray) gone = NULL;

  if (removed > MAX_STEPWISE || added > MAX_STEPWISE)
    {
      reload (self);
      replace_shown (self, filter (self, self->sorted));
      return;
    }

  /* Kept alive until they are out of every list. */
  gone = g_ptr_array_new_full (removed, g_object_unref);
  for (guint i = 0; i < removed; i++)
    g_ptr_array_add (gone, g_object_ref (self->mirror->pdata[position + i]));
  g_ptr_array_remove_range (self->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (self->mirror, (int) (position + i),
                        g_list_model_get_item (records, position + i));

  for (guint i = 0; i < gone->len; i++)
    {
      guint at = index_in (self->sorted, gone->pdata[i]);

      if (at != GTK_INVALID_LIST_POSITION)
        g_ptr_array_remove_index (self->sorted, at);
      at = index_in (self->shown, gone->pdata[i]);
      if (at == GTK_INVALID_LIST_POSITION)
        continue;
      g_ptr_array_remove_index (self->shown, at);
      g_ptr_array_remove_index (self->slots, at);
      g_list_model_items_changed (G_LIST_MODEL (self), at, 1, 0);
    }

  for (guint i = 0; i < added; i++)
    {
      MixRecord *record = self->mirror->pdata[position + i];
      guint at = insert_position (self, self->sorted, record, position + i);

      g_ptr_array_insert (self->sorted, (int) at, record);
      if (!self->match (record, self->match_data))
        continue;
      at = insert_position (self, self->shown, record, position + i);
      g_ptr_array_insert (self->shown, (int) at, record);
      g_ptr_array_insert (self->slots, (int) at, NULL);
      g_list_model_items_changed (G_LIST_MODEL (self), at, 0, 1);
    }
}

/**
 * mix_sheet_rows_new:
 * @records: the rows of a tab, as the tracker keeps them
 * @match: says which rows to show; asked again by mix_sheet_rows_refilter()
 *   and for rows as they are added
 */
MixSheetRows *
mix_sheet_rows_new (GListModel        *records,
                    MixSheetRowsMatch  match,
                    gpointer           user_data)
{
  MixSheetRows *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (records), NULL);
  g_return_val_if_fail (match != NULL, NULL);

  self = g_object_new (MIX_TYPE_SHEET_ROWS, NULL);
  self->records = g_object_ref (records);
  self->match = match;
  self->match_data = user_data;
  reload (self);
  g_ptr_array_unref (self->shown);
  self->shown = filter (self, self->sorted);
  g_ptr_array_set_size (self->slots, self->shown->len);
  g_signal_connect_object (records, "items-changed", G_CALLBACK (on_records_changed_cb), self, 0);
  return self;
}

/**
 * mix_sheet_rows_set_sorter:
 *
 * Sets the order the rows are shown in, from the next
 * mix_sheet_rows_sort() on; a row added before that goes where the
 * sorter puts it.
 */
void
mix_sheet_rows_set_sorter (MixSheetRows *self,
                           GtkSorter    *sorter)
{
  g_return_if_fail (MIX_IS_SHEET_ROWS (self));
  g_return_if_fail (sorter == NULL || GTK_IS_SORTER (sorter));

  g_set_object (&self->sorter, sorter);
}

/**
 * mix_sheet_rows_sort:
 *
 * Sorts the rows again, after the sorter changed. The same rows stay
 * shown.
 */
void
mix_sheet_rows_sort (MixSheetRows *self)
{
  GPtrArray *shown;

  g_return_if_fail (MIX_IS_SHEET_ROWS (self));

  sort_all (self);
  if (self->shown->len == self->sorted->len)
    shown = g_ptr_array_copy (self->sorted, NULL, NULL);
  else
    {
      g_autoptr(GHashTable) is_shown = g_hash_table_new (NULL, NULL);

      for (guint i = 0; i < self->shown->len; i++)
        g_hash_table_add (is_shown, self->shown->pdata[i]);
      shown = g_ptr_array_sized_new (self->shown->len);
      for (guint i = 0; i < self->sorted->len; i++)
        if (g_hash_table_contains (is_shown, self->sorted->pdata[i]))
          g_ptr_array_add (shown, self->sorted->pdata[i]);
    }
  reassign_shown (self, shown);
}

/**
 * mix_sheet_rows_refilter:
 * @narrower: %TRUE if the match function now takes only rows it took
 *   before, such as when a letter is added to the search
 *
 * Asks the match function again which rows to show.
 */
void
mix_sheet_rows_refilter (MixSheetRows *self,
                         gboolean      narrower)
{
  g_return_if_fail (MIX_IS_SHEET_ROWS (self));

  reassign_shown (self, filter (self, narrower ? self->shown : self->sorted));
}

guint
mix_sheet_rows_get_n_rows (MixSheetRows *self)
{
  g_return_val_if_fail (MIX_IS_SHEET_ROWS (self), 0);
  return self->shown->len;
}

/**
 * mix_sheet_rows_get_record:
 *
 * Returns: (transfer none) (nullable): the record shown at @position
 */
MixRecord *
mix_sheet_rows_get_record (MixSheetRows *self,
                           guint         position)
{
  g_return_val_if_fail (MIX_IS_SHEET_ROWS (self), NULL);
  return position < self->shown->len ? self->shown->pdata[position] : NULL;
}

/**
 * mix_sheet_rows_find:
 *
 * Returns: where @record is shown, or %GTK_INVALID_LIST_POSITION
 */
guint
mix_sheet_rows_find (MixSheetRows *self,
                     MixRecord    *record)
{
  g_return_val_if_fail (MIX_IS_SHEET_ROWS (self), GTK_INVALID_LIST_POSITION);
  return index_in (self->shown, record);
}

static void
mix_sheet_rows_dispose (GObject *object)
{
  MixSheetRows *self = MIX_SHEET_ROWS (object);

  if (self->records != NULL)
    g_signal_handlers_disconnect_by_func (self->records, on_records_changed_cb, self);
  g_clear_object (&self->records);
  g_clear_object (&self->sorter);
  g_clear_pointer (&self->slots, g_ptr_array_unref);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->sorted, g_ptr_array_unref);
  g_clear_pointer (&self->mirror, g_ptr_array_unref);

  G_OBJECT_CLASS (mix_sheet_rows_parent_class)->dispose (object);
}

static void
mix_sheet_rows_class_init (MixSheetRowsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mix_sheet_rows_dispose;
}

static void
mix_sheet_rows_init (MixSheetRows *self)
{
  self->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  self->sorted = g_ptr_array_new ();
  self->shown = g_ptr_array_new ();
  self->slots = g_ptr_array_new_with_free_func (free_slot);
}
