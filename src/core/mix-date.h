/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  mix_date_parse       (const char  *text,
                                GDate       *date);
char     *mix_date_to_iso      (const GDate *date);
char     *mix_date_normalize   (const char  *text);
char     *mix_date_today_iso   (void);
char     *mix_timestamp_now    (void);
char     *mix_timestamp_after  (const char  *previous);
gboolean  mix_timestamp_is_valid (const char *text);
gboolean  mix_timestamp_to_usec (const char *text,
                                 gint64     *usec);
int       mix_timestamp_compare (const char *a,
                                 const char *b);

G_END_DECLS
