#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# steady-e2e-skills-page.py: the Skills page of the real steady through the accessibility
# tree, as a screen reader user meets it, and prints TAP: every exercise and today's diary card
# have a button named after them, and the library, "what helps me" and the history each open
# from the page, name every control, and have a way back. The private session and the tree helpers
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
# Each sub-page: the button that opens it, and words it shows on an empty database. The
# library, with the most controls, comes last, so the walks before it stay short.
# Each sub-page: the button that opens it, its place among the leaflet's pages (the order of
# steady-skills-page.ui), and words it shows on an empty database. The library, with the
# most controls, comes last, so the walks before it stay short.
SUBPAGES = [
    ("History", 3, "Nothing here yet"),
    ("What Helps Me", 2, "Not enough to go on yet"),
    ("Skills Library", 1, "Wise mind"),
]
OVERVIEW = 0
BACK = "Back to Skills"


class SkillsPage:
    """The Skills page's leaflet, found once. Every read is a D-Bus round trip, slow under
    AddressSanitizer, so walks cover one leaflet page at a time. GTK 4.8 tells assistive
    technology neither which leaflet page shows nor (by their extents) where the others are;
    a sub-page's content is built when it is first shown, which is what shows it opened."""

    def __init__(self, steady):
        seen_nodes = e2e.snapshot(steady.window)
        self.leaflet = next((seen.node for seen in seen_nodes
                             if seen.name == "AdwLeaflet"
                             and any(part.endswith("'SteadySkillsPage'") for part in seen.path)),
                            None)
        if self.leaflet is None:
            raise e2e.StepFailed("no leaflet inside the Skills page")

    def nodes(self, index):
        return e2e.snapshot(e2e.children(self.leaflet)[index])

    def settled(self, index):
        walks = []

        def same_twice():
            walks.append(self.nodes(index))
            return len(walks) >= 2 and len(walks[-1]) == len(walks[-2]) and len(walks[-1]) > 1
        e2e.wait_for("the Skills page's accessible tree to settle", same_twice)
        return walks[-1]

    def button(self, index, wanted):
        for seen in self.nodes(index):
            if (seen.role == "push button" and seen.name == wanted
                    and e2e.n_actions(seen.node) > 0):
                return seen.node
        return None

    def shows_text(self, index, text):
        try:
            return text in e2e.all_text(self.nodes(index))
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
    page = e2e.wait_for("the Skills page in the accessibility tree", lambda: SkillsPage(steady))
    e2e.wait_for("the Thought record button", lambda: page.button(OVERVIEW, "Thought record"))
    seen_nodes = page.settled(OVERVIEW)
    missing = [wanted for wanted in EXERCISES
               if not any(seen.role == "push button" and seen.name == wanted
                          and e2e.n_actions(seen.node) > 0 for seen in seen_nodes)]
    tap.result(not missing, "each exercise, the diary card and each practice has a button "
               "named after it on the Skills page",
               "missing: %s" % ", ".join(missing) if missing else None)
    e2e.check_named(tap, seen_nodes, "the Skills page")
    return page


def check_subpage(tap, page, title, index, text):
    button = e2e.wait_for("the '%s' button" % title, lambda: page.button(OVERVIEW, title))
    e2e.activate(button)
    e2e.wait_for("'%s' to show '%s'" % (title, text), lambda: page.shows_text(index, text))
    tap.result(True, "'%s' opens from the Skills page and shows '%s'" % (title, text))
    e2e.check_named(tap, page.settled(index), "'%s'" % title)
    back = page.button(index, BACK)
    tap.result(back is not None, "'%s' has a '%s' button" % (title, BACK))
    if back is not None:
        e2e.activate(back)


def run(args, tap):
    def body(env, started):
        steady = safety.Steady(args, env, tap)
        started.append(steady)
        steady.start()
        tap.result(True, "steady appears in the accessibility tree")
        page = check_overview(tap, steady)
        for title, index, text in SUBPAGES:
            check_subpage(tap, page, title, index, text)
        status = steady.stop()
        tap.result(status == 0, "steady quits cleanly after the Skills page",
                   None if status == 0 else "exit status %s" % status)

    e2e.run_in_private_session(tap, "steady-e2e-skills-page-", args.region, body)


def main():
    return e2e.feature_main(os.path.abspath(__file__),
                            "Walks steady's Skills page through AT-SPI.", run, safety.CRISIS)


if __name__ == "__main__":
    sys.exit(main())
