package io.gatehouse.server.demo;

/**
 * Where the demo listens, all on 127.0.0.1; the defaults are the contract's ports.
 *
 * @param gateway the public gateway (8080)
 * @param auth the OAuth/OIDC listener and issuer (9000)
 * @param admin the admin API (9001)
 * @param management health and metrics (9090)
 * @param orders the orders sample service (7001)
 * @param inventory the inventory sample service (7002)
 */
public record DemoPorts(int gateway, int auth, int admin, int management, int orders, int inventory) {
  /** The contract's ports. */
  public static final DemoPorts DEFAULTS = new DemoPorts(8080, 9000, 9001, 9090, 7001, 7002);

  /** Base URL of a port on the loopback interface. */
  static String url(int port) {
    return "http://127.0.0.1:" + port;
  }
}
