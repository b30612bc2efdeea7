/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MIX_TYPE_CELL_TEXT (mix_cell_text_get_type ())

G_DECLARE_FINAL_TYPE (MixCellText, mix_cell_text, MIX, CELL_TEXT, GtkWidget)

GtkWidget  *mix_cell_text_new             (void);
void        mix_cell_text_set_text        (MixCellText *self,
                                           const char  *text);
const char *mix_cell_text_get_text        (MixCellText *self);
void        mix_cell_text_set_line_height (MixCellText *self,
                                           int          line_height);

G_END_DECLS
