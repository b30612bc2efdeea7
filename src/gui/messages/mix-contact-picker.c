/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mix-contact-picker.h"
#include "mix-messages-util.h"

/**
 * MixContactPicker:
 *
 * The popover of the "To" row: the people of the tracker, every tab, with
 * a search. Choosing one emits #MixContactPicker::contact-chosen.
 */

struct _MixContactPicker
{
  GtkPopover      parent_instance;

  /* Template children */
  GtkSearchEntry *contact_search;
  GtkListBox     *contacts_list;
  GtkLabel       *contacts_placeholder;

  MixTracker     *tracker;
};

G_DEFINE_FINAL_TYPE (MixContactPicker, mix_contact_picker, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_TRACKER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CONTACT_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define MAX_CONTACTS_SHOWN 200

static GtkWidget *
create_contact_row (MixRecord  *record,
                    const char *name,
                    const char *subtitle)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title_label = gtk_label_new (name);
  GtkWidget *subtitle_label = gtk_label_new (subtitle);
  g_autofree char *accessible = g_strdup_printf ("%s, %s", name, subtitle);

  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle_label, "caption");
  gtk_widget_add_css_class (subtitle_label, "dim-label");
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_box_append (GTK_BOX (box), subtitle_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "contact-id",
                          g_strdup (mix_record_get_id (record)), g_free);
  return row;
}

static void
rebuild_contacts (MixContactPicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->contact_search));
  g_autofree char *needle = mix_text_fold (text, -1);
  GtkWidget *child;
  guint shown = 0;
  guint total = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->contacts_list))) != NULL)
    gtk_list_box_remove (self->contacts_list, child);
  if (self->tracker == NULL)
    return;

  for (guint tab = 0; tab < MIX_N_TABS; tab++)
    {
      GListModel *rows = mix_tracker_get_rows (self->tracker, (MixTab) tab);
      guint n = g_list_model_get_n_items (rows);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(MixRecord) record = g_list_model_get_item (rows, i);
          const char *name = mix_contact_get_name (record);
          const char *company = mix_contact_get_company (record);
          const char *tab_title = _(mix_tab_get_info ((MixTab) tab)->title);
          g_autofree char *subtitle = NULL;

          if (mix_text_is_blank (name))
            continue;
          if (*needle != '\0' && !mix_text_contains_folded (name, needle) &&
              !mix_text_contains_folded (company, needle))
            continue;
          total++;
          if (shown >= MAX_CONTACTS_SHOWN)
            continue;
          shown++;

          subtitle = mix_text_is_blank (company) ? g_strdup (tab_title)
                                                 : g_strdup_printf ("%s · %s", company, tab_title);
          gtk_list_box_append (self->contacts_list, create_contact_row (record, name, subtitle));
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
on_contact_picker_show_cb (MixContactPicker *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->contact_search), "");
  rebuild_contacts (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->contact_search));
}

static void
on_contact_search_search_changed_cb (MixContactPicker *self)
{
  rebuild_contacts (self);
}

static void
on_contacts_list_row_activated_cb (MixContactPicker *self,
                                   GtkListBoxRow    *row)
{
  const char *contact_id = g_object_get_data (G_OBJECT (row), "contact-id");

  if (contact_id == NULL)
    return;
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[CONTACT_CHOSEN], 0, contact_id);
}

static void
on_contact_search_activate_cb (MixContactPicker *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->contacts_list, 0);

  if (row != NULL)
    on_contacts_list_row_activated_cb (self, row);
}

/* Down from the contact search goes to the first contact. */
static gboolean
on_contact_search_key_pressed_cb (MixContactPicker      *self,
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

MixTracker *
mix_contact_picker_get_tracker (MixContactPicker *self)
{
  g_return_val_if_fail (MIX_IS_CONTACT_PICKER (self), NULL);
  return self->tracker;
}

void
mix_contact_picker_set_tracker (MixContactPicker *self,
                                MixTracker       *tracker)
{
  g_return_if_fail (MIX_IS_CONTACT_PICKER (self));
  g_return_if_fail (tracker == NULL || MIX_IS_TRACKER (tracker));

  if (g_set_object (&self->tracker, tracker))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRACKER]);
}

static void
mix_contact_picker_dispose (GObject *object)
{
  MixContactPicker *self = MIX_CONTACT_PICKER (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), MIX_TYPE_CONTACT_PICKER);
  g_clear_object (&self->tracker);

  G_OBJECT_CLASS (mix_contact_picker_parent_class)->dispose (object);
}

static void
mix_contact_picker_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  MixContactPicker *self = MIX_CONTACT_PICKER (object);

  switch (prop_id)
    {
    case PROP_TRACKER:
      g_value_set_object (value, self->tracker);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mix_contact_picker_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  MixContactPicker *self = MIX_CONTACT_PICKER (object);

  switch (prop_id)
    {
    case PROP_TRACKER:
      mix_contact_picker_set_tracker (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mix_contact_picker_class_init (MixContactPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mix_contact_picker_dispose;
  object_class->get_property = mix_contact_picker_get_property;
  object_class->set_property = mix_contact_picker_set_property;

  properties[PROP_TRACKER] =
    g_param_spec_object ("tracker", NULL, NULL, MIX_TYPE_TRACKER,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MixContactPicker::contact-chosen:
   * @contact_id: the tracker row's id
   */
  signals[CONTACT_CHOSEN] =
    g_signal_new ("contact-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/messages/mix-contact-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, MixContactPicker, contact_search);
  gtk_widget_class_bind_template_child (widget_class, MixContactPicker, contacts_list);
  gtk_widget_class_bind_template_child (widget_class, MixContactPicker, contacts_placeholder);

  gtk_widget_class_bind_template_callback (widget_class, on_contact_picker_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_contact_search_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_contact_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_contact_search_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_contacts_list_row_activated_cb);
}

static void
mix_contact_picker_init (MixContactPicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
