package org.gridgov.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JDBC store's contract on a real PostgreSQL server, started for the test from the Debian
 * packages' binaries ({@code initdb}, {@code postgres}: on the PATH or under
 * /usr/lib/postgresql/N/bin) in a temporary directory. Skipped (not failed) where PostgreSQL is not
 * installed.
 */
class PostgresLedgerStoreTest extends JdbcStoreContract {
  private static Path home;
  private static Process server;
  private static DriverDataSource dataSource;

  @BeforeAll
  static void startPostgres() throws Exception {
    Optional<Path> bin = binDirectory();
    assumeTrue(bin.isPresent(), "PostgreSQL (initdb, postgres) is not installed: test skipped");
    boolean root = "root".equals(System.getProperty("user.name"));
    home = Files.createTempDirectory("gridgov-pg");
    List<String> asUser = root ? List.of("runuser", "-u", "postgres", "--") : List.of();
    if (root) {
      run(List.of("chown", "postgres", home.toString()));
    }
    Path data = home.resolve("data");
    run(
        concat(
            asUser,
            bin.get().resolve("initdb").toString(),
            "-D",
            data.toString(),
            "-A",
            "trust",
            "-U",
            "gridgov",
            "-E",
            "UTF8",
            "--no-sync"));
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    server =
        new ProcessBuilder(
                concat(
                    asUser,
                    bin.get().resolve("postgres").toString(),
                    "-D",
                    data.toString(),
                    "-p",
                    Integer.toString(port),
                    "-k",
                    home.toString(),
                    "-c",
                    "listen_addresses=127.0.0.1",
                    // the contract, not the server's durability, is under test: keep CI fast
                    "-c",
                    "fsync=off",
                    "-c",
                    "synchronous_commit=off"))
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("server.log").toFile())
            .start();
    dataSource =
        new DriverDataSource(
            new org.postgresql.Driver(),
            "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=gridgov");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      try (Connection c = dataSource.getConnection()) {
        assertThat(c.isValid(5)).isTrue();
        break;
      } catch (java.sql.SQLException e) {
        if (System.nanoTime() > deadline || !server.isAlive()) {
          throw new IllegalStateException(
              "PostgreSQL did not start: " + Files.readString(home.resolve("server.log")), e);
        }
        Thread.sleep(100);
      }
    }
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (server != null) {
      server.destroy(); // SIGTERM to postgres (or to runuser, which passes it on): smart shutdown
      if (!server.waitFor(20, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
    if (home != null) {
      try (Stream<Path> files = Files.walk(home)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  @Override
  LedgerStore newStore() throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS credit_ledger");
    }
    return LedgerStores.jdbc(dataSource);
  }

  @Override
  LedgerStore reopen() {
    return LedgerStores.jdbc(dataSource);
  }

  @Override
  int appendsPerThread() {
    return 8; // every call opens a server connection (no pool here): keep the run short
  }

  @Test
  void theTableIsCreatedFromTheDocumentedSchema() throws Exception {
    try (LedgerStore store = newStore();
        Connection c = dataSource.getConnection()) {
      List<String> columns = new ArrayList<>();
      try (var r = c.getMetaData().getColumns(null, null, "credit_ledger", null)) {
        while (r.next()) {
          columns.add(r.getString("COLUMN_NAME") + " " + r.getString("TYPE_NAME"));
        }
      }
      assertThat(columns)
          .containsExactly(
              "seq int8",
              "at_second int8",
              "at_nano int4",
              "resident varchar",
              "kind varchar",
              "rule_code varchar",
              "points int8",
              "made_by varchar",
              "refers_to int8",
              "evidence varchar");
      assertThat(store.nextSeq()).isEqualTo(1);
    }
  }

  private static Optional<Path> binDirectory() throws IOException {
    List<Path> candidates = new ArrayList<>();
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        candidates.add(Path.of(dir));
      }
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        versions.sorted(Comparator.reverseOrder()).forEach(v -> candidates.add(v.resolve("bin")));
      }
    }
    return candidates.stream()
        .filter(
            d ->
                Files.isExecutable(d.resolve("initdb"))
                    && Files.isExecutable(d.resolve("postgres")))
        .map(d -> realBin(d.resolve("initdb")))
        .findFirst();
  }

  private static Path realBin(Path initdb) {
    try {
      return initdb.toRealPath().getParent(); // /usr/local/bin/initdb may link to the real bin
    } catch (IOException e) {
      return initdb.getParent();
    }
  }

  private static List<String> concat(List<String> prefix, String... rest) {
    List<String> out = new ArrayList<>(prefix);
    out.addAll(List.of(rest));
    return out;
  }

  private static void run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(command + " failed: " + output);
    }
  }
}
