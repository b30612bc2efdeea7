/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MIX_TYPE_SESSION_PAGE (mix_session_page_get_type ())

G_DECLARE_FINAL_TYPE (MixSessionPage, mix_session_page, MIX, SESSION_PAGE, AdwBin)

G_END_DECLS
