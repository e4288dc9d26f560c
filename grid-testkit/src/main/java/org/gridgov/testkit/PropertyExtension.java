package org.gridgov.testkit;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The JUnit 5 extension behind {@link Property}; {@code @Property} registers it, so tests never
 * name it. It runs the test method once per try with generated {@link ForAll} arguments, inside the
 * single test JUnit reports.
 *
 * <p>Stateless and thread-safe; per-test state lives in the JUnit extension context.
 */
public final class PropertyExtension implements ParameterResolver, InvocationInterceptor {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PropertyExtension.class);
  private static final String ARGS = "args";
  private static final Map<Class<?>, Object> ZEROS =
      Map.of(
          int.class,
          0,
          long.class,
          0L,
          double.class,
          0.0,
          float.class,
          0.0f,
          boolean.class,
          false,
          short.class,
          (short) 0,
          byte.class,
          (byte) 0,
          char.class,
          '\0');
  private static final Map<Class<?>, Class<?>> BOXES =
      Map.of(
          int.class, Integer.class,
          long.class, Long.class,
          double.class, Double.class,
          float.class, Float.class,
          boolean.class, Boolean.class,
          short.class, Short.class,
          byte.class, Byte.class,
          char.class, Character.class);

  /** Creates the extension; JUnit calls this. */
  public PropertyExtension() {}

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.isAnnotated(ForAll.class);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Object[] args = context.getStore(NAMESPACE).get(ARGS, Object[].class);
    if (args == null) {
      // JUnit resolves the arguments once before the interceptor runs; those are never used.
      return ZEROS.get(parameter.getParameter().getType());
    }
    return args[parameter.getIndex()];
  }

  @Override
  public void interceptTestMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context)
      throws Throwable {
    Method method = invocationContext.getExecutable();
    Optional<Property> property = AnnotationSupport.findAnnotation(method, Property.class);
    if (property.isEmpty()) {
      invocation.proceed();
      return;
    }
    invocation.skip();
    Object target = invocationContext.getTarget().orElse(null);
    Parameter[] params = method.getParameters();
    Gen<?>[] gens = new Gen<?>[params.length];
    for (int i = 0; i < params.length; i++) {
      ForAll forAll = params[i].getAnnotation(ForAll.class);
      if (forAll != null) {
        gens[i] = generatorFor(params[i], forAll, method, context);
      }
    }
    Gen<Object[]> args =
        src -> {
          Object[] values = new Object[gens.length];
          for (int i = 0; i < gens.length; i++) {
            if (gens[i] != null) {
              values[i] = gens[i].generate(src);
            }
          }
          return values;
        };
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    Engine.Body<Object[]> body =
        values -> {
          store.put(ARGS, values);
          try {
            context.getExecutableInvoker().invoke(method, target);
          } finally {
            store.remove(ARGS);
          }
        };
    Property p = property.get();
    String name = method.getDeclaringClass().getSimpleName() + "." + method.getName();
    new Engine<>(
            name,
            args,
            body,
            values -> render(params, gens, values),
            Settings.resolve(p.tries(), p.seed(), p.maxShrinks()))
        .run();
  }

  private static String render(Parameter[] params, Gen<?>[] gens, Object[] values) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < params.length; i++) {
      if (gens[i] != null) {
        if (sb.length() > 0) {
          sb.append('\n');
        }
        sb.append(label(params[i], i)).append(" = ").append(Render.value(values[i]));
      }
    }
    return sb.toString();
  }

  /** The parameter's name if compiled with {@code -parameters}, else its position and source. */
  private static String label(Parameter param, int index) {
    if (param.isNamePresent()) {
      return param.getName();
    }
    String source = param.getAnnotation(ForAll.class).value();
    return "parameter " + (index + 1) + (source.isEmpty() ? "" : " (" + source + ")");
  }

  private static Gen<?> generatorFor(
      Parameter param, ForAll forAll, Method method, ExtensionContext context) {
    String where = "parameter " + param.getName() + " of " + method.getName() + "()";
    if (forAll.value().isEmpty()) {
      return defaultGen(param.getType())
          .orElseThrow(
              () ->
                  new ExtensionConfigurationException(
                      "No default generator for "
                          + param.getType().getName()
                          + " ("
                          + where
                          + "): name a method returning Gen with @ForAll(\"methodName\")"));
    }
    List<Object> instances = context.getRequiredTestInstances().getAllInstances();
    for (int i = instances.size() - 1; i >= 0; i--) {
      Object instance = instances.get(i);
      Optional<Method> found = ReflectionSupport.findMethod(instance.getClass(), forAll.value());
      if (found.isPresent()) {
        Method m = found.get();
        if (!Gen.class.isAssignableFrom(m.getReturnType())) {
          throw new ExtensionConfigurationException(
              "@ForAll(\"" + forAll.value() + "\") on " + where + ": " + m + " must return Gen");
        }
        checkType(m, param, where);
        Object gen =
            context
                .getExecutableInvoker()
                .invoke(m, Modifier.isStatic(m.getModifiers()) ? null : instance);
        if (gen == null) {
          throw new ExtensionConfigurationException(m + " returned null (" + where + ")");
        }
        return (Gen<?>) gen;
      }
    }
    throw new ExtensionConfigurationException(
        "@ForAll(\""
            + forAll.value()
            + "\") on "
            + where
            + ": no method "
            + forAll.value()
            + "() in "
            + context.getRequiredTestClass().getName()
            + ", its superclasses or enclosing classes");
  }

  /** Fails early if the generator's declared value type cannot fit the parameter. */
  private static void checkType(Method m, Parameter param, String where) {
    Type returned = m.getGenericReturnType();
    if (returned instanceof ParameterizedType pt
        && pt.getRawType() == Gen.class
        && pt.getActualTypeArguments()[0] instanceof Class<?> valueType) {
      Class<?> wanted = BOXES.getOrDefault(param.getType(), param.getType());
      if (!wanted.isAssignableFrom(valueType)) {
        throw new ExtensionConfigurationException(
            m + " generates " + valueType.getName() + " but " + where + " needs " + wanted);
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Optional<Gen<?>> defaultGen(Class<?> type) {
    Class<?> t = BOXES.getOrDefault(type, type);
    if (t == Integer.class) {
      return Optional.of(Gens.ints());
    } else if (t == Long.class) {
      return Optional.of(Gens.longs());
    } else if (t == Double.class) {
      return Optional.of(Gens.doubles(-1e6, 1e6));
    } else if (t == Boolean.class) {
      return Optional.of(Gens.booleans());
    } else if (t == String.class) {
      return Optional.of(Gens.strings(0, 20));
    } else if (t.isEnum()) {
      return Optional.of(Gens.enums((Class) t));
    }
    return Optional.empty();
  }
}
