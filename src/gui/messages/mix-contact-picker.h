/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mix-tracker.h"

G_BEGIN_DECLS

#define MIX_TYPE_CONTACT_PICKER (mix_contact_picker_get_type ())

G_DECLARE_FINAL_TYPE (MixContactPicker, mix_contact_picker, MIX, CONTACT_PICKER, GtkPopover)

MixTracker *mix_contact_picker_get_tracker (MixContactPicker *self);
void        mix_contact_picker_set_tracker (MixContactPicker *self,
                                            MixTracker       *tracker);

G_END_DECLS
