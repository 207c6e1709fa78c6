#!/usr/bin/env python3
"""Checks careplan's committed JSON Schemas with an independent validator
(Python jsonschema, Draft202012Validator), as a sending system would:

- each schema is a valid 2020-12 schema;
- every plan in fixtures/plans validates against plan.schema.json, and
  every 介護予防 plan in fixtures/yobo/plans against yobo-plan.schema.json, and every
  利用者基本情報 in fixtures/yobo/kihon against yobo-kihon.schema.json, and every
  第4表 in fixtures/meetings, 第5表 in fixtures/progress and case file in
  fixtures/cases against kyotaku-meeting, kyotaku-progress and case-file;
- the terms of fixtures/table7 and the JSON master of fixtures/masters
  validate against table7-terms and service-codes;
- every invalid fixture (fixtures/invalid, fixtures/yobo/invalid,
  fixtures/yobo/kihon-invalid, fixtures/meetings-invalid,
  fixtures/progress-invalid, fixtures/cases-invalid) that
  breaks a rule JSON Schema can state is refused, and the ones listed in
  each folder's not-schema-expressible.txt are accepted (careplan itself
  refuses those).

Prints 'N passed, N failed' and exits non-zero on any failure.
"""
import json
import pathlib
import sys

from jsonschema import Draft202012Validator

ROOT = pathlib.Path(__file__).resolve().parent.parent
passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL: {what}")


schemas = {}
for path in sorted((ROOT / "schema").glob("*.schema.json")):
    schema = json.loads(path.read_text(encoding="utf-8"))
    try:
        Draft202012Validator.check_schema(schema)
        check(True, path.name)
    except Exception as e:  # noqa: BLE001 - report any schema error
        check(False, f"{path.name} is not a valid 2020-12 schema: {e}")
    schemas[path.name] = Draft202012Validator(schema)


def check_form(schema_name, valid_dir, invalid_dir):
    """The documents of fixtures/<valid_dir> validate; those of
    fixtures/<invalid_dir> are refused, but for the listed boundary."""
    validator = schemas[schema_name]
    for path in sorted((ROOT / "fixtures" / valid_dir).glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(doc)]
        check(not errors, f"{path.name} should validate against {schema_name}: {errors[:3]}")
    invalid_dir = ROOT / "fixtures" / invalid_dir
    expected = json.loads((invalid_dir / "expected.json").read_text(encoding="utf-8"))
    boundary = {
        line.strip()
        for line in (invalid_dir / "not-schema-expressible.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    for name, exp in sorted(expected.items()):
        if exp["rule"] == "json_syntax":
            continue
        doc = json.loads((invalid_dir / name).read_text(encoding="utf-8"))
        valid = validator.is_valid(doc)
        if name in boundary:
            check(valid, f"{name} breaks a rule JSON Schema cannot state; {schema_name} should accept it")
        else:
            check(not valid, f"{name} breaks {exp['rule']}; {schema_name} should refuse it")


check_form("plan.schema.json", "plans", "invalid")
check_form("yobo-plan.schema.json", "yobo/plans", "yobo/invalid")
check_form("yobo-kihon.schema.json", "yobo/kihon", "yobo/kihon-invalid")
check_form("kyotaku-meeting.schema.json", "meetings", "meetings-invalid")
check_form("kyotaku-progress.schema.json", "progress", "progress-invalid")
check_form("case-file.schema.json", "cases", "cases-invalid")
check_form("kyotaku-usage.schema.json", "usage", "usage-invalid")

# The inputs of 第7表: every terms file and the JSON master validate; a few
# broken ones are refused.
terms = schemas["table7-terms.schema.json"]
for path in sorted((ROOT / "fixtures" / "table7").glob("*.terms.json")):
    doc = json.loads(path.read_text(encoding="utf-8"))
    errors = [e.message for e in terms.iter_errors(doc)]
    check(not errors, f"{path.name} should validate against table7-terms.schema.json: {errors[:3]}")
for bad in [{"offices": []}, {"burden_tenths": 4, "offices": []},
            {"burden_tenths": 1, "offices": [{"office_number": "1234567890", "area_grade": "grade_9"}]}]:
    check(not terms.is_valid(bad), f"table7-terms.schema.json should refuse {bad}")
masters = schemas["service-codes.schema.json"]
master = json.loads((ROOT / "fixtures" / "masters" / "service-codes-illustrative.json").read_text(encoding="utf-8"))
check(masters.is_valid(master), "the illustrative master should validate against service-codes.schema.json")
both = json.loads(json.dumps(master))
both["rows"][0]["rate_permille"] = 10
check(not masters.is_valid(both), "a row with both units and a rate should be refused")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
