/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mix-checklist.h"
#include "mix-template.h"

static const MixRecipient zoe = {
  "Zoë Ångström",
  "Acme Robotics, Inc.",
  "Staff Engineer",
  "Spoke at RubyConf about accessibility audits; mentors bootcamp grads.",
};

static const MixRecipient sam = { "Sam Lee", NULL, NULL, "   " };

static const MixRecipient plain_zoe = { "Zoe", NULL, "Designer", NULL };

/* Expected results, one character per check in MixCheck order: 'y' passed,
 * 'n' not passed, '?' undecided (the user answers), '-' a manual item. */
typedef struct
{
  const char         *name;
  const char         *text;
  guint               repeat;   /* the text repeated, 0 = once */
  const char         *subject;
  MixChannel          channel;
  gboolean            free_account;
  const MixRecipient *recipient;
  const char         *expected;
} Sample;

#define NOTE MIX_CHANNEL_LINKEDIN_NOTE
#define MESSAGE MIX_CHANNEL_LINKEDIN_MESSAGE
#define EMAIL MIX_CHANNEL_EMAIL

/* 261 characters. */
#define MEDIUM_NOTE \
  "Hi Zoë, your RubyConf talk on accessibility audits stuck with me. I’m changing " \
  "careers into software at Turing, and accessibility is what drew me in. Would you be " \
  "open to a short chat about how you learned to run audits? Thank you for sharing it!"

static const Sample samples[] = {
  {
    "good note",
    "Hi Zoë, I loved your RubyConf talk on accessibility audits. I’m changing careers into "
    "software at Turing and would love to hear how you got into the field. Would you be "
    "open to a quick chat?",
    0, NULL, NOTE, FALSE, &zoe,
    "yyy-yyyyyy-",
  },
  {
    "generic",
    "I hope this finds you well. I came across your profile and I wanted to reach out. I am "
    "a software developer and I would like to connect with you.",
    0, NULL, NOTE, FALSE, &sam,
    "nn?-nyynny-",
  },
  {
    "generic, curly apostrophe and punctuation",
    "Hope this email finds you well!!! I’m reaching out — about your team at Acme Robotics?",
    0, NULL, MESSAGE, FALSE, &zoe,
    "yny-nyynyy-",
  },
  {
    "generic, to whom it may concern",
    "TO WHOM IT MAY CONCERN: can you tell me about your work?",
    0, NULL, NOTE, FALSE, NULL,
    "n?" "?-nyynyy-",
  },
  {
    "medium note fits 300",
    MEDIUM_NOTE,
    0, NULL, NOTE, FALSE, &zoe,
    "yyy-yyyyyy-",
  },
  {
    "medium note too long for a free account",
    MEDIUM_NOTE,
    0, NULL, NOTE, TRUE, &zoe,
    "yyy-yynyyy-",
  },
  {
    "too long note",
    MEDIUM_NOTE " " MEDIUM_NOTE,
    0, NULL, NOTE, FALSE, &zoe,
    "yyy-yynyyy-",
  },
  {
    "no ask",
    "Hi Sam, congratulations on the new role. I’m learning to code at Turing and your story "
    "inspired me.",
    0, NULL, NOTE, FALSE, &sam,
    "ny?-ynyyny-",
  },
  {
    "too many questions",
    "Hi Sam! How did you start? What do you do all day? Is it fun? Do you like your team?",
    0, NULL, MESSAGE, FALSE, &sam,
    "ny?-nnyyyy-",
  },
  {
    "no name",
    "Hello there, your talk on accessibility audits was great. Could we chat sometime?",
    0, NULL, NOTE, FALSE, &zoe,
    "yny-nyyyyy-",
  },
  {
    "name too late",
    "Hello there, your talk on accessibility audits was great and I think about it a lot, "
    "Zoë. Could we chat?",
    0, NULL, NOTE, FALSE, &zoe,
    "yny-nyyyyy-",
  },
  {
    "accents in the name only",
    "Hi Zoe, congrats on the new Staff Engineer role. Want to grab a coffee?",
    0, NULL, NOTE, FALSE, &zoe,
    "yyy-nyyyyy-",
  },
  {
    "accents and case",
    "HELLO ZOË! Your talk was great. Can we chat?",
    0, NULL, NOTE, FALSE, &zoe,
    "yyn-nyyyyy-",
  },
  {
    "decomposed accents",
    "Dear Zoe\xcc\x88, could we talk about your accessibility work?",
    0, NULL, NOTE, FALSE, &zoe,
    "yyy-nyyyyy-",
  },
  {
    "accents only in the text",
    "Hi Zoë, I love your work as a designer. Could we chat?",
    0, NULL, NOTE, FALSE, &plain_zoe,
    "nyy-nyyyyy-",
  },
  {
    "a word that starts with the name",
    "Hi Zoey, I love your work as a designer. Could we chat?",
    0, NULL, NOTE, FALSE, &plain_zoe,
    "nny-nyyyyy-",
  },
  {
    "empty",
    "",
    0, NULL, NOTE, FALSE, &zoe,
    "ynn-nnnnnn-",
  },
  {
    "blank",
    " \n\t ",
    0, NULL, EMAIL, FALSE, NULL,
    "n?" "?-nnnnnn-",
  },
  {
    "20,000 characters",
    "Hi Zoe, I'm changing careers now. ",
    589, NULL, MESSAGE, FALSE, &zoe,
    "yyn-ynnyny-",
  },
  {
    "email that fits, company in the subject",
    "Hi Zoë,\n\nI’m a student at Turing School, switching to software after ten years as a "
    "teacher. Your talk on accessibility audits showed me how much good code can do for "
    "people who are often left out. Your team’s guide changed how I test my projects. "
    "Would you have 15 minutes in the next few weeks to tell me how "
    "you got started with audits? Any time that suits you is great.\n\nThank you,\nAlex",
    0, "Question from a Turing student about Acme", EMAIL, FALSE, &zoe,
    "yyy-yyyyyy-",
  },
  {
    "email too short",
    "Hi Zoë, can we chat about Acme Robotics?",
    0, "Hello", EMAIL, FALSE, &zoe,
    "yyy-nynyyy-",
  },
  {
    "about me",
    "Hi Zoe. I’m new. I've got my plans and I like my code. Can you help?",
    0, NULL, NOTE, FALSE, &zoe,
    "yyn-nyyyny-",
  },
  {
    "hard to read",
    "Hi Zoe, interdisciplinary collaboration necessitates extraordinarily sophisticated "
    "communication methodologies, particularly considering organizational complexity and "
    "institutional responsibilities in contemporary environments?",
    0, NULL, MESSAGE, FALSE, &zoe,
    "yyn-nyyyyn-",
  },
  {
    "Spanish, personal",
    "Hola Zoë, vi tu charla en RubyConf sobre auditorías de accesibilidad y me encantó. "
    "Estoy cambiando de carrera al software en Turing. ¿Te importaría tomar un café de "
    "15 minutos?",
    0, NULL, NOTE, FALSE, &zoe,
    /* Everything a Spanish message can show is found; the reading grade is
     * the English formula, which finds Spanish harder than it is. */
    "yyy-yyyyyn-",
  },
  {
    "Spanish, generic",
    "Espero que este mensaje te encuentre bien. Me gustaría agregarte a mi red de contactos "
    "porque yo trabajo en software y mi empresa busca gente.",
    0, NULL, NOTE, FALSE, NULL,
    /* The opener is generic, and "yo", "mi" and "me" outnumber "te". */
    "n?" "?-nnyynn-",
  },
};

static char *
sample_text (const Sample *sample)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < MAX (sample->repeat, 1); i++)
    g_string_append (s, sample->text);
  return g_string_free (s, FALSE);
}

static char
result_char (const MixChecklistResult *result,
             MixCheck                  check)
{
  if (mix_check_get_info (check)->kind == MIX_CHECK_KIND_MANUAL)
    {
      g_assert_false (result->decided[check]);
      return '-';
    }
  if (!result->decided[check])
    {
      g_assert_false (result->passed[check]);
      return '?';
    }
  return result->passed[check] ? 'y' : 'n';
}

static void
test_samples (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      const Sample *sample = &samples[i];
      g_autofree char *text = sample_text (sample);
      MixChecklistResult result;
      char got[MIX_N_CHECKS + 1];

      g_assert_cmpuint (strlen (sample->expected), ==, MIX_N_CHECKS);
      mix_checklist_evaluate (text, sample->subject, sample->channel, sample->free_account,
                              sample->recipient, &result);
      for (guint c = 0; c < MIX_N_CHECKS; c++)
        got[c] = result_char (&result, (MixCheck) c);
      got[MIX_N_CHECKS] = '\0';
      g_test_message ("%s: %u chars, %u words, %u sentences, %u questions, grade %.2f",
                      sample->name, result.stats.characters, result.stats.words,
                      result.stats.sentences, result.stats.questions, result.stats.grade);
      if (!g_str_equal (got, sample->expected))
        g_error ("sample “%s”: expected %s, got %s", sample->name, sample->expected, got);
    }
}

static void
test_sample_sizes (void)
{
  MixTextStats stats;
  g_autofree char *big = sample_text (&samples[18]);

  mix_text_stats_compute (MEDIUM_NOTE, NOTE, FALSE, &stats);
  g_assert_cmpuint (stats.characters, >, 200);
  g_assert_cmpuint (stats.characters, <=, 300);
  mix_text_stats_compute (MEDIUM_NOTE " " MEDIUM_NOTE, NOTE, FALSE, &stats);
  g_assert_cmpuint (stats.characters, >, 300);

  g_assert_true (g_str_equal (samples[18].name, "20,000 characters"));
  mix_text_stats_compute (big, MESSAGE, FALSE, &stats);
  g_assert_cmpuint (stats.characters, >=, 20000);
  g_assert_cmpuint (stats.words, ==, 589 * 6);
  g_assert_cmpuint (stats.sentences, ==, 589);
  g_assert_cmpuint (stats.questions, ==, 0);
}

static void
test_stats_counts (void)
{
  MixTextStats stats;

  /* The emoji is one character. */
  mix_text_stats_compute ("Hello 👋 world.", NOTE, FALSE, &stats);
  g_assert_cmpuint (stats.characters, ==, 14);
  g_assert_cmpuint (stats.words, ==, 2);
  g_assert_cmpuint (stats.sentences, ==, 1);
  g_assert_cmpuint (stats.questions, ==, 0);
  g_assert_cmpuint (stats.limit, ==, 300);

  mix_text_stats_compute ("Zoë Ångström", NOTE, TRUE, &stats);
  g_assert_cmpuint (stats.characters, ==, 12);
  g_assert_cmpuint (stats.words, ==, 2);
  g_assert_cmpuint (stats.sentences, ==, 1);  /* unterminated */
  g_assert_cmpuint (stats.limit, ==, 200);

  /* Runs of terminators end one sentence; "??" is one question. */
  mix_text_stats_compute ("Really?? Why?! ok... fine", MESSAGE, FALSE, &stats);
  g_assert_cmpuint (stats.words, ==, 4);
  g_assert_cmpuint (stats.sentences, ==, 4);
  g_assert_cmpuint (stats.questions, ==, 2);
  g_assert_cmpuint (stats.limit, ==, 8000);

  /* A dot inside a number or an address does not end a sentence ("3.5" is still two
   * words, two runs of digits); apostrophes belong to words, curly or straight. */
  mix_text_stats_compute ("It costs 3.5 dollars at turing.edu. You’re right, it's fine.",
                          EMAIL, FALSE, &stats);
  g_assert_cmpuint (stats.words, ==, 12);
  g_assert_cmpuint (stats.sentences, ==, 2);
  g_assert_cmpuint (stats.limit, ==, 0);

  /* Punctuation with no words is not a sentence. */
  mix_text_stats_compute ("... ?! —", NOTE, FALSE, &stats);
  g_assert_cmpuint (stats.words, ==, 0);
  g_assert_cmpuint (stats.sentences, ==, 0);
  g_assert_cmpuint (stats.questions, ==, 1);
  g_assert_cmpfloat (stats.grade, ==, 0.0);

  mix_text_stats_compute ("", NOTE, FALSE, &stats);
  g_assert_cmpuint (stats.characters, ==, 0);
  g_assert_cmpuint (stats.words, ==, 0);
  g_assert_cmpuint (stats.sentences, ==, 0);
  g_assert_cmpfloat (stats.grade, ==, 0.0);

  mix_text_stats_compute (NULL, NOTE, FALSE, &stats);
  g_assert_cmpuint (stats.words, ==, 0);

  /* Invalid UTF-8 is analysed, not trusted. */
  mix_text_stats_compute ("Hi \xff there", NOTE, FALSE, &stats);
  g_assert_cmpuint (stats.words, ==, 2);
}

static void
test_stats_grade (void)
{
  MixTextStats stats;

  /* net-work-ing helps ca-reer chang-ers find op-por-tu-ni-ties: 6 words,
   * 14 syllables, 1 sentence: 0.39 × 6 + 11.8 × 14 / 6 − 15.59 = 14.28. */
  mix_text_stats_compute ("Networking helps career changers find opportunities.",
                          NOTE, FALSE, &stats);
  g_assert_cmpuint (stats.words, ==, 6);
  g_assert_cmpfloat_with_epsilon (stats.grade, 14.28, 0.5);

  /* I love to code. Net-work-ing is fun: 7 words, 9 syllables, 2 sentences:
   * 0.39 × 3.5 + 11.8 × 9 / 7 − 15.59 = 0.95. */
  mix_text_stats_compute ("I love to code. Networking is fun.", NOTE, FALSE, &stats);
  g_assert_cmpuint (stats.sentences, ==, 2);
  g_assert_cmpfloat_with_epsilon (stats.grade, 0.95, 0.5);

  /* Below zero is clamped. */
  mix_text_stats_compute ("The cat sat on the mat. The dog ran.", NOTE, FALSE, &stats);
  g_assert_cmpfloat (stats.grade, ==, 0.0);
}

static void
test_info (void)
{
  guint manual = 0;

  for (guint i = 0; i < MIX_N_CHECKS; i++)
    {
      const MixCheckInfo *info = mix_check_get_info ((MixCheck) i);
      MixCheck back = MIX_N_CHECKS;

      g_assert_cmpint (info->check, ==, (MixCheck) i);
      g_assert_nonnull (info->title);
      g_assert_cmpuint (strlen (info->explanation), >, 20);
      g_assert_true (mix_check_from_id (info->id, &back));
      g_assert_cmpint (back, ==, (MixCheck) i);
      if (info->kind == MIX_CHECK_KIND_MANUAL)
        manual++;
    }
  g_assert_cmpuint (manual, ==, 2);
  g_assert_cmpint (mix_check_get_info (MIX_CHECK_WHY_THEM)->kind, ==, MIX_CHECK_KIND_MANUAL);
  g_assert_cmpint (mix_check_get_info (MIX_CHECK_PROOFREAD)->kind, ==, MIX_CHECK_KIND_MANUAL);
  g_assert_cmpint (mix_check_get_info (MIX_CHECK_FITS_CHANNEL)->kind, ==, MIX_CHECK_KIND_AUTO);
  g_assert_false (mix_check_from_id ("nope", NULL));
}

static void
test_score (void)
{
  MixChecklistResult result;
  gboolean answers[MIX_N_CHECKS] = { FALSE, };
  guint total = 0;

  mix_checklist_evaluate (samples[0].text, NULL, NOTE, FALSE, &zoe, &result);
  g_assert_cmpuint (mix_checklist_score (&result, NULL, &total), ==, 9);
  g_assert_cmpuint (total, ==, MIX_N_CHECKS);
  answers[MIX_CHECK_WHY_THEM] = TRUE;
  g_assert_cmpuint (mix_checklist_score (&result, answers, NULL), ==, 10);
  answers[MIX_CHECK_PROOFREAD] = TRUE;
  g_assert_cmpuint (mix_checklist_score (&result, answers, &total), ==, 11);

  /* The generic sample passes ask and fits, and is easy to read. */
  memset (answers, 0, sizeof answers);
  mix_checklist_evaluate (samples[1].text, NULL, NOTE, FALSE, &sam, &result);
  g_assert_cmpuint (mix_checklist_score (&result, answers, &total), ==, 3);
  /* An override ticks an auto-or-manual item (including an undecided
   * one), never an automatic one. */
  answers[MIX_CHECK_ABOUT_THEM] = TRUE;
  answers[MIX_CHECK_SPECIFIC] = TRUE;
  answers[MIX_CHECK_EASY_TO_READ] = TRUE;
  g_assert_cmpuint (mix_checklist_score (&result, answers, &total), ==, 5);
  g_assert_true (mix_checklist_item_checked (&result, answers, MIX_CHECK_SPECIFIC));
  g_assert_false (mix_checklist_item_checked (&result, answers, MIX_CHECK_PROOFREAD));

  mix_checklist_evaluate ("", NULL, NOTE, FALSE, NULL, &result);
  g_assert_cmpuint (mix_checklist_score (&result, NULL, &total), ==, 0);
  g_assert_cmpuint (total, ==, 11);
}

static void
test_first_name (void)
{
  static const struct { const char *name; const char *first; } names[] = {
    { "Zoë Ångström", "Zoë" },
    { "  Dr. Zoë Ångström ", "Zoë" },
    { "Ms Ana", "Ana" },
    { "Prof", "Prof" },
    { "Mary-Jane Watson", "Mary-Jane" },
    { "", NULL },
    { " \t", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      MixRecipient r = { names[i].name, NULL, NULL, NULL };
      g_autofree char *first = mix_recipient_dup_first_name (&r);
      g_assert_cmpstr (first, ==, names[i].first);
    }
  g_assert_null (mix_recipient_dup_first_name (NULL));
}

static void
test_specific_details (void)
{
  MixRecipient r = { "Dr. Mary-Jane Watson", "Initech LLC", NULL,
                     "Runs the podcasts team. Loves software." };
  MixChecklistResult result;

  /* The greeting finds the first part of a hyphenated first name. */
  mix_checklist_evaluate ("Hi Mary-Jane! Loved the podcast.", NULL, NOTE, FALSE, &r, &result);
  g_assert_true (result.passed[MIX_CHECK_GREETS_BY_NAME]);
  g_assert_true (result.passed[MIX_CHECK_SPECIFIC]);  /* podcast(s) */

  /* "software" is too common to count; "LLC" may be left out. */
  mix_checklist_evaluate ("Hi Mary, I love software.", NULL, NOTE, FALSE, &r, &result);
  g_assert_true (result.decided[MIX_CHECK_SPECIFIC]);
  g_assert_false (result.passed[MIX_CHECK_SPECIFIC]);
  mix_checklist_evaluate ("Hi Mary, how is initech?", NULL, NOTE, FALSE, &r, &result);
  g_assert_true (result.passed[MIX_CHECK_SPECIFIC]);

  /* The name in the notes is not a distinctive detail. */
  r.company = NULL;
  r.research_notes = "Watson said hi.";
  mix_checklist_evaluate ("Hi Ms Watson", NULL, NOTE, FALSE, &r, &result);
  g_assert_false (result.decided[MIX_CHECK_SPECIFIC]);

  /* The subject only counts for email. */
  mix_checklist_evaluate ("Hello.", "Career change", EMAIL, FALSE, &r, &result);
  g_assert_true (result.passed[MIX_CHECK_CAREER_CHANGE]);
  mix_checklist_evaluate ("Hello.", "Career change", NOTE, FALSE, &r, &result);
  g_assert_false (result.passed[MIX_CHECK_CAREER_CHANGE]);
}

static void
test_templates (void)
{
  guint n = mix_template_get_n ();
  static const MixRecipient typical = {
    "Alexandra Konstantinopoulou", "Salesforce", "Senior Software Engineer", NULL
  };
  MixRecipient no_company = { "Zoë Ångström", NULL, "Staff Engineer", NULL };

  g_assert_cmpuint (n, >=, 3);
  g_assert_cmpuint (n, <=, 4);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *filled = mix_template_fill (mix_template_get_body (i), &zoe);
      g_autofree char *missing = mix_template_fill (mix_template_get_body (i), &no_company);
      g_autofree char *nobody = mix_template_fill (mix_template_get_body (i), NULL);
      MixChecklistResult result;

      g_assert_cmpuint (strlen (mix_template_get_title (i)), >, 0);
      g_assert_nonnull (strstr (mix_template_get_body (i), "{first_name}"));
      g_assert_nonnull (strstr (mix_template_get_body (i), "{company}"));
      g_assert_true (g_str_has_prefix (filled, "Hi Zoë,"));
      g_assert_nonnull (strstr (filled, "Acme Robotics, Inc."));
      g_assert_null (strchr (filled, '{'));

      g_assert_nonnull (strstr (missing, "[company]"));
      g_assert_null (strstr (missing, "{company}"));
      g_assert_null (strstr (missing, "  "));
      g_assert_true (g_str_has_prefix (nobody, "Hi [first_name],"));

      /* Filled templates pass what a template can. */
      mix_checklist_evaluate (filled, NULL, MESSAGE, FALSE, &zoe, &result);
      g_assert_true (result.passed[MIX_CHECK_GREETS_BY_NAME]);
      g_assert_true (result.passed[MIX_CHECK_SPECIFIC]);
      g_assert_true (result.passed[MIX_CHECK_CAREER_CHANGE]);
      g_assert_true (result.passed[MIX_CHECK_NO_GENERIC_OPENER]);
      g_assert_true (result.passed[MIX_CHECK_EASY_TO_READ]);
    }

  /* The connection note fits a LinkedIn note with long typical names. */
  {
    g_autofree char *note = mix_template_fill (mix_template_get_body (0), &typical);
    MixChecklistResult result;

    g_assert_cmpuint (g_utf8_strlen (note, -1), <, 300);
    mix_checklist_evaluate (note, NULL, NOTE, FALSE, &typical, &result);
    g_assert_true (result.passed[MIX_CHECK_FITS_CHANNEL]);
    g_assert_true (result.passed[MIX_CHECK_ONE_ASK]);
  }
}

static void
test_template_fill (void)
{
  static const struct { const char *body; const char *expected; } cases[] = {
    { "{first_name} at {company} as {role}", "Zoë at Acme Robotics, Inc. as Staff Engineer" },
    { "{x} {first_name}{", "{x} Zoë{" },
    { "{{first_name}}", "{Zoë}" },
    { "no placeholders", "no placeholders" },
    { "{}", "{}" },
    { "", "" },
  };
  MixRecipient blank = { " ", "  ", NULL, NULL };
  g_autofree char *blanks = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *filled = mix_template_fill (cases[i].body, &zoe);
      g_assert_cmpstr (filled, ==, cases[i].expected);
    }
  blanks = mix_template_fill ("Hi {first_name} of {company}, {role}.", &blank);
  g_assert_cmpstr (blanks, ==, "Hi [first_name] of [company], [role].");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checklist/samples", test_samples);
  g_test_add_func ("/checklist/sample-sizes", test_sample_sizes);
  g_test_add_func ("/checklist/stats/counts", test_stats_counts);
  g_test_add_func ("/checklist/stats/grade", test_stats_grade);
  g_test_add_func ("/checklist/info", test_info);
  g_test_add_func ("/checklist/score", test_score);
  g_test_add_func ("/checklist/first-name", test_first_name);
  g_test_add_func ("/checklist/specific", test_specific_details);
  g_test_add_func ("/template/templates", test_templates);
  g_test_add_func ("/template/fill", test_template_fill);

  return g_test_run ();
}
