package dev.larder.example;

import dev.larder.annotation.CacheKey;
import dev.larder.annotation.CachedRepository;
import dev.larder.annotation.InvalidatesTags;
import dev.larder.annotation.Query;
import dev.larder.annotation.Update;

/** A test-only repository with one read on the repository's TTL and one with a short own TTL. */
@CachedRepository(ttl = "PT10M")
interface CategoryTtlRepository {

  @Query("SELECT name FROM category WHERE slug = :slug")
  @CacheKey(value = "category-name:{slug}", tags = "category:{slug}")
  String name(String slug);

  @Query("SELECT name FROM category WHERE slug = :slug")
  @CacheKey(value = "category-name-short:{slug}", tags = "category:{slug}", ttl = "PT0.3S")
  String nameShortLived(String slug);

  @Update("UPDATE category SET name = :name WHERE slug = :slug")
  @InvalidatesTags("category:{slug}")
  int rename(String slug, String name);
}
