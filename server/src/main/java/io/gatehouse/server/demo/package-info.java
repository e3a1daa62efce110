/** {@code gatehouse demo}: the whole system in one process on the embedded store, seeded and explained. */
package io.gatehouse.server.demo;
