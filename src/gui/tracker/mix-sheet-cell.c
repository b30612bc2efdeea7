/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mix-sheet-cell-private.h"
#include "mix-sheet-view-private.h"

/**
 * MixSheetCell:
 *
 * One cell of a #MixSheetView: the value of one column of the row its list
 * item holds, with the editor that fits the column's type. A text, date,
 * link or address cell shows its value in a label and takes the focus
 * itself (an entry is put in while it is edited, and a link, address or
 * date cell gets a button when it first comes into view); a yes/no cell
 * holds a check button and a choice cell a flat button that opens the list
 * of choices.
 *
 * A table keeps about 200 rows bound, most of them out of sight and
 * unmapped: a cell follows its row's slot (see #MixSheetSlot) only while
 * it is on screen or being edited, and shows no row while out of sight.
 */

G_DEFINE_FINAL_TYPE (MixSheetCell, mix_sheet_cell, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_COLUMN,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
mix_sheet_cell_set_record (MixSheetCell *self,
                           MixRecord    *record)
{
  if (g_set_object (&self->record, record))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

/* Tooltips are worked out when asked for: setting one costs about 0.1 ms
 * in GTK 4.8, and hundreds of cells are bound at a time. */
static gboolean
on_value_query_tooltip_cb (GtkWidget    *widget,
                           int           x,
                           int           y,
                           gboolean      keyboard,
                           GtkTooltip   *tooltip,
                           MixSheetCell *self)
{
  const char *value;

  if (self->record == NULL)
    return FALSE;
  value = mix_record_get_value (self->record, self->column);
  if (value == NULL)
    return FALSE;

  switch (self->info->type)
    {
    case MIX_COLUMN_LONG_TEXT:
      gtk_tooltip_set_text (tooltip, value);
      return TRUE;
    case MIX_COLUMN_DATE:
      if (!mix_column_is_overdue (self->info, value, self->view->today))
        return FALSE;
      gtk_tooltip_set_text (tooltip, _("This follow-up date has passed"));
      return TRUE;
    case MIX_COLUMN_CHOICE:
      /* A choice from a newer version or an old file is shown, not lost. */
      if (mix_column_choice_index (self->info, value) >= 0)
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

gboolean
mix_sheet_cell_query_button_tooltip_cb (GtkWidget    *widget,
                            int           x,
                            int           y,
                            gboolean      keyboard,
                            GtkTooltip   *tooltip,
                            MixSheetCell *self)
{
  gtk_tooltip_set_text (tooltip, self->button_tip);
  return TRUE;
}

static void
add_lazy_tooltip (MixSheetCell *self,
                  GtkWidget    *widget)
{
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_value_query_tooltip_cb), self);
}

static void
set_accessible_label (GtkWidget  *widget,
                      const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static MixCellText *
make_label (MixSheetCell *self)
{
  GtkWidget *label = mix_cell_text_new ();

  mix_cell_text_set_line_height (MIX_CELL_TEXT (label), self->view->line_height);
  gtk_widget_set_hexpand (label, TRUE);
  return MIX_CELL_TEXT (label);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   MixSheetCell          *self)
{
  return mix_sheet_view_cell_key_pressed (self->view, self, keyval, state);
}

static void
on_pressed_cb (GtkGestureClick *gesture,
               int              n_press,
               double           x,
               double           y,
               MixSheetCell    *self)
{
  mix_sheet_view_cell_pressed (self->view, self, GTK_GESTURE (gesture), n_press);
}

static void
on_check_toggled_cb (GtkCheckButton *check,
                     MixSheetCell   *self)
{
  if (self->record == NULL || self->syncing)
    return;
  mix_sheet_view_commit_text (self->view, self->record, self->column,
                              gtk_check_button_get_active (check) ? "yes" : "no");
}

static void
on_choice_clicked_cb (GtkButton    *button,
                      MixSheetCell *self)
{
  mix_sheet_view_choose (self->view, self);
}

/* A cell that shows text, and an entry while it is edited. */
static void
build_text_cell (MixSheetCell *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_box_set_spacing (GTK_BOX (self), 4);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "sheet-cell");
  set_accessible_label (GTK_WIDGET (self), _(self->info->title));

  self->label = make_label (self);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->label));
  if (self->info->type == MIX_COLUMN_LONG_TEXT || self->info->type == MIX_COLUMN_DATE)
    add_lazy_tooltip (self, GTK_WIDGET (self->label));

  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

/* A plain button, its popover made when pressed; its insides are ours, so
 * that showing another value is only a label's text. */
static void
build_choice_cell (MixSheetCell *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  self->label = make_label (self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("pan-down-symbolic"));
  self->editor = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->editor), box);
  gtk_widget_add_css_class (self->editor, "flat");
  gtk_widget_add_css_class (self->editor, "choice-cell");
  add_lazy_tooltip (self, self->editor);
  g_signal_connect (self->editor, "clicked", G_CALLBACK (on_choice_clicked_cb), self);
}

/**
 * mix_sheet_cell_new:
 *
 * Returns: (transfer floating): a cell for @column of @view's tab, showing
 *   no row yet
 */
MixSheetCell *
mix_sheet_cell_new (MixSheetView *view,
                    guint         column)
{
  MixSheetCell *self;
  GtkEventController *keys;

  g_return_val_if_fail (MIX_IS_SHEET_VIEW (view), NULL);

  self = g_object_new (MIX_TYPE_SHEET_CELL, "column", column, NULL);
  self->view = view;
  self->info = &mix_tab_get_info (view->tab)->columns[column];

  switch (self->info->type)
    {
    case MIX_COLUMN_TEXT:
    case MIX_COLUMN_LONG_TEXT:
    case MIX_COLUMN_URL:
    case MIX_COLUMN_EMAIL:
    case MIX_COLUMN_DATE:
      /* A link, address or date cell gets its button when it first comes
       * into view: see mix_sheet_view_add_cell_buttons(). */
      build_text_cell (self);
      break;

    case MIX_COLUMN_BOOLEAN:
      self->editor = gtk_check_button_new ();
      gtk_widget_set_halign (self->editor, GTK_ALIGN_CENTER);
      g_signal_connect (self->editor, "toggled", G_CALLBACK (on_check_toggled_cb), self);
      break;

    case MIX_COLUMN_CHOICE:
      build_choice_cell (self);
      break;

    default:
      g_assert_not_reached ();
    }

  if (self->editor != NULL)
    {
      /* The control fills the cell, as the cell's only child. */
      gtk_widget_set_hexpand (self->editor, TRUE);
      set_accessible_label (self->editor, _(self->info->title));
      gtk_box_append (GTK_BOX (self), self->editor);
    }

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  return self;
}

MixSheetView *
mix_sheet_cell_get_view (MixSheetCell *self)
{
  g_return_val_if_fail (MIX_IS_SHEET_CELL (self), NULL);
  return self->view;
}

guint
mix_sheet_cell_get_column (MixSheetCell *self)
{
  g_return_val_if_fail (MIX_IS_SHEET_CELL (self), 0);
  return self->column;
}

const MixColumn *
mix_sheet_cell_get_info (MixSheetCell *self)
{
  g_return_val_if_fail (MIX_IS_SHEET_CELL (self), NULL);
  return self->info;
}

/**
 * mix_sheet_cell_get_record:
 *
 * The row the cell shows while it is bound and on screen (or being
 * edited); a cell can get its focus-out after that, as it goes, and then
 * has none.
 *
 * Returns: (transfer none) (nullable): the row shown
 */
MixRecord *
mix_sheet_cell_get_record (MixSheetCell *self)
{
  g_return_val_if_fail (MIX_IS_SHEET_CELL (self), NULL);
  return self->record;
}

/**
 * mix_sheet_cell_get_position:
 *
 * Returns: the row of the table the cell is in, or
 *   %GTK_INVALID_LIST_POSITION when unbound
 */
guint
mix_sheet_cell_get_position (MixSheetCell *self)
{
  g_return_val_if_fail (MIX_IS_SHEET_CELL (self), GTK_INVALID_LIST_POSITION);
  return self->item != NULL ? gtk_list_item_get_position (self->item) : GTK_INVALID_LIST_POSITION;
}

/**
 * mix_sheet_cell_is_text:
 *
 * Returns: whether the cell is edited as text (in an entry, by typing)
 */
gboolean
mix_sheet_cell_is_text (MixSheetCell *self)
{
  g_return_val_if_fail (MIX_IS_SHEET_CELL (self), FALSE);
  return self->editor == NULL;
}

/**
 * mix_sheet_cell_get_label:
 *
 * Returns: (transfer none) (nullable): the text shown: the value of a text
 *   cell, the choice of a choice cell
 */
MixCellText *
mix_sheet_cell_get_label (MixSheetCell *self)
{
  g_return_val_if_fail (MIX_IS_SHEET_CELL (self), NULL);
  return self->label;
}

/**
 * mix_sheet_cell_get_editor:
 *
 * Returns: (transfer none) (nullable): the check button of a yes/no cell or
 *   the button of a choice cell
 */
GtkWidget *
mix_sheet_cell_get_editor (MixSheetCell *self)
{
  g_return_val_if_fail (MIX_IS_SHEET_CELL (self), NULL);
  return self->editor;
}

/**
 * mix_sheet_cell_get_button:
 *
 * Returns: (transfer none) (nullable): the button of a link, address or
 *   date cell, once it has come into view
 */
GtkWidget *
mix_sheet_cell_get_button (MixSheetCell *self)
{
  g_return_val_if_fail (MIX_IS_SHEET_CELL (self), NULL);
  return self->button;
}

/**
 * mix_sheet_cell_get_entry:
 *
 * Returns: (transfer none) (nullable): the entry, while the cell is edited
 */
GtkWidget *
mix_sheet_cell_get_entry (MixSheetCell *self)
{
  g_return_val_if_fail (MIX_IS_SHEET_CELL (self), NULL);
  return self->entry;
}

/**
 * mix_sheet_cell_set_entry:
 * @entry: (nullable): the entry to edit the cell in, in the label's place;
 *   %NULL to take it out and show the label again
 */
void
mix_sheet_cell_set_entry (MixSheetCell *self,
                          GtkWidget    *entry)
{
  g_return_if_fail (MIX_IS_SHEET_CELL (self));
  g_return_if_fail (mix_sheet_cell_is_text (self));

  if (self->entry == entry)
    return;
  if (self->entry != NULL)
    {
      GtkWidget *old = g_steal_pointer (&self->entry);

      gtk_widget_set_visible (GTK_WIDGET (self->label), TRUE);
      gtk_box_remove (GTK_BOX (self), old);
    }
  self->entry_done = FALSE;
  if (entry != NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->label), FALSE);
      gtk_box_prepend (GTK_BOX (self), entry);
      self->entry = entry;
    }
}

gboolean
mix_sheet_cell_get_entry_done (MixSheetCell *self)
{
  g_return_val_if_fail (MIX_IS_SHEET_CELL (self), FALSE);
  return self->entry_done;
}

void
mix_sheet_cell_set_entry_done (MixSheetCell *self,
                               gboolean      done)
{
  g_return_if_fail (MIX_IS_SHEET_CELL (self));
  self->entry_done = !!done;
}

/**
 * mix_sheet_cell_is_syncing:
 *
 * Returns: whether the cell is showing a value, not taking one from the user
 */
gboolean
mix_sheet_cell_is_syncing (MixSheetCell *self)
{
  g_return_val_if_fail (MIX_IS_SHEET_CELL (self), FALSE);
  return self->syncing;
}

/* An empty link or address cell has nothing to open. Its button keeps its
 * place, out of sight and out of reach, rather than being hidden: a cell
 * is synced as it comes into view, while GTK 4.8 lays out the table, and
 * anything that asks for a new size then (hiding, showing, and even making
 * a widget focusable or not) leaves its row without one when drawn. */
void
mix_sheet_cell_show_open_button (GtkWidget *button,
                  gboolean   shown)
{
  gtk_widget_set_opacity (button, shown ? 1.0 : 0.0);
  gtk_widget_set_can_target (button, shown);
  gtk_widget_set_sensitive (button, shown);
  gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_HIDDEN, !shown, -1);
}

static void
sync_text (MixSheetCell *self,
           const char   *value)
{
  GtkWidget *label = GTK_WIDGET (self->label);
  g_autofree char *display = mix_record_get_display_value (self->record, self->column);
  gboolean overdue;

  mix_cell_text_set_text (self->label, display);

  /* The row is named by its first value, the person's name: a screen
   * reader says "Ada Lovelace", not the row's class. */
  if (self->column == 0)
    {
      GtkWidget *column_cell = gtk_widget_get_parent (GTK_WIDGET (self));
      GtkWidget *row = column_cell != NULL ? gtk_widget_get_parent (column_cell) : NULL;

      if (row != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        display != NULL && *display != '\0'
                                        ? display : _("Row without a name"), -1);
    }

  if (self->info->type == MIX_COLUMN_URL || self->info->type == MIX_COLUMN_EMAIL)
    {
      g_autoptr(GError) wrong = NULL;
      gboolean right = mix_column_check_value (self->info, value, &wrong);

      /* An address kept as typed is marked until it is fixed, and there
       * is nothing to open. */
      if (right)
        gtk_widget_remove_css_class (label, "error");
      else
        gtk_widget_add_css_class (label, "error");
      if (!right || gtk_widget_get_tooltip_text (label) != NULL)
        {
          gtk_widget_set_tooltip_text (label, right ? NULL : wrong->message);
          gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                          right ? "" : wrong->message, -1);
        }
      if (self->button != NULL)
        mix_sheet_cell_show_open_button (self->button, value != NULL && right);
    }

  overdue = mix_column_is_overdue (self->info, value, self->view->today);
  if (overdue)
    gtk_widget_add_css_class (label, "overdue");
  else if (mix_column_is_follow_up (self->info))
    gtk_widget_remove_css_class (label, "overdue");
}

/**
 * mix_sheet_cell_sync:
 *
 * Shows the value of the cell's row.
 */
void
mix_sheet_cell_sync (MixSheetCell *self)
{
  const char *value;

  g_return_if_fail (MIX_IS_SHEET_CELL (self));

  if (self->record == NULL)
    return;
  value = mix_record_get_value (self->record, self->column);
  self->syncing = TRUE;

  switch (self->info->type)
    {
    case MIX_COLUMN_BOOLEAN:
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->editor), value != NULL);
      gtk_widget_set_sensitive (self->editor, !self->view->read_only);
      break;

    case MIX_COLUMN_CHOICE:
      {
        /* A choice from a newer version or an old file is shown as stored. */
        g_autofree char *display = mix_record_get_display_value (self->record, self->column);

        mix_cell_text_set_text (self->label,
                                /* Translators: shown in a choice column for "not set". */
                                value == NULL ? _("—") : display);
        gtk_widget_set_sensitive (self->editor, !self->view->read_only);
      }
      break;

    case MIX_COLUMN_TEXT:
    case MIX_COLUMN_LONG_TEXT:
    case MIX_COLUMN_DATE:
    case MIX_COLUMN_URL:
    case MIX_COLUMN_EMAIL:
    default:
      sync_text (self, value);
      break;
    }

  self->syncing = FALSE;
}

/* Construction */

/* It comes into view: see mix_sheet_cell_shown(). */
static void
mix_sheet_cell_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (mix_sheet_cell_parent_class)->map (widget);
  mix_sheet_cell_shown (MIX_SHEET_CELL (widget));
}

static void
mix_sheet_cell_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (mix_sheet_cell_parent_class)->unmap (widget);
  mix_sheet_cell_hidden (MIX_SHEET_CELL (widget));
}


/* A yes/no or choice cell is not focused itself: its button is. */
static gboolean
mix_sheet_cell_grab_focus (GtkWidget *widget)
{
  MixSheetCell *self = MIX_SHEET_CELL (widget);

  if (self->editor != NULL)
    return gtk_widget_grab_focus (self->editor);
  return GTK_WIDGET_CLASS (mix_sheet_cell_parent_class)->grab_focus (widget);
}

static void
mix_sheet_cell_dispose (GObject *object)
{
  MixSheetCell *self = MIX_SHEET_CELL (object);

  g_clear_handle_id (&self->held_edit_id, g_source_remove);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (mix_sheet_cell_parent_class)->dispose (object);
}

static void
mix_sheet_cell_finalize (GObject *object)
{
  MixSheetCell *self = MIX_SHEET_CELL (object);

  g_free (self->button_tip);

  G_OBJECT_CLASS (mix_sheet_cell_parent_class)->finalize (object);
}

static void
mix_sheet_cell_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MixSheetCell *self = MIX_SHEET_CELL (object);

  switch (prop_id)
    {
    case PROP_COLUMN:
      g_value_set_uint (value, self->column);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mix_sheet_cell_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MixSheetCell *self = MIX_SHEET_CELL (object);

  switch (prop_id)
    {
    case PROP_COLUMN:
      self->column = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mix_sheet_cell_class_init (MixSheetCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mix_sheet_cell_dispose;
  object_class->finalize = mix_sheet_cell_finalize;
  object_class->get_property = mix_sheet_cell_get_property;
  object_class->set_property = mix_sheet_cell_set_property;
  widget_class->map = mix_sheet_cell_map;
  widget_class->unmap = mix_sheet_cell_unmap;
  widget_class->grab_focus = mix_sheet_cell_grab_focus;

  /* Styled and read as the box a cell was before it had a class. */
  gtk_widget_class_set_css_name (widget_class, "box");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  /**
   * MixSheetCell:column:
   *
   * The index of the cell's column in its tab.
   */
  properties[PROP_COLUMN] =
    g_param_spec_uint ("column", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * MixSheetCell:record:
   *
   * The row shown, while the cell is bound and in view.
   */
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, MIX_TYPE_RECORD,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mix_sheet_cell_init (MixSheetCell *self)
{
}
