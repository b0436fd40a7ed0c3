#!/usr/bin/env python3
"""Generates a sparse, order-free interactions.csv where a latent-factor model should beat item neighbourhoods:
many items, few interactions per user, each user drawn from a mixture of a few latent topics, timestamps in random
order (no sequential signal). Used to check that the default personalization model's validation choice generalises.

usage: tools/generate-sparse-topics.py OUT_FOLDER [--users 30000] [--items 20000] [--per-user 10] [--topics 40] [--seed 7]
"""
import argparse
import os
import random


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--users", type=int, default=30000)
    parser.add_argument("--items", type=int, default=20000)
    parser.add_argument("--per-user", type=int, default=10)
    parser.add_argument("--topics", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    # Each item belongs to one topic; within a topic, item popularity is Zipf-like so the catalogue has a long tail.
    topic_items = [[] for _ in range(args.topics)]
    for item in range(args.items):
        topic_items[rng.randrange(args.topics)].append(item)
    topic_weights = [[1.0 / (rank + 1) ** 0.7 for rank in range(len(items))] for items in topic_items]

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "interactions.csv"), "w") as out:
        out.write("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n")
        for user in range(args.users):
            topics = rng.sample(range(args.topics), 2)
            count = max(2, int(rng.expovariate(1.0 / args.per_user)))
            seen = set()
            for _ in range(count):
                topic = topics[0] if rng.random() < 0.7 else topics[1]
                item = rng.choices(topic_items[topic], weights=topic_weights[topic])[0]
                if item in seen:
                    continue
                seen.add(item)
                out.write(f"u{user},i{item},{rng.randrange(1_000_000, 2_000_000)},visit,\n")


if __name__ == "__main__":
    main()
