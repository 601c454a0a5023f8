#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks one translation: msgfmt --check passes, and against the strings in the sources today
# (extracted the way Meson's glib preset does) nothing is untranslated or fuzzy.
set -euo pipefail
srcdir=$1
lang=$2
po="$srcdir/po/$lang.po"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

msgfmt --check --check-format -o /dev/null "$po"

cd "$srcdir"
grep -v '^#' po/POTFILES.in | grep -v '^$' > "$work/files"

# Every source file with a marked string must be listed, or its strings are never translated.
grep -rlE '(^|[^A-Za-z0-9_])(N?C?_)\(|translatable="yes"' src --include='*.c' --include='*.ui' \
  | sort > "$work/marked"
unlisted=$(sort "$work/files" | comm -13 - "$work/marked")
if [ -n "$unlisted" ]; then
  echo "These files have translatable strings but are not in po/POTFILES.in:"
  echo "$unlisted"
  exit 1
fi
xgettext --package-name=steady --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --files-from="$work/files" -o "$work/steady.pot"

msgmerge --quiet --no-fuzzy-matching "$po" "$work/steady.pot" -o "$work/merged.po"
stats=$(msgfmt --statistics -o /dev/null "$work/merged.po" 2>&1)
echo "$lang: $stats"
case "$stats" in
  *untranslated*|*fuzzy*)
    echo "$lang is incomplete; missing messages:"
    msgattrib --only-fuzzy "$work/merged.po" | grep '^msgid' | head -40
    msgattrib --untranslated "$work/merged.po" | grep '^msgid' | head -40
    exit 1 ;;
esac
