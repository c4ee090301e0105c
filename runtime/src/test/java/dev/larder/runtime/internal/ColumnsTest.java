package dev.larder.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.larder.runtime.Larder;
import dev.larder.runtime.RepositoryException;
import dev.larder.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ColumnsTest {
  private enum Status { ACTIVE, RETIRED }

  /** As the processor writes them: a switch, no {@code valueOf}. */
  private static final EnumLabels<Status> STATUS_LABELS = new EnumLabels<>("Status",
      Status::name,
      label -> switch (label) {
        case "ACTIVE" -> Status.ACTIVE;
        case "RETIRED" -> Status.RETIRED;
        default -> null;
      });

  /** Reads column 1 of a result set, as a generated row mapper does. */
  @FunctionalInterface
  private interface Reader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private static Larder larder;

  @BeforeAll
  static void connect() {
    larder = Larder.builder().dataSource(TestDatabase.get().dataSource()).build();
  }

  @AfterAll
  static void close() {
    larder.close();
  }

  private static <T> T read(String sql, Class<T> type, Reader<T> reader) {
    RepositoryMethod method = new RepositoryMethod("ProductRepository", "findById", sql, "00000000");
    return RepositorySupport.of(larder).execute(method, h -> h.createQuery(sql).map((rs, ctx) -> type.cast(reader.read(rs))).one());
  }

  @Test
  void nullIntoPrimitiveLongFailsNamingColumnMethodAndBoxedType() {
    assertThatThrownBy(() -> read("SELECT NULL::bigint AS price_cents", Long.class, rs -> Columns.getLong(rs, 1)))
        .isInstanceOf(RepositoryException.class)
        .hasMessageContaining("ProductRepository.findById: SQLSTATE 22004")
        .hasMessageContaining("column price_cents is NULL but is read into a long; declare it as Long")
        .asInstanceOf(type(RepositoryException.class))
        .extracting(RepositoryException::sqlState)
        .isEqualTo("22004");
  }

  @Test
  void nullIntoEveryPrimitiveFailsNamingTheBoxedType() {
    assertThatThrownBy(() -> read("SELECT NULL::int AS quantity", Integer.class, rs -> Columns.getInt(rs, 1)))
        .hasMessageContaining("column quantity is NULL but is read into a int; declare it as Integer");
    assertThatThrownBy(() -> read("SELECT NULL::float8 AS weight", Double.class, rs -> Columns.getDouble(rs, 1)))
        .hasMessageContaining("read into a double; declare it as Double");
    assertThatThrownBy(() -> read("SELECT NULL::boolean AS active", Boolean.class, rs -> Columns.getBoolean(rs, 1)))
        .hasMessageContaining("read into a boolean; declare it as Boolean");
  }

  @Test
  void zeroAndFalseAreNotMistakenForNull() {
    assertThat(read("SELECT 0::bigint", Long.class, rs -> Columns.getLong(rs, 1))).isZero();
    assertThat(read("SELECT 0::int", Integer.class, rs -> Columns.getInt(rs, 1))).isZero();
    assertThat(read("SELECT 0::float8", Double.class, rs -> Columns.getDouble(rs, 1))).isZero();
    assertThat(read("SELECT false", Boolean.class, rs -> Columns.getBoolean(rs, 1))).isFalse();
  }

  @Test
  void boxedReadersReturnNullForNullAndTheValueOtherwise() {
    assertThat(read("SELECT NULL::bigint", Long.class, rs -> Columns.getBoxedLong(rs, 1))).isNull();
    assertThat(read("SELECT NULL::int", Integer.class, rs -> Columns.getBoxedInt(rs, 1))).isNull();
    assertThat(read("SELECT NULL::float8", Double.class, rs -> Columns.getBoxedDouble(rs, 1))).isNull();
    assertThat(read("SELECT NULL::boolean", Boolean.class, rs -> Columns.getBoxedBoolean(rs, 1))).isNull();
    assertThat(read("SELECT 9000000000::bigint", Long.class, rs -> Columns.getBoxedLong(rs, 1))).isEqualTo(9_000_000_000L);
    assertThat(read("SELECT 0::int", Integer.class, rs -> Columns.getBoxedInt(rs, 1))).isZero();
    assertThat(read("SELECT 2.5::float8", Double.class, rs -> Columns.getBoxedDouble(rs, 1))).isEqualTo(2.5);
    assertThat(read("SELECT true", Boolean.class, rs -> Columns.getBoxedBoolean(rs, 1))).isTrue();
  }

  @Test
  void objectTypesReadFromTheirPostgresTypes() {
    UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    assertThat(read("SELECT '" + id + "'::uuid", UUID.class, rs -> Columns.getUuid(rs, 1))).isEqualTo(id);
    assertThat(read("SELECT 12.50::numeric(10,2)", BigDecimal.class, rs -> Columns.getBigDecimal(rs, 1)))
        .isEqualTo(new BigDecimal("12.50"));
    assertThat(read("SELECT 'hé'::text", String.class, rs -> Columns.getString(rs, 1))).isEqualTo("hé");
    assertThat(read("SELECT DATE '2024-02-29'", LocalDate.class, rs -> Columns.getLocalDate(rs, 1)))
        .isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(read("SELECT TIMESTAMP '2024-02-29 13:14:15.5'", LocalDateTime.class, rs -> Columns.getLocalDateTime(rs, 1)))
        .isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 500_000_000));
    assertThat(read("SELECT TIMESTAMPTZ '2024-02-29 13:14:15+02'", Instant.class, rs -> Columns.getInstant(rs, 1)))
        .isEqualTo(Instant.parse("2024-02-29T11:14:15Z"));
    assertThat(read("SELECT TIMESTAMPTZ '2024-02-29 13:14:15+02'", OffsetDateTime.class, rs -> Columns.getOffsetDateTime(rs, 1)))
        .isEqualTo(OffsetDateTime.of(2024, 2, 29, 11, 14, 15, 0, ZoneOffset.UTC));
  }

  @Test
  void nullObjectColumnsReadAsNull() {
    assertThat(read("SELECT NULL::uuid", UUID.class, rs -> Columns.getUuid(rs, 1))).isNull();
    assertThat(read("SELECT NULL::timestamptz", Instant.class, rs -> Columns.getInstant(rs, 1))).isNull();
    assertThat(read("SELECT NULL::text", Status.class, rs -> Columns.getEnum(rs, 1, STATUS_LABELS))).isNull();
  }

  @Test
  void enumReadsByNameAndAnUnknownNameNamesColumnAndEnum() {
    assertThat(read("SELECT 'RETIRED' AS status", Status.class, rs -> Columns.getEnum(rs, 1, STATUS_LABELS)))
        .isEqualTo(Status.RETIRED);
    assertThatThrownBy(() -> read("SELECT 'retired' AS status", Status.class, 
        rs -> Columns.getEnum(rs, 1, STATUS_LABELS)))
        .isInstanceOf(RepositoryException.class)
        .hasMessageContaining("SQLSTATE 22000")
        .hasMessageContaining("value 'retired' of column status is not a constant of enum Status");
  }
}
