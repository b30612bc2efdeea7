/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MIX_TYPE_TRACKER_PAGE (mix_tracker_page_get_type ())

G_DECLARE_FINAL_TYPE (MixTrackerPage, mix_tracker_page, MIX, TRACKER_PAGE, AdwBin)

G_END_DECLS
