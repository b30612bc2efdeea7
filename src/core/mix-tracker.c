/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mix-date.h"
#include "mix-error.h"
#include "mix-json.h"
#include "mix-json-reader.h"
#include "mix-merge.h"
#include "mix-tracker.h"

/**
 * MixTracker:
 *
 * The networking tracker: three tabs of #MixRecord rows, each a
 * #GListStore. Rows that could not be read from the file (wrong types)
 * are kept aside unchanged and written back, so nothing is lost; members
 * of the "tabs" object this version does not know are kept too.
 *
 * #MixTracker::changed is emitted whenever anything that is saved changes.
 */
struct _MixTracker
{
  GObject     parent_instance;

  GListStore *rows[MIX_N_TABS];
  GPtrArray  *unreadable[MIX_N_TABS];  /* JsonNode, kept as read */
  JsonObject *unknown_tabs;            /* nullable */
  GHashTable *by_id;                   /* id → MixRecord, not owned */
  MixTombstones *tombstones;           /* the rows deleted */
};

G_DEFINE_FINAL_TYPE (MixTracker, mix_tracker, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void on_record_changed (MixRecord *record,
                               gpointer   data);

static void
mix_tracker_dispose (GObject *object)
{
  MixTracker *self = (MixTracker *) object;

  for (guint i = 0; i < MIX_N_TABS; i++)
    {
      guint n = self->rows[i] != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->rows[i])) : 0;

      /* Rows kept elsewhere (an Undo, a table) must not call a tracker
       * that is gone. */
      for (guint j = 0; j < n; j++)
        {
          g_autoptr(MixRecord) record = g_list_model_get_item (G_LIST_MODEL (self->rows[i]), j);

          if (mix_record_get_owner_data (record) == self)
            mix_record_set_owner (record, NULL, NULL);
        }
      g_clear_object (&self->rows[i]);
      g_clear_pointer (&self->unreadable[i], g_ptr_array_unref);
    }
  g_clear_pointer (&self->unknown_tabs, json_object_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->tombstones, mix_tombstones_free);

  G_OBJECT_CLASS (mix_tracker_parent_class)->dispose (object);
}

static void
mix_tracker_class_init (MixTrackerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mix_tracker_dispose;

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
mix_tracker_init (MixTracker *self)
{
  for (guint i = 0; i < MIX_N_TABS; i++)
    {
      self->rows[i] = g_list_store_new (MIX_TYPE_RECORD);
      self->unreadable[i] = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
    }
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->tombstones = mix_tombstones_new ();
}

MixTracker *
mix_tracker_new (void)
{
  return g_object_new (MIX_TYPE_TRACKER, NULL);
}

/**
 * mix_tracker_get_rows:
 *
 * Returns: (transfer none): the rows of @tab, a #GListModel of #MixRecord
 */
GListModel *
mix_tracker_get_rows (MixTracker *self,
                      MixTab      tab)
{
  g_return_val_if_fail (MIX_IS_TRACKER (self), NULL);
  g_return_val_if_fail (tab < MIX_N_TABS, NULL);

  return G_LIST_MODEL (self->rows[tab]);
}

guint
mix_tracker_get_n_rows (MixTracker *self,
                        MixTab      tab)
{
  return g_list_model_get_n_items (mix_tracker_get_rows (self, tab));
}

/**
 * mix_tracker_find:
 *
 * Returns: (transfer none) (nullable): the row with @id, in any tab
 */
MixRecord *
mix_tracker_find (MixTracker *self,
                  const char *id)
{
  g_return_val_if_fail (MIX_IS_TRACKER (self), NULL);

  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (self->by_id, id);
}

static void
on_record_changed (MixRecord *record,
                   gpointer   data)
{
  g_signal_emit (MIX_TRACKER (data), signals[CHANGED], 0);
}

/* Puts @record in @by_id; a second row with an id already used gets a new
 * one, so that links to rows stay unambiguous. */
static void
index_record (GHashTable *by_id,
              MixRecord  *record)
{
  if (g_hash_table_contains (by_id, mix_record_get_id (record)))
    mix_record_reset_id (record);
  g_hash_table_insert (by_id, (gpointer) mix_record_get_id (record), record);
}

/* Takes @record into the index, and hears of its changes. */
static void
adopt (MixTracker *self,
       MixRecord  *record)
{
  index_record (self->by_id, record);
  mix_record_set_owner (record, on_record_changed, self);
}

static void
release (MixTracker *self,
         MixRecord  *record)
{
  g_hash_table_remove (self->by_id, mix_record_get_id (record));
  if (mix_record_get_owner_data (record) == self)
    mix_record_set_owner (record, NULL, NULL);
}

/**
 * mix_tracker_add_row:
 *
 * Appends an empty row to @tab.
 *
 * Returns: (transfer none): the new row
 */
MixRecord *
mix_tracker_add_row (MixTracker *self,
                     MixTab      tab)
{
  g_autoptr(MixRecord) record = NULL;

  g_return_val_if_fail (MIX_IS_TRACKER (self), NULL);
  g_return_val_if_fail (tab < MIX_N_TABS, NULL);

  record = mix_record_new (tab);
  adopt (self, record);
  g_list_store_append (self->rows[tab], record);
  g_signal_emit (self, signals[CHANGED], 0);
  return record;
}

/**
 * mix_tracker_insert_row:
 *
 * Puts @record back at @position of its tab (clamped to the end), as when
 * a deletion is undone.
 */
void
mix_tracker_insert_row (MixTracker *self,
                        MixRecord  *record,
                        guint       position)
{
  MixTab tab;

  g_return_if_fail (MIX_IS_TRACKER (self));
  g_return_if_fail (MIX_IS_RECORD (record));

  tab = mix_record_get_tab (record);
  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->rows[tab])));
  if (mix_tombstones_lookup (self->tombstones, mix_record_get_id (record)) != NULL)
    {
      /* A deletion undone: the row comes back newer than the copy that was
       * deleted, which a copy of the file elsewhere may have learnt of. */
      mix_tombstones_remove (self->tombstones, mix_record_get_id (record));
      mix_record_bump (record);
    }
  adopt (self, record);
  g_list_store_insert (self->rows[tab], position, record);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * mix_tracker_append_rows:
 * @records: (element-type MixRecord): rows of @tab
 *
 * Appends all of @records to @tab in one change.
 */
void
mix_tracker_append_rows (MixTracker *self,
                         MixTab      tab,
                         GPtrArray  *records)
{
  g_return_if_fail (MIX_IS_TRACKER (self));
  g_return_if_fail (tab < MIX_N_TABS);

  if (records->len == 0)
    return;

  for (guint i = 0; i < records->len; i++)
    {
      g_return_if_fail (mix_record_get_tab (records->pdata[i]) == tab);
      adopt (self, records->pdata[i]);
    }
  g_list_store_splice (self->rows[tab],
                       g_list_model_get_n_items (G_LIST_MODEL (self->rows[tab])),
                       0, records->pdata, records->len);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * mix_tracker_remove_row:
 * @position: (out) (optional): where the row was
 *
 * Returns: %TRUE if @record was in the tracker and is now removed
 */
gboolean
mix_tracker_remove_row (MixTracker *self,
                        MixRecord  *record,
                        guint      *position)
{
  MixTab tab;
  guint pos;

  g_return_val_if_fail (MIX_IS_TRACKER (self), FALSE);
  g_return_val_if_fail (MIX_IS_RECORD (record), FALSE);

  tab = mix_record_get_tab (record);
  if (!g_list_store_find (self->rows[tab], record, &pos))
    return FALSE;

  release (self, record);
  mix_tombstones_add (self->tombstones, mix_record_get_id (record),
                      mix_record_get_modified (record), NULL);
  g_list_store_remove (self->rows[tab], pos);
  if (position != NULL)
    *position = pos;
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * MixTrackerRows:
 *
 * The rows of `tracker.json` as read, before they replace a tracker's.
 */
struct _MixTrackerRows
{
  GPtrArray  *loaded[MIX_N_TABS];      /* MixRecord */
  GPtrArray  *unreadable[MIX_N_TABS];  /* JsonNode, kept as read */
  JsonObject *unknown_tabs;            /* nullable */
  GHashTable *by_id;                   /* id → MixRecord of loaded, indexed as read */
  guint       n_skipped;
};

void
mix_tracker_rows_free (MixTrackerRows *rows)
{
  if (rows == NULL)
    return;
  for (guint t = 0; t < MIX_N_TABS; t++)
    {
      g_clear_pointer (&rows->loaded[t], g_ptr_array_unref);
      g_clear_pointer (&rows->unreadable[t], g_ptr_array_unref);
    }
  g_clear_pointer (&rows->unknown_tabs, json_object_unref);
  g_clear_pointer (&rows->by_id, g_hash_table_unref);
  g_free (rows);
}

static MixTrackerRows *
rows_new (void)
{
  MixTrackerRows *rows = g_new0 (MixTrackerRows, 1);

  for (guint t = 0; t < MIX_N_TABS; t++)
    {
      rows->loaded[t] = g_ptr_array_new_with_free_func (g_object_unref);
      rows->unreadable[t] = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
    }
  rows->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  return rows;
}

static gboolean
refuse (MixJsonReader *reader,
        GError        *error)
{
  mix_json_reader_fail (reader, error);
  return FALSE;
}

/* Reads the rows of one tab, an array. */
static gboolean
read_tab (MixTrackerRows *rows,
          MixTab          tab,
          MixJsonReader  *reader)
{
  mix_json_reader_enter_array (reader);
  while (mix_json_reader_next_element (reader))
    {
      MixJsonMark mark;
      MixRecord *record;
      JsonNode *kept;
      gboolean unfit = FALSE;

      mix_json_reader_mark (reader, &mark);
      record = mix_record_read (tab, reader, &unfit);
      if (record != NULL)
        {
          /* Indexed here, which may be off the main thread (see
           * mix_store_begin_load()), rather than when the rows are taken. */
          index_record (rows->by_id, record);
          g_ptr_array_add (rows->loaded[tab], record);
          continue;
        }
      if (!unfit)
        return FALSE;

      /* Read again as it is, to be written back unchanged. */
      mix_json_reader_rewind (reader, &mark);
      kept = mix_json_reader_read_node (reader);
      if (kept == NULL)
        return FALSE;
      g_ptr_array_add (rows->unreadable[tab], kept);
      rows->n_skipped++;
    }
  return !mix_json_reader_failed (reader);
}

/**
 * mix_tracker_rows_read:
 * @reader: a reader before the value of the "tabs" member
 * @rows_out: (out) (transfer full): the rows read
 *
 * Reads the "tabs" object of `tracker.json` row by row, as a
 * #MixJsonMemberFunc does. Rows that cannot be read (wrong types) are kept
 * aside unchanged, tabs this version does not know too. A tracker whose
 * shape is wrong ("tabs" is not an object, or a tab is not an array) is
 * refused as damaged: @reader is stopped.
 *
 * Returns: %TRUE on success
 */
gboolean
mix_tracker_rows_read (MixJsonReader   *reader,
                       MixTrackerRows **rows_out)
{
  g_autoptr(MixTrackerRows) rows = rows_new ();
  guint seen = 0;
  const char *name;

  g_return_val_if_fail (rows_out != NULL && *rows_out == NULL, FALSE);

  switch (mix_json_reader_peek (reader))
    {
    case MIX_JSON_TOKEN_OBJECT:
      break;
    case MIX_JSON_TOKEN_NONE:
      return FALSE;
    default:
      return refuse (reader, g_error_new_literal (MIX_ERROR, MIX_ERROR_DAMAGED,
                                                  _("Its list of tabs is not in the expected form.")));
    }

  mix_json_reader_enter_object (reader);
  while (mix_json_reader_next_member (reader, &name))
    {
      MixTab tab;

      if (!mix_tab_from_id (name, &tab))
        {
          if (!mix_json_reader_keep_member (reader, &rows->unknown_tabs, name))
            return FALSE;
          continue;
        }

      if (seen & (1u << tab))
        {
          mix_json_reader_fail_duplicate (reader);
          return FALSE;
        }
      seen |= 1u << tab;

      if (mix_json_reader_peek (reader) != MIX_JSON_TOKEN_ARRAY)
        {
          if (mix_json_reader_failed (reader))
            return FALSE;
          return refuse (reader, g_error_new (MIX_ERROR, MIX_ERROR_DAMAGED,
                                              _("The tab “%s” is not a list of rows."), name));
        }
      if (!read_tab (rows, tab, reader))
        return FALSE;
    }
  if (mix_json_reader_failed (reader))
    return FALSE;

  *rows_out = g_steal_pointer (&rows);
  return TRUE;
}

/**
 * mix_tracker_load_rows:
 * @rows: (transfer full): rows read by mix_tracker_rows_read(), or %NULL
 *   for a file without tabs
 * @n_skipped: (out): how many rows could not be read; they are kept aside
 *   and written back unchanged
 *
 * Replaces the tracker's rows with @rows.
 */
void
mix_tracker_load_rows (MixTracker     *self,
                       MixTrackerRows *rows,
                       guint          *n_skipped)
{
  g_return_if_fail (MIX_IS_TRACKER (self));

  if (rows == NULL)
    rows = rows_new ();

  /* The rows were indexed as they were read. */
  g_hash_table_unref (self->by_id);
  self->by_id = g_steal_pointer (&rows->by_id);
  for (guint t = 0; t < MIX_N_TABS; t++)
    {
      guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->rows[t]));
      GPtrArray *loaded = rows->loaded[t];

      for (guint i = 0; i < n_old; i++)
        {
          g_autoptr(MixRecord) old = g_list_model_get_item (G_LIST_MODEL (self->rows[t]), i);

          if (mix_record_get_owner_data (old) == self)
            mix_record_set_owner (old, NULL, NULL);
        }
      for (guint i = 0; i < loaded->len; i++)
        {
          mix_record_set_owner (loaded->pdata[i], on_record_changed, self);
          mix_record_set_on_disk (loaded->pdata[i], mix_record_get_serial (loaded->pdata[i]));
        }
      g_list_store_splice (self->rows[t], 0, n_old, loaded->pdata, loaded->len);
      g_clear_pointer (&self->unreadable[t], g_ptr_array_unref);
      self->unreadable[t] = g_steal_pointer (&rows->unreadable[t]);
    }
  g_clear_pointer (&self->unknown_tabs, json_object_unref);
  self->unknown_tabs = g_steal_pointer (&rows->unknown_tabs);

  *n_skipped = rows->n_skipped;
  mix_tracker_rows_free (rows);
}

static gboolean
read_rows_cb (MixJsonReader *reader,
              gpointer       user_data)
{
  return mix_tracker_rows_read (reader, user_data);
}

/**
 * mix_tracker_read_document:
 * @rows_out: (out) (transfer full) (nullable): the rows, %NULL when the
 *   document has no "tabs"
 *
 * Parses `tracker.json` text as mix_json_parse_object() does, reading the
 * rows straight into records rather than into a tree first.
 *
 * Returns: (transfer full) (nullable): the root object, without "tabs"
 */
JsonNode *
mix_tracker_read_document (const char      *data,
                           gsize            length,
                           MixTrackerRows **rows_out,
                           GError         **error)
{
  JsonNode *root;

  g_return_val_if_fail (rows_out != NULL, NULL);

  *rows_out = NULL;
  root = mix_json_parse_object_streaming (data, length, "tabs", read_rows_cb, rows_out, error);
  if (root == NULL)
    g_clear_pointer (rows_out, mix_tracker_rows_free);
  return root;
}

/**
 * mix_tracker_load_json:
 * @root: the object read from `tracker.json`
 * @n_skipped: (out): how many rows could not be read
 *
 * Replaces the tracker's rows with those of @root's "tabs", as
 * mix_tracker_load_rows() does. A tracker whose shape is wrong is refused
 * as damaged, leaving the tracker as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
mix_tracker_load_json (MixTracker  *self,
                       JsonObject  *root,
                       guint       *n_skipped,
                       GError     **error)
{
  JsonNode *tabs;
  g_autoptr(GString) text = NULL;
  MixTrackerRows *rows = NULL;
  MixJsonReader reader;

  g_return_val_if_fail (MIX_IS_TRACKER (self), FALSE);

  *n_skipped = 0;
  tabs = json_object_get_member (root, "tabs");
  if (tabs != NULL)
    {
      text = g_string_new (NULL);
      mix_json_append_node (text, tabs);
      mix_json_reader_init (&reader, text->str, text->len);
      mix_tracker_rows_read (&reader, &rows);
      if (rows == NULL)
        {
          mix_json_reader_propagate_error (&reader, error);
          mix_json_reader_clear (&reader);
          return FALSE;
        }
      mix_json_reader_clear (&reader);
    }
  mix_tracker_load_rows (self, rows, n_skipped);
  return TRUE;
}

/**
 * mix_tracker_append_json:
 * @out: where the "tabs" member is written, as `"tabs":{…}`
 *
 * Writes the "tabs" member as text: for each tab the rows in order, then
 * the rows that could not be read, unchanged; then any tabs this version
 * does not know. One row a line, so the file stays readable, and much
 * faster for big trackers than building a tree of nodes.
 */
void
mix_tracker_append_json (MixTracker *self,
                         GString    *out)
{
  gboolean first_tab = TRUE;

  g_return_if_fail (MIX_IS_TRACKER (self));

  g_string_append (out, "\"tabs\":{");
  for (guint t = 0; t < MIX_N_TABS; t++)
    {
      GListModel *rows = G_LIST_MODEL (self->rows[t]);
      guint n = g_list_model_get_n_items (rows);
      gboolean first_row = TRUE;

      if (!first_tab)
        g_string_append_c (out, ',');
      first_tab = FALSE;
      g_string_append (out, "\n");
      mix_json_append_string (out, mix_tab_get_info (t)->id);
      g_string_append (out, ":[");

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(MixRecord) record = g_list_model_get_item (rows, i);

          g_string_append (out, first_row ? "\n" : ",\n");
          first_row = FALSE;
          mix_record_append_json (record, out);
        }
      for (guint i = 0; i < self->unreadable[t]->len; i++)
        {
          g_string_append (out, first_row ? "\n" : ",\n");
          first_row = FALSE;
          mix_json_append_node (out, self->unreadable[t]->pdata[i]);
        }
      g_string_append (out, "]");
    }

  if (self->unknown_tabs != NULL)
    {
      JsonObjectIter iter;
      const char *member;
      JsonNode *value;

      json_object_iter_init (&iter, self->unknown_tabs);
      while (json_object_iter_next (&iter, &member, &value))
        {
          g_string_append (out, ",\n");
          mix_json_append_string (out, member);
          g_string_append_c (out, ':');
          mix_json_append_node (out, value);
        }
    }
  g_string_append (out, "}");
}

/**
 * mix_tracker_get_tombstones:
 *
 * Returns: (transfer none): the rows deleted, kept to tell other copies of
 *   the file
 */
MixTombstones *
mix_tracker_get_tombstones (MixTracker *self)
{
  g_return_val_if_fail (MIX_IS_TRACKER (self), NULL);
  return self->tombstones;
}

/* Saving and merging */

typedef struct
{
  MixRecord *record;
  guint      serial;
} SavedRow;

/**
 * MixTrackerSaved:
 *
 * The rows as one save writes them, so that once the file is written each
 * row that has not changed since is known to be in it.
 */
struct _MixTrackerSaved
{
  GArray *rows;  /* SavedRow */
};

static void
saved_row_clear (SavedRow *row)
{
  g_clear_object (&row->record);
}

/**
 * mix_tracker_saved_new:
 *
 * Returns: (transfer full): the rows as they are now, before a save
 */
MixTrackerSaved *
mix_tracker_saved_new (MixTracker *self)
{
  MixTrackerSaved *saved;
  guint n = 0;

  g_return_val_if_fail (MIX_IS_TRACKER (self), NULL);

  for (guint t = 0; t < MIX_N_TABS; t++)
    n += g_list_model_get_n_items (G_LIST_MODEL (self->rows[t]));

  saved = g_new0 (MixTrackerSaved, 1);
  saved->rows = g_array_sized_new (FALSE, FALSE, sizeof (SavedRow), n);
  g_array_set_clear_func (saved->rows, (GDestroyNotify) saved_row_clear);
  for (guint t = 0; t < MIX_N_TABS; t++)
    {
      GListModel *rows = G_LIST_MODEL (self->rows[t]);
      guint n_rows = g_list_model_get_n_items (rows);

      for (guint i = 0; i < n_rows; i++)
        {
          SavedRow row;

          row.record = g_list_model_get_item (rows, i);
          row.serial = mix_record_get_serial (row.record);
          g_array_append_val (saved->rows, row);
        }
    }
  return saved;
}

/**
 * mix_tracker_saved_mark:
 *
 * Says that the save is in the file: each row is known to be there as it
 * was then.
 */
void
mix_tracker_saved_mark (MixTrackerSaved *saved)
{
  g_return_if_fail (saved != NULL);

  for (guint i = 0; i < saved->rows->len; i++)
    {
      SavedRow *row = &g_array_index (saved->rows, SavedRow, i);
      mix_record_set_on_disk (row->record, row->serial);
    }
}

void
mix_tracker_saved_free (MixTrackerSaved *saved)
{
  if (saved == NULL)
    return;
  g_array_unref (saved->rows);
  g_free (saved);
}

static char *
record_text (MixRecord *record)
{
  GString *out = g_string_new (NULL);

  mix_record_append_json (record, out);
  return g_string_free (out, FALSE);
}

static char *
node_text (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  mix_json_append_node (out, node);
  return g_string_free (out, FALSE);
}

/* Adds what @theirs holds of @kept and @self does not: rows that could not
 * be read, and tabs this version does not know. */
static guint
merge_kept (MixTracker     *self,
            MixTrackerRows *theirs)
{
  guint n_added = 0;

  for (guint t = 0; t < MIX_N_TABS; t++)
    {
      g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      if (theirs->unreadable[t]->len == 0)
        continue;
      for (guint i = 0; i < self->unreadable[t]->len; i++)
        g_hash_table_add (known, node_text (self->unreadable[t]->pdata[i]));
      for (guint i = 0; i < theirs->unreadable[t]->len; i++)
        {
          g_autofree char *text = node_text (theirs->unreadable[t]->pdata[i]);

          if (g_hash_table_contains (known, text))
            continue;
          g_ptr_array_add (self->unreadable[t], json_node_ref (theirs->unreadable[t]->pdata[i]));
          g_hash_table_add (known, g_steal_pointer (&text));
          n_added++;
        }
    }

  if (theirs->unknown_tabs != NULL)
    {
      JsonObjectIter iter;
      const char *member;
      JsonNode *value;

      json_object_iter_init (&iter, theirs->unknown_tabs);
      while (json_object_iter_next (&iter, &member, &value))
        {
          if (self->unknown_tabs == NULL)
            self->unknown_tabs = json_object_new ();
          if (json_object_has_member (self->unknown_tabs, member))
            continue;
          json_object_set_member (self->unknown_tabs, member, json_node_ref (value));
          n_added++;
        }
    }
  return n_added;
}

/**
 * mix_tracker_merge_rows:
 * @theirs: the rows of another copy of the file, as read; the rows taken
 *   from it are moved out
 * @merge: how to merge; its tombstones are the tracker's own and the other
 *   copy's
 *
 * Merges another copy of the tracker, row by row (see #MixMerge): rows are
 * changed, added and removed in place, so that a table showing them
 * updates as the user watches. Rows added come at the end of their tab.
 */
void
mix_tracker_merge_rows (MixTracker     *self,
                        MixTrackerRows *theirs,
                        MixMerge       *merge)
{
  g_autoptr(GPtrArray) dropped = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *added[MIX_N_TABS] = { NULL };
  gboolean changed = FALSE;

  g_return_if_fail (MIX_IS_TRACKER (self));
  g_return_if_fail (theirs != NULL && merge != NULL);
  g_return_if_fail (merge->ours == self->tombstones);

  for (guint t = 0; t < MIX_N_TABS; t++)
    added[t] = g_ptr_array_new_with_free_func (g_object_unref);

  /* Our rows the other copy lacks. */
  for (guint t = 0; t < MIX_N_TABS; t++)
    {
      GListModel *rows = G_LIST_MODEL (self->rows[t]);
      guint n = g_list_model_get_n_items (rows);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(MixRecord) ours = g_list_model_get_item (rows, i);
          const char *id = mix_record_get_id (ours);

          if (g_hash_table_contains (theirs->by_id, id))
            continue;
          if (mix_merge_decide (merge, id, mix_record_get_modified (ours),
                                mix_record_is_on_disk (ours) ? mix_record_get_modified (ours) : NULL,
                                NULL) == MIX_MERGE_DROP)
            g_ptr_array_add (dropped, g_steal_pointer (&ours));
        }
    }

  /* The other copy's rows. */
  for (guint t = 0; t < MIX_N_TABS; t++)
    {
      GPtrArray *loaded = theirs->loaded[t];

      for (guint i = 0; i < loaded->len; i++)
        {
          MixRecord *their = loaded->pdata[i];
          const char *id = mix_record_get_id (their);
          MixRecord *ours = g_hash_table_lookup (self->by_id, id);
          MixMergeVerdict verdict;

          verdict = mix_merge_decide (merge, id, ours ? mix_record_get_modified (ours) : NULL,
                                      ours && mix_record_is_on_disk (ours) ?
                                        mix_record_get_modified (ours) : NULL,
                                      mix_record_get_modified (their));

          if (verdict == MIX_MERGE_KEEP && ours != NULL &&
              mix_timestamp_compare (mix_record_get_modified (ours),
                                     mix_record_get_modified (their)) == 0)
            {
              /* The same version, as a rule; else two edits made in the
               * same millisecond, and both sides choose the same one. */
              if (mix_record_get_tab (ours) == t && mix_record_same_content (ours, their))
                {
                  mix_record_set_on_disk (ours, mix_record_get_serial (ours));
                  continue;
                }
              else
                {
                  g_autofree char *our_text = record_text (ours);
                  g_autofree char *their_text = record_text (their);

                  if (mix_merge_tie_break (our_text, their_text) > 0)
                    {
                      verdict = MIX_MERGE_TAKE;
                      merge->n_taken++;
                    }
                  else
                    merge->n_kept++;
                }
            }

          if (verdict != MIX_MERGE_TAKE)
            continue;

          changed = TRUE;
          if (ours != NULL && mix_record_get_tab (ours) == t)
            {
              mix_record_take (ours, their);
              mix_record_set_on_disk (ours, mix_record_get_serial (ours));
              continue;
            }
          if (ours != NULL)
            {
              /* Moved to another tab there. */
              guint pos;

              if (g_list_store_find (self->rows[mix_record_get_tab (ours)], ours, &pos))
                {
                  release (self, ours);
                  g_list_store_remove (self->rows[mix_record_get_tab (ours)], pos);
                }
            }
          mix_record_set_on_disk (their, mix_record_get_serial (their));
          g_ptr_array_add (added[t], g_object_ref (their));
        }
    }

  for (guint i = 0; i < dropped->len; i++)
    {
      MixRecord *record = dropped->pdata[i];
      MixTab tab = mix_record_get_tab (record);
      guint pos;

      if (!g_list_store_find (self->rows[tab], record, &pos))
        continue;
      release (self, record);
      g_list_store_remove (self->rows[tab], pos);
      changed = TRUE;
    }

  for (guint t = 0; t < MIX_N_TABS; t++)
    {
      if (added[t]->len == 0)
        continue;
      for (guint i = 0; i < added[t]->len; i++)
        adopt (self, added[t]->pdata[i]);
      g_list_store_splice (self->rows[t],
                           g_list_model_get_n_items (G_LIST_MODEL (self->rows[t])),
                           0, added[t]->pdata, added[t]->len);
    }

  for (guint t = 0; t < MIX_N_TABS; t++)
    g_ptr_array_unref (added[t]);

  if (merge_kept (self, theirs) > 0)
    {
      merge->n_taken++;
      changed = TRUE;
    }
  mix_merge_finish (merge);

  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
}
