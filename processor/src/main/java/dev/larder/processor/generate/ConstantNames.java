package dev.larder.processor.generate;

import static dev.larder.processor.generate.ClassFields.constantCase;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.NameAllocator;
import dev.larder.processor.model.EnumTypes;
import dev.larder.processor.model.JavaType;
import dev.larder.processor.model.Method;
import dev.larder.processor.model.Repository;
import dev.larder.processor.model.ResultShape;
import dev.larder.processor.model.TransactionalMethod;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names of the constants of {@code <Interface>Impl}: one per abstract method, in constant case
 * ({@code FIND_BY_ID}; an overload adds its parameter types, {@code TITLE_INT_STRING}); one more
 * for the statements of a paged read or a multi-row batch ({@code _PAGES}, {@code _KEYSET},
 * {@code _ROWS}); one per {@code @Transactional} method ({@code _TRANSACTION}). Allocated in
 * declaration order, so that two methods that would get the same name (say {@code findById} and
 * {@code findByID}) still get two. The {@code _LABELS} constants of the enums come first
 * ({@link ClassFields}).
 */
final class ConstantNames {
  private final NameAllocator names = new NameAllocator();
  private final Map<Method, String> statements = new IdentityHashMap<>();
  private final Map<ClassName, String> codecs = new LinkedHashMap<>();

  ConstantNames(Repository repository, ClassFields fields) {
    // The labels of an enum are named after the enum alone; a method's constant yields to them.
    for (JavaType.Scalar type : EnumTypes.used(repository.methods())) {
      names.newName(fields.name(type));
    }
    EnumTypes.converted(repository.methods()).stream().map(fields::converterName).distinct()
        .forEach(names::newName);
    // One codec per record that cached reads return, shared by them all.
    for (Method method : repository.methods()) {
      if (method.isCachedRead() && method.result().element() instanceof JavaType.Record record
          && !codecs.containsKey(record.typeName())) {
        codecs.put(record.typeName(), names.newName(
            constantCase(String.join("", record.typeName().simpleNames())) + "_CODEC"));
      }
    }
    for (Method method : repository.methods()) {
      String name = names.newName(constantCase(identifier(method.uniqueName())), method);
      String suffix = statementsSuffix(method);
      if (suffix != null) {
        statements.put(method, names.newName(name + suffix));
      }
    }
    for (TransactionalMethod method : repository.transactional()) {
      names.newName(constantCase(method.name()) + "_TRANSACTION", method);
    }
  }

  /** The records with a codec constant, each with its constant's name, in first use order. */
  Map<ClassName, String> codecs() {
    return codecs;
  }

  /** The constant describing {@code method} to the runtime. */
  String of(Method method) {
    return names.get(method);
  }

  /**
   * The constant holding the derived statements of a paged read or a multi-row batch; null for
   * any other method.
   */
  String statementsOf(Method method) {
    return statements.get(method);
  }

  /** The constant holding the options of a {@code @Transactional} method. */
  String of(TransactionalMethod method) {
    return names.get(method);
  }

  private static String statementsSuffix(Method method) {
    if (method.result().shape() == ResultShape.PAGE) {
      return "_PAGES";
    }
    if (method.result().shape() == ResultShape.CURSOR_PAGE) {
      return "_KEYSET";
    }
    return method.multiRowInsert() != null ? "_ROWS" : null;
  }

  /** {@code title_int_String} for {@code title(int, String)}. */
  private static String identifier(String uniqueName) {
    return uniqueName.replaceAll("[^A-Za-z0-9_$]+", "_").replaceAll("_+$", "");
  }
}
