/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <libportal-gtk4/portal-gtk4.h>

#include "mix-date.h"
#include "mix-reminders.h"
#include "mix-today.h"

/**
 * MixReminders:
 *
 * Reminders that reach the student between circles: a notification of
 * what Today lists ("3 follow-ups due today", with Show), a moment after
 * the app starts and when the day changes while it runs, once a day at most (the
 * day is kept in "reminded-on"), if "reminders" is on.
 *
 * And "remind me at login": the app started with `--background` when the
 * session starts, which makes no window and only reminds. In a Flatpak
 * that is asked of the Background portal (through libportal, which the
 * GNOME runtime has), which writes the autostart entry itself; outside one
 * the entry is written here, as the XDG autostart specification says, in
 * `$XDG_CONFIG_HOME/autostart`. MIX_IT_UP_BACKGROUND_PORTAL=1 uses the
 * portal outside a sandbox too, for tests with a portal of their own.
 */

/* How often the day is looked at: a timer to midnight would be late after
 * a suspend, as the monotonic clock stops in it. */
#define CHECK_SECONDS (15 * 60)
/* Named in the notification's text at most. */
#define MAX_NAMED 3

struct _MixReminders
{
  GObject       parent_instance;

  GApplication *application;   /* weak: it owns this */
  MixStore     *store;
  GSettings    *settings;
  XdpPortal    *portal;        /* nullable: made when first needed */
  guint         timer;
  guint         first_check;
  GDate         checked;       /* the day last looked at */
  char         *last_title;
};

G_DEFINE_FINAL_TYPE (MixReminders, mix_reminders, G_TYPE_OBJECT)

MixReminders *
mix_reminders_new (GApplication *application,
                   MixStore     *store,
                   GSettings    *settings)
{
  MixReminders *self = g_object_new (MIX_TYPE_REMINDERS, NULL);

  self->application = application;
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  return self;
}

static void
local_today (GDate *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int y, m, d;

  g_date_time_get_ymd (now, &y, &m, &d);
  g_date_clear (today, 1);
  g_date_set_dmy (today, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

/**
 * mix_reminders_check:
 * @today: the day
 *
 * Sends the notification of @today's list, unless it is empty, reminders
 * are off, or it was sent on @today already.
 *
 * Returns: whether a notification was sent
 */
gboolean
mix_reminders_check (MixReminders *self,
                     const GDate  *today)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *iso = NULL;
  g_autofree char *reminded = NULL;

  g_return_val_if_fail (MIX_IS_REMINDERS (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  self->checked = *today;
  if (!g_settings_get_boolean (self->settings, "reminders"))
    return FALSE;
  iso = mix_date_to_iso (today);
  reminded = g_settings_get_string (self->settings, "reminded-on");
  if (g_str_equal (reminded, iso))
    return FALSE;
  items = mix_today_compute (mix_store_get_tracker (self->store),
                             mix_store_get_drafts (self->store), today);
  if (items->len == 0)
    return FALSE;

  g_free (self->last_title);
  self->last_title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u follow-up due today",
                                                   "%u follow-ups due today", items->len),
                                      items->len);
  for (guint i = 0; i < items->len && i < MAX_NAMED; i++)
    {
      g_autofree char *title = mix_today_item_title (items->pdata[i]);

      if (body->len > 0)
        g_string_append_c (body, '\n');
      g_string_append (body, title);
    }
  if (items->len > MAX_NAMED)
    {
      g_string_append_c (body, '\n');
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                                 items->len - MAX_NAMED),
                              items->len - MAX_NAMED);
    }
  notification = g_notification_new (self->last_title);
  g_notification_set_body (notification, body->str);
  g_notification_set_default_action (notification, "app.show-today");
  g_notification_add_button (notification, _("Show"), "app.show-today");
  g_application_send_notification (self->application, "today", notification);
  g_settings_set_string (self->settings, "reminded-on", iso);
  return TRUE;
}

static gboolean
check_cb (gpointer data)
{
  MixReminders *self = data;
  GDate today;

  local_today (&today);
  if (!g_date_valid (&self->checked) || g_date_compare (&today, &self->checked) != 0)
    mix_reminders_check (self, &today);
  return G_SOURCE_CONTINUE;
}

/* The first look, a moment after start: the window's first frame does not
 * wait for a list of thousands of rows. */
#define FIRST_CHECK_SECONDS 1

static gboolean
first_check_cb (gpointer data)
{
  MixReminders *self = data;

  self->first_check = 0;
  check_cb (self);
  return G_SOURCE_REMOVE;
}

/**
 * mix_reminders_start:
 *
 * Reminds in a moment, and then when the day changes.
 */
void
mix_reminders_start (MixReminders *self)
{
  g_return_if_fail (MIX_IS_REMINDERS (self));

  if (self->timer != 0)
    return;
  self->first_check = g_timeout_add_seconds (FIRST_CHECK_SECONDS, first_check_cb, self);
  self->timer = g_timeout_add_seconds (CHECK_SECONDS, check_cb, self);
}

/**
 * mix_reminders_get_last_title:
 *
 * Returns: (nullable): the title of the last notification sent
 */
const char *
mix_reminders_get_last_title (MixReminders *self)
{
  g_return_val_if_fail (MIX_IS_REMINDERS (self), NULL);
  return self->last_title;
}

/* Remind me at login */

/**
 * mix_reminders_autostart_path:
 *
 * Returns: (transfer full): where the autostart entry is written outside a
 *   sandbox
 */
char *
mix_reminders_autostart_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", APP_ID ".desktop", NULL);
}

static gboolean
use_portal (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS) ||
         g_strcmp0 (g_getenv ("MIX_IT_UP_BACKGROUND_PORTAL"), "1") == 0;
}

/* The running program, to start at login: the installed command, or the
 * build tree's when run from there. */
static char *
program_path (void)
{
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);

  if (self_exe != NULL && g_path_is_absolute (self_exe))
    return g_steal_pointer (&self_exe);
  return g_strdup ("mix-it-up");
}

static gboolean
write_autostart (gboolean   enable,
                 GError   **error)
{
  g_autofree char *path = mix_reminders_autostart_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *program = program_path ();
  g_autofree char *quoted = NULL;
  g_autoptr(GKeyFile) entry = NULL;
  g_autofree char *text = NULL;

  if (!enable)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("The login entry %s could not be removed: %s"), path,
                       g_strerror (saved));
          return FALSE;
        }
      return TRUE;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("The folder %s could not be made: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  entry = g_key_file_new ();
  quoted = g_shell_quote (program);
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TYPE,
                         G_KEY_FILE_DESKTOP_TYPE_APPLICATION);
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NAME,
                         _("Mix It Up"));
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                         _("Reminds you of the follow-ups due today"));
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_ICON, APP_ID);
  {
    g_autofree char *exec = g_strconcat (quoted, " --background", NULL);

    g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, exec);
  }
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY,
                          TRUE);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", TRUE);
  text = g_key_file_to_data (entry, NULL, NULL);
  return g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

static void
on_background_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr(GTask) task = data;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (xdp_portal_request_background_finish (XDP_PORTAL (source), result, &error))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (cancellable != NULL && g_cancellable_is_cancelled (cancellable))
    g_task_return_error (task, g_steal_pointer (&error));
  /* The portal's "cancelled" is the person, or the system, saying no. */
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "%s",
                             _("Mix It Up was not allowed to start at login."));
  else
    {
      g_prefix_error (&error, "%s", _("The system did not let Mix It Up start at login: "));
      g_task_return_error (task, g_steal_pointer (&error));
    }
}

/**
 * mix_reminders_set_autostart_async:
 * @parent: (nullable): the window asking, for the portal's dialog
 * @enable: whether the app is to start at login
 *
 * Asks for the app to start at login, in the background, or not any more.
 */
void
mix_reminders_set_autostart_async (MixReminders        *self,
                                   GtkWindow           *parent,
                                   gboolean             enable,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (MIX_IS_REMINDERS (self));

  if (use_portal ())
    {
      g_autoptr(GPtrArray) commandline = g_ptr_array_new_with_free_func (g_free);
      XdpParent *xdp_parent = parent != NULL ? xdp_parent_new_gtk (parent) : NULL;
      g_autofree char *reason = g_strdup (_("To remind you of the follow-ups due today"));

      if (self->portal == NULL)
        self->portal = xdp_portal_new ();
      g_ptr_array_add (commandline, g_strdup ("mix-it-up"));
      g_ptr_array_add (commandline, g_strdup ("--background"));
      xdp_portal_request_background (self->portal, xdp_parent, reason, commandline,
                                     enable ? XDP_BACKGROUND_FLAG_AUTOSTART
                                            : XDP_BACKGROUND_FLAG_NONE,
                                     cancellable, on_background_cb, g_steal_pointer (&task));
      g_clear_pointer (&xdp_parent, xdp_parent_free);
      return;
    }

  if (!write_autostart (enable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

gboolean
mix_reminders_set_autostart_finish (MixReminders  *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
mix_reminders_dispose (GObject *object)
{
  MixReminders *self = MIX_REMINDERS (object);

  g_clear_handle_id (&self->timer, g_source_remove);
  g_clear_handle_id (&self->first_check, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->portal);
  g_clear_pointer (&self->last_title, g_free);

  G_OBJECT_CLASS (mix_reminders_parent_class)->dispose (object);
}

static void
mix_reminders_class_init (MixRemindersClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mix_reminders_dispose;
}

static void
mix_reminders_init (MixReminders *self)
{
  g_date_clear (&self->checked, 1);
}
