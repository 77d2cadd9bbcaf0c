#!/usr/bin/env python3
"""Aggregates JFR execution samples: where the time of a request path goes.

    jfr print --json --events jdk.ExecutionSample rec.jfr > samples.json
    jfr-top.py samples.json [FRAME_PREFIX ...]

Prints, over all samples: the top methods by self time (top frame) and by total time (anywhere
on the stack, counted once per sample); then, for each FRAME_PREFIX (e.g. io.coffer.core.aws.),
the share of samples whose stack contains such a frame and the top methods below (callees of)
the outermost such frame, by total time.
"""
import collections
import json
import sys

TOP = 30


def frames_of(event):
    stack = event["values"].get("stackTrace") or {}
    out = []
    for f in stack.get("frames", []):
        m = f["method"]
        out.append(m["type"]["name"] + "." + m["name"])
    return out  # top (innermost) first


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    with open(argv[1]) as fh:
        events = json.load(fh)["recording"]["events"]
    stacks = [frames_of(e) for e in events if e["type"] == "jdk.ExecutionSample"]
    stacks = [s for s in stacks if s]
    n = len(stacks)
    print(f"{n} execution samples")
    self_t = collections.Counter(s[0] for s in stacks)
    total_t = collections.Counter()
    for s in stacks:
        total_t.update(set(s))
    print("\n== self time ==")
    for m, c in self_t.most_common(TOP):
        print(f"{100 * c / n:6.2f}%  {m}")
    print("\n== total time ==")
    for m, c in total_t.most_common(TOP):
        print(f"{100 * c / n:6.2f}%  {m}")
    for prefix in argv[2:]:
        inside = [s for s in stacks if any(f.startswith(prefix) for f in s)]
        print(f"\n== stacks through {prefix}*: {100 * len(inside) / n:.2f}% of samples ==")
        below = collections.Counter()
        for s in inside:
            outer = max(i for i, f in enumerate(s) if f.startswith(prefix))
            below.update(set(s[: outer + 1]))
        for m, c in below.most_common(2 * TOP):
            print(f"{100 * c / n:6.2f}%  {m}")


if __name__ == "__main__":
    main(sys.argv)
