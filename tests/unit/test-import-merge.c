/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mix-csv-import.h"
#include "mix-import-merge.h"

static GPtrArray *
records_of (MixTab      tab,
            const char *csv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  MixCsvImport *import = mix_csv_import_new_from_data (tab, csv, strlen (csv), &error);
  GPtrArray *records;

  g_assert_no_error (error);
  records = mix_csv_import_build_records (import, &problems);
  g_assert_cmpuint (problems->len, ==, 0);
  mix_csv_import_free (import);
  return records;
}

static MixRecord *
row_named (MixTracker *tracker,
           const char *name)
{
  GListModel *rows = mix_tracker_get_rows (tracker, MIX_TAB_NEW_CONTACTS);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(MixRecord) row = g_list_model_get_item (rows, i);

      if (g_strcmp0 (mix_record_get_value_by_id (row, "name"), name) == 0)
        return row;
    }
  return NULL;
}

static const char connections[] =
  "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
  "Priya,Raman,https://www.linkedin.com/in/priyaraman/,,Stripe,Software Engineer,15 Mar 2024\n"
  "Sam,Rivera,https://linkedin.com/in/samrivera,sam@example.com,Hooli,Engineer,02 Jan 2025\n"
  "Lee,Chen,,LEE@Example.com,Initech,Designer,\n"
  "Ana,Souza,,,Globex,,\n";

/* Importing the same file twice adds nothing the second time; someone
 * already there (by LinkedIn, email, or name and company) only gets the
 * fields they had empty, and what the user typed stays. */
static void
test_reimport_merges (void)
{
  g_autoptr(MixTracker) tracker = mix_tracker_new ();
  g_autoptr(MixHistory) history = mix_history_new ();
  g_autoptr(GPtrArray) first = records_of (MIX_TAB_NEW_CONTACTS, connections);
  g_autoptr(GPtrArray) second = records_of (MIX_TAB_NEW_CONTACTS, connections);
  g_autoptr(MixImportMerge) merge = NULL;
  MixRecord *typed, *lee;

  /* Typed by the user before: Priya, with her role as they wrote it and
   * no LinkedIn yet; Lee by email, under another name. */
  typed = mix_tracker_add_row (tracker, MIX_TAB_NEW_CONTACTS);
  mix_record_set_value_by_id (typed, "name", "Priya Raman", NULL);
  mix_record_set_value_by_id (typed, "company", "stripe", NULL);
  mix_record_set_value_by_id (typed, "role", "Backend (payments)", NULL);
  lee = mix_tracker_add_row (tracker, MIX_TAB_NEW_CONTACTS);
  mix_record_set_value_by_id (lee, "name", "Lee C.", NULL);
  mix_record_set_value_by_id (lee, "email", "lee@example.com", NULL);

  merge = mix_import_merge_new (tracker, MIX_TAB_NEW_CONTACTS, first);
  g_assert_cmpuint (mix_import_merge_get_n_new (merge), ==, 2);      /* Sam, Ana */
  g_assert_cmpuint (mix_import_merge_get_n_updated (merge), ==, 2);  /* Priya, Lee */
  g_assert_cmpuint (mix_import_merge_get_n_unchanged (merge), ==, 0);
  /* Worked out only: nothing changed yet. */
  g_assert_cmpuint (mix_tracker_get_n_rows (tracker, MIX_TAB_NEW_CONTACTS), ==, 2);
  g_assert_null (mix_record_get_value_by_id (typed, "linkedin"));

  mix_import_merge_apply (merge, history, "Imported");
  g_assert_cmpuint (mix_tracker_get_n_rows (tracker, MIX_TAB_NEW_CONTACTS), ==, 4);
  g_assert_cmpstr (mix_record_get_value_by_id (typed, "name"), ==, "Priya Raman");
  g_assert_cmpstr (mix_record_get_value_by_id (typed, "role"), ==, "Backend (payments)");
  g_assert_cmpstr (mix_record_get_value_by_id (typed, "company"), ==, "stripe");
  g_assert_cmpstr (mix_record_get_value_by_id (typed, "linkedin"), ==,
                   "https://www.linkedin.com/in/priyaraman/");
  g_assert_cmpstr (mix_record_get_value_by_id (typed, "contacted_on"), ==, "2024-03-15");
  g_assert_cmpstr (mix_record_get_value_by_id (lee, "name"), ==, "Lee C.");
  g_assert_cmpstr (mix_record_get_value_by_id (lee, "company"), ==, "Initech");
  g_assert_nonnull (row_named (tracker, "Sam Rivera"));

  /* One Undo takes the whole import back, and Redo makes it again. */
  g_assert_true (mix_history_undo (history));
  g_assert_cmpuint (mix_tracker_get_n_rows (tracker, MIX_TAB_NEW_CONTACTS), ==, 2);
  g_assert_null (mix_record_get_value_by_id (typed, "linkedin"));
  g_assert_null (mix_record_get_value_by_id (lee, "company"));
  g_assert_cmpstr (mix_record_get_value_by_id (typed, "role"), ==, "Backend (payments)");
  g_assert_true (mix_history_redo (history));
  g_assert_cmpuint (mix_tracker_get_n_rows (tracker, MIX_TAB_NEW_CONTACTS), ==, 4);
  g_assert_cmpstr (mix_record_get_value_by_id (lee, "company"), ==, "Initech");

  /* The same file again: the LinkedIn address matches without its
   * "www." or slash, the email without its case; nothing new. */
  g_clear_pointer (&merge, mix_import_merge_free);
  merge = mix_import_merge_new (tracker, MIX_TAB_NEW_CONTACTS, second);
  g_assert_cmpuint (mix_import_merge_get_n_new (merge), ==, 0);
  g_assert_cmpuint (mix_import_merge_get_n_updated (merge), ==, 0);
  g_assert_cmpuint (mix_import_merge_get_n_unchanged (merge), ==, 4);
  mix_import_merge_apply (merge, history, "Imported again");
  g_assert_cmpuint (mix_tracker_get_n_rows (tracker, MIX_TAB_NEW_CONTACTS), ==, 4);
}

/* One person twice in a file is one new row, with what both rows say. */
static void
test_twice_in_a_file (void)
{
  g_autoptr(MixTracker) tracker = mix_tracker_new ();
  g_autoptr(GPtrArray) records = records_of (MIX_TAB_NEW_CONTACTS,
                                             "Name,Company,Email,Role\n"
                                             "Kim Park,Hooli,kim@example.com,\n"
                                             "kim park,hooli,,Engineer\n"
                                             "Kim Park,Initech,,\n");
  g_autoptr(MixImportMerge) merge = mix_import_merge_new (tracker, MIX_TAB_NEW_CONTACTS, records);
  MixRecord *kim;

  /* The same name at another company is someone else. */
  g_assert_cmpuint (mix_import_merge_get_n_new (merge), ==, 2);
  mix_import_merge_apply (merge, NULL, NULL);
  kim = row_named (tracker, "Kim Park");
  g_assert_nonnull (kim);
  g_assert_cmpstr (mix_record_get_value_by_id (kim, "email"), ==, "kim@example.com");
  g_assert_cmpstr (mix_record_get_value_by_id (kim, "role"), ==, "Engineer");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-merge/reimport", test_reimport_merges);
  g_test_add_func ("/import-merge/twice-in-a-file", test_twice_in_a_file);

  return g_test_run ();
}
