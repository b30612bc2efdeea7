/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>

#include "mix-test-gui.h"

/**
 * mix_test_gui_init:
 *
 * Sets up a widget test: its own empty data directory, GTK and
 * libadwaita, and a started application that does not take the bus name,
 * so that tests can run side by side.
 *
 * Returns: (transfer full): the application
 */
/* The Session page tells of a phase's end with a notification when its
 * window is not the active one, which under Xvfb without a window manager
 * it may or may not be. The tests' private D-Bus session has no
 * notification server, and GIO warns (fatally, in a test) when it cannot
 * reach one. This process owns GTK's notification name: GIO then sends
 * there without waiting for a reply, and nothing is shown. */
static void
take_notifications (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;

  if (bus == NULL)
    return;
  /* 4: DBUS_NAME_FLAG_DO_NOT_QUEUE */
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.gtk.Notifications", 4),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, NULL);
}

MixApplication *
mix_test_gui_init (int    *argc,
                   char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = g_dir_make_tmp ("mix-gui-test-XXXXXX", &error);
  MixApplication *app;

  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* Tests press buttons the moment they appear, faster than a person can.
   * libadwaita 1.2 frees a toast twice when it is dismissed while still
   * sliding in: without animations, nothing is ever in between. The
   * toasts' own test turns them back on (test-window). */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  take_notifications ();
  app = mix_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  /* The welcome of a first start is tested on its own. */
  g_settings_set_boolean (mix_application_get_settings (app), "welcome-shown", TRUE);
  return app;
}

/**
 * mix_test_spin:
 *
 * Lets the main loop run what is pending: layout, binding, idles.
 */
void
mix_test_spin (void)
{
  for (guint i = 0; i < 5; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (10000);
    }
}

/**
 * mix_test_find_widget_where:
 *
 * Returns: (transfer none) (nullable): the first widget below @widget,
 *   @widget included and depth first, for which @matches is %TRUE
 */
GtkWidget *
mix_test_find_widget_where (GtkWidget         *widget,
                            MixTestWidgetTest  matches,
                            gpointer           data)
{
  if (matches (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = mix_test_find_widget_where (child, matches, data);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget *widget,
            gpointer   type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
is_button_labelled (GtkWidget *widget,
                    gpointer   label)
{
  GtkWidget *child;

  if (!GTK_IS_BUTTON (widget))
    return FALSE;
  if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return TRUE;
  /* A button with a label of its own as child, as the app's buttons with
   * a mnemonic have. */
  child = gtk_button_get_child (GTK_BUTTON (widget));
  return child != NULL && GTK_IS_LABEL (child) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), label) == 0;
}

/**
 * mix_test_find_widget:
 *
 * Returns: (transfer none) (nullable): the first widget of @type in the
 *   tree below @widget, @widget included
 */
GtkWidget *
mix_test_find_widget (GtkWidget *widget,
                      GType      type)
{
  return mix_test_find_widget_where (widget, is_of_type, GSIZE_TO_POINTER (type));
}

/**
 * mix_test_find_button:
 *
 * Returns: (transfer none) (nullable): the first button below @widget whose
 *   label, or whose child label, is @label (mnemonic underscores
 *   included), such as a toast's "_Undo"
 */
GtkWidget *
mix_test_find_button (GtkWidget  *widget,
                      const char *label)
{
  return mix_test_find_widget_where (widget, is_button_labelled, (gpointer) label);
}

/**
 * mix_test_has_label:
 *
 * Returns: whether a label below @widget, @widget included, says @text
 */
gboolean
mix_test_has_label (GtkWidget  *widget,
                    const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (mix_test_has_label (child, text))
      return TRUE;
  return FALSE;
}

/**
 * mix_test_get_toast_button:
 *
 * Returns: (transfer none) (nullable): the button labelled @label in a
 *   toast titled @title shown now, or that toast itself if @label is %NULL
 */
GtkWidget *
mix_test_get_toast_button (GtkWidget  *widget,
                           const char *title,
                           const char *label)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget"))
    {
      if (!mix_test_has_label (widget, title))
        return NULL;
      return label != NULL ? mix_test_find_button (widget, label) : widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = mix_test_get_toast_button (child, title, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * mix_test_find_toast_button:
 *
 * Waits (up to ten seconds) for a toast titled @title to show: a toast that
 * comes while another is still coming in waits for it.
 *
 * Returns: (transfer none) (nullable): the button labelled @label in it,
 *   or the toast itself if @label is %NULL
 */
GtkWidget *
mix_test_find_toast_button (GtkWidget  *widget,
                            const char *title,
                            const char *label)
{
  for (guint i = 0; i < 200; i++)
    {
      GtkWidget *found = mix_test_get_toast_button (widget, title, label);

      if (found != NULL)
        return found;
      mix_test_spin ();
    }
  return NULL;
}
