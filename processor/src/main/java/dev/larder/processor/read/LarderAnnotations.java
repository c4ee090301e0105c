package dev.larder.processor.read;

import java.util.List;

/** Qualified names of the annotations the processor reads; named, never loaded as classes. */
public final class LarderAnnotations {
  public static final String CACHED_REPOSITORY = "dev.larder.annotation.CachedRepository";
  public static final String QUERY = "dev.larder.annotation.Query";
  public static final String UPDATE = "dev.larder.annotation.Update";
  public static final String CACHE_KEY = "dev.larder.annotation.CacheKey";
  public static final String INVALIDATES_TAGS = "dev.larder.annotation.InvalidatesTags";
  public static final String TRANSACTIONAL = "dev.larder.annotation.Transactional";
  public static final String ORDER_BY = "dev.larder.annotation.OrderBy";
  public static final String ENUM_LABEL = "dev.larder.annotation.EnumLabel";
  public static final String CONVERT_WITH = "dev.larder.annotation.ConvertWith";
  public static final String COLUMN_CONVERTER = "dev.larder.runtime.ColumnConverter";
  public static final String JSON_CONVERTER = "dev.larder.runtime.JsonConverter";
  public static final String NON_NULL_COLUMN = "dev.larder.annotation.NonNullColumn";

  /** Annotations that only mean something on an abstract method of a repository. */
  public static final List<String> METHOD_ANNOTATIONS =
      List.of(QUERY, UPDATE, CACHE_KEY, INVALIDATES_TAGS, ORDER_BY);

  /** Every method annotation, {@code @Transactional} (which goes on default methods) included. */
  public static final List<String> ALL_METHOD_ANNOTATIONS =
      List.of(QUERY, UPDATE, CACHE_KEY, INVALIDATES_TAGS, ORDER_BY, TRANSACTIONAL);

  private LarderAnnotations() {}

  static String simpleName(String qualifiedName) {
    return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
  }
}
