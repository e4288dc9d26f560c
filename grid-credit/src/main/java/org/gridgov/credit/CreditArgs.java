package org.gridgov.credit;

/**
 * Argument checks with Guava-style {@code %s} templates, so this module needs no more than
 * grid-core. Stateless.
 */
final class CreditArgs {
  private CreditArgs() {}

  /**
   * Throws when a condition does not hold.
   *
   * @param ok the condition
   * @param template the message, {@code %s} replaced by the arguments in order
   * @param args the arguments
   * @throws IllegalArgumentException when {@code ok} is false
   */
  static void checkArgument(boolean ok, String template, Object... args) {
    if (!ok) {
      throw new IllegalArgumentException(format(template, args));
    }
  }

  static String format(String template, Object... args) {
    StringBuilder sb = new StringBuilder(template.length() + 32);
    int from = 0;
    int i = 0;
    while (i < args.length) {
      int at = template.indexOf("%s", from);
      if (at < 0) {
        break;
      }
      sb.append(template, from, at).append(args[i++]);
      from = at + 2;
    }
    sb.append(template, from, template.length());
    return sb.toString();
  }
}
