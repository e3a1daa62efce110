package io.gatehouse.auth.store;

import static io.gatehouse.auth.store.StoreException.Kind.CONFLICT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Transactions: all or nothing, and a failed call leaves the rest of the transaction usable. */
abstract class TransactionTests extends StoreContract {
  TransactionTests(TestDatabase db) {
    super(db);
  }

  @Test
  void exceptionMidWorkLeavesNothingWritten() {
    assertThatThrownBy(() -> run(tx -> {
      tx.putRole("customer", List.of("orders:read"));
      tx.createUser("alice", HASH, List.of("customer"));
      throw new IllegalStateException("boom");
    })).isInstanceOf(IllegalStateException.class).hasMessage("boom");

    assertThat(each.userByUsername("alice")).isEmpty();
    assertThat(each.role("customer")).isEmpty();
  }

  @Test
  void storeFailureMidWorkRollsBackEarlierWrites() {
    createUser("alice");
    assertFails(CONFLICT, () -> run(tx -> {
      tx.createUser("bob", HASH, List.of());
      tx.createUser("alice", HASH, List.of());
    }));
    assertThat(each.userByUsername("bob")).isEmpty();
  }

  @Test
  void changeAndItsAuditEventCommitTogether() {
    User alice = tx(tx -> {
      User user = tx.createUser("alice", HASH, List.of());
      tx.audit(TestDatabase.T0, "admin", "user.create", user.id(), "success", "");
      return user;
    });
    assertThat(each.auditEvents(Optional.empty(), 10).items()).singleElement()
        .extracting(AuditEvent::target).isEqualTo(alice.id());

    assertThatThrownBy(() -> run(tx -> {
      tx.deleteUser(alice.id());
      tx.audit(TestDatabase.T0, "admin", "user.delete", alice.id(), "success", "bad\u0000detail");
    })).isInstanceOf(StoreException.class);
    assertThat(each.user(alice.id())).isPresent();
    assertThat(each.auditEvents(Optional.empty(), 10).items()).hasSize(1);
  }

  @Test
  void caughtFailureUndoesOnlyItsOwnCallAndTheTransactionGoesOn() {
    createUser("alice");
    tx(tx -> {
      try {
        tx.createUser("alice", HASH, List.of());
      } catch (StoreException e) {
        tx.audit(TestDatabase.T0, "admin", "user.create", "alice", "failure", e.kind().name());
      }
      return tx.createUser("bob", HASH, List.of());
    });
    assertThat(each.userByUsername("bob")).isPresent();
    assertThat(each.auditEvents(Optional.empty(), 10).items()).singleElement()
        .extracting(AuditEvent::detail).isEqualTo("CONFLICT");
  }

  @Test
  void transactionCannotBeUsedAfterItsWork() {
    StoreTransaction leaked = tx(tx -> tx);
    assertThatThrownBy(() -> leaked.user("u_x")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ended");
  }

  @Test
  void returnsTheWorksResult() {
    int answer = tx(tx -> 42);
    assertThat(answer).isEqualTo(42);
    assertThat(store.healthy()).isTrue();
  }
}
