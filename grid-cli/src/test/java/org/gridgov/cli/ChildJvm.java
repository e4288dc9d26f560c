package org.gridgov.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command line in a fresh JVM (its own heap size, locale, standard streams), for tests of
 * what only a whole process shows: exit codes after a crash, bytes on standard output.
 */
record ChildJvm(int code, byte[] out, String err) {
  static ChildJvm run(Path dir, List<String> jvmOptions, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(GridGovCli.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().putAll(env);
    File out = dir.resolve("child.out").toFile();
    File err = dir.resolve("child.err").toFile();
    pb.redirectOutput(out).redirectError(err).redirectInput(ProcessBuilder.Redirect.PIPE);
    Process p = pb.start();
    p.getOutputStream().close();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the child JVM did not finish in 60 s: " + command);
    }
    return new ChildJvm(
        p.exitValue(), Files.readAllBytes(out.toPath()), Files.readString(err.toPath()));
  }
}
