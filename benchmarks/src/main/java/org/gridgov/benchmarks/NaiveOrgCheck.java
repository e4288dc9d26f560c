package org.gridgov.benchmarks;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toMap;
import static java.util.stream.Collectors.toSet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridKind;
import org.gridgov.core.GridLevel;
import org.gridgov.org.OrgCoverage;
import org.gridgov.org.OrgDirectory;
import org.gridgov.org.OrgFindingCode;
import org.gridgov.org.OrgReport;
import org.gridgov.org.OrgRules;
import org.gridgov.org.OrgType;
import org.gridgov.org.Organisation;
import org.gridgov.org.Post;
import org.gridgov.org.PostKind;
import org.gridgov.org.Registrant;
import org.gridgov.org.ReportingRating;
import org.gridgov.org.ServiceRecord;
import org.gridgov.org.Team;

/**
 * The baseline of {@link OrgCheckBenchmark}: the rules of docs/org.md ("Rules", "Checks",
 * "Coverage") written the obvious way, straight from the documentation — maps by id built with
 * streams, for every grid rule a fresh {@code HashMap<GridId, List<Post>>} (or organisations) of
 * what that rule looks for, then a test per selected grid; the coverages by walking each area's
 * subtree. Linear but naive: no ordinals, no bit masks, one pass over the posts per rule. It
 * reports what {@link org.gridgov.org.OrgCheck} reports — the finding codes with their ids, and the
 * four coverages of the map and of every area — without the messages ({@code OrgCheckBenchmarkTest}
 * checks they agree on a city with planted defects).
 */
public final class NaiveOrgCheck {
  private NaiveOrgCheck() {}

  /**
   * A finding: its code and the ids it concerns.
   *
   * @param code the code's name
   * @param ids the ids, most relevant first
   */
  public record Item(String code, List<String> ids) {}

  /**
   * The four coverages of an area (or of the whole map, with an empty id).
   *
   * @param area the area grid id, empty for the map
   * @param shares covered and total of territory, people, affairs and organisation, in that order
   */
  public record Coverage(String area, List<Long> shares) {}

  /**
   * What the check found.
   *
   * @param findings the findings, sorted by code, then ids
   * @param coverages the map's coverage, then each area's (coverage levels in order, then by id)
   */
  public record Result(List<Item> findings, List<Coverage> coverages) {}

  /**
   * Checks an organisation on the grids.
   *
   * @param grids the grids
   * @param org the organisation
   * @param rules the rules
   * @param asOf the day checked
   * @return the findings and coverages
   */
  public static Result check(
      GridHierarchy grids, OrgDirectory org, OrgRules rules, LocalDate asOf) {
    List<Item> out = new ArrayList<>();
    Map<String, Organisation> orgs =
        org.organisations().stream().collect(toMap(Organisation::id, Function.identity()));
    Set<String> people = org.people().stream().map(p -> p.id()).collect(toSet());

    // organisations: references, branch formation and size, terms
    OrgRules.BranchLimits b = rules.branch();
    for (Organisation o : org.organisations()) {
      for (GridId g : o.grids()) {
        if (!grids.contains(g)) {
          out.add(item(OrgFindingCode.ORGANISATION_ON_UNKNOWN_GRID, o.id(), g.value()));
        }
      }
      o.parent()
          .filter(p -> !orgs.containsKey(p))
          .ifPresent(p -> out.add(item(OrgFindingCode.UNKNOWN_PARENT, o.id(), p)));
      o.ledBy()
          .filter(p -> !orgs.containsKey(p))
          .ifPresent(p -> out.add(item(OrgFindingCode.UNKNOWN_ORGANISATION, o.id(), p)));
      if (!o.type().isParty()) {
        continue;
      }
      int members = o.fullMembers() + o.probationaryMembers();
      if (o.type() == OrgType.PARTY_BRANCH || o.type() == OrgType.JOINT_PARTY_BRANCH) {
        if (o.fullMembers() < b.minFullMembers()) {
          out.add(item(OrgFindingCode.BRANCH_TOO_SMALL, o.id()));
        }
        if (members > b.maxMembers()) {
          out.add(item(OrgFindingCode.BRANCH_TOO_LARGE, o.id()));
        }
        boolean committeeOk =
            o.committee() >= b.committeeMin() && o.committee() <= b.committeeMax();
        if (o.fullMembers() >= b.committeeFrom() && !committeeOk) {
          out.add(item(OrgFindingCode.COMMITTEE_REQUIRED, o.id()));
        }
        if (o.fullMembers() < b.committeeFrom() && o.committee() > 0) {
          out.add(item(OrgFindingCode.COMMITTEE_NOT_EXPECTED, o.id()));
        }
        if (o.type() == OrgType.JOINT_PARTY_BRANCH && o.units().size() > b.jointBranchMaxUnits()) {
          out.add(item(OrgFindingCode.JOINT_BRANCH_TOO_MANY_UNITS, o.id()));
        }
      }
      if (o.type() == OrgType.PARTY_GENERAL_BRANCH && members < b.generalBranchFrom()) {
        out.add(item(OrgFindingCode.GENERAL_BRANCH_TOO_SMALL, o.id()));
      }
      if (o.electedOn().isPresent()) {
        LocalDate ends = o.electedOn().get().plusYears(o.termYears().orElse(b.termYears()));
        if (ends.isBefore(asOf)) {
          out.add(item(OrgFindingCode.TERM_EXPIRED, o.id()));
        } else if (!asOf.isBefore(ends.minusDays(b.renewalNoticeDays()))) {
          out.add(item(OrgFindingCode.TERM_RENEWAL_DUE, o.id()));
        }
      }
    }

    // posts: references
    for (Post p : org.posts()) {
      if (!people.contains(p.person())) {
        out.add(item(OrgFindingCode.UNKNOWN_PERSON, p.person()));
      }
      p.organisation()
          .filter(o -> !orgs.containsKey(o))
          .ifPresent(o -> out.add(item(OrgFindingCode.UNKNOWN_ORGANISATION, o, p.person())));
      p.grid()
          .filter(g -> !grids.contains(g))
          .ifPresent(
              g -> out.add(item(OrgFindingCode.POST_ON_UNKNOWN_GRID, g.value(), p.person())));
    }

    // grid rules, one at a time, each with its own index of what it looks for
    for (OrgRules.GridRule r : rules.grids()) {
      if (r.isOff()) {
        continue;
      }
      if (r.post().isPresent()) {
        PostKind kind = r.post().get();
        Map<GridId, List<Post>> held =
            org.posts().stream()
                .filter(p -> p.kind() == kind && p.grid().isPresent() && p.isHeldOn(asOf))
                .collect(groupingBy(p -> p.grid().get()));
        for (Grid g : grids.grids()) {
          if (!selects(grids, r.where(), g, asOf)) {
            continue;
          }
          List<Post> there = held.getOrDefault(g.id(), List.of());
          if (r.departments().isEmpty()) {
            if (there.isEmpty()) {
              out.add(item(r.code(), g.id().value()));
            }
          } else {
            for (String d : r.departments()) {
              if (there.stream().noneMatch(p -> p.department().equals(Optional.of(d)))) {
                out.add(item(r.code(), g.id().value(), d));
              }
            }
          }
        }
      } else {
        Map<GridId, List<Organisation>> covering = covering(org);
        for (Grid g : grids.grids()) {
          if (selects(grids, r.where(), g, asOf)
              && covering.getOrDefault(g.id(), List.of()).stream()
                  .noneMatch(o -> r.organisations().contains(o.type()))) {
            out.add(item(r.code(), g.id().value()));
          }
        }
      }
    }

    // chief rules: the chief holds the party post in an organisation covering the grid
    for (OrgRules.ChiefRule r : rules.chiefs()) {
      Map<GridId, List<Post>> chiefs =
          org.posts().stream()
              .filter(
                  p -> p.kind() == PostKind.GRID_CHIEF && p.grid().isPresent() && p.isHeldOn(asOf))
              .collect(groupingBy(p -> p.grid().get()));
      Map<String, List<Post>> partyPosts =
          org.posts().stream()
              .filter(p -> p.kind() == r.post() && p.organisation().isPresent() && p.isHeldOn(asOf))
              .collect(groupingBy(Post::person));
      for (Grid g : grids.grids()) {
        if (!g.level().equals(r.level()) || !g.isValidOn(asOf)) {
          continue;
        }
        for (Post chief : chiefs.getOrDefault(g.id(), List.of())) {
          boolean holds =
              partyPosts.getOrDefault(chief.person(), List.of()).stream()
                  .map(p -> orgs.get(p.organisation().get()))
                  .anyMatch(o -> o != null && o.type().isParty() && o.grids().contains(g.id()));
          if (!holds) {
            out.add(item(OrgFindingCode.CHIEF_WITHOUT_PARTY_POST, g.id().value(), chief.person()));
          }
        }
      }
    }

    // dual reporting: references, and a rating for every finished year registered
    record Rated(Registrant who, GridId community, int year) {}
    Set<Rated> rated =
        org.ratings().stream()
            .map(r -> new Rated(r.registrant(), r.community(), r.year()))
            .collect(toSet());
    for (ReportingRating r : org.ratings()) {
      references(r.registrant(), r.community(), people, orgs, grids, out);
    }
    for (ServiceRecord s : org.services()) {
      references(s.registrant(), s.community(), people, orgs, grids, out);
    }
    int lastFinished = asOf.getYear() - 1;
    for (var r : org.registrations()) {
      references(r.registrant(), r.community(), people, orgs, grids, out);
      int last = r.to().map(t -> Math.min(t.getYear(), lastFinished)).orElse(lastFinished);
      for (int y = r.from().getYear(); y <= last; y++) {
        if (!rated.contains(new Rated(r.registrant(), r.community(), y))) {
          out.add(
              item(
                  OrgFindingCode.REGISTRATION_NOT_RATED,
                  r.registrant().id(),
                  r.community().value()));
          break;
        }
      }
    }
    out.sort(Comparator.comparing(Item::code).thenComparing(i -> String.join("\u0000", i.ids())));
    return new Result(List.copyOf(out), coverages(grids, org, rules, asOf));
  }

  /**
   * OrgCheck's report in this class's terms, to compare.
   *
   * @param report the report
   * @return its findings (codes and subjects, sorted) and coverages
   */
  public static Result of(OrgReport report) {
    List<Item> items =
        new ArrayList<>(
            report.findings().stream().map(f -> new Item(f.code(), f.subjects())).toList());
    items.sort(Comparator.comparing(Item::code).thenComparing(i -> String.join("\u0000", i.ids())));
    List<Coverage> coverages = new ArrayList<>();
    coverages.add(coverage(report.total()));
    report.areas().forEach(a -> coverages.add(coverage(a)));
    return new Result(List.copyOf(items), coverages);
  }

  private static Coverage coverage(OrgCoverage c) {
    return new Coverage(
        c.area().map(GridId::value).orElse(""),
        List.of(
            c.territory().covered(),
            c.territory().total(),
            c.people().covered(),
            c.people().total(),
            c.affairs().covered(),
            c.affairs().total(),
            c.organisation().covered(),
            c.organisation().total()));
  }

  private static Item item(OrgFindingCode code, String... ids) {
    return new Item(code.name(), List.of(ids));
  }

  private static void references(
      Registrant who,
      GridId community,
      Set<String> people,
      Map<String, Organisation> orgs,
      GridHierarchy grids,
      List<Item> out) {
    if (who.kind() == Registrant.Kind.PERSON && !people.contains(who.id())) {
      out.add(item(OrgFindingCode.UNKNOWN_PERSON, who.id()));
    }
    if (who.kind() == Registrant.Kind.ORGANISATION && !orgs.containsKey(who.id())) {
      out.add(item(OrgFindingCode.UNKNOWN_ORGANISATION, who.id()));
    }
    if (!grids.contains(community)) {
      out.add(item(OrgFindingCode.UNKNOWN_COMMUNITY, community.value(), who.id()));
    }
  }

  private static Map<GridId, List<Organisation>> covering(OrgDirectory org) {
    Map<GridId, List<Organisation>> covering = new HashMap<>();
    for (Organisation o : org.organisations()) {
      for (GridId g : o.grids()) {
        covering.computeIfAbsent(g, k -> new ArrayList<>()).add(o);
      }
    }
    return covering;
  }

  /** Whether a grid rule's selector picks a grid on the day. */
  private static boolean selects(GridHierarchy grids, OrgRules.Where w, Grid g, LocalDate asOf) {
    return g.isValidOn(asOf)
        && (w.levels().isEmpty() || w.levels().contains(g.level()))
        && (!w.leaf() || isLeaf(grids, g))
        && (w.kind().isEmpty() || w.kind().get() == g.kind());
  }

  /** A grid without a territorial child. */
  private static boolean isLeaf(GridHierarchy grids, Grid g) {
    return grids.children(g.id()).stream()
        .noneMatch(c -> grids.grid(c).orElseThrow().kind() == GridKind.TERRITORIAL);
  }

  /** The four coverages of the map and of each area, each area by a walk of its subtree. */
  private static List<Coverage> coverages(
      GridHierarchy grids, OrgDirectory org, OrgRules rules, LocalDate asOf) {
    Map<GridId, List<Post>> held =
        org.posts().stream()
            .filter(p -> p.grid().isPresent() && p.isHeldOn(asOf))
            .collect(groupingBy(p -> p.grid().get()));
    Map<GridId, List<Organisation>> covering = covering(org);
    List<OrgRules.GridRule> orgRules =
        rules.grids().stream().filter(r -> r.post().isEmpty()).toList();
    Set<GridLevel> levels = Set.copyOf(rules.coverageLevels());
    Function<Grid, Boolean> isArea = g -> g.isValidOn(asOf) && levels.contains(g.level());
    Function<List<Grid>, Coverage> count =
        area -> {
          long[] c = new long[8];
          for (Grid g : area) {
            if (!g.isValidOn(asOf)) {
              continue;
            }
            List<Post> posts = held.getOrDefault(g.id(), List.of());
            if (isLeaf(grids, g)) {
              boolean worker =
                  posts.stream().anyMatch(p -> p.kind() == PostKind.FULL_TIME_GRID_WORKER);
              boolean chief = posts.stream().anyMatch(p -> p.kind() == PostKind.GRID_CHIEF);
              long households = g.households().orElse(0);
              c[0] += worker && chief ? 1 : 0;
              c[1]++;
              c[2] += worker ? households : 0;
              c[3] += households;
              Set<Team> teams = EnumSet.noneOf(Team.class);
              for (Grid a = g; a != null; ) {
                held.getOrDefault(a.id(), List.of()).forEach(p -> teams.add(p.team()));
                if (isArea.apply(a)) {
                  break;
                }
                a = grids.parent(a.id()).flatMap(grids::grid).orElse(null);
              }
              c[4] +=
                  teams.containsAll(
                          EnumSet.of(Team.GRID_WORKERS, Team.PROFESSIONALS, Team.AUXILIARIES))
                      ? 1
                      : 0;
              c[5]++;
            }
            List<OrgRules.GridRule> applying =
                orgRules.stream().filter(r -> selects(grids, r.where(), g, asOf)).toList();
            if (!applying.isEmpty()) {
              List<Organisation> there = covering.getOrDefault(g.id(), List.of());
              boolean all =
                  applying.stream()
                      .allMatch(
                          r -> there.stream().anyMatch(o -> r.organisations().contains(o.type())));
              c[6] += all ? 1 : 0;
              c[7]++;
            }
          }
          return new Coverage("", List.of(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]));
        };
    List<Coverage> out = new ArrayList<>();
    out.add(count.apply(grids.grids()));
    for (GridLevel level : rules.coverageLevels()) {
      for (Grid a : grids.grids()) {
        if (a.level().equals(level) && isArea.apply(a)) {
          out.add(new Coverage(a.id().value(), count.apply(subtree(grids, a)).shares()));
        }
      }
    }
    return out;
  }

  private static List<Grid> subtree(GridHierarchy grids, Grid root) {
    List<Grid> out = new ArrayList<>();
    List<Grid> stack = new ArrayList<>(List.of(root));
    while (!stack.isEmpty()) {
      Grid g = stack.remove(stack.size() - 1);
      out.add(g);
      grids.children(g.id()).forEach(c -> stack.add(grids.grid(c).orElseThrow()));
    }
    return out;
  }
}
