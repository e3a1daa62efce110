package io.gatehouse.token.keys;

import java.util.List;
import java.util.Optional;

/** Where a verifier finds public keys: a static JWKS, a key ring, or a remote JWKS cache. */
public interface VerificationKeys {
  /** The key with this {@code kid}, if known. */
  Optional<VerificationKey> byKid(String kid);

  /** Every key known now. */
  List<VerificationKey> all();
}
