/**
 * The HTTP core every Gatehouse listener runs on: Netty, strict HTTP/1.1, limits and timeouts,
 * request ids, problem+json errors, access log, metrics and graceful drain. {@link
 * io.gatehouse.http.HttpException} is the module's one exception family; its status is the
 * status on the wire.
 */
package io.gatehouse.http;
