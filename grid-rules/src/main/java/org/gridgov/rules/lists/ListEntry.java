package org.gridgov.rules.lists;

/**
 * An entry of the access list or of the prohibited list: the two kinds of entry that can decide an
 * {@link Admission}.
 */
public sealed interface ListEntry permits AccessEntry, ProhibitedEntry {
  /**
   * The item the entry is about.
   *
   * @return the item code
   */
  String itemCode();
}
