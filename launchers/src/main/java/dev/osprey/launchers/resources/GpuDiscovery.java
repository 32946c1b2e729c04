package dev.osprey.launchers.resources;

import dev.osprey.launchers.internal.Commands;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The GPUs of this machine, as {@code nvidia-smi -L} lists them ({@code GPU 0: NVIDIA A100 (UUID: ...)}). */
final class GpuDiscovery {

    private static final Pattern LINE = Pattern.compile("^GPU (\\d+):");

    private GpuDiscovery() {
    }

    /** The GPUs' indices; empty when nvidia-smi is missing, fails or lists none. */
    static Optional<List<String>> fromNvidiaSmi() {
        Optional<java.nio.file.Path> smi = Commands.find("nvidia-smi");
        if (smi.isEmpty()) {
            return Optional.empty();
        }
        try {
            Commands.Output out = Commands.run(List.of(smi.get().toString(), "-L"), Map.of(), null, Duration.ofSeconds(20));
            return out.ok() ? Optional.of(parse(out.stdout())).filter(l -> !l.isEmpty()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static List<String> parse(String listing) {
        List<String> out = new ArrayList<>();
        for (String line : listing.split("\n")) {
            Matcher m = LINE.matcher(line.strip());
            if (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }
}
