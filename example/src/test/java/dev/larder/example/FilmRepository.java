package dev.larder.example;

import dev.larder.annotation.CacheKey;
import dev.larder.annotation.CachedRepository;
import dev.larder.annotation.InvalidatesTags;
import dev.larder.annotation.OrderBy;
import dev.larder.annotation.Query;
import dev.larder.annotation.Update;
import dev.larder.runtime.Cursor;
import dev.larder.runtime.CursorPage;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A repository only for tests: a PostgreSQL enum column ({@code mpaa_rating}) bound and read in
 * every way an enum can be, with no cast in the SQL.
 */
@CachedRepository
public interface FilmRepository {

  /** Multi-row insert statements: the batch binds straight on JDBC. */
  @Update("INSERT INTO film (title, rating) VALUES (:title, :rating)")
  @InvalidatesTags("films")
  int insertAll(List<NewFilm> films);

  @Update("INSERT INTO film (title, rating) VALUES (:film.title, :film.rating)")
  @InvalidatesTags("films")
  int insert(NewFilm film);

  /** Not an INSERT ... VALUES: a JDBC batch through JDBI. */
  @Update("UPDATE film SET rating = :rating WHERE title = :title")
  @InvalidatesTags("films")
  int rerate(List<NewFilm> films);

  @Update("UPDATE film SET rating = :rating WHERE id = :id")
  @InvalidatesTags("films")
  int setRating(long id, MpaaRating rating);

  @Update("UPDATE film SET also_rated = :ratings WHERE id = :id")
  @InvalidatesTags("films")
  int setAlsoRated(long id, List<MpaaRating> ratings);

  @Query("SELECT id, title, rating FROM film WHERE id = :id")
  @CacheKey(value = "film:{id}", tags = "films")
  Optional<Film> findById(long id);

  @Query("SELECT id, title, rating FROM film WHERE rating = :rating ORDER BY id")
  @CacheKey(value = "films:rated:{rating}", tags = "films")
  List<Film> rated(MpaaRating rating);

  @Query("SELECT rating FROM film WHERE id = :id")
  @CacheKey(value = "film:{id}:rating", tags = "films")
  MpaaRating rating(long id);

  @Query("SELECT rating FROM film WHERE id = :id")
  @CacheKey(value = "film:{id}:rating-if-any", tags = "films")
  Optional<MpaaRating> ratingIfAny(long id);

  @Query("SELECT rating FROM film WHERE rating = ANY(:ratings) ORDER BY id")
  @CacheKey(value = "films:ratings:{ratings}", tags = "films")
  List<MpaaRating> ratingsAmong(Set<MpaaRating> ratings);

  @Query("SELECT id FROM film WHERE also_rated && :ratings ORDER BY id")
  @CacheKey(value = "films:also-rated:{ratings}", tags = "films")
  List<Long> alsoRatedAny(List<MpaaRating> ratings);

  /** Keyset pages in the enum type's order, which is not the labels' alphabetical order. */
  @Query("SELECT id, title, rating FROM film WHERE rating IS NOT NULL")
  @OrderBy(value = {"rating DESC", "id"}, unique = "id")
  @CacheKey(value = "films:by-rating", tags = "films")
  CursorPage<Film> byRating(Cursor after, int limit);

  /** Reads text that is no label of {@link MpaaRating}. */
  @Query("SELECT title FROM film WHERE id = :id")
  @CacheKey(value = "film:{id}:title-as-rating", tags = "films")
  Optional<MpaaRating> titleAsRating(long id);
}
