/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mix-schema.h"
#include "mix-tracker.h"

G_BEGIN_DECLS

/**
 * MixCsvImport:
 *
 * A CSV file read for import into one tracker tab: its cells, and how each of the file's
 * columns maps onto the tab's columns. Nothing is added to the tracker until the caller
 * asks for the records.
 */
typedef struct _MixCsvImport MixCsvImport;

/* Mapping targets other than a column of the tab. */
#define MIX_CSV_IMPORT_EXTRA (-1)  /* keep as an extra field named by the header */
#define MIX_CSV_IMPORT_SKIP  (-2)  /* ignore the column */
#define MIX_CSV_IMPORT_NAME_REST (-3)  /* the rest of the name: added to Name after a space */

/* The largest file an import reads, and what it may hold: columns in a row, rows (besides
 * the header) and cells in all. A file past a limit is refused, naming the line. */
#define MIX_CSV_IMPORT_MAX_BYTES   (64 * 1024 * 1024)
#define MIX_CSV_IMPORT_MAX_COLUMNS 1000
#define MIX_CSV_IMPORT_MAX_ROWS    100000
#define MIX_CSV_IMPORT_MAX_CELLS   2000000

MixCsvImport *mix_csv_import_new_from_data        (MixTab          tab,
                                                   const char     *data,
                                                   gsize           length,
                                                   GError        **error);
MixCsvImport *mix_csv_import_new_from_bytes       (MixTab          tab,
                                                   GBytes         *data,
                                                   char            delimiter,
                                                   const char     *display_name,
                                                   GError        **error);
GBytes       *mix_csv_import_read_file            (const char     *path,
                                                   GError        **error);
char          mix_csv_import_get_delimiter        (MixCsvImport   *self);
gboolean      mix_csv_import_set_delimiter        (MixCsvImport   *self,
                                                   char            delimiter,
                                                   GError        **error);
MixCsvImport *mix_csv_import_new_from_file        (MixTab          tab,
                                                   const char     *path,
                                                   GError        **error);
void          mix_csv_import_free                 (MixCsvImport   *self);

MixTab        mix_csv_import_get_tab              (MixCsvImport   *self);
guint         mix_csv_import_get_n_source_columns (MixCsvImport   *self);
guint         mix_csv_import_get_n_skipped_lines  (MixCsvImport   *self);
const char   *mix_csv_import_get_source_title     (MixCsvImport   *self,
                                                   guint           source_column);
int           mix_csv_import_get_mapping          (MixCsvImport   *self,
                                                   guint           source_column);
void          mix_csv_import_set_mapping          (MixCsvImport   *self,
                                                   guint           source_column,
                                                   int             target);
guint         mix_csv_import_get_n_rows           (MixCsvImport   *self);
const char   *mix_csv_import_get_cell             (MixCsvImport   *self,
                                                   guint           row,
                                                   guint           source_column);
GPtrArray    *mix_csv_import_build_records        (MixCsvImport   *self,
                                                   GPtrArray     **problems);

char         *mix_csv_export_rows                 (MixTab          tab,
                                                   GListModel     *records,
                                                   gsize          *length);

gboolean      mix_tracker_import_csv_file         (MixTracker     *tracker,
                                                   MixTab          tab,
                                                   const char     *path,
                                                   guint          *n_imported,
                                                   GPtrArray     **problems,
                                                   GError        **error);
gboolean      mix_tracker_export_csv_file         (MixTracker     *tracker,
                                                   MixTab          tab,
                                                   const char     *path,
                                                   guint          *n_exported,
                                                   GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MixCsvImport, mix_csv_import_free)

G_END_DECLS
