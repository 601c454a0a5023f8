/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-journal-term.h: one word of the journal's vocabulary — an emotion or an activity
 * tag, built in or the user's own. */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  STEADY_JOURNAL_TERM_EMOTION,
  STEADY_JOURNAL_TERM_TAG,
} SteadyJournalTermKind;

#define STEADY_TYPE_JOURNAL_TERM_KIND (steady_journal_term_kind_get_type ())
GType steady_journal_term_kind_get_type (void) G_GNUC_CONST;

#define STEADY_TYPE_JOURNAL_TERM (steady_journal_term_get_type ())
G_DECLARE_FINAL_TYPE (SteadyJournalTerm, steady_journal_term, STEADY, JOURNAL_TERM, GObject)

SteadyJournalTerm     *steady_journal_term_new            (SteadyJournalTermKind  kind,
                                                           const char            *uuid,
                                                           const char            *name,
                                                           const char            *builtin,
                                                           guint                  n_entries);
SteadyJournalTermKind  steady_journal_term_get_kind       (SteadyJournalTerm     *self);
const char            *steady_journal_term_get_uuid       (SteadyJournalTerm     *self);
const char            *steady_journal_term_get_name       (SteadyJournalTerm     *self);
const char            *steady_journal_term_get_builtin    (SteadyJournalTerm     *self);
guint                  steady_journal_term_get_n_entries  (SteadyJournalTerm     *self);

G_END_DECLS
