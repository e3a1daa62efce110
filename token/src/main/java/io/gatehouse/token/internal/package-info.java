/** Helpers private to the token module: strict base64url and JSON, JCA-backed EdDSA for Nimbus. */
package io.gatehouse.token.internal;
