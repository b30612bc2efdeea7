/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "mix-checklist.h"

/*
 * The personalization checklist on arbitrary text. The first byte chooses
 * the channel, the kind of account and which parts of the recipient are
 * known; the rest, split at NUL bytes, is the message, the subject, and the
 * recipient's name, company, role and research notes. The bytes are given
 * as they are, valid UTF-8 or not: the analysis makes them valid itself, as
 * text from a file that was not checked would need.
 *
 * Checked: the statistics agree with mix_text_stats_compute() and with
 * g_utf8_strlen(), the score is within the total, and an unknown recipient
 * leaves the name and specific items undecided.
 */

#define N_PARTS 6

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *copy = NULL;
  g_autofree char *valid_text = NULL;
  g_autofree char *first_name = NULL;
  const char *parts[N_PARTS] = { NULL, };
  MixChecklistResult result;
  MixTextStats stats;
  MixRecipient recipient;
  gboolean answers[MIX_N_CHECKS];
  MixChannel channel;
  gboolean free_account;
  guint8 flags;
  guint total = 0;
  guint score;
  char *p;
  char *end;

  if (size < 1)
    return 0;

  flags = data[0];
  channel = (MixChannel) (flags % 3);
  free_account = (flags & 0x04) != 0;

  /* A NUL-terminated copy, split at its NUL bytes. */
  copy = g_malloc (size);
  memcpy (copy, data + 1, size - 1);
  copy[size - 1] = '\0';
  p = copy;
  end = copy + size - 1;
  for (guint i = 0; i < N_PARTS && p <= end; i++)
    {
      parts[i] = p;
      p += strlen (p) + 1;
    }

  /* Each part of the recipient is known or not according to a bit. */
  recipient = (MixRecipient) {
    .name = (flags & 0x08) ? parts[2] : NULL,
    .company = (flags & 0x10) ? parts[3] : NULL,
    .role = (flags & 0x20) ? parts[4] : NULL,
    .research_notes = (flags & 0x40) ? parts[5] : NULL,
  };

  mix_checklist_evaluate (parts[0], parts[1], channel, free_account,
                          (flags & 0x80) ? NULL : &recipient, &result);
  mix_text_stats_compute (parts[0], channel, free_account, &stats);

  if (stats.characters != result.stats.characters || stats.words != result.stats.words ||
      stats.sentences != result.stats.sentences || stats.questions != result.stats.questions ||
      stats.grade != result.stats.grade || stats.limit != result.stats.limit)
    fuzz_fail ("mix_text_stats_compute() and mix_checklist_evaluate() disagree");

  valid_text = g_utf8_make_valid (parts[0] != NULL ? parts[0] : "", -1);
  if (stats.characters != (guint) g_utf8_strlen (valid_text, -1))
    fuzz_fail ("%u characters counted, %ld in the text", stats.characters,
               g_utf8_strlen (valid_text, -1));
  if (stats.limit != mix_channel_get_limit (channel, free_account))
    fuzz_fail ("the limit is %u, not the channel's", stats.limit);
  if (!(stats.grade >= 0.0) || (stats.words == 0 && stats.grade != 0.0))
    fuzz_fail ("grade %f for %u words", stats.grade, stats.words);
  if (stats.words > 0 && stats.sentences == 0)
    fuzz_fail ("%u words in no sentence", stats.words);

  first_name = mix_recipient_dup_first_name ((flags & 0x80) ? NULL : &recipient);
  if (first_name != NULL && !g_utf8_validate (first_name, -1, NULL) &&
      g_utf8_validate (recipient.name, -1, NULL))
    fuzz_fail ("the first name of a valid name is not valid UTF-8");
  if ((flags & 0x80) && (result.decided[MIX_CHECK_GREETS_BY_NAME] ||
                         result.decided[MIX_CHECK_SPECIFIC]))
    fuzz_fail ("an unknown recipient decided the name or specific item");

  for (guint i = 0; i < MIX_N_CHECKS; i++)
    answers[i] = (flags >> (i % 8)) & 1;
  score = mix_checklist_score (&result, answers, &total);
  if (total != MIX_N_CHECKS || score > total)
    fuzz_fail ("score %u of %u", score, total);
  for (guint i = 0; i < MIX_N_CHECKS; i++)
    {
      const MixCheckInfo *info = mix_check_get_info ((MixCheck) i);
      MixCheck check;

      if (info->kind == MIX_CHECK_KIND_MANUAL && result.decided[i])
        fuzz_fail ("the manual item %s was decided", info->id);
      if (!mix_check_from_id (info->id, &check) || check != (MixCheck) i)
        fuzz_fail ("the item %s is not found by its id", info->id);
    }

  return 0;
}
