/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mix-store.h"

G_BEGIN_DECLS

const GOptionEntry *mix_csv_command_get_options (void);
gboolean            mix_csv_command_in_args     (int                      argc,
                                                 char                   **argv);
gboolean            mix_csv_command_requested   (GApplicationCommandLine *cmdline);
gboolean            mix_csv_command_parse_delimiter (const char          *text,
                                                     char                *delimiter);
int                 mix_csv_command_run         (MixStore                *store,
                                                 GApplicationCommandLine *cmdline);
GApplication       *mix_csv_command_application_new (const char          *application_id);

G_END_DECLS
