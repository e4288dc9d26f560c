package org.gridgov.rules.lists;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer of an {@link AdmissionCheck}: may a department assign an item to the grid workers of a
 * level on a date, why, and which entry decided it.
 *
 * @param reason why it is allowed or denied
 * @param decidingEntry the access or prohibited entry that decided it; empty when no entry did
 *     (unknown item, nothing on the access list)
 * @param explanation one line for a person, naming the entry's position such as {@code /access/3}
 */
public record Admission(
    AdmissionReason reason, Optional<ListEntry> decidingEntry, String explanation) {
  /**
   * Validates the answer.
   *
   * @param reason the reason
   * @param decidingEntry the deciding entry, if any
   * @param explanation the explanation
   */
  public Admission {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(decidingEntry, "decidingEntry");
    Objects.requireNonNull(explanation, "explanation");
  }

  /**
   * Whether the assignment is allowed.
   *
   * @return true when admitted
   */
  public boolean allowed() {
    return reason.allows();
  }
}
