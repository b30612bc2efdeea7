/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mix-circle.h"
#include "mix-session-clock.h"
#include "mix-timer-ring.h"

/**
 * MixSessionClock:
 *
 * The current phase's time left on a ring, what comes next, the whole
 * session on a bar, and the buttons that drive the timer: they call the
 * page's `session.` actions.
 */

struct _MixSessionClock
{
  GtkWidget       parent_instance;

  GtkButton      *fit_button;
  GtkLabel       *next_label;
  GtkLabel       *pace_label;
  GtkLabel       *turn_label;
  GtkLabel       *phase_label;
  GtkButton      *present_button;
  MixTimerRing   *ring;
  GtkProgressBar *session_bar;
  GtkButton      *toggle_button;

  GtkLabel       *time_label;
  GtkLabel       *toggle_label;
};

G_DEFINE_FINAL_TYPE (MixSessionClock, mix_session_clock, GTK_TYPE_WIDGET)

/**
 * mix_session_clock_show:
 * @clock: what the timer shows now
 */
void
mix_session_clock_show (MixSessionClock      *self,
                        const MixCircleClock *clock)
{
  g_return_if_fail (MIX_IS_SESSION_CLOCK (self));
  g_return_if_fail (clock != NULL);

  gtk_label_set_text (self->time_label, clock->time);
  if (clock->overtime)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->time_label), "overtime");
      gtk_widget_add_css_class (GTK_WIDGET (self->ring), "overtime");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->time_label), "overtime");
      gtk_widget_remove_css_class (GTK_WIDGET (self->ring), "overtime");
    }
  mix_timer_ring_set_fraction (self->ring, clock->phase_fraction);
  gtk_label_set_text (self->phase_label, clock->phase);
  gtk_label_set_text (self->next_label, clock->next);
  gtk_progress_bar_set_fraction (self->session_bar, clock->session_fraction);
  gtk_progress_bar_set_text (self->session_bar, clock->session);
  /* A smaller time makes room in the ring for who speaks and the pace,
   * so that the ring, and the page under it, keep their size. */
  if (clock->turn != NULL || clock->pace != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->time_label), "compact");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->time_label), "compact");
  gtk_widget_set_visible (GTK_WIDGET (self->turn_label), clock->turn != NULL);
  gtk_label_set_text (self->turn_label, clock->turn != NULL ? clock->turn : "");
  gtk_widget_set_visible (GTK_WIDGET (self->pace_label), clock->pace != NULL);
  gtk_label_set_text (self->pace_label, clock->pace != NULL ? clock->pace : "");
  gtk_widget_set_visible (GTK_WIDGET (self->fit_button), clock->can_fit);
  /* The label is the button's child rather than its label property:
   * GTK 4.8 reads a button out as its label property and its contents,
   * which would say the label twice. */
  gtk_label_set_text_with_mnemonic (self->toggle_label, clock->toggle);
}

/**
 * mix_session_clock_describe:
 * @text: what just happened, for a screen reader
 *
 * The timer's button, which has the focus while a facilitator runs the
 * circle from the keyboard, describes it.
 */
void
mix_session_clock_describe (MixSessionClock *self,
                            const char      *text)
{
  g_return_if_fail (MIX_IS_SESSION_CLOCK (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->toggle_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

/* Back where presentation mode was started. */
void
mix_session_clock_focus_present (MixSessionClock *self)
{
  g_return_if_fail (MIX_IS_SESSION_CLOCK (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->present_button));
}

/* Where the facilitator goes on from, once a button they used goes away. */
void
mix_session_clock_focus_toggle (MixSessionClock *self)
{
  g_return_if_fail (MIX_IS_SESSION_CLOCK (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->toggle_button));
}

static void
mix_session_clock_dispose (GObject *object)
{
  MixSessionClock *self = MIX_SESSION_CLOCK (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MIX_TYPE_SESSION_CLOCK);
  /* The children the template does not name. */
  while (gtk_widget_get_first_child (GTK_WIDGET (self)) != NULL)
    gtk_widget_unparent (gtk_widget_get_first_child (GTK_WIDGET (self)));

  G_OBJECT_CLASS (mix_session_clock_parent_class)->dispose (object);
}

static void
mix_session_clock_class_init (MixSessionClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mix_session_clock_dispose;
  g_type_ensure (MIX_TYPE_TIMER_RING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/session/mix-session-clock.ui");
  gtk_widget_class_bind_template_child (widget_class, MixSessionClock, next_label);
  gtk_widget_class_bind_template_child (widget_class, MixSessionClock, phase_label);
  gtk_widget_class_bind_template_child (widget_class, MixSessionClock, present_button);
  gtk_widget_class_bind_template_child (widget_class, MixSessionClock, ring);
  gtk_widget_class_bind_template_child (widget_class, MixSessionClock, session_bar);
  gtk_widget_class_bind_template_child (widget_class, MixSessionClock, toggle_button);
  gtk_widget_class_set_css_name (widget_class, "box");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* A line of text inside the ring, under the time, hidden until it has
 * something to say. */
static GtkLabel *
ring_label (GtkWidget  *box,
            const char *style)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
  gtk_widget_set_visible (label, FALSE);
  gtk_widget_add_css_class (label, style);
  gtk_box_append (GTK_BOX (box), label);
  return GTK_LABEL (label);
}

static void
mix_session_clock_init (MixSessionClock *self)
{
  GtkWidget *box;
  GtkWidget *fit_label;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->toggle_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_mnemonic_widget (self->toggle_label, GTK_WIDGET (self->toggle_button));
  gtk_button_set_child (self->toggle_button, GTK_WIDGET (self->toggle_label));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  self->time_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->time_label), "timer-time");
  gtk_widget_add_css_class (GTK_WIDGET (self->time_label), "numeric");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->time_label));

  /* Who speaks, in Introductions' turns, and their time left. */
  self->turn_label = ring_label (box, "heading");

  /* Inside the ring, under the time, while the circle is off its
   * 30 minutes: how far, and a way back to 30:00. Nothing moves on the
   * page when they come. */
  self->pace_label = ring_label (box, "dim-label");

  fit_label = gtk_label_new_with_mnemonic (_("_Fit the Rest"));
  self->fit_button = GTK_BUTTON (gtk_button_new ());
  /* A child label, not the button's own: GTK 4.8 would read the name twice. */
  gtk_button_set_child (self->fit_button, fit_label);
  gtk_label_set_mnemonic_widget (GTK_LABEL (fit_label), GTK_WIDGET (self->fit_button));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->fit_button), "session.fit");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->fit_button),
                               _("Shorten or lengthen the phases to come so that the circle ends at 30:00"));
  gtk_widget_set_halign (GTK_WIDGET (self->fit_button), GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (GTK_WIDGET (self->fit_button), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->fit_button), "pill");
  gtk_widget_add_css_class (GTK_WIDGET (self->fit_button), "small");
  gtk_widget_set_visible (GTK_WIDGET (self->fit_button), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->fit_button));

  mix_timer_ring_set_child (self->ring, box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->ring),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Time Left in This Phase"),
                                  -1);
}
