/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mix-store.h"

G_BEGIN_DECLS

#define MIX_TYPE_SESSION_HISTORY (mix_session_history_get_type ())

G_DECLARE_FINAL_TYPE (MixSessionHistory, mix_session_history, MIX, SESSION_HISTORY, GtkWidget)

MixStore *mix_session_history_get_store (MixSessionHistory *self);
void      mix_session_history_set_store (MixSessionHistory *self,
                                         MixStore          *store);

G_END_DECLS
