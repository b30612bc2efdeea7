/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mix-contact-picker.h"
#include "mix-date.h"
#include "mix-draft-editor.h"
#include "mix-messages-util.h"
#include "mix-template.h"

/**
 * MixDraftEditor:
 *
 * The draft being written: who it is to, the channel, the subject of an
 * email and the message, with live counts against the channel's limit, the
 * templates, Copy and Mark as Sent. What is typed goes to its
 * #MixOutreach, which works the checklist out again; the counts follow.
 * Choosing a template emits #MixDraftEditor::template-chosen.
 */

struct _MixDraftEditor
{
  AdwBin            parent_instance;

  /* Template children */
  GtkTextView      *body_view;
  AdwComboRow      *channel_row;
  GtkLabel         *characters_label;
  GtkToggleButton  *checklist_toggle;
  GtkLabel         *checklist_toggle_label;
  MixContactPicker *contact_picker;
  AdwActionRow     *contact_row;
  AdwEntryRow      *recipient_row;
  GtkButton        *sent_button;
  GtkLabel         *sent_label;
  GtkLabel         *sent_on_label;
  GtkLabel         *stats_label;
  AdwEntryRow      *subject_row;
  GtkMenuButton    *templates_button;
  GtkListBox       *templates_list;

  MixOutreach      *outreach;
  GSignalGroup     *outreach_signals;
  MixDraft         *draft;          /* the outreach's, watched for its status */
  gboolean          loading;        /* filling the editor: not a user edit */
  gboolean          checklist_folded;
  gboolean          checklist_revealed;
};

G_DEFINE_FINAL_TYPE (MixDraftEditor, mix_draft_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_OUTREACH,
  PROP_CHECKLIST_FOLDED,
  PROP_CHECKLIST_REVEALED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  TEMPLATE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static MixDraft *
get_draft (MixDraftEditor *self)
{
  return self->outreach != NULL ? mix_outreach_get_draft (self->outreach) : NULL;
}

static char *
format_date (const char *iso)
{
  GDate date;

  if (iso == NULL || !mix_date_parse (iso, &date))
    return g_strdup ("");
  {
    g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (&date),
                                                       g_date_get_month (&date),
                                                       g_date_get_day (&date), 12, 0, 0);
    /* Translators: a date, see strftime(3) */
    return g_date_time_format (time, _("%B %-e, %Y"));
  }
}

/* The counts */

static void
update_counts (MixDraftEditor *self)
{
  const MixTextStats *stats = &mix_outreach_get_result (self->outreach)->stats;
  g_autofree char *characters = NULL;
  g_autofree char *words = NULL;
  g_autofree char *sentences = NULL;
  g_autofree char *questions = NULL;
  g_autofree char *line = NULL;
  g_autofree char *score = NULL;
  g_autofree char *toggle = NULL;

  if (stats->limit > 0)
    /* Translators: characters typed against the channel's limit, e.g. "120 / 300 characters" */
    characters = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u / %u character",
                                               "%u / %u characters", stats->limit),
                                  stats->characters, stats->limit);
  else
    characters = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u character",
                                               "%u characters", stats->characters),
                                  stats->characters);
  gtk_label_set_text (self->characters_label, characters);
  if (stats->limit > 0 && stats->characters > stats->limit)
    gtk_widget_add_css_class (GTK_WIDGET (self->characters_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->characters_label), "error");

  words = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words", stats->words),
                           stats->words);
  sentences = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sentence", "%u sentences",
                                            stats->sentences),
                               stats->sentences);
  questions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question", "%u questions",
                                            stats->questions),
                               stats->questions);
  /* Translators: the counts under the message; the last is the
   * Flesch–Kincaid reading grade, e.g. "42 words · 3 sentences · 1 question · grade 6.5" */
  line = g_strdup_printf (_("%s · %s · %s · grade %.1f"), words, sentences, questions,
                          stats->grade);
  gtk_label_set_text (self->stats_label, line);

  score = mix_outreach_dup_score_text (self->outreach);
  /* Translators: the button that shows the checklist on a narrow screen, e.g. "Checklist: 7 of 11" */
  toggle = g_strdup_printf (_("Checklist: %s"), score);
  gtk_label_set_text (self->checklist_toggle_label, toggle);
}

static void
on_outreach_changed_cb (MixDraftEditor *self)
{
  if (get_draft (self) != NULL)
    update_counts (self);
}

/* The header: recipient and status */

/**
 * mix_draft_editor_update_contact:
 *
 * Shows the contact again, who may have changed in the tracker.
 */
void
mix_draft_editor_update_contact (MixDraftEditor *self)
{
  MixRecipient recipient;
  gboolean known;

  g_return_if_fail (MIX_IS_DRAFT_EDITOR (self));

  if (get_draft (self) == NULL)
    return;
  known = mix_outreach_get_recipient (self->outreach, &recipient);
  gtk_widget_set_visible (GTK_WIDGET (self->contact_row), known);
  gtk_widget_set_visible (GTK_WIDGET (self->recipient_row), !known);
  if (known)
    {
      MixRecord *record = mix_outreach_get_contact (self->outreach);
      const char *company = recipient.company;
      const char *role = recipient.role;
      const char *tab = _(mix_tab_get_info (mix_record_get_tab (record))->title);
      g_autofree char *subtitle = NULL;

      if (!mix_text_is_blank (role) && !mix_text_is_blank (company))
        /* Translators: a contact's tracker tab, role and company, e.g. "New Contacts · Developer at Acme" */
        subtitle = g_strdup_printf (_("%s · %s at %s"), tab, role, company);
      else if (!mix_text_is_blank (role) || !mix_text_is_blank (company))
        subtitle = g_strdup_printf ("%s · %s", tab, !mix_text_is_blank (role) ? role : company);
      else
        subtitle = g_strdup (tab);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->contact_row),
                                     mix_draft_get_display_recipient (get_draft (self)));
      adw_action_row_set_subtitle (self->contact_row, subtitle);
    }
}

static void
update_status (MixDraftEditor *self)
{
  MixDraft *draft = get_draft (self);
  gboolean sent = mix_draft_get_status (draft) == MIX_DRAFT_STATUS_SENT;
  const char *label = sent ? _("Mark as Not Sent") : _("Mark as Sent");

  gtk_label_set_text (self->sent_label, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sent_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  if (sent)
    gtk_widget_remove_css_class (GTK_WIDGET (self->sent_button), "suggested-action");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->sent_button), "suggested-action");

  gtk_widget_set_visible (GTK_WIDGET (self->sent_on_label), sent);
  if (sent)
    {
      g_autofree char *date = format_date (mix_draft_get_sent_on (draft));
      g_autofree char *text = *date != '\0' ? g_strdup_printf (_("Sent on %s."), date)
                                            : g_strdup (_("Sent."));

      gtk_label_set_text (self->sent_on_label, text);
    }
}

static void
on_draft_changed_cb (MixDraftEditor *self)
{
  update_status (self);
}

static void
on_outreach_notify_draft_cb (MixDraftEditor *self)
{
  MixDraft *draft = get_draft (self);

  if (self->draft == draft)
    return;
  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_func (self->draft, on_draft_changed_cb, self);
  g_set_object (&self->draft, draft);
  if (draft != NULL)
    g_signal_connect_swapped (draft, "changed", G_CALLBACK (on_draft_changed_cb), self);
}

/**
 * mix_draft_editor_load:
 *
 * Shows the outreach's draft.
 */
void
mix_draft_editor_load (MixDraftEditor *self)
{
  MixDraft *draft;

  g_return_if_fail (MIX_IS_DRAFT_EDITOR (self));

  draft = get_draft (self);
  if (draft == NULL)
    return;

  self->loading = TRUE;
  /* The contact's name may have changed in the tracker since. */
  mix_outreach_update_recipient_name (self->outreach);
  gtk_editable_set_text (GTK_EDITABLE (self->recipient_row), mix_draft_get_recipient (draft));
  adw_combo_row_set_selected (self->channel_row, mix_draft_get_channel (draft));
  gtk_widget_set_visible (GTK_WIDGET (self->subject_row),
                          mix_draft_get_channel (draft) == MIX_CHANNEL_EMAIL);
  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), mix_draft_get_subject (draft));
  mix_text_view_show_text (self->body_view, mix_draft_get_body (draft));
  self->loading = FALSE;

  mix_draft_editor_update_contact (self);
  update_status (self);
  update_counts (self);
}

/**
 * mix_draft_editor_link_contact:
 * @contact_id: a tracker row's id
 *
 * Returns: %FALSE if there is no draft or no such contact
 */
gboolean
mix_draft_editor_link_contact (MixDraftEditor *self,
                               const char     *contact_id)
{
  g_return_val_if_fail (MIX_IS_DRAFT_EDITOR (self), FALSE);

  if (self->outreach == NULL || !mix_outreach_link_contact (self->outreach, contact_id))
    return FALSE;
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->recipient_row),
                         mix_draft_get_recipient (get_draft (self)));
  self->loading = FALSE;
  mix_draft_editor_update_contact (self);
  return TRUE;
}

/**
 * mix_draft_editor_replace_body:
 *
 * Replaces the message as one change the text view's own Undo takes back.
 */
void
mix_draft_editor_replace_body (MixDraftEditor *self,
                               const char     *text)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (MIX_IS_DRAFT_EDITOR (self));

  buffer = gtk_text_view_get_buffer (self->body_view);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, text, -1);
  gtk_text_buffer_end_user_action (buffer);
}

void
mix_draft_editor_set_writable (MixDraftEditor *self,
                               gboolean        writable)
{
  g_return_if_fail (MIX_IS_DRAFT_EDITOR (self));

  gtk_text_view_set_editable (self->body_view, writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->templates_button), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->recipient_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->channel_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->subject_row), writable);
}

void
mix_draft_editor_focus_body (MixDraftEditor *self)
{
  g_return_if_fail (MIX_IS_DRAFT_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

void
mix_draft_editor_focus_recipient (MixDraftEditor *self)
{
  g_return_if_fail (MIX_IS_DRAFT_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->recipient_row));
}

/* Signal handlers of the template: what is typed goes to the outreach */

static void
on_recipient_row_changed_cb (MixDraftEditor *self)
{
  if (self->loading || get_draft (self) == NULL)
    return;
  mix_outreach_set_recipient (self->outreach,
                              gtk_editable_get_text (GTK_EDITABLE (self->recipient_row)));
}

static void
on_subject_row_changed_cb (MixDraftEditor *self)
{
  if (self->loading || get_draft (self) == NULL)
    return;
  mix_outreach_set_subject (self->outreach,
                            gtk_editable_get_text (GTK_EDITABLE (self->subject_row)));
}

static void
on_channel_row_notify_selected_cb (MixDraftEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->channel_row);

  if (self->loading || get_draft (self) == NULL || selected > MIX_CHANNEL_EMAIL)
    return;
  mix_outreach_set_channel (self->outreach, (MixChannel) selected);
  gtk_widget_set_visible (GTK_WIDGET (self->subject_row), selected == MIX_CHANNEL_EMAIL);
}

static void
on_body_buffer_changed_cb (MixDraftEditor *self,
                           GtkTextBuffer  *buffer)
{
  g_autofree char *text = NULL;

  if (self->loading || get_draft (self) == NULL)
    return;
  text = mix_text_view_dup_text (self->body_view);
  mix_outreach_set_body (self->outreach, text);
}

static void
on_contact_picker_contact_chosen_cb (MixDraftEditor *self,
                                     const char     *contact_id)
{
  if (mix_draft_editor_link_contact (self, contact_id))
    gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

static void
on_unlink_button_clicked_cb (MixDraftEditor *self)
{
  if (get_draft (self) == NULL || mix_outreach_get_read_only (self->outreach))
    return;
  mix_outreach_unlink_contact (self->outreach);
  mix_draft_editor_update_contact (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->recipient_row));
}

static void
on_templates_list_row_activated_cb (MixDraftEditor *self,
                                    GtkListBoxRow  *row)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "template"));

  gtk_popover_popdown (gtk_menu_button_get_popover (self->templates_button));
  g_signal_emit (self, signals[TEMPLATE_CHOSEN], 0, index);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

static void
build_templates (MixDraftEditor *self)
{
  for (guint i = 0; i < mix_template_get_n (); i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *title = gtk_label_new (mix_template_get_title (i));
      GtkWidget *preview = gtk_label_new (mix_template_get_body (i));

      gtk_widget_set_margin_top (box, 3);
      gtk_widget_set_margin_bottom (box, 3);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_xalign (GTK_LABEL (preview), 0);
      gtk_label_set_lines (GTK_LABEL (preview), 2);
      gtk_label_set_wrap (GTK_LABEL (preview), TRUE);
      gtk_label_set_ellipsize (GTK_LABEL (preview), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (preview), 40);
      gtk_widget_add_css_class (preview, "caption");
      gtk_widget_add_css_class (preview, "dim-label");
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), preview);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, mix_template_get_title (i),
                                      -1);
      g_object_set_data (G_OBJECT (row), "template", GUINT_TO_POINTER (i));
      gtk_list_box_append (self->templates_list, row);
    }
}

/* The model */

MixOutreach *
mix_draft_editor_get_outreach (MixDraftEditor *self)
{
  g_return_val_if_fail (MIX_IS_DRAFT_EDITOR (self), NULL);
  return self->outreach;
}

void
mix_draft_editor_set_outreach (MixDraftEditor *self,
                               MixOutreach    *outreach)
{
  g_return_if_fail (MIX_IS_DRAFT_EDITOR (self));
  g_return_if_fail (outreach == NULL || MIX_IS_OUTREACH (outreach));

  if (!g_set_object (&self->outreach, outreach))
    return;
  g_signal_group_set_target (self->outreach_signals, outreach);
  if (outreach != NULL)
    mix_contact_picker_set_tracker (self->contact_picker,
                                    mix_store_get_tracker (mix_outreach_get_store (outreach)));
  on_outreach_notify_draft_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTREACH]);
}

/* GObject */

static void
mix_draft_editor_dispose (GObject *object)
{
  MixDraftEditor *self = MIX_DRAFT_EDITOR (object);

  mix_draft_editor_set_outreach (self, NULL);
  g_clear_object (&self->outreach_signals);
  /* Its child may be a template child too: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), MIX_TYPE_DRAFT_EDITOR);

  G_OBJECT_CLASS (mix_draft_editor_parent_class)->dispose (object);
}

static void
mix_draft_editor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MixDraftEditor *self = MIX_DRAFT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_OUTREACH:
      g_value_set_object (value, self->outreach);
      break;
    case PROP_CHECKLIST_FOLDED:
      g_value_set_boolean (value, self->checklist_folded);
      break;
    case PROP_CHECKLIST_REVEALED:
      g_value_set_boolean (value, self->checklist_revealed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_boolean (MixDraftEditor *self,
             gboolean       *field,
             gboolean        value,
             guint           prop)
{
  value = !!value;
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
mix_draft_editor_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MixDraftEditor *self = MIX_DRAFT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_OUTREACH:
      mix_draft_editor_set_outreach (self, g_value_get_object (value));
      break;
    case PROP_CHECKLIST_FOLDED:
      set_boolean (self, &self->checklist_folded, g_value_get_boolean (value), prop_id);
      break;
    case PROP_CHECKLIST_REVEALED:
      set_boolean (self, &self->checklist_revealed, g_value_get_boolean (value), prop_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mix_draft_editor_class_init (MixDraftEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mix_draft_editor_dispose;
  object_class->get_property = mix_draft_editor_get_property;
  object_class->set_property = mix_draft_editor_set_property;

  properties[PROP_OUTREACH] =
    g_param_spec_object ("outreach", NULL, NULL, MIX_TYPE_OUTREACH,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Whether the checklist beside the editor is folded away, and shown:
   * a narrow window shows a button for it instead. */
  properties[PROP_CHECKLIST_FOLDED] =
    g_param_spec_boolean ("checklist-folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CHECKLIST_REVEALED] =
    g_param_spec_boolean ("checklist-revealed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MixDraftEditor::template-chosen:
   * @index: the template, below mix_template_get_n()
   */
  signals[TEMPLATE_CHOSEN] =
    g_signal_new ("template-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  g_type_ensure (MIX_TYPE_CONTACT_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/messages/mix-draft-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, MixDraftEditor, body_view);
  gtk_widget_class_bind_template_child (widget_class, MixDraftEditor, channel_row);
  gtk_widget_class_bind_template_child (widget_class, MixDraftEditor, characters_label);
  gtk_widget_class_bind_template_child (widget_class, MixDraftEditor, checklist_toggle);
  gtk_widget_class_bind_template_child (widget_class, MixDraftEditor, checklist_toggle_label);
  gtk_widget_class_bind_template_child (widget_class, MixDraftEditor, contact_picker);
  gtk_widget_class_bind_template_child (widget_class, MixDraftEditor, contact_row);
  gtk_widget_class_bind_template_child (widget_class, MixDraftEditor, recipient_row);
  gtk_widget_class_bind_template_child (widget_class, MixDraftEditor, sent_button);
  gtk_widget_class_bind_template_child (widget_class, MixDraftEditor, sent_label);
  gtk_widget_class_bind_template_child (widget_class, MixDraftEditor, sent_on_label);
  gtk_widget_class_bind_template_child (widget_class, MixDraftEditor, stats_label);
  gtk_widget_class_bind_template_child (widget_class, MixDraftEditor, subject_row);
  gtk_widget_class_bind_template_child (widget_class, MixDraftEditor, templates_button);
  gtk_widget_class_bind_template_child (widget_class, MixDraftEditor, templates_list);

  gtk_widget_class_bind_template_callback (widget_class, on_body_buffer_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_channel_row_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_contact_picker_contact_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_recipient_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_subject_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_templates_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unlink_button_clicked_cb);
}

static void
mix_draft_editor_init (MixDraftEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->outreach_signals = g_signal_group_new (MIX_TYPE_OUTREACH);
  g_signal_group_connect_swapped (self->outreach_signals, "changed",
                                  G_CALLBACK (on_outreach_changed_cb), self);
  g_signal_group_connect_swapped (self->outreach_signals, "notify::draft",
                                  G_CALLBACK (on_outreach_notify_draft_cb), self);
  g_signal_group_connect_swapped (self->outreach_signals, "notify::contact",
                                  G_CALLBACK (mix_draft_editor_update_contact), self);

  g_object_bind_property (self, "checklist-folded", self->checklist_toggle, "visible",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "checklist-revealed", self->checklist_toggle, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  build_templates (self);
}
