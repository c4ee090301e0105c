package dev.larder.benchmarks;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Maps a row of {@code item} by column index, as a hand-written Jdbi mapper does; shared by the
 * hand-written Jdbi read and the SqlObject one, so that they differ only in how they are called.
 */
public final class ItemRowMapper implements RowMapper<Item> {
  @Override
  public Item map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Item(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5));
  }
}
