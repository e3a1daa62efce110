/**
 * Token-bucket rate limits (Bucket4j, local to the node): per API key, per client, per route, and
 * a budget of failed authentication attempts per source address against brute force.
 */
package io.gatehouse.gateway.ratelimit;
