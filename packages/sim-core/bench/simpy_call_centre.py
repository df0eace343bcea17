"""The reference peer for the queue benchmark: the same M/M/c+M call centre in SimPy 3.

Callers arrive as a Poisson stream, wait first-come-first-served for one of `agents` agents, and
hang up when their exponential patience runs out before an agent answers. This is the textbook way
to write it in SimPy (a Resource, a request raced against a patience timeout), as in SimPy's own
"Bank renege" example. Run by Debian's /usr/bin/python3 with python3-simpy3 installed:

    /usr/bin/python3 simpy_call_centre.py --arrivals-per-hour 100 --aht-minutes 6 --agents 11 \
        --patience-minutes 3 --calls 200000 --seed 1

Prints one JSON object: calls, seconds, callsPerSecond, pWait, abandonRate, meanWaitMinutes.
"""
import argparse
import json
import random
import time

import simpy


def simulate(arrivals_per_hour, aht_minutes, agents, patience_minutes, calls, seed):
    rng = random.Random(seed)
    env = simpy.Environment()
    desk = simpy.Resource(env, capacity=agents)
    totals = {"calls": 0, "waited": 0, "abandoned": 0, "wait": 0.0}

    def caller(env):
        arrived = env.now
        patience = rng.expovariate(1.0 / patience_minutes)
        with desk.request() as request:
            outcome = yield request | env.timeout(patience)
            waited = env.now - arrived
            totals["calls"] += 1
            totals["wait"] += waited
            if waited > 0:
                totals["waited"] += 1
            if request in outcome:
                yield env.timeout(rng.expovariate(1.0 / aht_minutes))
            else:
                totals["abandoned"] += 1

    def arrivals(env):
        for _ in range(calls):
            env.process(caller(env))
            yield env.timeout(rng.expovariate(arrivals_per_hour / 60.0))

    env.process(arrivals(env))
    started = time.perf_counter()
    env.run()
    seconds = time.perf_counter() - started
    n = totals["calls"]
    return {
        "calls": n,
        "seconds": seconds,
        "callsPerSecond": n / seconds,
        "pWait": totals["waited"] / n,
        "abandonRate": totals["abandoned"] / n,
        "meanWaitMinutes": totals["wait"] / n,
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--arrivals-per-hour", type=float, default=100)
    parser.add_argument("--aht-minutes", type=float, default=6)
    parser.add_argument("--agents", type=int, default=11)
    parser.add_argument("--patience-minutes", type=float, default=3)
    parser.add_argument("--calls", type=int, default=200000)
    parser.add_argument("--seed", type=int, default=1)
    a = parser.parse_args()
    print(json.dumps(simulate(a.arrivals_per_hour, a.aht_minutes, a.agents, a.patience_minutes, a.calls, a.seed)))
