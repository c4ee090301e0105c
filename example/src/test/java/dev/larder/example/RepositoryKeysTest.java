package dev.larder.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The key builders generated next to each repository give the documented strings. */
class RepositoryKeysTest {
  private static final String FINGERPRINT = "@[0-9a-f]{8}";

  @Test
  void keyIsTheTemplateWithEncodedValuesAndAFingerprint() {
    assertThat(ProductRepositoryKeys.findById(42)).matches("product:42" + FINGERPRINT);
    assertThat(ProductRepositoryKeys.findBySku("AB:12")).matches("product:sku:AB%3A12" + FINGERPRINT);
    assertThat(ProductRepositoryKeys.byCategory("home garden")).matches("product:list:home%20garden" + FINGERPRINT);
    assertThat(ProductRepositoryKeys.findByIds(List.of(3L, 1L))).matches("product:ids:\\[3,1\\]" + FINGERPRINT);
    assertThat(ProductRepositoryKeys.skusByStatus("kitchen", ProductStatus.DRAFT))
        .matches("product:skus:kitchen:DRAFT" + FINGERPRINT);
    assertThat(ProductRepositoryKeys.categories()).matches("categories" + FINGERPRINT);
  }

  @Test
  void fingerprintIsStablePerMethodAndDiffersBetweenQueries() {
    String fingerprint = fingerprintOf(ProductRepositoryKeys.findById(1));

    assertThat(fingerprintOf(ProductRepositoryKeys.findById(2))).isEqualTo(fingerprint);
    assertThat(fingerprintOf(ProductRepositoryKeys.findBySku("x"))).isNotEqualTo(fingerprint);
  }

  @Test
  void valuesThatLookLikeSeparatorsDoNotMakeKeysCollide() {
    assertThat(ProductRepositoryKeys.skusByStatus("a:DRAFT", ProductStatus.DRAFT))
        .isNotEqualTo(ProductRepositoryKeys.skusByStatus("a", ProductStatus.DRAFT));
    assertThat(ProductRepositoryKeys.byCategory(null)).matches("product:list:~" + FINGERPRINT);
  }

  @Test
  void tagsHaveNoFingerprint() {
    assertThat(ProductRepositoryKeys.findByIdTags(42)).containsExactly("product:42");
    assertThat(ProductRepositoryKeys.byCategoryTags("kitchen")).containsExactly("products", "category:kitchen");
    assertThat(ProductRepositoryKeys.updatePriceTags(42, 999)).containsExactly("product:42", "products");
  }

  @Test
  void batchTagsResolvePerElementOnceEach() {
    List<String> tags = ProductRepositoryKeys.insertAllTags(List.of(
        new NewProduct("A", "A", "kitchen", 1),
        new NewProduct("B", "B", "garden", 1),
        new NewProduct("C", "C", "kitchen", 1)));

    assertThat(tags).containsExactly("products", "product-names", "category:kitchen", "category:garden");
  }

  @Test
  void keysOfOtherRepositoriesEncodeUuidsDatesAndRecordComponents() {
    UUID cart = UUID.fromString("6f1c2a9e-52a4-4c1b-9f0e-1d2c3b4a5f60");
    assertThat(CartRepositoryKeys.findById(cart)).matches("cart:" + cart + FINGERPRINT);
    assertThat(CartRepositoryKeys.addItemTags(new NewCartItem(cart, 1, 1, java.math.BigDecimal.ONE)))
        .containsExactly("cart:" + cart);
    assertThat(OrderRepositoryKeys.forCustomer("ada@example.com", LocalDate.of(2024, 5, 6), LocalDate.of(2024, 5, 7)))
        .matches("customer:ada%40example.com:orders:2024-05-06:2024-05-07" + FINGERPRINT);
  }

  @Test
  void readWithoutKeyTemplateGetsTheDefaultKey() {
    assertThat(TypeProbeRepositoryKeys.labelIfAny(7)).matches("TypeProbeRepository:labelIfAny:7" + FINGERPRINT);
  }

  private static String fingerprintOf(String key) {
    return key.substring(key.lastIndexOf('@'));
  }
}
