/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mix-csv-import-dialog.h"
#include "mix-import-merge.h"

/**
 * MixCsvImportDialog:
 *
 * The preview before a CSV import: which tab the rows go to, what
 * separates the fields (found out, and changeable: a semicolon in most of
 * Europe), how each of the file's columns maps to the tab's columns
 * (editable), how many rows there are, and every value that does not fit
 * its column. Nothing is
 * imported until the user presses Import; then #MixCsvImportDialog::import
 * is emitted and the caller adds the rows.
 */

/* The first choices of every mapping row, before the tab's columns. */
enum {
  CHOICE_EXTRA,
  CHOICE_SKIP,
  CHOICE_NAME_REST,
  N_SPECIAL_CHOICES
};

#define MAX_PROBLEMS_SHOWN 50

struct _MixCsvImportDialog
{
  AdwWindow             parent_instance;

  AdwPreferencesGroup  *columns_group;
  GtkButton            *import_button;
  GtkListBox           *problems_list;
  AdwPreferencesGroup  *problems_group;
  GtkLabel             *summary_label;
  AdwComboRow          *delimiter_row;
  AdwComboRow          *tab_row;
  AdwWindowTitle       *window_title;

  GBytes               *data;
  char                 *name;
  MixCsvImport         *import;
  MixTracker           *tracker;       /* nullable: what the rows are matched with */
  GPtrArray            *column_rows;   /* AdwComboRow, one per source column */
  gboolean              updating;
};

G_DEFINE_FINAL_TYPE (MixCsvImportDialog, mix_csv_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * mix_csv_import_dialog_get_import:
 *
 * Returns: (transfer none): the import as the user set it up
 */
MixCsvImport *
mix_csv_import_dialog_get_import (MixCsvImportDialog *self)
{
  g_return_val_if_fail (MIX_IS_CSV_IMPORT_DIALOG (self), NULL);
  return self->import;
}

static void
update_problems (MixCsvImportDialog *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *child;
  guint n_rows = mix_csv_import_get_n_rows (self->import);
  const char *tab_title = _(mix_tab_get_info (mix_csv_import_get_tab (self->import))->title);

  records = mix_csv_import_build_records (self->import, &problems);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);

  for (guint i = 0; i < problems->len && i < MAX_PROBLEMS_SHOWN; i++)
    {
      GtkWidget *label = gtk_label_new (problems->pdata[i]);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "problem-row");
      gtk_list_box_append (self->problems_list, label);
    }
  if (problems->len > MAX_PROBLEMS_SHOWN)
    {
      g_autofree char *more = NULL;
      GtkWidget *label;

      more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "…and %u more",
                                           "…and %u more", problems->len - MAX_PROBLEMS_SHOWN),
                              problems->len - MAX_PROBLEMS_SHOWN);
      label = gtk_label_new (more);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "problem-row");
      gtk_list_box_append (self->problems_list, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), problems->len > 0);

  if (self->tracker != NULL)
    {
      g_autoptr(MixImportMerge) merge =
        mix_import_merge_new (self->tracker, mix_csv_import_get_tab (self->import), records);
      guint n_updated = mix_import_merge_get_n_updated (merge);
      guint n_unchanged = mix_import_merge_get_n_unchanged (merge);

      /* Rows that are people of the tab already: what is added is less. */
      n_rows = mix_import_merge_get_n_new (merge);
      if (n_updated > 0 || n_unchanged > 0)
        {
          g_autofree char *added = g_strdup_printf (
            /* Translators: %u is a number of rows, %s a tab such as New Contacts */
            g_dngettext (GETTEXT_PACKAGE, "%u new row will be added to %s.",
                         "%u new rows will be added to %s.", n_rows), n_rows, tab_title);
          g_autofree char *filled = g_strdup_printf (
            g_dngettext (GETTEXT_PACKAGE,
                         "%u person already there gets the fields they had empty.",
                         "%u people already there get the fields they had empty.", n_updated),
            n_updated);
          g_autofree char *same = g_strdup_printf (
            g_dngettext (GETTEXT_PACKAGE, "%u row is there already.",
                         "%u rows are there already.", n_unchanged), n_unchanged);

          summary = g_strjoin (" ", added, filled, same,
                               problems->len > 0 ? _("Some values do not fit their column: "
                                                     "they are kept as extra fields, as "
                                                     "listed below.") : NULL,
                               NULL);
        }
      gtk_widget_set_sensitive (GTK_WIDGET (self->import_button),
                                n_rows > 0 || n_updated > 0);
    }

  if (summary == NULL)
    {
      if (problems->len == 0)
        /* Translators: %u is a number of rows, %s a tab such as New Contacts. */
        summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u row will be added to %s.",
                                                "%u rows will be added to %s.", n_rows),
                                   n_rows, tab_title);
      else
        summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u row will be added to %s. Some values do not "
                                                "fit their column: they are kept as extra fields, "
                                                "as listed below.",
                                                "%u rows will be added to %s. Some values do not "
                                                "fit their column: they are kept as extra fields, "
                                                "as listed below.", n_rows),
                                   n_rows, tab_title);
    }
  if (mix_csv_import_get_n_skipped_lines (self->import) > 0)
    {
      guint n_skipped = mix_csv_import_get_n_skipped_lines (self->import);
      g_autofree char *skipped =
        /* Translators: said after how many rows will be added */
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "The line before the header, a note, is left out.",
                                      "The %u lines before the header, notes, are left out.",
                                      n_skipped), n_skipped);
      g_autofree char *both = g_strconcat (summary, " ", skipped, NULL);

      g_free (summary);
      summary = g_steal_pointer (&both);
    }
  gtk_label_set_text (self->summary_label, summary);
  if (self->tracker == NULL)
    gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), n_rows > 0);
}

static guint
mapping_to_choice (int mapping)
{
  if (mapping == MIX_CSV_IMPORT_EXTRA)
    return CHOICE_EXTRA;
  if (mapping == MIX_CSV_IMPORT_SKIP)
    return CHOICE_SKIP;
  if (mapping == MIX_CSV_IMPORT_NAME_REST)
    return CHOICE_NAME_REST;
  return (guint) mapping + N_SPECIAL_CHOICES;
}

static int
choice_to_mapping (guint choice)
{
  if (choice == CHOICE_EXTRA)
    return MIX_CSV_IMPORT_EXTRA;
  if (choice == CHOICE_SKIP)
    return MIX_CSV_IMPORT_SKIP;
  if (choice == CHOICE_NAME_REST)
    return MIX_CSV_IMPORT_NAME_REST;
  return (int) (choice - N_SPECIAL_CHOICES);
}

/* Shows the import's mapping in the rows: setting one column can move
 * another, so all rows are refreshed. */
static void
sync_mapping (MixCsvImportDialog *self)
{
  self->updating = TRUE;
  for (guint i = 0; i < self->column_rows->len; i++)
    adw_combo_row_set_selected (self->column_rows->pdata[i],
                                mapping_to_choice (mix_csv_import_get_mapping (self->import, i)));
  self->updating = FALSE;
}

static void
on_column_row_selected_cb (AdwComboRow        *row,
                           GParamSpec         *pspec,
                           MixCsvImportDialog *self)
{
  guint source;

  if (self->updating || !g_ptr_array_find (self->column_rows, row, &source))
    return;

  mix_csv_import_set_mapping (self->import, source,
                              choice_to_mapping (adw_combo_row_get_selected (row)));
  sync_mapping (self);
  update_problems (self);
}

static char *
sample_values (MixCsvImport *import,
               guint         source)
{
  g_autoptr(GString) sample = g_string_new (NULL);
  guint n_rows = mix_csv_import_get_n_rows (import);
  guint found = 0;

  for (guint r = 0; r < n_rows && r < 200 && found < 3; r++)
    {
      const char *cell = mix_csv_import_get_cell (import, r, source);

      if (cell == NULL || *cell == '\0')
        continue;
      if (found > 0)
        g_string_append (sample, ", ");
      g_string_append_len (sample, cell, MIN (strlen (cell), 40));
      found++;
    }

  if (found == 0)
    return g_strdup (_("No values"));
  /* Translators: %s lists a few values of a column, as an example. */
  return g_strdup_printf (_("For example: %s"), sample->str);
}

static void
build_column_rows (MixCsvImportDialog *self)
{
  const MixTabInfo *info = mix_tab_get_info (mix_csv_import_get_tab (self->import));
  guint n = mix_csv_import_get_n_source_columns (self->import);

  for (guint i = 0; i < self->column_rows->len; i++)
    adw_preferences_group_remove (self->columns_group, self->column_rows->pdata[i]);
  g_ptr_array_set_size (self->column_rows, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
      g_autofree char *subtitle = sample_values (self->import, i);
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

      gtk_string_list_append (choices, _("Keep as Extra Field"));
      gtk_string_list_append (choices, _("Skip"));
      /* Translators: a column such as "Last Name", added to the Name of the
       * column that holds the first name */
      gtk_string_list_append (choices, _("Add to Name"));
      for (guint c = 0; c < info->n_columns; c++)
        gtk_string_list_append (choices, _(info->columns[c].title));

      /* The file's text as it is: libadwaita 1.2's combo rows show markup
       * as text, so escaped, a header with a quote read "&quot;". */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     mix_csv_import_get_source_title (self->import, i));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_combo_row_set_model (row, G_LIST_MODEL (choices));
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_column_row_selected_cb), self);
      adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));
      g_ptr_array_add (self->column_rows, row);
    }

  sync_mapping (self);
}

/* What the delimiter row offers, in its order. */
static const char delimiters[] = { ',', ';', '\t' };

static void
sync_delimiter (MixCsvImportDialog *self)
{
  char delimiter = mix_csv_import_get_delimiter (self->import);

  self->updating = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
    if (delimiters[i] == delimiter)
      adw_combo_row_set_selected (self->delimiter_row, i);
  self->updating = FALSE;
}

static gboolean
load (MixCsvImportDialog  *self,
      MixTab               tab,
      char                 delimiter,
      GError             **error)
{
  MixCsvImport *import = mix_csv_import_new_from_bytes (tab, self->data, delimiter, self->name,
                                                        error);

  if (import == NULL)
    return FALSE;

  g_clear_pointer (&self->import, mix_csv_import_free);
  self->import = import;
  sync_delimiter (self);
  build_column_rows (self);
  update_problems (self);
  return TRUE;
}

static void
on_tab_row_selected_cb (AdwComboRow        *row,
                        GParamSpec         *pspec,
                        MixCsvImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint tab = adw_combo_row_get_selected (row);

  if (self->updating || self->import == NULL || tab >= MIX_N_TABS ||
      tab == mix_csv_import_get_tab (self->import))
    return;

  if (!load (self, tab, mix_csv_import_get_delimiter (self->import), &error))
    gtk_label_set_text (self->summary_label, error->message);
}

static void
on_delimiter_row_selected_cb (AdwComboRow        *row,
                              GParamSpec         *pspec,
                              MixCsvImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || self->import == NULL || selected >= G_N_ELEMENTS (delimiters))
    return;

  /* Read that way, the text may not be CSV at all: say so, and keep the
   * preview as it was. */
  if (!mix_csv_import_set_delimiter (self->import, delimiters[selected], &error))
    {
      gtk_label_set_text (self->summary_label, error->message);
      gtk_widget_error_bell (GTK_WIDGET (row));
      sync_delimiter (self);
      return;
    }
  build_column_rows (self);
  update_problems (self);
}

/**
 * mix_csv_import_dialog_set_tracker:
 *
 * Matches the rows with those of @tracker, and says how many are new, how
 * many fill empty fields of someone there, and how many are there already.
 */
void
mix_csv_import_dialog_set_tracker (MixCsvImportDialog *self,
                                   MixTracker         *tracker)
{
  g_return_if_fail (MIX_IS_CSV_IMPORT_DIALOG (self));
  g_return_if_fail (MIX_IS_TRACKER (tracker));

  g_set_object (&self->tracker, tracker);
  update_problems (self);
}

/**
 * mix_csv_import_dialog_refuse:
 * @message: why the rows cannot be added
 *
 * Tells the user, in the dialog, that the import cannot be done as it is.
 */
void
mix_csv_import_dialog_refuse (MixCsvImportDialog *self,
                              const char         *message)
{
  g_return_if_fail (MIX_IS_CSV_IMPORT_DIALOG (self));

  gtk_label_set_text (self->summary_label, message);
  gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MixCsvImportDialog *self = MIX_CSV_IMPORT_DIALOG (widget);

  if (mix_csv_import_get_n_rows (self->import) > 0)
    g_signal_emit (self, signals[IMPORT], 0);
}

/**
 * mix_csv_import_dialog_new:
 * @data: the text of the CSV file, as read
 * @name: the file's name, for the title
 *
 * Makes the preview of @data's import into @tab.
 *
 * Returns: (transfer floating) (nullable): the dialog, or %NULL with
 *   @error set when @data cannot be read as CSV
 */
MixCsvImportDialog *
mix_csv_import_dialog_new (GBytes      *data,
                           const char  *name,
                           MixTab       tab,
                           GError     **error)
{
  g_autoptr(MixCsvImportDialog) self = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (tab < MIX_N_TABS, NULL);

  self = g_object_ref_sink (g_object_new (MIX_TYPE_CSV_IMPORT_DIALOG, NULL));
  self->data = g_bytes_ref (data);
  self->name = g_strdup (name);

  self->updating = TRUE;
  adw_combo_row_set_selected (self->tab_row, tab);
  self->updating = FALSE;

  if (!load (self, tab, '\0', error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }

  adw_window_title_set_subtitle (self->window_title, name);

  return g_steal_pointer (&self);
}

static void
mix_csv_import_dialog_dispose (GObject *object)
{
  MixCsvImportDialog *self = MIX_CSV_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MIX_TYPE_CSV_IMPORT_DIALOG);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_object (&self->tracker);

  G_OBJECT_CLASS (mix_csv_import_dialog_parent_class)->dispose (object);
}

static void
mix_csv_import_dialog_finalize (GObject *object)
{
  MixCsvImportDialog *self = MIX_CSV_IMPORT_DIALOG (object);

  g_clear_pointer (&self->import, mix_csv_import_free);
  g_clear_pointer (&self->data, g_bytes_unref);
  g_free (self->name);

  G_OBJECT_CLASS (mix_csv_import_dialog_parent_class)->finalize (object);
}

static void
mix_csv_import_dialog_class_init (MixCsvImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mix_csv_import_dialog_dispose;
  object_class->finalize = mix_csv_import_dialog_finalize;

  /**
   * MixCsvImportDialog::import:
   *
   * The user pressed Import. The handler adds the rows and closes the dialog.
   */
  signals[IMPORT] =
    g_signal_new ("import",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/tracker/mix-csv-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MixCsvImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, MixCsvImportDialog, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, MixCsvImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, MixCsvImportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, MixCsvImportDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, MixCsvImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, MixCsvImportDialog, tab_row);
  gtk_widget_class_bind_template_child (widget_class, MixCsvImportDialog, window_title);
  gtk_widget_class_bind_template_callback (widget_class, on_delimiter_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_tab_row_selected_cb);

  gtk_widget_class_install_action (widget_class, "import.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mix_csv_import_dialog_init (MixCsvImportDialog *self)
{
  g_autoptr(GtkStringList) tabs = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) separators = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->column_rows = g_ptr_array_new ();
  for (guint t = 0; t < MIX_N_TABS; t++)
    gtk_string_list_append (tabs, _(mix_tab_get_info (t)->title));
  gtk_string_list_append (separators, _("Commas"));  /* as in delimiters[] */
  gtk_string_list_append (separators, _("Semicolons"));
  gtk_string_list_append (separators, _("Tabs"));
  self->updating = TRUE;
  adw_combo_row_set_model (self->tab_row, G_LIST_MODEL (tabs));
  adw_combo_row_set_model (self->delimiter_row, G_LIST_MODEL (separators));
  self->updating = FALSE;
}
