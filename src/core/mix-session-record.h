/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "mix-guide.h"

G_BEGIN_DECLS

/* The programs a person can be in; anything else is free text. */
#define MIX_PROGRAM_FRONT_END "front-end"
#define MIX_PROGRAM_BACK_END  "back-end"

/* The highest module and confidence a person can give; 0 is "not said". */
#define MIX_PERSON_MAX_MODULE     4
#define MIX_PERSON_MAX_CONFIDENCE 5

#define MIX_TYPE_PERSON (mix_person_get_type ())

/**
 * MixPerson:
 * @name: required; never empty once on a roster
 * @pronouns: (nullable): free text
 * @program: (nullable): %MIX_PROGRAM_FRONT_END, %MIX_PROGRAM_BACK_END or other text
 * @cohort: (nullable): free text
 * @module: 1 to 4, or 0 when not known
 * @confidence: about networking, 1 to 5, or 0 when not said
 * @leader: whether the person leads the group
 * @goal: (nullable): the networking goal they set in Close Out
 * @goal_due: (nullable): when it is due, as `YYYY-MM-DD`, or empty
 * @buddy: (nullable): who holds them to it, usually someone of the group
 *
 * Someone in the group, as introduced, and the goal they set at the end.
 * A person read from a roster never has %NULL text: what was not given is
 * the empty string.
 */
typedef struct
{
  char     *name;
  char     *pronouns;
  char     *program;
  char     *cohort;
  guint     module;
  guint     confidence;
  gboolean  leader;
  char     *goal;
  char     *goal_due;
  char     *buddy;
} MixPerson;

GType      mix_person_get_type (void) G_GNUC_CONST;
MixPerson *mix_person_new      (const char      *name);
MixPerson *mix_person_copy     (const MixPerson *person);
void       mix_person_free     (MixPerson       *person);
gboolean   mix_person_equal    (const MixPerson *a,
                                const MixPerson *b);
gboolean   mix_person_has_goal (const MixPerson *person);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MixPerson, mix_person_free)

#define MIX_TYPE_SESSION_RECORD (mix_session_record_get_type ())

G_DECLARE_FINAL_TYPE (MixSessionRecord, mix_session_record, MIX, SESSION_RECORD, GObject)

/* Someone taken off the roster with all that is known of them, to be put
 * back: see mix_session_record_take_person(). */
typedef struct _MixRosterEntry MixRosterEntry;

MixSessionRecord *mix_session_record_new                 (void);
MixSessionRecord *mix_session_record_new_from_json       (JsonNode         *node,
                                                          GError          **error);
JsonNode         *mix_session_record_to_json             (MixSessionRecord *self);

const char       *mix_session_record_get_id              (MixSessionRecord *self);
const char       *mix_session_record_get_modified        (MixSessionRecord *self);
gboolean          mix_session_record_is_blank            (MixSessionRecord *self);
const char       *mix_session_record_get_started         (MixSessionRecord *self);
const char       *mix_session_record_get_finished        (MixSessionRecord *self);
void              mix_session_record_finish              (MixSessionRecord *self);

gboolean          mix_session_record_get_leader_question (MixSessionRecord *self,
                                                          guint             index);
gboolean          mix_session_record_set_leader_question (MixSessionRecord *self,
                                                          guint             index,
                                                          gboolean          picked);
guint             mix_session_record_count_leader_questions (MixSessionRecord *self);

const char       *mix_session_record_get_topic           (MixSessionRecord *self);
void              mix_session_record_set_topic           (MixSessionRecord *self,
                                                          const char       *topic_id);
gboolean          mix_session_record_get_activity        (MixSessionRecord *self,
                                                          guint             index);
void              mix_session_record_set_activity        (MixSessionRecord *self,
                                                          guint             index,
                                                          gboolean          done);

const char       *mix_session_record_get_notes           (MixSessionRecord *self,
                                                          MixPhase          phase);
void              mix_session_record_set_notes           (MixSessionRecord *self,
                                                          MixPhase          phase,
                                                          const char       *notes);

guint             mix_session_record_get_n_people        (MixSessionRecord *self);
const MixPerson  *mix_session_record_get_person          (MixSessionRecord *self,
                                                          guint             index);
gboolean          mix_session_record_add_person          (MixSessionRecord *self,
                                                          const MixPerson  *person,
                                                          GError          **error);
gboolean          mix_session_record_update_person       (MixSessionRecord *self,
                                                          guint             index,
                                                          const MixPerson  *person,
                                                          GError          **error);
void              mix_session_record_remove_person       (MixSessionRecord *self,
                                                          guint             index);
MixRosterEntry   *mix_session_record_take_person         (MixSessionRecord *self,
                                                          guint             index);
void              mix_session_record_restore_person      (MixSessionRecord *self,
                                                          guint             index,
                                                          MixRosterEntry   *entry);
const MixPerson  *mix_roster_entry_get_person            (MixRosterEntry   *entry);
void              mix_roster_entry_free                  (MixRosterEntry   *entry);
double            mix_session_record_get_average_confidence (MixSessionRecord *self);
gboolean          mix_session_record_set_person_goal     (MixSessionRecord *self,
                                                          guint             index,
                                                          const char       *goal,
                                                          const char       *due,
                                                          const char       *buddy,
                                                          GError          **error);
guint             mix_session_record_count_goals         (MixSessionRecord *self);

const char       *mix_session_record_get_goal_text       (MixSessionRecord *self);
void              mix_session_record_set_goal_text       (MixSessionRecord *self,
                                                          const char       *text);
const char       *mix_session_record_get_goal_due        (MixSessionRecord *self);
gboolean          mix_session_record_set_goal_due        (MixSessionRecord *self,
                                                          const char       *due,
                                                          GError          **error);
const char       *mix_session_record_get_buddy           (MixSessionRecord *self);
void              mix_session_record_set_buddy           (MixSessionRecord *self,
                                                          const char       *buddy);

JsonNode         *mix_session_record_get_timer_state     (MixSessionRecord *self);
void              mix_session_record_set_timer_state     (MixSessionRecord *self,
                                                          JsonNode         *state);

G_END_DECLS
