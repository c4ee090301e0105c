package dev.larder.example;

import dev.larder.annotation.CacheKey;
import dev.larder.annotation.CachedRepository;
import dev.larder.annotation.InvalidatesTags;
import dev.larder.annotation.Query;
import dev.larder.annotation.Update;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A repository only for tests: array columns as lists and Java arrays (components, parameters,
 * scalar results), enum arrays for a PostgreSQL enum array and for a {@code text[]} of names.
 */
@CachedRepository
public interface ArrayProbeRepository {
  String ARRAYS = "features, scores, big_scores, small_scores, weights, related_tokens, status_names,"
      + " ratings";

  @Update("INSERT INTO type_probe (small_scores, weights, status_names, ratings, related_tokens)"
      + " VALUES (:smallScores, :weights, :statusNames, :ratings, :relatedTokens)")
  @InvalidatesTags("probes")
  int insert(ArrayProbe probe);

  @Update("INSERT INTO type_probe (small_scores, weights, status_names, ratings, related_tokens)"
      + " VALUES (:smallScores, :weights, :statusNames, :ratings, :relatedTokens)")
  @InvalidatesTags("probes")
  int insertAll(List<ArrayProbe> probes);

  @Update("INSERT INTO type_probe (" + ARRAYS + ") VALUES (:features, :scores, :bigScores,"
      + " :smallScores, :weights, :relatedTokens, :statusNames, :ratings)")
  @InvalidatesTags("probes")
  int insertArrays(JavaArrayProbe probe);

  @Update("INSERT INTO type_probe (" + ARRAYS + ") VALUES (:features, :scores, :bigScores,"
      + " :smallScores, :weights, :relatedTokens, :statusNames, :ratings)")
  @InvalidatesTags("probes")
  int insertAllArrays(List<JavaArrayProbe> probes);

  @Query("SELECT small_scores, weights, status_names, ratings, related_tokens FROM type_probe WHERE id = :id")
  @CacheKey(value = "arrays:{id}:lists", tags = "probes")
  Optional<ArrayProbe> lists(long id);

  @Query("SELECT id, " + ARRAYS + " FROM type_probe WHERE id = :id")
  @CacheKey(value = "arrays:{id}:arrays", tags = "probes")
  Optional<JavaArrayProbe> arrays(long id);

  // Scalar results of array columns.

  @Query("SELECT ratings FROM type_probe WHERE id = :id")
  @CacheKey(value = "arrays:{id}:ratings", tags = "probes")
  MpaaRating[] ratings(long id);

  @Query("SELECT status_names FROM type_probe WHERE id = :id")
  @CacheKey(value = "arrays:{id}:status-names", tags = "probes")
  Optional<ProbeStatus[]> statusNames(long id);

  @Query("SELECT small_scores FROM type_probe WHERE id = :id")
  @CacheKey(value = "arrays:{id}:small-scores", tags = "probes")
  short[] smallScores(long id);

  @Query("SELECT features FROM type_probe WHERE id = :id")
  @CacheKey(value = "arrays:{id}:features", tags = "probes")
  String[] features(long id);

  @Query("SELECT scores FROM type_probe WHERE id = :id")
  @CacheKey(value = "arrays:{id}:scores", tags = "probes")
  int[] scores(long id);

  // Parameters bound as arrays.

  @Query("SELECT id FROM type_probe WHERE small_scores && :scores ORDER BY id")
  @CacheKey(value = "arrays:small-overlapping:{scores}", tags = "probes")
  List<Long> idsWithSmallScores(List<Short> scores);

  @Query("SELECT id FROM type_probe WHERE small_scores && :scores ORDER BY id")
  @CacheKey(value = "arrays:small-overlapping-array:{scores}", tags = "probes")
  List<Long> idsWithSmallScoresIn(short[] scores);

  @Query("SELECT id FROM type_probe WHERE weights && :weights ORDER BY id")
  @CacheKey(value = "arrays:weights:{weights}", tags = "probes")
  List<Long> idsWithWeights(Set<Float> weights);

  @Query("SELECT id FROM type_probe WHERE weights && :weights ORDER BY id")
  @CacheKey(value = "arrays:weights-array:{weights}", tags = "probes")
  List<Long> idsWithWeightsIn(float[] weights);

  @Query("SELECT id FROM type_probe WHERE scores && :scores AND big_scores && :bigScores ORDER BY id")
  @CacheKey(value = "arrays:scores:{scores}:{bigScores}", tags = "probes")
  List<Long> idsWithScores(int[] scores, long[] bigScores);

  @Query("SELECT id FROM type_probe WHERE features @> :features AND related_tokens && :tokens ORDER BY id")
  @CacheKey(value = "arrays:features:{features}:{tokens}", tags = "probes")
  List<Long> idsWithFeatures(String[] features, UUID[] tokens);

  @Query("SELECT id FROM type_probe WHERE ratings @> :ratings ORDER BY id")
  @CacheKey(value = "arrays:rated:{ratings}", tags = "probes")
  List<Long> idsRatedAll(MpaaRating[] ratings);

  @Query("SELECT id FROM type_probe WHERE ratings && :ratings ORDER BY id")
  @CacheKey(value = "arrays:rated-any:{ratings}", tags = "probes")
  List<Long> idsRatedAny(List<MpaaRating> ratings);

  @Query("SELECT id FROM type_probe WHERE status_names @> :statuses ORDER BY id")
  @CacheKey(value = "arrays:statuses:{statuses}", tags = "probes")
  List<Long> idsWithStatuses(ProbeStatus[] statuses);
}
