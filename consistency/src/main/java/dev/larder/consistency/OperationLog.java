package dev.larder.consistency;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The binary history of one worker thread: a header naming the process, thread and mode, then one
 * fixed-size record per call (plus the exception class of a failed one). One file per thread, so
 * threads never contend; buffered, so memory stays bounded however long the run.
 */
public final class OperationLog implements Closeable {
  /** The file name suffix of every log. */
  public static final String SUFFIX = ".oplog";
  private static final int MAGIC = 0x4c4f4731; // "LOG1"

  private final DataOutputStream out;
  private final int process;
  private final int thread;
  private final Operation.Mode mode;
  private long count;

  private OperationLog(DataOutputStream out, int process, int thread, Operation.Mode mode) {
    this.out = out;
    this.process = process;
    this.thread = thread;
    this.mode = mode;
  }

  /** Creates {@code <directory>/p<process>-t<thread>.oplog} and writes its header. */
  public static OperationLog create(Path directory, int process, int thread, Operation.Mode mode) {
    Path file = directory.resolve("p" + process + "-t" + thread + SUFFIX);
    try {
      DataOutputStream out = new DataOutputStream(
          new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024));
      out.writeInt(MAGIC);
      out.writeInt(process);
      out.writeInt(thread);
      out.writeByte(mode.ordinal());
      return new OperationLog(out, process, thread, mode);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + file, e);
    }
  }

  /** Appends a successful read. */
  public void read(int row, long version, long start, long end) {
    append(Operation.Kind.READ, Operation.Outcome.OK, row, version, start, end, "");
  }

  /** Appends a write that returned; {@code changed} is false when it updated no row. */
  public void write(int row, long version, long start, long end, boolean changed) {
    append(Operation.Kind.WRITE, changed ? Operation.Outcome.OK : Operation.Outcome.UNCHANGED,
        row, version, start, end, "");
  }

  /** Appends a call that threw. */
  public void failed(Operation.Kind kind, int row, long version, long start, long end,
      Throwable error) {
    append(kind, Operation.Outcome.FAILED, row, version, start, end, error.getClass().getName());
  }

  /** How many calls were appended. */
  public long count() {
    return count;
  }

  private void append(Operation.Kind kind, Operation.Outcome outcome, int row, long version,
      long start, long end, String error) {
    try {
      out.writeByte(kind.ordinal());
      out.writeByte(outcome.ordinal());
      out.writeInt(row);
      out.writeLong(version);
      out.writeLong(start);
      out.writeLong(end);
      if (outcome == Operation.Outcome.FAILED) {
        out.writeUTF(error);
      }
      count++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the log of process " + process
          + " thread " + thread + " (" + mode + ")", e);
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The log files of a run directory, in name order. */
  public static List<Path> files(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }

  /** Passes every operation of {@code file} to {@code sink}, in the order they were logged. */
  public static void forEach(Path file, Consumer<Operation> sink) {
    try (DataInputStream in = new DataInputStream(
        new BufferedInputStream(Files.newInputStream(file), 64 * 1024))) {
      if (in.readInt() != MAGIC) {
        throw new IllegalStateException(file + " is not an operation log");
      }
      int process = in.readInt();
      int thread = in.readInt();
      Operation.Mode mode = Operation.Mode.values()[in.readByte()];
      Operation.Kind[] kinds = Operation.Kind.values();
      Operation.Outcome[] outcomes = Operation.Outcome.values();
      while (true) {
        int kind;
        try {
          kind = in.readByte();
        } catch (EOFException end) {
          return;
        }
        Operation.Outcome outcome = outcomes[in.readByte()];
        int row = in.readInt();
        long version = in.readLong();
        long start = in.readLong();
        long end = in.readLong();
        String error = outcome == Operation.Outcome.FAILED ? in.readUTF() : "";
        sink.accept(new Operation(process, thread, mode, kinds[kind], row, version, start, end,
            outcome, error));
      }
    } catch (EOFException e) {
      throw new IllegalStateException(file + " ends inside a record: was its worker killed?", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * The operations of every log of a directory as an {@link Iterable} that reads the files again
   * on each iteration, for checking histories larger than memory. Loads one file at a time.
   */
  public static Iterable<Operation> replay(Path directory) {
    List<Path> files = files(directory);
    return () -> new Iterator<>() {
      private final Iterator<Path> remaining = files.iterator();
      private Iterator<Operation> current = List.<Operation>of().iterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && remaining.hasNext()) {
          List<Operation> next = new ArrayList<>();
          forEach(remaining.next(), next::add);
          current = next.iterator();
        }
        return current.hasNext();
      }

      @Override
      public Operation next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }
}
