/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mix-session-prompts.h"
#include "mix-toast.h"

/**
 * MixSessionPrompts:
 *
 * The current phase's prompts from the guide: in Leaders Share the
 * leader's questions to choose, in Group Discussion the topics, and the
 * chosen topic's activities with the way to the page where they happen.
 *
 * It emits #MixSessionPrompts::changed when a topic is chosen, which
 * changes what the page shows.
 */

struct _MixSessionPrompts
{
  GtkWidget            parent_instance;

  AdwPreferencesGroup *activities_group;
  GtkButton           *open_button;
  AdwPreferencesGroup *prompts_group;

  GPtrArray           *rows;         /* the rows added to the groups */
  MixSessionRecord    *record;       /* nullable */
};

G_DEFINE_FINAL_TYPE (MixSessionPrompts, mix_session_prompts, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RECORD,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/**
 * mix_session_prompts_get_record:
 *
 * Returns: (transfer none) (nullable): the session whose picks are shown
 */
MixSessionRecord *
mix_session_prompts_get_record (MixSessionPrompts *self)
{
  g_return_val_if_fail (MIX_IS_SESSION_PROMPTS (self), NULL);
  return self->record;
}

static void
on_leader_question_toggled_cb (GtkCheckButton    *check,
                               MixSessionPrompts *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "mix-index"));
  gboolean active = gtk_check_button_get_active (check);

  if (self->record == NULL)
    return;

  /* The leader chooses one or two: a third is refused. */
  if (!mix_session_record_set_leader_question (self->record, index, active))
    {
      gtk_widget_error_bell (GTK_WIDGET (check));
      gtk_check_button_set_active (check, FALSE);
      mix_show_toast (GTK_WIDGET (self),
                      adw_toast_new (_("The leader chooses one or two questions: clear one to "
                                       "choose this one.")));
    }
}

static void
on_topic_toggled_cb (GtkCheckButton    *check,
                     MixSessionPrompts *self)
{
  const char *topic = g_object_get_data (G_OBJECT (check), "mix-topic");

  if (self->record == NULL || !gtk_check_button_get_active (check))
    return;

  mix_session_record_set_topic (self->record, topic);
  /* Show the chosen topic's activities. */
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_activity_toggled_cb (GtkCheckButton    *check,
                        MixSessionPrompts *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "mix-index"));

  if (self->record != NULL)
    mix_session_record_set_activity (self->record, index, gtk_check_button_get_active (check));
}

static GtkWidget *
prompt_row (const char *text,
            GtkWidget  *check)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  if (check != NULL)
    {
      /* The row names the check button (labelled-by). */
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
    }
  else
    gtk_widget_add_css_class (row, "property");
  return row;
}

static void
add_row (MixSessionPrompts   *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_object_set_data (G_OBJECT (row), "mix-group", group);
  g_ptr_array_add (self->rows, row);
}

static GtkWidget *
check_row (MixSessionPrompts *self,
           const char        *text,
           gboolean           active,
           GCallback          toggled)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  g_signal_connect (check, "toggled", toggled, self);
  return prompt_row (text, check);
}

static void
clear_rows (MixSessionPrompts *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = self->rows->pdata[i];

      adw_preferences_group_remove (g_object_get_data (G_OBJECT (row), "mix-group"), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

/* The chosen topic's activities, as a checklist, with the way to the page
 * where they happen. */
static void
show_activities (MixSessionPrompts *self)
{
  const MixTopic *topic = mix_guide_find_topic (mix_session_record_get_topic (self->record));
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;

  if (topic == NULL)
    return;

  title = g_markup_escape_text (_(topic->title), -1);
  summary = g_markup_escape_text (_(topic->summary), -1);
  adw_preferences_group_set_title (self->activities_group, title);
  adw_preferences_group_set_description (self->activities_group, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->open_button), topic->page != NULL);
  if (topic->page != NULL)
    {
      gtk_button_set_label (self->open_button, g_str_equal (topic->page, "tracker")
                                               ? _("Open Tracker") : _("Open Messages"));
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->open_button), "s", topic->page);
    }

  for (guint i = 0; topic->activities[i] != NULL; i++)
    {
      GtkWidget *row = check_row (self, _(topic->activities[i]),
                                  mix_session_record_get_activity (self->record, i),
                                  G_CALLBACK (on_activity_toggled_cb));

      g_object_set_data (G_OBJECT (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row))),
                         "mix-index", GUINT_TO_POINTER (i));
      add_row (self, self->activities_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->activities_group), TRUE);
}

/**
 * mix_session_prompts_show:
 * @record: (nullable): the session in progress, whose picks are shown
 * @phase: the phase whose prompts are shown
 */
void
mix_session_prompts_show (MixSessionPrompts *self,
                          MixSessionRecord  *record,
                          MixPhase           phase)
{
  const MixPhaseInfo *info = mix_guide_get_phase (phase);

  g_return_if_fail (MIX_IS_SESSION_PROMPTS (self));
  g_return_if_fail (record == NULL || MIX_IS_SESSION_RECORD (record));

  if (g_set_object (&self->record, record))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);

  clear_rows (self);
  gtk_widget_set_visible (GTK_WIDGET (self->activities_group), FALSE);

  {
    /* A group's title and description are markup: "Close Out & Next Steps". */
    g_autofree char *title = g_markup_escape_text (_(info->title), -1);
    g_autofree char *summary = g_markup_escape_text (_(info->summary), -1);

    adw_preferences_group_set_title (self->prompts_group, title);
    adw_preferences_group_set_description (self->prompts_group, summary);
  }

  if (phase == MIX_PHASE_LEADERS_SHARE && record != NULL)
    {
      const char * const *questions = mix_guide_get_leader_questions ();

      for (guint i = 0; questions[i] != NULL; i++)
        {
          GtkWidget *row = check_row (self, _(questions[i]),
                                      mix_session_record_get_leader_question (record, i),
                                      G_CALLBACK (on_leader_question_toggled_cb));

          g_object_set_data (G_OBJECT (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row))),
                             "mix-index", GUINT_TO_POINTER (i));
          add_row (self, self->prompts_group, row);
        }
    }
  else if (phase == MIX_PHASE_GROUP_DISCUSSION && record != NULL)
    {
      GtkCheckButton *first = NULL;

      for (guint i = 0; i < mix_guide_get_n_topics (); i++)
        {
          const MixTopic *topic = mix_guide_get_topic (i);
          GtkWidget *check = gtk_check_button_new ();

          if (first == NULL)
            first = GTK_CHECK_BUTTON (check);
          else
            gtk_check_button_set_group (GTK_CHECK_BUTTON (check), first);
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                       g_strcmp0 (mix_session_record_get_topic (record),
                                                  topic->id) == 0);
          g_object_set_data (G_OBJECT (check), "mix-topic", (gpointer) topic->id);
          g_signal_connect (check, "toggled", G_CALLBACK (on_topic_toggled_cb), self);
          add_row (self, self->prompts_group, prompt_row (_(topic->title), check));
        }
      show_activities (self);
    }
  else
    {
      for (guint i = 0; info->prompts != NULL && info->prompts[i] != NULL; i++)
        add_row (self, self->prompts_group, prompt_row (_(info->prompts[i]), NULL));
    }
}

static void
mix_session_prompts_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  MixSessionPrompts *self = MIX_SESSION_PROMPTS (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mix_session_prompts_dispose (GObject *object)
{
  MixSessionPrompts *self = MIX_SESSION_PROMPTS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MIX_TYPE_SESSION_PROMPTS);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (mix_session_prompts_parent_class)->dispose (object);
}

static void
mix_session_prompts_class_init (MixSessionPromptsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mix_session_prompts_dispose;
  object_class->get_property = mix_session_prompts_get_property;

  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, MIX_TYPE_SESSION_RECORD,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MixSessionPrompts::changed:
   *
   * A topic was chosen: what the page shows of the phase changes.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/session/mix-session-prompts.ui");
  gtk_widget_class_bind_template_child (widget_class, MixSessionPrompts, activities_group);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPrompts, open_button);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPrompts, prompts_group);
  gtk_widget_class_set_css_name (widget_class, "box");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
mix_session_prompts_init (MixSessionPrompts *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
