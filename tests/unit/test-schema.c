/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mix-date.h"
#include "mix-error.h"
#include "mix-json.h"
#include "mix-record.h"
#include "mix-schema.h"

static void
test_date_parse (void)
{
  static const struct {
    const char *text;
    const char *iso;  /* NULL: refused */
  } cases[] = {
    { "2026-03-05", "2026-03-05" },
    { " 2026-03-05 ", "2026-03-05" },
    { "2026/03/05", "2026-03-05" },
    { "3/5/2026", "2026-03-05" },
    { "12/31/2026", "2026-12-31" },
    { "2026-03-05T10:00:00Z", "2026-03-05" },
    { "2026-03-05 10:00", "2026-03-05" },
    { "2024-02-29", "2024-02-29" },
    { "9999-12-31", "9999-12-31" },
    { "2026-02-30", NULL },
    { "2025-02-29", NULL },
    { "2026-13-01", NULL },
    { "13/5/2026", NULL },
    { "3/5/26", NULL },
    { "2026-03", NULL },
    { "yesterday", NULL },
    { "", NULL },
    { "2026-03-05x", NULL },
    { "2026-3-5", "2026-03-05" },
    { "0000-01-01", NULL },
    { "2026-03-05 junk", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = mix_date_normalize (cases[i].text);
      g_test_message ("date “%s”", cases[i].text);
      g_assert_cmpstr (iso, ==, cases[i].iso);
    }
}

static void
test_timestamp (void)
{
  g_autofree char *now = mix_timestamp_now ();

  g_autofree char *after = NULL;
  g_autofree char *later = NULL;
  gint64 usec;

  g_assert_true (mix_timestamp_is_valid (now));
  g_assert_true (g_str_has_suffix (now, "Z"));
  /* To the millisecond: two edits on two computers are told apart. */
  g_assert_cmpuint (strlen (now), ==, strlen ("2026-11-28T17:20:00.125Z"));
  g_assert_false (mix_timestamp_is_valid ("not a time"));
  g_assert_false (mix_timestamp_is_valid (""));
  g_assert_false (mix_timestamp_is_valid ("2026-02-30T00:00:00Z"));

  /* Compared by the time they say, whatever their form. */
  g_assert_true (mix_timestamp_to_usec ("1970-01-01T00:00:01.500Z", &usec));
  g_assert_cmpint (usec, ==, 1500000);
  g_assert_cmpint (mix_timestamp_compare ("2026-11-28T17:20:00Z", "2026-11-28T17:20:00.000Z"), ==, 0);
  g_assert_cmpint (mix_timestamp_compare ("2026-11-28T17:20:00Z", "2026-11-28T17:20:00.001Z"), <, 0);
  g_assert_cmpint (mix_timestamp_compare ("2026-11-28T18:20:00+01:00", "2026-11-28T17:20:00Z"), ==, 0);
  g_assert_cmpint (mix_timestamp_compare (NULL, "2026-11-28T17:20:00Z"), <, 0);

  /* A change comes after the version it changes, even with the clock
   * behind: set back, or another computer's ahead. */
  after = mix_timestamp_after ("2999-01-01T00:00:00.000Z");
  g_assert_cmpstr (after, ==, "2999-01-01T00:00:00.001Z");
  later = mix_timestamp_after (NULL);
  g_assert_cmpint (mix_timestamp_compare (later, now), >=, 0);
}

static void
test_schema_tabs (void)
{
  MixTab tab;

  g_assert_true (mix_tab_from_id ("new-contacts", &tab));
  g_assert_cmpint (tab, ==, MIX_TAB_NEW_CONTACTS);
  g_assert_false (mix_tab_from_id ("contacts", &tab));
  g_assert_cmpuint (mix_tab_get_info (MIX_TAB_EXISTING_NETWORK)->n_columns, ==, 9);
  g_assert_cmpuint (mix_tab_get_info (MIX_TAB_NETWORKING_LOG)->n_columns, ==, 8);
  g_assert_cmpuint (mix_tab_get_info (MIX_TAB_NEW_CONTACTS)->n_columns, ==, 11);
  g_assert_cmpint (mix_tab_find_column (MIX_TAB_NEW_CONTACTS, "status"), ==, 7);
  g_assert_cmpint (mix_tab_find_column (MIX_TAB_NEW_CONTACTS, "nope"), ==, -1);
}

static void
check_value (MixTab      tab,
             const char *column_id,
             const char *text,
             const char *stored)
{
  g_autoptr(MixRecord) record = mix_record_new (tab);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_test_message ("%s ← “%s”", column_id, text);
  ok = mix_record_set_value_by_id (record, column_id, text, &error);
  if (stored == NULL)
    {
      g_assert_false (ok);
      g_assert_error (error, MIX_ERROR, MIX_ERROR_INVALID_VALUE);
      g_assert_cmpstr (error->message, !=, "");
    }
  else
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpstr (mix_record_get_value_by_id (record, column_id), ==,
                       *stored ? stored : NULL);
    }
}

static void
test_record_values (void)
{
  check_value (MIX_TAB_NEW_CONTACTS, "name", "Ada Lovelace", "Ada Lovelace");
  check_value (MIX_TAB_NEW_CONTACTS, "name", "", "");
  check_value (MIX_TAB_NEW_CONTACTS, "status", "Messaged", "messaged");
  check_value (MIX_TAB_NEW_CONTACTS, "status", "meeting scheduled", "meeting-scheduled");
  check_value (MIX_TAB_NEW_CONTACTS, "status", "Ghosted", NULL);
  check_value (MIX_TAB_NEW_CONTACTS, "contacted_on", "3/5/2026", "2026-03-05");
  check_value (MIX_TAB_NEW_CONTACTS, "contacted_on", "2026-02-30", NULL);
  check_value (MIX_TAB_NEW_CONTACTS, "contacted_on", "  ", "");
  check_value (MIX_TAB_NEW_CONTACTS, "email", "ada@example.com", "ada@example.com");
  check_value (MIX_TAB_NEW_CONTACTS, "email", "ada@example", NULL);
  check_value (MIX_TAB_NEW_CONTACTS, "email", "ada example.com", NULL);
  check_value (MIX_TAB_NEW_CONTACTS, "linkedin", "linkedin.com/in/ada",
               "https://linkedin.com/in/ada");
  check_value (MIX_TAB_NEW_CONTACTS, "linkedin", "https://www.linkedin.com/in/ada",
               "https://www.linkedin.com/in/ada");
  check_value (MIX_TAB_NEW_CONTACTS, "linkedin", "not a url", NULL);
  check_value (MIX_TAB_NEW_CONTACTS, "linkedin", "ftp://example.com", NULL);
  check_value (MIX_TAB_EXISTING_NETWORK, "knows_switching", "Yes", "true");
  check_value (MIX_TAB_EXISTING_NETWORK, "knows_switching", "TRUE", "true");
  check_value (MIX_TAB_EXISTING_NETWORK, "knows_switching", "no", "");
  check_value (MIX_TAB_EXISTING_NETWORK, "knows_switching", "maybe", NULL);
  check_value (MIX_TAB_EXISTING_NETWORK, "relationship", "Former Colleague", "former-colleague");
  check_value (MIX_TAB_NETWORKING_LOG, "format", "mix-it-up", "mix-it-up");
}

static void
test_record_refused_keeps_old (void)
{
  g_autoptr(MixRecord) record = mix_record_new (MIX_TAB_NETWORKING_LOG);
  g_autoptr(GError) error = NULL;

  g_assert_true (mix_record_set_value_by_id (record, "date", "2026-01-02", NULL));
  g_assert_false (mix_record_set_value_by_id (record, "date", "soon", &error));
  g_assert_error (error, MIX_ERROR, MIX_ERROR_INVALID_VALUE);
  g_assert_cmpstr (mix_record_get_value_by_id (record, "date"), ==, "2026-01-02");
}

static void
count_changes (MixRecord *record,
               int        column,
               guint     *count)
{
  (*count)++;
}

static void
test_record_changed_signal (void)
{
  g_autoptr(MixRecord) record = mix_record_new (MIX_TAB_NEW_CONTACTS);
  guint count = 0;

  g_signal_connect (record, "changed", G_CALLBACK (count_changes), &count);
  mix_record_set_value_by_id (record, "name", "Grace", NULL);
  mix_record_set_value_by_id (record, "name", "Grace", NULL);  /* same value: no change */
  mix_record_set_value_by_id (record, "email", "bad", NULL);   /* refused: no change */
  mix_record_set_extra (record, "Phone", "555");
  g_assert_cmpuint (count, ==, 2);
}

static void
test_record_display_and_match (void)
{
  g_autoptr(MixRecord) record = mix_record_new (MIX_TAB_NEW_CONTACTS);
  g_autofree char *status = NULL;

  mix_record_set_value_by_id (record, "name", "Zoë Ångström", NULL);
  mix_record_set_value_by_id (record, "status", "not-a-fit", NULL);
  status = mix_record_get_display_value (record, 7);
  g_assert_cmpstr (status, ==, "Not a fit");

  /* Accents and case go on both sides: the needle is folded as the
   * values are. */
  {
    static const char * const found[] = { "Ångström", "angstrom", "ANGSTROM", "zoe", "Zoë",
                                          "not a", "", NULL };
    static const char * const not_found[] = { "not-a-fit", "grace", "angstrøm", NULL };

    for (guint i = 0; found[i] != NULL; i++)
      {
        g_autofree char *needle = mix_text_fold (found[i], -1);

        g_test_message ("%s", found[i]);
        g_assert_true (mix_record_matches (record, needle));
      }
    for (guint i = 0; not_found[i] != NULL; i++)
      {
        g_autofree char *needle = mix_text_fold (not_found[i], -1);

        g_assert_false (mix_record_matches (record, needle));
      }
  }
}

static void
test_text_fold (void)
{
  static const struct { const char *text, *folded; } cases[] = {
    { "José", "jose" },
    { "JOSÉ", "jose" },
    { "Ångström", "angstrom" },
    { "Straße", "strasse" },
    { "Çağla Şahin", "cagla sahin" },
    { "ﬁle", "file" },
    { "Nguyễn", "nguyen" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = mix_text_fold (cases[i].text, -1);

      g_assert_cmpstr (folded, ==, cases[i].folded);
    }
  /* Not UTF-8: folded as well as it can be, not lost. */
  {
    g_autofree char *folded = mix_text_fold ("Ab\xff", -1);

    g_assert_nonnull (folded);
  }
}

/* What the user typed is not thrown away: an address that is not one is
 * kept, and said to be wrong; a date that is not one is refused, as it
 * would not be read back as a date. */
static void
test_record_kept_as_typed (void)
{
  g_autoptr(MixRecord) record = mix_record_new (MIX_TAB_NEW_CONTACTS);
  const MixTabInfo *info = mix_tab_get_info (MIX_TAB_NEW_CONTACTS);
  int email = mix_tab_find_column (MIX_TAB_NEW_CONTACTS, "email");
  int linkedin = mix_tab_find_column (MIX_TAB_NEW_CONTACTS, "linkedin");
  int date = mix_tab_find_column (MIX_TAB_NEW_CONTACTS, "contacted_on");
  g_autoptr(GError) problem = NULL;
  g_autoptr(GError) wrong = NULL;

  g_assert_true (mix_record_set_value_as_typed (record, email, " ada@example ", &problem));
  g_assert_error (problem, MIX_ERROR, MIX_ERROR_INVALID_VALUE);
  g_assert_cmpstr (mix_record_get_value (record, email), ==, "ada@example");
  g_assert_false (mix_column_check_value (&info->columns[email], "ada@example", &wrong));
  g_assert_nonnull (strstr (wrong->message, "ada@example"));
  g_clear_error (&problem);
  g_clear_error (&wrong);

  /* Fixed: right, and nothing said. */
  g_assert_true (mix_record_set_value_as_typed (record, email, "ada@example.com", &problem));
  g_assert_no_error (problem);
  g_assert_true (mix_column_check_value (&info->columns[email], "ada@example.com", NULL));

  g_assert_true (mix_record_set_value_as_typed (record, linkedin, "not a link", &problem));
  g_assert_error (problem, MIX_ERROR, MIX_ERROR_INVALID_VALUE);
  g_assert_cmpstr (mix_record_get_value (record, linkedin), ==, "not a link");
  g_clear_error (&problem);

  mix_record_set_value (record, date, "2026-03-05", NULL);
  g_assert_false (mix_record_set_value_as_typed (record, date, "next tuesday-ish", &problem));
  g_assert_error (problem, MIX_ERROR, MIX_ERROR_INVALID_VALUE);
  g_assert_cmpstr (mix_record_get_value (record, date), ==, "2026-03-05");
  g_assert_true (mix_column_check_value (&info->columns[date], "2026-03-05", NULL));
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = mix_json_parse_object (text, strlen (text), &error);

  g_assert_no_error (error);
  return node;
}

/* A row of Existing Network with @relationship (a choice id, or one this
 * version does not know), @knows and @last_contact (both nullable). */
static MixRecord *
network_row (const char *relationship,
             gboolean    knows,
             const char *last_contact)
{
  g_autoptr(GString) json = g_string_new ("{\"id\":\"r\",\"fields\":{\"name\":\"A\"");
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  MixRecord *record;

  if (relationship != NULL)
    g_string_append_printf (json, ",\"relationship\":\"%s\"", relationship);
  if (knows)
    g_string_append (json, ",\"knows_switching\":true");
  if (last_contact != NULL)
    g_string_append_printf (json, ",\"last_contact\":\"%s\"", last_contact);
  g_string_append (json, "}}");
  node = parse (json->str);
  record = mix_record_new_from_json (MIX_TAB_EXISTING_NETWORK, node, &error);
  g_assert_no_error (error);
  return record;
}

/* How the tracker's columns sort: yes/no with no first, choices in the
 * order listed (unknown ones after them, empty ones last), dates in time
 * with empty ones last, text as text with empty ones last. */
static void
test_record_compare (void)
{
  guint relationship = (guint) mix_tab_find_column (MIX_TAB_EXISTING_NETWORK, "relationship");
  guint knows = (guint) mix_tab_find_column (MIX_TAB_EXISTING_NETWORK, "knows_switching");
  guint last_contact = (guint) mix_tab_find_column (MIX_TAB_EXISTING_NETWORK, "last_contact");
  guint company = (guint) mix_tab_find_column (MIX_TAB_EXISTING_NETWORK, "company");
  g_autoptr(MixRecord) friend = network_row ("friend", TRUE, "2026-03-05");
  g_autoptr(MixRecord) family = network_row ("family", FALSE, "2025-12-31");
  g_autoptr(MixRecord) other = network_row ("other", FALSE, NULL);
  g_autoptr(MixRecord) unknown = network_row ("neighbour", TRUE, "2026-03-05");
  g_autoptr(MixRecord) none = network_row (NULL, FALSE, NULL);

  /* Choices: Friend, Family, …, Other; then one not listed; then none. */
  g_assert_cmpint (mix_record_compare (friend, family, relationship), <, 0);
  g_assert_cmpint (mix_record_compare (family, friend, relationship), >, 0);
  g_assert_cmpint (mix_record_compare (other, unknown, relationship), <, 0);
  g_assert_cmpint (mix_record_compare (unknown, none, relationship), <, 0);
  g_assert_cmpint (mix_record_compare (none, friend, relationship), >, 0);
  g_assert_cmpint (mix_record_compare (none, none, relationship), ==, 0);
  g_assert_cmpint (mix_record_compare (friend, friend, relationship), ==, 0);

  /* Yes/no: no, then yes. */
  g_assert_cmpint (mix_record_compare (family, friend, knows), <, 0);
  g_assert_cmpint (mix_record_compare (friend, family, knows), >, 0);
  g_assert_cmpint (mix_record_compare (friend, unknown, knows), ==, 0);

  /* Dates: in time; none last. */
  g_assert_cmpint (mix_record_compare (family, friend, last_contact), <, 0);
  g_assert_cmpint (mix_record_compare (friend, unknown, last_contact), ==, 0);
  g_assert_cmpint (mix_record_compare (friend, other, last_contact), <, 0);
  g_assert_cmpint (mix_record_compare (other, family, last_contact), >, 0);
  g_assert_cmpint (mix_record_compare (other, none, last_contact), ==, 0);

  /* Text: as mix_record_compare_text(), empty last. */
  g_assert_true (mix_record_set_value (friend, company, "Zeta", NULL));
  g_assert_true (mix_record_set_value (family, company, "Acme", NULL));
  g_assert_cmpint (mix_record_compare (family, friend, company), <, 0);
  g_assert_cmpint (mix_record_compare (friend, family, company), >, 0);
  g_assert_cmpint (mix_record_compare (friend, other, company), <, 0);
  g_assert_cmpint ((mix_record_compare (family, friend, company) < 0), ==,
                   (mix_record_compare_text (family, friend, company) < 0));
}

/* A follow-up date that has passed is marked; no other column is. */
static void
test_column_overdue (void)
{
  const MixTabInfo *info = mix_tab_get_info (MIX_TAB_NEW_CONTACTS);
  const MixColumn *follow_up = &info->columns[mix_tab_find_column (MIX_TAB_NEW_CONTACTS,
                                                                   "follow_up_date")];
  const MixColumn *contacted = &info->columns[mix_tab_find_column (MIX_TAB_NEW_CONTACTS,
                                                                   "contacted_on")];

  g_assert_true (mix_column_is_follow_up (follow_up));
  g_assert_false (mix_column_is_follow_up (contacted));
  g_assert_true (mix_column_is_follow_up (&mix_tab_get_info (MIX_TAB_NETWORKING_LOG)->columns[
                   mix_tab_find_column (MIX_TAB_NETWORKING_LOG, "follow_up_date")]));

  g_assert_true (mix_column_is_overdue (follow_up, "2026-03-04", "2026-03-05"));
  g_assert_true (mix_column_is_overdue (follow_up, "2025-12-31", "2026-01-01"));
  g_assert_false (mix_column_is_overdue (follow_up, "2026-03-05", "2026-03-05"));
  g_assert_false (mix_column_is_overdue (follow_up, "2026-03-06", "2026-03-05"));
  g_assert_false (mix_column_is_overdue (follow_up, NULL, "2026-03-05"));
  /* Kept as typed, not a date: nothing to mark. */
  g_assert_false (mix_column_is_overdue (follow_up, "next week", "2026-03-05"));
  g_assert_false (mix_column_is_overdue (contacted, "2026-03-04", "2026-03-05"));
}

static void
test_record_json_round_trip (void)
{
  g_autoptr(JsonNode) node = parse (
    "{\"id\":\"r1\",\"created\":\"2026-01-01T00:00:00Z\",\"modified\":\"2026-01-02T00:00:00Z\","
    "\"fields\":{\"name\":\"Ada\",\"knows_switching\":true,\"last_contact\":\"2026-03-05\","
    "\"relationship\":\"neighbour\",\"future_field\":[1,2]},"
    "\"extra\":{\"Phone\":\"555\",\"City\":\"Denver\"},\"pinned\":true}");
  g_autoptr(GError) error = NULL;
  g_autoptr(MixRecord) record = mix_record_new_from_json (MIX_TAB_EXISTING_NETWORK, node, &error);
  g_autoptr(JsonNode) out = NULL;
  JsonObject *object, *fields, *extra;
  GList *names;

  g_assert_no_error (error);
  g_assert_cmpstr (mix_record_get_id (record), ==, "r1");
  g_assert_cmpstr (mix_record_get_value_by_id (record, "name"), ==, "Ada");
  g_assert_true (mix_record_get_boolean (record, 4));
  /* A choice this version does not know is kept, not lost. */
  g_assert_cmpstr (mix_record_get_value_by_id (record, "relationship"), ==, "neighbour");
  g_assert_cmpstr (mix_record_get_extra (record, "City"), ==, "Denver");

  names = mix_record_list_extra (record);
  g_assert_cmpuint (g_list_length (names), ==, 2);
  g_assert_cmpstr (names->data, ==, "Phone");
  g_list_free (names);

  out = mix_record_to_json (record);
  object = json_node_get_object (out);
  g_assert_true (json_object_get_boolean_member (object, "pinned"));
  fields = json_object_get_object_member (object, "fields");
  g_assert_true (json_object_has_member (fields, "future_field"));
  g_assert_cmpstr (json_object_get_string_member (fields, "last_contact"), ==, "2026-03-05");
  g_assert_cmpstr (json_object_get_string_member (fields, "company"), ==, "");
  extra = json_object_get_object_member (object, "extra");
  g_assert_cmpstr (json_object_get_string_member (extra, "Phone"), ==, "555");
  g_assert_cmpstr (json_object_get_string_member (object, "modified"), ==, "2026-01-02T00:00:00Z");
}

static void
test_record_json_bad_rows (void)
{
  static const char *bad[] = {
    "{\"fields\":{\"name\":42}}",
    "{\"fields\":{\"knows_switching\":\"yes\"}}",
    "{\"fields\":{\"last_contact\":\"last week\"}}",
    "{\"fields\":[]}",
    "{\"id\":7}",
    "{\"created\":\"yesterday\"}",
    "{\"extra\":{\"Phone\":555}}",
    "{\"extra\":\"x\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = parse (bad[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(MixRecord) record = NULL;

      g_test_message ("row %s", bad[i]);
      record = mix_record_new_from_json (MIX_TAB_EXISTING_NETWORK, node, &error);
      g_assert_null (record);
      g_assert_error (error, MIX_ERROR, MIX_ERROR_DAMAGED);
    }
}

static void
test_record_json_fills_missing (void)
{
  g_autoptr(JsonNode) node = parse ("{\"fields\":{\"name\":\"Lin\"}}");
  g_autoptr(MixRecord) record = mix_record_new_from_json (MIX_TAB_NEW_CONTACTS, node, NULL);

  g_assert_nonnull (record);
  g_assert_true (g_uuid_string_is_valid (mix_record_get_id (record)));
  g_assert_true (mix_timestamp_is_valid (mix_record_get_created (record)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse", test_date_parse);
  g_test_add_func ("/date/timestamp", test_timestamp);
  g_test_add_func ("/schema/tabs", test_schema_tabs);
  g_test_add_func ("/record/values", test_record_values);
  g_test_add_func ("/record/refused-keeps-old", test_record_refused_keeps_old);
  g_test_add_func ("/record/changed-signal", test_record_changed_signal);
  g_test_add_func ("/record/display-and-match", test_record_display_and_match);
  g_test_add_func ("/record/kept-as-typed", test_record_kept_as_typed);
  g_test_add_func ("/record/compare", test_record_compare);
  g_test_add_func ("/schema/overdue", test_column_overdue);
  g_test_add_func ("/text/fold", test_text_fold);
  g_test_add_func ("/record/json/round-trip", test_record_json_round_trip);
  g_test_add_func ("/record/json/bad-rows", test_record_json_bad_rows);
  g_test_add_func ("/record/json/fills-missing", test_record_json_fills_missing);

  return g_test_run ();
}
