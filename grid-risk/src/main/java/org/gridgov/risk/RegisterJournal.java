package org.gridgov.risk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.gridgov.core.io.Json;
import org.gridgov.core.io.JsonNodeAt;

/**
 * The durable home of the element register and the visit log: an append-only file journal of {@link
 * RegisterChange}s, one record per line with its sequence number and a CRC32C checksum (the line
 * format and the recovery rule are in docs/risk.md, "Durable storage").
 *
 * <p><b>Commits.</b> {@link #commit} checks its changes against the register (a second version of
 * an element from the same date, or a colour mark for an element without a version, is refused with
 * an {@link IllegalArgumentException} and nothing is written), writes them with one write and
 * forces them to the disk before it returns. A commit of several changes is all or nothing: every
 * record names the sequence number of its commit's last change, and recovery keeps a commit only
 * when all its records are there.
 *
 * <p><b>Recovery.</b> {@link #open} reads the journal up to the first bad record. A torn tail — a
 * record cut short or with a wrong checksum, or an unfinished commit, with no whole record after
 * it, which is what a crash during a commit leaves — is removed and reported in {@link #recovery()}
 * with its line, byte offset and reason. A bad record with a whole record after it, or a record
 * whose checksum holds but whose content is wrong, is not a crash: {@code open} refuses with a
 * {@link RiskStoreCorruptException} naming its line and offset. Nothing is ever skipped.
 *
 * <p><b>One writer, many threads.</b> The journal holds an exclusive lock on its file while open
 * ({@link RiskStoreLockedException} for a second writer, in this process or another). Within the
 * process it is thread-safe: commits are serialised, and {@link #state()} sees every commit that
 * returned.
 *
 * <p>The journal keeps the register and the visits in memory (the fold of the journal), not the
 * change records; {@link #changes()} and {@link #replay()} read the file again.
 */
public final class RegisterJournal implements AutoCloseable {
  private final JournalFile file;
  private final StoreRecovery recovery;
  private final ReentrantLock lock = new ReentrantLock();
  private final Fold fold; // guarded by lock
  private long length; // guarded by lock
  private boolean broken; // guarded by lock
  private boolean closed; // guarded by lock
  private RegisterState state; // guarded by lock; null when stale

  /**
   * Runs after a commit's records are encoded, just before they are written (tests inject an
   * unchecked failure here); guarded by lock.
   */
  Runnable beforeWrite = () -> {};

  private RegisterJournal(JournalFile file) {
    this.file = file;
    this.fold = new Fold(false);
    this.recovery = file.recover(fold);
    fold.abandon();
    this.length = recovery.bytes();
  }

  /**
   * Opens the journal in {@code file}, creating an empty one when there is none, and recovers it: a
   * torn tail left by a crash is removed and reported in {@link #recovery()}.
   *
   * @param file the journal file; its directory must exist
   * @return the open journal, holding the file's lock until {@link #close()}
   * @throws RiskStoreCorruptException when the journal is damaged other than by a torn tail
   * @throws RiskStoreLockedException when another writer has the journal open
   * @throws UncheckedIOException when the file cannot be read or written
   */
  public static RegisterJournal open(Path file) {
    JournalFile f = JournalFile.open(file);
    try {
      return new RegisterJournal(f);
    } catch (RuntimeException e) {
      f.close();
      throw e;
    }
  }

  /**
   * The journal file.
   *
   * @return the file
   */
  public Path file() {
    return file.file();
  }

  /**
   * What recovery found when the journal was opened.
   *
   * @return the recovery result
   */
  public StoreRecovery recovery() {
    return recovery;
  }

  /**
   * The sequence number of the last committed change (0 when the journal is empty).
   *
   * @return the sequence number
   */
  public long lastSeq() {
    lock.lock();
    try {
      return fold.committed;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Commits changes, all or nothing.
   *
   * @param changes the changes, in order
   * @return the sequence number of the last change
   * @see #commit(List)
   */
  public long commit(RegisterChange... changes) {
    return commit(Arrays.asList(changes));
  }

  /**
   * Commits changes, all or nothing: when this returns they are on the disk and survive a crash of
   * the process or the machine; when it throws, none of them is committed.
   *
   * @param changes the changes, in order (later ones may rely on earlier ones: a mark for an
   *     element versioned in the same commit)
   * @return the sequence number of the last change
   * @throws IllegalArgumentException when there are no changes, or a change would make the register
   *     invalid (a second version of an element from the same date, a mark for an element without a
   *     version); nothing is written
   * @throws UncheckedIOException when writing fails; nothing is committed
   * @throws IllegalStateException when the journal is closed, or an earlier failed write could not
   *     be undone
   */
  public long commit(List<? extends RegisterChange> changes) {
    Objects.requireNonNull(changes, "changes");
    if (changes.isEmpty()) {
      throw new IllegalArgumentException("a commit needs at least one change");
    }
    List<RegisterChange> list = List.copyOf(changes);
    lock.lock();
    boolean done = false;
    try {
      checkWritable();
      fold.admitAll(list);
      long first = fold.committed + 1;
      long last = fold.committed + list.size();
      List<String> lines = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        lines.add(Json.compact(RegisterChangeCodec.encode(list.get(i), first + i, last)));
      }
      byte[] bytes = JournalFile.frame(lines);
      beforeWrite.run();
      try {
        file.write(bytes, length);
        file.force();
      } catch (IOException e) {
        fold.abandon();
        file.cutBack(length, e);
        if (e.getSuppressed().length > 0) {
          broken = true;
        }
        throw new UncheckedIOException(file.file() + ": the commit was not written", e);
      }
      fold.commit();
      length += bytes.length;
      done = true;
      if (state != null) {
        // Apply the commit to the cached state (ElementRegister.with, VisitLog.with) instead of
        // folding the whole journal again: a commit then costs about the square root of the
        // register, not all of it. The commit is on the disk already: should this fail, the
        // state is rebuilt from the fold on the next state() rather than the commit reported
        // as failed.
        RegisterState from = state;
        state = null;
        state = apply(from, list, fold.committed);
      }
      return last;
    } finally {
      if (!done) {
        // Whatever failed before the commit completed (a refused change, an encoding error, an
        // unchecked exception), its changes must not stay queued: the next commit would write
        // them under its own seq numbers and leave a gap that makes the file unreadable.
        fold.abandon();
      }
      lock.unlock();
    }
  }

  /**
   * The register and the visit log as of the last committed change.
   *
   * @return the state
   */
  public RegisterState state() {
    lock.lock();
    try {
      if (state == null) {
        state = fold.state();
      }
      return state;
    } finally {
      lock.unlock();
    }
  }

  /** A state with a commit's changes applied. */
  private static RegisterState apply(RegisterState from, List<RegisterChange> changes, long seq) {
    List<RegisterChange> register = new ArrayList<>(changes.size());
    List<Visit> visits = new ArrayList<>();
    for (RegisterChange c : changes) {
      if (c instanceof RegisterChange.Visited v) {
        visits.add(v.visit());
      } else {
        register.add(c);
      }
    }
    return new RegisterState(from.register().with(register), from.visits().with(visits), seq);
  }

  /**
   * Reads the journal file again and folds it: the register and the visit log as the disk holds
   * them, which equals {@link #state()} unless the file was changed behind the journal's back.
   *
   * @return the state read from the file
   * @throws RiskStoreCorruptException when the committed part of the file no longer reads
   */
  public RegisterState replay() {
    Fold f = new Fold(false);
    read(f);
    return f.state();
  }

  /**
   * Reads the committed changes from the file, in sequence.
   *
   * @return the changes; the i-th has sequence number i + 1
   * @throws RiskStoreCorruptException when the committed part of the file no longer reads
   */
  public List<RegisterChange> changes() {
    Fold f = new Fold(true);
    read(f);
    return List.copyOf(f.all);
  }

  private void read(Fold f) {
    long committedLength;
    lock.lock();
    try {
      checkOpen();
      committedLength = length;
    } finally {
      lock.unlock();
    }
    file.read(committedLength, f); // positional reads: commits may go on meanwhile
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (!closed) {
        closed = true;
        file.close();
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    return "RegisterJournal[" + file.file() + "]";
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException(file.file() + ": the register journal is closed");
    }
  }

  private void checkWritable() {
    checkOpen();
    if (broken) {
      throw new IllegalStateException(
          file.file() + ": an earlier write failed and could not be undone; reopen the journal");
    }
  }

  /**
   * Folds changes into a register and a visit log, checking each against what came before. Changes
   * are first admitted (checked, pending), then committed or abandoned as a whole.
   */
  private static final class Fold implements JournalFile.Records {
    private final Map<String, Set<LocalDate>> versions = new HashMap<>();
    private final ElementRegister.Builder register = ElementRegister.builder();
    private final List<Visit> visits = new ArrayList<>();
    private final List<RegisterChange> pending = new ArrayList<>();
    private final List<RegisterChange> all;
    private long committed;
    private long commitLast;

    Fold(boolean keepAll) {
      this.all = keepAll ? new ArrayList<>() : null;
    }

    @Override
    public boolean accept(JsonNodeAt record) {
      long seq = record.longValue("seq");
      long last = record.longValue("last");
      long expected = committed + pending.size() + 1;
      if (seq != expected) {
        throw new IllegalArgumentException(
            "the record has seq " + seq + " where seq " + expected + " belongs");
      }
      if (pending.isEmpty()) {
        if (last < seq) {
          throw new IllegalArgumentException(
              "the record's commit ends at seq " + last + ", before the record");
        }
        commitLast = last;
      } else if (last != commitLast) {
        throw new IllegalArgumentException(
            "the record's commit ends at seq "
                + last
                + " but its commit, begun at seq "
                + (committed + 1)
                + ", ends at seq "
                + commitLast);
      }
      admit(RegisterChangeCodec.decode(record));
      if (seq == last) {
        commit();
        return true;
      }
      return false;
    }

    @Override
    public String unfinished() {
      return "the commit of seq "
          + (committed + 1)
          + " to "
          + commitLast
          + " ends after "
          + pending.size()
          + " of its "
          + (commitLast - committed)
          + " records";
    }

    /** Admits a whole list or, when one change is refused, none of it. */
    void admitAll(List<RegisterChange> changes) {
      try {
        changes.forEach(this::admit);
      } catch (IllegalArgumentException e) {
        abandon();
        throw e;
      }
    }

    private void admit(RegisterChange change) {
      if (change instanceof RegisterChange.Versioned v) {
        ElementVersion version = v.version();
        Set<LocalDate> dates = versions.computeIfAbsent(version.id(), k -> new HashSet<>(2));
        if (!dates.add(version.from())) {
          throw new IllegalArgumentException(
              "element " + version.id() + " already has a version from " + version.from());
        }
      } else if (change instanceof RegisterChange.Marked m && !versions.containsKey(m.element())) {
        throw new IllegalArgumentException(
            "colour mark for element " + m.element() + ", which has no version");
      }
      pending.add(change);
    }

    /** Forgets the pending changes. */
    void abandon() {
      for (int i = pending.size() - 1; i >= 0; i--) {
        if (pending.get(i) instanceof RegisterChange.Versioned v) {
          Set<LocalDate> dates = versions.get(v.version().id());
          dates.remove(v.version().from());
          if (dates.isEmpty()) {
            versions.remove(v.version().id());
          }
        }
      }
      pending.clear();
    }

    /** Makes the pending changes part of the fold. */
    void commit() {
      for (RegisterChange c : pending) {
        if (c instanceof RegisterChange.Versioned v) {
          register.add(v.version());
        } else if (c instanceof RegisterChange.Marked m) {
          register.mark(m.element(), m.mark());
        } else {
          visits.add(((RegisterChange.Visited) c).visit());
        }
        if (all != null) {
          all.add(c);
        }
      }
      committed += pending.size();
      pending.clear();
    }

    RegisterState state() {
      return new RegisterState(register.build(), VisitLog.of(visits), committed);
    }
  }
}
