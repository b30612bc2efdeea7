/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mix-history.h"

#include "mix-tracker.h"

G_BEGIN_DECLS

#define MIX_TYPE_SHEET_VIEW (mix_sheet_view_get_type ())

G_DECLARE_FINAL_TYPE (MixSheetView, mix_sheet_view, MIX, SHEET_VIEW, GtkWidget)

MixSheetView *mix_sheet_view_new              (MixTracker   *tracker,
                                               MixTab        tab);
MixTab        mix_sheet_view_get_tab          (MixSheetView *self);
GtkSelectionModel *mix_sheet_view_get_selection (MixSheetView *self);
GtkColumnView *mix_sheet_view_get_column_view (MixSheetView *self);
guint         mix_sheet_view_get_n_visible_rows (MixSheetView *self);
MixRecord    *mix_sheet_view_get_visible_row  (MixSheetView *self,
                                               guint         position);

void          mix_sheet_view_set_search       (MixSheetView *self,
                                               const char   *text);
void          mix_sheet_view_set_history      (MixSheetView *self,
                                               MixHistory   *history);
void          mix_sheet_view_set_read_only    (MixSheetView *self,
                                               gboolean      read_only);

MixRecord    *mix_sheet_view_add_row          (MixSheetView *self);
GPtrArray    *mix_sheet_view_get_selected     (MixSheetView *self);
gboolean      mix_sheet_view_release_focus    (MixSheetView *self);
MixRecord    *mix_sheet_view_get_focus_record (MixSheetView *self);
void          mix_sheet_view_select_record    (MixSheetView *self,
                                               MixRecord    *record,
                                               gboolean      edit_first_cell);
GtkWidget    *mix_sheet_view_edit_cell        (MixSheetView *self,
                                               MixRecord    *record,
                                               guint         column);
gboolean      mix_sheet_view_commit_text      (MixSheetView *self,
                                               MixRecord    *record,
                                               guint         column,
                                               const char   *text);

G_END_DECLS
