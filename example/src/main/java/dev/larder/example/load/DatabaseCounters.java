package dev.larder.example.load;

import org.jdbi.v3.core.Jdbi;

/**
 * Counts the statements the services send, as PostgreSQL itself counts them: from
 * {@code pg_stat_statements} when it is loaded (the driver's embedded server loads it), else from
 * the transactions of {@code pg_stat_database}. The same query for every configuration;
 * transaction control ({@code BEGIN}, {@code COMMIT}, {@code SET}...) is left out, and so is the
 * driver's own reading.
 */
final class DatabaseCounters {
  private static final String STATEMENTS = "SELECT"
      + " coalesce(sum(calls) FILTER (WHERE query ~* '^\\s*(select|with)\\M'), 0),"
      + " coalesce(sum(calls) FILTER (WHERE query ~* '^\\s*(insert|update|delete)\\M'), 0)"
      + " FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
      + " AND query !~* 'pg_stat'";
  private static final String TRANSACTIONS = "SELECT xact_commit + xact_rollback, 0 FROM pg_stat_database"
      + " WHERE datname = current_database()";

  private final Jdbi jdbi;
  private final boolean statements;

  DatabaseCounters(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.statements = jdbi.withHandle(h -> {
      try {
        h.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        h.createQuery(STATEMENTS).mapTo(Long.class).list();
        return true;
      } catch (RuntimeException e) {
        return false;
      }
    });
  }

  /** What the figures count: {@code pg_stat_statements} or {@code pg_stat_database}. */
  String source() {
    return statements ? "pg_stat_statements" : "pg_stat_database (transactions)";
  }

  /** Reads ({@code [0]}) and writes ({@code [1]}) counted so far; with no statement view, transactions and 0. */
  long[] read() {
    return jdbi.withHandle(h -> h.createQuery(statements ? STATEMENTS : TRANSACTIONS)
        .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
        .one());
  }
}
