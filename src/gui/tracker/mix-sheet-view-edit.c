/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mix-date.h"
#include "mix-sheet-view-private.h"
#include "mix-tracker-changes.h"

/* Editing the cells of a #MixSheetView. Edits go straight to the
 * #MixRecord, which validates them; a value that does not fit rings the
 * error bell, keeps the old value, and emits #MixSheetView::error. */

/**
 * mix_sheet_view_commit_text:
 *
 * Sets a cell as if typed. A refused value rings the bell and emits
 * #MixSheetView::error; the old value stays.
 *
 * Returns: %TRUE if the value was taken
 */
gboolean
mix_sheet_view_commit_text (MixSheetView *self,
                            MixRecord    *record,
                            guint         column,
                            const char   *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;

  g_return_val_if_fail (MIX_IS_SHEET_VIEW (self), FALSE);
  g_return_val_if_fail (MIX_IS_RECORD (record), FALSE);

  if (self->read_only)
    return FALSE;

  before = g_strdup (mix_record_get_value (record, column));
  if (!mix_record_set_value_as_typed (record, column, text, &error))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      g_signal_emit_by_name (self, "error", error->message);
      return FALSE;
    }
  mix_tracker_changes_edited (self->history, self->tracker, record, column, before);
  /* Kept as typed, and marked in the cell until fixed. */
  if (error != NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      g_signal_emit_by_name (self, "error", error->message);
    }
  return TRUE;
}

/**
 * mix_sheet_view_set_history:
 * @history: (nullable): where the table's changes go, for Undo
 */
void
mix_sheet_view_set_history (MixSheetView *self,
                            MixHistory   *history)
{
  g_return_if_fail (MIX_IS_SHEET_VIEW (self));
  g_set_object (&self->history, history);
}

/* Text cells work as in a spreadsheet. A cell shows its value in a
 * label and can take the focus; Enter, F2, a double click or simply typing
 * puts an entry in its place. Enter or leaving the cell keeps what was
 * typed, Escape puts back what was there. Only the cell being edited has
 * an entry: labels are much cheaper for the hundreds of cells bound at
 * once. */

static gboolean
commit_cell_text (MixSheetView *self,
                  MixSheetCell *cell,
                  const char   *typed)
{
  MixRecord *record = mix_sheet_cell_get_record (cell);
  guint column = mix_sheet_cell_get_column (cell);
  g_autofree char *old = NULL;

  if (record == NULL)
    return TRUE;

  old = mix_record_get_display_value (record, column);
  if (g_strcmp0 (old, typed) == 0)
    return TRUE;
  return mix_sheet_view_commit_text (self, record, column, typed);
}

static gboolean
remove_entry_idle_cb (gpointer user_data)
{
  MixSheetCell *cell = user_data;

  if (mix_sheet_cell_get_entry (cell) != NULL && mix_sheet_cell_get_entry_done (cell))
    mix_sheet_cell_set_entry (cell, NULL);
  g_object_unref (cell);
  return G_SOURCE_REMOVE;
}

/* Ends editing. The entry is removed from an idle: this runs inside its
 * own signals and focus changes, which must not see it go. */
void
mix_sheet_view_stop_editing (MixSheetView *self,
                             MixSheetCell *cell,
                             gboolean      commit,
                             gboolean      refocus)
{
  GtkWidget *entry = mix_sheet_cell_get_entry (cell);

  if (entry == NULL || mix_sheet_cell_get_entry_done (cell))
    return;
  mix_sheet_cell_set_entry_done (cell, TRUE);

  /* A date that is not one stays in the cell as typed, marked, for the
   * user to fix (or Escape): it is not thrown away. */
  if (commit && !commit_cell_text (self, cell, gtk_editable_get_text (GTK_EDITABLE (entry))))
    {
      g_autofree char *why = NULL;
      g_autoptr(GError) error = NULL;

      /* Refused for another reason (the table became read-only): the
       * entry goes, as the value cannot be taken. */
      if (mix_column_normalize_value (mix_sheet_cell_get_info (cell),
                                      gtk_editable_get_text (GTK_EDITABLE (entry)), &why, &error))
        {
          g_idle_add (remove_entry_idle_cb, g_object_ref (cell));
          return;
        }
      mix_sheet_cell_set_entry_done (cell, FALSE);
      gtk_widget_add_css_class (entry, "error");
      if (error != NULL)
        {
          gtk_widget_set_tooltip_text (entry, error->message);
          gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message,
                                          -1);
        }
      return;
    }

  if (refocus && mix_sheet_view_contains_focus (entry))
    gtk_widget_grab_focus (GTK_WIDGET (cell));

  g_idle_add (remove_entry_idle_cb, g_object_ref (cell));
}

/* The cell an entry is in, if it is still there. */
static MixSheetCell *
entry_cell (GtkWidget *entry)
{
  GtkWidget *parent = gtk_widget_get_parent (entry);

  return parent != NULL ? MIX_SHEET_CELL (parent) : NULL;
}

static void
on_entry_activate_cb (GtkEntry     *entry,
                      MixSheetView *self)
{
  MixSheetCell *cell = entry_cell (GTK_WIDGET (entry));

  if (cell != NULL)
    mix_sheet_view_stop_editing (self, cell, TRUE, TRUE);
}

static void
on_entry_focus_leave_cb (GtkEventControllerFocus *controller,
                         MixSheetView            *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  MixSheetCell *cell = entry_cell (entry);

  /* The window losing the focus (another window comes up) is not the cell
   * losing it: editing goes on when the user comes back. */
  if (mix_sheet_view_contains_focus (entry))
    return;

  if (cell != NULL)
    mix_sheet_view_stop_editing (self, cell, TRUE, FALSE);
}

static gboolean
on_entry_key_pressed_cb (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         MixSheetView          *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  MixSheetCell *cell = entry_cell (entry);

  /* Tab takes the value and goes to the next cell; a value that cannot be
   * taken (not a date) keeps the focus, marked, to be fixed. */
  if ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab || keyval == GDK_KEY_ISO_Left_Tab) &&
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) == 0 && cell != NULL)
    {
      mix_sheet_view_stop_editing (self, cell, TRUE, TRUE);
      if (!mix_sheet_cell_get_entry_done (cell))
        return GDK_EVENT_STOP;
      return mix_sheet_view_tab_from_cell (self, cell, keyval != GDK_KEY_ISO_Left_Tab &&
                                                       (state & GDK_SHIFT_MASK) == 0)
             ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
    }

  if (keyval != GDK_KEY_Escape)
    return GDK_EVENT_PROPAGATE;

  if (cell != NULL)
    mix_sheet_view_stop_editing (self, cell, FALSE, TRUE);
  return GDK_EVENT_STOP;
}

/* Puts an entry in the cell, with @initial as its text (%NULL: the value). */
void
mix_sheet_view_begin_editing (MixSheetView *self,
                              MixSheetCell *cell,
                              const char   *initial)
{
  MixRecord *record = mix_sheet_cell_get_record (cell);
  const MixColumn *info = mix_sheet_cell_get_info (cell);
  g_autofree char *value = NULL;
  GtkEventController *focus;
  GtkEventController *keys;
  GtkWidget *entry;

  if (record == NULL)
    return;

  if (self->read_only)
    {
      gtk_widget_error_bell (GTK_WIDGET (cell));
      return;
    }

  entry = mix_sheet_cell_get_entry (cell);
  if (entry != NULL && !mix_sheet_cell_get_entry_done (cell))
    {
      gtk_widget_grab_focus (entry);
      return;
    }
  /* An entry on its way out goes now. */
  mix_sheet_cell_set_entry (cell, NULL);

  entry = gtk_entry_new ();
  gtk_entry_set_has_frame (GTK_ENTRY (entry), FALSE);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 4);
  gtk_widget_add_css_class (entry, "cell-entry");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->title),
                                  -1);
  value = mix_record_get_display_value (record, mix_sheet_cell_get_column (cell));
  gtk_editable_set_text (GTK_EDITABLE (entry), initial != NULL ? initial : value);

  g_signal_connect (entry, "activate", G_CALLBACK (on_entry_activate_cb), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_entry_focus_leave_cb), self);
  gtk_widget_add_controller (entry, focus);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_entry_key_pressed_cb), self);
  gtk_widget_add_controller (entry, keys);

  mix_sheet_cell_set_entry (cell, entry);
  if (record == self->pending_edit)
    self->pending_edit = NULL;

  gtk_widget_grab_focus (entry);
  if (initial != NULL)
    gtk_editable_set_position (GTK_EDITABLE (entry), -1);
}

/* Popovers are made when a cell's button is pressed, and go when they
 * close: a menu button in every cell made each row much slower to show. */

static gboolean
unparent_popover_idle_cb (gpointer user_data)
{
  GtkWidget *popover = user_data;

  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);
  g_object_unref (popover);
  return G_SOURCE_REMOVE;
}

static void
on_cell_popover_closed_cb (GtkPopover   *popover,
                           MixSheetView *self)
{
  if (self->open_popovers > 0)
    self->open_popovers--;
  /* Not in the middle of its own signal. */
  g_idle_add (unparent_popover_idle_cb, g_object_ref (popover));
}

/* The popover goes with the button if the row goes while it is open. */
static void
on_popover_owner_destroy_cb (GtkWidget *button,
                             GtkWidget *popover)
{
  if (gtk_widget_get_parent (popover) == button)
    gtk_widget_unparent (popover);
}

static void
popup_cell_popover (MixSheetView *self,
                    GtkWidget    *button,
                    GtkWidget    *popover)
{
  gtk_widget_set_parent (popover, button);
  self->open_popovers++;
  g_signal_connect_object (popover, "closed", G_CALLBACK (on_cell_popover_closed_cb), self, 0);
  g_signal_connect_object (button, "destroy", G_CALLBACK (on_popover_owner_destroy_cb),
                           popover, 0);
  gtk_popover_popup (GTK_POPOVER (popover));
}

/* The cell whose popover @child is in, and the row it shows, if it is
 * still there; @popover is set to the popover. */
static MixSheetCell *
popover_cell (GtkWidget  *child,
              GtkWidget **popover,
              MixRecord **record)
{
  GtkWidget *owner;
  GtkWidget *cell;

  *popover = gtk_widget_get_ancestor (child, GTK_TYPE_POPOVER);
  owner = *popover != NULL ? gtk_widget_get_parent (*popover) : NULL;
  cell = owner != NULL ? gtk_widget_get_ancestor (owner, MIX_TYPE_SHEET_CELL) : NULL;
  *record = cell != NULL ? mix_sheet_cell_get_record (MIX_SHEET_CELL (cell)) : NULL;
  return cell != NULL ? MIX_SHEET_CELL (cell) : NULL;
}

static void
on_choice_clicked_cb (GtkButton    *button,
                      MixSheetView *self)
{
  GtkWidget *popover;
  MixRecord *record;
  MixSheetCell *cell = popover_cell (GTK_WIDGET (button), &popover, &record);
  guint index = 0;

  /* Item 0 is "none"; the choices follow in order. */
  for (GtkWidget *w = gtk_widget_get_prev_sibling (GTK_WIDGET (button)); w != NULL;
       w = gtk_widget_get_prev_sibling (w))
    index++;

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  if (record == NULL)
    return;
  mix_sheet_view_commit_text (self, record, mix_sheet_cell_get_column (cell),
                              index == 0 ? NULL
                                         : mix_sheet_cell_get_info (cell)->choices[index - 1].id);
}

/* The list of choices, when a choice cell's button is pressed. */
void
mix_sheet_view_choose (MixSheetView *self,
                       MixSheetCell *cell)
{
  const MixColumn *column = mix_sheet_cell_get_info (cell);
  GtkWidget *popover;
  GtkWidget *box;

  if (mix_sheet_cell_get_record (cell) == NULL || self->read_only)
    return;

  popover = gtk_popover_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  for (guint i = 0; i == 0 || column->choices[i - 1].id != NULL; i++)
    {
      /* Translators: the choice for "not set" in a choice column. */
      const char *label = i == 0 ? _("None") : _(column->choices[i - 1].label);
      GtkWidget *button = gtk_button_new_with_label (label);

      gtk_widget_add_css_class (button, "flat");
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
      g_signal_connect (button, "clicked", G_CALLBACK (on_choice_clicked_cb), self);
      gtk_box_append (GTK_BOX (box), button);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  popup_cell_popover (self, mix_sheet_cell_get_editor (cell), popover);
}

static void
on_calendar_day_selected_cb (GtkCalendar  *calendar,
                             MixSheetView *self)
{
  GtkWidget *popover;
  MixRecord *record;
  MixSheetCell *cell = popover_cell (GTK_WIDGET (calendar), &popover, &record);
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *iso = NULL;

  if (record == NULL || mix_sheet_cell_is_syncing (cell))
    return;

  date = gtk_calendar_get_date (calendar);
  iso = g_date_time_format (date, "%Y-%m-%d");
  mix_sheet_view_commit_text (self, record, mix_sheet_cell_get_column (cell), iso);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/* The calendar shows the cell's date, or today. */
static void
show_cell_date (MixSheetCell *cell,
                GtkCalendar  *calendar)
{
  MixRecord *record = mix_sheet_cell_get_record (cell);
  const char *value = record ? mix_record_get_value (record, mix_sheet_cell_get_column (cell))
                             : NULL;
  GDate date;
  g_autoptr(GDateTime) when = NULL;

  g_date_clear (&date, 1);
  if (value != NULL && mix_date_parse (value, &date))
    when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                  g_date_get_day (&date), 0, 0, 0);
  else
    when = g_date_time_new_now_local ();

  gtk_calendar_select_day (calendar, when);
}

static void
on_calendar_popover_show_cb (GtkPopover   *popover,
                             MixSheetView *self)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  GtkWidget *shown;
  MixRecord *record;
  MixSheetCell *cell = popover_cell (GTK_WIDGET (calendar), &shown, &record);

  if (cell == NULL)
    return;
  /* Showing the date is not choosing it. */
  g_signal_handlers_block_by_func (calendar, on_calendar_day_selected_cb, self);
  show_cell_date (cell, calendar);
  g_signal_handlers_unblock_by_func (calendar, on_calendar_day_selected_cb, self);
}

/* The calendar, when a date cell's calendar button is pressed. */
void
mix_sheet_view_choose_date (MixSheetView *self,
                            MixSheetCell *cell,
                            GtkWidget    *button)
{
  GtkWidget *popover;
  GtkWidget *calendar;

  if (mix_sheet_cell_get_record (cell) == NULL)
    return;
  if (self->read_only)
    {
      gtk_widget_error_bell (button);
      return;
    }

  popover = gtk_popover_new ();
  calendar = gtk_calendar_new ();
  g_signal_connect (calendar, "day-selected", G_CALLBACK (on_calendar_day_selected_cb), self);
  g_signal_connect (popover, "show", G_CALLBACK (on_calendar_popover_show_cb), self);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  popup_cell_popover (self, button, popover);
}

static void
close_popovers_in (GtkWidget *widget,
                   guint      depth)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER (child))
        gtk_popover_popdown (GTK_POPOVER (child));
      else if (depth > 0)
        close_popovers_in (child, depth - 1);
    }
}

/* Closes a choice list or calendar open on the cell. */
void
mix_sheet_view_close_popovers (MixSheetView *self,
                               MixSheetCell *cell)
{
  close_popovers_in (GTK_WIDGET (cell), 1);
}

static MixSheetCell *
find_cell_in (GtkWidget *widget,
              MixRecord *record,
              guint      column)
{
  if (MIX_IS_SHEET_CELL (widget))
    {
      MixSheetCell *cell = MIX_SHEET_CELL (widget);

      if (mix_sheet_cell_get_record (cell) == record && mix_sheet_cell_get_column (cell) == column)
        return cell;
      return NULL;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      MixSheetCell *found = find_cell_in (child, record, column);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The cell showing @column of @record: one on screen, or being edited. */
MixSheetCell *
mix_sheet_view_find_cell (MixSheetView *self,
                          MixRecord    *record,
                          guint         column)
{
  return find_cell_in (GTK_WIDGET (self->column_view), record, column);
}

/**
 * mix_sheet_view_edit_cell:
 *
 * Starts editing @column of @record, if its row is on screen and the
 * column holds text.
 *
 * Returns: (transfer none) (nullable): the entry being edited
 */
GtkWidget *
mix_sheet_view_edit_cell (MixSheetView *self,
                          MixRecord    *record,
                          guint         column)
{
  MixSheetCell *cell;

  g_return_val_if_fail (MIX_IS_SHEET_VIEW (self), NULL);
  mix_sheet_view_bind_models (self);

  cell = mix_sheet_view_find_cell (self, record, column);
  if (cell == NULL || !mix_sheet_cell_is_text (cell))
    return NULL;
  mix_sheet_view_begin_editing (self, cell, NULL);
  return mix_sheet_cell_get_entry (cell);
}

/* Starts editing a new row's first cell once it is on screen and stays
 * there. The row can be bound before its table is shown, perhaps more than
 * once, and GTK 4.8's list moves the widgets of the rows around it in the
 * frames after a row is added and scrolled to: an entry focused in the
 * first widget that showed the row lost the focus a frame later, and what
 * was typed next went nowhere. So the cell is edited once it has been the
 * same, mapped and laid out, for two frames. */
static gboolean
edit_pending_tick_cb (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       user_data)
{
  MixSheetView *self = user_data;
  MixSheetCell *cell = NULL;

  if (self->pending_edit != NULL && !self->read_only)
    cell = mix_sheet_view_find_cell (self, self->pending_edit, 0);
  if (cell != NULL && (!gtk_widget_get_mapped (GTK_WIDGET (cell)) ||
                       gtk_widget_get_width (GTK_WIDGET (cell)) == 0))
    cell = NULL;

  if (self->pending_edit == NULL || self->read_only ||
      (gtk_widget_get_mapped (widget) && ++self->edit_frames > 120))
    {
      /* Gone, or never shown (two seconds in view): nothing to edit. */
      self->pending_edit = NULL;
      self->edit_tick = 0;
      return G_SOURCE_REMOVE;
    }
  if (cell != NULL && GTK_WIDGET (cell) == self->edit_seen)
    {
      self->edit_tick = 0;
      self->edit_seen = NULL;
      mix_sheet_view_begin_editing (self, cell, NULL);
      return G_SOURCE_REMOVE;
    }
  /* Scrolled to before its height was known (the list guesses the height
   * of a row it has not laid out yet), the row may still be out of view:
   * it is scrolled to again, now that it is laid out. */
  if (cell == NULL && gtk_widget_get_mapped (widget))
    {
      guint position = mix_sheet_rows_find (self->visible, self->pending_edit);

      if (position != GTK_INVALID_LIST_POSITION)
        gtk_widget_activate_action (mix_sheet_view_find_list_view (self),
                                    "list.scroll-to-item", "u", position);
    }
  self->edit_seen = GTK_WIDGET (cell);
  return G_SOURCE_CONTINUE;
}

/* The row may be on screen already, or be shown later: it stays pending
 * until its first cell is edited (edit_pending_tick_cb()). Only text cells
 * are edited so. */
void
mix_sheet_view_edit_when_shown (MixSheetView *self,
                                MixRecord    *record)
{
  MixColumnType type = mix_tab_get_info (self->tab)->columns[0].type;

  if (type != MIX_COLUMN_TEXT && type != MIX_COLUMN_LONG_TEXT)
    return;
  self->pending_edit = record;
  self->edit_seen = NULL;
  self->edit_frames = 0;
  if (self->edit_tick == 0)
    self->edit_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view),
                                                    edit_pending_tick_cb, self, NULL);
}

void
mix_sheet_view_stop_edit_when_shown (MixSheetView *self)
{
  if (self->edit_tick != 0 && self->column_view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->edit_tick);
  self->edit_tick = 0;
}
