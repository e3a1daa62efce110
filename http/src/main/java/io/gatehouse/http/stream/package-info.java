/**
 * Streaming exchanges for data-plane handlers (the gateway): the request body arrives chunk by
 * chunk with backpressure, the response is written head first and then chunk by chunk. The core
 * keeps doing what it does for every listener: strict parsing, limits, timeouts, request ids,
 * ordering of pipelined requests, access log, metrics and drain.
 */
package io.gatehouse.http.stream;
