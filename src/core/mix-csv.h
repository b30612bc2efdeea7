/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MIX_CSV_ERROR (mix_csv_error_quark ())

/**
 * MixCsvError:
 * @MIX_CSV_ERROR_INVALID_UTF8: a line is not valid UTF-8
 * @MIX_CSV_ERROR_UNTERMINATED_QUOTE: a quoted field is never closed
 * @MIX_CSV_ERROR_NUL_BYTE: the data contains a NUL byte
 * @MIX_CSV_ERROR_TOO_LARGE: the data is larger than the caller's limit
 * @MIX_CSV_ERROR_TOO_MANY_FIELDS: a row has more fields than the caller's limit
 * @MIX_CSV_ERROR_EMPTY: there is nothing but a BOM and whitespace
 *
 * Errors from mix_csv_parse(). Every message names the line where it can.
 */
typedef enum {
  MIX_CSV_ERROR_INVALID_UTF8,
  MIX_CSV_ERROR_UNTERMINATED_QUOTE,
  MIX_CSV_ERROR_NUL_BYTE,
  MIX_CSV_ERROR_TOO_LARGE,
  MIX_CSV_ERROR_TOO_MANY_FIELDS,
  MIX_CSV_ERROR_EMPTY,
} MixCsvError;

GQuark     mix_csv_error_quark  (void);

GPtrArray *mix_csv_parse        (const char         *data,
                                 gsize               length,
                                 guint               max_fields,
                                 gsize               max_bytes,
                                 GError            **error);

void       mix_csv_append_field (GString            *out,
                                 const char         *value,
                                 gboolean            guard_formula);
void       mix_csv_append_row   (GString            *out,
                                 const char * const *values,
                                 gsize               n_values,
                                 gboolean            guard_formula);
char      *mix_csv_unguard      (const char         *value);

G_END_DECLS
