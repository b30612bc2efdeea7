/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mix-session-record.h"

G_BEGIN_DECLS

#define MIX_TYPE_SESSION_CLOSE_OUT (mix_session_close_out_get_type ())

G_DECLARE_FINAL_TYPE (MixSessionCloseOut, mix_session_close_out, MIX, SESSION_CLOSE_OUT, GtkWidget)

MixSessionRecord *mix_session_close_out_get_record (MixSessionCloseOut *self);
void              mix_session_close_out_set_record (MixSessionCloseOut *self,
                                                    MixSessionRecord   *record);

G_END_DECLS
