/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mix-toast.h"

#define SHOWN_TOASTS_KEY "mix-shown-toasts"

/* How long a toast takes to come in, with some margin: libadwaita 1.2
 * animates it for 300 ms. */
#define COMING_IN_US (400 * G_TIME_SPAN_MILLISECOND)

typedef struct
{
  GWeakRef toast;
  gint64   added;  /* monotonic time */
} ShownToast;

static void
shown_toast_free (gpointer data)
{
  ShownToast *shown = data;

  g_weak_ref_clear (&shown->toast);
  g_free (shown);
}

/**
 * mix_show_toast:
 * @widget: a widget in the window that shows the toast
 * @toast: (transfer full): the toast
 *
 * Shows @toast in the toast overlay around @widget in place of the ones
 * shown before, so that an Undo is offered at once.
 *
 * libadwaita 1.2 has two faults here, both of which abort the app: a toast
 * interrupted by a high-priority one goes back in the queue while it is
 * still being hidden and may come back before it is gone; and a toast
 * dismissed while it is still coming in is freed twice. So earlier toasts
 * are dismissed only once they are all fully in: a new toast that comes
 * while another is still coming in is shown as soon as that one is in.
 *
 * Without an overlay (a page on its own) the toast is dropped.
 */
typedef struct
{
  GWeakRef  overlay;
  AdwToast *toast;
} LaterToast;

static gboolean
show_later_cb (gpointer user_data)
{
  LaterToast *later = user_data;
  g_autoptr(GtkWidget) overlay = g_weak_ref_get (&later->overlay);

  if (overlay != NULL)
    mix_show_toast (overlay, g_steal_pointer (&later->toast));
  g_clear_object (&later->toast);
  g_weak_ref_clear (&later->overlay);
  g_free (later);
  return G_SOURCE_REMOVE;
}

void
mix_show_toast (GtkWidget *widget,
                AdwToast  *toast)
{
  GtkWidget *overlay;
  GPtrArray *shown;
  ShownToast *entry;
  gint64 coming_in = 0;  /* how long until all are in */
  gint64 now = g_get_monotonic_time ();

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = ADW_IS_TOAST_OVERLAY (widget) ? widget
                                           : gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      g_object_unref (toast);
      return;
    }

  shown = g_object_get_data (G_OBJECT (overlay), SHOWN_TOASTS_KEY);
  if (shown == NULL)
    {
      shown = g_ptr_array_new_with_free_func (shown_toast_free);
      g_object_set_data_full (G_OBJECT (overlay), SHOWN_TOASTS_KEY, shown,
                              (GDestroyNotify) g_ptr_array_unref);
    }

  /* Toasts that are gone are forgotten. */
  for (guint i = shown->len; i > 0; i--)
    {
      g_autoptr(AdwToast) earlier = g_weak_ref_get (&((ShownToast *) shown->pdata[i - 1])->toast);

      if (earlier == NULL)
        g_ptr_array_remove_index (shown, i - 1);
      else
        coming_in = MAX (coming_in,
                         COMING_IN_US - (now - ((ShownToast *) shown->pdata[i - 1])->added));
    }

  if (coming_in > 0)
    {
      LaterToast *later = g_new0 (LaterToast, 1);

      g_weak_ref_init (&later->overlay, overlay);
      later->toast = toast;
      g_timeout_add ((guint) (coming_in / G_TIME_SPAN_MILLISECOND) + 1, show_later_cb, later);
      return;
    }

  for (guint i = 0; i < shown->len; i++)
    {
      g_autoptr(AdwToast) earlier = g_weak_ref_get (&((ShownToast *) shown->pdata[i])->toast);

      if (earlier != NULL)
        adw_toast_dismiss (earlier);
    }
  g_ptr_array_set_size (shown, 0);

  entry = g_new0 (ShownToast, 1);
  g_weak_ref_init (&entry->toast, toast);
  entry->added = now;
  g_ptr_array_add (shown, entry);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

typedef struct
{
  GWeakRef history;
  GWeakRef widget;
  guint    serial;
} UndoToast;

static void
undo_toast_free (gpointer data,
                 GClosure *closure)
{
  UndoToast *undo = data;

  g_weak_ref_clear (&undo->history);
  g_weak_ref_clear (&undo->widget);
  g_free (undo);
}

static void
on_undo_clicked_cb (AdwToast  *toast,
                    UndoToast *undo)
{
  g_autoptr(MixHistory) history = g_weak_ref_get (&undo->history);
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&undo->widget);

  if (history == NULL || widget == NULL)
    return;
  /* The toast's change is undone only while it is the last one: after
   * another, Ctrl+Z walks back through them. */
  if (mix_history_get_serial (history) == undo->serial)
    gtk_widget_activate_action (widget, "win.undo", NULL);
  else
    gtk_widget_error_bell (widget);
}

/**
 * mix_show_undo_toast:
 * @history: the window's history, whose last change the toast tells of
 *
 * Shows a toast saying @title, with an Undo button: a view of @history,
 * whose Ctrl+Z undoes the same change, toast or not.
 */
void
mix_show_undo_toast (GtkWidget  *widget,
                     MixHistory *history,
                     const char *title)
{
  AdwToast *toast;
  UndoToast *undo;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (title != NULL);

  toast = adw_toast_new (title);
  if (history != NULL && mix_history_can_undo (history))
    {
      undo = g_new0 (UndoToast, 1);
      g_weak_ref_init (&undo->history, history);
      g_weak_ref_init (&undo->widget, widget);
      undo->serial = mix_history_get_serial (history);
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), undo,
                             undo_toast_free, 0);
    }
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  mix_show_toast (widget, toast);
}
