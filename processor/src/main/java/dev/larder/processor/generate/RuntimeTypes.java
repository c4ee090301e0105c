package dev.larder.processor.generate;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;

/**
 * The runtime and library types generated code calls, named here once. The processor never loads
 * the runtime: it names its types.
 */
final class RuntimeTypes {
  static final ClassName LARDER = ClassName.get("dev.larder.runtime", "Larder");
  static final ClassName REPOSITORY_SUPPORT =
      ClassName.get("dev.larder.runtime.internal", "RepositorySupport");
  static final ClassName REPOSITORY_METHOD =
      ClassName.get("dev.larder.runtime.internal", "RepositoryMethod");
  static final ClassName CACHED_READ = ClassName.get("dev.larder.runtime.internal", "CachedRead");
  static final ClassName CACHE_KEY = ClassName.get("dev.larder.runtime.internal", "CacheKey");
  static final ClassName CACHE_POLICY = ClassName.get("dev.larder.runtime.internal", "CachePolicy");
  static final ClassName ROWS = ClassName.get("dev.larder.runtime.internal", "Rows");
  static final ClassName COLUMNS = ClassName.get("dev.larder.runtime.internal", "Columns");
  static final ClassName JAVA_ARRAYS = ClassName.get("dev.larder.runtime.internal", "JavaArrays");
  static final ClassName KEY_ENCODING = ClassName.get("dev.larder.runtime.internal", "KeyEncoding");
  static final ClassName OFFSET_PAGING = ClassName.get("dev.larder.runtime.internal", "OffsetPaging");
  static final ClassName KEYSET = ClassName.get("dev.larder.runtime.internal", "Keyset");
  static final ClassName KEYSET_COLUMN = KEYSET.nestedClass("Column");
  static final ClassName KEYSET_POSITION = KEYSET.nestedClass("Position");
  static final ClassName SORT_TYPE = ClassName.get("dev.larder.runtime.internal", "SortType");
  static final ClassName PAGING_CODECS = ClassName.get("dev.larder.runtime.internal", "PagingCodecs");
  static final ClassName BATCHES = ClassName.get("dev.larder.runtime.internal", "Batches");
  static final ClassName MULTI_ROW_INSERT =
      ClassName.get("dev.larder.runtime.internal", "MultiRowInsert");
  static final ClassName STATEMENT_CONTEXT =
      ClassName.get("org.jdbi.v3.core.statement", "StatementContext");
  static final ClassName PREPARED_BATCH = ClassName.get("org.jdbi.v3.core.statement", "PreparedBatch");
  static final ClassName RESULT_SET = ClassName.get("java.sql", "ResultSet");
  static final ClassName SQL_EXCEPTION = ClassName.get("java.sql", "SQLException");
  static final ClassName LIST = ClassName.get("java.util", "List");
  static final ClassName LINKED_HASH_SET = ClassName.get("java.util", "LinkedHashSet");
  static final ClassName SET = ClassName.get("java.util", "Set");

  /** {@code @Generated("dev.larder.processor.LarderProcessor")}, without a timestamp. */
  static final AnnotationSpec GENERATED = AnnotationSpec.builder(
          ClassName.get("javax.annotation.processing", "Generated"))
      .addMember("value", "$S", "dev.larder.processor.LarderProcessor")
      .build();

  private RuntimeTypes() {}

  /** Makes text safe inside a Javadoc comment. */
  static String javadocSafe(String text) {
    return text.replace("*/", "*&#47;").replace("$", "$$");
  }
}
