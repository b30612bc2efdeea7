/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mix-guide.h"

/* The text follows the Mix It Up networking guide, with its typography
 * tidied: curly apostrophes and quotes, en dashes in ranges. */

static const char * const introductions_prompts[] = {
  N_("Names"),
  N_("Pronouns"),
  N_("Program"),
  N_("Cohort"),
  N_("How confident you feel about networking on a scale of 1–5"),
  NULL
};

static const char * const leader_questions[] = {
  N_("How have you been successful with networking? Share a recent success and what steps "
     "you took that made it successful."),
  N_("What is your process when it comes to networking?"),
  N_("What’s been challenging for you when it comes to networking? How are you working to "
     "overcome those challenges?"),
  N_("What advice do you have for others at Turing when it comes to networking?"),
  NULL
};

/* The topic titles, shared by the topics and the Group Discussion prompts
 * so that each is translated once. */
#define TITLE_RIGHT_PERSON N_("Finding the Right Person to Network With")
#define TITLE_MESSAGING    N_("Sending a Message to a Contact")
#define TITLE_PREPARING    N_("Preparing for Phone Calls or Coffee Meetings")
#define TITLE_BLOCKERS     N_("Blockers to Networking")

static const char * const group_discussion_prompts[] = {
  TITLE_RIGHT_PERSON,
  TITLE_MESSAGING,
  TITLE_PREPARING,
  TITLE_BLOCKERS,
  NULL
};

static const char * const close_out_prompts[] = {
  N_("Wrap up any conversation threads."),
  N_("Decide how you’d like to continue the conversation with each other beyond today’s "
     "discussion."),
  N_("Add each other on LinkedIn."),
  N_("Set a concrete and timebound networking goal, and find an accountability buddy to help "
     "hold you to it."),
  NULL
};

static const MixPhaseInfo phases[MIX_N_PHASES] = {
  {
    MIX_PHASE_INTRODUCTIONS, "introductions", N_("Introductions"),
    2, 5, 2,
    N_("You’re in a mixed group of people across modules and programs. Start by getting to "
       "know each other and make space for everyone to share."),
    introductions_prompts,
  },
  {
    MIX_PHASE_LEADERS_SHARE, "leaders-share", N_("Leaders Share"),
    8, 10, 8,
    N_("The Mod 4 student lead chooses 1–2 of the following questions to respond to and "
       "shares their experiences with the group."),
    leader_questions,
  },
  {
    MIX_PHASE_GROUP_DISCUSSION, "group-discussion", N_("Group Discussion"),
    15, 15, 15,
    N_("There are several components of networking that could be helpful to discuss as a "
       "group today. Choose one of the following topics as a group and try out its "
       "activities."),
    group_discussion_prompts,
  },
  {
    MIX_PHASE_CLOSE_OUT, "close-out", N_("Close Out & Next Steps"),
    5, 5, 5,
    N_("Take time to wrap up any conversation threads, decide how you’d like to continue the "
       "conversation beyond today, and add each other on LinkedIn."),
    close_out_prompts,
  },
};

static const char * const right_person_activities[] = {
  N_("Reflect on your current network by creating or updating your networking tracker, "
     "using its first two tabs: Existing Network and Networking Log."),
  N_("Share with each other: who have you already done some networking with since you’ve "
     "started at Turing? What did you learn?"),
  N_("Who from your list could you network with? Have you shared that you’re changing "
     "careers to software? How would these contacts be helpful as you start this new "
     "career?"),
  N_("Consider people you haven’t met yet, and use the tracker’s third tab, New Contacts, "
     "to track them."),
  N_("For companies you are interested in, look at their LinkedIn page and find software "
     "developers you could connect with to ask questions about the company."),
  N_("What is your experience with cold outreach? How do you feel about it?"),
  N_("If someone you didn’t know reached out to you, what kind of message would make you "
     "feel inclined to talk with them? What would be a turn-off?"),
  N_("What are 1–2 best practices to keep in mind when doing cold outreach?"),
  N_("When you don’t know someone, how can you learn information about them before you "
     "reach out, so that you know you’re reaching out to someone who can answer your "
     "questions?"),
  NULL
};

static const char * const messaging_activities[] = {
  N_("Mod 4 student lead: share a recent message you have sent to a networking contact. "
     "Share what steps you took to research the contact, how you structured the message, "
     "and how you contacted them. What steps have you taken (or will you take) for the "
     "coffee chat or phone call?"),
  N_("Or, Mod 4 student lead: share a message you want to send and get feedback from the "
     "group on how to approach it. What steps will you take to prepare for the "
     "conversation?"),
  N_("Everyone: research your contact using LinkedIn or their company website to learn more "
     "about their background and their work. Share what you’ve learned with each other: "
     "this information will inform your message."),
  N_("Everyone: draft a message for a person you want to network with and share it with the "
     "group for feedback. Be prepared to share why you’re reaching out to this person; if "
     "you don’t know, take that as a cue to do more research."),
  NULL
};

static const char * const preparing_activities[] = {
  N_("On your own (5 minutes): explore some resources, such as the Research Conversation "
     "Questions, the Culture Queries Generator, and lists of additional questions to ask."),
  N_("Plan to end the conversation by asking, “Who else from your network could you "
     "introduce me to?”"),
  N_("Share with the group (10 minutes): when you think about talking with someone from the "
     "industry, what do you most want to know?"),
  N_("What questions from the resources seem effective?"),
  N_("How can you word your question to get the information you need?"),
  NULL
};

static const char * const blockers_activities[] = {
  N_("What keeps you from reaching out to people in your network? Where are you getting "
     "stuck?"),
  N_("As a group, acknowledge the blockers and discuss ways to problem-solve for them."),
  N_("Create a concrete and timebound goal for networking, such as “I will reach out to 1 "
     "person by the end of this module.”"),
  N_("Find an accountability buddy (maybe someone else in this group!) to help hold you "
     "accountable to that goal."),
  N_("Start with someone you already know. This will feel less intimidating, and you will "
     "probably feel comfortable talking with them about your plans for your new career."),
  NULL
};

static const MixTopic topics[] = {
  {
    "right-person", TITLE_RIGHT_PERSON,
    N_("You know you want to network, but you’re not sure who to reach out to."),
    right_person_activities,
    "tracker",
  },
  {
    "messaging", TITLE_MESSAGING,
    N_("A key component of networking is personalization, both in your initial message to "
       "someone and in how you conduct the conversation with them."),
    messaging_activities,
    "messages",
  },
  {
    "preparing", TITLE_PREPARING,
    N_("As you prepare for having a conversation with a contact, it’s important to be "
       "prepared."),
    preparing_activities,
    "messages",
  },
  {
    "blockers", TITLE_BLOCKERS,
    N_("What keeps you from reaching out to people in your network? Where are you getting "
       "stuck? As a group, use this time to acknowledge the blockers and discuss ways to "
       "problem-solve for them."),
    blockers_activities,
    "tracker",
  },
};

GType
mix_phase_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { MIX_PHASE_INTRODUCTIONS, "MIX_PHASE_INTRODUCTIONS", "introductions" },
        { MIX_PHASE_LEADERS_SHARE, "MIX_PHASE_LEADERS_SHARE", "leaders-share" },
        { MIX_PHASE_GROUP_DISCUSSION, "MIX_PHASE_GROUP_DISCUSSION", "group-discussion" },
        { MIX_PHASE_CLOSE_OUT, "MIX_PHASE_CLOSE_OUT", "close-out" },
        { 0, NULL, NULL }
      };
      GType type = g_enum_register_static (g_intern_static_string ("MixPhase"), values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

const MixPhaseInfo *
mix_guide_get_phase (MixPhase phase)
{
  g_return_val_if_fail (phase < MIX_N_PHASES, NULL);

  return &phases[phase];
}

gboolean
mix_guide_phase_from_id (const char *id,
                         MixPhase   *phase)
{
  if (id == NULL)
    return FALSE;

  for (guint i = 0; i < MIX_N_PHASES; i++)
    {
      if (g_str_equal (id, phases[i].id))
        {
          if (phase != NULL)
            *phase = (MixPhase) i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * mix_guide_get_leader_questions:
 *
 * Returns: (transfer none): the four questions the student lead chooses
 *   from, untranslated, NULL-terminated
 */
const char * const *
mix_guide_get_leader_questions (void)
{
  return leader_questions;
}

guint
mix_guide_get_n_topics (void)
{
  return G_N_ELEMENTS (topics);
}

const MixTopic *
mix_guide_get_topic (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (topics), NULL);

  return &topics[index];
}

/**
 * mix_guide_find_topic:
 *
 * Returns: (nullable): the topic called @id
 */
const MixTopic *
mix_guide_find_topic (const char *id)
{
  if (id == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    if (g_str_equal (id, topics[i].id))
      return &topics[i];
  return NULL;
}
