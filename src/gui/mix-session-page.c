/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mix-guide.h"
#include "mix-session-page.h"
#include "mix-timer-ring.h"
#include "mix-window.h"

/**
 * MixSessionPage:
 *
 * The facilitator's timer for a 30-minute circle: the plan of the four
 * phases, the time left in the current one on a ring, the whole session on
 * a bar, the phase's prompts from the guide, and a presentation mode for a
 * shared screen.
 *
 * The display is refreshed when the shown time changes, aligned to the
 * second, and not at all while the timer is paused or the page is hidden:
 * the time itself is always computed by the #MixTimer from the clock.
 */

struct _MixSessionPage
{
  AdwBin               parent_instance;

  GtkStack            *mode_stack;
  GtkLabel            *next_label;
  GtkLabel            *phase_label;
  AdwPreferencesGroup *plan_group;
  GtkLabel            *present_next_label;
  GtkLabel            *present_phase_label;
  GtkLabel            *present_time_label;
  AdwPreferencesGroup *prompts_group;
  MixTimerRing        *ring;
  GtkProgressBar      *session_bar;
  GtkButton           *toggle_button;

  GtkLabel            *time_label;
  GtkLabel            *toggle_label;
  GtkSpinButton       *plan_spins[MIX_N_PHASES];
  GtkWidget           *plan_warnings[MIX_N_PHASES];
  GPtrArray           *prompt_rows;
  GtkWidget           *activities_group;  /* nullable: the chosen topic's activities */
  GtkWidget           *notes_group;
  GtkTextView         *notes_view;
  MixSessionRecord    *record;            /* the session in progress, once the store is set */
  GSettings           *settings;          /* nullable until set */
  GtkMediaStream      *chime;
  MixTimer            *timer;
  guint                tick_id;
  int                  shown_prompts;    /* the phase whose prompts are shown, -1 for none */
};

G_DEFINE_FINAL_TYPE (MixSessionPage, mix_session_page, ADW_TYPE_BIN)

/**
 * mix_session_page_get_timer:
 *
 * Returns: (transfer none): the page's timer
 */
MixTimer *
mix_session_page_get_timer (MixSessionPage *self)
{
  g_return_val_if_fail (MIX_IS_SESSION_PAGE (self), NULL);
  return self->timer;
}

/* Display */

static void update_prompts (MixSessionPage *self,
                            MixPhase        phase);

static void
on_leader_question_toggled_cb (GtkCheckButton *check,
                               MixSessionPage *self)
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
    }
}

static void
on_topic_toggled_cb (GtkCheckButton *check,
                     MixSessionPage *self)
{
  const char *topic = g_object_get_data (G_OBJECT (check), "mix-topic");

  if (self->record == NULL || !gtk_check_button_get_active (check))
    return;

  mix_session_record_set_topic (self->record, topic);
  /* Show the chosen topic's activities. */
  self->shown_prompts = -1;
  update_prompts (self, MIX_PHASE_GROUP_DISCUSSION);
}

static void
on_activity_toggled_cb (GtkCheckButton *check,
                        MixSessionPage *self)
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
add_prompt_row (MixSessionPage *self,
                GtkWidget      *row)
{
  adw_preferences_group_add (self->prompts_group, row);
  g_ptr_array_add (self->prompt_rows, row);
}

/* The chosen topic's activities, as a checklist, with the way to the page
 * where they happen. */
static void
add_activities (MixSessionPage *self,
                GtkWidget      *after)
{
  const MixTopic *topic = mix_guide_find_topic (mix_session_record_get_topic (self->record));
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (self->prompts_group));
  AdwPreferencesGroup *group;

  if (topic == NULL)
    return;

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _(topic->title));
  adw_preferences_group_set_description (group, _(topic->summary));

  if (topic->page != NULL)
    {
      GtkWidget *button = gtk_button_new_with_label (g_str_equal (topic->page, "tracker")
                                                     ? _("Open Tracker") : _("Open Messages"));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-page");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", topic->page);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      adw_preferences_group_set_header_suffix (group, button);
    }

  for (guint i = 0; topic->activities[i] != NULL; i++)
    {
      GtkWidget *check = gtk_check_button_new ();

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   mix_session_record_get_activity (self->record, i));
      g_object_set_data (G_OBJECT (check), "mix-index", GUINT_TO_POINTER (i));
      g_signal_connect (check, "toggled", G_CALLBACK (on_activity_toggled_cb), self);
      adw_preferences_group_add (group, prompt_row (_(topic->activities[i]), check));
    }

  self->activities_group = GTK_WIDGET (group);
  gtk_box_insert_child_after (GTK_BOX (box), self->activities_group, after);
}

static void
on_notes_changed_cb (GtkTextBuffer  *buffer,
                     MixSessionPage *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->record == NULL || self->shown_prompts < 0)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  mix_session_record_set_notes (self->record, (MixPhase) self->shown_prompts, text);
}

static void
update_prompts (MixSessionPage *self,
                MixPhase        phase)
{
  const MixPhaseInfo *info = mix_guide_get_phase (phase);
  GtkTextBuffer *buffer;

  if (self->shown_prompts == (int) phase)
    return;
  self->shown_prompts = (int) phase;

  for (guint i = 0; i < self->prompt_rows->len; i++)
    adw_preferences_group_remove (self->prompts_group, self->prompt_rows->pdata[i]);
  g_ptr_array_set_size (self->prompt_rows, 0);
  if (self->activities_group != NULL)
    {
      gtk_box_remove (GTK_BOX (gtk_widget_get_parent (self->activities_group)), self->activities_group);
      self->activities_group = NULL;
    }

  adw_preferences_group_set_title (self->prompts_group, _(info->title));
  adw_preferences_group_set_description (self->prompts_group, _(info->summary));

  if (phase == MIX_PHASE_LEADERS_SHARE && self->record != NULL)
    {
      const char * const *questions = mix_guide_get_leader_questions ();

      for (guint i = 0; questions[i] != NULL; i++)
        {
          GtkWidget *check = gtk_check_button_new ();

          gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                       mix_session_record_get_leader_question (self->record, i));
          g_object_set_data (G_OBJECT (check), "mix-index", GUINT_TO_POINTER (i));
          g_signal_connect (check, "toggled", G_CALLBACK (on_leader_question_toggled_cb), self);
          add_prompt_row (self, prompt_row (_(questions[i]), check));
        }
    }
  else if (phase == MIX_PHASE_GROUP_DISCUSSION && self->record != NULL)
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
                                       g_strcmp0 (mix_session_record_get_topic (self->record),
                                                  topic->id) == 0);
          g_object_set_data (G_OBJECT (check), "mix-topic", (gpointer) topic->id);
          g_signal_connect (check, "toggled", G_CALLBACK (on_topic_toggled_cb), self);
          add_prompt_row (self, prompt_row (_(topic->title), check));
        }
      add_activities (self, GTK_WIDGET (self->prompts_group));
    }
  else
    {
      for (guint i = 0; info->prompts != NULL && info->prompts[i] != NULL; i++)
        add_prompt_row (self, prompt_row (_(info->prompts[i]), NULL));
    }

  /* The notes of this phase. */
  gtk_widget_set_visible (self->notes_group, self->record != NULL);
  buffer = gtk_text_view_get_buffer (self->notes_view);
  g_signal_handlers_block_by_func (buffer, on_notes_changed_cb, self);
  gtk_text_buffer_set_text (buffer,
                            self->record ? mix_session_record_get_notes (self->record, phase) : "",
                            -1);
  g_signal_handlers_unblock_by_func (buffer, on_notes_changed_cb, self);
}

/**
 * mix_session_page_set_store:
 *
 * Keeps the picks and notes of the session in progress in @store, and
 * shows those already there. Called once, by the window.
 */
void
mix_session_page_set_store (MixSessionPage *self,
                            MixStore       *store,
                            GSettings      *settings)
{
  g_return_if_fail (MIX_IS_SESSION_PAGE (self));
  g_return_if_fail (MIX_IS_STORE (store));

  g_set_object (&self->settings, settings);
  if (settings != NULL)
    g_settings_bind (settings, "auto-advance", self->timer, "auto-advance", G_SETTINGS_BIND_GET);

  g_set_object (&self->record, mix_store_get_current_session (store));
  self->shown_prompts = -1;
  update_prompts (self, mix_timer_get_phase (self->timer));
}

static void
refresh (MixSessionPage *self)
{
  MixTimerState state = mix_timer_get_state (self->timer);
  MixPhase phase = mix_timer_get_phase (self->timer);
  const MixPhaseInfo *info = mix_guide_get_phase (phase);
  g_autofree char *time = NULL;
  g_autofree char *next = NULL;
  g_autofree char *session = NULL;
  const char *toggle;
  gint64 remaining;
  guint elapsed_minutes;
  gboolean overtime;

  if (state == MIX_TIMER_IDLE)
    remaining = (gint64) mix_timer_get_planned_minutes (self->timer, phase) * G_USEC_PER_SEC * 60;
  else
    remaining = mix_timer_get_remaining (self->timer);
  overtime = state != MIX_TIMER_IDLE && state != MIX_TIMER_FINISHED && remaining < 0;
  time = state == MIX_TIMER_FINISHED ? g_strdup ("0:00") : mix_timer_format_remaining (remaining);

  gtk_label_set_text (self->time_label, time);
  gtk_label_set_text (self->present_time_label, time);
  if (overtime)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->time_label), "overtime");
      gtk_widget_add_css_class (GTK_WIDGET (self->present_time_label), "overtime");
      gtk_widget_add_css_class (GTK_WIDGET (self->ring), "overtime");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->time_label), "overtime");
      gtk_widget_remove_css_class (GTK_WIDGET (self->present_time_label), "overtime");
      gtk_widget_remove_css_class (GTK_WIDGET (self->ring), "overtime");
    }
  mix_timer_ring_set_fraction (self->ring, state == MIX_TIMER_FINISHED ? 1.0
                                           : mix_timer_get_phase_fraction (self->timer));

  if (state == MIX_TIMER_FINISHED)
    {
      gtk_label_set_text (self->phase_label, _("Session Finished"));
      gtk_label_set_text (self->present_phase_label, _("Session Finished"));
      next = g_strdup (_("Thank you for mixing it up!"));
    }
  else
    {
      gtk_label_set_text (self->phase_label, _(info->title));
      gtk_label_set_text (self->present_phase_label, _(info->title));
      if (phase + 1 < MIX_N_PHASES)
        /* Translators: %s is the next phase, such as Leaders Share. */
        next = g_strdup_printf (_("Next: %s"), _(mix_guide_get_phase (phase + 1)->title));
      else
        next = g_strdup (_("Last phase"));
    }
  gtk_label_set_text (self->next_label, next);
  gtk_label_set_text (self->present_next_label, next);

  gtk_progress_bar_set_fraction (self->session_bar,
                                 state == MIX_TIMER_FINISHED ? 1.0
                                 : mix_timer_get_session_fraction (self->timer));
  elapsed_minutes = (guint) (mix_timer_get_session_elapsed (self->timer) / (G_USEC_PER_SEC * 60));
  /* Translators: the whole session's progress, such as "12 of 30 minutes". */
  session = g_strdup_printf (_("%u of %u minutes"), elapsed_minutes,
                             mix_timer_get_planned_total (self->timer));
  gtk_progress_bar_set_text (self->session_bar, session);

  switch (state)
    {
    case MIX_TIMER_RUNNING:
      toggle = _("_Pause");
      break;
    case MIX_TIMER_PAUSED:
      toggle = _("_Resume");
      break;
    case MIX_TIMER_FINISHED:
      toggle = _("_New Session");
      break;
    case MIX_TIMER_IDLE:
    default:
      toggle = _("_Start");
      break;
    }
  /* The label is the button's child rather than its label property:
   * GTK 4.8 reads a button out as its label property and its contents,
   * which would say the label twice. */
  gtk_label_set_text_with_mnemonic (self->toggle_label, toggle);

  gtk_widget_set_sensitive (GTK_WIDGET (self->plan_group), state == MIX_TIMER_IDLE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.next",
                                 state == MIX_TIMER_RUNNING || state == MIX_TIMER_PAUSED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.previous",
                                 state == MIX_TIMER_RUNNING || state == MIX_TIMER_PAUSED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.add-minute",
                                 state == MIX_TIMER_RUNNING || state == MIX_TIMER_PAUSED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.reset", state != MIX_TIMER_IDLE);

  update_prompts (self, phase);
}

/* Ticking: only while running and shown, when the displayed time changes. */

static void schedule_tick (MixSessionPage *self);

static gboolean
tick_cb (gpointer data)
{
  MixSessionPage *self = data;

  self->tick_id = 0;
  mix_timer_update (self->timer);
  refresh (self);
  schedule_tick (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_tick (MixSessionPage *self)
{
  gint64 wait;

  g_clear_handle_id (&self->tick_id, g_source_remove);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      mix_timer_get_state (self->timer) != MIX_TIMER_RUNNING)
    return;

  wait = mix_timer_get_time_to_next_change (self->timer);
  if (wait < 0)
    return;
  /* A millisecond late rather than early, so the new second is there. */
  self->tick_id = g_timeout_add_full (G_PRIORITY_HIGH, (guint) (wait / 1000) + 1, tick_cb, self, NULL);
}

static void
on_timer_state_cb (MixTimer       *timer,
                   GParamSpec     *pspec,
                   MixSessionPage *self)
{
  refresh (self);
  schedule_tick (self);
}

static void
notify_if_away (MixSessionPage *self,
                const char     *title,
                const char     *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GApplication *app = g_application_get_default ();
  g_autoptr(GNotification) notification = NULL;

  if (app == NULL || (GTK_IS_WINDOW (root) && gtk_window_is_active (GTK_WINDOW (root))))
    return;

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_default_action (notification, "app.activate");
  g_application_send_notification (app, "session-phase", notification);
}

static void
play_chime (MixSessionPage *self)
{
  if (self->settings != NULL && !g_settings_get_boolean (self->settings, "phase-chime"))
    return;

  if (self->chime == NULL)
    self->chime = gtk_media_file_new_for_resource (RESOURCE_BASE "/sounds/chime.wav");
  gtk_media_stream_seek (self->chime, 0);
  gtk_media_stream_play (self->chime);
}

static void
on_phase_ended_cb (MixTimer       *timer,
                   MixPhase        phase,
                   MixSessionPage *self)
{
  g_autofree char *title = NULL;
  const char *body;

  play_chime (self);
  /* Translators: %s is a phase, such as Introductions. */
  title = g_strdup_printf (_("Time is up for %s"), _(mix_guide_get_phase (phase)->title));
  body = phase + 1 < MIX_N_PHASES ? _(mix_guide_get_phase (phase + 1)->title)
                                  : _("Time to close the session");
  notify_if_away (self, title, body);
}

/* Plan */

static void
update_plan_total (MixSessionPage *self)
{
  guint total = mix_timer_get_planned_total (self->timer);
  g_autofree char *text = NULL;

  if (total == MIX_GUIDE_SESSION_MINUTES)
    text = g_strdup_printf (_("Total: %u minutes, the length of a circle."), total);
  else if (total > MIX_GUIDE_SESSION_MINUTES)
    /* Translators: the plan's total minutes and how far over the 30-minute slot it goes. */
    text = g_strdup_printf (_("Total: %u minutes, %u over the %u-minute slot."),
                            total, total - MIX_GUIDE_SESSION_MINUTES, MIX_GUIDE_SESSION_MINUTES);
  else
    text = g_strdup_printf (_("Total: %u minutes, %u under the %u-minute slot."),
                            total, MIX_GUIDE_SESSION_MINUTES - total, MIX_GUIDE_SESSION_MINUTES);
  adw_preferences_group_set_description (self->plan_group, text);

  for (guint p = 0; p < MIX_N_PHASES; p++)
    {
      const MixPhaseInfo *info = mix_guide_get_phase (p);
      guint minutes = mix_timer_get_planned_minutes (self->timer, p);

      gtk_widget_set_visible (self->plan_warnings[p],
                              minutes < info->min_minutes || minutes > info->max_minutes);
    }
}

static void
on_plan_spin_changed_cb (GtkSpinButton  *spin,
                         MixSessionPage *self)
{
  for (guint p = 0; p < MIX_N_PHASES; p++)
    if (self->plan_spins[p] == spin)
      mix_timer_set_planned_minutes (self->timer, p, (guint) gtk_spin_button_get_value_as_int (spin));

  update_plan_total (self);
  refresh (self);
}

static void
build_plan (MixSessionPage *self)
{
  for (guint p = 0; p < MIX_N_PHASES; p++)
    {
      const MixPhaseInfo *info = mix_guide_get_phase (p);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (1, 30, 1);
      GtkWidget *warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      g_autofree char *subtitle = NULL;
      g_autofree char *title = NULL;

      if (info->min_minutes == info->max_minutes)
        /* Translators: what the guide recommends for a phase. */
        subtitle = g_strdup_printf (_("The guide suggests %u minutes"), info->min_minutes);
      else
        subtitle = g_strdup_printf (_("The guide suggests %u–%u minutes"),
                                    info->min_minutes, info->max_minutes);
      /* Row titles are markup: "Close Out & Next Steps" needs escaping. */
      title = g_markup_escape_text (_(info->title), -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      gtk_widget_set_tooltip_text (warning, _("Outside what the guide suggests"));
      gtk_widget_add_css_class (warning, "plan-out-of-range");
      gtk_accessible_update_property (GTK_ACCESSIBLE (warning),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Outside what the guide suggests"),
                                      -1);
      gtk_widget_set_visible (warning, FALSE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), warning);

      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), mix_timer_get_planned_minutes (self->timer, p));
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->title),
                                      -1);
      g_signal_connect (spin, "value-changed", G_CALLBACK (on_plan_spin_changed_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);

      self->plan_spins[p] = GTK_SPIN_BUTTON (spin);
      self->plan_warnings[p] = warning;
      adw_preferences_group_add (self->plan_group, row);
    }
  update_plan_total (self);
}

/* Actions */

static void
toggle_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MixSessionPage *self = MIX_SESSION_PAGE (widget);

  if (mix_timer_get_state (self->timer) == MIX_TIMER_FINISHED)
    mix_timer_reset (self->timer);
  mix_timer_toggle (self->timer);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  mix_timer_next_phase (MIX_SESSION_PAGE (widget)->timer);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  mix_timer_previous_phase (MIX_SESSION_PAGE (widget)->timer);
}

static void
add_minute_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MixSessionPage *self = MIX_SESSION_PAGE (widget);

  mix_timer_add_minute (self->timer);
  refresh (self);
  schedule_tick (self);
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  mix_timer_reset (MIX_SESSION_PAGE (widget)->timer);
}

static void
set_presenting (MixSessionPage *self,
                gboolean        presenting)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), MIX_TYPE_WINDOW);

  gtk_stack_set_visible_child_name (self->mode_stack, presenting ? "presentation" : "normal");
  if (window != NULL)
    mix_window_set_presenting (MIX_WINDOW (window), presenting);
}

static gboolean
is_presenting (MixSessionPage *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->mode_stack), "presentation") == 0;
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MixSessionPage *self = MIX_SESSION_PAGE (widget);

  set_presenting (self, !is_presenting (self));
}

static void
leave_presentation_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  MixSessionPage *self = MIX_SESSION_PAGE (widget);

  if (is_presenting (self))
    set_presenting (self, FALSE);
}

/* Construction */

static void
mix_session_page_map (GtkWidget *widget)
{
  MixSessionPage *self = MIX_SESSION_PAGE (widget);

  GTK_WIDGET_CLASS (mix_session_page_parent_class)->map (widget);

  /* The time went on while the page was hidden. */
  mix_timer_update (self->timer);
  refresh (self);
  schedule_tick (self);
}

static void
mix_session_page_unmap (GtkWidget *widget)
{
  MixSessionPage *self = MIX_SESSION_PAGE (widget);

  g_clear_handle_id (&self->tick_id, g_source_remove);

  GTK_WIDGET_CLASS (mix_session_page_parent_class)->unmap (widget);
}

static void
mix_session_page_dispose (GObject *object)
{
  MixSessionPage *self = MIX_SESSION_PAGE (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->timer != NULL)
    g_signal_handlers_disconnect_by_data (self->timer, self);
  /* The stack is both the bin's child and a template child: the bin lets
   * go of it first, so that it is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIX_TYPE_SESSION_PAGE);
  g_clear_pointer (&self->prompt_rows, g_ptr_array_unref);
  g_clear_object (&self->record);
  g_clear_object (&self->settings);
  g_clear_object (&self->chime);
  g_clear_object (&self->timer);

  G_OBJECT_CLASS (mix_session_page_parent_class)->dispose (object);
}

static void
mix_session_page_class_init (MixSessionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mix_session_page_dispose;
  widget_class->map = mix_session_page_map;
  widget_class->unmap = mix_session_page_unmap;

  g_type_ensure (MIX_TYPE_TIMER_RING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mix-session-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, next_label);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, phase_label);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, plan_group);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, present_next_label);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, present_phase_label);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, present_time_label);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, prompts_group);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, ring);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, session_bar);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, toggle_button);

  gtk_widget_class_install_action (widget_class, "session.toggle", NULL, toggle_action);
  gtk_widget_class_install_action (widget_class, "session.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "session.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "session.add-minute", NULL, add_minute_action);
  gtk_widget_class_install_action (widget_class, "session.reset", NULL, reset_action);
  gtk_widget_class_install_action (widget_class, "session.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "session.leave-presentation", NULL,
                                   leave_presentation_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "session.toggle", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_CONTROL_MASK,
                                       "session.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_CONTROL_MASK,
                                       "session.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK,
                                       "session.add-minute", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "session.reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "session.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "session.leave-presentation", NULL);
}

static void
mix_session_page_init (MixSessionPage *self)
{
  GtkWidget *box;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->shown_prompts = -1;
  self->prompt_rows = g_ptr_array_new ();
  self->timer = mix_timer_new ();

  self->toggle_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_mnemonic_widget (self->toggle_label, GTK_WIDGET (self->toggle_button));
  gtk_button_set_child (self->toggle_button, GTK_WIDGET (self->toggle_label));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  self->time_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->time_label), "timer-time");
  gtk_widget_add_css_class (GTK_WIDGET (self->time_label), "numeric");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->time_label));
  mix_timer_ring_set_child (self->ring, box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->ring),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Time Left in This Phase"),
                                  -1);

  g_signal_connect (self->timer, "notify::state", G_CALLBACK (on_timer_state_cb), self);
  g_signal_connect (self->timer, "notify::phase", G_CALLBACK (on_timer_state_cb), self);
  g_signal_connect (self->timer, "phase-ended", G_CALLBACK (on_phase_ended_cb), self);

  {
    GtkWidget *frame = gtk_frame_new (NULL);
    GtkWidget *view = gtk_text_view_new ();
    GtkWidget *page_box = gtk_widget_get_parent (GTK_WIDGET (self->prompts_group));

    self->notes_group = adw_preferences_group_new ();
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->notes_group), _("Notes"));
    gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
    gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
    gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
    gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
    gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
    gtk_widget_set_size_request (view, -1, 100);
    gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Notes for this phase"),
                                    -1);
    gtk_frame_set_child (GTK_FRAME (frame), view);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->notes_group), frame);
    gtk_box_insert_child_after (GTK_BOX (page_box), self->notes_group, GTK_WIDGET (self->prompts_group));
    gtk_widget_set_visible (self->notes_group, FALSE);
    self->notes_view = GTK_TEXT_VIEW (view);
    g_signal_connect (gtk_text_view_get_buffer (self->notes_view), "changed",
                      G_CALLBACK (on_notes_changed_cb), self);
  }

  build_plan (self);
  refresh (self);
}
