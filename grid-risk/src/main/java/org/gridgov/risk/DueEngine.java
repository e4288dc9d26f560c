package org.gridgov.risk;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;

/**
 * Computes due dates and statuses (docs/risk.md, "Due dates") and visit compliance ("Compliance").
 * One pass over the coloured elements joined once per {@link RiskControl} with their visits ({@link
 * Joined}, a merge of two sorted id sequences, no lookups by id); the plan in force for every type
 * × colour is looked up once, working days come from a prefix count over the calendar ({@link
 * WorkingDays}), an element's last visit is found by binary search in its time-ordered visits and
 * due dates near the as-of date are shared objects. Package-private.
 */
final class DueEngine {
  private static final int TYPES = ElementType.values().length;
  private static final int COLOURS = RiskColour.values().length;

  private DueEngine() {}

  static DueReport due(RiskControl control, LocalDate asOf) {
    Pass pass = new Pass(control, asOf, false);
    return new DueReport(asOf, pass.rows, pass.unplanned);
  }

  static ComplianceReport compliance(RiskControl control, LocalDate asOf, GridHierarchy hierarchy) {
    return Compliance.report(new Pass(control, asOf, true), control, asOf, hierarchy, null);
  }

  static ComplianceReport compliance(
      RiskControl control,
      LocalDate asOf,
      GridHierarchy hierarchy,
      java.util.Map<GridId, String> responsible) {
    return Compliance.report(new Pass(control, asOf, true), control, asOf, hierarchy, responsible);
  }

  /** The epoch day of an instant in a zone, without allocating. */
  static long epochDay(Instant t, ZoneRules rules) {
    long local = t.getEpochSecond() + rules.getOffset(t).getTotalSeconds();
    return Math.floorDiv(local, 86_400L);
  }

  /**
   * The index of the last visit strictly before {@code cutoff} in a time-ordered list, -1 when
   * none.
   */
  static int lastBefore(List<Visit> visits, Instant cutoff) {
    int lo = 0;
    int hi = visits.size(); // answer in [lo - 1, hi - 1]
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (visits.get(mid).at().isBefore(cutoff)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo - 1;
  }

  /**
   * The elements that ever had a colour mark, in id order, each with its register entry and its
   * visits (empty when none): the join of the register and the visit log, made once per {@link
   * RiskControl} by one merge pass over both sorted id sequences.
   */
  static final class Joined {
    final String[] ids;
    final ElementRegister.Entry[] entries;
    final List<Visit>[] visits;
    final int size;

    private Joined(String[] ids, ElementRegister.Entry[] entries, List<Visit>[] visits, int size) {
      this.ids = ids;
      this.entries = entries;
      this.visits = visits;
      this.size = size;
    }

    @SuppressWarnings("unchecked")
    static Joined of(ElementRegister register, VisitLog log) {
      String[] ids = new String[register.size()];
      ElementRegister.Entry[] entries = new ElementRegister.Entry[ids.length];
      List<Visit>[] visits = (List<Visit>[]) new List<?>[ids.length];
      int n = 0;
      Iterator<Map.Entry<String, ImmutableList<Visit>>> vs = log.entries();
      Map.Entry<String, ImmutableList<Visit>> v = vs.hasNext() ? vs.next() : null;
      for (Iterator<Map.Entry<String, ElementRegister.Entry>> it = register.entries();
          it.hasNext(); ) {
        Map.Entry<String, ElementRegister.Entry> e = it.next();
        String id = e.getKey();
        while (v != null && v.getKey().compareTo(id) < 0) {
          v = vs.hasNext() ? vs.next() : null;
        }
        if (e.getValue().marks().isEmpty()) {
          continue; // never coloured: never due
        }
        ids[n] = id;
        entries[n] = e.getValue();
        visits[n] = v != null && v.getKey().equals(id) ? v.getValue() : ImmutableList.of();
        n++;
      }
      return new Joined(ids, entries, visits, n);
    }
  }

  /**
   * The due rule on one date, set up once (docs/risk.md, "Due dates"): the plan in force for every
   * type × colour, the working days and the visit cut-off. {@link Pass} applies it to every
   * coloured element of the register; the worker's day ({@code PatrolPlanner}) to the few elements
   * of a worker's grids. Immutable and thread-safe.
   */
  static final class Rule {
    final ElementRegister register;
    final VisitLog log;
    final ZoneRules rules;
    final WorkingDays workingDays;
    final ControlPlan[] table = new ControlPlan[TYPES * COLOURS];

    /**
     * Per type × colour with a plan in force: the {@code from} of the first plan of the unbroken
     * run of plans that ends with it (each plan starting the day after the one before it ends), as
     * an epoch day.
     */
    final long[] planRunStart = new long[TYPES * COLOURS];

    final Instant cutoff;
    final LocalDate asOf;
    final long asOfDay;

    Rule(RiskControl control, LocalDate asOf) {
      register = control.register();
      log = control.visits();
      ZoneId zone = control.calendar().zone();
      rules = zone.getRules();
      workingDays = control.workingDays();
      for (ElementType t : ElementType.values()) {
        for (RiskColour c : RiskColour.values()) {
          Optional<ControlPlan> p = control.plans().planFor(t, c, asOf);
          if (p.isPresent()) {
            table[t.ordinal() * COLOURS + c.ordinal()] = p.get();
            planRunStart[t.ordinal() * COLOURS + c.ordinal()] =
                planRunStart(control.plans().plans(), p.get());
          }
        }
      }
      this.asOf = asOf;
      cutoff = asOf.plusDays(1).atStartOfDay(zone).toInstant();
      asOfDay = asOf.toEpochDay();
    }

    /**
     * The first date of the unbroken run of plans for a plan's type × colour that ends with it: a
     * revision that starts the day after its predecessor ends (whatever its interval) continues the
     * run, a gap breaks it. A plan set is small: a scan per step.
     */
    static long planRunStart(List<ControlPlan> plans, ControlPlan inForce) {
      ControlPlan first = inForce;
      for (int steps = 0; steps < plans.size(); steps++) {
        LocalDate dayBefore = first.from().minusDays(1);
        ControlPlan previous = null;
        for (ControlPlan p : plans) {
          if (p.type() == first.type()
              && p.colour() == first.colour()
              && p.to().isPresent()
              && p.to().get().equals(dayBefore)) {
            previous = p;
            break;
          }
        }
        if (previous == null) {
          break;
        }
        first = previous;
      }
      return first.from().toEpochDay();
    }

    /** The plan in force for an element's type and a colour, null when none. */
    ControlPlan plan(Element e, RiskColour colour) {
      return plan(e.type(), colour);
    }

    /** The plan in force for a type and a colour, null when none. */
    ControlPlan plan(ElementType type, RiskColour colour) {
      return table[type.ordinal() * COLOURS + colour.ordinal()];
    }

    /**
     * One element's row.
     *
     * @param e the element in force on the date
     * @param colour the colour of its mark in force on the date
     * @param colourStart the first date (epoch day) of the run of marks in that colour ending with
     *     the mark in force ({@link ElementRegister.Entry#colourRunStart})
     * @param plan {@link #plan} for it, not null
     * @param vs its visits, time-ordered
     * @param last the index of its last visit up to the date ({@link #lastBefore} with {@link
     *     #cutoff}), -1 when none
     * @param dates where the row's dates come from (shared objects in a pass)
     */
    ElementDue row(
        Element e,
        RiskColour colour,
        long colourStart,
        ControlPlan plan,
        List<Visit> vs,
        int last,
        Dates dates) {
      // The clock starts at the latest of the last visit, the start of the element's run in this
      // colour and the start of the run of plans ending with this one (docs/risk.md, "Due dates"):
      // a visit made before the element wore this colour, or before plans for it were in force,
      // does not make it overdue sooner than never visiting it would, while re-marking it in the
      // same colour or reissuing its plan does not forgive an overdue visit.
      long start =
          Math.max(colourStart, planRunStart[e.type().ordinal() * COLOURS + colour.ordinal()]);
      Optional<LocalDate> lastVisit = Optional.empty();
      if (last >= 0) {
        long visited = epochDay(vs.get(last).at(), rules);
        lastVisit = dates.lastVisit(visited);
        start = Math.max(start, visited);
      }
      Interval every = plan.every();
      long due = workingDays.after(start, every.unit(), every.amount());
      DueStatus status;
      int daysOverdue = 0;
      if (due > asOfDay) {
        status = DueStatus.OK;
      } else if (due == asOfDay) {
        status = DueStatus.DUE;
      } else {
        status = DueStatus.OVERDUE;
        daysOverdue = Math.toIntExact(asOfDay - due);
      }
      return new ElementDue(
          e.id(),
          e.grid(),
          e.type(),
          colour,
          lastVisit,
          dates.date(due),
          status,
          daysOverdue,
          plan.post());
    }

    /**
     * One element's row on the date, for a caller that reads a few elements.
     *
     * @param e the element in force on the date
     * @return the row; empty when the element has no colour or no plan is in force for it
     */
    Optional<ElementDue> row(Element e) {
      ElementRegister.Entry entry = register.entry(e.id());
      int m = entry == null ? -1 : entry.markIndexOn(asOf);
      if (m < 0 || entry.marks().get(m).colour().isEmpty()) {
        return Optional.empty();
      }
      RiskColour colour = entry.marks().get(m).colour().get();
      ControlPlan plan = plan(e, colour);
      if (plan == null) {
        return Optional.empty();
      }
      List<Visit> vs = log.visits(e.id());
      return Optional.of(
          row(e, colour, entry.colourRunStart(m), plan, vs, lastBefore(vs, cutoff), Dates.FRESH));
    }
  }

  /**
   * Where a row's dates come from: fresh objects ({@link #FRESH}), or, in a pass over many
   * elements, one shared object per day near the as-of date (not thread-safe: one per pass).
   */
  static class Dates {
    /** Fresh objects every time; stateless, so shareable. */
    static final Dates FRESH = new Dates();

    LocalDate date(long epochDay) {
      return LocalDate.ofEpochDay(epochDay);
    }

    Optional<LocalDate> lastVisit(long epochDay) {
      return Optional.of(date(epochDay));
    }
  }

  /**
   * Dates shared within a pass: one object per day within {@link #SHARED_DAYS} of the as-of date.
   */
  private static final class SharedDates extends Dates {
    private static final int SHARED_DAYS = 4_000;
    private final long firstShared;
    private final LocalDate[] dates = new LocalDate[2 * SHARED_DAYS + 1];

    @SuppressWarnings("unchecked")
    private final Optional<LocalDate>[] lastVisits =
        (Optional<LocalDate>[]) new Optional<?>[dates.length];

    SharedDates(long asOfDay) {
      firstShared = asOfDay - SHARED_DAYS;
    }

    @Override
    LocalDate date(long epochDay) {
      long i = epochDay - firstShared;
      if (i < 0 || i >= dates.length) {
        return LocalDate.ofEpochDay(epochDay);
      }
      LocalDate d = dates[(int) i];
      if (d == null) {
        d = LocalDate.ofEpochDay(epochDay);
        dates[(int) i] = d;
      }
      return d;
    }

    @Override
    Optional<LocalDate> lastVisit(long epochDay) {
      long i = epochDay - firstShared;
      if (i < 0 || i >= dates.length) {
        return Optional.of(LocalDate.ofEpochDay(epochDay));
      }
      Optional<LocalDate> d = lastVisits[(int) i];
      if (d == null) {
        d = Optional.of(date(epochDay));
        lastVisits[(int) i] = d;
      }
      return d;
    }
  }

  /** The rows of one date, with each row's plan and last visit when compliance needs them. */
  static final class Pass {
    final List<ElementDue> rows;
    final List<String> unplanned = new ArrayList<>();

    /** Per row (compliance only): the plan in force and the visits up to the as-of date. */
    final List<ControlPlan> plans;

    final List<List<Visit>> visits;
    final ZoneRules rules;
    final WorkingDays workingDays;

    Pass(RiskControl control, LocalDate asOf, boolean keep) {
      DueEngine.Joined joined = control.joined();
      Rule rule = new Rule(control, asOf);
      rules = rule.rules;
      workingDays = rule.workingDays;
      rows = new ArrayList<>(joined.size);
      plans = keep ? new ArrayList<>(joined.size) : null;
      visits = keep ? new ArrayList<>(joined.size) : null;
      Dates dates = new SharedDates(rule.asOfDay);
      for (int i = 0; i < joined.size; i++) {
        ElementRegister.Entry entry = joined.entries[i];
        int m = entry.markIndexOn(asOf);
        ColourMark mark = m < 0 ? null : entry.marks().get(m);
        if (mark == null || mark.colour().isEmpty()) {
          continue;
        }
        ElementVersion version = entry.versionOn(asOf);
        if (version == null || version.element().isEmpty()) {
          continue; // not yet registered, or retired on the date: nothing to visit
        }
        Element e = version.element().get();
        ControlPlan plan = rule.plan(e, mark.colour().get());
        if (plan == null) {
          unplanned.add(joined.ids[i]);
          continue;
        }
        List<Visit> vs = joined.visits[i];
        int last = lastBefore(vs, rule.cutoff);
        rows.add(rule.row(e, mark.colour().get(), entry.colourRunStart(m), plan, vs, last, dates));
        if (keep) {
          plans.add(plan);
          visits.add(vs.subList(0, last + 1));
        }
      }
    }
  }
}
