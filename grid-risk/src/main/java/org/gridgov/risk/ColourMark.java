package org.gridgov.risk;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.risk.RiskColour;

/**
 * A colour mark on an element (红黄蓝三色标注): the colour from a date, why, who or which rule set it, and
 * when it is to be reviewed. Marks are never edited: a new mark supersedes the one before it from
 * its own date, and an empty colour clears the mark, so the whole history stays in the {@link
 * ElementRegister}.
 *
 * @param colour the colour, or empty when the mark clears the element's colour
 * @param reason why, in words a person can read
 * @param source manual or rule
 * @param rule the rule that decided it (table and rule id) when the source is a rule
 * @param from the first date the mark is in force
 * @param review when the colour is to be reviewed, if set
 * @param by who set it (a person id, or the rule set's id)
 */
public record ColourMark(
    Optional<RiskColour> colour,
    String reason,
    MarkSource source,
    Optional<String> rule,
    LocalDate from,
    Optional<LocalDate> review,
    String by) {
  /**
   * Checks the fields.
   *
   * @param colour the colour or empty
   * @param reason why
   * @param source the source
   * @param rule the deciding rule
   * @param from the first date
   * @param review the review date
   * @param by who
   */
  public ColourMark {
    Objects.requireNonNull(colour, "colour");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(review, "review");
    Objects.requireNonNull(by, "by");
    if (source == MarkSource.RULE && rule.isEmpty()) {
      throw new IllegalArgumentException("a mark set by a rule names the rule");
    }
    if (review.isPresent() && review.get().isBefore(from)) {
      throw new IllegalArgumentException("review " + review.get() + " is before " + from);
    }
  }

  /**
   * A manual mark.
   *
   * @param colour the colour
   * @param from the first date
   * @param reason why
   * @param by who
   * @return the mark
   */
  public static ColourMark manual(RiskColour colour, LocalDate from, String reason, String by) {
    return new ColourMark(
        Optional.of(colour),
        reason,
        MarkSource.MANUAL,
        Optional.empty(),
        from,
        Optional.empty(),
        by);
  }
}
