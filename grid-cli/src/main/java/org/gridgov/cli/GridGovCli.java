package org.gridgov.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import org.gridgov.core.GridGovException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code gridgov} command line. Exit codes: 0 success, 1 the input was read but has findings, 2
 * unusable input or usage, 3 an internal error. Errors are one line on stderr naming the file and
 * position; {@code --debug} adds the stack trace.
 */
@Command(
    name = "gridgov",
    mixinStandardHelpOptions = true,
    versionProvider = GridGovCli.Version.class,
    description = "GridGov: grid governance engine — grids, cases, rules and scoring.",
    subcommands = {
      HierarchyCommand.class,
      ValidateCommand.class,
      LocateCommand.class,
      DecideCommand.class,
      VerifyTableCommand.class,
      CheckListsCommand.class,
      ScoreCommand.class,
      SimulateCommand.class,
      DemoCommand.class,
      CommandLine.HelpCommand.class,
    })
public final class GridGovCli implements Runnable {
  /** Exit code: success. */
  public static final int OK = 0;

  /** Exit code: the input was read and has findings. */
  public static final int FINDINGS = 1;

  /** Exit code: unusable input or bad usage. */
  public static final int UNUSABLE = 2;

  /** Exit code: a bug in gridgov. */
  public static final int INTERNAL = 3;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print stack traces of errors.")
  boolean debug;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Runs the command line and exits with its code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(execute(args, out, err));
  }

  /**
   * Runs the command line with the given streams; used by tests and embedders.
   *
   * @param args the arguments
   * @param out standard output
   * @param err standard error
   * @return the exit code
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    boolean debug = Arrays.asList(args).contains("--debug");
    CommandLine cl = new CommandLine(new GridGovCli());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExitCodeExceptionMapper(e -> UNUSABLE);
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("gridgov: " + ex.getMessage());
          err.println("Try 'gridgov " + commandPath(ex.getCommandLine()) + "--help' for usage.");
          err.flush();
          return UNUSABLE;
        });
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          int code;
          String message;
          if (ex instanceof GridGovException || ex instanceof UncheckedIOException) {
            code = UNUSABLE;
            message = ex.getMessage();
          } else if (ex instanceof IOException io) {
            code = UNUSABLE;
            message = "cannot read or write: " + io.getMessage();
          } else {
            code = INTERNAL;
            message =
                "internal error: " + ex + (debug ? "" : " (run with --debug for the stack trace)");
          }
          err.println("gridgov: " + message);
          if (debug) {
            ex.printStackTrace(err);
          }
          err.flush();
          return code;
        });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  private static String commandPath(CommandLine cl) {
    StringBuilder sb = new StringBuilder();
    for (CommandLine c = cl; c != null && c.getParent() != null; c = c.getParent()) {
      sb.insert(0, c.getCommandName() + " ");
    }
    return sb.toString();
  }

  /** Reads the version from the build. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = GridGovCli.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {
        "gridgov " + p.getProperty("version", "unknown"),
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")"
      };
    }
  }
}
