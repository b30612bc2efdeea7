/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mix-session-presentation.h"

/**
 * MixSessionPresentation:
 *
 * The full-screen view for a shared screen: the phase, what the group
 * talks about, its time left, who speaks now and next in Introductions'
 * turns (with Next Speaker), what comes next, in huge text, and the way
 * out (the page's `session.leave-presentation` action).
 */

struct _MixSessionPresentation
{
  GtkWidget  parent_instance;

  GtkButton *leave_button;
  GtkLabel  *present_next_label;
  GtkButton *present_next_speaker_button;
  GtkLabel  *present_next_turn_label;
  GtkLabel  *present_phase_label;
  GtkLabel  *present_prompt_label;
  GtkLabel  *present_time_label;
  GtkLabel  *present_turn_label;
};

G_DEFINE_FINAL_TYPE (MixSessionPresentation, mix_session_presentation, GTK_TYPE_WIDGET)

/**
 * mix_session_presentation_show:
 * @clock: what the timer shows now
 */
void
mix_session_presentation_show (MixSessionPresentation *self,
                               const MixCircleClock   *clock)
{
  g_return_if_fail (MIX_IS_SESSION_PRESENTATION (self));
  g_return_if_fail (clock != NULL);

  gtk_label_set_text (self->present_time_label, clock->time);
  if (clock->overtime)
    gtk_widget_add_css_class (GTK_WIDGET (self->present_time_label), "overtime");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->present_time_label), "overtime");
  gtk_label_set_text (self->present_phase_label, clock->phase);
  gtk_label_set_text (self->present_next_label, clock->next);
  gtk_label_set_text (self->present_turn_label, clock->turn != NULL ? clock->turn : "");
  gtk_widget_set_visible (GTK_WIDGET (self->present_turn_label), clock->turn != NULL);
  gtk_label_set_text (self->present_next_turn_label,
                      clock->next_turn != NULL ? clock->next_turn : "");
  gtk_widget_set_visible (GTK_WIDGET (self->present_next_turn_label), clock->next_turn != NULL);
  /* Only while someone speaks; the focus, if it was there, goes to the
   * way out. */
  if (clock->next_turn == NULL && gtk_widget_has_focus (GTK_WIDGET (self->present_next_speaker_button)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self->present_next_speaker_button),
                          clock->turn != NULL && clock->next_turn != NULL);
}

/**
 * mix_session_presentation_set_prompt:
 * @prompt: what the group talks about now, as from mix_circle_phase_prompt()
 */
void
mix_session_presentation_set_prompt (MixSessionPresentation *self,
                                     const char             *prompt)
{
  g_return_if_fail (MIX_IS_SESSION_PRESENTATION (self));

  gtk_label_set_text (self->present_prompt_label, prompt != NULL ? prompt : "");
  gtk_widget_set_visible (GTK_WIDGET (self->present_prompt_label), prompt != NULL && *prompt != '\0');
}

/* The keyboard has somewhere to be: the view itself, so that Space
 * pauses and resumes the circle (on the Leave button it would leave),
 * Ctrl+Down gives the next speaker the floor, and Tab reaches the
 * buttons. */
void
mix_session_presentation_focus (MixSessionPresentation *self)
{
  g_return_if_fail (MIX_IS_SESSION_PRESENTATION (self));

  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
mix_session_presentation_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MIX_TYPE_SESSION_PRESENTATION);
  /* The children the template does not name. */
  while (gtk_widget_get_first_child (GTK_WIDGET (object)) != NULL)
    gtk_widget_unparent (gtk_widget_get_first_child (GTK_WIDGET (object)));

  G_OBJECT_CLASS (mix_session_presentation_parent_class)->dispose (object);
}

static void
mix_session_presentation_class_init (MixSessionPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mix_session_presentation_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/session/mix-session-presentation.ui");
  gtk_widget_class_bind_template_child (widget_class, MixSessionPresentation, leave_button);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPresentation, present_next_label);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPresentation,
                                        present_next_speaker_button);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPresentation, present_next_turn_label);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPresentation, present_phase_label);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPresentation, present_prompt_label);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPresentation, present_time_label);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPresentation, present_turn_label);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
mix_session_presentation_init (MixSessionPresentation *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Presentation"), -1);
}
