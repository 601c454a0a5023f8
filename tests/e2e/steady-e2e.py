#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# steady-e2e.py: drives the real steady binary through the accessibility tree (AT-SPI), as a
# screen reader or a person would, and prints TAP.
#
# Runs with the system interpreter, the only one with Debian's python3-pyatspi. Each run gets
# its own D-Bus session and accessibility bus, so another Steady on the machine (or another
# test) can neither receive our activation nor show up in our tree.

import argparse
import ctypes
import importlib.util
import locale
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time

POLL_INTERVAL = 0.05
# Generous: the same script drives an AddressSanitizer build on a loaded 2-core machine.
APPEAR_TIMEOUT = 90.0
STEP_TIMEOUT = 30.0
# How long one AT-SPI call may wait for steady's answer (libatspi's default is 0.8 s, which an
# AddressSanitizer build building the About window on a busy machine does not always make).
ATSPI_CALL_TIMEOUT_MS = 20000

PAGES = ["Today", "Calendar", "Skills", "Journal"]
HELP_BUTTON = "Get help now"

# Roles a person operates. Each must tell a screen reader what it does.
CONTROL_ROLES = {
    "push button", "toggle button", "check box", "radio button", "switch", "page tab",
    "menu item", "check menu item", "radio menu item", "combo box", "spin button", "slider",
    "link",
}
# Windows are announced by their name when they open.
WINDOW_ROLES = {"frame", "dialog", "alert", "window", "file chooser"}
# What GTK falls back to when a widget has no accessible name: its type name.
TYPE_NAME_RE = re.compile(r"^(Gtk|Adw|Gdk|Steady)[A-Z][A-Za-z0-9]*$")
# A name given twice (an accessible label on top of the label of the row it sits in): a screen
# reader says it twice.
DOUBLED_NAME_RE = re.compile(r"^(.+) \1$")

# Windows that Steady opens from its primary menu, by menu item, and the unnamed controls that
# GTK 4.8 and libadwaita 1.2 themselves put in them. Steady cannot name those without reaching
# into the toolkit's private children; anything else unnamed in these windows still fails.
MENU_WINDOWS = {
    "Preferences": [],
    "Share with My Therapist…": [],
    "Keyboard Shortcuts": [
        ("GtkShortcutsWindow's search button",
         lambda seen: seen.role == "push button" and seen.name == "GtkImage"),
        ("GtkShortcutsWindow's section menu",
         lambda seen: seen.role == "push button" and seen.name == "GtkMenuButton"),
    ],
    "About Steady": [
        ("AdwAboutWindow's Back buttons",
         lambda seen: seen.role == "push button" and seen.name == "GtkImage"
         and seen.node.description == "Back"),
        ("AdwAboutWindow's version button",
         lambda seen: seen.role == "push button" and seen.name == "GtkButton"
         and re.match(r"^\d+(\.\d+)+", " ".join(page_text(seen.node))) is not None),
        ("AdwAboutWindow's troubleshooting buttons",
         lambda seen: seen.role == "push button"
         and re.match(r"^_(Copy Text|Save as…)", seen.name) is not None),
    ],
}

# Dialogs that close with a button of their own (Cancel beside the action) instead of a window
# Close control, by menu item.
MENU_WINDOW_CLOSERS = {
    "Export Data…": "Cancel",
}
MENU_WINDOWS["Export Data…"] = []
# Menu windows checked by a run of their own (--menu-window ITEM), which keeps the main run
# short enough for a sanitizer build on a loaded machine.
SEPARATE_MENU_WINDOWS = {"Export Data…"}

# What the help dialog must say, per region (numbers from CONTENT.md). A number must be shown
# on its own, to read out or copy, not only inside a name such as "988 Suicide & Crisis Lifeline".
REGIONS = {
    "US": {"locale": "en_US", "crisis": r"988", "emergency": r"911", "absent": r"116\s?123"},
    "GB": {"locale": "en_GB", "crisis": r"116\s?123", "emergency": r"999",
           "absent": r"(?<!\d)988(?!\d)"},
}
NOT_MONITORED_RE = re.compile(r"(\bnot\b|n[’']t\b)\s+(being\s+)?monitored", re.IGNORECASE)

PR_SET_CHILD_SUBREAPER = 36

# Warnings and criticals of steady fail the test, as G_DEBUG=fatal-warnings makes them do in
# the other tests; here they are read from its stderr instead of aborting it, because one GTK
# 4.8 critical is set off by an accessibility client itself, now and then, when a window or
# popover appears before its accessible object is on the bus (newer GTK returns a null
# reference there). Each known toolkit message is matched exactly; anything else fails.
LOG_PROBLEM_RE = re.compile(r"-(WARNING|CRITICAL) \*\*|ERROR: AddressSanitizer|runtime error:")
KNOWN_TOOLKIT_MESSAGES = [
    ("GTK 4.8 AT-SPI: an object reference to an accessible not yet on the bus",
     re.compile(r"^\(steady:\d+\): GLib-CRITICAL \*\*: [\d:.]+: g_variant_is_object_path: "
                r"assertion 'string != NULL' failed$")),
]


class StepFailed(Exception):
    pass


class Tap:
    def __init__(self):
        self.count = 0
        self.failed = 0

    def diag(self, text):
        for line in str(text).splitlines() or [""]:
            print("# " + line, flush=True)

    def result(self, ok, name, detail=None):
        self.count += 1
        if not ok:
            self.failed += 1
        print("%s %d - %s" % ("ok" if ok else "not ok", self.count, name), flush=True)
        if detail:
            self.diag(detail)

    def finish(self):
        print("1..%d" % self.count, flush=True)
        return 1 if self.failed else 0


def wait_for(what, predicate, timeout=STEP_TIMEOUT):
    """Polls @predicate until it returns something true; raises StepFailed after @timeout."""
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            value = predicate()
            if value:
                return value
        except StepFailed:
            raise
        except Exception as error:  # the tree changes under us while we read it
            last_error = error
        if time.monotonic() > deadline:
            message = "timed out after %.0f s waiting for %s" % (timeout, what)
            if last_error is not None:
                message += " (last error: %s)" % last_error
            raise StepFailed(message)
        time.sleep(POLL_INTERVAL)


# ---------------------------------------------------------------------------------------------
# A private session: D-Bus, the accessibility bus, and cleaning up after them.

class PrivateSession:
    """A D-Bus session bus of our own, with the accessibility bus activated on it.

    The a11y bus launcher is started without DISPLAY, so it does not publish its address on the
    X root window, where GTK programs of other tests sharing the display would find it."""

    def __init__(self, workdir):
        self.workdir = workdir
        self.daemon = None
        self.address = None
        self.a11y_address = None
        self.runtime_dir = os.path.join(workdir, "runtime")

    def start(self):
        os.mkdir(self.runtime_dir, 0o700)
        env = dict(os.environ)
        env.pop("DISPLAY", None)
        env.pop("AT_SPI_BUS_ADDRESS", None)
        env["XDG_RUNTIME_DIR"] = self.runtime_dir
        self.daemon = subprocess.Popen(
            dies_with_us(["dbus-daemon", "--session", "--nofork", "--nopidfile",
                          "--print-address=1"]),
            stdout=subprocess.PIPE, env=env, text=True)
        self.address = self.daemon.stdout.readline().strip()
        if not self.address:
            raise StepFailed("dbus-daemon did not print its address")
        os.environ["DBUS_SESSION_BUS_ADDRESS"] = self.address

        from gi.repository import Gio, GLib
        bus = Gio.DBusConnection.new_for_address_sync(
            self.address,
            Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT |
            Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION, None, None)
        reply = bus.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress",
                              None, GLib.VariantType("(s)"), Gio.DBusCallFlags.NONE, 30000, None)
        self.a11y_address = reply.unpack()[0]
        bus.close_sync(None)
        # Both libatspi (here) and GTK (in steady) prefer this over anything else.
        os.environ["AT_SPI_BUS_ADDRESS"] = self.a11y_address

    def stop(self):
        if self.daemon is not None and self.daemon.poll() is None:
            self.daemon.terminate()
            try:
                self.daemon.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.daemon.kill()
                self.daemon.wait()


def dies_with_us(argv):
    """Prefixes @argv so the process is killed if this script dies without cleaning up
    (killed by a timeout), instead of holding the test's output open."""
    setpriv = shutil.which("setpriv")
    return [setpriv, "--pdeathsig", "KILL", "--"] + argv if setpriv else argv


def become_subreaper():
    """Orphaned descendants (the a11y bus launcher, the registry) are re-parented to us, so we
    can make sure none of them outlives the test."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def child_pids():
    me = str(os.getpid())
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[1] == me:
            pids.append(int(entry))
    return pids


def reap_descendants(timeout=10.0):
    """Waits for our remaining descendants to exit, then ends those that did not. Call only after
    every Popen has been waited for, or waitpid would steal their exit status."""
    deadline = time.monotonic() + timeout
    signalled = False
    while True:
        try:
            while True:
                pid, _ = os.waitpid(-1, os.WNOHANG)
                if pid == 0:
                    break
        except ChildProcessError:
            return
        if not child_pids():
            return
        if time.monotonic() > deadline and not signalled:
            for pid in child_pids():
                try:
                    os.kill(pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
            signalled = True
            deadline = time.monotonic() + 5
        elif time.monotonic() > deadline:
            for pid in child_pids():
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        time.sleep(POLL_INTERVAL)


# ---------------------------------------------------------------------------------------------
# Reading the accessible tree.

def role(node):
    return node.getRoleName()


def name(node):
    return node.name or ""


def children(node):
    return [node.getChildAtIndex(i) for i in range(node.childCount)]


def n_actions(node):
    try:
        return node.queryAction().nActions
    except NotImplementedError:
        return 0


def states(node):
    return node.getState()


class Seen:
    """One node as a walk saw it. Role and name are read once: every read is a D-Bus round trip
    to steady, slow under AddressSanitizer on a loaded machine."""

    __slots__ = ("node", "role", "name", "path")

    def __init__(self, node, parent_path):
        self.node = node
        self.role = role(node)
        self.name = name(node)
        label = "%s '%s'" % (self.role, self.name) if self.name else self.role
        self.path = parent_path + (label,)


def walk(node, parent_path=()):
    """Yields a Seen for @node and every descendant, parents first."""
    seen = Seen(node, parent_path)
    yield seen
    for child in children(node):
        if child is not None:
            yield from walk(child, seen.path)


def describe(path):
    """A path a person can follow: runs of unnamed containers are folded into one step."""
    steps = []
    for part in path:
        folded = re.fullmatch(r"(panel|filler)(?:×(\d+))?", steps[-1]) if steps else None
        if folded and part == folded.group(1):
            steps[-1] = "%s×%d" % (part, int(folded.group(2) or 1) + 1)
        else:
            steps.append(part)
    return " > ".join(steps)


def inside(path, roles):
    return any(part.split(" '")[0] in roles for part in path[:-1])


def text_of(node):
    """Everything a screen reader could read out from this node."""
    parts = [name(node), node.description or ""]
    try:
        text = node.queryText()
        parts.append(text.getText(0, -1))
    except NotImplementedError:
        pass
    return "\n".join(p for p in parts if p)


def snapshot(root):
    """Every node under @root, read again from the start if the tree changed while we read."""
    for attempt in range(3):
        try:
            return list(walk(root))
        except Exception:
            if attempt == 2:
                raise
            time.sleep(POLL_INTERVAL)


def all_text(seen_nodes):
    return "\n".join(text_of(seen.node) for seen in seen_nodes)


def extents(node):
    import pyatspi
    # Window coordinates: GTK warns about screen coordinates, and a warning fails the test.
    box = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    return box.width, box.height


def is_laid_out(node):
    try:
        width, height = extents(node)
    except NotImplementedError:
        return False
    return width > 0 and height > 0


def activate(node):
    action = node.queryAction()
    if action.nActions < 1:
        raise StepFailed("%s '%s' has no action to activate" % (role(node), name(node)))
    action.doAction(0)


# ---------------------------------------------------------------------------------------------
# The application.

def find_app(pid):
    import pyatspi
    desktop = pyatspi.Registry.getDesktop(0)
    for app in children(desktop):
        if app is not None and app.get_process_id() == pid:
            return app
    return None


def windows(app):
    app.clear_cache()
    return [w for w in children(app) if w is not None]


def main_window(app):
    for window in windows(app):
        if any(seen.role == "page tab" and seen.name == PAGES[0] for seen in walk(window)):
            return window
    return None


def page_tabs(window):
    """Every page switcher button: the header's wide and narrow switchers and the bottom bar."""
    return [seen for seen in walk(window) if seen.role == "page tab"]


def selected_tabs(tabs):
    import pyatspi
    return sorted({seen.name for seen in tabs
                   if states(seen.node).contains(pyatspi.STATE_SELECTED)})


def find_view_stack(window, tabs):
    """The node holding one child per page: outside the switchers, with as many children as there
    are pages, of which only the visible one (the selected tab's) has been laid out so far.
    Returns (stack, index of the visible page)."""
    selected = selected_tabs(tabs)
    if len(selected) != 1 or selected[0] not in PAGES:
        return None
    first = PAGES.index(selected[0])
    found = []
    for seen in walk(window):
        if inside(seen.path, {"page tab list"}) or seen.role == "page tab list":
            continue
        if seen.node.childCount != len(PAGES):
            continue
        node = seen.node
        kids = children(node)
        laid_out = [i for i, kid in enumerate(kids) if is_laid_out(kid)]
        if laid_out == [first]:
            found.append(node)
    if len(found) != 1:
        return None
    return found[0], first


def page_text(page):
    return [seen.name for seen in walk(page) if seen.role == "label" and seen.name]


def naming_problem(seen):
    label = seen.name.strip()
    if not label:
        return "no accessible name"
    if TYPE_NAME_RE.match(label):
        return "named after its type"
    if label.startswith("_"):
        return "name shows a raw mnemonic underscore"
    if DOUBLED_NAME_RE.match(label):
        return "name says the same words twice"
    return None


def unnamed_controls(seen_nodes, toolkit_rules=()):
    """Returns (problems, toolkit): controls a screen reader cannot name usefully, and those
    among them that match a known toolkit defect in @toolkit_rules."""
    problems = []
    toolkit = []
    for seen in seen_nodes:
        if seen.role not in CONTROL_ROLES and seen.role not in WINDOW_ROLES:
            continue
        why = naming_problem(seen)
        if why is None:
            continue
        node, path = seen.node, seen.path
        rule = next((what for what, matches in toolkit_rules if matches(seen)), None)
        if rule is not None:
            toolkit.append("%s: %s" % (describe(path), rule))
            continue
        hint = ""
        kids = [k for k in children(node) if k is not None]
        if n_actions(node) == 0 and any(role(k) == "push button" and n_actions(k) > 0
                                        for k in kids):
            hint = " (outer node of a GtkMenuButton: give the menu button an accessible label)"
        if node.description:
            hint += " (tooltip/description: '%s')" % node.description
        problems.append("%s: %s%s" % (describe(path), why, hint))
    return problems, toolkit


# ---------------------------------------------------------------------------------------------
# The steps.

def check_pages(tap, window):
    """Activates each page's switcher button by name and checks the page really changed."""
    try:
        tabs = page_tabs(window)
        stack, first = wait_for("one node holding the %d pages, only the selected one laid out"
                                % len(PAGES), lambda: find_view_stack(window, tabs))
    except StepFailed as error:
        tap.result(False, "the pages are in the accessibility tree", str(error))
        return
    pages = children(stack)
    seen_text = {first: page_text(pages[first])}
    previous = first
    # Every other page once, then back to the first.
    order = [(first + i) % len(PAGES) for i in range(1, len(PAGES))] + [first]
    problems = []
    help_button = find_help_button(window)
    for index in order:
        title = PAGES[index]
        buttons = [seen.node for seen in tabs if seen.name == title and n_actions(seen.node) > 0]
        if not buttons:
            problems.append("no switcher button named '%s' with an action" % title)
            continue
        first_visit = index not in seen_text
        if first_visit and is_laid_out(pages[index]):
            problems.append("page '%s' was laid out before it was chosen" % title)
        activate(buttons[0])
        try:
            wait_for("'%s' to be the only selected page tab" % title,
                     lambda: selected_tabs(tabs) == [title])
            if first_visit:
                wait_for("page '%s' to be laid out" % title, lambda: is_laid_out(pages[index]))
        except StepFailed as error:
            problems.append(str(error))
            continue
        if help_button is None or not is_laid_out(help_button):
            problems.append("no '%s' button is shown on page '%s'" % (HELP_BUTTON, title))
        text = page_text(pages[index])
        if not text:
            problems.append("page '%s' shows no text at all" % title)
        elif first_visit and text == seen_text[previous]:
            problems.append("page '%s' shows the same text as '%s': %s"
                            % (title, PAGES[previous], text))
        seen_text[index] = text
        tap.diag("page '%s': %s" % (title, " | ".join(text[:3])))
        previous = index
    tap.result(not problems, "each page's switcher button (%s) shows its page, with '%s'"
               % (", ".join(PAGES), HELP_BUTTON),
               "\n".join(problems))


def check_named(tap, seen_nodes, what, toolkit_rules=()):
    problems, toolkit = unnamed_controls(seen_nodes, toolkit_rules)
    if toolkit:
        tap.diag("left alone in %s, unnamed by the toolkit itself (GTK 4.8 / libadwaita 1.2):\n%s"
                 % (what, "\n".join(toolkit)))
    tap.result(not problems, "every control in %s has a usable accessible name" % what,
               "%d control(s) without one:\n" % len(problems) + "\n".join(problems)
               if problems else None)


def settled(window):
    """Waits until the window's tree stops growing, so a walk sees all of it; returns the last
    walk's nodes."""
    walks = []

    def same_twice():
        walks.append(snapshot(window))
        return len(walks) >= 2 and len(walks[-1]) == len(walks[-2]) and len(walks[-1]) > 1
    wait_for("the window's accessible tree to settle", same_twice)
    return walks[-1]


def window_close_button(window, seen_nodes=None):
    """The window control a person clicks to close @window (windows with several header bars,
    like the About window, have one per page: only one is laid out)."""
    buttons = [seen.node for seen in (seen_nodes or walk(window))
               if seen.role == "push button" and seen.name == "Close"
               and (seen.node.description or "").lower().startswith("close the window")
               and n_actions(seen.node) > 0]
    laid_out = [b for b in buttons if is_laid_out(b)]
    if not laid_out:
        raise StepFailed("%s '%s' has no Close window control" % (role(window), name(window)))
    return laid_out[0]


def dialog_button(window, label, seen_nodes=None):
    """The laid-out push button called @label (mnemonic underscores ignored) in @window."""
    buttons = [seen.node for seen in (seen_nodes or walk(window))
               if seen.role == "push button" and seen.name.replace("_", "") == label
               and n_actions(seen.node) > 0 and is_laid_out(seen.node)]
    if not buttons:
        raise StepFailed("%s '%s' has no '%s' button" % (role(window), name(window), label))
    return buttons[0]


def close_window(app, window, seen_nodes=None, closer=None):
    activate(dialog_button(window, closer, seen_nodes) if closer
             else window_close_button(window, seen_nodes))
    wait_for("%s '%s' to close" % (role(window), name(window)),
             lambda: all(id_of(w) != id_of(window) for w in windows(app)))


def open_from_menu(app, window, item):
    """Opens the primary menu and chooses @item; returns the window it opens."""
    menu_buttons = [seen.node for seen in walk(window)
                    if seen.role == "push button" and seen.name == "Main Menu"
                    and n_actions(seen.node) > 0]
    if not menu_buttons:
        raise StepFailed("no 'Main Menu' button with an action in the main window")
    before = set(id_of(w) for w in windows(app))
    activate(menu_buttons[0])
    # The menu is a popover inside the menu button (the outer of its two nodes).
    menu_root = menu_buttons[0].parent or window
    entry = wait_for("the menu item '%s'" % item,
                     lambda: next((seen.node for seen in walk(menu_root)
                                   if seen.role == "menu item" and seen.name == item
                                   and n_actions(seen.node) > 0), None))
    activate(entry)
    return wait_for("a window to open from '%s'" % item,
                    lambda: next((w for w in windows(app) if id_of(w) not in before), None))


def check_menu_windows(tap, app, window, only=None):
    """Every window of the primary menu (or those in @only) opens, names its controls, and
    closes."""
    items = only or [item for item in MENU_WINDOWS if item not in SEPARATE_MENU_WINDOWS]
    for item in items:
        toolkit_rules = MENU_WINDOWS.get(item, [])
        try:
            opened = open_from_menu(app, window, item)
            seen_nodes = settled(opened)
        except StepFailed as error:
            tap.result(False, "'%s' in the primary menu opens a window" % item, str(error))
            continue
        tap.result(True, "'%s' in the primary menu opens %s '%s'"
                   % (item, role(opened), name(opened)))
        check_named(tap, seen_nodes, "the '%s' window" % item, toolkit_rules)
        closer = MENU_WINDOW_CLOSERS.get(item)
        with_what = "its %s button" % (closer or "Close")
        try:
            close_window(app, opened, seen_nodes, closer)
            tap.result(True, "the '%s' window closes with %s" % (item, with_what))
        except StepFailed as error:
            tap.result(False, "the '%s' window closes with %s" % (item, with_what), str(error))


def find_help_button(window):
    buttons = [seen.node for seen in walk(window)
               if seen.role == "push button" and seen.name.replace("_", "") == HELP_BUTTON
               and n_actions(seen.node) > 0]
    laid_out = [b for b in buttons if is_laid_out(b)]
    return (laid_out or buttons or [None])[0]


def check_help(tap, app, window, region):
    """Opens "Get help now", reads what it says, checks every control in it, and closes it."""
    expected = REGIONS[region]
    before = set(id_of(w) for w in windows(app))
    button = find_help_button(window)
    if button is None:
        tap.result(False, "a '%s' button is in the main window" % HELP_BUTTON)
        return False
    tap.result(True, "a '%s' button is in the main window" % HELP_BUTTON)
    activate(button)
    try:
        dialog = wait_for("a window to open after '%s'" % HELP_BUTTON,
                          lambda: next((w for w in windows(app) if id_of(w) not in before), None))
        seen_nodes = settled(dialog)
    except StepFailed as error:
        tap.result(False, "the help window opens", str(error))
        return False

    text = all_text(seen_nodes)
    shown = [line.strip() for line in dict.fromkeys(text.splitlines())
             if line.strip() and not TYPE_NAME_RE.match(line.strip())]
    tap.diag("help window (%s '%s'):\n  %s" % (role(dialog), name(dialog), "\n  ".join(shown)))

    def shown_alone(pattern):
        return any(re.fullmatch(pattern, line) for line in shown)
    tap.result(shown_alone(expected["crisis"]),
               "the help window shows the %s crisis line number" % region)
    tap.result(shown_alone(expected["emergency"]),
               "the help window shows the %s emergency number" % region)
    tap.result(re.search(expected["absent"], text) is None,
               "the help window shows no other region's crisis line")
    tap.result(NOT_MONITORED_RE.search(text) is not None,
               "the help window says plainly that Steady is not monitored")
    check_named(tap, seen_nodes, "the help window")

    try:
        close_window(app, dialog, seen_nodes)
        tap.result(True, "the help window closes with its Close button")
    except StepFailed as error:
        tap.result(False, "the help window closes with its Close button", str(error))
        return False
    return True


def id_of(node):
    """A stable identity for an accessible of our one application: its object path."""
    return node.path


def check_data_files(tap, data_home):
    folder = os.path.join(data_home, "steady")
    database = os.path.join(folder, "steady.db")
    if not os.path.isfile(database):
        tap.result(False, "the database file exists", "missing: steady/steady.db under "
                   "XDG_DATA_HOME; found: %s" % sorted(os.listdir(data_home)))
        return
    tap.result(True, "the database file exists")
    problems = []
    for root, dirs, files in os.walk(folder):
        for entry in dirs + files:
            full = os.path.join(root, entry)
            mode = stat.S_IMODE(os.lstat(full).st_mode)
            want = 0o700 if entry in dirs else 0o600
            if mode != want:
                problems.append("%s is %04o, not %04o" % (os.path.relpath(full, data_home),
                                                          mode, want))
    folder_mode = stat.S_IMODE(os.stat(folder).st_mode)
    if folder_mode != 0o700:
        problems.append("steady/ is %04o, not 0700" % folder_mode)
    tap.result(not problems, "the data folder is 0700 and every file in it 0600 (umask 022)",
               "\n".join(problems))


# ---------------------------------------------------------------------------------------------

def pick_locale(region):
    """Prefers the real locale (e.g. en_US.UTF-8). Where it is not installed, GTK would warn
    (a test failure), so fall back to C.UTF-8 and name the language in LANGUAGE, which is where
    GLib's language list, and so Steady's region, comes from first."""
    wanted = REGIONS[region]["locale"] + ".UTF-8"
    saved = locale.setlocale(locale.LC_ALL)
    try:
        locale.setlocale(locale.LC_ALL, wanted)
        return {"LANG": wanted, "LC_ALL": wanted}
    except locale.Error:
        return {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "LANGUAGE": REGIONS[region]["locale"]}
    finally:
        locale.setlocale(locale.LC_ALL, saved)


def child_environment(workdir, region):
    env = dict(os.environ)
    for key in list(env):
        if key.startswith("LC_") or key in ("LANG", "LANGUAGE"):
            del env[key]
    env.update(pick_locale(region))
    for xdg in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        path = os.path.join(workdir, xdg.lower())
        os.mkdir(path, 0o700)
        env[xdg] = path
    env["GSETTINGS_BACKEND"] = "memory"
    env.setdefault("GSK_RENDERER", "cairo")
    # Not fatal: see LOG_PROBLEM_RE. G_DEBUG would also make libatspi's harmless warnings in
    # this script fatal, so main() drops it from our own environment too.
    env.pop("G_DEBUG", None)
    # GTK keeps caches for the life of the process; leaks are the unit tests' business.
    asan = env.get("ASAN_OPTIONS", "")
    env["ASAN_OPTIONS"] = (asan + ":" if asan else "") + "detect_leaks=0"
    env.pop("STEADY_BENCH_FIRST_FRAME", None)
    return env


class StderrWatch:
    """Passes steady's stderr through to ours, line by line, and keeps what it must not say."""

    def __init__(self, stream):
        self.problems = []
        self.toolkit = []
        self.thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self.thread.start()

    def _read(self, stream):
        for raw in iter(stream.readline, b""):
            line = raw.decode("utf-8", "replace").rstrip("\n")
            sys.stderr.write(line + "\n")
            if not LOG_PROBLEM_RE.search(line):
                continue
            known = next((what for what, pattern in KNOWN_TOOLKIT_MESSAGES
                          if pattern.match(line)), None)
            (self.toolkit if known else self.problems).append(
                "%s (%s)" % (line, known) if known else line)
        stream.close()

    def finish(self, timeout=10.0):
        self.thread.join(timeout)


def run(args, tap):
    workdir = tempfile.mkdtemp(prefix="steady-e2e-")
    session = PrivateSession(workdir)
    app_process = None
    stderr_watch = None
    try:
        # pyatspi is imported only after this, so that it connects to our accessibility bus.
        session.start()
        import pyatspi
        pyatspi.setTimeout(ATSPI_CALL_TIMEOUT_MS, ATSPI_CALL_TIMEOUT_MS)

        env = child_environment(workdir, args.region)
        tap.diag("steady: %s; locale: %s" % (args.steady, ", ".join(
            "%s=%s" % kv for kv in sorted(pick_locale(args.region).items()))))
        # Under a permissive umask, Steady itself must keep its files private.
        old_umask = os.umask(0o022)
        try:
            app_process = subprocess.Popen(dies_with_us([args.steady]), env=env,
                                           stderr=subprocess.PIPE)
        finally:
            os.umask(old_umask)
        stderr_watch = StderrWatch(app_process.stderr)

        def appeared():
            if app_process.poll() is not None:
                raise StepFailed("steady exited with status %d before its window appeared"
                                 % app_process.returncode)
            app = find_app(app_process.pid)
            if app is None or name(app) != "steady":
                return None
            window = main_window(app)
            return (app, window) if window is not None else None

        try:
            app, window = wait_for("steady's window in the accessibility tree", appeared,
                                   timeout=APPEAR_TIMEOUT)
        except StepFailed as error:
            tap.result(False, "steady appears in the accessibility tree as 'steady'", str(error))
            return
        tap.result(True, "steady appears in the accessibility tree as 'steady'")

        if args.menu_window:
            check_menu_windows(tap, app, window, args.menu_window)
        if not args.help_only and not args.menu_window:
            check_pages(tap, window)
            check_named(tap, snapshot(window), "the main window")
        if not args.menu_window:
            check_help(tap, app, window, args.region)
        if not args.help_only and not args.menu_window:
            check_menu_windows(tap, app, window)
            # The pages, the dialog and the menu may have added widgets: look at every window
            # again, the primary menu's items included.
            for other in windows(app):
                check_named(tap, snapshot(other), "%s '%s' at the end"
                            % (role(other), name(other)))

        close_button = window_close_button(window)
        try:
            activate(close_button)
        except Exception as error:
            # Steady may quit before it answers the click: what counts is how it exits.
            tap.diag("closing the window: %s" % error)
        try:
            status = app_process.wait(timeout=STEP_TIMEOUT)
        except subprocess.TimeoutExpired:
            tap.result(False, "steady quits when its window is closed",
                       "still running %.0f s after the window was closed" % STEP_TIMEOUT)
            return
        tap.result(status == 0, "steady quits cleanly (status 0) when its window is closed",
                   None if status == 0 else "exit status %d" % status)
        check_data_files(tap, env["XDG_DATA_HOME"])
    except StepFailed as error:
        tap.result(False, "the test could run to the end", str(error))
    except Exception as error:  # D-Bus or AT-SPI failing under us: say what, not a traceback
        tap.result(False, "the test could run to the end",
                   "%s: %s" % (type(error).__name__, error))
    finally:
        if app_process is not None and app_process.poll() is None:
            app_process.terminate()
            try:
                app_process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                app_process.kill()
                app_process.wait()
        if stderr_watch is not None:
            stderr_watch.finish()
            if stderr_watch.toolkit:
                tap.diag(TOOLKIT_NOTE + "\n" + "\n".join(stderr_watch.toolkit))
            tap.result(not stderr_watch.problems,
                       "steady printed no warning, critical or sanitizer report",
                       "\n".join(stderr_watch.problems))
        session.stop()
        reap_descendants()
        shutil.rmtree(workdir, ignore_errors=True)


def run_in_private_session(tap, prefix, region, body):
    """Runs body(env, started) in a private D-Bus session with its own accessibility bus and a
    fresh work folder named after @prefix; env is steady's environment there. Whatever
    happens, every steady that body appended to started is killed at the end, and a step
    that fails becomes a failed TAP line, not a traceback. For the feature scripts."""
    workdir = tempfile.mkdtemp(prefix=prefix)
    session = PrivateSession(workdir)
    started = []
    try:
        session.start()
        import pyatspi
        pyatspi.setTimeout(ATSPI_CALL_TIMEOUT_MS, ATSPI_CALL_TIMEOUT_MS)
        body(child_environment(workdir, region), started)
    except StepFailed as error:
        tap.result(False, "the test could run to the end", str(error))
    except Exception as error:  # D-Bus or AT-SPI failing under us: say what, not a traceback
        tap.result(False, "the test could run to the end",
                   "%s: %s" % (type(error).__name__, error))
    finally:
        for steady in started:
            steady.kill()
        session.stop()
        reap_descendants()
        shutil.rmtree(workdir, ignore_errors=True)


def feature_main(script, description, run, regions):
    """The main() of a feature script such as steady-e2e-calendar.py: parses --steady and
    --region (one of @regions), checks for pyatspi and a display, then run(args, tap) with
    retries on a known toolkit defect. Returns the exit code."""
    os.environ.pop("G_DEBUG", None)
    # A timeout ends us with SIGTERM: leave through the finally blocks, which end steady.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))

    retried = run_retrying_on_toolkit_defect(script)
    if retried is not None:
        return retried

    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--steady", required=True, help="the steady executable to test")
    parser.add_argument("--region", choices=sorted(regions), default="US")
    args = parser.parse_args()

    tap = Tap()
    if importlib.util.find_spec("pyatspi") is None:
        tap.result(False, "pyatspi is importable",
                   "run this with /usr/bin/python3 and install python3-pyatspi")
        return tap.finish()
    if not os.environ.get("DISPLAY"):
        tap.result(False, "a display is available", "run under xvfb-run -a")
        return tap.finish()
    become_subreaper()
    run(args, tap)
    return tap.finish()


TOOLKIT_NOTE = "left alone, from the toolkit:"


TOOLKIT_ATTEMPTS = 3


def run_retrying_on_toolkit_defect(script):
    """Runs @script again in a child and prints its TAP. When a run fails after steady printed
    one of the known GTK 4.8 AT-SPI criticals, that run says nothing about Steady (the
    toolkit's accessibility connection can break after it, and under AddressSanitizer on a
    busy machine the toolkit then crashes), so it is run again, up to TOOLKIT_ATTEMPTS runs
    in all, and the failed runs' output is kept as comments. Any other failure stands.
    Returns the exit code, or None when called inside such a child run."""
    if os.environ.get("STEADY_E2E_ATTEMPT"):
        return None
    for attempt in range(1, TOOLKIT_ATTEMPTS + 1):
        env = dict(os.environ, STEADY_E2E_ATTEMPT=str(attempt))
        child = subprocess.run([sys.executable, script] + sys.argv[1:], env=env,
                               stdout=subprocess.PIPE, text=True)
        retry = (child.returncode != 0 and TOOLKIT_NOTE in child.stdout
                 and attempt < TOOLKIT_ATTEMPTS)
        if not retry:
            sys.stdout.write(child.stdout)
            sys.stdout.flush()
            return child.returncode
        print("# attempt %d failed after a known GTK 4.8 AT-SPI critical; its output:" % attempt)
        for line in child.stdout.splitlines():
            print("#   " + line)
        print("# running once more", flush=True)
    return 1


def main():
    retried = run_retrying_on_toolkit_defect(os.path.abspath(__file__))
    if retried is not None:
        return retried
    os.environ.pop("G_DEBUG", None)
    # A timeout ends us with SIGTERM: leave through the finally blocks, which end steady.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))

    parser = argparse.ArgumentParser(
        description="Drives steady through the accessibility tree and prints TAP.")
    parser.add_argument("--steady", required=True, help="the steady executable to test")
    parser.add_argument("--region", choices=sorted(REGIONS), default="US",
                        help="run in this region's locale and expect its crisis line")
    parser.add_argument("--help-only", action="store_true",
                        help="only check the help window (for the second region)")
    parser.add_argument("--menu-window", action="append", metavar="ITEM",
                        help="only check the window this primary menu item opens")
    args = parser.parse_args()

    tap = Tap()
    # Only look for it here: importing it would connect to an accessibility bus too early.
    if importlib.util.find_spec("pyatspi") is None:
        tap.result(False, "pyatspi is importable",
                   "run this with /usr/bin/python3 and install python3-pyatspi")
        return tap.finish()
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        tap.result(False, "a display is available", "run under xvfb-run -a")
        return tap.finish()
    if not os.access(args.steady, os.X_OK):
        tap.result(False, "the steady executable exists", args.steady)
        return tap.finish()

    become_subreaper()
    run(args, tap)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
