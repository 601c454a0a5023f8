#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# steady-e2e-safety.py: drives the real steady binary through the accessibility tree for the
# safety plan, and prints TAP. Two runs:
#   --help-from-every-page  presses "Get help now" on every page and finds the crisis line
#                           and the safety plan in what it shows;
#   --edit-plan             opens "My Safety Plan" from the menu, writes an item through the
#                           text field's accessible interface, closes it, restarts Steady and
#                           finds the item again, in the plan and in "Get help now".
# The private session, the environment and the tree-walking helpers are steady-e2e.py's.

import argparse
import importlib.util
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("steady_e2e", os.path.join(HERE, "steady-e2e.py"))
e2e = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(e2e)

PLAN_MENU_ITEM = "My Safety Plan"
PLAN_WINDOW = "My Safety Plan"
FIRST_WARNING_SIGN = "Warning sign 1"
TYPED = "I stop answering my phone"
CRISIS = {"US": r"988", "GB": r"116\s?123"}


class Steady:
    """One run of the steady binary in the shared private session and data folder."""

    def __init__(self, args, env, tap):
        self.args = args
        self.env = env
        self.tap = tap
        self.process = None
        self.stderr_watch = None
        self.app = None
        self.window = None

    def start(self):
        old_umask = os.umask(0o022)
        try:
            self.process = subprocess.Popen(e2e.dies_with_us([self.args.steady]), env=self.env,
                                            stderr=subprocess.PIPE)
        finally:
            os.umask(old_umask)
        self.stderr_watch = e2e.StderrWatch(self.process.stderr)

        def appeared():
            if self.process.poll() is not None:
                raise e2e.StepFailed("steady exited with status %d before its window appeared"
                                     % self.process.returncode)
            app = e2e.find_app(self.process.pid)
            if app is None or e2e.name(app) != "steady":
                return None
            window = e2e.main_window(app)
            return (app, window) if window is not None else None

        self.app, self.window = e2e.wait_for("steady's window in the accessibility tree",
                                             appeared, timeout=e2e.APPEAR_TIMEOUT)

    def stop(self):
        """Closes the main window as a person would; returns steady's exit status."""
        if self.process is None:
            return None
        try:
            if self.window is not None and self.process.poll() is None:
                e2e.activate(e2e.window_close_button(self.window))
        except Exception as error:  # steady may quit before it answers the click
            self.tap.diag("closing the window: %s" % error)
        try:
            status = self.process.wait(timeout=e2e.STEP_TIMEOUT)
        except subprocess.TimeoutExpired:
            status = None
        self.kill()
        return status

    def kill(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.stderr_watch is not None:
            self.stderr_watch.finish()
            if self.stderr_watch.toolkit:
                self.tap.diag("left alone, from the toolkit:\n"
                              + "\n".join(self.stderr_watch.toolkit))
            self.tap.result(not self.stderr_watch.problems,
                            "steady printed no warning, critical or sanitizer report",
                            "\n".join(self.stderr_watch.problems))
            self.stderr_watch = None
        self.process = None


def shown_lines(seen_nodes):
    text = e2e.all_text(seen_nodes)
    return [line.strip() for line in dict.fromkeys(text.splitlines())
            if line.strip() and not e2e.TYPE_NAME_RE.match(line.strip())]


def open_help(steady):
    before = set(e2e.id_of(w) for w in e2e.windows(steady.app))
    button = e2e.find_help_button(steady.window)
    if button is None:
        raise e2e.StepFailed("no '%s' button in the main window" % e2e.HELP_BUTTON)
    e2e.activate(button)
    dialog = e2e.wait_for("a window to open after '%s'" % e2e.HELP_BUTTON,
                          lambda: next((w for w in e2e.windows(steady.app)
                                        if e2e.id_of(w) not in before), None))
    return dialog, e2e.settled(dialog)


def check_help_from_every_page(tap, steady, region):
    """On each page: the page is chosen by its switcher button, then "Get help now"."""
    tabs = e2e.page_tabs(steady.window)
    for title in e2e.PAGES:
        buttons = [seen.node for seen in tabs if seen.name == title and e2e.n_actions(seen.node)]
        if not buttons:
            tap.result(False, "a switcher button for '%s'" % title)
            continue
        e2e.activate(buttons[0])
        try:
            e2e.wait_for("'%s' to be the selected page" % title,
                         lambda: e2e.selected_tabs(tabs) == [title])
            dialog, seen_nodes = open_help(steady)
        except e2e.StepFailed as error:
            tap.result(False, "'%s' opens on the '%s' page" % (e2e.HELP_BUTTON, title),
                       str(error))
            continue
        lines = shown_lines(seen_nodes)
        text = "\n".join(lines)
        tap.result(any(re.fullmatch(CRISIS[region], line) for line in lines),
                   "on the '%s' page, help shows the %s crisis line number" % (title, region),
                   None if any(re.fullmatch(CRISIS[region], line) for line in lines)
                   else "shown:\n  " + "\n  ".join(lines))
        # An empty plan: the section is there, with the way to make one.
        tap.result("My safety plan" in lines and "Make My Safety Plan" in text,
                   "on the '%s' page, help shows the safety plan and how to make it" % title)
        tap.result("My IOP team" in lines,
                   "on the '%s' page, help has a place for the IOP team" % title)
        if title == e2e.PAGES[0]:
            e2e.check_named(tap, seen_nodes, "the help window")
        e2e.close_window(steady.app, dialog, seen_nodes)


def find_text_field(seen_nodes, wanted):
    for seen in seen_nodes:
        if seen.name == wanted and seen.role in ("text", "entry", "paragraph"):
            return seen.node
    return None


def field_text(node):
    try:
        return node.queryText().getText(0, -1)
    except NotImplementedError:
        return ""


def type_into(node, text):
    """Writes @text into @node through its EditableText interface, as assistive technology
    (a dictation or switch-access tool) would. GTK 4.8 does not implement Component.GrabFocus,
    so there is no way to give a text field the focus from here and type."""
    editable = node.queryEditableText()
    if not editable.setTextContents(text):
        raise e2e.StepFailed("the text field refused the words")


def open_plan(tap, steady):
    plan = e2e.open_from_menu(steady.app, steady.window, PLAN_MENU_ITEM)
    seen_nodes = e2e.settled(plan)
    tap.result(e2e.name(plan) == PLAN_WINDOW, "'%s' in the primary menu opens '%s'"
               % (PLAN_MENU_ITEM, PLAN_WINDOW), "opened: '%s'" % e2e.name(plan))
    return plan, seen_nodes


def check_edit_plan(tap, args, env):
    first = Steady(args, env, tap)
    try:
        first.start()
        tap.result(True, "steady appears in the accessibility tree")
        plan, seen_nodes = open_plan(tap, first)
        e2e.check_named(tap, seen_nodes, "the safety plan window")
        lines = shown_lines(seen_nodes)
        tap.result(any(re.search(CRISIS[args.region], line) for line in lines),
                   "the plan shows the crisis line at its top")
        field = find_text_field(seen_nodes, FIRST_WARNING_SIGN)
        if field is None:
            tap.result(False, "the plan has a text field named '%s'" % FIRST_WARNING_SIGN)
            return
        tap.result(True, "the plan has a text field named '%s'" % FIRST_WARNING_SIGN)
        type_into(field, TYPED)
        e2e.wait_for("the typed words in '%s'" % FIRST_WARNING_SIGN,
                     lambda: field_text(field) == TYPED)
        tap.result(True, "words written into '%s' show there" % FIRST_WARNING_SIGN)
        # No Save button: closing the window keeps what was typed a moment ago.
        e2e.close_window(first.app, plan)
        status = first.stop()
        tap.result(status == 0, "steady quits cleanly after the plan was edited",
                   None if status == 0 else "exit status %s" % status)
    finally:
        first.kill()

    second = Steady(args, env, tap)
    try:
        second.start()
        plan, seen_nodes = open_plan(tap, second)
        field = find_text_field(seen_nodes, FIRST_WARNING_SIGN)
        found = field_text(field) if field is not None else None
        tap.result(found == TYPED, "after a restart the plan still holds the typed item",
                   "'%s' holds %r" % (FIRST_WARNING_SIGN, found))
        e2e.close_window(second.app, plan)
        dialog, help_nodes = open_help(second)
        lines = shown_lines(help_nodes)
        tap.result(any(TYPED in line for line in lines),
                   "after a restart 'Get help now' shows the typed warning sign",
                   "shown:\n  " + "\n  ".join(lines))
        tap.result(any(line == "Open My Safety Plan" for line in lines),
                   "'Get help now' offers to open the plan")
        e2e.close_window(second.app, dialog, help_nodes)
        status = second.stop()
        tap.result(status == 0, "steady quits cleanly (status 0)")
    finally:
        second.kill()


def run(args, tap):
    workdir = tempfile.mkdtemp(prefix="steady-e2e-safety-")
    session = e2e.PrivateSession(workdir)
    steady = None
    try:
        session.start()
        import pyatspi
        pyatspi.setTimeout(e2e.ATSPI_CALL_TIMEOUT_MS, e2e.ATSPI_CALL_TIMEOUT_MS)
        env = e2e.child_environment(workdir, args.region)
        if args.edit_plan:
            check_edit_plan(tap, args, env)
        else:
            steady = Steady(args, env, tap)
            steady.start()
            tap.result(True, "steady appears in the accessibility tree")
            check_help_from_every_page(tap, steady, args.region)
            status = steady.stop()
            tap.result(status == 0, "steady quits cleanly (status 0)")
    except e2e.StepFailed as error:
        tap.result(False, "the test could run to the end", str(error))
    except Exception as error:  # D-Bus or AT-SPI failing under us: say what, not a traceback
        tap.result(False, "the test could run to the end",
                   "%s: %s" % (type(error).__name__, error))
    finally:
        if steady is not None:
            steady.kill()
        session.stop()
        e2e.reap_descendants()
        shutil.rmtree(workdir, ignore_errors=True)


def main():
    os.environ.pop("G_DEBUG", None)
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))

    retried = e2e.run_retrying_on_toolkit_defect(os.path.abspath(__file__))
    if retried is not None:
        return retried

    parser = argparse.ArgumentParser(description="Drives steady's safety plan through AT-SPI.")
    parser.add_argument("--steady", required=True, help="the steady executable to test")
    parser.add_argument("--region", choices=sorted(CRISIS), default="US")
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--help-from-every-page", action="store_true")
    what.add_argument("--edit-plan", action="store_true")
    args = parser.parse_args()

    tap = e2e.Tap()
    if importlib.util.find_spec("pyatspi") is None:
        tap.result(False, "pyatspi is importable",
                   "run this with /usr/bin/python3 and install python3-pyatspi")
        return tap.finish()
    if not os.environ.get("DISPLAY"):
        tap.result(False, "a display is available", "run under xvfb-run -a")
        return tap.finish()
    e2e.become_subreaper()
    run(args, tap)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
