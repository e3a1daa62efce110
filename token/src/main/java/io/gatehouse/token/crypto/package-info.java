/**
 * Which JCA provider signs and verifies: the Amazon Corretto Crypto Provider when its native
 * library loads (10-20x the JDK's ECDSA/EdDSA speed), the JDK's providers otherwise.
 */
package io.gatehouse.token.crypto;
