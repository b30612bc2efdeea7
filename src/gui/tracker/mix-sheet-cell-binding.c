/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mix-sheet-cell-private.h"
#include "mix-sheet-view-private.h"

/* How a #MixSheetCell follows the rows: the factory of a column's cells,
 * the slot a cell follows while in view, and the button a link, address
 * or date cell gets when it first comes into view. */

/* The cell's button */

static void
on_open_clicked_cb (GtkButton    *button,
                    MixSheetCell *self)
{
  const char *value = self->record ? mix_record_get_value (self->record, self->column) : NULL;
  g_autofree char *uri = NULL;

  if (value == NULL)
    return;

  if (self->info->type == MIX_COLUMN_EMAIL)
    uri = g_strconcat ("mailto:", value, NULL);
  else
    uri = g_strdup (value);

  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))), uri, GDK_CURRENT_TIME);
}

static void
on_calendar_clicked_cb (GtkButton    *button,
                        MixSheetCell *self)
{
  mix_sheet_view_choose_date (self->view, self, GTK_WIDGET (button));
}

/* The button of a link, address or date cell: to open the link, write
 * to the address, or choose the date. */
static void
add_button (MixSheetCell *self)
{
  const MixColumn *column = self->info;
  GtkWidget *button;

  switch (column->type)
    {
    case MIX_COLUMN_URL:
    case MIX_COLUMN_EMAIL:
      button = gtk_button_new_from_icon_name (column->type == MIX_COLUMN_URL
                                              ? "adw-external-link-symbolic"
                                              : "adw-mail-send-symbolic");
      /* Translators: %s is a column title, such as LinkedIn or Email. */
      self->button_tip = g_strdup_printf (column->type == MIX_COLUMN_URL ? _("Open %s")
                                                                          : _("Write to %s"),
                                          _(column->title));
      g_signal_connect (button, "clicked", G_CALLBACK (on_open_clicked_cb), self);
      break;

    case MIX_COLUMN_DATE:
      button = gtk_button_new_from_icon_name ("x-office-calendar-symbolic");
      /* Translators: %s is a column title, such as Follow-Up Date. */
      self->button_tip = g_strdup_printf (_("Choose %s"), _(column->title));
      g_signal_connect (button, "clicked", G_CALLBACK (on_calendar_clicked_cb), self);
      break;

    default:
      return;
    }

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_has_tooltip (button, TRUE);
  g_signal_connect (button, "query-tooltip", G_CALLBACK (mix_sheet_cell_query_button_tooltip_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->button_tip,
                                  -1);
  self->button = button;
  gtk_box_append (GTK_BOX (self), button);
  mix_sheet_cell_sync (self);
}

/**
 * mix_sheet_view_add_cell_buttons:
 *
 * A table keeps about 200 rows bound, most of them out of sight, and the
 * buttons of their cells were a quarter of the time it took to show a
 * table: a cell gets its button when it is first on screen. GTK 4.8 maps
 * every row of a table being shown, and hides those out of sight as it
 * lays them out, so the cells are given their buttons after the layout,
 * which then runs again before the frame is painted. Rows are as high
 * with the buttons as without, since every tab has a choice column, whose
 * cells are buttons as high.
 */
void
mix_sheet_view_add_cell_buttons (MixSheetView *self)
{
  g_autoptr(GPtrArray) cells = NULL;

  if (self->button_cells->len == 0)
    return;
  cells = g_steal_pointer (&self->button_cells);
  self->button_cells = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < cells->len; i++)
    {
      MixSheetCell *cell = g_ptr_array_index (cells, i);

      cell->button_queued = FALSE;
      if (gtk_widget_get_mapped (GTK_WIDGET (cell)) && cell->button == NULL)
        add_button (cell);
    }
}

/* The cells waiting for their button wait no more: the table is going. */
void
mix_sheet_view_forget_cell_buttons (MixSheetView *self)
{
  for (guint i = 0; i < self->button_cells->len; i++)
    MIX_SHEET_CELL (g_ptr_array_index (self->button_cells, i))->button_queued = FALSE;
  g_ptr_array_set_size (self->button_cells, 0);
}

static void
queue_button (MixSheetCell *self)
{
  MixColumnType type = self->info->type;

  if ((type != MIX_COLUMN_URL && type != MIX_COLUMN_EMAIL && type != MIX_COLUMN_DATE) ||
      self->button != NULL || self->button_queued)
    return;
  self->button_queued = TRUE;
  g_ptr_array_add (self->view->button_cells, g_object_ref (self));
}

/* Binding to the rows */

/* Lets go of the row the cell showed. A cell being edited when it scrolls
 * away, or when a search or sort puts another row in its place, keeps what
 * was typed. */
static void
clear (MixSheetCell *self)
{
  if (self->entry != NULL)
    {
      mix_sheet_view_stop_editing (self->view, self, TRUE, FALSE);
      mix_sheet_cell_set_entry (self, NULL);
    }
  mix_sheet_cell_set_record (self, NULL);
}

static void
refresh (MixSheetCell *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    mix_sheet_cell_sync (self);
  else
    self->stale = TRUE;
}

static void
show_record (MixSheetCell *self,
             MixRecord    *record)
{
  mix_sheet_cell_set_record (self, record);
  refresh (self);
}

/* The cell's slot has another row in it. */
static void
take_record (MixSheetCell *self,
             MixRecord    *record)
{
  /* GTK 4.8 binds a row again when only its selection changes: a choice
   * list stays open through that, not when the row goes. */
  if (self->view->open_popovers > 0)
    mix_sheet_view_close_popovers (self->view, self);
  clear (self);
  show_record (self, record);
}

static void
on_slot_changed_cb (MixSheetSlot *slot,
                    int           column,
                    MixSheetCell *self)
{
  if (column < 0)
    take_record (self, mix_sheet_slot_get_record (slot));
  else if (column == (int) self->column)
    refresh (self);
}

static MixSheetSlot *
get_slot (MixSheetCell *self)
{
  return self->item != NULL ? gtk_list_item_get_item (self->item) : NULL;
}

/* A cell follows its slot only while it is on screen or being edited, and
 * one that comes into view takes its slot's row then, so that a search or
 * a sort costs the rows on screen only. */
static void
follow_slot (MixSheetCell *self,
             gboolean      follow)
{
  MixSheetSlot *slot = get_slot (self);

  if (slot == NULL || !follow == !self->following)
    return;
  if (follow)
    {
      mix_sheet_slot_hold (slot);
      g_signal_connect (slot, "changed", G_CALLBACK (on_slot_changed_cb), self);
    }
  else
    {
      g_signal_handlers_disconnect_by_func (slot, on_slot_changed_cb, self);
      mix_sheet_slot_release (slot);
    }
  self->following = !!follow;
}

void
mix_sheet_cell_shown (MixSheetCell *self)
{
  MixSheetSlot *slot = get_slot (self);
  MixRecord *record;

  if (slot == NULL)
    return;
  queue_button (self);
  follow_slot (self, TRUE);
  record = mix_sheet_slot_get_record (slot);
  if (record != self->record)
    {
      take_record (self, record);
      return;
    }
  /* Still following out of sight, as it was being edited. */
  if (self->stale)
    {
      self->stale = FALSE;
      mix_sheet_cell_sync (self);
    }
}

/* Out of sight, a cell shows no row, so that none is found in it: it takes
 * its slot's again when it comes into view. One being edited goes on. */
void
mix_sheet_cell_hidden (MixSheetCell *self)
{
  if (self->entry != NULL)
    return;
  follow_slot (self, FALSE);
  mix_sheet_cell_set_record (self, NULL);
}

void
mix_sheet_view_setup_cell_cb (GtkSignalListItemFactory *factory,
                              GtkListItem              *item,
                              MixSheetColumn           *data)
{
  gtk_list_item_set_child (item, GTK_WIDGET (mix_sheet_cell_new (data->view, data->column)));
}

/* Ends an edit held through an unbind (see below) that no bind of the same
 * row followed: what was typed is kept, in the row it was typed in. */
static void
end_held_edit (MixSheetCell *self)
{
  g_clear_handle_id (&self->held_edit_id, g_source_remove);
  if (self->entry != NULL)
    clear (self);
}

static gboolean
end_held_edit_cb (gpointer user_data)
{
  MixSheetCell *self = user_data;

  self->held_edit_id = 0;
  if (self->item == NULL)
    end_held_edit (self);
  return G_SOURCE_REMOVE;
}

void
mix_sheet_view_bind_cell_cb (GtkSignalListItemFactory *factory,
                             GtkListItem              *item,
                             MixSheetColumn           *data)
{
  MixSheetCell *self = MIX_SHEET_CELL (gtk_list_item_get_child (item));
  MixRecord *record = mix_sheet_slot_get_record (gtk_list_item_get_item (item));

  self->item = item;
  g_clear_handle_id (&self->held_edit_id, g_source_remove);
  /* GTK 4.8 binds a row again when only its selection changes: its cells
   * show the same row without closing a choice list, and one being edited
   * goes on, with the focus and the keys typed meanwhile. */
  if (self->entry != NULL && record == self->record)
    {
      follow_slot (self, TRUE);
      return;
    }
  clear (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      queue_button (self);
      follow_slot (self, TRUE);
      show_record (self, record);
    }
}

void
mix_sheet_view_unbind_cell_cb (GtkSignalListItemFactory *factory,
                               GtkListItem              *item,
                               MixSheetColumn           *data)
{
  MixSheetCell *self = MIX_SHEET_CELL (gtk_list_item_get_child (item));
  gboolean editing = self->entry != NULL && !mix_sheet_cell_get_entry_done (self);

  /* An edit is held until the next bind, or the main loop's next turn
   * (the teardown ends it at once): taking the entry out here would drop
   * the keys typed meanwhile and send the focus to the next cell. */
  if (!editing)
    clear (self);
  follow_slot (self, FALSE);
  self->item = NULL;
  if (editing && self->held_edit_id == 0)
    self->held_edit_id = g_idle_add_full (G_PRIORITY_HIGH, end_held_edit_cb, self, NULL);
}

void
mix_sheet_view_teardown_cell_cb (GtkSignalListItemFactory *factory,
                                 GtkListItem              *item,
                                 MixSheetColumn           *data)
{
  GtkWidget *child = gtk_list_item_get_child (item);

  if (child != NULL)
    end_held_edit (MIX_SHEET_CELL (child));
}

