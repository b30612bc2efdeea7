/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mix-json.h"
#include "mix-store.h"

/* Hostile files: each of the three files of the data directory, made
 * empty, cut short at every byte, full of NUL bytes, 100 MB long, nested a
 * million deep, of the wrong kind, with members of the wrong types, with
 * ids used twice, with dates far away or no dates at all, and with strings
 * of a megabyte.
 *
 * Whatever the file holds, loading it never crashes; a file that cannot be
 * used is moved aside with its bytes exactly as they were and the user is
 * told, in a message that names the file, what happened and where the copy
 * is; a file that can be used is left untouched, and what is in it comes
 * back unchanged after a save. */

#define MEGABYTE (1024 * 1024)

/* What the real store writes for a few rows, drafts and sessions. */
static char  *realistic[MIX_N_DOMAINS];
static gsize  realistic_length[MIX_N_DOMAINS];
/* The models as loaded from those files, and from no file at all. */
static char  *realistic_model[MIX_N_DOMAINS];
static char  *empty_model[MIX_N_DOMAINS];
/* How many rows, drafts, or sessions and goals, those files show. */
static guint  realistic_n_items[MIX_N_DOMAINS];

static guint  n_loads;

typedef struct
{
  char *parent;
  char *dir;
} Fixture;

typedef struct
{
  MixDomain   domain;
  const char *name;
  void      (*func) (Fixture *f, MixDomain domain);
} HostileCase;

/* Files */

static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* Empties the data directory between two files of a case. */
static void
clean_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_build_filename (path, name, NULL));
  for (guint i = 0; i < names->len; i++)
    remove_tree (names->pdata[i]);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->parent = g_dir_make_tmp ("mix-hostile-XXXXXX", &error);
  g_assert_no_error (error);
  f->dir = g_build_filename (f->parent, "mix-it-up", NULL);
  g_assert_no_errno (g_mkdir (f->dir, 0700));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->parent);
  g_free (f->parent);
  g_free (f->dir);
}

static void
write_file (const char *path,
            const char *data,
            gsize       length)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

  g_assert_cmpint (fd, >=, 0);
  while (length > 0)
    {
      gssize n = write (fd, data, MIN (length, (gsize) 8 * MEGABYTE));

      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >, 0);
      data += n;
      length -= (gsize) n;
    }
  g_assert_no_errno (close (fd));
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

static void
assert_file_is (const char *path,
                const char *data,
                gsize       length)
{
  gsize found_length = 0;
  g_autofree char *found = read_file (path, &found_length);

  g_assert_cmpmem (found, found_length, data, length);
}

static const char *
domain_format (MixDomain domain)
{
  static const char * const formats[MIX_N_DOMAINS] = {
    "mix-it-up/tracker", "mix-it-up/messages", "mix-it-up/sessions",
  };

  return formats[domain];
}

static char *
domain_path (Fixture   *f,
             MixDomain  domain)
{
  return g_build_filename (f->dir, mix_store_domain_file_name (domain), NULL);
}

static char *
backup_path (Fixture   *f,
             MixDomain  domain)
{
  g_autofree char *path = domain_path (f, domain);

  return g_strconcat (path, ".bak", NULL);
}

/* The directory holds nothing but the file, its backup and damaged
 * copies: no temporary file is left behind. */
static void
assert_no_litter (Fixture   *f,
                  MixDomain  domain)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *file_name = mix_store_domain_file_name (domain);
  g_autofree char *bak = g_strconcat (file_name, ".bak", NULL);
  g_autofree char *damaged = g_strconcat (file_name, ".damaged-", NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_equal (name, file_name) || g_str_equal (name, bak) ||
          g_str_has_prefix (name, damaged) || g_str_equal (name, MIX_STORE_LOCK_NAME))
        continue;
      g_error ("%s was left in the data directory", name);
    }
}

/* Models */

static MixStore *
open_store (Fixture *f)
{
  MixStore *store = mix_store_new (f->dir);

  mix_store_load (store);
  n_loads++;
  return store;
}

/* Everything the models of @domain hold, as text to compare. */
static char *
model_text (MixStore  *store,
            MixDomain  domain)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object = json_object_new ();
  JsonNode *current;
  char *text;

  switch (domain)
    {
    case MIX_DOMAIN_TRACKER:
      {
        GString *out = g_string_new (NULL);

        json_object_unref (object);
        mix_tracker_append_json (mix_store_get_tracker (store), out);
        return g_string_free (out, FALSE);
      }

    case MIX_DOMAIN_MESSAGES:
      mix_drafts_save_json (mix_store_get_drafts (store), object);
      break;

    case MIX_DOMAIN_SESSIONS:
      mix_session_log_save_json (mix_store_get_session_log (store), object);
      /* The session in progress, if the file had one: asking for it when
       * there is none would make one. */
      current = json_object_get_member (mix_store_get_document (store, domain), "current");
      if (current != NULL && JSON_NODE_HOLDS_OBJECT (current))
        json_object_set_member (object, "current",
                                mix_session_record_to_json (mix_store_get_current_session (store)));
      break;

    case MIX_N_DOMAINS:
    default:
      g_assert_not_reached ();
    }

  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  text = mix_json_to_data (node, NULL);
  return text;
}

static void
assert_model_is (MixStore   *store,
                 MixDomain   domain,
                 const char *expected)
{
  g_autofree char *text = model_text (store, domain);

  g_assert_cmpstr (text, ==, expected);
}

/* An edit a person could make on the page of @domain. */
static void
make_an_edit (MixStore  *store,
              MixDomain  domain)
{
  switch (domain)
    {
    case MIX_DOMAIN_TRACKER:
      {
        MixRecord *record = mix_tracker_add_row (mix_store_get_tracker (store),
                                                 MIX_TAB_NEW_CONTACTS);
        g_assert_true (mix_record_set_value_by_id (record, "name", "Added after", NULL));
        break;
      }
    case MIX_DOMAIN_MESSAGES:
      {
        g_autoptr(MixDraft) draft = mix_draft_new ();

        mix_draft_set_body (draft, "Added after");
        mix_drafts_add (mix_store_get_drafts (store), draft);
        break;
      }
    case MIX_DOMAIN_SESSIONS:
      mix_session_record_set_notes (mix_store_get_current_session (store),
                                    MIX_PHASE_CLOSE_OUT, "Added after");
      break;
    case MIX_N_DOMAINS:
    default:
      g_assert_not_reached ();
    }
  g_assert_true (mix_store_is_dirty (store, domain));
}

/* Documents */

static JsonNode *
parse (const char *data,
       gsize       length)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = mix_json_parse_object (data, length, &error);

  g_assert_no_error (error);
  return node;
}

static JsonNode *
parse_file (const char *path)
{
  gsize length = 0;
  g_autofree char *data = read_file (path, &length);

  return parse (data, length);
}

/* A fresh copy of the realistic document of @domain, to change. */
static JsonNode *
realistic_node (MixDomain domain)
{
  return parse (realistic[domain], realistic_length[domain]);
}

static char *
node_to_text (JsonNode *node,
              gsize    *length)
{
  return mix_json_to_data (node, length);
}

static JsonNode *
node_from_text (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* json_node_copy() shares objects and arrays: this copies them too. */
static JsonNode *
deep_copy (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  return node_from_text (text);
}

/* The list a domain keeps its main entries in, and its second one. */
static JsonArray *
entry_list (JsonObject *root,
            MixDomain   domain,
            guint       which)
{
  static const char * const lists[MIX_N_DOMAINS][2] = {
    { "existing-network", "new-contacts" },
    { "drafts", "preps" },
    { "sessions", "goals" },
  };

  if (domain == MIX_DOMAIN_TRACKER)
    root = json_object_get_object_member (root, "tabs");
  return json_object_get_array_member (root, lists[domain][which]);
}

static JsonObject *
entry (JsonObject *root,
       MixDomain   domain,
       guint       which,
       guint       index)
{
  return json_array_get_object_element (entry_list (root, domain, which), index);
}

static JsonObject *
fields_of (JsonObject *row)
{
  return json_object_get_object_member (row, "fields");
}

static gboolean
array_holds (JsonArray *array,
             JsonNode  *node)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (json_node_equal (json_array_get_element (array, i), node))
      return TRUE;
  return FALSE;
}

/* A megabyte of text that is hard on a JSON reader: brackets and quotes
 * that are not structure, escapes, control characters and characters of
 * several bytes. */
static char *
megabyte_text (char fill)
{
  static const char piece[] = "[{\"\\ \t\n\x01 🤝 é </script> ]} \\u0000 {\"a\":[1]} ";
  GString *text = g_string_sized_new (MEGABYTE + sizeof piece);

  while (text->len < MEGABYTE)
    {
      g_string_append (text, piece);
      g_string_append_c (text, fill);
    }
  return g_string_free (text, FALSE);
}

static GPtrArray *shown_items (MixStore  *store,
                               MixDomain  domain);

/* Checks */

/* Exactly one problem: @domain's file was damaged. Its bytes are in the
 * damaged copy exactly as they were, and the message names the file and
 * the copy. */
static const MixStoreProblem *
assert_damaged (Fixture    *f,
                MixStore   *store,
                MixDomain   domain,
                const char *bytes,
                gsize       length,
                gboolean    restored,
                const char *reason)
{
  GPtrArray *problems = mix_store_get_problems (store);
  g_autofree char *path = domain_path (f, domain);
  const MixStoreProblem *problem;

  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->kind, ==, MIX_PROBLEM_DAMAGED);
  g_assert_cmpint (problem->domain, ==, domain);
  g_assert_cmpstr (problem->path, ==, path);
  g_assert_nonnull (problem->reason);
  g_assert_cmpstr (problem->reason, !=, "");
  if (reason != NULL && strstr (problem->reason, reason) == NULL)
    g_error ("the reason “%s” does not say “%s”", problem->reason, reason);
  g_assert_nonnull (problem->moved_to);
  g_assert_true (g_str_has_prefix (problem->moved_to, path));
  g_assert_nonnull (strstr (problem->moved_to, ".damaged-"));
  g_assert_nonnull (problem->message);
  g_assert_nonnull (strstr (problem->message, mix_store_domain_file_name (domain)));
  g_assert_nonnull (strstr (problem->message, problem->moved_to));
  g_assert_nonnull (strstr (problem->message, problem->reason));
  g_assert_cmpint (problem->restored_from_backup, ==, restored);
  g_assert_false (mix_store_is_read_only (store, domain));

  if (bytes != NULL)
    assert_file_is (problem->moved_to, bytes, length);

  if (restored)
    {
      g_autofree char *bak = backup_path (f, domain);
      gsize bak_length = 0;
      g_autofree char *bak_data = read_file (bak, &bak_length);

      assert_file_is (path, bak_data, bak_length);
    }
  else
    {
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      assert_model_is (store, domain, empty_model[domain]);
    }

  return problem;
}

/* Working on after a damaged file never touches the damaged copy. */
static void
assert_work_goes_on (Fixture               *f,
                     MixStore              *store,
                     MixDomain              domain,
                     const MixStoreProblem *problem,
                     const char            *bytes,
                     gsize                  length)
{
  g_autofree char *path = domain_path (f, domain);
  g_autofree char *moved_to = g_strdup (problem->moved_to);

  make_an_edit (store, domain);
  g_assert_true (mix_store_flush (store, NULL));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  assert_file_is (moved_to, bytes, length);

  {
    g_autoptr(MixStore) again = open_store (f);

    g_assert_cmpuint (mix_store_get_problems (again)->len, ==, 0);
  }
  assert_file_is (moved_to, bytes, length);
  assert_no_litter (f, domain);
}

/* One damaged file, loaded in an otherwise empty directory. */
static void
check_damaged_file (Fixture    *f,
                    MixDomain   domain,
                    const char *bytes,
                    gsize       length,
                    const char *reason)
{
  g_autofree char *path = domain_path (f, domain);
  g_autoptr(MixStore) store = NULL;
  const MixStoreProblem *problem;

  clean_dir (f->dir);
  write_file (path, bytes, length);
  store = open_store (f);
  problem = assert_damaged (f, store, domain, bytes, length, FALSE, reason);
  assert_no_litter (f, domain);
  assert_work_goes_on (f, store, domain, problem, bytes, length);
}

/* One file that is fine: it loads with no problem and is not touched. */
static MixStore *
load_good_file (Fixture    *f,
                MixDomain   domain,
                const char *bytes,
                gsize       length)
{
  g_autofree char *path = domain_path (f, domain);
  MixStore *store;

  clean_dir (f->dir);
  write_file (path, bytes, length);
  store = open_store (f);
  if (mix_store_get_problems (store)->len > 0)
    {
      const MixStoreProblem *problem = g_ptr_array_index (mix_store_get_problems (store), 0);
      g_error ("a good file was refused: %s", problem->message);
    }
  assert_file_is (path, bytes, length);
  assert_no_litter (f, domain);
  return store;
}

/* A good file written by hand: once loaded and saved, the file holds the
 * same document, and loading it again shows the same. */
static MixStore *
check_round_trip (Fixture   *f,
                  MixDomain  domain,
                  JsonNode  *document)
{
  g_autofree char *path = domain_path (f, domain);
  g_autofree char *text = NULL;
  g_autofree char *model = NULL;
  g_autoptr(MixStore) store = NULL;
  g_autoptr(JsonNode) saved = NULL;
  MixStore *again;
  gsize length = 0;

  text = node_to_text (document, &length);
  store = load_good_file (f, domain, text, length);
  model = model_text (store, domain);

  mix_store_changed (store, domain);
  g_assert_true (mix_store_flush (store, NULL));
  saved = parse_file (path);
  /* The same document, named by the save that wrote it. */
  g_assert_true (json_object_has_member (json_node_get_object (saved), "revision"));
  json_object_remove_member (json_node_get_object (saved), "revision");
  if (JSON_NODE_HOLDS_OBJECT (document))
    {
      g_autoptr(JsonNode) unnamed = json_node_copy (document);

      json_object_remove_member (json_node_get_object (unnamed), "revision");
      g_assert_true (json_node_equal (saved, unnamed));
    }
  else
    g_assert_true (json_node_equal (saved, document));

  again = open_store (f);
  g_assert_cmpuint (mix_store_get_problems (again)->len, ==, 0);
  assert_model_is (again, domain, model);
  return again;
}

/* A file with entries that cannot be read: the others are shown, those
 * are counted and kept, and written back after an edit. */
static void
check_skipped (Fixture   *f,
               MixDomain  domain,
               JsonNode  *document,
               guint      n_bad,
               JsonNode **bad,
               guint     *bad_list)
{
  g_autofree char *path = domain_path (f, domain);
  g_autofree char *text = NULL;
  g_autofree char *count = NULL;
  g_autoptr(MixStore) store = NULL;
  g_autoptr(JsonNode) saved = NULL;
  const MixStoreProblem *problem;
  gsize length = 0;

  text = node_to_text (document, &length);
  clean_dir (f->dir);
  write_file (path, text, length);
  store = open_store (f);

  g_assert_cmpuint (mix_store_get_problems (store)->len, ==, 1);
  problem = g_ptr_array_index (mix_store_get_problems (store), 0);
  g_assert_cmpint (problem->kind, ==, MIX_PROBLEM_SKIPPED_ROWS);
  g_assert_cmpint (problem->domain, ==, domain);
  g_assert_cmpuint (problem->n_rows, ==, n_bad);
  g_assert_nonnull (strstr (problem->message, mix_store_domain_file_name (domain)));
  count = g_strdup_printf ("%u", n_bad);
  g_assert_nonnull (strstr (problem->message, count));
  g_assert_false (mix_store_is_read_only (store, domain));
  assert_file_is (path, text, length);
  {
    g_autoptr(GPtrArray) items = shown_items (store, domain);

    /* The good entries are all shown. */
    g_assert_cmpuint (items->len, ==, realistic_n_items[domain]);
  }

  make_an_edit (store, domain);
  g_assert_true (mix_store_flush (store, NULL));
  saved = parse_file (path);
  for (guint i = 0; i < n_bad; i++)
    {
      JsonObject *root = json_node_get_object (saved);

      if (bad_list[i] < 2)
        g_assert_true (array_holds (entry_list (root, domain, bad_list[i]), bad[i]));
      else
        g_assert_true (json_node_equal (json_object_get_member (root, "unreadable_current"),
                                        bad[i]));
    }
  assert_no_litter (f, domain);
}

/* Cases */

static void
case_valid (Fixture   *f,
            MixDomain  domain)
{
  g_autoptr(MixStore) store = load_good_file (f, domain, realistic[domain],
                                              realistic_length[domain]);

  assert_model_is (store, domain, realistic_model[domain]);
}

static void
case_empty (Fixture   *f,
            MixDomain  domain)
{
  check_damaged_file (f, domain, "", 0, "empty");
  check_damaged_file (f, domain, " \n\t\r\n  ", strlen (" \n\t\r\n  "), "empty");
}

/* Cut short at every byte: every cut that is not the whole document is
 * damaged. Every sixteenth cut has a good backup, which is restored. */
static void
case_truncated (Fixture   *f,
                MixDomain  domain)
{
  const char *full = realistic[domain];
  gsize length = realistic_length[domain];
  g_autofree char *path = domain_path (f, domain);
  g_autofree char *bak = backup_path (f, domain);
  gsize complete = strrchr (full, '}') - full + 1;

  for (gsize cut = 0; cut < length; cut++)
    {
      g_autoptr(MixStore) store = NULL;
      gboolean with_backup = cut % 16 == 0;

      clean_dir (f->dir);
      write_file (path, full, cut);
      if (with_backup)
        write_file (bak, full, length);
      store = open_store (f);

      if (cut >= complete)
        {
          /* Only blank space is missing: the document is whole. */
          g_assert_cmpuint (mix_store_get_problems (store)->len, ==, 0);
          assert_file_is (path, full, cut);
          assert_model_is (store, domain, realistic_model[domain]);
        }
      else
        {
          const MixStoreProblem *problem =
            assert_damaged (f, store, domain, full, cut, with_backup, NULL);

          if (with_backup)
            assert_model_is (store, domain, realistic_model[domain]);
          if (cut % 199 == 0)
            assert_work_goes_on (f, store, domain, problem, full, cut);
        }
      assert_no_litter (f, domain);
    }

  g_test_message ("%s cut at each of %" G_GSIZE_FORMAT " bytes",
                  mix_store_domain_file_name (domain), length);
}

static void
case_nul_bytes (Fixture   *f,
                 MixDomain  domain)
{
  g_autofree char *nuls = g_malloc0 (64 * 1024);
  g_autofree char *inside = g_memdup2 (realistic[domain], realistic_length[domain]);

  check_damaged_file (f, domain, nuls, 1, "UTF-8");
  check_damaged_file (f, domain, nuls, 64 * 1024, "UTF-8");

  /* One NUL in the middle of a good file, as a disk error might leave. */
  inside[realistic_length[domain] / 2] = '\0';
  check_damaged_file (f, domain, inside, realistic_length[domain], "UTF-8");

  /* A good file followed by zeros, as after a crash of the file system. */
  {
    gsize length = realistic_length[domain] + 4096;
    g_autofree char *padded = g_malloc0 (length);

    memcpy (padded, realistic[domain], realistic_length[domain]);
    check_damaged_file (f, domain, padded, length, "UTF-8");
  }
}

/* 100 MB: larger than any file the store reads. */
static void
case_huge (Fixture   *f,
           MixDomain  domain)
{
  const gsize size = 100 * 1000 * 1000;
  g_autofree char *path = domain_path (f, domain);
  g_autofree char *head = g_strdup_printf ("{\"format\":\"%s\",\"version\":1,\"pad\":\"",
                                           domain_format (domain));
  const char *tail = "\"}\n";
  g_autofree char *chunk = g_malloc (MEGABYTE);
  g_autoptr(MixStore) store = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) error = NULL;
  const MixStoreProblem *problem;
  const char *contents;
  gsize body = size - strlen (head) - strlen (tail);
  gsize offset;
  FILE *out;

  for (gsize i = 0; i < MEGABYTE; i++)
    chunk[i] = 'a' + i % 26;

  /* Valid JSON, and so written in pieces rather than held twice. */
  clean_dir (f->dir);
  out = fopen (path, "we");
  g_assert_nonnull (out);
  g_assert_cmpuint (fwrite (head, 1, strlen (head), out), ==, strlen (head));
  for (offset = 0; offset < body; offset += MEGABYTE)
    {
      gsize n = MIN ((gsize) MEGABYTE, body - offset);
      g_assert_cmpuint (fwrite (chunk, 1, n, out), ==, n);
    }
  g_assert_cmpuint (fwrite (tail, 1, strlen (tail), out), ==, strlen (tail));
  g_assert_cmpint (fclose (out), ==, 0);

  store = open_store (f);
  problem = assert_damaged (f, store, domain, NULL, 0, FALSE, "64 MiB");

  /* Every byte is in the damaged copy. */
  mapped = g_mapped_file_new (problem->moved_to, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_mapped_file_get_length (mapped), ==, size);
  contents = g_mapped_file_get_contents (mapped);
  g_assert_cmpmem (contents, strlen (head), head, strlen (head));
  contents += strlen (head);
  for (offset = 0; offset < body; offset += MEGABYTE)
    {
      gsize n = MIN ((gsize) MEGABYTE, body - offset);
      g_assert_cmpmem (contents + offset, n, chunk, n);
    }
  g_assert_cmpmem (contents + body, strlen (tail), tail, strlen (tail));
  g_clear_pointer (&mapped, g_mapped_file_unref);
  assert_no_litter (f, domain);

  /* Junk of the same size is refused the same way. */
  clean_dir (f->dir);
  g_clear_object (&store);
  out = fopen (path, "we");
  g_assert_nonnull (out);
  for (offset = 0; offset < size; offset += MEGABYTE)
    g_assert_cmpuint (fwrite (chunk, 1, MEGABYTE, out), ==, MEGABYTE);
  g_assert_cmpint (fclose (out), ==, 0);
  store = open_store (f);
  problem = assert_damaged (f, store, domain, NULL, 0, FALSE, "64 MiB");
  {
    GStatBuf st;

    g_assert_no_errno (g_stat (problem->moved_to, &st));
    g_assert_cmpint (st.st_size, ==,
                     (goffset) (size / MEGABYTE + (size % MEGABYTE != 0)) * MEGABYTE);
  }
  clean_dir (f->dir);
}

static void
check_deep (Fixture    *f,
            MixDomain   domain,
            const char *prefix,
            const char *open,
            const char *close,
            const char *suffix,
            const char *reason)
{
  const guint depth = 1000000;
  g_autoptr(GString) text = g_string_new (prefix);

  for (guint i = 0; i < depth; i++)
    g_string_append (text, open);
  for (guint i = 0; close != NULL && i < depth; i++)
    g_string_append (text, close);
  g_string_append (text, suffix);
  check_damaged_file (f, domain, text->str, text->len, reason);
}

/* A million levels deep, which would exhaust the stack of a recursive
 * parser. */
static void
case_deep (Fixture   *f,
           MixDomain  domain)
{
  g_autofree char *head = g_strdup_printf ("{\"format\":\"%s\",\"version\":1,\"deep\":",
                                           domain_format (domain));

  /* A root that is no object is refused before its depth matters. */
  check_deep (f, domain, "", "[", "]", "", "JSON object");
  check_deep (f, domain, head, "[", "]", "}", "nested");
  check_deep (f, domain, head, "{\"a\":", "}", "}", "nested");
  /* Opened and never closed. */
  check_deep (f, domain, head, "[", NULL, "", "nested");
  check_deep (f, domain, "", "{\"a\":", NULL, "", "nested");

  /* What json-glib 1.6 read as comments (from a slash to the next one)
   * or single-quoted strings, with depth behind them, is not JSON. */
  check_deep (f, domain, head, "[[[[[[[[[[/*]]]]]]]]]]*/", NULL, "", "not valid JSON");
  check_deep (f, domain, head, "[[[[[[[[[[/]]]]]]]]]]/", NULL, "", "not valid JSON");
  check_deep (f, domain, head, "[[[[[[[[[['x', ']]]]]]]]]]', ", NULL, "", "not valid JSON");

  /* A \u escape of fewer than four hex digits, with depth after it. */
  {
    g_autoptr(GString) text = g_string_new (head);

    g_string_append (text, "\"\\u12\"\", \"b\":");
    for (guint i = 0; i < 1000000; i++)
      g_string_append_c (text, '[');
    check_damaged_file (f, domain, text->str, text->len, "escaped");
  }
}

static void
case_not_an_object (Fixture   *f,
                    MixDomain  domain)
{
  g_autofree char *array = g_strdup_printf ("[%.*s]", (int) realistic_length[domain],
                                            realistic[domain]);
  static const char * const scalars[] = { "\"tracker\"", "42", "null", "true", "-1.5e300" };

  check_damaged_file (f, domain, array, strlen (array), "JSON object");
  for (guint i = 0; i < G_N_ELEMENTS (scalars); i++)
    check_damaged_file (f, domain, scalars[i], strlen (scalars[i]), "JSON object");
}

/* Another domain's file, or a file that says it is of another kind. */
static void
case_wrong_kind (Fixture   *f,
                 MixDomain  domain)
{
  for (MixDomain other = 0; other < MIX_N_DOMAINS; other++)
    {
      g_autoptr(JsonNode) node = realistic_node (domain);
      g_autoptr(JsonNode) other_node = realistic_node (other);
      g_autofree char *text = NULL;
      gsize length;

      if (other == domain)
        continue;

      check_damaged_file (f, domain, realistic[other], realistic_length[other], "expected kind");

      json_object_set_member (json_node_get_object (node), "format",
                              json_node_copy (json_object_get_member (
                                json_node_get_object (other_node), "format")));
      text = node_to_text (node, &length);
      check_damaged_file (f, domain, text, length, "expected kind");
    }
}

/* The format and version members, wrong in every way. */
static void
case_bad_header (Fixture   *f,
                 MixDomain  domain)
{
  static const struct {
    const char *member;
    const char *value;   /* JSON, or NULL to remove the member */
    const char *reason;
  } cases[] = {
    { "format", NULL, "expected kind" },
    { "format", "5", "expected kind" },
    { "format", "null", "expected kind" },
    { "format", "[\"mix-it-up/tracker\"]", "expected kind" },
    { "format", "\"MIX-IT-UP/TRACKER\"", "expected kind" },
    { "version", NULL, "version" },
    { "version", "\"1\"", "version" },
    { "version", "0", "version" },
    { "version", "-1", "version" },
    { "version", "1.5", "version" },
    { "version", "true", "version" },
    { "version", "null", "version" },
    { "version", "[1]", "version" },
    { "version", "{\"major\":1}", "version" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = realistic_node (domain);
      JsonObject *root = json_node_get_object (node);
      g_autofree char *text = NULL;
      gsize length;

      if (cases[i].value == NULL)
        json_object_remove_member (root, cases[i].member);
      else
        json_object_set_member (root, cases[i].member, node_from_text (cases[i].value));
      text = node_to_text (node, &length);
      check_damaged_file (f, domain, text, length, cases[i].reason);
    }
}

/* Written by a newer version: shown, never written to. */
static void
case_newer_version (Fixture   *f,
                    MixDomain  domain)
{
  g_autoptr(JsonNode) node = realistic_node (domain);
  g_autofree char *path = domain_path (f, domain);
  g_autofree char *bak = backup_path (f, domain);
  g_autofree char *text = NULL;
  g_autoptr(MixStore) store = NULL;
  const MixStoreProblem *problem;
  gsize length;

  json_object_set_int_member (json_node_get_object (node), "version", 2);
  json_object_set_string_member (json_node_get_object (node), "from-the-future", "kept");
  text = node_to_text (node, &length);

  clean_dir (f->dir);
  write_file (path, text, length);
  store = open_store (f);
  g_assert_cmpuint (mix_store_get_problems (store)->len, ==, 1);
  problem = g_ptr_array_index (mix_store_get_problems (store), 0);
  g_assert_cmpint (problem->kind, ==, MIX_PROBLEM_NEWER_VERSION);
  g_assert_nonnull (strstr (problem->message, mix_store_domain_file_name (domain)));
  g_assert_true (mix_store_is_read_only (store, domain));
  assert_model_is (store, domain, realistic_model[domain]);

  mix_store_changed (store, domain);
  g_assert_true (mix_store_flush (store, NULL));
  assert_file_is (path, text, length);
  g_assert_false (g_file_test (bak, G_FILE_TEST_EXISTS));
  assert_no_litter (f, domain);
}

/* Text that is not JSON, or more than one document. */
static void
case_not_json (Fixture   *f,
               MixDomain  domain)
{
  const char *full = realistic[domain];
  gsize length = realistic_length[domain];
  g_autoptr(GString) text = g_string_new (NULL);

  /* Two documents one after the other, as a bad merge or an append would
   * leave: the second must not be thrown away unseen. */
  g_string_append_len (text, full, length);
  g_string_append_len (text, full, length);
  check_damaged_file (f, domain, text->str, text->len, "more text follows");

  g_string_truncate (text, 0);
  g_string_append_len (text, full, length);
  g_string_append (text, "[\"more\"]");
  check_damaged_file (f, domain, text->str, text->len, "more text follows");

  g_string_truncate (text, 0);
  g_string_append_len (text, full, length);
  g_string_append (text, "garbage");
  check_damaged_file (f, domain, text->str, text->len, "JSON");

  g_string_truncate (text, 0);
  g_string_append (text, "<?xml version=\"1.0\"?><tracker/>");
  check_damaged_file (f, domain, text->str, text->len, "JSON");

  g_string_truncate (text, 0);
  g_string_append (text, "name,company\nAda,Analytical Engines\n");
  check_damaged_file (f, domain, text->str, text->len, "JSON");

  /* Not UTF-8: Latin-1 in a string, and UTF-16. */
  g_string_truncate (text, 0);
  g_string_append_len (text, full, length);
  g_string_insert (text, strstr (text->str, "\"format\"") - text->str + 2, "\xe9");
  check_damaged_file (f, domain, text->str, text->len, "UTF-8");

  {
    g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (full, (glong) length, NULL, NULL, NULL);
    gsize n = 0;

    while (utf16[n] != 0)
      n++;
    check_damaged_file (f, domain, (const char *) utf16, n * 2, NULL);
  }
}

/* Escapes that json-glib reads into text that is not valid UTF-8 (half of
 * a surrogate pair), that ends the text early (\u0000), or past the end of
 * the string (fewer than four hex digits): such text would be shown wrongly
 * and saved as a file that cannot be read back, or cut. */
static void
case_bad_escapes (Fixture   *f,
                  MixDomain  domain)
{
  static const char * const values[] = {
    "\"a\\ud800b\"", "\"a\\udfffb\"", "\"\\ud83d\"", "\"\\ude00\\ud83d\"",
    "\"before\\u0000after\"", "\"a\\u12\"", "\"\\u\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(JsonNode) node = realistic_node (domain);
      g_autoptr(GString) text = NULL;
      g_autofree char *base = NULL;
      gsize length;
      gssize at;

      base = node_to_text (node, &length);
      text = g_string_new_len (base, (gssize) length);
      /* As a member of the document, written in by hand. */
      at = strstr (text->str, "\"format\"") - text->str;
      g_string_insert (text, at, ",");
      g_string_insert (text, at, values[i]);
      g_string_insert (text, at, "\"note\":");
      check_damaged_file (f, domain, text->str, text->len, "escaped character");
    }

  /* A pair that makes one character is fine. */
  {
    g_autoptr(JsonNode) node = realistic_node (domain);
    g_autoptr(MixStore) store = NULL;

    json_object_set_member (json_node_get_object (node), "note",
                            node_from_text ("\"\\ud83e\\udd1d\""));
    store = check_round_trip (f, domain, node);
    g_assert_cmpstr (json_object_get_string_member (mix_store_get_document (store, domain), "note"),
                     ==, "🤝");
  }
}

/* The same member twice in one object: json-glib keeps only the last, so
 * the first would be lost without a word. */
static void
case_duplicate_members (Fixture   *f,
                        MixDomain  domain)
{
  static const char * const lists[MIX_N_DOMAINS] = { "tabs", "drafts", "sessions" };
  const char *full = realistic[domain];
  g_autoptr(GString) text = g_string_new_len (full, (gssize) realistic_length[domain]);
  g_autofree char *member = g_strdup_printf ("\"%s\":{},", lists[domain]);
  char *at;

  /* The whole list twice: an empty one first, then the real one. */
  g_assert_true (text->str[0] == '{');
  g_string_insert (text, 1, member);
  check_damaged_file (f, domain, text->str, text->len, "same member twice");

  /* A member of one entry twice. */
  g_string_assign (text, full);
  at = strstr (text->str, "\"id\"");
  g_assert_nonnull (at);
  g_string_insert (text, at - text->str, "\"id\":\"first\",");
  check_damaged_file (f, domain, text->str, text->len, "same member twice");
}

/* A byte order mark, as some editors write: the document is whole. */
static void
case_byte_order_mark (Fixture   *f,
                      MixDomain  domain)
{
  g_autofree char *text = g_strconcat ("\xef\xbb\xbf", realistic[domain], NULL);
  g_autoptr(MixStore) store = load_good_file (f, domain, text, strlen (text));

  assert_model_is (store, domain, realistic_model[domain]);
}

/* Not a file at all: a pipe (which would block a reader), a directory and
 * a link to a device. Nothing hangs, and each is moved aside. */
static void
case_not_a_file (Fixture   *f,
                 MixDomain  domain)
{
  g_autofree char *path = domain_path (f, domain);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(MixStore) store = NULL;
      const MixStoreProblem *problem;
      GStatBuf st;

      clean_dir (f->dir);
      if (i == 0)
        g_assert_no_errno (mkfifo (path, 0600));
      else if (i == 1)
        g_assert_no_errno (g_mkdir (path, 0700));
      else
        g_assert_no_errno (symlink ("/dev/zero", path));

      store = open_store (f);
      problem = assert_damaged (f, store, domain, NULL, 0, FALSE, "regular file");
      g_assert_no_errno (g_lstat (problem->moved_to, &st));
      if (i == 0)
        g_assert_true (S_ISFIFO (st.st_mode));
      else if (i == 1)
        g_assert_true (S_ISDIR (st.st_mode));
      else
        {
          g_autofree char *target = g_file_read_link (problem->moved_to, NULL);

          g_assert_true (S_ISLNK (st.st_mode));
          g_assert_cmpstr (target, ==, "/dev/zero");
        }

      make_an_edit (store, domain);
      g_assert_true (mix_store_flush (store, NULL));
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      assert_no_litter (f, domain);
    }
}

/* The lists themselves of the wrong type: the file has the wrong shape. */
static void
case_wrong_shape (Fixture   *f,
                  MixDomain  domain)
{
  static const char * const tracker[][2] = {
    { "tabs", "[]" }, { "tabs", "\"tabs\"" }, { "tabs", "5" },
    { "tabs/new-contacts", "{}" }, { "tabs/existing-network", "5" },
    { "tabs/networking-log", "null" },
  };
  static const char * const messages[][2] = {
    { "drafts", "{}" }, { "drafts", "\"drafts\"" }, { "drafts", "true" },
    { "preps", "5" }, { "preps", "{\"a\":[]}" },
  };
  static const char * const sessions[][2] = {
    { "sessions", "{}" }, { "sessions", "\"x\"" }, { "goals", "1" }, { "goals", "{}" },
  };
  const char * const (*cases)[2] = domain == MIX_DOMAIN_TRACKER ? tracker :
                                   domain == MIX_DOMAIN_MESSAGES ? messages : sessions;
  guint n = domain == MIX_DOMAIN_TRACKER ? G_N_ELEMENTS (tracker) :
            domain == MIX_DOMAIN_MESSAGES ? G_N_ELEMENTS (messages) : G_N_ELEMENTS (sessions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JsonNode) node = realistic_node (domain);
      JsonObject *root = json_node_get_object (node);
      g_autofree char *text = NULL;
      const char *member = cases[i][0];
      gsize length;

      if (g_str_has_prefix (member, "tabs/"))
        {
          root = json_object_get_object_member (root, "tabs");
          member += strlen ("tabs/");
        }
      json_object_set_member (root, member, node_from_text (cases[i][1]));
      text = node_to_text (node, &length);
      check_damaged_file (f, domain, text, length, NULL);
    }
}

/* Entries with members of the wrong types: skipped, counted and kept. */
static void
case_wrong_types (Fixture   *f,
                  MixDomain  domain)
{
  static const struct {
    MixDomain   domain;
    guint       list;     /* 0 the main list, 1 the second, 2 the session in progress */
    const char *json;
  } bad[] = {
    { MIX_DOMAIN_TRACKER, 0, "5" },
    { MIX_DOMAIN_TRACKER, 0, "[]" },
    { MIX_DOMAIN_TRACKER, 0, "\"a row\"" },
    { MIX_DOMAIN_TRACKER, 0, "{\"fields\":[]}" },
    { MIX_DOMAIN_TRACKER, 0, "{\"fields\":{\"name\":12}}" },
    { MIX_DOMAIN_TRACKER, 0, "{\"fields\":{\"knows_switching\":\"yes\"}}" },
    { MIX_DOMAIN_TRACKER, 0, "{\"fields\":{\"last_contact\":20260305}}" },
    { MIX_DOMAIN_TRACKER, 0, "{\"id\":7,\"fields\":{\"name\":\"Seven\"}}" },
    { MIX_DOMAIN_TRACKER, 0, "{\"created\":true}" },
    { MIX_DOMAIN_TRACKER, 0, "{\"extra\":{\"Phone\":5550100}}" },
    { MIX_DOMAIN_TRACKER, 1, "{\"extra\":[\"Phone\"]}" },
    { MIX_DOMAIN_TRACKER, 1, "{\"fields\":{\"email\":{\"a\":1}}}" },
    { MIX_DOMAIN_MESSAGES, 0, "\"a draft\"" },
    { MIX_DOMAIN_MESSAGES, 0, "{\"subject\":5}" },
    { MIX_DOMAIN_MESSAGES, 0, "{\"body\":{\"text\":\"Hi\"}}" },
    { MIX_DOMAIN_MESSAGES, 0, "{\"checks\":[]}" },
    { MIX_DOMAIN_MESSAGES, 0, "{\"checks\":{\"proofread\":\"yes\"}}" },
    { MIX_DOMAIN_MESSAGES, 0, "{\"channel\":\"pigeon\"}" },
    { MIX_DOMAIN_MESSAGES, 0, "{\"status\":3}" },
    { MIX_DOMAIN_MESSAGES, 0, "{\"id\":[\"x\"]}" },
    { MIX_DOMAIN_MESSAGES, 1, "5" },
    { MIX_DOMAIN_MESSAGES, 1, "{\"contact_id\":\"c\",\"questions\":\"why?\"}" },
    { MIX_DOMAIN_MESSAGES, 1, "{\"contact_id\":\"c\",\"questions\":[1]}" },
    { MIX_DOMAIN_MESSAGES, 1, "{\"notes\":\"for nobody\"}" },
    { MIX_DOMAIN_SESSIONS, 0, "[]" },
    { MIX_DOMAIN_SESSIONS, 0, "{\"roster\":\"Ada\"}" },
    { MIX_DOMAIN_SESSIONS, 0, "{\"roster\":[{\"name\":5}]}" },
    { MIX_DOMAIN_SESSIONS, 0, "{\"notes\":[]}" },
    { MIX_DOMAIN_SESSIONS, 0, "{\"notes\":{\"introductions\":1}}" },
    { MIX_DOMAIN_SESSIONS, 0, "{\"finished\":5}" },
    { MIX_DOMAIN_SESSIONS, 0, "{\"leader_questions\":\"all\"}" },
    { MIX_DOMAIN_SESSIONS, 0, "{\"goal\":\"be brave\"}" },
    { MIX_DOMAIN_SESSIONS, 0, "{\"timer\":30}" },
    { MIX_DOMAIN_SESSIONS, 1, "5" },
    { MIX_DOMAIN_SESSIONS, 1, "{\"done\":\"yes\"}" },
    { MIX_DOMAIN_SESSIONS, 1, "{\"text\":[\"a\",\"b\"]}" },
    { MIX_DOMAIN_SESSIONS, 2, "5" },
  };
  g_autoptr(JsonNode) node = realistic_node (domain);
  JsonObject *root = json_node_get_object (node);
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr(GArray) lists = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      JsonNode *element;

      if (bad[i].domain != domain)
        continue;
      element = node_from_text (bad[i].json);
      if (bad[i].list < 2)
        json_array_add_element (entry_list (root, domain, bad[i].list), deep_copy (element));
      else
        json_object_set_member (root, "current", deep_copy (element));
      g_ptr_array_add (nodes, element);
      g_array_append_val (lists, bad[i].list);
    }

  check_skipped (f, domain, node, nodes->len, (JsonNode **) nodes->pdata, (guint *) lists->data);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The items a page shows, as "id text" lines: rows by name, drafts by
 * body, sessions by their introductions notes. */
static GPtrArray *
shown_items (MixStore  *store,
             MixDomain  domain)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);

  if (domain == MIX_DOMAIN_TRACKER)
    {
      for (MixTab tab = 0; tab < MIX_N_TABS; tab++)
        {
          GListModel *rows = mix_tracker_get_rows (mix_store_get_tracker (store), tab);

          for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
            {
              g_autoptr(MixRecord) record = g_list_model_get_item (rows, i);

              g_ptr_array_add (items,
                               g_strdup_printf ("%s %s", mix_record_get_id (record),
                                                mix_record_get_value_by_id (record, "name")));
            }
        }
    }
  else if (domain == MIX_DOMAIN_MESSAGES)
    {
      GListModel *drafts = G_LIST_MODEL (mix_store_get_drafts (store));

      for (guint i = 0; i < g_list_model_get_n_items (drafts); i++)
        {
          g_autoptr(MixDraft) draft = g_list_model_get_item (drafts, i);

          g_ptr_array_add (items, g_strdup_printf ("%s %s", mix_draft_get_id (draft),
                                                   mix_draft_get_body (draft)));
        }
    }
  else
    {
      GListModel *log = G_LIST_MODEL (mix_store_get_session_log (store));
      MixSessionLog *goals = mix_store_get_session_log (store);

      for (guint i = 0; i < g_list_model_get_n_items (log); i++)
        {
          g_autoptr(MixSessionRecord) record = g_list_model_get_item (log, i);
          const char *notes = mix_session_record_get_notes (record, MIX_PHASE_INTRODUCTIONS);

          g_ptr_array_add (items, g_strdup_printf ("%s %s", mix_session_record_get_id (record),
                                                   notes ? notes : ""));
        }
      for (guint i = 0; i < mix_session_log_get_n_goals (goals); i++)
        {
          const MixGoal *goal = mix_session_log_get_goal (goals, i);

          g_ptr_array_add (items, g_strdup_printf ("%s %s", goal->id, goal->text));
        }
      if (json_object_has_member (mix_store_get_document (store, domain), "current"))
        {
          MixSessionRecord *current = mix_store_get_current_session (store);
          const char *notes = mix_session_record_get_notes (current, MIX_PHASE_INTRODUCTIONS);

          g_ptr_array_add (items, g_strdup_printf ("%s %s", mix_session_record_get_id (current),
                                                   notes ? notes : ""));
        }
    }

  g_ptr_array_sort (items, compare_strings);
  return items;
}

static gboolean
items_hold_text (GPtrArray  *items,
                 const char *text)
{
  for (guint i = 0; i < items->len; i++)
    {
      const char *space = strchr (items->pdata[i], ' ');

      if (space != NULL && g_str_equal (space + 1, text))
        return TRUE;
    }
  return FALSE;
}

static void
assert_ids_unique (GPtrArray *items)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < items->len; i++)
    {
      const char *item = items->pdata[i];
      char *id = g_strndup (item, strchr (item, ' ') - item);

      if (!g_hash_table_add (seen, id))
        g_error ("the id %s is used twice", item);
    }
}

/* Entries with the same id, as a copy and paste in a text editor or a bad
 * merge leaves: every one is shown and saved, each under an id of its
 * own, so that an edit or a link reaches the one that was meant. */
static void
case_duplicate_ids (Fixture   *f,
                    MixDomain  domain)
{
  static const char * const texts[] = { "One", "Two", "Three" };
  g_autoptr(JsonNode) node = realistic_node (domain);
  JsonObject *root = json_node_get_object (node);
  g_autoptr(MixStore) store = NULL;
  g_autoptr(MixStore) again = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) items_again = NULL;
  g_autofree char *text = NULL;
  gsize length;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      /* The second list of the tracker is another tab: ids are unique
       * across tabs too. */
      guint list = domain == MIX_DOMAIN_TRACKER && i == 2 ? 1 : 0;
      JsonNode *element = deep_copy (json_array_get_element (entry_list (root, domain, 0), 0));
      JsonObject *copy = json_node_get_object (element);

      json_object_set_string_member (copy, "id", "same-id");
      if (domain == MIX_DOMAIN_TRACKER)
        json_object_set_string_member (fields_of (copy), "name", texts[i]);
      else if (domain == MIX_DOMAIN_MESSAGES)
        json_object_set_string_member (copy, "body", texts[i]);
      else
        json_object_set_string_member (json_object_get_object_member (copy, "notes"),
                                       "introductions", texts[i]);
      json_array_add_element (entry_list (root, domain, list), element);
    }

  if (domain == MIX_DOMAIN_SESSIONS)
    {
      /* Two goals with one id, and the session in progress with the id of
       * past ones. */
      for (guint i = 0; i < 2; i++)
        {
          JsonNode *goal = deep_copy (json_array_get_element (entry_list (root, domain, 1), 0));

          json_object_set_string_member (json_node_get_object (goal), "id", "same-goal");
          json_object_set_string_member (json_node_get_object (goal), "text", texts[i]);
          json_object_set_boolean_member (json_node_get_object (goal), "done", FALSE);
          json_array_add_element (entry_list (root, domain, 1), goal);
        }
      json_object_set_string_member (json_object_get_object_member (root, "current"),
                                     "id", "same-id");
      json_object_set_string_member (json_object_get_object_member (
                                       json_object_get_object_member (root, "current"), "notes"),
                                     "introductions", "Current");
    }

  text = node_to_text (node, &length);
  store = load_good_file (f, domain, text, length);
  items = shown_items (store, domain);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_assert_true (items_hold_text (items, texts[i]));
  assert_ids_unique (items);

  if (domain == MIX_DOMAIN_TRACKER)
    {
      MixRecord *first = mix_tracker_find (mix_store_get_tracker (store), "same-id");

      g_assert_cmpstr (mix_record_get_value_by_id (first, "name"), ==, "One");
    }
  else if (domain == MIX_DOMAIN_MESSAGES)
    g_assert_cmpstr (mix_draft_get_body (mix_drafts_find (mix_store_get_drafts (store), "same-id")),
                     ==, "One");
  else
    {
      MixSessionLog *log = mix_store_get_session_log (store);
      guint n_sessions = g_list_model_get_n_items (G_LIST_MODEL (log));
      guint done = 0;

      g_assert_true (items_hold_text (items, "Current"));
      g_assert_cmpstr (mix_session_record_get_notes (mix_session_log_find_session (log, "same-id"),
                                                     MIX_PHASE_INTRODUCTIONS), ==, "One");

      /* Marking one goal done marks that one only. */
      for (guint i = 0; i < mix_session_log_get_n_goals (log); i++)
        {
          const MixGoal *goal = mix_session_log_get_goal (log, i);

          if (g_str_equal (goal->text, "Two"))
            {
              g_autofree char *id = g_strdup (goal->id);
              g_assert_true (mix_session_log_set_goal_done (log, id, TRUE));
            }
        }
      for (guint i = 0; i < mix_session_log_get_n_goals (log); i++)
        {
          const MixGoal *goal = mix_session_log_get_goal (log, i);

          if (goal->done)
            {
              g_assert_cmpstr (goal->text, ==, "Two");
              done++;
            }
        }
      g_assert_cmpuint (done, ==, 1);

      /* Finishing the session in progress keeps the past ones. */
      g_assert_true (mix_store_finish_session (store));
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, n_sessions + 1);
      g_clear_pointer (&items, g_ptr_array_unref);
      items = shown_items (store, domain);
      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        g_assert_true (items_hold_text (items, texts[i]));
      g_assert_true (items_hold_text (items, "Current"));
      assert_ids_unique (items);
    }

  /* Saved and loaded again: the same entries, under the same ids. */
  mix_store_changed (store, domain);
  g_assert_true (mix_store_flush (store, NULL));
  again = open_store (f);
  g_assert_cmpuint (mix_store_get_problems (again)->len, ==, 0);
  items_again = shown_items (again, domain);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = shown_items (store, domain);
  g_assert_cmpuint (items_again->len, ==, items->len);
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpstr (items_again->pdata[i], ==, items->pdata[i]);
  assert_ids_unique (items_again);
  assert_no_litter (f, domain);
}

static void
case_far_future (Fixture   *f,
                 MixDomain  domain)
{
  const char *when = "9999-12-31T23:59:59Z";
  g_autoptr(JsonNode) node = realistic_node (domain);
  JsonObject *root = json_node_get_object (node);
  g_autoptr(MixStore) store = NULL;

  if (domain == MIX_DOMAIN_TRACKER)
    {
      JsonObject *row = entry (root, domain, 0, 0);

      json_object_set_string_member (fields_of (row), "last_contact", "9999-12-31");
      json_object_set_string_member (row, "created", when);
      json_object_set_string_member (row, "modified", when);
      json_object_set_string_member (fields_of (entry (root, domain, 0, 1)), "last_contact",
                                     "0001-01-01");
      store = check_round_trip (f, domain, node);
      {
        MixRecord *record = mix_tracker_find (mix_store_get_tracker (store),
                                              json_object_get_string_member (row, "id"));

        g_assert_cmpstr (mix_record_get_value_by_id (record, "last_contact"), ==, "9999-12-31");
        g_assert_cmpstr (mix_record_get_created (record), ==, when);
        g_assert_cmpstr (mix_record_get_modified (record), ==, when);
      }
    }
  else if (domain == MIX_DOMAIN_MESSAGES)
    {
      JsonObject *draft = entry (root, domain, 0, 2);

      json_object_set_string_member (draft, "created", when);
      json_object_set_string_member (draft, "modified", when);
      json_object_set_string_member (draft, "sent_on", "9999-12-31");
      store = check_round_trip (f, domain, node);
      {
        MixDraft *loaded = mix_drafts_find (mix_store_get_drafts (store),
                                            json_object_get_string_member (draft, "id"));

        g_assert_cmpstr (mix_draft_get_sent_on (loaded), ==, "9999-12-31");
        g_assert_cmpstr (mix_draft_get_created (loaded), ==, when);
      }
    }
  else
    {
      JsonObject *session = entry (root, domain, 0, 0);
      JsonObject *goal = entry (root, domain, 1, 0);

      json_object_set_string_member (session, "started", "9999-12-31T22:00:00Z");
      json_object_set_string_member (session, "finished", when);
      json_object_set_string_member (goal, "due", "9999-12-31");
      json_object_set_string_member (goal, "created", when);
      json_object_set_string_member (json_object_get_object_member (
                                       json_object_get_object_member (root, "current"), "goal"),
                                     "due", "9999-12-31");
      store = check_round_trip (f, domain, node);
      {
        MixSessionLog *log = mix_store_get_session_log (store);
        g_autoptr(MixSessionRecord) first = g_list_model_get_item (G_LIST_MODEL (log), 0);

        g_assert_cmpstr (mix_session_record_get_finished (first), ==, when);
        g_assert_cmpstr (mix_session_log_get_goal (log, 0)->due, ==, "9999-12-31");
        g_assert_cmpstr (mix_session_record_get_goal_due (mix_store_get_current_session (store)),
                         ==, "9999-12-31");
      }
    }
}

/* Dates that are not dates: the entry is skipped, counted and kept. */
static void
case_not_dates (Fixture   *f,
                MixDomain  domain)
{
  static const struct {
    MixDomain   domain;
    guint       list;
    const char *member;   /* "a/b" for a member of a member */
    const char *value;
  } cases[] = {
    { MIX_DOMAIN_TRACKER, 0, "fields/last_contact", "soon" },
    { MIX_DOMAIN_TRACKER, 0, "fields/last_contact", "2026-02-30" },
    { MIX_DOMAIN_TRACKER, 0, "fields/last_contact", "10000-01-01" },
    { MIX_DOMAIN_TRACKER, 0, "created", "yesterday" },
    { MIX_DOMAIN_TRACKER, 0, "modified", "2026-13-01T00:00:00Z" },
    { MIX_DOMAIN_MESSAGES, 0, "sent_on", "someday" },
    { MIX_DOMAIN_MESSAGES, 0, "created", "not a time" },
    { MIX_DOMAIN_MESSAGES, 0, "modified", "99999-01-01T00:00:00Z" },
    { MIX_DOMAIN_MESSAGES, 1, "modified", "last week" },
    { MIX_DOMAIN_SESSIONS, 0, "finished", "later" },
    { MIX_DOMAIN_SESSIONS, 0, "goal/due", "when I can" },
    { MIX_DOMAIN_SESSIONS, 1, "due", "tomorrow" },
    { MIX_DOMAIN_SESSIONS, 1, "created", "x" },
  };
  g_autoptr(JsonNode) node = realistic_node (domain);
  JsonObject *root = json_node_get_object (node);
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr(GArray) lists = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = g_strdup_printf ("not-a-date-%u", i);
      g_auto(GStrv) path = NULL;
      JsonNode *element;
      JsonObject *object;

      if (cases[i].domain != domain)
        continue;
      element = deep_copy (json_array_get_element (entry_list (root, domain, cases[i].list), 0));
      object = json_node_get_object (element);
      json_object_set_string_member (object, "id", id);
      path = g_strsplit (cases[i].member, "/", 2);
      if (path[1] != NULL)
        object = json_object_get_object_member (object, path[0]);
      json_object_set_string_member (object, path[1] != NULL ? path[1] : path[0], cases[i].value);
      json_array_add_element (entry_list (root, domain, cases[i].list), deep_copy (element));
      g_ptr_array_add (nodes, element);
      g_array_append_val (lists, cases[i].list);
    }

  check_skipped (f, domain, node, nodes->len, (JsonNode **) nodes->pdata, (guint *) lists->data);

  if (domain == MIX_DOMAIN_SESSIONS)
    {
      /* When a session began is only shown: text that is not a time is
       * kept and shown as it is. */
      g_autoptr(JsonNode) started = realistic_node (domain);
      g_autoptr(MixStore) store = NULL;
      JsonObject *session = entry (json_node_get_object (started), domain, 0, 1);
      g_autoptr(MixSessionRecord) shown = NULL;

      json_object_set_string_member (session, "started", "not a date");
      store = check_round_trip (f, domain, started);
      shown = g_object_ref (mix_session_log_find_session (
                              mix_store_get_session_log (store),
                              json_object_get_string_member (session, "id")));
      g_assert_cmpstr (mix_session_record_get_started (shown), ==, "not a date");
    }
}

/* Strings of a megabyte, in values, ids and member names: they load, and
 * come back unchanged. */
static void
case_megabyte_strings (Fixture   *f,
                       MixDomain  domain)
{
  g_autofree char *big = megabyte_text ('a');
  g_autofree char *big_key = megabyte_text ('k');
  g_autofree char *big_id = megabyte_text ('i');
  g_autoptr(JsonNode) node = realistic_node (domain);
  JsonObject *root = json_node_get_object (node);
  g_autoptr(MixStore) store = NULL;

  json_object_set_string_member (root, big_key, big);

  if (domain == MIX_DOMAIN_TRACKER)
    {
      JsonObject *row = entry (root, domain, 0, 0);
      JsonObject *extra = json_object_get_object_member (row, "extra");
      g_autofree char *id = g_strdup (json_object_get_string_member (row, "id"));

      json_object_set_string_member (fields_of (row), "notes", big);
      json_object_set_string_member (fields_of (row), "name", big);
      json_object_set_string_member (fields_of (row), big_key, "a field with a long name");
      json_object_set_string_member (extra, "Long", big);
      json_object_set_string_member (entry (root, domain, 0, 1), "id", big_id);

      store = check_round_trip (f, domain, node);
      {
        MixTracker *tracker = mix_store_get_tracker (store);
        MixRecord *record = mix_tracker_find (tracker, id);

        g_assert_cmpstr (mix_record_get_value_by_id (record, "notes"), ==, big);
        g_assert_cmpstr (mix_record_get_value_by_id (record, "name"), ==, big);
        g_assert_cmpstr (mix_record_get_extra (record, "Long"), ==, big);
        g_assert_nonnull (mix_tracker_find (tracker, big_id));
      }
    }
  else if (domain == MIX_DOMAIN_MESSAGES)
    {
      JsonObject *draft = entry (root, domain, 0, 0);
      g_autofree char *id = g_strdup (json_object_get_string_member (draft, "id"));

      json_object_set_string_member (draft, "body", big);
      json_object_set_string_member (draft, "subject", big);
      json_object_set_string_member (draft, "recipient", big);
      json_object_set_string_member (entry (root, domain, 0, 1), "id", big_id);
      json_object_set_string_member (entry (root, domain, 1, 0), "notes", big);

      store = check_round_trip (f, domain, node);
      {
        MixDrafts *drafts = mix_store_get_drafts (store);
        MixDraft *loaded = mix_drafts_find (drafts, id);

        g_assert_cmpstr (mix_draft_get_body (loaded), ==, big);
        g_assert_cmpstr (mix_draft_get_subject (loaded), ==, big);
        g_assert_nonnull (mix_drafts_find (drafts, big_id));
        g_assert_cmpstr (mix_prep_get_notes (mix_drafts_find_prep (drafts,
                                               mix_draft_get_contact_id (loaded))), ==, big);
      }
    }
  else
    {
      JsonObject *session = entry (root, domain, 0, 0);
      JsonObject *current = json_object_get_object_member (root, "current");
      g_autofree char *id = g_strdup (json_object_get_string_member (session, "id"));

      json_object_set_string_member (json_object_get_object_member (session, "notes"),
                                     "introductions", big);
      json_object_set_string_member (entry (root, domain, 1, 0), "text", big);
      json_object_set_string_member (json_object_get_object_member (current, "notes"),
                                     "close-out", big);
      json_object_set_string_member (json_object_get_object_member (current, "goal"),
                                     "text", big);

      store = check_round_trip (f, domain, node);
      {
        MixSessionLog *log = mix_store_get_session_log (store);
        MixSessionRecord *in_progress = mix_store_get_current_session (store);

        g_assert_cmpstr (mix_session_record_get_notes (mix_session_log_find_session (log, id),
                                                       MIX_PHASE_INTRODUCTIONS), ==, big);
        g_assert_cmpstr (mix_session_log_get_goal (log, 0)->text, ==, big);
        g_assert_cmpstr (mix_session_record_get_notes (in_progress, MIX_PHASE_CLOSE_OUT), ==, big);
        g_assert_cmpstr (mix_session_record_get_goal_text (in_progress), ==, big);
      }
    }

  g_assert_cmpstr (json_object_get_string_member (mix_store_get_document (store, domain), big_key),
                   ==, big);
}

/* The realistic files */

static void
fill_row (MixRecord *record,
          guint      n)
{
  const MixTabInfo *info = mix_tab_get_info (mix_record_get_tab (record));

  for (guint c = 0; c < info->n_columns; c++)
    {
      const MixColumn *column = &info->columns[c];
      g_autofree char *value = NULL;
      g_autoptr(GError) error = NULL;

      switch (column->type)
        {
        case MIX_COLUMN_TEXT:
          value = g_strdup_printf ("Ada “%u” Lovelace", n);
          break;
        case MIX_COLUMN_LONG_TEXT:
          value = g_strdup_printf ("Met at meetup %u.\nTalked about \"compilers\", {braces} "
                                   "and [lists].", n);
          break;
        case MIX_COLUMN_BOOLEAN:
          value = g_strdup (n % 2 ? "yes" : "no");
          break;
        case MIX_COLUMN_CHOICE:
          {
            guint n_choices = 0;

            while (column->choices[n_choices].id != NULL)
              n_choices++;
            value = g_strdup (column->choices[n % n_choices].label);
            break;
          }
        case MIX_COLUMN_DATE:
          value = g_strdup_printf ("2026-03-%02u", n + 1);
          break;
        case MIX_COLUMN_URL:
          value = g_strdup_printf ("https://example.com/people/%u", n);
          break;
        case MIX_COLUMN_EMAIL:
          value = g_strdup_printf ("person%u@example.com", n);
          break;
        default:
          g_assert_not_reached ();
        }
      mix_record_set_value (record, c, value, &error);
      g_assert_no_error (error);
    }
  {
    g_autofree char *phone = g_strdup_printf ("555-01%02u", n);
    mix_record_set_extra (record, "Phone", phone);
  }
}

static void
build_realistic (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *parent = g_dir_make_tmp ("mix-hostile-XXXXXX", &error);
  g_autofree char *dir = g_build_filename (parent, "mix-it-up", NULL);
  g_autoptr(MixStore) store = mix_store_new (dir);
  MixTracker *tracker;
  MixDrafts *drafts;
  guint manual = 0;

  g_assert_no_error (error);
  mix_store_load (store);
  tracker = mix_store_get_tracker (store);
  drafts = mix_store_get_drafts (store);

  for (MixTab tab = 0; tab < MIX_N_TABS; tab++)
    for (guint i = 0; i < 2; i++)
      fill_row (mix_tracker_add_row (tracker, tab), tab * 2 + i);

  while (mix_check_get_info (manual)->kind != MIX_CHECK_KIND_MANUAL)
    manual++;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(MixDraft) draft = mix_draft_new ();
      g_autoptr(MixRecord) contact =
        g_list_model_get_item (mix_tracker_get_rows (tracker, MIX_TAB_NEW_CONTACTS), i % 2);
      MixPrep *prep;

      mix_draft_set_contact_id (draft, mix_record_get_id (contact));
      mix_draft_set_recipient (draft, "Ada Lovelace");
      mix_draft_set_channel (draft, (MixChannel) i);
      mix_draft_set_subject (draft, "Coffee next week?");
      mix_draft_set_body (draft, "Hi Ada,\n\nI loved your talk on “engines”. Could we talk "
                                 "for 20 minutes next week?\n\nThanks,\nGrace");
      mix_draft_set_check (draft, manual, TRUE);
      if (i == 2)
        g_assert_true (mix_draft_mark_sent (draft, "2026-03-06", NULL));
      mix_drafts_add (drafts, draft);

      prep = mix_drafts_ensure_prep (drafts, mix_record_get_id (contact));
      mix_prep_add_question (prep, mix_prep_bank_get_question (0, i));
      mix_prep_set_notes (prep, "Ask about the analytical engine.");
    }

  for (guint i = 0; i < 3; i++)
    {
      MixSessionRecord *record = mix_store_get_current_session (store);
      g_autoptr(MixPerson) person = mix_person_new ("Katherine Johnson");

      person->pronouns = g_strdup ("she/her");
      person->program = g_strdup (MIX_PROGRAM_BACK_END);
      person->cohort = g_strdup ("Spring 2026");
      person->module = 2;
      person->confidence = 3 + i % 2;
      person->leader = TRUE;
      g_assert_true (mix_session_record_add_person (record, person, NULL));
      mix_session_record_set_topic (record, mix_guide_get_topic (i)->id);
      g_assert_true (mix_session_record_set_leader_question (record, i, TRUE));
      mix_session_record_set_activity (record, 0, TRUE);
      for (MixPhase phase = 0; phase < MIX_N_PHASES; phase++)
        mix_session_record_set_notes (record, phase, "We talked about {first} [steps].");
      mix_session_record_set_goal_text (record, "Reach out to three people");
      g_assert_true (mix_session_record_set_goal_due (record, "2026-04-01", NULL));
      mix_session_record_set_buddy (record, "Grace");
      if (i < 2)
        g_assert_true (mix_store_finish_session (store));
    }

  g_assert_true (mix_store_flush (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  /* Sessions end at different times in life: give the two past ones
   * times of their own, so that their order is not left to chance. */
  {
    g_autofree char *path = g_build_filename (dir, "sessions.json", NULL);
    g_autoptr(JsonNode) node = parse_file (path);
    JsonObject *root = json_node_get_object (node);
    static const char * const times[][2] = {
      { "2026-03-12T18:00:00Z", "2026-03-12T18:30:00Z" },
      { "2026-03-05T18:00:00Z", "2026-03-05T18:30:00Z" },
    };
    g_autofree char *text = NULL;
    gsize length;

    for (guint i = 0; i < 2; i++)
      {
        JsonObject *session = entry (root, MIX_DOMAIN_SESSIONS, 0, i);
        JsonObject *goal = entry (root, MIX_DOMAIN_SESSIONS, 1, i);

        json_object_set_string_member (session, "started", times[i][0]);
        json_object_set_string_member (session, "finished", times[i][1]);
        json_object_set_string_member (goal, "created", times[i][1]);
      }
    text = node_to_text (node, &length);
    write_file (path, text, length);
  }

  /* As the store writes them. */
  store = mix_store_new (dir);
  mix_store_load (store);
  g_assert_cmpuint (mix_store_get_problems (store)->len, ==, 0);
  for (MixDomain d = 0; d < MIX_N_DOMAINS; d++)
    mix_store_changed (store, d);
  g_assert_true (mix_store_flush (store, NULL));
  g_clear_object (&store);

  store = mix_store_new (dir);
  mix_store_load (store);
  g_assert_cmpuint (mix_store_get_problems (store)->len, ==, 0);
  for (MixDomain d = 0; d < MIX_N_DOMAINS; d++)
    {
      g_autofree char *path = g_build_filename (dir, mix_store_domain_file_name (d), NULL);

      g_autoptr(GPtrArray) items = NULL;

      realistic[d] = read_file (path, &realistic_length[d]);
      realistic_model[d] = model_text (store, d);
      items = shown_items (store, d);
      realistic_n_items[d] = items->len;
    }
  g_clear_object (&store);
  remove_tree (parent);

  /* And the models with no file at all. */
  {
    g_autofree char *empty_parent = g_dir_make_tmp ("mix-hostile-XXXXXX", &error);
    g_autofree char *empty_dir = g_build_filename (empty_parent, "mix-it-up", NULL);

    g_assert_no_error (error);
    store = mix_store_new (empty_dir);
    mix_store_load (store);
    for (MixDomain d = 0; d < MIX_N_DOMAINS; d++)
      empty_model[d] = model_text (store, d);
    g_clear_object (&store);
    remove_tree (empty_parent);
  }
}

static void
run_case (Fixture       *f,
          gconstpointer  data)
{
  const HostileCase *hc = data;

  hc->func (f, hc->domain);
}

int
main (int   argc,
      char *argv[])
{
  static const struct {
    const char *name;
    void      (*func) (Fixture *f, MixDomain domain);
  } cases[] = {
    { "valid", case_valid },
    { "empty", case_empty },
    { "truncated", case_truncated },
    { "nul-bytes", case_nul_bytes },
    { "100-mb", case_huge },
    { "deep", case_deep },
    { "not-an-object", case_not_an_object },
    { "wrong-kind", case_wrong_kind },
    { "bad-header", case_bad_header },
    { "newer-version", case_newer_version },
    { "not-json", case_not_json },
    { "bad-escapes", case_bad_escapes },
    { "duplicate-members", case_duplicate_members },
    { "byte-order-mark", case_byte_order_mark },
    { "not-a-file", case_not_a_file },
    { "wrong-shape", case_wrong_shape },
    { "wrong-types", case_wrong_types },
    { "duplicate-ids", case_duplicate_ids },
    { "far-future", case_far_future },
    { "not-dates", case_not_dates },
    { "megabyte-strings", case_megabyte_strings },
  };
  static HostileCase all[MIX_N_DOMAINS][G_N_ELEMENTS (cases)];
  int ret;

  g_test_init (&argc, &argv, NULL);

  build_realistic ();

  for (MixDomain d = 0; d < MIX_N_DOMAINS; d++)
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *path = g_strdup_printf ("/hostile-files/%s/%s",
                                                 mix_store_domain_file_name (d), cases[i].name);

        all[d][i].domain = d;
        all[d][i].name = cases[i].name;
        all[d][i].func = cases[i].func;
        g_test_add (path, Fixture, &all[d][i], fixture_set_up, run_case, fixture_tear_down);
      }

  ret = g_test_run ();
  g_print ("# %u files loaded\n", n_loads);

  for (MixDomain d = 0; d < MIX_N_DOMAINS; d++)
    {
      g_free (realistic[d]);
      g_free (realistic_model[d]);
      g_free (empty_model[d]);
    }
  return ret;
}
