package org.gridgov.credit;

import static org.gridgov.credit.CreditArgs.checkArgument;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.access.AccessControl;
import org.gridgov.core.access.AccessDecision;
import org.gridgov.core.access.Permission;
import org.gridgov.core.access.Principal;
import org.gridgov.core.io.Suggestions;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.credit.EntryRefusal.Code;

/**
 * The credit ledger service (积分台账): recognition and deduction (认定), redemption, appeal (申诉), repair
 * (信用修复) and expiry as entries appended to a {@link LedgerStore}, and statements read under privacy
 * rules with every read audited. Configured once with {@link #builder}; immutable configuration,
 * thread-safe.
 *
 * <p><b>Writes.</b> Every write checks who acts (the resident's grid from {@link ResidentGrids},
 * {@link AccessControl} with {@link Permission#ACT} over it, the posts the rule names in {@link
 * CreditPosts}, evidence when required), then checks the entry against the ledger replayed under
 * the scheme ({@link CreditReplay#check}: rule in force, points within the rule, the month's cap,
 * the floor, appeal windows, repair and expiry conditions), then appends it with the store's
 * optimistic sequence check. When another writer (a thread or another process) committed first, the
 * append fails with {@link ConcurrentAppendException}; the service re-reads the ledger and checks
 * the entry again from the start, so concurrent writes never lose an entry and never break a cap. A
 * write answers with a {@link LedgerResult}: the committed entry, or a typed refusal ({@link
 * EntryRefusal}); nothing is thrown for a refusal.
 *
 * <p><b>Reads.</b> {@link #statement} and {@link #levelCounts} answer under the {@link
 * CreditPrivacy} policy with a {@link CreditRead}: the value or a typed {@link ReadRefusal}. Every
 * read, allowed or refused, is recorded ({@link #auditLog()}, durably in a {@link ReadAuditLog}
 * when one is configured, and given to every {@link ReadRecord.Listener}).
 *
 * <p>Entries carry the service's clock time, never earlier than the last committed entry.
 */
public final class CreditLedger {
  /** The {@code by} of entries the service writes by itself (expiries). */
  public static final String SYSTEM = "system";

  private final LedgerStore store;
  private final CreditScheme scheme;
  private final WorkCalendar calendar;
  private final CreditPosts posts;
  private final GridHierarchy grids;
  private final AccessControl access;
  private final ResidentGrids residents;
  private final CreditPrivacy privacy;
  private final Clock clock;
  private final Set<String> evidenceRules;
  private final boolean evidenceForDeductions;
  private final int maxAttempts;
  private final int escalationLevels;
  private final List<ReadRecord.Listener> listeners;
  private final Optional<ReadAuditLog> auditSink;
  private final ReplayOptions options;

  private final Object lock = new Object();
  // guarded by lock: the ledger as committed in the store, replayed
  private final CreditReplay replay;
  private final List<Entry> seen = new ArrayList<>();
  private final Set<Long> zeroed = new HashSet<>();

  private final List<ReadRecord> audit = new CopyOnWriteArrayList<>();
  private final AtomicLong conflicts = new AtomicLong();

  private CreditLedger(Builder b) {
    this.store = b.store;
    this.scheme = b.scheme;
    this.calendar = b.calendar;
    this.posts = Objects.requireNonNull(b.posts, "posts: call Builder.posts");
    this.grids = Objects.requireNonNull(b.grids, "grids: call Builder.grids");
    this.residents = Objects.requireNonNull(b.residents, "residents: call Builder.residents");
    this.access = AccessControl.over(grids);
    this.privacy = b.privacy;
    this.clock = b.clock;
    this.evidenceRules = Set.copyOf(b.evidenceRules);
    this.evidenceForDeductions = b.evidenceForDeductions;
    this.maxAttempts = b.maxAttempts;
    this.escalationLevels = b.escalationLevels;
    this.listeners = List.copyOf(b.listeners);
    this.auditSink = Optional.ofNullable(b.auditLog);
    // history is replayed without the posts check: a post held then may be gone now
    this.options = new ReplayOptions(calendar, Optional.empty(), Optional.empty());
    this.replay = CreditReplay.start(scheme, options);
    synchronized (lock) {
      catchUp();
    }
  }

  /**
   * Starts configuring a ledger service. {@link Builder#posts}, {@link Builder#grids} and {@link
   * Builder#residents} are required.
   *
   * @param store where the entries are committed
   * @param scheme the credit scheme
   * @return the builder
   */
  public static Builder builder(LedgerStore store, CreditScheme scheme) {
    return new Builder(store, scheme);
  }

  // ------------------------------------------------------------------ writes

  /**
   * Recognises points for a resident under a rewarding rule (认定加分).
   *
   * @param by who recognises: must act over the resident's grid and hold a post the rule names
   * @param resident the resident's id
   * @param rule the rule's code
   * @param points the points, within the rule's fixed points or range (positive)
   * @param evidence a reference to the evidence; required when the rule requires it
   * @return the committed {@link EntryKind#RECOGNISE} entry, or why not (e.g. {@link
   *     Code#OVER_CAP})
   */
  public LedgerResult recognise(
      Principal by, String resident, String rule, long points, Optional<String> evidence) {
    return ruled(EntryKind.RECOGNISE, by, resident, rule, points, evidence);
  }

  /**
   * Deducts points from a resident under a deducting rule (认定扣分).
   *
   * @param by who deducts: must act over the resident's grid and hold a post the rule names
   * @param resident the resident's id
   * @param rule the rule's code
   * @param points the points as the rule writes them (negative), within its fixed points or range
   * @param evidence a reference to the evidence; required for deductions unless configured off
   * @return the committed {@link EntryKind#DEDUCT} entry, or why not
   */
  public LedgerResult deduct(
      Principal by, String resident, String rule, long points, Optional<String> evidence) {
    return ruled(EntryKind.DEDUCT, by, resident, rule, points, evidence);
  }

  private LedgerResult ruled(
      EntryKind kind,
      Principal by,
      String resident,
      String rule,
      long points,
      Optional<String> evidence) {
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(resident, "resident");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(evidence, "evidence");
    return write(
        (seq, at) -> {
          Entry e =
              new Entry(
                  seq,
                  at,
                  resident,
                  kind,
                  Optional.of(rule),
                  points,
                  by.id(),
                  OptionalLong.empty(),
                  evidence);
          Optional<EntryRefusal> who = mayAct(e, by, resident);
          if (who.isPresent()) {
            return LedgerResult.refused(who.get());
          }
          Optional<PointRule> r = scheme.rule(rule);
          if (r.isPresent()) {
            Optional<EntryRefusal> post = holdsPost(e, by, r.get());
            if (post.isPresent()) {
              return LedgerResult.refused(post.get());
            }
            if (evidenceRequired(r.get()) && evidence.filter(s -> !s.isBlank()).isEmpty()) {
              return refuse(
                  e,
                  Code.EVIDENCE_MISSING,
                  "rule " + rule + " requires evidence; the entry carries none");
            }
          }
          return LedgerResult.committed(e);
        });
  }

  /**
   * Spends a resident's points on a service or an honour (兑换). Refused when it would take the
   * balance below the scheme's floor.
   *
   * @param by who records the redemption: must act over the resident's grid
   * @param resident the resident's id
   * @param points how many points to spend, positive (the entry records them negative)
   * @param reference what they were spent on (a voucher, a service), when recorded
   * @return the committed {@link EntryKind#REDEEM} entry, or why not (e.g. {@link
   *     Code#BELOW_FLOOR})
   * @throws IllegalArgumentException when {@code points} is not positive
   */
  public LedgerResult redeem(
      Principal by, String resident, long points, Optional<String> reference) {
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(resident, "resident");
    Objects.requireNonNull(reference, "reference");
    checkArgument(points > 0, "a redemption spends a positive number of points, not %s", points);
    return write(
        (seq, at) -> {
          Entry e =
              new Entry(
                  seq,
                  at,
                  resident,
                  EntryKind.REDEEM,
                  Optional.empty(),
                  -points,
                  by.id(),
                  OptionalLong.empty(),
                  reference);
          return mayAct(e, by, resident).map(LedgerResult::refused).orElse(committed(e));
        });
  }

  /**
   * Files an appeal (申诉) against a recognition or deduction, within the scheme's filing window
   * ({@code fileWithin} working days after the entry, on the calendar). The appeal is under review
   * from filing until {@link #decideAppeal}.
   *
   * @param by the resident themselves, or someone acting over the resident's grid on their behalf
   * @param entry the seq of the appealed entry
   * @param grounds a reference to the grounds (a document), when given
   * @return the committed {@link EntryKind#APPEAL_FILED} entry, or why not (e.g. {@link
   *     Code#APPEAL_WINDOW_CLOSED})
   */
  public LedgerResult fileAppeal(Principal by, long entry, Optional<String> grounds) {
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(grounds, "grounds");
    return concerning(
        EntryKind.APPEAL_FILED,
        entry,
        (target, seq, at) -> {
          Entry e = about(seq, at, target, EntryKind.APPEAL_FILED, 0, by, grounds);
          if (by.id().equals(target.resident())) {
            return committed(e);
          }
          return mayAct(e, by, target.resident()).map(LedgerResult::refused).orElse(committed(e));
        });
  }

  /** The outcome of an appeal's review. */
  public enum Decision {
    /** The appeal is rejected: the entry stands ({@link EntryKind#APPEAL_UPHELD}). */
    UPHELD,
    /**
     * The appeal succeeds: the entry is voided and counts zero ({@link EntryKind#APPEAL_VOIDED}).
     */
    VOIDED
  }

  /**
   * Decides an open appeal: filed, under review ({@link #reviewAppeal}: then only by its reviewer,
   * {@link Code#NOT_THE_REVIEWER}) or escalated ({@link #escalateOverdueAppeals}: then only by
   * someone acting over the grid it escalated to, {@link Code#APPEAL_ESCALATED}). A decision after
   * the review deadline is still accepted.
   *
   * @param by the reviewer: acts over the resident's grid, and is neither the resident nor the
   *     person who made the appealed entry
   * @param entry the seq of the appealed entry
   * @param decision upheld or voided
   * @param evidence a reference to the decision's document, when given
   * @return the committed decision entry, or why not (e.g. {@link Code#NO_OPEN_APPEAL})
   */
  public LedgerResult decideAppeal(
      Principal by, long entry, Decision decision, Optional<String> evidence) {
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(evidence, "evidence");
    EntryKind kind =
        decision == Decision.UPHELD ? EntryKind.APPEAL_UPHELD : EntryKind.APPEAL_VOIDED;
    return concerning(
        kind,
        entry,
        (target, seq, at) -> {
          Entry e = about(seq, at, target, kind, 0, by, evidence);
          Optional<EntryRefusal> who = mayAct(e, by, target.resident());
          if (who.isPresent()) {
            return LedgerResult.refused(who.get());
          }
          if (by.id().equals(target.resident())) {
            return refuse(e, Code.NO_ACCESS, by.id() + " cannot decide their own appeal");
          }
          if (by.id().equals(target.by())) {
            return refuse(
                e,
                Code.REVIEWER_IS_RECOGNISER,
                by.id() + " made entry " + target.seq() + " and cannot review its appeal");
          }
          CreditReplay.AppealState state = replay.appealOf(target.seq());
          if (state.status() == StatementLine.AppealStatus.ESCALATED) {
            Optional<EntryRefusal> level = escalatedLevel(e, by, state);
            if (level.isPresent()) {
              return LedgerResult.refused(level.get());
            }
          } else if (state.status() == StatementLine.AppealStatus.UNDER_REVIEW) {
            String reviewer = seen.get((int) (state.review() - 1)).by();
            if (!reviewer.equals(by.id())) {
              return refuse(
                  e,
                  Code.NOT_THE_REVIEWER,
                  "the appeal of entry "
                      + target.seq()
                      + " is under review by "
                      + reviewer
                      + " (entry "
                      + state.review()
                      + "); they decide it, unless it escalates");
            }
          }
          return committed(e);
        });
  }

  /**
   * Takes an open appeal for review (受理): the appeal moves from filed to under review ({@link
   * EntryKind#APPEAL_REVIEW}), and from then on only the reviewer decides it, unless it escalates.
   * Optional: an appeal may also be decided straight from filing.
   *
   * @param by the reviewer: acts over the resident's grid, and is neither the resident nor the
   *     person who made the appealed entry
   * @param entry the seq of the appealed entry
   * @param note a reference to the review file, when given (written as the entry's evidence)
   * @return the committed review entry, or why not ({@link Code#NO_OPEN_APPEAL}, {@link
   *     Code#APPEAL_UNDER_REVIEW}, {@link Code#APPEAL_ESCALATED}, ...)
   */
  public LedgerResult reviewAppeal(Principal by, long entry, Optional<String> note) {
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(note, "note");
    return concerning(
        EntryKind.APPEAL_REVIEW,
        entry,
        (target, seq, at) -> {
          Entry e = about(seq, at, target, EntryKind.APPEAL_REVIEW, 0, by, note);
          Optional<EntryRefusal> who = mayAct(e, by, target.resident());
          if (who.isPresent()) {
            return LedgerResult.refused(who.get());
          }
          if (by.id().equals(target.resident())) {
            return refuse(e, Code.NO_ACCESS, by.id() + " cannot review their own appeal");
          }
          if (by.id().equals(target.by())) {
            return refuse(
                e,
                Code.REVIEWER_IS_RECOGNISER,
                by.id() + " made entry " + target.seq() + " and cannot review its appeal");
          }
          return committed(e);
        });
  }

  /**
   * Escalates every appeal that is filed or under review, not decided, and whose review deadline
   * ({@code decideWithin} working days after filing, on the calendar) passed before {@code asOf}
   * (and before the clock's now): one {@link EntryKind#APPEAL_ESCALATED} entry each, by {@link
   * #SYSTEM}, naming in its evidence the grid the appeal escalates to (the resident's grid {@link
   * Builder#escalationLevels} levels up, or the top grid). From then on only someone acting over
   * that grid decides it. An escalation another writer made first is skipped.
   *
   * @param asOf escalate what is overdue at this instant
   * @return one result per escalation attempted, in the order the appeals were filed
   */
  public List<LedgerResult> escalateOverdueAppeals(Instant asOf) {
    Objects.requireNonNull(asOf, "asOf");
    Instant until;
    synchronized (lock) {
      catchUp();
      Instant now = stamp();
      until = asOf.isBefore(now) ? asOf : now;
    }
    List<LedgerResult> out = new ArrayList<>();
    for (OverdueAppeal o : overdueAppeals(until)) {
      Optional<GridId> grid = residents.gridOf(o.resident()).map(this::escalationGrid);
      LedgerResult r =
          concerning(
              EntryKind.APPEAL_ESCALATED,
              o.entry(),
              (target, seq, at) ->
                  committed(
                      new Entry(
                          seq,
                          at,
                          target.resident(),
                          EntryKind.APPEAL_ESCALATED,
                          Optional.empty(),
                          0,
                          SYSTEM,
                          OptionalLong.of(target.seq()),
                          grid.map(GridId::value))));
      boolean lostRace =
          r.refusal()
              .map(f -> f.code() == Code.APPEAL_ESCALATED || f.code() == Code.NO_OPEN_APPEAL)
              .orElse(false);
      if (!lostRace) {
        out.add(r);
      }
    }
    return List.copyOf(out);
  }

  private GridId escalationGrid(GridId grid) {
    GridId g = grid;
    for (int i = 0; i < escalationLevels; i++) {
      Optional<GridId> up = grids.parent(g);
      if (up.isEmpty()) {
        break;
      }
      g = up.get();
    }
    return g;
  }

  /** A decision of an escalated appeal: only someone acting over the grid it escalated to. */
  private Optional<EntryRefusal> escalatedLevel(
      Entry e, Principal by, CreditReplay.AppealState state) {
    Entry escalation = seen.get((int) (state.escalation() - 1));
    Optional<GridId> level =
        escalation.evidence().map(GridId::of).filter(g -> grids.ordinalOf(g).isPresent());
    if (level.isEmpty()) {
      return Optional.empty(); // escalated to a level outside the hierarchy: not checked here
    }
    AccessDecision d = access.check(by, Permission.ACT, level.get());
    if (d.allowed()) {
      return Optional.empty();
    }
    return Optional.of(
        new EntryRefusal(
            e.seq(),
            e.kind(),
            Code.APPEAL_ESCALATED,
            "the appeal of entry "
                + escalation.refersTo().getAsLong()
                + " was escalated to "
                + level.get()
                + " (entry "
                + escalation.seq()
                + "); "
                + by.id()
                + " does not act over it: "
                + d.reason()));
  }

  /**
   * Repairs a deduction (信用修复) when its rule is repairable and the repair conditions hold: at least
   * {@code repairAfterDays} calendar days since the deduction, no open appeal of it, and no other
   * deduction of the resident that still counts in the {@code repairAfterDays} days before the
   * repair (a new deduction restarts the waiting period); and, when the rule has {@code
   * repairNeeds}, enough points of the named rules (e.g. volunteering) recognised since the
   * deduction and still counting ({@link Code#REPAIR_NEEDS_NOT_MET}). Repairs restore together at
   * most the rule's {@code repairPercent} of the deduction.
   *
   * @param by who repairs: acts over the resident's grid and holds a post the deduction's rule
   *     names
   * @param deduction the seq of the deduction
   * @param points how many points to restore, or 0 for all that remain (under a rule with a {@code
   *     repairPercent} below 100 the entry then names the points that may still be restored)
   * @param evidence a reference to the evidence (e.g. volunteering hours), when given
   * @return the committed {@link EntryKind#REPAIR} entry, or why not (e.g. {@link
   *     Code#REPAIR_TOO_EARLY})
   */
  public LedgerResult repair(Principal by, long deduction, long points, Optional<String> evidence) {
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(evidence, "evidence");
    return concerning(
        EntryKind.REPAIR,
        deduction,
        (target, seq, at) -> {
          Entry e = about(seq, at, target, EntryKind.REPAIR, points, by, evidence);
          Optional<EntryRefusal> who = mayAct(e, by, target.resident());
          if (who.isPresent()) {
            return LedgerResult.refused(who.get());
          }
          Optional<PointRule> rule = target.rule().flatMap(scheme::rule);
          if (rule.isEmpty() || target.kind() != EntryKind.DEDUCT || !rule.get().repairable()) {
            return committed(e); // the replay says why not
          }
          if (points == 0 && rule.get().repairPercent() < 100) {
            // a partial repair rule: the entry names what "all that may be restored" is
            long remaining = replay.repairRemaining(target.seq());
            if (remaining > 0) {
              e = about(seq, at, target, EntryKind.REPAIR, remaining, by, evidence);
            }
          }
          Optional<EntryRefusal> post = holdsPost(e, by, rule.get());
          if (post.isPresent()) {
            return LedgerResult.refused(post.get());
          }
          int days = rule.get().repairAfterDays();
          LocalDate repairDay = LocalDate.ofInstant(at, calendar.zone());
          LocalDate quietFrom = repairDay.minusDays(days);
          for (Entry other : seen) {
            if (other.kind() == EntryKind.DEDUCT
                && other.seq() != target.seq()
                && other.resident().equals(target.resident())
                && !zeroed.contains(other.seq())
                && LocalDate.ofInstant(other.at(), calendar.zone()).isAfter(quietFrom)) {
              return refuse(
                  e,
                  Code.REPAIR_TOO_EARLY,
                  "rule "
                      + rule.get().code()
                      + " needs "
                      + days
                      + " days without new deductions; deduction "
                      + other.seq()
                      + " was made on "
                      + LocalDate.ofInstant(other.at(), calendar.zone()));
            }
          }
          return committed(e);
        });
  }

  /**
   * Writes an {@link EntryKind#EXPIRE} entry for every recognition or deduction that still counts
   * and whose rule's {@code expiresAfterDays} are over at {@code asOf} (and at the clock's now),
   * oldest first, one append each. An expiry another writer made first is skipped; other refusals
   * (an expiry that would take a balance below the floor) are returned.
   *
   * @param asOf expire what is due at this instant
   * @return one result per expiry attempted, in seq order of the expired entries
   */
  public List<LedgerResult> expireDue(Instant asOf) {
    Objects.requireNonNull(asOf, "asOf");
    List<Entry> due = new ArrayList<>();
    synchronized (lock) {
      catchUp();
      Instant now = stamp();
      Instant until = asOf.isBefore(now) ? asOf : now;
      for (Entry e : seen) {
        if ((e.kind() == EntryKind.RECOGNISE || e.kind() == EntryKind.DEDUCT)
            && !zeroed.contains(e.seq())) {
          PointRule r = scheme.rule(e.rule().orElseThrow()).orElseThrow();
          if (r.expiresAfterDays().isPresent()) {
            Instant at =
                e.at()
                    .atZone(calendar.zone())
                    .plusDays(r.expiresAfterDays().getAsInt())
                    .toInstant();
            if (!at.isAfter(until)) {
              due.add(e);
            }
          }
        }
      }
    }
    List<LedgerResult> out = new ArrayList<>();
    for (Entry target : due) {
      LedgerResult r =
          write(
              (seq, at) ->
                  committed(
                      new Entry(
                          seq,
                          at,
                          target.resident(),
                          EntryKind.EXPIRE,
                          Optional.empty(),
                          0,
                          SYSTEM,
                          OptionalLong.of(target.seq()),
                          Optional.empty())));
      if (r.refusal().map(f -> f.code() != Code.ALREADY_VOID).orElse(true)) {
        out.add(r);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The appeals filed at or before {@code asOf}, not decided and not escalated by then, whose
   * review deadline ({@code decideWithin} working days after filing) passed before {@code asOf}:
   * they are due to escalate ({@link #escalateOverdueAppeals}). This lists ledger positions, not
   * files, and is not a read of a file.
   *
   * @param asOf the instant
   * @return the overdue appeals, in the order they were filed
   */
  public List<OverdueAppeal> overdueAppeals(Instant asOf) {
    Objects.requireNonNull(asOf, "asOf");
    Map<Long, Entry> open = new LinkedHashMap<>();
    synchronized (lock) {
      catchUp();
      for (Entry e : seen) {
        if (e.at().isAfter(asOf)) {
          break;
        }
        switch (e.kind()) {
          case APPEAL_FILED -> open.put(e.refersTo().getAsLong(), e);
          case APPEAL_UPHELD, APPEAL_VOIDED, APPEAL_ESCALATED ->
              open.remove(e.refersTo().getAsLong());
          default -> {
            // no appeal step
          }
        }
      }
    }
    List<OverdueAppeal> out = new ArrayList<>();
    open.forEach(
        (target, filed) -> {
          Instant by = calendar.plus(filed.at(), scheme.appeal().decideWithin());
          if (asOf.isAfter(by)) {
            out.add(new OverdueAppeal(filed.resident(), target, filed.seq(), filed.at(), by));
          }
        });
    return List.copyOf(out);
  }

  // ------------------------------------------------------------------ reads

  /**
   * A resident's explained statement (their credit file) as of an instant, when the principal may
   * read it: the resident themselves, or a file reader (grid worker, grid leader) whose bound grids
   * contain the resident's grid. Recorded in the audit log either way.
   *
   * @param who the reader
   * @param resident the resident's id
   * @param asOf the instant
   * @return the account (the scheme's start and no entries for a resident without entries), or the
   *     refusal
   */
  public CreditRead<CreditAccount> statement(Principal who, String resident, Instant asOf) {
    Objects.requireNonNull(who, "who");
    Objects.requireNonNull(resident, "resident");
    Objects.requireNonNull(asOf, "asOf");
    Optional<ReadRefusal> refusal = mayReadFile(who, resident);
    record(who, ReadRecord.Subject.STATEMENT, resident, asOf, refusal);
    if (refusal.isPresent()) {
      return CreditRead.refused(refusal.get());
    }
    CreditAccount account =
        bookAsOf(asOf)
            .account(resident)
            .orElseGet(
                () ->
                    new CreditAccount(
                        resident,
                        scheme.start(),
                        scheme.levelOf(scheme.start()).name(),
                        0,
                        0,
                        List.of()));
    return CreditRead.allowed(account);
  }

  /**
   * How many residents of a community (every resident whose grid lies within the given grid) have
   * each level as of an instant: aggregates, no personal data. Allowed to file readers and
   * aggregate readers whose bound grids contain the community. Recorded in the audit log.
   *
   * @param who the reader
   * @param community the community's (or any) grid
   * @param asOf the instant
   * @return level name → number of residents, every level of the scheme, highest first; or the
   *     refusal
   */
  public CreditRead<Map<String, Integer>> levelCounts(
      Principal who, GridId community, Instant asOf) {
    Objects.requireNonNull(who, "who");
    Objects.requireNonNull(community, "community");
    Objects.requireNonNull(asOf, "asOf");
    Optional<ReadRefusal> refusal = Optional.empty();
    if (!privacy.readsAggregates(who.role())) {
      refusal =
          Optional.of(
              new ReadRefusal(
                  ReadRefusal.Code.ROLE_MAY_NOT_READ,
                  who.id() + " has role " + who.role().name() + ", which reads no aggregates"));
    } else if (grids.ordinalOf(community).isEmpty()) {
      refusal =
          Optional.of(
              new ReadRefusal(
                  ReadRefusal.Code.UNKNOWN_SUBJECT,
                  "grid " + community + " is not in the hierarchy"));
    } else {
      AccessDecision d = access.check(who, Permission.READ, community);
      if (!d.allowed()) {
        refusal = Optional.of(new ReadRefusal(ReadRefusal.Code.OUT_OF_SCOPE, d.reason()));
      }
    }
    record(who, ReadRecord.Subject.AGGREGATES, community.value(), asOf, refusal);
    if (refusal.isPresent()) {
      return CreditRead.refused(refusal.get());
    }
    CreditBook book = bookAsOf(asOf);
    Map<String, Integer> counts = new LinkedHashMap<>();
    scheme.levels().forEach(l -> counts.put(l.name(), 0));
    int target = grids.ordinalOf(community).getAsInt();
    residents
        .asMap()
        .forEach(
            (resident, grid) -> {
              var o = grids.ordinalOf(grid);
              if (o.isPresent() && grids.isWithin(o.getAsInt(), target)) {
                long balance =
                    book.account(resident).map(CreditAccount::balance).orElse(scheme.start());
                counts.merge(scheme.levelOf(balance).name(), 1, Integer::sum);
              }
            });
    return CreditRead.allowed(java.util.Collections.unmodifiableMap(counts));
  }

  /**
   * Every read so far (statements and aggregates, allowed and refused), in the order they happened.
   * The log lives as long as the service; give the builder a {@link ReadAuditLog} to keep it
   * durably.
   *
   * @return an immutable copy
   */
  public List<ReadRecord> auditLog() {
    return List.copyOf(audit);
  }

  /**
   * How many appends lost the optimistic race to another writer and were checked again.
   *
   * @return the count since the service was built
   */
  public long conflicts() {
    return conflicts.get();
  }

  /**
   * The scheme the service applies.
   *
   * @return the scheme
   */
  public CreditScheme scheme() {
    return scheme;
  }

  // ------------------------------------------------------------------ internals

  private Optional<ReadRefusal> mayReadFile(Principal who, String resident) {
    if (who.id().equals(resident)) {
      return Optional.empty();
    }
    if (!privacy.readsFiles(who.role())) {
      if (privacy.readsAggregates(who.role())) {
        return Optional.of(
            new ReadRefusal(
                ReadRefusal.Code.AGGREGATES_ONLY,
                who.id()
                    + " has role "
                    + who.role().name()
                    + ", which reads aggregates only, not the file of "
                    + resident));
      }
      return Optional.of(
          new ReadRefusal(
              ReadRefusal.Code.ROLE_MAY_NOT_READ,
              who.id()
                  + " has role "
                  + who.role().name()
                  + ", which may read no file but their own, not the file of "
                  + resident));
    }
    Optional<GridId> grid = residents.gridOf(resident);
    if (grid.isEmpty()) {
      return Optional.of(
          new ReadRefusal(
              ReadRefusal.Code.UNKNOWN_SUBJECT, "no grid is known for resident " + resident));
    }
    AccessDecision d = access.check(who, Permission.READ, grid.get());
    if (!d.allowed()) {
      return Optional.of(
          new ReadRefusal(
              ReadRefusal.Code.OUT_OF_SCOPE,
              "resident " + resident + " lives in grid " + grid.get() + ": " + d.reason()));
    }
    return Optional.empty();
  }

  private void record(
      Principal who,
      ReadRecord.Subject what,
      String subject,
      Instant asOf,
      Optional<ReadRefusal> refusal) {
    ReadRecord r =
        new ReadRecord(
            clock.instant(),
            who.id(),
            who.role().name(),
            what,
            subject,
            asOf,
            refusal.isEmpty(),
            refusal.map(ReadRefusal::reason).orElse(""));
    if (auditSink.isPresent()) {
      auditSink.get().append(r); // durable first: a read that cannot be recorded fails
    }
    audit.add(r);
    for (ReadRecord.Listener l : listeners) {
      l.onRead(r);
    }
  }

  private CreditBook bookAsOf(Instant asOf) {
    List<Entry> snapshot;
    synchronized (lock) {
      catchUp();
      snapshot = List.copyOf(seen);
    }
    return CreditReplay.replay(scheme, snapshot, options.withAsOf(asOf));
  }

  private Optional<EntryRefusal> mayAct(Entry e, Principal by, String resident) {
    Optional<GridId> grid = residents.gridOf(resident);
    if (grid.isEmpty()) {
      return Optional.of(
          new EntryRefusal(
              e.seq(),
              e.kind(),
              Code.UNKNOWN_RESIDENT,
              "no grid is known for resident "
                  + resident
                  + Suggestions.hint(resident, residents.asMap().keySet())));
    }
    AccessDecision d = access.check(by, Permission.ACT, grid.get());
    if (!d.allowed()) {
      return Optional.of(
          new EntryRefusal(
              e.seq(),
              e.kind(),
              Code.NO_ACCESS,
              "resident " + resident + " lives in grid " + grid.get() + ": " + d.reason()));
    }
    return Optional.empty();
  }

  private Optional<EntryRefusal> holdsPost(Entry e, Principal by, PointRule rule) {
    for (String post : rule.recognisedBy()) {
      if (posts.holds(by.id(), post)) {
        return Optional.empty();
      }
    }
    return Optional.of(
        new EntryRefusal(
            e.seq(),
            e.kind(),
            Code.NO_POST,
            by.id()
                + " holds none of the posts that may apply rule "
                + rule.code()
                + " "
                + rule.recognisedBy()
                + " (holds "
                + new java.util.TreeSet<>(posts.postsOf(by.id()))
                + ")"));
  }

  private boolean evidenceRequired(PointRule rule) {
    return switch (rule.evidence()) {
      case REQUIRED -> true;
      case NOT_REQUIRED -> evidenceRules.contains(rule.code());
      case UNSTATED ->
          evidenceRules.contains(rule.code()) || (evidenceForDeductions && rule.deducts());
    };
  }

  private static LedgerResult committed(Entry e) {
    return LedgerResult.committed(e);
  }

  private static LedgerResult refuse(Entry e, Code code, String reason) {
    return LedgerResult.refused(new EntryRefusal(e.seq(), e.kind(), code, reason));
  }

  private static Entry about(
      long seq,
      Instant at,
      Entry target,
      EntryKind kind,
      long points,
      Principal by,
      Optional<String> evidence) {
    return new Entry(
        seq,
        at,
        target.resident(),
        kind,
        Optional.empty(),
        points,
        by.id(),
        OptionalLong.of(target.seq()),
        evidence);
  }

  /** Makes the entry to write, or refuses, against the caught-up state (called under the lock). */
  @FunctionalInterface
  private interface Draft {
    LedgerResult make(long seq, Instant at);
  }

  /** A draft of an entry that concerns an earlier entry. */
  @FunctionalInterface
  private interface DraftAbout {
    LedgerResult make(Entry target, long seq, Instant at);
  }

  private LedgerResult concerning(EntryKind kind, long target, DraftAbout draft) {
    return write(
        (seq, at) -> {
          if (target < 1 || target >= seq) {
            return LedgerResult.refused(
                new EntryRefusal(
                    seq,
                    kind,
                    Code.UNKNOWN_ENTRY,
                    "refers to entry " + target + ", which the ledger does not have"));
          }
          return draft.make(seen.get((int) (target - 1)), seq, at);
        });
  }

  /**
   * The optimistic write: under the lock, catch up with the store, draft the entry and check it
   * against the replayed ledger; outside the lock, append it at the seq it was checked for. When
   * another writer got there first, start again from the store.
   */
  private LedgerResult write(Draft draft) {
    ConcurrentAppendException lost = null;
    for (int attempt = 0; attempt < maxAttempts; attempt++) {
      Entry e;
      synchronized (lock) {
        catchUp();
        LedgerResult d = draft.make(replay.nextSeq(), stamp());
        if (!d.isCommitted()) {
          return d;
        }
        e = d.entry().orElseThrow();
        Optional<EntryRefusal> r = replay.check(e);
        if (r.isPresent()) {
          return LedgerResult.refused(r.get());
        }
      }
      try {
        store.append(List.of(e));
      } catch (ConcurrentAppendException x) {
        conflicts.incrementAndGet();
        lost = x;
        Thread.yield();
        continue;
      }
      synchronized (lock) {
        catchUp();
      }
      return LedgerResult.committed(e);
    }
    throw Objects.requireNonNull(lost);
  }

  /** Replays what the store committed since the last look. Under the lock. */
  private void catchUp() {
    if (store.nextSeq() == replay.nextSeq()) {
      return;
    }
    for (Entry e : store.entriesFrom(replay.nextSeq())) {
      replay.accept(e);
      seen.add(e);
      if (e.kind() == EntryKind.APPEAL_VOIDED || e.kind() == EntryKind.EXPIRE) {
        zeroed.add(e.refersTo().getAsLong());
      }
    }
  }

  /** The time of a new entry: the clock's, but never before the last entry. Under the lock. */
  private Instant stamp() {
    Instant now = clock.instant();
    if (!seen.isEmpty()) {
      Instant last = seen.get(seen.size() - 1).at();
      if (now.isBefore(last)) {
        return last;
      }
    }
    return now;
  }

  /** Configures a {@link CreditLedger}. Not thread-safe; the service it builds is. */
  public static final class Builder {
    private final LedgerStore store;
    private final CreditScheme scheme;
    private WorkCalendar calendar = WorkCalendar.standard();
    private CreditPosts posts;
    private GridHierarchy grids;
    private ResidentGrids residents;
    private CreditPrivacy privacy = CreditPrivacy.defaults();
    private Clock clock = Clock.systemUTC();
    private final Set<String> evidenceRules = new HashSet<>();
    private boolean evidenceForDeductions = true;
    private int maxAttempts = 1000;
    private int escalationLevels = 1;
    private final List<ReadRecord.Listener> listeners = new ArrayList<>();
    private ReadAuditLog auditLog;

    private Builder(LedgerStore store, CreditScheme scheme) {
      this.store = Objects.requireNonNull(store, "store");
      this.scheme = Objects.requireNonNull(scheme, "scheme");
    }

    /**
     * The working-time calendar of the appeal deadlines (default {@link WorkCalendar#standard()});
     * its zone also decides calendar days and months.
     *
     * @param value the calendar
     * @return this builder
     */
    public Builder calendar(WorkCalendar value) {
      this.calendar = Objects.requireNonNull(value, "calendar");
      return this;
    }

    /**
     * Who holds which post (required): a recogniser must hold a post the rule names.
     *
     * @param value the directory
     * @return this builder
     */
    public Builder posts(CreditPosts value) {
      this.posts = Objects.requireNonNull(value, "posts");
      return this;
    }

    /**
     * The grid hierarchy the principals are bound in (required).
     *
     * @param value the hierarchy
     * @return this builder
     */
    public Builder grids(GridHierarchy value) {
      this.grids = Objects.requireNonNull(value, "grids");
      return this;
    }

    /**
     * Where residents live (required).
     *
     * @param value the directory
     * @return this builder
     */
    public Builder residents(ResidentGrids value) {
      this.residents = Objects.requireNonNull(value, "residents");
      return this;
    }

    /**
     * Who may read what (default {@link CreditPrivacy#defaults()}).
     *
     * @param value the policy
     * @return this builder
     */
    public Builder privacy(CreditPrivacy value) {
      this.privacy = Objects.requireNonNull(value, "privacy");
      return this;
    }

    /**
     * The clock that stamps entries and reads (default the system clock).
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Rules whose entries must carry evidence, besides deductions and the rules the scheme marks
     * {@code "evidence": true}: a requirement of this service on top of the scheme's (it applies to
     * new entries only; replay checks what the scheme says).
     *
     * @param ruleCodes the rules' codes
     * @return this builder
     * @throws IllegalArgumentException when a code is not in the scheme (with "did you mean")
     */
    public Builder requireEvidence(String... ruleCodes) {
      for (String c : ruleCodes) {
        Objects.requireNonNull(c, "rule code");
        checkArgument(
            scheme.rule(c).isPresent(),
            "the scheme has no rule %s%s",
            c,
            Suggestions.hint(c, scheme.rulesByCode().keySet()));
        evidenceRules.add(c);
      }
      return this;
    }

    /**
     * Whether every deduction under a rule that does not state {@code evidence} in the scheme must
     * carry evidence (default true: a deduction affects a person and must be explainable). A rule
     * with {@code "evidence": true} always needs it, one with {@code "evidence": false} needs it
     * only when named in {@link #requireEvidence}.
     *
     * @param value true to require it
     * @return this builder
     */
    public Builder requireEvidenceForDeductions(boolean value) {
      this.evidenceForDeductions = value;
      return this;
    }

    /**
     * How many times a write is tried when other writers keep committing first (default 1000);
     * after that the last {@link ConcurrentAppendException} is thrown.
     *
     * @param value at least 1
     * @return this builder
     * @throws IllegalArgumentException when the value is below 1
     */
    public Builder maxAttempts(int value) {
      checkArgument(value >= 1, "maxAttempts must be at least 1, not %s", value);
      this.maxAttempts = value;
      return this;
    }

    /**
     * How many grid levels above the resident's grid an overdue appeal escalates to (default 1:
     * from a micro-grid to its community); capped at the top of the hierarchy.
     *
     * @param value at least 1
     * @return this builder
     * @throws IllegalArgumentException when the value is below 1
     */
    public Builder escalationLevels(int value) {
      checkArgument(value >= 1, "escalationLevels must be at least 1, not %s", value);
      this.escalationLevels = value;
      return this;
    }

    /**
     * The durable read audit (e.g. {@link FileReadAuditLog}): every read, allowed or refused, is
     * appended to it before the read is answered, and a read whose record cannot be stored fails.
     * The service does not close it.
     *
     * @param value the sink
     * @return this builder
     */
    public Builder auditLog(ReadAuditLog value) {
      this.auditLog = Objects.requireNonNull(value, "auditLog");
      return this;
    }

    /**
     * Adds a listener that receives every read as it happens.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder onRead(ReadRecord.Listener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Builds the service and replays the store's committed entries.
     *
     * @return the service
     * @throws NullPointerException when posts, grids or residents were not given
     * @throws InvalidEntryException when the store holds an entry the scheme refuses
     */
    public CreditLedger build() {
      return new CreditLedger(this);
    }
  }

  @Override
  public String toString() {
    return "CreditLedger[store="
        + store.getClass().getSimpleName()
        + ", rules="
        + scheme.rules().size()
        + "]";
  }
}
