/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mix-guide.h"
#include "mix-session-record.h"

G_BEGIN_DECLS

#define MIX_TYPE_SESSION_PROMPTS (mix_session_prompts_get_type ())

G_DECLARE_FINAL_TYPE (MixSessionPrompts, mix_session_prompts, MIX, SESSION_PROMPTS, GtkWidget)

MixSessionRecord *mix_session_prompts_get_record (MixSessionPrompts *self);
void              mix_session_prompts_show       (MixSessionPrompts *self,
                                                  MixSessionRecord  *record,
                                                  MixPhase           phase);

G_END_DECLS
