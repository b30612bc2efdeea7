/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mix-outreach.h"

G_BEGIN_DECLS

#define MIX_TYPE_DRAFT_EDITOR (mix_draft_editor_get_type ())

G_DECLARE_FINAL_TYPE (MixDraftEditor, mix_draft_editor, MIX, DRAFT_EDITOR, AdwBin)

MixOutreach *mix_draft_editor_get_outreach   (MixDraftEditor *self);
void         mix_draft_editor_set_outreach   (MixDraftEditor *self,
                                              MixOutreach    *outreach);
void         mix_draft_editor_load           (MixDraftEditor *self);
void         mix_draft_editor_update_contact (MixDraftEditor *self);
gboolean     mix_draft_editor_link_contact   (MixDraftEditor *self,
                                              const char     *contact_id);
void         mix_draft_editor_replace_body   (MixDraftEditor *self,
                                              const char     *text);
void         mix_draft_editor_set_writable   (MixDraftEditor *self,
                                              gboolean        writable);
void         mix_draft_editor_focus_body     (MixDraftEditor *self);
void         mix_draft_editor_focus_recipient (MixDraftEditor *self);

G_END_DECLS
