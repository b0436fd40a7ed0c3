#!/usr/bin/env python3
"""Extract the Amazon Personalize service models from botocore into compact JSON.

Keeps operations, shapes and their constraints; drops documentation and anything else
the server does not use. Output is deterministic (sorted keys, one-space indent) so that
tests/Attune.ServiceModel.Tests can detect drift between botocore and the embedded copy.

Usage: tools/extract-service-model.py [--out DIR]   (default DIR: src/Attune.ServiceModel/Model)
"""
import argparse
import gzip
import json
import os
import sys

import botocore

SERVICES = ("personalize", "personalize-runtime", "personalize-events")
METADATA_KEYS = ("apiVersion", "jsonVersion", "protocol", "serviceId", "targetPrefix")
SHAPE_KEYS = ("type", "required", "min", "max", "pattern", "enum", "sensitive", "error", "exception")
REF_KEYS = ("shape", "location", "locationName", "jsonvalue", "timestampFormat", "idempotencyToken")
ERROR_KEYS = ("code", "httpStatusCode", "senderFault")


def pick(source, keys):
    return {key: source[key] for key in keys if key in source}


def load_newest(service):
    service_dir = os.path.join(os.path.dirname(botocore.__file__), "data", service)
    newest = sorted(os.listdir(service_dir))[-1]
    with gzip.open(os.path.join(service_dir, newest, "service-2.json.gz"), "rt", encoding="utf-8") as f:
        return json.load(f)


def compact_shape(shape):
    out = pick(shape, SHAPE_KEYS)
    if "error" in out:
        out["error"] = pick(out["error"], ERROR_KEYS)
    if "members" in shape:
        out["members"] = {name: pick(ref, REF_KEYS) for name, ref in shape["members"].items()}
    for ref in ("member", "key", "value"):
        if ref in shape:
            out[ref] = pick(shape[ref], REF_KEYS)
    return out


def compact_operation(operation):
    out = {"http": pick(operation["http"], ("method", "requestUri"))}
    for ref in ("input", "output"):
        if ref in operation:
            out[ref] = operation[ref]["shape"]
    out["errors"] = [error["shape"] for error in operation.get("errors", [])]
    return out


def compact_model(model):
    return {
        "metadata": pick(model["metadata"], METADATA_KEYS),
        "operations": {name: compact_operation(op) for name, op in model["operations"].items()},
        "shapes": {name: compact_shape(shape) for name, shape in model["shapes"].items()},
    }


def main():
    repo_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=os.path.join(repo_root, "src", "Attune.ServiceModel", "Model"))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for service in SERVICES:
        text = json.dumps(compact_model(load_newest(service)), sort_keys=True, indent=1, ensure_ascii=True)
        path = os.path.join(args.out, service + ".json")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text + "\n")
        print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
