/**
 * The policy simulator (政策仿真). Front doors: {@link org.gridgov.lab.CaseLoop} runs incidents through
 * the case loop of a {@link org.gridgov.lab.City} under one {@link org.gridgov.lab.PolicyVariant};
 * {@link org.gridgov.lab.PolicySimulation} compares several variants on one {@link
 * org.gridgov.lab.CaseStream} and returns a {@link org.gridgov.lab.SimulationReport}. Variants and
 * cities are data: {@link org.gridgov.lab.PolicyVariants} and {@link org.gridgov.lab.CityDirectory}
 * read them. No method accepts or returns {@code null}.
 *
 * <p><b>Start with</b> {@link org.gridgov.lab.CityDirectory#read}: a directory with a city's grid
 * map, lists and calendar (or {@link org.gridgov.lab.City#of} a generated city), then {@link
 * org.gridgov.lab.CaseStream#generate} a stream of incidents and run it. See {@code docs/lab.md}.
 *
 * <pre>{@code
 * City city = CityDirectory.read(Path.of("my-city"));
 * CaseStream stream =
 *     CaseStream.generate(city, CaseStreamSpec.of(LocalDate.of(2026, 3, 2), 90, 40), 7L);
 * SimulationReport report = PolicySimulation.builder(city)
 *     .variant(PolicyVariant.defaults("baseline"))
 *     .variant(PolicyVariant.builder("longer").timeLimitFactor(1.5).build())
 *     .build()
 *     .run(stream);
 * System.out.print(report.toText());
 * }</pre>
 */
package org.gridgov.lab;
