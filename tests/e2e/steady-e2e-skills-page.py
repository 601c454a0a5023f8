#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# steady-e2e-skills-page.py: the Skills page of the real steady through the accessibility
# tree, as a screen reader user meets it, and prints TAP: every exercise and today's diary card
# have a button named after them, and the library, "what helps me" and the history each open
# from the page, name every control, and lead back. The private session and the tree helpers
# are steady-e2e.py's; starting and stopping Steady is steady-e2e-safety.py's.

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

EXERCISES = ["Thought record", "Name the emotion", "Check the facts", "Opposite action",
             "PLEASE check", "Today’s Diary Card", "Start Breathing", "Start Mindfulness"]
# Each sub-page: the button that opens it, and words it shows on an empty database.
SUBPAGES = [
    ("Skills Library", "Wise mind"),
    ("What Helps Me", "Not enough to go on yet"),
    ("History", "Nothing here yet"),
]
BACK = "Back to Skills"


def shown_button(steady, wanted):
    """The button named @wanted that is on screen now, or None."""
    for seen in e2e.snapshot(steady.window):
        if (seen.role == "push button" and seen.name == wanted and e2e.n_actions(seen.node) > 0
                and e2e.is_laid_out(seen.node)):
            return seen.node
    return None


def shows_text(steady, text):
    try:
        return text in e2e.all_text(e2e.snapshot(steady.window))
    except Exception:  # a row rebuilt while it was read: read again
        return False


def choose_skills(steady):
    tabs = e2e.page_tabs(steady.window)
    buttons = [seen.node for seen in tabs if seen.name == "Skills" and e2e.n_actions(seen.node)]
    if not buttons:
        raise e2e.StepFailed("no switcher button for the Skills page")
    e2e.activate(buttons[0])
    e2e.wait_for("the Skills page to be selected",
                 lambda: e2e.selected_tabs(tabs) == ["Skills"])


def check_overview(tap, steady):
    choose_skills(steady)
    e2e.wait_for("the Thought record button", lambda: shown_button(steady, "Thought record"))
    seen_nodes = e2e.settled(steady.window)
    missing = [wanted for wanted in EXERCISES
               if not any(seen.role == "push button" and seen.name == wanted
                          and e2e.n_actions(seen.node) > 0 for seen in seen_nodes)]
    tap.result(not missing, "each exercise, the diary card and each practice has a button "
               "named after it on the Skills page",
               "missing: %s" % ", ".join(missing) if missing else None)
    e2e.check_named(tap, seen_nodes, "the Skills page")


def check_subpage(tap, steady, title, text):
    button = e2e.wait_for("the '%s' button" % title, lambda: shown_button(steady, title))
    e2e.activate(button)
    back = e2e.wait_for("'%s' to open with its '%s' button" % (title, BACK),
                        lambda: shown_button(steady, BACK))
    e2e.wait_for("'%s' to show '%s'" % (title, text), lambda: shows_text(steady, text))
    tap.result(True, "'%s' opens from the Skills page and shows '%s'" % (title, text))
    e2e.check_named(tap, e2e.settled(steady.window), "'%s'" % title)
    e2e.activate(back)
    e2e.wait_for("'%s' to lead back to the Skills page" % title,
                 lambda: shown_button(steady, "Thought record"))
    tap.result(True, "'%s' leads back to the Skills page" % BACK)


def run(args, tap):
    def body(env, started):
        steady = safety.Steady(args, env, tap)
        started.append(steady)
        steady.start()
        tap.result(True, "steady appears in the accessibility tree")
        check_overview(tap, steady)
        for title, text in SUBPAGES:
            check_subpage(tap, steady, title, text)
        status = steady.stop()
        tap.result(status == 0, "steady quits cleanly after the Skills page",
                   None if status == 0 else "exit status %s" % status)

    e2e.run_in_private_session(tap, "steady-e2e-skills-page-", args.region, body)


def main():
    return e2e.feature_main(os.path.abspath(__file__),
                            "Walks steady's Skills page through AT-SPI.", run, safety.CRISIS)


if __name__ == "__main__":
    sys.exit(main())
