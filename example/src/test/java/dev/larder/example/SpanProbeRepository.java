package dev.larder.example;

import dev.larder.annotation.CacheKey;
import dev.larder.annotation.CachedRepository;
import dev.larder.annotation.InvalidatesTags;
import dev.larder.annotation.Query;
import dev.larder.annotation.Update;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A repository only for tests: {@code interval} as {@link Duration}, {@code char(1)} as
 * {@code char} and {@link Character}, and {@link LocalDateTime} parameters compared with and
 * stored into {@code timestamp} and {@code timestamptz} columns, on {@code type_probe}.
 */
@CachedRepository
public interface SpanProbeRepository {

  @Update("INSERT INTO type_probe (span, initial) VALUES (:span, :initial)")
  @InvalidatesTags("probes")
  int insert(Duration span, Character initial);

  @Update("INSERT INTO type_probe (span, initial) VALUES (:span, :initial)")
  @InvalidatesTags("probes")
  int insertAll(List<SpanProbe> rows);

  @Update("UPDATE type_probe SET span = :span::interval WHERE id = :id")
  @InvalidatesTags("probes")
  int setSpanText(long id, String span);

  @Query("SELECT id, span, initial FROM type_probe WHERE id = :id")
  @CacheKey(value = "span:{id}:row", tags = "probes")
  Optional<SpanProbe> row(long id);

  @Query("SELECT span FROM type_probe WHERE id = :id")
  @CacheKey(value = "span:{id}", tags = "probes")
  Duration span(long id);

  @Query("SELECT span FROM type_probe WHERE id = :id")
  @CacheKey(tags = "probes")
  Optional<Duration> spanIfAny(long id);

  @Query("SELECT span FROM type_probe ORDER BY id")
  @CacheKey(value = "spans", tags = "probes")
  List<Duration> spans();

  @Query("SELECT id FROM type_probe WHERE span IS NOT DISTINCT FROM :span ORDER BY id")
  @CacheKey(value = "span:with:{span}", tags = "probes")
  List<Long> idsWithSpan(Duration span);

  @Query("SELECT :at::timestamptz + :span")
  @CacheKey(value = "span:after:{at}:{span}", tags = "probes")
  Instant after(Instant at, Duration span);

  @Query("SELECT initial FROM type_probe WHERE id = :id")
  @CacheKey(value = "span:{id}:initial", tags = "probes")
  char initial(long id);

  @Query("SELECT initial FROM type_probe WHERE id = :id")
  @CacheKey(tags = "probes")
  Optional<Character> initialIfAny(long id);

  @Query("SELECT initial FROM type_probe ORDER BY id")
  @CacheKey(value = "initials", tags = "probes")
  List<Character> initials();

  @Query("SELECT id FROM type_probe WHERE initial = :initial ORDER BY id")
  @CacheKey(value = "span:initial:{initial}", tags = "probes")
  List<Long> idsWithInitial(char initial);

  @Query("SELECT id FROM type_probe WHERE initial IS NOT DISTINCT FROM :initial ORDER BY id")
  @CacheKey(value = "span:initial-boxed:{initial}", tags = "probes")
  List<Long> idsWithInitialBoxed(Character initial);

  @Query("SELECT label FROM type_probe WHERE id = :id")
  @CacheKey(value = "span:{id}:label-as-char", tags = "probes")
  char labelAsChar(long id);

  // LocalDateTime parameters against timestamp and timestamptz columns.

  @Update("INSERT INTO type_probe (happened_at, local_stamp) VALUES (:at, :at)")
  @InvalidatesTags("probes")
  int insertStamps(LocalDateTime at);

  @Query("SELECT id FROM type_probe WHERE happened_at = :at AND local_stamp = :at ORDER BY id")
  @CacheKey(value = "stamps:at:{at}", tags = "probes")
  List<Long> idsStampedAt(LocalDateTime at);

  @Query("SELECT id FROM type_probe WHERE happened_at >= :from AND local_stamp < :until ORDER BY id")
  @CacheKey(value = "stamps:between:{from}:{until}", tags = "probes")
  List<Long> idsStampedBetween(LocalDateTime from, LocalDateTime until);

  @Query("SELECT happened_at FROM type_probe WHERE id = :id")
  @CacheKey(value = "stamps:{id}:instant", tags = "probes")
  Instant happenedAt(long id);
}
