/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "mix-circle.h"
#include "mix-guide.h"
#include "mix-session-clock.h"
#include "mix-session-page-private.h"
#include "mix-session-presentation.h"
#include "mix-session-prompts.h"
#include "mix-session-turns.h"
#include "mix-timer-ring.h"
#include "mix-date.h"
#include "mix-test-gui.h"
#include "mix-window.h"

static MixWindow *window;
static MixSessionPage *page;

/* All spin buttons of the plan, in phase order. */
static void
collect_spins (GtkWidget *widget,
               GPtrArray *spins)
{
  if (GTK_IS_SPIN_BUTTON (widget))
    g_ptr_array_add (spins, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_spins (child, spins);
}

static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
warning_shown (GtkSpinButton *spin)
{
  /* The warning sits just before the spin button in the row's suffixes. */
  GtkWidget *warning = gtk_widget_get_prev_sibling (GTK_WIDGET (spin));

  return warning != NULL && GTK_IS_IMAGE (warning) && gtk_widget_get_visible (warning);
}

/* The plan shows its total against the 30-minute slot and marks a phase
 * outside the guide's range. */
static void
test_plan_total (void)
{
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();
  MixTimer *timer = mix_session_page_get_timer (page);

  collect_spins (GTK_WIDGET (page), spins);
  g_assert_cmpuint (spins->len, ==, MIX_N_PHASES);
  g_assert_true (shows_label (GTK_WIDGET (page), "Total: 30 minutes"));
  for (guint p = 0; p < MIX_N_PHASES; p++)
    g_assert_false (warning_shown (spins->pdata[p]));

  /* Introductions: the guide says 2–5 minutes. */
  gtk_spin_button_set_value (spins->pdata[0], 5);
  g_assert_cmpuint (mix_timer_get_planned_minutes (timer, MIX_PHASE_INTRODUCTIONS), ==, 5);
  g_assert_true (shows_label (GTK_WIDGET (page), "Total: 33 minutes, 3 minutes over the 30-minute slot."));
  g_assert_false (warning_shown (spins->pdata[0]));

  gtk_spin_button_set_value (spins->pdata[0], 6);
  g_assert_true (warning_shown (spins->pdata[0]));

  /* Group Discussion: 15 minutes exactly. */
  gtk_spin_button_set_value (spins->pdata[0], 2);
  gtk_spin_button_set_value (spins->pdata[2], 12);
  g_assert_true (warning_shown (spins->pdata[2]));
  g_assert_true (shows_label (GTK_WIDGET (page), "Total: 27 minutes, 3 minutes under the 30-minute slot."));

  gtk_spin_button_set_value (spins->pdata[2], 15);
  g_assert_true (shows_label (GTK_WIDGET (page), "Total: 30 minutes"));
  g_assert_false (warning_shown (spins->pdata[2]));
}

/* The controls drive the timer, and the plan is locked while it runs. */
/* The page's clock stands still unless a test moves it: what the page
 * shows must not depend on how fast the machine runs the test. */
static gint64 now_us = 1000 * G_USEC_PER_SEC;

static gint64
test_clock (gpointer user_data)
{
  return now_us;
}

static void
test_controls (void)
{
  MixTimer *timer = mix_session_page_get_timer (page);
  GtkWidget *plan = NULL;
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();

  collect_spins (GTK_WIDGET (page), spins);
  plan = gtk_widget_get_ancestor (spins->pdata[0], ADW_TYPE_PREFERENCES_GROUP);

  g_assert_true (shows_label (GTK_WIDGET (page), "Start"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "session.toggle", NULL));
  mix_test_spin ();
  g_assert_cmpint (mix_timer_get_state (timer), ==, MIX_TIMER_RUNNING);
  g_assert_true (shows_label (GTK_WIDGET (page), "Pause"));
  g_assert_false (gtk_widget_get_sensitive (plan));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "session.next", NULL));
  mix_test_spin ();
  g_assert_cmpint (mix_timer_get_phase (timer), ==, MIX_PHASE_LEADERS_SHARE);
  g_assert_true (shows_label (GTK_WIDGET (page), "Leaders Share"));
  g_assert_true (shows_label (GTK_WIDGET (page), "Next: Group Discussion"));
  g_assert_true (shows_label (GTK_WIDGET (page), "8:00"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "session.toggle", NULL));
  mix_test_spin ();
  g_assert_cmpint (mix_timer_get_state (timer), ==, MIX_TIMER_PAUSED);
  g_assert_true (shows_label (GTK_WIDGET (page), "Resume"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "session.add-minute", NULL));
  mix_test_spin ();
  g_assert_true (shows_label (GTK_WIDGET (page), "9:00"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "session.reset", NULL));
  mix_test_spin ();
  g_assert_cmpint (mix_timer_get_state (timer), ==, MIX_TIMER_IDLE);
  g_assert_cmpint (mix_timer_get_phase (timer), ==, MIX_PHASE_INTRODUCTIONS);
  g_assert_true (shows_label (GTK_WIDGET (page), "Start"));
  g_assert_true (gtk_widget_get_sensitive (plan));
}

static void
collect_checks (GtkWidget *widget,
                GPtrArray *checks)
{
  if (GTK_IS_CHECK_BUTTON (widget) && gtk_widget_get_visible (widget))
    g_ptr_array_add (checks, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_checks (child, checks);
}

/* In Leaders Share the leader picks one or two of the four questions: a
 * third is refused, and the picks are kept with the session. */
static void
test_leader_question_limit (void)
{
  MixTimer *timer = mix_session_page_get_timer (page);
  MixStore *store = mix_application_get_store (MIX_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
  MixSessionRecord *record = mix_store_get_current_session (store);
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();

  gtk_widget_activate_action (GTK_WIDGET (page), "session.toggle", NULL);
  gtk_widget_activate_action (GTK_WIDGET (page), "session.next", NULL);
  mix_test_spin ();
  g_assert_cmpint (mix_timer_get_phase (timer), ==, MIX_PHASE_LEADERS_SHARE);

  collect_checks (GTK_WIDGET (page), checks);
  g_assert_cmpuint (checks->len, ==, 4);

  gtk_check_button_set_active (checks->pdata[0], TRUE);
  gtk_check_button_set_active (checks->pdata[2], TRUE);
  gtk_check_button_set_active (checks->pdata[3], TRUE);
  mix_test_spin ();

  g_assert_true (gtk_check_button_get_active (checks->pdata[0]));
  g_assert_true (gtk_check_button_get_active (checks->pdata[2]));
  g_assert_false (gtk_check_button_get_active (checks->pdata[3]));
  g_assert_cmpuint (mix_session_record_count_leader_questions (record), ==, 2);
  g_assert_true (mix_store_is_dirty (store, MIX_DOMAIN_SESSIONS));

  /* Letting one go makes room for another. */
  gtk_check_button_set_active (checks->pdata[0], FALSE);
  gtk_check_button_set_active (checks->pdata[3], TRUE);
  g_assert_true (mix_session_record_get_leader_question (record, 3));
  g_assert_false (mix_session_record_get_leader_question (record, 0));

  gtk_widget_activate_action (GTK_WIDGET (page), "session.reset", NULL);
  mix_test_spin ();
}

/* Choosing a topic shows its activities, kept with the session. */
static void
test_topic (void)
{
  MixStore *store = mix_application_get_store (MIX_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autoptr(GPtrArray) activities = g_ptr_array_new ();

  gtk_widget_activate_action (GTK_WIDGET (page), "session.toggle", NULL);
  gtk_widget_activate_action (GTK_WIDGET (page), "session.next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (page), "session.next", NULL);
  mix_test_spin ();

  collect_checks (GTK_WIDGET (page), checks);
  g_assert_cmpuint (checks->len, ==, 4);  /* the four topics, nothing chosen yet */
  gtk_check_button_set_active (checks->pdata[1], TRUE);
  mix_test_spin ();
  g_assert_cmpstr (mix_session_record_get_topic (mix_store_get_current_session (store)), ==, "messaging");
  g_assert_true (shows_label (GTK_WIDGET (page), "Open Messages"));

  /* Its activities are check boxes too, after the four topics. */
  collect_checks (GTK_WIDGET (page), activities);
  g_assert_cmpuint (activities->len, >, 4);
  gtk_check_button_set_active (activities->pdata[4], TRUE);
  g_assert_true (mix_session_record_get_activity (mix_store_get_current_session (store), 0));

  gtk_widget_activate_action (GTK_WIDGET (page), "session.reset", NULL);
  mix_test_spin ();
}

/* Close Out adds the group to Existing Network once, and Finish keeps the
 * session among the past ones, with its goal. */
static void
test_close_out (void)
{
  MixStore *store = mix_application_get_store (MIX_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
  MixTracker *tracker = mix_store_get_tracker (store);
  MixSessionRecord *record = mix_store_get_current_session (store);
  MixTimer *timer = mix_session_page_get_timer (page);
  g_autoptr(MixPerson) ada = mix_person_new ("Ada Lovelace");
  g_autoptr(MixPerson) lin = mix_person_new ("Lin Wu");
  GtkWidget *add;
  MixRecord *row;

  g_assert_true (mix_session_record_add_person (record, ada, NULL));
  g_assert_true (mix_session_record_add_person (record, lin, NULL));
  mix_session_record_set_goal_text (record, "Message 2 developers at Hooli");

  gtk_widget_activate_action (GTK_WIDGET (page), "session.toggle", NULL);
  for (guint i = 0; i < 3; i++)
    gtk_widget_activate_action (GTK_WIDGET (page), "session.next", NULL);
  mix_test_spin ();
  g_assert_cmpint (mix_timer_get_phase (timer), ==, MIX_PHASE_CLOSE_OUT);

  add = mix_test_find_button (GTK_WIDGET (page), "Add the Group to My _Tracker");
  g_assert_nonnull (add);
  g_signal_emit_by_name (add, "clicked");
  g_assert_cmpuint (mix_tracker_get_n_rows (tracker, MIX_TAB_EXISTING_NETWORK), ==, 2);
  row = g_list_model_get_item (mix_tracker_get_rows (tracker, MIX_TAB_EXISTING_NETWORK), 0);
  g_object_unref (row);
  g_assert_cmpstr (mix_record_get_value_by_id (row, "name"), ==, "Ada Lovelace");
  g_assert_cmpstr (mix_record_get_value_by_id (row, "relationship"), ==, "turing");
  g_assert_true (g_str_has_prefix (mix_record_get_value_by_id (row, "notes"), "Met at Mix It Up on "));

  /* A second press adds no one twice. */
  g_signal_emit_by_name (add, "clicked");
  g_assert_cmpuint (mix_tracker_get_n_rows (tracker, MIX_TAB_EXISTING_NETWORK), ==, 2);

  g_signal_emit_by_name (mix_test_find_button (GTK_WIDGET (page), "_Finish Session"), "clicked");
  mix_test_spin ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mix_store_get_session_log (store))), ==, 1);
  g_assert_cmpuint (mix_session_log_get_n_goals (mix_store_get_session_log (store)), ==, 1);
  g_assert_true (mix_store_get_current_session (store) != record);
  g_assert_cmpuint (mix_session_record_get_n_people (mix_store_get_current_session (store)), ==, 0);
  g_assert_cmpint (mix_timer_get_state (timer), ==, MIX_TIMER_IDLE);
  g_assert_true (shows_label (GTK_WIDGET (page), "Past Sessions"));
  g_assert_true (shows_label (GTK_WIDGET (page), "Message 2 developers at Hooli"));
}

/* A goal's progress counts the New Contacts reached and the conversations
 * logged since it was set, from the tracker as it is when the page is
 * shown. */
static void
test_goal_progress (void)
{
  MixStore *store = mix_application_get_store (MIX_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
  MixTracker *tracker = mix_store_get_tracker (store);
  g_autofree char *today = mix_date_today_iso ();
  struct { MixTab tab; const char *status; const char *date; } rows[] = {
    { MIX_TAB_NEW_CONTACTS, "messaged", today },
    { MIX_TAB_NEW_CONTACTS, "replied", today },
    { MIX_TAB_NEW_CONTACTS, "not-contacted", today },      /* not reached */
    { MIX_TAB_NEW_CONTACTS, "messaged", "2001-01-01" },    /* before the goal */
    { MIX_TAB_NETWORKING_LOG, NULL, today },
    { MIX_TAB_NETWORKING_LOG, NULL, "2001-01-01" },        /* before the goal */
  };

  /* The goal of the session finished by /session/close-out, set today. */
  g_assert_cmpuint (mix_session_log_get_n_goals (mix_store_get_session_log (store)), ==, 1);
  g_assert_true (shows_label (GTK_WIDGET (page), "0 new contacts reached, 0 conversations logged"));

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      MixRecord *record = mix_tracker_add_row (tracker, rows[i].tab);

      if (rows[i].tab == MIX_TAB_NEW_CONTACTS)
        {
          g_assert_true (mix_record_set_value_by_id (record, "status", rows[i].status, NULL));
          g_assert_true (mix_record_set_value_by_id (record, "contacted_on", rows[i].date, NULL));
        }
      else
        g_assert_true (mix_record_set_value_by_id (record, "date", rows[i].date, NULL));
    }

  mix_window_show_page (window, "tracker");
  mix_test_spin ();
  mix_window_show_page (window, "session");
  mix_test_spin ();
  g_assert_true (shows_label (GTK_WIDGET (page), "2 new contacts reached, 1 conversation logged"));
}

/* The row whose title is @title, under @widget. */
static gboolean
is_row_titled (GtkWidget *widget,
               gpointer   title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  return mix_test_find_widget_where (widget, is_row_titled, (gpointer) title);
}

/* A year of sessions shows the latest five sessions and goals, and a row
 * to show all of them, which moves the focus to the first one it shows. */
static void
test_show_all_history (void)
{
  MixStore *store = mix_application_get_store (MIX_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
  MixSessionLog *log = mix_store_get_session_log (store);
  GtkWidget *show_all;
  GtkRoot *root;

  /* One of each from /session/close-out, and seven more. */
  for (guint i = 0; i < 7; i++)
    {
      g_autoptr(MixSessionRecord) record = mix_session_record_new ();
      g_autofree char *goal = g_strdup_printf ("Goal number %u", i);

      mix_session_record_set_goal_text (record, goal);
      mix_session_record_finish (record);
      mix_session_log_add_finished (log, record);
    }
  mix_test_spin ();
  g_assert_cmpuint (mix_session_log_get_n_goals (log), ==, 8);

  /* The newest goals first: the two oldest are not shown. */
  g_assert_nonnull (find_row (GTK_WIDGET (page), "Goal number 6"));
  g_assert_nonnull (find_row (GTK_WIDGET (page), "Goal number 2"));
  g_assert_null (find_row (GTK_WIDGET (page), "Goal number 1"));
  g_assert_null (find_row (GTK_WIDGET (page), "Message 2 developers at Hooli"));
  g_assert_nonnull (find_row (GTK_WIDGET (page), "Show All 8 Past Sessions"));

  show_all = find_row (GTK_WIDGET (page), "Show All 8 Goals");
  g_assert_nonnull (show_all);
  g_assert_true (gtk_widget_grab_focus (show_all));
  g_signal_emit_by_name (show_all, "activated");
  mix_test_spin ();
  g_assert_nonnull (find_row (GTK_WIDGET (page), "Goal number 1"));
  g_assert_nonnull (find_row (GTK_WIDGET (page), "Message 2 developers at Hooli"));
  g_assert_null (find_row (GTK_WIDGET (page), "Show All 8 Goals"));
  root = gtk_widget_get_root (GTK_WIDGET (page));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (root), find_row (GTK_WIDGET (page), "Goal number 1")) ||
                 gtk_root_get_focus (root) == find_row (GTK_WIDGET (page), "Goal number 1"));

  /* The sessions stay as they were until asked for. */
  g_assert_nonnull (find_row (GTK_WIDGET (page), "Show All 8 Past Sessions"));
}

/* Plan changes are undone with Ctrl+Z, the steps of one phase's minutes
 * in a row as one change. */
static void
test_plan_undo (void)
{
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();
  MixTimer *timer = mix_session_page_get_timer (page);
  guint before;

  collect_spins (GTK_WIDGET (page), spins);
  before = mix_timer_get_planned_minutes (timer, MIX_PHASE_LEADERS_SHARE);
  gtk_spin_button_spin (spins->pdata[1], GTK_SPIN_STEP_FORWARD, 1);
  gtk_spin_button_spin (spins->pdata[1], GTK_SPIN_STEP_FORWARD, 1);
  g_assert_cmpuint (mix_timer_get_planned_minutes (timer, MIX_PHASE_LEADERS_SHARE), ==, before + 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  mix_test_spin ();
  g_assert_cmpuint (mix_timer_get_planned_minutes (timer, MIX_PHASE_LEADERS_SHARE), ==, before);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spins->pdata[1]), ==, (int) before);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  mix_test_spin ();
  g_assert_cmpuint (mix_timer_get_planned_minutes (timer, MIX_PHASE_LEADERS_SHARE), ==, before + 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  mix_test_spin ();
  g_assert_cmpuint (mix_timer_get_planned_minutes (timer, MIX_PHASE_LEADERS_SHARE), ==, before);
}

/* Presentation mode is a property the window follows: the button's action
 * shows it, with the focus on the view itself (where Space is the timer's,
 * not a button's), and the way out leaves it, with the focus on the way
 * back. */
static void
test_presenting (void)
{
  g_assert_false (mix_session_page_get_presenting (page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "session.present", NULL));
  mix_test_spin ();
  g_assert_true (mix_session_page_get_presenting (page));
  g_assert_true (shows_label (GTK_WIDGET (page), "Press Escape or F11 to leave presentation mode"));
  g_assert_true (MIX_IS_SESSION_PRESENTATION (gtk_root_get_focus (GTK_ROOT (window))));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "session.leave-presentation", NULL));
  mix_test_spin ();
  g_assert_false (mix_session_page_get_presenting (page));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (gtk_root_get_focus (GTK_ROOT (window))), ==,
                   "Presentation Mode (F11)");
}

static gboolean
is_for_action (GtkWidget *widget,
               gpointer   action)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* Whether the clock is laid out to the left of the phase's prompts. */
static gboolean
clock_beside_prompts (void)
{
  GtkWidget *clock = mix_test_find_widget (GTK_WIDGET (page), MIX_TYPE_SESSION_CLOCK);
  GtkWidget *prompts = mix_test_find_widget (GTK_WIDGET (page), MIX_TYPE_SESSION_PROMPTS);
  graphene_rect_t clock_bounds, prompts_bounds;

  g_assert_true (gtk_widget_compute_bounds (clock, GTK_WIDGET (window), &clock_bounds));
  g_assert_true (gtk_widget_compute_bounds (prompts, GTK_WIDGET (window), &prompts_bounds));
  return prompts_bounds.origin.x >= clock_bounds.origin.x + clock_bounds.size.width;
}

/* Resizes the window and waits, on the main loop, until it is laid out
 * so: its size comes back from the display server. */
static void
resize_until (int       width,
              int       height,
              gboolean  beside)
{
  /* The window's own size leaves out its frame (a few pixels). */
#define LAID_OUT(size, target) (ABS ((size) - (target)) <= 24)
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  for (guint i = 0; i < 500 && (clock_beside_prompts () != beside ||
                                !LAID_OUT (gtk_widget_get_width (GTK_WIDGET (window)), width) ||
                                !LAID_OUT (gtk_widget_get_height (GTK_WIDGET (window)), height)); i++)
    mix_test_spin ();
  g_assert_true (LAID_OUT (gtk_widget_get_width (GTK_WIDGET (window)), width));
  g_assert_true (LAID_OUT (gtk_widget_get_height (GTK_WIDGET (window)), height));
  g_assert_true (clock_beside_prompts () == beside);
#undef LAID_OUT
}

/* Whether @widget is drawn whole inside the window, as laid out now. */
static gboolean
in_view (GtkWidget *widget)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (window), &bounds));
  return bounds.origin.y >= 0 && bounds.origin.x >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (GTK_WIDGET (window)) &&
         bounds.origin.x + bounds.size.width <= gtk_widget_get_width (GTK_WIDGET (window));
}

/* A facilitator sharing the screen sees the time, the controls and the
 * phase's prompts at once on the default window and at 1280×800, and one
 * column on a narrow one, the time first. (Narrow is 700 here: GTK 4.8
 * warns when this test's window, with no window manager, is jumped to
 * 360, with or without the two columns, and at 600, where the four pages'
 * switcher moves to the bottom bar, its revealer gives the bar's box a
 * height of -1 when the resize comes in steps on a busy machine; 360 is
 * checked by screenshot.) The focus stays on the timer's button across the
 * change. */
static void
test_layout (void)
{
  GtkWidget *clock = mix_test_find_widget (GTK_WIDGET (page), MIX_TYPE_SESSION_CLOCK);
  GtkWidget *start = mix_test_find_widget_where (clock, is_for_action, "session.toggle");
  GtkWidget *prompts = mix_test_find_widget (GTK_WIDGET (page), MIX_TYPE_SESSION_PROMPTS);
  GtkWidget *first_prompt = mix_test_find_widget (prompts, GTK_TYPE_LIST_BOX_ROW);
  graphene_rect_t clock_bounds, prompts_bounds;
  const int sizes[][2] = { { 960, 720 }, { 1280, 800 } };

  g_assert_nonnull (start);
  g_assert_nonnull (first_prompt);
  /* The page as a phase begins, at its top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (mix_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW))), 0);
  mix_test_spin ();
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      resize_until (sizes[i][0], sizes[i][1], TRUE);
      g_assert_true (in_view (start));
      g_assert_true (in_view (mix_test_find_widget (clock, MIX_TYPE_TIMER_RING)));
      g_assert_true (in_view (first_prompt));
    }

  gtk_widget_grab_focus (start);
  resize_until (700, 720, FALSE);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == start);
  g_assert_true (gtk_widget_compute_bounds (clock, GTK_WIDGET (window), &clock_bounds));
  g_assert_true (gtk_widget_compute_bounds (prompts, GTK_WIDGET (window), &prompts_bounds));
  g_assert_cmpfloat (prompts_bounds.origin.y, >=, clock_bounds.origin.y + clock_bounds.size.height);

  resize_until (960, 720, TRUE);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == start);
}

/* The open "Fit the Rest?" dialog, or NULL. */
static AdwMessageDialog *
fit_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), "Fit the Rest?") == 0)
      return l->data;
  return NULL;
}

/* Introductions three minutes over: the clock says the circle runs 3:00
 * behind, Fit the Rest previews each phase's new time, fits them when
 * asked (the circle then ends at 30:00 and the button goes, leaving the
 * focus on the timer's button) and is undone with the window's Undo. */
static void
test_fit_the_rest (void)
{
  MixTimer *timer = mix_session_page_get_timer (page);
  GtkWidget *clock = mix_test_find_widget (GTK_WIDGET (page), MIX_TYPE_SESSION_CLOCK);
  GtkWidget *fit = mix_test_find_widget_where (clock, is_for_action, "session.fit");
  GtkWidget *start = mix_test_find_widget_where (clock, is_for_action, "session.toggle");
  AdwMessageDialog *dialog;
  g_autofree char *preview = NULL;

  mix_timer_reset (timer);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "session.toggle", NULL));
  mix_test_spin ();
  g_assert_false (gtk_widget_is_visible (fit));
  g_assert_false (shows_label (clock, "behind"));

  now_us += 5 * 60 * G_USEC_PER_SEC;
  mix_timer_update (timer);
  mix_test_spin ();
  g_assert_true (shows_label (clock, "3:00 behind the 30-minute end"));
  g_assert_true (gtk_widget_is_visible (fit));

  preview = mix_session_page_fit_preview (page);
  g_assert_nonnull (strstr (preview, "3:00 behind"));
  g_assert_nonnull (strstr (preview, "Leaders Share: 8:00 → 7:09"));
  g_assert_nonnull (strstr (preview, "Group Discussion: 15:00 → 13:23"));
  g_assert_nonnull (strstr (preview, "outside the times the guide recommends"));

  gtk_widget_grab_focus (fit);
  /* libadwaita 1.7's AdwMessageDialog (deprecated there) sizes its body
   * below the text's minimum while it is first shown with no window
   * manager, and GTK 4.18 warns, which fails a test: there the preview's
   * text is checked above and Fit is pressed as the dialog's button does. */
  if (gtk_get_minor_version () <= 8)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "session.fit", NULL));
      mix_test_spin ();
      dialog = fit_dialog ();
      g_assert_nonnull (dialog);
      g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, preview);
      /* Only a preview: Cancel leaves the times. */
      adw_message_dialog_response (dialog, "cancel");
      mix_test_spin ();
      g_assert_cmpint (mix_timer_get_duration (timer, MIX_PHASE_LEADERS_SHARE), ==,
                       8 * 60 * G_USEC_PER_SEC);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "session.fit", NULL));
      mix_test_spin ();
      adw_message_dialog_response (fit_dialog (), "fit");
    }
  else
    mix_session_page_fit (page);
  mix_test_spin ();
  g_assert_cmpint (mix_timer_get_end_offset (timer), ==, 0);
  g_assert_cmpint (mix_timer_get_duration (timer, MIX_PHASE_LEADERS_SHARE), ==, 429 * G_USEC_PER_SEC);
  g_assert_false (gtk_widget_is_visible (fit));
  g_assert_false (shows_label (clock, "behind"));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == start);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  mix_test_spin ();
  g_assert_cmpint (mix_timer_get_duration (timer, MIX_PHASE_LEADERS_SHARE), ==, 8 * 60 * G_USEC_PER_SEC);
  g_assert_true (shows_label (clock, "3:00 behind the 30-minute end"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  mix_test_spin ();
  g_assert_cmpint (mix_timer_get_end_offset (timer), ==, 0);

  mix_timer_reset (timer);
  mix_test_spin ();
}

static void
clear_roster (MixSessionRecord *record)
{
  while (mix_session_record_get_n_people (record) > 0)
    mix_session_record_remove_person (record, 0);
}

/* A circle of four with equal turns: the speakers come from the roster
 * with the facilitator last, the clock and the Turns group say who speaks
 * and for how long, Next Speaker (Ctrl+Down's action) moves on, a
 * shuffle leaves who has spoken where they were, and presentation mode
 * shows who speaks now and next. */
static void
test_turns (void)
{
  MixStore *store = mix_application_get_store (MIX_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
  MixSessionRecord *record = mix_store_get_current_session (store);
  MixTimer *timer = mix_session_page_get_timer (page);
  GtkWidget *clock = mix_test_find_widget (GTK_WIDGET (page), MIX_TYPE_SESSION_CLOCK);
  GtkWidget *turns = mix_test_find_widget (GTK_WIDGET (page), MIX_TYPE_SESSION_TURNS);
  GtkWidget *presentation = mix_test_find_widget (GTK_WIDGET (page), MIX_TYPE_SESSION_PRESENTATION);
  static const char * const names[] = { "Priya Raman", "Sam Rivera", "Ana Souza", "Lee Chen" };
  GPtrArray *speakers;

  mix_timer_reset (timer);
  clear_roster (record);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(MixPerson) person = mix_person_new (names[i]);

      person->leader = i == 0;
      g_assert_true (mix_session_record_add_person (record, person, NULL));
    }
  mix_session_page_rebuild_phase (page);
  mix_test_spin ();

  /* Priya leads the group: she speaks last. */
  speakers = mix_timer_get_speakers (timer);
  g_assert_cmpuint (speakers->len, ==, 4);
  g_assert_cmpstr (speakers->pdata[0], ==, "Sam Rivera");
  g_assert_cmpstr (speakers->pdata[3], ==, "Priya Raman");
  g_assert_true (gtk_widget_is_visible (turns));
  g_assert_nonnull (find_row (turns, "Priya Raman"));
  g_assert_true (shows_label (turns, "4 people, 0:30 each"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "session.toggle", NULL));
  mix_test_spin ();
  g_assert_true (shows_label (clock, "Sam Rivera: 0:30 left"));
  g_assert_true (shows_label (turns, "Speaking, 0:30 left"));
  g_assert_true (shows_label (turns, "Up next"));

  now_us += 40 * G_USEC_PER_SEC;
  mix_session_page_refresh (page);
  g_assert_true (shows_label (clock, "Sam Rivera: 0:10 over"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "session.next-speaker", NULL));
  mix_test_spin ();
  g_assert_true (shows_label (clock, "Ana Souza: 0:27 left"));
  g_assert_true (shows_label (turns, "Spoke for 0:40"));
  g_assert_cmpint (mix_timer_get_airtime (timer, "Sam Rivera"), ==, 40 * G_USEC_PER_SEC);

  /* Sam spoke and Ana speaks: a shuffle moves neither, nor Priya. */
  for (guint i = 0; i < 5; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "session.shuffle", NULL));
      speakers = mix_timer_get_speakers (timer);
      g_assert_cmpstr (speakers->pdata[0], ==, "Sam Rivera");
      g_assert_cmpstr (speakers->pdata[1], ==, "Ana Souza");
      g_assert_cmpstr (speakers->pdata[2], ==, "Lee Chen");
      g_assert_cmpstr (speakers->pdata[3], ==, "Priya Raman");
    }
  /* Without the facilitator last, a shuffle may put her before Lee; with
   * it again, she is last. (The seed makes the shuffles the same each run.) */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "session.facilitator-last", NULL));
  g_random_set_seed (7);
  for (guint i = 0; i < 20 && g_strcmp0 (speakers->pdata[2], "Priya Raman") != 0; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "session.shuffle", NULL));
      speakers = mix_timer_get_speakers (timer);
    }
  g_assert_cmpstr (speakers->pdata[2], ==, "Priya Raman");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "session.facilitator-last", NULL));
  speakers = mix_timer_get_speakers (timer);
  g_assert_cmpstr (speakers->pdata[3], ==, "Priya Raman");

  mix_session_page_set_presenting (page, TRUE);
  mix_test_spin ();
  g_assert_true (shows_label (presentation, "Ana Souza: 0:27 left"));
  g_assert_true (shows_label (presentation, "Then Lee Chen"));
  g_assert_true (shows_label (presentation, "Names · Pronouns"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "session.next-speaker", NULL));
  mix_test_spin ();
  g_assert_true (shows_label (presentation, "Lee Chen:"));
  g_assert_true (shows_label (presentation, "Then Priya Raman"));
  mix_session_page_set_presenting (page, FALSE);

  /* Past Introductions, no turns. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "session.next", NULL));
  mix_test_spin ();
  g_assert_false (gtk_widget_is_visible (turns));
  g_assert_false (shows_label (clock, "Lee Chen"));
  g_assert_cmpint (mix_timer_get_airtime (timer, "Sam Rivera"), ==, 40 * G_USEC_PER_SEC);

  mix_timer_reset (timer);
  clear_roster (record);
  mix_session_page_rebuild_phase (page);
  mix_test_spin ();
}

static void
on_clipboard_text_cb (GObject      *clipboard,
                      GAsyncResult *result,
                      gpointer      data)
{
  char **text = data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

/* Copy Summary puts the circle on the clipboard for the group's chat;
 * Save Summary writes the same text as a Markdown file, and a place that
 * cannot be written says why and leaves nothing behind. */
static void
test_summary (void)
{
  MixStore *store = mix_application_get_store (MIX_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
  MixSessionRecord *record = mix_store_get_current_session (store);
  g_autoptr(MixPerson) lin = mix_person_new ("Lin Wu");
  g_autofree char *copied = NULL;
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mix-summary-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "circle.md", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "circle.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) nowhere = g_file_new_for_path (missing);

  clear_roster (record);
  g_assert_true (mix_session_record_add_person (record, lin, NULL));
  mix_session_record_set_goal_text (record, "Message 2 developers at Hooli");
  expected = mix_circle_summary (record, mix_session_page_get_timer (page));
  g_assert_nonnull (strstr (expected, "- Lin Wu\n"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "session.copy-summary", NULL));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (page)), NULL,
                                 on_clipboard_text_cb, &copied);
  for (guint i = 0; i < 500 && copied == NULL; i++)
    mix_test_spin ();
  g_assert_cmpstr (copied, ==, expected);

  g_assert_true (mix_session_page_save_summary (page, file));
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, expected);
  g_assert_false (mix_session_page_save_summary (page, nowhere));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_unlink (path);
  g_rmdir (dir);
  mix_session_record_set_goal_text (record, "");
  clear_roster (record);
}

static gboolean
is_tooltip (GtkWidget *widget,
            gpointer   text)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0;
}

static gboolean
is_expander_titled (GtkWidget *widget,
                    gpointer   title)
{
  return ADW_IS_EXPANDER_ROW (widget) && is_row_titled (widget, title);
}

static GtkWidget *
goal_field (GtkWidget  *close_out,
            const char *person,
            const char *field)
{
  GtkWidget *expander = mix_test_find_widget_where (close_out, is_expander_titled, (gpointer) person);

  g_assert_nonnull (expander);
  return mix_test_find_widget_where (expander, is_row_titled, (gpointer) field);
}

/* Each person sets their goal in Close Out, a date and a buddy picked from
 * the others: a date that is not one is refused and said so; the line
 * under each name says it as typed (the goal's "&" too); an edit in the
 * roster's form keeps the goal, and a rename reaches whoever had them as
 * buddy; Finish lists each goal in Past Sessions, by whose it is. */
static void
test_person_goals (void)
{
  MixStore *store = mix_application_get_store (MIX_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
  MixSessionRecord *record = mix_store_get_current_session (store);
  MixTimer *timer = mix_session_page_get_timer (page);
  const char *names[] = { "Ada Lovelace", "Sam Rivera", "Lin Chen" };
  GtkWidget *close_out, *goal, *due, *buddy, *pick, *name, *edit;
  GMenuModel *menu;

  clear_roster (record);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(MixPerson) person = mix_person_new (names[i]);

      g_assert_true (mix_session_record_add_person (record, person, NULL));
    }
  gtk_widget_activate_action (GTK_WIDGET (page), "session.reset", NULL);
  gtk_widget_activate_action (GTK_WIDGET (page), "session.toggle", NULL);
  for (guint i = 0; i < 3; i++)
    gtk_widget_activate_action (GTK_WIDGET (page), "session.next", NULL);
  mix_session_page_rebuild_phase (page);
  mix_test_spin ();
  g_assert_cmpint (mix_timer_get_phase (timer), ==, MIX_PHASE_CLOSE_OUT);
  close_out = mix_test_find_widget (GTK_WIDGET (page), MIX_TYPE_SESSION_CLOSE_OUT);
  g_assert_true (gtk_widget_get_visible (close_out));
  g_assert_false (shows_label (close_out, "No One on the Roster Yet"));
  g_assert_true (shows_label (close_out, "No goal yet"));

  /* Sam's goal, typed. */
  goal = goal_field (close_out, "Sam Rivera", "Networking Goal");
  gtk_editable_set_text (GTK_EDITABLE (goal), "Ask one question in #jobs & listen");
  g_assert_cmpstr (mix_session_record_get_person (record, 1)->goal, ==,
                   "Ask one question in #jobs & listen");
  g_assert_true (shows_label (close_out, "Ask one question in #jobs & listen"));

  /* A date that is not one: said, and nothing kept; then one that is. */
  due = goal_field (close_out, "Sam Rivera", "By When (YYYY-MM-DD)");
  gtk_editable_set_text (GTK_EDITABLE (due), "next Friday");
  g_signal_emit_by_name (due, "apply");
  g_assert_true (gtk_widget_has_css_class (due, "error"));
  g_assert_cmpstr (mix_session_record_get_person (record, 1)->goal_due, ==, "");
  gtk_editable_set_text (GTK_EDITABLE (due), "2026/12/5");
  g_signal_emit_by_name (due, "apply");
  g_assert_false (gtk_widget_has_css_class (due, "error"));
  g_assert_cmpstr (mix_session_record_get_person (record, 1)->goal_due, ==, "2026-12-05");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due)), ==, "2026-12-05");

  /* The buddy is picked from the others: Sam is not offered to himself. */
  buddy = goal_field (close_out, "Sam Rivera", "Accountability Buddy");
  pick = mix_test_find_widget (buddy, GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (pick);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (pick));
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
  g_assert_true (gtk_widget_activate_action (pick, "close-out.set-person-buddy", "(us)",
                                             1, "Ada Lovelace"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (buddy)), ==, "Ada Lovelace");
  g_assert_cmpstr (mix_session_record_get_person (record, 1)->buddy, ==, "Ada Lovelace");
  g_assert_true (shows_label (close_out, "by 2026-12-05 · buddy: Ada Lovelace"));

  gtk_editable_set_text (GTK_EDITABLE (goal_field (close_out, "Ada Lovelace", "Networking Goal")),
                         "Message two alumni");

  /* Ada is renamed in the roster's form: her goal stays, and Sam's buddy
   * follows her name. */
  edit = mix_test_find_widget_where (mix_test_find_widget (GTK_WIDGET (page), MIX_TYPE_SESSION_ROSTER),
                                     is_tooltip, (gpointer) "Edit Ada Lovelace");
  g_assert_nonnull (edit);
  g_signal_emit_by_name (edit, "clicked");
  mix_test_spin ();
  name = mix_test_find_widget_where (mix_test_find_widget (GTK_WIDGET (page), MIX_TYPE_SESSION_ROSTER),
                                     is_row_titled, (gpointer) "Name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Ada Lovelace");
  gtk_editable_set_text (GTK_EDITABLE (name), "Ada King");
  g_signal_emit_by_name (name, "entry-activated");
  mix_test_spin ();
  g_assert_cmpstr (mix_session_record_get_person (record, 0)->name, ==, "Ada King");
  g_assert_cmpstr (mix_session_record_get_person (record, 0)->goal, ==, "Message two alumni");
  g_assert_cmpstr (mix_session_record_get_person (record, 1)->buddy, ==, "Ada King");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (goal_field (close_out, "Sam Rivera",
                                                                    "Accountability Buddy"))),
                   ==, "Ada King");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (goal_field (close_out, "Ada King",
                                                                    "Networking Goal"))),
                   ==, "Message two alumni");

  /* Finished: each goal in Past Sessions, with whose it is. */
  g_signal_emit_by_name (mix_test_find_button (GTK_WIDGET (page), "_Finish Session"), "clicked");
  mix_test_spin ();
  g_assert_true (shows_label (GTK_WIDGET (page), "Ada King: Message two alumni"));
  g_assert_true (shows_label (GTK_WIDGET (page), "Sam Rivera: Ask one question in #jobs & listen"));
  g_assert_true (shows_label (GTK_WIDGET (page), "By 2026-12-05 · Buddy: Ada King"));
  g_assert_true (shows_label (GTK_WIDGET (page), "goals reached"));
  g_assert_cmpstr (mix_session_log_get_goal (mix_store_get_session_log (store), 0)->person, ==,
                   "Ada King");
  g_assert_cmpstr (mix_session_log_get_goal (mix_store_get_session_log (store), 1)->person, ==,
                   "Sam Rivera");
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
  mix_window_show_page (window, "session");
  gtk_window_present (GTK_WINDOW (window));
  page = MIX_SESSION_PAGE (mix_test_find_widget (GTK_WIDGET (window), MIX_TYPE_SESSION_PAGE));
  g_assert_nonnull (page);
  mix_timer_set_clock (mix_session_page_get_timer (page), test_clock, NULL, NULL);
  mix_test_spin ();

  g_test_add_func ("/session/plan-total", test_plan_total);
  g_test_add_func ("/session/controls", test_controls);
  g_test_add_func ("/session/leader-question-limit", test_leader_question_limit);
  g_test_add_func ("/session/topic", test_topic);
  g_test_add_func ("/session/close-out", test_close_out);
  g_test_add_func ("/session/goal-progress", test_goal_progress);
  g_test_add_func ("/session/show-all-history", test_show_all_history);
  g_test_add_func ("/session/plan-undo", test_plan_undo);
  g_test_add_func ("/session/presenting", test_presenting);
  g_test_add_func ("/session/layout", test_layout);
  g_test_add_func ("/session/fit-the-rest", test_fit_the_rest);
  g_test_add_func ("/session/turns", test_turns);
  g_test_add_func ("/session/summary", test_summary);
  g_test_add_func ("/session/person-goals", test_person_goals);

  ret = g_test_run ();
  g_object_unref (app);
  return ret;
}
