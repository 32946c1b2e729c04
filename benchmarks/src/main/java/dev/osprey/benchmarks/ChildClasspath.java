package dev.osprey.benchmarks;

import dev.osprey.composer.compose.Composer;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The classpath of the cold-compose children: what composing needs (this module's classes and
 * resources, the composer, the optimizer, the YAML library), as an application that composes configs
 * would have it, rather than the benchmarks' own classpath, which also holds database drivers whose
 * jars a class lookup would open first. Every entry is a jar (a classes folder is packed into a
 * temporary one), because a class-data archive can only be made from jars. {@link #close()} deletes the
 * temporary files.
 */
final class ChildClasspath implements AutoCloseable {

    private final Path temp;
    private final String classpath;

    private ChildClasspath(Path temp, String classpath) {
        this.temp = temp;
        this.classpath = classpath;
    }

    static ChildClasspath create() {
        try {
            Path temp = Files.createTempDirectory("osprey-coldcompose");
            List<String> entries = new ArrayList<>();
            for (Class<?> type : List.of(ColdCompose.class, Composer.class, LoadSettings.class)) {
                Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
                Path entry = Files.isDirectory(location) ? pack(location, temp.resolve(entries.size() + ".jar"))
                        : location;
                if (!entries.contains(entry.toString())) {
                    entries.add(entry.toString());
                }
            }
            return new ChildClasspath(temp, String.join(File.pathSeparator, entries));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the cold-compose classpath: " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate a classpath entry: " + e.getMessage(), e);
        }
    }

    String classpath() {
        return classpath;
    }

    /** Where the class-data archive of the children goes. */
    Path archive() {
        return temp.resolve("compose.jsa");
    }

    private static Path pack(Path folder, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
             Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = folder.relativize(file).toString().replace(File.separatorChar, '/');
                if (name.isEmpty()) {
                    continue;
                }
                boolean directory = Files.isDirectory(file);
                zip.putNextEntry(new JarEntry(directory ? name + "/" : name));
                if (!directory) {
                    Files.copy(file, zip);
                }
                zip.closeEntry();
            }
        }
        return jar;
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(temp)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + temp + ": " + e.getMessage(), e);
        }
    }
}
