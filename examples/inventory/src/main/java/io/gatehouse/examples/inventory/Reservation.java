package io.gatehouse.examples.inventory;

/** What asking {@link Stock} to reserve gave. */
sealed interface Reservation {
  /** Reserved; {@code item} holds the stock left. */
  record Reserved(Item item, int quantity) implements Reservation {}

  /** No such sku. */
  record UnknownSku() implements Reservation {}

  /** Fewer in stock than asked for; nothing was reserved. */
  record NotEnough(int available) implements Reservation {}
}
