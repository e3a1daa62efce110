/**
 * Configuration: kebab-case YAML ({@code version: 1}), {@code GATEHOUSE_<PATH>} environment
 * overrides, and validation that reports every error at once with path, value, origin and reason.
 */
package io.gatehouse.server.config;
