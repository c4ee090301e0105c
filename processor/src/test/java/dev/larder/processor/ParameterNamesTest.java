package dev.larder.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A parameter may have any name: none clashes with a local variable, lambda parameter or field
 * that generated code introduces. Each name is given to a parameter of every kind of method the
 * processor generates (cached and uncached reads of every shape, both pagings, a write, both
 * kinds of batch, a {@code @Transactional} default method), and the generated code must compile
 * without a warning.
 */
class ParameterNamesTest {

  @ParameterizedTest
  @ValueSource(strings = {
      // locals, lambda parameters and fields of the generated methods
      "handle", "larder", "count", "transaction", "statement", "at", "row", "chunk", "batch",
      "position", "tags", "element",
      // names the issue asked about, and the parameters of mappers and codecs
      "key", "result", "sql", "rows", "e", "i", "rs", "context", "in", "out", "value",
      // constants of the implementation, of a cached read, a write and an uncached read
      "FIND_BY_ID", "UPDATE_PRICE", "LOCK_BY_ID"})
  void generatedCodeCompilesWithEveryLintWarningAsAnErrorWhateverTheParameterName(String name) {
    Sources.assertCompilesStrictly(hostileRepository(name), "HostileRepository");
  }

  @ParameterizedTest
  @ValueSource(strings = {"handle", "larder", "FIND_BY_ID", "LOCK_BY_ID"})
  void aParameterKeepsItsNameAndWhatItWouldHideIsRenamedOrQualified(String name) {
    Compilation compilation = Sources.compile(hostileRepository(name));
    String impl = Sources.generatedSource(compilation, "test.HostileRepositoryImpl");

    // findById is a cached read, lockById an uncached one
    assertThat(impl).contains("public Optional<Product> findById(long " + name + ")")
        .contains("public Optional<Product> lockById(long " + name + ")");
    switch (name) {
      case "handle" -> assertThat(impl).contains("handle_ -> Rows.atMostOne(")
          .contains("handle_.createQuery(").contains(".bind(\"handle\", handle)")
          .contains("return larder.execute(LOCK_BY_ID,\n")
          .contains("handle_ -> Rows.atMostOne(LOCK_BY_ID,");
      case "larder" -> assertThat(impl).contains("return this.larder.read(FIND_BY_ID,")
          .contains("return this.larder.execute(LOCK_BY_ID,")
          .contains("CURRENT_BY_ID_KEYSET.position(this.larder, larder, limit)");
      case "FIND_BY_ID" ->
          assertThat(impl).contains("return larder.read(HostileRepositoryImpl.FIND_BY_ID,");
      default -> assertThat(impl)
          .contains("return larder.execute(HostileRepositoryImpl.LOCK_BY_ID,");
    }
  }

  /** A repository in which {@code name} names a parameter of each kind of method. */
  static JavaFileObject hostileRepository(String name) {
    String columns = "SELECT id, sku, name, category, price_cents, status, created_at FROM product";
    return Sources.source("HostileRepository", """
        import dev.larder.runtime.*;

        @CachedRepository(ttl = "PT10M")
        public interface HostileRepository {
          @Query("%1$s WHERE id = :%2$s")
          @CacheKey(value = "product:{%2$s}", tags = "product:{%2$s}")
          Optional<Product> findById(long %2$s);

          @Query("%1$s WHERE category = :%2$s ORDER BY id")
          @CacheKey(tags = "category:{%2$s}")
          List<Product> inCategory(String %2$s);

          @Query("SELECT sku FROM product WHERE id = ANY(:%2$s) ORDER BY sku")
          @CacheKey(tags = "products")
          List<String> skus(List<Long> %2$s);

          @Query("%1$s WHERE category = :category ORDER BY name, id")
          @CacheKey(tags = "category:{category}")
          Page<Product> pageInCategory(String category, PageRequest %2$s);

          @Query("%1$s WHERE category = :category")
          @OrderBy(value = "id", unique = "id")
          @CacheKey(tags = "category:{category}")
          CursorPage<Product> byId(String category, Cursor %2$s, int limit);

          @Query("%1$s WHERE category = :%2$s")
          @OrderBy(value = "id", unique = "id")
          @CacheKey(tags = "category:{%2$s}")
          CursorPage<Product> byIdIn(String %2$s, Cursor after, int limit);

          @Query(value = "%1$s WHERE id = :%2$s FOR UPDATE", cached = false)
          Optional<Product> lockById(long %2$s);

          @Query(value = "%1$s WHERE category = :%2$s ORDER BY id", cached = false)
          List<Product> currentInCategory(String %2$s);

          @Query(value = "%1$s WHERE category = :category ORDER BY name, id", cached = false)
          Page<Product> currentPage(String category, PageRequest %2$s);

          @Query(value = "%1$s WHERE category = :category", cached = false)
          @OrderBy(value = "id", unique = "id")
          CursorPage<Product> currentById(String category, Cursor %2$s, int limit);

          @Update("UPDATE product SET price_cents = :priceCents WHERE id = :%2$s")
          @InvalidatesTags({"product:{%2$s}", "products"})
          long updatePrice(long %2$s, long priceCents);

          @Update("UPDATE product SET category = :%2$s WHERE id = :id")
          @InvalidatesTags({"product:{id}", "category:{%2$s}"})
          void move(long id, String %2$s);

          @Update("INSERT INTO product (sku, name, category, price_cents)"
              + " VALUES (:sku, :name, :category, :priceCents)")
          @InvalidatesTags({"products", "category:{%2$s.category}"})
          int insertAll(List<NewProduct> %2$s);

          @Update("UPDATE product SET price_cents = :priceCents WHERE sku = :sku")
          @InvalidatesTags({"products", "category:{%2$s.category}"})
          int repriceAll(Collection<NewProduct> %2$s);

          @Transactional
          default long reprice(long %2$s, long priceCents) {
            return updatePrice(%2$s, priceCents);
          }
        }
        """.formatted(columns, name));
  }
}
