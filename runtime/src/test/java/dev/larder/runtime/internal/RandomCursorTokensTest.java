package dev.larder.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.runtime.Cursor;
import dev.larder.runtime.Larder;
import dev.larder.testing.TestDatabase;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated cursor tokens, 10^5 of them from a fixed seed (plain JUnit: no property
 * testing library): each gives a position or an {@link IllegalArgumentException}, never another
 * exception or an {@code Error}. Most mutations are re-sealed with the unkeyed check, as anyone
 * can, so that they reach the decoding of values rather than stopping at the seal.
 */
class RandomCursorTokensTest {
  static final RepositoryMethod METHOD =
      new RepositoryMethod("FuzzRepository", "page", "SELECT 1", "5eed5eed");
  static final SortType[] TYPES = SortType.values();

  /** A keyset over one column of every sort type, in the order of {@link SortType}. */
  static Keyset<Object[]> everyType(String first, String after, String before) {
    List<Keyset.Column> columns = new ArrayList<>();
    for (int i = 0; i < TYPES.length; i++) {
      columns.add(new Keyset.Column("c" + i, TYPES[i], i % 2 == 1));
    }
    return new Keyset<>(METHOD, first, after, before, columns, row -> row);
  }

  /** A row of random values PostgreSQL can hold, one per sort type. */
  static Object[] randomRow(Random random) {
    Object[] row = new Object[TYPES.length];
    for (int i = 0; i < TYPES.length; i++) {
      row[i] = switch (TYPES[i]) {
        case LONG -> random.nextLong();
        case INT -> random.nextInt();
        case SHORT -> (short) random.nextInt();
        case BOOLEAN -> random.nextBoolean();
        case DOUBLE -> random.nextInt(10) == 0 ? Double.NaN : random.nextGaussian() * 1e6;
        case FLOAT -> random.nextInt(10) == 0 ? Float.NaN : (float) (random.nextGaussian() * 1e6);
        case STRING, ENUM -> randomText(random);
        case BIG_DECIMAL -> new BigDecimal(new BigInteger(random.nextInt(200), random),
            random.nextInt(40) - 10);
        case UUID -> new UUID(random.nextLong(), random.nextLong());
        case INSTANT -> Instant.ofEpochSecond(random.nextInt(), random.nextInt(1_000_000) * 1000);
        case LOCAL_DATE -> LocalDate.ofEpochDay(random.nextInt(2_000_000) - 1_000_000);
        case LOCAL_DATE_TIME -> LocalDateTime.ofEpochSecond(random.nextInt(), 0, ZoneOffset.UTC);
        case OFFSET_DATE_TIME -> OffsetDateTime.of(
            LocalDateTime.ofEpochSecond(random.nextInt(), 0, ZoneOffset.UTC),
            ZoneOffset.ofHours(random.nextInt(25) - 12));
        case LOCAL_TIME -> LocalTime.ofNanoOfDay(random.nextLong(86_400_000_000L) * 1000);
        case OFFSET_TIME -> OffsetTime.of(LocalTime.ofSecondOfDay(random.nextInt(86_400)),
            ZoneOffset.ofHours(random.nextInt(25) - 12));
      };
    }
    return row;
  }

  static String randomText(Random random) {
    String alphabet = "ab:,[]~\"% é€\uD83D\uDE00";
    StringBuilder out = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      int at = random.nextInt(alphabet.length() - 1);
      out.append(alphabet.charAt(at));
      if (Character.isHighSurrogate(alphabet.charAt(at))) {
        out.append(alphabet.charAt(at + 1));
      }
    }
    return out.toString();
  }

  /** A genuine token, then one of several mutations; the bytes are returned as a cursor. */
  static Cursor mutated(Keyset<Object[]> keyset, Random random) {
    List<Object[]> rows = List.of(randomRow(random), randomRow(random));
    Cursor genuine = keyset.page(keyset.position(CursorKey.NONE, null, 1), rows).next();
    byte[] bytes = Base64.getUrlDecoder().decode(genuine.token());
    int payload = bytes.length - CursorKey.NONE.sealLength();
    byte[] out = switch (random.nextInt(8)) {
      case 0 -> bytes; // genuine
      case 1 -> flip(bytes, bytes.length, random); // not re-sealed
      case 2 -> reseal(flip(Arrays.copyOf(bytes, payload), payload, random));
      case 3 -> reseal(Arrays.copyOf(bytes, random.nextInt(payload + 1))); // cut short
      case 4 -> reseal(spliceInt(Arrays.copyOf(bytes, payload), random)); // a forged length
      case 5 -> {
        byte[] noise = new byte[random.nextInt(64)];
        random.nextBytes(noise);
        yield random.nextBoolean() ? noise : reseal(noise);
      }
      case 6 -> reseal(grow(Arrays.copyOf(bytes, payload), random));
      default -> {
        byte[] body = Arrays.copyOf(bytes, payload);
        for (int i = random.nextInt(6); i >= 0; i--) {
          body = flip(body, body.length, random);
        }
        yield reseal(body);
      }
    };
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    return token.isEmpty() ? new Cursor("A") : new Cursor(token);
  }

  private static byte[] flip(byte[] bytes, int within, Random random) {
    byte[] out = bytes.clone();
    if (within > 0) {
      out[random.nextInt(within)] ^= (byte) (1 << random.nextInt(8));
    }
    return out;
  }

  /** Writes a random, often huge or negative, int somewhere in the body. */
  private static byte[] spliceInt(byte[] body, Random random) {
    if (body.length < 4) {
      return body;
    }
    int at = random.nextInt(body.length - 3);
    int value = switch (random.nextInt(4)) {
      case 0 -> Integer.MAX_VALUE;
      case 1 -> Integer.MIN_VALUE;
      case 2 -> -1;
      default -> random.nextInt();
    };
    body[at] = (byte) (value >>> 24);
    body[at + 1] = (byte) (value >>> 16);
    body[at + 2] = (byte) (value >>> 8);
    body[at + 3] = (byte) value;
    return body;
  }

  private static byte[] grow(byte[] body, Random random) {
    byte[] extra = new byte[random.nextInt(8) + 1];
    random.nextBytes(extra);
    byte[] out = Arrays.copyOf(body, body.length + extra.length);
    System.arraycopy(extra, 0, out, body.length, extra.length);
    return out;
  }

  private static byte[] reseal(byte[] body) {
    byte[] seal = CursorKey.NONE.seal(body, body.length);
    byte[] out = Arrays.copyOf(body, body.length + seal.length);
    System.arraycopy(seal, 0, out, body.length, seal.length);
    return out;
  }

  /**
   * Feeds {@code count} tokens to {@code use}; any exception but an
   * {@link IllegalArgumentException} (an {@code Error} included) fails with the token and seed.
   *
   * @return how many were accepted
   */
  static int feed(long seed, int count, Keyset<Object[]> keyset, Consumer<Cursor> use) {
    Random random = new Random(seed);
    int accepted = 0;
    for (int i = 0; i < count; i++) {
      Cursor cursor = mutated(keyset, random);
      try {
        use.accept(cursor);
        accepted++;
      } catch (IllegalArgumentException refused) {
        assertThat(refused.getMessage()).as(cursor.token())
            .startsWith("FuzzRepository.page: cursor is not for this query (");
      } catch (Throwable other) {
        throw new AssertionError("token " + i + " of seed " + seed + " (" + cursor.token()
            + ") gave " + other, other);
      }
    }
    return accepted;
  }

  @Test
  void aHundredThousandRandomAndMutatedTokensGiveAPositionOrAnIllegalArgument() {
    Keyset<Object[]> keyset = everyType("F", "A", "B");

    int accepted = feed(20_260_101L, 100_000, keyset,
        cursor -> keyset.position(CursorKey.NONE, cursor, 10));

    assertThat(accepted).as("genuine tokens and harmless mutations are taken")
        .isBetween(12_000, 90_000);
  }

  @Test
  void mutatedTokensThatAreTakenNeverMakeTheKeysetQueryFailOnPostgresql() {
    String table = "fuzz_cursor_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String[] sqlTypes = {"bigint", "integer", "smallint", "boolean", "double precision", "real", "text", "numeric",
        "uuid", "timestamptz", "date", "timestamp", "timestamptz", "time", "timetz", "text"};
    StringBuilder columns = new StringBuilder();
    StringBuilder seek = new StringBuilder();
    for (int i = 0; i < TYPES.length; i++) {
      columns.append(i == 0 ? "" : ", ").append("c").append(i).append(' ').append(sqlTypes[i]);
      seek.append(i == 0 ? "" : " OR ").append("c").append(i)
          .append(i % 2 == 1 ? " < :" : " > :").append(Keyset.VALUE_PREFIX).append(i);
    }
    String select = "SELECT * FROM " + table;
    String page = " ORDER BY c0 LIMIT :" + Keyset.LIMIT;
    Keyset<Object[]> keyset = everyType(select + page, select + " WHERE " + seek + page,
        select + " WHERE NOT (" + seek + ")" + page);
    try (Larder larder = Larder.builder().dataSource(TestDatabase.get().dataSource())
        .redisCache(false).build()) {
      larder.jdbi().useHandle(h -> h.execute("CREATE TABLE " + table + " (" + columns + ")"));
      try {
        int accepted = feed(20_260_102L, 400, keyset, cursor -> {
          Keyset.Position position = keyset.position(RepositorySupport.of(larder), cursor, 10);
          larder.jdbi().withHandle(h -> position.bind(h.createQuery(position.sql()))
              .mapToMap().list());
        });

        assertThat(accepted).as("enough tokens reach the database").isGreaterThan(40);
      } finally {
        larder.jdbi().useHandle(h -> h.execute("DROP TABLE " + table));
      }
    }
  }
}
