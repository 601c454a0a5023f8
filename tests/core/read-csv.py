#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# read-csv.py: reads every CSV file of a folder with Python's csv module, as a therapist's
# tools would, and the columns src/reports/README.md documents for each; prints them as JSON
# for test-csv-export.c to compare.
import csv
import json
import os
import re
import sys


def read_file(path):
    with open(path, 'rb') as f:
        raw = f.read()
    with open(path, newline='', encoding='utf-8-sig') as f:
        rows = list(csv.reader(f, strict=True))
    return {
        'bom': raw.startswith(b'\xef\xbb\xbf'),
        'header_crlf': raw.split(b'\n', 1)[0].endswith(b'\r'),
        'ends_crlf': raw.endswith(b'\r\n'),
        'header': rows[0] if rows else [],
        'rows': rows[1:],
    }


def read_readme(path):
    documented = {}
    current = None
    with open(path, encoding='utf-8') as f:
        for line in f:
            heading = re.match(r'^### `([a-z-]+\.csv)`', line)
            if heading:
                current = documented.setdefault(heading.group(1), [])
                continue
            if line.startswith('#'):
                current = None
                continue
            column = re.match(r'^\| `([a-z_]+)` \|', line)
            if current is not None and column:
                current.append(column.group(1))
    return documented


def main():
    folder, readme = sys.argv[1], sys.argv[2]
    files = {name: read_file(os.path.join(folder, name))
             for name in sorted(os.listdir(folder)) if name.endswith('.csv')}
    json.dump({'files': files, 'readme': read_readme(readme)}, sys.stdout, ensure_ascii=False)


main()
