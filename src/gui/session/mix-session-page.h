/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mix-history.h"
#include "mix-store.h"
#include "mix-timer.h"

G_BEGIN_DECLS

#define MIX_TYPE_SESSION_PAGE (mix_session_page_get_type ())

G_DECLARE_FINAL_TYPE (MixSessionPage, mix_session_page, MIX, SESSION_PAGE, AdwBin)

MixTimer *mix_session_page_get_timer      (MixSessionPage *self);
void      mix_session_page_set_history    (MixSessionPage *self,
                                           MixHistory     *history);
void      mix_session_page_set_store      (MixSessionPage *self,
                                           MixStore       *store,
                                           GSettings      *settings);
gboolean  mix_session_page_get_presenting (MixSessionPage *self);
void      mix_session_page_set_presenting (MixSessionPage *self,
                                           gboolean        presenting);

G_END_DECLS
