/**
 * The grid model of GridGov: grid ids, levels and kinds, the immutable {@link
 * org.gridgov.core.GridHierarchy} and the shared error and finding types.
 *
 * <p><b>Start with</b> {@link org.gridgov.core.GridHierarchy}: read one with {@code
 * GridGovJson.readHierarchy} (package {@code org.gridgov.core.json}) or a GeoJSON map (grid-geo),
 * or build one with {@link org.gridgov.core.GridHierarchy#builder()}. Ids follow the national
 * unit-grid code convention of {@code docs/formats.md} ("Grid ids"); {@link
 * org.gridgov.core.GridId#nationalCode()} splits a 14-digit code. Bad input is an {@link
 * org.gridgov.core.InvalidInputException} with file, line, column and JSON pointer; validators
 * return {@link org.gridgov.core.Findings}.
 *
 * <pre>{@code
 * GridHierarchy city = GridHierarchy.builder()
 *     .add(Grid.territorial("341881", GridLevel.CITY).name("桐城").build())
 *     .add(Grid.territorial("341881001", GridLevel.STREET).parent("341881").build())
 *     .add(Grid.territorial("341881001001", GridLevel.COMMUNITY).parent("341881001").build())
 *     .add(Grid.territorial("34188100100101", GridLevel.COMPOUND).parent("341881001001").build())
 *     .build();
 * city.path(GridId.of("34188100100101"));        // [341881, 341881001, 341881001001, 34188100100101]
 * city.isWithin(GridId.of("34188100100101"), GridId.of("341881001"));   // true
 * }</pre>
 *
 * <p>Everything in this package is null-safe: no method accepts or returns {@code null}; absent
 * values are {@link java.util.Optional} or empty collections.
 */
package org.gridgov.core;
