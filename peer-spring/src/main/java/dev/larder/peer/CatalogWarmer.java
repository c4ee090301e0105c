package dev.larder.peer;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Warms the product cache at start-up, as the Larder service's {@code --warm} does: reads
 * products 1 to {@code shop.warm-products} (the most popular in the load comparison) through the
 * {@code @Cacheable} method, four at a time. The health is OUT_OF_SERVICE (HTTP 503) until it
 * is done, so that a load balancer, and the load driver, send nothing before.
 */
@Component
public class CatalogWarmer implements ApplicationRunner, HealthIndicator {
  private final Catalog catalog;
  private final long products;
  private volatile boolean warm;

  public CatalogWarmer(Catalog catalog, @Value("${shop.warm-products:0}") long products) {
    this.catalog = catalog;
    this.products = products;
    this.warm = products <= 0;
  }

  @Override
  public void run(ApplicationArguments args) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      LongStream.rangeClosed(1, products).forEach(id -> pool.execute(() -> catalog.product(id)));
    } finally {
      pool.shutdown();
    }
    if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
      throw new IllegalStateException("warming " + products + " products took over 10 minutes");
    }
    warm = true;
  }

  @Override
  public Health health() {
    return warm ? Health.up().build() : Health.outOfService().withDetail("warming", products).build();
  }
}
