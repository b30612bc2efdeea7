/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mix-session-close-out.h"
#include "mix-toast.h"

/**
 * MixSessionCloseOut:
 *
 * Close Out: the group's goal, when it is due, a buddy to hold them to it,
 * and the buttons that add the group to the tracker and finish the
 * session (the page's `session.add-to-tracker` and `session.finish`).
 */

struct _MixSessionCloseOut
{
  GtkWidget            parent_instance;

  AdwEntryRow         *buddy_row;
  AdwEntryRow         *due_row;
  AdwEntryRow         *goal_row;
  AdwPreferencesGroup *group;

  GtkWidget           *pick_button;  /* a buddy from the group */
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
on_due_row_apply_cb (AdwEntryRow        *row,
                     MixSessionCloseOut *self)
{
  g_autoptr(GError) error = NULL;

  if (self->record == NULL)
    return;
  if (!mix_session_record_set_goal_due (self->record, gtk_editable_get_text (GTK_EDITABLE (row)),
                                        &error))
    {
      gtk_widget_error_bell (GTK_WIDGET (row));
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      mix_show_toast (GTK_WIDGET (self), adw_toast_new (error->message));
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

static void
set_text (MixSessionCloseOut *self,
          AdwEntryRow        *row,
          const char         *text)
{
  g_signal_handlers_block_matched (row, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  g_signal_handlers_unblock_matched (row, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

/* Shows the record: its goal, and the group to pick a buddy from. */
static void
show_record (MixSessionCloseOut *self)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GMenu) menu = g_menu_new ();
  guint n = self->record != NULL ? mix_session_record_get_n_people (self->record) : 0;

  for (guint i = 0; i < n; i++)
    {
      const char *name = mix_session_record_get_person (self->record, i)->name;
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, name);
      g_menu_item_set_action_and_target (item, "close-out.set-buddy", "s", name);
      g_menu_append_item (menu, item);
    }
  if (names->len > 0)
    {
      /* Translators: %s lists the people in the circle. */
      g_autofree char *hint = g_markup_printf_escaped (_("A concrete, timebound goal, such as “I will reach out to 1 person by the end of this module”, and someone to hold you to it: %s."), names->str);
      adw_preferences_group_set_description (self->group, hint);
    }
  else
    adw_preferences_group_set_description (self->group, _("A concrete, timebound goal, such as “I will reach out to 1 person by the end of this module”, and someone to hold you to it."));

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
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
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

  gtk_widget_dispose_template (GTK_WIDGET (self), MIX_TYPE_SESSION_CLOSE_OUT);
  g_clear_object (&self->record);

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
  gtk_widget_class_bind_template_callback (widget_class, on_buddy_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_due_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_goal_row_changed_cb);

  gtk_widget_class_install_action (widget_class, "close-out.set-buddy", "s", set_buddy_action);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
mix_session_close_out_init (MixSessionCloseOut *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->pick_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->pick_button), "avatar-default-symbolic");
  gtk_widget_set_valign (self->pick_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->pick_button, "flat");
  gtk_widget_set_tooltip_text (self->pick_button, _("Pick Someone From the Group"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pick_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pick Someone From the Group"),
                                  -1);
  adw_entry_row_add_suffix (self->buddy_row, self->pick_button);
  show_record (self);
}
