package com.circoflows.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Ctrl+C ends listen and logs --follow normally (exit status 0, their last line printed) instead of
 * killing the JVM; a second Ctrl+C ends the process at once, as usual. Only a real interrupt signal does
 * this, so a test running the commands in its own JVM is never affected.
 *
 * <p>The JDK's signal API ({@code sun.misc.Signal}, module jdk.unsupported) is looked up at run time: every
 * direct use of it draws a compiler warning, and a JVM without it keeps the default (Ctrl+C ends the
 * process at once, status 130).
 */
final class CtrlC {
    private CtrlC() {
    }

    /** Ctrl+C's handling while a command runs; closing it gives Ctrl+C back its usual meaning. */
    interface Handling extends AutoCloseable {
        @Override
        void close();
    }

    /** Until closed, Ctrl+C requests {@code stop}. */
    static Handling requests(Stop stop) {
        try {
            Class<?> signalType = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Object interrupt = signalType.getConstructor(String.class).newInstance("INT");
            Method handle = signalType.getMethod("handle", signalType, handlerType);
            Object handler = Proxy.newProxyInstance(handlerType.getClassLoader(), new Class<?>[] {handlerType},
                    (proxy, method, arguments) -> {
                        switch (method.getName()) {
                            case "handle" -> {
                                if (stop.requested()) {
                                    System.exit(130); // the shell's status for a process ended by Ctrl+C
                                }
                                stop.request();
                                return null;
                            }
                            case "hashCode" -> {
                                return System.identityHashCode(proxy);
                            }
                            case "equals" -> {
                                return proxy == arguments[0];
                            }
                            default -> {
                                return "Ctrl+C stops the command";
                            }
                        }
                    });
            Object previous = handle.invoke(null, interrupt, handler);
            return () -> {
                try {
                    handle.invoke(null, interrupt, previous);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    // the process is ending or the handler was replaced; nothing to give back
                }
            };
        } catch (ReflectiveOperationException | RuntimeException | LinkageError unavailable) {
            return () -> { };
        }
    }
}
