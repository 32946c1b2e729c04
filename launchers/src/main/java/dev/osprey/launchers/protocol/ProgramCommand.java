package dev.osprey.launchers.protocol;

import dev.osprey.composer.override.ConfigOverride;
import dev.osprey.launchers.Job;
import dev.osprey.launchers.Task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link Task.Program} into the argument vector and environment of one job. Values are
 * substituted into single arguments and never pass through a shell, so a parameter value such as
 * {@code "a b; rm -rf x"} arrives as one argument, verbatim. Here, and only here, the job's typed
 * overrides become text: each its {@link ConfigOverride#jobString()}.
 *
 * @since 0.1
 */
public final class ProgramCommand {

    private ProgramCommand() {
    }

    /** The arguments with {@code {config}}, {@code {overrides}}, {@code {dir}}, {@code {num}}, {@code {result}} replaced. */
    public static List<String> arguments(Task.Program program, Job job) {
        JobFiles files = new JobFiles(job.directory());
        List<String> out = new ArrayList<>();
        for (String argument : program.command()) {
            if (argument.equals("{overrides}")) {
                out.addAll(overrideArguments(job));
                continue;
            }
            out.add(argument
                    .replace("{config}", files.config().toString())
                    .replace("{dir}", job.directory().toString())
                    .replace("{num}", Integer.toString(job.number()))
                    .replace("{result}", files.objective().toString()));
        }
        return out;
    }

    /** The variables a job's program gets on top of the launcher's own environment. */
    public static Map<String, String> environment(Task.Program program, Job job) {
        JobFiles files = new JobFiles(job.directory());
        Map<String, String> env = new LinkedHashMap<>(program.environment());
        // the job's resource preset may set variables (env: {...}); the program's own come after the preset's
        Map<String, String> preset = dev.osprey.launchers.Resources.ofSettings(job.settings()).environment();
        preset.forEach(env::putIfAbsent);
        env.put("OSPREY_JOB_NUM", Integer.toString(job.number()));
        env.put("OSPREY_TRIAL_NUMBER", Integer.toString(job.number()));
        env.put("OSPREY_JOB_DIR", job.directory().toString());
        env.put("OSPREY_CONFIG", files.config().toString());
        env.put("OSPREY_RESULT_FILE", files.objective().toString());
        env.put("OSPREY_FAILURE_FILE", files.failure().toString());
        env.put("OSPREY_OVERRIDES", String.join("\n", overrideArguments(job)));
        return env;
    }

    /** The job's overrides as a Hydra application reads them from its command line, one per override. */
    private static List<String> overrideArguments(Job job) {
        return job.overrides().stream().map(ConfigOverride::jobString).toList();
    }
}
