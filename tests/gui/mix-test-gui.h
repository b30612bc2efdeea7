/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mix-application.h"

G_BEGIN_DECLS

MixApplication *mix_test_gui_init   (int        *argc,
                                     char     ***argv);
void            mix_test_spin       (void);
GtkWidget      *mix_test_find_widget (GtkWidget *widget,
                                      GType      type);

GtkWidget      *mix_test_find_button (GtkWidget  *widget,
                                      const char *label);

G_END_DECLS
