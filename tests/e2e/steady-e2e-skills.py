#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# steady-e2e-skills.py: drives the real steady binary for the CBT thought record and prints
# TAP. A person who uses only the keyboard opens a thought record from the Skills page, rates
# their distress, writes the situation, names a mood and its strength, writes a thought and
# marks it hot, writes the evidence and a balanced thought, moves on with Alt+Right, Ctrl+Page
# Down and Enter, rates again, reads what changed and finishes; after a restart the record is
# in the Skills page's history and opens from there. The keys are real key events (XTest, as
# xdotool sends them) into the editor's window; what each did is read back through AT-SPI.
# The private session and the tree-walking helpers are steady-e2e.py's; starting and stopping
# Steady is steady-e2e-safety.py's.

import ctypes
import ctypes.util
import importlib.util
import json
import os
import sqlite3
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def _load(module_name, file_name):
    spec = importlib.util.spec_from_file_location(module_name, os.path.join(HERE, file_name))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


e2e = _load("steady_e2e", "steady-e2e.py")
safety = _load("steady_e2e_safety", "steady-e2e-safety.py")
journal = _load("steady_e2e_journal", "steady-e2e-journal.py")

EDITOR = "Thought record"
SITUATION = "Saturday evening, invited to Maya's birthday, staying home"
MOOD = "Loneliness"
THOUGHT = "Nobody would miss me at the party"
EVIDENCE_FOR = "Last time I left early"
EVIDENCE_AGAINST = "Maya asked me twice if I was coming"
BALANCED = "Some people there would be glad to see me"
# Room for steady to take in one key before the next on a loaded machine (ASan build too);
# every step still waits for what the key did before going on.
KEY_PAUSE = 0.05


class XKeyboard:
    """Real key presses into one X window, as xdotool sends them: XTest, after giving that
    window the X input focus (under Xvfb there is no window manager to do it)."""

    NAMES = {" ": "space", "'": "apostrophe", ",": "comma", ".": "period", "-": "minus"}

    def __init__(self):
        c = ctypes
        self.x = c.CDLL(c.util.find_library("X11") or "libX11.so.6")
        self.xtst = c.CDLL(c.util.find_library("Xtst") or "libXtst.so.6")
        x = self.x
        x.XOpenDisplay.restype = c.c_void_p
        x.XOpenDisplay.argtypes = [c.c_char_p]
        x.XCloseDisplay.argtypes = [c.c_void_p]
        x.XDefaultRootWindow.restype = c.c_ulong
        x.XDefaultRootWindow.argtypes = [c.c_void_p]
        x.XQueryTree.argtypes = [c.c_void_p, c.c_ulong, c.POINTER(c.c_ulong),
                                 c.POINTER(c.c_ulong), c.POINTER(c.POINTER(c.c_ulong)),
                                 c.POINTER(c.c_uint)]
        x.XFetchName.argtypes = [c.c_void_p, c.c_ulong, c.POINTER(c.c_char_p)]
        x.XSetInputFocus.argtypes = [c.c_void_p, c.c_ulong, c.c_int, c.c_ulong]
        x.XRaiseWindow.argtypes = [c.c_void_p, c.c_ulong]
        x.XKeysymToKeycode.argtypes = [c.c_void_p, c.c_ulong]
        x.XKeysymToKeycode.restype = c.c_ubyte
        x.XStringToKeysym.argtypes = [c.c_char_p]
        x.XStringToKeysym.restype = c.c_ulong
        x.XSync.argtypes = [c.c_void_p, c.c_int]
        x.XFree.argtypes = [c.c_void_p]
        self.xtst.XTestFakeKeyEvent.argtypes = [c.c_void_p, c.c_uint, c.c_int, c.c_ulong]
        self.display = x.XOpenDisplay(None)
        if not self.display:
            raise e2e.StepFailed("cannot open the X display to type on")

    def close(self):
        if self.display:
            self.x.XCloseDisplay(self.display)
            self.display = None

    def _windows_named(self, title):
        c = ctypes
        found = []
        pending = [self.x.XDefaultRootWindow(self.display)]
        while pending:
            window = pending.pop()
            name = c.c_char_p()
            if self.x.XFetchName(self.display, window, c.byref(name)) and name.value is not None:
                if name.value.decode("utf-8", "replace") == title:
                    found.append(window)
            root, parent = c.c_ulong(), c.c_ulong()
            kids, n_kids = c.POINTER(c.c_ulong)(), c.c_uint()
            if self.x.XQueryTree(self.display, window, c.byref(root), c.byref(parent),
                                 c.byref(kids), c.byref(n_kids)):
                pending.extend(kids[i] for i in range(n_kids.value))
                if n_kids.value:
                    self.x.XFree(kids)
        return found

    def focus_window(self, title):
        windows = self._windows_named(title)
        if len(windows) != 1:
            raise e2e.StepFailed("%d X windows named '%s', not one" % (len(windows), title))
        self.x.XRaiseWindow(self.display, windows[0])
        self.x.XSetInputFocus(self.display, windows[0], 2, 0)  # RevertToParent, CurrentTime
        self.x.XSync(self.display, 0)

    def _key(self, keysym_name, down):
        code = self.x.XKeysymToKeycode(self.display, self.x.XStringToKeysym(keysym_name.encode()))
        if not code:
            raise e2e.StepFailed("no key on the keyboard for '%s'" % keysym_name)
        self.xtst.XTestFakeKeyEvent(self.display, code, 1 if down else 0, 0)

    def press(self, key, *modifiers):
        """Presses @key (an X keysym name such as "Tab") while holding @modifiers."""
        for modifier in modifiers:
            self._key(modifier, True)
        self._key(key, True)
        self._key(key, False)
        for modifier in reversed(modifiers):
            self._key(modifier, False)
        self.x.XSync(self.display, 0)
        time.sleep(KEY_PAUSE)

    def type(self, text):
        for char in text:
            if char.isupper():
                self.press(char.lower(), "Shift_L")
            else:
                self.press(self.NAMES.get(char, char))


def focused(window):
    import pyatspi
    for seen in e2e.walk(window):
        if e2e.states(seen.node).contains(pyatspi.STATE_FOCUSED):
            return seen
    return None


def wait_focus(window, what, roles, name=None):
    """Waits until the focus is on a control of one of @roles (named @name, if given)."""
    def found():
        seen = focused(window)
        if seen is not None and seen.role in roles and (name is None or seen.name == name):
            return seen
        return None
    return e2e.wait_for("the focus on %s" % what, found)


def tab_to(keyboard, window, name, roles, most=12):
    """Presses Tab until the focus is on the control @name, waiting for each press to move
    the focus before the next."""
    seen = wait_focus(window, "a control", tuple(e2e.CONTROL_ROLES) + ("text", "entry"))
    for _ in range(most):
        if seen.name == name and seen.role in roles:
            return seen
        before = (seen.role, seen.name, e2e.id_of(seen.node))
        keyboard.press("Tab")
        seen = e2e.wait_for("Tab to move the focus on",
                            lambda: (lambda now: now if now is not None and
                                     (now.role, now.name, e2e.id_of(now.node)) != before
                                     else None)(focused(window)))
    raise e2e.StepFailed("Tab did not reach '%s' in %d presses" % (name, most))


def shows(window, text):
    """Whether a label laid out in @window says @text."""
    return any(seen.role == "label" and seen.name == text and e2e.is_laid_out(seen.node)
               for seen in e2e.walk(window))


def wait_shows(window, text):
    e2e.wait_for("'%s' on screen" % text, lambda: shows(window, text))


def slider_value(node):
    return int(round(node.queryValue().currentValue))


def open_thought_record(steady):
    """Skills page → the thought record's button, as a person finds it."""
    journal.choose_page(steady, "Skills")
    seen_nodes = e2e.settled(steady.window)
    button = journal.find_action_node(seen_nodes, ("push button",), EDITOR)
    if button is None:
        raise e2e.StepFailed("no '%s' button with an action on the Skills page" % EDITOR)
    before = set(e2e.id_of(w) for w in e2e.windows(steady.app))
    e2e.activate(button)
    return e2e.wait_for("the thought record to open",
                        lambda: next((w for w in e2e.windows(steady.app)
                                      if e2e.id_of(w) not in before), None))


def type_into_focus(tap, keyboard, editor, field, text, read_back=True):
    """Types @text into the focused text field @field and checks it arrived. GTK 4.8 gives
    assistive technology no text of a one-line entry, so for those (@read_back false) the
    saved record is checked instead, once Steady has quit."""
    node = wait_focus(editor, "the '%s' field" % field, ("text", "entry", "paragraph"),
                      field).node
    keyboard.type(text)
    if read_back:
        try:
            e2e.wait_for("'%s' to hold the typed words" % field,
                         lambda: safety.field_text(node) == text)
        except e2e.StepFailed:
            tap.diag("'%s' holds '%s'" % (field, safety.field_text(node)))
            raise
        tap.result(True, "typed into '%s' with the keyboard" % field)


def complete_with_keyboard(tap, steady, editor):
    keyboard = XKeyboard()
    try:
        keyboard.focus_window(EDITOR)

        # Step 1: the focus starts on the distress rating; Right answers it.
        slider = wait_focus(editor, "the distress rating", ("slider",)).node
        for _ in range(2):
            keyboard.press("Right")
        e2e.wait_for("distress rated 7", lambda: slider_value(slider) == 7 and
                     shows(editor, "7 of 10"))
        tap.result(True, "the arrow keys rate distress before, 0 to 10")
        keyboard.press("Tab")
        type_into_focus(tap, keyboard, editor, "Situation", SITUATION)
        keyboard.press("Right", "Alt_L")
        wait_shows(editor, "Step 2 of 7")
        tap.result(True, "Alt+Right goes to step 2")

        # Step 2: Tab through the suggested feelings to one, Enter adds it; the arrow keys
        # set its strength.
        name = "Add %s" % MOOD
        tab_to(keyboard, editor, name, ("push button",))
        keyboard.press("Return")
        strength = wait_focus(editor, "the new mood's strength", ("slider",),
                              "How strong: %s" % MOOD).node
        for _ in range(4):
            keyboard.press("Right")
        e2e.wait_for("the mood at 70", lambda: slider_value(strength) == 70)
        tap.result(True, "a suggested mood is added and rated with the keyboard")
        e2e.check_named(tap, e2e.settled(editor), "the moods step")
        keyboard.press("Right", "Alt_L")
        wait_shows(editor, "Step 3 of 7")

        # Step 3: the thought, then Tab to its Hot mark and Space.
        type_into_focus(tap, keyboard, editor, "Thought", THOUGHT, read_back=False)
        keyboard.press("Tab")
        hot = wait_focus(editor, "the Hot mark", ("check box", "radio button"),
                         "Hot Thought").node
        keyboard.press("space")
        import pyatspi
        e2e.wait_for("the thought marked hot",
                     lambda: e2e.states(hot).contains(pyatspi.STATE_CHECKED))
        tap.result(True, "Space marks the hot thought")
        e2e.check_named(tap, e2e.settled(editor), "the thoughts step")
        keyboard.press("Right", "Alt_L")
        wait_shows(editor, "Step 4 of 7")

        type_into_focus(tap, keyboard, editor, "What supports it", EVIDENCE_FOR)
        keyboard.press("Page_Down", "Control_L")
        wait_shows(editor, "Step 5 of 7")
        tap.result(True, "Ctrl+Page Down goes on too")
        type_into_focus(tap, keyboard, editor, "What does not fit", EVIDENCE_AGAINST)
        keyboard.press("Right", "Alt_L")
        wait_shows(editor, "Step 6 of 7")
        type_into_focus(tap, keyboard, editor, "A balanced thought", BALANCED)
        # Past the switch to the slider of how much it is believed.
        keyboard.press("Tab")
        keyboard.press("Tab")
        belief = wait_focus(editor, "how much the balanced thought is believed", ("slider",)).node
        for _ in range(2):
            keyboard.press("Right")
        e2e.wait_for("belief at 60", lambda: slider_value(belief) == 60)
        # Enter, where the focus does not take it, is Next.
        keyboard.press("Return")
        wait_shows(editor, "Step 7 of 7")
        tap.result(True, "Enter presses Next")

        # Step 7: the mood again, starting where it was; distress after.
        again = wait_focus(editor, "the mood rated again", ("slider",), MOOD).node
        tap.result(slider_value(again) == 70, "the mood's new rating starts where it was",
                   "at %d" % slider_value(again))
        for _ in range(4):
            keyboard.press("Left")
        e2e.wait_for("the mood at 50 now", lambda: slider_value(again) == 50)
        keyboard.press("Tab")
        keyboard.press("Tab")
        wait_focus(editor, "the distress rating at the end", ("slider",))
        for _ in range(2):
            keyboard.press("Left")
        e2e.wait_for("distress after rated", lambda: shows(editor, "3 of 10"))
        keyboard.press("Return")
        wait_shows(editor, "Review")

        # What changed, in words; Enter finishes.
        for line in ("%s eased from 70 to 50." % MOOD, "Your distress eased from 7 to 3."):
            e2e.wait_for("the review to say '%s'" % line,
                         lambda: line in e2e.all_text(e2e.snapshot(editor)))
            tap.result(True, "the review says '%s'" % line)
        e2e.check_named(tap, e2e.settled(editor), "the thought record")
        keyboard.press("Return")
        e2e.wait_for("the thought record to close after Finish",
                     lambda: all(e2e.id_of(w) != e2e.id_of(editor)
                                 for w in e2e.windows(steady.app)))
        tap.result(True, "Enter at the review finishes and closes the thought record")
    finally:
        keyboard.close()


def find_in_history(tap, steady):
    """Skills page → History → the thought record's row, which opens it again."""
    journal.choose_page(steady, "Skills")
    seen_nodes = e2e.settled(steady.window)
    button = journal.find_action_node(seen_nodes, ("push button",), "History")
    if button is None:
        raise e2e.StepFailed("no 'History' button with an action on the Skills page")
    e2e.activate(button)

    def row():
        try:
            nodes = e2e.snapshot(steady.window)
        except Exception:  # a row rebuilt while it was read: read again
            return None
        rows = [seen for seen in nodes if seen.name.startswith(EDITOR + ",")
                and e2e.is_laid_out(seen.node)]
        return rows or None
    rows = e2e.wait_for("the thought record in the history", row)
    tap.result(len(rows) == 1, "the history lists the one thought record",
               "rows: %s" % [seen.name for seen in rows])
    tap.result(SITUATION in rows[0].name or SITUATION in e2e.all_text([rows[0]]),
               "its row says what it was about", "row: '%s'" % rows[0].name)

    # GTK 4.8 gives a list row no action for assistive technology: a person opens it from the
    # keyboard, Tab to the row and Enter.
    keyboard = XKeyboard()
    try:
        keyboard.focus_window(e2e.name(steady.window))
        tab_to(keyboard, steady.window, rows[0].name, ("list item",), most=60)
        keyboard.press("Return")
    finally:
        keyboard.close()
    editor = e2e.wait_for("the thought record to open from the history",
                          lambda: next((w for w in e2e.windows(steady.app)
                                        if e2e.name(w) == EDITOR), None))
    e2e.wait_for("the reopened record to show what changed",
                 lambda: "%s eased from 70 to 50." % MOOD in e2e.all_text(e2e.snapshot(editor)))
    tap.result(True, "it opens from the history, finished, with what changed")
    e2e.close_window(steady.app, editor)


def check_saved(tap, env):
    """The record as saved, read from the database file once Steady has quit."""
    path = os.path.join(env["XDG_DATA_HOME"], "steady", "steady.db")
    connection = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    try:
        rows = connection.execute("SELECT finished, distress_before, distress_after, payload"
                                  " FROM skill_record WHERE kind = 'thought-record'").fetchall()
    finally:
        connection.close()
    tap.result(len(rows) == 1, "one thought record is saved", "rows: %d" % len(rows))
    if len(rows) != 1:
        return
    finished, before, after, payload = rows[0]
    answers = json.loads(payload)
    tap.result(finished == 1 and before == 7 and after == 3,
               "it is saved finished, with distress 7 before and 3 after",
               "finished %s, before %s, after %s" % (finished, before, after))
    thoughts = answers.get("thoughts", [])
    tap.result(thoughts == [{"text": THOUGHT, "hot": True}],
               "the thought typed in its entry is saved, marked hot", "saved: %s" % thoughts)
    moods = answers.get("moods", [])
    tap.result(moods == [{"name": MOOD, "before": 70, "after": 50}],
               "the mood is saved with both ratings", "saved: %s" % moods)
    tap.result(answers.get("situation") == SITUATION and answers.get("belief") == 60,
               "the situation and the belief rating are saved as typed")


def run(args, tap):
    def body(env, started):
        steady = safety.Steady(args, env, tap)
        started.append(steady)
        steady.start()
        tap.result(True, "steady appears in the accessibility tree")
        editor = open_thought_record(steady)
        tap.result(e2e.name(editor) == EDITOR, "the Skills page opens a thought record",
                   "opened: '%s'" % e2e.name(editor))
        e2e.check_named(tap, e2e.settled(editor), "the thought record's first step")
        complete_with_keyboard(tap, steady, editor)
        status = steady.stop()
        tap.result(status == 0, "steady quits cleanly after the thought record",
                   None if status == 0 else "exit status %s" % status)
        steady.kill()
        check_saved(tap, env)

        steady = safety.Steady(args, env, tap)
        started.append(steady)
        steady.start()
        find_in_history(tap, steady)
        status = steady.stop()
        tap.result(status == 0, "steady quits cleanly after the history",
                   None if status == 0 else "exit status %s" % status)

    e2e.run_in_private_session(tap, "steady-e2e-skills-", args.region, body)


def main():
    return e2e.feature_main(os.path.abspath(__file__),
                            "Completes a thought record with the keyboard alone, through "
                            "steady's accessibility tree.", run, safety.CRISIS)


if __name__ == "__main__":
    sys.exit(main())
