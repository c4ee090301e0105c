/**
 * Larder's runtime. Applications use {@link dev.larder.runtime}; generated repositories also call
 * {@link dev.larder.runtime.internal}, which is for generated code only and may change in any
 * release. Nothing else is exported.
 */
module dev.larder.runtime {
  // Types of these modules appear in the exported API: TransactionOptions takes an Isolation,
  // Larder hands out its Jdbi and DataSource, LarderBuilder takes a RedissonClient, and the
  // support package binds and reads PostgreSQL types.
  requires transitive dev.larder.annotation;
  requires transitive java.sql;
  requires transitive org.jdbi.v3.core;
  requires transitive org.postgresql.jdbc;
  requires transitive redisson;

  requires com.github.benmanes.caffeine;
  requires com.zaxxer.hikari;
  requires org.lz4.java;
  requires org.slf4j;

  // Optional: LarderMetrics needs Micrometer, JsonConverter needs Jackson (and shows their types);
  // an application that uses neither need not have them.
  requires static com.fasterxml.jackson.databind;
  requires static micrometer.core;

  exports dev.larder.runtime;
  exports dev.larder.runtime.internal;
}
