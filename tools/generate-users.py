"""Writes data/synthetic-users/users.csv: one made-up profile for each USER_ID of data/ml-latest-small, which has no
user data of its own. Deterministic (fixed seed), so the committed file is reproducible:
    python3 tools/generate-users.py > data/synthetic-users/users.csv"""
import csv
import random
import sys

OCCUPATIONS = ["student", "engineer", "educator", "writer", "artist", "technician", "healthcare", "retired",
               "programmer", "administrator", "salesman", "scientist", "librarian", "homemaker", "other"]


def user_ids(path="data/ml-latest-small/interactions.csv"):
    with open(path, encoding="utf-8", newline="") as source:
        return sorted({row["USER_ID"] for row in csv.DictReader(source)}, key=int)


def main():
    rng = random.Random(20261204)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["USER_ID", "GENDER", "AGE", "OCCUPATION", "ZIP"])
    for user in user_ids():
        out.writerow([user, rng.choice("MF"), rng.randint(16, 75), rng.choice(OCCUPATIONS), f"{rng.randint(1000, 99999):05d}"])


if __name__ == "__main__":
    main()
