/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mix-reminders.h"
#include "mix-store.h"

G_BEGIN_DECLS

#define MIX_TYPE_APPLICATION (mix_application_get_type ())

G_DECLARE_FINAL_TYPE (MixApplication, mix_application, MIX, APPLICATION, AdwApplication)

MixApplication *mix_application_new          (void);
MixStore       *mix_application_get_store    (MixApplication *self);
GSettings      *mix_application_get_settings (MixApplication *self);
MixReminders   *mix_application_get_reminders (MixApplication *self);

G_END_DECLS
