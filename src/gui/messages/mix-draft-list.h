/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mix-drafts.h"

G_BEGIN_DECLS

#define MIX_TYPE_DRAFT_LIST (mix_draft_list_get_type ())

G_DECLARE_FINAL_TYPE (MixDraftList, mix_draft_list, MIX, DRAFT_LIST, AdwBin)

void       mix_draft_list_set_drafts    (MixDraftList *self,
                                         MixDrafts    *drafts);
void       mix_draft_list_bind          (MixDraftList *self);
gboolean   mix_draft_list_is_bound      (MixDraftList *self);
MixDraft  *mix_draft_list_get_draft     (MixDraftList *self);
void       mix_draft_list_select        (MixDraftList *self,
                                         MixDraft     *draft);
void       mix_draft_list_resort        (MixDraftList *self);
MixDraft  *mix_draft_list_dup_first     (MixDraftList *self,
                                         gboolean      filtered);
void       mix_draft_list_clear_search  (MixDraftList *self);
void       mix_draft_list_focus_search  (MixDraftList *self);
void       mix_draft_list_focus_draft   (MixDraftList *self);

G_END_DECLS
