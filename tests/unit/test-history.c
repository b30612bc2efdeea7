/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mix-history.h"
#include "mix-tracker-changes.h"

typedef struct
{
  int *value;
  int  before;
  int  after;
} SetInt;

static gboolean
undo_set (gpointer data)
{
  SetInt *set = data;

  *set->value = set->before;
  return TRUE;
}

static gboolean
redo_set (gpointer data)
{
  SetInt *set = data;

  *set->value = set->after;
  return TRUE;
}

static void
set (MixHistory *history,
     int        *value,
     int         to)
{
  SetInt *change = g_new0 (SetInt, 1);
  g_autofree char *label = g_strdup_printf ("Set to %d", to);

  change->value = value;
  change->before = *value;
  change->after = to;
  *value = to;
  mix_history_push (history, label, undo_set, redo_set, change, g_free);
}

/* A change that goes on is one change: the last one's data is found to
 * be brought up to date, and only while nothing was undone after it. */
static void
test_peek_last (void)
{
  g_autoptr(MixHistory) history = mix_history_new ();
  int value = 0;
  SetInt *last;

  g_assert_null (mix_history_peek_last (history, undo_set));
  set (history, &value, 1);
  last = mix_history_peek_last (history, undo_set);
  g_assert_nonnull (last);
  g_assert_null (mix_history_peek_last (history, redo_set));
  /* Stepped on: the same change. */
  value = 5;
  last->after = 5;
  g_assert_true (mix_history_undo (history));
  g_assert_cmpint (value, ==, 0);
  g_assert_null (mix_history_peek_last (history, undo_set));
  g_assert_true (mix_history_redo (history));
  g_assert_cmpint (value, ==, 5);
  g_assert_nonnull (mix_history_peek_last (history, undo_set));
}

/* Undo and Redo walk the changes, and a new change drops what could have
 * been redone. */
static void
test_undo_redo (void)
{
  g_autoptr(MixHistory) history = mix_history_new ();
  int value = 0;

  g_assert_false (mix_history_can_undo (history));
  g_assert_false (mix_history_undo (history));
  set (history, &value, 1);
  set (history, &value, 2);
  g_assert_cmpstr (mix_history_get_undo_label (history), ==, "Set to 2");

  g_assert_true (mix_history_undo (history));
  g_assert_cmpint (value, ==, 1);
  g_assert_cmpstr (mix_history_get_redo_label (history), ==, "Set to 2");
  g_assert_true (mix_history_undo (history));
  g_assert_cmpint (value, ==, 0);
  g_assert_false (mix_history_undo (history));
  g_assert_true (mix_history_redo (history));
  g_assert_cmpint (value, ==, 1);

  set (history, &value, 5);
  g_assert_false (mix_history_can_redo (history));
  g_assert_true (mix_history_undo (history));
  g_assert_cmpint (value, ==, 1);
  g_assert_true (mix_history_redo (history));
  g_assert_cmpint (value, ==, 5);
}

static MixRecord *
add_named (MixTracker *tracker,
           const char *name)
{
  MixRecord *record = mix_tracker_add_row (tracker, MIX_TAB_NEW_CONTACTS);

  mix_record_set_value_by_id (record, "name", name, NULL);
  return record;
}

static char *
names (MixTracker *tracker)
{
  GListModel *rows = mix_tracker_get_rows (tracker, MIX_TAB_NEW_CONTACTS);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(MixRecord) record = g_list_model_get_item (rows, i);
      g_string_append_printf (out, "%s ", mix_record_get_value_by_id (record, "name"));
    }
  return g_string_free (out, FALSE);
}

/* Every tracker change can be undone and redone: a cell, rows added, rows
 * deleted where they were; deleting everything is not final. */
static void
test_tracker_changes (void)
{
  g_autoptr(MixHistory) history = mix_history_new ();
  g_autoptr(MixTracker) tracker = mix_tracker_new ();
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autofree char *text = NULL;
  MixRecord *ada = add_named (tracker, "Ada");
  MixRecord *grace = add_named (tracker, "Grace");
  MixRecord *lin = add_named (tracker, "Lin");
  int company = mix_tab_find_column (MIX_TAB_NEW_CONTACTS, "company");

  mix_record_set_value (grace, company, "Navy", NULL);
  mix_tracker_changes_edited (history, tracker, grace, company, NULL);
  g_assert_cmpstr (mix_history_get_undo_label (history), ==, "Changed Company");

  g_ptr_array_add (all, ada);
  g_ptr_array_add (all, lin);
  g_ptr_array_add (all, grace);
  g_assert_true (mix_tracker_delete_rows (tracker, all, history));
  g_assert_cmpuint (mix_tracker_get_n_rows (tracker, MIX_TAB_NEW_CONTACTS), ==, 0);
  g_assert_cmpstr (mix_history_get_undo_label (history), ==, "Deleted 3 rows");

  g_assert_true (mix_history_undo (history));
  text = names (tracker);
  g_assert_cmpstr (text, ==, "Ada Grace Lin ");
  g_assert_true (mix_history_undo (history));
  g_assert_null (mix_record_get_value (grace, company));
  g_assert_true (mix_history_redo (history));
  g_assert_cmpstr (mix_record_get_value (grace, company), ==, "Navy");
  g_assert_true (mix_history_redo (history));
  g_assert_cmpuint (mix_tracker_get_n_rows (tracker, MIX_TAB_NEW_CONTACTS), ==, 0);
  g_assert_true (mix_history_undo (history));
  g_assert_cmpuint (mix_tracker_get_n_rows (tracker, MIX_TAB_NEW_CONTACTS), ==, 3);

  /* Rows added, as by an import. */
  {
    g_autoptr(GPtrArray) imported = g_ptr_array_new_with_free_func (g_object_unref);
    MixRecord *record = mix_record_new (MIX_TAB_NEW_CONTACTS);

    mix_record_set_value_by_id (record, "name", "Imported", NULL);
    g_ptr_array_add (imported, record);
    mix_tracker_append_rows (tracker, MIX_TAB_NEW_CONTACTS, imported);
    mix_tracker_changes_added (history, tracker, imported, "Imported 1 row");
    g_assert_true (mix_history_undo (history));
    g_assert_cmpuint (mix_tracker_get_n_rows (tracker, MIX_TAB_NEW_CONTACTS), ==, 3);
    g_assert_true (mix_history_redo (history));
    g_assert_cmpuint (mix_tracker_get_n_rows (tracker, MIX_TAB_NEW_CONTACTS), ==, 4);
  }

  /* A change to a row gone meanwhile (merged away from another computer)
   * is skipped: the one before it is undone. */
  mix_record_set_value (lin, company, "Hooli", NULL);
  mix_tracker_changes_edited (history, tracker, lin, company, NULL);
  mix_tracker_remove_row (tracker, lin, NULL);
  g_assert_true (mix_history_undo (history));
  g_assert_cmpuint (mix_tracker_get_n_rows (tracker, MIX_TAB_NEW_CONTACTS), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/undo-redo", test_undo_redo);
  g_test_add_func ("/history/peek-last", test_peek_last);
  g_test_add_func ("/history/tracker-changes", test_tracker_changes);

  return g_test_run ();
}
