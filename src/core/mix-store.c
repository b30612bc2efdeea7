/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "mix-error.h"
#include "mix-json.h"
#include "mix-store.h"

/**
 * MixStore:
 *
 * Owns the user's data: one JSON file per domain in the data directory.
 *
 * Saving is atomic and durable (a crash leaves either the old or the new
 * file), with mode 0600 in a 0700 directory; the file being replaced is
 * first kept as `<name>.bak`. Changes are saved one autosave delay after
 * the last of them, per file, and by mix_store_flush().
 *
 * A file that cannot be read, is empty, is not JSON, is too large or too
 * deep, or has the wrong shape is damaged: it is moved aside as
 * `<name>.damaged-<YYYYMMDD-HHMMSS>` (never overwritten, never deleted), the
 * backup is used instead if it is good, and a #MixStoreProblem tells the
 * user what happened. A file written by a newer version is left untouched
 * and its domain becomes read-only.
 */

/* Loads the document into the domain's model; @streamed is what the
 * domain's parse function read itself, which this takes. */
typedef gboolean (*DomainLoadFunc) (MixStore   *self,
                                    JsonObject *root,
                                    gpointer    streamed,
                                    guint      *n_skipped,
                                    GError    **error);
/* Parses the file's text; the domain's bulk (the tracker's rows) may be
 * read straight into @streamed rather than into the tree. */
typedef JsonNode *(*DomainParseFunc) (const char  *data,
                                      gsize        length,
                                      gpointer    *streamed,
                                      GError     **error);
typedef void     (*DomainSaveFunc) (MixStore   *self,
                                    JsonObject *root);
typedef void     (*DomainWriteFunc) (MixStore  *self,
                                     GString   *out);

typedef struct
{
  const char         *file_name;
  const char         *format;
  const char * const *array_members;  /* members that must be arrays when present */
  DomainParseFunc     parse;           /* NULL for mix_json_parse_object() */
  GDestroyNotify      free_streamed;
  DomainLoadFunc      load;
  DomainSaveFunc      save;
  const char         *written_member;  /* the member write() writes, or NULL */
  DomainWriteFunc     write;
} DomainInfo;

/* A save written by a thread of its own (see autosave_cb()). */
typedef struct
{
  GWeakRef   *tell;        /* the store, told from the main loop when the write is done */
  char       *directory;
  char       *path;
  char       *data;
  gsize       length;
  gboolean    keep_backup;
  GError     *error;
  gint        done;        /* atomic: the file is written */
} WriteJob;

typedef struct
{
  JsonObject *root;        /* the document as read, with members we do not know */
  gboolean    on_disk_ok;  /* the file on disk is good, so it may become the backup */
  gboolean    read_only;
  gboolean    dirty;
  gboolean    save_failed; /* reported once until a save works again */
  guint       autosave_id;
  GThread    *writer;      /* nullable: writing @job */
  WriteJob   *job;
  gboolean    save_again;  /* the autosave came while @writer was writing */
} DomainState;

typedef enum
{
  READ_OK,
  READ_MISSING,
  READ_DAMAGED,
  READ_NEWER,
} ReadResult;

/* A file read ahead by mix_store_begin_load(). */
typedef struct
{
  gboolean    done;
  ReadResult  result;
  JsonObject *root;
  gpointer    streamed;
  GError     *error;
} Prepared;

struct _MixStore
{
  GObject      parent_instance;

  GThread     *reader;                 /* nullable: reading the files ahead */
  Prepared     prepared[MIX_N_DOMAINS];

  char        *directory;
  guint        autosave_delay;
  MixTracker  *tracker;
  MixSessionRecord *current_session;   /* nullable until asked for */
  MixSessionLog *session_log;          /* finished sessions and goals */
  MixDrafts   *drafts;                 /* the drafts of messages.json */
  DomainState  domains[MIX_N_DOMAINS];
  GPtrArray   *problems;
};

G_DEFINE_FINAL_TYPE (MixStore, mix_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DIRECTORY,
  PROP_AUTOSAVE_DELAY,
  N_PROPS
};

enum {
  PROBLEM_ADDED,
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static JsonNode *parse_tracker (const char *data, gsize length, gpointer *streamed, GError **error);
static gboolean load_tracker  (MixStore *self, JsonObject *root, gpointer streamed, guint *n_skipped, GError **error);
static gboolean load_messages (MixStore *self, JsonObject *root, gpointer streamed, guint *n_skipped, GError **error);
static void     save_messages (MixStore *self, JsonObject *root);
static gboolean load_sessions (MixStore *self, JsonObject *root, gpointer streamed, guint *n_skipped, GError **error);
static void     save_sessions (MixStore *self, JsonObject *root);
static void     save_tracker  (MixStore *self, JsonObject *root);
static void     write_tracker (MixStore *self, GString *out);
static void     clear_prepared (MixStore *self);
static void     write_job_free (WriteJob *job);

static const char * const messages_arrays[] = { "drafts", "preps", NULL };
static const char * const sessions_arrays[] = { "sessions", "goals", NULL };

static const DomainInfo domain_info[MIX_N_DOMAINS] = {
  { "tracker.json", "mix-it-up/tracker", NULL, parse_tracker, (GDestroyNotify) mix_tracker_rows_free,
    load_tracker, save_tracker, "tabs", write_tracker },
  { "messages.json", "mix-it-up/messages", messages_arrays, NULL, NULL,
    load_messages, save_messages, NULL, NULL },
  { "sessions.json", "mix-it-up/sessions", sessions_arrays, NULL, NULL,
    load_sessions, save_sessions, NULL, NULL },
};

static void
problem_free (MixStoreProblem *problem)
{
  g_free (problem->path);
  g_free (problem->moved_to);
  g_free (problem->reason);
  g_free (problem->message);
  g_free (problem);
}

static void
mix_store_dispose (GObject *object)
{
  MixStore *self = (MixStore *) object;

  clear_prepared (self);
  for (guint d = 0; d < MIX_N_DOMAINS; d++)
    {
      DomainState *state = &self->domains[d];

      /* A write in progress is let finish: the file must be whole. */
      if (state->writer != NULL)
        {
          g_thread_join (g_steal_pointer (&state->writer));
          g_clear_pointer (&state->job, write_job_free);
        }
      g_clear_handle_id (&self->domains[d].autosave_id, g_source_remove);
      g_clear_pointer (&self->domains[d].root, json_object_unref);
    }
  if (self->tracker != NULL)
    g_signal_handlers_disconnect_by_data (self->tracker, self);
  g_clear_object (&self->tracker);
  if (self->current_session != NULL)
    g_signal_handlers_disconnect_by_data (self->current_session, self);
  g_clear_object (&self->current_session);
  if (self->session_log != NULL)
    g_signal_handlers_disconnect_by_data (self->session_log, self);
  g_clear_object (&self->session_log);
  if (self->drafts != NULL)
    g_signal_handlers_disconnect_by_data (self->drafts, self);
  g_clear_object (&self->drafts);

  G_OBJECT_CLASS (mix_store_parent_class)->dispose (object);
}

static void
mix_store_finalize (GObject *object)
{
  MixStore *self = (MixStore *) object;

  g_free (self->directory);
  g_ptr_array_unref (self->problems);

  G_OBJECT_CLASS (mix_store_parent_class)->finalize (object);
}

static void
mix_store_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MixStore *self = MIX_STORE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_value_set_string (value, self->directory);
      break;
    case PROP_AUTOSAVE_DELAY:
      g_value_set_uint (value, self->autosave_delay);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mix_store_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  MixStore *self = MIX_STORE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      self->directory = g_value_dup_string (value);
      if (self->directory == NULL)
        self->directory = mix_store_default_directory ();
      break;
    case PROP_AUTOSAVE_DELAY:
      mix_store_set_autosave_delay (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mix_store_class_init (MixStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mix_store_dispose;
  object_class->finalize = mix_store_finalize;
  object_class->get_property = mix_store_get_property;
  object_class->set_property = mix_store_set_property;

  properties[PROP_DIRECTORY] =
    g_param_spec_string ("directory", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTOSAVE_DELAY] =
    g_param_spec_uint ("autosave-delay", NULL, NULL, 0, G_MAXUINT, 1000,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MixStore::problem-added:
   * @problem: (type gpointer): the #MixStoreProblem, owned by the store
   */
  signals[PROBLEM_ADDED] =
    g_signal_new ("problem-added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  /**
   * MixStore::saved:
   * @domain: the #MixDomain whose file was written
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
on_tracker_changed_cb (MixTracker *tracker,
                       MixStore   *self)
{
  mix_store_changed (self, MIX_DOMAIN_TRACKER);
}

static JsonObject *
new_document (MixDomain domain)
{
  JsonObject *root = json_object_new ();

  json_object_set_string_member (root, "format", domain_info[domain].format);
  json_object_set_int_member (root, "version", MIX_STORE_FORMAT_VERSION);
  return root;
}

static void
on_session_log_changed_cb (MixSessionLog *log,
                           MixStore      *self)
{
  mix_store_changed (self, MIX_DOMAIN_SESSIONS);
}

static void
on_drafts_changed_cb (MixDrafts *drafts,
                      MixStore  *self)
{
  mix_store_changed (self, MIX_DOMAIN_MESSAGES);
}

static void
mix_store_init (MixStore *self)
{
  self->autosave_delay = 1000;
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  self->tracker = mix_tracker_new ();
  g_signal_connect (self->tracker, "changed", G_CALLBACK (on_tracker_changed_cb), self);
  self->session_log = mix_session_log_new ();
  g_signal_connect (self->session_log, "changed", G_CALLBACK (on_session_log_changed_cb), self);
  self->drafts = mix_drafts_new ();
  g_signal_connect (self->drafts, "changed", G_CALLBACK (on_drafts_changed_cb), self);

  for (guint d = 0; d < MIX_N_DOMAINS; d++)
    self->domains[d].root = new_document (d);
}

/**
 * mix_store_new:
 * @directory: (nullable): where the files are; %NULL for the user's data
 *   directory
 */
MixStore *
mix_store_new (const char *directory)
{
  return g_object_new (MIX_TYPE_STORE, "directory", directory, NULL);
}

/**
 * mix_store_default_directory:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/mix-it-up` (inside the Flatpak,
 *   the app's own data directory)
 */
char *
mix_store_default_directory (void)
{
  return g_build_filename (g_get_user_data_dir (), "mix-it-up", NULL);
}

const char *
mix_store_get_directory (MixStore *self)
{
  g_return_val_if_fail (MIX_IS_STORE (self), NULL);
  return self->directory;
}

const char *
mix_store_domain_file_name (MixDomain domain)
{
  g_return_val_if_fail (domain < MIX_N_DOMAINS, NULL);
  return domain_info[domain].file_name;
}

char *
mix_store_get_path (MixStore  *self,
                    MixDomain  domain)
{
  g_return_val_if_fail (MIX_IS_STORE (self), NULL);
  g_return_val_if_fail (domain < MIX_N_DOMAINS, NULL);

  return g_build_filename (self->directory, domain_info[domain].file_name, NULL);
}

/**
 * mix_store_get_tracker:
 *
 * Returns: (transfer none): the networking tracker
 */
MixTracker *
mix_store_get_tracker (MixStore *self)
{
  g_return_val_if_fail (MIX_IS_STORE (self), NULL);
  return self->tracker;
}

/**
 * mix_store_get_document:
 *
 * Returns: (transfer none): the document of @domain as last loaded; its
 *   members are written back on save, except those the domain's model
 *   writes itself
 */
JsonObject *
mix_store_get_document (MixStore  *self,
                        MixDomain  domain)
{
  g_return_val_if_fail (MIX_IS_STORE (self), NULL);
  g_return_val_if_fail (domain < MIX_N_DOMAINS, NULL);

  return self->domains[domain].root;
}

guint
mix_store_get_autosave_delay (MixStore *self)
{
  g_return_val_if_fail (MIX_IS_STORE (self), 0);
  return self->autosave_delay;
}

/**
 * mix_store_set_autosave_delay:
 *
 * Sets how long after the last change a file is saved.
 */
void
mix_store_set_autosave_delay (MixStore *self,
                              guint     milliseconds)
{
  g_return_if_fail (MIX_IS_STORE (self));

  if (self->autosave_delay == milliseconds)
    return;
  self->autosave_delay = milliseconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOSAVE_DELAY]);
}

/**
 * mix_store_get_problems:
 *
 * Returns: (transfer none) (element-type MixStoreProblem): what went wrong
 *   while loading and saving, oldest first
 */
GPtrArray *
mix_store_get_problems (MixStore *self)
{
  g_return_val_if_fail (MIX_IS_STORE (self), NULL);
  return self->problems;
}

gboolean
mix_store_is_dirty (MixStore  *self,
                    MixDomain  domain)
{
  g_return_val_if_fail (MIX_IS_STORE (self), FALSE);
  g_return_val_if_fail (domain < MIX_N_DOMAINS, FALSE);
  return self->domains[domain].dirty;
}

gboolean
mix_store_is_read_only (MixStore  *self,
                        MixDomain  domain)
{
  g_return_val_if_fail (MIX_IS_STORE (self), FALSE);
  g_return_val_if_fail (domain < MIX_N_DOMAINS, FALSE);
  return self->domains[domain].read_only;
}

static void
add_problem (MixStore        *self,
             MixStoreProblem *problem)
{
  g_ptr_array_add (self->problems, problem);
  g_signal_emit (self, signals[PROBLEM_ADDED], 0, problem);
}

/* Domain handlers */

/* The rows are read straight into records: a tree of the whole tracker
 * would take several times the memory of the rows themselves. */
static JsonNode *
parse_tracker (const char  *data,
               gsize        length,
               gpointer    *streamed,
               GError     **error)
{
  return mix_tracker_read_document (data, length, (MixTrackerRows **) streamed, error);
}

static gboolean
load_tracker (MixStore    *self,
              JsonObject  *root,
              gpointer     streamed,
              guint       *n_skipped,
              GError     **error)
{
  mix_tracker_load_rows (self->tracker, streamed, n_skipped);
  return TRUE;
}

static void
save_tracker (MixStore   *self,
              JsonObject *root)
{
  mix_tracker_save_json (self->tracker, root);
}

static void
on_session_changed_cb (MixSessionRecord *record,
                       MixStore         *self)
{
  mix_store_changed (self, MIX_DOMAIN_SESSIONS);
}

static void
set_current_session (MixStore         *self,
                     MixSessionRecord *record)
{
  if (self->current_session != NULL)
    g_signal_handlers_disconnect_by_data (self->current_session, self);
  g_set_object (&self->current_session, record);
  if (record != NULL)
    g_signal_connect (record, "changed", G_CALLBACK (on_session_changed_cb), self);
}

/* The session in progress is "current"; one that cannot be read is kept
 * as it is, under "unreadable_current", and counted. */
static gboolean
load_sessions (MixStore    *self,
               JsonObject  *root,
               gpointer     streamed,
               guint       *n_skipped,
               GError     **error)
{
  JsonNode *current = json_object_get_member (root, "current");
  g_autoptr(MixSessionRecord) record = NULL;
  guint log_skipped = 0;

  *n_skipped = 0;
  if (!mix_session_log_load_json (self->session_log, root, &log_skipped, error))
    return FALSE;
  *n_skipped = log_skipped;

  set_current_session (self, NULL);
  if (current == NULL || JSON_NODE_HOLDS_NULL (current))
    return TRUE;

  record = mix_session_record_new_from_json (current, NULL);
  if (record != NULL &&
      mix_session_log_find_session (self->session_log, mix_session_record_get_id (record)) != NULL)
    {
      /* The session in progress has the id of a past one: it gets its
       * own, so that finishing it does not replace that one. */
      g_autoptr(JsonNode) renamed = mix_json_node_with_new_id (current);

      g_clear_object (&record);
      record = mix_session_record_new_from_json (renamed, NULL);
    }
  if (record == NULL)
    *n_skipped += 1;
  else
    set_current_session (self, record);
  return TRUE;
}

static void
save_sessions (MixStore   *self,
               JsonObject *root)
{
  JsonNode *current = json_object_get_member (root, "current");

  mix_session_log_save_json (self->session_log, root);
  if (self->current_session == NULL)
    return;
  if (current != NULL && !JSON_NODE_HOLDS_NULL (current) &&
      !json_object_has_member (root, "unreadable_current"))
    {
      g_autoptr(MixSessionRecord) readable = mix_session_record_new_from_json (current, NULL);

      if (readable == NULL)
        json_object_set_member (root, "unreadable_current", json_node_ref (current));
    }
  json_object_set_member (root, "current", mix_session_record_to_json (self->current_session));
}

static gboolean
load_messages (MixStore    *self,
               JsonObject  *root,
               gpointer     streamed,
               guint       *n_skipped,
               GError     **error)
{
  return mix_drafts_load_json (self->drafts, root, n_skipped, error);
}

static void
save_messages (MixStore   *self,
               JsonObject *root)
{
  mix_drafts_save_json (self->drafts, root);
}

/**
 * mix_store_get_drafts:
 *
 * Returns: (transfer none): the drafts of the Messages page
 */
MixDrafts *
mix_store_get_drafts (MixStore *self)
{
  g_return_val_if_fail (MIX_IS_STORE (self), NULL);
  return self->drafts;
}

/**
 * mix_store_get_session_log:
 *
 * Returns: (transfer none): the finished sessions and their goals
 */
MixSessionLog *
mix_store_get_session_log (MixStore *self)
{
  g_return_val_if_fail (MIX_IS_STORE (self), NULL);
  return self->session_log;
}

/**
 * mix_store_finish_session:
 *
 * Finishes the session in progress: it goes to the log of past sessions
 * (with its goal) and a new one begins.
 *
 * Returns: %FALSE if sessions are read-only and nothing was done
 */
gboolean
mix_store_finish_session (MixStore *self)
{
  MixSessionRecord *record;

  g_return_val_if_fail (MIX_IS_STORE (self), FALSE);

  if (self->domains[MIX_DOMAIN_SESSIONS].read_only)
    return FALSE;

  record = mix_store_get_current_session (self);
  mix_session_record_finish (record);
  mix_session_log_add_finished (self->session_log, record);
  {
    g_autoptr(MixSessionRecord) next = mix_session_record_new ();
    set_current_session (self, next);
  }
  mix_store_changed (self, MIX_DOMAIN_SESSIONS);
  return TRUE;
}

/**
 * mix_store_get_current_session:
 *
 * Returns: (transfer none): the session in progress, made when first asked
 *   for
 */
MixSessionRecord *
mix_store_get_current_session (MixStore *self)
{
  g_return_val_if_fail (MIX_IS_STORE (self), NULL);

  if (self->current_session == NULL)
    {
      g_autoptr(MixSessionRecord) record = mix_session_record_new ();
      set_current_session (self, record);
    }
  return self->current_session;
}

static void
write_tracker (MixStore *self,
               GString  *out)
{
  mix_tracker_append_json (self->tracker, out);
}

/* Loading */

/* Removes what an interrupted save can leave behind: the temporary files
 * of g_file_set_contents_full() (`<name>.XXXXXX`) and of the backup step. */
static void
remove_litter (MixStore *self)
{
  g_autoptr(GDir) dir = g_dir_open (self->directory, 0, NULL);
  const char *entry;

  if (dir == NULL)
    return;

  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      for (guint d = 0; d < MIX_N_DOMAINS; d++)
        {
          const char *name = domain_info[d].file_name;
          gsize len = strlen (name);
          const char *suffix;
          gboolean litter = FALSE;

          if (strncmp (entry, name, len) != 0 || entry[len] != '.')
            continue;
          suffix = entry + len + 1;

          if (g_str_equal (suffix, "bak.tmp"))
            litter = TRUE;
          else if (strlen (suffix) == 6)
            {
              litter = TRUE;
              for (guint i = 0; i < 6; i++)
                if (!g_ascii_isalnum (suffix[i]))
                  litter = FALSE;
            }

          if (litter)
            {
              g_autofree char *path = g_build_filename (self->directory, entry, NULL);
              g_unlink (path);
            }
        }
    }
}

static ReadResult
drop_streamed (MixDomain domain,
               gpointer  streamed)
{
  if (streamed != NULL)
    domain_info[domain].free_streamed (streamed);
  return READ_DAMAGED;
}

/* Reads and checks one file. On READ_OK and READ_NEWER, @root_out is the
 * document; on READ_DAMAGED, @error says what is wrong with it. */
static ReadResult
read_document (MixDomain    domain,
               const char  *path,
               JsonObject **root_out,
               gpointer    *streamed_out,
               GError     **error)
{
  const DomainInfo *info = &domain_info[domain];
  gpointer streamed = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *data = NULL;
  GStatBuf st;
  gsize length = 0;
  JsonObject *root;
  JsonNode *version;
  const char *format;
  gboolean wrong_type;

  *root_out = NULL;
  *streamed_out = NULL;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        return READ_MISSING;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("It could not be read: %s."), g_strerror (saved_errno));
      return READ_DAMAGED;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error_literal (error, MIX_ERROR, MIX_ERROR_DAMAGED, _("It is not a regular file."));
      return READ_DAMAGED;
    }

  if (st.st_size > MIX_JSON_MAX_BYTES)
    {
      g_set_error (error, MIX_JSON_ERROR, MIX_JSON_ERROR_TOO_LARGE,
                   _("The file is larger than %u MiB."), MIX_JSON_MAX_BYTES / (1024 * 1024));
      return READ_DAMAGED;
    }

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, MIX_ERROR, MIX_ERROR_DAMAGED,
                   _("It could not be read: %s."), local_error->message);
      return READ_DAMAGED;
    }

  if (info->parse != NULL)
    node = info->parse (data, length, &streamed, error);
  else
    node = mix_json_parse_object (data, length, error);
  g_clear_pointer (&data, g_free);
  if (node == NULL)
    return READ_DAMAGED;
  root = json_node_get_object (node);

  format = mix_json_object_get_string_member_or_null (root, "format", &wrong_type);
  if (g_strcmp0 (format, domain_info[domain].format) != 0)
    {
      g_set_error (error, MIX_ERROR, MIX_ERROR_DAMAGED,
                   _("It is not a Mix It Up file of the expected kind (“%s”)."),
                   domain_info[domain].format);
      return drop_streamed (domain, streamed);
    }

  version = json_object_get_member (root, "version");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) ||
      json_node_get_value_type (version) != G_TYPE_INT64 || json_node_get_int (version) < 1)
    {
      g_set_error_literal (error, MIX_ERROR, MIX_ERROR_DAMAGED,
                           _("Its format version is missing or not a number."));
      return drop_streamed (domain, streamed);
    }

  for (guint i = 0; domain_info[domain].array_members && domain_info[domain].array_members[i]; i++)
    {
      JsonNode *member = json_object_get_member (root, domain_info[domain].array_members[i]);

      if (member != NULL && !JSON_NODE_HOLDS_ARRAY (member))
        {
          g_set_error (error, MIX_ERROR, MIX_ERROR_DAMAGED,
                       _("Its “%s” member is not a list."), domain_info[domain].array_members[i]);
          return drop_streamed (domain, streamed);
        }
    }

  *root_out = json_object_ref (root);
  *streamed_out = streamed;

  if (json_node_get_int (version) > MIX_STORE_FORMAT_VERSION)
    return READ_NEWER;

  return READ_OK;
}

/* Reads a document and gives it to the domain's model. */
static ReadResult
read_domain (MixStore   *self,
             MixDomain   domain,
             const char *path,
             JsonObject **root_out,
             guint      *n_skipped,
             GError    **error)
{
  Prepared *prepared = &self->prepared[domain];
  gpointer streamed = NULL;
  ReadResult result;

  if (prepared->done)
    {
      /* Read ahead, while the rest of the app was starting. */
      prepared->done = FALSE;
      result = prepared->result;
      *root_out = g_steal_pointer (&prepared->root);
      streamed = g_steal_pointer (&prepared->streamed);
      if (prepared->error != NULL)
        g_propagate_error (error, g_steal_pointer (&prepared->error));
    }
  else
    result = read_document (domain, path, root_out, &streamed, error);

  *n_skipped = 0;
  if (result == READ_NEWER)
    {
      guint ignored = 0;

      /* Shown as far as it can be, but never written to. */
      domain_info[domain].load (self, *root_out, streamed, &ignored, NULL);
      return result;
    }
  if (result != READ_OK)
    return result;

  if (!domain_info[domain].load (self, *root_out, streamed, n_skipped, error))
    {
      g_clear_pointer (root_out, json_object_unref);
      return READ_DAMAGED;
    }

  return READ_OK;
}

/* Keeps @path under a name that is not taken: a hard link, which never
 * replaces a file that is already there, and leaves @path in place for
 * the caller to replace or remove (*@still_there is %TRUE). Where there
 * are no hard links (some file systems, directories) @path is renamed. */
static char *
set_aside (const char  *path,
           gboolean    *still_there,
           GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  *still_there = FALSE;

  for (guint attempt = 1; attempt < 1000; attempt++)
    {
      g_autofree char *target = NULL;
      int saved_errno;

      if (attempt == 1)
        target = g_strdup_printf ("%s.damaged-%s", path, stamp);
      else
        target = g_strdup_printf ("%s.damaged-%s-%u", path, stamp, attempt);

      if (link (path, target) == 0)
        {
          *still_there = TRUE;
          return g_steal_pointer (&target);
        }

      saved_errno = errno;
      if (saved_errno == EEXIST)
        continue;

      /* No hard links here: rename, having checked that the name is free. */
      if (g_file_test (target, G_FILE_TEST_EXISTS))
        continue;
      if (g_rename (path, target) == 0)
        return g_steal_pointer (&target);

      saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s", g_strerror (saved_errno));
      return NULL;
    }

  g_set_error_literal (error, MIX_ERROR, MIX_ERROR_FAILED, "no free name to move the file to");
  return NULL;
}

static gboolean
copy_file_contents (const char  *from,
                    const char  *to,
                    GError     **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (from, &data, &length, error))
    return FALSE;
  return g_file_set_contents_full (to, data, (gssize) length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

static void
report_damage (MixStore   *self,
               MixDomain   domain,
               const char *path,
               const char *moved_to,
               gboolean    restored,
               const char *reason)
{
  MixStoreProblem *problem = g_new0 (MixStoreProblem, 1);
  const char *name = domain_info[domain].file_name;

  problem->domain = domain;
  problem->kind = MIX_PROBLEM_DAMAGED;
  problem->path = g_strdup (path);
  problem->moved_to = g_strdup (moved_to);
  problem->restored_from_backup = restored;
  problem->reason = g_strdup (reason);

  if (moved_to == NULL)
    /* Translators: the first %s is a file name, the second says what is wrong with it. */
    problem->message = g_strdup_printf (_("“%s” could not be read and could not be moved "
                                          "aside. %s Nothing will be written to it, so that "
                                          "no data is lost."),
                                        name, reason);
  else if (restored)
    /* Translators: %s are a file name, what is wrong with it, and the place it was moved to. */
    problem->message = g_strdup_printf (_("“%s” was damaged and could not be read. %s It was "
                                          "moved to %s and your last backup was restored."),
                                        name, reason, moved_to);
  else
    /* Translators: %s are a file name, what is wrong with it, and the place it was moved to. */
    problem->message = g_strdup_printf (_("“%s” was damaged and could not be read. %s It was "
                                          "moved to %s, and Mix It Up started without it. "
                                          "Nothing was deleted."),
                                        name, reason, moved_to);
  add_problem (self, problem);
}

static void
load_domain (MixStore  *self,
             MixDomain  domain)
{
  DomainState *state = &self->domains[domain];
  g_autofree char *path = mix_store_get_path (self, domain);
  g_autofree char *bak = g_strconcat (path, ".bak", NULL);
  g_autofree char *moved_to = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) move_error = NULL;
  JsonObject *root = NULL;
  guint n_skipped = 0;
  gboolean still_there = FALSE;
  ReadResult result;

  g_clear_pointer (&state->root, json_object_unref);
  state->on_disk_ok = FALSE;
  state->read_only = FALSE;
  state->dirty = FALSE;

  result = read_domain (self, domain, path, &root, &n_skipped, &error);

  switch (result)
    {
    case READ_MISSING:
      /* No file but a good backup: the file was deleted or lost, not
       * never made (a save never leaves the file missing). Starting
       * empty would make the backup the file before the next save, and
       * the save after that would overwrite it: it is restored. */
      if (read_domain (self, domain, bak, &root, &n_skipped, NULL) == READ_OK &&
          copy_file_contents (bak, path, NULL))
        {
          MixStoreProblem *problem = g_new0 (MixStoreProblem, 1);

          state->root = root;
          state->on_disk_ok = TRUE;
          problem->domain = domain;
          problem->kind = MIX_PROBLEM_MISSING;
          problem->path = g_strdup (path);
          problem->restored_from_backup = TRUE;
          problem->message =
            /* Translators: the first %s is a file name, the second the backup's path. */
            g_strdup_printf (_("“%s” was missing, so your last backup, %s, was restored."),
                             domain_info[domain].file_name, bak);
          add_problem (self, problem);
          break;
        }
      g_clear_pointer (&root, json_object_unref);
      n_skipped = 0;
      state->root = new_document (domain);
      return;

    case READ_OK:
      state->root = root;
      state->on_disk_ok = TRUE;
      break;

    case READ_NEWER:
      {
        MixStoreProblem *problem = g_new0 (MixStoreProblem, 1);

        /* Show what can be shown, but never write to it. */
        state->root = root;
        state->read_only = TRUE;

        problem->domain = domain;
        problem->kind = MIX_PROBLEM_NEWER_VERSION;
        problem->path = g_strdup (path);
        problem->message =
          g_strdup_printf (_("“%s” was saved by a newer version of Mix It Up. It is shown "
                             "read-only and nothing will be written to it, so that no data is "
                             "lost. Update Mix It Up to make changes."),
                           domain_info[domain].file_name);
        add_problem (self, problem);
        return;
      }

    case READ_DAMAGED:
    default:
      moved_to = set_aside (path, &still_there, &move_error);
      if (moved_to == NULL)
        {
          /* What cannot be moved must not be overwritten. */
          state->root = new_document (domain);
          state->read_only = TRUE;
          report_damage (self, domain, path, NULL, FALSE, error->message);
          return;
        }

      /* The backup, if it is good, becomes the file again, so that the
       * next start finds it even if nothing changes before then. It takes
       * the place of the damaged file in one step, and the damaged file is
       * removed only when there is no backup: stopped at any moment, this
       * leaves the damaged file or the backup in place, never no file, which
       * the next start would take for a first start. */
      if (read_domain (self, domain, bak, &root, &n_skipped, NULL) == READ_OK &&
          copy_file_contents (bak, path, NULL))
        {
          state->root = root;
          state->on_disk_ok = TRUE;
          report_damage (self, domain, path, moved_to, TRUE, error->message);
        }
      else
        {
          g_clear_pointer (&root, json_object_unref);
          state->root = new_document (domain);
          n_skipped = 0;
          if (still_there && g_unlink (path) != 0)
            {
              /* The damaged file stays where it is: it must not be
               * overwritten, and its copy is not needed. */
              g_unlink (moved_to);
              state->read_only = TRUE;
              report_damage (self, domain, path, NULL, FALSE, error->message);
              return;
            }
          report_damage (self, domain, path, moved_to, FALSE, error->message);
        }
      break;
    }

  /* The domain holds what it read; the document keeps only the members
   * it does not know. For the tracker, this frees the parsed rows, most of
   * the memory a big tracker takes. */
  if (domain_info[domain].written_member != NULL && state->root != NULL)
    json_object_remove_member (state->root, domain_info[domain].written_member);

  if (n_skipped > 0)
    {
      MixStoreProblem *problem = g_new0 (MixStoreProblem, 1);

      problem->domain = domain;
      problem->kind = MIX_PROBLEM_SKIPPED_ROWS;
      problem->path = g_strdup (path);
      problem->n_rows = n_skipped;
      problem->message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u row in “%s” could not be read and is not shown. "
                                      "It is kept in the file unchanged.",
                                      "%u rows in “%s” could not be read and are not shown. "
                                      "They are kept in the file unchanged.",
                                      n_skipped),
                         n_skipped, domain_info[domain].file_name);
      add_problem (self, problem);
    }
}

/**
 * mix_store_load:
 *
 * Creates the data directory if needed, cleans up what an interrupted save
 * left, and loads every domain. It does not fail: whatever went wrong is
 * in mix_store_get_problems().
 */
static gpointer
read_ahead_thread (gpointer data)
{
  MixStore *self = data;

  /* Only reads: the directory is set at construction, and the results
   * are looked at once the thread is joined. */
  for (guint d = 0; d < MIX_N_DOMAINS; d++)
    {
      Prepared *prepared = &self->prepared[d];
      g_autofree char *path = g_build_filename (self->directory, domain_info[d].file_name, NULL);

      prepared->result = read_document (d, path, &prepared->root, &prepared->streamed,
                                        &prepared->error);
      prepared->done = TRUE;
    }
  return NULL;
}

static void
clear_prepared (MixStore *self)
{
  if (self->reader != NULL)
    g_thread_join (g_steal_pointer (&self->reader));
  for (guint d = 0; d < MIX_N_DOMAINS; d++)
    {
      Prepared *prepared = &self->prepared[d];

      g_clear_pointer (&prepared->root, json_object_unref);
      if (prepared->streamed != NULL)
        domain_info[d].free_streamed (g_steal_pointer (&prepared->streamed));
      g_clear_error (&prepared->error);
      prepared->done = FALSE;
    }
}

/**
 * mix_store_begin_load:
 *
 * Starts reading and parsing the files in a thread of its own, so that
 * the work overlaps with the rest of start-up; mix_store_load() takes
 * what it read, checks and loads it. Nothing is shown or changed before
 * then.
 */
void
mix_store_begin_load (MixStore *self)
{
  g_return_if_fail (MIX_IS_STORE (self));
  g_return_if_fail (self->reader == NULL);

  clear_prepared (self);
  self->reader = g_thread_new ("mix-store-read", read_ahead_thread, self);
}

void
mix_store_load (MixStore *self)
{
  g_return_if_fail (MIX_IS_STORE (self));

  if (self->reader != NULL)
    g_thread_join (g_steal_pointer (&self->reader));

  if (g_mkdir_with_parents (self->directory, 0700) != 0)
    {
      MixStoreProblem *problem = g_new0 (MixStoreProblem, 1);
      int saved_errno = errno;

      problem->kind = MIX_PROBLEM_NO_DIRECTORY;
      problem->path = g_strdup (self->directory);
      problem->message =
        g_strdup_printf (_("The folder for your data, %s, could not be created: %s. "
                           "Changes cannot be saved."),
                         self->directory, g_strerror (saved_errno));
      add_problem (self, problem);
    }

  remove_litter (self);

  for (guint d = 0; d < MIX_N_DOMAINS; d++)
    load_domain (self, d);
  clear_prepared (self);
}

/* Saving */

static void save_in_background (MixStore  *self,
                                MixDomain  domain);

static gboolean
autosave_cb (gpointer data)
{
  MixStore *self = MIX_STORE (data);

  for (guint d = 0; d < MIX_N_DOMAINS; d++)
    {
      if (self->domains[d].autosave_id != 0 &&
          g_main_current_source () != NULL &&
          g_source_get_id (g_main_current_source ()) == self->domains[d].autosave_id)
        {
          self->domains[d].autosave_id = 0;
          save_in_background (self, d);
          break;
        }
    }

  return G_SOURCE_REMOVE;
}

/**
 * mix_store_changed:
 *
 * Marks @domain as changed: it is saved one autosave delay after the last
 * change, or by mix_store_flush().
 */
void
mix_store_changed (MixStore  *self,
                   MixDomain  domain)
{
  DomainState *state;

  g_return_if_fail (MIX_IS_STORE (self));
  g_return_if_fail (domain < MIX_N_DOMAINS);

  state = &self->domains[domain];
  if (state->read_only)
    return;

  state->dirty = TRUE;
  g_clear_handle_id (&state->autosave_id, g_source_remove);
  state->autosave_id = g_timeout_add (self->autosave_delay, autosave_cb, self);
}

/* Keeps the good file that is about to be replaced as `<name>.bak`: a hard
 * link costs no copying, and the rename makes the swap atomic. */
static void
keep_backup (const char *path)
{
  g_autofree char *bak = g_strconcat (path, ".bak", NULL);
  g_autofree char *tmp = g_strconcat (path, ".bak.tmp", NULL);

  g_unlink (tmp);
  if (link (path, tmp) != 0 && !copy_file_contents (path, tmp, NULL))
    return;
  if (g_rename (tmp, bak) != 0)
    g_unlink (tmp);
}

static JsonNode *
build_document (MixStore  *self,
                MixDomain  domain)
{
  JsonObject *old = self->domains[domain].root;
  JsonObject *root = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  json_object_set_string_member (root, "format", domain_info[domain].format);
  json_object_set_int_member (root, "version", MIX_STORE_FORMAT_VERSION);

  json_object_iter_init (&iter, old);
  while (json_object_iter_next (&iter, &member, &value))
    if (!g_str_equal (member, "format") && !g_str_equal (member, "version"))
      json_object_set_member (root, member, json_node_ref (value));

  if (domain_info[domain].save != NULL)
    domain_info[domain].save (self, root);

  json_node_take_object (node, root);
  return node;
}

/* The document as text, for a domain that writes its own member: the
 * format and version, the members this version does not know as they
 * were, then the domain's own. */
static char *
write_document (MixStore  *self,
                MixDomain  domain,
                gsize     *length)
{
  GString *out = g_string_sized_new (64 * 1024);

  mix_json_append_document_start (out, domain_info[domain].format, MIX_STORE_FORMAT_VERSION,
                                  self->domains[domain].root,
                                  domain_info[domain].written_member);
  domain_info[domain].write (self, out);
  g_string_append (out, "}\n");

  *length = out->len;
  return g_string_free (out, FALSE);
}

/* The text of @domain's file as it is now. */
static char *
snapshot (MixStore  *self,
          MixDomain  domain,
          gsize     *length)
{
  g_autoptr(JsonNode) document = NULL;

  if (domain_info[domain].write != NULL)
    return write_document (self, domain, length);
  document = build_document (self, domain);
  return mix_json_to_data (document, length);
}

/* Replaces the file at @path with @data, keeping the old one as the
 * backup when @backup. Touches nothing but the files, so it may run on
 * another thread. */
static gboolean
write_file (const char  *directory,
            const char  *path,
            const char  *data,
            gsize        length,
            gboolean     backup,
            GError     **error)
{
  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s", g_strerror (saved_errno));
      return FALSE;
    }

  if (backup && g_file_test (path, G_FILE_TEST_IS_REGULAR))
    keep_backup (path);

  return g_file_set_contents_full (path, data, (gssize) length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

/* What follows a write, done or failed. @error is taken. */
static gboolean
finish_save (MixStore   *self,
             MixDomain   domain,
             const char *path,
             GError     *write_error,
             GError    **error)
{
  DomainState *state = &self->domains[domain];
  g_autoptr(GError) local_error = write_error;

  if (local_error != NULL)
    {
      /* What was not written is still to be saved. */
      state->dirty = TRUE;
      if (!state->save_failed)
        {
          MixStoreProblem *problem = g_new0 (MixStoreProblem, 1);

          problem->domain = domain;
          problem->kind = MIX_PROBLEM_SAVE_FAILED;
          problem->path = g_strdup (path);
          problem->reason = g_strdup (local_error->message);
          problem->message =
            g_strdup_printf (_("Your changes could not be saved to “%s”: %s. They are kept "
                               "while Mix It Up is open, and saving is tried again with your "
                               "next change."),
                             domain_info[domain].file_name, local_error->message);
          state->save_failed = TRUE;
          add_problem (self, problem);
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  state->on_disk_ok = TRUE;
  state->save_failed = FALSE;
  g_signal_emit (self, signals[SAVED], 0, (int) domain);
  return TRUE;
}

static void weak_ref_free (gpointer data);

static void
write_job_free (WriteJob *job)
{
  g_clear_pointer (&job->tell, weak_ref_free);
  g_free (job->directory);
  g_free (job->path);
  g_free (job->data);
  g_clear_error (&job->error);
  g_free (job);
}

/* Waits for @domain's background write, if any, and finishes it. */
static void
join_writer (MixStore  *self,
             MixDomain  domain)
{
  DomainState *state = &self->domains[domain];
  WriteJob *job = state->job;

  if (state->writer == NULL)
    return;

  g_thread_join (g_steal_pointer (&state->writer));
  state->job = NULL;
  finish_save (self, domain, job->path, g_steal_pointer (&job->error), NULL);
  write_job_free (job);
}

static gboolean
write_done_cb (gpointer data)
{
  g_autoptr(MixStore) self = g_weak_ref_get (data);

  if (self == NULL)
    return G_SOURCE_REMOVE;

  for (guint d = 0; d < MIX_N_DOMAINS; d++)
    {
      DomainState *state = &self->domains[d];

      if (state->writer == NULL || !g_atomic_int_get (&state->job->done))
        continue;
      join_writer (self, d);
      /* An autosave that came during the write is done now. */
      if (state->save_again)
        {
          state->save_again = FALSE;
          save_in_background (self, d);
        }
    }
  return G_SOURCE_REMOVE;
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* Only the job is touched here, never the store itself (taking a
 * reference could make this thread the one to free it). The store is told
 * through the main loop, if it is still there; it joins the thread before
 * it takes the result. */
static gpointer
write_thread (gpointer data)
{
  WriteJob *job = data;

  write_file (job->directory, job->path, job->data, job->length, job->keep_backup, &job->error);
  g_atomic_int_set (&job->done, TRUE);
  g_idle_add_full (G_PRIORITY_DEFAULT, write_done_cb, g_steal_pointer (&job->tell),
                   weak_ref_free);
  return NULL;
}

/* Saves @domain as mix_store_save() does, but writes on a thread of its
 * own: at 10,000 rows a tab the text takes 20 ms to make, and writing it
 * durably (fsync) can take much longer on a slow disk, which would stop
 * the window each time it saves as you go. */
static void
save_in_background (MixStore  *self,
                    MixDomain  domain)
{
  DomainState *state = &self->domains[domain];
  WriteJob *job;

  if (state->writer != NULL)
    {
      /* One write at a time, in order: this one follows. */
      state->save_again = TRUE;
      return;
    }
  if (!state->dirty || state->read_only)
    return;

  job = g_new0 (WriteJob, 1);
  job->tell = g_new0 (GWeakRef, 1);
  g_weak_ref_init (job->tell, self);
  job->directory = g_strdup (self->directory);
  job->path = mix_store_get_path (self, domain);
  job->data = snapshot (self, domain, &job->length);
  job->keep_backup = state->on_disk_ok;
  state->dirty = FALSE;
  state->job = job;
  state->writer = g_thread_new ("mix-store-write", write_thread, job);
}

/**
 * mix_store_save:
 *
 * Saves @domain now, if it has changed: the file is replaced in one step
 * and the previous one is kept as the backup. A save being written in the
 * background is finished first.
 *
 * Returns: %TRUE if the file holds the changes
 */
gboolean
mix_store_save (MixStore   *self,
                MixDomain   domain,
                GError    **error)
{
  DomainState *state;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (MIX_IS_STORE (self), FALSE);
  g_return_val_if_fail (domain < MIX_N_DOMAINS, FALSE);

  state = &self->domains[domain];
  g_clear_handle_id (&state->autosave_id, g_source_remove);
  join_writer (self, domain);
  state->save_again = FALSE;

  if (!state->dirty || state->read_only)
    return TRUE;

  data = snapshot (self, domain, &length);
  path = mix_store_get_path (self, domain);
  state->dirty = FALSE;
  write_file (self->directory, path, data, length, state->on_disk_ok, &local_error);
  return finish_save (self, domain, path, g_steal_pointer (&local_error), error);
}

/**
 * mix_store_flush:
 *
 * Saves every domain with unsaved changes now, as when the window closes
 * or the application quits.
 *
 * Returns: %TRUE if nothing is left unsaved; @error is the first failure
 */
gboolean
mix_store_flush (MixStore  *self,
                 GError   **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (MIX_IS_STORE (self), FALSE);

  for (guint d = 0; d < MIX_N_DOMAINS; d++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!mix_store_save (self, d, &local_error))
        {
          if (ok)
            g_propagate_error (error, g_steal_pointer (&local_error));
          ok = FALSE;
        }
    }

  return ok;
}
