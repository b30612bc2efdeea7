/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "mix-application.h"
#include "mix-csv-command.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GApplication) app = NULL;

  const char *localedir = g_getenv ("MIX_IT_UP_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* Run from the build tree, the translations are in <builddir>/po. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* CSV import and export need no display: they run without GTK, or in
   * the running app if there is one. */
  if (mix_csv_command_in_args (argc, argv))
    app = mix_csv_command_application_new (APP_ID);
  else
    app = G_APPLICATION (mix_application_new ());

  return g_application_run (app, argc, argv);
}
