package org.gridgov.risk;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One effective-dated version of an element in the {@link ElementRegister}: in force from {@code
 * from} until the next version of the same id. An empty {@code element} retires the id from that
 * date (it moved away, closed, was demolished); a later version may bring it back. Versions are
 * never edited or removed, so the register answers "as of" any date.
 *
 * @param id the element id
 * @param from the first date this version is in force
 * @param element the element from that date, or empty when the id is retired
 */
public record ElementVersion(String id, LocalDate from, Optional<Element> element) {
  /**
   * Checks the fields.
   *
   * @param id the element id
   * @param from the first date
   * @param element the element, or empty for a retirement
   */
  public ElementVersion {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(element, "element");
    if (element.isPresent() && !element.get().id().equals(id)) {
      throw new IllegalArgumentException(
          "version of " + id + " holds element " + element.get().id());
    }
  }

  /**
   * A version that puts an element in force.
   *
   * @param from the first date
   * @param element the element
   * @return the version
   */
  public static ElementVersion of(LocalDate from, Element element) {
    return new ElementVersion(element.id(), from, Optional.of(element));
  }

  /**
   * A version that retires an id.
   *
   * @param id the element id
   * @param from the first date it is gone
   * @return the version
   */
  public static ElementVersion retired(String id, LocalDate from) {
    return new ElementVersion(id, from, Optional.empty());
  }

  /** The id, the date and the element's id, type and grid ({@link Element#toString()}). */
  @Override
  public String toString() {
    return "ElementVersion[id="
        + id
        + ", from="
        + from
        + ", "
        + element.map(Element::toString).orElse("retired")
        + "]";
  }
}
