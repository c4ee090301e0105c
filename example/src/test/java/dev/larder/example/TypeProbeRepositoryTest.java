package dev.larder.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.larder.runtime.IncorrectResultSizeException;
import dev.larder.runtime.Larder;
import dev.larder.runtime.RepositoryException;
import dev.larder.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every parameter and return type of the contract, end to end on PostgreSQL. */
class TypeProbeRepositoryTest {
  @RegisterExtension
  final Processes processes = new Processes();

  private static final UUID TOKEN = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
  private static final Instant HAPPENED = Instant.parse("2024-02-29T23:59:58.123456Z");
  private static final LocalDateTime LOCAL = LocalDateTime.of(2024, 2, 29, 8, 15, 30, 250_000_000);
  private static final LocalDate DAY = LocalDate.of(2024, 2, 29);
  private static final OffsetDateTime OFFSET = OffsetDateTime.of(2024, 3, 1, 1, 0, 0, 0, ZoneOffset.ofHours(-5));
  private static final LocalTime OPENS = LocalTime.of(23, 59, 59, 999_999_000);
  private static final OffsetTime OPENS_ZONED = OffsetTime.of(8, 30, 0, 123_000, ZoneOffset.ofHoursMinutes(5, 45));
  private static final List<String> FEATURES = List.of("Deleted Scenes", "Behind the Scenes", "a,b \"c\" {d}");
  private static final List<Integer> SCORES = Arrays.asList(3, null, -1);
  private static final List<Long> BIG_SCORES = List.of(9_000_000_000L);
  private static final List<UUID> RELATED = List.of(TOKEN, new UUID(0, 1));
  private static final NullableTypeProbe FULL = new NullableTypeProbe(9_000_000_000L, 42, true, 0.25, "alpha",
      new BigDecimal("12.3400"), TOKEN, HAPPENED, LOCAL, DAY, OFFSET, ProbeStatus.ON, (short) -32768,
      1.5e-7f, OPENS, OPENS_ZONED, FEATURES, SCORES, BIG_SCORES, RELATED);
  private static final NullableTypeProbe EMPTY = new NullableTypeProbe(null, null, null, null, null, null, null,
      null, null, null, null, null, null, null, null, null, null, null, null, null);

  private Larder larder;
  private TypeProbeRepository probes;

  @AfterEach
  void closeRuntime() {
    larder.close();
  }

  @BeforeEach
  void insertProbes() {
    larder = ExampleDatabase.freshLarder();
    probes = new TypeProbeRepositoryImpl(larder);
    assertThat(probes.insert(FULL)).isEqualTo(1);
    assertThat(probes.insert(EMPTY)).isEqualTo(1);
  }

  @Test
  void recordWithPrimitiveComponentsReadsEveryType() {
    TypeProbe probe = probes.get(1);

    assertThat(probe).isEqualTo(new TypeProbe(1, 9_000_000_000L, 42, true, 0.25, "alpha", new BigDecimal("12.3400"),
        TOKEN, HAPPENED, LOCAL, DAY, OFFSET.withOffsetSameInstant(ZoneOffset.UTC), ProbeStatus.ON, (short) -32768,
        1.5e-7f, OPENS, OPENS_ZONED, FEATURES, SCORES, BIG_SCORES, RELATED));
  }

  @Test
  void recordWithBoxedComponentsRoundTripsValuesAndNulls() {
    assertThat(probes.getNullable(1)).hasValueSatisfying(p -> {
      assertThat(p).usingRecursiveComparison().ignoringFields("offsetAt").isEqualTo(FULL);
      assertThat(p.offsetAt().toInstant()).isEqualTo(OFFSET.toInstant());
    });
    assertThat(probes.getNullable(2)).contains(EMPTY);
    assertThat(probes.getNullable(3)).isEmpty();
  }

  @Test
  void nullIntoAPrimitiveComponentFailsNamingMethodColumnAndSqlState22004() {
    assertThatThrownBy(() -> probes.get(2))
        .isInstanceOf(RepositoryException.class)
        .hasMessageStartingWith("TypeProbeRepository.get: SQLSTATE 22004: column big_count is NULL")
        .hasMessageContaining("declare it as Long")
        .asInstanceOf(type(RepositoryException.class))
        .extracting(RepositoryException::sqlState)
        .isEqualTo("22004");
  }

  @Test
  void exactlyOneRecordWithoutARowNamesTheMethod() {
    assertThatThrownBy(() -> probes.get(404))
        .isInstanceOf(IncorrectResultSizeException.class)
        .hasMessageStartingWith("TypeProbeRepository.get: expected exactly 1 row but the query returned none");
  }

  @Test
  void exactlyOneWithTwoRowsNamesTheMethodForScalarsAndRecords() {
    probes.insert(FULL);

    assertThatThrownBy(() -> probes.labelOn(DAY))
        .isInstanceOf(IncorrectResultSizeException.class)
        .hasMessageStartingWith("TypeProbeRepository.labelOn: expected at most 1 row but the query returned more")
        .asInstanceOf(type(IncorrectResultSizeException.class))
        .extracting(IncorrectResultSizeException::actual)
        .isEqualTo(2);
    assertThatThrownBy(() -> probes.probeOn(DAY))
        .isInstanceOf(IncorrectResultSizeException.class)
        .hasMessageStartingWith("TypeProbeRepository.probeOn: expected at most 1 row");
  }

  @Test
  void everyPrimitiveAndObjectTypeBindsAsAParameter() {
    List<Long> ids = probes.idsMatchingPrimitives(9_000_000_000L, 42, true, 0.25, "alpha", new BigDecimal("12.34"),
        TOKEN, HAPPENED, LOCAL, DAY, OFFSET, ProbeStatus.ON);

    assertThat(ids).containsExactly(1L);
    assertThat(probes.idsMatchingPrimitives(9_000_000_000L, 42, true, 0.25, "alpha", new BigDecimal("12.34"),
        TOKEN, HAPPENED, LOCAL, DAY, OFFSET, ProbeStatus.OFF)).isEmpty();
  }

  @Test
  void boxedParametersBindValuesAndNullMatchesNothing() {
    assertThat(probes.idsMatchingBoxed(9_000_000_000L, 42, true, 0.25)).containsExactly(1L);
    assertThat(probes.idsMatchingBoxed(null, 42, true, 0.25)).isEmpty();
  }

  @Test
  void recordParameterComponentsBindByDottedName() {
    assertThat(probes.countMatching(new ProbeFilter("alpha", DAY))).isEqualTo(1);
    assertThat(probes.countMatching(new ProbeFilter("alpha", DAY.plusDays(1)))).isZero();
  }

  @Test
  void everyScalarTypeIsReturnedFromASingleRow() {
    assertThat(probes.bigCount(1)).isEqualTo(9_000_000_000L);
    assertThat(probes.bigCountBoxed(1)).isEqualTo(9_000_000_000L);
    assertThat(probes.smallCount(1)).isEqualTo(42);
    assertThat(probes.smallCountBoxed(1)).isEqualTo(42);
    assertThat(probes.flag(1)).isTrue();
    assertThat(probes.flagBoxed(1)).isTrue();
    assertThat(probes.ratio(1)).isEqualTo(0.25);
    assertThat(probes.ratioBoxed(1)).isEqualTo(0.25);
    assertThat(probes.label(1)).isEqualTo("alpha");
    assertThat(probes.amount(1)).isEqualTo(new BigDecimal("12.3400"));
    assertThat(probes.token(1)).isEqualTo(TOKEN);
    assertThat(probes.happenedAt(1)).isEqualTo(HAPPENED);
    assertThat(probes.localStamp(1)).isEqualTo(LOCAL);
    assertThat(probes.day(1)).isEqualTo(DAY);
    assertThat(probes.offsetAt(1).toInstant()).isEqualTo(OFFSET.toInstant());
    assertThat(probes.status(1)).isEqualTo(ProbeStatus.ON);
  }

  @Test
  void exactlyOneScalarRefusesANullColumnNamingTheMethodAndSuggestingOptional() {
    assertThatThrownBy(() -> probes.label(2))
        .isInstanceOf(IncorrectResultSizeException.class)
        .hasMessageStartingWith("TypeProbeRepository.label: ")
        .hasMessageContaining("NULL")
        .hasMessageContaining("Optional");
    assertThatThrownBy(() -> probes.smallCount(2))
        .isInstanceOf(IncorrectResultSizeException.class)
        .hasMessageStartingWith("TypeProbeRepository.smallCount: ")
        .hasMessageContaining("NULL");
    assertThatThrownBy(() -> probes.smallCountBoxed(2))
        .isInstanceOf(IncorrectResultSizeException.class)
        .hasMessageStartingWith("TypeProbeRepository.smallCountBoxed: ");
  }

  @Test
  void optionalScalarsArePresentOrEmptyForNullAndForNoRow() {
    assertThat(probes.labelIfAny(1)).contains("alpha");
    assertThat(probes.smallCountIfAny(1)).contains(42);
    assertThat(probes.statusIfAny(1)).contains(ProbeStatus.ON);
    assertThat(probes.localStampIfAny(1)).contains(LOCAL);

    assertThat(probes.labelIfAny(2)).isEmpty();
    assertThat(probes.smallCountIfAny(2)).isEmpty();
    assertThat(probes.statusIfAny(2)).isEmpty();
    assertThat(probes.localStampIfAny(404)).isEmpty();
  }

  @Test
  void collectionsOfEveryElementTypeBindAsArraysAndListsOfScalarsComeBack() {
    NullableTypeProbe beta = new NullableTypeProbe(7L, 3, false, 0.5, "beta", new BigDecimal("1.5"),
        UUID.fromString("00000000-0000-0000-0000-000000000003"), HAPPENED.plusSeconds(60), LOCAL, DAY.plusDays(1),
        OFFSET, ProbeStatus.OFF, (short) 7, 2.5f, LocalTime.NOON, OffsetTime.of(LocalTime.NOON, ZoneOffset.UTC),
        List.of(), List.of(), List.of(), List.of());
    probes.insert(beta);

    assertThat(probes.ratiosWithLabels(Set.of("alpha", "beta", "gamma"))).containsExactly(0.25, 0.5);
    assertThat(probes.amountsWithTokens(List.of(TOKEN))).containsExactly(new BigDecimal("12.3400"));
    assertThat(probes.happenedAtWithCounts(List.of(3, 42))).containsExactly(HAPPENED, HAPPENED.plusSeconds(60));
    assertThat(probes.statusesIn(List.of(ProbeStatus.OFF))).containsExactly(ProbeStatus.OFF);
    assertThat(probes.flagsWithAmounts(List.of(new BigDecimal("12.34"), new BigDecimal("1.5"))))
        .containsExactly(true, false);
    assertThat(probes.offsetsWith(Set.of(7L), List.of(false, true)))
        .extracting(OffsetDateTime::toInstant).containsExactly(OFFSET.toInstant());
    assertThat(probes.daysWithRatios(List.of(0.5))).containsExactly(DAY.plusDays(1));
    assertThat(probes.ratiosWithLabels(Set.of())).isEmpty();
  }

  @Test
  void smallintReadsAndBindsAsShortWithNullInABox() {
    assertThat(probes.tinyCount(1)).isEqualTo((short) -32768);
    assertThat(probes.tinyCountBoxed(1)).isEqualTo((short) -32768);
    assertThat(probes.tinyCountIfAny(1)).contains((short) -32768);
    assertThat(probes.tinyCountIfAny(2)).isEmpty();
    assertThat(probes.tinyCounts()).containsExactly((short) -32768, null);
    assertThat(probes.idsWithTinyCount((short) -32768)).containsExactly(1L);
    assertThat(probes.idsWithTinyCountBoxed(null)).containsExactly(2L);
    assertThatThrownBy(() -> probes.tinyCount(2))
        .isInstanceOf(IncorrectResultSizeException.class)
        .hasMessageContaining("NULL");
  }

  @Test
  void realReadsAndBindsAsFloatWithoutGoingThroughDouble() {
    assertThat(probes.weight(1)).isEqualTo(1.5e-7f);
    assertThat(probes.weightBoxed(1)).isEqualTo(1.5e-7f);
    assertThat(probes.weightIfAny(1)).contains(1.5e-7f);
    assertThat(probes.weightIfAny(2)).isEmpty();
    assertThat(probes.idsWithWeight(1.5e-7f)).containsExactly(1L);
    assertThat(probes.idsWithWeightBoxed(null)).containsExactly(2L);
    assertThatThrownBy(() -> probes.weight(2))
        .isInstanceOf(IncorrectResultSizeException.class)
        .hasMessageContaining("NULL");
  }

  @Test
  void timeAndTimetzReadAndBindAsLocalTimeAndOffsetTimeKeepingMicrosecondsAndTheOffset() {
    assertThat(probes.opensAt(1)).isEqualTo(OPENS);
    assertThat(probes.opensAtZoned(1)).isEqualTo(OPENS_ZONED);
    assertThat(probes.opensAtZonedIfAny(2)).isEmpty();
    assertThat(probes.openingTimes()).containsExactly(OPENS, null);
    assertThat(probes.idsOpeningAt(OPENS, OPENS_ZONED)).containsExactly(1L);
    assertThat(probes.idsOpeningAt(null, null)).containsExactly(2L);
  }

  @Test
  void arrayColumnsAreReadElementByElementAndAStringListBindsAsTextArray() {
    TypeProbe probe = probes.get(1);
    assertThat(probe.features()).containsExactlyElementsOf(FEATURES);
    assertThat(probe.scores()).containsExactly(3, null, -1);
    assertThat(probe.bigScores()).containsExactly(9_000_000_000L);
    assertThat(probe.relatedTokens()).containsExactlyElementsOf(RELATED);
    assertThatThrownBy(() -> probe.features().add("x")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(probes.getNullable(2)).hasValueSatisfying(p -> assertThat(p.features()).isNull());

    assertThat(probes.idsHavingFeatures(List.of("Behind the Scenes"))).containsExactly(1L);
    assertThat(probes.idsHavingFeatures(List.of("Behind the Scenes", "Trailers"))).isEmpty();
  }

  @Test
  void jsonAndJsonbReadAsStringsAndAStringCastInTheSqlBindsIntoThem() {
    String doc = "{\"b\": [1, 2], \"a\": {\"c\": null}}";
    assertThat(probes.setDocument(1, doc)).isEqualTo(1);

    // jsonb keeps its own normal form; json keeps the text as written.
    assertThat(probes.documents(1)).isEqualTo(new JsonProbe(1, "{\"a\": {\"c\": null}, \"b\": [1, 2]}", doc));
    assertThat(probes.documents(2)).isEqualTo(new JsonProbe(2, null, null));
    assertThat(probes.docIfAny(1)).contains("{\"a\": {\"c\": null}, \"b\": [1, 2]}");
    assertThat(probes.docIfAny(2)).isEmpty();
    assertThat(probes.rawDoc(1)).isEqualTo(doc);
    assertThat(probes.idsWithDocContaining("{\"b\": [2]}")).containsExactly(1L);
    assertThat(probes.idsWithDocContaining("{\"b\": [3]}")).isEmpty();
  }

  @Test
  void citextAndTsvectorReadAsStringsKeepingTheCaseWritten() {
    assertThat(probes.setNickAndSearch(1, "McQueen", "The Quick fox")).isEqualTo(1);

    assertThat(probes.textTypes(1)).isEqualTo(new TextProbe(1, "McQueen", "'fox':3 'quick':2 'the':1"));
    assertThat(probes.textTypes(2)).isEqualTo(new TextProbe(2, null, null));
    assertThat(probes.nick(1)).isEqualTo("McQueen");
    assertThat(probes.searches()).containsExactly("'fox':3 'quick':2 'the':1", null);
    assertThat(probes.idsMatching("QUICK fox")).containsExactly(1L);
    assertThat(probes.idsMatching("slow")).isEmpty();
  }

  @Test
  void byteaReadsAndBindsAsByteArrayWithNullAndIsKeyedByItsHex() {
    byte[] payload = {0, 1, (byte) 0xFF, 'x'};
    assertThat(probes.setPayload(1, payload)).isEqualTo(1);

    assertThat(probes.payloadRow(1).payload()).containsExactly(payload);
    assertThat(probes.payloadRow(2).payload()).isNull();
    assertThat(probes.payload(1)).containsExactly(payload);
    assertThat(probes.payloadIfAny(1)).hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(payload));
    assertThat(probes.payloadIfAny(2)).isEmpty();
    assertThat(probes.payloads()).hasSize(2).last().isNull();
    assertThat(probes.idsWithPayload(new byte[] {0, 1, (byte) 0xFF, 'x'})).containsExactly(1L);
    assertThat(probes.idsWithPayload(null)).containsExactly(2L);
    assertThat(probes.idsWithPayload(new byte[0])).isEmpty();
    assertThat(TypeProbeRepositoryKeys.idsWithPayload(payload)).startsWith("probe:with-payload:\\x0001ff78@");
    assertThat(TypeProbeRepositoryKeys.idsWithPayload(new byte[4096])).startsWith("probe:with-payload:#")
        .hasSizeLessThan(200);
  }

  @Test
  void timestamptzReadIntoALocalDateTimeFailsNamingTheColumnAndTheTypesToUse() {
    assertThatThrownBy(() -> probes.happenedAtAsLocal(1))
        .isInstanceOf(RepositoryException.class)
        .hasMessageStartingWith("TypeProbeRepository.happenedAtAsLocal: SQLSTATE 42804: column happened_at is a"
            + " timestamptz")
        .hasMessageContaining("declare it as OffsetDateTime or Instant");
  }

  @Test
  void everyTypeIsReadBackFromRedisByAnotherProcess() {
    List<Function<TypeProbeRepository, Object>> reads = List.of(
        p -> p.get(1), p -> p.getNullable(1), p -> p.getNullable(2),
        p -> p.bigCount(1), p -> p.smallCount(1), p -> p.flag(1), p -> p.ratio(1), p -> p.label(1),
        p -> p.amount(1), p -> p.token(1), p -> p.happenedAt(1), p -> p.localStamp(1), p -> p.day(1),
        p -> p.offsetAt(1), p -> p.status(1), p -> p.labelIfAny(2),
        p -> p.tinyCount(1), p -> p.tinyCountBoxed(1), p -> p.tinyCountIfAny(2), p -> p.tinyCounts(),
        p -> p.weight(1), p -> p.weightBoxed(1), p -> p.weightIfAny(2),
        p -> p.opensAt(1), p -> p.opensAtZoned(1), p -> p.opensAtZonedIfAny(2), p -> p.openingTimes(),
        p -> p.idsHavingFeatures(List.of("Deleted Scenes")),
        p -> p.documents(1), p -> p.docIfAny(1), p -> p.rawDoc(1), p -> p.idsWithDocContaining("{\"b\": [2]}"),
        p -> p.textTypes(1), p -> p.nick(1), p -> p.searches(), p -> p.idsMatching("fox"),
        p -> p.payloadRow(1), p -> p.payload(1), p -> p.payloadIfAny(2), p -> p.payloads(),
        p -> p.idsWithPayload(new byte[] {7}));
    // Written beside the runtimes, so that no invalidation of theirs races the reads below.
    TestDatabase.get().execute("UPDATE type_probe SET doc = '{\"b\": [1, 2]}', raw_doc = '{\"b\": [1, 2]}',"
        + " nick = 'McQueen', search = to_tsvector('simple', 'The Quick fox'), payload = '\\x07'"
        + " WHERE id = 1");

    processes.assertReadBackFromRedis(TypeProbeRepositoryImpl::new, reads,
        () -> TestDatabase.get().execute("DELETE FROM type_probe"));
  }

  @Test
  void updateReturningLongCountsRowsChanged() {
    assertThat(probes.relabel(1, "renamed")).isEqualTo(1L);
    assertThat(probes.relabel(404, "renamed")).isZero();
    assertThat(probes.label(1)).isEqualTo("renamed");
  }
}
