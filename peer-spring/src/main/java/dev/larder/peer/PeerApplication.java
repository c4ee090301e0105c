package dev.larder.peer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.EnableCaching;

/**
 * The example shop on Spring Boot, Spring Data JDBC and Spring Cache: the same HTTP API and the
 * same SQL as the Larder service, for the load comparison. Run with the profile {@code caffeine}
 * or {@code redis}.
 */
@SpringBootApplication
@EnableCaching
public class PeerApplication {

  /** Starts the application. */
  public static void main(String[] args) {
    SpringApplication.run(PeerApplication.class, args);
  }
}
