/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mix-history.h"
#include "mix-tracker.h"

G_BEGIN_DECLS

/**
 * MixImportMerge:
 *
 * What importing rows into a tab that may already hold them does: a row
 * that is someone already there (the same LinkedIn profile, the same email,
 * or the same name at the same company) fills only that row's empty fields
 * and never changes what the user typed; the others are added.
 */
typedef struct _MixImportMerge MixImportMerge;

MixImportMerge *mix_import_merge_new           (MixTracker     *tracker,
                                                MixTab          tab,
                                                GPtrArray      *records);
void            mix_import_merge_free          (MixImportMerge *self);
guint           mix_import_merge_get_n_new       (MixImportMerge *self);
guint           mix_import_merge_get_n_updated   (MixImportMerge *self);
guint           mix_import_merge_get_n_unchanged (MixImportMerge *self);
GPtrArray      *mix_import_merge_get_new_rows  (MixImportMerge *self);
void            mix_import_merge_apply         (MixImportMerge *self,
                                                MixHistory     *history,
                                                const char     *label);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MixImportMerge, mix_import_merge_free)

G_END_DECLS
