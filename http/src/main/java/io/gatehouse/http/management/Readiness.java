package io.gatehouse.http.management;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Whether the process should receive traffic: every registered component check must pass and
 * the process must not be draining. Components (store, upstreams, key ring) register themselves.
 */
public final class Readiness {
  private final Map<String, BooleanSupplier> checks = new ConcurrentHashMap<>();
  private final Map<String, Supplier<?>> details = new ConcurrentHashMap<>();
  private volatile boolean draining;

  /** Registers (or replaces) a named check. */
  public void register(String component, BooleanSupplier check) {
    checks.put(Objects.requireNonNull(component, "component"), Objects.requireNonNull(check, "check"));
    details.remove(component);
  }

  /**
   * Registers (or replaces) a named check with a detail shown under {@code details} on
   * {@code /readyz}: a JSON-serialisable value (maps, lists, strings, numbers, booleans) that
   * explains the state, never a secret.
   */
  public void register(String component, BooleanSupplier check, Supplier<?> detail) {
    register(component, check);
    details.put(component, Objects.requireNonNull(detail, "detail"));
  }

  /** Marks the process as draining: not ready from now on. */
  public void startDraining() {
    draining = true;
  }

  /** Whether draining has started. */
  public boolean draining() {
    return draining;
  }

  /** Each component's state, sorted by name; a check that throws counts as not ready. */
  public Map<String, Boolean> components() {
    Map<String, Boolean> states = new LinkedHashMap<>();
    checks.keySet().stream().sorted().forEach(name -> states.put(name, passes(checks.get(name))));
    return states;
  }

  /** Each detailed component's detail, sorted by name; one that throws is left out. */
  public Map<String, Object> details() {
    Map<String, Object> all = new LinkedHashMap<>();
    details.keySet().stream().sorted().forEach(name -> {
      try {
        all.put(name, details.get(name).get());
      } catch (RuntimeException e) {
        // the check says not ready; the detail is only an explanation
      }
    });
    return all;
  }

  /** Ready: not draining and every check passes. */
  public boolean ready() {
    return !draining && components().values().stream().allMatch(Boolean::booleanValue);
  }

  private static boolean passes(BooleanSupplier check) {
    try {
      return check.getAsBoolean();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
