/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mix-cell-text.h"

/**
 * MixCellText:
 *
 * The text of a tracker cell: one line, ellipsized at the end. It is a
 * label to assistive technologies, but unlike #GtkLabel it does not lay
 * out its text to be measured: it is one line high, as tall as its
 * owner says a line is, and takes the width it is given. The text is
 * shaped only when it is drawn. A sort or a search binds about two
 * hundred rows of eleven cells in GTK 4.8, and measuring their labels
 * was most of the time it took.
 */
struct _MixCellText
{
  GtkWidget    parent_instance;

  char        *text;
  PangoLayout *layout;       /* nullable: made when first drawn */
  int          line_height;  /* in pixels; 0 until set */
};

G_DEFINE_FINAL_TYPE (MixCellText, mix_cell_text, GTK_TYPE_WIDGET)

static void
mix_cell_text_finalize (GObject *object)
{
  MixCellText *self = MIX_CELL_TEXT (object);

  g_free (self->text);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (mix_cell_text_parent_class)->finalize (object);
}

static void
mix_cell_text_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  MixCellText *self = MIX_CELL_TEXT (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* The columns have widths of their own; the text is cut to fit. */
      *minimum = *natural = 0;
      return;
    }

  if (self->line_height == 0)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "Xg");

      pango_layout_get_pixel_size (layout, NULL, &self->line_height);
    }
  *minimum = *natural = self->line_height;
}

static PangoLayout *
ensure_layout (MixCellText *self)
{
  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
    }
  return self->layout;
}

static void
mix_cell_text_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  MixCellText *self = MIX_CELL_TEXT (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoLayout *layout;
  GdkRGBA color;
  int text_height = 0;

  if (self->text == NULL || *self->text == '\0' || width <= 0)
    return;

  layout = ensure_layout (self);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_alignment (layout, gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL
                                      ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_get_pixel_size (layout, NULL, &text_height);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, (height - text_height) / 2));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

/* A style class (a date overdue) or the font changed. */
static void
mix_cell_text_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  MixCellText *self = MIX_CELL_TEXT (widget);

  GTK_WIDGET_CLASS (mix_cell_text_parent_class)->css_changed (widget, change);
  if (self->layout != NULL)
    pango_layout_context_changed (self->layout);
  gtk_widget_queue_draw (widget);
}

static void
mix_cell_text_class_init (MixCellTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = mix_cell_text_finalize;
  widget_class->measure = mix_cell_text_measure;
  widget_class->snapshot = mix_cell_text_snapshot;
  widget_class->css_changed = mix_cell_text_css_changed;

  /* Styled as the labels it stands for. */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
mix_cell_text_init (MixCellText *self)
{
}

GtkWidget *
mix_cell_text_new (void)
{
  return g_object_new (MIX_TYPE_CELL_TEXT, NULL);
}

/**
 * mix_cell_text_set_line_height:
 *
 * Sets how tall a line of text is, so that no cell has to find out for
 * itself; 0 makes the cell measure one.
 */
void
mix_cell_text_set_line_height (MixCellText *self,
                               int          line_height)
{
  g_return_if_fail (MIX_IS_CELL_TEXT (self));

  if (self->line_height == line_height)
    return;
  self->line_height = MAX (line_height, 0);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
mix_cell_text_set_text (MixCellText *self,
                        const char  *text)
{
  g_return_if_fail (MIX_IS_CELL_TEXT (self));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, self->text, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->text,
                                  -1);
  /* Only what is drawn changes: the size does not depend on the text. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
mix_cell_text_get_text (MixCellText *self)
{
  g_return_val_if_fail (MIX_IS_CELL_TEXT (self), NULL);

  return self->text != NULL ? self->text : "";
}
