package dev.osprey.composer.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Configs in a directory tree: {@code <root>/db/mysql.yaml} is {@code db/mysql}. */
record DirectorySource(Path root) implements ConfigSource {

    DirectorySource {
        root = root.toAbsolutePath().normalize();
    }

    @Override
    public Optional<String> read(String configPath) {
        if (!ConfigSource.isPlainPath(configPath) || configPath.isEmpty()) {
            return Optional.empty();
        }
        Path file = file(configPath);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isGroup(String group) {
        return ConfigSource.isPlainPath(group) && Files.isDirectory(group.isEmpty() ? root : root.resolve(group));
    }

    @Override
    public List<String> options(String group) {
        if (!isGroup(group)) {
            return List.of();
        }
        Path dir = group.isEmpty() ? root : root.resolve(group);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(EXTENSION) && name.length() > EXTENSION.length())
                    .map(name -> name.substring(0, name.length() - EXTENSION.length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list config group " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> groups(String group) {
        if (!isGroup(group)) {
            return List.of();
        }
        Path dir = group.isEmpty() ? root : root.resolve(group);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list config group " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String location() {
        return "file://" + root;
    }

    @Override
    public String describe(String configPath) {
        return file(configPath).toString();
    }

    private Path file(String configPath) {
        return root.resolve(configPath + EXTENSION);
    }
}
