/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mix-session-close-out.h"
#include "mix-toast.h"

/**
 * MixSessionCloseOut:
 *
 * Close Out: each person's goal, when it is due and a buddy from the group
 * to hold them to it, one row for each person that opens on their three
 * fields; the group's one goal of an earlier version, for a session that
 * has it; and the buttons that share the circle, add the group to the
 * tracker and finish the session (the page's actions).
 */

/* The rows of one person of the roster. */
typedef struct
{
  MixSessionCloseOut *self;
  guint               index;
  AdwExpanderRow     *expander;
  AdwEntryRow        *goal_row;
  AdwEntryRow        *due_row;
  AdwEntryRow        *buddy_row;
  GtkWidget          *pick_button;
} PersonRows;

struct _MixSessionCloseOut
{
  GtkWidget            parent_instance;

  AdwEntryRow         *buddy_row;
  AdwEntryRow         *due_row;
  AdwEntryRow         *goal_row;
  AdwPreferencesGroup *group;
  AdwPreferencesGroup *group_goal;
  GtkWidget           *nobody_row;

  GtkWidget           *pick_button;  /* a buddy from the group, for the group's goal */
  GPtrArray           *people;       /* PersonRows, one for each on the roster */
  char                *shown_names;  /* the roster the rows were made for */
  MixSessionRecord    *record;       /* nullable */
};

G_DEFINE_FINAL_TYPE (MixSessionCloseOut, mix_session_close_out, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_goal_row_changed_cb (GtkEditable        *editable,
                        MixSessionCloseOut *self)
{
  if (self->record != NULL)
    mix_session_record_set_goal_text (self->record, gtk_editable_get_text (editable));
}

static void
on_buddy_row_changed_cb (GtkEditable        *editable,
                         MixSessionCloseOut *self)
{
  if (self->record != NULL)
    mix_session_record_set_buddy (self->record, gtk_editable_get_text (editable));
}

static void
show_due_error (MixSessionCloseOut *self,
                AdwEntryRow        *row,
                const GError       *error)
{
  gtk_widget_error_bell (GTK_WIDGET (row));
  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  mix_show_toast (GTK_WIDGET (self), adw_toast_new (error->message));
}

static void
on_due_row_apply_cb (AdwEntryRow        *row,
                     MixSessionCloseOut *self)
{
  g_autoptr(GError) error = NULL;

  if (self->record == NULL)
    return;
  if (!mix_session_record_set_goal_due (self->record, gtk_editable_get_text (GTK_EDITABLE (row)),
                                        &error))
    {
      show_due_error (self, row, error);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_editable_set_text (GTK_EDITABLE (row), mix_session_record_get_goal_due (self->record) ?: "");
}

static void
set_buddy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  MixSessionCloseOut *self = MIX_SESSION_CLOSE_OUT (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->buddy_row), g_variant_get_string (parameter, NULL));
}

static void on_person_text_changed_cb (GtkEditable *editable,
                                       gpointer     rows);

static void
set_text (MixSessionCloseOut *self,
          AdwEntryRow        *row,
          const char         *text)
{
  /* Left alone when it already says so: the cursor stays where it is. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text ? text : "") == 0)
    return;
  g_signal_handlers_block_matched (row, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  g_signal_handlers_block_matched (row, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                   on_person_text_changed_cb, NULL);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  g_signal_handlers_unblock_matched (row, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                     on_person_text_changed_cb, NULL);
  g_signal_handlers_unblock_matched (row, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

/* A person's goal in a line, under their name. */
static char *
goal_summary (const MixPerson *person)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (!mix_person_has_goal (person))
    g_string_append (text, _("No goal yet"));
  else
    {
      g_autofree char *goal = g_strstrip (g_strdup (person->goal));

      g_string_append (text, goal);
      if (*person->goal_due != '\0')
        {
          g_string_append (text, " · ");
          /* Translators: when a person's goal is due, YYYY-MM-DD. */
          g_string_append_printf (text, _("by %s"), person->goal_due);
        }
    }
  if (*person->buddy != '\0')
    {
      g_string_append (text, " · ");
      /* Translators: who holds a person to their goal. */
      g_string_append_printf (text, _("buddy: %s"), person->buddy);
    }
  return g_markup_escape_text (text->str, -1);
}

static void
show_person (PersonRows *rows)
{
  MixSessionCloseOut *self = rows->self;
  const MixPerson *person = mix_session_record_get_person (self->record, rows->index);
  g_autofree char *subtitle = goal_summary (person);

  adw_expander_row_set_subtitle (rows->expander, subtitle);
  set_text (self, rows->goal_row, person->goal);
  /* The date being typed is left as typed until it is applied. */
  if (!gtk_widget_has_css_class (GTK_WIDGET (rows->due_row), "error"))
    set_text (self, rows->due_row, person->goal_due);
  set_text (self, rows->buddy_row, person->buddy);
}

/* Sets the person's goal from their rows, with @due as the date. */
static gboolean
apply_person (PersonRows  *rows,
              const char  *due,
              GError     **error)
{
  MixSessionCloseOut *self = rows->self;

  if (self->record == NULL || rows->index >= mix_session_record_get_n_people (self->record))
    return TRUE;
  if (!mix_session_record_set_person_goal (self->record, rows->index,
                                           gtk_editable_get_text (GTK_EDITABLE (rows->goal_row)),
                                           due,
                                           gtk_editable_get_text (GTK_EDITABLE (rows->buddy_row)),
                                           error))
    return FALSE;
  /* Only the line under the name: the rows keep what is typed in them. */
  {
    g_autofree char *subtitle =
      goal_summary (mix_session_record_get_person (self->record, rows->index));

    adw_expander_row_set_subtitle (rows->expander, subtitle);
  }
  return TRUE;
}

static void
on_person_text_changed_cb (GtkEditable *editable,
                           gpointer     data)
{
  PersonRows *rows = data;
  const MixPerson *person;

  if (rows->self->record == NULL ||
      rows->index >= mix_session_record_get_n_people (rows->self->record))
    return;
  /* The date as it was applied: one being typed is not taken yet. */
  person = mix_session_record_get_person (rows->self->record, rows->index);
  apply_person (rows, person->goal_due, NULL);
}

static void
on_person_due_apply_cb (AdwEntryRow *row,
                        PersonRows  *rows)
{
  g_autoptr(GError) error = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  if (!apply_person (rows, gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      show_due_error (rows->self, row, error);
      return;
    }
  /* As it is kept: 2026/12/5 reads 2026-12-05. */
  set_text (rows->self, row,
            mix_session_record_get_person (rows->self->record, rows->index)->goal_due);
}

static void
set_person_buddy_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  MixSessionCloseOut *self = MIX_SESSION_CLOSE_OUT (widget);
  guint index;
  const char *name;

  g_variant_get (parameter, "(u&s)", &index, &name);
  if (index < self->people->len)
    {
      PersonRows *rows = self->people->pdata[index];

      gtk_editable_set_text (GTK_EDITABLE (rows->buddy_row), name);
    }
}

static GtkWidget *
pick_button_new (void)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "avatar-default-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Pick Someone From the Group"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pick Someone From the Group"),
                                  -1);
  return button;
}

static AdwEntryRow *
entry_row_new (const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  return ADW_ENTRY_ROW (row);
}

/* The rows of the person at @index: their name, their goal in a line, and
 * inside the goal, the date and the buddy, picked from the others. */
static PersonRows *
person_rows_new (MixSessionCloseOut *self,
                 guint               index)
{
  const MixPerson *person = mix_session_record_get_person (self->record, index);
  guint n = mix_session_record_get_n_people (self->record);
  PersonRows *rows = g_new0 (PersonRows, 1);
  g_autofree char *title = g_markup_escape_text (person->name, -1);
  g_autoptr(GMenu) menu = g_menu_new ();

  rows->self = self;
  rows->index = index;
  rows->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->expander), title);
  rows->goal_row = entry_row_new (_("Networking Goal"));
  rows->due_row = entry_row_new (_("By When (YYYY-MM-DD)"));
  adw_entry_row_set_show_apply_button (rows->due_row, TRUE);
  rows->buddy_row = entry_row_new (_("Accountability Buddy"));
  adw_expander_row_add_row (rows->expander, GTK_WIDGET (rows->goal_row));
  adw_expander_row_add_row (rows->expander, GTK_WIDGET (rows->due_row));
  adw_expander_row_add_row (rows->expander, GTK_WIDGET (rows->buddy_row));

  for (guint i = 0; i < n; i++)
    {
      const char *name = mix_session_record_get_person (self->record, i)->name;
      g_autoptr(GMenuItem) item = NULL;

      if (i == index)
        continue;
      item = g_menu_item_new (name, NULL);
      g_menu_item_set_action_and_target (item, "close-out.set-person-buddy", "(us)", index, name);
      g_menu_append_item (menu, item);
    }
  if (n > 1)
    {
      rows->pick_button = pick_button_new ();
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (rows->pick_button), G_MENU_MODEL (menu));
      adw_entry_row_add_suffix (rows->buddy_row, rows->pick_button);
    }

  show_person (rows);
  g_signal_connect (rows->goal_row, "changed", G_CALLBACK (on_person_text_changed_cb), rows);
  g_signal_connect (rows->buddy_row, "changed", G_CALLBACK (on_person_text_changed_cb), rows);
  g_signal_connect (rows->due_row, "apply", G_CALLBACK (on_person_due_apply_cb), rows);
  g_signal_connect (rows->due_row, "entry-activated", G_CALLBACK (on_person_due_apply_cb), rows);
  return rows;
}

static void
person_rows_free (PersonRows *rows)
{
  adw_preferences_group_remove (rows->self->group, GTK_WIDGET (rows->expander));
  g_free (rows);
}

/* The names on the roster, in order, to know when the rows are to be made
 * anew. */
static char *
roster_names (MixSessionRecord *record)
{
  GString *names = g_string_new (NULL);
  guint n = record != NULL ? mix_session_record_get_n_people (record) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_string_append (names, mix_session_record_get_person (record, i)->name);
      g_string_append_c (names, '\n');
    }
  return g_string_free (names, FALSE);
}

/* Shows each person's goal, made anew when the roster changed, and the
 * group's goal of an earlier version. */
static void
show_people (MixSessionCloseOut *self)
{
  g_autofree char *names = roster_names (self->record);
  guint n = self->record != NULL ? mix_session_record_get_n_people (self->record) : 0;

  if (g_strcmp0 (names, self->shown_names) != 0)
    {
      g_autoptr(GHashTable) expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      /* Who was open stays open, by name. */
      for (guint i = 0; i < self->people->len; i++)
        {
          PersonRows *rows = self->people->pdata[i];

          if (adw_expander_row_get_expanded (rows->expander))
            g_hash_table_add (expanded,
                              g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rows->expander))));
        }
      g_ptr_array_set_size (self->people, 0);
      for (guint i = 0; i < n; i++)
        {
          PersonRows *rows = person_rows_new (self, i);
          const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rows->expander));

          adw_expander_row_set_expanded (rows->expander, g_hash_table_contains (expanded, title));
          adw_preferences_group_add (self->group, GTK_WIDGET (rows->expander));
          g_ptr_array_add (self->people, rows);
        }
      g_free (self->shown_names);
      self->shown_names = g_steal_pointer (&names);
    }
  else
    for (guint i = 0; i < self->people->len; i++)
      show_person (self->people->pdata[i]);

  gtk_widget_set_visible (self->nobody_row, n == 0);
}

/* Shows the record: each person's goal, and the group's. */
static void
show_record (MixSessionCloseOut *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  guint n = self->record != NULL ? mix_session_record_get_n_people (self->record) : 0;

  show_people (self);

  for (guint i = 0; i < n; i++)
    {
      const char *name = mix_session_record_get_person (self->record, i)->name;
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target (item, "close-out.set-buddy", "s", name);
      g_menu_append_item (menu, item);
    }

  set_text (self, self->goal_row, self->record ? mix_session_record_get_goal_text (self->record) : "");
  set_text (self, self->due_row, self->record ? mix_session_record_get_goal_due (self->record) : "");
  set_text (self, self->buddy_row, self->record ? mix_session_record_get_buddy (self->record) : "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->due_row), "error");

  /* The buddy is typed, or picked from the group. The row's box of
   * suffixes holds nothing else: hidden with the button, the row is laid
   * out as one without suffixes. */
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->pick_button), G_MENU_MODEL (menu));
  gtk_widget_set_visible (self->pick_button, n > 0);
  gtk_widget_set_visible (gtk_widget_get_parent (self->pick_button), n > 0);
}

/* Whether the record has the group's goal of an earlier version. */
static gboolean
has_group_goal (MixSessionRecord *record)
{
  return record != NULL &&
         (*mix_session_record_get_goal_text (record) != '\0' ||
          mix_session_record_get_goal_due (record) != NULL ||
          *mix_session_record_get_buddy (record) != '\0');
}

/**
 * mix_session_close_out_get_record:
 *
 * Returns: (transfer none) (nullable): the session whose goal is shown
 */
MixSessionRecord *
mix_session_close_out_get_record (MixSessionCloseOut *self)
{
  g_return_val_if_fail (MIX_IS_SESSION_CLOSE_OUT (self), NULL);
  return self->record;
}

/**
 * mix_session_close_out_set_record:
 * @record: (nullable): the session in progress
 *
 * Shows @record's goal and group, as they are now.
 */
void
mix_session_close_out_set_record (MixSessionCloseOut *self,
                                  MixSessionRecord   *record)
{
  g_return_if_fail (MIX_IS_SESSION_CLOSE_OUT (self));
  g_return_if_fail (record == NULL || MIX_IS_SESSION_RECORD (record));

  if (g_set_object (&self->record, record))
    {
      /* Shown for the session that has it, and stays while it is cleared. */
      gtk_widget_set_visible (GTK_WIDGET (self->group_goal), has_group_goal (record));
      g_clear_pointer (&self->shown_names, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
    }
  show_record (self);
}

static void
mix_session_close_out_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  MixSessionCloseOut *self = MIX_SESSION_CLOSE_OUT (object);

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
mix_session_close_out_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  MixSessionCloseOut *self = MIX_SESSION_CLOSE_OUT (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      mix_session_close_out_set_record (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mix_session_close_out_dispose (GObject *object)
{
  MixSessionCloseOut *self = MIX_SESSION_CLOSE_OUT (object);

  GtkWidget *child;

  g_clear_pointer (&self->people, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIX_TYPE_SESSION_CLOSE_OUT);
  /* The template's box, which holds the groups, is not one of its named
   * children. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->record);
  g_clear_pointer (&self->shown_names, g_free);

  G_OBJECT_CLASS (mix_session_close_out_parent_class)->dispose (object);
}

static void
mix_session_close_out_class_init (MixSessionCloseOutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mix_session_close_out_dispose;
  object_class->get_property = mix_session_close_out_get_property;
  object_class->set_property = mix_session_close_out_set_property;

  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, MIX_TYPE_SESSION_RECORD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/session/mix-session-close-out.ui");
  gtk_widget_class_bind_template_child (widget_class, MixSessionCloseOut, buddy_row);
  gtk_widget_class_bind_template_child (widget_class, MixSessionCloseOut, due_row);
  gtk_widget_class_bind_template_child (widget_class, MixSessionCloseOut, goal_row);
  gtk_widget_class_bind_template_child (widget_class, MixSessionCloseOut, group);
  gtk_widget_class_bind_template_child (widget_class, MixSessionCloseOut, group_goal);
  gtk_widget_class_bind_template_child (widget_class, MixSessionCloseOut, nobody_row);
  gtk_widget_class_bind_template_callback (widget_class, on_buddy_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_due_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_goal_row_changed_cb);

  gtk_widget_class_install_action (widget_class, "close-out.set-buddy", "s", set_buddy_action);
  gtk_widget_class_install_action (widget_class, "close-out.set-person-buddy", "(us)",
                                   set_person_buddy_action);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
mix_session_close_out_init (MixSessionCloseOut *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->people = g_ptr_array_new_with_free_func ((GDestroyNotify) person_rows_free);
  self->pick_button = pick_button_new ();
  adw_entry_row_add_suffix (self->buddy_row, self->pick_button);
  show_record (self);
}
