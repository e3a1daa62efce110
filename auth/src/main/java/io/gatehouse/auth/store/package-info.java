/**
 * Persistence of users, roles, clients, API keys, signing keys, refresh tokens and audit events:
 * JDBC over HikariCP, Flyway migrations that run unchanged on H2 and PostgreSQL. Everything that
 * belongs together is written in one {@link io.gatehouse.auth.store.AuthStore#inTransaction transaction}.
 */
package io.gatehouse.auth.store;
