/**
 * Larder's runtime, as applications use it. Build one {@link dev.larder.runtime.Larder} with
 * {@link dev.larder.runtime.Larder#builder()} (or from the environment) and hand it to the
 * constructors of the generated repositories; it runs their statements over one connection pool
 * and caches their reads in the process and in Redis.
 *
 * <ul>
 *   <li>Transactions: {@link dev.larder.runtime.Larder#inTransaction}, with
 *       {@link dev.larder.runtime.TransactionOptions}; retried on serialization failures and
 *       deadlocks.
 *   <li>Paging: {@link dev.larder.runtime.Page} and {@link dev.larder.runtime.PageRequest}
 *       (offset), {@link dev.larder.runtime.CursorPage} and {@link dev.larder.runtime.Cursor}
 *       (keyset).
 *   <li>Invalidation beyond the generated writes: by tag, by key pattern, everything, or from
 *       PostgreSQL notifications ({@link dev.larder.runtime.InvalidationListener},
 *       {@link dev.larder.runtime.InvalidationTriggers}); warming with
 *       {@link dev.larder.runtime.Larder#warm}.
 *   <li>Operations: {@link dev.larder.runtime.Health}, {@link dev.larder.runtime.CacheStats},
 *       {@link dev.larder.runtime.MethodStats}, {@link dev.larder.runtime.TransactionStats}, and
 *       Micrometer meters through {@link dev.larder.runtime.LarderMetrics}.
 *   <li>Column types of your own: {@link dev.larder.runtime.ColumnConverter} and
 *       {@link dev.larder.runtime.JsonConverter}.
 *   <li>Failures: {@link dev.larder.runtime.LarderException} and its subclasses.
 * </ul>
 *
 * <p>Generated code calls {@code dev.larder.runtime.internal}, which is not for applications.
 */
package dev.larder.runtime;
