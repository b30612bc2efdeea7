/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mix-outreach.h"

G_BEGIN_DECLS

#define MIX_TYPE_PREPARE_PANEL (mix_prepare_panel_get_type ())

G_DECLARE_FINAL_TYPE (MixPreparePanel, mix_prepare_panel, MIX, PREPARE_PANEL, AdwBin)

MixOutreach *mix_prepare_panel_get_outreach (MixPreparePanel *self);
void         mix_prepare_panel_set_outreach (MixPreparePanel *self,
                                             MixOutreach     *outreach);
const char  *mix_prepare_panel_get_format   (MixPreparePanel *self);
char        *mix_prepare_panel_dup_notes    (MixPreparePanel *self);
void         mix_prepare_panel_set_writable (MixPreparePanel *self,
                                             gboolean         writable);

G_END_DECLS
