/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mix-guide.h"

static guint
strv_length (const char * const *strv)
{
  return g_strv_length ((char **) strv);
}

static void
test_phase_minutes (void)
{
  guint total = 0;

  for (guint i = 0; i < MIX_N_PHASES; i++)
    {
      const MixPhaseInfo *info = mix_guide_get_phase ((MixPhase) i);

      g_test_message ("phase %s", info->id);
      g_assert_cmpint (info->phase, ==, (MixPhase) i);
      g_assert_cmpuint (info->min_minutes, >=, 1);
      g_assert_cmpuint (info->min_minutes, <=, info->max_minutes);
      g_assert_cmpuint (info->default_minutes, >=, info->min_minutes);
      g_assert_cmpuint (info->default_minutes, <=, info->max_minutes);
      total += info->default_minutes;
    }
  g_assert_cmpuint (total, ==, MIX_GUIDE_SESSION_MINUTES);

  /* The guide's recommendations. */
  g_assert_cmpuint (mix_guide_get_phase (MIX_PHASE_INTRODUCTIONS)->min_minutes, ==, 2);
  g_assert_cmpuint (mix_guide_get_phase (MIX_PHASE_INTRODUCTIONS)->max_minutes, ==, 5);
  g_assert_cmpuint (mix_guide_get_phase (MIX_PHASE_LEADERS_SHARE)->min_minutes, ==, 8);
  g_assert_cmpuint (mix_guide_get_phase (MIX_PHASE_LEADERS_SHARE)->max_minutes, ==, 10);
  g_assert_cmpuint (mix_guide_get_phase (MIX_PHASE_GROUP_DISCUSSION)->default_minutes, ==, 15);
  g_assert_cmpuint (mix_guide_get_phase (MIX_PHASE_CLOSE_OUT)->default_minutes, ==, 5);
}

static void
test_phase_ids (void)
{
  static const char * const ids[] = {
    "introductions", "leaders-share", "group-discussion", "close-out",
  };
  MixPhase phase = MIX_N_PHASES;

  G_STATIC_ASSERT (G_N_ELEMENTS (ids) == MIX_N_PHASES);

  for (guint i = 0; i < MIX_N_PHASES; i++)
    {
      const MixPhaseInfo *info = mix_guide_get_phase ((MixPhase) i);

      g_assert_cmpstr (info->id, ==, ids[i]);
      g_assert_true (mix_guide_phase_from_id (info->id, &phase));
      g_assert_cmpint (phase, ==, (MixPhase) i);
    }

  phase = MIX_PHASE_CLOSE_OUT;
  g_assert_false (mix_guide_phase_from_id ("Introductions", &phase));
  g_assert_false (mix_guide_phase_from_id ("", &phase));
  g_assert_false (mix_guide_phase_from_id (NULL, &phase));
  g_assert_cmpint (phase, ==, MIX_PHASE_CLOSE_OUT);

  g_assert_cmpstr (mix_guide_get_phase (MIX_PHASE_CLOSE_OUT)->title, ==,
                   "Close Out & Next Steps");
}

static void
test_phase_enum_type (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (MIX_TYPE_PHASE);

  g_assert_cmpuint (klass->n_values, ==, MIX_N_PHASES);
  for (guint i = 0; i < MIX_N_PHASES; i++)
    {
      GEnumValue *value = g_enum_get_value (klass, (int) i);

      g_assert_nonnull (value);
      g_assert_cmpstr (value->value_nick, ==, mix_guide_get_phase ((MixPhase) i)->id);
    }
}

static void
test_phase_prompts (void)
{
  const MixPhaseInfo *intro = mix_guide_get_phase (MIX_PHASE_INTRODUCTIONS);
  const MixPhaseInfo *leaders = mix_guide_get_phase (MIX_PHASE_LEADERS_SHARE);
  const MixPhaseInfo *discussion = mix_guide_get_phase (MIX_PHASE_GROUP_DISCUSSION);
  const MixPhaseInfo *close_out = mix_guide_get_phase (MIX_PHASE_CLOSE_OUT);

  g_assert_cmpuint (strv_length (intro->prompts), ==, 5);
  g_assert_cmpstr (intro->prompts[0], ==, "Names");
  g_assert_cmpstr (intro->prompts[1], ==, "Pronouns");
  g_assert_cmpstr (intro->prompts[2], ==, "Program");
  g_assert_cmpstr (intro->prompts[3], ==, "Cohort");
  g_assert_nonnull (strstr (intro->prompts[4], "confident"));
  g_assert_nonnull (strstr (intro->prompts[4], "1–5"));

  g_assert_true (leaders->prompts == mix_guide_get_leader_questions ());

  /* Group Discussion lists the topics, with the same strings. */
  g_assert_cmpuint (strv_length (discussion->prompts), ==, mix_guide_get_n_topics ());
  for (guint i = 0; i < mix_guide_get_n_topics (); i++)
    g_assert_cmpstr (discussion->prompts[i], ==, mix_guide_get_topic (i)->title);

  g_assert_cmpuint (strv_length (close_out->prompts), ==, 4);
  g_assert_nonnull (strstr (close_out->prompts[0], "Wrap up"));
  g_assert_nonnull (strstr (close_out->prompts[2], "LinkedIn"));
  g_assert_nonnull (strstr (close_out->prompts[3], "accountability buddy"));
}

static void
test_leader_questions (void)
{
  const char * const *questions = mix_guide_get_leader_questions ();

  g_assert_cmpuint (strv_length (questions), ==, 4);
  g_assert_true (g_str_has_prefix (questions[0], "How have you been successful with networking?"));
  g_assert_cmpstr (questions[1], ==, "What is your process when it comes to networking?");
  g_assert_true (g_str_has_prefix (questions[2], "What’s been challenging"));
  g_assert_null (strstr (questions[2], "â€"));
  g_assert_true (g_str_has_suffix (questions[2], "overcome those challenges?"));
  g_assert_true (g_str_has_prefix (questions[3], "What advice do you have for others at Turing"));
  g_assert_cmpuint (MIX_GUIDE_MAX_LEADER_QUESTIONS, ==, 2);
}

static void
test_topics (void)
{
  static const struct {
    const char *id;
    const char *title;
    const char *page;
  } expected[] = {
    { "right-person", "Finding the Right Person to Network With", "tracker" },
    { "messaging", "Sending a Message to a Contact", "messages" },
    { "preparing", "Preparing for Phone Calls or Coffee Meetings", "messages" },
    { "blockers", "Blockers to Networking", "tracker" },
  };

  g_assert_cmpuint (mix_guide_get_n_topics (), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const MixTopic *topic = mix_guide_get_topic (i);

      g_test_message ("topic %s", expected[i].id);
      g_assert_cmpstr (topic->id, ==, expected[i].id);
      g_assert_cmpstr (topic->title, ==, expected[i].title);
      g_assert_cmpstr (topic->page, ==, expected[i].page);
      g_assert_cmpstr (topic->summary, !=, "");
      g_assert_cmpuint (strv_length (topic->activities), >=, 3);
      for (guint j = 0; topic->activities[j] != NULL; j++)
        g_assert_cmpstr (topic->activities[j], !=, "");

      g_assert_true (mix_guide_find_topic (expected[i].id) == topic);
    }

  g_assert_null (mix_guide_find_topic ("networking"));
  g_assert_null (mix_guide_find_topic (""));
  g_assert_null (mix_guide_find_topic (NULL));

  /* A few activities the curriculum has, to catch a shuffled table. */
  g_assert_nonnull (strstr (mix_guide_find_topic ("right-person")->activities[0],
                            "first two tabs"));
  g_assert_nonnull (strstr (mix_guide_find_topic ("messaging")->activities[3],
                            "draft a message"));
  g_assert_nonnull (strstr (mix_guide_find_topic ("preparing")->activities[1],
                            "“Who else from your network could you introduce me to?”"));
  g_assert_nonnull (strstr (mix_guide_find_topic ("blockers")->activities[2],
                            "concrete and timebound goal"));
}

/* Every user-visible string of the guide, checked for mojibake, the
 * curriculum's typo, straight apostrophes and stray spaces. */
static void
check_text (const char *text)
{
  g_test_message ("“%s”", text);
  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpstr (text, !=, "");
  g_assert_null (strstr (text, "â€"));
  g_assert_null (strstr (text, "Converation"));
  g_assert_null (strchr (text, '\''));
  g_assert_null (strstr (text, "  "));
  g_assert_false (g_ascii_isspace (text[0]));
  g_assert_false (g_ascii_isspace (text[strlen (text) - 1]));
}

static void
check_strv (const char * const *strv)
{
  g_assert_nonnull (strv);
  for (guint i = 0; strv[i] != NULL; i++)
    check_text (strv[i]);
}

static void
test_text (void)
{
  for (guint i = 0; i < MIX_N_PHASES; i++)
    {
      const MixPhaseInfo *info = mix_guide_get_phase ((MixPhase) i);

      check_text (info->title);
      check_text (info->summary);
      check_strv (info->prompts);
    }

  check_strv (mix_guide_get_leader_questions ());

  for (guint i = 0; i < mix_guide_get_n_topics (); i++)
    {
      const MixTopic *topic = mix_guide_get_topic (i);

      check_text (topic->title);
      check_text (topic->summary);
      check_strv (topic->activities);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/guide/phase/minutes", test_phase_minutes);
  g_test_add_func ("/guide/phase/ids", test_phase_ids);
  g_test_add_func ("/guide/phase/enum-type", test_phase_enum_type);
  g_test_add_func ("/guide/phase/prompts", test_phase_prompts);
  g_test_add_func ("/guide/leader-questions", test_leader_questions);
  g_test_add_func ("/guide/topics", test_topics);
  g_test_add_func ("/guide/text", test_text);

  return g_test_run ();
}
