package io.gatehouse.auth.store;

import java.util.SortedSet;

/**
 * A named set of permissions.
 *
 * @param name unique name, e.g. {@code customer}
 * @param permissions permission strings such as {@code orders:read}
 */
public record Role(String name, SortedSet<String> permissions) {}
