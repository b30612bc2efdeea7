/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mix-csv-command.h"
#include "mix-csv-import.h"

/*
 * `mix-it-up --import-csv=FILE --tab=TAB` and `--export-csv=FILE --tab=TAB`.
 *
 * The command is a GApplication with the app's own ID: when the app is
 * already running, the command line is handed to that instance, which does
 * the work in its own store; otherwise this process does it alone, with no
 * display needed. Either way only one process ever writes the files.
 */

static const GOptionEntry options[] = {
  { "import-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Add the rows of a CSV file to a tracker tab, then exit"), N_("FILE") },
  { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a tracker tab to a CSV file, then exit"), N_("FILE") },
  { "tab", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The tab to import into or export: existing-network, networking-log or new-contacts"),
    N_("TAB") },
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
      if (g_str_has_prefix (argv[i], "--import-csv") || g_str_has_prefix (argv[i], "--export-csv"))
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
         g_variant_dict_contains (dict, "tab");
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

/**
 * mix_csv_command_run:
 *
 * Runs the import or export that @cmdline asks for, printing what was done
 * or what went wrong. A failed import adds nothing.
 *
 * Returns: the exit status: 0 on success, 1 on failure, 2 for a wrong
 *   command line
 */
int
mix_csv_command_run (MixStore                *store,
                     GApplicationCommandLine *cmdline)
{
  GVariantDict *dict = g_application_command_line_get_options_dict (cmdline);
  MixTracker *tracker = mix_store_get_tracker (store);
  g_autofree char *import_arg = NULL;
  g_autofree char *export_arg = NULL;
  g_autofree char *tab_arg = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *tab_title;
  guint n = 0;
  MixTab tab;

  g_variant_dict_lookup (dict, "import-csv", "^ay", &import_arg);
  g_variant_dict_lookup (dict, "export-csv", "^ay", &export_arg);
  g_variant_dict_lookup (dict, "tab", "s", &tab_arg);

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
  tab_title = _(mix_tab_get_info (tab)->title);

  file = g_application_command_line_create_file_for_arg (cmdline,
                                                         import_arg ? import_arg : export_arg);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_application_command_line_printerr (cmdline, "%s\n", _("The file must be on this computer."));
      return 1;
    }

  if (export_arg != NULL)
    {
      if (!mix_tracker_export_csv_file (tracker, tab, path, &n, &error))
        {
          g_application_command_line_printerr (cmdline, "%s\n", error->message);
          return 1;
        }
      /* Translators: the first %s is a tab, such as New Contacts, the second a file. */
      g_application_command_line_print (cmdline,
                                        g_dngettext (GETTEXT_PACKAGE,
                                                     "Exported %u row from %s to %s\n",
                                                     "Exported %u rows from %s to %s\n", n),
                                        n, tab_title, path);
      return 0;
    }

  if (mix_store_is_read_only (store, MIX_DOMAIN_TRACKER))
    {
      print_problems (store, cmdline);
      g_application_command_line_printerr (cmdline, "%s\n",
                                           _("The tracker is read-only, so nothing was imported."));
      return 1;
    }

  {
    g_autoptr(GPtrArray) problems = NULL;

    if (!mix_tracker_import_csv_file (tracker, tab, path, &n, &problems, &error))
      {
        g_application_command_line_printerr (cmdline, "%s\n", error->message);
        return 1;
      }

    if (!mix_store_flush (store, &error))
      {
        g_application_command_line_printerr (cmdline, _("The rows could not be saved: %s\n"),
                                             error->message);
        return 1;
      }

    for (guint i = 0; problems != NULL && i < problems->len; i++)
      g_application_command_line_printerr (cmdline, "%s\n", (const char *) problems->pdata[i]);
  }

  /* Translators: %s is a tab, such as New Contacts. */
  g_application_command_line_print (cmdline,
                                    g_dngettext (GETTEXT_PACKAGE,
                                                 "Imported %u row into %s\n",
                                                 "Imported %u rows into %s\n", n),
                                    n, tab_title);
  return 0;
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

  return mix_csv_command_run (store, cmdline);
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
  GApplication *app = g_application_new (application_id, G_APPLICATION_HANDLES_COMMAND_LINE);

  g_application_add_main_option_entries (app, options);
  g_signal_connect (app, "command-line", G_CALLBACK (on_command_line_cb), NULL);
  return app;
}
