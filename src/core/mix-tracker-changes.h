/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mix-history.h"
#include "mix-tracker.h"

G_BEGIN_DECLS

/* The tracker's changes as a window's history takes them (see
 * #MixHistory): each is made first, then pushed. */

void mix_tracker_changes_edited  (MixHistory *history,
                                  MixTracker *tracker,
                                  MixRecord  *record,
                                  guint       column,
                                  const char *old_value);
void mix_tracker_changes_added   (MixHistory *history,
                                  MixTracker *tracker,
                                  GPtrArray  *records,
                                  const char *label);
void mix_tracker_changes_deleted (MixHistory *history,
                                  MixTracker *tracker,
                                  GPtrArray  *records,
                                  GArray     *positions,
                                  const char *label);

gboolean mix_tracker_delete_rows (MixTracker *tracker,
                                  GPtrArray  *records,
                                  MixHistory *history);

G_END_DECLS
