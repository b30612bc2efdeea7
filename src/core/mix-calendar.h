/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mix-drafts.h"
#include "mix-tracker.h"

G_BEGIN_DECLS

/* How far ahead Export Follow-ups looks. */
#define MIX_CALENDAR_DAYS_AHEAD 90

char     *mix_calendar_follow_ups     (MixTracker   *tracker,
                                       MixDrafts    *drafts,
                                       const GDate  *today,
                                       GDateTime    *stamp,
                                       guint        *n_events);
gboolean  mix_calendar_export_file    (MixTracker   *tracker,
                                       MixDrafts    *drafts,
                                       const char   *path,
                                       guint        *n_events,
                                       GError      **error);

G_END_DECLS
