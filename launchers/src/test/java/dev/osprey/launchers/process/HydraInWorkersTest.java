package dev.osprey.launchers.process;

import dev.osprey.composer.config.Config;
import dev.osprey.composer.override.Overrides;
import dev.osprey.launchers.Job;
import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.JobStatus;
import dev.osprey.launchers.Task;
import dev.osprey.launchers.internal.RemoteTesting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real {@code @hydra.main} app (Hydra 1.3.2, set up as for the cli's Hydra tests:
 * OSPREY_HYDRA_PYTHON, OSPREY_HYDRA_PYTHONPATH) runs job after job in one worker: Hydra initialises
 * anew each time, composes the job's config, writes its {@code .hydra/} record and configures its
 * logging again, so each job's log file and stdout hold that job's lines only.
 */
class HydraInWorkersTest {

    @TempDir
    Path work;

    private ProcessLauncher launcher;
    private String python;
    private String hydraPath;

    @BeforeEach
    void hydra() {
        python = System.getenv("OSPREY_HYDRA_PYTHON");
        hydraPath = System.getenv("OSPREY_HYDRA_PYTHONPATH");
        RemoteTesting.require(python != null && hydraPath != null && Files.isDirectory(Path.of(hydraPath, "hydra")),
                "real Hydra 1.3.2 is not set up (OSPREY_HYDRA_PYTHON/OSPREY_HYDRA_PYTHONPATH); run the tests with bin/test");
        launcher = new ProcessLauncher(1, Duration.ofSeconds(2), true);
    }

    @AfterEach
    void close() {
        if (launcher != null) {
            launcher.close();
        }
    }

    @Test
    void aHydraAppRunsManyTimesInOneWorkerWithItsLoggingConfiguredAnewEachTime() throws Exception {
        Path app = Pythons.script(work.resolve("app"), "app.py", """
                import logging, os
                import hydra

                log = logging.getLogger(__name__)


                @hydra.main(version_base="1.3", config_path="conf", config_name="config")
                def main(cfg):
                    log.info("x=%s", cfg.x)
                    print("pid", os.getpid())
                    print(cfg.x * 2)


                if __name__ == "__main__":
                    main()
                """);
        Pythons.script(work.resolve("app/conf"), "config.yaml", "x: 1\n");
        Set<String> pids = new HashSet<>();
        for (int n = 0; n < 3; n++) {
            Path dir = Files.createDirectories(work.resolve("jobs").resolve(Integer.toString(n)));
            JobResult result = await(job(n, dir, app, "x=" + n, "hydra.mode=RUN", "hydra.run.dir=" + dir));
            assertEquals(JobStatus.COMPLETED, result.status(), result.error());
            assertEquals(List.of(2.0 * n), result.values());
            List<String> log = Files.readAllLines(dir.resolve("app.log"));
            assertEquals(1, log.size(), "this job's lines only: " + log);
            assertTrue(log.get(0).endsWith("[__main__][INFO] - x=" + n), log.get(0));
            List<String> stdout = Files.readAllLines(dir.resolve("stdout.log"));
            assertEquals(3, stdout.size(), "the log line, the pid and the value: " + stdout);
            assertTrue(stdout.get(0).endsWith("x=" + n), stdout.get(0));
            pids.add(stdout.get(1));
            assertEquals("- x=" + n + "\n", Files.readString(dir.resolve(".hydra/overrides.yaml")), "this job's overrides");
        }
        assertEquals(1, pids.size(), "one interpreter ran them all: " + pids);

        Path bad = Files.createDirectories(work.resolve("jobs/3"));
        JobResult failed = await(job(3, bad, app, "no_such_key=1", "hydra.mode=RUN", "hydra.run.dir=" + bad));
        assertEquals(JobStatus.FAILED, failed.status());
        assertTrue(failed.error().contains("Could not override 'no_such_key'"), failed.error());
        Path after = Files.createDirectories(work.resolve("jobs/4"));
        assertEquals(List.of(8.0), await(job(4, after, app, "x=4", "hydra.mode=RUN", "hydra.run.dir=" + after)).values(),
                "a run that Hydra refused leaves the worker able to run the next");
        assertEquals(1, launcher.pythonWorkersStarted());
    }

    private JobResult await(Job job) throws Exception {
        return launcher.submit(job).result().get(60, TimeUnit.SECONDS);
    }

    private Job job(int number, Path dir, Path app, String... overrides) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(python, app.toString()));
        command.addAll(List.of(overrides));
        Task.Program program = new Task.Program(command, Map.of("PYTHONPATH", hydraPath), java.util.Optional.of(work));
        return Job.of(number, program, Config.empty(), Overrides.parseAll(List.of()), dir);
    }
}
