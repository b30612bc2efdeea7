/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mix-guide.h"
#include "mix-session-record.h"

G_BEGIN_DECLS

#define MIX_TYPE_SESSION_NOTES (mix_session_notes_get_type ())

G_DECLARE_FINAL_TYPE (MixSessionNotes, mix_session_notes, MIX, SESSION_NOTES, GtkWidget)

MixSessionRecord *mix_session_notes_get_record   (MixSessionNotes  *self);
void              mix_session_notes_show         (MixSessionNotes  *self,
                                                  MixSessionRecord *record,
                                                  MixPhase          phase);
void              mix_session_notes_set_writable (MixSessionNotes  *self,
                                                  gboolean          writable);

G_END_DECLS
