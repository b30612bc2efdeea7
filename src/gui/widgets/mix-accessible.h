/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void mix_accessible_name_lists (GtkWidget *root);

G_END_DECLS
