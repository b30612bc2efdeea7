/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "mix-guide.h"

G_BEGIN_DECLS

#define MIX_TYPE_SESSION_RECORD (mix_session_record_get_type ())

G_DECLARE_FINAL_TYPE (MixSessionRecord, mix_session_record, MIX, SESSION_RECORD, GObject)

MixSessionRecord *mix_session_record_new                 (void);
MixSessionRecord *mix_session_record_new_from_json       (JsonNode         *node,
                                                          GError          **error);
JsonNode         *mix_session_record_to_json             (MixSessionRecord *self);

const char       *mix_session_record_get_id              (MixSessionRecord *self);

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

G_END_DECLS
