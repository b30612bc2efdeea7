/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mix-session-clock.h"
#include "mix-session-close-out.h"
#include "mix-session-history.h"
#include "mix-session-notes.h"
#include "mix-session-page.h"
#include "mix-session-plan.h"
#include "mix-session-presentation.h"
#include "mix-session-prompts.h"
#include "mix-session-roster.h"
#include "mix-session-turns.h"

G_BEGIN_DECLS

struct _MixSessionPage
{
  AdwBin                  parent_instance;

  MixSessionClock        *clock;
  MixSessionCloseOut     *close_out;
  MixSessionHistory      *history_section;
  GtkStack               *mode_stack;
  MixSessionNotes        *notes;
  MixSessionPlan         *plan;
  MixSessionPresentation *presentation;
  MixSessionPrompts      *prompts;
  MixSessionRoster       *roster;
  GtkScrolledWindow      *scroller;
  MixSessionTurns        *turns;
  GtkFileChooserNative   *summary_chooser;  /* while Save Summary asks where */

  guint                   phase_idle;
  double                  kept_scroll;   /* where the page was scrolled before a rebuild, or -1 */
  guint                   scroll_idle;
  guint                   restore_tick;  /* waits for the frame that lays the rebuild out */
  GtkRoot                *focus_root;    /* unowned, compared only: the window followed */
  MixStore               *store;
  MixHistory             *history;       /* nullable: the window's, for Undo */
  MixSessionRecord       *record;        /* the session in progress, once the store is set */
  GSettings              *settings;      /* nullable until set */
  GtkMediaStream         *chime;
  MixTimer               *timer;
  guint                   tick_id;
  int                     shown_phase;   /* the phase shown, -1 for none */
  gboolean                presenting;
  gboolean                facilitator_last;
};

/* mix-session-page.c */
gboolean mix_session_page_is_writable     (MixSessionPage *self);
void     mix_session_page_refresh         (MixSessionPage *self);
void     mix_session_page_schedule_tick   (MixSessionPage *self);
void     mix_session_page_rebuild_phase   (MixSessionPage *self);
void     mix_session_page_save_timer      (MixSessionPage *self);
void     mix_session_page_update_speakers (MixSessionPage *self);
char    *mix_session_page_fit_preview     (MixSessionPage *self);
void     mix_session_page_fit             (MixSessionPage *self);
gboolean mix_session_page_save_summary    (MixSessionPage *self,
                                           GFile          *file);
void     mix_session_page_toast           (MixSessionPage *self,
                                           const char     *text);

/* mix-session-page-actions.c */
void     mix_session_page_class_add_actions (GtkWidgetClass *widget_class);
void     mix_session_page_add_shortcuts     (MixSessionPage *self);

G_END_DECLS
