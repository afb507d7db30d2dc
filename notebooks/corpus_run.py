"""Reads a corpus run's outputs with plain Python: its JSON files, and its Parquet datasets through `corpus export`.

The notebooks beside this file use it. The run is the directory in the environment variable CORPUS_RUN, by
default ../out (the output of `bin/corpus run`, seen from this folder). A dataset is exported once as JSON lines
to CORPUS_RUN/exports/ and read from there afterwards, so a notebook runs again without Spark.
"""
import hashlib
import json
import os
import pathlib
import subprocess

import pandas as pd

REPO = pathlib.Path(__file__).resolve().parent.parent


def run_dir():
    """The run's directory; a clear error when it does not hold a run."""
    path = pathlib.Path(os.environ.get("CORPUS_RUN", "../out")).resolve()
    if not (path / "stats.json").is_file():
        raise FileNotFoundError(f"{path} holds no stats.json: set CORPUS_RUN to a run's --out "
                                f"(bin/corpus run writes one to out/)")
    return path


def load(name):
    """A JSON file of the run, such as stats.json, report.json or pack/manifest.json."""
    return json.loads((run_dir() / name).read_text(encoding="utf-8"))


def funnel():
    """stats.json's funnel: one row per stage with records and characters in, out, rejected and failed."""
    columns = ["stage", "in", "out", "rejected", "failed", "chars_in", "chars_out", "seconds"]
    frame = pd.DataFrame([{c: s.get(c) for c in columns} for s in load("stats.json")["stages"]]).set_index("stage")
    # stats.json writes -1 for characters a stage does not count (extract's input is records, pack's tokens).
    frame[["chars_in", "chars_out"]] = frame[["chars_in", "chars_out"]].astype("Int64").mask(lambda c: c < 0)
    return frame


def chart(title):
    """One chart of report.json by its title: bars as (label, value, behind), or bins as (low, high, count)."""
    for section in load("report.json")["sections"]:
        for c in section["charts"]:
            if c["title"] == title:
                frame = pd.DataFrame(c["bars"] if c["kind"] == "bars" else c["bins"])
                frame.attrs.update({k: v for k, v in c.items() if k not in ("bars", "bins")})
                return frame
    raise KeyError(f"no chart titled {title!r} in report.json")


def charts(section):
    """The titles of a report section's charts, in order."""
    for s in load("report.json")["sections"]:
        if s["id"] == section:
            return [c["title"] for c in s["charts"]]
    return []


def export(dataset, columns=None, where=None, limit=None):
    """A dataset of the run (such as "dedup/rejected") as a DataFrame, exported by `corpus export` once."""
    run = run_dir()
    if not (run / dataset).is_dir():
        raise FileNotFoundError(f"{run / dataset} is not a dataset of this run")
    key = json.dumps([dataset, columns, where, limit])
    target = run / "exports" / (dataset.replace("/", "-") + "-" + hashlib.sha256(key.encode()).hexdigest()[:10]
                                + ".jsonl")
    marker = run / dataset / "_SUCCESS"
    if not target.exists() or (marker.exists() and marker.stat().st_mtime > target.stat().st_mtime):
        command = [str(REPO / "bin" / "corpus"), "export", str(run / dataset), "--format", "jsonl",
                   "--out", str(target)]
        if columns:
            command += ["--columns", ",".join(columns)]
        if where:
            command += ["--where", where]
        if limit is not None:
            command += ["--limit", str(limit)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return pd.read_json(target, lines=True, dtype=False)
