/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mix-accessible.h"
#include "mix-circle.h"
#include "mix-guide.h"
#include "mix-session-page-private.h"
#include "mix-split-box.h"
#include "mix-toast.h"

/**
 * MixSessionPage:
 *
 * The facilitator's timer for a 30-minute circle, arranged from its
 * sections: the clock and its controls, the phase's prompts, Close Out,
 * the roster, the notes, the plan, and the past sessions; and a
 * presentation mode for a shared screen, which the window follows through
 * #MixSessionPage:presenting.
 *
 * The display is refreshed when the shown time changes, aligned to the
 * second, and not at all while the timer is paused or the page is hidden:
 * the time itself is always computed by the #MixTimer from the clock.
 */

G_DEFINE_FINAL_TYPE (MixSessionPage, mix_session_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PRESENTING,
  PROP_FACILITATOR_LAST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void on_timer_changed_cb     (MixTimer       *timer,
                                     MixSessionPage *self);
static void on_root_focus_notify_cb (GtkRoot        *root,
                                     GParamSpec     *pspec,
                                     MixSessionPage *self);

/**
 * mix_session_page_set_history:
 * @history: the window's changes: the page's go there, for Undo
 */
void
mix_session_page_set_history (MixSessionPage *self,
                              MixHistory     *history)
{
  g_return_if_fail (MIX_IS_SESSION_PAGE (self));
  g_return_if_fail (history == NULL || MIX_IS_HISTORY (history));

  g_set_object (&self->history, history);
  mix_session_roster_set_history (self->roster, history);
  mix_session_plan_set_history (self->plan, history);
}

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

/**
 * mix_session_page_get_presenting:
 *
 * Returns: whether the page shows its presentation mode, for which the
 *   window shows only the page, full screen
 */
gboolean
mix_session_page_get_presenting (MixSessionPage *self)
{
  g_return_val_if_fail (MIX_IS_SESSION_PAGE (self), FALSE);
  return self->presenting;
}

/**
 * mix_session_page_set_presenting:
 *
 * Shows the presentation mode, or the normal page.
 */
void
mix_session_page_set_presenting (MixSessionPage *self,
                                 gboolean        presenting)
{
  g_return_if_fail (MIX_IS_SESSION_PAGE (self));

  presenting = !!presenting;
  gtk_stack_set_visible_child_name (self->mode_stack, presenting ? "presentation" : "normal");
  if (presenting != self->presenting)
    {
      self->presenting = presenting;
      mix_session_page_refresh (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTING]);
    }
  /* The focus goes with the view, so that the keyboard has somewhere to be:
   * on the way out, and then back where presenting started. */
  if (presenting)
    mix_session_presentation_focus (self->presentation);
  else
    mix_session_clock_focus_present (self->clock);
}

void
mix_session_page_toast (MixSessionPage *self,
                        const char     *text)
{
  mix_show_toast (GTK_WIDGET (self), adw_toast_new (text));
}

gboolean
mix_session_page_is_writable (MixSessionPage *self)
{
  return self->store == NULL || !mix_store_is_read_only (self->store, MIX_DOMAIN_SESSIONS);
}

/* Sets every field, check and button below @widget that changes the
 * session as @sensitive, but those that call an action. */
static void
set_fields_sensitive (GtkWidget *widget,
                      gboolean   sensitive)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_CHECK_BUTTON (child) || GTK_IS_SWITCH (child) || GTK_IS_SPIN_BUTTON (child) ||
          ADW_IS_ENTRY_ROW (child) || ADW_IS_COMBO_ROW (child) || GTK_IS_MENU_BUTTON (child) ||
          (GTK_IS_BUTTON (child) && gtk_actionable_get_action_name (GTK_ACTIONABLE (child)) == NULL))
        gtk_widget_set_sensitive (child, sensitive);
      else
        set_fields_sensitive (child, sensitive);
    }
}

/* With sessions.json read-only (a newer version of the app wrote it, or it
 * may not be read), nothing can be entered that would be lost at quit:
 * the phase's fields, checks and notes, and the plan, are greyed out. The
 * timer, the tracker, and the ways to the other pages, still work. */
static void
update_sensitivity (MixSessionPage *self)
{
  gboolean writable = mix_session_page_is_writable (self);

  set_fields_sensitive (GTK_WIDGET (self->prompts), writable);
  set_fields_sensitive (GTK_WIDGET (self->close_out), writable);
  set_fields_sensitive (GTK_WIDGET (self->roster), writable);
  set_fields_sensitive (GTK_WIDGET (self->plan), writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.finish", writable);
  mix_session_notes_set_writable (self->notes, writable);
  mix_session_roster_set_writable (self->roster, writable);
  mix_session_plan_set_writable (self->plan, writable);
}

/* Shows the phase's sections for the session in progress. */
static const MixPerson *
find_person (MixSessionRecord *record,
             const char       *name)
{
  guint n = mix_session_record_get_n_people (record);

  for (guint i = 0; i < n; i++)
    {
      const MixPerson *person = mix_session_record_get_person (record, i);

      if (g_str_equal (person->name, name))
        return person;
    }
  return NULL;
}

/**
 * mix_session_page_update_speakers:
 *
 * Gives Introductions' turns the people of the roster: in the order they
 * had (a shuffle is kept), those newly added after them in the roster's
 * order, and with #MixSessionPage:facilitator-last whoever leads the
 * group at the end.
 */
void
mix_session_page_update_speakers (MixSessionPage *self)
{
  GPtrArray *order = mix_timer_get_speakers (self->timer);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) leaders = g_ptr_array_new ();
  guint n = self->record != NULL ? mix_session_record_get_n_people (self->record) : 0;

  for (guint i = 0; i < order->len + n; i++)
    {
      const MixPerson *person = i < order->len ? find_person (self->record, order->pdata[i])
                                               : mix_session_record_get_person (self->record,
                                                                                i - order->len);
      gboolean seen = FALSE;

      if (person == NULL)
        continue;
      for (guint j = 0; j < names->len && !seen; j++)
        seen = g_str_equal (names->pdata[j], person->name);
      for (guint j = 0; j < leaders->len && !seen; j++)
        seen = g_str_equal (leaders->pdata[j], person->name);
      if (!seen)
        g_ptr_array_add (self->facilitator_last && person->leader ? leaders : names, person->name);
    }
  for (guint i = 0; i < leaders->len; i++)
    g_ptr_array_add (names, leaders->pdata[i]);
  g_ptr_array_add (names, NULL);
  mix_timer_set_speakers (self->timer, (const char * const *) names->pdata);
}

static void
show_phase (MixSessionPage *self,
            MixPhase        phase)
{
  gboolean close_out = self->record != NULL && phase == MIX_PHASE_CLOSE_OUT;

  if (self->shown_phase == (int) phase)
    return;
  self->shown_phase = (int) phase;

  mix_session_prompts_show (self->prompts, self->record, phase);
  if (close_out)
    mix_session_close_out_set_record (self->close_out, self->record);
  gtk_widget_set_visible (GTK_WIDGET (self->close_out), close_out);
  mix_session_roster_set_record (self->roster, self->record);
  mix_session_roster_rebuild (self->roster);
  gtk_widget_set_visible (GTK_WIDGET (self->roster), self->record != NULL);
  mix_session_notes_show (self->notes, self->record, phase);
  gtk_widget_set_visible (GTK_WIDGET (self->notes), self->record != NULL);
  mix_session_page_update_speakers (self);
  update_sensitivity (self);
  mix_accessible_name_lists (GTK_WIDGET (self));
}

/* After a rebuild, once it is laid out: the page is where it was, and the
 * focus back in the roster's form if a person was just added there. */
static gboolean
restore_scroll_idle_cb (gpointer data)
{
  MixSessionPage *self = data;

  self->scroll_idle = 0;
  if (self->kept_scroll >= 0)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller),
                              self->kept_scroll);
  self->kept_scroll = -1;
  /* The name kept the focus through the rebuild, or took it back: it is
   * brought into view as a newly focused widget is. */
  if (mix_session_roster_take_focus (self->roster))
    on_root_focus_notify_cb (gtk_widget_get_root (GTK_WIDGET (self)), NULL, self);
  return G_SOURCE_REMOVE;
}

/* At the next frame, after its layout and drawing: the sections kept their
 * widgets, and where they are now is known only then. */
static gboolean
restore_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *frame_clock,
                 gpointer       user_data)
{
  MixSessionPage *self = MIX_SESSION_PAGE (widget);

  self->restore_tick = 0;
  if (self->scroll_idle == 0)
    self->scroll_idle = g_idle_add_full (GDK_PRIORITY_REDRAW + 10, restore_scroll_idle_cb,
                                         self, NULL);
  return G_SOURCE_REMOVE;
}

static void
schedule_restore (MixSessionPage *self)
{
  if (self->restore_tick != 0 || self->scroll_idle != 0)
    return;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->restore_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), restore_tick_cb,
                                                       NULL, NULL);
  else
    self->scroll_idle = g_idle_add_full (GDK_PRIORITY_REDRAW + 10, restore_scroll_idle_cb,
                                         self, NULL);
}

static gboolean
holds_focus (GtkWidget *section,
             GtkWidget *focus)
{
  return focus != NULL && (focus == section || gtk_widget_is_ancestor (focus, section));
}

/* The roster and Close Out are shown anew: a focused row taken away
 * sends the focus where GTK sends it from a group taken away, to the first
 * widget of the page, rather than to the first row left in the list. */
static void
let_go_of_focus (MixSessionPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (!holds_focus (GTK_WIDGET (self->roster), focus) &&
      !holds_focus (GTK_WIDGET (self->close_out), focus))
    return;
  gtk_widget_set_focus_child (gtk_widget_get_parent (GTK_WIDGET (self->roster)), NULL);
}

static gboolean
rebuild_phase_idle_cb (gpointer data)
{
  MixSessionPage *self = data;
  int phase = self->shown_phase;

  self->phase_idle = 0;
  self->shown_phase = -1;
  self->kept_scroll = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scroller));
  let_go_of_focus (self);
  show_phase (self, phase < 0 ? MIX_PHASE_INTRODUCTIONS : (MixPhase) phase);
  schedule_restore (self);
  return G_SOURCE_REMOVE;
}

/* Shows the phase's sections again, from an idle: the change comes from a
 * button or check box of a section, which must not be destroyed in the
 * middle of its own signal. */
void
mix_session_page_rebuild_phase (MixSessionPage *self)
{
  if (self->phase_idle == 0)
    self->phase_idle = g_idle_add (rebuild_phase_idle_cb, self);
}

static void
on_prompts_changed_cb (MixSessionPrompts *prompts,
                       MixSessionPage    *self)
{
  mix_session_page_rebuild_phase (self);
}

static void
on_roster_changed_cb (MixSessionRoster *roster,
                      MixSessionPage   *self)
{
  mix_session_page_rebuild_phase (self);
}

static void
on_plan_changed_cb (MixSessionPlan *plan,
                    MixSessionPage *self)
{
  mix_session_page_refresh (self);
}

static void
on_read_only_changed_cb (MixStore       *store,
                         int             domain,
                         MixSessionPage *self)
{
  if (domain == MIX_DOMAIN_SESSIONS)
    update_sensitivity (self);
}

static void restore_timer (MixSessionPage *self);

/* The session in progress was continued on another computer, and merged
 * in: the page shows that one. */
static void
on_current_session_changed_cb (MixStore       *store,
                               MixSessionPage *self)
{
  g_set_object (&self->record, mix_store_get_current_session (store));
  if (mix_timer_get_state (self->timer) == MIX_TIMER_IDLE)
    restore_timer (self);
  mix_session_page_rebuild_phase (self);
}

/* The session in progress survives closing the app: the timer's state
 * is kept with it, in wall-clock time, and picked up where it was. */
void
mix_session_page_save_timer (MixSessionPage *self)
{
  g_autoptr(JsonNode) state = NULL;

  if (self->record == NULL)
    return;
  state = mix_timer_save_state (self->timer);
  mix_session_record_set_timer_state (self->record, state);
}

static void
on_timer_changed_cb (MixTimer       *timer,
                     MixSessionPage *self)
{
  mix_session_page_save_timer (self);
  /* Fit the Rest and its Undo change the times to come: the clock says
   * so at once. */
  mix_session_page_refresh (self);
}

static void
restore_timer (MixSessionPage *self)
{
  JsonNode *state = mix_session_record_get_timer_state (self->record);
  g_autoptr(GError) error = NULL;

  g_signal_handlers_block_by_func (self->timer, on_timer_changed_cb, self);
  if (mix_timer_get_state (self->timer) != MIX_TIMER_IDLE)
    mix_timer_reset (self->timer);
  if (state != NULL && !mix_timer_restore_state (self->timer, state, &error))
    {
      /* Not dropped in silence: its plan is kept, and the user told. */
      g_message ("The timer of the session in progress could not be restored: %s",
                 error->message);
      if (mix_timer_restore_plan (self->timer, state))
        mix_session_page_toast (self, _("The circle’s timer could not be picked up where it "
                                        "was, so it starts again; its plan, notes and people "
                                        "are kept."));
      else
        mix_session_page_toast (self, _("The circle’s timer could not be picked up where it "
                                        "was, so it starts again; its notes and people are "
                                        "kept."));
    }
  g_signal_handlers_unblock_by_func (self->timer, on_timer_changed_cb, self);
  mix_session_plan_sync (self->plan);

  mix_session_page_update_speakers (self);
  /* What became due while the app was closed happens now, once. */
  mix_timer_update (self->timer);
  mix_session_page_refresh (self);
  mix_session_page_schedule_tick (self);
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
  g_set_object (&self->store, store);
  if (settings != NULL)
    g_settings_bind (settings, "auto-advance", self->timer, "auto-advance", G_SETTINGS_BIND_GET);

  g_set_object (&self->record, mix_store_get_current_session (store));
  restore_timer (self);
  self->shown_phase = -1;
  show_phase (self, mix_timer_get_phase (self->timer));

  g_signal_connect_object (store, "read-only-changed", G_CALLBACK (on_read_only_changed_cb),
                           self, 0);
  g_signal_connect_object (store, "current-session-changed",
                           G_CALLBACK (on_current_session_changed_cb), self, 0);
  update_sensitivity (self);
  mix_session_history_set_store (self->history_section, store);
}

void
mix_session_page_refresh (MixSessionPage *self)
{
  MixTimerState state = mix_timer_get_state (self->timer);
  gboolean going = state == MIX_TIMER_RUNNING || state == MIX_TIMER_PAUSED;
  MixCircleClock clock;

  mix_circle_clock_init (&clock, self->timer);
  mix_session_clock_show (self->clock, &clock);
  mix_session_turns_show (self->turns, self->timer);
  mix_session_presentation_show (self->presentation, &clock);
  if (self->presenting)
    {
      g_autofree char *prompt = mix_circle_phase_prompt (self->record,
                                                         mix_timer_get_phase (self->timer));

      mix_session_presentation_set_prompt (self->presentation, prompt);
    }
  mix_circle_clock_clear (&clock);

  mix_session_plan_set_editable (self->plan, state == MIX_TIMER_IDLE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.next", going);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.previous", going);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.add-minute", going);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.reset", state != MIX_TIMER_IDLE);

  show_phase (self, mix_timer_get_phase (self->timer));
}

/* Ticking: only while running and shown, when the displayed time changes. */

static gboolean
tick_cb (gpointer data)
{
  MixSessionPage *self = data;

  self->tick_id = 0;
  mix_timer_update (self->timer);
  mix_session_page_refresh (self);
  mix_session_page_schedule_tick (self);
  return G_SOURCE_REMOVE;
}

void
mix_session_page_schedule_tick (MixSessionPage *self)
{
  gint64 wait;

  if (self->summary_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->summary_chooser));
  g_clear_object (&self->summary_chooser);
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
  mix_session_page_refresh (self);
  mix_session_page_schedule_tick (self);
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
  g_notification_set_default_action (notification, "app.show-timer");
  g_notification_add_button (notification, _("Show Timer"), "app.show-timer");
  g_application_send_notification (app, "session-phase", notification);
}

/* The chime: full at a phase's end, soft a minute before it. */
static void
play_chime (MixSessionPage *self,
            double          volume)
{
  if (self->settings != NULL && !g_settings_get_boolean (self->settings, "phase-chime"))
    return;

  if (self->chime == NULL)
    self->chime = gtk_media_file_new_for_resource (RESOURCE_BASE "/sounds/chime.wav");
  gtk_media_stream_set_volume (self->chime, volume);
  gtk_media_stream_seek (self->chime, 0);
  gtk_media_stream_play (self->chime);
}

static void
on_warning_cb (MixTimer       *timer,
               MixPhase        phase,
               MixSessionPage *self)
{
  play_chime (self, 0.35);
}

/* Tells a screen reader what just happened. GTK 4.14 can announce; on
 * older GTK the timer's button, which has the focus while a facilitator
 * runs the circle from the keyboard, describes it instead. */
static void
announce (MixSessionPage *self,
          const char     *text)
{
#if GTK_CHECK_VERSION (4, 14, 0)
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_accessible_announce (GTK_ACCESSIBLE (self), text,
                           GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
  G_GNUC_END_IGNORE_DEPRECATIONS
#endif
  mix_session_clock_describe (self->clock, text);
}

static void
on_phase_ended_cb (MixTimer       *timer,
                   MixPhase        phase,
                   MixSessionPage *self)
{
  g_autofree char *title = NULL;
  g_autofree char *spoken = NULL;
  const char *body;

  play_chime (self, 1.0);
  /* Translators: %s is a phase, such as Introductions. */
  title = g_strdup_printf (_("Time is up for %s"), _(mix_guide_get_phase (phase)->title));
  body = phase + 1 < MIX_N_PHASES ? _(mix_guide_get_phase (phase + 1)->title)
                                  : _("Time to close the session");
  notify_if_away (self, title, body);
  /* Translators: said by a screen reader when a phase's time is up,
   * e.g. "Time is up for Introductions. Next: Leaders Share" */
  spoken = g_strdup_printf (_("%s. Next: %s"), title, body);
  announce (self, spoken);
}

static void
on_phase_changed_cb (MixTimer       *timer,
                     MixPhase        phase,
                     MixSessionPage *self)
{
  guint minutes = mix_timer_get_planned_minutes (timer, phase);
  g_autofree char *spoken = NULL;

  /* Translators: said by a screen reader when a phase begins,
   * e.g. "Now: Leaders Share, 8 minutes" */
  spoken = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Now: %s, %u minute",
                                         "Now: %s, %u minutes", minutes),
                            _(mix_guide_get_phase (phase)->title), minutes);
  announce (self, spoken);
}

/* Construction */

/* The page follows the focus, as a viewport does, but not into a
 * drop-down's list: the viewport brought the list of an open drop-down
 * into view, the page moved under the pointer, and the next click landed
 * on the wrong row. A focus that goes back to a row in view moves nothing. */
static void
on_root_focus_notify_cb (GtkRoot        *root,
                         GParamSpec     *pspec,
                         MixSessionPage *self)
{
  GtkWidget *focus = gtk_root_get_focus (root);
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scroller);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_rect_t bounds;
  double page_size = gtk_adjustment_get_page_size (adjustment);
  double value = gtk_adjustment_get_value (adjustment);

  if (focus == NULL || viewport == NULL || !gtk_widget_is_ancestor (focus, viewport) ||
      gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL ||
      !gtk_widget_compute_bounds (focus, viewport, &bounds))
    return;
  if (bounds.origin.y < 0)
    gtk_adjustment_set_value (adjustment, value + bounds.origin.y);
  else if (bounds.origin.y + bounds.size.height > page_size)
    gtk_adjustment_set_value (adjustment,
                              value + MIN (bounds.origin.y,
                                           bounds.origin.y + bounds.size.height - page_size));
}

static void
mix_session_page_map (GtkWidget *widget)
{
  MixSessionPage *self = MIX_SESSION_PAGE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (mix_session_page_parent_class)->map (widget);

  root = gtk_widget_get_root (widget);
  if (root != NULL && root != self->focus_root)
    {
      GtkWidget *viewport = gtk_scrolled_window_get_child (self->scroller);

      if (GTK_IS_VIEWPORT (viewport))
        gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), FALSE);
      self->focus_root = root;
      g_signal_connect_object (root, "notify::focus-widget",
                               G_CALLBACK (on_root_focus_notify_cb), self, 0);
    }

  /* The time went on while the page was hidden. */
  mix_timer_update (self->timer);
  mix_session_page_refresh (self);
  mix_session_page_schedule_tick (self);
}

static void
mix_session_page_unmap (GtkWidget *widget)
{
  MixSessionPage *self = MIX_SESSION_PAGE (widget);

  g_clear_handle_id (&self->tick_id, g_source_remove);

  GTK_WIDGET_CLASS (mix_session_page_parent_class)->unmap (widget);
}

static void
mix_session_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MixSessionPage *self = MIX_SESSION_PAGE (object);

  switch (prop_id)
    {
    case PROP_PRESENTING:
      g_value_set_boolean (value, self->presenting);
      break;
    case PROP_FACILITATOR_LAST:
      g_value_set_boolean (value, self->facilitator_last);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mix_session_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MixSessionPage *self = MIX_SESSION_PAGE (object);

  switch (prop_id)
    {
    case PROP_PRESENTING:
      mix_session_page_set_presenting (self, g_value_get_boolean (value));
      break;
    case PROP_FACILITATOR_LAST:
      if (self->facilitator_last != g_value_get_boolean (value))
        {
          self->facilitator_last = g_value_get_boolean (value);
          mix_session_page_update_speakers (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mix_session_page_dispose (GObject *object)
{
  MixSessionPage *self = MIX_SESSION_PAGE (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->phase_idle, g_source_remove);
  g_clear_handle_id (&self->scroll_idle, g_source_remove);
  if (self->restore_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->restore_tick);
  self->restore_tick = 0;
  if (self->timer != NULL)
    g_signal_handlers_disconnect_by_data (self->timer, self);
  /* The stack is both the bin's child and a template child: the bin lets
   * go of it first, so that it is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIX_TYPE_SESSION_PAGE);
  g_clear_object (&self->record);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->history);
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
  object_class->get_property = mix_session_page_get_property;
  object_class->set_property = mix_session_page_set_property;
  widget_class->map = mix_session_page_map;
  widget_class->unmap = mix_session_page_unmap;

  /**
   * MixSessionPage:presenting:
   *
   * Whether the page shows its presentation mode: the window shows only
   * the page then, full screen.
   */
  properties[PROP_PRESENTING] =
    g_param_spec_boolean ("presenting", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * MixSessionPage:facilitator-last:
   *
   * Whether whoever leads the group speaks last in Introductions' turns.
   */
  properties[PROP_FACILITATOR_LAST] =
    g_param_spec_boolean ("facilitator-last", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MIX_TYPE_SPLIT_BOX);
  g_type_ensure (MIX_TYPE_SESSION_CLOCK);
  g_type_ensure (MIX_TYPE_SESSION_CLOSE_OUT);
  g_type_ensure (MIX_TYPE_SESSION_HISTORY);
  g_type_ensure (MIX_TYPE_SESSION_NOTES);
  g_type_ensure (MIX_TYPE_SESSION_PLAN);
  g_type_ensure (MIX_TYPE_SESSION_PRESENTATION);
  g_type_ensure (MIX_TYPE_SESSION_PROMPTS);
  g_type_ensure (MIX_TYPE_SESSION_ROSTER);
  g_type_ensure (MIX_TYPE_SESSION_TURNS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/session/mix-session-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, clock);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, close_out);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, history_section);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, notes);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, plan);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, presentation);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, prompts);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, roster);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, turns);
  gtk_widget_class_bind_template_callback (widget_class, on_plan_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_prompts_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_roster_changed_cb);

  mix_session_page_class_add_actions (widget_class);
}

static void
mix_session_page_init (MixSessionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->shown_phase = -1;
  self->kept_scroll = -1;
  self->facilitator_last = TRUE;
  self->timer = mix_timer_new ();
  mix_session_page_add_shortcuts (self);

  g_signal_connect (self->timer, "notify::state", G_CALLBACK (on_timer_state_cb), self);
  g_signal_connect (self->timer, "notify::phase", G_CALLBACK (on_timer_state_cb), self);
  g_signal_connect (self->timer, "phase-ended", G_CALLBACK (on_phase_ended_cb), self);
  g_signal_connect (self->timer, "phase-changed", G_CALLBACK (on_phase_changed_cb), self);
  g_signal_connect (self->timer, "warning", G_CALLBACK (on_warning_cb), self);
  g_signal_connect (self->timer, "changed", G_CALLBACK (on_timer_changed_cb), self);

  mix_session_plan_set_timer (self->plan, self->timer);
  mix_session_page_refresh (self);
}
