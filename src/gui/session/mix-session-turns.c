/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "mix-circle.h"
#include "mix-session-turns.h"

/**
 * MixSessionTurns:
 *
 * Equal turns in Introductions: who speaks, in order, with the one
 * speaking now, their time left and a Next Speaker button, who has spoken
 * and for how long, and the order's controls (Shuffle, the facilitator
 * last). The buttons call the page's `session.` actions; the rows are
 * made again only when the speakers change, and their subtitles follow
 * the clock.
 */

struct _MixSessionTurns
{
  GtkWidget            parent_instance;

  AdwPreferencesGroup *group;
  GtkWidget           *next_button;
  GPtrArray           *rows;      /* AdwActionRow, one per speaker */
  GStrv                names;     /* the speakers the rows are for */
};

G_DEFINE_FINAL_TYPE (MixSessionTurns, mix_session_turns, GTK_TYPE_WIDGET)

static gboolean
same_speakers (MixSessionTurns *self,
               GPtrArray       *speakers)
{
  if (self->names == NULL || g_strv_length (self->names) != speakers->len)
    return FALSE;
  for (guint i = 0; i < speakers->len; i++)
    if (!g_str_equal (self->names[i], speakers->pdata[i]))
      return FALSE;
  return TRUE;
}

static void
rebuild_rows (MixSessionTurns *self,
              GPtrArray       *speakers)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
  g_clear_pointer (&self->names, g_strfreev);

  self->names = g_new0 (char *, speakers->len + 1);
  for (guint i = 0; i < speakers->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      self->names[i] = g_strdup (speakers->pdata[i]);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), speakers->pdata[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }
}

/* The Next Speaker button goes with the row of whoever speaks. */
static void
move_next_button (MixSessionTurns *self,
                  GtkWidget       *row)
{
  GtkWidget *parent = gtk_widget_get_ancestor (self->next_button, ADW_TYPE_ACTION_ROW);
  gboolean had_focus = gtk_widget_has_focus (self->next_button);

  if (parent == row)
    return;
  g_object_ref (self->next_button);
  if (parent != NULL)
    adw_action_row_remove (ADW_ACTION_ROW (parent), self->next_button);
  if (row != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->next_button);
  g_object_unref (self->next_button);
  /* From one speaker to the next with the keyboard, the focus goes on. */
  if (had_focus && row != NULL)
    gtk_widget_grab_focus (self->next_button);
}

/**
 * mix_session_turns_show:
 * @timer: the circle's timer, with its speakers
 *
 * Shows the turns as they are now; hidden outside Introductions (it is
 * shown before the start, with each person's share) and without speakers.
 */
void
mix_session_turns_show (MixSessionTurns *self,
                        MixTimer        *timer)
{
  GPtrArray *speakers;
  MixTurn turn;
  gboolean going;
  gint64 share;
  g_autofree char *each = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (MIX_IS_SESSION_TURNS (self));
  g_return_if_fail (MIX_IS_TIMER (timer));

  speakers = mix_timer_get_speakers (timer);
  going = mix_timer_get_turn (timer, &turn);
  if (speakers->len == 0 || mix_timer_get_phase (timer) != MIX_PHASE_INTRODUCTIONS ||
      mix_timer_get_state (timer) == MIX_TIMER_FINISHED)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  if (!same_speakers (self, speakers))
    rebuild_rows (self, speakers);

  share = going && turn.speaker != NULL ? turn.share_us
                                        : mix_timer_get_duration (timer, MIX_PHASE_INTRODUCTIONS) /
                                          speakers->len;
  each = mix_circle_format_duration (share);
  /* Translators: how many people share Introductions, and the time of a turn. */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u person, %s each. Each turn shares what is left of the phase.",
                                              "%u people, %s each. Each turn shares what is left of the phase.",
                                              speakers->len),
                                 speakers->len, each);
  adw_preferences_group_set_description (self->group, description);

  for (guint i = 0; i < self->rows->len; i++)
    {
      AdwActionRow *row = self->rows->pdata[i];
      g_autofree char *subtitle = NULL;

      if (going && i == turn.index)
        {
          g_autofree char *left = mix_circle_format_turn (&turn);

          /* Translators: %s is the time left (or over) of this person's turn, such as “0:21 left”. */
          subtitle = g_strdup_printf (_("Speaking, %s"), left);
        }
      else if (going && i < turn.index)
        {
          g_autofree char *spoken =
            mix_circle_format_duration (mix_timer_get_airtime (timer, self->names[i]));

          /* Translators: %s is how long the person spoke, such as “0:40”. */
          subtitle = g_strdup_printf (_("Spoke for %s"), spoken);
        }
      else if (going && i == turn.index + 1)
        subtitle = g_strdup (_("Up next"));
      adw_action_row_set_subtitle (row, subtitle != NULL ? subtitle : "");
      if (going && i == turn.index)
        gtk_widget_add_css_class (GTK_WIDGET (row), "speaking");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (row), "speaking");
    }
  move_next_button (self, going && turn.speaker != NULL ? self->rows->pdata[turn.index] : NULL);
}

static void
mix_session_turns_dispose (GObject *object)
{
  MixSessionTurns *self = MIX_SESSION_TURNS (object);

  if (self->group != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->group));
  self->group = NULL;
  /* Held here while it moves from row to row. */
  g_clear_object (&self->next_button);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_strfreev);

  G_OBJECT_CLASS (mix_session_turns_parent_class)->dispose (object);
}

static void
mix_session_turns_class_init (MixSessionTurnsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mix_session_turns_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
mix_session_turns_init (MixSessionTurns *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *shuffle = gtk_button_new_from_icon_name ("media-playlist-shuffle-symbolic");
  GtkWidget *last_row = adw_action_row_new ();
  GtkWidget *last_switch = gtk_switch_new ();
  GtkWidget *label;

  self->rows = g_ptr_array_new ();
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Turns"));
  gtk_widget_set_parent (GTK_WIDGET (self->group), GTK_WIDGET (self));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (shuffle), "session.shuffle");
  gtk_widget_set_tooltip_text (shuffle, _("Shuffle the Order of Those Still to Speak"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (shuffle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Shuffle the Order"), -1);
  gtk_widget_set_valign (shuffle, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (shuffle, "flat");
  gtk_box_append (GTK_BOX (header), shuffle);
  adw_preferences_group_set_header_suffix (self->group, header);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (last_row), _("Facilitator Goes _Last"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (last_row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (last_row),
                               _("Whoever leads the group speaks after everyone else"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (last_switch), "session.facilitator-last");
  gtk_widget_set_valign (last_switch, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (last_row), last_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (last_row), last_switch);
  adw_preferences_group_add (self->group, last_row);

  label = gtk_label_new_with_mnemonic (_("_Next Speaker"));
  self->next_button = g_object_ref_sink (gtk_button_new ());
  /* A child label, not the button's own: GTK 4.8 would read the name twice. */
  gtk_button_set_child (GTK_BUTTON (self->next_button), label);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->next_button);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->next_button), "session.next-speaker");
  gtk_widget_set_tooltip_text (self->next_button, _("Next Speaker (Ctrl+Down)"));
  gtk_widget_set_valign (self->next_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->next_button, "suggested-action");
}
