/**
 * Sample microservice {@code inventory}: items and their stock, in memory. It verifies each
 * request's token with the SDK's plain {@link io.gatehouse.sdk.TokenVerifier} API on the JDK's
 * HTTP server, to show the way without a servlet container. Start it in-process with
 * {@link io.gatehouse.examples.inventory.InventoryService#start} or from
 * {@link io.gatehouse.examples.inventory.InventoryMain}.
 */
package io.gatehouse.examples.inventory;
