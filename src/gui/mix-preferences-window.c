/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mix-preferences-window.h"

struct _MixPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GtkSwitch            *auto_advance_switch;
  GtkSwitch            *chime_switch;
  GtkSwitch            *free_account_switch;
  GtkSwitch            *reminders_switch;
  GtkSwitch            *login_switch;
  GCancellable         *login_cancellable;  /* while the change is asked for */
  AdwComboRow          *color_scheme_row;
  AdwActionRow         *data_folder_row;

  MixApplication       *application;
};

G_DEFINE_FINAL_TYPE (MixPreferencesWindow, mix_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_APPLICATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The order of the style row's choices. */
static const char * const color_schemes[] = { "default", "light", "dark" };

MixPreferencesWindow *
mix_preferences_window_new (MixApplication *application)
{
  return g_object_new (MIX_TYPE_PREFERENCES_WINDOW, "mix-application", application, NULL);
}

static gboolean
scheme_to_position (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    if (g_str_equal (scheme, color_schemes[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
position_to_scheme (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (color_schemes))
    position = 0;
  return g_variant_new_string (color_schemes[position]);
}

static void
open_data_folder_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  MixPreferencesWindow *self = MIX_PREFERENCES_WINDOW (widget);
  MixStore *store = mix_application_get_store (self->application);
  g_autoptr(GFile) folder = g_file_new_for_path (mix_store_get_directory (store));
  g_autofree char *uri = g_file_get_uri (folder);

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void on_login_active_cb (MixPreferencesWindow *self);

/* The switch as it is, without asking again. */
static void
set_login_switch (MixPreferencesWindow *self,
                  gboolean              active)
{
  g_signal_handlers_block_by_func (self->login_switch, on_login_active_cb, self);
  gtk_switch_set_active (self->login_switch, active);
  g_signal_handlers_unblock_by_func (self->login_switch, on_login_active_cb, self);
}

static void
on_autostart_set_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      data)
{
  g_autoptr(MixPreferencesWindow) self = data;
  g_autoptr(GError) error = NULL;
  gboolean wanted, done;

  done = mix_reminders_set_autostart_finish (MIX_REMINDERS (source), result, &error);
  /* Cancelled here: the window is gone, or another change was asked for. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  g_clear_object (&self->login_cancellable);
  wanted = gtk_switch_get_active (self->login_switch);
  gtk_widget_set_sensitive (GTK_WIDGET (self->login_switch), TRUE);
  if (!done)
    {
      /* As it was, and why. */
      set_login_switch (self, !wanted);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (error->message));
      return;
    }
  g_settings_set_boolean (mix_application_get_settings (self->application), "remind-at-login",
                          wanted);
}

static void
on_login_active_cb (MixPreferencesWindow *self)
{
  MixReminders *reminders = mix_application_get_reminders (self->application);

  if (reminders == NULL)
    return;
  g_cancellable_cancel (self->login_cancellable);
  g_clear_object (&self->login_cancellable);
  self->login_cancellable = g_cancellable_new ();
  gtk_widget_set_sensitive (GTK_WIDGET (self->login_switch), FALSE);
  mix_reminders_set_autostart_async (reminders, GTK_WINDOW (self),
                                     gtk_switch_get_active (self->login_switch),
                                     self->login_cancellable, on_autostart_set_cb,
                                     g_object_ref (self));
}

static void
mix_preferences_window_constructed (GObject *object)
{
  MixPreferencesWindow *self = MIX_PREFERENCES_WINDOW (object);
  GSettings *settings = mix_application_get_settings (self->application);
  MixStore *store = mix_application_get_store (self->application);

  G_OBJECT_CLASS (mix_preferences_window_parent_class)->constructed (object);

  g_settings_bind_with_mapping (settings, "color-scheme",
                                self->color_scheme_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                scheme_to_position, position_to_scheme, NULL, NULL);

  g_settings_bind (settings, "phase-chime", self->chime_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "linkedin-free-account", self->free_account_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "auto-advance", self->auto_advance_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "reminders", self->reminders_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  /* Set once the system has said yes. */
  set_login_switch (self, g_settings_get_boolean (settings, "remind-at-login"));
  g_signal_connect_swapped (self->login_switch, "notify::active",
                            G_CALLBACK (on_login_active_cb), self);

  adw_action_row_set_subtitle (self->data_folder_row, mix_store_get_directory (store));
}

static void
mix_preferences_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  MixPreferencesWindow *self = MIX_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_value_set_object (value, self->application);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mix_preferences_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  MixPreferencesWindow *self = MIX_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      self->application = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mix_preferences_window_dispose (GObject *object)
{
  MixPreferencesWindow *self = MIX_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->login_cancellable);
  g_clear_object (&self->login_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIX_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (mix_preferences_window_parent_class)->dispose (object);
}

static void
mix_preferences_window_class_init (MixPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mix_preferences_window_constructed;
  object_class->dispose = mix_preferences_window_dispose;
  object_class->get_property = mix_preferences_window_get_property;
  object_class->set_property = mix_preferences_window_set_property;

  /* Not GtkWindow:application: the preferences window is not one of the
   * application's main windows, it only needs its settings and store. */
  properties[PROP_APPLICATION] =
    g_param_spec_object ("mix-application", NULL, NULL, MIX_TYPE_APPLICATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/mix-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MixPreferencesWindow, auto_advance_switch);
  gtk_widget_class_bind_template_child (widget_class, MixPreferencesWindow, chime_switch);
  gtk_widget_class_bind_template_child (widget_class, MixPreferencesWindow, free_account_switch);
  gtk_widget_class_bind_template_child (widget_class, MixPreferencesWindow, color_scheme_row);
  gtk_widget_class_bind_template_child (widget_class, MixPreferencesWindow, data_folder_row);
  gtk_widget_class_bind_template_child (widget_class, MixPreferencesWindow, reminders_switch);
  gtk_widget_class_bind_template_child (widget_class, MixPreferencesWindow, login_switch);

  gtk_widget_class_install_action (widget_class, "preferences.open-data-folder", NULL,
                                   open_data_folder_action);
}

static void
mix_preferences_window_init (MixPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
