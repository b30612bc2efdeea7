/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mix-application.h"

G_BEGIN_DECLS

#define MIX_TYPE_PREFERENCES_WINDOW (mix_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (MixPreferencesWindow, mix_preferences_window, MIX, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

MixPreferencesWindow *mix_preferences_window_new (MixApplication *application);

G_END_DECLS
