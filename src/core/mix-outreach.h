/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "mix-checklist.h"
#include "mix-store.h"

G_BEGIN_DECLS

gboolean    mix_text_is_blank       (const char *text);

/* What a tracker row says of a person, read through the tab's schema:
 * %NULL where the row's tab has no such column. */
const char *mix_contact_get_name    (MixRecord *record);
const char *mix_contact_get_company (MixRecord *record);
const char *mix_contact_get_role    (MixRecord *record);
char       *mix_contact_dup_notes   (MixRecord *record);

typedef enum
{
  MIX_OUTREACH_UNSENT,            /* marked as not sent */
  MIX_OUTREACH_SENT,              /* marked as sent */
  MIX_OUTREACH_SENT_MESSAGED,     /* marked as sent, and the new contact is now Messaged */
} MixOutreachSent;

/* A change for the window's history (see mix_history_push()). */
typedef struct _MixOutreachChange MixOutreachChange;

gboolean mix_outreach_change_undo (gpointer change);
gboolean mix_outreach_change_redo (gpointer change);
void     mix_outreach_change_free (gpointer change);

#define MIX_TYPE_OUTREACH (mix_outreach_get_type ())

G_DECLARE_FINAL_TYPE (MixOutreach, mix_outreach, MIX, OUTREACH, GObject)

MixOutreach *mix_outreach_new                 (MixStore     *store);

MixStore    *mix_outreach_get_store           (MixOutreach  *self);
MixDraft    *mix_outreach_get_draft           (MixOutreach  *self);
void         mix_outreach_set_draft           (MixOutreach  *self,
                                               MixDraft     *draft);
MixRecord   *mix_outreach_get_contact         (MixOutreach  *self);
gboolean     mix_outreach_get_free_account    (MixOutreach  *self);
void         mix_outreach_set_free_account    (MixOutreach  *self,
                                               gboolean      free_account);
gboolean     mix_outreach_get_read_only       (MixOutreach  *self);
gboolean     mix_outreach_get_tracker_read_only (MixOutreach *self);

const MixChecklistResult *mix_outreach_get_result (MixOutreach *self);
gboolean     mix_outreach_get_recipient       (MixOutreach  *self,
                                               MixRecipient *recipient);
guint        mix_outreach_get_score           (MixOutreach  *self,
                                               guint        *total);

void         mix_outreach_set_recipient       (MixOutreach  *self,
                                               const char   *recipient);
void         mix_outreach_set_channel         (MixOutreach  *self,
                                               MixChannel    channel);
void         mix_outreach_set_subject         (MixOutreach  *self,
                                               const char   *subject);
void         mix_outreach_set_body            (MixOutreach  *self,
                                               const char   *body);
void         mix_outreach_set_check           (MixOutreach  *self,
                                               MixCheck      check,
                                               gboolean      checked);

gboolean     mix_outreach_link_contact        (MixOutreach  *self,
                                               const char   *contact_id);
void         mix_outreach_unlink_contact      (MixOutreach  *self);
void         mix_outreach_update_recipient_name (MixOutreach *self);
char        *mix_outreach_fill_template       (MixOutreach  *self,
                                               guint         index);

MixPrep     *mix_outreach_find_prep           (MixOutreach  *self);
MixPrep     *mix_outreach_ensure_prep         (MixOutreach  *self);

MixOutreachChange *mix_outreach_toggle_sent   (MixOutreach     *self,
                                               MixOutreachSent *outcome);
MixOutreachChange *mix_outreach_log_conversation (MixOutreach *self,
                                                  const char  *format,
                                                  const char  *notes,
                                                  gboolean    *added);

G_END_DECLS
