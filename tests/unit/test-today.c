/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mix-date.h"
#include "mix-draft.h"
#include "mix-today.h"

static void
set_day (GDate      *date,
         const char *iso)
{
  g_assert_true (mix_date_parse (iso, date));
}

static char *
day_after_business_days (const char *iso,
                         guint       days)
{
  GDate date;

  set_day (&date, iso);
  mix_date_add_business_days (&date, days);
  return mix_date_to_iso (&date);
}

/* Business days skip Saturdays and Sundays, from any day of the week. */
static void
test_business_days (void)
{
  struct { const char *from; guint days; const char *to; } cases[] = {
    { "2026-11-30", 3, "2026-12-03" },  /* Monday → Thursday */
    { "2026-12-03", 3, "2026-12-08" },  /* Thursday → Tuesday, over a weekend */
    { "2026-12-04", 1, "2026-12-07" },  /* Friday → Monday */
    { "2026-12-05", 1, "2026-12-07" },  /* Saturday → Monday */
    { "2026-12-06", 3, "2026-12-09" },  /* Sunday → Wednesday */
    { "2026-12-04", 7, "2026-12-15" },  /* Friday → Tuesday, two weekends */
    { "2026-12-31", 1, "2027-01-01" },  /* over a year's end */
    { "2026-12-02", 0, "2026-12-02" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *to = day_after_business_days (cases[i].from, cases[i].days);

      g_assert_cmpstr (to, ==, cases[i].to);
    }
}

static MixRecord *
new_contact (MixTracker *tracker,
             const char *name,
             const char *company,
             const char *status,
             const char *contacted_on)
{
  MixRecord *row = mix_tracker_add_row (tracker, MIX_TAB_NEW_CONTACTS);

  g_assert_true (mix_record_set_value_by_id (row, "name", name, NULL));
  g_assert_true (mix_record_set_value_by_id (row, "company", company, NULL));
  g_assert_true (mix_record_set_value_by_id (row, "status", status, NULL));
  if (contacted_on != NULL)
    g_assert_true (mix_record_set_value_by_id (row, "contacted_on", contacted_on, NULL));
  return row;
}

static GPtrArray *
today_list (MixTracker *tracker,
            MixDrafts  *drafts,
            const char *today)
{
  GDate day;

  set_day (&day, today);
  return mix_today_compute (tracker, drafts, &day);
}

static const MixTodayItem *
item_for (GPtrArray  *items,
          const char *name)
{
  for (guint i = 0; i < items->len; i++)
    {
      const MixTodayItem *item = items->pdata[i];

      if (g_strcmp0 (item->name, name) == 0)
        return item;
    }
  return NULL;
}

/* 3B7: messaged on a Thursday with no reply, reach a second person at the
 * company from the next Tuesday (3 business days), follow up once from 7;
 * a follow-up sent makes it "No response" 7 business days later; a reply
 * ends it. */
static void
test_three_b_seven (void)
{
  g_autoptr(MixTracker) tracker = mix_tracker_new ();
  g_autoptr(MixDrafts) drafts = mix_drafts_new ();
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(MixDraft) follow_up = mix_draft_new ();
  g_autofree char *title = NULL;
  g_autofree char *reason = NULL;
  MixRecord *priya = new_contact (tracker, "Priya Raman", "Stripe", "messaged", "2026-12-03");
  const MixTodayItem *item;
  GDate today;

  new_contact (tracker, "Sam Rivera", "Hooli", "replied", "2026-11-01");
  new_contact (tracker, "Ana Souza", "Initech", "not-contacted", NULL);
  new_contact (tracker, "Lee Chen", "Globex", "messaged", NULL);

  /* Thursday to Monday is 2 business days: nothing yet. */
  items = today_list (tracker, drafts, "2026-12-07");
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);

  items = today_list (tracker, drafts, "2026-12-08");
  g_assert_cmpuint (items->len, ==, 1);
  item = items->pdata[0];
  g_assert_cmpint (item->kind, ==, MIX_TODAY_SECOND_PERSON);
  g_assert_cmpint (item->tab, ==, MIX_TAB_NEW_CONTACTS);
  g_assert_cmpstr (item->row_id, ==, mix_record_get_id (priya));
  g_assert_cmpstr (item->since, ==, "2026-12-03");
  g_assert_cmpstr (item->due, ==, "2026-12-08");
  title = mix_today_item_title (item);
  g_assert_cmpstr (title, ==, "Reach a second person at Stripe");
  set_day (&today, "2026-12-08");
  reason = mix_today_item_reason (item, &today);
  g_assert_cmpstr (reason, ==, "Messaged on 2026-12-03, 5 days ago, with no reply");
  g_assert_false (mix_today_item_is_overdue (item, &today));
  set_day (&today, "2026-12-09");
  g_assert_true (mix_today_item_is_overdue (item, &today));
  g_clear_pointer (&items, g_ptr_array_unref);
  g_clear_pointer (&title, g_free);

  /* 7 business days: the Monday after next. */
  items = today_list (tracker, drafts, "2026-12-11");
  g_assert_cmpint (((MixTodayItem *) items->pdata[0])->kind, ==, MIX_TODAY_SECOND_PERSON);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = today_list (tracker, drafts, "2026-12-14");
  g_assert_cmpuint (items->len, ==, 1);
  item = items->pdata[0];
  g_assert_cmpint (item->kind, ==, MIX_TODAY_FOLLOW_UP_ONCE);
  g_assert_cmpstr (item->due, ==, "2026-12-14");
  title = mix_today_item_title (item);
  g_assert_cmpstr (title, ==, "Follow up once with Priya Raman");
  g_clear_pointer (&items, g_ptr_array_unref);
  g_clear_pointer (&title, g_free);

  /* The follow-up, sent on Monday the 14th: nothing until 7 business days
   * later, then "No response". A draft not sent, or to someone else, is
   * no follow-up. */
  mix_draft_set_contact_id (follow_up, mix_record_get_id (priya));
  g_assert_true (mix_draft_mark_sent (follow_up, "2026-12-14", NULL));
  mix_drafts_add (drafts, follow_up);
  {
    g_autoptr(MixDraft) unsent = mix_draft_new ();
    g_autoptr(MixDraft) other = mix_draft_new ();

    mix_draft_set_contact_id (unsent, mix_record_get_id (priya));
    mix_drafts_add (drafts, unsent);
    mix_draft_set_contact_id (other, "someone-else");
    g_assert_true (mix_draft_mark_sent (other, "2026-12-20", NULL));
    mix_drafts_add (drafts, other);
  }
  items = today_list (tracker, drafts, "2026-12-22");
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = today_list (tracker, drafts, "2026-12-23");
  g_assert_cmpuint (items->len, ==, 1);
  item = items->pdata[0];
  g_assert_cmpint (item->kind, ==, MIX_TODAY_NO_RESPONSE);
  g_assert_cmpstr (item->since, ==, "2026-12-14");
  title = mix_today_item_title (item);
  g_assert_cmpstr (title, ==, "Mark Priya Raman as “No response”");
  g_clear_pointer (&items, g_ptr_array_unref);

  /* She replied. */
  g_assert_true (mix_record_set_value_by_id (priya, "status", "replied", NULL));
  items = today_list (tracker, drafts, "2026-12-23");
  g_assert_cmpuint (items->len, ==, 0);
}

/* Follow-up dates that have come, in both tabs; a thank-you for a talk
 * with none sent, due the next day and asked for a week. */
static void
test_follow_up_dates_and_thanks (void)
{
  g_autoptr(MixTracker) tracker = mix_tracker_new ();
  g_autoptr(GPtrArray) items = NULL;
  MixRecord *talk = mix_tracker_add_row (tracker, MIX_TAB_NETWORKING_LOG);
  MixRecord *later = new_contact (tracker, "Lee Chen", "Globex", "replied", "2026-11-01");
  MixRecord *old = mix_tracker_add_row (tracker, MIX_TAB_NETWORKING_LOG);
  const MixTodayItem *item;
  GDate today;

  g_assert_true (mix_record_set_value_by_id (talk, "name", "Ana Souza", NULL));
  g_assert_true (mix_record_set_value_by_id (talk, "date", "2026-12-01", NULL));
  g_assert_true (mix_record_set_value_by_id (talk, "follow_up_date", "2026-12-04", NULL));
  g_assert_true (mix_record_set_value_by_id (later, "follow_up_date", "2026-12-10", NULL));
  /* Talked long ago, never thanked: not asked for any more. */
  g_assert_true (mix_record_set_value_by_id (old, "name", "Old Friend", NULL));
  g_assert_true (mix_record_set_value_by_id (old, "date", "2026-10-01", NULL));

  items = today_list (tracker, NULL, "2026-12-01");
  g_assert_cmpuint (items->len, ==, 1);
  item = items->pdata[0];
  g_assert_cmpint (item->kind, ==, MIX_TODAY_THANK_YOU);
  g_assert_cmpstr (item->due, ==, "2026-12-02");
  g_clear_pointer (&items, g_ptr_array_unref);

  items = today_list (tracker, NULL, "2026-12-04");
  g_assert_cmpuint (items->len, ==, 2);
  /* The longest overdue first. */
  g_assert_cmpint (((MixTodayItem *) items->pdata[0])->kind, ==, MIX_TODAY_THANK_YOU);
  item = items->pdata[1];
  g_assert_cmpint (item->kind, ==, MIX_TODAY_FOLLOW_UP_DATE);
  g_assert_cmpint (item->tab, ==, MIX_TAB_NETWORKING_LOG);
  set_day (&today, "2026-12-04");
  {
    g_autofree char *reason = mix_today_item_reason (item, &today);

    g_assert_cmpstr (reason, ==, "The follow-up date is today");
  }
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Thanked: no more; a week on, the talk's thank-you would be gone too. */
  g_assert_true (mix_record_set_value_by_id (talk, "thank_you_sent", "true", NULL));
  items = today_list (tracker, NULL, "2026-12-10");
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_nonnull (item_for (items, "Ana Souza"));
  item = item_for (items, "Lee Chen");
  if (item == NULL)
    g_error ("Lee Chen's follow-up date is not on the list");
  g_assert_cmpint (item->kind, ==, MIX_TODAY_FOLLOW_UP_DATE);
  g_assert_cmpint (item->tab, ==, MIX_TAB_NEW_CONTACTS);
}

/* Keep in touch: due the cadence after the later of Last Contact and the
 * latest conversation logged with them (by name, case and accents aside);
 * logging a conversation moves it. */
static void
test_keep_in_touch (void)
{
  g_autoptr(MixTracker) tracker = mix_tracker_new ();
  g_autoptr(GPtrArray) items = NULL;
  MixRecord *mentor = mix_tracker_add_row (tracker, MIX_TAB_EXISTING_NETWORK);
  MixRecord *friend = mix_tracker_add_row (tracker, MIX_TAB_EXISTING_NETWORK);
  MixRecord *talk;
  const MixTodayItem *item;

  g_assert_true (mix_record_set_value_by_id (mentor, "name", "José Pérez", NULL));
  g_assert_true (mix_record_set_value_by_id (mentor, "last_contact", "2026-10-15", NULL));
  g_assert_true (mix_record_set_value_by_id (mentor, "keep_in_touch", "month", NULL));
  g_assert_true (mix_record_set_value_by_id (friend, "name", "Kim", NULL));
  g_assert_true (mix_record_set_value_by_id (friend, "last_contact", "2026-01-01", NULL));
  g_assert_true (mix_record_set_value_by_id (friend, "keep_in_touch", "never", NULL));

  items = today_list (tracker, NULL, "2026-11-14");
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = today_list (tracker, NULL, "2026-11-15");
  g_assert_cmpuint (items->len, ==, 1);
  item = items->pdata[0];
  g_assert_cmpint (item->kind, ==, MIX_TODAY_KEEP_IN_TOUCH);
  g_assert_cmpstr (item->since, ==, "2026-10-15");
  g_assert_cmpstr (item->due, ==, "2026-11-15");
  g_clear_pointer (&items, g_ptr_array_unref);

  /* A conversation logged with him on the 20th: next on December 20th. */
  talk = mix_tracker_add_row (tracker, MIX_TAB_NETWORKING_LOG);
  g_assert_true (mix_record_set_value_by_id (talk, "name", "jose perez ", NULL));
  g_assert_true (mix_record_set_value_by_id (talk, "date", "2026-11-20", NULL));
  g_assert_true (mix_record_set_value_by_id (talk, "thank_you_sent", "true", NULL));
  items = today_list (tracker, NULL, "2026-12-19");
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = today_list (tracker, NULL, "2026-12-20");
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (((MixTodayItem *) items->pdata[0])->since, ==, "2026-11-20");
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Every 2 weeks, a quarter, 6 months, a year. */
  {
    struct { const char *cadence; const char *due; } cases[] = {
      { "2-weeks", "2026-12-04" }, { "quarter", "2027-02-20" },
      { "6-months", "2027-05-20" }, { "year", "2027-11-20" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_assert_true (mix_record_set_value_by_id (mentor, "keep_in_touch", cases[i].cadence, NULL));
        items = today_list (tracker, NULL, "2028-01-01");
        g_assert_cmpuint (items->len, ==, 1);
        g_assert_cmpstr (((MixTodayItem *) items->pdata[0])->due, ==, cases[i].due);
        g_clear_pointer (&items, g_ptr_array_unref);
      }
  }
}

/* A snoozed item comes back on the day it was snoozed to; a done one does
 * not, until it is due again for another reason or day. */
static void
test_snooze_and_done (void)
{
  g_autoptr(MixTracker) tracker = mix_tracker_new ();
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(MixTodayItem) item = NULL;
  GDate until;

  new_contact (tracker, "Priya Raman", "Stripe", "messaged", "2026-12-03");
  items = today_list (tracker, NULL, "2026-12-08");
  g_assert_cmpuint (items->len, ==, 1);
  item = mix_today_item_copy (items->pdata[0]);
  g_clear_pointer (&items, g_ptr_array_unref);

  set_day (&until, "2026-12-10");
  g_assert_true (mix_today_snooze (tracker, item, &until));
  items = today_list (tracker, NULL, "2026-12-09");
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = today_list (tracker, NULL, "2026-12-10");
  g_assert_cmpuint (items->len, ==, 1);
  g_clear_pointer (&items, g_ptr_array_unref);

  g_assert_true (mix_today_mark_done (tracker, item));
  items = today_list (tracker, NULL, "2026-12-11");
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);
  /* Seven business days: follow up once, a new item. */
  items = today_list (tracker, NULL, "2026-12-14");
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpint (((MixTodayItem *) items->pdata[0])->kind, ==, MIX_TODAY_FOLLOW_UP_ONCE);
}

static GPtrArray *
reloaded_list (MixTracker *tracker,
               const char *today)
{
  g_autoptr(GString) text = g_string_new ("{");
  g_autoptr(MixTracker) back = mix_tracker_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  guint n_skipped = 0;

  mix_tracker_append_json (tracker, text);
  g_string_append_c (text, '}');
  node = json_from_string (text->str, &error);
  g_assert_no_error (error);
  g_assert_true (mix_tracker_load_json (back, json_node_get_object (node), &n_skipped, &error));
  g_assert_no_error (error);
  return today_list (back, NULL, today);
}

/* Snoozes and dones are kept in the item's row: written with it, read
 * back, changed again after it was written, and taken back by Undo. */
static void
test_marks_kept_in_rows (void)
{
  g_autoptr(MixTracker) tracker = mix_tracker_new ();
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(MixTodayItem) item = NULL;
  MixRecord *priya = new_contact (tracker, "Priya Raman", "Stripe", "messaged", "2026-12-03");
  g_autofree char *modified = NULL;
  GDate until;

  new_contact (tracker, "Sam Rivera", "Hooli", "messaged", "2026-12-03");
  items = today_list (tracker, NULL, "2026-12-08");
  g_assert_cmpuint (items->len, ==, 2);
  item = mix_today_item_copy (item_for (items, "Priya Raman"));
  g_clear_pointer (&items, g_ptr_array_unref);

  /* A copy: the row's own is freed when it changes. */
  modified = g_strdup (mix_record_get_modified (priya));
  set_day (&until, "2026-12-10");
  g_assert_true (mix_today_snooze (tracker, item, &until));
  g_assert_cmpint (mix_timestamp_compare (mix_record_get_modified (priya), modified), >, 0);
  items = reloaded_list (tracker, "2026-12-09");
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (((MixTodayItem *) items->pdata[0])->name, ==, "Sam Rivera");
  g_clear_pointer (&items, g_ptr_array_unref);
  items = reloaded_list (tracker, "2026-12-10");
  g_assert_cmpuint (items->len, ==, 2);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Written out above: marked again all the same. */
  g_assert_true (mix_today_mark_done (tracker, item));
  items = reloaded_list (tracker, "2026-12-11");
  g_assert_cmpuint (items->len, ==, 1);
  g_clear_pointer (&items, g_ptr_array_unref);

  mix_today_unmark (tracker, item);
  g_assert_null (mix_record_get_mark (priya, item->key));
  items = reloaded_list (tracker, "2026-12-11");
  g_assert_cmpuint (items->len, ==, 2);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* A row gone: nothing to mark. */
  g_assert_true (mix_tracker_remove_row (tracker, priya, NULL));
  g_assert_false (mix_today_mark_done (tracker, item));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/today/business-days", test_business_days);
  g_test_add_func ("/today/3b7", test_three_b_seven);
  g_test_add_func ("/today/follow-up-dates-and-thanks", test_follow_up_dates_and_thanks);
  g_test_add_func ("/today/keep-in-touch", test_keep_in_touch);
  g_test_add_func ("/today/snooze-and-done", test_snooze_and_done);
  g_test_add_func ("/today/marks-kept-in-rows", test_marks_kept_in_rows);

  return g_test_run ();
}
