/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mix-split-box.h"

/**
 * MixSplitBox:
 *
 * Two children (added in a UI file): side by side when the box is given
 * at least #MixSplitBox:threshold pixels and room for both children's
 * minimum widths, the first above the second when it is narrower. It is a height-for-width layout, worked out afresh from
 * the width of each allocation: nothing is switched later, in an idle or
 * on a window's size, so it settles in the allocation that made it and a
 * window can go from wide to 360 pixels in one step. The children stay
 * where they are in the widget tree, so the focus and what a screen
 * reader knows of them are kept when the box turns.
 *
 * Side by side, the first child has its natural width (at most what
 * leaves the second its minimum) and the second the rest; each is as
 * tall as the taller, and its valign says where it sits.
 */
struct _MixSplitBox
{
  GtkWidget parent_instance;

  int       threshold;
  int       spacing;
  gboolean  side_by_side;  /* as last allocated */
};

G_DEFINE_FINAL_TYPE (MixSplitBox, mix_split_box, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_THRESHOLD,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The widths of the two children side by side in @width. */
static void
split_widths (MixSplitBox *self,
              GtkWidget   *first,
              GtkWidget   *second,
              int          width,
              int         *first_width,
              int         *second_width)
{
  int first_min, first_nat, second_min;

  gtk_widget_measure (first, GTK_ORIENTATION_HORIZONTAL, -1, &first_min, &first_nat, NULL, NULL);
  gtk_widget_measure (second, GTK_ORIENTATION_HORIZONTAL, -1, &second_min, NULL, NULL, NULL);
  *first_width = MAX (first_min, MIN (first_nat, width - self->spacing - second_min));
  *second_width = MAX (0, width - self->spacing - *first_width);
}

/* Side by side at @width: from the threshold, and only where both
 * children get at least their minimum width (a column that grew, say with
 * longer translations, turns the box sooner rather than being squeezed). */
static gboolean
side_by_side_at (MixSplitBox *self,
                 GtkWidget   *first,
                 GtkWidget   *second,
                 int          width)
{
  int first_min, second_min;

  if (width < self->threshold)
    return FALSE;
  gtk_widget_measure (first, GTK_ORIENTATION_HORIZONTAL, -1, &first_min, NULL, NULL, NULL);
  gtk_widget_measure (second, GTK_ORIENTATION_HORIZONTAL, -1, &second_min, NULL, NULL, NULL);
  return width >= first_min + self->spacing + second_min;
}

static gboolean
children (MixSplitBox  *self,
          GtkWidget   **first,
          GtkWidget   **second)
{
  *first = gtk_widget_get_first_child (GTK_WIDGET (self));
  *second = *first != NULL ? gtk_widget_get_next_sibling (*first) : NULL;
  return *second != NULL;
}

static void
mix_split_box_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  MixSplitBox *self = MIX_SPLIT_BOX (widget);
  GtkWidget *first, *second;
  int min1, nat1, min2, nat2;

  if (!children (self, &first, &second))
    {
      if (first != NULL)
        gtk_widget_measure (first, orientation, for_size, minimum, natural, NULL, NULL);
      return;
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* As narrow as one column; as wide as two. */
      gtk_widget_measure (first, orientation, -1, &min1, &nat1, NULL, NULL);
      gtk_widget_measure (second, orientation, -1, &min2, &nat2, NULL, NULL);
      *minimum = MAX (min1, min2);
      *natural = MAX (*minimum, nat1 + self->spacing + nat2);
      return;
    }

  if (side_by_side_at (self, first, second, for_size))
    {
      int width1, width2;

      split_widths (self, first, second, for_size, &width1, &width2);
      gtk_widget_measure (first, orientation, width1, &min1, &nat1, NULL, NULL);
      gtk_widget_measure (second, orientation, width2, &min2, &nat2, NULL, NULL);
      *minimum = MAX (min1, min2);
      *natural = MAX (nat1, nat2);
    }
  else
    {
      gtk_widget_measure (first, orientation, for_size, &min1, &nat1, NULL, NULL);
      gtk_widget_measure (second, orientation, for_size, &min2, &nat2, NULL, NULL);
      *minimum = min1 + self->spacing + min2;
      *natural = nat1 + self->spacing + nat2;
    }
}

static GtkSizeRequestMode
mix_split_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
mix_split_box_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  MixSplitBox *self = MIX_SPLIT_BOX (widget);
  GtkWidget *first, *second;
  int first_height;

  if (!children (self, &first, &second))
    {
      if (first != NULL)
        gtk_widget_allocate (first, width, height, -1, NULL);
      return;
    }

  self->side_by_side = side_by_side_at (self, first, second, width);
  if (self->side_by_side)
    {
      int width1, width2;
      gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;

      split_widths (self, first, second, width, &width1, &width2);
      gtk_widget_size_allocate (first,
                                &(GtkAllocation) { rtl ? width - width1 : 0, 0, width1, height },
                                -1);
      gtk_widget_size_allocate (second,
                                &(GtkAllocation) { rtl ? 0 : width1 + self->spacing, 0,
                                                   width2, height },
                                -1);
      return;
    }

  gtk_widget_measure (first, GTK_ORIENTATION_VERTICAL, width, &first_height, NULL, NULL, NULL);
  gtk_widget_size_allocate (first, &(GtkAllocation) { 0, 0, width, first_height }, -1);
  gtk_widget_size_allocate (second,
                            &(GtkAllocation) { 0, first_height + self->spacing, width,
                                               MAX (0, height - first_height - self->spacing) },
                            -1);
}

/**
 * mix_split_box_get_side_by_side:
 * @self: a #MixSplitBox
 *
 * Returns: whether the children were last laid out side by side
 */
gboolean
mix_split_box_get_side_by_side (MixSplitBox *self)
{
  g_return_val_if_fail (MIX_IS_SPLIT_BOX (self), FALSE);

  return self->side_by_side;
}

static void
mix_split_box_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MixSplitBox *self = MIX_SPLIT_BOX (object);

  switch (prop_id)
    {
    case PROP_THRESHOLD:
      g_value_set_int (value, self->threshold);
      break;
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mix_split_box_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  MixSplitBox *self = MIX_SPLIT_BOX (object);

  switch (prop_id)
    {
    case PROP_THRESHOLD:
      self->threshold = g_value_get_int (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_SPACING:
      self->spacing = g_value_get_int (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mix_split_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (mix_split_box_parent_class)->dispose (object);
}

static void
mix_split_box_class_init (MixSplitBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mix_split_box_dispose;
  object_class->get_property = mix_split_box_get_property;
  object_class->set_property = mix_split_box_set_property;
  widget_class->measure = mix_split_box_measure;
  widget_class->get_request_mode = mix_split_box_get_request_mode;
  widget_class->size_allocate = mix_split_box_size_allocate;

  /**
   * MixSplitBox:threshold:
   *
   * The narrowest width at which the children are side by side.
   */
  properties[PROP_THRESHOLD] =
    g_param_spec_int ("threshold", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * MixSplitBox:spacing:
   *
   * The space between the children, across or down.
   */
  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "splitbox");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
mix_split_box_init (MixSplitBox *self)
{
}
