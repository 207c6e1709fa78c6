#!/usr/bin/env bash
# Writes every user-visible output of the `careplan` command line for every
# committed fixture into OUTDIR: PDFs (with and without options), PNG pages,
# validate and check in text and JSON (ja and en) — for every form: the
# 居宅 plan, the 介護予防 forms, 第4表, 第5表, case files and 第6表 — CSV send sets (with and
# without --repeat-values, fixed --timestamp), CSV imports, the schemas,
# `check --list`/`--explain`, help and version texts. For each command it
# keeps standard output, standard error and the exit status, so that two
# snapshots can be compared byte for byte:
#
#   scripts/snapshot-outputs.sh /tmp/snap-before          # at the old commit
#   scripts/snapshot-outputs.sh /tmp/snap-after           # at the new one
#   diff -r /tmp/snap-before /tmp/snap-after && echo identical
#
# The binary is $CAREPLAN if set, otherwise `cargo build --release --bin
# careplan` is run and its binary used. Commands run inside OUTDIR with the
# repository's fixtures linked in, so the paths they print are the same
# wherever OUTDIR is. The section `extra/` feeds deliberately broken CSV
# files (made from the committed ones) to `csv import`, to pin its error
# messages as well.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 OUTDIR" >&2
  exit 2
fi
repo=$(cd "$(dirname "$0")/.." && pwd)
out=$1
if [ -e "$out" ] && [ -n "$(ls -A "$out" 2>/dev/null)" ]; then
  echo "$out exists and is not empty: give a new folder" >&2
  exit 2
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)

if [ -z "${CAREPLAN:-}" ]; then
  (cd "$repo" && cargo build --quiet --release --locked --bin careplan)
  target=$(cd "$repo" && cargo metadata --format-version 1 --no-deps |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
  CAREPLAN="$target/release/careplan"
fi
[ -x "$CAREPLAN" ] || { echo "no binary at $CAREPLAN" >&2; exit 2; }

cd "$out"
ln -s "$repo/fixtures" fixtures
mkdir -p cmd

n=0
# run NAME ARGS…: runs careplan with ARGS, keeping stdout, stderr and status as cmd/NAME.*
run() {
  local name=$1
  shift
  n=$((n + 1))
  printf '%s\n' "$*" >"cmd/$name.args"
  set +e
  "$CAREPLAN" "$@" >"cmd/$name.stdout" 2>"cmd/$name.stderr" </dev/null
  echo $? >"cmd/$name.status"
  set -e
}
# run_stdin NAME FILE ARGS…: the same with FILE on standard input.
run_stdin() {
  local name=$1 input=$2
  shift 2
  n=$((n + 1))
  printf '%s < %s\n' "$*" "$input" >"cmd/$name.args"
  set +e
  "$CAREPLAN" "$@" >"cmd/$name.stdout" 2>"cmd/$name.stderr" <"$input"
  echo $? >"cmd/$name.status"
  set -e
}

stem() { basename "$1" .json; }

# --- help and version -------------------------------------------------------
run version --version
run help --help
for sub in validate check render schema csv; do run "help-$sub" "$sub" --help; done
for sub in export withdraw import; do run "help-csv-$sub" csv "$sub" --help; done

# --- validate -------------------------------------------------------------
for dir in plans invalid unreadable check; do
  for f in fixtures/$dir/*.json; do
    s="validate-$dir-$(stem "$f")"
    run "$s-text-ja" validate "$f"
    run "$s-text-en" validate "$f" --lang en
    run "$s-json-ja" validate "$f" --format json
    run "$s-json-en" validate "$f" --format json --lang en
  done
done
run validate-many validate fixtures/plans/*.json fixtures/invalid/status-missing.json fixtures/unreadable/not-json.json
run validate-many-json validate fixtures/plans/*.json fixtures/invalid/status-missing.json --format json
run validate-missing-file validate fixtures/plans/no-such-plan.json
run_stdin validate-stdin fixtures/plans/case-a.json validate -
run_stdin validate-stdin-invalid fixtures/invalid/short-term-outside-long-term.json validate - --lang en

# --- check ----------------------------------------------------------------
run check-list check --list
for id in $(sed -n 's/^\([A-Z][0-9]-[0-9]\{3\}\).*/\1/p' "cmd/check-list.stdout"); do
  run "check-explain-$id" check --explain "$id"
done
run check-explain-unknown check --explain T9-999
for dir in plans check; do
  for f in fixtures/$dir/*.json; do
    s="check-$dir-$(stem "$f")"
    run "$s-text-ja" check "$f"
    run "$s-text-en" check "$f" --lang en
    run "$s-json" check "$f" --format json
  done
done
for f in fixtures/invalid/short-term-outside-long-term.json fixtures/invalid/status-missing.json fixtures/unreadable/not-json.json; do
  run "check-bad-$(stem "$f")" check "$f"
done
run_stdin check-stdin fixtures/plans/case-a.json check - --format json

# --- render ---------------------------------------------------------------
mkdir -p pdf png batch
for f in fixtures/plans/*.json; do
  s=$(stem "$f")
  run "render-$s" render "$f" -o "pdf/$s.pdf"
  run "render-$s-en" render "$f" -o "pdf/$s-en.pdf" --lang en
  run "render-$s-t2" render "$f" -o "pdf/$s-t2.pdf" --tables 2
  run "render-$s-t31" render "$f" -o "pdf/$s-t31.pdf" --tables 3,1
  run "render-$s-draft" render "$f" -o "pdf/$s-draft.pdf" --draft
  run "render-$s-consent" render "$f" -o "pdf/$s-consent.pdf" --consent-block
  run "render-$s-mincho" render "$f" -o "pdf/$s-mincho.pdf" --typeface mincho
  run "render-$s-all" render "$f" -o "pdf/$s-all.pdf" --tables 3,2,1 --draft --consent-block --typeface mincho
done
run render-case-a-pdfa render fixtures/plans/case-a.json -o pdf/case-a-pdfa.pdf --pdfa
run render-case-a-png render fixtures/plans/case-a.json -o pdf/case-a-png.pdf --png png
run render-batch render --batch fixtures/plans -o batch
run render-batch-en render --batch fixtures/plans -o batch-en --lang en
run render-invalid render fixtures/invalid/short-term-outside-long-term.json -o pdf/invalid.pdf
run render-invalid-en render fixtures/invalid/short-term-outside-long-term.json -o pdf/invalid-en.pdf --lang en
run render-unreadable render fixtures/unreadable/not-json.json -o pdf/unreadable.pdf
run render-bad-table render fixtures/plans/case-a.json -o pdf/bad-table.pdf --tables 4
run render-missing-font render fixtures/plans/case-a.json -o pdf/missing-font.pdf --font fixtures/plans/case-a.json
run_stdin render-stdin fixtures/plans/case-a.json render - -o pdf/stdin.pdf

# --- csv ------------------------------------------------------------------
from=1370000001:43
to=1310000011:13
ts=20251201093000
for f in fixtures/plans/*.json; do
  s=$(stem "$f")
  run "csv-export-$s" csv export "$f" --from $from --to $to -o "csv/$s" --timestamp $ts
  run "csv-export-$s-repeat" csv export "$f" --from $from --to $to -o "csv/$s-repeat" --timestamp $ts --repeat-values
  run "csv-export-$s-jis" csv export "$f" --from $from --to $to -o "csv/$s-jis" --timestamp $ts --jis-substitutions
  run "csv-import-$s" csv import csv/"$s"/*.CSV -o "imported/$s"
  run "csv-import-$s-repeat" csv import csv/"$s-repeat"/*.CSV -o "imported/$s-repeat"
done
run csv-export-all csv export fixtures/plans/*.json --from $from --to $to -o csv/all --timestamp $ts
run csv-import-all csv import csv/all/*.CSV -o imported/all
run csv-withdraw csv withdraw fixtures/plans/*.json --from $from --to $to -o csv/withdraw --timestamp $ts
run csv-import-withdraw csv import csv/withdraw/*.CSV -o imported/withdraw
run csv-export-bad-from csv export fixtures/plans/case-a.json --from 123:43 --to $to -o csv/bad --timestamp $ts
run csv-export-bad-timestamp csv export fixtures/plans/case-a.json --from $from --to $to -o csv/bad --timestamp 2025
run csv-export-invalid csv export fixtures/invalid/short-term-outside-long-term.json --from $from --to $to -o csv/bad --timestamp $ts
for d in fixtures/csv/*/; do
  s=$(basename "$d")
  run "csv-import-fixture-$s" csv import "$d"*.CSV -o "imported/fixture-$s"
done

# --- 介護予防 forms: the 支援計画書 and the 利用者基本情報 ------------------------
for dir in plans kihon invalid kihon-invalid check; do
  for f in fixtures/yobo/$dir/*.json; do
    [ "$(basename "$f")" = expected.json ] && continue
    s="yobo-validate-$dir-$(stem "$f")"
    run "$s-text-ja" validate "$f"
    run "$s-json-en" validate "$f" --format json --lang en
  done
done
for dir in plans check; do
  for f in fixtures/yobo/$dir/*.json; do
    [ "$(basename "$f")" = expected.json ] && continue
    s="yobo-check-$dir-$(stem "$f")"
    run "$s-text-ja" check "$f"
    run "$s-json" check "$f" --format json
  done
done
mkdir -p png-yobo
for dir in plans kihon; do
  for f in fixtures/yobo/$dir/*.json; do
    s="yobo-$dir-$(stem "$f")"
    run "render-$s" render "$f" -o "pdf/$s.pdf"
    run "render-$s-en" render "$f" -o "pdf/$s-en.pdf" --lang en
    run "render-$s-draft" render "$f" -o "pdf/$s-draft.pdf" --draft
    run "render-$s-mincho" render "$f" -o "pdf/$s-mincho.pdf" --typeface mincho
    run "render-$s-png" render "$f" -o "pdf/$s-png.pdf" --png "png-yobo/$s"
  done
  s="yobo-$dir"
  run "csv-export-$s" csv export fixtures/yobo/$dir/*.json --from $from --to $to -o "csv/$s" --timestamp $ts
  run "csv-import-$s" csv import csv/"$s"/*.CSV -o "imported/$s"
done

# --- extra: broken CSV input (made here from the committed send sets) ------
mkdir -p extra
src=fixtures/csv/records-md-example
# (1) an impossible date in UP1KYO 作成年月日, (2) a short-term period
# outside its long-term period in UP2KYO (a rule careplan-core checks),
# (3) a row with a field too few, (4) bytes that are not MS932, (5) a file
# of an unknown kind.
python3 - "$src" extra <<'PY'
import pathlib, re, sys
src, dst = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
files = {p.name: p.read_bytes() for p in src.glob("*.CSV")}
def variant(name, change):
    d = dst / name
    d.mkdir(parents=True)
    for fname, data in files.items():
        (d / fname).write_bytes(change(fname, data))
def bad_date(fname, data):
    if not fname.startswith("UP1KYO"):
        return data
    fields = data.split(b",")
    fields[3] = b"20250230"
    return b",".join(fields)
def outside(fname, data):
    if not fname.startswith("UP2KYO"):
        return data
    old = '"令和7年10月1日～令和7年12月31日",1,"入浴の介助"'
    new = '"令和9年1月1日～令和9年3月31日",1,"入浴の介助"'
    text = data.decode("cp932")
    assert old in text
    return text.replace(old, new, 1).encode("cp932")
def short_row(fname, data):
    if not fname.startswith("UP3KYO"):
        return data
    lines = data.split(b"\r\n")
    lines[0] = lines[0].rsplit(b",", 1)[0]
    return b"\r\n".join(lines)
def not_ms932(fname, data):
    return data + b"\x81\r\n" if fname.startswith("UPHOSOKU") else data
variant("bad-date", bad_date)
variant("period-outside", outside)
variant("short-row", short_row)
variant("not-ms932", not_ms932)
d = dst / "unknown-kind"
d.mkdir()
(d / "README.CSV").write_bytes(b"x\r\n")
PY
for d in extra/*/; do
  s=$(basename "$d")
  run "csv-import-extra-$s" csv import "$d"*.CSV -o "imported/extra-$s"
done

# --- 第4表, 第5表, case files and 第6表 --------------------------------------
for dir in meetings meetings-invalid progress progress-invalid cases cases-invalid cases-check usage usage-invalid usage-check; do
  for f in fixtures/$dir/*.json; do
    [ "$(basename "$f")" = expected.json ] && continue
    s="records-validate-$dir-$(stem "$f")"
    run "$s-text-ja" validate "$f"
    run "$s-json-en" validate "$f" --format json --lang en
  done
done
for dir in meetings cases cases-check usage usage-check; do
  for f in fixtures/$dir/*.json; do
    [ "$(basename "$f")" = expected.json ] && continue
    s="records-check-$dir-$(stem "$f")"
    run "$s-text-ja" check "$f"
    run "$s-json" check "$f" --format json
  done
done
for dir in meetings progress cases usage; do
  for f in fixtures/$dir/*.json; do
    s="records-$dir-$(stem "$f")"
    run "render-$s" render "$f" -o "pdf/$s.pdf"
    run "render-$s-mincho" render "$f" -o "pdf/$s-mincho.pdf" --typeface mincho
  done
done
run render-records-case-tables-5-1 render fixtures/cases/case-a.json -o pdf/records-case-5-1.pdf --tables 5,1
run render-records-usage-provider render fixtures/usage/level-change-2025-04.json -o pdf/records-usage-provider.pdf --provider 1470000201
run render-records-usage-no-provider render fixtures/usage/level-change-2025-04.json -o pdf/records-usage-no-provider.pdf --provider 1999999999

# --- 第7表 ------------------------------------------------------------------
for t in fixtures/table7/*.terms.json; do
  s=$(basename "$t" .terms.json)
  for m in csv json; do
    run "table7-$s-$m-text-ja" table7 "fixtures/usage/$s.json" --master "fixtures/masters/service-codes-illustrative.$m" --terms "$t"
    run "table7-$s-$m-json-explain" table7 "fixtures/usage/$s.json" --master "fixtures/masters/service-codes-illustrative.$m" --terms "$t" --format json --explain 0.0 --lang en
  done
done

# --- 第6表 in the CSV: the plan, a provider's 実績, withdrawals, import --onto ---
for t in fixtures/table7/*.terms.json; do
  s=$(basename "$t" .terms.json)
  m=fixtures/masters/service-codes-illustrative.csv
  run "csv-usage-export-$s" csv export "fixtures/usage/$s.json" --from $from --to $to -o "csv/usage-$s" --timestamp $ts --master $m --terms "$t"
  run "csv-usage-import-$s" csv import csv/"usage-$s"/*.CSV -o "imported/usage-$s"
done
run csv-usage-actuals csv export fixtures/usage/level-change-2025-04.json --from 1470000201:11 --to 1470000002:43 -o csv/usage-actuals --timestamp $ts \
  --master fixtures/masters/service-codes-illustrative.csv --terms fixtures/table7/level-change-2025-04.terms.json --actuals
run csv-usage-import-onto csv import csv/usage-actuals/*.CSV --onto fixtures/usage/level-change-2025-04.json -o imported/usage-onto
run csv-usage-withdraw csv withdraw fixtures/usage/level-change-2025-04.json --from $from --to $to -o csv/usage-withdraw --timestamp $ts
run csv-usage-withdraw-actuals csv withdraw fixtures/usage/level-change-2025-04.json --from 1470000201:11 --to $to -o csv/usage-withdraw-actuals --timestamp $ts --actuals
run csv-usage-no-master csv export fixtures/usage/level-change-2025-04.json --from $from --to $to -o csv/usage-no-master --timestamp $ts
run csv-usage-import-example csv import fixtures/csv/usage-month-example/*.CSV -o imported/usage-example

# --- schema ---------------------------------------------------------------
mkdir -p schema
run schema-default schema
for k in plan yobo-plan yobo-kihon kyotaku-meeting kyotaku-progress case-file kyotaku-usage validation-report check-report table7-terms service-codes; do
  run "schema-$k" schema --kind "$k"
  run "schema-$k-file" schema --kind "$k" -o "schema/$k.schema.json"
done
run schema-unknown schema --kind nope

rm fixtures
echo "$n commands; outputs in $out" >&2
