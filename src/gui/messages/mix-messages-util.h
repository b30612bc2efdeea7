/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mix-outreach.h"

G_BEGIN_DECLS

/* Small helpers the sections of the Messages page share. */

const char *mix_draft_get_display_recipient (MixDraft    *draft);
gboolean    mix_text_contains_folded        (const char  *text,
                                             const char  *needle);
char       *mix_text_view_dup_text          (GtkTextView *view);
void        mix_text_view_show_text         (GtkTextView *view,
                                             const char  *text);
char       *mix_outreach_dup_score_text     (MixOutreach *outreach);

G_END_DECLS
