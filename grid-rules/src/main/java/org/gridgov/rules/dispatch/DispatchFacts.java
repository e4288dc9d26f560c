package org.gridgov.rules.dispatch;

import java.util.Objects;
import org.gridgov.core.GridLevel;
import org.gridgov.core.time.TimeLimits;
import org.gridgov.rules.lists.Item;

/**
 * What the dispatch table looks at to route a case: the item's category and handling level, how
 * hard the case is, how much public attention it has drawn and how far it reaches; plus what the
 * decision needs to set the time limit.
 *
 * <p>Build it from the case's item with {@link #of(Item, CaseSeverity, int, CaseScope, boolean)}.
 *
 * @param itemCode the case's item code, for the explanation
 * @param category the item's category (大类), such as 市容环境; the table's {@code category} input
 * @param handlingLevel the level that handles the item by the item list; the table's {@code
 *     handling} input (its name)
 * @param severity how hard the case is; the table's {@code severity} input
 * @param publicAttention how many public reports and appeals (12345 hotline, app, media) concern
 *     the matter, 0 or more; the table's {@code attention} input
 * @param scope how far the case reaches; the table's {@code scope} input
 * @param urgent whether the case is urgent, which selects the urgent time limit
 * @param timeLimits the item's time limits
 */
public record DispatchFacts(
    String itemCode,
    String category,
    GridLevel handlingLevel,
    CaseSeverity severity,
    int publicAttention,
    CaseScope scope,
    boolean urgent,
    TimeLimits timeLimits) {
  /**
   * Validates the facts.
   *
   * @param itemCode the item code
   * @param category the category
   * @param handlingLevel the item's handling level
   * @param severity the severity
   * @param publicAttention the number of public reports, at least 0
   * @param scope the scope
   * @param urgent whether urgent
   * @param timeLimits the time limits
   */
  public DispatchFacts {
    Objects.requireNonNull(itemCode, "itemCode");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(handlingLevel, "handlingLevel");
    Objects.requireNonNull(severity, "severity");
    if (publicAttention < 0) {
      throw new IllegalArgumentException(
          "public attention must be >= 0 but was " + publicAttention);
    }
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(timeLimits, "timeLimits");
  }

  /**
   * The facts of a case about an item.
   *
   * @param item the case's item
   * @param severity how hard the case is
   * @param publicAttention the number of public reports and appeals, at least 0
   * @param scope how far it reaches
   * @param urgent whether it is urgent
   * @return the facts
   */
  public static DispatchFacts of(
      Item item, CaseSeverity severity, int publicAttention, CaseScope scope, boolean urgent) {
    return new DispatchFacts(
        item.code(),
        item.category(),
        item.level(),
        severity,
        publicAttention,
        scope,
        urgent,
        item.timeLimits());
  }
}
