/**
 * Listeners: {@link io.gatehouse.http.server.HttpServer} bound to a port on the shared {@link
 * io.gatehouse.http.server.EventLoops}, with the limits and timeouts of {@link
 * io.gatehouse.http.server.ServerLimits}, and graceful drain.
 */
package io.gatehouse.http.server;
