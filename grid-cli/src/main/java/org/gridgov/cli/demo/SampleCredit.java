package org.gridgov.cli.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.io.Json;
import org.gridgov.core.time.TimeLimit;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.credit.CreditPosts;
import org.gridgov.credit.CreditReplay;
import org.gridgov.credit.CreditScheme;
import org.gridgov.credit.CreditSchemes;
import org.gridgov.credit.Entry;
import org.gridgov.credit.EntryKind;
import org.gridgov.credit.PointRule;
import org.gridgov.credit.ReplayOptions;

/**
 * The sample town's resident credit points (居民信用积分): the scheme, who holds which post, and a year
 * of ledger entries for about two and a half thousand residents of the 105 responsibility grids.
 * Part of {@link SampleCityGenerator}: a pure function of its seed.
 *
 * <p>The scheme cites its basis per rule (docs/domain.md §9): the deductions are Rongcheng's
 * published figures (−20 for a contract breach, −50 for losing a breach lawsuit, −100 for damaging
 * public equipment, −5 to −50 by circumstance), the honours are Baoji's (national 30 … village 1;
 * the social organisation's 0.5 is left out because a scheme's points are whole numbers), and
 * everything Tongcheng's pilots describe without numbers — volunteering, reports, good deeds, caps,
 * expiry, repair waiting periods, appeal windows, the start, the floor and the levels — is
 * illustrative and says so.
 *
 * <p>The entries are simulated in time order through {@link CreditReplay}, so every entry the file
 * holds passes the replay with the posts and the 2026 calendar: recognitions, deductions,
 * redemptions at the points supermarket (积分超市), appeals (filed, every other one taken for review,
 * escalated to the community when not decided within the deadline, then upheld or voided, a few
 * left open), repairs of deductions after the waiting period for residents who volunteered since,
 * expiries of report points after 180 days and corrections of mis-recorded points. A candidate the
 * replay refuses (a cap reached, a repair while an appeal is open) is not written — as a ledger
 * service would refuse it.
 */
final class SampleCredit {
  /** The seed of the credit ledger: the sample's seed with the number, 16. */
  static final long SEED = SampleCityGenerator.SEED * 100 + 16;

  /** The grid worker of a responsibility grid (网格员): {@code gw-} + the grid id. */
  static final String GRID_WORKER = "GRID_WORKER";

  /** The community's credit officer (社区信用专管员): {@code cc-} + the community id. */
  static final String CREDIT_OFFICER = "COMMUNITY_CREDIT_OFFICER";

  /** The street's credit reviewer, who decides appeals: {@code sr-} + the street id. */
  static final String REVIEWER = "STREET_CREDIT_REVIEWER";

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final LocalDate FIRST = LocalDate.of(2026, 1, 1);
  private static final Instant END = LocalDate.of(2027, 1, 1).atStartOfDay(ZONE).toInstant();

  private SampleCredit() {}

  /**
   * The scheme as JSON text, before it is written in its canonical form.
   *
   * @return the text
   */
  static String schemeJson() {
    String rongcheng = "Rongcheng (Shandong) credit rules as published in translation: ";
    String baoji =
        "Baoji honours points as published (national 30, provincial 20, city 10,"
            + " county 5, town 3, village 1): ";
    String illustrative =
        "ILLUSTRATIVE: Tongcheng's credit community pilot rewards this, with recognition, appeal"
            + " and repair (认定、申诉、修复), but published no numbers; ";
    return """
        {
          "format": "gridgov.credit-scheme/1",
          "from": "2026-01-01",
          "to": "2026-12-31",
          "start": 1000,
          "floor": 0,
          "rules": [
            {"code": "V01", "name": "志愿服务 volunteering, per activity (1 to 5 by hours)", "min": 1, "max": 5,
             "recognisedBy": ["GRID_WORKER"], "capPerMonth": 20, "repairable": false,
             "basis": "%1$sthe points per activity and the cap of 20 a month are the sample's"},
            {"code": "R01", "name": "随手拍 a report through the grid that was filed as a case", "points": 1,
             "recognisedBy": ["GRID_WORKER"], "capPerMonth": 5, "expiresAfterDays": 180, "repairable": false,
             "basis": "%1$sthe point, the cap of 5 a month and the expiry after 180 days are the sample's"},
            {"code": "G01", "name": "好人好事 a good deed recognised by the community (2 to 10)", "min": 2, "max": 10,
             "recognisedBy": ["GRID_WORKER", "COMMUNITY_CREDIT_OFFICER"], "repairable": false,
             "basis": "%1$sthe range 2 to 10 is the sample's"},
            {"code": "H01", "name": "国家级荣誉 a national honour", "points": 30,
             "recognisedBy": ["COMMUNITY_CREDIT_OFFICER"], "repairable": false, "basis": "%2$snational 30"},
            {"code": "H02", "name": "省级荣誉 a provincial honour", "points": 20,
             "recognisedBy": ["COMMUNITY_CREDIT_OFFICER"], "repairable": false, "basis": "%2$sprovincial 20"},
            {"code": "H03", "name": "市级荣誉 a city honour", "points": 10,
             "recognisedBy": ["COMMUNITY_CREDIT_OFFICER"], "repairable": false, "basis": "%2$scity 10"},
            {"code": "H04", "name": "县级荣誉 a county honour", "points": 5,
             "recognisedBy": ["COMMUNITY_CREDIT_OFFICER"], "repairable": false, "basis": "%2$scounty 5"},
            {"code": "H05", "name": "乡镇（街道）级荣誉 a town or street honour", "points": 3,
             "recognisedBy": ["COMMUNITY_CREDIT_OFFICER"], "repairable": false, "basis": "%2$stown 3"},
            {"code": "H06", "name": "村（社区）级荣誉 a village or community honour", "points": 1,
             "recognisedBy": ["COMMUNITY_CREDIT_OFFICER"], "repairable": false,
             "basis": "%2$svillage 1. Baoji's social organisation honour (0.5 points) is left out: a scheme's points are whole numbers, and rounding it or doubling every figure would misstate the source"},
            {"code": "D01", "name": "违约 a breach of contract", "points": -20,
             "recognisedBy": ["COMMUNITY_CREDIT_OFFICER"], "repairable": true, "repairAfterDays": 90,
             "basis": "%3$s-20 for a contract breach; ILLUSTRATIVE: repairable after 90 days (the sample's)"},
            {"code": "D02", "name": "违约诉讼败诉 losing a lawsuit over a breach of contract", "points": -50,
             "recognisedBy": ["COMMUNITY_CREDIT_OFFICER"], "repairable": true, "repairAfterDays": 180,
             "basis": "%3$s-50 for losing a breach lawsuit; ILLUSTRATIVE: repairable after 180 days (the sample's)"},
            {"code": "D03", "name": "损坏公共设施 damaging public equipment", "points": -100,
             "recognisedBy": ["COMMUNITY_CREDIT_OFFICER"], "repairable": true, "repairAfterDays": 180,
             "basis": "%3$s-100 for damaging public equipment; ILLUSTRATIVE: repairable after 180 days (the sample's)"},
            {"code": "D04", "name": "其他失信行为 another listed violation, by circumstance (-5 to -50)", "min": -50, "max": -5,
             "recognisedBy": ["GRID_WORKER", "COMMUNITY_CREDIT_OFFICER"], "repairable": true, "repairAfterDays": 60,
             "basis": "%3$sseveral items -5 to -50 by circumstance; ILLUSTRATIVE: repairable after 60 days (the sample's)"}
          ],
          "levels": [
            {"name": "AAA", "min": 1025},
            {"name": "AA", "min": 1012},
            {"name": "A", "min": 1000},
            {"name": "B", "min": 980},
            {"name": "C", "min": 950},
            {"name": "D", "min": 0}
          ],
          "appeal": {"fileWithin": "5 working days", "decideWithin": "10 working days"}
        }
        """
        .formatted(illustrative, baoji, rongcheng);
  }

  /**
   * The scheme.
   *
   * @return the scheme
   */
  static CreditScheme scheme() {
    return CreditSchemes.read(
        new ByteArrayInputStream(schemeJson().getBytes(StandardCharsets.UTF_8)), "credit scheme");
  }

  /**
   * The scheme in its canonical JSON form.
   *
   * @param scheme the scheme
   * @return the text
   */
  static String canonical(CreditScheme scheme) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CreditSchemes.write(scheme, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * Who holds which post: a grid worker per responsibility grid, a credit officer per community, a
   * reviewer per street.
   *
   * @param h the hierarchy
   * @param leaves the responsibility grids, in id order
   * @return the directory
   */
  static CreditPosts posts(GridHierarchy h, List<GridId> leaves) {
    Map<String, Set<String>> posts = new TreeMap<>();
    for (GridId leaf : leaves) {
      GridId community = h.parent(leaf).orElseThrow();
      GridId street = h.parent(community).orElseThrow();
      posts.put(worker(leaf), Set.of(GRID_WORKER));
      posts.put(officer(community), Set.of(CREDIT_OFFICER));
      posts.put(reviewer(street), Set.of(REVIEWER));
    }
    return CreditPosts.of(posts);
  }

  /**
   * The posts file's JSON text ({@code gridgov.credit-posts/1}).
   *
   * @param posts the directory
   * @return the text
   */
  static String postsJson(CreditPosts posts) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("format", CreditPosts.FORMAT);
    ArrayNode a = o.putArray("posts");
    posts
        .asMap()
        .forEach(
            (person, ps) ->
                new TreeSet<>(ps).forEach(p -> a.addObject().put("person", person).put("post", p)));
    return Json.pretty(o);
  }

  static String worker(GridId leaf) {
    return "gw-" + leaf.value();
  }

  static String officer(GridId community) {
    return "cc-" + community.value();
  }

  static String reviewer(GridId street) {
    return "sr-" + street.value();
  }

  /**
   * The responsibility grid a resident id names: the part before the {@code -}.
   *
   * @param resident the resident's id
   * @return the grid's id text
   */
  static String gridOf(String resident) {
    int dash = resident.indexOf('-');
    return dash < 0 ? resident : resident.substring(0, dash);
  }

  // ------------------------------------------------------------------ the year of entries

  /** A candidate entry, in time order; {@code cause} is the entry a follow-up concerns. */
  private record Event(
      Instant at,
      long order,
      String resident,
      EntryKind kind,
      Optional<String> rule,
      long points,
      String by,
      Optional<String> evidence,
      Entry cause) {}

  /** The simulation's state. */
  private static final class Sim {
    final SplittableRandom rnd;
    final WorkCalendar calendar;
    final CreditScheme scheme;
    final CreditReplay replay;
    final PriorityQueue<Event> queue =
        new PriorityQueue<>(Comparator.comparing(Event::at).thenComparingLong(Event::order));
    final List<Entry> out = new ArrayList<>();
    final Map<String, Instant> lastVolunteered = new HashMap<>();
    final Map<String, String> officerOf = new HashMap<>();
    final Map<String, String> reviewerOf = new HashMap<>();
    final Map<String, String> communityOf = new HashMap<>();
    long order;

    Sim(SplittableRandom rnd, WorkCalendar calendar, CreditScheme scheme, CreditPosts posts) {
      this.rnd = rnd;
      this.calendar = calendar;
      this.scheme = scheme;
      this.replay =
          CreditReplay.start(
              scheme, new ReplayOptions(calendar, Optional.of(posts), Optional.empty()));
    }

    void add(
        Instant at,
        String resident,
        EntryKind kind,
        String rule,
        long points,
        String by,
        String evidence,
        Entry cause) {
      if (at.isBefore(END)) {
        queue.add(
            new Event(
                at,
                order++,
                resident,
                kind,
                Optional.ofNullable(rule),
                points,
                by,
                Optional.ofNullable(evidence),
                cause));
      }
    }
  }

  /**
   * A year of entries for the sample's residents: 20 to 29 residents with a credit file in each
   * responsibility grid, ids {@code <grid>-<nnn>}.
   *
   * @param h the hierarchy
   * @param leaves the responsibility grids, in id order
   * @param calendar the 2026 calendar
   * @param scheme the scheme
   * @param posts the posts
   * @return the entries, in sequence
   */
  static List<Entry> entries(
      GridHierarchy h,
      List<GridId> leaves,
      WorkCalendar calendar,
      CreditScheme scheme,
      CreditPosts posts) {
    Sim sim = new Sim(new SplittableRandom(SEED), calendar, scheme, posts);
    SplittableRandom rnd = sim.rnd;
    int evidence = 0;
    for (GridId leaf : leaves) {
      GridId community = h.parent(leaf).orElseThrow();
      GridId street = h.parent(community).orElseThrow();
      String worker = worker(leaf);
      String officer = officer(community);
      int residents = rnd.nextInt(20, 30);
      for (int i = 1; i <= residents; i++) {
        String resident = leaf.value() + "-" + String.format("%03d", rnd.nextInt(1, 1000));
        if (sim.officerOf.containsKey(resident)) {
          continue; // the same number drawn twice: one resident
        }
        sim.officerOf.put(resident, officer);
        sim.reviewerOf.put(resident, reviewer(street));
        sim.communityOf.put(resident, community.value());
        double profile = rnd.nextDouble();
        int volunteering =
            profile < 0.35
                ? rnd.nextInt(0, 2)
                : profile < 0.8 ? rnd.nextInt(1, 4) : rnd.nextInt(3, 9);
        for (int k = 0; k < volunteering; k++) {
          sim.add(
              at(rnd, 8, 18),
              resident,
              EntryKind.RECOGNISE,
              "V01",
              rnd.nextInt(1, 6),
              worker,
              "vol-" + (++evidence),
              null);
        }
        int reports = rnd.nextInt(0, 3);
        for (int k = 0; k < reports; k++) {
          sim.add(
              at(rnd, 8, 20),
              resident,
              EntryKind.RECOGNISE,
              "R01",
              1,
              worker,
              "case-" + (++evidence),
              null);
        }
        if (rnd.nextDouble() < 0.05) {
          sim.add(
              at(rnd, 9, 17),
              resident,
              EntryKind.RECOGNISE,
              "G01",
              2 * rnd.nextInt(1, 6),
              rnd.nextBoolean() ? worker : officer,
              "deed-" + (++evidence),
              null);
        }
        if (rnd.nextDouble() < 0.04) {
          double u = rnd.nextDouble();
          String[] honour =
              u < 0.01
                  ? new String[] {"H01", "30"}
                  : u < 0.04
                      ? new String[] {"H02", "20"}
                      : u < 0.13
                          ? new String[] {"H03", "10"}
                          : u < 0.30
                              ? new String[] {"H04", "5"}
                              : u < 0.60 ? new String[] {"H05", "3"} : new String[] {"H06", "1"};
          sim.add(
              at(rnd, 9, 17),
              resident,
              EntryKind.RECOGNISE,
              honour[0],
              Long.parseLong(honour[1]),
              officer,
              "honour-" + (++evidence),
              null);
        }
        if (rnd.nextDouble() < 0.12) {
          double u = rnd.nextDouble();
          long[] d04 = {-5, -10, -20, -30, -50};
          if (u < 0.6) {
            sim.add(
                at(rnd, 9, 17),
                resident,
                EntryKind.DEDUCT,
                "D04",
                d04[rnd.nextInt(d04.length)],
                rnd.nextBoolean() ? worker : officer,
                "record-" + (++evidence),
                null);
          } else {
            String rule = u < 0.85 ? "D01" : u < 0.95 ? "D02" : "D03";
            long points = rule.equals("D01") ? -20 : rule.equals("D02") ? -50 : -100;
            sim.add(
                at(rnd, 9, 17),
                resident,
                EntryKind.DEDUCT,
                rule,
                points,
                officer,
                (rule.equals("D02") ? "judgment-" : "record-") + (++evidence),
                null);
          }
        }
        int redemptions = rnd.nextDouble() < 0.4 ? rnd.nextInt(1, 4) : 0;
        for (int k = 0; k < redemptions; k++) {
          sim.add(
              at(rnd, 9, 17),
              resident,
              EntryKind.REDEEM,
              null,
              -5L * rnd.nextInt(1, 5),
              officer,
              "shop-" + (++evidence),
              null);
        }
      }
    }
    run(sim);
    return List.copyOf(sim.out);
  }

  /** A random minute of 2026 between two hours of a day. */
  private static Instant at(SplittableRandom rnd, int fromHour, int toHour) {
    LocalDate day = FIRST.plusDays(rnd.nextInt(0, 365));
    LocalTime time = LocalTime.of(rnd.nextInt(fromHour, toHour), rnd.nextInt(0, 60));
    return day.atTime(time).atZone(ZONE).toInstant();
  }

  private static void run(Sim sim) {
    SplittableRandom rnd = sim.rnd;
    while (!sim.queue.isEmpty()) {
      Event ev = sim.queue.poll();
      if (ev.kind() == EntryKind.REDEEM
          && sim.replay.balance(ev.resident()) + ev.points() < sim.scheme.start()) {
        continue; // residents spend only what they earned above the start
      }
      if (ev.kind() == EntryKind.REPAIR) {
        Instant volunteered = sim.lastVolunteered.get(ev.resident());
        if (volunteered == null || !volunteered.isAfter(ev.cause().at())) {
          continue; // repair comes with volunteering since the deduction
        }
      }
      Entry e =
          new Entry(
              sim.replay.nextSeq(),
              ev.at(),
              ev.resident(),
              ev.kind(),
              ev.rule(),
              ev.points(),
              ev.by(),
              ev.cause() == null ? OptionalLong.empty() : OptionalLong.of(ev.cause().seq()),
              ev.evidence());
      if (sim.replay.check(e).isPresent()) {
        continue; // refused: a ledger service would not append it
      }
      sim.replay.accept(e);
      sim.out.add(e);
      followUps(sim, rnd, e);
    }
  }

  /** Schedules what may follow an entry: appeals, decisions, repairs, expiries, corrections. */
  private static void followUps(Sim sim, SplittableRandom rnd, Entry e) {
    String officer = sim.officerOf.get(e.resident());
    switch (e.kind()) {
      case RECOGNISE -> {
        String rule = e.rule().orElseThrow();
        if (rule.equals("V01")) {
          sim.lastVolunteered.put(e.resident(), e.at());
        }
        PointRule r = sim.scheme.rule(rule).orElseThrow();
        if (r.expiresAfterDays().isPresent()) {
          Instant due =
              e.at()
                  .atZone(ZONE)
                  .plusDays(r.expiresAfterDays().getAsInt())
                  .toLocalDate()
                  .plusDays(1)
                  .atStartOfDay(ZONE)
                  .plusHours(2)
                  .toInstant();
          sim.add(due, e.resident(), EntryKind.EXPIRE, rule, 0, "system", null, e);
        }
        if (e.points() >= 3 && rnd.nextDouble() < 0.02) {
          sim.add(
              sim.calendar.plus(e.at(), TimeLimit.workingHours(rnd.nextInt(4, 40))),
              e.resident(),
              EntryKind.CORRECT,
              rule,
              -(e.points() - 1),
              officer,
              "correction-" + e.seq(),
              e);
        }
        if (rnd.nextDouble() < 0.01) {
          appeal(sim, rnd, e);
        }
      }
      case DEDUCT -> {
        if (rnd.nextDouble() < 0.25) {
          appeal(sim, rnd, e);
        }
        PointRule r = sim.scheme.rule(e.rule().orElseThrow()).orElseThrow();
        if (r.repairable() && rnd.nextDouble() < 0.6) {
          Instant from =
              e.at()
                  .atZone(ZONE)
                  .toLocalDate()
                  .plusDays(r.repairAfterDays() + rnd.nextInt(0, 45))
                  .atTime(10, rnd.nextInt(0, 60))
                  .atZone(ZONE)
                  .toInstant();
          long points = rnd.nextBoolean() ? 0 : -e.points() / 2;
          sim.add(
              from,
              e.resident(),
              EntryKind.REPAIR,
              e.rule().orElseThrow(),
              points,
              officer,
              "repair-" + e.seq(),
              e);
        }
      }
      case APPEAL_FILED -> {
        Entry appealed = sim.out.get((int) e.refersTo().getAsLong() - 1);
        Instant deadline = sim.calendar.plus(e.at(), sim.scheme.appeal().decideWithin());
        if (rnd.nextDouble() < 0.03) {
          escalate(sim, appealed, deadline);
          return; // left open: decided after the year, or overdue (and escalated)
        }
        Instant decided = sim.calendar.plus(e.at(), TimeLimit.workingHours(rnd.nextInt(4, 90)));
        if (e.seq() % 2 == 0) {
          // every other appeal is taken for review first (the step is optional)
          sim.add(
              sim.calendar.plus(e.at(), TimeLimit.workingHours(1)),
              e.resident(),
              EntryKind.APPEAL_REVIEW,
              null,
              0,
              sim.reviewerOf.get(e.resident()),
              null,
              appealed);
        }
        if (decided.isAfter(deadline)) {
          escalate(sim, appealed, deadline);
        }
        EntryKind decision =
            rnd.nextDouble() < 0.4 ? EntryKind.APPEAL_VOIDED : EntryKind.APPEAL_UPHELD;
        sim.add(
            decided,
            e.resident(),
            decision,
            appealed.rule().orElse(null),
            0,
            sim.reviewerOf.get(e.resident()),
            "review-" + e.seq(),
            appealed);
      }
      default -> {
        // redemptions, decisions, repairs, expiries and corrections have no follow-up
      }
    }
  }

  /** An appeal not decided by its deadline escalates to the resident's community. */
  private static void escalate(Sim sim, Entry appealed, Instant deadline) {
    sim.add(
        deadline.plusSeconds(60),
        appealed.resident(),
        EntryKind.APPEAL_ESCALATED,
        null,
        0,
        "system",
        sim.communityOf.get(appealed.resident()),
        appealed);
  }

  private static void appeal(Sim sim, SplittableRandom rnd, Entry e) {
    sim.add(
        sim.calendar.plus(e.at(), TimeLimit.workingHours(rnd.nextInt(2, 36))),
        e.resident(),
        EntryKind.APPEAL_FILED,
        e.rule().orElse(null),
        0,
        e.resident(),
        "appeal-" + e.seq(),
        e);
  }
}
