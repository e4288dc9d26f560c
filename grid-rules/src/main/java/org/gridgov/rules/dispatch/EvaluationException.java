package org.gridgov.rules.dispatch;

import java.util.List;
import org.gridgov.core.GridGovException;
import org.gridgov.rules.table.DecisionMessage;
import org.gridgov.rules.table.DecisionResult;

/**
 * A dispatch or escalation table reported an error for a case, such as two matching rules in a
 * UNIQUE table or an input outside the allowed values. The typed front doors ({@link Dispatcher},
 * {@link EscalationLadder}) throw it; the table's own result carries the same messages as data.
 */
public final class EvaluationException extends GridGovException {
  private static final long serialVersionUID = 1L;

  private final transient List<DecisionMessage> messages;

  EvaluationException(String message, List<DecisionMessage> messages) {
    super(message);
    this.messages = List.copyOf(messages);
  }

  static EvaluationException of(String decision, DecisionResult result) {
    StringBuilder sb = new StringBuilder("decision '").append(decision).append("' failed:");
    for (DecisionMessage m : result.messages()) {
      sb.append(' ').append(m.message()).append(';');
    }
    sb.setLength(sb.length() - 1);
    return new EvaluationException(sb.toString(), result.messages());
  }

  /**
   * The table's messages.
   *
   * @return the messages, errors among them
   */
  public List<DecisionMessage> messages() {
    return messages == null ? List.of() : messages;
  }
}
