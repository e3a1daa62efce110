package io.gatehouse.auth;

import static io.gatehouse.auth.oauth.GrantTypes.CLIENT_CREDENTIALS;
import static io.gatehouse.auth.oauth.GrantTypes.REFRESH_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many callers at once. */
abstract class ConcurrencyTests extends AuthServiceContract {
  ConcurrencyTests(ServiceDatabase db) {
    super(db);
  }

  @Test
  void createsConcurrentApiKeysForOneUserWithDistinctIdsAndKeys() throws Exception {
    createRole("reader", "orders:read");
    String alice = createUser("alice", "reader");
    adminToken();

    List<Reply> replies = all(20, i -> admin("POST", "/users/" + alice + "/api-keys",
        Map.of("name", "key " + i, "scopes", List.of("orders:read"))));

    List<String> ids = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (Reply reply : replies) {
      JsonNode key = reply.expect(201);
      ids.add(key.path("id").asText());
      keys.add(key.path("key").asText());
    }
    assertThat(ids).hasSize(20).doesNotHaveDuplicates();
    assertThat(keys).hasSize(20).doesNotHaveDuplicates();
    JsonNode listed = admin("GET", "/users/" + alice + "/api-keys?limit=200").expect(200).path("items");
    assertThat(listed.findValuesAsText("id")).containsExactlyInAnyOrderElementsOf(ids);
    Creds gateway = gateway();
    for (String key : keys) {
      exchange(gateway, key, "orders").expect(200);
    }
  }

  @Test
  void letsOnlyOneOfManyConcurrentUsesOfARefreshTokenSucceed() throws Exception {
    Creds app = createClient("app", List.of(CLIENT_CREDENTIALS, REFRESH_TOKEN), List.of(), List.of());
    String refresh = token(app, "grant_type", "client_credentials").expect(200).path("refresh_token").asText();

    List<Reply> replies = all(8, i -> token(app, "grant_type", "refresh_token", "refresh_token", refresh));

    assertThat(replies).filteredOn(reply -> reply.status() == 200).hasSize(1);
    replies.stream().filter(reply -> reply.status() != 200)
        .forEach(reply -> reply.expectOAuthError(400, "invalid_grant"));
  }

  /** Runs {@code count} calls released at the same moment. */
  private static List<Reply> all(int count, Call call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Reply>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        Callable<Reply> task = () -> {
          go.await();
          return call.run(index);
        };
        futures.add(pool.submit(task));
      }
      go.countDown();
      List<Reply> replies = new ArrayList<>();
      for (Future<Reply> future : futures) {
        replies.add(future.get(60, TimeUnit.SECONDS));
      }
      return replies;
    } finally {
      pool.shutdownNow();
    }
  }

  @FunctionalInterface
  private interface Call {
    Reply run(int index);
  }
}
