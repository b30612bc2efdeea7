/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib-unix.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "mix-json.h"
#include "mix-store.h"

/*
 * One computer of the two-computer test (test_syncthing.py): a store on a
 * data folder that Syncthing shares, used as the window uses it (watching
 * the folder, saving a second after each change), with a made-up student
 * adding, editing and deleting rows, now and then all at once with the
 * other computer on the same row. Each change is logged, one JSON object a
 * line, with the row as it was left, so that the test can tell whether the
 * end state lost any of it.
 *
 *   mix-sync-driver DATA-DIR LOG SIDE SEED SECONDS
 *
 * After SECONDS it stops changing anything but keeps merging what comes
 * in, until SIGTERM: then it saves and exits. SIGUSR1 has it rest (merge
 * only) until SIGUSR2.
 */

typedef struct
{
  MixStore  *store;
  FILE      *log;
  const char *side;
  GRand     *rand;
  gint64     end;
  gboolean   resting;   /* SIGUSR1 to SIGUSR2: no change made, only merges */
  guint      n_adds, n_edits, n_deletes, n_shared, n_together, n_conflicts, n_merged;
} Driver;

/* The row both computers edit, made by the test before they start. */
#define SHARED_ID "shared-row"

static const char * const edited_columns[] = { "company", "role", "research_notes", "next_step" };

static void
log_change (Driver     *d,
            const char *op,
            MixRecord  *record,
            const char *deleted_version)
{
  g_autoptr(GString) line = g_string_new ("{\"op\":");

  mix_json_append_string (line, op);
  g_string_append (line, ",\"side\":");
  mix_json_append_string (line, d->side);
  g_string_append (line, ",\"id\":");
  mix_json_append_string (line, mix_record_get_id (record));
  if (deleted_version != NULL)
    {
      g_string_append (line, ",\"deleted_version\":");
      mix_json_append_string (line, deleted_version);
    }
  else
    {
      g_string_append (line, ",\"record\":");
      mix_record_append_json (record, line);
    }
  g_string_append (line, "}\n");
  fputs (line->str, d->log);
  fflush (d->log);
}

static MixRecord *
random_row (Driver  *d,
            gboolean include_shared)
{
  GListModel *rows = mix_tracker_get_rows (mix_store_get_tracker (d->store), MIX_TAB_NEW_CONTACTS);
  guint n = g_list_model_get_n_items (rows);

  for (guint attempt = 0; attempt < 8 && n > 0; attempt++)
    {
      g_autoptr(MixRecord) record = g_list_model_get_item (rows, g_rand_int_range (d->rand, 0, n));

      if (include_shared || !g_str_equal (mix_record_get_id (record), SHARED_ID))
        return record;  /* held by the tracker */
    }
  return NULL;
}

static void
edit (Driver    *d,
      MixRecord *record)
{
  const char *column = edited_columns[g_rand_int_range (d->rand, 0, G_N_ELEMENTS (edited_columns))];
  g_autofree char *value = g_strdup_printf ("%s by %s #%u", column, d->side, d->n_edits + 1);

  g_assert_true (mix_record_set_value_by_id (record, column, value, NULL));
  d->n_edits++;
  log_change (d, "edit", record, NULL);
}

static gboolean
change_cb (gpointer data)
{
  Driver *d = data;
  MixTracker *tracker = mix_store_get_tracker (d->store);
  int what = g_rand_int_range (d->rand, 0, 100);

  /* Done: only what comes in from now on. */
  if (g_get_monotonic_time () >= d->end)
    return G_SOURCE_REMOVE;

  if (mix_store_is_read_only (d->store, MIX_DOMAIN_TRACKER) || d->resting)
    ;  /* the file cannot be merged just now, or the student is away */
  else if (what < 30)
    {
      MixRecord *record = mix_tracker_add_row (tracker, MIX_TAB_NEW_CONTACTS);
      g_autofree char *name = g_strdup_printf ("Person %u from %s", d->n_adds + 1, d->side);

      g_assert_true (mix_record_set_value_by_id (record, "name", name, NULL));
      d->n_adds++;
      log_change (d, "add", record, NULL);
    }
  else if (what < 55)
    {
      /* The row the other computer edits too, at about the same times. */
      MixRecord *record = mix_tracker_find (tracker, SHARED_ID);

      if (record != NULL)
        {
          edit (d, record);
          d->n_shared++;
        }
    }
  else if (what < 88)
    {
      MixRecord *record = random_row (d, FALSE);

      if (record != NULL)
        edit (d, record);
    }
  else
    {
      MixRecord *record = random_row (d, FALSE);

      if (record != NULL)
        {
          g_autofree char *version = g_strdup (mix_record_get_modified (record));
          g_autoptr(MixRecord) held = g_object_ref (record);

          mix_tracker_remove_row (tracker, held, NULL);
          d->n_deletes++;
          log_change (d, "delete", held, version);
        }
    }

  g_timeout_add (g_rand_int_range (d->rand, 150, 650), change_cb, d);
  return G_SOURCE_REMOVE;
}

/* On every tenth second of the clock, both computers edit the shared row
 * and save at once: both files change together, which is what makes a
 * sync tool write a conflicting copy. */
static gboolean
together_cb (gpointer data)
{
  Driver *d = data;
  gint64 now = g_get_real_time ();
  MixRecord *record;

  if (g_get_monotonic_time () >= d->end)
    return G_SOURCE_REMOVE;

  record = mix_tracker_find (mix_store_get_tracker (d->store), SHARED_ID);
  if (record != NULL && !mix_store_is_read_only (d->store, MIX_DOMAIN_TRACKER) && !d->resting)
    {
      edit (d, record);
      d->n_shared++;
      d->n_together++;
      mix_store_flush (d->store, NULL);
    }
  g_timeout_add ((guint) ((10 * G_USEC_PER_SEC - now % (10 * G_USEC_PER_SEC)) / 1000) + 1,
                 together_cb, d);
  return G_SOURCE_REMOVE;
}

static void
on_problem_added_cb (MixStore        *store,
                     MixStoreProblem *problem,
                     Driver          *d)
{
  if (problem->kind == MIX_PROBLEM_CONFLICT_MERGED)
    d->n_conflicts++;
  else
    g_printerr ("%s: %s\n", d->side, problem->message);
}

static void
on_merged_cb (MixStore *store,
              int       domain,
              guint     n_changes,
              Driver   *d)
{
  d->n_merged += n_changes;
}

static gboolean
on_rest_cb (gpointer data)
{
  ((Driver *) data)->resting = TRUE;
  return G_SOURCE_CONTINUE;
}

static gboolean
on_wake_cb (gpointer data)
{
  ((Driver *) data)->resting = FALSE;
  return G_SOURCE_CONTINUE;
}

static gboolean
on_term_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  Driver d = { 0 };

  if (argc != 6)
    {
      g_printerr ("usage: %s DATA-DIR LOG SIDE SEED SECONDS\n", argv[0]);
      return 2;
    }

  d.store = mix_store_new (argv[1]);
  d.log = fopen (argv[2], "a");
  d.side = argv[3];
  d.rand = g_rand_new_with_seed ((guint32) g_ascii_strtoull (argv[4], NULL, 10));
  d.end = g_get_monotonic_time () + (gint64) g_ascii_strtoull (argv[5], NULL, 10) * G_USEC_PER_SEC;
  g_assert_nonnull (d.log);

  g_signal_connect (d.store, "problem-added", G_CALLBACK (on_problem_added_cb), &d);
  g_signal_connect (d.store, "merged", G_CALLBACK (on_merged_cb), &d);
  mix_store_load (d.store);
  mix_store_set_watching (d.store, TRUE);

  g_timeout_add (g_rand_int_range (d.rand, 150, 650), change_cb, &d);
  {
    gint64 now = g_get_real_time ();

    g_timeout_add ((guint) ((10 * G_USEC_PER_SEC - now % (10 * G_USEC_PER_SEC)) / 1000) + 1,
                   together_cb, &d);
  }
  g_unix_signal_add (SIGTERM, on_term_cb, loop);
  g_unix_signal_add (SIGUSR1, on_rest_cb, &d);
  g_unix_signal_add (SIGUSR2, on_wake_cb, &d);
  g_main_loop_run (loop);

  if (!mix_store_flush (d.store, &error))
    g_printerr ("%s: the last save failed: %s\n", d.side, error->message);
  g_print ("{\"side\":\"%s\",\"adds\":%u,\"edits\":%u,\"shared_edits\":%u,"
           "\"at_once\":%u,\"deletes\":%u,\"conflict_copies_merged\":%u,"
           "\"changes_merged\":%u}\n",
           d.side, d.n_adds, d.n_edits, d.n_shared, d.n_together, d.n_deletes, d.n_conflicts,
           d.n_merged);

  fclose (d.log);
  g_rand_free (d.rand);
  g_object_unref (d.store);
  return error != NULL ? 1 : 0;
}
