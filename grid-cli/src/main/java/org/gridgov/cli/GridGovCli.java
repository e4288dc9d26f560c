package org.gridgov.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.gridgov.core.GridGovException;
import org.gridgov.core.io.Problems;
import org.gridgov.core.io.Suggestions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code gridgov} command line. Exit codes (docs/cli.md, "Exit codes"): 0 clean, 1 the input
 * was read and has findings, 2 unusable input or usage, 3 an internal error, 4 an inconclusive
 * analysis (a search reached its limit), 5 out of resources (memory or stack). Errors are one line
 * on stderr naming the file and position; {@code --debug} adds the stack trace.
 *
 * <p>Standard output and standard error are always UTF-8, whatever the locale, so what a command
 * writes to standard output is byte for byte what it writes to {@code --out FILE}.
 */
@Command(
    name = "gridgov",
    mixinStandardHelpOptions = true,
    versionProvider = GridGovCli.Version.class,
    description = "GridGov: grid governance engine — grids, cases, rules and scoring.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:clean: the command ran and found nothing to report",
      "1:findings: the input was read and has findings (or a decide line failed)",
      "2:unusable input or usage: the input cannot be read, or bad options",
      "3:internal error: a bug in gridgov (--debug prints the stack trace)",
      "4:inconclusive: an analysis reached its search limit (verify-table)",
      "5:out of resources: out of memory or stack; give Java more with GRIDGOV_JAVA_OPTS",
    },
    subcommands = {
      HierarchyCommand.class,
      ValidateCommand.class,
      LocateCommand.class,
      DecideCommand.class,
      VerifyTableCommand.class,
      CheckListsCommand.class,
      ScoreCommand.class,
      SimulateCommand.class,
      WatchEvalCommand.class,
      CreditCommand.class,
      OrgCommand.class,
      WatchCommand.class,
      RiskCommand.class,
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

  /** Exit code: an analysis reached its limit before it could conclude; never "clean". */
  public static final int INCONCLUSIVE = 4;

  /** Exit code: out of resources (memory or stack); the message says how to give more. */
  public static final int OUT_OF_RESOURCES = 5;

  private static final long MIB = 1024 * 1024;

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
    // UTF-8 on the file descriptors themselves, not the platform default of System.out: the same
    // bytes as --out FILE whatever the locale (LANG=C included).
    PrintWriter out =
        new PrintWriter(
            new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8),
            true);
    PrintWriter err =
        new PrintWriter(
            new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8),
            true);
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
          err.println("gridgov: " + usageMessage(ex));
          err.println("Try 'gridgov " + commandPath(ex.getCommandLine()) + "--help' for usage.");
          err.flush();
          return UNUSABLE;
        });
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          VirtualMachineError exhausted = exhaustion(ex);
          if (exhausted != null) {
            return exhausted(exhausted, err, debug);
          }
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
    int code;
    try {
      code = cl.execute(args);
    } catch (OutOfMemoryError | StackOverflowError e) {
      // The command's frames are gone by now and with them what it held: there is room to report.
      code = exhausted(e, err, debug);
    }
    out.flush();
    err.flush();
    return code;
  }

  /** The out-of-memory or stack overflow error in an exception's causes, or {@code null}. */
  private static VirtualMachineError exhaustion(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OutOfMemoryError || t instanceof StackOverflowError) {
        return (VirtualMachineError) t;
      }
    }
    return null;
  }

  /**
   * Reports running out of memory or stack as one line saying what ran out and how to give more.
   *
   * @param e the error
   * @param err standard error
   * @param debug whether to add the stack trace
   * @return {@link #OUT_OF_RESOURCES}
   */
  static int exhausted(VirtualMachineError e, PrintWriter err, boolean debug) {
    String message;
    if (e instanceof StackOverflowError) {
      message =
          "out of stack: the input is too deeply nested; give Java a larger stack with"
              + " GRIDGOV_JAVA_OPTS=-Xss16m";
    } else {
      String why = String.valueOf(e.getMessage());
      if (why.contains("array size")) {
        message =
            "out of memory: one piece of the input is larger than Java can hold at once (2 GiB: "
                + why
                + "); more heap does not help: split the input";
      } else {
        long max = Runtime.getRuntime().maxMemory();
        message =
            "out of memory ("
                + why
                + ", heap limit "
                + size(max)
                + "): the input needs more; give Java more with GRIDGOV_JAVA_OPTS=-Xmx"
                + more(max);
      }
    }
    err.println("gridgov: " + message);
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
    return OUT_OF_RESOURCES;
  }

  private static String size(long bytes) {
    if (bytes == Long.MAX_VALUE) {
      return "unlimited";
    }
    long mib = (bytes + MIB - 1) / MIB;
    return mib < 1024
        ? mib + " MiB"
        : String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1024 * MIB));
  }

  /** Four times the heap limit as an {@code -Xmx} value: {@code 64m}, {@code 8g}. */
  private static String more(long max) {
    if (max == Long.MAX_VALUE) {
      return "4g";
    }
    long mib = 4 * ((max + MIB - 1) / MIB);
    return mib < 1024 ? mib + "m" : (mib + 1023) / 1024 + "g";
  }

  /**
   * The message of a usage error, with "did you mean" for a mistyped subcommand or option: {@code
   * gridgov valdate} names {@code validate}, {@code gridgov locate --grid x} names {@code --grids}
   * (picocli reports the required option as missing first; the typo is the cause, so it is what the
   * line says when a known name is close to it).
   */
  static String usageMessage(CommandLine.ParameterException ex) {
    CommandLine cl = ex.getCommandLine();
    List<String> unmatched =
        ex instanceof CommandLine.UnmatchedArgumentException u
            ? u.getUnmatched()
            : cl == null ? List.of() : cl.getUnmatchedArguments();
    if (cl == null || unmatched == null) {
      return ex.getMessage();
    }
    for (String arg : unmatched) {
      boolean option = arg.startsWith("-");
      String name = option && arg.indexOf('=') > 0 ? arg.substring(0, arg.indexOf('=')) : arg;
      Collection<String> known =
          option ? cl.getCommandSpec().optionsMap().keySet() : cl.getSubcommands().keySet();
      Optional<String> near = known.isEmpty() ? Optional.empty() : didYouMean(name, known);
      if (near.isPresent()) {
        String hint = "; did you mean '" + near.get() + "'?";
        if (ex instanceof CommandLine.UnmatchedArgumentException) {
          return ex.getMessage() + hint;
        }
        return (option ? "Unknown option: " : "Unmatched argument: ") + Problems.quote(name) + hint;
      }
    }
    return ex.getMessage();
  }

  /** The closest known name, also when the given name is an abbreviation of exactly one name. */
  private static Optional<String> didYouMean(String name, Collection<String> known) {
    Optional<String> near = Suggestions.didYouMean(name, known);
    if (near.isPresent() || name.length() < 3) {
      return near;
    }
    List<String> longer = known.stream().filter(k -> k.startsWith(name)).toList();
    return longer.size() == 1 ? Optional.of(longer.get(0)) : Optional.empty();
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
