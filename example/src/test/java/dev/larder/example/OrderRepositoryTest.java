package dev.larder.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.larder.runtime.IncorrectResultSizeException;
import dev.larder.runtime.Larder;
import dev.larder.runtime.RepositoryException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderRepositoryTest {
  private static final String ADA = "ada@example.com";
  private static final LocalDate MONDAY = LocalDate.of(2024, 5, 6);
  private static final OffsetDateTime MONDAY_NOON = OffsetDateTime.of(2024, 5, 6, 12, 0, 0, 0, ZoneOffset.UTC);

  private Larder larder;
  private OrderRepository orders;

  @AfterEach
  void closeRuntime() {
    larder.close();
  }

  @BeforeEach
  void freshCatalog() {
    larder = ExampleDatabase.freshLarder();
    ProductRepository products = new ProductRepositoryImpl(larder);
    products.addCategory("kitchen", "Kitchen");
    products.insertAll(List.of(
        new NewProduct("KETTLE", "Kettle", "kitchen", 3_499),
        new NewProduct("BOARD", "Board", "kitchen", 2_450)));
    orders = new OrderRepositoryImpl(larder);
  }

  private long place(UUID number, String total, LocalDate day, String note) {
    orders.place(new NewOrder(number, ADA, new BigDecimal(total), day, day.atTime(12, 0).atOffset(ZoneOffset.UTC), note));
    return orders.idOf(number);
  }

  @Test
  void placeBindsRecordComponentsAndFindByNumberMapsThemBack() {
    UUID number = UUID.randomUUID();
    long id = place(number, "83.48", MONDAY, null);

    Order order = orders.findByNumber(number).orElseThrow();

    assertThat(order).isEqualTo(new Order(id, number, ADA, OrderStatus.PLACED, new BigDecimal("83.48"), MONDAY,
        MONDAY_NOON, null, null));
    assertThat(orders.findByNumber(UUID.randomUUID())).isEmpty();
  }

  @Test
  void addLinesIsABatchReturningALongCount() {
    long id = place(UUID.randomUUID(), "83.48", MONDAY, "leave at the door");

    long inserted = orders.addLines(List.of(
        new NewOrderLine(id, 1, 1, 1, new BigDecimal("34.99")),
        new NewOrderLine(id, 2, 2, 2, new BigDecimal("24.50"))));

    assertThat(inserted).isEqualTo(2L);
    assertThat(orders.itemCount(id)).isEqualTo(3);
    assertThat(orders.itemCount(404)).isZero();
  }

  @Test
  void addLinesForAnUnknownOrderIsAForeignKeyViolationNamingTheMethod() {
    assertThatThrownBy(() -> orders.addLines(List.of(new NewOrderLine(404, 1, 1, 1, BigDecimal.ONE))))
        .isInstanceOf(RepositoryException.class)
        .hasMessageStartingWith("OrderRepository.addLines: SQLSTATE 23503")
        .asInstanceOf(type(RepositoryException.class))
        .extracting(RepositoryException::sqlState)
        .isEqualTo("23503");
  }

  @Test
  void placingTheSameNumberTwiceIsAUniqueViolation() {
    UUID number = UUID.randomUUID();
    place(number, "1.00", MONDAY, null);

    assertThatThrownBy(() -> place(number, "2.00", MONDAY, null))
        .isInstanceOf(RepositoryException.class)
        .hasMessageContaining("OrderRepository.place: SQLSTATE 23505")
        .asInstanceOf(type(RepositoryException.class))
        .extracting(RepositoryException::method, RepositoryException::sqlState)
        .containsExactly("OrderRepository.place", "23505");
  }

  @Test
  void forCustomerBindsLocalDatesInclusively() {
    place(UUID.randomUUID(), "1.00", MONDAY.minusDays(1), "sunday");
    place(UUID.randomUUID(), "2.00", MONDAY, "monday");
    place(UUID.randomUUID(), "3.00", MONDAY.plusDays(1), "tuesday");

    assertThat(orders.forCustomer(ADA, MONDAY, MONDAY.plusDays(1))).extracting(Order::note)
        .containsExactly("monday", "tuesday");
    assertThat(orders.forCustomer("nobody@example.com", MONDAY, MONDAY)).isEmpty();
  }

  @Test
  void statusOfReturnsAnEnumAndChangeStatusAnUpdateCount() {
    long id = place(UUID.randomUUID(), "1.00", MONDAY, null);
    assertThat(orders.statusOf(id)).isEqualTo(OrderStatus.PLACED);

    assertThat(orders.changeStatus(id, OrderStatus.PAID)).isEqualTo(1);
    assertThat(orders.changeStatus(404, OrderStatus.PAID)).isZero();

    assertThat(orders.statusOf(id)).isEqualTo(OrderStatus.PAID);
    assertThatThrownBy(() -> orders.statusOf(404))
        .isInstanceOf(IncorrectResultSizeException.class)
        .hasMessageStartingWith("OrderRepository.statusOf: ");
  }

  @Test
  void revenueOnSumsBigDecimalsLeavingCancelledOrdersOut() {
    place(UUID.randomUUID(), "10.25", MONDAY, null);
    long cancelled = place(UUID.randomUUID(), "99.99", MONDAY, null);
    place(UUID.randomUUID(), "0.50", MONDAY, null);
    orders.changeStatus(cancelled, OrderStatus.CANCELLED);

    assertThat(orders.revenueOn(MONDAY)).isEqualByComparingTo("10.75");
    assertThat(orders.revenueOn(MONDAY.plusDays(7))).isEqualByComparingTo("0");
  }

  @Test
  void daysWithStatusBindsASetOfEnumsAsAnArray() {
    long sunday = place(UUID.randomUUID(), "1.00", MONDAY.minusDays(1), null);
    long monday = place(UUID.randomUUID(), "1.00", MONDAY, null);
    place(UUID.randomUUID(), "1.00", MONDAY.plusDays(1), null);
    orders.changeStatus(sunday, OrderStatus.PAID);
    orders.ship(monday, MONDAY_NOON.plusHours(3));

    assertThat(orders.daysWithStatus(EnumSet.of(OrderStatus.PAID, OrderStatus.SHIPPED)))
        .containsExactly(MONDAY.minusDays(1), MONDAY);
    assertThat(orders.daysWithStatus(Set.of(OrderStatus.CANCELLED))).isEmpty();
  }

  @Test
  void shipIsAVoidUpdateAndShippedAtAnOptionalOffsetDateTime() {
    long id = place(UUID.randomUUID(), "1.00", MONDAY, null);
    assertThat(orders.shippedAt(id)).isEmpty();
    assertThat(orders.shippedAt(404)).isEmpty();

    orders.ship(id, MONDAY_NOON.plusHours(3));

    assertThat(orders.shippedAt(id)).contains(MONDAY_NOON.plusHours(3));
    assertThat(orders.statusOf(id)).isEqualTo(OrderStatus.SHIPPED);
  }
}
