#!/usr/bin/env python3
"""Signs one AWS Secrets Manager request (SigV4, Authorization header form) for the HTTP benchmark.

    BENCH_SECRET_ACCESS_KEY=... sign-aws-request.py HOST:PORT ACCESS_KEY_ID OPERATION BODY_FILE

Prints the request's headers, one "Name: value" per line, for curl and wrk (-H). wrk replays the
same bytes for the whole run: the signature covers X-Amz-Date, which the server accepts for 15
minutes, so the caller signs right before each run. The secret access key comes from the
environment (not the command line, which other users can see) and is never printed.
"""
import datetime
import hashlib
import hmac
import os
import sys

REGION = "us-east-1"
SERVICE = "secretsmanager"
CONTENT_TYPE = "application/x-amz-json-1.1"


def hmac_sha256(key, text):
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).digest()


def main(argv):
    secret = os.environ.get("BENCH_SECRET_ACCESS_KEY", "")
    if len(argv) != 5 or not secret:
        sys.exit("usage: BENCH_SECRET_ACCESS_KEY=... sign-aws-request.py HOST:PORT ACCESS_KEY_ID OPERATION BODY_FILE")
    host, key_id, operation, body_file = argv[1:]
    with open(body_file, "rb") as f:
        body = f.read()
    now = datetime.datetime.now(datetime.timezone.utc)
    amz_date = now.strftime("%Y%m%dT%H%M%SZ")
    day = amz_date[:8]
    target = "secretsmanager." + operation
    headers = {"content-type": CONTENT_TYPE, "host": host, "x-amz-date": amz_date, "x-amz-target": target}
    signed = ";".join(sorted(headers))
    canonical = "\n".join([
        "POST",
        "/",
        "",
        "".join(f"{name}:{headers[name]}\n" for name in sorted(headers)),
        signed,
        hashlib.sha256(body).hexdigest(),
    ])
    scope = f"{day}/{REGION}/{SERVICE}/aws4_request"
    to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode("utf-8")).hexdigest()])
    key = hmac_sha256(("AWS4" + secret).encode("utf-8"), day)
    for part in (REGION, SERVICE, "aws4_request"):
        key = hmac_sha256(key, part)
    signature = hmac.new(key, to_sign.encode("utf-8"), hashlib.sha256).hexdigest()
    print(f"Content-Type: {CONTENT_TYPE}")
    print(f"Host: {host}")
    print(f"X-Amz-Date: {amz_date}")
    print(f"X-Amz-Target: {target}")
    print(f"Authorization: AWS4-HMAC-SHA256 Credential={key_id}/{scope}, SignedHeaders={signed}, Signature={signature}")


if __name__ == "__main__":
    main(sys.argv)
