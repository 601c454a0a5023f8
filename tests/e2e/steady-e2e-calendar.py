#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# steady-e2e-calendar.py: drives the real steady binary through the accessibility tree to add a
# weekly session series, as a screen-reader user would, and prints TAP: Calendar page, "Add
# Session", a title written into its field, "Repeats Weekly" switched on, Tuesday and Thursday
# chosen, Save; then every session of the series is in the agenda, on those days, and still
# there after a restart; the month grid names those days. The private session, the environment
# and the tree-walking helpers are steady-e2e.py's; starting and stopping steady is
# steady-e2e-safety.py's.

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

TITLE = "Evening skills group"
DAYS = ("Tuesday", "Thursday")
# The editor offers eight sessions unless told otherwise.
SESSIONS = 8


def show_calendar(tap, steady):
    tabs = e2e.page_tabs(steady.window)
    buttons = [seen.node for seen in tabs if seen.name == "Calendar" and e2e.n_actions(seen.node)]
    if not buttons:
        raise e2e.StepFailed("no switcher button for the Calendar page")
    e2e.activate(buttons[0])
    e2e.wait_for("the Calendar page to be selected",
                 lambda: e2e.selected_tabs(tabs) == ["Calendar"])
    tap.result(True, "the Calendar page opens from its switcher button")


def laid_out_control(seen_nodes, wanted, roles):
    for seen in seen_nodes:
        if (seen.name == wanted and seen.role in roles and e2e.n_actions(seen.node) > 0
                and e2e.is_laid_out(seen.node)):
            return seen.node
    return None


def session_rows(window):
    """The agenda rows of our series: list items whose accessible name carries the title."""
    return [seen.name for seen in e2e.walk(window)
            if seen.role == "list item" and TITLE in seen.name]


def add_weekly_series(tap, steady):
    seen_nodes = e2e.settled(steady.window)
    add = laid_out_control(seen_nodes, "Add Session", {"push button"})
    if add is None:
        raise e2e.StepFailed("no 'Add Session' button on the Calendar page")
    before = set(e2e.id_of(w) for w in e2e.windows(steady.app))
    e2e.activate(add)
    editor = e2e.wait_for("the session editor to open",
                          lambda: next((w for w in e2e.windows(steady.app)
                                        if e2e.id_of(w) not in before), None))
    seen_nodes = e2e.settled(editor)
    tap.result(e2e.name(editor) == "New Session", "'Add Session' opens 'New Session'",
               "opened: '%s'" % e2e.name(editor))
    e2e.check_named(tap, seen_nodes, "the session editor")

    field = safety.find_text_field(seen_nodes, "Title")
    if field is None:
        raise e2e.StepFailed("the editor has no text field named 'Title'")
    # GTK 4.8 reads an entry row's text back from its inner text node, which it does not show
    # in the tree; the agenda below is where the title has to arrive.
    safety.type_into(field, TITLE)

    # GTK 4.8 gives a switch the "check box" role; its row names it.
    switch = laid_out_control(seen_nodes, "Repeats Weekly", {"toggle button", "switch",
                                                              "check box"})
    if switch is None:
        raise e2e.StepFailed("no 'Repeats Weekly' switch in the editor")
    e2e.activate(switch)
    for day in DAYS:
        button = e2e.wait_for("a '%s' button once the session repeats" % day,
                              lambda: laid_out_control(e2e.snapshot(editor), day,
                                                       {"toggle button", "push button"}))
        e2e.activate(button)
    tap.result(True, "the series is set to repeat on %s" % " and ".join(DAYS))

    save = laid_out_control(e2e.snapshot(editor), "Save", {"push button"})
    if save is None:
        raise e2e.StepFailed("no 'Save' button in the editor")
    e2e.activate(save)
    e2e.wait_for("the editor to close after Save",
                 lambda: all(e2e.id_of(w) != e2e.id_of(editor)
                             for w in e2e.windows(steady.app)))
    tap.result(True, "Save closes the editor")


def check_agenda(tap, steady, when):
    rows = e2e.wait_for("%d sessions of '%s' in the agenda" % (SESSIONS, TITLE),
                        lambda: (lambda found: found if len(found) == SESSIONS else None)(
                            session_rows(steady.window)))
    tap.result(len(rows) == SESSIONS, "%s, the agenda lists the %d sessions of the series"
               % (when, SESSIONS))
    wrong_days = [row for row in rows if not row.startswith(DAYS)]
    tap.result(not wrong_days, "%s, every session is on a %s" % (when, " or ".join(DAYS)),
               "\n".join(wrong_days) or None)


def check_month(tap, steady):
    """The month grid names each day with its sessions, e.g. "Tuesday 24 November, 1 session"."""
    month = laid_out_control(e2e.snapshot(steady.window), "Month", {"toggle button",
                                                                     "push button"})
    if month is None:
        raise e2e.StepFailed("no 'Month' button on the Calendar page")
    e2e.activate(month)
    days = e2e.wait_for("day buttons named with their sessions",
                        lambda: [seen.name for seen in e2e.snapshot(steady.window)
                                 if seen.name.endswith(", 1 session")] or None)
    tap.result(all(day.startswith(DAYS) for day in days),
               "the month grid names the days with a session: %s" % "; ".join(days[:2]),
               "\n".join(days))
    e2e.check_named(tap, e2e.settled(steady.window), "the month grid")


def run(args, tap):
    def body(env, started):
        steady = safety.Steady(args, env, tap)
        started.append(steady)
        steady.start()
        tap.result(True, "steady appears in the accessibility tree")
        show_calendar(tap, steady)
        tap.result(not session_rows(steady.window), "the agenda starts without the series")
        add_weekly_series(tap, steady)
        check_agenda(tap, steady, "after Save")
        e2e.check_named(tap, e2e.settled(steady.window), "the Calendar page with sessions")
        check_month(tap, steady)
        status = steady.stop()
        tap.result(status == 0, "steady quits cleanly (status 0)")

        steady = safety.Steady(args, env, tap)
        started.append(steady)
        steady.start()
        show_calendar(tap, steady)
        check_agenda(tap, steady, "after a restart")
        status = steady.stop()
        tap.result(status == 0, "steady quits cleanly after the restart (status 0)")

    e2e.run_in_private_session(tap, "steady-e2e-calendar-", args.region, body)


def main():
    return e2e.feature_main(os.path.abspath(__file__), "Adds a weekly series through AT-SPI.",
                            run, safety.CRISIS)


if __name__ == "__main__":
    sys.exit(main())
