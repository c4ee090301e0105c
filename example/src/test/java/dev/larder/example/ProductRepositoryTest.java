package dev.larder.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.larder.runtime.IncorrectResultSizeException;
import dev.larder.runtime.Larder;
import dev.larder.runtime.RepositoryException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProductRepositoryTest {
  private Larder larder;
  private ProductRepository products;

  @AfterEach
  void closeRuntime() {
    larder.close();
  }

  @BeforeEach
  void freshCatalog() {
    larder = ExampleDatabase.freshLarder();
    products = new ProductRepositoryImpl(larder);
    products.addCategory("kitchen", "Kitchen");
    products.addCategory("garden", "Garden");
    products.insertAll(List.of(
        new NewProduct("KETTLE", "Kettle", "kitchen", 3_499),
        new NewProduct("KNIFE", "Knife", "kitchen", 5_900),
        new NewProduct("BOARD", "Board", "kitchen", 2_450),
        new NewProduct("HOSE", "Hose", "garden", 4_200)));
  }

  @Test
  void findByIdMapsEveryColumnOfThePresentRow() {
    Instant before = Instant.now().minus(1, ChronoUnit.HOURS);

    Product kettle = products.findById(1).orElseThrow();

    assertThat(kettle.id()).isEqualTo(1);
    assertThat(kettle.sku()).isEqualTo("KETTLE");
    assertThat(kettle.name()).isEqualTo("Kettle");
    assertThat(kettle.category()).isEqualTo("kitchen");
    assertThat(kettle.priceCents()).isEqualTo(3_499);
    assertThat(kettle.createdAt()).isAfter(before);
    assertThat(kettle.status()).isEqualTo(ProductStatus.ACTIVE);
  }

  @Test
  void findByIdOfAMissingRowIsEmpty() {
    assertThat(products.findById(404)).isEmpty();
  }

  @Test
  void findBySkuReturnsTheOneRow() {
    assertThat(products.findBySku("KNIFE").id()).isEqualTo(2);
  }

  @Test
  void findBySkuWithoutARowNamesTheMethod() {
    assertThatThrownBy(() -> products.findBySku("NOPE"))
        .isInstanceOf(IncorrectResultSizeException.class)
        .hasMessageStartingWith("ProductRepository.findBySku: expected exactly 1 row but the query returned none")
        .asInstanceOf(type(IncorrectResultSizeException.class))
        .extracting(IncorrectResultSizeException::method)
        .isEqualTo("ProductRepository.findBySku");
  }

  @Test
  void aCachedListCannotBeChangedByOneCallerUnderTheOthers() {
    List<Product> first = products.byCategory("kitchen");
    List<Product> cached = products.byCategory("kitchen");

    assertThatThrownBy(() -> cached.sort(Comparator.comparing(Product::sku).reversed()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> first.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(products.byCategory("kitchen")).extracting(Product::sku)
        .containsExactly("BOARD", "KETTLE", "KNIFE");
  }

  @Test
  void byCategoryListsCheapestFirstAndNothingForAnEmptyCategory() {
    assertThat(products.byCategory("kitchen")).extracting(Product::sku).containsExactly("BOARD", "KETTLE", "KNIFE");
    assertThat(products.byCategory("toys")).isEmpty();
  }

  @Test
  void countByCategoryCountsRows() {
    assertThat(products.countByCategory("kitchen")).isEqualTo(3);
    assertThat(products.countByCategory("toys")).isZero();
  }

  @Test
  void findByIdsBindsTheListAsAnArrayAndSkipsUnknownIds() {
    assertThat(products.findByIds(List.of(4L, 2L, 99L))).extracting(Product::sku).containsExactly("KNIFE", "HOSE");
    assertThat(products.findByIds(List.of())).isEmpty();
  }

  @Test
  void findByIdsRefusesANullListNamingMethodAndParameter() {
    assertThatThrownBy(() -> products.findByIds(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ProductRepository.findByIds")
        .hasMessageContaining("ids");
  }

  @Test
  void skusByStatusBindsTheEnumByName() {
    products.changeStatus(2, ProductStatus.DISCONTINUED);
    products.changeStatus(3, ProductStatus.DISCONTINUED);

    assertThat(products.skusByStatus("kitchen", ProductStatus.DISCONTINUED)).containsExactly("BOARD", "KNIFE");
    assertThat(products.skusByStatus("kitchen", ProductStatus.ACTIVE)).containsExactly("KETTLE");
    assertThat(products.findById(2)).map(Product::status).contains(ProductStatus.DISCONTINUED);
  }

  @Test
  void maxPriceCentsIsPresentOrEmptyWhenTheAggregateIsNull() {
    assertThat(products.maxPriceCents("kitchen")).contains(5_900L);
    assertThat(products.maxPriceCents("toys")).isEmpty();
  }

  @Test
  void categoriesListsWhatAddCategoryInserted() {
    assertThat(products.categories()).containsExactly(new Category("garden", "Garden"), new Category("kitchen", "Kitchen"));
  }

  @Test
  void updatePriceReturnsTheNumberOfRowsChanged() {
    assertThat(products.updatePrice(1, 2_999)).isEqualTo(1);
    assertThat(products.updatePrice(404, 2_999)).isZero();
    assertThat(products.findById(1)).map(Product::priceCents).contains(2_999L);
  }

  @Test
  void insertAllReturnsRowsInsertedAndAnEmptyBatchWritesNothing() {
    int inserted = products.insertAll(List.of(
        new NewProduct("SPADE", "Spade", "garden", 2_100),
        new NewProduct("RAKE", "Rake", "garden", 1_500)));

    assertThat(inserted).isEqualTo(2);
    assertThat(products.insertAll(List.of())).isZero();
    assertThat(products.byCategory("garden")).extracting(Product::sku).containsExactly("RAKE", "SPADE", "HOSE");
  }

  @Test
  void insertAllIsOneTransactionSoAFailingRowWritesNone() {
    List<NewProduct> rows = List.of(
        new NewProduct("SHEARS", "Shears", "garden", 1_890),
        new NewProduct("KETTLE", "Second kettle", "kitchen", 1_000));

    assertThatThrownBy(() -> products.insertAll(rows))
        .isInstanceOf(RepositoryException.class)
        .hasMessageStartingWith("ProductRepository.insertAll: SQLSTATE 23505")
        .hasMessageContaining("[SQL: INSERT INTO product")
        .asInstanceOf(type(RepositoryException.class))
        .satisfies(e -> {
          assertThat(e.method()).isEqualTo("ProductRepository.insertAll");
          assertThat(e.sqlState()).isEqualTo("23505");
        });
    assertThat(products.countByCategory("garden")).isEqualTo(1);
  }

  @Test
  void insertAllRefusesANullBatchNamingMethodAndParameter() {
    assertThatThrownBy(() -> products.insertAll(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ProductRepository.insertAll: rows is null");
  }

  @Test
  void addCategoryTwiceIsAUniqueViolationNamingTheMethod() {
    assertThatThrownBy(() -> products.addCategory("kitchen", "Kitchen again"))
        .isInstanceOf(RepositoryException.class)
        .hasMessageStartingWith("ProductRepository.addCategory: SQLSTATE 23505")
        .asInstanceOf(type(RepositoryException.class))
        .extracting(RepositoryException::sqlState)
        .isEqualTo("23505");
  }

  @Test
  void insertIntoAnUnknownCategoryIsAForeignKeyViolation() {
    assertThatThrownBy(() -> products.insertAll(List.of(new NewProduct("BALL", "Ball", "toys", 500))))
        .isInstanceOf(RepositoryException.class)
        .asInstanceOf(type(RepositoryException.class))
        .extracting(RepositoryException::sqlState)
        .isEqualTo("23503");
  }

  @Test
  void defaultMethodRepriceComposesUpdateAndFind() {
    assertThat(products.reprice(1, 1_999)).map(Product::priceCents).contains(1_999L);
    assertThat(products.reprice(404, 1_999)).isEmpty();
  }
}
