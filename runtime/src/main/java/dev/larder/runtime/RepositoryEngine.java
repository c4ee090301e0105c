package dev.larder.runtime;

import static java.util.Objects.requireNonNull;

import dev.larder.runtime.internal.CachedRead;
import dev.larder.runtime.internal.CursorKey;
import dev.larder.runtime.internal.RepositoryMethod;
import dev.larder.runtime.internal.RepositorySupport;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * What generated repositories call, behind {@link RepositorySupport}: one per runtime. Reads go
 * through the two-level cache outside transactions and straight to the database inside one;
 * writes invalidate their tags once they succeeded, after the commit when in a transaction.
 */
final class RepositoryEngine implements RepositorySupport {
  private final Jdbi jdbi;
  private final Transactions transactions;
  private final TwoLevelCache cache;
  private final MethodCounters counters;
  private final int batchChunkSize;
  private final CursorKey cursorKey;
  private final Map<String, CachedRead<?>> registered = new ConcurrentSkipListMap<>();

  RepositoryEngine(Jdbi jdbi, Transactions transactions, TwoLevelCache cache,
      MethodCounters counters, int batchChunkSize, CursorKey cursorKey) {
    this.jdbi = jdbi;
    this.transactions = transactions;
    this.cache = cache;
    this.counters = counters;
    this.batchChunkSize = batchChunkSize;
    this.cursorKey = cursorKey;
  }

  @Override
  public void register(CachedRead<?>... reads) {
    for (CachedRead<?> read : reads) {
      registered.putIfAbsent(read.method().qualifiedName(), read);
    }
  }

  /** The cached reads of every repository created on this runtime, by qualified name. */
  Collection<CachedRead<?>> registered() {
    return registered.values();
  }

  @Override
  public <T> T cached(CachedRead<T> read, Object key) {
    if (transactions.current() != null) {
      return null; // see Larder.inTransaction: no cache inside a transaction
    }
    return cache.cached(read, key);
  }

  @Override
  public <T> T read(CachedRead<T> read, Object key, Supplier<List<String>> tags,
      HandleCallback<T, RuntimeException> query) {
    requireNonNull(read, "read");
    requireNonNull(key, "key");
    requireNonNull(tags, "tags");
    if (transactions.current() != null) {
      return execute(read.method(), query); // see Larder.inTransaction: no cache inside one
    }
    return cache.get(read, key, tags, () -> execute(read.method(), query));
  }

  @Override
  public <T> T write(
      RepositoryMethod method, List<String> tags, HandleCallback<T, RuntimeException> work) {
    requireNonNull(tags, "tags");
    T result;
    try {
      result = execute(method, work);
    } catch (RuntimeException | Error e) {
      if (RepositoryException.outcomeUnknown(e)) {
        // The statement may have taken effect although it failed here (the connection broke
        // after the server took it, or a later step failed): a bump is always safe, a missed one
        // is a stale read. Inside a transaction, the tags wait for its commit, should the work
        // go on to one.
        counters.of(method).invalidations.add(tags.size());
        try {
          transactions.invalidate(tags);
        } catch (RuntimeException bumpFailure) {
          e.addSuppressed(bumpFailure);
        }
      }
      throw e;
    }
    counters.of(method).invalidations.add(tags.size());
    transactions.invalidate(tags);
    return result;
  }

  @Override
  public <T> T execute(RepositoryMethod method, HandleCallback<T, RuntimeException> work) {
    requireNonNull(method, "method");
    requireNonNull(work, "work");
    Transactions.Context transaction = transactions.current();
    try {
      return transaction != null ? work.withHandle(transaction.handle) : jdbi.withHandle(work);
    } catch (RepositoryException e) {
      throw e;
    } catch (JdbiException e) {
      throw translate(method, e);
    }
  }

  @Override
  public <T> T inTransaction(TransactionOptions options, TransactionWork<T> work) {
    requireNonNull(options, "options");
    requireNonNull(work, "work");
    return transactions.run(options, work);
  }

  @Override
  public int batchChunkSize() {
    return batchChunkSize;
  }

  @Override
  public CursorKey cursorKey() {
    return cursorKey;
  }

  private static RepositoryException translate(RepositoryMethod method, Throwable failure) {
    String state = RepositoryException.sqlStateOf(failure);
    // Describe the failure by the SQLException whose SQLSTATE is reported (the driver's, or the
    // one a generated mapper raised, which may itself wrap a less helpful cause); else the root.
    Throwable described = failure;
    while (described.getCause() != null && described.getCause() != described
        && !(described instanceof SQLException sql && sql.getSQLState() != null)) {
      described = described.getCause();
    }
    String detail = described.getMessage() == null
        ? described.getClass().getSimpleName() : described.getMessage();
    String message = (state == null ? "" : "SQLSTATE " + state + ": ") + firstLine(detail)
        + " [SQL: " + method.writtenSql() + "]";
    return new RepositoryException(method.qualifiedName(), message, failure);
  }

  private static String firstLine(String s) {
    int newline = s.indexOf('\n');
    return newline < 0 ? s : s.substring(0, newline);
  }
}
