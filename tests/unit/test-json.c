/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mix-json.h"
#include "mix-json-reader.h"

static void
test_parse_refuses_deep (void)
{
  g_autoptr(GString) text = g_string_new ("{\"a\":");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');

  node = mix_json_parse_object (text->str, text->len, &error);
  g_assert_null (node);
  g_assert_error (error, MIX_JSON_ERROR, MIX_JSON_ERROR_TOO_DEEP);
}

/* Only JSON is read: what json-glib 1.6 also took (comments, single
 * quotes) and what no JSON reader takes are refused with the place, and
 * deep nesting behind them costs nothing. */
static void
test_parse_refuses_non_json (void)
{
  static const char * const texts[] = {
    "{\"a\": 1 /* a comment */}",
    "{\"a\": 1}\n// a comment\n",
    "{'a': 1}",
    "{a: 1}",
    "{\"a\": [1, 2,]}",
    "{\"a\": 01}",
    "{\"a\": +1}",
    "{\"a\": .5}",
    "{\"a\": 1.}",
    "{\"a\": 1e}",
    "{\"a\": -}",
    "{\"a\": NaN}",
    "{\"a\": Infinity}",
    "{\"a\": True}",
    "{\"a\": nul}",
    "{\"a\": \"tab\there\"}",
    "{\"a\": \"line\nbreak\"}",
    "{\"a\": \"\\x41\"}",
    "{\"a\" 1}",
    "{\"a\": 1 \"b\": 2}",
    "{\"a\": \"unclosed}",
    "{\"a\": [1}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = mix_json_parse_object (texts[i], strlen (texts[i]), &error);

      g_assert_null (node);
      g_assert_error (error, MIX_JSON_ERROR, MIX_JSON_ERROR_SYNTAX);
      g_assert_nonnull (strstr (error->message, "(at line:column "));
    }

  for (guint k = 0; k < 2; k++)
    {
      g_autoptr(GString) text = g_string_new ("{\"a\":");
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;

      for (guint j = 0; j < 20000; j++)
        g_string_append (text, k == 0 ? "[[[[[[[[[[/*]]]]]]]]]]*/" : "[[[[[[[[[['x', ']]]]]]]]]]', ");
      node = mix_json_parse_object (text->str, text->len, &error);
      g_assert_null (node);
      g_assert_error (error, MIX_JSON_ERROR, MIX_JSON_ERROR_SYNTAX);
    }
}

/* The line and column of a problem are those a person counts. */
static void
test_parse_error_position (void)
{
  const char *text = "{\n  \"a\": 1,\n  \"é\": tru\n}";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = mix_json_parse_object (text, strlen (text), &error);

  g_assert_null (node);
  g_assert_error (error, MIX_JSON_ERROR, MIX_JSON_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "3:8"));
}

static void
test_parse_accepts_limit_depth (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  /* Exactly MIX_JSON_MAX_DEPTH levels: the object and 63 arrays. */
  g_string_append (text, "{\"a\":");
  for (guint i = 1; i < MIX_JSON_MAX_DEPTH; i++)
    g_string_append_c (text, '[');
  for (guint i = 1; i < MIX_JSON_MAX_DEPTH; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');

  node = mix_json_parse_object (text->str, text->len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
}

static void
test_parse_errors (void)
{
  static const struct {
    const char *text;
    int code;
  } cases[] = {
    { "", MIX_JSON_ERROR_EMPTY },
    { "  \n\t ", MIX_JSON_ERROR_EMPTY },
    { "[1,2]", MIX_JSON_ERROR_NOT_OBJECT },
    { "\"text\"", MIX_JSON_ERROR_NOT_OBJECT },
    { "{\"a\": ", MIX_JSON_ERROR_SYNTAX },
    { "{\"a\": 1,}", MIX_JSON_ERROR_SYNTAX },
    { "{\"a\": \"\xff\xfe\"}", MIX_JSON_ERROR_INVALID_UTF8 },
    /* What json-glib would read with a loss: a second document, half of a
     * surrogate pair, U+0000, and a member given twice. */
    { "{\"a\": 1}\n{\"a\": 2}", MIX_JSON_ERROR_SYNTAX },
    { "{\"a\": 1}[]", MIX_JSON_ERROR_SYNTAX },
    { "{\"a\": \"x\\udc00y\"}", MIX_JSON_ERROR_INVALID_UTF8 },
    { "{\"a\": \"x\\ud800y\"}", MIX_JSON_ERROR_INVALID_UTF8 },
    { "{\"a\": \"x\\u0000y\"}", MIX_JSON_ERROR_INVALID_UTF8 },
    { "{\"a\": 1, \"a\": 2}", MIX_JSON_ERROR_DUPLICATE_MEMBER },
    { "{\"a\": [{\"b\": 1, \"\\u0062\": 1}]}", MIX_JSON_ERROR_DUPLICATE_MEMBER },
    { "{\"a\": \"\\u12\"\", \"b\": 1}", MIX_JSON_ERROR_INVALID_UTF8 },
    { "{\"a\": 99999999999999999999}", MIX_JSON_ERROR_SYNTAX },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;

      node = mix_json_parse_object (cases[i].text, strlen (cases[i].text), &error);
      g_assert_null (node);
      g_assert_error (error, MIX_JSON_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, !=, "");
    }
}

/* JSON is read whole: a surrogate pair, every escape, brackets, colons
 * and quotes in strings, every form of number, blank space anywhere. */
static void
test_parse_accepts_whole (void)
{
  static const char * const texts[] = {
    "{\"a\": \"\\ud83e\\udd1d \\u00e9\"}",
    "{\"a:b\": \"}]:\\\"\"} \n\t",
    "{\"a\": \"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"}",
    "{\"a\": [0, -0, 12, -3.25, 1.5e-3, 1E+2, 2e2, 9223372036854775807, -9223372036854775808]}",
    "\r\n { \"a\" : { } , \"b\" : [ ] , \"c\" : [ null , true , false ] } \r\n",
    "{}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = mix_json_parse_object (texts[i], strlen (texts[i]), &error);

      g_assert_no_error (error);
      g_assert_nonnull (node);
    }
}

/* Values are read as json-glib would build them. */
static void
test_parse_values (void)
{
  const char *text = "{\"s\": \"x\\u00e9\\ud83e\\udd1d\\n\", \"i\": -42, \"d\": 2.5, \"e\": 1e999,"
                     " \"t\": true, \"f\": false, \"n\": null, \"a\": [1, \"2\"], \"o\": {\"k\": []}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = mix_json_parse_object (text, strlen (text), &error);
  JsonObject *root;

  g_assert_no_error (error);
  root = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (root, "s"), ==, "x\xc3\xa9\xf0\x9f\xa4\x9d\n");
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (root, "i")), ==, G_TYPE_INT64);
  g_assert_cmpint (json_object_get_int_member (root, "i"), ==, -42);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (root, "d")), ==, G_TYPE_DOUBLE);
  g_assert_cmpfloat (json_object_get_double_member (root, "d"), ==, 2.5);
  g_assert_true (isinf (json_object_get_double_member (root, "e")));
  g_assert_true (json_object_get_boolean_member (root, "t"));
  g_assert_false (json_object_get_boolean_member (root, "f"));
  g_assert_true (json_object_get_null_member (root, "n"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "a")), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (root, "a"), 1), ==, "2");
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_object_get_object_member (root, "o"), "k")));
}

/* Numbers kept as they were read are written back as JSON that reads
 * back the same: json-glib 1.6 wrote 1e22 as 1e+22.0 and 1e999 as inf.0,
 * which made the next start find the file damaged. */
static void
test_numbers_round_trip (void)
{
  const char *text = "{\"a\":[1e22,1e-300,1e999,-1e999,3.0,-0.5,42,-7,0.1,123456.789]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) first = mix_json_parse_object (text, strlen (text), &error);
  g_autoptr(JsonNode) second = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GString) compact = g_string_new (NULL);
  gsize length = 0;
  JsonArray *a, *b;

  g_assert_no_error (error);
  written = mix_json_to_data (first, &length);
  second = mix_json_parse_object (written, length, &error);
  g_assert_no_error (error);
  a = json_object_get_array_member (json_node_get_object (first), "a");
  b = json_object_get_array_member (json_node_get_object (second), "a");
  g_assert_cmpuint (json_array_get_length (a), ==, json_array_get_length (b));
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *x = json_array_get_element (a, i);
      JsonNode *y = json_array_get_element (b, i);

      g_assert_cmpint (json_node_get_value_type (x), ==, json_node_get_value_type (y));
      if (json_node_get_value_type (x) == G_TYPE_DOUBLE)
        g_assert_true (json_node_get_double (x) == json_node_get_double (y));
      else
        g_assert_cmpint (json_node_get_int (x), ==, json_node_get_int (y));
    }

  /* A whole number json-glib would read as -1 is refused, not changed. */
  {
    const char *big[] = {
      "{\"x\":123456789012345678901234567890}",
      "{\"x\":9223372036854775808}",
      "{\"x\":-9223372036854775809}",
    };
    const char *fine[] = {
      "{\"x\":9223372036854775807}",
      "{\"x\":-9223372036854775808}",
      "{\"x\":12345678901234567890.5}",
      "{\"x\":\"123456789012345678901234567890\"}",
    };

    for (guint i = 0; i < G_N_ELEMENTS (big); i++)
      {
        g_autoptr(GError) big_error = NULL;
        g_autoptr(JsonNode) refused = mix_json_parse_object (big[i], strlen (big[i]), &big_error);

        g_assert_null (refused);
        g_assert_error (big_error, MIX_JSON_ERROR, MIX_JSON_ERROR_SYNTAX);
        g_assert_nonnull (strstr (big_error->message, "1:6"));
      }
    for (guint i = 0; i < G_N_ELEMENTS (fine); i++)
      {
        g_autoptr(GError) fine_error = NULL;
        g_autoptr(JsonNode) read = mix_json_parse_object (fine[i], strlen (fine[i]), &fine_error);

        g_assert_no_error (fine_error);
        g_assert_nonnull (read);
      }
  }

  mix_json_append_node (compact, first);
  g_assert_cmpstr (compact->str, ==,
                   "{\"a\":[1e+22,1e-300,1e999,-1e999,3.0,-0.5,42,-7,0.10000000000000001,123456.789]}");
}

static void
test_round_trip (void)
{
  const char *text = "{\"format\":\"x\",\"list\":[1,true,null,\"é ✓\"],\"n\":{\"m\":2.5}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = mix_json_parse_object (text, strlen (text), &error);
  g_autoptr(JsonNode) again = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_no_error (error);
  data = mix_json_to_data (node, &length);
  g_assert_cmpuint (length, ==, strlen (data));
  g_assert_true (g_str_has_suffix (data, "\n"));
  again = mix_json_parse_object (data, length, &error);
  g_assert_no_error (error);
  g_assert_true (json_node_equal (node, again));
}

/* Strings are written with only what JSON requires escaped, and read back
 * the same: every control character, quotes and backslashes, anywhere in
 * the text, and text that needs nothing escaped, written in one piece. */
static void
test_strings_written (void)
{
  static const struct { const char *text; const char *json; } cases[] = {
    { "", "\"\"" },
    { "Ada Lovelace", "\"Ada Lovelace\"" },
    { "é ✓ 🤝", "\"é ✓ 🤝\"" },
    { "say \"hi\"", "\"say \\\"hi\\\"\"" },
    { "C:\\dir", "\"C:\\\\dir\"" },
    { "a\nb\r\tc\b\f", "\"a\\nb\\r\\tc\\b\\f\"" },
    { "\x01x\x1f", "\"\\u0001x\\u001f\"" },
    { "end\\", "\"end\\\\\"" },
  };
  g_autoptr(GString) controls = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new ("x");

      mix_json_append_string (out, cases[i].text);
      g_assert_cmpstr (out->str + 1, ==, cases[i].json);
    }

  /* Every character below 0x20, each between ordinary text. */
  for (guint c = 1; c < 0x20; c++)
    {
      g_string_append_c (controls, 'a');
      g_string_append_c (controls, (char) c);
    }
  g_string_append (controls, "\"\\z");
  {
    g_autoptr(GString) document = g_string_new ("{\"s\":");
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) node = NULL;

    mix_json_append_string (document, controls->str);
    g_string_append_c (document, '}');
    node = mix_json_parse_object (document->str, document->len, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "s"), ==,
                     controls->str);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/parse/refuses-deep", test_parse_refuses_deep);
  g_test_add_func ("/json/parse/refuses-non-json", test_parse_refuses_non_json);
  g_test_add_func ("/json/parse/error-position", test_parse_error_position);
  g_test_add_func ("/json/parse/accepts-limit-depth", test_parse_accepts_limit_depth);
  g_test_add_func ("/json/parse/errors", test_parse_errors);
  g_test_add_func ("/json/parse/accepts-whole", test_parse_accepts_whole);
  g_test_add_func ("/json/parse/values", test_parse_values);
  g_test_add_func ("/json/round-trip", test_round_trip);
  g_test_add_func ("/json/numbers-round-trip", test_numbers_round_trip);
  g_test_add_func ("/json/strings-written", test_strings_written);

  return g_test_run ();
}
