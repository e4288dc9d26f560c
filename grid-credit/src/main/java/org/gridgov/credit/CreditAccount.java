package org.gridgov.credit;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One resident's credit file as of an instant: balance, level, how many entries concern them, how
 * many of their appeals are open, and the explained statement. Immutable.
 *
 * @param resident the resident's id
 * @param balance the scheme's {@code start} plus what every entry counts now
 * @param level the level of the balance
 * @param entries how many ledger entries concern the resident
 * @param openAppeals how many of the resident's appeals are filed and not decided
 * @param statement every entry of the resident, in sequence, explained
 */
public record CreditAccount(
    String resident,
    long balance,
    String level,
    int entries,
    int openAppeals,
    List<StatementLine> statement) {

  /** Checks the fields. */
  public CreditAccount {
    Objects.requireNonNull(resident, "resident");
    Objects.requireNonNull(level, "level");
    statement = List.copyOf(statement);
  }

  /**
   * The statement as text: a heading with the balance and level, then one block per entry (seq,
   * date, kind, points recorded and counted now, rule and basis, recogniser, evidence, notes).
   *
   * @param start the points a resident starts with (the scheme's {@code start})
   * @return the text, lines ending with LF
   */
  public String statementText(long start) {
    StringBuilder sb = new StringBuilder();
    sb.append("resident ")
        .append(resident)
        .append(": balance ")
        .append(balance)
        .append(", level ")
        .append(level)
        .append(", ")
        .append(entries)
        .append(entries == 1 ? " entry" : " entries")
        .append(", ")
        .append(openAppeals)
        .append(openAppeals == 1 ? " open appeal" : " open appeals")
        .append('\n');
    sb.append("  start ").append(start).append('\n');
    for (StatementLine l : statement) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  #%d %s %s %s, counts %s%n",
              l.seq(),
              l.at(),
              l.kind(),
              signed(l.points()),
              signed(l.counts())));
      l.rule()
          .ifPresent(
              r ->
                  sb.append("      rule ")
                      .append(r)
                      .append(l.ruleName().map(n -> " \"" + n + "\"").orElse(""))
                      .append(l.basis().map(b -> " (basis: " + b + ")").orElse(""))
                      .append('\n'));
      sb.append("      by ").append(l.by());
      l.evidence().ifPresent(e -> sb.append(", evidence ").append(e));
      l.refersTo().ifPresent(r -> sb.append(", concerns #").append(r));
      sb.append('\n');
      for (String n : l.notes()) {
        sb.append("      ").append(n).append('\n');
      }
    }
    return sb.toString().replace(System.lineSeparator(), "\n");
  }

  private static String signed(long v) {
    return v > 0 ? "+" + v : Long.toString(v);
  }
}
