package org.gridgov.credit;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a read of the ledger service ({@link CreditLedger}): the value, or the typed
 * refusal when privacy forbids it. Either way the read is in the audit log. Immutable when {@code
 * T} is.
 *
 * @param <T> the value's type
 * @param value the value, when the read was allowed
 * @param refusal why the read was refused, when it was
 */
public record CreditRead<T>(Optional<T> value, Optional<ReadRefusal> refusal) {
  /**
   * Checks that exactly one of the two is present.
   *
   * @throws IllegalArgumentException when both or neither are present
   */
  public CreditRead {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(refusal, "refusal");
    CreditArgs.checkArgument(
        value.isPresent() != refusal.isPresent(),
        "a read is either a value or a refusal, not %s",
        value.isPresent() ? "both" : "neither");
  }

  /**
   * An allowed read.
   *
   * @param <T> the value's type
   * @param value the value
   * @return the read
   */
  public static <T> CreditRead<T> allowed(T value) {
    return new CreditRead<>(Optional.of(value), Optional.empty());
  }

  /**
   * A refused read.
   *
   * @param <T> the value's type
   * @param refusal why
   * @return the read
   */
  public static <T> CreditRead<T> refused(ReadRefusal refusal) {
    return new CreditRead<>(Optional.empty(), Optional.of(refusal));
  }

  /**
   * Whether the read was allowed.
   *
   * @return true when {@link #value()} is present
   */
  public boolean isAllowed() {
    return value.isPresent();
  }
}
