package org.gridgov.lab;

import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a generated case stream looks like: its period, how many cases a working day brings, and the
 * shares of the special cases. The defaults are realistic orders of magnitude, not quotations:
 * about one case a day per thousand households, 10 % urgent, 4 % invalid reports, 2 % reported just
 * outside or at the edge of the city, 3 % suspended, 12 % sent back once at verification (3 %
 * twice), 4 % first dispatched to the wrong handler, 70 % reached at the follow-up visit.
 *
 * <p>Serializable as a record: reading one back goes through the validating constructor.
 *
 * @param start the first day
 * @param days the number of days
 * @param casesPerWorkingDay the mean number of cases on a working day (weekends and holidays bring
 *     about a third)
 * @param urgentShare share of urgent cases
 * @param invalidShare share of invalid reports (rejected at filing)
 * @param outsideShare share of reports with a position drawn anywhere around the city, some outside
 * @param suspensionShare share of cases suspended once during handling
 * @param reworkShare share of cases sent back at verification at least once
 * @param misdirectedShare share of cases whose first dispatch is returned
 * @param followUpShare share of closed cases whose reporter is reached for a rating
 */
public record CaseStreamSpec(
    LocalDate start,
    int days,
    double casesPerWorkingDay,
    double urgentShare,
    double invalidShare,
    double outsideShare,
    double suspensionShare,
    double reworkShare,
    double misdirectedShare,
    double followUpShare)
    implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  /**
   * Validates.
   *
   * @param start the first day
   * @param days the number of days, 1–3660
   * @param casesPerWorkingDay mean cases per working day, 0–100000
   * @param urgentShare a share in [0, 1]
   * @param invalidShare a share in [0, 1]
   * @param outsideShare a share in [0, 1]
   * @param suspensionShare a share in [0, 1]
   * @param reworkShare a share in [0, 0.8]
   * @param misdirectedShare a share in [0, 1]
   * @param followUpShare a share in [0, 1]
   */
  public CaseStreamSpec {
    Objects.requireNonNull(start, "start");
    if (days < 1 || days > 3660) {
      throw new IllegalArgumentException("days must be in [1, 3660]: " + days);
    }
    if (!(casesPerWorkingDay >= 0 && casesPerWorkingDay <= 100_000)) {
      throw new IllegalArgumentException(
          "casesPerWorkingDay must be in [0, 100000]: " + casesPerWorkingDay);
    }
    share("urgentShare", urgentShare, 1);
    share("invalidShare", invalidShare, 1);
    share("outsideShare", outsideShare, 1);
    share("suspensionShare", suspensionShare, 1);
    share("reworkShare", reworkShare, 0.8);
    share("misdirectedShare", misdirectedShare, 1);
    share("followUpShare", followUpShare, 1);
  }

  private static void share(String name, double v, double max) {
    if (!(v >= 0 && v <= max)) {
      throw new IllegalArgumentException(name + " must be in [0, " + max + "]: " + v);
    }
  }

  /**
   * The default shares for a period and volume.
   *
   * @param start the first day
   * @param days the number of days
   * @param casesPerWorkingDay mean cases per working day
   * @return the spec
   */
  public static CaseStreamSpec of(LocalDate start, int days, double casesPerWorkingDay) {
    return new CaseStreamSpec(
        start, days, casesPerWorkingDay, 0.10, 0.04, 0.02, 0.03, 0.12, 0.04, 0.7);
  }

  /**
   * A copy with another volume.
   *
   * @param perDay mean cases per working day
   * @return the copy
   */
  public CaseStreamSpec withCasesPerWorkingDay(double perDay) {
    return new CaseStreamSpec(
        start,
        days,
        perDay,
        urgentShare,
        invalidShare,
        outsideShare,
        suspensionShare,
        reworkShare,
        misdirectedShare,
        followUpShare);
  }

  /**
   * A copy with another period.
   *
   * @param first the first day
   * @param count the number of days
   * @return the copy
   */
  public CaseStreamSpec withPeriod(LocalDate first, int count) {
    return new CaseStreamSpec(
        first,
        count,
        casesPerWorkingDay,
        urgentShare,
        invalidShare,
        outsideShare,
        suspensionShare,
        reworkShare,
        misdirectedShare,
        followUpShare);
  }
}
