package io.gatehouse.auth.keys;

import io.gatehouse.token.keys.SigningAlgorithm;
import java.time.Duration;

/**
 * How signing keys are managed.
 *
 * @param algorithm algorithm of new keys
 * @param rotationInterval age at which the active key is rotated by the schedule
 * @param jwksMaxAge {@code Cache-Control: max-age} of the JWKS; a next key must have been
 *     published at least this long before it may sign
 * @param retention how long a retired key stays published: longest token lifetime + clock skew
 * @param reloadInterval how often a node re-reads the keys (picks up rotations by other nodes)
 */
public record KeySettings(SigningAlgorithm algorithm, Duration rotationInterval, Duration jwksMaxAge,
    Duration retention, Duration reloadInterval) {}
