/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mix-date.h"
#include "mix-error.h"
#include "mix-json.h"
#include "mix-json-reader.h"
#include "mix-record.h"

/**
 * MixRecord:
 *
 * One row of a tracker tab. Values are kept in their stored form (see
 * mix_column_normalize_value()): text as typed, dates as `YYYY-MM-DD`,
 * choices by id, yes as "true"; an empty value is %NULL. Fields the tab
 * does not know, extra columns brought in from CSV, and keys of the row
 * object that this version does not know are all kept and written back.
 */
struct _MixRecord
{
  GObject     parent_instance;

  MixTab      tab;
  char       *id;
  char       *created;
  char       *modified;
  char      **values;          /* n_columns entries, each nullable */
  char      **sort_keys;       /* nullable; n_columns collation keys, made when sorting */
  char       *search_text;     /* nullable; every value as shown, casefolded, made when searching */
  JsonObject *extra;           /* nullable; string values, CSV columns with no home */
  JsonObject *unknown_fields;  /* nullable; members of "fields" not in the schema */
  JsonObject *unknown_keys;    /* nullable; members of the row not known here */
  MixRecordOwnerFunc owner_func;  /* nullable; the tracker holding the row */
  gpointer    owner_data;
  guint       serial;          /* counts the changes */
  guint       disk_serial;     /* the serial of the version in the file; 0: not there */
};

G_DEFINE_FINAL_TYPE (MixRecord, mix_record, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_str (char       **field,
         const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

static void
mix_record_finalize (GObject *object)
{
  MixRecord *self = (MixRecord *) object;
  guint n_columns = mix_tab_get_info (self->tab)->n_columns;

  for (guint i = 0; i < n_columns; i++)
    {
      g_free (self->values[i]);
      if (self->sort_keys != NULL)
        g_free (self->sort_keys[i]);
    }
  g_free (self->values);
  g_free (self->sort_keys);
  g_free (self->search_text);
  g_free (self->id);
  g_free (self->created);
  g_free (self->modified);
  g_clear_pointer (&self->extra, json_object_unref);
  g_clear_pointer (&self->unknown_fields, json_object_unref);
  g_clear_pointer (&self->unknown_keys, json_object_unref);

  G_OBJECT_CLASS (mix_record_parent_class)->finalize (object);
}

static void
mix_record_class_init (MixRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mix_record_finalize;

  /**
   * MixRecord::changed:
   * @column: the index of the column that changed, or -1 for extra fields
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__INT,
                  G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
mix_record_init (MixRecord *self)
{
}

static MixRecord *
record_alloc (MixTab tab)
{
  MixRecord *self = g_object_new (MIX_TYPE_RECORD, NULL);

  self->tab = tab;
  self->values = g_new0 (char *, mix_tab_get_info (tab)->n_columns);
  self->serial = 1;
  return self;
}

MixRecord *
mix_record_new (MixTab tab)
{
  MixRecord *self;

  g_return_val_if_fail (tab < MIX_N_TABS, NULL);

  self = record_alloc (tab);
  self->id = g_uuid_string_random ();
  self->created = mix_timestamp_now ();
  self->modified = g_strdup (self->created);
  return self;
}

/* Reads the value of the field @name of a row into @self. Returns FALSE
 * when the reader failed or the value does not fit the column, which
 * makes the row unreadable (*@unfit is then %TRUE). */
static gboolean
read_field (MixRecord     *self,
            const char    *name,
            MixJsonReader *reader,
            guint64       *seen,
            gboolean      *unfit)
{
  const MixTabInfo *info = mix_tab_get_info (self->tab);
  int column = mix_tab_find_column (self->tab, name);
  const MixColumn *col;
  MixJsonToken token;
  const char *text;

  if (column < 0)
    return mix_json_reader_keep_member (reader, &self->unknown_fields, name);

  if (*seen & (G_GUINT64_CONSTANT (1) << column))
    {
      mix_json_reader_fail_duplicate (reader);
      return FALSE;
    }
  *seen |= G_GUINT64_CONSTANT (1) << column;
  col = &info->columns[column];

  token = mix_json_reader_peek (reader);
  if (token == MIX_JSON_TOKEN_NULL)
    return mix_json_reader_read_null (reader);

  if (col->type == MIX_COLUMN_BOOLEAN)
    {
      gboolean value;

      if (token != MIX_JSON_TOKEN_BOOLEAN)
        {
          /* A yes/no field is not a boolean. */
          *unfit = TRUE;
          return FALSE;
        }
      if (!mix_json_reader_read_boolean (reader, &value))
        return FALSE;
      if (value)
        self->values[column] = g_strdup ("true");
      return TRUE;
    }

  if (token != MIX_JSON_TOKEN_STRING)
    {
      /* A field is not a string. */
      *unfit = TRUE;
      return FALSE;
    }
  text = mix_json_reader_read_string (reader);
  if (text == NULL)
    return FALSE;
  if (*text == '\0')
    return TRUE;

  if (col->type == MIX_COLUMN_DATE)
    {
      GDate date;

      g_date_clear (&date, 1);
      if (!mix_date_parse (text, &date))
        {
          /* A date field is not a date. */
          *unfit = TRUE;
          return FALSE;
        }
      self->values[column] = mix_date_to_iso (&date);
      return TRUE;
    }

  /* Text, URLs, emails and choices are kept as stored: a choice this
   * version does not know is shown as it is rather than thrown away. */
  self->values[column] = g_strdup (text);
  return TRUE;
}

enum {
  SEEN_ID = 1 << 0,
  SEEN_CREATED = 1 << 1,
  SEEN_MODIFIED = 1 << 2,
  SEEN_FIELDS = 1 << 3,
  SEEN_EXTRA = 1 << 4,
};

static guint
known_member (const char *member)
{
  if (g_str_equal (member, "id"))
    return SEEN_ID;
  if (g_str_equal (member, "created"))
    return SEEN_CREATED;
  if (g_str_equal (member, "modified"))
    return SEEN_MODIFIED;
  if (g_str_equal (member, "fields"))
    return SEEN_FIELDS;
  if (g_str_equal (member, "extra"))
    return SEEN_EXTRA;
  return 0;
}

static gboolean
read_row_member (MixRecord     *self,
                 guint          which,
                 MixJsonReader *reader,
                 gboolean      *unfit)
{
  const char *name;

  switch (which)
    {
    case SEEN_ID:
    case SEEN_CREATED:
    case SEEN_MODIFIED:
      {
        const char *text;

        if (mix_json_reader_peek (reader) != MIX_JSON_TOKEN_STRING)
          {
            /* An id or time stamp is not a string. */
            *unfit = TRUE;
            return FALSE;
          }
        text = mix_json_reader_read_string (reader);
        if (text == NULL)
          return FALSE;
        if (which == SEEN_ID)
          set_str (&self->id, *text ? text : NULL);
        else if (!mix_timestamp_is_valid (text))
          {
            /* A time stamp is not a date and time. */
            *unfit = TRUE;
            return FALSE;
          }
        else
          set_str (which == SEEN_CREATED ? &self->created : &self->modified, text);
        return TRUE;
      }

    case SEEN_FIELDS:
      {
        guint64 seen = 0;

        if (mix_json_reader_peek (reader) != MIX_JSON_TOKEN_OBJECT)
          {
            /* The fields are not an object. */
            *unfit = TRUE;
            return FALSE;
          }
        mix_json_reader_enter_object (reader);
        while (mix_json_reader_next_member (reader, &name))
          if (!read_field (self, name, reader, &seen, unfit))
            return FALSE;
        return !mix_json_reader_failed (reader);
      }

    case SEEN_EXTRA:
    default:
      if (mix_json_reader_peek (reader) != MIX_JSON_TOKEN_OBJECT)
        {
          /* The extra fields are not an object. */
          *unfit = TRUE;
          return FALSE;
        }
      self->extra = json_object_new ();
      mix_json_reader_enter_object (reader);
      while (mix_json_reader_next_member (reader, &name))
        {
          g_autofree char *member = g_strdup (name);
          const char *text;

          if (json_object_has_member (self->extra, member))
            {
              mix_json_reader_fail_duplicate (reader);
              return FALSE;
            }
          if (mix_json_reader_peek (reader) != MIX_JSON_TOKEN_STRING)
            {
              /* An extra field is not a string. */
              *unfit = TRUE;
              return FALSE;
            }
          text = mix_json_reader_read_string (reader);
          if (text == NULL)
            return FALSE;
          json_object_set_string_member (self->extra, member, text);
        }
      return !mix_json_reader_failed (reader);
    }
}

/**
 * mix_record_read:
 * @unfit: (out): set to %TRUE when the row is JSON but not a row of @tab
 *
 * Reads a row as stored in `tracker.json` from @reader, without building
 * it as a tree first. A row whose members have the wrong types is refused
 * with *@unfit set, and @reader is left in the middle of it: the caller
 * goes back to the row's start (mix_json_reader_rewind()) to keep it aside
 * unchanged rather than lose it. Otherwise %NULL means @reader failed.
 *
 * Returns: (transfer full) (nullable): the record
 */
MixRecord *
mix_record_read (MixTab         tab,
                 MixJsonReader *reader,
                 gboolean      *unfit)
{
  g_autoptr(MixRecord) self = NULL;
  const char *name;
  guint seen = 0;

  g_return_val_if_fail (tab < MIX_N_TABS, NULL);
  g_return_val_if_fail (unfit != NULL, NULL);

  *unfit = FALSE;

  switch (mix_json_reader_peek (reader))
    {
    case MIX_JSON_TOKEN_OBJECT:
      break;
    case MIX_JSON_TOKEN_NONE:
      return NULL;
    default:
      /* The row is not an object. */
      *unfit = TRUE;
      return NULL;
    }

  self = record_alloc (tab);
  mix_json_reader_enter_object (reader);
  while (mix_json_reader_next_member (reader, &name))
    {
      guint which = known_member (name);

      if (which == 0)
        {
          if (!mix_json_reader_keep_member (reader, &self->unknown_keys, name))
            return NULL;
          continue;
        }

      if (seen & which)
        {
          mix_json_reader_fail_duplicate (reader);
          return NULL;
        }
      seen |= which;
      if (!read_row_member (self, which, reader, unfit))
        return NULL;
    }
  if (mix_json_reader_failed (reader))
    return NULL;

  /* A row written by hand may lack its id or time stamps: give it them. */
  if (self->id == NULL)
    self->id = g_uuid_string_random ();
  if (self->created == NULL)
    self->created = mix_timestamp_now ();
  if (self->modified == NULL)
    self->modified = g_strdup (self->created);

  return g_steal_pointer (&self);
}

/**
 * mix_record_new_from_json:
 *
 * Reads a row as stored in `tracker.json`, as mix_record_read() does. A
 * row whose members have the wrong types is refused with an error, so the
 * caller can keep it aside unchanged rather than lose it.
 *
 * Returns: (transfer full) (nullable): the record
 */
MixRecord *
mix_record_new_from_json (MixTab     tab,
                          JsonNode  *node,
                          GError   **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  MixJsonReader reader;
  MixRecord *record;
  gboolean unfit = FALSE;

  g_return_val_if_fail (tab < MIX_N_TABS, NULL);
  g_return_val_if_fail (node != NULL, NULL);

  mix_json_append_node (text, node);
  mix_json_reader_init (&reader, text->str, text->len);
  record = mix_record_read (tab, &reader, &unfit);
  if (record == NULL)
    {
      if (unfit || !mix_json_reader_failed (&reader))
        g_set_error_literal (error, MIX_ERROR, MIX_ERROR_DAMAGED,
                             "the row does not have the shape of a row of its tab");
      else
        mix_json_reader_propagate_error (&reader, error);
    }
  mix_json_reader_clear (&reader);
  return record;
}

/**
 * mix_record_to_json:
 *
 * Returns: (transfer full): the row as stored in `tracker.json`
 */
JsonNode *
mix_record_to_json (MixRecord *self)
{
  const MixTabInfo *info;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  g_return_val_if_fail (MIX_IS_RECORD (self), NULL);

  info = mix_tab_get_info (self->tab);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, self->id);
  json_builder_set_member_name (builder, "created");
  json_builder_add_string_value (builder, self->created);
  json_builder_set_member_name (builder, "modified");
  json_builder_add_string_value (builder, self->modified);

  json_builder_set_member_name (builder, "fields");
  json_builder_begin_object (builder);
  for (guint i = 0; i < info->n_columns; i++)
    {
      json_builder_set_member_name (builder, info->columns[i].id);
      if (info->columns[i].type == MIX_COLUMN_BOOLEAN)
        json_builder_add_boolean_value (builder, self->values[i] != NULL);
      else
        json_builder_add_string_value (builder, self->values[i] ? self->values[i] : "");
    }
  if (self->unknown_fields != NULL)
    {
      json_object_iter_init (&iter, self->unknown_fields);
      while (json_object_iter_next (&iter, &member, &value))
        {
          json_builder_set_member_name (builder, member);
          json_builder_add_value (builder, json_node_copy (value));
        }
    }
  json_builder_end_object (builder);

  if (self->extra != NULL && json_object_get_size (self->extra) > 0)
    {
      json_builder_set_member_name (builder, "extra");
      json_builder_begin_object (builder);
      json_object_iter_init (&iter, self->extra);
      while (json_object_iter_next (&iter, &member, &value))
        {
          json_builder_set_member_name (builder, member);
          json_builder_add_value (builder, json_node_copy (value));
        }
      json_builder_end_object (builder);
    }

  if (self->unknown_keys != NULL)
    {
      json_object_iter_init (&iter, self->unknown_keys);
      while (json_object_iter_next (&iter, &member, &value))
        {
          json_builder_set_member_name (builder, member);
          json_builder_add_value (builder, json_node_copy (value));
        }
    }

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
append_members (GString    *out,
                JsonObject *object)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &member, &value))
    {
      g_string_append_c (out, ',');
      mix_json_append_string (out, member);
      g_string_append_c (out, ':');
      mix_json_append_node (out, value);
    }
}

/**
 * mix_record_append_json:
 *
 * Appends the row to @out as compact JSON text, the same document
 * mix_record_to_json() builds, without building it: saving thousands of
 * rows as a tree of nodes costs far more than writing them out.
 */
void
mix_record_append_json (MixRecord *self,
                        GString   *out)
{
  const MixTabInfo *info;

  g_return_if_fail (MIX_IS_RECORD (self));

  info = mix_tab_get_info (self->tab);

  g_string_append (out, "{\"id\":");
  mix_json_append_string (out, self->id);
  g_string_append (out, ",\"created\":");
  mix_json_append_string (out, self->created);
  g_string_append (out, ",\"modified\":");
  mix_json_append_string (out, self->modified);

  g_string_append (out, ",\"fields\":{");
  for (guint i = 0; i < info->n_columns; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      mix_json_append_string (out, info->columns[i].id);
      g_string_append_c (out, ':');
      if (info->columns[i].type == MIX_COLUMN_BOOLEAN)
        g_string_append (out, self->values[i] != NULL ? "true" : "false");
      else
        mix_json_append_string (out, self->values[i] != NULL ? self->values[i] : "");
    }
  if (self->unknown_fields != NULL)
    append_members (out, self->unknown_fields);
  g_string_append_c (out, '}');

  if (self->extra != NULL && json_object_get_size (self->extra) > 0)
    {
      JsonObjectIter iter;
      const char *member;
      JsonNode *value;
      gboolean first = TRUE;

      g_string_append (out, ",\"extra\":{");
      json_object_iter_init (&iter, self->extra);
      while (json_object_iter_next (&iter, &member, &value))
        {
          if (!first)
            g_string_append_c (out, ',');
          first = FALSE;
          mix_json_append_string (out, member);
          g_string_append_c (out, ':');
          mix_json_append_string (out, json_node_get_string (value));
        }
      g_string_append_c (out, '}');
    }

  if (self->unknown_keys != NULL)
    append_members (out, self->unknown_keys);

  g_string_append_c (out, '}');
}

MixTab
mix_record_get_tab (MixRecord *self)
{
  g_return_val_if_fail (MIX_IS_RECORD (self), MIX_TAB_EXISTING_NETWORK);
  return self->tab;
}

const char *
mix_record_get_id (MixRecord *self)
{
  g_return_val_if_fail (MIX_IS_RECORD (self), NULL);
  return self->id;
}

/* Gives the record a new id, for a row whose id another row already has. */
void
mix_record_reset_id (MixRecord *self)
{
  g_return_if_fail (MIX_IS_RECORD (self));
  g_free (self->id);
  self->id = g_uuid_string_random ();
}

const char *
mix_record_get_created (MixRecord *self)
{
  g_return_val_if_fail (MIX_IS_RECORD (self), NULL);
  return self->created;
}

const char *
mix_record_get_modified (MixRecord *self)
{
  g_return_val_if_fail (MIX_IS_RECORD (self), NULL);
  return self->modified;
}

/**
 * mix_record_get_value:
 *
 * Returns: (nullable): the stored value of @column, %NULL when empty
 */
const char *
mix_record_get_value (MixRecord *self,
                      guint      column)
{
  g_return_val_if_fail (MIX_IS_RECORD (self), NULL);
  g_return_val_if_fail (column < mix_tab_get_info (self->tab)->n_columns, NULL);

  return self->values[column];
}

const char *
mix_record_get_value_by_id (MixRecord  *self,
                            const char *column_id)
{
  int column;

  g_return_val_if_fail (MIX_IS_RECORD (self), NULL);

  column = mix_tab_find_column (self->tab, column_id);
  g_return_val_if_fail (column >= 0, NULL);
  return self->values[column];
}

gboolean
mix_record_get_boolean (MixRecord *self,
                        guint      column)
{
  return mix_record_get_value (self, column) != NULL;
}

static void
touch (MixRecord *self,
       int        column)
{
  char *modified = mix_timestamp_after (self->modified);

  g_free (self->modified);
  self->modified = modified;
  self->serial++;
  g_signal_emit (self, signals[CHANGED], 0, column);
  if (self->owner_func != NULL)
    self->owner_func (self, self->owner_data);
}

/**
 * mix_record_bump:
 *
 * Makes the row newer than any copy of it elsewhere, as when a deletion
 * is undone: a copy of the file that learnt of the deletion keeps the row
 * again rather than delete it.
 */
void
mix_record_bump (MixRecord *self)
{
  g_return_if_fail (MIX_IS_RECORD (self));
  touch (self, -1);
}

/**
 * mix_record_get_serial:
 *
 * Returns: a number that changes with each change of the row
 */
guint
mix_record_get_serial (MixRecord *self)
{
  g_return_val_if_fail (MIX_IS_RECORD (self), 0);
  return self->serial;
}

/**
 * mix_record_set_on_disk:
 * @serial: mix_record_get_serial() when the row was written or read
 *
 * Says that the row, as it was at @serial, is in the file.
 */
void
mix_record_set_on_disk (MixRecord *self,
                        guint      serial)
{
  g_return_if_fail (MIX_IS_RECORD (self));
  self->disk_serial = serial;
}

/**
 * mix_record_is_on_disk:
 *
 * Returns: %TRUE if the row is in the file as it is now, unchanged since
 *   it was last read or written
 */
gboolean
mix_record_is_on_disk (MixRecord *self)
{
  g_return_val_if_fail (MIX_IS_RECORD (self), FALSE);
  return self->disk_serial != 0 && self->disk_serial == self->serial;
}

#define SWAP(a, b) G_STMT_START { __typeof__ (a) swap_tmp = (a); (a) = (b); (b) = swap_tmp; } G_STMT_END

/**
 * mix_record_take:
 * @other: a version of the same row (the same id and tab) read from
 *   elsewhere; it is left with the old values
 *
 * Makes @self hold what @other holds, values, time stamps and all, as when
 * the row was changed on another computer, and tells whoever shows it.
 */
void
mix_record_take (MixRecord *self,
                 MixRecord *other)
{
  g_return_if_fail (MIX_IS_RECORD (self) && MIX_IS_RECORD (other));
  g_return_if_fail (self->tab == other->tab);

  SWAP (self->created, other->created);
  SWAP (self->modified, other->modified);
  SWAP (self->values, other->values);
  SWAP (self->sort_keys, other->sort_keys);
  SWAP (self->search_text, other->search_text);
  SWAP (self->extra, other->extra);
  SWAP (self->unknown_fields, other->unknown_fields);
  SWAP (self->unknown_keys, other->unknown_keys);
  self->serial++;
  g_signal_emit (self, signals[CHANGED], 0, -1);
  if (self->owner_func != NULL)
    self->owner_func (self, self->owner_data);
}

#undef SWAP

static gboolean
objects_equal (JsonObject *a,
               JsonObject *b)
{
  guint na = a != NULL ? json_object_get_size (a) : 0;
  guint nb = b != NULL ? json_object_get_size (b) : 0;
  g_autoptr(GString) ta = NULL;
  g_autoptr(GString) tb = NULL;
  g_autoptr(JsonNode) node_a = NULL;
  g_autoptr(JsonNode) node_b = NULL;

  if (na != nb)
    return FALSE;
  if (na == 0)
    return TRUE;
  ta = g_string_new (NULL);
  tb = g_string_new (NULL);
  node_a = json_node_init_object (json_node_alloc (), a);
  node_b = json_node_init_object (json_node_alloc (), b);
  mix_json_append_node (ta, node_a);
  mix_json_append_node (tb, node_b);
  return g_string_equal (ta, tb);
}

/**
 * mix_record_same_content:
 *
 * Returns: %TRUE if @a and @b hold the same values, extra fields and
 *   unknown members (their time stamps aside)
 */
gboolean
mix_record_same_content (MixRecord *a,
                         MixRecord *b)
{
  guint n_columns;

  g_return_val_if_fail (MIX_IS_RECORD (a) && MIX_IS_RECORD (b), FALSE);

  if (a->tab != b->tab)
    return FALSE;
  n_columns = mix_tab_get_info (a->tab)->n_columns;
  for (guint i = 0; i < n_columns; i++)
    if (g_strcmp0 (a->values[i], b->values[i]) != 0)
      return FALSE;
  return objects_equal (a->extra, b->extra) &&
         objects_equal (a->unknown_fields, b->unknown_fields) &&
         objects_equal (a->unknown_keys, b->unknown_keys);
}

/**
 * mix_record_set_owner:
 * @func: (nullable): called after each change of the row, after
 *   #MixRecord::changed
 *
 * Sets who holds the row: a tracker learns of its rows' changes this way
 * rather than with a signal handler each, which for tens of thousands of
 * rows cost much of the time to load them.
 */
void
mix_record_set_owner (MixRecord          *self,
                      MixRecordOwnerFunc  func,
                      gpointer            data)
{
  g_return_if_fail (MIX_IS_RECORD (self));

  self->owner_func = func;
  self->owner_data = data;
}

/**
 * mix_record_get_owner_data:
 *
 * Returns: (nullable): the data given with the owner's function
 */
gpointer
mix_record_get_owner_data (MixRecord *self)
{
  g_return_val_if_fail (MIX_IS_RECORD (self), NULL);

  return self->owner_func != NULL ? self->owner_data : NULL;
}

/**
 * mix_record_set_value:
 * @text: (nullable): the new value, as typed or imported
 *
 * Checks @text against the column's type (see
 * mix_column_normalize_value()) and stores it. A value that does not fit
 * leaves the old one in place and sets @error to a sentence for the user.
 *
 * Returns: %TRUE if the value was accepted
 */
gboolean
mix_record_set_value (MixRecord   *self,
                      guint        column,
                      const char  *text,
                      GError     **error)
{
  const MixTabInfo *info;
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (MIX_IS_RECORD (self), FALSE);
  info = mix_tab_get_info (self->tab);
  g_return_val_if_fail (column < info->n_columns, FALSE);

  if (!mix_column_normalize_value (&info->columns[column], text, &normalized, error))
    return FALSE;

  if (g_strcmp0 (normalized, self->values[column]) == 0)
    return TRUE;

  g_free (self->values[column]);
  self->values[column] = g_steal_pointer (&normalized);
  if (self->sort_keys != NULL)
    g_clear_pointer (&self->sort_keys[column], g_free);
  g_clear_pointer (&self->search_text, g_free);
  touch (self, (int) column);
  return TRUE;
}

/**
 * mix_record_set_value_as_typed:
 * @text: (nullable): the new value, as the user typed it
 * @problem: (optional): set when the value is kept but is not right
 *
 * Stores @text as mix_record_set_value() does, except that a web or email
 * address that is not one is kept as typed (without the spaces around it)
 * rather than refused: what the user typed is not thrown away, and the
 * table shows it marked until it is fixed (see mix_column_check_value()).
 * A date, choice or yes/no that is not one is refused, as it would not be
 * read back as one.
 *
 * Returns: %TRUE if the value was stored, right or not
 */
gboolean
mix_record_set_value_as_typed (MixRecord   *self,
                               guint        column,
                               const char  *text,
                               GError     **problem)
{
  g_autoptr(GError) error = NULL;
  const MixColumn *info;
  g_autofree char *kept = NULL;

  g_return_val_if_fail (MIX_IS_RECORD (self), FALSE);
  g_return_val_if_fail (column < mix_tab_get_info (self->tab)->n_columns, FALSE);

  if (mix_record_set_value (self, column, text, &error))
    return TRUE;
  info = &mix_tab_get_info (self->tab)->columns[column];
  if (info->type != MIX_COLUMN_URL && info->type != MIX_COLUMN_EMAIL)
    {
      g_propagate_error (problem, g_steal_pointer (&error));
      return FALSE;
    }

  kept = g_strstrip (g_strdup (text));
  if (g_strcmp0 (kept, self->values[column]) != 0)
    {
      g_free (self->values[column]);
      self->values[column] = g_steal_pointer (&kept);
      if (self->sort_keys != NULL)
        g_clear_pointer (&self->sort_keys[column], g_free);
      g_clear_pointer (&self->search_text, g_free);
      touch (self, (int) column);
    }
  g_propagate_error (problem, g_steal_pointer (&error));
  return TRUE;
}

gboolean
mix_record_set_value_by_id (MixRecord   *self,
                            const char  *column_id,
                            const char  *text,
                            GError     **error)
{
  int column;

  g_return_val_if_fail (MIX_IS_RECORD (self), FALSE);

  column = mix_tab_find_column (self->tab, column_id);
  g_return_val_if_fail (column >= 0, FALSE);
  return mix_record_set_value (self, (guint) column, text, error);
}

/* The collation key of @column's value, made the first time. */
static const char *
sort_key (MixRecord *self,
          guint      column,
          guint      n_columns)
{
  if (self->values[column] == NULL)
    return NULL;
  if (self->sort_keys == NULL)
    self->sort_keys = g_new0 (char *, n_columns);
  if (self->sort_keys[column] == NULL)
    self->sort_keys[column] = g_utf8_collate_key (self->values[column], -1);
  return self->sort_keys[column];
}

/**
 * mix_record_compare_text:
 *
 * Compares @a and @b by @column's value as text, in the order of the
 * user's language; empty values go last, as in a spreadsheet. A sort of
 * 10,000 rows calls this some 130,000 times: the collation keys are made
 * once and kept.
 *
 * Returns: < 0, 0 or > 0 as @a comes before, with or after @b
 */
int
mix_record_compare_text (MixRecord *a,
                         MixRecord *b,
                         guint      column)
{
  guint n_columns;
  const char *ka;
  const char *kb;

  g_return_val_if_fail (MIX_IS_RECORD (a) && MIX_IS_RECORD (b), 0);
  g_return_val_if_fail (a->tab == b->tab, 0);
  n_columns = mix_tab_get_info (a->tab)->n_columns;
  g_return_val_if_fail (column < n_columns, 0);

  ka = sort_key (a, column, n_columns);
  kb = sort_key (b, column, n_columns);
  if (ka == NULL || kb == NULL)
    return (ka == NULL) - (kb == NULL);
  return strcmp (ka, kb);
}

/**
 * mix_record_compare:
 *
 * Compares @a and @b by @column as the tracker sorts it: yes/no with no
 * first; choices in the order they are listed, unknown ones after them
 * and empty ones last; dates in time, empty ones last; anything else as
 * text (see mix_record_compare_text()). A sort calls this some 130,000
 * times for 10,000 rows: each value is fetched only where the column's
 * type needs it.
 *
 * Returns: < 0, 0 or > 0 as @a comes before, with or after @b
 */
int
mix_record_compare (MixRecord *a,
                    MixRecord *b,
                    guint      column)
{
  const MixTabInfo *info;
  const MixColumn *col;
  const char *va;
  const char *vb;

  g_return_val_if_fail (MIX_IS_RECORD (a) && MIX_IS_RECORD (b), 0);
  g_return_val_if_fail (a->tab == b->tab, 0);
  info = mix_tab_get_info (a->tab);
  g_return_val_if_fail (column < info->n_columns, 0);
  col = &info->columns[column];

  switch (col->type)
    {
    case MIX_COLUMN_BOOLEAN:
      return (mix_record_get_value (a, column) != NULL) - (mix_record_get_value (b, column) != NULL);

    case MIX_COLUMN_CHOICE:
      {
        int ia, ib;

        va = mix_record_get_value (a, column);
        vb = mix_record_get_value (b, column);
        if (va == NULL || vb == NULL)
          return (va == NULL) - (vb == NULL);
        ia = mix_column_choice_index (col, va);
        ib = mix_column_choice_index (col, vb);
        if (ia < 0)
          ia = G_MAXINT / 2;
        if (ib < 0)
          ib = G_MAXINT / 2;
        return (ia > ib) - (ia < ib);
      }

    case MIX_COLUMN_DATE:
      /* ISO dates sort as text. */
      va = mix_record_get_value (a, column);
      vb = mix_record_get_value (b, column);
      if (va == NULL || vb == NULL)
        return (va == NULL) - (vb == NULL);
      return strcmp (va, vb);

    case MIX_COLUMN_TEXT:
    case MIX_COLUMN_LONG_TEXT:
    case MIX_COLUMN_URL:
    case MIX_COLUMN_EMAIL:
    default:
      return mix_record_compare_text (a, b, column);
    }
}

const char *
mix_record_get_extra (MixRecord  *self,
                      const char *name)
{
  g_return_val_if_fail (MIX_IS_RECORD (self), NULL);

  if (self->extra == NULL || !json_object_has_member (self->extra, name))
    return NULL;
  return json_object_get_string_member (self->extra, name);
}

void
mix_record_set_extra (MixRecord  *self,
                      const char *name,
                      const char *value)
{
  g_return_if_fail (MIX_IS_RECORD (self));
  g_return_if_fail (name != NULL);

  if (g_strcmp0 (mix_record_get_extra (self, name), value) == 0)
    return;

  if (value == NULL)
    json_object_remove_member (self->extra, name);
  else
    {
      if (self->extra == NULL)
        self->extra = json_object_new ();
      json_object_set_string_member (self->extra, name, value);
    }
  touch (self, -1);
}

/* The row's marks: what the user said of the row outside its fields, kept
 * with the row (so merged with it, and kept by versions that do not know
 * them, as unknown members are). */
#define MARKS_MEMBER "marks"

/**
 * mix_record_get_mark:
 *
 * Returns: (nullable): the row's mark under @key, such as Today's "done"
 */
const char *
mix_record_get_mark (MixRecord  *self,
                     const char *key)
{
  JsonNode *marks, *value;

  g_return_val_if_fail (MIX_IS_RECORD (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (self->unknown_keys == NULL)
    return NULL;
  marks = json_object_get_member (self->unknown_keys, MARKS_MEMBER);
  if (marks == NULL || !JSON_NODE_HOLDS_OBJECT (marks))
    return NULL;
  value = json_object_get_member (json_node_get_object (marks), key);
  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value) ||
      json_node_get_value_type (value) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (value);
}

/**
 * mix_record_set_mark:
 * @value: (nullable): the mark, or %NULL to take it off
 *
 * Marks the row under @key, a change of the row like any other. A "marks"
 * member that is not an object (written by hand) is replaced.
 */
void
mix_record_set_mark (MixRecord  *self,
                     const char *key,
                     const char *value)
{
  JsonNode *node;
  g_autoptr(JsonObject) marks = json_object_new ();

  g_return_if_fail (MIX_IS_RECORD (self));
  g_return_if_fail (key != NULL);

  if (g_strcmp0 (mix_record_get_mark (self, key), value) == 0)
    return;
  if (self->unknown_keys == NULL)
    self->unknown_keys = json_object_new ();

  /* Made anew: the one written out may be sealed, and shared. */
  node = json_object_get_member (self->unknown_keys, MARKS_MEMBER);
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *member;
      JsonNode *old;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &member, &old))
        if (!g_str_equal (member, key))
          json_object_set_member (marks, member, json_node_copy (old));
    }
  if (value != NULL)
    json_object_set_string_member (marks, key, value);
  if (json_object_get_size (marks) == 0)
    json_object_remove_member (self->unknown_keys, MARKS_MEMBER);
  else
    json_object_set_object_member (self->unknown_keys, MARKS_MEMBER, g_steal_pointer (&marks));
  touch (self, -1);
}

/* Asks the processor to fetch @address into its caches while other work goes on. */
static inline void
prefetch (const void *address)
{
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch (address);
#endif
}

/**
 * mix_record_prefetch:
 * @what: which of the record's data to bring in; each needs the one before
 *   it brought in a little earlier, as it reads it to find its own
 *
 * Brings the record's data into the processor's caches ahead of use. A walk
 * over many rows, such as an export, calls this a few rows ahead, one step
 * further for each @what: once there are many rows, one row and the next
 * lie far apart in memory, and so does each of their values. It checks
 * nothing, as that would read the record at once.
 */
void
mix_record_prefetch (MixRecord         *self,
                     MixRecordPrefetch  what)
{
  switch (what)
    {
    case MIX_RECORD_PREFETCH_RECORD:
      prefetch (self);
      break;
    case MIX_RECORD_PREFETCH_VALUES:
      prefetch (self->values);
      break;
    case MIX_RECORD_PREFETCH_TEXT:
    default:
      {
        guint n_columns = mix_tab_get_info (self->tab)->n_columns;

        for (guint c = 0; c < n_columns; c++)
          if (self->values[c] != NULL)
            prefetch (self->values[c]);
      }
      break;
    }
}

/**
 * mix_record_list_extra:
 *
 * Returns: (transfer container) (element-type utf8): the names of the
 *   extra fields, in the order they were added
 */
GList *
mix_record_list_extra (MixRecord *self)
{
  g_return_val_if_fail (MIX_IS_RECORD (self), NULL);

  if (self->extra == NULL)
    return NULL;
  return json_object_get_members (self->extra);
}

/**
 * mix_record_get_display_value:
 *
 * Returns: (transfer full): the value of @column as the user reads it:
 *   a choice's label in the current language, "Yes" or "", dates as stored
 */
char *
mix_record_get_display_value (MixRecord *self,
                              guint      column)
{
  const MixColumn *col;
  const char *value = mix_record_get_value (self, column);
  int choice;

  if (value == NULL)
    return g_strdup ("");

  col = &mix_tab_get_info (self->tab)->columns[column];
  switch (col->type)
    {
    case MIX_COLUMN_BOOLEAN:
      return g_strdup (_("Yes"));
    case MIX_COLUMN_CHOICE:
      choice = mix_column_choice_index (col, value);
      return g_strdup (choice >= 0 ? _(col->choices[choice].label) : value);
    case MIX_COLUMN_TEXT:
    case MIX_COLUMN_LONG_TEXT:
    case MIX_COLUMN_DATE:
    case MIX_COLUMN_URL:
    case MIX_COLUMN_EMAIL:
    default:
      return g_strdup (value);
    }
}

/**
 * mix_record_matches:
 * @folded_needle: search text, already passed through mix_text_fold()
 *
 * Returns: %TRUE if any column's displayed value contains @folded_needle,
 *   ignoring case and accents
 */
gboolean
mix_record_matches (MixRecord  *self,
                    const char *folded_needle)
{
  g_return_val_if_fail (MIX_IS_RECORD (self), FALSE);

  if (folded_needle == NULL || *folded_needle == '\0')
    return TRUE;

  /* Every value as shown, folded, one per line: made once and kept
   * until a value changes, as each keystroke of a search asks every row. */
  if (self->search_text == NULL)
    {
      guint n_columns = mix_tab_get_info (self->tab)->n_columns;
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < n_columns; i++)
        {
          g_autofree char *display = NULL;

          if (self->values[i] == NULL)
            continue;
          display = mix_record_get_display_value (self, i);
          g_string_append (text, display);
          g_string_append_c (text, '\n');
        }
      self->search_text = mix_text_fold (text->str, (gssize) text->len);
    }

  return strstr (self->search_text, folded_needle) != NULL;
}
