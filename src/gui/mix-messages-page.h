/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MIX_TYPE_MESSAGES_PAGE (mix_messages_page_get_type ())

G_DECLARE_FINAL_TYPE (MixMessagesPage, mix_messages_page, MIX, MESSAGES_PAGE, AdwBin)

G_END_DECLS
