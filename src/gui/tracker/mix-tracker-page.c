/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mix-csv-import-dialog.h"
#include "mix-csv-import.h"
#include "mix-tracker-changes.h"
#include "mix-toast.h"
#include "mix-tracker-details.h"
#include "mix-import-merge.h"
#include "mix-tracker-page.h"

/**
 * MixTrackerPage:
 *
 * The networking tracker: the three tabs of the curriculum's spreadsheet,
 * each a #MixSheetView, with adding and deleting rows (with Undo), search
 * across all columns, and CSV import and export.
 */

struct _MixTrackerPage
{
  AdwBin               parent_instance;

  MixTrackerDetails   *details;
  AdwFlap             *details_flap;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  AdwViewStack        *tab_stack;

  MixStore            *store;
  MixSheetView        *sheets[MIX_N_TABS];
  AdwViewStackPage    *pages[MIX_N_TABS];
  MixHistory          *history;          /* nullable: the window's, for Undo */
  GtkFileChooserNative *chooser;
  gboolean             details_visible;
  MixTab               export_tab;       /* the tab being exported */
};

G_DEFINE_FINAL_TYPE (MixTrackerPage, mix_tracker_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DETAILS_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void on_selection_changed_cb (GtkSelectionModel *model,
                                     guint              position,
                                     guint              n_items,
                                     MixTrackerPage    *self);

static void
show_message (MixTrackerPage *self,
              const char     *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 6);
  mix_show_toast (GTK_WIDGET (self), toast);
}

MixTab
mix_tracker_page_get_current_tab (MixTrackerPage *self)
{
  const char *name;
  MixTab tab;

  g_return_val_if_fail (MIX_IS_TRACKER_PAGE (self), MIX_TAB_EXISTING_NETWORK);

  name = adw_view_stack_get_visible_child_name (self->tab_stack);
  if (name != NULL && mix_tab_from_id (name, &tab))
    return tab;
  return MIX_TAB_EXISTING_NETWORK;
}

void
mix_tracker_page_show_tab (MixTrackerPage *self,
                           MixTab          tab)
{
  g_return_if_fail (MIX_IS_TRACKER_PAGE (self));
  g_return_if_fail (tab < MIX_N_TABS);

  adw_view_stack_set_visible_child_name (self->tab_stack, mix_tab_get_info (tab)->id);
}

/**
 * mix_tracker_page_get_sheet:
 *
 * Returns: (transfer none) (nullable): the view of @tab, once the page has
 *   its store
 */
MixSheetView *
mix_tracker_page_get_sheet (MixTrackerPage *self,
                            MixTab          tab)
{
  g_return_val_if_fail (MIX_IS_TRACKER_PAGE (self), NULL);
  g_return_val_if_fail (tab < MIX_N_TABS, NULL);

  return self->sheets[tab];
}

static MixSheetView *
current_sheet (MixTrackerPage *self)
{
  return self->sheets[mix_tracker_page_get_current_tab (self)];
}

static gboolean
is_read_only (MixTrackerPage *self)
{
  return self->store == NULL || mix_store_is_read_only (self->store, MIX_DOMAIN_TRACKER);
}

/* The tab's title shows how many rows it has. */
static void
update_tab_title (MixTrackerPage *self,
                  MixTab          tab)
{
  guint n = mix_tracker_get_n_rows (mix_store_get_tracker (self->store), tab);
  g_autofree char *title = NULL;

  /* Translators: a tracker tab's title and its number of rows, such as "New Contacts (12)". */
  title = g_strdup_printf (C_("tab title", "%s (%u)"), _(mix_tab_get_info (tab)->title), n);
  adw_view_stack_page_set_title (self->pages[tab], title);
}

static void
on_rows_changed_cb (GListModel     *rows,
                    guint           position,
                    guint           removed,
                    guint           added,
                    MixTrackerPage *self)
{
  for (guint t = 0; t < MIX_N_TABS; t++)
    if (mix_tracker_get_rows (mix_store_get_tracker (self->store), t) == rows)
      update_tab_title (self, t);
}

static void
on_sheet_error_cb (MixSheetView   *sheet,
                   const char     *message,
                   MixTrackerPage *self)
{
  show_message (self, message);
}

static void
update_actions (MixTrackerPage *self)
{
  gboolean writable = !is_read_only (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tracker.add-row", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tracker.delete-rows", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tracker.import-csv", writable);
  mix_tracker_details_set_editable (self->details, writable);
}

/* The tracker became read-only (another program left a file that cannot
 * be merged), or writable again. */
static void
on_read_only_changed_cb (MixStore       *store,
                         int             domain,
                         MixTrackerPage *self)
{
  if (domain != MIX_DOMAIN_TRACKER)
    return;
  for (guint t = 0; t < MIX_N_TABS; t++)
    mix_sheet_view_set_read_only (self->sheets[t], is_read_only (self));
  update_actions (self);
}

/**
 * mix_tracker_page_set_history:
 * @history: the window's changes: the tracker's go there, for Undo
 */
void
mix_tracker_page_set_history (MixTrackerPage *self,
                              MixHistory     *history)
{
  g_return_if_fail (MIX_IS_TRACKER_PAGE (self));

  g_set_object (&self->history, history);
  for (guint t = 0; t < MIX_N_TABS; t++)
    if (self->sheets[t] != NULL)
      mix_sheet_view_set_history (self->sheets[t], history);
}

/**
 * mix_tracker_page_set_store:
 *
 * Shows the tracker of @store, on the tab it showed last time. Called
 * once, by the window.
 */
void
mix_tracker_page_set_store (MixTrackerPage *self,
                            MixStore       *store,
                            GSettings      *settings)
{
  MixTracker *tracker;

  g_return_if_fail (MIX_IS_TRACKER_PAGE (self));
  g_return_if_fail (MIX_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  tracker = mix_store_get_tracker (store);

  for (guint t = 0; t < MIX_N_TABS; t++)
    {
      const MixTabInfo *info = mix_tab_get_info (t);

      self->sheets[t] = mix_sheet_view_new (tracker, t);
      mix_sheet_view_set_history (self->sheets[t], self->history);
      mix_sheet_view_set_read_only (self->sheets[t], is_read_only (self));
      g_signal_connect_object (self->sheets[t], "error", G_CALLBACK (on_sheet_error_cb), self, 0);
      self->pages[t] = adw_view_stack_add_named (self->tab_stack, GTK_WIDGET (self->sheets[t]),
                                                 info->id);
      adw_view_stack_page_set_icon_name (self->pages[t],
                                         t == MIX_TAB_EXISTING_NETWORK ? "avatar-default-symbolic"
                                         : t == MIX_TAB_NETWORKING_LOG ? "x-office-calendar-symbolic"
                                         : "contact-new-symbolic");
      update_tab_title (self, t);
      g_signal_connect_object (mix_tracker_get_rows (tracker, t), "items-changed",
                               G_CALLBACK (on_rows_changed_cb), self, 0);
      g_signal_connect_object (mix_sheet_view_get_selection (self->sheets[t]),
                               "selection-changed", G_CALLBACK (on_selection_changed_cb), self, 0);
    }

  update_actions (self);
  g_signal_connect_object (store, "read-only-changed", G_CALLBACK (on_read_only_changed_cb),
                           self, 0);

  g_settings_bind (settings, "last-tracker-tab", self->tab_stack, "visible-child-name",
                   G_SETTINGS_BIND_DEFAULT);
}

/* Details: the selected row's long texts and extra fields. */

static void
on_details_edited_cb (MixTrackerDetails *details,
                      guint              column,
                      const char        *text,
                      MixTrackerPage    *self)
{
  MixRecord *record = mix_tracker_details_get_record (details);
  g_autofree char *before = NULL;

  if (record == NULL || is_read_only (self))
    return;

  before = g_strdup (mix_record_get_value (record, column));
  if (mix_record_set_value (record, column, text, NULL))
    mix_tracker_changes_edited (self->history, mix_store_get_tracker (self->store),
                                record, column, before);
}

static void
update_details (MixTrackerPage *self)
{
  MixSheetView *sheet = self->store ? current_sheet (self) : NULL;

  mix_tracker_details_set_record (self->details,
                                  sheet ? mix_sheet_view_get_focus_record (sheet) : NULL);
}

static void
on_selection_changed_cb (GtkSelectionModel *model,
                         guint              position,
                         guint              n_items,
                         MixTrackerPage    *self)
{
  update_details (self);
}

static void
on_tab_changed_cb (AdwViewStack   *stack,
                   GParamSpec     *pspec,
                   MixTrackerPage *self)
{
  update_details (self);
}

static void
set_details_visible (MixTrackerPage *self,
                     gboolean        visible)
{
  visible = !!visible;
  if (self->details_visible == visible)
    return;
  self->details_visible = visible;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAILS_VISIBLE]);
}

static void
toggle_details_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  MixTrackerPage *self = MIX_TRACKER_PAGE (widget);

  set_details_visible (self, !self->details_visible);
}

static void
mix_tracker_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MixTrackerPage *self = MIX_TRACKER_PAGE (object);

  switch (prop_id)
    {
    case PROP_DETAILS_VISIBLE:
      g_value_set_boolean (value, self->details_visible);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mix_tracker_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MixTrackerPage *self = MIX_TRACKER_PAGE (object);

  switch (prop_id)
    {
    case PROP_DETAILS_VISIBLE:
      set_details_visible (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Actions */

static void
add_row_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MixTrackerPage *self = MIX_TRACKER_PAGE (widget);

  if (is_read_only (self))
    return;

  /* A new, empty row would be hidden by the search. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  mix_sheet_view_add_row (current_sheet (self));
}

static void
delete_rows_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MixTrackerPage *self = MIX_TRACKER_PAGE (widget);
  MixTracker *tracker = mix_store_get_tracker (self->store);
  g_autoptr(GPtrArray) selected = NULL;
  gboolean had_focus;

  if (is_read_only (self))
    return;

  selected = mix_sheet_view_get_selected (current_sheet (self));
  if (selected->len == 0)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  had_focus = mix_sheet_view_release_focus (current_sheet (self));
  /* How many, and undone with Ctrl+Z as long as the window is open. */
  if (mix_tracker_delete_rows (tracker, selected, self->history))
    mix_show_undo_toast (widget, self->history,
                         self->history != NULL ? mix_history_get_undo_label (self->history) :
                                                 _("Deleted"));
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (mix_sheet_view_get_column_view (current_sheet (self))));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MixTrackerPage *self = MIX_TRACKER_PAGE (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_search_changed_cb (GtkSearchEntry *entry,
                      MixTrackerPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  for (guint t = 0; t < MIX_N_TABS; t++)
    if (self->sheets[t] != NULL)
      mix_sheet_view_set_search (self->sheets[t], text);
}

static void
on_search_mode_cb (GtkSearchBar   *bar,
                   GParamSpec     *pspec,
                   MixTrackerPage *self)
{
  if (!gtk_search_bar_get_search_mode (bar))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Import and export */

static void
on_import_dialog_import_cb (MixCsvImportDialog *dialog,
                            MixTrackerPage     *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(MixImportMerge) merge = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  guint n_new, n_updated;
  MixCsvImport *import = mix_csv_import_dialog_get_import (dialog);
  MixTab tab = mix_csv_import_get_tab (import);

  records = mix_csv_import_build_records (import, &problems);
  /* Nothing is added that could not be saved and read back. */
  if (!mix_store_check_rows_fit (self->store, records, NULL, &error))
    {
      mix_csv_import_dialog_refuse (dialog, error->message);
      return;
    }
  /* Someone already in the tab fills only their empty fields. */
  merge = mix_import_merge_new (mix_store_get_tracker (self->store), tab, records);
  n_new = mix_import_merge_get_n_new (merge);
  n_updated = mix_import_merge_get_n_updated (merge);
  if (n_updated == 0)
    /* Translators: the second %s is a tab, such as New Contacts. */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u row into %s",
                                          "Imported %u rows into %s", n_new),
                             n_new, _(mix_tab_get_info (tab)->title));
  else
    /* Translators: the second %s is a tab, such as New Contacts; "updated"
     * rows are people already there whose empty fields were filled. */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u new row into %s, %u updated",
                                          "Imported %u new rows into %s, %u updated", n_new),
                             n_new, _(mix_tab_get_info (tab)->title), n_updated);
  mix_import_merge_apply (merge, self->history, title);

  mix_tracker_page_show_tab (self, tab);
  gtk_window_destroy (GTK_WINDOW (dialog));
  mix_show_undo_toast (GTK_WIDGET (self), self->history, title);
}

static void
read_file_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  GBytes *bytes = mix_csv_import_read_file (task_data, &error);

  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

static void
on_file_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  MixTrackerPage *self = MIX_TRACKER_PAGE (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *name = g_path_get_basename (g_task_get_task_data (G_TASK (result)));
  MixCsvImportDialog *dialog;

  if (bytes == NULL)
    {
      show_message (self, error->message);
      return;
    }

  dialog = mix_csv_import_dialog_new (bytes, name, mix_tracker_page_get_current_tab (self),
                                      &error);
  if (dialog != NULL)
    mix_csv_import_dialog_set_tracker (dialog, mix_store_get_tracker (self->store));
  if (dialog == NULL)
    {
      show_message (self, error->message);
      return;
    }

  gtk_window_set_transient_for (GTK_WINDOW (dialog),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (dialog, "import", G_CALLBACK (on_import_dialog_import_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The file is read on a thread of its own: whatever the user picked (a
 * pipe, a slow network share) never stops the window. */
static void
open_import_dialog (MixTrackerPage *self,
                    GFile          *file)
{
  g_autoptr(GTask) task = NULL;
  char *path = g_file_get_path (file);

  if (path == NULL)
    {
      show_message (self, _("This file cannot be opened: it is not on this computer."));
      return;
    }

  task = g_task_new (self, NULL, on_file_read_cb, NULL);
  g_task_set_source_tag (task, open_import_dialog);
  g_task_set_task_data (task, path, g_free);
  g_task_run_in_thread (task, read_file_thread);
}

static void
on_import_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               MixTrackerPage  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      open_import_dialog (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
add_csv_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (chooser, csv);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

static void
import_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MixTrackerPage *self = MIX_TRACKER_PAGE (widget);

  if (is_read_only (self) || self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Import CSV"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  add_csv_filters (GTK_FILE_CHOOSER (self->chooser));
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_import_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
export_to (MixTrackerPage *self,
           GFile          *file,
           MixTab          tab)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;
  guint n = 0;

  if (path == NULL)
    {
      show_message (self, _("This place cannot be written to: it is not on this computer."));
      return;
    }

  if (!mix_tracker_export_csv_file (mix_store_get_tracker (self->store), tab, path, &n, &error))
    {
      show_message (self, error->message);
      return;
    }

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u row to “%s”",
                                          "Exported %u rows to “%s”", n),
                             n, name);
  show_message (self, message);
}

static void
on_export_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               MixTrackerPage  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      export_to (self, file, self->export_tab);
    }
  g_clear_object (&self->chooser);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MixTrackerPage *self = MIX_TRACKER_PAGE (widget);
  MixTab tab = mix_tracker_page_get_current_tab (self);
  g_autofree char *name = NULL;

  if (self->store == NULL || self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export CSV"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  name = g_strconcat (_(mix_tab_get_info (tab)->title), ".csv", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  add_csv_filters (GTK_FILE_CHOOSER (self->chooser));
  self->export_tab = tab;
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_export_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
show_tab_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  MixTab tab;

  if (mix_tab_from_id (g_variant_get_string (parameter, NULL), &tab))
    mix_tracker_page_show_tab (MIX_TRACKER_PAGE (widget), tab);
}

/* Construction */

static void
mix_tracker_page_dispose (GObject *object)
{
  MixTrackerPage *self = MIX_TRACKER_PAGE (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIX_TYPE_TRACKER_PAGE);
  g_clear_object (&self->history);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mix_tracker_page_parent_class)->dispose (object);
}

static void
mix_tracker_page_class_init (MixTrackerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mix_tracker_page_dispose;
  object_class->get_property = mix_tracker_page_get_property;
  object_class->set_property = mix_tracker_page_set_property;

  properties[PROP_DETAILS_VISIBLE] =
    g_param_spec_boolean ("details-visible", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/tracker/mix-tracker-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MixTrackerPage, details);
  gtk_widget_class_bind_template_child (widget_class, MixTrackerPage, details_flap);
  gtk_widget_class_bind_template_child (widget_class, MixTrackerPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, MixTrackerPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MixTrackerPage, tab_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_details_edited_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_tab_changed_cb);

  gtk_widget_class_install_action (widget_class, "tracker.add-row", NULL, add_row_action);
  gtk_widget_class_install_action (widget_class, "tracker.delete-rows", NULL, delete_rows_action);
  gtk_widget_class_install_action (widget_class, "tracker.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "tracker.import-csv", NULL, import_csv_action);
  gtk_widget_class_install_action (widget_class, "tracker.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "tracker.show-tab", "s", show_tab_action);
  gtk_widget_class_install_action (widget_class, "tracker.toggle-details", NULL,
                                   toggle_details_action);
  gtk_widget_class_install_property_action (widget_class, "tracker.details-visible",
                                            "details-visible");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "tracker.add-row", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "tracker.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0,
                                       "tracker.toggle-details", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "tracker.delete-rows", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0,
                                       "tracker.delete-rows", NULL);
}

static void
mix_tracker_page_init (MixTrackerPage *self)
{
  g_type_ensure (MIX_TYPE_SHEET_VIEW);
  g_type_ensure (MIX_TYPE_TRACKER_DETAILS);
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  /* The bar slides in from the next frame on, and until then GTK drops the
   * keys sent to the entry: what is typed right after Ctrl+F would lose its
   * first letters, all of them on a busy machine. So it appears at once. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->search_bar));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_REVEALER (child))
      gtk_revealer_set_transition_type (GTK_REVEALER (child),
                                        GTK_REVEALER_TRANSITION_TYPE_NONE);
}
