/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "mix-merge.h"
#include "mix-session-record.h"

G_BEGIN_DECLS

#define MIX_TYPE_GOAL (mix_goal_get_type ())

/**
 * MixGoal:
 * @id: stable, for files
 * @text: what the goal is; never %NULL
 * @due: (nullable): when it is due, as `YYYY-MM-DD`
 * @buddy: the accountability buddy; never %NULL, may be empty
 * @created: (nullable): when it was set, as ISO 8601 UTC
 * @done: whether it was reached
 * @session_id: (nullable): the session it was set in
 * @person: (nullable): whose goal it is, by name; %NULL for the group's
 *   one goal that versions before goals for each person kept
 *
 * A networking goal set at the close of a session.
 */
typedef struct
{
  char     *id;
  char     *text;
  char     *due;
  char     *buddy;
  char     *created;
  gboolean  done;
  char     *session_id;
  char     *person;
} MixGoal;

GType    mix_goal_get_type (void) G_GNUC_CONST;
MixGoal *mix_goal_copy     (const MixGoal *goal);
void     mix_goal_free     (MixGoal       *goal);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MixGoal, mix_goal_free)

#define MIX_TYPE_SESSION_LOG (mix_session_log_get_type ())

G_DECLARE_FINAL_TYPE (MixSessionLog, mix_session_log, MIX, SESSION_LOG, GObject)

MixSessionLog    *mix_session_log_new           (void);

gboolean          mix_session_log_load_json     (MixSessionLog     *self,
                                                 JsonObject        *root,
                                                 guint             *n_skipped,
                                                 GError           **error);
void              mix_session_log_save_json     (MixSessionLog     *self,
                                                 JsonObject        *root);

void              mix_session_log_add_finished  (MixSessionLog     *self,
                                                 MixSessionRecord  *record);
MixSessionRecord *mix_session_log_find_session  (MixSessionLog     *self,
                                                 const char        *session_id);

guint             mix_session_log_get_n_goals   (MixSessionLog     *self);
const MixGoal    *mix_session_log_get_goal      (MixSessionLog     *self,
                                                 guint              index);
const MixGoal    *mix_session_log_find_goal     (MixSessionLog     *self,
                                                 const char        *goal_id);
gboolean          mix_session_log_set_goal_done (MixSessionLog     *self,
                                                 const char        *goal_id,
                                                 gboolean           done);

gboolean          mix_session_log_merge_json    (MixSessionLog     *self,
                                                 JsonObject        *theirs,
                                                 MixMerge          *merge);

G_END_DECLS
