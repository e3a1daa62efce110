package io.gatehouse.examples.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The items in stock, in memory. Thread-safe: a reservation checks and takes stock in one step. */
final class Stock {
  private final Map<String, Item> items = new TreeMap<>();

  Stock(List<Item> seed) {
    seed.forEach(item -> items.put(item.sku(), item));
  }

  synchronized List<Item> list() {
    return new ArrayList<>(items.values());
  }

  synchronized Reservation reserve(String sku, int quantity) {
    Item item = items.get(sku);
    if (item == null) {
      return new Reservation.UnknownSku();
    }
    if (item.available() < quantity) {
      return new Reservation.NotEnough(item.available());
    }
    Item left = new Item(sku, item.name(), item.available() - quantity);
    items.put(sku, left);
    return new Reservation.Reserved(left, quantity);
  }
}
