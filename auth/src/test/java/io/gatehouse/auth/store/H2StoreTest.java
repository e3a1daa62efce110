package io.gatehouse.auth.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** The store suite on H2, in the embedded file settings the server uses. */
class H2StoreTest {
  private static TestDatabase db;

  @BeforeAll
  static void open() {
    db = TestDatabase.h2();
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Nested
  class Users extends UserStoreTests {
    Users() {
      super(db);
    }
  }

  @Nested
  class Roles extends RoleStoreTests {
    Roles() {
      super(db);
    }
  }

  @Nested
  class Clients extends ClientStoreTests {
    Clients() {
      super(db);
    }
  }

  @Nested
  class ApiKeys extends ApiKeyStoreTests {
    ApiKeys() {
      super(db);
    }
  }

  @Nested
  class SigningKeys extends SigningKeyStoreTests {
    SigningKeys() {
      super(db);
    }
  }

  @Nested
  class RefreshTokens extends RefreshTokenStoreTests {
    RefreshTokens() {
      super(db);
    }
  }

  @Nested
  class Audit extends AuditStoreTests {
    Audit() {
      super(db);
    }
  }

  @Nested
  class Transactions extends TransactionTests {
    Transactions() {
      super(db);
    }
  }

  @Nested
  class Inputs extends InputTests {
    Inputs() {
      super(db);
    }
  }
}
