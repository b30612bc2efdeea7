/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MIX_TYPE_SPLIT_BOX (mix_split_box_get_type ())

G_DECLARE_FINAL_TYPE (MixSplitBox, mix_split_box, MIX, SPLIT_BOX, GtkWidget)

gboolean mix_split_box_get_side_by_side (MixSplitBox *self);

G_END_DECLS
