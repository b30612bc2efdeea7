/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>
#if HAVE_GTK_X11
#include <gdk/x11/gdkx.h>
#endif

#include "mix-application.h"
#include "mix-csv-command.h"
#include "mix-preferences-window.h"
#include "mix-reminders.h"
#include "mix-window.h"

struct _MixApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  MixStore       *store;
  MixReminders   *reminders;
  gboolean        held;          /* started with --background */
  guint           signal_ids[3];
};

G_DEFINE_FINAL_TYPE (MixApplication, mix_application, ADW_TYPE_APPLICATION)

MixApplication *
mix_application_new (void)
{
  return g_object_new (MIX_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

/**
 * mix_application_get_store:
 *
 * Returns: (transfer none): the store that owns the user's data
 */
MixStore *
mix_application_get_store (MixApplication *self)
{
  g_return_val_if_fail (MIX_IS_APPLICATION (self), NULL);
  return self->store;
}

/**
 * mix_application_get_settings:
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
mix_application_get_settings (MixApplication *self)
{
  g_return_val_if_fail (MIX_IS_APPLICATION (self), NULL);
  return self->settings;
}

static gboolean
color_scheme_get_mapping (GValue   *value,
                          GVariant *variant,
                          gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  if (g_str_equal (scheme, "light"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_str_equal (scheme, "dark"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    g_value_set_enum (value, ADW_COLOR_SCHEME_DEFAULT);
  return TRUE;
}

/* Saving before the end */

/* The store to save in a hurry, as the display goes away. */
static MixStore *last_chance_store;

/* SIGTERM (logging out, `kill`), SIGINT (Ctrl+C in a terminal) and SIGHUP
 * (the terminal closed): what is not saved yet is saved, then the app
 * quits as from its menu. */
static gboolean
on_quit_signal_cb (gpointer data)
{
  MixApplication *self = data;

  if (self->store != NULL)
    mix_store_flush (self->store, NULL);
  g_action_group_activate_action (G_ACTION_GROUP (self), "quit", NULL);
  return G_SOURCE_CONTINUE;
}

#if HAVE_GTK_X11
static XIOErrorHandler gdk_io_error_handler;

/* The X server went away (a session ending, a crashed display, an ssh -X
 * connection lost): GDK ends the process at once, without the main loop,
 * so this is the last chance to save. */
static int
on_x_io_error (Display *display)
{
  if (last_chance_store != NULL)
    mix_store_flush (last_chance_store, NULL);
  return gdk_io_error_handler != NULL ? gdk_io_error_handler (display) : 0;
}
#endif

/* The same for the other display servers, whose loss GDK reports before it
 * ends the process; and for any error that ends it. */
static GLogWriterOutput
last_chance_writer (GLogLevelFlags   log_level,
                    const GLogField *fields,
                    gsize            n_fields,
                    gpointer         user_data)
{
  if (last_chance_store != NULL && (log_level & G_LOG_LEVEL_ERROR) != 0)
    {
      MixStore *store = g_steal_pointer (&last_chance_store);

      mix_store_flush (store, NULL);
    }
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
save_at_the_end (MixApplication *self)
{
  static const int quit_signals[] = { SIGTERM, SIGINT, SIGHUP };
  static gsize installed = 0;

  for (guint i = 0; i < G_N_ELEMENTS (quit_signals); i++)
    self->signal_ids[i] = g_unix_signal_add (quit_signals[i], on_quit_signal_cb, self);

  last_chance_store = self->store;
  /* Once a process, for tests that start the application again. */
  if (g_once_init_enter (&installed))
    {
      g_log_set_writer_func (last_chance_writer, NULL, NULL);
#if HAVE_GTK_X11
      if (GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
        gdk_io_error_handler = XSetIOErrorHandler (on_x_io_error);
#endif
      g_once_init_leave (&installed, 1);
    }
}

static void
mix_application_startup (GApplication *app)
{
  MixApplication *self = MIX_APPLICATION (app);
  AdwStyleManager *style_manager;

  /* The files are read and parsed while GTK starts, on another core. */
  self->store = mix_store_new (NULL);
  /* For tests of what happens before a save: a longer delay. */
  if (g_getenv ("MIX_IT_UP_AUTOSAVE_DELAY") != NULL)
    mix_store_set_autosave_delay (self->store,
                                  (guint) g_ascii_strtoull (g_getenv ("MIX_IT_UP_AUTOSAVE_DELAY"),
                                                            NULL, 10));
  mix_store_begin_load (self->store);

  G_APPLICATION_CLASS (mix_application_parent_class)->startup (app);

  g_set_application_name (_("Mix It Up"));
  gtk_window_set_default_icon_name (APP_ID);

  self->settings = g_settings_new (BASE_APP_ID);

  /* A forced colour scheme (for screenshots) wins over the preference. */
  style_manager = adw_style_manager_get_default ();
  if (g_getenv ("ADW_DEBUG_COLOR_SCHEME") == NULL)
    g_settings_bind_with_mapping (self->settings, "color-scheme",
                                  style_manager, "color-scheme",
                                  G_SETTINGS_BIND_GET,
                                  color_scheme_get_mapping, NULL, NULL, NULL);

  mix_store_load (self->store);
  /* Changes made by other programs, or on another computer, are merged in
   * as they come. */
  mix_store_set_watching (self->store, TRUE);
  save_at_the_end (self);

  self->reminders = mix_reminders_new (app, self->store, self->settings);
  mix_reminders_start (self->reminders);
}

static void
mix_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (mix_window_new (MIX_APPLICATION (app)));

  gtk_window_present (window);
}

static int
mix_application_command_line (GApplication            *app,
                              GApplicationCommandLine *cmdline)
{
  MixApplication *self = MIX_APPLICATION (app);

  /* A running app takes CSV commands from the command line, so there is
   * only ever one process writing the files. */
  if (mix_csv_command_requested (cmdline))
    return mix_csv_command_run (self->store, cmdline);

  /* Started at login: no window, only the reminders, until one is asked
   * for. */
  if (g_variant_dict_contains (g_application_command_line_get_options_dict (cmdline),
                               "background"))
    {
      if (!self->held)
        {
          self->held = TRUE;
          g_application_hold (app);
        }
      return 0;
    }

  g_application_activate (app);
  return 0;
}

static void
mix_application_shutdown (GApplication *app)
{
  MixApplication *self = MIX_APPLICATION (app);

  if (self->store != NULL)
    mix_store_flush (self->store, NULL);
  last_chance_store = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (self->signal_ids); i++)
    g_clear_handle_id (&self->signal_ids[i], g_source_remove);

  G_APPLICATION_CLASS (mix_application_parent_class)->shutdown (app);
}

static void
mix_application_dispose (GObject *object)
{
  MixApplication *self = MIX_APPLICATION (object);

  g_clear_object (&self->reminders);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mix_application_parent_class)->dispose (object);
}

static void
mix_application_class_init (MixApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = mix_application_dispose;
  app_class->startup = mix_application_startup;
  app_class->activate = mix_application_activate;
  app_class->shutdown = mix_application_shutdown;
  app_class->command_line = mix_application_command_line;
}

static void
mix_application_about_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  static const char *developers[] = { "The Mix It Up Team", NULL };
  MixApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (window,
                         "application-name", _("Mix It Up"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Mix It Up Team"),
                         "version", PACKAGE_VERSION,
                         "comments", _("A timer for 30-minute networking circles, a networking "
                                       "tracker, and a coach for your outreach messages."),
                         "website", "https://github.com/mixitup/mix-it-up",
                         "issue-url", "https://github.com/mixitup/mix-it-up/issues",
                         "developers", developers,
                         "copyright", "© 2026 The Mix It Up Team",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: put your names here, one per line. */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
mix_application_preferences_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  MixApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  MixPreferencesWindow *preferences = mix_preferences_window_new (self);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), window);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
mix_application_quit_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  MixApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Quit is quit, also for an app started in the background at login. */
  if (self->held)
    {
      self->held = FALSE;
      g_application_release (G_APPLICATION (self));
    }
  /* Closing the windows goes through their close-request, which saves. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_close (window);
    }
}

/* The window, made if need be, showing @page. */
static void
show_page (MixApplication *self,
           const char     *page)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (MIX_IS_WINDOW (window))
    mix_window_show_page (MIX_WINDOW (window), page);
}

/* From a notification: back to the session timer. */
static void
mix_application_show_timer_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  show_page (user_data, "session");
}

/* From the reminder: what is due. */
static void
mix_application_show_today_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  show_page (user_data, "today");
}

static const GOptionEntry background_options[] = {
  { "background", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Start without a window, to remind you of what is due (as at login)"), NULL },
  { NULL }
};

/**
 * mix_application_get_reminders:
 *
 * Returns: (transfer none) (nullable): the reminders, once started
 */
MixReminders *
mix_application_get_reminders (MixApplication *self)
{
  g_return_val_if_fail (MIX_IS_APPLICATION (self), NULL);
  return self->reminders;
}

static const GActionEntry app_actions[] = {
  { "show-timer", mix_application_show_timer_action },
  { "show-today", mix_application_show_today_action },
  { "about", mix_application_about_action },
  { "preferences", mix_application_preferences_action },
  { "quit", mix_application_quit_action },
};

static void
mix_application_init (MixApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), mix_csv_command_get_options ());
  g_application_add_main_option_entries (G_APPLICATION (self), background_options);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("A timer for networking circles, a networking "
                                              "tracker, and a coach for outreach messages."));

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         (const char *[]) { "<Control>question", NULL });
}
