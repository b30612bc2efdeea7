/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "mix-draft.h"
#include "mix-merge.h"
#include "mix-prep.h"

G_BEGIN_DECLS

#define MIX_TYPE_DRAFTS (mix_drafts_get_type ())

G_DECLARE_FINAL_TYPE (MixDrafts, mix_drafts, MIX, DRAFTS, GObject)

MixDrafts *mix_drafts_new       (void);

gboolean   mix_drafts_load_json (MixDrafts   *self,
                                 JsonObject  *root,
                                 guint       *n_skipped,
                                 GError     **error);
void       mix_drafts_save_json (MixDrafts   *self,
                                 JsonObject  *root);

void       mix_drafts_add       (MixDrafts   *self,
                                 MixDraft    *draft);
void       mix_drafts_insert    (MixDrafts   *self,
                                 MixDraft    *draft,
                                 guint        position);
gboolean   mix_drafts_remove    (MixDrafts   *self,
                                 MixDraft    *draft,
                                 guint       *position);
MixDraft  *mix_drafts_find      (MixDrafts   *self,
                                 const char  *id);


MixPrep   *mix_drafts_find_prep   (MixDrafts   *self,
                                   const char  *contact_id);
MixPrep   *mix_drafts_ensure_prep (MixDrafts   *self,
                                   const char  *contact_id);

MixTombstones *mix_drafts_get_tombstones (MixDrafts  *self);
GHashTable *mix_drafts_collect_saved (MixDrafts   *self);
void       mix_drafts_set_on_disk   (MixDrafts   *self,
                                     GHashTable  *saved);
void       mix_drafts_merge_json    (MixDrafts   *self,
                                     JsonObject  *theirs,
                                     MixMerge    *merge);

G_END_DECLS
