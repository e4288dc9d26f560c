package org.gridgov.risk;

import java.util.Objects;
import org.gridgov.core.risk.ElementType;

/**
 * The typed fields of a public sentiment (情).
 *
 * @param kind the kind (attribute {@code kind}; {@link SentimentKind#OTHER} when absent)
 */
public record SentimentDetails(SentimentKind kind) implements ElementDetails {
  /**
   * Checks the field.
   *
   * @param kind the kind
   */
  public SentimentDetails {
    Objects.requireNonNull(kind, "kind");
  }

  @Override
  public ElementType type() {
    return ElementType.SENTIMENTS;
  }
}
