/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mix-tracker-page.h"

struct _MixTrackerPage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (MixTrackerPage, mix_tracker_page, ADW_TYPE_BIN)

static void
mix_tracker_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MIX_TYPE_TRACKER_PAGE);

  G_OBJECT_CLASS (mix_tracker_page_parent_class)->dispose (object);
}

static void
mix_tracker_page_class_init (MixTrackerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mix_tracker_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mix-tracker-page.ui");
}

static void
mix_tracker_page_init (MixTrackerPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
