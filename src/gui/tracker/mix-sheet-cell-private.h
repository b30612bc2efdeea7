/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mix-sheet-cell.h"

G_BEGIN_DECLS

/* The insides of #MixSheetCell, shared by mix-sheet-cell.c (the widget and
 * what it shows) and mix-sheet-cell-binding.c (its binding to the rows). */

struct _MixSheetCell
{
  GtkBox           parent_instance;

  MixSheetView    *view;       /* unowned: the table the cell is in */
  guint            column;
  const MixColumn *info;
  GtkListItem     *item;       /* unowned, nullable: while bound */
  MixRecord       *record;     /* nullable: the row shown */

  MixCellText     *label;      /* the value (text cells) or the choice (choice cells) */
  GtkWidget       *editor;     /* nullable: the check or choice button */
  GtkWidget       *entry;      /* nullable: while edited */
  GtkWidget       *button;     /* nullable: to open a link or address, or choose a date */
  char            *button_tip; /* the button's tooltip */
  guint            held_edit_id; /* an edit kept through an unbind, until a bind */

  guint            syncing : 1;       /* showing a value, not taking one */
  guint            entry_done : 1;    /* the entry is on its way out */
  guint            following : 1;     /* connected to its slot */
  guint            stale : 1;         /* its row changed while out of sight */
  guint            button_queued : 1; /* to get its button after the layout */
};

void     mix_sheet_cell_set_record              (MixSheetCell *self,
                                                 MixRecord    *record);
void     mix_sheet_cell_shown                   (MixSheetCell *self);
void     mix_sheet_cell_hidden                  (MixSheetCell *self);
void     mix_sheet_cell_show_open_button        (GtkWidget    *button,
                                                 gboolean      shown);
gboolean mix_sheet_cell_query_button_tooltip_cb (GtkWidget    *widget,
                                                 int           x,
                                                 int           y,
                                                 gboolean      keyboard,
                                                 GtkTooltip   *tooltip,
                                                 MixSheetCell *self);

G_END_DECLS
