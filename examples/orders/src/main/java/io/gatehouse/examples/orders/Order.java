package io.gatehouse.examples.orders;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An order as the API shows it.
 *
 * @param id its id
 * @param owner the {@code sub} of the token that created it
 * @param sku what was ordered
 * @param quantity how many
 * @param createdAt when, ISO-8601 UTC
 */
record Order(String id, String owner, String sku, int quantity, @JsonProperty("created_at") String createdAt) {}
