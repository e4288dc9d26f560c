package org.gridgov.cli.demo;

/** The bundled sample, loaded once for all tests of the module's JVM. */
final class Samples {
  private Samples() {}

  private static final class Holder {
    static final SampleCity SAMPLE = SampleCity.bundled();
  }

  static SampleCity bundled() {
    return Holder.SAMPLE;
  }
}
