package dev.osprey.cli;

import dev.osprey.composer.compose.Composer;
import dev.osprey.composer.compose.ConfigRepository;
import dev.osprey.composer.config.Config;
import dev.osprey.composer.value.ConfigValue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * Shell completion. {@code osprey completion} prints a bash script (for {@code source} or
 * {@code /etc/bash_completion.d}) that asks {@code osprey __complete WORDS...} for candidates:
 * commands, flags, and for {@code run} the config's keys ({@code optimizer.lr=}), its groups and
 * their options ({@code model=vit}) and Osprey's own settings.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print the bash completion script:", "  source <(osprey completion)"})
final class CompletionCommand implements Callable<Integer> {

    private final OspreyCli.Context context;

    CompletionCommand(OspreyCli.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.out().print("""
                # bash completion for osprey: source <(osprey completion)
                _osprey_complete() {
                  local IFS=$'\\n' line words typed current prefix
                  # bash splits words at '=' and ':'; osprey wants whole overrides such as model=vit
                  line=${COMP_LINE:0:COMP_POINT}
                  IFS=$' \\t' read -r -a words <<< "$line"
                  [[ $line == *[[:space:]] ]] && words+=("")
                  typed=${words[${#words[@]}-1]}
                  current=${COMP_WORDS[COMP_CWORD]}
                  [[ $current == "=" || $current == ":" ]] && current=""
                  prefix=${typed%"$current"}
                  IFS=$'\\n'
                  COMPREPLY=( $(osprey __complete "${words[@]:1}" 2>/dev/null) )
                  COMPREPLY=( "${COMPREPLY[@]#"$prefix"}" )
                  [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *= ]] && compopt -o nospace
                }
                complete -o default -F _osprey_complete osprey
                """);
        return OspreyCli.OK;
    }

    /** {@code osprey __complete WORD... CURRENT}: one candidate per line for the word being typed. */
    @Command(name = "__complete", hidden = true)
    static final class Candidates implements Callable<Integer> {
        private final OspreyCli.Context context;
        @Parameters
        List<String> words = new ArrayList<>();

        Candidates(OspreyCli.Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            candidates(words).stream().sorted().forEach(context.out()::println);
            return OspreyCli.OK;
        }

        List<String> candidates(List<String> typed) {
            String current = typed.isEmpty() ? "" : typed.get(typed.size() - 1);
            List<String> before = typed.isEmpty() ? List.of() : typed.subList(0, typed.size() - 1);
            CommandLine root = OspreyCli.commandLine(context);
            TreeSet<String> out = new TreeSet<>();
            if (before.isEmpty()) {
                root.getSubcommands().forEach((name, sub) -> {
                    if (!sub.getCommandSpec().usageMessage().hidden()) {
                        out.add(name);
                    }
                });
            } else {
                CommandLine sub = root.getSubcommands().get(before.get(0));
                if (sub == null) {
                    return List.of();
                }
                if (current.startsWith("-")) {
                    sub.getCommandSpec().options().forEach(o -> out.addAll(List.of(o.names())));
                } else if (sub.getCommandSpec().name().equals("run")) {
                    out.addAll(overrideCandidates(before));
                }
            }
            return out.stream().filter(c -> c.startsWith(current)).toList();
        }

        /** Keys of the composed config, groups and their options, and Osprey's settings. */
        private static List<String> overrideCandidates(List<String> before) {
            Path dir = Files.isDirectory(Path.of("conf")) ? Path.of("conf") : Path.of(".");
            String name = null;
            for (int i = 0; i < before.size() - 1; i++) {
                switch (before.get(i)) {
                    case "-cp", "--config-path", "-cd", "--config-dir" -> dir = Path.of(before.get(i + 1));
                    case "-cn", "--config-name" -> name = before.get(i + 1);
                    default -> {
                    }
                }
            }
            List<String> out = new ArrayList<>(List.of("osprey/sweeper=auto", "osprey/sweeper=tpe", "osprey/sweeper=random",
                    "osprey/sweeper=grid", "osprey.sweeper.pruner=", "osprey.sweeper.max_failures=",
                    "osprey.sweeper.fail_fast=", "osprey.sweeper.timeout_s=", "osprey.sweeper.storage_timeout_s=", "osprey.sweeper.params=",
                    "osprey.run.dir=", "osprey.sweep.dir=",
                    "osprey/launcher=process", "osprey/launcher=in-process", "osprey/launcher=tsp", "osprey/launcher=slurm",
                    "osprey.sweeper.n_trials=", "osprey.sweeper.n_jobs=", "osprey.sweeper.direction=",
                    "osprey.sweeper.storage=", "osprey.sweeper.study_name=", "osprey.sweeper.seed=",
                    "osprey.job.timeout_s="));
            if (!Files.isDirectory(dir)) {
                return out;
            }
            ConfigRepository repository = ConfigRepository.fromDirectory(dir);
            try (var groups = Files.list(dir)) {
                groups.filter(Files::isDirectory).map(p -> p.getFileName().toString()).forEach(group -> {
                    if (repository.groupExists(group)) {
                        repository.options(group).forEach(option -> out.add(group + "=" + option));
                    }
                });
            } catch (java.io.IOException | RuntimeException ignored) {
                // completion offers what it can
            }
            if (name != null) {
                try {
                    Config config = new Composer(repository).compose(name);
                    keys("", config.root(), out);
                } catch (RuntimeException ignored) {
                    // a config that does not compose yet still gets group completion
                }
            }
            return out;
        }

        private static void keys(String prefix, ConfigValue node, List<String> out) {
            if (node instanceof ConfigValue.MapValue map) {
                for (Map.Entry<String, ConfigValue> e : map.entries().entrySet()) {
                    String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                    if (e.getValue() instanceof ConfigValue.MapValue) {
                        keys(key, e.getValue(), out);
                    } else {
                        out.add(key + "=");
                    }
                }
            }
        }
    }
}
