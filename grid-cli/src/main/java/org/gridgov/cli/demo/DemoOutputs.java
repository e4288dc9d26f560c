package org.gridgov.cli.demo;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridId;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.cases.Assessment;
import org.gridgov.core.cases.Case;
import org.gridgov.core.io.AtomicFiles;
import org.gridgov.core.io.Csv;
import org.gridgov.geo.CoordinateSystem;
import org.gridgov.geo.GridLocator;
import org.gridgov.geo.GridMaps;
import org.gridgov.lab.CaseRun;
import org.gridgov.scoring.UnitKind;

/**
 * Writes the demo's four files into a directory: {@value #REPORT} (the self-contained page),
 * {@value #MAP} (the grid map), {@value #CASES} (every case as a GeoJSON point with its outcome)
 * and {@value #SCORES} (every ranked unit). The same result gives the same bytes. The files are
 * written all or nothing, and files an earlier run did not write (not listed in the directory's
 * {@value #MANIFEST}) are replaced only when asked; symbolic links are never written through.
 */
public final class DemoOutputs {
  /** The report page. */
  public static final String REPORT = "report.html";

  /** The map. */
  public static final String MAP = "map.svg";

  /** The cases. */
  public static final String CASES = "cases.geojson";

  /** The scores. */
  public static final String SCORES = "scores.csv";

  /** The columns of {@value #SCORES}. */
  public static final List<String> SCORE_COLUMNS =
      List.of(
          "kind",
          "rank",
          "unit",
          "name",
          "parent",
          "score",
          "grade",
          "cases",
          "on_time_handling_rate",
          "satisfaction",
          "rework_rate",
          "overdue");

  /**
   * The demo's manifest, a hidden file beside the outputs listing the files the demo wrote there: a
   * later run replaces those without {@code --force}, and refuses any other existing file.
   */
  public static final String MANIFEST = ".gridgov-demo";

  /**
   * The first line of {@value #MANIFEST}; then one line per file, {@code SHA256 NAME} as {@code
   * sha256sum} writes it: a file whose content changed since is no longer the demo's.
   */
  public static final String MANIFEST_HEADER =
      "# gridgov demo: the files it wrote here; a later run replaces them without --force";

  private static final List<String> FILES = List.of(REPORT, MAP, CASES, SCORES);

  private DemoOutputs() {}

  /**
   * Checks, before anything is computed or written, that the demo may write into a directory: it is
   * a directory or does not exist yet; none of the four files nor the manifest is a symbolic link
   * or anything but a regular file; and each that exists was written by an earlier run (it is
   * listed in the directory's {@value #MANIFEST} with the content it has now) unless {@code force}.
   *
   * @param dir the directory
   * @param force whether existing files the demo did not write may be replaced
   * @throws InvalidInputException naming the first file that may not be written
   */
  public static void check(Path dir, boolean force) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw InvalidInputException.at(dir.toString(), "", "is not a directory");
    }
    Set<String> own = own(dir);
    List<String> names = new ArrayList<>();
    names.add(MANIFEST);
    names.addAll(FILES);
    for (String name : names) {
      Path file = dir.resolve(name);
      if (Files.isSymbolicLink(file)) {
        throw InvalidInputException.at(
            file.toString(),
            "",
            "is a symbolic link; gridgov does not write through links (even with --force)");
      }
      if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        throw InvalidInputException.at(file.toString(), "", "is not a regular file");
      }
      boolean ours = name.equals(MANIFEST) ? isManifest(file) : own.contains(name);
      if (!ours && !force) {
        throw InvalidInputException.at(
            file.toString(),
            "",
            "exists and was not written by gridgov demo (it is not listed in "
                + dir.resolve(MANIFEST)
                + " with this content); use --force to replace it, or another --out directory");
      }
    }
  }

  /**
   * Writes the four files, refusing to replace files an earlier run did not write; see {@link
   * #write(DemoResult, Path, boolean)}.
   *
   * @param r the result
   * @param dir the directory
   * @return the files written
   * @throws IOException when writing fails
   */
  public static List<Path> write(DemoResult r, Path dir) throws IOException {
    return write(r, dir, false);
  }

  /**
   * Writes the four files and the {@value #MANIFEST} (the directory is created if needed), all or
   * nothing: each into a temporary file first, and only when all are written are they moved into
   * place, so a full disk leaves the previous files as they were. Checked first with {@link
   * #check}.
   *
   * @param r the result
   * @param dir the directory
   * @param force whether existing files the demo did not write may be replaced
   * @return the four files written
   * @throws IOException when the directory cannot be created
   * @throws InvalidInputException when {@link #check} refuses the directory
   * @throws java.io.UncheckedIOException when writing fails, naming the file
   */
  public static List<Path> write(DemoResult r, Path dir, boolean force) throws IOException {
    check(dir, force);
    Files.createDirectories(dir);
    String map = MapSvg.element(r);
    ByteArrayOutputStream cases = new ByteArrayOutputStream(1 << 22);
    writeCases(r, cases);
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(REPORT, HtmlReport.render(r, map).getBytes(StandardCharsets.UTF_8));
    files.put(MAP, (MapSvg.XML_DECLARATION + map).getBytes(StandardCharsets.UTF_8));
    files.put(CASES, cases.toByteArray());
    files.put(SCORES, scoresCsv(r).getBytes(StandardCharsets.UTF_8));
    StringBuilder manifest = new StringBuilder(MANIFEST_HEADER).append('\n');
    files.forEach(
        (name, bytes) -> manifest.append(sha256(bytes)).append("  ").append(name).append('\n'));
    try (AtomicFiles.Batch batch = AtomicFiles.batch()) {
      // the manifest first: a file moved into place is always one a later run recognises
      batch.add(
          dir.resolve(MANIFEST),
          out -> out.write(manifest.toString().getBytes(StandardCharsets.UTF_8)));
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        batch.add(dir.resolve(f.getKey()), out -> out.write(f.getValue()));
      }
      batch.commit();
    }
    List<Path> out = new ArrayList<>();
    for (String name : FILES) {
      out.add(dir.resolve(name));
    }
    return out;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static boolean isManifest(Path file) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return MANIFEST_HEADER.equals(in.readLine());
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  /**
   * The outputs an earlier run wrote and nobody changed since: listed in the directory's manifest
   * ({@code SHA256 NAME} lines, as {@code sha256sum} writes them) with the content they have now.
   */
  private static Set<String> own(Path dir) {
    Path file = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !isManifest(file)) {
      return Set.of();
    }
    Set<String> own = new HashSet<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int gap = line.indexOf("  ");
        if (gap < 0 || !FILES.contains(line.substring(gap + 2))) {
          continue;
        }
        Path output = dir.resolve(line.substring(gap + 2));
        if (Files.isRegularFile(output, LinkOption.NOFOLLOW_LINKS)
            && line.substring(0, gap).equals(sha256(Files.readAllBytes(output)))) {
          own.add(line.substring(gap + 2));
        }
      }
    } catch (IOException | UncheckedIOException e) {
      return Set.of();
    }
    return own;
  }

  /**
   * The scores as CSV (RFC 4180, UTF-8, comma-separated, {@code \n} line ends): a header, then per
   * ranking (streets, communities, grids, departments) its units in rank order, unscored last.
   * Rates are fractions with four decimals; an empty field means not applicable.
   *
   * @param r the result
   * @return the CSV text
   */
  public static String scoresCsv(DemoResult r) {
    StringBuilder csv = new StringBuilder();
    csv.append(String.join(",", SCORE_COLUMNS)).append('\n');
    for (UnitKind kind : DemoSummary.KINDS) {
      for (ScoreRow x : ScoreRow.of(r, kind)) {
        List<String> f = new ArrayList<>();
        f.add(kind.key());
        f.add(x.rank().isPresent() ? Integer.toString(x.rank().getAsInt()) : "");
        f.add(x.unit());
        f.add(x.name());
        f.add(x.parent());
        f.add(x.score().isPresent() ? Xml.fixed(x.score().getAsDouble(), 2) : "");
        f.add(x.grade().orElse(""));
        f.add(Long.toString(Math.round(x.cases())));
        f.add(x.onTime().isPresent() ? Xml.fixed(x.onTime().getAsDouble(), 4) : "");
        f.add(x.satisfaction().isPresent() ? Xml.fixed(x.satisfaction().getAsDouble(), 4) : "");
        f.add(x.rework().isPresent() ? Xml.fixed(x.rework().getAsDouble(), 4) : "");
        f.add(Long.toString(Math.round(x.overdue())));
        csv.append(Csv.formatRow(f)).append('\n');
      }
    }
    return csv.toString();
  }

  /**
   * Writes every case as a GeoJSON Point feature in grid-geo's case format (WGS-84, after the
   * intake's conversion), with the assessment facts (under their version-1 attribute names) and the
   * demo's facts added to the case attributes: {@code outcome}, {@code placement}, {@code
   * reported_crs} (and {@code reported_lon}/{@code reported_lat} when not WGS-84), {@code snapped},
   * {@code settled_in_grid}, {@code overdue}, {@code first_tier}, {@code whistles} and {@code
   * exclusive} (the exclusive grids at the position).
   *
   * @param r the result
   * @param out the stream; flushed, not closed
   */
  public static void writeCases(DemoResult r, OutputStream out) {
    GridLocator locator = r.sample().map().locator();
    List<Case> cases = new ArrayList<>(r.loop().runs().size());
    for (int i = 0; i < r.loop().runs().size(); i++) {
      CaseRun run = r.loop().runs().get(i);
      Report report = r.reports().get(i);
      Case c = run.result();
      Map<String, String> a = new TreeMap<>(c.attributes());
      // The assessment facts, printed under their version-1 attribute names as before.
      Assessment facts = c.assessment();
      facts.worker().ifPresent(v -> a.put(Assessment.WORKER, v));
      facts.department().ifPresent(v -> a.put(Assessment.DEPARTMENT, v));
      facts.community().ifPresent(v -> a.put(Assessment.COMMUNITY, v));
      facts.street().ifPresent(v -> a.put(Assessment.STREET, v));
      facts
          .followUp()
          .ifPresent(
              v ->
                  a.put(
                      Assessment.FOLLOW_UP, v == Assessment.FollowUp.VALID ? "valid" : "invalid"));
      facts.contacted().ifPresent(v -> a.put(Assessment.CONTACTED, v.toString()));
      facts.resolved().ifPresent(v -> a.put(Assessment.RESOLVED, v.toString()));
      facts.reverseGrade().ifPresent(v -> a.put(Assessment.REVERSE_GRADE, Integer.toString(v)));
      a.put("outcome", run.outcome().name().toLowerCase(java.util.Locale.ROOT));
      a.put("placement", report.placement().name().toLowerCase(java.util.Locale.ROOT));
      a.put("reported_crs", report.reportedIn().name().toLowerCase(java.util.Locale.ROOT));
      if (report.reportedIn() != CoordinateSystem.WGS84) {
        a.put("reported_lon", Double.toString(report.position().lon()));
        a.put("reported_lat", Double.toString(report.position().lat()));
      }
      a.put("snapped", Boolean.toString(run.snapped()));
      a.put("settled_in_grid", Boolean.toString(run.settledInGrid()));
      a.put("overdue", Boolean.toString(run.overdue()));
      run.firstTier()
          .ifPresent(t -> a.put("first_tier", t.name().toLowerCase(java.util.Locale.ROOT)));
      if (!run.whistles().isEmpty()) {
        a.put(
            "whistles",
            run.whistles().stream().map(l -> l.name()).collect(Collectors.joining(",")));
      }
      Optional<GeoPoint> at = c.location();
      if (at.isPresent()) {
        List<GridId> x = locator.exclusiveAt(at.get().lon(), at.get().lat());
        if (!x.isEmpty()) {
          a.put("exclusive", x.stream().map(GridId::value).collect(Collectors.joining(",")));
        }
      }
      cases.add(c.withAssessment(Assessment.NONE).withAttributes(a));
    }
    GridMaps.writeCasesGeoJson(cases, r.sample().map().hierarchy(), out);
  }
}
