/**
 * The {@code gatehouse} command line (picocli). Exit codes: 0 ok, 1 failure (including a rejected
 * token), 2 usage error.
 */
package io.gatehouse.server.cli;
