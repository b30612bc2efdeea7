/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mix-circle.h"

G_BEGIN_DECLS

#define MIX_TYPE_SESSION_CLOCK (mix_session_clock_get_type ())

G_DECLARE_FINAL_TYPE (MixSessionClock, mix_session_clock, MIX, SESSION_CLOCK, GtkWidget)

void mix_session_clock_show          (MixSessionClock      *self,
                                     const MixCircleClock *clock);
void mix_session_clock_describe      (MixSessionClock      *self,
                                      const char           *text);
void mix_session_clock_focus_present (MixSessionClock      *self);
void mix_session_clock_focus_toggle  (MixSessionClock      *self);

G_END_DECLS
