/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mix-application.h"

G_BEGIN_DECLS

MixApplication *mix_test_gui_init   (int        *argc,
                                     char     ***argv);
void            mix_test_spin       (void);

typedef gboolean (*MixTestWidgetTest) (GtkWidget *widget,
                                       gpointer   data);
GtkWidget      *mix_test_find_widget_where (GtkWidget         *widget,
                                            MixTestWidgetTest  matches,
                                            gpointer           data);
GtkWidget      *mix_test_find_widget (GtkWidget *widget,
                                      GType      type);

GtkWidget      *mix_test_find_button (GtkWidget  *widget,
                                      const char *label);
gboolean        mix_test_has_label   (GtkWidget  *widget,
                                      const char *text);
GtkWidget      *mix_test_get_toast_button (GtkWidget  *widget,
                                           const char *title,
                                           const char *label);
GtkWidget      *mix_test_find_toast_button (GtkWidget  *widget,
                                            const char *title,
                                            const char *label);

G_END_DECLS
