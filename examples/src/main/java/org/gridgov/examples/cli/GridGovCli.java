package org.gridgov.examples.cli;

/** Placeholder. */
public final class GridGovCli {
  private GridGovCli() {}

  public static void main(String[] args) {
    System.out.println("gridgov");
  }
}
