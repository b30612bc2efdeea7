/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mix-session-notes.h"

/**
 * MixSessionNotes:
 *
 * The facilitator's notes of the current phase, kept with the session.
 */

struct _MixSessionNotes
{
  GtkWidget         parent_instance;

  GtkTextBuffer    *buffer;
  GtkTextView      *view;

  MixSessionRecord *record;  /* nullable */
  MixPhase          phase;
};

G_DEFINE_FINAL_TYPE (MixSessionNotes, mix_session_notes, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_buffer_changed_cb (GtkTextBuffer   *buffer,
                      MixSessionNotes *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->record == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  mix_session_record_set_notes (self->record, self->phase, text);
}

/**
 * mix_session_notes_get_record:
 *
 * Returns: (transfer none) (nullable): the session whose notes are shown
 */
MixSessionRecord *
mix_session_notes_get_record (MixSessionNotes *self)
{
  g_return_val_if_fail (MIX_IS_SESSION_NOTES (self), NULL);
  return self->record;
}

/**
 * mix_session_notes_show:
 * @record: (nullable): the session in progress
 * @phase: the phase whose notes are shown
 */
void
mix_session_notes_show (MixSessionNotes  *self,
                        MixSessionRecord *record,
                        MixPhase          phase)
{
  g_return_if_fail (MIX_IS_SESSION_NOTES (self));
  g_return_if_fail (record == NULL || MIX_IS_SESSION_RECORD (record));

  if (g_set_object (&self->record, record))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
  self->phase = phase;
  g_signal_handlers_block_by_func (self->buffer, on_buffer_changed_cb, self);
  gtk_text_buffer_set_text (self->buffer, record ? mix_session_record_get_notes (record, phase) : "",
                            -1);
  g_signal_handlers_unblock_by_func (self->buffer, on_buffer_changed_cb, self);
}

/* Read-only sessions: nothing typed would be kept. */
void
mix_session_notes_set_writable (MixSessionNotes *self,
                                gboolean         writable)
{
  g_return_if_fail (MIX_IS_SESSION_NOTES (self));

  gtk_text_view_set_editable (self->view, writable);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->view),
                               writable ? NULL : _("Sessions are read-only: see the message at "
                                                   "the top of the window."));
}

static void
mix_session_notes_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MixSessionNotes *self = MIX_SESSION_NOTES (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mix_session_notes_dispose (GObject *object)
{
  MixSessionNotes *self = MIX_SESSION_NOTES (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MIX_TYPE_SESSION_NOTES);
  /* The children the template does not name. */
  while (gtk_widget_get_first_child (GTK_WIDGET (self)) != NULL)
    gtk_widget_unparent (gtk_widget_get_first_child (GTK_WIDGET (self)));
  g_clear_object (&self->record);

  G_OBJECT_CLASS (mix_session_notes_parent_class)->dispose (object);
}

static void
mix_session_notes_class_init (MixSessionNotesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mix_session_notes_dispose;
  object_class->get_property = mix_session_notes_get_property;

  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, MIX_TYPE_SESSION_RECORD,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/session/mix-session-notes.ui");
  gtk_widget_class_bind_template_child (widget_class, MixSessionNotes, buffer);
  gtk_widget_class_bind_template_child (widget_class, MixSessionNotes, view);
  gtk_widget_class_bind_template_callback (widget_class, on_buffer_changed_cb);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
mix_session_notes_init (MixSessionNotes *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
