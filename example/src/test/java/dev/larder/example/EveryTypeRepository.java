package dev.larder.example;

import dev.larder.annotation.CacheKey;
import dev.larder.annotation.CachedRepository;
import dev.larder.annotation.InvalidatesTags;
import dev.larder.annotation.Query;
import dev.larder.annotation.Update;
import java.util.Optional;

/** A repository only for tests: writes and reads a row of every type Larder maps. */
@CachedRepository
public interface EveryTypeRepository {
  String COLUMNS = "big, count, small, flag, ratio, weight, label, amount, token, happened_at,"
      + " local_stamp, offset_at, day, opens_at, opens_at_zoned, span, initial, payload, doc, raw_doc,"
      + " nick, search, status, rating, features, scores, big_scores, small_scores, weights, tokens,"
      + " ratings, status_names, email, price";

  /** json, jsonb and tsvector take text with a cast in the SQL; every other type binds as it is. */
  @Update("INSERT INTO every_type (" + COLUMNS + ") VALUES (:big, :count, :small, :flag, :ratio,"
      + " :weight, :label, :amount, :token, :happenedAt, :localStamp, :offsetAt, :day, :opensAt,"
      + " :opensAtZoned, :span, :initial, :payload, :doc::jsonb, :rawDoc::json, :nick,"
      + " :search::tsvector, :status, :rating, :features, :scores, :bigScores, :smallScores,"
      + " :weights, :tokens, :ratings, :statusNames, :email, :price) RETURNING id")
  @InvalidatesTags("every-type")
  long insert(EveryType row);

  @Query("SELECT " + COLUMNS + " FROM every_type WHERE id = :id")
  @CacheKey(value = "every-type:{id}", tags = "every-type")
  Optional<EveryType> get(long id);
}
