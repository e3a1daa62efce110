/**
 * What handlers see: {@link io.gatehouse.http.handler.Request}, {@link
 * io.gatehouse.http.handler.Response}, the one-method {@link io.gatehouse.http.handler.HttpHandler},
 * and the {@link io.gatehouse.http.handler.Router} that maps method + path template to a route.
 */
package io.gatehouse.http.handler;
