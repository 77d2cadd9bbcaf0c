package io.coffer.server;

import io.coffer.core.audit.AuditBroker;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rotates the audit files of every running server on {@code SIGHUP}, the signal operators and
 * log tooling send for this.
 *
 * <p>The JDK has no supported signal API; {@code sun.misc.Signal} (module {@code jdk.unsupported})
 * is present on every mainstream JDK and is looked up reflectively, so a JDK without it (or one
 * started with {@code -Xrs}, which reserves signals) still runs the server, only without SIGHUP
 * rotation: size-based rotation ({@code max_file_size}) keeps working. One process-wide handler
 * serves every server started in the process. Installing it replaces the JVM's default reaction
 * to SIGHUP (shutdown), which is what a server wants.
 */
final class AuditRotationSignal {

    private static final Logger LOG = LoggerFactory.getLogger(AuditRotationSignal.class);
    private static final Set<AuditBroker> BROKERS = new CopyOnWriteArraySet<>();
    private static boolean installed;

    private AuditRotationSignal() {
    }

    /** Rotates {@code broker}'s audit files on SIGHUP from now on. */
    static void register(AuditBroker broker) {
        BROKERS.add(broker);
        installOnce();
    }

    static void unregister(AuditBroker broker) {
        BROKERS.remove(broker);
    }

    /** What the handler does; also callable directly. */
    static void rotateAll() {
        int rotated = 0;
        for (AuditBroker broker : BROKERS) {
            rotated += broker.rotateAll();
        }
        LOG.info("SIGHUP: rotated {} audit file(s)", rotated);
    }

    private static synchronized void installOnce() {
        if (installed) {
            return;
        }
        installed = true;
        try {
            Class<?> signalType = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Object hup = signalType.getConstructor(String.class).newInstance("HUP");
            InvocationHandler onSignal = (Object proxy, Method method, Object[] args) -> switch (method.getName()) {
                case "handle" -> {
                    rotateAll();
                    yield null;
                }
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                case "toString" -> "coffer audit rotation on SIGHUP";
                default -> null;
            };
            Object handler = Proxy.newProxyInstance(handlerType.getClassLoader(), new Class<?>[] {handlerType}, onSignal);
            signalType.getMethod("handle", signalType, handlerType).invoke(null, hup, handler);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.warn("SIGHUP audit rotation is unavailable on this JVM ({}); use the max_file_size option instead",
                    e.getClass().getSimpleName());
        }
    }
}
