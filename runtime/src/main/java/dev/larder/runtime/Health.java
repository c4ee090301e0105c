package dev.larder.runtime;

import java.util.Locale;

/**
 * What {@link Larder#health()} found: the database, Redis, and the cache counters.
 *
 * @param status UP when everything answers; DEGRADED when the database answers but Redis does
 *     not, or this process is not subscribed to other processes' invalidations (the cache then
 *     serves from PostgreSQL with short-lived in-process entries); DOWN when the database does not
 *     answer
 * @param database the database check
 * @param redis the Redis check
 * @param cache the cache counters
 */
public record Health(Status status, Database database, Redis redis, CacheStats cache) {

  /** The overall state. */
  public enum Status { UP, DEGRADED, DOWN }

  /**
   * The database check.
   *
   * @param up whether {@code SELECT 1} came back within the health budget
   * @param roundTripMicros how long it took, or -1
   * @param activeConnections pool connections in use, or -1 when the pool is not HikariCP
   * @param idleConnections idle pool connections, or -1
   * @param waitingThreads threads waiting for a connection, or -1
   * @param totalConnections all pool connections, or -1
   * @param error what failed, or null
   */
  public record Database(boolean up, long roundTripMicros, int activeConnections,
      int idleConnections, int waitingThreads, int totalConnections, String error) {}

  /**
   * The Redis check.
   *
   * @param configured whether a Redis is configured at all
   * @param up whether PING came back within the health budget
   * @param pingMicros how long it took, or -1
   * @param breaker the circuit breaker: CLOSED (calls go through), OPEN, HALF_OPEN
   * @param subscribed whether this process receives other processes' invalidations; while it
   *     does not, in-process entries live at most the degraded time to live
   */
  public record Redis(
      boolean configured, boolean up, long pingMicros, String breaker, boolean subscribed) {}

  /** Renders this report as a JSON object, for a health endpoint. */
  public String toJson() {
    StringBuilder out = new StringBuilder(512);
    out.append("{\"status\":\"").append(status).append("\",\"database\":{")
        .append("\"up\":").append(database.up())
        .append(",\"roundTripMicros\":").append(database.roundTripMicros())
        .append(",\"pool\":{\"active\":").append(database.activeConnections())
        .append(",\"idle\":").append(database.idleConnections())
        .append(",\"waiting\":").append(database.waitingThreads())
        .append(",\"total\":").append(database.totalConnections()).append('}')
        .append(",\"error\":").append(string(database.error()))
        .append("},\"redis\":{\"configured\":").append(redis.configured())
        .append(",\"up\":").append(redis.up())
        .append(",\"pingMicros\":").append(redis.pingMicros())
        .append(",\"breaker\":").append(string(redis.breaker()))
        .append(",\"subscribed\":").append(redis.subscribed())
        .append("},\"cache\":{\"l1Hits\":").append(cache.l1Hits())
        .append(",\"l2Hits\":").append(cache.l2Hits())
        .append(",\"misses\":").append(cache.misses())
        .append(",\"loads\":").append(cache.loads())
        .append(",\"staleServed\":").append(cache.staleServed())
        .append(",\"tagsInvalidated\":").append(cache.tagsInvalidated())
        .append(",\"pendingInvalidations\":").append(cache.pendingInvalidations())
        .append(",\"unconfirmedInvalidations\":").append(cache.unconfirmedInvalidations())
        .append(",\"hitRate\":").append(String.format(Locale.ROOT, "%.4f", cache.hitRate()))
        .append("}}");
    return out.toString();
  }

  private static String string(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
