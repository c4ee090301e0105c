package dev.larder.runtime.internal;

import static java.util.Objects.requireNonNull;

import dev.larder.runtime.Larder;
import dev.larder.runtime.RepositoryException;
import dev.larder.runtime.TransactionFailedException;
import dev.larder.runtime.TransactionOptions;
import dev.larder.runtime.TransactionWork;
import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.core.HandleCallback;

/**
 * What a generated repository calls on its {@link Larder}: cached reads, writes that invalidate
 * tags, plain database calls and transactions. The generated constructor takes it from the
 * runtime with {@link #of(Larder)}, so that none of this is a method of {@code Larder} that
 * people see. For generated code; it may change in any release. Implemented by the runtime
 * only.
 */
public interface RepositorySupport {

  /**
   * Returns the support of a runtime, for the constructor of a generated repository.
   *
   * @param larder the runtime the repository was created on
   * @return that runtime's support, the same object for every call
   * @throws NullPointerException if {@code larder} is null
   */
  static RepositorySupport of(Larder larder) {
    return LarderAccess.repositorySupport(requireNonNull(larder, "larder"));
  }

  /**
   * Makes the cached reads of a repository known to the runtime, for invalidation by key
   * pattern ({@link Larder#invalidateKeys}). Called by the constructor of every generated
   * repository that has cached reads.
   *
   * @param reads the repository's cached reads
   */
  void register(CachedRead<?>... reads);

  /**
   * The value of a fresh in-process entry of a read, or null: the fast path of a read, which
   * builds nothing but its key. On null the generated code calls {@link #read}, which handles
   * every other case (misses, Redis, stale entries, null values, transactions).
   *
   * @param read the method
   * @param key the entry's key, as for {@link #read}
   * @param <T> the result type
   * @return the cached value, or null
   */
  <T> T cached(CachedRead<T> read, Object key);

  /**
   * Runs a cached read: served from the in-process cache or Redis while its entry is fresh and
   * none of its tags was invalidated since its query started, otherwise loaded with {@code query}
   * (once per key in this process however many callers miss together) and stored in both levels.
   * Inside a transaction it goes to the database only.
   *
   * @param read the method, its cache policy and the codec of its result
   * @param key the entry's key: a generated {@link CacheKey}, or the key string from the
   *     generated {@code Keys} class
   * @param tags the entry's tags, asked for only when the value is not in this process's cache
   * @param query the database call that loads the value
   * @param <T> the result type
   * @return the cached or loaded value
   * @throws RepositoryException if the query fails; Redis failures are never thrown
   */
  <T> T read(CachedRead<T> read, Object key, Supplier<List<String>> tags,
      HandleCallback<T, RuntimeException> query);

  /**
   * Runs a write and, once it has succeeded, invalidates its tags: at once in this process, and
   * through Redis in every other; inside a transaction, after its commit.
   *
   * @param method the repository method
   * @param tags the tags the write makes stale
   * @param work the database call
   * @param <T> the result type
   * @return what {@code work} returned
   * @throws RepositoryException if the database call fails; when PostgreSQL did not itself
   *     reject the statement (the connection broke after the server took it, a later step
   *     failed), the outcome is unknown and the tags are invalidated all the same (inside a
   *     transaction: if it commits), since an invalidation too many is harmless
   */
  <T> T write(RepositoryMethod method, List<String> tags, HandleCallback<T, RuntimeException> work);

  /**
   * Runs one database call on a handle (the calling thread's transaction's, if it has one),
   * turning any failure into a {@link RepositoryException} that names the method.
   *
   * @param method the repository method, for messages
   * @param work what to do with the handle
   * @param <T> the result type
   * @return what {@code work} returned
   * @throws RepositoryException if the database call fails
   */
  <T> T execute(RepositoryMethod method, HandleCallback<T, RuntimeException> work);

  /**
   * Runs the body of a {@code @Transactional} repository method in a transaction, as
   * {@link Larder#inTransaction(TransactionOptions, TransactionWork)} does.
   *
   * @param options isolation, read-only and retry policy
   * @param work the work; it may run more than once
   * @param <T> what the work returns
   * @return what the work returned in the attempt that committed
   * @throws TransactionFailedException if retryable failures used up the attempts or the deadline
   */
  <T> T inTransaction(TransactionOptions options, TransactionWork<T> work);

  /**
   * Returns how many rows of a batch write go to the database per statement or JDBC batch
   * ({@code LarderBuilder.batchChunkSize}).
   */
  int batchChunkSize();

  /**
   * Returns the key that signs and checks the cursors of keyset-paged methods
   * ({@code LarderBuilder.cursorKey}), or {@link CursorKey#NONE}. It never reveals the key's
   * bytes.
   */
  CursorKey cursorKey();
}
