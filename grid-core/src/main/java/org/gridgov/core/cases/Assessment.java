package org.gridgov.core.cases;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The facts that assessment (考核) needs about a case beyond its trail, typed and each optional: who
 * was responsible, which department handled it, the follow-up visit (回访) and the whistling street's
 * reverse grade (吹哨报到 反向评价). Carried by {@link Case#assessment()}; {@link #NONE} when nothing is
 * known. Immutable; build one with {@link #builder()}.
 *
 * <p>In the case JSON format (version 2) these are the members of {@code "assessment"}; version-1
 * documents carried them as strings in {@code attributes} under the {@link #ATTRIBUTE_NAMES}, and
 * are still read that way.
 *
 * @param worker the responsible grid worker's id
 * @param department the handling department's id (never inferred from a grid id)
 * @param community the community id, for scoring without a grid hierarchy
 * @param street the street id, for scoring without a grid hierarchy
 * @param followUp whether the follow-up visit was valid
 * @param contacted whether the citizen says the handler contacted them
 * @param resolved whether the citizen says the matter was resolved
 * @param reverseGrade the whistling street's grade of the department, 0–100; only on a case whose
 *     trail has an ESCALATE step (checked when a case is read)
 */
public record Assessment(
    Optional<String> worker,
    Optional<String> department,
    Optional<String> community,
    Optional<String> street,
    Optional<FollowUp> followUp,
    Optional<Boolean> contacted,
    Optional<Boolean> resolved,
    OptionalInt reverseGrade) {

  /** No facts known. */
  public static final Assessment NONE =
      new Assessment(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          OptionalInt.empty());

  /** Version-1 attribute name of {@link #worker()}. */
  public static final String WORKER = "worker";

  /** Version-1 attribute name of {@link #department()}. */
  public static final String DEPARTMENT = "department";

  /** Version-1 attribute name of {@link #community()}. */
  public static final String COMMUNITY = "community";

  /** Version-1 attribute name of {@link #street()}. */
  public static final String STREET = "street";

  /** Version-1 attribute name of {@link #followUp()}: {@code valid} or {@code invalid}. */
  public static final String FOLLOW_UP = "follow_up";

  /** Version-1 attribute name of {@link #contacted()}: {@code true} or {@code false}. */
  public static final String CONTACTED = "contacted";

  /** Version-1 attribute name of {@link #resolved()}: {@code true} or {@code false}. */
  public static final String RESOLVED = "resolved";

  /** Version-1 attribute name of {@link #reverseGrade()}: a whole number 0–100. */
  public static final String REVERSE_GRADE = "reverse_grade";

  /** The version-1 attribute names of the facts, reserved in version 2. */
  public static final Set<String> ATTRIBUTE_NAMES =
      Set.of(WORKER, DEPARTMENT, COMMUNITY, STREET, FOLLOW_UP, CONTACTED, RESOLVED, REVERSE_GRADE);

  /** Whether a follow-up visit (回访) counts. */
  public enum FollowUp {
    /** The visit reached the reporter and counts. */
    VALID,
    /** The visit does not count (unreachable, refused, …); a rating then contradicts it. */
    INVALID
  }

  /**
   * Checks the fields.
   *
   * @param worker the worker
   * @param department the department
   * @param community the community
   * @param street the street
   * @param followUp the follow-up
   * @param contacted contacted
   * @param resolved resolved
   * @param reverseGrade the reverse grade
   * @throws IllegalArgumentException for a blank id or a grade outside 0–100
   */
  public Assessment {
    Objects.requireNonNull(worker, "worker");
    Objects.requireNonNull(department, "department");
    Objects.requireNonNull(community, "community");
    Objects.requireNonNull(street, "street");
    Objects.requireNonNull(followUp, "followUp");
    Objects.requireNonNull(contacted, "contacted");
    Objects.requireNonNull(resolved, "resolved");
    Objects.requireNonNull(reverseGrade, "reverseGrade");
    notBlank("worker", worker);
    notBlank("department", department);
    notBlank("community", community);
    notBlank("street", street);
    checkArgument(
        reverseGrade.isEmpty() || (reverseGrade.getAsInt() >= 0 && reverseGrade.getAsInt() <= 100),
        "a reverse grade is a whole number 0–100, not %s",
        reverseGrade);
  }

  private static void notBlank(String what, Optional<String> id) {
    checkArgument(id.isEmpty() || !id.get().isBlank(), "the %s id is blank", what);
  }

  /**
   * A builder with nothing set.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder(NONE);
  }

  /**
   * A builder starting from these facts.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Whether no fact is known.
   *
   * @return true for {@link #NONE}
   */
  public boolean isEmpty() {
    return equals(NONE);
  }

  /** Collects the facts. Not thread-safe. */
  public static final class Builder {
    private Optional<String> worker;
    private Optional<String> department;
    private Optional<String> community;
    private Optional<String> street;
    private Optional<FollowUp> followUp;
    private Optional<Boolean> contacted;
    private Optional<Boolean> resolved;
    private OptionalInt reverseGrade;

    private Builder(Assessment a) {
      worker = a.worker;
      department = a.department;
      community = a.community;
      street = a.street;
      followUp = a.followUp;
      contacted = a.contacted;
      resolved = a.resolved;
      reverseGrade = a.reverseGrade;
    }

    /**
     * Sets the responsible worker.
     *
     * @param id the worker id
     * @return this builder
     */
    public Builder worker(String id) {
      this.worker = Optional.of(id);
      return this;
    }

    /**
     * Sets the handling department.
     *
     * @param id the department id
     * @return this builder
     */
    public Builder department(String id) {
      this.department = Optional.of(id);
      return this;
    }

    /**
     * Sets the community.
     *
     * @param id the community id
     * @return this builder
     */
    public Builder community(String id) {
      this.community = Optional.of(id);
      return this;
    }

    /**
     * Sets the street.
     *
     * @param id the street id
     * @return this builder
     */
    public Builder street(String id) {
      this.street = Optional.of(id);
      return this;
    }

    /**
     * Sets the follow-up validity.
     *
     * @param value valid or invalid
     * @return this builder
     */
    public Builder followUp(FollowUp value) {
      this.followUp = Optional.of(value);
      return this;
    }

    /**
     * Sets whether the citizen was contacted.
     *
     * @param value the answer
     * @return this builder
     */
    public Builder contacted(boolean value) {
      this.contacted = Optional.of(value);
      return this;
    }

    /**
     * Sets whether the matter was resolved.
     *
     * @param value the answer
     * @return this builder
     */
    public Builder resolved(boolean value) {
      this.resolved = Optional.of(value);
      return this;
    }

    /**
     * Sets the reverse grade.
     *
     * @param value 0–100
     * @return this builder
     */
    public Builder reverseGrade(int value) {
      this.reverseGrade = OptionalInt.of(value);
      return this;
    }

    /**
     * Builds the facts.
     *
     * @return the facts
     * @throws IllegalArgumentException for a blank id or a grade outside 0–100
     */
    public Assessment build() {
      return new Assessment(
          worker, department, community, street, followUp, contacted, resolved, reverseGrade);
    }
  }
}
