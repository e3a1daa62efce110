package io.gatehouse.gateway.phantom;

/** What the auth service answered to a token exchange. */
public sealed interface ExchangeOutcome {
  /** The key is valid: here is its internal token. */
  record Issued(PhantomToken token) implements ExchangeOutcome {}

  /** The key is unknown, revoked, expired or disowned (the auth service does not say which). */
  record Refused() implements ExchangeOutcome {}

  /** The one refusal. */
  ExchangeOutcome REFUSED = new Refused();
}
