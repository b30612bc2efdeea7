/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mix-history.h"
#include "mix-store.h"

G_BEGIN_DECLS

#define MIX_TYPE_MESSAGES_PAGE (mix_messages_page_get_type ())

G_DECLARE_FINAL_TYPE (MixMessagesPage, mix_messages_page, MIX, MESSAGES_PAGE, AdwBin)

void      mix_messages_page_set_store     (MixMessagesPage *self,
                                           MixStore        *store,
                                           GSettings       *settings);
MixDraft *mix_messages_page_get_draft     (MixMessagesPage *self);
void      mix_messages_page_show_draft    (MixMessagesPage *self,
                                           MixDraft        *draft);
gboolean  mix_messages_page_link_contact  (MixMessagesPage *self,
                                           const char      *contact_id);
void      mix_messages_page_apply_template (MixMessagesPage *self,
                                            guint           index);
void      mix_messages_page_get_checklist (MixMessagesPage    *self,
                                           MixChecklistResult *result);
void      mix_messages_page_set_history   (MixMessagesPage *self,
                                           MixHistory      *history);

G_END_DECLS
