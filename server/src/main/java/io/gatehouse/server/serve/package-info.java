/** The running process: shared event loops, metrics, readiness and the listeners a configuration enables. */
package io.gatehouse.server.serve;
