/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mix-date.h"
#include "mix-draft.h"
#include "mix-today.h"

/**
 * SECTION:mix-today
 *
 * What is due between circles, worked out from the tracker and the
 * messages on a given day:
 *
 * - a New Contact "Messaged" on "Contacted On" and not answered: after 3
 *   business days, reach a second person at the company; after 7, follow
 *   up once (Steve Dalton's 3B7); once a follow-up was sent to them (a
 *   sent message of theirs after the first), 7 more business days
 *   without a reply suggest marking them "No response";
 * - a follow-up date of the Networking Log or New Contacts that has come;
 * - a conversation of the Networking Log without a thank-you: due the day
 *   after, asked for a week;
 * - someone of the Existing Network with a Keep in Touch cadence: due the
 *   cadence after the later of their Last Contact and their latest
 *   conversation in the Networking Log (by name).
 *
 * A status other than "Messaged" is a reply, or the end of it. Items
 * snoozed until a later day, or done, are left out: both are kept in the
 * item's row (mix_record_set_mark()), so saved, merged and kept as any
 * change of the row is.
 */

G_DEFINE_BOXED_TYPE (MixTodayItem, mix_today_item, mix_today_item_copy, mix_today_item_free)

/* An item and its text in one block: a list of thousands makes as many,
 * and is made again at every change. */
static MixTodayItem *
item_new (MixTodayKind  kind,
          MixTab        tab,
          const char   *row_id,
          const char   *name,
          const char   *company,
          const char   *since,
          const char   *due,
          const char   *key)
{
  const char *texts[] = { row_id, name, company, since, due, key };
  gsize lengths[G_N_ELEMENTS (texts)];
  gsize size = sizeof (MixTodayItem);
  MixTodayItem *item;
  char *at;
  char **fields[G_N_ELEMENTS (texts)];

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      lengths[i] = texts[i] != NULL ? strlen (texts[i]) + 1 : 0;
      size += lengths[i];
    }
  item = g_malloc (size);
  item->kind = kind;
  item->tab = tab;
  fields[0] = &item->row_id;
  fields[1] = &item->name;
  fields[2] = &item->company;
  fields[3] = &item->since;
  fields[4] = &item->due;
  fields[5] = &item->key;
  at = (char *) (item + 1);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      if (texts[i] == NULL)
        {
          *fields[i] = NULL;
          continue;
        }
      memcpy (at, texts[i], lengths[i]);
      *fields[i] = at;
      at += lengths[i];
    }
  return item;
}

MixTodayItem *
mix_today_item_copy (const MixTodayItem *item)
{
  MixTodayItem *copy;

  g_return_val_if_fail (item != NULL, NULL);

  copy = item_new (item->kind, item->tab, item->row_id, item->name, item->company, item->since,
                   item->due, item->key);
  copy->due_day = item->due_day;
  return copy;
}

void
mix_today_item_free (MixTodayItem *item)
{
  /* Its text is in the same block. */
  g_free (item);
}

static const char * const kind_ids[] = {
  "second-person", "follow-up-once", "no-response", "follow-up-date", "thank-you",
  "keep-in-touch",
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_ids) == MIX_TODAY_KEEP_IN_TOUCH + 1);

static const char *
or_someone (const char *name)
{
  return name != NULL && *name != '\0' ? name : _("someone");
}

/**
 * mix_today_item_title:
 *
 * Returns: what to do, as a sentence to show
 */
char *
mix_today_item_title (const MixTodayItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  switch (item->kind)
    {
    case MIX_TODAY_SECOND_PERSON:
      if (item->company != NULL && *item->company != '\0')
        /* Translators: %s is a company. */
        return g_strdup_printf (_("Reach a second person at %s"), item->company);
      /* Translators: %s is a person who did not answer. */
      return g_strdup_printf (_("Reach a second person where %s works"), or_someone (item->name));
    case MIX_TODAY_FOLLOW_UP_ONCE:
      /* Translators: %s is a person. */
      return g_strdup_printf (_("Follow up once with %s"), or_someone (item->name));
    case MIX_TODAY_NO_RESPONSE:
      /* Translators: %s is a person. */
      return g_strdup_printf (_("Mark %s as “No response”"), or_someone (item->name));
    case MIX_TODAY_FOLLOW_UP_DATE:
      /* Translators: %s is a person. */
      return g_strdup_printf (_("Follow up with %s"), or_someone (item->name));
    case MIX_TODAY_THANK_YOU:
      /* Translators: %s is a person. */
      return g_strdup_printf (_("Thank %s for the conversation"), or_someone (item->name));
    case MIX_TODAY_KEEP_IN_TOUCH:
      /* Translators: %s is a person. */
      return g_strdup_printf (_("Keep in touch with %s"), or_someone (item->name));
    default:
      g_return_val_if_reached (NULL);
    }
}

static int
days_between (const char  *iso,
              const GDate *today)
{
  GDate date;

  if (!mix_date_parse (iso, &date))
    return 0;
  return g_date_days_between (&date, today);
}

/**
 * mix_today_item_reason:
 * @today: the day the list is for
 *
 * Returns: why it is there and since when, as a sentence to show
 */
char *
mix_today_item_reason (const MixTodayItem *item,
                       const GDate        *today)
{
  int days;

  g_return_val_if_fail (item != NULL, NULL);
  g_return_val_if_fail (today != NULL, NULL);

  days = days_between (item->since, today);
  switch (item->kind)
    {
    case MIX_TODAY_SECOND_PERSON:
    case MIX_TODAY_FOLLOW_UP_ONCE:
      /* Translators: %s is a date, %d a number of days. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Messaged on %s, %d day ago, with no reply",
                                           "Messaged on %s, %d days ago, with no reply", days),
                              item->since, days);
    case MIX_TODAY_NO_RESPONSE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Followed up on %s, %d day ago, with no reply",
                                           "Followed up on %s, %d days ago, with no reply", days),
                              item->since, days);
    case MIX_TODAY_FOLLOW_UP_DATE:
      if (days == 0)
        return g_strdup (_("The follow-up date is today"));
      /* Translators: %s is the follow-up date. */
      return g_strdup_printf (_("The follow-up date was %s"), item->since);
    case MIX_TODAY_THANK_YOU:
      /* Translators: %s is the day of the conversation. */
      return g_strdup_printf (_("Talked on %s; a thank-you is due within 24 hours"), item->since);
    case MIX_TODAY_KEEP_IN_TOUCH:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Last in touch on %s, %d day ago",
                                           "Last in touch on %s, %d days ago", days),
                              item->since, days);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * mix_today_item_is_overdue:
 *
 * Returns: whether @item was due before @today
 */
gboolean
mix_today_item_is_overdue (const MixTodayItem *item,
                           const GDate        *today)
{
  g_autofree char *iso = NULL;

  g_return_val_if_fail (item != NULL && today != NULL, FALSE);

  iso = mix_date_to_iso (today);
  return strcmp (item->due, iso) < 0;
}

/* Marks kept in the row, under the item's key. */
#define MARK_DONE "done"
#define MARK_UNTIL "until:"

/**
 * mix_today_mark_done:
 *
 * Marks @item done, in its row of @tracker: it is not shown again. Its row
 * changes, and is saved and merged as any change of it is.
 *
 * Returns: %FALSE if the row is gone
 */
gboolean
mix_today_mark_done (MixTracker         *tracker,
                     const MixTodayItem *item)
{
  MixRecord *row;

  g_return_val_if_fail (MIX_IS_TRACKER (tracker) && item != NULL, FALSE);

  row = mix_tracker_find (tracker, item->row_id);
  if (row == NULL)
    return FALSE;
  mix_record_set_mark (row, item->key, MARK_DONE);
  return TRUE;
}

/**
 * mix_today_snooze:
 * @until: the day @item comes back
 *
 * Snoozes @item, in its row of @tracker, until @until.
 *
 * Returns: %FALSE if the row is gone
 */
gboolean
mix_today_snooze (MixTracker         *tracker,
                  const MixTodayItem *item,
                  const GDate        *until)
{
  MixRecord *row;
  g_autofree char *day = NULL;
  g_autofree char *mark = NULL;

  g_return_val_if_fail (MIX_IS_TRACKER (tracker) && item != NULL && until != NULL, FALSE);

  row = mix_tracker_find (tracker, item->row_id);
  if (row == NULL)
    return FALSE;
  day = mix_date_to_iso (until);
  mark = g_strconcat (MARK_UNTIL, day, NULL);
  mix_record_set_mark (row, item->key, mark);
  return TRUE;
}

/**
 * mix_today_unmark:
 *
 * Takes back a snooze or a done of @item (Undo).
 */
void
mix_today_unmark (MixTracker         *tracker,
                  const MixTodayItem *item)
{
  MixRecord *row;

  g_return_if_fail (MIX_IS_TRACKER (tracker) && item != NULL);

  row = mix_tracker_find (tracker, item->row_id);
  if (row != NULL)
    mix_record_set_mark (row, item->key, NULL);
}

/* Rules */

/* A day of the tracker: mix_date_parse(), which reads YYYY-MM-DD at once. */
static gboolean
parse_day (const char *text,
           GDate      *date)
{
  g_date_clear (date, 1);
  return mix_date_parse (text, date);
}

/**
 * mix_date_add_business_days:
 *
 * Moves @date on by @days days from Monday to Friday: a Friday and 1 is
 * the next Monday, a Saturday and 1 too.
 */
void
mix_date_add_business_days (GDate *date,
                            guint  days)
{
  g_return_if_fail (date != NULL && g_date_valid (date));

  while (days > 0)
    {
      g_date_add_days (date, 1);
      if (g_date_get_weekday (date) < G_DATE_SATURDAY)
        days--;
    }
}

typedef struct
{
  GPtrArray     *items;
  const GDate   *today;
  GDate          horizon;  /* the last day items are listed for */
  char           today_iso[11];
  GHashTable    *folds;   /* name → folded and stripped, made once each */
  guint          name_column[MIX_N_TABS];
  guint          company_column[MIX_N_TABS];
} Compute;


static gboolean
row_mark_hides (const char *mark,
                const char *today_iso)
{
  if (mark == NULL)
    return FALSE;
  if (g_str_equal (mark, MARK_DONE))
    return TRUE;
  /* Snoozed until a day after today. */
  return g_str_has_prefix (mark, MARK_UNTIL) &&
         strcmp (mark + strlen (MARK_UNTIL), today_iso) > 0;
}

/* @name folded as search folds it, without surrounding space; names come
 * back often in a log, and each is folded once. */
static const char *
fold_name (Compute    *compute,
           const char *name)
{
  char *folded = g_hash_table_lookup (compute->folds, name);

  if (folded == NULL)
    {
      folded = g_strstrip (mix_text_fold (name, -1));
      g_hash_table_insert (compute->folds, g_strdup (name), folded);
    }
  return folded;
}

/* @date as `YYYY-MM-DD` in @out, without the cost of a printf: a list of
 * thousands makes as many. */
static void
format_iso (const GDate *date,
            char         out[11])
{
  guint year = g_date_get_year (date), month = g_date_get_month (date);
  guint day = g_date_get_day (date);

  out[0] = (char) ('0' + year / 1000 % 10);
  out[1] = (char) ('0' + year / 100 % 10);
  out[2] = (char) ('0' + year / 10 % 10);
  out[3] = (char) ('0' + year % 10);
  out[4] = '-';
  out[5] = (char) ('0' + month / 10);
  out[6] = (char) ('0' + month % 10);
  out[7] = '-';
  out[8] = (char) ('0' + day / 10);
  out[9] = (char) ('0' + day % 10);
  out[10] = '\0';
}

static void
add_item (Compute      *compute,
          MixTodayKind  kind,
          MixTab        tab,
          MixRecord    *row,
          const char   *since,
          const GDate  *due)
{
  char due_iso[11];
  const char *id = mix_record_get_id (row);
  const char *kind_id = kind_ids[kind];
  gsize kind_length = strlen (kind_id), id_length = strlen (id);
  char stack_key[128];
  g_autofree char *heap_key = NULL;
  char *key = stack_key;
  MixTodayItem *item;

  format_iso (due, due_iso);
  /* "kind:row-id:YYYY-MM-DD", on the stack for a row id of the usual
   * length. */
  if (kind_length + id_length + 2 + 11 > sizeof stack_key)
    key = heap_key = g_malloc (kind_length + id_length + 2 + 11);
  memcpy (key, kind_id, kind_length);
  key[kind_length] = ':';
  memcpy (key + kind_length + 1, id, id_length);
  key[kind_length + 1 + id_length] = ':';
  memcpy (key + kind_length + 2 + id_length, due_iso, 11);

  if (row_mark_hides (mix_record_get_mark (row, key), compute->today_iso))
    return;

  item = item_new (kind, tab, id,
                   mix_record_get_value (row, compute->name_column[tab]),
                   mix_record_get_value (row, compute->company_column[tab]),
                   since, due_iso, key);
  item->due_day = g_date_get_julian (due);
  g_ptr_array_add (compute->items, item);
}

/* The follow-up date of @row, if it has come. */
static void
check_follow_up_date (Compute   *compute,
                      MixTab     tab,
                      MixRecord *row,
                      guint      column)
{
  const char *date = mix_record_get_value (row, column);
  GDate due;

  if (date == NULL || !parse_day (date, &due) || g_date_compare (&due, &compute->horizon) > 0)
    return;
  add_item (compute, MIX_TODAY_FOLLOW_UP_DATE, tab, row, date, &due);
}

/* The latest day a message to each contact was sent: row id → GDate. */
static GHashTable *
sent_days (MixDrafts *drafts)
{
  GHashTable *sent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n = drafts != NULL ? g_list_model_get_n_items (G_LIST_MODEL (drafts)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MixDraft) draft = g_list_model_get_item (G_LIST_MODEL (drafts), i);
      const char *contact = mix_draft_get_contact_id (draft);
      const char *sent_on = mix_draft_get_sent_on (draft);
      GDate day, *known;

      if (contact == NULL || mix_draft_get_status (draft) != MIX_DRAFT_STATUS_SENT ||
          sent_on == NULL || !parse_day (sent_on, &day))
        continue;
      known = g_hash_table_lookup (sent, contact);
      if (known == NULL)
        g_hash_table_insert (sent, g_strdup (contact), g_memdup2 (&day, sizeof day));
      else if (g_date_compare (&day, known) > 0)
        *known = day;
    }
  return sent;
}

static void
check_new_contact (Compute    *compute,
                   MixRecord  *row,
                   GHashTable *sent,
                   guint       status_column,
                   guint       contacted_column)
{
  const char *contacted = mix_record_get_value (row, contacted_column);
  const GDate *last_sent = g_hash_table_lookup (sent, mix_record_get_id (row));
  GDate first, due;

  if (g_strcmp0 (mix_record_get_value (row, status_column), "messaged") != 0 ||
      contacted == NULL || !parse_day (contacted, &first))
    return;

  /* A message sent after the first one is the follow-up. */
  if (last_sent != NULL && g_date_compare (last_sent, &first) > 0)
    {
      char since[11];

      format_iso (last_sent, since);

      due = *last_sent;
      mix_date_add_business_days (&due, MIX_TODAY_FOLLOW_UP_DAYS);
      if (g_date_compare (&due, &compute->horizon) <= 0)
        add_item (compute, MIX_TODAY_NO_RESPONSE, MIX_TAB_NEW_CONTACTS, row, since, &due);
      return;
    }

  /* Due by today: the one step that is due now. Ahead of today: each
   * step on its own day. */
  due = first;
  mix_date_add_business_days (&due, MIX_TODAY_FOLLOW_UP_DAYS);
  if (g_date_compare (&due, compute->today) <= 0)
    {
      add_item (compute, MIX_TODAY_FOLLOW_UP_ONCE, MIX_TAB_NEW_CONTACTS, row, contacted, &due);
      return;
    }
  if (g_date_compare (&due, &compute->horizon) <= 0)
    add_item (compute, MIX_TODAY_FOLLOW_UP_ONCE, MIX_TAB_NEW_CONTACTS, row, contacted, &due);
  due = first;
  mix_date_add_business_days (&due, MIX_TODAY_SECOND_PERSON_DAYS);
  if (g_date_compare (&due, &compute->horizon) <= 0)
    add_item (compute, MIX_TODAY_SECOND_PERSON, MIX_TAB_NEW_CONTACTS, row, contacted, &due);
}

static void
check_thank_you (Compute   *compute,
                 MixRecord *row,
                 guint      date_column,
                 guint      thanked_column)
{
  const char *date = mix_record_get_value (row, date_column);
  GDate day, due;
  int days;

  if (date == NULL || !parse_day (date, &day) || mix_record_get_boolean (row, thanked_column))
    return;
  days = g_date_days_between (&day, compute->today);
  if (days > MIX_TODAY_THANK_YOU_DAYS)
    return;
  due = day;
  g_date_add_days (&due, 1);
  if (days < 0 && g_date_compare (&due, &compute->horizon) > 0)
    return;
  add_item (compute, MIX_TODAY_THANK_YOU, MIX_TAB_NETWORKING_LOG, row, date, &due);
}

/* Moves @date on by the cadence @id; FALSE for none. */
static gboolean
add_cadence (GDate      *date,
             const char *id)
{
  if (g_strcmp0 (id, "2-weeks") == 0)
    g_date_add_days (date, 14);
  else if (g_strcmp0 (id, "month") == 0)
    g_date_add_months (date, 1);
  else if (g_strcmp0 (id, "quarter") == 0)
    g_date_add_months (date, 3);
  else if (g_strcmp0 (id, "6-months") == 0)
    g_date_add_months (date, 6);
  else if (g_strcmp0 (id, "year") == 0)
    g_date_add_years (date, 1);
  else
    return FALSE;
  return TRUE;
}

/* The latest conversation in the Networking Log with each person, by
 * name as folded for search: folded name → YYYY-MM-DD. */
static GHashTable *
latest_talks (Compute    *compute,
              MixTracker *tracker)
{
  GHashTable *talks = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *log = mix_tracker_get_rows (tracker, MIX_TAB_NETWORKING_LOG);
  guint name_column = (guint) mix_tab_find_column (MIX_TAB_NETWORKING_LOG, "name");
  guint date_column = (guint) mix_tab_find_column (MIX_TAB_NETWORKING_LOG, "date");
  guint n = g_list_model_get_n_items (log);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MixRecord) row = g_list_model_get_item (log, i);
      const char *name = mix_record_get_value (row, name_column);
      const char *date = mix_record_get_value (row, date_column);
      const char *folded, *known;
      GDate day;

      if (name == NULL || *name == '\0' || date == NULL || !parse_day (date, &day))
        continue;
      folded = fold_name (compute, name);
      known = g_hash_table_lookup (talks, folded);
      /* Both are kept by their rows, which outlive the list. */
      if (known == NULL || strcmp (date, known) > 0)
        g_hash_table_replace (talks, (gpointer) folded, (gpointer) date);
    }
  return talks;
}

static void
check_keep_in_touch (Compute    *compute,
                     MixRecord  *row,
                     GHashTable *talks,
                     guint       cadence_column,
                     guint       last_column,
                     guint       name_column)
{
  const char *cadence = mix_record_get_value (row, cadence_column);
  const char *last = mix_record_get_value (row, last_column);
  const char *name = mix_record_get_value (row, name_column);
  const char *since = NULL;
  g_autofree char *created_iso = NULL;
  GDate day, due;

  if (cadence == NULL || *cadence == '\0' || g_str_equal (cadence, "never"))
    return;
  if (last != NULL && parse_day (last, &day))
    since = last;
  if (name != NULL && *name != '\0')
    {
      const char *talk = g_hash_table_lookup (talks, fold_name (compute, name));

      if (talk != NULL && (since == NULL || strcmp (talk, since) > 0))
        since = talk;
    }
  /* Never in touch that the tracker knows of: counted from the day they
   * were added. */
  if (since == NULL)
    {
      g_autofree char *created = g_strndup (mix_record_get_created (row), 10);

      if (!parse_day (created, &day))
        return;
      created_iso = mix_date_to_iso (&day);
      since = created_iso;
    }
  if (!parse_day (since, &due) || !add_cadence (&due, cadence))
    return;
  if (g_date_compare (&due, &compute->horizon) <= 0)
    add_item (compute, MIX_TODAY_KEEP_IN_TOUCH, MIX_TAB_EXISTING_NETWORK, row, since, &due);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const MixTodayItem *ia = *(MixTodayItem * const *) a;
  const MixTodayItem *ib = *(MixTodayItem * const *) b;

  if (ia->due_day != ib->due_day)
    return ia->due_day < ib->due_day ? -1 : 1;
  /* Then by kind, and (the sort being stable) in the tracker's order. */
  if (ia->kind != ib->kind)
    return ia->kind < ib->kind ? -1 : 1;
  return 0;
}

/**
 * mix_today_compute:
 * @drafts: (nullable): the messages, for the follow-ups sent
 * @today: the day the list is for
 *
 * Items snoozed to a later day, or done (see mix_today_snooze()), are left
 * out.
 *
 * Returns: (transfer container) (element-type MixTodayItem): what is due on
 *   @today or before, the longest overdue first
 */
GPtrArray *
mix_today_compute (MixTracker  *tracker,
                   MixDrafts   *drafts,
                   const GDate *today)
{
  return mix_today_compute_ahead (tracker, drafts, today, 0);
}

/**
 * mix_today_compute_ahead:
 * @drafts: (nullable): the messages, for the follow-ups sent
 * @today: the day the list is for
 * @days_ahead: how many days after @today to list too
 *
 * As mix_today_compute(), with what falls due in the @days_ahead days
 * after @today too, each on its day: for a calendar. Of the 3B7 steps of a
 * New Contact, those to come are each listed; once one is due, only it.
 *
 * Returns: (transfer container) (element-type MixTodayItem): the items,
 *   soonest due first
 */
GPtrArray *
mix_today_compute_ahead (MixTracker  *tracker,
                         MixDrafts   *drafts,
                         const GDate *today,
                         guint        days_ahead)
{
  g_autoptr(GHashTable) sent = NULL;
  g_autoptr(GHashTable) talks = NULL;
  Compute compute = { NULL, };
  GListModel *rows;
  guint n;

  g_return_val_if_fail (MIX_IS_TRACKER (tracker), NULL);
  g_return_val_if_fail (drafts == NULL || MIX_IS_DRAFTS (drafts), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  compute.items = g_ptr_array_new_with_free_func ((GDestroyNotify) mix_today_item_free);
  compute.folds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  compute.today = today;
  compute.horizon = *today;
  g_date_add_days (&compute.horizon, days_ahead);
  format_iso (today, compute.today_iso);
  for (guint t = 0; t < MIX_N_TABS; t++)
    {
      compute.name_column[t] = (guint) mix_tab_find_column (t, "name");
      compute.company_column[t] = (guint) mix_tab_find_column (t, "company");
    }

  sent = sent_days (drafts);
  rows = mix_tracker_get_rows (tracker, MIX_TAB_NEW_CONTACTS);
  n = g_list_model_get_n_items (rows);
  {
    guint status = (guint) mix_tab_find_column (MIX_TAB_NEW_CONTACTS, "status");
    guint contacted = (guint) mix_tab_find_column (MIX_TAB_NEW_CONTACTS, "contacted_on");
    guint follow_up = (guint) mix_tab_find_column (MIX_TAB_NEW_CONTACTS, "follow_up_date");

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(MixRecord) row = g_list_model_get_item (rows, i);

        check_new_contact (&compute, row, sent, status, contacted);
        check_follow_up_date (&compute, MIX_TAB_NEW_CONTACTS, row, follow_up);
      }
  }

  rows = mix_tracker_get_rows (tracker, MIX_TAB_NETWORKING_LOG);
  n = g_list_model_get_n_items (rows);
  {
    guint date = (guint) mix_tab_find_column (MIX_TAB_NETWORKING_LOG, "date");
    guint thanked = (guint) mix_tab_find_column (MIX_TAB_NETWORKING_LOG, "thank_you_sent");
    guint follow_up = (guint) mix_tab_find_column (MIX_TAB_NETWORKING_LOG, "follow_up_date");

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(MixRecord) row = g_list_model_get_item (rows, i);

        check_thank_you (&compute, row, date, thanked);
        check_follow_up_date (&compute, MIX_TAB_NETWORKING_LOG, row, follow_up);
      }
  }

  talks = latest_talks (&compute, tracker);
  rows = mix_tracker_get_rows (tracker, MIX_TAB_EXISTING_NETWORK);
  n = g_list_model_get_n_items (rows);
  {
    guint cadence = (guint) mix_tab_find_column (MIX_TAB_EXISTING_NETWORK, "keep_in_touch");
    guint last = (guint) mix_tab_find_column (MIX_TAB_EXISTING_NETWORK, "last_contact");
    guint name = (guint) mix_tab_find_column (MIX_TAB_EXISTING_NETWORK, "name");

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(MixRecord) row = g_list_model_get_item (rows, i);

        check_keep_in_touch (&compute, row, talks, cadence, last, name);
      }
  }

  g_clear_pointer (&talks, g_hash_table_unref);
  g_hash_table_unref (compute.folds);
  g_ptr_array_sort (compute.items, compare_items);
  return compute.items;
}
