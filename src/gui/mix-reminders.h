/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mix-store.h"

G_BEGIN_DECLS

#define MIX_TYPE_REMINDERS (mix_reminders_get_type ())

G_DECLARE_FINAL_TYPE (MixReminders, mix_reminders, MIX, REMINDERS, GObject)

MixReminders *mix_reminders_new            (GApplication  *application,
                                            MixStore      *store,
                                            GSettings     *settings);
void          mix_reminders_start          (MixReminders  *self);
gboolean      mix_reminders_check          (MixReminders  *self,
                                            const GDate   *today);
const char   *mix_reminders_get_last_title (MixReminders  *self);

char         *mix_reminders_autostart_path (void);
void          mix_reminders_set_autostart_async  (MixReminders        *self,
                                                  GtkWindow           *parent,
                                                  gboolean             enable,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean      mix_reminders_set_autostart_finish (MixReminders  *self,
                                                  GAsyncResult  *result,
                                                  GError       **error);

G_END_DECLS
