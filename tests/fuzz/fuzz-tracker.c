/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fuzz-common.h"
#include "mix-json.h"
#include "mix-json-reader.h"
#include "mix-tracker.h"

/*
 * tracker.json as MixStore reads it: the safe parse and the store's checks,
 * mix_tracker_load_json(), then the text the store would save, which must
 * read back with the same rows. A document the checks accept also goes
 * through a real MixStore on disk.
 */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

static guint
count_rows (MixTracker *tracker)
{
  guint n = 0;

  for (guint t = 0; t < MIX_N_TABS; t++)
    n += mix_tracker_get_n_rows (tracker, t);
  return n;
}

/* The whole file as the store writes it (write_document()). */
static char *
save (MixTracker *tracker,
      JsonObject *old,
      gsize      *length)
{
  g_autoptr(GString) tabs = g_string_new (NULL);

  mix_tracker_append_json (tracker, tabs);
  return fuzz_write_document (MIX_DOMAIN_TRACKER, old, "tabs", tabs, length);
}

/* Whether "tabs" has the shape the tracker needs, in a tree. */
static gboolean
tabs_have_shape (JsonObject *root)
{
  JsonNode *tabs = json_object_get_member (root, "tabs");
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  if (tabs == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (tabs))
    return FALSE;
  json_object_iter_init (&iter, json_node_get_object (tabs));
  while (json_object_iter_next (&iter, &member, &value))
    {
      MixTab tab;

      if (mix_tab_from_id (member, &tab) && !JSON_NODE_HOLDS_ARRAY (value))
        return FALSE;
    }
  return TRUE;
}

/* The store reads rows straight from the text: it must refuse what the
 * tree reader refuses, and read the same rows as mix_tracker_load_json()
 * does from the tree. */
static void
check_streaming_read (const char *data,
                      gsize       size)
{
  g_autoptr(JsonNode) tree = mix_json_parse_object (data, size, NULL);
  g_autoptr(MixTrackerRows) rows = NULL;
  g_autoptr(JsonNode) streamed = mix_tracker_read_document (data, size, &rows, NULL);
  g_autoptr(MixTracker) from_tree = NULL;
  g_autoptr(MixTracker) from_text = NULL;
  guint skipped_tree = 0;
  guint skipped_text = 0;

  if (tree == NULL)
    {
      if (streamed != NULL)
        fuzz_fail ("the row reader accepts a text the tree reader refuses");
      return;
    }
  if (streamed == NULL)
    {
      if (tabs_have_shape (json_node_get_object (tree)))
        fuzz_fail ("the row reader refuses a tracker the tree reader accepts");
      return;
    }

  from_tree = mix_tracker_new ();
  if (!mix_tracker_load_json (from_tree, json_node_get_object (tree), &skipped_tree, NULL))
    fuzz_fail ("the tree's tracker is refused though the row reader took it");
  from_text = mix_tracker_new ();
  mix_tracker_load_rows (from_text, g_steal_pointer (&rows), &skipped_text);
  if (skipped_tree != skipped_text || count_rows (from_tree) != count_rows (from_text))
    fuzz_fail ("the row reader read %u rows and %u unreadable, the tree %u and %u",
               count_rows (from_text), skipped_text, count_rows (from_tree), skipped_tree);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(JsonObject) again = NULL;
  g_autoptr(MixTracker) tracker = NULL;
  g_autoptr(MixTracker) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  gsize saved_length = 0;
  gsize saved_again_length = 0;
  guint n_skipped = 0;
  guint n_skipped_again = 0;
  gboolean newer = FALSE;

  check_streaming_read ((const char *) data, size);

  root = fuzz_read_document (MIX_DOMAIN_TRACKER, (const char *) data, size, &newer);
  if (root == NULL)
    return 0;

  tracker = mix_tracker_new ();
  if (newer)
    {
      /* Shown read-only, never saved. */
      mix_tracker_load_json (tracker, root, &n_skipped, NULL);
      return 0;
    }
  if (!mix_tracker_load_json (tracker, root, &n_skipped, &error))
    return 0;

  saved = save (tracker, root, &saved_length);
  again = fuzz_reread_document (MIX_DOMAIN_TRACKER, saved, saved_length);

  reread = mix_tracker_new ();
  if (!mix_tracker_load_json (reread, again, &n_skipped_again, &error))
    fuzz_fail ("the saved tracker is refused: %s", error->message);
  if (n_skipped_again != n_skipped || count_rows (reread) != count_rows (tracker))
    fuzz_fail ("%u rows and %u unreadable before saving, %u and %u after",
               count_rows (tracker), n_skipped, count_rows (reread), n_skipped_again);

  /* Saving what was read back changes nothing. */
  saved_again = save (reread, again, &saved_again_length);
  fuzz_check_same_document (saved, saved_length, saved_again, saved_again_length);

  fuzz_store_round_trip (MIX_DOMAIN_TRACKER, (const char *) data, size);

  return 0;
}
