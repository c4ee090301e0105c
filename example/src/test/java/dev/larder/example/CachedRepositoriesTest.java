package dev.larder.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.larder.runtime.Larder;
import dev.larder.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generated repositories with the whole cache: two runtimes with their own in-process caches
 * sharing one Redis stand for two processes of one application.
 */
class CachedRepositoriesTest {
  private final List<Larder> opened = new ArrayList<>();
  private String namespace;

  @BeforeEach
  void emptyTables() {
    ExampleDatabase.freshLarder().close();
    namespace = "ex" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void closeRuntimes() {
    opened.forEach(Larder::close);
  }

  private Larder process() {
    Larder larder = ExampleDatabase.withRedis(namespace);
    opened.add(larder);
    return larder;
  }

  private static long kettle(ProductRepository products) {
    products.addCategory("kitchen", "Kitchen");
    products.insertAll(List.of(new NewProduct("KETTLE", "Kettle", "kitchen", 3_499)));
    return products.findBySku("KETTLE").id();
  }

  @Test
  void aWriteInOneProcessIsSeenByTheOther() {
    ProductRepository a = new ProductRepositoryImpl(process());
    ProductRepository b = new ProductRepositoryImpl(process());
    long id = kettle(a);
    assertThat(b.findById(id)).map(Product::priceCents).contains(3_499L);
    assertThat(b.byCategory("kitchen")).extracting(Product::priceCents).containsExactly(3_499L);

    a.updatePrice(id, 2_999);

    await().atMost(Duration.ofSeconds(5))
        .until(() -> b.findById(id).map(Product::priceCents), Optional.of(2_999L)::equals);
    assertThat(b.byCategory("kitchen")).extracting(Product::priceCents).containsExactly(2_999L);
  }

  @Test
  void theWritersOwnProcessReadsItsWriteAtOnce() {
    ProductRepository products = new ProductRepositoryImpl(process());
    long id = kettle(products);
    assertThat(products.countByCategory("kitchen")).isEqualTo(1);
    products.insertAll(List.of(new NewProduct("KNIFE", "Knife", "kitchen", 5_900)));
    assertThat(products.countByCategory("kitchen")).isEqualTo(2);
    products.updatePrice(id, 1);
    assertThat(products.findById(id)).map(Product::priceCents).contains(1L);
  }

  @Test
  void aSecondProcessIsServedFromRedisWithoutQuerying() {
    Larder first = process();
    Larder second = process();
    ProductRepository a = new ProductRepositoryImpl(first);
    long id = kettle(a);
    a.findById(id);
    // A change the cache is not told about: only a query would see it.
    TestDatabase.get().execute("UPDATE product SET name = 'Renamed behind Larder' WHERE id = " + id);
    assertThat(new ProductRepositoryImpl(second).findById(id)).map(Product::name).contains("Kettle");
    assertThat(second.cacheStats().l2Hits()).isEqualTo(1);
    assertThat(second.cacheStats().misses()).isZero();
  }

  @Test
  void aMethodsOwnTtlOverridesTheRepositorys() {
    Larder larder = process();
    new ProductRepositoryImpl(larder).addCategory("garden", "Garden");
    CategoryTtlRepository categories = new CategoryTtlRepositoryImpl(larder);
    assertThat(categories.name("garden")).isEqualTo("Garden");
    assertThat(categories.nameShortLived("garden")).isEqualTo("Garden");
    TestDatabase.get().execute("UPDATE category SET name = 'Yard' WHERE slug = 'garden'");

    await().atMost(Duration.ofSeconds(5)).until(() -> categories.nameShortLived("garden"), "Yard"::equals);
    assertThat(categories.name("garden")).isEqualTo("Garden"); // ten minutes are not over
  }

  @Test
  void missingRowsAreCachedAsEmpty() {
    Larder larder = process();
    ProductRepository products = new ProductRepositoryImpl(larder);
    for (int i = 0; i < 10; i++) {
      assertThat(products.findById(404)).isEmpty();
    }
    assertThat(larder.cacheStats().misses()).isEqualTo(1);
    assertThat(larder.cacheStats().l1Hits()).isEqualTo(9);
  }
}
