package dev.larder.benchmarks;

import dev.larder.benchmarks.SpringPeerContext.Caching;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * An uncached read by primary key through a generated repository, side by side with the same
 * {@code SELECT} written by hand on Jdbi, as a Jdbi SqlObject, and as Spring Data JDBC's
 * {@code findById}. Every call is a round trip to PostgreSQL.
 *
 * <ul>
 *   <li>{@code larderFindById}: {@code repo.findById(id)} on a Larder built with both cache
 *       levels off (the load comparison's {@code no-cache});
 *   <li>{@code jdbiHandle}: {@code jdbi.withHandle(h -> h.createQuery(sql).bind("id", id)
 *       .map(mapper).one())} on the pool Larder uses;
 *   <li>{@code jdbiSqlObject}: {@link ItemSqlObject#findById} through {@code jdbi.onDemand},
 *       the same row mapper, the same pool;
 *   <li>{@code springDataJdbcFindById}: {@link SpringItemRepository#findById} in a Spring
 *       context, on a pool with the same settings (Spring Data's {@code findById} runs in a
 *       read-only transaction, as it does in any Spring application with a transaction manager).
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PrimaryKeyReadBenchmark {
  private static final String SQL = "SELECT id, sku, name, category, price_cents FROM item WHERE id = :id";
  private static final ItemRowMapper MAPPER = new ItemRowMapper();

  long id = 1;

  private BenchmarkServers servers;
  private AnnotationConfigApplicationContext spring;
  private ItemRepository repository;
  private Jdbi jdbi;
  private ItemSqlObject sqlObject;
  private SpringItemRepository springRepository;

  @Setup(Level.Trial)
  public void setUp() {
    servers = BenchmarkServers.start(builder -> builder.localCache(false).redisCache(false));
    repository = new ItemRepositoryImpl(servers.larder);
    jdbi = Jdbi.create(servers.database.dataSource()).installPlugin(new SqlObjectPlugin());
    sqlObject = jdbi.onDemand(ItemSqlObject.class);
    spring = SpringPeerContext.start(servers, Caching.NONE);
    springRepository = spring.getBean(SpringItemRepository.class);

    Optional<Item> item = repository.findById(id);
    if (item.isEmpty() || !item.equals(repository.findById(id))
        || servers.larder.cacheStats().l1Hits() + servers.larder.cacheStats().l2Hits() != 0) {
      throw new IllegalStateException("findById(1) is not an uncached read: " + servers.larder.cacheStats());
    }
    if (!item.get().equals(jdbiHandle()) || !item.equals(jdbiSqlObject())) {
      throw new IllegalStateException("the Jdbi reads do not return Larder's row");
    }
    SpringPeerContext.checkSameRow(item, springDataJdbcFindById());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    // Shown with the results: what Larder really served (misses only expected).
    System.out.println("\nLarder's cache over the trial: " + servers.larder.cacheStats());
    spring.close();
    servers.close();
  }

  @Benchmark
  public Optional<Item> larderFindById() {
    return repository.findById(id);
  }

  @Benchmark
  public Item jdbiHandle() {
    return jdbi.withHandle(handle -> handle.createQuery(SQL).bind("id", id).map(MAPPER).one());
  }

  @Benchmark
  public Optional<Item> jdbiSqlObject() {
    return sqlObject.findById(id);
  }

  @Benchmark
  public Optional<SpringItem> springDataJdbcFindById() {
    return springRepository.findById(id);
  }
}
