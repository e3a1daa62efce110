package io.gatehouse.http.management;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Whether the process should receive traffic: every registered component check must pass and
 * the process must not be draining. Components (store, upstreams, key ring) register themselves.
 */
public final class Readiness {
  private final Map<String, BooleanSupplier> checks = new ConcurrentHashMap<>();
  private volatile boolean draining;

  /** Registers (or replaces) a named check. */
  public void register(String component, BooleanSupplier check) {
    checks.put(Objects.requireNonNull(component, "component"), Objects.requireNonNull(check, "check"));
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
