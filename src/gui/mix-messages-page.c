/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mix-messages-page.h"

struct _MixMessagesPage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (MixMessagesPage, mix_messages_page, ADW_TYPE_BIN)

static void
mix_messages_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MIX_TYPE_MESSAGES_PAGE);

  G_OBJECT_CLASS (mix_messages_page_parent_class)->dispose (object);
}

static void
mix_messages_page_class_init (MixMessagesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mix_messages_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mix-messages-page.ui");
}

static void
mix_messages_page_init (MixMessagesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
