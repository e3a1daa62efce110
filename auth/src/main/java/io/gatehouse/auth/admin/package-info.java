/**
 * The admin API ({@code /admin/v1} on the admin listener): roles, users, API keys, clients,
 * signing keys and audit, JSON in and out, every change audited in its own transaction, every
 * call authenticated with an admin token ({@code client_credentials} for a client holding
 * {@code gatehouse:admin}).
 */
package io.gatehouse.auth.admin;
