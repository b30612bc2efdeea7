/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mix-template.h"

typedef struct
{
  const char *title;
  const char *body;
} Template;

/* Short and friendly; each leaves a bracketed gap for the one thing only
 * the writer knows. The connection note stays under 300 characters with
 * typical names. */
static const Template templates[] = {
  {
    N_("LinkedIn connection note"),
    N_("Hi {first_name}, I’m changing careers into software at Turing School and enjoyed "
       "reading about your work as {role} at {company}. I’d love to connect and learn from "
       "your path!"),
  },
  {
    N_("Coffee chat request"),
    N_("Hi {first_name},\n\n"
       "I’m a career changer learning software development at Turing School. Your move into "
       "{role} at {company} stood out to me, especially [something specific you read].\n\n"
       "Would you be open to a 15-minute call or coffee chat in the next few weeks? "
       "I’d love to hear how you got started.\n\n"
       "Thank you!"),
  },
  {
    N_("Thank-you follow-up"),
    N_("Hi {first_name},\n\n"
       "Thank you for taking the time to talk with me about your work at {company}. Your "
       "advice about [something they shared] was really helpful, and I’m already putting it "
       "into practice.\n\n"
       "I’ll keep you posted on how my career change goes. Thanks again!"),
  },
};

guint
mix_template_get_n (void)
{
  return G_N_ELEMENTS (templates);
}

const char *
mix_template_get_title (guint i)
{
  g_return_val_if_fail (i < G_N_ELEMENTS (templates), NULL);

  return _(templates[i].title);
}

const char *
mix_template_get_body (guint i)
{
  g_return_val_if_fail (i < G_N_ELEMENTS (templates), NULL);

  return _(templates[i].body);
}

/* Appends @value, trimmed, or "[placeholder]" when it is missing or blank. */
static void
append_value (GString    *out,
              const char *value,
              const char *placeholder,
              gsize       placeholder_len)
{
  g_autofree char *trimmed = value != NULL ? g_strstrip (g_strdup (value)) : NULL;

  if (trimmed != NULL && *trimmed != '\0')
    g_string_append (out, trimmed);
  else
    {
      g_string_append_c (out, '[');
      g_string_append_len (out, placeholder, (gssize) placeholder_len);
      g_string_append_c (out, ']');
    }
}

char *
mix_template_fill (const char         *body,
                   const MixRecipient *recipient)
{
  g_autofree char *first_name = mix_recipient_dup_first_name (recipient);
  GString *out;
  const char *p;

  g_return_val_if_fail (body != NULL, NULL);

  out = g_string_sized_new (strlen (body) + 64);
  p = body;
  for (;;)
    {
      const char *open = strchr (p, '{');
      const char *close;
      gsize len;

      if (open == NULL)
        break;
      close = strchr (open + 1, '}');
      if (close == NULL)
        break;
      g_string_append_len (out, p, open - p);
      len = (gsize) (close - open - 1);
      if (len == strlen ("first_name") && memcmp (open + 1, "first_name", len) == 0)
        append_value (out, first_name, open + 1, len);
      else if (len == strlen ("company") && memcmp (open + 1, "company", len) == 0)
        append_value (out, recipient != NULL ? recipient->company : NULL, open + 1, len);
      else if (len == strlen ("role") && memcmp (open + 1, "role", len) == 0)
        append_value (out, recipient != NULL ? recipient->role : NULL, open + 1, len);
      else
        {
          /* Not ours: keep the brace and look again after it, so that
           * "{{first_name}" still finds the inner placeholder. */
          g_string_append_c (out, '{');
          p = open + 1;
          continue;
        }
      p = close + 1;
    }
  g_string_append (out, p);
  return g_string_free (out, FALSE);
}
