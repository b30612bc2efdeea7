/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "mix-merge.h"
#include "mix-record.h"
#include "mix-schema.h"

G_BEGIN_DECLS

#define MIX_TYPE_TRACKER (mix_tracker_get_type ())

G_DECLARE_FINAL_TYPE (MixTracker, mix_tracker, MIX, TRACKER, GObject)

MixTracker *mix_tracker_new            (void);

GListModel *mix_tracker_get_rows       (MixTracker  *self,
                                        MixTab       tab);
guint       mix_tracker_get_n_rows     (MixTracker  *self,
                                        MixTab       tab);
MixRecord  *mix_tracker_find           (MixTracker  *self,
                                        const char  *id);

MixRecord  *mix_tracker_add_row        (MixTracker  *self,
                                        MixTab       tab);
void        mix_tracker_insert_row     (MixTracker  *self,
                                        MixRecord   *record,
                                        guint        position);
void        mix_tracker_append_rows    (MixTracker  *self,
                                        MixTab       tab,
                                        GPtrArray   *records);
gboolean    mix_tracker_remove_row     (MixTracker  *self,
                                        MixRecord   *record,
                                        guint       *position);

typedef struct _MixTrackerRows MixTrackerRows;

gboolean    mix_tracker_rows_read      (MixJsonReader   *reader,
                                        MixTrackerRows **rows_out);
void        mix_tracker_load_rows      (MixTracker      *self,
                                        MixTrackerRows  *rows,
                                        guint           *n_skipped);
void        mix_tracker_rows_free      (MixTrackerRows  *rows);
JsonNode   *mix_tracker_read_document  (const char      *data,
                                        gsize            length,
                                        MixTrackerRows **rows_out,
                                        GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MixTrackerRows, mix_tracker_rows_free)

gboolean    mix_tracker_load_json      (MixTracker  *self,
                                        JsonObject  *root,
                                        guint       *n_skipped,
                                        GError     **error);
void        mix_tracker_append_json    (MixTracker  *self,
                                        GString     *out);

MixTombstones *mix_tracker_get_tombstones (MixTracker *self);
void        mix_tracker_merge_rows     (MixTracker      *self,
                                        MixTrackerRows  *theirs,
                                        MixMerge        *merge);

typedef struct _MixTrackerSaved MixTrackerSaved;

MixTrackerSaved *mix_tracker_saved_new  (MixTracker      *self);
void        mix_tracker_saved_mark     (MixTrackerSaved *saved);
void        mix_tracker_saved_free     (MixTrackerSaved *saved);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MixTrackerSaved, mix_tracker_saved_free)

G_END_DECLS
