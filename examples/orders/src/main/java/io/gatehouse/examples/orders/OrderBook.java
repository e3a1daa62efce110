package io.gatehouse.examples.orders;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Every caller's orders, in memory, oldest first. Thread-safe. */
final class OrderBook {
  private final Map<String, List<Order>> byOwner = new HashMap<>();
  private final Clock clock;

  OrderBook(Clock clock) {
    this.clock = clock;
  }

  synchronized Order add(String owner, String sku, int quantity) {
    Order order = new Order("ord_" + UUID.randomUUID().toString().replace("-", ""), owner, sku, quantity,
        clock.instant().toString());
    byOwner.computeIfAbsent(owner, o -> new ArrayList<>()).add(order);
    return order;
  }

  synchronized List<Order> of(String owner) {
    return List.copyOf(byOwner.getOrDefault(owner, List.of()));
  }
}
