package dev.larder.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.runtime.Larder;
import dev.larder.testing.TestDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A record stored as JSON through a JsonConverter, in jsonb and json columns, on PostgreSQL. */
class JsonProfileRepositoryTest {
  @RegisterExtension
  final Processes processes = new Processes();

  private static final Profile ADA = new Profile("Ada",
      List.of(new Profile.Skill("analysis", 5), new Profile.Skill("poetry", 3)),
      LocalDate.of(1815, 12, 10), Instant.parse("1852-11-27T09:30:00.123456Z"));
  private static final Profile BOB = new Profile("Bob", List.of(), null, null);

  private Larder larder;
  private JsonProfileRepository profiles;

  @BeforeEach
  void insertRows() {
    larder = ExampleDatabase.freshLarder();
    profiles = new JsonProfileRepositoryImpl(larder);
    assertThat(profiles.insert(ADA, ADA)).isEqualTo(1);
    assertThat(profiles.insertAll(Arrays.asList(new JsonProfile(0, null, null),
        new JsonProfile(0, BOB, BOB)))).isEqualTo(2);
  }

  @AfterEach
  void closeRuntime() {
    larder.close();
  }

  @Test
  void aRecordIsWrittenAsJsonThatSqlCanReadWithDatesAsText() throws Exception {
    assertThat(ExampleDatabase.strings("SELECT profile ->> 'name' || ' '"
            + " || (profile -> 'skills' -> 1 ->> 'level') || ' ' || (profile ->> 'born') || ' '"
            + " || (raw_profile ->> 'lastSeen') FROM json_profile WHERE id = 1"))
        .containsExactly("Ada 3 1815-12-10 1852-11-27T09:30:00.123456Z");
    assertThat(ExampleDatabase.strings("SELECT jsonb_typeof(profile) FROM json_profile ORDER BY id"))
        .containsExactly("object", null, "object");
  }

  @Test
  void jsonAndJsonbColumnsAreReadBackWithNullKept() {
    assertThat(profiles.get(1)).contains(new JsonProfile(1, ADA, ADA));
    assertThat(profiles.get(2)).contains(new JsonProfile(2, null, null));
    assertThat(profiles.get(3)).contains(new JsonProfile(3, BOB, BOB));
    assertThat(profiles.profile(1)).contains(ADA);
    assertThat(profiles.profile(2)).isEmpty();
    assertThat(profiles.rawProfiles()).containsExactly(ADA, null, BOB);
    assertThat(profiles.withProfile(BOB)).containsExactly(new JsonProfile(3, BOB, BOB));
    assertThat(profiles.withSkill("[{\"name\": \"poetry\"}]")).containsExactly(1L);
  }

  @Test
  void theProcessCacheReturnsTheSameValuesUntilAWriteInvalidatesThem() {
    assertThat(profiles.get(1)).contains(new JsonProfile(1, ADA, ADA));
    TestDatabase.get().execute("UPDATE json_profile SET profile = NULL WHERE id = 1");

    assertThat(profiles.get(1)).as("from the cache").contains(new JsonProfile(1, ADA, ADA));
    assertThat(profiles.withProfile(ADA)).hasSize(0);
    profiles.insert(BOB, null);
    assertThat(profiles.get(1)).contains(new JsonProfile(1, null, ADA));
  }

  @Test
  void jsonIsBoundWithoutACastInTheSqlAndNullToo() {
    assertThat(profiles.update(2, BOB)).isEqualTo(1);
    assertThat(profiles.withProfile(BOB)).extracting(JsonProfile::id).containsExactly(2L, 3L);
    assertThat(profiles.update(3, null)).isEqualTo(1);
    assertThat(profiles.profile(3)).isEmpty();
  }

  @Test
  void aKeyPartIsTheJsonTextHashedPastTheLengthLimit() {
    Profile sameAsBob = new Profile("Bob", List.of(), null, null);

    assertThat(JsonProfileRepositoryKeys.withProfile(BOB)).startsWith("profiles:#")
        .isEqualTo(JsonProfileRepositoryKeys.withProfile(sameAsBob))
        .isNotEqualTo(JsonProfileRepositoryKeys.withProfile(ADA));
  }

  @Test
  void jsonThatIsNotTheTypeIsAnErrorNamingTheType() {
    TestDatabase.get().execute("INSERT INTO json_profile (profile) VALUES ('{\"name\": [1]}')");
    TestDatabase.get().execute("INSERT INTO json_profile (profile) VALUES ('null')");

    assertThatThrownBy(() -> profiles.profile(4))
        .hasStackTraceContaining("cannot read JSON as a dev.larder.example.Profile");
    assertThatThrownBy(() -> profiles.profile(5))
        .hasStackTraceContaining("cannot read JSON null as a dev.larder.example.Profile");
  }

  @Test
  void everyJsonValueIsReadBackFromRedisByAnotherProcess() {
    List<Function<JsonProfileRepository, Object>> reads = List.of(
        p -> p.get(1), p -> p.get(2), p -> p.get(3), p -> p.profile(1), p -> p.profile(2),
        p -> p.rawProfiles(), p -> p.withProfile(BOB));

    processes.assertReadBackFromRedis(JsonProfileRepositoryImpl::new, reads,
        () -> TestDatabase.get().execute("DELETE FROM json_profile"));
  }
}
