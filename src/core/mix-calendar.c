/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#include "mix-calendar.h"
#include "mix-date.h"
#include "mix-today.h"

/**
 * SECTION:mix-calendar
 *
 * Export Follow-ups: what Today lists, and what falls due in the next
 * %MIX_CALENDAR_DAYS_AHEAD days, as an iCalendar file (RFC 5545) for GNOME
 * Calendar, Google Calendar and the rest. Each item is an all-day event on
 * the day it is due, or today if it is overdue: dates without a time, so
 * they stay on their day in any time zone; the time stamp is in UTC. The
 * file is written by libical, the library GNOME's own calendar stack
 * (evolution-data-server) is built on and the GNOME runtime ships, which
 * does the format's escaping and line folding; a hand-written writer would
 * have to get both right for every name a student types.
 *
 * An event's UID is the item's key, so exporting again after a change
 * updates the events in a calendar rather than adding copies.
 */

#define UID_DOMAIN "@" BASE_APP_ID

static struct icaltimetype
ical_date (const GDate *date)
{
  struct icaltimetype t = icaltime_null_date ();

  t.year = g_date_get_year (date);
  t.month = g_date_get_month (date);
  t.day = g_date_get_day (date);
  return t;
}

static icalcomponent *
item_event (const MixTodayItem *item,
            const GDate        *today,
            struct icaltimetype stamp)
{
  icalcomponent *event = icalcomponent_new (ICAL_VEVENT_COMPONENT);
  icalcomponent *alarm;
  icalproperty *trigger;
  struct icaltriggertype at_nine = { icaltime_null_time (), icaldurationtype_null_duration () };
  g_autofree char *uid = g_strconcat (item->key, UID_DOMAIN, NULL);
  g_autofree char *title = mix_today_item_title (item);
  g_autofree char *reason = NULL;
  g_autoptr(GString) description = g_string_new (NULL);
  GDate day, next;

  g_date_clear (&day, 1);
  g_date_set_julian (&day, item->due_day);
  /* Overdue: it is to do today. */
  if (g_date_compare (&day, today) < 0)
    day = *today;
  next = day;
  g_date_add_days (&next, 1);

  reason = mix_today_item_reason (item, &day);
  g_string_append (description, reason);
  if (item->company != NULL && *item->company != '\0')
    {
      g_string_append_c (description, '\n');
      /* Translators: %s is a company */
      g_string_append_printf (description, _("Company: %s"), item->company);
    }
  if (g_date_compare (&day, today) == 0 && mix_today_item_is_overdue (item, today))
    {
      g_string_append_c (description, '\n');
      /* Translators: %s is a date */
      g_string_append_printf (description, _("Due since %s"), item->due);
    }

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp));
  icalcomponent_add_property (event, icalproperty_new_dtstart (ical_date (&day)));
  icalcomponent_add_property (event, icalproperty_new_dtend (ical_date (&next)));
  icalcomponent_add_property (event, icalproperty_new_summary (title));
  icalcomponent_add_property (event, icalproperty_new_description (description->str));
  /* A reminder, not a meeting: the day stays free. */
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
  icalcomponent_add_property (event, icalproperty_new_categories (_("Networking")));

  /* Reminded at 9 in the morning of the day, wherever the calendar is. */
  alarm = icalcomponent_new (ICAL_VALARM_COMPONENT);
  at_nine.duration.hours = 9;
  trigger = icalproperty_new_trigger (at_nine);
  icalcomponent_add_property (alarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
  icalcomponent_add_property (alarm, trigger);
  icalcomponent_add_property (alarm, icalproperty_new_description (title));
  icalcomponent_add_component (event, alarm);
  return event;
}

/**
 * mix_calendar_follow_ups:
 * @drafts: (nullable): the messages
 * @today: the day of the export
 * @stamp: when the file is made (DTSTAMP), in any time zone
 * @n_events: (out) (optional): how many events there are
 *
 * Returns: (transfer full): the iCalendar text, lines ending in CRLF
 */
char *
mix_calendar_follow_ups (MixTracker  *tracker,
                         MixDrafts   *drafts,
                         const GDate *today,
                         GDateTime   *stamp,
                         guint       *n_events)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GDateTime) utc = NULL;
  icalcomponent *calendar;
  struct icaltimetype dtstamp;
  char *text, *copy;

  g_return_val_if_fail (MIX_IS_TRACKER (tracker), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (stamp != NULL, NULL);

  items = mix_today_compute_ahead (tracker, drafts, today, MIX_CALENDAR_DAYS_AHEAD);
  utc = g_date_time_to_utc (stamp);
  dtstamp = icaltime_from_timet_with_zone ((time_t) g_date_time_to_unix (utc), 0,
                                           icaltimezone_get_utc_timezone ());

  calendar = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar,
                              icalproperty_new_prodid ("-//Mix It Up//Follow-ups " PACKAGE_VERSION "//EN"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (calendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));
  for (guint i = 0; i < items->len; i++)
    icalcomponent_add_component (calendar, item_event (items->pdata[i], today, dtstamp));
  if (n_events != NULL)
    *n_events = items->len;

  text = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);
  /* libical's memory, to GLib's. */
  copy = g_strdup (text);
  icalmemory_free_buffer (text);
  return copy;
}

/**
 * mix_calendar_export_file:
 * @drafts: (nullable): the messages
 * @path: the file to write; replaced whole, or left as it was
 * @n_events: (out) (optional): how many events were written
 *
 * Writes the follow-ups from today (the local day) to @path.
 */
gboolean
mix_calendar_export_file (MixTracker  *tracker,
                          MixDrafts   *drafts,
                          const char  *path,
                          guint       *n_events,
                          GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *iso = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *text = NULL;
  GDate today;

  g_return_val_if_fail (MIX_IS_TRACKER (tracker), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  g_date_clear (&today, 1);
  mix_date_parse (iso, &today);
  text = mix_calendar_follow_ups (tracker, drafts, &today, now, n_events);
  if (!g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_prefix_error (error, _("The follow-ups could not be written to %s: "), display);
      return FALSE;
    }
  return TRUE;
}
