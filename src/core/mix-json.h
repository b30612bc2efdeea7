/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Files larger than this are refused before they are read: a tracker of
 * 100,000 rows is far smaller. */
#define MIX_JSON_MAX_BYTES (64 * 1024 * 1024)
/* json-glib 1.6 recurses once per nesting level and crashes on very deep
 * input, so the depth is checked before the parser sees the text. */
#define MIX_JSON_MAX_DEPTH 64

#define MIX_JSON_ERROR (mix_json_error_quark ())

typedef enum
{
  MIX_JSON_ERROR_EMPTY,
  MIX_JSON_ERROR_TOO_LARGE,
  MIX_JSON_ERROR_TOO_DEEP,
  MIX_JSON_ERROR_INVALID_UTF8,
  MIX_JSON_ERROR_SYNTAX,
  MIX_JSON_ERROR_NOT_OBJECT,
  MIX_JSON_ERROR_DUPLICATE_MEMBER,
} MixJsonError;

GQuark      mix_json_error_quark      (void);

guint       mix_json_scan_depth       (const char   *data,
                                       gsize         length);
JsonNode   *mix_json_parse_object     (const char   *data,
                                       gsize         length,
                                       GError      **error);
char       *mix_json_to_data          (JsonNode     *root,
                                       gsize        *length);

void        mix_json_append_string    (GString      *out,
                                       const char   *text);
void        mix_json_append_node      (GString      *out,
                                       JsonNode     *node);

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
