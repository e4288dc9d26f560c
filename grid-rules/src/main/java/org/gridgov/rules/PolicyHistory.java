package org.gridgov.rules;

import java.io.InputStream;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.io.Problems;

/**
 * The versions of a city's rules over time, so that a case is judged by the {@link PolicySet} in
 * force on the day it happened, not by today's rules.
 *
 * <p>Versions may leave gaps between them but must not overlap, and only the last may be
 * open-ended. Read one with {@link #read(Path)}; the shipped sample is {@link
 * PolicySets#shipped()}. Immutable and thread-safe. Serializable: the serial form is a format
 * version and the versions' own compact serial forms.
 */
public final class PolicyHistory implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<PolicySet> versions;

  private PolicyHistory(List<PolicySet> versions) {
    this.versions = versions;
  }

  /**
   * A history of versions, in any order.
   *
   * @param versions the versions, at least one, with distinct names
   * @return the history, sorted by {@code validFrom}
   * @throws IllegalArgumentException when empty, a name repeats, or two versions overlap
   */
  public static PolicyHistory of(List<PolicySet> versions) {
    if (versions.isEmpty()) {
      throw new IllegalArgumentException("a policy history needs at least one version");
    }
    List<PolicySet> sorted = new ArrayList<>(versions);
    sorted.forEach(v -> Objects.requireNonNull(v, "version"));
    sorted.sort(Comparator.comparing(PolicySet::validFrom));
    Set<String> names = new HashSet<>();
    for (int i = 0; i < sorted.size(); i++) {
      PolicySet v = sorted.get(i);
      if (!names.add(v.version())) {
        throw new IllegalArgumentException(
            "policy version " + Problems.quote(v.version()) + " appears twice");
      }
      if (i > 0) {
        PolicySet prev = sorted.get(i - 1);
        if (prev.validTo().isEmpty() || !prev.validTo().get().isBefore(v.validFrom())) {
          throw new IllegalArgumentException(
              "policy versions "
                  + Problems.quote(prev.version())
                  + " ("
                  + prev.validFrom()
                  + " to "
                  + prev.validTo().map(LocalDate::toString).orElse("open")
                  + ") and "
                  + Problems.quote(v.version())
                  + " (from "
                  + v.validFrom()
                  + ") overlap");
        }
      }
    }
    return new PolicyHistory(List.copyOf(sorted));
  }

  /**
   * Reads a policy history document from a file: {@code {"format": "gridgov-policy-history/1",
   * "versions": [policy, ...]}}; files the versions refer to are resolved against its directory and
   * must lie under it ({@link PolicySets.Parts#UNDER_DOCUMENT}).
   *
   * @param file the history document
   * @return the history
   * @throws InvalidInputException naming the file and pointer of the first problem
   */
  public static PolicyHistory read(Path file) {
    return PolicySets.readHistory(file, PolicySets.Parts.UNDER_DOCUMENT);
  }

  /**
   * Reads a policy history document from a file, choosing where the files it refers to may lie.
   *
   * @param file the history document
   * @param parts {@link PolicySets.Parts#UNDER_DOCUMENT} (the default of {@link #read(Path)}) or
   *     {@link PolicySets.Parts#ANYWHERE}
   * @return the history
   * @throws InvalidInputException naming the file and pointer of the first problem
   */
  public static PolicyHistory read(Path file, PolicySets.Parts parts) {
    return PolicySets.readHistory(file, parts);
  }

  /**
   * Reads a policy history document from a stream; files the versions refer to are resolved against
   * the directory of {@code sourceName} taken as a path, and must lie under it.
   *
   * @param in the stream, read fully and not closed
   * @param sourceName the document's name, used in messages and to resolve references
   * @return the history
   * @throws InvalidInputException naming the source and pointer of the first problem
   */
  public static PolicyHistory read(InputStream in, String sourceName) {
    return PolicySets.readHistory(in, sourceName);
  }

  /**
   * The versions, earliest first.
   *
   * @return the versions
   */
  public List<PolicySet> versions() {
    return versions;
  }

  /**
   * The version in force on a day.
   *
   * @param date the day
   * @return the version, or empty before the first version or in a gap
   */
  public Optional<PolicySet> at(LocalDate date) {
    Objects.requireNonNull(date, "date");
    int lo = 0;
    int hi = versions.size() - 1;
    int found = -1;
    while (lo <= hi) { // the last version starting on or before the date
      int mid = (lo + hi) >>> 1;
      if (versions.get(mid).validFrom().isAfter(date)) {
        hi = mid - 1;
      } else {
        found = mid;
        lo = mid + 1;
      }
    }
    return found < 0 || !versions.get(found).inForceOn(date)
        ? Optional.empty()
        : Optional.of(versions.get(found));
  }

  /**
   * The version in force at a moment, in a time zone's calendar.
   *
   * @param moment the moment, such as a case's report time
   * @param zone the zone whose date counts, such as {@code Asia/Shanghai}
   * @return the version, if any
   */
  public Optional<PolicySet> at(Instant moment, ZoneId zone) {
    return at(LocalDate.ofInstant(moment, zone));
  }

  /**
   * The latest version.
   *
   * @return the version starting last
   */
  public PolicySet latest() {
    return versions.get(versions.size() - 1);
  }

  /**
   * The version with a name.
   *
   * @param version the name
   * @return the version, if any
   */
  public Optional<PolicySet> version(String version) {
    return versions.stream().filter(v -> v.version().equals(version)).findFirst();
  }

  @Serial
  private Object writeReplace() {
    return new SerialForm(versions.toArray(new PolicySet[0]));
  }

  @Serial
  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("a PolicyHistory is read through its serial form");
  }

  /** The serial form: a format version and the versions, earliest first. */
  private static final class SerialForm implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int VERSION = 1;

    /** The serial format version. */
    private final int version;

    /** The versions. */
    private final PolicySet[] versions;

    SerialForm(PolicySet[] versions) {
      this.version = VERSION;
      this.versions = versions;
    }

    @Serial
    private Object readResolve() throws InvalidObjectException {
      if (version != VERSION) {
        throw new InvalidObjectException(
            "unsupported serial version "
                + version
                + " of a policy history; this reads "
                + VERSION);
      }
      try {
        return PolicyHistory.of(List.of(versions));
      } catch (RuntimeException e) {
        InvalidObjectException x = new InvalidObjectException("corrupt policy history: " + e);
        x.initCause(e);
        throw x;
      }
    }
  }
}
