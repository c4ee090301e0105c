package dev.larder.runtime;

import java.sql.Types;
import java.util.UUID;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * Binds {@link UUID}s as PostgreSQL {@code uuid}, null included. JDBI's own binding sends a null
 * UUID as a {@code varchar} NULL, which PostgreSQL refuses for a {@code uuid} column ("column is
 * of type uuid but expression is of type character varying"); {@link Types#OTHER} lets the server
 * infer the type from the statement.
 */
final class UuidArgumentFactory extends AbstractArgumentFactory<UUID> {

  UuidArgumentFactory() {
    super(Types.OTHER);
  }

  @Override
  protected Argument build(UUID value, ConfigRegistry config) {
    return (position, statement, context) -> statement.setObject(position, value, Types.OTHER);
  }
}
