package dev.larder.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.runtime.Cursor;
import dev.larder.runtime.CursorPage;
import dev.larder.runtime.Larder;
import dev.larder.runtime.Page;
import dev.larder.runtime.PageRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Offset and keyset paging through the generated {@link ProductRepository}, on PostgreSQL and
 * through the cache.
 */
class PagingTest {
  /** The keyset order of byPriceDescending: price_cents DESC, then id. */
  private static final Comparator<Product> BY_PRICE_DESCENDING =
      Comparator.comparingLong(Product::priceCents).reversed().thenComparingLong(Product::id);

  private final Random random = new Random(20_261_124);
  private Larder larder;
  private ProductRepository products;
  private int skus;

  @BeforeEach
  void freshCatalog() {
    larder = ExampleDatabase.freshLarder();
    products = new ProductRepositoryImpl(larder);
    products.addCategory("kitchen", "Kitchen");
    products.addCategory("garden", "Garden");
  }

  @AfterEach
  void closeRuntime() {
    larder.close();
  }

  /** Inserts {@code count} products with prices from a few values, so that many tie. */
  private void insert(String category, int count) {
    List<NewProduct> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(new NewProduct("SKU-" + skus++, "Product", category, 100 * random.nextInt(50)));
    }
    assertThat(products.insertAll(rows)).isEqualTo(count);
  }

  private List<Product> all(String category) {
    return larder.jdbi().withHandle(h -> h.createQuery("SELECT id, price_cents FROM product"
            + " WHERE category = :c").bind("c", category)
        .map((rs, ctx) -> new Product(rs.getLong(1), null, null, category, rs.getLong(2), null,
            null, 1))
        .list());
  }

  private static Set<Long> ids(List<Product> rows) {
    Set<Long> ids = new HashSet<>();
    rows.forEach(p -> ids.add(p.id()));
    return ids;
  }

  private static void assertStrictlyAscending(List<Product> walk, Comparator<Product> order) {
    for (int i = 1; i < walk.size(); i++) {
      assertThat(order.compare(walk.get(i - 1), walk.get(i)))
          .as("row %d (id %d) must sort after row %d (id %d)", i, walk.get(i).id(), i - 1,
              walk.get(i - 1).id())
          .isNegative();
    }
  }

  @Test
  void keysetWalksTenThousandRowsBothWaysWithMixedDirectionsWhileRowsAreInserted() {
    insert("kitchen", 10_000);
    Set<Long> before = ids(all("kitchen"));

    // Forward, inserting rows that sort anywhere (before and after the position) between pages.
    List<Product> forward = new ArrayList<>();
    CursorPage<Product> page = products.byPriceDescending("kitchen", null, 97);
    forward.addAll(page.content());
    int pages = 1;
    while (page.hasNext()) {
      insert("kitchen", 3);
      page = products.byPriceDescending("kitchen", page.next(), 97);
      forward.addAll(page.content());
      pages++;
    }
    assertThat(pages).isGreaterThan(100);
    assertStrictlyAscending(forward, BY_PRICE_DESCENDING); // so no row came twice
    assertThat(ids(forward)).containsAll(before);

    // Backward from the last page, again inserting between pages.
    Set<Long> existing = ids(all("kitchen"));
    List<List<Product>> backward = new ArrayList<>();
    backward.add(page.content());
    while (page.hasPrevious()) {
      insert("kitchen", 3);
      page = products.byPriceDescending("kitchen", page.previous(), 97);
      assertThat(page.content()).hasSizeLessThanOrEqualTo(97);
      backward.add(0, page.content());
    }
    List<Product> walkedBack = backward.stream().flatMap(List::stream).toList();
    assertStrictlyAscending(walkedBack, BY_PRICE_DESCENDING);
    assertThat(ids(walkedBack)).containsAll(existing);
  }

  @Test
  void keysetWalkInOneDirectionMatchesTheFullOrderAndBreaksTiesByTheUniqueColumn() {
    insert("garden", 1_000); // one statement: every row has the same created_at

    List<Product> walk = new ArrayList<>();
    Cursor after = null;
    do {
      CursorPage<Product> page = products.newestInCategory("garden", after, 64);
      walk.addAll(page.content());
      after = page.next();
    } while (after != null);

    assertThat(walk).hasSize(1_000);
    assertStrictlyAscending(walk, Comparator.comparing(Product::createdAt).reversed()
        .thenComparing(Comparator.comparingLong(Product::id).reversed()));
  }

  @Test
  void offsetPagesComeInOrderWithTheirTotal() {
    insert("kitchen", 50);
    List<Product> expected = all("kitchen").stream()
        .sorted(Comparator.comparingLong(Product::priceCents).thenComparingLong(Product::id))
        .toList();

    List<Product> walked = new ArrayList<>();
    Page<Product> page = products.pageByCategory("kitchen", PageRequest.of(0, 7).withTotal());
    walked.addAll(page.content());
    assertThat(page.total()).hasValue(50);
    assertThat(page.totalPages()).hasValue(8);
    while (page.hasNext()) {
      page = products.pageByCategory("kitchen", page.nextRequest());
      walked.addAll(page.content());
    }

    assertThat(page.page()).isEqualTo(7);
    assertThat(page.content()).hasSize(1);
    assertThat(walked).extracting(Product::id)
        .containsExactlyElementsOf(expected.stream().map(Product::id).toList());
    Page<Product> pastTheEnd = products.pageByCategory("kitchen", PageRequest.of(9, 7).withTotal());
    assertThat(pastTheEnd.content()).isEmpty();
    assertThat(pastTheEnd.hasNext()).isFalse();
    assertThat(pastTheEnd.total()).hasValue(50);
  }

  @Test
  void outOfRangePageSizeAndLimitAreIllegalArgumentsNamingTheRange() {
    assertThatThrownBy(() -> products.pageByCategory("kitchen", PageRequest.of(-1, 10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("page must be between 0 and 2147483647");
    assertThatThrownBy(() -> products.pageByCategory("kitchen", PageRequest.of(0, 5_000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("size must be between 1 and 1000 but was 5000");
    assertThatThrownBy(() -> products.pageByCategory("kitchen", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("ProductRepository.pageByCategory: request is null");
    assertThatThrownBy(() -> products.byPriceDescending("kitchen", null, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ProductRepository.byPriceDescending: limit must be between 1 and 1000 but"
            + " was 0");
    assertThat(larder.cacheStats().loads()).as("nothing reached the database").isZero();
  }

  @Test
  void malformedTruncatedTamperedAndForeignCursorsAreRefusedWithoutRunningSql() {
    insert("kitchen", 30);
    String token = products.byPriceDescending("kitchen", null, 10).next().token();
    Cursor foreign = products.newestInCategory("kitchen", null, 10).next();
    long loads = larder.cacheStats().loads();
    char flipped = token.charAt(token.length() / 2) == 'A' ? 'B' : 'A';
    List<Cursor> bad = List.of(
        new Cursor("not-a-cursor"),
        new Cursor(token.substring(0, token.length() - 3)),
        new Cursor(token.substring(0, token.length() / 2) + flipped
            + token.substring(token.length() / 2 + 1)),
        foreign);

    for (Cursor cursor : bad) {
      assertThatThrownBy(() -> products.byPriceDescending("kitchen", cursor, 10))
          .as(cursor.token())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("ProductRepository.byPriceDescending: cursor is not for this"
              + " query (");
    }
    assertThatThrownBy(() -> Cursor.parse("a cursor?"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(larder.cacheStats().loads()).isEqualTo(loads);
  }

  @Test
  void signedCursorsWalkEveryPageAndAHandMadeOrForeignOneIsRefused() {
    larder.close();
    byte[] key = new byte[32];
    random.nextBytes(key);
    larder = ExampleDatabase.freshLarder(Larder.builder().cursorKey(key));
    products = new ProductRepositoryImpl(larder);
    products.addCategory("kitchen", "Kitchen");
    insert("kitchen", 25);
    List<Product> walk = new ArrayList<>();
    Cursor after = null;
    do {
      CursorPage<Product> page = products.byPriceDescending("kitchen", after, 10);
      walk.addAll(page.content());
      after = page.next();
    } while (after != null);
    byte[] otherKey = key.clone();
    otherKey[0] ^= 1;
    Cursor signedElsewhere;
    try (Larder other = Larder.builder().dataSource(larder.dataSource()).cursorKey(otherKey)
        .build()) {
      signedElsewhere = new ProductRepositoryImpl(other).byPriceDescending("kitchen", null, 10)
          .next();
    }
    Cursor unsigned;
    try (Larder other = Larder.builder().dataSource(larder.dataSource()).build()) {
      unsigned = new ProductRepositoryImpl(other).byPriceDescending("kitchen", null, 10).next();
    }

    assertThat(walk).hasSize(25);
    assertStrictlyAscending(walk, BY_PRICE_DESCENDING);
    assertThatThrownBy(() -> products.byPriceDescending("kitchen", signedElsewhere, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("signed with another key");
    assertThatThrownBy(() -> products.byPriceDescending("kitchen", unsigned, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("it is not signed");
  }

  @Test
  void pagedReadsAreCachedAndInvalidatedByTheTagsOfABatchWrite() {
    insert("kitchen", 20);
    Page<Product> first = products.pageByCategory("kitchen", PageRequest.of(0, 5).withTotal());
    CursorPage<Product> dearest = products.byPriceDescending("kitchen", null, 5);
    long loads = larder.cacheStats().loads();

    assertThat(products.pageByCategory("kitchen", PageRequest.of(0, 5).withTotal()))
        .isEqualTo(first);
    assertThat(products.byPriceDescending("kitchen", null, 5)).isEqualTo(dearest);
    assertThat(larder.cacheStats().loads()).as("both served from the cache").isEqualTo(loads);
    assertThat(products.pageByCategory("kitchen", PageRequest.of(1, 5)))
        .as("another page is another entry").isNotEqualTo(first);

    products.insertAll(List.of(new NewProduct("CHEAPEST", "Cheapest", "kitchen", 0),
        new NewProduct("DEAREST", "Dearest", "kitchen", 1_000_000)));

    Page<Product> reread = products.pageByCategory("kitchen", PageRequest.of(0, 5).withTotal());
    assertThat(reread.content().get(0).sku()).isEqualTo("CHEAPEST");
    assertThat(reread.total()).hasValue(22);
    assertThat(products.byPriceDescending("kitchen", null, 5).content().get(0).sku())
        .isEqualTo("DEAREST");
  }

  @Test
  void cursorsSurviveTheCacheAndADifferentLimit() {
    insert("kitchen", 25);
    CursorPage<Product> first = products.byPriceDescending("kitchen", null, 10);
    products.byPriceDescending("kitchen", null, 10); // from the cache now

    CursorPage<Product> cached = products.byPriceDescending("kitchen", null, 10);
    CursorPage<Product> rest = products.byPriceDescending("kitchen", cached.next(), 50);

    assertThat(cached.next()).isEqualTo(first.next());
    assertThat(rest.content()).hasSize(15);
    Set<Long> seen = new LinkedHashSet<>(ids(first.content()));
    seen.addAll(ids(rest.content()));
    assertThat(seen).hasSize(25);
  }
}
