package io.gatehouse.gateway.phantom;

import io.gatehouse.gateway.credential.ForwardedToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.gateway.credential.Credential;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The auth service's RFC 8693 token exchange over HTTP, the gateway authenticating as its own
 * client ({@code client_secret_basic}). Asynchronous, with a connect and a request timeout and a
 * bound on exchanges in flight, so a slow auth service costs waiting requests, never threads.
 */
public final class AuthServiceExchanger implements TokenExchanger {
  static final String GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
  static final String API_KEY_TYPE = "urn:gatehouse:token-type:api-key";
  private static final Logger LOG = LoggerFactory.getLogger(AuthServiceExchanger.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_RESPONSE_BYTES = 64 * 1024;

  private final URI tokenEndpoint;
  private final String basicAuthorization;
  private final Duration requestTimeout;
  private final Semaphore inFlight;
  private final HttpClient client;

  /**
   * An exchanger for one auth service.
   *
   * @param tokenEndpoint the auth service's {@code /oauth2/token}
   * @param clientId the gateway's client id
   * @param clientSecret its secret (kept only inside the Basic header)
   * @param connectTimeout bound on connecting
   * @param requestTimeout bound on the whole exchange
   * @param maxInFlight exchanges allowed at once; more fail at once as unavailable
   */
  public AuthServiceExchanger(URI tokenEndpoint, String clientId, String clientSecret, Duration connectTimeout,
      Duration requestTimeout, int maxInFlight) {
    this.tokenEndpoint = tokenEndpoint;
    this.basicAuthorization = "Basic " + Base64.getEncoder().encodeToString(
        (form(clientId) + ":" + form(clientSecret)).getBytes(StandardCharsets.UTF_8));
    this.requestTimeout = requestTimeout;
    this.inFlight = new Semaphore(maxInFlight);
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(Executors.newVirtualThreadPerTaskExecutor())
        .build();
  }

  @Override
  public CompletableFuture<ExchangeOutcome> exchange(Credential.ApiKey key, String audience) {
    if (!inFlight.tryAcquire()) {
      return CompletableFuture.failedFuture(new AuthUnavailableException("too many token exchanges in flight", null));
    }
    String body = "grant_type=" + form(GRANT) + "&subject_token_type=" + form(API_KEY_TYPE)
        + "&subject_token=" + form(key.key()) + "&audience=" + form(audience);
    HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
        .timeout(requestTimeout)
        .header("Authorization", basicAuthorization)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    CompletableFuture<ExchangeOutcome> outcome;
    try {
      outcome = client.sendAsync(request, info -> bounded(info))
          .handle((response, failure) -> {
            if (failure != null) {
              throw new AuthUnavailableException("token exchange failed: " + failure, failure);
            }
            return outcome(response);
          });
    } catch (RuntimeException e) {
      inFlight.release();
      throw e;
    }
    return outcome.whenComplete((result, failure) -> inFlight.release());
  }

  private static HttpResponse.BodySubscriber<byte[]> bounded(HttpResponse.ResponseInfo info) {
    long length = info.headers().firstValueAsLong("Content-Length").orElse(-1);
    if (length < 0 || length > MAX_RESPONSE_BYTES) {
      return HttpResponse.BodySubscribers.replacing(null);
    }
    return HttpResponse.BodySubscribers.ofByteArray();
  }

  private ExchangeOutcome outcome(HttpResponse<byte[]> response) {
    JsonNode json = parse(response);
    int status = response.statusCode();
    if (status == 200) {
      return new ExchangeOutcome.Issued(token(json));
    }
    String error = json.path("error").asText("");
    if (status == 400 && error.equals("invalid_grant")) {
      return ExchangeOutcome.REFUSED;
    }
    // invalid_client, invalid_target, unauthorized_client: the gateway's own setup is wrong.
    String reason = "the auth service answered " + status + (error.isEmpty() ? "" : " " + error)
        + " to the gateway's token exchange";
    if (status < 500) {
      LOG.error("{}: check the gateway's client id, secret, grant types and audiences", reason);
    }
    throw new AuthUnavailableException(reason, null);
  }

  private static JsonNode parse(HttpResponse<byte[]> response) {
    if (response.body() == null) {
      throw new AuthUnavailableException("the auth service's answer has no length or is over "
          + MAX_RESPONSE_BYTES + " bytes", null);
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AuthUnavailableException("the auth service's answer is not JSON", e);
    }
  }

  /** Reads the issued token's claims; the token came straight from the auth service, so it is not re-verified. */
  static PhantomToken token(JsonNode response) {
    String jwt = response.path("access_token").asText("");
    String[] parts = jwt.split("\\.");
    if (parts.length != 3) {
      throw new AuthUnavailableException("the auth service issued no compact JWT", null);
    }
    JsonNode claims;
    try {
      claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    } catch (IOException | IllegalArgumentException e) {
      throw new AuthUnavailableException("the auth service issued an unreadable JWT", e);
    }
    Set<String> permissions = new LinkedHashSet<>();
    for (String scope : claims.path("scope").asText("").split(" ")) {
      if (!scope.isEmpty()) {
        permissions.add(scope);
      }
    }
    return new PhantomToken(ForwardedToken.of(jwt), claims.path("sub").asText(""), claims.path("api_key_id").asText(""), permissions,
        Instant.ofEpochSecond(claims.path("exp").asLong()));
  }

  private static String form(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
