/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mix-date.h"
#include "mix-sheet-view-private.h"
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
 *
 * The class is split by concern: this file has the models, the columns,
 * search and sort; mix-sheet-view-actions.c the selection, focus and keys;
 * mix-sheet-view-edit.c the editing; mix-sheet-cell.c the cells and their
 * binding to the rows (see mix-sheet-view-private.h).
 */

G_DEFINE_FINAL_TYPE (MixSheetView, mix_sheet_view, GTK_TYPE_WIDGET)

enum {
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Sorting and filtering */

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  MixSheetColumn *data = user_data;
  int result = mix_record_compare ((MixRecord *) a, (MixRecord *) b, data->column);

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static gboolean
filter_row (MixRecord *record,
            gpointer   user_data)
{
  MixSheetView *self = user_data;

  return mix_record_matches (record, self->needle);
}

static void
on_sorter_changed_cb (GtkSorter       *sorter,
                      GtkSorterChange  change,
                      MixSheetView    *self)
{
  GPtrArray *selected = mix_sheet_view_keep_selection (self);

  mix_sheet_rows_sort (self->visible);
  mix_sheet_view_restore_selection (self, selected);
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

  selected = mix_sheet_view_keep_selection (self);
  g_free (self->needle);
  self->needle = needle;
  mix_sheet_rows_refilter (self->visible, narrower);
  mix_sheet_view_restore_selection (self, selected);
}

/* The search typed while the tab was hidden. */
void
mix_sheet_view_search_pending (MixSheetView *self)
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
    mix_sheet_view_search_pending (self);
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
  mix_sheet_view_search_pending (self);
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
  mix_sheet_view_search_pending (self);
  return mix_sheet_rows_get_record (self->visible, position);
}

GtkWidget *
mix_sheet_view_find_list_view (MixSheetView *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
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
  mix_sheet_view_bind_models (self);

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

  self->columns = g_new0 (MixSheetColumn, info->n_columns);
  measure_text (self);

  for (guint i = 0; i < info->n_columns; i++)
    {
      const MixColumn *column = &info->columns[i];
      MixSheetColumn *data = &self->columns[i];
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) view_column = NULL;
      g_autoptr(GtkSorter) sorter = NULL;

      data->view = self;
      data->column = i;

      g_signal_connect (factory, "setup", G_CALLBACK (mix_sheet_view_setup_cell_cb), data);
      g_signal_connect (factory, "bind", G_CALLBACK (mix_sheet_view_bind_cell_cb), data);
      g_signal_connect (factory, "unbind", G_CALLBACK (mix_sheet_view_unbind_cell_cb), data);
      g_signal_connect (factory, "teardown", G_CALLBACK (mix_sheet_view_teardown_cell_cb), data);

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
   * first shown (mix_sheet_view_bind_models()): with 10,000 rows in a tab, filtering and
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

void
mix_sheet_view_bind_models (MixSheetView *self)
{
  if (self->bound)
    return;
  self->bound = TRUE;
  mix_sheet_rows_set_sorter (self->visible, gtk_column_view_get_sorter (self->column_view));
  mix_sheet_rows_sort (self->visible);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed_cb), self, 0);
  mix_sheet_view_search_pending (self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  /* The row of column titles, and the table's rows (after the tab), are
   * named for screen readers, not "GtkListItemWidget" and
   * "GtkColumnListView". */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_LIST_VIEW (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Column Titles"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (mix_sheet_view_find_list_view (self)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(mix_tab_get_info (self->tab)->title), -1);
}

static void
mix_sheet_view_map (GtkWidget *widget)
{
  MixSheetView *self = MIX_SHEET_VIEW (widget);

  mix_sheet_view_bind_models (self);
  mix_sheet_view_search_pending (self);

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
  g_signal_connect_swapped (self->clock, "layout", G_CALLBACK (mix_sheet_view_add_cell_buttons),
                            self);
}

static void
mix_sheet_view_unrealize (GtkWidget *widget)
{
  MixSheetView *self = MIX_SHEET_VIEW (widget);

  if (self->clock != NULL)
    g_signal_handlers_disconnect_by_func (self->clock, mix_sheet_view_add_cell_buttons, self);
  g_clear_object (&self->clock);
  mix_sheet_view_forget_cell_buttons (self);

  GTK_WIDGET_CLASS (mix_sheet_view_parent_class)->unrealize (widget);
}

static void
mix_sheet_view_root (GtkWidget *widget)
{
  MixSheetView *self = MIX_SHEET_VIEW (widget);

  GTK_WIDGET_CLASS (mix_sheet_view_parent_class)->root (widget);

  mix_sheet_view_watch_focus (self, gtk_widget_get_root (widget));
}

static void
mix_sheet_view_unroot (GtkWidget *widget)
{
  MixSheetView *self = MIX_SHEET_VIEW (widget);

  mix_sheet_view_unwatch_focus (self);

  GTK_WIDGET_CLASS (mix_sheet_view_parent_class)->unroot (widget);
}

static void
mix_sheet_view_dispose (GObject *object)
{
  MixSheetView *self = MIX_SHEET_VIEW (object);

  g_clear_handle_id (&self->select_idle, g_source_remove);
  mix_sheet_view_stop_edit_when_shown (self);
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
