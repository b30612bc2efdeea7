/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mix-record.h"

G_BEGIN_DECLS

#define MIX_TYPE_TRACKER_DETAILS (mix_tracker_details_get_type ())

G_DECLARE_FINAL_TYPE (MixTrackerDetails, mix_tracker_details, MIX, TRACKER_DETAILS, GtkBox)

MixRecord   *mix_tracker_details_get_record    (MixTrackerDetails *self);
void         mix_tracker_details_set_record    (MixTrackerDetails *self,
                                                MixRecord         *record);
gboolean     mix_tracker_details_get_editable  (MixTrackerDetails *self);
void         mix_tracker_details_set_editable  (MixTrackerDetails *self,
                                                gboolean           editable);
GtkTextView *mix_tracker_details_get_text_view (MixTrackerDetails *self,
                                                guint              column);

G_END_DECLS
