/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void mix_show_toast (GtkWidget *widget,
                     AdwToast  *toast);

G_END_DECLS
