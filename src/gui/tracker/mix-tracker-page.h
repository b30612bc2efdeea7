/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mix-history.h"
#include "mix-sheet-view.h"
#include "mix-store.h"

G_BEGIN_DECLS

#define MIX_TYPE_TRACKER_PAGE (mix_tracker_page_get_type ())

G_DECLARE_FINAL_TYPE (MixTrackerPage, mix_tracker_page, MIX, TRACKER_PAGE, AdwBin)

void          mix_tracker_page_set_history    (MixTrackerPage *self,
                                               MixHistory     *history);
void          mix_tracker_page_set_store      (MixTrackerPage *self,
                                               MixStore       *store,
                                               GSettings      *settings);
MixSheetView *mix_tracker_page_get_sheet      (MixTrackerPage *self,
                                               MixTab          tab);
MixTab        mix_tracker_page_get_current_tab (MixTrackerPage *self);
void          mix_tracker_page_show_tab       (MixTrackerPage *self,
                                               MixTab          tab);

G_END_DECLS
