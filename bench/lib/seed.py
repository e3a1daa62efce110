#!/usr/bin/env python3
"""Seeds a Gatehouse auth service for bench/run through its admin API and token endpoint.

Creates role `bench` (permission bench:read), user `bench` with that role, KEYS API keys of that
user (scope bench:read) and client `bench-jwt` (client_credentials, permission bench:read,
audience `jwt`), then mints TOKENS access tokens for audience `jwt`, every one distinct.
Writes <out>/keys.txt and <out>/tokens.txt, one value per line.

Keep-alive connections (http.client) instead of one curl per call: 20,000 token requests through
curl would take minutes on this machine, through four persistent connections they take seconds.
"""
import argparse
import base64
import concurrent.futures
import http.client
import json
import sys
import threading
import urllib.parse


class Api:
    """One keep-alive connection; reconnects once if the server closed it."""

    def __init__(self, base):
        url = urllib.parse.urlsplit(base)
        self.host, self.port, self.prefix = url.hostname, url.port, url.path.rstrip("/")
        self.conn = None

    def call(self, method, path, body=None, headers=None):
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
            try:
                self.conn.request(method, self.prefix + path, body=body, headers=headers or {})
                response = self.conn.getresponse()
                data = response.read()
                if response.getheader("Connection", "").lower() == "close":
                    self.conn.close()
                    self.conn = None
                return response.status, data
            except (http.client.HTTPException, ConnectionError):
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")


def expect(status, data, wanted, what):
    if status not in wanted:
        sys.exit(f"bench/run seed: {what} failed: HTTP {status} {data[:300]!r}")
    return json.loads(data) if data else {}


def basic(client_id, secret):
    return "Basic " + base64.b64encode(f"{client_id}:{secret}".encode()).decode()


def client_credentials(api, client_id, secret, audience=None):
    form = {"grant_type": "client_credentials"}
    if audience:
        form["audience"] = audience
    status, data = api.call("POST", "/oauth2/token", urllib.parse.urlencode(form),
                            {"Authorization": basic(client_id, secret),
                             "Content-Type": "application/x-www-form-urlencoded"})
    return expect(status, data, (200,), f"client_credentials for {client_id}")["access_token"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--auth", required=True, help="auth listener base URL")
    parser.add_argument("--admin", required=True, help="admin listener base URL")
    parser.add_argument("--admin-secret", required=True)
    parser.add_argument("--keys", type=int, default=1000)
    parser.add_argument("--tokens", type=int, default=20000)
    parser.add_argument("--out", required=True, help="directory for keys.txt and tokens.txt")
    parser.add_argument("--parallel", type=int, default=4)
    args = parser.parse_args()

    auth = Api(args.auth)
    admin_token = client_credentials(auth, "admin", args.admin_secret)
    admin = Api(args.admin + "/admin/v1")
    headers = {"Authorization": f"Bearer {admin_token}", "Content-Type": "application/json"}

    def post(path, body, what):
        status, data = admin.call("POST", path, json.dumps(body), headers)
        return expect(status, data, (200, 201), what)

    post("/roles", {"name": "bench", "permissions": ["bench:read"]}, "create role bench")
    user = post("/users", {"username": "bench", "password": "bench-password-0123456789",
                           "roles": ["bench"]}, "create user bench")

    local = threading.local()

    def on_thread(base):
        apis = local.__dict__.setdefault("apis", {})
        if base not in apis:
            apis[base] = Api(base)
        return apis[base]

    def create_key(i):
        api = on_thread(args.admin + "/admin/v1")
        status, data = api.call("POST", f"/users/{user['id']}/api-keys",
                                json.dumps({"name": f"bench-{i}", "scopes": ["bench:read"]}), headers)
        return expect(status, data, (200, 201), f"create API key {i}")["key"]

    client = post("/clients", {"client_id": "bench-jwt", "grants": ["client_credentials"],
                               "permissions": ["bench:read"], "audiences": ["jwt"]}, "create client bench-jwt")

    def mint(_):
        return client_credentials(on_thread(args.auth), "bench-jwt", client["client_secret"], "jwt")

    with concurrent.futures.ThreadPoolExecutor(args.parallel) as pool:
        keys = list(pool.map(create_key, range(args.keys)))
        tokens = list(pool.map(mint, range(args.tokens), chunksize=64))
    if len(set(tokens)) != len(tokens):
        sys.exit("bench/run seed: minted tokens are not all distinct")
    with open(f"{args.out}/keys.txt", "w") as f:
        f.writelines(k + "\n" for k in keys)
    with open(f"{args.out}/tokens.txt", "w") as f:
        f.writelines(t + "\n" for t in tokens)
    print(f"seeded {len(keys)} API keys and {len(tokens)} tokens", file=sys.stderr)


if __name__ == "__main__":
    main()
