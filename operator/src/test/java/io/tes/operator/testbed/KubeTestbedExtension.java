package io.tes.operator.testbed;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One test bed for the whole test run, started by the first class that asks and stopped by JUnit
 * when the run ends (the root store closes what it holds). A JVM shutdown hook stops it as well,
 * should the run be killed.
 */
public final class KubeTestbedExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(KubeTestbedExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == KubeTestbed.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent(
            KubeTestbed.class,
            key -> {
              var testbed = KubeTestbed.start();
              var hook = new Thread(testbed::close);
              Runtime.getRuntime().addShutdownHook(hook);
              return new Stopper(testbed, hook);
            },
            Stopper.class)
        .testbed();
  }

  private record Stopper(KubeTestbed testbed, Thread hook) implements AutoCloseable {
    @Override
    public void close() {
      Runtime.getRuntime().removeShutdownHook(hook);
      testbed.close();
    }
  }
}
