/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mix-date.h"
#include "mix-draft.h"
#include "mix-error.h"
#include "mix-json.h"

/**
 * MixDraft:
 *
 * A message being written on the Messages page, as stored in the "drafts"
 * of `messages.json`: who it is for, on which channel, its text, the
 * checklist items the user answered, and whether it was sent.
 *
 * Only the user's own answers to the checklist are kept: what the analysis
 * decides is worked out again from the text. Members this version does not
 * know, of the draft or of its checks, are kept and written back.
 *
 * Every change that is saved bumps #MixDraft:modified and emits
 * #MixDraft::changed; setting a value it already has does neither. A draft
 * read from a file that has not changed since is written back exactly as
 * it was read.
 */

struct _MixDraft
{
  GObject         parent_instance;

  char           *id;
  char           *created;
  char           *modified;
  char           *contact_id;      /* nullable */
  char           *recipient;
  MixChannel      channel;
  char           *subject;
  char           *body;
  MixDraftStatus  status;
  char           *sent_on;         /* nullable, YYYY-MM-DD */
  gboolean        answered[MIX_N_CHECKS];
  gboolean        checked[MIX_N_CHECKS];
  JsonObject     *checks_unknown;  /* nullable */
  JsonObject     *unknown;         /* nullable */
  JsonNode       *as_read;         /* nullable: the draft as read, until it changes */
};

G_DEFINE_FINAL_TYPE (MixDraft, mix_draft, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_MODIFIED,
  PROP_CONTACT_ID,
  PROP_RECIPIENT,
  PROP_CHANNEL,
  PROP_SUBJECT,
  PROP_BODY,
  PROP_STATUS,
  PROP_SENT_ON,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const channel_ids[] = {
  [MIX_CHANNEL_LINKEDIN_NOTE] = "linkedin-note",
  [MIX_CHANNEL_LINKEDIN_MESSAGE] = "linkedin-message",
  [MIX_CHANNEL_EMAIL] = "email",
};

static const char * const status_ids[] = {
  [MIX_DRAFT_STATUS_DRAFT] = "draft",
  [MIX_DRAFT_STATUS_SENT] = "sent",
};

/**
 * mix_channel_to_id:
 *
 * Returns: the channel as stored: "linkedin-note", "linkedin-message" or
 *   "email"
 */
const char *
mix_channel_to_id (MixChannel channel)
{
  g_return_val_if_fail ((guint) channel < G_N_ELEMENTS (channel_ids), NULL);
  return channel_ids[channel];
}

gboolean
mix_channel_from_id (const char *id,
                     MixChannel *channel)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (channel_ids); i++)
    if (g_str_equal (channel_ids[i], id))
      {
        if (channel != NULL)
          *channel = (MixChannel) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * mix_draft_status_to_id:
 *
 * Returns: the status as stored: "draft" or "sent"
 */
const char *
mix_draft_status_to_id (MixDraftStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_ids), NULL);
  return status_ids[status];
}

gboolean
mix_draft_status_from_id (const char     *id,
                          MixDraftStatus *status)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (status_ids); i++)
    if (g_str_equal (status_ids[i], id))
      {
        if (status != NULL)
          *status = (MixDraftStatus) i;
        return TRUE;
      }
  return FALSE;
}

/* GObject */

static void
mix_draft_finalize (GObject *object)
{
  MixDraft *self = MIX_DRAFT (object);

  g_free (self->id);
  g_free (self->created);
  g_free (self->modified);
  g_free (self->contact_id);
  g_free (self->recipient);
  g_free (self->subject);
  g_free (self->body);
  g_free (self->sent_on);
  g_clear_pointer (&self->checks_unknown, json_object_unref);
  g_clear_pointer (&self->unknown, json_object_unref);
  g_clear_pointer (&self->as_read, json_node_unref);

  G_OBJECT_CLASS (mix_draft_parent_class)->finalize (object);
}

static void
mix_draft_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MixDraft *self = MIX_DRAFT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_MODIFIED:
      g_value_set_string (value, self->modified);
      break;
    case PROP_CONTACT_ID:
      g_value_set_string (value, self->contact_id);
      break;
    case PROP_RECIPIENT:
      g_value_set_string (value, self->recipient);
      break;
    case PROP_CHANNEL:
      g_value_set_uint (value, self->channel);
      break;
    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;
    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;
    case PROP_STATUS:
      g_value_set_uint (value, self->status);
      break;
    case PROP_SENT_ON:
      g_value_set_string (value, self->sent_on);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                              G_PARAM_EXPLICIT_NOTIFY);
}

static void
mix_draft_class_init (MixDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mix_draft_finalize;
  object_class->get_property = mix_draft_get_property;

  properties[PROP_ID] = string_property ("id");
  properties[PROP_MODIFIED] = string_property ("modified");
  properties[PROP_CONTACT_ID] = string_property ("contact-id");
  properties[PROP_RECIPIENT] = string_property ("recipient");
  properties[PROP_SUBJECT] = string_property ("subject");
  properties[PROP_BODY] = string_property ("body");
  properties[PROP_SENT_ON] = string_property ("sent-on");
  /* A MixChannel. */
  properties[PROP_CHANNEL] =
    g_param_spec_uint ("channel", NULL, NULL, 0, MIX_CHANNEL_EMAIL, MIX_CHANNEL_LINKEDIN_NOTE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* A MixDraftStatus. */
  properties[PROP_STATUS] =
    g_param_spec_uint ("status", NULL, NULL, 0, MIX_DRAFT_STATUS_SENT, MIX_DRAFT_STATUS_DRAFT,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MixDraft::changed:
   *
   * Something that is saved changed. Reading a draft is not a change.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
mix_draft_init (MixDraft *self)
{
  self->channel = MIX_CHANNEL_LINKEDIN_NOTE;
  self->status = MIX_DRAFT_STATUS_DRAFT;
}

/**
 * mix_draft_new:
 *
 * Returns: (transfer full): an empty draft for a LinkedIn connection note,
 *   with a new id, created now
 */
MixDraft *
mix_draft_new (void)
{
  MixDraft *self = g_object_new (MIX_TYPE_DRAFT, NULL);

  self->id = g_uuid_string_random ();
  self->created = mix_timestamp_now ();
  self->modified = g_strdup (self->created);
  self->recipient = g_strdup ("");
  self->subject = g_strdup ("");
  self->body = g_strdup ("");
  return self;
}

/* Changes */

/* Bumps the modification time and tells everyone that @prop changed. */
static void
touch (MixDraft *self,
       guint     prop)
{
  char *modified = mix_timestamp_after (self->modified);

  g_clear_pointer (&self->as_read, json_node_unref);
  g_free (self->modified);
  self->modified = modified;

  if (prop != PROP_0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Replaces *@field by a copy of @value; %FALSE if it was the same. */
static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* Reading and writing */

static MixDraft *
refuse (GError     **error,
        const char  *what)
{
  g_set_error (error, MIX_ERROR, MIX_ERROR_DAMAGED, "%s", what);
  return NULL;
}

static gboolean
read_checks (MixDraft *self,
             JsonNode *node)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &member, &value))
    {
      MixCheck check;

      /* Checks this version does not know, or cannot be answered by
       * hand, are kept as they are. */
      if (!mix_check_from_id (member, &check) ||
          mix_check_get_info (check)->kind == MIX_CHECK_KIND_AUTO)
        {
          mix_json_keep_member (&self->checks_unknown, member, value);
          continue;
        }
      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_BOOLEAN)
        return FALSE;
      self->answered[check] = TRUE;
      self->checked[check] = json_node_get_boolean (value);
    }
  return TRUE;
}

/**
 * mix_draft_new_from_json:
 *
 * Reads a draft as stored in `messages.json`. One with members of the
 * wrong types, an unknown channel or status, or a date or time that is not
 * one, is refused, so that the caller can keep it aside unchanged.
 *
 * Returns: (transfer full) (nullable): the draft
 */
MixDraft *
mix_draft_new_from_json (JsonNode  *node,
                         GError   **error)
{
  g_autoptr(MixDraft) self = NULL;
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return refuse (error, _("The draft is not an object."));

  self = g_object_new (MIX_TYPE_DRAFT, NULL);
  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &member, &value))
    {
      const char *text;

      if (g_str_equal (member, "checks"))
        {
          if (!read_checks (self, value))
            return refuse (error, _("The draft’s checklist answers are not yes or no."));
          continue;
        }

      if (!g_str_equal (member, "id") && !g_str_equal (member, "created") &&
          !g_str_equal (member, "modified") && !g_str_equal (member, "contact_id") &&
          !g_str_equal (member, "recipient") && !g_str_equal (member, "channel") &&
          !g_str_equal (member, "subject") && !g_str_equal (member, "body") &&
          !g_str_equal (member, "status") && !g_str_equal (member, "sent_on"))
        {
          mix_json_keep_member (&self->unknown, member, value);
          continue;
        }

      if (JSON_NODE_HOLDS_NULL (value))
        continue;
      if (!mix_json_node_holds_string (value))
        return refuse (error, _("A member of the draft is not text."));
      text = json_node_get_string (value);

      if (g_str_equal (member, "id"))
        replace_string (&self->id, text);
      else if (g_str_equal (member, "created") || g_str_equal (member, "modified"))
        {
          if (!mix_timestamp_is_valid (text))
            return refuse (error, _("The draft’s creation or change time is not a time."));
          replace_string (g_str_equal (member, "created") ? &self->created : &self->modified,
                          text);
        }
      else if (g_str_equal (member, "contact_id"))
        replace_string (&self->contact_id, *text != '\0' ? text : NULL);
      else if (g_str_equal (member, "recipient"))
        replace_string (&self->recipient, text);
      else if (g_str_equal (member, "subject"))
        replace_string (&self->subject, text);
      else if (g_str_equal (member, "body"))
        replace_string (&self->body, text);
      else if (g_str_equal (member, "channel"))
        {
          if (!mix_channel_from_id (text, &self->channel))
            return refuse (error, _("The draft’s channel is not one Mix It Up knows."));
        }
      else if (g_str_equal (member, "status"))
        {
          if (!mix_draft_status_from_id (text, &self->status))
            return refuse (error, _("The draft’s status is not one Mix It Up knows."));
        }
      else if (g_str_equal (member, "sent_on"))
        {
          if (*text == '\0')
            continue;
          g_free (self->sent_on);
          self->sent_on = mix_date_normalize (text);
          if (self->sent_on == NULL)
            return refuse (error, _("The date the draft was sent is not a date."));
        }
    }

  /* Kept to be written back as it is, unless it needs an id that lasts. */
  if (self->id == NULL || *self->id == '\0')
    {
      g_free (self->id);
      self->id = g_uuid_string_random ();
    }
  else
    self->as_read = json_node_copy (node);
  if (self->created == NULL)
    self->created = mix_timestamp_now ();
  if (self->modified == NULL)
    self->modified = g_strdup (self->created);
  if (self->recipient == NULL)
    self->recipient = g_strdup ("");
  if (self->subject == NULL)
    self->subject = g_strdup ("");
  if (self->body == NULL)
    self->body = g_strdup ("");
  return g_steal_pointer (&self);
}

/**
 * mix_draft_to_json:
 *
 * Returns: (transfer full): the draft as stored in `messages.json`; as it
 *   was read if it has not changed since
 */
JsonNode *
mix_draft_to_json (MixDraft *self)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonObject *checks = json_object_new ();

  g_return_val_if_fail (MIX_IS_DRAFT (self), NULL);

  if (self->as_read != NULL)
    {
      json_object_unref (checks);
      return json_node_copy (self->as_read);
    }

  json_object_set_string_member (object, "id", self->id);
  json_object_set_string_member (object, "created", self->created);
  json_object_set_string_member (object, "modified", self->modified);
  if (self->contact_id != NULL)
    json_object_set_string_member (object, "contact_id", self->contact_id);
  json_object_set_string_member (object, "recipient", self->recipient);
  json_object_set_string_member (object, "channel", mix_channel_to_id (self->channel));
  json_object_set_string_member (object, "subject", self->subject);
  json_object_set_string_member (object, "body", self->body);

  for (guint i = 0; i < MIX_N_CHECKS; i++)
    if (self->answered[i])
      json_object_set_boolean_member (checks, mix_check_get_info (i)->id, self->checked[i]);
  mix_json_object_add_kept (checks, self->checks_unknown);
  json_object_set_object_member (object, "checks", checks);

  json_object_set_string_member (object, "status", mix_draft_status_to_id (self->status));
  if (self->sent_on != NULL)
    json_object_set_string_member (object, "sent_on", self->sent_on);

  mix_json_object_add_kept (object, self->unknown);
  return json_node_init_object (json_node_alloc (), object);
}

/* Getters and setters */

/**
 * mix_draft_bump:
 *
 * Makes the draft newer than any copy of it elsewhere, as when its
 * deletion is undone.
 */
void
mix_draft_bump (MixDraft *self)
{
  g_return_if_fail (MIX_IS_DRAFT (self));
  touch (self, PROP_0);
}

#define SWAP(a, b) G_STMT_START { __typeof__ (a) swap_tmp = (a); (a) = (b); (b) = swap_tmp; } G_STMT_END

/**
 * mix_draft_take:
 * @other: a version of the same draft read from elsewhere; it is left with
 *   the old contents
 *
 * Makes @self hold what @other holds, as when the draft was changed on
 * another computer, and tells whoever shows it.
 */
void
mix_draft_take (MixDraft *self,
                MixDraft *other)
{
  g_return_if_fail (MIX_IS_DRAFT (self) && MIX_IS_DRAFT (other));

  SWAP (self->created, other->created);
  SWAP (self->modified, other->modified);
  SWAP (self->contact_id, other->contact_id);
  SWAP (self->recipient, other->recipient);
  SWAP (self->channel, other->channel);
  SWAP (self->subject, other->subject);
  SWAP (self->body, other->body);
  SWAP (self->status, other->status);
  SWAP (self->sent_on, other->sent_on);
  for (guint i = 0; i < MIX_N_CHECKS; i++)
    {
      SWAP (self->answered[i], other->answered[i]);
      SWAP (self->checked[i], other->checked[i]);
    }
  SWAP (self->checks_unknown, other->checks_unknown);
  SWAP (self->unknown, other->unknown);
  SWAP (self->as_read, other->as_read);

  g_object_freeze_notify (G_OBJECT (self));
  for (guint prop = PROP_MODIFIED; prop < N_PROPS; prop++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

#undef SWAP

const char *
mix_draft_get_id (MixDraft *self)
{
  g_return_val_if_fail (MIX_IS_DRAFT (self), NULL);
  return self->id;
}

const char *
mix_draft_get_created (MixDraft *self)
{
  g_return_val_if_fail (MIX_IS_DRAFT (self), NULL);
  return self->created;
}

/**
 * mix_draft_get_modified:
 *
 * Returns: when the draft last changed, as ISO 8601 UTC
 */
const char *
mix_draft_get_modified (MixDraft *self)
{
  g_return_val_if_fail (MIX_IS_DRAFT (self), NULL);
  return self->modified;
}

/**
 * mix_draft_get_contact_id:
 *
 * Returns: (nullable): the id of the tracker row the draft is for, if it
 *   is for a contact of the tracker
 */
const char *
mix_draft_get_contact_id (MixDraft *self)
{
  g_return_val_if_fail (MIX_IS_DRAFT (self), NULL);
  return self->contact_id;
}

/**
 * mix_draft_set_contact_id:
 * @contact_id: (nullable): a tracker row's id; %NULL or empty for none
 */
void
mix_draft_set_contact_id (MixDraft   *self,
                          const char *contact_id)
{
  g_return_if_fail (MIX_IS_DRAFT (self));

  if (contact_id != NULL && *contact_id == '\0')
    contact_id = NULL;
  if (replace_string (&self->contact_id, contact_id))
    touch (self, PROP_CONTACT_ID);
}

/**
 * mix_draft_get_recipient:
 *
 * Returns: the recipient's name as shown; never %NULL, may be empty
 */
const char *
mix_draft_get_recipient (MixDraft *self)
{
  g_return_val_if_fail (MIX_IS_DRAFT (self), NULL);
  return self->recipient;
}

void
mix_draft_set_recipient (MixDraft   *self,
                         const char *recipient)
{
  g_return_if_fail (MIX_IS_DRAFT (self));

  if (replace_string (&self->recipient, recipient != NULL ? recipient : ""))
    touch (self, PROP_RECIPIENT);
}

MixChannel
mix_draft_get_channel (MixDraft *self)
{
  g_return_val_if_fail (MIX_IS_DRAFT (self), MIX_CHANNEL_LINKEDIN_NOTE);
  return self->channel;
}

void
mix_draft_set_channel (MixDraft   *self,
                       MixChannel  channel)
{
  g_return_if_fail (MIX_IS_DRAFT (self));
  g_return_if_fail ((guint) channel < G_N_ELEMENTS (channel_ids));

  if (self->channel == channel)
    return;
  self->channel = channel;
  touch (self, PROP_CHANNEL);
}

/**
 * mix_draft_get_subject:
 *
 * Returns: the subject, for an email; never %NULL, may be empty
 */
const char *
mix_draft_get_subject (MixDraft *self)
{
  g_return_val_if_fail (MIX_IS_DRAFT (self), NULL);
  return self->subject;
}

void
mix_draft_set_subject (MixDraft   *self,
                       const char *subject)
{
  g_return_if_fail (MIX_IS_DRAFT (self));

  if (replace_string (&self->subject, subject != NULL ? subject : ""))
    touch (self, PROP_SUBJECT);
}

/**
 * mix_draft_get_body:
 *
 * Returns: the message's text; never %NULL, may be empty
 */
const char *
mix_draft_get_body (MixDraft *self)
{
  g_return_val_if_fail (MIX_IS_DRAFT (self), NULL);
  return self->body;
}

void
mix_draft_set_body (MixDraft   *self,
                    const char *body)
{
  g_return_if_fail (MIX_IS_DRAFT (self));

  if (replace_string (&self->body, body != NULL ? body : ""))
    touch (self, PROP_BODY);
}

MixDraftStatus
mix_draft_get_status (MixDraft *self)
{
  g_return_val_if_fail (MIX_IS_DRAFT (self), MIX_DRAFT_STATUS_DRAFT);
  return self->status;
}

/**
 * mix_draft_set_status:
 *
 * Sets the status alone; the date it was sent is left as it is (see
 * mix_draft_mark_sent() and mix_draft_set_sent_on()).
 */
void
mix_draft_set_status (MixDraft       *self,
                      MixDraftStatus  status)
{
  g_return_if_fail (MIX_IS_DRAFT (self));
  g_return_if_fail ((guint) status < G_N_ELEMENTS (status_ids));

  if (self->status == status)
    return;
  self->status = status;
  touch (self, PROP_STATUS);
}

/**
 * mix_draft_get_sent_on:
 *
 * Returns: (nullable): the date it was sent, as `YYYY-MM-DD`
 */
const char *
mix_draft_get_sent_on (MixDraft *self)
{
  g_return_val_if_fail (MIX_IS_DRAFT (self), NULL);
  return self->sent_on;
}

/* Parses @date into *@iso: %NULL or empty is no date. */
static gboolean
normalize_date (const char  *date,
                char       **iso,
                GError     **error)
{
  *iso = NULL;
  if (date == NULL || *date == '\0')
    return TRUE;
  *iso = mix_date_normalize (date);
  if (*iso == NULL)
    {
      g_set_error (error, MIX_ERROR, MIX_ERROR_INVALID_VALUE,
                   _("“%s” is not a date."), date);
      return FALSE;
    }
  return TRUE;
}

/**
 * mix_draft_set_sent_on:
 * @date: (nullable): a date in any form mix_date_parse() reads; %NULL or
 *   empty for none
 *
 * Returns: %FALSE, leaving the draft as it was, if @date is not a date
 */
gboolean
mix_draft_set_sent_on (MixDraft    *self,
                       const char  *date,
                       GError     **error)
{
  g_autofree char *iso = NULL;

  g_return_val_if_fail (MIX_IS_DRAFT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!normalize_date (date, &iso, error))
    return FALSE;
  if (replace_string (&self->sent_on, iso))
    touch (self, PROP_SENT_ON);
  return TRUE;
}

/**
 * mix_draft_mark_sent:
 * @date: (nullable): the date it was sent; %NULL for today
 *
 * Sets the status to sent and the date it was sent, as one change.
 *
 * Returns: %FALSE, leaving the draft as it was, if @date is not a date
 */
gboolean
mix_draft_mark_sent (MixDraft    *self,
                     const char  *date,
                     GError     **error)
{
  g_autofree char *iso = NULL;
  gboolean status_changed;
  gboolean date_changed;

  g_return_val_if_fail (MIX_IS_DRAFT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (date == NULL || *date == '\0')
    iso = mix_date_today_iso ();
  else if (!normalize_date (date, &iso, error))
    return FALSE;

  status_changed = self->status != MIX_DRAFT_STATUS_SENT;
  self->status = MIX_DRAFT_STATUS_SENT;
  date_changed = replace_string (&self->sent_on, iso);
  if (!status_changed && !date_changed)
    return TRUE;

  g_object_freeze_notify (G_OBJECT (self));
  if (status_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  if (date_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SENT_ON]);
  touch (self, PROP_0);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

/* Checklist answers */

static gboolean
check_is_manual (MixCheck check)
{
  return check < MIX_N_CHECKS && mix_check_get_info (check)->kind != MIX_CHECK_KIND_AUTO;
}

/**
 * mix_draft_has_check:
 *
 * Returns: whether the user answered this checklist item
 */
gboolean
mix_draft_has_check (MixDraft *self,
                     MixCheck  check)
{
  g_return_val_if_fail (MIX_IS_DRAFT (self), FALSE);
  g_return_val_if_fail (check < MIX_N_CHECKS, FALSE);
  return self->answered[check];
}

/**
 * mix_draft_get_check:
 *
 * Returns: whether the user ticked this checklist item; %FALSE when not
 *   answered
 */
gboolean
mix_draft_get_check (MixDraft *self,
                     MixCheck  check)
{
  g_return_val_if_fail (MIX_IS_DRAFT (self), FALSE);
  g_return_val_if_fail (check < MIX_N_CHECKS, FALSE);
  return self->answered[check] && self->checked[check];
}

/**
 * mix_draft_set_check:
 * @check: an item the user can answer (not of kind %MIX_CHECK_KIND_AUTO)
 *
 * Records the user's answer to a checklist item.
 */
void
mix_draft_set_check (MixDraft *self,
                     MixCheck  check,
                     gboolean  checked)
{
  g_return_if_fail (MIX_IS_DRAFT (self));
  g_return_if_fail (check_is_manual (check));

  checked = !!checked;
  if (self->answered[check] && self->checked[check] == checked)
    return;
  self->answered[check] = TRUE;
  self->checked[check] = checked;
  touch (self, PROP_0);
}

/**
 * mix_draft_clear_check:
 *
 * Forgets the user's answer to a checklist item.
 */
void
mix_draft_clear_check (MixDraft *self,
                       MixCheck  check)
{
  g_return_if_fail (MIX_IS_DRAFT (self));
  g_return_if_fail (check < MIX_N_CHECKS);

  if (!self->answered[check])
    return;
  self->answered[check] = FALSE;
  self->checked[check] = FALSE;
  touch (self, PROP_0);
}

/**
 * mix_draft_get_manual_answers:
 * @answers: (out caller-allocates): for mix_checklist_score()
 *
 * Fills @answers with which items the user ticked.
 */
void
mix_draft_get_manual_answers (MixDraft *self,
                              gboolean  answers[MIX_N_CHECKS])
{
  g_return_if_fail (MIX_IS_DRAFT (self));
  g_return_if_fail (answers != NULL);

  for (guint i = 0; i < MIX_N_CHECKS; i++)
    answers[i] = self->answered[i] && self->checked[i];
}
