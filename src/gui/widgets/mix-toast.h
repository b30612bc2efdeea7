/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mix-history.h"

G_BEGIN_DECLS

void mix_show_toast      (GtkWidget  *widget,
                          AdwToast   *toast);
void mix_show_undo_toast (GtkWidget  *widget,
                          MixHistory *history,
                          const char *title);

G_END_DECLS
