/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mix-timer.h"

G_BEGIN_DECLS

#define MIX_TYPE_SESSION_TURNS (mix_session_turns_get_type ())

G_DECLARE_FINAL_TYPE (MixSessionTurns, mix_session_turns, MIX, SESSION_TURNS, GtkWidget)

void mix_session_turns_show (MixSessionTurns *self,
                             MixTimer        *timer);

G_END_DECLS
