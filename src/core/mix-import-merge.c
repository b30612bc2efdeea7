/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mix-import-merge.h"
#include "mix-schema.h"

/* A field an import fills in a row that had it empty. */
typedef struct
{
  MixRecord *row;
  guint      column;     /* G_MAXUINT: an extra field */
  char      *extra;      /* the extra field's name */
  char      *value;
} Fill;

struct _MixImportMerge
{
  MixTracker *tracker;
  MixTab      tab;
  GPtrArray  *new_rows;   /* MixRecord, to add */
  GArray     *fills;      /* Fill */
  guint       n_updated;
  guint       n_unchanged;
};

static void
fill_clear (gpointer data)
{
  Fill *fill = data;

  g_object_unref (fill->row);
  g_free (fill->extra);
  g_free (fill->value);
}

/* The keys a person is known by: a LinkedIn profile without its scheme,
 * "www.", query or trailing slash; an email, case folded; a name and a
 * company, folded as search folds them (a company's legal suffix kept). */
static char *
linkedin_key (const char *url)
{
  g_autofree char *lower = NULL;
  char *p, *end;

  if (url == NULL || *url == '\0')
    return NULL;
  lower = g_ascii_strdown (url, -1);
  p = strstr (lower, "://");
  p = p != NULL ? p + 3 : lower;
  if (g_str_has_prefix (p, "www."))
    p += 4;
  end = p + strcspn (p, "?#");
  while (end > p && end[-1] == '/')
    end--;
  if (end == p)
    return NULL;
  *end = '\0';
  return g_strconcat ("in:", p, NULL);
}

static char *
email_key (const char *email)
{
  g_autofree char *stripped = NULL;

  if (email == NULL || *email == '\0')
    return NULL;
  stripped = g_strstrip (g_strdup (email));
  g_autofree char *folded = NULL;

  folded = g_utf8_casefold (stripped, -1);
  return g_strconcat ("email:", folded, NULL);
}

static char *
name_key (const char *name,
          const char *company)
{
  g_autofree char *folded_name = NULL;
  g_autofree char *folded_company = NULL;

  if (name == NULL || *name == '\0')
    return NULL;
  folded_name = g_strstrip (mix_text_fold (name, -1));
  folded_company = g_strstrip (mix_text_fold (company != NULL ? company : "", -1));
  if (*folded_name == '\0')
    return NULL;
  return g_strconcat ("name:", folded_name, "\n", folded_company, NULL);
}

typedef struct
{
  int linkedin, email, name, company;
} Columns;

static GPtrArray *
keys_of (MixRecord     *row,
         const Columns *columns)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  char *key;

  if (columns->linkedin >= 0 &&
      (key = linkedin_key (mix_record_get_value (row, (guint) columns->linkedin))) != NULL)
    g_ptr_array_add (keys, key);
  if (columns->email >= 0 &&
      (key = email_key (mix_record_get_value (row, (guint) columns->email))) != NULL)
    g_ptr_array_add (keys, key);
  if (columns->name >= 0 &&
      (key = name_key (mix_record_get_value (row, (guint) columns->name),
                       columns->company >= 0 ?
                         mix_record_get_value (row, (guint) columns->company) : NULL)) != NULL)
    g_ptr_array_add (keys, key);
  return keys;
}

static void
index_row (GHashTable    *index,
           MixRecord     *row,
           const Columns *columns)
{
  g_autoptr(GPtrArray) keys = keys_of (row, columns);

  for (guint k = 0; k < keys->len; k++)
    if (!g_hash_table_contains (index, keys->pdata[k]))
      g_hash_table_insert (index, g_strdup (keys->pdata[k]), row);
}

static MixRecord *
find_match (GHashTable    *index,
            MixRecord     *row,
            const Columns *columns)
{
  g_autoptr(GPtrArray) keys = keys_of (row, columns);

  for (guint k = 0; k < keys->len; k++)
    {
      MixRecord *match = g_hash_table_lookup (index, keys->pdata[k]);

      if (match != NULL)
        return match;
    }
  return NULL;
}

static gboolean
extra_planned (MixImportMerge *self,
               MixRecord      *existing,
               const char     *extra)
{
  for (guint f = 0; f < self->fills->len; f++)
    {
      Fill *fill = &g_array_index (self->fills, Fill, f);

      if (fill->row == existing && fill->column == G_MAXUINT && g_str_equal (fill->extra, extra))
        return TRUE;
    }
  return FALSE;
}

/* What @incoming would fill in @existing: its values where @existing has
 * none, and its extra fields @existing lacks. */
/* @again: @existing was matched by a row before in the same file, whose
 * fills are not planned twice. */
static gboolean
plan_fills (MixImportMerge *self,
            MixRecord      *existing,
            MixRecord      *incoming,
            gboolean        again)
{
  const MixTabInfo *info = mix_tab_get_info (self->tab);
  g_autoptr(GList) extras = mix_record_list_extra (incoming);
  gboolean any = FALSE;

  for (guint c = 0; c < info->n_columns; c++)
    {
      const char *value = mix_record_get_value (incoming, c);
      Fill fill = { NULL, };

      if (value == NULL || mix_record_get_value (existing, c) != NULL)
        continue;
      /* Filled already by a row before in the same file: looked for only
       * then, or a large file would scan every fill for every field. */
      for (guint f = 0; again && f < self->fills->len; f++)
        {
          Fill *other = &g_array_index (self->fills, Fill, f);

          if (other->row == existing && other->column == c)
            goto next_column;
        }
      fill.row = g_object_ref (existing);
      fill.column = c;
      fill.value = g_strdup (value);
      g_array_append_val (self->fills, fill);
      any = TRUE;
    next_column:
      ;
    }
  for (GList *l = extras; l != NULL; l = l->next)
    {
      const char *extra = l->data;
      Fill fill = { NULL, };

      if (mix_record_get_extra (existing, extra) != NULL ||
          (again && extra_planned (self, existing, extra)))
        continue;
      fill.row = g_object_ref (existing);
      fill.column = G_MAXUINT;
      fill.extra = g_strdup (extra);
      fill.value = g_strdup (mix_record_get_extra (incoming, extra));
      g_array_append_val (self->fills, fill);
      any = TRUE;
    }
  return any;
}

/**
 * mix_import_merge_new:
 * @records: (element-type MixRecord): the rows to import into @tab, as
 *   mix_csv_import_build_records() makes them
 *
 * Works out, without changing anything, which of @records are people of
 * @tab already and what they would fill, and which are new. Two rows of
 * the file that are one person are one new row.
 */
MixImportMerge *
mix_import_merge_new (MixTracker *tracker,
                      MixTab      tab,
                      GPtrArray  *records)
{
  MixImportMerge *self;
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(GHashTable) updated = NULL;
  g_autoptr(GHashTable) matched = NULL;
  g_autoptr(GHashTable) added = NULL;
  GListModel *rows;
  Columns columns;
  guint n;

  g_return_val_if_fail (MIX_IS_TRACKER (tracker), NULL);
  g_return_val_if_fail (records != NULL, NULL);

  self = g_new0 (MixImportMerge, 1);
  self->tracker = g_object_ref (tracker);
  self->tab = tab;
  self->new_rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->fills = g_array_new (FALSE, TRUE, sizeof (Fill));
  g_array_set_clear_func (self->fills, fill_clear);

  columns.linkedin = mix_tab_find_column (tab, "linkedin");
  columns.email = mix_tab_find_column (tab, "email");
  columns.name = mix_tab_find_column (tab, "name");
  columns.company = mix_tab_find_column (tab, "company");

  index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  updated = g_hash_table_new (NULL, NULL);
  matched = g_hash_table_new (NULL, NULL);
  added = g_hash_table_new (NULL, NULL);
  rows = mix_tracker_get_rows (tracker, tab);
  n = g_list_model_get_n_items (rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MixRecord) row = g_list_model_get_item (rows, i);

      index_row (index, row, &columns);
    }

  for (guint r = 0; r < records->len; r++)
    {
      MixRecord *incoming = records->pdata[r];
      MixRecord *match = find_match (index, incoming, &columns);
      gboolean again;

      if (match == NULL)
        {
          g_ptr_array_add (self->new_rows, g_object_ref (incoming));
          g_hash_table_add (added, incoming);
          index_row (index, incoming, &columns);
          continue;
        }
      /* Twice in the file: the second fills the first. */
      if (g_hash_table_contains (added, match))
        {
          const MixTabInfo *info = mix_tab_get_info (tab);

          for (guint c = 0; c < info->n_columns; c++)
            if (mix_record_get_value (match, c) == NULL &&
                mix_record_get_value (incoming, c) != NULL)
              mix_record_set_value_as_typed (match, c, mix_record_get_value (incoming, c), NULL);
          self->n_unchanged++;
          continue;
        }
      /* A row of the file is updated if it fills something the row had
       * empty; else unchanged (also when a row before it filled it). */
      again = !g_hash_table_add (matched, match);
      if (plan_fills (self, match, incoming, again) && !g_hash_table_contains (updated, match))
        {
          g_hash_table_add (updated, match);
          self->n_updated++;
        }
      else
        self->n_unchanged++;
    }
  return self;
}

void
mix_import_merge_free (MixImportMerge *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->tracker);
  g_ptr_array_unref (self->new_rows);
  g_array_unref (self->fills);
  g_free (self);
}

guint
mix_import_merge_get_n_new (MixImportMerge *self)
{
  return self->new_rows->len;
}

guint
mix_import_merge_get_n_updated (MixImportMerge *self)
{
  return self->n_updated;
}

guint
mix_import_merge_get_n_unchanged (MixImportMerge *self)
{
  return self->n_unchanged;
}

/**
 * mix_import_merge_get_new_rows:
 *
 * Returns: (transfer none) (element-type MixRecord): the rows to add
 */
GPtrArray *
mix_import_merge_get_new_rows (MixImportMerge *self)
{
  return self->new_rows;
}

/* Undo and Redo of one import: the rows added, the fields filled. */
typedef struct
{
  MixTracker *tracker;
  MixTab      tab;
  GPtrArray  *added;   /* MixRecord */
  GArray     *fills;   /* Fill */
} Applied;

static void
applied_free (Applied *applied)
{
  g_object_unref (applied->tracker);
  g_ptr_array_unref (applied->added);
  g_array_unref (applied->fills);
  g_free (applied);
}

static void
set_fills (Applied  *applied,
           gboolean  filled)
{
  for (guint f = 0; f < applied->fills->len; f++)
    {
      Fill *fill = &g_array_index (applied->fills, Fill, f);

      if (mix_tracker_find (applied->tracker, mix_record_get_id (fill->row)) != fill->row)
        continue;
      if (fill->column == G_MAXUINT)
        mix_record_set_extra (fill->row, fill->extra, filled ? fill->value : NULL);
      /* Undone only while it is still what the import put there. */
      else if (filled ? mix_record_get_value (fill->row, fill->column) == NULL
                      : g_strcmp0 (mix_record_get_value (fill->row, fill->column),
                                   fill->value) == 0)
        mix_record_set_value_as_typed (fill->row, fill->column, filled ? fill->value : NULL,
                                       NULL);
    }
}

static gboolean
undo_applied (gpointer data)
{
  Applied *applied = data;

  for (guint i = applied->added->len; i > 0; i--)
    {
      MixRecord *row = applied->added->pdata[i - 1];

      if (mix_tracker_find (applied->tracker, mix_record_get_id (row)) == row)
        mix_tracker_remove_row (applied->tracker, row, NULL);
    }
  set_fills (applied, FALSE);
  return TRUE;
}

static gboolean
redo_applied (gpointer data)
{
  Applied *applied = data;

  for (guint i = 0; i < applied->added->len; i++)
    {
      MixRecord *row = applied->added->pdata[i];

      if (mix_tracker_find (applied->tracker, mix_record_get_id (row)) == NULL)
        mix_tracker_insert_row (applied->tracker, row, G_MAXUINT);
    }
  set_fills (applied, TRUE);
  return TRUE;
}

/**
 * mix_import_merge_apply:
 * @history: (nullable): where the import goes as one change, for Undo
 * @label: what the change is called there
 *
 * Adds the new rows at the end of the tab and fills the empty fields of
 * those already there.
 */
void
mix_import_merge_apply (MixImportMerge *self,
                        MixHistory     *history,
                        const char     *label)
{
  Applied *applied;

  g_return_if_fail (self != NULL);

  applied = g_new0 (Applied, 1);
  applied->tracker = g_object_ref (self->tracker);
  applied->tab = self->tab;
  applied->added = g_ptr_array_ref (self->new_rows);
  applied->fills = g_array_ref (self->fills);

  mix_tracker_append_rows (self->tracker, self->tab, self->new_rows);
  set_fills (applied, TRUE);
  if (history != NULL && !mix_history_is_busy (history) &&
      (self->new_rows->len > 0 || self->fills->len > 0))
    mix_history_push (history, label, undo_applied, redo_applied, applied,
                      (GDestroyNotify) applied_free);
  else
    applied_free (applied);
}
