/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mix-sheet-rows.h"

/* The rows a tracker table shows: a search or a sort puts other records
 * in the same slots, so that the table keeps its cells, while rows added
 * or removed move the slots of the others with their records. */

typedef struct
{
  GListStore   *store;
  MixSheetRows *rows;
  const char   *needle;   /* rows whose name contains it are shown */
  GString      *changes;  /* "position-removed+added " for each items-changed */
} Fixture;

static gboolean
match_name (MixRecord *record,
            gpointer   user_data)
{
  Fixture *f = user_data;
  const char *name = mix_record_get_value_by_id (record, "name");

  return strstr (name != NULL ? name : "", f->needle) != NULL;
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Fixture    *f)
{
  g_string_append_printf (f->changes, "%u-%u+%u ", position, removed, added);
}

static MixRecord *
new_row (const char *name,
         const char *company)
{
  MixRecord *record = mix_record_new (MIX_TAB_NEW_CONTACTS);

  g_assert_true (mix_record_set_value_by_id (record, "name", name, NULL));
  g_assert_true (mix_record_set_value_by_id (record, "company", company, NULL));
  return record;
}

static void
append (Fixture    *f,
        const char *name,
        const char *company)
{
  g_autoptr(MixRecord) record = new_row (name, company);

  g_list_store_append (f->store, record);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const char * const rows[][2] = {
    { "Ada", "Zeta" }, { "Bob", "Acme" }, { "Cy", "Zeta" },
    { "Dee", "Acme" }, { "Eve", "Mole" }, { "Fay", "Mole" },
  };

  f->store = g_list_store_new (MIX_TYPE_RECORD);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    append (f, rows[i][0], rows[i][1]);
  f->needle = "";
  f->rows = mix_sheet_rows_new (G_LIST_MODEL (f->store), match_name, f);
  f->changes = g_string_new (NULL);
  g_signal_connect (f->rows, "items-changed", G_CALLBACK (on_items_changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->rows);
  g_clear_object (&f->store);
  g_string_free (f->changes, TRUE);
}

static char *
shown_names (Fixture *f)
{
  GString *names = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (f->rows));

  g_assert_cmpuint (n, ==, mix_sheet_rows_get_n_rows (f->rows));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MixSheetSlot) slot = g_list_model_get_item (G_LIST_MODEL (f->rows), i);
      MixRecord *record = mix_sheet_slot_get_record (slot);

      g_assert_true (record == mix_sheet_rows_get_record (f->rows, i));
      g_assert_cmpuint (mix_sheet_rows_find (f->rows, record), ==, i);
      g_string_append_printf (names, "%s%s", i > 0 ? "," : "",
                              mix_record_get_value_by_id (record, "name"));
    }
  return g_string_free (names, FALSE);
}

static int
compare_companies (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  int result = g_strcmp0 (mix_record_get_value_by_id ((MixRecord *) a, "company"),
                          mix_record_get_value_by_id ((MixRecord *) b, "company"));

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
count_changes (MixSheetSlot *slot,
               int           column,
               GString      *log)
{
  g_string_append_printf (log, "%d ", column);
}

/* A search keeps the slots where they are and changes what they show;
 * only the number of rows changes for the table. */
static void
test_search_keeps_slots (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(MixSheetSlot) first = g_list_model_get_item (G_LIST_MODEL (f->rows), 0);
  g_autoptr(MixSheetSlot) second = g_list_model_get_item (G_LIST_MODEL (f->rows), 1);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autofree char *all = shown_names (f);
  g_autofree char *found = NULL;
  g_autofree char *again = NULL;

  g_assert_cmpstr (all, ==, "Ada,Bob,Cy,Dee,Eve,Fay");
  g_signal_connect (first, "changed", G_CALLBACK (count_changes), log);

  f->needle = "e";
  mix_sheet_rows_refilter (f->rows, TRUE);
  found = shown_names (f);
  g_assert_cmpstr (found, ==, "Dee,Eve");
  g_assert_cmpstr (f->changes->str, ==, "2-4+0 ");
  g_assert_cmpstr (log->str, ==, "-1 ");
  {
    g_autoptr(MixSheetSlot) now_first = g_list_model_get_item (G_LIST_MODEL (f->rows), 0);
    g_assert_true (now_first == first);
  }

  f->needle = "";
  g_string_truncate (f->changes, 0);
  mix_sheet_rows_refilter (f->rows, FALSE);
  again = shown_names (f);
  g_assert_cmpstr (again, ==, "Ada,Bob,Cy,Dee,Eve,Fay");
  g_assert_cmpstr (f->changes->str, ==, "2-0+4 ");
  g_assert_true (mix_sheet_slot_get_record (first) == mix_sheet_rows_get_record (f->rows, 0));
  g_assert_true (mix_sheet_slot_get_record (second) == mix_sheet_rows_get_record (f->rows, 1));
}

/* Sorting keeps the rows shown; rows that sort the same stay in the
 * tracker's order, also when they are added later. */
static void
test_sort_ties (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare_companies, NULL, NULL));
  g_autofree char *sorted = NULL;
  g_autofree char *searched = NULL;
  g_autofree char *added = NULL;

  f->needle = "e";  /* Dee, Eve */
  mix_sheet_rows_refilter (f->rows, TRUE);
  f->needle = "";
  mix_sheet_rows_set_sorter (f->rows, sorter);
  mix_sheet_rows_sort (f->rows);
  searched = shown_names (f);
  g_assert_cmpstr (searched, ==, "Dee,Eve");

  mix_sheet_rows_refilter (f->rows, FALSE);
  sorted = shown_names (f);
  g_assert_cmpstr (sorted, ==, "Bob,Dee,Eve,Fay,Ada,Cy");

  {
    g_autoptr(MixRecord) first = new_row ("Gus", "Mole");
    g_autoptr(MixRecord) last = new_row ("Hal", "Acme");

    g_string_truncate (f->changes, 0);
    g_list_store_insert (f->store, 0, first);
    g_list_store_append (f->store, last);
  }
  added = shown_names (f);
  g_assert_cmpstr (added, ==, "Bob,Dee,Hal,Gus,Eve,Fay,Ada,Cy");
  g_assert_cmpstr (f->changes->str, ==, "2-0+1 2-0+1 ");
}

/* Rows added or removed move the slots of the others with them. */
static void
test_rows_come_and_go (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(MixSheetSlot) dee = g_list_model_get_item (G_LIST_MODEL (f->rows), 3);
  g_autofree char *removed = NULL;
  g_autofree char *filtered = NULL;
  guint at;

  g_list_store_remove (f->store, 1);  /* Bob */
  removed = shown_names (f);
  g_assert_cmpstr (removed, ==, "Ada,Cy,Dee,Eve,Fay");
  g_assert_cmpstr (f->changes->str, ==, "1-1+0 ");
  {
    g_autoptr(MixSheetSlot) moved = g_list_model_get_item (G_LIST_MODEL (f->rows), 2);
    g_assert_true (moved == dee);
  }

  /* A row that does not match the search is kept, not shown. */
  f->needle = "a";
  mix_sheet_rows_refilter (f->rows, TRUE);
  filtered = shown_names (f);
  g_assert_cmpstr (filtered, ==, "Ada,Fay");
  append (f, "Ivo", "Acme");
  append (f, "Kai", "Acme");
  g_assert_cmpuint (mix_sheet_rows_get_n_rows (f->rows), ==, 3);
  f->needle = "";
  mix_sheet_rows_refilter (f->rows, FALSE);
  at = mix_sheet_rows_find (f->rows, mix_sheet_slot_get_record (dee));
  g_assert_cmpuint (at, ==, 2);
  g_assert_cmpuint (mix_sheet_rows_get_n_rows (f->rows), ==, 7);
}

/* Many rows at once, as a CSV import or a reload brings them, are sorted
 * in with the rest, and the slots of the rows shown before are kept. */
static void
test_many_rows (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare_companies, NULL, NULL));
  g_autoptr(GPtrArray) more = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(MixSheetSlot) ada = NULL;
  g_autoptr(MixSheetSlot) after = NULL;
  MixRecord *previous = NULL;

  mix_sheet_rows_set_sorter (f->rows, sorter);
  mix_sheet_rows_sort (f->rows);
  ada = g_list_model_get_item (G_LIST_MODEL (f->rows), 4);
  g_assert_cmpstr (mix_record_get_value_by_id (mix_sheet_slot_get_record (ada), "name"), ==, "Ada");

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("Row %u", i);
      g_autofree char *company = g_strdup_printf ("Co %03u", (i * 7) % 200);

      g_ptr_array_add (more, new_row (name, company));
    }
  g_string_truncate (f->changes, 0);
  g_list_store_splice (f->store, 6, 0, more->pdata, more->len);

  g_assert_cmpuint (mix_sheet_rows_get_n_rows (f->rows), ==, 206);
  /* One change, for the rows between the first and last that moved. */
  g_assert_nonnull (strchr (f->changes->str, ' '));
  g_assert_cmpuint (strlen (strchr (f->changes->str, ' ')), ==, 1);
  for (guint i = 0; i < 206; i++)
    {
      MixRecord *record = mix_sheet_rows_get_record (f->rows, i);

      if (previous != NULL)
        g_assert_cmpint (compare_companies (previous, record, NULL), <=, 0);
      previous = record;
    }
  after = g_list_model_get_item (G_LIST_MODEL (f->rows),
                                 mix_sheet_rows_find (f->rows, mix_sheet_slot_get_record (ada)));
  g_assert_true (after == ada);
}

/* A slot on screen passes on changes to its record's values, and says
 * when it shows another record. */
static void
test_slot_changes (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(MixSheetSlot) slot = g_list_model_get_item (G_LIST_MODEL (f->rows), 0);
  g_autoptr(GString) log = g_string_new (NULL);
  MixRecord *ada = mix_sheet_slot_get_record (slot);
  int company = mix_tab_find_column (MIX_TAB_NEW_CONTACTS, "company");
  g_autofree char *expected = g_strdup_printf ("%d -1 %d ", company, company);

  g_signal_connect (slot, "changed", G_CALLBACK (count_changes), log);
  mix_record_set_value_by_id (ada, "company", "Hooli", NULL);
  g_assert_cmpstr (log->str, ==, "");  /* no cell shows it */

  mix_sheet_slot_hold (slot);
  mix_record_set_value_by_id (ada, "company", "Initech", NULL);
  f->needle = "Bob";
  mix_sheet_rows_refilter (f->rows, TRUE);
  mix_record_set_value_by_id (ada, "company", "Globex", NULL);  /* not shown any more */
  mix_record_set_value_by_id (mix_sheet_slot_get_record (slot), "company", "Acme Two", NULL);
  mix_sheet_slot_release (slot);
  mix_record_set_value_by_id (mix_sheet_slot_get_record (slot), "company", "Acme", NULL);
  g_assert_cmpstr (log->str, ==, expected);
}

/* Random changes, checked after each against what the rows must be: those
 * matching, sorted with ties in the tracker's order; and against what the
 * model's own items-changed signals told a listener, slot for slot. */

typedef struct
{
  GListModel *model;
  GPtrArray  *seen;  /* the slots, as the signals told them */
} Listener;

static void
on_listener_items_changed_cb (GListModel *model,
                              guint       position,
                              guint       removed,
                              guint       added,
                              Listener   *listener)
{
  g_assert_cmpuint (position + removed, <=, listener->seen->len);
  g_ptr_array_remove_range (listener->seen, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (listener->seen, (int) (position + i),
                        g_list_model_get_item (model, position + i));
}

static int
compare_expected (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  MixRecord *ra = *(MixRecord **) a;
  MixRecord *rb = *(MixRecord **) b;
  GListModel *store = user_data;
  int result = compare_companies (ra, rb, NULL);
  guint ia = 0;
  guint ib = 0;

  if (result != 0)
    return result;
  /* Ties in the tracker's order. */
  for (guint i = 0; i < g_list_model_get_n_items (store); i++)
    {
      g_autoptr(MixRecord) record = g_list_model_get_item (store, i);

      if (record == ra)
        ia = i;
      if (record == rb)
        ib = i;
    }
  return (ia > ib) - (ia < ib);
}

static void
check_rows (Fixture   *f,
            Listener  *listener,
            gboolean   sorted)
{
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (f->store));

  for (guint i = 0; i < n; i++)
    {
      MixRecord *record = g_list_model_get_item (G_LIST_MODEL (f->store), i);

      if (match_name (record, f))
        g_ptr_array_add (expected, record);
      else
        g_object_unref (record);
    }
  if (sorted)
    g_ptr_array_sort_with_data (expected, compare_expected, f->store);

  g_assert_cmpuint (mix_sheet_rows_get_n_rows (f->rows), ==, expected->len);
  g_assert_cmpuint (listener->seen->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr(MixSheetSlot) slot = g_list_model_get_item (G_LIST_MODEL (f->rows), i);

      g_assert_true (mix_sheet_rows_get_record (f->rows, i) == expected->pdata[i]);
      g_assert_true (slot == listener->seen->pdata[i]);
      g_assert_true (mix_sheet_slot_get_record (slot) == expected->pdata[i]);
    }
}

static void
test_random_changes (Fixture       *f,
                     gconstpointer  data)
{
  static const char * const companies[] = { "Acme", "Mole", "Zeta", "Hooli" };
  static const char * const needles[] = { "", "a", "an", "e", "y" };
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare_companies, NULL, NULL));
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261129);
  Listener listener = { G_LIST_MODEL (f->rows), g_ptr_array_new_with_free_func (g_object_unref) };
  gboolean sorted = FALSE;
  guint counter = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->rows)); i++)
    g_ptr_array_add (listener.seen, g_list_model_get_item (G_LIST_MODEL (f->rows), i));
  g_signal_connect (f->rows, "items-changed", G_CALLBACK (on_listener_items_changed_cb), &listener);

  for (guint step = 0; step < 400; step++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (f->store));
      guint what = (guint) g_rand_int_range (rand, 0, 10);

      if (what < 4)
        {
          /* A row or two, somewhere. */
          guint k = (guint) g_rand_int_range (rand, 1, 3);

          for (guint j = 0; j < k; j++)
            {
              g_autofree char *name = g_strdup_printf ("%s %u",
                                                       needles[g_rand_int_range (rand, 1, 5)],
                                                       counter++);
              g_autoptr(MixRecord) record = new_row (name, companies[g_rand_int_range (rand, 0, 4)]);

              g_list_store_insert (f->store, (guint) g_rand_int_range (rand, 0, (int) n + 1), record);
              n++;
            }
        }
      else if (what < 6 && n > 0)
        g_list_store_remove (f->store, (guint) g_rand_int_range (rand, 0, (int) n));
      else if (what == 6)
        {
          /* Many at once, as an import or undo does: more than the model
           * takes one by one, or fewer. */
          guint at = (guint) g_rand_int_range (rand, 0, (int) n + 1);
          guint wanted = (guint) g_rand_int_range (rand, 0, 80);
          guint removed = MIN (n - at, wanted);
          guint added = (guint) g_rand_int_range (rand, 0, 80);
          g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

          for (guint j = 0; j < added; j++)
            {
              g_autofree char *name = g_strdup_printf ("%s %u",
                                                       needles[g_rand_int_range (rand, 1, 5)],
                                                       counter++);

              g_ptr_array_add (rows, new_row (name, companies[g_rand_int_range (rand, 0, 4)]));
            }
          g_list_store_splice (f->store, at, removed, rows->pdata, rows->len);
        }
      else if (what == 7)
        {
          const char *needle = needles[g_rand_int_range (rand, 0, 5)];
          gboolean narrower = strstr (needle, f->needle) != NULL;

          f->needle = needle;
          mix_sheet_rows_refilter (f->rows, narrower);
        }
      else
        {
          sorted = !sorted;
          mix_sheet_rows_set_sorter (f->rows, sorted ? sorter : NULL);
          mix_sheet_rows_sort (f->rows);
        }

      check_rows (f, &listener, sorted);
    }

  g_signal_handlers_disconnect_by_func (f->rows, on_listener_items_changed_cb, &listener);
  g_ptr_array_unref (listener.seen);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/sheet-rows/search-keeps-slots", test_search_keeps_slots);
  ADD ("/sheet-rows/sort-ties", test_sort_ties);
  ADD ("/sheet-rows/rows-come-and-go", test_rows_come_and_go);
  ADD ("/sheet-rows/many-rows", test_many_rows);
  ADD ("/sheet-rows/slot-changes", test_slot_changes);
  ADD ("/sheet-rows/random-changes", test_random_changes);
#undef ADD

  return g_test_run ();
}
