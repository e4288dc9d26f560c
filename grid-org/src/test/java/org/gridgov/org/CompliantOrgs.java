package org.gridgov.org;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridKind;

/**
 * Test generator: an organisation that satisfies a rule set on a hierarchy, with the list of the
 * posts and organisations the rules require (each one's removal must yield exactly its finding).
 */
final class CompliantOrgs {
  private CompliantOrgs() {}

  /** One required post or organisation, and the finding its removal must yield. */
  record Required(
      Optional<Post> post, Optional<Organisation> organisation, OrgFindingCode code, GridId grid) {}

  /** A compliant directory and what in it is required. */
  record Generated(
      OrgDirectory org,
      List<Required> required,
      List<Post> posts,
      List<Organisation> organisations,
      List<Person> people) {
    /** The directory without one required item (an organisation goes with its posts). */
    OrgDirectory without(Required r) {
      List<Post> ps = new ArrayList<>(posts);
      List<Organisation> os = new ArrayList<>(organisations);
      r.post().ifPresent(ps::remove);
      r.organisation()
          .ifPresent(
              o -> {
                os.remove(o);
                ps.removeIf(p -> p.organisation().filter(o.id()::equals).isPresent());
              });
      return OrgDirectory.builder()
          .organisations(os)
          .people(people)
          .posts(ps)
          .registrations(org.registrations())
          .ratings(org.ratings())
          .build();
    }
  }

  static boolean leaf(GridHierarchy h, GridId id) {
    for (GridId c : h.children(id)) {
      if (h.grid(c).orElseThrow().kind() == GridKind.TERRITORIAL) {
        return false;
      }
    }
    return true;
  }

  static boolean applies(GridHierarchy h, OrgRules.Where w, Grid g) {
    return (w.levels().isEmpty() || w.levels().contains(g.level()))
        && (!w.leaf() || leaf(h, g.id()))
        && (w.kind().isEmpty() || w.kind().get() == g.kind());
  }

  static Generated generate(GridHierarchy h, OrgRules rules, LocalDate asOf) {
    LocalDate from = asOf.minusYears(1);
    List<Person> people = new ArrayList<>();
    List<Post> posts = new ArrayList<>();
    List<Organisation> orgs = new ArrayList<>();
    List<Required> required = new ArrayList<>();
    int[] seq = {0};
    for (OrgRules.GridRule r : rules.grids()) {
      if (r.isOff()) {
        continue;
      }
      for (Grid g : h.grids()) {
        if (!applies(h, r.where(), g)) {
          continue;
        }
        if (r.post().isPresent()) {
          List<Optional<String>> depts = new ArrayList<>();
          if (r.departments().isEmpty()) {
            depts.add(Optional.empty());
          } else {
            r.departments().forEach(d -> depts.add(Optional.of(d)));
          }
          for (Optional<String> d : depts) {
            String person =
                r.post().get() == PostKind.GRID_CHIEF ? "chief-" + g.id() : "P" + seq[0]++;
            people.add(new Person(person, "Person " + person, Person.Membership.FULL));
            Post p = Post.onGrid(person, r.post().get(), g.id(), from);
            if (d.isPresent()) {
              p = p.withDepartment(d.get());
            }
            posts.add(p);
            required.add(new Required(Optional.of(p), Optional.empty(), r.code(), g.id()));
          }
        } else {
          OrgType type = ownType(h, rules, r, g);
          Organisation o = organisation("O" + seq[0]++ + "-" + g.id(), type, g.id(), from);
          orgs.add(o);
          required.add(new Required(Optional.empty(), Optional.of(o), r.code(), g.id()));
        }
      }
    }
    for (OrgRules.ChiefRule r : rules.chiefs()) {
      for (Grid g : h.grids()) {
        if (!g.level().equals(r.level())) {
          continue;
        }
        Organisation o =
            organisation("PC-" + r.id() + "-" + g.id(), OrgType.PARTY_COMMITTEE, g.id(), from);
        orgs.add(o);
        Post p = Post.inOrganisation("chief-" + g.id(), r.post(), o.id(), from);
        posts.add(p);
        required.add(
            new Required(
                Optional.of(p), Optional.empty(), OrgFindingCode.CHIEF_WITHOUT_PARTY_POST, g.id()));
      }
    }
    // Every leaf gets the other two teams too (affairs coverage), not required by any rule.
    for (Grid g : h.grids()) {
      if (leaf(h, g.id())) {
        String a = "A-" + g.id();
        String b = "B-" + g.id();
        people.add(new Person(a, "Staff " + a, Person.Membership.NONE));
        people.add(new Person(b, "Volunteer " + b, Person.Membership.NONE));
        posts.add(Post.onGrid(a, PostKind.SUNK_STAFF, g.id(), from).withDepartment("police"));
        posts.add(Post.onGrid(b, PostKind.VOLUNTEER, g.id(), from));
      }
    }
    // Chiefs are only added by the grid-chief rule; chief rules without it need the person.
    java.util.Set<String> ids = new java.util.HashSet<>();
    people.forEach(x -> ids.add(x.id()));
    for (Post p : posts) {
      if (ids.add(p.person())) {
        people.add(new Person(p.person(), "Person " + p.person(), Person.Membership.FULL));
      }
    }
    OrgDirectory org =
        OrgDirectory.builder().organisations(orgs).people(people).posts(posts).build();
    return new Generated(org, required, posts, orgs, people);
  }

  /**
   * The first type of an organisation rule that no other organisation rule applying to the grid
   * accepts (a joint branch satisfies both the compound and the exclusive rule: the organisation
   * required by one must not also satisfy the other, or its removal would yield no finding).
   */
  private static OrgType ownType(GridHierarchy h, OrgRules rules, OrgRules.GridRule rule, Grid g) {
    for (OrgType t : rule.organisations()) {
      boolean shared = false;
      for (OrgRules.GridRule other : rules.grids()) {
        if (other != rule
            && other.post().isEmpty()
            && !other.isOff()
            && applies(h, other.where(), g)
            && other.organisations().contains(t)) {
          shared = true;
        }
      }
      if (!shared) {
        return t;
      }
    }
    throw new IllegalStateException("rule " + rule.id() + " has no type of its own on " + g.id());
  }

  static Organisation organisation(String id, OrgType type, GridId grid, LocalDate elected) {
    int members =
        switch (type) {
          case PARTY_COMMITTEE -> 120;
          case PARTY_GENERAL_BRANCH -> 60;
          default -> 5;
        };
    Organisation.Builder b =
        Organisation.builder(id, type, "Organisation " + id)
            .grids(List.of(grid))
            .members(members, 0)
            .term(elected, 5);
    if (type == OrgType.JOINT_PARTY_BRANCH) {
      b.units(List.of("unit-1", "unit-2", "unit-3"));
    }
    return b.build();
  }
}
