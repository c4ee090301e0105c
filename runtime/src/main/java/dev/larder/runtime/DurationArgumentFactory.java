package dev.larder.runtime;

import dev.larder.runtime.internal.Intervals;
import java.sql.Types;
import java.time.Duration;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * Binds {@link Duration}s as PostgreSQL {@code interval}s of exactly that time
 * ({@link Intervals#of}); a null as {@link Types#OTHER}, which lets the server infer the type
 * from the statement. JDBI itself has no binding for {@code Duration}.
 */
final class DurationArgumentFactory extends AbstractArgumentFactory<Duration> {

  DurationArgumentFactory() {
    super(Types.OTHER);
  }

  @Override
  protected Argument build(Duration value, ConfigRegistry config) {
    return (position, statement, context) -> statement.setObject(position, Intervals.of(value));
  }
}
