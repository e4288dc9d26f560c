package org.gridgov.credit;

import java.util.Objects;

/**
 * Why the ledger service ({@link CreditLedger}) refused a read of a credit file or of aggregates.
 * Immutable.
 *
 * @param code the typed reason
 * @param reason the reason in one sentence, naming the principal and the subject
 */
public record ReadRefusal(Code code, String reason) {
  /** Checks the fields. */
  public ReadRefusal {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(reason, "reason");
  }

  /** The privacy rules a read can break (docs/credit-service.md, "Privacy"). */
  public enum Code {
    /**
     * The principal's role may not read this kind of subject: another resident's file (a resident,
     * or a role the privacy policy does not list as a file reader), or aggregates (a role that is
     * neither a file nor an aggregate reader, or that does not grant reading).
     */
    ROLE_MAY_NOT_READ,
    /** The principal's role reads aggregates only (community staff): no personal file. */
    AGGREGATES_ONLY,
    /** The resident's or community's grid lies outside every grid the principal is bound to. */
    OUT_OF_SCOPE,
    /** The service knows no grid for the resident (or the community is not in the hierarchy). */
    UNKNOWN_SUBJECT
  }
}
