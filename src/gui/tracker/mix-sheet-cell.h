/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mix-cell-text.h"
#include "mix-record.h"
#include "mix-sheet-view.h"

G_BEGIN_DECLS

#define MIX_TYPE_SHEET_CELL (mix_sheet_cell_get_type ())

G_DECLARE_FINAL_TYPE (MixSheetCell, mix_sheet_cell, MIX, SHEET_CELL, GtkBox)

MixSheetCell    *mix_sheet_cell_new          (MixSheetView *view,
                                              guint         column);
MixSheetView    *mix_sheet_cell_get_view     (MixSheetCell *self);
guint            mix_sheet_cell_get_column   (MixSheetCell *self);
const MixColumn *mix_sheet_cell_get_info     (MixSheetCell *self);
MixRecord       *mix_sheet_cell_get_record   (MixSheetCell *self);
guint            mix_sheet_cell_get_position (MixSheetCell *self);
gboolean         mix_sheet_cell_is_text      (MixSheetCell *self);
MixCellText     *mix_sheet_cell_get_label    (MixSheetCell *self);
GtkWidget       *mix_sheet_cell_get_editor   (MixSheetCell *self);
GtkWidget       *mix_sheet_cell_get_button   (MixSheetCell *self);
GtkWidget       *mix_sheet_cell_get_entry    (MixSheetCell *self);
void             mix_sheet_cell_set_entry    (MixSheetCell *self,
                                              GtkWidget    *entry);
gboolean         mix_sheet_cell_get_entry_done (MixSheetCell *self);
void             mix_sheet_cell_set_entry_done (MixSheetCell *self,
                                                gboolean      done);
gboolean         mix_sheet_cell_is_syncing   (MixSheetCell *self);
void             mix_sheet_cell_sync         (MixSheetCell *self);

G_END_DECLS
