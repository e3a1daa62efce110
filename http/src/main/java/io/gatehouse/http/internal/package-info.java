/**
 * The Netty pipeline behind every listener: strict decoding, head validation, timeouts, the
 * per-connection exchange handler, problem+json rendering and the blocking-call guard.
 */
package io.gatehouse.http.internal;
