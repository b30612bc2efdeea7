/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mix-messages-util.h"
#include "mix-prepare-panel.h"

/**
 * MixPreparePanel:
 *
 * Prepare, for a call or coffee chat with the draft's contact: questions
 * from the bank and the student's own, reordered, the closing question
 * always last; the format and notes of the conversation. Its Log This
 * Conversation button calls the page's messages.log-conversation action.
 */

struct _MixPreparePanel
{
  AdwBin         parent_instance;

  /* Template children */
  GtkMenuButton *bank_button;
  GtkListBox    *bank_list;
  AdwComboRow   *format_row;
  GtkTextView   *notes_view;
  AdwEntryRow   *own_question_row;
  GtkStack      *prepare_stack;
  GtkListBox    *questions_list;

  MixOutreach   *outreach;
  GSignalGroup  *outreach_signals;
  gboolean       loading;         /* filling the panel: not a user edit */

  guint          rebuild_questions_id;
  int            focus_question;  /* after a rebuild, -1 for none */
  const char    *focus_button;    /* which of its buttons */
};

G_DEFINE_FINAL_TYPE (MixPreparePanel, mix_prepare_panel, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_OUTREACH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_writable (MixPreparePanel *self)
{
  return self->outreach != NULL && !mix_outreach_get_read_only (self->outreach);
}

static MixPrep *
find_prep (MixPreparePanel *self)
{
  return self->outreach != NULL ? mix_outreach_find_prep (self->outreach) : NULL;
}

static MixPrep *
ensure_prep (MixPreparePanel *self)
{
  return self->outreach != NULL ? mix_outreach_ensure_prep (self->outreach) : NULL;
}

/* The Networking Log's "format" column, for the conversation. */
static const MixColumn *
format_column (void)
{
  const MixTabInfo *info = mix_tab_get_info (MIX_TAB_NETWORKING_LOG);

  return &info->columns[mix_tab_find_column (MIX_TAB_NETWORKING_LOG, "format")];
}

static guint
format_index (const char *format)
{
  int index = format != NULL ? mix_column_choice_index (format_column (), format) : -1;

  return index >= 0 ? (guint) index : 0;
}

/* The format chosen, a choice id of the Networking Log's format column. */
const char *
mix_prepare_panel_get_format (MixPreparePanel *self)
{
  const MixChoice *choices = format_column ()->choices;
  guint index;

  g_return_val_if_fail (MIX_IS_PREPARE_PANEL (self), NULL);

  index = adw_combo_row_get_selected (self->format_row);
  for (guint i = 0; choices[i].id != NULL; i++)
    if (i == index)
      return choices[i].id;
  return choices[0].id;
}

char *
mix_prepare_panel_dup_notes (MixPreparePanel *self)
{
  g_return_val_if_fail (MIX_IS_PREPARE_PANEL (self), NULL);
  return mix_text_view_dup_text (self->notes_view);
}

/* The questions */

static void rebuild_questions (MixPreparePanel *self);

static gboolean
rebuild_questions_idle_cb (gpointer data)
{
  MixPreparePanel *self = data;

  self->rebuild_questions_id = 0;
  rebuild_questions (self);
  return G_SOURCE_REMOVE;
}

/* The buttons being clicked are in the list: rebuild it from an idle. */
static void
queue_rebuild_questions (MixPreparePanel *self)
{
  if (self->rebuild_questions_id == 0)
    self->rebuild_questions_id = g_idle_add (rebuild_questions_idle_cb, self);
}

static void
on_question_button_clicked_cb (GtkButton       *button,
                               MixPreparePanel *self)
{
  MixPrep *prep = find_prep (self);
  const char *which = g_object_get_data (G_OBJECT (button), "which");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  guint n;

  if (prep == NULL || !is_writable (self))
    return;
  n = mix_prep_get_n_questions (prep);
  if (index >= n)
    return;

  if (g_str_equal (which, "up") && index > 0)
    {
      mix_prep_move_question (prep, index, index - 1);
      self->focus_question = (int) index - 1;
    }
  else if (g_str_equal (which, "down") && index + 1 < n)
    {
      mix_prep_move_question (prep, index, index + 1);
      self->focus_question = (int) index + 1;
    }
  else if (g_str_equal (which, "remove"))
    {
      mix_prep_remove_question (prep, index);
      self->focus_question = MIN ((int) index, (int) n - 2);
      if (self->focus_question < 0)
        self->focus_question = G_MAXINT;  /* none left: the entry */
    }
  self->focus_button = which;
  queue_rebuild_questions (self);
}

static GtkWidget *
question_button (MixPreparePanel *self,
                 const char      *icon,
                 const char      *label,
                 const char      *which,
                 guint            index,
                 gboolean         sensitive)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_set_sensitive (button, sensitive);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data (G_OBJECT (button), "which", (gpointer) which);
  g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", G_CALLBACK (on_question_button_clicked_cb), self);
  return button;
}

static GtkWidget *
question_row (const char *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
rebuild_questions (MixPreparePanel *self)
{
  MixPrep *prep = find_prep (self);
  guint n = prep != NULL ? mix_prep_get_n_questions (prep) : 0;
  gboolean editable = is_writable (self);
  GtkWidget *child;
  GtkWidget *closing;
  GtkWidget *focus = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->questions_list))) != NULL)
    gtk_list_box_remove (self->questions_list, child);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = question_row (mix_prep_get_question (prep, i));
      GtkWidget *up = question_button (self, "go-up-symbolic", _("Move Up"), "up", i,
                                       editable && i > 0);
      GtkWidget *down = question_button (self, "go-down-symbolic", _("Move Down"), "down", i,
                                         editable && i + 1 < n);
      GtkWidget *remove = question_button (self, "edit-delete-symbolic", _("Remove Question"),
                                           "remove", i, editable);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), up);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), down);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->questions_list, row);

      if ((int) i == self->focus_question)
        {
          if (g_strcmp0 (self->focus_button, "up") == 0)
            focus = gtk_widget_get_sensitive (up) ? up : down;
          else if (g_strcmp0 (self->focus_button, "down") == 0)
            focus = gtk_widget_get_sensitive (down) ? down : up;
          else
            focus = remove;
        }
    }

  closing = question_row (mix_prep_get_closing_question ());
  adw_action_row_set_subtitle (ADW_ACTION_ROW (closing), _("Always the last question"));
  gtk_list_box_append (self->questions_list, closing);

  if (focus == NULL && self->focus_question >= 0)
    focus = GTK_WIDGET (self->own_question_row);
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
  self->focus_question = -1;
  self->focus_button = NULL;
}

static void
add_own_question (MixPreparePanel *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->own_question_row));
  MixPrep *prep;

  if (mix_text_is_blank (text))
    return;
  prep = ensure_prep (self);
  if (prep == NULL)
    return;
  if (!mix_prep_add_question (prep, text))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "messages.show-message", "s",
                                  _("That question is already on the list."));
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->own_question_row), "");
  rebuild_questions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->own_question_row));
}

static void
on_own_question_row_apply_cb (MixPreparePanel *self)
{
  add_own_question (self);
}

static void
on_own_question_row_entry_activated_cb (MixPreparePanel *self)
{
  add_own_question (self);
}

/* The bank */

static GtkWidget *
bank_row (const char *question,
          gboolean    added)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (question);
  GtkWidget *icon = gtk_image_new_from_icon_name (added ? "object-select-symbolic"
                                                        : "list-add-symbolic");
  g_autofree char *accessible = NULL;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_sensitive (row, !added);
  accessible = added ? g_strdup_printf (_("%s (on your list)"), question)
                     : g_strdup (question);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "question", g_strdup (question), g_free);
  return row;
}

static void
rebuild_bank (MixPreparePanel *self)
{
  MixPrep *prep = find_prep (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->bank_list))) != NULL)
    gtk_list_box_remove (self->bank_list, child);

  for (guint t = 0; t < mix_prep_bank_get_n_themes (); t++)
    {
      GtkWidget *heading = gtk_label_new (mix_prep_bank_get_theme_title (t));
      GtkListBoxRow *heading_row;

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "heading");
      gtk_widget_set_margin_top (heading, t > 0 ? 12 : 3);
      gtk_list_box_append (self->bank_list, heading);
      heading_row = GTK_LIST_BOX_ROW (gtk_widget_get_parent (heading));
      gtk_list_box_row_set_activatable (heading_row, FALSE);
      gtk_list_box_row_set_selectable (heading_row, FALSE);
      gtk_widget_set_focusable (GTK_WIDGET (heading_row), FALSE);

      for (guint q = 0; q < mix_prep_bank_get_n_questions (t); q++)
        {
          const char *question = mix_prep_bank_get_question (t, q);
          gboolean added = prep != NULL && mix_prep_has_question (prep, question);

          gtk_list_box_append (self->bank_list, bank_row (question, added));
        }
    }
}

static void
on_bank_popover_show_cb (MixPreparePanel *self)
{
  rebuild_bank (self);
}

static void
on_bank_list_row_activated_cb (MixPreparePanel *self,
                               GtkListBoxRow   *row)
{
  const char *question = g_object_get_data (G_OBJECT (row), "question");
  MixPrep *prep;

  if (question == NULL)
    return;
  prep = ensure_prep (self);
  if (prep == NULL || !mix_prep_add_question (prep, question))
    return;
  /* Kept open to pick more; the row shows it is on the list. */
  gtk_widget_set_sensitive (GTK_WIDGET (row), FALSE);
  rebuild_questions (self);
}

/* The conversation */

static void
on_format_row_notify_selected_cb (MixPreparePanel *self)
{
  MixPrep *prep;

  if (self->loading)
    return;
  prep = ensure_prep (self);
  if (prep != NULL)
    mix_prep_set_format (prep, mix_prepare_panel_get_format (self));
}

static void
on_notes_buffer_changed_cb (MixPreparePanel *self,
                            GtkTextBuffer   *buffer)
{
  g_autofree char *text = NULL;
  MixPrep *prep;

  if (self->loading)
    return;
  prep = ensure_prep (self);
  if (prep == NULL)
    return;
  text = mix_text_view_dup_text (self->notes_view);
  mix_prep_set_notes (prep, text);
}

/* Shows the prep for the outreach's contact. */
static void
load_prep (MixPreparePanel *self)
{
  MixPrep *prep = find_prep (self);
  gboolean contact = self->outreach != NULL && mix_outreach_get_contact (self->outreach) != NULL;

  if (self->outreach == NULL || mix_outreach_get_draft (self->outreach) == NULL)
    return;
  gtk_stack_set_visible_child_name (self->prepare_stack, contact ? "prep" : "no-contact");
  self->loading = TRUE;
  adw_combo_row_set_selected (self->format_row,
                              format_index (prep != NULL ? mix_prep_get_format (prep) : NULL));
  mix_text_view_show_text (self->notes_view, prep != NULL ? mix_prep_get_notes (prep) : "");
  self->loading = FALSE;
  rebuild_questions (self);
}

void
mix_prepare_panel_set_writable (MixPreparePanel *self,
                                gboolean         writable)
{
  g_return_if_fail (MIX_IS_PREPARE_PANEL (self));

  gtk_text_view_set_editable (self->notes_view, writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->bank_button), writable);
}

MixOutreach *
mix_prepare_panel_get_outreach (MixPreparePanel *self)
{
  g_return_val_if_fail (MIX_IS_PREPARE_PANEL (self), NULL);
  return self->outreach;
}

void
mix_prepare_panel_set_outreach (MixPreparePanel *self,
                                MixOutreach     *outreach)
{
  g_return_if_fail (MIX_IS_PREPARE_PANEL (self));
  g_return_if_fail (outreach == NULL || MIX_IS_OUTREACH (outreach));

  if (!g_set_object (&self->outreach, outreach))
    return;
  g_signal_group_set_target (self->outreach_signals, outreach);
  load_prep (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTREACH]);
}

/* GObject */

static void
mix_prepare_panel_dispose (GObject *object)
{
  MixPreparePanel *self = MIX_PREPARE_PANEL (object);

  g_clear_handle_id (&self->rebuild_questions_id, g_source_remove);
  mix_prepare_panel_set_outreach (self, NULL);
  g_clear_object (&self->outreach_signals);
  /* Its child may be a template child too: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), MIX_TYPE_PREPARE_PANEL);

  G_OBJECT_CLASS (mix_prepare_panel_parent_class)->dispose (object);
}

static void
mix_prepare_panel_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MixPreparePanel *self = MIX_PREPARE_PANEL (object);

  switch (prop_id)
    {
    case PROP_OUTREACH:
      g_value_set_object (value, self->outreach);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mix_prepare_panel_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  MixPreparePanel *self = MIX_PREPARE_PANEL (object);

  switch (prop_id)
    {
    case PROP_OUTREACH:
      mix_prepare_panel_set_outreach (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mix_prepare_panel_class_init (MixPreparePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mix_prepare_panel_dispose;
  object_class->get_property = mix_prepare_panel_get_property;
  object_class->set_property = mix_prepare_panel_set_property;

  properties[PROP_OUTREACH] =
    g_param_spec_object ("outreach", NULL, NULL, MIX_TYPE_OUTREACH,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/messages/mix-prepare-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, MixPreparePanel, bank_button);
  gtk_widget_class_bind_template_child (widget_class, MixPreparePanel, bank_list);
  gtk_widget_class_bind_template_child (widget_class, MixPreparePanel, format_row);
  gtk_widget_class_bind_template_child (widget_class, MixPreparePanel, notes_view);
  gtk_widget_class_bind_template_child (widget_class, MixPreparePanel, own_question_row);
  gtk_widget_class_bind_template_child (widget_class, MixPreparePanel, prepare_stack);
  gtk_widget_class_bind_template_child (widget_class, MixPreparePanel, questions_list);

  gtk_widget_class_bind_template_callback (widget_class, on_bank_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bank_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_format_row_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_notes_buffer_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_own_question_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_own_question_row_entry_activated_cb);
}

static void
mix_prepare_panel_init (MixPreparePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->outreach_signals = g_signal_group_new (MIX_TYPE_OUTREACH);
  g_signal_group_connect_swapped (self->outreach_signals, "notify::draft",
                                  G_CALLBACK (load_prep), self);
  g_signal_group_connect_swapped (self->outreach_signals, "notify::contact",
                                  G_CALLBACK (load_prep), self);

  self->focus_question = -1;
  /* The formats of the Networking Log, for the conversation. */
  {
    const MixChoice *choices = format_column ()->choices;
    g_autoptr(GtkStringList) formats = gtk_string_list_new (NULL);

    for (guint i = 0; choices[i].id != NULL; i++)
      gtk_string_list_append (formats, _(choices[i].label));
    adw_combo_row_set_model (self->format_row, G_LIST_MODEL (formats));
  }
}
