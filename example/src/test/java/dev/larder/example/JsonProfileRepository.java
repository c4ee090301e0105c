package dev.larder.example;

import dev.larder.annotation.CacheKey;
import dev.larder.annotation.CachedRepository;
import dev.larder.annotation.InvalidatesTags;
import dev.larder.annotation.Query;
import dev.larder.annotation.Update;
import java.util.List;
import java.util.Optional;

/**
 * A repository only for tests: a record stored as JSON through a {@code JsonConverter}. Its text
 * is bound untyped, so the SQL needs no cast (one insert keeps them, to show they still work).
 */
@CachedRepository
public interface JsonProfileRepository {

  @Update("INSERT INTO json_profile (profile, raw_profile) VALUES (:profile::jsonb, :rawProfile::json)")
  @InvalidatesTags("profiles")
  int insert(Profile profile, Profile rawProfile);

  @Update("INSERT INTO json_profile (profile, raw_profile) VALUES (:profile, :rawProfile)")
  @InvalidatesTags("profiles")
  int insertAll(List<JsonProfile> rows);

  @Query("SELECT id, profile, raw_profile FROM json_profile WHERE id = :id")
  @CacheKey(value = "profile:{id}", tags = "profiles")
  Optional<JsonProfile> get(long id);

  @Query("SELECT profile FROM json_profile WHERE id = :id")
  @CacheKey(value = "profile:{id}:jsonb", tags = "profiles")
  Optional<Profile> profile(long id);

  @Query("SELECT raw_profile FROM json_profile ORDER BY id")
  @CacheKey(value = "profiles:json", tags = "profiles")
  List<Profile> rawProfiles();

  @Query("SELECT id, profile, raw_profile FROM json_profile WHERE profile = :profile ORDER BY id")
  @CacheKey(value = "profiles:{profile}", tags = "profiles")
  List<JsonProfile> withProfile(Profile profile);

  @Update("UPDATE json_profile SET profile = :profile WHERE id = :id")
  @InvalidatesTags("profiles")
  int update(long id, Profile profile);

  @Query("SELECT id FROM json_profile WHERE profile -> 'skills' @> :skill::jsonb ORDER BY id")
  @CacheKey(value = "profiles:skill:{skill}", tags = "profiles")
  List<Long> withSkill(String skill);
}
