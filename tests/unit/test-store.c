/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mix-json.h"
#include "mix-store.h"

typedef struct
{
  char    *dir;
  char    *tracker_path;
  gboolean read_ahead;  /* the files are read by mix_store_begin_load()'s thread */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *parent = g_dir_make_tmp ("mix-store-XXXXXX", &error);

  g_assert_no_error (error);
  /* The store creates its own directory, as on a first start. */
  f->dir = g_build_filename (parent, "mix-it-up", NULL);
  f->tracker_path = g_build_filename (f->dir, "tracker.json", NULL);
}

/* Every test runs again with the files read ahead, as the app does. */
static void
fixture_set_up_read_ahead (Fixture       *f,
                           gconstpointer  data)
{
  fixture_set_up (f, data);
  f->read_ahead = TRUE;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        remove_tree (child);
      }
  g_remove (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *parent = g_path_get_dirname (f->dir);

  remove_tree (parent);
  g_free (f->dir);
  g_free (f->tracker_path);
}

static void
write_file (const char *path,
            const char *data,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

static MixStore *
open_store (Fixture *f)
{
  MixStore *store = mix_store_new (f->dir);

  if (f->read_ahead)
    mix_store_begin_load (store);
  mix_store_load (store);
  return store;
}

static const char *good_tracker =
  "{\"format\":\"mix-it-up/tracker\",\"version\":1,\"tabs\":{"
  "\"existing-network\":[{\"id\":\"a\",\"created\":\"2026-01-01T00:00:00Z\","
  "\"modified\":\"2026-01-01T00:00:00Z\",\"fields\":{\"name\":\"Ada\"}}],"
  "\"networking-log\":[],\"new-contacts\":[]}}";

static guint
n_rows (MixStore *store,
        MixTab    tab)
{
  return mix_tracker_get_n_rows (mix_store_get_tracker (store), tab);
}

static MixRecord *
row (MixStore *store,
     MixTab    tab,
     guint     position)
{
  GListModel *rows = mix_tracker_get_rows (mix_store_get_tracker (store), tab);
  g_autoptr(MixRecord) record = g_list_model_get_item (rows, position);

  return record;  /* still owned by the store's list */
}

/* A first start: nothing on disk, nothing written until something changes;
 * then the file is private and the directory too. */
static void
test_first_start (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(MixStore) store = open_store (f);
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  MixRecord *record;

  g_assert_cmpuint (mix_store_get_problems (store)->len, ==, 0);
  g_assert_cmpuint (n_rows (store, MIX_TAB_NEW_CONTACTS), ==, 0);
  g_assert_false (g_file_test (f->tracker_path, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_stat (f->dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  record = mix_tracker_add_row (mix_store_get_tracker (store), MIX_TAB_NEW_CONTACTS);
  mix_record_set_value_by_id (record, "name", "Grace Hopper", NULL);
  g_assert_true (mix_store_is_dirty (store, MIX_DOMAIN_TRACKER));
  g_assert_false (mix_store_is_dirty (store, MIX_DOMAIN_MESSAGES));

  g_assert_true (mix_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_false (mix_store_is_dirty (store, MIX_DOMAIN_TRACKER));

  g_assert_cmpint (g_stat (f->tracker_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  /* Only the file that changed is written. */
  {
    g_autofree char *messages = g_build_filename (f->dir, "messages.json", NULL);
    g_assert_false (g_file_test (messages, G_FILE_TEST_EXISTS));
  }
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *id = NULL;

  {
    g_autoptr(MixStore) store = open_store (f);
    MixTracker *tracker = mix_store_get_tracker (store);
    MixRecord *record = mix_tracker_add_row (tracker, MIX_TAB_NETWORKING_LOG);

    g_assert_true (mix_record_set_value_by_id (record, "date", "3/5/2026", NULL));
    g_assert_true (mix_record_set_value_by_id (record, "name", "Katherine “Kat” Johnson", NULL));
    g_assert_true (mix_record_set_value_by_id (record, "format", "Coffee chat", NULL));
    g_assert_true (mix_record_set_value_by_id (record, "thank_you_sent", "yes", NULL));
    mix_record_set_extra (record, "Phone", "555-0100");
    id = g_strdup (mix_record_get_id (record));
    g_assert_true (mix_store_flush (store, NULL));
  }

  {
    g_autoptr(MixStore) store = open_store (f);
    MixRecord *record;

    g_assert_cmpuint (mix_store_get_problems (store)->len, ==, 0);
    g_assert_cmpuint (n_rows (store, MIX_TAB_NETWORKING_LOG), ==, 1);
    record = row (store, MIX_TAB_NETWORKING_LOG, 0);
    g_assert_cmpstr (mix_record_get_id (record), ==, id);
    g_assert_cmpstr (mix_record_get_value_by_id (record, "date"), ==, "2026-03-05");
    g_assert_cmpstr (mix_record_get_value_by_id (record, "name"), ==, "Katherine “Kat” Johnson");
    g_assert_cmpstr (mix_record_get_value_by_id (record, "format"), ==, "coffee-chat");
    g_assert_cmpstr (mix_record_get_value_by_id (record, "thank_you_sent"), ==, "true");
    g_assert_cmpstr (mix_record_get_extra (record, "Phone"), ==, "555-0100");
    g_assert_true (mix_tracker_find (mix_store_get_tracker (store), id) == record);
  }
}

/* Keys this version does not know, at every level, are written back. */
static void
test_unknown_keys (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *messages_path = g_build_filename (f->dir, "messages.json", NULL);
  const char *messages =
    "{\"format\":\"mix-it-up/messages\",\"version\":1,\"drafts\":[{\"id\":\"d\",\"body\":\"Hi\"}],"
    "\"theme\":{\"accent\":\"teal\"}}";
  g_autoptr(JsonNode) expected_messages = NULL;
  g_autoptr(JsonNode) saved_messages = NULL;
  g_autofree char *text = NULL;
  gsize length;

  write_file (f->tracker_path,
              "{\"format\":\"mix-it-up/tracker\",\"version\":1,\"synced\":\"2026-01-01\","
              "\"tabs\":{\"existing-network\":[{\"id\":\"a\",\"fields\":{\"name\":\"Ada\","
              "\"nickname\":\"A\"},\"color\":\"red\"}],\"archive\":[{\"x\":1}]}}", -1);
  write_file (messages_path, messages, -1);

  {
    g_autoptr(MixStore) store = open_store (f);
    MixRecord *record = row (store, MIX_TAB_EXISTING_NETWORK, 0);

    g_assert_cmpuint (mix_store_get_problems (store)->len, ==, 0);
    mix_record_set_value_by_id (record, "company", "Initech", NULL);
    /* An untouched domain is not rewritten, but it must survive a save too. */
    mix_store_changed (store, MIX_DOMAIN_MESSAGES);
    g_assert_true (mix_store_flush (store, NULL));
  }

  text = read_file (f->tracker_path, &length);
  {
    g_autoptr(JsonNode) node = mix_json_parse_object (text, length, NULL);
    JsonObject *root = json_node_get_object (node);
    JsonObject *tabs = json_object_get_object_member (root, "tabs");
    JsonObject *first = json_array_get_object_element (
      json_object_get_array_member (tabs, "existing-network"), 0);
    JsonObject *fields = json_object_get_object_member (first, "fields");

    g_assert_cmpstr (json_object_get_string_member (root, "synced"), ==, "2026-01-01");
    g_assert_true (json_object_has_member (tabs, "archive"));
    g_assert_cmpstr (json_object_get_string_member (first, "color"), ==, "red");
    g_assert_cmpstr (json_object_get_string_member (fields, "nickname"), ==, "A");
    g_assert_cmpstr (json_object_get_string_member (fields, "company"), ==, "Initech");
  }

  g_clear_pointer (&text, g_free);
  text = read_file (messages_path, &length);
  saved_messages = mix_json_parse_object (text, length, NULL);
  expected_messages = mix_json_parse_object (messages, strlen (messages), NULL);
  /* Each save names itself, for other copies of the file to know it by. */
  g_assert_true (json_object_has_member (json_node_get_object (saved_messages), "revision"));
  json_object_remove_member (json_node_get_object (saved_messages), "revision");
  g_assert_true (json_node_equal (saved_messages, expected_messages));
}

typedef struct
{
  const char *name;
  const char *data;   /* NULL: built by the test */
  gssize      length;
} DamageCase;

static void
check_damaged (Fixture    *f,
               const char *data,
               gsize       length,
               gboolean    expect_restored)
{
  g_autoptr(MixStore) store = NULL;
  MixStoreProblem *problem;
  g_autofree char *moved = NULL;
  gsize moved_length = 0;

  store = open_store (f);
  g_assert_cmpuint (mix_store_get_problems (store)->len, ==, 1);
  problem = g_ptr_array_index (mix_store_get_problems (store), 0);
  g_assert_cmpint (problem->kind, ==, MIX_PROBLEM_DAMAGED);
  g_assert_cmpint (problem->domain, ==, MIX_DOMAIN_TRACKER);
  g_assert_nonnull (problem->moved_to);
  g_assert_true (g_str_has_prefix (problem->moved_to, f->tracker_path));
  g_assert_nonnull (strstr (problem->moved_to, ".damaged-"));
  /* The user is told where the damaged copy is. */
  g_assert_nonnull (strstr (problem->message, problem->moved_to));
  g_assert_cmpint (problem->restored_from_backup, ==, expect_restored);

  /* The damaged bytes are kept exactly. */
  moved = read_file (problem->moved_to, &moved_length);
  g_assert_cmpmem (moved, moved_length, data, length);

  if (expect_restored)
    {
      g_assert_cmpuint (n_rows (store, MIX_TAB_EXISTING_NETWORK), ==, 1);
      g_assert_true (g_file_test (f->tracker_path, G_FILE_TEST_IS_REGULAR));
    }
  else
    {
      g_assert_cmpuint (n_rows (store, MIX_TAB_EXISTING_NETWORK), ==, 0);
      g_assert_false (g_file_test (f->tracker_path, G_FILE_TEST_EXISTS));
    }

  /* Working on afterwards never touches the damaged copy. */
  mix_tracker_add_row (mix_store_get_tracker (store), MIX_TAB_NEW_CONTACTS);
  g_assert_true (mix_store_flush (store, NULL));
  g_clear_pointer (&moved, g_free);
  moved = read_file (problem->moved_to, &moved_length);
  g_assert_cmpmem (moved, moved_length, data, length);
  g_assert_false (mix_store_is_read_only (store, MIX_DOMAIN_TRACKER));
}

static GString *
deep_document (guint depth)
{
  GString *text = g_string_new ("{\"format\":\"mix-it-up/tracker\",\"version\":1,\"tabs\":");

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');
  return text;
}

static const DamageCase damage_cases[] = {
  { "empty", "", 0 },
  { "blank", "  \n\n\t ", -1 },
  { "truncated", "{\"format\":\"mix-it-up/tracker\",\"version\":1,\"tabs\":{\"existing-netw", -1 },
  { "not-object", "[{\"format\":\"mix-it-up/tracker\"}]", -1 },
  { "wrong-format", "{\"format\":\"mix-it-up/messages\",\"version\":1}", -1 },
  { "no-format", "{\"version\":1,\"tabs\":{}}", -1 },
  { "no-version", "{\"format\":\"mix-it-up/tracker\",\"tabs\":{}}", -1 },
  { "version-string", "{\"format\":\"mix-it-up/tracker\",\"version\":\"1\",\"tabs\":{}}", -1 },
  { "tabs-array", "{\"format\":\"mix-it-up/tracker\",\"version\":1,\"tabs\":[]}", -1 },
  { "tab-object", "{\"format\":\"mix-it-up/tracker\",\"version\":1,\"tabs\":{\"new-contacts\":{}}}", -1 },
  { "invalid-utf8", "{\"format\":\"mix-it-up/tracker\",\"version\":1,\"x\":\"\xc3\x28\"}", -1 },
  { "nul-bytes", "\0\0\0\0\0\0\0\0", 8 },
  { "deep", NULL, 0 },
  { "oversize", NULL, 0 },
};

static void
test_damaged (Fixture       *f,
              gconstpointer  data)
{
  const DamageCase *dc = data;
  g_autoptr(GString) built = NULL;
  const char *bytes = dc->data;
  gsize length = dc->length < 0 ? strlen (dc->data) : (gsize) dc->length;

  if (g_str_equal (dc->name, "deep"))
    {
      built = deep_document (1000000);
      bytes = built->str;
      length = built->len;
    }
  else if (g_str_equal (dc->name, "oversize"))
    {
      /* Valid JSON, but larger than the cap: a long string of spaces. */
      built = g_string_new (good_tracker);
      g_string_truncate (built, built->len - 1);
      g_string_append (built, ",\"pad\":\"");
      while (built->len < MIX_JSON_MAX_BYTES + 16)
        g_string_append (built, "                                                                ");
      g_string_append (built, "\"}");
      bytes = built->str;
      length = built->len;
    }

  write_file (f->tracker_path, bytes, (gssize) length);
  check_damaged (f, bytes, length, FALSE);
}

/* A damaged file with a good backup: the backup is used, and becomes the
 * file again so that the next start finds it. */
static void
test_damaged_restores_backup (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *bak = g_strconcat (f->tracker_path, ".bak", NULL);
  g_autofree char *restored = NULL;
  gsize length;

  write_file (bak, good_tracker, -1);
  write_file (f->tracker_path, "{\"format\":", -1);
  check_damaged (f, "{\"format\":", strlen ("{\"format\":"), TRUE);

  {
    g_autoptr(MixStore) store = open_store (f);

    g_assert_cmpuint (mix_store_get_problems (store)->len, ==, 0);
    /* one row from the backup and the one check_damaged() added */
    g_assert_cmpuint (n_rows (store, MIX_TAB_EXISTING_NETWORK), ==, 1);
    g_assert_cmpuint (n_rows (store, MIX_TAB_NEW_CONTACTS), ==, 1);
    g_assert_cmpstr (mix_record_get_value_by_id (row (store, MIX_TAB_EXISTING_NETWORK, 0), "name"),
                     ==, "Ada");
  }
  restored = read_file (f->tracker_path, &length);
  g_assert_cmpuint (length, >, 0);
}

/* A file gone with its backup still there is restored from the backup,
 * and the user is told: starting empty would lose the backup two saves
 * later. */
static void
test_missing_restores_backup (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *bak = g_strconcat (f->tracker_path, ".bak", NULL);
  g_autofree char *restored = NULL;
  g_autoptr(MixStore) store = NULL;
  MixStoreProblem *problem;
  gsize length;

  write_file (bak, good_tracker, -1);
  store = open_store (f);
  g_assert_cmpuint (mix_store_get_problems (store)->len, ==, 1);
  problem = g_ptr_array_index (mix_store_get_problems (store), 0);
  g_assert_cmpint (problem->kind, ==, MIX_PROBLEM_MISSING);
  g_assert_true (problem->restored_from_backup);
  g_assert_nonnull (strstr (problem->message, "tracker.json"));
  g_assert_cmpuint (n_rows (store, MIX_TAB_EXISTING_NETWORK), ==, 1);
  restored = read_file (f->tracker_path, &length);
  g_assert_cmpstr (restored, ==, good_tracker);

  /* Two saves later, Ada is still in the file and in its backup. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("Row %u", i);

      g_assert_true (mix_record_set_value_by_id (mix_tracker_add_row (mix_store_get_tracker (store),
                                                                     MIX_TAB_NEW_CONTACTS),
                                                 "name", name, NULL));
      g_assert_true (mix_store_flush (store, NULL));
    }
  {
    g_autofree char *backup = read_file (bak, &length);

    g_assert_nonnull (strstr (backup, "Ada"));
  }
}

/* No file and no backup is a first start, without a word. */
static void
test_missing_without_backup (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(MixStore) store = open_store (f);

  g_assert_cmpuint (mix_store_get_problems (store)->len, ==, 0);
  g_assert_cmpuint (n_rows (store, MIX_TAB_EXISTING_NETWORK), ==, 0);
}

/* Damaged twice in the same second: both copies are kept. */
static void
test_damaged_twice (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) moved = g_ptr_array_new_with_free_func (g_free);
  const char *contents[] = { "damaged one", "damaged two", "damaged three" };

  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      g_autoptr(MixStore) store = NULL;
      MixStoreProblem *problem;

      write_file (f->tracker_path, contents[i], -1);
      store = open_store (f);
      problem = g_ptr_array_index (mix_store_get_problems (store), 0);
      for (guint j = 0; j < moved->len; j++)
        g_assert_cmpstr (problem->moved_to, !=, moved->pdata[j]);
      g_ptr_array_add (moved, g_strdup (problem->moved_to));
    }

  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      gsize length;
      g_autofree char *text = read_file (moved->pdata[i], &length);
      g_assert_cmpstr (text, ==, contents[i]);
    }
}

/* A file from a newer version is shown but never written. */
static void
test_newer_version (Fixture       *f,
                    gconstpointer  data)
{
  const char *newer =
    "{\"format\":\"mix-it-up/tracker\",\"version\":2,\"tabs\":{\"new-contacts\":"
    "[{\"id\":\"n\",\"fields\":{\"name\":\"Lin\"}}]},\"future\":true}";
  g_autoptr(MixStore) store = NULL;
  MixStoreProblem *problem;
  g_autofree char *after = NULL;
  gsize length;

  write_file (f->tracker_path, newer, -1);
  store = open_store (f);

  g_assert_cmpuint (mix_store_get_problems (store)->len, ==, 1);
  problem = g_ptr_array_index (mix_store_get_problems (store), 0);
  g_assert_cmpint (problem->kind, ==, MIX_PROBLEM_NEWER_VERSION);
  g_assert_nonnull (strstr (problem->message, "newer version"));
  g_assert_true (mix_store_is_read_only (store, MIX_DOMAIN_TRACKER));
  g_assert_false (mix_store_is_read_only (store, MIX_DOMAIN_MESSAGES));
  g_assert_cmpuint (n_rows (store, MIX_TAB_NEW_CONTACTS), ==, 1);

  mix_tracker_add_row (mix_store_get_tracker (store), MIX_TAB_NEW_CONTACTS);
  g_assert_false (mix_store_is_dirty (store, MIX_DOMAIN_TRACKER));
  g_assert_true (mix_store_flush (store, NULL));

  after = read_file (f->tracker_path, &length);
  g_assert_cmpstr (after, ==, newer);
  {
    g_autofree char *bak = g_strconcat (f->tracker_path, ".bak", NULL);
    g_assert_false (g_file_test (bak, G_FILE_TEST_EXISTS));
  }
}

/* Rows with wrong types are counted, not shown, and kept in the file. */
static void
test_bad_rows (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(MixStore) store = NULL;
  MixStoreProblem *problem;
  g_autofree char *text = NULL;
  gsize length;

  write_file (f->tracker_path,
              "{\"format\":\"mix-it-up/tracker\",\"version\":1,\"tabs\":{\"new-contacts\":["
              "{\"id\":\"good\",\"fields\":{\"name\":\"Lin\"}},"
              "{\"id\":\"bad1\",\"fields\":{\"name\":12}},"
              "\"not a row\"]}}", -1);
  store = open_store (f);

  g_assert_cmpuint (n_rows (store, MIX_TAB_NEW_CONTACTS), ==, 1);
  g_assert_cmpuint (mix_store_get_problems (store)->len, ==, 1);
  problem = g_ptr_array_index (mix_store_get_problems (store), 0);
  g_assert_cmpint (problem->kind, ==, MIX_PROBLEM_SKIPPED_ROWS);
  g_assert_cmpuint (problem->n_rows, ==, 2);
  g_assert_nonnull (strstr (problem->message, "2 rows"));

  mix_tracker_add_row (mix_store_get_tracker (store), MIX_TAB_NEW_CONTACTS);
  g_assert_true (mix_store_flush (store, NULL));

  text = read_file (f->tracker_path, &length);
  g_assert_nonnull (strstr (text, "\"bad1\""));
  g_assert_nonnull (strstr (text, "\"not a row\""));
  g_assert_nonnull (strstr (text, "\"good\""));
}

/* Each save keeps the file it replaces as the backup. */
static void
test_backup_rotation (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(MixStore) store = open_store (f);
  g_autofree char *bak = g_strconcat (f->tracker_path, ".bak", NULL);
  MixRecord *record = mix_tracker_add_row (mix_store_get_tracker (store), MIX_TAB_NEW_CONTACTS);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *backup = NULL;
  GStatBuf st;
  gsize length;

  mix_record_set_value_by_id (record, "name", "First", NULL);
  g_assert_true (mix_store_save (store, MIX_DOMAIN_TRACKER, NULL));
  g_assert_false (g_file_test (bak, G_FILE_TEST_EXISTS));
  first = read_file (f->tracker_path, &length);

  mix_record_set_value_by_id (record, "name", "Second", NULL);
  g_assert_true (mix_store_save (store, MIX_DOMAIN_TRACKER, NULL));
  second = read_file (f->tracker_path, &length);
  backup = read_file (bak, &length);

  g_assert_cmpstr (backup, ==, first);
  g_assert_nonnull (strstr (second, "Second"));
  g_assert_cmpint (g_stat (bak, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

typedef struct
{
  guint    saves;
  gint64   last_change;
  gint64   saved_at;
  GMainLoop *loop;
} DebounceData;

static void
on_saved (MixStore     *store,
          int           domain,
          DebounceData *d)
{
  d->saves++;
  d->saved_at = g_get_monotonic_time ();
  g_main_loop_quit (d->loop);
}

static gboolean
change_again (gpointer data)
{
  MixRecord *record = data;
  g_autofree char *name = g_strdup_printf ("n%" G_GINT64_FORMAT, g_get_monotonic_time ());

  mix_record_set_value_by_id (record, "name", name, NULL);
  return G_SOURCE_CONTINUE;
}

/* Many changes in a burst make one save, one delay after the last. */
static void
test_debounce (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(MixStore) store = open_store (f);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  DebounceData d = { 0, 0, 0, loop };
  MixRecord *record;
  guint source;
  const guint delay = 200;

  mix_store_set_autosave_delay (store, delay);
  g_signal_connect (store, "saved", G_CALLBACK (on_saved), &d);
  record = mix_tracker_add_row (mix_store_get_tracker (store), MIX_TAB_NEW_CONTACTS);

  /* Change every 20 ms for 10 rounds: no save may happen in between. */
  source = g_timeout_add (20, change_again, record);
  for (guint i = 0; i < 10; i++)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpuint (d.saves, ==, 0);
    }
  g_source_remove (source);
  d.last_change = g_get_monotonic_time ();
  g_assert_false (g_file_test (f->tracker_path, G_FILE_TEST_EXISTS));

  g_main_loop_run (loop);
  g_assert_cmpuint (d.saves, ==, 1);
  g_assert_cmpint (d.saved_at - d.last_change, >=, (gint64) delay * 1000 - 25 * 1000);
  g_assert_true (g_file_test (f->tracker_path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (mix_store_is_dirty (store, MIX_DOMAIN_TRACKER));
}

/* Changes that never pause are saved as they go, within a few delays of
 * the first: a student typing on and on, a script, loses little to a
 * crash. */
static void
test_saves_while_changing (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(MixStore) store = open_store (f);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  DebounceData d = { 0, 0, 0, loop };
  MixRecord *record;
  guint source;

  mix_store_set_autosave_delay (store, 100);
  g_signal_connect (store, "saved", G_CALLBACK (on_saved), &d);
  record = mix_tracker_add_row (mix_store_get_tracker (store), MIX_TAB_NEW_CONTACTS);

  /* A change every 10 ms, far inside the delay, until a save comes: it
   * must come while they go on, in about five delays (up to a thousand
   * changes on a machine that is busy). */
  source = g_timeout_add (10, change_again, record);
  for (guint i = 0; i < 1000 && d.saves == 0; i++)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (source);
  g_assert_cmpuint (d.saves, >=, 1);
  g_assert_true (g_file_test (f->tracker_path, G_FILE_TEST_IS_REGULAR));
}

/* What an interrupted save leaves behind, in names only the store makes,
 * is cleaned at the next start; nothing else is, however much it looks
 * like a temporary file: the user's own copies, the backup, damaged
 * copies. */
static void
test_litter (Fixture       *f,
             gconstpointer  data)
{
  const char *litter[] = { ".tracker.json.tmp-Ab12Cd", ".tracker.json.bak.tmp-XYZ789",
                           ".sessions.json.tmp-abc123", ".messages.json.tmp-000000" };
  const char *kept[] = { "tracker.json.bak", "tracker.json.damaged-20260101-000000",
                         "notes.txt.abcdef", "tracker.json.abc", "tracker.json.backup",
                         "tracker.json.orig01", "messages.json.backup", "sessions.json.XYZ789",
                         "tracker.json.Ab12Cd", "tracker.json.bak.tmp", ".tracker.json.tmp-long-name",
                         "tracker.json.tmp-Ab12Cd" };
  g_autoptr(MixStore) store = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (litter); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, litter[i], NULL);
      write_file (path, "x", -1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, kept[i], NULL);
      write_file (path, "x", -1);
    }

  store = open_store (f);

  for (guint i = 0; i < G_N_ELEMENTS (litter); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, litter[i], NULL);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, kept[i], NULL);
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

/* Duplicate ids in the file get new ones, so links stay unambiguous. */
static void
test_duplicate_ids (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(MixStore) store = NULL;

  write_file (f->tracker_path,
              "{\"format\":\"mix-it-up/tracker\",\"version\":1,\"tabs\":{\"new-contacts\":["
              "{\"id\":\"same\",\"fields\":{\"name\":\"One\"}},"
              "{\"id\":\"same\",\"fields\":{\"name\":\"Two\"}}]}}", -1);
  store = open_store (f);

  g_assert_cmpuint (n_rows (store, MIX_TAB_NEW_CONTACTS), ==, 2);
  g_assert_cmpstr (mix_record_get_id (row (store, MIX_TAB_NEW_CONTACTS, 0)), ==, "same");
  g_assert_cmpstr (mix_record_get_id (row (store, MIX_TAB_NEW_CONTACTS, 1)), !=, "same");
}

/* A save that fails keeps the changes, tells the user once, and works
 * again when it can. */
static void
test_save_failure (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(MixStore) store = open_store (f);
  g_autoptr(GError) error = NULL;
  MixStoreProblem *problem;

  if (getuid () == 0)
    {
      /* root writes through any mode: make the path a directory instead. */
      g_mkdir_with_parents (f->tracker_path, 0700);
    }
  else
    g_chmod (f->dir, 0500);

  mix_tracker_add_row (mix_store_get_tracker (store), MIX_TAB_NEW_CONTACTS);
  g_assert_false (mix_store_flush (store, &error));
  g_assert_nonnull (error);
  g_assert_true (mix_store_is_dirty (store, MIX_DOMAIN_TRACKER));
  g_assert_false (mix_store_save (store, MIX_DOMAIN_TRACKER, NULL));
  g_assert_cmpuint (mix_store_get_problems (store)->len, ==, 1);
  problem = g_ptr_array_index (mix_store_get_problems (store), 0);
  g_assert_cmpint (problem->kind, ==, MIX_PROBLEM_SAVE_FAILED);

  if (getuid () == 0)
    g_rmdir (f->tracker_path);
  else
    g_chmod (f->dir, 0700);

  g_assert_true (mix_store_flush (store, NULL));
  g_assert_false (mix_store_is_dirty (store, MIX_DOMAIN_TRACKER));
}

/* The tracker is saved as text for speed; it must be exactly the document
 * the JSON tree would give, whatever the text holds. */
static void
test_text_writer (Fixture       *f,
                  gconstpointer  data)
{
  static const char *tricky[] = {
    "quote \" and backslash \\", "new\nline\ttab\rreturn", "\x01\x1f controls",
    "emoji 🤝 and accents é ñ ü", "</script>", "", "=SUM(A1)",
  };
  g_autoptr(JsonNode) saved = NULL;
  g_autoptr(JsonNode) expected = NULL;
  g_autofree char *text = NULL;
  gsize length;

  write_file (f->tracker_path,
              "{\"format\":\"mix-it-up/tracker\",\"version\":1,\"later\":{\"a\":[1,2.5,null]},"
              "\"tabs\":{\"new-contacts\":[{\"id\":\"x\",\"fields\":{\"name\":\"Kept\","
              "\"future\":{\"n\":1}},\"flag\":true},\"bad row\"],\"archive\":[]}}", -1);

  {
    g_autoptr(MixStore) store = open_store (f);
    MixTracker *tracker = mix_store_get_tracker (store);
    JsonObject *root;

    for (guint i = 0; i < G_N_ELEMENTS (tricky); i++)
      {
        MixRecord *record = mix_tracker_add_row (tracker, i % MIX_N_TABS);

        mix_record_set_value (record, 0, tricky[i], NULL);
        mix_record_set_extra (record, tricky[i][0] ? tricky[i] : "empty", tricky[i]);
      }
    g_assert_true (mix_store_flush (store, NULL));

    /* What it must give: each tab's rows in order, then the rows that
     * could not be read, unchanged, then the tabs this version does not
     * know; and the members it does not know. */
    root = json_object_new ();
    json_object_set_string_member (root, "format", "mix-it-up/tracker");
    json_object_set_int_member (root, "version", 1);
    json_object_set_member (root, "later",
                            json_node_copy (json_object_get_member (mix_store_get_document (store, MIX_DOMAIN_TRACKER), "later")));
    {
      JsonObject *tabs = json_object_new ();

      for (guint t = 0; t < MIX_N_TABS; t++)
        {
          GListModel *rows = mix_tracker_get_rows (tracker, t);
          JsonArray *array = json_array_new ();

          for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
            {
              g_autoptr(MixRecord) record = g_list_model_get_item (rows, i);
              json_array_add_element (array, mix_record_to_json (record));
            }
          if (t == MIX_TAB_NEW_CONTACTS)
            json_array_add_string_element (array, "bad row");
          json_object_set_array_member (tabs, mix_tab_get_info (t)->id, array);
        }
      json_object_set_array_member (tabs, "archive", json_array_new ());
      json_object_set_object_member (root, "tabs", tabs);
    }
    expected = json_node_init_object (json_node_alloc (), root);
    json_object_unref (root);
  }

  text = read_file (f->tracker_path, &length);
  saved = mix_json_parse_object (text, length, NULL);
  g_assert_nonnull (saved);
  g_assert_true (json_object_has_member (json_node_get_object (saved), "revision"));
  json_object_remove_member (json_node_get_object (saved), "revision");
  g_assert_true (json_node_equal (saved, expected));
  g_assert_nonnull (strstr (text, "\"bad row\""));
}

static void
count_cb (gpointer  object,
          guint    *count)
{
  (*count)++;
}

/* The tracker hears of every change of its rows, loaded or added, and of
 * no row it no longer holds; a row kept after the tracker is gone (by an
 * Undo, say) can still change. */
static void
test_tracker_hears_rows (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(MixStore) store = NULL;
  g_autoptr(MixRecord) kept = NULL;
  MixTracker *tracker;
  MixRecord *loaded;
  MixRecord *added;
  guint changes = 0;

  write_file (f->tracker_path, good_tracker, -1);
  store = open_store (f);
  tracker = mix_store_get_tracker (store);
  g_signal_connect (tracker, "changed", G_CALLBACK (count_cb), &changes);

  loaded = row (store, MIX_TAB_EXISTING_NETWORK, 0);
  g_assert_true (mix_record_set_value_by_id (loaded, "company", "Analytical Engines", NULL));
  g_assert_cmpuint (changes, ==, 1);
  g_assert_true (mix_tracker_find (tracker, "a") == loaded);

  added = mix_tracker_add_row (tracker, MIX_TAB_NEW_CONTACTS);
  changes = 0;
  g_assert_true (mix_record_set_value_by_id (added, "name", "Grace", NULL));
  g_assert_cmpuint (changes, ==, 1);

  kept = g_object_ref (added);
  g_assert_true (mix_tracker_remove_row (tracker, added, NULL));
  changes = 0;
  g_assert_true (mix_record_set_value_by_id (kept, "name", "Grace Hopper", NULL));
  g_assert_cmpuint (changes, ==, 0);

  g_object_ref (loaded);
  g_clear_object (&store);
  g_assert_true (mix_record_set_value_by_id (loaded, "name", "Ada King", NULL));
  g_object_unref (loaded);
}

static void
count_saves_cb (MixStore *store,
                int       domain,
                guint    *count)
{
  (*count)++;
}

static gboolean
quit_loop_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the store has saved @n times, or gives up. */
static void
run_until_saved (MixStore *store,
                 guint    *saves,
                 guint     n)
{
  gint64 end = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (*saves < n && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (*saves, ==, n);
}

/* Saving as you go writes on another thread, in order: a change made while
 * a save is being written is saved after it, a flush waits for it, and a
 * store freed in the middle of one leaves the file whole. */
static void
test_autosave_in_background (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(MixStore) store = open_store (f);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  MixTracker *tracker = mix_store_get_tracker (store);
  MixRecord *record;
  guint saves = 0;
  gsize length;

  mix_store_set_autosave_delay (store, 10);
  g_signal_connect (store, "saved", G_CALLBACK (count_saves_cb), &saves);
  record = mix_tracker_add_row (tracker, MIX_TAB_NEW_CONTACTS);
  g_assert_true (mix_record_set_value_by_id (record, "name", "First", NULL));
  run_until_saved (store, &saves, 1);
  {
    g_autofree char *text = read_file (f->tracker_path, &length);

    g_assert_nonnull (strstr (text, "First"));
    g_assert_false (mix_store_is_dirty (store, MIX_DOMAIN_TRACKER));
  }

  /* Changes while a save is on its way: the last one wins. */
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("Name %u", i);

      g_assert_true (mix_record_set_value_by_id (record, "name", name, NULL));
      g_timeout_add (12, quit_loop_cb, loop);
      g_main_loop_run (loop);
    }
  g_assert_true (mix_store_flush (store, NULL));
  {
    g_autofree char *text = read_file (f->tracker_path, &length);

    g_assert_nonnull (strstr (text, "\"Name 19\""));
    g_assert_false (mix_store_is_dirty (store, MIX_DOMAIN_TRACKER));
  }

  /* Freed about when a save starts: the file is whole, the one before or
   * the new one. */
  g_assert_true (mix_record_set_value_by_id (record, "name", "Last", NULL));
  g_timeout_add (11, quit_loop_cb, loop);
  g_main_loop_run (loop);
  g_clear_object (&store);
  {
    g_autofree char *text = read_file (f->tracker_path, &length);
    g_autoptr(JsonNode) node = mix_json_parse_object (text, length, NULL);

    g_assert_nonnull (node);
    g_assert_true (strstr (text, "\"Last\"") != NULL || strstr (text, "\"Name 19\"") != NULL);
  }
}

/* A save that fails in the background is reported once and kept to do:
 * the next flush writes it. */
static void
test_autosave_failure (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(MixStore) store = open_store (f);
  MixStoreProblem *problem;
  gint64 end;

  mix_store_set_autosave_delay (store, 10);
  g_mkdir_with_parents (f->tracker_path, 0700);  /* no file can go there */
  mix_tracker_add_row (mix_store_get_tracker (store), MIX_TAB_NEW_CONTACTS);

  end = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  while (mix_store_get_problems (store)->len == 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (mix_store_get_problems (store)->len, ==, 1);
  problem = g_ptr_array_index (mix_store_get_problems (store), 0);
  g_assert_cmpint (problem->kind, ==, MIX_PROBLEM_SAVE_FAILED);
  g_assert_true (mix_store_is_dirty (store, MIX_DOMAIN_TRACKER));

  g_rmdir (f->tracker_path);
  g_assert_true (mix_store_flush (store, NULL));
  g_assert_false (mix_store_is_dirty (store, MIX_DOMAIN_TRACKER));
  g_assert_true (g_file_test (f->tracker_path, G_FILE_TEST_IS_REGULAR));
}

/* A store freed while its files are read ahead, before they are loaded,
 * waits for the reading and frees what was read. */
static void
test_read_ahead_dropped (Fixture       *f,
                         gconstpointer  data)
{
  write_file (f->tracker_path, good_tracker, -1);
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(MixStore) store = mix_store_new (f->dir);

      mix_store_begin_load (store);
    }

  {
    g_autoptr(MixStore) store = open_store (f);

    g_assert_cmpuint (n_rows (store, MIX_TAB_EXISTING_NETWORK), ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  G_STMT_START { \
    g_autofree char *ahead = g_strconcat ("/store/read-ahead/", (path) + strlen ("/store/"), NULL); \
    g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down); \
    g_test_add (ahead, Fixture, data, fixture_set_up_read_ahead, func, fixture_tear_down); \
  } G_STMT_END

  ADD ("/store/first-start", test_first_start, NULL);
  ADD ("/store/round-trip", test_round_trip, NULL);
  ADD ("/store/unknown-keys", test_unknown_keys, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (damage_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store/damaged/%s", damage_cases[i].name);
      ADD (path, test_damaged, &damage_cases[i]);
    }
  ADD ("/store/damaged/restores-backup", test_damaged_restores_backup, NULL);
  ADD ("/store/damaged/twice", test_damaged_twice, NULL);
  ADD ("/store/missing/restores-backup", test_missing_restores_backup, NULL);
  ADD ("/store/missing/no-backup", test_missing_without_backup, NULL);
  ADD ("/store/newer-version", test_newer_version, NULL);
  ADD ("/store/bad-rows", test_bad_rows, NULL);
  ADD ("/store/backup-rotation", test_backup_rotation, NULL);
  ADD ("/store/debounce", test_debounce, NULL);
  ADD ("/store/saves-while-changing", test_saves_while_changing, NULL);
  ADD ("/store/litter", test_litter, NULL);
  ADD ("/store/duplicate-ids", test_duplicate_ids, NULL);
  ADD ("/store/save-failure", test_save_failure, NULL);
  ADD ("/store/text-writer", test_text_writer, NULL);
  ADD ("/store/read-ahead-dropped", test_read_ahead_dropped, NULL);
  ADD ("/store/tracker-hears-rows", test_tracker_hears_rows, NULL);
  ADD ("/store/autosave-in-background", test_autosave_in_background, NULL);
  ADD ("/store/autosave-failure", test_autosave_failure, NULL);

#undef ADD

  return g_test_run ();
}
