/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mix-csv.h"
#include "mix-csv-import.h"
#include "mix-record.h"
#include "mix-schema.h"
#include "mix-tracker.h"

#define EXTRA MIX_CSV_IMPORT_EXTRA
#define SKIP  MIX_CSV_IMPORT_SKIP

/* Helpers ----------------------------------------------------------------------------- */

static MixCsvImport *
import_text (MixTab      tab,
             const char *text)
{
  g_autoptr(GError) error = NULL;
  MixCsvImport *import;

  import = mix_csv_import_new_from_data (tab, text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_nonnull (import);

  return import;
}

static int
column (MixTab      tab,
        const char *id)
{
  int index = mix_tab_find_column (tab, id);

  g_assert_cmpint (index, >=, 0);
  return index;
}

/* Builds the records of @import and asserts there are @n_problems problems. */
static GPtrArray *
build (MixCsvImport *import,
       guint         n_problems,
       GPtrArray   **problems_out)
{
  g_autoptr(GPtrArray) problems = NULL;
  GPtrArray *records;

  records = mix_csv_import_build_records (import, &problems);
  g_assert_nonnull (records);
  g_assert_nonnull (problems);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (const char *) problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, n_problems);
  if (problems_out != NULL)
    *problems_out = g_steal_pointer (&problems);

  return records;
}

static const char *
value (GPtrArray  *records,
       guint       row,
       const char *column_id)
{
  return mix_record_get_value_by_id (records->pdata[row], column_id);
}

static const char *
extra (GPtrArray  *records,
       guint       row,
       const char *name)
{
  return mix_record_get_extra (records->pdata[row], name);
}

static guint
n_extra (MixRecord *record)
{
  GList *names = mix_record_list_extra (record);
  guint n = g_list_length (names);

  g_list_free (names);
  return n;
}

static GListStore *
store_from (GPtrArray *records)
{
  GListStore *store = g_list_store_new (MIX_TYPE_RECORD);

  g_list_store_splice (store, 0, 0, records->pdata, records->len);
  return store;
}

static char *
export_array (MixTab     tab,
              GPtrArray *records)
{
  g_autoptr(GListStore) store = store_from (records);
  gsize length = 0;
  char *text;

  text = mix_csv_export_rows (tab, G_LIST_MODEL (store), &length);
  g_assert_nonnull (text);
  g_assert_cmpuint (strlen (text), ==, length);

  return text;
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("mix-csv-import-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_temp_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_temp_dir (child);
      else
        g_assert_cmpint (g_unlink (child), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static char *
write_temp_file (const char *dir,
                 const char *name,
                 const char *data,
                 gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

/* Mapping ----------------------------------------------------------------------------- */

static void
test_mapping_automatic (void)
{
  g_autoptr(MixCsvImport) contacts = NULL;
  g_autoptr(MixCsvImport) network = NULL;
  g_autoptr(MixCsvImport) log = NULL;
  MixTab nc = MIX_TAB_NEW_CONTACTS;

  /* Case, spacing, punctuation, ids and the common other names. */
  contacts = import_text (nc, "FULL NAME,  company ,role,LinkedIn URL,E-mail,found_via,"
                              "Research-Notes,STATUS,Contacted on,next_step,Follow up by,"
                              "Date met\n");
  g_assert_cmpint (mix_csv_import_get_tab (contacts), ==, nc);
  g_assert_cmpuint (mix_csv_import_get_n_source_columns (contacts), ==, 12);
  g_assert_cmpint (mix_csv_import_get_mapping (contacts, 0), ==, column (nc, "name"));
  g_assert_cmpint (mix_csv_import_get_mapping (contacts, 1), ==, column (nc, "company"));
  g_assert_cmpint (mix_csv_import_get_mapping (contacts, 2), ==, column (nc, "role"));
  g_assert_cmpint (mix_csv_import_get_mapping (contacts, 3), ==, column (nc, "linkedin"));
  g_assert_cmpint (mix_csv_import_get_mapping (contacts, 4), ==, column (nc, "email"));
  g_assert_cmpint (mix_csv_import_get_mapping (contacts, 5), ==, column (nc, "found_via"));
  g_assert_cmpint (mix_csv_import_get_mapping (contacts, 6), ==, column (nc, "research_notes"));
  g_assert_cmpint (mix_csv_import_get_mapping (contacts, 7), ==, column (nc, "status"));
  g_assert_cmpint (mix_csv_import_get_mapping (contacts, 8), ==, column (nc, "contacted_on"));
  g_assert_cmpint (mix_csv_import_get_mapping (contacts, 9), ==, column (nc, "next_step"));
  g_assert_cmpint (mix_csv_import_get_mapping (contacts, 10), ==, column (nc, "follow_up_date"));
  /* "Date met" names the Networking Log's date only. */
  g_assert_cmpint (mix_csv_import_get_mapping (contacts, 11), ==, EXTRA);
  g_assert_cmpstr (mix_csv_import_get_source_title (contacts, 1), ==, "  company ");
  g_assert_cmpuint (mix_csv_import_get_n_rows (contacts), ==, 0);

  /* The three spellings of one column: the first wins, the others stay extra. */
  network = import_text (MIX_TAB_EXISTING_NETWORK,
                         "Knows I'm switching to software,knows_switching,"
                         "KNOWS I’M SWITCHING TO SOFTWARE,Contact,Email\n");
  g_assert_cmpint (mix_csv_import_get_mapping (network, 0), ==,
                   column (MIX_TAB_EXISTING_NETWORK, "knows_switching"));
  g_assert_cmpint (mix_csv_import_get_mapping (network, 1), ==, EXTRA);
  g_assert_cmpint (mix_csv_import_get_mapping (network, 2), ==, EXTRA);
  g_assert_cmpint (mix_csv_import_get_mapping (network, 3), ==,
                   column (MIX_TAB_EXISTING_NETWORK, "name"));
  /* Existing Network has no email column. */
  g_assert_cmpint (mix_csv_import_get_mapping (network, 4), ==, EXTRA);

  g_clear_pointer (&network, mix_csv_import_free);
  network = import_text (MIX_TAB_EXISTING_NETWORK, "knows_switching,LAST-CONTACT\n");
  g_assert_cmpint (mix_csv_import_get_mapping (network, 0), ==,
                   column (MIX_TAB_EXISTING_NETWORK, "knows_switching"));
  g_assert_cmpint (mix_csv_import_get_mapping (network, 1), ==,
                   column (MIX_TAB_EXISTING_NETWORK, "last_contact"));

  log = import_text (MIX_TAB_NETWORKING_LOG,
                     "Date met,Follow-Up,follow-up-date,Thank you sent?,What I learned\n");
  g_assert_cmpint (mix_csv_import_get_mapping (log, 0), ==, column (MIX_TAB_NETWORKING_LOG, "date"));
  g_assert_cmpint (mix_csv_import_get_mapping (log, 1), ==,
                   column (MIX_TAB_NETWORKING_LOG, "follow_up"));
  g_assert_cmpint (mix_csv_import_get_mapping (log, 2), ==,
                   column (MIX_TAB_NETWORKING_LOG, "follow_up_date"));
  g_assert_cmpint (mix_csv_import_get_mapping (log, 3), ==,
                   column (MIX_TAB_NETWORKING_LOG, "thank_you_sent"));
  g_assert_cmpint (mix_csv_import_get_mapping (log, 4), ==,
                   column (MIX_TAB_NETWORKING_LOG, "what_i_learned"));
}

static void
test_mapping_duplicates (void)
{
  g_autoptr(MixCsvImport) import = NULL;
  g_autoptr(GPtrArray) records = NULL;
  MixTab nc = MIX_TAB_NEW_CONTACTS;

  import = import_text (nc, "Name,Email,name,Email address,Notes,Notes\n"
                            "Ada,ada@example.com,Lovelace,ada@work.example,one,two\n");
  g_assert_cmpint (mix_csv_import_get_mapping (import, 0), ==, column (nc, "name"));
  g_assert_cmpint (mix_csv_import_get_mapping (import, 1), ==, column (nc, "email"));
  g_assert_cmpint (mix_csv_import_get_mapping (import, 2), ==, EXTRA);
  g_assert_cmpint (mix_csv_import_get_mapping (import, 3), ==, EXTRA);
  /* "Notes" is New Contacts' Research Notes; the second one stays extra. */
  g_assert_cmpint (mix_csv_import_get_mapping (import, 4), ==, column (nc, "research_notes"));
  g_assert_cmpint (mix_csv_import_get_mapping (import, 5), ==, EXTRA);

  records = build (import, 0, NULL);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpstr (value (records, 0, "name"), ==, "Ada");
  g_assert_cmpstr (value (records, 0, "email"), ==, "ada@example.com");
  g_assert_cmpstr (extra (records, 0, "name"), ==, "Lovelace");
  g_assert_cmpstr (extra (records, 0, "Email address"), ==, "ada@work.example");
  g_assert_cmpstr (value (records, 0, "research_notes"), ==, "one");
  g_assert_cmpstr (extra (records, 0, "Notes"), ==, "two");
  g_assert_cmpuint (n_extra (records->pdata[0]), ==, 3);

  /* Two extra columns of one name do not overwrite each other. */
  g_clear_pointer (&records, g_ptr_array_unref);
  g_clear_pointer (&import, mix_csv_import_free);
  import = import_text (nc, "Name,Phone,Phone\nAda,1,2\n");
  records = build (import, 0, NULL);
  g_assert_cmpstr (extra (records, 0, "Phone"), ==, "1");
  g_assert_cmpstr (extra (records, 0, "Phone (2)"), ==, "2");
}

static void
test_mapping_untitled (void)
{
  g_autoptr(MixCsvImport) import = NULL;
  g_autoptr(GPtrArray) records = NULL;
  MixTab nc = MIX_TAB_NEW_CONTACTS;

  /* An empty header cell, one of spaces, and a row longer than the header. */
  import = import_text (nc, "Name,,Company,  \n"
                            "Ada,x,ACME,y,z\n");
  g_assert_cmpuint (mix_csv_import_get_n_source_columns (import), ==, 5);
  g_assert_cmpstr (mix_csv_import_get_source_title (import, 0), ==, "Name");
  g_assert_cmpstr (mix_csv_import_get_source_title (import, 1), ==, "Column 2");
  g_assert_cmpstr (mix_csv_import_get_source_title (import, 2), ==, "Company");
  g_assert_cmpstr (mix_csv_import_get_source_title (import, 3), ==, "Column 4");
  g_assert_cmpstr (mix_csv_import_get_source_title (import, 4), ==, "Column 5");
  g_assert_cmpint (mix_csv_import_get_mapping (import, 1), ==, EXTRA);
  g_assert_cmpint (mix_csv_import_get_mapping (import, 3), ==, EXTRA);
  g_assert_cmpint (mix_csv_import_get_mapping (import, 4), ==, EXTRA);

  records = build (import, 0, NULL);
  g_assert_cmpstr (value (records, 0, "company"), ==, "ACME");
  g_assert_cmpstr (extra (records, 0, "Column 2"), ==, "x");
  g_assert_cmpstr (extra (records, 0, "Column 4"), ==, "y");
  g_assert_cmpstr (extra (records, 0, "Column 5"), ==, "z");
}

static void
test_mapping_unmatched (void)
{
  g_autoptr(MixCsvImport) import = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GList) names = NULL;

  import = import_text (MIX_TAB_NEW_CONTACTS,
                        "Favourite colour,Name,Pronouns,#,Status\n"
                        "teal,Ada,she/her,7,\n"
                        ",Grace,,,Met\n");
  g_assert_cmpint (mix_csv_import_get_mapping (import, 0), ==, EXTRA);
  g_assert_cmpint (mix_csv_import_get_mapping (import, 2), ==, EXTRA);
  /* A header with nothing but punctuation matches nothing. */
  g_assert_cmpint (mix_csv_import_get_mapping (import, 3), ==, EXTRA);

  records = build (import, 0, NULL);
  g_assert_cmpuint (records->len, ==, 2);
  names = mix_record_list_extra (records->pdata[0]);
  g_assert_cmpuint (g_list_length (names), ==, 3);
  g_assert_cmpstr (names->data, ==, "Favourite colour");
  g_assert_cmpstr (names->next->data, ==, "Pronouns");
  g_assert_cmpstr (names->next->next->data, ==, "#");
  g_assert_cmpstr (extra (records, 0, "Favourite colour"), ==, "teal");
  g_assert_cmpstr (extra (records, 0, "#"), ==, "7");
  /* Empty cells are not stored. */
  g_assert_cmpuint (n_extra (records->pdata[1]), ==, 0);
  g_assert_cmpstr (value (records, 1, "status"), ==, "met");
}

static void
test_mapping_set (void)
{
  g_autoptr(MixCsvImport) import = NULL;
  g_autoptr(GPtrArray) records = NULL;
  MixTab nc = MIX_TAB_NEW_CONTACTS;
  int name = column (nc, "name");
  int company = column (nc, "company");

  import = import_text (nc, "Name,Nickname,Company,Employer\n"
                            "Ada Lovelace,Ada,ACME,Analytical Engines\n");
  g_assert_cmpint (mix_csv_import_get_mapping (import, 0), ==, name);
  g_assert_cmpint (mix_csv_import_get_mapping (import, 1), ==, EXTRA);

  /* Taking a column already taken moves it; the old source becomes extra. */
  mix_csv_import_set_mapping (import, 1, name);
  g_assert_cmpint (mix_csv_import_get_mapping (import, 1), ==, name);
  g_assert_cmpint (mix_csv_import_get_mapping (import, 0), ==, EXTRA);

  mix_csv_import_set_mapping (import, 3, company);
  g_assert_cmpint (mix_csv_import_get_mapping (import, 2), ==, EXTRA);
  mix_csv_import_set_mapping (import, 2, SKIP);
  g_assert_cmpint (mix_csv_import_get_mapping (import, 2), ==, SKIP);
  g_assert_cmpint (mix_csv_import_get_mapping (import, 3), ==, company);

  /* Setting the same mapping again changes nothing. */
  mix_csv_import_set_mapping (import, 3, company);
  g_assert_cmpint (mix_csv_import_get_mapping (import, 3), ==, company);

  records = build (import, 0, NULL);
  g_assert_cmpstr (value (records, 0, "name"), ==, "Ada");
  g_assert_cmpstr (value (records, 0, "company"), ==, "Analytical Engines");
  g_assert_cmpstr (extra (records, 0, "Name"), ==, "Ada Lovelace");
  /* A skipped column leaves no trace. */
  g_assert_null (extra (records, 0, "Company"));
  g_assert_cmpuint (n_extra (records->pdata[0]), ==, 1);
}

static void
test_mapping_set_invalid (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(MixCsvImport) import = import_text (MIX_TAB_NEW_CONTACTS, "Name\n");

      mix_csv_import_set_mapping (import, 0, 11);
      return;
    }

  g_test_trap_subprocess (NULL, 0, 0);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*mix_csv_import_set_mapping*");
}

/* Building records -------------------------------------------------------------------- */

static void
test_records_values (void)
{
  g_autoptr(MixCsvImport) contacts = NULL;
  g_autoptr(MixCsvImport) network = NULL;
  g_autoptr(GPtrArray) records = NULL;

  contacts = import_text (MIX_TAB_NEW_CONTACTS,
                          "Name,Status,Contacted on,Follow-up date,LinkedIn,Email\n"
                          "Ada,Messaged,3/5/2026,2026-03-19,linkedin.com/in/ada, ada@example.com \n"
                          "Grace,meeting scheduled,12/31/2026,2026-12-31T10:00:00Z,,\n"
                          "Katherine,NOT_A_FIT,,,,\n");
  records = build (contacts, 0, NULL);
  g_assert_cmpuint (records->len, ==, 3);
  g_assert_cmpstr (value (records, 0, "status"), ==, "messaged");
  g_assert_cmpstr (value (records, 0, "contacted_on"), ==, "2026-03-05");
  g_assert_cmpstr (value (records, 0, "follow_up_date"), ==, "2026-03-19");
  g_assert_cmpstr (value (records, 0, "linkedin"), ==, "https://linkedin.com/in/ada");
  g_assert_cmpstr (value (records, 0, "email"), ==, "ada@example.com");
  g_assert_cmpstr (value (records, 1, "status"), ==, "meeting-scheduled");
  g_assert_cmpstr (value (records, 1, "contacted_on"), ==, "2026-12-31");
  g_assert_cmpstr (value (records, 1, "follow_up_date"), ==, "2026-12-31");
  g_assert_null (value (records, 1, "linkedin"));
  g_assert_cmpstr (value (records, 2, "status"), ==, "not-a-fit");
  g_assert_null (value (records, 2, "contacted_on"));
  for (guint i = 0; i < records->len; i++)
    {
      g_assert_cmpint (mix_record_get_tab (records->pdata[i]), ==, MIX_TAB_NEW_CONTACTS);
      g_assert_cmpuint (n_extra (records->pdata[i]), ==, 0);
    }
  g_clear_pointer (&records, g_ptr_array_unref);

  network = import_text (MIX_TAB_EXISTING_NETWORK,
                         "Name,Knows I’m switching to software,Relationship\n"
                         "A,yes,Former colleague\n"
                         "B,No,friend\n"
                         "C,TRUE,FAMILY\n"
                         "D,,\n"
                         "E,✓,Turing\n");
  records = build (network, 0, NULL);
  g_assert_cmpuint (records->len, ==, 5);
  g_assert_cmpstr (value (records, 0, "knows_switching"), ==, "true");
  g_assert_cmpstr (value (records, 0, "relationship"), ==, "former-colleague");
  g_assert_null (value (records, 1, "knows_switching"));
  g_assert_cmpstr (value (records, 1, "relationship"), ==, "friend");
  g_assert_cmpstr (value (records, 2, "knows_switching"), ==, "true");
  g_assert_cmpstr (value (records, 2, "relationship"), ==, "family");
  g_assert_null (value (records, 3, "knows_switching"));
  g_assert_null (value (records, 3, "relationship"));
  g_assert_cmpstr (value (records, 4, "knows_switching"), ==, "true");
  g_assert_cmpstr (value (records, 4, "relationship"), ==, "turing");
}

static void
test_records_bad_values (void)
{
  g_autoptr(MixCsvImport) import = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  import = import_text (MIX_TAB_NEW_CONTACTS,
                        "Name,Follow-up date,Status,Email,LinkedIn\n"
                        "Ada,2026-03-05,Messaged,ada@example.com,\n"
                        "Grace,,,,\n"
                        ",,,,\n"
                        "Katherine,next week,Ghosted,kj at nasa,not a url\n"
                        "Dorothy,2026-02-30,,,\n");
  g_assert_cmpuint (mix_csv_import_get_n_rows (import), ==, 4);

  records = build (import, 5, &problems);
  g_assert_cmpuint (records->len, ==, 4);

  /* Rows as a spreadsheet numbers them: the header is 1 and the empty row counts. */
  g_assert_cmpstr (problems->pdata[0], ==,
                   "Row 5: “next week” is not a date. Write it as YYYY-MM-DD, for example "
                   "2026-03-05. It was kept as the extra field “Follow-up date”.");
  g_assert_cmpstr (problems->pdata[1], ==,
                   "Row 5: “Ghosted” is not one of the choices for Status. It was kept as "
                   "the extra field “Status”.");
  g_assert_true (g_str_has_prefix (problems->pdata[2], "Row 5: “kj at nasa”"));
  g_assert_true (g_str_has_suffix (problems->pdata[2], "extra field “Email”."));
  g_assert_true (g_str_has_prefix (problems->pdata[3], "Row 5: “not a url”"));
  g_assert_true (g_str_has_prefix (problems->pdata[4], "Row 6: “2026-02-30” is not a date."));

  /* Nothing is lost: the values are kept as extra fields, the row is still imported. */
  g_assert_cmpstr (value (records, 2, "name"), ==, "Katherine");
  g_assert_null (value (records, 2, "follow_up_date"));
  g_assert_null (value (records, 2, "status"));
  g_assert_null (value (records, 2, "email"));
  g_assert_cmpstr (extra (records, 2, "Follow-up date"), ==, "next week");
  g_assert_cmpstr (extra (records, 2, "Status"), ==, "Ghosted");
  g_assert_cmpstr (extra (records, 2, "Email"), ==, "kj at nasa");
  g_assert_cmpstr (extra (records, 2, "LinkedIn"), ==, "not a url");
  g_assert_cmpstr (extra (records, 3, "Follow-up date"), ==, "2026-02-30");
  g_assert_cmpuint (n_extra (records->pdata[0]), ==, 0);
}

static void
test_records_bad_value_name_taken (void)
{
  g_autoptr(MixCsvImport) import = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  /* The second "Email" is an extra column: a bad value of the first must not replace it. */
  import = import_text (MIX_TAB_NEW_CONTACTS,
                        "Name,Email,Email\n"
                        "Ada,not an address,ada@home.example\n");
  records = build (import, 1, &problems);
  g_assert_cmpstr (extra (records, 0, "Email"), ==, "ada@home.example");
  g_assert_cmpstr (extra (records, 0, "Email (2)"), ==, "not an address");
  g_assert_true (g_str_has_suffix (problems->pdata[0], "extra field “Email (2)”."));
}

static void
test_records_empty_rows (void)
{
  g_autoptr(MixCsvImport) import = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  import = import_text (MIX_TAB_NEW_CONTACTS,
                        "Name,Company,Contacted on\n"
                        ",,\n"
                        "\n"
                        "Ada,,\n"
                        ",\n"
                        "\"\"\n"
                        " ,,\n"
                        ",,soon\n"
                        ",,\n");
  /* Rows of empty cells are dropped; a row holding a space is not empty. */
  g_assert_cmpuint (mix_csv_import_get_n_rows (import), ==, 3);
  g_assert_cmpstr (mix_csv_import_get_cell (import, 0, 0), ==, "Ada");
  g_assert_cmpstr (mix_csv_import_get_cell (import, 1, 0), ==, " ");
  g_assert_cmpstr (mix_csv_import_get_cell (import, 2, 2), ==, "soon");

  records = build (import, 1, &problems);
  g_assert_cmpuint (records->len, ==, 3);
  g_assert_cmpstr (value (records, 0, "name"), ==, "Ada");
  g_assert_cmpstr (value (records, 1, "name"), ==, " ");
  /* The parser skips the blank line, so this is the 7th record of the file. */
  g_assert_true (g_str_has_prefix (problems->pdata[0], "Row 7: “soon”"));
}

static void
test_records_ragged (void)
{
  g_autoptr(MixCsvImport) import = NULL;
  g_autoptr(GPtrArray) records = NULL;

  import = import_text (MIX_TAB_NEW_CONTACTS,
                        "Name,Company,Role\n"
                        "Ada\n"
                        "Grace,Navy\n"
                        "Katherine,NASA,Mathematician,extra,more\n");
  g_assert_cmpuint (mix_csv_import_get_n_rows (import), ==, 3);
  g_assert_cmpuint (mix_csv_import_get_n_source_columns (import), ==, 5);
  g_assert_cmpstr (mix_csv_import_get_cell (import, 0, 1), ==, "");
  g_assert_cmpstr (mix_csv_import_get_cell (import, 0, 4), ==, "");
  g_assert_cmpstr (mix_csv_import_get_cell (import, 1, 1), ==, "Navy");
  g_assert_cmpstr (mix_csv_import_get_cell (import, 1, 2), ==, "");
  g_assert_cmpstr (mix_csv_import_get_cell (import, 2, 4), ==, "more");

  records = build (import, 0, NULL);
  g_assert_cmpuint (records->len, ==, 3);
  g_assert_cmpstr (value (records, 0, "name"), ==, "Ada");
  g_assert_null (value (records, 0, "company"));
  g_assert_cmpstr (value (records, 1, "company"), ==, "Navy");
  g_assert_cmpstr (value (records, 2, "role"), ==, "Mathematician");
  g_assert_cmpstr (extra (records, 2, "Column 4"), ==, "extra");
  g_assert_cmpstr (extra (records, 2, "Column 5"), ==, "more");
}

static void
test_records_header_only (void)
{
  g_autoptr(MixCsvImport) import = NULL;
  g_autoptr(MixCsvImport) empty = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  import = import_text (MIX_TAB_NETWORKING_LOG, "Date,Name,Format\r\n,,\r\n");
  g_assert_cmpuint (mix_csv_import_get_n_rows (import), ==, 0);
  records = build (import, 0, NULL);
  g_assert_cmpuint (records->len, ==, 0);

  empty = mix_csv_import_new_from_data (MIX_TAB_NETWORKING_LOG, "", 0, &error);
  g_assert_null (empty);
  g_assert_error (error, MIX_CSV_ERROR, MIX_CSV_ERROR_EMPTY);
  g_clear_error (&error);

  empty = mix_csv_import_new_from_data (MIX_TAB_NETWORKING_LOG, "\xEF\xBB\xBF \r\n", 6, &error);
  g_assert_null (empty);
  g_assert_error (error, MIX_CSV_ERROR, MIX_CSV_ERROR_EMPTY);
  g_clear_error (&error);

  empty = mix_csv_import_new_from_data (MIX_TAB_NETWORKING_LOG, "Name\n\"Ada\n", 10, &error);
  g_assert_null (empty);
  g_assert_error (error, MIX_CSV_ERROR, MIX_CSV_ERROR_UNTERMINATED_QUOTE);
  g_assert_nonnull (strstr (error->message, "Line 2"));
}

static void
test_records_too_many_fields (void)
{
  g_autoptr(GString) text = g_string_new ("Name\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(MixCsvImport) import = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append (text, "x,");
  g_string_append (text, "x\n");

  import = mix_csv_import_new_from_data (MIX_TAB_NEW_CONTACTS, text->str, text->len, &error);
  g_assert_null (import);
  g_assert_error (error, MIX_CSV_ERROR, MIX_CSV_ERROR_TOO_MANY_FIELDS);
  g_assert_nonnull (strstr (error->message, "Line 2"));
}

static void
test_records_unguard (void)
{
  g_autoptr(MixCsvImport) import = NULL;
  g_autoptr(GPtrArray) records = NULL;

  import = import_text (MIX_TAB_NEW_CONTACTS,
                        "Name,'=Score,Research notes\n"
                        "'=HYPERLINK(\"http://x\"),'+1,'-note\n"
                        "'@ada,'plain,\"'\tindented\"\n");
  g_assert_cmpstr (mix_csv_import_get_source_title (import, 1), ==, "=Score");
  g_assert_cmpstr (mix_csv_import_get_cell (import, 0, 0), ==, "=HYPERLINK(\"http://x\")");
  g_assert_cmpstr (mix_csv_import_get_cell (import, 0, 1), ==, "+1");
  /* An apostrophe before anything else is the cell's own. */
  g_assert_cmpstr (mix_csv_import_get_cell (import, 1, 1), ==, "'plain");

  records = build (import, 0, NULL);
  g_assert_cmpstr (value (records, 0, "name"), ==, "=HYPERLINK(\"http://x\")");
  g_assert_cmpstr (extra (records, 0, "=Score"), ==, "+1");
  g_assert_cmpstr (value (records, 0, "research_notes"), ==, "-note");
  g_assert_cmpstr (value (records, 1, "name"), ==, "@ada");
  g_assert_cmpstr (value (records, 1, "research_notes"), ==, "\tindented");
}

static void
test_google_sheets (void)
{
  static const char sheet[] =
    "\xEF\xBB\xBF" "Name,Company,Role,LinkedIn,Email,Found via,Research notes,Status,"
    "Contacted on,Next step,Follow-up date\r\n"
    "Ada Lovelace,Analytical Engines Ltd,Staff Engineer,linkedin.com/in/ada,ada@example.com,"
    "Meetup,\"Wrote the first program;\r\nlikes \"\"notes\"\", commas\",Messaged,3/5/2026,"
    "\"Coffee, then demo\",3/19/2026\r\n"
    "Grace Hopper,US Navy,Rear Admiral,https://www.linkedin.com/in/grace,,Conference,,"
    "Not contacted,,,\r\n"
    ",,,,,,,,,,\r\n"
    ",,,,,,,,,,\r\n";
  g_autoptr(MixCsvImport) import = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  const MixTabInfo *info = mix_tab_get_info (MIX_TAB_NEW_CONTACTS);

  import = mix_csv_import_new_from_data (MIX_TAB_NEW_CONTACTS, sheet, sizeof sheet - 1, &error);
  g_assert_no_error (error);

  /* The byte order mark is not part of the first header: every column maps in order. */
  g_assert_cmpuint (mix_csv_import_get_n_source_columns (import), ==, info->n_columns);
  for (guint s = 0; s < info->n_columns; s++)
    g_assert_cmpint (mix_csv_import_get_mapping (import, s), ==, (int) s);
  g_assert_cmpstr (mix_csv_import_get_source_title (import, 0), ==, "Name");
  g_assert_cmpuint (mix_csv_import_get_n_rows (import), ==, 2);

  records = build (import, 0, NULL);
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_cmpstr (value (records, 0, "name"), ==, "Ada Lovelace");
  g_assert_cmpstr (value (records, 0, "company"), ==, "Analytical Engines Ltd");
  g_assert_cmpstr (value (records, 0, "role"), ==, "Staff Engineer");
  g_assert_cmpstr (value (records, 0, "linkedin"), ==, "https://linkedin.com/in/ada");
  g_assert_cmpstr (value (records, 0, "email"), ==, "ada@example.com");
  g_assert_cmpstr (value (records, 0, "found_via"), ==, "Meetup");
  g_assert_cmpstr (value (records, 0, "research_notes"), ==,
                   "Wrote the first program;\nlikes \"notes\", commas");
  g_assert_cmpstr (value (records, 0, "status"), ==, "messaged");
  g_assert_cmpstr (value (records, 0, "contacted_on"), ==, "2026-03-05");
  g_assert_cmpstr (value (records, 0, "next_step"), ==, "Coffee, then demo");
  g_assert_cmpstr (value (records, 0, "follow_up_date"), ==, "2026-03-19");
  g_assert_cmpstr (value (records, 1, "name"), ==, "Grace Hopper");
  g_assert_cmpstr (value (records, 1, "linkedin"), ==, "https://www.linkedin.com/in/grace");
  g_assert_null (value (records, 1, "email"));
  g_assert_null (value (records, 1, "research_notes"));
  g_assert_cmpstr (value (records, 1, "status"), ==, "not-contacted");
  g_assert_null (value (records, 1, "contacted_on"));
  g_assert_cmpuint (n_extra (records->pdata[0]), ==, 0);
  g_assert_cmpuint (n_extra (records->pdata[1]), ==, 0);
}

/* Export ------------------------------------------------------------------------------ */

static MixRecord *
new_record (MixTab tab,
            ...)
{
  MixRecord *record = mix_record_new (tab);
  const char *id;
  va_list args;

  va_start (args, tab);
  while ((id = va_arg (args, const char *)) != NULL)
    {
      const char *text = va_arg (args, const char *);
      g_autoptr(GError) error = NULL;

      mix_record_set_value_by_id (record, id, text, &error);
      g_assert_no_error (error);
    }
  va_end (args);

  return record;
}

static void
test_export (void)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) empty = g_list_store_new (MIX_TYPE_RECORD);
  g_autofree char *text = NULL;
  g_autofree char *header_only = NULL;
  MixRecord *record;
  gsize length;

  record = new_record (MIX_TAB_NEW_CONTACTS,
                       "name", "Ada Lovelace", "company", "ACME, Inc.", "status", "meeting-scheduled",
                       "contacted_on", "3/5/2026", "linkedin", "linkedin.com/in/ada",
                       "research_notes", "=HYPERLINK(\"http://evil.example\",\"click\")", NULL);
  mix_record_set_extra (record, "Pronouns", "she/her");
  g_ptr_array_add (records, record);

  record = new_record (MIX_TAB_NEW_CONTACTS, "name", "Grace", "status", "Not a fit", NULL);
  mix_record_set_extra (record, "Source", "Meetup");
  mix_record_set_extra (record, "Pronouns", "she/her");
  mix_record_set_extra (record, "Empty", "");
  g_ptr_array_add (records, record);

  record = new_record (MIX_TAB_NEW_CONTACTS, "name", "Katherine", NULL);
  mix_record_set_extra (record, "@risk", "+1 555 0100");
  g_ptr_array_add (records, record);

  text = export_array (MIX_TAB_NEW_CONTACTS, records);
  g_assert_cmpstr (text, ==,
                   "Name,Company,Role,LinkedIn,Email,Found Via,Research Notes,Status,Contacted On,"
                   "Next Step,Follow-Up Date,Pronouns,Source,'@risk\r\n"
                   "Ada Lovelace,\"ACME, Inc.\",,https://linkedin.com/in/ada,,,"
                   "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",Meeting scheduled,"
                   "2026-03-05,,,she/her,,\r\n"
                   "Grace,,,,,,,Not a fit,,,,she/her,Meetup,\r\n"
                   "Katherine,,,,,,,,,,,,,'+1 555 0100\r\n");
  g_assert_false (g_str_has_prefix (text, "\xEF\xBB\xBF"));

  /* Booleans are always written, as Yes or No. */
  g_ptr_array_set_size (records, 0);
  g_ptr_array_add (records, new_record (MIX_TAB_NETWORKING_LOG,
                                        "date", "2026-03-05", "name", "Ada", "format", "coffee-chat",
                                        "thank_you_sent", "yes", NULL));
  g_ptr_array_add (records, new_record (MIX_TAB_NETWORKING_LOG, "name", "Grace", NULL));
  g_clear_pointer (&text, g_free);
  text = export_array (MIX_TAB_NETWORKING_LOG, records);
  g_assert_cmpstr (text, ==,
                   "Date,Name,Company,Format,What I Learned,Follow-Up,Follow-Up Date,Thank-You Sent\r\n"
                   "2026-03-05,Ada,,Coffee chat,,,,Yes\r\n"
                   ",Grace,,,,,,No\r\n");

  header_only = mix_csv_export_rows (MIX_TAB_EXISTING_NETWORK, G_LIST_MODEL (empty), &length);
  g_assert_cmpstr (header_only, ==,
                   "Name,Relationship,Company,Role,Knows I’m Switching to Software,"
                   "How They Could Help,Last Contact,Notes,Keep in Touch\r\n");
  g_assert_cmpuint (length, ==, strlen (header_only));
}

/* Export, import and export again: the same text, and the same values. */
static void
assert_round_trip (MixTab     tab,
                   GPtrArray *records)
{
  const MixTabInfo *info = mix_tab_get_info (tab);
  g_autofree char *first = export_array (tab, records);
  g_autofree char *second = NULL;
  g_autoptr(MixCsvImport) import = import_text (tab, first);
  g_autoptr(GPtrArray) again = NULL;

  for (guint s = 0; s < info->n_columns; s++)
    g_assert_cmpint (mix_csv_import_get_mapping (import, s), ==, (int) s);

  again = build (import, 0, NULL);
  g_assert_cmpuint (again->len, ==, records->len);

  for (guint r = 0; r < records->len; r++)
    {
      g_autoptr(GList) names = mix_record_list_extra (records->pdata[r]);
      guint n_names = 0;

      for (guint c = 0; c < info->n_columns; c++)
        g_assert_cmpstr (mix_record_get_value (again->pdata[r], c), ==,
                         mix_record_get_value (records->pdata[r], c));

      for (GList *l = names; l != NULL; l = l->next)
        {
          g_assert_cmpstr (mix_record_get_extra (again->pdata[r], l->data), ==,
                           mix_record_get_extra (records->pdata[r], l->data));
          n_names++;
        }
      g_assert_cmpuint (n_extra (again->pdata[r]), ==, n_names);
    }

  second = export_array (tab, again);
  g_assert_cmpstr (second, ==, first);
}

static const char * const tricky[] = {
  "plain",
  "comma, inside",
  "\"quoted\" and a lone \" quote",
  "two\nlines\n\nand a blank one",
  "Zoë Ångström — naïve café",
  "emoji 🎉👩🏽‍💻 and CJK 日本語",
  "=HYPERLINK(\"http://evil.example\")",
  "=1+2",
  "+44 20 7946 0000",
  "-5",
  "@handle",
  "\tstarts with a tab",
  " spaces around ",
  "ends with a comma,",
  "'apostrophe first",
  "trailing newline\n",
  "=",
  "\"",
};

static void
test_round_trip (void)
{
  for (MixTab tab = 0; tab < MIX_N_TABS; tab++)
    {
      const MixTabInfo *info = mix_tab_get_info (tab);
      g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

      g_test_message ("tab %s", info->id);

      for (guint r = 0; r < G_N_ELEMENTS (tricky); r++)
        {
          MixRecord *record = mix_record_new (tab);

          for (guint c = 0; c < info->n_columns; c++)
            {
              const MixColumn *col = &info->columns[c];
              g_autoptr(GError) error = NULL;
              g_autofree char *date = NULL;
              const char *text = NULL;

              switch (col->type)
                {
                case MIX_COLUMN_TEXT:
                case MIX_COLUMN_LONG_TEXT:
                  text = tricky[(r + c) % G_N_ELEMENTS (tricky)];
                  break;
                case MIX_COLUMN_BOOLEAN:
                  text = (r + c) % 2 ? "yes" : "no";
                  break;
                case MIX_COLUMN_CHOICE:
                  {
                    guint n = 0;

                    while (col->choices[n].id != NULL)
                      n++;
                    text = (r % (n + 1)) < n ? col->choices[r % (n + 1)].id : NULL;
                  }
                  break;
                case MIX_COLUMN_DATE:
                  date = g_strdup_printf ("2026-%02u-%02u", 1 + (r + c) % 12, 1 + (r * 7 + c) % 28);
                  text = date;
                  break;
                case MIX_COLUMN_URL:
                  text = r % 3 ? "https://example.com/in/a?b=c,d&e=f" : NULL;
                  break;
                case MIX_COLUMN_EMAIL:
                  text = r % 2 ? "zoë+tag@example.com" : NULL;
                  break;
                default:
                  g_assert_not_reached ();
                }

              mix_record_set_value (record, c, text, &error);
              g_assert_no_error (error);
            }

          /* Extra fields, some only on later rows, some with tricky names. */
          if (r % 2 == 0)
            mix_record_set_extra (record, "Pronouns", tricky[r]);
          if (r >= 3)
            mix_record_set_extra (record, "=Score, \"weighted\"", tricky[(r + 5) % G_N_ELEMENTS (tricky)]);
          if (r == 7)
            mix_record_set_extra (record, "Naïve 🎉", "\n");
          /* An extra field named as a column is kept apart from it. */
          if (r == 4)
            mix_record_set_extra (record, info->columns[0].title, "shadow");

          g_ptr_array_add (records, record);
        }

      assert_round_trip (tab, records);
    }
}

static void
test_round_trip_bad_values (void)
{
  g_autoptr(MixCsvImport) import = NULL;
  g_autoptr(GPtrArray) records = NULL;

  /* Values kept as extra fields go out and come back as extra fields. */
  import = import_text (MIX_TAB_NEW_CONTACTS,
                        "Name,Email,Email,Status\n"
                        "Ada,nope,ada@home.example,Ghosted\n"
                        "Grace,,,Met\n");
  records = build (import, 2, NULL);
  assert_round_trip (MIX_TAB_NEW_CONTACTS, records);
}

/* Translations ------------------------------------------------------------------------ */

/* A minimal GNU message catalog: @pairs is msgid, msgstr, …, sorted by msgid. */
static GByteArray *
make_mo (const char * const *pairs,
         guint               n)
{
  GByteArray *mo = g_byte_array_new ();
  guint32 header[7];
  guint32 offset = 28 + 16 * n;
  g_autoptr(GByteArray) strings = g_byte_array_new ();
  g_autoptr(GArray) originals = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) translations = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint which = 0; which < 2; which++)
    for (guint i = 0; i < n; i++)
      {
        const char *s = pairs[2 * i + which];
        guint32 entry[2] = { GUINT32_TO_LE (strlen (s)), GUINT32_TO_LE (offset + strings->len) };

        g_array_append_vals (which == 0 ? originals : translations, entry, 2);
        g_byte_array_append (strings, (const guint8 *) s, strlen (s) + 1);
      }

  header[0] = GUINT32_TO_LE (0x950412de);
  header[1] = 0;
  header[2] = GUINT32_TO_LE (n);
  header[3] = GUINT32_TO_LE (28);
  header[4] = GUINT32_TO_LE (28 + 8 * n);
  header[5] = 0;
  header[6] = GUINT32_TO_LE (offset);
  g_byte_array_append (mo, (const guint8 *) header, sizeof header);
  g_byte_array_append (mo, (const guint8 *) originals->data, originals->len * sizeof (guint32));
  g_byte_array_append (mo, (const guint8 *) translations->data, translations->len * sizeof (guint32));
  g_byte_array_append (mo, strings->data, strings->len);

  return mo;
}

static void
test_translated (void)
{
  static const char * const pairs[] = {
    "", "Content-Type: text/plain; charset=UTF-8\n",
    "Company", "Firma",
    "Contact", "Ansprechperson",
    "Friend", "Freund",
    "Yes", "Ja",
  };
  g_autofree char *dir = NULL;
  g_autofree char *messages = NULL;
  g_autofree char *mo_path = NULL;
  g_autoptr(GByteArray) mo = NULL;
  g_autoptr(GError) error = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(MixCsvImport) import = NULL;
      g_autoptr(GPtrArray) records = NULL;
      g_autofree char *text = NULL;
      MixTab en = MIX_TAB_EXISTING_NETWORK;

      /* A locale in which LANGUAGE is followed: glibc 2.36 follows it in
       * C.UTF-8, 2.41 (Debian 13) only in a locale of a language. */
      static const char * const locales[] = { "C.UTF-8", "es_ES.UTF-8", "de_DE.UTF-8",
                                              "en_US.UTF-8" };
      gboolean translating = FALSE;

      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MIX_TEST_LOCALE_DIR"));
      for (guint i = 0; i < G_N_ELEMENTS (locales) && !translating; i++)
        translating = setlocale (LC_ALL, locales[i]) != NULL &&
                      g_str_equal (dgettext (GETTEXT_PACKAGE, "Company"), "Firma");
      g_assert_true (translating);
      g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Company"), ==, "Firma");

      /* Translated titles and other names match, and so do the English ones. */
      import = import_text (en, "Ansprechperson,FIRMA,Relationship,knows_switching,Company\n"
                                "Ada,ACME,Freund,Ja,Other Ltd\n");
      g_assert_cmpint (mix_csv_import_get_mapping (import, 0), ==, column (en, "name"));
      g_assert_cmpint (mix_csv_import_get_mapping (import, 1), ==, column (en, "company"));
      g_assert_cmpint (mix_csv_import_get_mapping (import, 2), ==, column (en, "relationship"));
      g_assert_cmpint (mix_csv_import_get_mapping (import, 4), ==, EXTRA);
      records = build (import, 0, NULL);
      g_assert_cmpstr (value (records, 0, "company"), ==, "ACME");
      g_assert_cmpstr (value (records, 0, "relationship"), ==, "friend");
      g_assert_cmpstr (value (records, 0, "knows_switching"), ==, "true");

      /* Exports are in the user's language. */
      text = export_array (en, records);
      g_assert_true (g_str_has_prefix (text, "Name,Relationship,Firma,Role,"));
      g_assert_nonnull (strstr (text, "\r\nAda,Freund,ACME,,Ja,,,,,Other Ltd\r\n"));
      return;
    }

  dir = make_temp_dir ();
  messages = g_build_filename (dir, "xx", "LC_MESSAGES", NULL);
  g_assert_cmpint (g_mkdir_with_parents (messages, 0700), ==, 0);
  mo_path = g_strconcat (messages, G_DIR_SEPARATOR_S, GETTEXT_PACKAGE, ".mo", NULL);
  mo = make_mo (pairs, G_N_ELEMENTS (pairs) / 2);
  g_file_set_contents (mo_path, (const char *) mo->data, mo->len, &error);
  g_assert_no_error (error);

  g_setenv ("MIX_TEST_LOCALE_DIR", dir, TRUE);
  g_setenv ("LANGUAGE", "xx", TRUE);
  g_test_trap_subprocess (NULL, 0, 0);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_unsetenv ("MIX_TEST_LOCALE_DIR");
  remove_temp_dir (dir);

  g_test_trap_assert_passed ();
}

/* Files and the tracker --------------------------------------------------------------- */

static void
on_changed_cb (MixTracker *tracker,
               guint      *count)
{
  (*count)++;
}

static void
test_tracker_import_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = NULL;
  g_autoptr(MixTracker) tracker = mix_tracker_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *rows = mix_tracker_get_rows (tracker, MIX_TAB_NEW_CONTACTS);
  guint n_changed = 0;
  guint n_imported = 0;
  g_autoptr(MixRecord) first = NULL;
  g_autoptr(MixRecord) third = NULL;

  mix_tracker_add_row (tracker, MIX_TAB_NEW_CONTACTS);
  g_signal_connect (tracker, "changed", G_CALLBACK (on_changed_cb), &n_changed);

  path = write_temp_file (dir, "contacts.csv",
                          "Name,Status,Contacted on\r\n"
                          "Ada,Messaged,3/5/2026\r\n"
                          "Grace,Ghosted,\r\n"
                          "Katherine,Met,2026-01-02\r\n", -1);
  g_assert_true (mix_tracker_import_csv_file (tracker, MIX_TAB_NEW_CONTACTS, path,
                                              &n_imported, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpuint (n_imported, ==, 3);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (g_str_has_prefix (problems->pdata[0], "Row 3: “Ghosted”"));

  /* Appended after the row that was there, in the file's order. */
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 4);
  g_assert_cmpuint (mix_tracker_get_n_rows (tracker, MIX_TAB_EXISTING_NETWORK), ==, 0);
  first = g_list_model_get_item (rows, 1);
  third = g_list_model_get_item (rows, 3);
  g_assert_cmpstr (mix_record_get_value_by_id (first, "name"), ==, "Ada");
  g_assert_cmpstr (mix_record_get_value_by_id (first, "contacted_on"), ==, "2026-03-05");
  g_assert_cmpstr (mix_record_get_value_by_id (third, "status"), ==, "met");
  g_assert_true (mix_tracker_find (tracker, mix_record_get_id (first)) == first);

  /* The optional results may be left out; a header-only file changes nothing. */
  g_clear_pointer (&path, g_free);
  path = write_temp_file (dir, "header.csv", "Name,Status\n", -1);
  g_assert_true (mix_tracker_import_csv_file (tracker, MIX_TAB_NEW_CONTACTS, path,
                                              NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 4);

  remove_temp_dir (dir);
}

static void
test_tracker_import_failure (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing.csv", NULL);
  g_autofree char *bad = NULL;
  g_autoptr(MixTracker) tracker = mix_tracker_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  guint n_changed = 0;
  guint n_imported = 99;

  g_signal_connect (tracker, "changed", G_CALLBACK (on_changed_cb), &n_changed);

  g_assert_false (mix_tracker_import_csv_file (tracker, MIX_TAB_NEW_CONTACTS, missing,
                                               &n_imported, &problems, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_cmpuint (n_imported, ==, 0);
  g_assert_null (problems);
  g_clear_error (&error);

  /* Good rows before the bad byte are not imported either. */
  bad = write_temp_file (dir, "latin1.csv", "Name,Company\nAda,ACME\nZo\xEB,Caf\xE9\n", -1);
  g_assert_false (mix_tracker_import_csv_file (tracker, MIX_TAB_NEW_CONTACTS, bad,
                                               &n_imported, &problems, &error));
  g_assert_error (error, MIX_CSV_ERROR, MIX_CSV_ERROR_INVALID_UTF8);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Line 3"));
  g_assert_nonnull (strstr (error->message, "latin1.csv"));
  g_assert_null (problems);
  g_clear_error (&error);

  /* A folder is not a file. */
  g_assert_false (mix_tracker_import_csv_file (tracker, MIX_TAB_NEW_CONTACTS, dir,
                                               NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, dir));
  g_clear_error (&error);

  g_assert_cmpuint (n_changed, ==, 0);
  for (MixTab tab = 0; tab < MIX_N_TABS; tab++)
    g_assert_cmpuint (mix_tracker_get_n_rows (tracker, tab), ==, 0);

  remove_temp_dir (dir);
}

static void
test_file_too_large (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.csv", NULL);
  g_autoptr(MixCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  /* A sparse file: it takes no space, and must not be read. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) MIX_CSV_IMPORT_MAX_BYTES + 1), ==, 0);
  g_assert_true (g_close (fd, NULL));

  import = mix_csv_import_new_from_file (MIX_TAB_NEW_CONTACTS, path, &error);
  g_assert_null (import);
  g_assert_error (error, MIX_CSV_ERROR, MIX_CSV_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.csv"));

  remove_temp_dir (dir);
}

static void
test_tracker_export_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "log.csv", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "no", "such", "dir.csv", NULL);
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *again = NULL;
  g_autoptr(MixTracker) tracker = mix_tracker_new ();
  g_autoptr(MixTracker) copy = mix_tracker_new ();
  g_autoptr(GError) error = NULL;
  MixRecord *record;
  guint n = 0;
  gsize length;

  record = mix_tracker_add_row (tracker, MIX_TAB_NETWORKING_LOG);
  mix_record_set_value_by_id (record, "date", "2026-03-05", NULL);
  mix_record_set_value_by_id (record, "name", "Ada, \"the\" Countess", NULL);
  mix_record_set_value_by_id (record, "format", "mix-it-up", NULL);
  mix_record_set_value_by_id (record, "what_i_learned", "-> ask about\nmentoring", NULL);
  mix_record_set_extra (record, "Venue", "Café Zoë");
  record = mix_tracker_add_row (tracker, MIX_TAB_NETWORKING_LOG);
  mix_record_set_value_by_id (record, "name", "Grace", NULL);
  mix_record_set_value_by_id (record, "thank_you_sent", "yes", NULL);
  mix_tracker_add_row (tracker, MIX_TAB_NEW_CONTACTS);

  g_assert_true (mix_tracker_export_csv_file (tracker, MIX_TAB_NETWORKING_LOG, path, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);

  g_file_get_contents (path, &written, &length, &error);
  g_assert_no_error (error);
  expected = mix_csv_export_rows (MIX_TAB_NETWORKING_LOG,
                                  mix_tracker_get_rows (tracker, MIX_TAB_NETWORKING_LOG), NULL);
  g_assert_cmpstr (written, ==, expected);
  g_assert_cmpuint (length, ==, strlen (expected));
  g_assert_true (g_str_has_prefix (written, "Date,Name,"));
  g_assert_nonnull (strstr (written, "\r\n2026-03-05,\"Ada, \"\"the\"\" Countess\",,Mix It Up,"
                                     "\"'-> ask about\nmentoring\",,,No,Café Zoë\r\n"));

  /* Import into another tracker and export again: the same file. */
  g_assert_true (mix_tracker_import_csv_file (copy, MIX_TAB_NETWORKING_LOG, path, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (mix_tracker_export_csv_file (copy, MIX_TAB_NETWORKING_LOG, path, &n, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &again, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, written);

  /* A failed write says where, and leaves the file that was there. */
  g_assert_false (mix_tracker_export_csv_file (tracker, MIX_TAB_NETWORKING_LOG, nowhere, &n, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, nowhere));
  g_assert_cmpuint (n, ==, 0);
  g_clear_error (&error);

  /* A file much bigger than the pieces it is written in comes out whole. */
  for (guint i = 0; i < 8000; i++)
    {
      g_autofree char *learned = g_strdup_printf ("%u: %s", i,
                                                  "asked about mentoring, pairing and the "
                                                  "next meetup; \"bring a laptop\", she said, "
                                                  "and a question about the on-call rota");

      record = mix_tracker_add_row (tracker, MIX_TAB_NETWORKING_LOG);
      mix_record_set_value_by_id (record, "name", "Lin", NULL);
      mix_record_set_value_by_id (record, "what_i_learned", learned, NULL);
    }
  g_assert_true (mix_tracker_export_csv_file (tracker, MIX_TAB_NETWORKING_LOG, path, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 8002);
  g_clear_pointer (&written, g_free);
  g_clear_pointer (&expected, g_free);
  g_file_get_contents (path, &written, &length, &error);
  g_assert_no_error (error);
  expected = mix_csv_export_rows (MIX_TAB_NETWORKING_LOG,
                                  mix_tracker_get_rows (tracker, MIX_TAB_NETWORKING_LOG), NULL);
  g_assert_cmpuint (length, >, 1024 * 1024);
  g_assert_cmpuint (length, ==, strlen (expected));
  g_assert_true (strcmp (written, expected) == 0);

  /* Writing onto a folder fails, and leaves nothing half-written behind. */
  {
    g_autofree char *folder = g_build_filename (dir, "folder.csv", NULL);
    g_autoptr(GDir) listing = NULL;
    guint n_entries = 0;

    g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
    g_assert_false (mix_tracker_export_csv_file (tracker, MIX_TAB_NETWORKING_LOG, folder, &n, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "folder.csv"));
    g_assert_cmpuint (n, ==, 0);
    g_clear_error (&error);
    g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
    listing = g_dir_open (dir, 0, NULL);
    while (g_dir_read_name (listing) != NULL)
      n_entries++;
    g_assert_cmpuint (n_entries, ==, 2);  /* log.csv and the folder */
  }

  remove_temp_dir (dir);
}

/* An export holds contact data: a new file is for its owner alone, and a
 * file exported again keeps the mode the user gave it. */
static void
test_export_mode (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "contacts.csv", NULL);
  g_autoptr(MixTracker) tracker = mix_tracker_new ();
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  mode_t old_mask = umask (022);

  mix_tracker_add_row (tracker, MIX_TAB_NEW_CONTACTS);
  g_assert_true (mix_tracker_export_csv_file (tracker, MIX_TAB_NEW_CONTACTS, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (mix_tracker_export_csv_file (tracker, MIX_TAB_NEW_CONTACTS, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  umask (old_mask);

  g_unlink (path);
  g_rmdir (dir);
}

/* Semicolons (Excel in most of Europe) and tabs are found, with or without
 * a `sep=` first line, and can be set. */
static void
test_delimiters (void)
{
  static const struct {
    const char *text;
    char        delimiter;
    const char *company;
  } cases[] = {
    { "sep=;\r\nName;Company\r\nAda;Initech\r\n", ';', "Initech" },
    { "\xef\xbb\xbfsep=;\nName;Company\nAda;Initech\n", ';', "Initech" },
    { "Name;Company;Role\nAda;\"Initech; Ltd\";Dev\nLin;Hooli;\n", ';', "Initech; Ltd" },
    { "Name\tCompany\nAda\tInitech, Inc\n", '\t', "Initech, Inc" },
    { "Name,Company\nAda,\"Initech; Ltd\"\n", ',', "Initech; Ltd" },
    { "sep=,\nName,Company\nAda,Initech\n", ',', "Initech" },
    /* One column: nothing to tell, a comma. */
    { "Name\nAda\n", ',', NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MixCsvImport) import = NULL;

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (mix_csv_detect_delimiter (cases[i].text, strlen (cases[i].text)), ==,
                       cases[i].delimiter);
      import = mix_csv_import_new_from_data (MIX_TAB_NEW_CONTACTS, cases[i].text,
                                             strlen (cases[i].text), &error);
      g_assert_no_error (error);
      g_assert_cmpint (mix_csv_import_get_delimiter (import), ==, cases[i].delimiter);
      g_assert_cmpstr (mix_csv_import_get_cell (import, 0, 0), ==, "Ada");
      if (cases[i].company != NULL)
        {
          g_assert_cmpstr (mix_csv_import_get_source_title (import, 1), ==, "Company");
          g_assert_cmpstr (mix_csv_import_get_cell (import, 0, 1), ==, cases[i].company);
        }
      g_assert_cmpuint (mix_csv_import_get_n_rows (import), >=, 1);
    }

  /* Nothing at all (a file of control bytes is stripped to nothing before
   * this is asked): a comma, without touching the missing text. */
  g_assert_cmpint (mix_csv_detect_delimiter (NULL, 0), ==, ',');

  /* Set by hand: read again, mapped again. */
  {
    const char *text = "Name;Company\nAda;Initech\n";
    g_autoptr(MixCsvImport) import = mix_csv_import_new_from_data (MIX_TAB_NEW_CONTACTS, text,
                                                                   strlen (text), NULL);

    g_assert_true (mix_csv_import_set_delimiter (import, ',', NULL));
    g_assert_cmpuint (mix_csv_import_get_n_source_columns (import), ==, 1);
    g_assert_cmpstr (mix_csv_import_get_cell (import, 0, 0), ==, "Ada;Initech");
    g_assert_true (mix_csv_import_set_delimiter (import, ';', NULL));
    g_assert_cmpuint (mix_csv_import_get_n_source_columns (import), ==, 2);
    g_assert_cmpint (mix_csv_import_get_mapping (import, 1), ==,
                     mix_tab_find_column (MIX_TAB_NEW_CONTACTS, "company"));
  }
}

/* LinkedIn's Connections.csv as LinkedIn writes it: a byte order mark,
 * two lines of notes and a blank one before the header, quoted commas, emails left blank,
 * "15 Mar 2024" dates, first and last names apart. The header is found,
 * the notes left out and said, First and Last Name make one Name. */
static void
test_linkedin_connections (void)
{
  static const char text[] =
    "\xef\xbb\xbf" "Notes:\r\n"
    "\"When exporting your connection data, you may notice that some of the email addresses "
    "are missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting https://www."
    "linkedin.com/psettings/privacy/email. You can learn more about this here: https://"
    "www.linkedin.com/help/linkedin/answer/261\"\r\n"
    "\r\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
    "Priya,Raman,https://www.linkedin.com/in/priyaraman,,Stripe,Software Engineer,15 Mar 2024\r\n"
    "Sam,Rivera,https://www.linkedin.com/in/samrivera,sam@example.com,\"Hooli, Inc.\","
    "\"Engineer, Platform\",02 Jan 2025\r\n"
    "José,De la Cruz,https://www.linkedin.com/in/jdlc,,Globant SA,Tech Lead,1 Sept 2023\r\n"
    ",Solo,https://www.linkedin.com/in/solo,,,,\r\n"
    "Ana, ,https://www.linkedin.com/in/ana,,,,30 Nov 2026\r\n";
  MixTab nc = MIX_TAB_NEW_CONTACTS;
  g_autoptr(MixCsvImport) import = import_text (nc, text);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) records = NULL;
  const char *expected[][6] = {
    /* name, linkedin, email, company, role, contacted_on */
    { "Priya Raman", "https://www.linkedin.com/in/priyaraman", NULL, "Stripe",
      "Software Engineer", "2024-03-15" },
    { "Sam Rivera", "https://www.linkedin.com/in/samrivera", "sam@example.com", "Hooli, Inc.",
      "Engineer, Platform", "2025-01-02" },
    { "José De la Cruz", "https://www.linkedin.com/in/jdlc", NULL, "Globant SA", "Tech Lead",
      "2023-09-01" },
    { "Solo", "https://www.linkedin.com/in/solo", NULL, NULL, NULL, NULL },
    { "Ana", "https://www.linkedin.com/in/ana", NULL, NULL, NULL, "2026-11-30" },
  };
  const char *ids[] = { "name", "linkedin", "email", "company", "role", "contacted_on" };

  g_assert_cmpuint (mix_csv_import_get_n_skipped_lines (import), ==, 2);
  g_assert_cmpuint (mix_csv_import_get_n_source_columns (import), ==, 7);
  g_assert_cmpstr (mix_csv_import_get_source_title (import, 0), ==, "First Name");
  g_assert_cmpint (mix_csv_import_get_mapping (import, 0), ==, column (nc, "name"));
  g_assert_cmpint (mix_csv_import_get_mapping (import, 1), ==, MIX_CSV_IMPORT_NAME_REST);
  g_assert_cmpuint (mix_csv_import_get_n_rows (import), ==, 5);

  records = mix_csv_import_build_records (import, &problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (records->len, ==, 5);
  for (guint r = 0; r < records->len; r++)
    for (guint c = 0; c < G_N_ELEMENTS (ids); c++)
      g_assert_cmpstr (mix_record_get_value_by_id (records->pdata[r], ids[c]), ==, expected[r][c]);

  /* Last Name can be put back as an extra field, and Name is the first
   * name alone. */
  mix_csv_import_set_mapping (import, 1, EXTRA);
  g_clear_pointer (&records, g_ptr_array_unref);
  g_clear_pointer (&problems, g_ptr_array_unref);
  records = mix_csv_import_build_records (import, &problems);
  g_assert_cmpstr (mix_record_get_value_by_id (records->pdata[0], "name"), ==, "Priya");

  /* A file whose first row is its header, with a Name of its own and a
   * Last Name: nothing is left out, Last Name is not added to it. */
  g_clear_pointer (&import, mix_csv_import_free);
  import = import_text (nc, "Name,Last Name,Company\nAda Lovelace,Lovelace,Analytical\n");
  g_assert_cmpuint (mix_csv_import_get_n_skipped_lines (import), ==, 0);
  g_assert_cmpint (mix_csv_import_get_mapping (import, 1), ==, EXTRA);

  /* Existing Network: Connected On is the last contact. */
  g_clear_pointer (&import, mix_csv_import_free);
  import = import_text (MIX_TAB_EXISTING_NETWORK, text);
  g_assert_cmpint (mix_csv_import_get_mapping (import, 6), ==,
                   column (MIX_TAB_EXISTING_NETWORK, "last_contact"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv-import/mapping/automatic", test_mapping_automatic);
  g_test_add_func ("/csv-import/mapping/duplicates", test_mapping_duplicates);
  g_test_add_func ("/csv-import/mapping/untitled", test_mapping_untitled);
  g_test_add_func ("/csv-import/mapping/unmatched", test_mapping_unmatched);
  g_test_add_func ("/csv-import/mapping/set", test_mapping_set);
  g_test_add_func ("/csv-import/mapping/set-invalid", test_mapping_set_invalid);
  g_test_add_func ("/csv-import/mapping/translated", test_translated);
  g_test_add_func ("/csv-import/records/values", test_records_values);
  g_test_add_func ("/csv-import/linkedin-connections", test_linkedin_connections);
  g_test_add_func ("/csv-import/records/bad-values", test_records_bad_values);
  g_test_add_func ("/csv-import/records/bad-value-name-taken", test_records_bad_value_name_taken);
  g_test_add_func ("/csv-import/records/empty-rows", test_records_empty_rows);
  g_test_add_func ("/csv-import/records/ragged", test_records_ragged);
  g_test_add_func ("/csv-import/records/header-only", test_records_header_only);
  g_test_add_func ("/csv-import/records/too-many-fields", test_records_too_many_fields);
  g_test_add_func ("/csv-import/records/unguard", test_records_unguard);
  g_test_add_func ("/csv-import/google-sheets", test_google_sheets);
  g_test_add_func ("/csv-import/export", test_export);
  g_test_add_func ("/csv-import/round-trip", test_round_trip);
  g_test_add_func ("/csv-import/round-trip/bad-values", test_round_trip_bad_values);
  g_test_add_func ("/csv-import/file/too-large", test_file_too_large);
  g_test_add_func ("/csv-import/tracker/import", test_tracker_import_file);
  g_test_add_func ("/csv-import/tracker/import-failure", test_tracker_import_failure);
  g_test_add_func ("/csv-import/tracker/export", test_tracker_export_file);
  g_test_add_func ("/csv-import/export-mode", test_export_mode);
  g_test_add_func ("/csv-import/delimiters", test_delimiters);

  return g_test_run ();
}
