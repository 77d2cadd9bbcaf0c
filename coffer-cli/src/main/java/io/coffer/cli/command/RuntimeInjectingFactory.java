package io.coffer.cli.command;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Creates commands for picocli, handing the {@link CliRuntime} to every command with a constructor
 * taking one; other classes (mixins, converters, commands owned elsewhere) get picocli's default.
 */
public final class RuntimeInjectingFactory implements CommandLine.IFactory {

    private final CliRuntime runtime;

    public RuntimeInjectingFactory(CliRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            Constructor<K> constructor = type.getDeclaredConstructor(CliRuntime.class);
            constructor.setAccessible(true);
            return constructor.newInstance(runtime);
        } catch (NoSuchMethodException noRuntimeConstructor) {
            return CommandLine.defaultFactory().create(type);
        }
    }
}
