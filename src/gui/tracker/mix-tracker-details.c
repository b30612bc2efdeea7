/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mix-schema.h"
#include "mix-tracker-details.h"

/**
 * MixTrackerDetails:
 *
 * The details of a tracker row: its long texts, which the table cuts
 * short, to read and edit in full, and the extra fields brought in from
 * CSV, which have no column. What is typed is handed up with
 * #MixTrackerDetails::edited when the focus leaves the text.
 */

struct _MixTrackerDetails
{
  GtkBox      parent_instance;

  MixRecord  *record;          /* nullable: the row shown */
  gulong      record_handler;
  guint       rebuild_idle;
  gboolean    editable;
  GPtrArray  *texts;           /* (element-type GtkTextView) by column, NULL where none */
};

G_DEFINE_FINAL_TYPE (MixTrackerDetails, mix_tracker_details, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_EDITABLE,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_text_leave_cb (GtkEventControllerFocus *controller,
                  MixTrackerDetails       *self)
{
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  guint column;

  if (self->record == NULL || !g_ptr_array_find (self->texts, view, &column))
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, mix_record_get_value (self->record, column) ?: "") != 0)
    g_signal_emit (self, signals[EDITED], 0, column, text);
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  return label;
}

static GtkWidget *
make_text_view (MixTrackerDetails *self,
                const MixColumn   *column,
                const char        *value)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkEventController *focus;

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), self->editable);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 80);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            value != NULL ? value : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(column->title),
                                  -1);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_text_leave_cb), self);
  gtk_widget_add_controller (view, focus);
  return view;
}

static void
append_extra_fields (MixTrackerDetails *self)
{
  GList *extra = mix_record_list_extra (self->record);
  GtkWidget *list;

  if (extra == NULL)
    return;

  list = gtk_list_box_new ();
  gtk_box_append (GTK_BOX (self), heading (_("Extra Fields")));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (GList *l = extra; l != NULL; l = l->next)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_markup_escape_text (l->data, -1);
      g_autofree char *subtitle = g_markup_escape_text (mix_record_get_extra (self->record, l->data), -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (row, "property");
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_box_append (GTK_BOX (self), list);
  g_list_free (extra);
}

static void
rebuild (MixTrackerDetails *self)
{
  MixRecord *record = self->record;
  const MixTabInfo *info;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_box_remove (GTK_BOX (self), child);
  g_ptr_array_set_size (self->texts, 0);

  if (record == NULL)
    {
      GtkWidget *label = gtk_label_new (_("Select a row to see its notes and its extra fields."));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_vexpand (label, TRUE);
      gtk_box_append (GTK_BOX (self), label);
      return;
    }

  info = mix_tab_get_info (mix_record_get_tab (record));
  {
    const char *name = mix_record_get_value (record, 0);
    GtkWidget *title = gtk_label_new (name != NULL ? name : _("New Row"));

    gtk_label_set_xalign (GTK_LABEL (title), 0);
    gtk_label_set_wrap (GTK_LABEL (title), TRUE);
    gtk_widget_add_css_class (title, "title-3");
    gtk_box_append (GTK_BOX (self), title);
  }

  g_ptr_array_set_size (self->texts, info->n_columns);
  for (guint c = 0; c < info->n_columns; c++)
    {
      GtkWidget *frame;
      GtkWidget *view;

      if (info->columns[c].type != MIX_COLUMN_LONG_TEXT)
        continue;

      gtk_box_append (GTK_BOX (self), heading (_(info->columns[c].title)));
      view = make_text_view (self, &info->columns[c], mix_record_get_value (record, c));
      g_ptr_array_index (self->texts, c) = view;

      frame = gtk_frame_new (NULL);
      gtk_frame_set_child (GTK_FRAME (frame), view);
      gtk_box_append (GTK_BOX (self), frame);
    }

  append_extra_fields (self);
}

static gboolean
has_focus (MixTrackerDetails *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self));
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  MixTrackerDetails *self = data;

  self->rebuild_idle = 0;
  /* Never under the user's fingers: what is being typed there stays. */
  if (!has_focus (self))
    rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
on_record_changed_cb (MixRecord         *record,
                      int                column,
                      MixTrackerDetails *self)
{
  /* Later, not now: the change may come from a text view that is losing
   * the focus at this very moment. */
  if (self->rebuild_idle == 0)
    self->rebuild_idle = g_idle_add (rebuild_idle_cb, self);
}

/**
 * mix_tracker_details_get_record:
 *
 * Returns: (transfer none) (nullable): the row shown
 */
MixRecord *
mix_tracker_details_get_record (MixTrackerDetails *self)
{
  g_return_val_if_fail (MIX_IS_TRACKER_DETAILS (self), NULL);
  return self->record;
}

/**
 * mix_tracker_details_set_record:
 * @record: (nullable): the row to show
 */
void
mix_tracker_details_set_record (MixTrackerDetails *self,
                                MixRecord         *record)
{
  g_return_if_fail (MIX_IS_TRACKER_DETAILS (self));
  g_return_if_fail (record == NULL || MIX_IS_RECORD (record));

  if (self->record == record && record != NULL)
    return;

  if (self->record != NULL)
    {
      g_clear_signal_handler (&self->record_handler, self->record);
      g_clear_object (&self->record);
    }
  if (record != NULL)
    {
      self->record = g_object_ref (record);
      self->record_handler = g_signal_connect (record, "changed",
                                               G_CALLBACK (on_record_changed_cb), self);
    }

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

gboolean
mix_tracker_details_get_editable (MixTrackerDetails *self)
{
  g_return_val_if_fail (MIX_IS_TRACKER_DETAILS (self), FALSE);
  return self->editable;
}

/**
 * mix_tracker_details_set_editable:
 *
 * Whether the texts shown next can be edited.
 */
void
mix_tracker_details_set_editable (MixTrackerDetails *self,
                                  gboolean           editable)
{
  g_return_if_fail (MIX_IS_TRACKER_DETAILS (self));

  editable = !!editable;
  if (self->editable == editable)
    return;
  self->editable = editable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

/**
 * mix_tracker_details_get_text_view:
 *
 * Returns: (transfer none) (nullable): the text of @column of the row
 *   shown, if it is a long text
 */
GtkTextView *
mix_tracker_details_get_text_view (MixTrackerDetails *self,
                                   guint              column)
{
  g_return_val_if_fail (MIX_IS_TRACKER_DETAILS (self), NULL);

  if (column >= self->texts->len)
    return NULL;
  return g_ptr_array_index (self->texts, column);
}

static void
mix_tracker_details_dispose (GObject *object)
{
  MixTrackerDetails *self = MIX_TRACKER_DETAILS (object);

  if (self->record != NULL)
    g_clear_signal_handler (&self->record_handler, self->record);
  g_clear_object (&self->record);
  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIX_TYPE_TRACKER_DETAILS);

  G_OBJECT_CLASS (mix_tracker_details_parent_class)->dispose (object);
}

static void
mix_tracker_details_finalize (GObject *object)
{
  MixTrackerDetails *self = MIX_TRACKER_DETAILS (object);

  g_ptr_array_unref (self->texts);

  G_OBJECT_CLASS (mix_tracker_details_parent_class)->finalize (object);
}

static void
mix_tracker_details_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  MixTrackerDetails *self = MIX_TRACKER_DETAILS (object);

  switch (prop_id)
    {
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mix_tracker_details_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  MixTrackerDetails *self = MIX_TRACKER_DETAILS (object);

  switch (prop_id)
    {
    case PROP_EDITABLE:
      mix_tracker_details_set_editable (self, g_value_get_boolean (value));
      break;
    case PROP_RECORD:
      mix_tracker_details_set_record (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mix_tracker_details_class_init (MixTrackerDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mix_tracker_details_dispose;
  object_class->finalize = mix_tracker_details_finalize;
  object_class->get_property = mix_tracker_details_get_property;
  object_class->set_property = mix_tracker_details_set_property;

  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, MIX_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MixTrackerDetails::edited:
   * @column: the column of the text
   * @text: what the user left in it
   *
   * The user changed a text of the row and moved on.
   */
  signals[EDITED] =
    g_signal_new ("edited",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/tracker/mix-tracker-details.ui");
}

static void
mix_tracker_details_init (MixTrackerDetails *self)
{
  self->texts = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  rebuild (self);
}
