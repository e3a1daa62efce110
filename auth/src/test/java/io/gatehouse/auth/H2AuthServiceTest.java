package io.gatehouse.auth;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** The auth service end to end over HTTP, on the embedded H2 default (a file in the test's data directory). */
class H2AuthServiceTest {
  private static ServiceDatabase db;

  @BeforeAll
  static void open() {
    db = ServiceDatabase.embeddedH2();
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Nested
  class Discovery extends DiscoveryTests {
    Discovery() {
      super(db);
    }
  }

  @Nested
  class ClientCredentials extends ClientCredentialsTests {
    ClientCredentials() {
      super(db);
    }
  }

  @Nested
  class AdminApi extends AdminApiTests {
    AdminApi() {
      super(db);
    }
  }

  @Nested
  class SigningKeysAndAudit extends SigningKeyAndAuditTests {
    SigningKeysAndAudit() {
      super(db);
    }
  }

  @Nested
  class AdminInput extends AdminInputTests {
    AdminInput() {
      super(db);
    }
  }

  @Nested
  class TokenExchange extends TokenExchangeTests {
    TokenExchange() {
      super(db);
    }
  }

  @Nested
  class Introspection extends IntrospectionTests {
    Introspection() {
      super(db);
    }
  }

  @Nested
  class RefreshAndRevocation extends RefreshAndRevocationTests {
    RefreshAndRevocation() {
      super(db);
    }
  }

  @Nested
  class Concurrency extends ConcurrencyTests {
    Concurrency() {
      super(db);
    }
  }

  @Nested
  class Bootstrap extends BootstrapTests {
    Bootstrap() {
      super(db);
    }
  }
}
