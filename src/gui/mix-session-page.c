/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mix-guide.h"
#include "mix-session-page.h"
#include "mix-accessible.h"
#include "mix-toast.h"
#include "mix-tracker-changes.h"
#include "mix-timer-ring.h"
#include "mix-window.h"

/**
 * MixSessionPage:
 *
 * The facilitator's timer for a 30-minute circle: the plan of the four
 * phases, the time left in the current one on a ring, the whole session on
 * a bar, the phase's prompts from the guide, and a presentation mode for a
 * shared screen.
 *
 * The display is refreshed when the shown time changes, aligned to the
 * second, and not at all while the timer is paused or the page is hidden:
 * the time itself is always computed by the #MixTimer from the clock.
 */

struct _MixSessionPage
{
  AdwBin               parent_instance;

  GtkStack            *mode_stack;
  GtkLabel            *next_label;
  GtkLabel            *phase_label;
  AdwPreferencesGroup *plan_group;
  GtkWidget           *history_group;     /* nullable: past sessions */
  GtkWidget           *goals_group;       /* nullable: their goals */
  gboolean             history_expanded;  /* all past sessions shown, not the latest few */
  gboolean             goals_expanded;
  int                  history_focus;     /* after "Show All": FOCUS_GOALS, FOCUS_SESSIONS or 0 */
  guint                history_idle;
  guint                phase_idle;
  gboolean             focus_person_name;
  int                  editing_person;    /* the person in the roster's form, or -1 for a new one */
  gboolean             form_expanded;     /* the roster's form is open: kept so when rebuilt */
  double               kept_scroll;       /* where the page was scrolled before a rebuild, or -1 */
  guint                scroll_idle;
  GtkScrolledWindow   *scroller;
  GtkWidget           *roster_group;      /* nullable: who is here, in every phase */
  GtkRoot             *focus_root;        /* unowned, compared only: the window followed */
  GtkButton           *leave_button;
  GtkButton           *present_button;
  GtkLabel            *present_next_label;
  GtkLabel            *present_phase_label;
  GtkLabel            *present_time_label;
  AdwPreferencesGroup *prompts_group;
  MixTimerRing        *ring;
  GtkProgressBar      *session_bar;
  GtkButton           *toggle_button;

  GtkLabel            *time_label;
  GtkLabel            *toggle_label;
  GtkSpinButton       *plan_spins[MIX_N_PHASES];
  GtkWidget           *plan_warnings[MIX_N_PHASES];
  GPtrArray           *prompt_rows;
  GtkWidget           *activities_group;  /* nullable: the phase's own group (roster, topic, close out) */
  AdwEntryRow         *person_name;       /* the roster's form, while shown */
  AdwEntryRow         *person_pronouns;
  AdwComboRow         *person_program;
  AdwEntryRow         *person_cohort;
  AdwComboRow         *person_module;
  AdwComboRow         *person_confidence;
  GtkSwitch           *person_leader;
  AdwEntryRow         *buddy_row;         /* while Close Out is shown */
  MixStore            *store;
  MixHistory          *history;           /* nullable: the window's, for Undo */
  GtkWidget           *notes_group;
  GtkTextView         *notes_view;
  MixSessionRecord    *record;            /* the session in progress, once the store is set */
  GSettings           *settings;          /* nullable until set */
  GtkMediaStream      *chime;
  MixTimer            *timer;
  guint                tick_id;
  int                  shown_prompts;    /* the phase whose prompts are shown, -1 for none */
};

G_DEFINE_FINAL_TYPE (MixSessionPage, mix_session_page, ADW_TYPE_BIN)

static void refresh                 (MixSessionPage *self);
static void update_sensitivity      (MixSessionPage *self);
static void restore_timer           (MixSessionPage *self);
static void rebuild_phase           (MixSessionPage *self);
static void schedule_tick           (MixSessionPage *self);
static void update_plan_total       (MixSessionPage *self);
static void on_plan_spin_changed_cb (GtkSpinButton  *spin,
                                     MixSessionPage *self);
static void on_timer_changed_cb     (MixTimer       *timer,
                                     MixSessionPage *self);

/**
 * mix_session_page_set_history:
 * @history: the window's changes: the page's go there, for Undo
 */
void
mix_session_page_set_history (MixSessionPage *self,
                              MixHistory     *history)
{
  g_return_if_fail (MIX_IS_SESSION_PAGE (self));
  g_return_if_fail (history == NULL || MIX_IS_HISTORY (history));

  g_set_object (&self->history, history);
}

/**
 * mix_session_page_get_timer:
 *
 * Returns: (transfer none): the page's timer
 */
MixTimer *
mix_session_page_get_timer (MixSessionPage *self)
{
  g_return_val_if_fail (MIX_IS_SESSION_PAGE (self), NULL);
  return self->timer;
}

/* Display */

static void update_prompts (MixSessionPage *self,
                            MixPhase        phase);

static void
insert_phase_group (MixSessionPage *self,
                    GtkWidget      *group)
{
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (self->prompts_group));

  self->activities_group = group;
  gtk_box_insert_child_after (GTK_BOX (box), group, GTK_WIDGET (self->prompts_group));
}

static void show_toast (MixSessionPage *self,
                        const char     *text);

static void
on_leader_question_toggled_cb (GtkCheckButton *check,
                               MixSessionPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "mix-index"));
  gboolean active = gtk_check_button_get_active (check);

  if (self->record == NULL)
    return;

  /* The leader chooses one or two: a third is refused. */
  if (!mix_session_record_set_leader_question (self->record, index, active))
    {
      gtk_widget_error_bell (GTK_WIDGET (check));
      gtk_check_button_set_active (check, FALSE);
      show_toast (self, _("The leader chooses one or two questions: clear one to choose this one."));
    }
}

static void
on_topic_toggled_cb (GtkCheckButton *check,
                     MixSessionPage *self)
{
  const char *topic = g_object_get_data (G_OBJECT (check), "mix-topic");

  if (self->record == NULL || !gtk_check_button_get_active (check))
    return;

  mix_session_record_set_topic (self->record, topic);
  /* Show the chosen topic's activities. */
  rebuild_phase (self);
}

static void
on_activity_toggled_cb (GtkCheckButton *check,
                        MixSessionPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "mix-index"));

  if (self->record != NULL)
    mix_session_record_set_activity (self->record, index, gtk_check_button_get_active (check));
}

static GtkWidget *
prompt_row (const char *text,
            GtkWidget  *check)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  if (check != NULL)
    {
      /* The row names the check button (labelled-by). */
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
    }
  else
    gtk_widget_add_css_class (row, "property");
  return row;
}

static void
add_prompt_row (MixSessionPage *self,
                GtkWidget      *row)
{
  adw_preferences_group_add (self->prompts_group, row);
  g_ptr_array_add (self->prompt_rows, row);
}

/* The chosen topic's activities, as a checklist, with the way to the page
 * where they happen. */
static void
add_activities (MixSessionPage *self,
                GtkWidget      *after)
{
  const MixTopic *topic = mix_guide_find_topic (mix_session_record_get_topic (self->record));
  AdwPreferencesGroup *group;

  if (topic == NULL)
    return;

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  {
    g_autofree char *title = g_markup_escape_text (_(topic->title), -1);
    g_autofree char *summary = g_markup_escape_text (_(topic->summary), -1);

    adw_preferences_group_set_title (group, title);
    adw_preferences_group_set_description (group, summary);
  }

  if (topic->page != NULL)
    {
      GtkWidget *button = gtk_button_new_with_label (g_str_equal (topic->page, "tracker")
                                                     ? _("Open Tracker") : _("Open Messages"));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-page");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", topic->page);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      adw_preferences_group_set_header_suffix (group, button);
    }

  for (guint i = 0; topic->activities[i] != NULL; i++)
    {
      GtkWidget *check = gtk_check_button_new ();

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   mix_session_record_get_activity (self->record, i));
      g_object_set_data (G_OBJECT (check), "mix-index", GUINT_TO_POINTER (i));
      g_signal_connect (check, "toggled", G_CALLBACK (on_activity_toggled_cb), self);
      adw_preferences_group_add (group, prompt_row (_(topic->activities[i]), check));
    }

  insert_phase_group (self, GTK_WIDGET (group));
}

static void
on_notes_changed_cb (GtkTextBuffer  *buffer,
                     MixSessionPage *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->record == NULL || self->shown_prompts < 0)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  mix_session_record_set_notes (self->record, (MixPhase) self->shown_prompts, text);
}

static void
show_toast (MixSessionPage *self,
            const char     *text)
{
  mix_show_toast (GTK_WIDGET (self), adw_toast_new (text));
}

/* After a rebuild, once it is laid out: the page is where it was, and the
 * focus back in the roster's form if a person was just added there. */
static gboolean
restore_scroll_idle_cb (gpointer data)
{
  MixSessionPage *self = data;

  self->scroll_idle = 0;
  if (self->kept_scroll >= 0)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller),
                              self->kept_scroll);
  self->kept_scroll = -1;
  if (self->focus_person_name && self->person_name != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->person_name));
  self->focus_person_name = FALSE;
  return G_SOURCE_REMOVE;
}

static gboolean
rebuild_phase_idle_cb (gpointer data)
{
  MixSessionPage *self = data;
  int phase = self->shown_prompts;

  self->phase_idle = 0;
  self->shown_prompts = -1;
  self->kept_scroll = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scroller));
  update_prompts (self, phase < 0 ? MIX_PHASE_INTRODUCTIONS : (MixPhase) phase);
  if (self->scroll_idle == 0)
    self->scroll_idle = g_idle_add_full (GDK_PRIORITY_REDRAW + 10, restore_scroll_idle_cb,
                                         self, NULL);
  return G_SOURCE_REMOVE;
}

/* Shows the phase's panel again, from an idle: the change comes from a
 * button or check box of the panel, which must not be destroyed in the
 * middle of its own signal. */
static void
rebuild_phase (MixSessionPage *self)
{
  if (self->phase_idle == 0)
    self->phase_idle = g_idle_add (rebuild_phase_idle_cb, self);
}

/* Introductions: who is here. */

static const char * const programs[] = { "front-end", "back-end", NULL };

static char *
person_summary (const MixPerson *person)
{
  g_autoptr(GString) text = g_string_new (NULL);

#define ADD_PART(...) G_STMT_START { \
    if (text->len > 0) g_string_append (text, " · "); \
    g_string_append_printf (text, __VA_ARGS__); \
  } G_STMT_END

  if (person->pronouns && *person->pronouns)
    ADD_PART ("%s", person->pronouns);
  if (g_strcmp0 (person->program, "front-end") == 0)
    ADD_PART ("%s", _("Front-End"));
  else if (g_strcmp0 (person->program, "back-end") == 0)
    ADD_PART ("%s", _("Back-End"));
  else if (person->program && *person->program)
    ADD_PART ("%s", person->program);
  if (person->cohort && *person->cohort)
    /* Translators: a student's cohort, such as "Cohort 2410". */
    ADD_PART (_("Cohort %s"), person->cohort);
  if (person->module > 0)
    ADD_PART (_("Module %u"), person->module);
  if (person->confidence > 0)
    /* Translators: how confident someone feels about networking, such as "Confidence 3/5". */
    ADD_PART (_("Confidence %u/5"), person->confidence);
  if (person->leader)
    ADD_PART ("%s", _("Leader"));
#undef ADD_PART

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
sessions_writable (MixSessionPage *self)
{
  return self->store == NULL || !mix_store_is_read_only (self->store, MIX_DOMAIN_SESSIONS);
}

/* A person taken off the roster, for Undo. */
typedef struct
{
  GWeakRef          page;
  MixSessionRecord *record;
  guint             index;
  MixRosterEntry   *entry;  /* nullable: held while off the roster */
} RosterRemoval;

static void
roster_removal_free (gpointer data)
{
  RosterRemoval *removal = data;

  g_weak_ref_clear (&removal->page);
  g_object_unref (removal->record);
  mix_roster_entry_free (removal->entry);
  g_free (removal);
}

/* The page, if it still shows the session the change was made in. */
static MixSessionPage *
removal_page (RosterRemoval *removal)
{
  MixSessionPage *page = g_weak_ref_get (&removal->page);

  if (page != NULL && page->record != removal->record)
    g_clear_object (&page);
  return page;
}

static gboolean
undo_remove_person (gpointer data)
{
  RosterRemoval *removal = data;
  g_autoptr(MixSessionPage) page = removal_page (removal);

  if (page == NULL || removal->entry == NULL || !sessions_writable (page))
    return FALSE;
  mix_session_record_restore_person (removal->record, removal->index,
                                     g_steal_pointer (&removal->entry));
  page->editing_person = -1;  /* the indices moved under the form */
  rebuild_phase (page);
  return TRUE;
}

static gboolean
redo_remove_person (gpointer data)
{
  RosterRemoval *removal = data;
  g_autoptr(MixSessionPage) page = removal_page (removal);

  if (page == NULL || removal->entry != NULL || !sessions_writable (page) ||
      removal->index >= mix_session_record_get_n_people (removal->record))
    return FALSE;
  removal->entry = mix_session_record_take_person (removal->record, removal->index);
  page->editing_person = -1;
  rebuild_phase (page);
  return TRUE;
}

static void
on_remove_person_clicked_cb (GtkButton      *button,
                             MixSessionPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "mix-index"));
  RosterRemoval *removal = g_new0 (RosterRemoval, 1);
  g_autofree char *message = NULL;

  g_weak_ref_init (&removal->page, self);
  removal->record = g_object_ref (self->record);
  removal->index = index;
  removal->entry = mix_session_record_take_person (self->record, index);
  /* Translators: %s is a person's name, taken off the circle's roster. */
  message = g_strdup_printf (_("Removed %s"), mix_roster_entry_get_person (removal->entry)->name);
  if (self->editing_person == (int) index)
    self->editing_person = -1;
  else if (self->editing_person > (int) index)
    self->editing_person--;
  if (self->history != NULL)
    mix_history_push (self->history, message, undo_remove_person, redo_remove_person, removal,
                      roster_removal_free);
  else
    roster_removal_free (removal);
  mix_show_undo_toast (GTK_WIDGET (self), self->history, message);
  rebuild_phase (self);
}

static void
on_edit_person_clicked_cb (GtkButton      *button,
                           MixSessionPage *self)
{
  self->editing_person = (int) GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button),
                                                                    "mix-index"));
  self->form_expanded = TRUE;
  self->focus_person_name = TRUE;
  rebuild_phase (self);
}

static void
on_form_expanded_cb (AdwExpanderRow *form,
                     GParamSpec     *pspec,
                     MixSessionPage *self)
{
  self->form_expanded = adw_expander_row_get_expanded (form);
}

static void
on_add_person_cb (GtkWidget      *button,
                  MixSessionPage *self)
{
  g_autoptr(MixPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  guint program = adw_combo_row_get_selected (self->person_program);

  person = mix_person_new (gtk_editable_get_text (GTK_EDITABLE (self->person_name)));
  person->pronouns = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->person_pronouns)));
  person->program = g_strdup (program < G_N_ELEMENTS (programs) - 1 ? programs[program] : "");
  person->cohort = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->person_cohort)));
  person->module = adw_combo_row_get_selected (self->person_module);
  person->confidence = adw_combo_row_get_selected (self->person_confidence);
  person->leader = gtk_switch_get_active (self->person_leader);

  if (self->editing_person >= 0 &&
      (guint) self->editing_person < mix_session_record_get_n_people (self->record)
      ? !mix_session_record_update_person (self->record, (guint) self->editing_person, person,
                                           &error)
      : !mix_session_record_add_person (self->record, person, &error))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      show_toast (self, error->message);
      return;
    }
  /* The form stays open for the next person, the page where it is. */
  self->editing_person = -1;
  self->form_expanded = TRUE;
  self->focus_person_name = TRUE;
  rebuild_phase (self);
}

static AdwComboRow *
combo_row (const char          *title,
           const char * const  *items)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; items[i] != NULL; i++)
    gtk_string_list_append (list, items[i]);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
  return row;
}

static AdwEntryRow *
entry_row (const char *title)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  return row;
}

static void
add_roster (MixSessionPage *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  guint n = mix_session_record_get_n_people (self->record);
  double average = mix_session_record_get_average_confidence (self->record);
  g_autofree char *description = NULL;
  GtkWidget *form = adw_expander_row_new ();
  /* A child label rather than the button's own: GTK 4.8 reads a mnemonic
   * button's name twice, underscore included. */
  GtkWidget *add = gtk_button_new ();
  GtkWidget *add_label = gtk_label_new_with_mnemonic (_("_Add to the Group"));

  gtk_label_set_mnemonic_widget (GTK_LABEL (add_label), add);
  gtk_button_set_child (GTK_BUTTON (add), add_label);
  GtkWidget *leader_row = adw_action_row_new ();
  const MixPerson *editing = self->editing_person >= 0 && (guint) self->editing_person < n
                            ? mix_session_record_get_person (self->record, self->editing_person)
                            : NULL;
  const char *program_items[] = { _("Front-End"), _("Back-End"), _("Other or not said"), NULL };
  const char *module_items[] = { _("Not said"), "1", "2", "3", "4", NULL };
  const char *confidence_items[] = { _("Not said"), "1", "2", "3", "4", "5", NULL };

  adw_preferences_group_set_title (group, _("Who Is Here"));
  if (average >= 0)
    /* Translators: the group's average networking confidence, such as "3.2 of 5". */
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u person. Average confidence about networking: %.1f of 5.",
                                                "%u people. Average confidence about networking: %.1f of 5.",
                                                n),
                                   n, average);
  else if (n > 0)
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person.", "%u people.", n), n);
  else
    description = g_strdup (_("Add each person as they introduce themselves."));
  adw_preferences_group_set_description (group, description);

  for (guint i = 0; i < n; i++)
    {
      const MixPerson *person = mix_session_record_get_person (self->record, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *title = g_markup_escape_text (person->name, -1);
      g_autofree char *summary = person_summary (person);
      g_autofree char *subtitle = g_markup_escape_text (summary, -1);
      g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), person->name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (remove, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
      g_object_set_data (G_OBJECT (remove), "mix-index", GUINT_TO_POINTER (i));
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_person_clicked_cb), self);
      {
        GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
        g_autofree char *edit_label = g_strdup_printf (_("Edit %s"), person->name);

        gtk_widget_add_css_class (edit, "flat");
        gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
        gtk_widget_set_tooltip_text (edit, edit_label);
        gtk_accessible_update_property (GTK_ACCESSIBLE (edit),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label, -1);
        g_object_set_data (G_OBJECT (edit), "mix-index", GUINT_TO_POINTER (i));
        g_signal_connect (edit, "clicked", G_CALLBACK (on_edit_person_clicked_cb), self);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (group, row);
    }

  /* The form for the next person, or the one being edited. */
  if (editing != NULL)
    {
      g_autofree char *form_title = g_strdup_printf (_("Edit %s"), editing->name);
      g_autofree char *escaped = g_markup_escape_text (form_title, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form), escaped);
      gtk_label_set_text_with_mnemonic (GTK_LABEL (add_label), _("_Save Changes"));
    }
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form), _("Add a Person"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (form),
                                 n == 0 || self->form_expanded || editing != NULL);
  g_signal_connect (form, "notify::expanded", G_CALLBACK (on_form_expanded_cb), self);
  self->person_name = entry_row (_("Name"));
  self->person_pronouns = entry_row (_("Pronouns"));
  self->person_program = combo_row (_("Program"), program_items);
  adw_combo_row_set_selected (self->person_program, 2);
  self->person_cohort = entry_row (_("Cohort"));
  self->person_module = combo_row (_("Module"), module_items);
  self->person_confidence = combo_row (_("Confidence About Networking, 1–5"), confidence_items);
  self->person_leader = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->person_leader), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (leader_row), _("Leads This Circle"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (leader_row), GTK_WIDGET (self->person_leader));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (leader_row), GTK_WIDGET (self->person_leader));
  g_signal_connect (self->person_name, "entry-activated", G_CALLBACK (on_add_person_cb), self);
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_person_cb), self);
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_widget_set_halign (add, GTK_ALIGN_END);
  gtk_widget_set_margin_top (add, 6);
  gtk_widget_set_margin_bottom (add, 6);
  gtk_widget_set_margin_end (add, 6);

  adw_expander_row_add_row (ADW_EXPANDER_ROW (form), GTK_WIDGET (self->person_name));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (form), GTK_WIDGET (self->person_pronouns));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (form), GTK_WIDGET (self->person_program));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (form), GTK_WIDGET (self->person_cohort));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (form), GTK_WIDGET (self->person_module));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (form), GTK_WIDGET (self->person_confidence));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (form), leader_row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (form), add);
  adw_preferences_group_add (group, form);

  if (editing != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->person_name), editing->name);
      gtk_editable_set_text (GTK_EDITABLE (self->person_pronouns),
                             editing->pronouns ? editing->pronouns : "");
      adw_combo_row_set_selected (self->person_program,
                                  g_strcmp0 (editing->program, programs[0]) == 0 ? 0 :
                                  g_strcmp0 (editing->program, programs[1]) == 0 ? 1 : 2);
      gtk_editable_set_text (GTK_EDITABLE (self->person_cohort),
                             editing->cohort ? editing->cohort : "");
      adw_combo_row_set_selected (self->person_module, editing->module);
      adw_combo_row_set_selected (self->person_confidence, editing->confidence);
      gtk_switch_set_active (self->person_leader, editing->leader);
    }

  /* After the phase's own group: the roster shows in every phase, as
   * people come late and names are needed all through the circle. */
  {
    GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (self->prompts_group));
    GtkWidget *after = self->activities_group != NULL ? self->activities_group
                                                      : GTK_WIDGET (self->prompts_group);

    self->roster_group = GTK_WIDGET (group);
    gtk_box_insert_child_after (GTK_BOX (box), GTK_WIDGET (group), after);
  }
}

/* Close out: a goal, a buddy, the group in the tracker, and finishing. */

static void
on_goal_changed_cb (GtkEditable    *editable,
                    MixSessionPage *self)
{
  mix_session_record_set_goal_text (self->record, gtk_editable_get_text (editable));
}

static void
on_buddy_changed_cb (GtkEditable    *editable,
                     MixSessionPage *self)
{
  mix_session_record_set_buddy (self->record, gtk_editable_get_text (editable));
}

static void
set_buddy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  MixSessionPage *self = MIX_SESSION_PAGE (widget);

  if (self->buddy_row != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->buddy_row), g_variant_get_string (parameter, NULL));
}

static void
on_due_apply_cb (AdwEntryRow    *row,
                 MixSessionPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!mix_session_record_set_goal_due (self->record, gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      gtk_widget_error_bell (GTK_WIDGET (row));
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      show_toast (self, error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_editable_set_text (GTK_EDITABLE (row), mix_session_record_get_goal_due (self->record) ?: "");
}

/* Adds each person of the group to Existing Network, once. */
static void
on_add_to_tracker_clicked_cb (GtkButton      *button,
                              MixSessionPage *self)
{
  MixTracker *tracker = mix_store_get_tracker (self->store);
  GListModel *rows = mix_tracker_get_rows (tracker, MIX_TAB_EXISTING_NETWORK);
  guint n_people = mix_session_record_get_n_people (self->record);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *notes = NULL;
  g_autofree char *message = NULL;

  if (mix_store_is_read_only (self->store, MIX_DOMAIN_TRACKER))
    {
      gtk_widget_error_bell (GTK_WIDGET (button));
      show_toast (self, _("The tracker is read-only: nothing was added."));
      return;
    }

  /* Translators: the note on a tracker row for someone met in a circle; %s is a date. */
  notes = g_strdup_printf (_("Met at Mix It Up on %s"), date);

  for (guint i = 0; i < n_people; i++)
    {
      const MixPerson *person = mix_session_record_get_person (self->record, i);
      g_autofree char *folded = g_utf8_casefold (person->name, -1);
      gboolean known = FALSE;
      MixRecord *record;

      for (guint r = 0; r < g_list_model_get_n_items (rows) && !known; r++)
        {
          g_autoptr(MixRecord) row = g_list_model_get_item (rows, r);
          const char *name = mix_record_get_value_by_id (row, "name");
          g_autofree char *row_folded = name ? g_utf8_casefold (name, -1) : NULL;

          known = g_strcmp0 (g_strstrip (row_folded ? row_folded : g_strdup ("")), g_strstrip (folded)) == 0;
        }
      if (known)
        continue;

      record = mix_record_new (MIX_TAB_EXISTING_NETWORK);
      mix_record_set_value_by_id (record, "name", person->name, NULL);
      mix_record_set_value_by_id (record, "relationship", "turing", NULL);
      mix_record_set_value_by_id (record, "last_contact", date, NULL);
      mix_record_set_value_by_id (record, "notes", notes, NULL);
      g_ptr_array_add (added, record);
    }

  if (added->len == 0)
    {
      show_toast (self, n_people == 0 ? _("Add the group in Introductions first.")
                                      : _("Everyone is already in your tracker."));
      return;
    }

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Added %u person to Existing Network",
                                          "Added %u people to Existing Network", added->len),
                             added->len);
  mix_tracker_append_rows (tracker, MIX_TAB_EXISTING_NETWORK, added);
  mix_tracker_changes_added (self->history, tracker, added, message);
  mix_show_undo_toast (GTK_WIDGET (self), self->history, message);
}

static void
on_finish_clicked_cb (GtkButton      *button,
                      MixSessionPage *self)
{
  if (!mix_store_finish_session (self->store))
    {
      gtk_widget_error_bell (GTK_WIDGET (button));
      show_toast (self, _("Sessions are read-only: this one cannot be saved."));
      return;
    }

  g_set_object (&self->record, mix_store_get_current_session (self->store));
  mix_timer_reset (self->timer);
  on_timer_changed_cb (self->timer, self);
  rebuild_phase (self);
  show_toast (self, _("Session saved. See it under Past Sessions."));
}

static void
add_close_out (MixSessionPage *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwEntryRow *goal = entry_row (_("Networking Goal"));
  AdwEntryRow *due = entry_row (_("By When (YYYY-MM-DD)"));
  AdwEntryRow *buddy = entry_row (_("Accountability Buddy"));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("Add the Group to My _Tracker"));
  GtkWidget *finish = gtk_button_new_with_mnemonic (_("_Finish Session"));
  g_autoptr(GString) names = g_string_new (NULL);

  adw_preferences_group_set_title (group, _("Next Steps"));
  for (guint i = 0; i < mix_session_record_get_n_people (self->record); i++)
    {
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, mix_session_record_get_person (self->record, i)->name);
    }
  if (names->len > 0)
    {
      /* Translators: %s lists the people in the circle. */
      g_autofree char *hint = g_markup_printf_escaped (_("A concrete, timebound goal, such as “I will reach out to 1 person by the end of this module”, and someone to hold you to it: %s."), names->str);
      adw_preferences_group_set_description (group, hint);
    }
  else
    adw_preferences_group_set_description (group, _("A concrete, timebound goal, such as “I will reach out to 1 person by the end of this module”, and someone to hold you to it."));

  gtk_editable_set_text (GTK_EDITABLE (goal), mix_session_record_get_goal_text (self->record) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (due), mix_session_record_get_goal_due (self->record) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (buddy), mix_session_record_get_buddy (self->record) ?: "");
  adw_entry_row_set_show_apply_button (due, TRUE);
  g_signal_connect (goal, "changed", G_CALLBACK (on_goal_changed_cb), self);
  g_signal_connect (buddy, "changed", G_CALLBACK (on_buddy_changed_cb), self);
  g_signal_connect (due, "apply", G_CALLBACK (on_due_apply_cb), self);
  g_signal_connect (due, "entry-activated", G_CALLBACK (on_due_apply_cb), self);
  /* The buddy is typed, or picked from the group. */
  if (mix_session_record_get_n_people (self->record) > 0)
    {
      g_autoptr(GMenu) menu = g_menu_new ();
      GtkWidget *pick = gtk_menu_button_new ();

      for (guint i = 0; i < mix_session_record_get_n_people (self->record); i++)
        {
          const char *name = mix_session_record_get_person (self->record, i)->name;
          g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

          g_menu_item_set_action_and_target (item, "session.set-buddy", "s", name);
          g_menu_append_item (menu, item);
        }
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (pick), "avatar-default-symbolic");
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (pick), G_MENU_MODEL (menu));
      gtk_widget_set_valign (pick, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (pick, "flat");
      gtk_widget_set_tooltip_text (pick, _("Pick Someone From the Group"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (pick),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pick Someone From the Group"),
                                      -1);
      adw_entry_row_add_suffix (buddy, pick);
    }
  self->buddy_row = buddy;

  adw_preferences_group_add (group, GTK_WIDGET (goal));
  adw_preferences_group_add (group, GTK_WIDGET (due));
  adw_preferences_group_add (group, GTK_WIDGET (buddy));

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 12);
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_to_tracker_clicked_cb), self);
  /* It adds to the tracker, which may be writable. */
  g_object_set_data (G_OBJECT (add), "mix-any-time", GINT_TO_POINTER (TRUE));
  g_signal_connect (finish, "clicked", G_CALLBACK (on_finish_clicked_cb), self);
  gtk_widget_add_css_class (finish, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), add);
  gtk_box_append (GTK_BOX (buttons), finish);
  adw_preferences_group_add (group, buttons);

  insert_phase_group (self, GTK_WIDGET (group));
}

static void
update_prompts (MixSessionPage *self,
                MixPhase        phase)
{
  const MixPhaseInfo *info = mix_guide_get_phase (phase);
  GtkTextBuffer *buffer;

  if (self->shown_prompts == (int) phase)
    return;
  self->shown_prompts = (int) phase;

  for (guint i = 0; i < self->prompt_rows->len; i++)
    adw_preferences_group_remove (self->prompts_group, self->prompt_rows->pdata[i]);
  g_ptr_array_set_size (self->prompt_rows, 0);
  if (self->activities_group != NULL)
    {
      gtk_box_remove (GTK_BOX (gtk_widget_get_parent (self->activities_group)), self->activities_group);
      self->activities_group = NULL;
      self->buddy_row = NULL;
    }
  if (self->roster_group != NULL)
    {
      gtk_box_remove (GTK_BOX (gtk_widget_get_parent (self->roster_group)), self->roster_group);
      self->roster_group = NULL;
      self->person_name = NULL;
    }

  {
    /* A group's title and description are markup: "Close Out & Next Steps". */
    g_autofree char *title = g_markup_escape_text (_(info->title), -1);
    g_autofree char *summary = g_markup_escape_text (_(info->summary), -1);

    adw_preferences_group_set_title (self->prompts_group, title);
    adw_preferences_group_set_description (self->prompts_group, summary);
  }

  if (phase == MIX_PHASE_LEADERS_SHARE && self->record != NULL)
    {
      const char * const *questions = mix_guide_get_leader_questions ();

      for (guint i = 0; questions[i] != NULL; i++)
        {
          GtkWidget *check = gtk_check_button_new ();

          gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                       mix_session_record_get_leader_question (self->record, i));
          g_object_set_data (G_OBJECT (check), "mix-index", GUINT_TO_POINTER (i));
          g_signal_connect (check, "toggled", G_CALLBACK (on_leader_question_toggled_cb), self);
          add_prompt_row (self, prompt_row (_(questions[i]), check));
        }
    }
  else if (phase == MIX_PHASE_GROUP_DISCUSSION && self->record != NULL)
    {
      GtkCheckButton *first = NULL;

      for (guint i = 0; i < mix_guide_get_n_topics (); i++)
        {
          const MixTopic *topic = mix_guide_get_topic (i);
          GtkWidget *check = gtk_check_button_new ();

          if (first == NULL)
            first = GTK_CHECK_BUTTON (check);
          else
            gtk_check_button_set_group (GTK_CHECK_BUTTON (check), first);
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                       g_strcmp0 (mix_session_record_get_topic (self->record),
                                                  topic->id) == 0);
          g_object_set_data (G_OBJECT (check), "mix-topic", (gpointer) topic->id);
          g_signal_connect (check, "toggled", G_CALLBACK (on_topic_toggled_cb), self);
          add_prompt_row (self, prompt_row (_(topic->title), check));
        }
      add_activities (self, GTK_WIDGET (self->prompts_group));
    }
  else
    {
      for (guint i = 0; info->prompts != NULL && info->prompts[i] != NULL; i++)
        add_prompt_row (self, prompt_row (_(info->prompts[i]), NULL));
      if (self->record != NULL && phase == MIX_PHASE_CLOSE_OUT)
        add_close_out (self);
    }
  if (self->record != NULL)
    add_roster (self);

  /* The notes of this phase. */
  gtk_widget_set_visible (self->notes_group, self->record != NULL);
  buffer = gtk_text_view_get_buffer (self->notes_view);
  g_signal_handlers_block_by_func (buffer, on_notes_changed_cb, self);
  gtk_text_buffer_set_text (buffer,
                            self->record ? mix_session_record_get_notes (self->record, phase) : "",
                            -1);
  g_signal_handlers_unblock_by_func (buffer, on_notes_changed_cb, self);
  update_sensitivity (self);
  mix_accessible_name_lists (GTK_WIDGET (self));
}

/* Sets every field, check and button below @widget that changes the
 * session as @sensitive, but those marked "mix-any-time". */
static void
set_fields_sensitive (GtkWidget *widget,
                      gboolean   sensitive)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_object_get_data (G_OBJECT (child), "mix-any-time") != NULL)
        continue;
      if (GTK_IS_CHECK_BUTTON (child) || GTK_IS_SWITCH (child) || GTK_IS_SPIN_BUTTON (child) ||
          ADW_IS_ENTRY_ROW (child) || ADW_IS_COMBO_ROW (child) || GTK_IS_MENU_BUTTON (child) ||
          (GTK_IS_BUTTON (child) && gtk_actionable_get_action_name (GTK_ACTIONABLE (child)) == NULL))
        gtk_widget_set_sensitive (child, sensitive);
      else
        set_fields_sensitive (child, sensitive);
    }
}

/* With sessions.json read-only (a newer version of the app wrote it, or it
 * may not be read), nothing can be entered that would be lost at quit:
 * the phase's fields, checks and notes, and the plan, are greyed out. The
 * timer, and the ways to the other pages, still work. */
static void
update_sensitivity (MixSessionPage *self)
{
  gboolean writable = sessions_writable (self);

  set_fields_sensitive (GTK_WIDGET (self->prompts_group), writable);
  if (self->activities_group != NULL)
    set_fields_sensitive (self->activities_group, writable);
  if (self->roster_group != NULL)
    set_fields_sensitive (self->roster_group, writable);
  set_fields_sensitive (GTK_WIDGET (self->plan_group), writable);
  gtk_text_view_set_editable (self->notes_view, writable);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->notes_view),
                               writable ? NULL : _("Sessions are read-only: see the message at "
                                                   "the top of the window."));
}

static void
on_read_only_changed_cb (MixStore       *store,
                         int             domain,
                         MixSessionPage *self)
{
  if (domain == MIX_DOMAIN_SESSIONS)
    update_sensitivity (self);
}

/* The session in progress was continued on another computer, and merged
 * in: the page shows that one. */
static void
on_current_session_changed_cb (MixStore       *store,
                               MixSessionPage *self)
{
  g_set_object (&self->record, mix_store_get_current_session (store));
  if (mix_timer_get_state (self->timer) == MIX_TIMER_IDLE)
    restore_timer (self);
  rebuild_phase (self);
}

/* Past sessions and their goals */

static char *
local_date (const char *iso)
{
  g_autoptr(GDateTime) utc = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  return local ? g_date_time_format (local, "%Y-%m-%d") : g_strdup (iso ? iso : "");
}

static char *
session_summary (MixSessionRecord *record)
{
  const MixTopic *topic = mix_guide_find_topic (mix_session_record_get_topic (record));
  guint n = mix_session_record_get_n_people (record);
  const char *goal = mix_session_record_get_goal_text (record);
  GString *text = g_string_new (topic ? _(topic->title) : _("No topic chosen"));

  g_string_append (text, " · ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", n), n);
  if (goal != NULL && *goal != '\0')
    {
      g_string_append (text, " · ");
      /* Translators: %s is the networking goal set in a session. */
      g_string_append_printf (text, _("Goal: %s"), goal);
    }
  return g_string_free (text, FALSE);
}

/* A past session, read-only. */
static void
on_history_row_activated_cb (AdwActionRow   *row,
                             MixSessionPage *self)
{
  MixSessionRecord *record = g_object_get_data (G_OBJECT (row), "mix-session");
  const MixTopic *topic = mix_guide_find_topic (mix_session_record_get_topic (record));
  const char * const *questions = mix_guide_get_leader_questions ();
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *date = local_date (mix_session_record_get_started (record));
  g_autofree char *heading = g_strdup_printf (_("Session of %s"), date);
  AdwMessageDialog *dialog;
  guint n = mix_session_record_get_n_people (record);

  if (n > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            /* Translators: between the names of the people of a session */
            g_string_append (names, _(", "));
          g_string_append (names, mix_session_record_get_person (record, i)->name);
        }
      /* Translators: %s is the list of the people of a session */
      g_string_append_printf (body, _("Who was there: %s"), names->str);
      g_string_append (body, "\n\n");
    }
  for (guint i = 0; questions[i] != NULL; i++)
    if (mix_session_record_get_leader_question (record, i))
      {
        /* Translators: %s is a question the session's leader answered */
        g_string_append_printf (body, _("Leader’s question: %s"), _(questions[i]));
        g_string_append_c (body, '\n');
      }
  if (topic != NULL)
    {
      g_string_append_c (body, '\n');
      /* Translators: %s is the topic of a session's group discussion */
      g_string_append_printf (body, _("Topic: %s"), _(topic->title));
      g_string_append_c (body, '\n');
      for (guint i = 0; topic->activities[i] != NULL; i++)
        if (mix_session_record_get_activity (record, i))
          g_string_append_printf (body, "✓ %s\n", _(topic->activities[i]));
    }
  for (guint p = 0; p < MIX_N_PHASES; p++)
    {
      const char *notes = mix_session_record_get_notes (record, p);

      if (*notes != '\0')
        g_string_append_printf (body, "\n%s\n%s\n", _(mix_guide_get_phase (p)->title), notes);
    }
  if (mix_session_record_get_goal_text (record) && *mix_session_record_get_goal_text (record))
    {
      g_string_append_c (body, '\n');
      if (mix_session_record_get_goal_due (record))
        /* Translators: a goal set in a session and the day it is due */
        g_string_append_printf (body, _("Goal: %s (by %s)"), mix_session_record_get_goal_text (record),
                                mix_session_record_get_goal_due (record));
      else
        /* Translators: a goal set in a session */
        g_string_append_printf (body, _("Goal: %s"), mix_session_record_get_goal_text (record));
      if (mix_session_record_get_buddy (record) && *mix_session_record_get_buddy (record))
        {
          g_string_append_c (body, '\n');
          /* Translators: %s is the person who checks on the goal */
          g_string_append_printf (body, _("Accountability buddy: %s"), mix_session_record_get_buddy (record));
        }
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       heading, body->str));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The dates progress on a goal is counted from: when each New Contact
 * was reached and each conversation logged, sorted, gathered once for all
 * the goals (a tracker may hold tens of thousands of rows). */
typedef struct
{
  GPtrArray *reached;  /* const char *, owned by the records */
  GPtrArray *talks;
} ProgressDates;

static int
compare_dates (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
progress_dates_init (ProgressDates *dates,
                     MixTracker    *tracker)
{
  GListModel *contacts = mix_tracker_get_rows (tracker, MIX_TAB_NEW_CONTACTS);
  GListModel *log = mix_tracker_get_rows (tracker, MIX_TAB_NETWORKING_LOG);
  guint status_column = (guint) mix_tab_find_column (MIX_TAB_NEW_CONTACTS, "status");
  guint contacted_column = (guint) mix_tab_find_column (MIX_TAB_NEW_CONTACTS, "contacted_on");
  guint date_column = (guint) mix_tab_find_column (MIX_TAB_NETWORKING_LOG, "date");
  guint n = g_list_model_get_n_items (contacts);

  dates->reached = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MixRecord) row = g_list_model_get_item (contacts, i);
      const char *status = mix_record_get_value (row, status_column);
      const char *on = mix_record_get_value (row, contacted_column);

      if (status != NULL && !g_str_equal (status, "not-contacted") && on != NULL)
        g_ptr_array_add (dates->reached, (gpointer) on);
    }
  n = g_list_model_get_n_items (log);
  dates->talks = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MixRecord) row = g_list_model_get_item (log, i);
      const char *date = mix_record_get_value (row, date_column);

      if (date != NULL)
        g_ptr_array_add (dates->talks, (gpointer) date);
    }
  g_ptr_array_sort (dates->reached, compare_dates);
  g_ptr_array_sort (dates->talks, compare_dates);
}

static void
progress_dates_clear (ProgressDates *dates)
{
  g_clear_pointer (&dates->reached, g_ptr_array_unref);
  g_clear_pointer (&dates->talks, g_ptr_array_unref);
}

/* How many of the sorted @dates are on or after @since. */
static guint
count_since (GPtrArray  *dates,
             const char *since)
{
  guint low = 0, high = dates->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (strcmp (dates->pdata[mid], since) < 0)
        low = mid + 1;
      else
        high = mid;
    }
  return dates->len - low;
}

/* What has been done since a goal was set, counted from the tracker. */
static char *
goal_progress (const ProgressDates *dates,
               const MixGoal       *goal)
{
  g_autofree char *since = local_date (goal->created);
  guint reached = count_since (dates->reached, since);
  guint talks = count_since (dates->talks, since);
  g_autofree char *reached_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%u new contact reached",
                                                                "%u new contacts reached", reached),
                                                   reached);
  g_autofree char *talks_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u conversation logged",
                                                              "%u conversations logged", talks),
                                                 talks);

  /* Translators: progress on a networking goal, counted from the tracker:
   * "Since 2026-11-28: 2 new contacts reached, 1 conversation logged" */
  return g_strdup_printf (_("Since %s: %s, %s"), since, reached_text, talks_text);
}

static void
on_goal_done_cb (GtkCheckButton *check,
                 GParamSpec     *pspec,
                 MixSessionPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "mix-goal");

  mix_session_log_set_goal_done (mix_store_get_session_log (self->store), id,
                                 gtk_check_button_get_active (check));
}

/* Past sessions and goals shown before "Show All": a student meets every
 * week, and a year's sessions and goals are a hundred rows, each measured
 * when the page is shown. */
#define HISTORY_FIRST_SHOWN 5

enum {
  FOCUS_GOALS = 1,
  FOCUS_SESSIONS,
};

static void on_log_changed_cb (MixSessionLog  *log,
                               MixSessionPage *self);

static void
on_show_all_activated_cb (AdwActionRow   *row,
                          MixSessionPage *self)
{
  gboolean goals = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "mix-goals"));

  if (goals)
    self->goals_expanded = TRUE;
  else
    self->history_expanded = TRUE;
  /* The focus goes to the first row that was hidden, once it exists. */
  self->history_focus = goals ? FOCUS_GOALS : FOCUS_SESSIONS;
  on_log_changed_cb (NULL, self);
}

/* A long list shows its first few rows, then a "Show All" row, unless the
 * user asked for all of it. Returns %TRUE when the list stops after the
 * row at @shown. */
static gboolean
cut_history_list (MixSessionPage      *self,
                  AdwPreferencesGroup *group,
                  guint                shown,
                  guint                n,
                  gboolean             goals)
{
  g_autofree char *title = NULL;
  GtkWidget *row;

  if (shown + 1 != HISTORY_FIRST_SHOWN || shown + 1 >= n ||
      (goals ? self->goals_expanded : self->history_expanded))
    return FALSE;

  if (goals)
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show All %u Goals",
                                          "Show All %u Goals", n), n);
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show All %u Past Sessions",
                                          "Show All %u Past Sessions", n), n);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-down-symbolic"));
  g_object_set_data (G_OBJECT (row), "mix-goals", GINT_TO_POINTER (goals));
  g_signal_connect (row, "activated", G_CALLBACK (on_show_all_activated_cb), self);
  adw_preferences_group_add (group, row);
  return TRUE;
}

static void
rebuild_history (MixSessionPage *self)
{
  int focus = self->history_focus;
  GtkWidget *focus_row = NULL;
  MixSessionLog *log = mix_store_get_session_log (self->store);
  GListModel *sessions = G_LIST_MODEL (log);
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (self->plan_group));
  guint n = g_list_model_get_n_items (sessions);
  guint n_goals = mix_session_log_get_n_goals (log);

  if (self->history_group != NULL)
    gtk_box_remove (GTK_BOX (box), self->history_group);
  if (self->goals_group != NULL)
    gtk_box_remove (GTK_BOX (box), self->goals_group);
  self->history_group = self->goals_group = NULL;

  if (n_goals > 0)
    {
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      ProgressDates dates;

      progress_dates_init (&dates, mix_store_get_tracker (self->store));
      adw_preferences_group_set_title (group, _("Goals"));
      /* The newest first, as the log keeps them. */
      for (guint shown = 0; shown < n_goals; shown++)
        {
          const MixGoal *goal = mix_session_log_get_goal (log, shown);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *check = gtk_check_button_new ();
          g_autofree char *title = g_markup_escape_text (goal->text, -1);
          g_autofree char *progress = goal_progress (&dates, goal);
          g_autofree char *subtitle = NULL;

          if (goal->due != NULL)
            /* Translators: under a goal: the day it is due, then its progress */
            subtitle = g_markup_printf_escaped (_("By %s · %s"), goal->due, progress);
          else
            subtitle = g_markup_escape_text (progress, -1);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), goal->done);
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          g_object_set_data_full (G_OBJECT (check), "mix-goal", g_strdup (goal->id), g_free);
          g_signal_connect (check, "notify::active", G_CALLBACK (on_goal_done_cb), self);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          adw_preferences_group_add (group, row);
          if (shown == HISTORY_FIRST_SHOWN && focus == FOCUS_GOALS)
            focus_row = row;
          if (cut_history_list (self, group, shown, n_goals, TRUE))
            break;
        }
      progress_dates_clear (&dates);
      self->goals_group = GTK_WIDGET (group);
      gtk_box_insert_child_after (GTK_BOX (box), self->goals_group, GTK_WIDGET (self->plan_group));
    }

  if (n > 0)
    {
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

      adw_preferences_group_set_title (group, _("Past Sessions"));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(MixSessionRecord) record = g_list_model_get_item (sessions, i);
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *date = local_date (mix_session_record_get_started (record));
          g_autofree char *summary = session_summary (record);
          g_autofree char *subtitle = g_markup_escape_text (summary, -1);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          g_object_set_data_full (G_OBJECT (row), "mix-session", g_object_ref (record), g_object_unref);
          g_signal_connect (row, "activated", G_CALLBACK (on_history_row_activated_cb), self);
          adw_preferences_group_add (group, row);
          if (i == HISTORY_FIRST_SHOWN && focus == FOCUS_SESSIONS)
            focus_row = row;
          if (cut_history_list (self, group, i, n, FALSE))
            break;
        }
      self->history_group = GTK_WIDGET (group);
      gtk_box_insert_child_after (GTK_BOX (box), self->history_group,
                                  self->goals_group ? self->goals_group : GTK_WIDGET (self->plan_group));
    }

  self->history_focus = 0;
  if (focus_row != NULL)
    gtk_widget_grab_focus (focus_row);
}

static gboolean
rebuild_history_idle_cb (gpointer data)
{
  MixSessionPage *self = data;

  self->history_idle = 0;
  rebuild_history (self);
  return G_SOURCE_REMOVE;
}

/* Later, not now: the change can come from a goal's check box, which
 * the rebuild would destroy in the middle of its own signal. */
static void
on_log_changed_cb (MixSessionLog  *log,
                   MixSessionPage *self)
{
  if (self->history_idle == 0)
    self->history_idle = g_idle_add (rebuild_history_idle_cb, self);
}

/* The session in progress survives closing the app: the timer's state
 * is kept with it, in wall-clock time, and picked up where it was. */
static void
on_timer_changed_cb (MixTimer       *timer,
                     MixSessionPage *self)
{
  g_autoptr(JsonNode) state = NULL;

  if (self->record == NULL)
    return;
  state = mix_timer_save_state (timer);
  mix_session_record_set_timer_state (self->record, state);
}

static void
restore_timer (MixSessionPage *self)
{
  JsonNode *state = mix_session_record_get_timer_state (self->record);
  g_autoptr(GError) error = NULL;

  g_signal_handlers_block_by_func (self->timer, on_timer_changed_cb, self);
  if (mix_timer_get_state (self->timer) != MIX_TIMER_IDLE)
    mix_timer_reset (self->timer);
  if (state != NULL && !mix_timer_restore_state (self->timer, state, &error))
    {
      /* Not dropped in silence: its plan is kept, and the user told. */
      g_autofree char *message = NULL;

      g_message ("The timer of the session in progress could not be restored: %s",
                 error->message);
      if (mix_timer_restore_plan (self->timer, state))
        message = g_strdup (_("The circle’s timer could not be picked up where it was, so it "
                              "starts again; its plan, notes and people are kept."));
      else
        message = g_strdup (_("The circle’s timer could not be picked up where it was, so it "
                              "starts again; its notes and people are kept."));
      show_toast (self, message);
    }
  g_signal_handlers_unblock_by_func (self->timer, on_timer_changed_cb, self);

  for (guint p = 0; p < MIX_N_PHASES; p++)
    {
      g_signal_handlers_block_by_func (self->plan_spins[p], on_plan_spin_changed_cb, self);
      gtk_spin_button_set_value (self->plan_spins[p], mix_timer_get_planned_minutes (self->timer, p));
      g_signal_handlers_unblock_by_func (self->plan_spins[p], on_plan_spin_changed_cb, self);
    }
  update_plan_total (self);

  /* What became due while the app was closed happens now, once. */
  mix_timer_update (self->timer);
  refresh (self);
  schedule_tick (self);
}

/**
 * mix_session_page_set_store:
 *
 * Keeps the picks and notes of the session in progress in @store, and
 * shows those already there. Called once, by the window.
 */
void
mix_session_page_set_store (MixSessionPage *self,
                            MixStore       *store,
                            GSettings      *settings)
{
  g_return_if_fail (MIX_IS_SESSION_PAGE (self));
  g_return_if_fail (MIX_IS_STORE (store));

  g_set_object (&self->settings, settings);
  g_set_object (&self->store, store);
  if (settings != NULL)
    g_settings_bind (settings, "auto-advance", self->timer, "auto-advance", G_SETTINGS_BIND_GET);

  g_set_object (&self->record, mix_store_get_current_session (store));
  restore_timer (self);
  self->shown_prompts = -1;
  update_prompts (self, mix_timer_get_phase (self->timer));

  g_signal_connect_object (mix_store_get_session_log (store), "changed",
                           G_CALLBACK (on_log_changed_cb), self, 0);
  g_signal_connect_object (store, "read-only-changed", G_CALLBACK (on_read_only_changed_cb),
                           self, 0);
  g_signal_connect_object (store, "current-session-changed",
                           G_CALLBACK (on_current_session_changed_cb), self, 0);
  update_sensitivity (self);
  /* Past sessions and goals are below the plan, out of sight at first:
   * they come after the first frame rather than delay it. */
  on_log_changed_cb (NULL, self);
}

static void
refresh (MixSessionPage *self)
{
  MixTimerState state = mix_timer_get_state (self->timer);
  MixPhase phase = mix_timer_get_phase (self->timer);
  const MixPhaseInfo *info = mix_guide_get_phase (phase);
  g_autofree char *time = NULL;
  g_autofree char *next = NULL;
  g_autofree char *session = NULL;
  const char *toggle;
  gint64 remaining;
  guint elapsed_minutes;
  gboolean overtime;

  if (state == MIX_TIMER_IDLE)
    remaining = (gint64) mix_timer_get_planned_minutes (self->timer, phase) * G_USEC_PER_SEC * 60;
  else
    remaining = mix_timer_get_remaining (self->timer);
  overtime = state != MIX_TIMER_IDLE && state != MIX_TIMER_FINISHED && remaining < 0;
  time = state == MIX_TIMER_FINISHED ? g_strdup ("0:00") : mix_timer_format_remaining (remaining);

  gtk_label_set_text (self->time_label, time);
  gtk_label_set_text (self->present_time_label, time);
  if (overtime)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->time_label), "overtime");
      gtk_widget_add_css_class (GTK_WIDGET (self->present_time_label), "overtime");
      gtk_widget_add_css_class (GTK_WIDGET (self->ring), "overtime");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->time_label), "overtime");
      gtk_widget_remove_css_class (GTK_WIDGET (self->present_time_label), "overtime");
      gtk_widget_remove_css_class (GTK_WIDGET (self->ring), "overtime");
    }
  mix_timer_ring_set_fraction (self->ring, state == MIX_TIMER_FINISHED ? 1.0
                                           : mix_timer_get_phase_fraction (self->timer));

  if (state == MIX_TIMER_FINISHED)
    {
      gtk_label_set_text (self->phase_label, _("Session Finished"));
      gtk_label_set_text (self->present_phase_label, _("Session Finished"));
      next = g_strdup (_("Thank you for mixing it up!"));
    }
  else
    {
      gtk_label_set_text (self->phase_label, _(info->title));
      gtk_label_set_text (self->present_phase_label, _(info->title));
      if (phase + 1 < MIX_N_PHASES)
        /* Translators: %s is the next phase, such as Leaders Share. */
        next = g_strdup_printf (_("Next: %s"), _(mix_guide_get_phase (phase + 1)->title));
      else
        next = g_strdup (_("Last phase"));
    }
  gtk_label_set_text (self->next_label, next);
  gtk_label_set_text (self->present_next_label, next);

  gtk_progress_bar_set_fraction (self->session_bar,
                                 state == MIX_TIMER_FINISHED ? 1.0
                                 : mix_timer_get_session_fraction (self->timer));
  elapsed_minutes = (guint) (mix_timer_get_session_elapsed (self->timer) / (G_USEC_PER_SEC * 60));
  /* Translators: the whole session's progress, such as "12 of 30 minutes". */
  session = g_strdup_printf (_("%u of %u minutes"), elapsed_minutes,
                             mix_timer_get_planned_total (self->timer));
  gtk_progress_bar_set_text (self->session_bar, session);

  switch (state)
    {
    case MIX_TIMER_RUNNING:
      toggle = _("_Pause");
      break;
    case MIX_TIMER_PAUSED:
      toggle = _("_Resume");
      break;
    case MIX_TIMER_FINISHED:
      toggle = _("_New Session");
      break;
    case MIX_TIMER_IDLE:
    default:
      toggle = _("_Start");
      break;
    }
  /* The label is the button's child rather than its label property:
   * GTK 4.8 reads a button out as its label property and its contents,
   * which would say the label twice. */
  gtk_label_set_text_with_mnemonic (self->toggle_label, toggle);

  gtk_widget_set_sensitive (GTK_WIDGET (self->plan_group), state == MIX_TIMER_IDLE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.next",
                                 state == MIX_TIMER_RUNNING || state == MIX_TIMER_PAUSED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.previous",
                                 state == MIX_TIMER_RUNNING || state == MIX_TIMER_PAUSED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.add-minute",
                                 state == MIX_TIMER_RUNNING || state == MIX_TIMER_PAUSED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.reset", state != MIX_TIMER_IDLE);

  update_prompts (self, phase);
}

/* Ticking: only while running and shown, when the displayed time changes. */

static gboolean
tick_cb (gpointer data)
{
  MixSessionPage *self = data;

  self->tick_id = 0;
  mix_timer_update (self->timer);
  refresh (self);
  schedule_tick (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_tick (MixSessionPage *self)
{
  gint64 wait;

  g_clear_handle_id (&self->tick_id, g_source_remove);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      mix_timer_get_state (self->timer) != MIX_TIMER_RUNNING)
    return;

  wait = mix_timer_get_time_to_next_change (self->timer);
  if (wait < 0)
    return;
  /* A millisecond late rather than early, so the new second is there. */
  self->tick_id = g_timeout_add_full (G_PRIORITY_HIGH, (guint) (wait / 1000) + 1, tick_cb, self, NULL);
}

static void
on_timer_state_cb (MixTimer       *timer,
                   GParamSpec     *pspec,
                   MixSessionPage *self)
{
  refresh (self);
  schedule_tick (self);
}

static void
notify_if_away (MixSessionPage *self,
                const char     *title,
                const char     *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GApplication *app = g_application_get_default ();
  g_autoptr(GNotification) notification = NULL;

  if (app == NULL || (GTK_IS_WINDOW (root) && gtk_window_is_active (GTK_WINDOW (root))))
    return;

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_default_action (notification, "app.show-timer");
  g_notification_add_button (notification, _("Show Timer"), "app.show-timer");
  g_application_send_notification (app, "session-phase", notification);
}

/* The chime: full at a phase's end, soft a minute before it. */
static void
play_chime (MixSessionPage *self,
            double          volume)
{
  if (self->settings != NULL && !g_settings_get_boolean (self->settings, "phase-chime"))
    return;

  if (self->chime == NULL)
    self->chime = gtk_media_file_new_for_resource (RESOURCE_BASE "/sounds/chime.wav");
  gtk_media_stream_set_volume (self->chime, volume);
  gtk_media_stream_seek (self->chime, 0);
  gtk_media_stream_play (self->chime);
}

static void
on_warning_cb (MixTimer       *timer,
               MixPhase        phase,
               MixSessionPage *self)
{
  play_chime (self, 0.35);
}

/* Tells a screen reader what just happened. GTK 4.14 can announce; on
 * older GTK the timer's button, which has the focus while a facilitator
 * runs the circle from the keyboard, describes it instead. */
static void
announce (MixSessionPage *self,
          const char     *text)
{
#if GTK_CHECK_VERSION (4, 14, 0)
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_accessible_announce (GTK_ACCESSIBLE (self), text,
                           GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
  G_GNUC_END_IGNORE_DEPRECATIONS
#endif
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->toggle_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static void
on_phase_ended_cb (MixTimer       *timer,
                   MixPhase        phase,
                   MixSessionPage *self)
{
  g_autofree char *title = NULL;
  const char *body;

  play_chime (self, 1.0);
  /* Translators: %s is a phase, such as Introductions. */
  title = g_strdup_printf (_("Time is up for %s"), _(mix_guide_get_phase (phase)->title));
  body = phase + 1 < MIX_N_PHASES ? _(mix_guide_get_phase (phase + 1)->title)
                                  : _("Time to close the session");
  notify_if_away (self, title, body);
  {
    /* Translators: said by a screen reader when a phase's time is up,
     * e.g. "Time is up for Introductions. Next: Leaders Share" */
    g_autofree char *spoken = g_strdup_printf (_("%s. Next: %s"), title, body);

    announce (self, spoken);
  }
}

static void
on_phase_changed_cb (MixTimer       *timer,
                     MixPhase        phase,
                     MixSessionPage *self)
{
  guint minutes = mix_timer_get_planned_minutes (timer, phase);
  g_autofree char *spoken = NULL;

  /* Translators: said by a screen reader when a phase begins,
   * e.g. "Now: Leaders Share, 8 minutes" */
  spoken = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Now: %s, %u minute",
                                         "Now: %s, %u minutes", minutes),
                            _(mix_guide_get_phase (phase)->title), minutes);
  announce (self, spoken);
}

/* Plan */

static void
update_plan_total (MixSessionPage *self)
{
  guint total = mix_timer_get_planned_total (self->timer);
  g_autofree char *text = NULL;

  if (total == MIX_GUIDE_SESSION_MINUTES)
    text = g_strdup_printf (_("Total: %u minutes, the length of a circle."), total);
  else if (total > MIX_GUIDE_SESSION_MINUTES)
    /* Translators: the plan's total minutes and how far over the 30-minute slot it goes. */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Total: %u minutes, %u minute over the %u-minute slot.",
                                         "Total: %u minutes, %u minutes over the %u-minute slot.",
                                         total - MIX_GUIDE_SESSION_MINUTES),
                            total, total - MIX_GUIDE_SESSION_MINUTES, MIX_GUIDE_SESSION_MINUTES);
  else
    /* Translators: the plan's total minutes and how far under the 30-minute slot it is. */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Total: %u minutes, %u minute under the %u-minute slot.",
                                         "Total: %u minutes, %u minutes under the %u-minute slot.",
                                         MIX_GUIDE_SESSION_MINUTES - total),
                            total, MIX_GUIDE_SESSION_MINUTES - total, MIX_GUIDE_SESSION_MINUTES);
  adw_preferences_group_set_description (self->plan_group, text);

  for (guint p = 0; p < MIX_N_PHASES; p++)
    {
      const MixPhaseInfo *info = mix_guide_get_phase (p);
      guint minutes = mix_timer_get_planned_minutes (self->timer, p);

      gtk_widget_set_visible (self->plan_warnings[p],
                              minutes < info->min_minutes || minutes > info->max_minutes);
    }
}

/* A phase's minutes changed in the plan, for Undo: the steps of one spin
 * button in a row are one change. */
typedef struct
{
  GWeakRef page;
  guint    phase;
  guint    before;
  guint    after;
} PlanChange;

static void
plan_change_free (gpointer data)
{
  PlanChange *change = data;

  g_weak_ref_clear (&change->page);
  g_free (change);
}

static gboolean
set_planned (PlanChange *change,
             guint       minutes)
{
  g_autoptr(MixSessionPage) page = g_weak_ref_get (&change->page);

  if (page == NULL || !sessions_writable (page))
    return FALSE;
  /* The spin button shows it, and its handler sets the timer. */
  gtk_spin_button_set_value (page->plan_spins[change->phase], minutes);
  return TRUE;
}

static gboolean
undo_plan (gpointer data)
{
  PlanChange *change = data;
  return set_planned (change, change->before);
}

static gboolean
redo_plan (gpointer data)
{
  PlanChange *change = data;
  return set_planned (change, change->after);
}

static void
on_plan_spin_changed_cb (GtkSpinButton  *spin,
                         MixSessionPage *self)
{
  for (guint p = 0; p < MIX_N_PHASES; p++)
    if (self->plan_spins[p] == spin)
      {
        guint before = mix_timer_get_planned_minutes (self->timer, p);
        guint after = (guint) gtk_spin_button_get_value_as_int (spin);
        PlanChange *last;

        mix_timer_set_planned_minutes (self->timer, p, after);
        if (self->history == NULL || mix_history_is_busy (self->history) || before == after)
          continue;
        last = mix_history_peek_last (self->history, undo_plan);
        if (last != NULL && last->phase == p)
          last->after = after;
        else
          {
            PlanChange *change = g_new0 (PlanChange, 1);

            g_weak_ref_init (&change->page, self);
            change->phase = p;
            change->before = before;
            change->after = after;
            /* Translators: %s is a phase of the circle, such as “Introductions”. */
            {
              g_autofree char *label = g_strdup_printf (_("Changed the plan for %s"),
                                                        _(mix_guide_get_phase (p)->title));

              mix_history_push (self->history, label, undo_plan, redo_plan, change,
                                plan_change_free);
            }
          }
      }

  update_plan_total (self);
  refresh (self);
}

static void
build_plan (MixSessionPage *self)
{
  for (guint p = 0; p < MIX_N_PHASES; p++)
    {
      const MixPhaseInfo *info = mix_guide_get_phase (p);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (1, 30, 1);
      GtkWidget *warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      g_autofree char *subtitle = NULL;
      g_autofree char *title = NULL;

      if (info->min_minutes == info->max_minutes)
        /* Translators: what the guide recommends for a phase. */
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The guide suggests %u minute",
                                                 "The guide suggests %u minutes", info->min_minutes),
                                    info->min_minutes);
      else
        subtitle = g_strdup_printf (_("The guide suggests %u–%u minutes"),
                                    info->min_minutes, info->max_minutes);
      /* Row titles are markup: "Close Out & Next Steps" needs escaping. */
      title = g_markup_escape_text (_(info->title), -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      gtk_widget_set_tooltip_text (warning, _("Outside what the guide suggests"));
      gtk_widget_add_css_class (warning, "plan-out-of-range");
      gtk_accessible_update_property (GTK_ACCESSIBLE (warning),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Outside what the guide suggests"),
                                      -1);
      gtk_widget_set_visible (warning, FALSE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), warning);

      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), mix_timer_get_planned_minutes (self->timer, p));
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      /* Named by the row's title, which the row makes its label. */
      g_signal_connect (spin, "value-changed", G_CALLBACK (on_plan_spin_changed_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);

      self->plan_spins[p] = GTK_SPIN_BUTTON (spin);
      self->plan_warnings[p] = warning;
      adw_preferences_group_add (self->plan_group, row);
    }
  update_plan_total (self);
}

/* Actions */

static void
toggle_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MixSessionPage *self = MIX_SESSION_PAGE (widget);

  if (mix_timer_get_state (self->timer) == MIX_TIMER_FINISHED)
    mix_timer_reset (self->timer);
  mix_timer_toggle (self->timer);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  mix_timer_next_phase (MIX_SESSION_PAGE (widget)->timer);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  mix_timer_previous_phase (MIX_SESSION_PAGE (widget)->timer);
}

static void
add_minute_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MixSessionPage *self = MIX_SESSION_PAGE (widget);

  mix_timer_add_minute (self->timer);
  refresh (self);
  schedule_tick (self);
}

/* The whole group taken off the roster by Reset, for Undo. */
typedef struct
{
  GWeakRef          page;
  MixSessionRecord *record;
  GPtrArray        *entries;  /* of MixRosterEntry, while off the roster; else empty */
  guint             n;
} RosterClear;

static void
roster_clear_free (gpointer data)
{
  RosterClear *clear = data;

  g_weak_ref_clear (&clear->page);
  g_object_unref (clear->record);
  g_ptr_array_unref (clear->entries);
  g_free (clear);
}

static MixSessionPage *
clear_page (RosterClear *clear)
{
  MixSessionPage *page = g_weak_ref_get (&clear->page);

  if (page != NULL && (page->record != clear->record || !sessions_writable (page)))
    g_clear_object (&page);
  return page;
}

static gboolean
undo_clear_roster (gpointer data)
{
  RosterClear *clear = data;
  g_autoptr(MixSessionPage) page = clear_page (clear);

  if (page == NULL || clear->entries->len == 0)
    return FALSE;
  for (guint i = 0; i < clear->entries->len; i++)
    mix_session_record_restore_person (clear->record, G_MAXUINT, clear->entries->pdata[i]);
  /* The record has them now. */
  g_ptr_array_set_free_func (clear->entries, NULL);
  g_ptr_array_set_size (clear->entries, 0);
  g_ptr_array_set_free_func (clear->entries, (GDestroyNotify) mix_roster_entry_free);
  page->editing_person = -1;
  rebuild_phase (page);
  return TRUE;
}

static gboolean
redo_clear_roster (gpointer data)
{
  RosterClear *clear = data;
  g_autoptr(MixSessionPage) page = clear_page (clear);

  if (page == NULL || clear->entries->len > 0 ||
      mix_session_record_get_n_people (clear->record) != clear->n)
    return FALSE;
  while (mix_session_record_get_n_people (clear->record) > 0)
    g_ptr_array_add (clear->entries, mix_session_record_take_person (clear->record, 0));
  rebuild_phase (page);
  return TRUE;
}

static void
clear_roster (MixSessionPage *self)
{
  RosterClear *clear = g_new0 (RosterClear, 1);
  g_autofree char *message = NULL;

  g_weak_ref_init (&clear->page, self);
  clear->record = g_object_ref (self->record);
  clear->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) mix_roster_entry_free);
  clear->n = mix_session_record_get_n_people (self->record);
  redo_clear_roster (clear);
  self->editing_person = -1;
  /* Translators: the roster of the circle was emptied by Reset. */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Reset, and %u person taken off",
                                          "Reset, and %u people taken off", clear->n),
                             clear->n);
  if (self->history != NULL)
    mix_history_push (self->history, message, undo_clear_roster, redo_clear_roster, clear,
                      roster_clear_free);
  else
    roster_clear_free (clear);
  mix_show_undo_toast (GTK_WIDGET (self), self->history, message);
}

static void
on_reset_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      MixSessionPage   *self)
{
  if (g_str_equal (response, "cancel"))
    return;
  mix_timer_reset (self->timer);
  if (g_str_equal (response, "clear") && self->record != NULL && sessions_writable (self))
    clear_roster (self);
}

/* libadwaita 1.2's response buttons are named twice on GTK 4.8 (their
 * label, and the mnemonic label that labels them): each is named once. */
static void
name_response_buttons (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = GTK_IS_BUTTON (child) ? gtk_button_get_child (GTK_BUTTON (child)) : NULL;

      if (label != NULL && GTK_IS_LABEL (label))
        {
          gtk_accessible_reset_relation (GTK_ACCESSIBLE (child),
                                         GTK_ACCESSIBLE_RELATION_LABELLED_BY);
          gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          gtk_label_get_text (GTK_LABEL (label)), -1);
        }
      else
        name_response_buttons (child);
    }
}

/* Reset starts the circle's time again. The group may be the same people
 * starting over, or the next circle: Reset asks, when there is a group. */
static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  MixSessionPage *self = MIX_SESSION_PAGE (widget);
  guint n = self->record != NULL ? mix_session_record_get_n_people (self->record) : 0;
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  if (n == 0 || !sessions_writable (self))
    {
      mix_timer_reset (self->timer);
      return;
    }

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The time starts again. %u person is on the roster: keep them for this circle, or clear the roster for the next one.",
                                       "The time starts again. %u people are on the roster: keep them for this circle, or clear the roster for the next one.",
                                       n),
                          n);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Reset the Timer?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "clear", _("C_lear the Roster"),
                                    "keep", _("_Keep the Roster"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "clear",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  name_response_buttons (dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reset_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_presenting (MixSessionPage *self,
                gboolean        presenting)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), MIX_TYPE_WINDOW);

  gtk_stack_set_visible_child_name (self->mode_stack, presenting ? "presentation" : "normal");
  if (window != NULL)
    mix_window_set_presenting (MIX_WINDOW (window), presenting);
  /* The focus goes with the view, so that the keyboard has somewhere to be:
   * on the way out, and then back where presenting started. */
  gtk_widget_grab_focus (GTK_WIDGET (presenting ? self->leave_button : self->present_button));
}

static gboolean
is_presenting (MixSessionPage *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->mode_stack), "presentation") == 0;
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MixSessionPage *self = MIX_SESSION_PAGE (widget);

  set_presenting (self, !is_presenting (self));
}

/* F11 and Escape work wherever the focus is, on the Session page: in
 * presentation mode there may be nothing focused at all. */
static gboolean
on_present_shortcut_cb (GtkWidget *widget,
                        GVariant  *args,
                        gpointer   user_data)
{
  MixSessionPage *self = MIX_SESSION_PAGE (widget);
  gboolean leave = GPOINTER_TO_INT (user_data);

  if (!gtk_widget_get_mapped (widget) || (leave && !is_presenting (self)))
    return FALSE;
  set_presenting (self, leave ? FALSE : !is_presenting (self));
  return TRUE;
}

static void
leave_presentation_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  MixSessionPage *self = MIX_SESSION_PAGE (widget);

  if (is_presenting (self))
    set_presenting (self, FALSE);
}

/* Construction */

/* The page follows the focus, as a viewport does, but not into a
 * drop-down's list: the viewport brought the list of an open drop-down
 * into view, the page moved under the pointer, and the next click landed
 * on the wrong row. A focus that goes back to a row in view moves nothing. */
static void
on_root_focus_notify_cb (GtkRoot        *root,
                         GParamSpec     *pspec,
                         MixSessionPage *self)
{
  GtkWidget *focus = gtk_root_get_focus (root);
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scroller);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_rect_t bounds;
  double page_size = gtk_adjustment_get_page_size (adjustment);
  double value = gtk_adjustment_get_value (adjustment);

  if (focus == NULL || viewport == NULL || !gtk_widget_is_ancestor (focus, viewport) ||
      gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL ||
      !gtk_widget_compute_bounds (focus, viewport, &bounds))
    return;
  if (bounds.origin.y < 0)
    gtk_adjustment_set_value (adjustment, value + bounds.origin.y);
  else if (bounds.origin.y + bounds.size.height > page_size)
    gtk_adjustment_set_value (adjustment,
                              value + MIN (bounds.origin.y,
                                           bounds.origin.y + bounds.size.height - page_size));
}

static void
mix_session_page_map (GtkWidget *widget)
{
  MixSessionPage *self = MIX_SESSION_PAGE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (mix_session_page_parent_class)->map (widget);

  root = gtk_widget_get_root (widget);
  if (root != NULL && root != self->focus_root)
    {
      GtkWidget *viewport = gtk_scrolled_window_get_child (self->scroller);

      if (GTK_IS_VIEWPORT (viewport))
        gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), FALSE);
      self->focus_root = root;
      g_signal_connect_object (root, "notify::focus-widget",
                               G_CALLBACK (on_root_focus_notify_cb), self, 0);
    }

  /* The time went on while the page was hidden, and the tracker, which
   * the goals' progress is counted from, may have changed. */
  mix_timer_update (self->timer);
  refresh (self);
  schedule_tick (self);
  if (self->store != NULL && mix_session_log_get_n_goals (mix_store_get_session_log (self->store)) > 0)
    on_log_changed_cb (NULL, self);
}

static void
mix_session_page_unmap (GtkWidget *widget)
{
  MixSessionPage *self = MIX_SESSION_PAGE (widget);

  g_clear_handle_id (&self->tick_id, g_source_remove);

  GTK_WIDGET_CLASS (mix_session_page_parent_class)->unmap (widget);
}

static void
mix_session_page_dispose (GObject *object)
{
  MixSessionPage *self = MIX_SESSION_PAGE (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->history_idle, g_source_remove);
  g_clear_handle_id (&self->phase_idle, g_source_remove);
  g_clear_handle_id (&self->scroll_idle, g_source_remove);
  if (self->timer != NULL)
    g_signal_handlers_disconnect_by_data (self->timer, self);
  /* The stack is both the bin's child and a template child: the bin lets
   * go of it first, so that it is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIX_TYPE_SESSION_PAGE);
  g_clear_pointer (&self->prompt_rows, g_ptr_array_unref);
  g_clear_object (&self->record);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->history);
  g_clear_object (&self->chime);
  g_clear_object (&self->timer);

  G_OBJECT_CLASS (mix_session_page_parent_class)->dispose (object);
}

static void
mix_session_page_class_init (MixSessionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mix_session_page_dispose;
  widget_class->map = mix_session_page_map;
  widget_class->unmap = mix_session_page_unmap;

  g_type_ensure (MIX_TYPE_TIMER_RING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mix-session-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, next_label);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, phase_label);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, plan_group);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, leave_button);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, present_button);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, present_next_label);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, present_phase_label);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, present_time_label);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, prompts_group);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, ring);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, session_bar);
  gtk_widget_class_bind_template_child (widget_class, MixSessionPage, toggle_button);

  gtk_widget_class_install_action (widget_class, "session.toggle", NULL, toggle_action);
  gtk_widget_class_install_action (widget_class, "session.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "session.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "session.add-minute", NULL, add_minute_action);
  gtk_widget_class_install_action (widget_class, "session.reset", NULL, reset_action);
  gtk_widget_class_install_action (widget_class, "session.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "session.leave-presentation", NULL,
                                   leave_presentation_action);
  gtk_widget_class_install_action (widget_class, "session.set-buddy", "s", set_buddy_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "session.toggle", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_CONTROL_MASK,
                                       "session.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_CONTROL_MASK,
                                       "session.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK,
                                       "session.add-minute", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "session.reset", NULL);
}

static void
mix_session_page_init (MixSessionPage *self)
{
  GtkWidget *box;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->shown_prompts = -1;
  self->editing_person = -1;
  self->kept_scroll = -1;
  self->prompt_rows = g_ptr_array_new ();
  self->timer = mix_timer_new ();

  {
    /* Global: handled by the window, whatever has the focus (see
     * on_present_shortcut_cb()). */
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                       GTK_SHORTCUT_SCOPE_GLOBAL);
    gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (shortcuts),
      gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F11, 0),
                        gtk_callback_action_new (on_present_shortcut_cb, GINT_TO_POINTER (FALSE),
                                                 NULL)));
    gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (shortcuts),
      gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                        gtk_callback_action_new (on_present_shortcut_cb, GINT_TO_POINTER (TRUE),
                                                 NULL)));
    gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  }

  self->toggle_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_mnemonic_widget (self->toggle_label, GTK_WIDGET (self->toggle_button));
  gtk_button_set_child (self->toggle_button, GTK_WIDGET (self->toggle_label));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  self->time_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->time_label), "timer-time");
  gtk_widget_add_css_class (GTK_WIDGET (self->time_label), "numeric");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->time_label));
  mix_timer_ring_set_child (self->ring, box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->ring),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Time Left in This Phase"),
                                  -1);

  g_signal_connect (self->timer, "notify::state", G_CALLBACK (on_timer_state_cb), self);
  g_signal_connect (self->timer, "notify::phase", G_CALLBACK (on_timer_state_cb), self);
  g_signal_connect (self->timer, "phase-ended", G_CALLBACK (on_phase_ended_cb), self);
  g_signal_connect (self->timer, "phase-changed", G_CALLBACK (on_phase_changed_cb), self);
  g_signal_connect (self->timer, "warning", G_CALLBACK (on_warning_cb), self);
  g_signal_connect (self->timer, "changed", G_CALLBACK (on_timer_changed_cb), self);

  {
    GtkWidget *frame = gtk_frame_new (NULL);
    GtkWidget *view = gtk_text_view_new ();
    GtkWidget *page_box = gtk_widget_get_parent (GTK_WIDGET (self->prompts_group));

    self->notes_group = adw_preferences_group_new ();
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->notes_group), _("Notes"));
    gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
    gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
    gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
    gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
    gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
    gtk_widget_set_size_request (view, -1, 100);
    gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Notes for this phase"),
                                    -1);
    gtk_frame_set_child (GTK_FRAME (frame), view);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->notes_group), frame);
    gtk_box_insert_child_after (GTK_BOX (page_box), self->notes_group, GTK_WIDGET (self->prompts_group));
    gtk_widget_set_visible (self->notes_group, FALSE);
    self->notes_view = GTK_TEXT_VIEW (view);
    g_signal_connect (gtk_text_view_get_buffer (self->notes_view), "changed",
                      G_CALLBACK (on_notes_changed_cb), self);
  }

  build_plan (self);
  refresh (self);
}
