/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE 1  /* setfsuid() */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/fsuid.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mix-json.h"
#include "mix-json-reader.h"
#include "mix-store.h"

/* The store against other writers of its files: a text editor, a script,
 * a second window or the CSV command, a sync tool bringing another
 * computer's changes and its conflicting copies. Nothing may be lost. */

typedef struct
{
  char *parent;
  char *dir;
  char *tracker_path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->parent = g_dir_make_tmp ("mix-writers-XXXXXX", &error);
  g_assert_no_error (error);
  f->dir = g_build_filename (f->parent, "mix-it-up", NULL);
  f->tracker_path = g_build_filename (f->dir, "tracker.json", NULL);
  g_assert_no_errno (g_mkdir_with_parents (f->dir, 0700));
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
  remove_tree (f->parent);
  g_free (f->parent);
  g_free (f->dir);
  g_free (f->tracker_path);
}

/* Written as another program would: in place, not through the store. */
static void
write_text (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static MixStore *
open_store (Fixture *f)
{
  MixStore *store = mix_store_new (f->dir);

  mix_store_load (store);
  return store;
}

static MixRecord *
add_contact (MixStore   *store,
             const char *name)
{
  MixRecord *record = mix_tracker_add_row (mix_store_get_tracker (store), MIX_TAB_NEW_CONTACTS);

  g_assert_true (mix_record_set_value_by_id (record, "name", name, NULL));
  return record;
}

/* The names of the New Contacts in the file, in order, one a line. */
static char *
names_in_file (const char *path)
{
  g_autofree char *text = read_text (path);
  g_autoptr(JsonNode) node = mix_json_parse_object (text, strlen (text), NULL);
  JsonObject *tabs;
  JsonArray *rows;
  GString *names = g_string_new (NULL);

  g_assert_nonnull (node);
  tabs = json_object_get_object_member (json_node_get_object (node), "tabs");
  rows = json_object_get_array_member (tabs, "new-contacts");
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *fields = json_object_get_object_member (json_array_get_object_element (rows, i),
                                                          "fields");

      g_string_append_printf (names, "%s\n", json_object_get_string_member (fields, "name"));
    }
  return g_string_free (names, FALSE);
}

static char *
names_in_store (MixStore *store)
{
  GListModel *rows = mix_tracker_get_rows (mix_store_get_tracker (store), MIX_TAB_NEW_CONTACTS);
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(MixRecord) record = g_list_model_get_item (rows, i);

      g_string_append_printf (names, "%s\n", mix_record_get_value_by_id (record, "name") ?: "");
    }
  return g_string_free (names, FALSE);
}

static const char *tracker_of_two =
  "{\"format\":\"mix-it-up/tracker\",\"version\":1,\"tabs\":{\"new-contacts\":["
  "{\"id\":\"r1\",\"created\":\"2026-01-01T00:00:00Z\",\"modified\":\"2026-01-01T00:00:00Z\","
  "\"fields\":{\"name\":\"Ada\"}},"
  "{\"id\":\"r2\",\"created\":\"2026-01-01T00:00:00Z\",\"modified\":\"2026-01-01T00:00:00Z\","
  "\"fields\":{\"name\":\"Grace\"}}]}}";

/* A row added to tracker.json by hand or by a sync tool while the store
 * is open is kept when the store saves next, and its own change too. */
static void
test_edit_elsewhere (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(MixStore) store = NULL;
  g_autofree char *names = NULL;
  g_autofree char *bak = g_strconcat (f->tracker_path, ".bak", NULL);

  write_text (f->tracker_path, tracker_of_two);
  store = open_store (f);

  /* Another program adds a row. */
  write_text (f->tracker_path,
              "{\"format\":\"mix-it-up/tracker\",\"version\":1,\"tabs\":{\"new-contacts\":["
              "{\"id\":\"r1\",\"created\":\"2026-01-01T00:00:00Z\",\"modified\":\"2026-01-01T00:00:00Z\","
              "\"fields\":{\"name\":\"Ada\"}},"
              "{\"id\":\"r2\",\"created\":\"2026-01-01T00:00:00Z\",\"modified\":\"2026-01-01T00:00:00Z\","
              "\"fields\":{\"name\":\"Grace\"}},"
              "{\"id\":\"r3\",\"created\":\"2026-01-02T00:00:00Z\",\"modified\":\"2026-01-02T00:00:00Z\","
              "\"fields\":{\"name\":\"Added elsewhere\"}}]}}");

  /* The store here makes a change of its own, and saves. */
  add_contact (store, "Added here");
  g_assert_true (mix_store_flush (store, NULL));

  /* Rows from elsewhere come after those here. */
  names = names_in_file (f->tracker_path);
  g_assert_cmpstr (names, ==, "Ada\nGrace\nAdded here\nAdded elsewhere\n");
  /* The window shows it too. */
  g_clear_pointer (&names, g_free);
  names = names_in_store (store);
  g_assert_cmpstr (names, ==, "Ada\nGrace\nAdded here\nAdded elsewhere\n");
  /* And the backup is the file as the other program left it. */
  g_clear_pointer (&names, g_free);
  names = names_in_file (bak);
  g_assert_cmpstr (names, ==, "Ada\nGrace\nAdded elsewhere\n");
}

/* The same change made in place, with the size and time of the file as
 * they were: only the hash of the text tells. */
static void
test_edit_same_size (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(MixStore) store = NULL;
  g_autofree char *changed = g_strdup (tracker_of_two);
  g_autofree char *names = NULL;
  struct stat before;
  struct timespec times[2];

  write_text (f->tracker_path, tracker_of_two);
  store = open_store (f);
  g_assert_no_errno (g_stat (f->tracker_path, &before));

  /* "Grace" becomes "Grete", edited after the version here: the same
   * length, written in place, with the file's time put back. */
  memcpy (strstr (changed, "Grace"), "Grete", 5);
  {
    char *stamp = strstr (strstr (changed, "\"r2\""), "\"modified\":\"2026-01-01");
    FILE *file;

    memcpy (stamp + strlen ("\"modified\":\""), "2026-01-03", 10);
    file = fopen (f->tracker_path, "r+");
    g_assert_nonnull (file);
    g_assert_cmpint (fwrite (changed, 1, strlen (changed), file), ==, strlen (changed));
    fclose (file);
  }
  times[0] = before.st_atim;
  times[1] = before.st_mtim;
  g_assert_no_errno (utimensat (AT_FDCWD, f->tracker_path, times, 0));
  {
    struct stat now;

    g_assert_no_errno (g_stat (f->tracker_path, &now));
    g_assert_cmpint (now.st_ino, ==, before.st_ino);
    g_assert_cmpint (now.st_size, ==, before.st_size);
  }

  add_contact (store, "Here");
  g_assert_true (mix_store_flush (store, NULL));
  names = names_in_file (f->tracker_path);
  g_assert_cmpstr (names, ==, "Ada\nGrete\nHere\n");
}

/* Two stores on one folder, as the window and the CSV command run from a
 * script without the window's D-Bus: each keeps the other's rows. */
static void
test_two_stores (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(MixStore) window = open_store (f);
  g_autofree char *names = NULL;

  add_contact (window, "From the window");
  g_assert_true (mix_store_flush (window, NULL));

  {
    g_autoptr(MixStore) command = open_store (f);

    add_contact (command, "Imported 1");
    add_contact (command, "Imported 2");
    g_assert_true (mix_store_flush (command, NULL));
  }

  add_contact (window, "Typed later");
  g_assert_true (mix_store_flush (window, NULL));

  names = names_in_file (f->tracker_path);
  g_assert_cmpstr (names, ==, "From the window\nTyped later\nImported 1\nImported 2\n");
}

/* A file that appears after the store started, as a sync tool's first
 * download into an empty folder: merged, and kept as the backup. */
static void
test_file_appears (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(MixStore) store = open_store (f);
  g_autofree char *bak = g_strconcat (f->tracker_path, ".bak", NULL);
  g_autoptr(GString) file = g_string_new ("{\"format\":\"mix-it-up/tracker\",\"version\":1,"
                                          "\"tabs\":{\"new-contacts\":[");
  g_autofree char *names = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);

  for (guint i = 0; i < 50; i++)
    {
      g_string_append_printf (file, "%s{\"id\":\"synced-%u\",\"created\":\"2026-01-01T00:00:00Z\","
                              "\"modified\":\"2026-01-01T00:00:00Z\",\"fields\":{\"name\":\"Person %u\"}}",
                              i > 0 ? "," : "", i, i);
      g_string_append_printf (expected, "Person %u\n", i);
    }
  g_string_append (file, "]}}");

  add_contact (store, "Typed since start");
  write_text (f->tracker_path, file->str);
  g_assert_true (mix_store_flush (store, NULL));

  names = names_in_file (f->tracker_path);
  backup = names_in_file (bak);
  g_assert_cmpstr (backup, ==, expected->str);
  g_string_prepend (expected, "Typed since start\n");
  g_assert_cmpstr (names, ==, expected->str);
}

/* A tracker.json that is a link, as to a synced folder elsewhere, stays
 * a link: its target is written, and the backup is a file of its own. */
static void
test_symlink (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *elsewhere = g_build_filename (f->parent, "Sync", NULL);
  g_autofree char *target = g_build_filename (elsewhere, "tracker.json", NULL);
  g_autofree char *bak = g_strconcat (f->tracker_path, ".bak", NULL);
  g_autofree char *names = NULL;
  g_autofree char *link = NULL;
  GStatBuf st;

  g_assert_no_errno (g_mkdir (elsewhere, 0700));
  write_text (target, tracker_of_two);
  g_assert_no_errno (symlink ("../Sync/tracker.json", f->tracker_path));

  {
    g_autoptr(MixStore) store = open_store (f);

    g_assert_cmpuint (mix_store_get_problems (store)->len, ==, 0);
    add_contact (store, "Through the link");
    g_assert_true (mix_store_flush (store, NULL));
    add_contact (store, "Again");
    g_assert_true (mix_store_flush (store, NULL));
  }

  g_assert_no_errno (g_lstat (f->tracker_path, &st));
  g_assert_true (S_ISLNK (st.st_mode));
  link = g_file_read_link (f->tracker_path, NULL);
  g_assert_cmpstr (link, ==, "../Sync/tracker.json");
  names = names_in_file (target);
  g_assert_cmpstr (names, ==, "Ada\nGrace\nThrough the link\nAgain\n");

  g_assert_no_errno (g_lstat (bak, &st));
  g_assert_true (S_ISREG (st.st_mode));
  g_clear_pointer (&names, g_free);
  names = names_in_file (bak);
  g_assert_cmpstr (names, ==, "Ada\nGrace\nThrough the link\n");

  /* The store's temporary files went to the target's folder and away. */
  {
    g_autoptr(GDir) dir = g_dir_open (elsewhere, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_cmpstr (name, ==, "tracker.json");
  }
}

/* Deletions travel: a row deleted in one store goes from the other at its
 * next save, unless the other edited it since, which keeps it. */
static void
test_deletions (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(MixStore) a = NULL;
  g_autoptr(MixStore) b = NULL;
  g_autofree char *names = NULL;
  MixTracker *tracker;

  write_text (f->tracker_path, tracker_of_two);
  a = open_store (f);
  b = open_store (f);

  /* B deletes both rows; A edits Grace meanwhile. */
  tracker = mix_store_get_tracker (b);
  mix_tracker_remove_row (tracker, mix_tracker_find (tracker, "r1"), NULL);
  mix_tracker_remove_row (tracker, mix_tracker_find (tracker, "r2"), NULL);
  g_assert_true (mix_store_flush (b, NULL));

  g_usleep (2000);
  g_assert_true (mix_record_set_value_by_id (mix_tracker_find (mix_store_get_tracker (a), "r2"),
                                             "role", "Admiral", NULL));
  g_assert_true (mix_store_flush (a, NULL));

  names = names_in_file (f->tracker_path);
  g_assert_cmpstr (names, ==, "Grace\n");
  g_clear_pointer (&names, g_free);
  names = names_in_store (a);
  g_assert_cmpstr (names, ==, "Grace\n");

  /* B learns of the edit, and keeps it. */
  g_assert_true (mix_store_sync (b, MIX_DOMAIN_TRACKER));
  g_clear_pointer (&names, g_free);
  names = names_in_store (b);
  g_assert_cmpstr (names, ==, "Grace\n");
  g_assert_cmpstr (mix_record_get_value_by_id (mix_tracker_find (mix_store_get_tracker (b), "r2"),
                                               "role"), ==, "Admiral");

  /* A deletion undone in B comes back in A too. */
  {
    MixRecord *grace = mix_tracker_find (mix_store_get_tracker (b), "r2");
    g_autoptr(MixRecord) kept = g_object_ref (grace);

    mix_tracker_remove_row (mix_store_get_tracker (b), grace, NULL);
    g_assert_true (mix_store_flush (b, NULL));
    g_assert_true (mix_store_sync (a, MIX_DOMAIN_TRACKER));
    g_assert_null (mix_tracker_find (mix_store_get_tracker (a), "r2"));

    mix_tracker_insert_row (mix_store_get_tracker (b), kept, 0);
    g_assert_true (mix_store_flush (b, NULL));
    g_assert_true (mix_store_sync (a, MIX_DOMAIN_TRACKER));
    g_assert_nonnull (mix_tracker_find (mix_store_get_tracker (a), "r2"));
  }
}

/* A row deleted by hand in a text editor goes, if unchanged here; rows
 * the store added since stay. */
static void
test_deleted_by_hand (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(MixStore) store = NULL;
  g_autofree char *text = NULL;
  g_autofree char *names = NULL;
  char *grace;
  char *end;

  write_text (f->tracker_path, tracker_of_two);
  store = open_store (f);
  add_contact (store, "Mine");
  g_assert_true (mix_store_flush (store, NULL));

  /* The editor keeps everything but Grace's line. */
  text = read_text (f->tracker_path);
  grace = strstr (text, "{\"id\":\"r2\"");
  g_assert_nonnull (grace);
  end = strchr (grace, '\n');
  memmove (grace, end + 1, strlen (end + 1) + 1);
  write_text (f->tracker_path, text);

  add_contact (store, "Mine too");
  g_assert_true (mix_store_flush (store, NULL));
  names = names_in_file (f->tracker_path);
  g_assert_cmpstr (names, ==, "Ada\nMine\nMine too\n");
}

static void
count_merged_cb (MixStore  *store,
                 int        domain,
                 guint      n_changes,
                 guint     *merged)
{
  *merged += n_changes;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

/* Watching, the store merges a change from elsewhere as it comes, without
 * a change here, and says how many rows came. */
static void
test_watched (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(MixStore) store = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *names = NULL;
  guint merged = 0;

  write_text (f->tracker_path, tracker_of_two);
  store = open_store (f);
  mix_store_set_watching (store, TRUE);
  g_signal_connect (store, "merged", G_CALLBACK (count_merged_cb), &merged);

  {
    g_autoptr(MixStore) other = open_store (f);

    add_contact (other, "From the other window");
    g_assert_true (mix_store_flush (other, NULL));
  }

  /* Waits for the change, not for a time: up to a minute on a busy machine. */
  for (guint i = 0; i < 600 && merged == 0; i++)
    {
      g_timeout_add (100, quit_cb, loop);
      g_main_loop_run (loop);
    }
  g_assert_cmpuint (merged, ==, 1);
  names = names_in_store (store);
  g_assert_cmpstr (names, ==, "Ada\nGrace\nFrom the other window\n");
  /* Nothing of its own to save. */
  g_assert_false (mix_store_is_dirty (store, MIX_DOMAIN_TRACKER));
}

/* The conflicting copies sync tools make are merged, moved aside (never
 * deleted), and the user is told. */
static void
test_conflict_copies (Fixture       *f,
                      gconstpointer  data)
{
  static const char *copies[] = {
    "tracker.sync-conflict-20261201-101500-ABCDEFG.json",
    "tracker (conflicted copy 2026-12-01 101500).json",
    "tracker.json.conflict",
  };
  g_autoptr(MixStore) store = NULL;
  g_autofree char *names = NULL;
  guint n_told = 0;

  write_text (f->tracker_path, tracker_of_two);
  for (guint i = 0; i < G_N_ELEMENTS (copies); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, copies[i], NULL);
      g_autofree char *text = g_strdup_printf (
        "{\"format\":\"mix-it-up/tracker\",\"version\":1,\"tabs\":{\"new-contacts\":["
        "{\"id\":\"r1\",\"created\":\"2026-01-01T00:00:00Z\",\"modified\":\"2026-01-05T00:00:00Z\","
        "\"fields\":{\"name\":\"Ada L.\"}},"
        "{\"id\":\"c%u\",\"created\":\"2026-01-02T00:00:00Z\",\"modified\":\"2026-01-02T00:00:00Z\","
        "\"fields\":{\"name\":\"Copy %u\"}}]}}", i, i);

      write_text (path, text);
    }

  store = open_store (f);
  names = names_in_file (f->tracker_path);
  /* Copies in name order: " (" before ".j" before ".s". */
  g_assert_cmpstr (names, ==, "Ada L.\nGrace\nCopy 1\nCopy 2\nCopy 0\n");

  for (guint i = 0; i < G_N_ELEMENTS (copies); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, copies[i], NULL);
      g_autofree char *moved = g_strconcat (path, ".merged", NULL);

      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_assert_true (g_file_test (moved, G_FILE_TEST_IS_REGULAR));
    }
  for (guint i = 0; i < mix_store_get_problems (store)->len; i++)
    {
      MixStoreProblem *problem = g_ptr_array_index (mix_store_get_problems (store), i);

      g_assert_cmpint (problem->kind, ==, MIX_PROBLEM_CONFLICT_MERGED);
      g_assert_nonnull (strstr (problem->message, "conflicting copy"));
      g_assert_true (g_file_test (problem->moved_to, G_FILE_TEST_IS_REGULAR));
      n_told++;
    }
  g_assert_cmpuint (n_told, ==, G_N_ELEMENTS (copies));
}

/* A copy the sync tool brings back after it was merged here is merged and
 * moved aside again, under a name that still ends in `.merged` (the folder's
 * ignore pattern keeps those on this computer), and the first stays. */
static void
test_conflict_copy_comes_back (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (f->dir, "tracker.sync-conflict-20261201-101500-ABCDEFG.json", NULL);
  g_autofree char *first = g_strconcat (copy, ".merged", NULL);
  g_autofree char *second = g_strconcat (copy, ".2.merged", NULL);
  g_autoptr(MixStore) store = NULL;
  g_autofree char *names = NULL;
  const char *text =
    "{\"format\":\"mix-it-up/tracker\",\"version\":1,\"tabs\":{\"new-contacts\":["
    "{\"id\":\"c1\",\"created\":\"2026-01-02T00:00:00Z\",\"modified\":\"2026-01-02T00:00:00Z\","
    "\"fields\":{\"name\":\"From the copy\"}}]}}";

  write_text (f->tracker_path, tracker_of_two);
  write_text (first, text);
  write_text (copy, text);

  store = open_store (f);
  names = names_in_file (f->tracker_path);
  g_assert_cmpstr (names, ==, "Ada\nGrace\nFrom the copy\n");
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (first, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (second, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (mix_store_get_problems (store)->len, ==, 1);
  g_assert_cmpstr (((MixStoreProblem *) g_ptr_array_index (mix_store_get_problems (store), 0))->moved_to,
                   ==, second);
}

/* A file changed into one that cannot be read (by a program still writing
 * it, or broken) is neither merged nor overwritten: saving stops, what was
 * not saved is kept beside it, and saving goes on once it is mended. */
static void
test_changed_into_damaged (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(MixStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  const char *broken = "{\"format\":\"mix-it-up/tracker\",\"version\":1,\"tabs\":{\"new-con";
  g_autofree char *text = NULL;
  gboolean found_unsaved = FALSE;

  write_text (f->tracker_path, tracker_of_two);
  store = open_store (f);
  write_text (f->tracker_path, broken);

  add_contact (store, "Not lost");
  g_assert_false (mix_store_flush (store, &error));
  g_assert_nonnull (error);
  text = read_text (f->tracker_path);
  g_assert_cmpstr (text, ==, broken);
  g_assert_true (mix_store_is_read_only (store, MIX_DOMAIN_TRACKER));

  {
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      if (g_str_has_prefix (name, "tracker.json.unsaved-"))
        {
          g_autofree char *path = g_build_filename (f->dir, name, NULL);

          names = names_in_file (path);
          g_assert_cmpstr (names, ==, "Ada\nGrace\nNot lost\n");
          found_unsaved = TRUE;
        }
  }
  g_assert_true (found_unsaved);
  g_assert_cmpuint (mix_store_get_problems (store)->len, ==, 1);

  /* Mended: merged, writable again, and the problem is gone. */
  write_text (f->tracker_path, tracker_of_two);
  g_assert_true (mix_store_sync (store, MIX_DOMAIN_TRACKER));
  g_assert_false (mix_store_is_read_only (store, MIX_DOMAIN_TRACKER));
  g_assert_cmpuint (mix_store_get_problems (store)->len, ==, 0);
  add_contact (store, "After");
  g_assert_true (mix_store_flush (store, NULL));
  g_clear_pointer (&names, g_free);
  names = names_in_file (f->tracker_path);
  g_assert_cmpstr (names, ==, "Ada\nGrace\nNot lost\nAfter\n");
}

/* Nothing is written that could not be read back: past the size the
 * reader takes, a save is refused before writing, and says why. */
static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(MixStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *notes = g_malloc (64 * 1024 + 1);
  MixStoreProblem *problem;
  guint n = 0;

  memset (notes, 'x', 64 * 1024);
  notes[64 * 1024] = '\0';
  write_text (f->tracker_path, tracker_of_two);
  store = open_store (f);
  before = read_text (f->tracker_path);

  g_assert_true (mix_store_check_room (store, MIX_DOMAIN_TRACKER, 1024, NULL));
  g_assert_false (mix_store_check_room (store, MIX_DOMAIN_TRACKER, MIX_STORE_MAX_BYTES, &error));
  g_assert_nonnull (strstr (error->message, "tracker.json"));
  g_clear_error (&error);

  /* An import that would pass the limit says how many of its rows fit,
   * and the caller adds none. */
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
    guint n_fit = 0;

    for (guint i = 0; i < MIX_STORE_MAX_BYTES / (64 * 1024) + 10; i++)
      {
        MixRecord *record = mix_record_new (MIX_TAB_NEW_CONTACTS);

        g_assert_true (mix_record_set_value_by_id (record, "research_notes", notes, NULL));
        g_ptr_array_add (rows, record);
      }
    g_assert_false (mix_store_check_rows_fit (store, rows, &n_fit, &error));
    g_assert_cmpuint (n_fit, >, 900);
    g_assert_cmpuint (n_fit, <, rows->len);
    {
      g_autofree char *says = g_strdup_printf ("Only %u of the %u rows fit", n_fit, rows->len);

      g_assert_nonnull (strstr (error->message, says));
    }
    g_clear_error (&error);
    g_ptr_array_set_size (rows, 10);
    g_assert_true (mix_store_check_rows_fit (store, rows, &n_fit, NULL));
    g_assert_cmpuint (n_fit, ==, 10);
  }

  /* Just past the limit: rows of a little more than 64 KiB each. */
  for (n = 0; n < MIX_STORE_MAX_BYTES / (66 * 1024); n++)
    g_assert_true (mix_record_set_value_by_id (add_contact (store, "Big"), "research_notes", notes,
                                               NULL));
  while (mix_store_get_size_estimate (store, MIX_DOMAIN_TRACKER) <= MIX_STORE_MAX_BYTES)
    g_assert_true (mix_record_set_value_by_id (add_contact (store, "Big"), "research_notes", notes,
                                               NULL));
  g_assert_false (mix_store_flush (store, &error));
  g_assert_error (error, MIX_JSON_ERROR, MIX_JSON_ERROR_TOO_LARGE);
  after = read_text (f->tracker_path);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (mix_store_is_dirty (store, MIX_DOMAIN_TRACKER));
  problem = g_ptr_array_index (mix_store_get_problems (store), 0);
  g_assert_cmpint (problem->kind, ==, MIX_PROBLEM_TOO_LARGE);

  /* Once small enough again, it saves, and the problem goes. */
  {
    GListModel *rows = mix_tracker_get_rows (mix_store_get_tracker (store), MIX_TAB_NEW_CONTACTS);
    g_autoptr(MixRecord) last = g_list_model_get_item (rows, g_list_model_get_n_items (rows) - 1);

    mix_tracker_remove_row (mix_store_get_tracker (store), last, NULL);
  }
  g_assert_true (mix_store_flush (store, NULL));
  g_assert_cmpuint (mix_store_get_problems (store)->len, ==, 0);
  {
    GStatBuf st;

    g_assert_no_errno (g_stat (f->tracker_path, &st));
    g_assert_cmpint (st.st_size, <=, MIX_STORE_MAX_BYTES);
  }
}

/* Runs @func with file access as another user, as a student's own login
 * sees a file that `sudo` made: as root, through the file system uid. */
static gboolean
as_other_user (void)
{
  if (getuid () != 0)
    return TRUE;
  setfsuid (65534);
  return setfsuid (-1) == 65534;
}

static void
as_self (void)
{
  if (getuid () == 0)
    setfsuid (0);
}

/* A data file the user may not read (left by `sudo -E`) is not damaged:
 * it stays where it is, untouched, the domain is read-only and the user is
 * told how to fix it; once fixed, it loads and the problem goes. */
static void
test_permission_denied (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(MixStore) store = NULL;
  g_autofree char *text = NULL;
  MixStoreProblem *problem;
  GStatBuf st;

  write_text (f->tracker_path, tracker_of_two);
  if (getuid () == 0)
    {
      /* The folder is the user's, the file root's. */
      g_assert_no_errno (chown (f->parent, 65534, 65534));
      g_assert_no_errno (chown (f->dir, 65534, 65534));
    }
  g_assert_no_errno (g_chmod (f->tracker_path, 0600));
  if (getuid () != 0)
    g_assert_no_errno (g_chmod (f->tracker_path, 0000));

  g_assert_true (as_other_user ());
  store = open_store (f);
  as_self ();

  g_assert_cmpuint (mix_store_get_problems (store)->len, ==, 1);
  problem = g_ptr_array_index (mix_store_get_problems (store), 0);
  g_assert_cmpint (problem->kind, ==, MIX_PROBLEM_DENIED);
  g_assert_nonnull (strstr (problem->message, "chown"));
  g_assert_null (problem->moved_to);
  g_assert_true (mix_store_is_read_only (store, MIX_DOMAIN_TRACKER));
  text = read_text (f->tracker_path);
  g_assert_cmpstr (text, ==, tracker_of_two);
  g_assert_no_errno (g_stat (f->tracker_path, &st));
  g_assert_cmpint (st.st_mode & 0777, ==, getuid () == 0 ? 0600 : 0000);
  {
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (name, "tracker.json.damaged"));
  }

  /* Fixed, as the message says. */
  if (getuid () == 0)
    g_assert_no_errno (chown (f->tracker_path, 65534, 65534));
  else
    g_assert_no_errno (g_chmod (f->tracker_path, 0600));
  g_assert_true (as_other_user ());
  g_assert_true (mix_store_sync (store, MIX_DOMAIN_TRACKER));
  as_self ();
  g_assert_false (mix_store_is_read_only (store, MIX_DOMAIN_TRACKER));
  g_assert_cmpuint (mix_store_get_problems (store)->len, ==, 0);
  g_assert_nonnull (mix_tracker_find (mix_store_get_tracker (store), "r2"));
}

/* The banner of a failed save goes once a save works. */
static void
test_save_failure_clears (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(MixStore) store = open_store (f);

  /* root writes through any mode: the path is a directory instead. */
  g_assert_no_errno (g_mkdir (f->tracker_path, 0700));
  add_contact (store, "Waiting");
  g_assert_false (mix_store_flush (store, NULL));
  g_assert_cmpuint (mix_store_get_problems (store)->len, ==, 1);

  g_assert_no_errno (g_rmdir (f->tracker_path));
  g_assert_true (mix_store_flush (store, NULL));
  g_assert_cmpuint (mix_store_get_problems (store)->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/other-writers/edit-elsewhere", test_edit_elsewhere);
  ADD ("/other-writers/edit-same-size", test_edit_same_size);
  ADD ("/other-writers/two-stores", test_two_stores);
  ADD ("/other-writers/file-appears", test_file_appears);
  ADD ("/other-writers/symlink", test_symlink);
  ADD ("/other-writers/deletions", test_deletions);
  ADD ("/other-writers/deleted-by-hand", test_deleted_by_hand);
  ADD ("/other-writers/watched", test_watched);
  ADD ("/other-writers/conflict-copies", test_conflict_copies);
  ADD ("/other-writers/conflict-copy-comes-back", test_conflict_copy_comes_back);
  ADD ("/other-writers/changed-into-damaged", test_changed_into_damaged);
  ADD ("/other-writers/too-large", test_too_large);
  ADD ("/other-writers/permission-denied", test_permission_denied);
  ADD ("/other-writers/save-failure-clears", test_save_failure_clears);
#undef ADD

  return g_test_run ();
}
