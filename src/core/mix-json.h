/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Files larger than this are refused before they are read: a tracker of
 * 100,000 rows is far smaller. */
#define MIX_JSON_MAX_BYTES (64 * 1024 * 1024)
/* Deeper nesting is refused: nothing the app writes goes past a handful
 * of levels, and the trees built from the text are walked recursively. */
#define MIX_JSON_MAX_DEPTH 64

/* See mix-json-reader.h. */
typedef struct _MixJsonReader MixJsonReader;

/* Reads the value of one member of a document's root object itself;
 * returns FALSE, having stopped @reader, to refuse the document. */
typedef gboolean (*MixJsonMemberFunc) (MixJsonReader *reader,
                                       gpointer       user_data);

JsonNode   *mix_json_parse_object_streaming (const char        *data,
                                             gsize              length,
                                             const char        *member,
                                             MixJsonMemberFunc  read_member,
                                             gpointer           user_data,
                                             GError           **error);
JsonNode   *mix_json_parse_object     (const char   *data,
                                       gsize         length,
                                       GError      **error);
char       *mix_json_to_data          (JsonNode     *root,
                                       gsize        *length);

void        mix_json_append_string    (GString      *out,
                                       const char   *text);
void        mix_json_append_node      (GString      *out,
                                       JsonNode     *node);
void        mix_json_append_document_start (GString    *out,
                                            const char *format,
                                            int         version,
                                            JsonObject *kept,
                                            const char *written_member);

JsonNode   *mix_json_node_with_new_id (JsonNode     *node);
gboolean    mix_json_node_holds_string (JsonNode    *node);
void        mix_json_keep_member      (JsonObject  **kept,
                                       const char   *member,
                                       JsonNode     *value);
void        mix_json_object_add_kept  (JsonObject   *object,
                                       JsonObject   *kept);

const char *mix_json_object_get_string_member_or_null (JsonObject *object,
                                                       const char *member,
                                                       gboolean   *wrong_type);

G_END_DECLS
