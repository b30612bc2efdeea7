/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The curriculum of a Mix It Up group conversation ("Structuring the
 * Conversation" and "Activity Prompts"), as data. Every string is marked
 * with N_() and stored untranslated: translate with gettext() for display. */

#define MIX_TYPE_PHASE (mix_phase_get_type ())

/* The four phases of the conversation, in the order the guide has them. */
typedef enum
{
  MIX_PHASE_INTRODUCTIONS,
  MIX_PHASE_LEADERS_SHARE,
  MIX_PHASE_GROUP_DISCUSSION,
  MIX_PHASE_CLOSE_OUT,
  MIX_N_PHASES,
} MixPhase;

/* The length of a Mix It Up conversation, and the sum of the phases'
 * default minutes. */
#define MIX_GUIDE_SESSION_MINUTES 30

/* The student lead answers one or two of the leader questions. */
#define MIX_GUIDE_MAX_LEADER_QUESTIONS 2

typedef struct
{
  MixPhase            phase;
  const char         *id;               /* "introductions", … stable, for files */
  const char         *title;            /* untranslated */
  guint               min_minutes;      /* the guide's recommended range */
  guint               max_minutes;
  guint               default_minutes;
  const char         *summary;          /* untranslated */
  const char * const *prompts;          /* untranslated, NULL-terminated */
} MixPhaseInfo;

typedef struct
{
  const char         *id;               /* "right-person", … stable, for files */
  const char         *title;            /* untranslated */
  const char         *summary;          /* untranslated */
  const char * const *activities;       /* untranslated, NULL-terminated */
  const char         *page;             /* "tracker", "messages" or NULL */
} MixTopic;

GType               mix_phase_get_type              (void) G_GNUC_CONST;

const MixPhaseInfo *mix_guide_get_phase             (MixPhase     phase);
gboolean            mix_guide_phase_from_id         (const char  *id,
                                                     MixPhase    *phase);
const char * const *mix_guide_get_leader_questions  (void);

guint               mix_guide_get_n_topics          (void);
const MixTopic     *mix_guide_get_topic             (guint        index);
const MixTopic     *mix_guide_find_topic            (const char  *id);

G_END_DECLS
