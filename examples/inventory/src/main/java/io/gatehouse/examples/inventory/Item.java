package io.gatehouse.examples.inventory;

import java.util.Objects;

/**
 * An item and how many are in stock.
 *
 * @param sku the stock keeping unit, the item's id
 * @param name what it is
 * @param available how many can still be reserved
 */
public record Item(String sku, String name, int available) {
  /** Checks the fields; {@link InventorySettings} checks the sku format. */
  public Item {
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(name, "name");
    if (available < 0) {
      throw new IllegalArgumentException("available must not be negative, was: " + available + " for " + sku);
    }
  }
}
