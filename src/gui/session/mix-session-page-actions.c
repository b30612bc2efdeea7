/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mix-circle.h"
#include "mix-session-page-private.h"
#include "mix-toast.h"
#include "mix-tracker-changes.h"

/* The Session page's actions: the timer's controls, Reset, presentation
 * mode, and Close Out's buttons. */

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
next_speaker_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MixSessionPage *self = MIX_SESSION_PAGE (widget);

  if (!mix_timer_next_speaker (self->timer))
    gtk_widget_error_bell (widget);
}

/* A new order for those still to speak; the facilitator stays last. */
static void
shuffle_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MixSessionPage *self = MIX_SESSION_PAGE (widget);
  GPtrArray *speakers = mix_timer_get_speakers (self->timer);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  MixTurn turn;
  guint first = 0;

  if (mix_timer_get_turn (self->timer, &turn))
    first = MIN (turn.index + 1, turn.n);
  for (guint i = 0; i < speakers->len; i++)
    g_ptr_array_add (order, g_strdup (speakers->pdata[i]));
  for (guint i = order->len; i > first + 1; i--)
    {
      guint j = first + (guint) g_random_int_range (0, (gint32) (i - first));
      gpointer swap = order->pdata[i - 1];

      order->pdata[i - 1] = order->pdata[j];
      order->pdata[j] = swap;
    }
  g_ptr_array_add (order, NULL);
  mix_timer_set_speakers (self->timer, (const char * const *) order->pdata);
  mix_session_page_update_speakers (self);
}

static void
add_minute_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MixSessionPage *self = MIX_SESSION_PAGE (widget);

  /* The timer's "changed" refreshes the clock; the ticks follow the new
   * time. */
  mix_timer_add_minute (self->timer);
  mix_session_page_schedule_tick (self);
}

static void
on_reset_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      MixSessionPage   *self)
{
  if (g_str_equal (response, "cancel"))
    return;
  mix_timer_reset (self->timer);
  if (g_str_equal (response, "clear") && self->record != NULL &&
      mix_session_page_is_writable (self))
    mix_session_roster_clear (self->roster);
}

/* libadwaita 1.2's response buttons are named twice on GTK 4.8 (their
 * label, and the mnemonic label that labels them): each is named once. */
static void
name_response_buttons (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = GTK_IS_BUTTON (child) ? gtk_button_get_child (GTK_BUTTON (child)) : NULL;

      if (label != NULL && GTK_IS_LABEL (label))
        {
          gtk_accessible_reset_relation (GTK_ACCESSIBLE (child),
                                         GTK_ACCESSIBLE_RELATION_LABELLED_BY);
          gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          gtk_label_get_text (GTK_LABEL (label)), -1);
        }
      else
        name_response_buttons (child);
    }
}

/* Reset starts the circle's time again. The group may be the same people
 * starting over, or the next circle: Reset asks, when there is a group. */
static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  MixSessionPage *self = MIX_SESSION_PAGE (widget);
  guint n = self->record != NULL ? mix_session_record_get_n_people (self->record) : 0;
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  if (n == 0 || !mix_session_page_is_writable (self))
    {
      mix_timer_reset (self->timer);
      return;
    }

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The time starts again. %u person is on the roster: keep them for this circle, or clear the roster for the next one.",
                                       "The time starts again. %u people are on the roster: keep them for this circle, or clear the roster for the next one.",
                                       n),
                          n);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Reset the Timer?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "clear", _("C_lear the Roster"),
                                    "keep", _("_Keep the Roster"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "clear",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  name_response_buttons (dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reset_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Fit the Rest, for Undo: the fitted times before and after. */
typedef struct
{
  GWeakRef page;
  gint64   before[MIX_N_PHASES];
  gint64   after[MIX_N_PHASES];
} FitChange;

static void
fit_change_free (gpointer data)
{
  FitChange *change = data;

  g_weak_ref_clear (&change->page);
  g_free (change);
}

static gboolean
set_fitted (FitChange    *change,
            const gint64 *fitted)
{
  g_autoptr(MixSessionPage) page = g_weak_ref_get (&change->page);
  MixTimerState state;

  if (page == NULL)
    return FALSE;
  state = mix_timer_get_state (page->timer);
  if (state != MIX_TIMER_RUNNING && state != MIX_TIMER_PAUSED)
    return FALSE;
  mix_timer_set_fitted (page->timer, fitted);
  return TRUE;
}

static gboolean
undo_fit (gpointer data)
{
  FitChange *change = data;
  return set_fitted (change, change->before);
}

static gboolean
redo_fit (gpointer data)
{
  FitChange *change = data;
  return set_fitted (change, change->after);
}

/**
 * mix_session_page_fit:
 *
 * Fit the Rest, as the preview's Fit button does it: worked out again
 * (the time went on while the preview was open), applied, and undoable.
 */
void
mix_session_page_fit (MixSessionPage *self)
{
  FitChange *change;
  gint64 durations[MIX_N_PHASES];


  if (!mix_timer_plan_fit (self->timer, durations))
    {
      mix_session_page_toast (self, _("Too little time is left to fit the rest of the circle."));
      return;
    }

  change = g_new0 (FitChange, 1);
  g_weak_ref_init (&change->page, self);
  mix_timer_get_fitted (self->timer, change->before);
  memcpy (change->after, durations, sizeof durations);
  for (guint p = 0; p <= mix_timer_get_phase (self->timer); p++)
    change->after[p] = change->before[p];
  if (!mix_timer_set_fitted (self->timer, change->after))
    {
      fit_change_free (change);
      return;
    }
  if (self->history != NULL)
    mix_history_push (self->history, _("Fitted the rest of the circle"), undo_fit, redo_fit,
                      change, fit_change_free);
  else
    fit_change_free (change);
  mix_session_clock_focus_toggle (self->clock);
  mix_show_undo_toast (GTK_WIDGET (self), self->history,
                       _("The rest of the circle now ends at 30:00"));
}

static void
on_fit_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    MixSessionPage   *self)
{
  if (g_str_equal (response, "fit"))
    mix_session_page_fit (self);
}

/**
 * mix_session_page_fit_preview:
 *
 * Returns: (transfer full) (nullable): what Fit the Rest would do, a line
 *   for each phase to come with its time now and after, or %NULL when
 *   there is nothing to fit
 */
char *
mix_session_page_fit_preview (MixSessionPage *self)
{
  gint64 durations[MIX_N_PHASES];
  gint64 offset = mix_timer_get_end_offset (self->timer);
  GString *body;
  g_autofree char *amount = NULL;
  gboolean outside = FALSE;

  if (!mix_timer_plan_fit (self->timer, durations))
    return NULL;

  body = g_string_new (NULL);
  amount = mix_circle_format_duration (ABS (offset) + G_USEC_PER_SEC / 2);
  if (offset > 0)
    /* Translators: %s is a time such as 3:00. */
    g_string_append_printf (body, _("The circle runs %s behind. So that it ends at 30:00:"), amount);
  else
    /* Translators: %s is a time such as 3:00. */
    g_string_append_printf (body, _("The circle runs %s ahead. So that it ends at 30:00:"), amount);
  g_string_append_c (body, '\n');
  for (guint p = mix_timer_get_phase (self->timer) + 1; p < MIX_N_PHASES; p++)
    {
      const MixPhaseInfo *info = mix_guide_get_phase ((MixPhase) p);
      g_autofree char *from = mix_circle_format_duration (mix_timer_get_duration (self->timer, p));
      g_autofree char *to = mix_circle_format_duration (durations[p]);

      g_string_append_c (body, '\n');
      /* Translators: a phase, its time now and the time it would have, such as
       * “Leaders Share: 8:00 → 7:09”. */
      g_string_append_printf (body, _("%s: %s → %s"), _(info->title), from, to);
      outside |= durations[p] < (gint64) info->min_minutes * 60 * G_USEC_PER_SEC ||
                 durations[p] > (gint64) info->max_minutes * 60 * G_USEC_PER_SEC;
    }
  if (outside)
    {
      g_string_append (body, "\n\n");
      g_string_append (body, _("Some of these are outside the times the guide recommends."));
    }
  return g_string_free (body, FALSE);
}

/* Fit the Rest: says what each phase to come would become, and does it
 * when asked. */
static void
fit_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  MixSessionPage *self = MIX_SESSION_PAGE (widget);
  g_autofree char *body = mix_session_page_fit_preview (self);
  GtkWidget *dialog;

  if (body == NULL)
    {
      gtk_widget_error_bell (widget);
      mix_session_page_toast (self, mix_timer_get_phase (self->timer) + 1 >= MIX_N_PHASES
                                    ? _("This is the last phase: there is nothing left to fit.")
                                    : _("Too little time is left to fit the rest of the circle."));
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Fit the Rest?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "fit", _("_Fit"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "fit",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "fit");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  name_response_buttons (dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_fit_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MixSessionPage *self = MIX_SESSION_PAGE (widget);

  mix_session_page_set_presenting (self, !mix_session_page_get_presenting (self));
}

static void
leave_presentation_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  MixSessionPage *self = MIX_SESSION_PAGE (widget);

  if (mix_session_page_get_presenting (self))
    mix_session_page_set_presenting (self, FALSE);
}

/* F11 and Escape work wherever the focus is, on the Session page: in
 * presentation mode there may be nothing focused at all. */
static gboolean
on_present_shortcut_cb (GtkWidget *widget,
                        GVariant  *args,
                        gpointer   user_data)
{
  MixSessionPage *self = MIX_SESSION_PAGE (widget);
  gboolean leave = GPOINTER_TO_INT (user_data);
  gboolean presenting = mix_session_page_get_presenting (self);

  if (!gtk_widget_get_mapped (widget) || (leave && !presenting))
    return FALSE;
  mix_session_page_set_presenting (self, leave ? FALSE : !presenting);
  return TRUE;
}

/* Adds each person of the group to Existing Network, once. */
static void
add_to_tracker_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  MixSessionPage *self = MIX_SESSION_PAGE (widget);
  MixTracker *tracker;
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *message = NULL;

  if (self->store == NULL || self->record == NULL)
    return;
  if (mix_store_is_read_only (self->store, MIX_DOMAIN_TRACKER))
    {
      gtk_widget_error_bell (widget);
      mix_session_page_toast (self, _("The tracker is read-only: nothing was added."));
      return;
    }

  tracker = mix_store_get_tracker (self->store);
  added = mix_circle_new_network_rows (self->record, tracker, date);
  if (added->len == 0)
    {
      mix_session_page_toast (self, mix_session_record_get_n_people (self->record) == 0
                                    ? _("Add the group in Introductions first.")
                                    : _("Everyone is already in your tracker."));
      return;
    }

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Added %u person to Existing Network",
                                          "Added %u people to Existing Network", added->len),
                             added->len);
  mix_tracker_append_rows (tracker, MIX_TAB_EXISTING_NETWORK, added);
  mix_tracker_changes_added (self->history, tracker, added, message);
  mix_show_undo_toast (widget, self->history, message);
}

static void
copy_summary_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MixSessionPage *self = MIX_SESSION_PAGE (widget);
  g_autofree char *summary = NULL;

  if (self->record == NULL)
    return;
  summary = mix_circle_summary (self->record, self->timer);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), summary);
  mix_session_page_toast (self, _("Summary copied: paste it in the group’s chat."));
}

/**
 * mix_session_page_save_summary:
 * @file: where the summary goes
 *
 * Writes the circle's summary as @file and says so, or why not.
 *
 * Returns: whether it was written
 */
gboolean
mix_session_page_save_summary (MixSessionPage *self,
                               GFile          *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  gboolean saved;

  g_return_val_if_fail (MIX_IS_SESSION_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->record == NULL)
    return FALSE;
  summary = mix_circle_summary (self->record, self->timer);
  name = g_file_get_basename (file);
  /* Written beside and moved over the file, never half written. */
  saved = g_file_replace_contents (file, summary, strlen (summary), NULL, FALSE,
                                   G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error);
  if (!saved)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      /* Translators: %s is the file's name, then why it could not be saved. */
      message = g_strdup_printf (_("The summary could not be saved as “%s”: %s"), name,
                                 error->message);
    }
  else
    /* Translators: %s is the file's name. */
    message = g_strdup_printf (_("Summary saved as “%s”"), name);
  mix_session_page_toast (self, message);
  return saved;
}

static void
on_save_summary_response_cb (GtkNativeDialog *chooser,
                             int              response,
                             MixSessionPage  *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->summary_chooser);
  if (file != NULL)
    mix_session_page_save_summary (self, file);
}

static void
save_summary_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MixSessionPage *self = MIX_SESSION_PAGE (widget);
  g_autofree char *date = NULL;
  g_autofree char *name = NULL;
  GtkFileFilter *filter;

  if (self->record == NULL || self->summary_chooser != NULL)
    return;
  self->summary_chooser = gtk_file_chooser_native_new (_("Save Summary"),
                                                       GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       GTK_FILE_CHOOSER_ACTION_SAVE,
                                                       _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->summary_chooser), TRUE);
  date = mix_circle_local_date (mix_session_record_get_started (self->record));
  /* Translators: the summary file's name; %s is the circle's date. */
  name = g_strdup_printf (_("Mix It Up circle %s.md"), date);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->summary_chooser), name);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Markdown"));
  gtk_file_filter_add_mime_type (filter, "text/markdown");
  gtk_file_filter_add_suffix (filter, "md");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->summary_chooser), filter);
  g_object_unref (filter);
  g_signal_connect (self->summary_chooser, "response",
                    G_CALLBACK (on_save_summary_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->summary_chooser));
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MixSessionPage *self = MIX_SESSION_PAGE (widget);

  if (self->store == NULL)
    return;
  if (!mix_store_finish_session (self->store))
    {
      gtk_widget_error_bell (widget);
      mix_session_page_toast (self, _("Sessions are read-only: this one cannot be saved."));
      return;
    }

  g_set_object (&self->record, mix_store_get_current_session (self->store));
  mix_timer_reset (self->timer);
  mix_session_page_save_timer (self);
  mix_session_page_rebuild_phase (self);
  mix_session_page_toast (self, _("Session saved. See it under Past Sessions."));
}

void
mix_session_page_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "session.toggle", NULL, toggle_action);
  gtk_widget_class_install_action (widget_class, "session.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "session.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "session.add-minute", NULL, add_minute_action);
  gtk_widget_class_install_action (widget_class, "session.reset", NULL, reset_action);
  gtk_widget_class_install_action (widget_class, "session.fit", NULL, fit_action);
  gtk_widget_class_install_action (widget_class, "session.next-speaker", NULL, next_speaker_action);
  gtk_widget_class_install_action (widget_class, "session.shuffle", NULL, shuffle_action);
  gtk_widget_class_install_property_action (widget_class, "session.facilitator-last",
                                            "facilitator-last");
  gtk_widget_class_install_action (widget_class, "session.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "session.leave-presentation", NULL,
                                   leave_presentation_action);
  gtk_widget_class_install_action (widget_class, "session.add-to-tracker", NULL,
                                   add_to_tracker_action);
  gtk_widget_class_install_action (widget_class, "session.finish", NULL, finish_action);
  gtk_widget_class_install_action (widget_class, "session.copy-summary", NULL,
                                   copy_summary_action);
  gtk_widget_class_install_action (widget_class, "session.save-summary", NULL,
                                   save_summary_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "session.toggle", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_CONTROL_MASK,
                                       "session.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_CONTROL_MASK,
                                       "session.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK,
                                       "session.add-minute", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "session.reset", NULL);
}

/* Ctrl+Down, Next Speaker, before the scrolled page takes it to scroll
 * (GtkScrolledWindow binds Ctrl and the arrows); text being edited keeps
 * it, and so does the page while nobody speaks. */
static gboolean
on_next_speaker_shortcut_cb (GtkWidget *widget,
                             GVariant  *args,
                             gpointer   user_data)
{
  MixSessionPage *self = MIX_SESSION_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  MixTurn turn;

  if (focus != NULL && (GTK_IS_TEXT (focus) || GTK_IS_TEXT_VIEW (focus)))
    return FALSE;
  if (!mix_timer_get_turn (self->timer, &turn) || turn.speaker == NULL)
    return FALSE;
  return gtk_widget_activate_action (widget, "session.next-speaker", NULL);
}

/* Global: handled by the window, whatever has the focus (see
 * on_present_shortcut_cb()). */
void
mix_session_page_add_shortcuts (MixSessionPage *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                     GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F11, 0),
                      gtk_callback_action_new (on_present_shortcut_cb, GINT_TO_POINTER (FALSE),
                                               NULL)));
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                      gtk_callback_action_new (on_present_shortcut_cb, GINT_TO_POINTER (TRUE),
                                               NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Down, GDK_CONTROL_MASK),
                      gtk_callback_action_new (on_next_speaker_shortcut_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}
