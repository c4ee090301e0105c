package dev.larder.processor.read;

import static dev.larder.processor.read.LarderAnnotations.CACHE_KEY;
import static dev.larder.processor.read.LarderAnnotations.INVALIDATES_TAGS;
import static dev.larder.processor.read.LarderAnnotations.QUERY;
import static dev.larder.processor.read.LarderAnnotations.UPDATE;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.larder.processor.model.Binding;
import dev.larder.processor.model.DurationSetting;
import dev.larder.processor.model.JavaType;
import dev.larder.processor.model.KeysetOrder;
import dev.larder.processor.model.Method;
import dev.larder.processor.model.MethodKind;
import dev.larder.processor.model.Parameter;
import dev.larder.processor.model.ParameterKind;
import dev.larder.processor.model.Result;
import dev.larder.processor.model.ResultShape;
import dev.larder.processor.model.ScalarKind;
import dev.larder.processor.model.Source;
import dev.larder.processor.model.Sql;
import dev.larder.processor.model.SqlClauses;
import dev.larder.processor.model.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Reads one abstract repository method into a {@link Method}. */
final class MethodReader {
  private static final Set<String> OPTIONAL = Set.of("java.util.Optional");
  private static final Set<String> LIST = Set.of("java.util.List");

  private final AnnotationReader annotations;
  private final TypeReader typeReader;
  private final PagingReader paging;

  MethodReader(AnnotationReader annotations, TypeReader typeReader) {
    this.annotations = annotations;
    this.typeReader = typeReader;
    this.paging = new PagingReader(annotations, typeReader);
  }

  /**
   * @param uniqueName the method's name, or its signature when it is overloaded ({@link
   *     UniqueNames})
   */
  Method read(TypeElement repository, ExecutableElement method, ExecutableType signature,
      String uniqueName) {
    AnnotationMirror query = AnnotationReader.find(method, QUERY);
    AnnotationMirror update = AnnotationReader.find(method, UPDATE);
    MethodKind kind = query != null ? MethodKind.QUERY : update != null ? MethodKind.UPDATE : null;
    AnnotationMirror sqlMirror = query != null ? query : update;
    Source source = Source.of(method);
    String text = sqlMirror == null ? null : annotations.string(sqlMirror, "value");
    SqlClauses clauses = text == null ? null : SqlClauseScanner.scan(text);
    // The result first: whether an int parameter is a keyset limit depends on it.
    Result result = result(kind, clauses != null && clauses.returning(), signature.getReturnType());

    List<Parameter> parameters = new ArrayList<>();
    for (int i = 0; i < method.getParameters().size(); i++) {
      VariableElement element = method.getParameters().get(i);
      parameters.add(parameter(element, signature.getParameterTypes().get(i), result));
    }
    NameResolver resolver = new NameResolver(parameters);

    Sql sql = null;
    List<Binding> bindings = List.of();
    if (sqlMirror != null) {
      AnnotationValue value = annotations.value(sqlMirror, "value");
      String unordered = clauses.orderByStart() >= 0
          ? text.substring(0, clauses.orderByStart()) : text;
      sql = new Sql(text, SqlNames.parse(text), clauses, JdbiText.of(text),
          JdbiText.of(unordered), source.withAnnotation(sqlMirror, value), SchemaTexts.of(text));
      bindings = sql.names().stream().map(resolver::bind).toList();
    }

    Template key = null;
    List<Template> tags = List.of();
    DurationSetting ttl = null;
    AnnotationMirror cacheKey = AnnotationReader.find(method, CACHE_KEY);
    if (cacheKey != null) {
      String keyText = annotations.string(cacheKey, "value");
      if (!keyText.isEmpty()) {
        key = TemplateParser.parse(keyText, resolver,
            source.withAnnotation(cacheKey, annotations.value(cacheKey, "value")));
      }
      tags = templates(cacheKey, "tags", resolver, source);
      if (!annotations.string(cacheKey, "ttl").isEmpty()) {
        ttl = annotations.duration(method, cacheKey, "ttl");
      }
    }

    List<Template> invalidates = List.of();
    String reason = "";
    AnnotationMirror invalidatesTags = AnnotationReader.find(method, INVALIDATES_TAGS);
    if (invalidatesTags != null) {
      invalidates = templates(invalidatesTags, "value", resolver, source);
      reason = annotations.string(invalidatesTags, "reason").trim();
    }

    KeysetOrder order = paging.order(method, result);
    // A changed order makes old cursors and cached pages wrong: it is part of the fingerprint.
    // So is an overload's signature: two overloads running the same SQL into the same type (and
    // keyed alike) must not share entries, as their tags may differ.
    String name = method.getSimpleName().toString();
    String fingerprint = Fingerprint.of(sql == null ? "" : sql.text(),
        describe(result) + (order == null ? "" : " ORDER BY " + order.describe())
            + (uniqueName.equals(name) ? "" : " AS " + uniqueName));
    return new Method(
        name,
        uniqueName,
        kind,
        query != null && annotations.bool(query, "cached"),
        sql,
        List.copyOf(parameters),
        result,
        bindings,
        cacheKey == null ? null : source.withAnnotation(cacheKey, null),
        key,
        tags,
        ttl,
        invalidates,
        invalidatesTags == null ? null : source.withAnnotation(invalidatesTags, null),
        reason,
        order,
        query != null && update != null,
        !method.getTypeParameters().isEmpty(),
        fingerprint,
        source,
        AnnotationReader.find(method, LarderAnnotations.NON_NULL_COLUMN) != null,
        null);
  }

  private List<Template> templates(
      AnnotationMirror mirror, String member, NameResolver resolver, Source source) {
    List<Template> out = new ArrayList<>();
    for (AnnotationValue value : annotations.array(mirror, member)) {
      String text = value.getValue() instanceof String s ? s : "";
      out.add(TemplateParser.parse(text, resolver, source.withAnnotation(mirror, value)));
    }
    return List.copyOf(out);
  }

  private Parameter parameter(VariableElement element, TypeMirror type, Result result) {
    String name = element.getSimpleName().toString();
    Source source = Source.of(element);
    TypeName typeName = safeTypeName(type);
    ParameterKind pagingKind = paging.kind(name, type, result);
    if (pagingKind != null) {
      return new Parameter(name, typeName, pagingKind,
          new JavaType.Unsupported(typeName, type.toString()), source);
    }
    JavaType.Scalar scalar = typeReader.scalar(type);
    if (scalar != null && scalar.kind().javaArray()) {
      // An int[] binds as a List<Integer> does: as a PostgreSQL array.
      return new Parameter(name, typeName, ParameterKind.ARRAY, scalar.element(), source);
    }
    if (scalar != null) {
      return new Parameter(name, typeName, ParameterKind.SCALAR, scalar, source);
    }
    JavaType.Record record = typeReader.record(type);
    if (record != null) {
      return new Parameter(name, typeName, ParameterKind.RECORD, record, source);
    }
    TypeMirror elementType = typeReader.argumentOf(type, TypeReader.COLLECTIONS);
    if (elementType != null) {
      JavaType.Scalar elementScalar = typeReader.scalar(elementType);
      if (elementScalar != null && ScalarKind.ARRAY_ELEMENTS.contains(elementScalar.kind())) {
        return new Parameter(name, typeName, ParameterKind.ARRAY, elementScalar, source);
      }
      JavaType.Record elementRecord = typeReader.record(elementType);
      if (elementRecord != null) {
        return new Parameter(name, typeName, ParameterKind.BATCH, elementRecord, source);
      }
    }
    return new Parameter(name, typeName, ParameterKind.UNSUPPORTED,
        new JavaType.Unsupported(typeName, type.toString()), source);
  }

  /**
   * @param returning whether the SQL has a top-level RETURNING: then an update's {@code int} or
   *     {@code long} is the value it returns, not the number of rows changed
   */
  private Result result(MethodKind kind, boolean returning, TypeMirror type) {
    TypeName typeName = safeTypeName(type);
    if (kind == MethodKind.UPDATE) {
      if (type.getKind() == TypeKind.VOID) {
        return new Result(typeName, ResultShape.VOID, null);
      }
      if (!returning && type.getKind() == TypeKind.INT) {
        return new Result(typeName, ResultShape.COUNT_INT, null);
      }
      if (!returning && type.getKind() == TypeKind.LONG) {
        return new Result(typeName, ResultShape.COUNT_LONG, null);
      }
      if (paging.shape(type) != null) {
        return new Result(typeName, ResultShape.UNSUPPORTED, null);
      }
      // Rows, from RETURNING; validation refuses them when the SQL has none.
    } else if (type.getKind() == TypeKind.VOID) {
      return new Result(typeName, ResultShape.UNSUPPORTED, null);
    } else {
      ResultShape paged = paging.shape(type);
      if (paged != null) {
        return rows(typeName, paged, paging.rowType(type));
      }
    }
    TypeMirror optional = typeReader.argumentOf(type, OPTIONAL);
    if (optional != null) {
      return rows(typeName, ResultShape.OPTIONAL, optional);
    }
    TypeMirror list = typeReader.argumentOf(type, LIST);
    if (list != null) {
      return rows(typeName, ResultShape.LIST, list);
    }
    return rows(typeName, ResultShape.SINGLE, type);
  }

  private Result rows(TypeName typeName, ResultShape shape, TypeMirror element) {
    JavaType row = typeReader.read(element);
    if (row instanceof JavaType.Unsupported) {
      return new Result(typeName, ResultShape.UNSUPPORTED, row);
    }
    return new Result(typeName, shape, row);
  }

  /** What the fingerprint hashes besides the SQL: the result type and, for records, its columns. */
  private static String describe(Result result) {
    String base = result.typeName().toString();
    if (result.element() instanceof JavaType.Record record) {
      return base + record.components().stream()
          .map(c -> c.column() + ":" + c.type().typeName())
          .collect(Collectors.joining(",", "(", ")"));
    }
    return base;
  }

  private static TypeName safeTypeName(TypeMirror type) {
    try {
      return TypeName.get(type);
    } catch (IllegalArgumentException e) {
      return ClassName.OBJECT;
    }
  }
}
