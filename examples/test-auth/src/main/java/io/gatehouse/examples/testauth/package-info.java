/**
 * Test fixture for the sample services: {@link io.gatehouse.examples.testauth.TestAuthServer} runs
 * the real auth service in-process (embedded H2 in a temporary directory) and seeds clients, roles,
 * users and API keys through its admin API, the way an operator would.
 */
package io.gatehouse.examples.testauth;
