/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fuzz-common.h"
#include "mix-drafts.h"
#include "mix-json.h"

/*
 * messages.json as MixStore reads it: the safe parse and the store's checks,
 * mix_drafts_load_json(), then the document the store would save
 * (build_document() with mix_drafts_save_json()), which must read back with
 * the same drafts. A document the checks accept also goes through a real
 * MixStore on disk.
 */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

static char *
save (MixDrafts  *drafts,
      JsonObject *old,
      gsize      *length)
{
  g_autoptr(JsonObject) root = fuzz_copy_document (MIX_DOMAIN_MESSAGES, old);
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  mix_drafts_save_json (drafts, root);
  json_node_set_object (node, root);
  return mix_json_to_data (node, length);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(JsonObject) again = NULL;
  g_autoptr(MixDrafts) drafts = NULL;
  g_autoptr(MixDrafts) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  gsize saved_length = 0;
  gsize saved_again_length = 0;
  guint n_skipped = 0;
  guint n_skipped_again = 0;
  guint n_drafts;
  gboolean newer = FALSE;

  root = fuzz_read_document (MIX_DOMAIN_MESSAGES, (const char *) data, size, &newer);
  if (root == NULL)
    return 0;

  drafts = mix_drafts_new ();
  if (newer)
    {
      mix_drafts_load_json (drafts, root, &n_skipped, NULL);
      return 0;
    }
  if (!mix_drafts_load_json (drafts, root, &n_skipped, &error))
    return 0;

  /* What the Messages page does with each draft it shows. */
  n_drafts = g_list_model_get_n_items (G_LIST_MODEL (drafts));
  for (guint i = 0; i < n_drafts; i++)
    {
      g_autoptr(MixDraft) draft = g_list_model_get_item (G_LIST_MODEL (drafts), i);
      MixRecipient recipient = { mix_draft_get_recipient (draft), NULL, NULL, NULL };
      gboolean answers[MIX_N_CHECKS];
      MixChecklistResult result;

      mix_draft_get_manual_answers (draft, answers);
      mix_checklist_evaluate (mix_draft_get_body (draft), mix_draft_get_subject (draft),
                              mix_draft_get_channel (draft), FALSE, &recipient, &result);
      mix_checklist_score (&result, answers, NULL);
      if (mix_draft_get_contact_id (draft) != NULL)
        mix_drafts_find_prep (drafts, mix_draft_get_contact_id (draft));
    }

  saved = save (drafts, root, &saved_length);
  again = fuzz_reread_document (MIX_DOMAIN_MESSAGES, saved, saved_length);

  reread = mix_drafts_new ();
  if (!mix_drafts_load_json (reread, again, &n_skipped_again, &error))
    fuzz_fail ("the saved messages are refused: %s", error->message);
  if (n_skipped_again != n_skipped || g_list_model_get_n_items (G_LIST_MODEL (reread)) != n_drafts)
    fuzz_fail ("%u drafts and %u unreadable before saving, %u and %u after", n_drafts, n_skipped,
               g_list_model_get_n_items (G_LIST_MODEL (reread)), n_skipped_again);

  saved_again = save (reread, again, &saved_again_length);
  fuzz_check_same_document (saved, saved_length, saved_again, saved_again_length);

  fuzz_store_round_trip (MIX_DOMAIN_MESSAGES, (const char *) data, size);

  return 0;
}
