/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "mix-checklist.h"

G_BEGIN_DECLS

typedef enum
{
  MIX_DRAFT_STATUS_DRAFT,
  MIX_DRAFT_STATUS_SENT,
} MixDraftStatus;

const char *mix_channel_to_id          (MixChannel      channel);
gboolean    mix_channel_from_id        (const char     *id,
                                        MixChannel     *channel);
const char *mix_draft_status_to_id     (MixDraftStatus  status);
gboolean    mix_draft_status_from_id   (const char     *id,
                                        MixDraftStatus *status);

#define MIX_TYPE_DRAFT (mix_draft_get_type ())

G_DECLARE_FINAL_TYPE (MixDraft, mix_draft, MIX, DRAFT, GObject)

MixDraft       *mix_draft_new             (void);
MixDraft       *mix_draft_new_from_json   (JsonNode        *node,
                                           GError         **error);
JsonNode       *mix_draft_to_json         (MixDraft        *self);
void            mix_draft_bump            (MixDraft        *self);
void            mix_draft_take            (MixDraft        *self,
                                           MixDraft        *other);

const char     *mix_draft_get_id          (MixDraft        *self);
const char     *mix_draft_get_created     (MixDraft        *self);
const char     *mix_draft_get_modified    (MixDraft        *self);

const char     *mix_draft_get_contact_id  (MixDraft        *self);
void            mix_draft_set_contact_id  (MixDraft        *self,
                                           const char      *contact_id);
const char     *mix_draft_get_recipient   (MixDraft        *self);
void            mix_draft_set_recipient   (MixDraft        *self,
                                           const char      *recipient);
MixChannel      mix_draft_get_channel     (MixDraft        *self);
void            mix_draft_set_channel     (MixDraft        *self,
                                           MixChannel       channel);
const char     *mix_draft_get_subject     (MixDraft        *self);
void            mix_draft_set_subject     (MixDraft        *self,
                                           const char      *subject);
const char     *mix_draft_get_body        (MixDraft        *self);
void            mix_draft_set_body        (MixDraft        *self,
                                           const char      *body);

MixDraftStatus  mix_draft_get_status      (MixDraft        *self);
void            mix_draft_set_status      (MixDraft        *self,
                                           MixDraftStatus   status);
const char     *mix_draft_get_sent_on     (MixDraft        *self);
gboolean        mix_draft_set_sent_on     (MixDraft        *self,
                                           const char      *date,
                                           GError         **error);
gboolean        mix_draft_mark_sent       (MixDraft        *self,
                                           const char      *date,
                                           GError         **error);

gboolean        mix_draft_has_check       (MixDraft        *self,
                                           MixCheck         check);
gboolean        mix_draft_get_check       (MixDraft        *self,
                                           MixCheck         check);
void            mix_draft_set_check       (MixDraft        *self,
                                           MixCheck         check,
                                           gboolean         checked);
void            mix_draft_clear_check     (MixDraft        *self,
                                           MixCheck         check);
void            mix_draft_get_manual_answers (MixDraft     *self,
                                              gboolean      answers[MIX_N_CHECKS]);

G_END_DECLS
