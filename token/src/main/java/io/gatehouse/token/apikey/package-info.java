/** The API key format shared by the auth service and the gateway: prefix, id, secret, checksum. */
package io.gatehouse.token.apikey;
