package org.gridgov.org;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridKind;
import org.gridgov.core.GridLevel;

/**
 * Generates a compliant organisation for any grid hierarchy, from a seed: sample data, test
 * fixtures and benchmarks (a Zhengzhou-sized map of 54,161 micro-grids takes one linear pass).
 * "Compliant" means what the default rules of docs/org.md ask:
 *
 * <ul>
 *   <li>a party committee on every grid above the community (city, district, street) and on every
 *       community, in a tree that follows the grids; committees have at least 100 full members
 *       (their branches' plus their own), a committee of 5 or 7 and an election within the last 5
 *       years of the as-of date;
 *   <li>every territorial compound a party branch (a share of them, the others a party group);
 *       branches have 3–50 full members, a committee of 3 or 5 from 7 full members, a secretary
 *       alone below, and more party groups (per building) under them; every exclusive grid a joint
 *       party branch of 2–5 units;
 *   <li>a grid chief on every grid (the secretary of its organisation; on a street the deputy
 *       secretary of the street's committee, who holds {@code DEPUTY_SECRETARY} there), a full-time
 *       grid worker on every grid from the community down, a party-building instructor on every
 *       micro-grid, unit and building chiefs on compounds, one liaison from each listed department
 *       on every community grid (one person per department and street);
 *   <li>part-time grid workers: one on every micro-grid and, on request ({@link
 *       Options#extraWorkersPerLeaf()}), more on the leaf grids — how a benchmark reaches a city's
 *       published number of grid workers;
 *   <li>organisations the party leads ({@code ledBy}): property companies and owners' committees on
 *       compounds with a branch, a volunteer team per community, a social organisation per street;
 *       a party branch per department (a unit that reports to communities);
 *   <li>committee members ({@code COMMITTEE_MEMBER}) beside the secretary of every branch with a
 *       committee;
 *   <li>dual reporting: party members registered with each community, their services in the as-of
 *       year and the year before, and a rating for each year they were registered in; branches and
 *       their post-holders register, serve and are rated with a spread (each branch draws how
 *       engaged it is), so that star ratings differ; a unit's branch always registers.
 * </ul>
 *
 * <p>All posts start at least a year before the as-of date and are open-ended, so a check on any
 * later day finds them held. People are plainly fictional ({@code 王某华}: the 某 marks a made-up
 * name). Stateless; the result is a pure function of the hierarchy and the options.
 */
public final class OrgGenerator {
  private static final String[] SURNAMES = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林",
    "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "萧", "田", "董", "潘", "袁", "蔡",
    "蒋", "余"
  };
  private static final String[] GIVEN = {
    "华", "明", "芳", "军", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "杰", "娟", "涛", "超", "霞", "平", "刚",
    "桂", "文", "辉", "鹏", "玲", "红", "婷", "斌", "宇", "浩", "凯", "健", "俊", "帆", "雪", "琳", "晨", "欣", "倩",
    "波", "峰"
  };

  private OrgGenerator() {}

  /**
   * A department that sends a liaison to every community grid (and has a party branch of its own
   * that reports to a community).
   *
   * @param id the department's id, the {@code department} of its liaisons' posts
   * @param name its display name
   */
  public record Department(String id, String name) {
    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException when the id or name is blank
     */
    public Department {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      if (id.isBlank() || name.isBlank()) {
        throw new IllegalArgumentException("a department's id and name must not be blank");
      }
    }
  }

  /**
   * What to generate.
   *
   * @param asOf the day the organisation is compliant on (and every later day until the earliest
   *     term ends, at least a year later)
   * @param seed the seed of every random choice
   * @param departments the departments that send liaisons to community grids, possibly none
   * @param branchShare the share of territorial compounds with a party branch (the others get a
   *     party group), 0 to 1
   * @param groupsPerBranch party groups per branch on average (per building), at least 0
   * @param unitChiefsPerCompound unit chiefs per territorial compound on average, at least 0
   * @param registrationsPerCommunity party members registered with each community on average
   *     besides the branches' post-holders (who register by their branch's engagement), at least 0
   * @param extraWorkersPerLeaf part-time grid workers per leaf grid (a territorial grid without a
   *     territorial child) on average, in addition to the one every micro-grid has, at least 0;
   *     spread by households like the other rates (0, the default, adds none and leaves every other
   *     choice as it was)
   */
  public record Options(
      LocalDate asOf,
      long seed,
      List<Department> departments,
      double branchShare,
      double groupsPerBranch,
      double unitChiefsPerCompound,
      double registrationsPerCommunity,
      double extraWorkersPerLeaf) {
    /**
     * Checks the fields and copies the list.
     *
     * @throws IllegalArgumentException when a share or rate is out of range
     */
    public Options {
      Objects.requireNonNull(asOf, "asOf");
      departments = List.copyOf(departments);
      if (!(branchShare >= 0 && branchShare <= 1)) {
        throw new IllegalArgumentException("branchShare must be in [0, 1] but was " + branchShare);
      }
      for (double rate :
          new double[] {groupsPerBranch, unitChiefsPerCompound, extraWorkersPerLeaf}) {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
          throw new IllegalArgumentException("a rate must be finite and >= 0 but was " + rate);
        }
      }
      if (!(registrationsPerCommunity >= 0) || Double.isInfinite(registrationsPerCommunity)) {
        throw new IllegalArgumentException(
            "registrationsPerCommunity must be finite and >= 0 but was "
                + registrationsPerCommunity);
      }
    }

    /**
     * Options without extra part-time workers ({@code extraWorkersPerLeaf} 0).
     *
     * @param asOf the as-of day
     * @param seed the seed
     * @param departments the departments that send liaisons
     * @param branchShare the share of territorial compounds with a party branch
     * @param groupsPerBranch party groups per branch on average
     * @param unitChiefsPerCompound unit chiefs per territorial compound on average
     * @param registrationsPerCommunity party members registered with each community on average
     * @throws IllegalArgumentException when a share or rate is out of range
     */
    public Options(
        LocalDate asOf,
        long seed,
        List<Department> departments,
        double branchShare,
        double groupsPerBranch,
        double unitChiefsPerCompound,
        double registrationsPerCommunity) {
      this(
          asOf,
          seed,
          departments,
          branchShare,
          groupsPerBranch,
          unitChiefsPerCompound,
          registrationsPerCommunity,
          0);
    }

    /**
     * Defaults: no departments, 60 % of compounds with a branch, 2 groups per branch, 12 unit
     * chiefs per compound, 10 registered party members per community, no extra part-time workers.
     *
     * @param asOf the as-of day
     * @param seed the seed
     * @return the options
     */
    public static Options defaults(LocalDate asOf, long seed) {
      return new Options(asOf, seed, List.of(), 0.6, 2.0, 12.0, 10.0, 0);
    }

    /**
     * These options with departments.
     *
     * @param value the departments
     * @return a copy
     */
    public Options withDepartments(List<Department> value) {
      return new Options(
          asOf,
          seed,
          value,
          branchShare,
          groupsPerBranch,
          unitChiefsPerCompound,
          registrationsPerCommunity,
          extraWorkersPerLeaf);
    }

    /**
     * These options with extra part-time grid workers on the leaf grids.
     *
     * @param value part-time workers per leaf grid on average, in addition to a micro-grid's one
     * @return a copy
     * @throws IllegalArgumentException when the value is negative or not finite
     */
    public Options withExtraWorkersPerLeaf(double value) {
      return new Options(
          asOf,
          seed,
          departments,
          branchShare,
          groupsPerBranch,
          unitChiefsPerCompound,
          registrationsPerCommunity,
          value);
    }
  }

  /**
   * Generates the organisation of a hierarchy.
   *
   * @param hierarchy the grids
   * @param options what to generate
   * @return the directory, compliant with the default rules on {@code options.asOf()}
   */
  public static OrgDirectory generate(GridHierarchy hierarchy, Options options) {
    Objects.requireNonNull(hierarchy, "hierarchy");
    Objects.requireNonNull(options, "options");
    return new Run(hierarchy, options).run();
  }

  /** Organisation id prefixes; the grid id follows. */
  private static final String COMMITTEE = "PC-";

  private static final String BRANCH = "PB-";
  private static final String JOINT = "JB-";
  private static final String GROUP = "PG-";

  private enum Role {
    COMMITTEE,
    STREET,
    COMMUNITY,
    COMPOUND,
    MICRO,
    EXCLUSIVE
  }

  /** One generation; not thread-safe. */
  private static final class Run {
    private final GridHierarchy h;
    private final Options o;
    private final SplittableRandom rnd;
    private final List<Organisation> orgs = new ArrayList<>();
    private final List<Person> people = new ArrayList<>();
    private final List<Post> posts = new ArrayList<>();
    private final List<Registration> registrations = new ArrayList<>();
    private final List<ServiceRecord> services = new ArrayList<>();
    private final List<ReportingRating> ratings = new ArrayList<>();
    private final Role[] role;
    private final String[] orgOf; // the party organisation standing on each grid, by ordinal
    private final int[] full; // full members of the base organisation on each grid
    private final int[] probationary;
    private final long[] below; // full members of the base organisations under a committee grid
    private final boolean[] branch;
    private final int[] groups; // party groups under a compound's branch
    private final int[] unitChiefs;
    private final int[] registered;
    private final int[] extraWorkers; // extra part-time workers on each leaf grid
    private final LocalDate earliest;
    private final LocalDate latest;

    Run(GridHierarchy h, Options o) {
      this.h = h;
      this.o = o;
      this.rnd = new SplittableRandom(o.seed());
      int n = h.size();
      role = new Role[n];
      orgOf = new String[n];
      full = new int[n];
      probationary = new int[n];
      below = new long[n];
      branch = new boolean[n];
      groups = new int[n];
      unitChiefs = new int[n];
      registered = new int[n];
      extraWorkers = new int[n];
      earliest = o.asOf().minusYears(5).plusMonths(1);
      latest = o.asOf().minusYears(1);
    }

    OrgDirectory run() {
      int n = h.size();
      List<Integer> compounds = new ArrayList<>();
      List<Integer> communities = new ArrayList<>();
      for (int g = 0; g < n; g++) {
        role[g] = roleOf(g);
        if (role[g] == Role.COMPOUND) {
          compounds.add(g);
        } else if (role[g] == Role.COMMUNITY) {
          communities.add(g);
        }
      }
      // branches on a seeded choice of compounds; groups and unit chiefs by households
      int branches = (int) Math.round(o.branchShare() * compounds.size());
      int[] order = shuffled(compounds.size());
      for (int i = 0; i < branches; i++) {
        branch[compounds.get(order[i])] = true;
      }
      List<Integer> withBranch = new ArrayList<>();
      for (int c : compounds) {
        if (branch[c]) {
          withBranch.add(c);
        }
      }
      spread(withBranch, Math.round(o.groupsPerBranch() * withBranch.size()), groups);
      spread(compounds, Math.round(o.unitChiefsPerCompound() * compounds.size()), unitChiefs);
      spread(
          communities, Math.round(o.registrationsPerCommunity() * communities.size()), registered);
      if (o.extraWorkersPerLeaf() > 0) {
        List<Integer> leaves = leaves();
        spread(leaves, Math.round(o.extraWorkersPerLeaf() * leaves.size()), extraWorkers);
      }
      // member counts of the base organisations, summed up to the committees above them
      for (int g = 0; g < n; g++) {
        if (role[g] == Role.COMPOUND || role[g] == Role.EXCLUSIVE) {
          if (branch[g] || role[g] == Role.EXCLUSIVE) {
            full[g] = rnd.nextInt(10) == 0 ? rnd.nextInt(3, 7) : rnd.nextInt(8, 47);
          } else {
            full[g] = rnd.nextInt(3, 13);
          }
          probationary[g] = rnd.nextInt(4) == 0 ? rnd.nextInt(1, 3) : 0;
          for (int p = h.parentOrdinal(g); p >= 0; p = h.parentOrdinal(p)) {
            below[p] += full[g];
          }
        }
      }
      // organisations and posts, top-down
      for (int g : topDown()) {
        switch (role[g]) {
          case COMMITTEE -> committee(g);
          case STREET -> street(g);
          case COMMUNITY -> community(g);
          case COMPOUND -> compound(g);
          case MICRO -> micro(g);
          case EXCLUSIVE -> exclusive(g);
        }
        for (int i = 0; i < extraWorkers[g]; i++) {
          grid(person(rnd.nextBoolean(), false), PostKind.PART_TIME_GRID_WORKER, g);
        }
      }
      liaisons(communities);
      units(communities);
      for (int c : communities) {
        for (int i = 0; i < registered[c]; i++) {
          String person = person(true, rnd.nextInt(20) == 0);
          report(Registrant.person(person), h.idAt(c));
        }
      }
      return OrgDirectory.builder()
          .organisations(orgs)
          .people(people)
          .posts(posts)
          .registrations(registrations)
          .services(services)
          .ratings(ratings)
          .build();
    }

    private Role roleOf(int g) {
      Grid grid = h.gridAt(g);
      if (grid.kind() == GridKind.EXCLUSIVE) {
        return Role.EXCLUSIVE;
      }
      GridLevel level = grid.level();
      if (level.equals(GridLevel.STREET)) {
        return Role.STREET;
      }
      if (level.equals(GridLevel.COMMUNITY)) {
        return Role.COMMUNITY;
      }
      if (level.equals(GridLevel.COMPOUND)) {
        return Role.COMPOUND;
      }
      if (level.equals(GridLevel.MICRO)) {
        return Role.MICRO;
      }
      return h.children(grid.id()).isEmpty() ? Role.COMPOUND : Role.COMMITTEE;
    }

    /** Territorial grids without a territorial child, by ordinal. */
    private List<Integer> leaves() {
      int n = h.size();
      boolean[] inner = new boolean[n];
      for (int g = 0; g < n; g++) {
        int p = h.parentOrdinal(g);
        if (p >= 0 && h.gridAt(g).kind() == GridKind.TERRITORIAL) {
          inner[p] = true;
        }
      }
      List<Integer> out = new ArrayList<>();
      for (int g = 0; g < n; g++) {
        if (!inner[g] && h.gridAt(g).kind() == GridKind.TERRITORIAL) {
          out.add(g);
        }
      }
      return out;
    }

    /** Ordinals by depth, then id: every grid after its parent. Linear (bucketed by depth). */
    private int[] topDown() {
      int n = h.size();
      int maxDepth = 0;
      for (int g = 0; g < n; g++) {
        maxDepth = Math.max(maxDepth, h.depth(g));
      }
      int[] start = new int[maxDepth + 2];
      for (int g = 0; g < n; g++) {
        start[h.depth(g) + 1]++;
      }
      for (int d = 1; d < start.length; d++) {
        start[d] += start[d - 1];
      }
      int[] out = new int[n];
      for (int g = 0; g < n; g++) {
        out[start[h.depth(g)]++] = g;
      }
      return out;
    }

    private int[] shuffled(int size) {
      int[] a = new int[size];
      for (int i = 0; i < size; i++) {
        a[i] = i;
      }
      for (int i = size - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
      }
      return a;
    }

    /** Spreads a total over grids in proportion to their households (1 when unknown), exactly. */
    private void spread(List<Integer> over, long total, int[] into) {
      long weight = 0;
      for (int g : over) {
        weight += Math.max(1, h.gridAt(g).households().orElse(1));
      }
      long cumulative = 0;
      for (int g : over) {
        long before = weight == 0 ? 0 : cumulative * total / weight;
        cumulative += Math.max(1, h.gridAt(g).households().orElse(1));
        into[g] = (int) (cumulative * total / weight - before);
      }
    }

    // ---------------------------------------------------------------- per role

    private void committee(int g) {
      String id = COMMITTEE + h.idAt(g).value();
      party(
          g, id, OrgType.PARTY_COMMITTEE, "党委", committeeMembers(g), 0, rnd.nextBoolean() ? 5 : 7);
      String secretary = person(true, false);
      leader(secretary, PostKind.SECRETARY, id);
      chief(g, secretary);
    }

    private void street(int g) {
      String id = COMMITTEE + h.idAt(g).value();
      party(g, id, OrgType.PARTY_COMMITTEE, "党工委", committeeMembers(g), 0, 7);
      leader(person(true, false), PostKind.SECRETARY, id);
      String deputy = person(true, false);
      leader(deputy, PostKind.DEPUTY_SECRETARY, id);
      chief(g, deputy);
      orgs.add(
          Organisation.builder(
                  "SO-" + h.idAt(g).value(), OrgType.SOCIAL_ORGANISATION, name(g) + "社会工作服务站")
              .ledBy(id)
              .grids(List.of(h.idAt(g)))
              .build());
    }

    private void community(int g) {
      String id = COMMITTEE + h.idAt(g).value();
      party(
          g, id, OrgType.PARTY_COMMITTEE, "党委", committeeMembers(g), 0, rnd.nextBoolean() ? 5 : 7);
      String secretary = person(true, false);
      leader(secretary, PostKind.SECRETARY, id);
      chief(g, secretary);
      worker(g);
      for (int i = 0; i < 2; i++) {
        grid(person(rnd.nextInt(3) == 0, false), PostKind.VOLUNTEER, g);
      }
      orgs.add(
          Organisation.builder("VT-" + h.idAt(g).value(), OrgType.VOLUNTEER_TEAM, name(g) + "志愿服务队")
              .ledBy(id)
              .grids(List.of(h.idAt(g)))
              .build());
    }

    private void compound(int g) {
      GridId grid = h.idAt(g);
      String parent = parentOrg(g);
      String chief;
      List<String> holders = List.of();
      if (branch[g]) {
        String id = BRANCH + grid.value();
        int committee = base(g, id, OrgType.PARTY_BRANCH, "党支部", parent, List.of());
        chief = person(true, false);
        leader(chief, PostKind.SECRETARY, id);
        holders = committeeMembers(id, committee, chief);
        for (int i = 1; i <= groups[g]; i++) {
          orgs.add(
              Organisation.builder(
                      GROUP + grid.value() + "-" + i, OrgType.PARTY_GROUP, name(g) + i + "号楼党小组")
                  .parent(id)
                  .grids(List.of(grid))
                  .members(rnd.nextInt(3, 9), 0)
                  .build());
          grid(person(true, false), PostKind.BUILDING_CHIEF, g);
        }
        if (rnd.nextInt(2) == 0) {
          orgs.add(
              Organisation.builder(
                      "PM-" + grid.value(), OrgType.PROPERTY_COMPANY, name(g) + "物业服务中心")
                  .ledBy(id)
                  .grids(List.of(grid))
                  .build());
        }
        if (rnd.nextInt(10) < 3) {
          orgs.add(
              Organisation.builder(
                      "OC-" + grid.value(), OrgType.OWNERS_COMMITTEE, name(g) + "业主委员会")
                  .ledBy(id)
                  .grids(List.of(grid))
                  .build());
        }
      } else {
        String id = GROUP + grid.value();
        orgOf[g] = id;
        Organisation.Builder b =
            Organisation.builder(id, OrgType.PARTY_GROUP, name(g) + "党小组")
                .grids(List.of(grid))
                .members(full[g], probationary[g]);
        if (parent != null) {
          b.parent(parent);
        }
        orgs.add(b.build());
        chief = person(true, false);
      }
      chief(g, chief);
      worker(g);
      for (int i = 0; i < unitChiefs[g]; i++) {
        grid(person(rnd.nextInt(10) < 3, false), PostKind.UNIT_CHIEF, g);
      }
      if (branch[g]) {
        engage(BRANCH + grid.value(), holders, g, full[g] + probationary[g], false);
      }
    }

    private void micro(int g) {
      chief(g, person(rnd.nextBoolean(), false));
      worker(g);
      grid(person(true, false), PostKind.PARTY_INSTRUCTOR, g);
      grid(person(rnd.nextBoolean(), false), PostKind.PART_TIME_GRID_WORKER, g);
    }

    private void exclusive(int g) {
      String id = JOINT + h.idAt(g).value();
      int count = rnd.nextInt(2, 6);
      List<String> units = new ArrayList<>(count);
      for (int i = 1; i <= count; i++) {
        units.add(name(g) + "成员单位" + i);
      }
      int committee = base(g, id, OrgType.JOINT_PARTY_BRANCH, "联合党支部", parentOrg(g), units);
      String secretary = person(true, false);
      leader(secretary, PostKind.SECRETARY, id);
      List<String> holders = committeeMembers(id, committee, secretary);
      chief(g, secretary);
      worker(g);
      engage(id, holders, g, full[g] + probationary[g], false);
    }

    /** One liaison per department and street, holding a post on each community grid under it. */
    private void liaisons(List<Integer> communities) {
      if (o.departments().isEmpty()) {
        return;
      }
      Map<Integer, String[]> byStreet = new HashMap<>();
      for (int c : communities) {
        String[] people =
            byStreet.computeIfAbsent(
                h.parentOrdinal(c),
                s -> {
                  String[] a = new String[o.departments().size()];
                  for (int i = 0; i < a.length; i++) {
                    a[i] = person(rnd.nextInt(5) != 0, false);
                  }
                  return a;
                });
        LocalDate from = day(earliest, latest);
        for (int i = 0; i < people.length; i++) {
          posts.add(
              Post.onGrid(people[i], PostKind.DEPARTMENT_LIAISON, h.idAt(c), from)
                  .withDepartment(o.departments().get(i).id()));
        }
        // the first department's liaison sits on the community committee part-time (兼职委员)
        leader(people[0], PostKind.PART_TIME_COMMITTEE_MEMBER, COMMITTEE + h.idAt(c).value());
      }
    }

    /** A party branch per department, registered with a community (双报到 of units). */
    private void units(List<Integer> communities) {
      if (communities.isEmpty()) {
        return;
      }
      int i = 0;
      for (Department d : o.departments()) {
        String id = "UB-" + d.id();
        int members = rnd.nextInt(8, 46);
        LocalDate elected = day(earliest, latest);
        orgs.add(
            Organisation.builder(id, OrgType.PARTY_BRANCH, d.name() + "机关党支部")
                .members(members, rnd.nextInt(0, 2))
                .committee(rnd.nextBoolean() ? 3 : 5)
                .term(elected, 5)
                .build());
        String secretary = person(true, false);
        posts.add(Post.inOrganisation(secretary, PostKind.SECRETARY, id, elected));
        engage(id, List.of(secretary), communities.get(i++ % communities.size()), members, true);
      }
    }

    /**
     * The committee members besides the secretary (a committee of {@code size} has {@code size - 1}
     * of them, party members); returns the post-holders, secretary first.
     */
    private List<String> committeeMembers(String organisation, int size, String secretary) {
      List<String> holders = new ArrayList<>();
      holders.add(secretary);
      for (int i = 1; i < size; i++) {
        String member = person(true, false);
        leader(member, PostKind.COMMITTEE_MEMBER, organisation);
        holders.add(member);
      }
      return holders;
    }

    /**
     * Dual reporting of a branch and its post-holders, with a spread: each branch draws how engaged
     * it is (0 to 1); each post-holder registers with the community with that probability, the
     * branch itself too (a unit's branch always), and the branch records collective activities of
     * about an hour per member each, up to four a year — so registered shares, service hours and
     * ratings differ from branch to branch, as star ratings expect.
     */
    private void engage(
        String organisation, List<String> holders, int g, int members, boolean unit) {
      int c = g;
      while (c >= 0 && role[c] != Role.COMMUNITY) {
        c = h.parentOrdinal(c);
      }
      if (c < 0) {
        return;
      }
      GridId community = h.idAt(c);
      double engaged = rnd.nextDouble();
      if (unit || rnd.nextDouble() < engaged) {
        Registrant branchItself = Registrant.organisation(organisation);
        LocalDate from = register(branchItself, community);
        int year = o.asOf().getYear();
        for (int y = Math.max(from.getYear(), year - 1); y <= year; y++) {
          LocalDate first = LocalDate.of(y, 1, 1).isBefore(from) ? from : LocalDate.of(y, 1, 1);
          LocalDate last = y == year ? o.asOf().minusDays(30) : LocalDate.of(y, 12, 31);
          int activities = (int) Math.round(engaged * 4 * (0.5 + rnd.nextDouble()));
          for (int i = 0; i < activities && !first.isAfter(last); i++) {
            double hours = Math.max(1, Math.round(members * (0.5 + rnd.nextDouble())));
            services.add(
                new ServiceRecord(
                    branchItself, community, day(first, last), hours, ServiceKind.ACTIVITY));
          }
        }
      }
      for (String holder : holders) {
        if (rnd.nextDouble() < engaged) {
          report(Registrant.person(holder), community);
        }
      }
    }

    /** A registration from a day in the last three years, and a rating for each year in force. */
    private LocalDate register(Registrant who, GridId community) {
      LocalDate from = day(o.asOf().minusYears(3), o.asOf().minusDays(60));
      registrations.add(new Registration(who, community, from, Optional.empty()));
      rate(who, community, from.getYear());
      return from;
    }

    /** A registration with services in the as-of year and the one before, and yearly ratings. */
    private void report(Registrant who, GridId community) {
      LocalDate from = day(o.asOf().minusYears(3), o.asOf().minusDays(60));
      registrations.add(new Registration(who, community, from, Optional.empty()));
      int year = o.asOf().getYear();
      LocalDate first =
          from.isAfter(LocalDate.of(year - 1, 1, 1)) ? from : LocalDate.of(year - 1, 1, 1);
      int count = rnd.nextInt(0, 5);
      for (int i = 0; i < count; i++) {
        ServiceKind kind =
            switch (rnd.nextInt(10)) {
              case 0, 1, 2 -> ServiceKind.VOLUNTEERING;
              case 3, 4, 5 -> ServiceKind.ACTIVITY;
              case 6, 7 -> ServiceKind.MICRO_WISH;
              case 8 -> ServiceKind.WHISTLE_REPORT;
              default -> ServiceKind.OTHER;
            };
        services.add(
            new ServiceRecord(
                who, community, day(first, o.asOf().minusDays(30)), rnd.nextInt(2, 9) / 2.0, kind));
      }
      rate(who, community, from.getYear());
    }

    /** A rating for every year from {@code firstYear} to the as-of year (every year in force). */
    private void rate(Registrant who, GridId community, int firstYear) {
      for (int y = firstYear; y <= o.asOf().getYear(); y++) {
        int r = rnd.nextInt(100);
        ReportingRating.Grade grade =
            r < 25
                ? ReportingRating.Grade.EXCELLENT
                : r < 90
                    ? ReportingRating.Grade.QUALIFIED
                    : r < 98
                        ? ReportingRating.Grade.BASICALLY_QUALIFIED
                        : ReportingRating.Grade.UNQUALIFIED;
        ratings.add(new ReportingRating(who, community, y, grade));
      }
    }

    // ---------------------------------------------------------------- building blocks

    private int committeeMembers(int g) {
      long total = below[g] + rnd.nextInt(5, 31);
      if (total
          < 100) { // a grassroots committee from 100 members: its own members make up the rest
        total = 100 + rnd.nextInt(0, 61);
      }
      return (int) Math.min(Integer.MAX_VALUE, total);
    }

    /** The party organisation of the nearest ancestor grid that has one, or null. */
    private String parentOrg(int g) {
      for (int p = h.parentOrdinal(g); p >= 0; p = h.parentOrdinal(p)) {
        if (orgOf[p] != null) {
          return orgOf[p];
        }
      }
      return null;
    }

    private void party(
        int g, String id, OrgType type, String suffix, int members, int prob, int committee) {
      orgOf[g] = id;
      Organisation.Builder b =
          Organisation.builder(id, type, name(g) + suffix)
              .grids(List.of(h.idAt(g)))
              .members(members, prob)
              .committee(committee)
              .term(day(earliest, latest), 5);
      String parent = parentOrg(g);
      if (parent != null) {
        b.parent(parent);
      }
      orgs.add(b.build());
    }

    /** A branch or joint branch on a grid; returns its committee size (0: a secretary alone). */
    private int base(
        int g, String id, OrgType type, String suffix, String parent, List<String> units) {
      orgOf[g] = id;
      int committee = full[g] >= 7 ? (rnd.nextInt(5) < 3 ? 3 : 5) : 0;
      Organisation.Builder b =
          Organisation.builder(id, type, name(g) + suffix)
              .grids(List.of(h.idAt(g)))
              .members(full[g], probationary[g])
              .committee(committee)
              .term(day(earliest, latest), 5)
              .units(units);
      if (parent != null) {
        b.parent(parent);
      }
      orgs.add(b.build());
      return committee;
    }

    private void leader(String person, PostKind kind, String organisation) {
      LocalDate from = day(earliest, latest);
      posts.add(Post.inOrganisation(person, kind, organisation, from));
    }

    private void chief(int g, String person) {
      grid(person, PostKind.GRID_CHIEF, g);
    }

    private void worker(int g) {
      grid(person(rnd.nextInt(5) < 3, false), PostKind.FULL_TIME_GRID_WORKER, g);
    }

    private void grid(String person, PostKind kind, int g) {
      posts.add(Post.onGrid(person, kind, h.idAt(g), day(earliest, latest)));
    }

    private String person(boolean member, boolean probationaryMember) {
      String id = String.format("P%06d", people.size() + 1);
      String name = SURNAMES[rnd.nextInt(SURNAMES.length)] + "某" + GIVEN[rnd.nextInt(GIVEN.length)];
      Person.Membership m =
          !member
              ? Person.Membership.NONE
              : probationaryMember ? Person.Membership.PROBATIONARY : Person.Membership.FULL;
      people.add(new Person(id, name, m));
      return id;
    }

    private String name(int g) {
      Grid grid = h.gridAt(g);
      return grid.name().isBlank() ? grid.id().value() : grid.name();
    }

    private LocalDate day(LocalDate from, LocalDate to) {
      long span = to.toEpochDay() - from.toEpochDay();
      return span <= 0 ? from : from.plusDays(rnd.nextLong(span + 1));
    }
  }
}
