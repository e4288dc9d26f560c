package org.gridgov.credit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.gridgov.core.io.Problems;
import org.gridgov.core.io.Suggestions;
import org.gridgov.credit.EntryRefusal.Code;
import org.gridgov.credit.StatementLine.AppealStatus;

/**
 * Replays a credit ledger under a {@link CreditScheme}: checks every entry against the scheme's
 * rules and turns the entries into balances, levels and explained statements ({@link CreditBook}).
 * The effective rules (docs/credit.md):
 *
 * <ul>
 *   <li>balance = the scheme's {@code start} + the sum of what every entry of the resident counts;
 *   <li>a recognition, deduction, redemption or correction counts its points; a repair counts the
 *       points it restores (all that remain of the deduction when its {@code points} is 0);
 *   <li>an entry voided on appeal ({@link EntryKind#APPEAL_VOIDED}) or expired ({@link
 *       EntryKind#EXPIRE}) counts zero from the voiding or expiring entry on, and so do the repairs
 *       and corrections that concern it;
 *   <li>a rule's {@code capPerMonth} limits the sum of the points of the recognitions under it that
 *       count, per resident and calendar month (in the calendar's zone): a recognition over the cap
 *       is refused, never trimmed;
 *   <li>an entry that would take a balance below the scheme's {@code floor} is refused.
 * </ul>
 *
 * <p>Every refusal is typed ({@link EntryRefusal}): sequence gaps, time going backwards, unknown
 * rules (with "did you mean"), points outside the rule's range or of the wrong sign, a recogniser
 * without the post (when a posts directory is given), an appeal after its window ({@code
 * fileWithin} working days after the entry, on the calendar), a decision without a filed appeal,
 * entries that concern an unknown entry or another resident's, repairs of a rule that is not
 * repairable or before {@code repairAfterDays}, expiries before {@code expiresAfterDays}.
 *
 * <p>Use {@link #replay(CreditScheme, EntryLog, ReplayOptions)} to replay a whole ledger, or {@link
 * #start} and then {@link #check}/{@link #accept} one entry at a time (a ledger service checks a
 * new entry against the replayed state before it appends it). A replay of the entries up to an
 * instant gives the statement as of that instant. An instance is not thread-safe; the books it
 * returns are immutable.
 */
public final class CreditReplay {
  private final CreditScheme scheme;
  private final ReplayOptions options;
  private final ZoneId zone;
  private final Map<String, PointRule> rules;
  private final Map<String, Integer> ruleIndex = new HashMap<>();
  private final List<Node> nodes = new ArrayList<>();
  private final Map<String, Account> accounts = new HashMap<>();
  private Instant last;

  private CreditReplay(CreditScheme scheme, ReplayOptions options) {
    this.scheme = Objects.requireNonNull(scheme, "scheme");
    this.options = Objects.requireNonNull(options, "options");
    this.zone = options.calendar().zone();
    this.rules = scheme.rulesByCode();
    for (PointRule r : scheme.rules()) {
      ruleIndex.put(r.code(), ruleIndex.size());
    }
  }

  /**
   * An empty ledger under a scheme, to which entries are added one at a time. The options' {@code
   * asOf} is not applied here (the caller decides which entries to add); it is the default instant
   * of {@link #book()}.
   *
   * @param scheme the scheme
   * @param options the calendar and posts directory
   * @return the replay
   */
  public static CreditReplay start(CreditScheme scheme, ReplayOptions options) {
    return new CreditReplay(scheme, options);
  }

  /**
   * Replays entries, stopping before the first entry made after {@code options.asOf()}.
   *
   * @param scheme the scheme
   * @param entries the entries, in sequence
   * @param options the options
   * @return the book as of {@code options.asOf()}, or as of the last entry
   * @throws InvalidEntryException at the first entry that breaks a rule (located by seq)
   */
  public static CreditBook replay(CreditScheme scheme, List<Entry> entries, ReplayOptions options) {
    return replay(scheme, EntryLog.of(entries), options);
  }

  /**
   * Replays entries read from a file, stopping before the first entry made after {@code
   * options.asOf()}; an entry that breaks a rule is reported at its line.
   *
   * @param scheme the scheme
   * @param log the entries and their lines
   * @param options the options
   * @return the book as of {@code options.asOf()}, or as of the last entry
   * @throws InvalidEntryException at the first entry that breaks a rule, with its file and line
   */
  public static CreditBook replay(CreditScheme scheme, EntryLog log, ReplayOptions options) {
    CreditReplay r = start(scheme, options);
    List<Entry> entries = log.entries();
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      if (options.asOf().isPresent() && e.at().isAfter(options.asOf().get())) {
        break;
      }
      try {
        r.apply(e);
      } catch (Refused x) {
        throw new InvalidEntryException(log.source(), log.lines().get(i), x.refusal(e));
      }
    }
    return r.book();
  }

  /**
   * The seq the next entry must carry.
   *
   * @return one more than the last accepted entry's seq
   */
  public long nextSeq() {
    return nodes.size() + 1L;
  }

  /**
   * A resident's balance now.
   *
   * @param resident the resident's id
   * @return the balance, the scheme's {@code start} for a resident without entries
   */
  public long balance(String resident) {
    Account a = accounts.get(resident);
    return a == null ? scheme.start() : a.balance;
  }

  /**
   * How many points repairs may still restore of a deduction under its rule ({@code repairPercent}
   * of its points, less what was restored), for a ledger service that writes a repair's points
   * explicitly.
   *
   * @param deduction the deduction's seq (an accepted {@link EntryKind#DEDUCT} entry)
   * @return the points, 0 when none remain
   */
  long repairRemaining(long deduction) {
    Node t = nodes.get((int) (deduction - 1));
    PointRule r = rules.get(t.e.rule().orElseThrow());
    return Math.max(0, r.repairLimit(t.e.points()) - t.restored);
  }

  /**
   * Whether an entry may be added next, without adding it.
   *
   * @param e the entry
   * @return empty when it may, else why not
   */
  public Optional<EntryRefusal> check(Entry e) {
    Objects.requireNonNull(e, "e");
    try {
      delta(e);
      return Optional.empty();
    } catch (Refused r) {
      return Optional.of(r.refusal(e));
    }
  }

  /**
   * Adds an entry after checking it.
   *
   * @param e the entry
   * @throws InvalidEntryException when it breaks a rule; nothing changes
   */
  public void accept(Entry e) {
    Objects.requireNonNull(e, "e");
    try {
      apply(e);
    } catch (Refused r) {
      throw new InvalidEntryException("", 0, r.refusal(e));
    }
  }

  /** Why an entry is refused; carries no stack trace. */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Code code;

    Refused(Code code, String reason) {
      super(reason, null, false, false);
      this.code = code;
    }

    EntryRefusal refusal(Entry e) {
      return new EntryRefusal(e.seq(), e.kind(), code, getMessage());
    }
  }

  private static Refused refuse(Code code, String reason) {
    return new Refused(code, reason);
  }

  /**
   * Checks an entry and returns the change it makes to its resident's balance.
   *
   * @throws Refused when it breaks a rule
   */
  private long delta(Entry e) {
    if (e.seq() != nextSeq()) {
      throw refuse(Code.SEQ_GAP, "seq " + e.seq() + " is not the next one, " + nextSeq());
    }
    if (last != null && e.at().isBefore(last)) {
      throw refuse(
          Code.TIME_BACKWARDS, "made at " + e.at() + ", before the entry before it (" + last + ")");
    }
    Optional<PointRule> named = Optional.empty();
    if (e.rule().isPresent()) {
      String code = e.rule().get();
      PointRule r = rules.get(code);
      if (r == null) {
        throw refuse(
            Code.UNKNOWN_RULE,
            "unknown rule " + Problems.quote(code) + Suggestions.hint(code, rules.keySet()));
      }
      named = Optional.of(r);
    }
    long delta =
        switch (e.kind()) {
          case RECOGNISE, DEDUCT -> ruled(e, named);
          case REDEEM -> redeem(e, named);
          case APPEAL_FILED -> appealFiled(e);
          case APPEAL_UPHELD, APPEAL_VOIDED -> appealDecided(e);
          case APPEAL_REVIEW -> appealReview(e);
          case APPEAL_ESCALATED -> appealEscalated(e);
          case REPAIR -> repair(e);
          case EXPIRE -> expire(e);
          case CORRECT -> correct(e);
        };
    if (delta < 0 && scheme.floor().isPresent()) {
      long balance = balance(e.resident());
      long floor = scheme.floor().getAsLong();
      if (balance + delta < floor) {
        throw refuse(
            Code.BELOW_FLOOR,
            "would take the balance of "
                + e.resident()
                + " from "
                + balance
                + " to "
                + (balance + delta)
                + ", below the floor "
                + floor);
      }
    }
    return delta;
  }

  private long ruled(Entry e, Optional<PointRule> named) {
    if (named.isEmpty()) {
      throw refuse(Code.RULE_MISSING, "a " + e.kind() + " entry must name its rule");
    }
    PointRule r = named.get();
    if (r.entryKind() != e.kind()) {
      throw refuse(
          Code.WRONG_KIND,
          "rule "
              + r.code()
              + (r.deducts() ? " deducts" : " rewards")
              + "; record it as "
              + r.entryKind());
    }
    LocalDate day = day(e.at());
    if (!scheme.inForce(day)) {
      throw refuse(
          Code.NOT_IN_FORCE,
          "made on " + day + "; the scheme is in force " + scheme.from() + " to " + scheme.to());
    }
    if (r.evidence() == PointRule.Evidence.REQUIRED
        && e.evidence().filter(s -> !s.isBlank()).isEmpty()) {
      throw refuse(
          Code.EVIDENCE_MISSING,
          "rule "
              + r.code()
              + " requires evidence (the scheme's \"evidence\": true); the entry"
              + " carries none");
    }
    long p = e.points();
    if (p < r.min() || p > r.max()) {
      throw refuse(
          Code.POINTS_OUT_OF_RANGE,
          "points "
              + p
              + " outside rule "
              + r.code()
              + "'s "
              + (r.isFixed() ? "fixed points " : "range ")
              + r.pointsText());
    }
    if (options.posts().isPresent()) {
      CreditPosts posts = options.posts().get();
      boolean holds = r.recognisedBy().stream().anyMatch(post -> posts.holds(e.by(), post));
      if (!holds) {
        throw refuse(
            Code.NO_POST,
            e.by()
                + " holds none of the posts that may apply rule "
                + r.code()
                + " "
                + r.recognisedBy()
                + " (holds "
                + posts.postsOf(e.by())
                + ")");
      }
    }
    if (e.kind() == EntryKind.RECOGNISE && r.capPerMonth().isPresent()) {
      long cap = r.capPerMonth().getAsLong();
      Account a = accounts.get(e.resident());
      long used = a == null ? 0 : a.capUse.getOrDefault(capKey(r, day), 0L);
      if (used + p > cap) {
        throw refuse(
            Code.OVER_CAP,
            "rule "
                + r.code()
                + " is capped at "
                + cap
                + " points a month; "
                + e.resident()
                + " has "
                + used
                + " in "
                + YearMonth.from(day)
                + ", "
                + p
                + " more would make "
                + (used + p));
      }
    }
    return p;
  }

  private long redeem(Entry e, Optional<PointRule> named) {
    if (named.isPresent()) {
      throw refuse(Code.RULE_MISSING, "a redemption spends points and names no rule");
    }
    if (e.points() >= 0) {
      throw refuse(
          Code.POINTS_OUT_OF_RANGE,
          "a redemption spends points: its points must be negative, not " + e.points());
    }
    return e.points();
  }

  private long appealFiled(Entry e) {
    Node t = target(e);
    noPoints(e);
    appealable(t);
    if (t.appeal.undecided()) {
      throw refuse(
          Code.APPEAL_OPEN,
          "entry " + t.e.seq() + " already has an open appeal (entry " + t.appealSeq + ")");
    }
    if (t.appeal != AppealStatus.NONE) {
      throw refuse(
          Code.APPEAL_DECIDED,
          "the appeal of entry " + t.e.seq() + " was decided (entry " + t.decisionSeq + ")");
    }
    Instant deadline = options.calendar().plus(t.e.at(), scheme.appeal().fileWithin());
    if (e.at().isAfter(deadline)) {
      throw refuse(
          Code.APPEAL_WINDOW_CLOSED,
          "filed at "
              + e.at()
              + ", after the window for appealing entry "
              + t.e.seq()
              + " closed at "
              + deadline
              + " ("
              + scheme.appeal().fileWithin()
              + " after "
              + t.e.at()
              + ")");
    }
    return 0;
  }

  private long appealDecided(Entry e) {
    Node t = target(e);
    noPoints(e);
    if (!t.appeal.undecided()) {
      throw refuse(Code.NO_OPEN_APPEAL, "entry " + t.e.seq() + " has no open appeal to decide");
    }
    return e.kind() == EntryKind.APPEAL_VOIDED ? -counting(t) : 0;
  }

  private long appealReview(Entry e) {
    Node t = target(e);
    noPoints(e);
    if (!t.appeal.undecided()) {
      throw refuse(Code.NO_OPEN_APPEAL, "entry " + t.e.seq() + " has no open appeal to review");
    }
    if (t.appeal == AppealStatus.UNDER_REVIEW) {
      throw refuse(
          Code.APPEAL_UNDER_REVIEW,
          "the appeal of entry "
              + t.e.seq()
              + " is already under review by "
              + nodes.get((int) (t.reviewSeq - 1)).e.by()
              + " (entry "
              + t.reviewSeq
              + ")");
    }
    if (t.appeal == AppealStatus.ESCALATED) {
      throw refuse(
          Code.APPEAL_ESCALATED,
          "the appeal of entry "
              + t.e.seq()
              + " was escalated (entry "
              + t.escalationSeq
              + "); the level it escalated to decides it");
    }
    return 0;
  }

  private long appealEscalated(Entry e) {
    Node t = target(e);
    noPoints(e);
    if (!t.appeal.undecided()) {
      throw refuse(Code.NO_OPEN_APPEAL, "entry " + t.e.seq() + " has no open appeal to escalate");
    }
    if (t.appeal == AppealStatus.ESCALATED) {
      throw refuse(
          Code.APPEAL_ESCALATED,
          "the appeal of entry "
              + t.e.seq()
              + " was already escalated (entry "
              + t.escalationSeq
              + ")");
    }
    Instant by = decideBy(t);
    if (!e.at().isAfter(by)) {
      throw refuse(
          Code.ESCALATION_TOO_EARLY,
          "the appeal of entry "
              + t.e.seq()
              + " may be decided until "
              + by
              + " ("
              + scheme.appeal().decideWithin()
              + " after its filing); it escalates only after that");
    }
    return 0;
  }

  /** The review deadline of an entry's appeal: {@code decideWithin} after its filing. */
  private Instant decideBy(Node t) {
    Instant filed = nodes.get((int) (t.appealSeq - 1)).e.at();
    return options.calendar().plus(filed, scheme.appeal().decideWithin());
  }

  /**
   * Where the appeal of an entry stands, for a ledger service.
   *
   * @param seq an accepted entry's seq
   * @return its appeal's state and the seqs of its filing, review and escalation (0 when none)
   */
  AppealState appealOf(long seq) {
    Node t = nodes.get((int) (seq - 1));
    return new AppealState(t.appeal, t.appealSeq, t.reviewSeq, t.escalationSeq);
  }

  /** The state of an entry's appeal and the entries of its steps (0 when none). */
  record AppealState(AppealStatus status, long filed, long review, long escalation) {}

  private long repair(Entry e) {
    Node t = target(e);
    if (t.e.kind() != EntryKind.DEDUCT) {
      throw refuse(
          Code.NOT_APPLICABLE,
          "a repair concerns a deduction; entry " + t.e.seq() + " is a " + t.e.kind());
    }
    PointRule r = rules.get(t.e.rule().orElseThrow());
    if (!r.repairable()) {
      throw refuse(
          Code.NOT_REPAIRABLE,
          "rule " + r.code() + " of entry " + t.e.seq() + " is not repairable");
    }
    counts(t);
    if (t.appeal.undecided()) {
      throw refuse(
          Code.APPEAL_OPEN,
          "entry "
              + t.e.seq()
              + " has an open appeal (entry "
              + t.appealSeq
              + "); decide it first");
    }
    LocalDate from = day(t.e.at()).plusDays(r.repairAfterDays());
    if (day(e.at()).isBefore(from)) {
      throw refuse(
          Code.REPAIR_TOO_EARLY,
          "rule "
              + r.code()
              + " allows a repair "
              + r.repairAfterDays()
              + " days after the deduction, from "
              + from);
    }
    if (r.repairNeeds().isPresent()) {
      PointRule.RepairNeeds needs = r.repairNeeds().get();
      long done = repairCredit(t, needs);
      if (done < needs.points()) {
        throw refuse(
            Code.REPAIR_NEEDS_NOT_MET,
            "rule "
                + r.code()
                + " needs "
                + needs.points()
                + " points of "
                + String.join(", ", needs.rules())
                + " recognised since deduction "
                + t.e.seq()
                + " before a repair; "
                + e.resident()
                + " has "
                + done);
      }
    }
    long remaining = r.repairLimit(t.e.points()) - t.restored;
    if (e.points() < 0) {
      throw refuse(
          Code.POINTS_OUT_OF_RANGE,
          "a repair restores points: its points must be 0 (all) or positive, not " + e.points());
    }
    if (remaining == 0 || e.points() > remaining) {
      throw refuse(
          Code.REPAIR_TOO_MUCH,
          "entry "
              + t.e.seq()
              + " has "
              + remaining
              + " points left to restore, not "
              + e.points());
    }
    if (e.points() == 0 && r.repairPercent() < 100) {
      throw refuse(
          Code.POINTS_OUT_OF_RANGE,
          "rule "
              + r.code()
              + " restores at most "
              + r.repairPercent()
              + "% of a deduction: a repair under it names its points (at most "
              + remaining
              + " here), not 0");
    }
    return e.points() == 0 ? remaining : e.points();
  }

  /**
   * The points recognised under the rules a repair needs, made after the deduction and counting now
   * (with their corrections).
   */
  private long repairCredit(Node deduction, PointRule.RepairNeeds needs) {
    Account a = accounts.get(deduction.e.resident());
    long sum = 0;
    for (int i = a.nodes.size() - 1; i >= 0; i--) {
      Node n = a.nodes.get(i);
      if (n.e.seq() <= deduction.e.seq()) {
        break;
      }
      if (n.e.kind() == EntryKind.RECOGNISE && needs.rules().contains(n.e.rule().orElseThrow())) {
        sum += counting(n);
      }
    }
    return sum;
  }

  private long expire(Entry e) {
    Node t = target(e);
    noPoints(e);
    if (t.e.kind() != EntryKind.RECOGNISE && t.e.kind() != EntryKind.DEDUCT) {
      throw refuse(
          Code.NOT_APPLICABLE,
          "an expiry concerns a recognition or deduction; entry "
              + t.e.seq()
              + " is a "
              + t.e.kind());
    }
    PointRule r = rules.get(t.e.rule().orElseThrow());
    if (r.expiresAfterDays().isEmpty()) {
      throw refuse(Code.NOT_APPLICABLE, "rule " + r.code() + " does not expire");
    }
    counts(t);
    Instant due = t.e.at().atZone(zone).plusDays(r.expiresAfterDays().getAsInt()).toInstant();
    if (e.at().isBefore(due)) {
      throw refuse(
          Code.EXPIRY_TOO_EARLY,
          "entry "
              + t.e.seq()
              + " expires "
              + r.expiresAfterDays().getAsInt()
              + " days after it was made, at "
              + due);
    }
    return -counting(t);
  }

  private long correct(Entry e) {
    Node t = target(e);
    switch (t.e.kind()) {
      case APPEAL_FILED, APPEAL_UPHELD, APPEAL_VOIDED, EXPIRE, APPEAL_REVIEW, APPEAL_ESCALATED ->
          throw refuse(
              Code.NOT_APPLICABLE,
              "a correction concerns an entry with points; entry "
                  + t.e.seq()
                  + " is a "
                  + t.e.kind());
      default -> {
        // an entry with points
      }
    }
    counts(t);
    if (e.points() == 0) {
      throw refuse(Code.POINTS_OUT_OF_RANGE, "a correction with 0 points corrects nothing");
    }
    return e.points();
  }

  private Node target(Entry e) {
    long ref = e.refersTo().orElseThrow();
    if (ref < 1 || ref > nodes.size()) {
      throw refuse(
          Code.UNKNOWN_ENTRY, "refers to entry " + ref + ", which the ledger does not have");
    }
    Node t = nodes.get((int) (ref - 1));
    if (!t.e.resident().equals(e.resident())) {
      throw refuse(
          Code.OTHER_RESIDENT,
          "refers to entry " + ref + " of resident " + t.e.resident() + ", not " + e.resident());
    }
    return t;
  }

  private static void noPoints(Entry e) {
    if (e.points() != 0) {
      throw refuse(
          Code.POINTS_OUT_OF_RANGE,
          "a " + e.kind() + " entry carries no points, not " + e.points());
    }
  }

  private static void appealable(Node t) {
    if (t.e.kind() != EntryKind.RECOGNISE && t.e.kind() != EntryKind.DEDUCT) {
      throw refuse(
          Code.NOT_APPLICABLE,
          "an appeal concerns a recognition or deduction; entry "
              + t.e.seq()
              + " is a "
              + t.e.kind());
    }
    counts(t);
  }

  private static void counts(Node t) {
    if (!t.counts) {
      throw refuse(
          Code.ALREADY_VOID, "entry " + t.e.seq() + " already counts zero (" + t.zeroBecause + ")");
    }
  }

  /** What an entry and the repairs and corrections that concern it count now. */
  private static long counting(Node t) {
    long sum = 0;
    Deque<Node> todo = new ArrayDeque<>();
    todo.push(t);
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      if (n.counts) {
        sum += n.effective;
      }
      n.dependents.forEach(todo::push);
    }
    return sum;
  }

  // ------------------------------------------------------------------ applying

  private void apply(Entry e) {
    long delta = delta(e);
    Account a = accounts.computeIfAbsent(e.resident(), r -> new Account(r, scheme.start()));
    Node n = new Node(e);
    nodes.add(n);
    a.nodes.add(n);
    a.balance += delta;
    last = e.at();
    switch (e.kind()) {
      case RECOGNISE -> {
        n.effective = e.points();
        PointRule r = rules.get(e.rule().orElseThrow());
        if (r.capPerMonth().isPresent()) {
          a.capUse.merge(capKey(r, day(e.at())), e.points(), Long::sum);
        }
      }
      case DEDUCT, REDEEM, CORRECT -> n.effective = e.points();
      case REPAIR -> {
        n.effective = delta;
        n.effectiveRecorded = delta;
        target(e).restored += delta;
      }
      case APPEAL_FILED -> {
        Node t = target(e);
        t.appeal = AppealStatus.OPEN;
        t.appealSeq = e.seq();
        a.openAppeals++;
      }
      case APPEAL_UPHELD -> {
        Node t = target(e);
        t.appeal = AppealStatus.UPHELD;
        t.decisionSeq = e.seq();
        a.openAppeals--;
      }
      case APPEAL_VOIDED -> {
        Node t = target(e);
        t.appeal = AppealStatus.VOIDED;
        t.decisionSeq = e.seq();
        a.openAppeals--;
        zero(a, t, "voided on appeal by entry " + e.seq());
      }
      case EXPIRE -> zero(a, target(e), "expired by entry " + e.seq());
      case APPEAL_REVIEW -> {
        Node t = target(e);
        t.appeal = AppealStatus.UNDER_REVIEW;
        t.reviewSeq = e.seq();
      }
      case APPEAL_ESCALATED -> {
        Node t = target(e);
        t.appeal = AppealStatus.ESCALATED;
        t.escalationSeq = e.seq();
      }
    }
    if (e.kind().refersToAnEntry()) {
      Node t = target(e);
      t.addHistory(e);
      if (e.kind() == EntryKind.REPAIR || e.kind() == EntryKind.CORRECT) {
        t.addDependent(n);
      }
    }
  }

  /** Makes an entry and everything that depends on it count zero from now on. */
  private void zero(Account a, Node t, String why) {
    Deque<Node> todo = new ArrayDeque<>();
    todo.push(t);
    boolean first = true;
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      if (n.counts) {
        n.counts = false;
        n.zeroBecause = first ? why : "entry " + n.e.refersTo().getAsLong() + " counts zero";
        if (n.e.kind() == EntryKind.RECOGNISE) {
          PointRule r = rules.get(n.e.rule().orElseThrow());
          if (r.capPerMonth().isPresent()) {
            a.capUse.merge(capKey(r, day(n.e.at())), -n.e.points(), Long::sum);
          }
        }
      }
      first = false;
      n.dependents.forEach(todo::push);
    }
  }

  private LocalDate day(Instant t) {
    return LocalDate.ofInstant(t, zone);
  }

  /** The key of a rule's use in a calendar month: the rule's index and the month, packed. */
  private long capKey(PointRule rule, LocalDate day) {
    return ((long) ruleIndex.get(rule.code()) << 32) | (day.getYear() * 12L + day.getMonthValue());
  }

  // ------------------------------------------------------------------ the book

  /**
   * The book now: every resident's account, as of the options' {@code asOf} when given, else as of
   * the last entry.
   *
   * @return the book
   */
  public CreditBook book() {
    Optional<Instant> asOf =
        options.asOf().isPresent() ? options.asOf() : Optional.ofNullable(last);
    List<CreditAccount> out = new ArrayList<>(accounts.size());
    for (Account a : new TreeMap<>(accounts).values()) {
      List<StatementLine> lines = new ArrayList<>(a.nodes.size());
      for (Node n : a.nodes) {
        lines.add(line(n, asOf));
      }
      out.add(
          new CreditAccount(
              a.resident,
              a.balance,
              scheme.levelOf(a.balance).name(),
              a.nodes.size(),
              a.openAppeals,
              lines));
    }
    return new CreditBook(asOf, nodes.size(), out);
  }

  private StatementLine line(Node n, Optional<Instant> asOf) {
    Entry e = n.e;
    Optional<PointRule> r = e.rule().map(rules::get);
    List<String> notes = new ArrayList<>();
    for (Entry h : n.history) {
      switch (h.kind()) {
        case APPEAL_FILED -> {
          Instant by = options.calendar().plus(h.at(), scheme.appeal().decideWithin());
          String note = "appealed by " + h.by() + " (entry " + h.seq() + "), decide by " + by;
          if ((n.appeal == AppealStatus.OPEN || n.appeal == AppealStatus.UNDER_REVIEW)
              && n.appealSeq == h.seq()
              && asOf.isPresent()
              && asOf.get().isAfter(by)) {
            note += "; overdue: escalate";
          }
          notes.add(note);
        }
        case APPEAL_UPHELD ->
            notes.add(
                "appeal rejected by " + h.by() + " (entry " + h.seq() + "): the entry stands");
        case APPEAL_VOIDED ->
            notes.add(
                "appeal upheld by "
                    + h.by()
                    + " (entry "
                    + h.seq()
                    + "): voided, counts 0 from then");
        case APPEAL_REVIEW ->
            notes.add("taken for review by " + h.by() + " (entry " + h.seq() + ")");
        case APPEAL_ESCALATED ->
            notes.add(
                "not decided in time: escalated"
                    + h.evidence().map(to -> " to " + to).orElse("")
                    + " by "
                    + h.by()
                    + " (entry "
                    + h.seq()
                    + ")");
        case REPAIR -> notes.add("repaired " + repaired(h) + " (entry " + h.seq() + ")");
        case EXPIRE -> notes.add("expired (entry " + h.seq() + "), counts 0 from then");
        case CORRECT ->
            notes.add("corrected by " + signed(h.points()) + " (entry " + h.seq() + ")");
        default -> {
          // entries without refersTo are never in a history
        }
      }
    }
    if (!n.counts
        && !n.zeroBecause.isEmpty()
        && !n.zeroBecause.startsWith("voided")
        && !n.zeroBecause.startsWith("expired")) {
      notes.add("counts 0: " + n.zeroBecause);
    }
    if (n.counts
        && r.isPresent()
        && r.get().expiresAfterDays().isPresent()
        && (e.kind() == EntryKind.RECOGNISE || e.kind() == EntryKind.DEDUCT)) {
      notes.add(
          "may expire from "
              + e.at().atZone(zone).plusDays(r.get().expiresAfterDays().getAsInt()).toInstant());
    }
    if (n.counts
        && e.kind() == EntryKind.DEDUCT
        && r.isPresent()
        && r.get().repairable()
        && n.restored < r.get().repairLimit(e.points())) {
      PointRule rule = r.get();
      String note = "repairable from " + day(e.at()).plusDays(rule.repairAfterDays());
      if (rule.repairNeeds().isPresent()) {
        PointRule.RepairNeeds needs = rule.repairNeeds().get();
        note +=
            " once "
                + needs.points()
                + " points of "
                + String.join(", ", needs.rules())
                + " are recognised after it";
      }
      if (rule.repairPercent() < 100) {
        note += ", at most " + rule.repairLimit(e.points()) + " points";
      }
      notes.add(note);
    }
    if (n.appeal == AppealStatus.NONE
        && n.counts
        && (e.kind() == EntryKind.RECOGNISE || e.kind() == EntryKind.DEDUCT)) {
      Instant closes = options.calendar().plus(e.at(), scheme.appeal().fileWithin());
      if (asOf.isEmpty() || !asOf.get().isAfter(closes)) {
        notes.add("may be appealed until " + closes);
      }
    }
    return new StatementLine(
        e.seq(),
        e.at(),
        e.kind(),
        e.rule(),
        r.map(PointRule::name),
        r.map(PointRule::basis),
        e.kind() == EntryKind.REPAIR ? n.effectiveRecorded : e.points(),
        n.counts ? n.effective : 0,
        e.by(),
        e.evidence(),
        e.refersTo(),
        n.appeal,
        n.history,
        notes);
  }

  private String repaired(Entry h) {
    Node repair = nodes.get((int) (h.seq() - 1));
    return signed(repair.effectiveRecorded);
  }

  private static String signed(long v) {
    return v > 0 ? "+" + v : Long.toString(v);
  }

  /** The replay's state of one entry. */
  private static final class Node {
    final Entry e;
    // most entries are never appealed, repaired or corrected: the lists are made on first use
    List<Entry> history = List.of();
    List<Node> dependents = List.of();
    boolean counts = true;
    String zeroBecause = "";
    long effective;
    long effectiveRecorded;
    long restored;
    AppealStatus appeal = AppealStatus.NONE;
    long appealSeq;
    long decisionSeq;
    long reviewSeq;
    long escalationSeq;

    Node(Entry e) {
      this.e = e;
    }

    void addHistory(Entry h) {
      if (history.isEmpty()) {
        history = new ArrayList<>(2);
      }
      history.add(h);
    }

    void addDependent(Node n) {
      if (dependents.isEmpty()) {
        dependents = new ArrayList<>(2);
      }
      dependents.add(n);
    }
  }

  /** The replay's state of one resident. */
  private static final class Account {
    final String resident;
    final List<Node> nodes = new ArrayList<>();
    final Map<Long, Long> capUse = new HashMap<>();
    long balance;
    int openAppeals;

    Account(String resident, long start) {
      this.resident = resident;
      this.balance = start;
    }
  }
}
