/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "mix-messages-page.h"
#include "mix-session-page.h"
#include "mix-test-gui.h"
#include "mix-toast.h"
#include "mix-tracker-page.h"
#include "mix-window.h"

static MixApplication *app;

static void
test_window_pages (void)
{
  MixWindow *window = mix_window_new (app);
  AdwViewStack *stack;
  GListModel *pages;
  static const struct {
    const char *name;
    const char *title;
  } expected[] = {
    { "today", "Today" },
    { "session", "Session" },
    { "tracker", "Tracker" },
    { "messages", "Messages" },
  };

  gtk_window_present (GTK_WINDOW (window));
  mix_test_spin ();

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Mix It Up");

  stack = ADW_VIEW_STACK (mix_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  g_assert_nonnull (stack);
  pages = G_LIST_MODEL (adw_view_stack_get_pages (stack));
  g_assert_cmpuint (g_list_model_get_n_items (pages), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (pages, i);

      g_assert_cmpstr (adw_view_stack_page_get_name (page), ==, expected[i].name);
      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, expected[i].title);
      g_assert_nonnull (adw_view_stack_page_get_icon_name (page));
      g_assert_nonnull (adw_view_stack_page_get_child (page));
    }
  g_object_unref (pages);

  /* The header's switcher and the bottom bar both drive the same stack. */
  g_assert_nonnull (mix_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE));
  g_assert_nonnull (mix_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR));
  g_assert_nonnull (mix_test_find_widget (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY));

  gtk_window_destroy (GTK_WINDOW (window));
  mix_test_spin ();
}

/* Counts the shortcuts under @widget, failing on one that shows no keys. */
static guint
count_shortcuts_with_keys (GtkWidget *widget)
{
  guint n = 0;

  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *title = NULL;

      g_object_get (widget, "accelerator", &accelerator, "title", &title, NULL);
      if (accelerator == NULL || *accelerator == '\0')
        g_error ("the shortcut “%s” shows no keys", title);
      n++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_shortcuts_with_keys (child);
  return n;
}

/* The shortcuts window is built when asked for, not with every window,
 * and every shortcut in it shows its keys. */
static void
test_window_shortcuts (void)
{
  MixWindow *window = mix_window_new (app);
  GtkWindow *shortcuts = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();

  gtk_window_present (GTK_WINDOW (window));
  mix_test_spin ();
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  mix_test_spin ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (toplevel))
        shortcuts = toplevel;
    }
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_cmpuint (count_shortcuts_with_keys (GTK_WIDGET (shortcuts)), >=, 20);

  {
    g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app),
                                                                   "<Control>question");

    g_assert_true (g_strv_contains ((const char * const *) actions, "win.show-help-overlay"));
  }

  /* Asked for again, the same window comes forward: there is one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  mix_test_spin ();
  {
    guint n_shortcuts = 0;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

        if (GTK_IS_SHORTCUTS_WINDOW (toplevel))
          n_shortcuts++;
      }
    g_assert_cmpuint (n_shortcuts, ==, 1);
  }
  gtk_window_destroy (shortcuts);
  gtk_window_destroy (GTK_WINDOW (window));
  mix_test_spin ();
}

static gboolean
wait_done_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds, animations included. */
static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, wait_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* A toast with Undo comes while another is shown, or while it is still
 * sliding in, and Undo is pressed as soon as a person could. With
 * libadwaita 1.2 a high-priority toast put the one it interrupted back in
 * the queue while it was still being hidden, and the app aborted when it
 * came back too soon. Each toast now replaces those fully shown; one still
 * sliding in is replaced as soon as it is in, never interrupted, so the
 * newest Undo shows within half a second. Animations are on, as for a
 * user. */
static void
test_window_toasts (void)
{
  MixWindow *window = mix_window_new (app);
  GtkWidget *page;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  gtk_window_present (GTK_WINDOW (window));
  mix_test_spin ();
  page = mix_test_find_widget (GTK_WIDGET (window), MIX_TYPE_SESSION_PAGE);
  g_assert_nonnull (page);

  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(AdwToast) message = adw_toast_new ("That is not a date");
      g_autoptr(AdwToast) undo = adw_toast_new ("Deleted 1 row");
      gboolean in = i % 2 == 1;
      GWeakRef gone;

      adw_toast_set_timeout (message, 6);
      mix_show_toast (page, g_object_ref (message));
      /* Some time after the first, or while it still slides in. */
      run_for (in ? 500 : 100);
      adw_toast_set_priority (undo, ADW_TOAST_PRIORITY_HIGH);
      mix_show_toast (page, g_object_ref (undo));
      /* The Undo comes on screen, whether the message was in or coming
       * in: within half a second, long before the message would go (the
       * three seconds allowed are for a busy machine). */
      for (guint waited = 0;
           mix_test_get_toast_button (GTK_WIDGET (window), "Deleted 1 row", NULL) == NULL;
           waited += 50)
        {
          g_assert_cmpuint (waited, <, 3000);
          run_for (50);
        }
      /* Pressed once it is in: libadwaita 1.2 frees a toast dismissed
       * while it still slides in twice, whoever dismisses it. */
      run_for (400);
      adw_toast_dismiss (undo);

      g_weak_ref_init (&gone, message);
      g_clear_object (&message);
      run_for (500);
      /* The message was dismissed, not put back to show again. */
      g_assert_null (g_weak_ref_get (&gone));
      g_weak_ref_clear (&gone);
    }

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  mix_test_spin ();
}

/* Tracker and Messages are built when first shown, the session at once. */
static void
test_window_builds_pages_when_shown (void)
{
  MixWindow *window = mix_window_new (app);

  mix_window_show_page (window, "session");
  gtk_window_present (GTK_WINDOW (window));
  mix_test_spin ();
  g_assert_nonnull (mix_test_find_widget (GTK_WIDGET (window), MIX_TYPE_SESSION_PAGE));
  g_assert_null (mix_test_find_widget (GTK_WIDGET (window), MIX_TYPE_TRACKER_PAGE));
  g_assert_null (mix_test_find_widget (GTK_WIDGET (window), MIX_TYPE_MESSAGES_PAGE));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "tracker"));
  mix_test_spin ();
  g_assert_nonnull (mix_test_find_widget (GTK_WIDGET (window), MIX_TYPE_TRACKER_PAGE));
  g_assert_null (mix_test_find_widget (GTK_WIDGET (window), MIX_TYPE_MESSAGES_PAGE));

  mix_window_show_page (window, "messages");
  mix_test_spin ();
  g_assert_nonnull (mix_test_find_widget (GTK_WIDGET (window), MIX_TYPE_MESSAGES_PAGE));

  gtk_window_destroy (GTK_WINDOW (window));
  mix_test_spin ();
}

static void
test_window_switch_pages (void)
{
  MixWindow *window = mix_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  mix_test_spin ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "messages"));
  g_assert_cmpstr (mix_window_get_visible_page (window), ==, "messages");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "tracker"));
  g_assert_cmpstr (mix_window_get_visible_page (window), ==, "tracker");
  /* An unknown page leaves the window where it is. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "nowhere");
  g_assert_cmpstr (mix_window_get_visible_page (window), ==, "tracker");

  gtk_window_destroy (GTK_WINDOW (window));
  mix_test_spin ();
}

/* The size and the page are remembered for the next start. */
static void
test_window_remembers_state (void)
{
  GSettings *settings = mix_application_get_settings (app);
  MixWindow *window = mix_window_new (app);
  g_autofree char *page = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 700, 500);
  gtk_window_present (GTK_WINDOW (window));
  mix_test_spin ();
  mix_window_show_page (window, "messages");
  gtk_window_close (GTK_WINDOW (window));
  mix_test_spin ();

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 700);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 500);
  page = g_settings_get_string (settings, "last-page");
  g_assert_cmpstr (page, ==, "messages");

  window = mix_window_new (app);
  g_assert_cmpstr (mix_window_get_visible_page (window), ==, "messages");
  gtk_window_destroy (GTK_WINDOW (window));
  mix_test_spin ();
}

/* The problems banner is the first revealer of the window. */
static GtkRevealer *
problems_revealer (MixWindow *window)
{
  return GTK_REVEALER (mix_test_find_widget (GTK_WIDGET (window), GTK_TYPE_REVEALER));
}

static gboolean
shows_text (GtkWidget  *widget,
            const char *part)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), part) != NULL &&
      gtk_widget_is_visible (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, part))
      return TRUE;
  return FALSE;
}

/* The banner of a save that failed goes once a save works again: a banner
 * that stays would say the data is not safe when it is. */
static void
test_window_problem_goes (void)
{
  MixWindow *window = mix_window_new (app);
  MixStore *store = mix_application_get_store (app);
  g_autofree char *path = mix_store_get_path (store, MIX_DOMAIN_TRACKER);
  GtkRevealer *revealer;

  gtk_window_present (GTK_WINDOW (window));
  mix_test_spin ();
  revealer = problems_revealer (window);
  g_assert_nonnull (revealer);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  /* A folder where the file goes: the save fails, as on a full disk. */
  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  mix_tracker_add_row (mix_store_get_tracker (store), MIX_TAB_NEW_CONTACTS);
  g_assert_false (mix_store_flush (store, NULL));
  mix_test_spin ();
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_true (shows_text (GTK_WIDGET (window), "could not be saved"));

  g_assert_cmpint (g_rmdir (path), ==, 0);
  g_assert_true (mix_store_flush (store, NULL));
  mix_test_spin ();
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  gtk_window_destroy (GTK_WINDOW (window));
  mix_test_spin ();
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = mix_test_gui_init (&argc, &argv);

  g_test_add_func ("/window/pages", test_window_pages);
  g_test_add_func ("/window/switch-pages", test_window_switch_pages);
  g_test_add_func ("/window/builds-pages-when-shown", test_window_builds_pages_when_shown);
  g_test_add_func ("/window/shortcuts", test_window_shortcuts);
  g_test_add_func ("/window/toasts", test_window_toasts);
  g_test_add_func ("/window/remembers-state", test_window_remembers_state);
  g_test_add_func ("/window/problem-goes", test_window_problem_goes);

  ret = g_test_run ();
  g_object_unref (app);
  return ret;
}
