#!/usr/bin/env python3
"""Holds N idle keep-alive connections to a server and reads the server's RSS (bench/run).

Each connection sends one `GET PATH` and reads its 200, so it is a real keep-alive connection
that served a request, then stays open and silent. With all of them open the server's RSS is
sampled every second for HOLD seconds (the highest sample counts); at the end one more request on
every connection checks that the server kept them. Prints key=value lines:
connections, rss_before_mb, rss_idle_mb, per_connection_kb, still_alive.
"""
import argparse
import resource
import socket
import sys
import time


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for pid {pid}")


def exchange(sock, request):
    """Sends one request and reads one response with Content-Length; returns the status."""
    sock.sendall(request)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed before the response head")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split()[1])
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed in the response body")
        body += chunk
    return status


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--path", default="/")
    parser.add_argument("--pid", type=int, required=True, help="server process whose RSS is read")
    parser.add_argument("--connections", type=int, default=10000)
    parser.add_argument("--hold", type=int, default=10, help="seconds to hold them idle")
    args = parser.parse_args()

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = args.connections + 64
    if soft < wanted:
        if hard != resource.RLIM_INFINITY and hard < wanted:
            sys.exit(f"idle.py: needs {wanted} open files, the hard limit is {hard} (raise ulimit -Hn)")
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))

    request = f"GET {args.path} HTTP/1.1\r\nHost: 127.0.0.1:{args.port}\r\n\r\n".encode()
    before = rss_mb(args.pid)
    sockets = []
    try:
        for i in range(args.connections):
            sock = socket.create_connection(("127.0.0.1", args.port), timeout=30)
            status = exchange(sock, request)
            if status != 200:
                sys.exit(f"idle.py: connection {i} got HTTP {status}")
            sockets.append(sock)
        idle = before
        for _ in range(max(1, args.hold)):
            time.sleep(1)
            idle = max(idle, rss_mb(args.pid))
        alive = 0
        for sock in sockets:
            try:
                if exchange(sock, request) == 200:
                    alive += 1
            except (OSError, ValueError, IndexError):
                pass
    finally:
        for sock in sockets:
            sock.close()
    print(f"connections={len(sockets)}")
    print(f"rss_before_mb={before:.1f}")
    print(f"rss_idle_mb={idle:.1f}")
    print(f"per_connection_kb={(idle - before) * 1024 / max(1, len(sockets)):.2f}")
    print(f"still_alive={alive}")


if __name__ == "__main__":
    main()
