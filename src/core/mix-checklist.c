/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mix-checklist.h"

/* How the analysis works
 *
 * The text is casefolded once (g_utf8_casefold), then walked once: every
 * character is decomposed (NFD) with its combining marks dropped, so "Zoë"
 * and "ZOE" both become "zoe"; curly apostrophes become '\''. The walk
 * writes a "word stream": the words of the text separated by single spaces,
 * with a space before the first and after the last (" hi zoe i'm ... ").
 * On the way it counts sentences and questions, which need the punctuation
 * the stream leaves out.
 *
 * Every check then works on the stream: phrases are found with strstr()
 * (glibc's is linear), with spaces marking word boundaries, so matching is
 * insensitive to case, accents and punctuation; a second walk over the
 * stream counts words, syllables and pronouns and looks at the first words
 * for the recipient's name. The cost is linear in the length of the text
 * with a small constant (the phrase lists), and the allocations are the
 * casefolded copy and the stream, plus small ones for the recipient.
 */

static const MixCheckInfo checks[MIX_N_CHECKS] = {
  {
    MIX_CHECK_RESEARCHED, "researched",
    N_("Researched them"),
    N_("Checked when the contact has research notes in the tracker. Tick it yourself if you "
       "looked them up another way."),
    MIX_CHECK_KIND_AUTO_OR_MANUAL,
  },
  {
    MIX_CHECK_GREETS_BY_NAME, "greets-by-name",
    N_("Greets them by name"),
    N_("Looks for their first name in the first dozen words, ignoring case and accents."),
    MIX_CHECK_KIND_AUTO_OR_MANUAL,
  },
  {
    MIX_CHECK_SPECIFIC, "specific",
    N_("Mentions something specific about them"),
    N_("Looks for their company, their role, or a distinctive word from your research notes."),
    MIX_CHECK_KIND_AUTO_OR_MANUAL,
  },
  {
    MIX_CHECK_WHY_THEM, "why-them",
    N_("Says why you are reaching out to them in particular"),
    N_("Only you can tell: does the message say why this person, and not just anyone?"),
    MIX_CHECK_KIND_MANUAL,
  },
  {
    MIX_CHECK_CAREER_CHANGE, "career-change",
    N_("Shares that you are changing careers"),
    N_("Looks for words such as “changing careers”, “career change”, “switching to "
       "software”, “bootcamp”, “Turing” or “learning to code”."),
    MIX_CHECK_KIND_AUTO_OR_MANUAL,
  },
  {
    MIX_CHECK_ONE_ASK, "one-ask",
    N_("Makes one small, clear ask"),
    N_("Looks for one to three questions, or an ask such as a chat, a call, a coffee or "
       "15 minutes of their time, and no more than three questions."),
    MIX_CHECK_KIND_AUTO_OR_MANUAL,
  },
  {
    MIX_CHECK_FITS_CHANNEL, "fits-channel",
    N_("Fits the channel"),
    N_("A LinkedIn connection note fits in 300 characters (200 with a free account), a "
       "LinkedIn message in 8,000; an email is best at 50 to 125 words."),
    MIX_CHECK_KIND_AUTO,
  },
  {
    MIX_CHECK_NO_GENERIC_OPENER, "no-generic-opener",
    N_("Avoids generic openers"),
    N_("Looks for stock phrases such as “I hope this finds you well”, “To whom it may "
       "concern” or “I came across your profile”."),
    MIX_CHECK_KIND_AUTO_OR_MANUAL,
  },
  {
    MIX_CHECK_ABOUT_THEM, "about-them",
    N_("Talks more about them than about you"),
    N_("Counts “you” and “your” against “I”, “me” and “my”: them should win or tie."),
    MIX_CHECK_KIND_AUTO_OR_MANUAL,
  },
  {
    MIX_CHECK_EASY_TO_READ, "easy-to-read",
    N_("Easy to read"),
    N_("A Flesch–Kincaid reading grade of 8 or below: short sentences and short words."),
    MIX_CHECK_KIND_AUTO,
  },
  {
    MIX_CHECK_PROOFREAD, "proofread",
    N_("Proofread"),
    N_("Read it once more, aloud if you can: names spelled right, no typos, nothing missing."),
    MIX_CHECK_KIND_MANUAL,
  },
};

/* Phrases, as they appear in the word stream: lowercase, unaccented, words
 * separated by single spaces, straight apostrophes. A leading space means
 * "at the start of a word", a trailing space "at the end of a word"; without
 * one the phrase may continue ("bootcamp" also finds "bootcamps"). */

/* Rule 5: says they are changing careers. */
static const char * const career_phrases[] = {
  " changing career", " career change", " career changer", " career switch",
  " switching career", " switching to software", " switching into software",
  " switching to tech", " switching into tech", " transition into tech",
  " transitioning into tech", " transition to tech", " transitioning to tech",
  " transition into software", " transitioning into software",
  " transition to software", " transitioning to software", " pivoting into",
  " pivot into", " new career", " bootcamp", " boot camp", " turing ", " turing's ",
  " learning to code", " learn to code", " learning to program", " new to tech",
  /* Spanish, for messages written in it */
  " cambiando de carrera", " cambio de carrera", " cambiar de carrera", " cambio de profesion",
  " cambiando de profesion", " reconversion", " reconvirtiendome", " nueva carrera",
  " aprendiendo a programar", " aprender a programar", " pasarme al software",
  " pasandome al software", " pasarme a la tecnologia",
  NULL
};

/* Rule 6: an ask without a question mark. */
static const char * const ask_phrases[] = {
  " chat ", " call ", " coffee", " 15 minutes", " 15 minute", " 15 min ", " 20 minutes",
  " 20 minute", " 30 minutes", " fifteen minutes", " twenty minutes", " connect",
  " would you be open", " would you be willing", " would you mind", " meet ",
  " video call", " phone call", " zoom ",
  /* Spanish */
  " cafe", " charla", " charlar", " llamada", " videollamada", " 15 minutos", " 20 minutos",
  " 30 minutos", " quince minutos", " veinte minutos", " estarias dispuest", " te importaria",
  " le importaria", " podriamos", " reunirnos", " conectar",
  NULL
};

/* Rule 8: generic openers, anywhere in the text. */
static const char * const generic_phrases[] = {
  " hope this finds you", " hope this message finds you", " hope this email finds you",
  " hope this note finds you", " hope this letter finds you", " hope you are doing well",
  " hope you're doing well", " hope you are well", " hope you're well",
  " hope all is well", " to whom it may concern", " dear sir or madam", " dear sir madam",
  " dear madam or sir", " dear sir ", " dear madam ", " dear hiring manager",
  " i came across your profile", " i stumbled upon your profile",
  " i came across your linkedin", " i wanted to reach out", " i am reaching out",
  " i'm reaching out", " i am writing to", " i'm writing to", " i would like to add you",
  " i'd like to add you", " i'd like to join your network", " i would like to join your",
  NULL
};

/* Rule 3: words too common to be "distinctive" in research notes, sorted
 * for bsearch(); only words of five or more letters matter. */
static const char * const stop_words[] = {
  "about", "after", "again", "against", "also", "always", "among", "another",
  "around", "based", "because", "before", "being", "below", "between", "career",
  "company", "computer", "could", "currently", "developer", "developers", "development",
  "doing", "during", "email", "engineer", "engineering", "engineers", "every",
  "first", "former", "formerly", "further", "going", "great", "having", "interested",
  "junior", "later", "linkedin", "lives", "looking", "loves", "manager", "might",
  "never", "other", "people", "posted", "previously", "profile", "really", "recently",
  "right", "senior", "shared", "should", "since", "software", "something", "started",
  "still", "their", "there", "these", "thing", "things", "think", "those", "three",
  "through", "under", "until", "using", "where", "which", "while", "worked", "works",
  "working", "would", "write", "years",
};

/* Rule 2: titles skipped before a first name. */
static const char * const honorifics[] = {
  "dr", "mr", "mrs", "ms", "mx", "miss", "prof", "sir", NULL
};

/* Rule 7 (companies): words that may trail a company's name and that the
 * text may well leave out. */
static const char * const company_suffixes[] = {
  "inc", "llc", "ltd", "limited", "corp", "corporation", "co", "company", "gmbh", "plc",
  NULL
};

const MixCheckInfo *
mix_check_get_info (MixCheck check)
{
  g_return_val_if_fail (check < MIX_N_CHECKS, NULL);

  return &checks[check];
}

gboolean
mix_check_from_id (const char *id,
                   MixCheck   *check)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < MIX_N_CHECKS; i++)
    {
      if (g_str_equal (checks[i].id, id))
        {
          if (check != NULL)
            *check = (MixCheck) i;
          return TRUE;
        }
    }
  return FALSE;
}

guint
mix_channel_get_limit (MixChannel channel,
                       gboolean   free_account)
{
  switch (channel)
    {
    case MIX_CHANNEL_LINKEDIN_NOTE:
      return free_account ? MIX_CHANNEL_NOTE_LIMIT_FREE : MIX_CHANNEL_NOTE_LIMIT;
    case MIX_CHANNEL_LINKEDIN_MESSAGE:
      return MIX_CHANNEL_MESSAGE_LIMIT;
    case MIX_CHANNEL_EMAIL:
    default:
      return 0;
    }
}

/* Folding --------------------------------------------------------------- */

typedef struct
{
  GString  *out;
  gboolean  in_word;
  /* Sentences and questions; only for the body. */
  guint     sentences;
  guint     questions;
  guint     words_in_sentence;  /* words since the last counted sentence end */
  gboolean  pending;            /* a terminator was seen after a word */
  gboolean  pending_dot_glued;  /* … it was a '.' right after a letter or digit */
  gboolean  prev_was_dot;       /* the previous character was that '.' */
  gunichar  prev;
} Fold;

static inline void
fold_end_word (Fold *f)
{
  if (!f->in_word)
    return;
  /* A word does not end in apostrophes (closing quotes, "the students'"). */
  while (f->out->str[f->out->len - 1] == '\'')
    g_string_truncate (f->out, f->out->len - 1);
  if (f->out->str[f->out->len - 1] == ' ')
    g_string_truncate (f->out, f->out->len - 1);  /* apostrophes only: no word */
  else
    f->words_in_sentence++;
  f->in_word = FALSE;
}

static inline void
fold_char (Fold     *f,
           gunichar  c)
{
  gboolean word_char;

  if (c < 0x80)
    word_char = g_ascii_isalnum (c) || c == '\'';
  else
    word_char = g_unichar_isalnum (c);

  if (word_char)
    {
      if (!f->in_word)
        {
          if (c == '\'')
            goto done;  /* a word does not start with an apostrophe */
          if (f->pending)
            {
              /* "3.5", "e.g", "turing.edu": a dot glued to the next word does
               * not end a sentence. ! and ? always do. */
              if (!(f->pending_dot_glued && f->prev_was_dot))
                {
                  f->sentences++;
                  f->words_in_sentence = 0;
                }
              f->pending = FALSE;
            }
          g_string_append_c (f->out, ' ');
          f->in_word = TRUE;
        }
      if (c < 0x80)
        g_string_append_c (f->out, (char) c);
      else
        g_string_append_unichar (f->out, c);
      f->prev_was_dot = FALSE;
    }
  else
    {
      gboolean glued = f->in_word;

      fold_end_word (f);
      f->prev_was_dot = FALSE;
      if (c == '.' || c == '!' || c == '?')
        {
          if (f->words_in_sentence > 0 && !f->pending)
            {
              f->pending = TRUE;
              f->pending_dot_glued = (c == '.' && glued);
            }
          else if (f->pending && c != '.')
            f->pending_dot_glued = FALSE;  /* "?." or ".!" ends it for sure */
          f->prev_was_dot = (c == '.');
          if (c == '?' && f->prev != '?')
            f->questions++;
        }
    }

done:
  f->prev = c;
}

/* Appends the words of @text to @f->out as described at the top: each
 * word preceded by a space. Casefolds @text once. */
static void
fold_text (Fold       *f,
           const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  for (const char *p = folded; *p != '\0';)
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          fold_char (f, (gunichar) *p++);
          continue;
        }

      c = g_utf8_get_char (p);
      p = g_utf8_next_char (p);
      if (c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0xFF07)
        fold_char (f, '\'');
      else
        {
          gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
          gsize n = g_unichar_fully_decompose (c, FALSE, decomposed,
                                               G_N_ELEMENTS (decomposed));

          for (gsize i = 0; i < n; i++)
            if (!g_unichar_ismark (decomposed[i]))
              fold_char (f, decomposed[i]);
        }
    }
  fold_end_word (f);
  if (f->words_in_sentence > 0)
    {
      /* The last run counts, whether or not it was terminated. */
      f->sentences++;
      f->words_in_sentence = 0;
    }
  f->pending = FALSE;
}

/* The word stream of a short string (a name, a company), without the
 * leading space, or NULL when it has no words. */
static char *
fold_words (const char *text)
{
  Fold f = { 0, };
  g_autofree char *valid = NULL;

  if (text == NULL)
    return NULL;
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  f.out = g_string_sized_new (strlen (text) + 8);
  fold_text (&f, text);
  if (f.out->len == 0)
    {
      g_string_free (f.out, TRUE);
      return NULL;
    }
  g_string_erase (f.out, 0, 1);
  return g_string_free (f.out, FALSE);
}

static gboolean
in_list (const char         *word,
         gsize               len,
         const char * const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (strlen (list[i]) == len && memcmp (list[i], word, len) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_phrase (const char         *stream,
            const char * const *phrases)
{
  for (guint i = 0; phrases[i] != NULL; i++)
    if (strstr (stream, phrases[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* Whether @needle (a word stream without its leading space) occurs in
 * @stream starting at a word. */
static gboolean
has_words (const char *stream,
           const char *needle)
{
  for (const char *p = stream; (p = strstr (p, needle)) != NULL; p++)
    if (p == stream || p[-1] == ' ')
      return TRUE;
  return FALSE;
}

/* Whether the single word @word is one of the words of @stream. */
static gboolean
has_whole_word (const char *stream,
                const char *word)
{
  gsize len = strlen (word);

  for (const char *p = stream; (p = strstr (p, word)) != NULL; p++)
    if ((p == stream || p[-1] == ' ') && (p[len] == ' ' || p[len] == '\0'))
      return TRUE;
  return FALSE;
}

/* Words --------------------------------------------------------------- */

static inline gboolean
is_vowel (char c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/* Syllables: groups of vowels (accents are already gone), less a silent
 * final 'e' ("code", but not "free" or "table"), at least one. */
static guint
count_syllables (const char *w,
                 gsize       len)
{
  guint n = 0;
  gboolean prev_vowel = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      gboolean v = is_vowel (w[i]);
      if (v && !prev_vowel)
        n++;
      prev_vowel = v;
    }
  if (len >= 3 && w[len - 1] == 'e' && !is_vowel (w[len - 2]) && w[len - 2] != '\'' &&
      !(w[len - 2] == 'l' && !is_vowel (w[len - 3])) && n > 1)
    n--;
  else if (len >= 4 && w[len - 2] == '\'' && w[len - 1] == 'e' && n > 1)
    n--;  /* "you're", "we're" */
  return MAX (n, 1);
}

typedef enum { PRONOUN_NONE, PRONOUN_YOU, PRONOUN_ME } Pronoun;

/* Rule 9: whole words, apostrophes included ("I’m" was folded to "i'm"). */
static Pronoun
pronoun (const char *w,
         gsize       len)
{
  /* English, then Spanish (unaccented: "tú" is "tu", "mí" is "mi"). */
  static const char * const you[] = {
    "you", "your", "yours", "yourself", "yourselves", "you're", "you've", "you'll",
    "you'd", "tu", "tus", "te", "ti", "contigo", "usted", "ustedes", NULL
  };
  static const char * const me[] = {
    "i", "me", "my", "mine", "myself", "i'm", "i've", "i'll", "i'd",
    "yo", "mi", "mis", "conmigo", NULL
  };

  if (len > 10)
    return PRONOUN_NONE;
  if (in_list (w, len, you))
    return PRONOUN_YOU;
  if (in_list (w, len, me))
    return PRONOUN_ME;
  return PRONOUN_NONE;
}

static int
compare_stop_word (const void *key,
                   const void *member)
{
  return strcmp (key, *(const char * const *) member);
}

static guint
count_letters (const char *w)
{
  guint n = 0;

  for (const char *p = w; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      n++;
  return n;
}

/* Rule 3's word key: a trailing 's' dropped so "podcasts" finds "podcast".
 * Works in place on a NUL-terminated word. */
static void
word_key (char *w)
{
  gsize len = strlen (w);

  if (len > 5 && w[len - 1] == 's' && w[len - 2] != 's')
    w[len - 1] = '\0';
}

/* The distinctive words of the research notes: five letters or more, not
 * a stop word, not the recipient's name. Keys point into @notes_words. */
static GHashTable *
distinctive_words (char       *notes_words,
                   const char *name_words)
{
  GHashTable *set = NULL;
  char *p = notes_words;

  while (p != NULL && *p != '\0')
    {
      char *end = strchr (p, ' ');
      if (end != NULL)
        *end = '\0';
      if (count_letters (p) >= 5 &&
          bsearch (p, stop_words, G_N_ELEMENTS (stop_words), sizeof (char *),
                   compare_stop_word) == NULL &&
          !(name_words != NULL && has_whole_word (name_words, p)))
        {
          word_key (p);
          if (set == NULL)
            set = g_hash_table_new (g_str_hash, g_str_equal);
          g_hash_table_add (set, p);
        }
      p = end != NULL ? end + 1 : NULL;
    }
  return set;
}

static gboolean
stream_has_distinctive (const char *stream,
                        GHashTable *set)
{
  const char *p = stream;

  while (*p != '\0')
    {
      const char *w, *end;
      char buf[64];
      gsize len;

      while (*p == ' ')
        p++;
      if (*p == '\0')
        break;
      w = p;
      end = strchr (w, ' ');
      if (end == NULL)
        end = w + strlen (w);
      len = (gsize) (end - w);
      p = end;
      if (len < 5 || len >= sizeof buf)
        continue;
      memcpy (buf, w, len);
      buf[len] = '\0';
      word_key (buf);
      if (g_hash_table_contains (set, buf))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s != '\0'; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return FALSE;
  return TRUE;
}

char *
mix_recipient_dup_first_name (const MixRecipient *recipient)
{
  g_auto(GStrv) tokens = NULL;

  if (recipient == NULL || is_blank (recipient->name))
    return NULL;

  tokens = g_strsplit_set (recipient->name, " \t\n\r", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      g_autofree char *folded = fold_words (tokens[i]);

      if (folded == NULL)
        continue;
      /* Skip "Dr." but not a name that merely looks like one when it is all
       * there is. */
      if (in_list (folded, strlen (folded), honorifics) && tokens[i + 1] != NULL &&
          !is_blank (tokens[i + 1]))
        continue;
      return g_strdup (tokens[i]);
    }
  return NULL;
}

/* The company's words without a trailing "Inc." or "LLC". */
static void
strip_company_suffix (char *company)
{
  char *space;

  while ((space = strrchr (company, ' ')) != NULL &&
         in_list (space + 1, strlen (space + 1), company_suffixes))
    *space = '\0';
}

/* Stats ---------------------------------------------------------------- */

typedef struct
{
  guint words;
  guint syllables;
  guint you;
  guint me;
  gboolean name_found;
} WordStats;

static void
walk_words (const char *stream,
            const char *first_name,
            WordStats  *ws)
{
  const char *p = stream;
  gsize name_len = first_name != NULL ? strlen (first_name) : 0;

  memset (ws, 0, sizeof *ws);
  while (*p != '\0')
    {
      const char *w;
      gsize len;

      while (*p == ' ')
        p++;
      if (*p == '\0')
        break;
      w = p;
      while (*p != ' ' && *p != '\0')
        p++;
      len = (gsize) (p - w);

      /* Rule 2: the first name among the first dozen words. */
      if (name_len > 0 && ws->words < 12 && len >= name_len &&
          memcmp (w, first_name, name_len) == 0 &&
          (len == name_len || w[name_len] == '\''))
        ws->name_found = TRUE;

      ws->words++;
      ws->syllables += count_syllables (w, len);
      switch (pronoun (w, len))
        {
        case PRONOUN_YOU:
          ws->you++;
          break;
        case PRONOUN_ME:
          ws->me++;
          break;
        case PRONOUN_NONE:
        default:
          break;
        }
    }
}

/* Flesch–Kincaid grade = 0.39 × words/sentences + 11.8 × syllables/words − 15.59,
 * never below 0; 0 for no words. */
static double
fk_grade (guint words,
          guint sentences,
          guint syllables)
{
  double grade;

  if (words == 0)
    return 0.0;
  grade = 0.39 * ((double) words / MAX (sentences, 1)) +
          11.8 * ((double) syllables / words) - 15.59;
  return MAX (grade, 0.0);
}

/* Analyses @text into @f (whose stream it allocates) and @ws. */
static void
analyse (const char  *text,
         const char  *first_name,
         Fold        *f,
         WordStats   *ws,
         guint       *characters)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  memset (f, 0, sizeof *f);
  f->out = g_string_sized_new (strlen (text) + 16);
  fold_text (f, text);
  g_string_append_c (f->out, ' ');
  walk_words (f->out->str, first_name, ws);
  *characters = (guint) g_utf8_strlen (text, -1);
}

static void
fill_stats (MixTextStats    *stats,
            const Fold      *f,
            const WordStats *ws,
            guint            characters,
            MixChannel       channel,
            gboolean         free_account)
{
  stats->characters = characters;
  stats->words = ws->words;
  stats->sentences = f->sentences;
  stats->questions = f->questions;
  stats->grade = fk_grade (ws->words, f->sentences, ws->syllables);
  stats->limit = mix_channel_get_limit (channel, free_account);
}

void
mix_text_stats_compute (const char   *text,
                        MixChannel    channel,
                        gboolean      free_account,
                        MixTextStats *stats)
{
  Fold f;
  WordStats ws;
  guint characters;

  g_return_if_fail (stats != NULL);

  analyse (text, NULL, &f, &ws, &characters);
  fill_stats (stats, &f, &ws, characters, channel, free_account);
  g_string_free (f.out, TRUE);
}

void
mix_checklist_evaluate (const char         *text,
                        const char         *subject,
                        MixChannel          channel,
                        gboolean            free_account,
                        const MixRecipient *recipient,
                        MixChecklistResult *result)
{
  g_autofree char *first_name = NULL;
  g_autofree char *first_name_folded = NULL;
  g_autofree char *name_words = NULL;
  g_autofree char *company = NULL;
  g_autofree char *role = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *subject_words = NULL;
  g_autoptr(GHashTable) distinctive = NULL;
  const MixTextStats *stats;
  const char *stream;
  Fold f;
  WordStats ws;
  guint characters;
  gboolean empty;

  g_return_if_fail (result != NULL);

  memset (result, 0, sizeof *result);

  first_name = mix_recipient_dup_first_name (recipient);
  if (first_name != NULL)
    {
      first_name_folded = fold_words (first_name);
      /* "Mary-Jane" folds to "mary jane": the greeting needs the first part. */
      if (first_name_folded != NULL && strchr (first_name_folded, ' ') != NULL)
        *strchr (first_name_folded, ' ') = '\0';
    }

  analyse (text, first_name_folded, &f, &ws, &characters);
  fill_stats (&result->stats, &f, &ws, characters, channel, free_account);
  stats = &result->stats;
  stream = f.out->str;
  empty = stats->words == 0;

  if (recipient != NULL)
    {
      name_words = fold_words (recipient->name);
      company = fold_words (recipient->company);
      role = fold_words (recipient->role);
      notes = fold_words (recipient->research_notes);
    }
  if (company != NULL)
    strip_company_suffix (company);
  if (notes != NULL)
    distinctive = distinctive_words (notes, name_words);
  if (subject != NULL && channel == MIX_CHANNEL_EMAIL)
    {
      subject_words = fold_words (subject);
      if (subject_words != NULL)
        {
          char *s = g_strconcat (" ", subject_words, " ", NULL);
          g_free (subject_words);
          subject_words = s;
        }
    }

  /* 1. Researched: the recipient has research notes that are not blank. */
  result->decided[MIX_CHECK_RESEARCHED] = TRUE;
  result->passed[MIX_CHECK_RESEARCHED] = recipient != NULL &&
                                         !is_blank (recipient->research_notes);

  /* 2. Greets by name: the first word of their name (skipping a title)
   * among the first 12 words, casefolded and without accents. Undecided
   * when the name is unknown. */
  result->decided[MIX_CHECK_GREETS_BY_NAME] = first_name_folded != NULL;
  result->passed[MIX_CHECK_GREETS_BY_NAME] = first_name_folded != NULL && ws.name_found;

  /* 3. Specific: the company (less "Inc."), the role, or a distinctive word
   * of the research notes (≥ 5 letters, not a stop word) in the text or the
   * email subject, at the start of a word, ignoring case and accents.
   * Undecided when none of those is known. */
  result->decided[MIX_CHECK_SPECIFIC] = company != NULL || role != NULL || distinctive != NULL;
  result->passed[MIX_CHECK_SPECIFIC] =
    (company != NULL && (has_words (stream, company) ||
                         (subject_words != NULL && has_words (subject_words, company)))) ||
    (role != NULL && (has_words (stream, role) ||
                      (subject_words != NULL && has_words (subject_words, role)))) ||
    (distinctive != NULL && (stream_has_distinctive (stream, distinctive) ||
                             (subject_words != NULL &&
                              stream_has_distinctive (subject_words, distinctive))));

  /* 4. Why them: manual. */

  /* 5. Career change: one of career_phrases in the text or subject. */
  result->decided[MIX_CHECK_CAREER_CHANGE] = TRUE;
  result->passed[MIX_CHECK_CAREER_CHANGE] =
    has_phrase (stream, career_phrases) ||
    (subject_words != NULL && has_phrase (subject_words, career_phrases));

  /* 6. One ask: at most three questions, and at least one question or one
   * of ask_phrases ("chat", "call", "coffee", "15 minutes", …). */
  result->decided[MIX_CHECK_ONE_ASK] = TRUE;
  result->passed[MIX_CHECK_ONE_ASK] = stats->questions <= 3 &&
                                      (stats->questions >= 1 ||
                                       has_phrase (stream, ask_phrases));

  /* 7. Fits the channel: not empty, and within the character limit for
   * LinkedIn, 50–125 words for email. */
  result->decided[MIX_CHECK_FITS_CHANNEL] = TRUE;
  if (stats->limit > 0)
    result->passed[MIX_CHECK_FITS_CHANNEL] = !empty && stats->characters <= stats->limit;
  else
    result->passed[MIX_CHECK_FITS_CHANNEL] = stats->words >= MIX_CHANNEL_EMAIL_MIN_WORDS &&
                                             stats->words <= MIX_CHANNEL_EMAIL_MAX_WORDS;

  /* 8. No generic opener: none of generic_phrases, ignoring case, accents,
   * punctuation and the kind of apostrophe. An empty text has no opener
   * but is not a pass either. */
  result->decided[MIX_CHECK_NO_GENERIC_OPENER] = TRUE;
  result->passed[MIX_CHECK_NO_GENERIC_OPENER] = !empty &&
                                                !has_phrase (stream, generic_phrases);

  /* 9. About them: you/your/yours (and you're, …) at least as often as
   * I/me/my/mine (and I'm, I've, …), as whole words. */
  result->decided[MIX_CHECK_ABOUT_THEM] = TRUE;
  result->passed[MIX_CHECK_ABOUT_THEM] = !empty && ws.you >= ws.me;

  /* 10. Easy to read: a Flesch–Kincaid grade of 8 or below; not for an
   * empty text. */
  result->decided[MIX_CHECK_EASY_TO_READ] = TRUE;
  result->passed[MIX_CHECK_EASY_TO_READ] = !empty && stats->grade <= MIX_CHECKLIST_MAX_GRADE;

  /* 11. Proofread: manual. */

  g_string_free (f.out, TRUE);
}

/* Whether an item counts as checked: a manual item when the user said so;
 * an automatic one when it passed; one with a manual override when it
 * passed or the user ticked it. */
gboolean
mix_checklist_item_checked (const MixChecklistResult *result,
                            const gboolean            manual_answers[MIX_N_CHECKS],
                            MixCheck                  check)
{
  gboolean answered;

  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (check < MIX_N_CHECKS, FALSE);

  answered = manual_answers != NULL && manual_answers[check];
  switch (checks[check].kind)
    {
    case MIX_CHECK_KIND_MANUAL:
      return answered;
    case MIX_CHECK_KIND_AUTO:
      return result->decided[check] && result->passed[check];
    case MIX_CHECK_KIND_AUTO_OR_MANUAL:
    default:
      return (result->decided[check] && result->passed[check]) || answered;
    }
}

guint
mix_checklist_score (const MixChecklistResult *result,
                     const gboolean            manual_answers[MIX_N_CHECKS],
                     guint                    *total)
{
  guint score = 0;

  g_return_val_if_fail (result != NULL, 0);

  for (guint i = 0; i < MIX_N_CHECKS; i++)
    if (mix_checklist_item_checked (result, manual_answers, (MixCheck) i))
      score++;
  if (total != NULL)
    *total = MIX_N_CHECKS;
  return score;
}
