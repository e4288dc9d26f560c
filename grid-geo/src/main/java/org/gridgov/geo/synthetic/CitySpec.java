package org.gridgov.geo.synthetic;

import java.util.List;
import java.util.Objects;
import org.gridgov.core.GridLevel;

/**
 * What a {@link SyntheticCity} looks like: where it is, how large, and how many grids each level
 * has.
 *
 * <p>The presets use the sizes quoted in DOMAIN.md §1: {@link #zhengzhou()} (216 streets, 3,480
 * communities, 17,086 compounds, 54,161 micro-grids over about 7,500 km²) and {@link #tongcheng()}
 * (3 streets, 23 communities, 105 responsibility grids). {@link #midSize()} sits between them and
 * is meant for tests.
 *
 * @param name a display name
 * @param code the 6-digit administrative code of the root (GB/T 2260), the root grid's id and the
 *     prefix of every id below it
 * @param centreLon longitude of the centre (WGS-84)
 * @param centreLat latitude of the centre (WGS-84)
 * @param areaKm2 the approximate area of the city
 * @param levels grid counts per level, top first; a first level with count 1 is a root grid
 * @param topCodes codes to use, in order, for the level below the root when it is the district
 *     level (real district codes); may be empty
 * @param cellsPerLeaf lattice cells per leaf grid on average (controls the shape detail)
 * @param edgeSubdivisions jittered points inserted in every lattice edge (controls vertices per
 *     grid: a leaf has roughly {@code (1 + edgeSubdivisions) × 18} vertices at 8 cells per leaf)
 * @param exclusiveGrids how many exclusive grids (专属网格) to add
 */
public record CitySpec(
    String name,
    String code,
    double centreLon,
    double centreLat,
    double areaKm2,
    List<LevelCount> levels,
    List<String> topCodes,
    int cellsPerLeaf,
    int edgeSubdivisions,
    int exclusiveGrids) {

  /**
   * A level and its number of grids.
   *
   * @param level the level
   * @param count how many grids it has, at least 1
   */
  public record LevelCount(GridLevel level, int count) {
    /**
     * Validates the count.
     *
     * @param level the level
     * @param count the count
     */
    public LevelCount {
      Objects.requireNonNull(level, "level");
      if (count < 1) {
        throw new IllegalArgumentException("level " + level + " needs at least one grid");
      }
    }
  }

  /**
   * Validates the spec.
   *
   * @param name the name
   * @param code the root code
   * @param centreLon centre longitude
   * @param centreLat centre latitude
   * @param areaKm2 area
   * @param levels counts per level
   * @param topCodes district codes
   * @param cellsPerLeaf cells per leaf
   * @param edgeSubdivisions points per lattice edge
   * @param exclusiveGrids exclusive grids
   */
  public CitySpec {
    Objects.requireNonNull(name, "name");
    if (!code.matches("\\d{6}")) {
      throw new IllegalArgumentException("code must have 6 digits: " + code);
    }
    if (!(centreLon >= -179 && centreLon <= 179 && centreLat >= -80 && centreLat <= 80)) {
      throw new IllegalArgumentException("centre out of range: " + centreLon + ", " + centreLat);
    }
    if (!(areaKm2 > 0 && areaKm2 <= 100_000)) {
      throw new IllegalArgumentException("area must be in (0, 100000] km²: " + areaKm2);
    }
    levels = List.copyOf(levels);
    topCodes = List.copyOf(topCodes);
    if (levels.isEmpty()) {
      throw new IllegalArgumentException("a city needs at least one level");
    }
    for (int i = 1; i < levels.size(); i++) {
      if (levels.get(i).count() < levels.get(i - 1).count()) {
        throw new IllegalArgumentException(
            "level " + levels.get(i).level() + " has fewer grids than the level above");
      }
    }
    if (cellsPerLeaf < 1 || cellsPerLeaf > 1000) {
      throw new IllegalArgumentException("cellsPerLeaf must be 1..1000: " + cellsPerLeaf);
    }
    if (edgeSubdivisions < 0 || edgeSubdivisions > 20) {
      throw new IllegalArgumentException("edgeSubdivisions must be 0..20: " + edgeSubdivisions);
    }
    if (exclusiveGrids < 0 || exclusiveGrids > 10_000) {
      throw new IllegalArgumentException("exclusiveGrids must be 0..10000: " + exclusiveGrids);
    }
  }

  /**
   * Zhengzhou's scale (DOMAIN.md §1): city 410100, its 12 districts and counties, 216 streets,
   * 3,480 communities, 17,086 compounds and 54,161 micro-grids over about 7,500 km² around lon
   * 113.65, lat 34.75; about 44 vertices per micro-grid.
   *
   * @return the spec
   */
  public static CitySpec zhengzhou() {
    return new CitySpec(
        "Zhengzhou (synthetic)",
        "410100",
        113.65,
        34.75,
        7_500,
        List.of(
            new LevelCount(GridLevel.CITY, 1),
            new LevelCount(GridLevel.DISTRICT, 12),
            new LevelCount(GridLevel.STREET, 216),
            new LevelCount(GridLevel.COMMUNITY, 3_480),
            new LevelCount(GridLevel.COMPOUND, 17_086),
            new LevelCount(GridLevel.MICRO, 54_161)),
        List.of(
            "410102", "410103", "410104", "410105", "410106", "410108", "410122", "410181",
            "410182", "410183", "410184", "410185"),
        8,
        1,
        0);
  }

  /**
   * Tongcheng's scale (DOMAIN.md §1): county-level city 341881 with 3 streets, 23 communities and
   * 105 responsibility grids (modelled as compounds) over about 60 km².
   *
   * @return the spec
   */
  public static CitySpec tongcheng() {
    return new CitySpec(
        "Tongcheng (synthetic)",
        "341881",
        116.95,
        31.04,
        60,
        List.of(
            new LevelCount(GridLevel.CITY, 1),
            new LevelCount(GridLevel.STREET, 3),
            new LevelCount(GridLevel.COMMUNITY, 23),
            new LevelCount(GridLevel.COMPOUND, 105)),
        List.of(),
        12,
        2,
        0);
  }

  /**
   * A mid-size city for tests: 3 districts, 20 streets, 150 communities, 600 compounds, 1,900
   * micro-grids over about 250 km².
   *
   * @return the spec
   */
  public static CitySpec midSize() {
    return new CitySpec(
        "Midsize (synthetic)",
        "419900",
        113.65,
        34.75,
        250,
        List.of(
            new LevelCount(GridLevel.CITY, 1),
            new LevelCount(GridLevel.DISTRICT, 3),
            new LevelCount(GridLevel.STREET, 20),
            new LevelCount(GridLevel.COMMUNITY, 150),
            new LevelCount(GridLevel.COMPOUND, 600),
            new LevelCount(GridLevel.MICRO, 1_900)),
        List.of(),
        8,
        2,
        0);
  }

  /**
   * This spec with a number of exclusive grids.
   *
   * @param count how many exclusive grids
   * @return the new spec
   */
  public CitySpec withExclusiveGrids(int count) {
    return new CitySpec(
        name,
        code,
        centreLon,
        centreLat,
        areaKm2,
        levels,
        topCodes,
        cellsPerLeaf,
        edgeSubdivisions,
        count);
  }

  /**
   * This spec with another shape detail.
   *
   * @param cells lattice cells per leaf
   * @param subdivisions points per lattice edge
   * @return the new spec
   */
  public CitySpec withDetail(int cells, int subdivisions) {
    return new CitySpec(
        name,
        code,
        centreLon,
        centreLat,
        areaKm2,
        levels,
        topCodes,
        cells,
        subdivisions,
        exclusiveGrids);
  }
}
