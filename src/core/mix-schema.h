/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The three tabs of the networking tracker, in the order the curriculum's
 * spreadsheet has them. */
typedef enum
{
  MIX_TAB_EXISTING_NETWORK,
  MIX_TAB_NETWORKING_LOG,
  MIX_TAB_NEW_CONTACTS,
  MIX_N_TABS,
} MixTab;

typedef enum
{
  MIX_COLUMN_TEXT,
  MIX_COLUMN_LONG_TEXT,
  MIX_COLUMN_BOOLEAN,
  MIX_COLUMN_CHOICE,
  MIX_COLUMN_DATE,
  MIX_COLUMN_URL,
  MIX_COLUMN_EMAIL,
} MixColumnType;

typedef struct
{
  const char *id;     /* stable, stored in JSON */
  const char *label;  /* untranslated; translate with gettext() for display */
} MixChoice;

typedef struct
{
  const char      *id;       /* the key in a row's "fields" */
  const char      *title;    /* untranslated; translate with gettext() for display */
  MixColumnType    type;
  const MixChoice *choices;  /* for MIX_COLUMN_CHOICE, terminated by { NULL, NULL } */
} MixColumn;

typedef struct
{
  MixTab           tab;
  const char      *id;       /* "existing-network", … */
  const char      *title;    /* untranslated */
  const char      *description;
  const MixColumn *columns;
  guint            n_columns;
} MixTabInfo;

const MixTabInfo *mix_tab_get_info           (MixTab         tab);
gboolean          mix_tab_from_id            (const char    *id,
                                              MixTab        *tab);
int               mix_tab_find_column        (MixTab         tab,
                                              const char    *column_id);
const MixChoice  *mix_column_find_choice     (const MixColumn *column,
                                              const char      *text);
int               mix_column_choice_index    (const MixColumn *column,
                                              const char      *choice_id);
gboolean          mix_column_normalize_value (const MixColumn *column,
                                              const char      *text,
                                              char           **normalized,
                                              GError         **error);
gboolean          mix_column_check_value     (const MixColumn *column,
                                              const char      *stored,
                                              GError         **error);
gboolean          mix_column_is_follow_up    (const MixColumn *column);
gboolean          mix_column_is_overdue      (const MixColumn *column,
                                              const char      *stored,
                                              const char      *today);

gboolean          mix_text_is_email          (const char    *text);
char             *mix_text_fold              (const char    *text,
                                              gssize         length);
gboolean          mix_text_is_url            (const char    *text);

G_END_DECLS
