/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "mix-json.h"

G_BEGIN_DECLS

/* What the reader, and the checks made before it runs, refuse. */
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

typedef enum
{
  MIX_JSON_TOKEN_NONE,     /* not a value here, or the reader has failed */
  MIX_JSON_TOKEN_OBJECT,
  MIX_JSON_TOKEN_ARRAY,
  MIX_JSON_TOKEN_STRING,
  MIX_JSON_TOKEN_NUMBER,
  MIX_JSON_TOKEN_BOOLEAN,
  MIX_JSON_TOKEN_NULL,
} MixJsonToken;

/* A reader of JSON text that walks it value by value, so that a large
 * document can be turned into the app's own objects without first being
 * built as a tree of JsonNodes; any part can still be read as a node.
 * It reads RFC 8259 JSON and nothing else. The first problem it meets
 * stops it: every call after that does nothing. */
struct _MixJsonReader
{
  /*< private >*/
  const char *data;
  gsize       length;
  gsize       pos;
  guint       depth;
  gboolean    first[MIX_JSON_MAX_DEPTH + 1];
  GString    *name;
  GString    *text;
  GError     *error;
};

/* Where a value starts, to read it again. */
typedef struct
{
  gsize pos;
  guint depth;
} MixJsonMark;

void         mix_json_reader_init          (MixJsonReader  *reader,
                                            const char     *data,
                                            gsize           length);
void         mix_json_reader_clear         (MixJsonReader  *reader);

gboolean     mix_json_reader_failed        (MixJsonReader  *reader);
void         mix_json_reader_propagate_error (MixJsonReader *reader,
                                              GError       **error);
void         mix_json_reader_fail          (MixJsonReader  *reader,
                                            GError         *error);
void         mix_json_reader_fail_duplicate (MixJsonReader *reader);

MixJsonToken mix_json_reader_peek          (MixJsonReader  *reader);
void         mix_json_reader_mark          (MixJsonReader  *reader,
                                            MixJsonMark    *mark);
void         mix_json_reader_rewind        (MixJsonReader  *reader,
                                            const MixJsonMark *mark);

gboolean     mix_json_reader_enter_object  (MixJsonReader  *reader);
gboolean     mix_json_reader_next_member   (MixJsonReader  *reader,
                                            const char    **name);
gboolean     mix_json_reader_enter_array   (MixJsonReader  *reader);
gboolean     mix_json_reader_next_element  (MixJsonReader  *reader);

const char  *mix_json_reader_read_string   (MixJsonReader  *reader);
gboolean     mix_json_reader_read_boolean  (MixJsonReader  *reader,
                                            gboolean       *value);
gboolean     mix_json_reader_read_null     (MixJsonReader  *reader);
JsonNode    *mix_json_reader_read_node     (MixJsonReader  *reader);
gboolean     mix_json_reader_keep_member   (MixJsonReader  *reader,
                                            JsonObject    **kept,
                                            const char     *name);
gboolean     mix_json_reader_finish        (MixJsonReader  *reader);

G_END_DECLS
