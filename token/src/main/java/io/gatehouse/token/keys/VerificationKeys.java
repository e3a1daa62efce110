package io.gatehouse.token.keys;

import java.util.List;
import java.util.Optional;

/** Where a verifier finds public keys: a static JWKS, a key ring, or a remote JWKS cache. */
public interface VerificationKeys {
  /** The key with this {@code kid}, if known. */
  Optional<VerificationKey> byKid(String kid);

  /** The key with this {@code kid} if it is held now, without any I/O (a remote source never fetches here). */
  default Optional<VerificationKey> heldKey(String kid) {
    return byKid(kid);
  }

  /** Every key known now. */
  List<VerificationKey> all();
}
