/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mix-draft-list.h"
#include "mix-messages-util.h"

/**
 * MixDraftList:
 *
 * The drafts, newest first, with a search. Picking one emits
 * #MixDraftList::draft-selected (or ::draft-activated, to go to it); the
 * page says which draft is shown with mix_draft_list_select().
 */

struct _MixDraftList
{
  AdwBin              parent_instance;

  /* Template children */
  GtkListBox         *drafts_list;
  GtkLabel           *drafts_placeholder;
  GtkSearchEntry     *search_entry;

  MixDrafts          *drafts;
  GtkSortListModel   *sorted;
  GtkFilterListModel *filtered;
  GtkCustomSorter    *sorter;
  GtkCustomFilter    *filter;
  char               *needle;          /* casefolded search text */

  MixDraft           *draft;           /* the draft shown, nullable */
  gboolean            reselecting;     /* the list changed under the selection */
  gboolean            bound;
};

G_DEFINE_FINAL_TYPE (MixDraftList, mix_draft_list, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DRAFTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DRAFT_SELECTED,
  DRAFT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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
  gtk_label_set_text (title, mix_draft_get_display_recipient (draft));
  gtk_label_set_text (subtitle, details);

  name = g_strdup_printf ("%s, %s", mix_draft_get_display_recipient (draft), details);
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
filter_draft (gpointer item,
              gpointer user_data)
{
  MixDraftList *self = user_data;
  MixDraft *draft = item;

  if (self->needle == NULL || *self->needle == '\0')
    return TRUE;
  return mix_text_contains_folded (mix_draft_get_recipient (draft), self->needle) ||
         mix_text_contains_folded (mix_draft_get_subject (draft), self->needle) ||
         mix_text_contains_folded (mix_draft_get_body (draft), self->needle);
}

static GtkListBoxRow *
find_draft_row (MixDraftList *self,
                MixDraft     *draft)
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

/* Selects the row of the draft shown, without telling anyone. */
static void
select_current_row (MixDraftList *self)
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
on_filtered_items_changed_cb (MixDraftList *self)
{
  select_current_row (self);
}

static void
on_drafts_list_row_selected_cb (MixDraftList  *self,
                                GtkListBoxRow *row)
{
  if (self->reselecting || row == NULL)
    return;
  g_signal_emit (self, signals[DRAFT_SELECTED], 0, g_object_get_data (G_OBJECT (row), "draft"));
}

static void
on_drafts_list_row_activated_cb (MixDraftList  *self,
                                 GtkListBoxRow *row)
{
  g_signal_emit (self, signals[DRAFT_ACTIVATED], 0, g_object_get_data (G_OBJECT (row), "draft"));
}

static void
on_search_entry_search_changed_cb (MixDraftList *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_free (self->needle);
  self->needle = mix_text_fold (text, -1);
  gtk_label_set_text (self->drafts_placeholder,
                      *text != '\0' ? _("No drafts match") : _("No drafts"));
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * mix_draft_list_set_drafts:
 *
 * Lists @drafts, newest first. Called once.
 */
void
mix_draft_list_set_drafts (MixDraftList *self,
                           MixDrafts    *drafts)
{
  g_return_if_fail (MIX_IS_DRAFT_LIST (self));
  g_return_if_fail (MIX_IS_DRAFTS (drafts));
  g_return_if_fail (self->drafts == NULL);

  self->drafts = g_object_ref (drafts);
  self->sorter = gtk_custom_sorter_new (compare_drafts, NULL, NULL);
  self->filter = gtk_custom_filter_new (filter_draft, self, NULL);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (drafts)),
                                          g_object_ref (GTK_SORTER (self->sorter)));
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sorted)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFTS]);
}

/**
 * mix_draft_list_bind:
 *
 * Makes a row for each draft. A row for each of hundreds of drafts costs
 * start-up time, so this waits until the list is first shown.
 */
void
mix_draft_list_bind (MixDraftList *self)
{
  g_return_if_fail (MIX_IS_DRAFT_LIST (self));

  if (self->bound || self->filtered == NULL)
    return;
  self->bound = TRUE;
  gtk_list_box_bind_model (self->drafts_list, G_LIST_MODEL (self->filtered),
                           create_draft_row, self, NULL);
  g_signal_connect_swapped (self->filtered, "items-changed",
                            G_CALLBACK (on_filtered_items_changed_cb), self);
}

gboolean
mix_draft_list_is_bound (MixDraftList *self)
{
  g_return_val_if_fail (MIX_IS_DRAFT_LIST (self), FALSE);
  return self->bound;
}

MixDraft *
mix_draft_list_get_draft (MixDraftList *self)
{
  g_return_val_if_fail (MIX_IS_DRAFT_LIST (self), NULL);
  return self->draft;
}

/**
 * mix_draft_list_select:
 * @draft: (nullable): the draft shown
 *
 * Selects the row of @draft, without emitting ::draft-selected.
 */
void
mix_draft_list_select (MixDraftList *self,
                       MixDraft     *draft)
{
  g_return_if_fail (MIX_IS_DRAFT_LIST (self));

  g_set_object (&self->draft, draft);
  select_current_row (self);
}

/**
 * mix_draft_list_resort:
 *
 * The draft shown changed: it is now the newest, so it goes to the top of
 * the list unless it is there already.
 */
void
mix_draft_list_resort (MixDraftList *self)
{
  g_autoptr(MixDraft) first = NULL;

  g_return_if_fail (MIX_IS_DRAFT_LIST (self));

  if (self->draft == NULL || self->sorted == NULL)
    return;
  first = g_list_model_get_item (G_LIST_MODEL (self->sorted), 0);
  if (first != self->draft)
    gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

/**
 * mix_draft_list_dup_first:
 * @filtered: whether of the drafts the search shows, or of all
 *
 * Returns: (transfer full) (nullable): the newest draft
 */
MixDraft *
mix_draft_list_dup_first (MixDraftList *self,
                          gboolean      filtered)
{
  g_return_val_if_fail (MIX_IS_DRAFT_LIST (self), NULL);

  if (self->sorted == NULL)
    return NULL;
  return g_list_model_get_item (filtered ? G_LIST_MODEL (self->filtered)
                                         : G_LIST_MODEL (self->sorted), 0);
}

/* A new draft must be seen. */
void
mix_draft_list_clear_search (MixDraftList *self)
{
  g_return_if_fail (MIX_IS_DRAFT_LIST (self));

  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

void
mix_draft_list_focus_search (MixDraftList *self)
{
  g_return_if_fail (MIX_IS_DRAFT_LIST (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Focuses the row of the draft shown. */
void
mix_draft_list_focus_draft (MixDraftList *self)
{
  GtkListBoxRow *row;

  g_return_if_fail (MIX_IS_DRAFT_LIST (self));

  row = self->draft != NULL ? find_draft_row (self, self->draft) : NULL;
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
mix_draft_list_dispose (GObject *object)
{
  MixDraftList *self = MIX_DRAFT_LIST (object);

  if (self->drafts_list != NULL)
    gtk_list_box_bind_model (self->drafts_list, NULL, NULL, NULL, NULL);
  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_data (self->filtered, self);
  /* Its child may be a template child too: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), MIX_TYPE_DRAFT_LIST);

  g_clear_object (&self->filtered);
  g_clear_object (&self->sorted);
  g_clear_object (&self->sorter);
  g_clear_object (&self->filter);
  g_clear_object (&self->drafts);
  g_clear_object (&self->draft);

  G_OBJECT_CLASS (mix_draft_list_parent_class)->dispose (object);
}

static void
mix_draft_list_finalize (GObject *object)
{
  MixDraftList *self = MIX_DRAFT_LIST (object);

  g_free (self->needle);

  G_OBJECT_CLASS (mix_draft_list_parent_class)->finalize (object);
}

static void
mix_draft_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MixDraftList *self = MIX_DRAFT_LIST (object);

  switch (prop_id)
    {
    case PROP_DRAFTS:
      g_value_set_object (value, self->drafts);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mix_draft_list_class_init (MixDraftListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mix_draft_list_dispose;
  object_class->finalize = mix_draft_list_finalize;
  object_class->get_property = mix_draft_list_get_property;

  /* The drafts listed: set once, with mix_draft_list_set_drafts(). */
  properties[PROP_DRAFTS] =
    g_param_spec_object ("drafts", NULL, NULL, MIX_TYPE_DRAFTS,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MixDraftList::draft-selected:
   * @draft: the draft picked
   */
  signals[DRAFT_SELECTED] =
    g_signal_new ("draft-selected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, MIX_TYPE_DRAFT);
  /**
   * MixDraftList::draft-activated:
   * @draft: the draft to go to
   */
  signals[DRAFT_ACTIVATED] =
    g_signal_new ("draft-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, MIX_TYPE_DRAFT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/messages/mix-draft-list.ui");
  gtk_widget_class_bind_template_child (widget_class, MixDraftList, drafts_list);
  gtk_widget_class_bind_template_child (widget_class, MixDraftList, drafts_placeholder);
  gtk_widget_class_bind_template_child (widget_class, MixDraftList, search_entry);

  gtk_widget_class_bind_template_callback (widget_class, on_drafts_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_drafts_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
}

static void
mix_draft_list_init (MixDraftList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
