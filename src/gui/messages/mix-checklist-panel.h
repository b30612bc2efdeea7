/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mix-outreach.h"

G_BEGIN_DECLS

#define MIX_TYPE_CHECKLIST_PANEL (mix_checklist_panel_get_type ())

G_DECLARE_FINAL_TYPE (MixChecklistPanel, mix_checklist_panel, MIX, CHECKLIST_PANEL, AdwBin)

MixOutreach *mix_checklist_panel_get_outreach (MixChecklistPanel *self);
void         mix_checklist_panel_set_outreach (MixChecklistPanel *self,
                                               MixOutreach       *outreach);

G_END_DECLS
