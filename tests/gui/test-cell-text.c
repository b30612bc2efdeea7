/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mix-cell-text.h"
#include "mix-test-gui.h"

/* A tracker cell's text is laid out once for all cells that show the same
 * text at the same width in the same style: each must still be drawn in
 * its own font, cut at its own width. */

typedef struct
{
  GtkWidget *window;
  GtkWidget *cells[4];
} Fixture;

static GtkCssProvider *css;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  f->window = gtk_window_new ();
  for (guint i = 0; i < G_N_ELEMENTS (f->cells); i++)
    {
      f->cells[i] = mix_cell_text_new ();
      gtk_widget_set_halign (f->cells[i], GTK_ALIGN_START);
      gtk_widget_set_size_request (f->cells[i], 400, -1);
      gtk_box_append (GTK_BOX (box), f->cells[i]);
    }
  gtk_window_set_child (GTK_WINDOW (f->window), box);
  gtk_window_present (GTK_WINDOW (f->window));
  mix_test_spin ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  mix_test_spin ();
}

static GskRenderNode *
find_text_node (GskRenderNode *node)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_TEXT_NODE:
      return node;

    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        {
          GskRenderNode *found = find_text_node (gsk_container_node_get_child (node, i));
          if (found != NULL)
            return found;
        }
      return NULL;

    case GSK_TRANSFORM_NODE:
      return find_text_node (gsk_transform_node_get_child (node));

    case GSK_OPACITY_NODE:
      return find_text_node (gsk_opacity_node_get_child (node));

    case GSK_CLIP_NODE:
      return find_text_node (gsk_clip_node_get_child (node));

    default:
      return NULL;
    }
}

/* What the cell draws: its text's glyph count and font weight. */
static void
draw_cell (GtkWidget   *cell,
           guint       *n_glyphs,
           PangoWeight *weight)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (cell);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(PangoFontDescription) font = NULL;
  GskRenderNode *text;

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (cell), gtk_widget_get_height (cell));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  text = find_text_node (node);
  g_assert_nonnull (text);
  *n_glyphs = gsk_text_node_get_num_glyphs (text);
  font = pango_font_describe (gsk_text_node_get_font (text));
  *weight = pango_font_description_get_weight (font);
}

/* Two cells with the same text and width, one of them bold. */
static void
test_style_kept (Fixture       *f,
                 gconstpointer  data)
{
  guint glyphs[2];
  PangoWeight weights[2];

  mix_cell_text_set_text (MIX_CELL_TEXT (f->cells[0]), "Stark Industries");
  mix_cell_text_set_text (MIX_CELL_TEXT (f->cells[1]), "Stark Industries");
  gtk_widget_add_css_class (f->cells[1], "bold");
  mix_test_spin ();

  draw_cell (f->cells[0], &glyphs[0], &weights[0]);
  draw_cell (f->cells[1], &glyphs[1], &weights[1]);
  g_assert_cmpuint (glyphs[0], ==, glyphs[1]);
  g_assert_cmpint (weights[0], ==, PANGO_WEIGHT_NORMAL);
  g_assert_cmpint (weights[1], ==, PANGO_WEIGHT_BOLD);

  /* And back: the plain cell made bold, the bold one plain. */
  gtk_widget_add_css_class (f->cells[0], "bold");
  gtk_widget_remove_css_class (f->cells[1], "bold");
  mix_test_spin ();
  draw_cell (f->cells[0], &glyphs[0], &weights[0]);
  draw_cell (f->cells[1], &glyphs[1], &weights[1]);
  g_assert_cmpint (weights[0], ==, PANGO_WEIGHT_BOLD);
  g_assert_cmpint (weights[1], ==, PANGO_WEIGHT_NORMAL);
}

/* The same long text in a wide cell and a narrow one is cut to each. */
static void
test_width_kept (Fixture       *f,
                 gconstpointer  data)
{
  const char *text = "Met at the spring career fair; asked about the mentoring programme";
  guint wide, narrow;
  PangoWeight weight;

  gtk_widget_set_size_request (f->cells[3], 80, -1);
  mix_cell_text_set_text (MIX_CELL_TEXT (f->cells[2]), text);
  mix_cell_text_set_text (MIX_CELL_TEXT (f->cells[3]), text);
  mix_test_spin ();

  draw_cell (f->cells[2], &wide, &weight);
  draw_cell (f->cells[3], &narrow, &weight);
  g_assert_cmpuint (narrow, <, wide);
  g_assert_cmpuint (narrow, <, 20);
}

/* A cell given another text draws it, and then the first one again. */
static void
test_text_changes (Fixture       *f,
                   gconstpointer  data)
{
  guint glyphs;
  PangoWeight weight;

  mix_cell_text_set_text (MIX_CELL_TEXT (f->cells[0]), "Ada");
  mix_test_spin ();
  draw_cell (f->cells[0], &glyphs, &weight);
  g_assert_cmpuint (glyphs, ==, 3);

  mix_cell_text_set_text (MIX_CELL_TEXT (f->cells[0]), "Grace Hopper");
  mix_test_spin ();
  draw_cell (f->cells[0], &glyphs, &weight);
  g_assert_cmpuint (glyphs, ==, 12);

  mix_cell_text_set_text (MIX_CELL_TEXT (f->cells[0]), "Ada");
  mix_test_spin ();
  draw_cell (f->cells[0], &glyphs, &weight);
  g_assert_cmpuint (glyphs, ==, 3);
  g_assert_cmpstr (mix_cell_text_get_text (MIX_CELL_TEXT (f->cells[0])), ==, "Ada");
}

/* More texts than are kept laid out, forty cells at a time: all are
 * drawn right. */
static void
test_many_texts (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *cells[40];

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      cells[i] = mix_cell_text_new ();
      gtk_widget_set_size_request (cells[i], 200, -1);
      gtk_box_append (GTK_BOX (box), cells[i]);
    }
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));

  for (guint round = 0; round < 32; round++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
        {
          g_autofree char *text = g_strdup_printf ("Row %u", (guint) ((round * G_N_ELEMENTS (cells) + i) * 7 % 1301));

          mix_cell_text_set_text (MIX_CELL_TEXT (cells[i]), text);
        }
      mix_test_spin ();
      for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
        {
          const char *text = mix_cell_text_get_text (MIX_CELL_TEXT (cells[i]));
          guint glyphs;
          PangoWeight weight;

          draw_cell (cells[i], &glyphs, &weight);
          g_assert_cmpuint (glyphs, ==, g_utf8_strlen (text, -1));
        }
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MixApplication) app = mix_test_gui_init (&argc, &argv);
  int ret;

  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (css, ".bold { font-weight: bold; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cell-text/style-kept", test_style_kept);
  ADD ("/cell-text/width-kept", test_width_kept);
  ADD ("/cell-text/text-changes", test_text_changes);
  ADD ("/cell-text/many-texts", test_many_texts);
#undef ADD

  ret = g_test_run ();
  g_object_unref (css);
  return ret;
}
