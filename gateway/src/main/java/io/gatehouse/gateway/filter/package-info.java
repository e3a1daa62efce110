/**
 * The gateway pipeline: an ordered list of one-job filters over a per-request
 * {@link io.gatehouse.gateway.filter.GatewayContext}. Each filter continues the chain or answers.
 */
package io.gatehouse.gateway.filter;
