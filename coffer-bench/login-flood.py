#!/usr/bin/env python3
"""Wrong-password userpass logins at a fixed rate from several loopback client addresses.

Each client address runs SENDERS senders on keep-alive connections bound to that address; each
sender keeps its own fixed schedule (it skips a slot it is late for rather than burst, so every
client stays under Coffer's per-client login rate limit: 40/s with bursts of 80 per client and
mount, 10/s with bursts of 20 per client and user name). Names rotate over USERS names per client:
the first is a real user (wrong password), the others do not exist (the dummy bcrypt check).

    login-flood.py HOST:PORT SECONDS RATE_PER_CLIENT SENDERS USERS ADDRESS... > summary.json

Prints one JSON object: attempts, logins/s, answers by status, 429s split by cause (Coffer's login
work pool, "too many logins are being checked at once", or the per-client rate limiter, "rate limit
quota exceeded"), the median and 99th percentile latency of each status, and transport errors.
Only loopback addresses are accepted; the run ends after SECONDS (each request has a 10 s timeout).
"""
import http.client
import json
import sys
import threading
import time

REAL_USER = "bench-user"


def percentile(values, p):
    if not values:
        return None
    s = sorted(values)
    return s[min(len(s) - 1, int(len(s) * p))]


def main():
    if len(sys.argv) < 7:
        sys.exit(__doc__)
    host, port = sys.argv[1].rsplit(":", 1)
    seconds, rate = float(sys.argv[2]), float(sys.argv[3])
    senders, users = int(sys.argv[4]), int(sys.argv[5])
    addresses = sys.argv[6:]
    for a in addresses + [host]:
        if not a.startswith("127."):
            sys.exit("only loopback addresses (127.x.y.z): " + a)
    if seconds <= 0 or seconds > 600 or rate <= 0 or senders < 1 or users < 1:
        sys.exit("SECONDS must be in (0, 600], RATE_PER_CLIENT > 0, SENDERS and USERS >= 1")

    lock = threading.Lock()
    by_status = {}
    latencies = {}
    causes = {"pool": 0, "rate_limiter": 0, "other": 0}
    errors = [0]
    interval = senders / rate  # each sender's share of its client's rate
    start = time.monotonic() + 0.2
    end = start + seconds

    def sender(address, index):
        conn = None
        n = 0
        next_at = start + interval * index / senders  # spread the senders of one client
        while True:
            now = time.monotonic()
            if next_at >= end:
                break
            if next_at > now:
                time.sleep(next_at - now)
            elif now - next_at > interval:
                next_at += interval * int((now - next_at) / interval)  # late: skip slots, never burst
            k = (index + n * senders) % users
            n += 1
            user = REAL_USER if k == 0 else "ghost-%d" % k
            began = time.monotonic()
            try:
                if conn is None:
                    conn = http.client.HTTPConnection(host, int(port), timeout=10, source_address=(address, 0))
                conn.request("PUT", "/v1/auth/userpass/login/" + user, body='{"password":"not-the-password"}',
                             headers={"Content-Type": "application/json"})
                r = conn.getresponse()
                body = r.read().decode("utf-8", "replace")
                took = time.monotonic() - began
                with lock:
                    by_status[r.status] = by_status.get(r.status, 0) + 1
                    latencies.setdefault(r.status, []).append(took)
                    if r.status == 429:
                        if "too many logins are being checked" in body:
                            causes["pool"] += 1
                        elif "rate limit quota exceeded" in body:
                            causes["rate_limiter"] += 1
                        else:
                            causes["other"] += 1
                if r.getheader("Connection", "").lower() == "close":
                    conn.close()
                    conn = None
            except (OSError, http.client.HTTPException):
                with lock:
                    errors[0] += 1
                if conn is not None:
                    conn.close()
                conn = None
            next_at += interval
        if conn is not None:
            conn.close()

    threads = [threading.Thread(target=sender, args=(a, i), daemon=True) for a in addresses for i in range(senders)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + 30)
    elapsed = max(time.monotonic() - start, 1e-9)
    attempts = sum(by_status.values())
    print(json.dumps({
        "clients": addresses,
        "senders_per_client": senders,
        "target_logins_per_second": rate * len(addresses),
        "seconds": round(elapsed, 2),
        "attempts": attempts,
        "logins_per_second": round(attempts / elapsed, 1),
        "by_status": {str(k): v for k, v in sorted(by_status.items())},
        "429_causes": causes,
        "latency_ms": {str(k): {"p50": round(1000 * percentile(v, 0.5), 2), "p99": round(1000 * percentile(v, 0.99), 2)}
                       for k, v in sorted(latencies.items())},
        "transport_errors": errors[0],
    }))


if __name__ == "__main__":
    main()
