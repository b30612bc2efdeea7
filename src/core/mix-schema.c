/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mix-date.h"
#include "mix-error.h"
#include "mix-schema.h"

static const MixChoice relationship_choices[] = {
  { "friend", N_("Friend") },
  { "family", N_("Family") },
  { "former-colleague", N_("Former colleague") },
  { "classmate", N_("Classmate") },
  { "turing", N_("Turing") },
  { "mentor", N_("Mentor") },
  { "other", N_("Other") },
  { NULL, NULL }
};

static const MixChoice format_choices[] = {
  { "coffee-chat", N_("Coffee chat") },
  { "phone-call", N_("Phone call") },
  { "video-call", N_("Video call") },
  { "event", N_("Event") },
  { "message", N_("Message") },
  { "mix-it-up", N_("Mix It Up") },
  { NULL, NULL }
};

static const MixChoice status_choices[] = {
  { "not-contacted", N_("Not contacted") },
  { "messaged", N_("Messaged") },
  { "replied", N_("Replied") },
  { "meeting-scheduled", N_("Meeting scheduled") },
  { "met", N_("Met") },
  { "no-response", N_("No response") },
  { "not-a-fit", N_("Not a fit") },
  { NULL, NULL }
};

/* How often to be in touch with someone of the Existing Network; Today
 * says when it is time. */
static const MixChoice keep_in_touch_choices[] = {
  { "2-weeks", N_("Every 2 weeks") },
  { "month", N_("Every month") },
  { "quarter", N_("Every quarter") },
  { "6-months", N_("Every 6 months") },
  { "year", N_("Every year") },
  { "never", N_("Never") },
  { NULL, NULL }
};

static const MixColumn existing_network_columns[] = {
  { "name", N_("Name"), MIX_COLUMN_TEXT, NULL },
  { "relationship", N_("Relationship"), MIX_COLUMN_CHOICE, relationship_choices },
  { "company", N_("Company"), MIX_COLUMN_TEXT, NULL },
  { "role", N_("Role"), MIX_COLUMN_TEXT, NULL },
  { "knows_switching", N_("Knows I’m Switching to Software"), MIX_COLUMN_BOOLEAN, NULL },
  { "how_they_could_help", N_("How They Could Help"), MIX_COLUMN_LONG_TEXT, NULL },
  { "last_contact", N_("Last Contact"), MIX_COLUMN_DATE, NULL },
  { "notes", N_("Notes"), MIX_COLUMN_LONG_TEXT, NULL },
  { "keep_in_touch", N_("Keep in Touch"), MIX_COLUMN_CHOICE, keep_in_touch_choices },
};

static const MixColumn networking_log_columns[] = {
  { "date", N_("Date"), MIX_COLUMN_DATE, NULL },
  { "name", N_("Name"), MIX_COLUMN_TEXT, NULL },
  { "company", N_("Company"), MIX_COLUMN_TEXT, NULL },
  { "format", N_("Format"), MIX_COLUMN_CHOICE, format_choices },
  { "what_i_learned", N_("What I Learned"), MIX_COLUMN_LONG_TEXT, NULL },
  { "follow_up", N_("Follow-Up"), MIX_COLUMN_LONG_TEXT, NULL },
  { "follow_up_date", N_("Follow-Up Date"), MIX_COLUMN_DATE, NULL },
  { "thank_you_sent", N_("Thank-You Sent"), MIX_COLUMN_BOOLEAN, NULL },
};

static const MixColumn new_contacts_columns[] = {
  { "name", N_("Name"), MIX_COLUMN_TEXT, NULL },
  { "company", N_("Company"), MIX_COLUMN_TEXT, NULL },
  { "role", N_("Role"), MIX_COLUMN_TEXT, NULL },
  { "linkedin", N_("LinkedIn"), MIX_COLUMN_URL, NULL },
  { "email", N_("Email"), MIX_COLUMN_EMAIL, NULL },
  { "found_via", N_("Found Via"), MIX_COLUMN_TEXT, NULL },
  { "research_notes", N_("Research Notes"), MIX_COLUMN_LONG_TEXT, NULL },
  { "status", N_("Status"), MIX_COLUMN_CHOICE, status_choices },
  { "contacted_on", N_("Contacted On"), MIX_COLUMN_DATE, NULL },
  { "next_step", N_("Next Step"), MIX_COLUMN_LONG_TEXT, NULL },
  { "follow_up_date", N_("Follow-Up Date"), MIX_COLUMN_DATE, NULL },
};

static const MixTabInfo tabs[MIX_N_TABS] = {
  {
    MIX_TAB_EXISTING_NETWORK, "existing-network", N_("Existing Network"),
    N_("People you already know: friends, family, former colleagues and classmates who could help as you move into software."),
    existing_network_columns, G_N_ELEMENTS (existing_network_columns),
  },
  {
    MIX_TAB_NETWORKING_LOG, "networking-log", N_("Networking Log"),
    N_("The networking you have done since starting: coffee chats, calls, events and messages, with what you learned."),
    networking_log_columns, G_N_ELEMENTS (networking_log_columns),
  },
  {
    MIX_TAB_NEW_CONTACTS, "new-contacts", N_("New Contacts"),
    N_("People you have not met yet: developers at companies you are interested in, and how you plan to reach them."),
    new_contacts_columns, G_N_ELEMENTS (new_contacts_columns),
  },
};

const MixTabInfo *
mix_tab_get_info (MixTab tab)
{
  g_return_val_if_fail (tab < MIX_N_TABS, NULL);

  return &tabs[tab];
}

gboolean
mix_tab_from_id (const char *id,
                 MixTab     *tab)
{
  if (id == NULL)
    return FALSE;

  for (guint i = 0; i < MIX_N_TABS; i++)
    {
      if (g_str_equal (id, tabs[i].id))
        {
          *tab = (MixTab) i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * mix_tab_find_column:
 *
 * Returns: the index of the column @column_id in @tab, or -1
 */
int
mix_tab_find_column (MixTab      tab,
                     const char *column_id)
{
  const MixTabInfo *info = mix_tab_get_info (tab);

  for (guint i = 0; i < info->n_columns; i++)
    if (g_str_equal (info->columns[i].id, column_id))
      return (int) i;
  return -1;
}

int
mix_column_choice_index (const MixColumn *column,
                         const char      *choice_id)
{
  if (column->choices == NULL || choice_id == NULL)
    return -1;
  for (int i = 0; column->choices[i].id != NULL; i++)
    if (g_str_equal (column->choices[i].id, choice_id))
      return i;
  return -1;
}

/* Compares ignoring case and treating '-', '_' and ' ' alike, so that
 * "Former colleague", "former-colleague" and "FORMER_COLLEAGUE" match. */
static gboolean
loose_equal (const char *a,
             const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);

  g_strstrip (fa);
  g_strstrip (fb);
  g_strdelimit (fa, "-_", ' ');
  g_strdelimit (fb, "-_", ' ');
  return g_str_equal (fa, fb);
}

/**
 * mix_column_find_choice:
 *
 * Finds the choice that @text names: its id, its English label or its
 * label in the current language, case-insensitively.
 *
 * Returns: (nullable): the choice
 */
const MixChoice *
mix_column_find_choice (const MixColumn *column,
                        const char      *text)
{
  if (column->choices == NULL || text == NULL)
    return NULL;

  for (guint i = 0; column->choices[i].id != NULL; i++)
    {
      const MixChoice *choice = &column->choices[i];

      if (loose_equal (text, choice->id) ||
          loose_equal (text, choice->label) ||
          loose_equal (text, _(choice->label)))
        return choice;
    }
  return NULL;
}

gboolean
mix_text_is_email (const char *text)
{
  const char *at;
  const char *dot;

  if (text == NULL || strchr (text, ' ') != NULL || strchr (text, '\t') != NULL)
    return FALSE;
  at = strchr (text, '@');
  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return FALSE;
  dot = strrchr (at + 1, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

gboolean
mix_text_is_url (const char *text)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (text == NULL || strchr (text, ' ') != NULL)
    return FALSE;
  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0';
}

/**
 * mix_column_normalize_value:
 * @text: a value as typed or imported
 * @normalized: (out) (transfer full) (nullable): the value as stored:
 *   %NULL for an empty value; an ISO date; a choice id; "true" for yes
 *
 * Checks @text against the column's type. Empty text is always allowed.
 * A URL without a scheme, such as `linkedin.com/in/someone`, gets
 * `https://`.
 *
 * Returns: %TRUE if @text fits the column
 */
gboolean
mix_column_normalize_value (const MixColumn  *column,
                            const char       *text,
                            char            **normalized,
                            GError          **error)
{
  g_autofree char *stripped = NULL;
  const MixChoice *choice;

  *normalized = NULL;

  if (text == NULL)
    return TRUE;

  if (column->type == MIX_COLUMN_TEXT || column->type == MIX_COLUMN_LONG_TEXT)
    {
      if (*text != '\0')
        *normalized = g_strdup (text);
      return TRUE;
    }

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    return TRUE;

  switch (column->type)
    {
    case MIX_COLUMN_BOOLEAN:
      {
        static const char * const yes[] = { "yes", "y", "true", "1", "x", "✓", "✔", NULL };
        static const char * const no[] = { "no", "n", "false", "0", NULL };
        g_autofree char *folded = g_utf8_casefold (stripped, -1);
        g_autofree char *yes_here = g_utf8_casefold (_("Yes"), -1);
        g_autofree char *no_here = g_utf8_casefold (_("No"), -1);

        if (g_strv_contains (yes, folded) || g_str_equal (folded, yes_here))
          *normalized = g_strdup ("true");
        else if (g_strv_contains (no, folded) || g_str_equal (folded, no_here))
          *normalized = NULL;
        else
          {
            g_set_error (error, MIX_ERROR, MIX_ERROR_INVALID_VALUE,
                         _("“%s” is not yes or no."), stripped);
            return FALSE;
          }
        return TRUE;
      }

    case MIX_COLUMN_CHOICE:
      choice = mix_column_find_choice (column, stripped);
      if (choice == NULL)
        {
          g_set_error (error, MIX_ERROR, MIX_ERROR_INVALID_VALUE,
                       _("“%s” is not one of the choices for %s."), stripped, _(column->title));
          return FALSE;
        }
      *normalized = g_strdup (choice->id);
      return TRUE;

    case MIX_COLUMN_DATE:
      *normalized = mix_date_normalize (stripped);
      if (*normalized == NULL)
        {
          g_set_error (error, MIX_ERROR, MIX_ERROR_INVALID_VALUE,
                       _("“%s” is not a date. Write it as YYYY-MM-DD, for example 2026-03-05."),
                       stripped);
          return FALSE;
        }
      return TRUE;

    case MIX_COLUMN_URL:
      {
        g_autofree char *with_scheme = NULL;

        if (strstr (stripped, "://") == NULL)
          with_scheme = g_strconcat ("https://", stripped, NULL);
        else
          with_scheme = g_strdup (stripped);

        if (!mix_text_is_url (with_scheme))
          {
            g_set_error (error, MIX_ERROR, MIX_ERROR_INVALID_VALUE,
                         _("“%s” is not a web address."), stripped);
            return FALSE;
          }
        *normalized = g_steal_pointer (&with_scheme);
        return TRUE;
      }

    case MIX_COLUMN_EMAIL:
      if (!mix_text_is_email (stripped))
        {
          g_set_error (error, MIX_ERROR, MIX_ERROR_INVALID_VALUE,
                       _("“%s” is not an email address."), stripped);
          return FALSE;
        }
      *normalized = g_steal_pointer (&stripped);
      return TRUE;

    case MIX_COLUMN_TEXT:
    case MIX_COLUMN_LONG_TEXT:
    default:
      g_assert_not_reached ();
    }
}

/**
 * mix_column_check_value:
 * @stored: (nullable): a value as stored in a row
 *
 * Says whether @stored is a value of the column's type. Web and email
 * addresses that are not (typed so, or from a file) are kept as they are,
 * for the user to fix: this tells which, and why.
 *
 * Returns: %FALSE, setting @error to a sentence for the user, if @stored
 *   is not a valid value
 */
gboolean
mix_column_check_value (const MixColumn  *column,
                        const char       *stored,
                        GError          **error)
{
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (column != NULL, FALSE);

  if (stored == NULL || column->type == MIX_COLUMN_TEXT || column->type == MIX_COLUMN_LONG_TEXT)
    return TRUE;
  if (column->type == MIX_COLUMN_CHOICE && mix_column_choice_index (column, stored) >= 0)
    return TRUE;
  return mix_column_normalize_value (column, stored, &normalized, error);
}

/**
 * mix_text_fold:
 * @length: the length of @text in bytes, or -1 if it ends with a nul
 *
 * Folds @text for searching, so that a search finds a name however it is
 * written: case is folded (“ß” as “ss”) and accents are taken off
 * (“Ångström” as “angstrom”, “José” as “jose”). Both the needle and the
 * text searched go through it.
 *
 * Returns: (transfer full): the folded text
 */
char *
mix_text_fold (const char *text,
               gssize      length)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *bare;

  g_return_val_if_fail (text != NULL, NULL);

  /* Plain ASCII, as most names are, folds to its lower case: nothing to
   * decompose. Ten times as fast for a list of names. */
  {
    gsize n = length < 0 ? strlen (text) : (gsize) length;
    gsize i = 0;

    while (i < n && (guchar) text[i] < 0x80 && text[i] != '\0')
      i++;
    if (i == n)
      return g_ascii_strdown (text, (gssize) n);
  }

  folded = g_utf8_casefold (text, length);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)  /* not UTF-8: folded as it is */
    return g_steal_pointer (&folded);

  bare = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (g_unichar_type (c))
        {
        case G_UNICODE_NON_SPACING_MARK:
        case G_UNICODE_SPACING_MARK:
        case G_UNICODE_ENCLOSING_MARK:
          break;
        default:
          g_string_append_unichar (bare, c);
        }
    }
  return g_string_free (bare, FALSE);
}

/**
 * mix_column_is_follow_up:
 *
 * Returns: whether @column holds the date by which to follow up, which is
 *   marked once it has passed
 */
gboolean
mix_column_is_follow_up (const MixColumn *column)
{
  g_return_val_if_fail (column != NULL, FALSE);
  return g_str_equal (column->id, "follow_up_date");
}

/**
 * mix_column_is_overdue:
 * @stored: (nullable): a value of @column, as stored in a row
 * @today: today's date, `YYYY-MM-DD`
 *
 * A follow-up date that has passed, which the tracker marks. ISO dates
 * compare as text; a value kept as typed that is not a date is never
 * overdue.
 *
 * Returns: whether @stored is a follow-up date before @today
 */
gboolean
mix_column_is_overdue (const MixColumn *column,
                       const char      *stored,
                       const char      *today)
{
  g_return_val_if_fail (column != NULL, FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  return mix_column_is_follow_up (column) && stored != NULL && strcmp (stored, today) < 0;
}
