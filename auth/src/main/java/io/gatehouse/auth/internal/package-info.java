/** Small helpers shared by the auth packages (base62, SHA-256); not an API. */
package io.gatehouse.auth.internal;
