/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mix-error.h"

G_DEFINE_QUARK (mix-error-quark, mix_error)
