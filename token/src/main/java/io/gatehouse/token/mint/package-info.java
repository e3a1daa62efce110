/** Minting RFC 9068 access tokens: {@code typ: at+jwt}, {@code kid} = thumbprint, the contract's claim set. */
package io.gatehouse.token.mint;
