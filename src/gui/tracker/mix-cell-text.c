/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <pango/pangocairo.h>

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
 * was most of the time it took. The laid-out texts are shared by all
 * cells: see get_layout().
 */
struct _MixCellText
{
  GtkWidget    parent_instance;

  char        *text;
  int          line_height;  /* in pixels; 0 until set */
};

G_DEFINE_FINAL_TYPE (MixCellText, mix_cell_text, GTK_TYPE_WIDGET)

/* Laid-out texts, shared by all cells. Laying out its text is most of the
 * work of drawing a cell, and a table shows the same companies, roles and
 * choices in many rows, and shows again, as a search is typed or a sort
 * changed, texts that were on screen a moment before. A layout is kept
 * for a text at a width in a style: the font and whatever else of a
 * widget's Pango context a layout depends on. */

#define N_LAYOUTS 1024

typedef struct
{
  PangoFontDescription *font;
  cairo_font_options_t *options;   /* nullable */
  PangoFontMap         *font_map;
  PangoLanguage        *language;
  PangoDirection        direction;
  double                resolution;
  gboolean              round_positions;
  /* The layouts' own: a widget's context changes with its style, and
   * its layouts with it. */
  PangoContext         *context;
} TextStyle;

typedef struct
{
  char          *text;
  int            width;
  guint          style;   /* in text_styles */
  PangoLayout   *layout;
  GList          link;    /* in recent_layouts */
} CachedLayout;

static GPtrArray  *text_styles;                      /* of TextStyle, never freed: a few */
static GHashTable *layouts;                          /* of CachedLayout */
static GQueue      recent_layouts = G_QUEUE_INIT;    /* most recently drawn first */

static gboolean
text_style_is (const TextStyle *style,
               PangoContext    *context)
{
  const cairo_font_options_t *options = pango_cairo_context_get_font_options (context);

  return pango_font_description_equal (style->font, pango_context_get_font_description (context)) &&
         (style->options == NULL ? options == NULL
                                 : options != NULL && cairo_font_options_equal (style->options, options)) &&
         style->font_map == pango_context_get_font_map (context) &&
         style->language == pango_context_get_language (context) &&
         style->direction == pango_context_get_base_dir (context) &&
         style->resolution == pango_cairo_context_get_resolution (context) &&
         style->round_positions == pango_context_get_round_glyph_positions (context);
}

static guint
find_text_style (PangoContext *context)
{
  const cairo_font_options_t *options = pango_cairo_context_get_font_options (context);
  TextStyle *style;

  if (text_styles == NULL)
    text_styles = g_ptr_array_new ();
  for (guint i = 0; i < text_styles->len; i++)
    if (text_style_is (g_ptr_array_index (text_styles, i), context))
      return i;

  style = g_new0 (TextStyle, 1);
  style->font = pango_font_description_copy (pango_context_get_font_description (context));
  style->options = options != NULL ? cairo_font_options_copy (options) : NULL;
  style->font_map = pango_context_get_font_map (context);
  style->language = pango_context_get_language (context);
  style->direction = pango_context_get_base_dir (context);
  style->resolution = pango_cairo_context_get_resolution (context);
  style->round_positions = pango_context_get_round_glyph_positions (context);
  style->context = pango_font_map_create_context (style->font_map);
  pango_context_set_font_description (style->context, style->font);
  pango_context_set_language (style->context, style->language);
  pango_context_set_base_dir (style->context, style->direction);
  pango_context_set_round_glyph_positions (style->context, style->round_positions);
  pango_cairo_context_set_resolution (style->context, style->resolution);
  pango_cairo_context_set_font_options (style->context, style->options);
  g_ptr_array_add (text_styles, style);
  return text_styles->len - 1;
}

static guint
cached_layout_hash (gconstpointer data)
{
  const CachedLayout *entry = data;

  return g_str_hash (entry->text) ^ ((guint) entry->width * 2654435761u) ^ entry->style;
}

static gboolean
cached_layout_equal (gconstpointer a,
                     gconstpointer b)
{
  const CachedLayout *x = a;
  const CachedLayout *y = b;

  return x->width == y->width && x->style == y->style && strcmp (x->text, y->text) == 0;
}

static void
cached_layout_free (gpointer data)
{
  CachedLayout *entry = data;

  g_queue_unlink (&recent_layouts, &entry->link);
  g_free (entry->text);
  g_object_unref (entry->layout);
  g_free (entry);
}

/* The laid-out @text, one line ellipsized to @width Pango units, in the
 * style of @widget's Pango context. */
static PangoLayout *
get_layout (GtkWidget  *widget,
            const char *text,
            int         width)
{
  CachedLayout key = { (char *) text, width, find_text_style (gtk_widget_get_pango_context (widget)),
                       NULL, { NULL } };
  TextStyle *style = g_ptr_array_index (text_styles, key.style);
  CachedLayout *entry;

  if (layouts == NULL)
    layouts = g_hash_table_new_full (cached_layout_hash, cached_layout_equal, cached_layout_free, NULL);

  entry = g_hash_table_lookup (layouts, &key);
  if (entry != NULL)
    {
      g_queue_unlink (&recent_layouts, &entry->link);
      g_queue_push_head_link (&recent_layouts, &entry->link);
      return entry->layout;
    }

  if (g_hash_table_size (layouts) >= N_LAYOUTS)
    g_hash_table_remove (layouts, g_queue_peek_tail (&recent_layouts));

  entry = g_new0 (CachedLayout, 1);
  entry->text = g_strdup (text);
  entry->width = width;
  entry->style = key.style;
  entry->layout = pango_layout_new (style->context);
  entry->link.data = entry;
  pango_layout_set_text (entry->layout, text, -1);
  pango_layout_set_ellipsize (entry->layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (entry->layout, TRUE);
  pango_layout_set_width (entry->layout, width);
  pango_layout_set_alignment (entry->layout, style->direction == PANGO_DIRECTION_RTL
                                             ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  g_hash_table_add (layouts, entry);
  g_queue_push_head_link (&recent_layouts, &entry->link);
  return entry->layout;
}

static void
mix_cell_text_finalize (GObject *object)
{
  MixCellText *self = MIX_CELL_TEXT (object);

  g_free (self->text);

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

  layout = get_layout (widget, self->text, width * PANGO_SCALE);
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
  GTK_WIDGET_CLASS (mix_cell_text_parent_class)->css_changed (widget, change);
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
