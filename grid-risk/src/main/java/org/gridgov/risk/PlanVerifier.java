package org.gridgov.risk;

import java.util.List;

/** Verifies plan sets (filled by the plans work; package-private). */
final class PlanVerifier {
  private PlanVerifier() {}

  static List<PlanFinding> verify(PlanSet set) {
    throw new UnsupportedOperationException("PlanVerifier.verify: not built yet");
  }
}
