/**
 * Assessment (考核): indicators, scoring schemes, scorecards and rankings of grids, workers,
 * communities, streets and departments, computed from cases and their audit trails.
 *
 * <p><b>Start with</b> {@link org.gridgov.scoring.FactRules}: it derives the assessment facts of
 * each case (closed, on time, reworked, rated, overdue at the as-of instant) into a columnar {@link
 * org.gridgov.scoring.CaseLog}. Then a {@link org.gridgov.scoring.Scorer} of a {@link
 * org.gridgov.scoring.ScoringScheme} (built in, {@link org.gridgov.scoring.ScoringSchemes#builtIn},
 * or read from JSON, {@link org.gridgov.scoring.ScoringSchemes#read(java.nio.file.Path)}) scores a
 * {@link org.gridgov.scoring.ScoringPeriod} for one {@link org.gridgov.scoring.UnitKind} into a
 * {@link org.gridgov.scoring.Scorecard}: the ranking, each unit's explanation, the last place. See
 * {@code docs/scoring.md}.
 *
 * <pre>{@code
 * FactRules rules = FactRules.builder(asOf).calendar(calendar).hierarchy(city).build();
 * CaseLog.Builder log = rules.newLog();
 * cases.forEach(c -> log.add(rules.derive(c)));
 * Scorer scorer = Scorer.of(ScoringSchemes.builtIn("tongcheng-2022"));
 * Scorecard march = scorer.score(log.build(),
 *     Scorer.Request.of(ScoringPeriod.month(YearMonth.of(2026, 3)), UnitKind.DEPARTMENT)).get(0);
 * march.ranking();                                   // rank, score, grade per department
 * march.explain("城管局").map(e -> e.render());       // indicator → points → weighted → total
 * }</pre>
 *
 * <p>Schemes, logs and scorers are immutable and thread-safe; no method accepts or returns {@code
 * null}.
 */
package org.gridgov.scoring;
