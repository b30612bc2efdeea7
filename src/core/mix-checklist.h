/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The personalization checklist of the Messages page: a pure analysis of a
 * draft message, cheap enough to run on every keystroke (one pass over the
 * text after casefolding it once, no regular expressions, a couple of
 * allocations). */

typedef enum
{
  MIX_CHANNEL_LINKEDIN_NOTE,
  MIX_CHANNEL_LINKEDIN_MESSAGE,
  MIX_CHANNEL_EMAIL,
} MixChannel;

/* The LinkedIn limits, in Unicode characters. */
#define MIX_CHANNEL_NOTE_LIMIT          300
#define MIX_CHANNEL_NOTE_LIMIT_FREE     200
#define MIX_CHANNEL_MESSAGE_LIMIT       8000
/* What fits an email, in words. */
#define MIX_CHANNEL_EMAIL_MIN_WORDS     50
#define MIX_CHANNEL_EMAIL_MAX_WORDS     125

/* The highest Flesch–Kincaid grade that counts as easy to read. */
#define MIX_CHECKLIST_MAX_GRADE         8.0

/* What is known of the recipient (from the tracker); every field nullable. */
typedef struct
{
  const char *name;             /* full name, e.g. "Zoë Ångström" */
  const char *company;
  const char *role;
  const char *research_notes;
} MixRecipient;

typedef struct
{
  guint  characters;            /* Unicode characters (g_utf8_strlen) */
  guint  words;                 /* runs of letters, digits and apostrophes */
  guint  sentences;             /* runs ending in . ! ? (or the end of the text) */
  guint  questions;             /* runs of question marks */
  double grade;                 /* Flesch–Kincaid grade level, ≥ 0; 0 for empty text */
  guint  limit;                 /* the channel's character limit; 0 = none (email) */
} MixTextStats;

void mix_text_stats_compute (const char   *text,
                             MixChannel    channel,
                             gboolean      free_account,
                             MixTextStats *stats);

guint mix_channel_get_limit (MixChannel channel,
                             gboolean   free_account);

typedef enum
{
  MIX_CHECK_RESEARCHED,
  MIX_CHECK_GREETS_BY_NAME,
  MIX_CHECK_SPECIFIC,
  MIX_CHECK_WHY_THEM,
  MIX_CHECK_CAREER_CHANGE,
  MIX_CHECK_ONE_ASK,
  MIX_CHECK_FITS_CHANNEL,
  MIX_CHECK_NO_GENERIC_OPENER,
  MIX_CHECK_ABOUT_THEM,
  MIX_CHECK_EASY_TO_READ,
  MIX_CHECK_PROOFREAD,
  MIX_N_CHECKS,
} MixCheck;

typedef enum
{
  MIX_CHECK_KIND_AUTO,            /* decided by the analysis alone */
  MIX_CHECK_KIND_MANUAL,          /* the user answers */
  MIX_CHECK_KIND_AUTO_OR_MANUAL,  /* decided by the analysis; the user may tick it anyway */
} MixCheckKind;

typedef struct
{
  MixCheck      check;
  const char   *id;             /* "researched", … stable, for files */
  const char   *title;          /* untranslated (N_()): translate with gettext() */
  const char   *explanation;    /* untranslated: what the check looks for, for a tooltip */
  MixCheckKind  kind;
} MixCheckInfo;

const MixCheckInfo *mix_check_get_info    (MixCheck    check);
gboolean            mix_check_from_id     (const char *id,
                                           MixCheck   *check);

typedef struct
{
  /* passed[i] is meaningful only where decided[i]. decided[i] is FALSE for
   * manual items, and for greets-by-name and specific when nothing is known
   * of the recipient to compare with: the user answers those. */
  gboolean     passed[MIX_N_CHECKS];
  gboolean     decided[MIX_N_CHECKS];
  MixTextStats stats;
} MixChecklistResult;

void  mix_checklist_evaluate (const char         *text,
                              const char         *subject,
                              MixChannel          channel,
                              gboolean            free_account,
                              const MixRecipient *recipient,
                              MixChecklistResult *result);

guint mix_checklist_score    (const MixChecklistResult *result,
                              const gboolean            manual_answers[MIX_N_CHECKS],
                              guint                    *total);

gboolean mix_checklist_item_checked (const MixChecklistResult *result,
                                     const gboolean            manual_answers[MIX_N_CHECKS],
                                     MixCheck                  check);

/* The recipient's first name as written (the first word of the name,
 * skipping a title such as "Dr."), or NULL when there is none. */
char *mix_recipient_dup_first_name (const MixRecipient *recipient);

G_END_DECLS
