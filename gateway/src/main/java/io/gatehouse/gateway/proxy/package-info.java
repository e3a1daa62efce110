/**
 * The reverse proxy on the HTTP core's streaming exchanges: route, header hygiene, forwarded
 * headers, a keep-alive upstream pool per event loop, bodies streamed both ways with backpressure.
 */
package io.gatehouse.gateway.proxy;
