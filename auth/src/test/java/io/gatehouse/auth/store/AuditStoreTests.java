package io.gatehouse.auth.store;

import static io.gatehouse.auth.store.StoreException.Kind.INVALID;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The audit log: append with increasing ids, newest-first pages. */
abstract class AuditStoreTests extends StoreContract {
  AuditStoreTests(TestDatabase db) {
    super(db);
  }

  @Test
  void appendsEventsWithIncreasingIds() {
    AuditEvent first = each.audit(TestDatabase.T0, "admin", "user.create", "u_1", "success", "roles=a");
    AuditEvent second = each.audit(TestDatabase.T0, "system", "signing_key.rotate", "", "failure", "");

    assertThat(second.id()).isGreaterThan(first.id());
    assertThat(first).isEqualTo(new AuditEvent(first.id(), TestDatabase.T0, "admin", "user.create", "u_1", "success",
        "roles=a"));
    assertThat(each.auditEvents(Optional.empty(), 10).items()).containsExactly(second, first);
  }

  @Test
  void pagesNewestFirst() {
    List<Long> ids = IntStream.range(0, 7)
        .mapToObj(i -> each.audit(TestDatabase.T0.plusSeconds(i), "admin", "role.put", "r" + i, "success",
            "").id())
        .toList();

    List<AuditEvent> listed = all(cursor -> each.auditEvents(cursor, 3), 3);

    assertThat(listed).extracting(AuditEvent::id).containsExactlyElementsOf(ids.reversed());
    assertThat(listed.get(0).target()).isEqualTo("r6");
  }

  @Test
  void rejectsUnknownOutcomeAndBadCursor() {
    assertFails(INVALID, () -> each.audit(TestDatabase.T0, "admin", "user.create", "u", "maybe", ""));
    String notANumber = Base64.getUrlEncoder().withoutPadding().encodeToString("abc".getBytes(StandardCharsets.UTF_8));
    assertFails(INVALID, () -> each.auditEvents(Optional.of(notANumber), 10));
    assertThat(each.auditEvents(Optional.empty(), 10).items()).isEmpty();
  }
}
