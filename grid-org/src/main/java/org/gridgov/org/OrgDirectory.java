package org.gridgov.org;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.GridId;

/**
 * Everything known about the organisation on a set of grids: organisations, people, posts,
 * dual-reporting registrations, service records and ratings. Immutable and thread-safe; the lookups
 * by id are built with the directory, the other indexes (compact, no list per key) on first use.
 * References between the parts (a post's person, an organisation's parent) are not required to
 * resolve here: the checks report those that do not as findings ({@code UNKNOWN_PERSON}, {@code
 * POST_ON_UNKNOWN_GRID}, …). Ids must be unique.
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
  private final KeyTable organisationById;
  private final KeyTable personById;
  // Grouping indexes, built on first use (most callers use one or two of them); each is immutable
  // once built, so a race builds two equal indexes and either may be kept.
  private volatile GroupIndex<String, Organisation> childrenById;
  private volatile GroupIndex<GridId, Organisation> organisationsByGrid;
  private volatile GroupIndex<GridId, Post> postsByGrid;
  private volatile GroupIndex<String, Post> postsByOrganisation;
  private volatile GroupIndex<String, Post> postsByPerson;

  private OrgDirectory(Builder b) {
    organisations = List.copyOf(b.organisations);
    people = List.copyOf(b.people);
    posts = List.copyOf(b.posts);
    registrations = List.copyOf(b.registrations);
    services = List.copyOf(b.services);
    ratings = List.copyOf(b.ratings);
    organisationById = new KeyTable(organisations.size());
    for (int i = 0; i < organisations.size(); i++) {
      Organisation o = organisations.get(i);
      if (organisationById.putIfAbsent(o.id(), i) >= 0) {
        throw new IllegalArgumentException("duplicate organisation id " + o.id());
      }
    }
    personById = new KeyTable(people.size());
    for (int i = 0; i < people.size(); i++) {
      Person p = people.get(i);
      if (personById.putIfAbsent(p.id(), i) >= 0) {
        throw new IllegalArgumentException("duplicate person id " + p.id());
      }
    }
  }

  private GroupIndex<String, Organisation> childrenById() {
    GroupIndex<String, Organisation> i = childrenById;
    if (i == null) {
      i = new GroupIndex<>(organisations, ORGANISATION_PARENT);
      childrenById = i;
    }
    return i;
  }

  private GroupIndex<GridId, Organisation> organisationsByGrid() {
    GroupIndex<GridId, Organisation> i = organisationsByGrid;
    if (i == null) {
      i = new GroupIndex<>(organisations, ORGANISATION_GRIDS);
      organisationsByGrid = i;
    }
    return i;
  }

  private GroupIndex<GridId, Post> postsByGrid() {
    GroupIndex<GridId, Post> i = postsByGrid;
    if (i == null) {
      i = new GroupIndex<>(posts, POST_GRID);
      postsByGrid = i;
    }
    return i;
  }

  private GroupIndex<String, Post> postsByOrganisation() {
    GroupIndex<String, Post> i = postsByOrganisation;
    if (i == null) {
      i = new GroupIndex<>(posts, POST_ORGANISATION);
      postsByOrganisation = i;
    }
    return i;
  }

  private GroupIndex<String, Post> postsByPerson() {
    GroupIndex<String, Post> i = postsByPerson;
    if (i == null) {
      i = new GroupIndex<>(posts, POST_PERSON);
      postsByPerson = i;
    }
    return i;
  }

  private static final GroupIndex.Keys<Organisation, String> ORGANISATION_PARENT =
      new GroupIndex.Keys<>() {
        @Override
        public int count(Organisation o) {
          return o.parent().isPresent() ? 1 : 0;
        }

        @Override
        public String key(Organisation o, int i) {
          return o.parent().get();
        }
      };

  private static final GroupIndex.Keys<Organisation, GridId> ORGANISATION_GRIDS =
      new GroupIndex.Keys<>() {
        @Override
        public int count(Organisation o) {
          return o.grids().size();
        }

        @Override
        public GridId key(Organisation o, int i) {
          return o.grids().get(i);
        }
      };

  private static final GroupIndex.Keys<Post, GridId> POST_GRID =
      new GroupIndex.Keys<>() {
        @Override
        public int count(Post p) {
          return p.grid().isPresent() ? 1 : 0;
        }

        @Override
        public GridId key(Post p, int i) {
          return p.grid().get();
        }
      };

  private static final GroupIndex.Keys<Post, String> POST_ORGANISATION =
      new GroupIndex.Keys<>() {
        @Override
        public int count(Post p) {
          return p.organisation().isPresent() ? 1 : 0;
        }

        @Override
        public String key(Post p, int i) {
          return p.organisation().get();
        }
      };

  private static final GroupIndex.Keys<Post, String> POST_PERSON =
      new GroupIndex.Keys<>() {
        @Override
        public int count(Post p) {
          return 1;
        }

        @Override
        public String key(Post p, int i) {
          return p.person();
        }
      };

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
    int i = organisationById.get(Objects.requireNonNull(id, "id"));
    return i < 0 ? Optional.empty() : Optional.of(organisations.get(i));
  }

  /**
   * A person by id.
   *
   * @param id the id
   * @return the person, if known
   */
  public Optional<Person> person(String id) {
    int i = personById.get(Objects.requireNonNull(id, "id"));
    return i < 0 ? Optional.empty() : Optional.of(people.get(i));
  }

  /**
   * The organisations whose parent is the given one.
   *
   * @param id the parent's id
   * @return the children, possibly empty
   */
  public List<Organisation> children(String id) {
    return childrenById().get(Objects.requireNonNull(id, "id"));
  }

  /**
   * The organisations that cover a grid.
   *
   * @param grid the grid
   * @return the organisations, possibly empty
   */
  public List<Organisation> organisationsOn(GridId grid) {
    return organisationsByGrid().get(Objects.requireNonNull(grid, "grid"));
  }

  /**
   * The posts on a grid held on a day.
   *
   * @param grid the grid
   * @param day the day
   * @return the posts, possibly empty
   */
  public List<Post> postsOn(GridId grid, LocalDate day) {
    return held(postsByGrid().get(Objects.requireNonNull(grid, "grid")), day);
  }

  /**
   * The posts in an organisation held on a day.
   *
   * @param organisation the organisation id
   * @param day the day
   * @return the posts, possibly empty
   */
  public List<Post> postsIn(String organisation, LocalDate day) {
    return held(
        postsByOrganisation().get(Objects.requireNonNull(organisation, "organisation")), day);
  }

  /**
   * Every post a person holds or held.
   *
   * @param person the person id
   * @return the posts, possibly empty
   */
  public List<Post> postsOf(String person) {
    return postsByPerson().get(Objects.requireNonNull(person, "person"));
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
    return Objects.hash(organisations, people, posts, registrations, services, ratings);
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
