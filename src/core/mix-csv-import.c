/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mix-csv.h"
#include "mix-csv-import.h"
#include "mix-record.h"

/* What an imported file may hold: enough for any tracker, and little enough that the
 * memory an import takes stays bounded however the file is made. */
static const MixCsvLimits import_limits = {
  .max_bytes = MIX_CSV_IMPORT_MAX_BYTES,
  .max_fields = MIX_CSV_IMPORT_MAX_COLUMNS,
  .max_rows = MIX_CSV_IMPORT_MAX_ROWS,
  .max_cells = MIX_CSV_IMPORT_MAX_CELLS,
};

/* How much of a file is read at a time when its size is not known. */
#define READ_CHUNK (64 * 1024)

typedef struct
{
  guint index;    /* in MixCsvImport.rows, the header being 0 */
  guint n_cells;
} DataRow;

struct _MixCsvImport
{
  MixTab     tab;
  GBytes    *data;       /* the text, to be read again with another delimiter */
  char      *display_name;  /* nullable: the file's, for messages */
  char       delimiter;
  GPtrArray *rows;       /* GStrv, as parsed and unguarded; row 0 is the header */
  guint      n_skipped;  /* rows before the header, left out (LinkedIn's notes) */
  GArray    *data_rows;  /* DataRow: the rows after the header that are not empty */
  guint      n_columns;  /* source columns: the longest row, header included */
  char     **titles;     /* n_columns entries */
  int       *mapping;    /* n_columns entries: a column of the tab, EXTRA or SKIP */
};

/* Other names spreadsheets commonly give the tabs' columns. */
typedef struct
{
  int         tab;        /* a MixTab, or -1 for every tab with the column */
  const char *column_id;
  const char *alias;
} HeaderAlias;

static const HeaderAlias header_aliases[] = {
  /* Translators: this and the following strings are other names a column may have in a
   * spreadsheet being imported; they are recognised in English and in your language. */
  { -1, "linkedin", N_("LinkedIn URL") },
  { -1, "linkedin", N_("LinkedIn profile") },
  { -1, "email", N_("E-mail") },
  { -1, "email", N_("Email address") },
  { -1, "name", N_("Full name") },
  { -1, "name", N_("Contact") },
  { -1, "follow_up_date", N_("Follow up by") },
  { MIX_TAB_NETWORKING_LOG, "date", N_("Date met") },
  /* LinkedIn's Connections.csv, Google Contacts and Outlook */
  { -1, "name", N_("First name") },
  { -1, "name", N_("Given name") },
  { -1, "linkedin", N_("URL") },
  { -1, "linkedin", N_("Profile URL") },
  { -1, "email", N_("E-mail address") },
  { -1, "email", N_("E-mail 1 - Value") },
  { -1, "role", N_("Position") },
  { -1, "role", N_("Title") },
  { -1, "role", N_("Job title") },
  { -1, "role", N_("Organization title") },
  { -1, "company", N_("Organization") },
  { -1, "company", N_("Organisation") },
  { -1, "company", N_("Organization name") },
  { MIX_TAB_NEW_CONTACTS, "research_notes", N_("Notes") },
  { MIX_TAB_NEW_CONTACTS, "found_via", N_("How we met") },
  { MIX_TAB_NEW_CONTACTS, "contacted_on", N_("Connected on") },
  { MIX_TAB_EXISTING_NETWORK, "last_contact", N_("Connected on") },
  { MIX_TAB_EXISTING_NETWORK, "how_they_could_help", N_("How we met") },
};

/* Headers that hold the rest of a name whose first part another column
 * holds. */
static const char * const name_rest_headers[] = {
  N_("Last name"), N_("Surname"), N_("Family name"), N_("Middle name"),
};
static const char * const name_first_headers[] = {
  N_("First name"), N_("Given name"),
};

typedef struct
{
  guint  target;
  char  *key;
} HeaderKey;

/* Reading ----------------------------------------------------------------------------- */

/* The form in which headers are compared: case folded, and only letters and digits, so
 * that "Follow-up date", "follow_up_date" and "FOLLOW UP DATE" are all "followupdate". */
static char *
header_key (const char *text)
{
  g_autofree char *composed = NULL;
  g_autofree char *folded = NULL;
  GString *key;

  composed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  if (composed == NULL)
    return g_strdup ("");

  folded = g_utf8_casefold (composed, -1);
  key = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

static void
header_key_clear (gpointer data)
{
  HeaderKey *key = data;

  g_free (key->key);
}

static void
add_header_key (GArray     *keys,
                guint       target,
                const char *text)
{
  HeaderKey key = { target, header_key (text) };

  if (*key.key == '\0')
    {
      g_free (key.key);
      return;
    }

  g_array_append_val (keys, key);
}

/* What each column of @tab is called: its id, its title, and the other names
 * spreadsheets give it, in English and translated. */
static GArray *
make_keys (MixTab tab)
{
  const MixTabInfo *info = mix_tab_get_info (tab);
  GArray *keys = g_array_new (FALSE, FALSE, sizeof (HeaderKey));

  g_array_set_clear_func (keys, header_key_clear);
  for (guint t = 0; t < info->n_columns; t++)
    {
      const MixColumn *column = &info->columns[t];

      add_header_key (keys, t, column->id);
      add_header_key (keys, t, column->title);
      add_header_key (keys, t, _(column->title));
    }
  for (guint i = 0; i < G_N_ELEMENTS (header_aliases); i++)
    {
      const HeaderAlias *alias = &header_aliases[i];
      int t;

      if (alias->tab >= 0 && alias->tab != (int) tab)
        continue;
      t = mix_tab_find_column (tab, alias->column_id);
      if (t < 0)
        continue;
      add_header_key (keys, (guint) t, alias->alias);
      add_header_key (keys, (guint) t, _(alias->alias));
    }
  return keys;
}

static int
find_key (GArray     *keys,
          const char *key)
{
  for (guint k = 0; k < keys->len; k++)
    if (g_str_equal (g_array_index (keys, HeaderKey, k).key, key))
      return (int) g_array_index (keys, HeaderKey, k).target;
  return -1;
}

static gboolean
header_is_one_of (const char         *key,
                  const char * const *headers,
                  gsize               n_headers)
{
  for (gsize i = 0; i < n_headers; i++)
    {
      g_autofree char *english = header_key (headers[i]);
      g_autofree char *translated = header_key (_(headers[i]));

      if (g_str_equal (key, english) || g_str_equal (key, translated))
        return TRUE;
    }
  return FALSE;
}

/* How many cells of @row name a column of the tab, or the rest of a name. */
static guint
count_header_cells (GArray             *keys,
                    const char * const *row)
{
  guint n = 0;

  for (guint s = 0; row[s] != NULL; s++)
    {
      g_autofree char *key = header_key (row[s]);

      if (*key != '\0' && (find_key (keys, key) >= 0 ||
                           header_is_one_of (key, name_rest_headers,
                                             G_N_ELEMENTS (name_rest_headers))))
        n++;
    }
  return n;
}

/* Rows a header is looked for in: LinkedIn's Connections.csv has three
 * lines of notes before its own. */
#define HEADER_SEARCH_ROWS 20

/* The row that is the file's header: the first row, unless a row among the
 * first ones names two or more columns of the tab and the first does not
 * (notes before the header, as LinkedIn writes them). */
static guint
find_header_row (MixTab     tab,
                 GPtrArray *rows)
{
  g_autoptr(GArray) keys = make_keys (tab);

  if (count_header_cells (keys, g_ptr_array_index (rows, 0)) >= 2)
    return 0;
  for (guint i = 1; i < rows->len && i < HEADER_SEARCH_ROWS; i++)
    if (count_header_cells (keys, g_ptr_array_index (rows, i)) >= 2)
      return i;
  return 0;
}

/* Maps each source column whose header names a column of the tab onto that column, the
 * first such source column winning; every other one is kept as extra fields. A column
 * such as "Last Name" goes into Name after the one that holds the first name. */
static void
guess_mapping (MixCsvImport *self)
{
  const MixTabInfo *info = mix_tab_get_info (self->tab);
  const char * const *header = g_ptr_array_index (self->rows, 0);
  g_autoptr(GArray) keys = make_keys (self->tab);
  g_autofree gboolean *used = g_new0 (gboolean, info->n_columns);
  int name_column = mix_tab_find_column (self->tab, "name");
  gboolean name_is_first = FALSE;

  for (guint s = 0; s < self->n_columns; s++)
    {
      g_autofree char *key = NULL;
      int target;

      self->mapping[s] = MIX_CSV_IMPORT_EXTRA;

      if (header[s] == NULL)
        {
          /* The header is shorter than some rows; so are the rest of the columns. */
          for (s++; s < self->n_columns; s++)
            self->mapping[s] = MIX_CSV_IMPORT_EXTRA;
          break;
        }

      key = header_key (header[s]);
      if (*key == '\0')
        continue;

      target = find_key (keys, key);
      if (target >= 0 && !used[target])
        {
          used[target] = TRUE;
          self->mapping[s] = target;
          if (target == name_column)
            name_is_first = header_is_one_of (key, name_first_headers,
                                              G_N_ELEMENTS (name_first_headers));
        }
    }

  if (!name_is_first)
    return;
  for (guint s = 0; s < self->n_columns && header[s] != NULL; s++)
    {
      g_autofree char *key = header_key (header[s]);

      if (self->mapping[s] == MIX_CSV_IMPORT_EXTRA &&
          header_is_one_of (key, name_rest_headers, G_N_ELEMENTS (name_rest_headers)))
        self->mapping[s] = MIX_CSV_IMPORT_NAME_REST;
    }
}

/* Takes over @rows, as mix_csv_parse() returns them, in place of what @self held. */
static void
take_rows (MixCsvImport *self,
           GPtrArray    *rows)
{
  guint n_header;

  g_assert (rows != NULL && rows->len > 0);

  /* Notes before the header are left out. */
  self->n_skipped = find_header_row (self->tab, rows);
  if (self->n_skipped > 0)
    g_ptr_array_remove_range (rows, 0, self->n_skipped);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->data_rows, g_array_unref);
  g_clear_pointer (&self->titles, g_strfreev);
  g_clear_pointer (&self->mapping, g_free);

  self->rows = rows;
  self->data_rows = g_array_sized_new (FALSE, FALSE, sizeof (DataRow), rows->len - 1);

  n_header = g_strv_length (g_ptr_array_index (rows, 0));
  self->n_columns = n_header;

  for (guint i = 0; i < rows->len; i++)
    {
      GStrv cells = g_ptr_array_index (rows, i);
      gboolean empty = TRUE;
      guint n;

      for (n = 0; cells[n] != NULL; n++)
        {
          /* Undo the formula guard that the export adds: the cell starts one character
           * later. The row is one block (see mix_csv_parse_limited()), so no cell is
           * freed or replaced on its own. */
          if (mix_csv_is_guarded (cells[n]))
            cells[n]++;

          if (cells[n][0] != '\0')
            empty = FALSE;
        }

      if (i == 0 || empty)
        continue;

      g_array_append_val (self->data_rows, ((DataRow) { .index = i, .n_cells = n }));
      self->n_columns = MAX (self->n_columns, n);
    }

  self->titles = g_new0 (char *, self->n_columns + 1);
  for (guint s = 0; s < self->n_columns; s++)
    {
      const char *header = s < n_header ? ((GStrv) g_ptr_array_index (rows, 0))[s] : NULL;
      g_autofree char *stripped = g_strstrip (g_strdup (header != NULL ? header : ""));

      if (*stripped != '\0')
        self->titles[s] = g_strdup (header);
      else
        /* Translators: the name of a column of an imported file that has no header;
         * %u counts the columns from 1. */
        self->titles[s] = g_strdup_printf (_("Column %u"), s + 1);
    }

  self->mapping = g_new (int, MAX (self->n_columns, 1));
  guess_mapping (self);
}

/* Parses @self's text with @delimiter, leaving @self as it was on error. */
static gboolean
parse (MixCsvImport  *self,
       char           delimiter,
       GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  MixCsvLimits limits = import_limits;
  GPtrArray *rows;
  gconstpointer data;
  gsize length;

  data = g_bytes_get_data (self->data, &length);
  limits.delimiter = delimiter;
  rows = mix_csv_parse_limited (data, length, &limits, &local_error);
  if (rows == NULL)
    {
      if (self->display_name != NULL)
        g_set_error (error, local_error->domain, local_error->code,
                     /* Translators: the first %s is a file name, the second a sentence
                      * saying what is wrong with it, such as “Line 3 is not valid UTF-8
                      * text.” */
                     _("The file “%s” cannot be imported. %s"), self->display_name,
                     local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  self->delimiter = delimiter;
  take_rows (self, rows);
  return TRUE;
}

/**
 * mix_csv_import_new_from_bytes:
 * @tab: the tab to import into
 * @data: the CSV text, UTF-8 with or without a byte order mark
 * @delimiter: what separates the fields, or 0 to find it out (see
 *   mix_csv_detect_delimiter())
 * @display_name: (nullable): the name of the file it came from, for messages
 * @error: return location for a #MixCsvError
 *
 * Reads @data as mix_csv_import_new_from_data() does, with @delimiter.
 *
 * Returns: (transfer full) (nullable): the import, or %NULL with @error set
 */
MixCsvImport *
mix_csv_import_new_from_bytes (MixTab       tab,
                               GBytes      *data,
                               char         delimiter,
                               const char  *display_name,
                               GError     **error)
{
  g_autoptr(MixCsvImport) self = NULL;

  g_return_val_if_fail (tab < MIX_N_TABS, NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (MixCsvImport, 1);
  self->tab = tab;
  self->data = g_bytes_ref (data);
  self->display_name = g_strdup (display_name);
  if (delimiter == '\0')
    {
      gsize length;
      const char *text = g_bytes_get_data (data, &length);

      delimiter = mix_csv_detect_delimiter (text, length);
    }
  if (!parse (self, delimiter, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * mix_csv_import_get_delimiter:
 *
 * Returns: what separates the fields, as found or as set
 */
char
mix_csv_import_get_delimiter (MixCsvImport *self)
{
  g_return_val_if_fail (self != NULL, ',');
  return self->delimiter;
}

/**
 * mix_csv_import_set_delimiter:
 *
 * Reads the text again, its fields separated by @delimiter, and maps its
 * columns again. On error the import is left as it was.
 *
 * Returns: %FALSE with @error set if the text cannot be read so
 */
gboolean
mix_csv_import_set_delimiter (MixCsvImport  *self,
                              char           delimiter,
                              GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (delimiter != '\0', FALSE);

  if (delimiter == self->delimiter)
    return TRUE;
  return parse (self, delimiter, error);
}

/**
 * mix_csv_import_new_from_data:
 * @tab: the tab to import into
 * @data: (array length=length): the CSV text, UTF-8 with or without a byte order mark
 * @length: the length of @data in bytes
 * @error: return location for a #MixCsvError
 *
 * Reads a CSV document whose first row is a header, and maps its columns onto those of
 * @tab by their headers: a header matches a column when, ignoring case and everything but
 * letters and digits, it equals the column's id, its title in English or in the current
 * language, or one of a few common other names ("Email address", "Full name"…). Each
 * column of the tab takes the first source column that matches it; every other source
 * column is kept as extra fields.
 *
 * Text with more than %MIX_CSV_IMPORT_MAX_COLUMNS columns in a row, more than
 * %MIX_CSV_IMPORT_MAX_ROWS rows or more than %MIX_CSV_IMPORT_MAX_CELLS cells is refused
 * as soon as the line that goes past the limit is read, so that memory stays bounded.
 *
 * Returns: (transfer full) (nullable): the import, or %NULL with @error set
 */
MixCsvImport *
mix_csv_import_new_from_data (MixTab       tab,
                              const char  *data,
                              gsize        length,
                              GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (tab < MIX_N_TABS, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_bytes_new (data, length);
  return mix_csv_import_new_from_bytes (tab, bytes, '\0', NULL, error);
}

static void
set_read_error (GError     **error,
                const char  *display_name,
                GError      *io_error)
{
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, G_IO_ERROR, io_error->code,
                 _("The file “%s” does not exist."), display_name);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    g_set_error (error, G_IO_ERROR, io_error->code,
                 _("You do not have permission to read the file “%s”."), display_name);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    g_set_error (error, G_IO_ERROR, io_error->code,
                 _("“%s” is a folder, not a file."), display_name);
  else
    g_set_error (error, io_error->domain, io_error->code,
                 /* Translators: the first %s is a file name, the second what went wrong. */
                 _("The file “%s” could not be read: %s"), display_name, io_error->message);
}

/* @size is the file's size, or -1 when it was not known and reading stopped at the limit. */
static void
set_too_large_error (GError     **error,
                     const char  *display_name,
                     goffset      size)
{
  g_autofree char *limit_text = g_format_size (MIX_CSV_IMPORT_MAX_BYTES);

  if (size < 0)
    {
      g_set_error (error, MIX_CSV_ERROR, MIX_CSV_ERROR_TOO_LARGE,
                   _("The file “%s” is too large; the limit is %s."),
                   display_name, limit_text);
    }
  else
    {
      g_autofree char *size_text = g_format_size ((guint64) size);

      g_set_error (error, MIX_CSV_ERROR, MIX_CSV_ERROR_TOO_LARGE,
                   _("The file “%s” is too large (%s); the limit is %s."),
                   display_name, size_text, limit_text);
    }
}

/**
 * mix_csv_import_read_file:
 * @path: a file, a pipe, `/dev/stdin`, or a shell's `<(…)`
 * @error: return location for an error, a sentence that names the file
 *
 * Reads the whole of @path, refusing it without reading it if it is larger than the
 * limit, and stopping as soon as it goes past the limit if its size was not known (a
 * pipe). It blocks until a pipe's writer is done: never on the main loop of a window.
 *
 * Returns: (transfer full) (nullable): the text
 */
GBytes *
mix_csv_import_read_file (const char  *path,
                          GError     **error)
{
  g_autofree char *display_name = g_filename_display_name (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  g_autoptr(GError) local_error = NULL;
  goffset size = 0;

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      set_read_error (error, display_name, local_error);
      return NULL;
    }

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    size = g_file_info_get_size (info);

  if (size > MIX_CSV_IMPORT_MAX_BYTES)
    {
      set_too_large_error (error, display_name, size);
      return NULL;
    }

  buffer = g_byte_array_sized_new ((guint) MAX (size, 0) + READ_CHUNK);

  for (;;)
    {
      guint old_len = buffer->len;
      gsize n_read = 0;

      g_byte_array_set_size (buffer, old_len + READ_CHUNK);
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer->data + old_len,
                                    READ_CHUNK, &n_read, NULL, &local_error))
        {
          set_read_error (error, display_name, local_error);
          return NULL;
        }
      g_byte_array_set_size (buffer, old_len + (guint) n_read);

      if (buffer->len > MIX_CSV_IMPORT_MAX_BYTES)
        {
          /* Only the start of a file as large as this is read. */
          set_too_large_error (error, display_name, -1);
          return NULL;
        }

      if (n_read < READ_CHUNK)
        break;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/**
 * mix_csv_import_new_from_file:
 * @tab: the tab to import into
 * @path: the file to read, in the GLib file name encoding
 * @error: return location for an error
 *
 * Reads @path as mix_csv_import_new_from_data() reads text. A file larger than
 * %MIX_CSV_IMPORT_MAX_BYTES is refused before it is read; one whose size is not known
 * (a pipe) is read no further than the limit. Every error message is a
 * sentence that names the file; errors in the text keep their #MixCsvError code and say
 * which line is wrong.
 *
 * Returns: (transfer full) (nullable): the import, or %NULL with @error set
 */
MixCsvImport *
mix_csv_import_new_from_file (MixTab       tab,
                              const char  *path,
                              GError     **error)
{
  g_autofree char *display_name = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (tab < MIX_N_TABS, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_filename_display_name (path);
  bytes = mix_csv_import_read_file (path, error);
  if (bytes == NULL)
    return NULL;
  return mix_csv_import_new_from_bytes (tab, bytes, '\0', display_name, error);
}

void
mix_csv_import_free (MixCsvImport *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->data, g_bytes_unref);
  g_free (self->display_name);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->data_rows, g_array_unref);
  g_strfreev (self->titles);
  g_free (self->mapping);
  g_free (self);
}

MixTab
mix_csv_import_get_tab (MixCsvImport *self)
{
  g_return_val_if_fail (self != NULL, MIX_TAB_EXISTING_NETWORK);

  return self->tab;
}

/**
 * mix_csv_import_get_n_source_columns:
 *
 * Returns: the number of columns in the file: that of its longest row, header included
 */
guint
mix_csv_import_get_n_source_columns (MixCsvImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_columns;
}

/**
 * mix_csv_import_get_n_skipped_lines:
 *
 * Returns: how many rows before the header were left out: the notes that
 *   LinkedIn's Connections.csv begins with
 */
guint
mix_csv_import_get_n_skipped_lines (MixCsvImport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_skipped;
}

/**
 * mix_csv_import_get_source_title:
 *
 * Returns: (transfer none): the header of @source_column as written in the file, or
 *   “Column N” when that is empty
 */
const char *
mix_csv_import_get_source_title (MixCsvImport *self,
                                 guint         source_column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (source_column < self->n_columns, NULL);

  return self->titles[source_column];
}

/**
 * mix_csv_import_get_mapping:
 *
 * Returns: the index of the tab's column that @source_column goes into, or
 *   %MIX_CSV_IMPORT_EXTRA or %MIX_CSV_IMPORT_SKIP
 */
int
mix_csv_import_get_mapping (MixCsvImport *self,
                            guint         source_column)
{
  g_return_val_if_fail (self != NULL, MIX_CSV_IMPORT_SKIP);
  g_return_val_if_fail (source_column < self->n_columns, MIX_CSV_IMPORT_SKIP);

  return self->mapping[source_column];
}

/**
 * mix_csv_import_set_mapping:
 * @target: the index of a column of the tab, %MIX_CSV_IMPORT_EXTRA or %MIX_CSV_IMPORT_SKIP
 *
 * Sets where @source_column goes. A column of the tab takes one source column only: if
 * another source column went into @target, it is now kept as extra fields instead.
 */
void
mix_csv_import_set_mapping (MixCsvImport *self,
                            guint         source_column,
                            int           target)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (source_column < self->n_columns);
  g_return_if_fail (target == MIX_CSV_IMPORT_EXTRA || target == MIX_CSV_IMPORT_SKIP ||
                    target == MIX_CSV_IMPORT_NAME_REST ||
                    (target >= 0 && (guint) target < mix_tab_get_info (self->tab)->n_columns));

  if (target >= 0)
    {
      for (guint s = 0; s < self->n_columns; s++)
        if (s != source_column && self->mapping[s] == target)
          self->mapping[s] = MIX_CSV_IMPORT_EXTRA;
    }

  self->mapping[source_column] = target;
}

/**
 * mix_csv_import_get_n_rows:
 *
 * Returns: the number of rows to import: those after the header, less those whose cells
 *   are all empty
 */
guint
mix_csv_import_get_n_rows (MixCsvImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->data_rows->len;
}

/**
 * mix_csv_import_get_cell:
 * @row: a row counted as mix_csv_import_get_n_rows() counts them
 *
 * Returns: (transfer none): the cell as it will be imported, without the formula guard of
 *   an export; "" where a row is shorter than others
 */
const char *
mix_csv_import_get_cell (MixCsvImport *self,
                         guint         row,
                         guint         source_column)
{
  const DataRow *data_row;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->data_rows->len, NULL);
  g_return_val_if_fail (source_column < self->n_columns, NULL);

  data_row = &g_array_index (self->data_rows, DataRow, row);
  if (source_column >= data_row->n_cells)
    return "";

  return ((GStrv) g_ptr_array_index (self->rows, data_row->index))[source_column];
}

/* @base, or @base with a number after it, whichever is first not in @taken. */
static char *
unused_name (const char *base,
             gboolean  (*taken) (gconstpointer container, const char *name),
             gconstpointer container)
{
  if (!taken (container, base))
    return g_strdup (base);

  for (guint n = 2;; n++)
    {
      /* Translators: a name made unique, such as “Notes (2)”, for an extra field whose
       * name another one already has. */
      g_autofree char *name = g_strdup_printf (_("%s (%u)"), base, n);

      if (!taken (container, name))
        return g_steal_pointer (&name);
    }
}

static gboolean
taken_in_set (gconstpointer  container,
              const char    *name)
{
  return g_hash_table_contains ((GHashTable *) container, name);
}

static gboolean
taken_in_record (gconstpointer  container,
                 const char    *name)
{
  return mix_record_get_extra ((MixRecord *) container, name) != NULL;
}

/* The Name of row @r: the cell of @name_source, then those of the columns
 * mapped to %MIX_CSV_IMPORT_NAME_REST, in the file's order. */
static char *
join_name (MixCsvImport *self,
           guint         r,
           guint         name_source)
{
  GString *name = g_string_new (NULL);

  for (guint s = 0; s < self->n_columns; s++)
    {
      g_autofree char *part = NULL;

      if (s != name_source && self->mapping[s] != MIX_CSV_IMPORT_NAME_REST)
        continue;
      part = g_strstrip (g_strdup (mix_csv_import_get_cell (self, r, s)));
      if (*part == '\0')
        continue;
      if (name->len > 0)
        g_string_append_c (name, ' ');
      g_string_append (name, part);
    }
  return g_string_free (name, FALSE);
}

/**
 * mix_csv_import_build_records:
 * @problems: (out) (transfer full) (element-type utf8): sentences about values that did
 *   not fit their column, one for each; never %NULL
 *
 * Makes a new record of the tab for each row, with the current mapping. Values are
 * checked and stored as mix_record_set_value() does: dates such as `3/5/2026` become
 * ISO dates, choices are found by label, "yes" is true. A value that does not fit its
 * column is not lost: it is kept as an extra field named by the column's header, and
 * @problems says so, naming the row as a spreadsheet numbers it (the header is row 1).
 * Columns mapped to %MIX_CSV_IMPORT_EXTRA become extra fields of the same name; empty
 * cells add nothing.
 *
 * Returns: (transfer full) (element-type MixRecord): the records, in the file's order
 */
GPtrArray *
mix_csv_import_build_records (MixCsvImport  *self,
                              GPtrArray    **problems)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) sentences = NULL;
  g_autoptr(GPtrArray) extra_names = NULL;
  g_autoptr(GHashTable) names_used = NULL;
  gboolean has_name_rest = FALSE;
  guint name_source = G_MAXUINT;
  int name_column;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  records = g_ptr_array_new_full (self->data_rows->len, g_object_unref);
  sentences = g_ptr_array_new_with_free_func (g_free);
  name_column = mix_tab_find_column (self->tab, "name");
  for (guint s = 0; s < self->n_columns; s++)
    {
      has_name_rest = has_name_rest || self->mapping[s] == MIX_CSV_IMPORT_NAME_REST;
      if (name_column >= 0 && self->mapping[s] == name_column)
        name_source = s;
    }

  /* Two extra columns with the same header must not overwrite each other. */
  extra_names = g_ptr_array_new_full (self->n_columns, g_free);
  g_ptr_array_set_size (extra_names, (int) self->n_columns);
  names_used = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint s = 0; s < self->n_columns; s++)
    {
      char *name;

      if (self->mapping[s] != MIX_CSV_IMPORT_EXTRA)
        continue;

      name = unused_name (self->titles[s], taken_in_set, names_used);
      g_ptr_array_index (extra_names, s) = name;
      g_hash_table_add (names_used, name);
    }

  for (guint r = 0; r < self->data_rows->len; r++)
    {
      const DataRow *data_row = &g_array_index (self->data_rows, DataRow, r);
      g_autoptr(MixRecord) record = mix_record_new (self->tab);

      /* "First Name" then "Last Name": one Name, the parts in the file's
       * order, each stripped, a space between; a last name alone too. */
      if (has_name_rest && name_column >= 0)
        {
          g_autofree char *joined = join_name (self, r, name_source);

          if (*joined != '\0')
            mix_record_set_value (record, (guint) name_column, joined, NULL);
        }

      /* Extra columns first, so that a value that does not fit its column never takes the
       * name of one of them. */
      for (guint s = 0; s < self->n_columns; s++)
        {
          const char *cell = mix_csv_import_get_cell (self, r, s);

          if (self->mapping[s] == MIX_CSV_IMPORT_EXTRA && *cell != '\0')
            mix_record_set_extra (record, g_ptr_array_index (extra_names, s), cell);
        }

      for (guint s = 0; s < self->n_columns; s++)
        {
          const char *cell = mix_csv_import_get_cell (self, r, s);
          g_autoptr(GError) local_error = NULL;
          g_autofree char *name = NULL;

          if (self->mapping[s] < 0 || *cell == '\0' ||
              (has_name_rest && self->mapping[s] == name_column))
            continue;

          if (mix_record_set_value (record, (guint) self->mapping[s], cell, &local_error))
            continue;

          name = unused_name (self->titles[s], taken_in_record, record);
          mix_record_set_extra (record, name, cell);
          g_ptr_array_add (sentences,
                           /* Translators: %u is a row number as a spreadsheet shows it,
                            * the header being row 1; the first %s is a sentence saying
                            * what is wrong with a value, the last %s the name of the
                            * extra field the value was kept in. */
                           g_strdup_printf (_("Row %u: %s It was kept as the extra field “%s”."),
                                            data_row->index + 1 + self->n_skipped, local_error->message,
                                            name));
        }

      g_ptr_array_add (records, g_steal_pointer (&record));
    }

  *problems = g_steal_pointer (&sentences);
  return g_steal_pointer (&records);
}

/* Export ------------------------------------------------------------------------------ */

/* Where exported text goes: a string that keeps all of it, or a file it is written to
 * as it is made, in pieces the processor's caches hold. A tab of 100,000 rows is some
 * 30 MB of text, which as one string cost 30 MB of memory and pushed the rows out of
 * the caches while they were read. */
typedef struct
{
  GString *out;
  int      fd;      /* -1: everything stays in @out */
  int      errsv;   /* the errno of a failed write, else 0 */
} Sink;

#define SINK_PIECE (256 * 1024)

static void
sink_flush (Sink *sink)
{
  gsize written = 0;

  while (sink->errsv == 0 && written < sink->out->len)
    {
      gssize n = write (sink->fd, sink->out->str + written, sink->out->len - written);

      if (n >= 0)
        written += (gsize) n;
      else if (errno != EINTR)
        sink->errsv = errno;
    }
  g_string_truncate (sink->out, 0);
}

static void
export_rows (MixTab      tab,
             GListModel *records,
             Sink       *sink)
{
  const MixTabInfo *info = mix_tab_get_info (tab);
  guint n_records = g_list_model_get_n_items (records);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_full (n_records, g_object_unref);
  g_autoptr(GPtrArray) extra_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree const char **values = NULL;
  guint n_fields;

  /* The rows, and the extra fields: every name with a value in some record, in
   * first-seen order. */
  for (guint i = 0; i < n_records; i++)
    {
      MixRecord *record = g_list_model_get_item (records, i);
      GList *names = mix_record_list_extra (record);

      g_ptr_array_add (rows, record);
      for (GList *l = names; l != NULL; l = l->next)
        {
          const char *name = l->data;
          const char *value = mix_record_get_extra (record, name);
          char *copy;

          if (value == NULL || *value == '\0' || g_hash_table_contains (seen, name))
            continue;

          copy = g_strdup (name);
          g_ptr_array_add (extra_names, copy);
          g_hash_table_add (seen, copy);
        }
      g_list_free (names);
    }

  n_fields = info->n_columns + extra_names->len;
  values = g_new0 (const char *, n_fields);

  for (guint c = 0; c < info->n_columns; c++)
    values[c] = _(info->columns[c].title);
  for (guint e = 0; e < extra_names->len; e++)
    values[info->n_columns + e] = g_ptr_array_index (extra_names, e);
  mix_csv_append_row (sink->out, values, n_fields, TRUE);

  for (guint i = 0; i < rows->len && sink->errsv == 0; i++)
    {
      MixRecord *record = rows->pdata[i];

      /* What the rows a little ahead hold is fetched while this one is written: with
       * 100,000 rows this saves about a tenth of the time. */
      if (i + 8 < rows->len)
        mix_record_prefetch (rows->pdata[i + 8], MIX_RECORD_PREFETCH_RECORD);
      if (i + 5 < rows->len)
        mix_record_prefetch (rows->pdata[i + 5], MIX_RECORD_PREFETCH_VALUES);
      if (i + 2 < rows->len)
        mix_record_prefetch (rows->pdata[i + 2], MIX_RECORD_PREFETCH_TEXT);

      if (mix_record_get_tab (record) != tab)
        {
          g_critical ("%s: a record of another tab was skipped", G_STRFUNC);
          continue;
        }

      for (guint c = 0; c < info->n_columns; c++)
        {
          const MixColumn *column = &info->columns[c];
          const char *value = mix_record_get_value (record, c);

          switch (column->type)
            {
            case MIX_COLUMN_BOOLEAN:
              values[c] = value != NULL ? _("Yes") : _("No");
              break;

            case MIX_COLUMN_CHOICE:
              {
                int choice = mix_column_choice_index (column, value);

                /* A choice this version does not know is written as stored. */
                values[c] = choice >= 0 ? _(column->choices[choice].label) : value;
              }
              break;

            case MIX_COLUMN_TEXT:
            case MIX_COLUMN_LONG_TEXT:
            case MIX_COLUMN_DATE:
            case MIX_COLUMN_URL:
            case MIX_COLUMN_EMAIL:
            default:
              values[c] = value;
              break;
            }
        }

      for (guint e = 0; e < extra_names->len; e++)
        values[info->n_columns + e] = mix_record_get_extra (record,
                                                            g_ptr_array_index (extra_names, e));

      mix_csv_append_row (sink->out, values, n_fields, TRUE);
      if (sink->fd >= 0 && sink->out->len >= SINK_PIECE)
        sink_flush (sink);
    }
}

/**
 * mix_csv_export_rows:
 * @tab: the tab the records belong to
 * @records: (element-type MixRecord): the rows to write
 * @length: (out) (optional): the length of the text in bytes
 *
 * Writes @records as a CSV document: a header of the columns' titles in the current
 * language, then a row for each record with text as stored, choices by their label in
 * the current language, yes/no as “Yes” or “No”, dates as `YYYY-MM-DD`; then, as more
 * columns, every extra field any record has, in the order they are first met. The text
 * is UTF-8 without a byte order mark, with CRLF line ends; cells a spreadsheet would take
 * for a formula are written with a leading `'` (see mix_csv_append_field()).
 *
 * Returns: (transfer full): the CSV text
 */
char *
mix_csv_export_rows (MixTab       tab,
                     GListModel  *records,
                     gsize       *length)
{
  Sink sink = { NULL, -1, 0 };

  g_return_val_if_fail (tab < MIX_N_TABS, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (records), NULL);
  g_return_val_if_fail (g_type_is_a (g_list_model_get_item_type (records), MIX_TYPE_RECORD),
                        NULL);

  sink.out = g_string_new (NULL);
  export_rows (tab, records, &sink);

  if (length != NULL)
    *length = sink.out->len;
  return g_string_free (sink.out, FALSE);
}

/* The tracker ------------------------------------------------------------------------- */

/**
 * mix_tracker_import_csv_file:
 * @n_imported: (out) (optional): how many rows were added
 * @problems: (out) (optional) (transfer full) (element-type utf8): sentences about
 *   values that were kept as extra fields, see mix_csv_import_build_records(); set to
 *   %NULL on failure
 *
 * Reads @path with the automatic mapping and appends all its rows to @tab in one change.
 * On failure nothing is added.
 *
 * Returns: %TRUE on success
 */
gboolean
mix_tracker_import_csv_file (MixTracker  *tracker,
                             MixTab       tab,
                             const char  *path,
                             guint       *n_imported,
                             GPtrArray  **problems,
                             GError     **error)
{
  g_autoptr(MixCsvImport) import = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (MIX_IS_TRACKER (tracker), FALSE);
  g_return_val_if_fail (tab < MIX_N_TABS, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_imported != NULL)
    *n_imported = 0;
  if (problems != NULL)
    *problems = NULL;

  import = mix_csv_import_new_from_file (tab, path, error);
  if (import == NULL)
    return FALSE;

  records = mix_csv_import_build_records (import, &found);
  g_clear_pointer (&import, mix_csv_import_free);

  mix_tracker_append_rows (tracker, tab, records);

  if (n_imported != NULL)
    *n_imported = records->len;
  if (problems != NULL)
    *problems = g_steal_pointer (&found);

  return TRUE;
}

/**
 * mix_tracker_export_csv_file:
 * @n_exported: (out) (optional): how many rows were written
 *
 * Writes the rows of @tab to @path as mix_csv_export_rows() does, replacing the file
 * atomically: if anything goes wrong, a file already at @path is left as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
mix_tracker_export_csv_file (MixTracker  *tracker,
                             MixTab       tab,
                             const char  *path,
                             guint       *n_exported,
                             GError     **error)
{
  g_autofree char *tmp = NULL;
  g_autoptr(GString) out = NULL;
  GListModel *rows;
  gboolean existed;
  GStatBuf old;
  Sink sink = { NULL, -1, 0 };

  g_return_val_if_fail (MIX_IS_TRACKER (tracker), FALSE);
  g_return_val_if_fail (tab < MIX_N_TABS, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_exported != NULL)
    *n_exported = 0;

  /* As g_file_set_contents() does: a new file beside, renamed over the old one once
   * written, and synced first when there was one, so that a crash leaves either. */
  existed = g_stat (path, &old) == 0;
  /* The template g_mkstemp_full() fills in, as g_file_set_contents() names it. It is
   * for the user alone, as the contacts it holds are; a file exported again keeps the
   * mode the user gave it. */
  tmp = g_strconcat (path, ".XXXXXX", NULL);
  sink.fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (sink.fd < 0)
    sink.errsv = errno;
  else if (existed && S_ISREG (old.st_mode) && fchmod (sink.fd, old.st_mode & 07777) != 0)
    {
      sink.errsv = errno;
      close (sink.fd);
      g_unlink (tmp);
    }
  else
    {
      out = g_string_sized_new (SINK_PIECE + 4096);
      sink.out = out;
      rows = mix_tracker_get_rows (tracker, tab);
      export_rows (tab, rows, &sink);
      sink_flush (&sink);
      if (sink.errsv == 0 && existed && fsync (sink.fd) != 0)
        sink.errsv = errno;
      if (close (sink.fd) != 0 && sink.errsv == 0)
        sink.errsv = errno;
      if (sink.errsv == 0 && g_rename (tmp, path) != 0)
        sink.errsv = errno;
      if (sink.errsv != 0)
        g_unlink (tmp);
      else if (n_exported != NULL)
        *n_exported = g_list_model_get_n_items (rows);
    }

  if (sink.errsv != 0)
    {
      g_autofree char *display_name = g_filename_display_name (path);

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (sink.errsv),
                   /* Translators: the first %s is a file name, the second what went wrong. */
                   _("The file “%s” could not be written: %s"), display_name,
                   g_strerror (sink.errsv));
      return FALSE;
    }
  return TRUE;
}
