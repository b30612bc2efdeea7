/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mix-circle.h"
#include "mix-guide.h"
#include "mix-schema.h"

/**
 * SECTION:mix-circle
 *
 * The rules of a circle that the Session page shows: what a goal's
 * progress is, how the group is described, and who of the group is new to
 * the user's Existing Network.
 */

struct _MixCircleProgress
{
  GPtrArray *reached;  /* char *, sorted */
  GPtrArray *talks;    /* char *, sorted */
};

static int
compare_dates (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * mix_circle_progress_new:
 * @tracker: the tracker the dates are read from, now
 *
 * Returns: (transfer full): the dates, to count from with
 *   mix_circle_progress_count()
 */
MixCircleProgress *
mix_circle_progress_new (MixTracker *tracker)
{
  MixCircleProgress *progress;
  GListModel *contacts;
  GListModel *log;
  guint status_column, contacted_column, date_column;
  guint n;

  g_return_val_if_fail (MIX_IS_TRACKER (tracker), NULL);

  contacts = mix_tracker_get_rows (tracker, MIX_TAB_NEW_CONTACTS);
  log = mix_tracker_get_rows (tracker, MIX_TAB_NETWORKING_LOG);
  status_column = (guint) mix_tab_find_column (MIX_TAB_NEW_CONTACTS, "status");
  contacted_column = (guint) mix_tab_find_column (MIX_TAB_NEW_CONTACTS, "contacted_on");
  date_column = (guint) mix_tab_find_column (MIX_TAB_NETWORKING_LOG, "date");

  progress = g_new0 (MixCircleProgress, 1);
  progress->reached = g_ptr_array_new_with_free_func (g_free);
  n = g_list_model_get_n_items (contacts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MixRecord) row = g_list_model_get_item (contacts, i);
      const char *status = mix_record_get_value (row, status_column);
      const char *on = mix_record_get_value (row, contacted_column);

      if (status != NULL && !g_str_equal (status, "not-contacted") && on != NULL)
        g_ptr_array_add (progress->reached, g_strdup (on));
    }
  progress->talks = g_ptr_array_new_with_free_func (g_free);
  n = g_list_model_get_n_items (log);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MixRecord) row = g_list_model_get_item (log, i);
      const char *date = mix_record_get_value (row, date_column);

      if (date != NULL)
        g_ptr_array_add (progress->talks, g_strdup (date));
    }
  g_ptr_array_sort (progress->reached, compare_dates);
  g_ptr_array_sort (progress->talks, compare_dates);
  return progress;
}

void
mix_circle_progress_free (MixCircleProgress *progress)
{
  if (progress == NULL)
    return;
  g_ptr_array_unref (progress->reached);
  g_ptr_array_unref (progress->talks);
  g_free (progress);
}

/* How many of the sorted @dates are on or after @since. */
static guint
count_since (GPtrArray  *dates,
             const char *since)
{
  guint low = 0, high = dates->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (strcmp (dates->pdata[mid], since) < 0)
        low = mid + 1;
      else
        high = mid;
    }
  return dates->len - low;
}

/**
 * mix_circle_progress_count:
 * @since: a day, as `YYYY-MM-DD`
 * @reached: (out): the New Contacts reached on @since or later
 * @talks: (out): the conversations logged on @since or later
 */
void
mix_circle_progress_count (const MixCircleProgress *progress,
                           const char              *since,
                           guint                   *reached,
                           guint                   *talks)
{
  g_return_if_fail (progress != NULL);
  g_return_if_fail (since != NULL);
  g_return_if_fail (reached != NULL && talks != NULL);

  *reached = count_since (progress->reached, since);
  *talks = count_since (progress->talks, since);
}

/**
 * mix_circle_local_date:
 * @iso: (nullable): a time as ISO 8601
 *
 * Returns: the local day of @iso as `YYYY-MM-DD`, or @iso itself if it is
 *   not a time, or the empty string for %NULL
 */
char *
mix_circle_local_date (const char *iso)
{
  g_autoptr(GDateTime) utc = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  return local ? g_date_time_format (local, "%Y-%m-%d") : g_strdup (iso ? iso : "");
}

/**
 * mix_circle_goal_progress:
 *
 * Returns: what has been done since @goal was set, counted from the
 *   tracker, as a sentence
 */
char *
mix_circle_goal_progress (const MixCircleProgress *progress,
                          const MixGoal           *goal)
{
  g_autofree char *since = NULL;
  g_autofree char *reached_text = NULL;
  g_autofree char *talks_text = NULL;
  guint reached, talks;

  g_return_val_if_fail (progress != NULL, NULL);
  g_return_val_if_fail (goal != NULL, NULL);

  since = mix_circle_local_date (goal->created);
  mix_circle_progress_count (progress, since, &reached, &talks);
  reached_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u new contact reached",
                                               "%u new contacts reached", reached),
                                  reached);
  talks_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u conversation logged",
                                             "%u conversations logged", talks),
                                talks);

  /* Translators: progress on a networking goal, counted from the tracker:
   * "Since 2026-11-28: 2 new contacts reached, 1 conversation logged" */
  return g_strdup_printf (_("Since %s: %s, %s"), since, reached_text, talks_text);
}

/* Markdown's own characters in free text are shown as they are typed. */
static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *c = text; *c != '\0'; c++)
    {
      if (strchr ("\\`*_[]<>#|", *c) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *c);
    }
}

/* Free text of several lines as one Markdown paragraph each. */
static void
append_paragraphs (GString    *out,
                   const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      append_escaped (out, lines[i]);
      /* A line break that Markdown keeps: two spaces. */
      g_string_append (out, lines[i + 1] != NULL ? "  \n" : "\n");
    }
}

/**
 * mix_circle_summary:
 * @timer: (nullable): the circle's timer, for each person's airtime
 *
 * The circle, for the group's chat: its date and topic, the leader
 * questions picked, who came (pronouns, program, cohort, who led, how long
 * each spoke in Introductions), each person's goal with its date and buddy
 * (and the group's one goal from an earlier version), and the notes of
 * each phase. Plain text that reads as Markdown; what people
 * typed is escaped, so that it shows as typed. Translated.
 *
 * Returns: (transfer full): the summary
 */
char *
mix_circle_summary (MixSessionRecord *record,
                    MixTimer         *timer)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *date = NULL;
  const MixTopic *topic;
  const char * const *questions = mix_guide_get_leader_questions ();
  guint n, n_goals, picked = 0;
  const char *goal, *due, *buddy;
  gboolean notes = FALSE;

  g_return_val_if_fail (MIX_IS_SESSION_RECORD (record), NULL);
  g_return_val_if_fail (timer == NULL || MIX_IS_TIMER (timer), NULL);

  date = mix_circle_local_date (mix_session_record_get_started (record));
  if (*date != '\0')
    /* Translators: the summary's title; %s is the circle's date, YYYY-MM-DD. */
    g_string_append_printf (out, _("# Mix It Up circle, %s"), date);
  else
    g_string_append (out, _("# Mix It Up circle"));
  g_string_append (out, "\n\n");

  topic = mix_guide_find_topic (mix_session_record_get_topic (record));
  if (topic != NULL)
    /* Translators: %s is the topic the group chose. */
    g_string_append_printf (out, _("**Topic:** %s\n\n"), _(topic->title));

  for (guint i = 0; questions[i] != NULL; i++)
    if (mix_session_record_get_leader_question (record, i))
      {
        if (picked++ == 0)
          g_string_append_printf (out, "%s\n", _("**The lead answered:**"));
        g_string_append_printf (out, "- %s\n", _(questions[i]));
      }
  if (picked > 0)
    g_string_append_c (out, '\n');

  n = mix_session_record_get_n_people (record);
  /* Translators: a heading of the summary, with how many came. */
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "## Who came (%u)\n",
                                            "## Who came (%u)\n", n), n);
  if (n == 0)
    g_string_append_printf (out, "%s\n", _("No one was added to the roster."));
  for (guint i = 0; i < n; i++)
    {
      const MixPerson *person = mix_session_record_get_person (record, i);
      gint64 airtime = timer != NULL ? mix_timer_get_airtime (timer, person->name) : 0;
      g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);

      g_string_append (out, "- ");
      append_escaped (out, person->name);
      if (person->pronouns != NULL && *person->pronouns != '\0')
        g_ptr_array_add (details, g_strdup (person->pronouns));
      if (g_strcmp0 (person->program, MIX_PROGRAM_FRONT_END) == 0)
        g_ptr_array_add (details, g_strdup (_("Front-End")));
      else if (g_strcmp0 (person->program, MIX_PROGRAM_BACK_END) == 0)
        g_ptr_array_add (details, g_strdup (_("Back-End")));
      else if (person->program != NULL && *person->program != '\0')
        g_ptr_array_add (details, g_strdup (person->program));
      if (person->cohort != NULL && *person->cohort != '\0')
        /* Translators: %s is a cohort, such as 2507. */
        g_ptr_array_add (details, g_strdup_printf (_("cohort %s"), person->cohort));
      if (person->leader)
        g_ptr_array_add (details, g_strdup (_("led the group")));
      if (airtime >= G_USEC_PER_SEC)
        {
          g_autofree char *spoken = mix_circle_format_duration (airtime);

          /* Translators: %s is how long the person spoke in Introductions, such as 0:40. */
          g_ptr_array_add (details, g_strdup_printf (_("spoke %s"), spoken));
        }
      for (guint j = 0; j < details->len; j++)
        {
          g_string_append (out, j == 0 ? " (" : ", ");
          append_escaped (out, details->pdata[j]);
        }
      g_string_append (out, details->len > 0 ? ")\n" : "\n");
    }
  g_string_append_c (out, '\n');

  n_goals = mix_session_record_count_goals (record);
  if (n_goals > 0)
    /* Translators: a heading of the summary, with how many set a goal. */
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "## Goals (%u)\n",
                                              "## Goals (%u)\n", n_goals), n_goals);
  for (guint i = 0; i < n; i++)
    {
      const MixPerson *person = mix_session_record_get_person (record, i);
      g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *what = NULL;

      if (!mix_person_has_goal (person))
        continue;
      what = g_strstrip (g_strdup (person->goal));
      g_string_append (out, "- **");
      append_escaped (out, person->name);
      /* Translators: between a person's name and their goal in the summary. */
      g_string_append_printf (out, "%s** ", _(":"));
      append_escaped (out, what);
      if (person->goal_due != NULL && *person->goal_due != '\0')
        /* Translators: when a person's goal is due, YYYY-MM-DD. */
        g_ptr_array_add (details, g_strdup_printf (_("by %s"), person->goal_due));
      if (person->buddy != NULL && *person->buddy != '\0')
        /* Translators: who holds a person to their goal. */
        g_ptr_array_add (details, g_strdup_printf (_("buddy: %s"), person->buddy));
      for (guint j = 0; j < details->len; j++)
        {
          g_string_append (out, j == 0 ? " (" : "; ");
          append_escaped (out, details->pdata[j]);
        }
      g_string_append (out, details->len > 0 ? ")\n" : "\n");
    }
  if (n_goals > 0)
    g_string_append_c (out, '\n');

  /* The one goal of the group, as versions before goals for each person
   * kept it. */
  goal = mix_session_record_get_goal_text (record);
  due = mix_session_record_get_goal_due (record);
  buddy = mix_session_record_get_buddy (record);
  if (goal != NULL && *goal != '\0')
    {
      g_string_append_printf (out, "%s\n", _("## The group’s goal"));
      append_escaped (out, goal);
      g_string_append_c (out, '\n');
      if (due != NULL && *due != '\0')
        /* Translators: when the goal is due, YYYY-MM-DD. */
        g_string_append_printf (out, _("By %s.\n"), due);
      if (buddy != NULL && *buddy != '\0')
        {
          g_string_append (out, _("Buddy: "));
          append_escaped (out, buddy);
          g_string_append_c (out, '\n');
        }
      g_string_append_c (out, '\n');
    }

  for (guint p = 0; p < MIX_N_PHASES; p++)
    {
      const char *text = mix_session_record_get_notes (record, (MixPhase) p);
      g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

      if (*stripped == '\0')
        continue;
      if (!notes)
        g_string_append_printf (out, "%s\n", _("## Notes"));
      notes = TRUE;
      g_string_append_printf (out, "### %s\n", _(mix_guide_get_phase ((MixPhase) p)->title));
      append_paragraphs (out, stripped);
      g_string_append_c (out, '\n');
    }

  /* One newline at the end. */
  while (out->len > 1 && out->str[out->len - 1] == '\n' && out->str[out->len - 2] == '\n')
    g_string_truncate (out, out->len - 1);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * mix_circle_roster_description:
 *
 * Returns: how many are in the group and their average confidence about
 *   networking, over those who said it; or what to do with no one there
 */
char *
mix_circle_roster_description (MixSessionRecord *record)
{
  guint n;
  double average;

  g_return_val_if_fail (MIX_IS_SESSION_RECORD (record), NULL);

  n = mix_session_record_get_n_people (record);
  average = mix_session_record_get_average_confidence (record);
  if (average >= 0)
    /* Translators: the group's average networking confidence, such as "3.2 of 5". */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u person. Average confidence about networking: %.1f of 5.",
                                         "%u people. Average confidence about networking: %.1f of 5.",
                                         n),
                            n, average);
  if (n > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person.", "%u people.", n), n);
  return g_strdup (_("Add each person as they introduce themselves."));
}

/* A name as names are compared: case folded, without surrounding space. */
static char *
name_key (const char *name)
{
  char *folded = g_utf8_casefold (name != NULL ? name : "", -1);

  return g_strstrip (folded);
}

/**
 * mix_circle_new_network_rows:
 * @tracker: the tracker whose Existing Network is looked in
 * @date: the day they were met, as `YYYY-MM-DD`
 *
 * The group's people who are not in Existing Network yet, by name (case
 * and surrounding space aside), each once, as new rows to add.
 *
 * Returns: (transfer container) (element-type MixRecord): the new rows,
 *   not added yet; empty when everyone is there
 */
GPtrArray *
mix_circle_new_network_rows (MixSessionRecord *record,
                             MixTracker       *tracker,
                             const char       *date)
{
  GListModel *rows;
  g_autoptr(GHashTable) known = NULL;
  g_autofree char *notes = NULL;
  GPtrArray *added;
  guint name_column;
  guint n;

  g_return_val_if_fail (MIX_IS_SESSION_RECORD (record), NULL);
  g_return_val_if_fail (MIX_IS_TRACKER (tracker), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  rows = mix_tracker_get_rows (tracker, MIX_TAB_EXISTING_NETWORK);
  name_column = (guint) mix_tab_find_column (MIX_TAB_EXISTING_NETWORK, "name");
  known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  n = g_list_model_get_n_items (rows);
  for (guint r = 0; r < n; r++)
    {
      g_autoptr(MixRecord) row = g_list_model_get_item (rows, r);

      g_hash_table_add (known, name_key (mix_record_get_value (row, name_column)));
    }

  /* Translators: the note on a tracker row for someone met in a circle; %s is a date. */
  notes = g_strdup_printf (_("Met at Mix It Up on %s"), date);
  added = g_ptr_array_new_with_free_func (g_object_unref);
  n = mix_session_record_get_n_people (record);
  for (guint i = 0; i < n; i++)
    {
      const MixPerson *person = mix_session_record_get_person (record, i);
      char *key = name_key (person->name);
      MixRecord *row;

      /* The hash table takes the key, or frees it if it was there. */
      if (!g_hash_table_add (known, key))
        continue;

      row = mix_record_new (MIX_TAB_EXISTING_NETWORK);
      mix_record_set_value_by_id (row, "name", person->name, NULL);
      mix_record_set_value_by_id (row, "relationship", "turing", NULL);
      mix_record_set_value_by_id (row, "last_contact", date, NULL);
      mix_record_set_value_by_id (row, "notes", notes, NULL);
      g_ptr_array_add (added, row);
    }
  return added;
}

/**
 * mix_circle_format_duration:
 * @us: a length of time, not negative
 *
 * Returns: (transfer full): @us in whole seconds as M:SS, such as "7:09"
 */
char *
mix_circle_format_duration (gint64 us)
{
  gint64 seconds = MAX (us, 0) / G_USEC_PER_SEC;

  return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d", seconds / 60, (int) (seconds % 60));
}

/**
 * mix_circle_format_turn:
 * @turn: a turn under way
 *
 * Returns: (transfer full): the turn's time left, such as "0:21 left",
 *   or over, such as "0:05 over"; rounded as the clock is
 */
char *
mix_circle_format_turn (const MixTurn *turn)
{
  g_autofree char *amount = NULL;

  g_return_val_if_fail (turn != NULL, NULL);

  if (turn->remaining_us >= 0)
    {
      /* Up, as the phase's time: "0:01" until the end. */
      amount = mix_circle_format_duration (turn->remaining_us + G_USEC_PER_SEC - 1);
      /* Translators: %s is a time such as 0:21, left of a person's turn. */
      return g_strdup_printf (_("%s left"), amount);
    }
  amount = mix_circle_format_duration (-turn->remaining_us);
  /* Translators: %s is a time such as 0:05 that a person's turn went over. */
  return g_strdup_printf (_("%s over"), amount);
}

/**
 * mix_circle_phase_prompt:
 * @record: (nullable): the session, for its leader questions and topic
 *
 * Returns: (transfer full): what the group talks about now, for a shared
 *   screen: the phase's prompts in a line, the leader questions picked,
 *   or the topic chosen; translated
 */
char *
mix_circle_phase_prompt (MixSessionRecord *record,
                         MixPhase          phase)
{
  const MixPhaseInfo *info = mix_guide_get_phase (phase);
  GString *text = g_string_new (NULL);

  if (phase == MIX_PHASE_LEADERS_SHARE && record != NULL)
    {
      const char * const *questions = mix_guide_get_leader_questions ();

      for (guint i = 0; questions[i] != NULL; i++)
        if (mix_session_record_get_leader_question (record, i))
          {
            if (text->len > 0)
              g_string_append_c (text, '\n');
            g_string_append (text, _(questions[i]));
          }
      if (text->len == 0)
        g_string_append (text, _("The student lead picks one or two questions to answer."));
    }
  else if (phase == MIX_PHASE_GROUP_DISCUSSION && record != NULL)
    {
      const MixTopic *topic = mix_guide_find_topic (mix_session_record_get_topic (record));

      g_string_append (text, topic != NULL ? _(topic->title) : _("Choose a topic together."));
    }
  else
    {
      for (guint i = 0; info->prompts != NULL && info->prompts[i] != NULL; i++)
        {
          if (text->len > 0)
            /* Translators: between the prompts of a phase, shown in one line. */
            g_string_append (text, _(" · "));
          g_string_append (text, _(info->prompts[i]));
        }
    }
  return g_string_free (text, FALSE);
}

/**
 * mix_circle_clock_init:
 * @clock: (out caller-allocates): what @timer shows now; cleared with
 *   mix_circle_clock_clear()
 */
void
mix_circle_clock_init (MixCircleClock *clock,
                       MixTimer       *timer)
{
  MixTimerState state;
  MixPhase phase;
  gint64 remaining;
  guint elapsed_minutes;

  g_return_if_fail (clock != NULL);
  g_return_if_fail (MIX_IS_TIMER (timer));

  state = mix_timer_get_state (timer);
  phase = mix_timer_get_phase (timer);
  if (state == MIX_TIMER_IDLE)
    remaining = (gint64) mix_timer_get_planned_minutes (timer, phase) * G_USEC_PER_SEC * 60;
  else
    remaining = mix_timer_get_remaining (timer);
  clock->overtime = state != MIX_TIMER_IDLE && state != MIX_TIMER_FINISHED && remaining < 0;
  clock->time = state == MIX_TIMER_FINISHED ? g_strdup ("0:00")
                                             : mix_timer_format_remaining (remaining);
  clock->phase_fraction = state == MIX_TIMER_FINISHED ? 1.0 : mix_timer_get_phase_fraction (timer);

  if (state == MIX_TIMER_FINISHED)
    {
      clock->phase = _("Session Finished");
      clock->next = g_strdup (_("Thank you for mixing it up!"));
    }
  else
    {
      clock->phase = _(mix_guide_get_phase (phase)->title);
      if (phase + 1 < MIX_N_PHASES)
        /* Translators: %s is the next phase, such as Leaders Share. */
        clock->next = g_strdup_printf (_("Next: %s"), _(mix_guide_get_phase (phase + 1)->title));
      else
        clock->next = g_strdup (_("Last phase"));
    }

  clock->session_fraction = state == MIX_TIMER_FINISHED ? 1.0
                            : mix_timer_get_session_fraction (timer);
  elapsed_minutes = (guint) (mix_timer_get_session_elapsed (timer) / (G_USEC_PER_SEC * 60));
  /* Translators: the whole session's progress, such as "12 of 30 minutes". */
  clock->session = g_strdup_printf (_("%u of %u minutes"), elapsed_minutes,
                                    mix_timer_get_planned_total (timer));

  clock->pace = NULL;
  clock->can_fit = FALSE;
  if (state == MIX_TIMER_RUNNING || state == MIX_TIMER_PAUSED)
    {
      gint64 offset = mix_timer_get_end_offset (timer);
      gint64 durations[MIX_N_PHASES];
      /* Whole seconds, as the clock counts them. */
      gint64 seconds = (ABS (offset) + G_USEC_PER_SEC / 2) / G_USEC_PER_SEC;
      g_autofree char *amount = mix_circle_format_duration (seconds * G_USEC_PER_SEC);

      if (seconds > 0 && offset > 0)
        /* Translators: %s is a time such as 2:15; the circle will end that late. */
        clock->pace = g_strdup_printf (_("%s behind the 30-minute end"), amount);
      else if (seconds > 0)
        /* Translators: %s is a time such as 2:15; the circle will end that early. */
        clock->pace = g_strdup_printf (_("%s ahead of the 30-minute end"), amount);

      if (seconds > 0 && mix_timer_plan_fit (timer, durations))
        for (guint p = mix_timer_get_phase (timer) + 1; p < MIX_N_PHASES; p++)
          clock->can_fit |= durations[p] != mix_timer_get_duration (timer, (MixPhase) p);
    }

  clock->turn = NULL;
  clock->next_turn = NULL;
  {
    MixTurn turn;

    if (mix_timer_get_turn (timer, &turn))
      {
        g_autofree char *left = mix_circle_format_turn (&turn);

        if (turn.speaker != NULL)
          /* Translators: who speaks now and their time, such as “Ana: 0:21 left”. */
          clock->turn = g_strdup_printf (_("%s: %s"), turn.speaker, left);
        else
          clock->turn = g_strdup (_("Everyone has spoken"));
        if (turn.next != NULL)
          /* Translators: %s is who speaks after the one speaking now. */
          clock->next_turn = g_strdup_printf (_("Then %s"), turn.next);
        else if (turn.speaker != NULL)
          clock->next_turn = g_strdup (_("The last to speak"));
      }
  }

  switch (state)
    {
    case MIX_TIMER_RUNNING:
      clock->toggle = _("_Pause");
      break;
    case MIX_TIMER_PAUSED:
      clock->toggle = _("_Resume");
      break;
    case MIX_TIMER_FINISHED:
      clock->toggle = _("_New Session");
      break;
    case MIX_TIMER_IDLE:
    default:
      clock->toggle = _("_Start");
      break;
    }
}

void
mix_circle_clock_clear (MixCircleClock *clock)
{
  g_return_if_fail (clock != NULL);

  g_clear_pointer (&clock->time, g_free);
  g_clear_pointer (&clock->next, g_free);
  g_clear_pointer (&clock->session, g_free);
  g_clear_pointer (&clock->pace, g_free);
  g_clear_pointer (&clock->turn, g_free);
  g_clear_pointer (&clock->next_turn, g_free);
}
