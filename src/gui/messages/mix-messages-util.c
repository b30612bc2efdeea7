/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mix-messages-util.h"

/* The draft's recipient, or a placeholder when there is none yet. */
const char *
mix_draft_get_display_recipient (MixDraft *draft)
{
  const char *recipient = mix_draft_get_recipient (draft);

  return mix_text_is_blank (recipient) ? _("No Recipient") : recipient;
}

/* Whether @text, casefolded, contains @needle (casefolded already). */
gboolean
mix_text_contains_folded (const char *text,
                          const char *needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = mix_text_fold (text, -1);
  return strstr (folded, needle) != NULL;
}

char *
mix_text_view_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Shows @text as read. Setting the text is not a change the text view's
 * Undo takes back. */
void
mix_text_view_show_text (GtkTextView *view,
                         const char  *text)
{
  g_autofree char *shown = mix_text_view_dup_text (view);

  /* Showing again what is there would move the cursor to the end. */
  if (!g_str_equal (shown, text))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

/* The personalization score, e.g. "7 of 11". */
char *
mix_outreach_dup_score_text (MixOutreach *outreach)
{
  guint total;
  guint score = mix_outreach_get_score (outreach, &total);

  /* Translators: the personalization score, e.g. "7 of 11" */
  return g_strdup_printf (_("%u of %u"), score, total);
}
