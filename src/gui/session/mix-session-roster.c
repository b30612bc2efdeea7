/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mix-circle.h"
#include "mix-session-roster.h"
#include "mix-toast.h"

/**
 * MixSessionRoster:
 *
 * Who is here, in every phase: people come late, and names are needed all
 * through the circle. Each person can be edited or taken off (for Undo),
 * and the form adds the next one.
 *
 * It emits #MixSessionRoster::changed when the roster changed: the page
 * shows it again, with what depends on it.
 */

struct _MixSessionRoster
{
  GtkWidget            parent_instance;

  GtkButton           *add_button;
  GtkLabel            *add_label;
  AdwEntryRow         *cohort_row;
  AdwComboRow         *confidence_row;
  AdwExpanderRow      *form;
  AdwPreferencesGroup *group;
  GtkSwitch           *leader_switch;
  AdwComboRow         *module_row;
  AdwEntryRow         *name_row;
  AdwComboRow         *program_row;
  AdwEntryRow         *pronouns_row;

  GPtrArray           *rows;             /* the people's rows */
  MixSessionRecord    *record;           /* nullable */
  MixHistory          *history;          /* nullable: the window's, for Undo */
  gboolean             writable;
  int                  editing_person;   /* the person in the form, or -1 for a new one */
  gboolean             form_expanded;    /* kept when rebuilt */
  gboolean             focus_name;       /* the form's name, once rebuilt */
};

G_DEFINE_FINAL_TYPE (MixSessionRoster, mix_session_roster, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RECORD,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const programs[] = { "front-end", "back-end", NULL };

static void
changed (MixSessionRoster *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

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

/* A person taken off the roster, for Undo. */
typedef struct
{
  GWeakRef          roster;
  MixSessionRecord *record;
  guint             index;
  MixRosterEntry   *entry;  /* nullable: held while off the roster */
} RosterRemoval;

static void
roster_removal_free (gpointer data)
{
  RosterRemoval *removal = data;

  g_weak_ref_clear (&removal->roster);
  g_object_unref (removal->record);
  mix_roster_entry_free (removal->entry);
  g_free (removal);
}

/* The roster, if it still shows the session @record, writable. */
static MixSessionRoster *
roster_showing (GWeakRef         *ref,
                MixSessionRecord *record)
{
  MixSessionRoster *roster = g_weak_ref_get (ref);

  if (roster != NULL && (roster->record != record || !roster->writable))
    g_clear_object (&roster);
  return roster;
}

static gboolean
undo_remove_person (gpointer data)
{
  RosterRemoval *removal = data;
  g_autoptr(MixSessionRoster) roster = roster_showing (&removal->roster, removal->record);

  if (roster == NULL || removal->entry == NULL)
    return FALSE;
  mix_session_record_restore_person (removal->record, removal->index,
                                     g_steal_pointer (&removal->entry));
  roster->editing_person = -1;  /* the indices moved under the form */
  changed (roster);
  return TRUE;
}

static gboolean
redo_remove_person (gpointer data)
{
  RosterRemoval *removal = data;
  g_autoptr(MixSessionRoster) roster = roster_showing (&removal->roster, removal->record);

  if (roster == NULL || removal->entry != NULL ||
      removal->index >= mix_session_record_get_n_people (removal->record))
    return FALSE;
  removal->entry = mix_session_record_take_person (removal->record, removal->index);
  roster->editing_person = -1;
  changed (roster);
  return TRUE;
}

static void
on_remove_person_clicked_cb (GtkButton        *button,
                             MixSessionRoster *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "mix-index"));
  RosterRemoval *removal = g_new0 (RosterRemoval, 1);
  g_autofree char *message = NULL;

  g_weak_ref_init (&removal->roster, self);
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
  changed (self);
}

static void
on_edit_person_clicked_cb (GtkButton        *button,
                           MixSessionRoster *self)
{
  self->editing_person = (int) GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button),
                                                                    "mix-index"));
  self->form_expanded = TRUE;
  self->focus_name = TRUE;
  changed (self);
}

static void
on_form_notify_expanded_cb (AdwExpanderRow   *form,
                            GParamSpec       *pspec,
                            MixSessionRoster *self)
{
  self->form_expanded = adw_expander_row_get_expanded (form);
}

static void
add_person (MixSessionRoster *self)
{
  g_autoptr(MixPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  guint program = adw_combo_row_get_selected (self->program_row);

  if (self->record == NULL)
    return;

  person = mix_person_new (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  person->pronouns = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->pronouns_row)));
  person->program = g_strdup (program < G_N_ELEMENTS (programs) - 1 ? programs[program] : "");
  person->cohort = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->cohort_row)));
  person->module = adw_combo_row_get_selected (self->module_row);
  person->confidence = adw_combo_row_get_selected (self->confidence_row);
  person->leader = gtk_switch_get_active (self->leader_switch);
  /* The form does not show the goal set in Close Out: an edit keeps it. */
  if (self->editing_person >= 0 &&
      (guint) self->editing_person < mix_session_record_get_n_people (self->record))
    {
      const MixPerson *was = mix_session_record_get_person (self->record,
                                                            (guint) self->editing_person);

      person->goal = g_strdup (was->goal);
      person->goal_due = g_strdup (was->goal_due);
      person->buddy = g_strdup (was->buddy);
    }

  if (self->editing_person >= 0 &&
      (guint) self->editing_person < mix_session_record_get_n_people (self->record)
      ? !mix_session_record_update_person (self->record, (guint) self->editing_person, person,
                                           &error)
      : !mix_session_record_add_person (self->record, person, &error))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      mix_show_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }
  /* The form stays open for the next person, the page where it is. */
  self->editing_person = -1;
  self->form_expanded = TRUE;
  self->focus_name = TRUE;
  changed (self);
}

static void
on_name_row_entry_activated_cb (AdwEntryRow      *row,
                                MixSessionRoster *self)
{
  add_person (self);
}

static void
on_add_button_clicked_cb (GtkButton        *button,
                          MixSessionRoster *self)
{
  add_person (self);
}

static GtkWidget *
row_button (const char *icon_name,
            const char *label,
            guint       index)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (button), "mix-index", GUINT_TO_POINTER (index));
  return button;
}

static GtkWidget *
person_row (MixSessionRoster *self,
            guint             index)
{
  const MixPerson *person = mix_session_record_get_person (self->record, index);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (person->name, -1);
  g_autofree char *summary = person_summary (person);
  g_autofree char *subtitle = g_markup_escape_text (summary, -1);
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), person->name);
  g_autofree char *edit_label = g_strdup_printf (_("Edit %s"), person->name);
  GtkWidget *remove = row_button ("user-trash-symbolic", remove_label, index);
  GtkWidget *edit = row_button ("document-edit-symbolic", edit_label, index);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_person_clicked_cb), self);
  g_signal_connect (edit, "clicked", G_CALLBACK (on_edit_person_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

/* The form, empty for the next person or filled with the one edited; opened
 * or closed only while out of the list (see mix_session_roster_rebuild()). */
static void
fill_form (MixSessionRoster *self,
           const MixPerson  *editing,
           gboolean          reopen,
           gboolean          expand)
{
  if (editing != NULL)
    {
      g_autofree char *form_title = g_strdup_printf (_("Edit %s"), editing->name);
      g_autofree char *escaped = g_markup_escape_text (form_title, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->form), escaped);
      gtk_label_set_text_with_mnemonic (self->add_label, _("_Save Changes"));
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->form), _("Add a Person"));
      gtk_label_set_text_with_mnemonic (self->add_label, _("_Add to the Group"));
    }
  if (reopen)
    {
      g_signal_handlers_block_by_func (self->form, on_form_notify_expanded_cb, self);
      adw_expander_row_set_expanded (self->form, expand);
      g_signal_handlers_unblock_by_func (self->form, on_form_notify_expanded_cb, self);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), editing ? editing->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->pronouns_row),
                         editing && editing->pronouns ? editing->pronouns : "");
  adw_combo_row_set_selected (self->program_row,
                              editing == NULL ? 2 :
                              g_strcmp0 (editing->program, programs[0]) == 0 ? 0 :
                              g_strcmp0 (editing->program, programs[1]) == 0 ? 1 : 2);
  gtk_editable_set_text (GTK_EDITABLE (self->cohort_row),
                         editing && editing->cohort ? editing->cohort : "");
  adw_combo_row_set_selected (self->module_row, editing ? editing->module : 0);
  adw_combo_row_set_selected (self->confidence_row, editing ? editing->confidence : 0);
  gtk_switch_set_active (self->leader_switch, editing ? editing->leader : FALSE);
}

/**
 * mix_session_roster_rebuild:
 *
 * Shows the roster as it is now.
 */
void
mix_session_roster_rebuild (MixSessionRoster *self)
{
  g_autofree char *description = NULL;
  const MixPerson *editing = NULL;
  GtkListBox *list;
  gboolean expand, reopen;
  guint n;

  g_return_if_fail (MIX_IS_SESSION_ROSTER (self));

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
  if (self->record == NULL)
    return;

  n = mix_session_record_get_n_people (self->record);
  if (self->editing_person >= 0 && (guint) self->editing_person < n)
    editing = mix_session_record_get_person (self->record, self->editing_person);
  description = mix_circle_roster_description (self->record);
  adw_preferences_group_set_description (self->group, description);

  /* The people, then the form. The form stays in the list, with the focus
   * and where it is, unless it opens or closes: then it is taken out and
   * put back after them, so that it does so at once, as a new one would,
   * and marks no row before it as the one above an open form. */
  expand = n == 0 || self->form_expanded || editing != NULL;
  reopen = expand != adw_expander_row_get_expanded (self->form);
  list = GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (self->form)));
  g_object_ref (self->form);
  if (reopen)
    adw_preferences_group_remove (self->group, GTK_WIDGET (self->form));
  fill_form (self, editing, reopen, expand);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = person_row (self, i);

      if (reopen)
        adw_preferences_group_add (self->group, row);
      else
        gtk_list_box_insert (list, row, (int) i);
      g_ptr_array_add (self->rows, row);
    }
  if (reopen)
    adw_preferences_group_add (self->group, GTK_WIDGET (self->form));
  g_object_unref (self->form);
}

/**
 * mix_session_roster_take_focus:
 *
 * Once rebuilt and laid out: the focus goes back to the form's name if a
 * person was just added or is being edited there.
 *
 * Returns: whether the name has the focus again
 */
gboolean
mix_session_roster_take_focus (MixSessionRoster *self)
{
  gboolean take;

  g_return_val_if_fail (MIX_IS_SESSION_ROSTER (self), FALSE);

  take = self->focus_name && self->record != NULL;
  if (take)
    gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  self->focus_name = FALSE;
  return take;
}

/* The whole group taken off the roster by Reset, for Undo. */
typedef struct
{
  GWeakRef          roster;
  MixSessionRecord *record;
  GPtrArray        *entries;  /* of MixRosterEntry, while off the roster; else empty */
  guint             n;
} RosterClear;

static void
roster_clear_free (gpointer data)
{
  RosterClear *clear = data;

  g_weak_ref_clear (&clear->roster);
  g_object_unref (clear->record);
  g_ptr_array_unref (clear->entries);
  g_free (clear);
}

static gboolean
undo_clear_roster (gpointer data)
{
  RosterClear *clear = data;
  g_autoptr(MixSessionRoster) roster = roster_showing (&clear->roster, clear->record);

  if (roster == NULL || clear->entries->len == 0)
    return FALSE;
  for (guint i = 0; i < clear->entries->len; i++)
    mix_session_record_restore_person (clear->record, G_MAXUINT, clear->entries->pdata[i]);
  /* The record has them now. */
  g_ptr_array_set_free_func (clear->entries, NULL);
  g_ptr_array_set_size (clear->entries, 0);
  g_ptr_array_set_free_func (clear->entries, (GDestroyNotify) mix_roster_entry_free);
  roster->editing_person = -1;
  changed (roster);
  return TRUE;
}

static gboolean
redo_clear_roster (gpointer data)
{
  RosterClear *clear = data;
  g_autoptr(MixSessionRoster) roster = roster_showing (&clear->roster, clear->record);

  if (roster == NULL || clear->entries->len > 0 ||
      mix_session_record_get_n_people (clear->record) != clear->n)
    return FALSE;
  while (mix_session_record_get_n_people (clear->record) > 0)
    g_ptr_array_add (clear->entries, mix_session_record_take_person (clear->record, 0));
  changed (roster);
  return TRUE;
}

/**
 * mix_session_roster_clear:
 *
 * Takes the whole group off the roster, for the next circle; for Undo.
 */
void
mix_session_roster_clear (MixSessionRoster *self)
{
  RosterClear *clear;
  g_autofree char *message = NULL;

  g_return_if_fail (MIX_IS_SESSION_ROSTER (self));

  if (self->record == NULL || !self->writable)
    return;
  clear = g_new0 (RosterClear, 1);
  g_weak_ref_init (&clear->roster, self);
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

/**
 * mix_session_roster_get_record:
 *
 * Returns: (transfer none) (nullable): the session whose roster is shown
 */
MixSessionRecord *
mix_session_roster_get_record (MixSessionRoster *self)
{
  g_return_val_if_fail (MIX_IS_SESSION_ROSTER (self), NULL);
  return self->record;
}

/**
 * mix_session_roster_set_record:
 * @record: (nullable): the session in progress
 *
 * Shown with mix_session_roster_rebuild().
 */
void
mix_session_roster_set_record (MixSessionRoster *self,
                               MixSessionRecord *record)
{
  g_return_if_fail (MIX_IS_SESSION_ROSTER (self));
  g_return_if_fail (record == NULL || MIX_IS_SESSION_RECORD (record));

  if (!g_set_object (&self->record, record))
    return;
  self->editing_person = -1;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

/**
 * mix_session_roster_set_history:
 * @history: (nullable): the window's changes, for Undo
 */
void
mix_session_roster_set_history (MixSessionRoster *self,
                                MixHistory       *history)
{
  g_return_if_fail (MIX_IS_SESSION_ROSTER (self));
  g_return_if_fail (history == NULL || MIX_IS_HISTORY (history));

  g_set_object (&self->history, history);
}

/* With sessions read-only, what is undone or redone is not kept. */
void
mix_session_roster_set_writable (MixSessionRoster *self,
                                 gboolean          writable)
{
  g_return_if_fail (MIX_IS_SESSION_ROSTER (self));

  self->writable = !!writable;
}

static void
mix_session_roster_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  MixSessionRoster *self = MIX_SESSION_ROSTER (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mix_session_roster_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  MixSessionRoster *self = MIX_SESSION_ROSTER (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      mix_session_roster_set_record (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mix_session_roster_dispose (GObject *object)
{
  MixSessionRoster *self = MIX_SESSION_ROSTER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MIX_TYPE_SESSION_ROSTER);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->record);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (mix_session_roster_parent_class)->dispose (object);
}

static void
mix_session_roster_class_init (MixSessionRosterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mix_session_roster_dispose;
  object_class->get_property = mix_session_roster_get_property;
  object_class->set_property = mix_session_roster_set_property;

  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, MIX_TYPE_SESSION_RECORD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MixSessionRoster::changed:
   *
   * The roster changed, or the person in the form: the page shows it
   * again, and what depends on it.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/session/mix-session-roster.ui");
  gtk_widget_class_bind_template_child (widget_class, MixSessionRoster, add_button);
  gtk_widget_class_bind_template_child (widget_class, MixSessionRoster, add_label);
  gtk_widget_class_bind_template_child (widget_class, MixSessionRoster, cohort_row);
  gtk_widget_class_bind_template_child (widget_class, MixSessionRoster, confidence_row);
  gtk_widget_class_bind_template_child (widget_class, MixSessionRoster, form);
  gtk_widget_class_bind_template_child (widget_class, MixSessionRoster, group);
  gtk_widget_class_bind_template_child (widget_class, MixSessionRoster, leader_switch);
  gtk_widget_class_bind_template_child (widget_class, MixSessionRoster, module_row);
  gtk_widget_class_bind_template_child (widget_class, MixSessionRoster, name_row);
  gtk_widget_class_bind_template_child (widget_class, MixSessionRoster, program_row);
  gtk_widget_class_bind_template_child (widget_class, MixSessionRoster, pronouns_row);
  gtk_widget_class_bind_template_callback (widget_class, on_add_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_form_notify_expanded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_row_entry_activated_cb);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
mix_session_roster_init (MixSessionRoster *self)
{
  self->rows = g_ptr_array_new ();
  self->editing_person = -1;
  self->writable = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}
