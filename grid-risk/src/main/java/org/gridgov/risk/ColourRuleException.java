package org.gridgov.risk;

import org.gridgov.core.GridGovException;

/**
 * Thrown by {@link ColourRules#decide} when an element's facts cannot be decided: a fact the rules
 * need is missing, has the wrong type, or is not known to the rules. {@link RiskControl#recolour}
 * reports it as a finding for that element; the message names the element's fact and, for an
 * unknown name, the closest known one.
 */
public class ColourRuleException extends GridGovException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with a message.
   *
   * @param message what is wrong, naming the fact
   */
  public ColourRuleException(String message) {
    super(message);
  }
}
