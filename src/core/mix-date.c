/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mix-date.h"

/* Reads up to @max_digits digits; returns FALSE if there is none. */
static gboolean
read_number (const char **p,
             guint        max_digits,
             guint       *value,
             guint       *n_digits)
{
  guint v = 0;
  guint n = 0;

  while (n < max_digits && g_ascii_isdigit (**p))
    {
      v = v * 10 + (guint) (**p - '0');
      (*p)++;
      n++;
    }

  *value = v;
  *n_digits = n;
  return n > 0;
}

/* Skips "am" or "pm" in either case, after optional spaces. */
static void
skip_meridiem (const char **p)
{
  const char *q = *p;

  while (*q == ' ')
    q++;
  if ((g_ascii_tolower (q[0]) == 'a' || g_ascii_tolower (q[0]) == 'p') &&
      g_ascii_tolower (q[1]) == 'm')
    *p = q + 2;
}

/* Skips a time of day as spreadsheets write it after a date: `H:MM`, `HH:MM:SS`,
 * `HH:MM:SS.fff`, then `Z` or an offset such as `+01:00`, or "AM" or "PM". Returns FALSE,
 * leaving @p alone, if the text there is not such a time. */
static gboolean
skip_time (const char **p)
{
  const char *q = *p;
  guint value, n;

  if (!read_number (&q, 2, &value, &n) || value > 23 || *q != ':')
    return FALSE;
  q++;
  if (!read_number (&q, 2, &value, &n) || n != 2 || value > 59)
    return FALSE;

  if (*q == ':')
    {
      q++;
      if (!read_number (&q, 2, &value, &n) || n != 2 || value > 60)
        return FALSE;
      if (*q == '.' || *q == ',')
        {
          q++;
          if (!g_ascii_isdigit (*q))
            return FALSE;
          while (g_ascii_isdigit (*q))
            q++;
        }
    }

  if (*q == 'Z')
    q++;
  else if (*q == '+' || *q == '-')
    {
      q++;
      if (!read_number (&q, 2, &value, &n) || n != 2 || value > 23)
        return FALSE;
      if (*q == ':')
        q++;
      if (g_ascii_isdigit (*q) && (!read_number (&q, 2, &value, &n) || n != 2 || value > 59))
        return FALSE;
    }
  else
    skip_meridiem (&q);

  *p = q;
  return TRUE;
}

static gboolean
set_date (GDate *date,
          guint  year,
          guint  month,
          guint  day)
{
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31)
    return FALSE;
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

/**
 * mix_date_parse:
 * @text: a date as a person or a spreadsheet writes it
 * @date: (out caller-allocates): the date read
 *
 * Accepts ISO `2026-03-05` (optionally followed by a time, as spreadsheets
 * export date-times: `2026-03-05T10:00:00Z`, `2026-03-05T10:00:00.000+01:00`,
 * `2026-03-05 10:00` or `2026-03-05 9:30 PM`),
 * `2026/03/05`, and the US order Google Sheets writes in English locales,
 * `3/5/2026` (month/day/year, the year in four digits), and the day, the
 * English month's name or its first three letters and the year that
 * LinkedIn's exports write whatever the language, `15 Mar 2024`. Surrounding
 * spaces are ignored. Anything else, and impossible dates such as `2026-02-30`,
 * are refused.
 *
 * Returns: %TRUE if @text is a date
 */
/* "15 Mar 2024", "5 March 2024": day, English month, year. */
static gboolean
parse_day_month_year (const char *p,
                      GDate      *date)
{
  static const char * const months[] = { "jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec" };
  static const char * const long_months[] = { "january", "february", "march", "april", "may",
                                              "june", "july", "august", "september",
                                              "october", "november", "december" };
  guint day = 0, year = 0, nd = 0, ny = 0;
  char word[10];
  gsize n = 0;

  while (g_ascii_isdigit (*p) && nd < 2)
    day = day * 10 + (guint) (*p++ - '0'), nd++;
  if (nd == 0 || *p != ' ')
    return FALSE;
  while (*p == ' ')
    p++;
  while (g_ascii_isalpha (*p) && n < sizeof word - 1)
    word[n++] = g_ascii_tolower (*p++);
  word[n] = '\0';
  if (*p == '.')
    p++;
  if (*p != ' ')
    return FALSE;
  while (*p == ' ')
    p++;
  while (g_ascii_isdigit (*p) && ny < 4)
    year = year * 10 + (guint) (*p++ - '0'), ny++;
  while (*p == ' ' || *p == '\t')
    p++;
  if (ny != 4 || *p != '\0')
    return FALSE;
  for (guint m = 0; m < G_N_ELEMENTS (months); m++)
    if (g_str_equal (word, months[m]) || g_str_equal (word, long_months[m]) ||
        (m == 8 && g_str_equal (word, "sept")))
      return set_date (date, year, m + 1, day);
  return FALSE;
}

gboolean
mix_date_parse (const char *text,
                GDate      *date)
{
  const char *p;
  guint a, b, c;
  guint na, nb, nc;
  char sep;

  g_return_val_if_fail (date != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  /* YYYY-MM-DD, as the tracker keeps every date, read at once: Today reads
   * thousands of them at each change. */
  if (g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1]) && g_ascii_isdigit (text[2]) &&
      g_ascii_isdigit (text[3]) && text[4] == '-' && g_ascii_isdigit (text[5]) &&
      g_ascii_isdigit (text[6]) && text[7] == '-' && g_ascii_isdigit (text[8]) &&
      g_ascii_isdigit (text[9]) && text[10] == '\0')
    return set_date (date,
                     (guint) ((text[0] - '0') * 1000 + (text[1] - '0') * 100 +
                              (text[2] - '0') * 10 + (text[3] - '0')),
                     (guint) ((text[5] - '0') * 10 + (text[6] - '0')),
                     (guint) ((text[8] - '0') * 10 + (text[9] - '0')));

  p = text;
  while (*p == ' ' || *p == '\t')
    p++;

  if (g_ascii_isdigit (p[0]) && (p[1] == ' ' || (g_ascii_isdigit (p[1]) && p[2] == ' ')))
    return parse_day_month_year (p, date);

  if (!read_number (&p, 4, &a, &na))
    return FALSE;
  sep = *p;
  if (sep != '-' && sep != '/')
    return FALSE;
  p++;
  if (!read_number (&p, 2, &b, &nb))
    return FALSE;
  if (*p != sep)
    return FALSE;
  p++;
  if (!read_number (&p, 4, &c, &nc))
    return FALSE;

  if (na == 4)
    {
      /* Year first: YYYY-MM-DD or YYYY/MM/DD; a time may follow. The time itself is
       * not kept, but it must be a time: "2026-03-05 2pm call" is not a date, and
       * taking it for one would lose the rest of the text. */
      if (nc > 2)
        return FALSE;
      if (*p == 'T' || (*p == ' ' && g_ascii_isdigit (p[1])))
        {
          p++;
          if (!skip_time (&p))
            return FALSE;
        }
      if (!set_date (date, a, b, c))
        return FALSE;
    }
  else if (sep == '/' && na <= 2 && nc == 4)
    {
      /* Month/day/year as US spreadsheets write it. */
      if (!set_date (date, c, a, b))
        return FALSE;
    }
  else
    return FALSE;

  while (*p == ' ' || *p == '\t')
    p++;

  return *p == '\0';
}

/**
 * mix_date_to_iso:
 *
 * Returns: (transfer full): @date as `YYYY-MM-DD`
 */
char *
mix_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

/**
 * mix_date_normalize:
 *
 * Returns: (transfer full) (nullable): @text as an ISO date, or %NULL if it
 *   is not a date
 */
char *
mix_date_normalize (const char *text)
{
  GDate date;

  g_date_clear (&date, 1);
  if (!mix_date_parse (text, &date))
    return NULL;
  return mix_date_to_iso (&date);
}

/**
 * mix_date_today_iso:
 *
 * Returns: (transfer full): today's local date as `YYYY-MM-DD`
 */
char *
mix_date_today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* The time stamps of records: ISO 8601 in UTC, to the millisecond, so that
 * two edits of one row on two computers are ordered by when they were made
 * (see mix_timestamp_compare()). Older files have them to the second. */
static char *
format_timestamp (gint64 usec)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autofree char *seconds = NULL;

  if (dt == NULL)
    return NULL;
  seconds = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S");
  return g_strdup_printf ("%s.%03dZ", seconds, (int) ((usec % G_USEC_PER_SEC) / 1000));
}

/**
 * mix_timestamp_now:
 *
 * Returns: (transfer full): the current time as ISO 8601 in UTC, to the
 *   millisecond, such as `2026-11-28T17:20:00.125Z`
 */
char *
mix_timestamp_now (void)
{
  return format_timestamp (g_get_real_time ());
}

/**
 * mix_timestamp_after:
 * @previous: (nullable): the time stamp of the version being replaced
 *
 * Returns: (transfer full): the time stamp for a change of something last
 *   changed at @previous: now, or a millisecond after @previous when the
 *   clock says otherwise (set back, or another computer's ahead), so that
 *   a change always comes after the version it changes
 */
char *
mix_timestamp_after (const char *previous)
{
  gint64 now = g_get_real_time ();
  gint64 before;

  now -= now % 1000;
  if (mix_timestamp_to_usec (previous, &before) && before + 1000 > now)
    now = before - before % 1000 + 1000;
  return format_timestamp (now);
}

/* Reads exactly @n digits. */
static gboolean
read_digits (const char **p,
             guint        n,
             int         *value)
{
  int v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      v = v * 10 + ((*p)[i] - '0');
    }
  *p += n;
  *value = v;
  return TRUE;
}

/**
 * mix_timestamp_to_usec:
 * @text: (nullable): a time stamp
 * @usec: (out): microseconds since 1970 in UTC
 *
 * Reads a time stamp: the app's own form quickly, any other ISO 8601 date
 * and time with a time zone through #GDateTime.
 *
 * Returns: %FALSE if @text is not a date and time
 */
gboolean
mix_timestamp_to_usec (const char *text,
                       gint64     *usec)
{
  const char *p = text;
  int year, month, day, hour, minute, second, fraction = 0;
  g_autoptr(GDateTime) dt = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;

  /* YYYY-MM-DDTHH:MM:SS[.fff]Z */
  if (read_digits (&p, 4, &year) && *p++ == '-' && read_digits (&p, 2, &month) && *p++ == '-' &&
      read_digits (&p, 2, &day) && *p++ == 'T' && read_digits (&p, 2, &hour) && *p++ == ':' &&
      read_digits (&p, 2, &minute) && *p++ == ':' && read_digits (&p, 2, &second))
    {
      gboolean ok = TRUE;

      if (*p == '.')
        {
          p++;
          ok = read_digits (&p, 3, &fraction);
        }
      if (ok && p[0] == 'Z' && p[1] == '\0' && month >= 1 && month <= 12 && day >= 1 &&
          day <= g_date_get_days_in_month ((GDateMonth) month, (GDateYear) MAX (year, 1)) &&
          hour < 24 && minute < 60 && second < 60 && year >= 1)
        {
          GDate date;

          g_date_clear (&date, 1);
          g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
          /* Days from 0001-01-01 to 1970-01-01: 719162. */
          *usec = ((((gint64) g_date_get_julian (&date) - 1 - 719162) * 24 + hour) * 60 + minute) *
                    60 * G_USEC_PER_SEC +
                  (gint64) second * G_USEC_PER_SEC + (gint64) fraction * 1000;
          return TRUE;
        }
    }

  dt = g_date_time_new_from_iso8601 (text, NULL);
  if (dt == NULL)
    return FALSE;
  *usec = g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
  return TRUE;
}

/**
 * mix_timestamp_compare:
 *
 * Compares two time stamps by the time they say, whatever their form
 * (`…:00Z` and `…:00.000Z` are the same time). A missing or unreadable
 * one comes before any other.
 *
 * Returns: < 0, 0 or > 0 as @a is before, the same as or after @b
 */
int
mix_timestamp_compare (const char *a,
                       const char *b)
{
  gint64 ua = 0;
  gint64 ub = 0;
  gboolean va = mix_timestamp_to_usec (a, &ua);
  gboolean vb = mix_timestamp_to_usec (b, &ub);

  if (va != vb)
    return va ? 1 : -1;
  return (ua > ub) - (ua < ub);
}

gboolean
mix_timestamp_is_valid (const char *text)
{
  gint64 usec;

  return mix_timestamp_to_usec (text, &usec);
}
