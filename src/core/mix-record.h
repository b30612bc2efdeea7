/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "mix-json.h"
#include "mix-schema.h"

G_BEGIN_DECLS

#define MIX_TYPE_RECORD (mix_record_get_type ())

G_DECLARE_FINAL_TYPE (MixRecord, mix_record, MIX, RECORD, GObject)

typedef void (*MixRecordOwnerFunc) (MixRecord *record,
                                    gpointer   data);

MixRecord  *mix_record_new            (MixTab       tab);
MixRecord  *mix_record_new_from_json  (MixTab       tab,
                                       JsonNode    *node,
                                       GError     **error);
MixRecord  *mix_record_read           (MixTab         tab,
                                       MixJsonReader *reader,
                                       gboolean      *unfit);
JsonNode   *mix_record_to_json        (MixRecord   *self);
void        mix_record_append_json    (MixRecord   *self,
                                       GString     *out);

void        mix_record_bump           (MixRecord   *self);
guint       mix_record_get_serial     (MixRecord   *self);
void        mix_record_set_on_disk    (MixRecord   *self,
                                       guint        serial);
gboolean    mix_record_is_on_disk     (MixRecord   *self);
void        mix_record_take           (MixRecord   *self,
                                       MixRecord   *other);
gboolean    mix_record_same_content   (MixRecord   *a,
                                       MixRecord   *b);

void        mix_record_set_owner      (MixRecord          *self,
                                       MixRecordOwnerFunc  func,
                                       gpointer            data);
gpointer    mix_record_get_owner_data (MixRecord   *self);

MixTab      mix_record_get_tab        (MixRecord   *self);
const char *mix_record_get_id         (MixRecord   *self);
void        mix_record_reset_id       (MixRecord   *self);
const char *mix_record_get_created    (MixRecord   *self);
const char *mix_record_get_modified   (MixRecord   *self);

const char *mix_record_get_value      (MixRecord   *self,
                                       guint        column);
const char *mix_record_get_value_by_id (MixRecord  *self,
                                        const char *column_id);
gboolean    mix_record_get_boolean    (MixRecord   *self,
                                       guint        column);
gboolean    mix_record_set_value      (MixRecord   *self,
                                       guint        column,
                                       const char  *text,
                                       GError     **error);
gboolean    mix_record_set_value_as_typed (MixRecord   *self,
                                           guint        column,
                                           const char  *text,
                                           GError     **problem);
gboolean    mix_record_set_value_by_id (MixRecord  *self,
                                        const char *column_id,
                                        const char *text,
                                        GError    **error);

int         mix_record_compare_text   (MixRecord   *a,
                                       MixRecord   *b,
                                       guint        column);
int         mix_record_compare        (MixRecord   *a,
                                       MixRecord   *b,
                                       guint        column);
const char *mix_record_get_extra      (MixRecord   *self,
                                       const char  *name);
void        mix_record_set_extra      (MixRecord   *self,
                                       const char  *name,
                                       const char  *value);
const char *mix_record_get_mark       (MixRecord   *self,
                                       const char  *key);
void        mix_record_set_mark       (MixRecord   *self,
                                       const char  *key,
                                       const char  *value);
GList      *mix_record_list_extra     (MixRecord   *self);
/**
 * MixRecordPrefetch:
 * @MIX_RECORD_PREFETCH_RECORD: the record itself
 * @MIX_RECORD_PREFETCH_VALUES: its list of values
 * @MIX_RECORD_PREFETCH_TEXT: the values' text
 */
typedef enum
{
  MIX_RECORD_PREFETCH_RECORD,
  MIX_RECORD_PREFETCH_VALUES,
  MIX_RECORD_PREFETCH_TEXT,
} MixRecordPrefetch;

void        mix_record_prefetch       (MixRecord         *self,
                                       MixRecordPrefetch  what);

char       *mix_record_get_display_value (MixRecord *self,
                                          guint      column);
gboolean    mix_record_matches        (MixRecord   *self,
                                       const char  *folded_needle);

G_END_DECLS
