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
 * @MIX_CSV_ERROR_TOO_MANY_ROWS: the data has more rows than the caller's limit
 * @MIX_CSV_ERROR_TOO_MANY_CELLS: the data has more fields in all than the caller's limit
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
  MIX_CSV_ERROR_TOO_MANY_ROWS,
  MIX_CSV_ERROR_TOO_MANY_CELLS,
} MixCsvError;

/**
 * MixCsvLimits:
 * @max_bytes: the most bytes the data may hold
 * @max_fields: the most fields a row may have
 * @max_rows: the most rows the data may have, not counting the first (the header)
 * @max_cells: the most fields all rows may have together
 * @delimiter: what separates the fields: a comma, a semicolon, a tab; 0 for a comma
 *
 * What mix_csv_parse_limited() accepts at most; 0 is no limit. Each limit is checked as
 * the text is read, so that memory stays bounded whatever the file holds.
 */
typedef struct
{
  gsize  max_bytes;
  guint  max_fields;
  guint  max_rows;
  guint  max_cells;
  char   delimiter;
} MixCsvLimits;

GQuark     mix_csv_error_quark   (void);

char       mix_csv_detect_delimiter (const char       *data,
                                     gsize             length);
GPtrArray *mix_csv_parse         (const char          *data,
                                  gsize                length,
                                  guint                max_fields,
                                  gsize                max_bytes,
                                  GError             **error);
GPtrArray *mix_csv_parse_limited (const char          *data,
                                  gsize                length,
                                  const MixCsvLimits  *limits,
                                  GError             **error);

void       mix_csv_append_field  (GString             *out,
                                  const char          *value,
                                  gboolean             guard_formula);
void       mix_csv_append_row    (GString             *out,
                                  const char * const  *values,
                                  gsize                n_values,
                                  gboolean             guard_formula);
gboolean   mix_csv_is_guarded    (const char          *value);
char      *mix_csv_unguard       (const char          *value);

G_END_DECLS
