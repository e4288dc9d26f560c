package org.gridgov.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gridgov.core.io.Suggestions;
import org.gridgov.geo.CoordinateSystem;
import org.gridgov.geo.GridMap;
import org.gridgov.geo.GridMapOptions;
import org.gridgov.geo.GridMapOptions.ExternalParents;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * How to read a vendor's GeoJSON grid map (a mixin of every command that reads one: validate and
 * locate through {@link GridMapFiles}, simulate for its city directory) — {@code --levels}, {@code
 * --id-property}, {@code --parent-property}, {@code --external-parents} and {@code --grids-crs}.
 * With these a DataV.GeoAtlas district file reads unchanged: {@code --id-property adcode
 * --parent-property parent.adcode --external-parents ignore --levels district --grids-crs gcj02}.
 */
class GridReadOptions {
  @Option(
      names = "--levels",
      paramLabel = "A,B,C",
      description =
          "The map's level ladder, top to bottom, comma-separated (default: the files' \"levels\""
              + " member, else city,district,street,community,compound,micro).")
  String levels;

  @Option(
      names = "--id-property",
      paramLabel = "NAME",
      description =
          "Read each grid id from this property (a dotted path inside properties; numbers are"
              + " taken as their digits), e.g. adcode for DataV files.")
  String idProperty;

  @Option(
      names = "--parent-property",
      paramLabel = "DOTTED.PATH",
      description =
          "Read each parent id from this property path inside properties, e.g. parent.adcode for"
              + " DataV files.")
  String parentProperty;

  @Option(
      names = "--external-parents",
      paramLabel = "error|ignore",
      defaultValue = "error",
      converter = ExternalParentsConverter.class,
      description =
          "A parent that is not in the map: error (default) or ignore (its grid becomes a root).")
  ExternalParents externalParents;

  @Option(
      names = "--grids-crs",
      paramLabel = "wgs84|gcj02|bd09",
      converter = LocateCommand.SystemConverter.class,
      description =
          "Coordinate system of the map (default: the files' \"coordinateSystem\" member, else"
              + " WGS-84, with a warning for a map in China).")
  CoordinateSystem gridsCrs;

  /** The warning for a map in China read without a declared coordinate system. */
  static final String UNDECLARED_IN_CHINA =
      "map: warning: the grids lie in China but no coordinate system was declared, so they were"
          + " read as WGS-84; maps from Chinese providers are usually GCJ-02 (DataV, AMap,"
          + " Tencent) or BD-09 (Baidu), and a GCJ-02 map read as WGS-84 puts points near borders"
          + " in the wrong grid. Declare it: --grids-crs gcj02|bd09|wgs84";

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  /**
   * The read options these command-line options ask for, on top of a command's own.
   *
   * @param base the command's options (mode, tolerances)
   * @return the options
   */
  GridMapOptions options(GridMapOptions base) {
    GridMapOptions o = base.withExternalParents(externalParents);
    try {
      if (levels != null) {
        o = o.withLevels(levelNames());
      }
    } catch (IllegalArgumentException e) {
      throw usage("--levels: " + e.getMessage());
    }
    try {
      if (idProperty != null) {
        o = o.withIdProperty(idProperty);
      }
    } catch (IllegalArgumentException e) {
      throw usage("--id-property: " + e.getMessage());
    }
    try {
      if (parentProperty != null) {
        o = o.withParentProperty(parentProperty);
      }
    } catch (IllegalArgumentException e) {
      throw usage("--parent-property: " + e.getMessage());
    }
    if (gridsCrs != null) {
      o = o.withCoordinateSystem(gridsCrs);
    }
    return o;
  }

  private List<String> levelNames() {
    List<String> out = new ArrayList<>();
    for (String name : levels.split(",", -1)) {
      String trimmed = name.strip();
      if (trimmed.isEmpty()) {
        throw usage(
            "--levels: an empty level name in " + quote(levels) + "; write A,B,C top first");
      }
      out.add(trimmed);
    }
    return out;
  }

  /**
   * The coordinate system part of the {@code map:} line: {@code gcj02}, or {@code wgs84 assumed}
   * when nobody declared the system.
   *
   * @param map the map
   * @return the text
   */
  static String system(GridMap map) {
    String name = map.coordinateSystem().name().toLowerCase(Locale.ROOT);
    return map.coordinateSystemDeclared() ? name : name + " assumed";
  }

  /**
   * Warns on stderr when a map in China was read without a declared coordinate system: maps from
   * Chinese providers are GCJ-02 or BD-09, and read as WGS-84 a GCJ-02 district map puts about 3 %
   * of points in the wrong district, silently.
   *
   * @param map the map
   * @param err standard error
   */
  static void warnIfUndeclared(GridMap map, PrintWriter err) {
    if (!map.coordinateSystemDeclared() && map.liesInChina()) {
      err.println(UNDECLARED_IN_CHINA);
      err.flush();
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private static String quote(String s) {
    return "'" + s + "'";
  }

  /** Parses {@code --external-parents}, suggesting the closest value for a typo. */
  static final class ExternalParentsConverter implements ITypeConverter<ExternalParents> {
    private static final List<String> VALUES = List.of("error", "ignore");

    @Override
    public ExternalParents convert(String value) {
      String v = value.strip().toLowerCase(Locale.ROOT);
      return switch (v) {
        case "error" -> ExternalParents.ERROR;
        case "ignore" -> ExternalParents.IGNORE;
        default ->
            throw new IllegalArgumentException(
                "unknown value '" + value + "'" + Suggestions.hint(value, VALUES));
      };
    }
  }
}
