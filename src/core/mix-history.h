/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * MixHistoryFunc:
 * @data: the change's data
 *
 * Undoes or redoes one change.
 *
 * Returns: %FALSE if the change can no longer be made (what it changed is
 *   gone): it is dropped from the history
 */
typedef gboolean (*MixHistoryFunc) (gpointer data);

#define MIX_TYPE_HISTORY (mix_history_get_type ())

G_DECLARE_FINAL_TYPE (MixHistory, mix_history, MIX, HISTORY, GObject)

MixHistory *mix_history_new            (void);
void        mix_history_push           (MixHistory     *self,
                                        const char     *label,
                                        MixHistoryFunc  undo,
                                        MixHistoryFunc  redo,
                                        gpointer        data,
                                        GDestroyNotify  free_data);
gboolean    mix_history_undo           (MixHistory     *self);
gboolean    mix_history_redo           (MixHistory     *self);
gboolean    mix_history_can_undo       (MixHistory     *self);
gboolean    mix_history_can_redo       (MixHistory     *self);
const char *mix_history_get_undo_label (MixHistory     *self);
const char *mix_history_get_redo_label (MixHistory     *self);
guint       mix_history_get_serial     (MixHistory     *self);
gboolean    mix_history_is_busy        (MixHistory     *self);
gpointer    mix_history_peek_last      (MixHistory     *self,
                                        MixHistoryFunc  undo);

G_END_DECLS
