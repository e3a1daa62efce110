package io.gatehouse.sdk;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** The token is valid but lacks permissions the operation requires. */
public final class ForbiddenException extends AuthException {
  private static final long serialVersionUID = 1L;

  private final Set<String> required;
  private final Set<String> missing;

  /** The operation requires {@code required}; the principal lacks {@code missing} of them. */
  public ForbiddenException(Set<String> required, Set<String> missing) {
    super("missing permission(s): " + String.join(" ", missing));
    this.required = Collections.unmodifiableSet(new LinkedHashSet<>(required));
    this.missing = Collections.unmodifiableSet(new LinkedHashSet<>(missing));
  }

  /** Every permission the operation requires. */
  public Set<String> required() {
    return required;
  }

  /** The required permissions the principal does not hold. */
  public Set<String> missing() {
    return missing;
  }

  @Override
  public String description() {
    return "missing permission(s): " + String.join(" ", missing);
  }
}
