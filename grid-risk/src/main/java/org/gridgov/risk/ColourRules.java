package org.gridgov.risk;

import java.util.Optional;
import org.gridgov.core.risk.ElementType;

/**
 * Colour rules (三色标注规则): decide an element's colour from facts about it — disputes in the last 90
 * days, overdue cases at a place, failed inspections, a sensor alarm. grid-risk owns this interface
 * and knows no rule engine; grid-loop's {@code ColourTable} fills it with a grid-rules decision
 * table (DMN or GridGov JSON), and a caller may implement it in code.
 *
 * <p>Implementations are immutable and thread-safe: {@link RiskControl#recolour} may call {@link
 * #decide} for many elements at once.
 */
public interface ColourRules {
  /**
   * The rule set's id (a table id, a scheme name), recorded on every change and mark it makes.
   *
   * @return the id, not blank
   */
  String id();

  /**
   * Decides the colour of one element from its facts.
   *
   * @param element the element as it stands on the recolouring date
   * @param facts the facts about it
   * @return the decision (a colour or "clear", the rule that decided and why), or empty when no
   *     rule speaks for this element: its colour is then left as it is
   * @throws ColourRuleException when the facts cannot be decided (a fact the rules need is missing
   *     or has the wrong type, a fact the rules do not know): recolouring reports it for the
   *     element
   */
  Optional<ColourDecision> decide(Element element, ElementFacts facts);

  /**
   * The name of an element type in the formats and in rules ({@code person}, {@code place}, {@code
   * object}, {@code event}, {@code sentiment}, {@code organisation}).
   *
   * @param type the type
   * @return its format name
   */
  static String typeName(ElementType type) {
    return RiskNames.type(type);
  }
}
