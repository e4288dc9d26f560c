package org.gridgov.rules.lists;

import java.io.ByteArrayInputStream;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.InvalidInputException;

/**
 * The three lists (三张清单) of one city as one value: the item list, the authority list, the access
 * and prohibited lists, and the departments they name (docs/domain.md §2).
 *
 * <p>The lists are kept as given, in order, so that a {@link ListConsistencyChecker} can report
 * duplicates and dangling references by position; lookups by code return the first occurrence. Read
 * and write them with {@link ListsJson}; check an assignment with {@link #admission()}.
 *
 * <p>Immutable and thread-safe. Serializable: the serial form is a format version and the lists
 * document in compact JSON ({@link ListsJson}), read again when deserialised.
 */
public final class GovernanceLists implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final GovernanceLists EMPTY =
      new GovernanceLists(List.of(), List.of(), List.of(), List.of(), List.of());

  private final List<Department> departments;
  private final List<Item> items;
  private final List<AuthorityEntry> authorities;
  private final List<AccessEntry> access;
  private final List<ProhibitedEntry> prohibited;
  private final Map<String, Item> itemsByCode;
  private final Map<String, Department> departmentsById;
  private final AdmissionCheck admission;

  private GovernanceLists(
      List<Department> departments,
      List<Item> items,
      List<AuthorityEntry> authorities,
      List<AccessEntry> access,
      List<ProhibitedEntry> prohibited) {
    this.departments = List.copyOf(departments);
    this.items = List.copyOf(items);
    this.authorities = List.copyOf(authorities);
    this.access = List.copyOf(access);
    this.prohibited = List.copyOf(prohibited);
    Map<String, Item> byCode = new HashMap<>();
    this.items.forEach(i -> byCode.putIfAbsent(i.code(), i));
    this.itemsByCode = Collections.unmodifiableMap(byCode);
    Map<String, Department> byId = new HashMap<>();
    this.departments.forEach(d -> byId.putIfAbsent(d.id(), d));
    this.departmentsById = Collections.unmodifiableMap(byId);
    this.admission = new AdmissionCheck(this);
  }

  /**
   * Lists from their parts.
   *
   * @param departments the departments
   * @param items the item list
   * @param authorities the authority list
   * @param access the access list
   * @param prohibited the prohibited list
   * @return the lists
   */
  public static GovernanceLists of(
      List<Department> departments,
      List<Item> items,
      List<AuthorityEntry> authorities,
      List<AccessEntry> access,
      List<ProhibitedEntry> prohibited) {
    return new GovernanceLists(departments, items, authorities, access, prohibited);
  }

  /**
   * Lists with nothing in them.
   *
   * @return the empty lists
   */
  public static GovernanceLists empty() {
    return EMPTY;
  }

  /**
   * Starts an empty builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The departments, in order.
   *
   * @return the departments
   */
  public List<Department> departments() {
    return departments;
  }

  /**
   * The item list (事项清单), in order.
   *
   * @return the items
   */
  public List<Item> items() {
    return items;
  }

  /**
   * The authority list (权责清单), in order.
   *
   * @return the authority entries
   */
  public List<AuthorityEntry> authorities() {
    return authorities;
  }

  /**
   * The access list (准入清单), in order.
   *
   * @return the access entries
   */
  public List<AccessEntry> access() {
    return access;
  }

  /**
   * The prohibited list (禁入清单), in order.
   *
   * @return the prohibited entries
   */
  public List<ProhibitedEntry> prohibited() {
    return prohibited;
  }

  /**
   * The item with a code (the first, if the list repeats it).
   *
   * @param code the item code
   * @return the item, or empty when the code is not on the item list
   */
  public Optional<Item> item(String code) {
    return Optional.ofNullable(itemsByCode.get(code));
  }

  /**
   * The department with an id (the first, if the list repeats it).
   *
   * @param id the department id
   * @return the department, or empty when unknown
   */
  public Optional<Department> department(String id) {
    return Optional.ofNullable(departmentsById.get(id));
  }

  /**
   * The authority entries of an item, in list order.
   *
   * @param itemCode the item code
   * @return its entries, possibly none
   */
  public List<AuthorityEntry> authoritiesOf(String itemCode) {
    List<AuthorityEntry> out = new ArrayList<>();
    for (AuthorityEntry a : authorities) {
      if (a.itemCode().equals(itemCode)) {
        out.add(a);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The admission check over these lists.
   *
   * @return the check, built once
   */
  public AdmissionCheck admission() {
    return admission;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GovernanceLists g
        && g.departments.equals(departments)
        && g.items.equals(items)
        && g.authorities.equals(authorities)
        && g.access.equals(access)
        && g.prohibited.equals(prohibited);
  }

  @Override
  public int hashCode() {
    return Objects.hash(departments, items, authorities, access, prohibited);
  }

  @Override
  public String toString() {
    return "GovernanceLists["
        + departments.size()
        + " departments, "
        + items.size()
        + " items, "
        + authorities.size()
        + " authority, "
        + access.size()
        + " access, "
        + prohibited.size()
        + " prohibited entries]";
  }

  /** Collects the parts of {@link GovernanceLists}; not thread-safe. */
  public static final class Builder {
    private final List<Department> departments = new ArrayList<>();
    private final List<Item> items = new ArrayList<>();
    private final List<AuthorityEntry> authorities = new ArrayList<>();
    private final List<AccessEntry> access = new ArrayList<>();
    private final List<ProhibitedEntry> prohibited = new ArrayList<>();

    private Builder() {}

    /**
     * Adds a department.
     *
     * @param department the department
     * @return this builder
     */
    public Builder department(Department department) {
      departments.add(Objects.requireNonNull(department, "department"));
      return this;
    }

    /**
     * Adds an item.
     *
     * @param item the item
     * @return this builder
     */
    public Builder item(Item item) {
      items.add(Objects.requireNonNull(item, "item"));
      return this;
    }

    /**
     * Adds an authority entry.
     *
     * @param entry the entry
     * @return this builder
     */
    public Builder authority(AuthorityEntry entry) {
      authorities.add(Objects.requireNonNull(entry, "entry"));
      return this;
    }

    /**
     * Adds an access entry.
     *
     * @param entry the entry
     * @return this builder
     */
    public Builder access(AccessEntry entry) {
      access.add(Objects.requireNonNull(entry, "entry"));
      return this;
    }

    /**
     * Adds a prohibited entry.
     *
     * @param entry the entry
     * @return this builder
     */
    public Builder prohibited(ProhibitedEntry entry) {
      prohibited.add(Objects.requireNonNull(entry, "entry"));
      return this;
    }

    /**
     * Builds the lists.
     *
     * @return the lists
     */
    public GovernanceLists build() {
      return new GovernanceLists(departments, items, authorities, access, prohibited);
    }
  }

  @Serial
  private Object writeReplace() {
    return new SerialForm(
        org.gridgov.core.io.Json.compact(ListsJson.toTree(this))
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Serial
  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("GovernanceLists are read through their serial form");
  }

  /** The serial form: a format version and the lists document as compact UTF-8 JSON. */
  private static final class SerialForm implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int VERSION = 1;

    /** The serial format version. */
    private final int version;

    /** The lists document. */
    private final byte[] json;

    SerialForm(byte[] json) {
      this.version = VERSION;
      this.json = json;
    }

    @Serial
    private Object readResolve() throws InvalidObjectException {
      if (version != VERSION) {
        throw new InvalidObjectException(
            "unsupported serial version "
                + version
                + " of governance lists; this reads "
                + VERSION);
      }
      try {
        return ListsJson.read(new ByteArrayInputStream(json), "serial form");
      } catch (InvalidInputException e) {
        InvalidObjectException x = new InvalidObjectException("corrupt governance lists: " + e);
        x.initCause(e);
        throw x;
      }
    }
  }
}
