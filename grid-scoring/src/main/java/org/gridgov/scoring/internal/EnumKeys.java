package org.gridgov.scoring.internal;

import java.util.Optional;
import java.util.function.Function;

/** Looks enum constants up by their JSON key. Stateless. */
public final class EnumKeys {
  private EnumKeys() {}

  /**
   * The constant whose key equals the text, ignoring case.
   *
   * @param values the constants
   * @param key how a constant is written
   * @param text the text to look up
   * @param <E> the enum type
   * @return the constant, or empty
   */
  public static <E extends Enum<E>> Optional<E> find(
      E[] values, Function<E, String> key, String text) {
    String t = text.trim();
    for (E e : values) {
      if (key.apply(e).equalsIgnoreCase(t)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
