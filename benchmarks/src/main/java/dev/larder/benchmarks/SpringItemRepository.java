package dev.larder.benchmarks;

import org.springframework.data.repository.CrudRepository;

/** The Spring Data JDBC repository of {@code item}: {@code findById} is Spring Data's own. */
public interface SpringItemRepository extends CrudRepository<SpringItem, Long> {}
