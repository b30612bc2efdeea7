/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mix-bench-data.h"

/* Realistic tracker data for benchmarks: names, companies, roles, notes
 * and dates of the kind students keep, drawn from a fixed seed so every
 * run measures the same rows. */

static const char * const first_names[] = {
  "Ada", "Grace", "Lin", "Priya", "Marcus", "Sofia", "Jordan", "Sam", "Aisha", "Diego",
  "Mei", "Noah", "Zoë", "Omar", "Hannah", "Kwame", "Elena", "Ravi", "Chloé", "Tariq",
};
static const char * const last_names[] = {
  "Lovelace", "Hopper", "Patel", "Lee", "Rivera", "Kim", "Okafor", "García", "Nguyen", "Smith",
  "Müller", "Haddad", "Johnson", "Rossi", "Tanaka", "Ibrahim", "Novak", "Silva", "Brown", "Wójcik",
};
static const char * const companies[] = {
  "Initech", "Hooli", "Globex", "Umbrella", "Pied Piper", "Stark Industries", "Wayne Enterprises",
  "Acme", "Cyberdyne", "Soylent", "Vandelay Industries", "Wonka", "Tyrell", "Aperture",
};
static const char * const roles[] = {
  "Software Engineer", "Backend Developer", "Front-End Developer", "Engineering Manager",
  "Data Analyst", "Recruiter", "Product Manager", "DevOps Engineer", "QA Engineer", "CTO",
};
static const char * const words[] = {
  "talked", "about", "pairing", "code", "review", "junior", "roles", "React", "Rails", "mentor",
  "coffee", "team", "culture", "hiring", "bootcamp", "career", "change", "advice", "open",
  "source", "testing", "remote", "on-call", "portfolio", "follow", "up", "next", "month",
};

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static char *
sentence (GRand *rand,
          guint  n_words)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, PICK (rand, words));
    }
  g_string_append_c (text, '.');
  return g_string_free (text, FALSE);
}

static char *
random_date (GRand *rand)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2025);
  g_date_add_days (&date, (guint) g_rand_int_range (rand, 0, 730));
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

static void
set_random_value (MixRecord       *record,
                  guint            column,
                  const MixColumn *info,
                  GRand           *rand)
{
  g_autofree char *value = NULL;

  switch (info->type)
    {
    case MIX_COLUMN_TEXT:
      if (g_str_equal (info->id, "name"))
        value = g_strdup_printf ("%s %s", PICK (rand, first_names), PICK (rand, last_names));
      else if (g_str_equal (info->id, "company"))
        value = g_strdup (PICK (rand, companies));
      else if (g_str_equal (info->id, "role"))
        value = g_strdup (PICK (rand, roles));
      else
        value = sentence (rand, 3);
      break;
    case MIX_COLUMN_LONG_TEXT:
      value = sentence (rand, (guint) g_rand_int_range (rand, 4, 20));
      break;
    case MIX_COLUMN_BOOLEAN:
      value = g_strdup (g_rand_boolean (rand) ? "yes" : "no");
      break;
    case MIX_COLUMN_CHOICE:
      {
        guint n = 0;

        while (info->choices[n].id != NULL)
          n++;
        value = g_strdup (info->choices[g_rand_int_range (rand, 0, (gint32) n)].id);
      }
      break;
    case MIX_COLUMN_DATE:
      value = random_date (rand);
      break;
    case MIX_COLUMN_URL:
      value = g_strdup_printf ("https://www.linkedin.com/in/person-%u", g_rand_int (rand) % 100000);
      break;
    case MIX_COLUMN_EMAIL:
      value = g_strdup_printf ("person%u@example.com", g_rand_int (rand) % 100000);
      break;
    default:
      g_assert_not_reached ();
    }

  if (!mix_record_set_value (record, column, value, NULL))
    g_error ("generated value “%s” refused for %s", value, info->id);
}

/**
 * mix_bench_fill_tracker:
 *
 * Appends @rows_per_tab generated rows to each tab of @tracker.
 */
void
mix_bench_fill_tracker (MixTracker *tracker,
                        guint       rows_per_tab,
                        guint32     seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  for (guint t = 0; t < MIX_N_TABS; t++)
    {
      const MixTabInfo *info = mix_tab_get_info (t);
      g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint r = 0; r < rows_per_tab; r++)
        {
          MixRecord *record = mix_record_new (t);

          for (guint c = 0; c < info->n_columns; c++)
            set_random_value (record, c, &info->columns[c], rand);
          g_ptr_array_add (records, record);
        }
      mix_tracker_append_rows (tracker, t, records);
    }
}

/**
 * mix_bench_fill_drafts:
 *
 * Appends @n_drafts messages of a few sentences to @drafts, on the three
 * channels, some for a contact of the tracker.
 */
void
mix_bench_fill_drafts (MixDrafts  *drafts,
                       MixTracker *tracker,
                       guint       n_drafts,
                       guint32     seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GListModel *contacts = mix_tracker_get_rows (tracker, MIX_TAB_NEW_CONTACTS);
  guint n_contacts = g_list_model_get_n_items (contacts);

  for (guint i = 0; i < n_drafts; i++)
    {
      g_autoptr(MixDraft) draft = mix_draft_new ();
      g_autofree char *body = NULL;
      g_autofree char *name = NULL;

      if (n_contacts > 0 && g_rand_boolean (rand))
        {
          g_autoptr(MixRecord) contact = g_list_model_get_item (contacts,
                                                                (guint) g_rand_int_range (rand, 0, (gint32) n_contacts));

          mix_draft_set_contact_id (draft, mix_record_get_id (contact));
          name = g_strdup (mix_record_get_value_by_id (contact, "name"));
        }
      else
        name = g_strdup_printf ("%s %s", PICK (rand, first_names), PICK (rand, last_names));
      mix_draft_set_recipient (draft, name);
      mix_draft_set_channel (draft, (MixChannel) g_rand_int_range (rand, 0, 3));
      {
        g_autofree char *first = sentence (rand, 12);
        g_autofree char *second = sentence (rand, 8);

        body = g_strdup_printf ("Hi %s, %s %s Would you have 15 minutes for a call?", name,
                                first, second);
      }
      mix_draft_set_body (draft, body);
      if (g_rand_int_range (rand, 0, 4) == 0)
        {
          g_autofree char *date = random_date (rand);

          mix_draft_mark_sent (draft, date, NULL);
        }
      mix_drafts_add (drafts, draft);
    }
}

/**
 * mix_bench_fill_sessions:
 *
 * Finishes @n_sessions circles of five people each into @log.
 */
void
mix_bench_fill_sessions (MixSessionLog *log,
                         guint          n_sessions,
                         guint32        seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  for (guint i = 0; i < n_sessions; i++)
    {
      g_autoptr(MixSessionRecord) session = mix_session_record_new ();

      for (guint p = 0; p < 5; p++)
        {
          g_autofree char *name = g_strdup_printf ("%s %s", PICK (rand, first_names),
                                                   PICK (rand, last_names));
          MixPerson *person = mix_person_new (name);

          person->confidence = (guint) g_rand_int_range (rand, 1, 6);
          mix_session_record_add_person (session, person, NULL);
          g_boxed_free (MIX_TYPE_PERSON, person);
        }
      for (guint phase = 0; phase < MIX_N_PHASES; phase++)
        {
          g_autofree char *notes = sentence (rand, 15);

          mix_session_record_set_notes (session, (MixPhase) phase, notes);
        }
      mix_session_record_set_goal_text (session, "Send two connection notes this week.");
      mix_session_record_finish (session);
      mix_session_log_add_finished (log, session);
    }
}

/**
 * mix_bench_write_data_dir:
 *
 * Writes a data directory as the app keeps it, with @rows_per_tab rows in
 * each tab of the tracker, @n_drafts drafts and @n_sessions past sessions.
 */
gboolean
mix_bench_write_data_dir_full (const char  *directory,
                               guint        rows_per_tab,
                               guint        n_drafts,
                               guint        n_sessions,
                               GError     **error)
{
  g_autoptr(MixStore) store = mix_store_new (directory);

  mix_store_load (store);
  mix_bench_fill_tracker (mix_store_get_tracker (store), rows_per_tab, 42);
  mix_bench_fill_drafts (mix_store_get_drafts (store), mix_store_get_tracker (store), n_drafts, 43);
  mix_bench_fill_sessions (mix_store_get_session_log (store), n_sessions, 44);
  return mix_store_flush (store, error);
}

gboolean
mix_bench_write_data_dir (const char  *directory,
                          guint        rows_per_tab,
                          GError     **error)
{
  return mix_bench_write_data_dir_full (directory, rows_per_tab, 0, 0, error);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

double
mix_bench_median (GArray *samples)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, samples->len / 2);
}

double
mix_bench_max (GArray *samples)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, samples->len - 1);
}
