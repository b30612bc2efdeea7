/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MIX_ERROR (mix_error_quark ())

typedef enum
{
  MIX_ERROR_FAILED,
  MIX_ERROR_INVALID_VALUE,
  MIX_ERROR_DAMAGED,
  MIX_ERROR_READ_ONLY,
  MIX_ERROR_NOT_FOUND,
} MixErrorCode;

GQuark mix_error_quark (void);

G_END_DECLS
