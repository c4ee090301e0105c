package dev.larder.processor.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.processor.model.SqlClauses;
import org.junit.jupiter.api.Test;

class SqlClauseScannerTest {

  @Test
  void trailingOrderByCanBeDropped() {
    String sql = "SELECT id FROM product WHERE category = :c ORDER BY price_cents, id";
    SqlClauses clauses = SqlClauseScanner.scan(sql);

    assertThat(clauses.hasOrderBy()).isTrue();
    assertThat(sql.substring(0, clauses.orderByStart()))
        .isEqualTo("SELECT id FROM product WHERE category = :c ");
    assertThat(clauses.hasLimit()).isFalse();
  }

  @Test
  void orderByFollowedByALimitIsKeptAndTheLimitSeen() {
    SqlClauses clauses = SqlClauseScanner.scan("SELECT id FROM t ORDER BY id LIMIT 10");

    assertThat(clauses.hasOrderBy()).isTrue();
    assertThat(clauses.orderByStart()).isEqualTo(-1);
    assertThat(clauses.hasLimit()).isTrue();
  }

  @Test
  void orderByInsideParenthesesLiteralsAndCommentsIsNotTheStatementsOrder() {
    SqlClauses clauses = SqlClauseScanner.scan("SELECT id, row_number() OVER (ORDER BY id),"
        + " string_agg(name, ',' ORDER BY name), 'ORDER BY x' FROM t -- ORDER BY y\n"
        + " WHERE a IN (SELECT b FROM u ORDER BY b LIMIT 1) /* LIMIT 3 */");

    assertThat(clauses.hasOrderBy()).isFalse();
    assertThat(clauses.orderByStart()).isEqualTo(-1);
    assertThat(clauses.hasLimit()).isFalse();
  }

  @Test
  void plainInsertIsSplitAroundItsTupleWithPositionalParameters() {
    SqlClauses.InsertValues insert = SqlClauseScanner.scan("INSERT INTO product (sku, name, at)"
        + " VALUES (:sku, lower(:name)::text, :sku || '?:x');").insertValues();

    assertThat(insert).isNotNull();
    assertThat(insert.head()).isEqualTo("INSERT INTO product (sku, name, at) VALUES");
    assertThat(insert.tuple()).isEqualTo("(?, lower(?)::text, ? || '?:x')");
    assertThat(insert.names()).containsExactly("sku", "name", "sku");
    assertThat(insert.tail()).isEmpty();
  }

  @Test
  void onConflictDoNothingIsKeptAsTheTail() {
    SqlClauses.InsertValues insert = SqlClauseScanner.scan(
        "insert into t (a) values (:a) on conflict (a) do nothing").insertValues();

    assertThat(insert).isNotNull();
    assertThat(insert.tail()).isEqualTo("on conflict (a) do nothing");
  }

  @Test
  void insertsThatMultiRowStatementsWouldChangeAreNotSplit() {
    assertThat(SqlClauseScanner.scan("INSERT INTO t (a, b) VALUES (:a, 1) ON CONFLICT (a)"
        + " DO UPDATE SET b = t.b + 1").insertValues()).as("DO UPDATE").isNull();
    assertThat(SqlClauseScanner.scan("INSERT INTO t (a) VALUES (:a) RETURNING id")
        .insertValues()).as("RETURNING").isNull();
    assertThat(SqlClauseScanner.scan("INSERT INTO t (a) SELECT x FROM u WHERE y = :y")
        .insertValues()).as("INSERT ... SELECT").isNull();
    assertThat(SqlClauseScanner.scan("INSERT INTO t (a) VALUES (:a), (:b)")
        .insertValues()).as("two tuples").isNull();
    assertThat(SqlClauseScanner.scan("WITH x AS (SELECT 1) INSERT INTO t (a) VALUES (:a)")
        .insertValues()).as("a CTE before INSERT").isNull();
    assertThat(SqlClauseScanner.scan("INSERT INTO t (a) VALUES (:a::jsonb ? 'k')")
        .insertValues()).as("a ? operator").isNull();
    assertThat(SqlClauseScanner.scan("UPDATE t SET a = :a WHERE id = :id")
        .insertValues()).as("UPDATE").isNull();
  }

  @Test
  void dataChangesAreFoundWhereAStatementStarts() {
    assertThat(SqlClauseScanner.scan("WITH d AS MATERIALIZED (delete FROM t RETURNING id)"
        + " SELECT * FROM d").dataChange()).isEqualTo("DELETE");
    assertThat(SqlClauseScanner.scan("SELECT 1; UPDATE t SET a = 1").dataChange())
        .isEqualTo("UPDATE");
    assertThat(SqlClauseScanner.scan("SELECT * FROM t FOR UPDATE").dataChange()).isNull();
    assertThat(SqlClauseScanner.scan("SELECT 'delete' /* insert */ FROM \"update\"")
        .dataChange()).isNull();
  }

  @Test
  void lockingClausesAreFoundAtAnyDepth() {
    assertThat(SqlClauseScanner.scan("SELECT * FROM (SELECT * FROM t FOR NO KEY UPDATE) x")
        .locking()).isEqualTo("FOR NO KEY UPDATE");
    assertThat(SqlClauseScanner.scan("SELECT * FROM t FOR KEY SHARE").locking())
        .isEqualTo("FOR KEY SHARE");
    assertThat(SqlClauseScanner.scan("SELECT * FROM t -- for update\n").locking()).isNull();
  }
}
