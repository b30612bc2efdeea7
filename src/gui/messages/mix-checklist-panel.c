/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mix-checklist-panel.h"
#include "mix-messages-util.h"

/**
 * MixChecklistPanel:
 *
 * The personalization checklist beside the message: the score, and each
 * item ticked by the analysis or by the student, with what it looks for in
 * its tooltip. It shows its #MixOutreach as it is worked out again, and
 * gives the student's own answers to it.
 */

struct _MixChecklistPanel
{
  AdwBin          parent_instance;

  /* Template children */
  GtkListBox     *checklist;
  GtkLevelBar    *score_bar;
  GtkLabel       *score_label;

  MixOutreach    *outreach;
  GSignalGroup   *outreach_signals;

  AdwActionRow   *check_rows[MIX_N_CHECKS];
  GtkCheckButton *check_buttons[MIX_N_CHECKS];
};

G_DEFINE_FINAL_TYPE (MixChecklistPanel, mix_checklist_panel, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_OUTREACH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_check_toggled_cb (GtkCheckButton    *button,
                     MixChecklistPanel *self)
{
  MixCheck check = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "check"));

  if (self->outreach == NULL)
    return;
  mix_outreach_set_check (self->outreach, check, gtk_check_button_get_active (button));
}

static void
build_checklist (MixChecklistPanel *self)
{
  for (guint i = 0; i < MIX_N_CHECKS; i++)
    {
      const MixCheckInfo *info = mix_check_get_info ((MixCheck) i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(info->title));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      gtk_widget_set_tooltip_text (row, _(info->explanation));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      /* Its name comes from the row's title, which the row makes its label. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(info->explanation),
                                      -1);
      g_object_set_data (G_OBJECT (check), "check", GUINT_TO_POINTER (i));
      g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->checklist, row);

      self->check_rows[i] = ADW_ACTION_ROW (row);
      self->check_buttons[i] = GTK_CHECK_BUTTON (check);
    }
}

static const char *
describe (const MixChecklistResult *result,
          const gboolean            answers[MIX_N_CHECKS],
          guint                     i)
{
  const MixCheckInfo *info = mix_check_get_info ((MixCheck) i);
  gboolean automatic = result->decided[i] && result->passed[i];

  if (automatic && info->kind != MIX_CHECK_KIND_MANUAL)
    return _("Checked automatically");
  if (answers[i] && info->kind != MIX_CHECK_KIND_AUTO)
    return _("Ticked by you");
  if (info->kind == MIX_CHECK_KIND_MANUAL)
    return _("Tick it yourself when it is true");
  if (info->kind == MIX_CHECK_KIND_AUTO)
    return _("Not yet");
  if (!result->decided[i])
    return _("Nothing to compare with: tick it yourself");
  return _("Not found yet: tick it if you disagree");
}

static void
update_checklist (MixChecklistPanel *self)
{
  const MixChecklistResult *result = mix_outreach_get_result (self->outreach);
  MixDraft *draft = mix_outreach_get_draft (self->outreach);
  gboolean answers[MIX_N_CHECKS] = { FALSE };
  gboolean read_only = mix_outreach_get_read_only (self->outreach);
  guint score, total;
  g_autofree char *score_text = NULL;

  if (draft != NULL)
    mix_draft_get_manual_answers (draft, answers);

  for (guint i = 0; i < MIX_N_CHECKS; i++)
    {
      const MixCheckInfo *info = mix_check_get_info ((MixCheck) i);
      gboolean automatic = result->decided[i] && result->passed[i];
      gboolean checked = mix_checklist_item_checked (result, answers, (MixCheck) i);
      const char *subtitle = describe (result, answers, i);

      if (g_strcmp0 (adw_action_row_get_subtitle (self->check_rows[i]), subtitle) != 0)
        adw_action_row_set_subtitle (self->check_rows[i], subtitle);
      if (gtk_check_button_get_active (self->check_buttons[i]) != checked)
        {
          g_signal_handlers_block_by_func (self->check_buttons[i], on_check_toggled_cb, self);
          gtk_check_button_set_active (self->check_buttons[i], checked);
          g_signal_handlers_unblock_by_func (self->check_buttons[i], on_check_toggled_cb, self);
        }
      /* What the analysis found cannot be unticked; an automatic item can
       * only be decided by the text. */
      gtk_widget_set_sensitive (GTK_WIDGET (self->check_buttons[i]),
                                !read_only && info->kind != MIX_CHECK_KIND_AUTO &&
                                !(automatic && info->kind != MIX_CHECK_KIND_MANUAL));
      if (checked)
        gtk_widget_add_css_class (GTK_WIDGET (self->check_rows[i]), "mix-check-done");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->check_rows[i]), "mix-check-done");
    }

  score = mix_outreach_get_score (self->outreach, &total);
  gtk_level_bar_set_max_value (self->score_bar, total);
  gtk_level_bar_set_value (self->score_bar, score);
  score_text = mix_outreach_dup_score_text (self->outreach);
  gtk_label_set_text (self->score_label, score_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->score_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, score_text,
                                  -1);
}

static void
on_outreach_changed_cb (MixChecklistPanel *self)
{
  /* Nothing to show without a draft: the page shows none. */
  if (mix_outreach_get_draft (self->outreach) != NULL)
    update_checklist (self);
}

MixOutreach *
mix_checklist_panel_get_outreach (MixChecklistPanel *self)
{
  g_return_val_if_fail (MIX_IS_CHECKLIST_PANEL (self), NULL);
  return self->outreach;
}

void
mix_checklist_panel_set_outreach (MixChecklistPanel *self,
                                  MixOutreach       *outreach)
{
  g_return_if_fail (MIX_IS_CHECKLIST_PANEL (self));
  g_return_if_fail (outreach == NULL || MIX_IS_OUTREACH (outreach));

  if (!g_set_object (&self->outreach, outreach))
    return;
  g_signal_group_set_target (self->outreach_signals, outreach);
  if (outreach != NULL)
    on_outreach_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTREACH]);
}

static void
mix_checklist_panel_dispose (GObject *object)
{
  MixChecklistPanel *self = MIX_CHECKLIST_PANEL (object);

  mix_checklist_panel_set_outreach (self, NULL);
  g_clear_object (&self->outreach_signals);
  /* Its child may be a template child too: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), MIX_TYPE_CHECKLIST_PANEL);

  G_OBJECT_CLASS (mix_checklist_panel_parent_class)->dispose (object);
}

static void
mix_checklist_panel_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  MixChecklistPanel *self = MIX_CHECKLIST_PANEL (object);

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
mix_checklist_panel_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  MixChecklistPanel *self = MIX_CHECKLIST_PANEL (object);

  switch (prop_id)
    {
    case PROP_OUTREACH:
      mix_checklist_panel_set_outreach (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mix_checklist_panel_class_init (MixChecklistPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mix_checklist_panel_dispose;
  object_class->get_property = mix_checklist_panel_get_property;
  object_class->set_property = mix_checklist_panel_set_property;

  properties[PROP_OUTREACH] =
    g_param_spec_object ("outreach", NULL, NULL, MIX_TYPE_OUTREACH,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/messages/mix-checklist-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, MixChecklistPanel, checklist);
  gtk_widget_class_bind_template_child (widget_class, MixChecklistPanel, score_bar);
  gtk_widget_class_bind_template_child (widget_class, MixChecklistPanel, score_label);
}

static void
mix_checklist_panel_init (MixChecklistPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->outreach_signals = g_signal_group_new (MIX_TYPE_OUTREACH);
  g_signal_group_connect_swapped (self->outreach_signals, "changed",
                                  G_CALLBACK (on_outreach_changed_cb), self);
  build_checklist (self);
}
