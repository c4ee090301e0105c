package dev.larder.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.runtime.IncorrectResultSizeException;
import dev.larder.runtime.Larder;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CartRepositoryTest {
  private static final String ADA = "ada@example.com";
  // Microseconds, as PostgreSQL stores them; a +02:00 offset comes back as the same instant in UTC.
  private static final OffsetDateTime OPENED = OffsetDateTime.of(2024, 5, 6, 10, 30, 0, 123_456_000, ZoneOffset.ofHours(2));

  private Larder larder;
  private CartRepository carts;
  private UUID cartId;

  @AfterEach
  void closeRuntime() {
    larder.close();
  }

  @BeforeEach
  void openCart() {
    larder = ExampleDatabase.freshLarder();
    ProductRepository products = new ProductRepositoryImpl(larder);
    products.addCategory("kitchen", "Kitchen");
    products.insertAll(List.of(
        new NewProduct("KETTLE", "Kettle", "kitchen", 3_499),
        new NewProduct("BOARD", "Board", "kitchen", 2_450)));
    carts = new CartRepositoryImpl(larder);
    cartId = UUID.fromString("6f1c2a9e-52a4-4c1b-9f0e-1d2c3b4a5f60");
    carts.open(cartId, ADA, OPENED);
  }

  @Test
  void findByIdRoundTripsUuidAndOffsetDateTime() {
    Cart cart = carts.findById(cartId).orElseThrow();

    assertThat(cart.id()).isEqualTo(cartId);
    assertThat(cart.customerEmail()).isEqualTo(ADA);
    assertThat(cart.createdAt()).isEqualTo(OPENED.withOffsetSameInstant(ZoneOffset.UTC));
    assertThat(cart.createdAt().toInstant()).isEqualTo(OPENED.toInstant());
    assertThat(cart.checkedOut()).isFalse();
    assertThat(carts.findById(UUID.randomUUID())).isEmpty();
  }

  @Test
  void addItemBindsRecordComponentsAndMergesQuantities() {
    assertThat(carts.addItem(new NewCartItem(cartId, 1, 1, new BigDecimal("34.99")))).isEqualTo(1);
    carts.addItem(new NewCartItem(cartId, 2, 2, new BigDecimal("24.50")));
    carts.addItem(new NewCartItem(cartId, 2, 1, new BigDecimal("24.50")));

    assertThat(carts.lines(cartId)).containsExactly(
        new CartLine(2, "BOARD", "Board", 3, new BigDecimal("24.50")),
        new CartLine(1, "KETTLE", "Kettle", 1, new BigDecimal("34.99")));
    assertThat(carts.productIds(cartId)).containsExactly(1L, 2L);
  }

  @Test
  void totalIsEmptyForAnEmptyCartAndTheExactDecimalOtherwise() {
    assertThat(carts.total(cartId)).isEmpty();

    carts.addItem(new NewCartItem(cartId, 1, 3, new BigDecimal("0.10")));

    assertThat(carts.total(cartId)).contains(new BigDecimal("0.30"));
  }

  @Test
  void updatedAtReturnsTheScalarAndFailsForAMissingCartNamingTheMethod() {
    assertThat(carts.updatedAt(cartId).toInstant()).isEqualTo(OPENED.toInstant());
    assertThatThrownBy(() -> carts.updatedAt(UUID.randomUUID()))
        .isInstanceOf(IncorrectResultSizeException.class)
        .hasMessageStartingWith("CartRepository.updatedAt: expected exactly 1 row");
  }

  @Test
  void checkOutIsAVoidUpdateThatOnlyTheOwnerCanMake() {
    OffsetDateTime later = OPENED.plusMinutes(5);

    carts.checkOut(cartId, "mallory@example.com", later);
    assertThat(carts.isCheckedOut(cartId)).isFalse();

    carts.checkOut(cartId, ADA, later);
    assertThat(carts.isCheckedOut(cartId)).isTrue();
    assertThat(carts.updatedAt(cartId).toInstant()).isEqualTo(later.toInstant());
    assertThat(carts.isCheckedOut(UUID.randomUUID())).isFalse();
  }

  @Test
  void openCartIdsListsUuidsOfOpenCartsOldestFirst() {
    UUID second = UUID.fromString("00000000-0000-0000-0000-000000000002");
    carts.open(second, ADA, OPENED.plusDays(1));
    assertThat(carts.openCartIds(ADA)).containsExactly(cartId, second);

    carts.checkOut(cartId, ADA, OPENED.plusDays(2));
    assertThat(carts.openCartIds(ADA)).containsExactly(second);
    assertThat(carts.openCartIds("nobody@example.com")).isEmpty();
  }
}
