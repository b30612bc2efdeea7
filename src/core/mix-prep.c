/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mix-date.h"
#include "mix-error.h"
#include "mix-json.h"
#include "mix-prep.h"

/**
 * MixPrep:
 *
 * The preparation for a phone call or coffee chat with a contact of the
 * tracker, as stored in the "preps" of `messages.json`: the questions the
 * student means to ask, in order, the format of the conversation and the
 * notes taken during it.
 *
 * The closing question (mix_prep_get_closing_question()) is not one of the
 * questions: it always comes last and is never stored. Members this version
 * does not know are kept and written back; a prep read from a file and not
 * changed since is written back exactly as it was read.
 */

/* The bank of questions. */

typedef struct
{
  const char *title;
  const char *questions[6];
} Theme;

static const Theme bank[] = {
  {
    N_("The Role and Day to Day"),
    {
      N_("What does a typical day look like for you?"),
      N_("What are you working on right now that excites you?"),
      N_("Which tools and languages does your team use most?"),
      N_("What is the hardest part of your job?"),
      N_("How much of your time is spent writing code, and how much in meetings or reviews?"),
      NULL,
    },
  },
  {
    N_("The Team and Culture"),
    {
      N_("How is your team organised, and who do you work with most closely?"),
      N_("How does your team help new developers get up to speed?"),
      N_("What do you like most about working at your company?"),
      N_("How does your team give feedback on code?"),
      N_("What does the company look for in a junior developer?"),
      NULL,
    },
  },
  {
    N_("Breaking In as a Career Changer"),
    {
      N_("How did you get your first job in software?"),
      N_("What from your earlier career has turned out to be useful?"),
      N_("What would make a career changer’s application stand out to you?"),
      N_("Which skills should I focus on before applying?"),
      N_("Are there people on your team who came from a bootcamp?"),
      NULL,
    },
  },
  {
    N_("Advice"),
    {
      N_("What do you wish you had known when you were starting out?"),
      N_("Which communities, meetups or resources would you recommend?"),
      N_("How would you spend my next three months if you were me?"),
      N_("Is there a project you would suggest I build to learn your stack?"),
      NULL,
    },
  },
};

guint
mix_prep_bank_get_n_themes (void)
{
  return G_N_ELEMENTS (bank);
}

const char *
mix_prep_bank_get_theme_title (guint theme)
{
  g_return_val_if_fail (theme < G_N_ELEMENTS (bank), NULL);
  return _(bank[theme].title);
}

guint
mix_prep_bank_get_n_questions (guint theme)
{
  guint n = 0;

  g_return_val_if_fail (theme < G_N_ELEMENTS (bank), 0);
  while (n < G_N_ELEMENTS (bank[theme].questions) && bank[theme].questions[n] != NULL)
    n++;
  return n;
}

const char *
mix_prep_bank_get_question (guint theme,
                            guint question)
{
  g_return_val_if_fail (question < mix_prep_bank_get_n_questions (theme), NULL);
  return _(bank[theme].questions[question]);
}

/**
 * mix_prep_get_closing_question:
 *
 * Returns: the question every conversation ends with, translated
 */
const char *
mix_prep_get_closing_question (void)
{
  return _(MIX_PREP_CLOSING_QUESTION);
}

/* The prep */

struct _MixPrep
{
  GObject     parent_instance;

  char       *id;
  char       *created;
  char       *modified;
  char       *contact_id;
  GPtrArray  *questions;   /* char * */
  char       *format;      /* a Networking Log format id, or "" */
  char       *notes;
  char       *logged_id;   /* the Networking Log row it was logged as, or "" */
  JsonObject *unknown;     /* nullable */
  JsonNode   *as_read;     /* nullable: the prep as read, until it changes */
};

G_DEFINE_FINAL_TYPE (MixPrep, mix_prep, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
mix_prep_finalize (GObject *object)
{
  MixPrep *self = MIX_PREP (object);

  g_free (self->id);
  g_free (self->created);
  g_free (self->modified);
  g_free (self->contact_id);
  g_ptr_array_unref (self->questions);
  g_free (self->format);
  g_free (self->notes);
  g_free (self->logged_id);
  g_clear_pointer (&self->unknown, json_object_unref);
  g_clear_pointer (&self->as_read, json_node_unref);

  G_OBJECT_CLASS (mix_prep_parent_class)->finalize (object);
}

static void
mix_prep_class_init (MixPrepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mix_prep_finalize;

  /**
   * MixPrep::changed:
   *
   * Something that is saved changed. Reading a prep is not a change.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
mix_prep_init (MixPrep *self)
{
  self->questions = g_ptr_array_new_with_free_func (g_free);
}

/**
 * mix_prep_new:
 * @contact_id: the tracker row the conversation is with
 *
 * Returns: (transfer full): an empty prep, created now
 */
MixPrep *
mix_prep_new (const char *contact_id)
{
  MixPrep *self;

  g_return_val_if_fail (contact_id != NULL && *contact_id != '\0', NULL);

  self = g_object_new (MIX_TYPE_PREP, NULL);
  self->id = g_uuid_string_random ();
  self->created = mix_timestamp_now ();
  self->modified = g_strdup (self->created);
  self->contact_id = g_strdup (contact_id);
  self->format = g_strdup ("");
  self->notes = g_strdup ("");
  self->logged_id = g_strdup ("");
  return self;
}

/* Replaces *@field by a copy of @value (GLib 2.74 has no g_set_str());
 * %FALSE if it was the same. */
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

static void
touch (MixPrep *self)
{
  char *modified = mix_timestamp_after (self->modified);

  g_clear_pointer (&self->as_read, json_node_unref);
  g_free (self->modified);
  self->modified = modified;
  g_signal_emit (self, signals[CHANGED], 0);
}

static MixPrep *
refuse (GError     **error,
        const char  *what)
{
  g_set_error (error, MIX_ERROR, MIX_ERROR_DAMAGED, "%s", what);
  return NULL;
}

/**
 * mix_prep_new_from_json:
 *
 * Reads a prep as stored in `messages.json`. One without a contact, or with
 * members of the wrong types, is refused so that the caller can keep it
 * aside unchanged.
 *
 * Returns: (transfer full) (nullable): the prep
 */
MixPrep *
mix_prep_new_from_json (JsonNode  *node,
                        GError   **error)
{
  g_autoptr(MixPrep) self = NULL;
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return refuse (error, _("The conversation plan is not an object."));

  self = g_object_new (MIX_TYPE_PREP, NULL);
  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &member, &value))
    {
      const char *text;

      if (g_str_equal (member, "questions"))
        {
          JsonArray *array;

          if (!JSON_NODE_HOLDS_ARRAY (value))
            return refuse (error, _("The questions of a conversation plan are not a list."));
          array = json_node_get_array (value);
          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *element = json_array_get_element (array, i);

              if (!mix_json_node_holds_string (element))
                return refuse (error, _("A question of a conversation plan is not text."));
              g_ptr_array_add (self->questions, g_strdup (json_node_get_string (element)));
            }
          continue;
        }

      if (!g_str_equal (member, "id") && !g_str_equal (member, "created") &&
          !g_str_equal (member, "modified") && !g_str_equal (member, "contact_id") &&
          !g_str_equal (member, "format") && !g_str_equal (member, "notes") &&
          !g_str_equal (member, "logged_id"))
        {
          mix_json_keep_member (&self->unknown, member, value);
          continue;
        }

      if (JSON_NODE_HOLDS_NULL (value))
        continue;
      if (!mix_json_node_holds_string (value))
        return refuse (error, _("A member of a conversation plan is not text."));
      text = json_node_get_string (value);

      if (g_str_equal (member, "created") || g_str_equal (member, "modified"))
        {
          if (!mix_timestamp_is_valid (text))
            return refuse (error, _("The creation or change time of a conversation plan is not a time."));
        }

      if (g_str_equal (member, "id"))
        replace_string (&self->id, text);
      else if (g_str_equal (member, "created"))
        replace_string (&self->created, text);
      else if (g_str_equal (member, "modified"))
        replace_string (&self->modified, text);
      else if (g_str_equal (member, "contact_id"))
        replace_string (&self->contact_id, text);
      else if (g_str_equal (member, "format"))
        replace_string (&self->format, text);
      else if (g_str_equal (member, "notes"))
        replace_string (&self->notes, text);
      else if (g_str_equal (member, "logged_id"))
        replace_string (&self->logged_id, text);
    }

  if (self->contact_id == NULL || *self->contact_id == '\0')
    return refuse (error, _("A conversation plan is not for any contact."));

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
  if (self->format == NULL)
    self->format = g_strdup ("");
  if (self->notes == NULL)
    self->notes = g_strdup ("");
  if (self->logged_id == NULL)
    self->logged_id = g_strdup ("");
  return g_steal_pointer (&self);
}

/**
 * mix_prep_to_json:
 *
 * Returns: (transfer full): the prep as stored in `messages.json`; as it
 *   was read if it has not changed since
 */
JsonNode *
mix_prep_to_json (MixPrep *self)
{
  JsonObject *object;
  JsonArray *questions;
  JsonNode *node;

  g_return_val_if_fail (MIX_IS_PREP (self), NULL);

  if (self->as_read != NULL)
    return json_node_copy (self->as_read);

  object = json_object_new ();
  json_object_set_string_member (object, "id", self->id);
  json_object_set_string_member (object, "created", self->created);
  json_object_set_string_member (object, "modified", self->modified);
  json_object_set_string_member (object, "contact_id", self->contact_id);
  questions = json_array_sized_new (self->questions->len);
  for (guint i = 0; i < self->questions->len; i++)
    json_array_add_string_element (questions, self->questions->pdata[i]);
  json_object_set_array_member (object, "questions", questions);
  json_object_set_string_member (object, "format", self->format);
  json_object_set_string_member (object, "notes", self->notes);
  if (*self->logged_id != '\0')
    json_object_set_string_member (object, "logged_id", self->logged_id);

  mix_json_object_add_kept (object, self->unknown);
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}

const char *
mix_prep_get_id (MixPrep *self)
{
  g_return_val_if_fail (MIX_IS_PREP (self), NULL);
  return self->id;
}

const char *
mix_prep_get_contact_id (MixPrep *self)
{
  g_return_val_if_fail (MIX_IS_PREP (self), NULL);
  return self->contact_id;
}

#define SWAP(a, b) G_STMT_START { __typeof__ (a) swap_tmp = (a); (a) = (b); (b) = swap_tmp; } G_STMT_END

/**
 * mix_prep_take:
 * @other: a version of the same prep read from elsewhere; it is left with
 *   the old contents
 *
 * Makes @self hold what @other holds, as when the prep was changed on
 * another computer, and tells whoever shows it.
 */
void
mix_prep_take (MixPrep *self,
               MixPrep *other)
{
  g_return_if_fail (MIX_IS_PREP (self) && MIX_IS_PREP (other));

  SWAP (self->created, other->created);
  SWAP (self->modified, other->modified);
  SWAP (self->contact_id, other->contact_id);
  SWAP (self->questions, other->questions);
  SWAP (self->format, other->format);
  SWAP (self->notes, other->notes);
  SWAP (self->logged_id, other->logged_id);
  SWAP (self->unknown, other->unknown);
  SWAP (self->as_read, other->as_read);
  g_signal_emit (self, signals[CHANGED], 0);
}

#undef SWAP

const char *
mix_prep_get_modified (MixPrep *self)
{
  g_return_val_if_fail (MIX_IS_PREP (self), NULL);
  return self->modified;
}

/* Questions */

guint
mix_prep_get_n_questions (MixPrep *self)
{
  g_return_val_if_fail (MIX_IS_PREP (self), 0);
  return self->questions->len;
}

const char *
mix_prep_get_question (MixPrep *self,
                       guint    index)
{
  g_return_val_if_fail (MIX_IS_PREP (self), NULL);
  g_return_val_if_fail (index < self->questions->len, NULL);
  return self->questions->pdata[index];
}

/* Compares questions the way a reader would: case, surrounding space
 * and the spelling of accents do not count. */
static char *
question_key (const char *question)
{
  g_autofree char *stripped = g_strstrip (g_strdup (question));
  g_autofree char *normal = g_utf8_normalize (stripped, -1, G_NORMALIZE_DEFAULT);

  return g_utf8_casefold (normal != NULL ? normal : stripped, -1);
}

static gboolean
same_question (const char *a,
               const char *b)
{
  g_autofree char *key_a = question_key (a);
  g_autofree char *key_b = question_key (b);

  return g_str_equal (key_a, key_b);
}

/**
 * mix_prep_has_question:
 *
 * Returns: whether @question is already asked, the closing question
 *   included, ignoring case and surrounding space
 */
gboolean
mix_prep_has_question (MixPrep    *self,
                       const char *question)
{
  g_return_val_if_fail (MIX_IS_PREP (self), FALSE);
  g_return_val_if_fail (question != NULL, FALSE);

  if (same_question (question, mix_prep_get_closing_question ()) ||
      same_question (question, MIX_PREP_CLOSING_QUESTION))
    return TRUE;
  for (guint i = 0; i < self->questions->len; i++)
    if (same_question (question, self->questions->pdata[i]))
      return TRUE;
  return FALSE;
}

/**
 * mix_prep_add_question:
 *
 * Appends @question (stripped of surrounding space) before the closing
 * question.
 *
 * Returns: %FALSE, changing nothing, for a blank question or one already
 *   asked
 */
gboolean
mix_prep_add_question (MixPrep    *self,
                       const char *question)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (MIX_IS_PREP (self), FALSE);
  g_return_val_if_fail (question != NULL, FALSE);

  stripped = g_strstrip (g_strdup (question));
  if (*stripped == '\0' || mix_prep_has_question (self, stripped))
    return FALSE;
  g_ptr_array_add (self->questions, g_steal_pointer (&stripped));
  touch (self);
  return TRUE;
}

/**
 * mix_prep_insert_question:
 *
 * Puts a question back where it was, as on Undo.
 */
void
mix_prep_insert_question (MixPrep    *self,
                          guint       index,
                          const char *question)
{
  g_return_if_fail (MIX_IS_PREP (self));
  g_return_if_fail (question != NULL);

  if (mix_prep_has_question (self, question))
    return;
  index = MIN (index, self->questions->len);
  g_ptr_array_insert (self->questions, (int) index, g_strdup (question));
  touch (self);
}

void
mix_prep_remove_question (MixPrep *self,
                          guint    index)
{
  g_return_if_fail (MIX_IS_PREP (self));
  g_return_if_fail (index < self->questions->len);

  g_ptr_array_remove_index (self->questions, index);
  touch (self);
}

/**
 * mix_prep_move_question:
 * @to: the index it has afterwards
 */
void
mix_prep_move_question (MixPrep *self,
                        guint    from,
                        guint    to)
{
  char *question;

  g_return_if_fail (MIX_IS_PREP (self));
  g_return_if_fail (from < self->questions->len);
  g_return_if_fail (to < self->questions->len);

  if (from == to)
    return;
  question = g_ptr_array_steal_index (self->questions, from);
  g_ptr_array_insert (self->questions, (int) to, question);
  touch (self);
}

/* Format and notes */

/**
 * mix_prep_get_format:
 *
 * Returns: the format of the conversation, as a choice id of the
 *   Networking Log's "format" column ("coffee-chat", …), or ""
 */
const char *
mix_prep_get_format (MixPrep *self)
{
  g_return_val_if_fail (MIX_IS_PREP (self), NULL);
  return self->format;
}

void
mix_prep_set_format (MixPrep    *self,
                     const char *format)
{
  g_return_if_fail (MIX_IS_PREP (self));

  if (replace_string (&self->format, format != NULL ? format : ""))
    touch (self);
}

/**
 * mix_prep_get_notes:
 *
 * Returns: what the student noted during the conversation; never %NULL
 */
const char *
mix_prep_get_notes (MixPrep *self)
{
  g_return_val_if_fail (MIX_IS_PREP (self), NULL);
  return self->notes;
}

void
mix_prep_set_notes (MixPrep    *self,
                    const char *notes)
{
  g_return_if_fail (MIX_IS_PREP (self));

  if (replace_string (&self->notes, notes != NULL ? notes : ""))
    touch (self);
}

/**
 * mix_prep_get_logged_id:
 *
 * Returns: the id of the Networking Log row this conversation was logged
 *   as, or "" if it has not been logged
 */
const char *
mix_prep_get_logged_id (MixPrep *self)
{
  g_return_val_if_fail (MIX_IS_PREP (self), NULL);
  return self->logged_id;
}

/**
 * mix_prep_set_logged_id:
 * @logged_id: (nullable): the Networking Log row, or %NULL when it is no
 *   longer logged
 */
void
mix_prep_set_logged_id (MixPrep    *self,
                        const char *logged_id)
{
  g_return_if_fail (MIX_IS_PREP (self));

  if (replace_string (&self->logged_id, logged_id != NULL ? logged_id : ""))
    touch (self);
}
