/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "mix-drafts.h"
#include "mix-json.h"
#include "mix-session-log.h"
#include "mix-session-record.h"
#include "mix-tracker.h"

G_BEGIN_DECLS

/* The version of the file formats this build reads and writes. */
#define MIX_STORE_FORMAT_VERSION 1

/* The largest data file the store writes, and reads back. */
#define MIX_STORE_MAX_BYTES MIX_JSON_MAX_BYTES

/* The lock file that one writer at a time holds, in the data directory. */
#define MIX_STORE_LOCK_NAME ".lock"

typedef enum
{
  MIX_DOMAIN_TRACKER,
  MIX_DOMAIN_MESSAGES,
  MIX_DOMAIN_SESSIONS,
  MIX_N_DOMAINS,
} MixDomain;

typedef enum
{
  MIX_PROBLEM_DAMAGED,
  MIX_PROBLEM_NEWER_VERSION,
  MIX_PROBLEM_SKIPPED_ROWS,
  MIX_PROBLEM_SAVE_FAILED,
  MIX_PROBLEM_NO_DIRECTORY,
  MIX_PROBLEM_MISSING,       /* the file was gone and its backup was restored */
  MIX_PROBLEM_DENIED,        /* the file may not be read: left where it is, read-only */
  MIX_PROBLEM_CHANGED_UNREADABLE, /* changed elsewhere into a file that cannot be merged */
  MIX_PROBLEM_CONFLICT_MERGED,    /* a sync tool's conflicting copy was merged and moved aside */
  MIX_PROBLEM_TOO_LARGE,     /* the file would be larger than can be read back */
} MixProblemKind;

typedef struct
{
  MixDomain       domain;
  MixProblemKind  kind;
  char           *path;                  /* the domain's file */
  char           *moved_to;              /* nullable: where a damaged file now is */
  gboolean        restored_from_backup;
  guint           n_rows;                /* rows set aside, for MIX_PROBLEM_SKIPPED_ROWS */
  char           *reason;                /* what was wrong, a sentence */
  char           *message;               /* everything the user needs to know */
} MixStoreProblem;

#define MIX_TYPE_STORE (mix_store_get_type ())

G_DECLARE_FINAL_TYPE (MixStore, mix_store, MIX, STORE, GObject)

MixStore   *mix_store_new                (const char  *directory);
char       *mix_store_default_directory  (void);

const char *mix_store_get_directory      (MixStore    *self);
char       *mix_store_get_path           (MixStore    *self,
                                          MixDomain    domain);
const char *mix_store_domain_file_name   (MixDomain    domain);

void        mix_store_begin_load         (MixStore    *self);
void        mix_store_load               (MixStore    *self);
MixTracker *mix_store_get_tracker        (MixStore    *self);
MixSessionRecord *mix_store_get_current_session (MixStore *self);
MixSessionLog    *mix_store_get_session_log     (MixStore *self);
MixDrafts        *mix_store_get_drafts          (MixStore *self);
gboolean          mix_store_finish_session      (MixStore *self);
JsonObject *mix_store_get_document       (MixStore    *self,
                                          MixDomain    domain);

void        mix_store_changed            (MixStore    *self,
                                          MixDomain    domain);
gboolean    mix_store_is_dirty           (MixStore    *self,
                                          MixDomain    domain);
gboolean    mix_store_is_read_only       (MixStore    *self,
                                          MixDomain    domain);
gboolean    mix_store_save               (MixStore    *self,
                                          MixDomain    domain,
                                          GError     **error);
gboolean    mix_store_flush              (MixStore    *self,
                                          GError     **error);

guint       mix_store_get_autosave_delay (MixStore    *self);
void        mix_store_set_autosave_delay (MixStore    *self,
                                          guint        milliseconds);

GPtrArray  *mix_store_get_problems       (MixStore    *self);

gboolean    mix_store_check_room         (MixStore    *self,
                                          MixDomain    domain,
                                          gsize        more,
                                          GError     **error);
gboolean    mix_store_check_rows_fit     (MixStore    *self,
                                          GPtrArray   *records,
                                          guint       *n_fit,
                                          GError     **error);
gsize       mix_store_get_size_estimate  (MixStore    *self,
                                          MixDomain    domain);
gboolean    mix_store_sync               (MixStore    *self,
                                          MixDomain    domain);
void        mix_store_set_watching       (MixStore    *self,
                                          gboolean     watching);

G_END_DECLS
