/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "mix-date.h"
#include "mix-test-gui.h"
#include "mix-today-page.h"
#include "mix-today.h"
#include "mix-window.h"

static MixWindow *window;
static MixTodayPage *page;

static MixStore *
get_store (void)
{
  return mix_application_get_store (MIX_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
}

static MixRecord *
add_row (MixTab      tab,
         const char *first_column,
         ...)
{
  MixRecord *row = mix_tracker_add_row (mix_store_get_tracker (get_store ()), tab);
  va_list args;

  va_start (args, first_column);
  for (const char *column = first_column; column != NULL; column = va_arg (args, const char *))
    g_assert_true (mix_record_set_value_by_id (row, column, va_arg (args, const char *), NULL));
  va_end (args);
  return row;
}

static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;
  return FALSE;
}

static const MixTodayItem *
item_of_kind (MixTodayKind kind)
{
  GPtrArray *items = mix_today_page_get_items (page);

  for (guint i = 0; items != NULL && i < items->len; i++)
    if (((MixTodayItem *) items->pdata[i])->kind == kind)
      return items->pdata[i];
  return NULL;
}

static const char *
key_of (MixTodayKind kind)
{
  const MixTodayItem *item = item_of_kind (kind);

  if (item == NULL)
    g_error ("no item of kind %d on the list", kind);
  return item->key;
}

static gboolean
is_tooltip (GtkWidget *widget,
            gpointer   text)
{
  return GTK_IS_WIDGET (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0 &&
         gtk_widget_get_mapped (widget);
}

/* The list of a day, overdue first; each item's button does what it
 * says in the tracker, the toast and Ctrl+Z take it back, and the list
 * follows. */
static void
test_items_and_actions (void)
{
  MixTracker *tracker = mix_store_get_tracker (get_store ());
  MixHistory *history = mix_window_get_history (window);
  MixRecord *talk, *kim;
  guint n_log;
  GtkWidget *done;
  GDate today;

  g_assert_true (mix_date_parse ("2026-12-03", &today));
  mix_today_page_set_today (page, &today);
  mix_test_spin ();
  g_assert_true (shows_label (GTK_WIDGET (page), "Nothing Due Today"));

  add_row (MIX_TAB_NEW_CONTACTS, "name", "Priya Raman", "company", "Stripe",
           "status", "messaged", "contacted_on", "2026-11-27", NULL);
  talk = add_row (MIX_TAB_NETWORKING_LOG, "name", "Ana Souza", "date", "2026-12-02", NULL);
  kim = add_row (MIX_TAB_EXISTING_NETWORK, "name", "Kim Nguyen", "last_contact", "2026-11-03",
                 "keep_in_touch", "month", NULL);
  mix_test_spin ();
  g_assert_cmpuint (mix_today_page_get_items (page)->len, ==, 3);
  g_assert_true (shows_label (GTK_WIDGET (page), "Overdue"));
  g_assert_true (shows_label (GTK_WIDGET (page), "Reach a second person at Stripe"));
  g_assert_true (shows_label (GTK_WIDGET (page), "Thank Ana Souza for the conversation"));
  g_assert_true (shows_label (GTK_WIDGET (page), "Keep in touch with Kim Nguyen"));

  /* Thank-You Sent: the log row says so; Undo takes it back. */
  done = mix_test_find_widget_where (GTK_WIDGET (page), is_tooltip, (gpointer) "Thank-You Sent");
  g_assert_nonnull (done);
  g_signal_emit_by_name (done, "clicked");
  mix_test_spin ();
  g_assert_true (mix_record_get_boolean (talk, (guint) mix_tab_find_column (MIX_TAB_NETWORKING_LOG,
                                                                            "thank_you_sent")));
  g_assert_null (item_of_kind (MIX_TODAY_THANK_YOU));
  g_assert_true (mix_history_undo (history));
  mix_test_spin ();
  g_assert_false (mix_record_get_boolean (talk, (guint) mix_tab_find_column (MIX_TAB_NETWORKING_LOG,
                                                                             "thank_you_sent")));
  g_assert_nonnull (item_of_kind (MIX_TODAY_THANK_YOU));

  /* In touch today: Last Contact is today, and Kim is off the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.done", "s",
                                             key_of (MIX_TODAY_KEEP_IN_TOUCH)));
  mix_test_spin ();
  g_assert_cmpstr (mix_record_get_value_by_id (kim, "last_contact"), ==, "2026-12-03");
  g_assert_null (item_of_kind (MIX_TODAY_KEEP_IN_TOUCH));

  /* Snoozed a day: gone today, back tomorrow. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.snooze-day", "s",
                                             key_of (MIX_TODAY_THANK_YOU)));
  mix_test_spin ();
  g_assert_null (item_of_kind (MIX_TODAY_THANK_YOU));
  g_date_add_days (&today, 1);
  mix_today_page_set_today (page, &today);
  g_assert_nonnull (item_of_kind (MIX_TODAY_THANK_YOU));

  /* Log a Conversation: a row of the log, today, with Priya and Stripe. */
  n_log = mix_tracker_get_n_rows (tracker, MIX_TAB_NETWORKING_LOG);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.log", "s",
                                             key_of (MIX_TODAY_SECOND_PERSON)));
  mix_test_spin ();
  g_assert_cmpuint (mix_tracker_get_n_rows (tracker, MIX_TAB_NETWORKING_LOG), ==, n_log + 1);
  {
    g_autoptr(MixRecord) logged = g_list_model_get_item (mix_tracker_get_rows (tracker,
                                                                               MIX_TAB_NETWORKING_LOG),
                                                         n_log);

    g_assert_cmpstr (mix_record_get_value_by_id (logged, "name"), ==, "Priya Raman");
    g_assert_cmpstr (mix_record_get_value_by_id (logged, "company"), ==, "Stripe");
    g_assert_cmpstr (mix_record_get_value_by_id (logged, "date"), ==, "2026-12-04");
  }
  g_assert_null (item_of_kind (MIX_TODAY_SECOND_PERSON));
  g_assert_true (mix_history_undo (history));
  mix_test_spin ();
  g_assert_cmpuint (mix_tracker_get_n_rows (tracker, MIX_TAB_NETWORKING_LOG), ==, n_log);
  g_assert_nonnull (item_of_kind (MIX_TODAY_SECOND_PERSON));
  g_assert_true (mix_history_redo (history));
  mix_test_spin ();
  g_assert_cmpuint (mix_tracker_get_n_rows (tracker, MIX_TAB_NETWORKING_LOG), ==, n_log + 1);
}

/* Write Message opens a new draft for them on the Messages page. */
static void
test_write_message (void)
{
  MixDrafts *drafts = mix_store_get_drafts (get_store ());
  guint n = g_list_model_get_n_items (G_LIST_MODEL (drafts));
  MixRecord *sam = add_row (MIX_TAB_NEW_CONTACTS, "name", "Sam Rivera", "company", "Hooli",
                            "status", "messaged", "contacted_on", "2026-11-20", NULL);
  const MixTodayItem *item;

  mix_test_spin ();
  item = item_of_kind (MIX_TODAY_FOLLOW_UP_ONCE);
  if (item == NULL)
    g_error ("Sam is not on the list");
  g_assert_cmpstr (item->row_id, ==, mix_record_get_id (sam));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.write", "s", item->key));
  mix_test_spin ();
  g_assert_cmpstr (mix_window_get_visible_page (window), ==, "messages");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (drafts)), ==, n + 1);
  {
    g_autoptr(MixDraft) draft = NULL;

    for (guint i = 0; i < n + 1 && draft == NULL; i++)
      {
        g_autoptr(MixDraft) candidate = g_list_model_get_item (G_LIST_MODEL (drafts), i);

        if (g_strcmp0 (mix_draft_get_contact_id (candidate), mix_record_get_id (sam)) == 0)
          draft = g_steal_pointer (&candidate);
      }
    if (draft == NULL)
      g_error ("no draft for Sam");
    g_assert_cmpstr (mix_draft_get_recipient (draft), ==, "Sam Rivera");
  }
  mix_window_show_page (window, "today");
  mix_test_spin ();
}

static GtkWidget *
find_spin (GtkWidget *widget)
{
  return mix_test_find_widget (widget, GTK_TYPE_SPIN_BUTTON);
}

/* The week: people messaged of the weekly goal, kept in the settings;
 * replies, conversations, the streak; the circles' goals with their
 * buddy, reached with a button and back with Undo. */
static void
test_week (void)
{
  MixStore *store = get_store ();
  MixSessionLog *log = mix_store_get_session_log (store);
  MixHistory *history = mix_window_get_history (window);
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today_iso = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GDateTime) next = g_date_time_add_weeks (now, 1);
  g_autofree char *due = g_date_time_format (next, "%Y-%m-%d");
  g_autofree char *session = g_strdup_printf (
    "{\"id\":\"circle-1\",\"started\":\"2026-01-01T10:00:00Z\","
    "\"finished\":\"2026-01-01T10:30:00Z\",\"roster\":["
    "{\"name\":\"Sam Rivera\",\"goal\":\"Ask one question in #jobs\","
    "\"goal_due\":\"%s\",\"buddy\":\"Ana Souza\"},"
    "{\"name\":\"Ana Souza\"}]}", due);
  g_autoptr(JsonNode) node = json_from_string (session, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MixSessionRecord) record = mix_session_record_new_from_json (node, &error);
  const MixGoal *goal;
  GtkWidget *spin, *reached;
  GDate today;

  g_assert_no_error (error);
  g_assert_true (mix_date_parse (today_iso, &today));
  mix_today_page_set_today (page, &today);
  g_settings_set_uint (settings, "weekly-goal", 2);
  mix_test_spin ();
  g_assert_cmpuint (mix_today_page_get_week (page)->goal, ==, 2);

  add_row (MIX_TAB_NEW_CONTACTS, "name", "Lee Chen", "status", "messaged",
           "contacted_on", today_iso, NULL);
  add_row (MIX_TAB_NETWORKING_LOG, "name", "Lee Chen", "date", today_iso, NULL);
  mix_test_spin ();
  g_assert_cmpuint (mix_today_page_get_week (page)->messaged, >=, 1);
  {
    g_autofree char *title = g_strdup_printf ("%u of 2 People Messaged",
                                              mix_today_page_get_week (page)->messaged);

    g_assert_true (shows_label (GTK_WIDGET (page), title));
  }

  /* The goal typed in the spin button is the setting, and the count
   * follows: one person is a week's goal met. */
  spin = find_spin (GTK_WIDGET (page));
  g_assert_nonnull (spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 1);
  mix_test_spin ();
  g_assert_cmpuint (g_settings_get_uint (settings, "weekly-goal"), ==, 1);
  g_assert_cmpuint (mix_today_page_get_week (page)->goal, ==, 1);
  g_assert_cmpuint (mix_today_page_get_week (page)->streak, >=, 1);
  g_assert_true (shows_label (GTK_WIDGET (page), "of 1 Person Messaged"));
  g_assert_true (shows_label (GTK_WIDGET (page), "in a row"));

  /* No goal: counted, no streak. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 0);
  mix_test_spin ();
  g_assert_true (shows_label (GTK_WIDGET (page), "no weekly goal"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 3);
  mix_test_spin ();

  /* Sam's goal from the circle, with Ana as his buddy. */
  g_assert_false (shows_label (GTK_WIDGET (page), "Goals From Your Circles"));
  mix_session_log_add_finished (log, record);
  mix_test_spin ();
  g_assert_true (shows_label (GTK_WIDGET (page), "Goals From Your Circles"));
  g_assert_true (shows_label (GTK_WIDGET (page), "Sam Rivera: Ask one question in #jobs"));
  g_assert_true (shows_label (GTK_WIDGET (page), "Buddy: Ana Souza"));
  reached = mix_test_find_widget_where (GTK_WIDGET (page), is_tooltip, (gpointer) "Goal Reached");
  g_assert_nonnull (reached);
  g_signal_emit_by_name (reached, "clicked");
  mix_test_spin ();
  goal = mix_session_log_get_goal (log, 0);
  g_assert_true (goal->done);
  g_assert_false (shows_label (GTK_WIDGET (page), "Ask one question in #jobs"));
  g_assert_true (mix_history_undo (history));
  mix_test_spin ();
  g_assert_false (mix_session_log_get_goal (log, 0)->done);
  g_assert_true (shows_label (GTK_WIDGET (page), "Ask one question in #jobs"));
}

/* Spins until @text shows in the window (a toast comes in once the one
 * before it is in), for at most a minute. */
static gboolean
wait_for_label (const char *text)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!shows_label (GTK_WIDGET (window), text))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, TRUE);
    }
  return TRUE;
}

/* Export Follow-ups writes the calendar and says how many; a folder
 * that is not there is said, and nothing is written. */
static void
test_export (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mix-today-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "follow-ups.ics", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "gone", "follow-ups.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autofree char *text = NULL;

  add_row (MIX_TAB_NETWORKING_LOG, "name", "Rosa Díaz, \"Ro\"", "date", "2999-01-01",
           "follow_up_date", "2999-01-02", NULL);
  g_assert_true (mix_today_page_export_to (page, file));
  mix_test_spin ();
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (text, "BEGIN:VEVENT"));
  g_assert_true (wait_for_label ("follow-ups to “follow-ups.ics”"));

  g_assert_false (mix_today_page_export_to (page, bad));
  mix_test_spin ();
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));
  g_assert_true (wait_for_label ("could not be written"));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  MixApplication *app;
  int ret;

  app = mix_test_gui_init (&argc, &argv);
  mix_store_set_autosave_delay (mix_application_get_store (app), 3600 * 1000);
  window = mix_window_new (app);
  mix_window_show_page (window, "today");
  gtk_window_present (GTK_WINDOW (window));
  mix_test_spin ();
  page = MIX_TODAY_PAGE (mix_test_find_widget (GTK_WIDGET (window), MIX_TYPE_TODAY_PAGE));
  g_assert_nonnull (page);

  g_test_add_func ("/today/items-and-actions", test_items_and_actions);
  g_test_add_func ("/today/write-message", test_write_message);
  g_test_add_func ("/today/week", test_week);
  g_test_add_func ("/today/export", test_export);

  ret = g_test_run ();
  g_object_unref (app);
  return ret;
}
