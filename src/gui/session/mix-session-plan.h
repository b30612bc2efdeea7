/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mix-history.h"
#include "mix-timer.h"

G_BEGIN_DECLS

#define MIX_TYPE_SESSION_PLAN (mix_session_plan_get_type ())

G_DECLARE_FINAL_TYPE (MixSessionPlan, mix_session_plan, MIX, SESSION_PLAN, GtkWidget)

MixTimer *mix_session_plan_get_timer    (MixSessionPlan *self);
void      mix_session_plan_set_timer    (MixSessionPlan *self,
                                         MixTimer       *timer);
void      mix_session_plan_set_history  (MixSessionPlan *self,
                                         MixHistory     *history);
void      mix_session_plan_set_writable (MixSessionPlan *self,
                                         gboolean        writable);
void      mix_session_plan_set_editable (MixSessionPlan *self,
                                         gboolean        editable);
void      mix_session_plan_sync         (MixSessionPlan *self);

G_END_DECLS
