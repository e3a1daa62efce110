package io.gatehouse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.gatehouse.token.jwks.PublicJwks;
import io.gatehouse.token.keys.SigningAlgorithm;
import io.gatehouse.token.keys.SigningKey;
import io.gatehouse.token.mint.AccessTokenIssuer;
import io.gatehouse.token.mint.TokenRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CommandLineTest {
  private static final String ISSUER = "http://127.0.0.1:9000";

  @TempDir Path dir;

  @Test
  void helpListsCommandsAndExitsZero() {
    CommandRun run = CommandRun.of("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("token", "keys", "Exit codes");
  }

  @Test
  void versionNamesTheCryptoProvider() {
    CommandRun run = CommandRun.of("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).containsPattern("gatehouse \\S+").containsPattern("crypto provider (ACCP|JDK)");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(CommandRun.of("token", "verify", "--issuer", ISSUER, "abc").exitCode()).isEqualTo(2);
    assertThat(CommandRun.of("no-such-command").exitCode()).isEqualTo(2);
    assertThat(CommandRun.of("keys", "generate", "--alg", "HS256").exitCode()).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(SigningAlgorithm.class)
  void verifiesATokenMintedByTheTokenModule(SigningAlgorithm algorithm) throws IOException {
    SigningKey key = SigningKey.generate(algorithm);
    Path jwks = writeJwks(key);
    String token = mint(key, Clock.systemUTC(), "orders");

    CommandRun run = CommandRun.of("token", "verify", "--jwks", jwks.toString(), "--issuer", ISSUER,
        "--audience", "orders", token);

    assertThat(run.exitCode()).isZero();
    JsonNode claims = Json.mapper().readTree(run.out());
    assertThat(claims.get("sub").asText()).isEqualTo("alice");
    assertThat(claims.get("scope").asText()).isEqualTo("orders:read");
  }

  @Test
  void printsTheReasonCodeAndExitsOneWhenRejected() throws IOException {
    SigningKey key = SigningKey.generate(SigningAlgorithm.ES256);
    Path jwks = writeJwks(key);
    Clock yesterday = Clock.fixed(Instant.now().minus(Duration.ofDays(1)), ZoneOffset.UTC);

    CommandRun expired = CommandRun.of("token", "verify", "--jwks", jwks.toString(), "--issuer", ISSUER,
        "--audience", "orders", mint(key, yesterday, "orders"));
    CommandRun wrongAudience = CommandRun.of("token", "verify", "--jwks", jwks.toString(), "--issuer", ISSUER,
        "--audience", "orders", mint(key, Clock.systemUTC(), "inventory"));
    CommandRun otherKey = CommandRun.of("token", "verify", "--jwks", jwks.toString(), "--issuer", ISSUER,
        "--audience", "orders", mint(SigningKey.generate(SigningAlgorithm.ES256), Clock.systemUTC(), "orders"));

    assertThat(expired.exitCode()).isEqualTo(1);
    assertThat(expired.out().trim()).isEqualTo("expired");
    assertThat(wrongAudience.out().trim()).isEqualTo("audience_mismatch");
    assertThat(otherKey.out().trim()).isEqualTo("unknown_key");
    assertThat(otherKey.exitCode()).isEqualTo(1);
  }

  @Test
  void fetchesTheJwksFromAUrl() throws IOException {
    SigningKey key = SigningKey.generate(SigningAlgorithm.ES256);
    byte[] body = PublicJwks.of(List.of(key.verificationKey())).toJson().getBytes(StandardCharsets.UTF_8);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/oauth2/jwks", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", PublicJwks.MEDIA_TYPE);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/oauth2/jwks";
      CommandRun run = CommandRun.of("token", "verify", "--jwks", url, "--issuer", ISSUER,
          "--audience", "orders", mint(key, Clock.systemUTC(), "orders"));

      assertThat(run.exitCode()).isZero();
    } finally {
      server.stop(0);
    }
  }

  @Test
  void unreadableJwksIsAFailureWithOneLine() {
    CommandRun run = CommandRun.of("token", "verify", "--jwks", dir.resolve("missing.json").toString(),
        "--issuer", ISSUER, "--audience", "orders", "a.b.c");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("gatehouse: JWKS file not found");
  }

  @Test
  void keysGenerateWritesAPrivateFileWithMode0600AndPrintsOnlyPublicKeys() throws IOException {
    Path file = dir.resolve("signing.jwk");

    CommandRun run = CommandRun.of("keys", "generate", "--alg", "EdDSA", "--out", file.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(SigningKey.fromJwkJson(Files.readString(file)).algorithm()).isEqualTo(SigningAlgorithm.EDDSA);
    JsonNode printed = Json.mapper().readTree(run.out()).get("keys").get(0);
    assertThat(printed.has("d")).isFalse();
    assertThat(printed.get("crv").asText()).isEqualTo("Ed25519");
  }

  @Test
  void keysGenerateNeverOverwritesAFile() throws IOException {
    Path file = Files.writeString(dir.resolve("existing.jwk"), "keep me");

    CommandRun run = CommandRun.of("keys", "generate", "--out", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("refusing to overwrite");
    assertThat(Files.readString(file)).isEqualTo("keep me");
  }

  @Test
  void keysGenerateRefusesSmallRsaKeys() {
    CommandRun run = CommandRun.of("keys", "generate", "--alg", "RS256", "--rsa-bits", "1024",
        "--out", dir.resolve("weak.jwk").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("at least 2048");
    assertThat(dir.resolve("weak.jwk")).doesNotExist();
  }

  @Test
  void inspectDecodesWithoutVerifying() throws IOException {
    String token = mint(SigningKey.generate(SigningAlgorithm.ES256), Clock.systemUTC(), "orders");

    CommandRun run = CommandRun.of("token", "inspect", token);

    assertThat(run.exitCode()).isZero();
    JsonNode decoded = Json.mapper().readTree(run.out());
    assertThat(decoded.get("header").get("typ").asText()).isEqualTo("at+jwt");
    assertThat(decoded.get("claims").get("sub").asText()).isEqualTo("alice");
    assertThat(decoded.get("signature_verified").asBoolean()).isFalse();
    assertThat(run.err()).contains("NOT verified");
  }

  @Test
  void inspectRejectsSomethingThatIsNotAToken() {
    CommandRun run = CommandRun.of("token", "inspect", "not-a-token");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("expected 3 dot-separated parts");
  }

  @Test
  void mintSignsWithAKeyFileAndTheTokenVerifies() throws IOException {
    Path keyFile = dir.resolve("k.jwk");
    CommandRun generated = CommandRun.of("keys", "generate", "--out", keyFile.toString());
    Path jwks = Files.writeString(dir.resolve("jwks.json"), generated.out());

    CommandRun minted = CommandRun.of("token", "mint", "--key", keyFile.toString(), "--issuer", ISSUER,
        "--audience", "orders", "--subject", "bob", "--scope", "orders:read,orders:write");
    CommandRun verified = CommandRun.of("token", "verify", "--jwks", jwks.toString(), "--issuer", ISSUER,
        "--audience", "orders", minted.out().trim());

    assertThat(minted.exitCode()).isZero();
    assertThat(verified.exitCode()).isZero();
    assertThat(Json.mapper().readTree(verified.out()).get("scope").asText()).isEqualTo("orders:read orders:write");
  }

  private Path writeJwks(SigningKey key) throws IOException {
    return Files.writeString(dir.resolve("jwks-" + key.kid() + ".json"),
        PublicJwks.of(List.of(key.verificationKey())).toJson());
  }

  private static String mint(SigningKey key, Clock clock, String audience) {
    return AccessTokenIssuer.builder().issuer(ISSUER).signingKey(key).clock(clock).build()
        .mint(TokenRequest.builder().subject("alice").audience(audience).clientId("test")
            .scopes(List.of("orders:read")).lifetime(Duration.ofMinutes(5)).build())
        .value();
  }
}
