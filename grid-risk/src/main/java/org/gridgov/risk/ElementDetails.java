package org.gridgov.risk;

import java.util.List;
import org.gridgov.core.risk.ElementType;

/**
 * The typed fields of an element, one record per element type, derived from the element's
 * attributes by {@link Element#details()} ({@code docs/risk.md}, "Typed details", lists the known
 * attribute keys of each type). Attributes under other keys stay free-form in {@link
 * Element#attributes()}.
 */
public sealed interface ElementDetails
    permits PersonDetails,
        PlaceDetails,
        ObjectDetails,
        EventDetails,
        SentimentDetails,
        OrganisationDetails {

  /**
   * The element type these details belong to.
   *
   * @return the type
   */
  ElementType type();

  /**
   * The attribute keys an element type knows (the typed fields), in the order docs/risk.md lists
   * them.
   *
   * @param type the element type
   * @return the known keys
   */
  static List<String> knownKeys(ElementType type) {
    return ElementAttributes.knownKeys(type);
  }

  /**
   * The details of an element.
   *
   * @param element the element
   * @return its typed details
   * @throws IllegalArgumentException when a known attribute has a bad value (an unknown flag or
   *     kind, a component code of the wrong shape) or an attribute key is a near miss of a known
   *     key of its type (a likely typo, e.g. {@code flgas})
   */
  static ElementDetails of(Element element) {
    List<String> problems = ElementAttributes.problems(element.type(), element.attributes());
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("element " + element.id() + ": " + problems.get(0));
    }
    return ElementAttributes.details(element.type(), element.attributes());
  }
}
