/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mix-guide.h"
#include "mix-session-plan.h"

/**
 * MixSessionPlan:
 *
 * The minutes planned for each phase, against what the guide suggests and
 * the 30-minute slot; each change for Undo. Locked while the timer runs.
 *
 * It emits #MixSessionPlan::changed when the plan changed.
 */

struct _MixSessionPlan
{
  GtkWidget            parent_instance;

  AdwPreferencesGroup *group;

  GtkSpinButton       *spins[MIX_N_PHASES];
  GtkWidget           *warnings[MIX_N_PHASES];
  MixTimer            *timer;    /* nullable until set */
  MixHistory          *history;  /* nullable: the window's, for Undo */
  gboolean             writable;
};

G_DEFINE_FINAL_TYPE (MixSessionPlan, mix_session_plan, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TIMER,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_total (MixSessionPlan *self)
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
  adw_preferences_group_set_description (self->group, text);

  for (guint p = 0; p < MIX_N_PHASES; p++)
    {
      const MixPhaseInfo *info = mix_guide_get_phase (p);
      guint minutes = mix_timer_get_planned_minutes (self->timer, p);

      gtk_widget_set_visible (self->warnings[p],
                              minutes < info->min_minutes || minutes > info->max_minutes);
    }
}

/* A phase's minutes changed in the plan, for Undo: the steps of one spin
 * button in a row are one change. */
typedef struct
{
  GWeakRef plan;
  guint    phase;
  guint    before;
  guint    after;
} PlanChange;

static void
plan_change_free (gpointer data)
{
  PlanChange *change = data;

  g_weak_ref_clear (&change->plan);
  g_free (change);
}

static gboolean
set_planned (PlanChange *change,
             guint       minutes)
{
  g_autoptr(MixSessionPlan) plan = g_weak_ref_get (&change->plan);

  if (plan == NULL || !plan->writable)
    return FALSE;
  /* The spin button shows it, and its handler sets the timer. */
  gtk_spin_button_set_value (plan->spins[change->phase], minutes);
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
remember_change (MixSessionPlan *self,
                 guint           phase,
                 guint           before,
                 guint           after)
{
  PlanChange *last;
  PlanChange *change;
  g_autofree char *label = NULL;

  if (self->history == NULL || mix_history_is_busy (self->history) || before == after)
    return;
  last = mix_history_peek_last (self->history, undo_plan);
  if (last != NULL && last->phase == phase)
    {
      last->after = after;
      return;
    }

  change = g_new0 (PlanChange, 1);
  g_weak_ref_init (&change->plan, self);
  change->phase = phase;
  change->before = before;
  change->after = after;
  /* Translators: %s is a phase of the circle, such as “Introductions”. */
  label = g_strdup_printf (_("Changed the plan for %s"), _(mix_guide_get_phase (phase)->title));
  mix_history_push (self->history, label, undo_plan, redo_plan, change, plan_change_free);
}

static void
on_spin_value_changed_cb (GtkSpinButton  *spin,
                          MixSessionPlan *self)
{
  if (self->timer == NULL)
    return;

  for (guint p = 0; p < MIX_N_PHASES; p++)
    if (self->spins[p] == spin)
      {
        guint before = mix_timer_get_planned_minutes (self->timer, p);
        guint after = (guint) gtk_spin_button_get_value_as_int (spin);

        mix_timer_set_planned_minutes (self->timer, p, after);
        remember_change (self, p, before, after);
      }

  update_total (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * mix_session_plan_sync:
 *
 * Shows the timer's plan, as it is now.
 */
void
mix_session_plan_sync (MixSessionPlan *self)
{
  g_return_if_fail (MIX_IS_SESSION_PLAN (self));

  if (self->timer == NULL)
    return;
  for (guint p = 0; p < MIX_N_PHASES; p++)
    {
      g_signal_handlers_block_by_func (self->spins[p], on_spin_value_changed_cb, self);
      gtk_spin_button_set_value (self->spins[p], mix_timer_get_planned_minutes (self->timer, p));
      g_signal_handlers_unblock_by_func (self->spins[p], on_spin_value_changed_cb, self);
    }
  update_total (self);
}

MixTimer *
mix_session_plan_get_timer (MixSessionPlan *self)
{
  g_return_val_if_fail (MIX_IS_SESSION_PLAN (self), NULL);
  return self->timer;
}

/**
 * mix_session_plan_set_timer:
 * @timer: (nullable): the timer whose plan is shown and changed
 */
void
mix_session_plan_set_timer (MixSessionPlan *self,
                            MixTimer       *timer)
{
  g_return_if_fail (MIX_IS_SESSION_PLAN (self));
  g_return_if_fail (timer == NULL || MIX_IS_TIMER (timer));

  if (!g_set_object (&self->timer, timer))
    return;
  mix_session_plan_sync (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMER]);
}

/**
 * mix_session_plan_set_history:
 * @history: (nullable): the window's changes, for Undo
 */
void
mix_session_plan_set_history (MixSessionPlan *self,
                              MixHistory     *history)
{
  g_return_if_fail (MIX_IS_SESSION_PLAN (self));
  g_return_if_fail (history == NULL || MIX_IS_HISTORY (history));

  g_set_object (&self->history, history);
}

/* With sessions read-only, a change undone or redone would not be kept. */
void
mix_session_plan_set_writable (MixSessionPlan *self,
                               gboolean        writable)
{
  g_return_if_fail (MIX_IS_SESSION_PLAN (self));

  self->writable = !!writable;
}

/* The plan is changed only before the timer starts. */
void
mix_session_plan_set_editable (MixSessionPlan *self,
                               gboolean        editable)
{
  g_return_if_fail (MIX_IS_SESSION_PLAN (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->group), editable);
}

static void
build_rows (MixSessionPlan *self)
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

      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), info->default_minutes);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      /* Named by the row's title, which the row makes its label. */
      g_signal_connect (spin, "value-changed", G_CALLBACK (on_spin_value_changed_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);

      self->spins[p] = GTK_SPIN_BUTTON (spin);
      self->warnings[p] = warning;
      adw_preferences_group_add (self->group, row);
    }
}

static void
mix_session_plan_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MixSessionPlan *self = MIX_SESSION_PLAN (object);

  switch (prop_id)
    {
    case PROP_TIMER:
      g_value_set_object (value, self->timer);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mix_session_plan_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MixSessionPlan *self = MIX_SESSION_PLAN (object);

  switch (prop_id)
    {
    case PROP_TIMER:
      mix_session_plan_set_timer (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mix_session_plan_dispose (GObject *object)
{
  MixSessionPlan *self = MIX_SESSION_PLAN (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MIX_TYPE_SESSION_PLAN);
  g_clear_object (&self->timer);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (mix_session_plan_parent_class)->dispose (object);
}

static void
mix_session_plan_class_init (MixSessionPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mix_session_plan_dispose;
  object_class->get_property = mix_session_plan_get_property;
  object_class->set_property = mix_session_plan_set_property;

  properties[PROP_TIMER] =
    g_param_spec_object ("timer", NULL, NULL, MIX_TYPE_TIMER,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MixSessionPlan::changed:
   *
   * A phase's planned minutes changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/session/mix-session-plan.ui");
  gtk_widget_class_bind_template_child (widget_class, MixSessionPlan, group);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
mix_session_plan_init (MixSessionPlan *self)
{
  self->writable = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  build_rows (self);
}
