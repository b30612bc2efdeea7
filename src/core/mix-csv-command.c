/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gunixinputstream.h>
#include <string.h>
#include <unistd.h>

#include "mix-calendar.h"
#include "mix-csv.h"
#include "mix-csv-command.h"
#include "mix-csv-import.h"
#include "mix-import-merge.h"

/*
 * `mix-it-up --import-csv=FILE --tab=TAB [--delimiter=D]` and
 * `--export-csv=FILE --tab=TAB`; and `--export-follow-ups=FILE.ics`, the
 * follow-ups of Today and the next days as a calendar.
 *
 * The command is a GApplication with the app's own ID. It reads the file
 * to import itself, whatever it is: a file, a pipe, `-` for its standard
 * input, or a shell's `<(…)`. When the app is already running, the text is
 * handed to that instance with the command line, and the rows go into the
 * open window, which never opens a file the user named on the command line
 * (a pipe would stop it). Otherwise this process does the work alone, with
 * no display needed: the store's lock and merge keep the window of another
 * session, or one without this D-Bus, from losing what it writes.
 */

/* Larger texts are imported by the command itself rather than sent over
 * D-Bus, whose messages have a limit. */
#define MAX_FORWARDED (16 * 1024 * 1024)

#define DATA_KEY "mix-csv-data"
#define NAME_KEY "mix-csv-name"

static const GOptionEntry options[] = {
  { "import-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Add the rows of a CSV file to a tracker tab, then exit; “-” reads standard input"),
    N_("FILE") },
  { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a tracker tab to a CSV file, then exit"), N_("FILE") },
  { "export-follow-ups", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the follow-ups due today and in the next 90 days to an iCalendar (.ics) file, "
       "then exit"), N_("FILE") },
  { "tab", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The tab to import into or export: existing-network, networking-log or new-contacts"),
    N_("TAB") },
  { "delimiter", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("What separates the fields of the file to import: comma, semicolon or tab; found "
       "out when not given"),
    N_("DELIMITER") },
  { NULL }
};

const GOptionEntry *
mix_csv_command_get_options (void)
{
  return options;
}

/**
 * mix_csv_command_in_args:
 *
 * Returns: %TRUE if the command line asks for a CSV import or export, so
 *   that main() can run it without starting the user interface
 */
gboolean
mix_csv_command_in_args (int    argc,
                         char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      if (g_str_has_prefix (argv[i], "--import-csv") || g_str_has_prefix (argv[i], "--export-csv") ||
          g_str_has_prefix (argv[i], "--export-follow-ups"))
        return TRUE;
    }
  return FALSE;
}

gboolean
mix_csv_command_requested (GApplicationCommandLine *cmdline)
{
  GVariantDict *dict = g_application_command_line_get_options_dict (cmdline);

  return g_variant_dict_contains (dict, "import-csv") ||
         g_variant_dict_contains (dict, "export-csv") ||
         g_variant_dict_contains (dict, "export-follow-ups") ||
         g_variant_dict_contains (dict, "tab") ||
         g_variant_dict_contains (dict, "delimiter");
}

/**
 * mix_csv_command_parse_delimiter:
 * @text: a name (comma, semicolon, tab) or the character itself
 * @delimiter: (out): the character
 *
 * Returns: %FALSE if @text is no delimiter the import knows
 */
gboolean
mix_csv_command_parse_delimiter (const char *text,
                                 char       *delimiter)
{
  g_autofree char *lower = g_ascii_strdown (text, -1);

  if (g_str_equal (lower, "comma") || g_str_equal (lower, ","))
    *delimiter = ',';
  else if (g_str_equal (lower, "semicolon") || g_str_equal (lower, ";"))
    *delimiter = ';';
  else if (g_str_equal (lower, "tab") || g_str_equal (lower, "\t") || g_str_equal (lower, "\\t"))
    *delimiter = '\t';
  else
    return FALSE;
  return TRUE;
}

static void
print_problems (MixStore                *store,
                GApplicationCommandLine *cmdline)
{
  GPtrArray *problems = mix_store_get_problems (store);

  for (guint i = 0; i < problems->len; i++)
    {
      MixStoreProblem *problem = g_ptr_array_index (problems, i);
      g_application_command_line_printerr (cmdline, "%s\n", problem->message);
    }
}

static int run (MixStore                *store,
                GApplicationCommandLine *cmdline,
                GBytes                  *bytes,
                const char              *name);

/* The local path of the file @arg names, relative to the command's
 * folder; %NULL, said, if it is not on this computer. */
static char *
local_path_of (GApplicationCommandLine *cmdline,
               const char              *arg)
{
  g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (cmdline, arg);
  char *path = g_file_get_path (file);

  if (path == NULL)
    g_application_command_line_printerr (cmdline, "%s\n", _("The file must be on this computer."));
  return path;
}

static int
export (MixStore                *store,
        GApplicationCommandLine *cmdline,
        MixTab                   tab,
        const char              *arg)
{
  g_autofree char *path = local_path_of (cmdline, arg);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (path == NULL)
    return 1;
  if (!mix_tracker_export_csv_file (mix_store_get_tracker (store), tab, path, &n, &error))
    {
      g_application_command_line_printerr (cmdline, "%s\n", error->message);
      return 1;
    }
  /* Translators: the first %s is a tab, such as New Contacts, the second a file. */
  g_application_command_line_print (cmdline,
                                    g_dngettext (GETTEXT_PACKAGE,
                                                 "Exported %u row from %s to %s\n",
                                                 "Exported %u rows from %s to %s\n", n),
                                    n, _(mix_tab_get_info (tab)->title), path);
  return 0;
}

static int
export_follow_ups (MixStore                *store,
                   GApplicationCommandLine *cmdline,
                   const char              *arg)
{
  g_autofree char *path = local_path_of (cmdline, arg);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (path == NULL)
    return 1;
  if (!mix_calendar_export_file (mix_store_get_tracker (store), mix_store_get_drafts (store),
                                 path, &n, &error))
    {
      g_application_command_line_printerr (cmdline, "%s\n", error->message);
      return 1;
    }
  /* Translators: %s is a file */
  g_application_command_line_print (cmdline,
                                    g_dngettext (GETTEXT_PACKAGE,
                                                 "Exported %u follow-up to %s\n",
                                                 "Exported %u follow-ups to %s\n", n),
                                    n, path);
  return 0;
}

/**
 * mix_csv_command_run:
 *
 * Runs the import or export that @cmdline asks for, printing what was done
 * or what went wrong. An import takes the text the command read (see
 * mix_csv_command_application_new()) from @cmdline's platform data; a
 * failed import adds nothing.
 *
 * Returns: the exit status: 0 on success, 1 on failure, 2 for a wrong
 *   command line
 */
int
mix_csv_command_run (MixStore                *store,
                     GApplicationCommandLine *cmdline)
{
  g_autoptr(GVariant) platform = g_application_command_line_get_platform_data (cmdline);
  g_autoptr(GVariant) data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *name = NULL;

  if (platform != NULL)
    {
      data = g_variant_lookup_value (platform, DATA_KEY, G_VARIANT_TYPE_BYTESTRING);
      g_variant_lookup (platform, NAME_KEY, "&s", &name);
    }
  if (data != NULL)
    bytes = g_variant_get_data_as_bytes (data);
  return run (store, cmdline, bytes, name);
}

/* @bytes: (nullable): the text to import, as the command read it */
static int
run (MixStore                *store,
     GApplicationCommandLine *cmdline,
     GBytes                  *bytes,
     const char              *name)
{
  GVariantDict *dict = g_application_command_line_get_options_dict (cmdline);
  g_autoptr(MixCsvImport) import = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(MixImportMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *import_arg = NULL;
  g_autofree char *export_arg = NULL;
  g_autofree char *tab_arg = NULL;
  g_autofree char *delimiter_arg = NULL;
  g_autofree char *follow_ups_arg = NULL;
  const char *tab_title;
  char delimiter = '\0';
  guint n_fit = 0;
  MixTab tab;

  g_variant_dict_lookup (dict, "import-csv", "^ay", &import_arg);
  g_variant_dict_lookup (dict, "export-csv", "^ay", &export_arg);
  g_variant_dict_lookup (dict, "tab", "s", &tab_arg);
  g_variant_dict_lookup (dict, "delimiter", "s", &delimiter_arg);
  g_variant_dict_lookup (dict, "export-follow-ups", "^ay", &follow_ups_arg);

  if (follow_ups_arg != NULL)
    {
      if (import_arg != NULL || export_arg != NULL || tab_arg != NULL || delimiter_arg != NULL)
        {
          g_application_command_line_printerr (cmdline, "%s\n",
                                               _("--export-follow-ups goes alone, without the "
                                                 "CSV options."));
          return 2;
        }
      return export_follow_ups (store, cmdline, follow_ups_arg);
    }

  if (import_arg == NULL && export_arg == NULL)
    {
      g_application_command_line_printerr (cmdline, "%s\n",
                                           _("--tab goes with --import-csv or --export-csv."));
      return 2;
    }

  if (import_arg != NULL && export_arg != NULL)
    {
      g_application_command_line_printerr (cmdline, "%s\n",
                                           _("Give either --import-csv or --export-csv, not both."));
      return 2;
    }

  if (tab_arg == NULL || !mix_tab_from_id (tab_arg, &tab))
    {
      g_application_command_line_printerr (cmdline, "%s\n",
                                           _("Choose the tab with --tab=existing-network, "
                                             "--tab=networking-log or --tab=new-contacts."));
      return 2;
    }
  if (delimiter_arg != NULL && !mix_csv_command_parse_delimiter (delimiter_arg, &delimiter))
    {
      g_application_command_line_printerr (cmdline, "%s\n",
                                           _("Give --delimiter=comma, --delimiter=semicolon or "
                                             "--delimiter=tab."));
      return 2;
    }
  tab_title = _(mix_tab_get_info (tab)->title);

  if (export_arg != NULL)
    return export (store, cmdline, tab, export_arg);

  if (bytes == NULL)
    {
      /* The command reads the file; a window never does. */
      g_application_command_line_printerr (cmdline, "%s\n",
                                           _("The file to import was not read. Run the import "
                                             "again."));
      return 1;
    }

  if (mix_store_is_read_only (store, MIX_DOMAIN_TRACKER))
    {
      print_problems (store, cmdline);
      g_application_command_line_printerr (cmdline, "%s\n",
                                           _("The tracker is read-only, so nothing was imported."));
      return 1;
    }

  import = mix_csv_import_new_from_bytes (tab, bytes, delimiter, name, &error);
  if (import == NULL)
    {
      g_application_command_line_printerr (cmdline, "%s\n", error->message);
      return 1;
    }
  records = mix_csv_import_build_records (import, &problems);
  if (!mix_store_check_rows_fit (store, records, &n_fit, &error))
    {
      g_application_command_line_printerr (cmdline, "%s\n", error->message);
      return 1;
    }

  /* Someone already in the tab fills only their empty fields. */
  merge = mix_import_merge_new (mix_store_get_tracker (store), tab, records);
  mix_import_merge_apply (merge, NULL, NULL);
  if (!mix_store_flush (store, &error))
    {
      g_application_command_line_printerr (cmdline, _("The rows could not be saved: %s\n"),
                                           error->message);
      return 1;
    }

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    g_application_command_line_printerr (cmdline, "%s\n", (const char *) problems->pdata[i]);

  if (mix_csv_import_get_delimiter (import) != ',')
    g_application_command_line_print (cmdline, "%s\n",
                                      mix_csv_import_get_delimiter (import) == ';' ?
                                      _("The fields were separated by semicolons.") :
                                      _("The fields were separated by tabs."));
  /* Translators: %s is a tab, such as New Contacts. */
  g_application_command_line_print (cmdline,
                                    g_dngettext (GETTEXT_PACKAGE,
                                                 "Imported %u row into %s\n",
                                                 "Imported %u rows into %s\n",
                                                 mix_import_merge_get_n_new (merge)),
                                    mix_import_merge_get_n_new (merge), tab_title);
  if (mix_import_merge_get_n_updated (merge) > 0 || mix_import_merge_get_n_unchanged (merge) > 0)
    g_application_command_line_print (cmdline,
                                      /* Translators: rows of the file that are people of the
                                       * tab already: updated (empty fields filled) or not */
                                      _("Already there: %u updated, %u unchanged\n"),
                                      mix_import_merge_get_n_updated (merge),
                                      mix_import_merge_get_n_unchanged (merge));
  return 0;
}

/* The command's own application: it reads the file to import before it
 * hands its command line on. */

#define MIX_TYPE_CSV_COMMAND (mix_csv_command_get_type ())

G_DECLARE_FINAL_TYPE (MixCsvCommand, mix_csv_command, MIX, CSV_COMMAND, GApplication)

struct _MixCsvCommand
{
  GApplication  parent_instance;

  GBytes       *data;   /* nullable: the text to import */
  char         *name;   /* nullable: where it came from, for messages */
};

G_DEFINE_FINAL_TYPE (MixCsvCommand, mix_csv_command, G_TYPE_APPLICATION)

static void
mix_csv_command_finalize (GObject *object)
{
  MixCsvCommand *self = MIX_CSV_COMMAND (object);

  g_clear_pointer (&self->data, g_bytes_unref);
  g_free (self->name);

  G_OBJECT_CLASS (mix_csv_command_parent_class)->finalize (object);
}

static void
mix_csv_command_add_platform_data (GApplication    *app,
                                   GVariantBuilder *builder)
{
  MixCsvCommand *self = MIX_CSV_COMMAND (app);

  G_APPLICATION_CLASS (mix_csv_command_parent_class)->add_platform_data (app, builder);
  if (self->data != NULL)
    {
      g_variant_builder_add (builder, "{sv}", DATA_KEY,
                             g_variant_new_from_bytes (G_VARIANT_TYPE_BYTESTRING, self->data,
                                                       TRUE));
      g_variant_builder_add (builder, "{sv}", NAME_KEY, g_variant_new_string (self->name));
    }
}

static void
mix_csv_command_class_init (MixCsvCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = mix_csv_command_finalize;
  app_class->add_platform_data = mix_csv_command_add_platform_data;
}

static void
mix_csv_command_init (MixCsvCommand *self)
{
}

/* Standard input, as `-` names it. */
static GBytes *
read_stdin (GError **error)
{
  g_autoptr(GInputStream) in = g_unix_input_stream_new (STDIN_FILENO, FALSE);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  gssize n;

  n = g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, error);
  if (n < 0)
    return NULL;
  if (n > MIX_CSV_IMPORT_MAX_BYTES)
    {
      g_autofree char *limit = g_format_size (MIX_CSV_IMPORT_MAX_BYTES);

      g_set_error (error, MIX_CSV_ERROR, MIX_CSV_ERROR_TOO_LARGE,
                   _("The standard input is too large; the limit is %s."), limit);
      return NULL;
    }
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static int
on_handle_local_options_cb (GApplication *app,
                            GVariantDict *dict,
                            gpointer      user_data)
{
  MixCsvCommand *self = MIX_CSV_COMMAND (app);
  g_autoptr(GError) error = NULL;
  g_autofree char *arg = NULL;

  if (!g_variant_dict_lookup (dict, "import-csv", "^ay", &arg))
    return -1;

  if (g_str_equal (arg, "-"))
    {
      self->name = g_strdup (_("standard input"));
      self->data = read_stdin (&error);
    }
  else
    {
      self->name = g_filename_display_name (arg);
      self->data = mix_csv_import_read_file (arg, &error);
    }
  if (self->data == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  /* Too much for D-Bus: imported here, into the files, which a running
   * window merges as they change. */
  if (g_bytes_get_size (self->data) > MAX_FORWARDED)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
  return -1;
}

static int
on_command_line_cb (GApplication            *app,
                    GApplicationCommandLine *cmdline,
                    gpointer                 user_data)
{
  g_autoptr(MixStore) store = mix_store_new (NULL);

  mix_store_load (store);
  /* Problems with the files are not hidden from a command-line user. */
  if (mix_store_get_problems (store)->len > 0)
    print_problems (store, cmdline);

  if (!mix_csv_command_requested (cmdline))
    {
      g_application_command_line_printerr (cmdline, "%s\n",
                                           _("Use --import-csv or --export-csv with --tab."));
      return 2;
    }

  return run (store, cmdline, MIX_CSV_COMMAND (app)->data, MIX_CSV_COMMAND (app)->name);
}

/**
 * mix_csv_command_application_new:
 *
 * Returns: (transfer full): an application that runs the CSV command, in a
 *   running Mix It Up if there is one
 */
GApplication *
mix_csv_command_application_new (const char *application_id)
{
  GApplication *app = g_object_new (MIX_TYPE_CSV_COMMAND,
                                    "application-id", application_id,
                                    "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                                    NULL);

  g_application_add_main_option_entries (app, options);
  g_signal_connect (app, "handle-local-options", G_CALLBACK (on_handle_local_options_cb), NULL);
  g_signal_connect (app, "command-line", G_CALLBACK (on_command_line_cb), NULL);
  return app;
}
