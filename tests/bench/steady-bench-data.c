/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-bench-data.c: writes the realistic database PERFORMANCE.md measures on — years of
 * daily use, the same for the same seed — for the tables that exist so far: three mood
 * entries a day with emotions, tags and 50–400 words of varied text; a thought record or a
 * DBT worksheet every three days (some unfinished), a diary card most days with the
 * person's own rows, and "I used this" logs, with distress before and after.
 *
 * Usage: steady-bench-data [--years N] [--seed S] PATH */

#define G_LOG_DOMAIN "steady-bench-data"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "steady-database.h"
#include "steady-diary-store.h"
#include "steady-journal-common.h"
#include "steady-skill-kind.h"
#include "steady-skill-record.h"
#include "steady-skill-store.h"
#include "steady-skills-library.h"

/* The last day written: fixed, so the same seed gives the same journal on any day. */
#define LAST_YEAR  2025
#define LAST_MONTH 6
#define LAST_DAY   30

/* A small, fast generator (splitmix64) whose sequence depends on the seed alone. */
typedef struct
{
  guint64 state;
} Rng;

static guint64
rng_next (Rng *rng)
{
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

/* A number in [low, high). */
static int
rng_range (Rng *rng,
           int  low,
           int  high)
{
  return low + (int)(rng_next (rng) % (guint64)(high - low));
}

static double
rng_unit (Rng *rng)
{
  return (rng_next (rng) >> 11) * (1.0 / 9007199254740992.0);
}

static gboolean
rng_chance (Rng    *rng,
            double  probability)
{
  return rng_unit (rng) < probability;
}

#define PICK(rng, list) ((list)[rng_range ((rng), 0, G_N_ELEMENTS (list))])

static char *
rng_uuid (Rng *rng)
{
  guint64 a = rng_next (rng);
  guint64 b = rng_next (rng);

  return g_strdup_printf ("%08x-%04x-4%03x-%04x-%012" G_GINT64_MODIFIER "x",
                          (guint)(a >> 32), (guint)((a >> 16) & 0xffff), (guint)(a & 0xfff),
                          (guint)(0x8000 | ((b >> 48) & 0x3fff)),
                          b & G_GUINT64_CONSTANT (0xffffffffffff));
}

/* Word lists for the notes. The sentences are made up here, in the plain first person of a
 * journal; the rarer nouns give the index a long tail as real writing has. */
static const char *openers[] = {
  "This morning", "After lunch", "Tonight", "Around noon", "Before group", "On the bus",
  "Right after waking up", "Late in the afternoon", "During the break", "On the way home",
  "Just now", "Earlier today", "After dinner", "While waiting at the clinic",
};
static const char *did[] = {
  "I went for", "I tried", "I skipped", "I finished", "I started", "I kept thinking about",
  "I put off", "I managed", "I talked about", "I wrote down", "I planned", "I avoided",
};
static const char *activities[] = {
  "a short walk", "my homework from group", "the dishes", "a phone call with my sister",
  "the laundry", "a long shower", "some stretching", "the grocery list", "a nap",
  "a bike ride", "the thought record", "my breathing exercise", "an email to work",
  "reading a chapter", "cooking something simple", "watering the plants", "a video call",
  "sorting the mail", "the diary card", "a walk around the block with the dog",
};
static const char *feel_openers[] = {
  "I felt", "I noticed I was", "Most of the day I was", "For a while I was", "I got",
  "By evening I was", "Honestly I was", "I caught myself being",
};
static const char *feelings[] = {
  "anxious", "calm", "tired", "restless", "hopeful", "flat", "irritable", "lonely", "okay",
  "overwhelmed", "relieved", "sad", "steady", "tense", "proud of myself", "numb", "grateful",
  "on edge", "a bit lighter", "worn out", "content", "scattered", "ashamed", "frustrated",
};
static const char *because[] = {
  "because", "mostly because", "maybe because", "probably since", "after", "when",
};
static const char *reasons[] = {
  "work piled up again", "I slept badly", "group went well", "my sister called",
  "the appointment got moved", "it rained all day", "I got outside for a bit",
  "the meds made me drowsy", "someone at work was short with me", "I kept my plan",
  "money is tight this month", "I remembered something from years ago", "the house was quiet",
  "I did not eat much", "I finished what I set out to do", "the news was upsetting",
  "my therapist asked good questions", "I compared myself to others again",
  "the neighbours were loud", "I made it to every session this week",
};
static const char *people[] = {
  "My therapist", "Sam", "Mom", "A friend from group", "My manager", "The nurse", "Dad",
  "My roommate", "Alex", "The group leader", "My brother", "Jordan", "Grandma", "Priya",
};
static const char *said[] = {
  "said", "reminded me", "asked whether", "pointed out that", "told me", "wondered if",
};
static const char *remarks[] = {
  "small steps still count", "I could try opposite action next time",
  "it is okay to rest", "I should call if things get worse", "the plan is working",
  "I have handled days like this before", "sleep matters more than I think",
  "I do not have to fix everything today", "checking the facts might help",
  "my worry was not the whole story",
};
static const char *skills[] = {
  "Box breathing helped a little.", "I used STOP before answering.",
  "I tried the five senses exercise.", "Checking the facts calmed me down.",
  "Opposite action was hard but I did it.", "I wrote a pros and cons list.",
  "Paced breathing for five minutes took the edge off.", "I practised radical acceptance.",
  "Self-soothe with music worked today.", "I remembered my reasons to keep going.",
};
static const char *plans[] = {
  "Tomorrow I want to", "Next time I will", "This weekend I hope to", "Before group I need to",
  "Later I might", "I promised myself to",
};
static const char *plan_actions[] = {
  "get up at the same time", "call the pharmacy", "go outside before noon",
  "bring this up in session", "eat a real breakfast", "text my sister back",
  "take the long way home", "finish the worksheet", "go to bed earlier", "say no to overtime",
  "ask for help sooner", "try the pacer again",
};
static const char *nouns[] = {
  "garden", "kitchen", "library", "river", "bakery", "bus stop", "pharmacy", "park bench",
  "train", "coffee", "soup", "oatmeal", "pancakes", "sandwich", "tea", "umbrella", "jacket",
  "sneakers", "notebook", "phone", "laptop", "podcast", "album", "guitar", "piano", "puzzle",
  "crossword", "novel", "magazine", "movie", "series", "documentary", "painting", "sketch",
  "pottery", "yoga", "swimming", "basketball", "soccer", "hiking", "trail", "beach", "lake",
  "mountain", "snow", "sunshine", "thunder", "fog", "wind", "heat", "neighbour", "landlord",
  "cousin", "niece", "nephew", "uncle", "aunt", "coworker", "boss", "doctor", "dentist",
  "pharmacist", "counsellor", "sponsor", "mentor", "teacher", "classmate", "cat", "dog",
  "parrot", "hamster", "goldfish", "birthday", "anniversary", "holiday", "wedding", "funeral",
  "interview", "deadline", "meeting", "presentation", "exam", "paperwork", "taxes", "rent",
  "insurance", "refill", "prescription", "appointment", "checkup", "bloodwork", "headache",
  "backache", "insomnia", "nightmare", "daydream", "memory", "photograph", "letter",
  "voicemail", "playlist", "candle", "blanket", "balcony", "window", "staircase", "elevator",
  "supermarket", "laundromat", "gym", "studio", "museum", "cinema", "concert", "festival",
  "market", "harbour", "bridge", "highway", "subway", "bicycle", "scooter", "taxi", "airport",
  "suitcase", "postcard", "recipe", "casserole", "lasagna", "curry", "salad", "smoothie",
  "cookies", "muffins", "popcorn", "chocolate", "strawberries", "oranges", "tomatoes",
  "sunflowers", "tulips", "roses", "maple", "oak", "pine", "moss", "pebbles", "seashells",
};
static const char *noun_subjects[] = {
  "Somehow the", "For some reason the", "Today the", "Again the", "Even the",
};
static const char *noun_objects[] = {
  "I kept thinking about the", "I could not stop looking at the", "It reminded me of the",
  "I spent a while with the", "We talked about the", "I wrote a little about the",
};
static const char *noun_endings[] = {
  "made me smile.", "felt heavy today.", "was the best part of the day.", "annoyed me.",
  "helped more than expected.", "brought back memories.", "was just there, and that was fine.",
};

/* Syllables for names of people and places met once or twice in twenty years: the long
 * tail of words every real journal has. */
static const char *syllables[] = {
  "ma", "ri", "ton", "bel", "ka", "lo", "vin", "da", "sel", "ro", "mi", "nar", "te", "fo",
  "lin", "qua", "zu", "bre", "han", "ol", "pe", "sto", "ga", "rey", "wen", "dor", "li", "cas",
  "mon", "ter", "ju", "vel", "an", "ko", "ris", "ba", "nel", "so", "gri", "tha",
};

static void
append_name (GString *text,
             Rng     *rng)
{
  int n = rng_range (rng, 2, 4);
  gsize start = text->len;

  for (int i = 0; i < n; i++)
    g_string_append (text, PICK (rng, syllables));
  text->str[start] = g_ascii_toupper (text->str[start]);
}

static void
append_sentence (GString *text,
                 Rng     *rng)
{
  if (text->len > 0)
    g_string_append_c (text, rng_chance (rng, 0.12) ? '\n' : ' ');

  if (rng_chance (rng, 0.03))
    {
      g_string_append (text, "I ran into ");
      append_name (text, rng);
      g_string_append_printf (text, " near the %s.", PICK (rng, nouns));
      return;
    }

  switch (rng_range (rng, 0, 7))
    {
    case 0:
      g_string_append_printf (text, "%s %s %s.", PICK (rng, openers), PICK (rng, did),
                              PICK (rng, activities));
      break;
    case 1:
      g_string_append_printf (text, "%s %s %s %s.", PICK (rng, feel_openers), PICK (rng, feelings),
                              PICK (rng, because), PICK (rng, reasons));
      break;
    case 2:
      g_string_append_printf (text, "%s %s %s.", PICK (rng, people), PICK (rng, said),
                              PICK (rng, remarks));
      break;
    case 3:
      g_string_append (text, PICK (rng, skills));
      break;
    case 4:
      g_string_append_printf (text, "%s %s.", PICK (rng, plans), PICK (rng, plan_actions));
      break;
    case 5:
      g_string_append_printf (text, "%s %s %s", PICK (rng, noun_subjects), PICK (rng, nouns),
                              PICK (rng, noun_endings));
      break;
    default:
      g_string_append_printf (text, "%s %s and the %s.", PICK (rng, noun_objects),
                              PICK (rng, nouns), PICK (rng, nouns));
      break;
    }
}

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      gboolean space = g_ascii_isspace (*p);

      if (!space && !in_word)
        n++;
      in_word = !space;
    }
  return n;
}

static char *
make_note (Rng *rng)
{
  GString *text = g_string_new (NULL);
  guint target = (guint)rng_range (rng, 50, 401);

  while (count_words (text->str) < target)
    append_sentence (text, rng);
  /* Begin with a capital, as people write. */
  text->str[0] = g_ascii_toupper (text->str[0]);
  return g_string_free (text, FALSE);
}

typedef struct
{
  sqlite3      *db;
  sqlite3_stmt *entry;
  sqlite3_stmt *emotion;
  sqlite3_stmt *tag;
  gint64        emotion_ids[16];
  guint         n_emotions;
  gint64        tag_ids[16];
  guint         n_tags;
} Writer;

static void
fail_sqlite (sqlite3    *db,
             const char *what)
{
  g_printerr ("steady-bench-data: %s: %s\n", what, sqlite3_errmsg (db));
  exit (1);
}

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    fail_sqlite (db, sql);
}

static void
prepare_or_die (sqlite3       *db,
                const char    *sql,
                sqlite3_stmt **stmt)
{
  if (sqlite3_prepare_v2 (db, sql, -1, stmt, NULL) != SQLITE_OK)
    fail_sqlite (db, sql);
}

static void
step_or_die (sqlite3      *db,
             sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    fail_sqlite (db, sqlite3_sql (stmt));
  sqlite3_reset (stmt);
}

/* Adds the user's own words to the vocabulary, then reads all ids. */
static void
load_vocabulary (Writer *writer,
                 Rng    *rng)
{
  static const char *own_emotions[] = { "Overwhelmed", "Grateful", "Numb" };
  static const char *own_tags[] = { "Therapy homework", "Walk", "Music", "Cooking", "Friends" };
  sqlite3_stmt *stmt;

  for (guint i = 0; i < G_N_ELEMENTS (own_emotions) + G_N_ELEMENTS (own_tags); i++)
    {
      gboolean is_emotion = i < G_N_ELEMENTS (own_emotions);
      g_autofree char *uuid = rng_uuid (rng);

      prepare_or_die (writer->db,
                      is_emotion
                        ? "INSERT INTO emotion (uuid, name, created_us, updated_us) VALUES (?1, ?2, 0, 0)"
                        : "INSERT INTO tag (uuid, name, created_us, updated_us) VALUES (?1, ?2, 0, 0)",
                      &stmt);
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2,
                         is_emotion ? own_emotions[i] : own_tags[i - G_N_ELEMENTS (own_emotions)],
                         -1, SQLITE_STATIC);
      step_or_die (writer->db, stmt);
      sqlite3_finalize (stmt);
    }

  prepare_or_die (writer->db, "SELECT id FROM emotion ORDER BY id", &stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW && writer->n_emotions < G_N_ELEMENTS (writer->emotion_ids))
    writer->emotion_ids[writer->n_emotions++] = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  prepare_or_die (writer->db, "SELECT id FROM tag ORDER BY id", &stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW && writer->n_tags < G_N_ELEMENTS (writer->tag_ids))
    writer->tag_ids[writer->n_tags++] = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
}

/* Emotions by the mood they go with: the built-ins are joy, calm, sadness, fear, anger,
 * shame, loneliness, hope (ids 1–8), then overwhelmed, grateful, numb. */
static const int low_emotions[] = { 3, 4, 5, 6, 7, 9, 11 };
static const int high_emotions[] = { 1, 2, 8, 10 };

static void
write_entry (Writer *writer,
             Rng    *rng,
             gint64  time_us,
             int     utc_offset_s,
             int     mood,
             int     slot,
             GDate  *date)
{
  g_autofree char *uuid = rng_uuid (rng);
  g_autofree char *note = make_note (rng);
  GDateWeekday weekday = g_date_get_weekday (date);
  gint64 entry_id;
  guint n_emotions;
  int anxiety;
  int energy;

  sqlite3_bind_text (writer->entry, 1, uuid, -1, SQLITE_STATIC);
  /* Written a little after the moment it is about. */
  sqlite3_bind_int64 (writer->entry, 2, time_us + rng_range (rng, 0, 600) * G_USEC_PER_SEC);
  sqlite3_bind_int64 (writer->entry, 3, time_us);
  sqlite3_bind_int (writer->entry, 4, utc_offset_s);
  sqlite3_bind_int (writer->entry, 5, mood);
  /* CLAMP evaluates its argument more than once: draw first. */
  anxiety = 10 - 2 * mood + rng_range (rng, -1, 3);
  energy = mood * 2 + rng_range (rng, -2, 2);
  sqlite3_bind_int (writer->entry, 6, CLAMP (anxiety, 0, 10));
  sqlite3_bind_int (writer->entry, 7, CLAMP (energy, 0, 10));
  if (slot == 0)
    {
      double r = rng_unit (rng);

      sqlite3_bind_double (writer->entry, 8, 4.0 + 0.5 * rng_range (rng, 0, 12));
      sqlite3_bind_text (writer->entry, 9, r < 0.85 ? "yes" : r < 0.95 ? "partly" : "no", -1,
                         SQLITE_STATIC);
      sqlite3_bind_text (writer->entry, 10,
                         rng_chance (rng, 0.3) ? "[\"sertraline\",\"melatonin\"]" : "[\"sertraline\"]",
                         -1, SQLITE_STATIC);
    }
  else
    {
      sqlite3_bind_null (writer->entry, 8);
      sqlite3_bind_null (writer->entry, 9);
      sqlite3_bind_null (writer->entry, 10);
    }
  sqlite3_bind_text (writer->entry, 11, note, -1, SQLITE_STATIC);
  sqlite3_bind_int (writer->entry, 12, rng_chance (rng, 0.05));
  step_or_die (writer->db, writer->entry);
  entry_id = sqlite3_last_insert_rowid (writer->db);

  n_emotions = (guint)rng_range (rng, 0, 4);
  for (guint i = 0; i < n_emotions; i++)
    {
      int emotion = mood <= 2 || (mood == 3 && rng_chance (rng, 0.5))
        ? PICK (rng, low_emotions) : PICK (rng, high_emotions);

      sqlite3_bind_int64 (writer->emotion, 1, entry_id);
      sqlite3_bind_int64 (writer->emotion, 2, writer->emotion_ids[emotion - 1]);
      sqlite3_bind_int (writer->emotion, 3, rng_range (rng, 2, 10) * 10);
      step_or_die (writer->db, writer->emotion);
    }

  /* Work on weekdays, group on IOP days (Monday, Wednesday, Friday), the rest at random. */
  for (guint tag = 0; tag < writer->n_tags; tag++)
    {
      gboolean on;

      if (tag == 0)
        on = weekday <= G_DATE_FRIDAY && slot == 1 && rng_chance (rng, 0.8);
      else if (tag == 2)
        on = (weekday == G_DATE_MONDAY || weekday == G_DATE_WEDNESDAY ||
              weekday == G_DATE_FRIDAY) && slot == 1;
      else
        on = rng_chance (rng, 0.08);
      if (!on)
        continue;
      sqlite3_bind_int64 (writer->tag, 1, entry_id);
      sqlite3_bind_int64 (writer->tag, 2, writer->tag_ids[tag]);
      step_or_die (writer->db, writer->tag);
    }
}

/* Coping skills ------------------------------------------------------------------------------
 * Written through the skills stores, one transaction each as the app does, so the records
 * pass the same validation and land in the same search index as real ones. */

typedef struct
{
  SteadySkillStore *records;
  SteadyDiaryStore *diary;
  GPtrArray        *targets;   /* SteadyDiaryTarget, the rows in use */
  guint             n_records;
  guint             n_cards;
  guint             n_uses;
} SkillsWriter;

static void
die_on_error (const char   *what,
              const GError *error)
{
  g_printerr ("steady-bench-data: %s: %s\n", what, error->message);
  exit (1);
}

static char *
make_answer (Rng *rng,
             int  min_words,
             int  max_words)
{
  GString *text = g_string_new (NULL);
  guint target = (guint)rng_range (rng, min_words, max_words + 1);

  while (count_words (text->str) < target)
    append_sentence (text, rng);
  text->str[0] = g_ascii_toupper (text->str[0]);
  return g_string_free (text, FALSE);
}

static const char *thoughts[] = {
  "Everyone in group thinks I am a fraud.", "I will never get better at this.",
  "If I say no they will leave.", "I ruined the whole day.", "I should be over this by now.",
  "Something bad is going to happen.", "Nobody would notice if I stayed home.",
  "I cannot cope with one more thing.", "They only called because they had to.",
};
static const char *mood_names[] = {
  "Anxious", "Sad", "Ashamed", "Angry", "Lonely", "Guilty", "Hopeless", "Irritable",
};
static const char *choices[] = { "yes", "partly", "no" };

/* Fills the fields of @record's kind up to @steps, as a person answering them would. */
static void
fill_record (SteadySkillRecord *record,
             Rng               *rng,
             guint              steps)
{
  guint n_fields;
  const SteadySkillField *fields =
    steady_skill_kind_get_fields (steady_skill_record_get_kind (record), &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      const SteadySkillField *field = &fields[i];

      if (field->step > steps)
        continue;
      switch (field->type)
        {
        case STEADY_SKILL_FIELD_TEXT:
          {
            g_autofree char *text = make_answer (rng, 12, 90);

            steady_skill_record_set_text (record, field->id, text);
          }
          break;
        case STEADY_SKILL_FIELD_PERCENT:
          steady_skill_record_set_percent (record, field->id, rng_range (rng, 10, 101));
          break;
        case STEADY_SKILL_FIELD_CHOICE:
          steady_skill_record_set_choice (record, field->id, PICK (rng, choices));
          break;
        case STEADY_SKILL_FIELD_MOODS:
          if (steady_skill_record_get_n_moods (record) == 0)
            {
              int n = rng_range (rng, 1, 4);

              for (int m = 0; m < n; m++)
                steady_skill_record_add_mood (record, mood_names[(m * 3 + rng_range (rng, 0, 3))
                                                                 % G_N_ELEMENTS (mood_names)],
                                              rng_range (rng, 40, 101));
            }
          else
            for (guint m = 0; m < steady_skill_record_get_n_moods (record); m++)
              {
                int before;
                int after;

                steady_skill_record_get_mood (record, m, NULL, &before, NULL);
                /* CLAMP evaluates its argument more than once: draw first. */
                after = before - rng_range (rng, -10, 50);
                steady_skill_record_set_mood_after (record, m, CLAMP (after, 0, 100));
              }
          break;
        case STEADY_SKILL_FIELD_THOUGHTS:
          {
            int n = rng_range (rng, 1, 4);
            guint n_traps;
            const SteadyThinkingTrap *traps = steady_thinking_traps_get (&n_traps);
            const char *chosen[3] = { NULL, NULL, NULL };

            for (int t = 0; t < n; t++)
              steady_skill_record_add_thought (record, PICK (rng, thoughts));
            steady_skill_record_set_hot_thought (record, rng_range (rng, 0, n));
            chosen[0] = traps[rng_range (rng, 0, (int)n_traps)].id;
            if (rng_chance (rng, 0.5))
              chosen[1] = traps[rng_range (rng, 0, (int)n_traps)].id;
            if (chosen[1] == NULL || g_strcmp0 (chosen[0], chosen[1]) != 0)
              steady_skill_record_set_traps (record, chosen);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* Distress before and after, when the person rated both: mostly a fall, sometimes not. */
static void
rate_distress (Rng *rng,
               int *before,
               int *after)
{
  *before = *after = STEADY_SKILL_NO_RATING;
  if (rng_chance (rng, 0.25))
    return;
  *before = rng_range (rng, 3, 10);
  if (rng_chance (rng, 0.1))
    return;
  *after = *before - rng_range (rng, -1, 5);
  *after = CLAMP (*after, 0, 10);
}

static void
write_record (SkillsWriter *writer,
              Rng          *rng,
              gint64        time_us,
              int           utc_offset_s)
{
  g_autoptr(GError) error = NULL;
  /* Thought records half the time; the four worksheets share the rest. */
  SteadySkillKind kind = rng_chance (rng, 0.5) ? STEADY_SKILL_KIND_THOUGHT_RECORD
                                               : (SteadySkillKind)rng_range (rng, 1,
                                                                             STEADY_N_SKILL_KINDS);
  g_autoptr(SteadySkillRecord) record = steady_skill_record_new (kind);
  guint n_steps = steady_skill_kind_get_n_steps (kind);
  gboolean finished = rng_chance (rng, 0.85);
  guint steps = finished ? n_steps : (guint)rng_range (rng, 1, (int)n_steps);
  int before;
  int after;

  steady_skill_record_set_time (record, time_us, utc_offset_s);
  fill_record (record, rng, steps);
  steady_skill_record_set_step_reached (record, steps);
  steady_skill_record_set_finished (record, finished);
  rate_distress (rng, &before, &after);
  steady_skill_record_set_distress_before (record, before);
  if (finished)
    steady_skill_record_set_distress_after (record, after);
  steady_skill_record_set_private (record, rng_chance (rng, 0.05));
  if (!steady_skill_store_save (writer->records, record, &error))
    die_on_error ("saving an exercise", error);
  writer->n_records++;
}

/* The rows of the card: the starting set, plus the person's own words later on. */
static void
load_targets (SkillsWriter *writer)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&writer->targets, g_ptr_array_unref);
  writer->targets = steady_diary_store_list_targets (writer->diary, FALSE, &error);
  if (writer->targets == NULL)
    die_on_error ("listing the diary card's rows", error);
}

static void
change_targets (SkillsWriter *writer,
                int           years_done)
{
  g_autoptr(GError) error = NULL;

  if (years_done == 0 && !steady_diary_store_add_starter_targets (writer->diary, &error))
    die_on_error ("adding the starting rows", error);
  if (years_done == 1)
    {
      g_autoptr(SteadyDiaryTarget) own =
        steady_diary_store_add_target (writer->diary, STEADY_DIARY_TARGET_URGE, "Skipping meals",
                                       &error);

      if (own == NULL)
        die_on_error ("adding a row", error);
    }
  if (years_done == 3)
    {
      g_autoptr(SteadyDiaryTarget) own =
        steady_diary_store_add_target (writer->diary, STEADY_DIARY_TARGET_EMOTION, "Loneliness",
                                       &error);

      /* Joy became "Content" in the person's words: archived, and a new row. */
      if (own == NULL)
        die_on_error ("adding a row", error);
      for (guint i = 0; i < writer->targets->len; i++)
        {
          SteadyDiaryTarget *target = g_ptr_array_index (writer->targets, i);

          if (g_strcmp0 (target->name, "Joy") == 0 &&
              !steady_diary_store_archive_target (writer->diary, target->uuid, &error))
            die_on_error ("archiving a row", error);
        }
    }
  load_targets (writer);
}

static void
write_card (SkillsWriter *writer,
            Rng          *rng,
            int           day,
            int           utc_offset_s,
            double        low)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDiaryCard) card = steady_diary_card_new (day, utc_offset_s);
  guint n_skills;
  const SteadySkill *library = steady_skills_library_get (&n_skills);
  int n_used = rng_range (rng, 0, 4);

  for (guint i = 0; i < writer->targets->len; i++)
    {
      const SteadyDiaryTarget *target = g_ptr_array_index (writer->targets, i);
      int rating;

      /* Some evenings a row is left blank. */
      if (rng_chance (rng, 0.08))
        continue;
      if (target->kind == STEADY_DIARY_TARGET_URGE)
        {
          rating = (int)(low * 3 + rng_unit (rng) * 2.5 - 1.0);
          rating = CLAMP (rating, 0, 5);
          steady_diary_card_set_rating (card, target->uuid, rating,
                                        rating >= 3 && rng_chance (rng, 0.15));
        }
      else
        {
          rating = (int)(low * 5 + (rng_unit (rng) - 0.5) * 3 + 0.5);
          rating = CLAMP (rating, 0, 5);
          steady_diary_card_set_rating (card, target->uuid, rating, STEADY_DIARY_NONE);
        }
    }
  card->distress = STEADY_DIARY_NONE;
  if (rng_chance (rng, 0.9))
    {
      int distress = (int)(low * 10) + rng_range (rng, -2, 3);

      card->distress = CLAMP (distress, 0, 10);
    }
  for (int i = 0; i < n_used; i++)
    steady_diary_card_set_skill (card, library[rng_range (rng, 0, (int)n_skills)].id,
                                 rng_range (rng, 0, STEADY_SKILL_RATING_MAX + 1));
  card->private_ = rng_chance (rng, 0.02);
  if (!steady_diary_store_save_card (writer->diary, card, &error))
    die_on_error ("saving a diary card", error);
  writer->n_cards++;
}

static void
write_use (SkillsWriter *writer,
           Rng          *rng,
           gint64        time_us,
           int           utc_offset_s)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  guint n_skills;
  const SteadySkill *library = steady_skills_library_get (&n_skills);
  /* Everyone has favourites: the first few skills come up most. */
  guint skill = rng_chance (rng, 0.6) ? (guint)rng_range (rng, 0, 5)
                                      : (guint)rng_range (rng, 0, (int)n_skills);
  int before;
  int after;

  rate_distress (rng, &before, &after);
  uuid = steady_diary_store_log_skill_use (writer->diary, library[skill].id,
                                           rng_range (rng, 3, STEADY_SKILL_RATING_MAX + 1),
                                           before, after, time_us, utc_offset_s, &error);
  if (uuid == NULL)
    die_on_error ("logging a skill", error);
  writer->n_uses++;
}

/* The skills pass: walks the same days as the journal with its own random stream. */
static void
write_skills (SteadyDatabase *database,
              Rng            *rng,
              const GDate    *first,
              const GDate    *last,
              SkillsWriter   *writer)
{
  GDate date = *first;
  double low = 0.4;
  int years_done = 0;

  writer->records = steady_skill_store_new (database);
  writer->diary = steady_diary_store_new (database);
  change_targets (writer, 0);

  for (; g_date_compare (&date, last) <= 0; g_date_add_days (&date, 1))
    {
      int day = steady_journal_day_from_date (&date);
      int offset = (g_date_get_month (&date) >= 4 && g_date_get_month (&date) <= 10) ? -5 * 3600
                                                                                   : -6 * 3600;
      gint64 evening_us = ((gint64)day * 86400 + rng_range (rng, 19 * 3600, 23 * 3600) - offset) *
                          G_USEC_PER_SEC;

      /* How hard the day was, 0–1, drifting like the journal's moods. */
      low += (0.4 - low) * 0.15 + (rng_unit (rng) - 0.5) * 0.3;
      low = CLAMP (low, 0.0, 1.0);

      if (day % 3 == 0)
        write_record (writer, rng,
                      evening_us - (gint64)rng_range (rng, 1, 8) * 3600 * G_USEC_PER_SEC, offset);
      if (rng_chance (rng, 0.85))
        write_card (writer, rng, day, offset, low);
      for (int uses = rng_range (rng, 0, 3); uses > 0; uses--)
        write_use (writer, rng, evening_us - (gint64)rng_range (rng, 1, 10) * 3600 * G_USEC_PER_SEC,
                   offset);

      if (g_date_get_month (&date) == 12 && g_date_get_day (&date) == 31)
        change_targets (writer, ++years_done);
    }
  g_clear_pointer (&writer->targets, g_ptr_array_unref);
  g_clear_object (&writer->records);
  g_clear_object (&writer->diary);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autofree char *partial = NULL;
  int years = 20;
  gint64 seed = 1;
  const GOptionEntry options[] = {
    { "years", 0, 0, G_OPTION_ARG_INT, &years, "Years of daily use to write (default 20)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed; the same seed writes the same journal", "S" },
    { NULL }
  };
  Writer writer = { 0 };
  Rng rng;
  GDate date;
  GDate last;
  gint64 started = g_get_monotonic_time ();
  guint n_entries = 0;
  SkillsWriter skills_writer = { 0 };
  Rng skills_rng;
  GDate first;
  GStatBuf st;

  context = g_option_context_new ("PATH");
  g_option_context_set_summary (context,
                                "Writes a Steady database of generated journal entries, for benchmarks.");
  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || years < 1 ||
      years > 100)
    {
      g_printerr ("%s\nUsage: steady-bench-data [--years N] [--seed S] PATH\n",
                  error != NULL ? error->message : "");
      return 2;
    }
  /* Never overwrite: PATH might be someone's real journal. */
  if (g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      g_printerr ("steady-bench-data: %s exists already; not overwriting it\n", argv[1]);
      return 1;
    }

  partial = g_strconcat (argv[1], ".partial", NULL);
  g_unlink (partial);
  database = steady_database_open (partial, &error);
  if (database == NULL)
    {
      g_printerr ("steady-bench-data: %s\n", error->message);
      return 1;
    }
  writer.db = steady_database_get_handle (database);
  /* A generated file need not survive a power cut while it is written. */
  exec_or_die (writer.db, "PRAGMA synchronous = OFF; PRAGMA cache_size = -65536;");

  rng.state = (guint64)seed;
  exec_or_die (writer.db, "BEGIN");
  load_vocabulary (&writer, &rng);
  prepare_or_die (writer.db,
                  "INSERT INTO mood_entry (uuid, created_us, updated_us, at_us, utc_offset_s, mood,"
                  "                        anxiety, energy, sleep_hours, medication, medications,"
                  "                        note, private)"
                  " VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                  &writer.entry);
  prepare_or_die (writer.db,
                  "INSERT OR IGNORE INTO mood_entry_emotion (entry_id, emotion_id, intensity)"
                  " VALUES (?1, ?2, ?3)", &writer.emotion);
  prepare_or_die (writer.db, "INSERT INTO mood_entry_tag (entry_id, tag_id) VALUES (?1, ?2)",
                  &writer.tag);

  g_date_clear (&last, 1);
  g_date_set_dmy (&last, LAST_DAY, LAST_MONTH, LAST_YEAR);
  date = last;
  g_date_subtract_years (&date, years);
  g_date_add_days (&date, 1);
  first = date;

  {
    double baseline = 3.0;

    for (; g_date_compare (&date, &last) <= 0; g_date_add_days (&date, 1))
      {
        int day = steady_journal_day_from_date (&date);
        /* A zone six hours west of UTC, five in summer. */
        int offset = (g_date_get_month (&date) >= 4 && g_date_get_month (&date) <= 10) ? -5 * 3600
                                                                                     : -6 * 3600;
        static const int slot_hours[][2] = { { 7, 10 }, { 12, 17 }, { 19, 23 } };

        /* Moods drift from day to day and return to the middle. */
        baseline += (3.1 - baseline) * 0.15 + (rng_unit (&rng) - 0.5) * 1.2;
        baseline = CLAMP (baseline, 1.0, 5.0);

        for (int slot = 0; slot < 3; slot++)
          {
            int minutes = rng_range (&rng, slot_hours[slot][0] * 60, slot_hours[slot][1] * 60);
            gint64 local_us = ((gint64)day * 86400 + minutes * 60 + rng_range (&rng, 0, 60)) *
                              G_USEC_PER_SEC;
            int mood = (int)(baseline + (rng_unit (&rng) - 0.5) * 1.6 + 0.5);

            write_entry (&writer, &rng, local_us - (gint64)offset * G_USEC_PER_SEC, offset,
                         CLAMP (mood, 1, 5), slot, &date);
            n_entries++;
          }

        /* A transaction a year keeps the log small. */
        if (g_date_get_month (&date) == 12 && g_date_get_day (&date) == 31)
          exec_or_die (writer.db, "COMMIT; BEGIN;");
      }
  }
  exec_or_die (writer.db, "COMMIT");
  sqlite3_finalize (writer.entry);
  sqlite3_finalize (writer.emotion);
  sqlite3_finalize (writer.tag);

  /* A stream of its own, so the journal stays the same as before skills were added. */
  skills_rng.state = (guint64)seed ^ G_GUINT64_CONSTANT (0x5157494c4c53);
  write_skills (database, &skills_rng, &first, &last, &skills_writer);

  /* Merge the index into one segment, as after a delete, and leave one self-contained file. */
  exec_or_die (writer.db, "INSERT INTO search_fts (search_fts) VALUES ('optimize');"
                          "PRAGMA synchronous = FULL;"
                          "PRAGMA wal_checkpoint (TRUNCATE);");
  g_clear_object (&database);

  if (g_rename (partial, argv[1]) != 0)
    {
      g_printerr ("steady-bench-data: could not rename %s to %s\n", partial, argv[1]);
      return 1;
    }
  g_stat (argv[1], &st);
  g_print ("%s: %u entries, %u exercises, %u diary cards, %u skill uses over %d years"
           " (seed %" G_GINT64_FORMAT "), %.1f MB, %.1f s\n",
           argv[1], n_entries, skills_writer.n_records, skills_writer.n_cards,
           skills_writer.n_uses, years, seed,
           st.st_size / 1e6, (g_get_monotonic_time () - started) / 1e6);
  return 0;
}
