package org.gridgov.risk;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.gridgov.core.io.Suggestions;
import org.gridgov.core.risk.RiskColour;

/**
 * What colour rules decided for one element: a colour or "clear" (no colour), the rule that decided
 * and why.
 *
 * @param colour the colour, or empty when the rules clear the element's colour
 * @param rule the id of the deciding rule within its rule set (e.g. a decision table's rule id)
 * @param reason why, in words a person can read
 */
public record ColourDecision(Optional<RiskColour> colour, String rule, String reason) {
  private static final String NONE = "none";

  /**
   * The colour names of a decision, most severe first ({@code red}, {@code orange}, {@code yellow},
   * {@code blue}); {@code none} clears the colour.
   */
  public static final List<String> COLOUR_NAMES =
      Stream.concat(Arrays.stream(RiskColour.values()).map(RiskNames::colour), Stream.of(NONE))
          .toList();

  /**
   * Checks the fields.
   *
   * @param colour the colour or empty
   * @param rule the rule id
   * @param reason why
   */
  public ColourDecision {
    Objects.requireNonNull(colour, "colour");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(reason, "reason");
    if (rule.isBlank()) {
      throw new IllegalArgumentException("a colour decision names its rule");
    }
  }

  /**
   * A decision for a colour.
   *
   * @param colour the colour
   * @param rule the rule id
   * @param reason why
   * @return the decision
   */
  public static ColourDecision colour(RiskColour colour, String rule, String reason) {
    return new ColourDecision(Optional.of(colour), rule, reason);
  }

  /**
   * A decision that clears the colour.
   *
   * @param rule the rule id
   * @param reason why
   * @return the decision
   */
  public static ColourDecision clear(String rule, String reason) {
    return new ColourDecision(Optional.empty(), rule, reason);
  }

  /**
   * A decision from a colour name of the formats.
   *
   * @param colourName one of {@link #COLOUR_NAMES}
   * @param rule the rule id
   * @param reason why
   * @return the decision
   * @throws IllegalArgumentException for another name, with a "did you mean"
   */
  public static ColourDecision named(String colourName, String rule, String reason) {
    return new ColourDecision(parse(colourName), rule, reason);
  }

  /**
   * Whether a name is one of {@link #COLOUR_NAMES}.
   *
   * @param colourName the name
   * @return whether it names a colour or {@code none}
   */
  public static boolean isColourName(String colourName) {
    return COLOUR_NAMES.contains(colourName);
  }

  /**
   * The format name of a decided colour: {@code red}, {@code orange}, {@code yellow}, {@code blue},
   * or {@code none} for empty.
   *
   * @param colour the colour or empty
   * @return the name
   */
  public static String name(Optional<RiskColour> colour) {
    return colour.map(RiskNames::colour).orElse(NONE);
  }

  private static Optional<RiskColour> parse(String name) {
    Objects.requireNonNull(name, "colourName");
    if (name.equals(NONE)) {
      return Optional.empty();
    }
    return Optional.of(
        RiskNames.colour(name)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "unknown colour '" + name + "'" + Suggestions.hint(name, COLOUR_NAMES))));
  }

  /**
   * How severe a colour is: 0 for none, 1 blue, 2 yellow, 3 orange, 4 red.
   *
   * @param colour the colour or empty
   * @return the rank
   */
  static int severity(Optional<RiskColour> colour) {
    return colour.map(c -> RiskColour.values().length - c.ordinal()).orElse(0);
  }
}
