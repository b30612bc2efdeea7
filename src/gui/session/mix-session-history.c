/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mix-circle.h"
#include "mix-guide.h"
#include "mix-session-history.h"

/**
 * MixSessionHistory:
 *
 * Past sessions and the goals set in them, the newest first, each goal
 * with its progress counted from the tracker as it is when the page is
 * shown.
 */

/* Past sessions and goals shown before "Show All": a student meets every
 * week, and a year's sessions and goals are a hundred rows, each measured
 * when the page is shown. */
#define HISTORY_FIRST_SHOWN 5

enum {
  FOCUS_GOALS = 1,
  FOCUS_SESSIONS,
};

struct _MixSessionHistory
{
  GtkWidget            parent_instance;

  AdwPreferencesGroup *goals_group;
  AdwPreferencesGroup *sessions_group;

  GPtrArray           *rows;               /* the rows of both groups */
  MixStore            *store;              /* nullable until set */
  gboolean             sessions_expanded;  /* all past sessions shown, not the latest few */
  gboolean             goals_expanded;
  int                  focus;              /* after "Show All": FOCUS_GOALS, FOCUS_SESSIONS or 0 */
  guint                idle;
  gboolean             rebuilding;         /* shown by the rebuild: mapped, not changed */
};

G_DEFINE_FINAL_TYPE (MixSessionHistory, mix_session_history, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule_rebuild (MixSessionHistory *self);

static char *
session_summary (MixSessionRecord *record)
{
  const MixTopic *topic = mix_guide_find_topic (mix_session_record_get_topic (record));
  guint n = mix_session_record_get_n_people (record);
  const char *goal = mix_session_record_get_goal_text (record);
  guint n_goals = mix_session_record_count_goals (record);
  GString *text = g_string_new (topic ? _(topic->title) : _("No topic chosen"));

  g_string_append (text, " · ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", n), n);
  if (n_goals > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u goal", "%u goals", n_goals),
                              n_goals);
    }
  if (goal != NULL && *goal != '\0')
    {
      g_string_append (text, " · ");
      /* Translators: %s is the networking goal set in a session. */
      g_string_append_printf (text, _("Goal: %s"), goal);
    }
  return g_string_free (text, FALSE);
}

/* A past session, read-only. */
static void
on_session_row_activated_cb (AdwActionRow      *row,
                             MixSessionHistory *self)
{
  MixSessionRecord *record = g_object_get_data (G_OBJECT (row), "mix-session");
  const MixTopic *topic = mix_guide_find_topic (mix_session_record_get_topic (record));
  const char * const *questions = mix_guide_get_leader_questions ();
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *date = mix_circle_local_date (mix_session_record_get_started (record));
  g_autofree char *heading = g_strdup_printf (_("Session of %s"), date);
  AdwMessageDialog *dialog;
  guint n = mix_session_record_get_n_people (record);

  if (n > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            /* Translators: between the names of the people of a session */
            g_string_append (names, _(", "));
          g_string_append (names, mix_session_record_get_person (record, i)->name);
        }
      /* Translators: %s is the list of the people of a session */
      g_string_append_printf (body, _("Who was there: %s"), names->str);
      g_string_append (body, "\n\n");
    }
  for (guint i = 0; questions[i] != NULL; i++)
    if (mix_session_record_get_leader_question (record, i))
      {
        /* Translators: %s is a question the session's leader answered */
        g_string_append_printf (body, _("Leader’s question: %s"), _(questions[i]));
        g_string_append_c (body, '\n');
      }
  if (topic != NULL)
    {
      g_string_append_c (body, '\n');
      /* Translators: %s is the topic of a session's group discussion */
      g_string_append_printf (body, _("Topic: %s"), _(topic->title));
      g_string_append_c (body, '\n');
      for (guint i = 0; topic->activities[i] != NULL; i++)
        if (mix_session_record_get_activity (record, i))
          g_string_append_printf (body, "✓ %s\n", _(topic->activities[i]));
    }
  for (guint p = 0; p < MIX_N_PHASES; p++)
    {
      const char *notes = mix_session_record_get_notes (record, p);

      if (*notes != '\0')
        g_string_append_printf (body, "\n%s\n%s\n", _(mix_guide_get_phase (p)->title), notes);
    }
  for (guint i = 0; i < n; i++)
    {
      const MixPerson *person = mix_session_record_get_person (record, i);

      if (!mix_person_has_goal (person))
        continue;
      g_string_append_c (body, '\n');
      /* Translators: a person's goal: their name, then the goal */
      g_string_append_printf (body, _("%s: %s"), person->name, person->goal);
      if (*person->goal_due != '\0')
        {
          g_string_append (body, " · ");
          g_string_append_printf (body, _("By %s"), person->goal_due);
        }
      if (*person->buddy != '\0')
        {
          g_string_append (body, " · ");
          g_string_append_printf (body, _("Buddy: %s"), person->buddy);
        }
    }
  if (mix_session_record_get_goal_text (record) && *mix_session_record_get_goal_text (record))
    {
      g_string_append_c (body, '\n');
      if (mix_session_record_get_goal_due (record))
        /* Translators: a goal set in a session and the day it is due */
        g_string_append_printf (body, _("Goal: %s (by %s)"), mix_session_record_get_goal_text (record),
                                mix_session_record_get_goal_due (record));
      else
        /* Translators: a goal set in a session */
        g_string_append_printf (body, _("Goal: %s"), mix_session_record_get_goal_text (record));
      if (mix_session_record_get_buddy (record) && *mix_session_record_get_buddy (record))
        {
          g_string_append_c (body, '\n');
          /* Translators: %s is the person who checks on the goal */
          g_string_append_printf (body, _("Accountability buddy: %s"), mix_session_record_get_buddy (record));
        }
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       heading, body->str));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_goal_done_cb (GtkCheckButton    *check,
                 GParamSpec        *pspec,
                 MixSessionHistory *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "mix-goal");

  mix_session_log_set_goal_done (mix_store_get_session_log (self->store), id,
                                 gtk_check_button_get_active (check));
}

static void
on_show_all_activated_cb (AdwActionRow      *row,
                          MixSessionHistory *self)
{
  gboolean goals = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "mix-goals"));

  if (goals)
    self->goals_expanded = TRUE;
  else
    self->sessions_expanded = TRUE;
  /* The focus goes to the first row that was hidden, once it exists. */
  self->focus = goals ? FOCUS_GOALS : FOCUS_SESSIONS;
  schedule_rebuild (self);
}

static void
add_row (MixSessionHistory   *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_object_set_data (G_OBJECT (row), "mix-group", group);
  g_ptr_array_add (self->rows, row);
}

/* A long list shows its first few rows, then a "Show All" row, unless the
 * user asked for all of it. Returns %TRUE when the list stops after the
 * row at @shown. */
static gboolean
cut_list (MixSessionHistory   *self,
          AdwPreferencesGroup *group,
          guint                shown,
          guint                n,
          gboolean             goals)
{
  g_autofree char *title = NULL;
  GtkWidget *row;

  if (shown + 1 != HISTORY_FIRST_SHOWN || shown + 1 >= n ||
      (goals ? self->goals_expanded : self->sessions_expanded))
    return FALSE;

  if (goals)
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show All %u Goals",
                                          "Show All %u Goals", n), n);
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show All %u Past Sessions",
                                          "Show All %u Past Sessions", n), n);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-down-symbolic"));
  g_object_set_data (G_OBJECT (row), "mix-goals", GINT_TO_POINTER (goals));
  g_signal_connect (row, "activated", G_CALLBACK (on_show_all_activated_cb), self);
  add_row (self, group, row);
  return TRUE;
}

static GtkWidget *
goal_row (MixSessionHistory       *self,
          const MixCircleProgress *progress,
          const MixGoal           *goal)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *title = NULL;
  g_autofree char *text = mix_circle_goal_progress (progress, goal);
  g_autoptr(GString) under = g_string_new (NULL);
  g_autofree char *subtitle = NULL;

  if (goal->person != NULL)
    /* Translators: a person's goal: their name, then the goal */
    title = g_markup_printf_escaped (_("%s: %s"), goal->person, goal->text);
  else
    title = g_markup_escape_text (goal->text, -1);
  if (goal->due != NULL)
    {
      /* Translators: under a goal: the day it is due */
      g_string_append_printf (under, _("By %s"), goal->due);
      g_string_append (under, " · ");
    }
  if (goal->buddy != NULL && *goal->buddy != '\0')
    {
      /* Translators: under a goal: who holds the person to it */
      g_string_append_printf (under, _("Buddy: %s"), goal->buddy);
      g_string_append (under, " · ");
    }
  g_string_append (under, text);
  subtitle = g_markup_escape_text (under->str, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), goal->done);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (check), "mix-goal", g_strdup (goal->id), g_free);
  g_signal_connect (check, "notify::active", G_CALLBACK (on_goal_done_cb), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  return row;
}

static GtkWidget *
session_row (MixSessionHistory *self,
             MixSessionRecord  *record)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = mix_circle_local_date (mix_session_record_get_started (record));
  g_autofree char *summary = session_summary (record);
  g_autofree char *subtitle = g_markup_escape_text (summary, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "mix-session", g_object_ref (record), g_object_unref);
  g_signal_connect (row, "activated", G_CALLBACK (on_session_row_activated_cb), self);
  return row;
}

static void
rebuild (MixSessionHistory *self)
{
  int focus = self->focus;
  GtkWidget *focus_row = NULL;
  MixSessionLog *log = mix_store_get_session_log (self->store);
  GListModel *sessions = G_LIST_MODEL (log);
  guint n = g_list_model_get_n_items (sessions);
  guint n_goals = mix_session_log_get_n_goals (log);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = self->rows->pdata[i];

      adw_preferences_group_remove (g_object_get_data (G_OBJECT (row), "mix-group"), row);
    }
  g_ptr_array_set_size (self->rows, 0);

  if (n_goals > 0)
    {
      g_autoptr(MixCircleProgress) progress = mix_circle_progress_new (mix_store_get_tracker (self->store));
      g_autofree char *reached = NULL;
      guint n_done = 0;

      for (guint i = 0; i < n_goals; i++)
        if (mix_session_log_get_goal (log, i)->done)
          n_done++;
      /* Translators: above the goals set in circles: how many were reached */
      reached = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u goal reached",
                                              "%u of %u goals reached", n_goals),
                                 n_done, n_goals);
      adw_preferences_group_set_description (self->goals_group, reached);

      /* The newest first, as the log keeps them. */
      for (guint shown = 0; shown < n_goals; shown++)
        {
          GtkWidget *row = goal_row (self, progress, mix_session_log_get_goal (log, shown));

          add_row (self, self->goals_group, row);
          if (shown == HISTORY_FIRST_SHOWN && focus == FOCUS_GOALS)
            focus_row = row;
          if (cut_list (self, self->goals_group, shown, n_goals, TRUE))
            break;
        }
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MixSessionRecord) record = g_list_model_get_item (sessions, i);
      GtkWidget *row = session_row (self, record);

      add_row (self, self->sessions_group, row);
      if (i == HISTORY_FIRST_SHOWN && focus == FOCUS_SESSIONS)
        focus_row = row;
      if (cut_list (self, self->sessions_group, i, n, FALSE))
        break;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->goals_group), n_goals > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->sessions_group), n > 0);
  self->rebuilding = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self), n_goals > 0 || n > 0);
  self->rebuilding = FALSE;
  self->focus = 0;
  if (focus_row != NULL)
    gtk_widget_grab_focus (focus_row);
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  MixSessionHistory *self = data;

  self->idle = 0;
  if (self->store != NULL)
    rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Later, not now: the change can come from a goal's check box, which
 * the rebuild would destroy in the middle of its own signal. */
static void
schedule_rebuild (MixSessionHistory *self)
{
  if (self->idle == 0)
    self->idle = g_idle_add (rebuild_idle_cb, self);
}

static void
on_log_changed_cb (MixSessionLog     *log,
                   MixSessionHistory *self)
{
  schedule_rebuild (self);
}

MixStore *
mix_session_history_get_store (MixSessionHistory *self)
{
  g_return_val_if_fail (MIX_IS_SESSION_HISTORY (self), NULL);
  return self->store;
}

/**
 * mix_session_history_set_store:
 * @store: the store whose session log is shown; set once
 */
void
mix_session_history_set_store (MixSessionHistory *self,
                               MixStore          *store)
{
  g_return_if_fail (MIX_IS_SESSION_HISTORY (self));
  g_return_if_fail (MIX_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  g_signal_connect_object (mix_store_get_session_log (store), "changed",
                           G_CALLBACK (on_log_changed_cb), self, 0);
  /* Below the plan, out of sight at first: after the first frame rather
   * than delay it. */
  schedule_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/* The tracker, which the goals' progress is counted from, may have changed
 * while the page was hidden. */
static void
mix_session_history_map (GtkWidget *widget)
{
  MixSessionHistory *self = MIX_SESSION_HISTORY (widget);

  GTK_WIDGET_CLASS (mix_session_history_parent_class)->map (widget);

  if (!self->rebuilding && self->store != NULL &&
      mix_session_log_get_n_goals (mix_store_get_session_log (self->store)) > 0)
    schedule_rebuild (self);
}

static void
mix_session_history_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  MixSessionHistory *self = MIX_SESSION_HISTORY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mix_session_history_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  MixSessionHistory *self = MIX_SESSION_HISTORY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      mix_session_history_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mix_session_history_dispose (GObject *object)
{
  MixSessionHistory *self = MIX_SESSION_HISTORY (object);

  g_clear_handle_id (&self->idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIX_TYPE_SESSION_HISTORY);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mix_session_history_parent_class)->dispose (object);
}

static void
mix_session_history_class_init (MixSessionHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mix_session_history_dispose;
  object_class->get_property = mix_session_history_get_property;
  object_class->set_property = mix_session_history_set_property;
  widget_class->map = mix_session_history_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, MIX_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/session/mix-session-history.ui");
  gtk_widget_class_bind_template_child (widget_class, MixSessionHistory, goals_group);
  gtk_widget_class_bind_template_child (widget_class, MixSessionHistory, sessions_group);
  gtk_widget_class_set_css_name (widget_class, "box");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
mix_session_history_init (MixSessionHistory *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
