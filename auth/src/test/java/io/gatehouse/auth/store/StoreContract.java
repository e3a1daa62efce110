package io.gatehouse.auth.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gatehouse.auth.internal.Sha256;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;

/** Base of the store suites that run on every database ({@link H2StoreTest}, {@link PostgresStoreTest}). */
abstract class StoreContract {
  /** A password hash as the store sees it: an opaque string. */
  static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$aGFzaGhhc2hoYXNo";

  private final TestDatabase db;
  AuthStore store;
  MutableClock clock;
  /** Runs each call in a transaction of its own. */
  StoreTransaction each;

  StoreContract(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void emptyDatabase() {
    db.reset();
    store = db.store();
    clock = db.clock();
    each = (StoreTransaction) Proxy.newProxyInstance(StoreTransaction.class.getClassLoader(),
        new Class<?>[] {StoreTransaction.class}, (proxy, method, args) -> tx(tx -> invoke(method, tx, args)));
  }

  private static Object invoke(Method method, StoreTransaction tx, Object[] args) {
    try {
      return method.invoke(tx, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  void run(Consumer<StoreTransaction> work) {
    store.inTransaction(tx -> {
      work.accept(tx);
      return null;
    });
  }

  <T> T tx(Function<StoreTransaction, T> work) {
    return store.inTransaction(work);
  }

  /** Asserts that {@code call} throws a {@link StoreException} of {@code kind}; more checks may follow. */
  static AbstractThrowableAssert<?, ? extends Throwable> assertFails(StoreException.Kind kind,
      ThrowingCallable call) {
    StoreException e = catchThrowableOfType(StoreException.class, call);
    assertThat(e).as("expected a StoreException of kind " + kind).isNotNull();
    assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
    return assertThat((Throwable) e);
  }

  static TreeSet<String> set(String... values) {
    return new TreeSet<>(Set.of(values));
  }

  /** A SHA-256-shaped hex string derived from a label. */
  static String hash(String label) {
    return Sha256.hex(label);
  }

  User createUser(String username, String... roles) {
    return each.createUser(username, HASH, List.of(roles));
  }

  void role(String name, String... permissions) {
    each.putRole(name, List.of(permissions));
  }

  static ApiKey newKey(String id, String userId, String... scopes) {
    return new ApiKey(id, userId, "key " + id, set(scopes), Instant.EPOCH, Optional.empty(), Optional.empty(),
        Optional.empty());
  }

  /** Every item of a paged list, following cursors; checks no page exceeds the limit. */
  static <T> List<T> all(Function<Optional<String>, Page<T>> fetch, int limit) {
    List<T> items = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      Page<T> page = fetch.apply(cursor);
      if (page.items().size() > limit || (page.next().isPresent() && page.items().size() != limit)) {
        throw new AssertionError("page of " + page.items().size() + " items for limit " + limit);
      }
      items.addAll(page.items());
      cursor = page.next();
    } while (cursor.isPresent());
    return items;
  }
}
