package dev.larder.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.larder.runtime.Larder;
import dev.larder.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The generated repositories with the whole cache: two runtimes with their own in-process caches
 * sharing one Redis stand for two processes of one application.
 */
class CachedRepositoriesTest {
  @RegisterExtension
  final Processes processes = new Processes();

  private static long kettle(ProductRepository products) {
    products.addCategory("kitchen", "Kitchen");
    products.insertAll(List.of(new NewProduct("KETTLE", "Kettle", "kitchen", 3_499)));
    return products.findBySku("KETTLE").id();
  }

  @Test
  void aWriteInOneProcessIsSeenByTheOther() {
    ProductRepository a = new ProductRepositoryImpl(processes.start());
    ProductRepository b = new ProductRepositoryImpl(processes.start());
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
    ProductRepository products = new ProductRepositoryImpl(processes.start());
    long id = kettle(products);
    assertThat(products.countByCategory("kitchen")).isEqualTo(1);
    products.insertAll(List.of(new NewProduct("KNIFE", "Knife", "kitchen", 5_900)));
    assertThat(products.countByCategory("kitchen")).isEqualTo(2);
    products.updatePrice(id, 1);
    assertThat(products.findById(id)).map(Product::priceCents).contains(1L);
  }

  @Test
  void aSecondProcessIsServedFromRedisWithoutQuerying() {
    Larder first = processes.start();
    Larder second = processes.start();
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
    Larder larder = processes.start();
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
    Larder larder = processes.start();
    ProductRepository products = new ProductRepositoryImpl(larder);
    for (int i = 0; i < 10; i++) {
      assertThat(products.findById(404)).isEmpty();
    }
    assertThat(larder.cacheStats().misses()).isEqualTo(1);
    assertThat(larder.cacheStats().l1Hits()).isEqualTo(9);
  }
}
