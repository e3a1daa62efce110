/**
 * The reverse proxy on the HTTP core's streaming exchanges: {@link io.gatehouse.gateway.proxy.ProxyHandler}
 * assembles the filter pipeline and forwards over a keep-alive upstream pool per event loop, with
 * bodies streamed both ways with backpressure; balancing, retry budgets, passive and active
 * upstream health, per-route metrics and readiness.
 */
package io.gatehouse.gateway.proxy;
