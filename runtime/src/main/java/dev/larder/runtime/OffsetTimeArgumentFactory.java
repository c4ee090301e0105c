package dev.larder.runtime;

import java.sql.Types;
import java.time.OffsetTime;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * Binds {@link OffsetTime}s as PostgreSQL {@code timetz}. JDBI's own binding passes
 * {@link Types#TIME_WITH_TIMEZONE}, which the PostgreSQL driver refuses ("Unsupported Types
 * value: 2,013"); without a type the driver sends the value as a {@code timetz} itself, and a
 * null as {@link Types#OTHER} lets the server infer the type from the statement.
 */
final class OffsetTimeArgumentFactory extends AbstractArgumentFactory<OffsetTime> {

  OffsetTimeArgumentFactory() {
    super(Types.OTHER);
  }

  @Override
  protected Argument build(OffsetTime value, ConfigRegistry config) {
    return (position, statement, context) -> statement.setObject(position, value);
  }
}
