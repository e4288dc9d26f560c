package org.gridgov.risk;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * The register of the six elements (六要素数据库): every element's effective-dated versions and its
 * colour marks. An update never erases history — it adds a version or a mark — so the register
 * answers "as of" any date: which elements stood, what each looked like and which colour it wore.
 *
 * <p>Immutable and thread-safe; {@link #toBuilder()} makes the next register. Reads that show
 * personal fields go through the register reader, which checks grid-core's access scopes, masks
 * what the principal's role may not see and records every read of a personal field.
 */
public final class ElementRegister {
  private static final ElementRegister EMPTY =
      new ElementRegister(ImmutableSortedMap.of(), ImmutableSortedMap.of());

  private final ImmutableSortedMap<String, ImmutableList<ElementVersion>> versions;
  private final ImmutableSortedMap<String, ImmutableList<ColourMark>> marks;

  private ElementRegister(
      ImmutableSortedMap<String, ImmutableList<ElementVersion>> versions,
      ImmutableSortedMap<String, ImmutableList<ColourMark>> marks) {
    this.versions = versions;
    this.marks = marks;
  }

  /** The empty register. */
  public static ElementRegister empty() {
    return EMPTY;
  }

  /** A builder for a new register. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this register's versions and marks, to add to. */
  public Builder toBuilder() {
    Builder b = new Builder();
    versions.values().forEach(l -> l.forEach(b::add));
    marks.forEach((id, l) -> l.forEach(m -> b.mark(id, m)));
    return b;
  }

  /** Every id that ever had a version, sorted. */
  public SortedSet<String> ids() {
    return versions.keySet();
  }

  /** How many ids the register knows (retired ones included). */
  public int size() {
    return versions.size();
  }

  /**
   * Every version of an element, oldest first.
   *
   * @param id the element id
   * @return its versions, empty when unknown
   */
  public List<ElementVersion> versions(String id) {
    return versions.getOrDefault(id, ImmutableList.of());
  }

  /**
   * The element as it stood on a date.
   *
   * @param id the element id
   * @param date the date
   * @return the element, empty when unknown, not yet registered or retired on that date
   */
  public Optional<Element> element(String id, LocalDate date) {
    ImmutableList<ElementVersion> vs = versions.get(id);
    if (vs == null) {
      return Optional.empty();
    }
    ElementVersion in = null;
    for (ElementVersion v : vs) {
      if (v.from().isAfter(date)) {
        break;
      }
      in = v;
    }
    return in == null ? Optional.empty() : in.element();
  }

  /**
   * Every element in force on a date, by id.
   *
   * @param date the date
   * @return the elements, sorted by id
   */
  public List<Element> asOf(LocalDate date) {
    List<Element> out = new ArrayList<>();
    for (String id : versions.keySet()) {
      element(id, date).ifPresent(out::add);
    }
    return out;
  }

  /**
   * Every colour mark of an element, oldest first (ties in the order they were added).
   *
   * @param id the element id
   * @return the marks, empty when none
   */
  public List<ColourMark> marks(String id) {
    return marks.getOrDefault(id, ImmutableList.of());
  }

  /**
   * The mark in force on a date, when it gives a colour.
   *
   * @param id the element id
   * @param date the date
   * @return the colour mark, empty when the element has no colour then
   */
  public Optional<ColourMark> colour(String id, LocalDate date) {
    ColourMark in = null;
    for (ColourMark m : marks(id)) {
      if (m.from().isAfter(date)) {
        break;
      }
      in = m;
    }
    return in == null || in.colour().isEmpty() ? Optional.empty() : Optional.of(in);
  }

  /** Builds a register; not thread-safe. */
  public static final class Builder {
    private final Map<String, List<ElementVersion>> versions = new LinkedHashMap<>();
    private final Map<String, List<ColourMark>> marks = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds a version.
     *
     * @param version the version
     * @return this builder
     */
    public Builder add(ElementVersion version) {
      Objects.requireNonNull(version, "version");
      versions.computeIfAbsent(version.id(), k -> new ArrayList<>()).add(version);
      return this;
    }

    /**
     * Adds an element in force from a date.
     *
     * @param from the first date
     * @param element the element
     * @return this builder
     */
    public Builder add(LocalDate from, Element element) {
      return add(ElementVersion.of(from, element));
    }

    /**
     * Adds a colour mark.
     *
     * @param id the element id
     * @param mark the mark
     * @return this builder
     */
    public Builder mark(String id, ColourMark mark) {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(mark, "mark");
      marks.computeIfAbsent(id, k -> new ArrayList<>()).add(mark);
      return this;
    }

    /**
     * The register.
     *
     * @return the register
     * @throws IllegalArgumentException when an id has two versions from the same date or a mark
     *     names an id without a version
     */
    public ElementRegister build() {
      TreeMap<String, ImmutableList<ElementVersion>> vs = new TreeMap<>();
      versions.forEach(
          (id, l) -> {
            List<ElementVersion> sorted = new ArrayList<>(l);
            sorted.sort(Comparator.comparing(ElementVersion::from));
            for (int i = 1; i < sorted.size(); i++) {
              if (sorted.get(i).from().equals(sorted.get(i - 1).from())) {
                throw new IllegalArgumentException(
                    "element " + id + " has two versions from " + sorted.get(i).from());
              }
            }
            vs.put(id, ImmutableList.copyOf(sorted));
          });
      TreeMap<String, ImmutableList<ColourMark>> ms = new TreeMap<>();
      marks.forEach(
          (id, l) -> {
            if (!vs.containsKey(id)) {
              throw new IllegalArgumentException("colour mark for unknown element " + id);
            }
            List<ColourMark> sorted = new ArrayList<>(l);
            sorted.sort(Comparator.comparing(ColourMark::from)); // stable: ties keep their order
            ms.put(id, ImmutableList.copyOf(sorted));
          });
      return new ElementRegister(ImmutableSortedMap.copyOf(vs), ImmutableSortedMap.copyOf(ms));
    }
  }
}
