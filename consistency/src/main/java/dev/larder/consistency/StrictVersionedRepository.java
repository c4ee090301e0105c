package dev.larder.consistency;

import dev.larder.annotation.CacheKey;
import dev.larder.annotation.CachedRepository;
import dev.larder.annotation.InvalidatesTags;
import dev.larder.annotation.Query;
import dev.larder.annotation.Update;

/** The checked repository in strict mode: no process may ever serve an invalidated entry. */
@CachedRepository(consistency = CachedRepository.Consistency.STRICT)
public interface StrictVersionedRepository extends VersionedRepository {

  @Override
  @Query("SELECT id, version FROM versioned WHERE id = :id")
  @CacheKey(value = "v:{id}", tags = "v:{id}")
  Row byId(int id);

  @Override
  @Update("UPDATE versioned SET version = :version WHERE id = :id AND version < :version")
  @InvalidatesTags("v:{id}")
  int setVersion(int id, long version);
}
