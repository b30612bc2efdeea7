/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mix-application.h"
#include "mix-history.h"

G_BEGIN_DECLS

#define MIX_TYPE_WINDOW (mix_window_get_type ())

G_DECLARE_FINAL_TYPE (MixWindow, mix_window, MIX, WINDOW, AdwApplicationWindow)

MixWindow  *mix_window_new              (MixApplication *application);
void        mix_window_show_page        (MixWindow      *self,
                                         const char     *name);
const char *mix_window_get_visible_page (MixWindow      *self);
void        mix_window_set_presenting   (MixWindow      *self,
                                         gboolean        presenting);
MixHistory *mix_window_get_history      (MixWindow      *self);

G_END_DECLS
