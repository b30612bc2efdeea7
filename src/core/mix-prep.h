/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The question that always closes a conversation, untranslated (N_()). */
#define MIX_PREP_CLOSING_QUESTION "Who else from your network could you introduce me to?"

/* The built-in bank of questions for a call or coffee chat, by theme.
 * Titles and questions are returned translated. */
guint        mix_prep_bank_get_n_themes      (void);
const char  *mix_prep_bank_get_theme_title   (guint theme);
guint        mix_prep_bank_get_n_questions   (guint theme);
const char  *mix_prep_bank_get_question      (guint theme,
                                              guint question);
const char  *mix_prep_get_closing_question   (void);

#define MIX_TYPE_PREP (mix_prep_get_type ())

G_DECLARE_FINAL_TYPE (MixPrep, mix_prep, MIX, PREP, GObject)

MixPrep     *mix_prep_new               (const char  *contact_id);
MixPrep     *mix_prep_new_from_json     (JsonNode    *node,
                                         GError     **error);
JsonNode    *mix_prep_to_json           (MixPrep     *self);
void         mix_prep_take              (MixPrep     *self,
                                         MixPrep     *other);

const char  *mix_prep_get_id            (MixPrep     *self);
const char  *mix_prep_get_contact_id    (MixPrep     *self);
const char  *mix_prep_get_modified      (MixPrep     *self);

guint        mix_prep_get_n_questions   (MixPrep     *self);
const char  *mix_prep_get_question      (MixPrep     *self,
                                         guint        index);
gboolean     mix_prep_has_question      (MixPrep     *self,
                                         const char  *question);
gboolean     mix_prep_add_question      (MixPrep     *self,
                                         const char  *question);
void         mix_prep_insert_question   (MixPrep     *self,
                                         guint        index,
                                         const char  *question);
void         mix_prep_remove_question   (MixPrep     *self,
                                         guint        index);
void         mix_prep_move_question     (MixPrep     *self,
                                         guint        from,
                                         guint        to);

const char  *mix_prep_get_format        (MixPrep     *self);
void         mix_prep_set_format        (MixPrep     *self,
                                         const char  *format);
const char  *mix_prep_get_notes         (MixPrep     *self);
void         mix_prep_set_notes         (MixPrep     *self,
                                         const char  *notes);
const char  *mix_prep_get_logged_id     (MixPrep     *self);
void         mix_prep_set_logged_id     (MixPrep     *self,
                                         const char  *logged_id);

G_END_DECLS
