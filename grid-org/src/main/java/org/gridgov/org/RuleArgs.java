package org.gridgov.org;

/** Argument checks of the rule values, with Guava-style {@code %s} templates; not API. */
final class RuleArgs {
  private RuleArgs() {}

  /**
   * Throws when a condition about an argument does not hold.
   *
   * @param ok the condition
   * @param template the message, {@code %s} replaced by the values in order
   * @param values the values
   * @throws IllegalArgumentException when {@code ok} is false
   */
  static void checkArgument(boolean ok, String template, Object... values) {
    if (!ok) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, template, values));
    }
  }
}
