#!/usr/bin/env python3
"""Generates an interactions.csv with a strong sequential signal, shaped like retail or session data where a
Markov model over the newest items beats item-item and factor models: each item has a few likely successors
(an accessory, the next episode), users walk those chains with occasional jumps to popular items of a category.
Used, like generate-sparse-topics.py, to check that the default personalization blend generalises to data it was
not tuned on.

usage: tools/generate-sequences.py OUT_FOLDER [--users 20000] [--items 12000] [--per-user 9] [--categories 30] [--seed 11]
"""
import argparse
import os
import random


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--users", type=int, default=20000)
    parser.add_argument("--items", type=int, default=12000)
    parser.add_argument("--per-user", type=int, default=9)
    parser.add_argument("--categories", type=int, default=30)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    category = [rng.randrange(args.categories) for _ in range(args.items)]
    members = [[] for _ in range(args.categories)]
    for item, c in enumerate(category):
        members[c].append(item)
    popularity = [1.0 / (rank + 1) ** 0.8 for rank in range(args.items)]
    rng.shuffle(popularity)
    member_weights = [[popularity[i] for i in items] for items in members]
    # Three successors per item, mostly inside its category, chosen by popularity.
    successors = []
    for item in range(args.items):
        pool, weights = members[category[item]], member_weights[category[item]]
        successors.append([rng.choices(pool, weights=weights)[0] if rng.random() < 0.8 else rng.randrange(args.items) for _ in range(3)])

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "interactions.csv"), "w") as out:
        out.write("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n")
        for user in range(args.users):
            count = max(3, int(rng.expovariate(1.0 / args.per_user)))
            item = rng.choices(range(args.items), weights=popularity)[0]
            time = rng.randrange(1_500_000_000, 1_600_000_000)
            seen = set()
            for _ in range(count):
                if item not in seen:
                    seen.add(item)
                    out.write(f"u{user},i{item},{time},purchase,\n")
                time += rng.randrange(60, 86_400)
                draw = rng.random()
                if draw < 0.6:
                    item = rng.choices(successors[item], weights=[0.6, 0.3, 0.1])[0]
                elif draw < 0.85:
                    c = category[item]
                    item = rng.choices(members[c], weights=member_weights[c])[0]
                else:
                    item = rng.choices(range(args.items), weights=popularity)[0]


if __name__ == "__main__":
    main()
