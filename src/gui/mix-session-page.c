/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mix-session-page.h"

struct _MixSessionPage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (MixSessionPage, mix_session_page, ADW_TYPE_BIN)

static void
mix_session_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MIX_TYPE_SESSION_PAGE);

  G_OBJECT_CLASS (mix_session_page_parent_class)->dispose (object);
}

static void
mix_session_page_class_init (MixSessionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mix_session_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mix-session-page.ui");
}

static void
mix_session_page_init (MixSessionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
