package org.gridgov.rules;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Holds the {@link PolicySet} in use and swaps it atomically: a reader that calls {@link #active()}
 * gets one whole set (lists, dispatch and escalation of the same version), never a mix of an old
 * and a new one, while another thread activates a new version.
 *
 * <p>Readers should take {@link #active()} once per case and use that set for the whole case.
 * Thread-safe; lock-free.
 */
public final class PolicyRegistry {
  private final AtomicReference<PolicySet> active;

  private PolicyRegistry(PolicySet initial) {
    this.active = new AtomicReference<>(initial);
  }

  /**
   * A registry starting with a set.
   *
   * @param initial the set in use at first
   * @return the registry
   */
  public static PolicyRegistry of(PolicySet initial) {
    return new PolicyRegistry(Objects.requireNonNull(initial, "initial"));
  }

  /**
   * The set in use.
   *
   * @return the set
   */
  public PolicySet active() {
    return active.get();
  }

  /**
   * Puts a set in use.
   *
   * @param next the new set
   * @return the set it replaces
   */
  public PolicySet activate(PolicySet next) {
    return active.getAndSet(Objects.requireNonNull(next, "next"));
  }

  /**
   * Puts a set in use only if the set in use is still {@code expected} (compared by identity).
   *
   * @param expected the set the caller saw
   * @param next the new set
   * @return whether the swap happened
   */
  public boolean activateIf(PolicySet expected, PolicySet next) {
    return active.compareAndSet(expected, Objects.requireNonNull(next, "next"));
  }

  /**
   * Replaces the set in use with a function of it, retrying if another thread swapped it meanwhile;
   * the function may be called more than once and must not have side effects.
   *
   * @param update computes the new set from the current one
   * @return the new set
   */
  public PolicySet update(UnaryOperator<PolicySet> update) {
    Objects.requireNonNull(update, "update");
    return active.updateAndGet(p -> Objects.requireNonNull(update.apply(p), "updated set"));
  }
}
