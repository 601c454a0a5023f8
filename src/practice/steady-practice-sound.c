/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-practice-sound.c: plays the bell and the phase chime from the GResource with
 * GtkMediaFile; one stream per strike, so strikes can overlap as a struck bowl does. */

#define G_LOG_DOMAIN "steady-practice-sound"

#include "config.h"

#include "steady-practice-sound.h"

#define SOUND_PREFIX "/io/github/steadyapp/Steady/sounds/"
/* Strikes of a bell follow each other at this pace, each ringing into the next. */
#define STRIKE_GAP_MS 2500

struct _SteadyPracticeSound
{
  GObject     parent_instance;

  /* owned: the streams playing, and the timeouts of strikes still to come */
  GPtrArray  *streams;
  GArray     *pending_ids;

  /* TRUE until GTK says it cannot play sound (no media backend, no audio device) */
  gboolean    available;
};

G_DEFINE_FINAL_TYPE (SteadyPracticeSound, steady_practice_sound, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_AVAILABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_PLAYED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Which sound a stream plays, kept on the stream for the played signal. */
#define KIND_KEY "steady-practice-sound-kind"

typedef struct
{
  SteadyPracticeSound     *self;
  SteadyPracticeSoundKind  kind;
  double                   volume;
  guint                    id;
} Strike;

SteadyPracticeSound *
steady_practice_sound_new (void)
{
  return g_object_new (STEADY_TYPE_PRACTICE_SOUND, NULL);
}

static void
set_available (SteadyPracticeSound *self,
               gboolean             available)
{
  if (self->available == available)
    return;
  self->available = available;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
}

static gboolean
steal_stream (GPtrArray *array,
              gpointer   item)
{
  guint index;

  if (!g_ptr_array_find (array, item, &index))
    return FALSE;
  g_ptr_array_steal_index_fast (array, index);
  return TRUE;
}

/* A stream that fails says so on its error property; GTK prints nothing, so this is the
 * only way to learn that the bell was not heard. */
static void
stream_changed_cb (GtkMediaStream      *stream,
                   GParamSpec          *pspec,
                   SteadyPracticeSound *self)
{
  gboolean failed = gtk_media_stream_get_error (stream) != NULL;

  if (!failed && !gtk_media_stream_get_ended (stream))
    return;
  /* The stream is still emitting this very signal, so it goes away once that is over. */
  g_signal_handlers_disconnect_by_data (stream, self);
  if (steal_stream (self->streams, stream))
    g_idle_add_once ((GSourceOnceFunc)g_object_unref, stream);
  if (failed)
    set_available (self, FALSE);
  else
    g_signal_emit (self, signals[SIGNAL_PLAYED], 0,
                   GPOINTER_TO_INT (g_object_get_data (G_OBJECT (stream), KIND_KEY)));
}

static void
play_one (SteadyPracticeSound     *self,
          SteadyPracticeSoundKind  kind,
          double                   volume)
{
  const char *path = kind == STEADY_PRACTICE_SOUND_BELL ? SOUND_PREFIX "bell.oga"
                                                        : SOUND_PREFIX "chime.oga";
  GtkMediaStream *stream = gtk_media_file_new_for_resource (path);

  if (gtk_media_stream_get_error (stream) != NULL)
    {
      set_available (self, FALSE);
      g_object_unref (stream);
      return;
    }
  g_object_set_data (G_OBJECT (stream), KIND_KEY, GINT_TO_POINTER (kind));
  gtk_media_stream_set_volume (stream, CLAMP (volume, 0.0, 1.0));
  g_signal_connect_object (stream, "notify::error", G_CALLBACK (stream_changed_cb), self, 0);
  g_signal_connect_object (stream, "notify::ended", G_CALLBACK (stream_changed_cb), self, 0);
  g_ptr_array_add (self->streams, stream);
  gtk_media_stream_play (stream);
}

static gboolean
strike_cb (gpointer data)
{
  Strike *strike = data;
  SteadyPracticeSound *self = strike->self;

  for (guint i = 0; i < self->pending_ids->len; i++)
    {
      if (g_array_index (self->pending_ids, guint, i) == strike->id)
        {
          g_array_remove_index_fast (self->pending_ids, i);
          break;
        }
    }
  play_one (self, strike->kind, strike->volume);
  return G_SOURCE_REMOVE;
}

/* Plays @kind @strikes times, the first now; @volume from 0 to 1. */
void
steady_practice_sound_play (SteadyPracticeSound     *self,
                            SteadyPracticeSoundKind  kind,
                            guint                    strikes,
                            double                   volume)
{
  g_return_if_fail (STEADY_IS_PRACTICE_SOUND (self));

  if (strikes == 0 || volume <= 0.0)
    return;

  play_one (self, kind, volume);
  for (guint i = 1; i < strikes; i++)
    {
      Strike *strike = g_new0 (Strike, 1);

      strike->self = self;
      strike->kind = kind;
      strike->volume = volume;
      strike->id = g_timeout_add_full (G_PRIORITY_DEFAULT, i * STRIKE_GAP_MS, strike_cb, strike,
                                       g_free);
      g_array_append_val (self->pending_ids, strike->id);
    }
}

/* Silences everything playing and every strike still to come. */
void
steady_practice_sound_stop (SteadyPracticeSound *self)
{
  g_return_if_fail (STEADY_IS_PRACTICE_SOUND (self));

  for (guint i = 0; i < self->pending_ids->len; i++)
    g_source_remove (g_array_index (self->pending_ids, guint, i));
  g_array_set_size (self->pending_ids, 0);

  while (self->streams->len > 0)
    {
      GtkMediaStream *stream = g_ptr_array_steal_index (self->streams, self->streams->len - 1);

      g_signal_handlers_disconnect_by_data (stream, self);
      gtk_media_stream_pause (stream);
      g_object_unref (stream);
    }
}

/* FALSE once a sound failed to play: the pages then say that bells are shown, not heard. */
gboolean
steady_practice_sound_get_available (SteadyPracticeSound *self)
{
  g_return_val_if_fail (STEADY_IS_PRACTICE_SOUND (self), FALSE);

  return self->available;
}

static void
steady_practice_sound_dispose (GObject *object)
{
  SteadyPracticeSound *self = STEADY_PRACTICE_SOUND (object);

  if (self->streams != NULL)
    steady_practice_sound_stop (self);
  g_clear_pointer (&self->streams, g_ptr_array_unref);
  g_clear_pointer (&self->pending_ids, g_array_unref);

  G_OBJECT_CLASS (steady_practice_sound_parent_class)->dispose (object);
}

static void
steady_practice_sound_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SteadyPracticeSound *self = STEADY_PRACTICE_SOUND (object);

  switch (prop_id)
    {
    case PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_practice_sound_class_init (SteadyPracticeSoundClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steady_practice_sound_dispose;
  object_class->get_property = steady_practice_sound_get_property;

  properties[PROP_AVAILABLE] =
    g_param_spec_boolean ("available", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A sound played to its end without an error: as near as GTK lets us come to "heard".
   * With a media backend but no audio device, GStreamer plays into a silent sink and this
   * is emitted all the same. */
  signals[SIGNAL_PLAYED] =
    g_signal_new ("played", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
steady_practice_sound_init (SteadyPracticeSound *self)
{
  self->streams = g_ptr_array_new_with_free_func (g_object_unref);
  self->pending_ids = g_array_new (FALSE, FALSE, sizeof (guint));
  self->available = TRUE;

  /* Without a media backend GTK fails to open any file, and says so at once: better to tell
   * the person before the first bell than after it. */
  {
    g_autoptr(GtkMediaStream) probe = gtk_media_file_new_for_resource (SOUND_PREFIX "chime.oga");

    self->available = gtk_media_stream_get_error (probe) == NULL;
  }
}
