/**
 * JSON Web Key Sets that hold public keys only: built from {@code VerificationKey}s, so a private
 * member cannot be written; parsing refuses private members and duplicate {@code kid}s.
 */
package io.gatehouse.token.jwks;
