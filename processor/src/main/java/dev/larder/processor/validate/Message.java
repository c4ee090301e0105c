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
  INVALIDATES_TAGS_ON_READ(
      "@InvalidatesTags has no effect on %s, which is a read (@Query); give the read its tags with"
          + " @CacheKey(tags = ...) and put @InvalidatesTags on the writes that change its rows"),
  NO_SQL(
      "method %s has no SQL; annotate it with @Query (a read) or @Update (a write), or make it a"
          + " default method"),
  QUERY_AND_UPDATE(
      "method %s has both @Query and @Update; a method either reads or writes, keep one of them"),
  GENERIC_METHOD("method %s declares type parameters; repository methods need concrete types"),
  OVERLOADED(
      "method %s is overloaded; give each repository method its own name, because cache keys,"
          + " metrics and %s name methods by name"),
  BLANK_SQL("@%s on %s has no SQL; write the statement, e.g. @%s(\"%s\")"),
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
          + " List<record>, a scalar (%s), Optional<scalar> and List<scalar>"),
  UNSUPPORTED_UPDATE_RESULT(
      "@Update method %s returns %s; an update returns int or long (the number of rows changed)"
          + " or void"),
  UNSUPPORTED_COMPONENT(
      "record %s, used by %s, has component %s of type %s, which Larder cannot map to a column;"
          + " supported component types: %s"),
  BAD_TEMPLATE("%s template \"%s\" of %s %s; placeholders look like {id} or {filter.category}"),
  UNKNOWN_PLACEHOLDER(
      "%s template \"%s\" names {%s}, which is not a parameter or record component of %s%s"),
  KEY_MISSES_PARAMETER(
      "cache key \"%s\" of %s does not use %s, which the SQL binds as :%s, so calls with"
          + " different %s would share one cache entry; add {%s} to the key"),
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
      "no write in %s invalidates any tag of %s (%s), so its entries can only go stale until their"
          + " TTL; add one of its tags to the @InvalidatesTags of the writes that change its rows"),
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
