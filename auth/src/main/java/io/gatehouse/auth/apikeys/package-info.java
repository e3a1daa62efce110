/**
 * Resolving presented API keys on the hot path: format and checksum first (no store access for
 * garbage), then a short-lived cache of key records and owner permissions, and batched
 * {@code last_used_at} updates.
 */
package io.gatehouse.auth.apikeys;
