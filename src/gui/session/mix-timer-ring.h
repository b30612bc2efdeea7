/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MIX_TYPE_TIMER_RING (mix_timer_ring_get_type ())

G_DECLARE_FINAL_TYPE (MixTimerRing, mix_timer_ring, MIX, TIMER_RING, GtkWidget)

void   mix_timer_ring_set_fraction (MixTimerRing *self,
                                    double        fraction);
double mix_timer_ring_get_fraction (MixTimerRing *self);
void   mix_timer_ring_set_child    (MixTimerRing *self,
                                    GtkWidget    *child);

G_END_DECLS
