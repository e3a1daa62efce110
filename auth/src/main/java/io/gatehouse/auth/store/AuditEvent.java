package io.gatehouse.auth.store;

import java.time.Instant;

/**
 * One audit record: who did what to which target, when, and how it ended.
 *
 * @param id store-assigned, increasing
 * @param at when
 * @param actor the admin client id (or {@code system})
 * @param action e.g. {@code user.create}, {@code api_key.revoke}, {@code signing_key.rotate}
 * @param target e.g. the user id or key id
 * @param outcome {@code success} or {@code failure}
 * @param detail short, never a secret
 */
public record AuditEvent(long id, Instant at, String actor, String action, String target, String outcome,
    String detail) {}
