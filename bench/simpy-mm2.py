"""SimPy 3 version of bench/mm2-10.yaml for `npm run bench`: producer -> Store -> 2 consumers.

Poisson arrivals at 25/s, 8 waiting places (an arrival that finds them full is lost), exponential service
with mean 100 ms, until `messages` have arrived (default 1,000,000). Prints one JSON line of results.
Usage: python3 bench/simpy-mm2.py [messages]
"""
import json
import random
import sys

import simpy

ARRIVAL_RATE = 25.0
SERVICE_MEAN = 0.1
CONSUMERS = 2
WAITING_ROOM = 8


def producer(env, store, stats, messages, rng):
    """Publishes `messages` messages; drops those that find the waiting room full."""
    for _ in range(messages):
        yield env.timeout(rng.expovariate(ARRIVAL_RATE))
        stats["arrivals"] += 1
        if len(store.items) >= WAITING_ROOM:
            stats["lost"] += 1
        else:
            store.put(env.now)


def consumer(env, store, stats, rng):
    """Takes messages in FIFO order and serves each for an exponential time."""
    while True:
        born = yield store.get()
        yield env.timeout(rng.expovariate(1.0 / SERVICE_MEAN))
        stats["completed"] += 1
        stats["sojourn"] += env.now - born


def main():
    messages = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    rng = random.Random(1)
    env = simpy.Environment()
    # Waiting messages sit in the Store; a consumer blocked in get() takes the next one at once.
    store = simpy.Store(env)
    stats = {"arrivals": 0, "lost": 0, "completed": 0, "sojourn": 0.0}
    done = env.process(producer(env, store, stats, messages, rng))
    for _ in range(CONSUMERS):
        env.process(consumer(env, store, stats, rng))
    env.run(until=done)
    stats["meanSojourn"] = stats["sojourn"] / max(1, stats["completed"])
    stats["lossRate"] = stats["lost"] / max(1, stats["arrivals"])
    print(json.dumps(stats))


if __name__ == "__main__":
    main()
