package org.gridgov.rules;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.Finding;
import org.gridgov.core.Findings;
import org.gridgov.core.GridLevel;
import org.gridgov.core.io.Problems;
import org.gridgov.rules.dispatch.Dispatcher;
import org.gridgov.rules.dispatch.EscalationLadder;
import org.gridgov.rules.lists.AdmissionCheck;
import org.gridgov.rules.lists.GovernanceLists;
import org.gridgov.rules.lists.Item;
import org.gridgov.rules.lists.ListConsistencyChecker;
import org.gridgov.rules.table.InputClause;

/**
 * One version of a city's rules: the three lists, the dispatch table and the escalation ladder,
 * with the days they are in force. An old case is judged by the set in force when it happened (see
 * {@link PolicyHistory}); the set in use now is held by a {@link PolicyRegistry}.
 *
 * <p>Read one with {@link PolicySets#read}; the shipped sample is {@link PolicySets#defaults()}.
 *
 * <p>Serializable, to ship a set to another JVM (a Spark broadcast, Flink state): the serial form
 * is a format version, the name and term, and the compact serial forms of the lists, the dispatch
 * table and the escalation ladder (JSON documents and level names, not engine object graphs); the
 * tables are compiled and checked again when it is read.
 *
 * @param version the version's name, such as {@code 2026}
 * @param validFrom the first day in force
 * @param validTo the last day in force (inclusive), empty while no successor is known
 * @param lists the item, authority, access and prohibited lists
 * @param dispatcher the dispatch table's front door
 * @param escalation the escalation ladder, whose level ladder the lists are checked against
 */
public record PolicySet(
    String version,
    LocalDate validFrom,
    Optional<LocalDate> validTo,
    GovernanceLists lists,
    Dispatcher dispatcher,
    EscalationLadder escalation)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Validates the set.
   *
   * @param version the version
   * @param validFrom the first day
   * @param validTo the last day, if known
   * @param lists the lists
   * @param dispatcher the dispatcher
   * @param escalation the escalation ladder
   * @throws IllegalArgumentException when the version is blank or the term ends before it starts
   */
  public PolicySet {
    Objects.requireNonNull(version, "version");
    if (version.isBlank()) {
      throw new IllegalArgumentException("a policy set needs a version name");
    }
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(validTo, "validTo");
    if (validTo.isPresent() && validTo.get().isBefore(validFrom)) {
      throw new IllegalArgumentException(
          "policy " + version + " ends on " + validTo.get() + ", before it starts on " + validFrom);
    }
    Objects.requireNonNull(lists, "lists");
    Objects.requireNonNull(dispatcher, "dispatcher");
    Objects.requireNonNull(escalation, "escalation");
  }

  /**
   * Whether the set is in force on a day.
   *
   * @param date the day
   * @return true from {@code validFrom} to {@code validTo}, both included
   */
  public boolean inForceOn(LocalDate date) {
    return !date.isBefore(validFrom) && validTo.map(t -> !date.isAfter(t)).orElse(true);
  }

  /**
   * The admission check of the set's lists.
   *
   * @return the check
   */
  public AdmissionCheck admission() {
    return lists.admission();
  }

  /**
   * Checks the set as a whole on a day: the lists' consistency against the escalation ladder's
   * levels ({@link ListConsistencyChecker}), then whether the dispatch table accepts every item's
   * category and handling level (an item it does not accept could not be dispatched).
   *
   * @param asOf the day of the check
   * @return the findings, empty when the set is consistent
   */
  public List<Finding> check(LocalDate asOf) {
    List<Finding> out =
        new ArrayList<>(ListConsistencyChecker.of(escalation.levels()).check(lists, asOf));
    InputClause category = input("category");
    InputClause handling = input("handling");
    List<Item> items = lists.items();
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      GridLevel level = item.level();
      if (!category.allowedValues().matches(item.category())) {
        out.add(
            PolicyFinding.notDispatchable(
                item.code(),
                "/items/" + i + "/category/0",
                "category " + Problems.quote(item.category()),
                dispatcher.table().name()));
      }
      if (!handling.allowedValues().matches(level.name())) {
        out.add(
            PolicyFinding.notDispatchable(
                item.code(),
                "/items/" + i + "/level",
                "handling level '" + level + "'",
                dispatcher.table().name()));
      }
    }
    return List.copyOf(out);
  }

  /**
   * Checks the set as a whole on a day, like {@link #check}, and returns the findings as grid-core
   * {@link Findings} (with {@link Findings#hasErrors()} and by-severity views).
   *
   * @param asOf the day of the check
   * @return the findings, empty when the set is consistent
   */
  public Findings findings(LocalDate asOf) {
    return Findings.of(check(asOf));
  }

  private InputClause input(String name) {
    return dispatcher.table().inputs().get(dispatcher.table().inputIndex(name));
  }

  @Serial
  private Object writeReplace() {
    return new SerialForm(this);
  }

  @Serial
  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("a PolicySet is read through its serial form");
  }

  /** The serial form of a {@link PolicySet}. */
  private static final class SerialForm implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int VERSION = 1;

    /** The serial format version. */
    private final int version;

    /** The policy version's name. */
    private final String name;

    /** The first day in force, as an epoch day. */
    private final long validFrom;

    /** The last day in force as an epoch day, or {@link Long#MIN_VALUE} when open-ended. */
    private final long validTo;

    /** The lists (their own compact serial form). */
    private final GovernanceLists lists;

    /** The dispatcher (its own compact serial form). */
    private final Dispatcher dispatcher;

    /** The escalation ladder (its own compact serial form). */
    private final EscalationLadder escalation;

    SerialForm(PolicySet set) {
      this.version = VERSION;
      this.name = set.version();
      this.validFrom = set.validFrom().toEpochDay();
      this.validTo = set.validTo().map(LocalDate::toEpochDay).orElse(Long.MIN_VALUE);
      this.lists = set.lists();
      this.dispatcher = set.dispatcher();
      this.escalation = set.escalation();
    }

    @Serial
    private Object readResolve() throws InvalidObjectException {
      if (version != VERSION) {
        throw new InvalidObjectException(
            "unsupported serial version " + version + " of a policy set; this reads " + VERSION);
      }
      try {
        return new PolicySet(
            name,
            LocalDate.ofEpochDay(validFrom),
            validTo == Long.MIN_VALUE
                ? Optional.empty()
                : Optional.of(LocalDate.ofEpochDay(validTo)),
            lists,
            dispatcher,
            escalation);
      } catch (RuntimeException e) {
        InvalidObjectException x = new InvalidObjectException("corrupt policy set: " + e);
        x.initCause(e);
        throw x;
      }
    }
  }
}
