/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mix-history.h"
#include "mix-store.h"
#include "mix-week.h"

G_BEGIN_DECLS

#define MIX_TYPE_TODAY_PAGE (mix_today_page_get_type ())

G_DECLARE_FINAL_TYPE (MixTodayPage, mix_today_page, MIX, TODAY_PAGE, AdwBin)

void       mix_today_page_set_store   (MixTodayPage *self,
                                       MixStore     *store);
void       mix_today_page_set_history (MixTodayPage *self,
                                       MixHistory   *history);
void       mix_today_page_set_today   (MixTodayPage *self,
                                       const GDate  *today);
GPtrArray *mix_today_page_get_items   (MixTodayPage *self);
void       mix_today_page_refresh     (MixTodayPage *self);
void       mix_today_page_set_settings (MixTodayPage *self,
                                        GSettings    *settings);
const MixWeek *mix_today_page_get_week (MixTodayPage *self);
gboolean   mix_today_page_export_to   (MixTodayPage *self,
                                       GFile        *file);

G_END_DECLS
