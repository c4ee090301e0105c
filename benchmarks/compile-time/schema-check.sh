#!/usr/bin/env bash
# Measures what the compile-time schema check (-Alarder.migrations) costs: javac compiles 100
# generated repository interfaces of 10 methods each (1 000 statements, each on its own table)
#   1. without the option,
#   2. with it, cold: an empty description cache, so the processor starts an embedded PostgreSQL,
#      applies the migration and describes every statement,
#   3. with it, cached: the same sources compiled again with the cache of run 2 (unchanged
#      migrations), so no database starts.
# Each is run RUNS times (default 5), interleaved after a warm-up, and the median printed.
# Builds the module jars first (mvn package, without tests).
# Run from anywhere: bash benchmarks/compile-time/schema-check.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
readonly RUNS=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The module jars, and the class paths of the processor and of the runtime.
mvn -q -pl processor,runtime -am package -DskipTests dependency:build-classpath \
  -Dmdep.includeScope=runtime \
  -Dmdep.outputFile=target/larder-classpath.txt >/dev/null
version=0.1.0-SNAPSHOT
processor_path="processor/target/larder-processor-$version.jar:$(cat processor/target/larder-classpath.txt)"
compile_path="runtime/target/larder-runtime-$version.jar:$(cat runtime/target/larder-classpath.txt)"

mkdir -p "$work/src/gen" "$work/migration"
for i in $(seq 0 99); do
  t="t$i"
  cat >> "$work/migration/V1__tables.sql" <<SQL
CREATE TABLE $t (id bigserial PRIMARY KEY, name text NOT NULL, category text NOT NULL,
  price numeric(10, 2) NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
SQL
  cat > "$work/src/gen/Repo$i.java" <<JAVA
package gen;

import dev.larder.annotation.*;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@CachedRepository
public interface Repo$i {
  record Row(long id, String name, String category, BigDecimal price, Instant createdAt) {}

  @Query("SELECT id, name, category, price, created_at FROM $t WHERE id = :id")
  @CacheKey(value = "$t:{id}", tags = "$t:{id}")
  Optional<Row> find(long id);

  @Query("SELECT id, name, category, price, created_at FROM $t WHERE category = :category ORDER BY id")
  @CacheKey(value = "$t:category:{category}", tags = "$t")
  List<Row> byCategory(String category);

  @Query("SELECT name FROM $t WHERE id = :id")
  @CacheKey(value = "$t:name:{id}", tags = "$t:{id}")
  Optional<String> name(long id);

  @NonNullColumn
  @Query("SELECT count(*) FROM $t WHERE category = :category")
  @CacheKey(value = "$t:count:{category}", tags = "$t")
  long count(String category);

  @Query("SELECT id, name, category, price, created_at FROM $t WHERE id = ANY(:ids)")
  @CacheKey(value = "$t:ids:{ids}", tags = "$t")
  List<Row> byIds(List<Long> ids);

  @Query("SELECT id, name, category, price, created_at FROM $t WHERE created_at > :since ORDER BY id")
  @CacheKey(value = "$t:since:{since}", tags = "$t")
  List<Row> since(Instant since);

  @Update("UPDATE $t SET price = :price WHERE id = :id")
  @InvalidatesTags({"$t:{id}", "$t"})
  int reprice(long id, BigDecimal price);

  @Update("UPDATE $t SET name = :name WHERE id = :id")
  @InvalidatesTags({"$t:{id}", "$t"})
  int rename(long id, String name);

  @Update("INSERT INTO $t (name, category, price) VALUES (:name, :category, :price) RETURNING id")
  @InvalidatesTags("$t")
  long insert(String name, String category, BigDecimal price);

  @Update("DELETE FROM $t WHERE id = :id")
  @InvalidatesTags({"$t:{id}", "$t"})
  int delete(long id);
}
JAVA
done

# Prints the wall time of one javac run; fails (showing javac's output) when javac does.
compile_once() {
  rm -rf "$work/out" && mkdir -p "$work/out"
  local start end
  start=$(date +%s.%N)
  if ! javac -proc:full -processorpath "$processor_path" -cp "$compile_path" -d "$work/out" \
      -s "$work/out" "$@" "$work"/src/gen/*.java >"$work/javac.log" 2>&1; then
    cat "$work/javac.log" >&2
    return 1
  fi
  if grep -q "warning: the schema check" "$work/javac.log"; then
    cat "$work/javac.log" >&2
    return 1
  fi
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

report() { # $1 label, $2 file of times
  printf '%-36s median %6.2f s   runs: %s\n' "$1" "$(median <"$2")" "$(tr '\n' ' ' <"$2")"
}

check=(-Alarder.migrations="$work/migration" -Alarder.schemaCache="$work/cache")
echo "100 repositories x 10 methods, javac $(javac -version 2>&1 | cut -d' ' -f2), $(nproc) cores"
compile_once >/dev/null # warm-up: disk caches, and zonky's unpacked binaries
# Interleaved, so that a disturbance of the machine spreads over the three kinds alike.
for _ in $(seq "$RUNS"); do
  compile_once >>"$work/plain.times"
  rm -rf "$work/cache"
  compile_once "${check[@]}" >>"$work/cold.times"
  compile_once "${check[@]}" >>"$work/cached.times"
done
report "without the schema check" "$work/plain.times"
report "with it, cold (empty cache)" "$work/cold.times"
report "with it, cached (unchanged schema)" "$work/cached.times"
echo "cache entries: $(find "$work/cache" -name '*.json' | wc -l)"
