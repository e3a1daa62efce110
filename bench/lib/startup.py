#!/usr/bin/env python3
"""Start-up time for bench/run: from starting a command to its first 200 on a URL.

    startup.py --url URL [--header 'Name: value'] [--env-file FILE --env-header 'X-API-Key: $ALICE_API_KEY']
               [--timeout 60] -- COMMAND...

Starts COMMAND in its own process group, polls URL every 20 ms (a fresh connection each time, as
a first client would), prints the milliseconds to the first 200, then stops the process with
SIGTERM (SIGKILL after 30 s). With --env-file the header value is filled in from that file's
NAME=value lines once it appears (e.g. the API key `gatehouse demo --env-file` writes).
"""
import argparse
import http.client
import os
import signal
import subprocess
import sys
import time
import urllib.parse


def read_env(path):
    values = {}
    try:
        with open(path) as f:
            for line in f:
                name, sep, value = line.strip().partition("=")
                if sep:
                    values[name] = value
    except FileNotFoundError:
        pass
    return values


def status_of(url, headers):
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=2)
    try:
        conn.request("GET", parts.path or "/", headers=headers)
        response = conn.getresponse()
        response.read()
        return response.status
    except OSError:
        return None
    finally:
        conn.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--header", action="append", default=[])
    parser.add_argument("--env-file")
    parser.add_argument("--env-header", help="'Name: $VAR', VAR read from --env-file")
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--log", default=os.devnull)
    parser.add_argument("command", nargs="+")
    args = parser.parse_args()

    headers = dict(h.split(": ", 1) for h in args.header)
    log = open(args.log, "ab")
    started = time.monotonic()
    process = subprocess.Popen(args.command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                               start_new_session=True)
    elapsed = None
    try:
        while time.monotonic() - started < args.timeout:
            if process.poll() is not None:
                sys.exit(f"startup.py: {args.command[0]} exited with {process.returncode} before answering "
                         f"(log: {args.log})")
            request_headers = dict(headers)
            ready = True
            if args.env_header:
                name, _, variable = args.env_header.partition(": ")
                value = read_env(args.env_file).get(variable.lstrip("$"))
                ready = bool(value)
                request_headers[name] = value
            if ready and status_of(args.url, request_headers) == 200:
                elapsed = time.monotonic() - started
                break
            time.sleep(0.02)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        log.close()
    if elapsed is None:
        sys.exit(f"startup.py: no 200 from {args.url} within {args.timeout:.0f} s (log: {args.log})")
    print(f"{elapsed * 1000:.0f}")


if __name__ == "__main__":
    main()
