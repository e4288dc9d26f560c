package org.gridgov.org;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.gridgov.core.Finding;
import org.gridgov.core.Findings;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridKind;
import org.gridgov.core.GridLevel;
import org.gridgov.core.Severity;

/**
 * Checks an {@link OrgDirectory} against the grids and a set of {@link OrgRules} on a day: branch
 * formation, size and terms, references (people, organisations, grids, communities), the posts and
 * organisations each grid must have, the party posts grid chiefs must hold, the yearly
 * dual-reporting ratings; and reports the four full coverages per area.
 *
 * <p>Linear in the size of the grids and the directory: every post, organisation, registration and
 * rating is visited once into per-grid bit masks, then every rule visits the grids once. Stateless
 * and thread-safe.
 */
public final class OrgCheck {
  private OrgCheck() {}

  /**
   * Checks the organisation on the grids.
   *
   * @param grids the grids
   * @param org the organisation data
   * @param rules the rules
   * @param asOf the day checked: posts and grids in force that day, terms ended before it, years
   *     finished before it
   * @return the findings and coverages
   */
  public static OrgReport check(
      GridHierarchy grids, OrgDirectory org, OrgRules rules, LocalDate asOf) {
    Objects.requireNonNull(grids, "grids");
    Objects.requireNonNull(org, "org");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(asOf, "asOf");
    return new Run(grids, org, rules, asOf).run();
  }

  /** The severity each code is reported with (docs/org.md, "Checks"). */
  static Severity severity(OrgFindingCode code) {
    return switch (code) {
      case BRANCH_TOO_LARGE,
          JOINT_BRANCH_TOO_MANY_UNITS,
          COMMITTEE_NOT_EXPECTED,
          GENERAL_BRANCH_TOO_SMALL,
          REGISTRATION_NOT_RATED ->
          Severity.WARNING;
      case TERM_RENEWAL_DUE -> Severity.INFO;
      default -> Severity.ERROR;
    };
  }

  /** One check: the indexes of one call. */
  private static final class Run {
    private final GridHierarchy grids;
    private final OrgDirectory org;
    private final OrgRules rules;
    private final LocalDate asOf;
    private final Findings.Builder out = Findings.builder();
    private final int n;
    private final boolean[] valid;
    private final boolean[] leaf;
    private final int[] postMask; // bit PostKind.ordinal() set when held on the grid on asOf
    private final int[] teamMask; // bit Team.ordinal()
    private final int[] orgMask; // bit OrgType.ordinal() of organisations covering the grid
    private final Map<PostKind, Map<Integer, Set<String>>> departments = new HashMap<>();
    // for the chief rules, gathered in the pass over the posts (not the directory's post indexes,
    // which would be built for a few hundred grids): the grid chiefs held on asOf on grids of the
    // rules' levels, by grid ordinal, and then the organisation posts held on asOf of those chiefs
    private final Set<GridLevel> chiefLevels = new HashSet<>();
    private final Map<Integer, List<Post>> chiefsAt = new HashMap<>();
    private Map<String, List<Post>> chiefPosts;

    Run(GridHierarchy grids, OrgDirectory org, OrgRules rules, LocalDate asOf) {
      this.grids = grids;
      this.org = org;
      this.rules = rules;
      this.asOf = asOf;
      n = grids.size();
      valid = new boolean[n];
      leaf = new boolean[n];
      postMask = new int[n];
      teamMask = new int[n];
      orgMask = new int[n];
      for (OrgRules.GridRule r : rules.grids()) {
        if (!r.isOff() && !r.departments().isEmpty()) {
          departments.putIfAbsent(r.post().orElseThrow(), new HashMap<>());
        }
      }
      for (OrgRules.ChiefRule r : rules.chiefs()) {
        chiefLevels.add(r.level());
      }
    }

    OrgReport run() {
      indexGrids();
      checkOrganisations();
      checkPosts();
      for (OrgRules.GridRule r : rules.grids()) {
        if (!r.isOff()) {
          checkGridRule(r);
        }
      }
      for (OrgRules.ChiefRule r : rules.chiefs()) {
        checkChiefRule(r);
      }
      checkReporting();
      return coverage(out.build());
    }

    private void add(OrgFindingCode code, String message, String... subjects) {
      out.add(Finding.of(severity(code), code, message, subjects));
    }

    private int ordinal(GridId id) {
      OptionalInt o = grids.ordinalOf(id);
      return o.isPresent() ? o.getAsInt() : -1;
    }

    private void indexGrids() {
      java.util.Arrays.fill(leaf, true);
      for (int o = 0; o < n; o++) {
        Grid g = grids.gridAt(o);
        valid[o] = g.isValidOn(asOf);
        int p = grids.parentOrdinal(o);
        if (p >= 0 && g.kind() == GridKind.TERRITORIAL) {
          leaf[p] = false;
        }
      }
    }

    private void checkOrganisations() {
      OrgRules.BranchLimits b = rules.branch();
      for (Organisation o : org.organisations()) {
        for (GridId g : o.grids()) {
          int ord = ordinal(g);
          if (ord < 0) {
            add(
                OrgFindingCode.ORGANISATION_ON_UNKNOWN_GRID,
                "organisation " + o.id() + " covers grid " + g + ", which is not on the map",
                o.id(),
                g.value());
          } else {
            orgMask[ord] |= 1 << o.type().ordinal();
          }
        }
        o.parent()
            .filter(p -> org.organisation(p).isEmpty())
            .ifPresent(
                p ->
                    add(
                        OrgFindingCode.UNKNOWN_PARENT,
                        "organisation " + o.id() + " names parent " + p + ", which is unknown",
                        o.id(),
                        p));
        o.ledBy()
            .filter(p -> org.organisation(p).isEmpty())
            .ifPresent(
                p ->
                    add(
                        OrgFindingCode.UNKNOWN_ORGANISATION,
                        "organisation " + o.id() + " is led by " + p + ", which is unknown",
                        o.id(),
                        p));
        if (!o.type().isParty()) {
          continue;
        }
        int total = o.fullMembers() + o.probationaryMembers();
        if (o.type().isBranch()) {
          checkBranch(o, b, total);
        }
        if (o.type() == OrgType.PARTY_GENERAL_BRANCH && total < b.generalBranchFrom()) {
          add(
              OrgFindingCode.GENERAL_BRANCH_TOO_SMALL,
              "general branch "
                  + o.id()
                  + " has "
                  + total
                  + " members; a general branch is formed from "
                  + b.generalBranchFrom()
                  + " ("
                  + b.basis().split(":")[0]
                  + ")",
              o.id());
        }
        checkTerm(o, b);
      }
    }

    private void checkBranch(Organisation o, OrgRules.BranchLimits b, int total) {
      String kind = o.type() == OrgType.JOINT_PARTY_BRANCH ? "joint branch " : "branch ";
      if (o.fullMembers() < b.minFullMembers()) {
        add(
            OrgFindingCode.BRANCH_TOO_SMALL,
            kind
                + o.id()
                + " has "
                + o.fullMembers()
                + " full members; at least "
                + b.minFullMembers()
                + " are needed to form a branch",
            o.id());
      }
      if (total > b.maxMembers()) {
        add(
            OrgFindingCode.BRANCH_TOO_LARGE,
            kind
                + o.id()
                + " has "
                + total
                + " members, normally at most "
                + b.maxMembers()
                + "; "
                + (total >= b.grassrootsCommitteeFrom()
                    ? "from " + b.grassrootsCommitteeFrom() + " a grassroots committee is formed"
                    : "from " + b.generalBranchFrom() + " a general branch may be formed"),
            o.id());
      }
      if (o.fullMembers() >= b.committeeFrom()) {
        if (o.committee() == 0) {
          add(
              OrgFindingCode.COMMITTEE_REQUIRED,
              kind
                  + o.id()
                  + " has "
                  + o.fullMembers()
                  + " full members and no committee; from "
                  + b.committeeFrom()
                  + " a committee of "
                  + b.committeeMin()
                  + "–"
                  + b.committeeMax()
                  + " is elected",
              o.id());
        } else if (o.committee() < b.committeeMin() || o.committee() > b.committeeMax()) {
          add(
              OrgFindingCode.COMMITTEE_REQUIRED,
              kind
                  + o.id()
                  + " has a committee of "
                  + o.committee()
                  + "; a committee has "
                  + b.committeeMin()
                  + "–"
                  + b.committeeMax()
                  + " members",
              o.id());
        }
      } else if (o.committee() > 0) {
        add(
            OrgFindingCode.COMMITTEE_NOT_EXPECTED,
            kind
                + o.id()
                + " has a committee of "
                + o.committee()
                + " with "
                + o.fullMembers()
                + " full members; below "
                + b.committeeFrom()
                + " a secretary serves alone",
            o.id());
      }
      if (o.type() == OrgType.JOINT_PARTY_BRANCH && o.units().size() > b.jointBranchMaxUnits()) {
        add(
            OrgFindingCode.JOINT_BRANCH_TOO_MANY_UNITS,
            "joint branch "
                + o.id()
                + " covers "
                + o.units().size()
                + " units, normally at most "
                + b.jointBranchMaxUnits(),
            o.id());
      }
    }

    private void checkTerm(Organisation o, OrgRules.BranchLimits b) {
      if (o.electedOn().isEmpty()) {
        return;
      }
      int years = o.termYears().orElse(b.termYears());
      LocalDate ends = o.electedOn().get().plusYears(years);
      if (ends.isBefore(asOf)) {
        add(
            OrgFindingCode.TERM_EXPIRED,
            o.id()
                + ": the "
                + years
                + "-year term elected on "
                + o.electedOn().get()
                + " ended on "
                + ends
                + "; the renewal was due then",
            o.id());
      } else if (!asOf.isBefore(ends.minusDays(b.renewalNoticeDays()))) {
        add(
            OrgFindingCode.TERM_RENEWAL_DUE,
            o.id() + ": the term ends on " + ends + "; the renewal election is due by then",
            o.id());
      }
    }

    private void checkPosts() {
      for (Post p : org.posts()) {
        if (org.person(p.person()).isEmpty()) {
          add(
              OrgFindingCode.UNKNOWN_PERSON,
              "post " + p.kind() + " " + where(p) + " is held by unknown person " + p.person(),
              p.person());
        }
        if (p.organisation().isPresent() && org.organisation(p.organisation().get()).isEmpty()) {
          add(
              OrgFindingCode.UNKNOWN_ORGANISATION,
              "post "
                  + p.kind()
                  + " of "
                  + p.person()
                  + " is in unknown organisation "
                  + p.organisation().get(),
              p.organisation().get(),
              p.person());
        }
        if (p.grid().isEmpty()) {
          continue;
        }
        int ord = ordinal(p.grid().get());
        if (ord < 0) {
          add(
              OrgFindingCode.POST_ON_UNKNOWN_GRID,
              "post "
                  + p.kind()
                  + " of "
                  + p.person()
                  + " is on grid "
                  + p.grid().get()
                  + ", which is not on the map",
              p.grid().get().value(),
              p.person());
          continue;
        }
        if (!p.isHeldOn(asOf)) {
          continue;
        }
        postMask[ord] |= 1 << p.kind().ordinal();
        if (p.kind() == PostKind.GRID_CHIEF
            && !chiefLevels.isEmpty()
            && chiefLevels.contains(grids.gridAt(ord).level())) {
          chiefsAt.computeIfAbsent(ord, k -> new ArrayList<>(1)).add(p);
        }
        if (p.team() != Team.NONE) {
          teamMask[ord] |= 1 << p.team().ordinal();
        }
        Map<Integer, Set<String>> byGrid = departments.get(p.kind());
        if (byGrid != null && p.department().isPresent()) {
          byGrid.computeIfAbsent(ord, k -> new HashSet<>(4)).add(p.department().get());
        }
      }
    }

    private static String where(Post p) {
      return p.grid().isPresent()
          ? "on grid " + p.grid().get()
          : "in organisation " + p.organisation().orElseThrow();
    }

    private boolean applies(OrgRules.Where w, int o) {
      if (!valid[o]) {
        return false;
      }
      Grid g = grids.gridAt(o);
      return (w.levels().isEmpty() || w.levels().contains(g.level()))
          && (!w.leaf() || leaf[o])
          && (w.kind().isEmpty() || w.kind().get() == g.kind());
    }

    private static int mask(Set<OrgType> types) {
      int m = 0;
      for (OrgType t : types) {
        m |= 1 << t.ordinal();
      }
      return m;
    }

    private void checkGridRule(OrgRules.GridRule r) {
      int orgs = mask(r.organisations());
      for (int o = 0; o < n; o++) {
        if (!applies(r.where(), o)) {
          continue;
        }
        GridId id = grids.idAt(o);
        if (r.post().isEmpty()) {
          if ((orgMask[o] & orgs) == 0) {
            add(
                r.code(),
                "grid "
                    + id
                    + " has no "
                    + names(r.organisations())
                    + " covering it (rule "
                    + r.id()
                    + ")",
                id.value());
          }
          continue;
        }
        PostKind kind = r.post().get();
        if (r.departments().isEmpty()) {
          if ((postMask[o] & (1 << kind.ordinal())) == 0) {
            add(
                r.code(),
                "grid " + id + " has no " + kind + " on " + asOf + " (rule " + r.id() + ")",
                id.value());
          }
          continue;
        }
        Set<String> have = departments.get(kind).getOrDefault(o, Set.of());
        for (String d : r.departments()) {
          if (!have.contains(d)) {
            add(
                r.code(),
                "grid "
                    + id
                    + " has no "
                    + kind
                    + " from "
                    + d
                    + " on "
                    + asOf
                    + " (rule "
                    + r.id()
                    + ")",
                id.value(),
                d);
          }
        }
      }
    }

    private static String names(Set<OrgType> types) {
      List<String> s = new ArrayList<>();
      types.forEach(t -> s.add(t.name()));
      return String.join(" or ", s);
    }

    private void checkChiefRule(OrgRules.ChiefRule r) {
      if (!grids.ladder().contains(r.level())) {
        return;
      }
      int chief = 1 << PostKind.GRID_CHIEF.ordinal();
      for (int o = 0; o < n; o++) {
        if (!valid[o] || (postMask[o] & chief) == 0 || !grids.gridAt(o).level().equals(r.level())) {
          continue;
        }
        GridId id = grids.idAt(o);
        for (Post c : chiefsAt.getOrDefault(o, List.of())) {
          if (!holdsCovering(c.person(), r.post(), id)) {
            add(
                OrgFindingCode.CHIEF_WITHOUT_PARTY_POST,
                "grid chief "
                    + c.person()
                    + " of "
                    + r.level()
                    + " grid "
                    + id
                    + " is not "
                    + r.post()
                    + " of a party organisation covering it (rule "
                    + r.id()
                    + ")",
                id.value(),
                c.person());
          }
        }
      }
    }

    private boolean holdsCovering(String person, PostKind kind, GridId grid) {
      if (chiefPosts == null) {
        Set<String> chiefs = new HashSet<>();
        chiefsAt.values().forEach(l -> l.forEach(c -> chiefs.add(c.person())));
        chiefPosts = new HashMap<>();
        for (Post p : org.posts()) {
          if (p.organisation().isPresent() && p.isHeldOn(asOf) && chiefs.contains(p.person())) {
            chiefPosts.computeIfAbsent(p.person(), k -> new ArrayList<>(2)).add(p);
          }
        }
      }
      for (Post p : chiefPosts.getOrDefault(person, List.of())) {
        if (p.kind() != kind || p.organisation().isEmpty() || !p.isHeldOn(asOf)) {
          continue;
        }
        Optional<Organisation> o = org.organisation(p.organisation().get());
        if (o.isPresent() && o.get().type().isParty() && o.get().grids().contains(grid)) {
          return true;
        }
      }
      return false;
    }

    private void checkRegistrant(Registrant r, String what) {
      boolean known =
          r.kind() == Registrant.Kind.PERSON
              ? org.person(r.id()).isPresent()
              : org.organisation(r.id()).isPresent();
      if (!known) {
        add(
            r.kind() == Registrant.Kind.PERSON
                ? OrgFindingCode.UNKNOWN_PERSON
                : OrgFindingCode.UNKNOWN_ORGANISATION,
            what
                + " names unknown "
                + r.kind().name().toLowerCase(java.util.Locale.ROOT)
                + " "
                + r.id(),
            r.id());
      }
    }

    private void checkCommunity(GridId community, String what, String id) {
      if (!grids.contains(community)) {
        add(
            OrgFindingCode.UNKNOWN_COMMUNITY,
            what + " of " + id + " names community " + community + ", which is not on the map",
            community.value(),
            id);
      }
    }

    private void checkReporting() {
      Set<String> rated = new HashSet<>();
      for (ReportingRating r : org.ratings()) {
        checkRegistrant(r.registrant(), "a rating");
        checkCommunity(r.community(), "the rating", r.registrant().id());
        rated.add(key(r.registrant(), r.community(), r.year()));
      }
      for (ServiceRecord s : org.services()) {
        checkRegistrant(s.registrant(), "a service record");
        checkCommunity(s.community(), "the service record", s.registrant().id());
      }
      int lastFinished = asOf.getYear() - 1;
      for (Registration r : org.registrations()) {
        checkRegistrant(r.registrant(), "a registration");
        checkCommunity(r.community(), "the registration", r.registrant().id());
        int last = Math.min(lastFinished, r.to().map(LocalDate::getYear).orElse(lastFinished));
        TreeSet<Integer> missing = new TreeSet<>();
        for (int y = r.from().getYear(); y <= last; y++) {
          if (!rated.contains(key(r.registrant(), r.community(), y))) {
            missing.add(y);
          }
        }
        if (!missing.isEmpty()) {
          add(
              OrgFindingCode.REGISTRATION_NOT_RATED,
              r.registrant().id()
                  + ", registered with "
                  + r.community()
                  + ", has no rating for "
                  + missing
                  + "; the community rates each registrant at least once a year",
              r.registrant().id(),
              r.community().value());
        }
      }
    }

    private static String key(Registrant r, GridId community, int year) {
      return r.kind().ordinal()
          + "\u0000"
          + r.id()
          + "\u0000"
          + community.value()
          + "\u0000"
          + year;
    }

    private OrgReport coverage(Findings findings) {
      // Counters per area grid (row n: the whole map): territory, people, affairs, organisation.
      boolean[] area = new boolean[n];
      Set<GridLevel> levels = Set.copyOf(rules.coverageLevels());
      for (int o = 0; o < n; o++) {
        area[o] = valid[o] && levels.contains(grids.gridAt(o).level());
      }
      long[][] c = new long[n + 1][8]; // row n: the whole map
      int workerBit = 1 << PostKind.FULL_TIME_GRID_WORKER.ordinal();
      int chiefBit = 1 << PostKind.GRID_CHIEF.ordinal();
      int allTeams =
          (1 << Team.GRID_WORKERS.ordinal())
              | (1 << Team.PROFESSIONALS.ordinal())
              | (1 << Team.AUXILIARIES.ordinal());
      List<OrgRules.GridRule> orgRules = new ArrayList<>();
      for (OrgRules.GridRule r : rules.grids()) {
        if (r.post().isEmpty()) {
          orgRules.add(r);
        }
      }
      int[] orgRuleMasks = new int[orgRules.size()];
      for (int i = 0; i < orgRuleMasks.length; i++) {
        orgRuleMasks[i] = mask(orgRules.get(i).organisations());
      }
      long[] add = new long[8];
      for (int o = 0; o < n; o++) {
        if (!valid[o]) {
          continue;
        }
        java.util.Arrays.fill(add, 0);
        if (leaf[o]) {
          boolean worker = (postMask[o] & workerBit) != 0;
          add[0] = worker && (postMask[o] & chiefBit) != 0 ? 1 : 0;
          add[1] = 1;
          long households = grids.gridAt(o).households().orElse(0);
          add[2] = worker ? households : 0;
          add[3] = households;
          int teams = 0;
          for (int a = o; a >= 0; a = grids.parentOrdinal(a)) {
            teams |= teamMask[a];
            if (area[a]) {
              break;
            }
          }
          add[4] = (teams & allTeams) == allTeams ? 1 : 0;
          add[5] = 1;
        }
        boolean selected = false;
        boolean satisfied = true;
        for (int i = 0; i < orgRuleMasks.length; i++) {
          if (applies(orgRules.get(i).where(), o)) {
            selected = true;
            satisfied &= (orgMask[o] & orgRuleMasks[i]) != 0;
          }
        }
        if (selected) {
          add[6] = satisfied ? 1 : 0;
          add[7] = 1;
        }
        accumulate(c[n], add);
        for (int a = o; a >= 0; a = grids.parentOrdinal(a)) {
          if (area[a]) {
            accumulate(c[a], add);
          }
        }
      }
      List<OrgCoverage> areas = new ArrayList<>();
      for (GridLevel level : rules.coverageLevels()) {
        for (int o = 0; o < n; o++) {
          if (area[o] && grids.gridAt(o).level().equals(level)) {
            areas.add(coverageOf(Optional.of(grids.idAt(o)), Optional.of(level), c[o]));
          }
        }
      }
      return new OrgReport(findings, coverageOf(Optional.empty(), Optional.empty(), c[n]), areas);
    }

    private static void accumulate(long[] into, long[] add) {
      for (int i = 0; i < add.length; i++) {
        into[i] += add[i];
      }
    }

    private static OrgCoverage coverageOf(
        Optional<GridId> id, Optional<GridLevel> level, long[] c) {
      return new OrgCoverage(
          id,
          level,
          new OrgCoverage.Share(c[0], c[1]),
          new OrgCoverage.Share(c[2], c[3]),
          new OrgCoverage.Share(c[4], c[5]),
          new OrgCoverage.Share(c[6], c[7]));
    }
  }
}
