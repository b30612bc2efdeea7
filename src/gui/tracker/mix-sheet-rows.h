/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mix-record.h"

G_BEGIN_DECLS

#define MIX_TYPE_SHEET_SLOT (mix_sheet_slot_get_type ())

G_DECLARE_FINAL_TYPE (MixSheetSlot, mix_sheet_slot, MIX, SHEET_SLOT, GObject)

MixRecord    *mix_sheet_slot_get_record (MixSheetSlot *self);
void          mix_sheet_slot_hold       (MixSheetSlot *self);
void          mix_sheet_slot_release    (MixSheetSlot *self);

#define MIX_TYPE_SHEET_ROWS (mix_sheet_rows_get_type ())

G_DECLARE_FINAL_TYPE (MixSheetRows, mix_sheet_rows, MIX, SHEET_ROWS, GObject)

/**
 * MixSheetRowsMatch:
 *
 * Returns: %TRUE if @record is to be shown
 */
typedef gboolean (*MixSheetRowsMatch) (MixRecord *record,
                                       gpointer   user_data);

MixSheetRows *mix_sheet_rows_new        (GListModel        *records,
                                         MixSheetRowsMatch  match,
                                         gpointer           user_data);
void          mix_sheet_rows_set_sorter (MixSheetRows      *self,
                                         GtkSorter         *sorter);
void          mix_sheet_rows_sort       (MixSheetRows      *self);
void          mix_sheet_rows_refilter   (MixSheetRows      *self,
                                         gboolean           narrower);
guint         mix_sheet_rows_get_n_rows (MixSheetRows      *self);
MixRecord    *mix_sheet_rows_get_record (MixSheetRows      *self,
                                         guint              position);
guint         mix_sheet_rows_find       (MixSheetRows      *self,
                                         MixRecord         *record);

G_END_DECLS
