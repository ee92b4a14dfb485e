package io.cairn.node.cli;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Turns SIGINT and SIGTERM into a callback instead of the JVM's default (run shutdown hooks, then
 * exit with 128 + signal), so that {@code cairn node} can shut down in order and exit 0. Uses the
 * JDK's {@code sun.misc.Signal} (module jdk.unsupported) through reflection, which keeps the build
 * free of its proprietary-API warning; when it is missing the JVM's default stays (shutdown hooks
 * still close the node, the exit code is then 130 or 143).
 */
final class Signals {
  private Signals() {}

  /** Calls {@code action} (on a JVM signal thread) when SIGINT or SIGTERM arrives; false if unsupported. */
  static boolean onTermination(Runnable action) {
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handler = Class.forName("sun.misc.SignalHandler");
      Constructor<?> make = signal.getConstructor(String.class);
      Method handle = signal.getMethod("handle", signal, handler);
      Object proxy = Proxy.newProxyInstance(Signals.class.getClassLoader(), new Class<?>[] {handler},
          (p, m, args) -> {
            if ("handle".equals(m.getName())) {
              action.run();
              return null;
            }
            if ("toString".equals(m.getName())) {
              return "cairn shutdown signal handler";
            }
            if ("hashCode".equals(m.getName())) {
              return System.identityHashCode(p);
            }
            if ("equals".equals(m.getName())) {
              return p == args[0];
            }
            return null;
          });
      for (String name : new String[] {"TERM", "INT"}) {
        handle.invoke(null, make.newInstance(name), proxy);
      }
      return true;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return false;
    }
  }
}
