/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <json-glib/json-glib.h>

#include "mix-store.h"

G_BEGIN_DECLS

/* The libFuzzer entry points each target defines. */
int         LLVMFuzzerInitialize       (int            *argc,
                                        char         ***argv);
int         LLVMFuzzerTestOneInput     (const uint8_t  *data,
                                        size_t          size);

void        fuzz_init                  (void);

/* Stops the run with @message, as a crash libFuzzer saves the input of. */
G_NORETURN
void        fuzz_fail                  (const char     *format,
                                        ...) G_GNUC_PRINTF (1, 2);

JsonObject *fuzz_read_document         (MixDomain       domain,
                                        const char     *data,
                                        gsize           length,
                                        gboolean       *newer);
JsonObject *fuzz_copy_document         (MixDomain       domain,
                                        JsonObject     *old);
char       *fuzz_write_document        (MixDomain       domain,
                                        JsonObject     *old,
                                        const char     *written_member,
                                        GString        *member_text,
                                        gsize          *length);
JsonObject *fuzz_reread_document       (MixDomain       domain,
                                        const char     *data,
                                        gsize           length);

void        fuzz_check_same_document   (const char     *first,
                                        gsize           first_length,
                                        const char     *second,
                                        gsize           second_length);

void        fuzz_store_round_trip      (MixDomain       domain,
                                        const char     *data,
                                        gsize           length);

G_END_DECLS
