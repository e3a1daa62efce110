/**
 * Sample microservice {@code orders}: each caller's orders, in memory. It runs on Jetty 12 (ee10,
 * Jakarta Servlet 6) behind the SDK's {@link io.gatehouse.sdk.servlet.GatehouseAuthFilter}, and
 * reserves stock in {@code inventory} with a client-credentials token of its own. Start it
 * in-process with {@link io.gatehouse.examples.orders.OrdersService#start} or from
 * {@link io.gatehouse.examples.orders.OrdersMain}.
 */
package io.gatehouse.examples.orders;
