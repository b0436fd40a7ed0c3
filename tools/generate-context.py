#!/usr/bin/env python3
"""Generates an interactions.csv with a DEVICE column (contextual metadata) whose value matters: users have a taste
(one of a few topics) and browse in sessions on one device each (mostly their usual one); many items suit one device
(short clips on mobile, long reads on desktop, ...) and are chosen far more often in a session on it. The next items
of a user therefore depend on the device of the session, which only a runtime context tells a model. Used by
`Attune.Bench.Accuracy context` to measure what the context term adds (bench/results/context.md).

usage: tools/generate-context.py OUT_FOLDER [--users 6000] [--items 3000] [--topics 20] [--sessions 4] [--seed 7]
"""
import argparse
import os
import random

DEVICES = ["mobile", "desktop", "tablet"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--users", type=int, default=6000)
    parser.add_argument("--items", type=int, default=3000)
    parser.add_argument("--topics", type=int, default=20)
    parser.add_argument("--sessions", type=int, default=4)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    topic = [rng.randrange(args.topics) for _ in range(args.items)]
    # 60% of the items suit one device (5x likelier in a session on it), the rest any device.
    suited = [rng.choice(DEVICES) if rng.random() < 0.6 else None for _ in range(args.items)]
    popularity = [1.0 / (rank + 1) ** 0.7 for rank in range(args.items)]
    rng.shuffle(popularity)
    weights = {}
    for t in range(args.topics):
        for device in DEVICES:
            items = [i for i in range(args.items) if topic[i] == t]
            weights[t, device] = (items, [popularity[i] * (5.0 if suited[i] == device else 1.0) for i in items])
    everything = list(range(args.items))

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "interactions.csv"), "w") as out:
        out.write("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,DEVICE\n")
        for user in range(args.users):
            taste = rng.randrange(args.topics)
            usual = rng.choice(DEVICES)
            time = 1_700_000_000 + rng.randrange(86400 * 30)
            for _ in range(args.sessions):
                device = usual if rng.random() < 0.5 else rng.choice(DEVICES)
                items, item_weights = weights[taste, device]
                for _ in range(rng.randint(3, 6)):
                    # Mostly the user's topic; sometimes anything popular.
                    item = rng.choices(items, weights=item_weights)[0] if rng.random() < 0.8 else rng.choices(everything, weights=popularity)[0]
                    time += rng.randint(30, 600)
                    out.write(f"u{user},i{item},{time},view,{device}\n")
                time += rng.randint(3600, 86400 * 3)


if __name__ == "__main__":
    main()
