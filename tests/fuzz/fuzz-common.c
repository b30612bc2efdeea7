/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"
#include "mix-json.h"

/*
 * What the fuzz targets share: a log writer that turns every warning or
 * critical into a crash, and the steps MixStore takes with a file, so that a
 * target can feed bytes to a domain's loader exactly as the store would
 * after reading them from disk, then check that what would be saved can be
 * read back.
 */

/* As domain_info in mix-store.c: the "format" of each file, and the members
 * that must be lists when present. */
static const struct
{
  const char         *format;
  const char * const *arrays;
} domains[MIX_N_DOMAINS] = {
  { "mix-it-up/tracker", NULL },
  { "mix-it-up/messages", (const char * const []) { "drafts", "preps", NULL } },
  { "mix-it-up/sessions", (const char * const []) { "sessions", "goals", NULL } },
};

/* Nothing in src/core logs on purpose; anything it or GLib says at warning
 * level or worse is a bug (g_return_if_fail() says "critical"), so it ends
 * the run with the input saved. Chatter below that level is dropped. */
static GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
      abort ();
    }

  return G_LOG_WRITER_HANDLED;
}

void
fuzz_init (void)
{
  static gboolean done = FALSE;

  if (done)
    return;
  done = TRUE;

  g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
}

void
fuzz_fail (const char *format,
           ...)
{
  va_list args;

  va_start (args, format);
  fputs ("fuzz: ", stderr);
  vfprintf (stderr, format, args);
  fputc ('\n', stderr);
  va_end (args);
  abort ();
}

/* read_document() in mix-store.c, after the file is read: the safe parse,
 * then the format, the version and the members that must be lists. Returns
 * %NULL for a document the store would set aside as damaged. */
static JsonObject *
read_document (MixDomain    domain,
               const char  *data,
               gsize        length,
               gboolean    *newer,
               GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *root;
  JsonNode *version;
  const char *format;
  gboolean wrong_type;

  node = mix_json_parse_object (data, length, error);
  if (node == NULL)
    return NULL;
  root = json_node_get_object (node);

  format = mix_json_object_get_string_member_or_null (root, "format", &wrong_type);
  if (g_strcmp0 (format, domains[domain].format) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "wrong format");
      return NULL;
    }

  version = json_object_get_member (root, "version");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) ||
      json_node_get_value_type (version) != G_TYPE_INT64 || json_node_get_int (version) < 1)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "bad version");
      return NULL;
    }

  for (guint i = 0; domains[domain].arrays != NULL && domains[domain].arrays[i] != NULL; i++)
    {
      JsonNode *member = json_object_get_member (root, domains[domain].arrays[i]);

      if (member != NULL && !JSON_NODE_HOLDS_ARRAY (member))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "“%s” is not a list",
                       domains[domain].arrays[i]);
          return NULL;
        }
    }

  *newer = json_node_get_int (version) > MIX_STORE_FORMAT_VERSION;
  return json_object_ref (root);
}

/* Whether @node holds a string or member name that is not UTF-8, which the
 * store would write into a file it then refuses. */
static gboolean
has_invalid_text (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *member;
        JsonNode *value;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, &member, &value))
          if (!g_utf8_validate (member, -1, NULL) || has_invalid_text (value))
            return TRUE;
        return FALSE;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          if (has_invalid_text (json_array_get_element (array, i)))
            return TRUE;
        return FALSE;
      }

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        return !g_utf8_validate (json_node_get_string (node), -1, NULL);
      return FALSE;

    case JSON_NODE_NULL:
    default:
      return FALSE;
    }
}

/**
 * fuzz_read_document:
 * @newer: (out): whether a newer version wrote it, so the store would show
 *   it read-only
 *
 * Returns: (transfer full) (nullable): the document, or %NULL if the store
 *   would refuse it as damaged
 */
JsonObject *
fuzz_read_document (MixDomain    domain,
                    const char  *data,
                    gsize        length,
                    gboolean    *newer)
{
  JsonObject *root = read_document (domain, data, length, newer, NULL);

  /* The reader refuses escapes that are no character (json-glib 1.6 read
   * a lone surrogate such as "\ud83c" into bytes that are not UTF-8). */
  if (root != NULL)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), root);

      if (has_invalid_text (node))
        fuzz_fail ("a document was read with text that is not UTF-8");
    }

  return root;
}

/* The first half of build_document() in mix-store.c: the format and version,
 * then every other member of the document as it was read. The domain's save
 * function then replaces its own members. */
JsonObject *
fuzz_copy_document (MixDomain   domain,
                    JsonObject *old)
{
  JsonObject *root = json_object_new ();
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  json_object_set_string_member (root, "format", domains[domain].format);
  json_object_set_int_member (root, "version", MIX_STORE_FORMAT_VERSION);

  json_object_iter_init (&iter, old);
  while (json_object_iter_next (&iter, &member, &value))
    if (!g_str_equal (member, "format") && !g_str_equal (member, "version"))
      json_object_set_member (root, member, json_node_ref (value));

  return root;
}

/* The file as the store writes it (mix_json_append_document_start()), for
 * a domain that writes its own member as text (@member_text, already
 * written). */
char *
fuzz_write_document (MixDomain   domain,
                     JsonObject *old,
                     const char *written_member,
                     GString    *member_text,
                     gsize      *length)
{
  GString *out = g_string_sized_new (member_text->len + 1024);

  mix_json_append_document_start (out, domains[domain].format, MIX_STORE_FORMAT_VERSION, old,
                                  written_member);
  g_string_append_len (out, member_text->str, member_text->len);
  g_string_append (out, "}\n");

  *length = out->len;
  return g_string_free (out, FALSE);
}

/* What was saved must be readable: a file the app writes and then refuses
 * as damaged on the next start is data lost. */
JsonObject *
fuzz_reread_document (MixDomain   domain,
                      const char *data,
                      gsize       length)
{
  g_autoptr(GError) error = NULL;
  gboolean newer = FALSE;
  JsonObject *root;

  root = read_document (domain, data, length, &newer, &error);
  if (root == NULL)
    fuzz_fail ("the saved %s cannot be read back: %s\n--- saved text ---\n%.*s",
               domains[domain].format, error->message, (int) MIN (length, 8192), data);
  if (newer)
    fuzz_fail ("the saved %s reads back as a newer version", domains[domain].format);

  return root;
}

/* Saving what was read back from a save changes nothing: the two texts hold
 * the same JSON, though members may come in another order. */
void
fuzz_check_same_document (const char *first,
                          gsize       first_length,
                          const char *second,
                          gsize       second_length)
{
  g_autoptr(JsonNode) a = mix_json_parse_object (first, first_length, NULL);
  g_autoptr(JsonNode) b = mix_json_parse_object (second, second_length, NULL);

  if (a == NULL || b == NULL || !json_node_equal (a, b))
    fuzz_fail ("saving twice gives different documents:\n%.*s\n---\n%.*s",
               (int) MIN (first_length, 8192), first, (int) MIN (second_length, 8192), second);
}

/* The store's own path, through files ---------------------------------------------------- */

static char *store_dir;

static void
empty_store_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (store_dir, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (store_dir, name, NULL);
      g_unlink (path);
    }
}

static void
remove_store_dir (void)
{
  empty_store_dir ();
  g_rmdir (store_dir);
}

static guint
count_problems (MixStore       *store,
                MixProblemKind  kind,
                guint          *n_rows)
{
  GPtrArray *problems = mix_store_get_problems (store);
  guint n = 0;

  for (guint i = 0; i < problems->len; i++)
    {
      MixStoreProblem *problem = g_ptr_array_index (problems, i);

      if (problem->kind != kind)
        continue;
      n++;
      if (n_rows != NULL)
        *n_rows += problem->n_rows;
    }
  return n;
}

/**
 * fuzz_store_round_trip:
 *
 * Writes @data as the domain's file, loads it with a #MixStore, saves it
 * again and loads what was saved with a second store. @data must be a
 * document fuzz_read_document() accepts as the current version: the store
 * must then take it without calling it damaged, and read back what it saved
 * with as many unreadable rows as before and nothing damaged.
 */
void
fuzz_store_round_trip (MixDomain   domain,
                       const char *data,
                       gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint skipped_before = 0;
  guint skipped_after = 0;

  if (store_dir == NULL)
    {
      /* The store syncs every file it saves: in memory, that costs nothing. */
      if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR))
        {
          char *template = g_strdup ("/dev/shm/mix-fuzz-XXXXXX");

          if (g_mkdtemp (template) != NULL)
            store_dir = template;
          else
            g_free (template);
        }
      if (store_dir == NULL)
        store_dir = g_dir_make_tmp ("mix-fuzz-XXXXXX", &error);
      if (store_dir == NULL)
        fuzz_fail ("no temporary directory: %s", error->message);
      atexit (remove_store_dir);
    }

  path = g_build_filename (store_dir, mix_store_domain_file_name (domain), NULL);
  if (!g_file_set_contents (path, data, (gssize) length, &error))
    fuzz_fail ("%s could not be written: %s", path, error->message);

  {
    g_autoptr(MixStore) store = mix_store_new (store_dir);

    mix_store_load (store);
    if (count_problems (store, MIX_PROBLEM_DAMAGED, NULL) > 0)
      fuzz_fail ("the store refused as damaged a file its own checks accept: %s",
                 ((MixStoreProblem *) mix_store_get_problems (store)->pdata[0])->message);
    count_problems (store, MIX_PROBLEM_SKIPPED_ROWS, &skipped_before);

    mix_store_changed (store, domain);
    if (!mix_store_flush (store, &error))
      fuzz_fail ("the store could not save: %s", error->message);
  }

  {
    g_autoptr(MixStore) store = mix_store_new (store_dir);

    mix_store_load (store);
    if (count_problems (store, MIX_PROBLEM_DAMAGED, NULL) > 0 ||
        count_problems (store, MIX_PROBLEM_NEWER_VERSION, NULL) > 0)
      fuzz_fail ("the store cannot read back what it saved: %s",
                 ((MixStoreProblem *) mix_store_get_problems (store)->pdata[0])->message);
    count_problems (store, MIX_PROBLEM_SKIPPED_ROWS, &skipped_after);
    if (skipped_after != skipped_before)
      fuzz_fail ("%u unreadable rows before saving, %u after", skipped_before, skipped_after);
  }

  empty_store_dir ();
}
