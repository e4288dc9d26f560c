/**
 * Grid maps (网格图) and point → grid lookup (点位落格): the grid hierarchy with one polygon per grid,
 * read and written as GeoJSON, checked for coverage, and asked which grid a position lies in.
 *
 * <p><b>Start with</b> {@link org.gridgov.geo.GridMaps#read(java.nio.file.Path...)}: it reads one
 * or more GeoJSON files (one per level, or all levels in one) into an immutable {@link
 * org.gridgov.geo.GridMap}, strictly by default (a coverage error is an exception), or leniently
 * with {@link org.gridgov.geo.GridMapOptions} (the findings stay on the map). Then {@link
 * org.gridgov.geo.GridMap#locator()} gives a thread-safe {@link org.gridgov.geo.GridLocator};
 * {@link org.gridgov.geo.CoverageValidator} checks gaps, overlaps and children outside their
 * parent; {@link org.gridgov.geo.CoordinateSystem} converts GCJ-02 and BD-09 positions (Chinese app
 * and map coordinates) to WGS-84. Formats and options: {@code docs/geojson.md}, {@code
 * docs/lookup.md}, {@code docs/validation.md}.
 *
 * <pre>{@code
 * GridMap map = GridMaps.read(Path.of("grids.geojson"));
 * GridLocator locator = map.locator();
 * Optional<Location> at = locator.locate(116.9605, 31.0500);                  // WGS-84
 * Optional<Location> photo = locator.locate(116.9660, 31.0480, CoordinateSystem.GCJ02);
 * at.ifPresent(l -> System.out.println(l.leaf() + " " + l.path()));
 * }</pre>
 *
 * <p>Everything here is immutable or thread-safe; no method accepts or returns {@code null}.
 */
package org.gridgov.geo;
