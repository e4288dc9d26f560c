/**
 * Party-building-led organisation on the grids (党建引领): party organisations and the organisations
 * they lead, people and their posts, teams "1 + A + B", dual reporting (双报到), the checks of
 * coverage and branch formation, and star ratings.
 *
 * <p>Where to start:
 *
 * <ul>
 *   <li>{@link org.gridgov.org.OrgDirectories#read(java.nio.file.Path)} reads the organisation
 *       format ({@code gridgov.org/1}) into an {@link org.gridgov.org.OrgDirectory}, the data;
 *   <li>{@link org.gridgov.org.OrgCheck#check} checks it against the grids and the {@link
 *       org.gridgov.org.OrgRules} ({@link org.gridgov.org.OrgRules#defaults()} or {@link
 *       org.gridgov.org.OrgRuleSets#read(java.nio.file.Path)}) and reports findings and the four
 *       full coverages;
 *   <li>{@link org.gridgov.org.StarRating#rate} rates the branches under a {@link
 *       org.gridgov.org.StarScheme};
 *   <li>{@link org.gridgov.org.GridTeams} and {@link org.gridgov.org.ReportingRoster} answer who
 *       stands on a grid and who reports when a community whistles;
 *   <li>{@link org.gridgov.org.OrgGenerator} makes a compliant organisation for any hierarchy, for
 *       tests and benchmarks.
 * </ul>
 *
 * <p>See {@code docs/org.md} for the formats, the rules, the checks and the command line.
 */
package org.gridgov.org;
