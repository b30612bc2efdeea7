/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "mix-checklist.h"

G_BEGIN_DECLS

/* Starter templates for the Messages page, with the placeholders
 * {first_name}, {company} and {role}. Titles and bodies are returned
 * translated. */

guint       mix_template_get_n     (void);
const char *mix_template_get_title (guint i);
const char *mix_template_get_body  (guint i);

/* Replaces {first_name}, {company} and {role} in @body with what is known of
 * @recipient (nullable). A value that is missing or blank shows as the
 * placeholder in brackets ("[company]"), never as an empty gap; any other
 * {name} is left as it is. */
char       *mix_template_fill      (const char         *body,
                                    const MixRecipient *recipient);

G_END_DECLS
