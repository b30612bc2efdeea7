/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * MixTombstones:
 *
 * What was deleted: for each id, the "modified" time stamp of the version
 * that was deleted, and when. Written to the file beside the items (as
 * `"deleted":[{"id":…,"modified":…,"deleted":…},…]`), so that a copy of
 * the file on another computer that still has the item learns of the
 * deletion, while an edit made there after that version still wins.
 */
typedef struct _MixTombstones MixTombstones;

MixTombstones *mix_tombstones_new        (void);
void           mix_tombstones_free       (MixTombstones       *self);
guint          mix_tombstones_get_size   (MixTombstones       *self);
void           mix_tombstones_add        (MixTombstones       *self,
                                          const char          *id,
                                          const char          *modified,
                                          const char          *deleted);
const char    *mix_tombstones_lookup     (MixTombstones       *self,
                                          const char          *id);
void           mix_tombstones_remove     (MixTombstones       *self,
                                          const char          *id);
void           mix_tombstones_clear      (MixTombstones       *self);
void           mix_tombstones_merge      (MixTombstones       *self,
                                          MixTombstones       *other);
void           mix_tombstones_forget_older (MixTombstones     *self,
                                            const char        *before);
gboolean       mix_tombstones_load_json  (MixTombstones       *self,
                                          JsonNode            *node);
JsonNode      *mix_tombstones_to_json    (MixTombstones       *self);
void           mix_tombstones_append_json (MixTombstones      *self,
                                           GString            *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MixTombstones, mix_tombstones_free)

/* The member of a document that holds its tombstones. */
#define MIX_MERGE_DELETED_MEMBER "deleted"
/* The member that names the save that wrote a file (see MixStore). */
#define MIX_MERGE_REVISION_MEMBER "revision"

/**
 * MixMergeVerdict:
 * @MIX_MERGE_KEEP: ours stays as it is
 * @MIX_MERGE_TAKE: theirs replaces ours, or is added where we have none
 * @MIX_MERGE_DROP: ours goes: it was deleted there
 * @MIX_MERGE_NONE: neither: theirs was deleted here
 *
 * What becomes of one item when two copies of a file are merged.
 */
typedef enum
{
  MIX_MERGE_KEEP,
  MIX_MERGE_TAKE,
  MIX_MERGE_DROP,
  MIX_MERGE_NONE,
} MixMergeVerdict;

/**
 * MixMerge:
 * @ours: our tombstones; deletions learnt in the merge are added
 * @theirs: the other copy's tombstones
 * @infer_deletions: whether the other copy was made from the file as we
 *   last saw it (edited by hand or by another program), so that an item we
 *   had there unchanged and that it lacks was deleted there
 * @n_taken: how many items came from the other copy (added, changed or
 *   deleted)
 * @n_kept: how many of ours the other copy lacks or has older, so that the
 *   file must be written again
 *
 * One merge of another copy of a file into ours, item by item: items are
 * matched by id; of two versions the later "modified" wins; an item added
 * on either side is kept; an item deleted on one side is deleted on the
 * other unless it was edited there after the version deleted.
 */
typedef struct
{
  MixTombstones *ours;
  MixTombstones *theirs;
  gboolean       infer_deletions;
  guint          n_taken;
  guint          n_kept;
} MixMerge;

MixMergeVerdict mix_merge_decide (MixMerge   *merge,
                                  const char *id,
                                  const char *our_modified,
                                  const char *our_on_disk,
                                  const char *their_modified);
void            mix_merge_finish (MixMerge   *merge);

int             mix_merge_tie_break (const char *ours,
                                     const char *theirs);

G_END_DECLS
