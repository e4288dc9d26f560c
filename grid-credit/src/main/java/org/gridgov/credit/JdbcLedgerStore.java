package org.gridgov.credit;

import static org.gridgov.credit.StoreChecks.checkArgument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A {@link LedgerStore} in a SQL database, through JDBC: one row per entry in the table {@code
 * credit_ledger} (the schema is the resource {@code org/gridgov/credit/schema.sql}, documented in
 * docs/credit-storage.md). Tested on H2 and PostgreSQL. Text that a SQL database cannot hold — a
 * NUL character or an unpaired surrogate in a string — is refused with an {@link
 * IllegalArgumentException} before anything is written (the file journal stores it).
 *
 * <p>An append is one transaction: it checks that its first entry carries the next sequence number
 * and inserts the rows. The sequence number is the table's primary key, so of two writers that read
 * the same next seq, in this process or any other, exactly one commits; the other's insert fails on
 * the key (or on the lock the winner holds), its transaction is rolled back and it gets a {@link
 * ConcurrentAppendException}. Durability is the database's (its commit).
 *
 * <p>Thread-safe: every call takes its own connection from the data source and gives it back. The
 * store does not own the data source; {@link #close()} only stops the store.
 */
public final class JdbcLedgerStore implements LedgerStore {
  /** The table the store keeps the ledger in. */
  public static final String TABLE = "credit_ledger";

  /** Unique violation, serialization failure, deadlock, H2's lock timeout. */
  private static final Set<String> CONFLICT_STATES = Set.of("23505", "40001", "40P01", "HYT00");

  private static final String INSERT =
      "INSERT INTO credit_ledger (seq, at_second, at_nano, resident, kind, rule_code, points,"
          + " made_by, refers_to, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String SELECT_FROM =
      "SELECT seq, at_second, at_nano, resident, kind, rule_code, points, made_by, refers_to,"
          + " evidence FROM credit_ledger WHERE seq >= ? ORDER BY seq";
  private static final String NEXT_SEQ = "SELECT COALESCE(MAX(seq), 0) + 1 FROM credit_ledger";

  private final DataSource dataSource;
  private volatile boolean closed;

  private JdbcLedgerStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Opens the store on {@code dataSource}, creating the table and its index when they do not exist
   * (the statements of {@link #schema()}).
   *
   * @param dataSource where to get connections
   * @return the store
   * @throws UncheckedIOException when the database cannot be reached or the schema not created
   */
  public static JdbcLedgerStore open(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      for (String sql : schemaStatements()) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw storageFailure("cannot create the credit ledger table", e);
    }
    return new JdbcLedgerStore(dataSource);
  }

  /**
   * The SQL that creates the table and its index (the resource {@code
   * org/gridgov/credit/schema.sql}), for a database administrator who creates them by hand.
   *
   * @return the SQL text
   */
  public static String schema() {
    try (InputStream in = JdbcLedgerStore.class.getResourceAsStream("schema.sql")) {
      if (in == null) {
        throw new IllegalStateException("the resource org/gridgov/credit/schema.sql is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> schemaStatements() {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : schema().split("\n", -1)) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (t.endsWith(";")) {
        String sql = current.toString().strip();
        out.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    return List.copyOf(out);
  }

  @Override
  public long nextSeq() {
    checkOpen();
    try (Connection c = dataSource.getConnection()) {
      return nextSeq(c);
    } catch (SQLException e) {
      throw storageFailure("cannot read the next seq", e);
    }
  }

  private static long nextSeq(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(NEXT_SEQ);
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  @Override
  public void append(List<Entry> entries) {
    long first = StoreChecks.checkBatch(entries);
    for (Entry e : entries) {
      checkStorable(e);
    }
    checkOpen();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      try {
        long next = nextSeq(c);
        if (first != next) {
          c.rollback();
          throw new ConcurrentAppendException(first, next);
        }
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
          for (Entry e : entries) {
            bind(s, e);
            s.addBatch();
          }
          s.executeBatch();
        }
        c.commit();
      } catch (SQLException e) {
        rollbackQuietly(c, e);
        if (isConflict(e)) {
          throw new ConcurrentAppendException(first, nextSeqAfterConflict(first));
        }
        throw storageFailure("the append was not committed", e);
      } catch (RuntimeException e) {
        rollbackQuietly(c, e);
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw storageFailure("the append was not committed", e);
    }
  }

  /** SQL text columns (PostgreSQL's in particular) hold neither NUL nor unpaired surrogates. */
  private static void checkStorable(Entry e) {
    checkText(e, "resident", e.resident());
    checkText(e, "by", e.by());
    e.rule().ifPresent(v -> checkText(e, "rule", v));
    e.evidence().ifPresent(v -> checkText(e, "evidence", v));
  }

  private static void checkText(Entry e, String field, String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      boolean pairedHigh =
          Character.isHighSurrogate(c)
              && i + 1 < v.length()
              && Character.isLowSurrogate(v.charAt(i + 1));
      if (pairedHigh) {
        i++;
      } else if (c == 0 || Character.isSurrogate(c)) {
        checkArgument(
            false,
            "entry %s: %s has %s at index %s, which a SQL database cannot store",
            e.seq(),
            field,
            c == 0 ? "a NUL character" : "an unpaired surrogate",
            i);
      }
    }
  }

  private long nextSeqAfterConflict(long first) {
    try {
      return nextSeq();
    } catch (UncheckedIOException e) {
      return first + 1; // at least: another writer holds or committed seq `first`
    }
  }

  private static void bind(PreparedStatement s, Entry e) throws SQLException {
    s.setLong(1, e.seq());
    s.setLong(2, e.at().getEpochSecond());
    s.setInt(3, e.at().getNano());
    s.setString(4, e.resident());
    s.setString(5, e.kind().name());
    setString(s, 6, e.rule());
    s.setLong(7, e.points());
    s.setString(8, e.by());
    if (e.refersTo().isPresent()) {
      s.setLong(9, e.refersTo().getAsLong());
    } else {
      s.setNull(9, Types.BIGINT);
    }
    setString(s, 10, e.evidence());
  }

  private static void setString(PreparedStatement s, int i, Optional<String> v)
      throws SQLException {
    if (v.isPresent()) {
      s.setString(i, v.get());
    } else {
      s.setNull(i, Types.VARCHAR);
    }
  }

  private static boolean isConflict(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        for (SQLException n = sql; n != null; n = n.getNextException()) {
          if (n.getSQLState() != null && CONFLICT_STATES.contains(n.getSQLState())) {
            return true;
          }
        }
      }
      if (t instanceof BatchUpdateException b && b.getCause() == null) {
        break;
      }
    }
    return false;
  }

  @Override
  public List<Entry> entries() {
    return entriesFrom(1);
  }

  @Override
  public List<Entry> entriesFrom(long fromSeq) {
    checkArgument(fromSeq >= 1, "fromSeq must be at least 1, not %s", fromSeq);
    checkOpen();
    List<Entry> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(SELECT_FROM)) {
      s.setLong(1, fromSeq);
      try (ResultSet r = s.executeQuery()) {
        long expected = fromSeq;
        while (r.next()) {
          Entry e = row(r);
          if (e.seq() != expected) {
            throw corrupt(
                expected, "seq " + expected + " is missing: the next row has seq " + e.seq());
          }
          out.add(e);
          expected++;
        }
      }
    } catch (SQLException e) {
      throw storageFailure("cannot read the ledger", e);
    }
    return List.copyOf(out);
  }

  private static Entry row(ResultSet r) throws SQLException {
    long seq = r.getLong(1);
    try {
      String kind = r.getString(5);
      EntryKind k;
      try {
        k = EntryKind.valueOf(kind);
      } catch (IllegalArgumentException e) {
        throw corrupt(seq, "kind '" + kind + "' is not an entry kind");
      }
      long refersTo = r.getLong(9);
      OptionalLong refers = r.wasNull() ? OptionalLong.empty() : OptionalLong.of(refersTo);
      return new Entry(
          seq,
          Instant.ofEpochSecond(r.getLong(2), r.getInt(3)),
          r.getString(4),
          k,
          Optional.ofNullable(r.getString(6)),
          r.getLong(7),
          r.getString(8),
          refers,
          Optional.ofNullable(r.getString(10)));
    } catch (IllegalArgumentException | NullPointerException | java.time.DateTimeException e) {
      throw corrupt(seq, String.valueOf(e.getMessage()));
    }
  }

  private static LedgerCorruptException corrupt(long seq, String reason) {
    return new LedgerCorruptException("table " + TABLE, 0, -1, "seq " + seq + ": " + reason);
  }

  /** Stops the store; the data source and the table stay as they are. */
  @Override
  public void close() {
    closed = true;
  }

  @Override
  public String toString() {
    return "JdbcLedgerStore[" + TABLE + "]";
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the JDBC ledger store is closed");
    }
  }

  private static void rollbackQuietly(Connection c, Exception failure) {
    try {
      c.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private static UncheckedIOException storageFailure(String what, SQLException e) {
    return new UncheckedIOException(
        new IOException(
            "credit ledger (JDBC, table " + TABLE + "): " + what + ": " + e.getMessage(), e));
  }
}
