/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mix-application.h"
#include "mix-csv-import-dialog.h"
#include "mix-messages-page.h"
#include "mix-preferences-window.h"
#include "mix-session-page.h"
#include "mix-sheet-view.h"
#include "mix-test-gui.h"
#include "mix-tracker-details.h"
#include "mix-today-page.h"
#include "mix-tracker-page.h"
#include "mix-window.h"

/* Every .ui file in ui/ is loaded: a template through the widget class it
 * belongs to (mix-foo-bar.ui → MixFooBar), anything else with GtkBuilder.
 * With fatal warnings, any problem in a file fails the test. */

static MixApplication *app;

static char *
type_name_for_file (const char *file_name)
{
  g_autofree char *base = g_strndup (file_name, strlen (file_name) - strlen (".ui"));
  g_auto(GStrv) parts = g_strsplit (base, "-", -1);
  GString *name = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0')
        continue;
      g_string_append_c (name, g_ascii_toupper (parts[i][0]));
      g_string_append (name, parts[i] + 1);
    }
  return g_string_free (name, FALSE);
}

static void
test_ui_file (gconstpointer data)
{
  const char *path = data;
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *type_name = type_name_for_file (base);
  GType type = g_type_from_name (type_name);

  if (type != G_TYPE_INVALID)
    {
      GObjectClass *klass = g_type_class_ref (type);
      GObject *object;

      g_assert_true (g_type_is_a (type, GTK_TYPE_WIDGET));
      if (g_object_class_find_property (klass, "mix-application") != NULL)
        object = g_object_new (type, "mix-application", app, NULL);
      else if (g_type_is_a (type, GTK_TYPE_APPLICATION_WINDOW))
        object = g_object_new (type, "application", app, NULL);
      else
        object = g_object_ref_sink (g_object_new (type, NULL));

      if (GTK_IS_WINDOW (object))
        gtk_window_destroy (GTK_WINDOW (object));
      else
        g_object_unref (object);
      g_type_class_unref (klass);
    }
  else
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new ();
      g_autoptr(GError) error = NULL;
      GSList *objects;

      gtk_builder_add_from_file (builder, path, &error);
      g_assert_no_error (error);
      objects = gtk_builder_get_objects (builder);
      g_assert_nonnull (objects);
      for (GSList *l = objects; l != NULL; l = l->next)
        if (GTK_IS_WINDOW (l->data))
          gtk_window_destroy (l->data);
      g_slist_free (objects);
    }
}

static void
collect (const char *dir_path,
         GPtrArray  *files)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      char *path = g_build_filename (dir_path, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          collect (path, files);
          g_free (path);
        }
      else if (g_str_has_suffix (name, ".ui"))
        g_ptr_array_add (files, path);
      else
        g_free (path);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  const char *ui_dir = g_getenv ("UI_DIR");
  int ret;

  app = mix_test_gui_init (&argc, &argv);

  g_type_ensure (MIX_TYPE_WINDOW);
  g_type_ensure (MIX_TYPE_PREFERENCES_WINDOW);
  g_type_ensure (MIX_TYPE_SESSION_PAGE);
  /* Its class registers the types of its sections, each with a template. */
  g_type_class_unref (g_type_class_ref (MIX_TYPE_SESSION_PAGE));
  g_type_ensure (MIX_TYPE_TRACKER_PAGE);
  g_type_ensure (MIX_TYPE_MESSAGES_PAGE);
  g_type_ensure (MIX_TYPE_TODAY_PAGE);
  g_type_ensure (MIX_TYPE_SHEET_VIEW);
  g_type_ensure (MIX_TYPE_TRACKER_DETAILS);
  g_type_ensure (MIX_TYPE_CSV_IMPORT_DIALOG);

  g_assert_nonnull (ui_dir);
  collect (ui_dir, files);
  g_assert_cmpuint (files->len, >, 0);

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *relative = g_strdup ((const char *) files->pdata[i] + strlen (ui_dir));
      g_autofree char *test_path = g_strconcat ("/ui", relative, NULL);
      g_test_add_data_func (test_path, files->pdata[i], test_ui_file);
    }

  ret = g_test_run ();
  g_object_unref (app);
  return ret;
}
