/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mix-history.h"
#include "mix-session-record.h"

G_BEGIN_DECLS

#define MIX_TYPE_SESSION_ROSTER (mix_session_roster_get_type ())

G_DECLARE_FINAL_TYPE (MixSessionRoster, mix_session_roster, MIX, SESSION_ROSTER, GtkWidget)

MixSessionRecord *mix_session_roster_get_record  (MixSessionRoster *self);
void              mix_session_roster_set_record  (MixSessionRoster *self,
                                                  MixSessionRecord *record);
void              mix_session_roster_set_history (MixSessionRoster *self,
                                                  MixHistory       *history);
void              mix_session_roster_set_writable (MixSessionRoster *self,
                                                   gboolean          writable);
void              mix_session_roster_rebuild     (MixSessionRoster *self);
gboolean          mix_session_roster_take_focus  (MixSessionRoster *self);
void              mix_session_roster_clear       (MixSessionRoster *self);

G_END_DECLS
