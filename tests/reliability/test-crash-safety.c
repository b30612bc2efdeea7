/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mix-json.h"
#include "mix-store.h"

/* Crash safety: a child process edits and saves through the real store,
 * over and over, and is killed with SIGKILL at a random moment, 250
 * times. After each kill, a fresh store loads the directory, as the next
 * start of the app would, and finds every file whole: no damage, the state
 * of the last save that completed or of the one that was under way, a
 * backup that is whole and not newer, and nothing left behind by the
 * interrupted save once the load has cleaned up.
 *
 * The same, 100 times, while a load puts a good backup in the place of a
 * damaged file: the next start finds the data, never no file at all.
 *
 * The child tells the parent, through a pipe, the state it is about to
 * save ("B n") and each save that completed ("E n"). The delays come from
 * g_test_rand_int(), so a run can be repeated with --seed. */

#define N_KILLS          250
#define N_RESTORE_KILLS  100
#define MAX_DELAY_US     30000
#define N_OTHER_ROWS     150

static const MixDomain domains[] = { MIX_DOMAIN_TRACKER, MIX_DOMAIN_MESSAGES, MIX_DOMAIN_SESSIONS };

typedef struct
{
  char   *parent;
  char   *dir;
  char   *row_id;     /* the tracker row the child edits */
  char   *draft_id;   /* the draft the child edits */
} Fixture;

/* Files */

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

/* The names in the data directory, sorted. */
static GPtrArray *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  return names;
}

static gboolean
is_expected_file (const char *name)
{
  /* The lock file stays: a lock file removed while another writer has it
   * open would let a third one in. */
  if (g_str_equal (name, MIX_STORE_LOCK_NAME))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (domains); i++)
    {
      const char *file_name = mix_store_domain_file_name (domains[i]);
      g_autofree char *bak = g_strconcat (file_name, ".bak", NULL);

      if (g_str_equal (name, file_name) || g_str_equal (name, bak))
        return TRUE;
    }
  return FALSE;
}

/* The state a document holds: the number in "state N" where the child
 * writes it, or -1 if it is not there. */
static gint64
state_of_text (const char *text)
{
  guint64 value;
  const char *digits;

  if (text == NULL || !g_str_has_prefix (text, "state "))
    return -1;
  digits = text + strlen ("state ");
  value = g_ascii_strtoull (digits, NULL, 10);
  return (gint64) value;
}

static gint64
state_in_store (Fixture   *f,
                MixStore  *store,
                MixDomain  domain)
{
  switch (domain)
    {
    case MIX_DOMAIN_TRACKER:
      {
        MixRecord *record = mix_tracker_find (mix_store_get_tracker (store), f->row_id);

        return record ? state_of_text (mix_record_get_value_by_id (record, "name")) : -1;
      }
    case MIX_DOMAIN_MESSAGES:
      {
        MixDraft *draft = mix_drafts_find (mix_store_get_drafts (store), f->draft_id);

        return draft ? state_of_text (mix_draft_get_body (draft)) : -1;
      }
    case MIX_DOMAIN_SESSIONS:
      return state_of_text (mix_session_record_get_notes (mix_store_get_current_session (store),
                                                          MIX_PHASE_INTRODUCTIONS));
    case MIX_N_DOMAINS:
    default:
      g_assert_not_reached ();
    }
}

/* The state in a backup, read as a document: -1 if it is not whole, -2
 * if there is none yet. */
static gint64
state_in_backup (Fixture   *f,
                 MixDomain  domain)
{
  g_autofree char *path = g_build_filename (f->dir, mix_store_domain_file_name (domain), NULL);
  g_autofree char *bak = g_strconcat (path, ".bak", NULL);
  g_autofree char *data = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *root;
  gsize length = 0;

  if (!g_file_test (bak, G_FILE_TEST_EXISTS))
    return -2;
  if (!g_file_get_contents (bak, &data, &length, NULL))
    return -1;
  node = mix_json_parse_object (data, length, NULL);
  if (node == NULL)
    return -1;
  root = json_node_get_object (node);

  switch (domain)
    {
    case MIX_DOMAIN_TRACKER:
      {
        JsonObject *tabs = json_object_get_object_member (root, "tabs");
        JsonArray *rows = json_object_get_array_member (tabs, "new-contacts");

        for (guint i = 0; i < json_array_get_length (rows); i++)
          {
            JsonObject *row = json_array_get_object_element (rows, i);

            if (g_str_equal (json_object_get_string_member (row, "id"), f->row_id))
              return state_of_text (json_object_get_string_member (
                                      json_object_get_object_member (row, "fields"), "name"));
          }
        return -1;
      }
    case MIX_DOMAIN_MESSAGES:
      {
        JsonArray *drafts = json_object_get_array_member (root, "drafts");

        for (guint i = 0; i < json_array_get_length (drafts); i++)
          {
            JsonObject *draft = json_array_get_object_element (drafts, i);

            if (g_str_equal (json_object_get_string_member (draft, "id"), f->draft_id))
              return state_of_text (json_object_get_string_member (draft, "body"));
          }
        return -1;
      }
    case MIX_DOMAIN_SESSIONS:
      {
        JsonObject *current = json_object_get_object_member (root, "current");

        return state_of_text (json_object_get_string_member (
                                json_object_get_object_member (current, "notes"), "introductions"));
      }
    case MIX_N_DOMAINS:
    default:
      g_assert_not_reached ();
    }
}

/* The child */

static void
announce (int     fd,
          char    what,
          guint64 n)
{
  char line[32];
  int length = g_snprintf (line, sizeof line, "%c %" G_GUINT64_FORMAT "\n", what, n);
  const char *p = line;

  while (length > 0)
    {
      gssize written = write (fd, p, (gsize) length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        _exit (5);
      p += written;
      length -= (int) written;
    }
}

/* Edits and saves, state after state, until it is killed. The text grows
 * and shrinks from one state to the next, so that a file cut short or
 * mixed from two saves would show. */
G_GNUC_NORETURN static void
child_main (Fixture *f,
            int      fd,
            guint64  first)
{
  g_autoptr(MixStore) store = mix_store_new (f->dir);
  MixRecord *record;
  MixDraft *draft;
  MixSessionRecord *session;

  mix_store_load (store);
  if (mix_store_get_problems (store)->len > 0)
    _exit (2);
  record = mix_tracker_find (mix_store_get_tracker (store), f->row_id);
  draft = mix_drafts_find (mix_store_get_drafts (store), f->draft_id);
  session = mix_store_get_current_session (store);
  if (record == NULL || draft == NULL)
    _exit (3);

  for (guint64 n = first; n < first + 1000000; n++)
    {
      g_autofree char *padding = g_strnfill ((n % 13) * 211, 'x');
      g_autofree char *text = g_strdup_printf ("state %" G_GUINT64_FORMAT " %s", n, padding);

      announce (fd, 'B', n);
      if (!mix_record_set_value_by_id (record, "name", text, NULL))
        _exit (4);
      mix_draft_set_body (draft, text);
      mix_session_record_set_notes (session, MIX_PHASE_INTRODUCTIONS, text);
      if (!mix_store_flush (store, NULL))
        _exit (6);
      announce (fd, 'E', n);
    }
  _exit (7);
}

/* The parent */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MixStore) store = NULL;
  g_autoptr(MixDraft) draft = mix_draft_new ();
  MixTracker *tracker;
  MixRecord *record;

  f->parent = g_dir_make_tmp ("mix-crash-XXXXXX", &error);
  g_assert_no_error (error);
  f->dir = g_build_filename (f->parent, "mix-it-up", NULL);

  /* A tracker of some size, so that a save takes a while, and state 0. */
  store = mix_store_new (f->dir);
  mix_store_load (store);
  tracker = mix_store_get_tracker (store);
  for (guint i = 0; i < N_OTHER_ROWS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Contact %u", i);

      record = mix_tracker_add_row (tracker, i % MIX_N_TABS);
      g_assert_true (mix_record_set_value_by_id (record, "name", name, NULL));
      g_assert_true (mix_record_set_value_by_id (record, "company", "Analytical Engines", NULL));
    }
  record = mix_tracker_add_row (tracker, MIX_TAB_NEW_CONTACTS);
  g_assert_true (mix_record_set_value_by_id (record, "name", "state 0", NULL));
  f->row_id = g_strdup (mix_record_get_id (record));

  mix_draft_set_body (draft, "state 0");
  mix_drafts_add (mix_store_get_drafts (store), draft);
  f->draft_id = g_strdup (mix_draft_get_id (draft));

  mix_session_record_set_notes (mix_store_get_current_session (store),
                                MIX_PHASE_INTRODUCTIONS, "state 0");

  g_assert_true (mix_store_flush (store, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->parent);
  g_free (f->parent);
  g_free (f->dir);
  g_free (f->row_id);
  g_free (f->draft_id);
}

/* Reads what the child said until the pipe is closed. */
static void
read_announcements (int      fd,
                    gint64  *begun,
                    gint64  *ended)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  char buffer[4096];

  for (;;)
    {
      gssize n = read (fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >=, 0);
      if (n == 0)
        break;
      g_string_append_len (text, buffer, n);
    }

  *begun = -1;
  *ended = -1;
  lines = g_strsplit (text->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gint64 n;

      if (lines[i][0] == '\0')
        continue;
      g_assert_true (lines[i][0] == 'B' || lines[i][0] == 'E');
      g_assert_true (lines[i][1] == ' ');
      n = (gint64) g_ascii_strtoull (lines[i] + 2, NULL, 10);
      if (lines[i][0] == 'B')
        *begun = n;
      else
        *ended = n;
    }
}

static void
test_kill_while_saving (Fixture       *f,
                        gconstpointer  data)
{
  gint64 last[MIX_N_DOMAINS] = { 0, 0, 0 };
  guint64 next = 1;
  guint survived = 0;
  guint damaged = 0;
  guint wrong_state = 0;
  guint littered = 0;
  guint bad_backups = 0;
  guint in_flight = 0;
  guint left_temporary = 0;
  guint saves = 0;

  for (guint kill_number = 0; kill_number < N_KILLS; kill_number++)
    {
      g_autoptr(MixStore) store = NULL;
      g_autoptr(GPtrArray) before = NULL;
      g_autoptr(GPtrArray) after = NULL;
      gulong delay = (gulong) g_test_rand_int_range (0, MAX_DELAY_US + 1);
      gint64 begun;
      gint64 ended;
      int fds[2];
      int status = 0;
      pid_t pid;
      gboolean temporary = FALSE;

      g_assert_no_errno (pipe (fds));
      fflush (stdout);
      fflush (stderr);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          child_main (f, fds[1], next);
        }
      close (fds[1]);

      g_usleep (delay);
      g_assert_no_errno (kill (pid, SIGKILL));
      while (waitpid (pid, &status, 0) < 0)
        g_assert_cmpint (errno, ==, EINTR);
      read_announcements (fds[0], &begun, &ended);
      close (fds[0]);

      /* The child did not stop on its own: no crash, no failed save. */
      if (!WIFSIGNALED (status) || WTERMSIG (status) != SIGKILL)
        g_error ("the child stopped by itself (status %d) after state %" G_GINT64_FORMAT,
                 status, ended);
      survived++;
      if (ended >= 0)
        saves += (guint) (ended - (gint64) next + 1);
      if (begun > ended)
        in_flight++;

      /* What the interrupted save may have left, before the load. */
      before = list_dir (f->dir);
      for (guint i = 0; i < before->len; i++)
        if (!is_expected_file (before->pdata[i]))
          temporary = TRUE;
      if (temporary)
        left_temporary++;

      store = mix_store_new (f->dir);
      mix_store_load (store);

      if (mix_store_get_problems (store)->len > 0)
        {
          const MixStoreProblem *problem = g_ptr_array_index (mix_store_get_problems (store), 0);

          g_test_message ("kill %u after %.1f ms: %s", kill_number, delay / 1000.0,
                          problem->message);
          damaged++;
        }

      for (guint i = 0; i < G_N_ELEMENTS (domains); i++)
        {
          MixDomain domain = domains[i];
          gint64 found = state_in_store (f, store, domain);
          gint64 completed = ended >= 0 ? ended : last[domain];
          gint64 backup = state_in_backup (f, domain);

          /* The last save that completed, or the one under way. */
          if (found != completed && !(begun >= 0 && found == begun))
            {
              g_test_message ("kill %u after %.1f ms: %s holds state %" G_GINT64_FORMAT
                              ", not %" G_GINT64_FORMAT " (saved) or %" G_GINT64_FORMAT
                              " (being saved)", kill_number, delay / 1000.0,
                              mix_store_domain_file_name (domain), found, completed, begun);
              wrong_state++;
            }
          else
            last[domain] = found;

          /* The backup, once there is one, is a whole file, and not newer
           * than the file. */
          if (backup == -1 || backup > found)
            {
              g_test_message ("kill %u after %.1f ms: the backup of %s holds state %"
                              G_GINT64_FORMAT ", the file %" G_GINT64_FORMAT,
                              kill_number, delay / 1000.0, mix_store_domain_file_name (domain),
                              backup, found);
              bad_backups++;
            }
        }

      /* Nothing is left behind once the store has loaded. */
      after = list_dir (f->dir);
      for (guint i = 0; i < after->len; i++)
        if (!is_expected_file (after->pdata[i]))
          {
            g_test_message ("kill %u after %.1f ms: %s was left in the data directory",
                            kill_number, delay / 1000.0, (const char *) after->pdata[i]);
            littered++;
          }

      next = (guint64) MAX (MAX (begun, ended), (gint64) next - 1) + 1;
    }

  g_test_message ("%u kills survived, %u damaged, %u with a wrong state, %u bad backups, "
                  "%u files left behind", survived, damaged, wrong_state, bad_backups, littered);
  g_test_message ("%u saves completed; %u kills during a save, %u of them left a temporary "
                  "file, which the next load removed", saves, in_flight, left_temporary);

  g_assert_cmpuint (survived, ==, N_KILLS);
  g_assert_cmpuint (damaged, ==, 0);
  g_assert_cmpuint (wrong_state, ==, 0);
  g_assert_cmpuint (bad_backups, ==, 0);
  g_assert_cmpuint (littered, ==, 0);
}

/* Starts over and over on a damaged tracker.json with a good backup, as
 * the app would after the file was damaged: each load moves the file aside
 * and puts the backup in its place. */
G_GNUC_NORETURN static void
restoring_child_main (Fixture    *f,
                      const char *damaged,
                      int         fd)
{
  g_autofree char *path = g_build_filename (f->dir, "tracker.json", NULL);
  g_autofree char *stamp = g_strconcat (path, ".damaged-", NULL);

  for (guint64 n = 0; n < 1000000; n++)
    {
      g_autoptr(MixStore) store = NULL;

      /* What the loads before moved aside: a real user has a few. */
      if (n % 50 == 0)
        {
          g_autoptr(GPtrArray) names = list_dir (f->dir);

          for (guint i = 0; i < names->len; i++)
            {
              g_autofree char *name = g_build_filename (f->dir, names->pdata[i], NULL);

              if (g_str_has_prefix (name, stamp))
                g_unlink (name);
            }
        }

      /* Written in place, as a program that knows nothing of temporary
       * files would: cut short, it is just as damaged. */
      {
        int out = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

        if (out < 0 || write (out, damaged, strlen (damaged)) != (gssize) strlen (damaged) ||
            close (out) != 0)
          _exit (2);
      }
      announce (fd, 'B', n);
      store = mix_store_new (f->dir);
      mix_store_load (store);
      if (mix_store_get_problems (store)->len != 1)
        _exit (3);
      announce (fd, 'E', n);
    }
  _exit (7);
}

/* Killed while the backup takes the place of a damaged file, the next
 * start still finds the data: the damaged file again, or the backup, but
 * never no file at all. */
static void
test_kill_while_restoring (Fixture       *f,
                           gconstpointer  data)
{
  const char *damaged = "{\"format\":\"mix-it-up/tracker\",\"version\":1,\"tabs\":{";
  g_autofree char *path = g_build_filename (f->dir, "tracker.json", NULL);
  g_autofree char *bak = g_strconcat (path, ".bak", NULL);
  g_autofree char *good = NULL;
  gsize good_length = 0;
  guint survived = 0;
  guint lost = 0;
  guint littered = 0;
  guint restores = 0;

  /* The backup: the tracker as saved, with its row in state 0. */
  g_assert_true (g_file_get_contents (path, &good, &good_length, NULL));
  g_assert_true (g_file_set_contents (bak, good, (gssize) good_length, NULL));

  for (guint kill_number = 0; kill_number < N_RESTORE_KILLS; kill_number++)
    {
      g_autoptr(MixStore) store = NULL;
      gulong delay = (gulong) g_test_rand_int_range (0, MAX_DELAY_US + 1);
      gint64 begun;
      gint64 ended;
      int fds[2];
      int status = 0;
      pid_t pid;

      g_assert_no_errno (pipe (fds));
      fflush (stdout);
      fflush (stderr);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          restoring_child_main (f, damaged, fds[1]);
        }
      close (fds[1]);

      g_usleep (delay);
      g_assert_no_errno (kill (pid, SIGKILL));
      while (waitpid (pid, &status, 0) < 0)
        g_assert_cmpint (errno, ==, EINTR);
      read_announcements (fds[0], &begun, &ended);
      close (fds[0]);
      if (!WIFSIGNALED (status) || WTERMSIG (status) != SIGKILL)
        g_error ("the child stopped by itself (status %d) after %" G_GINT64_FORMAT " loads",
                 status, ended + 1);
      survived++;
      restores += (guint) (ended + 1);

      store = mix_store_new (f->dir);
      mix_store_load (store);
      if (state_in_store (f, store, MIX_DOMAIN_TRACKER) != 0)
        {
          g_test_message ("kill %u after %.1f ms: the tracker row is gone (%u problems)",
                          kill_number, delay / 1000.0, mix_store_get_problems (store)->len);
          lost++;
        }
      g_clear_object (&store);

      /* Nothing is left behind but the damaged copies. */
      {
        g_autoptr(GPtrArray) names = list_dir (f->dir);

        for (guint i = 0; i < names->len; i++)
          if (!is_expected_file (names->pdata[i]) &&
              !g_str_has_prefix (names->pdata[i], "tracker.json.damaged-"))
            {
              g_test_message ("kill %u after %.1f ms: %s was left in the data directory",
                              kill_number, delay / 1000.0, (const char *) names->pdata[i]);
              littered++;
            }
      }

      /* The backup is never touched. */
      {
        g_autofree char *after = NULL;
        gsize after_length = 0;

        g_assert_true (g_file_get_contents (bak, &after, &after_length, NULL));
        g_assert_cmpmem (after, after_length, good, good_length);
      }
    }

  g_test_message ("%u kills survived while a backup was restored, %u lost the data, "
                  "%u files left behind; %u restores completed",
                  survived, lost, littered, restores);
  g_assert_cmpuint (survived, ==, N_RESTORE_KILLS);
  g_assert_cmpuint (lost, ==, 0);
  g_assert_cmpuint (littered, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/crash-safety/kill-while-saving", Fixture, NULL,
              fixture_set_up, test_kill_while_saving, fixture_tear_down);
  g_test_add ("/crash-safety/kill-while-restoring", Fixture, NULL,
              fixture_set_up, test_kill_while_restoring, fixture_tear_down);

  return g_test_run ();
}
