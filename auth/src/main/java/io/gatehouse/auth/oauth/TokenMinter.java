package io.gatehouse.auth.oauth;

import io.gatehouse.auth.keys.SigningKeyService;
import io.gatehouse.token.TokenType;
import io.gatehouse.token.mint.AccessTokenIssuer;
import io.gatehouse.token.mint.MintedToken;
import io.gatehouse.token.mint.TokenRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Mints access tokens with the active key, choosing {@code typ} from the audience's configuration. */
final class TokenMinter {
  private final AccessTokenIssuer issuer;
  private final TokenSettings settings;

  TokenMinter(TokenSettings settings, SigningKeyService keys, Clock clock) {
    this.settings = settings;
    this.issuer = AccessTokenIssuer.builder().issuer(settings.issuer()).signingKey(keys::activeKey).clock(clock).build();
  }

  MintedToken mint(String subject, List<String> audience, String clientId, Collection<String> scopes,
      Duration lifetime, Optional<String> apiKeyId) {
    TokenRequest.Builder request = TokenRequest.builder().subject(subject).clientId(clientId).scopes(scopes)
        .lifetime(lifetime).type(typeFor(audience));
    audience.forEach(request::audience);
    apiKeyId.ifPresent(request::apiKeyId);
    return issuer.mint(request.build());
  }

  String issuer() {
    return settings.issuer();
  }

  private TokenType typeFor(List<String> audience) {
    return audience.stream().map(settings.audienceTypes()::get).filter(type -> type != null).findFirst()
        .orElse(TokenType.AT_JWT);
  }
}
