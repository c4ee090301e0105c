package dev.larder.benchmarks;

import java.util.Optional;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/**
 * The read as a Spring Cache user writes it: a service method marked {@code @Cacheable} over the
 * Spring Data repository, with the default key (the argument itself). Whether the cache behind it
 * is Caffeine or Redis is the context's {@code CacheManager}'s business.
 */
@Service
public class SpringItemService {
  private final SpringItemRepository repository;

  /** Creates the service over the repository. */
  public SpringItemService(SpringItemRepository repository) {
    this.repository = repository;
  }

  /** Finds an item by id, from the cache {@code items} once read. */
  @Cacheable("items")
  public Optional<SpringItem> findById(long id) {
    return repository.findById(id);
  }
}
