package org.gridgov.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.gridgov.core.cases.Case;
import org.gridgov.core.cases.Transition;
import org.gridgov.core.json.GridGovJson;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.fixtures.CityMaker;
import org.gridgov.fixtures.CityPlan;
import org.gridgov.lab.CaseLoop;
import org.gridgov.lab.CaseStream;
import org.gridgov.lab.CaseStreamSpec;
import org.gridgov.lab.City;
import org.gridgov.lab.PolicyVariant;
import org.gridgov.rules.PolicySets;
import org.gridgov.scoring.CaseLog;
import org.gridgov.scoring.FactRules;
import org.gridgov.scoring.Scorecard;
import org.gridgov.scoring.Scorer;
import org.gridgov.scoring.ScoringSchemes;
import org.gridgov.scoring.UnitKind;

/**
 * A generated city's case history for the score tests: grid-lab's {@link CaseLoop} runs a generated
 * stream of incidents through the loop (filing, dispatch, handling, checks, follow-ups), so the
 * cases carry real audit trails; written as JSON Lines with the city's hierarchy, as {@code gridgov
 * score --cases --hierarchy} reads them.
 */
final class ScoreCity {
  /** Every kind can be scored: the shipped region scheme with its unit kinds cleared. */
  static final Scorer SCORER =
      Scorer.of(ScoringSchemes.builtIn("gbt30428-region").toBuilder().unitKinds(Set.of()).build());

  final City city;
  final List<Case> cases;
  final Path casesFile;
  final Path hierarchyFile;
  final Path schemeFile;

  private ScoreCity(City city, List<Case> cases, Path dir) throws IOException {
    this.city = city;
    this.cases = cases;
    this.casesFile = dir.resolve("cases.jsonl");
    this.hierarchyFile = dir.resolve("hierarchy.json");
    this.schemeFile = dir.resolve("scheme.json");
    try (Writer w = Files.newBufferedWriter(casesFile, StandardCharsets.UTF_8)) {
      GridGovJson.writeCases(cases, w);
    }
    try (OutputStream o = Files.newOutputStream(hierarchyFile)) {
      GridGovJson.writeHierarchy(city.hierarchy(), o);
    }
    ScoringSchemes.write(SCORER.scheme(), schemeFile);
  }

  /**
   * Generates a city and its cases.
   *
   * @param days days of incidents from 2026-01-05
   * @param perWorkingDay incidents per working day
   * @param dir where the files go
   */
  static ScoreCity generate(int days, double perWorkingDay, long seed, Path dir)
      throws IOException {
    City city =
        City.of(
            CityMaker.generate(CityPlan.uniform(3, 3, 4), seed),
            PolicySets.sampleLists(),
            WorkCalendar.standard());
    CaseStream stream =
        CaseStream.generate(
            city, CaseStreamSpec.of(LocalDate.of(2026, 1, 5), days, perWorkingDay), seed);
    List<Case> cases =
        CaseLoop.of(city, PolicyVariant.builder("baseline").build()).run(stream).cases();
    return new ScoreCity(city, cases, dir);
  }

  /** The latest time in the cases, as {@code gridgov score} takes the as-of instant. */
  Instant latest() {
    Instant latest = Instant.EPOCH;
    for (Case c : cases) {
      if (c.reportedAt().isAfter(latest)) {
        latest = c.reportedAt();
      }
      for (Transition t : c.trail()) {
        if (t.at().isAfter(latest)) {
          latest = t.at();
        }
      }
    }
    return latest;
  }

  /** The single-JVM log, built as {@code gridgov score} builds it. */
  CaseLog log() {
    FactRules rules = FactRules.builder(latest()).hierarchy(city.hierarchy()).build();
    CaseLog.Builder b = rules.newLog();
    for (Case c : cases) {
      b.add(rules.derive(c));
    }
    return b.build();
  }

  /** Renders scorecards completely, so that two lists are equal exactly when they agree. */
  static String render(List<Scorecard> cards) {
    StringBuilder b = new StringBuilder();
    for (Scorecard c : cards) {
      b.append(c.period()).append(' ').append(c.kind()).append(" as of ").append(c.asOf());
      b.append(": ").append(c.scoredCount()).append(" of ").append(c.size());
      b.append(", last ").append(c.lastPlace()).append('\n');
      for (Scorecard.UnitScore u : c.units()) {
        b.append("  ").append(u).append('\n');
        b.append("  counts ").append(c.counts(u.unit()).orElseThrow()).append('\n');
        b.append(c.explain(u.unit()).orElseThrow().render());
      }
    }
    return b.toString();
  }

  static UnitKind[] kinds() {
    return UnitKind.values();
  }
}
