#!/usr/bin/env python3
"""Code size of a .wasm by crate, from its name section (docs/PERFORMANCE.md).

usage: scripts/wasm-sizes.py MODULE.wasm [TOP]

Reads the code section (each function body's size) and the `name` custom
section (function names, kept by the wasm profile's strip = "debuginfo"),
demangles crate prefixes roughly (`typst_render::…`, `<tiny_skia::… as …>`),
and prints bytes per crate, largest first. Not exact for generic code
(attributed to the crate of the outermost path), but good enough to weigh
a lever such as leaving PNG out.
"""
import re
import sys
from collections import Counter


def leb(data, pos):
    result = shift = 0
    while True:
        b = data[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if not b & 0x80:
            return result, pos


def sections(data):
    pos = 8
    while pos < len(data):
        sid = data[pos]
        size, pos = leb(data, pos + 1)
        yield sid, data[pos : pos + size]
        pos += size


def main():
    data = open(sys.argv[1], "rb").read()
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    imported = 0
    bodies = []
    names = {}
    for sid, body in sections(data):
        if sid == 2:  # imports: functions among them shift the indices
            count, p = leb(body, 0)
            for _ in range(count):
                for _ in range(2):
                    n, p = leb(body, p)
                    p += n
                kind = body[p]
                p += 1
                if kind == 0:
                    _, p = leb(body, p)
                    imported += 1
                elif kind == 1:
                    p += 1
                    flags, p = leb(body, p)
                    _, p = leb(body, p)
                    if flags & 1:
                        _, p = leb(body, p)
                elif kind == 2:
                    flags, p = leb(body, p)
                    _, p = leb(body, p)
                    if flags & 1:
                        _, p = leb(body, p)
                elif kind == 3:
                    p += 2
                else:
                    _, p = leb(body, p)
        elif sid == 10:
            count, p = leb(body, 0)
            for _ in range(count):
                size, p = leb(body, p)
                bodies.append(size)
                p += size
        elif sid == 0:
            n, p = leb(body, 0)
            if body[p : p + n] != b"name":
                continue
            p += n
            while p < len(body):
                sub = body[p]
                size, p = leb(body, p + 1)
                end = p + size
                if sub == 1:
                    count, q = leb(body, p)
                    for _ in range(count):
                        idx, q = leb(body, q)
                        n, q = leb(body, q)
                        names[idx] = body[q : q + n].decode("utf-8", "replace")
                        q += n
                p = end
    by_crate = Counter()
    for i, size in enumerate(bodies):
        name = names.get(i + imported, "?")
        m = re.match(r"[<&\s]*(?:dyn |mut )?([A-Za-z_][A-Za-z0-9_]*)", name)
        by_crate[m.group(1) if m else "?"] += size
    total = sum(bodies)
    print(f"{total:>12,} bytes of code in {len(bodies)} functions; module {len(data):,} bytes")
    for crate, size in by_crate.most_common(top):
        print(f"{size:>12,}  {100 * size / total:5.1f} %  {crate}")


if __name__ == "__main__":
    main()
