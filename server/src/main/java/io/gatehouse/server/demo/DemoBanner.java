package io.gatehouse.server.demo;

import java.lang.management.ManagementFactory;

/** The text {@code gatehouse demo} prints once everything runs: what is where, the keys, what to try. */
final class DemoBanner {
  private DemoBanner() {}

  static String text(Demo demo, long startMillis) {
    DemoPorts p = demo.ports();
    String gateway = DemoPorts.url(p.gateway());
    DemoSeed.People people = demo.people();
    double seconds = (System.currentTimeMillis() - startMillis) / 1000.0;
    double sinceJvm = (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
    String body = "-H 'Content-Type: application/json' -d '{\"sku\":\"sku-1\",\"quantity\":1}'";
    return """

        Gatehouse demo is running (started in %.1f s, %.1f s since the JVM started).
        Data and config: %s

          gateway     %s   the only public entry: /orders -> orders, /inventory -> inventory
          auth        %s   OAuth2/OIDC issuer and JWKS (/.well-known/openid-configuration)
          admin       %s   admin API (client admin; secret in %s)
          management  %s   /healthz /readyz /metrics
          orders      %s   sample service: Jetty + the sdk's servlet filter
          inventory   %s   sample service: the sdk's TokenVerifier on the JDK HTTP server

        API keys (made for this run, shown only here):
          alice  customer: orders:read orders:write inventory:read   %s
          bob    viewer:   orders:read inventory:read                %s

        Try it in another terminal:
          ALICE=%s
          BOB=%s

          # 1. alice lists her orders and creates one: the gateway trades her key for a JWT
          curl -s -H "X-API-Key: $ALICE" %s/orders
          curl -s -H "X-API-Key: $ALICE" %s %s/orders
          curl -s -H "X-API-Key: $ALICE" %s/inventory/items

          # 2. bob may read but not create: 403 insufficient_scope
          curl -si -H "X-API-Key: $BOB" %s %s/orders

          # 3. no key: 401; a service called directly, even with a key: 401 (it trusts only internal JWTs)
          curl -si %s/orders
          curl -si -H "Authorization: Bearer $ALICE" %s/orders

          # 4. revoke bob's key with the admin CLI; his next call is refused (401)
          ADMIN_URL=%s AUTH_URL=%s ADMIN_CLIENT_ID=admin ADMIN_CLIENT_SECRET=%s \\
            ./gatehouse admin revoke-api-key %s
          curl -si -H "X-API-Key: $BOB" %s/orders

          # 5. metrics: authentication outcomes, token exchanges, per-route traffic
          curl -s %s/metrics | grep -E '^gatehouse_gateway_(auth|token_exchange)'

        Ctrl-C stops everything.
        """.formatted(seconds, sinceJvm, demo.dataDir().toAbsolutePath(), gateway, DemoPorts.url(p.auth()),
        DemoPorts.url(p.admin()), demo.dataDir().resolve("admin-credentials"), DemoPorts.url(p.management()),
        DemoPorts.url(p.orders()), DemoPorts.url(p.inventory()),
        people.alice().key(), people.bob().key(), people.alice().key(), people.bob().key(),
        gateway, body, gateway, gateway, body, gateway, gateway, DemoPorts.url(p.orders()),
        DemoPorts.url(p.admin()), DemoPorts.url(p.auth()), demo.adminSecret(), people.bob().keyId(), gateway,
        DemoPorts.url(p.management()));
  }
}
