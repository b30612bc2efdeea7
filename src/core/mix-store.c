/* SPDX-License-Identifier: GPL-3.0-or-later */
/* For F_OFD_SETLK, open file description locks. */
#define _GNU_SOURCE 1

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mix-date.h"
#include "mix-error.h"
#include "mix-json.h"
#include "mix-json-reader.h"
#include "mix-merge.h"
#include "mix-store.h"

/**
 * MixStore:
 *
 * Owns the user's data: one JSON file per domain in the data directory.
 *
 * Saving is atomic and durable (a crash leaves either the old or the new
 * file), with mode 0600 in a 0700 directory; the file being replaced is
 * first kept as `<name>.bak`. Changes are saved one autosave delay after
 * the last of them, per file, and by mix_store_flush(). A data file that
 * is a symbolic link is written through: its target is replaced, in the
 * target's folder, and the link stays.
 *
 * Other programs may change the files: a second window, the CSV command
 * from a script, a text editor, a sync tool bringing another computer's
 * changes. So one writer at a time holds a lock on #MIX_STORE_LOCK_NAME,
 * around reading, merging and writing; and before each save the file is
 * checked to be the one last read or written (device, inode, size, time
 * and a hash of its text). If it is not, it is read and merged into the
 * data here, item by item (see #MixMerge), before anything is written.
 * Watched (mix_store_set_watching()), the store merges such changes as
 * they come, and #MixStore::merged says how many there were. The
 * conflicting copies sync tools make are merged in the same way and then
 * moved aside as `<name>.merged`, never deleted.
 *
 * A file that cannot be read, is empty, is not JSON, is too large or too
 * deep, or has the wrong shape is damaged: it is moved aside as
 * `<name>.damaged-<YYYYMMDD-HHMMSS>` (never overwritten, never deleted), the
 * backup is used instead if it is good, and a #MixStoreProblem tells the
 * user what happened. A file written by a newer version is left untouched
 * and its domain becomes read-only; so does a file this user may not read.
 * Nothing else in the folder is ever removed: the only files the store
 * cleans up are its own temporary ones, `.<name>.tmp-XXXXXX`.
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
  const char * const *own_members;    /* members the domain's model reads and writes */
  DomainParseFunc     parse;           /* NULL for mix_json_parse_object() */
  GDestroyNotify      free_streamed;
  DomainLoadFunc      load;
  DomainSaveFunc      save;
  const char         *written_member;  /* the member write() writes, or NULL */
  DomainWriteFunc     write;
} DomainInfo;

/* What a file on disk is: enough to tell that another program replaced
 * or changed it. */
typedef struct
{
  gboolean  exists;
  guint64   dev;
  guint64   ino;
  gint64    size;
  gint64    mtime_ns;
  char     *hash;    /* nullable: of the whole text, when known */
} FileIdentity;

typedef enum
{
  WRITE_DONE,
  WRITE_FAILED,
  WRITE_CHANGED,  /* the file is not the one last read or written: nothing was written */
} WriteOutcome;

/* A save written by a thread of its own (see autosave_cb()). */
typedef struct
{
  GWeakRef     *tell;        /* the store, told from the main loop when the write is done */
  MixDomain     domain;
  char         *directory;
  char         *path;
  char         *data;
  gsize         length;
  gboolean      keep_backup;
  FileIdentity  expected;    /* the file as last read or written */
  FileIdentity  written;     /* the file as this job wrote it */
  char         *revision;
  gpointer      saved;       /* what the domain's model learns once written */
  WriteOutcome  outcome;
  GError       *error;
  gint          done;        /* atomic: the file is written */
} WriteJob;

typedef struct
{
  JsonObject   *root;        /* the document as read, with members we do not know */
  gboolean      on_disk_ok;  /* the file on disk is good, so it may become the backup */
  gboolean      read_only;
  gboolean      stopped;     /* read-only because of what another program left in the file */
  gboolean      dirty;
  gboolean      save_failed; /* reported once until a save works again */
  guint         autosave_id;
  gint64        waiting_since;  /* monotonic: the first change not saved yet, or 0 */
  GThread      *writer;      /* nullable: writing @job */
  WriteJob     *job;
  gboolean      save_again;  /* the autosave came while @writer was writing */
  FileIdentity  identity;    /* the file as this store last read or wrote it */
  char         *revision;    /* nullable: the save that wrote that file */
  guint         check_id;    /* a look at the file, after it changed */
  gboolean      check_after_write;
  guint         n_retries;   /* of a file that could not be read while changing */
} DomainState;

typedef enum
{
  READ_OK,
  READ_MISSING,
  READ_DAMAGED,
  READ_NEWER,
  READ_DENIED,
} ReadResult;

/* A file read ahead by mix_store_begin_load(). */
typedef struct
{
  gboolean      done;
  ReadResult    result;
  JsonObject   *root;
  gpointer      streamed;
  FileIdentity  identity;
  GError       *error;
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
  MixTombstones *session_tombstones;   /* always empty: sessions are never deleted */
  DomainState  domains[MIX_N_DOMAINS];
  GPtrArray   *problems;
  GPtrArray   *monitors;               /* nullable: GFileMonitor, while watching */
  gboolean     merging;                /* changes come from a merge, not the user */
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
  PROBLEM_REMOVED,
  SAVED,
  MERGED,
  READ_ONLY_CHANGED,
  CURRENT_SESSION_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* How long a writer waits for another one to finish. */
#define LOCK_TIMEOUT_US (10 * G_USEC_PER_SEC)
/* How long after a change elsewhere the file is looked at: a burst of
 * events is one change. */
#define CHECK_DELAY_MS 250
/* How often a file changed into one that cannot be read is read again,
 * a second apart, before it is taken to be damaged: another program may
 * be writing it in place. */
#define MAX_RETRIES 5
/* Deletions older than this are forgotten. */
#define TOMBSTONE_DAYS 400

static JsonNode *parse_tracker (const char *data, gsize length, gpointer *streamed, GError **error);
static gboolean load_tracker  (MixStore *self, JsonObject *root, gpointer streamed, guint *n_skipped, GError **error);
static gboolean load_messages (MixStore *self, JsonObject *root, gpointer streamed, guint *n_skipped, GError **error);
static void     save_messages (MixStore *self, JsonObject *root);
static gboolean load_sessions (MixStore *self, JsonObject *root, gpointer streamed, guint *n_skipped, GError **error);
static void     save_sessions (MixStore *self, JsonObject *root);
static void     write_tracker (MixStore *self, GString *out);
static void     clear_prepared (MixStore *self);
static void     write_job_free (WriteJob *job);
static void     schedule_check (MixStore *self, MixDomain domain, guint delay_ms);

static const char * const messages_arrays[] = { "drafts", "preps", NULL };
static const char * const sessions_arrays[] = { "sessions", "goals", NULL };
static const char * const tracker_own[] = { "tabs", MIX_MERGE_DELETED_MEMBER, NULL };
static const char * const messages_own[] = { "drafts", "preps", MIX_MERGE_DELETED_MEMBER, NULL };
static const char * const sessions_own[] = { "sessions", "goals", "current", "unreadable_current", NULL };

static const DomainInfo domain_info[MIX_N_DOMAINS] = {
  { "tracker.json", "mix-it-up/tracker", NULL, tracker_own, parse_tracker,
    (GDestroyNotify) mix_tracker_rows_free, load_tracker, NULL, "tabs", write_tracker },
  { "messages.json", "mix-it-up/messages", messages_arrays, messages_own, NULL, NULL,
    load_messages, save_messages, NULL, NULL },
  { "sessions.json", "mix-it-up/sessions", sessions_arrays, sessions_own, NULL, NULL,
    load_sessions, save_sessions, NULL, NULL },
};

/* File identities */

static void
identity_clear (FileIdentity *identity)
{
  g_clear_pointer (&identity->hash, g_free);
  memset (identity, 0, sizeof *identity);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FileIdentity, identity_clear)

static void
identity_copy (FileIdentity       *to,
               const FileIdentity *from)
{
  identity_clear (to);
  *to = *from;
  to->hash = g_strdup (from->hash);
}

static void
identity_from_stat (FileIdentity    *identity,
                    const struct stat *st)
{
  identity_clear (identity);
  identity->exists = TRUE;
  identity->dev = (guint64) st->st_dev;
  identity->ino = (guint64) st->st_ino;
  identity->size = (gint64) st->st_size;
  identity->mtime_ns = (gint64) st->st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) +
                       st->st_mtim.tv_nsec;
}

static gboolean
identity_same_stat (const FileIdentity *a,
                    const FileIdentity *b)
{
  if (a->exists != b->exists)
    return FALSE;
  if (!a->exists)
    return TRUE;
  return a->dev == b->dev && a->ino == b->ino && a->size == b->size && a->mtime_ns == b->mtime_ns;
}

static char *
hash_text (const char *data,
           gsize       length)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

/* Where a save of @path goes: @path, or the file its symbolic links lead
 * to, so that the links stay (a sync tool may follow them). */
static char *
resolve_links (const char *path)
{
  char *current = g_strdup (path);

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *target = g_file_read_link (current, NULL);
      char *next;

      if (target == NULL)
        break;
      if (g_path_is_absolute (target))
        next = g_steal_pointer (&target);
      else
        {
          g_autofree char *dir = g_path_get_dirname (current);
          next = g_build_filename (dir, target, NULL);
        }
      g_free (current);
      current = next;
    }
  return current;
}

/* Reads the whole file, with what it is. Permission denied is not damage:
 * the file is fine, the user may not read it. */
static ReadResult
read_file (const char    *path,
           char         **data_out,
           gsize         *length_out,
           FileIdentity  *identity,
           GError       **error)
{
  struct stat st;
  g_autofree char *data = NULL;
  gsize length = 0;
  int fd;

  *data_out = NULL;
  *length_out = 0;

  /* Not blocking: a FIFO put in the file's place must not stop the app. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        return READ_MISSING;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("It could not be read: %s."), g_strerror (saved_errno));
      return saved_errno == EACCES || saved_errno == EPERM ? READ_DENIED : READ_DAMAGED;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error_literal (error, MIX_ERROR, MIX_ERROR_DAMAGED, _("It is not a regular file."));
      return READ_DAMAGED;
    }

  if (st.st_size > MIX_STORE_MAX_BYTES)
    {
      close (fd);
      g_set_error (error, MIX_JSON_ERROR, MIX_JSON_ERROR_TOO_LARGE,
                   _("The file is larger than %u MiB."), MIX_STORE_MAX_BYTES / (1024 * 1024));
      return READ_DAMAGED;
    }

  data = g_malloc ((gsize) st.st_size + 1);
  while (length < (gsize) st.st_size)
    {
      gssize n = read (fd, data + length, (gsize) st.st_size - length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("It could not be read: %s."), g_strerror (saved_errno));
          return READ_DAMAGED;
        }
      if (n == 0)
        break;
      length += (gsize) n;
    }
  close (fd);
  data[length] = '\0';

  identity_from_stat (identity, &st);
  identity->size = (gint64) length;
  identity->hash = hash_text (data, length);
  *data_out = g_steal_pointer (&data);
  *length_out = length;
  return READ_OK;
}

/* Whether @path is still the file @expected says, which its hash tells
 * when nothing else does. */
static gboolean
file_unchanged (const char         *path,
                const FileIdentity *expected)
{
  FileIdentity now = { 0 };
  struct stat st;
  gboolean same;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    /* Nothing there, or no file (a directory, say), which a save cannot
     * replace and which holds nothing to merge. */
    return !expected->exists;
  identity_from_stat (&now, &st);
  same = identity_same_stat (&now, expected);
  identity_clear (&now);
  if (!same)
    return FALSE;

  if (expected->hash != NULL)
    {
      g_autofree char *data = NULL;
      gsize length = 0;

      if (read_file (path, &data, &length, &now, NULL) != READ_OK)
        return FALSE;
      same = g_strcmp0 (now.hash, expected->hash) == 0;
      identity_clear (&now);
    }
  return same;
}

/* The lock */

#define NO_LOCK (-2)

/* Takes the lock every writer of the folder takes, waiting for another
 * writer for up to @timeout_us. Each call opens the lock file anew, so
 * that two threads, or two stores, exclude each other as two processes
 * do. Where there can be no lock (a folder that cannot be written, a file
 * system without locks) it returns NO_LOCK, and the writer goes on alone.
 *
 * Returns: the lock, for release_lock(), or -1 with @error set */
static int
take_lock (const char  *directory,
           gint64       timeout_us,
           GError     **error)
{
  g_autofree char *path = g_build_filename (directory, MIX_STORE_LOCK_NAME, NULL);
  gint64 deadline = g_get_monotonic_time () + timeout_us;
  int fd;

  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOCTTY, 0600);
  if (fd < 0)
    return NO_LOCK;

  for (;;)
    {
      struct flock lock = { 0 };

      lock.l_type = F_WRLCK;
      lock.l_whence = SEEK_SET;
      if (fcntl (fd, F_OFD_SETLK, &lock) == 0)
        return fd;
      if (errno != EAGAIN && errno != EACCES && errno != EINTR)
        {
          /* No locks here. */
          close (fd);
          return NO_LOCK;
        }
      if (g_get_monotonic_time () >= deadline)
        break;
      g_usleep (10 * 1000);
    }

  close (fd);
  g_set_error_literal (error, MIX_ERROR, MIX_ERROR_FAILED,
                       _("Another program kept the data folder busy for too long"));
  return -1;
}

static void
release_lock (int lock)
{
  /* Closing the file releases its lock. */
  if (lock >= 0)
    close (lock);
}

/* Writing files */

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

static void
sync_directory (const char *directory)
{
  int fd = g_open (directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* A name beside @target that only the store makes: `.<name>.<what>-XXXXXX`. */
static char *
temporary_name (const char *target,
                const char *what)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *name = g_strdup_printf (".%s.%s-XXXXXX", base, what);

  return g_build_filename (dir, name, NULL);
}

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno)
{
  g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       g_strerror (saved_errno));
  return FALSE;
}

/* Replaces @target with @data in one step, durably: a temporary file of the
 * store's own in the same folder, written and synced, then renamed over
 * @target. @written says what the new file is. */
static gboolean
replace_file (const char    *target,
              const char    *data,
              gsize          length,
              FileIdentity  *written,
              GError       **error)
{
  g_autofree char *tmp = temporary_name (target, "tmp");
  g_autofree char *dir = g_path_get_dirname (target);
  struct stat st;
  int fd;

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    return set_errno_error (error, errno);

  if (!write_all (fd, data, length) || fsync (fd) != 0 || fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      close (fd);
      g_unlink (tmp);
      return set_errno_error (error, saved_errno ? saved_errno : EIO);
    }
  if (close (fd) != 0 || g_rename (tmp, target) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp);
      return set_errno_error (error, saved_errno);
    }
  sync_directory (dir);

  if (written != NULL)
    {
      identity_from_stat (written, &st);
      written->hash = hash_text (data, length);
    }
  return TRUE;
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
  return replace_file (to, data, length, NULL, error);
}

/* Keeps the good file that is about to be replaced, @target (which @path
 * may link to), as `<path>.bak`, a file of its own: a hard link costs no
 * copying, and the rename makes the swap atomic. */
static void
keep_backup (const char *path,
             const char *target)
{
  g_autofree char *bak = g_strconcat (path, ".bak", NULL);
  g_autofree char *tmp = temporary_name (bak, "tmp");
  int fd;

  /* A free name of the store's own, then the link in its place. */
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    return;
  close (fd);
  g_unlink (tmp);
  if (link (target, tmp) != 0 && !copy_file_contents (target, tmp, NULL))
    {
      g_unlink (tmp);
      return;
    }
  if (g_rename (tmp, bak) != 0)
    g_unlink (tmp);
}

/* Writes @data as the file at @path, if that file is still @expected
 * (unless @expected is %NULL), keeping the old one as the backup when
 * @backup. Holds the lock throughout. Touches nothing but the files, so it
 * may run on another thread. */
static WriteOutcome
write_file (const char          *directory,
            const char          *path,
            const char          *data,
            gsize                length,
            gboolean             backup,
            const FileIdentity  *expected,
            FileIdentity        *written,
            GError             **error)
{
  g_autofree char *target = NULL;
  int lock;

  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      set_errno_error (error, errno);
      return WRITE_FAILED;
    }

  lock = take_lock (directory, LOCK_TIMEOUT_US, error);
  if (lock == -1)
    return WRITE_FAILED;

  target = resolve_links (path);
  if (expected != NULL && !file_unchanged (target, expected))
    {
      release_lock (lock);
      return WRITE_CHANGED;
    }

  if (backup && g_file_test (target, G_FILE_TEST_IS_REGULAR))
    keep_backup (path, target);

  if (!replace_file (target, data, length, written, error))
    {
      release_lock (lock);
      return WRITE_FAILED;
    }
  release_lock (lock);
  return WRITE_DONE;
}

/* GObject */

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
  g_clear_pointer (&self->monitors, g_ptr_array_unref);
  for (guint d = 0; d < MIX_N_DOMAINS; d++)
    {
      DomainState *state = &self->domains[d];

      /* A write in progress is let finish: the file must be whole. */
      if (state->writer != NULL)
        {
          g_thread_join (g_steal_pointer (&state->writer));
          g_clear_pointer (&state->job, write_job_free);
        }
      g_clear_handle_id (&state->autosave_id, g_source_remove);
      g_clear_handle_id (&state->check_id, g_source_remove);
      g_clear_pointer (&state->root, json_object_unref);
      identity_clear (&state->identity);
      g_clear_pointer (&state->revision, g_free);
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
  g_clear_pointer (&self->session_tombstones, mix_tombstones_free);

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
   * MixStore::problem-removed:
   * @problem: (type gpointer): the #MixStoreProblem, whose cause is gone;
   *   freed after the signal
   */
  signals[PROBLEM_REMOVED] =
    g_signal_new ("problem-removed",
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

  /**
   * MixStore::merged:
   * @domain: the #MixDomain whose file another program changed
   * @n_changes: how many items (rows, drafts, sessions…) came from there
   *
   * Changes made elsewhere were merged into the data here.
   */
  signals[MERGED] =
    g_signal_new ("merged",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_UINT);

  /**
   * MixStore::read-only-changed:
   * @domain: the #MixDomain that became read-only, or writable again
   */
  signals[READ_ONLY_CHANGED] =
    g_signal_new ("read-only-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  /**
   * MixStore::current-session-changed:
   *
   * The session in progress is another one: one continued elsewhere was
   * merged in.
   */
  signals[CURRENT_SESSION_CHANGED] =
    g_signal_new ("current-session-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
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
  self->session_tombstones = mix_tombstones_new ();

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
 *   while loading and saving and still holds, oldest first
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

static MixStoreProblem *
problem_new (MixStore       *self,
             MixDomain       domain,
             MixProblemKind  kind)
{
  MixStoreProblem *problem = g_new0 (MixStoreProblem, 1);

  problem->domain = domain;
  problem->kind = kind;
  problem->path = mix_store_get_path (self, domain);
  return problem;
}

/* The problems of @kind with @domain are over. */
static void
remove_problems (MixStore       *self,
                 MixDomain       domain,
                 MixProblemKind  kind)
{
  for (guint i = self->problems->len; i > 0; i--)
    {
      MixStoreProblem *problem = self->problems->pdata[i - 1];

      if (problem->domain != domain || problem->kind != kind)
        continue;
      g_ptr_array_steal_index (self->problems, i - 1);
      g_signal_emit (self, signals[PROBLEM_REMOVED], 0, problem);
      problem_free (problem);
    }
}

static void
set_read_only (MixStore  *self,
               MixDomain  domain,
               gboolean   read_only)
{
  DomainState *state = &self->domains[domain];

  if (state->read_only == read_only)
    return;
  state->read_only = read_only;
  if (read_only)
    g_clear_handle_id (&state->autosave_id, g_source_remove);
  g_signal_emit (self, signals[READ_ONLY_CHANGED], 0, (int) domain);
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

static void
load_tombstones (MixTombstones *tombstones,
                 JsonObject    *root)
{
  mix_tombstones_clear (tombstones);
  mix_tombstones_load_json (tombstones, json_object_get_member (root, MIX_MERGE_DELETED_MEMBER));
}

static gboolean
load_tracker (MixStore    *self,
              JsonObject  *root,
              gpointer     streamed,
              guint       *n_skipped,
              GError     **error)
{
  mix_tracker_load_rows (self->tracker, streamed, n_skipped);
  load_tombstones (mix_tracker_get_tombstones (self->tracker), root);
  return TRUE;
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
  MixTombstones *tombstones = mix_tracker_get_tombstones (self->tracker);

  mix_tracker_append_json (self->tracker, out);
  if (mix_tombstones_get_size (tombstones) == 0)
    return;
  g_string_append (out, ",\n\"" MIX_MERGE_DELETED_MEMBER "\":");
  mix_tombstones_append_json (tombstones, out);
}

/* Merging */

/* Adds the members of @theirs this version does not know and @root lacks. */
static guint
merge_unknown_members (JsonObject       *root,
                       JsonObject       *theirs,
                       const DomainInfo *info)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;
  guint n_added = 0;

  json_object_iter_init (&iter, theirs);
  while (json_object_iter_next (&iter, &member, &value))
    {
      if (g_str_equal (member, "format") || g_str_equal (member, "version") ||
          g_str_equal (member, MIX_MERGE_REVISION_MEMBER) ||
          g_strv_contains ((const char * const *) info->own_members, member) ||
          json_object_has_member (root, member))
        continue;
      json_object_set_member (root, member, json_node_ref (value));
      n_added++;
    }
  return n_added;
}

static char *
session_text (MixSessionRecord *record)
{
  g_autoptr(JsonNode) node = mix_session_record_to_json (record);
  g_autoptr(GString) out = g_string_new (NULL);

  mix_json_append_node (out, node);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The session in progress: each computer may have its own. The one
 * entered into and changed last stays in progress; another with anything
 * in it is kept as a past session, so that nothing is lost. */
static void
merge_current (MixStore   *self,
               JsonObject *theirs,
               MixMerge   *merge)
{
  JsonNode *node = json_object_get_member (theirs, "current");
  g_autoptr(MixSessionRecord) their = NULL;
  MixSessionRecord *ours = self->current_session;
  MixSessionRecord *loser = NULL;
  gboolean take;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (ours != NULL && !mix_session_record_is_blank (ours))
        merge->n_kept++;
      return;
    }

  their = mix_session_record_new_from_json (node, NULL);
  if (their == NULL)
    {
      JsonObject *root = self->domains[MIX_DOMAIN_SESSIONS].root;

      if (!json_object_has_member (root, "unreadable_current"))
        {
          json_object_set_member (root, "unreadable_current", json_node_copy (node));
          merge->n_taken++;
        }
      return;
    }
  if (mix_session_log_find_session (self->session_log, mix_session_record_get_id (their)) != NULL)
    return;  /* finished here or in the other copy's log */

  if (ours == NULL || mix_session_record_is_blank (ours))
    take = !mix_session_record_is_blank (their);
  else if (mix_session_record_is_blank (their))
    take = FALSE;
  else
    {
      int order = mix_timestamp_compare (mix_session_record_get_modified (their),
                                         mix_session_record_get_modified (ours));

      if (order == 0)
        {
          g_autofree char *our_text = session_text (ours);
          g_autofree char *their_text = session_text (their);

          order = mix_merge_tie_break (our_text, their_text);
        }
      take = order > 0;
      if (!g_str_equal (mix_session_record_get_id (ours), mix_session_record_get_id (their)))
        loser = take ? ours : their;
    }

  if (loser != NULL)
    {
      /* Both were entered into: the other is kept, as a past session. */
      mix_session_record_finish (loser);
      mix_session_log_add_finished (self->session_log, loser);
      merge->n_kept++;
    }

  if (take)
    {
      set_current_session (self, their);
      merge->n_taken++;
      g_signal_emit (self, signals[CURRENT_SESSION_CHANGED], 0);
    }
  else if (ours != NULL && !mix_session_record_is_blank (ours) &&
           !g_str_equal (mix_session_record_get_id (ours), mix_session_record_get_id (their)))
    merge->n_kept++;
  else if (ours != NULL && !mix_session_record_is_blank (ours) &&
           mix_timestamp_compare (mix_session_record_get_modified (ours),
                                  mix_session_record_get_modified (their)) != 0)
    merge->n_kept++;
}

/* Merges another copy of @domain's file, as read, into the data here.
 * @infer_deletions: the copy was made from the file as last read or
 * written here (see #MixMerge). */
static void
merge_document (MixStore   *self,
                MixDomain   domain,
                JsonObject *theirs,
                gpointer    streamed,
                gboolean    infer_deletions,
                guint      *n_taken,
                guint      *n_kept)
{
  DomainState *state = &self->domains[domain];
  g_autoptr(MixTombstones) their_tombstones = mix_tombstones_new ();
  MixMerge merge = { 0 };

  mix_tombstones_load_json (their_tombstones,
                            json_object_get_member (theirs, MIX_MERGE_DELETED_MEMBER));
  merge.theirs = their_tombstones;
  merge.infer_deletions = infer_deletions;

  self->merging = TRUE;
  switch (domain)
    {
    case MIX_DOMAIN_TRACKER:
      {
        g_autoptr(MixTrackerRows) rows = streamed;

        merge.ours = mix_tracker_get_tombstones (self->tracker);
        /* A file without tabs has no rows to merge. */
        if (rows != NULL)
          mix_tracker_merge_rows (self->tracker, rows, &merge);
        else
          mix_merge_finish (&merge);
      }
      break;
    case MIX_DOMAIN_MESSAGES:
      merge.ours = mix_drafts_get_tombstones (self->drafts);
      mix_drafts_merge_json (self->drafts, theirs, &merge);
      break;
    case MIX_DOMAIN_SESSIONS:
    default:
      merge.ours = self->session_tombstones;
      mix_session_log_merge_json (self->session_log, theirs, &merge);
      merge_current (self, theirs, &merge);
      break;
    }
  merge.n_taken += merge_unknown_members (state->root, theirs, &domain_info[domain]);
  self->merging = FALSE;

  *n_taken = merge.n_taken;
  *n_kept = merge.n_kept;
}

/* Loading */

/* Removes what an interrupted save can leave behind: the store's own
 * temporary files, `.<name>.tmp-XXXXXX` and `.<name>.bak.tmp-XXXXXX`, and
 * nothing else. Under the lock, so that no other writer is using them. */
static void
remove_litter (MixStore *self)
{
  g_autoptr(GDir) dir = NULL;
  const char *entry;
  int lock;

  lock = take_lock (self->directory, G_USEC_PER_SEC, NULL);
  if (lock == -1)
    return;

  dir = g_dir_open (self->directory, 0, NULL);
  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    {
      if (entry[0] != '.')
        continue;
      for (guint d = 0; d < MIX_N_DOMAINS; d++)
        {
          const char *name = domain_info[d].file_name;
          gsize len = strlen (name);
          const char *suffix;

          if (strncmp (entry + 1, name, len) != 0)
            continue;
          suffix = entry + 1 + len;
          if (!g_str_has_prefix (suffix, ".tmp-") && !g_str_has_prefix (suffix, ".bak.tmp-"))
            continue;
          if (strlen (strrchr (suffix, '-') + 1) != 6)
            continue;

          {
            g_autofree char *path = g_build_filename (self->directory, entry, NULL);
            g_unlink (path);
          }
        }
    }
  release_lock (lock);
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
 * document; on READ_DAMAGED and READ_DENIED, @error says what is wrong. */
static ReadResult
read_document (MixDomain      domain,
               const char    *path,
               JsonObject   **root_out,
               gpointer      *streamed_out,
               FileIdentity  *identity,
               GError       **error)
{
  const DomainInfo *info = &domain_info[domain];
  gpointer streamed = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  JsonObject *root;
  JsonNode *version;
  const char *format;
  gboolean wrong_type;
  ReadResult result;

  *root_out = NULL;
  *streamed_out = NULL;

  result = read_file (path, &data, &length, identity, error);
  if (result != READ_OK)
    return result;

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

/* The revision member of a document read, taken out of it. */
static char *
take_revision (JsonObject *root)
{
  gboolean wrong = FALSE;
  char *revision;

  revision = g_strdup (mix_json_object_get_string_member_or_null (root, MIX_MERGE_REVISION_MEMBER,
                                                                   &wrong));
  json_object_remove_member (root, MIX_MERGE_REVISION_MEMBER);
  return revision;
}

/* Reads a document and gives it to the domain's model. */
static ReadResult
read_domain (MixStore      *self,
             MixDomain      domain,
             const char    *path,
             JsonObject   **root_out,
             guint         *n_skipped,
             FileIdentity  *identity,
             GError       **error)
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
      identity_copy (identity, &prepared->identity);
      if (prepared->error != NULL)
        g_propagate_error (error, g_steal_pointer (&prepared->error));
    }
  else
    result = read_document (domain, path, root_out, &streamed, identity, error);

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
           const char  *kind,
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
        target = g_strdup_printf ("%s.%s-%s", path, kind, stamp);
      else
        target = g_strdup_printf ("%s.%s-%s-%u", path, kind, stamp, attempt);

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

static void
report_damage (MixStore   *self,
               MixDomain   domain,
               const char *path,
               const char *moved_to,
               gboolean    restored,
               const char *reason)
{
  MixStoreProblem *problem = problem_new (self, domain, MIX_PROBLEM_DAMAGED);
  const char *name = domain_info[domain].file_name;

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

/* Adds @problem, with @note (nullable) after its message. */
static void
add_with_note (MixStore        *self,
               MixStoreProblem *problem,
               const char      *note)
{
  if (note != NULL)
    {
      char *message = g_strconcat (problem->message, " ", note, NULL);

      g_free (problem->message);
      problem->message = message;
    }
  add_problem (self, problem);
}

static void
report_denied (MixStore   *self,
               MixDomain   domain,
               const char *reason,
               const char *note)
{
  MixStoreProblem *problem = problem_new (self, domain, MIX_PROBLEM_DENIED);
  g_autofree char *target = resolve_links (problem->path);

  remove_problems (self, domain, MIX_PROBLEM_DENIED);
  problem->reason = g_strdup (reason);
  problem->message =
    /* Translators: %s are a file name, what went wrong, the user's login name and the file's
     * path, for a command to type in a terminal. */
    g_strdup_printf (_("Mix It Up is not allowed to read “%s”. %s It was left where it is, and "
                       "nothing will be written to it until it can be read. This happens when "
                       "Mix It Up was run as another user, for example with sudo. To fix it, "
                       "run this in a terminal: sudo chown %s: “%s”"),
                     domain_info[domain].file_name, reason, g_get_user_name (), target);
  add_with_note (self, problem, note);
}

static void
report_newer (MixStore   *self,
              MixDomain   domain,
              const char *note)
{
  MixStoreProblem *problem = problem_new (self, domain, MIX_PROBLEM_NEWER_VERSION);

  remove_problems (self, domain, MIX_PROBLEM_NEWER_VERSION);
  problem->message =
    g_strdup_printf (_("“%s” was saved by a newer version of Mix It Up. It is shown "
                       "read-only and nothing will be written to it, so that no data is "
                       "lost. Update Mix It Up to make changes."),
                     domain_info[domain].file_name);
  add_with_note (self, problem, note);
}

/* Takes what a document read from the file says of itself. */
static void
take_identity (DomainState  *state,
               FileIdentity *identity,
               JsonObject   *root)
{
  identity_clear (&state->identity);
  state->identity = *identity;
  memset (identity, 0, sizeof *identity);
  g_free (state->revision);
  state->revision = root != NULL ? take_revision (root) : NULL;
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
  g_auto(FileIdentity) identity = { 0 };
  g_auto(FileIdentity) ignored = { 0 };
  JsonObject *root = NULL;
  guint n_skipped = 0;
  gboolean still_there = FALSE;
  ReadResult result;

  g_clear_pointer (&state->root, json_object_unref);
  state->on_disk_ok = FALSE;
  state->read_only = FALSE;
  state->dirty = FALSE;

  result = read_domain (self, domain, path, &root, &n_skipped, &identity, &error);

  switch (result)
    {
    case READ_MISSING:
      /* No file but a good backup: the file was deleted or lost, not
       * never made (a save never leaves the file missing). Starting
       * empty would make the backup the file before the next save, and
       * the save after that would overwrite it: it is restored. */
      if (read_domain (self, domain, bak, &root, &n_skipped, &ignored, NULL) == READ_OK &&
          copy_file_contents (bak, path, NULL))
        {
          MixStoreProblem *problem = problem_new (self, domain, MIX_PROBLEM_MISSING);
          g_auto(FileIdentity) restored = { 0 };
          g_autofree char *data = NULL;
          gsize length;

          if (read_file (path, &data, &length, &restored, NULL) == READ_OK)
            take_identity (state, &restored, root);
          state->root = root;
          state->on_disk_ok = TRUE;
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
      identity_clear (&state->identity);
      return;

    case READ_OK:
      take_identity (state, &identity, root);
      state->root = root;
      state->on_disk_ok = TRUE;
      break;

    case READ_NEWER:
      /* Show what can be shown, but never write to it. */
      take_identity (state, &identity, root);
      state->root = root;
      state->read_only = TRUE;
      report_newer (self, domain, NULL);
      return;

    case READ_DENIED:
      /* Not damaged: left where it is, and not written to, until it can
       * be read. */
      state->root = new_document (domain);
      state->read_only = TRUE;
      state->stopped = TRUE;
      report_denied (self, domain, error->message, NULL);
      return;

    case READ_DAMAGED:
    default:
      moved_to = set_aside (path, "damaged", &still_there, &move_error);
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
      if (read_domain (self, domain, bak, &root, &n_skipped, &ignored, NULL) == READ_OK &&
          copy_file_contents (bak, path, NULL))
        {
          g_auto(FileIdentity) restored = { 0 };
          g_autofree char *data = NULL;
          gsize length;

          if (read_file (path, &data, &length, &restored, NULL) == READ_OK)
            take_identity (state, &restored, root);
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
          identity_clear (&state->identity);
          report_damage (self, domain, path, moved_to, FALSE, error->message);
        }
      break;
    }
  /* The domain holds what it read; the document keeps only the members
   * it does not know. For the tracker, this frees the parsed rows, most of
   * the memory a big tracker takes. */
  if (domain_info[domain].written_member != NULL && state->root != NULL)
    json_object_remove_member (state->root, domain_info[domain].written_member);
  if (state->root != NULL)
    g_free (take_revision (state->root));

  if (n_skipped > 0)
    {
      MixStoreProblem *problem = problem_new (self, domain, MIX_PROBLEM_SKIPPED_ROWS);

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
                                        &prepared->identity, &prepared->error);
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
      identity_clear (&prepared->identity);
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

static void merge_conflict_copies (MixStore  *self,
                                   MixDomain  domain);

/**
 * mix_store_load:
 *
 * Creates the data directory if needed, cleans up what an interrupted save
 * left, loads every domain, and merges the conflicting copies sync tools
 * left. It does not fail: whatever went wrong is in
 * mix_store_get_problems().
 */
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

  for (guint d = 0; d < MIX_N_DOMAINS; d++)
    merge_conflict_copies (self, d);
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

/* A save comes one autosave delay after the last change, but no later than
 * five delays after the first change not saved yet: changes that never
 * pause (typing on and on, a script) are saved as they go too. */
static void
schedule_autosave (MixStore  *self,
                   MixDomain  domain)
{
  DomainState *state = &self->domains[domain];
  gint64 now = g_get_monotonic_time ();
  gint64 latest;
  guint delay = self->autosave_delay;

  if (state->waiting_since == 0)
    state->waiting_since = now;
  latest = state->waiting_since + (gint64) self->autosave_delay * 5 * 1000;
  if (latest - now < (gint64) delay * 1000)
    delay = (guint) (MAX (latest - now, 0) / 1000);

  g_clear_handle_id (&state->autosave_id, g_source_remove);
  state->autosave_id = g_timeout_add (delay, autosave_cb, self);
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
  if (state->read_only || self->merging)
    return;

  state->dirty = TRUE;
  schedule_autosave (self, domain);
}

static JsonNode *
build_document (MixStore   *self,
                MixDomain   domain,
                const char *revision)
{
  JsonObject *old = self->domains[domain].root;
  JsonObject *root = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  json_object_set_string_member (root, "format", domain_info[domain].format);
  json_object_set_int_member (root, "version", MIX_STORE_FORMAT_VERSION);
  json_object_set_string_member (root, MIX_MERGE_REVISION_MEMBER, revision);

  json_object_iter_init (&iter, old);
  while (json_object_iter_next (&iter, &member, &value))
    if (!g_str_equal (member, "format") && !g_str_equal (member, "version") &&
        !g_str_equal (member, MIX_MERGE_REVISION_MEMBER))
      json_object_set_member (root, member, json_node_ref (value));

  if (domain_info[domain].save != NULL)
    domain_info[domain].save (self, root);

  json_node_take_object (node, root);
  return node;
}

/* The document as text, for a domain that writes its own member: the
 * format, version and revision, the members this version does not know
 * as they were, then the domain's own. */
static char *
write_document (MixStore   *self,
                MixDomain   domain,
                const char *revision,
                gsize      *length)
{
  GString *out = g_string_sized_new (64 * 1024);
  g_autoptr(JsonObject) kept = json_object_new ();
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  json_object_set_string_member (kept, MIX_MERGE_REVISION_MEMBER, revision);
  json_object_iter_init (&iter, self->domains[domain].root);
  while (json_object_iter_next (&iter, &member, &value))
    if (!g_strv_contains ((const char * const *) domain_info[domain].own_members, member) &&
        !g_str_equal (member, MIX_MERGE_REVISION_MEMBER))
      json_object_set_member (kept, member, json_node_ref (value));

  mix_json_append_document_start (out, domain_info[domain].format, MIX_STORE_FORMAT_VERSION,
                                  kept, domain_info[domain].written_member);
  domain_info[domain].write (self, out);
  g_string_append (out, "}\n");

  *length = out->len;
  return g_string_free (out, FALSE);
}

/* The text of @domain's file as it is now, with what its model learns
 * once it is written in *@saved. */
static char *
snapshot (MixStore   *self,
          MixDomain   domain,
          const char *revision,
          gsize      *length,
          gpointer   *saved)
{
  g_autoptr(JsonNode) document = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -TOMBSTONE_DAYS);

  before = g_date_time_format_iso8601 (then);
  switch (domain)
    {
    case MIX_DOMAIN_TRACKER:
      mix_tombstones_forget_older (mix_tracker_get_tombstones (self->tracker), before);
      *saved = mix_tracker_saved_new (self->tracker);
      break;
    case MIX_DOMAIN_MESSAGES:
      mix_tombstones_forget_older (mix_drafts_get_tombstones (self->drafts), before);
      *saved = mix_drafts_collect_saved (self->drafts);
      break;
    case MIX_DOMAIN_SESSIONS:
    default:
      *saved = NULL;
      break;
    }

  if (domain_info[domain].write != NULL)
    return write_document (self, domain, revision, length);
  document = build_document (self, domain, revision);
  return mix_json_to_data (document, length);
}

static void
saved_free (MixDomain domain,
            gpointer  saved)
{
  if (saved == NULL)
    return;
  if (domain == MIX_DOMAIN_TRACKER)
    mix_tracker_saved_free (saved);
  else
    g_hash_table_unref (saved);
}

/* The model learns that what it held at the snapshot is in the file. */
static void
saved_mark (MixStore  *self,
            MixDomain  domain,
            gpointer   saved)
{
  if (saved == NULL)
    return;
  if (domain == MIX_DOMAIN_TRACKER)
    {
      mix_tracker_saved_mark (saved);
      mix_tracker_saved_free (saved);
    }
  else
    mix_drafts_set_on_disk (self->drafts, saved);
}

static void
report_too_large (MixStore  *self,
                  MixDomain  domain,
                  gsize      length)
{
  MixStoreProblem *problem = problem_new (self, domain, MIX_PROBLEM_TOO_LARGE);
  g_autofree char *size = g_format_size (length);
  g_autofree char *limit = g_format_size (MIX_STORE_MAX_BYTES);

  remove_problems (self, domain, MIX_PROBLEM_TOO_LARGE);
  problem->message =
    /* Translators: %s are a file name and two sizes, such as “70.1 MB”. */
    g_strdup_printf (_("Your changes could not be saved to “%s”: it would be %s, and Mix It Up "
                       "reads files of up to %s. They are kept while Mix It Up is open; delete "
                       "some rows to save them."),
                     domain_info[domain].file_name, size, limit);
  add_problem (self, problem);
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
          MixStoreProblem *problem = problem_new (self, domain, MIX_PROBLEM_SAVE_FAILED);

          problem->reason = g_strdup (local_error->message);
          if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_ACCES) ||
              g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_PERM))
            problem->message =
              /* Translators: %s are a file name, the error, the user's login name and the
               * data folder, for a command to type in a terminal. */
              g_strdup_printf (_("Your changes could not be saved to “%s”: %s. They are kept "
                                 "while Mix It Up is open, and saving is tried again with your "
                                 "next change. The data folder may belong to another user, as "
                                 "after running Mix It Up with sudo. To fix it, run this in a "
                                 "terminal: sudo chown -R %s: “%s”"),
                               domain_info[domain].file_name, local_error->message,
                               g_get_user_name (), self->directory);
          else
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
  if (state->save_failed)
    {
      state->save_failed = FALSE;
      remove_problems (self, domain, MIX_PROBLEM_SAVE_FAILED);
    }
  remove_problems (self, domain, MIX_PROBLEM_TOO_LARGE);
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
  g_free (job->revision);
  identity_clear (&job->expected);
  identity_clear (&job->written);
  g_clear_error (&job->error);
  saved_free (job->domain, g_steal_pointer (&job->saved));
  g_free (job);
}

/* A copy of what could not be saved because the file was changed into one
 * that cannot be merged, beside it: `<name>.unsaved-<YYYYMMDD-HHMMSS>`. */
static char *
keep_unsaved (MixStore  *self,
              MixDomain  domain)
{
  g_autofree char *path = mix_store_get_path (self, domain);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *revision = g_uuid_string_random ();
  g_autofree char *data = NULL;
  gpointer saved = NULL;
  gsize length = 0;

  data = snapshot (self, domain, revision, &length, &saved);
  saved_free (domain, saved);
  for (guint attempt = 1; attempt < 100; attempt++)
    {
      g_autofree char *target = attempt == 1 ?
        g_strdup_printf ("%s.unsaved-%s", path, stamp) :
        g_strdup_printf ("%s.unsaved-%s-%u", path, stamp, attempt);

      if (g_file_test (target, G_FILE_TEST_EXISTS))
        continue;
      if (replace_file (target, data, length, NULL, NULL))
        return g_steal_pointer (&target);
      break;
    }
  return NULL;
}

/* Stops saving @domain: another program left its file in a state that
 * cannot be merged. What was not saved yet is kept in a file beside it. */
static void
stop_saving (MixStore       *self,
             MixDomain       domain,
             MixProblemKind  kind,
             const char     *reason)
{
  DomainState *state = &self->domains[domain];
  g_autofree char *unsaved = NULL;
  g_autofree char *kept = NULL;
  const char *name = domain_info[domain].file_name;

  if (state->dirty)
    unsaved = keep_unsaved (self, domain);
  if (unsaved != NULL)
    /* Translators: said after a problem with a file; %s is the path of a copy of the changes. */
    kept = g_strdup_printf (_("The changes made here that were not saved yet are in %s."),
                            unsaved);
  state->dirty = FALSE;
  state->stopped = TRUE;
  set_read_only (self, domain, TRUE);

  if (kind == MIX_PROBLEM_NEWER_VERSION)
    report_newer (self, domain, kept);
  else if (kind == MIX_PROBLEM_DENIED)
    report_denied (self, domain, reason, kept);
  else
    {
      MixStoreProblem *problem = problem_new (self, domain, MIX_PROBLEM_CHANGED_UNREADABLE);

      remove_problems (self, domain, MIX_PROBLEM_CHANGED_UNREADABLE);
      problem->reason = g_strdup (reason);
      problem->message =
        /* Translators: the first %s is a file name, the second what is wrong with it. */
        g_strdup_printf (_("“%s” was changed by another program and can no longer be read. %s "
                           "It is left as it is, and nothing will be written to it until it "
                           "can be read again."),
                         name, reason);
      add_with_note (self, problem, kept);
    }
}

/* Saving goes on: the file can be read, and was merged. */
static void
resume_saving (MixStore  *self,
               MixDomain  domain)
{
  DomainState *state = &self->domains[domain];

  if (!state->stopped)
    return;
  state->stopped = FALSE;
  remove_problems (self, domain, MIX_PROBLEM_CHANGED_UNREADABLE);
  remove_problems (self, domain, MIX_PROBLEM_DENIED);
  remove_problems (self, domain, MIX_PROBLEM_NEWER_VERSION);
  set_read_only (self, domain, FALSE);
}

typedef enum
{
  RECONCILED,   /* the file here holds everything: merged, or nothing to merge */
  NOT_YET,      /* the file cannot be read now: try again soon */
  STOPPED,      /* the file cannot be merged: saving stopped */
} Reconciled;

/* Reads @domain's file, changed by another program, and merges it in.
 * @source: a conflicting copy to merge instead of the file itself. */
static Reconciled
reconcile (MixStore   *self,
           MixDomain   domain,
           const char *source)
{
  DomainState *state = &self->domains[domain];
  g_autofree char *path = mix_store_get_path (self, domain);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) root = NULL;
  g_autofree char *their_revision = NULL;
  g_auto(FileIdentity) identity = { 0 };
  gpointer streamed = NULL;
  guint n_taken = 0, n_kept = 0;
  gboolean was_dirty = state->dirty;
  ReadResult result;

  result = read_document (domain, source != NULL ? source : path, &root, &streamed, &identity,
                          &error);
  switch (result)
    {
    case READ_MISSING:
      identity_clear (&identity);
      if (source != NULL)
        return RECONCILED;
      /* Deleted by another program: the next save makes it again. */
      identity_clear (&state->identity);
      if (!state->stopped && !mix_store_is_read_only (self, domain))
        {
          state->dirty = TRUE;
          schedule_autosave (self, domain);
        }
      return RECONCILED;

    case READ_NEWER:
      if (streamed != NULL)
        domain_info[domain].free_streamed (streamed);
      identity_clear (&identity);
      if (source != NULL)
        return STOPPED;
      stop_saving (self, domain, MIX_PROBLEM_NEWER_VERSION, NULL);
      return STOPPED;

    case READ_DENIED:
      identity_clear (&identity);
      if (source != NULL)
        return STOPPED;
      stop_saving (self, domain, MIX_PROBLEM_DENIED, error->message);
      return STOPPED;

    case READ_DAMAGED:
      identity_clear (&identity);
      if (source != NULL)
        return STOPPED;
      if (state->n_retries < MAX_RETRIES)
        {
          state->n_retries++;
          return NOT_YET;
        }
      state->n_retries = 0;
      stop_saving (self, domain, MIX_PROBLEM_CHANGED_UNREADABLE, error->message);
      return STOPPED;

    case READ_OK:
    default:
      break;
    }

  state->n_retries = 0;
  their_revision = take_revision (root);
  g_debug ("reconcile %s%s%s: theirs %s, ours %s", domain_info[domain].file_name,
           source != NULL ? " from " : "", source != NULL ? source : "",
           their_revision, state->revision);
  merge_document (self, domain, root, streamed, source == NULL &&
                  (their_revision == NULL || g_strcmp0 (their_revision, state->revision) == 0),
                  &n_taken, &n_kept);

  if (source == NULL)
    {
      /* The file is now what the data here was merged with. */
      identity_clear (&state->identity);
      state->identity = identity;
      memset (&identity, 0, sizeof identity);
      g_free (state->revision);
      state->revision = g_steal_pointer (&their_revision);
      state->on_disk_ok = TRUE;
      state->dirty = was_dirty || n_kept > 0;
    }
  else
    state->dirty = was_dirty || n_taken > 0;
  identity_clear (&identity);

  resume_saving (self, domain);
  if (state->dirty)
    schedule_autosave (self, domain);
  if (n_taken > 0)
    g_signal_emit (self, signals[MERGED], 0, (int) domain, n_taken);
  return RECONCILED;
}

static gboolean
write_done_cb (gpointer data);

/* Only the job is touched here, never the store itself (taking a
 * reference could make this thread the one to free it). The store is told
 * through the main loop, if it is still there; it joins the thread before
 * it takes the result. */
static gpointer
write_thread (gpointer data)
{
  WriteJob *job = data;

  job->outcome = write_file (job->directory, job->path, job->data, job->length, job->keep_backup,
                             &job->expected, &job->written, &job->error);
  g_atomic_int_set (&job->done, TRUE);
  g_idle_add_full (G_PRIORITY_DEFAULT, write_done_cb, g_steal_pointer (&job->tell),
                   weak_ref_free);
  return NULL;
}

/* Waits for @domain's background write, if any, and finishes it. */
static void
join_writer (MixStore  *self,
             MixDomain  domain)
{
  DomainState *state = &self->domains[domain];
  WriteJob *job = state->job;
  gpointer saved;

  if (state->writer == NULL)
    return;

  g_thread_join (g_steal_pointer (&state->writer));
  state->job = NULL;
  saved = g_steal_pointer (&job->saved);

  switch (job->outcome)
    {
    case WRITE_DONE:
      identity_clear (&state->identity);
      state->identity = job->written;
      memset (&job->written, 0, sizeof job->written);
      g_free (state->revision);
      state->revision = g_steal_pointer (&job->revision);
      saved_mark (self, domain, saved);
      finish_save (self, domain, job->path, NULL, NULL);
      break;
    case WRITE_CHANGED:
      /* Another program changed the file: it is merged, then saved. */
      saved_free (domain, saved);
      state->dirty = TRUE;
      if (reconcile (self, domain, NULL) == NOT_YET)
        schedule_check (self, domain, 1000);
      else if (state->dirty && !state->read_only)
        state->save_again = TRUE;
      break;
    case WRITE_FAILED:
    default:
      saved_free (domain, saved);
      finish_save (self, domain, job->path, g_steal_pointer (&job->error), NULL);
      break;
    }
  write_job_free (job);

  if (state->check_after_write)
    {
      state->check_after_write = FALSE;
      schedule_check (self, domain, 0);
    }
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
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
  job->domain = domain;
  job->revision = g_uuid_string_random ();
  job->data = snapshot (self, domain, job->revision, &job->length, &job->saved);
  if (job->length > MIX_STORE_MAX_BYTES)
    {
      /* Never write what could not be read back. */
      report_too_large (self, domain, job->length);
      saved_free (domain, g_steal_pointer (&job->saved));
      write_job_free (job);
      return;
    }
  job->tell = g_new0 (GWeakRef, 1);
  g_weak_ref_init (job->tell, self);
  job->directory = g_strdup (self->directory);
  job->path = mix_store_get_path (self, domain);
  job->keep_backup = state->on_disk_ok;
  identity_copy (&job->expected, &state->identity);
  state->dirty = FALSE;
  state->waiting_since = 0;
  state->job = job;
  state->writer = g_thread_new ("mix-store-write", write_thread, job);
}

/**
 * mix_store_save:
 *
 * Saves @domain now, if it has changed: the file is replaced in one step
 * and the previous one is kept as the backup. A save being written in the
 * background is finished first. If another program changed the file, it
 * is merged in first.
 *
 * Returns: %TRUE if the file holds the changes
 */
gboolean
mix_store_save (MixStore   *self,
                MixDomain   domain,
                GError    **error)
{
  DomainState *state;
  g_autofree char *path = NULL;

  g_return_val_if_fail (MIX_IS_STORE (self), FALSE);
  g_return_val_if_fail (domain < MIX_N_DOMAINS, FALSE);

  state = &self->domains[domain];
  g_clear_handle_id (&state->autosave_id, g_source_remove);
  join_writer (self, domain);
  state->save_again = FALSE;
  path = mix_store_get_path (self, domain);

  /* A file changed elsewhere is merged first; a few rounds, should other
   * writers keep changing it. */
  for (guint round = 0; round < 10; round++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *data = NULL;
      g_autofree char *revision = NULL;
      FileIdentity written = { 0 };
      gpointer saved = NULL;
      gsize length = 0;
      WriteOutcome outcome;

      if (state->stopped && round > 0)
        {
          /* The file was changed into one that cannot be merged. */
          g_set_error_literal (error, MIX_ERROR, MIX_ERROR_READ_ONLY,
                               _("The file was changed by another program into one that cannot "
                                 "be read, so nothing was written to it"));
          return FALSE;
        }
      if (!state->dirty || state->read_only)
        {
          g_clear_handle_id (&state->autosave_id, g_source_remove);
          return TRUE;
        }

      revision = g_uuid_string_random ();
      data = snapshot (self, domain, revision, &length, &saved);
      if (length > MIX_STORE_MAX_BYTES)
        {
          saved_free (domain, saved);
          report_too_large (self, domain, length);
          g_set_error (error, MIX_JSON_ERROR, MIX_JSON_ERROR_TOO_LARGE,
                       _("The file would be larger than %u MiB."),
                       MIX_STORE_MAX_BYTES / (1024 * 1024));
          return FALSE;
        }
      state->dirty = FALSE;
      state->waiting_since = 0;
      outcome = write_file (self->directory, path, data, length, state->on_disk_ok,
                            &state->identity, &written, &local_error);
      switch (outcome)
        {
        case WRITE_DONE:
          identity_clear (&state->identity);
          state->identity = written;
          g_free (state->revision);
          state->revision = g_steal_pointer (&revision);
          saved_mark (self, domain, saved);
          g_clear_handle_id (&state->autosave_id, g_source_remove);
          return finish_save (self, domain, path, NULL, error);
        case WRITE_CHANGED:
          saved_free (domain, saved);
          state->dirty = TRUE;
          if (reconcile (self, domain, NULL) == NOT_YET)
            {
              /* Being written by another program: a moment later. */
              g_usleep (200 * 1000);
            }
          continue;
        case WRITE_FAILED:
        default:
          saved_free (domain, saved);
          return finish_save (self, domain, path, g_steal_pointer (&local_error), error);
        }
    }

  return finish_save (self, domain, path,
                      g_error_new_literal (MIX_ERROR, MIX_ERROR_FAILED,
                                           _("Other programs kept changing the file")),
                      error);
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

/* Room */

/**
 * mix_store_get_size_estimate:
 *
 * Returns: how large @domain's file would be if saved now
 */
gsize
mix_store_get_size_estimate (MixStore  *self,
                             MixDomain  domain)
{
  g_autofree char *data = NULL;
  gpointer saved = NULL;
  gsize length = 0;

  g_return_val_if_fail (MIX_IS_STORE (self), 0);
  g_return_val_if_fail (domain < MIX_N_DOMAINS, 0);

  data = snapshot (self, domain, "00000000-0000-0000-0000-000000000000", &length, &saved);
  saved_free (domain, saved);
  return length;
}

/**
 * mix_store_check_room:
 * @more: how many bytes are to be added to the file
 *
 * Checks, before anything is added, that @domain's file would still be one
 * the store can read back (#MIX_STORE_MAX_BYTES).
 *
 * Returns: %FALSE, with @error set to a sentence for the user, if not
 */
gboolean
mix_store_check_room (MixStore   *self,
                      MixDomain   domain,
                      gsize       more,
                      GError    **error)
{
  gsize size;

  g_return_val_if_fail (MIX_IS_STORE (self), FALSE);

  size = mix_store_get_size_estimate (self, domain) + more;
  if (size <= MIX_STORE_MAX_BYTES)
    return TRUE;
  {
    g_autofree char *total = g_format_size (size);
    g_autofree char *limit = g_format_size (MIX_STORE_MAX_BYTES);

    /* Translators: %s are a file name and two sizes, such as “70.1 MB”. */
    g_set_error (error, MIX_JSON_ERROR, MIX_JSON_ERROR_TOO_LARGE,
                 _("“%s” would become %s, and Mix It Up reads files of up to %s."),
                 domain_info[domain].file_name, total, limit);
  }
  return FALSE;
}

/**
 * mix_store_check_rows_fit:
 * @records: (element-type MixRecord): rows to be added to the tracker
 * @n_fit: (out) (optional): how many of them, the first ones, would fit
 *
 * Checks, before an import adds them, that @records would still leave a
 * tracker.json the store can read back.
 *
 * Returns: %FALSE, with @error set to a sentence saying how many fit, if
 *   they do not all fit
 */
gboolean
mix_store_check_rows_fit (MixStore   *self,
                          GPtrArray  *records,
                          guint      *n_fit,
                          GError    **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gsize size;
  guint fit = 0;

  g_return_val_if_fail (MIX_IS_STORE (self), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);

  size = mix_store_get_size_estimate (self, MIX_DOMAIN_TRACKER);
  for (guint i = 0; i < records->len; i++)
    {
      g_string_truncate (text, 0);
      mix_record_append_json (records->pdata[i], text);
      /* The row, its separator and its line end. */
      size += text->len + 2;
      if (size > MIX_STORE_MAX_BYTES)
        break;
      fit++;
    }
  if (n_fit != NULL)
    *n_fit = fit;
  if (fit == records->len)
    return TRUE;

  {
    g_autofree char *limit = g_format_size (MIX_STORE_MAX_BYTES);

    g_set_error (error, MIX_JSON_ERROR, MIX_JSON_ERROR_TOO_LARGE,
                 /* Translators: %u are numbers of rows, %s a size such as “67.1 MB”. */
                 g_dngettext (GETTEXT_PACKAGE,
                              "Only %u of the %u rows fit: with them all, the tracker would be "
                              "larger than %s, which is as large as Mix It Up reads. Nothing "
                              "was imported.",
                              "Only %u of the %u rows fit: with them all, the tracker would be "
                              "larger than %s, which is as large as Mix It Up reads. Nothing "
                              "was imported.", fit),
                 fit, records->len, limit);
  }
  return FALSE;
}

/* Conflicting copies *//* Conflicting copies */

/* Whether @entry is a copy of @domain's file that a sync tool made for a
 * conflict: Syncthing's `tracker.sync-conflict-20261201-101500-ABCDEFG.json`,
 * Nextcloud's and Dropbox's `tracker (conflicted copy 2026-12-01).json`,
 * ownCloud's `tracker_conflict-20261201-101500.json`, or
 * `tracker.json.conflict`. Copies already merged end in `.merged`. */
static gboolean
is_conflict_copy (const char *entry,
                  MixDomain   domain)
{
  const char *name = domain_info[domain].file_name;
  g_autofree char *stem = g_strndup (name, strlen (name) - strlen (".json"));
  g_autofree char *lower = g_ascii_strdown (entry, -1);
  char next = entry[strlen (stem)];

  if (!g_str_has_prefix (entry, stem) || g_str_equal (entry, name))
    return FALSE;
  if (next != '.' && next != ' ' && next != '_' && next != '-' && next != '(')
    return FALSE;
  return strstr (lower + strlen (stem), "conflict") != NULL &&
         (g_str_has_suffix (lower, ".json") || g_str_has_suffix (lower, ".conflict"));
}

/* Moves a merged copy aside as `<copy>.merged`, never over another file.
 * A sync tool can bring back a copy already merged here (the other
 * computer had it before this one's move reached it): that one becomes
 * `<copy>.2.merged`, so that every name still ends in `.merged`, which
 * README.md has users keep on each computer, and nothing syncs it back. */
static char *
move_merged (const char *path)
{
  for (guint attempt = 1; attempt < 100; attempt++)
    {
      g_autofree char *target = attempt == 1 ? g_strconcat (path, ".merged", NULL) :
                                               g_strdup_printf ("%s.%u.merged", path, attempt);

      if (g_file_test (target, G_FILE_TEST_EXISTS))
        continue;
      if (g_rename (path, target) == 0)
        return g_steal_pointer (&target);
      break;
    }
  return NULL;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Merges each conflicting copy of @domain's file in the folder, saves the
 * result, and moves the copies aside. */
static void
merge_conflict_copies (MixStore  *self,
                       MixDomain  domain)
{
  DomainState *state = &self->domains[domain];
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_free);
  const char *entry;

  if (state->read_only)
    return;
  dir = g_dir_open (self->directory, 0, NULL);
  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    if (is_conflict_copy (entry, domain))
      g_ptr_array_add (copies, g_build_filename (self->directory, entry, NULL));
  if (copies->len == 0)
    return;
  g_ptr_array_sort (copies, compare_paths);

  for (guint i = 0; i < copies->len; i++)
    {
      const char *copy = copies->pdata[i];
      g_autofree char *moved = NULL;
      g_autofree char *name = g_path_get_basename (copy);
      MixStoreProblem *problem;
      guint n_before = self->problems->len;

      if (reconcile (self, domain, copy) != RECONCILED)
        continue;  /* a copy that cannot be read is left where it is */
      /* What it brought is saved before the copy goes. */
      if (state->dirty && !mix_store_save (self, domain, NULL))
        return;
      moved = move_merged (copy);
      if (moved == NULL || self->problems->len < n_before)
        continue;

      problem = problem_new (self, domain, MIX_PROBLEM_CONFLICT_MERGED);
      problem->moved_to = g_strdup (moved);
      problem->message =
        /* Translators: the first %s is a file name, then the file it is a copy of, then a path. */
        g_strdup_printf (_("Your sync app left a conflicting copy, “%s”, of “%s”. Its changes "
                           "were merged in, and the copy was moved to %s."),
                         name, domain_info[domain].file_name, moved);
      add_problem (self, problem);
    }
}

/* Watching */

/* Looks at @domain's file after another program may have changed it. */
static gboolean
check_cb (gpointer data)
{
  MixStore *self = MIX_STORE (data);

  for (guint d = 0; d < MIX_N_DOMAINS; d++)
    {
      DomainState *state = &self->domains[d];
      g_autofree char *path = NULL;
      g_autofree char *target = NULL;
      FileIdentity now = { 0 };
      struct stat st;
      gboolean changed;

      if (state->check_id == 0 || g_main_current_source () == NULL ||
          g_source_get_id (g_main_current_source ()) != state->check_id)
        continue;
      state->check_id = 0;

      if (state->writer != NULL)
        {
          /* Maybe our own write: looked at once it is known. */
          state->check_after_write = TRUE;
          break;
        }

      path = mix_store_get_path (self, d);
      target = resolve_links (path);
      if (g_stat (target, &st) == 0 && S_ISREG (st.st_mode))
        identity_from_stat (&now, &st);
      changed = !identity_same_stat (&now, &state->identity);
      identity_clear (&now);

      if (changed || state->stopped)
        {
          Reconciled reconciled;

          /* A domain read-only from the start (a newer version) is read
           * again only to find it mended. */
          if (state->read_only && !state->stopped)
            state->stopped = TRUE;
          reconciled = reconcile (self, d, NULL);
          if (reconciled == NOT_YET)
            {
              schedule_check (self, d, 1000);
              break;
            }
        }
      merge_conflict_copies (self, d);
      break;
    }
  return G_SOURCE_REMOVE;
}

static void
schedule_check (MixStore  *self,
                MixDomain  domain,
                guint      delay_ms)
{
  DomainState *state = &self->domains[domain];

  g_clear_handle_id (&state->check_id, g_source_remove);
  state->check_id = g_timeout_add (delay_ms, check_cb, self);
}

static void
on_folder_changed_cb (GFileMonitor      *monitor,
                      GFile             *file,
                      GFile             *other,
                      GFileMonitorEvent  event,
                      MixStore          *self)
{
  GFile *files[] = { file, other };

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autofree char *name = NULL;

      if (files[f] == NULL)
        continue;
      name = g_file_get_basename (files[f]);
      for (guint d = 0; d < MIX_N_DOMAINS; d++)
        {
          g_autofree char *path = mix_store_get_path (self, d);
          g_autofree char *target = resolve_links (path);
          g_autofree char *target_name = g_path_get_basename (target);

          if (g_str_equal (name, domain_info[d].file_name) || g_str_equal (name, target_name) ||
              is_conflict_copy (name, d))
            schedule_check (self, d, CHECK_DELAY_MS);
        }
    }
}

static void
watch_folder (MixStore   *self,
              const char *folder)
{
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(GFileMonitor) monitor = NULL;

  for (guint i = 0; i < self->monitors->len; i++)
    {
      GFile *watched = g_object_get_data (self->monitors->pdata[i], "mix-folder");

      if (watched != NULL && g_file_equal (watched, file))
        return;
    }

  monitor = g_file_monitor_directory (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (monitor == NULL)
    return;
  g_object_set_data_full (G_OBJECT (monitor), "mix-folder", g_object_ref (file), g_object_unref);
  g_signal_connect_object (monitor, "changed", G_CALLBACK (on_folder_changed_cb), self, 0);
  g_ptr_array_add (self->monitors, g_steal_pointer (&monitor));
}

/**
 * mix_store_set_watching:
 *
 * Watches the data folder (and the folders its files link to) for
 * changes other programs make, and merges them in as they come; or stops.
 */
void
mix_store_set_watching (MixStore *self,
                        gboolean  watching)
{
  g_return_if_fail (MIX_IS_STORE (self));

  if (!watching)
    {
      g_clear_pointer (&self->monitors, g_ptr_array_unref);
      return;
    }
  if (self->monitors != NULL)
    return;

  self->monitors = g_ptr_array_new_with_free_func (g_object_unref);
  watch_folder (self, self->directory);
  for (guint d = 0; d < MIX_N_DOMAINS; d++)
    {
      g_autofree char *path = mix_store_get_path (self, d);
      g_autofree char *target = resolve_links (path);
      g_autofree char *folder = g_path_get_dirname (target);

      watch_folder (self, folder);
    }
}

/**
 * mix_store_sync:
 *
 * Looks at @domain's file now, as a change seen by the watch does: merges
 * what another program changed, and the conflicting copies sync tools
 * left. For tests, and for a window that comes back to the front.
 *
 * Returns: %TRUE if the file could be read and merged, or had not changed
 */
gboolean
mix_store_sync (MixStore  *self,
                MixDomain  domain)
{
  g_autofree char *path = NULL;
  DomainState *state;

  g_return_val_if_fail (MIX_IS_STORE (self), FALSE);
  g_return_val_if_fail (domain < MIX_N_DOMAINS, FALSE);

  state = &self->domains[domain];
  join_writer (self, domain);
  path = mix_store_get_path (self, domain);
  if (!file_unchanged (path, &state->identity) || state->stopped)
    {
      if (state->read_only && !state->stopped)
        state->stopped = TRUE;
      if (reconcile (self, domain, NULL) != RECONCILED)
        return FALSE;
    }
  merge_conflict_copies (self, domain);
  return TRUE;
}
