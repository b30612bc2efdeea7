/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mix-sheet-cell.h"
#include "mix-sheet-rows.h"
#include "mix-sheet-view.h"

G_BEGIN_DECLS

/* The insides of #MixSheetView, shared by the files it is split into:
 * mix-sheet-view.c (the models, the columns, search and sort),
 * mix-sheet-view-actions.c (selection, focus and keys),
 * mix-sheet-view-edit.c (editing cells) and mix-sheet-cell.c (the cells
 * and their binding to the rows). */

/* A column of the table, the user data of its factory and sorter. */
typedef struct
{
  MixSheetView *view;
  guint         column;
} MixSheetColumn;

struct _MixSheetView
{
  GtkWidget            parent_instance;

  GtkColumnView       *column_view;
  AdwStatusPage       *empty_page;
  GtkStack            *stack;

  MixTracker          *tracker;
  MixTab               tab;
  GListModel          *rows;         /* the tab's store */
  MixSheetRows        *visible;      /* the rows shown: searched and sorted */
  GtkMultiSelection   *selection;
  MixSheetColumn      *columns;
  char                *needle;       /* casefolded search text, as shown */
  char                *pending_needle; /* nullable: to search for when next shown */
  char                *today;        /* for marking overdue follow-ups */
  MixRecord           *pending_edit; /* weak: the row whose first cell to edit when shown */
  guint                edit_tick;     /* waits for that cell to stay in place */
  GtkWidget           *edit_seen;     /* unowned, compared only: where it was last frame */
  guint                edit_frames;
  gboolean             read_only;
  MixHistory          *history;            /* nullable: where changes go, for Undo */
  gboolean             bound;         /* the models are attached: see bind_models() */
  double               width_scale;   /* text size against 100 %: see measure_text() */
  int                  line_height;   /* of the cells' text, in pixels */
  guint                select_idle;
  gboolean             collapse_selection;  /* the focus moved by a plain click or arrow */
  gboolean             keep_selection;      /* a Ctrl or Shift click chose the rows itself */
  guint                select_anchor;       /* where a Shift click selects from */
  guint                open_popovers;  /* choice lists and calendars open on cells */
  GtkRoot             *focus_root;    /* nullable: the window whose focus is watched */
  GdkFrameClock       *clock;         /* nullable: while realized */
  GPtrArray           *button_cells;  /* mapped cells to give a button: see on_clock_layout_cb() */
};

/* mix-sheet-view.c */
void       mix_sheet_view_bind_models          (MixSheetView   *self);
void       mix_sheet_view_search_pending       (MixSheetView   *self);
GtkWidget *mix_sheet_view_find_list_view       (MixSheetView   *self);

/* mix-sheet-view-actions.c */
gboolean   mix_sheet_view_contains_focus       (GtkWidget      *widget);
gboolean   mix_sheet_view_tab_from_cell        (MixSheetView   *self,
                                                MixSheetCell   *cell,
                                                gboolean        forward);
gboolean   mix_sheet_view_cell_key_pressed     (MixSheetView   *self,
                                                MixSheetCell   *cell,
                                                guint           keyval,
                                                GdkModifierType state);
void       mix_sheet_view_cell_pressed         (MixSheetView   *self,
                                                MixSheetCell   *cell,
                                                GtkGesture     *gesture,
                                                int             n_press);
void       mix_sheet_view_watch_focus          (MixSheetView   *self,
                                                GtkRoot        *root);
void       mix_sheet_view_unwatch_focus        (MixSheetView   *self);
GPtrArray *mix_sheet_view_keep_selection       (MixSheetView   *self);
void       mix_sheet_view_restore_selection    (MixSheetView   *self,
                                                GPtrArray      *selected);

/* mix-sheet-view-edit.c */
void       mix_sheet_view_begin_editing        (MixSheetView   *self,
                                                MixSheetCell   *cell,
                                                const char     *initial);
void       mix_sheet_view_stop_editing         (MixSheetView   *self,
                                                MixSheetCell   *cell,
                                                gboolean        commit,
                                                gboolean        refocus);
void       mix_sheet_view_choose               (MixSheetView   *self,
                                                MixSheetCell   *cell);
void       mix_sheet_view_choose_date          (MixSheetView   *self,
                                                MixSheetCell   *cell,
                                                GtkWidget      *button);
void       mix_sheet_view_close_popovers       (MixSheetView   *self,
                                                MixSheetCell   *cell);
MixSheetCell *mix_sheet_view_find_cell         (MixSheetView   *self,
                                                MixRecord      *record,
                                                guint           column);
void       mix_sheet_view_edit_when_shown      (MixSheetView   *self,
                                                MixRecord      *record);
void       mix_sheet_view_stop_edit_when_shown (MixSheetView   *self);

/* mix-sheet-cell.c: the factory of a column's cells */
void       mix_sheet_view_setup_cell_cb        (GtkSignalListItemFactory *factory,
                                                GtkListItem              *item,
                                                MixSheetColumn           *data);
void       mix_sheet_view_bind_cell_cb         (GtkSignalListItemFactory *factory,
                                                GtkListItem              *item,
                                                MixSheetColumn           *data);
void       mix_sheet_view_unbind_cell_cb       (GtkSignalListItemFactory *factory,
                                                GtkListItem              *item,
                                                MixSheetColumn           *data);
void       mix_sheet_view_teardown_cell_cb     (GtkSignalListItemFactory *factory,
                                                GtkListItem              *item,
                                                MixSheetColumn           *data);
void       mix_sheet_view_add_cell_buttons     (MixSheetView             *self);
void       mix_sheet_view_forget_cell_buttons  (MixSheetView             *self);

G_END_DECLS
