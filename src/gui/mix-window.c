/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mix-messages-page.h"
#include "mix-session-page.h"
#include "mix-today-page.h"
#include "mix-tracker-page.h"
#include "mix-toast.h"
#include "mix-window.h"
#include "mix-accessible.h"

struct _MixWindow
{
  AdwApplicationWindow  parent_instance;

  GtkWidget            *header_bar;
  GtkWidget            *switcher_bar;
  GtkLabel             *problems_label;
  GtkRevealer          *problems_revealer;
  GtkRevealer          *welcome_revealer;
  GtkLabel             *welcome_label;
  AdwViewStack         *stack;
  AdwViewSwitcherTitle *switcher_title;
  MixSessionPage       *session_page;
  AdwBin               *tracker_bin;        /* empty until the page is first shown */
  AdwBin               *messages_bin;
  AdwBin               *today_bin;
  GtkWindow            *shortcuts;          /* weak, nullable: the keyboard shortcuts window */

  GSettings            *settings;
  MixStore             *store;
  MixHistory           *history;            /* the window's changes, for Undo */
  gboolean              close_confirmed;
};

G_DEFINE_FINAL_TYPE (MixWindow, mix_window, ADW_TYPE_APPLICATION_WINDOW)

static const char * const page_names[] = { "today", "session", "tracker", "messages" };

MixWindow *
mix_window_new (MixApplication *application)
{
  return g_object_new (MIX_TYPE_WINDOW, "application", application, NULL);
}

void
mix_window_show_page (MixWindow  *self,
                      const char *name)
{
  g_return_if_fail (MIX_IS_WINDOW (self));

  if (adw_view_stack_get_child_by_name (self->stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
}

const char *
mix_window_get_visible_page (MixWindow *self)
{
  g_return_val_if_fail (MIX_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->stack);
}

/**
 * mix_window_set_presenting:
 *
 * Shows only the page, full screen, for sharing the screen on a call; or
 * goes back to the normal window.
 */
void
mix_window_set_presenting (MixWindow *self,
                           gboolean   presenting)
{
  g_return_if_fail (MIX_IS_WINDOW (self));

  gtk_widget_set_visible (self->header_bar, !presenting);
  gtk_widget_set_visible (self->switcher_bar, !presenting);
  /* Nothing but the timer on a shared screen: the banners wait. */
  gtk_widget_set_visible (GTK_WIDGET (self->problems_revealer), !presenting);
  gtk_widget_set_visible (GTK_WIDGET (self->welcome_revealer), !presenting);
  if (presenting)
    gtk_window_fullscreen (GTK_WINDOW (self));
  else
    gtk_window_unfullscreen (GTK_WINDOW (self));
}

/* Problems with the user's files stay on screen until dismissed: they are
 * too important for a toast that disappears. */
static void
update_problems (MixWindow *self,
                 gboolean   removed)
{
  GPtrArray *problems = mix_store_get_problems (self->store);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      MixStoreProblem *problem = g_ptr_array_index (problems, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, problem->message);
    }

  gtk_label_set_text (self->problems_label, text->str);
  /* A problem gone does not bring back a banner the user dismissed. */
  if (problems->len == 0 || !removed)
    gtk_revealer_set_reveal_child (self->problems_revealer, problems->len > 0);
}

static void
on_store_problem_added_cb (MixStore        *store,
                           MixStoreProblem *problem,
                           MixWindow       *self)
{
  update_problems (self, FALSE);
}

/* A problem whose cause is gone leaves the banner; the banner goes with
 * the last one. The problem is still in the list while this runs. */
static gboolean
update_problems_idle_cb (gpointer data)
{
  MixWindow *self = data;

  update_problems (self, TRUE);
  return G_SOURCE_REMOVE;
}

static void
on_store_problem_removed_cb (MixStore        *store,
                             MixStoreProblem *problem,
                             MixWindow       *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, update_problems_idle_cb, g_object_ref (self),
                   g_object_unref);
}

/* Changes that another program or computer made were merged in. */
static void
on_store_merged_cb (MixStore  *store,
                    int        domain,
                    guint      n_changes,
                    MixWindow *self)
{
  g_autofree char *text = NULL;

  switch (domain)
    {
    case MIX_DOMAIN_TRACKER:
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u change to your tracker came from another "
                                           "program or computer",
                                           "%u changes to your tracker came from another "
                                           "program or computer", n_changes),
                              n_changes);
      break;
    case MIX_DOMAIN_MESSAGES:
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u change to your messages came from another "
                                           "program or computer",
                                           "%u changes to your messages came from another "
                                           "program or computer", n_changes),
                              n_changes);
      break;
    case MIX_DOMAIN_SESSIONS:
    default:
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u change to your sessions came from another "
                                           "program or computer",
                                           "%u changes to your sessions came from another "
                                           "program or computer", n_changes),
                              n_changes);
      break;
    }
  mix_show_toast (GTK_WIDGET (self->stack), adw_toast_new (text));
}

static void
dismiss_problems_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  MixWindow *self = MIX_WINDOW (widget);

  gtk_revealer_set_reveal_child (self->problems_revealer, FALSE);
}

static void
open_data_folder_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  MixWindow *self = MIX_WINDOW (widget);
  g_autoptr(GFile) folder = g_file_new_for_path (mix_store_get_directory (self->store));
  g_autofree char *uri = g_file_get_uri (folder);

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

/* Undo and Redo */

static void
update_history_actions (MixWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 mix_history_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 mix_history_can_redo (self->history));
}

/* A change undone may take rows out of a table, the focused one among
 * them: GTK 4.8's list view then keeps a pointer to the destroyed cell. The
 * focus leaves the table first and comes back to it after. */
static GtkWidget *
release_table_focus (MixWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *table = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_COLUMN_VIEW) : NULL;

  if (table == NULL)
    return NULL;
  gtk_root_set_focus (GTK_ROOT (self), NULL);
  return g_object_ref (table);
}

static void
walk_history (MixWindow *self,
              gboolean   undo)
{
  g_autoptr(GtkWidget) table = release_table_focus (self);
  g_autofree char *text = NULL;
  gboolean done = undo ? mix_history_undo (self->history) : mix_history_redo (self->history);

  if (table != NULL && gtk_widget_get_mapped (table))
    gtk_widget_grab_focus (table);
  if (!done)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  /* What was undone may be out of sight: it is said. A change that could
   * not be undone is dropped by the history, so the label is the one of
   * the change that was. */
  if (undo)
    /* Translators: %s is what was undone, such as “Deleted 3 rows”. */
    text = g_strdup_printf (_("Undone: %s"), mix_history_get_redo_label (self->history));
  else
    /* Translators: %s is what was done again, such as “Deleted 3 rows”. */
    text = g_strdup_printf (_("Redone: %s"), mix_history_get_undo_label (self->history));
  mix_show_toast (GTK_WIDGET (self->stack), adw_toast_new (text));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  walk_history (MIX_WINDOW (widget), TRUE);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  walk_history (MIX_WINDOW (widget), FALSE);
}

/**
 * mix_window_get_history:
 *
 * Returns: (transfer none): the window's changes, which Ctrl+Z undoes
 */
MixHistory *
mix_window_get_history (MixWindow *self)
{
  g_return_val_if_fail (MIX_IS_WINDOW (self), NULL);
  return self->history;
}

/* A new draft to a contact of the tracker, on the Messages page (Today's
 * Write Message). */
static void
write_to_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  MixWindow *self = MIX_WINDOW (widget);
  GtkWidget *page;

  mix_window_show_page (self, "messages");
  page = adw_bin_get_child (self->messages_bin);
  if (page == NULL)
    return;
  if (!gtk_widget_activate_action (page, "messages.new-draft", NULL))
    return;
  mix_messages_page_link_contact (MIX_MESSAGES_PAGE (page), g_variant_get_string (parameter, NULL));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  mix_window_show_page (MIX_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
save_window_state (MixWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_string (self->settings, "last-page", mix_window_get_visible_page (self));
}

static void
on_unsaved_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        MixWindow        *self)
{
  if (g_str_equal (response, "close"))
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

/* GTK 4.8 reads a button by its accessible label and then by its content:
 * libadwaita labels a message dialog's buttons with their raw text, so
 * they were read "_Get Started Get Started". Their content names them. */
static void
name_buttons_once (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && !GTK_IS_MENU_BUTTON (widget) &&
      gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_buttons_once (child);
}

static gboolean
mix_window_close_request (GtkWindow *window)
{
  MixWindow *self = MIX_WINDOW (window);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  if (self->store == NULL)
    return GTK_WINDOW_CLASS (mix_window_parent_class)->close_request (window);

  save_window_state (self);

  if (self->close_confirmed || mix_store_flush (self->store, &error))
    return GTK_WINDOW_CLASS (mix_window_parent_class)->close_request (window);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window,
                                                       _("Your Changes Could Not Be Saved"),
                                                       NULL));
  adw_message_dialog_format_body (dialog,
                                  _("%s\n\nIf you close Mix It Up now, your latest changes "
                                    "will be lost."),
                                  error->message);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Keep Open"),
                                    "close", _("_Close Without Saving"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "close", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response_cb), self, 0);
  name_buttons_once (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* The welcome: what each page is for and where the data lives, as a
 * banner in the window (a dialog would be a second window, and GTK 4.8
 * crashes when a screen reader asks about a window it has just
 * destroyed). Shown on the first start, and from the menu. */
/* The keyboard shortcuts are built when asked for: GtkApplication would
 * build its automatic help overlay (gtk/help-overlay.ui) with every
 * window, which took a third of the start-up time. */
static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  MixWindow *self = MIX_WINDOW (widget);
  g_autoptr(GtkBuilder) builder = NULL;

  /* Asked for again while it is open, the same window comes forward. */
  if (self->shortcuts == NULL)
    {
      builder = gtk_builder_new_from_resource (RESOURCE_BASE "/mix-shortcuts-window.ui");
      self->shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      g_object_add_weak_pointer (G_OBJECT (self->shortcuts), (gpointer *) &self->shortcuts);
      gtk_window_set_transient_for (self->shortcuts, GTK_WINDOW (widget));
      gtk_window_set_application (self->shortcuts, gtk_window_get_application (GTK_WINDOW (widget)));
    }
  gtk_window_present (self->shortcuts);
}

static void
welcome_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MixWindow *self = MIX_WINDOW (widget);
  g_autofree char *body = NULL;

  /* Translators: the welcome; %s is the folder where the data is kept */
  body = g_strdup_printf (_("Session runs your 30-minute circle with a timer and the prompts. "
                            "Tracker keeps the people you know, your networking log and the new "
                            "contacts you want to reach. Messages helps you write short, personal "
                            "messages and prepare for a call. Everything stays on this computer, "
                            "in %s."),
                          self->store != NULL ? mix_store_get_directory (self->store) : "");
  gtk_label_set_text (self->welcome_label, body);
  gtk_revealer_set_reveal_child (self->welcome_revealer, TRUE);
}

static void
dismiss_welcome_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  MixWindow *self = MIX_WINDOW (widget);

  gtk_revealer_set_reveal_child (self->welcome_revealer, FALSE);
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "welcome-shown", TRUE);
}

/* The Tracker and Messages pages are built the first time they are shown,
 * which keeps them out of start-up. The Session page is always built: its
 * timer chimes and notifies whatever page is shown. */
static void
ensure_page (MixWindow  *self,
             const char *name)
{
  if (self->store == NULL || name == NULL)
    return;

  if (g_str_equal (name, "tracker") && adw_bin_get_child (self->tracker_bin) == NULL)
    {
      MixTrackerPage *page = g_object_new (MIX_TYPE_TRACKER_PAGE, NULL);

      mix_tracker_page_set_store (page, self->store, self->settings);
      mix_tracker_page_set_history (page, self->history);
      adw_bin_set_child (self->tracker_bin, GTK_WIDGET (page));
    }
  else if (g_str_equal (name, "today") && adw_bin_get_child (self->today_bin) == NULL)
    {
      MixTodayPage *page = g_object_new (MIX_TYPE_TODAY_PAGE, NULL);

      mix_today_page_set_history (page, self->history);
      if (self->settings != NULL)
        mix_today_page_set_settings (page, self->settings);
      mix_today_page_set_store (page, self->store);
      adw_bin_set_child (self->today_bin, GTK_WIDGET (page));
    }
  else if (g_str_equal (name, "messages") && adw_bin_get_child (self->messages_bin) == NULL)
    {
      MixMessagesPage *page = g_object_new (MIX_TYPE_MESSAGES_PAGE, NULL);

      mix_messages_page_set_store (page, self->store, self->settings);
      mix_messages_page_set_history (page, self->history);
      adw_bin_set_child (self->messages_bin, GTK_WIDGET (page));
    }
}

static void
on_visible_page_notify_cb (MixWindow *self)
{
  ensure_page (self, adw_view_stack_get_visible_child_name (self->stack));
  /* The lists on the page shown are named for screen readers. */
  mix_accessible_name_lists (GTK_WIDGET (self));
}

/* GtkWindow:application is not a construct property, so it is set after
 * constructed(): the window takes the application's settings and store when
 * it is given the application. */
static void
on_application_notify_cb (MixWindow  *self,
                          GParamSpec *pspec,
                          gpointer    user_data)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autofree char *last_page = NULL;

  if (app == NULL || self->store != NULL)
    return;

  self->settings = g_object_ref (mix_application_get_settings (MIX_APPLICATION (app)));
  self->store = g_object_ref (mix_application_get_store (MIX_APPLICATION (app)));
  mix_session_page_set_store (self->session_page, self->store, self->settings);
  mix_session_page_set_history (self->session_page, self->history);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  last_page = g_settings_get_string (self->settings, "last-page");
  mix_window_show_page (self, last_page);
  on_visible_page_notify_cb (self);

  g_signal_connect_object (self->store, "problem-added",
                           G_CALLBACK (on_store_problem_added_cb), self, 0);
  g_signal_connect_object (self->store, "problem-removed",
                           G_CALLBACK (on_store_problem_removed_cb), self, 0);
  g_signal_connect_object (self->store, "merged", G_CALLBACK (on_store_merged_cb), self, 0);
  update_problems (self, FALSE);

  if (!g_settings_get_boolean (self->settings, "welcome-shown"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.welcome", NULL);
}

static void
mix_window_dispose (GObject *object)
{
  MixWindow *self = MIX_WINDOW (object);

  if (self->shortcuts != NULL)
    {
      GtkWindow *shortcuts = self->shortcuts;

      g_object_remove_weak_pointer (G_OBJECT (shortcuts), (gpointer *) &self->shortcuts);
      self->shortcuts = NULL;
      gtk_window_destroy (shortcuts);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), MIX_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (mix_window_parent_class)->dispose (object);
}

static void
on_help_launched_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(MixWindow) self = g_weak_ref_get (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  g_weak_ref_clear (user_data);
  g_free (user_data);
  if (g_app_info_launch_default_for_uri_finish (result, &error) || self == NULL)
    return;

  /* No help viewer (GNOME Help is not installed): say so, and where the
   * pages are, which any browser of XML can show. */
  g_message ("Help could not be opened: %s", error->message);
  body = g_strdup_printf (_("Mix It Up’s help is read with GNOME Help, which is not installed. "
                            "Install the “yelp” package, or read the pages in %s."),
                          HELPDIR);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("No Help Viewer"), body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_body_use_markup (dialog, FALSE);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Help, the GNOME way: the help: address opens GNOME Help (through the
 * portal in the Flatpak). */
static void
help_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);
  g_autoptr(GAppLaunchContext) context =
    G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (widget)));

  g_weak_ref_init (ref, widget);
  g_app_info_launch_default_for_uri_async ("help:" GETTEXT_PACKAGE, context, NULL,
                                           on_help_launched_cb, ref);
}

/* The Session page presents, or stops: the window shows only it, full
 * screen, or goes back. */
static void
on_session_presenting_cb (MixWindow *self)
{
  mix_window_set_presenting (self, mix_session_page_get_presenting (self->session_page));
}

static void
mix_window_class_init (MixWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mix_window_dispose;
  window_class->close_request = mix_window_close_request;

  g_type_ensure (MIX_TYPE_SESSION_PAGE);
  g_type_ensure (MIX_TYPE_TRACKER_PAGE);
  g_type_ensure (MIX_TYPE_MESSAGES_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mix-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MixWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, MixWindow, problems_label);
  gtk_widget_class_bind_template_child (widget_class, MixWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, MixWindow, problems_revealer);
  gtk_widget_class_bind_template_child (widget_class, MixWindow, welcome_revealer);
  gtk_widget_class_bind_template_child (widget_class, MixWindow, welcome_label);
  gtk_widget_class_bind_template_child (widget_class, MixWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, MixWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, MixWindow, session_page);
  gtk_widget_class_bind_template_child (widget_class, MixWindow, messages_bin);
  gtk_widget_class_bind_template_child (widget_class, MixWindow, tracker_bin);
  gtk_widget_class_bind_template_child (widget_class, MixWindow, today_bin);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_page_notify_cb);

  gtk_widget_class_install_action (widget_class, "win.dismiss-problems", NULL,
                                   dismiss_problems_action);
  gtk_widget_class_install_action (widget_class, "win.open-data-folder", NULL,
                                   open_data_folder_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.write-to", "s", write_to_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  /* In the bubble phase: a text field being edited has its own Ctrl+Z. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_install_action (widget_class, "win.welcome", NULL, welcome_action);
  gtk_widget_class_install_action (widget_class, "win.help", NULL, help_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F1, 0, "win.help", NULL);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-welcome", NULL,
                                   dismiss_welcome_action);

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-page", "s", page_names[i]);
}

static void
mix_window_init (MixWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->history = mix_history_new ();
  g_signal_connect_object (self->history, "changed", G_CALLBACK (update_history_actions), self,
                           G_CONNECT_SWAPPED);
  update_history_actions (self);
  g_signal_connect_object (self->session_page, "notify::presenting",
                           G_CALLBACK (on_session_presenting_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::application", G_CALLBACK (on_application_notify_cb), NULL);

  if (DEVELOPMENT_PROFILE)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}
