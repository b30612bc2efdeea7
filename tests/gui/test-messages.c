/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mix-date.h"
#include "mix-messages-page.h"
#include "mix-template.h"
#include "mix-test-gui.h"
#include "mix-window.h"

static MixApplication *app;
static MixWindow *window;

typedef struct
{
  MixMessagesPage *page;
  MixStore        *store;
  MixTracker      *tracker;
  MixDrafts       *drafts;
} Fixture;

/* The first visible label below @widget whose text contains @text. */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}


/* The row of the checklist titled @title. */
static AdwActionRow *
find_check_row (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_ACTION_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *found = find_check_row (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkCheckButton *
check_button_of (AdwActionRow *row)
{
  return GTK_CHECK_BUTTON (mix_test_find_widget (GTK_WIDGET (row), GTK_TYPE_CHECK_BUTTON));
}

/* Clicks the Undo of the toast titled @title, as a user would. */
static void
click_undo_of (const char *title)
{
  GtkButton *undo;

  mix_test_spin ();
  undo = GTK_BUTTON (mix_test_find_toast_button (GTK_WIDGET (window), title, "_Undo"));
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  mix_test_spin ();
}

/* Clicks the Undo of the only toast, as a user would. */
static void
click_undo (void)
{
  GtkButton *undo = NULL;

  /* libadwaita 1.7 shows a toast a few frames later than 1.2. */
  for (guint i = 0; i < 200 && undo == NULL; i++)
    {
      mix_test_spin ();
      undo = GTK_BUTTON (mix_test_find_button (GTK_WIDGET (window), "_Undo"));
    }
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  mix_test_spin ();
}

/* The @n-th text view below @widget, in tree order. */
static GtkTextView *
nth_text_view_walk (GtkWidget *widget,
                    guint     *n)
{
  if (GTK_IS_TEXT_VIEW (widget))
    {
      if (*n == 0)
        return GTK_TEXT_VIEW (widget);
      (*n)--;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkTextView *found = nth_text_view_walk (child, n);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkTextView *
nth_text_view (GtkWidget *widget,
               guint      n)
{
  return nth_text_view_walk (widget, &n);
}

static GtkTextView *
body_view (Fixture *f)
{
  /* The message comes before the conversation notes. */
  return GTK_TEXT_VIEW (mix_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_TEXT_VIEW));
}

/* Types @text at the end of the message, as a keyboard would. */
static void
type_text (Fixture    *f,
           const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (body_view (f));
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_interactive (buffer, &end, text, -1, TRUE);
  mix_test_spin ();
}

static void
new_draft (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "messages.new-draft", NULL));
  mix_test_spin ();
  g_assert_nonnull (mix_messages_page_get_draft (f->page));
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
  g_assert_true (mix_record_set_value_by_id (record, "company", company, NULL));
  if (role != NULL)
    g_assert_true (mix_record_set_value_by_id (record, "role", role, NULL));
  return record;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GSettings *settings = mix_application_get_settings (app);

  f->store = mix_application_get_store (app);
  f->tracker = mix_store_get_tracker (f->store);
  f->drafts = mix_store_get_drafts (f->store);
  f->page = MIX_MESSAGES_PAGE (mix_test_find_widget (GTK_WIDGET (window), MIX_TYPE_MESSAGES_PAGE));
  g_assert_nonnull (f->page);
  g_settings_reset (settings, "linkedin-free-account");

  /* Each test starts with no drafts and an empty tracker. */
  mix_messages_page_show_draft (f->page, NULL);
  while (g_list_model_get_n_items (G_LIST_MODEL (f->drafts)) > 0)
    {
      g_autoptr(MixDraft) draft = g_list_model_get_item (G_LIST_MODEL (f->drafts), 0);
      mix_drafts_remove (f->drafts, draft, NULL);
    }
  for (guint t = 0; t < MIX_N_TABS; t++)
    while (mix_tracker_get_n_rows (f->tracker, t) > 0)
      {
        g_autoptr(MixRecord) record = g_list_model_get_item (mix_tracker_get_rows (f->tracker, t), 0);
        mix_tracker_remove_row (f->tracker, record, NULL);
      }
  mix_test_spin ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  mix_test_spin ();
}

/* The character count follows what is typed, against the channel's limit,
 * and turns to the error style past it; email has no limit; a free
 * LinkedIn account lowers the note's limit to 200. */
static void
test_counter (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *long_text = g_strnfill (299, 'a');
  GtkLabel *count;
  AdwComboRow *channel;

  new_draft (f);
  count = find_label (GTK_WIDGET (f->page), "/ 300 characters");
  g_assert_nonnull (count);
  g_assert_cmpstr (gtk_label_get_text (count), ==, "0 / 300 characters");

  type_text (f, "Hi Zoë");
  g_assert_cmpstr (gtk_label_get_text (count), ==, "6 / 300 characters");
  g_assert_cmpstr (mix_draft_get_body (mix_messages_page_get_draft (f->page)), ==, "Hi Zoë");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (count), "error"));

  type_text (f, long_text);
  g_assert_cmpstr (gtk_label_get_text (count), ==, "305 / 300 characters");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (count), "error"));

  g_settings_set_boolean (mix_application_get_settings (app), "linkedin-free-account", TRUE);
  mix_test_spin ();
  g_assert_cmpstr (gtk_label_get_text (count), ==, "305 / 200 characters");

  channel = ADW_COMBO_ROW (mix_test_find_widget (GTK_WIDGET (f->page), ADW_TYPE_COMBO_ROW));
  adw_combo_row_set_selected (channel, MIX_CHANNEL_EMAIL);
  mix_test_spin ();
  g_assert_cmpint (mix_draft_get_channel (mix_messages_page_get_draft (f->page)), ==,
                   MIX_CHANNEL_EMAIL);
  g_assert_cmpstr (gtk_label_get_text (count), ==, "305 characters");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (count), "error"));
  g_assert_nonnull (find_label (GTK_WIDGET (f->page), "2 words"));
}

/* Mark as Sent sets the draft's status and date, and moves a linked New
 * Contacts row from "Not contacted" to "Messaged" today; Undo puts both
 * back. */
static void
test_mark_sent (Fixture       *f,
                gconstpointer  data)
{
  MixRecord *record = add_contact (f, MIX_TAB_NEW_CONTACTS, "Priya Patel", "Acme", "Developer");
  g_autofree char *today = mix_date_today_iso ();
  MixDraft *draft;

  g_assert_true (mix_record_set_value_by_id (record, "status", "not-contacted", NULL));
  new_draft (f);
  draft = mix_messages_page_get_draft (f->page);
  g_assert_true (mix_messages_page_link_contact (f->page, mix_record_get_id (record)));
  g_assert_cmpstr (mix_draft_get_recipient (draft), ==, "Priya Patel");
  type_text (f, "Hi Priya, would you have 15 minutes for a call?");

  g_assert_nonnull (find_label (GTK_WIDGET (f->page), "Mark as Sent"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "messages.toggle-sent", NULL));
  mix_test_spin ();
  g_assert_cmpint (mix_draft_get_status (draft), ==, MIX_DRAFT_STATUS_SENT);
  g_assert_cmpstr (mix_draft_get_sent_on (draft), ==, today);
  g_assert_cmpstr (mix_record_get_value_by_id (record, "status"), ==, "messaged");
  g_assert_cmpstr (mix_record_get_value_by_id (record, "contacted_on"), ==, today);
  g_assert_nonnull (find_label (GTK_WIDGET (f->page), "Mark as Not Sent"));
  g_assert_nonnull (find_label (GTK_WIDGET (f->page), "Sent on"));

  click_undo ();
  g_assert_cmpint (mix_draft_get_status (draft), ==, MIX_DRAFT_STATUS_DRAFT);
  g_assert_null (mix_draft_get_sent_on (draft));
  g_assert_cmpstr (mix_record_get_value_by_id (record, "status"), ==, "not-contacted");
  g_assert_null (mix_record_get_value_by_id (record, "contacted_on"));
  g_assert_nonnull (find_label (GTK_WIDGET (f->page), "Mark as Sent"));

  /* A contact already further along is left as it is. */
  g_assert_true (mix_record_set_value_by_id (record, "status", "replied", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "messages.toggle-sent", NULL));
  mix_test_spin ();
  g_assert_cmpint (mix_draft_get_status (draft), ==, MIX_DRAFT_STATUS_SENT);
  g_assert_cmpstr (mix_record_get_value_by_id (record, "status"), ==, "replied");
}

/* The checklist is ticked as the student types, from what the tracker
 * knows of the contact; an item found cannot be unticked, and a manual
 * answer is kept with the draft. */
static void
test_checklist_live (Fixture       *f,
                     gconstpointer  data)
{
  MixRecord *record = add_contact (f, MIX_TAB_EXISTING_NETWORK, "Zoë Ångström", "Globex", NULL);
  AdwActionRow *greets;
  AdwActionRow *specific;
  AdwActionRow *proofread;
  MixChecklistResult result;

  new_draft (f);
  g_assert_true (mix_messages_page_link_contact (f->page, mix_record_get_id (record)));
  greets = find_check_row (GTK_WIDGET (f->page), "Greets them by name");
  specific = find_check_row (GTK_WIDGET (f->page), "Mentions something specific about them");
  proofread = find_check_row (GTK_WIDGET (f->page), "Proofread");
  g_assert_nonnull (greets);
  g_assert_nonnull (specific);
  g_assert_nonnull (proofread);
  g_assert_false (gtk_check_button_get_active (check_button_of (greets)));

  type_text (f, "Hi Zoë, ");
  mix_messages_page_get_checklist (f->page, &result);
  g_assert_true (result.passed[MIX_CHECK_GREETS_BY_NAME]);
  g_assert_false (result.passed[MIX_CHECK_SPECIFIC]);
  g_assert_true (gtk_check_button_get_active (check_button_of (greets)));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (check_button_of (greets))));
  g_assert_cmpstr (adw_action_row_get_subtitle (greets), ==, "Checked automatically");
  g_assert_false (gtk_check_button_get_active (check_button_of (specific)));

  type_text (f, "your work at Globex on search caught my eye.");
  g_assert_true (gtk_check_button_get_active (check_button_of (specific)));
  g_assert_nonnull (find_label (GTK_WIDGET (f->page), " of 11"));

  /* By hand: Proofread. */
  gtk_check_button_set_active (check_button_of (proofread), TRUE);
  mix_test_spin ();
  g_assert_true (mix_draft_get_check (mix_messages_page_get_draft (f->page), MIX_CHECK_PROOFREAD));
  g_assert_cmpstr (adw_action_row_get_subtitle (proofread), ==, "Ticked by you");
  gtk_check_button_set_active (check_button_of (proofread), FALSE);
  mix_test_spin ();
  g_assert_false (mix_draft_has_check (mix_messages_page_get_draft (f->page), MIX_CHECK_PROOFREAD));
}

/* A template is filled from the contact, a missing value left visible;
 * replacing text the student wrote can be undone. */
static void
test_template (Fixture       *f,
               gconstpointer  data)
{
  MixRecord *record = add_contact (f, MIX_TAB_NEW_CONTACTS, "Dr. Ada King", "Analytical", NULL);
  MixDraft *draft;
  guint with_role = G_MAXUINT;

  for (guint i = 0; i < mix_template_get_n () && with_role == G_MAXUINT; i++)
    if (strstr (mix_template_get_body (i), "{role}") != NULL &&
        strstr (mix_template_get_body (i), "{first_name}") != NULL)
      with_role = i;
  g_assert_cmpuint (with_role, !=, G_MAXUINT);

  new_draft (f);
  draft = mix_messages_page_get_draft (f->page);
  g_assert_true (mix_messages_page_link_contact (f->page, mix_record_get_id (record)));
  mix_messages_page_apply_template (f->page, with_role);
  mix_test_spin ();
  g_assert_nonnull (strstr (mix_draft_get_body (draft), "Ada"));
  g_assert_nonnull (strstr (mix_draft_get_body (draft), "[role]"));
  g_assert_null (strstr (mix_draft_get_body (draft), "{first_name}"));

  /* Over the student's own words: Undo brings them back. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (body_view (f)), "My own words", -1);
  mix_test_spin ();
  mix_messages_page_apply_template (f->page, 0);
  mix_test_spin ();
  g_assert_cmpstr (mix_draft_get_body (draft), !=, "My own words");
  click_undo ();
  g_assert_cmpstr (mix_draft_get_body (draft), ==, "My own words");
}

/* New Draft goes to the top of the list; deleting it can be undone. */
static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  MixDraft *draft;

  new_draft (f);
  type_text (f, "Keep me");
  draft = mix_messages_page_get_draft (f->page);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->drafts)), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "messages.delete-draft", NULL));
  mix_test_spin ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->drafts)), ==, 0);
  g_assert_null (mix_messages_page_get_draft (f->page));

  click_undo ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->drafts)), ==, 1);
  g_assert_true (mix_messages_page_get_draft (f->page) == draft);
  g_assert_cmpstr (mix_draft_get_body (draft), ==, "Keep me");
}

/* Prepare: questions from the bank and the student's own, the closing
 * question last, and Log This Conversation adds a Networking Log row. */
static void
test_log_conversation (Fixture       *f,
                       gconstpointer  data)
{
  MixRecord *record = add_contact (f, MIX_TAB_NEW_CONTACTS, "Sam Rivera", "Pied Piper", NULL);
  GtkTextView *notes;
  MixPrep *prep;
  MixRecord *logged;
  g_autofree char *today = mix_date_today_iso ();

  new_draft (f);
  g_assert_true (mix_messages_page_link_contact (f->page, mix_record_get_id (record)));
  mix_test_spin ();
  g_assert_nonnull (find_label (GTK_WIDGET (f->page), "Who else from your network"));

  prep = mix_drafts_find_prep (f->drafts, mix_record_get_id (record));
  g_assert_null (prep);

  notes = nth_text_view (GTK_WIDGET (f->page), 1);
  g_assert_nonnull (notes);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (notes), "They hire juniors in spring.", -1);
  mix_test_spin ();
  prep = mix_drafts_find_prep (f->drafts, mix_record_get_id (record));
  g_assert_nonnull (prep);
  g_assert_cmpstr (mix_prep_get_notes (prep), ==, "They hire juniors in spring.");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "messages.log-conversation", NULL));
  mix_test_spin ();
  g_assert_cmpuint (mix_tracker_get_n_rows (f->tracker, MIX_TAB_NETWORKING_LOG), ==, 1);
  logged = g_list_model_get_item (mix_tracker_get_rows (f->tracker, MIX_TAB_NETWORKING_LOG), 0);
  g_assert_cmpstr (mix_record_get_value_by_id (logged, "name"), ==, "Sam Rivera");
  g_assert_cmpstr (mix_record_get_value_by_id (logged, "company"), ==, "Pied Piper");
  g_assert_cmpstr (mix_record_get_value_by_id (logged, "date"), ==, today);
  g_assert_cmpstr (mix_record_get_value_by_id (logged, "format"), ==, "coffee-chat");
  g_assert_cmpstr (mix_record_get_value_by_id (logged, "what_i_learned"), ==,
                   "They hire juniors in spring.");

  /* Logged again the same day (a note added after the first click), the
   * same row is brought up to date: one conversation, counted once. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (notes),
                            "They hire juniors in spring. Ask Lin.", -1);
  mix_test_spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "messages.log-conversation", NULL));
  mix_test_spin ();
  g_assert_cmpuint (mix_tracker_get_n_rows (f->tracker, MIX_TAB_NETWORKING_LOG), ==, 1);
  g_assert_cmpstr (mix_record_get_value_by_id (logged, "what_i_learned"), ==,
                   "They hire juniors in spring. Ask Lin.");
  /* Undo puts the first log back as it was, not away. */
  click_undo_of ("Conversation with Sam Rivera updated in your Networking Log");
  g_assert_cmpuint (mix_tracker_get_n_rows (f->tracker, MIX_TAB_NETWORKING_LOG), ==, 1);
  g_assert_cmpstr (mix_record_get_value_by_id (logged, "what_i_learned"), ==,
                   "They hire juniors in spring.");

  /* Another day, another conversation: a second row. */
  mix_record_set_value_by_id (logged, "date", "2020-01-15", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "messages.log-conversation", NULL));
  mix_test_spin ();
  g_assert_cmpuint (mix_tracker_get_n_rows (f->tracker, MIX_TAB_NETWORKING_LOG), ==, 2);
  g_assert_cmpstr (mix_record_get_value_by_id (logged, "date"), ==, "2020-01-15");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "win.undo", NULL));
  mix_test_spin ();
  g_assert_cmpuint (mix_tracker_get_n_rows (f->tracker, MIX_TAB_NETWORKING_LOG), ==, 1);
  g_object_unref (logged);
}

/* A contact deleted from the tracker is no longer the draft's: the "To"
 * row is back, the checklist has nothing to compare with, and Undo of the
 * deletion brings the contact back. */
static void
test_contact_deleted (Fixture       *f,
                      gconstpointer  data)
{
  MixRecord *record = add_contact (f, MIX_TAB_NEW_CONTACTS, "Priya Patel", "Acme", NULL);
  g_autoptr(MixRecord) kept = g_object_ref (record);
  AdwActionRow *greets;
  guint position;

  new_draft (f);
  g_assert_true (mix_messages_page_link_contact (f->page, mix_record_get_id (record)));
  type_text (f, "Hi Priya");
  greets = find_check_row (GTK_WIDGET (f->page), "Greets them by name");
  g_assert_true (gtk_check_button_get_active (check_button_of (greets)));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (find_label (GTK_WIDGET (f->page),
                                                               "New Contacts"))));

  g_assert_true (mix_tracker_remove_row (f->tracker, record, &position));
  mix_test_spin ();
  g_assert_false (gtk_check_button_get_active (check_button_of (greets)));
  g_assert_cmpstr (adw_action_row_get_subtitle (greets), ==,
                   "Nothing to compare with: tick it yourself");
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (find_label (GTK_WIDGET (f->page),
                                                                "New Contacts"))));

  mix_tracker_insert_row (f->tracker, kept, position);
  mix_test_spin ();
  g_assert_true (gtk_check_button_get_active (check_button_of (greets)));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (find_label (GTK_WIDGET (f->page),
                                                               "New Contacts"))));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = mix_test_gui_init (&argc, &argv);
  mix_store_set_autosave_delay (mix_application_get_store (app), 3600 * 1000);
  window = mix_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  mix_window_show_page (window, "messages");
  gtk_window_present (GTK_WINDOW (window));

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/messages/counter", test_counter);
  ADD ("/messages/mark-sent", test_mark_sent);
  ADD ("/messages/checklist-live", test_checklist_live);
  ADD ("/messages/template", test_template);
  ADD ("/messages/delete-undo", test_delete_undo);
  ADD ("/messages/log-conversation", test_log_conversation);
  ADD ("/messages/contact-deleted", test_contact_deleted);
#undef ADD

  ret = g_test_run ();
  g_object_unref (app);
  return ret;
}
