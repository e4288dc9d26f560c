package org.gridgov.spark;

import java.io.IOException;
import java.nio.file.Path;

/** The score tests' generated city, for tests outside this package. */
public final class ScoreCityFiles {
  /** The cases, JSON Lines. */
  public final Path casesFile;

  /** The city's hierarchy. */
  public final Path hierarchyFile;

  /** A scheme that scores every kind. */
  public final Path schemeFile;

  private ScoreCityFiles(ScoreCity city) {
    this.casesFile = city.casesFile;
    this.hierarchyFile = city.hierarchyFile;
    this.schemeFile = city.schemeFile;
  }

  /**
   * Generates a small city's history into a directory.
   *
   * @param dir the directory
   * @return the files
   */
  public static ScoreCityFiles generate(Path dir) throws IOException {
    return new ScoreCityFiles(ScoreCity.generate(110, 30, 11L, dir));
  }
}
