package io.gatehouse.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrincipalTest {
  private final Set<String> granted = new HashSet<>(Set.of("orders:read", "orders:write"));
  private final Principal principal = new Principal("alice", Optional.of("web"), granted, Optional.empty(),
      Instant.parse("2026-01-01T00:05:00Z"), Map.of("sub", "alice"));

  @Test
  void requirePassesWhenEveryPermissionIsHeld() {
    assertThatCode(() -> principal.require("orders:read", "orders:write")).doesNotThrowAnyException();
    assertThatCode(() -> principal.require(List.of())).doesNotThrowAnyException();
  }

  @Test
  void requireListsTheMissingPermissions() {
    assertThatThrownBy(() -> principal.require("orders:read", "orders:admin", "audit:read"))
        .isInstanceOfSatisfying(ForbiddenException.class, e -> {
          assertThat(e.missing()).containsExactly("orders:admin", "audit:read");
          assertThat(e.required()).containsExactly("orders:read", "orders:admin", "audit:read");
          assertThat(e.description()).isEqualTo("missing permission(s): orders:admin audit:read");
        })
        .isInstanceOf(AuthException.class);
  }

  @Test
  void hasPermissionIsExact() {
    assertThat(principal.hasPermission("orders:read")).isTrue();
    assertThat(principal.hasPermission("orders")).isFalse();
    assertThat(principal.hasPermission("ORDERS:READ")).isFalse();
  }

  @Test
  void permissionsCannotChangeAfterConstruction() {
    granted.add("orders:admin");

    assertThat(principal.hasPermission("orders:admin")).isFalse();
    assertThatThrownBy(() -> principal.permissions().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }
}
