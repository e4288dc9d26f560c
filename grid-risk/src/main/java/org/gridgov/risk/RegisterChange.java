package org.gridgov.risk;

import java.util.Objects;

/**
 * One change to the element register or the visit log, as the {@link RegisterJournal} records it: a
 * new element version, a new colour mark on an element, or a visit. Changes only add — the register
 * keeps every version and mark, the log every visit — so a register is the fold of its changes in
 * journal order.
 */
public sealed interface RegisterChange {
  /**
   * The element the change is about.
   *
   * @return the element id
   */
  String element();

  /**
   * A new effective-dated version of an element (or its retirement).
   *
   * @param version the version
   */
  record Versioned(ElementVersion version) implements RegisterChange {
    /**
     * Checks the field.
     *
     * @param version the version
     */
    public Versioned {
      Objects.requireNonNull(version, "version");
    }

    @Override
    public String element() {
      return version.id();
    }
  }

  /**
   * A new colour mark on an element that has a version.
   *
   * @param element the element id
   * @param mark the mark
   */
  record Marked(String element, ColourMark mark) implements RegisterChange {
    /**
     * Checks the fields.
     *
     * @param element the element id
     * @param mark the mark
     */
    public Marked {
      Objects.requireNonNull(element, "element");
      Objects.requireNonNull(mark, "mark");
    }
  }

  /**
   * A visit to an element.
   *
   * @param visit the visit
   */
  record Visited(Visit visit) implements RegisterChange {
    /**
     * Checks the field.
     *
     * @param visit the visit
     */
    public Visited {
      Objects.requireNonNull(visit, "visit");
    }

    @Override
    public String element() {
      return visit.element();
    }
  }

  /**
   * A new version.
   *
   * @param version the version
   * @return the change
   */
  static RegisterChange version(ElementVersion version) {
    return new Versioned(version);
  }

  /**
   * A new colour mark.
   *
   * @param element the element id
   * @param mark the mark
   * @return the change
   */
  static RegisterChange mark(String element, ColourMark mark) {
    return new Marked(element, mark);
  }

  /**
   * A visit.
   *
   * @param visit the visit
   * @return the change
   */
  static RegisterChange visit(Visit visit) {
    return new Visited(visit);
  }
}
