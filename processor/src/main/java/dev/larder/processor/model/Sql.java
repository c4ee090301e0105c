package dev.larder.processor.model;

import java.util.List;

/**
 * The SQL of a method and the {@code :names} found in it, in order of first appearance.
 *
 * @param text the SQL as written
 * @param names distinct parameter names, e.g. {@code id} or {@code filter.category}
 * @param clauses what paging and batching need to know of its top-level clauses
 * @param source the annotation value holding the SQL
 */
public record Sql(String text, List<String> names, SqlClauses clauses, Source source) {}
