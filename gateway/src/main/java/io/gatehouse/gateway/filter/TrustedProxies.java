package io.gatehouse.gateway.filter;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The peers whose {@code X-Forwarded-*} headers are believed: IPv4 and IPv6 addresses and CIDR
 * blocks ({@code 10.0.0.0/8}, {@code 2001:db8::/32}, {@code 192.0.2.7}). Literals only: a name
 * is refused, never resolved.
 */
public final class TrustedProxies {
  private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
      + "(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
  private static final TrustedProxies NONE = new TrustedProxies(List.of());

  private final List<Block> blocks;

  private TrustedProxies(List<Block> blocks) {
    this.blocks = List.copyOf(blocks);
  }

  /** Trusts no peer: every request's forwarded headers are replaced. */
  public static TrustedProxies none() {
    return NONE;
  }

  /**
   * Parses addresses and CIDR blocks.
   *
   * @throws IllegalArgumentException naming the first entry that is not an IP literal or a CIDR
   *     block without host bits
   */
  public static TrustedProxies of(List<String> entries) {
    List<Block> blocks = new ArrayList<>();
    for (String entry : entries) {
      blocks.add(Block.parse(entry));
    }
    return new TrustedProxies(blocks);
  }

  /** Whether any peer is trusted. */
  public boolean isEmpty() {
    return blocks.isEmpty();
  }

  /** Whether the peer is one of the trusted proxies. */
  public boolean trusts(InetAddress peer) {
    if (blocks.isEmpty()) {
      return false;
    }
    byte[] address = peer.getAddress();
    for (Block block : blocks) {
      if (block.contains(address)) {
        return true;
      }
    }
    return false;
  }

  private record Block(byte[] network, int prefix) {
    static Block parse(String entry) {
      if (entry == null) {
        throw invalid(null, "missing");
      }
      int slash = entry.indexOf('/');
      String literal = slash < 0 ? entry : entry.substring(0, slash);
      if (!IPV4.matcher(literal).matches() && !IPV6.matcher(literal).matches()) {
        throw invalid(entry, "not an IPv4 or IPv6 address");
      }
      byte[] network;
      try {
        network = InetAddress.getByName(literal).getAddress(); // a literal: no lookup
      } catch (UnknownHostException e) {
        throw invalid(entry, "not an IPv4 or IPv6 address");
      }
      int bits = network.length * 8;
      int prefix = bits;
      if (slash >= 0) {
        String length = entry.substring(slash + 1);
        if (!length.matches("[0-9]{1,3}") || Integer.parseInt(length) > bits) {
          throw invalid(entry, "the prefix length must be 0 to " + bits);
        }
        prefix = Integer.parseInt(length);
      }
      for (int bit = prefix; bit < bits; bit++) {
        if ((network[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
          throw invalid(entry, "bits are set after the /" + prefix + " prefix");
        }
      }
      return new Block(network, prefix);
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int whole = prefix / 8;
      for (int i = 0; i < whole; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      return rest == 0 || ((address[whole] ^ network[whole]) & (0xFF00 >>> rest) & 0xFF) == 0;
    }

    private static IllegalArgumentException invalid(String entry, String reason) {
      return new IllegalArgumentException("trusted-proxies entries must be IP addresses or CIDR blocks (" + reason
          + "), was: " + (entry == null ? "null" : "\"" + entry + "\""));
    }
  }
}
