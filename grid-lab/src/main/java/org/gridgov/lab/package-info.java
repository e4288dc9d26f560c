/**
 * The policy simulator (政策仿真). Front doors: {@link org.gridgov.lab.CaseLoop} runs incidents through
 * the case loop of a {@link org.gridgov.lab.City} under one {@link org.gridgov.lab.PolicyVariant};
 * {@link org.gridgov.lab.PolicySimulation} compares several variants on one {@link
 * org.gridgov.lab.CaseStream} and returns a {@link org.gridgov.lab.SimulationReport}. Variants and
 * cities are data: {@link org.gridgov.lab.PolicyVariants} and {@link org.gridgov.lab.CityDirectory}
 * read them. No method accepts or returns {@code null}.
 */
package org.gridgov.lab;
