package io.gatehouse.examples.orders;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * How to run the orders service; build with {@link #builder()}. The constructor checks every
 * field and reports all problems at once; {@link #toString()} never shows the client secret.
 *
 * @param host interface to listen on (default {@value #DEFAULT_HOST})
 * @param port port, 0 for an ephemeral one (default {@value #DEFAULT_PORT})
 * @param issuer the auth service's issuer URL: {@code iss} of accepted tokens, and where the
 *     service's own tokens come from ({@code <issuer>/oauth2/token}) (required)
 * @param audience the {@code aud} tokens must carry (default {@value #DEFAULT_AUDIENCE})
 * @param inventoryUrl base URL of the inventory service (default {@value #DEFAULT_INVENTORY_URL})
 * @param clientId this service's own client, used for its calls to inventory (default {@value #DEFAULT_CLIENT_ID})
 * @param clientSecret that client's secret (required)
 * @param clock time for token checks and for renewing the service's own token (default system UTC)
 */
public record OrdersSettings(String host, int port, String issuer, String audience, String inventoryUrl,
    String clientId, String clientSecret, Clock clock) {
  /** Default interface. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  /** Default port (contract: demo services). */
  public static final int DEFAULT_PORT = 7001;
  /** Default audience. */
  public static final String DEFAULT_AUDIENCE = "orders";
  /** Default inventory base URL (contract: demo services). */
  public static final String DEFAULT_INVENTORY_URL = "http://127.0.0.1:7002";
  /** Default client id of the service itself. */
  public static final String DEFAULT_CLIENT_ID = "orders-service";
  /** The audience the service asks its own tokens for. */
  public static final String INVENTORY_AUDIENCE = "inventory";

  /** Validates every field; the message lists each problem with the bad value (never the secret). */
  public OrdersSettings {
    List<String> problems = new ArrayList<>();
    if (host == null || host.isBlank()) {
      problems.add("host must not be blank, was: " + host);
    }
    if (port < 0 || port > 65535) {
      problems.add("port must be between 0 and 65535, was: " + port);
    }
    checkUrl("issuer", issuer, problems);
    if (audience == null || audience.isBlank()) {
      problems.add("audience must not be blank, was: " + audience);
    }
    checkUrl("inventory url", inventoryUrl, problems);
    if (clientId == null || clientId.isBlank()) {
      problems.add("client id must not be blank, was: " + clientId);
    }
    if (clientSecret == null || clientSecret.isEmpty()) {
      problems.add("client secret must be set");
    }
    if (clock == null) {
      problems.add("clock must be set");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid orders settings: " + String.join("; ", problems));
    }
    issuer = stripSlash(issuer);
    inventoryUrl = stripSlash(inventoryUrl);
  }

  /** A builder with the defaults above; issuer and client secret are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The base URL the service is reached at once {@code boundPort} is known. */
  String baseUrl(int boundPort) {
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + boundPort;
  }

  @Override
  public String toString() {
    return "OrdersSettings[host=" + host + ", port=" + port + ", issuer=" + issuer + ", audience=" + audience
        + ", inventoryUrl=" + inventoryUrl + ", clientId=" + clientId + ", clientSecret=(redacted)]";
  }

  private static void checkUrl(String field, String value, List<String> problems) {
    try {
      URI uri = new URI(value);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        problems.add(field + " must be an absolute http or https URL, was: " + value);
      }
    } catch (Exception e) {
      problems.add(field + " must be an absolute http or https URL, was: " + value);
    }
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** Builds {@link OrdersSettings}. */
  public static final class Builder {
    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private String issuer;
    private String audience = DEFAULT_AUDIENCE;
    private String inventoryUrl = DEFAULT_INVENTORY_URL;
    private String clientId = DEFAULT_CLIENT_ID;
    private String clientSecret;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Interface to listen on. */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** Port; 0 for an ephemeral one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** The auth service's issuer URL, e.g. {@code http://127.0.0.1:9000}. */
    public Builder issuer(String issuer) {
      this.issuer = issuer;
      return this;
    }

    /** The audience tokens must be for. */
    public Builder audience(String audience) {
      this.audience = audience;
      return this;
    }

    /** Base URL of the inventory service. */
    public Builder inventoryUrl(String inventoryUrl) {
      this.inventoryUrl = inventoryUrl;
      return this;
    }

    /** This service's client id at the auth service. */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /** This service's client secret. */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    /** Time for token checks and token renewal. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * The settings.
     *
     * @throws IllegalArgumentException listing every invalid field
     */
    public OrdersSettings build() {
      return new OrdersSettings(host, port, issuer, audience, inventoryUrl, clientId, clientSecret, clock);
    }
  }
}
