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
 * <p>Immutable and thread-safe; {@link #with} makes the next register from a few changes without
 * copying this one (it shares all unchanged ids), {@link #toBuilder()} for a wholesale rebuild.
 *
 * <p><b>The trusted, unaudited layer.</b> The register itself (and {@link RiskControl#register()},
 * and everything that hands out an {@link Element}) answers every field of every element to whoever
 * holds it: no access check, no masking, no read audit. It is for the code that owns the data —
 * loading, storing, due dates, routing. A principal (a user, a role, a request from outside) gets a
 * {@link RegisterReader} instead, which checks grid-core's access scopes, masks what the
 * principal's role may not see and records every read of a personal field. Records of this package
 * print ids, types and grids only ({@link Element#toString()}), never a personal field.
 */
public final class ElementRegister {
  private static final ElementRegister EMPTY = new ElementRegister(SortedOverlay.empty());

  /**
   * One id's versions and marks, both sorted by their first date (marks stable: ties in the order
   * they were added). Package-private, for one-pass readers such as the due engine.
   */
  record Entry(ImmutableList<ElementVersion> versions, ImmutableList<ColourMark> marks) {
    private static final Entry NONE = new Entry(ImmutableList.of(), ImmutableList.of());

    /** This entry with one more version, in date order. */
    Entry withVersion(String id, ElementVersion v) {
      int at = versions.size();
      while (at > 0 && versions.get(at - 1).from().isAfter(v.from())) {
        at--;
      }
      if (at > 0 && versions.get(at - 1).from().equals(v.from())) {
        throw new IllegalArgumentException("element " + id + " has two versions from " + v.from());
      }
      return new Entry(insert(versions, at, v), marks);
    }

    /** This entry with one more mark, after every mark from the same date or earlier. */
    Entry withMark(ColourMark m) {
      int at = marks.size();
      while (at > 0 && marks.get(at - 1).from().isAfter(m.from())) {
        at--;
      }
      return new Entry(versions, insert(marks, at, m));
    }

    private static <T> ImmutableList<T> insert(ImmutableList<T> list, int at, T value) {
      ImmutableList.Builder<T> b = ImmutableList.builderWithExpectedSize(list.size() + 1);
      b.addAll(list.subList(0, at)).add(value).addAll(list.subList(at, list.size()));
      return b.build();
    }

    /** The version in force on a date, null when none (also before the first version). */
    ElementVersion versionOn(LocalDate date) {
      for (int i = versions.size() - 1; i >= 0; i--) {
        ElementVersion v = versions.get(i);
        if (!v.from().isAfter(date)) {
          return v;
        }
      }
      return null;
    }

    /** The mark in force on a date (colour or clearing), null when none. */
    ColourMark markOn(LocalDate date) {
      int i = markIndexOn(date);
      return i < 0 ? null : marks.get(i);
    }

    /** The index in {@link #marks()} of the mark in force on a date, -1 when none. */
    int markIndexOn(LocalDate date) {
      for (int i = marks.size() - 1; i >= 0; i--) {
        if (!marks.get(i).from().isAfter(date)) {
          return i;
        }
      }
      return -1;
    }

    /**
     * The first date of the unbroken run of marks with the same colour that ends with the mark at
     * an index: a mark with another colour, or a clearing, breaks the run (docs/risk.md, "Due
     * dates": re-marking an element in its colour does not restart its clock).
     *
     * @param index a mark's index in {@link #marks()}
     * @return the {@code from} of the run's first mark, as an epoch day
     */
    long colourRunStart(int index) {
      Optional<org.gridgov.core.risk.RiskColour> colour = marks.get(index).colour();
      int first = index;
      while (first > 0 && marks.get(first - 1).colour().equals(colour)) {
        first--;
      }
      return marks.get(first).from().toEpochDay();
    }
  }

  private final SortedOverlay<Entry> entries;

  private ElementRegister(SortedOverlay<Entry> entries) {
    this.entries = entries;
  }

  /** Every id's entry, sorted by id (package-private: one merge pass instead of lookups). */
  java.util.Iterator<Map.Entry<String, Entry>> entries() {
    return entries.entries();
  }

  /** One id's entry, null when the register does not know the id (package-private). */
  Entry entry(String id) {
    return entries.get(id);
  }

  /** How many ids the overlay holds (tests of the compaction). */
  int overlaySize() {
    return entries.overlaySize();
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
    for (java.util.Iterator<Map.Entry<String, Entry>> it = entries(); it.hasNext(); ) {
      Map.Entry<String, Entry> e = it.next();
      e.getValue().versions().forEach(b::add);
      e.getValue().marks().forEach(m -> b.mark(e.getKey(), m));
    }
    return b;
  }

  /** Every id that ever had a version, sorted. */
  public SortedSet<String> ids() {
    return entries.keys();
  }

  /** How many ids the register knows (retired ones included). */
  public int size() {
    return entries.size();
  }

  /**
   * Every version of an element, oldest first.
   *
   * @param id the element id
   * @return its versions, empty when unknown
   */
  public List<ElementVersion> versions(String id) {
    Entry e = entries.get(id);
    return e == null ? ImmutableList.of() : e.versions();
  }

  /**
   * The element as it stood on a date.
   *
   * @param id the element id
   * @param date the date
   * @return the element, empty when unknown, not yet registered or retired on that date
   */
  public Optional<Element> element(String id, LocalDate date) {
    Entry e = entries.get(id);
    ElementVersion in = e == null ? null : e.versionOn(date);
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
    for (java.util.Iterator<Map.Entry<String, Entry>> it = entries(); it.hasNext(); ) {
      ElementVersion in = it.next().getValue().versionOn(date);
      if (in != null) {
        in.element().ifPresent(out::add);
      }
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
    Entry e = entries.get(id);
    return e == null ? ImmutableList.of() : e.marks();
  }

  /**
   * The mark in force on a date, when it gives a colour.
   *
   * @param id the element id
   * @param date the date
   * @return the colour mark, empty when the element has no colour then
   */
  public Optional<ColourMark> colour(String id, LocalDate date) {
    Entry e = entries.get(id);
    ColourMark in = e == null ? null : e.markOn(date);
    return in == null || in.colour().isEmpty() ? Optional.empty() : Optional.of(in);
  }

  /**
   * This register with changes applied: new versions and colour marks, in order, as {@link
   * #toBuilder()} followed by {@code add} and {@code mark} calls would give, but without copying
   * the whole register. The new register shares all but the changed ids with this one (a sorted
   * base plus a small overlay, merged into a new base now and then, docs/DESIGN.md "grid-risk
   * updates"), so one change on a register of n ids costs about √n, not n log n. Thread-safe; this
   * register is unchanged.
   *
   * @param changes versions ({@link RegisterChange.Versioned}) and marks ({@link
   *     RegisterChange.Marked}); a mark may name an element versioned in the same changes
   * @return the next register ({@code this} when there are no changes)
   * @throws IllegalArgumentException when a change is a visit (visits go to {@link VisitLog#with}),
   *     an id would get two versions from the same date, or a mark names an id without a version;
   *     this register is unchanged
   */
  public ElementRegister with(java.util.Collection<? extends RegisterChange> changes) {
    Objects.requireNonNull(changes, "changes");
    TreeMap<String, Entry> touched = new TreeMap<>();
    for (RegisterChange c : changes) {
      if (c instanceof RegisterChange.Versioned v) {
        String id = v.version().id();
        touched.put(id, current(touched, id).withVersion(id, v.version()));
      } else if (!(c instanceof RegisterChange.Marked)) {
        throw new IllegalArgumentException(
            "a register takes versions and colour marks, not "
                + c
                + "; visits go to the visit log");
      }
    }
    for (RegisterChange c : changes) {
      if (c instanceof RegisterChange.Marked m) {
        Entry e = current(touched, m.element());
        if (e.versions().isEmpty()) {
          throw new IllegalArgumentException("colour mark for unknown element " + m.element());
        }
        touched.put(m.element(), e.withMark(m.mark()));
      }
    }
    return touched.isEmpty() ? this : new ElementRegister(entries.with(touched));
  }

  private Entry current(TreeMap<String, Entry> touched, String id) {
    Entry e = touched.get(id);
    if (e == null) {
      e = entries.get(id);
    }
    return e == null ? Entry.NONE : e;
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
      TreeMap<String, Entry> all = new TreeMap<>();
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
            all.put(id, new Entry(ImmutableList.copyOf(sorted), ImmutableList.of()));
          });
      marks.forEach(
          (id, l) -> {
            Entry e = all.get(id);
            if (e == null) {
              throw new IllegalArgumentException("colour mark for unknown element " + id);
            }
            List<ColourMark> sorted = new ArrayList<>(l);
            sorted.sort(Comparator.comparing(ColourMark::from)); // stable: ties keep their order
            all.put(id, new Entry(e.versions(), ImmutableList.copyOf(sorted)));
          });
      return all.isEmpty()
          ? EMPTY
          : new ElementRegister(SortedOverlay.of(ImmutableSortedMap.copyOfSorted(all)));
    }
  }
}
