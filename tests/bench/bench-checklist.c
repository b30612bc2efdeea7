/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "mix-checklist.h"

/* The personalization checklist runs on every keystroke: the time of one
 * full evaluation of a realistic 2,000-character draft, the median of five
 * runs of many evaluations each. */

#define DRAFT_CHARS 2000
#define ITERATIONS 20000
#define RUNS 5

static const char paragraph[] =
  "Hi Zoë,\n\nI’m a student at Turing School, switching to software after ten years as a "
  "teacher. Your talk at RubyConf on accessibility audits showed me how much good code can "
  "do for people who are often left out, and I have started testing my own projects with a "
  "screen reader because of it. I’d love to hear how you got started with audits at Acme "
  "Robotics and what you wish you had known as a new engineer. Would you be open to a "
  "15-minute call in the next few weeks? ";

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

int
main (void)
{
  static const MixRecipient zoe = {
    "Zoë Ångström", "Acme Robotics, Inc.", "Staff Engineer",
    "Spoke at RubyConf about accessibility audits; mentors bootcamp grads. Loves climbing.",
  };
  GString *draft = g_string_new (NULL);
  double per_call[RUNS];
  guint passed = 0;

  while (g_utf8_strlen (draft->str, -1) < DRAFT_CHARS)
    g_string_append (draft, paragraph);
  g_string_truncate (draft, g_utf8_offset_to_pointer (draft->str, DRAFT_CHARS) - draft->str);

  for (guint run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();

      for (guint i = 0; i < ITERATIONS; i++)
        {
          MixChecklistResult result;

          mix_checklist_evaluate (draft->str, NULL, MIX_CHANNEL_LINKEDIN_MESSAGE, FALSE, &zoe,
                                  &result);
          passed += result.passed[MIX_CHECK_SPECIFIC];
        }
      per_call[run] = (double) (g_get_monotonic_time () - start) / ITERATIONS;
    }
  qsort (per_call, RUNS, sizeof (double), compare_double);

  /* printf, not g_print: the TAP comment stays UTF-8 whatever the locale. */
  printf ("1..1\n");
  printf ("# analysis per keystroke on a 2,000-character draft: %.1f µs (median of %u runs)\n",
          per_call[RUNS / 2], RUNS);
  printf ("%s 1\n", passed == RUNS * ITERATIONS ? "ok" : "not ok");
  g_string_free (draft, TRUE);
  return 0;
}
