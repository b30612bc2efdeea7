/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mix-checklist-panel.h"
#include "mix-draft-editor.h"
#include "mix-draft-list.h"
#include "mix-messages-page.h"
#include "mix-messages-util.h"
#include "mix-outreach.h"
#include "mix-prepare-panel.h"
#include "mix-template.h"
#include "mix-toast.h"

/**
 * MixMessagesPage:
 *
 * The Messages page: the drafts, newest first, beside the draft being
 * written and its personalization checklist, and the Prepare view for a
 * call or coffee chat with the draft's contact. The page arranges these
 * sections over one #MixOutreach, which holds the rules; it holds the
 * page's actions, whose changes go to the window's history for Undo.
 *
 * Everything is saved through the store's autosave; the page holds no state
 * of its own beyond which draft is shown.
 */

struct _MixMessagesPage
{
  AdwBin             parent_instance;

  /* Template children */
  GtkButton         *back_button;
  AdwFlap           *checklist_flap;
  MixChecklistPanel *checklist_panel;
  GtkStack          *content_stack;
  MixDraftEditor    *draft_editor;
  MixDraftList      *draft_list;
  GtkStack          *editor_stack;
  AdwLeaflet        *leaflet;
  MixPreparePanel   *prepare_panel;

  MixStore          *store;
  GSettings         *settings;
  MixOutreach       *outreach;        /* the draft shown and its contact */
  MixDraft          *watched;         /* the draft shown, watched for changes */
  MixHistory        *history;         /* nullable: the window's, for Undo */
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

static MixDrafts *
get_drafts (MixMessagesPage *self)
{
  return self->store != NULL ? mix_store_get_drafts (self->store) : NULL;
}

static MixDraft *
get_draft (MixMessagesPage *self)
{
  return self->outreach != NULL ? mix_outreach_get_draft (self->outreach) : NULL;
}

static gboolean
messages_read_only (MixMessagesPage *self)
{
  return self->store == NULL || mix_store_is_read_only (self->store, MIX_DOMAIN_MESSAGES);
}

static void
push_change (MixMessagesPage *self,
             const char      *message,
             MixHistoryFunc   undo,
             MixHistoryFunc   redo,
             gpointer         change,
             GDestroyNotify   free_change)
{
  if (self->history != NULL)
    mix_history_push (self->history, message, undo, redo, change, free_change);
  else
    free_change (change);
  mix_show_undo_toast (GTK_WIDGET (self), self->history, message);
}

/* The draft shown changed: it is now the newest. */
static void
on_draft_changed_cb (MixMessagesPage *self)
{
  mix_draft_list_resort (self->draft_list);
}

static void
watch_draft (MixMessagesPage *self,
             MixDraft        *draft)
{
  if (self->watched == draft)
    return;
  if (self->watched != NULL)
    g_signal_handlers_disconnect_by_func (self->watched, on_draft_changed_cb, self);
  g_set_object (&self->watched, draft);
  if (draft != NULL)
    g_signal_connect_swapped (draft, "changed", G_CALLBACK (on_draft_changed_cb), self);
}

/* Showing a draft */

static void
load_draft (MixMessagesPage *self)
{
  if (get_draft (self) == NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }
  mix_draft_editor_load (self->draft_editor);
  gtk_stack_set_visible_child_name (self->content_stack, "editor");
}

static void
set_draft (MixMessagesPage *self,
           MixDraft        *draft)
{
  watch_draft (self, draft);
  mix_outreach_set_draft (self->outreach, draft);
}

static void
show_draft (MixMessagesPage *self,
            MixDraft        *draft)
{
  if (self->outreach == NULL)
    return;
  if (get_draft (self) != draft)
    {
      set_draft (self, draft);
      load_draft (self);
    }
  mix_draft_list_select (self->draft_list, draft);
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
  return get_draft (self);
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

  if (self->outreach != NULL)
    *result = *mix_outreach_get_result (self->outreach);
  else
    memset (result, 0, sizeof *result);
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
  g_return_val_if_fail (MIX_IS_MESSAGES_PAGE (self), FALSE);
  g_return_val_if_fail (contact_id != NULL, FALSE);

  return mix_draft_editor_link_contact (self->draft_editor, contact_id);
}

/* Templates, and Undo of the text they replace. Each change holds the page
 * weakly: the window's history may outlive it by a moment. */

typedef struct
{
  GWeakRef  page;
  MixDraft *draft;
  char     *before;
  char     *after;
} BodyChange;

static void
body_change_free (gpointer data)
{
  BodyChange *change = data;

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
  if (change->draft == get_draft (self))
    {
      mix_outreach_set_body (self->outreach, body);
      load_draft (self);
    }
  else
    {
      mix_draft_set_body (change->draft, body);
      mix_messages_page_show_draft (self, change->draft);
    }
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
  MixDraft *draft;
  g_autofree char *body = NULL;
  g_autofree char *before = NULL;
  gboolean replaced;

  g_return_if_fail (MIX_IS_MESSAGES_PAGE (self));
  g_return_if_fail (index < mix_template_get_n ());

  draft = get_draft (self);
  if (draft == NULL || messages_read_only (self))
    return;
  body = mix_outreach_fill_template (self->outreach, index);
  replaced = !mix_text_is_blank (mix_draft_get_body (draft)) &&
             g_strcmp0 (mix_draft_get_body (draft), body) != 0;
  if (replaced)
    before = g_strdup (mix_draft_get_body (draft));

  /* Through the editor, so that the text view's own undo has it too. */
  mix_draft_editor_replace_body (self->draft_editor, body);
  if (replaced && self->history != NULL)
    {
      BodyChange *change = g_new0 (BodyChange, 1);

      g_weak_ref_init (&change->page, self);
      change->draft = g_object_ref (draft);
      change->before = g_steal_pointer (&before);
      change->after = g_strdup (mix_draft_get_body (draft));
      mix_history_push (self->history, _("Your text was replaced by the template"), undo_body,
                        redo_body, change, body_change_free);
      mix_show_undo_toast (GTK_WIDGET (self), self->history,
                           _("Your text was replaced by the template"));
    }
}

/* Signal handlers of the template */

static void
on_draft_list_draft_selected_cb (MixMessagesPage *self,
                                 MixDraft        *draft)
{
  show_draft (self, draft);
}

static void
on_draft_list_draft_activated_cb (MixMessagesPage *self,
                                  MixDraft        *draft)
{
  show_draft (self, draft);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content_stack));
  mix_draft_editor_focus_body (self->draft_editor);
}

static void
on_draft_editor_template_chosen_cb (MixMessagesPage *self,
                                    guint            index)
{
  mix_messages_page_apply_template (self, index);
}

static void
on_leaflet_notify_folded_cb (MixMessagesPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), adw_leaflet_get_folded (self->leaflet));
}

static void
on_back_button_clicked_cb (MixMessagesPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  mix_draft_list_focus_draft (self->draft_list);
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
  mix_draft_list_clear_search (self->draft_list);

  draft = mix_draft_new ();
  set_draft (self, draft);
  mix_draft_list_select (self->draft_list, draft);
  mix_drafts_add (get_drafts (self), draft);
  load_draft (self);
  mix_draft_list_resort (self->draft_list);
  mix_draft_list_select (self->draft_list, draft);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content_stack));
  gtk_stack_set_visible_child_name (self->editor_stack, "write");
  mix_draft_editor_focus_recipient (self->draft_editor);
}

/* Takes @draft out of the list, and shows the next one. */
static void
remove_draft (MixMessagesPage *self,
              MixDraft        *draft,
              guint           *position)
{
  g_autoptr(MixDraft) next = NULL;
  gboolean shown = draft == get_draft (self);

  mix_drafts_remove (get_drafts (self), draft, position);
  if (!shown)
    return;
  next = mix_draft_list_dup_first (self->draft_list, TRUE);
  /* With none left, the editor stays as it was, out of sight. */
  set_draft (self, NULL);
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
draft_deletion_free (gpointer data)
{
  DraftDeletion *change = data;

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

  if (get_draft (self) == NULL || messages_read_only (self))
    return;

  draft = g_object_ref (get_draft (self));
  change = g_new0 (DraftDeletion, 1);
  g_weak_ref_init (&change->page, self);
  change->draft = g_object_ref (draft);
  remove_draft (self, draft, &change->position);

  message = g_strdup_printf (_("Draft to %s deleted"), mix_draft_get_display_recipient (draft));
  push_change (self, message, undo_delete, redo_delete, change, draft_deletion_free);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MixMessagesPage *self = MIX_MESSAGES_PAGE (widget);
  const MixTextStats *stats;
  const char *body;

  if (get_draft (self) == NULL)
    return;
  body = mix_draft_get_body (get_draft (self));
  if (mix_text_is_blank (body))
    {
      show_message (self, _("There is nothing to copy yet."));
      return;
    }
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), body);
  stats = &mix_outreach_get_result (self->outreach)->stats;
  if (stats->limit > 0 && stats->characters > stats->limit)
    show_message (self, _("Copied, but it is longer than the channel allows"));
  else
    show_message (self, _("Message copied"));
}

static void
toggle_sent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MixMessagesPage *self = MIX_MESSAGES_PAGE (widget);
  MixOutreachChange *change;
  MixOutreachSent outcome;
  g_autofree char *message = NULL;

  if (self->outreach == NULL ||
      (change = mix_outreach_toggle_sent (self->outreach, &outcome)) == NULL)
    return;

  if (outcome == MIX_OUTREACH_UNSENT)
    message = g_strdup (_("Marked as not sent"));
  else if (outcome == MIX_OUTREACH_SENT_MESSAGED)
    /* Translators: after marking a message sent; %s is the contact's name */
    message = g_strdup_printf (_("Marked as sent. %s is now “Messaged” in New Contacts."),
                               mix_draft_get_display_recipient (get_draft (self)));
  else
    message = g_strdup (_("Marked as sent"));
  push_change (self, message, mix_outreach_change_undo, mix_outreach_change_redo, change,
               mix_outreach_change_free);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MixMessagesPage *self = MIX_MESSAGES_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->draft_list));
  mix_draft_list_focus_search (self->draft_list);
}

static void
log_conversation_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  MixMessagesPage *self = MIX_MESSAGES_PAGE (widget);
  MixOutreachChange *change;
  g_autofree char *notes = NULL;
  g_autofree char *message = NULL;
  gboolean added;

  if (self->outreach == NULL || mix_outreach_get_contact (self->outreach) == NULL)
    return;
  if (mix_outreach_get_tracker_read_only (self->outreach))
    {
      show_message (self, _("The tracker is read-only: nothing was logged."));
      return;
    }
  notes = mix_prepare_panel_dup_notes (self->prepare_panel);
  change = mix_outreach_log_conversation (self->outreach,
                                          mix_prepare_panel_get_format (self->prepare_panel),
                                          notes, &added);
  if (change == NULL)
    return;

  if (added)
    /* Translators: %s is the contact's name */
    message = g_strdup_printf (_("Conversation with %s added to your Networking Log"),
                               mix_draft_get_display_recipient (get_draft (self)));
  else
    /* Translators: %s is the contact's name */
    message = g_strdup_printf (_("Conversation with %s updated in your Networking Log"),
                               mix_draft_get_display_recipient (get_draft (self)));
  push_change (self, message, mix_outreach_change_undo, mix_outreach_change_redo, change,
               mix_outreach_change_free);
}

/* A section has something to say. */
static void
show_message_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  show_message (MIX_MESSAGES_PAGE (widget), g_variant_get_string (parameter, NULL));
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

  watch_draft (self, NULL);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);

  /* The leaflet is both the bin's child and a template child: let the bin
   * drop it first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), MIX_TYPE_MESSAGES_PAGE);

  g_clear_object (&self->outreach);
  g_clear_object (&self->history);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mix_messages_page_parent_class)->dispose (object);
}

static void
mix_messages_page_class_init (MixMessagesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mix_messages_page_dispose;

  g_type_ensure (MIX_TYPE_CHECKLIST_PANEL);
  g_type_ensure (MIX_TYPE_DRAFT_EDITOR);
  g_type_ensure (MIX_TYPE_DRAFT_LIST);
  g_type_ensure (MIX_TYPE_PREPARE_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/messages/mix-messages-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MixMessagesPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, MixMessagesPage, checklist_flap);
  gtk_widget_class_bind_template_child (widget_class, MixMessagesPage, checklist_panel);
  gtk_widget_class_bind_template_child (widget_class, MixMessagesPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, MixMessagesPage, draft_editor);
  gtk_widget_class_bind_template_child (widget_class, MixMessagesPage, draft_list);
  gtk_widget_class_bind_template_child (widget_class, MixMessagesPage, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, MixMessagesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, MixMessagesPage, prepare_panel);

  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_draft_editor_template_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_draft_list_draft_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_draft_list_draft_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_notify_folded_cb);

  gtk_widget_class_install_action (widget_class, "messages.new-draft", NULL, new_draft_action);
  gtk_widget_class_install_action (widget_class, "messages.delete-draft", NULL,
                                   delete_draft_action);
  gtk_widget_class_install_action (widget_class, "messages.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "messages.toggle-sent", NULL, toggle_sent_action);
  gtk_widget_class_install_action (widget_class, "messages.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "messages.log-conversation", NULL,
                                   log_conversation_action);
  gtk_widget_class_install_action (widget_class, "messages.show-message", "s",
                                   show_message_action);

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
  mix_draft_editor_update_contact (self->draft_editor);
}

static void
mix_messages_page_init (MixMessagesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "messages.new-draft", FALSE);
}

static void
update_sensitivity (MixMessagesPage *self)
{
  gboolean writable = !messages_read_only (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "messages.new-draft", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "messages.delete-draft", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "messages.toggle-sent", writable);
  mix_draft_editor_set_writable (self->draft_editor, writable);
  mix_prepare_panel_set_writable (self->prepare_panel, writable);
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
  g_return_if_fail (MIX_IS_MESSAGES_PAGE (self));
  g_return_if_fail (MIX_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  self->outreach = mix_outreach_new (store);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  if (self->settings != NULL)
    g_settings_bind (self->settings, "linkedin-free-account", self->outreach, "free-account",
                     G_SETTINGS_BIND_GET);

  mix_draft_list_set_drafts (self->draft_list, mix_store_get_drafts (store));
  mix_draft_editor_set_outreach (self->draft_editor, self->outreach);
  mix_checklist_panel_set_outreach (self->checklist_panel, self->outreach);
  mix_prepare_panel_set_outreach (self->prepare_panel, self->outreach);
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

  if (self->outreach == NULL || mix_draft_list_is_bound (self->draft_list))
    return;
  mix_draft_list_bind (self->draft_list);
  if (get_draft (self) == NULL)
    {
      newest = mix_draft_list_dup_first (self->draft_list, FALSE);
      show_draft (self, newest);
    }
}
