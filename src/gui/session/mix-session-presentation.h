/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mix-circle.h"

G_BEGIN_DECLS

#define MIX_TYPE_SESSION_PRESENTATION (mix_session_presentation_get_type ())

G_DECLARE_FINAL_TYPE (MixSessionPresentation, mix_session_presentation, MIX, SESSION_PRESENTATION,
                      GtkWidget)

void mix_session_presentation_show        (MixSessionPresentation *self,
                                           const MixCircleClock   *clock);
void mix_session_presentation_focus       (MixSessionPresentation *self);

void mix_session_presentation_set_prompt (MixSessionPresentation *self,
                                          const char             *prompt);

G_END_DECLS
