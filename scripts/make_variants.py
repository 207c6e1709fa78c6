#!/usr/bin/env python3
"""Writes N variants of the plan fixtures into a folder, for the batch
benchmark in docs/PERFORMANCE.md: each variant changes the analysis text and
the first need's text, so that no two plans are the same.

usage: scripts/make_variants.py N OUTDIR
"""
import json
import pathlib
import sys

n, out = int(sys.argv[1]), pathlib.Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
root = pathlib.Path(__file__).resolve().parent.parent
bases = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((root / "fixtures" / "plans").glob("*.json"))]
for i in range(n):
    plan = json.loads(json.dumps(bases[i % len(bases)]))
    plan["table1"]["analysis"] = f"変種 {i}：" + plan["table1"].get("analysis", "課題分析の結果。")
    need = plan["table2"]["needs"][0]
    need["text"] = f"（{i}）" + need["text"]
    (out / f"plan-{i:04d}.json").write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
