/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mix-cell-text.h"
#include "mix-date.h"
#include "mix-sheet-rows.h"
#include "mix-sheet-view.h"
#include "mix-tracker-changes.h"

/**
 * MixSheetView:
 *
 * One tab of the tracker as a spreadsheet: a #GtkColumnView over the tab's
 * rows, filtered by the search text and sorted by the column headers, with
 * a cell editor that fits each column's type. Nothing is built per row up
 * front: the view recycles the widgets of the rows on screen, and a search
 * or a sort shows other rows in the same cells (see #MixSheetRows).
 *
 * Edits go straight to the #MixRecord, which validates them; a value that
 * does not fit rings the error bell, keeps the old value, and emits
 * #MixSheetView::error with a sentence for the user.
 */

typedef struct
{
  MixSheetView *view;
  guint         column;
} ColumnData;

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
  ColumnData          *columns;
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

G_DEFINE_FINAL_TYPE (MixSheetView, mix_sheet_view, GTK_TYPE_WIDGET)

enum {
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void bind_models (MixSheetView *self);
static void on_cell_map_cb   (GtkWidget  *cell,
                              ColumnData *data);
static void on_cell_unmap_cb (GtkWidget  *cell,
                              ColumnData *data);
static void sync_cell        (GtkWidget  *cell,
                              MixRecord  *record,
                              ColumnData *data);

static const MixColumn *
column_info (ColumnData *data)
{
  return &mix_tab_get_info (data->view->tab)->columns[data->column];
}

static gboolean
is_follow_up_column (const MixColumn *column)
{
  return g_str_equal (column->id, "follow_up_date");
}

/* Editing */

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
      g_signal_emit (self, signals[ERROR], 0, error->message);
      return FALSE;
    }
  mix_tracker_changes_edited (self->history, self->tracker, record, column, before);
  /* Kept as typed, and marked in the cell until fixed. */
  if (error != NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      g_signal_emit (self, signals[ERROR], 0, error->message);
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

/* The row a cell shows while it is bound; a cell can get its focus-out
 * after that, as it goes, and then has none. */
static MixRecord *
cell_record (GtkWidget *cell)
{
  return cell != NULL ? g_object_get_data (G_OBJECT (cell), "mix-record") : NULL;
}

static gboolean
cell_is_syncing (GtkWidget *cell)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "mix-syncing"));
}

/* Text cells work as in a spreadsheet. A cell shows its value in a
 * label and can take the focus; Enter, F2, a double click or simply typing
 * puts an entry in its place. Enter or leaving the cell keeps what was
 * typed, Escape puts back what was there. Only the cell being edited has
 * an entry: labels are much cheaper for the hundreds of cells bound at
 * once. */

static GtkWidget *
cell_value_label (GtkWidget *cell)
{
  return g_object_get_data (G_OBJECT (cell), "mix-label");
}

static GtkWidget *
cell_entry (GtkWidget *cell)
{
  return g_object_get_data (G_OBJECT (cell), "mix-entry");
}

static gboolean
commit_cell_text (GtkWidget  *cell,
                  ColumnData *data,
                  const char *typed)
{
  MixRecord *record = cell_record (cell);
  g_autofree char *old = NULL;

  if (record == NULL)
    return TRUE;

  old = mix_record_get_display_value (record, data->column);
  if (g_strcmp0 (old, typed) == 0)
    return TRUE;
  return mix_sheet_view_commit_text (data->view, record, data->column, typed);
}

static gboolean
contains_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Takes the entry out of the cell and shows the label again. */
static void
remove_entry (GtkWidget *cell)
{
  GtkWidget *entry = cell_entry (cell);

  if (entry == NULL)
    return;

  g_object_set_data (G_OBJECT (cell), "mix-entry", NULL);
  gtk_widget_set_visible (cell_value_label (cell), TRUE);
  gtk_box_remove (GTK_BOX (cell), entry);
}

static gboolean
remove_entry_idle_cb (gpointer user_data)
{
  GtkWidget *cell = user_data;
  GtkWidget *entry = cell_entry (cell);

  if (entry != NULL && g_object_get_data (G_OBJECT (entry), "mix-done") != NULL)
    remove_entry (cell);
  g_object_unref (cell);
  return G_SOURCE_REMOVE;
}

/* Ends editing. The entry is removed from an idle: this runs inside its
 * own signals and focus changes, which must not see it go. */
static void
stop_editing (GtkWidget  *cell,
              ColumnData *data,
              gboolean    commit,
              gboolean    refocus)
{
  GtkWidget *entry = cell_entry (cell);

  if (entry == NULL || g_object_get_data (G_OBJECT (entry), "mix-done") != NULL)
    return;
  g_object_set_data (G_OBJECT (entry), "mix-done", GINT_TO_POINTER (TRUE));

  /* A date that is not one stays in the cell as typed, marked, for the
   * user to fix (or Escape): it is not thrown away. */
  if (commit && !commit_cell_text (cell, data, gtk_editable_get_text (GTK_EDITABLE (entry))))
    {
      g_autofree char *why = NULL;
      g_autoptr(GError) error = NULL;

      /* Refused for another reason (the table became read-only): the
       * entry goes, as the value cannot be taken. */
      if (mix_column_normalize_value (column_info (data),
                                      gtk_editable_get_text (GTK_EDITABLE (entry)), &why, &error))
        {
          g_idle_add (remove_entry_idle_cb, g_object_ref (cell));
          return;
        }
      g_object_set_data (G_OBJECT (entry), "mix-done", NULL);
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

  if (refocus && contains_focus (entry))
    gtk_widget_grab_focus (cell);

  g_idle_add (remove_entry_idle_cb, g_object_ref (cell));
}

static void
on_entry_activate_cb (GtkEntry   *entry,
                      ColumnData *data)
{
  stop_editing (gtk_widget_get_parent (GTK_WIDGET (entry)), data, TRUE, TRUE);
}

static void
on_entry_focus_leave_cb (GtkEventControllerFocus *controller,
                         ColumnData              *data)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *cell = gtk_widget_get_parent (entry);

  /* The window losing the focus (another window comes up) is not the cell
   * losing it: editing goes on when the user comes back. */
  if (contains_focus (entry))
    return;

  if (cell != NULL)
    stop_editing (cell, data, TRUE, FALSE);
}

static gboolean
on_entry_key_pressed_cb (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         ColumnData            *data)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (keyval != GDK_KEY_Escape)
    return GDK_EVENT_PROPAGATE;

  stop_editing (gtk_widget_get_parent (entry), data, FALSE, TRUE);
  return GDK_EVENT_STOP;
}

/* Puts an entry in the cell, with @initial as its text (%NULL: the value). */
static void
begin_editing (GtkWidget  *cell,
               ColumnData *data,
               const char *initial)
{
  MixRecord *record = cell_record (cell);
  g_autofree char *value = NULL;
  GtkEventController *focus;
  GtkEventController *keys;
  GtkWidget *entry;

  if (record == NULL)
    return;

  if (data->view->read_only)
    {
      gtk_widget_error_bell (cell);
      return;
    }

  entry = cell_entry (cell);
  if (entry != NULL && g_object_get_data (G_OBJECT (entry), "mix-done") == NULL)
    {
      gtk_widget_grab_focus (entry);
      return;
    }
  /* An entry on its way out goes now. */
  remove_entry (cell);

  entry = gtk_entry_new ();
  gtk_entry_set_has_frame (GTK_ENTRY (entry), FALSE);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 4);
  gtk_widget_add_css_class (entry, "cell-entry");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(column_info (data)->title),
                                  -1);
  value = mix_record_get_display_value (record, data->column);
  gtk_editable_set_text (GTK_EDITABLE (entry), initial != NULL ? initial : value);

  g_signal_connect (entry, "activate", G_CALLBACK (on_entry_activate_cb), data);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_entry_focus_leave_cb), data);
  gtk_widget_add_controller (entry, focus);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_entry_key_pressed_cb), data);
  gtk_widget_add_controller (entry, keys);

  gtk_widget_set_visible (cell_value_label (cell), FALSE);
  gtk_box_prepend (GTK_BOX (cell), entry);
  g_object_set_data (G_OBJECT (cell), "mix-entry", entry);
  if (record == data->view->pending_edit)
    data->view->pending_edit = NULL;

  gtk_widget_grab_focus (entry);
  if (initial != NULL)
    gtk_editable_set_position (GTK_EDITABLE (entry), -1);
}

/* Left and Right move between the cells of a row, as in a spreadsheet. */
static gboolean
focus_next_cell (GtkWidget *cell,
                 gboolean   forward)
{
  GtkWidget *column_cell = gtk_widget_get_parent (cell);

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
focus_cell_in_next_row (GtkWidget *cell,
                        gboolean   down)
{
  GtkWidget *column_cell = gtk_widget_get_parent (cell);
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

/* The row of the table a cell is in, or GTK_INVALID_LIST_POSITION. */
static guint
cell_position (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      GtkListItem *item = g_object_get_data (G_OBJECT (w), "mix-list-item");

      if (item != NULL)
        return gtk_list_item_get_position (item);
    }
  return GTK_INVALID_LIST_POSITION;
}

static gboolean
on_cell_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        ColumnData            *data)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  gunichar c;

  if (cell_entry (cell) != NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  if (keyval == GDK_KEY_Left || keyval == GDK_KEY_Right ||
      keyval == GDK_KEY_Up || keyval == GDK_KEY_Down)
    {
      gboolean forward = (keyval == GDK_KEY_Right) ==
                         (gtk_widget_get_direction (cell) != GTK_TEXT_DIR_RTL);
      gboolean moved;

      /* The selection follows a plain arrow, as the focus moves. */
      data->view->collapse_selection = (state & GDK_SHIFT_MASK) == 0;
      if (keyval == GDK_KEY_Left || keyval == GDK_KEY_Right)
        moved = focus_next_cell (cell, forward);
      else
        moved = focus_cell_in_next_row (cell, keyval == GDK_KEY_Down);
      if (!moved)
        data->view->collapse_selection = FALSE;
      return moved ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
    }

  /* Only text cells are edited by typing. */
  if (cell_value_label (cell) == NULL)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_F2:
      begin_editing (cell, data, NULL);
      return GDK_EVENT_STOP;
    case GDK_KEY_BackSpace:
      begin_editing (cell, data, "");
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
      begin_editing (cell, data, text);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
on_cell_pressed_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    ColumnData      *data)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  if (cell_entry (cell) != NULL)
    return;

  /* Ctrl and Shift clicks select rows as in a file manager: Ctrl adds or
   * removes the clicked row, Shift selects from the last row chosen. The
   * cell takes the click, so that the focus lands on it and not on the
   * row's first cell. */
  if ((state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) != 0)
    {
      GtkSelectionModel *selection = GTK_SELECTION_MODEL (data->view->selection);
      guint position = cell_position (cell);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (selection));

      if (position == GTK_INVALID_LIST_POSITION)
        return;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      data->view->keep_selection = TRUE;
      gtk_widget_grab_focus (cell);
      /* Nothing to keep from when the focus was on this cell already. */
      if (data->view->select_idle == 0)
        data->view->keep_selection = FALSE;
      if ((state & GDK_SHIFT_MASK) != 0 && data->view->select_anchor < n)
        {
          guint anchor = data->view->select_anchor;
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
          data->view->select_anchor = position;
        }
      return;
    }

  /* The click is the cell's: the row would put the focus on its first
   * cell, and typing would then replace the row's name. */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (n_press >= 2)
    begin_editing (cell, data, NULL);
  else
    gtk_widget_grab_focus (cell);
  /* As a plain click on a row does, it selects that row only, even when
   * the focus was there already. */
  data->view->collapse_selection = TRUE;
  if (data->view->select_idle == 0)
    data->view->select_idle = g_idle_add (select_focused_row_cb, data->view);
}

static void
on_check_toggled_cb (GtkCheckButton *check,
                     ColumnData     *data)
{
  GtkWidget *cell = GTK_WIDGET (check);
  MixRecord *record = cell_record (cell);

  if (record == NULL || cell_is_syncing (cell))
    return;
  mix_sheet_view_commit_text (data->view, record, data->column,
                              gtk_check_button_get_active (check) ? "yes" : "no");
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

static void
on_choice_clicked_cb (GtkButton  *button,
                      ColumnData *data)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);
  GtkWidget *cell = popover != NULL ? gtk_widget_get_parent (popover) : NULL;
  MixRecord *record = cell_record (cell);
  const MixColumn *column = column_info (data);
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "mix-choice"));

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  if (record == NULL)
    return;
  /* Item 0 is "none"; the choices follow in order. */
  mix_sheet_view_commit_text (data->view, record, data->column,
                              index == 0 ? NULL : column->choices[index - 1].id);
}

/* The list of choices, when the cell's button is pressed. */
static void
on_choice_cell_clicked_cb (GtkButton  *cell,
                           ColumnData *data)
{
  const MixColumn *column = column_info (data);
  GtkWidget *popover;
  GtkWidget *box;

  if (cell_record (GTK_WIDGET (cell)) == NULL || data->view->read_only)
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
      g_object_set_data (G_OBJECT (button), "mix-choice", GUINT_TO_POINTER (i));
      g_signal_connect (button, "clicked", G_CALLBACK (on_choice_clicked_cb), data);
      gtk_box_append (GTK_BOX (box), button);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  popup_cell_popover (data->view, GTK_WIDGET (cell), popover);
}

static void
on_calendar_day_selected_cb (GtkCalendar *calendar,
                             ColumnData  *data)
{
  GtkWidget *cell = g_object_get_data (G_OBJECT (calendar), "mix-cell");
  MixRecord *record = cell_record (cell);
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *iso = NULL;
  GtkWidget *popover;

  if (record == NULL || cell_is_syncing (cell))
    return;

  date = gtk_calendar_get_date (calendar);
  iso = g_date_time_format (date, "%Y-%m-%d");
  mix_sheet_view_commit_text (data->view, record, data->column, iso);

  popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
on_calendar_popover_show_cb (GtkPopover *popover,
                             ColumnData *data)
{
  GtkWidget *calendar = gtk_popover_get_child (popover);
  GtkWidget *cell = g_object_get_data (G_OBJECT (calendar), "mix-cell");
  MixRecord *record = cell_record (cell);
  const char *value = record ? mix_record_get_value (record, data->column) : NULL;
  GDate date;
  g_autoptr(GDateTime) when = NULL;

  g_date_clear (&date, 1);
  if (value != NULL && mix_date_parse (value, &date))
    when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                  g_date_get_day (&date), 0, 0, 0);
  else
    when = g_date_time_new_now_local ();

  g_object_set_data (G_OBJECT (cell), "mix-syncing", GINT_TO_POINTER (TRUE));
  gtk_calendar_select_day (GTK_CALENDAR (calendar), when);
  g_object_set_data (G_OBJECT (cell), "mix-syncing", GINT_TO_POINTER (FALSE));
}

/* The calendar, when the cell's calendar button is pressed. */
static void
on_calendar_clicked_cb (GtkButton  *button,
                        ColumnData *data)
{
  GtkWidget *popover;
  GtkWidget *calendar;

  if (cell_record (g_object_get_data (G_OBJECT (button), "mix-cell")) == NULL)
    return;
  if (data->view->read_only)
    {
      gtk_widget_error_bell (GTK_WIDGET (button));
      return;
    }

  popover = gtk_popover_new ();
  calendar = gtk_calendar_new ();
  g_object_set_data (G_OBJECT (calendar), "mix-cell",
                     g_object_get_data (G_OBJECT (button), "mix-cell"));
  g_signal_connect (calendar, "day-selected", G_CALLBACK (on_calendar_day_selected_cb), data);
  g_signal_connect (popover, "show", G_CALLBACK (on_calendar_popover_show_cb), data);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  popup_cell_popover (data->view, GTK_WIDGET (button), popover);
}

static void
on_open_clicked_cb (GtkButton  *button,
                    ColumnData *data)
{
  GtkWidget *cell = g_object_get_data (G_OBJECT (button), "mix-cell");
  MixRecord *record = cell_record (cell);
  const MixColumn *column = column_info (data);
  const char *value = record ? mix_record_get_value (record, data->column) : NULL;
  g_autofree char *uri = NULL;

  if (value == NULL)
    return;

  if (column->type == MIX_COLUMN_EMAIL)
    uri = g_strconcat ("mailto:", value, NULL);
  else
    uri = g_strdup (value);

  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))), uri, GDK_CURRENT_TIME);
}

/* Cells */

static void
set_accessible_label (GtkWidget  *widget,
                      const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* Tooltips are worked out when asked for: setting one costs about 0.1 ms
 * in GTK 4.8, and hundreds of cells are bound at a time. */
static gboolean
on_cell_query_tooltip_cb (GtkWidget  *widget,
                          int         x,
                          int         y,
                          gboolean    keyboard,
                          GtkTooltip *tooltip,
                          ColumnData *data)
{
  GtkWidget *cell = g_object_get_data (G_OBJECT (widget), "mix-cell");
  MixRecord *record = cell_record (cell != NULL ? cell : widget);
  const MixColumn *column = column_info (data);
  const char *value;

  if (record == NULL)
    return FALSE;
  value = mix_record_get_value (record, data->column);
  if (value == NULL)
    return FALSE;

  switch (column->type)
    {
    case MIX_COLUMN_LONG_TEXT:
      gtk_tooltip_set_text (tooltip, value);
      return TRUE;
    case MIX_COLUMN_DATE:
      if (!is_follow_up_column (column) || strcmp (value, data->view->today) >= 0)
        return FALSE;
      gtk_tooltip_set_text (tooltip, _("This follow-up date has passed"));
      return TRUE;
    case MIX_COLUMN_CHOICE:
      /* A choice from a newer version or an old file is shown, not lost. */
      if (mix_column_choice_index (column, value) >= 0)
        return FALSE;
      gtk_tooltip_set_text (tooltip, value);
      return TRUE;
    case MIX_COLUMN_TEXT:
    case MIX_COLUMN_BOOLEAN:
    case MIX_COLUMN_URL:
    case MIX_COLUMN_EMAIL:
    default:
      return FALSE;
    }
}

static gboolean
on_static_query_tooltip_cb (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard,
                            GtkTooltip *tooltip,
                            gpointer    user_data)
{
  gtk_tooltip_set_text (tooltip, g_object_get_data (G_OBJECT (widget), "mix-tooltip"));
  return TRUE;
}

/* A fixed tooltip, set the same lazy way. */
static void
add_static_tooltip (GtkWidget  *widget,
                    const char *text)
{
  g_object_set_data_full (G_OBJECT (widget), "mix-tooltip", g_strdup (text), g_free);
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_static_query_tooltip_cb), NULL);
}

static void
add_lazy_tooltip (GtkWidget  *widget,
                  ColumnData *data)
{
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_cell_query_tooltip_cb), data);
}

/* A cell that shows text, and an entry while it is edited. */
static GtkWidget *
make_text_cell (ColumnData *data)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = mix_cell_text_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_set_focusable (cell, TRUE);
  gtk_widget_add_css_class (cell, "sheet-cell");
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(column_info (data)->title),
                                  -1);

  gtk_widget_set_hexpand (label, TRUE);
  mix_cell_text_set_line_height (MIX_CELL_TEXT (label), data->view->line_height);
  gtk_box_append (GTK_BOX (cell), label);
  g_object_set_data (G_OBJECT (cell), "mix-label", label);
  g_object_set_data (G_OBJECT (label), "mix-cell", cell);
  if (column_info (data)->type == MIX_COLUMN_LONG_TEXT || column_info (data)->type == MIX_COLUMN_DATE)
    add_lazy_tooltip (label, data);

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_cell_key_pressed_cb), data);
  gtk_widget_add_controller (cell, keys);
  g_signal_connect (click, "pressed", G_CALLBACK (on_cell_pressed_cb), data);
  gtk_widget_add_controller (cell, GTK_EVENT_CONTROLLER (click));
  return cell;
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
  GtkWidget *cell = focus;
  graphene_rect_t bounds;
  double value, width;

  /* The cell with its padding: the list's own widget around ours. */
  while (cell != NULL && g_object_get_data (G_OBJECT (cell), "mix-list-item") == NULL)
    cell = gtk_widget_get_parent (cell);
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

  guint position = focus != NULL ? cell_position (focus) : GTK_INVALID_LIST_POSITION;

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

/* The button of a link, address or date cell: to open the link, write
 * to the address, or choose the date. */
static void
add_cell_button (GtkWidget  *cell,
                 ColumnData *data)
{
  const MixColumn *column = column_info (data);
  MixRecord *record = cell_record (cell);
  g_autofree char *what = NULL;
  GtkWidget *button;

  switch (column->type)
    {
    case MIX_COLUMN_URL:
    case MIX_COLUMN_EMAIL:
      button = gtk_button_new_from_icon_name (column->type == MIX_COLUMN_URL
                                              ? "adw-external-link-symbolic"
                                              : "adw-mail-send-symbolic");
      /* Translators: %s is a column title, such as LinkedIn or Email. */
      what = g_strdup_printf (column->type == MIX_COLUMN_URL ? _("Open %s") : _("Write to %s"),
                              _(column->title));
      g_signal_connect (button, "clicked", G_CALLBACK (on_open_clicked_cb), data);
      break;

    case MIX_COLUMN_DATE:
      button = gtk_button_new_from_icon_name ("x-office-calendar-symbolic");
      /* Translators: %s is a column title, such as Follow-Up Date. */
      what = g_strdup_printf (_("Choose %s"), _(column->title));
      g_signal_connect (button, "clicked", G_CALLBACK (on_calendar_clicked_cb), data);
      break;

    default:
      return;
    }

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  add_static_tooltip (button, what);
  set_accessible_label (button, what);
  g_object_set_data (G_OBJECT (button), "mix-cell", cell);
  g_object_set_data (G_OBJECT (cell), "mix-button", button);
  gtk_box_append (GTK_BOX (cell), button);
  if (record != NULL)
    sync_cell (cell, record, data);
}

/* A table keeps about 200 rows bound, most of them out of sight, and the
 * buttons of their cells were a quarter of the time it took to show a
 * table: a cell gets its button when it is first on screen. GTK 4.8 maps
 * every row of a table being shown, and hides those out of sight as it
 * lays them out, so the cells are given their buttons after the layout,
 * which then runs again before the frame is painted. Rows are as high
 * with the buttons as without, since every tab has a choice column, whose
 * cells are buttons as high. */
static void
on_clock_layout_cb (GdkFrameClock *clock,
                    MixSheetView  *self)
{
  g_autoptr(GPtrArray) cells = NULL;

  if (self->button_cells->len == 0)
    return;
  cells = g_steal_pointer (&self->button_cells);
  self->button_cells = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (cells, i);
      ColumnData *data = g_object_get_data (G_OBJECT (cell), "mix-column");

      g_object_set_data (G_OBJECT (cell), "mix-button-queued", NULL);
      if (gtk_widget_get_mapped (cell) && data != NULL &&
          g_object_get_data (G_OBJECT (cell), "mix-button") == NULL)
        add_cell_button (cell, data);
    }
}

static void
queue_cell_button (GtkWidget  *cell,
                   ColumnData *data)
{
  MixColumnType type = column_info (data)->type;

  if ((type != MIX_COLUMN_URL && type != MIX_COLUMN_EMAIL && type != MIX_COLUMN_DATE) ||
      g_object_get_data (G_OBJECT (cell), "mix-button") != NULL ||
      g_object_get_data (G_OBJECT (cell), "mix-button-queued") != NULL)
    return;
  g_object_set_data (G_OBJECT (cell), "mix-button-queued", GINT_TO_POINTER (TRUE));
  g_ptr_array_add (data->view->button_cells, g_object_ref (cell));
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               ColumnData               *data)
{
  const MixColumn *column = column_info (data);
  GtkWidget *cell = NULL;

  switch (column->type)
    {
    case MIX_COLUMN_TEXT:
    case MIX_COLUMN_LONG_TEXT:
      cell = make_text_cell (data);
      break;

    case MIX_COLUMN_URL:
    case MIX_COLUMN_EMAIL:
    case MIX_COLUMN_DATE:
      /* Their button is added when the cell first comes into view. */
      cell = make_text_cell (data);
      break;

    case MIX_COLUMN_BOOLEAN:
      cell = gtk_check_button_new ();
      gtk_widget_set_halign (cell, GTK_ALIGN_CENTER);
      set_accessible_label (cell, _(column->title));
      g_signal_connect (cell, "toggled", G_CALLBACK (on_check_toggled_cb), data);
      break;

    case MIX_COLUMN_CHOICE:
      {
        /* A plain button, its popover made when pressed; its insides are
         * ours, so that showing another value is only a label's text. */
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
        GtkWidget *label = mix_cell_text_new ();

        mix_cell_text_set_line_height (MIX_CELL_TEXT (label), data->view->line_height);
        gtk_widget_set_hexpand (label, TRUE);
        gtk_box_append (GTK_BOX (box), label);
        gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("pan-down-symbolic"));
        cell = gtk_button_new ();
        gtk_button_set_child (GTK_BUTTON (cell), box);
        g_object_set_data (G_OBJECT (cell), "mix-choice-label", label);
      }
      gtk_widget_add_css_class (cell, "flat");
      gtk_widget_add_css_class (cell, "choice-cell");
      add_lazy_tooltip (cell, data);
      set_accessible_label (cell, _(column->title));
      g_signal_connect (cell, "clicked", G_CALLBACK (on_choice_cell_clicked_cb), data);
      break;

    default:
      g_assert_not_reached ();
    }

  g_object_set_data (G_OBJECT (cell), "mix-column-index", GUINT_TO_POINTER (data->column));
  if (cell_value_label (cell) == NULL)
    {
      GtkEventController *keys = gtk_event_controller_key_new ();

      g_signal_connect (keys, "key-pressed", G_CALLBACK (on_cell_key_pressed_cb), data);
      gtk_widget_add_controller (cell, keys);
    }
  g_signal_connect (cell, "map", G_CALLBACK (on_cell_map_cb), data);
  g_signal_connect (cell, "unmap", G_CALLBACK (on_cell_unmap_cb), data);
  gtk_list_item_set_child (item, cell);
}

/* An empty link or address cell has nothing to open. Its button keeps its
 * place, out of sight and out of reach, rather than being hidden: a cell
 * is synced as it comes into view, while GTK 4.8 lays out the table, and
 * anything that asks for a new size then (hiding, showing, and even making
 * a widget focusable or not) leaves its row without one when drawn. */
static void
show_open_button (GtkWidget *button,
                  gboolean   shown)
{
  gtk_widget_set_opacity (button, shown ? 1.0 : 0.0);
  gtk_widget_set_can_target (button, shown);
  gtk_widget_set_sensitive (button, shown);
  gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_HIDDEN, !shown, -1);
}

/* Shows the record's value in the cell. */
static void
sync_cell (GtkWidget  *cell,
           MixRecord  *record,
           ColumnData *data)
{
  MixSheetView *self = data->view;
  const MixColumn *column = column_info (data);
  const char *value = mix_record_get_value (record, data->column);

  g_object_set_data (G_OBJECT (cell), "mix-syncing", GINT_TO_POINTER (TRUE));

  switch (column->type)
    {
    case MIX_COLUMN_BOOLEAN:
      gtk_check_button_set_active (GTK_CHECK_BUTTON (cell), value != NULL);
      gtk_widget_set_sensitive (cell, !self->read_only);
      break;

    case MIX_COLUMN_CHOICE:
      {
        int index = mix_column_choice_index (column, value);

        /* Translators: shown in a choice column for "not set". */
        const char *shown = value == NULL ? _("—")
                            : index >= 0 ? _(column->choices[index].label)
                            : value;

        MixCellText *label = g_object_get_data (G_OBJECT (cell), "mix-choice-label");

        mix_cell_text_set_text (label, shown);
        gtk_widget_set_sensitive (cell, !self->read_only);
      }
      break;

    case MIX_COLUMN_TEXT:
    case MIX_COLUMN_LONG_TEXT:
    case MIX_COLUMN_DATE:
    case MIX_COLUMN_URL:
    case MIX_COLUMN_EMAIL:
    default:
      {
        GtkWidget *label = cell_value_label (cell);
        GtkWidget *button = g_object_get_data (G_OBJECT (cell), "mix-button");
        g_autofree char *display = mix_record_get_display_value (record, data->column);
        gboolean overdue;

        mix_cell_text_set_text (MIX_CELL_TEXT (label), display);

        /* The row is named by its first value, the person's name: a
         * screen reader says "Ada Lovelace", not the row's class. */
        if (data->column == 0)
          {
            GtkWidget *column_cell = gtk_widget_get_parent (cell);
            GtkWidget *row = column_cell != NULL ? gtk_widget_get_parent (column_cell) : NULL;

            if (row != NULL)
              gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              display != NULL && *display != '\0'
                                              ? display : _("Row without a name"), -1);
          }

        if (column->type == MIX_COLUMN_URL || column->type == MIX_COLUMN_EMAIL)
          {
            g_autoptr(GError) wrong = NULL;
            gboolean right = mix_column_check_value (column, value, &wrong);

            /* An address kept as typed is marked until it is fixed, and
             * there is nothing to open. */
            if (right)
              gtk_widget_remove_css_class (label, "error");
            else
              gtk_widget_add_css_class (label, "error");
            if (!right || gtk_widget_get_tooltip_text (label) != NULL)
              {
                gtk_widget_set_tooltip_text (label, right ? NULL : wrong->message);
                gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                                GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                right ? "" : wrong->message, -1);
              }
            if (button != NULL)
              show_open_button (button, value != NULL && right);
          }

        overdue = is_follow_up_column (column) && value != NULL &&
                  strcmp (value, self->today) < 0;
        if (overdue)
          gtk_widget_add_css_class (label, "overdue");
        else if (is_follow_up_column (column))
          gtk_widget_remove_css_class (label, "overdue");
      }
      break;
    }

  g_object_set_data (G_OBJECT (cell), "mix-syncing", GINT_TO_POINTER (FALSE));
}

/* Starts editing a new row's first cell once it is on screen and stays
 * there. The row can be bound before its table is shown, perhaps more than
 * once, and GTK 4.8's list moves the widgets of the rows around it in the
 * frames after a row is added and scrolled to: an entry focused in the
 * first widget that showed the row lost the focus a frame later, and what
 * was typed next went nowhere. So the cell is edited once it has been the
 * same, mapped and laid out, for two frames. */
static GtkWidget *find_bound_cell (GtkWidget *widget,
                                   MixRecord *record,
                                   guint      column);
static GtkWidget *find_list_view  (GtkWidget *widget);

static gboolean
edit_pending_tick_cb (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       user_data)
{
  MixSheetView *self = user_data;
  GtkWidget *cell = NULL;

  if (self->pending_edit != NULL && !self->read_only)
    cell = find_bound_cell (GTK_WIDGET (self->column_view), self->pending_edit, 0);
  if (cell != NULL && (!gtk_widget_get_mapped (cell) || gtk_widget_get_width (cell) == 0))
    cell = NULL;

  if (self->pending_edit == NULL || self->read_only ||
      (gtk_widget_get_mapped (widget) && ++self->edit_frames > 120))
    {
      /* Gone, or never shown (two seconds in view): nothing to edit. */
      self->pending_edit = NULL;
      self->edit_tick = 0;
      return G_SOURCE_REMOVE;
    }
  if (cell != NULL && cell == self->edit_seen)
    {
      self->edit_tick = 0;
      self->edit_seen = NULL;
      begin_editing (cell, &self->columns[0], NULL);
      return G_SOURCE_REMOVE;
    }
  /* Scrolled to before its height was known (the list guesses the height
   * of a row it has not laid out yet), the row may still be out of view:
   * it is scrolled to again, now that it is laid out. */
  if (cell == NULL && gtk_widget_get_mapped (widget))
    {
      guint position = mix_sheet_rows_find (self->visible, self->pending_edit);

      if (position != GTK_INVALID_LIST_POSITION)
        gtk_widget_activate_action (find_list_view (GTK_WIDGET (self->column_view)),
                                    "list.scroll-to-item", "u", position);
    }
  self->edit_seen = cell;
  return G_SOURCE_CONTINUE;
}

/* Closes a choice list or calendar open on the cell. */
static void
close_cell_popovers (GtkWidget *widget,
                     guint      depth)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER (child))
        gtk_popover_popdown (GTK_POPOVER (child));
      else if (depth > 0)
        close_cell_popovers (child, depth - 1);
    }
}

/* Lets go of the row the cell showed. A cell being edited when it scrolls
 * away, or when a search or sort puts another row in its place, keeps what
 * was typed. */
static void
clear_cell (GtkWidget  *cell,
            ColumnData *data)
{
  if (cell_entry (cell) != NULL)
    {
      stop_editing (cell, data, TRUE, FALSE);
      remove_entry (cell);
    }
  g_object_set_data (G_OBJECT (cell), "mix-record", NULL);
}

static void
refresh_cell (GtkWidget  *cell,
              ColumnData *data,
              MixRecord  *record)
{
  if (gtk_widget_get_mapped (cell))
    sync_cell (cell, record, data);
  else
    g_object_set_data (G_OBJECT (cell), "mix-stale", GINT_TO_POINTER (TRUE));
}

static void
show_record (GtkWidget  *cell,
             ColumnData *data,
             MixRecord  *record)
{
  g_object_set_data_full (G_OBJECT (cell), "mix-record", g_object_ref (record), g_object_unref);
  refresh_cell (cell, data, record);
}

/* The cell's slot has another row in it. */
static void
take_record (GtkWidget  *cell,
             ColumnData *data,
             MixRecord  *record)
{
  /* GTK 4.8 binds a row again when only its selection changes: a choice
   * list stays open through that, not when the row goes. */
  if (data->view->open_popovers > 0)
    close_cell_popovers (cell, 1);
  clear_cell (cell, data);
  show_record (cell, data, record);
}

static void
on_slot_changed_cb (MixSheetSlot *slot,
                    int           column,
                    GtkWidget    *cell)
{
  ColumnData *data = g_object_get_data (G_OBJECT (cell), "mix-column");

  if (column < 0)
    take_record (cell, data, mix_sheet_slot_get_record (slot));
  else if (column == (int) data->column)
    refresh_cell (cell, data, mix_sheet_slot_get_record (slot));
}

static MixSheetSlot *
cell_slot (GtkWidget *cell)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (cell), "mix-list-item");

  return item != NULL ? gtk_list_item_get_item (item) : NULL;
}

/* A table keeps about 200 rows bound, most of them out of sight and
 * unmapped. A cell follows its slot only while it is on screen or being
 * edited, and one that comes into view takes its slot's row then, so that
 * a search or a sort costs the rows on screen only. */
static void
follow_slot (GtkWidget *cell,
             gboolean   follow)
{
  MixSheetSlot *slot = cell_slot (cell);

  if (slot == NULL || follow == (g_object_get_data (G_OBJECT (cell), "mix-following") != NULL))
    return;
  if (follow)
    {
      mix_sheet_slot_hold (slot);
      g_signal_connect (slot, "changed", G_CALLBACK (on_slot_changed_cb), cell);
    }
  else
    {
      g_signal_handlers_disconnect_by_func (slot, on_slot_changed_cb, cell);
      mix_sheet_slot_release (slot);
    }
  g_object_set_data (G_OBJECT (cell), "mix-following", GINT_TO_POINTER (follow));
}

static void
on_cell_map_cb (GtkWidget  *cell,
                ColumnData *data)
{
  MixSheetSlot *slot = cell_slot (cell);
  MixRecord *record;

  if (slot == NULL)
    return;
  queue_cell_button (cell, data);
  follow_slot (cell, TRUE);
  record = mix_sheet_slot_get_record (slot);
  if (record != cell_record (cell))
    {
      take_record (cell, data, record);
      return;
    }
  /* Still following out of sight, as it was being edited. */
  if (g_object_get_data (G_OBJECT (cell), "mix-stale") != NULL)
    {
      g_object_set_data (G_OBJECT (cell), "mix-stale", NULL);
      sync_cell (cell, record, data);
    }
}

/* Out of sight, a cell shows no row, so that none is found in it: it takes
 * its slot's again when it comes into view. One being edited goes on. */
static void
on_cell_unmap_cb (GtkWidget  *cell,
                  ColumnData *data)
{
  if (cell_entry (cell) != NULL)
    return;
  follow_slot (cell, FALSE);
  g_object_set_data (G_OBJECT (cell), "mix-record", NULL);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ColumnData               *data)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  MixSheetSlot *slot = gtk_list_item_get_item (item);

  g_object_set_data (G_OBJECT (cell), "mix-column", data);
  g_object_set_data (G_OBJECT (cell), "mix-list-item", item);
  /* GTK 4.8 binds a row on screen again when only its selection changes:
   * its cells show the same row without closing a choice list. */
  if (gtk_widget_get_mapped (cell))
    {
      queue_cell_button (cell, data);
      follow_slot (cell, TRUE);
      show_record (cell, data, mix_sheet_slot_get_record (slot));
    }
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                ColumnData               *data)
{
  GtkWidget *cell = gtk_list_item_get_child (item);

  clear_cell (cell, data);
  follow_slot (cell, FALSE);
  g_object_set_data (G_OBJECT (cell), "mix-list-item", NULL);
}

/* Sorting and filtering */

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  ColumnData *data = user_data;
  const MixColumn *column = column_info (data);
  /* The sort calls this some 130,000 times for 10,000 rows: each value is
   * fetched only where its column type needs it. */
  MixRecord *ra = (MixRecord *) a;
  MixRecord *rb = (MixRecord *) b;
  const char *va;
  const char *vb;
  int result;

  switch (column->type)
    {
    case MIX_COLUMN_BOOLEAN:
      result = (mix_record_get_value (ra, data->column) != NULL) -
               (mix_record_get_value (rb, data->column) != NULL);
      break;
    case MIX_COLUMN_CHOICE:
      {
        int ia, ib;

        va = mix_record_get_value (ra, data->column);
        vb = mix_record_get_value (rb, data->column);
        /* In the order the choices are listed; unknown ones after them. */
        ia = va ? mix_column_choice_index (column, va) : -1;
        ib = vb ? mix_column_choice_index (column, vb) : -1;
        if (va != NULL && ia < 0)
          ia = G_MAXINT / 2;
        if (vb != NULL && ib < 0)
          ib = G_MAXINT / 2;
        if (va == NULL || vb == NULL)
          result = (va == NULL) - (vb == NULL);
        else
          result = (ia > ib) - (ia < ib);
      }
      break;
    case MIX_COLUMN_DATE:
      /* ISO dates sort as text. */
      va = mix_record_get_value (ra, data->column);
      vb = mix_record_get_value (rb, data->column);
      result = (va == NULL || vb == NULL) ? (va == NULL) - (vb == NULL) : strcmp (va, vb);
      break;
    case MIX_COLUMN_TEXT:
    case MIX_COLUMN_LONG_TEXT:
    case MIX_COLUMN_URL:
    case MIX_COLUMN_EMAIL:
    default:
      result = mix_record_compare_text (ra, rb, data->column);
      break;
    }

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static gboolean
filter_row (MixRecord *record,
            gpointer   user_data)
{
  MixSheetView *self = user_data;

  return mix_record_matches (record, self->needle);
}

/* A search or a sort shows other rows in the same places: the selected
 * rows are kept selected wherever they go. */
static GPtrArray *
begin_keeping_selection (MixSheetView *self)
{
  return mix_sheet_view_get_selected (self);
}

static void
end_keeping_selection (MixSheetView *self,
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

static void
on_sorter_changed_cb (GtkSorter       *sorter,
                      GtkSorterChange  change,
                      MixSheetView    *self)
{
  GPtrArray *selected = begin_keeping_selection (self);

  mix_sheet_rows_sort (self->visible);
  end_keeping_selection (self, selected);
}

/* Searches for @needle (taken), already casefolded. */
static void
search (MixSheetView *self,
        char         *needle)
{
  gboolean narrower = strstr (needle, self->needle) != NULL;
  GPtrArray *selected;

  if (g_str_equal (needle, self->needle))
    {
      g_free (needle);
      return;
    }

  selected = begin_keeping_selection (self);
  g_free (self->needle);
  self->needle = needle;
  mix_sheet_rows_refilter (self->visible, narrower);
  end_keeping_selection (self, selected);
}

/* The search typed while the tab was hidden. */
static void
search_pending (MixSheetView *self)
{
  if (self->pending_needle != NULL)
    search (self, g_steal_pointer (&self->pending_needle));
}

static void
update_stack (MixSheetView *self)
{
  if (g_list_model_get_n_items (self->rows) == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (mix_sheet_rows_get_n_rows (self->visible) == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->stack, "table");
}

static void
on_items_changed_cb (GListModel   *model,
                     guint         position,
                     guint         removed,
                     guint         added,
                     MixSheetView *self)
{
  update_stack (self);
}

/* Public API */

void
mix_sheet_view_set_search (MixSheetView *self,
                           const char   *text)
{
  g_autofree char *needle = NULL;

  g_return_if_fail (MIX_IS_SHEET_VIEW (self));

  needle = mix_text_fold (text ? text : "", -1);
  g_strstrip (needle);

  /* Every tab is searched, but only the one shown at once: the others
   * when they are shown. */
  g_free (self->pending_needle);
  self->pending_needle = g_steal_pointer (&needle);
  if (self->bound && gtk_widget_get_mapped (GTK_WIDGET (self)))
    search_pending (self);
}

void
mix_sheet_view_set_read_only (MixSheetView *self,
                              gboolean      read_only)
{
  g_return_if_fail (MIX_IS_SHEET_VIEW (self));
  self->read_only = !!read_only;
}

MixTab
mix_sheet_view_get_tab (MixSheetView *self)
{
  g_return_val_if_fail (MIX_IS_SHEET_VIEW (self), MIX_TAB_EXISTING_NETWORK);
  return self->tab;
}

/**
 * mix_sheet_view_get_selection:
 *
 * Returns: (transfer none): the selection of the rows shown, there from
 *   the start even though the table takes it only when first shown
 */
GtkSelectionModel *
mix_sheet_view_get_selection (MixSheetView *self)
{
  g_return_val_if_fail (MIX_IS_SHEET_VIEW (self), NULL);
  return GTK_SELECTION_MODEL (self->selection);
}

/**
 * mix_sheet_view_get_column_view:
 *
 * Returns: (transfer none): the table
 */
GtkColumnView *
mix_sheet_view_get_column_view (MixSheetView *self)
{
  g_return_val_if_fail (MIX_IS_SHEET_VIEW (self), NULL);
  return self->column_view;
}

/**
 * mix_sheet_view_get_n_visible_rows:
 *
 * Returns: how many rows are shown, those that match the search
 */
guint
mix_sheet_view_get_n_visible_rows (MixSheetView *self)
{
  g_return_val_if_fail (MIX_IS_SHEET_VIEW (self), 0);
  search_pending (self);
  return mix_sheet_rows_get_n_rows (self->visible);
}

/**
 * mix_sheet_view_get_visible_row:
 *
 * Returns: (transfer none) (nullable): the row shown at @position, as
 *   searched and sorted
 */
MixRecord *
mix_sheet_view_get_visible_row (MixSheetView *self,
                                guint         position)
{
  g_return_val_if_fail (MIX_IS_SHEET_VIEW (self), NULL);
  search_pending (self);
  return mix_sheet_rows_get_record (self->visible, position);
}

/* The cell showing @column of @record: one on screen, or being edited. */
static GtkWidget *
find_bound_cell (GtkWidget *widget,
                 MixRecord *record,
                 guint      column)
{
  if (g_object_get_data (G_OBJECT (widget), "mix-record") == record &&
      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "mix-column-index")) == column)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_bound_cell (child, record, column);
      if (found != NULL)
        return found;
    }
  return NULL;
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
  GtkWidget *cell;

  g_return_val_if_fail (MIX_IS_SHEET_VIEW (self), NULL);
  bind_models (self);

  cell = find_bound_cell (GTK_WIDGET (self->column_view), record, column);
  if (cell == NULL || cell_value_label (cell) == NULL)
    return NULL;
  begin_editing (cell, &self->columns[column], NULL);
  return cell_entry (cell);
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
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
  bind_models (self);

  search_pending (self);
  position = mix_sheet_rows_find (self->visible, record);
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  /* With the focus left in another row, GTK 4.8's list scrolls back to
   * that row: the new one was never shown, and typing went into the other
   * row's cell. */
  if (edit_first_cell)
    mix_sheet_view_release_focus (self);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  gtk_widget_activate_action (find_list_view (GTK_WIDGET (self->column_view)),
                              "list.scroll-to-item", "u", position);
  if (edit_first_cell)
    {
      /* The row may be on screen already, or be shown later: it stays
       * pending until its cell is edited (edit_pending_tick_cb()). Only
       * text cells are edited so. */
      if (column_info (&self->columns[0])->type == MIX_COLUMN_TEXT ||
          column_info (&self->columns[0])->type == MIX_COLUMN_LONG_TEXT)
        {
          self->pending_edit = record;
          self->edit_seen = NULL;
          self->edit_frames = 0;
          if (self->edit_tick == 0)
            self->edit_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view),
                                                            edit_pending_tick_cb, self, NULL);
        }
    }
}

/**
 * mix_sheet_view_add_row:
 *
 * Adds an empty row to the tab, selects it and starts editing its first
 * cell.
 *
 * Returns: (transfer none): the new row
 */
MixRecord *
mix_sheet_view_add_row (MixSheetView *self)
{
  MixRecord *record;

  g_return_val_if_fail (MIX_IS_SHEET_VIEW (self), NULL);
  bind_models (self);

  if (self->read_only)
    return NULL;

  record = mix_record_new (self->tab);
  mix_tracker_insert_row (self->tracker, record, G_MAXUINT);
  {
    g_autoptr(GPtrArray) added = g_ptr_array_new ();

    g_ptr_array_add (added, record);
    mix_tracker_changes_added (self->history, self->tracker, added, _("Added a row"));
  }
  mix_sheet_view_select_record (self, record, TRUE);
  g_object_unref (record);  /* the tracker holds it */
  return record;
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

  if (!contains_focus (GTK_WIDGET (self->column_view)))
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

/* Construction */

/* Widths that fit typical values; the user can resize every column. */
/* Measures the text once for the whole table: how much larger it is than
 * the 100 % the widths below were chosen for (a date in the default font
 * is about 80 px wide), so that columns grow with Large Text; and how tall
 * a line is, which the cells take rather than each measuring its own. */
static void
measure_text (MixSheetView *self)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "2026-12-31");
  int width = 0;

  pango_layout_get_pixel_size (layout, &width, &self->line_height);
  self->width_scale = MAX (1.0, width / 80.0);
}

static int
column_width (const MixColumn *column,
              guint            index)
{
  switch (column->type)
    {
    case MIX_COLUMN_BOOLEAN:
      return 120;
    case MIX_COLUMN_DATE:
      return 150;
    case MIX_COLUMN_CHOICE:
      return 170;
    case MIX_COLUMN_URL:
    case MIX_COLUMN_EMAIL:
      return 220;
    case MIX_COLUMN_LONG_TEXT:
      return 240;
    case MIX_COLUMN_TEXT:
    default:
      return index == 0 ? 180 : 150;
    }
}

static void
build_columns (MixSheetView *self)
{
  const MixTabInfo *info = mix_tab_get_info (self->tab);

  self->columns = g_new0 (ColumnData, info->n_columns);
  measure_text (self);

  for (guint i = 0; i < info->n_columns; i++)
    {
      const MixColumn *column = &info->columns[i];
      ColumnData *data = &self->columns[i];
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) view_column = NULL;
      g_autoptr(GtkSorter) sorter = NULL;

      data->view = self;
      data->column = i;

      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), data);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), data);
      g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), data);

      view_column = gtk_column_view_column_new (_(column->title), g_steal_pointer (&factory));
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows, data, NULL));
      gtk_column_view_column_set_sorter (view_column, sorter);
      gtk_column_view_column_set_resizable (view_column, TRUE);
      gtk_column_view_column_set_fixed_width (view_column,
                                              (int) (column_width (column, i) * self->width_scale));
      if (column->type == MIX_COLUMN_LONG_TEXT)
        gtk_column_view_column_set_expand (view_column, TRUE);
      gtk_column_view_append_column (self->column_view, view_column);
    }
}

MixSheetView *
mix_sheet_view_new (MixTracker *tracker,
                    MixTab      tab)
{
  MixSheetView *self;
  const MixTabInfo *info;

  g_return_val_if_fail (MIX_IS_TRACKER (tracker), NULL);
  g_return_val_if_fail (tab < MIX_N_TABS, NULL);

  self = g_object_new (MIX_TYPE_SHEET_VIEW, NULL);
  self->tracker = g_object_ref (tracker);
  self->tab = tab;
  info = mix_tab_get_info (tab);

  /* The filter, the sorter and the view are attached when the view is
   * first shown (bind_models()): with 10,000 rows in a tab, filtering and
   * binding rows for a tab nobody looks at cost most of the start-up. */
  self->rows = g_object_ref (mix_tracker_get_rows (tracker, tab));
  self->visible = mix_sheet_rows_new (self->rows, filter_row, self);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->visible)));

  build_columns (self);

  adw_status_page_set_title (self->empty_page, _(info->title));
  adw_status_page_set_description (self->empty_page, _(info->description));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->title),
                                  -1);

  g_signal_connect_object (self->rows, "items-changed", G_CALLBACK (on_items_changed_cb), self, 0);
  g_signal_connect_object (self->visible, "items-changed", G_CALLBACK (on_items_changed_cb), self, 0);
  update_stack (self);

  return self;
}

static void
bind_models (MixSheetView *self)
{
  if (self->bound)
    return;
  self->bound = TRUE;
  mix_sheet_rows_set_sorter (self->visible, gtk_column_view_get_sorter (self->column_view));
  mix_sheet_rows_sort (self->visible);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed_cb), self, 0);
  search_pending (self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  /* The row of column titles, and the table's rows (after the tab), are
   * named for screen readers, not "GtkListItemWidget" and
   * "GtkColumnListView". */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_LIST_VIEW (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Column Titles"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (find_list_view (GTK_WIDGET (self->column_view))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(mix_tab_get_info (self->tab)->title), -1);
}

static void
mix_sheet_view_map (GtkWidget *widget)
{
  MixSheetView *self = MIX_SHEET_VIEW (widget);

  bind_models (self);
  search_pending (self);

  /* The day may have changed since the view was last shown. */
  g_free (self->today);
  self->today = mix_date_today_iso ();

  GTK_WIDGET_CLASS (mix_sheet_view_parent_class)->map (widget);
}

static void
mix_sheet_view_realize (GtkWidget *widget)
{
  MixSheetView *self = MIX_SHEET_VIEW (widget);

  GTK_WIDGET_CLASS (mix_sheet_view_parent_class)->realize (widget);

  /* After the window's own handler, which lays it out. */
  self->clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  g_signal_connect (self->clock, "layout", G_CALLBACK (on_clock_layout_cb), self);
}

static void
mix_sheet_view_unrealize (GtkWidget *widget)
{
  MixSheetView *self = MIX_SHEET_VIEW (widget);

  if (self->clock != NULL)
    g_signal_handlers_disconnect_by_func (self->clock, on_clock_layout_cb, self);
  g_clear_object (&self->clock);
  for (guint i = 0; i < self->button_cells->len; i++)
    g_object_set_data (g_ptr_array_index (self->button_cells, i), "mix-button-queued", NULL);
  g_ptr_array_set_size (self->button_cells, 0);

  GTK_WIDGET_CLASS (mix_sheet_view_parent_class)->unrealize (widget);
}

static void
mix_sheet_view_root (GtkWidget *widget)
{
  MixSheetView *self = MIX_SHEET_VIEW (widget);

  GTK_WIDGET_CLASS (mix_sheet_view_parent_class)->root (widget);

  self->focus_root = gtk_widget_get_root (widget);
  g_signal_connect (self->focus_root, "notify::focus-widget",
                    G_CALLBACK (on_focus_widget_notify_cb), self);
}

static void
mix_sheet_view_unroot (GtkWidget *widget)
{
  MixSheetView *self = MIX_SHEET_VIEW (widget);

  if (self->focus_root != NULL)
    g_signal_handlers_disconnect_by_func (self->focus_root, on_focus_widget_notify_cb, self);
  self->focus_root = NULL;

  GTK_WIDGET_CLASS (mix_sheet_view_parent_class)->unroot (widget);
}

static void
mix_sheet_view_dispose (GObject *object)
{
  MixSheetView *self = MIX_SHEET_VIEW (object);

  g_clear_handle_id (&self->select_idle, g_source_remove);
  if (self->edit_tick != 0 && self->column_view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->edit_tick);
  self->edit_tick = 0;
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIX_TYPE_SHEET_VIEW);

  g_clear_object (&self->selection);
  g_clear_object (&self->visible);
  g_clear_object (&self->rows);
  g_clear_object (&self->tracker);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (mix_sheet_view_parent_class)->dispose (object);
}

static void
mix_sheet_view_finalize (GObject *object)
{
  MixSheetView *self = MIX_SHEET_VIEW (object);

  g_ptr_array_unref (self->button_cells);
  g_free (self->columns);
  g_free (self->needle);
  g_free (self->pending_needle);
  g_free (self->today);

  G_OBJECT_CLASS (mix_sheet_view_parent_class)->finalize (object);
}

static void
mix_sheet_view_class_init (MixSheetViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mix_sheet_view_dispose;
  object_class->finalize = mix_sheet_view_finalize;
  widget_class->map = mix_sheet_view_map;
  widget_class->realize = mix_sheet_view_realize;
  widget_class->unrealize = mix_sheet_view_unrealize;
  widget_class->root = mix_sheet_view_root;
  widget_class->unroot = mix_sheet_view_unroot;

  /**
   * MixSheetView::error:
   * @message: what was wrong with a value, a sentence for the user
   */
  signals[ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/tracker/mix-sheet-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MixSheetView, column_view);
  gtk_widget_class_bind_template_child (widget_class, MixSheetView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, MixSheetView, stack);
}

static void
mix_sheet_view_init (MixSheetView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->needle = g_strdup ("");
  self->today = mix_date_today_iso ();
  self->button_cells = g_ptr_array_new_with_free_func (g_object_unref);
  self->select_anchor = GTK_INVALID_LIST_POSITION;
}
