/**
 * Test support shared by every module through the runtime's test jar: one PostgreSQL
 * ({@link dev.larder.testing.TestDatabase}) and one Redis ({@link dev.larder.testing.TestRedis})
 * per test JVM, embedded by default or taken from {@code LARDER_TEST_DATABASE_URL} and
 * {@code LARDER_TEST_REDIS_URL}.
 */
package dev.larder.testing;
