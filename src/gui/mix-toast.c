/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

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
 * are dismissed only once they are all fully in, and the new toast is
 * never given priority over a toast still coming in: it waits behind it.
 *
 * Without an overlay (a page on its own) the toast is dropped.
 */
void
mix_show_toast (GtkWidget *widget,
                AdwToast  *toast)
{
  GtkWidget *overlay;
  GPtrArray *shown;
  ShownToast *entry;
  gboolean coming_in = FALSE;
  gint64 now = g_get_monotonic_time ();

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      g_object_unref (g_object_ref_sink (toast));
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
      else if (now - ((ShownToast *) shown->pdata[i - 1])->added < COMING_IN_US)
        coming_in = TRUE;
    }

  if (coming_in)
    adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_NORMAL);
  else
    {
      for (guint i = 0; i < shown->len; i++)
        {
          g_autoptr(AdwToast) earlier = g_weak_ref_get (&((ShownToast *) shown->pdata[i])->toast);

          if (earlier != NULL)
            adw_toast_dismiss (earlier);
        }
      g_ptr_array_set_size (shown, 0);
    }

  entry = g_new0 (ShownToast, 1);
  g_weak_ref_init (&entry->toast, toast);
  entry->added = now;
  g_ptr_array_add (shown, entry);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}
