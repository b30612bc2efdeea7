/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "mix-date.h"
#include "mix-schema.h"

/*
 * The date parser on arbitrary text, up to the first NUL byte, and the date
 * columns of the tracker that use it.
 *
 * Checked: what mix_date_parse() accepts is a valid date, and
 * mix_date_normalize() agrees with it; the ISO text it gives is ten
 * characters and is itself read as the same date, so normalizing twice
 * changes nothing.
 */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *iso = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *column_value = NULL;
  const MixTabInfo *info = mix_tab_get_info (MIX_TAB_NETWORKING_LOG);
  int date_column = mix_tab_find_column (MIX_TAB_NETWORKING_LOG, "date");
  GDate date;
  gboolean parsed;

  g_date_clear (&date, 1);
  parsed = mix_date_parse (text, &date);
  normalized = mix_date_normalize (text);

  if (parsed != (normalized != NULL))
    fuzz_fail ("mix_date_parse() and mix_date_normalize() disagree on “%s”", text);

  if (parsed)
    {
      GDate again;
      g_autofree char *twice = NULL;

      if (!g_date_valid (&date))
        fuzz_fail ("“%s” was read as an invalid date", text);
      iso = mix_date_to_iso (&date);
      if (g_strcmp0 (iso, normalized) != 0)
        fuzz_fail ("“%s” gives %s and %s", text, iso, normalized);
      if (strlen (iso) != 10)
        fuzz_fail ("“%s” gives %s, not YYYY-MM-DD", text, iso);

      g_date_clear (&again, 1);
      if (!mix_date_parse (iso, &again) || g_date_compare (&date, &again) != 0)
        fuzz_fail ("“%s” gives %s, which does not read back as the same date", text, iso);
      twice = mix_date_normalize (iso);
      if (g_strcmp0 (twice, iso) != 0)
        fuzz_fail ("%s normalizes to %s", iso, twice);
    }

  /* A date column stores what the parser reads, or refuses the text. */
  if (g_utf8_validate (text, -1, NULL))
    {
      g_autoptr(GError) error = NULL;

      if (mix_column_normalize_value (&info->columns[date_column], text, &column_value, &error))
        {
          if (column_value != NULL && !mix_date_parse (column_value, &date))
            fuzz_fail ("the date column stored “%s” for “%s”", column_value, text);
        }
      else if (error == NULL)
        fuzz_fail ("the date column refused “%s” without saying why", text);
    }

  mix_timestamp_is_valid (text);

  return 0;
}
