/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-journal-term.c: one emotion or activity tag of the vocabulary, as the journal store
 * lists it for pickers and for Preferences. Immutable: the store makes a new one on change. */

#define G_LOG_DOMAIN "steady-journal-term"

#include "config.h"

#include "steady-journal-term.h"

struct _SteadyJournalTerm
{
  GObject                parent_instance;

  SteadyJournalTermKind  kind;
  char                  *uuid;
  char                  *name;
  char                  *builtin;   /* stable key of a built-in term, or NULL */
  guint                  n_entries; /* entries that use it, when listed */
};

G_DEFINE_FINAL_TYPE (SteadyJournalTerm, steady_journal_term, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (SteadyJournalTermKind, steady_journal_term_kind,
  G_DEFINE_ENUM_VALUE (STEADY_JOURNAL_TERM_EMOTION, "emotion"),
  G_DEFINE_ENUM_VALUE (STEADY_JOURNAL_TERM_TAG, "tag"))

enum {
  PROP_0,
  PROP_KIND,
  PROP_UUID,
  PROP_NAME,
  PROP_BUILTIN,
  PROP_N_ENTRIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
steady_journal_term_finalize (GObject *object)
{
  SteadyJournalTerm *self = (SteadyJournalTerm *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->builtin, g_free);

  G_OBJECT_CLASS (steady_journal_term_parent_class)->finalize (object);
}

static void
steady_journal_term_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SteadyJournalTerm *self = STEADY_JOURNAL_TERM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_BUILTIN:
      g_value_set_string (value, self->builtin);
      break;
    case PROP_N_ENTRIES:
      g_value_set_uint (value, self->n_entries);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_journal_term_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SteadyJournalTerm *self = STEADY_JOURNAL_TERM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_UUID:
      self->uuid = g_value_dup_string (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_BUILTIN:
      self->builtin = g_value_dup_string (value);
      break;
    case PROP_N_ENTRIES:
      self->n_entries = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_journal_term_class_init (SteadyJournalTermClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = steady_journal_term_finalize;
  object_class->get_property = steady_journal_term_get_property;
  object_class->set_property = steady_journal_term_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, STEADY_TYPE_JOURNAL_TERM_KIND,
                       STEADY_JOURNAL_TERM_EMOTION, flags);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_BUILTIN] = g_param_spec_string ("builtin", NULL, NULL, NULL, flags);
  properties[PROP_N_ENTRIES] =
    g_param_spec_uint ("n-entries", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steady_journal_term_init (SteadyJournalTerm *self)
{
}

SteadyJournalTerm *
steady_journal_term_new (SteadyJournalTermKind  kind,
                         const char            *uuid,
                         const char            *name,
                         const char            *builtin,
                         guint                  n_entries)
{
  g_return_val_if_fail (uuid != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_object_new (STEADY_TYPE_JOURNAL_TERM,
                       "kind", kind,
                       "uuid", uuid,
                       "name", name,
                       "builtin", builtin,
                       "n-entries", n_entries,
                       NULL);
}

SteadyJournalTermKind
steady_journal_term_get_kind (SteadyJournalTerm *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_TERM (self), STEADY_JOURNAL_TERM_EMOTION);

  return self->kind;
}

const char *
steady_journal_term_get_uuid (SteadyJournalTerm *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_TERM (self), NULL);

  return self->uuid;
}

const char *
steady_journal_term_get_name (SteadyJournalTerm *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_TERM (self), NULL);

  return self->name;
}

/**
 * steady_journal_term_get_builtin:
 *
 * Returns: (nullable): the stable key of a built-in term (such as "joy" or "work"), which the
 *   app may use to pick a symbol, or %NULL for the user's own
 */
const char *
steady_journal_term_get_builtin (SteadyJournalTerm *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_TERM (self), NULL);

  return self->builtin;
}

guint
steady_journal_term_get_n_entries (SteadyJournalTerm *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_TERM (self), 0);

  return self->n_entries;
}
