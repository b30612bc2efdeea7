/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mix-sheet-view-private.h"

/* What the keys and the pointer do in a #MixSheetView: moving between the
 * cells as in a spreadsheet, and the selection of rows that follows the
 * focus, or that Ctrl and Shift clicks choose. */

gboolean
mix_sheet_view_contains_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Left and Right move between the cells of a row, as in a spreadsheet. */
static gboolean
focus_next_cell (MixSheetCell *cell,
                 gboolean      forward)
{
  GtkWidget *column_cell = gtk_widget_get_parent (GTK_WIDGET (cell));

  if (column_cell == NULL)
    return FALSE;

  for (GtkWidget *sibling = forward ? gtk_widget_get_next_sibling (column_cell)
                                    : gtk_widget_get_prev_sibling (column_cell);
       sibling != NULL;
       sibling = forward ? gtk_widget_get_next_sibling (sibling)
                         : gtk_widget_get_prev_sibling (sibling))
    {
      GtkWidget *child = gtk_widget_get_first_child (sibling);

      if (child != NULL && gtk_widget_grab_focus (child))
        return TRUE;
    }
  return FALSE;
}

/* Up and Down keep to the same column. The rows on either side are bound
 * around the visible ones; at the end of those, the list view moves on. */
static gboolean
focus_cell_in_next_row (MixSheetCell *cell,
                        gboolean      down)
{
  GtkWidget *column_cell = gtk_widget_get_parent (GTK_WIDGET (cell));
  GtkWidget *row = column_cell ? gtk_widget_get_parent (column_cell) : NULL;
  GtkWidget *other;
  guint index = 0;

  if (row == NULL)
    return FALSE;

  for (GtkWidget *w = gtk_widget_get_prev_sibling (column_cell); w != NULL;
       w = gtk_widget_get_prev_sibling (w))
    index++;

  other = down ? gtk_widget_get_next_sibling (row) : gtk_widget_get_prev_sibling (row);
  if (other == NULL || !gtk_widget_get_child_visible (other))
    return FALSE;

  for (GtkWidget *w = gtk_widget_get_first_child (other); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      if (index-- == 0)
        {
          GtkWidget *target = gtk_widget_get_first_child (w);
          return target != NULL && gtk_widget_grab_focus (target);
        }
    }
  return FALSE;
}

static gboolean select_focused_row_cb (gpointer user_data);

/**
 * mix_sheet_view_tab_from_cell:
 *
 * Tab and Shift+Tab go to the next and the previous cell of the row, as
 * in a spreadsheet; past the row's end they leave the table (returns
 * %FALSE: GTK moves the focus on). GTK's own focus chain does the first on
 * GTK 4.8 but not on 4.12 and later, whose list views take the focus in
 * their cells' wrappers, and skip the text cells.
 */
gboolean
mix_sheet_view_tab_from_cell (MixSheetView *self,
                              MixSheetCell *cell,
                              gboolean      forward)
{
  return focus_next_cell (cell, forward);
}

/* The row of the table a widget is in, or GTK_INVALID_LIST_POSITION. */
static guint
widget_position (GtkWidget *widget)
{
  GtkWidget *cell = gtk_widget_get_ancestor (widget, MIX_TYPE_SHEET_CELL);

  return cell != NULL ? mix_sheet_cell_get_position (MIX_SHEET_CELL (cell))
                      : GTK_INVALID_LIST_POSITION;
}

gboolean
mix_sheet_view_cell_key_pressed (MixSheetView    *self,
                                 MixSheetCell    *cell,
                                 guint            keyval,
                                 GdkModifierType  state)
{
  gunichar c;

  if (mix_sheet_cell_get_entry (cell) != NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab || keyval == GDK_KEY_ISO_Left_Tab)
    return mix_sheet_view_tab_from_cell (self, cell, keyval != GDK_KEY_ISO_Left_Tab &&
                                                     (state & GDK_SHIFT_MASK) == 0)
           ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;

  if (keyval == GDK_KEY_Left || keyval == GDK_KEY_Right ||
      keyval == GDK_KEY_Up || keyval == GDK_KEY_Down)
    {
      gboolean forward = (keyval == GDK_KEY_Right) ==
                         (gtk_widget_get_direction (GTK_WIDGET (cell)) != GTK_TEXT_DIR_RTL);
      gboolean moved;

      /* The selection follows a plain arrow, as the focus moves. */
      self->collapse_selection = (state & GDK_SHIFT_MASK) == 0;
      if (keyval == GDK_KEY_Left || keyval == GDK_KEY_Right)
        moved = focus_next_cell (cell, forward);
      else
        moved = focus_cell_in_next_row (cell, keyval == GDK_KEY_Down);
      if (!moved)
        self->collapse_selection = FALSE;
      return moved ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
    }

  /* Only text cells are edited by typing. */
  if (!mix_sheet_cell_is_text (cell))
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_F2:
      mix_sheet_view_begin_editing (self, cell, NULL);
      return GDK_EVENT_STOP;
    case GDK_KEY_BackSpace:
      mix_sheet_view_begin_editing (self, cell, "");
      return GDK_EVENT_STOP;
    default:
      break;
    }

  /* Typing into a cell replaces its value, as in a spreadsheet. */
  c = gdk_keyval_to_unicode (keyval);
  if (c != 0 && g_unichar_isprint (c))
    {
      char text[7] = { 0, };

      g_unichar_to_utf8 (c, text);
      mix_sheet_view_begin_editing (self, cell, text);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

void
mix_sheet_view_cell_pressed (MixSheetView *self,
                             MixSheetCell *cell,
                             GtkGesture   *gesture,
                             int           n_press)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  if (mix_sheet_cell_get_entry (cell) != NULL)
    return;

  /* Ctrl and Shift clicks select rows as in a file manager: Ctrl adds or
   * removes the clicked row, Shift selects from the last row chosen. The
   * cell takes the click, so that the focus lands on it and not on the
   * row's first cell. */
  if ((state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) != 0)
    {
      GtkSelectionModel *selection = GTK_SELECTION_MODEL (self->selection);
      guint position = mix_sheet_cell_get_position (cell);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (selection));

      if (position == GTK_INVALID_LIST_POSITION)
        return;
      gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
      self->keep_selection = TRUE;
      gtk_widget_grab_focus (GTK_WIDGET (cell));
      /* Nothing to keep from when the focus was on this cell already. */
      if (self->select_idle == 0)
        self->keep_selection = FALSE;
      if ((state & GDK_SHIFT_MASK) != 0 && self->select_anchor < n)
        {
          guint anchor = self->select_anchor;
          guint first = MIN (anchor, position);

          gtk_selection_model_select_range (selection, first, MAX (anchor, position) - first + 1,
                                            (state & GDK_CONTROL_MASK) == 0);
        }
      else
        {
          if (gtk_selection_model_is_selected (selection, position))
            gtk_selection_model_unselect_item (selection, position);
          else
            gtk_selection_model_select_item (selection, position, FALSE);
          self->select_anchor = position;
        }
      return;
    }

  /* The click is the cell's: the row would put the focus on its first
   * cell, and typing would then replace the row's name. */
  gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
  if (n_press >= 2)
    mix_sheet_view_begin_editing (self, cell, NULL);
  else
    gtk_widget_grab_focus (GTK_WIDGET (cell));
  /* As a plain click on a row does, it selects that row only, even when
   * the focus was there already. */
  self->collapse_selection = TRUE;
  if (self->select_idle == 0)
    self->select_idle = g_idle_add (select_focused_row_cb, self);
}

/* The focus is never out of sight: the list scrolls its rows to the
 * focused one, and the table is scrolled sideways to the focused cell, so
 * that Tab, the arrows and a click on a cell half out of view show what
 * they reach (and a popover opened there is on screen). */
static void
scroll_to_cell (MixSheetView *self,
                GtkWidget    *focus)
{
  GtkWidget *view = GTK_WIDGET (self->column_view);
  GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));
  GtkWidget *cell = gtk_widget_get_ancestor (focus, MIX_TYPE_SHEET_CELL);
  graphene_rect_t bounds;
  double value, width;

  /* The cell with its padding: the list's own widget around ours. */
  if (cell != NULL && gtk_widget_get_parent (cell) != NULL)
    cell = gtk_widget_get_parent (cell);
  if (cell == NULL || adjustment == NULL || !gtk_widget_compute_bounds (cell, view, &bounds))
    return;

  value = gtk_adjustment_get_value (adjustment);
  width = gtk_widget_get_width (view);
  if (bounds.origin.x < 0 || bounds.size.width > width)
    value += bounds.origin.x;
  else if (bounds.origin.x + bounds.size.width > width)
    value += bounds.origin.x + bounds.size.width - width;
  else
    return;
  /* Near the start, all the way: the first column is not cut. */
  if (value < bounds.size.width / 4)
    value = 0;
  gtk_adjustment_set_value (adjustment, value);
}

/* Working in a cell selects its row, so that Delete Row and the details
 * act on the row being edited. A plain click or arrow key leaves that row
 * the only one selected; Ctrl and Shift clicks keep the others. */
static gboolean
select_focused_row_cb (gpointer user_data)
{
  MixSheetView *self = user_data;
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (self->selection);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  guint position = focus != NULL ? widget_position (focus) : GTK_INVALID_LIST_POSITION;

  self->select_idle = 0;

  if (!self->keep_selection && position != GTK_INVALID_LIST_POSITION &&
      (self->collapse_selection || !gtk_selection_model_is_selected (selection, position)))
    {
      gtk_selection_model_select_item (selection, position, TRUE);
      self->select_anchor = position;
    }
  self->collapse_selection = FALSE;
  self->keep_selection = FALSE;
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view)))
    scroll_to_cell (self, focus);

  return G_SOURCE_REMOVE;
}

/* Selecting changes the rows, which must not happen in the middle of the
 * focus change: the row is selected just after. The window's focus is
 * watched once for the whole table, not by a controller in every cell:
 * hundreds of cells are made at each sort or search. */
static void
on_focus_widget_notify_cb (GtkRoot      *root,
                           GParamSpec   *pspec,
                           MixSheetView *self)
{
  GtkWidget *focus = gtk_root_get_focus (root);

  if (focus != NULL && self->column_view != NULL &&
      gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view)) &&
      self->select_idle == 0)
    self->select_idle = g_idle_add (select_focused_row_cb, self);
}

void
mix_sheet_view_watch_focus (MixSheetView *self,
                            GtkRoot      *root)
{
  self->focus_root = root;
  g_signal_connect (root, "notify::focus-widget", G_CALLBACK (on_focus_widget_notify_cb), self);
}

void
mix_sheet_view_unwatch_focus (MixSheetView *self)
{
  if (self->focus_root != NULL)
    g_signal_handlers_disconnect_by_func (self->focus_root, on_focus_widget_notify_cb, self);
  self->focus_root = NULL;
}

/* A search or a sort shows other rows in the same places: the selected
 * rows are kept selected wherever they go. */
GPtrArray *
mix_sheet_view_keep_selection (MixSheetView *self)
{
  return mix_sheet_view_get_selected (self);
}

void
mix_sheet_view_restore_selection (MixSheetView *self,
                                  GPtrArray    *selected)
{
  g_autoptr(GtkBitset) positions = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) mask = NULL;
  guint n = mix_sheet_rows_get_n_rows (self->visible);

  if (selected->len == 1)
    {
      guint position = mix_sheet_rows_find (self->visible, selected->pdata[0]);

      if (position != GTK_INVALID_LIST_POSITION)
        gtk_bitset_add (positions, position);
    }
  else if (selected->len > 1)
    {
      g_autoptr(GHashTable) wanted = g_hash_table_new (NULL, NULL);

      for (guint i = 0; i < selected->len; i++)
        g_hash_table_add (wanted, selected->pdata[i]);
      for (guint i = 0; i < n; i++)
        if (g_hash_table_contains (wanted, mix_sheet_rows_get_record (self->visible, i)))
          gtk_bitset_add (positions, i);
    }

  mask = gtk_bitset_new_range (0, n);
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), positions, mask);
  g_ptr_array_unref (selected);
}

/**
 * mix_sheet_view_select_record:
 * @edit_first_cell: start editing the row's first cell once it is shown
 *
 * Selects @record alone and scrolls to it.
 */
void
mix_sheet_view_select_record (MixSheetView *self,
                              MixRecord    *record,
                              gboolean      edit_first_cell)
{
  guint position;

  g_return_if_fail (MIX_IS_SHEET_VIEW (self));
  mix_sheet_view_bind_models (self);

  mix_sheet_view_search_pending (self);
  position = mix_sheet_rows_find (self->visible, record);
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  /* With the focus left in another row, GTK 4.8's list scrolls back to
   * that row: the new one was never shown, and typing went into the other
   * row's cell. */
  if (edit_first_cell)
    mix_sheet_view_release_focus (self);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  gtk_widget_activate_action (mix_sheet_view_find_list_view (self),
                              "list.scroll-to-item", "u", position);
  if (edit_first_cell)
    mix_sheet_view_edit_when_shown (self, record);
}

/**
 * mix_sheet_view_release_focus:
 *
 * Takes the focus out of the table before rows are removed: GTK 4.8's list
 * view can otherwise keep a pointer to a focused cell that is destroyed.
 *
 * Returns: %TRUE if the table had the focus
 */
gboolean
mix_sheet_view_release_focus (MixSheetView *self)
{
  GtkRoot *root;

  g_return_val_if_fail (MIX_IS_SHEET_VIEW (self), FALSE);

  if (!mix_sheet_view_contains_focus (GTK_WIDGET (self->column_view)))
    return FALSE;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  gtk_root_set_focus (root, NULL);
  return TRUE;
}

/**
 * mix_sheet_view_get_selected:
 *
 * Returns: (transfer container) (element-type MixRecord): the selected rows
 */
GPtrArray *
mix_sheet_view_get_selected (MixSheetView *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  GPtrArray *records;
  guint position;

  g_return_val_if_fail (MIX_IS_SHEET_VIEW (self), NULL);

  records = g_ptr_array_new_with_free_func (g_object_unref);
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_iter_init_first (&iter, selected, &position))
    {
      do
        g_ptr_array_add (records, g_object_ref (mix_sheet_rows_get_record (self->visible, position)));
      while (gtk_bitset_iter_next (&iter, &position));
    }
  return records;
}

/**
 * mix_sheet_view_get_focus_record:
 *
 * Returns: (transfer none) (nullable): the first selected row
 */
MixRecord *
mix_sheet_view_get_focus_record (MixSheetView *self)
{
  g_autoptr(GtkBitset) selected = NULL;

  g_return_val_if_fail (MIX_IS_SHEET_VIEW (self), NULL);

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_is_empty (selected))
    return NULL;
  return mix_sheet_rows_get_record (self->visible, gtk_bitset_get_minimum (selected));
}
