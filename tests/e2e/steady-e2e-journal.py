#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# steady-e2e-journal.py: drives the real steady binary through the accessibility tree for
# the mood journal, and prints TAP: on the Today page it picks a mood button, writes a note in
# the check-in and presses Save, as a person would; then it restarts Steady, goes to the
# Journal page, searches for a word of the note and finds the check-in among the results.
# The private session, the environment and the tree-walking helpers are steady-e2e.py's;
# starting and stopping Steady is steady-e2e-safety.py's.

import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def _load(module_name, file_name):
    spec = importlib.util.spec_from_file_location(module_name, os.path.join(HERE, file_name))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


e2e = _load("steady_e2e", "steady-e2e.py")
safety = _load("steady_e2e_safety", "steady-e2e-safety.py")

MOOD_BUTTON = "Mood: Good"
NOTE_FIELD = "Note"
SEARCH_FIELD = "Search your journal"
NOTE = "Walked to the lighthouse with Sam after group"
SEARCH_WORD = "lighthouse"
RESULTS_LIST = "Search results"


def find_action_node(seen_nodes, roles, wanted):
    for seen in seen_nodes:
        if seen.role in roles and seen.name == wanted and e2e.n_actions(seen.node) > 0:
            return seen.node
    return None


def find_field(seen_nodes, wanted):
    for seen in seen_nodes:
        if seen.name == wanted and seen.role in ("text", "entry", "paragraph", "search box"):
            try:
                seen.node.queryEditableText()
            except NotImplementedError:
                continue
            return seen.node
    return None


def choose_page(steady, title):
    tabs = e2e.page_tabs(steady.window)
    buttons = [seen.node for seen in tabs if seen.name == title and e2e.n_actions(seen.node)]
    if not buttons:
        raise e2e.StepFailed("no switcher button for the '%s' page" % title)
    e2e.activate(buttons[0])
    e2e.wait_for("'%s' to be the selected page" % title,
                 lambda: e2e.selected_tabs(tabs) == [title])


def check_in(tap, steady):
    """Today → a mood button → a note → Save."""
    choose_page(steady, "Today")
    seen_nodes = e2e.snapshot(steady.window)
    tap.result(any(seen.name == "How are you right now?" for seen in seen_nodes),
               "the Today page asks 'How are you right now?'")
    moods = [seen.name for seen in seen_nodes
             if seen.role in ("push button", "toggle button") and seen.name.startswith("Mood: ")]
    tap.result(len(moods) == 5, "the Today page has five named mood buttons",
               "found: %s" % ", ".join(moods))
    button = find_action_node(seen_nodes, ("push button",), MOOD_BUTTON)
    if button is None:
        raise e2e.StepFailed("no '%s' button with an action on the Today page" % MOOD_BUTTON)
    before = set(e2e.id_of(w) for w in e2e.windows(steady.app))
    e2e.activate(button)
    editor = e2e.wait_for("the check-in window to open",
                          lambda: next((w for w in e2e.windows(steady.app)
                                        if e2e.id_of(w) not in before), None))
    editor_nodes = e2e.settled(editor)
    tap.result(e2e.name(editor) == "Check-In", "a mood button opens the check-in",
               "opened: '%s'" % e2e.name(editor))
    e2e.check_named(tap, editor_nodes, "the check-in window")

    import pyatspi
    picked = [seen.name for seen in editor_nodes
              if seen.name.startswith("Mood: ")
              and (e2e.states(seen.node).contains(pyatspi.STATE_CHECKED)
                   or e2e.states(seen.node).contains(pyatspi.STATE_PRESSED))]
    tap.result(picked == [MOOD_BUTTON], "the check-in opens with the mood already picked",
               "picked: %s" % picked)

    field = find_field(editor_nodes, NOTE_FIELD)
    if field is None:
        raise e2e.StepFailed("no editable text field named '%s' in the check-in" % NOTE_FIELD)
    safety.type_into(field, NOTE)
    e2e.wait_for("the note to show the typed words", lambda: safety.field_text(field) == NOTE)

    save = find_action_node(editor_nodes, ("push button",), "Save")
    if save is None:
        raise e2e.StepFailed("no 'Save' button in the check-in")
    e2e.activate(save)
    e2e.wait_for("the check-in window to close after Save",
                 lambda: all(e2e.id_of(w) != e2e.id_of(editor)
                             for w in e2e.windows(steady.app)))
    tap.result(True, "Save closes the check-in")

    # The pages rebuild rows for the new check-in meanwhile: a walk that meets a row as it
    # goes is read again.
    def shows_check_in():
        try:
            return "mood: Good" in e2e.all_text(e2e.snapshot(steady.window)) or None
        except Exception:
            return None
    e2e.wait_for("the Today page to show the new check-in", shows_check_in)
    tap.result(True, "the Today page shows the new check-in as the last one")


def find_by_search(tap, steady):
    choose_page(steady, "Journal")
    seen_nodes = e2e.settled(steady.window)
    e2e.check_named(tap, seen_nodes, "the Journal page")
    field = find_field(seen_nodes, SEARCH_FIELD)
    if field is None:
        raise e2e.StepFailed("no editable search field named '%s'" % SEARCH_FIELD)
    safety.type_into(field, SEARCH_WORD)

    def found():
        try:
            nodes = e2e.snapshot(steady.window)
        except Exception:  # a row rebuilt while it was read: read again
            return None
        # The journal's own list stays in the tree behind the results: only the results count.
        rows = [seen for seen in nodes if seen.name.startswith("Check-in at ")
                and any("'%s'" % RESULTS_LIST in part for part in seen.path)]
        texts = e2e.all_text(nodes)
        return (rows, texts) if rows and NOTE in texts else None

    rows, texts = e2e.wait_for("the check-in among the search results", found)
    tap.result(len(rows) == 1, "searching for '%s' finds the one check-in" % SEARCH_WORD,
               "rows: %s" % [seen.name for seen in rows])
    tap.result("mood: Good" in rows[0].name, "the result says its mood in words",
               "row: '%s'" % rows[0].name)


def run(args, tap):
    def body(env, started):
        steady = safety.Steady(args, env, tap)
        started.append(steady)
        steady.start()
        tap.result(True, "steady appears in the accessibility tree")
        check_in(tap, steady)
        status = steady.stop()
        tap.result(status == 0, "steady quits cleanly after a check-in",
                   None if status == 0 else "exit status %s" % status)
        steady.kill()

        steady = safety.Steady(args, env, tap)
        started.append(steady)
        steady.start()
        find_by_search(tap, steady)
        status = steady.stop()
        tap.result(status == 0, "steady quits cleanly after the search",
                   None if status == 0 else "exit status %s" % status)

    e2e.run_in_private_session(tap, "steady-e2e-journal-", args.region, body)


def main():
    return e2e.feature_main(os.path.abspath(__file__),
                            "Drives steady's mood journal through AT-SPI.", run, safety.CRISIS)


if __name__ == "__main__":
    sys.exit(main())
