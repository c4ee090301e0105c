package dev.larder.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.runtime.Cursor;
import dev.larder.runtime.CursorPage;
import dev.larder.runtime.Larder;
import dev.larder.runtime.RepositoryException;
import dev.larder.testing.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A PostgreSQL enum column ({@code mpaa_rating}, labels 'PG-13' and 'NC-17' included) bound and
 * read without casts: as a parameter, a record component, a scalar result, a list result, a
 * collection parameter, batch rows and keyset cursors; through the in-process cache and, in a
 * second runtime, through Redis.
 */
class FilmRepositoryTest {
  private static final List<MpaaRating> ALL = List.of(MpaaRating.values());

  @RegisterExtension
  final Processes processes = new Processes();

  private Larder larder;
  private FilmRepository films;

  @BeforeEach
  void insertOneFilmPerRatingAndOneUnrated() {
    larder = processes.start();
    films = new FilmRepositoryImpl(larder);
    List<NewFilm> rows = new ArrayList<>();
    for (MpaaRating rating : ALL) {
      rows.add(new NewFilm("Film " + rating, rating));
    }
    rows.add(new NewFilm("Unrated", null));
    assertThat(films.insertAll(rows)).isEqualTo(6);
  }

  /** Ids are 1 to 5 in declaration order, 6 is unrated. */
  private static long idOf(MpaaRating rating) {
    return rating.ordinal() + 1;
  }

  @Test
  void everyLabelIsStoredAsTheDatabaseSpellsIt() throws SQLException {
    assertThat(ExampleDatabase.strings("SELECT rating::text FROM film ORDER BY id"))
        .containsExactly("G", "PG", "PG-13", "R", "NC-17", null);
  }

  @Test
  void everyLabelReadsBackAsParameterComponentAndScalarAndNullAsNullOrEmpty() {
    for (MpaaRating rating : ALL) {
      long id = idOf(rating);
      assertThat(films.rated(rating)).containsExactly(new Film(id, "Film " + rating, rating));
      assertThat(films.findById(id)).contains(new Film(id, "Film " + rating, rating));
      assertThat(films.rating(id)).isEqualTo(rating);
      assertThat(films.ratingIfAny(id)).contains(rating);
    }
    assertThat(films.findById(6)).contains(new Film(6, "Unrated", null));
    assertThat(films.ratingIfAny(6)).isEmpty();
  }

  @Test
  void aCollectionBindsAsAnArrayOfTheEnumTypeAndListsReadBack() {
    assertThat(films.ratingsAmong(EnumSet.of(MpaaRating.PG_13, MpaaRating.NC_17, MpaaRating.G)))
        .containsExactly(MpaaRating.G, MpaaRating.PG_13, MpaaRating.NC_17);
    assertThat(films.ratingsAmong(Set.of())).isEmpty();
    assertThat(films.ratingsAmong(EnumSet.allOf(MpaaRating.class))).containsExactlyElementsOf(ALL);
  }

  @Test
  void anEnumArrayColumnTakesAndMatchesCollections() throws SQLException {
    films.setAlsoRated(1, Arrays.asList(MpaaRating.NC_17, null, MpaaRating.PG));

    assertThat(ExampleDatabase.strings("SELECT also_rated::text FROM film WHERE id = 1"))
        .containsExactly("{NC-17,NULL,PG}");
    assertThat(films.alsoRatedAny(List.of(MpaaRating.NC_17))).containsExactly(1L);
    assertThat(films.alsoRatedAny(List.of(MpaaRating.R))).isEmpty();
  }

  @Test
  void writesBindEveryLabelAndNullAsAParameterAComponentAndABatchRow() {
    films.setRating(6, MpaaRating.NC_17);
    assertThat(films.rating(6)).isEqualTo(MpaaRating.NC_17);
    films.setRating(6, null);
    assertThat(films.ratingIfAny(6)).isEmpty();

    assertThat(films.insert(new NewFilm("Single", MpaaRating.PG_13))).isEqualTo(1);
    assertThat(films.rating(7)).isEqualTo(MpaaRating.PG_13);

    assertThat(films.rerate(List.of(new NewFilm("Single", MpaaRating.NC_17),
        new NewFilm("Film G", MpaaRating.PG_13), new NewFilm("Film R", null)))).isEqualTo(3);
    assertThat(films.rating(7)).isEqualTo(MpaaRating.NC_17);
    assertThat(films.rating(1)).isEqualTo(MpaaRating.PG_13);
    assertThat(films.ratingIfAny(4)).isEmpty();
  }

  @Test
  void keysetPagesFollowTheEnumTypesOrderAcrossPageBoundaries() {
    List<MpaaRating> seen = new ArrayList<>();
    Cursor after = null;
    do {
      CursorPage<Film> page = films.byRating(after, 2);
      page.content().forEach(film -> seen.add(film.rating()));
      after = page.next();
    } while (after != null);

    // Declaration order descending; alphabetically 'NC-17' would come before 'PG'.
    assertThat(seen).containsExactly(MpaaRating.NC_17, MpaaRating.R, MpaaRating.PG_13,
        MpaaRating.PG, MpaaRating.G);
  }

  @Test
  void aSecondProcessReadsEveryLabelFromRedisWithoutQuerying() {
    readEverything(films);
    // A change the cache is not told about: only a query would see it.
    TestDatabase.get().execute("UPDATE film SET rating = 'G', title = 'Changed behind Larder'");

    Larder second = processes.start();
    FilmRepository fromRedis = new FilmRepositoryImpl(second);
    for (MpaaRating rating : ALL) {
      long id = idOf(rating);
      assertThat(fromRedis.rated(rating)).containsExactly(new Film(id, "Film " + rating, rating));
      assertThat(fromRedis.findById(id)).contains(new Film(id, "Film " + rating, rating));
      assertThat(fromRedis.rating(id)).isEqualTo(rating);
      assertThat(fromRedis.ratingIfAny(id)).contains(rating);
    }
    assertThat(fromRedis.findById(6)).contains(new Film(6, "Unrated", null));
    assertThat(fromRedis.ratingIfAny(6)).isEmpty();
    assertThat(fromRedis.ratingsAmong(EnumSet.allOf(MpaaRating.class)))
        .containsExactlyElementsOf(ALL);
    assertThat(second.cacheStats().misses()).isZero();
    assertThat(second.cacheStats().l2Hits()).isEqualTo(4 * ALL.size() + 3);
    // And the first process answers from its own memory.
    assertThat(films.rating(idOf(MpaaRating.NC_17))).isEqualTo(MpaaRating.NC_17);
  }

  private static void readEverything(FilmRepository films) {
    for (MpaaRating rating : ALL) {
      long id = idOf(rating);
      films.rated(rating);
      films.findById(id);
      films.rating(id);
      films.ratingIfAny(id);
    }
    films.findById(6);
    films.ratingIfAny(6);
    films.ratingsAmong(EnumSet.allOf(MpaaRating.class));
  }

  @Test
  void keysAndTagsUseTheLabelsTheDatabaseHolds() {
    assertThat(FilmRepositoryKeys.rated(MpaaRating.NC_17)).startsWith("films:rated:NC-17@");
    assertThat(FilmRepositoryKeys.rated(MpaaRating.G)).startsWith("films:rated:G@");
    assertThat(FilmRepositoryKeys.ratingsAmong(EnumSet.of(MpaaRating.PG, MpaaRating.PG_13)))
        .startsWith("films:ratings:[PG,PG-13]@");
  }

  @Test
  void textThatIsNoLabelIsAnErrorNamingColumnValueAndEnum() {
    assertThatThrownBy(() -> films.titleAsRating(6))
        .isInstanceOf(RepositoryException.class)
        .hasMessageContaining("value 'Unrated' of column title is not a constant of enum MpaaRating");
  }
}
