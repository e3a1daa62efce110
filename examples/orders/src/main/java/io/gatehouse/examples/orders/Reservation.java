package io.gatehouse.examples.orders;

/** What inventory said to a reservation, as the orders service acts on it. */
sealed interface Reservation {
  /** Stock reserved. */
  record Reserved(int remaining) implements Reservation {}

  /** Inventory has no such sku. */
  record UnknownSku(String detail) implements Reservation {}

  /** Not enough stock; nothing was reserved. */
  record NotEnough(String detail) implements Reservation {}

  /**
   * The reservation could not be made for a reason that is not the caller's.
   *
   * @param status what to answer: 503 when inventory or the auth service is unreachable, 502 when
   *     inventory answered something unusable
   * @param detail for the caller
   */
  record Failed(int status, String detail) implements Reservation {}
}
