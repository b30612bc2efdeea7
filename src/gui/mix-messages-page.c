/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mix-date.h"
#include "mix-messages-page.h"
#include "mix-toast.h"
#include "mix-template.h"

/**
 * MixMessagesPage:
 *
 * The Messages page: the drafts, newest first, beside the draft being
 * written. The editor counts characters against the channel's limit and
 * ticks the personalization checklist as the student types, using what the
 * tracker knows of the linked contact. The Prepare view holds the questions
 * and notes for a call or coffee chat with that contact, and logs it to the
 * Networking Log.
 *
 * Everything is saved through the store's autosave; the page holds no state
 * of its own beyond which draft is shown.
 */

struct _MixMessagesPage
{
  AdwBin               parent_instance;

  /* Template children */
  AdwLeaflet          *leaflet;
  GtkWidget           *sidebar;
  GtkSearchEntry      *search_entry;
  GtkListBox          *drafts_list;
  GtkLabel            *drafts_placeholder;
  GtkStack            *content_stack;
  GtkButton           *back_button;
  GtkMenuButton       *templates_button;
  GtkListBox          *templates_list;
  GtkButton           *sent_button;
  GtkLabel            *sent_label;
  GtkStack            *editor_stack;
  AdwFlap             *checklist_flap;
  AdwEntryRow         *recipient_row;
  GtkMenuButton       *contact_button;
  GtkPopover          *contact_popover;
  GtkSearchEntry      *contact_search;
  GtkListBox          *contacts_list;
  GtkLabel            *contacts_placeholder;
  AdwActionRow        *contact_row;
  AdwComboRow         *channel_row;
  AdwEntryRow         *subject_row;
  GtkTextView         *body_view;
  GtkLabel            *characters_label;
  GtkLabel            *stats_label;
  GtkLabel            *sent_on_label;
  GtkToggleButton     *checklist_toggle;
  GtkLabel            *checklist_toggle_label;
  GtkLevelBar         *score_bar;
  GtkLabel            *score_label;
  GtkListBox          *checklist;
  GtkStack            *prepare_stack;
  GtkListBox          *questions_list;
  GtkMenuButton       *bank_button;
  GtkListBox          *bank_list;
  AdwEntryRow         *own_question_row;
  AdwComboRow         *format_row;
  GtkTextView         *notes_view;

  MixStore            *store;
  GSettings           *settings;
  GtkSortListModel    *sorted;
  GtkFilterListModel  *filtered;
  GtkCustomSorter     *sorter;
  GtkCustomFilter     *filter;
  char                *needle;          /* casefolded search text */

  MixDraft            *draft;           /* the draft shown, nullable */
  char                *recipient_notes; /* what the tracker says of the contact */
  MixChecklistResult   result;
  gboolean             loading;         /* filling the editor: not a user edit */
  gboolean             reselecting;     /* the list changed under the selection */
  gboolean             bound;           /* the list shows the drafts: see bind_drafts() */

  AdwActionRow        *check_rows[MIX_N_CHECKS];
  GtkCheckButton      *check_buttons[MIX_N_CHECKS];

  guint                rebuild_questions_id;
  int                  focus_question;  /* after a rebuild, -1 for none */
  const char          *focus_button;    /* which of its buttons */

  MixHistory          *history;         /* nullable: the window's, for Undo */
};

G_DEFINE_FINAL_TYPE (MixMessagesPage, mix_messages_page, ADW_TYPE_BIN)

static void bind_drafts (MixMessagesPage *self);

/* Helpers */

static void
show_message (MixMessagesPage *self,
              const char      *message)
{
  mix_show_toast (GTK_WIDGET (self), adw_toast_new (message));
}

static MixTracker *
get_tracker (MixMessagesPage *self)
{
  return self->store != NULL ? mix_store_get_tracker (self->store) : NULL;
}

static MixDrafts *
get_drafts (MixMessagesPage *self)
{
  return self->store != NULL ? mix_store_get_drafts (self->store) : NULL;
}

static gboolean
messages_read_only (MixMessagesPage *self)
{
  return self->store == NULL || mix_store_is_read_only (self->store, MIX_DOMAIN_MESSAGES);
}

static gboolean
tracker_read_only (MixMessagesPage *self)
{
  return self->store == NULL || mix_store_is_read_only (self->store, MIX_DOMAIN_TRACKER);
}

/* The tracker row the draft is for, if it is still there. */
static MixRecord *
get_contact (MixMessagesPage *self)
{
  const char *id;

  if (self->draft == NULL || get_tracker (self) == NULL)
    return NULL;
  id = mix_draft_get_contact_id (self->draft);
  return id != NULL ? mix_tracker_find (get_tracker (self), id) : NULL;
}

static const char *
record_value (MixRecord  *record,
              const char *column_id)
{
  if (mix_tab_find_column (mix_record_get_tab (record), column_id) < 0)
    return NULL;
  return mix_record_get_value_by_id (record, column_id);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* What is known of the contact, for the checklist and the templates.
 * Returns FALSE, leaving @recipient empty, when the draft has no contact. */
static gboolean
get_recipient (MixMessagesPage *self,
               MixRecipient    *recipient)
{
  static const char * const note_columns[] = {
    "research_notes", "how_they_could_help", "notes", "what_i_learned",
  };
  MixRecord *record = get_contact (self);
  GString *notes;

  memset (recipient, 0, sizeof *recipient);
  g_clear_pointer (&self->recipient_notes, g_free);
  if (record == NULL)
    return FALSE;

  recipient->name = record_value (record, "name");
  recipient->company = record_value (record, "company");
  recipient->role = record_value (record, "role");

  notes = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (note_columns); i++)
    {
      const char *value = record_value (record, note_columns[i]);

      if (is_blank (value))
        continue;
      if (notes->len > 0)
        g_string_append_c (notes, '\n');
      g_string_append (notes, value);
    }
  self->recipient_notes = g_string_free (notes, FALSE);
  recipient->research_notes = self->recipient_notes;
  return TRUE;
}

static char *
get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Shows @text as read. Setting the text is not a change the text view's
 * Undo takes back. */
static void
set_text (GtkTextView *view,
          const char  *text)
{
  g_autofree char *shown = get_text (view);

  /* Showing again what is there would move the cursor to the end. */
  if (!g_str_equal (shown, text))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

/* Replaces the text as one change the text view's Undo takes back. */
static void
replace_text (GtkTextView *view,
              const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, text, -1);
  gtk_text_buffer_end_user_action (buffer);
}

static const char *
channel_name (MixChannel channel)
{
  switch (channel)
    {
    case MIX_CHANNEL_LINKEDIN_MESSAGE:
      return _("LinkedIn message");
    case MIX_CHANNEL_EMAIL:
      return _("Email");
    case MIX_CHANNEL_LINKEDIN_NOTE:
    default:
      return _("LinkedIn connection note");
    }
}

/* "14:05" today, "Nov 3" this year, "Nov 3, 2025" before. */
static char *
format_when (const char *timestamp)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (timestamp, NULL);
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (utc == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (utc);
  if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    /* Translators: the time a draft was last changed today, see strftime(3) */
    return g_date_time_format (local, _("%H:%M"));
  if (g_date_time_get_year (local) == g_date_time_get_year (now))
    /* Translators: the day a draft was last changed this year, see strftime(3) */
    return g_date_time_format (local, _("%b %-e"));
  /* Translators: the day a draft was last changed, see strftime(3) */
  return g_date_time_format (local, _("%b %-e, %Y"));
}

static char *
format_date (const char *iso)
{
  GDate date;

  if (iso == NULL || !mix_date_parse (iso, &date))
    return g_strdup ("");
  {
    g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (&date),
                                                       g_date_get_month (&date),
                                                       g_date_get_day (&date), 12, 0, 0);
    /* Translators: a date, see strftime(3) */
    return g_date_time_format (time, _("%B %-e, %Y"));
  }
}

/* The drafts list */

static const char *
recipient_or_placeholder (MixDraft *draft)
{
  const char *recipient = mix_draft_get_recipient (draft);

  return is_blank (recipient) ? _("No Recipient") : recipient;
}

static void
update_draft_row (GtkWidget *row)
{
  MixDraft *draft = g_object_get_data (G_OBJECT (row), "draft");
  GtkLabel *title = g_object_get_data (G_OBJECT (row), "title");
  GtkLabel *subtitle = g_object_get_data (G_OBJECT (row), "subtitle");
  g_autofree char *when = format_when (mix_draft_get_modified (draft));
  g_autofree char *details = NULL;
  g_autofree char *name = NULL;
  const char *status = mix_draft_get_status (draft) == MIX_DRAFT_STATUS_SENT ? _("Sent")
                                                                              : _("Draft");

  /* Translators: under a draft's recipient: its channel, status and the
   * time it was last changed, e.g. "Email · Draft · 14:05" */
  details = g_strdup_printf (_("%s · %s · %s"), channel_name (mix_draft_get_channel (draft)),
                             status, when);
  gtk_label_set_text (title, recipient_or_placeholder (draft));
  gtk_label_set_text (subtitle, details);

  name = g_strdup_printf ("%s, %s", recipient_or_placeholder (draft), details);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static GtkWidget *
create_draft_row (gpointer item,
                  gpointer user_data)
{
  MixDraft *draft = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data_full (G_OBJECT (row), "draft", g_object_ref (draft), g_object_unref);
  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "subtitle", subtitle);
  update_draft_row (row);
  g_signal_connect_object (draft, "changed", G_CALLBACK (update_draft_row), row,
                           G_CONNECT_SWAPPED);
  return row;
}

static int
compare_drafts (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  /* Newest first; the times are ISO 8601 UTC of one form. */
  int order = g_strcmp0 (mix_draft_get_modified ((MixDraft *) b),
                         mix_draft_get_modified ((MixDraft *) a));

  if (order != 0)
    return order < 0 ? -1 : 1;
  return g_strcmp0 (mix_draft_get_id ((MixDraft *) a), mix_draft_get_id ((MixDraft *) b));
}

static gboolean
contains_folded (const char *text,
                 const char *needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = mix_text_fold (text, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
filter_draft (gpointer item,
              gpointer user_data)
{
  MixMessagesPage *self = user_data;
  MixDraft *draft = item;

  if (self->needle == NULL || *self->needle == '\0')
    return TRUE;
  return contains_folded (mix_draft_get_recipient (draft), self->needle) ||
         contains_folded (mix_draft_get_subject (draft), self->needle) ||
         contains_folded (mix_draft_get_body (draft), self->needle);
}

static GtkListBoxRow *
find_draft_row (MixMessagesPage *self,
                MixDraft        *draft)
{
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->drafts_list, i);

      if (row == NULL)
        return NULL;
      if (g_object_get_data (G_OBJECT (row), "draft") == draft)
        return row;
    }
}

/* Selects the row of the draft shown, without reloading the editor. */
static void
select_current_row (MixMessagesPage *self)
{
  GtkListBoxRow *row = self->draft != NULL ? find_draft_row (self, self->draft) : NULL;

  self->reselecting = TRUE;
  if (row != NULL)
    gtk_list_box_select_row (self->drafts_list, row);
  else
    gtk_list_box_unselect_all (self->drafts_list);
  self->reselecting = FALSE;
}

static void
on_filtered_items_changed_cb (MixMessagesPage *self)
{
  select_current_row (self);
}

/* The draft shown changed: it is now the newest, so it goes to the top of
 * the list unless it is there already. */
static void
resort_if_needed (MixMessagesPage *self)
{
  g_autoptr(MixDraft) first = NULL;

  if (self->draft == NULL || self->sorted == NULL)
    return;
  first = g_list_model_get_item (G_LIST_MODEL (self->sorted), 0);
  if (first != self->draft)
    gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

/* The checklist */

static void
on_check_toggled_cb (GtkCheckButton  *button,
                     MixMessagesPage *self);

static void
build_checklist (MixMessagesPage *self)
{
  for (guint i = 0; i < MIX_N_CHECKS; i++)
    {
      const MixCheckInfo *info = mix_check_get_info ((MixCheck) i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(info->title));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      gtk_widget_set_tooltip_text (row, _(info->explanation));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      /* Its name comes from the row's title, which the row makes its label. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(info->explanation),
                                      -1);
      g_object_set_data (G_OBJECT (check), "check", GUINT_TO_POINTER (i));
      g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->checklist, row);

      self->check_rows[i] = ADW_ACTION_ROW (row);
      self->check_buttons[i] = GTK_CHECK_BUTTON (check);
    }
}

static void
update_checklist (MixMessagesPage *self)
{
  gboolean answers[MIX_N_CHECKS] = { FALSE };
  guint score, total;
  g_autofree char *score_text = NULL;

  if (self->draft != NULL)
    mix_draft_get_manual_answers (self->draft, answers);

  for (guint i = 0; i < MIX_N_CHECKS; i++)
    {
      const MixCheckInfo *info = mix_check_get_info ((MixCheck) i);
      gboolean automatic = self->result.decided[i] && self->result.passed[i];
      gboolean checked = mix_checklist_item_checked (&self->result, answers, (MixCheck) i);
      const char *subtitle;

      if (automatic && info->kind != MIX_CHECK_KIND_MANUAL)
        subtitle = _("Checked automatically");
      else if (answers[i] && info->kind != MIX_CHECK_KIND_AUTO)
        subtitle = _("Ticked by you");
      else if (info->kind == MIX_CHECK_KIND_MANUAL)
        subtitle = _("Tick it yourself when it is true");
      else if (info->kind == MIX_CHECK_KIND_AUTO)
        subtitle = _("Not yet");
      else if (!self->result.decided[i])
        subtitle = _("Nothing to compare with: tick it yourself");
      else
        subtitle = _("Not found yet: tick it if you disagree");

      if (g_strcmp0 (adw_action_row_get_subtitle (self->check_rows[i]), subtitle) != 0)
        adw_action_row_set_subtitle (self->check_rows[i], subtitle);
      if (gtk_check_button_get_active (self->check_buttons[i]) != checked)
        {
          g_signal_handlers_block_by_func (self->check_buttons[i], on_check_toggled_cb, self);
          gtk_check_button_set_active (self->check_buttons[i], checked);
          g_signal_handlers_unblock_by_func (self->check_buttons[i], on_check_toggled_cb, self);
        }
      /* What the analysis found cannot be unticked; an automatic item can
       * only be decided by the text. */
      gtk_widget_set_sensitive (GTK_WIDGET (self->check_buttons[i]),
                                !messages_read_only (self) &&
                                info->kind != MIX_CHECK_KIND_AUTO &&
                                !(automatic && info->kind != MIX_CHECK_KIND_MANUAL));
      if (checked)
        gtk_widget_add_css_class (GTK_WIDGET (self->check_rows[i]), "mix-check-done");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->check_rows[i]), "mix-check-done");
    }

  score = mix_checklist_score (&self->result, answers, &total);
  gtk_level_bar_set_max_value (self->score_bar, total);
  gtk_level_bar_set_value (self->score_bar, score);
  /* Translators: the personalization score, e.g. "7 of 11" */
  score_text = g_strdup_printf (_("%u of %u"), score, total);
  gtk_label_set_text (self->score_label, score_text);
  {
    /* Translators: the button that shows the checklist on a narrow screen, e.g. "Checklist: 7 of 11" */
    g_autofree char *toggle = g_strdup_printf (_("Checklist: %s"), score_text);

    gtk_label_set_text (self->checklist_toggle_label, toggle);
  }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->score_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, score_text,
                                  -1);
}

static void
update_counts (MixMessagesPage *self)
{
  const MixTextStats *stats = &self->result.stats;
  g_autofree char *characters = NULL;
  g_autofree char *words = NULL;
  g_autofree char *sentences = NULL;
  g_autofree char *questions = NULL;
  g_autofree char *line = NULL;

  if (stats->limit > 0)
    /* Translators: characters typed against the channel's limit, e.g. "120 / 300 characters" */
    characters = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u / %u character",
                                               "%u / %u characters", stats->limit),
                                  stats->characters, stats->limit);
  else
    characters = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u character",
                                               "%u characters", stats->characters),
                                  stats->characters);
  gtk_label_set_text (self->characters_label, characters);
  if (stats->limit > 0 && stats->characters > stats->limit)
    gtk_widget_add_css_class (GTK_WIDGET (self->characters_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->characters_label), "error");

  words = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words", stats->words),
                           stats->words);
  sentences = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sentence", "%u sentences",
                                            stats->sentences),
                               stats->sentences);
  questions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question", "%u questions",
                                            stats->questions),
                               stats->questions);
  /* Translators: the counts under the message; the last is the
   * Flesch–Kincaid reading grade, e.g. "42 words · 3 sentences · 1 question · grade 6.5" */
  line = g_strdup_printf (_("%s · %s · %s · grade %.1f"), words, sentences, questions,
                          stats->grade);
  gtk_label_set_text (self->stats_label, line);
}

/* Works the checklist and the counts out again from the draft. */
static void
evaluate (MixMessagesPage *self)
{
  MixRecipient recipient;
  gboolean known;
  gboolean free_account;

  if (self->draft == NULL)
    return;
  known = get_recipient (self, &recipient);
  free_account = self->settings != NULL &&
                 g_settings_get_boolean (self->settings, "linkedin-free-account");
  mix_checklist_evaluate (mix_draft_get_body (self->draft),
                          mix_draft_get_subject (self->draft),
                          mix_draft_get_channel (self->draft),
                          free_account, known ? &recipient : NULL,
                          &self->result);
  update_counts (self);
  update_checklist (self);
}

static void
on_check_toggled_cb (GtkCheckButton  *button,
                     MixMessagesPage *self)
{
  MixCheck check = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "check"));

  if (self->draft == NULL || self->loading)
    return;
  if (gtk_check_button_get_active (button))
    mix_draft_set_check (self->draft, check, TRUE);
  else
    mix_draft_clear_check (self->draft, check);
  resort_if_needed (self);
  evaluate (self);
}

/* The header of the draft: recipient, channel, subject, status */

static void
update_recipient (MixMessagesPage *self)
{
  MixRecord *record = get_contact (self);

  gtk_widget_set_visible (GTK_WIDGET (self->contact_row), record != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->recipient_row), record == NULL);
  if (record != NULL)
    {
      const char *company = record_value (record, "company");
      const char *role = record_value (record, "role");
      const char *tab = _(mix_tab_get_info (mix_record_get_tab (record))->title);
      g_autofree char *subtitle = NULL;

      if (!is_blank (role) && !is_blank (company))
        /* Translators: a contact's tracker tab, role and company, e.g. "New Contacts · Developer at Acme" */
        subtitle = g_strdup_printf (_("%s · %s at %s"), tab, role, company);
      else if (!is_blank (role) || !is_blank (company))
        subtitle = g_strdup_printf ("%s · %s", tab, !is_blank (role) ? role : company);
      else
        subtitle = g_strdup (tab);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->contact_row),
                                     recipient_or_placeholder (self->draft));
      adw_action_row_set_subtitle (self->contact_row, subtitle);
    }
  gtk_stack_set_visible_child_name (self->prepare_stack, record != NULL ? "prep" : "no-contact");
}

static void
update_status (MixMessagesPage *self)
{
  gboolean sent = mix_draft_get_status (self->draft) == MIX_DRAFT_STATUS_SENT;
  const char *label = sent ? _("Mark as Not Sent") : _("Mark as Sent");

  gtk_label_set_text (self->sent_label, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sent_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  if (sent)
    gtk_widget_remove_css_class (GTK_WIDGET (self->sent_button), "suggested-action");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->sent_button), "suggested-action");

  gtk_widget_set_visible (GTK_WIDGET (self->sent_on_label), sent);
  if (sent)
    {
      g_autofree char *date = format_date (mix_draft_get_sent_on (self->draft));
      g_autofree char *text = *date != '\0' ? g_strdup_printf (_("Sent on %s."), date)
                                            : g_strdup (_("Sent."));

      gtk_label_set_text (self->sent_on_label, text);
    }
}

/* The Prepare view */

static void rebuild_questions (MixMessagesPage *self);

static MixPrep *
find_prep (MixMessagesPage *self)
{
  const char *contact_id;

  if (self->draft == NULL || get_contact (self) == NULL)
    return NULL;
  contact_id = mix_draft_get_contact_id (self->draft);
  return mix_drafts_find_prep (get_drafts (self), contact_id);
}

/* The prep for the contact, made on the first change. */
static MixPrep *
ensure_prep (MixMessagesPage *self)
{
  if (self->draft == NULL || get_contact (self) == NULL || messages_read_only (self))
    return NULL;
  return mix_drafts_ensure_prep (get_drafts (self), mix_draft_get_contact_id (self->draft));
}

/* The Networking Log's "format" column, for the conversation. */
static const MixColumn *
format_column (void)
{
  const MixTabInfo *info = mix_tab_get_info (MIX_TAB_NETWORKING_LOG);

  return &info->columns[mix_tab_find_column (MIX_TAB_NETWORKING_LOG, "format")];
}

static guint
format_index (const char *format)
{
  int index = format != NULL ? mix_column_choice_index (format_column (), format) : -1;

  return index >= 0 ? (guint) index : 0;
}

static const char *
format_id (guint index)
{
  const MixChoice *choices = format_column ()->choices;

  for (guint i = 0; choices[i].id != NULL; i++)
    if (i == index)
      return choices[i].id;
  return choices[0].id;
}

static void
load_prep (MixMessagesPage *self)
{
  MixPrep *prep = find_prep (self);

  self->loading = TRUE;
  adw_combo_row_set_selected (self->format_row,
                              format_index (prep != NULL ? mix_prep_get_format (prep) : NULL));
  set_text (self->notes_view, prep != NULL ? mix_prep_get_notes (prep) : "");
  self->loading = FALSE;
  rebuild_questions (self);
}

/* Loading a draft into the editor */

static void
load_draft (MixMessagesPage *self)
{
  if (self->draft == NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }

  self->loading = TRUE;
  /* The contact's name may have changed in the tracker since. */
  {
    MixRecord *record = get_contact (self);
    const char *name = record != NULL ? record_value (record, "name") : NULL;

    if (!is_blank (name) && !messages_read_only (self))
      mix_draft_set_recipient (self->draft, name);
  }
  gtk_editable_set_text (GTK_EDITABLE (self->recipient_row), mix_draft_get_recipient (self->draft));
  adw_combo_row_set_selected (self->channel_row, mix_draft_get_channel (self->draft));
  gtk_widget_set_visible (GTK_WIDGET (self->subject_row),
                          mix_draft_get_channel (self->draft) == MIX_CHANNEL_EMAIL);
  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), mix_draft_get_subject (self->draft));
  set_text (self->body_view, mix_draft_get_body (self->draft));
  self->loading = FALSE;

  update_recipient (self);
  update_status (self);
  evaluate (self);
  load_prep (self);
  gtk_stack_set_visible_child_name (self->content_stack, "editor");
}

static void
show_draft (MixMessagesPage *self,
            MixDraft        *draft)
{
  if (self->draft != draft)
    {
      g_set_object (&self->draft, draft);
      load_draft (self);
    }
  select_current_row (self);
}

/**
 * mix_messages_page_show_draft:
 * @draft: (nullable): one of the store's drafts
 *
 * Shows @draft in the editor, or the empty page.
 */
void
mix_messages_page_show_draft (MixMessagesPage *self,
                              MixDraft        *draft)
{
  g_return_if_fail (MIX_IS_MESSAGES_PAGE (self));
  g_return_if_fail (draft == NULL || MIX_IS_DRAFT (draft));

  bind_drafts (self);
  show_draft (self, draft);
  if (draft != NULL)
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content_stack));
}

/**
 * mix_messages_page_get_draft:
 *
 * Returns: (transfer none) (nullable): the draft shown
 */
MixDraft *
mix_messages_page_get_draft (MixMessagesPage *self)
{
  g_return_val_if_fail (MIX_IS_MESSAGES_PAGE (self), NULL);
  return self->draft;
}

/**
 * mix_messages_page_get_checklist:
 * @result: (out caller-allocates): the analysis of the draft shown
 */
void
mix_messages_page_get_checklist (MixMessagesPage    *self,
                                 MixChecklistResult *result)
{
  g_return_if_fail (MIX_IS_MESSAGES_PAGE (self));
  *result = self->result;
}

/* Signal handlers of the template */

static void
on_draft_row_selected_cb (MixMessagesPage *self,
                          GtkListBoxRow   *row)
{
  if (self->reselecting || row == NULL)
    return;
  show_draft (self, g_object_get_data (G_OBJECT (row), "draft"));
}

static void
on_draft_row_activated_cb (MixMessagesPage *self,
                           GtkListBoxRow   *row)
{
  show_draft (self, g_object_get_data (G_OBJECT (row), "draft"));
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content_stack));
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

static void
on_search_changed_cb (MixMessagesPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_free (self->needle);
  self->needle = mix_text_fold (text, -1);
  gtk_label_set_text (self->drafts_placeholder,
                      *text != '\0' ? _("No drafts match") : _("No drafts"));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_folded_cb (MixMessagesPage *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), folded);
}

static void
on_back_clicked_cb (MixMessagesPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  if (self->draft != NULL)
    {
      GtkListBoxRow *row = find_draft_row (self, self->draft);

      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }
}

static void
on_recipient_changed_cb (MixMessagesPage *self)
{
  if (self->loading || self->draft == NULL)
    return;
  mix_draft_set_recipient (self->draft, gtk_editable_get_text (GTK_EDITABLE (self->recipient_row)));
  resort_if_needed (self);
}

static void
on_subject_changed_cb (MixMessagesPage *self)
{
  if (self->loading || self->draft == NULL)
    return;
  mix_draft_set_subject (self->draft, gtk_editable_get_text (GTK_EDITABLE (self->subject_row)));
  resort_if_needed (self);
  evaluate (self);
}

static void
on_channel_selected_cb (MixMessagesPage *self)
{
  guint selected = adw_combo_row_get_selected (self->channel_row);

  if (self->loading || self->draft == NULL || selected > MIX_CHANNEL_EMAIL)
    return;
  mix_draft_set_channel (self->draft, (MixChannel) selected);
  gtk_widget_set_visible (GTK_WIDGET (self->subject_row), selected == MIX_CHANNEL_EMAIL);
  resort_if_needed (self);
  evaluate (self);
}

static void
on_body_changed_cb (GtkTextBuffer   *buffer,
                    MixMessagesPage *self)
{
  g_autofree char *text = NULL;

  if (self->loading || self->draft == NULL)
    return;
  text = get_text (self->body_view);
  mix_draft_set_body (self->draft, text);
  resort_if_needed (self);
  evaluate (self);
}

static void
on_free_account_changed_cb (MixMessagesPage *self)
{
  evaluate (self);
}

/* The contact picker */

#define MAX_CONTACTS_SHOWN 200

static void
rebuild_contacts (MixMessagesPage *self)
{
  MixTracker *tracker = get_tracker (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->contact_search));
  g_autofree char *needle = mix_text_fold (text, -1);
  GtkWidget *child;
  guint shown = 0;
  guint total = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->contacts_list))) != NULL)
    gtk_list_box_remove (self->contacts_list, child);
  if (tracker == NULL)
    return;

  for (guint tab = 0; tab < MIX_N_TABS; tab++)
    {
      GListModel *rows = mix_tracker_get_rows (tracker, (MixTab) tab);
      guint n = g_list_model_get_n_items (rows);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(MixRecord) record = g_list_model_get_item (rows, i);
          const char *name = record_value (record, "name");
          const char *company = record_value (record, "company");
          const char *tab_title = _(mix_tab_get_info ((MixTab) tab)->title);
          g_autofree char *subtitle = NULL;
          g_autofree char *accessible = NULL;
          GtkWidget *row, *box, *title_label, *subtitle_label;

          if (is_blank (name))
            continue;
          if (*needle != '\0' && !contains_folded (name, needle) &&
              !contains_folded (company, needle))
            continue;
          total++;
          if (shown >= MAX_CONTACTS_SHOWN)
            continue;
          shown++;

          subtitle = is_blank (company) ? g_strdup (tab_title)
                                        : g_strdup_printf ("%s · %s", company, tab_title);
          row = gtk_list_box_row_new ();
          box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
          gtk_widget_set_margin_top (box, 3);
          gtk_widget_set_margin_bottom (box, 3);
          title_label = gtk_label_new (name);
          gtk_label_set_xalign (GTK_LABEL (title_label), 0);
          gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
          subtitle_label = gtk_label_new (subtitle);
          gtk_label_set_xalign (GTK_LABEL (subtitle_label), 0);
          gtk_label_set_ellipsize (GTK_LABEL (subtitle_label), PANGO_ELLIPSIZE_END);
          gtk_widget_add_css_class (subtitle_label, "caption");
          gtk_widget_add_css_class (subtitle_label, "dim-label");
          gtk_box_append (GTK_BOX (box), title_label);
          gtk_box_append (GTK_BOX (box), subtitle_label);
          gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
          accessible = g_strdup_printf ("%s, %s", name, subtitle);
          gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                          -1);
          g_object_set_data_full (G_OBJECT (row), "contact-id",
                                  g_strdup (mix_record_get_id (record)), g_free);
          gtk_list_box_append (self->contacts_list, row);
        }
    }

  if (total > shown)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u more contact: search to narrow it down",
                                                            "%u more contacts: search to narrow them down",
                                                            total - shown),
                                               total - shown);
      GtkWidget *label = gtk_label_new (more);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_list_box_append (self->contacts_list, label);
      gtk_list_box_row_set_activatable (gtk_list_box_get_row_at_index (self->contacts_list,
                                                                       (int) shown),
                                        FALSE);
    }
  gtk_label_set_text (self->contacts_placeholder,
                      *needle != '\0' ? _("No contacts match")
                                      : _("Your tracker has no contacts yet. Add people to it first."));
}

static void
on_contact_popover_show_cb (MixMessagesPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->contact_search), "");
  rebuild_contacts (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->contact_search));
}

static void
on_contact_search_changed_cb (MixMessagesPage *self)
{
  rebuild_contacts (self);
}

/**
 * mix_messages_page_link_contact:
 * @contact_id: a tracker row's id
 *
 * Makes the draft shown one for this contact of the tracker, taking their
 * name as the recipient.
 *
 * Returns: %FALSE if there is no draft shown or no such contact
 */
gboolean
mix_messages_page_link_contact (MixMessagesPage *self,
                                const char      *contact_id)
{
  MixRecord *record;

  g_return_val_if_fail (MIX_IS_MESSAGES_PAGE (self), FALSE);
  g_return_val_if_fail (contact_id != NULL, FALSE);

  if (self->draft == NULL || get_tracker (self) == NULL || messages_read_only (self))
    return FALSE;
  record = mix_tracker_find (get_tracker (self), contact_id);
  if (record == NULL)
    return FALSE;

  mix_draft_set_contact_id (self->draft, contact_id);
  mix_draft_set_recipient (self->draft, record_value (record, "name"));
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->recipient_row), mix_draft_get_recipient (self->draft));
  self->loading = FALSE;
  resort_if_needed (self);
  update_recipient (self);
  evaluate (self);
  load_prep (self);
  return TRUE;
}

static void
on_contact_activated_cb (MixMessagesPage *self,
                         GtkListBoxRow   *row)
{
  const char *contact_id = g_object_get_data (G_OBJECT (row), "contact-id");

  if (contact_id == NULL)
    return;
  gtk_popover_popdown (self->contact_popover);
  if (mix_messages_page_link_contact (self, contact_id))
    gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

static void
on_contact_search_activate_cb (MixMessagesPage *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->contacts_list, 0);

  if (row != NULL)
    on_contact_activated_cb (self, row);
}

static void
on_unlink_clicked_cb (MixMessagesPage *self)
{
  if (self->draft == NULL || messages_read_only (self))
    return;
  mix_draft_set_contact_id (self->draft, NULL);
  resort_if_needed (self);
  update_recipient (self);
  evaluate (self);
  load_prep (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->recipient_row));
}

/* Templates */

static void
build_templates (MixMessagesPage *self)
{
  for (guint i = 0; i < mix_template_get_n (); i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *title = gtk_label_new (mix_template_get_title (i));
      GtkWidget *preview = gtk_label_new (mix_template_get_body (i));

      gtk_widget_set_margin_top (box, 3);
      gtk_widget_set_margin_bottom (box, 3);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_xalign (GTK_LABEL (preview), 0);
      gtk_label_set_lines (GTK_LABEL (preview), 2);
      gtk_label_set_wrap (GTK_LABEL (preview), TRUE);
      gtk_label_set_ellipsize (GTK_LABEL (preview), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (preview), 40);
      gtk_widget_add_css_class (preview, "caption");
      gtk_widget_add_css_class (preview, "dim-label");
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), preview);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, mix_template_get_title (i),
                                      -1);
      g_object_set_data (G_OBJECT (row), "template", GUINT_TO_POINTER (i));
      gtk_list_box_append (self->templates_list, row);
    }
}

/* Changes for Undo. Each holds the page weakly: the window's history may
 * outlive it by a moment. */

typedef struct
{
  GWeakRef  page;
  MixDraft *draft;
  char     *before;
  char     *after;
} BodyChange;

static void
body_change_free (BodyChange *change)
{
  g_weak_ref_clear (&change->page);
  g_object_unref (change->draft);
  g_free (change->before);
  g_free (change->after);
  g_free (change);
}

/* Whether @draft is one of the page's drafts still (not deleted since). */
static gboolean
has_draft (MixMessagesPage *self,
           MixDraft        *draft)
{
  return self != NULL && get_drafts (self) != NULL &&
         mix_drafts_find (get_drafts (self), mix_draft_get_id (draft)) == draft;
}

static gboolean
set_body (BodyChange *change,
          const char *body)
{
  g_autoptr(MixMessagesPage) self = g_weak_ref_get (&change->page);

  if (!has_draft (self, change->draft) || messages_read_only (self))
    return FALSE;
  mix_draft_set_body (change->draft, body);
  if (change->draft == self->draft)
    load_draft (self);
  else
    mix_messages_page_show_draft (self, change->draft);
  return TRUE;
}

static gboolean
undo_body (gpointer data)
{
  BodyChange *change = data;
  return set_body (change, change->before);
}

static gboolean
redo_body (gpointer data)
{
  BodyChange *change = data;
  return set_body (change, change->after);
}

/**
 * mix_messages_page_apply_template:
 * @index: a template, below mix_template_get_n()
 *
 * Replaces the message with the template, filled in from the contact.
 * Replacing text the student wrote can be undone.
 */
void
mix_messages_page_apply_template (MixMessagesPage *self,
                                  guint            index)
{
  MixRecipient recipient;
  gboolean known;
  g_autofree char *body = NULL;
  g_autofree char *before = NULL;
  gboolean replaced;

  g_return_if_fail (MIX_IS_MESSAGES_PAGE (self));
  g_return_if_fail (index < mix_template_get_n ());

  if (self->draft == NULL || messages_read_only (self))
    return;
  known = get_recipient (self, &recipient);
  body = mix_template_fill (mix_template_get_body (index), known ? &recipient : NULL);
  replaced = !is_blank (mix_draft_get_body (self->draft)) &&
             g_strcmp0 (mix_draft_get_body (self->draft), body) != 0;
  if (replaced)
    before = g_strdup (mix_draft_get_body (self->draft));

  /* Through the buffer, so that the text view's own undo has it too. */
  replace_text (self->body_view, body);
  if (replaced && self->history != NULL)
    {
      BodyChange *change = g_new0 (BodyChange, 1);

      g_weak_ref_init (&change->page, self);
      change->draft = g_object_ref (self->draft);
      change->before = g_steal_pointer (&before);
      change->after = g_strdup (mix_draft_get_body (self->draft));
      mix_history_push (self->history, _("Your text was replaced by the template"), undo_body,
                        redo_body, change, (GDestroyNotify) body_change_free);
      mix_show_undo_toast (GTK_WIDGET (self), self->history,
                           _("Your text was replaced by the template"));
    }
}

static void
on_template_activated_cb (MixMessagesPage *self,
                          GtkListBoxRow   *row)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "template"));

  gtk_popover_popdown (gtk_menu_button_get_popover (self->templates_button));
  mix_messages_page_apply_template (self, index);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

/* Actions */

static void
new_draft_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  MixMessagesPage *self = MIX_MESSAGES_PAGE (widget);
  g_autoptr(MixDraft) draft = NULL;

  bind_drafts (self);
  if (messages_read_only (self))
    {
      show_message (self, _("Messages are read-only: no draft can be added."));
      return;
    }
  /* A new draft must be seen. */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

  draft = mix_draft_new ();
  g_set_object (&self->draft, draft);
  mix_drafts_add (get_drafts (self), draft);
  load_draft (self);
  resort_if_needed (self);
  select_current_row (self);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content_stack));
  gtk_stack_set_visible_child_name (self->editor_stack, "write");
  gtk_widget_grab_focus (GTK_WIDGET (self->recipient_row));
}

/* Takes @draft out of the list, and shows the next one. */
static void
remove_draft (MixMessagesPage *self,
              MixDraft        *draft,
              guint           *position)
{
  g_autoptr(MixDraft) next = NULL;
  gboolean shown = draft == self->draft;

  mix_drafts_remove (get_drafts (self), draft, position);
  if (!shown)
    return;
  next = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);
  g_clear_object (&self->draft);
  show_draft (self, next);
  if (next == NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

typedef struct
{
  GWeakRef  page;
  MixDraft *draft;
  guint     position;
} DraftDeletion;

static void
draft_deletion_free (DraftDeletion *change)
{
  g_weak_ref_clear (&change->page);
  g_object_unref (change->draft);
  g_free (change);
}

static gboolean
undo_delete (gpointer data)
{
  DraftDeletion *change = data;
  g_autoptr(MixMessagesPage) self = g_weak_ref_get (&change->page);

  if (self == NULL || has_draft (self, change->draft) || messages_read_only (self))
    return FALSE;
  mix_drafts_insert (get_drafts (self), change->draft, change->position);
  mix_messages_page_show_draft (self, change->draft);
  return TRUE;
}

static gboolean
redo_delete (gpointer data)
{
  DraftDeletion *change = data;
  g_autoptr(MixMessagesPage) self = g_weak_ref_get (&change->page);

  if (self == NULL || !has_draft (self, change->draft) || messages_read_only (self))
    return FALSE;
  remove_draft (self, change->draft, &change->position);
  return TRUE;
}


static void
delete_draft_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MixMessagesPage *self = MIX_MESSAGES_PAGE (widget);
  g_autoptr(MixDraft) draft = NULL;
  g_autofree char *message = NULL;
  DraftDeletion *change;

  if (self->draft == NULL || messages_read_only (self))
    return;

  draft = g_object_ref (self->draft);
  change = g_new0 (DraftDeletion, 1);
  g_weak_ref_init (&change->page, self);
  change->draft = g_object_ref (draft);
  remove_draft (self, draft, &change->position);

  message = g_strdup_printf (_("Draft to %s deleted"), recipient_or_placeholder (draft));
  if (self->history != NULL)
    mix_history_push (self->history, message, undo_delete, redo_delete, change,
                      (GDestroyNotify) draft_deletion_free);
  else
    draft_deletion_free (change);
  mix_show_undo_toast (GTK_WIDGET (self), self->history, message);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MixMessagesPage *self = MIX_MESSAGES_PAGE (widget);
  const char *body;

  if (self->draft == NULL)
    return;
  body = mix_draft_get_body (self->draft);
  if (is_blank (body))
    {
      show_message (self, _("There is nothing to copy yet."));
      return;
    }
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), body);
  if (self->result.stats.limit > 0 && self->result.stats.characters > self->result.stats.limit)
    show_message (self, _("Copied, but it is longer than the channel allows"));
  else
    show_message (self, _("Message copied"));
}

/* Marking a draft sent or not, and its contact with it. */
typedef struct
{
  GWeakRef        page;
  MixDraft       *draft;
  MixDraftStatus  status[2];          /* before, after */
  char           *sent_on[2];
  MixRecord      *record;             /* nullable: the contact it changed */
  char           *record_status[2];
  char           *contacted_on[2];
} SentChange;

static void
sent_change_free (SentChange *change)
{
  g_weak_ref_clear (&change->page);
  g_object_unref (change->draft);
  g_clear_object (&change->record);
  for (guint i = 0; i < 2; i++)
    {
      g_free (change->sent_on[i]);
      g_free (change->record_status[i]);
      g_free (change->contacted_on[i]);
    }
  g_free (change);
}

static void
take_sent_state (SentChange *change,
                 guint       when)
{
  change->status[when] = mix_draft_get_status (change->draft);
  change->sent_on[when] = g_strdup (mix_draft_get_sent_on (change->draft));
  if (change->record != NULL)
    {
      change->record_status[when] = g_strdup (record_value (change->record, "status"));
      change->contacted_on[when] = g_strdup (record_value (change->record, "contacted_on"));
    }
}

static gboolean
set_sent_state (SentChange *change,
                guint       when)
{
  g_autoptr(MixMessagesPage) self = g_weak_ref_get (&change->page);

  if (!has_draft (self, change->draft) || messages_read_only (self))
    return FALSE;
  mix_draft_set_status (change->draft, change->status[when]);
  mix_draft_set_sent_on (change->draft, change->sent_on[when], NULL);
  if (change->record != NULL && !tracker_read_only (self) &&
      mix_tracker_find (get_tracker (self), mix_record_get_id (change->record)) == change->record)
    {
      mix_record_set_value_by_id (change->record, "status", change->record_status[when], NULL);
      mix_record_set_value_by_id (change->record, "contacted_on", change->contacted_on[when],
                                  NULL);
    }
  if (change->draft == self->draft)
    update_status (self);
  resort_if_needed (self);
  return TRUE;
}

static gboolean
undo_sent (gpointer data)
{
  return set_sent_state (data, 0);
}

static gboolean
redo_sent (gpointer data)
{
  return set_sent_state (data, 1);
}

static void
toggle_sent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MixMessagesPage *self = MIX_MESSAGES_PAGE (widget);
  MixRecord *record;
  g_autofree char *message = NULL;
  SentChange *change;

  if (self->draft == NULL || messages_read_only (self))
    return;

  change = g_new0 (SentChange, 1);
  g_weak_ref_init (&change->page, self);
  change->draft = g_object_ref (self->draft);

  if (mix_draft_get_status (self->draft) == MIX_DRAFT_STATUS_SENT)
    {
      take_sent_state (change, 0);
      mix_draft_set_status (self->draft, MIX_DRAFT_STATUS_DRAFT);
      mix_draft_set_sent_on (self->draft, NULL, NULL);
      message = g_strdup (_("Marked as not sent"));
    }
  else
    {
      /* A new contact who had not been contacted now has been. */
      record = get_contact (self);
      if (record != NULL && mix_record_get_tab (record) == MIX_TAB_NEW_CONTACTS &&
          !tracker_read_only (self) &&
          (is_blank (record_value (record, "status")) ||
           g_strcmp0 (record_value (record, "status"), "not-contacted") == 0))
        change->record = g_object_ref (record);
      take_sent_state (change, 0);

      mix_draft_mark_sent (self->draft, NULL, NULL);
      if (change->record != NULL)
        {
          g_autofree char *today = mix_date_today_iso ();

          mix_record_set_value_by_id (record, "status", "messaged", NULL);
          mix_record_set_value_by_id (record, "contacted_on", today, NULL);
          /* Translators: after marking a message sent; %s is the contact's name */
          message = g_strdup_printf (_("Marked as sent. %s is now “Messaged” in New Contacts."),
                                     recipient_or_placeholder (self->draft));
        }
      else
        message = g_strdup (_("Marked as sent"));
    }
  take_sent_state (change, 1);
  resort_if_needed (self);
  update_status (self);

  if (self->history != NULL)
    mix_history_push (self->history, message, undo_sent, redo_sent, change,
                      (GDestroyNotify) sent_change_free);
  else
    sent_change_free (change);
  mix_show_undo_toast (GTK_WIDGET (self), self->history, message);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MixMessagesPage *self = MIX_MESSAGES_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Prepare: questions */

static void
on_question_button_clicked_cb (GtkButton       *button,
                               MixMessagesPage *self);

static GtkWidget *
question_button (MixMessagesPage *self,
                 const char      *icon,
                 const char      *label,
                 const char      *which,
                 guint            index,
                 gboolean         sensitive)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_set_sensitive (button, sensitive);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data (G_OBJECT (button), "which", (gpointer) which);
  g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", G_CALLBACK (on_question_button_clicked_cb), self);
  return button;
}

static void
rebuild_questions (MixMessagesPage *self)
{
  MixPrep *prep = find_prep (self);
  guint n = prep != NULL ? mix_prep_get_n_questions (prep) : 0;
  gboolean editable = !messages_read_only (self);
  GtkWidget *child;
  GtkWidget *closing;
  GtkWidget *focus = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->questions_list))) != NULL)
    gtk_list_box_remove (self->questions_list, child);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *up = question_button (self, "go-up-symbolic", _("Move Up"), "up", i,
                                       editable && i > 0);
      GtkWidget *down = question_button (self, "go-down-symbolic", _("Move Down"), "down", i,
                                         editable && i + 1 < n);
      GtkWidget *remove = question_button (self, "edit-delete-symbolic", _("Remove Question"),
                                           "remove", i, editable);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mix_prep_get_question (prep, i));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), up);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), down);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->questions_list, row);

      if ((int) i == self->focus_question)
        {
          if (g_strcmp0 (self->focus_button, "up") == 0)
            focus = gtk_widget_get_sensitive (up) ? up : down;
          else if (g_strcmp0 (self->focus_button, "down") == 0)
            focus = gtk_widget_get_sensitive (down) ? down : up;
          else
            focus = remove;
        }
    }

  closing = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (closing), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (closing), mix_prep_get_closing_question ());
  adw_action_row_set_title_lines (ADW_ACTION_ROW (closing), 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (closing), _("Always the last question"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (closing), FALSE);
  gtk_list_box_append (self->questions_list, closing);

  if (focus == NULL && self->focus_question >= 0)
    focus = GTK_WIDGET (self->own_question_row);
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
  self->focus_question = -1;
  self->focus_button = NULL;
}

static gboolean
rebuild_questions_idle_cb (gpointer data)
{
  MixMessagesPage *self = data;

  self->rebuild_questions_id = 0;
  rebuild_questions (self);
  return G_SOURCE_REMOVE;
}

/* The buttons being clicked are in the list: rebuild it from an idle. */
static void
queue_rebuild_questions (MixMessagesPage *self)
{
  if (self->rebuild_questions_id == 0)
    self->rebuild_questions_id = g_idle_add (rebuild_questions_idle_cb, self);
}

static void
on_question_button_clicked_cb (GtkButton       *button,
                               MixMessagesPage *self)
{
  MixPrep *prep = find_prep (self);
  const char *which = g_object_get_data (G_OBJECT (button), "which");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  guint n;

  if (prep == NULL || messages_read_only (self))
    return;
  n = mix_prep_get_n_questions (prep);
  if (index >= n)
    return;

  if (g_str_equal (which, "up") && index > 0)
    {
      mix_prep_move_question (prep, index, index - 1);
      self->focus_question = (int) index - 1;
    }
  else if (g_str_equal (which, "down") && index + 1 < n)
    {
      mix_prep_move_question (prep, index, index + 1);
      self->focus_question = (int) index + 1;
    }
  else if (g_str_equal (which, "remove"))
    {
      mix_prep_remove_question (prep, index);
      self->focus_question = MIN ((int) index, (int) n - 2);
      if (self->focus_question < 0)
        self->focus_question = G_MAXINT;  /* none left: the entry */
    }
  self->focus_button = which;
  queue_rebuild_questions (self);
}

static void
on_own_question_apply_cb (MixMessagesPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->own_question_row));
  MixPrep *prep;

  if (is_blank (text))
    return;
  prep = ensure_prep (self);
  if (prep == NULL)
    return;
  if (!mix_prep_add_question (prep, text))
    {
      show_message (self, _("That question is already on the list."));
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->own_question_row), "");
  rebuild_questions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->own_question_row));
}

static void
rebuild_bank (MixMessagesPage *self)
{
  MixPrep *prep = find_prep (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->bank_list))) != NULL)
    gtk_list_box_remove (self->bank_list, child);

  for (guint t = 0; t < mix_prep_bank_get_n_themes (); t++)
    {
      GtkWidget *heading = gtk_label_new (mix_prep_bank_get_theme_title (t));
      GtkListBoxRow *heading_row;

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "heading");
      gtk_widget_set_margin_top (heading, t > 0 ? 12 : 3);
      gtk_list_box_append (self->bank_list, heading);
      heading_row = GTK_LIST_BOX_ROW (gtk_widget_get_parent (heading));
      gtk_list_box_row_set_activatable (heading_row, FALSE);
      gtk_list_box_row_set_selectable (heading_row, FALSE);
      gtk_widget_set_focusable (GTK_WIDGET (heading_row), FALSE);

      for (guint q = 0; q < mix_prep_bank_get_n_questions (t); q++)
        {
          const char *question = mix_prep_bank_get_question (t, q);
          gboolean added = prep != NULL && mix_prep_has_question (prep, question);
          GtkWidget *row = gtk_list_box_row_new ();
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          GtkWidget *label = gtk_label_new (question);
          GtkWidget *icon = gtk_image_new_from_icon_name (added ? "object-select-symbolic"
                                                                : "list-add-symbolic");
          g_autofree char *accessible = NULL;

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
          gtk_widget_set_hexpand (label, TRUE);
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
          gtk_box_append (GTK_BOX (box), label);
          gtk_box_append (GTK_BOX (box), icon);
          gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
          gtk_widget_set_sensitive (row, !added);
          accessible = added ? g_strdup_printf (_("%s (on your list)"), question)
                             : g_strdup (question);
          gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                          -1);
          g_object_set_data_full (G_OBJECT (row), "question", g_strdup (question), g_free);
          gtk_list_box_append (self->bank_list, row);
        }
    }
}

static void
on_bank_popover_show_cb (MixMessagesPage *self)
{
  rebuild_bank (self);
}

static void
on_bank_activated_cb (MixMessagesPage *self,
                      GtkListBoxRow   *row)
{
  const char *question = g_object_get_data (G_OBJECT (row), "question");
  MixPrep *prep;

  if (question == NULL)
    return;
  prep = ensure_prep (self);
  if (prep == NULL || !mix_prep_add_question (prep, question))
    return;
  /* Kept open to pick more; the row shows it is on the list. */
  gtk_widget_set_sensitive (GTK_WIDGET (row), FALSE);
  rebuild_questions (self);
}

static void
on_format_selected_cb (MixMessagesPage *self)
{
  MixPrep *prep;

  if (self->loading)
    return;
  prep = ensure_prep (self);
  if (prep != NULL)
    mix_prep_set_format (prep, format_id (adw_combo_row_get_selected (self->format_row)));
}

static void
on_notes_changed_cb (GtkTextBuffer   *buffer,
                     MixMessagesPage *self)
{
  g_autofree char *text = NULL;
  MixPrep *prep;

  if (self->loading)
    return;
  prep = ensure_prep (self);
  if (prep == NULL)
    return;
  text = get_text (self->notes_view);
  mix_prep_set_notes (prep, text);
}

/* A conversation logged: a row added, or the one logged before updated. */
typedef struct
{
  MixTracker *tracker;
  MixRecord  *record;
  gboolean    added;
  char       *before[4];  /* of log_columns, when updated */
  char       *after[4];
} LogChange;

static const char * const log_columns[] = { "date", "format", "what_i_learned", "company" };

static void
log_change_free (LogChange *change)
{
  g_object_unref (change->tracker);
  g_object_unref (change->record);
  for (guint i = 0; i < G_N_ELEMENTS (log_columns); i++)
    {
      g_free (change->before[i]);
      g_free (change->after[i]);
    }
  g_free (change);
}

static void
take_log_values (LogChange  *change,
                 char      **values)
{
  for (guint i = 0; i < G_N_ELEMENTS (log_columns); i++)
    values[i] = g_strdup (mix_record_get_value_by_id (change->record, log_columns[i]));
}

static gboolean
set_log_values (LogChange  *change,
                char      **values)
{
  if (mix_tracker_find (change->tracker, mix_record_get_id (change->record)) != change->record)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (log_columns); i++)
    mix_record_set_value_by_id (change->record, log_columns[i], values[i], NULL);
  return TRUE;
}

static gboolean
undo_log (gpointer data)
{
  LogChange *change = data;

  if (!change->added)
    return set_log_values (change, change->before);
  return mix_tracker_remove_row (change->tracker, change->record, NULL);
}

static gboolean
redo_log (gpointer data)
{
  LogChange *change = data;

  if (!change->added)
    return set_log_values (change, change->after);
  if (mix_tracker_find (change->tracker, mix_record_get_id (change->record)) != NULL)
    return FALSE;
  mix_tracker_insert_row (change->tracker, change->record, G_MAXUINT);
  return TRUE;
}

/* A conversation is logged once: logging it again updates its row, so
 * that it counts once toward a goal. */
static void
log_conversation_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  MixMessagesPage *self = MIX_MESSAGES_PAGE (widget);
  MixRecord *contact = get_contact (self);
  MixPrep *prep;
  MixRecord *record;
  LogChange *change;
  g_autofree char *today = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *message = NULL;

  if (contact == NULL)
    return;
  if (tracker_read_only (self))
    {
      show_message (self, _("The tracker is read-only: nothing was logged."));
      return;
    }
  prep = ensure_prep (self);

  change = g_new0 (LogChange, 1);
  change->tracker = g_object_ref (get_tracker (self));
  record = prep != NULL ? mix_tracker_find (get_tracker (self), mix_prep_get_logged_id (prep))
                        : NULL;
  today = mix_date_today_iso ();
  /* Logged again the same day, it is the same conversation: its row is
   * brought up to date. Another day, it is another conversation. */
  if (record != NULL && (mix_record_get_tab (record) != MIX_TAB_NETWORKING_LOG ||
                         g_strcmp0 (record_value (record, "date"), today) != 0))
    record = NULL;
  change->added = record == NULL;
  if (record == NULL)
    {
      record = mix_tracker_add_row (get_tracker (self), MIX_TAB_NETWORKING_LOG);
      mix_record_set_value_by_id (record, "name", record_value (contact, "name"), NULL);
    }
  change->record = g_object_ref (record);
  take_log_values (change, change->before);

  notes = get_text (self->notes_view);
  mix_record_set_value_by_id (record, "date", today, NULL);
  mix_record_set_value_by_id (record, "company", record_value (contact, "company"), NULL);
  mix_record_set_value_by_id (record, "format",
                              format_id (adw_combo_row_get_selected (self->format_row)), NULL);
  mix_record_set_value_by_id (record, "what_i_learned", g_strstrip (notes), NULL);
  take_log_values (change, change->after);
  if (prep != NULL)
    mix_prep_set_logged_id (prep, mix_record_get_id (record));

  if (change->added)
    /* Translators: %s is the contact's name */
    message = g_strdup_printf (_("Conversation with %s added to your Networking Log"),
                               recipient_or_placeholder (self->draft));
  else
    /* Translators: %s is the contact's name */
    message = g_strdup_printf (_("Conversation with %s updated in your Networking Log"),
                               recipient_or_placeholder (self->draft));
  if (self->history != NULL)
    mix_history_push (self->history, message, undo_log, redo_log, change,
                      (GDestroyNotify) log_change_free);
  else
    log_change_free (change);
  mix_show_undo_toast (GTK_WIDGET (self), self->history, message);
}

/**
 * mix_messages_page_set_history:
 * @history: the window's changes: the page's go there, for Undo
 */
void
mix_messages_page_set_history (MixMessagesPage *self,
                               MixHistory      *history)
{
  g_return_if_fail (MIX_IS_MESSAGES_PAGE (self));
  g_set_object (&self->history, history);
}

/* GObject */

static void
mix_messages_page_dispose (GObject *object)
{
  MixMessagesPage *self = MIX_MESSAGES_PAGE (object);

  g_clear_handle_id (&self->rebuild_questions_id, g_source_remove);
  if (self->drafts_list != NULL)
    gtk_list_box_bind_model (self->drafts_list, NULL, NULL, NULL, NULL);
  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_data (self->filtered, self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);

  /* The leaflet is both the bin's child and a template child: let the bin
   * drop it first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), MIX_TYPE_MESSAGES_PAGE);

  g_clear_object (&self->filtered);
  g_clear_object (&self->sorted);
  g_clear_object (&self->sorter);
  g_clear_object (&self->filter);
  g_clear_object (&self->draft);
  g_clear_object (&self->history);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mix_messages_page_parent_class)->dispose (object);
}

static void
mix_messages_page_finalize (GObject *object)
{
  MixMessagesPage *self = MIX_MESSAGES_PAGE (object);

  g_free (self->needle);
  g_free (self->recipient_notes);

  G_OBJECT_CLASS (mix_messages_page_parent_class)->finalize (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, MixMessagesPage, name)

static void
mix_messages_page_class_init (MixMessagesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mix_messages_page_dispose;
  object_class->finalize = mix_messages_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mix-messages-page.ui");
  BIND (leaflet);
  BIND (sidebar);
  BIND (bank_button);
  BIND (search_entry);
  BIND (drafts_list);
  BIND (drafts_placeholder);
  BIND (content_stack);
  BIND (back_button);
  BIND (templates_button);
  BIND (templates_list);
  BIND (sent_button);
  BIND (sent_label);
  BIND (editor_stack);
  BIND (checklist_flap);
  BIND (recipient_row);
  BIND (contact_button);
  BIND (contact_popover);
  BIND (contact_search);
  BIND (contacts_list);
  BIND (contacts_placeholder);
  BIND (contact_row);
  BIND (channel_row);
  BIND (subject_row);
  BIND (body_view);
  BIND (characters_label);
  BIND (stats_label);
  BIND (sent_on_label);
  BIND (checklist_toggle);
  BIND (checklist_toggle_label);
  BIND (score_bar);
  BIND (score_label);
  BIND (checklist);
  BIND (prepare_stack);
  BIND (questions_list);
  BIND (bank_list);
  BIND (own_question_row);
  BIND (format_row);
  BIND (notes_view);

  gtk_widget_class_bind_template_callback (widget_class, on_draft_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_draft_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_template_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_recipient_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_contact_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_contact_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_contact_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_contact_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unlink_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_channel_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_subject_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bank_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bank_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_own_question_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_format_selected_cb);

  gtk_widget_class_install_action (widget_class, "messages.new-draft", NULL, new_draft_action);
  gtk_widget_class_install_action (widget_class, "messages.delete-draft", NULL,
                                   delete_draft_action);
  gtk_widget_class_install_action (widget_class, "messages.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "messages.toggle-sent", NULL, toggle_sent_action);
  gtk_widget_class_install_action (widget_class, "messages.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "messages.log-conversation", NULL,
                                   log_conversation_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "messages.new-draft", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "messages.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "messages.copy", NULL);
}

/* The tracker may have changed while another page was shown: the
 * contact's name, company or notes. */
static void
on_map_cb (MixMessagesPage *self)
{
  bind_drafts (self);
  if (self->draft == NULL)
    return;
  update_recipient (self);
  evaluate (self);
}

/* Down from the contact search goes to the first contact. */
static gboolean
on_contact_search_key_cb (MixMessagesPage       *self,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          GtkEventControllerKey *controller)
{
  GtkListBoxRow *row;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  row = gtk_list_box_get_row_at_index (self->contacts_list, 0);
  if (row == NULL)
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (row));
  return TRUE;
}

static void
mix_messages_page_init (MixMessagesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->focus_question = -1;
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_contact_search_key_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->contact_search), keys);
  }
  /* Ctrl+Enter marks the message sent from wherever the focus is, the
   * message itself included: the page sees the key before the text view,
   * which would put in a new line. */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();
    GtkShortcutTrigger *trigger =
      gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                   gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK));

    gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (trigger,
                                                            gtk_named_action_new ("messages.toggle-sent")));
    gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  }
  build_checklist (self);
  build_templates (self);
  g_signal_connect (gtk_text_view_get_buffer (self->body_view), "changed",
                    G_CALLBACK (on_body_changed_cb), self);
  g_signal_connect (gtk_text_view_get_buffer (self->notes_view), "changed",
                    G_CALLBACK (on_notes_changed_cb), self);

  /* The formats of the Networking Log, for the conversation. */
  {
    const MixChoice *choices = format_column ()->choices;
    GtkStringList *formats = gtk_string_list_new (NULL);

    for (guint i = 0; choices[i].id != NULL; i++)
      gtk_string_list_append (formats, _(choices[i].label));
    adw_combo_row_set_model (self->format_row, G_LIST_MODEL (formats));
    g_object_unref (formats);
  }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "messages.new-draft", FALSE);
}

static void
update_sensitivity (MixMessagesPage *self)
{
  gboolean writable = !messages_read_only (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "messages.new-draft", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "messages.delete-draft", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "messages.toggle-sent", writable);
  gtk_text_view_set_editable (self->body_view, writable);
  gtk_text_view_set_editable (self->notes_view, writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->templates_button), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->recipient_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->channel_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->subject_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->bank_button), writable);
}

static void
on_read_only_changed_cb (MixStore        *store,
                         int              domain,
                         MixMessagesPage *self)
{
  if (domain == MIX_DOMAIN_MESSAGES)
    update_sensitivity (self);
}

/**
 * mix_messages_page_set_store:
 *
 * Shows the drafts of @store, newest first, and the newest in the editor.
 * Called once, by the window.
 */
void
mix_messages_page_set_store (MixMessagesPage *self,
                             MixStore        *store,
                             GSettings       *settings)
{
  MixDrafts *drafts;

  g_return_if_fail (MIX_IS_MESSAGES_PAGE (self));
  g_return_if_fail (MIX_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  if (self->settings != NULL)
    g_signal_connect_swapped (self->settings, "changed::linkedin-free-account",
                              G_CALLBACK (on_free_account_changed_cb), self);

  drafts = mix_store_get_drafts (store);
  self->sorter = gtk_custom_sorter_new (compare_drafts, NULL, NULL);
  self->filter = gtk_custom_filter_new (filter_draft, self, NULL);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (drafts)),
                                          g_object_ref (GTK_SORTER (self->sorter)));
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sorted)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  update_sensitivity (self);
  g_signal_connect_object (store, "read-only-changed", G_CALLBACK (on_read_only_changed_cb),
                           self, 0);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    bind_drafts (self);
}

/* The list and the newest draft are shown when the page is first shown:
 * a row for each of hundreds of drafts costs start-up time when the
 * window opens on another page. */
static void
bind_drafts (MixMessagesPage *self)
{
  g_autoptr(MixDraft) newest = NULL;

  if (self->bound || self->filtered == NULL)
    return;
  self->bound = TRUE;
  gtk_list_box_bind_model (self->drafts_list, G_LIST_MODEL (self->filtered),
                           create_draft_row, self, NULL);
  g_signal_connect_swapped (self->filtered, "items-changed",
                            G_CALLBACK (on_filtered_items_changed_cb), self);
  if (self->draft == NULL)
    {
      newest = g_list_model_get_item (G_LIST_MODEL (self->sorted), 0);
      show_draft (self, newest);
    }
}
