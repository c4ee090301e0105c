package dev.larder.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.larder.runtime.Larder;
import dev.larder.runtime.MethodStats;
import dev.larder.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Overloaded methods and parameters named like generated variables ({@link TitleRepository}) on
 * PostgreSQL and Redis: two runtimes sharing one Redis stand for two processes.
 */
class OverloadsAndNamesTest {
  @RegisterExtension
  final Processes processes = new Processes();

  /** A kettle in the kitchen; returns its id. */
  private static long kettle(Larder larder) {
    ProductRepository products = new ProductRepositoryImpl(larder);
    products.addCategory("kitchen", "Kitchen");
    new TitleRepositoryImpl(larder).insert(List.of(new NewProduct("KETTLE", "Kettle", "kitchen", 3_499)));
    return products.findBySku("KETTLE").id();
  }

  @Test
  void twoOverloadsCacheSeparatelyAndCountSeparately() {
    Larder larder = processes.start();
    long id = kettle(larder);
    TitleRepository titles = new TitleRepositoryImpl(larder);

    for (int i = 0; i < 2; i++) {
      assertThat(titles.title(id)).contains("Kettle");
      assertThat(titles.title(id, "kitchen")).contains("Kettle (kitchen)");
    }

    MethodStats one = larder.methodStats().get("TitleRepository.title(long)");
    MethodStats two = larder.methodStats().get("TitleRepository.title(long, String)");
    assertThat(List.of(one.requests(), one.misses(), one.l1Hits())).containsExactly(2L, 1L, 1L);
    assertThat(List.of(two.requests(), two.misses(), two.l1Hits())).containsExactly(2L, 1L, 1L);
    assertThat(TitleRepositoryKeys.title(id)).startsWith("TitleRepository:title:" + id + "@");
    assertThat(TitleRepositoryKeys.title(id, "kitchen"))
        .startsWith("TitleRepository:title:" + id + ",")
        .doesNotEndWith(TitleRepositoryKeys.title(id).substring(TitleRepositoryKeys.title(id).indexOf('@')));
  }

  @Test
  void aSecondProcessReadsEachOverloadsOwnEntryFromRedis() {
    Larder first = processes.start();
    long id = kettle(first);
    TitleRepository a = new TitleRepositoryImpl(first);
    a.title(id);
    a.title(id, "kitchen");
    // A change the cache is not told about: only a query would see it.
    TestDatabase.get().execute("UPDATE product SET name = 'Renamed behind Larder' WHERE id = " + id);

    Larder second = processes.start();
    TitleRepository b = new TitleRepositoryImpl(second);
    assertThat(b.title(id)).contains("Kettle");
    assertThat(b.title(id, "kitchen")).contains("Kettle (kitchen)");
    assertThat(second.cacheStats().l2Hits()).isEqualTo(2);
    assertThat(second.cacheStats().misses()).isZero();
  }

  @Test
  void eachWriteOverloadInvalidatesTheReadsItsTagsNameInEveryProcess() {
    Larder first = processes.start();
    long id = kettle(first);
    TitleRepository a = new TitleRepositoryImpl(first);
    TitleRepository b = new TitleRepositoryImpl(processes.start());
    assertThat(b.title(id)).contains("Kettle");
    assertThat(b.title(id, "kitchen")).contains("Kettle (kitchen)");

    a.rename(id, "Kettle 2");

    await().atMost(Duration.ofSeconds(5)).until(() -> b.title(id), Optional.of("Kettle 2")::equals);
    assertThat(b.title(id, "kitchen")).contains("Kettle 2 (kitchen)");

    a.rename("kitchen", "!");

    await().atMost(Duration.ofSeconds(5))
        .until(() -> b.title(id, "kitchen"), Optional.of("Kettle 2! (kitchen)")::equals);
    assertThat(b.title(id)).contains("Kettle 2!");
    assertThat(a.title(id)).contains("Kettle 2!");
  }

  @Test
  void parametersNamedLikeGeneratedVariablesBindKeyAndInvalidateAsAnyOther() {
    Larder larder = processes.start();
    new ProductRepositoryImpl(larder).addCategory("kitchen", "Kitchen");
    TitleRepository titles = new TitleRepositoryImpl(larder);
    assertThat(titles.insert(List.of(
        new NewProduct("KETTLE", "Kettle", "kitchen", 3_499),
        new NewProduct("KNIFE", "Knife", "kitchen", 5_900),
        new NewProduct("PAN", "Pan", "kitchen", 2_500)))).isEqualTo(3);

    assertThat(titles.countMatching(1, "none", "none", "none", -1, -1, -1)).isEqualTo(1);
    assertThat(titles.countMatching(1, "KNIFE", "none", "none", -1, 3, -1)).isEqualTo(3);
    assertThat(titles.countMatching(-1, "none", "none", "none", 2_500, -1, -1)).isEqualTo(1);
    assertThat(titles.countMatching(-1, "none", "none", "kitchen", -1, -1, -1)).isEqualTo(3);
    assertThat(titles.names(List.of(3L, 1L))).containsExactly("Kettle", "Pan");

    assertThat(titles.reprice(3, 5_900)).isEqualTo(1);

    assertThat(titles.countMatching(-1, "none", "none", "none", 5_900, -1, -1)).isEqualTo(2);
    assertThat(titles.countMatching(-1, "none", "none", "none", 2_500, -1, -1)).isZero();
  }
}
