package io.gatehouse.examples.inventory;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How to run the inventory service; build with {@link #builder()}. The constructor checks every
 * field and reports all problems at once.
 *
 * @param host interface to listen on (default {@value #DEFAULT_HOST})
 * @param port port, 0 for an ephemeral one (default {@value #DEFAULT_PORT})
 * @param issuer the auth service's issuer URL; tokens must carry it as {@code iss} (required)
 * @param audience the {@code aud} tokens must carry (default {@value #DEFAULT_AUDIENCE})
 * @param items the stock at start (default {@link #DEFAULT_ITEMS})
 * @param clock time for token checks (default the system UTC clock)
 */
public record InventorySettings(String host, int port, String issuer, String audience, List<Item> items,
    Clock clock) {
  /** Default interface. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  /** Default port (contract: demo services). */
  public static final int DEFAULT_PORT = 7002;
  /** Default audience. */
  public static final String DEFAULT_AUDIENCE = "inventory";
  /** The stock a new service starts with unless told otherwise. */
  public static final List<Item> DEFAULT_ITEMS = List.of(
      new Item("sku-1", "Blue mug", 10),
      new Item("sku-2", "Green teapot", 3),
      new Item("sku-3", "Red scarf", 0));
  /** What a sku may look like: it is a path segment. */
  public static final Pattern SKU = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** Validates every field; the message lists each problem with the bad value. */
  public InventorySettings {
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
    if (items == null) {
      problems.add("items must be set");
    } else {
      Set<String> skus = new HashSet<>();
      for (Item item : items) {
        if (!SKU.matcher(item.sku()).matches()) {
          problems.add("item sku must match " + SKU + ", was: " + item.sku());
        } else if (!skus.add(item.sku())) {
          problems.add("item sku must be unique, was repeated: " + item.sku());
        }
      }
      items = List.copyOf(items);
    }
    if (clock == null) {
      problems.add("clock must be set");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid inventory settings: " + String.join("; ", problems));
    }
  }

  /** A builder with the defaults above; {@link Builder#issuer} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The base URL the service is reached at when {@code port} is known. */
  String baseUrl(int boundPort) {
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + boundPort;
  }

  static void checkUrl(String field, String value, List<String> problems) {
    try {
      URI uri = new URI(value);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        problems.add(field + " must be an absolute http or https URL, was: " + value);
      }
    } catch (Exception e) {
      problems.add(field + " must be an absolute http or https URL, was: " + value);
    }
  }

  /** Builds {@link InventorySettings}. */
  public static final class Builder {
    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private String issuer;
    private String audience = DEFAULT_AUDIENCE;
    private List<Item> items = DEFAULT_ITEMS;
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

    /** The stock at start. */
    public Builder items(List<Item> items) {
      this.items = items;
      return this;
    }

    /** Time for token checks. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * The settings.
     *
     * @throws IllegalArgumentException listing every invalid field
     */
    public InventorySettings build() {
      return new InventorySettings(host, port, issuer, audience, items, clock);
    }
  }
}
