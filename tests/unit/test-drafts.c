/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "mix-date.h"
#include "mix-drafts.h"
#include "mix-error.h"
#include "mix-json.h"
#include "mix-store.h"

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = mix_json_parse_object (text, strlen (text), &error);

  g_assert_no_error (error);
  return node;
}

static MixDraft *
draft_from (const char *text,
            GError    **error)
{
  g_autoptr(JsonNode) node = parse (text);

  return mix_draft_new_from_json (node, error);
}

static void
count_changes (gpointer  object,
               guint    *count)
{
  (*count)++;
}

typedef struct
{
  guint calls;
  guint position, removed, added;
} ItemsChanged;

static void
on_items_changed_cb (GListModel   *model,
                     guint         position,
                     guint         removed,
                     guint         added,
                     ItemsChanged *seen)
{
  seen->calls++;
  seen->position = position;
  seen->removed = removed;
  seen->added = added;
}

/* Setters change, bump "modified" and emit "changed" only on a real change. */
static void
test_draft_setters (void)
{
  g_autoptr(MixDraft) draft = mix_draft_new ();
  guint changes = 0;
  gboolean answers[MIX_N_CHECKS];

  g_assert_nonnull (mix_draft_get_id (draft));
  g_assert_true (mix_timestamp_is_valid (mix_draft_get_created (draft)));
  g_assert_cmpstr (mix_draft_get_recipient (draft), ==, "");
  g_assert_cmpstr (mix_draft_get_body (draft), ==, "");
  g_assert_null (mix_draft_get_contact_id (draft));
  g_assert_cmpint (mix_draft_get_channel (draft), ==, MIX_CHANNEL_LINKEDIN_NOTE);
  g_assert_cmpint (mix_draft_get_status (draft), ==, MIX_DRAFT_STATUS_DRAFT);
  g_signal_connect (draft, "changed", G_CALLBACK (count_changes), &changes);

  /* An old modification time, to see it bumped. */
  {
    g_autoptr(MixDraft) old = draft_from ("{\"modified\":\"2020-01-01T00:00:00Z\"}", NULL);
    guint old_changes = 0;

    g_signal_connect (old, "changed", G_CALLBACK (count_changes), &old_changes);
    mix_draft_set_body (old, "");
    g_assert_cmpuint (old_changes, ==, 0);
    g_assert_cmpstr (mix_draft_get_modified (old), ==, "2020-01-01T00:00:00Z");
    mix_draft_set_body (old, "Hi");
    g_assert_cmpuint (old_changes, ==, 1);
    g_assert_cmpstr (mix_draft_get_modified (old), !=, "2020-01-01T00:00:00Z");
    g_assert_true (mix_timestamp_is_valid (mix_draft_get_modified (old)));
  }

  mix_draft_set_recipient (draft, "Zoë Ångström");
  mix_draft_set_recipient (draft, "Zoë Ångström");
  g_assert_cmpuint (changes, ==, 1);
  mix_draft_set_channel (draft, MIX_CHANNEL_EMAIL);
  mix_draft_set_channel (draft, MIX_CHANNEL_EMAIL);
  g_assert_cmpuint (changes, ==, 2);
  mix_draft_set_subject (draft, "Coffee?");
  mix_draft_set_body (draft, "Hi Zoë");
  mix_draft_set_contact_id (draft, "row-1");
  mix_draft_set_contact_id (draft, "row-1");
  g_assert_cmpuint (changes, ==, 5);
  mix_draft_set_contact_id (draft, "");
  g_assert_null (mix_draft_get_contact_id (draft));
  g_assert_cmpuint (changes, ==, 6);

  g_assert_false (mix_draft_has_check (draft, MIX_CHECK_PROOFREAD));
  mix_draft_set_check (draft, MIX_CHECK_PROOFREAD, TRUE);
  mix_draft_set_check (draft, MIX_CHECK_PROOFREAD, TRUE);
  g_assert_cmpuint (changes, ==, 7);
  mix_draft_set_check (draft, MIX_CHECK_WHY_THEM, FALSE);
  g_assert_cmpuint (changes, ==, 8);
  g_assert_true (mix_draft_has_check (draft, MIX_CHECK_WHY_THEM));
  g_assert_false (mix_draft_get_check (draft, MIX_CHECK_WHY_THEM));
  g_assert_true (mix_draft_get_check (draft, MIX_CHECK_PROOFREAD));
  mix_draft_get_manual_answers (draft, answers);
  for (guint i = 0; i < MIX_N_CHECKS; i++)
    g_assert_cmpint (answers[i], ==, i == MIX_CHECK_PROOFREAD);
  mix_draft_clear_check (draft, MIX_CHECK_WHY_THEM);
  mix_draft_clear_check (draft, MIX_CHECK_WHY_THEM);
  g_assert_cmpuint (changes, ==, 9);
  g_assert_false (mix_draft_has_check (draft, MIX_CHECK_WHY_THEM));

  mix_draft_set_status (draft, MIX_DRAFT_STATUS_SENT);
  g_assert_cmpuint (changes, ==, 10);
  g_assert_true (mix_draft_set_sent_on (draft, "2026-03-04", NULL));
  g_assert_cmpstr (mix_draft_get_sent_on (draft), ==, "2026-03-04");
  g_assert_cmpuint (changes, ==, 11);
}

static void
test_draft_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MixDraft) draft = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(MixDraft) again = NULL;
  g_autofree char *data = NULL;
  JsonObject *object;
  JsonObject *checks;

  draft = draft_from ("{\"id\":\"d1\",\"created\":\"2026-01-01T10:00:00Z\","
                      "\"modified\":\"2026-01-02T10:00:00Z\",\"contact_id\":\"c9\","
                      "\"recipient\":\"Ada\",\"channel\":\"email\",\"subject\":\"Hello\","
                      "\"body\":\"Hi Ada\",\"checks\":{\"proofread\":true,\"why-them\":false,"
                      "\"from-the-future\":1},\"status\":\"sent\",\"sent_on\":\"2026-01-03\","
                      "\"colour\":{\"r\":1},\"tags\":[\"a\"]}", &error);
  g_assert_no_error (error);
  g_assert_nonnull (draft);
  g_assert_cmpstr (mix_draft_get_id (draft), ==, "d1");
  g_assert_cmpstr (mix_draft_get_created (draft), ==, "2026-01-01T10:00:00Z");
  g_assert_cmpstr (mix_draft_get_modified (draft), ==, "2026-01-02T10:00:00Z");
  g_assert_cmpstr (mix_draft_get_contact_id (draft), ==, "c9");
  g_assert_cmpstr (mix_draft_get_recipient (draft), ==, "Ada");
  g_assert_cmpint (mix_draft_get_channel (draft), ==, MIX_CHANNEL_EMAIL);
  g_assert_cmpstr (mix_draft_get_subject (draft), ==, "Hello");
  g_assert_cmpstr (mix_draft_get_body (draft), ==, "Hi Ada");
  g_assert_cmpint (mix_draft_get_status (draft), ==, MIX_DRAFT_STATUS_SENT);
  g_assert_cmpstr (mix_draft_get_sent_on (draft), ==, "2026-01-03");
  g_assert_true (mix_draft_get_check (draft, MIX_CHECK_PROOFREAD));
  g_assert_true (mix_draft_has_check (draft, MIX_CHECK_WHY_THEM));
  g_assert_false (mix_draft_get_check (draft, MIX_CHECK_WHY_THEM));
  g_assert_false (mix_draft_has_check (draft, MIX_CHECK_RESEARCHED));

  node = mix_draft_to_json (draft);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "channel"), ==, "email");
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "sent");
  g_assert_cmpstr (json_object_get_string_member (object, "sent_on"), ==, "2026-01-03");
  g_assert_cmpstr (json_object_get_string_member (object, "contact_id"), ==, "c9");
  g_assert_true (json_object_has_member (object, "colour"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "colour"),
                                               "r"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "tags")), ==, 1);
  checks = json_object_get_object_member (object, "checks");
  g_assert_cmpuint (json_object_get_size (checks), ==, 3);
  g_assert_true (json_object_get_boolean_member (checks, "proofread"));
  g_assert_false (json_object_get_boolean_member (checks, "why-them"));
  g_assert_cmpint (json_object_get_int_member (checks, "from-the-future"), ==, 1);

  /* What is written reads back the same. */
  data = mix_json_to_data (node, NULL);
  again = draft_from (data, &error);
  g_assert_no_error (error);
  {
    g_autoptr(JsonNode) node2 = mix_draft_to_json (again);
    g_autofree char *data2 = mix_json_to_data (node2, NULL);

    g_assert_cmpstr (data, ==, data2);
  }

  /* Unchanged, a draft is written back as read; changed, it is rewritten
   * with what was not known still in it. */
  {
    g_autoptr(MixDraft) terse = draft_from ("{\"id\":\"t\",\"body\":\"Hi\",\"x\":1}", NULL);
    g_autoptr(JsonNode) before = mix_draft_to_json (terse);
    g_autoptr(JsonNode) after = NULL;
    JsonObject *o;

    g_assert_cmpuint (json_object_get_size (json_node_get_object (before)), ==, 3);
    mix_draft_set_check (terse, MIX_CHECK_PROOFREAD, TRUE);
    after = mix_draft_to_json (terse);
    o = json_node_get_object (after);
    g_assert_cmpstr (json_object_get_string_member (o, "id"), ==, "t");
    g_assert_cmpstr (json_object_get_string_member (o, "body"), ==, "Hi");
    g_assert_cmpint (json_object_get_int_member (o, "x"), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "draft");
    g_assert_true (json_object_get_boolean_member (json_object_get_object_member (o, "checks"),
                                                   "proofread"));
  }

  /* A new draft: no contact, no date sent; the checks an empty object. */
  {
    g_autoptr(MixDraft) fresh = mix_draft_new ();
    g_autoptr(JsonNode) fresh_node = mix_draft_to_json (fresh);
    JsonObject *o = json_node_get_object (fresh_node);

    g_assert_false (json_object_has_member (o, "contact_id"));
    g_assert_false (json_object_has_member (o, "sent_on"));
    g_assert_cmpstr (json_object_get_string_member (o, "channel"), ==, "linkedin-note");
    g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "draft");
    g_assert_cmpuint (json_object_get_size (json_object_get_object_member (o, "checks")), ==, 0);
  }
}

static void
test_draft_bad_types (void)
{
  static const char *bad[] = {
    "{\"recipient\":3}",
    "{\"body\":[\"x\"]}",
    "{\"channel\":\"pigeon\"}",
    "{\"channel\":1}",
    "{\"status\":\"lost\"}",
    "{\"sent_on\":\"not a date\"}",
    "{\"created\":\"yesterday\"}",
    "{\"checks\":[\"proofread\"]}",
    "{\"checks\":{\"proofread\":\"yes\"}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MixDraft) draft = draft_from (bad[i], &error);

      g_test_message ("%s", bad[i]);
      g_assert_null (draft);
      g_assert_error (error, MIX_ERROR, MIX_ERROR_DAMAGED);
    }

  /* Not an object. */
  {
    g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
    g_autoptr(GError) error = NULL;

    json_node_take_array (node, json_array_new ());
    g_assert_null (mix_draft_new_from_json (node, &error));
    g_assert_error (error, MIX_ERROR, MIX_ERROR_DAMAGED);
  }

  /* Nulls and missing members are fine. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(MixDraft) draft = draft_from ("{\"contact_id\":null,\"sent_on\":null}", &error);

    g_assert_no_error (error);
    g_assert_nonnull (mix_draft_get_id (draft));
    g_assert_cmpstr (mix_draft_get_body (draft), ==, "");
    g_assert_null (mix_draft_get_sent_on (draft));
  }
}

static void
test_draft_mark_sent (void)
{
  g_autoptr(MixDraft) draft = mix_draft_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *today = mix_date_today_iso ();
  guint changes = 0;

  g_signal_connect (draft, "changed", G_CALLBACK (count_changes), &changes);

  g_assert_false (mix_draft_mark_sent (draft, "nonsense", &error));
  g_assert_error (error, MIX_ERROR, MIX_ERROR_INVALID_VALUE);
  g_assert_cmpint (mix_draft_get_status (draft), ==, MIX_DRAFT_STATUS_DRAFT);
  g_assert_cmpuint (changes, ==, 0);
  g_clear_error (&error);

  g_assert_true (mix_draft_mark_sent (draft, "2026-05-06", &error));
  g_assert_no_error (error);
  g_assert_cmpint (mix_draft_get_status (draft), ==, MIX_DRAFT_STATUS_SENT);
  g_assert_cmpstr (mix_draft_get_sent_on (draft), ==, "2026-05-06");
  g_assert_cmpuint (changes, ==, 1);

  g_assert_true (mix_draft_mark_sent (draft, "2026-05-06", NULL));
  g_assert_cmpuint (changes, ==, 1);

  g_assert_true (mix_draft_mark_sent (draft, NULL, NULL));
  g_assert_cmpstr (mix_draft_get_sent_on (draft), ==, today);
  g_assert_cmpuint (changes, ==, 2);

  /* Undone by hand. */
  mix_draft_set_status (draft, MIX_DRAFT_STATUS_DRAFT);
  g_assert_true (mix_draft_set_sent_on (draft, NULL, NULL));
  g_assert_null (mix_draft_get_sent_on (draft));
  g_assert_cmpuint (changes, ==, 4);
}

static MixDraft *
item (GListModel *model,
      guint       position)
{
  g_autoptr(MixDraft) draft = g_list_model_get_item (model, position);

  return draft;  /* still owned by the model */
}

static void
test_drafts_add_remove (void)
{
  g_autoptr(MixDrafts) drafts = mix_drafts_new ();
  GListModel *model = G_LIST_MODEL (drafts);
  g_autoptr(MixDraft) a = mix_draft_new ();
  g_autoptr(MixDraft) b = mix_draft_new ();
  g_autoptr(MixDraft) c = mix_draft_new ();
  ItemsChanged seen = { 0 };
  guint changes = 0;
  guint position = 99;

  g_assert_true (g_list_model_get_item_type (model) == MIX_TYPE_DRAFT);
  g_signal_connect (drafts, "items-changed", G_CALLBACK (on_items_changed_cb), &seen);
  g_signal_connect (drafts, "changed", G_CALLBACK (count_changes), &changes);

  mix_drafts_add (drafts, a);
  mix_drafts_add (drafts, b);
  mix_drafts_add (drafts, c);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpuint (seen.calls, ==, 3);
  g_assert_cmpuint (seen.position, ==, 2);
  g_assert_cmpuint (seen.added, ==, 1);
  g_assert_cmpuint (changes, ==, 3);
  g_assert_true (item (model, 0) == a);
  g_assert_true (item (model, 2) == c);
  g_assert_null (g_list_model_get_item (model, 3));
  g_assert_true (mix_drafts_find (drafts, mix_draft_get_id (b)) == b);
  g_assert_null (mix_drafts_find (drafts, "nope"));

  /* A draft's changes are the list's. */
  mix_draft_set_body (b, "Hello");
  g_assert_cmpuint (changes, ==, 4);

  g_assert_true (mix_drafts_remove (drafts, b, &position));
  g_assert_cmpuint (position, ==, 1);
  g_assert_cmpuint (seen.calls, ==, 4);
  g_assert_cmpuint (seen.position, ==, 1);
  g_assert_cmpuint (seen.removed, ==, 1);
  g_assert_cmpuint (seen.added, ==, 0);
  g_assert_cmpuint (changes, ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_false (mix_drafts_remove (drafts, b, NULL));
  g_assert_null (mix_drafts_find (drafts, mix_draft_get_id (b)));

  /* A removed draft's changes are not. */
  mix_draft_set_body (b, "Hello again");
  g_assert_cmpuint (changes, ==, 5);

  /* Undo puts it back where it was. */
  mix_drafts_insert (drafts, b, position);
  g_assert_cmpuint (seen.calls, ==, 5);
  g_assert_cmpuint (seen.position, ==, 1);
  g_assert_cmpuint (seen.added, ==, 1);
  g_assert_cmpuint (changes, ==, 6);
  g_assert_true (item (model, 0) == a);
  g_assert_true (item (model, 1) == b);
  g_assert_true (item (model, 2) == c);
  mix_draft_set_body (b, "Back");
  g_assert_cmpuint (changes, ==, 7);
}

static const char *messages_doc =
  "{\"format\":\"mix-it-up/messages\",\"version\":1,"
  "\"drafts\":[{\"id\":\"one\",\"recipient\":\"Ada\",\"channel\":\"linkedin-message\","
  "\"body\":\"Hi\",\"status\":\"draft\"},"
  "{\"id\":\"bad\",\"channel\":\"pigeon\"},"
  "42,"
  "{\"id\":\"two\",\"recipient\":\"Grace\",\"channel\":\"email\",\"status\":\"sent\","
  "\"sent_on\":\"2026-02-02\",\"extra\":true}],"
  "\"preps\":[{\"id\":\"p\",\"contact_id\":\"c\",\"questions\":[\"q\"]}],\"other\":\"kept\"}";

static void
test_drafts_load_save (void)
{
  g_autoptr(MixDrafts) drafts = mix_drafts_new ();
  g_autoptr(JsonNode) root = parse (messages_doc);
  g_autoptr(GError) error = NULL;
  JsonObject *object = json_node_get_object (root);
  ItemsChanged seen = { 0 };
  guint changes = 0;
  guint n_skipped = 99;
  JsonArray *array;
  g_autoptr(MixDraft) added = mix_draft_new ();

  g_signal_connect (drafts, "items-changed", G_CALLBACK (on_items_changed_cb), &seen);
  g_signal_connect (drafts, "changed", G_CALLBACK (count_changes), &changes);

  g_assert_true (mix_drafts_load_json (drafts, object, &n_skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_skipped, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (drafts)), ==, 2);
  g_assert_cmpuint (seen.calls, ==, 1);
  g_assert_cmpuint (seen.added, ==, 2);
  g_assert_cmpuint (changes, ==, 0);
  g_assert_cmpstr (mix_draft_get_id (item (G_LIST_MODEL (drafts), 0)), ==, "one");
  g_assert_cmpstr (mix_draft_get_id (item (G_LIST_MODEL (drafts), 1)), ==, "two");
  g_assert_cmpint (mix_draft_get_channel (mix_drafts_find (drafts, "one")), ==,
                   MIX_CHANNEL_LINKEDIN_MESSAGE);

  /* Loaded drafts' changes are the list's. */
  mix_draft_set_body (mix_drafts_find (drafts, "two"), "Changed");
  g_assert_cmpuint (changes, ==, 1);
  mix_drafts_add (drafts, added);

  mix_drafts_save_json (drafts, object);
  array = json_object_get_array_member (object, "drafts");
  g_assert_cmpuint (json_array_get_length (array), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "id"),
                   ==, "one");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1),
                                                  "body"), ==, "Changed");
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (array, 1),
                                                 "extra"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 2), "id"),
                   ==, mix_draft_get_id (added));
  /* The unreadable ones, as they were. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 3),
                                                  "channel"), ==, "pigeon");
  g_assert_cmpint (json_array_get_int_element (array, 4), ==, 42);
  /* The rest of the document is left alone. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "preps")), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "other"), ==, "kept");

  /* Loading again replaces everything. */
  {
    g_autoptr(JsonNode) empty = parse ("{\"preps\":[]}");

    g_assert_true (mix_drafts_load_json (drafts, json_node_get_object (empty), &n_skipped,
                                         &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_skipped, ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (drafts)), ==, 0);
    g_assert_cmpuint (seen.removed, ==, 3);
    mix_draft_set_body (added, "no longer held");
    g_assert_cmpuint (changes, ==, 2);
  }

  /* "drafts" that is not a list is damage; what is held stays. */
  {
    g_autoptr(JsonNode) bad = parse ("{\"drafts\":{}}");

    mix_drafts_add (drafts, added);
    g_assert_false (mix_drafts_load_json (drafts, json_node_get_object (bad), &n_skipped,
                                          &error));
    g_assert_error (error, MIX_ERROR, MIX_ERROR_DAMAGED);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (drafts)), ==, 1);
  }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        remove_tree (child);
      }
  g_remove (path);
}

static MixStore *
open_store (const char *dir)
{
  MixStore *store = mix_store_new (dir);

  mix_store_load (store);
  return store;
}

static void
test_store_drafts (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *parent = g_dir_make_tmp ("mix-drafts-XXXXXX", &error);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *id = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_assert_no_error (error);
  dir = g_build_filename (parent, "mix-it-up", NULL);
  path = g_build_filename (dir, "messages.json", NULL);
  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (path,
                       "{\"format\":\"mix-it-up/messages\",\"version\":1,\"drafts\":[42],"
                       "\"preps\":[{\"id\":\"p1\",\"contact_id\":\"c1\",\"notes\":\"Ask about mentors\"}]}",
                       -1, &error);
  g_assert_no_error (error);

  {
    g_autoptr(MixStore) store = open_store (dir);
    g_autoptr(MixDraft) draft = mix_draft_new ();
    GPtrArray *problems = mix_store_get_problems (store);

    g_assert_cmpuint (problems->len, ==, 1);
    g_assert_cmpint (((MixStoreProblem *) problems->pdata[0])->kind, ==,
                     MIX_PROBLEM_SKIPPED_ROWS);
    g_assert_cmpuint (((MixStoreProblem *) problems->pdata[0])->n_rows, ==, 1);
    g_assert_false (mix_store_is_dirty (store, MIX_DOMAIN_MESSAGES));

    mix_draft_set_recipient (draft, "Ada Lovelace");
    mix_draft_set_check (draft, MIX_CHECK_PROOFREAD, TRUE);
    id = g_strdup (mix_draft_get_id (draft));
    mix_drafts_add (mix_store_get_drafts (store), draft);
    g_assert_true (mix_store_is_dirty (store, MIX_DOMAIN_MESSAGES));
    g_assert_false (mix_store_is_dirty (store, MIX_DOMAIN_SESSIONS));
    g_assert_true (mix_store_flush (store, &error));
    g_assert_no_error (error);
    g_assert_false (mix_store_is_dirty (store, MIX_DOMAIN_MESSAGES));

    /* A change to a draft held by the store is a change to the store. */
    mix_draft_set_body (draft, "Hi Ada");
    g_assert_true (mix_store_is_dirty (store, MIX_DOMAIN_MESSAGES));
    g_assert_true (mix_store_flush (store, &error));
    g_assert_no_error (error);
  }

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (data, "Ask about mentors"));

  {
    g_autoptr(MixStore) store = open_store (dir);
    MixDrafts *drafts = mix_store_get_drafts (store);
    MixDraft *draft = mix_drafts_find (drafts, id);
    JsonObject *root = mix_store_get_document (store, MIX_DOMAIN_MESSAGES);
    JsonArray *preps = json_object_get_array_member (root, "preps");
    JsonArray *stored = NULL;

    g_assert_nonnull (draft);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (drafts)), ==, 1);
    g_assert_cmpstr (mix_draft_get_recipient (draft), ==, "Ada Lovelace");
    g_assert_cmpstr (mix_draft_get_body (draft), ==, "Hi Ada");
    g_assert_true (mix_draft_get_check (draft, MIX_CHECK_PROOFREAD));
    /* The unreadable draft is still there, and still counted. */
    g_assert_cmpuint (mix_store_get_problems (store)->len, ==, 1);
    g_assert_cmpuint (json_array_get_length (preps), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (preps, 0),
                                                    "notes"), ==, "Ask about mentors");
    stored = json_object_get_array_member (root, "drafts");
    g_assert_cmpuint (json_array_get_length (stored), ==, 2);
    g_assert_cmpint (json_array_get_int_element (stored, 1), ==, 42);
  }

  remove_tree (parent);
}

/* The questions of a prep: no blanks, no repeats, the closing question
 * never among them; moving and removing keep the rest in order. */
static void
test_prep_questions (void)
{
  g_autoptr(MixPrep) prep = mix_prep_new ("contact-1");
  guint changes = 0;

  g_signal_connect (prep, "changed", G_CALLBACK (count_changes), &changes);
  g_assert_cmpstr (mix_prep_get_contact_id (prep), ==, "contact-1");
  g_assert_cmpuint (mix_prep_get_n_questions (prep), ==, 0);

  g_assert_true (mix_prep_add_question (prep, "  How did you get your first job?  "));
  g_assert_cmpstr (mix_prep_get_question (prep, 0), ==, "How did you get your first job?");
  g_assert_false (mix_prep_add_question (prep, "how did you get your FIRST job?"));
  g_assert_false (mix_prep_add_question (prep, "   "));
  g_assert_false (mix_prep_add_question (prep, MIX_PREP_CLOSING_QUESTION));
  g_assert_false (mix_prep_add_question (prep, "who else from your network could you introduce me to?"));
  g_assert_cmpuint (changes, ==, 1);

  g_assert_true (mix_prep_add_question (prep, "What does a typical day look like?"));
  g_assert_true (mix_prep_add_question (prep, "Qué herramientas usáis?"));
  g_assert_true (mix_prep_has_question (prep, "QUÉ HERRAMIENTAS USÁIS?"));
  mix_prep_move_question (prep, 2, 0);
  g_assert_cmpstr (mix_prep_get_question (prep, 0), ==, "Qué herramientas usáis?");
  g_assert_cmpstr (mix_prep_get_question (prep, 1), ==, "How did you get your first job?");
  g_assert_cmpstr (mix_prep_get_question (prep, 2), ==, "What does a typical day look like?");
  mix_prep_move_question (prep, 0, 0);
  g_assert_cmpuint (changes, ==, 4);

  mix_prep_remove_question (prep, 1);
  g_assert_cmpuint (mix_prep_get_n_questions (prep), ==, 2);
  g_assert_cmpstr (mix_prep_get_question (prep, 1), ==, "What does a typical day look like?");
  mix_prep_insert_question (prep, 1, "How did you get your first job?");
  g_assert_cmpstr (mix_prep_get_question (prep, 1), ==, "How did you get your first job?");
  g_assert_cmpuint (changes, ==, 6);

  mix_prep_set_notes (prep, "Mentorship program in spring");
  mix_prep_set_notes (prep, "Mentorship program in spring");
  mix_prep_set_format (prep, "coffee-chat");
  g_assert_cmpuint (changes, ==, 8);

  /* The bank has themes, each with questions, none of them the closing one. */
  g_assert_cmpuint (mix_prep_bank_get_n_themes (), >=, 4);
  for (guint t = 0; t < mix_prep_bank_get_n_themes (); t++)
    {
      g_assert_cmpuint (mix_prep_bank_get_n_questions (t), >=, 3);
      for (guint q = 0; q < mix_prep_bank_get_n_questions (t); q++)
        g_assert_cmpstr (mix_prep_bank_get_question (t, q), !=, MIX_PREP_CLOSING_QUESTION);
    }
}

/* A prep read and not changed is written back as it was; a changed one
 * keeps the members this version does not know; a bad one is refused. */
static void
test_prep_json (void)
{
  const char *text = "{\"id\":\"p1\",\"contact_id\":\"c1\",\"questions\":[\"Why Rust?\"],"
                     "\"notes\":\"n\",\"format\":\"phone-call\",\"mood\":{\"x\":1}}";
  g_autoptr(JsonNode) node = parse (text);
  g_autoptr(MixPrep) prep = mix_prep_new_from_json (node, NULL);
  g_autoptr(JsonNode) same = NULL;
  g_autoptr(JsonNode) changed = NULL;
  const char *bad[] = {
    "{\"id\":\"p2\"}",
    "{\"contact_id\":\"c\",\"questions\":\"Why?\"}",
    "{\"contact_id\":\"c\",\"questions\":[1]}",
    "{\"contact_id\":\"c\",\"notes\":5}",
    "{\"contact_id\":\"c\",\"modified\":\"yesterday\"}",
    "[]",
  };

  g_assert_nonnull (prep);
  g_assert_cmpstr (mix_prep_get_format (prep), ==, "phone-call");
  g_assert_cmpuint (mix_prep_get_n_questions (prep), ==, 1);
  same = mix_prep_to_json (prep);
  g_assert_true (json_node_equal (same, node));

  mix_prep_add_question (prep, "What surprised you?");
  changed = mix_prep_to_json (prep);
  g_assert_false (json_node_equal (changed, node));
  g_assert_true (json_object_has_member (json_node_get_object (changed), "mood"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (changed),
                                                                         "questions")), ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) bad_node = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(MixPrep) refused = NULL;

      g_assert_true (json_parser_load_from_data (parser, bad[i], -1, NULL));
      bad_node = json_node_copy (json_parser_get_root (parser));
      refused = mix_prep_new_from_json (bad_node, &error);
      g_assert_null (refused);
      g_assert_error (error, MIX_ERROR, MIX_ERROR_DAMAGED);
    }
}

/* The drafts hold one prep per contact, save it and keep an unreadable
 * one as it was. */
static void
test_drafts_preps (void)
{
  g_autoptr(MixDrafts) drafts = mix_drafts_new ();
  g_autoptr(JsonNode) node = parse ("{\"drafts\":[],\"preps\":[{\"contact_id\":\"a\","
                                    "\"questions\":[\"Q1\"]},{\"questions\":7}]}");
  g_autoptr(JsonObject) out = json_object_new ();
  g_autoptr(MixDrafts) again = mix_drafts_new ();
  g_autoptr(GError) error = NULL;
  guint n_skipped = 0;
  guint changes = 0;
  MixPrep *prep;
  JsonArray *preps;

  g_assert_true (mix_drafts_load_json (drafts, json_node_get_object (node), &n_skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_skipped, ==, 1);
  g_signal_connect (drafts, "changed", G_CALLBACK (count_changes), &changes);

  g_assert_nonnull (mix_drafts_find_prep (drafts, "a"));
  g_assert_null (mix_drafts_find_prep (drafts, "b"));
  prep = mix_drafts_ensure_prep (drafts, "b");
  g_assert_true (mix_drafts_ensure_prep (drafts, "b") == prep);
  g_assert_cmpuint (changes, ==, 1);
  mix_prep_add_question (prep, "Who do you admire?");
  g_assert_cmpuint (changes, ==, 2);

  mix_drafts_save_json (drafts, out);
  preps = json_object_get_array_member (out, "preps");
  g_assert_cmpuint (json_array_get_length (preps), ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (preps, 2),
                                               "questions"), ==, 7);

  g_assert_true (mix_drafts_load_json (again, out, &n_skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_skipped, ==, 1);
  prep = mix_drafts_find_prep (again, "b");
  g_assert_nonnull (prep);
  g_assert_cmpstr (mix_prep_get_question (prep, 0), ==, "Who do you admire?");

  /* A "preps" that is not a list is damage. */
  {
    g_autoptr(JsonNode) damaged = parse ("{\"drafts\":[],\"preps\":{}}");

    g_assert_false (mix_drafts_load_json (again, json_node_get_object (damaged), &n_skipped, &error));
    g_assert_error (error, MIX_ERROR, MIX_ERROR_DAMAGED);
    /* Nothing was replaced. */
    g_assert_nonnull (mix_drafts_find_prep (again, "b"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/draft/setters", test_draft_setters);
  g_test_add_func ("/draft/round-trip", test_draft_round_trip);
  g_test_add_func ("/draft/bad-types", test_draft_bad_types);
  g_test_add_func ("/draft/mark-sent", test_draft_mark_sent);
  g_test_add_func ("/drafts/add-remove", test_drafts_add_remove);
  g_test_add_func ("/drafts/load-save", test_drafts_load_save);
  g_test_add_func ("/drafts/store", test_store_drafts);
  g_test_add_func ("/prep/questions", test_prep_questions);
  g_test_add_func ("/prep/json", test_prep_json);
  g_test_add_func ("/drafts/preps", test_drafts_preps);

  return g_test_run ();
}
