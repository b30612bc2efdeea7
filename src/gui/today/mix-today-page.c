/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mix-accessible.h"
#include "mix-calendar.h"
#include "mix-date.h"
#include "mix-today.h"
#include "mix-today-page.h"
#include "mix-toast.h"
#include "mix-week.h"

/**
 * MixTodayPage:
 *
 * Today: what is due today and what is overdue (see mix_today_compute()),
 * each item saying who, why and since when, with its actions: Write
 * Message (a draft for them, on the Messages page), Log Conversation (a
 * row of the Networking Log, today), Snooze (a day or a week) and Done.
 * Done does what the item asks where the tracker can say it: a thank-you
 * is marked sent, Last Contact becomes today, the status becomes No
 * response; otherwise the item is marked done. Each action is one change
 * of the window's history (Undo), told in a toast. The list is worked out
 * again after the tracker or the messages change.
 *
 * Above the list, the week (see mix_week_compute()): people messaged of
 * the weekly goal, replies, conversations and the streak, with the goal
 * itself (the "weekly-goal" setting), and the goals set in circles still
 * to reach, each with its accountability buddy and a Goal Reached button.
 */

/* Shown at most, the longest overdue first: more is a list nobody goes
 * through on one day. */
#define MAX_SHOWN 100

struct _MixTodayPage
{
  AdwBin               parent_instance;

  AdwPreferencesGroup *week_group;
  AdwActionRow        *week_row;
  GtkLevelBar         *week_level;
  GtkAdjustment       *goal_adjustment;
  AdwPreferencesGroup *goals_group;
  GtkWidget           *empty_status;
  AdwPreferencesGroup *overdue_group;
  AdwPreferencesGroup *today_group;

  MixStore            *store;
  MixHistory          *history;
  GPtrArray           *items;          /* MixTodayItem */
  GPtrArray           *rows;           /* GtkWidget, in the groups */
  GSettings           *settings;       /* nullable */
  GtkFileChooserNative *chooser;       /* while Export Follow-ups asks where */
  MixWeek              week;
  GDate                today;          /* valid if set for tests */
  guint                refresh_idle;
};

G_DEFINE_FINAL_TYPE (MixTodayPage, mix_today_page, ADW_TYPE_BIN)

static void
get_today (MixTodayPage *self,
           GDate        *today)
{
  if (g_date_valid (&self->today))
    *today = self->today;
  else
    {
      g_autofree char *iso = mix_date_today_iso ();

      g_date_clear (today, 1);
      mix_date_parse (iso, today);
    }
}

static const MixTodayItem *
find_item (MixTodayPage *self,
           const char   *key)
{
  for (guint i = 0; self->items != NULL && i < self->items->len; i++)
    {
      const MixTodayItem *item = self->items->pdata[i];

      if (g_str_equal (item->key, key))
        return item;
    }
  return NULL;
}

static GtkWidget *
item_button (const char *icon_name,
             const char *label,
             const char *action,
             const char *key)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", key);
  return button;
}

static GtkWidget *
item_row (MixTodayPage       *self,
          const MixTodayItem *item,
          const GDate        *today)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = mix_today_item_title (item);
  g_autofree char *reason = mix_today_item_reason (item, today);
  g_autofree char *title_markup = g_markup_escape_text (title, -1);
  g_autofree char *reason_markup = g_markup_escape_text (reason, -1);
  g_autofree char *write = g_strdup_printf (_("Write to %s"), item->name ? item->name : "");
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) day = g_menu_item_new (_("Snooze for a _Day"), NULL);
  g_autoptr(GMenuItem) week = g_menu_item_new (_("Snooze for a _Week"), NULL);
  GtkWidget *snooze = gtk_menu_button_new ();
  const char *done_label;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_markup);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reason_markup);

  if (item->kind != MIX_TODAY_NO_RESPONSE)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               item_button ("mail-send-symbolic", write, "today.write", item->key));
  if (item->kind != MIX_TODAY_THANK_YOU && item->kind != MIX_TODAY_NO_RESPONSE)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               item_button ("list-add-symbolic", _("Log a Conversation"),
                                            "today.log", item->key));

  g_menu_item_set_action_and_target (day, "today.snooze-day", "s", item->key);
  g_menu_item_set_action_and_target (week, "today.snooze-week", "s", item->key);
  g_menu_append_item (menu, day);
  g_menu_append_item (menu, week);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (snooze), "alarm-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (snooze), G_MENU_MODEL (menu));
  gtk_widget_add_css_class (snooze, "flat");
  gtk_widget_set_valign (snooze, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (snooze, _("Snooze"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (snooze),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Snooze"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), snooze);

  switch (item->kind)
    {
    case MIX_TODAY_THANK_YOU:
      done_label = _("Thank-You Sent");
      break;
    case MIX_TODAY_NO_RESPONSE:
      done_label = _("Mark as No Response");
      break;
    case MIX_TODAY_KEEP_IN_TOUCH:
      done_label = _("In Touch Today");
      break;
    default:
      done_label = _("Done");
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             item_button ("object-select-symbolic", done_label, "today.done",
                                          item->key));
  return row;
}

static void
remove_rows (MixTodayPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = self->rows->pdata[i];

      adw_preferences_group_remove (g_object_get_data (G_OBJECT (row), "mix-group"), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (MixTodayPage        *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  g_object_set_data (G_OBJECT (row), "mix-group", group);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

/* The week: "2 of 3 People Messaged", and under it replies, conversations
 * and the streak. */
static void
refresh_week (MixTodayPage *self,
              const GDate  *today)
{
  MixWeek *week = &self->week;
  g_autofree char *title = NULL;
  g_autofree char *replies = NULL;
  g_autofree char *talks = NULL;
  g_autofree char *streak = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *title_markup = NULL;
  g_autofree char *subtitle_markup = NULL;
  guint goal = (guint) gtk_adjustment_get_value (self->goal_adjustment);

  mix_week_compute (week, mix_store_get_tracker (self->store),
                    mix_store_get_drafts (self->store), today, goal);
  if (goal > 0)
    /* Translators: the week's count of the weekly goal, "2 of 3 People
     * Messaged"; the plural is chosen by the goal (the second number). */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u Person Messaged",
                                          "%u of %u People Messaged", goal),
                             week->messaged, goal);
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Person Messaged",
                                          "%u People Messaged", week->messaged),
                             week->messaged);
  replies = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u reply", "%u replies",
                                          week->replies), week->replies);
  talks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conversation", "%u conversations",
                                        week->conversations), week->conversations);
  if (goal == 0)
    streak = g_strdup (_("no weekly goal"));
  else if (week->streak == 0)
    streak = g_strdup (_("no streak yet"));
  else
    /* Translators: weeks in a row the weekly goal was met */
    streak = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "goal met %u week in a row",
                                           "goal met %u weeks in a row", week->streak),
                              week->streak);
  /* Translators: "1 reply · 2 conversations · goal met 3 weeks in a row" */
  subtitle = g_strdup_printf (_("%s · %s · %s"), replies, talks, streak);
  title_markup = g_markup_escape_text (title, -1);
  subtitle_markup = g_markup_escape_text (subtitle, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->week_row), title_markup);
  adw_action_row_set_subtitle (self->week_row, subtitle_markup);
  gtk_level_bar_set_value (self->week_level,
                           goal > 0 ? MIN (1.0, (double) week->messaged / goal) : 0.0);
  gtk_widget_set_visible (GTK_WIDGET (self->week_level), goal > 0);
}

static GtkWidget *
goal_row (const MixGoal *goal)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *title_markup = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *subtitle_markup = NULL;
  GtkWidget *button;

  if (goal->person != NULL && *goal->person != '\0')
    /* Translators: whose goal and the goal, "Sam Rivera: Ask in #jobs" */
    title = g_strdup_printf (_("%s: %s"), goal->person, goal->text);
  else
    title = g_strdup (goal->text);
  if (goal->due != NULL)
    /* Translators: %s is a date */
    g_string_append_printf (subtitle, _("By %s"), goal->due);
  if (goal->buddy != NULL && *goal->buddy != '\0')
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      /* Translators: %s is the accountability buddy */
      g_string_append_printf (subtitle, _("Buddy: %s"), goal->buddy);
    }
  title_markup = g_markup_escape_text (title, -1);
  subtitle_markup = g_markup_escape_text (subtitle->str, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_markup);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_markup);
  button = item_button ("object-select-symbolic", _("Goal Reached"), "today.goal-reached",
                        goal->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

/* The circles' goals still to reach. */
static void
refresh_goals (MixTodayPage *self,
               const GDate  *today)
{
  g_autoptr(GPtrArray) goals = mix_week_open_goals (mix_store_get_session_log (self->store),
                                                    today);

  for (guint i = 0; i < goals->len && i < MAX_SHOWN; i++)
    add_row (self, self->goals_group, goal_row (goals->pdata[i]));
  gtk_widget_set_visible (GTK_WIDGET (self->goals_group), goals->len > 0);
}

/**
 * mix_today_page_refresh:
 *
 * Works the list out again, now.
 */
void
mix_today_page_refresh (MixTodayPage *self)
{
  guint n_overdue = 0, n_today = 0;
  GDate today;

  g_return_if_fail (MIX_IS_TODAY_PAGE (self));

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  remove_rows (self);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  if (self->store == NULL)
    return;

  get_today (self, &today);
  refresh_week (self, &today);
  refresh_goals (self, &today);
  self->items = mix_today_compute (mix_store_get_tracker (self->store),
                                   mix_store_get_drafts (self->store), &today);
  for (guint i = 0; i < self->items->len && i < MAX_SHOWN; i++)
    {
      const MixTodayItem *item = self->items->pdata[i];
      gboolean overdue = mix_today_item_is_overdue (item, &today);

      add_row (self, overdue ? self->overdue_group : self->today_group,
               item_row (self, item, &today));
      if (overdue)
        n_overdue++;
      else
        n_today++;
    }
  if (self->items->len > MAX_SHOWN)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u more item, shown once these are done",
                                                            "%u more items, shown once these are done",
                                                            self->items->len - MAX_SHOWN),
                                               self->items->len - MAX_SHOWN);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      add_row (self, n_today > 0 ? self->today_group : self->overdue_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_group), n_overdue > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->today_group), n_today > 0);
  gtk_widget_set_visible (self->empty_status, self->items->len == 0);
  mix_accessible_name_lists (GTK_WIDGET (self));
}

static gboolean
refresh_idle_cb (gpointer data)
{
  MixTodayPage *self = data;

  self->refresh_idle = 0;
  mix_today_page_refresh (self);
  return G_SOURCE_REMOVE;
}

/* After a change of the tracker or the messages, once: a change comes
 * from a button of the list, which must not go in its own signal. */
static void
schedule_refresh (MixTodayPage *self)
{
  /* Not shown: worked out when it is (map), not at every edit of the
   * tracker on another page. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh_idle_cb, self);
}

/* Changes, for Undo */

typedef struct
{
  GWeakRef   tracker;
  char      *row_id;
  char      *key;
  char      *mark;          /* nullable: the mark set */
  char      *column;        /* nullable: a field set */
  char      *before;
  char      *after;
  MixRecord *added;         /* nullable: a row added */
} Change;

static void
change_free (gpointer data)
{
  Change *change = data;

  g_weak_ref_clear (&change->tracker);
  g_free (change->row_id);
  g_free (change->key);
  g_free (change->mark);
  g_free (change->column);
  g_free (change->before);
  g_free (change->after);
  g_clear_object (&change->added);
  g_free (change);
}

static gboolean
change_apply (Change   *change,
              gboolean  undo)
{
  g_autoptr(MixTracker) tracker = g_weak_ref_get (&change->tracker);
  MixRecord *row;

  if (tracker == NULL)
    return FALSE;
  row = mix_tracker_find (tracker, change->row_id);
  if (row == NULL)
    return FALSE;
  if (change->column != NULL &&
      !mix_record_set_value_by_id (row, change->column, undo ? change->before : change->after,
                                   NULL))
    return FALSE;
  if (change->mark != NULL)
    mix_record_set_mark (row, change->key, undo ? NULL : change->mark);
  if (change->added != NULL)
    {
      if (undo)
        mix_tracker_remove_row (tracker, change->added, NULL);
      else
        mix_tracker_insert_row (tracker, change->added,
                                mix_tracker_get_n_rows (tracker,
                                                        mix_record_get_tab (change->added)));
    }
  return TRUE;
}

static gboolean
change_undo (gpointer data)
{
  return change_apply (data, TRUE);
}

static gboolean
change_redo (gpointer data)
{
  return change_apply (data, FALSE);
}

static Change *
change_new (MixTodayPage       *self,
            const MixTodayItem *item)
{
  Change *change = g_new0 (Change, 1);

  g_weak_ref_init (&change->tracker, mix_store_get_tracker (self->store));
  change->row_id = g_strdup (item->row_id);
  change->key = g_strdup (item->key);
  return change;
}

/* Makes a change, made already, one step of the history, and says so. */
static void
push_history (MixTodayPage   *self,
              const char     *said,
              MixHistoryFunc  undo,
              MixHistoryFunc  redo,
              gpointer        change,
              GDestroyNotify  free_change)
{
  if (self->history != NULL)
    mix_history_push (self->history, said, undo, redo, change, free_change);
  else
    free_change (change);
  mix_show_undo_toast (GTK_WIDGET (self), self->history, said);
  schedule_refresh (self);
}

static void
push_change (MixTodayPage *self,
             Change       *change,
             const char   *said)
{
  push_history (self, said, change_undo, change_redo, change, change_free);
}

static gboolean
writable (MixTodayPage *self)
{
  if (self->store != NULL && !mix_store_is_read_only (self->store, MIX_DOMAIN_TRACKER))
    return TRUE;
  mix_show_toast (GTK_WIDGET (self),
                  adw_toast_new (_("The tracker is read-only: nothing can be changed.")));
  return FALSE;
}

static void
snooze (MixTodayPage *self,
        const char   *key,
        guint         days)
{
  const MixTodayItem *item = find_item (self, key);
  MixTracker *tracker;
  Change *change;
  g_autofree char *said = NULL;
  GDate until;

  if (item == NULL || !writable (self))
    return;
  tracker = mix_store_get_tracker (self->store);
  get_today (self, &until);
  g_date_add_days (&until, days);
  if (!mix_today_snooze (tracker, item, &until))
    return;
  change = change_new (self, item);
  change->mark = g_strdup (mix_record_get_mark (mix_tracker_find (tracker, item->row_id),
                                                item->key));
  said = days == 1 ? g_strdup (_("Snoozed until tomorrow"))
                   : g_strdup (_("Snoozed for a week"));
  push_change (self, change, said);
}

static void
snooze_day_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  snooze (MIX_TODAY_PAGE (widget), g_variant_get_string (parameter, NULL), 1);
}

static void
snooze_week_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  snooze (MIX_TODAY_PAGE (widget), g_variant_get_string (parameter, NULL), 7);
}

static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MixTodayPage *self = MIX_TODAY_PAGE (widget);
  const MixTodayItem *item = find_item (self, g_variant_get_string (parameter, NULL));
  MixTracker *tracker;
  MixRecord *row;
  Change *change;
  const char *said;
  GDate today;

  if (item == NULL || !writable (self))
    return;
  tracker = mix_store_get_tracker (self->store);
  row = mix_tracker_find (tracker, item->row_id);
  if (row == NULL)
    return;
  change = change_new (self, item);
  get_today (self, &today);

  /* What the item asks, in the tracker, where a field says it. */
  switch (item->kind)
    {
    case MIX_TODAY_THANK_YOU:
      change->column = g_strdup ("thank_you_sent");
      change->after = g_strdup ("true");
      said = _("Thank-you marked as sent");
      break;
    case MIX_TODAY_NO_RESPONSE:
      change->column = g_strdup ("status");
      change->after = g_strdup ("no-response");
      said = _("Marked as No response");
      break;
    case MIX_TODAY_KEEP_IN_TOUCH:
      change->column = g_strdup ("last_contact");
      change->after = mix_date_to_iso (&today);
      said = _("Last Contact set to today");
      break;
    default:
      change->mark = g_strdup ("done");
      said = _("Marked as done");
    }
  if (change->column != NULL)
    change->before = g_strdup (mix_record_get_value_by_id (row, change->column));
  change_redo (change);
  push_change (self, change, said);
}

static void
log_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  MixTodayPage *self = MIX_TODAY_PAGE (widget);
  const MixTodayItem *item = find_item (self, g_variant_get_string (parameter, NULL));
  MixTracker *tracker;
  MixRecord *talk;
  Change *change;
  g_autofree char *date = NULL;
  g_autofree char *said = NULL;
  GDate today;

  if (item == NULL || !writable (self))
    return;
  tracker = mix_store_get_tracker (self->store);
  if (mix_tracker_find (tracker, item->row_id) == NULL)
    return;
  get_today (self, &today);
  date = mix_date_to_iso (&today);

  /* The conversation, today, with them; and the item done. */
  change = change_new (self, item);
  talk = mix_tracker_add_row (tracker, MIX_TAB_NETWORKING_LOG);
  mix_record_set_value_by_id (talk, "date", date, NULL);
  mix_record_set_value_by_id (talk, "name", item->name, NULL);
  mix_record_set_value_by_id (talk, "company", item->company, NULL);
  change->added = g_object_ref (talk);
  change->mark = g_strdup ("done");
  mix_record_set_mark (mix_tracker_find (tracker, item->row_id), item->key, change->mark);

  /* Translators: %s is who the conversation was with. */
  said = g_strdup_printf (_("Conversation with %s logged"), item->name ? item->name : "");
  push_change (self, change, said);
}

/* Goal Reached: done in the session log, one step of the history. */

typedef struct
{
  GWeakRef  log;
  char     *goal_id;
} GoalChange;

static void
goal_change_free (gpointer data)
{
  GoalChange *change = data;

  g_weak_ref_clear (&change->log);
  g_free (change->goal_id);
  g_free (change);
}

static gboolean
goal_change_apply (GoalChange *change,
                   gboolean    done)
{
  g_autoptr(MixSessionLog) log = g_weak_ref_get (&change->log);

  return log != NULL && mix_session_log_set_goal_done (log, change->goal_id, done);
}

static gboolean
goal_change_undo (gpointer data)
{
  return goal_change_apply (data, FALSE);
}

static gboolean
goal_change_redo (gpointer data)
{
  return goal_change_apply (data, TRUE);
}

static void
goal_reached_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MixTodayPage *self = MIX_TODAY_PAGE (widget);
  MixSessionLog *log;
  GoalChange *change;
  const char *said = _("Goal marked as reached");

  if (self->store == NULL)
    return;
  if (mix_store_is_read_only (self->store, MIX_DOMAIN_SESSIONS))
    {
      mix_show_toast (widget, adw_toast_new (_("The sessions are read-only: nothing can be changed.")));
      return;
    }
  log = mix_store_get_session_log (self->store);
  change = g_new0 (GoalChange, 1);
  g_weak_ref_init (&change->log, log);
  change->goal_id = g_variant_dup_string (parameter, NULL);
  if (!goal_change_redo (change))
    {
      goal_change_free (change);
      return;
    }
  push_history (self, said, goal_change_undo, goal_change_redo, change, goal_change_free);
}

/**
 * mix_today_page_export_to:
 *
 * Writes the follow-ups to @file as a calendar, and says so in a toast, or
 * why not.
 *
 * Returns: whether it was written
 */
gboolean
mix_today_page_export_to (MixTodayPage *self,
                          GFile        *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_return_val_if_fail (MIX_IS_TODAY_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->store == NULL)
    return FALSE;
  if (path == NULL)
    message = g_strdup (_("The file must be on this computer."));
  else if (!mix_calendar_export_file (mix_store_get_tracker (self->store),
                                      mix_store_get_drafts (self->store), path, &n, &error))
    message = g_strdup (error->message);
  else
    /* Translators: %s is the file's name */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u follow-up to “%s”",
                                            "Exported %u follow-ups to “%s”", n),
                               n, name);
  mix_show_toast (GTK_WIDGET (self), adw_toast_new (message));
  return error == NULL && path != NULL;
}

static void
on_export_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       MixTodayPage    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      mix_today_page_export_to (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
export_follow_ups_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  MixTodayPage *self = MIX_TODAY_PAGE (widget);
  g_autoptr(GtkFileFilter) calendars = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->store == NULL || self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export Follow-ups"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  /* Translators: the file name Export Follow-ups suggests; keep .ics */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("follow-ups.ics"));
  gtk_file_filter_set_name (calendars, _("Calendar Files"));
  gtk_file_filter_add_mime_type (calendars, "text/calendar");
  gtk_file_filter_add_suffix (calendars, "ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), calendars);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Write Message: a draft for them on the Messages page, which the window
 * shows. */
static void
write_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  MixTodayPage *self = MIX_TODAY_PAGE (widget);
  const MixTodayItem *item = find_item (self, g_variant_get_string (parameter, NULL));

  if (item != NULL)
    gtk_widget_activate_action (widget, "win.write-to", "s", item->row_id);
}

static void
on_store_changed_cb (MixTodayPage *self)
{
  schedule_refresh (self);
}

/**
 * mix_today_page_set_store:
 *
 * Shows what is due in @store's tracker and messages, and follows their
 * changes.
 */
void
mix_today_page_set_store (MixTodayPage *self,
                          MixStore     *store)
{
  g_return_if_fail (MIX_IS_TODAY_PAGE (self));
  g_return_if_fail (MIX_IS_STORE (store));

  if (self->store != NULL)
    return;
  self->store = g_object_ref (store);
  g_signal_connect_object (mix_store_get_tracker (store), "changed",
                           G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (mix_store_get_drafts (store), "changed",
                           G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (mix_store_get_session_log (store), "changed",
                           G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  mix_today_page_refresh (self);
}

/**
 * mix_today_page_set_settings:
 *
 * Keeps the weekly goal in @settings' "weekly-goal".
 */
void
mix_today_page_set_settings (MixTodayPage *self,
                             GSettings    *settings)
{
  g_return_if_fail (MIX_IS_TODAY_PAGE (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  if (!g_set_object (&self->settings, settings))
    return;
  g_settings_bind (settings, "weekly-goal", self->goal_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
}

/**
 * mix_today_page_get_week:
 *
 * Returns: (transfer none): the week as shown
 */
const MixWeek *
mix_today_page_get_week (MixTodayPage *self)
{
  g_return_val_if_fail (MIX_IS_TODAY_PAGE (self), NULL);
  return &self->week;
}

void
mix_today_page_set_history (MixTodayPage *self,
                            MixHistory   *history)
{
  g_return_if_fail (MIX_IS_TODAY_PAGE (self));
  g_set_object (&self->history, history);
}

/**
 * mix_today_page_set_today:
 * @today: (nullable): the day to show, or %NULL for the real one
 *
 * For tests: the list as it is on @today.
 */
void
mix_today_page_set_today (MixTodayPage *self,
                          const GDate  *today)
{
  g_return_if_fail (MIX_IS_TODAY_PAGE (self));

  if (today != NULL)
    self->today = *today;
  else
    g_date_clear (&self->today, 1);
  mix_today_page_refresh (self);
}

/**
 * mix_today_page_get_items:
 *
 * Returns: (transfer none) (element-type MixTodayItem) (nullable): the
 *   items of the list, all of them
 */
GPtrArray *
mix_today_page_get_items (MixTodayPage *self)
{
  g_return_val_if_fail (MIX_IS_TODAY_PAGE (self), NULL);
  return self->items;
}

/* The day changes while the app runs: the list is worked out again when
 * the page is shown. */
static void
mix_today_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (mix_today_page_parent_class)->map (widget);
  mix_today_page_refresh (MIX_TODAY_PAGE (widget));
}

static void
mix_today_page_dispose (GObject *object)
{
  MixTodayPage *self = MIX_TODAY_PAGE (object);

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->rows != NULL)
    remove_rows (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIX_TYPE_TODAY_PAGE);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->history);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mix_today_page_parent_class)->dispose (object);
}

static void
mix_today_page_class_init (MixTodayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mix_today_page_dispose;
  widget_class->map = mix_today_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/today/mix-today-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MixTodayPage, week_group);
  gtk_widget_class_bind_template_child (widget_class, MixTodayPage, week_row);
  gtk_widget_class_bind_template_child (widget_class, MixTodayPage, week_level);
  gtk_widget_class_bind_template_child (widget_class, MixTodayPage, goal_adjustment);
  gtk_widget_class_bind_template_child (widget_class, MixTodayPage, goals_group);
  gtk_widget_class_bind_template_child (widget_class, MixTodayPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, MixTodayPage, overdue_group);
  gtk_widget_class_bind_template_child (widget_class, MixTodayPage, today_group);

  gtk_widget_class_install_action (widget_class, "today.snooze-day", "s", snooze_day_action);
  gtk_widget_class_install_action (widget_class, "today.snooze-week", "s", snooze_week_action);
  gtk_widget_class_install_action (widget_class, "today.done", "s", done_action);
  gtk_widget_class_install_action (widget_class, "today.log", "s", log_action);
  gtk_widget_class_install_action (widget_class, "today.write", "s", write_action);
  gtk_widget_class_install_action (widget_class, "today.goal-reached", "s", goal_reached_action);
  gtk_widget_class_install_action (widget_class, "today.export-follow-ups", NULL,
                                   export_follow_ups_action);
}

static void
mix_today_page_init (MixTodayPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  g_date_clear (&self->today, 1);
  g_signal_connect_object (self->goal_adjustment, "value-changed",
                           G_CALLBACK (schedule_refresh), self, G_CONNECT_SWAPPED);
}
