/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "mix-csv-import.h"

G_BEGIN_DECLS

#define MIX_TYPE_CSV_IMPORT_DIALOG (mix_csv_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MixCsvImportDialog, mix_csv_import_dialog, MIX, CSV_IMPORT_DIALOG, AdwWindow)

MixCsvImportDialog *mix_csv_import_dialog_new        (GBytes             *data,
                                                      const char         *name,
                                                      MixTab              tab,
                                                      GError            **error);
void                mix_csv_import_dialog_refuse     (MixCsvImportDialog *self,
                                                      const char         *message);
MixCsvImport       *mix_csv_import_dialog_get_import (MixCsvImportDialog *self);
void                mix_csv_import_dialog_set_tracker (MixCsvImportDialog *self,
                                                       MixTracker         *tracker);

G_END_DECLS
