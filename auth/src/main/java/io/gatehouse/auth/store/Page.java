package io.gatehouse.auth.store;

import java.util.List;
import java.util.Optional;

/**
 * One page of a list and the cursor of the next (absent on the last page).
 *
 * @param items the items
 * @param next opaque cursor to pass back for the next page
 */
public record Page<T>(List<T> items, Optional<String> next) {}
