package dev.larder.processor.validate;

import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor gives, in one place. Each says what is wrong and how to fix it.
 */
public enum Message {
  NOT_AN_INTERFACE(
      "@CachedRepository goes on an interface, but %s is %s; declare it as an interface and let"
          + " Larder generate the implementation"),
  GENERIC_REPOSITORY(
      "repository %s declares type parameters; a repository interface must be concrete (extend a"
          + " generic interface with concrete type arguments instead)"),
  MISPLACED(
      "@%s has no effect on %s; it only works on an abstract method of an interface annotated"
          + " @CachedRepository"),
  CACHE_KEY_ON_WRITE(
      "@CacheKey has no effect on %s, which is a write (@Update); a write caches nothing, it names"
          + " the tags it makes stale with @InvalidatesTags"),
  CACHE_KEY_ON_UNCACHED_READ(
      "@CacheKey has no effect on %s, which is not cached (@Query(cached = false)); remove"
          + " @CacheKey, or remove cached = false to cache its results under this key"),
  INVALIDATES_TAGS_ON_READ(
      "@InvalidatesTags has no effect on %s, which is a read (@Query); give the read its tags with"
          + " @CacheKey(tags = ...) and put @InvalidatesTags on the writes that change its rows"),
  NO_SQL(
      "method %s has no SQL; annotate it with @Query (a read) or @Update (a write), or make it a"
          + " default method"),
  QUERY_AND_UPDATE(
      "method %s has both @Query and @Update; a method either reads or writes, keep one of them"),
  GENERIC_METHOD("method %s declares type parameters; repository methods need concrete types"),
  BLANK_SQL("@%s on %s has no SQL; write the statement, e.g. @%s(\"%s\")"),
  DATA_CHANGING_QUERY(
      "the SQL of @Query method %s changes data (%s), but a @Query is a read: a cache hit would"
          + " skip the change and nothing would invalidate what it changes; make it an @Update"
          + " with @InvalidatesTags naming the tags of the reads it makes stale"),
  LOCKING_CACHED_QUERY(
      "the SQL of @Query method %s locks rows (%s), but the read is cached and a cache hit takes"
          + " no lock; write @Query(value = \"...\", cached = false) so that it runs, and locks, on"
          + " every call, inside the caller's transaction"),
  SIDE_EFFECTS_IN_CACHED_QUERY(
      Diagnostic.Kind.WARNING,
      "the SQL of cached @Query method %s calls %s, which %s state (Larder warns of a list of"
          + " well-known volatile functions that do, such as nextval, setval and the advisory"
          + " locks); a cache hit does not call %s, so the effect happens only on a miss; write"
          + " @Query(value = \"...\", cached = false) to run it on every call, or make it an"
          + " @Update"),
  CONVERTER_NOT_A_COLUMN_CONVERTER(
      "@ConvertWith on %s names %s, which implements ColumnConverter<%s, S> nowhere (neither"
          + " itself nor through a base class or interface); implement"
          + " dev.larder.runtime.ColumnConverter<%s, S> with S the column type to store it as (%s),"
          + " or extend dev.larder.runtime.JsonConverter<%s> to store it as JSON"),
  CONVERTER_TYPE_MISMATCH(
      "@ConvertWith on %s names %s, a ColumnConverter<%s, ...>, which converts %s, not %s; name a"
          + " converter that implements ColumnConverter<%s, S>"),
  CONVERTER_UNSUPPORTED_COLUMN(
      "converter %s of %s stores it as %s, which Larder cannot map to a column; implement"
          + " ColumnConverter<%s, S> with S one of %s"),
  CONVERTER_NOT_INSTANTIABLE(
      "converter %s of %s cannot be created by generated code, which calls new %s(); make it a"
          + " public class (not abstract, static if nested) with a public constructor without"
          + " parameters"),
  UNBOUND_NAME(
      "SQL parameter :%s of %s has nothing to bind it: no parameter or record component is named"
          + " '%s'%s"),
  AMBIGUOUS_NAME(
      "SQL parameter :%s of %s is ambiguous: parameters %s and %s both have a component named"
          + " '%s'; write :%s.%s or :%s.%s"),
  RECORD_BOUND_WHOLE(
      "SQL parameter :%s binds the whole record %s, which has no column value; bind its"
          + " components, e.g. :%s.%s"),
  UNUSED_PARAMETER(
      "parameter %s of %s is not used in its SQL; use it as :%s or remove it (an unused parameter"
          + " would still split the cache)"),
  UNSUPPORTED_PARAMETER(
      "parameter %s of %s has type %s, which Larder cannot bind; supported: %s, a record of"
          + " those, and a List, Set, Collection or Iterable of Long, Integer, Boolean, Double,"
          + " String, BigDecimal, UUID or an enum (bound as a PostgreSQL array, use = ANY(:%s))"),
  BATCH_ON_QUERY(
      "parameter %s of %s is a collection of records, which makes a batch; only @Update methods"
          + " take a batch (for a read, bind a collection of scalars as an array)"),
  BATCH_NOT_ALONE(
      "batch method %s takes the collection %s and also %s; a batch takes exactly one parameter,"
          + " the collection of records: move %s into the record %s"),
  UNSUPPORTED_QUERY_RESULT(
      "@Query method %s returns %s, which Larder cannot map; supported: a record, Optional<record>,"
          + " List<record>, a scalar (%s), Optional<scalar>, List<scalar>, Page<record or scalar>"
          + " (with a PageRequest) and CursorPage<record> (with a Cursor and an int limit)"),
  UNSUPPORTED_UPDATE_RESULT(
      "@Update method %s returns %s, which Larder cannot map; an update returns int or long (the"
          + " number of rows changed) or void, or with RETURNING in its SQL what RETURNING gives:"
          + " a record, Optional<record>, List<record>, a scalar (%s), Optional<scalar> or"
          + " List<scalar>"),
  UPDATE_ROWS_WITHOUT_RETURNING(
      "@Update method %s returns %s, but its SQL has no RETURNING clause, so it gives no rows to"
          + " return; add RETURNING with the columns to return (e.g. RETURNING id), or return int"
          + " or long (the number of rows changed) or void"),
  UPDATE_VOID_WITH_RETURNING(
      "@Update method %s returns void, but its SQL has RETURNING, whose rows would be thrown"
          + " away; declare what RETURNING gives (e.g. long for RETURNING id, a record, Optional<...>"
          + " or List<...>), or remove RETURNING"),
  BATCH_RETURNING(
      "batch method %s returns %s with RETURNING in its SQL; a batch gives the rows of RETURNING"
          + " as one List, in the order of the collection %s: declare List<...> of what"
          + " RETURNING gives (e.g. List<Long> for RETURNING id, or a List of a record), or"
          + " remove RETURNING and return int, long or void"),
  UNSUPPORTED_COMPONENT(
      "record %s, used by %s, has component %s of type %s, which Larder cannot map to a column;"
          + " supported component types: %s"),
  BAD_TEMPLATE("%s template \"%s\" of %s %s; placeholders look like {id} or {filter.category}"),
  UNKNOWN_PLACEHOLDER(
      "%s template \"%s\" names {%s}, which is not a parameter or record component of %s%s"),
  UNSEPARATED_PLACEHOLDERS(
      "%s template \"%s\" of %s has {%s} and {%s} %s, so different values can give one %s%s;"
          + " separate every two placeholders by at least one of the characters %s (or a space),"
          + " which Larder escapes inside values, e.g. \"%s\""),
  KEY_MISSES_PARAMETER(
      "cache key \"%s\" of %s does not use %s, which the SQL binds as :%s, so calls with"
          + " different %s would share one cache entry; add {%s} to the key"),
  KEYS_METHOD_CLASH(
      "%s would declare %s twice: as the key builder of read %s and as the tags builder of %s"
          + " (named after it with \"Tags\" appended); rename %s or %s"),
  BAD_DURATION(
      "%s = \"%s\" is not an ISO-8601 duration; write for example \"PT10M\" (ten minutes),"
          + " \"PT30S\" or \"P1D\""),
  NEGATIVE_DURATION("%s = \"%s\" is negative; a duration here must be zero or more"),
  WRITE_WITHOUT_INVALIDATION(
      "@Update method %s says nothing about what it makes stale; add @InvalidatesTags naming the"
          + " tags of the reads it changes, or @InvalidatesTags(value = {}, reason = \"...\") if it"
          + " changes nothing that is cached"),
  EMPTY_INVALIDATION_WITHOUT_REASON(
      "@InvalidatesTags on %s lists no tags and gives no reason; name the tags it makes stale, or"
          + " say in reason = \"...\" why it makes nothing stale"),
  TAGS_NEVER_INVALIDATED(
      Diagnostic.Kind.WARNING,
      "no write of any repository in this compilation invalidates any tag of %s (%s), so its"
          + " entries can only go stale until their TTL; add one of its tags to the"
          + " @InvalidatesTags of the writes that change its rows"),
  TRANSACTIONAL_GENERIC(
      "@Transactional method %s declares type parameters; a transactional default method needs"
          + " concrete types (move the generic part into a helper it calls)"),
  TRANSACTIONAL_CHECKED(
      "@Transactional method %s declares checked exceptions; the transaction may run its body"
          + " again, and rethrows only unchecked exceptions: wrap them in an unchecked exception"),
  TRANSACTIONAL_ATTEMPTS(
      "@Transactional(maxAttempts = %d) on %s is out of range; use 1 to 1000, or leave it out"
          + " for the runtime's default"),
  TRANSACTIONAL_DEADLINE("@Transactional(deadline = \"%s\") on %s must be longer than zero"),
  TRANSACTIONAL_SQLSTATE(
      "@Transactional(retryOn = \"%s\") on %s is not a SQLSTATE; a SQLSTATE has five characters,"
          + " e.g. \"55P03\" (lock not available)"),
  PAGE_WITHOUT_REQUEST(
      "@Query method %s returns %s but takes no PageRequest; add a parameter PageRequest request"
          + " (pages numbered from 0, at most 1000 rows each)"),
  PAGE_REQUEST_WITHOUT_PAGE(
      "parameter %s of %s is a PageRequest, which only a @Query returning Page<...> takes; return"
          + " Page<...> or remove the parameter"),
  CURSOR_PAGE_WITHOUT_CURSOR(
      "@Query method %s returns %s but takes no Cursor; add a parameter Cursor after (null for the"
          + " first page) and an int limit"),
  CURSOR_PAGE_WITHOUT_LIMIT(
      "@Query method %s returns %s but has no int parameter named limit; add int limit, the most"
          + " rows a page holds (1 to 1000)"),
  CURSOR_WITHOUT_CURSOR_PAGE(
      "parameter %s of %s is a Cursor, which only a @Query returning CursorPage<...> takes; return"
          + " CursorPage<...> or remove the parameter"),
  DUPLICATE_PAGING_PARAMETER(
      "method %s takes two %s parameters, %s and %s; a paged method takes one"),
  PAGING_ON_UPDATE(
      "parameter %s of @Update method %s is a %s; only a @Query returning Page or CursorPage is"
          + " read in pages"),
  PAGING_PARAMETER_IN_SQL(
      "SQL parameter :%s of %s names the paging parameter %s, which Larder turns into %s by"
          + " itself; remove :%s from the SQL"),
  PAGING_PARAMETER_IN_TEMPLATE(
      "%s template \"%s\" of %s names {%s}, a paging parameter; Larder adds the page to the key by"
          + " itself, and tags name what a page contains, not which page it is: remove {%s}"),
  PAGED_SQL_HAS_LIMIT(
      "the SQL of paged method %s has its own LIMIT, OFFSET or FETCH; Larder adds them for each"
          + " page: remove them from the SQL"),
  PAGE_WITHOUT_ORDER(
      Diagnostic.Kind.WARNING,
      "the SQL of %s has no ORDER BY, so which rows fall on which page is undefined and pages may"
          + " repeat or skip rows; add an ORDER BY ending with a unique column (e.g. ORDER BY name,"
          + " id)"),
  KEYSET_WITHOUT_ORDER(
      "keyset-paged method %s has no @OrderBy; name its sort columns, ending with a unique one,"
          + " e.g. @OrderBy(value = {\"%s\"}, unique = \"%s\")"),
  KEYSET_ROW_NOT_RECORD(
      "keyset-paged method %s returns pages of %s; keyset paging reads the sort values from each"
          + " row, so the row must be a record"),
  KEYSET_SQL_ORDER_BY(
      Diagnostic.Kind.WARNING,
      "the SQL of %s has its own ORDER BY, which keyset paging replaces with the @OrderBy order"
          + " (%s); remove it from the SQL"),
  ORDER_BY_NOT_KEYSET(
      "@OrderBy has no effect on %s, which does not return CursorPage<...>; order its rows with"
          + " ORDER BY in its SQL"),
  BAD_ORDER_COLUMN(
      "@OrderBy entry \"%s\" of %s %s; write \"column\", \"column ASC\" or \"column DESC\""),
  ORDER_COLUMN_NOT_IN_ROW(
      "@OrderBy column %s of %s is not a column of %s (%s)%s; keyset paging reads the sort values"
          + " from the row, so select the column into a component of the record"),
  ARRAY_ORDER_COLUMN(
      "@OrderBy column %s of %s is an array (%s), which a cursor cannot hold; order by a column"
          + " of a single value"),
  UNSORTABLE_ORDER_COLUMN(
      "@OrderBy column %s of %s is a %s, which Larder cannot write into a cursor; order by"
          + " another column, or select this one as a type cursors hold (%s::text for a char,"
          + " EXTRACT(EPOCH FROM %s) for an interval)"),
  DUPLICATE_ORDER_COLUMN("@OrderBy of %s lists column %s twice"),
  ORDER_NOT_UNIQUE(
      "the order of %s (%s) does not end with a column declared unique, so rows with equal sort"
          + " values could be skipped or repeated where a page ends; if %s identifies a row, write"
          + " @OrderBy(value = {...}, unique = \"%s\"), otherwise end the order with the primary"
          + " key"),
  UNIQUE_NOT_LAST(
      "unique = \"%s\" of %s %s; the columns declared unique must be the last of the order (%s)"),
  BLANK_ENUM_LABEL(
      "@EnumLabel of %s.%s is blank; write the label the database holds for the constant, e.g."
          + " @EnumLabel(\"%s\"), or remove the annotation to use its name"),
  DUPLICATE_ENUM_LABEL(
      "constant %s of enum %s has the label \"%s\", which is already the label of %s; a label read"
          + " from the database must stand for one constant, so give each its own @EnumLabel"),
  SCHEMA_CHECK_SKIPPED(
      Diagnostic.Kind.WARNING,
      "the schema check (-Alarder.migrations) was skipped: %s; the SQL of this compilation is"
          + " compiled without being checked against the schema"),
  SQL_REFUSED(
      "PostgreSQL refuses the SQL of %s on the schema the migrations build: %s%s; fix the"
          + " statement, or the migrations if the schema is what is wrong"),
  PARAMETER_TYPE(
      "%s of %s is %s, which Larder binds as %s, but PostgreSQL infers %s for :%s and refuses"
          + " the statement with a %s there: %s%s; declare it as %s, or cast it in the SQL"
          + " (:%s::%s)"),
  COLUMN_WITHOUT_COMPONENT(
      "the SQL of %s returns column %s (%s), which no component of %s reads%s; add a component"
          + " for it to the record, or remove the column from the SQL"),
  COMPONENT_WITHOUT_COLUMN(
      "component %s of %s reads column %s, which the SQL of %s does not return (it returns %s)%s;"
          + " select the column, alias an expression AS %s, or remove the component"),
  SCALAR_COLUMN_COUNT(
      "%s returns the single value %s, but its SQL returns %d columns (%s); select exactly one"
          + " column, or return a record with a component for each"),
  COLUMN_TYPE(
      "column %s of %s is %s, which %s cannot hold without loss; declare %s as %s, or cast the"
          + " column in the SQL to the type %s holds"),
  NULLABLE_INTO_PRIMITIVE(
      "column %s of %s can be NULL (%s), but %s is the primitive %s, which cannot hold a NULL;"
          + " declare it as %s, or, if the column is never NULL, annotate %s with @NonNullColumn"),
  ORDER_COLUMN_NOT_IN_RESULT(
      "@OrderBy column %s of %s is not a column of the result of its SQL (%s); keyset paging sorts"
          + " the result by it, so select it"),
  UNIQUE_NOT_COVERED(
      "@OrderBy(unique = %s) of %s: %s, so two rows may share these values and a page boundary"
          + " could skip or repeat rows; declare unique only columns that a primary key or unique"
          + " index covers, or add one in a migration (CREATE UNIQUE INDEX ... ON %s (%s))"),
  SELECT_STAR(
      Diagnostic.Kind.WARNING,
      "the SQL of %s selects *, so what it returns moves with the schema (a migration that adds,"
          + " drops or renames a column changes what %s reads); name the columns it reads"),
  INTERNAL_ERROR(
      "internal error in the Larder processor while processing %s: %s; please report it with"
          + " this message");

  private final Diagnostic.Kind kind;
  private final String format;

  Message(String format) {
    this(Diagnostic.Kind.ERROR, format);
  }

  Message(Diagnostic.Kind kind, String format) {
    this.kind = kind;
    this.format = format;
  }

  public Diagnostic.Kind kind() {
    return kind;
  }

  public String format(Object... args) {
    return String.format(format, args);
  }
}
