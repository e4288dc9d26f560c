package org.gridgov.org;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.core.GridId;

/**
 * Everything known about the organisation on a set of grids: organisations, people, posts,
 * dual-reporting registrations, service records and ratings. Immutable and thread-safe; indexes are
 * built once. References between the parts (a post's person, an organisation's parent) are not
 * required to resolve here: the checks report those that do not as findings ({@code
 * UNKNOWN_PERSON}, {@code POST_ON_UNKNOWN_GRID}, …). Ids must be unique.
 *
 * <p>Read one from the organisation format (docs/org.md) with {@code OrgDirectories.read}, or build
 * one in code with {@link #builder()}.
 */
public final class OrgDirectory {
  private final List<Organisation> organisations;
  private final List<Person> people;
  private final List<Post> posts;
  private final List<Registration> registrations;
  private final List<ServiceRecord> services;
  private final List<ReportingRating> ratings;
  private final Map<String, Organisation> organisationById;
  private final Map<String, Person> personById;
  private final Map<String, List<Organisation>> childrenById;
  private final Map<GridId, List<Organisation>> organisationsByGrid;
  private final Map<GridId, List<Post>> postsByGrid;
  private final Map<String, List<Post>> postsByOrganisation;
  private final Map<String, List<Post>> postsByPerson;

  private OrgDirectory(Builder b) {
    organisations = List.copyOf(b.organisations);
    people = List.copyOf(b.people);
    posts = List.copyOf(b.posts);
    registrations = List.copyOf(b.registrations);
    services = List.copyOf(b.services);
    ratings = List.copyOf(b.ratings);
    Map<String, Organisation> orgs = new LinkedHashMap<>();
    Map<String, List<Organisation>> children = new HashMap<>();
    Map<GridId, List<Organisation>> byGrid = new HashMap<>();
    for (Organisation o : organisations) {
      if (orgs.putIfAbsent(o.id(), o) != null) {
        throw new IllegalArgumentException("duplicate organisation id " + o.id());
      }
      o.parent().ifPresent(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(o));
      for (GridId g : o.grids()) {
        byGrid.computeIfAbsent(g, k -> new ArrayList<>()).add(o);
      }
    }
    Map<String, Person> persons = new LinkedHashMap<>();
    for (Person p : people) {
      if (persons.putIfAbsent(p.id(), p) != null) {
        throw new IllegalArgumentException("duplicate person id " + p.id());
      }
    }
    Map<GridId, List<Post>> pg = new HashMap<>();
    Map<String, List<Post>> po = new HashMap<>();
    Map<String, List<Post>> pp = new HashMap<>();
    for (Post p : posts) {
      p.grid().ifPresent(g -> pg.computeIfAbsent(g, k -> new ArrayList<>()).add(p));
      p.organisation().ifPresent(o -> po.computeIfAbsent(o, k -> new ArrayList<>()).add(p));
      pp.computeIfAbsent(p.person(), k -> new ArrayList<>()).add(p);
    }
    organisationById = Map.copyOf(orgs);
    personById = Map.copyOf(persons);
    childrenById = freeze(children);
    organisationsByGrid = freeze(byGrid);
    postsByGrid = freeze(pg);
    postsByOrganisation = freeze(po);
    postsByPerson = freeze(pp);
  }

  private static <K, V> Map<K, List<V>> freeze(Map<K, List<V>> m) {
    Map<K, List<V>> out = new HashMap<>(m.size() * 2);
    m.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return Map.copyOf(out);
  }

  /**
   * Starts an empty builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * All organisations, in the order given.
   *
   * @return the organisations
   */
  public List<Organisation> organisations() {
    return organisations;
  }

  /**
   * All people, in the order given.
   *
   * @return the people
   */
  public List<Person> people() {
    return people;
  }

  /**
   * All posts, in the order given, held or not on any day.
   *
   * @return the posts
   */
  public List<Post> posts() {
    return posts;
  }

  /**
   * All dual-reporting registrations.
   *
   * @return the registrations
   */
  public List<Registration> registrations() {
    return registrations;
  }

  /**
   * All dual-reporting service records.
   *
   * @return the service records
   */
  public List<ServiceRecord> services() {
    return services;
  }

  /**
   * All yearly dual-reporting ratings.
   *
   * @return the ratings
   */
  public List<ReportingRating> ratings() {
    return ratings;
  }

  /**
   * An organisation by id.
   *
   * @param id the id
   * @return the organisation, if known
   */
  public Optional<Organisation> organisation(String id) {
    return Optional.ofNullable(organisationById.get(id));
  }

  /**
   * A person by id.
   *
   * @param id the id
   * @return the person, if known
   */
  public Optional<Person> person(String id) {
    return Optional.ofNullable(personById.get(id));
  }

  /**
   * The organisations whose parent is the given one.
   *
   * @param id the parent's id
   * @return the children, possibly empty
   */
  public List<Organisation> children(String id) {
    return childrenById.getOrDefault(id, List.of());
  }

  /**
   * The organisations that cover a grid.
   *
   * @param grid the grid
   * @return the organisations, possibly empty
   */
  public List<Organisation> organisationsOn(GridId grid) {
    return organisationsByGrid.getOrDefault(grid, List.of());
  }

  /**
   * The posts on a grid held on a day.
   *
   * @param grid the grid
   * @param day the day
   * @return the posts, possibly empty
   */
  public List<Post> postsOn(GridId grid, LocalDate day) {
    return held(postsByGrid.getOrDefault(grid, List.of()), day);
  }

  /**
   * The posts in an organisation held on a day.
   *
   * @param organisation the organisation id
   * @param day the day
   * @return the posts, possibly empty
   */
  public List<Post> postsIn(String organisation, LocalDate day) {
    return held(postsByOrganisation.getOrDefault(organisation, List.of()), day);
  }

  /**
   * Every post a person holds or held.
   *
   * @param person the person id
   * @return the posts, possibly empty
   */
  public List<Post> postsOf(String person) {
    return postsByPerson.getOrDefault(person, List.of());
  }

  private static List<Post> held(List<Post> all, LocalDate day) {
    List<Post> out = new ArrayList<>(all.size());
    for (Post p : all) {
      if (p.isHeldOn(day)) {
        out.add(p);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Equal when the parts are equal, in the same order.
   *
   * @param o the other object
   * @return whether both hold the same organisations, people, posts and records
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof OrgDirectory d
        && organisations.equals(d.organisations)
        && people.equals(d.people)
        && posts.equals(d.posts)
        && registrations.equals(d.registrations)
        && services.equals(d.services)
        && ratings.equals(d.ratings);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(organisations, people, posts, registrations, services, ratings);
  }

  @Override
  public String toString() {
    return "OrgDirectory["
        + organisations.size()
        + " organisations, "
        + people.size()
        + " people, "
        + posts.size()
        + " posts]";
  }

  /** Collects the parts of an {@link OrgDirectory}; not thread-safe. */
  public static final class Builder {
    private final List<Organisation> organisations = new ArrayList<>();
    private final List<Person> people = new ArrayList<>();
    private final List<Post> posts = new ArrayList<>();
    private final List<Registration> registrations = new ArrayList<>();
    private final List<ServiceRecord> services = new ArrayList<>();
    private final List<ReportingRating> ratings = new ArrayList<>();

    private Builder() {}

    /**
     * Adds organisations.
     *
     * @param values the organisations
     * @return this builder
     */
    public Builder organisations(Collection<Organisation> values) {
      organisations.addAll(values);
      return this;
    }

    /**
     * Adds one organisation.
     *
     * @param value the organisation
     * @return this builder
     */
    public Builder organisation(Organisation value) {
      organisations.add(value);
      return this;
    }

    /**
     * Adds people.
     *
     * @param values the people
     * @return this builder
     */
    public Builder people(Collection<Person> values) {
      people.addAll(values);
      return this;
    }

    /**
     * Adds one person.
     *
     * @param value the person
     * @return this builder
     */
    public Builder person(Person value) {
      people.add(value);
      return this;
    }

    /**
     * Adds posts.
     *
     * @param values the posts
     * @return this builder
     */
    public Builder posts(Collection<Post> values) {
      posts.addAll(values);
      return this;
    }

    /**
     * Adds one post.
     *
     * @param value the post
     * @return this builder
     */
    public Builder post(Post value) {
      posts.add(value);
      return this;
    }

    /**
     * Adds registrations.
     *
     * @param values the registrations
     * @return this builder
     */
    public Builder registrations(Collection<Registration> values) {
      registrations.addAll(values);
      return this;
    }

    /**
     * Adds service records.
     *
     * @param values the records
     * @return this builder
     */
    public Builder services(Collection<ServiceRecord> values) {
      services.addAll(values);
      return this;
    }

    /**
     * Adds ratings.
     *
     * @param values the ratings
     * @return this builder
     */
    public Builder ratings(Collection<ReportingRating> values) {
      ratings.addAll(values);
      return this;
    }

    /**
     * Builds the directory.
     *
     * @return the directory
     * @throws IllegalArgumentException when an organisation or person id is used twice
     */
    public OrgDirectory build() {
      return new OrgDirectory(this);
    }
  }
}
