package io.gatehouse.server.demo;

import java.nio.file.Path;

/** The demo's configuration file: an ordinary {@code serve} config a reader can copy and change. */
final class DemoConfig {
  private DemoConfig() {}

  static String yaml(DemoPorts ports, Path dataDir) {
    return """
        # Written by `gatehouse demo`: the same file works with `gatehouse serve --config`.
        version: 1
        management: {host: 127.0.0.1, port: %d}
        auth:
          data-dir: %s
          listener: {host: 127.0.0.1, port: %d}
          admin: {host: 127.0.0.1, port: %d}
        gateway:
          listener: {host: 127.0.0.1, port: %d}
          rate-limits:
            per-api-key: {requests: 100, period: 1s, burst: 200}
          routes:
            - id: orders
              match: {path-prefix: /orders}
              upstreams: [http://127.0.0.1:%d]
              auth: any
              permissions: {GET: [orders:read], POST: [orders:write]}
            - id: inventory
              match: {path-prefix: /inventory}
              upstreams: [http://127.0.0.1:%d]
              auth: any
              permissions: {GET: [inventory:read], POST: [inventory:write]}
        """.formatted(ports.management(), quoted(dataDir.toAbsolutePath().toString()), ports.auth(), ports.admin(),
        ports.gateway(), ports.orders(), ports.inventory());
  }

  private static String quoted(String path) {
    return "\"" + path.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
