/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mix-date.h"
#include "mix-outreach.h"

/* What Mark as Sent and Log This Conversation do to the draft and the
 * tracker, each as one change that the window's history can undo. */

typedef enum
{
  CHANGE_SENT,
  CHANGE_LOG,
} ChangeKind;

/* The Networking Log's columns a logged conversation sets. */
static const char * const log_columns[] = { "date", "format", "what_i_learned", "company" };
#define N_LOG_COLUMNS G_N_ELEMENTS (log_columns)

struct _MixOutreachChange
{
  ChangeKind      kind;
  MixStore       *store;

  /* Sent: the draft's state and its contact's, before and after. */
  MixDraft       *draft;
  MixDraftStatus  status[2];
  char           *sent_on[2];
  MixRecord      *record;             /* nullable: the contact it changed; the log row */
  char           *record_status[2];
  char           *contacted_on[2];

  /* Log: a row added, or the one logged before updated. */
  gboolean        added;
  char           *values[2][N_LOG_COLUMNS];
};

void
mix_outreach_change_free (gpointer data)
{
  MixOutreachChange *change = data;

  if (change == NULL)
    return;
  g_object_unref (change->store);
  g_clear_object (&change->draft);
  g_clear_object (&change->record);
  for (guint i = 0; i < 2; i++)
    {
      g_free (change->sent_on[i]);
      g_free (change->record_status[i]);
      g_free (change->contacted_on[i]);
      for (guint c = 0; c < N_LOG_COLUMNS; c++)
        g_free (change->values[i][c]);
    }
  g_free (change);
}

static MixOutreachChange *
change_new (MixOutreach *self,
            ChangeKind   kind)
{
  MixOutreachChange *change = g_new0 (MixOutreachChange, 1);

  change->kind = kind;
  change->store = g_object_ref (mix_outreach_get_store (self));
  return change;
}

static gboolean
is_in_tracker (MixStore  *store,
               MixRecord *record)
{
  return mix_tracker_find (mix_store_get_tracker (store), mix_record_get_id (record)) == record;
}

/* Mark as Sent */

static void
take_sent_state (MixOutreachChange *change,
                 guint              when)
{
  change->status[when] = mix_draft_get_status (change->draft);
  change->sent_on[when] = g_strdup (mix_draft_get_sent_on (change->draft));
  if (change->record != NULL)
    {
      change->record_status[when] = g_strdup (mix_record_get_value_by_id (change->record,
                                                                          "status"));
      change->contacted_on[when] = g_strdup (mix_record_get_value_by_id (change->record,
                                                                         "contacted_on"));
    }
}

static gboolean
set_sent_state (MixOutreachChange *change,
                guint              when)
{
  MixDrafts *drafts = mix_store_get_drafts (change->store);

  if (mix_drafts_find (drafts, mix_draft_get_id (change->draft)) != change->draft ||
      mix_store_is_read_only (change->store, MIX_DOMAIN_MESSAGES))
    return FALSE;
  mix_draft_set_status (change->draft, change->status[when]);
  mix_draft_set_sent_on (change->draft, change->sent_on[when], NULL);
  if (change->record != NULL && !mix_store_is_read_only (change->store, MIX_DOMAIN_TRACKER) &&
      is_in_tracker (change->store, change->record))
    {
      mix_record_set_value_by_id (change->record, "status", change->record_status[when], NULL);
      mix_record_set_value_by_id (change->record, "contacted_on", change->contacted_on[when],
                                  NULL);
    }
  return TRUE;
}

/* Whether sending to @record moves it along: a new contact not contacted
 * yet now has been. */
static gboolean
is_not_contacted (MixRecord *record)
{
  const char *status;

  if (mix_record_get_tab (record) != MIX_TAB_NEW_CONTACTS)
    return FALSE;
  status = mix_record_get_value_by_id (record, "status");
  return mix_text_is_blank (status) || g_strcmp0 (status, "not-contacted") == 0;
}

/**
 * mix_outreach_toggle_sent:
 * @outcome: (out): what was done
 *
 * Marks the draft sent today, or not sent. Sent to a contact of New
 * Contacts who was "Not contacted", it sets them to "Messaged", contacted
 * on today.
 *
 * Returns: (transfer full) (nullable): the change, for the history; %NULL
 *   without a draft or when the messages are read-only
 */
MixOutreachChange *
mix_outreach_toggle_sent (MixOutreach     *self,
                          MixOutreachSent *outcome)
{
  MixDraft *draft;
  MixRecord *record;
  MixOutreachChange *change;

  g_return_val_if_fail (MIX_IS_OUTREACH (self), NULL);
  g_return_val_if_fail (outcome != NULL, NULL);

  draft = mix_outreach_get_draft (self);
  if (draft == NULL || mix_outreach_get_read_only (self))
    return NULL;

  change = change_new (self, CHANGE_SENT);
  change->draft = g_object_ref (draft);
  if (mix_draft_get_status (draft) == MIX_DRAFT_STATUS_SENT)
    {
      take_sent_state (change, 0);
      mix_draft_set_status (draft, MIX_DRAFT_STATUS_DRAFT);
      mix_draft_set_sent_on (draft, NULL, NULL);
      *outcome = MIX_OUTREACH_UNSENT;
    }
  else
    {
      record = mix_outreach_get_contact (self);
      if (record != NULL && !mix_outreach_get_tracker_read_only (self) &&
          is_not_contacted (record))
        change->record = g_object_ref (record);
      take_sent_state (change, 0);

      mix_draft_mark_sent (draft, NULL, NULL);
      *outcome = MIX_OUTREACH_SENT;
      if (change->record != NULL)
        {
          g_autofree char *today = mix_date_today_iso ();

          mix_record_set_value_by_id (change->record, "status", "messaged", NULL);
          mix_record_set_value_by_id (change->record, "contacted_on", today, NULL);
          *outcome = MIX_OUTREACH_SENT_MESSAGED;
        }
    }
  take_sent_state (change, 1);
  return change;
}

/* Log This Conversation */

static void
take_log_values (MixOutreachChange *change,
                 guint              when)
{
  for (guint i = 0; i < N_LOG_COLUMNS; i++)
    change->values[when][i] = g_strdup (mix_record_get_value_by_id (change->record,
                                                                    log_columns[i]));
}

static gboolean
set_log_values (MixOutreachChange *change,
                guint              when)
{
  if (!is_in_tracker (change->store, change->record))
    return FALSE;
  for (guint i = 0; i < N_LOG_COLUMNS; i++)
    mix_record_set_value_by_id (change->record, log_columns[i], change->values[when][i], NULL);
  return TRUE;
}

/**
 * mix_outreach_log_conversation:
 * @format: (nullable): a choice of the Networking Log's format column
 * @notes: (nullable): what was learned
 * @added: (out): whether a row was added, rather than updated
 *
 * Logs a conversation with the contact to the Networking Log: the date,
 * their name and company, the format and what was learned. A conversation
 * is logged once: logged again the same day, its row is brought up to
 * date, so that it counts once toward a goal; another day, it is another
 * conversation.
 *
 * Returns: (transfer full) (nullable): the change, for the history; %NULL
 *   without a contact or when the tracker is read-only
 */
MixOutreachChange *
mix_outreach_log_conversation (MixOutreach *self,
                               const char  *format,
                               const char  *notes,
                               gboolean    *added)
{
  MixRecord *contact;
  MixTracker *tracker;
  MixPrep *prep;
  MixRecord *record;
  MixOutreachChange *change;
  g_autofree char *today = NULL;
  g_autofree char *learned = NULL;

  g_return_val_if_fail (MIX_IS_OUTREACH (self), NULL);
  g_return_val_if_fail (added != NULL, NULL);

  contact = mix_outreach_get_contact (self);
  if (contact == NULL || mix_outreach_get_tracker_read_only (self))
    return NULL;
  tracker = mix_store_get_tracker (mix_outreach_get_store (self));
  prep = mix_outreach_ensure_prep (self);

  change = change_new (self, CHANGE_LOG);
  record = prep != NULL ? mix_tracker_find (tracker, mix_prep_get_logged_id (prep)) : NULL;
  today = mix_date_today_iso ();
  if (record != NULL && (mix_record_get_tab (record) != MIX_TAB_NETWORKING_LOG ||
                         g_strcmp0 (mix_record_get_value_by_id (record, "date"), today) != 0))
    record = NULL;
  change->added = record == NULL;
  if (record == NULL)
    {
      record = mix_tracker_add_row (tracker, MIX_TAB_NETWORKING_LOG);
      mix_record_set_value_by_id (record, "name", mix_contact_get_name (contact), NULL);
    }
  change->record = g_object_ref (record);
  take_log_values (change, 0);

  learned = g_strstrip (g_strdup (notes != NULL ? notes : ""));
  mix_record_set_value_by_id (record, "date", today, NULL);
  mix_record_set_value_by_id (record, "company", mix_contact_get_company (contact), NULL);
  mix_record_set_value_by_id (record, "format", format, NULL);
  mix_record_set_value_by_id (record, "what_i_learned", learned, NULL);
  take_log_values (change, 1);
  if (prep != NULL)
    mix_prep_set_logged_id (prep, mix_record_get_id (record));

  *added = change->added;
  return change;
}

/* Undo and redo */

static gboolean
undo_log (MixOutreachChange *change)
{
  MixTracker *tracker = mix_store_get_tracker (change->store);

  if (!change->added)
    return set_log_values (change, 0);
  return mix_tracker_remove_row (tracker, change->record, NULL);
}

static gboolean
redo_log (MixOutreachChange *change)
{
  MixTracker *tracker = mix_store_get_tracker (change->store);

  if (!change->added)
    return set_log_values (change, 1);
  if (mix_tracker_find (tracker, mix_record_get_id (change->record)) != NULL)
    return FALSE;
  mix_tracker_insert_row (tracker, change->record, G_MAXUINT);
  return TRUE;
}

/**
 * mix_outreach_change_undo: (skip)
 *
 * A #MixHistoryFunc.
 */
gboolean
mix_outreach_change_undo (gpointer data)
{
  MixOutreachChange *change = data;

  return change->kind == CHANGE_SENT ? set_sent_state (change, 0) : undo_log (change);
}

/**
 * mix_outreach_change_redo: (skip)
 *
 * A #MixHistoryFunc.
 */
gboolean
mix_outreach_change_redo (gpointer data)
{
  MixOutreachChange *change = data;

  return change->kind == CHANGE_SENT ? set_sent_state (change, 1) : redo_log (change);
}
