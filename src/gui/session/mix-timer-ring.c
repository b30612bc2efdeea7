/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "mix-timer-ring.h"

/**
 * MixTimerRing:
 *
 * A ring that fills as a phase goes by, around a child (the time). It
 * takes the accent colour, and the warning colour when the widget has the
 * `overtime` style class.
 */
struct _MixTimerRing
{
  GtkWidget  parent_instance;

  GtkWidget *child;
  double     fraction;
};

G_DEFINE_FINAL_TYPE (MixTimerRing, mix_timer_ring, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define RING_WIDTH 12.0

void
mix_timer_ring_set_fraction (MixTimerRing *self,
                             double        fraction)
{
  g_return_if_fail (MIX_IS_TIMER_RING (self));

  fraction = CLAMP (fraction, 0.0, 1.0);
  if (fabs (self->fraction - fraction) < 1e-6)
    return;
  self->fraction = fraction;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

double
mix_timer_ring_get_fraction (MixTimerRing *self)
{
  g_return_val_if_fail (MIX_IS_TIMER_RING (self), 0.0);
  return self->fraction;
}

void
mix_timer_ring_set_child (MixTimerRing *self,
                          GtkWidget    *child)
{
  g_return_if_fail (MIX_IS_TIMER_RING (self));

  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }
}

static void
mix_timer_ring_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  MixTimerRing *self = MIX_TIMER_RING (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double size = MIN (width, height);
  double radius = size / 2.0 - RING_WIDTH / 2.0;
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA track, fill;
  cairo_t *cr;

  gtk_style_context_get_color (context, &track);
  track.alpha *= 0.12;
  if (!gtk_style_context_lookup_color (context,
                                       gtk_widget_has_css_class (widget, "overtime")
                                       ? "warning_color" : "accent_bg_color",
                                       &fill))
    gtk_style_context_get_color (context, &fill);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_line_width (cr, RING_WIDTH);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  gdk_cairo_set_source_rgba (cr, &track);
  cairo_arc (cr, width / 2.0, height / 2.0, radius, 0, 2 * G_PI);
  cairo_stroke (cr);

  if (self->fraction > 0.0)
    {
      gdk_cairo_set_source_rgba (cr, &fill);
      cairo_arc (cr, width / 2.0, height / 2.0, radius,
                 -G_PI / 2.0, -G_PI / 2.0 + 2 * G_PI * self->fraction);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);

  if (self->child != NULL)
    gtk_widget_snapshot_child (widget, self->child, snapshot);
}

static void
mix_timer_ring_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  MixTimerRing *self = MIX_TIMER_RING (widget);
  int width_min = 0, width_nat = 0, height_min = 0, height_nat = 0;
  int diagonal_min, diagonal_nat;

  if (self->child != NULL)
    {
      gtk_widget_measure (self->child, GTK_ORIENTATION_HORIZONTAL, -1,
                          &width_min, &width_nat, NULL, NULL);
      gtk_widget_measure (self->child, GTK_ORIENTATION_VERTICAL, -1,
                          &height_min, &height_nat, NULL, NULL);
    }

  /* A circle around the child: wide enough for its diagonal, so that the
   * time stays inside the ring with large text too, and never smaller
   * than 160 px. The same in both directions. */
  diagonal_min = (int) ceil (sqrt ((double) width_min * width_min + (double) height_min * height_min));
  diagonal_nat = (int) ceil (sqrt ((double) width_nat * width_nat + (double) height_nat * height_nat));
  *minimum = MAX (160, diagonal_min + 2 * (int) RING_WIDTH + 8);
  *natural = MAX (260, diagonal_nat + 2 * (int) RING_WIDTH + 8);
}

static void
mix_timer_ring_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  MixTimerRing *self = MIX_TIMER_RING (widget);

  if (self->child != NULL)
    gtk_widget_allocate (self->child, width, height, baseline, NULL);
}

static GtkSizeRequestMode
mix_timer_ring_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
mix_timer_ring_dispose (GObject *object)
{
  MixTimerRing *self = MIX_TIMER_RING (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (mix_timer_ring_parent_class)->dispose (object);
}

static void
mix_timer_ring_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MixTimerRing *self = MIX_TIMER_RING (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mix_timer_ring_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MixTimerRing *self = MIX_TIMER_RING (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      mix_timer_ring_set_fraction (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mix_timer_ring_class_init (MixTimerRingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mix_timer_ring_dispose;
  object_class->get_property = mix_timer_ring_get_property;
  object_class->set_property = mix_timer_ring_set_property;
  widget_class->snapshot = mix_timer_ring_snapshot;
  widget_class->measure = mix_timer_ring_measure;
  widget_class->size_allocate = mix_timer_ring_size_allocate;
  widget_class->get_request_mode = mix_timer_ring_get_request_mode;

  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "timer-ring");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
}

static void
mix_timer_ring_init (MixTimerRing *self)
{
}
