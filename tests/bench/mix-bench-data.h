/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mix-store.h"

G_BEGIN_DECLS

void     mix_bench_fill_tracker   (MixTracker  *tracker,
                                   guint        rows_per_tab,
                                   guint32      seed);
void     mix_bench_fill_drafts    (MixDrafts   *drafts,
                                   MixTracker  *tracker,
                                   guint        n_drafts,
                                   guint32      seed);
void     mix_bench_fill_sessions  (MixSessionLog *log,
                                   guint        n_sessions,
                                   guint32      seed);
gboolean mix_bench_write_data_dir_full (const char *directory,
                                        guint       rows_per_tab,
                                        guint       n_drafts,
                                        guint       n_sessions,
                                        GError    **error);
gboolean mix_bench_write_data_dir (const char  *directory,
                                   guint        rows_per_tab,
                                   GError     **error);
double   mix_bench_median         (GArray      *samples);
double   mix_bench_max            (GArray      *samples);

G_END_DECLS
