/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mix-accessible.h"

/* GTK 4.8 names a list that has no name after its class: a screen reader
 * says "GtkListBox" for the list inside every group of rows, and
 * "GtkListView" for every drop-down's choices. Such lists are named after
 * what holds them: the group's or row's title, as the user sees it. */

static char *
plain_title (const char *markup)
{
  g_autofree char *text = NULL;

  if (markup == NULL || *markup == '\0')
    return NULL;
  if (!pango_parse_markup (markup, -1, 0, NULL, &text, NULL, NULL))
    return g_strdup (markup);
  return g_steal_pointer (&text);
}

static void
set_label (GtkWidget  *widget,
           const char *label)
{
  if (label != NULL && *label != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    label, -1);
}

/* The title of the nearest group or row that holds @list. */
static char *
holder_title (GtkWidget *list)
{
  for (GtkWidget *w = gtk_widget_get_parent (list); w != NULL; w = gtk_widget_get_parent (w))
    {
      if (ADW_IS_PREFERENCES_ROW (w))
        return plain_title (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)));
      if (ADW_IS_PREFERENCES_GROUP (w))
        return plain_title (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (w)));
      if (GTK_IS_POPOVER (w) && ADW_IS_COMBO_ROW (gtk_widget_get_parent (w)))
        return plain_title (adw_preferences_row_get_title (
          ADW_PREFERENCES_ROW (gtk_widget_get_parent (w))));
      if (GTK_IS_LIST_BOX (w) || GTK_IS_LIST_VIEW (w))
        return NULL;  /* a list in a list: named by its row, if at all */
    }
  return NULL;
}

static void
name_lists (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget) || GTK_IS_LIST_VIEW (widget))
    {
      g_autofree char *title = holder_title (widget);

      set_label (widget, title);
    }
  else if (ADW_IS_VIEW_SWITCHER (widget) &&
           (gtk_widget_get_ancestor (widget, ADW_TYPE_VIEW_SWITCHER_TITLE) != NULL ||
            gtk_widget_get_ancestor (widget, ADW_TYPE_VIEW_SWITCHER_BAR) != NULL))
    set_label (widget, _("Pages"));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_lists (child);
}

/**
 * mix_accessible_name_lists:
 *
 * Names the lists below @root that are held by a group or a row after its
 * title, and the window's page switchers. Call again when groups are made.
 */
void
mix_accessible_name_lists (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));
  name_lists (root);
}
