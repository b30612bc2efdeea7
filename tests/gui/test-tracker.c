/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "mix-csv-import-dialog.h"
#include "mix-cell-text.h"
#include "mix-sheet-cell.h"
#include "mix-test-gui.h"
#include "mix-tracker-details.h"
#include "mix-tracker-page.h"
#include "mix-window.h"

static MixApplication *app;

/* The cell showing @column of @record. */
static GtkWidget *
find_cell (GtkWidget *widget,
           MixRecord *record,
           guint      column)
{
  if (MIX_IS_SHEET_CELL (widget) &&
      mix_sheet_cell_get_record (MIX_SHEET_CELL (widget)) == record &&
      mix_sheet_cell_get_column (MIX_SHEET_CELL (widget)) == column)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_cell (child, record, column);
      if (found != NULL)
        return found;
    }
  return NULL;
}


static const char *
cell_text (GtkWidget *cell)
{
  return mix_cell_text_get_text (mix_sheet_cell_get_label (MIX_SHEET_CELL (cell)));
}

/* The button of a link, address or date cell, if it has one yet. */
static GtkWidget *
cell_button (GtkWidget *cell)
{
  for (GtkWidget *child = gtk_widget_get_first_child (cell);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      return child;
  return NULL;
}

static GtkWidget *
cell_entry (GtkWidget *cell)
{
  return mix_sheet_cell_get_entry (MIX_SHEET_CELL (cell));
}

/* Types @text into the cell being edited and presses Enter. */
static void
type_and_enter (GtkWidget  *entry,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  mix_test_spin ();
}

typedef struct
{
  MixWindow      *window;
  MixTrackerPage *page;
  MixTracker     *tracker;
} Fixture;

static MixWindow *window;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  MixTracker *tracker = mix_store_get_tracker (mix_application_get_store (app));

  /* Each test starts from an empty tracker, unsorted and unfiltered. */
  f->page = MIX_TRACKER_PAGE (mix_test_find_widget (GTK_WIDGET (window), MIX_TYPE_TRACKER_PAGE));
  for (guint t = 0; t < MIX_N_TABS; t++)
    mix_sheet_view_release_focus (mix_tracker_page_get_sheet (f->page, t));
  for (guint t = 0; t < MIX_N_TABS; t++)
    while (mix_tracker_get_n_rows (tracker, t) > 0)
      {
        g_autoptr(MixRecord) record = g_list_model_get_item (mix_tracker_get_rows (tracker, t), 0);
        mix_tracker_remove_row (tracker, record, NULL);
      }

  f->window = window;
  f->page = MIX_TRACKER_PAGE (mix_test_find_widget (GTK_WIDGET (f->window), MIX_TYPE_TRACKER_PAGE));
  f->tracker = tracker;
  g_assert_nonnull (f->page);
  for (guint t = 0; t < MIX_N_TABS; t++)
    {
      MixSheetView *sheet = mix_tracker_page_get_sheet (f->page, t);

      mix_sheet_view_set_search (sheet, "");
      gtk_column_view_sort_by_column (mix_sheet_view_get_column_view (sheet), NULL,
                                      GTK_SORT_ASCENDING);
    }
  mix_tracker_page_show_tab (f->page, MIX_TAB_NEW_CONTACTS);
  mix_test_spin ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  mix_test_spin ();
}

static MixRecord *
add_named (Fixture    *f,
           const char *name)
{
  MixRecord *record = mix_tracker_add_row (f->tracker, MIX_TAB_NEW_CONTACTS);

  g_assert_true (mix_record_set_value_by_id (record, "name", name, NULL));
  return record;
}

/* Add Row puts a new row in the tab and starts editing its first cell;
 * what is typed there is stored. */
static void
test_add_row_edits_name (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *cell;
  GtkWidget *entry;
  MixRecord *record;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "tracker.add-row", NULL));
  mix_test_spin ();
  g_assert_cmpuint (mix_tracker_get_n_rows (f->tracker, MIX_TAB_NEW_CONTACTS), ==, 1);
  record = g_list_model_get_item (mix_tracker_get_rows (f->tracker, MIX_TAB_NEW_CONTACTS), 0);
  g_object_unref (record);

  /* The new row's first cell is being edited, ready for typing, once the
   * row is on screen (the machine may be busy: wait up to 5 s). */
  for (guint i = 0; i < 500; i++)
    {
      cell = find_cell (GTK_WIDGET (f->page), record, 0);
      if (cell != NULL && cell_entry (cell) != NULL)
        break;
      mix_test_spin ();
    }
  g_assert_nonnull (cell);
  entry = cell_entry (cell);
  g_assert_nonnull (entry);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (entry)), entry));

  type_and_enter (entry, "Ada Lovelace");
  g_assert_cmpstr (mix_record_get_value_by_id (record, "name"), ==, "Ada Lovelace");
  g_assert_true (mix_store_is_dirty (mix_application_get_store (app), MIX_DOMAIN_TRACKER));
  /* Enter ends editing: the cell shows the value and keeps the focus. */
  g_assert_null (cell_entry (cell));
  g_assert_cmpstr (cell_text (cell), ==, "Ada Lovelace");
  g_assert_true (gtk_root_get_focus (gtk_widget_get_root (cell)) == cell);
}

/* In a long table, scrolled to its top, Add Row scrolls to the new row at
 * the end and edits its first cell, which is drawn with its row. */
static void
test_add_row_long_table (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *cell = NULL;
  MixRecord *record;

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("Row %03u", i);

      add_named (f, name);
    }
  mix_test_spin ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "tracker.add-row", NULL));
  mix_test_spin ();
  record = g_list_model_get_item (mix_tracker_get_rows (f->tracker, MIX_TAB_NEW_CONTACTS), 300);
  g_object_unref (record);
  for (guint i = 0; i < 500; i++)
    {
      cell = find_cell (GTK_WIDGET (f->page), record, 0);
      if (cell != NULL && cell_entry (cell) != NULL)
        break;
      mix_test_spin ();
    }
  g_assert_nonnull (cell);
  g_assert_nonnull (cell_entry (cell));
  type_and_enter (cell_entry (cell), "Grace Hopper");
  g_assert_cmpstr (cell_text (cell), ==, "Grace Hopper");
}

/* Escape puts back what was in the cell. */
static void
test_escape_cancels (Fixture       *f,
                     gconstpointer  data)
{
  MixSheetView *sheet = mix_tracker_page_get_sheet (f->page, MIX_TAB_NEW_CONTACTS);
  MixRecord *record = add_named (f, "Grace");
  GtkWidget *entry;
  GtkWidget *cell;

  mix_test_spin ();
  entry = mix_sheet_view_edit_cell (sheet, record, 0);
  g_assert_nonnull (entry);
  cell = gtk_widget_get_parent (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Gracie");
  {
    /* What a key press of Escape does. */
    GtkEventController *keys = NULL;
    GListModel *controllers = gtk_widget_observe_controllers (entry);

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
        if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
            gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
          keys = controller;
      }
    g_assert_nonnull (keys);
    gboolean handled = FALSE;

    g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Escape, 0, 0, &handled);
    g_assert_true (handled);
    g_object_unref (controllers);
  }
  mix_test_spin ();
  g_assert_null (cell_entry (cell));
  g_assert_cmpstr (mix_record_get_value_by_id (record, "name"), ==, "Grace");
  g_assert_cmpstr (cell_text (cell), ==, "Grace");
}

static void
on_error (MixSheetView *sheet,
          const char   *message,
          char        **out)
{
  g_free (*out);
  *out = g_strdup (message);
}

/* A value that is not a date is refused: the old one stays in the cell and
 * in the row, and the user is told why. */
static void
test_bad_date_refused (Fixture       *f,
                       gconstpointer  data)
{
  MixRecord *record = add_named (f, "Grace");
  MixSheetView *sheet = mix_tracker_page_get_sheet (f->page, MIX_TAB_NEW_CONTACTS);
  guint column = (guint) mix_tab_find_column (MIX_TAB_NEW_CONTACTS, "contacted_on");
  g_autofree char *message = NULL;
  GtkWidget *entry;
  GtkWidget *cell;

  g_assert_true (mix_record_set_value (record, column, "2026-03-05", NULL));
  g_signal_connect (sheet, "error", G_CALLBACK (on_error), &message);
  mix_test_spin ();

  cell = find_cell (GTK_WIDGET (sheet), record, column);
  g_assert_nonnull (cell);
  g_assert_cmpstr (cell_text (cell), ==, "2026-03-05");

  entry = mix_sheet_view_edit_cell (sheet, record, column);
  g_assert_nonnull (entry);
  type_and_enter (entry, "next week");
  g_assert_cmpstr (mix_record_get_value (record, column), ==, "2026-03-05");
  g_assert_cmpstr (cell_text (cell), ==, "2026-03-05");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "next week"));

  /* A date as spreadsheets write it is taken and shown in ISO form. */
  entry = mix_sheet_view_edit_cell (sheet, record, column);
  type_and_enter (entry, "4/1/2026");
  g_assert_cmpstr (mix_record_get_value (record, column), ==, "2026-04-01");
  g_assert_cmpstr (cell_text (cell), ==, "2026-04-01");
}

static char *
visible_names (MixSheetView *sheet)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < mix_sheet_view_get_n_visible_rows (sheet); i++)
    {
      MixRecord *record = mix_sheet_view_get_visible_row (sheet, i);
      const char *name = mix_record_get_value_by_id (record, "name");

      if (names->len > 0)
        g_string_append_c (names, ',');
      g_string_append (names, name ? name : "");
    }
  return g_string_free (names, FALSE);
}

/* The visible popover under @widget's window, if one is open. */
static GtkWidget *
open_popover (GtkWidget *widget)
{
  if (GTK_IS_POPOVER (widget) && gtk_widget_get_visible (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = open_popover (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Scrolls the table sideways so that @widget is on screen, where a person
 * could press it: a popover pointing off screen has no monitor to go on. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, scrolled, &bounds));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + bounds.origin.x - 20);
  mix_test_spin ();
}

/* A choice cell opens its list of choices, and a date cell its calendar,
 * when pressed; what is picked is stored, and the popover goes. */
static void
test_choice_and_calendar (Fixture       *f,
                          gconstpointer  data)
{
  MixRecord *record = add_named (f, "Grace");
  MixSheetView *sheet = mix_tracker_page_get_sheet (f->page, MIX_TAB_NEW_CONTACTS);
  guint status = (guint) mix_tab_find_column (MIX_TAB_NEW_CONTACTS, "status");
  guint follow_up = (guint) mix_tab_find_column (MIX_TAB_NEW_CONTACTS, "follow_up_date");
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 12, 24, 0, 0, 0);
  GtkWidget *cell;
  GtkWidget *popover;
  GtkWidget *calendar_button = NULL;

  mix_test_spin ();
  cell = find_cell (GTK_WIDGET (sheet), record, status);
  g_assert_nonnull (cell);
  /* A choice cell is a button that opens the list of choices. */
  cell = mix_sheet_cell_get_editor (MIX_SHEET_CELL (cell));
  g_assert_true (GTK_IS_BUTTON (cell));
  scroll_to (cell);
  g_signal_emit_by_name (cell, "clicked");
  mix_test_spin ();
  popover = open_popover (cell);
  g_assert_nonnull (popover);
  g_signal_emit_by_name (mix_test_find_button (popover, "Replied"), "clicked");
  mix_test_spin ();
  g_assert_cmpstr (mix_record_get_value (record, status), ==, "replied");
  g_assert_null (open_popover (cell));

  cell = find_cell (GTK_WIDGET (sheet), record, follow_up);
  g_assert_nonnull (cell);
  for (GtkWidget *child = gtk_widget_get_first_child (cell); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      calendar_button = child;
  g_assert_nonnull (calendar_button);
  scroll_to (calendar_button);
  g_signal_emit_by_name (calendar_button, "clicked");
  mix_test_spin ();
  popover = open_popover (calendar_button);
  g_assert_nonnull (popover);
  gtk_calendar_select_day (GTK_CALENDAR (mix_test_find_widget (popover, GTK_TYPE_CALENDAR)), day);
  mix_test_spin ();
  g_assert_cmpstr (mix_record_get_value (record, follow_up), ==, "2026-12-24");
  g_assert_null (open_popover (calendar_button));
}

/* Working in a cell selects its row, so that Delete Row and the details
 * act on it: by the keyboard or by editing. */
static void
test_focus_selects_row (Fixture       *f,
                        gconstpointer  data)
{
  MixSheetView *sheet = mix_tracker_page_get_sheet (f->page, MIX_TAB_NEW_CONTACTS);
  GtkSelectionModel *selection = mix_sheet_view_get_selection (sheet);
  guint company = (guint) mix_tab_find_column (MIX_TAB_NEW_CONTACTS, "company");
  MixRecord *second;
  GtkWidget *cell;

  add_named (f, "Ada");
  second = add_named (f, "Grace");
  mix_test_spin ();
  gtk_selection_model_unselect_all (selection);

  cell = find_cell (GTK_WIDGET (sheet), second, company);
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_grab_focus (cell));
  mix_test_spin ();
  g_assert_false (gtk_selection_model_is_selected (selection, 0));
  g_assert_true (gtk_selection_model_is_selected (selection, 1));

  /* Editing the first row's name moves the selection there. */
  {
    g_autoptr(MixRecord) first = g_list_model_get_item (mix_tracker_get_rows (f->tracker,
                                                                              MIX_TAB_NEW_CONTACTS), 0);

    g_assert_nonnull (mix_sheet_view_edit_cell (sheet, first, 0));
  }
  mix_test_spin ();
  g_assert_true (gtk_selection_model_is_selected (selection, 0));
  g_assert_false (gtk_selection_model_is_selected (selection, 1));
}

/* GTK 4.8 binds a row again when only its selection changes. A cell being
 * edited then goes on being edited, with the focus and what was typed:
 * the selection that follows a click often comes just after the
 * double-click that opened the cell, and the keys typed at once. */
static void
test_edit_survives_selection_change (Fixture       *f,
                                     gconstpointer  data)
{
  MixSheetView *sheet = mix_tracker_page_get_sheet (f->page, MIX_TAB_NEW_CONTACTS);
  GtkSelectionModel *selection = mix_sheet_view_get_selection (sheet);
  guint company = (guint) mix_tab_find_column (MIX_TAB_NEW_CONTACTS, "company");
  MixRecord *ada;
  MixRecord *grace;
  GtkWidget *entry;
  GtkWidget *cell;

  ada = add_named (f, "Ada");
  grace = add_named (f, "Grace");
  mix_test_spin ();
  gtk_selection_model_unselect_all (selection);
  mix_test_spin ();

  entry = mix_sheet_view_edit_cell (sheet, grace, company);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Ac");
  /* The row is selected by editing in it, then another row alone. */
  mix_test_spin ();
  g_assert_true (gtk_selection_model_is_selected (selection, 1));
  gtk_selection_model_select_item (selection, 0, TRUE);
  mix_test_spin ();

  cell = find_cell (GTK_WIDGET (sheet), grace, company);
  g_assert_nonnull (cell);
  g_assert_true (mix_sheet_cell_get_entry (MIX_SHEET_CELL (cell)) == entry);
  g_assert_true (gtk_widget_has_focus (entry) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (entry)), entry));
  gtk_editable_set_position (GTK_EDITABLE (entry), -1);
  gtk_editable_insert_text (GTK_EDITABLE (entry), "me", -1, &(int) { 2 });
  g_signal_emit_by_name (entry, "activate");
  mix_test_spin ();
  g_assert_cmpstr (mix_record_get_value (grace, company), ==, "Acme");
  g_assert_null (mix_sheet_cell_get_entry (MIX_SHEET_CELL (cell)));

  /* A sort that puts the other row in the cell being edited: what was
   * typed stays with the row it was typed in. */
  {
    GtkColumnView *view = mix_sheet_view_get_column_view (sheet);
    g_autoptr(GtkColumnViewColumn) name_column =
      g_list_model_get_item (gtk_column_view_get_columns (view), 0);

    entry = mix_sheet_view_edit_cell (sheet, grace, company);
    g_assert_nonnull (entry);
    gtk_editable_set_text (GTK_EDITABLE (entry), "Navy");
    gtk_column_view_sort_by_column (view, name_column, GTK_SORT_DESCENDING);
    mix_test_spin ();
    g_assert_cmpstr (mix_record_get_value (grace, company), ==, "Navy");
    g_assert_null (mix_record_get_value (ada, company));
  }
}

/* Deleting selected rows can be undone, and the rows come back in place. */
static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  MixSheetView *sheet = mix_tracker_page_get_sheet (f->page, MIX_TAB_NEW_CONTACTS);
  MixRecord *b;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *restored = NULL;
  GtkButton *undo;

  add_named (f, "A");
  b = add_named (f, "B");
  add_named (f, "C");
  add_named (f, "D");
  mix_test_spin ();
  before = visible_names (sheet);
  g_assert_cmpstr (before, ==, "A,B,C,D");

  mix_sheet_view_select_record (sheet, b, FALSE);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (gtk_column_view_get_model (
                                     mix_sheet_view_get_column_view (sheet))), 3, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "tracker.delete-rows", NULL));
  after = visible_names (sheet);
  g_assert_cmpstr (after, ==, "A,C");

  /* Through the toast's own button, as a user would. */
  mix_test_spin ();
  undo = GTK_BUTTON (mix_test_find_button (GTK_WIDGET (f->window), "_Undo"));
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  mix_test_spin ();
  restored = visible_names (sheet);
  g_assert_cmpstr (restored, ==, "A,B,C,D");
  g_assert_cmpuint (mix_tracker_get_n_rows (f->tracker, MIX_TAB_NEW_CONTACTS), ==, 4);
}

/* Sorting follows each column's type: dates as dates, choices in the
 * order they are listed, text alphabetically. */
static void
test_sort_by_type (Fixture       *f,
                   gconstpointer  data)
{
  MixSheetView *sheet = mix_tracker_page_get_sheet (f->page, MIX_TAB_NEW_CONTACTS);
  GtkColumnView *view = mix_sheet_view_get_column_view (sheet);
  GListModel *columns = gtk_column_view_get_columns (view);
  MixRecord *zoe = add_named (f, "zoë");
  MixRecord *adam = add_named (f, "Adam");
  MixRecord *bea = add_named (f, "Béa");
  g_autoptr(GtkColumnViewColumn) name_column = g_list_model_get_item (columns, 0);
  g_autoptr(GtkColumnViewColumn) status_column = g_list_model_get_item (columns, 7);
  g_autoptr(GtkColumnViewColumn) date_column = g_list_model_get_item (columns, 8);
  g_autofree char *by_name = NULL;
  g_autofree char *by_status = NULL;
  g_autofree char *by_date = NULL;
  g_autofree char *by_date_desc = NULL;

  mix_record_set_value_by_id (zoe, "status", "Met", NULL);
  mix_record_set_value_by_id (adam, "status", "Not contacted", NULL);
  mix_record_set_value_by_id (bea, "status", "Replied", NULL);
  mix_record_set_value_by_id (zoe, "contacted_on", "2026-01-09", NULL);
  mix_record_set_value_by_id (adam, "contacted_on", "2025-12-31", NULL);
  mix_record_set_value_by_id (bea, "contacted_on", "2026-01-10", NULL);

  gtk_column_view_sort_by_column (view, name_column, GTK_SORT_ASCENDING);
  by_name = visible_names (sheet);
  g_assert_cmpstr (by_name, ==, "Adam,Béa,zoë");

  gtk_column_view_sort_by_column (view, status_column, GTK_SORT_ASCENDING);
  by_status = visible_names (sheet);
  g_assert_cmpstr (by_status, ==, "Adam,Béa,zoë");  /* Not contacted, Replied, Met */

  gtk_column_view_sort_by_column (view, date_column, GTK_SORT_ASCENDING);
  by_date = visible_names (sheet);
  g_assert_cmpstr (by_date, ==, "Adam,zoë,Béa");
  gtk_column_view_sort_by_column (view, date_column, GTK_SORT_DESCENDING);
  by_date_desc = visible_names (sheet);
  g_assert_cmpstr (by_date_desc, ==, "Béa,zoë,Adam");
}

/* The search filters across every column, ignoring case. */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  MixSheetView *sheet = mix_tracker_page_get_sheet (f->page, MIX_TAB_NEW_CONTACTS);
  MixRecord *lin = add_named (f, "Lin");
  g_autofree char *found = NULL;
  g_autofree char *all = NULL;

  add_named (f, "Sam");
  mix_record_set_value_by_id (lin, "research_notes", "Wrote about RUST at Hooli", NULL);

  mix_sheet_view_set_search (sheet, "rust");
  found = visible_names (sheet);
  g_assert_cmpstr (found, ==, "Lin");
  mix_sheet_view_set_search (sheet, "");
  all = visible_names (sheet);
  g_assert_cmpstr (all, ==, "Lin,Sam");
}

/* A search or a sort shows other rows in the cells on screen: each cell
 * shows the row now in its place, and the selected row stays selected
 * wherever it goes. */
static void
test_search_and_sort_keep_selection (Fixture       *f,
                                     gconstpointer  data)
{
  MixSheetView *sheet = mix_tracker_page_get_sheet (f->page, MIX_TAB_NEW_CONTACTS);
  GtkSelectionModel *selection = mix_sheet_view_get_selection (sheet);
  GtkColumnView *view = mix_sheet_view_get_column_view (sheet);
  g_autoptr(GtkColumnViewColumn) name_column = g_list_model_get_item (gtk_column_view_get_columns (view), 0);
  g_autoptr(GtkBitset) selected = NULL;
  g_autofree char *sorted = NULL;
  g_autofree char *found = NULL;
  MixRecord *bea;
  MixRecord *cal;
  GtkWidget *cell;

  add_named (f, "Ann");
  bea = add_named (f, "Bea");
  cal = add_named (f, "Cal");
  mix_test_spin ();
  mix_sheet_view_select_record (sheet, cal, FALSE);
  g_assert_true (gtk_selection_model_is_selected (selection, 2));

  gtk_column_view_sort_by_column (view, name_column, GTK_SORT_DESCENDING);
  mix_test_spin ();
  sorted = visible_names (sheet);
  g_assert_cmpstr (sorted, ==, "Cal,Bea,Ann");
  g_assert_true (gtk_selection_model_is_selected (selection, 0));
  g_assert_false (gtk_selection_model_is_selected (selection, 2));
  cell = find_cell (GTK_WIDGET (sheet), cal, 0);
  g_assert_nonnull (cell);
  g_assert_cmpstr (cell_text (cell), ==, "Cal");

  /* A row the search hides is no longer selected, and no cell shows it. */
  mix_sheet_view_set_search (sheet, "a");
  mix_sheet_view_set_search (sheet, "be");
  mix_test_spin ();
  found = visible_names (sheet);
  g_assert_cmpstr (found, ==, "Bea");
  selected = gtk_selection_model_get_selection (selection);
  g_assert_true (gtk_bitset_is_empty (selected));
  g_assert_null (find_cell (GTK_WIDGET (sheet), cal, 0));
  cell = find_cell (GTK_WIDGET (sheet), bea, 0);
  g_assert_nonnull (cell);
  g_assert_cmpstr (cell_text (cell), ==, "Bea");
}

/* A cell's accessible name is the value it shows, also for the rows out
 * of sight when a sort changed them, once they are scrolled into view. */
static void
test_cell_names_follow_rows (Fixture       *f,
                             gconstpointer  data)
{
  MixSheetView *sheet = mix_tracker_page_get_sheet (f->page, MIX_TAB_NEW_CONTACTS);
  GtkColumnView *view = mix_sheet_view_get_column_view (sheet);
  g_autoptr(GtkColumnViewColumn) name_column = g_list_model_get_item (gtk_column_view_get_columns (view), 0);
  GtkWidget *scrolled;
  GtkAdjustment *adjustment;
  MixRecord *first = NULL;
  MixRecord *last = NULL;
  GtkWidget *cell;
  GtkWidget *label;

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("Row %03u", i);
      MixRecord *record = add_named (f, name);

      if (i == 0)
        first = record;
      last = record;
    }
  mix_test_spin ();

  gtk_column_view_sort_by_column (view, name_column, GTK_SORT_DESCENDING);
  mix_test_spin ();
  cell = find_cell (GTK_WIDGET (sheet), last, 0);
  g_assert_nonnull (cell);
  label = GTK_WIDGET (mix_sheet_cell_get_label (MIX_SHEET_CELL (cell)));
  g_assert_true (gtk_widget_get_mapped (label));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, "Row 299");

  cell = find_cell (GTK_WIDGET (sheet), first, 0);
  scrolled = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  mix_test_spin ();
  cell = find_cell (GTK_WIDGET (sheet), first, 0);
  g_assert_nonnull (cell);
  label = GTK_WIDGET (mix_sheet_cell_get_label (MIX_SHEET_CELL (cell)));
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_cmpstr (cell_text (cell), ==, "Row 000");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, "Row 000");
}

/* A table keeps more rows bound than it shows. One out of sight shows,
 * once scrolled into view, the row a sort put in its place, and values
 * changed while it was out of sight. */
static void
test_rows_catch_up_in_view (Fixture       *f,
                            gconstpointer  data)
{
  MixSheetView *sheet = mix_tracker_page_get_sheet (f->page, MIX_TAB_NEW_CONTACTS);
  GtkColumnView *view = mix_sheet_view_get_column_view (sheet);
  g_autoptr(GtkColumnViewColumn) name_column = g_list_model_get_item (gtk_column_view_get_columns (view), 0);
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  MixRecord *records[60];
  GtkWidget *cell;
  GtkWidget *entry;

  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    {
      g_autofree char *name = g_strdup_printf ("Row %03u", i);

      records[i] = add_named (f, name);
    }
  mix_test_spin ();
  g_assert_nonnull (find_cell (GTK_WIDGET (sheet), records[0], 0));
  g_assert_null (find_cell (GTK_WIDGET (sheet), records[59], 0));

  /* A value changed out of sight. */
  g_assert_true (mix_record_set_value_by_id (records[59], "company", "Acme", NULL));
  g_assert_true (mix_record_set_value_by_id (records[59], "linkedin", "https://www.linkedin.com/in/acme", NULL));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  mix_test_spin ();
  cell = find_cell (GTK_WIDGET (sheet), records[59], 1);
  g_assert_nonnull (cell);
  g_assert_cmpstr (cell_text (cell), ==, "Acme");

  /* Rows come into view with their buttons: the link's shown as there is
   * one to open, the date's always. */
  cell = find_cell (GTK_WIDGET (sheet), records[59], 3);
  g_assert_nonnull (cell);
  g_assert_nonnull (cell_button (cell));
  g_assert_true (gtk_widget_get_mapped (cell_button (cell)));
  g_assert_cmpfloat (gtk_widget_get_opacity (cell_button (cell)), ==, 1.0);
  g_assert_true (gtk_widget_is_sensitive (cell_button (cell)));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cell_button (cell)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Open LinkedIn");
  cell = find_cell (GTK_WIDGET (sheet), records[58], 3);
  g_assert_nonnull (cell);
  if (cell_button (cell) != NULL)
    {
      /* Nothing to open: out of sight, out of reach and out of the tab order. */
      g_assert_cmpfloat (gtk_widget_get_opacity (cell_button (cell)), ==, 0.0);
      g_assert_false (gtk_widget_get_can_target (cell_button (cell)));
      g_assert_false (gtk_widget_is_sensitive (cell_button (cell)));
    }
  cell = find_cell (GTK_WIDGET (sheet), records[58], 8);
  g_assert_nonnull (cell);
  g_assert_nonnull (cell_button (cell));
  g_assert_true (gtk_widget_get_mapped (cell_button (cell)));

  /* Rows a sort moved into places out of sight. */
  gtk_adjustment_set_value (adjustment, 0);
  mix_test_spin ();
  gtk_column_view_sort_by_column (view, name_column, GTK_SORT_DESCENDING);
  mix_test_spin ();
  g_assert_nonnull (find_cell (GTK_WIDGET (sheet), records[59], 0));
  g_assert_null (find_cell (GTK_WIDGET (sheet), records[0], 0));
  /* Editing a row on screen edits the cell the user sees. */
  entry = mix_sheet_view_edit_cell (sheet, records[59], 0);
  g_assert_nonnull (entry);
  g_assert_true (gtk_widget_get_mapped (entry));
  type_and_enter (entry, "Row 059");
  g_assert_true (mix_record_set_value_by_id (records[0], "company", "Globex", NULL));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  mix_test_spin ();
  cell = find_cell (GTK_WIDGET (sheet), records[0], 0);
  g_assert_nonnull (cell);
  g_assert_cmpstr (cell_text (cell), ==, "Row 000");
  cell = find_cell (GTK_WIDGET (sheet), records[0], 1);
  g_assert_nonnull (cell);
  g_assert_cmpstr (cell_text (cell), ==, "Globex");
}

/* Every tab is searched, a hidden one as soon as it is shown. */
static void
test_search_hidden_tab (Fixture       *f,
                        gconstpointer  data)
{
  MixSheetView *sheet = mix_tracker_page_get_sheet (f->page, MIX_TAB_EXISTING_NETWORK);
  MixRecord *lin = mix_tracker_add_row (f->tracker, MIX_TAB_EXISTING_NETWORK);
  MixRecord *sam = mix_tracker_add_row (f->tracker, MIX_TAB_EXISTING_NETWORK);
  GListModel *shown;

  g_assert_true (mix_record_set_value_by_id (lin, "name", "Lin", NULL));
  g_assert_true (mix_record_set_value_by_id (sam, "name", "Sam", NULL));
  mix_sheet_view_set_search (sheet, "LIN");

  mix_tracker_page_show_tab (f->page, MIX_TAB_EXISTING_NETWORK);
  mix_test_spin ();
  shown = G_LIST_MODEL (gtk_column_view_get_model (mix_sheet_view_get_column_view (sheet)));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_nonnull (find_cell (GTK_WIDGET (sheet), lin, 0));
  g_assert_null (find_cell (GTK_WIDGET (sheet), sam, 0));
  mix_sheet_view_set_search (sheet, "");
  mix_test_spin ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  mix_tracker_page_show_tab (f->page, MIX_TAB_NEW_CONTACTS);
}

static GtkWidget *
find_text_view_for (GtkWidget  *widget,
                    guint       column)
{
  GtkWidget *details = mix_test_find_widget (widget, MIX_TYPE_TRACKER_DETAILS);

  g_assert_nonnull (details);
  return GTK_WIDGET (mix_tracker_details_get_text_view (MIX_TRACKER_DETAILS (details), column));
}

/* The details of the selected row show its long texts for editing, and
 * the extra fields that have no column. */
static void
test_details (Fixture       *f,
              gconstpointer  data)
{
  MixSheetView *sheet = mix_tracker_page_get_sheet (f->page, MIX_TAB_NEW_CONTACTS);
  MixRecord *record = add_named (f, "Lin");
  guint notes = (guint) mix_tab_find_column (MIX_TAB_NEW_CONTACTS, "research_notes");
  GtkTextBuffer *buffer;
  GtkWidget *view;
  GtkWidget *name_cell;
  g_autofree char *shown = NULL;
  GtkTextIter start, end;

  mix_record_set_value (record, notes, "Gave a talk on accessibility", NULL);
  mix_record_set_extra (record, "Phone", "555-0100");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "tracker.toggle-details", NULL);
  mix_sheet_view_select_record (sheet, record, FALSE);
  mix_test_spin ();

  view = find_text_view_for (GTK_WIDGET (f->page), notes);
  g_assert_nonnull (view);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (shown, ==, "Gave a talk on accessibility");
  g_assert_true (mix_test_has_label (GTK_WIDGET (f->page), "Phone"));
  g_assert_true (mix_test_has_label (GTK_WIDGET (f->page), "555-0100"));

  /* Typed in the details, saved when the focus moves on. */
  gtk_widget_grab_focus (view);
  gtk_text_buffer_set_text (buffer, "Gave a talk on accessibility.\nAsk about mentoring.", -1);
  name_cell = find_cell (GTK_WIDGET (sheet), record, 0);
  gtk_widget_grab_focus (name_cell);
  mix_test_spin ();
  g_assert_cmpstr (mix_record_get_value (record, notes), ==,
                   "Gave a talk on accessibility.\nAsk about mentoring.");

  gtk_widget_activate_action (GTK_WIDGET (f->page), "tracker.toggle-details", NULL);
}

static void
on_import (MixCsvImportDialog *dialog,
           gboolean           *imported)
{
  *imported = TRUE;
}

/* The import preview maps the file's columns and lists what does not fit,
 * before anything is imported. */
static MixCsvImportDialog *
preview (const char  *text,
         GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return mix_csv_import_dialog_new (bytes, "contacts.csv", MIX_TAB_NEW_CONTACTS, error);
}

static void
test_import_preview (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  MixCsvImportDialog *dialog;
  MixCsvImport *import;
  gboolean imported = FALSE;

  dialog = preview ("\xef\xbb\xbf" "Full name,Company,Status,Contacted on,Phone\r\n"
                    "Ada,Initech,Messaged,3/5/2026,555\r\n"
                    "Lin,Hooli,Ghosted,soon,\r\n", &error);
  g_assert_no_error (error);
  g_signal_connect (dialog, "import", G_CALLBACK (on_import), &imported);
  gtk_window_present (GTK_WINDOW (dialog));
  mix_test_spin ();

  import = mix_csv_import_dialog_get_import (dialog);
  g_assert_cmpuint (mix_csv_import_get_n_rows (import), ==, 2);
  g_assert_cmpint (mix_csv_import_get_mapping (import, 0), ==,
                   mix_tab_find_column (MIX_TAB_NEW_CONTACTS, "name"));
  g_assert_cmpint (mix_csv_import_get_mapping (import, 4), ==, MIX_CSV_IMPORT_EXTRA);
  g_assert_true (mix_test_has_label (GTK_WIDGET (dialog), "2 rows will be added to New Contacts. Some "
                              "values do not fit their column: they are kept as extra fields, "
                              "as listed below."));
  /* Nothing is in the tracker until Import is pressed. */
  g_assert_cmpuint (mix_tracker_get_n_rows (f->tracker, MIX_TAB_NEW_CONTACTS), ==, 0);
  g_assert_false (imported);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL));
  g_assert_true (imported);
  gtk_window_destroy (GTK_WINDOW (dialog));
  mix_test_spin ();

  /* Headers and values are shown as written, quotes and ampersands too. */
  dialog = preview ("Name,\"Tom \"\"T\"\" & <Co>\"\r\nAda,\"A&B \"\"x\"\"\"\r\n", &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (dialog));
  mix_test_spin ();
  g_assert_true (mix_test_has_label (GTK_WIDGET (dialog), "Tom \"T\" & <Co>"));
  g_assert_true (mix_test_has_label (GTK_WIDGET (dialog), "For example: A&B \"x\""));
  gtk_window_destroy (GTK_WINDOW (dialog));
  mix_test_spin ();

  /* A file that is not CSV text is refused with a sentence, and no dialog. */
  dialog = preview ("Name\n\xff\xfe\n", &error);
  g_assert_null (dialog);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Line 2"));
}

static AdwComboRow *
find_combo_row (GtkWidget  *root,
                const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwComboRow *found;

      if (ADW_IS_COMBO_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return ADW_COMBO_ROW (child);
      found = find_combo_row (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A CSV from Excel in most of Europe has semicolons, with or without a
 * `sep=;` first line: the preview finds them, says so, and lets the user
 * choose otherwise. */
static void
test_import_semicolons (Fixture       *f,
                        gconstpointer  data)
{
  static const char *files[] = {
    "sep=;\r\nName;Company;Role\r\nAda;Initech;Engineer\r\n",
    "Name;Company;Role\r\nAda;Initech;Engineer\r\nLin;\"Hooli; Inc\";Dev\r\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) error = NULL;
      MixCsvImportDialog *dialog = preview (files[i], &error);
      AdwComboRow *separated;
      MixCsvImport *import;

      g_assert_no_error (error);
      gtk_window_present (GTK_WINDOW (dialog));
      mix_test_spin ();
      import = mix_csv_import_dialog_get_import (dialog);
      g_assert_cmpint (mix_csv_import_get_delimiter (import), ==, ';');
      g_assert_cmpuint (mix_csv_import_get_n_source_columns (import), ==, 3);
      g_assert_cmpint (mix_csv_import_get_mapping (import, 1), ==,
                       mix_tab_find_column (MIX_TAB_NEW_CONTACTS, "company"));
      if (i == 1)
        g_assert_cmpstr (mix_csv_import_get_cell (import, 1, 1), ==, "Hooli; Inc");

      separated = find_combo_row (GTK_WIDGET (dialog), "Fields _Separated By");
      g_assert_nonnull (separated);
      g_assert_cmpuint (adw_combo_row_get_selected (separated), ==, 1);

      /* Read with commas, each line is one column; and back. */
      adw_combo_row_set_selected (separated, 0);
      mix_test_spin ();
      import = mix_csv_import_dialog_get_import (dialog);
      g_assert_cmpint (mix_csv_import_get_delimiter (import), ==, ',');
      g_assert_cmpuint (mix_csv_import_get_n_source_columns (import), <, 3);
      adw_combo_row_set_selected (separated, 1);
      mix_test_spin ();
      g_assert_cmpuint (mix_csv_import_get_n_source_columns (import), ==, 3);

      gtk_window_destroy (GTK_WINDOW (dialog));
      mix_test_spin ();
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = mix_test_gui_init (&argc, &argv);
  /* Saving is tested in the store's tests: here, edits stay unsaved so
   * that they can be seen as changes however slow the machine is. */
  mix_store_set_autosave_delay (mix_application_get_store (app), 3600 * 1000);
  window = mix_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 700);
  mix_window_show_page (window, "tracker");
  gtk_window_present (GTK_WINDOW (window));

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/tracker/add-row-edits-name", test_add_row_edits_name);
  ADD ("/tracker/add-row-long-table", test_add_row_long_table);
  ADD ("/tracker/escape-cancels", test_escape_cancels);
  ADD ("/tracker/bad-date-refused", test_bad_date_refused);
  ADD ("/tracker/choice-and-calendar", test_choice_and_calendar);
  ADD ("/tracker/search-and-sort-keep-selection", test_search_and_sort_keep_selection);
  ADD ("/tracker/search-hidden-tab", test_search_hidden_tab);
  ADD ("/tracker/cell-names-follow-rows", test_cell_names_follow_rows);
  ADD ("/tracker/rows-catch-up-in-view", test_rows_catch_up_in_view);
  ADD ("/tracker/focus-selects-row", test_focus_selects_row);
  ADD ("/tracker/edit-survives-selection-change", test_edit_survives_selection_change);
  ADD ("/tracker/delete-undo", test_delete_undo);
  ADD ("/tracker/sort-by-type", test_sort_by_type);
  ADD ("/tracker/search", test_search);
  ADD ("/tracker/details", test_details);
  ADD ("/tracker/import-preview", test_import_preview);
  ADD ("/tracker/import-semicolons", test_import_semicolons);
#undef ADD

  ret = g_test_run ();
  g_object_unref (app);
  return ret;
}
