/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "mix-date.h"
#include "mix-history.h"
#include "mix-outreach.h"
#include "mix-template.h"

/* The rules of a draft and its contact: the checklist worked out again
 * when the text or the contact changes, the recipient read through the
 * tracker's schema, and what Mark as Sent and Log This Conversation do to
 * the tracker, with Undo. */

typedef struct
{
  char        *dir;
  MixStore    *store;
  MixTracker  *tracker;
  MixDrafts   *drafts;
  MixOutreach *outreach;
  MixDraft    *draft;
  guint        n_changed;
} Fixture;

static void
on_changed_cb (MixOutreach *outreach,
               Fixture     *f)
{
  f->n_changed++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *parent = g_dir_make_tmp ("mix-outreach-XXXXXX", &error);

  g_assert_no_error (error);
  f->dir = g_build_filename (parent, "mix-it-up", NULL);
  f->store = mix_store_new (f->dir);
  mix_store_set_autosave_delay (f->store, 3600 * 1000);
  f->tracker = mix_store_get_tracker (f->store);
  f->drafts = mix_store_get_drafts (f->store);
  f->outreach = mix_outreach_new (f->store);
  f->draft = mix_draft_new ();
  mix_drafts_add (f->drafts, f->draft);
  g_signal_connect (f->outreach, "changed", G_CALLBACK (on_changed_cb), f);
  mix_outreach_set_draft (f->outreach, f->draft);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *parent = g_path_get_dirname (f->dir);

  g_clear_object (&f->outreach);
  g_clear_object (&f->draft);
  g_clear_object (&f->store);
  g_rmdir (f->dir);
  g_rmdir (parent);
  g_free (f->dir);
}

static MixRecord *
add_contact (Fixture    *f,
             MixTab      tab,
             const char *name,
             const char *company,
             const char *role)
{
  MixRecord *record = mix_tracker_add_row (f->tracker, tab);

  g_assert_true (mix_record_set_value_by_id (record, "name", name, NULL));
  if (company != NULL)
    g_assert_true (mix_record_set_value_by_id (record, "company", company, NULL));
  if (role != NULL)
    g_assert_true (mix_record_set_value_by_id (record, "role", role, NULL));
  return record;
}

static void
push (MixHistory        *history,
      MixOutreachChange *change)
{
  g_assert_nonnull (change);
  mix_history_push (history, "change", mix_outreach_change_undo, mix_outreach_change_redo,
                    change, mix_outreach_change_free);
}

/* Typing works the checklist out again, once per change. */
static void
test_recompute_on_text (Fixture       *f,
                        gconstpointer  data)
{
  const MixChecklistResult *result = mix_outreach_get_result (f->outreach);
  guint before = f->n_changed;

  mix_outreach_set_body (f->outreach, "Hello there");
  g_assert_cmpuint (f->n_changed, ==, before + 1);
  g_assert_cmpstr (mix_draft_get_body (f->draft), ==, "Hello there");
  g_assert_cmpuint (result->stats.characters, ==, 11);
  g_assert_cmpuint (result->stats.words, ==, 2);
  g_assert_cmpuint (result->stats.limit, ==, MIX_CHANNEL_NOTE_LIMIT);
  g_assert_true (result->passed[MIX_CHECK_FITS_CHANNEL]);

  mix_outreach_set_free_account (f->outreach, TRUE);
  g_assert_cmpuint (result->stats.limit, ==, MIX_CHANNEL_NOTE_LIMIT_FREE);

  mix_outreach_set_channel (f->outreach, MIX_CHANNEL_EMAIL);
  g_assert_cmpint (mix_draft_get_channel (f->draft), ==, MIX_CHANNEL_EMAIL);
  g_assert_cmpuint (result->stats.limit, ==, 0);
  /* Too short for an email. */
  g_assert_false (result->passed[MIX_CHECK_FITS_CHANNEL]);

  before = f->n_changed;
  mix_outreach_set_subject (f->outreach, "Coffee?");
  g_assert_cmpstr (mix_draft_get_subject (f->draft), ==, "Coffee?");
  g_assert_cmpuint (f->n_changed, ==, before + 1);

  /* A manual answer counts in the score. */
  {
    guint total, score = mix_outreach_get_score (f->outreach, &total);

    mix_outreach_set_check (f->outreach, MIX_CHECK_PROOFREAD, TRUE);
    g_assert_true (mix_draft_get_check (f->draft, MIX_CHECK_PROOFREAD));
    g_assert_cmpuint (mix_outreach_get_score (f->outreach, NULL), ==, score + 1);
    g_assert_cmpuint (total, ==, MIX_N_CHECKS);
    mix_outreach_set_check (f->outreach, MIX_CHECK_PROOFREAD, FALSE);
    g_assert_false (mix_draft_has_check (f->draft, MIX_CHECK_PROOFREAD));
  }
}

/* The recipient comes from the tracker row, through the tab's columns:
 * a Networking Log row has no role, and notes come from every long text
 * about the person. */
static void
test_recipient_schema (Fixture       *f,
                       gconstpointer  data)
{
  MixRecord *contact = add_contact (f, MIX_TAB_NEW_CONTACTS, "Zoë Ångström", "Globex", "SRE");
  MixRecord *logged = add_contact (f, MIX_TAB_NETWORKING_LOG, "Sam Rivera", "Initech", NULL);
  MixRecord *known = add_contact (f, MIX_TAB_EXISTING_NETWORK, "Ada King", NULL, NULL);
  MixRecipient recipient;
  g_autofree char *notes = NULL;

  g_assert_false (mix_outreach_get_recipient (f->outreach, &recipient));
  g_assert_null (recipient.name);

  g_assert_true (mix_record_set_value_by_id (contact, "research_notes", "Rust talks", NULL));
  g_assert_true (mix_record_set_value_by_id (contact, "next_step", "Follow up", NULL));
  g_assert_true (mix_outreach_link_contact (f->outreach, mix_record_get_id (contact)));
  g_assert_true (mix_outreach_get_contact (f->outreach) == contact);
  g_assert_cmpstr (mix_draft_get_recipient (f->draft), ==, "Zoë Ångström");
  g_assert_true (mix_outreach_get_recipient (f->outreach, &recipient));
  g_assert_cmpstr (recipient.name, ==, "Zoë Ångström");
  g_assert_cmpstr (recipient.company, ==, "Globex");
  g_assert_cmpstr (recipient.role, ==, "SRE");
  /* The student's next step is not about them. */
  g_assert_cmpstr (recipient.research_notes, ==, "Rust talks");
  g_assert_true (mix_outreach_get_result (f->outreach)->passed[MIX_CHECK_RESEARCHED]);

  g_assert_true (mix_outreach_link_contact (f->outreach, mix_record_get_id (logged)));
  g_assert_true (mix_outreach_get_recipient (f->outreach, &recipient));
  g_assert_cmpstr (recipient.company, ==, "Initech");
  g_assert_null (recipient.role);
  g_assert_null (mix_contact_get_role (logged));

  g_assert_true (mix_record_set_value_by_id (known, "how_they_could_help", "Intros", NULL));
  g_assert_true (mix_record_set_value_by_id (known, "notes", "Old friend", NULL));
  notes = mix_contact_dup_notes (known);
  g_assert_cmpstr (notes, ==, "Intros\nOld friend");

  /* No such contact: nothing changes. */
  g_assert_false (mix_outreach_link_contact (f->outreach, "no-such-id"));
  g_assert_true (mix_outreach_get_contact (f->outreach) == logged);
}

/* Linking, editing and deleting the contact work the checklist out
 * again. */
static void
test_recompute_on_contact (Fixture       *f,
                           gconstpointer  data)
{
  MixRecord *contact = add_contact (f, MIX_TAB_EXISTING_NETWORK, "Zoë Ångström", "Globex", NULL);
  const MixChecklistResult *result = mix_outreach_get_result (f->outreach);
  guint before;

  mix_outreach_set_body (f->outreach, "Hi Zoë, your work at Initech caught my eye.");
  g_assert_false (result->decided[MIX_CHECK_GREETS_BY_NAME]);

  g_assert_true (mix_outreach_link_contact (f->outreach, mix_record_get_id (contact)));
  g_assert_true (result->decided[MIX_CHECK_GREETS_BY_NAME]);
  g_assert_true (result->passed[MIX_CHECK_GREETS_BY_NAME]);
  g_assert_false (result->passed[MIX_CHECK_SPECIFIC]);

  /* The company corrected in the tracker. */
  before = f->n_changed;
  g_assert_true (mix_record_set_value_by_id (contact, "company", "Initech", NULL));
  g_assert_cmpuint (f->n_changed, >, before);
  g_assert_true (result->passed[MIX_CHECK_SPECIFIC]);

  mix_outreach_unlink_contact (f->outreach);
  g_assert_null (mix_outreach_get_contact (f->outreach));
  g_assert_null (mix_draft_get_contact_id (f->draft));
  g_assert_false (result->decided[MIX_CHECK_GREETS_BY_NAME]);

  /* The draft's contact set elsewhere (merged from another writer). */
  mix_draft_set_contact_id (f->draft, mix_record_get_id (contact));
  g_assert_true (mix_outreach_get_contact (f->outreach) == contact);
  g_assert_true (result->passed[MIX_CHECK_GREETS_BY_NAME]);
}

/* A contact deleted from the tracker is no longer the draft's, and comes
 * back with the row. */
static void
test_contact_deleted (Fixture       *f,
                      gconstpointer  data)
{
  MixRecord *contact = add_contact (f, MIX_TAB_NEW_CONTACTS, "Priya Patel", "Acme", NULL);
  const MixChecklistResult *result = mix_outreach_get_result (f->outreach);
  g_autoptr(MixRecord) kept = g_object_ref (contact);
  guint position;

  g_assert_true (mix_outreach_link_contact (f->outreach, mix_record_get_id (contact)));
  mix_outreach_set_body (f->outreach, "Hi Priya");
  g_assert_true (result->passed[MIX_CHECK_GREETS_BY_NAME]);

  g_assert_true (mix_tracker_remove_row (f->tracker, contact, &position));
  g_assert_null (mix_outreach_get_contact (f->outreach));
  g_assert_false (result->decided[MIX_CHECK_GREETS_BY_NAME]);
  /* The draft still says who it was for. */
  g_assert_nonnull (mix_draft_get_contact_id (f->draft));
  g_assert_null (mix_outreach_find_prep (f->outreach));
  g_assert_null (mix_outreach_ensure_prep (f->outreach));
  {
    gboolean added;

    g_assert_null (mix_outreach_log_conversation (f->outreach, "coffee-chat", "x", &added));
  }

  mix_tracker_insert_row (f->tracker, kept, position);
  g_assert_true (mix_outreach_get_contact (f->outreach) == kept);
  g_assert_true (result->passed[MIX_CHECK_GREETS_BY_NAME]);
}

/* Mark as Sent: the draft sent today; a new contact not contacted yet is
 * now Messaged, contacted on today; Undo and Redo put both back. */
static void
test_mark_sent (Fixture       *f,
                gconstpointer  data)
{
  MixRecord *contact = add_contact (f, MIX_TAB_NEW_CONTACTS, "Priya Patel", "Acme", NULL);
  g_autoptr(MixHistory) history = mix_history_new ();
  g_autofree char *today = mix_date_today_iso ();
  MixOutreachSent outcome;

  g_assert_true (mix_record_set_value_by_id (contact, "status", "not-contacted", NULL));
  g_assert_true (mix_outreach_link_contact (f->outreach, mix_record_get_id (contact)));

  push (history, mix_outreach_toggle_sent (f->outreach, &outcome));
  g_assert_cmpint (outcome, ==, MIX_OUTREACH_SENT_MESSAGED);
  g_assert_cmpint (mix_draft_get_status (f->draft), ==, MIX_DRAFT_STATUS_SENT);
  g_assert_cmpstr (mix_draft_get_sent_on (f->draft), ==, today);
  g_assert_cmpstr (mix_record_get_value_by_id (contact, "status"), ==, "messaged");
  g_assert_cmpstr (mix_record_get_value_by_id (contact, "contacted_on"), ==, today);

  g_assert_true (mix_history_undo (history));
  g_assert_cmpint (mix_draft_get_status (f->draft), ==, MIX_DRAFT_STATUS_DRAFT);
  g_assert_null (mix_draft_get_sent_on (f->draft));
  g_assert_cmpstr (mix_record_get_value_by_id (contact, "status"), ==, "not-contacted");
  g_assert_null (mix_record_get_value_by_id (contact, "contacted_on"));

  g_assert_true (mix_history_redo (history));
  g_assert_cmpint (mix_draft_get_status (f->draft), ==, MIX_DRAFT_STATUS_SENT);
  g_assert_cmpstr (mix_record_get_value_by_id (contact, "status"), ==, "messaged");

  /* Not sent after all: the contact stays as they are now. */
  push (history, mix_outreach_toggle_sent (f->outreach, &outcome));
  g_assert_cmpint (outcome, ==, MIX_OUTREACH_UNSENT);
  g_assert_cmpint (mix_draft_get_status (f->draft), ==, MIX_DRAFT_STATUS_DRAFT);
  g_assert_null (mix_draft_get_sent_on (f->draft));
  g_assert_cmpstr (mix_record_get_value_by_id (contact, "status"), ==, "messaged");

  /* A contact further along is left as they are. */
  g_assert_true (mix_record_set_value_by_id (contact, "status", "replied", NULL));
  push (history, mix_outreach_toggle_sent (f->outreach, &outcome));
  g_assert_cmpint (outcome, ==, MIX_OUTREACH_SENT);
  g_assert_cmpstr (mix_record_get_value_by_id (contact, "status"), ==, "replied");
  push (history, mix_outreach_toggle_sent (f->outreach, &outcome));

  /* So is one of another tab; a blank status counts as not contacted. */
  {
    MixRecord *known = add_contact (f, MIX_TAB_EXISTING_NETWORK, "Ada King", NULL, NULL);
    MixRecord *fresh = add_contact (f, MIX_TAB_NEW_CONTACTS, "Lin Wu", NULL, NULL);

    g_assert_true (mix_outreach_link_contact (f->outreach, mix_record_get_id (known)));
    push (history, mix_outreach_toggle_sent (f->outreach, &outcome));
    g_assert_cmpint (outcome, ==, MIX_OUTREACH_SENT);
    push (history, mix_outreach_toggle_sent (f->outreach, &outcome));
    g_assert_true (mix_outreach_link_contact (f->outreach, mix_record_get_id (fresh)));
    push (history, mix_outreach_toggle_sent (f->outreach, &outcome));
    g_assert_cmpint (outcome, ==, MIX_OUTREACH_SENT_MESSAGED);
    g_assert_cmpstr (mix_record_get_value_by_id (fresh, "status"), ==, "messaged");
  }

  /* A deleted draft cannot be changed by Undo any more. */
  g_assert_true (mix_drafts_remove (f->drafts, f->draft, NULL));
  g_assert_false (mix_history_undo (history));
}

/* Log This Conversation adds a Networking Log row with today's date, the
 * contact's name and company, the format and the notes; logged again the
 * same day it updates that row; another day it adds another. */
static void
test_log_conversation (Fixture       *f,
                       gconstpointer  data)
{
  MixRecord *contact = add_contact (f, MIX_TAB_NEW_CONTACTS, "Sam Rivera", "Pied Piper", NULL);
  g_autoptr(MixHistory) history = mix_history_new ();
  g_autofree char *today = mix_date_today_iso ();
  g_autoptr(MixRecord) logged = NULL;
  gboolean added = FALSE;
  MixPrep *prep;

  g_assert_null (mix_outreach_log_conversation (f->outreach, "coffee-chat", "x", &added));
  g_assert_true (mix_outreach_link_contact (f->outreach, mix_record_get_id (contact)));
  g_assert_null (mix_outreach_find_prep (f->outreach));

  push (history, mix_outreach_log_conversation (f->outreach, "phone-call",
                                                "  They hire juniors in spring.\n", &added));
  g_assert_true (added);
  g_assert_cmpuint (mix_tracker_get_n_rows (f->tracker, MIX_TAB_NETWORKING_LOG), ==, 1);
  logged = g_list_model_get_item (mix_tracker_get_rows (f->tracker, MIX_TAB_NETWORKING_LOG), 0);
  g_assert_cmpstr (mix_record_get_value_by_id (logged, "name"), ==, "Sam Rivera");
  g_assert_cmpstr (mix_record_get_value_by_id (logged, "company"), ==, "Pied Piper");
  g_assert_cmpstr (mix_record_get_value_by_id (logged, "date"), ==, today);
  g_assert_cmpstr (mix_record_get_value_by_id (logged, "format"), ==, "phone-call");
  g_assert_cmpstr (mix_record_get_value_by_id (logged, "what_i_learned"), ==,
                   "They hire juniors in spring.");
  prep = mix_outreach_find_prep (f->outreach);
  g_assert_nonnull (prep);
  g_assert_cmpstr (mix_prep_get_logged_id (prep), ==, mix_record_get_id (logged));

  /* The same day: the same row, brought up to date. */
  push (history, mix_outreach_log_conversation (f->outreach, "phone-call",
                                                "They hire juniors. Ask Lin.", &added));
  g_assert_false (added);
  g_assert_cmpuint (mix_tracker_get_n_rows (f->tracker, MIX_TAB_NETWORKING_LOG), ==, 1);
  g_assert_cmpstr (mix_record_get_value_by_id (logged, "what_i_learned"), ==,
                   "They hire juniors. Ask Lin.");
  g_assert_true (mix_history_undo (history));
  g_assert_cmpuint (mix_tracker_get_n_rows (f->tracker, MIX_TAB_NETWORKING_LOG), ==, 1);
  g_assert_cmpstr (mix_record_get_value_by_id (logged, "what_i_learned"), ==,
                   "They hire juniors in spring.");
  g_assert_true (mix_history_redo (history));
  g_assert_cmpstr (mix_record_get_value_by_id (logged, "what_i_learned"), ==,
                   "They hire juniors. Ask Lin.");

  /* Another day, another conversation. */
  g_assert_true (mix_record_set_value_by_id (logged, "date", "2020-01-15", NULL));
  push (history, mix_outreach_log_conversation (f->outreach, NULL, NULL, &added));
  g_assert_true (added);
  g_assert_cmpuint (mix_tracker_get_n_rows (f->tracker, MIX_TAB_NETWORKING_LOG), ==, 2);
  g_assert_cmpstr (mix_record_get_value_by_id (logged, "date"), ==, "2020-01-15");
  g_assert_true (mix_history_undo (history));
  g_assert_cmpuint (mix_tracker_get_n_rows (f->tracker, MIX_TAB_NETWORKING_LOG), ==, 1);
  g_assert_true (mix_history_redo (history));
  g_assert_cmpuint (mix_tracker_get_n_rows (f->tracker, MIX_TAB_NETWORKING_LOG), ==, 2);
}

/* A template is filled from the contact; the name follows the tracker. */
static void
test_template_and_name (Fixture       *f,
                        gconstpointer  data)
{
  MixRecord *contact = add_contact (f, MIX_TAB_NEW_CONTACTS, "Dr. Ada King", "Analytical", NULL);
  g_autofree char *filled = NULL;
  guint with_name = G_MAXUINT;

  for (guint i = 0; i < mix_template_get_n () && with_name == G_MAXUINT; i++)
    if (strstr (mix_template_get_body (i), "{first_name}") != NULL)
      with_name = i;
  g_assert_cmpuint (with_name, !=, G_MAXUINT);

  g_assert_true (mix_outreach_link_contact (f->outreach, mix_record_get_id (contact)));
  filled = mix_outreach_fill_template (f->outreach, with_name);
  g_assert_nonnull (strstr (filled, "Ada"));
  g_assert_null (strstr (filled, "{first_name}"));

  g_assert_true (mix_record_set_value_by_id (contact, "name", "Ada Lovelace", NULL));
  g_assert_cmpstr (mix_draft_get_recipient (f->draft), ==, "Dr. Ada King");
  mix_outreach_update_recipient_name (f->outreach);
  g_assert_cmpstr (mix_draft_get_recipient (f->draft), ==, "Ada Lovelace");

  /* Another draft: its own contact, none. */
  {
    g_autoptr(MixDraft) other = mix_draft_new ();

    mix_outreach_set_draft (f->outreach, other);
    g_assert_null (mix_outreach_get_contact (f->outreach));
    mix_outreach_set_draft (f->outreach, NULL);
    g_assert_null (mix_outreach_get_draft (f->outreach));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/outreach/recompute-on-text", test_recompute_on_text);
  ADD ("/outreach/recipient-schema", test_recipient_schema);
  ADD ("/outreach/recompute-on-contact", test_recompute_on_contact);
  ADD ("/outreach/contact-deleted", test_contact_deleted);
  ADD ("/outreach/mark-sent", test_mark_sent);
  ADD ("/outreach/log-conversation", test_log_conversation);
  ADD ("/outreach/template-and-name", test_template_and_name);
#undef ADD

  return g_test_run ();
}
