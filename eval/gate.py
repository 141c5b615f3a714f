"""The evaluation gate: fail when a measured number is below its floor.

Usage: python eval/gate.py eval/results.json eval/floors.json

``floors.json`` maps metric names (as flattened by ``eval/run.py``) to the
lowest value CI accepts. Floors sit a little under the numbers measured when
they were set and are only ever raised; lowering one is a deliberate,
reviewed change to this file. A floor whose metric is missing fails too.
Its ``ceilings`` object does the same for numbers that must stay low (the
share of disaster reports coded as an event): the highest value CI accepts.
"""

from __future__ import annotations

import json
import sys


def main(results_path: str, floors_path: str) -> int:
    results = json.loads(open(results_path, encoding="utf-8").read())
    floors = json.loads(open(floors_path, encoding="utf-8").read())
    ceilings = floors.pop("ceilings", {})
    floors = {k: v for k, v in floors.items() if not k.startswith("_")}
    if not results:
        print(f"FAIL: nothing was scored ({results_path} holds no metrics): run `make eval` with the gold data")
        return 1
    bad = 0
    for name, floor in sorted(floors.items()):
        value = results.get(name)
        if value is None:
            print(f"FAIL {name}: not measured (floor {floor})")
            bad += 1
        elif value < floor:
            print(f"FAIL {name}: {value:.4f} < floor {floor:.4f}")
            bad += 1
        else:
            print(f"ok   {name}: {value:.4f} >= {floor:.4f}")
    for name, ceiling in sorted(ceilings.items()):
        value = results.get(name)
        if value is None:
            print(f"FAIL {name}: not measured (ceiling {ceiling})")
            bad += 1
        elif value > ceiling:
            print(f"FAIL {name}: {value:.4f} > ceiling {ceiling:.4f}")
            bad += 1
        else:
            print(f"ok   {name}: {value:.4f} <= {ceiling:.4f}")
    print(f"{len(floors) + len(ceilings) - bad} passed, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
