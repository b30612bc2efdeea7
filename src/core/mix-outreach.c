/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mix-date.h"
#include "mix-outreach.h"
#include "mix-template.h"

/**
 * MixOutreach:
 *
 * A draft together with its contact, the tracker row it is for. It works
 * the personalization checklist out again whenever the text, the channel
 * or the contact changes (the contact edited, linked, unlinked or deleted
 * from the tracker), and emits #MixOutreach::changed. It also holds the
 * rules for what sending a message and logging a conversation do to the
 * tracker, as changes the window's history can undo.
 */

struct _MixOutreach
{
  GObject             parent_instance;

  MixStore           *store;
  MixDraft           *draft;           /* nullable */
  MixRecord          *contact;         /* nullable: the draft's row, while in the tracker */
  gboolean            free_account;

  char               *notes;           /* what the tracker says of the contact */
  MixChecklistResult  result;
};

G_DEFINE_FINAL_TYPE (MixOutreach, mix_outreach, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DRAFT,
  PROP_CONTACT,
  PROP_FREE_ACCOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The contact's fields, through the schema */

/* The value of @column_id if the row's tab has it, with the given type. */
static const char *
contact_value (MixRecord     *record,
               const char    *column_id,
               MixColumnType  type)
{
  MixTab tab = mix_record_get_tab (record);
  int column = mix_tab_find_column (tab, column_id);

  if (column < 0 || mix_tab_get_info (tab)->columns[column].type != type)
    return NULL;
  return mix_record_get_value (record, (guint) column);
}

const char *
mix_contact_get_name (MixRecord *record)
{
  g_return_val_if_fail (MIX_IS_RECORD (record), NULL);
  return contact_value (record, "name", MIX_COLUMN_TEXT);
}

const char *
mix_contact_get_company (MixRecord *record)
{
  g_return_val_if_fail (MIX_IS_RECORD (record), NULL);
  return contact_value (record, "company", MIX_COLUMN_TEXT);
}

const char *
mix_contact_get_role (MixRecord *record)
{
  g_return_val_if_fail (MIX_IS_RECORD (record), NULL);
  return contact_value (record, "role", MIX_COLUMN_TEXT);
}

/**
 * mix_text_is_blank:
 * @text: (nullable): some text
 *
 * Returns: whether @text is %NULL, empty or only white space
 */
gboolean
mix_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/**
 * mix_contact_dup_notes:
 *
 * Returns: (transfer full): what the row's long text says about the person
 *   (research notes, how they could help, notes, what was learned), one
 *   per line; empty when nothing
 */
char *
mix_contact_dup_notes (MixRecord *record)
{
  /* Follow-ups and next steps are about the student, not the person. */
  static const char * const note_columns[] = {
    "research_notes", "how_they_could_help", "notes", "what_i_learned",
  };
  GString *notes = g_string_new (NULL);

  g_return_val_if_fail (MIX_IS_RECORD (record), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (note_columns); i++)
    {
      const char *value = contact_value (record, note_columns[i], MIX_COLUMN_LONG_TEXT);

      if (mix_text_is_blank (value))
        continue;
      if (notes->len > 0)
        g_string_append_c (notes, '\n');
      g_string_append (notes, value);
    }
  return g_string_free (notes, FALSE);
}

/* Working the checklist out */

static MixTracker *
get_tracker (MixOutreach *self)
{
  return mix_store_get_tracker (self->store);
}

static void
recompute (MixOutreach *self)
{
  MixRecipient recipient;
  gboolean known;

  if (self->draft == NULL)
    {
      memset (&self->result, 0, sizeof self->result);
      g_signal_emit (self, signals[CHANGED], 0);
      return;
    }
  known = mix_outreach_get_recipient (self, &recipient);
  mix_checklist_evaluate (mix_draft_get_body (self->draft),
                          mix_draft_get_subject (self->draft),
                          mix_draft_get_channel (self->draft),
                          self->free_account, known ? &recipient : NULL,
                          &self->result);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_contact_changed_cb (MixOutreach *self)
{
  g_clear_pointer (&self->notes, g_free);
  recompute (self);
}

static void
set_contact (MixOutreach *self,
             MixRecord   *contact)
{
  if (self->contact == contact)
    return;
  if (self->contact != NULL)
    g_signal_handlers_disconnect_by_func (self->contact, on_contact_changed_cb, self);
  g_set_object (&self->contact, contact);
  if (self->contact != NULL)
    g_signal_connect_swapped (self->contact, "changed", G_CALLBACK (on_contact_changed_cb), self);
  g_clear_pointer (&self->notes, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT]);
}

/* The draft's contact, if it is in the tracker. */
static MixRecord *
find_contact (MixOutreach *self)
{
  const char *id = self->draft != NULL ? mix_draft_get_contact_id (self->draft) : NULL;

  return id != NULL ? mix_tracker_find (get_tracker (self), id) : NULL;
}

/* Returns TRUE if the contact is another than before. */
static gboolean
refresh_contact (MixOutreach *self)
{
  MixRecord *contact = find_contact (self);

  if (contact == self->contact)
    return FALSE;
  set_contact (self, contact);
  return TRUE;
}

/* A row was added or deleted, or a value changed: the contact may have gone
 * (or come back, by Undo). */
static void
on_tracker_changed_cb (MixOutreach *self)
{
  if (refresh_contact (self))
    recompute (self);
}

/* The draft's contact may have changed by another writer (a merge). */
static void
on_draft_changed_cb (MixOutreach *self)
{
  if (refresh_contact (self))
    recompute (self);
}

/* GObject */

static void
mix_outreach_dispose (GObject *object)
{
  MixOutreach *self = MIX_OUTREACH (object);

  set_contact (self, NULL);
  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_func (self->draft, on_draft_changed_cb, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (get_tracker (self), self);
  g_clear_object (&self->draft);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mix_outreach_parent_class)->dispose (object);
}

static void
mix_outreach_finalize (GObject *object)
{
  MixOutreach *self = MIX_OUTREACH (object);

  g_free (self->notes);

  G_OBJECT_CLASS (mix_outreach_parent_class)->finalize (object);
}

static void
mix_outreach_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  MixOutreach *self = MIX_OUTREACH (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      g_value_set_object (value, self->draft);
      break;
    case PROP_CONTACT:
      g_value_set_object (value, self->contact);
      break;
    case PROP_FREE_ACCOUNT:
      g_value_set_boolean (value, self->free_account);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mix_outreach_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  MixOutreach *self = MIX_OUTREACH (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      mix_outreach_set_draft (self, g_value_get_object (value));
      break;
    case PROP_FREE_ACCOUNT:
      mix_outreach_set_free_account (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mix_outreach_class_init (MixOutreachClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mix_outreach_dispose;
  object_class->finalize = mix_outreach_finalize;
  object_class->get_property = mix_outreach_get_property;
  object_class->set_property = mix_outreach_set_property;

  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL, MIX_TYPE_DRAFT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CONTACT] =
    g_param_spec_object ("contact", NULL, NULL, MIX_TYPE_RECORD,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FREE_ACCOUNT] =
    g_param_spec_boolean ("free-account", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MixOutreach::changed:
   *
   * The checklist was worked out again: the text, the channel, a manual
   * answer or the contact changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
mix_outreach_init (MixOutreach *self)
{
}

/**
 * mix_outreach_new:
 * @store: where the drafts and the tracker are
 *
 * Returns: (transfer full): an outreach with no draft yet
 */
MixOutreach *
mix_outreach_new (MixStore *store)
{
  MixOutreach *self;

  g_return_val_if_fail (MIX_IS_STORE (store), NULL);

  self = g_object_new (MIX_TYPE_OUTREACH, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_swapped (get_tracker (self), "changed",
                            G_CALLBACK (on_tracker_changed_cb), self);
  return self;
}

MixStore *
mix_outreach_get_store (MixOutreach *self)
{
  g_return_val_if_fail (MIX_IS_OUTREACH (self), NULL);
  return self->store;
}

/**
 * mix_outreach_get_draft:
 *
 * Returns: (transfer none) (nullable): the draft
 */
MixDraft *
mix_outreach_get_draft (MixOutreach *self)
{
  g_return_val_if_fail (MIX_IS_OUTREACH (self), NULL);
  return self->draft;
}

void
mix_outreach_set_draft (MixOutreach *self,
                        MixDraft    *draft)
{
  g_return_if_fail (MIX_IS_OUTREACH (self));
  g_return_if_fail (draft == NULL || MIX_IS_DRAFT (draft));

  if (self->draft == draft)
    return;
  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_func (self->draft, on_draft_changed_cb, self);
  g_set_object (&self->draft, draft);
  if (draft != NULL)
    g_signal_connect_swapped (draft, "changed", G_CALLBACK (on_draft_changed_cb), self);
  refresh_contact (self);
  recompute (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
}

/**
 * mix_outreach_get_contact:
 *
 * Returns: (transfer none) (nullable): the tracker row the draft is for,
 *   while it is in the tracker
 */
MixRecord *
mix_outreach_get_contact (MixOutreach *self)
{
  g_return_val_if_fail (MIX_IS_OUTREACH (self), NULL);
  return self->contact;
}

gboolean
mix_outreach_get_free_account (MixOutreach *self)
{
  g_return_val_if_fail (MIX_IS_OUTREACH (self), FALSE);
  return self->free_account;
}

/**
 * mix_outreach_set_free_account:
 *
 * A free LinkedIn account lowers the connection note's limit.
 */
void
mix_outreach_set_free_account (MixOutreach *self,
                               gboolean     free_account)
{
  g_return_if_fail (MIX_IS_OUTREACH (self));

  free_account = !!free_account;
  if (self->free_account == free_account)
    return;
  self->free_account = free_account;
  recompute (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FREE_ACCOUNT]);
}

/* Whether the messages may not be changed. */
gboolean
mix_outreach_get_read_only (MixOutreach *self)
{
  g_return_val_if_fail (MIX_IS_OUTREACH (self), TRUE);
  return mix_store_is_read_only (self->store, MIX_DOMAIN_MESSAGES);
}

gboolean
mix_outreach_get_tracker_read_only (MixOutreach *self)
{
  g_return_val_if_fail (MIX_IS_OUTREACH (self), TRUE);
  return mix_store_is_read_only (self->store, MIX_DOMAIN_TRACKER);
}

/**
 * mix_outreach_get_result:
 *
 * Returns: (transfer none): the checklist as last worked out
 */
const MixChecklistResult *
mix_outreach_get_result (MixOutreach *self)
{
  g_return_val_if_fail (MIX_IS_OUTREACH (self), NULL);
  return &self->result;
}

/**
 * mix_outreach_get_recipient:
 * @recipient: (out caller-allocates): what is known of the contact, valid
 *   until the contact or the outreach changes
 *
 * Returns: %FALSE, leaving @recipient empty, when there is no contact
 */
gboolean
mix_outreach_get_recipient (MixOutreach  *self,
                            MixRecipient *recipient)
{
  g_return_val_if_fail (MIX_IS_OUTREACH (self), FALSE);
  g_return_val_if_fail (recipient != NULL, FALSE);

  memset (recipient, 0, sizeof *recipient);
  if (self->contact == NULL)
    return FALSE;
  if (self->notes == NULL)
    self->notes = mix_contact_dup_notes (self->contact);
  recipient->name = mix_contact_get_name (self->contact);
  recipient->company = mix_contact_get_company (self->contact);
  recipient->role = mix_contact_get_role (self->contact);
  recipient->research_notes = self->notes;
  return TRUE;
}

/**
 * mix_outreach_get_score:
 * @total: (out) (optional): the number of items
 *
 * Returns: the items checked, the manual answers of the draft included
 */
guint
mix_outreach_get_score (MixOutreach *self,
                        guint       *total)
{
  gboolean answers[MIX_N_CHECKS] = { FALSE };
  guint n;

  g_return_val_if_fail (MIX_IS_OUTREACH (self), 0);

  if (self->draft != NULL)
    mix_draft_get_manual_answers (self->draft, answers);
  return mix_checklist_score (&self->result, answers, total != NULL ? total : &n);
}

/* Editing the draft */

void
mix_outreach_set_recipient (MixOutreach *self,
                            const char  *recipient)
{
  g_return_if_fail (MIX_IS_OUTREACH (self));

  if (self->draft != NULL)
    mix_draft_set_recipient (self->draft, recipient);
}

void
mix_outreach_set_channel (MixOutreach *self,
                          MixChannel   channel)
{
  g_return_if_fail (MIX_IS_OUTREACH (self));

  if (self->draft == NULL)
    return;
  mix_draft_set_channel (self->draft, channel);
  recompute (self);
}

void
mix_outreach_set_subject (MixOutreach *self,
                          const char  *subject)
{
  g_return_if_fail (MIX_IS_OUTREACH (self));

  if (self->draft == NULL)
    return;
  mix_draft_set_subject (self->draft, subject);
  recompute (self);
}

/**
 * mix_outreach_set_body:
 *
 * Sets the message, and works the checklist out again.
 */
void
mix_outreach_set_body (MixOutreach *self,
                       const char  *body)
{
  g_return_if_fail (MIX_IS_OUTREACH (self));

  if (self->draft == NULL)
    return;
  mix_draft_set_body (self->draft, body);
  recompute (self);
}

/**
 * mix_outreach_set_check:
 * @checked: %TRUE to tick the item by hand, %FALSE to leave it to the analysis
 */
void
mix_outreach_set_check (MixOutreach *self,
                        MixCheck     check,
                        gboolean     checked)
{
  g_return_if_fail (MIX_IS_OUTREACH (self));
  g_return_if_fail (check < MIX_N_CHECKS);

  if (self->draft == NULL)
    return;
  if (checked)
    mix_draft_set_check (self->draft, check, TRUE);
  else
    mix_draft_clear_check (self->draft, check);
  recompute (self);
}

/**
 * mix_outreach_link_contact:
 * @contact_id: a tracker row's id
 *
 * Makes the draft one for this contact, taking their name as the recipient.
 *
 * Returns: %FALSE if there is no draft, no such contact, or the messages
 *   are read-only
 */
gboolean
mix_outreach_link_contact (MixOutreach *self,
                           const char  *contact_id)
{
  MixRecord *record;

  g_return_val_if_fail (MIX_IS_OUTREACH (self), FALSE);
  g_return_val_if_fail (contact_id != NULL, FALSE);

  if (self->draft == NULL || mix_outreach_get_read_only (self))
    return FALSE;
  record = mix_tracker_find (get_tracker (self), contact_id);
  if (record == NULL)
    return FALSE;

  mix_draft_set_contact_id (self->draft, contact_id);
  mix_draft_set_recipient (self->draft, mix_contact_get_name (record));
  refresh_contact (self);
  recompute (self);
  return TRUE;
}

void
mix_outreach_unlink_contact (MixOutreach *self)
{
  g_return_if_fail (MIX_IS_OUTREACH (self));

  if (self->draft == NULL || mix_outreach_get_read_only (self))
    return;
  mix_draft_set_contact_id (self->draft, NULL);
  refresh_contact (self);
  recompute (self);
}

/**
 * mix_outreach_update_recipient_name:
 *
 * Takes the contact's name again, which may have changed in the tracker.
 */
void
mix_outreach_update_recipient_name (MixOutreach *self)
{
  const char *name;

  g_return_if_fail (MIX_IS_OUTREACH (self));

  refresh_contact (self);
  name = self->contact != NULL ? mix_contact_get_name (self->contact) : NULL;
  if (self->draft != NULL && !mix_text_is_blank (name) && !mix_outreach_get_read_only (self))
    mix_draft_set_recipient (self->draft, name);
}

/**
 * mix_outreach_fill_template:
 * @index: a template, below mix_template_get_n()
 *
 * Returns: (transfer full): the template filled in from the contact
 */
char *
mix_outreach_fill_template (MixOutreach *self,
                            guint        index)
{
  MixRecipient recipient;
  gboolean known;

  g_return_val_if_fail (MIX_IS_OUTREACH (self), NULL);
  g_return_val_if_fail (index < mix_template_get_n (), NULL);

  known = mix_outreach_get_recipient (self, &recipient);
  return mix_template_fill (mix_template_get_body (index), known ? &recipient : NULL);
}

/**
 * mix_outreach_find_prep:
 *
 * Returns: (transfer none) (nullable): the preparation for a call with the
 *   contact, if there is one
 */
MixPrep *
mix_outreach_find_prep (MixOutreach *self)
{
  g_return_val_if_fail (MIX_IS_OUTREACH (self), NULL);

  if (self->contact == NULL)
    return NULL;
  return mix_drafts_find_prep (mix_store_get_drafts (self->store),
                               mix_draft_get_contact_id (self->draft));
}

/**
 * mix_outreach_ensure_prep:
 *
 * Returns: (transfer none) (nullable): the preparation for a call with the
 *   contact, made on the first change; %NULL without a contact or when the
 *   messages are read-only
 */
MixPrep *
mix_outreach_ensure_prep (MixOutreach *self)
{
  g_return_val_if_fail (MIX_IS_OUTREACH (self), NULL);

  if (self->contact == NULL || mix_outreach_get_read_only (self))
    return NULL;
  return mix_drafts_ensure_prep (mix_store_get_drafts (self->store),
                                 mix_draft_get_contact_id (self->draft));
}
