package dev.osprey.composer.compose;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Configs shipped as classpath resources under a prefix, in directories or jars:
 * {@code <prefix>/db/mysql.yaml} is {@code db/mysql}. Groups are listed from every classpath entry
 * that has the directory (jars need directory entries, which build tools write by default).
 */
record ClasspathSource(ClassLoader loader, String prefix) implements ConfigSource {

    ClasspathSource {
        prefix = prefix.replaceAll("^/+|/+$", "");
    }

    @Override
    public Optional<String> read(String configPath) {
        if (!ConfigSource.isPlainPath(configPath) || configPath.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = loader.getResourceAsStream(resource(configPath + EXTENSION))) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config " + describe(configPath) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isGroup(String group) {
        if (!ConfigSource.isPlainPath(group)) {
            return false;
        }
        String dir = resource(group);
        return dir.isEmpty() || loader.getResource(dir + "/") != null || !options(group).isEmpty();
    }

    @Override
    public List<String> options(String group) {
        return list(group, false);
    }

    @Override
    public List<String> groups(String group) {
        return list(group, true);
    }

    /** The configs (or, with {@code groups}, the subgroups) directly in {@code group}, from every classpath entry. */
    private List<String> list(String group, boolean groups) {
        if (!ConfigSource.isPlainPath(group)) {
            return List.of();
        }
        String dir = resource(group);
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> urls = loader.getResources(dir);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                switch (url.getProtocol()) {
                    case "file" -> listDirectory(url, groups, names);
                    case "jar" -> listJar(url, dir, groups, names);
                    default -> {
                        // other protocols cannot be listed
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list config group " + location() + "/" + group, e);
        }
        return List.copyOf(names);
    }

    private static void listDirectory(URL url, boolean groups, TreeSet<String> names) throws IOException {
        Path dir;
        try {
            dir = Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(groups ? Files::isDirectory : Files::isRegularFile).map(p -> p.getFileName().toString())
                    .forEach(n -> {
                        if (groups) {
                            names.add(n);
                        } else {
                            addOption(n, names);
                        }
                    });
        }
    }

    private static void listJar(URL url, String dir, boolean groups, TreeSet<String> names) throws IOException {
        URLConnection connection = url.openConnection();
        if (!(connection instanceof JarURLConnection jarConnection)) {
            return;
        }
        jarConnection.setUseCaches(false);
        String start = dir.isEmpty() ? "" : dir + "/";
        try (JarFile jar = jarConnection.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (!name.startsWith(start)) {
                    continue;
                }
                int slash = name.indexOf('/', start.length());
                if (groups && slash > start.length()) {
                    names.add(name.substring(start.length(), slash));
                } else if (!groups && slash < 0) {
                    addOption(name.substring(start.length()), names);
                }
            }
        }
    }

    private static void addOption(String fileName, TreeSet<String> names) {
        if (fileName.endsWith(EXTENSION) && fileName.length() > EXTENSION.length()) {
            names.add(fileName.substring(0, fileName.length() - EXTENSION.length()));
        }
    }

    @Override
    public String location() {
        return "classpath://" + prefix;
    }

    @Override
    public String describe(String configPath) {
        return "classpath:" + resource(configPath + EXTENSION);
    }

    private String resource(String path) {
        if (prefix.isEmpty()) {
            return path;
        }
        return path.isEmpty() ? prefix : prefix + "/" + path;
    }
}
