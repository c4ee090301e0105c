package dev.larder.example;

import dev.larder.annotation.CacheKey;
import dev.larder.annotation.CachedRepository;
import dev.larder.annotation.InvalidatesTags;
import dev.larder.annotation.Query;
import dev.larder.annotation.Update;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A repository only for tests: one method per parameter and return type the contract supports,
 * on {@code type_probe}. Reads whose {@link CacheKey} has no template get the default key.
 */
@CachedRepository
public interface TypeProbeRepository {
  String COLUMNS = "id, big_count, small_count, flag, ratio, label, amount, token, happened_at,"
      + " local_stamp, day, offset_at, status, tiny_count, weight, opens_at, opens_at_zoned,"
      + " features, scores, big_scores, related_tokens";
  String NULLABLE_COLUMNS = "big_count, small_count, flag, ratio, label, amount, token, happened_at,"
      + " local_stamp, day, offset_at, status, tiny_count, weight, opens_at, opens_at_zoned,"
      + " features, scores, big_scores, related_tokens";

  @Update("INSERT INTO type_probe (" + NULLABLE_COLUMNS + ") VALUES (:bigCount, :smallCount, :flag, :ratio,"
      + " :label, :amount, :token, :happenedAt, :localStamp, :day, :offsetAt, :status,"
      + " :tinyCount, :weight, :opensAt, :opensAtZoned, :features, :scores, :bigScores, :relatedTokens)")
  @InvalidatesTags({"probes"})
  int insert(NullableTypeProbe probe);

  @Query("SELECT " + COLUMNS + " FROM type_probe WHERE id = :id")
  @CacheKey(value = "probe:{id}", tags = "probes")
  TypeProbe get(long id);

  @Query("SELECT " + NULLABLE_COLUMNS + " FROM type_probe WHERE id = :id")
  @CacheKey(value = "probe:nullable:{id}", tags = "probes")
  Optional<NullableTypeProbe> getNullable(long id);

  @Query("SELECT id FROM type_probe WHERE big_count = :bigCount AND small_count = :smallCount AND flag = :flag"
      + " AND ratio = :ratio AND label = :label AND amount = :amount AND token = :token"
      + " AND happened_at = :happenedAt AND local_stamp = :localStamp AND day = :day AND offset_at = :offsetAt"
      + " AND status = :status ORDER BY id")
  @CacheKey(value = "probe:match:{bigCount}:{smallCount}:{flag}:{ratio}:{label}:{amount}:{token}:{happenedAt}"
      + ":{localStamp}:{day}:{offsetAt}:{status}", tags = "probes")
  List<Long> idsMatchingPrimitives(long bigCount, int smallCount, boolean flag, double ratio, String label,
      BigDecimal amount, UUID token, Instant happenedAt, LocalDateTime localStamp, LocalDate day,
      OffsetDateTime offsetAt, ProbeStatus status);

  @Query("SELECT id FROM type_probe WHERE big_count = :bigCount AND small_count = :smallCount AND flag = :flag"
      + " AND ratio = :ratio ORDER BY id")
  @CacheKey(value = "probe:match-boxed:{bigCount}:{smallCount}:{flag}:{ratio}", tags = "probes")
  List<Long> idsMatchingBoxed(Long bigCount, Integer smallCount, Boolean flag, Double ratio);

  @Query("SELECT count(*) FROM type_probe WHERE label = :filter.label AND day >= :filter.from")
  @CacheKey(value = "probe:count:{filter.label}:{filter.from}", tags = "probes")
  long countMatching(ProbeFilter filter);

  // One exactly-one scalar return per type.

  @Query("SELECT big_count FROM type_probe WHERE id = :id")
  @CacheKey(value = "probe:{id}:big-count", tags = "probes")
  long bigCount(long id);

  @Query("SELECT big_count FROM type_probe WHERE id = :id")
  @CacheKey(value = "probe:{id}:big-count-boxed", tags = "probes")
  Long bigCountBoxed(long id);

  @Query("SELECT small_count FROM type_probe WHERE id = :id")
  @CacheKey(value = "probe:{id}:small-count", tags = "probes")
  int smallCount(long id);

  @Query("SELECT small_count FROM type_probe WHERE id = :id")
  @CacheKey(value = "probe:{id}:small-count-boxed", tags = "probes")
  Integer smallCountBoxed(long id);

  @Query("SELECT flag FROM type_probe WHERE id = :id")
  @CacheKey(value = "probe:{id}:flag", tags = "probes")
  boolean flag(long id);

  @Query("SELECT flag FROM type_probe WHERE id = :id")
  @CacheKey(value = "probe:{id}:flag-boxed", tags = "probes")
  Boolean flagBoxed(long id);

  @Query("SELECT ratio FROM type_probe WHERE id = :id")
  @CacheKey(value = "probe:{id}:ratio", tags = "probes")
  double ratio(long id);

  @Query("SELECT ratio FROM type_probe WHERE id = :id")
  @CacheKey(value = "probe:{id}:ratio-boxed", tags = "probes")
  Double ratioBoxed(long id);

  @Query("SELECT label FROM type_probe WHERE id = :id")
  @CacheKey(value = "probe:{id}:label", tags = "probes")
  String label(long id);

  @Query("SELECT amount FROM type_probe WHERE id = :id")
  @CacheKey(value = "probe:{id}:amount", tags = "probes")
  BigDecimal amount(long id);

  @Query("SELECT token FROM type_probe WHERE id = :id")
  @CacheKey(value = "probe:{id}:token", tags = "probes")
  UUID token(long id);

  @Query("SELECT happened_at FROM type_probe WHERE id = :id")
  @CacheKey(value = "probe:{id}:happened-at", tags = "probes")
  Instant happenedAt(long id);

  @Query("SELECT local_stamp FROM type_probe WHERE id = :id")
  @CacheKey(value = "probe:{id}:local-stamp", tags = "probes")
  LocalDateTime localStamp(long id);

  @Query("SELECT day FROM type_probe WHERE id = :id")
  @CacheKey(value = "probe:{id}:day", tags = "probes")
  LocalDate day(long id);

  @Query("SELECT offset_at FROM type_probe WHERE id = :id")
  @CacheKey(value = "probe:{id}:offset-at", tags = "probes")
  OffsetDateTime offsetAt(long id);

  @Query("SELECT status FROM type_probe WHERE id = :id")
  @CacheKey(value = "probe:{id}:status", tags = "probes")
  ProbeStatus status(long id);

  @Query("SELECT tiny_count FROM type_probe WHERE id = :id")
  @CacheKey(value = "probe:{id}:tiny-count", tags = "probes")
  short tinyCount(long id);

  @Query("SELECT tiny_count FROM type_probe WHERE id = :id")
  @CacheKey(value = "probe:{id}:tiny-count-boxed", tags = "probes")
  Short tinyCountBoxed(long id);

  @Query("SELECT id FROM type_probe WHERE tiny_count = :tinyCount ORDER BY id")
  @CacheKey(value = "probe:with-tiny-count:{tinyCount}", tags = "probes")
  List<Long> idsWithTinyCount(short tinyCount);

  @Query("SELECT id FROM type_probe WHERE tiny_count IS NOT DISTINCT FROM :tinyCount ORDER BY id")
  @CacheKey(value = "probe:with-tiny-count-boxed:{tinyCount}", tags = "probes")
  List<Long> idsWithTinyCountBoxed(Short tinyCount);

  @Query("SELECT weight FROM type_probe WHERE id = :id")
  @CacheKey(value = "probe:{id}:weight", tags = "probes")
  float weight(long id);

  @Query("SELECT weight FROM type_probe WHERE id = :id")
  @CacheKey(value = "probe:{id}:weight-boxed", tags = "probes")
  Float weightBoxed(long id);

  @Query("SELECT id FROM type_probe WHERE weight = :weight ORDER BY id")
  @CacheKey(value = "probe:with-weight:{weight}", tags = "probes")
  List<Long> idsWithWeight(float weight);

  @Query("SELECT id FROM type_probe WHERE weight IS NOT DISTINCT FROM :weight ORDER BY id")
  @CacheKey(value = "probe:with-weight-boxed:{weight}", tags = "probes")
  List<Long> idsWithWeightBoxed(Float weight);

  @Query("SELECT opens_at FROM type_probe WHERE id = :id")
  @CacheKey(value = "probe:{id}:opens-at", tags = "probes")
  LocalTime opensAt(long id);

  @Query("SELECT opens_at_zoned FROM type_probe WHERE id = :id")
  @CacheKey(value = "probe:{id}:opens-at-zoned", tags = "probes")
  OffsetTime opensAtZoned(long id);

  @Query("SELECT id FROM type_probe WHERE opens_at IS NOT DISTINCT FROM :opensAt"
      + " AND opens_at_zoned IS NOT DISTINCT FROM :opensAtZoned ORDER BY id")
  @CacheKey(value = "probe:opening:{opensAt}:{opensAtZoned}", tags = "probes")
  List<Long> idsOpeningAt(LocalTime opensAt, OffsetTime opensAtZoned);

  @Query("SELECT id FROM type_probe WHERE features @> :features ORDER BY id")
  @CacheKey(value = "probe:having-features:{features}", tags = "probes")
  List<Long> idsHavingFeatures(List<String> features);

  /** A timestamptz read into a LocalDateTime: refused at run time, naming the column. */
  @Query("SELECT happened_at FROM type_probe WHERE id = :id")
  @CacheKey(value = "probe:{id}:happened-at-local", tags = "probes")
  LocalDateTime happenedAtAsLocal(long id);

  /** Exactly one row is expected, but a day may have several. */
  @Query("SELECT label FROM type_probe WHERE day = :day")
  @CacheKey(value = "probe:label-on:{day}", tags = "probes")
  String labelOn(LocalDate day);

  /** Exactly one row is expected, but a day may have several. */
  @Query("SELECT " + COLUMNS + " FROM type_probe WHERE day = :day")
  @CacheKey(value = "probe:on:{day}", tags = "probes")
  TypeProbe probeOn(LocalDate day);

  // Optional scalars: empty for no row and for NULL. No key template: these use the default key.

  @Query("SELECT label FROM type_probe WHERE id = :id")
  @CacheKey(tags = "probes")
  Optional<String> labelIfAny(long id);

  @Query("SELECT small_count FROM type_probe WHERE id = :id")
  @CacheKey(tags = "probes")
  Optional<Integer> smallCountIfAny(long id);

  @Query("SELECT status FROM type_probe WHERE id = :id")
  @CacheKey(tags = "probes")
  Optional<ProbeStatus> statusIfAny(long id);

  @Query("SELECT local_stamp FROM type_probe WHERE id = :id")
  @CacheKey(tags = "probes")
  Optional<LocalDateTime> localStampIfAny(long id);

  @Query("SELECT tiny_count FROM type_probe WHERE id = :id")
  @CacheKey(tags = "probes")
  Optional<Short> tinyCountIfAny(long id);

  @Query("SELECT weight FROM type_probe WHERE id = :id")
  @CacheKey(tags = "probes")
  Optional<Float> weightIfAny(long id);

  @Query("SELECT opens_at_zoned FROM type_probe WHERE id = :id")
  @CacheKey(tags = "probes")
  Optional<OffsetTime> opensAtZonedIfAny(long id);

  @Query("SELECT opens_at FROM type_probe ORDER BY id")
  @CacheKey(value = "probe:opening-times", tags = "probes")
  List<LocalTime> openingTimes();

  @Query("SELECT tiny_count FROM type_probe ORDER BY id")
  @CacheKey(value = "probe:tiny-counts", tags = "probes")
  List<Short> tinyCounts();

  // Lists of scalars, and collections bound as arrays.

  @Query("SELECT ratio FROM type_probe WHERE label = ANY(:labels) ORDER BY id")
  @CacheKey(value = "probe:ratios:{labels}", tags = "probes")
  List<Double> ratiosWithLabels(Set<String> labels);

  @Query("SELECT amount FROM type_probe WHERE token = ANY(:tokens) ORDER BY id")
  @CacheKey(value = "probe:amounts:{tokens}", tags = "probes")
  List<BigDecimal> amountsWithTokens(Collection<UUID> tokens);

  @Query("SELECT happened_at FROM type_probe WHERE small_count = ANY(:counts) ORDER BY id")
  @CacheKey(value = "probe:happened:{counts}", tags = "probes")
  List<Instant> happenedAtWithCounts(List<Integer> counts);

  @Query("SELECT status FROM type_probe WHERE status = ANY(:statuses) ORDER BY id")
  @CacheKey(value = "probe:statuses:{statuses}", tags = "probes")
  List<ProbeStatus> statusesIn(List<ProbeStatus> statuses);

  @Query("SELECT flag FROM type_probe WHERE amount = ANY(:amounts) ORDER BY id")
  @CacheKey(value = "probe:flags:{amounts}", tags = "probes")
  List<Boolean> flagsWithAmounts(List<BigDecimal> amounts);

  @Query("SELECT offset_at FROM type_probe WHERE big_count = ANY(:counts) AND flag = ANY(:flags) ORDER BY id")
  @CacheKey(value = "probe:offsets:{counts}:{flags}", tags = "probes")
  List<OffsetDateTime> offsetsWith(Set<Long> counts, List<Boolean> flags);

  @Query("SELECT day FROM type_probe WHERE ratio = ANY(:ratios) ORDER BY id")
  @CacheKey(value = "probe:days:{ratios}", tags = "probes")
  List<LocalDate> daysWithRatios(List<Double> ratios);

  @Update("UPDATE type_probe SET label = :label WHERE id = :id")
  @InvalidatesTags("probes")
  long relabel(long id, String label);

  // json and jsonb columns read as text. A String parameter binds as varchar, which PostgreSQL
  // does not turn into json by itself: the SQL casts it (":doc::jsonb").

  @Update("UPDATE type_probe SET doc = :doc::jsonb, raw_doc = :doc::json WHERE id = :id")
  @InvalidatesTags("probes")
  int setDocument(long id, String doc);

  @Query("SELECT id, doc, raw_doc FROM type_probe WHERE id = :id")
  @CacheKey(value = "probe:{id}:documents", tags = "probes")
  JsonProbe documents(long id);

  @Query("SELECT doc FROM type_probe WHERE id = :id")
  @CacheKey(tags = "probes")
  Optional<String> docIfAny(long id);

  @Query("SELECT raw_doc FROM type_probe WHERE id = :id")
  @CacheKey(value = "probe:{id}:raw-doc", tags = "probes")
  String rawDoc(long id);

  @Query("SELECT id FROM type_probe WHERE doc @> :fragment::jsonb ORDER BY id")
  @CacheKey(value = "probe:doc-containing:{fragment}", tags = "probes")
  List<Long> idsWithDocContaining(String fragment);

  // citext and tsvector columns read as text too.

  @Update("UPDATE type_probe SET nick = :nick, search = to_tsvector('simple', :text) WHERE id = :id")
  @InvalidatesTags("probes")
  int setNickAndSearch(long id, String nick, String text);

  @Query("SELECT id, nick, search FROM type_probe WHERE id = :id")
  @CacheKey(value = "probe:{id}:text-types", tags = "probes")
  TextProbe textTypes(long id);

  @Query("SELECT nick FROM type_probe WHERE id = :id")
  @CacheKey(value = "probe:{id}:nick", tags = "probes")
  String nick(long id);

  @Query("SELECT search FROM type_probe ORDER BY id")
  @CacheKey(value = "probe:searches", tags = "probes")
  List<String> searches();

  @Query("SELECT id FROM type_probe WHERE search @@ plainto_tsquery('simple', :words) ORDER BY id")
  @CacheKey(value = "probe:matching:{words}", tags = "probes")
  List<Long> idsMatching(String words);

  // bytea as byte[]: parameter, component and scalar result; a byte[] key argument is keyed by its hex.

  @Update("UPDATE type_probe SET payload = :payload WHERE id = :id")
  @InvalidatesTags("probes")
  int setPayload(long id, byte[] payload);

  @Query("SELECT id, payload FROM type_probe WHERE id = :id")
  @CacheKey(value = "probe:{id}:payload-row", tags = "probes")
  BytesProbe payloadRow(long id);

  @Query("SELECT payload FROM type_probe WHERE id = :id")
  @CacheKey(value = "probe:{id}:payload", tags = "probes")
  byte[] payload(long id);

  @Query("SELECT payload FROM type_probe WHERE id = :id")
  @CacheKey(tags = "probes")
  Optional<byte[]> payloadIfAny(long id);

  @Query("SELECT payload FROM type_probe ORDER BY id")
  @CacheKey(value = "probe:payloads", tags = "probes")
  List<byte[]> payloads();

  @Query("SELECT id FROM type_probe WHERE payload IS NOT DISTINCT FROM :payload ORDER BY id")
  @CacheKey(value = "probe:with-payload:{payload}", tags = "probes")
  List<Long> idsWithPayload(byte[] payload);
}
